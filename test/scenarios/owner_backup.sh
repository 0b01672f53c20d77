#!/usr/bin/env bash
# test/scenarios/owner_backup.sh - a database owner who is not a superuser
# installs the (trusted) extension, edits the schedule, backs it up and
# restores it; a superuser restores the owner's dump (serially and with
# pg_restore -j) and the owner keeps maintaining the schedule.
#
# Run by scripts/test.sh against its throwaway cluster (PGHOST etc. set;
# PGUSER is the cluster's superuser).
#
# The privilege model checked here: the rights to write the configuration
# tables follow the database owner (PostgreSQL's predefined role
# pg_database_owner, WITH GRANT OPTION, so the owner can pass them on to a
# clerk); everybody may read.  Checks:
#   1. ow_dba (LOGIN, not a superuser, owner of the database) installs the
#      extension and makes every kind of edit: a new area, an edited seeded
#      area, a moved prefecture, user windows (in the new area, east,
#      nationwide), an edited seed, a deleted seed, a seed deleted and put
#      back under its own id; ow_dba grants the writes to a clerk role.
#   2. pg_dump as ow_dba (custom and plain) succeeds with no error.
#   3. ow_dba restores both dumps into fresh databases it owns: no error,
#      every row and answer as in the source, and ow_dba (and the clerk) can
#      add, edit and delete windows afterwards (no duplicate ids).  Allowed
#      for: a PostgreSQL limit that keeps the owner's own restore from putting
#      back the grants the owner made (owner_restore below; README); the
#      owner grants again, and a superuser's restore must keep them.
#   4. the superuser restores the owner's dump with pg_restore -j 4 (five
#      times: the old failure was order-dependent) and serially, into
#      databases owned by ow_dba: same checks, the writes done by ow_dba.
#   5. a superuser's dump restores as ow_dba.
#   6. after ALTER DATABASE ... OWNER TO ow_dba2, ow_dba2 may write the
#      schedule and ow_dba may not.
#   7. the put-back seed 5 is present after every restore.
set -euo pipefail

work=$(mktemp -d)
chmod 777 "$work"
dbs=()
cleanup() {
	local d
	for d in ${dbs[@]+"${dbs[@]}"}; do dropdb --if-exists "$d" 2>/dev/null || true; done
	for r in ow_dba ow_dba2 ow_clerk; do
		psql -X -q -c "DROP ROLE IF EXISTS $r" 2>/dev/null || true
	done
	rm -rf "$work"
}
trap cleanup EXIT

su_q() { local d=$1; shift; psql -X -q -v ON_ERROR_STOP=1 -At -d "$d" "$@"; }
as_q() { local r=$1 d=$2; shift 2; psql -X -q -v ON_ERROR_STOP=1 -At -U "$r" -d "$d" "$@"; }
# new_db NAME: a fresh database owned by ow_dba (created by the superuser:
# ow_dba has no CREATEDB)
new_db() { dropdb --if-exists "$1" 2>/dev/null; createdb -O ow_dba "$1"; dbs+=("$1"); }

rc=0
ok() { echo "ok - $*"; }
not_ok() { echo "not ok - $*"; rc=1; }
# attempt DESCRIPTION COMMAND...: ok when the command exits 0 and writes no
# ERROR or WARNING; else not ok, with what it wrote (the run goes on)
attempt() {
	local desc=$1
	shift
	if "$@" >"$work/out" 2>"$work/err" && ! grep -qE 'ERROR|WARNING|error:|warning:' "$work/err"; then
		ok "$desc"
		return 0
	fi
	not_ok "$desc"
	sed 's/^/#   /' "$work/err" | grep -v '^#   $' | sort | uniq -c | sort -rn | head -15 || true
	return 0
}

# owner_restore DB DESCRIPTION COMMAND...: a restore run by ow_dba.  One
# PostgreSQL limit is allowed for (README, "Privileges"): pg_dump records a
# grant the owner made as made by pg_database_owner and wraps it in SET
# SESSION AUTHORIZATION pg_database_owner, which only a superuser may run,
# so a restore by the owner cannot put the clerk's grant back.  Any other
# error or warning fails; the owner then grants again, as the README says.
owner_restore() {
	local db=$1 desc=$2 known
	shift 2
	if "$@" >"$work/out" 2>"$work/err" && ! grep -qE 'ERROR|WARNING|error:|warning:' "$work/err"; then
		ok "$desc"
	else
		known='permission denied to set session authorization "pg_database_owner"|^Command was: SET SESSION AUTHORIZATION pg_database_owner;$|^RESET SESSION AUTHORIZATION;$|^GRANT [A-Z,]+ ON TABLE public\.[a-z_]+ TO ow_clerk;$|^pg_restore: warning: errors ignored on restore: [0-9]+$'
		if grep -vE "$known" "$work/err" | grep -qE 'ERROR|WARNING|error:|warning:|^[A-Z]+:'; then
			not_ok "$desc"
			grep -vE "$known" "$work/err" | grep -v '^[[:space:]]*$' | sed 's/^/#   /' | sort | uniq -c | sort -rn | head -15 || true
		else
			ok "$desc (but for the owner-made grants: $(grep -c 'set session authorization' "$work/err") x 'permission denied to set session authorization \"pg_database_owner\"', a PostgreSQL limit)"
		fi
	fi
	attempt "$desc: ow_dba grants the clerk's rights again" \
		as_q ow_dba "$db" -c 'GRANT INSERT, UPDATE, DELETE ON outage_schedule, outage_schedule_deleted_seed TO ow_clerk'
}

# (re)create the roles; leftovers of an aborted run would own nothing
for r in ow_dba ow_dba2 ow_clerk; do
	psql -X -q -c "DROP ROLE IF EXISTS $r" >/dev/null 2>&1 || true
done
psql -X -q -v ON_ERROR_STOP=1 <<'SQL'
CREATE ROLE ow_dba LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE;
CREATE ROLE ow_dba2 LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE;
CREATE ROLE ow_clerk LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE;
SQL

src=ow_ob_src
new_db $src

# 1. the owner installs and edits
attempt "ow_dba (not a superuser) creates the trusted extension in its database" \
	as_q ow_dba $src -c 'CREATE EXTENSION outage_window'
owner_edits() {
	cat <<'SQL'
INSERT INTO outage_area VALUES ('atami', '熱海市 (NTT East lines)');
UPDATE outage_area SET description = 'East, as edited by the DBA' WHERE area = 'east';
UPDATE prefecture_area SET area = 'atami' WHERE prefecture = '静岡県';
UPDATE prefecture_area SET area = 'east' WHERE prefecture = '愛知県';
INSERT INTO outage_schedule (area, period, note, source) VALUES
	('atami', outage_window('2025-02-02 05:00+09', '2025-02-02 06:00+09', 'outage'),
	 'atami only', 'clinic log'),
	('atami', '[2025-03-01 09:00, 2025-03-01 09:30) intermittent', 'atami again', 'clinic log'),
	('east', outage_window('2025-02-13 11:06+09', '2025-02-13 11:35+09', 'outage'),
	 'NTT East FLET''S incident', 'NTT East 2025-02-13'),
	(NULL, outage_window('2024-12-15 03:00+09', '2024-12-15 04:00+09', 'registration_delay'),
	 'JPKI maintenance (nationwide)', 'portal KB'),
	(NULL, '[2025-02-20 01:00, 2025-02-20 02:00) outage', 'nationwide night outage', NULL);
UPDATE outage_schedule SET note = 'edited' WHERE id = 2;
DELETE FROM outage_schedule WHERE id = 3;
DELETE FROM outage_schedule WHERE id = 5;
INSERT INTO outage_schedule OVERRIDING SYSTEM VALUE
SELECT * FROM shipped_outage_windows() WHERE id = 5;
SQL
}
attempt "ow_dba edits areas, prefectures, user windows and seeds" as_q ow_dba $src < <(owner_edits)
attempt "ow_dba grants the schedule's writes to a clerk role" \
	as_q ow_dba $src -c 'GRANT INSERT, UPDATE, DELETE ON outage_schedule, outage_schedule_deleted_seed TO ow_clerk'

# 2. what must survive: every row, the answers, who may write
snapshot() {
	su_q "$1" <<'SQL'
SET TimeZone = 'UTC';
SET DateStyle = 'ISO, YMD';
SELECT 'area', area, description FROM outage_area ORDER BY area;
SELECT 'pref', prefecture, area FROM prefecture_area ORDER BY prefecture;
SELECT 'window', id, area, period, note, source FROM outage_schedule ORDER BY id;
SELECT 'deleted seed', id FROM outage_schedule_deleted_seed ORDER BY id;
SELECT 'affected 静岡県 07:30', is_eligibility_affected('静岡県', '2025-02-02 07:30+09');
SELECT 'affected 静岡県 05:30', is_eligibility_affected('静岡県', timestamp '2025-02-02 05:30');
SELECT 'affected 大阪府 07:30', is_eligibility_affected('大阪府'::prefecture, '2025-02-02 07:30+09'::timestamptz);
SELECT 'calendar', current_outage_calendar()::text;
SELECT 'affecting', p, string_agg(w.id::text, ',' ORDER BY w.id)
FROM unnest('{静岡県,東京都,大阪府,愛知県}'::text[]) p,
	 affecting_windows(p::prefecture, '2025-02-02 05:30+09'::timestamptz) w GROUP BY p ORDER BY p;
SELECT 'impact', p, t, eligibility_impact(p::prefecture, t)
FROM generate_series(1, 47) p,
	 unnest(ARRAY['2024-12-15 03:30+09', '2025-02-01 23:00+09', '2025-02-02 05:30+09',
				  '2025-02-02 07:30+09', '2025-02-02 12:00+09', '2025-02-13 11:10+09',
				  '2025-02-20 01:30+09', '2025-03-01 09:10+09']::timestamptz[]) t
ORDER BY 2, 3;
SELECT 'may write', r, t, p, has_table_privilege(r, 'public.' || t, p)
FROM unnest('{ow_dba,ow_clerk}'::text[]) r,
	 unnest('{outage_area,prefecture_area,outage_schedule,outage_schedule_deleted_seed}'::text[]) t,
	 unnest('{INSERT,UPDATE,DELETE}'::text[]) p
ORDER BY 2, 3, 4;
SQL
}
snapshot $src >"$work/src.txt"

# compare_with_source DB LABEL: rows, answers and privileges as in the source
compare_with_source() {
	local db=$1 label=$2
	if ! snapshot "$db" >"$work/$db.txt" 2>"$work/$db.err"; then
		not_ok "$label: snapshot failed"
		{ sed 's/^/#   /' "$work/$db.err" | head -5; } || true
		return
	fi
	if diff -u "$work/src.txt" "$work/$db.txt" >"$work/$db.diff"; then
		ok "$label: every row, answer and privilege as in the source"
	else
		not_ok "$label: differs from the source"
		{ grep -E '^[-+][^-+]' "$work/$db.diff" | cut -c1-160 | head -12 | sed 's/^/#   /'; } || true
	fi
	if [ "$(su_q "$db" -c 'SELECT count(*) FROM outage_schedule WHERE id = 5' 2>/dev/null)" = 1 ]; then
		ok "$label: the put-back seed 5 is there"
	else
		not_ok "$label: the put-back seed 5 is gone"
	fi
}

# writes DB ROLE LABEL: ROLE adds two windows (ids after every existing one),
# edits and deletes windows, deletes a seed and moves a prefecture; rolled
# back, so that the database stays as restored
writes() {
	local db=$1 role=$2 label=$3
	attempt "$label: $role adds, edits and deletes windows and moves a prefecture" \
		as_q "$role" "$db" <<'SQL'
BEGIN;
CREATE TEMP TABLE before AS SELECT coalesce(max(id), 0) AS max_id FROM outage_schedule;
INSERT INTO outage_schedule (area, period, note, source) VALUES
	('atami', '[2025-04-01 10:00, 2025-04-01 11:00) outage', 'added after the restore', 'test'),
	(NULL, '[2025-04-02 10:00, 2025-04-02 11:00) intermittent', 'added after the restore', 'test');
DO $$
BEGIN
	IF (SELECT count(*) FROM outage_schedule
		WHERE note = 'added after the restore'
		  AND id > (SELECT max_id FROM before)) <> 2 THEN
		RAISE EXCEPTION 'new windows did not get ids after the existing ones';
	END IF;
END $$;
UPDATE outage_schedule SET note = 'edited after the restore' WHERE note = 'atami again';
DELETE FROM outage_schedule WHERE note = 'JPKI maintenance (nationwide)';
DELETE FROM outage_schedule WHERE id = 1;
UPDATE prefecture_area SET area = 'west' WHERE prefecture = '静岡県';
ROLLBACK;
SQL
}

# the clerk adds and deletes windows (a user window and a seed)
clerk_writes() {
	local db=$1 label=$2
	attempt "$label: the clerk (granted by the owner) adds and deletes windows" \
		as_q ow_clerk "$db" <<'SQL'
BEGIN;
INSERT INTO outage_schedule (area, period, note) VALUES
	('east', '[2025-05-01 10:00, 2025-05-01 11:00) outage', 'clerk');
DELETE FROM outage_schedule WHERE note = 'nationwide night outage';
DELETE FROM outage_schedule WHERE id = 4;
ROLLBACK;
SQL
}

writes $src ow_dba "source"
clerk_writes $src "source"

# 3. dumps by the owner
attempt "pg_dump -Fc as ow_dba succeeds" pg_dump -U ow_dba -Fc -d $src -f "$work/owner.custom"
attempt "pg_dump -Fp as ow_dba succeeds" pg_dump -U ow_dba -Fp -d $src -f "$work/owner.sql"
attempt "pg_dump -Fc as the superuser succeeds" pg_dump -Fc -d $src -f "$work/super.custom"
if [ ! -s "$work/owner.custom" ] || [ ! -s "$work/owner.sql" ]; then
	# so that the restore checks below still run: the same dump by ow_dba,
	# taken while it may read everything (no object's privileges change)
	echo "# the owner's dump failed; the checks below restore a dump ow_dba took as a member of pg_read_all_data"
	psql -X -q -v ON_ERROR_STOP=1 -c 'GRANT pg_read_all_data TO ow_dba'
	pg_dump -U ow_dba -Fc -d $src -f "$work/owner.custom"
	pg_dump -U ow_dba -Fp -d $src -f "$work/owner.sql"
	psql -X -q -v ON_ERROR_STOP=1 -c 'REVOKE pg_read_all_data FROM ow_dba'
fi

# 4. the owner restores its own dumps
db=ow_ob_owner_custom
new_db $db
owner_restore $db "pg_restore of the owner's dump as ow_dba" pg_restore -U ow_dba -d $db "$work/owner.custom"
compare_with_source $db "owner's custom dump restored by ow_dba"
writes $db ow_dba "owner's custom dump restored by ow_dba"
clerk_writes $db "owner's custom dump restored by ow_dba"

db=ow_ob_owner_plain
new_db $db
owner_restore $db "psql < plain dump as ow_dba" as_q ow_dba $db -v ON_ERROR_STOP=0 -f "$work/owner.sql"
compare_with_source $db "owner's plain dump restored by ow_dba"
writes $db ow_dba "owner's plain dump restored by ow_dba"

# 5. the superuser restores the owner's dump, in parallel (several times:
# the order of the parallel steps varies) and serially
for i in 1 2 3 4 5; do
	db=ow_ob_super_j$i
	new_db $db
	attempt "pg_restore -j 4 of the owner's dump as the superuser (run $i)" \
		pg_restore -j 4 -d $db "$work/owner.custom"
	compare_with_source $db "owner's dump restored by the superuser with -j 4 (run $i)"
	writes $db ow_dba "owner's dump restored by the superuser with -j 4 (run $i)"
done
clerk_writes ow_ob_super_j1 "owner's dump restored by the superuser with -j 4"

db=ow_ob_super_serial
new_db $db
attempt "serial pg_restore of the owner's dump as the superuser" \
	pg_restore -d $db "$work/owner.custom"
compare_with_source $db "owner's dump restored serially by the superuser"
writes $db ow_dba "owner's dump restored serially by the superuser"
clerk_writes $db "owner's dump restored serially by the superuser"

# the superuser's dump, restored by the owner
db=ow_ob_super_dump_by_owner
new_db $db
owner_restore $db "pg_restore of the superuser's dump as ow_dba" pg_restore -U ow_dba -d $db "$work/super.custom"
compare_with_source $db "superuser's dump restored by ow_dba"
writes $db ow_dba "superuser's dump restored by ow_dba"

# 6. the rights follow the database owner
owner_moves() {
	local db=$1 label=$2
	psql -X -q -v ON_ERROR_STOP=1 -c "ALTER DATABASE $db OWNER TO ow_dba2"
	writes "$db" ow_dba2 "$label, owner changed to ow_dba2"
	if as_q ow_dba "$db" -c "INSERT INTO outage_schedule (area, period, note) VALUES ('east', '[2025-06-01 10:00, 2025-06-01 11:00) outage', 'old owner')" \
		>/dev/null 2>"$work/err"; then
		not_ok "$label: the former owner ow_dba can still write the schedule"
	elif grep -q 'permission denied' "$work/err"; then
		ok "$label: the former owner ow_dba may no longer write the schedule"
	else
		not_ok "$label: the former owner's INSERT failed for another reason"
		{ sed 's/^/#   /' "$work/err" | head -5; } || true
	fi
	if as_q ow_dba2 "$db" -c 'GRANT INSERT, UPDATE, DELETE ON outage_schedule, outage_schedule_deleted_seed TO ow_clerk' \
		>/dev/null 2>"$work/err" && ! grep -q WARNING "$work/err"; then
		ok "$label: the new owner may grant the writes"
	else
		not_ok "$label: the new owner may not grant the writes"
		{ sed 's/^/#   /' "$work/err" | head -5; } || true
	fi
}
db=ow_ob_owner_change
new_db $db
as_q ow_dba $db -c 'CREATE EXTENSION outage_window' >/dev/null 2>&1 || true
owner_edits | as_q ow_dba $db >/dev/null 2>&1 || true
owner_moves $db "fresh install by ow_dba"
owner_moves ow_ob_owner_custom "owner's dump restored by ow_dba"

exit $rc
