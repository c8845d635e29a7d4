#!/usr/bin/env bash
# The summary's refresh cost against the kept summary's upkeep at one ledger size, one size per run, alone on
# the machine (LedgerScaleBenchmark: loads the ledger, refreshes the old materialized view whole three times,
# times the upkeep a sync does now; prints Markdown rows for docs/benchmarks.md):
#   1m    100 stores x 9 platforms x 1,096 days =   986,400 account-days, upkeep only
#   5m    500 stores x 9 platforms x 1,096 days = 4,932,000 account-days, upkeep only
#   10m 1,000 stores x 9 platforms x 1,096 days = 9,864,000 account-days, upkeep and reads (about 4 GB of temporary data)
#
# Usage: bench/ledger/refresh-cost.sh 1m|5m|10m
# JAVA may name a java of 21 or newer (default: java on the PATH). Builds the bench module first (no install).
set -euo pipefail

case "${1:-}" in
  1m) stores=100; parts=upkeep ;;
  5m) stores=500; parts=upkeep ;;
  10m) stores=1000; parts=all ;;
  *) echo "usage: $0 1m|5m|10m" >&2; exit 2 ;;
esac

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
./mvnw -B -o -q -pl bench -am package -DskipTests
echo "load average before: $(cat /proc/loadavg)"
"${JAVA:-java}" -Dlogback.statusListenerClass=ch.qos.logback.core.status.NopStatusListener \
    -cp 'bench/target/classes:bench/target/lib/*' com.syncledger.bench.LedgerScaleBenchmark \
    "$stores" 1096 2000 500 "$parts"
echo "load average after: $(cat /proc/loadavg)"
