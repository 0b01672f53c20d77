--
-- A facility by its 10-digit code, against a calendar: the calendar carries
-- facility_area (current_outage_calendar() puts it in), so these answer as
-- the table forms do for the facility's own area, else its prefecture's,
-- reading no table (IMMUTABLE: Citus workers, stored audits).
--

CREATE FUNCTION @extschema@.is_eligibility_affected(
	facility @extschema@.medical_institution_code, visit_at pg_catalog.timestamptz,
	calendar @extschema@.outage_calendar)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'is_eligibility_affected'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
SUPPORT @extschema@.is_eligibility_affected_support;

CREATE FUNCTION @extschema@.is_eligibility_affected(
	facility @extschema@.medical_institution_code, visit_at pg_catalog.timestamp,
	calendar @extschema@.outage_calendar)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'is_eligibility_affected'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
SUPPORT @extschema@.is_eligibility_affected_support;

CREATE FUNCTION @extschema@.eligibility_impact(
	facility @extschema@.medical_institution_code, visit_at pg_catalog.timestamptz,
	calendar @extschema@.outage_calendar)
RETURNS @extschema@.eligibility_impact
AS 'MODULE_PATHNAME', 'eligibility_impact'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.eligibility_impact(
	facility @extschema@.medical_institution_code, visit_at pg_catalog.timestamp,
	calendar @extschema@.outage_calendar)
RETURNS @extschema@.eligibility_impact
AS 'MODULE_PATHNAME', 'eligibility_impact'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.eligibility_impact_on_day(
	facility @extschema@.medical_institution_code, visit_date pg_catalog.date,
	calendar @extschema@.outage_calendar)
RETURNS @extschema@.eligibility_impact
AS 'MODULE_PATHNAME', 'eligibility_impact_on_day'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.affecting_windows(
	facility @extschema@.medical_institution_code, visit_at pg_catalog.timestamptz,
	calendar @extschema@.outage_calendar)
RETURNS SETOF @extschema@.outage_schedule
AS 'MODULE_PATHNAME', 'affecting_windows'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 2;

CREATE FUNCTION @extschema@.affecting_windows(
	facility @extschema@.medical_institution_code, visit_at pg_catalog.timestamp,
	calendar @extschema@.outage_calendar)
RETURNS SETOF @extschema@.outage_schedule
AS 'MODULE_PATHNAME', 'affecting_windows'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 2;

CREATE FUNCTION @extschema@.eligibility_on_day(
	facility @extschema@.medical_institution_code, visit_date pg_catalog.date,
	calendar @extschema@.outage_calendar, opening_hours pg_catalog.time[] DEFAULT NULL,
	OUT impact @extschema@.eligibility_impact, OUT grade @extschema@.eligibility_grade,
	OUT affected_time pg_catalog.interval, OUT open_time pg_catalog.interval)
RETURNS pg_catalog.record
AS 'MODULE_PATHNAME', 'eligibility_on_day'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE FUNCTION @extschema@.eligibility_grade_on_day(
	facility @extschema@.medical_institution_code, visit_date pg_catalog.date,
	calendar @extschema@.outage_calendar, opening_hours pg_catalog.time[] DEFAULT NULL)
RETURNS @extschema@.eligibility_grade
AS 'MODULE_PATHNAME', 'eligibility_grade_on_day'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.is_eligibility_affected(@extschema@.medical_institution_code, pg_catalog.timestamptz, @extschema@.outage_calendar) IS
'True when a visit at this facility falls in an outage or intermittent window of the given calendar, for the facility''s area in the calendar''s facility_area, else its prefecture''s (reads no table)';
COMMENT ON FUNCTION @extschema@.is_eligibility_affected(@extschema@.medical_institution_code, pg_catalog.timestamp, @extschema@.outage_calendar) IS
'True when a visit at this facility, at this Japan local time, falls in an outage or intermittent window of the given calendar (reads no table)';
COMMENT ON FUNCTION @extschema@.eligibility_impact(@extschema@.medical_institution_code, pg_catalog.timestamptz, @extschema@.outage_calendar) IS
'The most severe window of the given calendar that applies to a visit at this facility (its area in the calendar''s facility_area, else its prefecture''s; reads no table)';
COMMENT ON FUNCTION @extschema@.eligibility_impact(@extschema@.medical_institution_code, pg_catalog.timestamp, @extschema@.outage_calendar) IS
'The most severe window of the given calendar that applies to a visit at this facility at this Japan local time (reads no table)';
COMMENT ON FUNCTION @extschema@.eligibility_impact_on_day(@extschema@.medical_institution_code, pg_catalog.date, @extschema@.outage_calendar) IS
'The most severe window of the given calendar that touches this Japan calendar day at this facility (reads no table)';
COMMENT ON FUNCTION @extschema@.affecting_windows(@extschema@.medical_institution_code, pg_catalog.timestamptz, @extschema@.outage_calendar) IS
'The segments of the given calendar that apply to a visit at this facility (its area in the calendar''s facility_area, else its prefecture''s, and the nationwide one), most severe first; id, note and source are NULL, guidance is the segment''s own (reads no table)';
COMMENT ON FUNCTION @extschema@.affecting_windows(@extschema@.medical_institution_code, pg_catalog.timestamp, @extschema@.outage_calendar) IS
'The segments of the given calendar that apply to a visit at this facility at this Japan local time, most severe first; id, note and source are NULL, guidance is the segment''s own';
COMMENT ON FUNCTION @extschema@.eligibility_on_day(@extschema@.medical_institution_code, pg_catalog.date, @extschema@.outage_calendar, pg_catalog.time[]) IS
'A claim''s day at this facility against a calendar (its area in the calendar''s facility_area, else its prefecture''s): impact, grade and times over the opening hours; reads no table';
COMMENT ON FUNCTION @extschema@.eligibility_grade_on_day(@extschema@.medical_institution_code, pg_catalog.date, @extschema@.outage_calendar, pg_catalog.time[]) IS
'The day-level grade over the opening hours at this facility, against a calendar; reads no table';

--
-- visit_guidance: what review_guidance says, for a visit rather than an
-- impact: the own guidance of the window that decides the visit (the most
-- severe one; outage_schedule.guidance), else its kind's review_guidance.
-- A timestamp is Japan local time, as in the other eligibility functions;
-- visit_guidance_on_day takes a date, the whole Japan day (its own name,
-- as eligibility_impact_on_day's: an untyped '2025-02-02' would otherwise
-- pick the timestamptz form and the session's TimeZone).  Its own name,
-- not review_guidance's: an overload there would make
-- review_guidance('outage', 'en') ambiguous.
--

CREATE FUNCTION @extschema@.visit_guidance(
	facility_prefecture @extschema@.prefecture, visit_at pg_catalog.timestamptz,
	lang pg_catalog.text DEFAULT 'ja')
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'visit_guidance'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.visit_guidance(
	facility_prefecture @extschema@.prefecture, visit_at pg_catalog.timestamp,
	lang pg_catalog.text DEFAULT 'ja')
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'visit_guidance'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.visit_guidance_on_day(
	facility_prefecture @extschema@.prefecture, visit_date pg_catalog.date,
	lang pg_catalog.text DEFAULT 'ja')
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'visit_guidance_on_day'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.visit_guidance(
	facility_prefecture pg_catalog.text, visit_at pg_catalog.timestamptz,
	lang pg_catalog.text DEFAULT 'ja')
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'visit_guidance'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.visit_guidance(
	facility_prefecture pg_catalog.text, visit_at pg_catalog.timestamp,
	lang pg_catalog.text DEFAULT 'ja')
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'visit_guidance'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.visit_guidance_on_day(
	facility_prefecture pg_catalog.text, visit_date pg_catalog.date,
	lang pg_catalog.text DEFAULT 'ja')
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'visit_guidance_on_day'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.visit_guidance(
	facility @extschema@.medical_institution_code, visit_at pg_catalog.timestamptz,
	lang pg_catalog.text DEFAULT 'ja')
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'visit_guidance'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.visit_guidance(
	facility @extschema@.medical_institution_code, visit_at pg_catalog.timestamp,
	lang pg_catalog.text DEFAULT 'ja')
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'visit_guidance'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.visit_guidance_on_day(
	facility @extschema@.medical_institution_code, visit_date pg_catalog.date,
	lang pg_catalog.text DEFAULT 'ja')
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'visit_guidance_on_day'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.visit_guidance(
	facility_prefecture @extschema@.prefecture, visit_at pg_catalog.timestamptz,
	calendar @extschema@.outage_calendar, lang pg_catalog.text DEFAULT 'ja')
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'visit_guidance'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.visit_guidance(
	facility_prefecture @extschema@.prefecture, visit_at pg_catalog.timestamp,
	calendar @extschema@.outage_calendar, lang pg_catalog.text DEFAULT 'ja')
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'visit_guidance'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.visit_guidance_on_day(
	facility_prefecture @extschema@.prefecture, visit_date pg_catalog.date,
	calendar @extschema@.outage_calendar, lang pg_catalog.text DEFAULT 'ja')
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'visit_guidance_on_day'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.visit_guidance(
	facility_prefecture pg_catalog.text, visit_at pg_catalog.timestamptz,
	calendar @extschema@.outage_calendar, lang pg_catalog.text DEFAULT 'ja')
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'visit_guidance'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.visit_guidance(
	facility_prefecture pg_catalog.text, visit_at pg_catalog.timestamp,
	calendar @extschema@.outage_calendar, lang pg_catalog.text DEFAULT 'ja')
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'visit_guidance'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.visit_guidance_on_day(
	facility_prefecture pg_catalog.text, visit_date pg_catalog.date,
	calendar @extschema@.outage_calendar, lang pg_catalog.text DEFAULT 'ja')
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'visit_guidance_on_day'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.visit_guidance(
	facility @extschema@.medical_institution_code, visit_at pg_catalog.timestamptz,
	calendar @extschema@.outage_calendar, lang pg_catalog.text DEFAULT 'ja')
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'visit_guidance'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.visit_guidance(
	facility @extschema@.medical_institution_code, visit_at pg_catalog.timestamp,
	calendar @extschema@.outage_calendar, lang pg_catalog.text DEFAULT 'ja')
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'visit_guidance'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.visit_guidance_on_day(
	facility @extschema@.medical_institution_code, visit_date pg_catalog.date,
	calendar @extschema@.outage_calendar, lang pg_catalog.text DEFAULT 'ja')
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'visit_guidance_on_day'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.visit_guidance(@extschema@.prefecture, pg_catalog.timestamptz, pg_catalog.text) IS
'What to do for a visit at a facility in this prefecture: the own guidance of the most severe window that applies (outage_schedule.guidance), else review_guidance of its impact (lang ''ja'' or ''en'')';
COMMENT ON FUNCTION @extschema@.visit_guidance(@extschema@.prefecture, pg_catalog.timestamp, pg_catalog.text) IS
'What to do for a visit at this Japan local time at a facility in this prefecture: the own guidance of the most severe window that applies (outage_schedule.guidance), else review_guidance of its impact (lang ''ja'' or ''en'')';
COMMENT ON FUNCTION @extschema@.visit_guidance_on_day(@extschema@.prefecture, pg_catalog.date, pg_catalog.text) IS
'What to do for a visit on this Japan calendar day at a facility in this prefecture: the own guidance of the most severe window that applies (outage_schedule.guidance), else review_guidance of its impact (lang ''ja'' or ''en'')';
COMMENT ON FUNCTION @extschema@.visit_guidance(pg_catalog.text, pg_catalog.timestamptz, pg_catalog.text) IS
'What to do for a visit at a facility in this prefecture (given as text): the own guidance of the most severe window that applies (outage_schedule.guidance), else review_guidance of its impact (lang ''ja'' or ''en'')';
COMMENT ON FUNCTION @extschema@.visit_guidance(pg_catalog.text, pg_catalog.timestamp, pg_catalog.text) IS
'What to do for a visit at this Japan local time at a facility in this prefecture (given as text): the own guidance of the most severe window that applies (outage_schedule.guidance), else review_guidance of its impact (lang ''ja'' or ''en'')';
COMMENT ON FUNCTION @extschema@.visit_guidance_on_day(pg_catalog.text, pg_catalog.date, pg_catalog.text) IS
'What to do for a visit on this Japan calendar day at a facility in this prefecture (given as text): the own guidance of the most severe window that applies (outage_schedule.guidance), else review_guidance of its impact (lang ''ja'' or ''en'')';
COMMENT ON FUNCTION @extschema@.visit_guidance(@extschema@.medical_institution_code, pg_catalog.timestamptz, pg_catalog.text) IS
'What to do for a visit at this facility (its facility_area area, else its prefectures): the own guidance of the most severe window that applies (outage_schedule.guidance), else review_guidance of its impact (lang ''ja'' or ''en'')';
COMMENT ON FUNCTION @extschema@.visit_guidance(@extschema@.medical_institution_code, pg_catalog.timestamp, pg_catalog.text) IS
'What to do for a visit at this Japan local time at this facility (its facility_area area, else its prefectures): the own guidance of the most severe window that applies (outage_schedule.guidance), else review_guidance of its impact (lang ''ja'' or ''en'')';
COMMENT ON FUNCTION @extschema@.visit_guidance_on_day(@extschema@.medical_institution_code, pg_catalog.date, pg_catalog.text) IS
'What to do for a visit on this Japan calendar day at this facility (its facility_area area, else its prefectures): the own guidance of the most severe window that applies (outage_schedule.guidance), else review_guidance of its impact (lang ''ja'' or ''en'')';
COMMENT ON FUNCTION @extschema@.visit_guidance(@extschema@.prefecture, pg_catalog.timestamptz, @extschema@.outage_calendar, pg_catalog.text) IS
'What to do for a visit at a facility in this prefecture, against a calendar: the window''s own guidance, else review_guidance of its impact (reads no table)';
COMMENT ON FUNCTION @extschema@.visit_guidance(@extschema@.prefecture, pg_catalog.timestamp, @extschema@.outage_calendar, pg_catalog.text) IS
'What to do for a visit at this Japan local time at a facility in this prefecture, against a calendar: the window''s own guidance, else review_guidance of its impact (reads no table)';
COMMENT ON FUNCTION @extschema@.visit_guidance_on_day(@extschema@.prefecture, pg_catalog.date, @extschema@.outage_calendar, pg_catalog.text) IS
'What to do for a visit on this Japan calendar day at a facility in this prefecture, against a calendar: the window''s own guidance, else review_guidance of its impact (reads no table)';
COMMENT ON FUNCTION @extschema@.visit_guidance(pg_catalog.text, pg_catalog.timestamptz, @extschema@.outage_calendar, pg_catalog.text) IS
'What to do for a visit at a facility in this prefecture (given as text), against a calendar: the window''s own guidance, else review_guidance of its impact (reads no table)';
COMMENT ON FUNCTION @extschema@.visit_guidance(pg_catalog.text, pg_catalog.timestamp, @extschema@.outage_calendar, pg_catalog.text) IS
'What to do for a visit at this Japan local time at a facility in this prefecture (given as text), against a calendar: the window''s own guidance, else review_guidance of its impact (reads no table)';
COMMENT ON FUNCTION @extschema@.visit_guidance_on_day(pg_catalog.text, pg_catalog.date, @extschema@.outage_calendar, pg_catalog.text) IS
'What to do for a visit on this Japan calendar day at a facility in this prefecture (given as text), against a calendar: the window''s own guidance, else review_guidance of its impact (reads no table)';
COMMENT ON FUNCTION @extschema@.visit_guidance(@extschema@.medical_institution_code, pg_catalog.timestamptz, @extschema@.outage_calendar, pg_catalog.text) IS
'What to do for a visit at this facility (its facility_area area, else its prefectures), against a calendar: the window''s own guidance, else review_guidance of its impact (reads no table)';
COMMENT ON FUNCTION @extschema@.visit_guidance(@extschema@.medical_institution_code, pg_catalog.timestamp, @extschema@.outage_calendar, pg_catalog.text) IS
'What to do for a visit at this Japan local time at this facility (its facility_area area, else its prefectures), against a calendar: the window''s own guidance, else review_guidance of its impact (reads no table)';
COMMENT ON FUNCTION @extschema@.visit_guidance_on_day(@extschema@.medical_institution_code, pg_catalog.date, @extschema@.outage_calendar, pg_catalog.text) IS
'What to do for a visit on this Japan calendar day at this facility (its facility_area area, else its prefectures), against a calendar: the window''s own guidance, else review_guidance of its impact (reads no table)';
