#!/usr/bin/env bash
# bench/eligibility.sh - the speed benchmark of issue 5, in one command.
#
#   bash bench/eligibility.sh            # 10M visits, 5 runs of every query
#                                        # and 4 more of all but the slow
#                                        # plain-SQL EXISTS join
#   OW_BENCH_ROWS=1000000 OW_BENCH_RUNS=7 OW_BENCH_EXTRA_RUNS=0 bash bench/eligibility.sh
#
# Builds and installs the extension, starts a throwaway cluster sized to keep
# the visits in memory, generates the visits (bench/eligibility.sql), times
# the extension against the L0 floor and the plain-SQL ways with and without
# parallel workers and a btree index, and checks that every way counts the
# same visits and that a backend's memory stays flat over the calls.
# Output goes to the terminal and to bench/results/eligibility-<time>.txt.
set -euo pipefail
source "$(dirname "$0")/../scripts/lib.sh"

rows=${OW_BENCH_ROWS:-10000000}
runs=${OW_BENCH_RUNS:-5}
extra_runs=${OW_BENCH_EXTRA_RUNS:-4}
mkdir -p "$OW_ROOT/bench/results"
out="$OW_ROOT/bench/results/eligibility-$(date -u +%Y%m%dT%H%M%SZ).txt"

ow_ensure_build_packages
ow_build_install
OW_SERVER_OPTS="-c shared_buffers=4GB -c work_mem=256MB -c max_parallel_workers=4 -c max_worker_processes=8" \
	ow_start_cluster

{
	echo "# machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), $(free -g | awk '/Mem:/ {print $2}') GiB"
	echo "# PostgreSQL: $(psql -X -At -c 'SHOW server_version'), rows=$rows, runs=$runs (+$extra_runs but the EXISTS join)"
	psql -X -q -v ON_ERROR_STOP=1 -v rows="$rows" -v runs="$runs" -v extra_runs="$extra_runs" \
		-f "$OW_ROOT/bench/eligibility.sql"

	echo
	echo "Backend peak memory (VmHWM) around calls over every visit:"
	psql -X -q -At -v ON_ERROR_STOP=1 <<'SQL'
SET search_path = bench, public;
SET max_parallel_workers_per_gather = 0;
-- full scans only, so that every step touches the same shared buffers
SET enable_indexscan = off;
SET enable_bitmapscan = off;
CREATE TEMP TABLE hwm (step text, kb bigint);
CREATE FUNCTION pg_temp.hwm() RETURNS bigint LANGUAGE sql AS $$
	SELECT substring(pg_read_file('/proc/' || pg_backend_pid() || '/status') FROM 'VmHWM:\s+(\d+)')::bigint $$;
SELECT count(*) FROM visits_pref WHERE is_eligibility_affected(prefecture, visit_at);
SELECT count(*) FROM visits_text WHERE is_eligibility_affected(prefecture, visit_at);
INSERT INTO hwm SELECT 'after one pass over all visits', pg_temp.hwm();
SELECT count(*) FROM visits_pref WHERE is_eligibility_affected(prefecture, visit_at);
SELECT count(*) FROM visits_text WHERE is_eligibility_affected(prefecture, visit_at);
SELECT count(*) FROM visits_pref WHERE eligibility_impact(prefecture, visit_at) > 'none';
SELECT count(*) FROM visits_text WHERE eligibility_impact(prefecture, visit_at::timestamp) > 'none';
INSERT INTO hwm SELECT 'after four more passes', pg_temp.hwm();
SELECT step || ': ' || kb || ' kB' FROM hwm;
SELECT 'growth: ' || (max(kb) - min(kb)) || ' kB' FROM hwm;
SQL
} 2>&1 | tee "$out"

echo "results written to $out"
grep -q 'counts agree' "$out" || ow_die "the methods did not count the same visits"
