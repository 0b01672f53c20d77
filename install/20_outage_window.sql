
-- ---------------------------------------------------------------------------
-- outage_window: a half-open timestamptz interval [lower, upper) with a kind
-- ---------------------------------------------------------------------------

CREATE TYPE @extschema@.outage_window;

CREATE FUNCTION @extschema@.outage_window_in(pg_catalog.cstring)
RETURNS @extschema@.outage_window
AS 'MODULE_PATHNAME', 'outage_window_in'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.outage_window_out(@extschema@.outage_window)
RETURNS pg_catalog.cstring
AS 'MODULE_PATHNAME', 'outage_window_out'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.outage_window_recv(pg_catalog.internal)
RETURNS @extschema@.outage_window
AS 'MODULE_PATHNAME', 'outage_window_recv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.outage_window_send(@extschema@.outage_window)
RETURNS pg_catalog.bytea
AS 'MODULE_PATHNAME', 'outage_window_send'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.outage_window (
	INTERNALLENGTH = 24,
	INPUT = @extschema@.outage_window_in,
	OUTPUT = @extschema@.outage_window_out,
	RECEIVE = @extschema@.outage_window_recv,
	SEND = @extschema@.outage_window_send,
	ALIGNMENT = double,
	STORAGE = plain
);

COMMENT ON TYPE @extschema@.outage_window IS
'maintenance window of the Online Eligibility Verification System: half-open interval [lower,upper) of timestamptz plus a kind. '
'Literal: [lower,upper) kind, e.g. ''[2025-02-01 22:00,2025-02-02 00:30) outage''. '
'Bounds without a zone are Japan time (Asia/Tokyo) whatever TimeZone is; bounds with an offset or zone are taken as given. '
'A bound may be double-quoted; an empty bound, -infinity or infinity means unbounded. '
'( ] [ ] ( ) are accepted and moved by 1 microsecond to [ ). '
'The kind (outage, intermittent or registration_delay, case-insensitive) defaults to outage. '
'Output is always [lower,upper) kind in Japan time with the explicit UTC offset.';

COMMENT ON FUNCTION @extschema@.outage_window_in(pg_catalog.cstring) IS
'text input of outage_window';
COMMENT ON FUNCTION @extschema@.outage_window_out(@extschema@.outage_window) IS
'text output of outage_window, in Japan time';
COMMENT ON FUNCTION @extschema@.outage_window_recv(pg_catalog.internal) IS
'binary input of outage_window';
COMMENT ON FUNCTION @extschema@.outage_window_send(@extschema@.outage_window) IS
'binary output of outage_window: lower int8, upper int8, kind int4';

-- Constructor, accessors ---------------------------------------------------

CREATE FUNCTION @extschema@.outage_window(lower pg_catalog.timestamptz,
										  upper pg_catalog.timestamptz,
										  kind pg_catalog.text DEFAULT 'outage')
RETURNS @extschema@.outage_window
AS 'MODULE_PATHNAME', 'outage_window_construct'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.outage_window(pg_catalog.timestamptz, pg_catalog.timestamptz, pg_catalog.text) IS
'outage window [lower, upper) of the given kind (outage, intermittent or registration_delay; default outage)';

-- Bounds without a zone are Japan wall-clock time, as in a window literal,
-- whatever the session TimeZone says.  Untyped literals resolve to the
-- timestamptz form above (timestamptz is the preferred type).
CREATE FUNCTION @extschema@.outage_window(lower pg_catalog.timestamp,
										  upper pg_catalog.timestamp,
										  kind pg_catalog.text DEFAULT 'outage')
RETURNS @extschema@.outage_window
AS 'MODULE_PATHNAME', 'outage_window_construct_japan'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.outage_window(pg_catalog.timestamp, pg_catalog.timestamp, pg_catalog.text) IS
'outage window [lower, upper) with bounds read as Japan wall-clock time, whatever TimeZone says, of the given kind (default outage)';

CREATE FUNCTION @extschema@.lower(@extschema@.outage_window)
RETURNS pg_catalog.timestamptz
AS 'MODULE_PATHNAME', 'outage_window_lower'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.lower(@extschema@.outage_window) IS
'first instant of the window (-infinity if unbounded)';

CREATE FUNCTION @extschema@.upper(@extschema@.outage_window)
RETURNS pg_catalog.timestamptz
AS 'MODULE_PATHNAME', 'outage_window_upper'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.upper(@extschema@.outage_window) IS
'end of the window, exclusive (infinity if unbounded)';

CREATE FUNCTION @extschema@.kind(@extschema@.outage_window)
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'outage_window_kind'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.kind(@extschema@.outage_window) IS
'kind of the window: outage, intermittent or registration_delay';

CREATE FUNCTION @extschema@.duration(@extschema@.outage_window)
RETURNS pg_catalog.interval
AS 'MODULE_PATHNAME', 'outage_window_duration'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.duration(@extschema@.outage_window) IS
'length of the window, upper - lower; NULL if either end is unbounded';

-- Casts ---------------------------------------------------------------------

CREATE FUNCTION @extschema@.tstzrange(@extschema@.outage_window)
RETURNS pg_catalog.tstzrange
AS 'MODULE_PATHNAME', 'outage_window_to_tstzrange'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.tstzrange(@extschema@.outage_window) IS
'the window''s instants as a [lower,upper) tstzrange; the kind is dropped';

CREATE FUNCTION @extschema@.outage_window(pg_catalog.tstzrange)
RETURNS @extschema@.outage_window
AS 'MODULE_PATHNAME', 'outage_window_from_tstzrange'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.outage_window(pg_catalog.tstzrange) IS
'window of kind outage covering the range''s instants; unbounded ends become infinities, empty ranges are an error';

CREATE CAST (@extschema@.outage_window AS pg_catalog.tstzrange)
	WITH FUNCTION @extschema@.tstzrange(@extschema@.outage_window) AS ASSIGNMENT;
COMMENT ON CAST (@extschema@.outage_window AS pg_catalog.tstzrange) IS
'the window''s instants as a tstzrange (the kind is dropped)';

CREATE CAST (pg_catalog.tstzrange AS @extschema@.outage_window)
	WITH FUNCTION @extschema@.outage_window(pg_catalog.tstzrange);
COMMENT ON CAST (pg_catalog.tstzrange AS @extschema@.outage_window) IS
'a non-empty tstzrange as a window of kind outage';

-- Operator functions ---------------------------------------------------------

CREATE FUNCTION @extschema@.outage_window_contains_ts(@extschema@.outage_window, pg_catalog.timestamptz)
RETURNS pg_catalog.bool AS 'MODULE_PATHNAME', 'outage_window_contains_ts'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.outage_window_contains_ts(@extschema@.outage_window, pg_catalog.timestamptz) IS
'implementation of @> (outage_window, timestamptz)';

CREATE FUNCTION @extschema@.outage_window_ts_contained_by(pg_catalog.timestamptz, @extschema@.outage_window)
RETURNS pg_catalog.bool AS 'MODULE_PATHNAME', 'outage_window_ts_contained_by'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.outage_window_ts_contained_by(pg_catalog.timestamptz, @extschema@.outage_window) IS
'implementation of <@ (timestamptz, outage_window)';

CREATE FUNCTION @extschema@.outage_window_contains(@extschema@.outage_window, @extschema@.outage_window)
RETURNS pg_catalog.bool AS 'MODULE_PATHNAME', 'outage_window_contains'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.outage_window_contains(@extschema@.outage_window, @extschema@.outage_window) IS
'implementation of @> (outage_window, outage_window)';

CREATE FUNCTION @extschema@.outage_window_contained_by(@extschema@.outage_window, @extschema@.outage_window)
RETURNS pg_catalog.bool AS 'MODULE_PATHNAME', 'outage_window_contained_by'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.outage_window_contained_by(@extschema@.outage_window, @extschema@.outage_window) IS
'implementation of <@ (outage_window, outage_window)';

CREATE FUNCTION @extschema@.outage_window_overlaps(@extschema@.outage_window, @extschema@.outage_window)
RETURNS pg_catalog.bool AS 'MODULE_PATHNAME', 'outage_window_overlaps'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.outage_window_overlaps(@extschema@.outage_window, @extschema@.outage_window) IS
'implementation of && (outage_window, outage_window)';

CREATE FUNCTION @extschema@.outage_window_overlaps_tstzrange(@extschema@.outage_window, pg_catalog.tstzrange)
RETURNS pg_catalog.bool AS 'MODULE_PATHNAME', 'outage_window_overlaps_tstzrange'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.outage_window_overlaps_tstzrange(@extschema@.outage_window, pg_catalog.tstzrange) IS
'implementation of && (outage_window, tstzrange)';

CREATE FUNCTION @extschema@.outage_window_tstzrange_overlaps(pg_catalog.tstzrange, @extschema@.outage_window)
RETURNS pg_catalog.bool AS 'MODULE_PATHNAME', 'outage_window_tstzrange_overlaps'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.outage_window_tstzrange_overlaps(pg_catalog.tstzrange, @extschema@.outage_window) IS
'implementation of && (tstzrange, outage_window)';

CREATE FUNCTION @extschema@.outage_window_left(@extschema@.outage_window, @extschema@.outage_window)
RETURNS pg_catalog.bool AS 'MODULE_PATHNAME', 'outage_window_left'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.outage_window_left(@extschema@.outage_window, @extschema@.outage_window) IS
'implementation of << (outage_window, outage_window)';

CREATE FUNCTION @extschema@.outage_window_right(@extschema@.outage_window, @extschema@.outage_window)
RETURNS pg_catalog.bool AS 'MODULE_PATHNAME', 'outage_window_right'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.outage_window_right(@extschema@.outage_window, @extschema@.outage_window) IS
'implementation of >> (outage_window, outage_window)';

CREATE FUNCTION @extschema@.outage_window_eq(@extschema@.outage_window, @extschema@.outage_window)
RETURNS pg_catalog.bool AS 'MODULE_PATHNAME', 'outage_window_eq'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.outage_window_eq(@extschema@.outage_window, @extschema@.outage_window) IS
'implementation of = (outage_window, outage_window)';

CREATE FUNCTION @extschema@.outage_window_ne(@extschema@.outage_window, @extschema@.outage_window)
RETURNS pg_catalog.bool AS 'MODULE_PATHNAME', 'outage_window_ne'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.outage_window_ne(@extschema@.outage_window, @extschema@.outage_window) IS
'implementation of <> (outage_window, outage_window)';

CREATE FUNCTION @extschema@.outage_window_lt(@extschema@.outage_window, @extschema@.outage_window)
RETURNS pg_catalog.bool AS 'MODULE_PATHNAME', 'outage_window_lt'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.outage_window_lt(@extschema@.outage_window, @extschema@.outage_window) IS
'implementation of < (outage_window, outage_window)';

CREATE FUNCTION @extschema@.outage_window_le(@extschema@.outage_window, @extschema@.outage_window)
RETURNS pg_catalog.bool AS 'MODULE_PATHNAME', 'outage_window_le'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.outage_window_le(@extschema@.outage_window, @extschema@.outage_window) IS
'implementation of <= (outage_window, outage_window)';

CREATE FUNCTION @extschema@.outage_window_gt(@extschema@.outage_window, @extschema@.outage_window)
RETURNS pg_catalog.bool AS 'MODULE_PATHNAME', 'outage_window_gt'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.outage_window_gt(@extschema@.outage_window, @extschema@.outage_window) IS
'implementation of > (outage_window, outage_window)';

CREATE FUNCTION @extschema@.outage_window_ge(@extschema@.outage_window, @extschema@.outage_window)
RETURNS pg_catalog.bool AS 'MODULE_PATHNAME', 'outage_window_ge'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.outage_window_ge(@extschema@.outage_window, @extschema@.outage_window) IS
'implementation of >= (outage_window, outage_window)';

-- Operators -------------------------------------------------------------------

CREATE OPERATOR @extschema@.@> (
	LEFTARG = @extschema@.outage_window, RIGHTARG = pg_catalog.timestamptz,
	FUNCTION = @extschema@.outage_window_contains_ts,
	COMMUTATOR = OPERATOR(@extschema@.<@),
	RESTRICT = pg_catalog.contsel, JOIN = pg_catalog.contjoinsel
);
COMMENT ON OPERATOR @extschema@.@> (@extschema@.outage_window, pg_catalog.timestamptz) IS
'window contains instant (lower <= t < upper)';

CREATE OPERATOR @extschema@.<@ (
	LEFTARG = pg_catalog.timestamptz, RIGHTARG = @extschema@.outage_window,
	FUNCTION = @extschema@.outage_window_ts_contained_by,
	COMMUTATOR = OPERATOR(@extschema@.@>),
	RESTRICT = pg_catalog.contsel, JOIN = pg_catalog.contjoinsel
);
COMMENT ON OPERATOR @extschema@.<@ (pg_catalog.timestamptz, @extschema@.outage_window) IS
'instant is in window (lower <= t < upper)';

CREATE OPERATOR @extschema@.@> (
	LEFTARG = @extschema@.outage_window, RIGHTARG = @extschema@.outage_window,
	FUNCTION = @extschema@.outage_window_contains,
	COMMUTATOR = OPERATOR(@extschema@.<@),
	RESTRICT = pg_catalog.contsel, JOIN = pg_catalog.contjoinsel
);
COMMENT ON OPERATOR @extschema@.@> (@extschema@.outage_window, @extschema@.outage_window) IS
'window contains window (kinds ignored)';

CREATE OPERATOR @extschema@.<@ (
	LEFTARG = @extschema@.outage_window, RIGHTARG = @extschema@.outage_window,
	FUNCTION = @extschema@.outage_window_contained_by,
	COMMUTATOR = OPERATOR(@extschema@.@>),
	RESTRICT = pg_catalog.contsel, JOIN = pg_catalog.contjoinsel
);
COMMENT ON OPERATOR @extschema@.<@ (@extschema@.outage_window, @extschema@.outage_window) IS
'window is contained by window (kinds ignored)';

CREATE OPERATOR @extschema@.&& (
	LEFTARG = @extschema@.outage_window, RIGHTARG = @extschema@.outage_window,
	FUNCTION = @extschema@.outage_window_overlaps,
	COMMUTATOR = OPERATOR(@extschema@.&&),
	RESTRICT = pg_catalog.areasel, JOIN = pg_catalog.areajoinsel
);
COMMENT ON OPERATOR @extschema@.&& (@extschema@.outage_window, @extschema@.outage_window) IS
'windows overlap (share an instant; kinds ignored)';

CREATE OPERATOR @extschema@.&& (
	LEFTARG = @extschema@.outage_window, RIGHTARG = pg_catalog.tstzrange,
	FUNCTION = @extschema@.outage_window_overlaps_tstzrange,
	COMMUTATOR = OPERATOR(@extschema@.&&),
	RESTRICT = pg_catalog.areasel, JOIN = pg_catalog.areajoinsel
);
COMMENT ON OPERATOR @extschema@.&& (@extschema@.outage_window, pg_catalog.tstzrange) IS
'window and range share an instant';

CREATE OPERATOR @extschema@.&& (
	LEFTARG = pg_catalog.tstzrange, RIGHTARG = @extschema@.outage_window,
	FUNCTION = @extschema@.outage_window_tstzrange_overlaps,
	COMMUTATOR = OPERATOR(@extschema@.&&),
	RESTRICT = pg_catalog.areasel, JOIN = pg_catalog.areajoinsel
);
COMMENT ON OPERATOR @extschema@.&& (pg_catalog.tstzrange, @extschema@.outage_window) IS
'range and window share an instant';

CREATE OPERATOR @extschema@.<< (
	LEFTARG = @extschema@.outage_window, RIGHTARG = @extschema@.outage_window,
	FUNCTION = @extschema@.outage_window_left,
	COMMUTATOR = OPERATOR(@extschema@.>>),
	RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel
);
COMMENT ON OPERATOR @extschema@.<< (@extschema@.outage_window, @extschema@.outage_window) IS
'window ends before the other starts (upper <= other lower)';

CREATE OPERATOR @extschema@.>> (
	LEFTARG = @extschema@.outage_window, RIGHTARG = @extschema@.outage_window,
	FUNCTION = @extschema@.outage_window_right,
	COMMUTATOR = OPERATOR(@extschema@.<<),
	RESTRICT = pg_catalog.scalargtsel, JOIN = pg_catalog.scalargtjoinsel
);
COMMENT ON OPERATOR @extschema@.>> (@extschema@.outage_window, @extschema@.outage_window) IS
'window starts after the other ends (lower >= other upper)';

CREATE OPERATOR @extschema@.= (
	LEFTARG = @extschema@.outage_window, RIGHTARG = @extschema@.outage_window,
	FUNCTION = @extschema@.outage_window_eq,
	COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
	RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel,
	HASHES, MERGES
);
COMMENT ON OPERATOR @extschema@.= (@extschema@.outage_window, @extschema@.outage_window) IS
'equal: same bounds and same kind';

CREATE OPERATOR @extschema@.<> (
	LEFTARG = @extschema@.outage_window, RIGHTARG = @extschema@.outage_window,
	FUNCTION = @extschema@.outage_window_ne,
	COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
	RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel
);
COMMENT ON OPERATOR @extschema@.<> (@extschema@.outage_window, @extschema@.outage_window) IS
'not equal: bounds or kind differ';

CREATE OPERATOR @extschema@.< (
	LEFTARG = @extschema@.outage_window, RIGHTARG = @extschema@.outage_window,
	FUNCTION = @extschema@.outage_window_lt,
	COMMUTATOR = OPERATOR(@extschema@.>), NEGATOR = OPERATOR(@extschema@.>=),
	RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel
);
COMMENT ON OPERATOR @extschema@.< (@extschema@.outage_window, @extschema@.outage_window) IS
'less than, ordering by lower, then upper, then kind';

CREATE OPERATOR @extschema@.<= (
	LEFTARG = @extschema@.outage_window, RIGHTARG = @extschema@.outage_window,
	FUNCTION = @extschema@.outage_window_le,
	COMMUTATOR = OPERATOR(@extschema@.>=), NEGATOR = OPERATOR(@extschema@.>),
	RESTRICT = pg_catalog.scalarlesel, JOIN = pg_catalog.scalarlejoinsel
);
COMMENT ON OPERATOR @extschema@.<= (@extschema@.outage_window, @extschema@.outage_window) IS
'less than or equal, ordering by lower, then upper, then kind';

CREATE OPERATOR @extschema@.> (
	LEFTARG = @extschema@.outage_window, RIGHTARG = @extschema@.outage_window,
	FUNCTION = @extschema@.outage_window_gt,
	COMMUTATOR = OPERATOR(@extschema@.<), NEGATOR = OPERATOR(@extschema@.<=),
	RESTRICT = pg_catalog.scalargtsel, JOIN = pg_catalog.scalargtjoinsel
);
COMMENT ON OPERATOR @extschema@.> (@extschema@.outage_window, @extschema@.outage_window) IS
'greater than, ordering by lower, then upper, then kind';

CREATE OPERATOR @extschema@.>= (
	LEFTARG = @extschema@.outage_window, RIGHTARG = @extschema@.outage_window,
	FUNCTION = @extschema@.outage_window_ge,
	COMMUTATOR = OPERATOR(@extschema@.<=), NEGATOR = OPERATOR(@extschema@.<),
	RESTRICT = pg_catalog.scalargesel, JOIN = pg_catalog.scalargejoinsel
);
COMMENT ON OPERATOR @extschema@.>= (@extschema@.outage_window, @extschema@.outage_window) IS
'greater than or equal, ordering by lower, then upper, then kind';

-- btree and hash ----------------------------------------------------------------

CREATE FUNCTION @extschema@.outage_window_cmp(@extschema@.outage_window, @extschema@.outage_window)
RETURNS pg_catalog.int4 AS 'MODULE_PATHNAME', 'outage_window_cmp'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.outage_window_cmp(@extschema@.outage_window, @extschema@.outage_window) IS
'btree comparison of outage_window: lower, then upper, then kind';

CREATE FUNCTION @extschema@.outage_window_sortsupport(pg_catalog.internal)
RETURNS pg_catalog.void AS 'MODULE_PATHNAME', 'outage_window_sortsupport'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.outage_window_sortsupport(pg_catalog.internal) IS
'btree sort support of outage_window';

CREATE FUNCTION @extschema@.outage_window_hash(@extschema@.outage_window)
RETURNS pg_catalog.int4 AS 'MODULE_PATHNAME', 'outage_window_hash'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.outage_window_hash(@extschema@.outage_window) IS
'hash of outage_window';

CREATE FUNCTION @extschema@.outage_window_hash_extended(@extschema@.outage_window, pg_catalog.int8)
RETURNS pg_catalog.int8 AS 'MODULE_PATHNAME', 'outage_window_hash_extended'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.outage_window_hash_extended(@extschema@.outage_window, pg_catalog.int8) IS
'seeded 64-bit hash of outage_window';

CREATE OPERATOR CLASS @extschema@.btree_outage_window_ops
DEFAULT FOR TYPE @extschema@.outage_window USING btree AS
	OPERATOR 1 @extschema@.< ,
	OPERATOR 2 @extschema@.<= ,
	OPERATOR 3 @extschema@.= ,
	OPERATOR 4 @extschema@.>= ,
	OPERATOR 5 @extschema@.> ,
	FUNCTION 1 @extschema@.outage_window_cmp(@extschema@.outage_window, @extschema@.outage_window),
	FUNCTION 2 @extschema@.outage_window_sortsupport(pg_catalog.internal);
COMMENT ON OPERATOR CLASS @extschema@.btree_outage_window_ops USING btree IS
'btree ordering of outage_window by lower, upper, kind';

CREATE OPERATOR CLASS @extschema@.hash_outage_window_ops
DEFAULT FOR TYPE @extschema@.outage_window USING hash AS
	OPERATOR 1 @extschema@.= ,
	FUNCTION 1 @extschema@.outage_window_hash(@extschema@.outage_window),
	FUNCTION 2 @extschema@.outage_window_hash_extended(@extschema@.outage_window, pg_catalog.int8);
COMMENT ON OPERATOR CLASS @extschema@.hash_outage_window_ops USING hash IS
'hashing of outage_window for hash joins, hash aggregation and hash indexes';

-- GiST ----------------------------------------------------------------------------

CREATE FUNCTION @extschema@.gist_outage_window_consistent(pg_catalog.internal, @extschema@.outage_window, pg_catalog.int2, pg_catalog.oid, pg_catalog.internal)
RETURNS pg_catalog.bool AS 'MODULE_PATHNAME', 'gist_outage_window_consistent'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.gist_outage_window_consistent(pg_catalog.internal, @extschema@.outage_window, pg_catalog.int2, pg_catalog.oid, pg_catalog.internal) IS
'GiST consistent function of gist_outage_window_ops';

CREATE FUNCTION @extschema@.gist_outage_window_union(pg_catalog.internal, pg_catalog.internal)
RETURNS @extschema@.outage_window AS 'MODULE_PATHNAME', 'gist_outage_window_union'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.gist_outage_window_union(pg_catalog.internal, pg_catalog.internal) IS
'GiST union function of gist_outage_window_ops';

CREATE FUNCTION @extschema@.gist_outage_window_penalty(pg_catalog.internal, pg_catalog.internal, pg_catalog.internal)
RETURNS pg_catalog.internal AS 'MODULE_PATHNAME', 'gist_outage_window_penalty'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.gist_outage_window_penalty(pg_catalog.internal, pg_catalog.internal, pg_catalog.internal) IS
'GiST penalty function of gist_outage_window_ops';

CREATE FUNCTION @extschema@.gist_outage_window_picksplit(pg_catalog.internal, pg_catalog.internal)
RETURNS pg_catalog.internal AS 'MODULE_PATHNAME', 'gist_outage_window_picksplit'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.gist_outage_window_picksplit(pg_catalog.internal, pg_catalog.internal) IS
'GiST picksplit function of gist_outage_window_ops';

CREATE FUNCTION @extschema@.gist_outage_window_same(@extschema@.outage_window, @extschema@.outage_window, pg_catalog.internal)
RETURNS pg_catalog.internal AS 'MODULE_PATHNAME', 'gist_outage_window_same'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.gist_outage_window_same(@extschema@.outage_window, @extschema@.outage_window, pg_catalog.internal) IS
'GiST same function of gist_outage_window_ops';

CREATE OPERATOR CLASS @extschema@.gist_outage_window_ops
DEFAULT FOR TYPE @extschema@.outage_window USING gist AS
	OPERATOR 1 @extschema@.<< (@extschema@.outage_window, @extschema@.outage_window),
	OPERATOR 3 @extschema@.&& (@extschema@.outage_window, @extschema@.outage_window),
	OPERATOR 3 @extschema@.&& (@extschema@.outage_window, pg_catalog.tstzrange),
	OPERATOR 5 @extschema@.>> (@extschema@.outage_window, @extschema@.outage_window),
	OPERATOR 7 @extschema@.@> (@extschema@.outage_window, @extschema@.outage_window),
	OPERATOR 8 @extschema@.<@ (@extschema@.outage_window, @extschema@.outage_window),
	OPERATOR 16 @extschema@.@> (@extschema@.outage_window, pg_catalog.timestamptz),
	OPERATOR 18 @extschema@.= (@extschema@.outage_window, @extschema@.outage_window),
	FUNCTION 1 @extschema@.gist_outage_window_consistent(pg_catalog.internal, @extschema@.outage_window, pg_catalog.int2, pg_catalog.oid, pg_catalog.internal),
	FUNCTION 2 @extschema@.gist_outage_window_union(pg_catalog.internal, pg_catalog.internal),
	FUNCTION 5 @extschema@.gist_outage_window_penalty(pg_catalog.internal, pg_catalog.internal, pg_catalog.internal),
	FUNCTION 6 @extschema@.gist_outage_window_picksplit(pg_catalog.internal, pg_catalog.internal),
	FUNCTION 7 @extschema@.gist_outage_window_same(@extschema@.outage_window, @extschema@.outage_window, pg_catalog.internal);
COMMENT ON OPERATOR CLASS @extschema@.gist_outage_window_ops USING gist IS
'GiST indexing of outage_window for &&, @>, <@, <<, >>, = and @> timestamptz';

COMMENT ON OPERATOR FAMILY @extschema@.btree_outage_window_ops USING btree IS
'B-tree operator family of outage_window (order by lower bound, upper bound, kind)';
COMMENT ON OPERATOR FAMILY @extschema@.hash_outage_window_ops USING hash IS
'Hash operator family of outage_window';
COMMENT ON OPERATOR FAMILY @extschema@.gist_outage_window_ops USING gist IS
'GiST operator family of outage_window (&&, @>, <@, <<, >>, =, and && tstzrange)';
