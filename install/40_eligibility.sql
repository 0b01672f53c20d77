--
-- The eligibility functions: was the eligibility system down at a facility
-- at a given time, how badly, because of which windows, and what to do.
--
-- The prefecture argument is always the FACILITY's prefecture (where the
-- visit took place), never the patient's address.  A visit time of type
-- timestamp without time zone is read as Japan time.  All of them read
-- outage_schedule and prefecture_area of this extension's own schema, never
-- through the caller's search_path, once per statement.
--

CREATE TYPE @extschema@.eligibility_impact AS ENUM (
	'none', 'registration_delay', 'intermittent', 'outage'
);

COMMENT ON TYPE @extschema@.eligibility_impact IS
'How badly the eligibility system was affected at a visit: none < registration_delay < intermittent < outage';

-- The impact table of the C code (src/impact.h) is the one source of what
-- each impact means; these read it.
CREATE FUNCTION @extschema@.eligibility_impacts(
	OUT impact @extschema@.eligibility_impact, OUT severity pg_catalog.int4,
	OUT affects_eligibility pg_catalog.bool, OUT window_kind pg_catalog.int4,
	OUT reviews_failed_checks pg_catalog.bool)
RETURNS SETOF pg_catalog.record
AS 'MODULE_PATHNAME', 'eligibility_impacts'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 4;

COMMENT ON FUNCTION @extschema@.eligibility_impacts() IS
'Every impact, least severe first: its severity, whether it makes a visit affected (is_eligibility_affected), the kind code outage_window stores (NULL for none), and whether a visit whose check did not succeed is reviewed (eligibility_review)';

CREATE FUNCTION @extschema@.affects_eligibility(impact @extschema@.eligibility_impact)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'affects_eligibility'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.affects_eligibility(@extschema@.eligibility_impact) IS
'Whether a visit with this impact could not be verified online (intermittent, outage): is_eligibility_affected is true exactly then';

-- A registration delay does not affect eligibility, yet a card whose
-- registration had not completed could not be verified there either: the
-- review covers every impact this says, not only the affected ones.
CREATE FUNCTION @extschema@.reviews_failed_checks(impact @extschema@.eligibility_impact)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'reviews_failed_checks'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.reviews_failed_checks(@extschema@.eligibility_impact) IS
'Whether a visit with this impact is reviewed when its online eligibility check did not succeed (registration_delay, intermittent, outage): eligibility_review''s needs_review';

-- The span where is_eligibility_affected() can be true, per prefecture or
-- for all of them; the planner support function bounds index scans on the
-- visit time with these, evaluated when the scan starts.

CREATE FUNCTION @extschema@.eligibility_affected_bound(upper pg_catalog.bool)
RETURNS pg_catalog.timestamptz
AS 'MODULE_PATHNAME', 'eligibility_affected_bound'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.eligibility_affected_bound(
	facility_prefecture @extschema@.prefecture, upper pg_catalog.bool)
RETURNS pg_catalog.timestamptz
AS 'MODULE_PATHNAME', 'eligibility_affected_bound'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.eligibility_affected_bound_local(upper pg_catalog.bool)
RETURNS pg_catalog.timestamp
AS 'MODULE_PATHNAME', 'eligibility_affected_bound_local'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.eligibility_affected_bound_local(
	facility_prefecture @extschema@.prefecture, upper pg_catalog.bool)
RETURNS pg_catalog.timestamp
AS 'MODULE_PATHNAME', 'eligibility_affected_bound_local'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.eligibility_affected_bound(pg_catalog.bool) IS
'Start (upper = false) or end (upper = true) of the span covering every outage and intermittent window; NULL if there is none';
COMMENT ON FUNCTION @extschema@.eligibility_affected_bound(@extschema@.prefecture, pg_catalog.bool) IS
'Start or end of the span covering the outage and intermittent windows of a facility''s prefecture; NULL if there is none';
COMMENT ON FUNCTION @extschema@.eligibility_affected_bound_local(pg_catalog.bool) IS
'Like eligibility_affected_bound(bool), as Japan local time, for timestamp columns';
COMMENT ON FUNCTION @extschema@.eligibility_affected_bound_local(@extschema@.prefecture, pg_catalog.bool) IS
'Like eligibility_affected_bound(prefecture, bool), as Japan local time, for timestamp columns';

-- The span of the windows the review covers (reviews_failed_checks), for an
-- adapter that narrows its scan of a HIS's tables by day.
CREATE FUNCTION @extschema@.eligibility_reviewed_bound_local(upper pg_catalog.bool)
RETURNS pg_catalog.timestamp
AS 'MODULE_PATHNAME', 'eligibility_reviewed_bound_local'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.eligibility_reviewed_bound_local(pg_catalog.bool) IS
'Start (upper = false) or end (upper = true), as Japan local time, of the span covering every window in which a visit whose check did not succeed is reviewed (reviews_failed_checks); NULL if there is none';

CREATE FUNCTION @extschema@.is_eligibility_affected_support(pg_catalog.internal)
RETURNS pg_catalog.internal
AS 'MODULE_PATHNAME', 'is_eligibility_affected_support'
LANGUAGE C STRICT;

COMMENT ON FUNCTION @extschema@.is_eligibility_affected_support(pg_catalog.internal) IS
'Planner support for is_eligibility_affected: rewrites a call on a table''s visit time into ranges of the affected windows and a recheck (literal ranges when the windows are known at plan time; bounds read when the statement starts for a calendar subquery or a schedule read from a Citus placement); index condition, selectivity, cost';

-- japan_time: a local visit time read as Japan time, whatever TimeZone is.

CREATE FUNCTION @extschema@.japan_time(local_time pg_catalog.timestamp)
RETURNS pg_catalog.timestamptz
AS 'MODULE_PATHNAME', 'japan_time'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.japan_time(pg_catalog.timestamp) IS
'Reads a local time as Japan time (Asia/Tokyo), whatever the session TimeZone is';

-- is_eligibility_affected: outage or intermittent window applies.

CREATE FUNCTION @extschema@.is_eligibility_affected(
	facility_prefecture @extschema@.prefecture, visit_at pg_catalog.timestamptz)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'is_eligibility_affected'
LANGUAGE C STABLE STRICT PARALLEL SAFE
SUPPORT @extschema@.is_eligibility_affected_support;

CREATE FUNCTION @extschema@.is_eligibility_affected(
	facility_prefecture @extschema@.prefecture, visit_at pg_catalog.timestamp)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'is_eligibility_affected'
LANGUAGE C STABLE STRICT PARALLEL SAFE
SUPPORT @extschema@.is_eligibility_affected_support;

CREATE FUNCTION @extschema@.is_eligibility_affected(
	facility_prefecture pg_catalog.text, visit_at pg_catalog.timestamptz)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'is_eligibility_affected'
LANGUAGE C STABLE STRICT PARALLEL SAFE
SUPPORT @extschema@.is_eligibility_affected_support;

CREATE FUNCTION @extschema@.is_eligibility_affected(
	facility_prefecture pg_catalog.text, visit_at pg_catalog.timestamp)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'is_eligibility_affected'
LANGUAGE C STABLE STRICT PARALLEL SAFE
SUPPORT @extschema@.is_eligibility_affected_support;

COMMENT ON FUNCTION @extschema@.is_eligibility_affected(@extschema@.prefecture, pg_catalog.timestamptz) IS
'True when a visit at a facility in this prefecture falls in an outage or intermittent window of its area (or a nationwide one)';
COMMENT ON FUNCTION @extschema@.is_eligibility_affected(@extschema@.prefecture, pg_catalog.timestamp) IS
'True when a visit at a facility in this prefecture, at this Japan local time, falls in an outage or intermittent window';
COMMENT ON FUNCTION @extschema@.is_eligibility_affected(pg_catalog.text, pg_catalog.timestamptz) IS
'True when a visit falls in an outage or intermittent window; the facility''s prefecture given as text in any form the prefecture type reads';
COMMENT ON FUNCTION @extschema@.is_eligibility_affected(pg_catalog.text, pg_catalog.timestamp) IS
'True when a visit at this Japan local time falls in an outage or intermittent window; the facility''s prefecture given as text';

-- eligibility_impact: the most severe window that applies.

CREATE FUNCTION @extschema@.eligibility_impact(
	facility_prefecture @extschema@.prefecture, visit_at pg_catalog.timestamptz)
RETURNS @extschema@.eligibility_impact
AS 'MODULE_PATHNAME', 'eligibility_impact'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.eligibility_impact(
	facility_prefecture @extschema@.prefecture, visit_at pg_catalog.timestamp)
RETURNS @extschema@.eligibility_impact
AS 'MODULE_PATHNAME', 'eligibility_impact'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.eligibility_impact(
	facility_prefecture pg_catalog.text, visit_at pg_catalog.timestamptz)
RETURNS @extschema@.eligibility_impact
AS 'MODULE_PATHNAME', 'eligibility_impact'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.eligibility_impact(
	facility_prefecture pg_catalog.text, visit_at pg_catalog.timestamp)
RETURNS @extschema@.eligibility_impact
AS 'MODULE_PATHNAME', 'eligibility_impact'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.eligibility_impact(@extschema@.prefecture, pg_catalog.timestamptz) IS
'The most severe window that applies to a visit at a facility in this prefecture (none if none does)';
COMMENT ON FUNCTION @extschema@.eligibility_impact(@extschema@.prefecture, pg_catalog.timestamp) IS
'The most severe window that applies to a visit at this Japan local time (none if none does)';
COMMENT ON FUNCTION @extschema@.eligibility_impact(pg_catalog.text, pg_catalog.timestamptz) IS
'The most severe window that applies to a visit; the facility''s prefecture given as text';
COMMENT ON FUNCTION @extschema@.eligibility_impact(pg_catalog.text, pg_catalog.timestamp) IS
'The most severe window that applies to a visit at this Japan local time; the facility''s prefecture given as text';


-- eligibility_impact_on_day: the most severe window that touches a Japan
-- calendar day, for visits and claims whose time is unknown.  A date is
-- always a Japan date: the session's TimeZone plays no part.

CREATE FUNCTION @extschema@.eligibility_impact_on_day(
	facility_prefecture @extschema@.prefecture, visit_date pg_catalog.date)
RETURNS @extschema@.eligibility_impact
AS 'MODULE_PATHNAME', 'eligibility_impact_on_day'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.eligibility_impact_on_day(
	facility_prefecture pg_catalog.text, visit_date pg_catalog.date)
RETURNS @extschema@.eligibility_impact
AS 'MODULE_PATHNAME', 'eligibility_impact_on_day'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.eligibility_impact_on_day(@extschema@.prefecture, pg_catalog.date) IS
'The most severe window that touches this Japan calendar day at a facility in this prefecture (none if none does); for visits whose time is unknown';
COMMENT ON FUNCTION @extschema@.eligibility_impact_on_day(pg_catalog.text, pg_catalog.date) IS
'The most severe window that touches this Japan calendar day; the facility''s prefecture given as text';
-- affecting_windows: the schedule rows behind the answer, most severe first
-- (then by start, end and id).  The same C function as the answer's, reading
-- the same compiled schedule: the rows are those the answer was made of.

CREATE FUNCTION @extschema@.affecting_windows(
	facility_prefecture @extschema@.prefecture, visit_at pg_catalog.timestamptz)
RETURNS SETOF @extschema@.outage_schedule
AS 'MODULE_PATHNAME', 'affecting_windows'
LANGUAGE C STABLE STRICT PARALLEL SAFE ROWS 3;

CREATE FUNCTION @extschema@.affecting_windows(
	facility_prefecture @extschema@.prefecture, visit_at pg_catalog.timestamp)
RETURNS SETOF @extschema@.outage_schedule
AS 'MODULE_PATHNAME', 'affecting_windows'
LANGUAGE C STABLE STRICT PARALLEL SAFE ROWS 3;

CREATE FUNCTION @extschema@.affecting_windows(
	facility_prefecture pg_catalog.text, visit_at pg_catalog.timestamptz)
RETURNS SETOF @extschema@.outage_schedule
AS 'MODULE_PATHNAME', 'affecting_windows'
LANGUAGE C STABLE STRICT PARALLEL SAFE ROWS 3;

CREATE FUNCTION @extschema@.affecting_windows(
	facility_prefecture pg_catalog.text, visit_at pg_catalog.timestamp)
RETURNS SETOF @extschema@.outage_schedule
AS 'MODULE_PATHNAME', 'affecting_windows'
LANGUAGE C STABLE STRICT PARALLEL SAFE ROWS 3;

COMMENT ON FUNCTION @extschema@.affecting_windows(@extschema@.prefecture, pg_catalog.timestamptz) IS
'The outage_schedule rows that apply to a visit at a facility in this prefecture, most severe first';
COMMENT ON FUNCTION @extschema@.affecting_windows(@extschema@.prefecture, pg_catalog.timestamp) IS
'The outage_schedule rows that apply to a visit at this Japan local time, most severe first';
COMMENT ON FUNCTION @extschema@.affecting_windows(pg_catalog.text, pg_catalog.timestamptz) IS
'The outage_schedule rows that apply to a visit, most severe first; the facility''s prefecture given as text';
COMMENT ON FUNCTION @extschema@.affecting_windows(pg_catalog.text, pg_catalog.timestamp) IS
'The outage_schedule rows that apply to a visit at this Japan local time, most severe first; prefecture given as text';

-- The same for a facility by its 10-digit code: the area facility_area
-- gives it, else its prefecture's (the code's first two digits).  These
-- read the tables; the calendar forms are in 48_calendar_facility.sql.

CREATE FUNCTION @extschema@.is_eligibility_affected(
	facility @extschema@.medical_institution_code, visit_at pg_catalog.timestamptz)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'is_eligibility_affected'
LANGUAGE C STABLE STRICT PARALLEL SAFE
SUPPORT @extschema@.is_eligibility_affected_support;

CREATE FUNCTION @extschema@.is_eligibility_affected(
	facility @extschema@.medical_institution_code, visit_at pg_catalog.timestamp)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'is_eligibility_affected'
LANGUAGE C STABLE STRICT PARALLEL SAFE
SUPPORT @extschema@.is_eligibility_affected_support;

CREATE FUNCTION @extschema@.eligibility_impact(
	facility @extschema@.medical_institution_code, visit_at pg_catalog.timestamptz)
RETURNS @extschema@.eligibility_impact
AS 'MODULE_PATHNAME', 'eligibility_impact'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.eligibility_impact(
	facility @extschema@.medical_institution_code, visit_at pg_catalog.timestamp)
RETURNS @extschema@.eligibility_impact
AS 'MODULE_PATHNAME', 'eligibility_impact'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.eligibility_impact_on_day(
	facility @extschema@.medical_institution_code, visit_date pg_catalog.date)
RETURNS @extschema@.eligibility_impact
AS 'MODULE_PATHNAME', 'eligibility_impact_on_day'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.affecting_windows(
	facility @extschema@.medical_institution_code, visit_at pg_catalog.timestamptz)
RETURNS SETOF @extschema@.outage_schedule
AS 'MODULE_PATHNAME', 'affecting_windows'
LANGUAGE C STABLE STRICT PARALLEL SAFE ROWS 3;

CREATE FUNCTION @extschema@.affecting_windows(
	facility @extschema@.medical_institution_code, visit_at pg_catalog.timestamp)
RETURNS SETOF @extschema@.outage_schedule
AS 'MODULE_PATHNAME', 'affecting_windows'
LANGUAGE C STABLE STRICT PARALLEL SAFE ROWS 3;

COMMENT ON FUNCTION @extschema@.is_eligibility_affected(@extschema@.medical_institution_code, pg_catalog.timestamptz) IS
'True when a visit at this facility falls in an outage or intermittent window of its area: facility_area''s, else its prefecture''s (or a nationwide one)';
COMMENT ON FUNCTION @extschema@.is_eligibility_affected(@extschema@.medical_institution_code, pg_catalog.timestamp) IS
'True when a visit at this facility, at this Japan local time, falls in an outage or intermittent window of its area';
COMMENT ON FUNCTION @extschema@.eligibility_impact(@extschema@.medical_institution_code, pg_catalog.timestamptz) IS
'The most severe window that applies to a visit at this facility (its facility_area area, else its prefecture''s)';
COMMENT ON FUNCTION @extschema@.eligibility_impact(@extschema@.medical_institution_code, pg_catalog.timestamp) IS
'The most severe window that applies to a visit at this facility at this Japan local time';
COMMENT ON FUNCTION @extschema@.eligibility_impact_on_day(@extschema@.medical_institution_code, pg_catalog.date) IS
'The most severe window that touches this Japan calendar day at this facility (its facility_area area, else its prefecture''s)';
COMMENT ON FUNCTION @extschema@.affecting_windows(@extschema@.medical_institution_code, pg_catalog.timestamptz) IS
'The outage_schedule rows that apply to a visit at this facility (its facility_area area, else its prefecture''s), most severe first';
COMMENT ON FUNCTION @extschema@.affecting_windows(@extschema@.medical_institution_code, pg_catalog.timestamp) IS
'The outage_schedule rows that apply to a visit at this facility at this Japan local time, most severe first';

-- review_guidance: what the front desk and the billing team should do.

CREATE FUNCTION @extschema@.review_guidance(
	impact @extschema@.eligibility_impact, lang pg_catalog.text DEFAULT 'ja')
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'review_guidance'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.review_guidance(@extschema@.eligibility_impact, pg_catalog.text) IS
'What the front desk and the billing team should do for a visit with this impact, from the notice (lang ''ja'' or ''en'')';
