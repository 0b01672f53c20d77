#!/usr/bin/env bash
# test/scenarios/dump_restore.sh - pg_dump/pg_restore keeps exactly what the
# users changed in the configuration tables, with no duplicate seeds.
#
# Run by scripts/test.sh against its throwaway cluster (PGHOST etc. set).
# Edits every kind of thing a DBA can change - user windows (area, and
# nationwide), an edited seed window, a deleted seed window, a new area, a
# prefecture moved to it, facilities given their own areas - then dumps
# (custom and plain formats), restores into fresh databases (serially and
# with pg_restore -j) and compares tables and answers.
set -euo pipefail

work=$(mktemp -d)
trap 'rm -rf "$work"; dropdb --if-exists ow_dump_src; dropdb --if-exists ow_dump_custom; dropdb --if-exists ow_dump_plain; dropdb --if-exists ow_dump_parallel' EXIT
chmod 777 "$work"

q() { psql -X -q -v ON_ERROR_STOP=1 -At "$@"; }

createdb ow_dump_src
q -d ow_dump_src <<'SQL'
CREATE EXTENSION outage_window;
INSERT INTO outage_schedule (area, period, note, source) VALUES
	(NULL, outage_window('2024-12-15 03:00+09', '2024-12-15 04:00+09', 'registration_delay'),
	 'JPKI maintenance', 'portal KB'),
	('east', outage_window('2025-02-13 11:06+09', '2025-02-13 11:35+09', 'outage'),
	 'NTT East FLET''S incident', 'NTT East 2025-02-13');
UPDATE outage_schedule SET note = note || ' [confirmed by the clinic]' WHERE id = 2;
DELETE FROM outage_schedule WHERE id = 3;
INSERT INTO outage_area VALUES ('atami', '熱海市・裾野市の一部 (NTT East lines in Shizuoka)');
UPDATE outage_area SET description = 'East, as edited' WHERE area = 'east';
UPDATE prefecture_area SET area = 'atami' WHERE prefecture = '静岡県';
INSERT INTO outage_schedule (area, period, note) VALUES
	('atami', outage_window('2025-02-02 05:00+09', '2025-02-02 06:00+09', 'outage'), 'atami only');
INSERT INTO outage_area VALUES ('ctc', '中部テレコミュニケーション lines');
INSERT INTO facility_area VALUES
	('2210112345', 'atami', '熱海: NTT East line'),
	('23-4-0123456', 'ctc', NULL),
	('1310112345', 'east', 'moved, then the area renamed');
UPDATE outage_area SET area = 'ctc-chubu' WHERE area = 'ctc';
-- a window's own guidance, on a user window and on a shipped one (an edit
-- of the seed that only sets its guidance is dumped like any other)
UPDATE outage_schedule SET guidance = 'JPKI: check the paper card' WHERE note = 'JPKI maintenance';
UPDATE outage_schedule SET guidance = '西日本: 登録の遅延' WHERE id = 4;
SQL

snapshot() {
	q -d "$1" <<'SQL'
SELECT 'area', area, description FROM outage_area ORDER BY area;
SELECT 'pref', prefecture, area FROM prefecture_area ORDER BY prefecture;
SELECT 'window', id, area, period, note, source, guidance FROM outage_schedule ORDER BY id;
SELECT 'calendar', current_outage_calendar();
SELECT 'deleted', id FROM outage_schedule_deleted_seed ORDER BY id;
SELECT 'facility', facility, area, note FROM facility_area ORDER BY facility;
SELECT 'next id', nextval('outage_schedule_id_seq');
SELECT 'impact', p, t, eligibility_impact(p::prefecture, t)
FROM generate_series(1, 47) p,
	 unnest(ARRAY['2024-12-15 03:30+09', '2025-02-01 23:00+09', '2025-02-02 05:30+09',
				  '2025-02-02 07:30+09', '2025-02-13 11:10+09']::timestamptz[]) t
ORDER BY 2, 3;
SQL
}

pg_dump -Fc -d ow_dump_src -f "$work/dump.custom"
pg_dump -Fp -d ow_dump_src -f "$work/dump.sql"
# the source's snapshot last: it consumes a sequence value, as each copy's will
createdb ow_dump_custom
pg_restore --exit-on-error -d ow_dump_custom "$work/dump.custom"
createdb ow_dump_plain
q -d ow_dump_plain -f "$work/dump.sql" >/dev/null
# pg_restore -j loads the tables in any order: facility_area may come
# before the user-added areas it names
createdb ow_dump_parallel
pg_restore --exit-on-error -j 4 -d ow_dump_parallel "$work/dump.custom"

snapshot ow_dump_src >"$work/src.txt"
snapshot ow_dump_custom >"$work/custom.txt"
snapshot ow_dump_plain >"$work/plain.txt"
snapshot ow_dump_parallel >"$work/parallel.txt"

rc=0
for copy in custom plain parallel; do
	if diff -u "$work/src.txt" "$work/$copy.txt"; then
		echo "ok - $copy-format dump restores the configuration tables exactly"
	else
		echo "not ok - $copy-format dump differs from the source"
		rc=1
	fi
done
# the seeds must not be duplicated, and the deleted seed must stay deleted
if [ "$(q -d ow_dump_custom -c 'SELECT count(*) FROM outage_schedule')" = 7 ] &&
	[ "$(q -d ow_dump_custom -c 'SELECT count(*) FROM outage_schedule WHERE id = 3')" = 0 ]; then
	echo "ok - no duplicate seeds, deleted seed stays deleted"
else
	echo "not ok - seed rows wrong after restore"
	rc=1
fi
exit $rc
