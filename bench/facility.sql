-- bench/facility.sql - is_eligibility_affected() for a facility by its
-- 10-digit code (facility_area first, then the code's prefecture) against
-- the prefecture form, on the same visits; and its calendar form, the
-- facility map taken from the calendar (Citus, stored audits).  Run by bench/facility.sh;
-- psql variables: rows (default 5000000), runs (default 7).
\set ON_ERROR_STOP on
\if :{?rows}
\else
\set rows 5000000
\endif
\if :{?runs}
\else
\set runs 7
\endif
SET client_min_messages = warning;
SET max_parallel_workers_per_gather = 0;
SET jit = off;

CREATE EXTENSION IF NOT EXISTS outage_window;
DROP SCHEMA IF EXISTS bench CASCADE;
CREATE SCHEMA bench;
SET search_path = bench, public;
SELECT setseed(0.25);

-- 2000 facilities (medical 点数表 1) spread over the 47 prefectures; the
-- visits of two days around the notice's windows, in time order.
CREATE TABLE facility AS
SELECT f AS facility_id,
	   (1 + f % 47)::prefecture AS prefecture,
	   medical_institution_code((1 + f % 47)::prefecture, 'medical',
								lpad((100000 + f * 37)::text, 7, '0')) AS code
FROM generate_series(1, 2000) AS f;
CREATE TABLE visits AS
SELECT v AS visit_id, f.prefecture, f.code,
	   timestamptz '2025-02-01 12:00+09' + (v % 24686) * interval '7 seconds' AS visit_at
FROM generate_series(1, :rows) AS v
JOIN facility f ON f.facility_id = 1 + v % 2000;
VACUUM ANALYZE visits;

CREATE TABLE timing (method text, run int, ms numeric);
CREATE FUNCTION pg_temp.timed(method text, query text, run int) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
	t0 timestamptz;
	n bigint;
BEGIN
	t0 := clock_timestamp();
	EXECUTE query INTO n;
	INSERT INTO bench.timing VALUES (method, run,
		extract(epoch FROM clock_timestamp() - t0) * 1000);
	RETURN n;
END $$;

CREATE TABLE counts (method text, n bigint);
-- facility_area empty, then 200 facilities on areas of their own
\set floor 'SELECT count(*) FILTER (WHERE visit_at >= ''2025-02-02 03:00+09'' AND prefecture::int2 > 0) FROM bench.visits'
\set pref 'SELECT count(*) FILTER (WHERE is_eligibility_affected(prefecture, visit_at)) FROM bench.visits'
\set code 'SELECT count(*) FILTER (WHERE is_eligibility_affected(code, visit_at)) FROM bench.visits'
\set codecal 'SELECT count(*) FILTER (WHERE is_eligibility_affected(code, visit_at, (SELECT current_outage_calendar()))) FROM bench.visits'
SELECT pg_temp.timed('warm-up', :'pref', 0) IS NOT NULL AS warm;
SELECT pg_temp.timed('warm-up', :'code', 0) IS NOT NULL AS warm;
-- the methods take turns within each run, so that a busy moment of a
-- shared machine falls on all of them alike
INSERT INTO counts
SELECT m.method, pg_temp.timed(m.method, m.query, r)
FROM generate_series(1, :runs) AS r,
	 (VALUES (1, 'L0 floor', :'floor'), (2, 'prefecture', :'pref'),
			 (3, 'code, facility_area empty', :'code')) AS m(ord, method, query)
ORDER BY r, m.ord;

INSERT INTO outage_area VALUES ('own_line', 'facilities on a line of their own');
INSERT INTO outage_schedule (area, period, note) VALUES
	('own_line', outage_window('2025-02-02 09:00+09', '2025-02-02 10:00+09', 'outage'), 'bench');
INSERT INTO facility_area
SELECT code, CASE WHEN facility_id % 2 = 0 THEN 'own_line' ELSE 'east' END, 'bench'
FROM facility WHERE facility_id % 10 = 0;
-- the calendar as Citus workers get it: a constant
SELECT current_outage_calendar() AS calendar \gset
\set codeconst 'SELECT count(*) FILTER (WHERE is_eligibility_affected(code, visit_at, ' :'calendar' '::public.outage_calendar)) FROM bench.visits'
INSERT INTO counts
SELECT m.method, pg_temp.timed(m.method, m.query, r)
FROM generate_series(1, :runs) AS r,
	 (VALUES (1, 'L0 floor (2)', :'floor'), (2, 'prefecture (2)', :'pref'),
			 (3, 'code, 200 facilities in facility_area', :'code'),
			 (4, 'code and calendar, 200 facilities (2)', :'codecal'),
			 (5, 'code and constant calendar, 200 facilities (2)', :'codeconst')) AS m(ord, method, query)
ORDER BY r, m.ord;

-- plain SQL: the same answer with the override as a join
\set plain 'SELECT count(*) FILTER (WHERE EXISTS (SELECT FROM public.outage_schedule s WHERE s.period @> v.visit_at AND public.affects_eligibility(public.kind(s.period)::public.eligibility_impact) AND (s.area IS NULL OR s.area = coalesce(fa.area, pa.area)))) FROM bench.visits v LEFT JOIN public.facility_area fa ON fa.facility = v.code JOIN public.prefecture_area pa ON pa.prefecture = v.prefecture'
INSERT INTO counts
SELECT 'plain SQL join', pg_temp.timed('plain SQL join', :'plain', r) FROM generate_series(1, 3) r;

\echo
\echo Medians (ms) and ratio to the L0 floor:
SELECT method, count(*) AS runs,
	   round(percentile_cont(0.5) WITHIN GROUP (ORDER BY ms)::numeric, 1) AS median_ms,
	   round((percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) /
			  (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) FROM timing
		   WHERE method = CASE WHEN t.method LIKE '%(2)' OR t.method LIKE '%200%' OR t.method LIKE 'plain%'
							   THEN 'L0 floor (2)' ELSE 'L0 floor' END))::numeric, 2) AS ratio
FROM timing AS t WHERE run > 0
GROUP BY method ORDER BY median_ms;
\echo
\echo Counts (the code form with an empty facility_area must equal the prefecture form;
\echo the plain SQL join and the calendar form must equal the code form with facility_area):
SELECT method, min(n) = max(n) AS steady, min(n) AS visits FROM counts GROUP BY method ORDER BY method;
SELECT CASE WHEN (SELECT min(n) FROM counts WHERE method = 'prefecture') =
				 (SELECT min(n) FROM counts WHERE method = 'code, facility_area empty')
			 AND (SELECT min(n) FROM counts WHERE method = 'plain SQL join') =
				 (SELECT min(n) FROM counts WHERE method = 'code, 200 facilities in facility_area')
			 AND (SELECT min(n) FROM counts WHERE method = 'code and calendar, 200 facilities (2)') =
				 (SELECT min(n) FROM counts WHERE method = 'code, 200 facilities in facility_area')
			 AND (SELECT min(n) FROM counts WHERE method = 'code and constant calendar, 200 facilities (2)') =
				 (SELECT min(n) FROM counts WHERE method = 'code, 200 facilities in facility_area')
			THEN 'counts agree' ELSE 'COUNTS DIFFER' END AS verdict;
