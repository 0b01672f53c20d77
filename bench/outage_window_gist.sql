-- bench/outage_window_gist.sql - timings for bench/outage_window_gist.sh.
--
-- 1M random windows (and the same instants as tstzrange) spread over ten
-- years, each 1 minute to 6 hours long.  Every timing is taken inside the
-- server with clock_timestamp() so that client round trips do not count,
-- and every run of a query uses a different point or window so that no run
-- is answered from a warmer cache than the others.
\set ON_ERROR_STOP on
\set runs 7
SET client_min_messages = warning;
SET max_parallel_workers_per_gather = 0;
SET maintenance_work_mem = '512MB';
SET work_mem = '64MB';

DROP TABLE IF EXISTS bench_windows, bench_timings;
SELECT setseed(0.42);
CREATE TABLE bench_windows AS
SELECT i AS id, w, w::tstzrange AS r
FROM (SELECT i, outage_window(lo, lo + (60 + random() * 6 * 3600) * interval '1 second',
							  (ARRAY['outage', 'intermittent', 'registration_delay'])[1 + i % 3]) AS w
	  FROM (SELECT i, '2016-01-01 00:00+09'::timestamptz
					  + random() * interval '3652 days' AS lo
			FROM generate_series(1, 1000000) AS i) s) s2;
VACUUM ANALYZE bench_windows;

CREATE TABLE bench_timings (what text, run int, ms float8);

CREATE FUNCTION pg_temp.bench_time(what text, run int, sql text) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
	t0 timestamptz;
BEGIN
	t0 := clock_timestamp();
	EXECUTE sql;
	INSERT INTO bench_timings
	VALUES (what, run, extract(epoch FROM clock_timestamp() - t0) * 1000);
END
$$;

-- index builds, alternating so that neither gets a systematically warmer machine
SELECT pg_temp.bench_time('build gist outage_window', i,
		'CREATE INDEX bench_w_' || i || ' ON bench_windows USING gist (w)'),
	   pg_temp.bench_time('build gist tstzrange', i,
		'CREATE INDEX bench_r_' || i || ' ON bench_windows USING gist (r)')
FROM generate_series(1, :runs) AS i;
DO $$
DECLARE
	i int;
BEGIN
	FOR i IN 2..7 LOOP
		EXECUTE format('DROP INDEX IF EXISTS bench_w_%s, bench_r_%s', i, i);
	END LOOP;
END
$$;
DROP INDEX bench_r_1;
ANALYZE bench_windows;

-- queries: sequential scan, then the GiST index
CREATE TABLE bench_points AS
SELECT i AS run, '2016-01-01 00:00+09'::timestamptz + random() * interval '3652 days' AS t
FROM generate_series(1, 2 * :runs) AS i;

SET enable_indexscan = off;
SET enable_bitmapscan = off;
SELECT pg_temp.bench_time('seqscan @> timestamptz', run,
		format('SELECT count(*) FROM bench_windows WHERE w @> %L::timestamptz', t)),
	   pg_temp.bench_time('seqscan &&', run,
		format('SELECT count(*) FROM bench_windows WHERE w && outage_window(%L, %L::timestamptz + interval ''1 hour'')', t, t))
FROM bench_points WHERE run <= :runs;
RESET enable_indexscan;
RESET enable_bitmapscan;
SET enable_seqscan = off;
SELECT pg_temp.bench_time('gist @> timestamptz', run,
		format('SELECT count(*) FROM bench_windows WHERE w @> %L::timestamptz', t)),
	   pg_temp.bench_time('gist &&', run,
		format('SELECT count(*) FROM bench_windows WHERE w && outage_window(%L, %L::timestamptz + interval ''1 hour'')', t, t))
FROM bench_points WHERE run > :runs;
RESET enable_seqscan;

-- the plans really are what the labels say
SET enable_indexscan = off;
SET enable_bitmapscan = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM bench_windows WHERE w @> '2020-01-01 12:00+09'::timestamptz;
RESET enable_indexscan;
RESET enable_bitmapscan;
SET enable_seqscan = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM bench_windows WHERE w @> '2020-01-01 12:00+09'::timestamptz;
EXPLAIN (COSTS OFF) SELECT count(*) FROM bench_windows WHERE w && '[2020-01-01 12:00,2020-01-01 13:00)'::outage_window;
RESET enable_seqscan;

-- results agree between the two plans at every sample point
SET enable_indexscan = off;
SET enable_bitmapscan = off;
CREATE TEMP TABLE bench_seq AS
SELECT p.run, (SELECT count(*) FROM bench_windows b WHERE b.w @> p.t) AS n FROM bench_points p;
RESET enable_indexscan;
RESET enable_bitmapscan;
SET enable_seqscan = off;
CREATE TEMP TABLE bench_idx AS
SELECT p.run, (SELECT count(*) FROM bench_windows b WHERE b.w @> p.t) AS n FROM bench_points p;
RESET enable_seqscan;
SELECT sum(s.n) AS matches, bool_and(s.n = i.n) AS index_agrees_with_seqscan
FROM bench_seq s JOIN bench_idx i USING (run);

\pset format unaligned
\pset tuples_only on
\o :outfile
SELECT what || E'\t' || round(percentile_cont(0.5) WITHIN GROUP (ORDER BY ms)::numeric, 3)
	   || E'\t' || count(*)
FROM bench_timings GROUP BY what ORDER BY what;
\o
SELECT pg_size_pretty(pg_relation_size('bench_w_1')) AS gist_outage_window_size;
