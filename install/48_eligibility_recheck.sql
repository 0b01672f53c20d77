--
-- is_eligibility_affected_recheck: the planner's rewrite of
-- is_eligibility_affected() (src/eligibility_support.c) ends with it.  The
-- planner turns a call into literal ranges of the visit time, which an
-- index, a BRIN index or partition pruning can use, ANDed with this recheck
-- of the same call: same C function, same answers, but its planner support
-- never rewrites it again, and tells the planner that it costs more than
-- the ranges (so they are tested first) and how many of the rows inside
-- the ranges it keeps.  EXPLAIN shows it as the Filter of such a plan.
--

CREATE FUNCTION @extschema@.is_eligibility_affected_recheck(
	facility_prefecture @extschema@.prefecture, visit_at pg_catalog.timestamptz)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'is_eligibility_affected'
LANGUAGE C STABLE STRICT PARALLEL SAFE
SUPPORT @extschema@.is_eligibility_affected_support;

CREATE FUNCTION @extschema@.is_eligibility_affected_recheck(
	facility_prefecture @extschema@.prefecture, visit_at pg_catalog.timestamp)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'is_eligibility_affected'
LANGUAGE C STABLE STRICT PARALLEL SAFE
SUPPORT @extschema@.is_eligibility_affected_support;

CREATE FUNCTION @extschema@.is_eligibility_affected_recheck(
	facility_prefecture pg_catalog.text, visit_at pg_catalog.timestamptz)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'is_eligibility_affected'
LANGUAGE C STABLE STRICT PARALLEL SAFE
SUPPORT @extschema@.is_eligibility_affected_support;

CREATE FUNCTION @extschema@.is_eligibility_affected_recheck(
	facility_prefecture pg_catalog.text, visit_at pg_catalog.timestamp)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'is_eligibility_affected'
LANGUAGE C STABLE STRICT PARALLEL SAFE
SUPPORT @extschema@.is_eligibility_affected_support;

CREATE FUNCTION @extschema@.is_eligibility_affected_recheck(
	facility @extschema@.medical_institution_code, visit_at pg_catalog.timestamptz)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'is_eligibility_affected'
LANGUAGE C STABLE STRICT PARALLEL SAFE
SUPPORT @extschema@.is_eligibility_affected_support;

CREATE FUNCTION @extschema@.is_eligibility_affected_recheck(
	facility @extschema@.medical_institution_code, visit_at pg_catalog.timestamp)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'is_eligibility_affected'
LANGUAGE C STABLE STRICT PARALLEL SAFE
SUPPORT @extschema@.is_eligibility_affected_support;

CREATE FUNCTION @extschema@.is_eligibility_affected_recheck(
	facility_prefecture @extschema@.prefecture, visit_at pg_catalog.timestamptz,
	calendar @extschema@.outage_calendar)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'is_eligibility_affected'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
SUPPORT @extschema@.is_eligibility_affected_support;

CREATE FUNCTION @extschema@.is_eligibility_affected_recheck(
	facility_prefecture @extschema@.prefecture, visit_at pg_catalog.timestamp,
	calendar @extschema@.outage_calendar)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'is_eligibility_affected'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
SUPPORT @extschema@.is_eligibility_affected_support;

CREATE FUNCTION @extschema@.is_eligibility_affected_recheck(
	facility_prefecture pg_catalog.text, visit_at pg_catalog.timestamptz,
	calendar @extschema@.outage_calendar)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'is_eligibility_affected'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
SUPPORT @extschema@.is_eligibility_affected_support;

CREATE FUNCTION @extschema@.is_eligibility_affected_recheck(
	facility_prefecture pg_catalog.text, visit_at pg_catalog.timestamp,
	calendar @extschema@.outage_calendar)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'is_eligibility_affected'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
SUPPORT @extschema@.is_eligibility_affected_support;

CREATE FUNCTION @extschema@.is_eligibility_affected_recheck(
	facility @extschema@.medical_institution_code, visit_at pg_catalog.timestamptz,
	calendar @extschema@.outage_calendar)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'is_eligibility_affected'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
SUPPORT @extschema@.is_eligibility_affected_support;

CREATE FUNCTION @extschema@.is_eligibility_affected_recheck(
	facility @extschema@.medical_institution_code, visit_at pg_catalog.timestamp,
	calendar @extschema@.outage_calendar)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'is_eligibility_affected'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
SUPPORT @extschema@.is_eligibility_affected_support;

COMMENT ON FUNCTION @extschema@.is_eligibility_affected_recheck(@extschema@.prefecture, pg_catalog.timestamptz) IS
'is_eligibility_affected(prefecture, timestamptz) after the planner has tested the literal ranges of its affected windows (planner use; same answers)';
COMMENT ON FUNCTION @extschema@.is_eligibility_affected_recheck(@extschema@.prefecture, pg_catalog.timestamp) IS
'is_eligibility_affected(prefecture, timestamp) after the planner has tested the literal ranges of its affected windows (planner use; same answers)';
COMMENT ON FUNCTION @extschema@.is_eligibility_affected_recheck(pg_catalog.text, pg_catalog.timestamptz) IS
'is_eligibility_affected(text, timestamptz) after the planner has tested the literal ranges of its affected windows (planner use; same answers)';
COMMENT ON FUNCTION @extschema@.is_eligibility_affected_recheck(pg_catalog.text, pg_catalog.timestamp) IS
'is_eligibility_affected(text, timestamp) after the planner has tested the literal ranges of its affected windows (planner use; same answers)';
COMMENT ON FUNCTION @extschema@.is_eligibility_affected_recheck(@extschema@.medical_institution_code, pg_catalog.timestamptz) IS
'is_eligibility_affected(medical_institution_code, timestamptz) after the planner has tested the literal ranges of its affected windows (planner use; same answers)';
COMMENT ON FUNCTION @extschema@.is_eligibility_affected_recheck(@extschema@.medical_institution_code, pg_catalog.timestamp) IS
'is_eligibility_affected(medical_institution_code, timestamp) after the planner has tested the literal ranges of its affected windows (planner use; same answers)';
COMMENT ON FUNCTION @extschema@.is_eligibility_affected_recheck(@extschema@.prefecture, pg_catalog.timestamptz, @extschema@.outage_calendar) IS
'is_eligibility_affected(prefecture, timestamptz, outage_calendar) after the planner has tested the literal ranges of its affected windows (planner use; same answers)';
COMMENT ON FUNCTION @extschema@.is_eligibility_affected_recheck(@extschema@.prefecture, pg_catalog.timestamp, @extschema@.outage_calendar) IS
'is_eligibility_affected(prefecture, timestamp, outage_calendar) after the planner has tested the literal ranges of its affected windows (planner use; same answers)';
COMMENT ON FUNCTION @extschema@.is_eligibility_affected_recheck(pg_catalog.text, pg_catalog.timestamptz, @extschema@.outage_calendar) IS
'is_eligibility_affected(text, timestamptz, outage_calendar) after the planner has tested the literal ranges of its affected windows (planner use; same answers)';
COMMENT ON FUNCTION @extschema@.is_eligibility_affected_recheck(pg_catalog.text, pg_catalog.timestamp, @extschema@.outage_calendar) IS
'is_eligibility_affected(text, timestamp, outage_calendar) after the planner has tested the literal ranges of its affected windows (planner use; same answers)';
COMMENT ON FUNCTION @extschema@.is_eligibility_affected_recheck(@extschema@.medical_institution_code, pg_catalog.timestamptz, @extschema@.outage_calendar) IS
'is_eligibility_affected(medical_institution_code, timestamptz, outage_calendar) after the planner has tested the literal ranges of its affected windows (planner use; same answers)';
COMMENT ON FUNCTION @extschema@.is_eligibility_affected_recheck(@extschema@.medical_institution_code, pg_catalog.timestamp, @extschema@.outage_calendar) IS
'is_eligibility_affected(medical_institution_code, timestamp, outage_calendar) after the planner has tested the literal ranges of its affected windows (planner use; same answers)';
