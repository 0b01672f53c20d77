-- test/orca.sql - pgTAP: the ORCA helpers and reports on the hand-written
-- ORCA fixture (test/fixtures/orca_fixture.sql).  Each reception of the
-- fixture is checked against the answer written out for it.  Run by
-- pg_prove in a UTF8 database (scripts/test.sh) and in an EUC_JP database
-- with C collation (test/scenarios/orca_encodings.sh).
BEGIN;
CREATE EXTENSION outage_window;
SELECT plan(191);

-- The catalog surface: created with the extension, with no ORCA table around.
SELECT has_function('orca_date', ARRAY['text']);
SELECT has_function('orca_time', ARRAY['text']);
SELECT has_function('orca_timestamp', ARRAY['text', 'text']);
SELECT has_function('orca_timestamp', ARRAY['text']);
SELECT has_function('eligibility_impact_on_day', ARRAY['prefecture', 'date']);
SELECT volatility_is('orca_timestamp', ARRAY['text', 'text'], 'immutable');
SELECT volatility_is('orca_date', ARRAY['text'], 'immutable');
SELECT volatility_is('orca_affected_visits', ARRAY['name'], 'stable');
SELECT volatility_is('orca_window_visits', ARRAY['name'], 'stable');
SELECT volatility_is('orca_window_visits', ARRAY['name', 'outage_calendar'], 'stable');
SELECT volatility_is('eligibility_reviewed_bound_local', ARRAY['outage_calendar', 'boolean'], 'immutable');
SELECT is(
	(SELECT count(*)::int FROM pg_proc p
	 JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
	 WHERE p.proname IN ('orca_date', 'orca_time', 'orca_timestamp', 'orca_table',
	                     'orca_window_visits', 'orca_affected_visits', 'orca_eligibility_review',
	                     'orca_billing_audit')
	   AND obj_description(p.oid, 'pg_proc') IS NOT NULL),
	13, 'the thirteen ORCA functions (the four reports with and without a calendar) belong to the extension and have a comment');
SELECT is(
	(SELECT array_agg(p.proname::text ORDER BY p.proname) FROM pg_proc p
	 WHERE p.proname IN ('orca_window_visits', 'orca_billing_audit')
	   AND 'search_path=pg_catalog, pg_temp' = ANY (p.proconfig)),
	ARRAY['orca_billing_audit', 'orca_window_visits'],
	'the dynamic-SQL reports run with a fixed search_path');
SELECT throws_ok($$SELECT * FROM orca_eligibility_review('orca')$$, '42P01',
	'relation orca.tbl_uketuke does not exist',
	'before ORCA''s tables exist the report says which table is missing');

-- ORCA's char columns.
SELECT is(orca_timestamp('20250201', '220000'), '2025-02-01 22:00:00'::timestamp, 'HHMMSS');
SELECT is(orca_timestamp('20250201', '2200  '), '2025-02-01 22:00:00'::timestamp, 'HHMM padded with blanks: seconds missing');
SELECT is(orca_timestamp('20250201', ' 93000'), '2025-02-01 09:30:00'::timestamp, 'a leading blank is a zero');
SELECT is(orca_timestamp('20250201', '      '), NULL, 'blank time: unknown');
SELECT is(orca_timestamp('2025020 ', '220000'), NULL, 'seven-digit date: unreadable');
SELECT is(orca_timestamp('        ', '220000'), NULL, 'blank date: unknown');
SELECT is(orca_timestamp('20250230', '220000'), NULL, 'no such day');
SELECT is(orca_timestamp('20250201', '240000'), NULL, 'no such hour');
SELECT is(orca_timestamp('20250202003000'), '2025-02-02 00:30:00'::timestamp, 'shori_time YYYYMMDDHHMMSS');
SELECT is(orca_date(' 20250201 '::char(10)), '2025-02-01'::date, 'char input with padding');
SET LOCAL TimeZone = 'UTC';
SELECT ok(is_eligibility_affected('東京都', orca_timestamp('20250201', '220000')),
	'22:00:00 is in the east outage, read as Japan time under TimeZone UTC');
SELECT ok(NOT is_eligibility_affected('東京都', orca_timestamp('20250202', '003000')),
	'00:30:00 is out');
RESET TimeZone;
SELECT is(eligibility_impact_on_day('大阪府', '2025-02-01'), 'registration_delay'::eligibility_impact,
	'west on 02-01: only a registration delay touches the day');

\ir fixtures/orca_fixture.sql

-- Each reception, against the answer written out for it (52 + 52 + 52
-- tests), ORCA's counter rows (ukeid 0) among them: in a window the review
-- covers (a registration delay too), affected, reviewed.
SELECT is(
	(SELECT row(w.impact::text, w.check_status, w.visit_at, w.affected)::text
	 FROM orca_window_visits('orca') w
	 WHERE (w.hospnum, w.ptid, w.visit_date, w.ukeid) = (e.hospnum, e.ptid, e.visit_date, e.ukeid)),
	CASE WHEN e.impact IS NOT NULL THEN row(e.impact, e.check_status, e.visit_at, e.listed)::text END,
	format('in a window: hospnum %s ukeymd "%s" ukeid %s (%s)', e.hospnum, e.ukeymd, e.ukeid, e.why))
FROM orca.fixture_expected_visit e
ORDER BY e.hospnum, e.ukeymd, e.ukeid;

SELECT is(
	(SELECT row(a.impact::text, a.check_status, a.visit_at)::text
	 FROM orca_affected_visits('orca') a
	 WHERE (a.hospnum, a.ptid, a.visit_date, a.ukeid) = (e.hospnum, e.ptid, e.visit_date, e.ukeid)),
	CASE WHEN e.listed THEN row(e.impact, e.check_status, e.visit_at)::text END,
	format('affected: hospnum %s ukeymd "%s" ukeid %s (%s)', e.hospnum, e.ukeymd, e.ukeid, e.why))
FROM orca.fixture_expected_visit e
ORDER BY e.hospnum, e.ukeymd, e.ukeid;

SELECT is(
	EXISTS (SELECT FROM orca_eligibility_review('orca', 'en') r
	        WHERE (r.hospnum, r.ptid, r.visit_date, r.ukeid) = (e.hospnum, e.ptid, e.visit_date, e.ukeid)),
	e.review,
	format('review: hospnum %s ukeymd "%s" ukeid %s (%s)', e.hospnum, e.ukeymd, e.ukeid, e.why))
FROM orca.fixture_expected_visit e
ORDER BY e.hospnum, e.ukeymd, e.ukeid;

-- The whole reports, in their order, and nothing else.
SELECT results_eq(
	$$SELECT hospnum, ptid, visit_date, ukeid, visit_at, impact::text, check_status
	  FROM orca_eligibility_review('orca')$$,
	$$SELECT hospnum, ptid, visit_date, ukeid, visit_at, impact, check_status
	  FROM orca.fixture_expected_visit WHERE review
	  ORDER BY hospnum, visit_date, visit_at NULLS LAST, ukeid, ptid$$,
	'the review lists exactly the expected visits, by facility, day and time');
SELECT is(
	(SELECT count(*)::int FROM orca_eligibility_review('orca', 'ja') r
	 WHERE r.guidance = review_guidance(r.impact, 'ja')),
	30, 'each reviewed visit carries the guidance for its impact');
SELECT is(
	(SELECT count(*)::int FROM orca_eligibility_review('orca') r
	 LEFT JOIN orca.fixture_expected_patient p ON (p.hospnum, p.ptid) = (r.hospnum, r.ptid)
	 WHERE (r.patient_number, r.patient_name, r.patient_kana, r.sex, r.birth_date)
	       IS DISTINCT FROM (p.patient_number, p.patient_name, p.patient_kana, p.sex, p.birth_date)),
	0, 'each reviewed visit names its own facility''s patient (number, name, kana, sex, birth date)');
SELECT set_eq(
	$$SELECT hospnum, ptid, visit_date, ukeid, denpnum, check_status, insurer_number,
	         copay_percent, unknown_insurer, charged_full
	  FROM orca_billing_audit('orca', 'en')$$,
	$$SELECT * FROM orca.fixture_expected_bill$$,
	'billing audit: unknown-insurer (77777777, 77777779) and 10割 (自費) bills of affected visits and of visits reviewed in a registration delay');
SELECT is(
	(SELECT count(*) - count(DISTINCT (hospnum, ptid, denpnum)) FROM orca_billing_audit('orca', 'en')),
	0::bigint, 'billing audit: one row per bill, also for a patient with two receptions that day');
SELECT throws_ok($$SELECT * FROM orca_billing_audit('orca', 'fr')$$, '22023', NULL,
	'billing audit: unsupported language');
SELECT throws_ok($$SELECT * FROM orca_eligibility_review('orca', 'fr')$$, '22023', NULL,
	'review: unsupported language');

-- The caller's search_path changes nothing.
CREATE SCHEMA orca_evil;
CREATE FUNCTION orca_evil.btrim(text) RETURNS text LANGUAGE sql AS $$ SELECT 'x' $$;
CREATE FUNCTION orca_evil.orca_date(text) RETURNS date LANGUAGE sql AS $$ SELECT date '2025-02-01' $$;
CREATE TABLE orca_evil.tbl_uketuke (LIKE orca.tbl_uketuke);
SET LOCAL search_path = orca_evil, public;
SELECT is((SELECT count(*)::int FROM public.orca_eligibility_review('orca')), 30,
	'a search_path shadowing btrim, orca_date and tbl_uketuke gives the same review');
RESET search_path;

SELECT * FROM finish();
ROLLBACK;
