--
-- Day-level answers for claims, which know the day of a visit but not its
-- time (src/eligibility_day.c).  A date is a Japan date and opening hours
-- are Japan local times of that day: the session's TimeZone plays no part.
-- The opening hours are a time[] of pairs, opening and closing in turn
-- ('{09:00,12:30,14:00,18:00}'; 24:00 closes at midnight); NULL means the
-- whole day, an empty array a day the facility is closed.
--

CREATE TYPE @extschema@.eligibility_grade AS ENUM ('none', 'possible', 'certain');

COMMENT ON TYPE @extschema@.eligibility_grade IS
'How surely a day''s visit was affected: certain (windows affecting eligibility cover all the opening hours given), possible (part of them), none';

-- eligibility_on_day: impact and grade over the opening hours, with the
-- time covered.  Not STRICT: NULL opening hours mean the whole day.

CREATE FUNCTION @extschema@.eligibility_on_day(
	facility_prefecture @extschema@.prefecture, visit_date pg_catalog.date,
	opening_hours pg_catalog.time[] DEFAULT NULL,
	OUT impact @extschema@.eligibility_impact, OUT grade @extschema@.eligibility_grade,
	OUT affected_time pg_catalog.interval, OUT open_time pg_catalog.interval)
RETURNS pg_catalog.record
AS 'MODULE_PATHNAME', 'eligibility_on_day'
LANGUAGE C STABLE PARALLEL SAFE;

CREATE FUNCTION @extschema@.eligibility_on_day(
	facility_prefecture pg_catalog.text, visit_date pg_catalog.date,
	opening_hours pg_catalog.time[] DEFAULT NULL,
	OUT impact @extschema@.eligibility_impact, OUT grade @extschema@.eligibility_grade,
	OUT affected_time pg_catalog.interval, OUT open_time pg_catalog.interval)
RETURNS pg_catalog.record
AS 'MODULE_PATHNAME', 'eligibility_on_day'
LANGUAGE C STABLE PARALLEL SAFE;

CREATE FUNCTION @extschema@.eligibility_on_day(
	facility_prefecture @extschema@.prefecture, visit_date pg_catalog.date,
	calendar @extschema@.outage_calendar, opening_hours pg_catalog.time[] DEFAULT NULL,
	OUT impact @extschema@.eligibility_impact, OUT grade @extschema@.eligibility_grade,
	OUT affected_time pg_catalog.interval, OUT open_time pg_catalog.interval)
RETURNS pg_catalog.record
AS 'MODULE_PATHNAME', 'eligibility_on_day'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE FUNCTION @extschema@.eligibility_on_day(
	facility_prefecture pg_catalog.text, visit_date pg_catalog.date,
	calendar @extschema@.outage_calendar, opening_hours pg_catalog.time[] DEFAULT NULL,
	OUT impact @extschema@.eligibility_impact, OUT grade @extschema@.eligibility_grade,
	OUT affected_time pg_catalog.interval, OUT open_time pg_catalog.interval)
RETURNS pg_catalog.record
AS 'MODULE_PATHNAME', 'eligibility_on_day'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.eligibility_on_day(@extschema@.prefecture, pg_catalog.date, pg_catalog.time[]) IS
'A claim''s day at a facility in this prefecture: the most severe impact during the opening hours (pairs of Japan local times; NULL: the whole day), the grade (certain, possible, none), the time windows affecting eligibility cover and the time open';
COMMENT ON FUNCTION @extschema@.eligibility_on_day(pg_catalog.text, pg_catalog.date, pg_catalog.time[]) IS
'A claim''s day: impact, grade and times over the opening hours; the facility''s prefecture given as text';
COMMENT ON FUNCTION @extschema@.eligibility_on_day(@extschema@.prefecture, pg_catalog.date, @extschema@.outage_calendar, pg_catalog.time[]) IS
'A claim''s day: impact, grade and times over the opening hours, against a calendar; reads no table';
COMMENT ON FUNCTION @extschema@.eligibility_on_day(pg_catalog.text, pg_catalog.date, @extschema@.outage_calendar, pg_catalog.time[]) IS
'A claim''s day: impact, grade and times over the opening hours, against a calendar; the facility''s prefecture given as text; reads no table';

-- eligibility_grade_on_day: the grade alone, for WHERE clauses.

CREATE FUNCTION @extschema@.eligibility_grade_on_day(
	facility_prefecture @extschema@.prefecture, visit_date pg_catalog.date,
	opening_hours pg_catalog.time[] DEFAULT NULL)
RETURNS @extschema@.eligibility_grade
AS 'MODULE_PATHNAME', 'eligibility_grade_on_day'
LANGUAGE C STABLE PARALLEL SAFE;

CREATE FUNCTION @extschema@.eligibility_grade_on_day(
	facility_prefecture pg_catalog.text, visit_date pg_catalog.date,
	opening_hours pg_catalog.time[] DEFAULT NULL)
RETURNS @extschema@.eligibility_grade
AS 'MODULE_PATHNAME', 'eligibility_grade_on_day'
LANGUAGE C STABLE PARALLEL SAFE;

CREATE FUNCTION @extschema@.eligibility_grade_on_day(
	facility_prefecture @extschema@.prefecture, visit_date pg_catalog.date,
	calendar @extschema@.outage_calendar, opening_hours pg_catalog.time[] DEFAULT NULL)
RETURNS @extschema@.eligibility_grade
AS 'MODULE_PATHNAME', 'eligibility_grade_on_day'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE FUNCTION @extschema@.eligibility_grade_on_day(
	facility_prefecture pg_catalog.text, visit_date pg_catalog.date,
	calendar @extschema@.outage_calendar, opening_hours pg_catalog.time[] DEFAULT NULL)
RETURNS @extschema@.eligibility_grade
AS 'MODULE_PATHNAME', 'eligibility_grade_on_day'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.eligibility_grade_on_day(@extschema@.prefecture, pg_catalog.date, pg_catalog.time[]) IS
'certain when windows affecting eligibility cover all the opening hours of this Japan day (NULL: the whole day) at a facility in this prefecture, possible when part, none otherwise';
COMMENT ON FUNCTION @extschema@.eligibility_grade_on_day(pg_catalog.text, pg_catalog.date, pg_catalog.time[]) IS
'The day-level grade over the opening hours; the facility''s prefecture given as text';
COMMENT ON FUNCTION @extschema@.eligibility_grade_on_day(@extschema@.prefecture, pg_catalog.date, @extschema@.outage_calendar, pg_catalog.time[]) IS
'The day-level grade over the opening hours, against a calendar; reads no table';
COMMENT ON FUNCTION @extschema@.eligibility_grade_on_day(pg_catalog.text, pg_catalog.date, @extschema@.outage_calendar, pg_catalog.time[]) IS
'The day-level grade over the opening hours, against a calendar; the facility''s prefecture given as text; reads no table';

-- A facility by its 10-digit code: its facility_area area, else its
-- prefecture's.  The calendar forms are in 48_calendar_facility.sql.
CREATE FUNCTION @extschema@.eligibility_on_day(
	facility @extschema@.medical_institution_code, visit_date pg_catalog.date,
	opening_hours pg_catalog.time[] DEFAULT NULL,
	OUT impact @extschema@.eligibility_impact, OUT grade @extschema@.eligibility_grade,
	OUT affected_time pg_catalog.interval, OUT open_time pg_catalog.interval)
RETURNS pg_catalog.record
AS 'MODULE_PATHNAME', 'eligibility_on_day'
LANGUAGE C STABLE PARALLEL SAFE;

CREATE FUNCTION @extschema@.eligibility_grade_on_day(
	facility @extschema@.medical_institution_code, visit_date pg_catalog.date,
	opening_hours pg_catalog.time[] DEFAULT NULL)
RETURNS @extschema@.eligibility_grade
AS 'MODULE_PATHNAME', 'eligibility_grade_on_day'
LANGUAGE C STABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.eligibility_on_day(@extschema@.medical_institution_code, pg_catalog.date, pg_catalog.time[]) IS
'A claim''s day at this facility (its facility_area area, else its prefecture''s): the most severe impact during the opening hours, the grade, the time windows affecting eligibility cover and the time open';
COMMENT ON FUNCTION @extschema@.eligibility_grade_on_day(@extschema@.medical_institution_code, pg_catalog.date, pg_catalog.time[]) IS
'The day-level grade over the opening hours at this facility (its facility_area area, else its prefecture''s)';

-- affecting_windows_on_day: the outage_schedule rows behind a claim's
-- day-level answer, those whose window touches the Japan day within the
-- opening hours (as eligibility_on_day reads them: NULL the whole day, '{}'
-- closed), most severe first (as affecting_windows).  One C function for
-- every overload (src/eligibility.c), reading the same compiled schedule.
-- Not STRICT, for NULL opening hours; a NULL facility, day or calendar
-- lists nothing.  With a calendar, the rows are its segments (no id, note
-- or source), as with affecting_windows.

CREATE FUNCTION @extschema@.affecting_windows_on_day(
	facility_prefecture @extschema@.prefecture, visit_date pg_catalog.date,
	opening_hours pg_catalog.time[] DEFAULT NULL)
RETURNS SETOF @extschema@.outage_schedule
AS 'MODULE_PATHNAME', 'affecting_windows_on_day'
LANGUAGE C STABLE PARALLEL SAFE ROWS 3;

CREATE FUNCTION @extschema@.affecting_windows_on_day(
	facility_prefecture pg_catalog.text, visit_date pg_catalog.date,
	opening_hours pg_catalog.time[] DEFAULT NULL)
RETURNS SETOF @extschema@.outage_schedule
AS 'MODULE_PATHNAME', 'affecting_windows_on_day'
LANGUAGE C STABLE PARALLEL SAFE ROWS 3;

CREATE FUNCTION @extschema@.affecting_windows_on_day(
	facility @extschema@.medical_institution_code, visit_date pg_catalog.date,
	opening_hours pg_catalog.time[] DEFAULT NULL)
RETURNS SETOF @extschema@.outage_schedule
AS 'MODULE_PATHNAME', 'affecting_windows_on_day'
LANGUAGE C STABLE PARALLEL SAFE ROWS 3;

CREATE FUNCTION @extschema@.affecting_windows_on_day(
	facility_prefecture @extschema@.prefecture, visit_date pg_catalog.date,
	calendar @extschema@.outage_calendar, opening_hours pg_catalog.time[] DEFAULT NULL)
RETURNS SETOF @extschema@.outage_schedule
AS 'MODULE_PATHNAME', 'affecting_windows_on_day'
LANGUAGE C IMMUTABLE PARALLEL SAFE ROWS 3;

CREATE FUNCTION @extschema@.affecting_windows_on_day(
	facility_prefecture pg_catalog.text, visit_date pg_catalog.date,
	calendar @extschema@.outage_calendar, opening_hours pg_catalog.time[] DEFAULT NULL)
RETURNS SETOF @extschema@.outage_schedule
AS 'MODULE_PATHNAME', 'affecting_windows_on_day'
LANGUAGE C IMMUTABLE PARALLEL SAFE ROWS 3;

CREATE FUNCTION @extschema@.affecting_windows_on_day(
	facility @extschema@.medical_institution_code, visit_date pg_catalog.date,
	calendar @extschema@.outage_calendar, opening_hours pg_catalog.time[] DEFAULT NULL)
RETURNS SETOF @extschema@.outage_schedule
AS 'MODULE_PATHNAME', 'affecting_windows_on_day'
LANGUAGE C IMMUTABLE PARALLEL SAFE ROWS 3;

COMMENT ON FUNCTION @extschema@.affecting_windows_on_day(@extschema@.prefecture, pg_catalog.date, pg_catalog.time[]) IS
'The outage_schedule rows whose window touches this Japan calendar day within the opening hours (pairs of Japan local times; NULL: the whole day; ''{}'': closed) at a facility in this prefecture, most severe first: the windows behind eligibility_on_day';
COMMENT ON FUNCTION @extschema@.affecting_windows_on_day(pg_catalog.text, pg_catalog.date, pg_catalog.time[]) IS
'The outage_schedule rows whose window touches this Japan day within the opening hours, most severe first; the facility''s prefecture given as text';
COMMENT ON FUNCTION @extschema@.affecting_windows_on_day(@extschema@.medical_institution_code, pg_catalog.date, pg_catalog.time[]) IS
'The outage_schedule rows whose window touches this Japan day within the opening hours at this facility (its facility_area area, else its prefecture''s), most severe first';
COMMENT ON FUNCTION @extschema@.affecting_windows_on_day(@extschema@.prefecture, pg_catalog.date, @extschema@.outage_calendar, pg_catalog.time[]) IS
'The calendar''s segments that touch this Japan day within the opening hours at a facility in this prefecture, most severe first, as outage_schedule rows without id, note or source; reads no table';
COMMENT ON FUNCTION @extschema@.affecting_windows_on_day(pg_catalog.text, pg_catalog.date, @extschema@.outage_calendar, pg_catalog.time[]) IS
'The calendar''s segments that touch this Japan day within the opening hours, most severe first; the facility''s prefecture given as text; reads no table';
COMMENT ON FUNCTION @extschema@.affecting_windows_on_day(@extschema@.medical_institution_code, pg_catalog.date, @extschema@.outage_calendar, pg_catalog.time[]) IS
'The calendar''s segments that touch this Japan day within the opening hours at this facility (the calendar''s facility_area area, else its prefecture''s), most severe first; reads no table';
