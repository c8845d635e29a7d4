# Sourced by the load and soak scripts: wrk, and `syncledger demo` serving on loopback while its scheduled
# sync rewrites every account every few seconds. Expects `work` (a scratch directory) and `port`.

ensure_wrk() {
  if ! command -v wrk >/dev/null; then
    echo "installing wrk (Debian package)..." >&2
    apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }
  fi
}

# Starts `"$@" demo` in a fresh home, a sync every 5 s from 5 s after start, so syncs write during the whole
# run; waits until it serves. Sets demo_pid, and from what the demo printed: key, spend_path (the first
# store's 30 days), store_path, to (yesterday) and year_from.
start_demo() {
  SYNCLEDGER_HOME="$work/home" SYNCLEDGER_PORT="$port" SYNCLEDGER_SYNC_INITIAL_DELAY=PT5S SYNCLEDGER_SYNC_INTERVAL=PT5S \
    "$@" demo >"$work/demo.out" 2>"$work/demo.err" &
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
}
