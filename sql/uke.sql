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
