#!/usr/bin/env bash
# Wall-clock time of whole CLI commands, start-up included, against `--help` (the JVM's floor) in the same run:
#   stores list                              (a ledger read: Spring context + the background database)
#   spend --store N --from D --to D          (30 days of a store with one account per platform)
# Runs are paired (help, stores list, spend, help, ...) so a drifting machine moves all three alike; prints
# each command's median and min/max, and the ratio of medians to --help's, with the load average.
#
# Usage: bench/cli/startup.sh [RUNS]   (default 15)
# Seeds its own home (SYNCLEDGER_HOME under a temp dir): one store, its accounts on the sandbox platforms,
# 30 days synced; the database server is started before the timed runs (a warm start) and stopped after.
set -euo pipefail

runs="${1:-15}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cli="$root/syncledger"
work="$(mktemp -d)"
export SYNCLEDGER_HOME="$work/home"
sandbox_pid=""

cleanup() {
  "$cli" db stop --force >/dev/null 2>&1 || true
  [ -n "$sandbox_pid" ] && kill "$sandbox_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

"$cli" --help >/dev/null # builds and prepares start-up if needed; not timed

# The sandbox platforms, and the environment that points SyncLedger at them.
"$cli" sandbox >"$work/sandbox.out" 2>&1 &
sandbox_pid=$!
for _ in $(seq 1 600); do
  grep -q '^Environment for SyncLedger' "$work/sandbox.out" 2>/dev/null && break
  sleep 0.2
done
sleep 1 # the environment is printed in one go after its heading
sed -n '/^Environment for SyncLedger/,$p' "$work/sandbox.out" | grep -E '^[A-Z][A-Z0-9_]*=' \
  | grep -v '^SYNCLEDGER_HOME=' >"$work/env"
set -a
# shellcheck disable=SC1091
. "$work/env"
set +a

to="$(date -u -d yesterday +%F)"
from="$(date -u -d '30 days ago' +%F)"
"$cli" stores add --name "Bench store" --time-zone UTC --currency EUR >/dev/null
store=1
grep -o -- '--account [a-z]*=[^ ]*' "$work/sandbox.out" | awk '!seen[substr($2, 1, index($2, "=") - 1)]++' \
  | while read -r _ account; do "$cli" accounts link --store "$store" --account "$account" >/dev/null; done
"$cli" sync --store "$store" --from "$from" --to "$to" 2>/dev/null | tail -n 1 >&2 || true # what was seeded

commands=("--help" "stores list" "spend --store $store --from $from --to $to")
declare -A times
ms() { echo $(( $(date +%s%N) / 1000000 )); }

for _ in $(seq 1 "$runs"); do
  for c in "${commands[@]}"; do
    start="$(ms)"
    # shellcheck disable=SC2086
    "$cli" $c >/dev/null 2>&1 || true # spend exits 1 when a day is missing: still timed
    end="$(ms)"
    times["$c"]+="$((end - start)) "
  done
done

median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {print a[int((NR + 1) / 2)]}'; }
minmax() { tr ' ' '\n' | grep -v '^$' | sort -n | awk 'NR==1 {min=$1} {max=$1} END {print min "-" max}'; }

echo "$(date -u +%FT%TZ), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $runs runs each"
help_median="$(echo "${times["--help"]}" | median)"
printf '%-60s %10s %14s %10s\n' "command" "median ms" "min-max ms" "x --help"
for c in "${commands[@]}"; do
  m="$(echo "${times["$c"]}" | median)"
  printf '%-60s %10s %14s %10s\n' "$c" "$m" "$(echo "${times["$c"]}" | minmax)" \
    "$(awk -v a="$m" -v b="$help_median" 'BEGIN {printf "%.2f", a / b}')"
done
