--
-- affecting_windows and eligibility_impact_on_day: the table forms and the
-- calendar forms read one compiled schedule, so on the same data (with a
-- user's edits) they agree, under any TimeZone.  affecting_windows lists
-- the rows that plain SQL over the tables lists, in the same order.
--
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS outage_window;
RESET client_min_messages;
SET DateStyle = 'Postgres, MDY';  -- the style the expected output prints
\set SHOW_CONTEXT never
SET TimeZone = 'UTC';

BEGIN;

-- A user's edits: a new area with two prefectures moved to it, windows that
-- overlap seeded ones (same area and nationwide), a seed changed, a seed
-- deleted, a window with no note, and a facility on an area of its own.
INSERT INTO outage_area (area, description) VALUES ('kyushu', 'test area');
UPDATE prefecture_area SET area = 'kyushu' WHERE prefecture IN ('福岡県', '沖縄県');
INSERT INTO outage_schedule (area, period, note, source) VALUES
	('east', outage_window('2025-02-02 00:00+09', '2025-02-02 04:00+09', 'intermittent'), 'overlaps the seeded outage', 'test'),
	(NULL, outage_window('2025-02-02 07:00+09', '2025-02-02 08:00+09', 'outage'), 'nationwide outage', 'test'),
	('kyushu', outage_window('2025-02-02 07:30+09', '2025-02-02 09:00+09', 'registration_delay'), NULL, NULL),
	('kyushu', outage_window('2025-02-02 07:30+09', '2025-02-02 09:00+09', 'registration_delay'), 'same window twice', NULL),
	('west', outage_window('2025-03-31 23:00+09', '2025-04-01 01:00+09', 'intermittent'), 'across midnight', 'test');
UPDATE outage_schedule SET period = outage_window('2025-02-02 03:00+09', '2025-02-02 21:30+09', 'intermittent')
WHERE id = 2;
DELETE FROM outage_schedule WHERE id = (SELECT min(id) FROM outage_schedule WHERE area = 'west');
INSERT INTO facility_area (facility, area) VALUES ('4012345678', 'east');

-- The old definition, plain SQL over the tables, as the reference.
CREATE FUNCTION pg_temp.sql_windows(p prefecture, t timestamptz)
RETURNS SETOF outage_schedule LANGUAGE sql STABLE AS $$
	SELECT s.* FROM outage_schedule s
	WHERE s.period @> t
	  AND (s.area IS NULL OR s.area = (SELECT a.area FROM prefecture_area a WHERE a.prefecture = p))
	ORDER BY kind(s.period)::eligibility_impact DESC, lower(s.period), upper(s.period), s.id
$$;
CREATE FUNCTION pg_temp.sql_windows(f medical_institution_code, t timestamptz)
RETURNS SETOF outage_schedule LANGUAGE sql STABLE AS $$
	SELECT s.* FROM outage_schedule s
	WHERE s.period @> t
	  AND (s.area IS NULL OR s.area = COALESCE(
			(SELECT fa.area FROM facility_area fa WHERE fa.facility = f),
			(SELECT a.area FROM prefecture_area a WHERE a.prefecture = institution_prefecture(f))))
	ORDER BY kind(s.period)::eligibility_impact DESC, lower(s.period), upper(s.period), s.id
$$;

-- Every prefecture at every window boundary, a microsecond either side,
-- and every six hours of the days around.
CREATE TEMP TABLE probe AS
SELECT p::prefecture AS pref, t
FROM generate_series(1, 47) AS p,
	 (SELECT DISTINCT b + d AS t
	  FROM outage_schedule,
		   unnest(ARRAY[lower(period), upper(period)]) AS b,
		   unnest(ARRAY[interval '-1 microsecond', interval '0', interval '1 microsecond']) AS d
	  UNION
	  SELECT timestamptz '2025-01-31 00:00+09' + h * interval '6 hours'
	  FROM generate_series(0, 16) AS h) AS times;

CREATE TEMP TABLE zones (zone text);
INSERT INTO zones VALUES ('UTC'), ('America/Los_Angeles');

-- The table forms list what plain SQL lists, row for row, in order: all
-- four overloads (a timestamp is a Japan local time whatever TimeZone is).
CREATE FUNCTION pg_temp.table_mismatches(tz text) RETURNS TABLE (
	zone text, probes bigint, with_windows bigint, wrong bigint)
LANGUAGE plpgsql AS $$
BEGIN
	PERFORM set_config('TimeZone', tz, true);
	RETURN QUERY
	SELECT tz, count(*),
		   count(*) FILTER (WHERE EXISTS (SELECT FROM pg_temp.sql_windows(pref, t))),
		   count(*) FILTER (WHERE
				ref IS DISTINCT FROM ARRAY(SELECT w::text FROM affecting_windows(pref, t) w)
			 OR ref IS DISTINCT FROM ARRAY(SELECT w::text FROM affecting_windows(pref, t AT TIME ZONE 'Asia/Tokyo') w)
			 OR ref IS DISTINCT FROM ARRAY(SELECT w::text FROM affecting_windows(pref::text, t) w)
			 OR ref IS DISTINCT FROM ARRAY(SELECT w::text FROM affecting_windows(prefecture_name_en(pref), t AT TIME ZONE 'Asia/Tokyo') w))
	FROM (SELECT pref, t, ARRAY(SELECT w::text FROM pg_temp.sql_windows(pref, t) w) AS ref
		  FROM probe) AS x;
END;
$$;
SELECT m.* FROM zones, pg_temp.table_mismatches(zone) AS m;

-- The facility forms: facility_area's area, else the code's prefecture's.
SELECT count(*) AS probes,
	   count(*) FILTER (WHERE
			ARRAY(SELECT w::text FROM pg_temp.sql_windows(f, t) w)
			IS DISTINCT FROM ARRAY(SELECT w::text FROM affecting_windows(f, t) w)
		 OR ARRAY(SELECT w::text FROM pg_temp.sql_windows(f, t) w)
			IS DISTINCT FROM ARRAY(SELECT w::text FROM affecting_windows(f, t AT TIME ZONE 'Asia/Tokyo') w)) AS wrong
FROM (SELECT DISTINCT t FROM probe) AS p,
	 unnest(ARRAY['4012345678', '4017654321', '1312345678']::medical_institution_code[]) AS f;

-- With a calendar of the same data, the rows are the calendar's segments
-- that cover the visit: at most one of the facility's area and one
-- nationwide, each of the most severe kind the tables' rows of that area
-- (or nationwide) have then, most severe first, and no id, note or source.
SELECT current_outage_calendar() AS cal \gset
CREATE FUNCTION pg_temp.calendar_mismatches(tz text, cal outage_calendar) RETURNS TABLE (
	zone text, probes bigint, with_windows bigint, wrong bigint)
LANGUAGE plpgsql AS $$
BEGIN
	PERFORM set_config('TimeZone', tz, true);
	RETURN QUERY
	SELECT tz, count(*), count(*) FILTER (WHERE c.rows > 0),
		   count(*) FILTER (WHERE
				c.area_kind IS DISTINCT FROM s.area_kind
			 OR c.nation_kind IS DISTINCT FROM s.nation_kind
			 OR c.area_rows > 1 OR c.nation_rows > 1
			 OR NOT c.all_cover OR NOT c.no_identity
			 OR c.first_kind IS DISTINCT FROM NULLIF(eligibility_impact(x.pref, x.t), 'none')
			 OR c.same IS NOT TRUE)
	FROM probe AS x
	CROSS JOIN LATERAL (
		SELECT count(*) AS rows,
			   count(*) FILTER (WHERE w.area IS NOT NULL) AS area_rows,
			   count(*) FILTER (WHERE w.area IS NULL) AS nation_rows,
			   max(kind(w.period)::eligibility_impact) FILTER (WHERE w.area IS NOT NULL) AS area_kind,
			   max(kind(w.period)::eligibility_impact) FILTER (WHERE w.area IS NULL) AS nation_kind,
			   COALESCE(bool_and(w.period @> x.t), true) AS all_cover,
			   COALESCE(bool_and(w.id IS NULL AND w.note IS NULL AND w.source IS NULL), true) AS no_identity,
			   (array_agg(kind(w.period)::eligibility_impact))[1] AS first_kind,
			   -- every overload lists the same rows
			   COALESCE(array_agg(w::text), '{}') = ARRAY(SELECT v::text FROM affecting_windows(x.pref, x.t AT TIME ZONE 'Asia/Tokyo', cal) v)
			   AND COALESCE(array_agg(w::text), '{}') = ARRAY(SELECT v::text FROM affecting_windows(x.pref::text, x.t, cal) v)
			   AND COALESCE(array_agg(w::text), '{}') = ARRAY(SELECT v::text FROM affecting_windows(prefecture_name_en(x.pref), x.t AT TIME ZONE 'Asia/Tokyo', cal) v) AS same
		FROM affecting_windows(x.pref, x.t, cal) AS w) AS c
	CROSS JOIN LATERAL (
		SELECT max(kind(w.period)::eligibility_impact) FILTER (WHERE w.area IS NOT NULL) AS area_kind,
			   max(kind(w.period)::eligibility_impact) FILTER (WHERE w.area IS NULL) AS nation_kind
		FROM affecting_windows(x.pref, x.t) AS w) AS s;
END;
$$;
SELECT m.* FROM zones, pg_temp.calendar_mismatches(zone, :'cal') AS m;

-- What they look like: the edited schedule at 07:45 in Fukuoka (area
-- kyushu), from the tables and from the calendar.
SET LOCAL TimeZone = 'Asia/Tokyo';
SELECT id > 1000 AS added, area, period, note
FROM affecting_windows('福岡県', timestamp '2025-02-02 07:45');
SELECT id, area, period, note, source
FROM affecting_windows('福岡県', timestamp '2025-02-02 07:45', :'cal');
-- a prefecture moved to an area without windows: the nationwide rows only
INSERT INTO outage_area (area) VALUES ('quiet');
UPDATE prefecture_area SET area = 'quiet' WHERE prefecture = '大阪府';
SELECT area, period FROM affecting_windows('大阪府', timestamp '2025-02-02 07:45');
SELECT area, period FROM affecting_windows('大阪府', timestamp '2025-02-02 07:45', current_outage_calendar());
SELECT count(*) AS none_at_noon FROM affecting_windows('大阪府', timestamp '2025-02-05 12:00');
RESET TimeZone;

-- eligibility_impact_on_day: the calendar forms answer as the table forms,
-- for both overloads, every prefecture and every Japan day around the
-- windows, under each TimeZone (a date is a Japan date).
SELECT current_outage_calendar() AS cal \gset
CREATE FUNCTION pg_temp.day_mismatches(tz text, cal outage_calendar) RETURNS TABLE (
	zone text, days bigint, affected_days bigint, wrong bigint)
LANGUAGE plpgsql AS $$
BEGIN
	PERFORM set_config('TimeZone', tz, true);
	RETURN QUERY
	SELECT tz, count(*), count(*) FILTER (WHERE eligibility_impact_on_day(p, d) <> 'none'),
		   count(*) FILTER (WHERE
				eligibility_impact_on_day(p, d, cal) IS DISTINCT FROM eligibility_impact_on_day(p, d)
			 OR eligibility_impact_on_day(p::text, d, cal) IS DISTINCT FROM eligibility_impact_on_day(p, d)
			 OR eligibility_impact_on_day(prefecture_name_en(p), d) IS DISTINCT FROM eligibility_impact_on_day(p, d)
			 -- and the day's answer is the most severe window touching it
			 OR eligibility_impact_on_day(p, d) IS DISTINCT FROM COALESCE(
					(SELECT max(kind(s.period)::eligibility_impact) FROM outage_schedule s
					 WHERE s.period && tstzrange(japan_time(d::timestamp), japan_time(d::timestamp + interval '1 day'))
					   AND (s.area IS NULL OR s.area = (SELECT a.area FROM prefecture_area a WHERE a.prefecture = p))),
					'none'))
	FROM generate_series(1, 47) AS g, CAST(g AS prefecture) AS p,
		 generate_series(date '2025-01-30', date '2025-04-02', interval '1 day') AS dd, CAST(dd AS date) AS d;
END;
$$;
SELECT m.* FROM zones, pg_temp.day_mismatches(zone, :'cal') AS m;

ROLLBACK;

-- A statement sees the schedule its snapshot sees: a window added in the
-- transaction is listed by the next statement, and gone after ROLLBACK.
BEGIN;
SELECT count(*) AS before FROM affecting_windows('沖縄県', timestamptz '2030-01-01 12:00+09');
INSERT INTO outage_schedule (area, period, note) VALUES
	(NULL, outage_window('2030-01-01', '2030-01-02', 'outage'), 'future');
SELECT note FROM affecting_windows('沖縄県', timestamptz '2030-01-01 12:00+09');
ROLLBACK;
SELECT count(*) AS after_rollback FROM affecting_windows('沖縄県', timestamptz '2030-01-01 12:00+09');

-- In a select list too, and in a PL/pgSQL loop whose statements share the
-- call site (each statement sees its own schedule).
SELECT (affecting_windows('大阪府', timestamp '2025-02-02 07:20')).id;
DO $$
DECLARE
	n int;
BEGIN
	FOR i IN 1..2 LOOP
		SELECT count(*) INTO n FROM affecting_windows('沖縄県'::prefecture, timestamptz '2030-01-01 12:00+09');
		RAISE NOTICE 'pass %: % window(s)', i, n;
		INSERT INTO outage_schedule (area, period, note) VALUES
			(NULL, outage_window('2030-01-01', '2030-01-02', 'outage'), 'loop');
	END LOOP;
	RAISE EXCEPTION USING ERRCODE = 'P0001', MESSAGE = 'rolled back';
EXCEPTION WHEN raise_exception THEN
	RAISE NOTICE 'after the loop: % window(s)', (SELECT count(*) FROM affecting_windows('沖縄県'::prefecture, timestamptz '2030-01-01 12:00+09'));
END
$$;

-- Bad input is refused as the other eligibility functions refuse it.
\set VERBOSITY sqlstate
SELECT * FROM affecting_windows('Atlantis', timestamptz '2025-02-02 07:30+09');
SELECT * FROM affecting_windows('Atlantis', timestamptz '2025-02-02 07:30+09', '{}');
\set VERBOSITY default
SELECT count(*) AS strict_null FROM affecting_windows('東京都', NULL::timestamptz, '{}');
