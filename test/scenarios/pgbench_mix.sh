#!/usr/bin/env bash
# test/scenarios/pgbench_mix.sh - readers and writers of the schedule run
# side by side for a fixed time with no error, and afterwards every answer
# agrees with the schedule as the tables hold it.
#
# Run by scripts/test.sh against its throwaway cluster (PGHOST etc. set).
# pgbench runs OW_PGBENCH_SECONDS (20 by default) with 4 clients: readers
# call the eligibility functions over a visits table (all overloads, and
# affecting_windows); writers insert, update and delete windows and move
# prefectures between areas, committing each change.  Any failed
# transaction fails the scenario.  Then every visit's eligibility_impact()
# is compared with the same answer written in plain SQL over the tables, so
# a schedule cached across the churn would show.
set -euo pipefail

db=ow_pgbench
seconds=${OW_PGBENCH_SECONDS:-20}
work=$(mktemp -d)
chmod 755 "$work"
trap 'rm -rf "$work"; dropdb --if-exists "$db"' EXIT

q() { psql -X -q -v ON_ERROR_STOP=1 -At -d "$db" "$@"; }

createdb "$db"
q <<'SQL'
CREATE EXTENSION outage_window;
CREATE TABLE visit AS
SELECT g AS id, (1 + g % 47)::prefecture AS pref,
	   timestamptz '2025-02-01 12:00+09' + (g % 2880) * interval '1 minute' AS at
FROM generate_series(1, 20000) AS g;
ANALYZE visit;
SQL

cat >"$work/reader.sql" <<'SQL'
\set p random(1, 47)
SELECT count(*) FILTER (WHERE is_eligibility_affected(pref, at)),
	   count(*) FILTER (WHERE eligibility_impact(pref::text, at AT TIME ZONE 'Asia/Tokyo') >= 'intermittent')
FROM visit WHERE id % 4 = :p % 4;
SELECT count(*) FROM affecting_windows(:p::prefecture, timestamptz '2025-02-01 23:00+09');
SQL

# Locks are always taken in the same order (own new row, oldest test
# window, one prefecture), so writers wait for each other but never deadlock.
cat >"$work/writer.sql" <<'SQL'
\set n random(0, 2000)
\set p random(1, 47)
BEGIN;
INSERT INTO outage_schedule (area, period, note)
VALUES (CASE WHEN :n % 3 = 0 THEN NULL WHEN :n % 3 = 1 THEN 'east' ELSE 'west' END,
		outage_window(timestamptz '2025-02-01 12:00+09' + :n * interval '1 minute',
					  timestamptz '2025-02-01 12:00+09' + (:n + 1 + :n % 90) * interval '1 minute',
					  (ARRAY['outage', 'intermittent', 'registration_delay'])[1 + :n % 3]),
		'pgbench');
UPDATE outage_schedule SET note = 'pgbench ' || :n
WHERE id = (SELECT max(id) FROM outage_schedule WHERE note LIKE 'pgbench%');
DELETE FROM outage_schedule
WHERE id = (SELECT min(id) FROM outage_schedule WHERE note LIKE 'pgbench%')
  AND (SELECT count(*) FROM outage_schedule WHERE note LIKE 'pgbench%') > 20;
UPDATE prefecture_area SET area = CASE area WHEN 'east' THEN 'west' ELSE 'east' END
WHERE prefecture = :p::prefecture;
COMMIT;
SQL

rc=0
if pgbench -n -d "$db" -c 4 -j 2 -T "$seconds" \
	-f "$work/reader.sql@3" -f "$work/writer.sql@1" >"$work/pgbench.log" 2>&1; then
	tx=$(sed -n 's/^number of transactions actually processed: //p' "$work/pgbench.log")
	failed=$(sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' "$work/pgbench.log")
	if [ "${failed:-0}" = 0 ] && ! grep -q 'ERROR\|aborted' "$work/pgbench.log"; then
		echo "ok - pgbench ${seconds} s, readers and writers: $tx transactions, none failed"
	else
		cat "$work/pgbench.log"
		echo "not ok - pgbench: failed transactions"
		rc=1
	fi
else
	cat "$work/pgbench.log"
	echo "not ok - pgbench exited with an error"
	rc=1
fi

# the writers did write
writes=$(q -c "SELECT count(*) FROM outage_schedule WHERE note LIKE 'pgbench %'")
if [ "$writes" -gt 0 ]; then
	echo "ok - the writers changed the schedule ($writes test windows left)"
else
	echo "not ok - no window written"
	rc=1
fi

# every answer agrees with the tables, computed in plain SQL
wrong=$(q <<'SQL'
SELECT count(*) FROM visit v
WHERE eligibility_impact(v.pref, v.at) IS DISTINCT FROM coalesce(
	(SELECT max(kind(s.period)::eligibility_impact)
	 FROM outage_schedule s
	 WHERE lower(s.period) <= v.at AND v.at < upper(s.period)
	   AND (s.area IS NULL OR s.area = (SELECT a.area FROM prefecture_area a
										 WHERE a.prefecture = v.pref))),
	'none');
SQL
)
if [ "$wrong" = 0 ] && [ "$(q -c 'SELECT count(*) FROM prefecture_area')" = 47 ]; then
	echo "ok - after the churn every answer matches the tables; 47 prefectures"
else
	echo "not ok - $wrong answers disagree with the tables"
	rc=1
fi
exit $rc
