--
-- schedule_trust: the schedule tables as a database owner who is not a
-- superuser keeps them (doc/hardening.md, "Trust").
--
-- Runs in a database of its own, owned by a non-superuser who installs the
-- extension.  The dump and restore themselves, and a renamed schema with
-- look-alikes planted under its old name, are scenarios
-- (test/scenarios/owner_backup.sh, test/scenarios/schema_hijack.sh).
--
SET client_min_messages = warning;
DROP DATABASE IF EXISTS regress_ow_trust;
DROP ROLE IF EXISTS regress_ow_owner;
DROP ROLE IF EXISTS regress_ow_owner2;
DROP ROLE IF EXISTS regress_ow_clerk;
RESET client_min_messages;
CREATE ROLE regress_ow_owner;
CREATE ROLE regress_ow_owner2;
CREATE ROLE regress_ow_clerk;
CREATE DATABASE regress_ow_trust OWNER regress_ow_owner
	TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C';
\c regress_ow_trust
\set SHOW_CONTEXT never
SET ROLE regress_ow_owner;
CREATE EXTENSION outage_window;

-- Nothing the extension runs names its schema as text: no procedural body
-- and no pg_dump condition mentions it, whatever it is called.
SELECT count(*) AS bodies_naming_the_schema
FROM pg_proc p
JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'outage_window'
JOIN pg_namespace n ON n.oid = e.extnamespace
JOIN pg_language l ON l.oid = p.prolang
WHERE l.lanname NOT IN ('c', 'internal')
  AND strpos(p.prosrc, n.nspname || '.') > 0;
SELECT c.relname, strpos(x.cond, 'public') > 0 AS names_schema
FROM pg_extension e,
	 unnest(e.extconfig, e.extcondition) AS x(rel, cond)
JOIN pg_class c ON c.oid = x.rel
WHERE e.extname = 'outage_window'
ORDER BY 1;
-- The PL/pgSQL functions, whose bodies are text (the triggers are C):
-- each must find the schema at run time, never by name.
SELECT p.proname
FROM pg_proc p
JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'outage_window'
JOIN pg_language l ON l.oid = p.prolang
WHERE l.lanname = 'plpgsql'
ORDER BY 1;

-- The rights to change the schedule belong to the database owner, through
-- pg_database_owner, with the grant option; everyone reads.
SELECT c.relname,
	   has_table_privilege('pg_database_owner', c.oid, 'INSERT WITH GRANT OPTION, UPDATE WITH GRANT OPTION, DELETE WITH GRANT OPTION') AS owner_writes,
	   has_table_privilege('regress_ow_clerk', c.oid, 'SELECT') AS all_read,
	   has_table_privilege('regress_ow_clerk', c.oid, 'INSERT, UPDATE, DELETE, TRUNCATE') AS all_write
FROM pg_class c
WHERE c.relname IN ('outage_area', 'prefecture_area', 'outage_schedule', 'outage_schedule_deleted_seed', 'facility_area')
ORDER BY 1;
SELECT has_sequence_privilege('pg_database_owner', 'outage_schedule_id_seq', 'SELECT, UPDATE') AS owner_dumps_and_restores_the_sequence;

INSERT INTO outage_schedule (area, period, note)
VALUES ('east', outage_window('2025-03-01 10:00+09', '2025-03-01 11:00+09', 'outage'), 'by the owner')
RETURNING id;
SET ROLE regress_ow_clerk;
\set VERBOSITY terse
INSERT INTO outage_schedule (area, period, note)
VALUES ('east', outage_window('2025-03-02 10:00+09', '2025-03-02 11:00+09', 'outage'), 'by the clerk');
\set VERBOSITY default
SET ROLE regress_ow_owner;
GRANT INSERT, UPDATE, DELETE ON outage_schedule, outage_schedule_deleted_seed TO regress_ow_clerk;
SET ROLE regress_ow_clerk;
INSERT INTO outage_schedule (area, period, note)
VALUES ('east', outage_window('2025-03-02 10:00+09', '2025-03-02 11:00+09', 'outage'), 'by the clerk')
RETURNING id;
DELETE FROM outage_schedule WHERE id = 1;
SELECT id FROM outage_schedule_deleted_seed;

-- A new owner of the database inherits the rights; the former owner loses them.
RESET ROLE;
ALTER DATABASE regress_ow_trust OWNER TO regress_ow_owner2;
\c regress_ow_trust
\set SHOW_CONTEXT never
SET ROLE regress_ow_owner2;
UPDATE outage_schedule SET note = 'by the new owner' WHERE note = 'by the owner';
SET ROLE regress_ow_owner;
\set VERBOSITY terse
UPDATE outage_schedule SET note = 'by the former owner' WHERE note = 'by the new owner';
\set VERBOSITY default
RESET ROLE;
ALTER DATABASE regress_ow_trust OWNER TO regress_ow_owner;
\c regress_ow_trust
\set SHOW_CONTEXT never
SET ROLE regress_ow_owner;

-- A shipped window deleted and put back under its own id is no longer
-- recorded as deleted, so a restore keeps it.
INSERT INTO outage_schedule OVERRIDING SYSTEM VALUE
SELECT * FROM shipped_outage_windows() WHERE id = 1;
SELECT count(*) AS deleted_seeds FROM outage_schedule_deleted_seed;
SELECT count(*) AS seeds FROM outage_schedule WHERE id <= 1000;

-- A restore (check_function_bodies off, as pg_dump's output and pg_restore
-- set it) may load a window before the user area it names: the area is
-- created, and its own row fills in the description when it arrives.
BEGIN;
SET LOCAL check_function_bodies = off;
INSERT INTO outage_schedule (area, period, note)
VALUES ('atami', outage_window('2025-03-03 10:00+09', '2025-03-03 11:00+09', 'outage'), 'restored window');
INSERT INTO prefecture_area VALUES ('静岡県', 'atami');
SELECT * FROM outage_area WHERE area = 'atami';
INSERT INTO facility_area VALUES ('2210112345', 'ntt-east-shizuoka', 'restored facility');
SELECT * FROM outage_area WHERE area = 'ntt-east-shizuoka';
INSERT INTO outage_area VALUES ('ntt-east-shizuoka', '静岡県内の NTT East 回線');
INSERT INTO outage_area VALUES ('atami', '熱海市 (NTT East lines)');
INSERT INTO outage_area VALUES ('east', '東日本エリア (edited)');
SELECT * FROM outage_area ORDER BY area;
SELECT area FROM prefecture_area WHERE prefecture = '静岡県';
ROLLBACK;
-- At any other time an unknown area is a foreign-key violation.
\set VERBOSITY terse
INSERT INTO outage_schedule (area, period)
VALUES ('atami', outage_window('2025-03-03 10:00+09', '2025-03-03 11:00+09', 'outage'));
INSERT INTO facility_area VALUES ('2210112345', 'atami');
\set VERBOSITY default

-- facility_area: the owner edits it, a clerk only once granted; all of it
-- is the user's, so pg_dump keeps every row (no condition).
INSERT INTO facility_area VALUES ('22-1-0112345', 'east', '熱海: NTT East line') RETURNING *;
SET ROLE regress_ow_clerk;
\set VERBOSITY terse
UPDATE facility_area SET note = 'by the clerk';
\set VERBOSITY default
SET ROLE regress_ow_owner;
GRANT UPDATE ON facility_area TO regress_ow_clerk;
SET ROLE regress_ow_clerk;
UPDATE facility_area SET note = 'by the clerk' RETURNING note;
SET ROLE regress_ow_owner;
REVOKE UPDATE ON facility_area FROM regress_ow_clerk;
SELECT c.relname, x.cond
FROM pg_extension e, unnest(e.extconfig, e.extcondition) AS x(rel, cond)
JOIN pg_class c ON c.oid = x.rel
WHERE e.extname = 'outage_window' AND c.relname = 'facility_area';
-- the triggers name nothing as text either: they are C, as the schedule's are
SELECT p.proname, l.lanname
FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid JOIN pg_language l ON l.oid = p.prolang
WHERE t.tgrelid = 'facility_area'::regclass AND NOT t.tgisinternal;
DELETE FROM facility_area;

-- A calendar holds at most 254 areas: the 255th is refused where it is added.
BEGIN;
INSERT INTO outage_area SELECT 'a' || i, NULL FROM generate_series(1, 252) AS i;
SELECT count(*) AS areas FROM outage_area;
INSERT INTO outage_area VALUES ('one too many', NULL);
ROLLBACK;
SELECT count(*) AS areas FROM outage_area;
-- and so is a name longer than a calendar holds (1024 bytes)
\set VERBOSITY terse
INSERT INTO outage_area VALUES (repeat('あ', 342), NULL);
\set VERBOSITY default
INSERT INTO outage_area VALUES (repeat('あ', 341), NULL) RETURNING octet_length(area);
DELETE FROM outage_area WHERE area = repeat('あ', 341);

-- Row-level security on the schedule is refused, never bypassed: a policy
-- that hid rows would give different users different answers.
RESET ROLE;
ALTER TABLE outage_schedule ENABLE ROW LEVEL SECURITY;
CREATE POLICY only_east ON outage_schedule USING (area = 'east');
SET ROLE regress_ow_owner;
SELECT is_eligibility_affected('大阪府'::prefecture, timestamptz '2025-02-02 07:30+09');
SET row_security = off;
\set VERBOSITY terse
SELECT is_eligibility_affected('大阪府'::prefecture, timestamptz '2025-02-02 07:30+09');
\set VERBOSITY default
RESET row_security;
RESET ROLE;
-- the table's owner (a superuser here) is not subject to the policy
SELECT is_eligibility_affected('大阪府'::prefecture, timestamptz '2025-02-02 07:30+09');
DROP POLICY only_east ON outage_schedule;
ALTER TABLE outage_schedule DISABLE ROW LEVEL SECURITY;
SET ROLE regress_ow_owner;
SELECT is_eligibility_affected('大阪府'::prefecture, timestamptz '2025-02-02 07:30+09');

-- The owner plants, in the extension's own schema (public, which the owner
-- owns), an overload that an untyped argument would prefer, and a view
-- where a report expects ORCA's table.  A superuser's reports run neither.
SET ROLE regress_ow_owner;
CREATE FUNCTION public.review_guidance(text, text) RETURNS text
LANGUAGE plpgsql AS $$BEGIN RAISE EXCEPTION 'planted review_guidance called'; END$$;
CREATE FUNCTION public.planted() RETURNS int
LANGUAGE plpgsql AS $$BEGIN RAISE EXCEPTION 'planted function called'; END$$;
CREATE VIEW public.tbl_uketuke AS
SELECT public.planted() AS hospnum, 1::int8 AS ptid, '20250202'::char(8) AS ukeymd,
	   '050000'::char(6) AS uketime, 1 AS ukeid;
CREATE TABLE public.tbl_syskanri (hospnum int, kanricd char(4), kbncd char(8),
	styukymd char(8), edyukymd char(8), kanritbl text);
CREATE DOMAIN public.planted_text AS text CHECK (public.planted() > 0);
CREATE TABLE public.tbl_onshi_kaku (hospnum int, ptid int8, kakuninymd public.planted_text);
RESET ROLE;
\set VERBOSITY terse
SELECT * FROM orca_billing_audit('public', 'ja');
SELECT * FROM orca_affected_visits('public');
DROP VIEW public.tbl_uketuke;
CREATE TABLE public.tbl_uketuke (hospnum int, ptid int8, ukeymd char(8), uketime char(6), ukeid int);
SELECT * FROM orca_affected_visits('public');
\set VERBOSITY default
DROP TABLE public.tbl_uketuke, public.tbl_syskanri, public.tbl_onshi_kaku;
DROP DOMAIN public.planted_text;
DROP FUNCTION public.review_guidance(text, text), public.planted();

RESET ROLE;
\c contrib_regression
SET client_min_messages = warning;
DROP DATABASE regress_ow_trust;
DROP ROLE regress_ow_owner;
DROP ROLE regress_ow_owner2;
DROP ROLE regress_ow_clerk;
