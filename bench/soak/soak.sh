#!/usr/bin/env bash
# Soak: `syncledger demo` serves spend and statement reads (wrk, paced) while its scheduled sync rewrites
# every account every few seconds, for DURATION seconds (30 minutes by default). Every INTERVAL seconds it
# samples the service's heap after a full GC (jcmd GC.run, then jstat), its threads and resident memory,
# the database's connections (pg_stat_activity) and the load average, and prints them as a Markdown table.
# It stops by itself: wrk runs for DURATION, the sampler ends with it, and the demo is stopped on exit.
# Not run by CI: it shows flatness (no growth over time), not speed.
#
#   bench/soak/soak.sh                 # 30 minutes, a sample a minute, 100 requests/s
#   bench/soak/soak.sh 120 10 50       # a 2-minute smoke run: a sample every 10 s, 50 requests/s
set -euo pipefail

duration="${1:-1800}"
interval="${2:-60}"
rate="${3:-100}"
connections="${CONNECTIONS:-10}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="$(mktemp -d)"
port="${PORT:-18093}"
jar="$root/app/target/syncledger-app-0.1.0-SNAPSHOT-exec.jar"

# shellcheck source=../lib/demo.sh
source "$root/bench/lib/demo.sh"
ensure_wrk

java_bin=""
for candidate in ${JAVA_HOME:+"$JAVA_HOME/bin/java"} "$(command -v java || true)" /usr/lib/jvm/*/bin/java; do
  version="$("$candidate" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}' | cut -d. -f1)" || continue
  if [ "${version:-0}" -ge 21 ] 2>/dev/null; then java_bin="$candidate"; break; fi
done
[ -n "$java_bin" ] || { echo "no Java 21 or newer found (set JAVA_HOME)" >&2; exit 1; }
jdk_bin="$(dirname "$java_bin")"

if [ ! -f "$jar" ]; then
  (cd "$root" && ./mvnw -B -q -DskipTests -pl app -am package) >&2
fi
# A copy, so a build in the work tree during the soak cannot replace the running jar.
cp "$jar" "$work/syncledger.jar"

demo_pid=""
wrk_pid=""
cleanup() {
  [ -n "$wrk_pid" ] && kill "$wrk_pid" 2>/dev/null || true
  if [ -n "$demo_pid" ] && kill -0 "$demo_pid" 2>/dev/null; then
    kill -TERM "$demo_pid"
    wait "$demo_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

start_demo "$java_bin" -jar "$work/syncledger.jar"
month="$(date -u -d "$(date -u +%Y-%m-15) -1 month" +%Y-%m)"
# The server the demo keeps: the background one where it started one, else the first embedded server.
db_port="$(grep -ho 'embedded PostgreSQL started in the background: data=[^ ]* port=[0-9]*' "$work/demo.out" "$work/demo.err" \
  | tail -n 1 | sed 's/.*port=//')"
[ -n "$db_port" ] || db_port="$(grep -ho 'embedded PostgreSQL started: data=[^ ]* port=[0-9]*' "$work/demo.out" "$work/demo.err" \
  | head -n 1 | sed 's/.*port=//')"
[ -n "$db_port" ] || { echo "cannot find the embedded PostgreSQL's port in the demo's log" >&2; exit 1; }

cat >"$work/pace.lua" <<LUA
local paths = { "$spend_path", "$store_path/spend?from=$year_from&to=$to", "$store_path/statements/$month/preview" }
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1], { ["Authorization"] = "Bearer $key" })
end
delay = function() return math.floor($connections * 1000 / $rate) end
LUA

echo "soak: ${duration} s, ${rate} requests/s over ${connections} connections (${spend_path}, one year, statement preview $month), a sync every 5 s; sample every ${interval} s" >&2
wrk -t1 -c"$connections" -d"${duration}s" --latency -s "$work/pace.lua" "http://127.0.0.1:$port" >"$work/wrk.out" 2>&1 &
wrk_pid=$!

mb() { awk -v kb="$1" 'BEGIN { printf "%.1f", kb / 1024 }'; }
started="$(date +%s)"
echo "| minute | heap after GC (MB) | old gen (MB) | committed heap (MB) | threads | RSS (MB) | DB connections (active) | account syncs finished | load average (1 min) |"
echo "|---|---|---|---|---|---|---|---|---|"
while kill -0 "$wrk_pid" 2>/dev/null; do
  "$jdk_bin/jcmd" "$demo_pid" GC.run >/dev/null
  read -r used old committed < <("$jdk_bin/jstat" -gc "$demo_pid" | awk 'NR == 2 {
      print $3 + $4 + $6 + $8, $8, $1 + $2 + $5 + $7 }')
  threads="$(awk '/^Threads:/ {print $2}' "/proc/$demo_pid/status")"
  rss="$(awk '/^VmRSS:/ {print $2}' "/proc/$demo_pid/status")"
  connections_now="$(psql -h 127.0.0.1 -p "$db_port" -U postgres -d postgres -Atc \
    "select count(*) || ' (' || count(*) filter (where state = 'active') || ')' from pg_stat_activity where backend_type = 'client backend' and pid <> pg_backend_pid()")"
  syncs="$(psql -h 127.0.0.1 -p "$db_port" -U postgres -d postgres -Atc \
    "select count(*) from sync_run where finished_at is not null")"
  load="$(cut -d' ' -f1 /proc/loadavg)"
  minute="$(awk -v s="$(( $(date +%s) - started ))" 'BEGIN { printf "%.1f", s / 60 }')"
  echo "| $minute | $(mb "$used") | $(mb "$old") | $(mb "$committed") | $threads | $(mb "$rss") | $connections_now | $syncs | $load |"
  for _ in $(seq 1 "$interval"); do
    kill -0 "$wrk_pid" 2>/dev/null || break
    sleep 1
  done
done
wait "$wrk_pid" || true
wrk_pid=""

echo
cat "$work/wrk.out"
# What the heap holds at the end, largest first: SyncLedger's own classes, to tell the service from the
# in-process sandbox the demo runs (its fakes record every request they answer).
echo
echo "live objects at the end (jcmd GC.class_histogram), the ten largest and the SyncLedger classes among the first 300:"
"$jdk_bin/jcmd" "$demo_pid" GC.class_histogram | awk 'NR <= 13 || (NR <= 303 && /syncledger/)'
errors="$(grep -ci 'exception\|ERROR' "$work/demo.err" || true)"
echo "demo log lines with ERROR or an exception: $errors"
grep -i 'exception\|ERROR' "$work/demo.err" | cut -c1-300 | head -n 10 || true
