--
-- The schedule and the eligibility functions.
--
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS outage_window;
RESET client_min_messages;
\set SHOW_CONTEXT never

-- The seeds: the notice's split and windows.
SELECT area, count(*) FROM prefecture_area GROUP BY area ORDER BY area;
SELECT string_agg(prefecture::text, ',' ORDER BY prefecture) AS east
FROM prefecture_area WHERE area = 'east';
SELECT id, area, period FROM outage_schedule ORDER BY id;

-- Every boundary of every seeded window, for an East (東京都) and a West
-- (大阪府) prefecture.  The expectations are written in Japan time.
CREATE TEMP TABLE boundary_case (
	pref prefecture, at timestamptz, affected boolean, impact eligibility_impact);
INSERT INTO boundary_case VALUES
	('東京都', '2025-02-01 21:59:59.999999+09', false, 'none'),
	('東京都', '2025-02-01 22:00:00+09', true, 'outage'),
	('東京都', '2025-02-02 00:29:59.999999+09', true, 'outage'),
	('東京都', '2025-02-02 00:30:00+09', false, 'none'),
	('東京都', '2025-02-02 02:59:59.999999+09', false, 'none'),
	('東京都', '2025-02-02 03:00:00+09', true, 'intermittent'),
	('東京都', '2025-02-02 07:30:00+09', true, 'intermittent'),
	('東京都', '2025-02-02 21:59:59.999999+09', true, 'intermittent'),
	('東京都', '2025-02-02 22:00:00+09', false, 'none'),
	('大阪府', '2025-02-01 21:59:59.999999+09', false, 'none'),
	('大阪府', '2025-02-01 22:00:00+09', false, 'registration_delay'),
	('大阪府', '2025-02-02 00:29:59.999999+09', false, 'registration_delay'),
	('大阪府', '2025-02-02 00:30:00+09', false, 'none'),
	('大阪府', '2025-02-02 03:00:00+09', false, 'registration_delay'),
	('大阪府', '2025-02-02 06:59:59.999999+09', false, 'registration_delay'),
	('大阪府', '2025-02-02 07:00:00+09', true, 'intermittent'),
	('大阪府', '2025-02-02 07:59:59.999999+09', true, 'intermittent'),
	('大阪府', '2025-02-02 08:00:00+09', false, 'registration_delay'),
	('大阪府', '2025-02-02 21:59:59.999999+09', false, 'registration_delay'),
	('大阪府', '2025-02-02 22:00:00+09', false, 'none');

-- Under four session time zones the answers do not change, for the
-- timestamptz overload and for the local-time overload fed Japan wall time.
CREATE FUNCTION boundary_mismatches(tz text) RETURNS TABLE (
	zone text, cases bigint, wrong_tstz bigint, wrong_local bigint,
	wrong_text bigint)
LANGUAGE plpgsql AS $$
BEGIN
	PERFORM set_config('TimeZone', tz, true);
	RETURN QUERY
	SELECT tz, count(*),
		   count(*) FILTER (WHERE is_eligibility_affected(c.pref, c.at) IS DISTINCT FROM c.affected
							   OR eligibility_impact(c.pref, c.at) IS DISTINCT FROM c.impact),
		   count(*) FILTER (WHERE is_eligibility_affected(c.pref, (c.at AT TIME ZONE 'Asia/Tokyo')) IS DISTINCT FROM c.affected
							   OR eligibility_impact(c.pref, (c.at AT TIME ZONE 'Asia/Tokyo')) IS DISTINCT FROM c.impact),
		   count(*) FILTER (WHERE is_eligibility_affected(c.pref::text, c.at) IS DISTINCT FROM c.affected
							   OR eligibility_impact(prefecture_name_en(c.pref), (c.at AT TIME ZONE 'Asia/Tokyo')) IS DISTINCT FROM c.impact)
	FROM boundary_case c;
END;
$$;
SELECT b.* FROM unnest(ARRAY['UTC', 'Asia/Tokyo', 'America/Los_Angeles', 'Pacific/Chatham']) AS z,
	 boundary_mismatches(z) AS b;

-- The answers themselves, once, in Japan time.
SET TimeZone = 'Asia/Tokyo';
SET DateStyle = 'Postgres, MDY';
SELECT pref, at, is_eligibility_affected(pref, at) AS affected,
	   eligibility_impact(pref, at) AS impact
FROM boundary_case ORDER BY pref, at;

-- A local visit time is Japan time whatever TimeZone says.
SET TimeZone = 'America/Los_Angeles';
SELECT is_eligibility_affected('東京都'::prefecture, timestamp '2025-02-01 22:00') AS local_2200,
	   is_eligibility_affected('東京都'::prefecture, timestamp '2025-02-01 21:59:59') AS local_2159,
	   is_eligibility_affected('東京都'::prefecture, timestamptz '2025-02-01 22:00') AS la_2200,
	   japan_time(timestamp '2025-02-01 22:00') = timestamptz '2025-02-01 13:00:00+00' AS japan_time_ok;
SET TimeZone = 'Pacific/Chatham';
SELECT is_eligibility_affected('北海道'::prefecture, timestamp '2025-02-02 00:29:59') AS before_end,
	   is_eligibility_affected('北海道'::prefecture, timestamp '2025-02-02 00:30:00') AS at_end;
RESET TimeZone;
RESET DateStyle;

-- The text overloads read the prefecture as the type does.
SELECT is_eligibility_affected(p, timestamptz '2025-02-01 23:00+09') AS affected, p
FROM unnest(ARRAY['東京都', '東京', 'Tokyo', 'ﾄｳｷｮｳﾄ', '13', '大阪府', 'osaka', 'ｵｵｻｶ']) AS p;
SELECT eligibility_impact(p::varchar, timestamp '2025-02-02 07:15') AS impact, p
FROM unnest(ARRAY['北海道', 'Hyogo', '27', 'おきなわ']) AS p;
\set VERBOSITY sqlstate
SELECT is_eligibility_affected('東京県', timestamptz '2025-02-01 23:00+09');
SELECT eligibility_impact('Atlantis'::text, timestamp '2025-02-01 23:00');
\set VERBOSITY default

-- NULLs in, NULL out.
SELECT is_eligibility_affected(NULL::prefecture, now()) IS NULL AS null_pref,
	   eligibility_impact('東京都'::prefecture, NULL::timestamptz) IS NULL AS null_time;

-- Why: the windows behind the answer, most severe first.
SELECT id, area, period, note FROM affecting_windows('大阪府'::prefecture, timestamptz '2025-02-02 07:30+09');
SELECT id, area FROM affecting_windows('Tokyo', timestamp '2025-02-01 23:00');
SELECT count(*) FROM affecting_windows('沖縄県'::prefecture, timestamptz '2025-02-10 12:00+09');

-- What to do.
SELECT impact, review_guidance(impact) ~ '[ぁ-んァ-ン]' AS ja_is_japanese,
	   review_guidance(impact, 'en') AS en
FROM unnest(enum_range(NULL::eligibility_impact)) AS impact;
SELECT review_guidance('outage') LIKE '%資格申立書%' AS mentions_declaration,
	   review_guidance('outage', 'EN') LIKE '%77777777%' AS mentions_unknown_insurer;
\set VERBOSITY sqlstate
SELECT review_guidance('outage', 'fr');
\set VERBOSITY default

-- Users add windows: a nationwide one and one for an area, seen at once,
-- by the next statement of the same transaction.
BEGIN;
INSERT INTO outage_schedule (area, period, note, source) VALUES
	(NULL, outage_window('2025-03-01 01:00+09', '2025-03-01 02:00+09', 'outage'), 'nationwide test', 'test'),
	('west', outage_window('2025-03-01 01:30+09', '2025-03-01 03:00+09', 'intermittent'), 'west test', 'test');
SELECT p, eligibility_impact(p, timestamptz '2025-03-01 01:45+09') AS at_0145,
	   eligibility_impact(p, timestamptz '2025-03-01 02:30+09') AS at_0230
FROM unnest(ARRAY['東京都', '福岡県']::prefecture[]) AS p;
-- Overlaps: the most severe window wins, and wins only where it applies.
SET LOCAL TimeZone = 'Asia/Tokyo';
SET LOCAL DateStyle = 'Postgres, MDY';
INSERT INTO outage_schedule (area, period) VALUES
	('east', outage_window('2025-02-02 10:00+09', '2025-02-02 11:00+09', 'outage'));
SELECT t, eligibility_impact('東京都'::prefecture, t)
FROM unnest(ARRAY['2025-02-02 09:59:59+09', '2025-02-02 10:00+09',
				  '2025-02-02 10:59:59+09', '2025-02-02 11:00+09']::timestamptz[]) AS t;
-- Changed and deleted windows are seen by the next statement too.
UPDATE outage_schedule SET period = outage_window('2025-02-01 23:00+09', '2025-02-02 00:30+09', 'outage') WHERE id = 1;
SELECT is_eligibility_affected('東京都'::prefecture, timestamptz '2025-02-01 22:30+09') AS after_update;
DELETE FROM outage_schedule WHERE id = 1;
SELECT is_eligibility_affected('東京都'::prefecture, timestamptz '2025-02-01 23:30+09') AS after_delete;
ROLLBACK;
SELECT is_eligibility_affected('東京都'::prefecture, timestamptz '2025-02-01 22:30+09') AS after_rollback,
	   (SELECT count(*) FROM outage_schedule_deleted_seed) AS deleted_seeds;

-- A prepared statement sees the schedule as it is when it runs.
PREPARE affected(prefecture, timestamptz) AS SELECT is_eligibility_affected($1, $2);
EXECUTE affected('沖縄県', '2025-04-01 12:00+09');
INSERT INTO outage_schedule (area, period, note) VALUES
	('west', outage_window('2025-04-01 11:00+09', '2025-04-01 13:00+09', 'outage'), 'prepared test');
EXECUTE affected('沖縄県', '2025-04-01 12:00+09');
DELETE FROM outage_schedule WHERE note = 'prepared test';
EXECUTE affected('沖縄県', '2025-04-01 12:00+09');
DEALLOCATE affected;

-- Moving a prefecture to another area moves its windows.
BEGIN;
UPDATE prefecture_area SET area = 'east' WHERE prefecture = '静岡県';
SELECT eligibility_impact('静岡県'::prefecture, timestamptz '2025-02-01 23:00+09');
ROLLBACK;

-- Bad edits are refused, and nothing stored changes.
\set VERBOSITY sqlstate
INSERT INTO outage_schedule (area, period) VALUES
	('north', outage_window('2025-05-01 00:00+09', '2025-05-01 01:00+09'));
INSERT INTO outage_schedule (area, period) VALUES ('east', NULL);
INSERT INTO outage_schedule (id, area, period) VALUES
	(99, 'east', outage_window('2025-05-01 00:00+09', '2025-05-01 01:00+09'));
DELETE FROM prefecture_area WHERE prefecture = '東京都';
TRUNCATE prefecture_area;
UPDATE prefecture_area SET area = 'north' WHERE prefecture = '東京都';
\set VERBOSITY default
SELECT count(*) AS windows, (SELECT count(*) FROM prefecture_area) AS prefectures
FROM outage_schedule;

-- An INSERT of a prefecture is a key violation, as on any table (1.0 turned
-- it into an UPDATE and reported INSERT 0 0); an upsert works.  Only during
-- a restore (check_function_bodies off) does an INSERT of a prefecture
-- still in its notice area set its area: how a restore puts back a dumped
-- edit.
BEGIN;
INSERT INTO outage_area VALUES ('atami', '熱海市: NTT East lines in Shizuoka');
SAVEPOINT s;
\set VERBOSITY sqlstate
INSERT INTO prefecture_area VALUES ('静岡県', 'atami');
\set VERBOSITY default
ROLLBACK TO SAVEPOINT s;
SELECT * FROM prefecture_area WHERE prefecture = '静岡県';
INSERT INTO prefecture_area VALUES ('静岡県', 'atami')
ON CONFLICT (prefecture) DO UPDATE SET area = excluded.area;
SELECT * FROM prefecture_area WHERE prefecture = '静岡県';
ROLLBACK;
BEGIN;
INSERT INTO outage_area VALUES ('atami', '熱海市: NTT East lines in Shizuoka');
SET LOCAL check_function_bodies = off;
INSERT INTO prefecture_area VALUES ('静岡県', 'atami');
SELECT * FROM prefecture_area WHERE prefecture = '静岡県';
ROLLBACK;

-- Ids up to 1000 are reserved for shipped windows: outside a restore, an
-- INSERT with one is refused unless it puts a shipped window back.
BEGIN;
INSERT INTO outage_schedule (id, area, period) OVERRIDING SYSTEM VALUE
VALUES (7, 'east', '[2025-03-01 01:00, 2025-03-01 02:00) outage');
ROLLBACK;
BEGIN;
DELETE FROM outage_schedule WHERE id = 3;
INSERT INTO outage_schedule OVERRIDING SYSTEM VALUE
SELECT * FROM shipped_outage_windows() WHERE id = 3;
SELECT count(*) AS deleted_seeds FROM outage_schedule_deleted_seed;
SET LOCAL check_function_bodies = off;
INSERT INTO outage_schedule (id, area, period) OVERRIDING SYSTEM VALUE
VALUES (7, 'east', '[2025-03-01 01:00, 2025-03-01 02:00) outage');
SELECT id, area, period FROM outage_schedule WHERE id IN (3, 7) ORDER BY id;
ROLLBACK;

-- outage_window() with timestamp bounds reads Japan wall-clock time, as a
-- literal does, whatever TimeZone says; timestamptz bounds are absolute,
-- and untyped literals still resolve to the timestamptz form.
SET TimeZone = 'UTC';
SELECT outage_window(timestamp '2025-02-01 22:00', timestamp '2025-02-02 00:30') AS from_timestamp,
	   outage_window(timestamp '2025-02-01 22:00', timestamp '2025-02-02 00:30')
		 = '[2025-02-01 22:00, 2025-02-02 00:30) outage'::outage_window AS same_as_literal,
	   outage_window(timestamptz '2025-02-01 13:00+00', timestamptz '2025-02-01 15:30+00',
					 'registration_delay') AS from_timestamptz,
	   outage_window('2025-02-01 22:00', '2025-02-02 00:30') AS untyped_read_in_utc;
SET TimeZone = 'America/New_York';
SELECT outage_window(timestamp '2025-02-01 22:00', timestamp '2025-02-02 00:30', 'intermittent') AS new_york,
	   outage_window(timestamp '-infinity', timestamp 'infinity') AS unbounded;
RESET TimeZone;

-- Objects of the same names elsewhere on the search_path change nothing.
CREATE SCHEMA hostile;
CREATE TABLE hostile.outage_schedule (LIKE outage_schedule);
CREATE TABLE hostile.prefecture_area (prefecture prefecture, area text);
INSERT INTO hostile.prefecture_area VALUES ('東京都', 'west');
INSERT INTO hostile.outage_schedule (id, area, period) VALUES
	(1, 'west', outage_window('2000-01-01', '2100-01-01', 'outage'));
CREATE FUNCTION hostile.notice_area(prefecture) RETURNS text LANGUAGE sql AS $$ SELECT 'west' $$;
SET search_path = hostile, public;
SELECT is_eligibility_affected('東京都'::prefecture, timestamptz '2025-02-01 21:00+09') AS tokyo_2100,
	   is_eligibility_affected('東京都'::prefecture, timestamptz '2025-02-01 23:00+09') AS tokyo_2300,
	   (SELECT count(*) FROM public.affecting_windows('東京都'::prefecture, timestamptz '2025-02-01 21:00+09')) AS windows_2100;
RESET search_path;
DROP SCHEMA hostile CASCADE;

-- Everyone reads, only the owner writes.
CREATE ROLE ow_clerk;
SET ROLE ow_clerk;
SELECT count(*) AS readable FROM outage_schedule;
SELECT is_eligibility_affected('東京都'::prefecture, timestamptz '2025-02-01 23:00+09') AS clerk_sees;
\set VERBOSITY sqlstate
INSERT INTO outage_schedule (area, period) VALUES ('east', outage_window('2025-06-01', '2025-06-02'));
UPDATE prefecture_area SET area = 'west';
DELETE FROM outage_schedule;
\set VERBOSITY default
RESET ROLE;
DROP ROLE ow_clerk;

-- Labels users and the planner rely on.
SELECT p.oid::regprocedure AS function, p.provolatile, p.proisstrict, p.proparallel
FROM pg_proc p
WHERE p.proname IN ('is_eligibility_affected', 'eligibility_impact', 'affecting_windows',
					'review_guidance', 'japan_time')
ORDER BY p.proname, p.oid::regprocedure::text;

-- A damaged installation is reported with advice that keeps the user's
-- schedule (never DROP EXTENSION, which would delete it).
\set VERBOSITY default
BEGIN;
ALTER TABLE prefecture_area RENAME TO prefecture_area_moved;
SELECT is_eligibility_affected('東京都'::prefecture, timestamptz '2025-02-01 23:00+09');
ROLLBACK;
BEGIN;
ALTER TABLE outage_schedule RENAME COLUMN period TO period_moved;
SELECT is_eligibility_affected('東京都'::prefecture, timestamptz '2025-02-01 23:00+09');
ROLLBACK;
BEGIN;
ALTER TYPE eligibility_impact RENAME VALUE 'outage' TO 'down';
SELECT eligibility_impact('東京都'::prefecture, timestamptz '2025-02-01 23:00+09');
ROLLBACK;
SELECT eligibility_impact('東京都'::prefecture, timestamptz '2025-02-01 23:00+09') AS restored;
