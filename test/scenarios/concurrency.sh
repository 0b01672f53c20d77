#!/usr/bin/env bash
# test/scenarios/concurrency.sh - a long report keeps the schedule it started
# with while another session changes the schedule and commits; the report's
# next statement sees the new schedule.
#
# Run by scripts/test.sh against its throwaway cluster (PGHOST etc. set).
# Session A runs a report over OW_CONC_VISITS generated visits (2,000,000 by
# default; heavy work, paused half-way by a pg_sleep so that B surely commits
# while it runs) and then runs it again.  Once A's first
# statement is running, session B adds a window, edits and deletes seed
# windows and moves a prefecture, commits, and checks that A's first
# statement is still running.  A's first answer must equal the answer
# computed before B's change, its second the answer computed after it, and
# the two must differ (else the test could not fail).  Then a new session C
# starts a statement whose read of the schedule (its first) waits until
# session D has changed the schedule and committed; C's next statement must
# see D's change.
set -euo pipefail

db=ow_concurrency
visits=${OW_CONC_VISITS:-2000000}
work=$(mktemp -d)
a_pid=
cleanup() {
	[ -n "$a_pid" ] && kill "$a_pid" 2>/dev/null || true
	rm -rf "$work"
	dropdb --if-exists "$db"
}
trap cleanup EXIT

q() { psql -X -q -v ON_ERROR_STOP=1 -At -d "$db" "$@"; }

createdb "$db"
q <<SQL
CREATE EXTENSION outage_window;
-- visits every 7 seconds over two days around the notice's windows, in
-- all 47 prefectures (facility prefecture and visit time).
CREATE TABLE visit AS
SELECT g AS id, (1 + g % 47)::prefecture AS pref,
	   timestamptz '2025-02-01 12:00+09' + (g % 24686) * interval '7 seconds' AS at
FROM generate_series(1, $visits) AS g;
ANALYZE visit;
SQL

# The report: visits per impact, a
# checksum of which visits are affected, through three overloads (which
# also makes the statement last a couple of seconds on 2 cores).
report="SELECT eligibility_impact(pref, at) AS impact, count(*),
	sum(id % 1000) FILTER (WHERE is_eligibility_affected(pref::text, at)) AS affected_sum,
	count(*) FILTER (WHERE eligibility_impact(prefecture_name_en(pref), (at AT TIME ZONE 'Asia/Tokyo'))
					 >= 'intermittent') AS affected_local
	FROM visit GROUP BY 1 ORDER BY 1"

q -c "$report" >"$work/before"

# Session A: the report twice; each statement is marked so B can see it run.
# A's first report pauses half-way through the visits (the condition is
# true for every row), so that B commits while it runs however fast it is.
report_paused=${report/FROM visit/FROM visit WHERE id <> $((visits / 2)) OR pg_sleep(10)::text IS NOT NULL}
psql -X -q -v ON_ERROR_STOP=1 -At -d "$db" >"$work/a.out" 2>"$work/a.err" <<SQL &
SET application_name = 'ow_report_a';
/* report 1 */ $report_paused;
\echo ----
/* report 2 */ $report;
SQL
a_pid=$!

# Wait (up to 60 s) until A's first report is running.  Only A's own
# backend counts: PostgreSQL 18 shows A's parallel workers with A's
# application_name and query too.
running="SELECT count(*) FROM pg_stat_activity
	WHERE application_name = 'ow_report_a' AND state = 'active'
	  AND backend_type = 'client backend'
	  AND query LIKE '/* report 1 */%'"
for _ in $(seq 1200); do
	[ "$(q -c "$running")" = 1 ] && break
	sleep 0.05
done
# "active" is shown before A has taken its snapshots; A pauses 10 s half-way
# through, so a second's wait puts B's commit surely after them.
sleep 1

# Session B: change the schedule and commit, then check A is still on its
# first statement.
still_running=$(q <<SQL
BEGIN;
INSERT INTO outage_schedule (area, period, note)
VALUES ('west', '[2025-02-02 09:00, 2025-02-02 13:00) outage', 'concurrent change');
UPDATE outage_schedule SET period = '[2025-02-01 21:00, 2025-02-02 01:00) outage' WHERE id = 1;
DELETE FROM outage_schedule WHERE id = 3;
UPDATE prefecture_area SET area = 'east' WHERE prefecture = '大阪府';
COMMIT;
$running;
SQL
)

wait "$a_pid" || { cat "$work/a.err"; a_pid=; echo "not ok - session A failed"; exit 1; }
a_pid=
q -c "$report" >"$work/after"
sed -n '1,/^----$/p' "$work/a.out" | sed '$d' >"$work/a1"
sed -n '/^----$/,$p' "$work/a.out" | sed '1d' >"$work/a2"

# A backend's first statement that reads the schedule: it starts (takes its
# snapshot), then sleeps while session D changes the schedule and commits,
# and only then reads the schedule, processing D's invalidation before it
# has read the tables once.  Its answer may be the old schedule's; its next
# statement must see D's change (it once kept the old schedule for good).
psql -X -q -v ON_ERROR_STOP=1 -At -d "$db" >"$work/c.out" 2>"$work/c.err" <<SQL &
SET application_name = 'ow_first_c';
/* first read */ SELECT length(pg_sleep(3)::text ||
	eligibility_impact('大阪府'::prefecture, timestamptz '2025-02-02 10:00+09')::text) > 0;
\echo ----
$report;
SQL
a_pid=$!
first_running="SELECT count(*) FROM pg_stat_activity
	WHERE application_name = 'ow_first_c' AND state = 'active'
	  AND backend_type = 'client backend'
	  AND query LIKE '/* first read */%'"
for _ in $(seq 1200); do
	[ "$(q -c "$first_running")" = 1 ] && break
	sleep 0.05
done
first_still_running=$(q <<SQL
BEGIN;
DELETE FROM outage_schedule WHERE note = 'concurrent change';
UPDATE prefecture_area SET area = 'west' WHERE prefecture = '大阪府';
COMMIT;
$first_running;
SQL
)
wait "$a_pid" || { cat "$work/c.err"; a_pid=; echo "not ok - session C failed"; exit 1; }
a_pid=
q -c "$report" >"$work/after_d"
sed -n '/^----$/,$p' "$work/c.out" | sed '1d' >"$work/c2"

rc=0
check() {
	if [ "$2" = ok ]; then echo "ok - $1"; else echo "not ok - $1"; rc=1; fi
}
check "B committed while A's first report was still running" \
	"$([ "$still_running" = 1 ] && echo ok)"
check "the change changes the report (the test can fail)" \
	"$(cmp -s "$work/before" "$work/after" || echo ok)"
check "A's running report kept the schedule it started with" \
	"$(cmp -s "$work/before" "$work/a1" && echo ok)"
check "A's next statement sees the new schedule" \
	"$(cmp -s "$work/after" "$work/a2" && echo ok)"
check "D committed while C's first read was still running" \
	"$([ "$first_still_running" = 1 ] && echo ok)"
check "D's change changes the report (the test can fail)" \
	"$(cmp -s "$work/after" "$work/after_d" || echo ok)"
check "C's statement after its first read sees D's change" \
	"$(cmp -s "$work/after_d" "$work/c2" && echo ok)"
if [ $rc -ne 0 ]; then
	for f in before a1 after a2 after_d c2; do echo "== $f"; cat "$work/$f"; done
fi
exit $rc
