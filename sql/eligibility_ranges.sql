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
-- on the tables; the calendar from a subquery keeps the bounds evaluated
-- when the scan starts.
SELECT outage_calendar(area, period)::text AS nationwide
FROM outage_schedule WHERE note = 'ranges test' AND area IS NULL \gset
EXPLAIN (COSTS OFF)
SELECT count(*) FROM rv WHERE is_eligibility_affected(pref, at, :'nationwide');
SELECT count(*) FROM rv WHERE is_eligibility_affected(pref, at, :'nationwide');
EXPLAIN (COSTS OFF)
SELECT count(*) FROM rv
WHERE is_eligibility_affected(pref, at, (SELECT current_outage_calendar()));

DROP FUNCTION affected_count();
DROP FUNCTION range_counts();
DROP TABLE rv, rvp;
DELETE FROM outage_schedule WHERE note = 'ranges test';
SET client_min_messages = warning;
DROP EXTENSION dblink;
RESET client_min_messages;
