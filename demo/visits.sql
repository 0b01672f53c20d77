-- demo/visits.sql - a realistic sample of HIS visit records around the
-- 2025-02-01/02 network renewal, for the README's demo command.
--
-- Ten facilities (five in the East area, five in the West), outpatient
-- visits in opening hours and emergency visits at night, from Friday
-- 2025-01-31 to Monday 2025-02-03.  Like most HIS exports, the facility's
-- prefecture is a varchar in whatever spelling the system uses and the
-- visit time is a local timestamp without time zone (Japan time).  How
-- eligibility was checked depends on whether the system was really down:
-- the extension is not consulted to make the sample, only to report on it.
\set ON_ERROR_STOP on
SET client_min_messages = warning;

CREATE SCHEMA his;

CREATE TABLE his.facility (
	facility_id int PRIMARY KEY,
	name text NOT NULL,
	prefecture varchar(20) NOT NULL,	-- as typed in the HIS master
	has_er boolean NOT NULL,
	sunday_duty boolean NOT NULL	-- 休日当番医: open on Sunday 2025-02-02
);

INSERT INTO his.facility VALUES
	(1, '札幌中央クリニック', '北海道', false, true),
	(2, '仙台青葉病院', '宮城県', true, false),
	(3, '東京みなと総合病院', '東京都', true, false),
	(4, '横浜港北クリニック', 'Kanagawa', false, true),
	(5, '松本あがた内科', '長野', false, false),
	(6, '静岡駿河病院', '静岡県', true, false),
	(7, '名古屋栄クリニック', 'ｱｲﾁｹﾝ', false, true),
	(8, '大阪北浜総合病院', '大阪府', true, false),
	(9, '博多駅前内科', '40', false, false),
	(10, '那覇みなみ病院', 'おきなわけん', true, false);

CREATE TABLE his.visit (
	visit_id int PRIMARY KEY,
	facility_id int NOT NULL REFERENCES his.facility,
	visit_at timestamp NOT NULL,	-- local (Japan) time, as the HIS records it
	eligibility_check text NOT NULL
		CHECK (eligibility_check IN ('online', 'card_face', 'self_declaration')),
	check_result text NOT NULL
		CHECK (check_result IN ('valid', 'error', 'not_checked')),
	insurer_number varchar(8) NOT NULL,
	copay_percent int NOT NULL CHECK (copay_percent IN (10, 20, 30, 100))
);

COMMENT ON TABLE his.visit IS 'Sample visits: one row per reception, local Japan time';

\o /dev/null
SELECT setseed(0.20250201);
\o

-- The truth the sample is drawn from: when was verification really down at
-- each facility (independent of the extension, written out by hand).
CREATE TEMP TABLE truth (area text, starts timestamp, ends timestamp, how text);
INSERT INTO truth VALUES
	('east', '2025-02-01 22:00', '2025-02-02 00:30', 'down'),
	('east', '2025-02-02 03:00', '2025-02-02 22:00', 'flaky'),
	('west', '2025-02-02 07:00', '2025-02-02 08:00', 'flaky');

WITH slots AS (
	-- outpatient: 08:30-18:00 on weekdays, Saturday morning, and Sunday
	-- 09:00-17:00 at the holiday-duty clinics; emergency departments all
	-- day and night
	SELECT f.facility_id, f.prefecture, f.has_er,
		   d + make_interval(mins => (510 + floor(random() * 570))::int) AS visit_at
	FROM his.facility f,
		 generate_series(timestamp '2025-01-31', timestamp '2025-02-03', interval '1 day') d,
		 generate_series(1, 40) n
	WHERE extract(isodow FROM d) <> 7
	  AND (extract(isodow FROM d) <> 6 OR n <= 15)
	UNION ALL
	SELECT f.facility_id, f.prefecture, f.has_er,
		   timestamp '2025-02-02 09:00' + make_interval(mins => floor(random() * 480)::int)
	FROM his.facility f, generate_series(1, 35) n
	WHERE f.sunday_duty
	UNION ALL
	SELECT f.facility_id, f.prefecture, f.has_er,
		   timestamp '2025-01-31 00:00' + make_interval(mins => floor(random() * 4 * 1440)::int)
	FROM his.facility f, generate_series(1, 160) n
	WHERE f.has_er
), visits AS (
	SELECT s.*,
		   (SELECT t.how FROM truth t
			WHERE t.area = CASE WHEN s.facility_id <= 5 THEN 'east' ELSE 'west' END
			  -- intermittent drops are a minute or two an hour: most visits
			  -- in those windows still verified fine
			  AND (t.how = 'down' OR random() < 0.3)
			  AND s.visit_at >= t.starts AND s.visit_at < t.ends) AS how,
		   random() AS r1, random() AS r2, random() AS r3
	FROM slots s
)
INSERT INTO his.visit
SELECT row_number() OVER (ORDER BY visit_at, facility_id),
	   facility_id, date_trunc('minute', visit_at),
	   CASE
		   WHEN how = 'down' THEN CASE WHEN r1 < 0.55 THEN 'self_declaration' ELSE 'card_face' END
		   WHEN how = 'flaky' AND r1 < 0.25 THEN 'self_declaration'
		   WHEN r1 < 0.9 THEN 'online'
		   ELSE 'card_face'
	   END,
	   CASE
		   WHEN how = 'down' THEN 'not_checked'
		   WHEN how = 'flaky' AND r1 < 0.25 THEN 'error'
		   WHEN r1 < 0.9 THEN 'valid'
		   ELSE 'not_checked'
	   END,
	   CASE
		   WHEN how = 'down' AND r1 < 0.55 AND r2 < 0.5 THEN (ARRAY['77777777', '77777779'])[1 + (r3 < 0.2)::int]
		   WHEN how = 'flaky' AND r1 < 0.25 AND r2 < 0.5 THEN '77777777'
		   ELSE (ARRAY['06132013', '01130012', '138057', '32131019', '39132018'])[1 + floor(r3 * 5)::int]
	   END,
	   CASE
		   -- 10割 charged by mistake, where eligibility could not be verified
		   WHEN (how = 'down' OR (how = 'flaky' AND r1 < 0.25)) AND r2 > 0.85 THEN 100
		   WHEN r3 < 0.15 THEN 20
		   WHEN r3 < 0.25 THEN 10
		   ELSE 30
	   END
FROM visits;

ANALYZE his.facility, his.visit;
