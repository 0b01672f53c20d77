#!/usr/bin/env bash
# bench/citus.sh - the report on a Citus cluster against the same report on a
# single node, on the same visits and the same schedule.
#
#   bash bench/citus.sh                       # 400,000 visits, 7 runs each
#   OW_BENCH_ROWS=100000 OW_BENCH_RUNS=5 bash bench/citus.sh
#
# Starts a coordinator, two workers and a plain node on Unix sockets
# (scripts/citus.sh, which builds Citus once into its cache), all on this
# machine: the cluster's answers come from the same cores as the single
# node's, so the ratios show what distribution costs here, not what more
# machines would gain.  The schedule tables are made reference tables as
# doc/citus.md says.  Each query runs OW_BENCH_RUNS times; the median of the
# client's elapsed time is printed, with its ratio to the same query on the
# plain node, and every query's count is checked against the plain node's.
# Output goes to the terminal and to bench/results/citus-<time>.txt.
set -euo pipefail
source "$(dirname "$0")/../scripts/lib.sh"
source "$OW_ROOT/scripts/citus.sh"

rows=${OW_BENCH_ROWS:-400000}
runs=${OW_BENCH_RUNS:-7}
mkdir -p "$OW_ROOT/bench/results"
out="$OW_ROOT/bench/results/citus-$(date -u +%Y%m%dT%H%M%SZ).txt"

ow_ensure_build_packages
make -C "$OW_ROOT" -s PG_CONFIG="$OW_PG_BIN/pg_config" all >/dev/null
ow_citus_prepare || ow_die "no Citus: ${OW_CITUS_SKIP:-}"
export PATH="$OW_CITUS_PG_BIN:$PATH"
OW_CITUS_PORT=${OW_CITUS_PORT:-$((54340 + RANDOM % 500 * 5))}
ow_citus_start_cluster
trap 'exit 1' INT TERM

q() {
	local port=$1
	shift
	psql -X -q -At -v ON_ERROR_STOP=1 -p "$port" "$@"
}
COORD=$OW_CITUS_COORD W1=$OW_CITUS_W1 PLAIN=$OW_CITUS_PLAIN

setup="
CREATE EXTENSION outage_window;
CREATE TABLE visits (id bigint NOT NULL, facility_id int NOT NULL,
                     pref prefecture NOT NULL, at timestamptz NOT NULL);
INSERT INTO visits
SELECT g, 1 + g % 500, (1 + g % 47)::prefecture,
       timestamptz '2025-02-01 12:00+09' + (g % 86400) * interval '3 seconds'
FROM generate_series(1, $rows) AS g;
-- the router queries' facility is found by index on both sides
CREATE INDEX ON visits (facility_id);
INSERT INTO outage_schedule (area, period, note) VALUES
  ('west', outage_window('2025-02-03 09:00+09', '2025-02-03 12:00+09', 'outage'), 'bench');
UPDATE prefecture_area SET area = 'east' WHERE prefecture OPERATOR(=) '静岡'::prefecture;
"
q "$PLAIN" -c "$setup" -c 'VACUUM ANALYZE visits'
q "$COORD" -c "$setup"
PGOPTIONS='-c client_min_messages=warning' q "$COORD" -c "SELECT create_distributed_table('visits', 'facility_id')" >/dev/null
q "$COORD" -c 'VACUUM ANALYZE visits'
perl -ne 'if (/citus-step: reference-tables/) { $on = 1; next } if ($on && /^```sql/) { $in = 1; next }
	if ($in && /^```/) { exit } print if $in' "$OW_ROOT/doc/citus.md" |
	PGOPTIONS='-c client_min_messages=warning' q "$COORD" >/dev/null

# median elapsed ms of a query run $runs times in one session (after one
# unmeasured run), and its answer
timed() {
	local port=$1 query=$2
	{
		echo '\timing on'
		for _ in $(seq 0 "$runs"); do echo "$query;"; done
	} | q "$port" 2>&1 | perl -ne '
		if (/^Time: ([\d.]+) ms/) { push @t, $1 } elsif (/^(\d+)$/) { $ans = $1 }
		END { shift @t; @t = sort { $a <=> $b } @t; printf "%.1f %s\n", $t[$#t / 2], $ans }'
}

cal='(SELECT current_outage_calendar())'
{
	echo "# machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), shared; Citus $OW_CITUS_VERSION, 1 coordinator + 2 workers on this machine"
	echo "# PostgreSQL: $(q "$PLAIN" -c 'SHOW server_version'), rows=$rows, runs=$runs (median; one unmeasured run first), 32 shards by facility"
	printf '%-58s %10s %10s %7s\n' "query" "single ms" "citus ms" "ratio"
	while IFS='|' read -r label where started; do
		query="SELECT count(*) FROM visits v WHERE $where"
		read -r plain_ms plain_n <<<"$(timed "$PLAIN" "$query")"
		port=$COORD
		[ "$started" = worker ] && port=$W1
		read -r citus_ms citus_n <<<"$(timed "$port" "$query")"
		[ "$plain_n" = "$citus_n" ] || ow_die "$label: $citus_n on Citus, $plain_n on the single node"
		printf '%-58s %10s %10s %7.2f\n' "$label" "$plain_ms" "$citus_ms" "$(echo "$citus_ms / $plain_ms" | bc -l)"
	done <<SQL
all shards, two-argument form|is_eligibility_affected(v.pref, v.at)|coordinator
all shards, calendar form (SELECT current_outage_calendar())|is_eligibility_affected(v.pref, v.at, $cal)|coordinator
all shards, calendar form, started on a worker|is_eligibility_affected(v.pref, v.at, $cal)|worker
all shards, eligibility_impact > none|eligibility_impact(v.pref, v.at) > 'none'|coordinator
one facility (router), two-argument form|v.facility_id = 7 AND is_eligibility_affected(v.pref, v.at)|coordinator
one facility (router), calendar form|v.facility_id = 7 AND is_eligibility_affected(v.pref, v.at, $cal)|coordinator
all shards, no function (floor: count(*) of the rows)|true|coordinator
SQL

	# Two years of visits in a table partitioned by month (distributed by id
	# on Citus), nine nationwide windows over those years: the function form
	# against the same windows written as literal ranges, and the partitions
	# each plan reads.
	months="
DELETE FROM outage_schedule;
INSERT INTO outage_schedule (area, period, note)
SELECT NULL, outage_window(a, a + interval '3 hours', 'outage'), 'bench ' || i
FROM generate_series(0, 8) AS i,
     LATERAL (SELECT timestamptz '2024-07-10 09:00+09' + i * interval '83 days' AS a) AS x;
CREATE TABLE visits_months (id bigint NOT NULL, pref prefecture NOT NULL,
                            at timestamptz NOT NULL) PARTITION BY RANGE (at);
SELECT format('CREATE TABLE visits_m%s PARTITION OF visits_months FOR VALUES FROM (%L) TO (%L)', m,
              timestamptz '2024-07-01 00:00+09' + m * interval '1 month',
              timestamptz '2024-07-01 00:00+09' + (m + 1) * interval '1 month')
FROM generate_series(0, 23) AS m \\gexec
"
	echo "$months" | q "$PLAIN" >/dev/null
	echo "$months" | q "$COORD" >/dev/null
	q "$COORD" -c "SELECT create_distributed_table('visits_months', 'id', shard_count := 32)" >/dev/null
	for port in "$PLAIN" "$COORD"; do
		q "$port" -c "INSERT INTO visits_months SELECT g, (1 + g % 47)::prefecture, timestamptz '2024-07-01 00:00+09' + ((g - 1)::float8 / $rows) * interval '730 days' FROM generate_series(1, $rows) AS g" -c 'VACUUM ANALYZE visits_months'
	done
	literal=$(q "$PLAIN" -c "SELECT string_agg(format('v.at >= %L AND v.at < %L', lower(period), upper(period)), ' OR ' ORDER BY lower(period)) FROM outage_schedule")
	echo
	echo "# visits_months: the same $rows visits over two years, 24 month partitions (32 shards by id on Citus), 9 nationwide windows"
	printf '%-58s %10s %10s %7s %s\n' "query" "single ms" "citus ms" "ratio" "partitions read (single; each Citus shard query)"
	while IFS='|' read -r label where; do
		query="SELECT count(*) FROM visits_months v WHERE $where"
		read -r plain_ms plain_n <<<"$(timed "$PLAIN" "$query")"
		read -r citus_ms citus_n <<<"$(timed "$COORD" "$query")"
		[ "$plain_n" = "$citus_n" ] || ow_die "$label: $citus_n on Citus, $plain_n on the single node"
		plain_parts=$(q "$PLAIN" -c "EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) $query" | grep 'Scan on visits_m' | grep -vc 'never executed' || true)
		citus_parts=$(q "$COORD" -c "SET citus.explain_all_tasks = on" -c "EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) $query" | grep 'Scan on visits_m' | grep -vc 'never executed' || true)
		printf '%-58s %10s %10s %7.2f %s of 24; %s of 768 in 32 tasks\n' "$label" "$plain_ms" "$citus_ms" \
			"$(echo "$citus_ms / $plain_ms" | bc -l)" "$plain_parts" "$citus_parts"
	done <<SQL
month partitions, two-argument form|is_eligibility_affected(v.pref, v.at)
month partitions, literal ranges (hand-written SQL)|$literal
month partitions, no condition (floor: count(*) of the rows)|true
SQL
} 2>&1 | tee "$out"
echo "results written to $out"
