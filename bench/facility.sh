#!/usr/bin/env bash
# bench/facility.sh - is_eligibility_affected() for a facility code against
# the prefecture form and plain SQL, in one command.
#
#   bash bench/facility.sh                      # 5M visits, 7 runs each
#   OW_BENCH_ROWS=1000000 OW_BENCH_RUNS=5 bash bench/facility.sh
#
# Output goes to the terminal and to bench/results/facility-<time>.txt.
set -euo pipefail
source "$(dirname "$0")/../scripts/lib.sh"

rows=${OW_BENCH_ROWS:-5000000}
runs=${OW_BENCH_RUNS:-7}
mkdir -p "$OW_ROOT/bench/results"
out="$OW_ROOT/bench/results/facility-$(date -u +%Y%m%dT%H%M%SZ).txt"

ow_ensure_build_packages
ow_build_install
OW_SERVER_OPTS="-c shared_buffers=2GB -c work_mem=256MB" ow_start_cluster
{
	echo "# machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; rows=$rows, runs=$runs"
	psql -X -q -v ON_ERROR_STOP=1 -v rows="$rows" -v runs="$runs" -f "$OW_ROOT/bench/facility.sql"
} 2>&1 | tee "$out"
echo "results written to $out"
grep -q 'counts agree' "$out" || ow_die "the methods did not count the same visits"
