--
-- outage_calendar, version 2: the calendar carries facility_area and each
-- window's own guidance; the forms that take a facility's code and a
-- calendar; visit_guidance; and the values outage_window 1.0 wrote.
--
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS outage_window;
RESET client_min_messages;
SET DateStyle = 'ISO, YMD';
\set SHOW_CONTEXT never
SET TimeZone = 'UTC';

-- A schedule with facilities on areas other than their prefecture's, a
-- user area, and windows with guidance of their own: the nationwide JPKI
-- window's, and two overlapping intermittent windows (west and nationwide)
-- whose texts decide where they overlap the seeded west window.
INSERT INTO outage_area VALUES ('ctc', 'a carrier of its own');
INSERT INTO facility_area VALUES
	('1311234567', 'west', 'Tokyo clinic on a western provider'),
	('2219876543', 'ctc', 'Shizuoka clinic on ctc'),
	('2711111111', 'east', 'Osaka clinic on an eastern line');
INSERT INTO outage_schedule (area, period, note, guidance) VALUES
	('ctc', '[2025-02-03 09:00,2025-02-03 12:00) outage', 'ctc maintenance',
	 'ctc の回線工事: 紙の保険証と資格確認書で確認する (ctc line works: check paper cards)'),
	(NULL, '[2025-02-04 10:00,2025-02-04 11:00) outage', 'JPKI certificate check down',
	 'マイナンバーカードの電子証明書を確認できない: 資格確認書か被保険者証で確認し、カードは後日確認する (JPKI down: check the paper card, the My Number card later)'),
	('west', '[2025-02-02 07:30,2025-02-02 09:00) intermittent', 'west', 'west: retry after a minute'),
	(NULL, '[2025-02-02 07:45,2025-02-02 07:50) intermittent', 'nationwide', 'nationwide: retry after a minute');

-- The calendar carries them: facilities after their area's prefecture
-- codes, guidance after its window, a window split where texts differ.
SELECT current_outage_calendar();
SELECT current_outage_calendar()::text::outage_calendar = current_outage_calendar() AS text_round_trip;
SELECT current_setting('data_directory') || '/outage_window_regress_calendar_v2.bin' AS calendar_file \gset
CREATE TEMP TABLE v2 (c outage_calendar);
INSERT INTO v2 VALUES (current_outage_calendar());
COPY v2 TO :'calendar_file' (FORMAT binary);
COPY v2 FROM :'calendar_file' (FORMAT binary);
SELECT count(*) AS rows, count(DISTINCT c) AS distinct_values, bool_and(c = current_outage_calendar()) AS equal FROM v2;

-- The calendar forms give the table forms' answers, for facilities in
-- facility_area (on another area, on a user area) and not, and for every
-- prefecture, at every window boundary and a microsecond either side, by
-- instant, local time and day, under three zones.
SELECT current_outage_calendar() AS cal \gset
CREATE TEMP TABLE fprobe AS
SELECT f::medical_institution_code AS facility, t
FROM unnest(ARRAY['1311234567', '2219876543', '2711111111', '1312345678', '2212345678', '0111111111']) AS f,
	 (SELECT DISTINCT b + d AS t
	  FROM outage_schedule,
		   unnest(ARRAY[lower(period), upper(period)]) AS b,
		   unnest(ARRAY[interval '-1 microsecond', interval '0', interval '1 microsecond']) AS d) AS times;
CREATE TEMP TABLE pprobe AS
SELECT p::prefecture AS pref, t FROM generate_series(1, 47) AS p, (SELECT DISTINCT t FROM fprobe) AS times;
CREATE FUNCTION pg_temp.facility_mismatches(tz text, cal outage_calendar) RETURNS TABLE (
	zone text, probes bigint, affected bigint, own_guidance bigint, wrong bigint)
LANGUAGE plpgsql AS $$
BEGIN
	PERFORM set_config('TimeZone', tz, true);
	RETURN QUERY
	SELECT tz, count(*), count(*) FILTER (WHERE is_eligibility_affected(facility, t)),
		   count(*) FILTER (WHERE visit_guidance(facility, t, 'en') NOT IN (SELECT review_guidance(i, 'en') FROM unnest(enum_range(NULL::eligibility_impact)) i)),
		   count(*) FILTER (WHERE
				is_eligibility_affected(facility, t, cal) IS DISTINCT FROM is_eligibility_affected(facility, t)
			 OR eligibility_impact(facility, t, cal) IS DISTINCT FROM eligibility_impact(facility, t)
			 OR is_eligibility_affected(facility, t AT TIME ZONE 'Asia/Tokyo', cal) IS DISTINCT FROM is_eligibility_affected(facility, t)
			 OR eligibility_impact(facility, t AT TIME ZONE 'Asia/Tokyo', cal) IS DISTINCT FROM eligibility_impact(facility, t)
			 OR eligibility_impact(facility, t AT TIME ZONE 'Asia/Tokyo') IS DISTINCT FROM eligibility_impact(facility, t)
			 OR eligibility_impact_on_day(facility, (t AT TIME ZONE 'Asia/Tokyo')::date, cal)
				IS DISTINCT FROM eligibility_impact_on_day(facility, (t AT TIME ZONE 'Asia/Tokyo')::date)
			 OR eligibility_on_day(facility, (t AT TIME ZONE 'Asia/Tokyo')::date, cal, '{07:00,12:00,13:00,18:00}')
				IS DISTINCT FROM eligibility_on_day(facility, (t AT TIME ZONE 'Asia/Tokyo')::date, '{07:00,12:00,13:00,18:00}'::time[])
			 OR eligibility_grade_on_day(facility, (t AT TIME ZONE 'Asia/Tokyo')::date, cal)
				IS DISTINCT FROM eligibility_grade_on_day(facility, (t AT TIME ZONE 'Asia/Tokyo')::date)
			 OR visit_guidance(facility, t, cal, 'en') IS DISTINCT FROM visit_guidance(facility, t, 'en')
			 OR visit_guidance(facility, t AT TIME ZONE 'Asia/Tokyo', cal) IS DISTINCT FROM visit_guidance(facility, t)
			 OR visit_guidance(facility, t AT TIME ZONE 'Asia/Tokyo') IS DISTINCT FROM visit_guidance(facility, t)
			 OR visit_guidance_on_day(facility, (t AT TIME ZONE 'Asia/Tokyo')::date, cal)
				IS DISTINCT FROM visit_guidance_on_day(facility, (t AT TIME ZONE 'Asia/Tokyo')::date))
	FROM fprobe;
	RETURN QUERY
	SELECT tz, count(*), count(*) FILTER (WHERE is_eligibility_affected(pref, t)),
		   count(*) FILTER (WHERE visit_guidance(pref, t, 'en') NOT IN (SELECT review_guidance(i, 'en') FROM unnest(enum_range(NULL::eligibility_impact)) i)),
		   count(*) FILTER (WHERE
				is_eligibility_affected(pref, t, cal) IS DISTINCT FROM is_eligibility_affected(pref, t)
			 OR eligibility_impact(pref, t, cal) IS DISTINCT FROM eligibility_impact(pref, t)
			 OR visit_guidance(pref, t, cal, 'en') IS DISTINCT FROM visit_guidance(pref, t, 'en')
			 OR visit_guidance(prefecture_name_en(pref), t AT TIME ZONE 'Asia/Tokyo', cal, 'en') IS DISTINCT FROM visit_guidance(pref, t, 'en')
			 OR visit_guidance(pref::text, t AT TIME ZONE 'Asia/Tokyo', 'en') IS DISTINCT FROM visit_guidance(pref, t, 'en')
			 OR visit_guidance_on_day(pref, (t AT TIME ZONE 'Asia/Tokyo')::date, cal, 'ja')
				IS DISTINCT FROM visit_guidance_on_day(pref, (t AT TIME ZONE 'Asia/Tokyo')::date, 'ja'))
	FROM pprobe;
END;
$$;
SELECT m.* FROM unnest(ARRAY['UTC', 'Asia/Tokyo', 'America/Los_Angeles']) AS z,
	 pg_temp.facility_mismatches(z, :'cal') AS m;

-- The facility forms follow facility_area: the Tokyo clinic on West lines
-- is not in the East's outage but is in the West's intermittent window;
-- the Osaka clinic on an East line is the other way round; the Shizuoka
-- clinic on ctc has ctc's outage, which its prefecture's others do not.
SELECT f AS facility, t,
	   eligibility_impact(f::medical_institution_code, t::timestamp, :'cal') AS impact,
	   eligibility_impact(institution_prefecture(f::medical_institution_code), t::timestamp, :'cal') AS prefecture_impact
FROM unnest(ARRAY['1311234567', '2711111111', '2219876543']) AS f,
	 unnest(ARRAY['2025-02-01 23:00', '2025-02-02 07:40', '2025-02-03 10:00']) AS t
ORDER BY 1, 2;

-- visit_guidance: the window's own text where it has one, else its kind's
-- review_guidance (in the language asked); the nationwide JPKI window
-- carries its own; where two intermittent windows with texts overlap, the
-- text sorted first; a window's own text beats none of the same kind.
SELECT t, visit_guidance('大阪府'::prefecture, japan_time(t::timestamp), 'en') AS guidance
FROM unnest(ARRAY['2025-02-02 07:10', '2025-02-02 07:40', '2025-02-02 07:47', '2025-02-02 08:30', '2025-02-04 10:30']) AS t;
SELECT visit_guidance_on_day('1311234567'::medical_institution_code, date '2025-02-04', 'ja') AS jpki_day,
	   visit_guidance('2219876543'::medical_institution_code, japan_time('2025-02-03 09:00'), :'cal', 'en') AS ctc,
	   visit_guidance('2212345678'::medical_institution_code, japan_time('2025-02-03 09:00'), :'cal', 'en') AS not_ctc,
	   visit_guidance_on_day('東京都'::prefecture, date '2025-01-01', 'en') = review_guidance('none', 'en') AS quiet_day_is_none;
SELECT visit_guidance('東京都'::prefecture, now(), 'fr');
-- an untyped calendar literal where the language goes is refused with a
-- hint to cast it; cast, it is the calendar
SELECT visit_guidance('東京都'::prefecture, now(), '{}');
SELECT * FROM eligibility_review('東京都'::prefecture, date '2025-02-01', timestamp '2025-02-01 23:00', 'failed', '{}');
SELECT impact, needs_review FROM eligibility_review('東京都'::prefecture, date '2025-02-01', timestamp '2025-02-01 23:00', 'failed',
	'{"east"(13): [2025-02-01 22:00+09,2025-02-02 00:30+09) outage}'::outage_calendar, 'en');
-- A day is a day under every TimeZone: an untyped date literal goes to the
-- date form (visit_guidance_on_day), never to visit_guidance's timestamptz
-- form; the nationwide JPKI window of 2025-02-04 decides that Japan day,
-- and the day before has none.
SET TimeZone = 'UTC';
SELECT visit_guidance_on_day('1311234567'::medical_institution_code, '2025-02-04', 'ja')
		 = visit_guidance_on_day('1311234567'::medical_institution_code, date '2025-02-04', 'ja') AS utc_day,
	   visit_guidance_on_day('東京都', '2025-01-01', 'en') = review_guidance('none', 'en') AS utc_quiet_day;
SET TimeZone = 'Asia/Tokyo';
SELECT visit_guidance_on_day('1311234567'::medical_institution_code, '2025-02-04', 'ja')
		 = visit_guidance_on_day('1311234567'::medical_institution_code, date '2025-02-04', 'ja') AS tokyo_day,
	   visit_guidance_on_day('東京都', '2025-01-01', 'en') = review_guidance('none', 'en') AS tokyo_quiet_day;
SELECT visit_guidance_on_day('1311234567'::medical_institution_code, '2025-02-04', 'ja') LIKE 'マイナンバーカードの電子証明書%' AS jpki_text;
RESET TimeZone;

-- affecting_windows: a table row with its own guidance column; a
-- calendar's segments with the segment's own text (NULL: its kind's),
-- where the seeded west window and the two with texts overlap; a
-- facility on another area, from the tables and from the calendar alike.
SELECT id IS NOT NULL AS has_id, area, period, note, guidance
FROM affecting_windows('大阪府'::prefecture, japan_time('2025-02-02 07:47'));
SELECT id, area, period, note, source, guidance
FROM affecting_windows('大阪府'::prefecture, japan_time('2025-02-02 07:47'), :'cal');
SELECT area, period, note, guidance
FROM affecting_windows('2219876543'::medical_institution_code, timestamp '2025-02-03 10:00');
SELECT area, period, guidance
FROM affecting_windows('2219876543'::medical_institution_code, timestamp '2025-02-03 10:00', :'cal');
SELECT count(*) AS not_ctc
FROM affecting_windows('2212345678'::medical_institution_code, japan_time('2025-02-03 10:00'), :'cal');
-- affecting_windows' first row is the window that decides, as
-- visit_guidance decides: at 23:30 the East's seeded outage (no text) and
-- a nationwide outage with its own text "N" (which starts later) both
-- cover Tokyo; "N" decides, so its window comes first, from the tables
-- and from the calendar.
BEGIN;
INSERT INTO outage_schedule (area, period, guidance)
VALUES (NULL, '[2025-02-01 23:00+09,2025-02-02 01:00+09) outage', 'N');
SELECT visit_guidance('東京都'::prefecture, timestamptz '2025-02-01 23:30+09') AS decides,
	   (SELECT guidance FROM affecting_windows('東京都'::prefecture, timestamptz '2025-02-01 23:30+09') LIMIT 1) AS first_row,
	   (SELECT guidance FROM affecting_windows('東京都'::prefecture, timestamptz '2025-02-01 23:30+09', current_outage_calendar()) LIMIT 1) AS first_segment;
ROLLBACK;
-- the review core says what visit_guidance says, for tables and calendar
SELECT r.impact, r.needs_review, r.guidance
FROM eligibility_review('2219876543'::medical_institution_code, date '2025-02-03',
						timestamp '2025-02-03 10:00', 'no_check', 'en') AS r;
SELECT r.impact, r.guidance
FROM eligibility_review('静岡県'::prefecture, date '2025-02-04', NULL, 'no_check', :'cal', 'en') AS r;
SELECT r.impact, r.guidance = review_guidance('none', 'ja') AS kinds_guidance
FROM eligibility_review('静岡県'::prefecture, date '2025-02-05', NULL, 'no_check', :'cal'::outage_calendar, 'ja') AS r;
SELECT r.guidance
FROM eligibility_review('大阪府'::prefecture, date '2025-02-02', timestamp '2025-02-02 07:47', 'failed', :'cal', 'en') AS r;

-- A guidance is text of at most 2048 bytes, never empty.
\set VERBOSITY terse
INSERT INTO outage_schedule (area, period, guidance) VALUES ('east', '[2025-05-01 09:00,2025-05-01 10:00) outage', '');
INSERT INTO outage_schedule (area, period, guidance) VALUES ('east', '[2025-05-01 09:00,2025-05-01 10:00) outage', repeat('あ', 683));
\set VERBOSITY default
INSERT INTO outage_schedule (area, period, guidance) VALUES ('east', '[2025-05-01 09:00,2025-05-01 10:00) outage', repeat('あ', 682))
RETURNING octet_length(guidance);
DELETE FROM outage_schedule WHERE period = '[2025-05-01 09:00,2025-05-01 10:00) outage';

-- Text input of version 2: facilities after ';' in an area's parentheses,
-- an area of facilities only, guidance in double quotes with escapes; an
-- empty guidance is none.  Canonical output: facilities ascending, texts
-- escaped.
SELECT '{"a"(13; 1311234567, 0111111111): [2025-01-01 09:00,2025-01-01 10:00) outage "say \"retry\", then call; ok"; "b"(;2219876543): ; *: [2025-01-02 00:00,2025-01-02 01:00) intermittent ""}'::outage_calendar;
-- overlapping windows: the more severe kind wins whatever its text; of one
-- kind, a text over none and the text sorted first
SELECT '{*: [2025-01-01 09:00,2025-01-01 12:00) intermittent "b", [2025-01-01 10:00,2025-01-01 11:00) intermittent "a", [2025-01-01 10:30,2025-01-01 10:45) outage, [2025-01-01 11:30,2025-01-01 13:00) intermittent}'::outage_calendar;

-- Bad text is refused with 22P02, a detail saying what and where, and the
-- form in the hint; limits with 54000.
SELECT '{"a"(13; 131123456): }'::outage_calendar;
SELECT '{"a"(13; 13112345678): }'::outage_calendar;
SELECT '{"a"(13; 1391234567): }'::outage_calendar;
SELECT '{"a"(13; 1311234567), "b"(; 1311234567): }'::outage_calendar;
SELECT '{"a"(13; 1311234567): ; "b"(; 1311234567): }'::outage_calendar;
SELECT '{*: [2025-01-01 09:00,2025-01-01 10:00) outage "unclosed}'::outage_calendar;
SELECT '{*: [2025-01-01 09:00,2025-01-01 10:00) outage "text" junk}'::outage_calendar;
SELECT ('{*: [2025-01-01 09:00,2025-01-01 10:00) outage "' || repeat('x', 2049) || '"}')::outage_calendar;
\set VERBOSITY sqlstate
SELECT '{"a"(13; 12): }'::outage_calendar;
-- a facility listed twice is bad input (22P02), as an area listed twice is
SELECT '{"a"(13; 1311234567): ; "b"(; 1311234567): }'::outage_calendar;
SELECT '{"a"(13; 1311234567, 1311234567): }'::outage_calendar;
\set VERBOSITY default

-- Limits: 1,000,000 facilities, 2 MB of distinct guidance texts (each
-- refused with 54000 and a hint; just under, accepted).
SELECT count(*) AS facilities_accepted FROM (SELECT ('{"a"(; ' || string_agg(lpad((1310000000 + g)::text, 10, '0'), ',') || '):}')::outage_calendar
	FROM generate_series(1, 1000000) g) c;
SELECT ('{"a"(; ' || string_agg(lpad((1310000000 + g)::text, 10, '0'), ',') || '):}')::outage_calendar
FROM generate_series(1, 1000001) g;
CREATE FUNCTION pg_temp.guided_windows(n int) RETURNS text LANGUAGE sql AS $$
	SELECT '{*: ' || string_agg(format('[%s,%s) outage "%s"',
			to_char(timestamp '2025-01-01 00:00' + g * interval '1 minute', 'YYYY-MM-DD HH24:MI'),
			to_char(timestamp '2025-01-01 00:00' + g * interval '1 minute' + interval '30 seconds', 'YYYY-MM-DD HH24:MI:SS'),
			lpad(g::text, 2048, 'x')), ', ') || '}'
	FROM generate_series(1, n) g
$$;
SELECT length(pg_temp.guided_windows(1024)::outage_calendar::text) AS guidance_accepted;
SELECT pg_temp.guided_windows(1025)::outage_calendar;
-- A text counts once however many segments carry it: one window with a
-- 2000-byte text, split into 2201 segments by 1100 windows inside it, is
-- accepted, and its text form quotes the text once and then refers to it
-- ("#1"), so it stays about as long as its input.
CREATE FUNCTION pg_temp.split_window(n int) RETURNS text LANGUAGE sql AS $$
	SELECT '{*: [2025-01-01 00:00+09,2025-06-01 00:00+09) intermittent "' || repeat('x', 2000) || '", '
		|| string_agg(format('[%s,%s) outage',
				to_char(t, 'YYYY-MM-DD HH24:MI:SS+09'),
				to_char(t + interval '1 minute', 'YYYY-MM-DD HH24:MI:SS+09')), ', ') || '}'
	FROM generate_series(timestamp '2025-01-02', timestamp '2025-01-02' + (n - 1) * interval '1 hour', interval '1 hour') t
$$;
SELECT (length(c::text) - length(replace(c::text, repeat('x', 2000), ''))) / 2000 AS quoted_once,
	   (SELECT count(*) FROM regexp_matches(c::text, ' #1[,}]', 'g')) AS referred,
	   length(c::text) < 3 * length(pg_temp.split_window(1100)) AS bounded,
	   c::text::outage_calendar = c AS reads_back
FROM (SELECT pg_temp.split_window(1100)::outage_calendar AS c) s;
-- "#n" is the n-th text quoted before it, counting from 1
SELECT '{"a"(13): [2025-02-01 22:00+09,2025-02-01 23:00+09) outage "first", [2025-02-02 22:00+09,2025-02-02 23:00+09) outage "second \"2\""; *: [2025-02-03 22:00+09,2025-02-03 23:00+09) intermittent #2, [2025-02-04 22:00+09,2025-02-04 23:00+09) intermittent #1}'::outage_calendar;
SELECT '{*: [2025-02-03 22:00+09,2025-02-03 23:00+09) intermittent #1}'::outage_calendar;
SELECT '{*: [2025-02-03 22:00+09,2025-02-03 23:00+09) intermittent "a", [2025-02-04 22:00+09,2025-02-04 23:00+09) outage #2}'::outage_calendar;
SELECT '{*: [2025-02-03 22:00+09,2025-02-03 23:00+09) intermittent #0}'::outage_calendar;
SELECT '{*: [2025-02-03 22:00+09,2025-02-03 23:00+09) intermittent #1x}'::outage_calendar;
SELECT '{*: [2025-02-03 22:00+09,2025-02-03 23:00+09) intermittent "a" #1}'::outage_calendar;
SELECT '{*: [2025-02-03 22:00+09,2025-02-03 23:00+09) intermittent #1234567890}'::outage_calendar;

-- The tables refuse, when they are written, what every calendar built from
-- them would refuse: more distinct guidance than a calendar carries, and
-- more facilities; the split window above, stored, is read.
BEGIN;
SELECT coalesce(sum(octet_length(g)), 0) AS guidance_before FROM (SELECT DISTINCT guidance AS g FROM outage_schedule) d \gset
-- up to the limit, in one statement: accepted
INSERT INTO outage_schedule (area, period, guidance)
SELECT NULL, outage_window(timestamptz '2030-01-01 00:00+09' + g * interval '1 hour',
						   timestamptz '2030-01-01 00:30+09' + g * interval '1 hour', 'outage'),
	   lpad(g::text, CASE WHEN g = 1 THEN 2048 - :guidance_before ELSE 2048 END, 'x')
FROM generate_series(1, 1024) g;
-- one byte more: refused, in the statement that adds it
INSERT INTO outage_schedule (area, period, guidance)
VALUES (NULL, '[2031-01-01 00:00+09,2031-01-01 01:00+09) outage', 'z');
ROLLBACK;
BEGIN;
INSERT INTO outage_schedule (area, period)
SELECT NULL, outage_window(timestamptz '2030-01-01 00:00+09' + g * interval '1 hour',
						   timestamptz '2030-01-01 00:30+09' + g * interval '1 hour', 'outage')
FROM generate_series(1, 1100) g;
INSERT INTO outage_schedule (area, period, guidance)
VALUES (NULL, '[2030-01-01 00:00+09,2030-06-01 00:00+09) intermittent', repeat('y', 2000));
-- the same text again adds nothing
UPDATE outage_schedule SET guidance = repeat('y', 2000) WHERE period && '[2030-01-01 00:00+09,2030-01-01 02:00+09) outage';
SELECT count(*) AS guided FROM outage_schedule WHERE guidance IS NOT NULL;
SELECT visit_guidance('東京都'::prefecture, timestamptz '2030-01-01 01:45+09') = repeat('y', 2000) AS read_from_tables;
ROLLBACK;
BEGIN;
INSERT INTO facility_area (facility, area)
SELECT (1310000000 + g)::text::medical_institution_code, 'east'
FROM generate_series(1, 1000000 - (SELECT count(*) FROM facility_area)) g;
SELECT count(*) AS facilities_stored, current_outage_calendar() IS NOT NULL AS calendar_built FROM facility_area;
INSERT INTO facility_area (facility, area) VALUES ('2711234567', 'east');
ROLLBACK;
-- outage_schedule takes as many windows as a calendar holds, and a
-- statement past them is refused (54000), rather than every later read;
-- the rows stored before it stay.
BEGIN;
INSERT INTO outage_schedule (area, period)
SELECT NULL, outage_window(timestamptz '2030-01-01 00:00+09' + g * interval '2 hours',
						   timestamptz '2030-01-01 01:00+09' + g * interval '2 hours', 'outage')
FROM generate_series(1, 99000 - (SELECT count(*) FROM outage_schedule)) g;
SELECT count(*) AS windows_stored, current_outage_calendar() IS NOT NULL AS calendar_built FROM outage_schedule;
INSERT INTO outage_schedule (area, period)
SELECT NULL, outage_window(timestamptz '2060-01-01 00:00+09' + g * interval '2 hours',
						   timestamptz '2060-01-01 01:00+09' + g * interval '2 hours', 'outage')
FROM generate_series(1, 2000) g;
ROLLBACK;
-- A DELETE can add segments: intermittent windows over a registration
-- delay resolve into one segment each way while an outage covers them all;
-- deleting the outage would leave more segments than a calendar holds.
BEGIN;
INSERT INTO outage_schedule (area, period, note) VALUES
	(NULL, outage_window('2030-01-01 00:00+09', timestamptz '2030-01-01 00:00+09' + interval '1000000 min', 'registration_delay'), 'delay'),
	(NULL, outage_window('2029-12-31 00:00+09', '2032-01-01 00:00+09', 'outage'), 'cover');
INSERT INTO outage_schedule (area, period)
SELECT NULL, outage_window(timestamptz '2030-01-01 00:00+09' + (k * 10 + 2) * interval '1 minute',
						   timestamptz '2030-01-01 00:00+09' + (k * 10 + 5) * interval '1 minute', 'intermittent')
FROM generate_series(0, 50000) k;
SELECT count(*) AS windows_stored, current_outage_calendar() IS NOT NULL AS calendar_built FROM outage_schedule;
SAVEPOINT before_delete;
DELETE FROM outage_schedule WHERE note = 'cover';
ROLLBACK TO SAVEPOINT before_delete;
SELECT count(*) AS cover_kept, current_outage_calendar() IS NOT NULL AS calendar_built
FROM outage_schedule WHERE note = 'cover';
ROLLBACK;

-- Binary input of version 2 is checked like text input: a facility code
-- that is none, a facility count past the data, a guidance length past it;
-- and a window with its guidance, as it should be.
CREATE TEMP TABLE cal_raw2 (b bytea);
CREATE TEMP TABLE cal_in2 (c outage_calendar);
CREATE FUNCTION pg_temp.try_recv(payload bytea) RETURNS text
LANGUAGE plpgsql AS $$
BEGIN
	TRUNCATE cal_raw2;
	INSERT INTO cal_raw2 VALUES (payload);
	EXECUTE format('COPY cal_raw2 TO %L (FORMAT binary)', current_setting('data_directory') || '/outage_window_regress_calraw2.bin');
	TRUNCATE cal_in2;
	EXECUTE format('COPY cal_in2 FROM %L (FORMAT binary)', current_setting('data_directory') || '/outage_window_regress_calraw2.bin');
	RETURN (SELECT c::text FROM cal_in2);
EXCEPTION WHEN OTHERS THEN
	RETURN SQLSTATE || ': ' || SQLERRM;
END
$$;
SELECT pg_temp.try_recv(int2send(2::int2) || int2send(1::int2) || int4send(1) || 'a'::bytea
	|| int2send(0::int2) || int4send(1) || int8send(1391234567) || int4send(0) || int4send(0));
SELECT pg_temp.try_recv(int2send(2::int2) || int2send(1::int2) || int4send(1) || 'a'::bytea
	|| int2send(0::int2) || int4send(1000) || int8send(1311234567) || int4send(0) || int4send(0));
-- a facility listed twice: 22P03, as an area listed twice
SELECT pg_temp.try_recv(int2send(2::int2) || int2send(1::int2) || int4send(1) || 'a'::bytea
	|| int2send(0::int2) || int4send(2) || int8send(1311234567) || int8send(1311234567) || int4send(0) || int4send(0));
SELECT pg_temp.try_recv(int2send(2::int2) || int2send(0::int2)
	|| int4send(1) || int8send(0) || int8send(3600000000) || int4send(3) || int4send(100) || 'abc'::bytea);
SELECT pg_temp.try_recv(int2send(2::int2) || int2send(0::int2)
	|| int4send(1) || int8send(0) || int8send(3600000000) || int4send(3) || int4send(3) || 'abc'::bytea);

-- Values outage_window 1.0 wrote (produced by its code: text form, binary
-- form, and the bytes it stored) read as the same calendar written now:
-- equal, the same hash, one group, the same text and the same answers.
-- The stored bytes go in through a type of the same physical form (what
-- pg_upgrade leaves on disk), the binary form through a binary COPY.
SET client_min_messages = warning;
CREATE TYPE rawcal;
CREATE FUNCTION rawcal_in(cstring) RETURNS rawcal AS 'byteain' LANGUAGE internal IMMUTABLE STRICT;
CREATE FUNCTION rawcal_out(rawcal) RETURNS cstring AS 'byteaout' LANGUAGE internal IMMUTABLE STRICT;
RESET client_min_messages;
CREATE TYPE rawcal (INPUT = rawcal_in, OUTPUT = rawcal_out, INTERNALLENGTH = VARIABLE, ALIGNMENT = double, STORAGE = plain);
CREATE CAST (rawcal AS outage_calendar) WITHOUT FUNCTION;
CREATE CAST (outage_calendar AS rawcal) WITHOUT FUNCTION;
CREATE TEMP TABLE sent_1_0 (b bytea);
INSERT INTO sent_1_0 VALUES ('\x000100020000000465617374000300010002000d000000020002d013016874000002d01519d98e00000000030002d017324aa8000002d0271f3fd4000000000200000004776573740002001b002f000000010002d01a8c9938000002d01b632cdc0000000002000000010002d233d446dc000002d234aada800000000001');
SELECT current_setting('data_directory') || '/outage_window_regress_calendar_1_0.bin' AS sent_file \gset
COPY sent_1_0 TO :'sent_file' (FORMAT binary);
CREATE TABLE stored_1_0 (how text, c outage_calendar);
COPY stored_1_0 (c) FROM :'sent_file' (FORMAT binary);
UPDATE stored_1_0 SET how = 'binary';
INSERT INTO stored_1_0 VALUES
	('text', '{"east"(1,2,13): [2025-02-01 22:00:00+09,2025-02-02 00:30:00+09) outage, [2025-02-02 03:00:00+09,2025-02-02 22:00:00+09) intermittent; "west"(27,47): [2025-02-02 07:00:00+09,2025-02-02 08:00:00+09) intermittent; *: [2025-03-01 00:00:00+09,2025-03-01 01:00:00+09) registration_delay}'),
	('stored', '\x01000200040000000000000002d46e24fe119dfd000101000000000000000000000100000000000000000000000000020000000000000000000000000000000000000002000000000200000003000000040000000074680113d00200008ed91915d00200030000000000000000a84a3217d0020000d43f1f27d0020002000000000000000038998c1ad0020000dc2c631bd00200020000000000000000dc46d433d202000080daaa34d20200010000000000000004000000656173740400000077657374'::rawcal::outage_calendar),
	('now', '{"east"(1,2,13): [2025-02-01 22:00:00+09,2025-02-02 00:30:00+09) outage, [2025-02-02 03:00:00+09,2025-02-02 22:00:00+09) intermittent; "west"(27,47): [2025-02-02 07:00:00+09,2025-02-02 08:00:00+09) intermittent; *: [2025-03-01 00:00:00+09,2025-03-01 01:00:00+09) registration_delay}'::outage_calendar);
-- every row holds version 1 (its first bytes: 1, then 2 areas): a calendar
-- without facilities and guidance is still written as 1.0 wrote it
SELECT how, substr(c::rawcal::text, 1, 10) AS first_bytes FROM stored_1_0 ORDER BY how;
SELECT how, c = (SELECT c FROM stored_1_0 WHERE how = 'now') AS equal,
	   outage_calendar_hash(c) = (SELECT outage_calendar_hash(c) FROM stored_1_0 WHERE how = 'now') AS same_hash,
	   outage_calendar_cmp(c, (SELECT c FROM stored_1_0 WHERE how = 'now')) AS cmp,
	   c::text = '{"east"(1,2,13): [2025-02-01 22:00:00+09,2025-02-02 00:30:00+09) outage, [2025-02-02 03:00:00+09,2025-02-02 22:00:00+09) intermittent; "west"(27,47): [2025-02-02 07:00:00+09,2025-02-02 08:00:00+09) intermittent; *: [2025-03-01 00:00:00+09,2025-03-01 01:00:00+09) registration_delay}' AS same_text,
	   eligibility_impact('東京都'::prefecture, timestamptz '2025-02-01 23:00+09', c) AS tokyo,
	   eligibility_impact('大阪府'::prefecture, timestamptz '2025-02-02 07:30+09', c) AS osaka,
	   eligibility_impact('1311234567'::medical_institution_code, timestamptz '2025-03-01 00:30+09', c) AS clinic
FROM stored_1_0 ORDER BY how;
SET enable_hashagg = on;
SELECT count(*) AS hashed_groups FROM (SELECT c FROM stored_1_0 GROUP BY c) g;
SET enable_hashagg = off;
SELECT count(*) AS sorted_groups FROM (SELECT c FROM stored_1_0 GROUP BY c) g;
RESET enable_hashagg;
-- and a 1.0 value sent again is sent as 1.0 sent it, in version 1
SELECT substr(outage_calendar_send(c)::text, 1, 6) AS sent_version FROM stored_1_0 WHERE how = 'stored';
DROP TABLE stored_1_0;
DROP CAST (rawcal AS outage_calendar);
DROP CAST (outage_calendar AS rawcal);
DROP TYPE rawcal CASCADE;

-- Leave the schedule as it was.
DELETE FROM outage_schedule WHERE id > 1000;
DELETE FROM facility_area;
DELETE FROM outage_area WHERE area = 'ctc';
