--
-- Calendars from the tables or from any windows, and the eligibility
-- functions that take one.  The three-argument forms read no table: they
-- are IMMUTABLE, so Citus can run them on its workers with the calendar
-- computed once on the coordinator, and an audit re-run against a stored
-- calendar gives the same answers.
--

CREATE FUNCTION @extschema@.current_outage_calendar()
RETURNS @extschema@.outage_calendar
AS 'MODULE_PATHNAME', 'current_outage_calendar'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.current_outage_calendar() IS
'The schedule (outage_schedule with each window''s guidance, prefecture_area and facility_area) as it is now, as one outage_calendar value';

CREATE FUNCTION @extschema@.outage_calendar_accum(
	pg_catalog.internal, pg_catalog.text, @extschema@.outage_window)
RETURNS pg_catalog.internal
AS 'MODULE_PATHNAME', 'outage_calendar_accum'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE FUNCTION @extschema@.outage_calendar_final(pg_catalog.internal)
RETURNS @extschema@.outage_calendar
AS 'MODULE_PATHNAME', 'outage_calendar_final'
LANGUAGE C STABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.outage_calendar_accum(pg_catalog.internal, pg_catalog.text, @extschema@.outage_window) IS
'Transition function of the outage_calendar aggregate';
COMMENT ON FUNCTION @extschema@.outage_calendar_final(pg_catalog.internal) IS
'Final function of the outage_calendar aggregate (maps prefectures as prefecture_area and facilities as facility_area do now)';

CREATE AGGREGATE @extschema@.outage_calendar(area pg_catalog.text, period @extschema@.outage_window) (
	SFUNC = @extschema@.outage_calendar_accum,
	STYPE = pg_catalog.internal,
	FINALFUNC = @extschema@.outage_calendar_final,
	PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.outage_calendar(pg_catalog.text, @extschema@.outage_window) IS
'A calendar from any set of (area, period) rows (area NULL: nationwide), prefectures mapped as prefecture_area and facilities as facility_area do now; it carries no per-window guidance (every window has its kind''s review_guidance): current_outage_calendar() carries outage_schedule.guidance';

-- Index bounds of the three-argument forms (see eligibility_support.c).

CREATE FUNCTION @extschema@.eligibility_affected_bound(
	calendar @extschema@.outage_calendar, upper pg_catalog.bool)
RETURNS pg_catalog.timestamptz
AS 'MODULE_PATHNAME', 'eligibility_affected_bound'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.eligibility_affected_bound_local(
	calendar @extschema@.outage_calendar, upper pg_catalog.bool)
RETURNS pg_catalog.timestamp
AS 'MODULE_PATHNAME', 'eligibility_affected_bound_local'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.eligibility_affected_bound(@extschema@.outage_calendar, pg_catalog.bool) IS
'Start (upper = false) or end (upper = true) of the span covering a calendar''s outage and intermittent windows; NULL if there is none';
COMMENT ON FUNCTION @extschema@.eligibility_affected_bound_local(@extschema@.outage_calendar, pg_catalog.bool) IS
'Like eligibility_affected_bound(outage_calendar, bool), as Japan local time, for timestamp columns';

-- The span of a calendar's windows the review covers, for an adapter's
-- calendar form (the ORCA reports) that narrows its scan by day.
CREATE FUNCTION @extschema@.eligibility_reviewed_bound_local(
	calendar @extschema@.outage_calendar, upper pg_catalog.bool)
RETURNS pg_catalog.timestamp
AS 'MODULE_PATHNAME', 'eligibility_reviewed_bound_local'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.eligibility_reviewed_bound_local(@extschema@.outage_calendar, pg_catalog.bool) IS
'Start (upper = false) or end (upper = true), as Japan local time, of the span covering every window of a calendar in which a visit whose check did not succeed is reviewed (reviews_failed_checks); NULL if there is none';

CREATE FUNCTION @extschema@.eligibility_affected_range_bound(
	calendar @extschema@.outage_calendar, range pg_catalog.int4, upper pg_catalog.bool)
RETURNS pg_catalog.timestamptz
AS 'MODULE_PATHNAME', 'eligibility_affected_range_bound'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.eligibility_affected_range_bound_local(
	calendar @extschema@.outage_calendar, range pg_catalog.int4, upper pg_catalog.bool)
RETURNS pg_catalog.timestamp
AS 'MODULE_PATHNAME', 'eligibility_affected_range_bound_local'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.eligibility_affected_range_bound(@extschema@.outage_calendar, pg_catalog.int4, pg_catalog.bool) IS
'Start (upper = false) or end (upper = true) of the range-th (from 1) merged span of a calendar''s outage and intermittent windows; NULL past the last; the planner''s index ranges for a calendar known when the query starts';
COMMENT ON FUNCTION @extschema@.eligibility_affected_range_bound_local(@extschema@.outage_calendar, pg_catalog.int4, pg_catalog.bool) IS
'Like eligibility_affected_range_bound(outage_calendar, int4, bool), as Japan local time, for timestamp columns';

CREATE FUNCTION @extschema@.is_eligibility_affected(
	facility_prefecture @extschema@.prefecture, visit_at pg_catalog.timestamptz,
	calendar @extschema@.outage_calendar)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'is_eligibility_affected'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
SUPPORT @extschema@.is_eligibility_affected_support;

CREATE FUNCTION @extschema@.is_eligibility_affected(
	facility_prefecture @extschema@.prefecture, visit_at pg_catalog.timestamp,
	calendar @extschema@.outage_calendar)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'is_eligibility_affected'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
SUPPORT @extschema@.is_eligibility_affected_support;

CREATE FUNCTION @extschema@.is_eligibility_affected(
	facility_prefecture pg_catalog.text, visit_at pg_catalog.timestamptz,
	calendar @extschema@.outage_calendar)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'is_eligibility_affected'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
SUPPORT @extschema@.is_eligibility_affected_support;

CREATE FUNCTION @extschema@.is_eligibility_affected(
	facility_prefecture pg_catalog.text, visit_at pg_catalog.timestamp,
	calendar @extschema@.outage_calendar)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'is_eligibility_affected'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
SUPPORT @extschema@.is_eligibility_affected_support;

COMMENT ON FUNCTION @extschema@.is_eligibility_affected(@extschema@.prefecture, pg_catalog.timestamptz, @extschema@.outage_calendar) IS
'True when a visit falls in an outage or intermittent window of the given calendar (reads no table)';
COMMENT ON FUNCTION @extschema@.is_eligibility_affected(@extschema@.prefecture, pg_catalog.timestamp, @extschema@.outage_calendar) IS
'True when a visit at this Japan local time falls in an outage or intermittent window of the given calendar';
COMMENT ON FUNCTION @extschema@.is_eligibility_affected(pg_catalog.text, pg_catalog.timestamptz, @extschema@.outage_calendar) IS
'True when a visit falls in an outage or intermittent window of the given calendar; prefecture given as text';
COMMENT ON FUNCTION @extschema@.is_eligibility_affected(pg_catalog.text, pg_catalog.timestamp, @extschema@.outage_calendar) IS
'True when a visit at this Japan local time falls in an outage or intermittent window of the given calendar; prefecture given as text';

CREATE FUNCTION @extschema@.eligibility_impact(
	facility_prefecture @extschema@.prefecture, visit_at pg_catalog.timestamptz,
	calendar @extschema@.outage_calendar)
RETURNS @extschema@.eligibility_impact
AS 'MODULE_PATHNAME', 'eligibility_impact'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.eligibility_impact(
	facility_prefecture @extschema@.prefecture, visit_at pg_catalog.timestamp,
	calendar @extschema@.outage_calendar)
RETURNS @extschema@.eligibility_impact
AS 'MODULE_PATHNAME', 'eligibility_impact'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.eligibility_impact(
	facility_prefecture pg_catalog.text, visit_at pg_catalog.timestamptz,
	calendar @extschema@.outage_calendar)
RETURNS @extschema@.eligibility_impact
AS 'MODULE_PATHNAME', 'eligibility_impact'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.eligibility_impact(
	facility_prefecture pg_catalog.text, visit_at pg_catalog.timestamp,
	calendar @extschema@.outage_calendar)
RETURNS @extschema@.eligibility_impact
AS 'MODULE_PATHNAME', 'eligibility_impact'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.eligibility_impact(@extschema@.prefecture, pg_catalog.timestamptz, @extschema@.outage_calendar) IS
'The most severe window of the given calendar that applies to a visit (reads no table)';
COMMENT ON FUNCTION @extschema@.eligibility_impact(@extschema@.prefecture, pg_catalog.timestamp, @extschema@.outage_calendar) IS
'The most severe window of the given calendar that applies to a visit at this Japan local time';
COMMENT ON FUNCTION @extschema@.eligibility_impact(pg_catalog.text, pg_catalog.timestamptz, @extschema@.outage_calendar) IS
'The most severe window of the given calendar that applies to a visit; prefecture given as text';
COMMENT ON FUNCTION @extschema@.eligibility_impact(pg_catalog.text, pg_catalog.timestamp, @extschema@.outage_calendar) IS
'The most severe window of the given calendar that applies to a visit at this Japan local time; prefecture given as text';

CREATE FUNCTION @extschema@.eligibility_impact_on_day(
	facility_prefecture @extschema@.prefecture, visit_date pg_catalog.date,
	calendar @extschema@.outage_calendar)
RETURNS @extschema@.eligibility_impact
AS 'MODULE_PATHNAME', 'eligibility_impact_on_day'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.eligibility_impact_on_day(
	facility_prefecture pg_catalog.text, visit_date pg_catalog.date,
	calendar @extschema@.outage_calendar)
RETURNS @extschema@.eligibility_impact
AS 'MODULE_PATHNAME', 'eligibility_impact_on_day'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.eligibility_impact_on_day(@extschema@.prefecture, pg_catalog.date, @extschema@.outage_calendar) IS
'The most severe window of the given calendar that touches this Japan calendar day (reads no table)';
COMMENT ON FUNCTION @extschema@.eligibility_impact_on_day(pg_catalog.text, pg_catalog.date, @extschema@.outage_calendar) IS
'The most severe window of the given calendar that touches this Japan calendar day; prefecture given as text';

-- affecting_windows with a calendar: a calendar keeps each area's windows
-- merged into segments, so the rows are the segments covering the visit
-- (the area's, then the nationwide one), with no id, note or source, and
-- the segment's own guidance, if it has one.

CREATE FUNCTION @extschema@.affecting_windows(
	facility_prefecture @extschema@.prefecture, visit_at pg_catalog.timestamptz,
	calendar @extschema@.outage_calendar)
RETURNS SETOF @extschema@.outage_schedule
AS 'MODULE_PATHNAME', 'affecting_windows'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 2;

CREATE FUNCTION @extschema@.affecting_windows(
	facility_prefecture @extschema@.prefecture, visit_at pg_catalog.timestamp,
	calendar @extschema@.outage_calendar)
RETURNS SETOF @extschema@.outage_schedule
AS 'MODULE_PATHNAME', 'affecting_windows'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 2;

CREATE FUNCTION @extschema@.affecting_windows(
	facility_prefecture pg_catalog.text, visit_at pg_catalog.timestamptz,
	calendar @extschema@.outage_calendar)
RETURNS SETOF @extschema@.outage_schedule
AS 'MODULE_PATHNAME', 'affecting_windows'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 2;

CREATE FUNCTION @extschema@.affecting_windows(
	facility_prefecture pg_catalog.text, visit_at pg_catalog.timestamp,
	calendar @extschema@.outage_calendar)
RETURNS SETOF @extschema@.outage_schedule
AS 'MODULE_PATHNAME', 'affecting_windows'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 2;

COMMENT ON FUNCTION @extschema@.affecting_windows(@extschema@.prefecture, pg_catalog.timestamptz, @extschema@.outage_calendar) IS
'The segments of the given calendar that apply to a visit (its area''s and the nationwide one), most severe first; id, note and source are NULL, guidance is the segment''s own (reads no table)';
COMMENT ON FUNCTION @extschema@.affecting_windows(@extschema@.prefecture, pg_catalog.timestamp, @extschema@.outage_calendar) IS
'The segments of the given calendar that apply to a visit at this Japan local time, most severe first; id, note and source are NULL, guidance is the segment''s own';
COMMENT ON FUNCTION @extschema@.affecting_windows(pg_catalog.text, pg_catalog.timestamptz, @extschema@.outage_calendar) IS
'The segments of the given calendar that apply to a visit, most severe first; prefecture given as text; id, note and source are NULL, guidance is the segment''s own';
COMMENT ON FUNCTION @extschema@.affecting_windows(pg_catalog.text, pg_catalog.timestamp, @extschema@.outage_calendar) IS
'The segments of the given calendar that apply to a visit at this Japan local time, most severe first; prefecture given as text; id, note and source are NULL, guidance is the segment''s own';
