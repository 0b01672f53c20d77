--
-- security: objects another role plants before or after CREATE EXTENSION
-- change nothing (the CVE-2022-2625 class), and a database owner who is
-- not a superuser can install the extension (it is trusted) and maintain
-- the schedule, while everyone else only reads.
--
-- Runs in a database of its own, owned by a non-superuser, so that the
-- extension is created there by that owner.  Every planted function raises
-- when it is called, so a call would show up below as an error; planted
-- tables hold wrong data, so reading them would change the answers.
--
SET client_min_messages = warning;
DROP DATABASE IF EXISTS regress_ow_security;
DROP ROLE IF EXISTS regress_ow_planter;
DROP ROLE IF EXISTS regress_ow_dbo;
DROP ROLE IF EXISTS regress_ow_reader;
RESET client_min_messages;
CREATE ROLE regress_ow_planter;
CREATE ROLE regress_ow_dbo;
CREATE ROLE regress_ow_reader;
CREATE DATABASE regress_ow_security OWNER regress_ow_dbo
	TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C';
\c regress_ow_security
\set SHOW_CONTEXT never
SELECT rolsuper FROM pg_roles WHERE rolname = 'regress_ow_dbo';

-- The planter may create in public (as on databases from before PG 15) and
-- owns a schema of look-alikes that other roles put on their search_path.
GRANT CREATE ON SCHEMA public TO regress_ow_planter;
CREATE SCHEMA evil AUTHORIZATION regress_ow_planter;
GRANT USAGE ON SCHEMA evil TO PUBLIC;
SET ROLE regress_ow_planter;

CREATE FUNCTION evil.planted(VARIADIC anyarray) RETURNS boolean
LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION 'planted function called with %', $1;
END;
$$;
CREATE FUNCTION evil.planted_text(text, text) RETURNS boolean
LANGUAGE sql AS 'SELECT evil.planted($1, $2)';
CREATE FUNCTION evil.planted_bigint(bigint, integer) RETURNS boolean
LANGUAGE sql AS 'SELECT evil.planted($1, $2::bigint)';

-- Operators that an unqualified "=", "<>" or "<=" on text or on ids would
-- find first on a search_path that lists evil (or public) before pg_catalog.
CREATE OPERATOR evil.= (LEFTARG = text, RIGHTARG = text, FUNCTION = evil.planted_text);
CREATE OPERATOR evil.<> (LEFTARG = text, RIGHTARG = text, FUNCTION = evil.planted_text);
CREATE OPERATOR evil.<= (LEFTARG = bigint, RIGHTARG = integer, FUNCTION = evil.planted_bigint);
CREATE OPERATOR public.= (LEFTARG = text, RIGHTARG = text, FUNCTION = evil.planted_text);
CREATE OPERATOR public.<> (LEFTARG = text, RIGHTARG = text, FUNCTION = evil.planted_text);

-- Functions named like the extension's, or like the built-ins it calls,
-- taking anything, so that an unqualified call would resolve to them.
CREATE FUNCTION evil.lower(anyelement) RETURNS boolean
LANGUAGE sql AS 'SELECT evil.planted(1)';
CREATE FUNCTION evil.btrim(text) RETURNS text
LANGUAGE sql AS 'SELECT evil.planted(1)::text';
CREATE FUNCTION evil.kind(anyelement) RETURNS text
LANGUAGE sql AS 'SELECT evil.planted(1)::text';
CREATE FUNCTION evil.notice_area(anyelement) RETURNS text
LANGUAGE sql AS 'SELECT evil.planted(1)::text';
CREATE FUNCTION evil.japan_time(timestamp) RETURNS timestamptz
LANGUAGE sql AS 'SELECT CASE WHEN evil.planted(1) THEN now() END';
CREATE FUNCTION evil.shipped_outage_windows() RETURNS SETOF record
LANGUAGE sql AS 'SELECT evil.planted(1)';
CREATE FUNCTION public.notice_area(integer) RETURNS text
LANGUAGE sql AS 'SELECT evil.planted(1)::text';
CREATE FUNCTION public.generate_series(integer, integer) RETURNS SETOF integer
LANGUAGE sql AS 'SELECT evil.planted(1)::int';

-- Tables named like the extension's, with a schedule where everything is
-- always down and every prefecture in one area.
CREATE TABLE evil.outage_area (area text, description text);
CREATE TABLE evil.prefecture_area (prefecture integer, area text);
CREATE TABLE evil.outage_schedule (id bigint, area text, period tstzrange, note text, source text);
INSERT INTO evil.outage_area VALUES ('east', 'planted');
INSERT INTO evil.prefecture_area SELECT g, 'east' FROM pg_catalog.generate_series(1, 47) g;
INSERT INTO evil.outage_schedule VALUES (1, NULL, '(,)', 'planted', 'planted');
GRANT SELECT ON ALL TABLES IN SCHEMA evil TO PUBLIC;
RESET ROLE;

-- The database owner installs the extension into public, with a search
-- path that puts the planter's schema first and pg_catalog last, and with
-- temporary tables of the extension's table names (which unqualified
-- table names would find before any schema).
SET ROLE regress_ow_dbo;
SET search_path = evil, public, pg_catalog;
CREATE TEMP TABLE outage_schedule (LIKE evil.outage_schedule);
CREATE TEMP TABLE prefecture_area (LIKE evil.prefecture_area);
CREATE TEMP TABLE outage_area (LIKE evil.outage_area);
INSERT INTO pg_temp.outage_schedule SELECT * FROM evil.outage_schedule;
INSERT INTO pg_temp.prefecture_area SELECT * FROM evil.prefecture_area;
INSERT INTO pg_temp.outage_area SELECT * FROM evil.outage_area;
CREATE EXTENSION outage_window SCHEMA public;

-- A trusted install: the extension belongs to the database owner, its
-- objects to the bootstrap superuser, and the owner was granted the writes.
SELECT e.extowner::regrole AS extension_owner, n.nspname AS schema
FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
WHERE e.extname = 'outage_window';
SELECT c.relname, c.relowner = 10 AS owned_by_bootstrap_superuser,
	   has_table_privilege('regress_ow_dbo', c.oid, 'SELECT, INSERT, UPDATE, DELETE') AS owner_writes,
	   has_table_privilege('regress_ow_reader', c.oid, 'SELECT') AS public_reads,
	   has_table_privilege('regress_ow_reader', c.oid, 'INSERT') OR
	   has_table_privilege('regress_ow_reader', c.oid, 'UPDATE') OR
	   has_table_privilege('regress_ow_reader', c.oid, 'DELETE') OR
	   has_table_privilege('regress_ow_reader', c.oid, 'TRUNCATE') AS public_writes
FROM pg_class c JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = c.oid
WHERE d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e'
  AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'outage_window')
  AND c.relkind = 'r'
ORDER BY c.relname;
-- no function is SECURITY DEFINER, and PUBLIC may call every one
SELECT count(*) > 50 AS has_functions,
	   count(*) FILTER (WHERE p.prosecdef) AS security_definer,
	   count(*) FILTER (WHERE NOT has_function_privilege('regress_ow_reader', p.oid, 'EXECUTE')) AS not_callable_by_public
FROM pg_proc p JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid
WHERE d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e'
  AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'outage_window');

-- The answers, with the planted objects on the path: the same as in
-- sql/eligibility.sql, and no planted function called.
SELECT p, t, is_eligibility_affected(p::public.prefecture, t::timestamptz) AS affected,
	   eligibility_impact(p, t::timestamp) AS impact_text_local,
	   (SELECT pg_catalog.count(*) FROM affecting_windows(p, t::timestamptz)) AS windows
FROM (VALUES ('東京都'), ('大阪府'), ('Hokkaido')) AS v (p),
	 (VALUES ('2025-02-01 23:00:00+09'), ('2025-02-02 07:30:00+09'),
			 ('2025-02-03 12:00:00+09')) AS w (t)
ORDER BY 1, 2;
SELECT notice_area('静岡県'::prefecture), lower(public.outage_window('2025-02-01 22:00+09', '2025-02-02 00:30+09')) IS NOT NULL AS lower_is_ours;
SELECT left(review_guidance('outage', 'en'), 40) AS en,
	   left(review_guidance('intermittent', ' JA '), 10) AS ja,
	   left(review_guidance('registration_delay', 'en'), 40) AS delay,
	   left(review_guidance('none', 'en'), 30) AS none;
SELECT review_guidance('outage', 'fr');

-- (The checks below compare with OPERATOR(pg_catalog.=): an unqualified
-- "=" in this session's own queries would find the planted one, as it
-- should.)

-- The owner maintains the schedule through every trigger: a new window, a
-- seed edited and one deleted, an area added, a prefecture moved, the
-- restore paths (INSERT of an existing prefecture, of a seed area).
INSERT INTO public.outage_schedule (area, period, note)
VALUES ('west', '[2025-03-01 01:00, 2025-03-01 02:00) outage', 'by the owner');
UPDATE public.outage_schedule SET note = 'edited' WHERE id = 2;
DELETE FROM public.outage_schedule WHERE id = 3;
INSERT INTO public.outage_area VALUES ('atami', 'added by the owner');
INSERT INTO public.outage_area VALUES ('east', 'east, as restored');
UPDATE public.prefecture_area SET area = 'atami' WHERE prefecture = '静岡県';
INSERT INTO public.prefecture_area VALUES ('大阪府', 'atami')
	ON CONFLICT (prefecture) DO UPDATE SET area = excluded.area;
DELETE FROM public.prefecture_area WHERE prefecture = '東京都';
SELECT id, area, period, note FROM public.outage_schedule ORDER BY id;
SELECT id FROM public.outage_schedule_deleted_seed;
SELECT area, description FROM public.outage_area ORDER BY area;
SELECT prefecture, area FROM public.prefecture_area WHERE area OPERATOR(pg_catalog.=) 'atami' ORDER BY prefecture;
SELECT is_eligibility_affected('静岡県', '2025-03-01 01:30'::timestamp) AS shizuoka,
	   is_eligibility_affected('大阪府', '2025-03-01 01:30'::timestamp) AS osaka,
	   is_eligibility_affected('京都府', '2025-03-01 01:30'::timestamp) AS kyoto,
	   is_eligibility_affected('京都府', '2025-02-02 07:30'::timestamp) AS kyoto_deleted_seed;
-- the temporary look-alikes were never written to
SELECT (SELECT count(*) FROM pg_temp.outage_schedule) AS temp_windows,
	   (SELECT count(*) FROM pg_temp.prefecture_area) AS temp_prefectures,
	   (SELECT count(*) FROM pg_temp.outage_area) AS temp_areas;
RESET ROLE;

-- Another role reads and calls everything, and changes nothing.
SET ROLE regress_ow_reader;
SET search_path = evil, public, pg_catalog;
SELECT count(*) FROM public.outage_schedule;
SELECT is_eligibility_affected('東京都', '2025-02-01 23:00:00+09'::timestamptz);
INSERT INTO public.outage_schedule (area, period) VALUES ('east', '[2025-04-01, 2025-04-02)');
UPDATE public.outage_schedule SET note = 'x';
DELETE FROM public.outage_schedule;
UPDATE public.prefecture_area SET area = 'west';
INSERT INTO public.outage_area VALUES ('south', 'x');
TRUNCATE public.outage_area;
RESET ROLE;

-- The planter's objects do not belong to the extension.
SELECT count(*) AS planted_in_extension
FROM pg_depend d JOIN pg_proc p ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid
WHERE d.deptype = 'e' AND p.proowner = 'regress_ow_planter'::regrole;

-- A planted object with the very name and arguments of one the script
-- creates makes CREATE EXTENSION fail; it is never adopted.
DROP EXTENSION outage_window;
SET ROLE regress_ow_planter;
CREATE FUNCTION public.japan_time(local_time timestamp) RETURNS timestamptz
LANGUAGE sql AS 'SELECT CASE WHEN evil.planted(1) THEN now() END';
RESET ROLE;
SET ROLE regress_ow_dbo;
CREATE EXTENSION outage_window SCHEMA public;
RESET ROLE;
SELECT count(*) AS installed FROM pg_extension WHERE extname = 'outage_window';
CREATE EXTENSION outage_window SCHEMA public;

\c contrib_regression
DROP DATABASE regress_ow_security;
DROP ROLE regress_ow_planter;
DROP ROLE regress_ow_dbo;
DROP ROLE regress_ow_reader;
