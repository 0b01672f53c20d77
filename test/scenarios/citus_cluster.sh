#!/usr/bin/env bash
# test/scenarios/citus_cluster.sh - on a real Citus cluster every function
# that reads the schedule gives what a single node gives for the same data
# and schedule, or fails with an error whose hint names what works; never a
# silently different answer.
#
# Run by scripts/test.sh as a stage of its own (not among the other
# scenarios).  It needs Citus: scripts/citus.sh finds it installed, or
# builds it once from OW_CITUS_SRC or ../shared/vendor/citus/ into a cache
# outside the repository.  Without either it says why and exits 3, which
# test.sh counts as skipped; OW_CITUS=0 skips it too.
#
# A coordinator, two workers and a plain node without Citus, all on Unix
# sockets.  The same visits go into the plain node's tables and into three
# distributed tables of the cluster (by visit id, by facility, by
# prefecture), with a reference table of facilities.  The same user edits
# are made on the plain node and on the coordinator: windows added (one in
# a new area), a seed window deleted, prefectures moved, a facility_area
# row.  Then every overload of every function that reads the schedule is
# run over each table, over all shards and routed to one shard, started on
# the coordinator and on each worker, without an index on the visit time
# under one TimeZone/DateStyle pair and with one under another; each answer
# is compared with the plain node's for the same query.
#   Phase 1: the schedule tables as CREATE EXTENSION leaves them: an answer
#     may instead be an error, provided its hint names what works.
#   Phase 2: after the one-time step of doc/citus.md (the block marked
#     "citus-step: reference-tables", run as written there) and more edits
#     on the coordinator: every answer must equal the plain node's.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../../scripts/lib.sh"
source "$OW_ROOT/scripts/citus.sh"

if [ "${OW_CITUS:-1}" = 0 ]; then
	echo "SKIPPED: the Citus cluster scenario (OW_CITUS=0)"
	exit 3
fi
rc=0
ow_citus_prepare || rc=$?
if [ "$rc" = 1 ]; then
	echo "SKIPPED: the Citus cluster scenario: $OW_CITUS_SKIP"
	exit 3
elif [ "$rc" != 0 ]; then
	ow_die "Citus could not be prepared: $OW_CITUS_SKIP"
fi
ow_log "Citus: $OW_CITUS_BUILT ($OW_CITUS_PG_BIN)"
export PATH="$OW_CITUS_PG_BIN:$PATH"
OW_CITUS_PORT=${OW_CITUS_PORT:-$((54340 + RANDOM % 500 * 5))}
ow_citus_start_cluster
work=$(mktemp -d /tmp/ow-citus-scen.XXXXXX)
chmod 755 "$work"
trap 'ow_citus_stop_cluster; rm -rf "$work"' EXIT
trap 'exit 1' INT TERM

COORD=$OW_CITUS_COORD W1=$OW_CITUS_W1 W2=$OW_CITUS_W2 PLAIN=$OW_CITUS_PLAIN
q() {
	local port=$1
	shift
	psql -X -q -At -v ON_ERROR_STOP=1 -p "$port" "$@"
}
on_both() { q "$COORD" "$@" <"$work/sql" && q "$PLAIN" "$@" <"$work/sql"; }

# --- the extension on every node, then the visits --------------------------
for port in "$COORD" "$PLAIN"; do
	q "$port" -c 'CREATE EXTENSION outage_window'
done
q "$COORD" -c "SELECT run_command_on_workers('SELECT extversion FROM pg_extension WHERE extname = ''outage_window''')" |
	grep -q '1\.1' || ow_die "CREATE EXTENSION on the coordinator did not reach the workers"

cat >"$work/sql" <<'SQL'
-- facilities in 12 prefectures, among them the ones the edits move
CREATE TABLE facility (facility_id int PRIMARY KEY, pref prefecture NOT NULL,
                       code medical_institution_code NOT NULL);
INSERT INTO facility
SELECT f, p, (lpad(prefecture_code(p)::text, 2, '0') || '1' || lpad(f::text, 7, '0'))::medical_institution_code
FROM generate_series(1, 36) AS f,
     LATERAL (SELECT ((ARRAY[1, 4, 13, 14, 15, 16, 19, 20, 22, 23, 27, 47])[1 + f % 12])::prefecture AS p) AS x;
SQL
on_both
for t in visit_by_id visit_by_facility visit_by_pref; do
	cat >"$work/sql" <<SQL
CREATE TABLE $t (id bigint NOT NULL, facility_id int NOT NULL, pref prefecture NOT NULL,
                 pref_text text NOT NULL, code medical_institution_code NOT NULL,
                 at timestamptz NOT NULL, at_local timestamp NOT NULL, day date NOT NULL,
                 hours time[]);
-- every 11 minutes for 10 days from the notice's night, each at one facility
INSERT INTO $t
SELECT g, f.facility_id, f.pref, prefecture_name_en(f.pref), f.code, a,
       (a AT TIME ZONE 'Asia/Tokyo'), (a AT TIME ZONE 'Asia/Tokyo')::date,
       CASE WHEN g % 3 = 0 THEN ARRAY['09:00', '12:00', '14:00', '18:00']::time[] END
FROM generate_series(1, 1300) AS g
JOIN facility AS f ON f.facility_id = 1 + (g * 7) % 36,
     LATERAL (SELECT timestamptz '2025-02-01 18:00+09' + g * interval '11 minutes' AS a) AS x;
SQL
	on_both
done
PGOPTIONS='-c client_min_messages=warning' q "$COORD" >/dev/null <<'SQL'
SELECT create_reference_table('facility');
-- few shards: every shape is there with four as with 32, in less time
SELECT create_distributed_table('visit_by_id', 'id', shard_count := 4);
SELECT create_distributed_table('visit_by_facility', 'facility_id', shard_count := 4);
SELECT create_distributed_table('visit_by_pref', 'pref', shard_count := 4);
SQL

# --- the user's edits, the same on both -------------------------------------
cat >"$work/sql" <<'SQL'
INSERT INTO outage_area (area, description) VALUES ('okinawa', 'a line of its own');
UPDATE prefecture_area SET area = 'okinawa' WHERE prefecture OPERATOR(=) '沖縄'::prefecture;
UPDATE prefecture_area SET area = 'east' WHERE prefecture OPERATOR(=) '静岡'::prefecture;
INSERT INTO outage_schedule (area, period, note) VALUES
  (NULL, outage_window('2025-02-06 09:00+09', '2025-02-06 11:30+09', 'outage'), 'nationwide'),
  ('west', outage_window('2025-02-05 13:00+09', '2025-02-05 16:00+09', 'intermittent'), 'west'),
  ('okinawa', outage_window('2025-02-04 08:00+09', '2025-02-04 20:00+09', 'outage'), 'okinawa'),
  ('east', outage_window('2025-02-07 10:00+09', '2025-02-07 10:40+09', 'registration_delay'), 'east');
DELETE FROM outage_schedule WHERE id = (SELECT min(id) FROM outage_schedule);
-- a 静岡 facility on the West line, though 静岡 now is East
INSERT INTO facility_area (facility, area)
SELECT code, 'west' FROM facility WHERE pref OPERATOR(=) '静岡'::prefecture ORDER BY facility_id LIMIT 1;
SQL
on_both

# The edits must change answers, else the comparisons below could not tell
# a node's stale copy from the schedule.
seeds_only=$(q "$PLAIN" -c "SELECT count(*) FROM visit_by_id v, (SELECT outage_calendar(s.area, s.period) AS c FROM shipped_outage_windows() AS s) AS s WHERE is_eligibility_affected(v.pref, v.at, s.c)")
edited=$(q "$PLAIN" -c "SELECT count(*) FROM visit_by_id v WHERE is_eligibility_affected(v.pref, v.at)")
[ "$seeds_only" != "$edited" ] || ow_die "the edits change no answer ($edited affected visits either way)"
ow_log "affected visits: $edited with the edits, $seeds_only with the seeds alone"

# --- the cases ---------------------------------------------------------------
# cz_try runs one query and returns a digest of its rows, or the error with
# its SQLSTATE and hint.  It is created on each node by hand (not
# propagated) so that every node has exactly this one.
try_fn=$(cat <<'SQL'
SET citus.enable_ddl_propagation = off;
CREATE FUNCTION cz_try(query text) RETURNS text LANGUAGE plpgsql AS $f$
DECLARE r text; m text; h text; s text;
BEGIN
	EXECUTE 'SELECT count(*) || '' '' || md5(coalesce(string_agg(x::text, '';'' ORDER BY x::text), '''')) FROM ('
		|| query || ') AS x' INTO r;
	RETURN r;
EXCEPTION WHEN OTHERS THEN
	GET STACKED DIAGNOSTICS m = MESSAGE_TEXT, h = PG_EXCEPTION_HINT, s = RETURNED_SQLSTATE;
	RETURN 'ERROR ' || s || ': ' || m || ' HINT: ' || coalesce(h, '');
END
$f$;
SQL
)
for port in "$COORD" "$W1" "$W2"; do
	q "$port" -c "$try_fn" >/dev/null
done
q "$PLAIN" -c "${try_fn#SET citus.enable_ddl_propagation = off;}" >/dev/null

# Every form: a label and a select list item over visit v (VALUE) or over
# v joined with the reference table of facilities f (JOIN), a WHERE
# condition (WHERE), a lateral set-returning call (SRF) or a query of its
# own (QUERY).
cal='(SELECT current_outage_calendar())'
cat >"$work/forms" <<SQL
VALUE	affected(pref,tz)	is_eligibility_affected(v.pref, v.at)
VALUE	affected(pref,local)	is_eligibility_affected(v.pref, v.at_local)
VALUE	affected(text,tz)	is_eligibility_affected(v.pref_text, v.at)
VALUE	affected(text,local)	is_eligibility_affected(v.pref_text, v.at_local)
VALUE	affected(code,tz)	is_eligibility_affected(v.code, v.at)
VALUE	affected(code,local)	is_eligibility_affected(v.code, v.at_local)
VALUE	affected(pref,tz,cal)	is_eligibility_affected(v.pref, v.at, $cal)
VALUE	affected(pref,local,cal)	is_eligibility_affected(v.pref, v.at_local, $cal)
VALUE	affected(text,tz,cal)	is_eligibility_affected(v.pref_text, v.at, $cal)
VALUE	affected(text,local,cal)	is_eligibility_affected(v.pref_text, v.at_local, $cal)
VALUE	affected(pref,tz,bare cal)	is_eligibility_affected(v.pref, v.at, current_outage_calendar())
VALUE	impact(pref,tz)	eligibility_impact(v.pref, v.at)
VALUE	impact(pref,local)	eligibility_impact(v.pref, v.at_local)
VALUE	impact(text,tz)	eligibility_impact(v.pref_text, v.at)
VALUE	impact(text,local)	eligibility_impact(v.pref_text, v.at_local)
VALUE	impact(code,tz)	eligibility_impact(v.code, v.at)
VALUE	impact(code,local)	eligibility_impact(v.code, v.at_local)
VALUE	impact(pref,tz,cal)	eligibility_impact(v.pref, v.at, $cal)
VALUE	impact(pref,local,cal)	eligibility_impact(v.pref, v.at_local, $cal)
VALUE	impact(text,tz,cal)	eligibility_impact(v.pref_text, v.at, $cal)
VALUE	impact(text,local,cal)	eligibility_impact(v.pref_text, v.at_local, $cal)
VALUE	impact_on_day(pref)	eligibility_impact_on_day(v.pref, v.day)
VALUE	impact_on_day(text)	eligibility_impact_on_day(v.pref_text, v.day)
VALUE	impact_on_day(code)	eligibility_impact_on_day(v.code, v.day)
VALUE	impact_on_day(pref,cal)	eligibility_impact_on_day(v.pref, v.day, $cal)
VALUE	impact_on_day(text,cal)	eligibility_impact_on_day(v.pref_text, v.day, $cal)
VALUE	on_day(pref,hours)	eligibility_on_day(v.pref, v.day, v.hours)
VALUE	on_day(text)	eligibility_on_day(v.pref_text, v.day)
VALUE	on_day(code,hours)	eligibility_on_day(v.code, v.day, v.hours)
VALUE	on_day(pref,cal,hours)	eligibility_on_day(v.pref, v.day, $cal, v.hours)
VALUE	on_day(text,cal)	eligibility_on_day(v.pref_text, v.day, $cal)
VALUE	grade_on_day(pref,hours)	eligibility_grade_on_day(v.pref, v.day, v.hours)
VALUE	grade_on_day(text)	eligibility_grade_on_day(v.pref_text, v.day)
VALUE	grade_on_day(code,hours)	eligibility_grade_on_day(v.code, v.day, v.hours)
VALUE	grade_on_day(pref,cal)	eligibility_grade_on_day(v.pref, v.day, $cal)
VALUE	grade_on_day(text,cal,hours)	eligibility_grade_on_day(v.pref_text, v.day, $cal, v.hours)
VALUE	guidance(impact(pref,tz))	review_guidance(eligibility_impact(v.pref, v.at))
JOIN	affected(facility code,tz)	is_eligibility_affected(f.code, v.at)
JOIN	impact(facility pref,local,cal)	eligibility_impact(f.pref, v.at_local, $cal)
JOIN	on_day(facility code)	eligibility_on_day(f.code, v.day)
SRF	windows(pref,tz)	affecting_windows(v.pref, v.at)
SRF	windows(pref,local)	affecting_windows(v.pref, v.at_local)
SRF	windows(text,tz)	affecting_windows(v.pref_text, v.at)
SRF	windows(text,local)	affecting_windows(v.pref_text, v.at_local)
SRF	windows(code,tz)	affecting_windows(v.code, v.at)
SRF	windows(code,local)	affecting_windows(v.code, v.at_local)
SRF	windows_on_day(pref,hours)	affecting_windows_on_day(v.pref, v.day, v.hours)
SRF	windows_on_day(text)	affecting_windows_on_day(v.pref_text, v.day)
SRF	windows_on_day(code,hours)	affecting_windows_on_day(v.code, v.day, v.hours)
WHERE	where affected(pref,tz)	is_eligibility_affected(v.pref, v.at)
WHERE	where affected(pref,local)	is_eligibility_affected(v.pref, v.at_local)
WHERE	where affected(code,tz)	is_eligibility_affected(v.code, v.at)
WHERE	where affected(pref,tz,cal)	is_eligibility_affected(v.pref, v.at, $cal)
WHERE	where affected(text,local,cal)	is_eligibility_affected(v.pref_text, v.at_local, $cal)
QUERY	current_outage_calendar()	SELECT current_outage_calendar()::text
QUERY	outage_calendar() aggregate	SELECT outage_calendar(s.area, s.period)::text FROM outage_schedule AS s
SQL

# The cases of one table: every form over all shards and routed to one.
# Routed: one visit, one facility, one prefecture (静岡, whose area moved).
cases() {
	local t=$1 route kind label expr from where
	case $t in
	visit_by_id) route="v.id = 1201" ;;
	visit_by_facility) route="v.facility_id = 7" ;;
	visit_by_pref) route="v.pref OPERATOR(=) '静岡'::prefecture" ;;
	esac
	while IFS=$'\t' read -r kind label expr; do
		for shape in all router; do
			where=
			[ "$shape" = router ] && where="WHERE $route"
			case $kind in
			VALUE) query="SELECT v.id, $expr AS r FROM $t AS v $where" ;;
			JOIN) query="SELECT v.id, $expr AS r FROM $t AS v JOIN facility AS f ON f.facility_id = v.facility_id $where" ;;
			SRF) query="SELECT v.id, w.id AS w FROM $t AS v CROSS JOIN LATERAL $expr AS w $where" ;;
			WHERE) query="SELECT v.id FROM $t AS v WHERE $expr${where:+ AND $route}" ;;
			QUERY)
				[ "$t" = visit_by_id ] && [ "$shape" = all ] || continue
				query=$expr
				;;
			esac
			printf '%s\t%s\t%s\t%s\n' "$t" "$shape" "$label" "$query"
		done
	done <"$work/forms"
}
for t in visit_by_id visit_by_facility visit_by_pref; do cases "$t"; done >"$work/cases"
# one statement (and transaction) a case: Citus keeps a transaction's
# connections to the workers until it ends
perl -ne '
	chomp;
	my @f = map { s/\x27/\x27\x27/gr } split /\t/;
	printf "SELECT \x27%s|%s|%s|\x27 || cz_try(\x27%s\x27);\n", @f;
' <"$work/cases" >"$work/run.sql"
ncases=$(wc -l <"$work/cases")

compared=0
loud=0
failures=0
# run_phase PHASE STRICT: every case from each node against the plain
# node's answers, without an index under one TimeZone/DateStyle and with
# one under the other.
run_phase() {
	local phase=$1 strict=$2 setting tz ds idx node port key citus local hint
	# without an index under one setting, with one under the other
	for setting in 'none|Asia/Tokyo|ISO, YMD' 'btree|Pacific/Chatham|SQL, DMY'; do
		idx=${setting%%|*}
		tz=${setting#*|}
		if [ "$idx" = btree ]; then
			for t in visit_by_id visit_by_facility visit_by_pref; do
				q "$COORD" -c "CREATE INDEX IF NOT EXISTS ${t}_at ON $t (at)" -c "CREATE INDEX IF NOT EXISTS ${t}_at_local ON $t (at_local)"
				q "$PLAIN" -c "CREATE INDEX IF NOT EXISTS ${t}_at ON $t (at)" -c "CREATE INDEX IF NOT EXISTS ${t}_at_local ON $t (at_local)"
			done
			# new sessions (and Citus's connections to the workers) plan with it
			q "$COORD" -c "SELECT run_command_on_all_nodes('ALTER DATABASE postgres SET enable_seqscan = off')" >/dev/null
			q "$PLAIN" -c "ALTER DATABASE postgres SET enable_seqscan = off"
		fi
		{
			ds=${tz#*|}
			tz=${tz%|*}
			PGTZ=$tz PGDATESTYLE=$ds q "$PLAIN" -f "$work/run.sql" >"$work/plain"
			for node in coordinator:$COORD worker1:$W1 worker2:$W2; do
				port=${node#*:}
				PGTZ=$tz PGDATESTYLE=$ds q "$port" -f "$work/run.sql" >"$work/citus"
				[ "$(wc -l <"$work/citus")" -eq "$ncases" ] || ow_die "$phase: $(wc -l <"$work/citus") answers from ${node%%:*}, $ncases cases"
				while IFS= read -r citus <&3 && IFS= read -r local <&4; do
					compared=$((compared + 1))
					key=${local%|*}
					[ "${citus%|*}" = "$key" ] || ow_die "cases out of step: $citus / $local"
					case ${local##*|} in ERROR*) ow_die "the plain node failed: $local" ;; esac
					[ "${citus##*|}" = "${local##*|}" ] && continue
					hint=${citus##*HINT: }
					if [ "$strict" = 0 ] && [[ ${citus##*|} == ERROR* ]] &&
						[[ $hint =~ current_outage_calendar|create_reference_table|reference\ tables ]]; then
						loud=$((loud + 1))
						continue
					fi
					failures=$((failures + 1))
					echo "FAIL $phase $idx $tz from ${node%%:*}: $key"
					echo "    citus: ${citus##*|}"
					echo "    plain: ${local##*|}"
				done 3<"$work/citus" 4<"$work/plain"
			done
		}
	done
	q "$COORD" -c "SELECT run_command_on_all_nodes('ALTER DATABASE postgres RESET enable_seqscan')" >/dev/null
	q "$PLAIN" -c "ALTER DATABASE postgres RESET enable_seqscan"
	for t in visit_by_id visit_by_facility visit_by_pref; do
		for port in "$COORD" "$PLAIN"; do
			q "$port" -c "DROP INDEX ${t}_at" -c "DROP INDEX ${t}_at_local"
		done
	done
}

ow_log "phase 1: the schedule tables as CREATE EXTENSION left them ($ncases cases x 3 nodes x 2 settings)"
run_phase "phase 1" 0
p1_loud=$loud
ow_log "phase 1: $compared comparisons, $loud loud errors whose hint names what works, $failures failures"
# What worked already must be the README's form over all shards, from the
# coordinator; a worker must have refused rather than answered.
[ "$p1_loud" -gt 0 ] || { echo "FAIL phase 1: no worker refused its own copy"; failures=$((failures + 1)); }

# --- the one-time step of doc/citus.md, as written there ---------------------
perl -ne 'if (/citus-step: reference-tables/) { $on = 1; next } if ($on && /^```sql/) { $in = 1; next }
	if ($in && /^```/) { exit } print if $in' "$OW_ROOT/doc/citus.md" >"$work/step.sql"
[ -s "$work/step.sql" ] || ow_die "doc/citus.md has no block marked citus-step: reference-tables"
q "$COORD" -f "$work/step.sql" >/dev/null 2>"$work/step.err" || { cat "$work/step.err" >&2; ow_die "the step of doc/citus.md failed"; }
q "$COORD" -c "SELECT count(*) FROM pg_dist_partition WHERE repmodel = 't' AND logicalrelid::text IN ('outage_area', 'prefecture_area', 'outage_schedule', 'facility_area')" |
	grep -qx 4 || ow_die "the step of doc/citus.md did not make four reference tables"

# more edits, now through Citus, the same on the plain node
cat >"$work/sql" <<'SQL'
INSERT INTO outage_schedule (area, period, note) VALUES
  ('west', outage_window('2025-02-09 09:00+09', '2025-02-09 12:00+09', 'outage'), 'after the step');
UPDATE prefecture_area SET area = 'west' WHERE prefecture OPERATOR(=) '新潟'::prefecture;
DELETE FROM outage_schedule WHERE note = 'east';
UPDATE facility_area SET area = 'okinawa';
SQL
on_both

loud=0
ow_log "phase 2: reference tables, more edits on the coordinator"
before=$compared
run_phase "phase 2" 1
ow_log "phase 2: $((compared - before)) comparisons, $failures failures so far"

# A report in the transaction that changed the schedule: Citus wrote the
# change through one connection per worker, and the report's shard queries
# may run on others.  Each answer must be the plain node's (which sees the
# change) or an error asking to commit first; three times over, as which
# connections Citus picks varies.  Round 2 must have refused some: the
# check could not fail otherwise.
txn_equal=0
txn_loud=0
for round in 1 2 3; do
	{
		echo "BEGIN;"
		echo "INSERT INTO outage_schedule (area, period, note) VALUES (NULL, outage_window('2025-02-08 09:00+09', '2025-02-08 15:00+09', 'outage'), 'in a transaction');"
		echo "UPDATE prefecture_area SET area = 'okinawa' WHERE prefecture OPERATOR(=) '東京'::prefecture;"
		grep -E '\|(affected\(pref,tz\)|affected\(pref,tz,cal\)|affected\(pref,tz,bare cal\)|on_day\(code,hours\)|windows\(code,tz\))\|' "$work/run.sql"
		echo "ROLLBACK;"
	} >"$work/txn.sql"
	q "$PLAIN" -f "$work/txn.sql" >"$work/plain"
	# round 2: a connection for each shard query, as a busy cluster might
	# choose, so that some surely do not see the change
	[ "$round" = 2 ] && sed -i '1a SET LOCAL citus.force_max_query_parallelization = on;' "$work/txn.sql"
	q "$COORD" -f "$work/txn.sql" >"$work/citus"
	while IFS= read -r citus <&3 && IFS= read -r local <&4; do
		compared=$((compared + 1))
		if [ "${citus##*|}" = "${local##*|}" ]; then
			txn_equal=$((txn_equal + 1))
		elif [[ ${citus##*|} == ERROR* ]] && [[ ${citus##*HINT: } == Commit\ the\ change* ]]; then
			txn_loud=$((txn_loud + 1))
		else
			failures=$((failures + 1))
			echo "FAIL in the changing transaction, round $round: ${local%|*}"
			echo "    citus: ${citus##*|}"
			echo "    plain: ${local##*|}"
		fi
	done 3<"$work/citus" 4<"$work/plain"
done
ow_log "in the changing transaction: $txn_equal equal, $txn_loud loud errors asking to commit first"
[ "$txn_loud" -gt 0 ] || { echo "FAIL: no report in the changing transaction was refused, even with a connection per shard query"; failures=$((failures + 1)); }

# The seed protections still hold through Citus.
for check in "DELETE FROM prefecture_area" \
	"INSERT INTO outage_schedule (id, period) OVERRIDING SYSTEM VALUE VALUES (999, outage_window('2025-03-01 10:00+09', '2025-03-01 11:00+09', 'outage'))"; do
	if q "$COORD" -c "$check" >/dev/null 2>&1; then
		echo "FAIL: on a reference table, the extension's trigger let through: $check"
		failures=$((failures + 1))
	fi
done

# A node that reads the schedule from a placement bakes no windows into a
# plan: a write to a placement invalidates no plan over the extension's
# tables, so a cached generic plan must still see a change made since.  Its
# range arms read the schedule when the statement starts.
cat >"$work/plan.sql" <<SQL
SET citus.enable_ddl_propagation = off;
CREATE TABLE cz_local AS
SELECT (1 + g % 47)::prefecture AS pref,
       timestamptz '2025-02-01 18:00+09' + g * interval '11 minutes' AS at
FROM generate_series(1, 1300) AS g;
ALTER TABLE cz_local ALTER pref SET NOT NULL, ALTER at SET NOT NULL;
CREATE INDEX ON cz_local (at);
ANALYZE cz_local;
SET plan_cache_mode = force_generic_plan;
PREPARE cz_count AS SELECT count(*) FROM cz_local WHERE is_eligibility_affected(pref, at);
EXPLAIN (COSTS OFF) EXECUTE cz_count;
\echo counts
EXECUTE cz_count;
\! psql -X -q -p $COORD -c "INSERT INTO outage_schedule (area, period, note) VALUES (NULL, outage_window('2025-02-03 09:00+09', '2025-02-03 12:00+09', 'outage'), 'cached plan')"
EXECUTE cz_count;
\! psql -X -q -p $COORD -c "DELETE FROM outage_schedule WHERE note = 'cached plan'"
EXECUTE cz_count;
DROP TABLE cz_local;
SQL
q "$W1" -f "$work/plan.sql" >"$work/plan.out" 2>&1 || true
counts=$(sed -n '/^counts$/,$p' "$work/plan.out" | sed 1d | tr '\n' ' ')
if grep -Eq "'[0-9]{4}-[0-9]{2}-[0-9]{2}" "$work/plan.out" || ! grep -q 'is_eligibility_affected_recheck' "$work/plan.out"; then
	echo "FAIL: a worker reading the schedule from a placement baked its windows into a plan, or gave it no range arms:"
	cat "$work/plan.out"
	failures=$((failures + 1))
elif ! [[ $counts =~ ^([0-9]+)\ ([0-9]+)\ ([0-9]+)\ $ ]] ||
	[ "${BASH_REMATCH[1]}" != "${BASH_REMATCH[3]}" ] ||
	[ "${BASH_REMATCH[2]}" -le "${BASH_REMATCH[1]}" ]; then
	echo "FAIL: a cached plan on a worker did not follow a schedule change made on the coordinator (counts before, with, after: $counts)"
	cat "$work/plan.out"
	failures=$((failures + 1))
else
	ow_log "a cached plan on a worker follows the coordinator's edits (counts: $counts)"
fi

# --- time partitions of a distributed table ----------------------------------
# Visits distributed by id and partitioned by day: each shard query scans
# only the days holding a window, as the plain node's literal ranges prune
# its partitions, and counts the same visits.
cat >"$work/days.sql" <<'SQL'
CREATE TABLE cz_days (id bigint NOT NULL, pref prefecture NOT NULL, at timestamptz NOT NULL) PARTITION BY RANGE (at);
SELECT format('CREATE TABLE cz_day_%s PARTITION OF cz_days FOR VALUES FROM (%L) TO (%L)', d,
              timestamptz '2025-01-31 00:00+09' + d * interval '1 day',
              timestamptz '2025-01-31 00:00+09' + (d + 1) * interval '1 day')
FROM generate_series(0, 13) AS d \gexec
SQL
q "$PLAIN" -f "$work/days.sql" >/dev/null
q "$COORD" -f "$work/days.sql" >/dev/null
q "$COORD" -c "SELECT create_distributed_table('cz_days', 'id', shard_count := 4)" >/dev/null
for port in "$PLAIN" "$COORD"; do
	q "$port" -c "INSERT INTO cz_days SELECT id, pref, at FROM visit_by_id" >/dev/null
done
days_query="SELECT count(*) FROM cz_days WHERE is_eligibility_affected(pref, at)"
plain_days=$(q "$PLAIN" -c "EXPLAIN (COSTS OFF) $days_query" | grep -o 'cz_day_[0-9]*' | sort -u | tr '\n' ' ')
q "$COORD" -c "SET citus.explain_all_tasks = on" -c "EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) $days_query" >"$work/days.out"
task_days=$(grep 'Scan on cz_day_' "$work/days.out" | grep -v 'never executed' |
	sed -E 's/.*Scan on (cz_day_[0-9]+)_[0-9]+.*/\1/' | sort | uniq -c | awk '{print $2 "x" $1}' | tr '\n' ' ')
want=$(for d in $plain_days; do printf '%sx4 ' "$d"; done)
compared=$((compared + 2))
if [ -z "$plain_days" ] || [ "$(echo "$plain_days" | wc -w)" -ge 14 ]; then
	echo "FAIL: the plain node's literal ranges pruned no day partition ($plain_days)"
	failures=$((failures + 1))
elif [ "$task_days" != "$want" ]; then
	echo "FAIL: shard queries scanned other day partitions than the plain node: citus [$task_days] plain (each of 4 shards) [$want]"
	cat "$work/days.out"
	failures=$((failures + 1))
else
	ow_log "day partitions: each of the 4 shard queries scanned $(echo "$plain_days" | wc -w) of 14, those the plain node's plan keeps ($plain_days)"
fi
if [ "$(q "$COORD" -c "$days_query")" != "$(q "$PLAIN" -c "$days_query")" ]; then
	echo "FAIL: the day-partitioned distributed table counts other visits than the plain node"
	failures=$((failures + 1))
fi
q "$COORD" -c "DROP TABLE cz_days" >/dev/null
q "$PLAIN" -c "DROP TABLE cz_days" >/dev/null

# --- outage_calendar as a distribution column ---------------------------------
# Audits stored with the calendar they were made with, distributed by it
# (hash, with the type's hash class) and grouped by it (btree class): each
# answer must equal the plain node's.
cat >"$work/calcol.sql" <<'SQL'
CREATE TABLE cz_audit (id int, cal outage_calendar);
INSERT INTO cz_audit SELECT g, current_outage_calendar() FROM generate_series(1, 10) AS g;
INSERT INTO cz_audit SELECT 100 + g, '{}'::outage_calendar FROM generate_series(1, 3) AS g;
SQL
q "$COORD" -f "$work/calcol.sql" >/dev/null
q "$PLAIN" -f "$work/calcol.sql" >/dev/null
q "$COORD" -c "SELECT create_distributed_table('cz_audit', 'cal')" >/dev/null 2>&1 ||
	{ echo "FAIL: outage_calendar refused as a distribution column"; failures=$((failures + 1)); }
calcol_query="SELECT cal = current_outage_calendar() AS current, cal = '{}' AS empty, count(*), sum(id)
	FROM cz_audit GROUP BY cal ORDER BY 1, 2;
	SELECT count(*) FROM cz_audit WHERE cal = (SELECT current_outage_calendar());
	SELECT count(*) FROM cz_audit WHERE cal = '{}'"
for node in "$COORD" "$W1"; do
	if [ "$(q "$node" -At -c "$calcol_query" 2>&1)" != "$(q "$PLAIN" -At -c "$calcol_query" 2>&1)" ]; then
		echo "FAIL: grouped or filtered by an outage_calendar distribution column, node $node differs from the plain node"
		failures=$((failures + 1))
	fi
	compared=$((compared + 1))
done
q "$COORD" -c "DROP TABLE cz_audit" >/dev/null
q "$PLAIN" -c "DROP TABLE cz_audit" >/dev/null

echo "citus_cluster: $compared comparisons ($ncases cases per node and setting), $p1_loud loud errors in phase 1, $failures failures"
[ "$failures" -eq 0 ]
