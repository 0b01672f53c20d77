#!/usr/bin/env bash
# test/scenarios/schema_hijack.sh - a database owner who renames the
# extension's schema and plants look-alikes changes nothing that a superuser
# runs afterwards.
#
# Run by scripts/test.sh against its throwaway cluster (PGHOST etc. set;
# PGUSER is the cluster's superuser).
#
# In PostgreSQL 15 the database owner owns schema public.  ow_evil (not a
# superuser) owns a database holding the extension in public, installed
# either by ow_evil itself (it is trusted) or by the superuser.  ow_evil then
#   1. renames public to x (the extension's schema is now x) - after which
#      the superuser's pg_dump must still succeed and restore the rows;
#   2. creates a new public and plants there, generated from the catalog, a
#      look-alike of every function of the extension (same name, same
#      argument types; each logs and then calls the real one), of every
#      operator, of every table (with logging triggers), and of every type
#      (a domain over the real type whose CHECK logs);
#   3. plants in x itself overloads that would capture a call whose argument
#      types are not exact (x.orca_date(bpchar), x.review_guidance(text,
#      text), x.shipped_outage_windows(int DEFAULT 0), a calendar taken as
#      text, ...).
# Every planted routine raises WARNING 'HIJACKED ...' and records
# current_user in public.hijack_log.  The superuser then does what a
# superuser routinely does - pg_dump in every format and restores, writes to
# every configuration table through every trigger path, calls the eligibility
# functions and the ORCA reports - each step with search_path = pg_catalog
# and every name qualified.  Each step must run no planted code (no warning,
# no log row by anyone but ow_evil) and give the same output as the same
# step in a control database where nothing was renamed or planted.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
chmod 777 "$work"
dbs=()
cleanup() {
	local d
	for d in ${dbs[@]+"${dbs[@]}"}; do dropdb --if-exists "$d" 2>/dev/null || true; done
	psql -X -q -c 'DROP ROLE IF EXISTS ow_evil' 2>/dev/null || true
	rm -rf "$work"
}
trap cleanup EXIT
export PGCLIENTENCODING=UTF8

su_q() { local d=$1; shift; psql -X -q -v ON_ERROR_STOP=1 -At -d "$d" "$@"; }
evil_q() { local d=$1; shift; psql -X -q -v ON_ERROR_STOP=1 -At -U ow_evil -d "$d" "$@"; }
new_db() { dropdb --if-exists "$1" 2>/dev/null; createdb -O ow_evil "$1"; dbs+=("$1"); }

rc=0
ok() { echo "ok - $*"; }
not_ok() { echo "not ok - $*"; rc=1; }
show() { { sed 's/^/#   /' "$1" | grep -v '^#   $' | cut -c1-200 | sort | uniq -c | sort -rn | head -"${2:-8}"; } || true; }

psql -X -q -c 'DROP ROLE IF EXISTS ow_evil' >/dev/null 2>&1 || true
psql -X -q -v ON_ERROR_STOP=1 -c 'CREATE ROLE ow_evil LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE'

edits() {
	cat <<'SQL'
INSERT INTO outage_area VALUES ('atami', '熱海市 (NTT East lines)');
UPDATE outage_area SET description = 'East, as edited' WHERE area = 'east';
UPDATE prefecture_area SET area = 'atami' WHERE prefecture = '静岡県';
INSERT INTO outage_schedule (area, period, note, source) VALUES
	('atami', outage_window('2025-02-02 05:00+09', '2025-02-02 06:00+09', 'outage'), 'atami only', 'clinic'),
	('east', outage_window('2025-02-13 11:06+09', '2025-02-13 11:35+09', 'outage'), 'FLET''S incident', 'NTT East'),
	(NULL, outage_window('2024-12-15 03:00+09', '2024-12-15 04:00+09', 'registration_delay'), 'JPKI', 'portal');
UPDATE outage_schedule SET note = 'edited' WHERE id = 2;
DELETE FROM outage_schedule WHERE id = 3;
SQL
}

# rows of the configuration tables; @S@ is the extension's schema
snapshot_sql() {
	cat <<'SQL'
SET TimeZone = 'UTC';
SET DateStyle = 'ISO, YMD';
SELECT 'area', area, description FROM @S@.outage_area ORDER BY area;
SELECT 'pref', prefecture, area FROM @S@.prefecture_area ORDER BY prefecture;
SELECT 'window', id, area, period, note, source FROM @S@.outage_schedule ORDER BY id;
SELECT 'deleted seed', id FROM @S@.outage_schedule_deleted_seed ORDER BY id;
SQL
}
snapshot() { # DB SCHEMA
	snapshot_sql | sed "s/@S@/$2/g" |
		PGOPTIONS='-c search_path=pg_catalog' psql -X -q -v ON_ERROR_STOP=1 -At -d "$1" 2>&1
}

# The superuser's steps.  Each is SQL read from stdin with @S@ for the
# extension's schema, run with search_path = pg_catalog; its output goes to
# DIR/NAME.out and its stderr to DIR/NAME.err.
su_step() { # DB SCHEMA DIR NAME
	local db=$1 s=$2 dir=$3 name=$4
	{ echo "SET TimeZone = 'UTC'; SET DateStyle = 'ISO, YMD';"; sed "s/@S@/$s/g"; } >"$dir/$name.sql"
	set +e
	PGOPTIONS='-c search_path=pg_catalog' psql -X -q -At -v ON_ERROR_STOP=1 -d "$db" \
		-f "$dir/$name.sql" >"$dir/$name.out" 2>"$dir/$name.err"
	echo "exit $?" >>"$dir/$name.out"
	set -e
	hijack_log "$db" >"$dir/$name.log"
}

# hijack_log DB: what planted code logged as anyone but ow_evil since the
# last call (and forget it)
hijack_log() {
	su_q "$1" -c "SELECT string_agg(DISTINCT what || ' as ' || who, ', ') FROM public.hijack_log WHERE who OPERATOR(pg_catalog.<>) 'ow_evil'" 2>/dev/null || true
	su_q "$1" -c "DELETE FROM public.hijack_log WHERE who OPERATOR(pg_catalog.<>) 'ow_evil'" >/dev/null 2>&1 || true
}

# all the superuser's writes and reads, as steps
su_steps() { # DB SCHEMA DIR
	local db=$1 s=$2 dir=$3
	su_step "$db" "$s" "$dir" 10_delete_seed <<'SQL'
DELETE FROM @S@.outage_schedule WHERE id = 1;
SQL
	su_step "$db" "$s" "$dir" 11_insert_window <<'SQL'
INSERT INTO @S@.outage_schedule (area, period, note, source) VALUES
	('atami', @S@.outage_window('2025-04-01 10:00+09', '2025-04-01 11:00+09', 'outage'), 'by the superuser', 'su'),
	(NULL, '[2025-04-02 10:00+09, 2025-04-02 11:00+09) intermittent', 'nationwide, by the superuser', 'su');
SELECT count(*) FROM @S@.outage_schedule WHERE source OPERATOR(pg_catalog.=) 'su';
SQL
	su_step "$db" "$s" "$dir" 12_update_window <<'SQL'
UPDATE @S@.outage_schedule SET note = 'edited by the superuser' WHERE id = 4;
UPDATE @S@.outage_schedule SET note = 'user window edited' WHERE note OPERATOR(pg_catalog.=) 'JPKI';
SQL
	su_step "$db" "$s" "$dir" 13_restore_path_insert <<'SQL'
-- what a restore does: an INSERT with a seed's id replaces the unchanged seed
INSERT INTO @S@.outage_schedule OVERRIDING SYSTEM VALUE VALUES
	(5, 'west', '[2025-02-02 03:00+09, 2025-02-02 22:00+09) registration_delay', 'reinserted', 'su');
INSERT INTO @S@.outage_schedule_deleted_seed VALUES (4);
SQL
	su_step "$db" "$s" "$dir" 14_truncate_rolled_back <<'SQL'
BEGIN;
TRUNCATE @S@.outage_schedule;
SELECT 'left after truncate', count(*) FROM @S@.outage_schedule;
SELECT 'recorded', id FROM @S@.outage_schedule_deleted_seed ORDER BY id;
ROLLBACK;
SQL
	su_step "$db" "$s" "$dir" 15_prefecture_area <<'SQL'
UPDATE @S@.prefecture_area SET area = 'east' WHERE prefecture OPERATOR(@S@.=) '愛知県';
-- the INSERT a restore makes (1.0 and 1.1 set the area; later versions do so
-- only during a restore): its trigger runs either way
INSERT INTO @S@.prefecture_area VALUES ('岐阜県', 'east') ON CONFLICT DO NOTHING;
UPDATE @S@.prefecture_area SET area = 'atami' WHERE prefecture OPERATOR(@S@.=) '岐阜県';
SQL
	su_step "$db" "$s" "$dir" 16_outage_area <<'SQL'
INSERT INTO @S@.outage_area VALUES ('kobe', '神戸市の一部');
INSERT INTO @S@.outage_area VALUES ('west', 'West, as the superuser restored it');
SQL
	su_step "$db" "$s" "$dir" 17_rows <<'SQL'
SELECT 'area', area, description FROM @S@.outage_area ORDER BY area;
SELECT 'pref', prefecture, area FROM @S@.prefecture_area ORDER BY prefecture;
SELECT 'window', id, area, period, note, source FROM @S@.outage_schedule ORDER BY id;
SELECT 'deleted seed', id FROM @S@.outage_schedule_deleted_seed ORDER BY id;
SQL
	su_step "$db" "$s" "$dir" 20_review_guidance <<'SQL'
SELECT @S@.review_guidance('outage');
SELECT @S@.review_guidance('intermittent'::@S@.eligibility_impact, 'en');
SELECT @S@.review_guidance(@S@.eligibility_impact('東京都'::@S@.prefecture, '2025-02-01 23:00+09'::timestamptz), 'ja');
SQL
	su_step "$db" "$s" "$dir" 21_calendar <<'SQL'
SELECT @S@.current_outage_calendar()::text;
SQL
	su_step "$db" "$s" "$dir" 22_affecting_windows <<'SQL'
SELECT w.id, w.area, w.period FROM @S@.affecting_windows('静岡県'::@S@.prefecture, '2025-02-02 05:30+09'::timestamptz) w;
SELECT w.id FROM @S@.affecting_windows('東京都'::text, '2025-02-02 05:30'::timestamp) w;
SQL
	su_step "$db" "$s" "$dir" 23_impact_on_day <<'SQL'
SELECT @S@.eligibility_impact_on_day('東京都'::@S@.prefecture, '2025-02-02'::date),
	   @S@.eligibility_impact_on_day('大阪府'::@S@.prefecture, '2025-02-01'::date),
	   @S@.eligibility_impact_on_day('静岡県'::@S@.prefecture, '2025-04-01'::date);
SQL
	su_step "$db" "$s" "$dir" 24_is_affected <<'SQL'
SELECT @S@.is_eligibility_affected('静岡県'::@S@.prefecture, '2025-02-02 05:30+09'::timestamptz),
	   @S@.is_eligibility_affected('東京都'::text, '2025-02-02 05:30'::timestamp),
	   @S@.is_eligibility_affected('大阪府'::varchar, '2025-02-02 07:30+09'::timestamptz),
	   @S@.is_eligibility_affected('静岡県', '2025-02-02 07:30+09'),
	   @S@.is_eligibility_affected('静岡県'::@S@.prefecture, '2025-02-02 05:30+09'::timestamptz,
								   (SELECT @S@.current_outage_calendar())),
	   @S@.eligibility_impact('北海道'::@S@.prefecture, '2025-02-01 23:00'::timestamp);
SELECT p, t, @S@.eligibility_impact(p::@S@.prefecture, t)
FROM pg_catalog.generate_series(1, 47) p,
	 pg_catalog.unnest(ARRAY['2024-12-15 03:30+09', '2025-02-01 23:00+09', '2025-02-02 05:30+09',
				  '2025-02-02 07:30+09', '2025-02-13 11:10+09', '2025-04-01 10:30+09']::timestamptz[]) t
ORDER BY 1, 2;
SQL
	su_step "$db" "$s" "$dir" 25_uke <<'SQL'
SELECT w.id, w.area, w.period FROM @S@.affecting_windows_on_day('静岡県'::@S@.prefecture, '2025-02-02'::date) w;
SELECT w.id FROM @S@.affecting_windows_on_day('東京都'::text, '2025-02-02'::date, '{09:00,18:00}'::pg_catalog.time[]) w;
SELECT w.area, w.period FROM @S@.affecting_windows_on_day('2212345678'::@S@.medical_institution_code, '2025-02-02'::date,
															(SELECT @S@.current_outage_calendar()), NULL::pg_catalog.time[]) w;
SELECT v.window_id, v.area, v.visit_date, v.receipt_number
FROM @S@.uke_window_visits(pg_catalog.convert_to(E'IR,1,22,1,2345678,,x,202502\r\n'
	'RE,1,1112,202502,x,1,19600115\r\nSI,11,1,111000110,,288,1,,,,,,,,1\r\nGO\r\n', 'SJIS')) v;
SELECT v.area, v.visit_date, v.receipt_number
FROM @S@.uke_window_visits(pg_catalog.convert_to(E'IR,1,22,1,2345678,,x,202502\r\n'
	'RE,1,1112,202502,x,1,19600115\r\nSI,11,1,111000110,,288,1,,,,,,,,1\r\nGO\r\n', 'SJIS'),
	(SELECT @S@.current_outage_calendar())) v;
SELECT a.receipt_number, a.affected_days, a.grade, a.impact, a.reasons
FROM @S@.uke_affected_claims(pg_catalog.convert_to(E'IR,1,22,1,2345678,,x,202502\r\n'
	'RE,1,1112,202502,x,1,19600115\r\nSI,11,1,111000110,,288,1,,,,,,,,1\r\nGO\r\n', 'SJIS')) a;
SQL
	su_step "$db" "$s" "$dir" 30_orca_affected <<'SQL'
SELECT * FROM @S@.orca_affected_visits('orca');
SELECT * FROM @S@.orca_window_visits('orca');
SQL
	su_step "$db" "$s" "$dir" 31_orca_review <<'SQL'
SELECT * FROM @S@.orca_eligibility_review('orca');
SELECT * FROM @S@.orca_eligibility_review('orca', 'en');
SQL
	su_step "$db" "$s" "$dir" 32_orca_audit <<'SQL'
SELECT * FROM @S@.orca_billing_audit('orca');
SELECT * FROM @S@.orca_billing_audit('orca', 'en');
SQL
	su_step "$db" "$s" "$dir" 33_orca_calendar <<'SQL'
SELECT * FROM @S@.orca_window_visits('orca', @S@.current_outage_calendar());
SELECT * FROM @S@.orca_affected_visits('orca', (SELECT @S@.current_outage_calendar()));
SELECT * FROM @S@.orca_eligibility_review('orca', @S@.current_outage_calendar());
SELECT * FROM @S@.orca_billing_audit('orca', @S@.current_outage_calendar(), 'en');
-- a what-if: the schedule without window 2
SELECT * FROM @S@.orca_eligibility_review('orca',
	(SELECT @S@.outage_calendar(w.area, w.period) FROM @S@.outage_schedule AS w
	 WHERE w.id OPERATOR(pg_catalog.<>) 2), 'en');
SELECT @S@.eligibility_reviewed_bound_local(@S@.current_outage_calendar(), false),
	   @S@.eligibility_reviewed_bound_local(@S@.current_outage_calendar(), true);
SQL
}

# hijacked DB LABEL ERRFILE [LOGFILE]: planted code the superuser ran (a
# HIJACKED warning, or a row of hijack_log written by anyone but ow_evil:
# read from LOGFILE, saved right after the step, or else now)?
hijacked() {
	local db=$1 label=$2 err=$3 warned logged
	warned=$(grep -o 'HIJACKED [^ ]*.*' "$err" | grep -v ' as ow_evil$' | sed 's/ as .*//' | sort -u | tr '\n' ' ' || true)
	if [ -n "${4:-}" ]; then
		logged=$(cat "$4")
	else
		logged=$(hijack_log "$db")
	fi
	if [ -z "$warned$logged" ]; then
		ok "$label: no planted code ran"
	else
		not_ok "$label: the superuser ran planted code: ${warned}${logged:+[log: $logged]}"
	fi
}

# compare_steps CONTROL_DIR DIR DB LABEL: every step ran no planted code
# and printed what it printed in the control database
compare_steps() {
	local cdir=$1 dir=$2 db=$3 label=$4 f name
	for f in "$cdir"/*.out; do
		name=$(basename "$f" .out)
		hijacked "$db" "$label, $name" "$dir/$name.err" "$dir/$name.log"
		if cmp -s "$f" "$dir/$name.out"; then
			ok "$label, $name: same output as in the control database"
		elif grep -q 'ERROR:  function x\.[a-z_]*(.*) is not unique' "$dir/$name.err"; then
			# An overload with defaults that ow_evil planted in the extension's
			# own schema makes a call by name ambiguous: the report stops with
			# 42725, loudly, and nothing planted runs (checked just above).
			# The ORCA reports' dynamic SQL calls the extension's functions
			# by name (doc/hardening.md, "Trust").
			ok "$label, $name: refused loudly (an ambiguous overload planted in x): $(grep -o 'function x\.[a-z_]*([a-z]*) is not unique' "$dir/$name.err" | head -1)"
		else
			not_ok "$label, $name: output differs from the control database"
			{ diff "$f" "$dir/$name.out" | grep -E '^[<>]' | cut -c1-200 | head -6 | sed 's/^/#   /'; } || true
			grep -q ERROR "$dir/$name.err" && show "$dir/$name.err" 4
		fi
	done
}

# plant DB: ow_evil's look-alikes in a new public, and overloads in x
plant() {
	evil_q "$1" >/dev/null <<'SQL'
CREATE SCHEMA public;
GRANT USAGE ON SCHEMA public TO PUBLIC;
CREATE TABLE public.hijack_log (id bigserial, who text, what text);
GRANT ALL ON public.hijack_log, public.hijack_log_id_seq TO PUBLIC;
CREATE FUNCTION public.hijack_note(what text) RETURNS boolean
LANGUAGE plpgsql AS $$
BEGIN
	RAISE WARNING 'HIJACKED % as %', what, current_user;
	BEGIN
		INSERT INTO public.hijack_log (who, what) VALUES (current_user, what);
	EXCEPTION WHEN OTHERS THEN
		NULL;	-- a read-only transaction (pg_dump): the warning tells
	END;
	RETURN true;
END $$;

-- types: a domain over each of the extension's types; a cast to it runs the CHECK
DO $plant$
DECLARE
	t record;
BEGIN
	FOR t IN
		SELECT ty.typname FROM pg_catalog.pg_depend d JOIN pg_catalog.pg_type ty ON ty.oid = d.objid
		WHERE d.classid = 'pg_catalog.pg_type'::pg_catalog.regclass AND d.deptype = 'e'
		  AND ty.typrelid = 0 AND ty.typcategory <> 'A'	-- no row or array types (tables come below)
		  AND d.refobjid = (SELECT oid FROM pg_catalog.pg_extension WHERE extname = 'outage_window')
	LOOP
		EXECUTE pg_catalog.format('CREATE DOMAIN public.%I AS x.%I CHECK (public.hijack_note(%L))',
								  t.typname, t.typname, 'type ' || t.typname);
	END LOOP;
END $plant$;

-- tables (with a copy of the rows) whose every write logs
CREATE FUNCTION public.hijack_trigger() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	PERFORM public.hijack_note('table ' || TG_TABLE_NAME || ' ' || TG_OP);
	IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
	RETURN NEW;
END $$;
DO $plant$
DECLARE
	t record;
BEGIN
	FOR t IN
		SELECT c.relname, c.relkind FROM pg_catalog.pg_depend d JOIN pg_catalog.pg_class c ON c.oid = d.objid
		WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.deptype = 'e'
		  AND d.refobjid = (SELECT oid FROM pg_catalog.pg_extension WHERE extname = 'outage_window')
	LOOP
		IF t.relkind = 'S' THEN
			EXECUTE pg_catalog.format('CREATE SEQUENCE public.%I START 1001', t.relname);
			EXECUTE pg_catalog.format('GRANT ALL ON public.%I TO PUBLIC', t.relname);
			CONTINUE;
		END IF;
		EXECUTE pg_catalog.format('CREATE TABLE public.%I (LIKE x.%I)', t.relname, t.relname);
		EXECUTE pg_catalog.format('INSERT INTO public.%I SELECT * FROM x.%I', t.relname, t.relname);
		EXECUTE pg_catalog.format('GRANT ALL ON public.%I TO PUBLIC', t.relname);
		EXECUTE pg_catalog.format('CREATE TRIGGER hijack BEFORE INSERT OR UPDATE OR DELETE ON public.%I
			FOR EACH ROW EXECUTE FUNCTION public.hijack_trigger()', t.relname);
		EXECUTE pg_catalog.format('CREATE TRIGGER hijack_truncate BEFORE TRUNCATE ON public.%I
			FOR EACH STATEMENT EXECUTE FUNCTION public.hijack_trigger()', t.relname);
	END LOOP;
END $plant$;

-- functions: the same name and argument types; each logs, then returns
-- what the real one returns (arguments named a1, a2...: pg_dump deparses
-- a SQL-standard body's unnamed $n as "" when other parameters, such as
-- the OUT columns of RETURNS TABLE, have names)
DO $plant$
DECLARE
	p record;
	call text;
	body text;
	planted int := 0;
	skipped text[] := '{}';
BEGIN
	SET LOCAL search_path = pg_catalog;	-- so that types print qualified
	FOR p IN
		SELECT pr.oid, pr.proname, pr.pronargs, pr.proretset, pr.prorettype, pr.prokind, pr.proargtypes
		FROM pg_depend d JOIN pg_proc pr ON pr.oid = d.objid
		WHERE d.classid = 'pg_proc'::regclass AND d.deptype = 'e'
		  AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'outage_window')
	LOOP
		call := format('x.%I(%s)', p.proname,
					   (SELECT coalesce(string_agg('a' || i, ', '), '') FROM generate_series(1, p.pronargs) i));
		-- SQL-standard bodies: the call of the real function is bound now,
		-- before the overloads below are planted in x
		IF p.prokind = 'a' THEN
			skipped := skipped || p.oid::regprocedure::text;
			CONTINUE;
		ELSIF p.prorettype = 'trigger'::regtype THEN
			body := format('LANGUAGE plpgsql AS %L',
						   format('BEGIN PERFORM public.hijack_note(%L); RETURN NULL; END',
								  'function public.' || p.proname));
		ELSIF p.proretset THEN
			body := format('BEGIN ATOMIC SELECT public.hijack_note(%L); SELECT * FROM %s; END',
						   'function public.' || p.proname, call);
		ELSE
			body := format('BEGIN ATOMIC SELECT public.hijack_note(%L); SELECT %s; END',
						   'function public.' || p.proname, call);
		END IF;
		BEGIN
			EXECUTE format('CREATE FUNCTION public.%I(%s) RETURNS %s %s',
						   p.proname,
						   (SELECT coalesce(string_agg('a' || i || ' ' || format_type(t, NULL), ', ' ORDER BY i), '')
							FROM unnest(p.proargtypes::oid[]) WITH ORDINALITY AS a (t, i)),
						   pg_get_function_result(p.oid), body);
			planted := planted + 1;
		EXCEPTION WHEN OTHERS THEN
			skipped := skipped || p.oid::regprocedure::text;	-- cstring, internal: needs C
		END;
	END LOOP;
	RAISE NOTICE 'planted % functions; could not plant %', planted, skipped;
END $plant$;

-- operators: the same symbol and operand types, in public
DO $plant$
DECLARE
	o record;
	n int := 0;
BEGIN
	SET LOCAL search_path = pg_catalog;
	FOR o IN
		SELECT op.oprname, op.oprleft::regtype::text AS l, op.oprright::regtype::text AS r,
			   op.oprresult::regtype::text AS res
		FROM pg_depend d JOIN pg_operator op ON op.oid = d.objid
		WHERE d.classid = 'pg_operator'::regclass AND d.deptype = 'e'
		  AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'outage_window')
	LOOP
		n := n + 1;
		EXECUTE format('CREATE FUNCTION public.hijack_op_%s(%s, %s) RETURNS %s LANGUAGE plpgsql AS %L',
					   n, o.l, o.r, o.res,
					   format('BEGIN PERFORM public.hijack_note(%L); RETURN $1 OPERATOR(x.%s) $2; END',
							  'operator public.' || o.oprname, o.oprname));
		EXECUTE format('CREATE OPERATOR public.%s (LEFTARG = %s, RIGHTARG = %s, FUNCTION = public.hijack_op_%s)',
					   o.oprname, o.l, o.r, n);
	END LOOP;
END $plant$;

-- the aggregate, built from planted parts
CREATE FUNCTION public.hijack_calendar_sfunc(text[], text, x.outage_window) RETURNS text[]
LANGUAGE plpgsql AS $$
BEGIN PERFORM public.hijack_note('aggregate public.outage_calendar'); RETURN $1 || $2; END $$;
CREATE FUNCTION public.hijack_calendar_final(text[]) RETURNS x.outage_calendar
LANGUAGE plpgsql AS $$
BEGIN PERFORM public.hijack_note('aggregate public.outage_calendar'); RETURN x.current_outage_calendar(); END $$;
CREATE AGGREGATE public.outage_calendar(text, x.outage_window) (
	SFUNC = public.hijack_calendar_sfunc, STYPE = text[], FINALFUNC = public.hijack_calendar_final);

-- overloads inside the extension's own schema (x is the old public, which
-- ow_evil owns): they win over the real functions when an argument's type
-- is not exact (bpchar, varchar and unknown literals all reach text); one
-- with a default makes a call that leaves the argument out ambiguous
DO $plant$
DECLARE
	stmt text;
	planted int := 0;
	there text[] := '{}';
BEGIN
	FOREACH stmt IN ARRAY ARRAY[
	$o$CREATE FUNCTION x.orca_date(ymd bpchar) RETURNS date
LANGUAGE plpgsql AS $$ BEGIN PERFORM public.hijack_note('overload x.orca_date(bpchar)'); RETURN x.orca_date(ymd::text); END $$;$o$,
	$o$CREATE FUNCTION x.orca_date(ymd varchar) RETURNS date
LANGUAGE plpgsql AS $$ BEGIN PERFORM public.hijack_note('overload x.orca_date(varchar)'); RETURN x.orca_date(ymd::text); END $$;$o$,
	$o$CREATE FUNCTION x.orca_time(hms bpchar) RETURNS time
LANGUAGE plpgsql AS $$ BEGIN PERFORM public.hijack_note('overload x.orca_time(bpchar)'); RETURN x.orca_time(hms::text); END $$;$o$,
	$o$CREATE FUNCTION x.orca_timestamp(ymd bpchar, hms bpchar) RETURNS timestamp
LANGUAGE plpgsql AS $$ BEGIN PERFORM public.hijack_note('overload x.orca_timestamp(bpchar, bpchar)'); RETURN x.orca_timestamp(ymd::text, hms::text); END $$;$o$,
	$o$CREATE FUNCTION x.orca_timestamp(ymdhms varchar) RETURNS timestamp
LANGUAGE plpgsql AS $$ BEGIN PERFORM public.hijack_note('overload x.orca_timestamp(varchar)'); RETURN x.orca_timestamp(ymdhms::text); END $$;$o$,
	$o$CREATE FUNCTION x.to_prefecture(p varchar) RETURNS x.prefecture
LANGUAGE plpgsql AS $$ BEGIN PERFORM public.hijack_note('overload x.to_prefecture(varchar)'); RETURN x.to_prefecture(p::text); END $$;$o$,
	$o$CREATE FUNCTION x.review_guidance(impact text, lang text) RETURNS text
LANGUAGE plpgsql AS $$ BEGIN PERFORM public.hijack_note('overload x.review_guidance(text, text)'); RETURN x.review_guidance(impact::x.eligibility_impact, lang); END $$;$o$,
	$o$CREATE FUNCTION x.notice_area(p anyelement) RETURNS text
LANGUAGE plpgsql AS $$ BEGIN PERFORM public.hijack_note('overload x.notice_area(anyelement)'); RETURN x.notice_area(p::text::x.prefecture); END $$;$o$,
	$o$CREATE FUNCTION x.shipped_outage_windows(n int DEFAULT 0) RETURNS SETOF x.outage_schedule
BEGIN ATOMIC SELECT public.hijack_note('overload x.shipped_outage_windows(int)'); SELECT * FROM x.shipped_outage_windows(); END;$o$,
	$o$CREATE FUNCTION x.shipped_outage_areas(n int DEFAULT 0) RETURNS SETOF x.outage_area
BEGIN ATOMIC SELECT public.hijack_note('overload x.shipped_outage_areas(int)'); SELECT * FROM x.shipped_outage_areas(); END;$o$,
	$o$CREATE FUNCTION x.eligibility_impact_on_day(p text, d date) RETURNS x.eligibility_impact
LANGUAGE plpgsql AS $$ BEGIN PERFORM public.hijack_note('overload x.eligibility_impact_on_day(text, date)'); RETURN x.eligibility_impact_on_day(p::x.prefecture, d); END $$;$o$,
	$o$CREATE FUNCTION x.eligibility_affected_bound_local(b boolean, n int DEFAULT 0) RETURNS timestamp
BEGIN ATOMIC SELECT public.hijack_note('overload x.eligibility_affected_bound_local(boolean, int)'); SELECT x.eligibility_affected_bound_local(b); END;$o$,
	$o$CREATE FUNCTION x.eligibility_reviewed_bound_local(c text, b boolean) RETURNS timestamp
LANGUAGE plpgsql AS $$ BEGIN PERFORM public.hijack_note('overload x.eligibility_reviewed_bound_local(text, boolean)'); RETURN x.eligibility_reviewed_bound_local(c::x.outage_calendar, b); END $$;$o$,
	$o$CREATE FUNCTION x.eligibility_review(p x.prefecture, d date, t timestamp, s text, c text, lang text,
	OUT impact x.eligibility_impact, OUT affected boolean, OUT needs_review boolean, OUT reason text, OUT guidance text)
LANGUAGE plpgsql AS $$ BEGIN PERFORM public.hijack_note('overload x.eligibility_review(prefecture, date, timestamp, text, text, text)');
SELECT * INTO impact, affected, needs_review, reason, guidance FROM x.eligibility_review(p, d, t, s, c::x.outage_calendar, lang); END $$;$o$
	] LOOP
		BEGIN
			EXECUTE stmt;
			planted := planted + 1;
		EXCEPTION WHEN duplicate_function THEN
			-- the extension has this signature itself: nothing to capture
			there := there || pg_catalog.substring(stmt, 'x\.[a-z_]+\([^)]*\)');
		END;
	END LOOP;
	RAISE NOTICE 'planted % overloads in x; the extension has %', planted, there;
END $plant$;
SQL
}

# -- the control database: nothing renamed, nothing planted
control=ow_hj_control
new_db $control
su_q $control -c 'CREATE EXTENSION outage_window' >/dev/null
edits | su_q $control >/dev/null
su_q $control -f "$root/test/fixtures/orca_fixture.sql" >/dev/null
snapshot $control public >"$work/control.rows"
mkdir "$work/control"
su_steps $control public "$work/control"
if grep -q '^exit 0$' "$work/control/30_orca_affected.out" && [ "$(grep -c . "$work/control/30_orca_affected.out")" -gt 5 ]; then
	: # the control run works (the comparisons below are against it)
else
	not_ok "the control database's ORCA report failed"
	show "$work/control/30_orca_affected.err"
fi
for f in "$work"/control/*.out; do
	grep -q '^exit 0$' "$f" || { not_ok "control step $(basename "$f" .out) failed"; show "${f%.out}.err"; }
done

# variant: who installed the extension into public of ow_evil's database
variant() { # NAME INSTALLER(ow_evil|superuser)
	local v=$1 who=$2 db=ow_hj_$1 fmt f
	local label="[$v: $who installed]"
	new_db "$db"
	if [ "$who" = ow_evil ]; then
		evil_q "$db" -c 'CREATE EXTENSION outage_window' >/dev/null
		edits | evil_q "$db" >/dev/null
	else
		su_q "$db" -c 'CREATE EXTENSION outage_window' >/dev/null
		edits | su_q "$db" >/dev/null
	fi
	su_q "$db" -f "$root/test/fixtures/orca_fixture.sql" >/dev/null

	# 1. the rename alone
	evil_q "$db" -c 'ALTER SCHEMA public RENAME TO x'
	ok "$label ow_evil renamed schema public (the extension's) to x"
	if pg_dump -Fc -d "$db" -f "$work/$v.renamed.dump" 2>"$work/$v.renamed.err"; then
		ok "$label pg_dump after the rename succeeds"
		new_db "${db}_renamed_restored"
		if pg_restore -d "${db}_renamed_restored" "$work/$v.renamed.dump" 2>"$work/$v.renamed.restore.err"; then
			ok "$label the dump taken after the rename restores with no error"
		else
			not_ok "$label the dump taken after the rename does not restore cleanly"
			show "$work/$v.renamed.restore.err"
		fi
		snapshot "${db}_renamed_restored" x >"$work/$v.renamed.rows"
		if diff -u "$work/control.rows" "$work/$v.renamed.rows" >"$work/$v.renamed.diff"; then
			ok "$label the restored copy holds the user's rows"
		else
			not_ok "$label the restored copy does not hold the user's rows"
			{ grep -E '^[-+][^-+]' "$work/$v.renamed.diff" | cut -c1-160 | head -8 | sed 's/^/#   /'; } || true
		fi
	else
		not_ok "$label pg_dump after the rename fails"
		show "$work/$v.renamed.err"
	fi

	# 2. the look-alikes
	if plant "$db" 2>"$work/$v.plant.err" &&
		[ "$(grep -o 'planted [0-9]* functions' "$work/$v.plant.err" | tr -dc 0-9)" -ge 80 ]; then
		ok "$label ow_evil planted look-alikes in a new public and overloads in x ($(grep -o 'planted [0-9]* functions' "$work/$v.plant.err" || true); $(grep -o 'planted [0-9]* overloads in x.*' "$work/$v.plant.err" || true))"
	else
		not_ok "$label planting failed (the scenario itself is broken)"
		show "$work/$v.plant.err"
		return
	fi
	snapshot "$db" x >"$work/$v.rows"
	if cmp -s "$work/control.rows" "$work/$v.rows"; then
		ok "$label the configuration tables hold the user's rows"
	else
		not_ok "$label the configuration tables differ from the control database"
	fi

	# 3. the superuser's routine: dumps in every format, and restores
	# (-v: pg_dump prints the server's warnings only when verbose)
	local dumped=
	for fmt in c p d t; do
		rm -rf "$work/$v.dump.$fmt"
		if pg_dump -v -F$fmt -d "$db" -f "$work/$v.dump.$fmt" 2>"$work/$v.dump.$fmt.err"; then
			ok "$label pg_dump -F$fmt succeeds"
			dumped="$dumped $fmt"
		else
			not_ok "$label pg_dump -F$fmt fails"
			grep -vE '^pg_dump: (reading|identifying|finding|flagging|saving|dumping|last|creating|processing|executing)' \
				"$work/$v.dump.$fmt.err" >"$work/$v.dump.$fmt.err2" || true
			show "$work/$v.dump.$fmt.err2" 4
		fi
		hijacked "$db" "$label pg_dump -F$fmt" "$work/$v.dump.$fmt.err"
	done
	if [[ $dumped == *c* ]]; then
		new_db "${db}_restored"
		if pg_restore -d "${db}_restored" "$work/$v.dump.c" 2>"$work/$v.restore.err"; then
			ok "$label pg_restore of the superuser's dump succeeds"
		else
			not_ok "$label pg_restore of the superuser's dump reports errors"
			show "$work/$v.restore.err"
		fi
		hijacked "${db}_restored" "$label pg_restore" "$work/$v.restore.err"
		snapshot "${db}_restored" x >"$work/$v.restored.rows"
		if diff -u "$work/control.rows" "$work/$v.restored.rows" >"$work/$v.restored.diff"; then
			ok "$label the restored copy holds the user's rows"
		else
			not_ok "$label the restored copy does not hold the user's rows"
			{ grep -E '^[-+][^-+]' "$work/$v.restored.diff" | cut -c1-160 | head -8 | sed 's/^/#   /'; } || true
		fi
	fi
	if [[ $dumped == *p* ]]; then
		new_db "${db}_restored_plain"
		PGOPTIONS='-c search_path=pg_catalog' psql -X -q -d "${db}_restored_plain" -f "$work/$v.dump.p" \
			>/dev/null 2>"$work/$v.restore_plain.err" || true
		if grep -q ERROR "$work/$v.restore_plain.err"; then
			not_ok "$label psql < plain dump reports errors"
			show "$work/$v.restore_plain.err"
		else
			ok "$label psql < plain dump succeeds"
		fi
		hijacked "${db}_restored_plain" "$label psql < plain dump" "$work/$v.restore_plain.err"
		snapshot "${db}_restored_plain" x >"$work/$v.restored_plain.rows"
		cmp -s "$work/control.rows" "$work/$v.restored_plain.rows" &&
			ok "$label the plain-restored copy holds the user's rows" ||
			not_ok "$label the plain-restored copy does not hold the user's rows"
	fi

	# 4. the superuser's writes, reads and ORCA reports
	mkdir "$work/$v"
	su_steps "$db" x "$work/$v"
	compare_steps "$work/control" "$work/$v" "$db" "$label"
}

variant user ow_evil
variant super superuser
exit $rc
