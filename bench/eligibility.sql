-- bench/eligibility.sql - is_eligibility_affected() against the plain-SQL
-- ways of flagging visits, on a generated visits table.  Run by
-- bench/eligibility.sh (which starts a throwaway cluster); psql variables:
--   rows  number of visits (default 10000000)
--   runs  repetitions of every query (default 5)
--   extra_runs  further repetitions of every query but the plain-SQL EXISTS
--         join (default 4): the floor and the fast methods take well under a
--         second each, and more runs steady their medians on a shared machine
\set ON_ERROR_STOP on
\if :{?rows}
\else
\set rows 10000000
\endif
\if :{?runs}
\else
\set runs 5
\endif
\if :{?extra_runs}
\else
\set extra_runs 4
\endif
SET client_min_messages = warning;
SET max_parallel_workers_per_gather = 0;
SET jit = off;

CREATE EXTENSION IF NOT EXISTS outage_window;
DROP SCHEMA IF EXISTS bench CASCADE;
CREATE SCHEMA bench;
SET search_path = bench, public;
SELECT setseed(0.5);

-- Facility prefectures weighted by population (2020 census, 10k people).
CREATE TABLE pref_weight (prefecture prefecture, weight int);
INSERT INTO pref_weight
SELECT p::int::prefecture, w
FROM unnest('{522,124,121,230,96,107,183,287,193,194,734,628,1405,924,220,103,113,77,81,205,198,363,754,177,141,258,884,547,133,92,55,67,189,280,134,72,95,134,69,513,81,131,174,113,107,159,147}'::int[])
	 WITH ORDINALITY AS t(w, p);

-- Visits from 2025-01-20 to 2025-02-15, Japan time: 85 % in opening hours
-- (08:30-18:00), the rest at any hour; stored in time order, as an HIS
-- appends them.
CREATE TABLE visits_pref (visit_id bigint, prefecture prefecture, visit_at timestamptz);
WITH slots AS (
	SELECT array_agg(w.prefecture ORDER BY w.prefecture) AS s
	FROM pref_weight w, generate_series(1, w.weight)
), raw AS (
	SELECT (SELECT s FROM slots)[1 + floor(random() * (SELECT cardinality(s) FROM slots))::int] AS prefecture,
		   japan_time(timestamp '2025-01-20' + floor(random() * 27) * interval '1 day'
					  + CASE WHEN random() < 0.85
							 THEN interval '8 hours 30 minutes' + random() * interval '9 hours 30 minutes'
							 ELSE random() * interval '24 hours' END) AS visit_at
	FROM generate_series(1, :rows)
)
INSERT INTO visits_pref
SELECT row_number() OVER (ORDER BY visit_at), prefecture, visit_at FROM raw ORDER BY visit_at;

-- The same visits with the prefecture as text, as many HIS exports have it.
CREATE TABLE visits_text AS
SELECT visit_id, prefecture::text AS prefecture, visit_at FROM visits_pref ORDER BY visit_id;

-- What a DBA would keep without the extension: the same windows in plain
-- tables (a tstzrange per window, a prefecture -> area table).
CREATE TABLE plain_schedule AS
SELECT area, tstzrange(lower(period), upper(period)) AS period, kind(period) AS kind
FROM outage_schedule;
CREATE TABLE plain_area AS
SELECT prefecture, prefecture::text AS prefecture_name, area FROM prefecture_area;
CREATE INDEX ON plain_area (prefecture);
CREATE INDEX ON plain_area (prefecture_name);
VACUUM (ANALYZE, FREEZE) visits_pref, visits_text, plain_schedule, plain_area;

-- The queries, by variant.  {V} is the visits table; every query of a
-- variant must return the same count.
CREATE TABLE method (variant text, method text, ord int, sql text);
INSERT INTO method VALUES
('prefecture', 'L0 floor: two timestamptz comparisons', 1,
 $q$SELECT count(*) FROM visits_pref WHERE visit_at >= '2025-02-01 22:00+09' AND visit_at < '2025-02-02 22:00+09'$q$),
('prefecture', 'is_eligibility_affected(prefecture, visit_at)', 2,
 $q$SELECT count(*) FROM visits_pref WHERE is_eligibility_affected(prefecture, visit_at)$q$),
('prefecture', 'plain SQL: EXISTS join to tstzrange schedule', 3,
 $q$SELECT count(*) FROM visits_pref v WHERE EXISTS (
	SELECT FROM plain_schedule s LEFT JOIN plain_area a ON a.area = s.area
	WHERE s.kind IN ('outage', 'intermittent') AND s.period @> v.visit_at
	  AND (s.area IS NULL OR a.prefecture = v.prefecture))$q$),
('prefecture', 'hand-tuned SQL: hull prefilter + per-prefecture multirange', 4,
 $q$WITH affected AS MATERIALIZED (
	SELECT a.prefecture, range_agg(s.period) AS periods
	FROM plain_area a JOIN plain_schedule s ON s.area = a.area OR s.area IS NULL
	WHERE s.kind IN ('outage', 'intermittent') GROUP BY a.prefecture),
 hull AS MATERIALIZED (
	SELECT min(lower(period)) AS lo, max(upper(period)) AS hi
	FROM plain_schedule WHERE kind IN ('outage', 'intermittent'))
 SELECT count(*) FROM visits_pref v JOIN affected f ON f.prefecture = v.prefecture
 WHERE v.visit_at >= (SELECT lo FROM hull) AND v.visit_at < (SELECT hi FROM hull)
   AND f.periods @> v.visit_at$q$),
('prefecture', 'is_eligibility_affected(prefecture, visit_at, (SELECT current_outage_calendar()))', 5,
 $q$SELECT count(*) FROM visits_pref WHERE is_eligibility_affected(prefecture, visit_at, (SELECT current_outage_calendar()))$q$),
('text', 'L0 floor: two timestamptz comparisons', 1,
 $q$SELECT count(*) FROM visits_text WHERE visit_at >= '2025-02-01 22:00+09' AND visit_at < '2025-02-02 22:00+09'$q$),
('text', 'is_eligibility_affected(text, visit_at)', 2,
 $q$SELECT count(*) FROM visits_text WHERE is_eligibility_affected(prefecture, visit_at)$q$),
('text', 'plain SQL: EXISTS join to tstzrange schedule', 3,
 $q$SELECT count(*) FROM visits_text v WHERE EXISTS (
	SELECT FROM plain_schedule s LEFT JOIN plain_area a ON a.area = s.area
	WHERE s.kind IN ('outage', 'intermittent') AND s.period @> v.visit_at
	  AND (s.area IS NULL OR a.prefecture_name = v.prefecture))$q$),
('text', 'hand-tuned SQL: hull prefilter + per-prefecture multirange', 4,
 $q$WITH affected AS MATERIALIZED (
	SELECT a.prefecture_name, range_agg(s.period) AS periods
	FROM plain_area a JOIN plain_schedule s ON s.area = a.area OR s.area IS NULL
	WHERE s.kind IN ('outage', 'intermittent') GROUP BY a.prefecture_name),
 hull AS MATERIALIZED (
	SELECT min(lower(period)) AS lo, max(upper(period)) AS hi
	FROM plain_schedule WHERE kind IN ('outage', 'intermittent'))
 SELECT count(*) FROM visits_text v JOIN affected f ON f.prefecture_name = v.prefecture
 WHERE v.visit_at >= (SELECT lo FROM hull) AND v.visit_at < (SELECT hi FROM hull)
   AND f.periods @> v.visit_at$q$),
('text', 'is_eligibility_affected(text, visit_at, (SELECT current_outage_calendar()))', 5,
 $q$SELECT count(*) FROM visits_text WHERE is_eligibility_affected(prefecture, visit_at, (SELECT current_outage_calendar()))$q$);

CREATE TABLE timing (setting text, variant text, method text, ord int, run int, ms float8, result bigint);

-- Each query runs as a statement of its own, as a report would (so the
-- planner may use parallel workers), timed from psql.  Rounds are
-- interleaved so that a slow spell of this shared machine hits every method
-- alike.  The script is generated from the method table, then run.
\pset format unaligned
\pset tuples_only on
SELECT format($s$SET max_parallel_workers_per_gather = %s;
SELECT clock_timestamp() AS t0 \gset
SELECT (%s) AS result \gset
INSERT INTO timing VALUES (%L, %L, %L, %s, %s, extract(epoch FROM clock_timestamp() - :'t0') * 1000, :result);$s$,
			  w.workers, m.sql, w.setting, m.variant, m.method, m.ord, r)
FROM (VALUES ('serial, no index', 0), ('2 parallel workers, no index', 2)) AS w(setting, workers),
	 generate_series(1, :runs + :extra_runs) AS r, method m
WHERE r <= :runs OR m.ord <> 3
ORDER BY w.workers, r, m.variant, m.ord
\g /tmp/outage_window_bench_noindex.sql
SELECT format($s$SET max_parallel_workers_per_gather = 0;
SELECT clock_timestamp() AS t0 \gset
SELECT (%s) AS result \gset
INSERT INTO timing VALUES (%L, %L, %L, %s, %s, extract(epoch FROM clock_timestamp() - :'t0') * 1000, :result);$s$,
			  m.sql, 'serial, btree index on visit_at', m.variant, m.method, m.ord, r)
FROM generate_series(1, :runs + :extra_runs) AS r, method m
WHERE r <= :runs OR m.ord <> 3
ORDER BY r, m.variant, m.ord
\g /tmp/outage_window_bench_index.sql
\pset format aligned
\pset tuples_only off

SELECT count(*) FROM visits_pref;	-- warm the cache
SELECT count(*) FROM visits_text;
\i /tmp/outage_window_bench_noindex.sql
CREATE INDEX visits_pref_visit_at ON visits_pref (visit_at);
CREATE INDEX visits_text_visit_at ON visits_text (visit_at);
ANALYZE visits_pref, visits_text;
\i /tmp/outage_window_bench_index.sql

\echo
\echo 'Plans with the btree index (the extension''s call gets an index condition by itself):'
SET max_parallel_workers_per_gather = 0;
EXPLAIN (COSTS OFF) SELECT count(*) FROM visits_pref WHERE is_eligibility_affected(prefecture, visit_at);
EXPLAIN (COSTS OFF) SELECT count(*) FROM visits_text WHERE is_eligibility_affected(prefecture, visit_at);
EXPLAIN (COSTS OFF) SELECT count(*) FROM visits_pref WHERE is_eligibility_affected(prefecture, visit_at, (SELECT current_outage_calendar()));

\echo
\echo 'Every method of a variant must count the same visits:'
SELECT variant, count(DISTINCT result) = 1 AS same_count, min(result) AS flagged,
	   :rows AS visits
FROM timing WHERE ord > 1 GROUP BY variant ORDER BY variant;
SELECT CASE WHEN bool_and(same) THEN 'counts agree' ELSE 'COUNTS DIFFER' END AS count_check
FROM (SELECT count(DISTINCT result) = 1 AS same FROM timing WHERE ord > 1 GROUP BY variant) s;

\echo
\echo 'Medians (ms per query, ns per visit row, ratio to the L0 floor of the same setting and variant):'
WITH med AS (
	SELECT setting, variant, method, ord, count(*) AS runs,
		   percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS ms
	FROM timing GROUP BY setting, variant, method, ord
)
SELECT m.setting, m.variant, m.method, m.runs,
	   round(m.ms::numeric, 1) AS median_ms,
	   round((m.ms * 1e6 / :rows)::numeric, 1) AS ns_per_row,
	   round((m.ms / l0.ms)::numeric, 2) AS ratio_to_l0
FROM med m JOIN med l0 ON l0.setting = m.setting AND l0.variant = m.variant AND l0.ord = 1
ORDER BY m.setting DESC, m.variant, m.ord;

\echo
\echo 'Parallel speed-up (serial median / 2-worker median):'
WITH med AS (
	SELECT setting, variant, method, ord,
		   percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS ms
	FROM timing GROUP BY setting, variant, method, ord
)
SELECT s.variant, s.method, round((s.ms / p.ms)::numeric, 2) AS speedup
FROM med s JOIN med p USING (variant, method, ord)
WHERE s.setting = 'serial, no index' AND p.setting = '2 parallel workers, no index'
ORDER BY s.variant, s.ord;
