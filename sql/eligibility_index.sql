--
-- The planner support function: with a btree index on the visit time,
-- WHERE is_eligibility_affected(...) is answered through the index, with
-- the schedule's windows as literal ranges (or, for a calendar computed
-- when the query runs, bounds read then), and gives exactly the answers of
-- a full scan - also from a cached plan after the schedule changes.
--
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS outage_window;
RESET client_min_messages;
SET DateStyle = 'Postgres, MDY';  -- the style the expected output prints
SET TimeZone = 'Asia/Tokyo';

-- Visits every 97 seconds from 2025-01-25 to 2025-02-08, Japan time, at
-- facilities all over the country; the same visits with local timestamps
-- and text prefectures.
CREATE TEMP TABLE visit AS
SELECT g AS id, (g % 47 + 1)::prefecture AS pref,
	   timestamptz '2025-01-25 00:00+09' + g * interval '97 seconds' AS at
FROM generate_series(1, 12000) AS g;
CREATE TEMP TABLE visit_local AS
SELECT id, pref::text AS pref, (at AT TIME ZONE 'Asia/Tokyo') AS at FROM visit;
CREATE INDEX visit_at ON visit (at);
CREATE INDEX visit_local_at ON visit_local (at);
ANALYZE visit, visit_local;

-- Each query's count by full scan and through the index; they must agree.
CREATE FUNCTION counts(query text, OUT scanned bigint, OUT indexed bigint, OUT index_used boolean)
LANGUAGE plpgsql AS $$
DECLARE
	plan text;
BEGIN
	PERFORM set_config('enable_indexscan', 'off', true);
	PERFORM set_config('enable_bitmapscan', 'off', true);
	PERFORM set_config('enable_seqscan', 'on', true);
	EXECUTE query INTO scanned;
	PERFORM set_config('enable_indexscan', 'on', true);
	PERFORM set_config('enable_bitmapscan', 'on', true);
	PERFORM set_config('enable_seqscan', 'off', true);
	EXECUTE query INTO indexed;
	index_used := false;
	FOR plan IN EXECUTE 'EXPLAIN (COSTS OFF) ' || query LOOP
		index_used := index_used OR plan ~ 'Index Cond: ';
	END LOOP;
	PERFORM set_config('enable_seqscan', 'on', true);
END;
$$;

SELECT q, c.*
FROM unnest(ARRAY[
	'SELECT count(*) FROM visit WHERE is_eligibility_affected(pref, at)',
	'SELECT count(*) FROM visit WHERE is_eligibility_affected(pref::text, at)',
	'SELECT count(*) FROM visit_local WHERE is_eligibility_affected(pref, at)',
	'SELECT count(*) FROM visit_local WHERE is_eligibility_affected(pref::prefecture, at)',
	'SELECT count(*) FROM visit WHERE is_eligibility_affected(''大阪府''::prefecture, at)',
	'SELECT count(*) FROM visit_local WHERE is_eligibility_affected(''北海道''::prefecture, at)',
	'SELECT count(*) FROM visit WHERE is_eligibility_affected(pref, at) AND pref = ''東京都'''
]) AS q, counts(q) AS c;

-- The plans: bounds are calls evaluated when the scan starts, narrowed to
-- the facility's own windows when its prefecture is a constant.
SET enable_seqscan = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM visit WHERE is_eligibility_affected(pref, at);
EXPLAIN (COSTS OFF) SELECT count(*) FROM visit WHERE is_eligibility_affected('大阪府'::prefecture, at);
EXPLAIN (COSTS OFF) SELECT count(*) FROM visit_local WHERE is_eligibility_affected(pref, at);
RESET enable_seqscan;
SELECT eligibility_affected_bound(false) AS starts, eligibility_affected_bound(true) AS ends,
	   eligibility_affected_bound('大阪府'::prefecture, false) AS osaka_starts,
	   eligibility_affected_bound('大阪府'::prefecture, true) AS osaka_ends,
	   eligibility_affected_bound_local(false) AS local_starts;

-- A generic cached plan stays right when the schedule changes under it.
SET plan_cache_mode = force_generic_plan;
SET enable_seqscan = off;
PREPARE flagged AS SELECT count(*) FROM visit WHERE is_eligibility_affected(pref, at);
PREPARE flagged_local AS SELECT count(*) FROM visit_local WHERE is_eligibility_affected(pref, at);
EXECUTE flagged;
EXECUTE flagged_local;
-- a nationwide outage outside the old span, and a longer East outage
INSERT INTO outage_schedule (area, period, note) VALUES
	(NULL, outage_window('2025-02-05 10:00+09', '2025-02-05 11:00+09', 'outage'), 'index test'),
	('east', outage_window('2025-01-30 09:00+09', '2025-01-30 12:00+09', 'intermittent'), 'index test');
EXECUTE flagged;
EXECUTE flagged_local;
RESET enable_seqscan;
SELECT count(*) AS scanned_after_change FROM visit WHERE is_eligibility_affected(pref, at);
SELECT c.* FROM counts('SELECT count(*) FROM visit WHERE is_eligibility_affected(pref, at)') AS c;
-- with every window gone, the bounds are NULL and the index finds nothing
BEGIN;
DELETE FROM outage_schedule;
SET LOCAL enable_seqscan = off;
EXECUTE flagged;
EXECUTE flagged_local;
SELECT eligibility_affected_bound(false) IS NULL AS no_bounds;
ROLLBACK;
DELETE FROM outage_schedule WHERE note = 'index test';
EXECUTE flagged;
DEALLOCATE flagged;
DEALLOCATE flagged_local;
RESET plan_cache_mode;

-- The estimate follows the schedule: close to the few percent of visits
-- really flagged, not the default third of the table.
CREATE FUNCTION estimated_rows(query text) RETURNS int
LANGUAGE plpgsql AS $$
DECLARE
	line text;
BEGIN
	FOR line IN EXECUTE 'EXPLAIN ' || query LOOP
		RETURN (regexp_match(line, 'rows=(\d+)'))[1]::int;
	END LOOP;
END;
$$;
SELECT estimated_rows('SELECT * FROM visit WHERE is_eligibility_affected(pref, at)') BETWEEN 150 AND 600 AS estimate_close,
	   (SELECT count(*) FROM visit WHERE is_eligibility_affected(pref, at)) AS actual,
	   (SELECT count(*) FROM visit) AS visits;
