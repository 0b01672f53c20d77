--
-- outage_calendar: a whole schedule as one immutable value (calendar.c).
--

CREATE TYPE @extschema@.outage_calendar;

CREATE FUNCTION @extschema@.outage_calendar_in(pg_catalog.cstring)
RETURNS @extschema@.outage_calendar
AS 'MODULE_PATHNAME', 'outage_calendar_in'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.outage_calendar_out(@extschema@.outage_calendar)
RETURNS pg_catalog.cstring
AS 'MODULE_PATHNAME', 'outage_calendar_out'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.outage_calendar_recv(pg_catalog.internal)
RETURNS @extschema@.outage_calendar
AS 'MODULE_PATHNAME', 'outage_calendar_recv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.outage_calendar_send(@extschema@.outage_calendar)
RETURNS pg_catalog.bytea
AS 'MODULE_PATHNAME', 'outage_calendar_send'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.outage_calendar (
	INPUT = @extschema@.outage_calendar_in,
	OUTPUT = @extschema@.outage_calendar_out,
	RECEIVE = @extschema@.outage_calendar_recv,
	SEND = @extschema@.outage_calendar_send,
	INTERNALLENGTH = VARIABLE,
	ALIGNMENT = double,
	STORAGE = extended
);

COMMENT ON TYPE @extschema@.outage_calendar IS
'A whole outage schedule as one value: per area its merged windows, the nationwide windows, and the prefectures of each area; text form {"east"(1,...,20): [from,to) kind, ...; "west"(...): ...; *: nationwide windows}';
COMMENT ON FUNCTION @extschema@.outage_calendar_in(pg_catalog.cstring) IS
'Input function of outage_calendar';
COMMENT ON FUNCTION @extschema@.outage_calendar_out(@extschema@.outage_calendar) IS
'Output function of outage_calendar (canonical text form)';
COMMENT ON FUNCTION @extschema@.outage_calendar_recv(pg_catalog.internal) IS
'Binary input function of outage_calendar';
COMMENT ON FUNCTION @extschema@.outage_calendar_send(@extschema@.outage_calendar) IS
'Binary output function of outage_calendar';

CREATE FUNCTION @extschema@.outage_calendar_eq(@extschema@.outage_calendar, @extschema@.outage_calendar)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'outage_calendar_eq'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.outage_calendar_ne(@extschema@.outage_calendar, @extschema@.outage_calendar)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'outage_calendar_ne'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.outage_calendar_hash(@extschema@.outage_calendar)
RETURNS pg_catalog.int4
AS 'MODULE_PATHNAME', 'outage_calendar_hash'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.outage_calendar_hash_extended(@extschema@.outage_calendar, pg_catalog.int8)
RETURNS pg_catalog.int8
AS 'MODULE_PATHNAME', 'outage_calendar_hash_extended'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.outage_calendar_eq(@extschema@.outage_calendar, @extschema@.outage_calendar) IS
'Implementation of = for outage_calendar (same areas, prefectures and windows)';
COMMENT ON FUNCTION @extschema@.outage_calendar_ne(@extschema@.outage_calendar, @extschema@.outage_calendar) IS
'Implementation of <> for outage_calendar';
COMMENT ON FUNCTION @extschema@.outage_calendar_hash(@extschema@.outage_calendar) IS
'Hash support for outage_calendar';
COMMENT ON FUNCTION @extschema@.outage_calendar_hash_extended(@extschema@.outage_calendar, pg_catalog.int8) IS
'Seeded hash support for outage_calendar';

CREATE OPERATOR @extschema@.= (
	LEFTARG = @extschema@.outage_calendar,
	RIGHTARG = @extschema@.outage_calendar,
	FUNCTION = @extschema@.outage_calendar_eq,
	COMMUTATOR = OPERATOR(@extschema@.=),
	NEGATOR = OPERATOR(@extschema@.<>),
	RESTRICT = pg_catalog.eqsel,
	JOIN = pg_catalog.eqjoinsel,
	HASHES
);

CREATE OPERATOR @extschema@.<> (
	LEFTARG = @extschema@.outage_calendar,
	RIGHTARG = @extschema@.outage_calendar,
	FUNCTION = @extschema@.outage_calendar_ne,
	COMMUTATOR = OPERATOR(@extschema@.<>),
	NEGATOR = OPERATOR(@extschema@.=),
	RESTRICT = pg_catalog.neqsel,
	JOIN = pg_catalog.neqjoinsel
);

COMMENT ON OPERATOR @extschema@.= (@extschema@.outage_calendar, @extschema@.outage_calendar) IS
'calendars hold the same areas, prefectures and windows';
COMMENT ON OPERATOR @extschema@.<> (@extschema@.outage_calendar, @extschema@.outage_calendar) IS
'calendars differ';

CREATE OPERATOR CLASS @extschema@.hash_outage_calendar_ops
DEFAULT FOR TYPE @extschema@.outage_calendar USING hash AS
	OPERATOR 1 @extschema@.= (@extschema@.outage_calendar, @extschema@.outage_calendar),
	FUNCTION 1 @extschema@.outage_calendar_hash(@extschema@.outage_calendar),
	FUNCTION 2 @extschema@.outage_calendar_hash_extended(@extschema@.outage_calendar, pg_catalog.int8);

COMMENT ON OPERATOR CLASS @extschema@.hash_outage_calendar_ops USING hash IS
'Hash operator class of outage_calendar (GROUP BY, DISTINCT and hash joins over audits)';

COMMENT ON OPERATOR FAMILY @extschema@.hash_outage_calendar_ops USING hash IS
'Hash operator family of outage_calendar';
