--
-- ORCA clinics: reading ORCA's char date/time columns, and the review and
-- billing-audit reports on a hand-written ORCA-shaped fixture: in a UTF8
-- database with ORCA's tables in a schema whose name must be quoted, next
-- to a decoy copy in the schema its unquoted name folds to, and in an
-- EUC_JP database with C collation with ORCA's tables in public.
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
-- the fixture: ORCA-shaped tables in schema "ORCA 本番", and the expected
-- answers; a decoy copy in schema orca (what ORCA folds to unquoted) that
-- answers otherwise: no checks, other names
\set ECHO none
\set orca_schema orca
\i test/fixtures/orca_fixture.sql
DELETE FROM orca.tbl_onshi_kaku;
UPDATE orca.tbl_ptinf SET name = 'decoy';
\set orca_schema 'ORCA 本番'
\i test/fixtures/orca_fixture.sql
\set ECHO all
SELECT pg_catalog.getdatabaseencoding(), datcollate FROM pg_database
WHERE datname = current_database();
SELECT (SELECT count(*) FROM orca_eligibility_review('ORCA 本番')) AS review,
       (SELECT count(*) FROM orca_eligibility_review('orca')) AS decoy_review;
-- a window's own guidance replaces its kind's on the visits it decides,
-- in the review and the billing audit alike; the others keep their kind's
BEGIN;
UPDATE outage_schedule SET guidance = 'East intermittent: retry, then use the 資格確認書' WHERE id = 2;
SELECT left(guidance, 48) AS guidance, count(*) FROM orca_eligibility_review('ORCA 本番', 'en')
GROUP BY 1 ORDER BY 1;
SELECT left(guidance, 48) AS guidance, count(*) FROM orca_billing_audit('ORCA 本番', 'en')
GROUP BY 1 ORDER BY 1;
ROLLBACK;
\i test/fixtures/orca_checks.sql
-- the reports do not depend on the session TimeZone: the same rows under
-- UTC, Japan time, and zones from UTC-11 to UTC+14
CREATE TEMP TABLE tz_run (tz text, affected text, audit text);
SET TimeZone = 'UTC';
INSERT INTO tz_run SELECT current_setting('TimeZone'),
  (SELECT string_agg(a::text, E'\n') FROM orca_affected_visits('ORCA 本番') WITH ORDINALITY a),
  (SELECT string_agg(b::text, E'\n') FROM orca_billing_audit('ORCA 本番', 'en') WITH ORDINALITY b);
SET TimeZone = 'Asia/Tokyo';
INSERT INTO tz_run SELECT current_setting('TimeZone'),
  (SELECT string_agg(a::text, E'\n') FROM orca_affected_visits('ORCA 本番') WITH ORDINALITY a),
  (SELECT string_agg(b::text, E'\n') FROM orca_billing_audit('ORCA 本番', 'en') WITH ORDINALITY b);
SET TimeZone = 'America/New_York';
INSERT INTO tz_run SELECT current_setting('TimeZone'),
  (SELECT string_agg(a::text, E'\n') FROM orca_affected_visits('ORCA 本番') WITH ORDINALITY a),
  (SELECT string_agg(b::text, E'\n') FROM orca_billing_audit('ORCA 本番', 'en') WITH ORDINALITY b);
SET TimeZone = 'Pacific/Pago_Pago';
INSERT INTO tz_run SELECT current_setting('TimeZone'),
  (SELECT string_agg(a::text, E'\n') FROM orca_affected_visits('ORCA 本番') WITH ORDINALITY a),
  (SELECT string_agg(b::text, E'\n') FROM orca_billing_audit('ORCA 本番', 'en') WITH ORDINALITY b);
SET TimeZone = 'Pacific/Kiritimati';
INSERT INTO tz_run SELECT current_setting('TimeZone'),
  (SELECT string_agg(a::text, E'\n') FROM orca_affected_visits('ORCA 本番') WITH ORDINALITY a),
  (SELECT string_agg(b::text, E'\n') FROM orca_billing_audit('ORCA 本番', 'en') WITH ORDINALITY b);
RESET TimeZone;
SELECT tz, affected = (SELECT affected FROM tz_run WHERE tz = 'UTC') AS same_affected,
       audit = (SELECT audit FROM tz_run WHERE tz = 'UTC') AS same_audit,
       length(affected) > 0 AND length(audit) > 0 AS not_empty
FROM tz_run;
-- the caller's search_path changes nothing: shadow what the reports use
CREATE SCHEMA orca_evil;
CREATE FUNCTION orca_evil.btrim(text) RETURNS text LANGUAGE sql AS $$ SELECT 'x' $$;
CREATE FUNCTION orca_evil.btrim(text, text) RETURNS text LANGUAGE sql AS $$ SELECT 'x' $$;
CREATE FUNCTION orca_evil.orca_date(text) RETURNS date LANGUAGE sql AS $$ SELECT date '2025-02-01' $$;
CREATE FUNCTION orca_evil.always(bpchar, text) RETURNS boolean LANGUAGE sql AS $$ SELECT true $$;
CREATE OPERATOR orca_evil.= (LEFTARG = bpchar, RIGHTARG = text, FUNCTION = orca_evil.always);
CREATE TABLE orca_evil.tbl_uketuke (LIKE "ORCA 本番".tbl_uketuke);
SET search_path = orca_evil, public;
SELECT count(*) AS review,
       md5(string_agg(r::text, ',' ORDER BY r::text)) = (
         SELECT md5(string_agg(x::text, ',' ORDER BY x::text))
         FROM public.orca_eligibility_review('ORCA 本番') x) AS same_as_before
FROM public.orca_eligibility_review('ORCA 本番') r;
RESET search_path;
DROP SCHEMA orca_evil CASCADE;
-- errors: no ORCA tables in that schema; a language the guidance lacks
\set VERBOSITY terse
SELECT * FROM orca_eligibility_review('public');
SELECT * FROM orca_eligibility_review('ORCA');
SELECT * FROM orca_billing_audit('ORCA 本番', 'fr');
BEGIN;
DELETE FROM outage_schedule;
SELECT * FROM orca_eligibility_review('ORCA 本番', 'fr');
ROLLBACK;
\set VERBOSITY default
-- ORCA before 5.2 has no scr_dltflg, orca_shokai_kbn or onshinryo_kbn: the
-- reports still run, and then count the deleted check and the reservation
-- look-up, and no check with a blank 照会区分
BEGIN;
ALTER TABLE "ORCA 本番".tbl_onshi_kaku
  DROP COLUMN scr_dltflg, DROP COLUMN orca_shokai_kbn, DROP COLUMN onshinryo_kbn;
SELECT hospnum, ptid, ukeid, check_status FROM orca_affected_visits('ORCA 本番')
WHERE ptid IN (1009, 1012, 1027);
ROLLBACK;
-- without ORCA's patient tables the reports run, and the identity is NULL
BEGIN;
DROP TABLE "ORCA 本番".tbl_ptinf, "ORCA 本番".tbl_ptnum;
SELECT count(*) AS review, count(patient_number) AS numbers, count(patient_name) AS names,
       count(birth_date) AS birth_dates
FROM orca_eligibility_review('ORCA 本番');
ROLLBACK;
-- ORCA's patient table without the address columns (not every ORCA-shaped
-- copy has them): the reports run, and the address is NULL; with 住所 only,
-- the address is 住所
BEGIN;
ALTER TABLE "ORCA 本番".tbl_ptinf DROP COLUMN home_banti;
SELECT hospnum, ptid, patient_address FROM orca_eligibility_review('ORCA 本番')
WHERE ptid IN (24, 2005) ORDER BY 1, 2;
ALTER TABLE "ORCA 本番".tbl_ptinf DROP COLUMN home_adrs;
SELECT count(*) AS review, count(patient_name) AS names, count(patient_address) AS addresses
FROM orca_eligibility_review('ORCA 本番');
ROLLBACK;
-- a bill charged 100% on an insured combination is 10割 too
BEGIN;
UPDATE "ORCA 本番".tbl_syunou_main SET ptftnrate = 100 WHERE hospnum = 1 AND denpnum = 101;
SELECT hospnum, ptid, ukeid, denpnum, insurer_number, copay_percent, unknown_insurer, charged_full
FROM orca_billing_audit('ORCA 本番') WHERE denpnum = 101;
ROLLBACK;
-- a window added later shows up in the next report
BEGIN;
INSERT INTO outage_schedule (area, period, note)
VALUES ('east', '[2025-02-03 09:00, 2025-02-03 11:00) outage', 'incident');
SELECT hospnum, ptid, visit_date, ukeid, impact, check_status
FROM orca_eligibility_review('ORCA 本番') WHERE visit_date = '2025-02-03';
ROLLBACK;
-- an open-ended window (up to infinity) leaves the reception range open
BEGIN;
INSERT INTO outage_schedule (area, period, note)
VALUES ('east', '[2025-02-03 09:00, infinity) intermittent', 'incident, no end announced');
SELECT hospnum, ptid, visit_date, ukeid, impact, check_status
FROM orca_eligibility_review('ORCA 本番') WHERE visit_date = '2025-02-03';
ROLLBACK;
-- Calendar forms: each report against a calendar (a stored audit's, or a
-- what-if), reading no table of this extension.  1.0's calls still find
-- the forms without one: the overload each call picks
CREATE TEMP TABLE orca_call (call text, picked regprocedure);
DO $$
DECLARE
  c text;
BEGIN
  FOREACH c IN ARRAY ARRAY[
    'orca_window_visits()', 'orca_window_visits(''public'')',
    'orca_window_visits(''public'', current_outage_calendar())',
    'orca_affected_visits()', 'orca_affected_visits(''public'')',
    'orca_affected_visits(''public'', NULL::outage_calendar)',
    'orca_eligibility_review()', 'orca_eligibility_review(''public'')',
    'orca_eligibility_review(''public'', ''en'')', 'orca_eligibility_review(lang => ''en'')',
    'orca_eligibility_review(''public'', NULL)',
    'orca_eligibility_review(''public'', current_outage_calendar())',
    'orca_eligibility_review(''public'', current_outage_calendar(), ''en'')',
    'orca_billing_audit()', 'orca_billing_audit(''public'', ''en'')',
    'orca_billing_audit(''public'', current_outage_calendar())',
    'orca_billing_audit(''public'', current_outage_calendar(), ''en'')'] LOOP
    EXECUTE 'CREATE TEMP VIEW orca_call_view AS SELECT * FROM ' || c;
    INSERT INTO orca_call
    SELECT c, p.oid
    FROM pg_depend d JOIN pg_rewrite r ON r.oid = d.objid JOIN pg_proc p ON p.oid = d.refobjid
    WHERE d.classid = 'pg_rewrite'::regclass AND r.ev_class = 'orca_call_view'::regclass
      AND d.refclassid = 'pg_proc'::regclass AND p.proname LIKE 'orca\_%';
    DROP VIEW orca_call_view;
  END LOOP;
END
$$;
SELECT call, picked FROM orca_call;
-- Given current_outage_calendar(), each calendar form answers as the form
-- without one, row for row and in the same order, after the user's edits:
-- a window added with its own guidance, another window's guidance, a
-- facility put in an area (the calendar carries all three)
BEGIN;
INSERT INTO outage_schedule (area, period, note, guidance)
VALUES ('east', '[2025-02-03 09:00, 2025-02-03 11:00) outage', 'incident',
        'East incident: use the 資格確認書 or the 被保険者証');
UPDATE outage_schedule SET guidance = 'East intermittent: retry, then use the 資格確認書' WHERE id = 2;
INSERT INTO facility_area VALUES ('1312345678', 'west', 'a Tokyo clinic on the west''s lines');
CREATE TEMP TABLE cal ON COMMIT DROP AS SELECT current_outage_calendar() AS c;
SELECT (SELECT array_agg(t ORDER BY t.ordinality) FROM orca_window_visits('ORCA 本番') WITH ORDINALITY t)
     = (SELECT array_agg(t ORDER BY t.ordinality) FROM orca_window_visits('ORCA 本番', (SELECT c FROM cal)) WITH ORDINALITY t)
       AS window_visits,
       (SELECT array_agg(t ORDER BY t.ordinality) FROM orca_affected_visits('ORCA 本番') WITH ORDINALITY t)
     = (SELECT array_agg(t ORDER BY t.ordinality) FROM orca_affected_visits('ORCA 本番', (SELECT c FROM cal)) WITH ORDINALITY t)
       AS affected_visits,
       (SELECT array_agg(t ORDER BY t.ordinality) FROM orca_eligibility_review('ORCA 本番', 'en') WITH ORDINALITY t)
     = (SELECT array_agg(t ORDER BY t.ordinality) FROM orca_eligibility_review('ORCA 本番', (SELECT c FROM cal), 'en') WITH ORDINALITY t)
       AS review_en,
       (SELECT array_agg(t ORDER BY t.ordinality) FROM orca_eligibility_review('ORCA 本番') WITH ORDINALITY t)
     = (SELECT array_agg(t ORDER BY t.ordinality) FROM orca_eligibility_review('ORCA 本番', (SELECT c FROM cal)) WITH ORDINALITY t)
       AS review_ja,
       (SELECT array_agg(t ORDER BY t.ordinality) FROM orca_billing_audit('ORCA 本番', 'en') WITH ORDINALITY t)
     = (SELECT array_agg(t ORDER BY t.ordinality) FROM orca_billing_audit('ORCA 本番', (SELECT c FROM cal), 'en') WITH ORDINALITY t)
       AS audit_en,
       (SELECT array_agg(t ORDER BY t.ordinality) FROM orca_billing_audit('ORCA 本番') WITH ORDINALITY t)
     = (SELECT array_agg(t ORDER BY t.ordinality) FROM orca_billing_audit('ORCA 本番', (SELECT c FROM cal)) WITH ORDINALITY t)
       AS audit_ja;
-- the edits are in the answers: the added window's visits, and the own
-- guidance of each window on the visits it decides
SELECT visit_date, impact, left(guidance, 30) AS guidance, count(*)
FROM orca_eligibility_review('ORCA 本番', (SELECT c FROM cal), 'en')
GROUP BY 1, 2, 3 ORDER BY 1, 2, 3;
SELECT left(guidance, 30) AS guidance, count(*)
FROM orca_billing_audit('ORCA 本番', (SELECT c FROM cal), 'en') GROUP BY 1 ORDER BY 1;
-- with an open-ended window (no end announced) too
INSERT INTO outage_schedule (area, period, note)
VALUES ('west', '[2025-02-03 10:00, infinity) intermittent', 'no end announced');
SELECT eligibility_reviewed_bound_local(false) AS first_from_tables,
       eligibility_reviewed_bound_local(current_outage_calendar(), false) AS first,
       eligibility_reviewed_bound_local(true) AS last_from_tables,
       eligibility_reviewed_bound_local(current_outage_calendar(), true) AS last;
SELECT (SELECT array_agg(t ORDER BY t.ordinality) FROM orca_eligibility_review('ORCA 本番', 'en') WITH ORDINALITY t)
     = (SELECT array_agg(t ORDER BY t.ordinality) FROM orca_eligibility_review('ORCA 本番', current_outage_calendar(), 'en') WITH ORDINALITY t)
       AS review_en,
       (SELECT array_agg(t ORDER BY t.ordinality) FROM orca_billing_audit('ORCA 本番', 'en') WITH ORDINALITY t)
     = (SELECT array_agg(t ORDER BY t.ordinality) FROM orca_billing_audit('ORCA 本番', current_outage_calendar(), 'en') WITH ORDINALITY t)
       AS audit_en,
       (SELECT count(*) FROM orca_window_visits('ORCA 本番', current_outage_calendar())
        WHERE visit_date = '2025-02-03') AS visits_on_2025_02_03;
ROLLBACK;
-- A what-if: the schedule without the east's outage (id 1).  Its visits
-- leave the reports, or fall to the intermittent window of their day when
-- their time is not recorded; nothing else changes.
CREATE TEMP TABLE what_if AS
SELECT outage_calendar(area, period) AS c FROM outage_schedule WHERE id <> 1;
SELECT eligibility_reviewed_bound_local(c, false) AS first, eligibility_reviewed_bound_local(c, true) AS last
FROM what_if;
SELECT hospnum, ptid, visit_date, ukeid, coalesce(n.visit_at, w.visit_at) AS visit_at,
       n.impact AS now, w.impact AS what_if,
       n.affected AS affected_now, w.affected AS affected_what_if
FROM orca_window_visits('ORCA 本番') n
FULL JOIN orca_window_visits('ORCA 本番', (SELECT c FROM what_if)) w
  USING (hospnum, ptid, visit_date, ukeid)
WHERE (n.*) IS DISTINCT FROM (w.*)
ORDER BY 1, 3, 5 NULLS LAST, 4;
SELECT hospnum, ptid, visit_date, ukeid, n.impact AS now, w.impact AS what_if
FROM orca_affected_visits('ORCA 本番') n
FULL JOIN orca_affected_visits('ORCA 本番', (SELECT c FROM what_if)) w
  USING (hospnum, ptid, visit_date, ukeid)
WHERE (n.*) IS DISTINCT FROM (w.*)
ORDER BY 1, 3, 4;
SELECT hospnum, ptid, visit_date, ukeid, n.impact AS now, w.impact AS what_if,
       n.review_reason AS reason_now, w.review_reason AS reason_what_if
FROM orca_eligibility_review('ORCA 本番', 'en') n
FULL JOIN orca_eligibility_review('ORCA 本番', (SELECT c FROM what_if), 'en') w
  USING (hospnum, ptid, visit_date, ukeid)
WHERE (n.*) IS DISTINCT FROM (w.*)
ORDER BY 1, 3, 4;
-- Its bills were not claimed 不詳 nor charged 10割: the billing audit
-- keeps its rows.  Without the east's intermittent window (id 2) instead,
-- the bills of that window's visits leave it.
SELECT (SELECT array_agg(t ORDER BY t.ordinality) FROM orca_billing_audit('ORCA 本番', 'en') WITH ORDINALITY t)
     = (SELECT array_agg(t ORDER BY t.ordinality) FROM orca_billing_audit('ORCA 本番', c, 'en') WITH ORDINALITY t)
       AS audit_unchanged
FROM what_if;
SELECT hospnum, ptid, visit_date, denpnum, n.impact AS now, w.impact AS what_if
FROM orca_billing_audit('ORCA 本番', 'en') n
FULL JOIN orca_billing_audit('ORCA 本番',
  (SELECT outage_calendar(area, period) FROM outage_schedule WHERE id <> 2), 'en') w
  USING (hospnum, ptid, visit_date, denpnum)
WHERE (n.*) IS DISTINCT FROM (w.*)
ORDER BY 1, 3, 4;
-- a NULL calendar: no rows (the forms are strict), ORCA's tables unread
SELECT (SELECT count(*) FROM orca_window_visits('no such schema', NULL)) AS window_visits,
       (SELECT count(*) FROM orca_affected_visits('no such schema', NULL)) AS affected,
       (SELECT count(*) FROM orca_eligibility_review('no such schema', NULL::outage_calendar, 'en')) AS review,
       (SELECT count(*) FROM orca_billing_audit('no such schema', NULL::outage_calendar)) AS audit;
-- The calendar forms read no table of this extension: the stored calendar
-- gives the same rows once the schedule is emptied, and to a role that may
-- not read the schedule at all (the forms without one fail for it)
CREATE TEMP TABLE stored AS SELECT current_outage_calendar() AS c;
-- (each report's rows as JSON, whose dates and times are ISO whatever
-- DateStyle says)
CREATE TEMP TABLE before AS
SELECT (SELECT json_agg(t ORDER BY t.ordinality) FROM orca_window_visits('ORCA 本番', c) WITH ORDINALITY t)::text AS window_visits,
       (SELECT json_agg(t ORDER BY t.ordinality) FROM orca_affected_visits('ORCA 本番', c) WITH ORDINALITY t)::text AS affected,
       (SELECT json_agg(t ORDER BY t.ordinality) FROM orca_eligibility_review('ORCA 本番', c, 'en') WITH ORDINALITY t)::text AS review,
       (SELECT json_agg(t ORDER BY t.ordinality) FROM orca_billing_audit('ORCA 本番', c, 'en') WITH ORDINALITY t)::text AS audit
FROM stored;
\set same_as_before 'SELECT (SELECT json_agg(t ORDER BY t.ordinality) FROM orca_window_visits(''ORCA 本番'', c) WITH ORDINALITY t)::text = b.window_visits AS window_visits, (SELECT json_agg(t ORDER BY t.ordinality) FROM orca_affected_visits(''ORCA 本番'', c) WITH ORDINALITY t)::text = b.affected AS affected, (SELECT json_agg(t ORDER BY t.ordinality) FROM orca_eligibility_review(''ORCA 本番'', c, ''en'') WITH ORDINALITY t)::text = b.review AS review, (SELECT json_agg(t ORDER BY t.ordinality) FROM orca_billing_audit(''ORCA 本番'', c, ''en'') WITH ORDINALITY t)::text = b.audit AS audit, length(b.audit) > 2 AS not_empty FROM stored, before b'
BEGIN;
DELETE FROM outage_schedule;
SELECT count(*) AS from_the_tables FROM orca_window_visits('ORCA 本番');
:same_as_before;
ROLLBACK;
CREATE ROLE regress_orca_auditor;
GRANT USAGE ON SCHEMA "ORCA 本番" TO regress_orca_auditor;
GRANT SELECT ON ALL TABLES IN SCHEMA "ORCA 本番" TO regress_orca_auditor;
GRANT SELECT ON stored, before TO regress_orca_auditor;
BEGIN;
REVOKE SELECT ON outage_schedule, prefecture_area, facility_area FROM PUBLIC;
SET ROLE regress_orca_auditor;
:same_as_before;
\set VERBOSITY terse
SELECT count(*) FROM orca_window_visits('ORCA 本番');
\set VERBOSITY default
ROLLBACK;
-- and the same rows whatever TimeZone and DateStyle say
SET TimeZone = 'America/New_York';
SET DateStyle = 'SQL, DMY';
:same_as_before;
SET TimeZone = 'Pacific/Kiritimati';
SET DateStyle = 'German';
:same_as_before;
SET TimeZone = 'UTC';
SET DateStyle = 'ISO, YMD';
:same_as_before;
RESET TimeZone;
SET DateStyle = 'Postgres, MDY';  -- the style the expected output prints
DROP TABLE stored, before, what_if;
DROP OWNED BY regress_orca_auditor;
DROP ROLE regress_orca_auditor;
-- the same fixture and reports in an EUC_JP database with C collation
CREATE DATABASE orca_euc_jp ENCODING 'EUC_JP' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0;
\c orca_euc_jp
SET client_encoding = 'UTF8';
SET DateStyle = 'Postgres, MDY';  -- the style the expected output prints
SET client_min_messages = warning;
CREATE EXTENSION outage_window;
-- ORCA's own way: its tables in public, next to this extension
\set ECHO none
\set orca_schema public
\i test/fixtures/orca_fixture.sql
\set ECHO all
RESET client_min_messages;
SELECT pg_catalog.getdatabaseencoding(), datcollate FROM pg_database
WHERE datname = current_database();
-- the facility record is multibyte after its first fields: bytes differ
SELECT hospnum, substr(kanritbl, 1, 2) AS prefnum, octet_length(kanritbl) AS server_bytes,
       octet_length(convert_to(kanritbl, 'UTF8')) AS utf8_bytes
FROM public.tbl_syskanri WHERE kanricd = '1001' AND kbncd = '*' ORDER BY 1, styukymd;
\i test/fixtures/orca_checks.sql
\c contrib_regression
SET DateStyle = 'Postgres, MDY';  -- the style the expected output prints
DROP DATABASE orca_euc_jp;
-- dropping ORCA's tables leaves the extension whole
SET client_min_messages = warning;
DROP SCHEMA orca, "ORCA 本番" CASCADE;
RESET client_min_messages;
SELECT count(*) AS orca_functions FROM pg_proc
WHERE proname IN ('orca_date', 'orca_time', 'orca_timestamp', 'orca_table',
                  'orca_window_visits', 'orca_affected_visits', 'orca_eligibility_review',
                  'orca_billing_audit');
