--
-- ORCA clinics: reading ORCA's char date/time columns, and the review and
-- billing-audit reports on a hand-written ORCA-shaped fixture, in a UTF8
-- database and in an EUC_JP database with C collation.
--
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS outage_window;
RESET client_min_messages;
SET DateStyle = 'Postgres, MDY';  -- the style the expected output prints
-- char(8) dates: blank padding allowed, anything else that is not a date is NULL
SELECT v, orca_date(v)
FROM (VALUES ('20250201'), (' 20250201'), ('2025020 '), ('        '), (''),
             ('20250229'), ('20240229'), ('20251301'), ('00000000'),
             ('99999999'), ('2025-02-01'), ('２０２５０２０１')) AS t(v);
-- char(6) times: HHMMSS, HHMM (seconds missing), trailing blanks are padding,
-- leading blanks are zeros
SELECT v, orca_time(v)
FROM (VALUES ('220000'), ('2200  '), ('2200'), ('002959'), ('003000'),
             (' 93000'), ('    30'), ('93000 '), ('      '), ('22    '),
             ('240000'), ('236000'), ('235960'), ('22:00:'), ('２２００')) AS t(v);
SELECT orca_timestamp('20250201', '2200  ') AS uketime_2200,
       orca_timestamp('20250201', '      ') AS blank_time,
       orca_timestamp('2025020 ', '220000') AS bad_date,
       orca_timestamp('20250201220105') AS shori_time,
       orca_timestamp('202502020659') AS shori_time_no_seconds,
       orca_timestamp('20250201      ') AS shori_time_blank_time,
       orca_timestamp(NULL, '220000') AS null_date;
-- char arguments (ORCA's column types) resolve to the text functions
SELECT orca_timestamp('20250202'::char(8), '0030  '::char(6)),
       orca_date('2025020 '::char(8)), orca_time('      '::char(6));
-- the result is Japan time whatever TimeZone says; window bounds are half-open
SET TimeZone = 'America/New_York';
SELECT t, is_eligibility_affected('13', orca_timestamp('20250201', t)) AS tokyo,
       eligibility_impact('13', orca_timestamp('20250201', t)) AS impact
FROM (VALUES ('215959'), ('220000'), ('2200  ')) AS v(t);
RESET TimeZone;
-- a day with no recorded time: the most severe window touching the day
SELECT d, eligibility_impact_on_day('東京都', d) AS east,
       eligibility_impact_on_day('大阪府', d) AS west
FROM (VALUES (date '2025-01-31'), ('2025-02-01'), ('2025-02-02'), ('2025-02-03')) AS t(d);
-- nothing of ORCA is needed before the fixture exists
\set VERBOSITY terse
SELECT * FROM orca_eligibility_review('orca');
\set VERBOSITY sqlstate
SELECT * FROM orca_affected_visits('orca');
\set VERBOSITY default
-- the fixture: ORCA-shaped tables in schema orca, and the expected answers
\set ECHO none
\i test/fixtures/orca_fixture.sql
\set ECHO all
SELECT pg_catalog.getdatabaseencoding(), datcollate FROM pg_database
WHERE datname = current_database();
\i test/fixtures/orca_checks.sql
-- the caller's search_path changes nothing: shadow what the reports use
CREATE SCHEMA orca_evil;
CREATE FUNCTION orca_evil.btrim(text) RETURNS text LANGUAGE sql AS $$ SELECT 'x' $$;
CREATE FUNCTION orca_evil.btrim(text, text) RETURNS text LANGUAGE sql AS $$ SELECT 'x' $$;
CREATE FUNCTION orca_evil.orca_date(text) RETURNS date LANGUAGE sql AS $$ SELECT date '2025-02-01' $$;
CREATE FUNCTION orca_evil.always(bpchar, text) RETURNS boolean LANGUAGE sql AS $$ SELECT true $$;
CREATE OPERATOR orca_evil.= (LEFTARG = bpchar, RIGHTARG = text, FUNCTION = orca_evil.always);
CREATE TABLE orca_evil.tbl_uketuke (LIKE orca.tbl_uketuke);
SET search_path = orca_evil, public;
SELECT count(*) AS review,
       md5(string_agg(r::text, ',' ORDER BY r::text)) = (
         SELECT md5(string_agg(x::text, ',' ORDER BY x::text))
         FROM public.orca_eligibility_review('orca') x) AS same_as_before
FROM public.orca_eligibility_review('orca') r;
RESET search_path;
DROP SCHEMA orca_evil CASCADE;
-- errors: no ORCA tables in that schema; a language the guidance lacks
\set VERBOSITY terse
SELECT * FROM orca_eligibility_review('public');
SELECT * FROM orca_billing_audit('orca', 'fr');
BEGIN;
DELETE FROM outage_schedule;
SELECT * FROM orca_eligibility_review('orca', 'fr');
ROLLBACK;
\set VERBOSITY default
-- ORCA before 5.2 has no scr_dltflg or orca_shokai_kbn: the reports still
-- run, and then count the deleted check and the reservation look-up
BEGIN;
ALTER TABLE orca.tbl_onshi_kaku DROP COLUMN scr_dltflg, DROP COLUMN orca_shokai_kbn;
SELECT hospnum, ptid, ukeid, check_status FROM orca_affected_visits('orca')
WHERE ptid IN (1009, 1012);
ROLLBACK;
-- a window added later shows up in the next report
BEGIN;
INSERT INTO outage_schedule (area, period, note)
VALUES ('east', '[2025-02-03 09:00, 2025-02-03 11:00) outage', 'incident');
SELECT hospnum, ptid, visit_date, ukeid, impact, check_status
FROM orca_eligibility_review('orca') WHERE visit_date = '2025-02-03';
ROLLBACK;
-- an open-ended window (up to infinity) leaves the reception range open
BEGIN;
INSERT INTO outage_schedule (area, period, note)
VALUES ('east', '[2025-02-03 09:00, infinity) intermittent', 'incident, no end announced');
SELECT hospnum, ptid, visit_date, ukeid, impact, check_status
FROM orca_eligibility_review('orca') WHERE visit_date = '2025-02-03';
ROLLBACK;
-- the same fixture and reports in an EUC_JP database with C collation
CREATE DATABASE orca_euc_jp ENCODING 'EUC_JP' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0;
\c orca_euc_jp
SET client_encoding = 'UTF8';
SET DateStyle = 'Postgres, MDY';  -- the style the expected output prints
SET client_min_messages = warning;
CREATE EXTENSION outage_window;
RESET client_min_messages;
\set ECHO none
\i test/fixtures/orca_fixture.sql
\set ECHO all
SELECT pg_catalog.getdatabaseencoding(), datcollate FROM pg_database
WHERE datname = current_database();
-- the facility record is multibyte after its first fields: bytes differ
SELECT hospnum, substr(kanritbl, 1, 2) AS prefnum, octet_length(kanritbl) AS server_bytes,
       octet_length(convert_to(kanritbl, 'UTF8')) AS utf8_bytes
FROM orca.tbl_syskanri WHERE kanricd = '1001' AND kbncd = '*' ORDER BY 1, styukymd;
\i test/fixtures/orca_checks.sql
\c contrib_regression
SET DateStyle = 'Postgres, MDY';  -- the style the expected output prints
DROP DATABASE orca_euc_jp;
-- dropping ORCA's tables leaves the extension whole
DROP SCHEMA orca CASCADE;
SELECT count(*) AS orca_functions FROM pg_proc
WHERE proname IN ('orca_date', 'orca_time', 'orca_timestamp', 'eligibility_impact_on_day',
                  'orca_affected_visits', 'orca_eligibility_review', 'orca_billing_audit');
