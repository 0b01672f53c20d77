--
-- eligibility_review: the after-outage review of one visit, whatever system
-- recorded it.  A report for a hospital information system is an adapter:
-- it reads that system's tables into a visit's facility, its Japan date and
-- local time (NULL when not recorded), and the outcome of that day's online
-- eligibility check, and asks this function what the visit means.  ORCA's
-- reports (60_orca.sql) are one such adapter.
--
-- The check outcome, in words every adapter maps its own codes onto:
--   ok            a completed check found the insurance valid
--   not_valid     a completed check found it not valid
--   kohi_only     only a 公費 (public-expense) look-up completed, valid
--   failed        checks were made, none completed
--   no_check      no check that day
--   unregistered  the visit has no patient number to link checks to
-- Any other value, or NULL, is an outcome not known: reviewed.
--
-- The answer: the impact (the most severe window at the visit time, or
-- touching the day when the time is not recorded), whether it affected
-- eligibility, whether the visit needs review, why, and what to do.  A
-- visit needs review when its check was not 'ok' in a window whose impact
-- reviews failed checks (reviews_failed_checks): an outage or intermittent
-- window, which affected eligibility, and also a registration delay, which
-- did not (the notice, section 2(3): a card whose registration had not
-- completed was handled as in an outage).  The reason there starts with
-- 'delay_' (delay_check_failed, delay_no_check, ...), so the auditor sees
-- that the window itself did not stop verification.  The visit forms give
-- the own guidance of the window that decides the visit
-- (outage_schedule.guidance, through visit_guidance), else its impact's
-- review_guidance.  A visit that cannot be placed (no facility or no date)
-- has NULL for all of them.
--

-- The answer for a visit whose impact is known: the one place that says
-- which visits are reviewed and why.
CREATE FUNCTION @extschema@.eligibility_review(
	impact @extschema@.eligibility_impact, check_status pg_catalog.text,
	lang pg_catalog.text DEFAULT 'ja',
	OUT affected pg_catalog.bool, OUT needs_review pg_catalog.bool,
	OUT reason pg_catalog.text, OUT guidance pg_catalog.text)
RETURNS pg_catalog.record
LANGUAGE sql IMMUTABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT a.affected,
		   CASE WHEN a.reviewed
				THEN NOT COALESCE(check_status OPERATOR(pg_catalog.=) 'ok', false)
				ELSE a.reviewed END,
		   CASE WHEN a.reviewed IS NOT TRUE
					 OR check_status OPERATOR(pg_catalog.=) 'ok' THEN NULL
				-- reviewed in a window that did not affect eligibility
				WHEN NOT a.affected THEN 'delay_' ELSE '' END
		   OPERATOR(pg_catalog.||)
		   CASE WHEN check_status OPERATOR(pg_catalog.=) 'not_valid' THEN 'check_not_valid'
				WHEN check_status OPERATOR(pg_catalog.=) 'kohi_only' THEN 'kohi_check_only'
				WHEN check_status OPERATOR(pg_catalog.=) 'failed' THEN 'check_failed'
				WHEN check_status OPERATOR(pg_catalog.=) 'no_check' THEN 'no_check'
				WHEN check_status OPERATOR(pg_catalog.=) 'unregistered' THEN 'no_patient_number'
				ELSE 'check_unknown' END,
		   @extschema@.review_guidance(impact, lang)
	FROM (SELECT @extschema@.affects_eligibility(impact) AS affected,
				 @extschema@.reviews_failed_checks(impact) AS reviewed) AS a
	-- an unsupported language fails even for a visit that cannot be placed
	WHERE @extschema@.review_guidance('none'::@extschema@.eligibility_impact, lang) IS NOT NULL;
END;

COMMENT ON FUNCTION @extschema@.eligibility_review(@extschema@.eligibility_impact, pg_catalog.text, pg_catalog.text) IS
'The after-outage review of a visit with this impact and check outcome (ok, not_valid, kohi_only, failed, no_check, unregistered): whether it affected eligibility, whether it needs review (a check that did not succeed in a window reviews_failed_checks names) and why (delay_ before the reason in a window that did not affect eligibility), and what to do (lang ''ja'' or ''en'')';

-- A visit by its facility's prefecture, Japan date and local time (NULL:
-- not recorded, then the most severe window touching the day counts).
CREATE FUNCTION @extschema@.eligibility_review(
	facility_prefecture @extschema@.prefecture, visit_date pg_catalog.date,
	visit_at pg_catalog.timestamp, check_status pg_catalog.text,
	lang pg_catalog.text DEFAULT 'ja',
	OUT impact @extschema@.eligibility_impact, OUT affected pg_catalog.bool,
	OUT needs_review pg_catalog.bool, OUT reason pg_catalog.text,
	OUT guidance pg_catalog.text)
RETURNS pg_catalog.record
LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT i.impact, r.affected, r.needs_review, r.reason,
		   COALESCE(i.guidance, r.guidance)
	FROM (SELECT CASE WHEN visit_at IS NOT NULL
					  THEN @extschema@.eligibility_impact(facility_prefecture, visit_at)
					  ELSE @extschema@.eligibility_impact_on_day(facility_prefecture, visit_date) END
				 AS impact,
				 CASE WHEN visit_at IS NOT NULL
					  THEN @extschema@.visit_guidance(facility_prefecture, visit_at, lang)
					  ELSE @extschema@.visit_guidance_on_day(facility_prefecture, visit_date, lang) END
				 AS guidance) AS i,
		 @extschema@.eligibility_review(i.impact, check_status, lang) AS r;
END;

-- The same for a facility by its 10-digit code (facility_area's area, else
-- its prefecture's).
CREATE FUNCTION @extschema@.eligibility_review(
	facility @extschema@.medical_institution_code, visit_date pg_catalog.date,
	visit_at pg_catalog.timestamp, check_status pg_catalog.text,
	lang pg_catalog.text DEFAULT 'ja',
	OUT impact @extschema@.eligibility_impact, OUT affected pg_catalog.bool,
	OUT needs_review pg_catalog.bool, OUT reason pg_catalog.text,
	OUT guidance pg_catalog.text)
RETURNS pg_catalog.record
LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT i.impact, r.affected, r.needs_review, r.reason,
		   COALESCE(i.guidance, r.guidance)
	FROM (SELECT CASE WHEN visit_at IS NOT NULL
					  THEN @extschema@.eligibility_impact(facility, visit_at)
					  ELSE @extschema@.eligibility_impact_on_day(facility, visit_date) END
				 AS impact,
				 CASE WHEN visit_at IS NOT NULL
					  THEN @extschema@.visit_guidance(facility, visit_at, lang)
					  ELSE @extschema@.visit_guidance_on_day(facility, visit_date, lang) END
				 AS guidance) AS i,
		 @extschema@.eligibility_review(i.impact, check_status, lang) AS r;
END;

-- The same against a calendar (an audit re-run on the schedule it was made
-- with; reads no table).
CREATE FUNCTION @extschema@.eligibility_review(
	facility_prefecture @extschema@.prefecture, visit_date pg_catalog.date,
	visit_at pg_catalog.timestamp, check_status pg_catalog.text,
	calendar @extschema@.outage_calendar, lang pg_catalog.text DEFAULT 'ja',
	OUT impact @extschema@.eligibility_impact, OUT affected pg_catalog.bool,
	OUT needs_review pg_catalog.bool, OUT reason pg_catalog.text,
	OUT guidance pg_catalog.text)
RETURNS pg_catalog.record
LANGUAGE sql IMMUTABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT i.impact, r.affected, r.needs_review, r.reason,
		   COALESCE(i.guidance, r.guidance)
	FROM (SELECT CASE WHEN visit_at IS NOT NULL
					  THEN @extschema@.eligibility_impact(facility_prefecture, visit_at, calendar)
					  ELSE @extschema@.eligibility_impact_on_day(facility_prefecture, visit_date, calendar) END
				 AS impact,
				 CASE WHEN visit_at IS NOT NULL
					  THEN @extschema@.visit_guidance(facility_prefecture, visit_at, calendar, lang)
					  ELSE @extschema@.visit_guidance_on_day(facility_prefecture, visit_date, calendar, lang) END
				 AS guidance) AS i,
		 @extschema@.eligibility_review(i.impact, check_status, lang) AS r;
END;

COMMENT ON FUNCTION @extschema@.eligibility_review(@extschema@.prefecture, pg_catalog.date, pg_catalog.timestamp, pg_catalog.text, pg_catalog.text) IS
'The after-outage review of one visit, for any HIS: its facility''s prefecture, Japan date, Japan local time (NULL if not recorded) and check outcome give the impact, whether it affected eligibility, whether it needs review and why, and what to do';
COMMENT ON FUNCTION @extschema@.eligibility_review(@extschema@.medical_institution_code, pg_catalog.date, pg_catalog.timestamp, pg_catalog.text, pg_catalog.text) IS
'The after-outage review of one visit at this facility (its facility_area area, else its prefecture''s): impact, affected, needs_review, reason, guidance';
COMMENT ON FUNCTION @extschema@.eligibility_review(@extschema@.prefecture, pg_catalog.date, pg_catalog.timestamp, pg_catalog.text, @extschema@.outage_calendar, pg_catalog.text) IS
'The after-outage review of one visit against the given calendar (reads no table): impact, affected, needs_review, reason, guidance';
