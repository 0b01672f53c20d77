-- bench/calendar_input.sql - time and memory of outage_calendar text
-- input and of compiling a calendar, against the size of the input.  Run
-- by bench/calendar_input.sh (which starts a throwaway cluster); psql
-- variables:
--   runs  repetitions of every measurement (default 7); medians are shown
-- Every input is generated: windows one hour long, two hours apart, half
-- nationwide and half spread over 47 one-prefecture areas (the shape that
-- made the old compile repeat the nationwide windows per prefecture).
\set ON_ERROR_STOP on
\if :{?runs}
\else
\set runs 7
\endif
SET client_min_messages = warning;
SET jit = off;
SET bench.runs = :runs;

CREATE EXTENSION IF NOT EXISTS outage_window;
DROP SCHEMA IF EXISTS bench CASCADE;
CREATE SCHEMA bench;
SET search_path = bench, public;

-- n windows as rows: even ones nationwide, odd ones in area a1..a47
CREATE FUNCTION windows(n int) RETURNS TABLE (area text, period outage_window)
LANGUAGE sql AS $$
	SELECT CASE WHEN g % 2 = 0 THEN NULL ELSE 'a' || (g / 2 % 47 + 1) END,
		   outage_window(timestamptz '2030-01-01 00:00+09' + g * interval '2 hours',
						 timestamptz '2030-01-01 01:00+09' + g * interval '2 hours',
						 (ARRAY['outage', 'intermittent', 'registration_delay'])[1 + g % 3])
	FROM generate_series(0, n - 1) AS g
$$;

-- the same as a text literal, areas mapped to prefectures 1..47
CREATE FUNCTION literal(n int) RETURNS text
LANGUAGE sql AS $$
	SELECT '{' || string_agg(entry, '; ') || '}'
	FROM (SELECT CASE WHEN area IS NULL THEN '*' ELSE format('"%s"(%s)', area, substr(area, 2)) END
				 || ': ' || string_agg(period::text, ', ') AS entry
		  FROM windows(n) GROUP BY area) AS e
$$;

CREATE TABLE sizes (n int);
INSERT INTO sizes VALUES (10), (100), (1000), (10000), (100000);
CREATE TABLE lits AS SELECT n, literal(n) AS lit FROM sizes;
CREATE TABLE cals AS SELECT n, lit::outage_calendar AS cal FROM lits;
ALTER TABLE cals ALTER cal SET STORAGE external;	-- no decompression in the timings

CREATE TABLE timings (what text, n int, run int, ms float8);

CREATE FUNCTION time_ms(query text) RETURNS float8
LANGUAGE plpgsql AS $$
DECLARE
	t0 timestamptz := clock_timestamp();
BEGIN
	EXECUTE query;
	RETURN extract(epoch FROM clock_timestamp() - t0) * 1000;
END
$$;

-- Text input: one call per run.  Compile: a new statement per run (EXECUTE
-- plans afresh), so that the call site compiles again; its cost includes
-- reading the calendar from the table.  The floor is the same statement
-- without the calendar argument's compile.
DO $$
DECLARE
	r int;
	s record;
BEGIN
	FOR r IN 1 .. current_setting('bench.runs')::int LOOP
		FOR s IN SELECT n FROM sizes ORDER BY n LOOP
			INSERT INTO timings SELECT 'text input', s.n, r,
				time_ms(format('SELECT lit::outage_calendar IS NOT NULL FROM lits WHERE n = %s', s.n));
			INSERT INTO timings SELECT 'text output', s.n, r,
				time_ms(format('SELECT length(cal::text) FROM cals WHERE n = %s', s.n));
			INSERT INTO timings SELECT 'compile (first call of eligibility_impact)', s.n, r,
				time_ms(format('SELECT eligibility_impact(13::prefecture, timestamptz ''2030-06-01'', cal) FROM cals WHERE n = %s', s.n));
			INSERT INTO timings SELECT 'floor: read the calendar (hash from its header)', s.n, r,
				time_ms(format('SELECT outage_calendar_hash(cal) FROM cals WHERE n = %s', s.n));
		END LOOP;
	END LOOP;
END
$$;
\echo
\echo 'Medians (ms per call), and per input byte and per window:'
SELECT t.what, t.n AS windows, length(l.lit) AS text_bytes,
	   round(percentile_cont(0.5) WITHIN GROUP (ORDER BY t.ms)::numeric, 2) AS median_ms,
	   round((percentile_cont(0.5) WITHIN GROUP (ORDER BY t.ms) * 1e6 / length(l.lit))::numeric, 1) AS ns_per_byte,
	   round((percentile_cont(0.5) WITHIN GROUP (ORDER BY t.ms) * 1e6 / t.n)::numeric, 0) AS ns_per_window
FROM timings t JOIN lits l USING (n)
GROUP BY t.what, t.n, l.lit
ORDER BY t.what DESC, t.n;

-- Memory of a compiled calendar: the call site's context (the compiled
-- schedule and the copy of the calendar it is recognised by), which lives
-- as long as the plpgsql expression, against the calendar's own size.
CREATE FUNCTION probe(c outage_calendar) RETURNS eligibility_impact
LANGUAGE plpgsql AS $$
BEGIN
	RETURN eligibility_impact(13::prefecture, timestamptz '2030-06-01', c);
END
$$;
CREATE TABLE memory (n int, calendar_bytes bigint, context_bytes bigint);
DO $$
DECLARE
	s record;
BEGIN
	FOR s IN SELECT n, cal FROM cals ORDER BY n LOOP
		PERFORM probe(s.cal);
		INSERT INTO memory
		SELECT s.n, pg_column_size(s.cal),
			   (SELECT sum(total_bytes) FROM pg_backend_memory_contexts
				WHERE name = 'outage_window calendar');
	END LOOP;
END
$$;
\echo 'Memory per call site (context "outage_window calendar": compiled schedule + a copy of the calendar):'
SELECT n AS windows, calendar_bytes, context_bytes,
	   round(context_bytes::numeric / calendar_bytes, 2) AS ratio_to_calendar,
	   round(context_bytes::numeric / n, 1) AS bytes_per_window
FROM memory ORDER BY n;

-- Refusals: how soon an oversized input is turned away.
CREATE FUNCTION refused_ms(query text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
	t0 timestamptz := clock_timestamp();
BEGIN
	EXECUTE query;
	RETURN 'accepted';
EXCEPTION WHEN program_limit_exceeded THEN
	RETURN SQLSTATE || ' after ' || round(extract(epoch FROM clock_timestamp() - t0)::numeric * 1000, 1) || ' ms';
END
$$;
CREATE TABLE big AS
SELECT 'text of 100 MB' AS what, '{' || repeat(' ', 100 * 1024 * 1024) || '}' AS lit
UNION ALL
SELECT '1,000,000 areas (14 MB)', '{' || string_agg(format('"a%s"():', g), '; ') || '}' FROM generate_series(1, 1000000) AS g
UNION ALL
SELECT '200,000 windows (12 MB)', literal(200000);
\echo 'Oversized inputs (the time includes handing the text to the input function):'
SELECT what, length(lit) AS text_bytes, refused_ms(format('SELECT lit::outage_calendar FROM big WHERE what = %L', what)) AS result
FROM big;
