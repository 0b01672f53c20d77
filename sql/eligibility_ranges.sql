--
-- Years of windows (issue 16): the planner rewrites is_eligibility_affected()
-- into literal ranges of the visit time ANDed with the call, so a btree or
-- BRIN index is used through a BitmapOr and month partitions are pruned at
-- plan time; the answers stay exactly the call's (NULLs included), and a
-- plan holding the windows goes when the schedule changes.
--
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS outage_window;
CREATE EXTENSION IF NOT EXISTS dblink;
RESET client_min_messages;
SET DateStyle = 'ISO, YMD';
SET TimeZone = 'Asia/Tokyo';
SET max_parallel_workers_per_gather = 0;
CREATE FUNCTION pg_temp.explain_initplan(query text) RETURNS SETOF text
LANGUAGE plpgsql AS $$
DECLARE
	ln text;
	m text[];
BEGIN
	-- PostgreSQL 17's way of naming an initPlan's output, on every version
	FOR ln IN EXECUTE 'EXPLAIN (COSTS OFF) ' || query LOOP
		ln := regexp_replace(ln, 'InitPlan (\d+) \(returns \$\d+\)', 'InitPlan \1', 'g');
		FOR m IN SELECT regexp_matches(ln, '\$(\d+)', 'g') LOOP
			ln := regexp_replace(ln, '\$' || m[1] || '(?!\d)',
								 '(InitPlan ' || (m[1]::int + 1) || ').col1', 'g');
		END LOOP;
		RETURN NEXT ln;
	END LOOP;
END
$$;

-- Three windows over two years, on top of the shipped notice's.
INSERT INTO outage_schedule (area, period, note) VALUES
	('east', '[2024-05-10 09:00, 2024-05-10 12:00) outage', 'ranges test'),
	('west', '[2025-09-01 22:00, 2025-09-02 02:00) intermittent', 'ranges test'),
	(NULL, '[2026-03-15 10:00, 2026-03-15 10:30) outage', 'ranges test'),
	('east', '[2026-04-01 10:00, 2026-04-01 11:00) registration_delay', 'ranges test');

-- Visits every 13 minutes over two years, facility prefecture NOT NULL.
CREATE TABLE rv (
	id int,
	pref prefecture NOT NULL,
	at timestamptz NOT NULL,
	at_local timestamp NOT NULL,
	pref_text text NOT NULL,
	pref_maybe prefecture);
INSERT INTO rv
SELECT g, (g % 47 + 1)::prefecture,
	   timestamptz '2024-04-01 00:00+09' + g * interval '13 minutes',
	   (timestamptz '2024-04-01 00:00+09' + g * interval '13 minutes') AT TIME ZONE 'Asia/Tokyo',
	   (g % 47 + 1)::prefecture::text,
	   CASE WHEN g % 5 = 0 THEN NULL ELSE (g % 47 + 1)::prefecture END
FROM generate_series(1, 2 * 365 * 24 * 60 / 13) AS g;
CREATE INDEX rv_at ON rv (at);
CREATE INDEX rv_at_local ON rv (at_local);
ANALYZE rv;

-- The plan: a BitmapOr over the btree, one literal range per affected
-- window, the call kept as the recheck.
EXPLAIN (COSTS OFF)
SELECT count(*) FROM rv WHERE is_eligibility_affected(pref, at);
-- a constant prefecture narrows the ranges to its area's windows
EXPLAIN (COSTS OFF)
SELECT count(*) FROM rv WHERE is_eligibility_affected('大阪府'::prefecture, at);
-- text and Japan local time: wall-clock ranges, whatever TimeZone says
EXPLAIN (COSTS OFF)
SELECT count(*) FROM rv WHERE is_eligibility_affected('東京都', at_local);
SET TimeZone = 'America/Los_Angeles';
EXPLAIN (COSTS OFF)
SELECT count(*) FROM rv WHERE is_eligibility_affected('東京都', at_local);
SET TimeZone = 'Asia/Tokyo';

-- Answers equal the call's own (computed where no rewrite happens: the
-- call on an expression of the time is left alone), under three zones,
-- through the index and by full scan.
CREATE FUNCTION range_counts(OUT zone text, OUT form text, OUT rewritten bigint, OUT plain bigint, OUT indexed bigint)
RETURNS SETOF record LANGUAGE plpgsql AS $$
DECLARE
	q text[] := ARRAY[
		'is_eligibility_affected(pref, %s)',
		'is_eligibility_affected(pref_text, %s)',
		'is_eligibility_affected(''大阪府''::prefecture, %s)',
		'is_eligibility_affected(''東京都'', %s)',
		'is_eligibility_affected(pref_maybe, %s)',
		'is_eligibility_affected(pref, %s, (SELECT current_outage_calendar()))',
		'is_eligibility_affected(pref, %s, ''' || current_outage_calendar()::text || ''')'];
	t text;
	f text;
BEGIN
	FOREACH zone IN ARRAY ARRAY['UTC', 'Asia/Tokyo', 'America/Los_Angeles'] LOOP
		PERFORM set_config('TimeZone', zone, true);
		FOREACH f IN ARRAY q LOOP
			FOREACH t IN ARRAY ARRAY['at', 'at_local'] LOOP
				form := format(f, t);
				PERFORM set_config('enable_bitmapscan', 'off', true);
				PERFORM set_config('enable_indexscan', 'off', true);
				EXECUTE format('SELECT count(*) FROM rv WHERE %s', form) INTO rewritten;
				EXECUTE format('SELECT count(*) FROM rv WHERE %s', format(f, '(' || t || ' + interval ''0'')')) INTO plain;
				PERFORM set_config('enable_bitmapscan', 'on', true);
				PERFORM set_config('enable_indexscan', 'on', true);
				PERFORM set_config('enable_seqscan', 'off', true);
				EXECUTE format('SELECT count(*) FROM rv WHERE %s', form) INTO indexed;
				PERFORM set_config('enable_seqscan', 'on', true);
				RETURN NEXT;
			END LOOP;
		END LOOP;
	END LOOP;
END;
$$;
SELECT zone, regexp_replace(form, '''\{.*\}''', 'constant') AS form, rewritten,
	   rewritten = plain AND plain = indexed AS agree
FROM range_counts() ORDER BY 2, 1;

-- Three-valued logic is kept in every context: a NULL facility gives NULL
-- outside the ranges too, under NOT and IS NULL, and a NOT NULL column on
-- the nullable side of an outer join is NULL there.
SELECT v.pref_maybe, v.at,
	   is_eligibility_affected(v.pref_maybe, v.at) AS affected,
	   NOT is_eligibility_affected(v.pref_maybe, v.at) AS negated,
	   is_eligibility_affected(v.pref_maybe, v.at) IS NULL AS is_null
FROM rv v WHERE v.id IN (5, 10, 11) ORDER BY v.id;
SELECT count(*) FILTER (WHERE is_eligibility_affected(pref_maybe, at) IS NULL) AS nulls,
	   count(*) FILTER (WHERE NOT is_eligibility_affected(pref_maybe, at)) AS not_affected,
	   count(*) FILTER (WHERE pref_maybe IS NULL) AS null_prefectures
FROM rv;
SELECT o.x, is_eligibility_affected(v.pref, v.at) AS affected,
	   is_eligibility_affected(v.pref, v.at) IS NULL AS is_null
FROM (VALUES (1), (2)) AS o(x) LEFT JOIN rv v ON v.id = o.x * 1000000
ORDER BY o.x;
SELECT v.pref, is_eligibility_affected(v.pref, timestamptz '2030-01-01 00:00+09') IS NULL AS is_null
FROM rv v WHERE v.id = 1
GROUP BY GROUPING SETS ((v.pref), ()) ORDER BY 1;
-- a column that may be NULL keeps a NULL test next to the ranges (so a
-- BitmapOr cannot answer it: declare the column NOT NULL)
EXPLAIN (COSTS OFF)
SELECT count(*) FROM rv WHERE is_eligibility_affected(pref_maybe, at);

-- A calendar known only when the executor starts, (SELECT
-- current_outage_calendar()): one initPlan, and a BitmapOr of range arms
-- whose bounds are computed when the scan starts (as many arms as the
-- tables' schedule has merged ranges, rounded up to a power of two; the
-- last one runs to the end of the calendar's hull).
SELECT pg_temp.explain_initplan($q$
SELECT count(*) FROM rv
WHERE is_eligibility_affected(pref, at, (SELECT current_outage_calendar()))
$q$) AS "QUERY PLAN";
SELECT pg_temp.explain_initplan($q$
SELECT count(*) FROM rv
WHERE is_eligibility_affected(pref, at_local, (SELECT current_outage_calendar()))
$q$) AS "QUERY PLAN";
-- a calendar with many more ranges than arms (a window every week for two
-- years) is still answered exactly: the last arm covers the rest
CREATE TABLE weekly (area text, period outage_window);
INSERT INTO weekly
SELECT CASE WHEN w % 3 = 0 THEN NULL WHEN w % 3 = 1 THEN 'east' ELSE 'west' END,
	   format('[%s, %s) outage',
			  to_char(timestamp '2024-04-03 10:00' + w * interval '1 week', 'YYYY-MM-DD HH24:MI'),
			  to_char(timestamp '2024-04-03 11:30' + w * interval '1 week', 'YYYY-MM-DD HH24:MI'))::outage_window
FROM generate_series(0, 103) AS w;
SELECT outage_calendar(area, period)::text AS weekly FROM weekly \gset
CREATE FUNCTION weekly_counts(OUT zone text, OUT col text, OUT subquery bigint, OUT agree boolean)
RETURNS SETOF record LANGUAGE plpgsql AS $$
DECLARE
	constant bigint;
	plain bigint;
BEGIN
	FOREACH zone IN ARRAY ARRAY['UTC', 'Asia/Tokyo', 'America/Los_Angeles'] LOOP
		PERFORM set_config('TimeZone', zone, true);
		FOREACH col IN ARRAY ARRAY['at', 'at_local'] LOOP
			PERFORM set_config('enable_seqscan', 'off', true);
			EXECUTE format('SELECT count(*) FROM rv WHERE is_eligibility_affected(pref, %s, (SELECT outage_calendar(area, period) FROM weekly))', col)
				INTO subquery;
			PERFORM set_config('enable_seqscan', 'on', true);
			EXECUTE format('SELECT count(*) FROM rv WHERE is_eligibility_affected(pref, %s, %L)', col,
						   (SELECT outage_calendar(area, period)::text FROM weekly))
				INTO constant;
			EXECUTE format('SELECT count(*) FROM rv WHERE is_eligibility_affected(pref, (%s + interval ''0''), (SELECT outage_calendar(area, period) FROM weekly))', col)
				INTO plain;
			agree := subquery = constant AND constant = plain;
			RETURN NEXT;
		END LOOP;
	END LOOP;
END;
$$;
SELECT * FROM weekly_counts() ORDER BY 1, 2;
SELECT count(*) FROM rv WHERE is_eligibility_affected(pref, at, :'weekly');
-- below the top query level too, where the calendar may change with a
-- grandparent's row: each row of o counts with its own calendar
CREATE TABLE cals (id int, cal outage_calendar);
INSERT INTO cals VALUES (1, current_outage_calendar()), (2, :'weekly'), (3, NULL);
SELECT o.id,
	   (SELECT count(*) FROM rv
		WHERE is_eligibility_affected(pref, at, (SELECT c.cal FROM cals c WHERE c.id = o.id))) AS subquery,
	   (SELECT count(*) FROM rv
		WHERE is_eligibility_affected(pref, at + interval '0', (SELECT c.cal FROM cals c WHERE c.id = o.id))) AS plain
FROM cals o ORDER BY o.id;
SELECT pg_temp.explain_initplan($q$
SELECT (SELECT count(*) FROM rv
		WHERE is_eligibility_affected(pref, at, (SELECT current_outage_calendar())))
$q$) AS "QUERY PLAN";
-- three-valued logic in the SELECT list: a NULL facility gives NULL, as
-- the two-argument form does
SELECT count(*) FILTER (WHERE is_eligibility_affected(pref_maybe, at, (SELECT current_outage_calendar())) IS NULL) AS nulls,
	   count(*) FILTER (WHERE NOT is_eligibility_affected(pref_maybe, at, (SELECT current_outage_calendar()))) AS not_affected,
	   count(*) FILTER (WHERE is_eligibility_affected(pref_maybe, at, (SELECT current_outage_calendar()))) AS affected,
	   count(*) FILTER (WHERE is_eligibility_affected(pref_maybe, at) IS NOT DISTINCT FROM
							 is_eligibility_affected(pref_maybe, at, (SELECT current_outage_calendar()))) AS same_as_tables
FROM rv;
SELECT v.id, is_eligibility_affected(v.pref_maybe, v.at, (SELECT current_outage_calendar())) AS affected,
	   NOT is_eligibility_affected(v.pref_maybe, v.at, (SELECT current_outage_calendar())) AS negated
FROM rv v WHERE v.id IN (5, 10, 11) ORDER BY v.id;

-- Month partitions with no index: only the months holding a window are
-- scanned.
CREATE TABLE rvp (pref prefecture NOT NULL, at timestamptz NOT NULL) PARTITION BY RANGE (at);
DO $$
BEGIN
	FOR m IN 0..23 LOOP
		EXECUTE format('CREATE TABLE rvp_%s PARTITION OF rvp FOR VALUES FROM (%L) TO (%L)',
					   m, timestamptz '2024-04-01 00:00+09' + m * interval '1 month',
					   timestamptz '2024-04-01 00:00+09' + (m + 1) * interval '1 month');
	END LOOP;
END;
$$;
INSERT INTO rvp SELECT pref, at FROM rv;
ANALYZE rvp;
EXPLAIN (COSTS OFF)
SELECT count(*) FROM rvp WHERE is_eligibility_affected(pref, at);
SELECT count(*) FROM rvp WHERE is_eligibility_affected(pref, at);

-- BRIN: used through a BitmapOr.
DROP INDEX rv_at;
CREATE INDEX rv_at_brin ON rv USING brin (at) WITH (pages_per_range = 4);
EXPLAIN (COSTS OFF)
SELECT count(*) FROM rv WHERE is_eligibility_affected(pref, at);
SELECT count(*) FROM rv
WHERE is_eligibility_affected(pref, at, (SELECT current_outage_calendar()));

-- A cached plan goes when the schedule changes: PREPARE with a generic and
-- a custom plan, and a PL/pgSQL function's plan; changes made in this
-- session and in another one.
CREATE FUNCTION affected_count() RETURNS bigint LANGUAGE plpgsql AS $$
BEGIN
	RETURN (SELECT count(*) FROM rv WHERE is_eligibility_affected(pref, at));
END;
$$;
PREPARE generic_count AS SELECT count(*) FROM rv WHERE is_eligibility_affected(pref, at);
PREPARE custom_count AS SELECT count(*) FROM rv WHERE is_eligibility_affected(pref, at);
SET plan_cache_mode = force_generic_plan;
EXECUTE generic_count;
SET plan_cache_mode = force_custom_plan;
EXECUTE custom_count;
RESET plan_cache_mode;
SELECT affected_count();
SELECT affected_count();
-- this session adds a window
INSERT INTO outage_schedule (area, period, note)
VALUES (NULL, '[2025-06-01 00:00, 2025-06-02 00:00) outage', 'ranges test');
SET plan_cache_mode = force_generic_plan;
EXECUTE generic_count;
SET plan_cache_mode = force_custom_plan;
EXECUTE custom_count;
RESET plan_cache_mode;
SELECT affected_count();
-- another session removes it
SELECT format('host=%s port=%s dbname=%s user=%s',
			  split_part(current_setting('unix_socket_directories'), ',', 1),
			  current_setting('port'), current_database(), current_user) AS conninfo \gset
SELECT dblink_connect('other', :'conninfo');
SELECT dblink_exec('other', $$DELETE FROM outage_schedule WHERE period = '[2025-06-01 00:00, 2025-06-02 00:00) outage'$$);
SET plan_cache_mode = force_generic_plan;
EXECUTE generic_count;
SET plan_cache_mode = force_custom_plan;
EXECUTE custom_count;
RESET plan_cache_mode;
SELECT affected_count();
-- in one transaction block too (no new lock is taken in between)
BEGIN;
SET LOCAL plan_cache_mode = force_generic_plan;
EXECUTE generic_count;
SELECT dblink_exec('other', $$INSERT INTO outage_schedule (area, period, note)
	VALUES (NULL, '[2025-07-01 00:00, 2025-07-02 00:00) outage', 'ranges test')$$);
EXECUTE generic_count;
SELECT affected_count();
COMMIT;
SELECT dblink_disconnect('other');

-- A constant calendar expands into ranges of its own, with no dependence
-- on the tables; the calendar from a subquery gets range arms whose bounds
-- are evaluated when the scan starts (here through the BRIN index).
SELECT outage_calendar(area, period)::text AS nationwide
FROM outage_schedule WHERE note = 'ranges test' AND area IS NULL \gset
EXPLAIN (COSTS OFF)
SELECT count(*) FROM rv WHERE is_eligibility_affected(pref, at, :'nationwide');
SELECT count(*) FROM rv WHERE is_eligibility_affected(pref, at, :'nationwide');
SELECT pg_temp.explain_initplan($q$
SELECT count(*) FROM rv
WHERE is_eligibility_affected(pref, at, (SELECT current_outage_calendar()))
$q$) AS "QUERY PLAN";

DROP FUNCTION affected_count();
DROP FUNCTION range_counts();
DROP FUNCTION weekly_counts();
DROP TABLE rv, rvp, weekly, cals;
DELETE FROM outage_schedule WHERE note = 'ranges test';
SET client_min_messages = warning;
DROP EXTENSION dblink;
RESET client_min_messages;
