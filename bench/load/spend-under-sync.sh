#!/usr/bin/env bash
# Load held while a sync writes: wrk against the spend endpoints of `syncledger demo` on loopback, paced to
# RATE requests/s for DURATION seconds, while the demo's scheduled sync rewrites every account every few
# seconds. Prints wrk's latency distribution and a Markdown row for docs/benchmarks.md.
#
#   bench/load/spend-under-sync.sh            # 500 requests/s for 60 s: run on an idle machine
#   bench/load/spend-under-sync.sh 500 5      # a 5-second smoke run
set -euo pipefail

rate="${1:-500}"
duration="${2:-60}"
connections="${CONNECTIONS:-20}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="$(mktemp -d)"
port="${PORT:-18090}"

if ! command -v wrk >/dev/null; then
  echo "installing wrk (Debian package)..." >&2
  apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }
fi

demo_pid=""
cleanup() {
  if [ -n "$demo_pid" ] && kill -0 "$demo_pid" 2>/dev/null; then
    kill -TERM "$demo_pid"
    wait "$demo_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

# A fresh home; a sync every 5 s from 5 s after start, so syncs write during the whole run.
SYNCLEDGER_HOME="$work/home" SYNCLEDGER_PORT="$port" SYNCLEDGER_SYNC_INITIAL_DELAY=PT5S SYNCLEDGER_SYNC_INTERVAL=PT5S \
  "$root/syncledger" demo >"$work/demo.out" 2>"$work/demo.err" &
demo_pid=$!
for _ in $(seq 1 600); do
  grep -q "Press Ctrl-C to stop." "$work/demo.out" 2>/dev/null && break
  kill -0 "$demo_pid" 2>/dev/null || { cat "$work/demo.err" >&2; echo "the demo stopped" >&2; exit 1; }
  sleep 1
done
grep -q "Press Ctrl-C to stop." "$work/demo.out" || { echo "the demo did not start serving" >&2; exit 1; }

key="$(grep -A1 '^API key for this demo run' "$work/demo.out" | tail -n 1 | tr -d ' ')"
spend_path="$(grep -o "/stores/[0-9]*/spend?from=[0-9-]*&to=[0-9-]*" "$work/demo.out" | head -n 1)"
store_path="${spend_path%%/spend*}"
to="$(date -u -d yesterday +%F)"
year_from="$(date -u -d '366 days ago' +%F)"

# wrk has no fixed rate: each connection waits connections/rate seconds between its requests.
cat >"$work/pace.lua" <<LUA
local paths = { "$spend_path", "$store_path/spend?from=$year_from&to=$to", "$store_path/statements" }
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1], { ["Authorization"] = "Bearer $key" })
end
delay = function() return math.floor($connections * 1000 / $rate) end
LUA

echo "wrk: ${rate} requests/s for ${duration}s, ${connections} connections, paths: ${spend_path} (30 days), one year, statements" >&2
wrk -t2 -c"$connections" -d"${duration}s" --latency -s "$work/pace.lua" "http://127.0.0.1:$port" | tee "$work/wrk.out"

syncs="$(grep -c 'scheduled sync finished' "$work/demo.err" || true)"
p99="$(awk '/Latency Distribution/ {f=1} f && $1 == "99%" {print $2; exit}' "$work/wrk.out")"
requests="$(awk '/requests in/ {print $1; exit}' "$work/wrk.out")"
rps="$(awk '/Requests\/sec/ {print $2}' "$work/wrk.out")"
non2xx="$(awk '/Non-2xx/ {print $NF}' "$work/wrk.out")"
socket="$(awk '/Socket errors/ {print $0}' "$work/wrk.out")"
echo
echo "| $(date -u +%F) | ${rate}/s target, ${duration} s | ${rps} req/s | ${requests} | p99 ${p99} | non-2xx ${non2xx:-0}; ${socket:-no socket errors} | scheduled syncs finished by the end: ${syncs} |"
