-- bench/wareki.sql - cost per value of wareki(), from_wareki() and
-- outage_window_from_notice() inside the server (run by bench/wareki.sh).
--
-- For each case a table of :rows values; the cost per value is
-- count(f(v)) minus count(v) (the scan and the aggregate), median of :runs
-- runs, in ns.  Parallel query is off, so one backend does all the work.
\set ON_ERROR_STOP on
SET max_parallel_workers_per_gather = 0;
CREATE EXTENSION IF NOT EXISTS outage_window;

-- dates spread over 平成 and 令和 (and their boundary), 30 years
CREATE TEMP TABLE b_date AS
	SELECT ('2000-01-01'::date + (g % 11000)) AS v
	FROM pg_catalog.generate_series(1, :rows) g;
CREATE TEMP TABLE b_ts AS
	SELECT ('2000-01-01 00:00+09'::timestamptz + (g % 11000) * interval '1 day 37 minutes') AS v
	FROM pg_catalog.generate_series(1, :rows) g;
CREATE TEMP TABLE b_long AS SELECT wareki(v) AS v FROM b_date;
CREATE TEMP TABLE b_short AS SELECT wareki(v, 'short') AS v FROM b_date;
CREATE TEMP TABLE b_claim AS SELECT wareki(v, 'claim') AS v FROM b_date;
-- full-width with the right weekday, as staff type it
CREATE TEMP TABLE b_fullwidth AS
	SELECT pg_catalog.translate(wareki(v), '0123456789', '０１２３４５６７８９') || '（' ||
		   (ARRAY['日','月','火','水','木','金','土'])[extract(dow FROM v)::int + 1] || '）' AS v
	FROM b_date;
CREATE TEMP TABLE b_notice AS
	SELECT '東日本エリア：令和7年2月1日（土）22:00～2月2日（日）0:30（予定）'::text AS v
	FROM pg_catalog.generate_series(1, :rows);
ANALYZE;

CREATE FUNCTION pg_temp.ns_per_value(expr text, tbl text, runs int, rows bigint)
RETURNS TABLE (median_ns numeric, min_ns numeric, max_ns numeric)
LANGUAGE plpgsql AS $$
DECLARE
	t0 timestamptz;
	t1 timestamptz;
	t2 timestamptz;
	d double precision[] := '{}';
BEGIN
	-- warm up: caches, the era table, the pages
	EXECUTE format('SELECT count(%s) FROM %s', expr, tbl);
	FOR i IN 1..runs LOOP
		t0 := pg_catalog.clock_timestamp();
		EXECUTE format('SELECT count(v) FROM %s', tbl);
		t1 := pg_catalog.clock_timestamp();
		EXECUTE format('SELECT count(%s) FROM %s', expr, tbl);
		t2 := pg_catalog.clock_timestamp();
		d := d || (extract(epoch FROM t2 - t1) - extract(epoch FROM t1 - t0)) * 1e9 / rows;
	END LOOP;
	RETURN QUERY SELECT
		round((SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY x) FROM unnest(d) x)::numeric, 1),
		round((SELECT min(x) FROM unnest(d) x)::numeric, 1),
		round((SELECT max(x) FROM unnest(d) x)::numeric, 1);
END $$;

\pset format unaligned
\pset fieldsep ' | '
\pset tuples_only on
SELECT '| function | input | median ns/value | min | max |';
SELECT '|---|---|---:|---:|---:|';
SELECT '| ' || f || ' | ' || example || ' | ' || r.median_ns || ' | ' || r.min_ns || ' | ' || r.max_ns || ' |'
FROM (VALUES
	('`wareki(date)`', '2000-2030 dates', 'wareki(v)', 'b_date'),
	('`wareki(date, ''short'')`', '2000-2030 dates', 'wareki(v, ''short'')', 'b_date'),
	('`wareki(timestamptz)`', '2000-2030 instants', 'wareki(v)', 'b_ts'),
	('`from_wareki(text)`', '`令和7年2月1日` form', 'from_wareki(v)', 'b_long'),
	('`from_wareki(text)`', '`R7.2.1` form', 'from_wareki(v)', 'b_short'),
	('`from_wareki(text)`', '`5070201` form', 'from_wareki(v)', 'b_claim'),
	('`from_wareki(text)`', '`令和７年２月１日（土）` form', 'from_wareki(v)', 'b_fullwidth'),
	('`outage_window_from_notice(text)`', 'notice line', 'outage_window_from_notice(v)', 'b_notice')
) AS c(f, example, expr, tbl),
LATERAL pg_temp.ns_per_value(c.expr, c.tbl, :runs, :rows) r;
