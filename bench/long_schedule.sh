#!/usr/bin/env bash
# bench/long_schedule.sh - the long-schedule benchmark of issue 16, in one
# command.
#
#   bash bench/long_schedule.sh            # 2M visits over two years, 5 runs
#   OW_BENCH_ROWS=500000 OW_BENCH_RUNS=3 bash bench/long_schedule.sh
#
# Builds and installs the extension, starts a throwaway cluster, generates two
# years of visits and adds nine windows spread over them
# (bench/long_schedule.sql), then times, in one run, the function form
# against hand-written SQL with the windows as literals and a plain-SQL join
# to the schedule: with a btree index on the visit time, with a BRIN index,
# and over month partitions without an index.  It checks that every method
# counts the same visits, that the BRIN index is used, and how many
# partitions are scanned.  Output goes to the terminal and to
# bench/results/long_schedule-<time>.txt.
set -euo pipefail
source "$(dirname "$0")/../scripts/lib.sh"

rows=${OW_BENCH_ROWS:-2000000}
runs=${OW_BENCH_RUNS:-5}
mkdir -p "$OW_ROOT/bench/results"
out="$OW_ROOT/bench/results/long_schedule-$(date -u +%Y%m%dT%H%M%SZ).txt"

ow_ensure_build_packages
ow_build_install
OW_SERVER_OPTS="-c shared_buffers=1GB -c work_mem=64MB" ow_start_cluster

{
	echo "# machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), $(free -g | awk '/Mem:/ {print $2}') GiB"
	echo "# PostgreSQL: $(psql -X -At -c 'SHOW server_version'), rows=$rows, runs=$runs"
	psql -X -q -v ON_ERROR_STOP=1 -v rows="$rows" -v runs="$runs" \
		-f "$OW_ROOT/bench/long_schedule.sql"
} 2>&1 | tee "$out"

echo "results written to $out"
grep -q 'counts agree' "$out" || ow_die "the methods did not count the same visits"
grep -q 'BRIN used' "$out" || ow_die "the BRIN index was not used"
