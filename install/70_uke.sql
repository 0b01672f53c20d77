-- ---------------------------------------------------------------------------
-- The monthly receipt file (レセ電, RECEIPTC.UKE): claims, their bad
-- records, the claims an outage audit must review, and the visits inside
-- each window with the identity items the file has.
-- ---------------------------------------------------------------------------
--
-- uke_parse.c reads the file in its own bytes (Shift_JIS/CP932, CR LF, up
-- to GO); uke.c converts its text with PostgreSQL's SJIS conversion and
-- returns one row per claim, streaming.  IMMUTABLE: the bytes and the
-- database encoding decide the rows.

CREATE FUNCTION @extschema@.uke_claims(file pg_catalog.bytea,
									   lenient pg_catalog.bool DEFAULT false)
RETURNS TABLE (
	line pg_catalog.int4,
	receipt_number pg_catalog.int4,
	claim_month pg_catalog.date,
	billing_month pg_catalog.date,
	facility_prefecture @extschema@.prefecture,
	facility_code pg_catalog.text,
	medical_institution_code @extschema@.medical_institution_code,
	facility_name pg_catalog.text,
	receipt_type pg_catalog.text,
	patient_name pg_catalog.text,
	patient_kana pg_catalog.text,
	sex pg_catalog.text,
	birth_date pg_catalog.date,
	chart_number pg_catalog.text,
	insurer_number pg_catalog.text,
	public_payers pg_catalog.text[],
	confirmation_kinds pg_catalog.text[],
	visit_days pg_catalog.date[],
	comments pg_catalog.text[],
	bad_lines pg_catalog.int4[]
)
AS 'MODULE_PATHNAME', 'uke_claims'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 1000;

COMMENT ON FUNCTION @extschema@.uke_claims(pg_catalog.bytea, pg_catalog.bool) IS
'One row per claim (RE) of a receipt file (レセ電, Shift_JIS/CP932, 医科 layout, 西暦 or 和暦 dates): line, receipt number, claim (診療) and billing (請求) months, the IR''s facility (prefecture, 7-digit code, 10-digit code, name), patient (name, kana, sex, birth date, chart number), HO insurer number (NULL without HO), KO payers, SN confirmation kinds, visit days (SI/IY/TO day fields, JD days coded 1 or 2), CO comments; a bad record raises an error naming its line, or with lenient is skipped and its line listed in bad_lines (uke_errors lists them all)';

CREATE FUNCTION @extschema@.uke_errors(file pg_catalog.bytea)
RETURNS TABLE (
	line pg_catalog.int4,
	record pg_catalog.text,
	field pg_catalog.int4,
	error pg_catalog.text,
	content pg_catalog.text
)
AS 'MODULE_PATHNAME', 'uke_errors'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 10;

COMMENT ON FUNCTION @extschema@.uke_errors(pg_catalog.bytea) IS
'One row per bad record of a receipt file, as uke_claims(file, lenient => true) skips them: line, record name, 0-based field at fault (NULL for the whole line), what is wrong, and the start of the line; no row for a good file';

-- uke_affected_claims: the claims an outage audit reviews.  A claim is
-- listed when a window touches one of its visit days in its facility's
-- area (during the opening hours, if given) or when it carries a 不詳
-- number (77777777, 77777779) or a 不詳 comment.  reasons says why:
--   visit_on_affected_day       a visit day that windows affecting
--                               eligibility cover (grade possible or certain)
--   no_confirmation_record      a visit day a window touched in which a
--                               visit without a successful check is
--                               reviewed (reviews_failed_checks: a
--                               registration delay too), and no SN record
--   fusho_without_comment       a 不詳 number without 「不詳」 in 摘要
--   fusho_on_unaffected_days    a 不詳 number, and no visit day affected
--   fusho_comment_without_fusho_number  「不詳」 in 摘要, real numbers
--   registration_delay_only     only registration delays touched the days
--   bad_records                 lenient mode skipped records of the claim

CREATE FUNCTION @extschema@.uke_affected_claims(
	file pg_catalog.bytea, calendar @extschema@.outage_calendar,
	opening_hours pg_catalog.time[] DEFAULT NULL,
	lenient pg_catalog.bool DEFAULT false, lang pg_catalog.text DEFAULT 'ja')
RETURNS TABLE (
	line pg_catalog.int4,
	receipt_number pg_catalog.int4,
	claim_month pg_catalog.date,
	facility_prefecture @extschema@.prefecture,
	medical_institution_code @extschema@.medical_institution_code,
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
	grade @extschema@.eligibility_grade,
	impact @extschema@.eligibility_impact,
	guidance pg_catalog.text,
	reasons pg_catalog.text[]
)
LANGUAGE sql IMMUTABLE PARALLEL SAFE
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
					@extschema@.review_guidance(COALESCE(d.impact, 'none'), lang)),
		   pg_catalog.array_remove(ARRAY[
			   CASE WHEN d.grade OPERATOR(pg_catalog.>) 'none'
					THEN 'visit_on_affected_day' END,
			   CASE WHEN @extschema@.reviews_failed_checks(d.impact)
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
	FROM @extschema@.uke_claims(file, lenient) AS c
	CROSS JOIN LATERAL (
		SELECT pg_catalog.array_agg(v.day ORDER BY v.day)
				   FILTER (WHERE e.grade OPERATOR(pg_catalog.>) 'none') AS affected_days,
			   pg_catalog.max(e.grade) FILTER (WHERE e.impact OPERATOR(pg_catalog.>) 'none') AS grade,
			   pg_catalog.max(e.impact) FILTER (WHERE e.impact OPERATOR(pg_catalog.>) 'none') AS impact,
			   (pg_catalog.array_agg(e.own_guidance
									 ORDER BY e.impact DESC, e.own_guidance IS NULL, v.day)
					FILTER (WHERE e.impact OPERATOR(pg_catalog.>) 'none'))[1] AS guidance
		FROM pg_catalog.unnest(c.visit_days) AS v(day),
			 -- the facility's own area in the calendar's facility_area by
			 -- its code, else the area of the IR record's prefecture
			 LATERAL (SELECT o.*,
							 CASE WHEN @extschema@.eligibility_impact_on_day(
									  c.medical_institution_code, v.day, calendar) OPERATOR(pg_catalog.=) o.impact
								  THEN (SELECT x.g FROM (VALUES (@extschema@.visit_guidance_on_day(
									  c.medical_institution_code, v.day, calendar, lang))) AS x(g)
									  WHERE x.g OPERATOR(pg_catalog.<>) @extschema@.review_guidance(o.impact, lang)) END AS own_guidance
					  FROM @extschema@.eligibility_on_day(
						  c.medical_institution_code, v.day, calendar, opening_hours) AS o
					  WHERE c.medical_institution_code IS NOT NULL
					  UNION ALL
					  SELECT o.*,
							 CASE WHEN @extschema@.eligibility_impact_on_day(
									  c.facility_prefecture, v.day, calendar) OPERATOR(pg_catalog.=) o.impact
								  THEN (SELECT x.g FROM (VALUES (@extschema@.visit_guidance_on_day(
									  c.facility_prefecture, v.day, calendar, lang))) AS x(g)
									  WHERE x.g OPERATOR(pg_catalog.<>) @extschema@.review_guidance(o.impact, lang)) END
					  FROM @extschema@.eligibility_on_day(
						  c.facility_prefecture, v.day, calendar, opening_hours) AS o
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

CREATE FUNCTION @extschema@.uke_affected_claims(
	file pg_catalog.bytea, opening_hours pg_catalog.time[] DEFAULT NULL,
	lenient pg_catalog.bool DEFAULT false, lang pg_catalog.text DEFAULT 'ja')
RETURNS TABLE (
	line pg_catalog.int4,
	receipt_number pg_catalog.int4,
	claim_month pg_catalog.date,
	facility_prefecture @extschema@.prefecture,
	medical_institution_code @extschema@.medical_institution_code,
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
	grade @extschema@.eligibility_grade,
	impact @extschema@.eligibility_impact,
	guidance pg_catalog.text,
	reasons pg_catalog.text[]
)
LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	-- The calendar form over the tables' calendar, as this statement sees
	-- them: the schedule the table forms read.  The calendar is made once,
	-- in a subquery kept apart (OFFSET 0), and reaches the calendar form
	-- as a column, so that the calendar form is inlined here rather than
	-- run as a function whose rows are stored once more (as with an
	-- argument (SELECT ...)).
	SELECT a.line, a.receipt_number, a.claim_month, a.facility_prefecture,
		   a.medical_institution_code, a.patient_name, a.patient_kana, a.sex,
		   a.birth_date, a.chart_number, a.insurer_number, a.public_payers,
		   a.confirmation_kinds, a.visit_days, a.affected_days, a.grade,
		   a.impact, a.guidance, a.reasons
	FROM (SELECT @extschema@.current_outage_calendar() AS calendar
		  OFFSET 0) AS k
	CROSS JOIN LATERAL @extschema@.uke_affected_claims(
		file, k.calendar, opening_hours, lenient, lang) AS a
	ORDER BY a.line;
END;

COMMENT ON FUNCTION @extschema@.uke_affected_claims(pg_catalog.bytea, pg_catalog.time[], pg_catalog.bool, pg_catalog.text) IS
'The claims of a receipt file an outage audit reviews: a visit day touched by a window of the facility''s area (within the opening hours, if given), or a 不詳 number or comment; with the affected days, the day-level grade and impact, the guidance (the own guidance of the window behind the impact, else review_guidance) and the reasons (visit_on_affected_day, no_confirmation_record, fusho_without_comment, fusho_on_unaffected_days, fusho_comment_without_fusho_number, registration_delay_only, bad_records)';
COMMENT ON FUNCTION @extschema@.uke_affected_claims(pg_catalog.bytea, @extschema@.outage_calendar, pg_catalog.time[], pg_catalog.bool, pg_catalog.text) IS
'uke_affected_claims against a calendar (a stored audit''s, or a what-if): the same rows, reading no table (a facility''s area from the calendar''s facility_area)';

-- uke_window_visits: the list to take after an outage (緊急時医療情報・資格確認
-- 機能 looks patients up by 氏名・性別・生年月日・住所): each window that
-- affected eligibility, and the visits on the days it touched at a facility
-- of its area, with the identity items the receipt file has.  The file has
-- no address.

CREATE FUNCTION @extschema@.uke_window_visits(
	file pg_catalog.bytea, opening_hours pg_catalog.time[] DEFAULT NULL,
	lenient pg_catalog.bool DEFAULT false)
RETURNS TABLE (
	window_id pg_catalog.int8,
	area pg_catalog.text,
	period @extschema@.outage_window,
	visit_date pg_catalog.date,
	facility_prefecture @extschema@.prefecture,
	medical_institution_code @extschema@.medical_institution_code,
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
	SELECT w.id, w.area, w.period, v.day, c.facility_prefecture,
		   c.medical_institution_code, c.receipt_number, c.chart_number,
		   c.patient_name, c.patient_kana, c.sex, c.birth_date, c.insurer_number
	FROM @extschema@.uke_claims(file, lenient) AS c
	CROSS JOIN LATERAL pg_catalog.unnest(c.visit_days) AS v(day)
	CROSS JOIN LATERAL (
		SELECT o.id, o.area, o.period
		FROM @extschema@.affecting_windows_on_day(
			c.medical_institution_code, v.day, opening_hours) AS o
		WHERE c.medical_institution_code IS NOT NULL
		UNION ALL
		SELECT o.id, o.area, o.period
		FROM @extschema@.affecting_windows_on_day(
			c.facility_prefecture, v.day, opening_hours) AS o
		WHERE c.medical_institution_code IS NULL) AS w
	WHERE @extschema@.affects_eligibility(
			  @extschema@.kind(w.period)::@extschema@.eligibility_impact)
	ORDER BY @extschema@.lower(w.period), @extschema@.upper(w.period), w.id,
			 w.area, v.day, c.patient_kana, c.line;
END;

CREATE FUNCTION @extschema@.uke_window_visits(
	file pg_catalog.bytea, calendar @extschema@.outage_calendar,
	opening_hours pg_catalog.time[] DEFAULT NULL,
	lenient pg_catalog.bool DEFAULT false)
RETURNS TABLE (
	window_id pg_catalog.int8,
	area pg_catalog.text,
	period @extschema@.outage_window,
	visit_date pg_catalog.date,
	facility_prefecture @extschema@.prefecture,
	medical_institution_code @extschema@.medical_institution_code,
	receipt_number pg_catalog.int4,
	chart_number pg_catalog.text,
	patient_name pg_catalog.text,
	patient_kana pg_catalog.text,
	sex pg_catalog.text,
	birth_date pg_catalog.date,
	insurer_number pg_catalog.text
)
LANGUAGE sql IMMUTABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT w.id, w.area, w.period, v.day, c.facility_prefecture,
		   c.medical_institution_code, c.receipt_number, c.chart_number,
		   c.patient_name, c.patient_kana, c.sex, c.birth_date, c.insurer_number
	FROM @extschema@.uke_claims(file, lenient) AS c
	CROSS JOIN LATERAL pg_catalog.unnest(c.visit_days) AS v(day)
	CROSS JOIN LATERAL (
		SELECT o.id, o.area, o.period
		FROM @extschema@.affecting_windows_on_day(
			c.medical_institution_code, v.day, calendar, opening_hours) AS o
		WHERE c.medical_institution_code IS NOT NULL
		UNION ALL
		SELECT o.id, o.area, o.period
		FROM @extschema@.affecting_windows_on_day(
			c.facility_prefecture, v.day, calendar, opening_hours) AS o
		WHERE c.medical_institution_code IS NULL) AS w
	WHERE @extschema@.affects_eligibility(
			  @extschema@.kind(w.period)::@extschema@.eligibility_impact)
	ORDER BY @extschema@.lower(w.period), @extschema@.upper(w.period), w.id,
			 w.area, v.day, c.patient_kana, c.line;
END;

COMMENT ON FUNCTION @extschema@.uke_window_visits(pg_catalog.bytea, pg_catalog.time[], pg_catalog.bool) IS
'The after-outage list from a receipt file: each outage or intermittent window of outage_schedule, and the visits on the days it touched (within the opening hours, if given) at a facility of its area (facility_area''s, else its prefecture''s), with the identity items the file has (name, kana, sex, birth date; no address) and the chart number; the windows are affecting_windows_on_day''s';
COMMENT ON FUNCTION @extschema@.uke_window_visits(pg_catalog.bytea, @extschema@.outage_calendar, pg_catalog.time[], pg_catalog.bool) IS
'uke_window_visits against a calendar (a stored audit''s, or a what-if), reading no table: the windows are the calendar''s segments (window_id NULL; overlapping windows of one area appear as the segments the calendar made of them)';
