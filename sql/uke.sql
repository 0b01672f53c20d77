--
-- uke_claims(), uke_errors(), uke_affected_claims(), uke_window_visits():
-- receipt files written by scripts/gen_uke_fixtures.py in CP932 (the
-- fixtures in test/fixtures/uke/), read as receipt software writes them.
--
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS outage_window;
RESET client_min_messages;
SET DateStyle = 'ISO, YMD';

\set east `base64 -w0 test/fixtures/uke/east_2025_02.UKE`
\set west `base64 -w0 test/fixtures/uke/west_2025_02.UKE`
\set heisei `base64 -w0 test/fixtures/uke/heisei_2019_01.UKE`
\set corrupt `base64 -w0 test/fixtures/uke/corrupt.UKE`
CREATE TEMP TABLE uke (name text PRIMARY KEY, file bytea);
INSERT INTO uke VALUES
	('east', decode(:'east', 'base64')), ('west', decode(:'west', 'base64')),
	('heisei', decode(:'heisei', 'base64')), ('corrupt', decode(:'corrupt', 'base64'));

-- every column of every claim: 西暦 and 和暦 (昭和, 平成, 明治, a 令和
-- claim month), full-width digits, CP932's 髙 and 﨑, half-width kana
\x on
SELECT c.* FROM uke, uke_claims(file) c WHERE name = 'east';
\x off
SELECT line, receipt_number, claim_month, billing_month, facility_prefecture,
	   facility_code, medical_institution_code, institution_kind(medical_institution_code),
	   facility_name, receipt_type, patient_name, birth_date, visit_days
FROM uke, uke_claims(file) c WHERE name = 'heisei';

-- the day fields of SI/IY/TO and JD's days coded 1 or 2 (never 9)
SELECT receipt_number, visit_days FROM uke, uke_claims(file) WHERE name = 'east';

-- a bad record: an error that names the line and the record
SELECT count(*) FROM uke, uke_claims(file) WHERE name = 'corrupt';
SELECT count(*) FROM uke_claims(convert_to(E'IR,1,13,1,1234567,,x,202502\r\nRE,1,1112,202513,x,1,19600115\r\nGO\r\n', 'SJIS'));
SELECT count(*) FROM uke_claims(convert_to(E'IR,1,48,1,1234567,,x,202502\r\nGO\r\n', 'SJIS'));
SELECT count(*) FROM uke_claims(convert_to(E'IR,1,13,2,1234567,,x,202502\r\nGO\r\n', 'SJIS'));
SELECT count(*) FROM uke_claims(convert_to(E'IR,1,13,1,123456,,x,202502\r\nGO\r\n', 'SJIS'));
SELECT count(*) FROM uke_claims(convert_to(E'RE,1,1112,202502,x,1,19600115\r\nGO\r\n', 'SJIS'));
SELECT count(*) FROM uke_claims(convert_to(E'IR,1,13,1,1234567,,x,202502\r\nHO,06130012\r\nGO\r\n', 'SJIS'));
-- 平成 began on 1989-01-08; 昭和64年1月8日 is no day; 令和元年4月 no month
SELECT count(*) FROM uke_claims(convert_to(E'IR,1,13,1,1234567,,x,202502\r\nRE,1,1112,202502,x,1,4010107\r\nGO\r\n', 'SJIS'));
SELECT count(*) FROM uke_claims(convert_to(E'IR,1,13,1,1234567,,x,202502\r\nRE,1,1112,202502,x,1,3640108\r\nGO\r\n', 'SJIS'));
SELECT count(*) FROM uke_claims(convert_to(E'IR,1,13,1,1234567,,x,202502\r\nRE,1,1112,50104,x,1,3640107\r\nGO\r\n', 'SJIS'));
-- day 30 of February
SELECT count(*) FROM uke_claims(convert_to(E'IR,1,13,1,1234567,,x,202502\r\nRE,1,1112,202502,x,1,19600115\r\nSI,11,1,1,,1,1,,,,,,' || repeat(',', 29) || E'1\r\nGO\r\n', 'SJIS'));
SELECT count(*) FROM uke_claims('\x49522c312c31332c312c313233343536372c2c'::bytea || '\x82'::bytea || convert_to(E',202502\r\nGO\r\n', 'SJIS'));

-- lenient: the good claims, the bad lines of each, and every bad record
SELECT receipt_number, patient_name, visit_days, comments, bad_lines
FROM uke, uke_claims(file, lenient => true) WHERE name = 'corrupt';
SELECT e.* FROM uke, uke_errors(file) e WHERE name = 'corrupt';
SELECT count(*) FROM uke, uke_errors(file) WHERE name IN ('east', 'west', 'heisei');

-- what is tolerated: LF alone, blank lines, the DOS end mark, text after
-- GO, an unknown record, a short RE with no kana
SELECT receipt_number, patient_name, patient_kana, sex, birth_date, insurer_number, visit_days
FROM uke_claims(convert_to(E'\r\nIR,1,13,1,1234567,,x,202502\nRE,7,1112,202502,ﾃｽﾄ,,\n\nZZ,1\nHO, ０６１３００１２ \r\nGO\r\n\x1a garbage', 'SJIS'));
SELECT count(*) FROM uke_claims(''::bytea, true);
SELECT * FROM uke_errors(''::bytea);

-- the audit: East, whole days, from the tables
SELECT receipt_number, patient_name, insurer_number, visit_days, affected_days,
	   grade, impact, reasons
FROM uke, uke_affected_claims(file) WHERE name = 'east';
-- with opening hours 9:00-12:30 and 14:00-18:00: 2/1's outage (22:00-)
-- falls outside them, 2/2's intermittent window covers them all
SELECT receipt_number, affected_days, grade, impact, reasons
FROM uke, uke_affected_claims(file, opening_hours => '{09:00,12:30,14:00,18:00}') WHERE name = 'east';
-- West: 7:00-8:00 touches 2/2 (possible; none from 9:00), 2/1 only by a
-- registration delay
SELECT receipt_number, affected_days, grade, impact, reasons, guidance
FROM uke, uke_affected_claims(file, lang => 'en') WHERE name = 'west';
SELECT receipt_number, grade, impact, reasons
FROM uke, uke_affected_claims(file, '{09:00,18:00}'::time[]) WHERE name = 'west';
-- in a registration delay only (大阪府 on 2/1): a claim with an SN record
-- needs no review; one without is reviewed, as the notice's 2(3) says
SELECT receipt_number, grade, impact, reasons, confirmation_kinds
FROM uke_affected_claims(convert_to(E'IR,1,27,1,1234567,,x,202502\r\n'
	'RE,201,1112,202502,x,1,19600115\r\nSN,1,01,,,,,,\r\nSI,11,1,111000110,,288,1,,,,,,,1\r\n'
	'RE,202,1112,202502,x,1,19600115\r\nSI,11,1,111000110,,288,1,,,,,,,1\r\nGO\r\n', 'SJIS'));
-- against a calendar: the same rows; an empty calendar flags only 不詳
SELECT (SELECT array_agg(receipt_number) FROM uke, uke_affected_claims(file, current_outage_calendar()) WHERE name = 'east')
	 = (SELECT array_agg(receipt_number) FROM uke, uke_affected_claims(file) WHERE name = 'east') AS same;
SELECT receipt_number, grade, reasons
FROM uke, uke_affected_claims(file, (SELECT outage_calendar(area, period) FROM outage_schedule WHERE false)) WHERE name = 'east';

-- the after-outage list: visits inside each window, with identity items
SELECT window_id, area, visit_date, receipt_number, chart_number, patient_name,
	   patient_kana, sex, birth_date
FROM uke, uke_window_visits(file) WHERE name = 'east';
SELECT window_id, visit_date, receipt_number
FROM uke, uke_window_visits(file, opening_hours => '{09:00,18:00}') WHERE name = 'east';
SELECT window_id, visit_date, receipt_number FROM uke, uke_window_visits(file) WHERE name = 'west';

-- A facility on an area of its own (facility_area, by the IR record's
-- 10-digit code) is audited in that area: 東京テスト診療所 (1311234567) on
-- West lines is no longer touched by the East's windows, and is by the
-- West's during its hours.  A calendar carries facility_area, so its form
-- gives the same rows, guidance included.
BEGIN;
INSERT INTO facility_area VALUES ('1311234567', 'west', 'a western provider');
SELECT receipt_number, affected_days, grade, impact
FROM uke, uke_affected_claims(file, opening_hours => '{07:00,18:00}') WHERE name = 'east'
ORDER BY receipt_number;
SELECT DISTINCT window_id, area FROM uke, uke_window_visits(file) WHERE name = 'east' ORDER BY 1;
SELECT (SELECT count(*) FROM uke, uke_affected_claims(file, opening_hours => '{07:00,18:00}') WHERE name = 'east') AS claims,
	   (SELECT count(*) FROM (
			SELECT a.* FROM uke, uke_affected_claims(file, opening_hours => '{07:00,18:00}') AS a WHERE name = 'east'
			EXCEPT
			SELECT a.* FROM uke, uke_affected_claims(file, current_outage_calendar(), opening_hours => '{07:00,18:00}') AS a WHERE name = 'east') d)
		AS differ_from_calendar,
	   (SELECT count(*) FROM (
			SELECT a.* FROM uke, uke_affected_claims(file, current_outage_calendar(), opening_hours => '{07:00,18:00}') AS a WHERE name = 'east'
			EXCEPT
			SELECT a.* FROM uke, uke_affected_claims(file, opening_hours => '{07:00,18:00}') AS a WHERE name = 'east') d)
		AS calendar_differs;
-- A window's own guidance is the claim's guidance where that window gives
-- the claim its impact; the others keep their kind's.
UPDATE outage_schedule SET guidance = 'West intermittent: retry after two minutes, then use the paper card' WHERE id = 3;
SELECT receipt_number, impact, left(guidance, 40) AS guidance
FROM uke, uke_affected_claims(file, opening_hours => '{07:00,18:00}', lang => 'en') WHERE name = 'east'
ORDER BY receipt_number;
SELECT receipt_number, impact, left(guidance, 40) AS guidance
FROM uke, uke_affected_claims(file, current_outage_calendar(), opening_hours => '{07:00,18:00}', lang => 'en') WHERE name = 'east'
ORDER BY receipt_number;
ROLLBACK;

-- Of a claim's days of its impact, one whose window has its own guidance
-- gives the claim's guidance, even when an earlier day's window of that
-- kind has none (大阪府, outages on 3/3 without and 3/5 with a text).
BEGIN;
INSERT INTO outage_schedule (area, period, guidance) VALUES
	('west', '[2025-03-03 10:00+09,2025-03-03 11:00+09) outage', NULL),
	('west', '[2025-03-05 10:00+09,2025-03-05 11:00+09) outage', 'West outage of 3/5: use the paper card');
SELECT receipt_number, affected_days, impact, guidance
FROM uke_affected_claims(convert_to(E'IR,1,27,1,1234567,,x,202503\r\n'
	'RE,301,1112,202503,x,1,19600115\r\nSI,11,1,111000110,,288,1,,,,,,,,,1,,1\r\nGO\r\n', 'SJIS'), lang => 'en');
SELECT receipt_number, affected_days, impact, guidance
FROM uke_affected_claims(convert_to(E'IR,1,27,1,1234567,,x,202503\r\n'
	'RE,301,1112,202503,x,1,19600115\r\nSI,11,1,111000110,,288,1,,,,,,,,,1,,1\r\nGO\r\n', 'SJIS'),
	current_outage_calendar(), lang => 'en');
ROLLBACK;

-- from_wareki_or_null: NULL where from_wareki raises
SELECT left(t, 20) AS t, from_wareki_or_null(t)
FROM unnest(ARRAY['令和7年2月1日', 'R7.2.1', '5070201', '20250201', '令和7年2月30日',
				  '平成31年5月1日', 'X7.2.1', '', 'nonsense', repeat('1', 2000),
				  '令和7年2月1日(月)']) AS t;

--
-- affecting_windows_on_day(): the schedule rows behind a claim's day, from
-- the core (the same compiled schedule as eligibility_on_day).  The seed:
-- east 1 [2/1 22:00, 2/2 00:30) outage, 2 [2/2 03:00, 22:00) intermittent;
-- west 3 [2/2 07:00, 08:00) intermittent inside 4 and 5, registration
-- delays [2/1 22:00, 2/2 00:30) and [2/2 03:00, 22:00).
--
SET TimeZone = 'Asia/Tokyo';
CREATE TEMP TABLE hours_case (label text PRIMARY KEY, hours time[]);
INSERT INTO hours_case VALUES
	('whole day', NULL), ('closed', '{}'), ('split', '{09:00,12:30,14:00,18:00}'),
	('from 00:30', '{00:30,02:00}'), ('from 00:29', '{00:29,02:00}'),
	('to 03:00', '{01:00,03:00}'), ('night', '{22:00,24:00}'), ('evening', '{21:00,22:00}'),
	-- a window met by one pair, another touched only at an edge of another
	('from 00:30 and noon', '{00:30,03:00,12:00,13:00}'), ('to 00:10 and 03:00', '{00:00,00:10,02:00,03:00}');
-- 2/1 and 2/2 in Tokyo (east), under each opening hours: a window ending
-- exactly at an opening (00:30) or starting at a closing (03:00) does not
-- touch them, also when another pair meets a window; 24:00 closes at
-- midnight
SELECT d.day, h.label, array_agg(w.id ORDER BY o) AS ids,
	   array_agg(kind(w.period) ORDER BY o) AS kinds
FROM hours_case AS h,
	 unnest('{2025-02-01,2025-02-02}'::date[]) AS d(day)
LEFT JOIN LATERAL (SELECT *, row_number() OVER () AS o
				   FROM affecting_windows_on_day('東京都'::prefecture, d.day, h.hours)) AS w ON true
GROUP BY 1, 2 ORDER BY 1, 2;
-- most severe first, then by start: Osaka (west) on 2/2
SELECT id, area, period, note IS NOT NULL AS has_note
FROM affecting_windows_on_day('大阪府'::prefecture, '2025-02-02');
SELECT id FROM affecting_windows_on_day('大阪府'::prefecture, '2025-02-02', opening_hours => '{08:00,09:00}');
-- the default is the whole day; every overload lists the same rows
SELECT (SELECT array_agg(id) FROM affecting_windows_on_day('大阪府'::prefecture, '2025-02-02', NULL::time[])) AS prefecture,
	   (SELECT array_agg(id) FROM affecting_windows_on_day('大阪府', '2025-02-02')) AS text_ja,
	   (SELECT array_agg(id) FROM affecting_windows_on_day('Osaka', '2025-02-02')) AS text_en,
	   (SELECT array_agg(id) FROM affecting_windows_on_day('2712345678'::medical_institution_code, '2025-02-02')) AS facility;
-- NULL facility, day or calendar: no rows; a bad spelling or bad hours: an
-- error.  (A literal third argument needs its type or its name: it could
-- be opening hours or a calendar.)
SELECT (SELECT count(*) FROM affecting_windows_on_day(NULL::prefecture, '2025-02-02')) AS null_prefecture,
	   (SELECT count(*) FROM affecting_windows_on_day(NULL::text, '2025-02-02')) AS null_text,
	   (SELECT count(*) FROM affecting_windows_on_day(NULL::medical_institution_code, '2025-02-02')) AS null_facility,
	   (SELECT count(*) FROM affecting_windows_on_day('東京都'::prefecture, NULL)) AS null_day,
	   (SELECT count(*) FROM affecting_windows_on_day('東京都'::prefecture, '2025-02-02', NULL::outage_calendar)) AS null_calendar,
	   (SELECT count(*) FROM affecting_windows_on_day('東京都'::prefecture, 'infinity')) AS infinite_day;
SELECT count(*) FROM affecting_windows_on_day('Atlantis', '2025-02-02');
SELECT count(*) FROM affecting_windows_on_day('東京都'::prefecture, '2025-02-02', '{09:00}'::time[]);
SELECT count(*) FROM affecting_windows_on_day('東京都'::prefecture, '2025-02-02', '{18:00,09:00}'::time[]);
-- a facility on an area of its own (facility_area): that area's windows,
-- from the tables and from a calendar that carries the row; its
-- prefecture and its neighbours keep theirs
BEGIN;
INSERT INTO facility_area VALUES ('1311234567', 'west', 'a western provider');
SELECT id, area FROM affecting_windows_on_day('1311234567'::medical_institution_code, '2025-02-02', opening_hours => '{06:00,09:00}');
SELECT area, period FROM affecting_windows_on_day('1311234567'::medical_institution_code, '2025-02-02', current_outage_calendar(), '{06:00,09:00}');
SELECT (SELECT array_agg(id) FROM affecting_windows_on_day('1312345678'::medical_institution_code, '2025-02-02')) AS neighbour,
	   (SELECT array_agg(id) FROM affecting_windows_on_day('東京都'::prefecture, '2025-02-02')) AS prefecture;
ROLLBACK;

-- The calendar forms, against the tables', for prefectures of each area,
-- days around the windows and opening hours, under three TimeZones and two
-- DateStyles: the most severe kind listed is eligibility_on_day's impact
-- (of the same source), every overload lists the same rows, and where an
-- area's windows do not overlap the calendar's segments are the windows
-- (area, period, guidance); after edits (a window of its own guidance, a
-- nationwide window, a prefecture moved, a facility on another area).
CREATE FUNCTION pg_temp.day_form_mismatches(tz text, ds text) RETURNS TABLE (
	zone text, probes bigint, with_rows bigint, compared bigint, wrong bigint)
LANGUAGE plpgsql AS $$
DECLARE
	cal outage_calendar := current_outage_calendar();
BEGIN
	PERFORM set_config('TimeZone', tz, true);
	PERFORM set_config('DateStyle', ds, true);
	RETURN QUERY
	WITH probe AS (
		SELECT p::prefecture AS pref, (lpad(p::text, 2, '0') || '12345678')::medical_institution_code AS fac,
			   d::date AS day, h.hours
		-- each area's and the moved ones (all of an area answer alike)
		FROM unnest('{1,13,14,15,16,27,40,47}'::int[]) AS p,
			 generate_series(timestamp '2025-01-31', timestamp '2025-02-03', interval '1 day') AS d,
			 hours_case AS h),
	r AS (
		SELECT x.*,
			   ARRAY(SELECT w::text FROM affecting_windows_on_day(x.pref, x.day, x.hours) w) AS t_rows,
			   ARRAY(SELECT w::text FROM affecting_windows_on_day(x.pref::text, x.day, x.hours) w) AS t_text,
			   ARRAY(SELECT w::text FROM affecting_windows_on_day(x.fac, x.day, x.hours) w) AS t_fac,
			   ARRAY(SELECT w::text FROM affecting_windows_on_day(x.pref, x.day, cal, x.hours) w) AS c_rows,
			   ARRAY(SELECT w::text FROM affecting_windows_on_day(prefecture_name_en(x.pref), x.day, cal, x.hours) w) AS c_text,
			   ARRAY(SELECT w::text FROM affecting_windows_on_day(x.fac, x.day, cal, x.hours) w) AS c_fac,
			   (SELECT max(kind(w.period)::eligibility_impact) FROM affecting_windows_on_day(x.fac, x.day, x.hours) w) AS t_kind,
			   (SELECT max(kind(w.period)::eligibility_impact) FROM affecting_windows_on_day(x.fac, x.day, cal, x.hours) w) AS c_kind,
			   (eligibility_on_day(x.fac, x.day, x.hours)).impact AS t_impact,
			   (eligibility_on_day(x.fac, x.day, cal, x.hours)).impact AS c_impact,
			   ARRAY(SELECT ROW(w.area, w.period, w.guidance)::text FROM affecting_windows_on_day(x.pref, x.day, x.hours) w) AS t_windows,
			   ARRAY(SELECT ROW(w.area, w.period, w.guidance)::text FROM affecting_windows_on_day(x.pref, x.day, cal, x.hours) w) AS c_windows,
			   -- no two windows of the area, or nationwide, meet
			   NOT EXISTS (SELECT FROM outage_schedule a
						   JOIN outage_schedule b ON a.id < b.id AND a.area IS NOT DISTINCT FROM b.area
							AND lower(a.period) <= upper(b.period) AND lower(b.period) <= upper(a.period)
						   WHERE a.area IS NULL
							  OR a.area = (SELECT pa.area FROM prefecture_area pa WHERE pa.prefecture = x.pref)) AS disjoint
		FROM probe AS x)
	SELECT tz, count(*), count(*) FILTER (WHERE cardinality(t_rows) > 0),
		   count(*) FILTER (WHERE disjoint AND cardinality(t_rows) > 0),
		   count(*) FILTER (WHERE t_rows <> t_text OR t_rows <> t_fac
								OR c_rows <> c_text OR c_rows <> c_fac
								OR COALESCE(t_kind, 'none') <> t_impact
								OR COALESCE(c_kind, 'none') <> c_impact
								OR t_impact <> c_impact
								OR (cardinality(t_rows) = 0) <> (cardinality(c_rows) = 0)
								OR (disjoint AND t_windows <> c_windows))
	FROM r;
END;
$$;
CREATE TEMP TABLE zones (zone text, ds text);
INSERT INTO zones VALUES ('Asia/Tokyo', 'ISO, YMD'), ('Pacific/Chatham', 'SQL, DMY'), ('America/St_Johns', 'German');
SELECT m.* FROM zones, pg_temp.day_form_mismatches(zone, ds) AS m;
BEGIN;
INSERT INTO outage_schedule (area, period, guidance) VALUES
	('east', '[2025-02-03 09:00+09,2025-02-03 10:00+09) outage', 'East outage of 2/3: paper card'),
	(NULL, '[2025-01-31 23:00+09,2025-02-01 01:00+09) intermittent', NULL);
UPDATE prefecture_area SET area = 'west' WHERE prefecture = '新潟県';
INSERT INTO facility_area VALUES ('2719876543', 'east', 'an eastern provider');
SELECT array_agg(id > 1000) AS osaka_facility_in_east_added FROM affecting_windows_on_day('2719876543'::medical_institution_code, '2025-02-03');
SELECT m.* FROM zones, pg_temp.day_form_mismatches(zone, ds) AS m;
SELECT id > 1000 AS added, area, period, guidance
FROM affecting_windows_on_day('新潟県'::prefecture, '2025-02-01');
ROLLBACK;
RESET DateStyle;
SET DateStyle = 'ISO, YMD';

--
-- uke_window_visits() takes its windows from affecting_windows_on_day(),
-- and uke_affected_claims()' table form is its calendar form over the
-- tables' calendar.  Oracles: the SQL each had before, reading the tables
-- by itself (uke_window_visits) or calling the table forms of the day
-- functions (uke_affected_claims).
--
CREATE FUNCTION pg_temp.old_uke_window_visits(
	file pg_catalog.bytea, opening_hours pg_catalog.time[] DEFAULT NULL,
	lenient pg_catalog.bool DEFAULT false)
RETURNS TABLE (
	window_id pg_catalog.int8,
	area pg_catalog.text,
	period public.outage_window,
	visit_date pg_catalog.date,
	facility_prefecture public.prefecture,
	medical_institution_code public.medical_institution_code,
	receipt_number pg_catalog.int4,
	chart_number pg_catalog.text,
	patient_name pg_catalog.text,
	patient_kana pg_catalog.text,
	sex pg_catalog.text,
	birth_date pg_catalog.date,
	insurer_number pg_catalog.text
)
LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT s.id, s.area, s.period, v.day, c.facility_prefecture,
		   c.medical_institution_code, c.receipt_number, c.chart_number,
		   c.patient_name, c.patient_kana, c.sex, c.birth_date, c.insurer_number
	FROM public.uke_claims(file, lenient) AS c
	CROSS JOIN LATERAL pg_catalog.unnest(c.visit_days) AS v(day)
	JOIN public.outage_schedule AS s
	  ON (s.area IS NULL
		  OR s.area OPERATOR(pg_catalog.=) COALESCE(
			 (SELECT f.area FROM public.facility_area AS f
			  WHERE f.facility OPERATOR(public.=) c.medical_institution_code),
			 (SELECT a.area FROM public.prefecture_area AS a
			  WHERE a.prefecture OPERATOR(public.=) c.facility_prefecture)))
	 AND public.affects_eligibility(
			 public.kind(s.period)::public.eligibility_impact)
	WHERE EXISTS (
		-- the window meets the day, or one of its opening hours
		SELECT FROM pg_catalog.generate_series(1,
					COALESCE(pg_catalog.cardinality(opening_hours), 2), 2) AS h(i)
		WHERE public.lower(s.period) OPERATOR(pg_catalog.<)
				  public.japan_time(v.day OPERATOR(pg_catalog.+)
					  COALESCE(opening_hours[h.i OPERATOR(pg_catalog.+) 1], '24:00'::pg_catalog.time))
		  AND public.upper(s.period) OPERATOR(pg_catalog.>)
				  public.japan_time(v.day OPERATOR(pg_catalog.+)
					  COALESCE(opening_hours[h.i], '00:00'::pg_catalog.time)))
	ORDER BY public.lower(s.period), public.upper(s.period), s.id,
			 v.day, c.patient_kana, c.line;
END;

CREATE FUNCTION pg_temp.old_uke_affected_claims(
	file pg_catalog.bytea, opening_hours pg_catalog.time[] DEFAULT NULL,
	lenient pg_catalog.bool DEFAULT false, lang pg_catalog.text DEFAULT 'ja')
RETURNS TABLE (
	line pg_catalog.int4,
	receipt_number pg_catalog.int4,
	claim_month pg_catalog.date,
	facility_prefecture public.prefecture,
	medical_institution_code public.medical_institution_code,
	patient_name pg_catalog.text,
	patient_kana pg_catalog.text,
	sex pg_catalog.text,
	birth_date pg_catalog.date,
	chart_number pg_catalog.text,
	insurer_number pg_catalog.text,
	public_payers pg_catalog.text[],
	confirmation_kinds pg_catalog.text[],
	visit_days pg_catalog.date[],
	affected_days pg_catalog.date[],
	grade public.eligibility_grade,
	impact public.eligibility_impact,
	guidance pg_catalog.text,
	reasons pg_catalog.text[]
)
LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT c.line, c.receipt_number, c.claim_month, c.facility_prefecture,
		   c.medical_institution_code, c.patient_name, c.patient_kana, c.sex,
		   c.birth_date, c.chart_number, c.insurer_number, c.public_payers,
		   c.confirmation_kinds, c.visit_days,
		   COALESCE(d.affected_days, '{}'),
		   COALESCE(d.grade, 'none'),
		   COALESCE(d.impact, 'none'),
		   -- the own guidance of the window behind the claim's impact, if it has one
		   COALESCE(d.guidance,
					public.review_guidance(COALESCE(d.impact, 'none'), lang)),
		   pg_catalog.array_remove(ARRAY[
			   CASE WHEN d.grade OPERATOR(pg_catalog.>) 'none'
					THEN 'visit_on_affected_day' END,
			   CASE WHEN public.reviews_failed_checks(d.impact)
						 AND pg_catalog.cardinality(c.confirmation_kinds) OPERATOR(pg_catalog.=) 0
					THEN 'no_confirmation_record' END,
			   CASE WHEN f.fusho_number AND NOT f.fusho_comment
					THEN 'fusho_without_comment' END,
			   CASE WHEN f.fusho_number
						 AND COALESCE(d.grade OPERATOR(pg_catalog.=) 'none', true)
					THEN 'fusho_on_unaffected_days' END,
			   CASE WHEN f.fusho_comment AND NOT f.fusho_number
					THEN 'fusho_comment_without_fusho_number' END,
			   CASE WHEN d.impact OPERATOR(pg_catalog.=) 'registration_delay'
					THEN 'registration_delay_only' END,
			   CASE WHEN pg_catalog.cardinality(c.bad_lines) OPERATOR(pg_catalog.>) 0
					THEN 'bad_records' END
		   ]::pg_catalog.text[], NULL)
	FROM public.uke_claims(file, lenient) AS c
	CROSS JOIN LATERAL (
		SELECT pg_catalog.array_agg(v.day ORDER BY v.day)
				   FILTER (WHERE e.grade OPERATOR(pg_catalog.>) 'none') AS affected_days,
			   pg_catalog.max(e.grade) FILTER (WHERE e.impact OPERATOR(pg_catalog.>) 'none') AS grade,
			   pg_catalog.max(e.impact) FILTER (WHERE e.impact OPERATOR(pg_catalog.>) 'none') AS impact,
			   (pg_catalog.array_agg(e.own_guidance
									 ORDER BY e.impact DESC, e.own_guidance IS NULL, v.day)
					FILTER (WHERE e.impact OPERATOR(pg_catalog.>) 'none'))[1] AS guidance
		FROM pg_catalog.unnest(c.visit_days) AS v(day),
			 -- the facility's own area (facility_area) by its code, else
			 -- the area of the IR record's prefecture
			 -- (own_guidance: the day's window's own text, NULL where it
			 -- has none (visit_guidance_on_day says its kind's then), where
			 -- the window deciding the whole day is of the impact within
			 -- the hours; a day with its own text goes first)
			 LATERAL (SELECT o.*,
							 CASE WHEN public.eligibility_impact_on_day(
									  c.medical_institution_code, v.day) OPERATOR(pg_catalog.=) o.impact
								  THEN (SELECT x.g FROM (VALUES (public.visit_guidance_on_day(
									  c.medical_institution_code, v.day, lang))) AS x(g)
									  WHERE x.g OPERATOR(pg_catalog.<>) public.review_guidance(o.impact, lang)) END AS own_guidance
					  FROM public.eligibility_on_day(
						  c.medical_institution_code, v.day, opening_hours) AS o
					  WHERE c.medical_institution_code IS NOT NULL
					  UNION ALL
					  SELECT o.*,
							 CASE WHEN public.eligibility_impact_on_day(
									  c.facility_prefecture, v.day) OPERATOR(pg_catalog.=) o.impact
								  THEN (SELECT x.g FROM (VALUES (public.visit_guidance_on_day(
									  c.facility_prefecture, v.day, lang))) AS x(g)
									  WHERE x.g OPERATOR(pg_catalog.<>) public.review_guidance(o.impact, lang)) END
					  FROM public.eligibility_on_day(
						  c.facility_prefecture, v.day, opening_hours) AS o
					  WHERE c.medical_institution_code IS NULL) AS e
	) AS d
	CROSS JOIN LATERAL (
		SELECT COALESCE(c.insurer_number OPERATOR(pg_catalog.=)
								   ANY ('{77777777,77777779}'::pg_catalog.text[]), false)
				   AS fusho_number,
			   EXISTS (SELECT FROM pg_catalog.unnest(c.comments) AS t(comment)
					   WHERE pg_catalog.strpos(t.comment, '不詳') OPERATOR(pg_catalog.>) 0)
				   AS fusho_comment
	) AS f
	WHERE d.impact IS NOT NULL OR f.fusho_number OR f.fusho_comment
	ORDER BY c.line;
END;

-- For every file and opening hours, under two TimeZones and DateStyles:
-- the rows, in their order, of the table form, the oracle and (but for
-- window_id) the calendar form.  The calendar lists segments, which are
-- the windows here: no two windows affecting eligibility of one area meet.
CREATE FUNCTION pg_temp.uke_form_mismatches(tz text, ds text) RETURNS TABLE (
	zone text, cases bigint, visit_rows bigint, claim_rows bigint,
	visits_differ bigint, calendar_visits_differ bigint,
	claims_differ bigint, calendar_claims_differ bigint)
LANGUAGE plpgsql AS $$
DECLARE
	cal outage_calendar := current_outage_calendar();
BEGIN
	PERFORM set_config('TimeZone', tz, true);
	PERFORM set_config('DateStyle', ds, true);
	RETURN QUERY
	WITH r AS (
		SELECT ARRAY(SELECT v::text FROM uke_window_visits(u.file, h.hours, true) v) AS v_table,
			   ARRAY(SELECT v::text FROM pg_temp.old_uke_window_visits(u.file, h.hours, true) v) AS v_oracle,
			   ARRAY(SELECT (v.window_id IS NULL, v.area, v.period, v.visit_date, v.receipt_number, v.patient_kana)::text
					 FROM uke_window_visits(u.file, h.hours, true) v) AS v_rows,
			   ARRAY(SELECT (v.window_id IS NOT NULL, v.area, v.period, v.visit_date, v.receipt_number, v.patient_kana)::text
					 FROM uke_window_visits(u.file, cal, h.hours, true) v) AS v_calendar,
			   ARRAY(SELECT a::text FROM uke_affected_claims(u.file, h.hours, true, l.lang) a) AS a_table,
			   ARRAY(SELECT a::text FROM pg_temp.old_uke_affected_claims(u.file, h.hours, true, l.lang) a) AS a_oracle,
			   ARRAY(SELECT a::text FROM uke_affected_claims(u.file, cal, h.hours, true, l.lang) a) AS a_calendar
		FROM uke AS u, hours_case AS h, unnest('{ja,en}'::text[]) AS l(lang)
		)
	SELECT tz, count(*), sum(cardinality(v_table)), sum(cardinality(a_table)),
		   count(*) FILTER (WHERE v_table IS DISTINCT FROM v_oracle),
		   count(*) FILTER (WHERE v_rows IS DISTINCT FROM v_calendar),
		   count(*) FILTER (WHERE a_table IS DISTINCT FROM a_oracle),
		   count(*) FILTER (WHERE a_table IS DISTINCT FROM a_calendar)
	FROM r;
END;
$$;
SELECT m.* FROM zones AS z, pg_temp.uke_form_mismatches(z.zone, z.ds) AS m WHERE z.zone <> 'America/St_Johns';
-- after edits: a facility on another area than its prefecture's, a
-- window's own guidance, new windows (one nationwide), a prefecture moved
BEGIN;
INSERT INTO facility_area VALUES ('1311234567', 'west', 'a western provider');
UPDATE outage_schedule SET guidance = 'West intermittent: retry after two minutes, then use the paper card' WHERE id = 3;
INSERT INTO outage_schedule (area, period, guidance) VALUES
	('west', '[2025-02-10 09:00+09,2025-02-10 10:00+09) outage', 'West outage of 2/10: paper card'),
	(NULL, '[2025-02-28 12:00+09,2025-02-28 13:00+09) intermittent', NULL),
	(NULL, '[2025-02-15 08:00+09,2025-02-15 08:30+09) registration_delay', NULL);
UPDATE prefecture_area SET area = 'west' WHERE prefecture = '神奈川県';
SELECT m.* FROM zones AS z, pg_temp.uke_form_mismatches(z.zone, z.ds) AS m WHERE z.zone <> 'America/St_Johns';
ROLLBACK;

-- The table form follows the schedule as it is edited, in the session:
-- a window added, moved, given another kind, deleted.
SELECT count(*) AS on_feb_10 FROM uke, uke_window_visits(file) v
WHERE name = 'east' AND v.visit_date = '2025-02-10';
BEGIN;
INSERT INTO outage_schedule (area, period) VALUES
	('east', '[2025-02-10 09:00+09,2025-02-10 10:00+09) outage');
SELECT window_id > 1000 AS added, area, period, visit_date, receipt_number
FROM uke, uke_window_visits(file) v WHERE name = 'east' AND v.visit_date >= '2025-02-10';
UPDATE outage_schedule SET period = '[2025-02-15 09:00+09,2025-02-15 10:00+09) outage' WHERE id > 1000;
SELECT window_id > 1000 AS added, period, visit_date, receipt_number
FROM uke, uke_window_visits(file, opening_hours => '{08:00,12:00}') v WHERE name = 'east' AND v.visit_date >= '2025-02-10';
SELECT count(*) AS outside_hours
FROM uke, uke_window_visits(file, opening_hours => '{10:00,12:00}') v WHERE name = 'east' AND v.visit_date >= '2025-02-10';
-- a registration delay does not affect eligibility: not listed
UPDATE outage_schedule SET period = '[2025-02-15 09:00+09,2025-02-15 10:00+09) registration_delay' WHERE id > 1000;
SELECT count(*) AS registration_delay
FROM uke, uke_window_visits(file) v WHERE name = 'east' AND v.visit_date >= '2025-02-10';
DELETE FROM outage_schedule WHERE id > 1000;
SELECT count(*) AS deleted
FROM uke, uke_window_visits(file) v WHERE name = 'east' AND v.visit_date >= '2025-02-10';
ROLLBACK;
RESET TimeZone;
