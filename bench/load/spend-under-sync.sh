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

# shellcheck source=../lib/demo.sh
source "$root/bench/lib/demo.sh"
ensure_wrk

demo_pid=""
cleanup() {
  if [ -n "$demo_pid" ] && kill -0 "$demo_pid" 2>/dev/null; then
    kill -TERM "$demo_pid"
    wait "$demo_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

start_demo "$root/syncledger"

# wrk has no fixed rate: each connection pauses between its requests. The pause is the connection's share of
# the period (connections/rate) less the mean latency a 5-second paced warm-up measured, so the offered load
# is the asked rate rather than below it by the time each answer takes.
write_pace() {
  cat >"$work/pace.lua" <<LUA
local paths = { "$spend_path", "$store_path/spend?from=$year_from&to=$to", "$store_path/statements" }
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1], { ["Authorization"] = "Bearer $key" })
end
delay = function() return $1 end
LUA
}
share_ms=$((connections * 1000 / rate))
write_pace "$share_ms"
wrk -t2 -c"$connections" -d5s --latency -s "$work/pace.lua" "http://127.0.0.1:$port" >"$work/warmup.out"
mean_ms="$(awk '$1 == "Latency" && $2 ~ /ms$/ {sub("ms", "", $2); printf "%d", $2; exit}
                $1 == "Latency" && $2 ~ /us$/ {print 0; exit}' "$work/warmup.out")"
pause_ms=$((share_ms - ${mean_ms:-0}))
[ "$pause_ms" -lt 0 ] && pause_ms=0
write_pace "$pause_ms"

started="$(date -u +%FT%T)"
echo "wrk: ${rate} requests/s for ${duration}s, ${connections} connections, pause ${pause_ms} ms (share ${share_ms} ms less warm-up mean ${mean_ms:-0} ms), paths: ${spend_path} (30 days), one year, statements" >&2
wrk -t2 -c"$connections" -d"${duration}s" --latency -s "$work/pace.lua" "http://127.0.0.1:$port" | tee "$work/wrk.out"

# Account syncs that finished while wrk ran (the runs' finishedAt are ISO-8601 UTC, comparable as text).
syncs="$(curl -fsS -H "Authorization: Bearer $key" "http://127.0.0.1:$port$store_path/sync-runs?limit=500" \
  | grep -o '"finishedAt":"[^"]*"' | cut -d'"' -f4 | awk -v from="$started" '$0 >= from' | wc -l)"
p99="$(awk '/Latency Distribution/ {f=1} f && $1 == "99%" {print $2; exit}' "$work/wrk.out")"
requests="$(awk '/requests in/ {print $1; exit}' "$work/wrk.out")"
rps="$(awk '/Requests\/sec/ {print $2}' "$work/wrk.out")"
non2xx="$(awk '/Non-2xx/ {print $NF}' "$work/wrk.out")"
socket="$(awk '/Socket errors/ {print $0}' "$work/wrk.out")"
echo
echo "| $(date -u +%F) | ${rate}/s target, ${duration} s | ${rps} req/s | ${requests} | p99 ${p99} | non-2xx ${non2xx:-0}; ${socket:-no socket errors} | account syncs finished during the run: ${syncs} |"
