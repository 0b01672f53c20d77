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
'A whole outage schedule as one value: per area its merged windows (each with its own guidance, if any), the nationwide windows, the prefectures and the facilities (facility_area) of each area; text form {"east"(1,...,20; 2212345678): [from,to) kind, [from,to) kind "guidance", ...; "west"(...): ...; *: nationwide windows}';
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

-- A btree operator class, so that a calendar can be a Citus distribution
-- column, a GROUP BY or DISTINCT key sorted rather than hashed, or a key of
-- a merge join.  Its order is by the value's size, then bytewise: it says
-- nothing about schedules, only agrees with equality.
CREATE FUNCTION @extschema@.outage_calendar_cmp(@extschema@.outage_calendar, @extschema@.outage_calendar)
RETURNS pg_catalog.int4
AS 'MODULE_PATHNAME', 'outage_calendar_cmp'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.outage_calendar_lt(@extschema@.outage_calendar, @extschema@.outage_calendar)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'outage_calendar_lt'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.outage_calendar_le(@extschema@.outage_calendar, @extschema@.outage_calendar)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'outage_calendar_le'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.outage_calendar_ge(@extschema@.outage_calendar, @extschema@.outage_calendar)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'outage_calendar_ge'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.outage_calendar_gt(@extschema@.outage_calendar, @extschema@.outage_calendar)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'outage_calendar_gt'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.outage_calendar_cmp(@extschema@.outage_calendar, @extschema@.outage_calendar) IS
'Btree support for outage_calendar: an arbitrary total order (by size, then bytes) that agrees with =';
COMMENT ON FUNCTION @extschema@.outage_calendar_lt(@extschema@.outage_calendar, @extschema@.outage_calendar) IS
'Implementation of < for outage_calendar (the btree order: by size, then bytes)';
COMMENT ON FUNCTION @extschema@.outage_calendar_le(@extschema@.outage_calendar, @extschema@.outage_calendar) IS
'Implementation of <= for outage_calendar (the btree order: by size, then bytes)';
COMMENT ON FUNCTION @extschema@.outage_calendar_ge(@extschema@.outage_calendar, @extschema@.outage_calendar) IS
'Implementation of >= for outage_calendar (the btree order: by size, then bytes)';
COMMENT ON FUNCTION @extschema@.outage_calendar_gt(@extschema@.outage_calendar, @extschema@.outage_calendar) IS
'Implementation of > for outage_calendar (the btree order: by size, then bytes)';

CREATE OPERATOR @extschema@.< (
	LEFTARG = @extschema@.outage_calendar,
	RIGHTARG = @extschema@.outage_calendar,
	FUNCTION = @extschema@.outage_calendar_lt,
	COMMUTATOR = OPERATOR(@extschema@.>),
	NEGATOR = OPERATOR(@extschema@.>=),
	RESTRICT = pg_catalog.scalarltsel,
	JOIN = pg_catalog.scalarltjoinsel
);

CREATE OPERATOR @extschema@.<= (
	LEFTARG = @extschema@.outage_calendar,
	RIGHTARG = @extschema@.outage_calendar,
	FUNCTION = @extschema@.outage_calendar_le,
	COMMUTATOR = OPERATOR(@extschema@.>=),
	NEGATOR = OPERATOR(@extschema@.>),
	RESTRICT = pg_catalog.scalarlesel,
	JOIN = pg_catalog.scalarlejoinsel
);

CREATE OPERATOR @extschema@.>= (
	LEFTARG = @extschema@.outage_calendar,
	RIGHTARG = @extschema@.outage_calendar,
	FUNCTION = @extschema@.outage_calendar_ge,
	COMMUTATOR = OPERATOR(@extschema@.<=),
	NEGATOR = OPERATOR(@extschema@.<),
	RESTRICT = pg_catalog.scalargesel,
	JOIN = pg_catalog.scalargejoinsel
);

CREATE OPERATOR @extschema@.> (
	LEFTARG = @extschema@.outage_calendar,
	RIGHTARG = @extschema@.outage_calendar,
	FUNCTION = @extschema@.outage_calendar_gt,
	COMMUTATOR = OPERATOR(@extschema@.<),
	NEGATOR = OPERATOR(@extschema@.<=),
	RESTRICT = pg_catalog.scalargtsel,
	JOIN = pg_catalog.scalargtjoinsel
);

COMMENT ON OPERATOR @extschema@.< (@extschema@.outage_calendar, @extschema@.outage_calendar) IS
'sorts before, in outage_calendar''s btree order (by size, then bytes; no meaning about schedules)';
COMMENT ON OPERATOR @extschema@.<= (@extschema@.outage_calendar, @extschema@.outage_calendar) IS
'sorts before or equals, in outage_calendar''s btree order';
COMMENT ON OPERATOR @extschema@.>= (@extschema@.outage_calendar, @extschema@.outage_calendar) IS
'sorts after or equals, in outage_calendar''s btree order';
COMMENT ON OPERATOR @extschema@.> (@extschema@.outage_calendar, @extschema@.outage_calendar) IS
'sorts after, in outage_calendar''s btree order';

CREATE OPERATOR CLASS @extschema@.btree_outage_calendar_ops
DEFAULT FOR TYPE @extschema@.outage_calendar USING btree AS
	OPERATOR 1 @extschema@.< (@extschema@.outage_calendar, @extschema@.outage_calendar),
	OPERATOR 2 @extschema@.<= (@extschema@.outage_calendar, @extschema@.outage_calendar),
	OPERATOR 3 @extschema@.= (@extschema@.outage_calendar, @extschema@.outage_calendar),
	OPERATOR 4 @extschema@.>= (@extschema@.outage_calendar, @extschema@.outage_calendar),
	OPERATOR 5 @extschema@.> (@extschema@.outage_calendar, @extschema@.outage_calendar),
	FUNCTION 1 @extschema@.outage_calendar_cmp(@extschema@.outage_calendar, @extschema@.outage_calendar);

COMMENT ON OPERATOR CLASS @extschema@.btree_outage_calendar_ops USING btree IS
'Btree operator class of outage_calendar (Citus distribution columns, sorted GROUP BY and DISTINCT, merge joins); equality is same content';

COMMENT ON OPERATOR FAMILY @extschema@.btree_outage_calendar_ops USING btree IS
'Btree operator family of outage_calendar';
