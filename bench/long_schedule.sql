-- bench/long_schedule.sql - an audit over two years of visits and two years
-- of windows (issue 16): is_eligibility_affected() against hand-written SQL
-- with the windows as literals and a plain-SQL join to the schedule, with a
-- btree index, a BRIN index, and month partitions without an index.  Run by
-- bench/long_schedule.sh; psql variables:
--   rows  number of visits (default 2000000)
--   runs  repetitions of every query but the plain-SQL join, which runs
--         once per setting (it takes a minute over 2M visits) (default 5)
\set ON_ERROR_STOP on
\if :{?rows}
\else
\set rows 2000000
\endif
\if :{?runs}
\else
\set runs 5
\endif
SET client_min_messages = warning;
SET max_parallel_workers_per_gather = 0;
SET jit = off;
SET TimeZone = 'Asia/Tokyo';

CREATE EXTENSION IF NOT EXISTS outage_window;
DROP SCHEMA IF EXISTS lsbench CASCADE;
CREATE SCHEMA lsbench;
SET search_path = lsbench, public;
SELECT setseed(0.25);

-- Two years of notices: the shipped notice's windows (2025-02) and nine
-- more spread over 2024-04 .. 2026-03, east, west and nationwide, two to
-- five hours each, one of them a registration delay (which does not affect
-- eligibility).
DELETE FROM outage_schedule WHERE note = 'long schedule bench';
INSERT INTO outage_schedule (area, period, note)
SELECT CASE i % 3 WHEN 0 THEN 'east' WHEN 1 THEN 'west' END,
	   outage_window(timestamptz '2024-04-20 21:00+09' + i * interval '75 days',
					 timestamptz '2024-04-20 21:00+09' + i * interval '75 days'
					 + (2 + i % 4) * interval '1 hour',
					 CASE WHEN i = 4 THEN 'registration_delay'
						  WHEN i % 2 = 0 THEN 'outage' ELSE 'intermittent' END),
	   'long schedule bench'
FROM generate_series(0, 8) AS i;

-- Visits from 2024-04-01 to 2026-03-31, Japan time, 85 % in opening hours,
-- every prefecture, stored in time order as an HIS appends them.
CREATE TABLE visits (visit_id bigint, prefecture prefecture NOT NULL, visit_at timestamptz NOT NULL);
WITH raw AS (
	SELECT (1 + floor(random() * 47))::int::prefecture AS prefecture,
		   japan_time(timestamp '2024-04-01' + floor(random() * 730) * interval '1 day'
					  + CASE WHEN random() < 0.85
							 THEN interval '8 hours 30 minutes' + random() * interval '9 hours 30 minutes'
							 ELSE random() * interval '24 hours' END) AS visit_at
	FROM generate_series(1, :rows)
)
INSERT INTO visits
SELECT row_number() OVER (ORDER BY visit_at), prefecture, visit_at FROM raw ORDER BY visit_at;

-- The same visits partitioned by month, no index.
CREATE TABLE visits_month (visit_id bigint, prefecture prefecture NOT NULL, visit_at timestamptz NOT NULL)
	PARTITION BY RANGE (visit_at);
SELECT format('CREATE TABLE visits_month_%s PARTITION OF visits_month FOR VALUES FROM (%L) TO (%L)',
			  to_char(m, 'YYYYMM'), m, m + interval '1 month')
FROM generate_series(timestamptz '2024-04-01 00:00+09', timestamptz '2026-03-01 00:00+09', interval '1 month') AS m
\gexec
INSERT INTO visits_month SELECT * FROM visits;

-- What a DBA would keep without the extension: the windows in plain tables.
CREATE TABLE plain_schedule AS
SELECT area, tstzrange(lower(period), upper(period)) AS period, kind(period) AS kind
FROM outage_schedule;
CREATE TABLE plain_area AS SELECT prefecture, area FROM prefecture_area;
CREATE INDEX ON plain_area (prefecture);
VACUUM (ANALYZE, FREEZE) visits, visits_month, plain_schedule, plain_area;

-- The hand-written literal SQL: every window that affects eligibility as a
-- range of the visit time, with its area's prefectures.
SELECT string_agg(format('(%s >= %L AND %s < %L%s)', '{T}', lower(s.period), '{T}', upper(s.period),
						 CASE WHEN s.area IS NULL THEN ''
							  ELSE format(' AND prefecture IN (%s)',
										  (SELECT string_agg(quote_literal(a.prefecture::text) || '::prefecture', ', ')
										   FROM prefecture_area a WHERE a.area = s.area)) END),
				  ' OR ' ORDER BY lower(s.period)) AS literal
FROM outage_schedule s WHERE kind(s.period) IN ('outage', 'intermittent') \gset
SELECT replace(:'literal', '{T}', 'visit_at') AS literal_month \gset

CREATE TABLE method (setting text, method text, ord int, sql text);
INSERT INTO method
SELECT s.setting, m.method, m.ord, replace(replace(m.sql, '{V}', s.tab), '{T}', 'visit_at')
FROM (VALUES ('btree on visit_at', 'visits'), ('BRIN on visit_at', 'visits'),
			 ('month partitions, no index', 'visits_month')) AS s(setting, tab),
	 (VALUES
		('is_eligibility_affected(prefecture, visit_at)', 1,
		 'SELECT count(*) FROM {V} WHERE is_eligibility_affected(prefecture, visit_at)'),
		('hand-written literal OR of ranges', 2,
		 'SELECT count(*) FROM {V} WHERE ' || :'literal'),
		('plain SQL: EXISTS join to tstzrange schedule', 3,
		 $q$SELECT count(*) FROM {V} v WHERE EXISTS (
	SELECT FROM plain_schedule s LEFT JOIN plain_area a ON a.area = s.area
	WHERE s.kind IN ('outage', 'intermittent') AND s.period @> v.visit_at
	  AND (s.area IS NULL OR a.prefecture = v.prefecture))$q$),
		('is_eligibility_affected(prefecture, visit_at, (SELECT current_outage_calendar()))', 4,
		 'SELECT count(*) FROM {V} WHERE is_eligibility_affected(prefecture, visit_at, (SELECT current_outage_calendar()))'))
	 AS m(method, ord, sql);

CREATE TABLE timing (setting text, method text, ord int, run int, ms float8, result bigint);

-- Each setting: its index, a warm-up, the timed rounds (interleaved), the
-- plan of the function form.
CREATE INDEX visits_btree ON visits (visit_at);
ANALYZE visits;
\set setting 'btree on visit_at'
\pset format unaligned
\pset tuples_only on
SELECT format($s$SELECT clock_timestamp() AS t0 \gset
SELECT (%s) AS result \gset
INSERT INTO timing VALUES (%L, %L, %s, %s, extract(epoch FROM clock_timestamp() - :'t0') * 1000, :result);$s$,
			  m.sql, m.setting, m.method, m.ord, r)
FROM generate_series(1, :runs) AS r, method m
WHERE m.setting = :'setting' AND (r = 1 OR m.ord <> 3)
ORDER BY r, m.ord
\g /tmp/outage_window_long_btree.sql
\pset format aligned
\pset tuples_only off
SELECT count(*) FROM visits;
\i /tmp/outage_window_long_btree.sql
\echo
\echo 'Plan of the function form with a btree index:'
EXPLAIN (COSTS OFF) SELECT count(*) FROM visits WHERE is_eligibility_affected(prefecture, visit_at);

DROP INDEX visits_btree;
CREATE INDEX visits_brin ON visits USING brin (visit_at);
ANALYZE visits;
\set setting 'BRIN on visit_at'
\pset format unaligned
\pset tuples_only on
SELECT format($s$SELECT clock_timestamp() AS t0 \gset
SELECT (%s) AS result \gset
INSERT INTO timing VALUES (%L, %L, %s, %s, extract(epoch FROM clock_timestamp() - :'t0') * 1000, :result);$s$,
			  m.sql, m.setting, m.method, m.ord, r)
FROM generate_series(1, :runs) AS r, method m
WHERE m.setting = :'setting' AND (r = 1 OR m.ord <> 3)
ORDER BY r, m.ord
\g /tmp/outage_window_long_brin.sql
\pset format aligned
\pset tuples_only off
\i /tmp/outage_window_long_brin.sql
\echo
\echo 'Plan of the function form with a BRIN index:'
EXPLAIN (COSTS OFF) SELECT count(*) FROM visits WHERE is_eligibility_affected(prefecture, visit_at);
CREATE FUNCTION pg_temp.plan_mentions(query text, pattern text) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
	line text;
	n bigint := 0;
BEGIN
	FOR line IN EXECUTE 'EXPLAIN (COSTS OFF) ' || query LOOP
		IF line ~ pattern THEN
			n := n + 1;
		END IF;
	END LOOP;
	RETURN n;
END;
$$;
SELECT CASE WHEN pg_temp.plan_mentions(
			'SELECT count(*) FROM visits WHERE is_eligibility_affected(prefecture, visit_at)',
			'Bitmap Index Scan on visits_brin') > 0
			THEN 'BRIN used' ELSE 'BRIN NOT USED' END AS brin_check;

\set setting 'month partitions, no index'
\pset format unaligned
\pset tuples_only on
SELECT format($s$SELECT clock_timestamp() AS t0 \gset
SELECT (%s) AS result \gset
INSERT INTO timing VALUES (%L, %L, %s, %s, extract(epoch FROM clock_timestamp() - :'t0') * 1000, :result);$s$,
			  m.sql, m.setting, m.method, m.ord, r)
FROM generate_series(1, :runs) AS r, method m
WHERE m.setting = :'setting' AND (r = 1 OR m.ord <> 3)
ORDER BY r, m.ord
\g /tmp/outage_window_long_month.sql
\pset format aligned
\pset tuples_only off
SELECT count(*) FROM visits_month;
\i /tmp/outage_window_long_month.sql
\echo
\echo 'Plan of the function form over month partitions (24 partitions):'
EXPLAIN (COSTS OFF) SELECT count(*) FROM visits_month WHERE is_eligibility_affected(prefecture, visit_at);
SELECT pg_temp.plan_mentions(
		   'SELECT count(*) FROM visits_month WHERE is_eligibility_affected(prefecture, visit_at)',
		   'Seq Scan on visits_month_') AS partitions_scanned_of_24,
	   pg_temp.plan_mentions('SELECT count(*) FROM visits_month WHERE ' || :'literal_month',
		   'Seq Scan on visits_month_') AS literal_sql_partitions_scanned;

\echo
\echo 'Every method of a setting must count the same visits:'
SELECT setting, count(DISTINCT result) = 1 AS same_count, min(result) AS flagged, :rows AS visits
FROM timing GROUP BY setting ORDER BY setting;
SELECT CASE WHEN bool_and(same) THEN 'counts agree' ELSE 'COUNTS DIFFER' END AS count_check
FROM (SELECT count(DISTINCT result) = 1 AS same FROM timing GROUP BY setting) s;

\echo
\echo 'Medians (ms per query, ratio to the hand-written literal SQL of the same setting):'
WITH med AS (
	SELECT setting, method, ord, count(*) AS runs,
		   percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS ms
	FROM timing GROUP BY setting, method, ord
)
SELECT m.setting, m.method, m.runs, round(m.ms::numeric, 1) AS median_ms,
	   round((m.ms / l.ms)::numeric, 2) AS ratio_to_literal
FROM med m JOIN med l ON l.setting = m.setting AND l.ord = 2
ORDER BY m.setting, m.ord;

DELETE FROM outage_schedule WHERE note = 'long schedule bench';
