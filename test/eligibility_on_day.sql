--
-- eligibility_on_day / eligibility_grade_on_day: the day-level answer over
-- opening hours agrees, for every prefecture form, calendar form and
-- session TimeZone, with one computed minute by minute from the per-visit
-- functions (every window bound below is on a minute): windows crossing
-- midnight, nationwide windows overlapping an area's, days with no
-- window, and a schedule whose areas are kept apart from the nationwide
-- windows when compiled (many areas, many nationwide windows).
--
BEGIN;
CREATE EXTENSION outage_window;
SELECT plan(16);

DELETE FROM outage_schedule;
INSERT INTO outage_schedule (area, period, note) VALUES
	(NULL, outage_window('2025-03-01 23:30+09', '2025-03-02 00:10+09', 'registration_delay'), 'nationwide, over midnight'),
	(NULL, outage_window('2025-03-05 10:00+09', '2025-03-05 10:30+09', 'outage'), 'nationwide'),
	('east', outage_window('2025-03-02 00:00+09', '2025-03-03 00:00+09', 'intermittent'), 'a whole day'),
	('east', outage_window('2025-03-05 10:15+09', '2025-03-05 11:00+09', 'intermittent'), 'overlaps the nationwide one'),
	('west', outage_window('2025-03-03 23:00+09', '2025-03-04 01:00+09', 'outage'), 'over midnight'),
	('west', outage_window('2025-03-08 09:00+09', '2025-03-08 18:00+09', 'outage'), 'a working day');

CREATE TEMP TABLE cases AS
SELECT p, d, h
FROM unnest(ARRAY[1, 13, 27, 47]) AS pp(n), LATERAL (SELECT pp.n::prefecture AS p) AS x,
	 unnest(ARRAY['2025-03-01', '2025-03-02', '2025-03-03', '2025-03-04', '2025-03-05',
				  '2025-03-06', '2025-03-08', '2025-03-09', '2025-04-02']::date[]) AS d,
	 unnest(ARRAY[NULL, '{09:00,12:30,14:00,18:00}', '{00:00,00:05,23:45,24:00}',
				  '{10:00,10:20}', '{10:10,10:40,10:20,10:50}', '{09:00,18:00}', '{}']::text[]) AS h;

-- minute by minute, from is_eligibility_affected and eligibility_impact
CREATE TEMP VIEW expected AS
SELECT c.p, c.d, c.h,
	   coalesce(max(eligibility_impact(c.p, japan_time(c.d + m * interval '1 min'))), 'none') AS impact,
	   count(*) FILTER (WHERE is_eligibility_affected(c.p, japan_time(c.d + m * interval '1 min'))) AS affected,
	   count(m) AS open
FROM cases c
LEFT JOIN LATERAL (
	SELECT DISTINCT m
	FROM generate_series(1, coalesce(cardinality(c.h::time[]), 2), 2) AS i,
		 LATERAL generate_series(
			 coalesce(extract(epoch FROM (c.h::time[])[i])::int / 60, 0),
			 coalesce(extract(epoch FROM (c.h::time[])[i + 1])::int / 60, 1440) - 1) AS m
) AS mm ON true
GROUP BY c.p, c.d, c.h;

CREATE TEMP VIEW expected_answer AS
SELECT p, d, h, impact,
	   CASE WHEN affected = 0 THEN 'none' WHEN affected = open THEN 'certain' ELSE 'possible' END::eligibility_grade AS grade,
	   affected * interval '1 min' AS affected_time, open * interval '1 min' AS open_time
FROM expected;

CREATE TEMP TABLE answers AS SELECT * FROM expected_answer;

SELECT is((SELECT count(*) FROM answers a
		   WHERE eligibility_on_day(a.p, a.d, a.h::time[])::text IS DISTINCT FROM ROW(a.impact, a.grade, a.affected_time, a.open_time)::text),
		  0::bigint, 'prefecture form agrees with the minute-by-minute answer');
SELECT is((SELECT count(*) FROM answers a
		   WHERE eligibility_on_day(prefecture_name_en(a.p), a.d, a.h::time[])::text IS DISTINCT FROM ROW(a.impact, a.grade, a.affected_time, a.open_time)::text),
		  0::bigint, 'text form agrees');
SELECT is((SELECT count(*) FROM answers a
		   WHERE eligibility_on_day(a.p, a.d, (SELECT current_outage_calendar()), a.h::time[])::text
				 IS DISTINCT FROM ROW(a.impact, a.grade, a.affected_time, a.open_time)::text),
		  0::bigint, 'calendar form agrees');
SELECT is((SELECT count(*) FROM answers a
		   WHERE eligibility_grade_on_day(a.p::text, a.d, (SELECT current_outage_calendar()), a.h::time[]) IS DISTINCT FROM a.grade
			  OR eligibility_grade_on_day(a.p, a.d, a.h::time[]) IS DISTINCT FROM a.grade),
		  0::bigint, 'eligibility_grade_on_day agrees');
SELECT is((SELECT count(*) FROM answers a WHERE a.h IS NULL
		   AND (eligibility_on_day(a.p, a.d)).impact IS DISTINCT FROM eligibility_impact_on_day(a.p, a.d)),
		  0::bigint, 'over the whole day, the impact is eligibility_impact_on_day''s');
SELECT is((SELECT array_agg(DISTINCT grade::text ORDER BY grade::text) FROM answers),
		  ARRAY['certain', 'none', 'possible'], 'the check is not vacuous: every grade is compared');
SELECT is((SELECT array_agg(DISTINCT impact::text ORDER BY impact::text) FROM answers),
		  ARRAY['intermittent', 'none', 'outage', 'registration_delay'], 'and every impact');

SET LOCAL TimeZone = 'America/New_York';	-- its DST starts on 2025-03-09
SELECT is((SELECT count(*) FROM answers a
		   WHERE eligibility_on_day(a.p, a.d, a.h::time[])::text IS DISTINCT FROM ROW(a.impact, a.grade, a.affected_time, a.open_time)::text),
		  0::bigint, 'a date and its hours are Japan''s under another TimeZone');
RESET TimeZone;

-- many areas and nationwide windows: compiled apart, searched piecewise
INSERT INTO outage_area VALUES ('a1', 'test'), ('a2', 'test'), ('a3', 'test');
UPDATE prefecture_area SET area = 'a1' WHERE prefecture = '北海道';
UPDATE prefecture_area SET area = 'a2' WHERE prefecture = '沖縄県';
UPDATE prefecture_area SET area = 'a3' WHERE prefecture = '青森県';
INSERT INTO outage_schedule (area, period, note)
SELECT NULL, outage_window(t, t + interval '20 min', CASE WHEN i % 2 = 0 THEN 'intermittent' ELSE 'registration_delay' END), 'filler'
FROM generate_series(1, 40) AS i, LATERAL (SELECT timestamptz '2025-04-01 00:00+09' + i * interval '50 min' AS t) AS x;
INSERT INTO outage_schedule (area, period, note) VALUES
	('a1', outage_window('2025-03-05 10:20+09', '2025-03-05 10:45+09', 'outage'), 'overlaps the nationwide one'),
	('a2', outage_window('2025-04-02 00:10+09', '2025-04-02 02:00+09', 'outage'), 'over the fillers'),
	('a3', outage_window('2025-03-01 23:00+09', '2025-03-02 00:30+09', 'intermittent'), 'over midnight');
INSERT INTO cases
SELECT p, d, h FROM (SELECT DISTINCT d, h FROM cases) AS x, unnest(ARRAY[2::prefecture]) AS p;
DROP TABLE answers;
CREATE TEMP TABLE answers AS SELECT * FROM expected_answer;

SELECT is((SELECT count(*) FROM answers a
		   WHERE eligibility_on_day(a.p, a.d, a.h::time[])::text IS DISTINCT FROM ROW(a.impact, a.grade, a.affected_time, a.open_time)::text),
		  0::bigint, 'areas kept apart: prefecture form agrees');
SELECT is((SELECT count(*) FROM answers a
		   WHERE eligibility_on_day(a.p, a.d, (SELECT current_outage_calendar()), a.h::time[])::text
				 IS DISTINCT FROM ROW(a.impact, a.grade, a.affected_time, a.open_time)::text),
		  0::bigint, 'areas kept apart: calendar form agrees');
SELECT is((SELECT array_agg(DISTINCT grade::text) FROM answers WHERE d = '2025-04-02' AND h IS NULL),
		  ARRAY['possible'], 'the nationwide fillers make 2 April possible everywhere');

-- NULLs and bad hours
SELECT is(eligibility_on_day('東京都'::prefecture, NULL::date), NULL, 'a NULL day answers NULL');
SELECT is(eligibility_grade_on_day('東京都'::prefecture, '2025-03-02', NULL::outage_calendar), NULL, 'a NULL calendar answers NULL');
SELECT throws_ok($$SELECT eligibility_grade_on_day('東京都'::prefecture, '2025-03-02', '{09:00}'::time[])$$,
				 '22023', 'opening hours must be pairs of times', 'an odd number of times is refused');
SELECT throws_ok($$SELECT eligibility_grade_on_day('東京都'::prefecture, '2025-03-02', '{18:00,02:00}'::time[])$$,
				 '22023', 'opening hours must close after they open', 'hours past midnight are split at midnight');
SELECT throws_ok($$SELECT eligibility_grade_on_day('東京都'::prefecture, '2025-03-02', '{09:00,NULL}'::time[])$$,
				 '22023', 'opening hours must be pairs of times', 'a NULL time is refused');

SELECT * FROM finish();
ROLLBACK;
