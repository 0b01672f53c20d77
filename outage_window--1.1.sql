/* outage_window--1.1.sql */

-- complain if script is sourced in psql, rather than via CREATE EXTENSION
\echo Use "CREATE EXTENSION outage_window" to load this file. \quit


-- ---------------------------------------------------------------------
-- prefecture: one of Japan's 47 prefectures, stored as its JIS X 0401
-- code (1..47) in two bytes, passed by value.  Comparison and hashing
-- reuse the int2 functions, since the representation is an int2.
-- Keep this file ASCII: without an encoding in the control file, the
-- script is read in the database's encoding (EUC_JP databases too).
-- ---------------------------------------------------------------------

CREATE TYPE @extschema@.prefecture;

CREATE FUNCTION @extschema@.prefecture_in(pg_catalog.cstring)
RETURNS @extschema@.prefecture
AS 'MODULE_PATHNAME', 'prefecture_in'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.prefecture_out(@extschema@.prefecture)
RETURNS pg_catalog.cstring
AS 'MODULE_PATHNAME', 'prefecture_out'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.prefecture_recv(pg_catalog.internal)
RETURNS @extschema@.prefecture
AS 'MODULE_PATHNAME', 'prefecture_recv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.prefecture_send(@extschema@.prefecture)
RETURNS pg_catalog.bytea
AS 'MODULE_PATHNAME', 'prefecture_send'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.prefecture (
	INPUT = @extschema@.prefecture_in,
	OUTPUT = @extschema@.prefecture_out,
	RECEIVE = @extschema@.prefecture_recv,
	SEND = @extschema@.prefecture_send,
	INTERNALLENGTH = 2,
	PASSEDBYVALUE,
	ALIGNMENT = int2,
	STORAGE = plain
);

COMMENT ON TYPE @extschema@.prefecture IS
'prefecture of Japan, stored as its JIS X 0401 code 1..47; input accepts codes (13, 01, full-width digits, JP-13), the kanji name with or without its suffix, kana readings (hiragana, katakana, half-width katakana) and romaji (Tokyo, Tokyo with macrons, Tokyo-to, TOKYO TO); output is the kanji name';
COMMENT ON FUNCTION @extschema@.prefecture_in(pg_catalog.cstring) IS
'text input of prefecture: any accepted spelling to its JIS code';
COMMENT ON FUNCTION @extschema@.prefecture_out(@extschema@.prefecture) IS
'text output of prefecture: the kanji name with its suffix';
COMMENT ON FUNCTION @extschema@.prefecture_recv(pg_catalog.internal) IS
'binary input of prefecture: the JIS code as int2, range-checked';
COMMENT ON FUNCTION @extschema@.prefecture_send(@extschema@.prefecture) IS
'binary output of prefecture: the JIS code as int2';

-- Comparison by JIS code, north to south.
CREATE FUNCTION @extschema@.prefecture_eq(@extschema@.prefecture, @extschema@.prefecture)
RETURNS pg_catalog.bool AS 'int2eq'
LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.prefecture_ne(@extschema@.prefecture, @extschema@.prefecture)
RETURNS pg_catalog.bool AS 'int2ne'
LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.prefecture_lt(@extschema@.prefecture, @extschema@.prefecture)
RETURNS pg_catalog.bool AS 'int2lt'
LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.prefecture_le(@extschema@.prefecture, @extschema@.prefecture)
RETURNS pg_catalog.bool AS 'int2le'
LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.prefecture_gt(@extschema@.prefecture, @extschema@.prefecture)
RETURNS pg_catalog.bool AS 'int2gt'
LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.prefecture_ge(@extschema@.prefecture, @extschema@.prefecture)
RETURNS pg_catalog.bool AS 'int2ge'
LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.prefecture_cmp(@extschema@.prefecture, @extschema@.prefecture)
RETURNS pg_catalog.int4 AS 'btint2cmp'
LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.prefecture_sortsupport(pg_catalog.internal)
RETURNS pg_catalog.void AS 'btint2sortsupport'
LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.prefecture_hash(@extschema@.prefecture)
RETURNS pg_catalog.int4 AS 'hashint2'
LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.prefecture_hash_extended(@extschema@.prefecture, pg_catalog.int8)
RETURNS pg_catalog.int8 AS 'hashint2extended'
LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

COMMENT ON FUNCTION @extschema@.prefecture_eq(@extschema@.prefecture, @extschema@.prefecture) IS
'implementation of = for prefecture';
COMMENT ON FUNCTION @extschema@.prefecture_ne(@extschema@.prefecture, @extschema@.prefecture) IS
'implementation of <> for prefecture';
COMMENT ON FUNCTION @extschema@.prefecture_lt(@extschema@.prefecture, @extschema@.prefecture) IS
'implementation of < for prefecture (by JIS code)';
COMMENT ON FUNCTION @extschema@.prefecture_le(@extschema@.prefecture, @extschema@.prefecture) IS
'implementation of <= for prefecture (by JIS code)';
COMMENT ON FUNCTION @extschema@.prefecture_gt(@extschema@.prefecture, @extschema@.prefecture) IS
'implementation of > for prefecture (by JIS code)';
COMMENT ON FUNCTION @extschema@.prefecture_ge(@extschema@.prefecture, @extschema@.prefecture) IS
'implementation of >= for prefecture (by JIS code)';
COMMENT ON FUNCTION @extschema@.prefecture_cmp(@extschema@.prefecture, @extschema@.prefecture) IS
'btree comparison of prefectures by JIS code: -1, 0 or 1';
COMMENT ON FUNCTION @extschema@.prefecture_sortsupport(pg_catalog.internal) IS
'btree sort support for prefecture';
COMMENT ON FUNCTION @extschema@.prefecture_hash(@extschema@.prefecture) IS
'hash of a prefecture';
COMMENT ON FUNCTION @extschema@.prefecture_hash_extended(@extschema@.prefecture, pg_catalog.int8) IS
'seeded 64-bit hash of a prefecture';

CREATE OPERATOR @extschema@.= (
	LEFTARG = @extschema@.prefecture,
	RIGHTARG = @extschema@.prefecture,
	FUNCTION = @extschema@.prefecture_eq,
	COMMUTATOR = OPERATOR(@extschema@.=),
	NEGATOR = OPERATOR(@extschema@.<>),
	RESTRICT = pg_catalog.eqsel,
	JOIN = pg_catalog.eqjoinsel,
	HASHES,
	MERGES
);
CREATE OPERATOR @extschema@.<> (
	LEFTARG = @extschema@.prefecture,
	RIGHTARG = @extschema@.prefecture,
	FUNCTION = @extschema@.prefecture_ne,
	COMMUTATOR = OPERATOR(@extschema@.<>),
	NEGATOR = OPERATOR(@extschema@.=),
	RESTRICT = pg_catalog.neqsel,
	JOIN = pg_catalog.neqjoinsel
);
CREATE OPERATOR @extschema@.< (
	LEFTARG = @extschema@.prefecture,
	RIGHTARG = @extschema@.prefecture,
	FUNCTION = @extschema@.prefecture_lt,
	COMMUTATOR = OPERATOR(@extschema@.>),
	NEGATOR = OPERATOR(@extschema@.>=),
	RESTRICT = pg_catalog.scalarltsel,
	JOIN = pg_catalog.scalarltjoinsel
);
CREATE OPERATOR @extschema@.<= (
	LEFTARG = @extschema@.prefecture,
	RIGHTARG = @extschema@.prefecture,
	FUNCTION = @extschema@.prefecture_le,
	COMMUTATOR = OPERATOR(@extschema@.>=),
	NEGATOR = OPERATOR(@extschema@.>),
	RESTRICT = pg_catalog.scalarlesel,
	JOIN = pg_catalog.scalarlejoinsel
);
CREATE OPERATOR @extschema@.> (
	LEFTARG = @extschema@.prefecture,
	RIGHTARG = @extschema@.prefecture,
	FUNCTION = @extschema@.prefecture_gt,
	COMMUTATOR = OPERATOR(@extschema@.<),
	NEGATOR = OPERATOR(@extschema@.<=),
	RESTRICT = pg_catalog.scalargtsel,
	JOIN = pg_catalog.scalargtjoinsel
);
CREATE OPERATOR @extschema@.>= (
	LEFTARG = @extschema@.prefecture,
	RIGHTARG = @extschema@.prefecture,
	FUNCTION = @extschema@.prefecture_ge,
	COMMUTATOR = OPERATOR(@extschema@.<=),
	NEGATOR = OPERATOR(@extschema@.<),
	RESTRICT = pg_catalog.scalargesel,
	JOIN = pg_catalog.scalargejoinsel
);

COMMENT ON OPERATOR @extschema@.= (@extschema@.prefecture, @extschema@.prefecture) IS
'same prefecture';
COMMENT ON OPERATOR @extschema@.<> (@extschema@.prefecture, @extschema@.prefecture) IS
'different prefectures';
COMMENT ON OPERATOR @extschema@.< (@extschema@.prefecture, @extschema@.prefecture) IS
'lower JIS code';
COMMENT ON OPERATOR @extschema@.<= (@extschema@.prefecture, @extschema@.prefecture) IS
'lower or equal JIS code';
COMMENT ON OPERATOR @extschema@.> (@extschema@.prefecture, @extschema@.prefecture) IS
'higher JIS code';
COMMENT ON OPERATOR @extschema@.>= (@extschema@.prefecture, @extschema@.prefecture) IS
'higher or equal JIS code';

CREATE OPERATOR CLASS @extschema@.btree_prefecture_ops
DEFAULT FOR TYPE @extschema@.prefecture USING btree AS
	OPERATOR 1 @extschema@.<,
	OPERATOR 2 @extschema@.<=,
	OPERATOR 3 @extschema@.=,
	OPERATOR 4 @extschema@.>=,
	OPERATOR 5 @extschema@.>,
	FUNCTION 1 @extschema@.prefecture_cmp(@extschema@.prefecture, @extschema@.prefecture),
	FUNCTION 2 @extschema@.prefecture_sortsupport(pg_catalog.internal);

CREATE OPERATOR CLASS @extschema@.hash_prefecture_ops
DEFAULT FOR TYPE @extschema@.prefecture USING hash AS
	OPERATOR 1 @extschema@.=,
	FUNCTION 1 @extschema@.prefecture_hash(@extschema@.prefecture),
	FUNCTION 2 @extschema@.prefecture_hash_extended(@extschema@.prefecture, pg_catalog.int8);

COMMENT ON OPERATOR CLASS @extschema@.btree_prefecture_ops USING btree IS
'prefectures in JIS code order, north to south';
COMMENT ON OPERATOR CLASS @extschema@.hash_prefecture_ops USING hash IS
'hashing of prefectures';
COMMENT ON OPERATOR FAMILY @extschema@.btree_prefecture_ops USING btree IS
'prefectures in JIS code order, north to south';
COMMENT ON OPERATOR FAMILY @extschema@.hash_prefecture_ops USING hash IS
'hashing of prefectures';

-- Casts: the JIS code out, a range-checked JIS code in.  Explicit only, so
-- that a stray integer never silently becomes a prefecture.
CREATE FUNCTION @extschema@.prefecture_code(@extschema@.prefecture)
RETURNS pg_catalog.int4
AS 'MODULE_PATHNAME', 'prefecture_code'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.prefecture_from_int4(pg_catalog.int4)
RETURNS @extschema@.prefecture
AS 'MODULE_PATHNAME', 'prefecture_from_int4'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.prefecture_from_int2(pg_catalog.int2)
RETURNS @extschema@.prefecture
AS 'MODULE_PATHNAME', 'prefecture_from_int2'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.prefecture_code(@extschema@.prefecture) IS
'JIS X 0401 code of a prefecture, 1..47';
COMMENT ON FUNCTION @extschema@.prefecture_from_int4(pg_catalog.int4) IS
'prefecture with the given JIS X 0401 code; error outside 1..47';
COMMENT ON FUNCTION @extschema@.prefecture_from_int2(pg_catalog.int2) IS
'prefecture with the given JIS X 0401 code; error outside 1..47';

CREATE CAST (@extschema@.prefecture AS pg_catalog.int4)
	WITH FUNCTION @extschema@.prefecture_code(@extschema@.prefecture);
CREATE CAST (@extschema@.prefecture AS pg_catalog.int2)
	WITHOUT FUNCTION;
CREATE CAST (pg_catalog.int4 AS @extschema@.prefecture)
	WITH FUNCTION @extschema@.prefecture_from_int4(pg_catalog.int4);
CREATE CAST (pg_catalog.int2 AS @extschema@.prefecture)
	WITH FUNCTION @extschema@.prefecture_from_int2(pg_catalog.int2);

COMMENT ON CAST (@extschema@.prefecture AS pg_catalog.int4) IS
'the JIS X 0401 code';
COMMENT ON CAST (@extschema@.prefecture AS pg_catalog.int2) IS
'the JIS X 0401 code';
COMMENT ON CAST (pg_catalog.int4 AS @extschema@.prefecture) IS
'the prefecture with this JIS X 0401 code (1..47)';
COMMENT ON CAST (pg_catalog.int2 AS @extschema@.prefecture) IS
'the prefecture with this JIS X 0401 code (1..47)';

-- Cleaning and accessors.
CREATE FUNCTION @extschema@.to_prefecture(pg_catalog.text)
RETURNS @extschema@.prefecture
AS 'MODULE_PATHNAME', 'to_prefecture'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.prefecture_name_en(@extschema@.prefecture)
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'prefecture_name_en'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.prefecture_reading(@extschema@.prefecture)
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'prefecture_reading'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.prefecture_region(@extschema@.prefecture)
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'prefecture_region'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.to_prefecture(pg_catalog.text) IS
'read a prefecture like the type input does, but return NULL for text that names none (for cleaning dirty columns)';
COMMENT ON FUNCTION @extschema@.prefecture_name_en(@extschema@.prefecture) IS
'English name of a prefecture, such as Tokyo';
COMMENT ON FUNCTION @extschema@.prefecture_reading(@extschema@.prefecture) IS
'reading of a prefecture''s full name in hiragana';
COMMENT ON FUNCTION @extschema@.prefecture_region(@extschema@.prefecture) IS
'conventional region of a prefecture, returned in kanji: Hokkaido, Tohoku, Kanto, Chubu, Kinki, Chugoku, Shikoku or Kyushu';

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
--
-- The areas, the prefecture-to-area map and the schedule of outage windows.
--
-- All three are configuration tables: the install script seeds them from
-- the notice (日医発第1817号, 2025-01-30), users edit them, and pg_dump keeps
-- exactly what the users changed.  A restore re-runs this script (which
-- seeds again) and then loads the dumped rows; the triggers below make a
-- dumped edit of a seeded row replace the fresh seed instead of colliding
-- with it, and make a seeded window the user deleted stay deleted.
--
-- pg_dump orders the data of configuration tables by their foreign keys, so
-- outage_area is restored before the two tables that reference it.
--

CREATE TABLE @extschema@.outage_area (
	area text PRIMARY KEY,
	description text,
	CONSTRAINT outage_area_name_check
		CHECK (area OPERATOR(pg_catalog.<>) ''::pg_catalog.text)
);

COMMENT ON TABLE @extschema@.outage_area IS
'Network areas of the Online Eligibility Verification System; windows and prefectures refer to them';
COMMENT ON COLUMN @extschema@.outage_area.area IS
'Area name as used in prefecture_area and outage_schedule (seeded: east, west)';
COMMENT ON COLUMN @extschema@.outage_area.description IS
'What the area is, in words';

CREATE FUNCTION @extschema@.shipped_outage_areas()
RETURNS SETOF @extschema@.outage_area
LANGUAGE sql IMMUTABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT a.area, a.description
	FROM (VALUES
		('east'::pg_catalog.text,
		 '東日本エリア (East Japan area of the eligibility system network)'::pg_catalog.text),
		('west',
		 '西日本エリア (West Japan area of the eligibility system network)')
	) AS a (area, description);
END;

COMMENT ON FUNCTION @extschema@.shipped_outage_areas() IS
'The areas this version of the extension ships, as shipped (outage_area starts with them)';

INSERT INTO @extschema@.outage_area
SELECT * FROM @extschema@.shipped_outage_areas();

CREATE TABLE @extschema@.prefecture_area (
	prefecture @extschema@.prefecture PRIMARY KEY,
	area text NOT NULL
		REFERENCES @extschema@.outage_area (area) ON UPDATE CASCADE
);

COMMENT ON TABLE @extschema@.prefecture_area IS
'Area of each prefecture (seeded with the notice''s East/West split; one row per prefecture)';
COMMENT ON COLUMN @extschema@.prefecture_area.prefecture IS
'The facility''s prefecture';
COMMENT ON COLUMN @extschema@.prefecture_area.area IS
'The area its facilities connect through (an area of outage_area)';

-- The notice's split: the 17 East prefectures are JIS 01-14, 15, 19 and 20.
CREATE FUNCTION @extschema@.notice_area(prefecture @extschema@.prefecture)
RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN CASE WHEN (prefecture::pg_catalog.int4) OPERATOR(pg_catalog.<=) 15
			  OR (prefecture::pg_catalog.int4) OPERATOR(pg_catalog.=) ANY ('{19,20}'::pg_catalog.int4[])
		 THEN 'east'::pg_catalog.text ELSE 'west'::pg_catalog.text END;

COMMENT ON FUNCTION @extschema@.notice_area(@extschema@.prefecture) IS
'Area the 2025-01-30 notice puts a prefecture in (east or west), whatever prefecture_area now says';

INSERT INTO @extschema@.prefecture_area (prefecture, area)
SELECT p::@extschema@.prefecture,
	   @extschema@.notice_area(p::@extschema@.prefecture)
FROM pg_catalog.generate_series(1, 47) AS p;

CREATE TABLE @extschema@.outage_schedule (
	id bigint GENERATED ALWAYS AS IDENTITY (START WITH 1001) PRIMARY KEY,
	area text REFERENCES @extschema@.outage_area (area) ON UPDATE CASCADE,
	period @extschema@.outage_window NOT NULL,
	note text,
	source text
);

COMMENT ON TABLE @extschema@.outage_schedule IS
'Windows when the Online Eligibility Verification System was down or degraded, per area (seeded from the 2025-01-30 notice; add later notices and incidents with INSERT)';
COMMENT ON COLUMN @extschema@.outage_schedule.id IS
'Identity; ids up to 1000 are reserved for windows shipped with the extension';
COMMENT ON COLUMN @extschema@.outage_schedule.area IS
'Affected area (an area of outage_area); NULL means nationwide';
COMMENT ON COLUMN @extschema@.outage_schedule.period IS
'When, and how badly: [from, to) in Japan time with the kind (outage, intermittent, registration_delay)';
COMMENT ON COLUMN @extschema@.outage_schedule.note IS
'What happened, in words';
COMMENT ON COLUMN @extschema@.outage_schedule.source IS
'Where the window comes from (notice number, portal article, incident ticket)';

-- The windows this version ships, as shipped.  The seeds are inserted from
-- it, and pg_dump's filter compares against it to leave unchanged seeds out.
CREATE FUNCTION @extschema@.shipped_outage_windows()
RETURNS SETOF @extschema@.outage_schedule
LANGUAGE sql IMMUTABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT s.id, s.area,
		   @extschema@.outage_window(s.lower_at, s.upper_at, s.kind),
		   s.note, s.source
	FROM (VALUES
		(1::pg_catalog.int8, 'east'::pg_catalog.text,
		 '2025-02-01 22:00:00+09'::pg_catalog.timestamptz,
		 '2025-02-02 00:30:00+09'::pg_catalog.timestamptz,
		 'outage'::pg_catalog.text,
		 '長時間の通信断: オンライン資格確認ができない (long outage: no connection at all)'::pg_catalog.text,
		 '日医発第1817号 (2025-01-30) 1(1); 厚生労働省保険局医療介護連携政策課 事務連絡 2025-01-30'::pg_catalog.text),
		(2, 'east',
		 '2025-02-02 03:00:00+09', '2025-02-02 22:00:00+09', 'intermittent',
		 '数分間の通信断: 毎時間1分程度、1～2回 (intermittent: about one minute, once or twice an hour)',
		 '日医発第1817号 (2025-01-30) 1(2); 厚生労働省保険局医療介護連携政策課 事務連絡 2025-01-30'),
		(3, 'west',
		 '2025-02-02 07:00:00+09', '2025-02-02 08:00:00+09', 'intermittent',
		 '数分間の通信断: 毎時間1分程度、1～2回 (intermittent: about one minute, once or twice an hour)',
		 '日医発第1817号 (2025-01-30) 1(2); 厚生労働省保険局医療介護連携政策課 事務連絡 2025-01-30'),
		(4, 'west',
		 '2025-02-01 22:00:00+09', '2025-02-02 00:30:00+09', 'registration_delay',
		 '東日本エリアの通信断中: マイナ保険証の利用登録の完了が遅延 (while the East is down: card registrations complete late)',
		 '日医発第1817号 (2025-01-30) 2(3); 厚生労働省保険局医療介護連携政策課 事務連絡 2025-01-30'),
		(5, 'west',
		 '2025-02-02 03:00:00+09', '2025-02-02 22:00:00+09', 'registration_delay',
		 '東日本エリアの通信断中: マイナ保険証の利用登録の完了が遅延 (while the East is down: card registrations complete late)',
		 '日医発第1817号 (2025-01-30) 2(3); 厚生労働省保険局医療介護連携政策課 事務連絡 2025-01-30')
	) AS s (id, area, lower_at, upper_at, kind, note, source);
END;

COMMENT ON FUNCTION @extschema@.shipped_outage_windows() IS
'The outage windows this version of the extension ships, as shipped (outage_schedule starts with them)';

INSERT INTO @extschema@.outage_schedule OVERRIDING SYSTEM VALUE
SELECT * FROM @extschema@.shipped_outage_windows();

-- Shipped windows the user deleted: kept so that a restore deletes them again.
CREATE TABLE @extschema@.outage_schedule_deleted_seed (
	id bigint PRIMARY KEY
);

COMMENT ON TABLE @extschema@.outage_schedule_deleted_seed IS
'Ids of shipped outage windows deleted from outage_schedule (kept so that dump and restore delete them again)';
COMMENT ON COLUMN @extschema@.outage_schedule_deleted_seed.id IS
'outage_schedule.id of the deleted shipped window';

--
-- Triggers.  They run only on writes to these small tables, never on the
-- eligibility functions' path.  They are C (src/schedule_triggers.c), so
-- that no body names this schema as text: see doc/hardening.md, "Trust".
--

-- prefecture_area always holds the 47 prefectures.  An INSERT of a
-- prefecture that is already there sets its area: that is how a restore
-- puts back a dumped edit over the fresh seed.
CREATE FUNCTION @extschema@.prefecture_area_insert_sets_area()
RETURNS trigger
AS 'MODULE_PATHNAME', 'prefecture_area_insert_sets_area'
LANGUAGE C;

COMMENT ON FUNCTION @extschema@.prefecture_area_insert_sets_area() IS
'Trigger: an INSERT of a prefecture still in its notice area sets its area';

CREATE TRIGGER insert_sets_area
	BEFORE INSERT ON @extschema@.prefecture_area
	FOR EACH ROW EXECUTE FUNCTION @extschema@.prefecture_area_insert_sets_area();

CREATE FUNCTION @extschema@.prefecture_area_keep_rows()
RETURNS trigger
AS 'MODULE_PATHNAME', 'prefecture_area_keep_rows'
LANGUAGE C;

COMMENT ON FUNCTION @extschema@.prefecture_area_keep_rows() IS
'Trigger: refuses DELETE and TRUNCATE on prefecture_area';

CREATE TRIGGER keep_rows
	BEFORE DELETE ON @extschema@.prefecture_area
	FOR EACH ROW EXECUTE FUNCTION @extschema@.prefecture_area_keep_rows();

CREATE TRIGGER keep_rows_on_truncate
	BEFORE TRUNCATE ON @extschema@.prefecture_area
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.prefecture_area_keep_rows();

-- outage_area: a dumped edit of a seeded area replaces the fresh seed.
CREATE FUNCTION @extschema@.outage_area_insert_sets_description()
RETURNS trigger
AS 'MODULE_PATHNAME', 'outage_area_insert_sets_description'
LANGUAGE C;

COMMENT ON FUNCTION @extschema@.outage_area_insert_sets_description() IS
'Trigger: an INSERT of an unchanged shipped area (or, in a restore, of an area a window created first) sets its description; refuses an area past the calendar''s limit of 254';

CREATE TRIGGER insert_sets_description
	BEFORE INSERT ON @extschema@.outage_area
	FOR EACH ROW EXECUTE FUNCTION @extschema@.outage_area_insert_sets_description();

-- outage_schedule: a dumped edit of a shipped window replaces the fresh,
-- unchanged seed with the same id; deleting a shipped window records it.
CREATE FUNCTION @extschema@.outage_schedule_restore_seed()
RETURNS trigger
AS 'MODULE_PATHNAME', 'outage_schedule_restore_seed'
LANGUAGE C;

COMMENT ON FUNCTION @extschema@.outage_schedule_restore_seed() IS
'Trigger: an INSERT with the id of an unchanged shipped window replaces that window; one that puts a deleted shipped window back takes it off outage_schedule_deleted_seed';

CREATE TRIGGER restore_seed
	BEFORE INSERT ON @extschema@.outage_schedule
	FOR EACH ROW EXECUTE FUNCTION @extschema@.outage_schedule_restore_seed();

CREATE FUNCTION @extschema@.outage_schedule_remember_deleted_seed()
RETURNS trigger
AS 'MODULE_PATHNAME', 'outage_schedule_remember_deleted_seed'
LANGUAGE C;

COMMENT ON FUNCTION @extschema@.outage_schedule_remember_deleted_seed() IS
'Trigger: records the deletion of a shipped window in outage_schedule_deleted_seed';

CREATE TRIGGER remember_deleted_seed
	AFTER DELETE ON @extschema@.outage_schedule
	FOR EACH ROW EXECUTE FUNCTION @extschema@.outage_schedule_remember_deleted_seed();

CREATE FUNCTION @extschema@.outage_schedule_deleted_seed_apply()
RETURNS trigger
AS 'MODULE_PATHNAME', 'outage_schedule_deleted_seed_apply'
LANGUAGE C;

COMMENT ON FUNCTION @extschema@.outage_schedule_deleted_seed_apply() IS
'Trigger: recording a deleted shipped window deletes it from outage_schedule (so a restore deletes it again)';

CREATE TRIGGER apply
	AFTER INSERT ON @extschema@.outage_schedule_deleted_seed
	FOR EACH ROW EXECUTE FUNCTION @extschema@.outage_schedule_deleted_seed_apply();

-- TRUNCATE removes every window at once: remember the shipped ones.
CREATE FUNCTION @extschema@.outage_schedule_remember_truncated_seeds()
RETURNS trigger
AS 'MODULE_PATHNAME', 'outage_schedule_remember_truncated_seeds'
LANGUAGE C;

COMMENT ON FUNCTION @extschema@.outage_schedule_remember_truncated_seeds() IS
'Trigger: records the shipped windows a TRUNCATE of outage_schedule removes';

CREATE TRIGGER remember_truncated_seeds
	BEFORE TRUNCATE ON @extschema@.outage_schedule
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.outage_schedule_remember_truncated_seeds();

COMMENT ON TRIGGER insert_sets_area ON @extschema@.prefecture_area IS
'An INSERT of a prefecture still in its notice area sets its area (how a restore puts back a dumped edit)';
COMMENT ON TRIGGER keep_rows ON @extschema@.prefecture_area IS
'prefecture_area keeps one row per prefecture: DELETE is refused';
COMMENT ON TRIGGER keep_rows_on_truncate ON @extschema@.prefecture_area IS
'prefecture_area keeps one row per prefecture: TRUNCATE is refused';
COMMENT ON TRIGGER insert_sets_description ON @extschema@.outage_area IS
'An INSERT of an unchanged shipped area sets its description (how a restore puts back a dumped edit)';
COMMENT ON TRIGGER restore_seed ON @extschema@.outage_schedule IS
'An INSERT with the id of an unchanged shipped window replaces it (how a restore puts back a dumped edit)';
COMMENT ON TRIGGER remember_deleted_seed ON @extschema@.outage_schedule IS
'Records a deleted shipped window, so that a restore deletes it again';
COMMENT ON TRIGGER remember_truncated_seeds ON @extschema@.outage_schedule IS
'Records the shipped windows a TRUNCATE removes, so that a restore deletes them again';
COMMENT ON TRIGGER apply ON @extschema@.outage_schedule_deleted_seed IS
'Recording a deleted shipped window deletes it from outage_schedule';
COMMENT ON SEQUENCE @extschema@.outage_schedule_id_seq IS
'Identity of outage_schedule; user windows start at 1001';

-- What pg_dump keeps: user-added areas and edited seeds, prefectures moved
-- away from the notice's area, user windows and edited shipped windows, and
-- the record of deleted shipped windows.
--
-- pg_dump runs these conditions, often as a superuser, so they name nothing
-- of this schema: a condition is stored as text, and after the database
-- owner renamed the schema and planted look-alikes under its old name, a
-- function named here would be the owner's.  Each one compares the row's
-- text (the output functions of its columns' types, found by type OID and
-- independent of every setting) with the shipped rows' text, computed here
-- once from the functions above.
SELECT pg_catalog.pg_extension_config_dump('@extschema@.outage_area',
	pg_catalog.format('WHERE NOT (outage_area::pg_catalog.text OPERATOR(pg_catalog.=) ANY (%L::pg_catalog.text[]))',
		(SELECT pg_catalog.array_agg(s::pg_catalog.text ORDER BY s.area)
		 FROM @extschema@.shipped_outage_areas() AS s)));
SELECT pg_catalog.pg_extension_config_dump('@extschema@.prefecture_area',
	pg_catalog.format('WHERE NOT (prefecture_area::pg_catalog.text OPERATOR(pg_catalog.=) ANY (%L::pg_catalog.text[]))',
		(SELECT pg_catalog.array_agg(
					ROW(p::@extschema@.prefecture,
						@extschema@.notice_area(p::@extschema@.prefecture))::pg_catalog.text
					ORDER BY p)
		 FROM pg_catalog.generate_series(1, 47) AS p)));
SELECT pg_catalog.pg_extension_config_dump('@extschema@.outage_schedule',
	pg_catalog.format('WHERE NOT (outage_schedule::pg_catalog.text OPERATOR(pg_catalog.=) ANY (%L::pg_catalog.text[]))',
		(SELECT pg_catalog.array_agg(s::pg_catalog.text ORDER BY s.id)
		 FROM @extschema@.shipped_outage_windows() AS s)));
SELECT pg_catalog.pg_extension_config_dump('@extschema@.outage_schedule_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.outage_schedule_deleted_seed', '');

-- Who may change the schedule: the database owner, whoever that is now.
-- The rights go to the predefined role pg_database_owner, whose only member
-- is the current database's owner, with the grant option, so that
--   * a database owner who installed the extension (it is trusted: this
--	   script runs as the bootstrap superuser, who owns the tables) edits it;
--	 * so does the owner of a database a superuser installed it into;
--	 * a restore, by the owner or by a superuser, serial or with -j, gives
--	   the same rights, because the restore's CREATE EXTENSION grants them
--	   again (pg_dump leaves out what the install script granted);
--	 * ALTER DATABASE ... OWNER TO moves them to the new owner;
--	 * the owner can let other roles edit: GRANT INSERT, UPDATE, DELETE ON
--	   the four tables TO a role (pg_dump keeps those grants).
-- Everyone may read.  The sequence is read by pg_dump and set by a restore.
REVOKE ALL ON @extschema@.outage_area, @extschema@.prefecture_area,
	@extschema@.outage_schedule, @extschema@.outage_schedule_deleted_seed
	FROM PUBLIC;
GRANT SELECT ON @extschema@.outage_area, @extschema@.prefecture_area,
	@extschema@.outage_schedule, @extschema@.outage_schedule_deleted_seed
	TO PUBLIC;
GRANT INSERT, UPDATE, DELETE ON @extschema@.outage_area,
	@extschema@.prefecture_area, @extschema@.outage_schedule,
	@extschema@.outage_schedule_deleted_seed
	TO pg_database_owner WITH GRANT OPTION;
GRANT SELECT, UPDATE ON SEQUENCE @extschema@.outage_schedule_id_seq
	TO pg_database_owner WITH GRANT OPTION;
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
AS 'MODULE_PATHNAME', 'eligibility_affected_bound_prefecture'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.eligibility_affected_bound_local(upper pg_catalog.bool)
RETURNS pg_catalog.timestamp
AS 'MODULE_PATHNAME', 'eligibility_affected_bound_local'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.eligibility_affected_bound_local(
	facility_prefecture @extschema@.prefecture, upper pg_catalog.bool)
RETURNS pg_catalog.timestamp
AS 'MODULE_PATHNAME', 'eligibility_affected_bound_local_prefecture'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.eligibility_affected_bound(pg_catalog.bool) IS
'Start (upper = false) or end (upper = true) of the span covering every outage and intermittent window; NULL if there is none';
COMMENT ON FUNCTION @extschema@.eligibility_affected_bound(@extschema@.prefecture, pg_catalog.bool) IS
'Start or end of the span covering the outage and intermittent windows of a facility''s prefecture; NULL if there is none';
COMMENT ON FUNCTION @extschema@.eligibility_affected_bound_local(pg_catalog.bool) IS
'Like eligibility_affected_bound(bool), as Japan local time, for timestamp columns';
COMMENT ON FUNCTION @extschema@.eligibility_affected_bound_local(@extschema@.prefecture, pg_catalog.bool) IS
'Like eligibility_affected_bound(prefecture, bool), as Japan local time, for timestamp columns';

CREATE FUNCTION @extschema@.is_eligibility_affected_support(pg_catalog.internal)
RETURNS pg_catalog.internal
AS 'MODULE_PATHNAME', 'is_eligibility_affected_support'
LANGUAGE C STRICT;

COMMENT ON FUNCTION @extschema@.is_eligibility_affected_support(pg_catalog.internal) IS
'Planner support for is_eligibility_affected: index condition on the visit time, selectivity, cost';

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
AS 'MODULE_PATHNAME', 'is_eligibility_affected_local'
LANGUAGE C STABLE STRICT PARALLEL SAFE
SUPPORT @extschema@.is_eligibility_affected_support;

CREATE FUNCTION @extschema@.is_eligibility_affected(
	facility_prefecture pg_catalog.text, visit_at pg_catalog.timestamptz)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'is_eligibility_affected_text'
LANGUAGE C STABLE STRICT PARALLEL SAFE
SUPPORT @extschema@.is_eligibility_affected_support;

CREATE FUNCTION @extschema@.is_eligibility_affected(
	facility_prefecture pg_catalog.text, visit_at pg_catalog.timestamp)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'is_eligibility_affected_text_local'
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
AS 'MODULE_PATHNAME', 'eligibility_impact_local'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.eligibility_impact(
	facility_prefecture pg_catalog.text, visit_at pg_catalog.timestamptz)
RETURNS @extschema@.eligibility_impact
AS 'MODULE_PATHNAME', 'eligibility_impact_text'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.eligibility_impact(
	facility_prefecture pg_catalog.text, visit_at pg_catalog.timestamp)
RETURNS @extschema@.eligibility_impact
AS 'MODULE_PATHNAME', 'eligibility_impact_text_local'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.eligibility_impact(@extschema@.prefecture, pg_catalog.timestamptz) IS
'The most severe window that applies to a visit at a facility in this prefecture (none if none does)';
COMMENT ON FUNCTION @extschema@.eligibility_impact(@extschema@.prefecture, pg_catalog.timestamp) IS
'The most severe window that applies to a visit at this Japan local time (none if none does)';
COMMENT ON FUNCTION @extschema@.eligibility_impact(pg_catalog.text, pg_catalog.timestamptz) IS
'The most severe window that applies to a visit; the facility''s prefecture given as text';
COMMENT ON FUNCTION @extschema@.eligibility_impact(pg_catalog.text, pg_catalog.timestamp) IS
'The most severe window that applies to a visit at this Japan local time; the facility''s prefecture given as text';

-- affecting_windows: the schedule rows behind the answer, most severe first.

CREATE FUNCTION @extschema@.affecting_windows(
	facility_prefecture @extschema@.prefecture, visit_at pg_catalog.timestamptz)
RETURNS SETOF @extschema@.outage_schedule
LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
	SELECT s.*
	FROM @extschema@.outage_schedule AS s
	WHERE s.period OPERATOR(@extschema@.@>) visit_at
	  AND (s.area IS NULL
		   OR s.area OPERATOR(pg_catalog.=)
			  (SELECT a.area FROM @extschema@.prefecture_area AS a
			   WHERE a.prefecture OPERATOR(@extschema@.=) facility_prefecture))
	-- The period's own order (lower, then upper bound; the kind comes
	-- first anyway) is spelt out with timestamptz: sorting by the type
	-- itself would need its btree operator class, which pg_upgrade's
	-- schema restore has not created yet when it recreates this function.
	ORDER BY @extschema@.kind(s.period)::@extschema@.eligibility_impact DESC,
			 @extschema@.lower(s.period), @extschema@.upper(s.period), s.id;
END;

CREATE FUNCTION @extschema@.affecting_windows(
	facility_prefecture @extschema@.prefecture, visit_at pg_catalog.timestamp)
RETURNS SETOF @extschema@.outage_schedule
LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
	SELECT * FROM @extschema@.affecting_windows(facility_prefecture,
		@extschema@.japan_time(visit_at));
END;

CREATE FUNCTION @extschema@.affecting_windows(
	facility_prefecture pg_catalog.text, visit_at pg_catalog.timestamptz)
RETURNS SETOF @extschema@.outage_schedule
LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
	SELECT * FROM @extschema@.affecting_windows(
		facility_prefecture::@extschema@.prefecture, visit_at);
END;

CREATE FUNCTION @extschema@.affecting_windows(
	facility_prefecture pg_catalog.text, visit_at pg_catalog.timestamp)
RETURNS SETOF @extschema@.outage_schedule
LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
	SELECT * FROM @extschema@.affecting_windows(
		facility_prefecture::@extschema@.prefecture,
		@extschema@.japan_time(visit_at));
END;

COMMENT ON FUNCTION @extschema@.affecting_windows(@extschema@.prefecture, pg_catalog.timestamptz) IS
'The outage_schedule rows that apply to a visit at a facility in this prefecture, most severe first';
COMMENT ON FUNCTION @extschema@.affecting_windows(@extschema@.prefecture, pg_catalog.timestamp) IS
'The outage_schedule rows that apply to a visit at this Japan local time, most severe first';
COMMENT ON FUNCTION @extschema@.affecting_windows(pg_catalog.text, pg_catalog.timestamptz) IS
'The outage_schedule rows that apply to a visit, most severe first; the facility''s prefecture given as text';
COMMENT ON FUNCTION @extschema@.affecting_windows(pg_catalog.text, pg_catalog.timestamp) IS
'The outage_schedule rows that apply to a visit at this Japan local time, most severe first; prefecture given as text';

-- review_guidance: what the front desk and the billing team should do.

CREATE FUNCTION @extschema@.review_guidance(
	impact @extschema@.eligibility_impact, lang pg_catalog.text DEFAULT 'ja')
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'review_guidance'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.review_guidance(@extschema@.eligibility_impact, pg_catalog.text) IS
'What the front desk and the billing team should do for a visit with this impact, from the notice (lang ''ja'' or ''en'')';
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
'The schedule (outage_schedule and prefecture_area) as it is now, as one outage_calendar value';

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
'Final function of the outage_calendar aggregate (maps prefectures as prefecture_area does now)';

CREATE AGGREGATE @extschema@.outage_calendar(area pg_catalog.text, period @extschema@.outage_window) (
	SFUNC = @extschema@.outage_calendar_accum,
	STYPE = pg_catalog.internal,
	FINALFUNC = @extschema@.outage_calendar_final,
	PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.outage_calendar(pg_catalog.text, @extschema@.outage_window) IS
'A calendar from any set of (area, period) rows (area NULL: nationwide), prefectures mapped as prefecture_area does now';

-- Index bounds of the three-argument forms (see eligibility_support.c).

CREATE FUNCTION @extschema@.eligibility_affected_bound(
	calendar @extschema@.outage_calendar, upper pg_catalog.bool)
RETURNS pg_catalog.timestamptz
AS 'MODULE_PATHNAME', 'eligibility_affected_bound_cal'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.eligibility_affected_bound_local(
	calendar @extschema@.outage_calendar, upper pg_catalog.bool)
RETURNS pg_catalog.timestamp
AS 'MODULE_PATHNAME', 'eligibility_affected_bound_local_cal'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.eligibility_affected_bound(@extschema@.outage_calendar, pg_catalog.bool) IS
'Start (upper = false) or end (upper = true) of the span covering a calendar''s outage and intermittent windows; NULL if there is none';
COMMENT ON FUNCTION @extschema@.eligibility_affected_bound_local(@extschema@.outage_calendar, pg_catalog.bool) IS
'Like eligibility_affected_bound(outage_calendar, bool), as Japan local time, for timestamp columns';

CREATE FUNCTION @extschema@.is_eligibility_affected(
	facility_prefecture @extschema@.prefecture, visit_at pg_catalog.timestamptz,
	calendar @extschema@.outage_calendar)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'is_eligibility_affected_cal'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
SUPPORT @extschema@.is_eligibility_affected_support;

CREATE FUNCTION @extschema@.is_eligibility_affected(
	facility_prefecture @extschema@.prefecture, visit_at pg_catalog.timestamp,
	calendar @extschema@.outage_calendar)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'is_eligibility_affected_local_cal'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
SUPPORT @extschema@.is_eligibility_affected_support;

CREATE FUNCTION @extschema@.is_eligibility_affected(
	facility_prefecture pg_catalog.text, visit_at pg_catalog.timestamptz,
	calendar @extschema@.outage_calendar)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'is_eligibility_affected_text_cal'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
SUPPORT @extschema@.is_eligibility_affected_support;

CREATE FUNCTION @extschema@.is_eligibility_affected(
	facility_prefecture pg_catalog.text, visit_at pg_catalog.timestamp,
	calendar @extschema@.outage_calendar)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'is_eligibility_affected_text_local_cal'
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
AS 'MODULE_PATHNAME', 'eligibility_impact_cal'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.eligibility_impact(
	facility_prefecture @extschema@.prefecture, visit_at pg_catalog.timestamp,
	calendar @extschema@.outage_calendar)
RETURNS @extschema@.eligibility_impact
AS 'MODULE_PATHNAME', 'eligibility_impact_local_cal'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.eligibility_impact(
	facility_prefecture pg_catalog.text, visit_at pg_catalog.timestamptz,
	calendar @extschema@.outage_calendar)
RETURNS @extschema@.eligibility_impact
AS 'MODULE_PATHNAME', 'eligibility_impact_text_cal'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.eligibility_impact(
	facility_prefecture pg_catalog.text, visit_at pg_catalog.timestamp,
	calendar @extschema@.outage_calendar)
RETURNS @extschema@.eligibility_impact
AS 'MODULE_PATHNAME', 'eligibility_impact_text_local_cal'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.eligibility_impact(@extschema@.prefecture, pg_catalog.timestamptz, @extschema@.outage_calendar) IS
'The most severe window of the given calendar that applies to a visit (reads no table)';
COMMENT ON FUNCTION @extschema@.eligibility_impact(@extschema@.prefecture, pg_catalog.timestamp, @extschema@.outage_calendar) IS
'The most severe window of the given calendar that applies to a visit at this Japan local time';
COMMENT ON FUNCTION @extschema@.eligibility_impact(pg_catalog.text, pg_catalog.timestamptz, @extschema@.outage_calendar) IS
'The most severe window of the given calendar that applies to a visit; prefecture given as text';
COMMENT ON FUNCTION @extschema@.eligibility_impact(pg_catalog.text, pg_catalog.timestamp, @extschema@.outage_calendar) IS
'The most severe window of the given calendar that applies to a visit at this Japan local time; prefecture given as text';

-- ---------------------------------------------------------------------------
-- wareki: Japanese-era (和暦) dates and notice window text
-- ---------------------------------------------------------------------------
--
-- The eras come from ICU's Japanese calendar (the ICU the server links),
-- read once per backend.  wareki() and from_wareki() are IMMUTABLE because
-- that is what indexes and generated columns on them need, and because the
-- days of eras that have begun never change.  The one thing that can change
-- their results is a newer ICU that knows an era not yet announced today:
-- then dates after its first day print, and GYYMMDD digits read, with that
-- era.  Reindex expressions using them after such an ICU upgrade, as after
-- a collation version change.

CREATE FUNCTION @extschema@.wareki(pg_catalog.date, style pg_catalog.text DEFAULT 'long')
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'wareki_date'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.wareki(pg_catalog.date, pg_catalog.text) IS
'the date in the Japanese era calendar: style long 令和7年2月1日 (元年 for year 1), short R7.2.1, claim 5070201 (era digit, YY, MM, DD)';

CREATE FUNCTION @extschema@.wareki(pg_catalog.timestamp, style pg_catalog.text DEFAULT 'long')
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'wareki_timestamp'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.wareki(pg_catalog.timestamp, pg_catalog.text) IS
'the date of a Japan wall-clock time (timestamp without time zone, as HIS columns hold it) in the Japanese era calendar, whatever TimeZone is: style long 令和7年2月1日, short R7.2.1, claim 5070201';

CREATE FUNCTION @extschema@.wareki(pg_catalog.timestamptz, style pg_catalog.text DEFAULT 'long')
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'wareki_timestamptz'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.wareki(pg_catalog.timestamptz, pg_catalog.text) IS
'the Japan-time (Asia/Tokyo) date of the instant in the Japanese era calendar, whatever TimeZone is: style long 令和7年2月1日, short R7.2.1, claim 5070201';

CREATE FUNCTION @extschema@.from_wareki(pg_catalog.text)
RETURNS pg_catalog.date
AS 'MODULE_PATHNAME', 'from_wareki'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.from_wareki(pg_catalog.text) IS
'date from Japanese-era text: 令和7年2月1日 (元年, full-width, spaces, weekday checked), R7.2.1 or R07/02/01, claim-file GYYMMDD or GYYMM (era digits 1 明治 .. 5 令和), Gregorian YYYYMMDD; invalid days and dates outside their era are errors';

CREATE FUNCTION @extschema@.outage_window_from_notice(pg_catalog.text,
													  kind pg_catalog.text DEFAULT 'outage')
RETURNS @extschema@.outage_window
AS 'MODULE_PATHNAME', 'outage_window_from_notice'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.outage_window_from_notice(pg_catalog.text, pg_catalog.text) IS
'outage window from a notice''s text in Japan time, e.g. 令和7年2月1日(土)22:00～2月2日(日)0:30(予定): full- or half-width, weekdays checked, ～, a wave dash or - between, the end a bare time (same day), 翌0:30 (next day) or with its own date; a leading label ending in ： is skipped';

-- ---------------------------------------------------------------------------
-- outage_notice_windows: the windows of a whole notice, to review and insert
-- ---------------------------------------------------------------------------
--
-- Reads a notice as it is published (a portal article, a bullet list, a
-- letter) into one row per complete window, with the area and the kind the
-- notice's words give it (doc/notices.md).  It inserts nothing.  IMMUTABLE
-- for the same reason as from_wareki(): the text, the publication date and
-- ICU's eras decide the rows.

CREATE FUNCTION @extschema@.outage_notice_windows(notice pg_catalog.text,
												  published pg_catalog.date DEFAULT NULL,
												  kind pg_catalog.text DEFAULT NULL)
RETURNS TABLE (
	area pg_catalog.text,
	period @extschema@.outage_window,
	note pg_catalog.text,
	may_extend_to pg_catalog.timestamptz,
	line pg_catalog.int4,
	year_inferred pg_catalog.bool,
	approximation pg_catalog.text[],
	kind_from pg_catalog.text,
	area_from pg_catalog.text
)
AS 'MODULE_PATHNAME', 'outage_notice_windows'
LANGUAGE C IMMUTABLE PARALLEL SAFE ROWS 5;
COMMENT ON FUNCTION @extschema@.outage_notice_windows(pg_catalog.text, pg_catalog.date, pg_catalog.text) IS
'the complete outage windows of a whole notice (letter, portal article, bullet list), one row each, to review before INSERT INTO outage_schedule: area (NULL nationwide, east, west) and kind from the notice''s words (or the kind argument), period in Japan time, note as written, may_extend_to, line, year_inferred (from published, the nearest date), approximation words, the words behind kind and area; inserts nothing, refuses a notice over 1 MB (54000)';
--
-- ORCA (日医標準レセプトソフト, jma-receipt) clinics: the review reports read
-- ORCA's own tables in place.
--
-- ORCA keeps dates as char(8) 'YYYYMMDD' and times as char(6) 'HHMMSS', in
-- Japan time, padded with blanks; blanks mean "not recorded".  The
-- orca_date/orca_time/orca_timestamp functions read them and return NULL
-- for what they cannot read, so that one dirty row never stops a report.
--
-- ORCA may be installed after this extension, in any schema, or not at all,
-- so nothing here refers to ORCA's tables when the extension is created:
-- the report functions take the schema that holds them and build their
-- query when they are called, quoting every name.  They run with a fixed
-- search_path and qualify every name they use, so the caller's search_path
-- never changes what they read.  See doc/orca.md.
--
-- Their PL/pgSQL bodies and the queries they build never name this
-- extension's schema as text: they look it up when they run (pg_extension
-- holds its OID), so a schema renamed by the database owner, with
-- look-alikes planted under its old name, changes nothing a superuser's
-- report runs.  Every call to one of the extension's functions passes
-- arguments of exactly its parameter types, so no overload planted next to
-- it matches better (doc/hardening.md, "Trust").
--

-- ORCA's char(8) date: 'YYYYMMDD', blank padding allowed on either side.
CREATE FUNCTION @extschema@.orca_date(ymd pg_catalog.text)
RETURNS pg_catalog.date
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
AS $$
DECLARE
	s pg_catalog.text := pg_catalog.btrim(ymd, ' ');
	y pg_catalog.int4;
	m pg_catalog.int4;
	d pg_catalog.int4;
BEGIN
	IF s OPERATOR(pg_catalog.!~) '^[0-9]{8}$' THEN
		RETURN NULL;
	END IF;
	y := pg_catalog.substr(s, 1, 4)::pg_catalog.int4;
	m := pg_catalog.substr(s, 5, 2)::pg_catalog.int4;
	d := pg_catalog.substr(s, 7, 2)::pg_catalog.int4;
	IF y OPERATOR(pg_catalog.<) 1
	   OR m OPERATOR(pg_catalog.<) 1 OR m OPERATOR(pg_catalog.>) 12
	   OR d OPERATOR(pg_catalog.<) 1
	   OR d OPERATOR(pg_catalog.>) pg_catalog.date_part('day',
			pg_catalog.make_date(y, m, 1)
			OPERATOR(pg_catalog.+) '1 month -1 day'::pg_catalog.interval)
	THEN
		RETURN NULL;
	END IF;
	RETURN pg_catalog.make_date(y, m, d);
END;
$$;

COMMENT ON FUNCTION @extschema@.orca_date(pg_catalog.text) IS
'Reads an ORCA char(8) date ''YYYYMMDD'' (blank padding allowed); NULL when blank or not a valid date';

-- ORCA's char(6) time: 'HHMMSS', or 'HHMM' when the seconds are missing;
-- trailing blanks are padding, leading blanks stand for zeros.
CREATE FUNCTION @extschema@.orca_time(hms pg_catalog.text)
RETURNS pg_catalog.time
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
AS $$
DECLARE
	s pg_catalog.text := pg_catalog.rtrim(hms, ' ');
	h pg_catalog.int4;
	mi pg_catalog.int4;
	sec pg_catalog.int4 := 0;
BEGIN
	s := pg_catalog.repeat('0',
			pg_catalog.length(s) OPERATOR(pg_catalog.-)
			pg_catalog.length(pg_catalog.ltrim(s, ' ')))
		 OPERATOR(pg_catalog.||) pg_catalog.ltrim(s, ' ');
	IF s OPERATOR(pg_catalog.!~) '^[0-9]{4}([0-9]{2})?$' THEN
		RETURN NULL;
	END IF;
	h := pg_catalog.substr(s, 1, 2)::pg_catalog.int4;
	mi := pg_catalog.substr(s, 3, 2)::pg_catalog.int4;
	IF pg_catalog.length(s) OPERATOR(pg_catalog.=) 6 THEN
		sec := pg_catalog.substr(s, 5, 2)::pg_catalog.int4;
	END IF;
	IF h OPERATOR(pg_catalog.>) 23 OR mi OPERATOR(pg_catalog.>) 59
	   OR sec OPERATOR(pg_catalog.>) 59 THEN
		RETURN NULL;
	END IF;
	RETURN pg_catalog.make_time(h, mi, sec::pg_catalog.float8);
END;
$$;

COMMENT ON FUNCTION @extschema@.orca_time(pg_catalog.text) IS
'Reads an ORCA char(6) time ''HHMMSS'' or ''HHMM'' (trailing blanks are padding, leading blanks zeros); NULL when blank or not a valid time';

CREATE FUNCTION @extschema@.orca_timestamp(ymd pg_catalog.text, hms pg_catalog.text)
RETURNS pg_catalog.timestamp
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.orca_date(ymd) OPERATOR(pg_catalog.+) @extschema@.orca_time(hms);

COMMENT ON FUNCTION @extschema@.orca_timestamp(pg_catalog.text, pg_catalog.text) IS
'ORCA date and time columns (e.g. ukeymd, uketime) as a Japan local timestamp; NULL when either is blank or unreadable';

CREATE FUNCTION @extschema@.orca_timestamp(ymdhms pg_catalog.text)
RETURNS pg_catalog.timestamp
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.orca_timestamp(pg_catalog.substr(ymdhms, 1, 8),
								  pg_catalog.substr(ymdhms, 9));

COMMENT ON FUNCTION @extschema@.orca_timestamp(pg_catalog.text) IS
'An ORCA date-time column ''YYYYMMDDHHMMSS'' (e.g. tbl_onshi_kaku.shori_time) as a Japan local timestamp; NULL when blank or unreadable';

-- The most severe window that touches a Japan calendar day: for visits
-- whose time was not recorded.
CREATE FUNCTION @extschema@.eligibility_impact_on_day(
	facility_prefecture @extschema@.prefecture, visit_date pg_catalog.date)
RETURNS @extschema@.eligibility_impact
LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
	SELECT COALESCE(
		pg_catalog.max(@extschema@.kind(s.period)::@extschema@.eligibility_impact),
		'none'::@extschema@.eligibility_impact)
	FROM @extschema@.outage_schedule AS s
	WHERE s.period OPERATOR(@extschema@.&&) pg_catalog.tstzrange(
			@extschema@.japan_time(visit_date::pg_catalog.timestamp),
			@extschema@.japan_time((visit_date OPERATOR(pg_catalog.+) 1)::pg_catalog.timestamp))
	  AND (s.area IS NULL
		   OR s.area OPERATOR(pg_catalog.=)
			  (SELECT a.area FROM @extschema@.prefecture_area AS a
			   WHERE a.prefecture OPERATOR(@extschema@.=) facility_prefecture));
END;

COMMENT ON FUNCTION @extschema@.eligibility_impact_on_day(@extschema@.prefecture, pg_catalog.date) IS
'The most severe window that touches this Japan calendar day at a facility in this prefecture (none if none does); for visits whose time is unknown';

--
-- orca_affected_visits: every reception (tbl_uketuke) in an outage or
-- intermittent window of its facility's prefecture, with what ORCA recorded
-- of the patient's online eligibility checks that day.
--
-- facility's prefecture: tbl_syskanri, kanricd '1001', kbncd '*', the
--   record valid on the visit day (blank or unreadable validity dates are
--   open ends), first two characters of kanritbl (JIS code).
-- visit time: ukeymd + uketime, Japan time.  A blank or unreadable uketime
--   means the time is unknown: the visit counts as in the most severe
--   window that touches its day, and visit_at is NULL.  Receptions whose
--   ukeymd cannot be read cannot be placed and are left out.
-- checks: tbl_onshi_kaku rows of the same hospnum and ptid whose
--   kakuninymd is the visit day (blank padding ignored), as ORCA's
--   reception screen links them; the time of the check does not matter;
--   rows deleted in ORCA (scr_dltflg '1') and reservation look-ups
--   (orca_shokai_kbn '1') do not count, when those columns exist.
-- check_status: 'ok' when one of them completed (result_kbn '1', no
--   err_code) with eligibility valid (sikaku_yuko '1'); else 'not_valid'
--   when one completed with another sikaku_yuko; else 'failed' when there
--   were checks (in progress, failed, or with an error); else 'no_check'.
--
CREATE FUNCTION @extschema@.orca_affected_visits(orca_schema pg_catalog.name DEFAULT 'public')
RETURNS TABLE (
	hospnum pg_catalog.int4,
	ptid pg_catalog.int8,
	visit_date pg_catalog.date,
	ukeid pg_catalog.int4,
	visit_at pg_catalog.timestamp,
	facility_prefecture @extschema@.prefecture,
	impact @extschema@.eligibility_impact,
	check_status pg_catalog.text,
	last_check_at pg_catalog.timestamp
)
LANGUAGE plpgsql STABLE STRICT
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	-- this extension's schema, as it is called now
	ext pg_catalog.text := (
		SELECT pg_catalog.quote_ident(n.nspname)
		FROM pg_catalog.pg_extension AS e
		JOIN pg_catalog.pg_namespace AS n ON n.oid OPERATOR(pg_catalog.=) e.extnamespace
		WHERE e.extname OPERATOR(pg_catalog.=) 'outage_window');
	tbl pg_catalog.text;
	kaku pg_catalog.regclass;
	extra pg_catalog.text := '';
	bound pg_catalog.timestamp;
	first_day pg_catalog.bpchar;
	last_day pg_catalog.bpchar;
BEGIN
	FOREACH tbl IN ARRAY ARRAY['tbl_uketuke', 'tbl_syskanri', 'tbl_onshi_kaku'] LOOP
		IF pg_catalog.to_regclass(pg_catalog.format('%I.%I', orca_schema, tbl)) IS NULL THEN
			RAISE EXCEPTION 'relation % does not exist', pg_catalog.format('%I.%I', orca_schema, tbl)
				USING ERRCODE = 'undefined_table',
					  DETAIL = 'The ORCA reports read tbl_uketuke, tbl_syskanri and tbl_onshi_kaku.',
					  HINT = 'Pass the name of the schema that holds ORCA''s tables (ORCA uses public unless set up otherwise).';
		END IF;
	END LOOP;

	-- Columns ORCA added after 5.1; older databases lack them.
	kaku := pg_catalog.to_regclass(pg_catalog.format('%I.%I', orca_schema, 'tbl_onshi_kaku'));
	IF EXISTS (SELECT FROM pg_catalog.pg_attribute AS a
			   WHERE a.attrelid OPERATOR(pg_catalog.=) kaku
				 AND a.attname OPERATOR(pg_catalog.=) 'scr_dltflg'
				 AND NOT a.attisdropped) THEN
		extra := extra OPERATOR(pg_catalog.||)
			' AND pg_catalog.btrim(k.scr_dltflg) IS DISTINCT FROM ''1''';
	END IF;
	IF EXISTS (SELECT FROM pg_catalog.pg_attribute AS a
			   WHERE a.attrelid OPERATOR(pg_catalog.=) kaku
				 AND a.attname OPERATOR(pg_catalog.=) 'orca_shokai_kbn'
				 AND NOT a.attisdropped) THEN
		extra := extra OPERATOR(pg_catalog.||)
			' AND pg_catalog.btrim(k.orca_shokai_kbn) IS DISTINCT FROM ''1''';
	END IF;

	-- Only receptions on the days the windows span can be affected; a range
	-- on ukeymd (digits compare alike in every collation) lets the primary
	-- key of tbl_uketuke find them.
	-- With no window at all the bounds are NULL and no row is read; an
	-- open-ended window leaves that end of the range open.
	EXECUTE pg_catalog.format('SELECT %s.eligibility_affected_bound_local(false)', ext)
		INTO bound;
	first_day := CASE WHEN pg_catalog.isfinite(bound)
					  THEN pg_catalog.to_char(bound, 'YYYYMMDD')
					  WHEN bound IS NOT NULL THEN '00000000' END;
	EXECUTE pg_catalog.format('SELECT %s.eligibility_affected_bound_local(true)', ext)
		INTO bound;
	last_day := CASE WHEN pg_catalog.isfinite(bound)
					 THEN pg_catalog.to_char(bound, 'YYYYMMDD')
					 WHEN bound IS NOT NULL THEN '99999999' END;

	-- OFFSET 0 keeps each reception's date and time read once, rather than
	-- once for every tbl_onshi_kaku row of the patient it is compared with.
	RETURN QUERY EXECUTE pg_catalog.format($q$
		SELECT v.hospnum, v.ptid, v.visit_date, v.ukeid, v.visit_at,
			   f.prefecture, i.impact,
			   CASE WHEN c.ok THEN 'ok'
					WHEN c.completed THEN 'not_valid'
					WHEN c.checks OPERATOR(pg_catalog.>) 0 THEN 'failed'
					ELSE 'no_check' END,
			   c.last_at
		FROM (SELECT u.hospnum::pg_catalog.int4 AS hospnum,
					 u.ptid::pg_catalog.int8 AS ptid,
					 %3$s.orca_date(u.ukeymd::pg_catalog.text) AS visit_date,
					 pg_catalog.to_char(%3$s.orca_date(u.ukeymd::pg_catalog.text)::pg_catalog.timestamp,
										'YYYYMMDD') AS ymd,
					 u.ukeid::pg_catalog.int4 AS ukeid,
					 %3$s.orca_timestamp(u.ukeymd::pg_catalog.text, u.uketime::pg_catalog.text) AS visit_at
			  FROM %1$I.tbl_uketuke AS u
			  WHERE u.ukeymd OPERATOR(pg_catalog.>=) $1
				AND u.ukeymd OPERATOR(pg_catalog.<=) $2
			  OFFSET 0) AS v
		CROSS JOIN LATERAL (
			SELECT %3$s.to_prefecture(pg_catalog.substr(s.kanritbl::pg_catalog.text, 1, 2)) AS prefecture
			FROM %1$I.tbl_syskanri AS s
			WHERE s.hospnum::pg_catalog.int4 OPERATOR(pg_catalog.=) v.hospnum
			  AND pg_catalog.btrim(s.kanricd) OPERATOR(pg_catalog.=) '1001'
			  AND pg_catalog.btrim(s.kbncd) OPERATOR(pg_catalog.=) '*'
			  AND COALESCE(%3$s.orca_date(s.styukymd::pg_catalog.text)
					OPERATOR(pg_catalog.<=) v.visit_date, true)
			  AND COALESCE(%3$s.orca_date(s.edyukymd::pg_catalog.text)
					OPERATOR(pg_catalog.>=) v.visit_date, true)
			ORDER BY s.styukymd DESC
			LIMIT 1) AS f
		CROSS JOIN LATERAL (
			SELECT CASE WHEN v.visit_at IS NULL
						THEN %3$s.eligibility_impact_on_day(f.prefecture, v.visit_date)
						ELSE %3$s.eligibility_impact(f.prefecture, v.visit_at) END
				   AS impact) AS i
		CROSS JOIN LATERAL (
			SELECT COALESCE(pg_catalog.bool_or(k.ok AND k.valid), false) AS ok,
				   COALESCE(pg_catalog.bool_or(k.ok), false) AS completed,
				   pg_catalog.count(*) AS checks,
				   pg_catalog.max(k.at) AS last_at
			FROM (SELECT (pg_catalog.btrim(k.result_kbn) OPERATOR(pg_catalog.=) '1'
						  AND COALESCE(pg_catalog.btrim(k.err_code), '')
							  OPERATOR(pg_catalog.=) '') IS TRUE AS ok,
						 (pg_catalog.btrim(k.sikaku_yuko) OPERATOR(pg_catalog.=) '1') IS TRUE AS valid,
						 %3$s.orca_timestamp(k.shori_time::pg_catalog.text) AS at
				  FROM %1$I.tbl_onshi_kaku AS k
				  WHERE k.hospnum OPERATOR(pg_catalog.=) v.hospnum
					AND k.ptid OPERATOR(pg_catalog.=) v.ptid
					AND pg_catalog.btrim(k.kakuninymd) OPERATOR(pg_catalog.=) v.ymd
					%2$s) AS k) AS c
		WHERE v.visit_date IS NOT NULL
		  AND i.impact OPERATOR(pg_catalog.>=) 'intermittent'::%3$s.eligibility_impact
		ORDER BY v.hospnum, v.visit_date, v.visit_at NULLS LAST, v.ukeid, v.ptid
		$q$, orca_schema, extra, ext)
	USING first_day, last_day;
END;
$$;

COMMENT ON FUNCTION @extschema@.orca_affected_visits(pg_catalog.name) IS
'ORCA receptions (tbl_uketuke in the given schema) in an outage or intermittent window of the facility''s prefecture, with the status of that day''s online eligibility checks (ok, not_valid, failed, no_check)';

CREATE FUNCTION @extschema@.orca_eligibility_review(
	orca_schema pg_catalog.name DEFAULT 'public', lang pg_catalog.text DEFAULT 'ja')
RETURNS TABLE (
	hospnum pg_catalog.int4,
	ptid pg_catalog.int8,
	visit_date pg_catalog.date,
	ukeid pg_catalog.int4,
	visit_at pg_catalog.timestamp,
	facility_prefecture @extschema@.prefecture,
	impact @extschema@.eligibility_impact,
	check_status pg_catalog.text,
	last_check_at pg_catalog.timestamp,
	guidance pg_catalog.text
)
LANGUAGE sql STABLE STRICT
BEGIN ATOMIC
	SELECT v.hospnum, v.ptid, v.visit_date, v.ukeid, v.visit_at,
		   v.facility_prefecture, v.impact, v.check_status, v.last_check_at,
		   @extschema@.review_guidance(v.impact, lang)
	FROM @extschema@.orca_affected_visits(orca_schema) AS v
	WHERE v.check_status OPERATOR(pg_catalog.<>) 'ok'
	  -- an unsupported language fails even when no visit is affected
	  AND @extschema@.review_guidance('none'::@extschema@.eligibility_impact, lang) IS NOT NULL
	ORDER BY v.hospnum, v.visit_date, v.visit_at NULLS LAST, v.ukeid, v.ptid;
END;

COMMENT ON FUNCTION @extschema@.orca_eligibility_review(pg_catalog.name, pg_catalog.text) IS
'ORCA receptions in an outage or intermittent window with no successful online eligibility check that day: the visits whose eligibility needs review, with what to do (lang ''ja'' or ''en'')';

--
-- orca_billing_audit: bills (tbl_syunou_main, outpatient) of the affected
-- visits' days that were claimed to an unknown insurer (保険者番号 77777777
-- or 77777779, through the bill's 保険組合せ tbl_hkncombi -> tbl_pthkninf)
-- or charged 10割 (ptftnrate 100).  One row per reception and bill.
--
CREATE FUNCTION @extschema@.orca_billing_audit(
	orca_schema pg_catalog.name DEFAULT 'public', lang pg_catalog.text DEFAULT 'ja')
RETURNS TABLE (
	hospnum pg_catalog.int4,
	ptid pg_catalog.int8,
	visit_date pg_catalog.date,
	ukeid pg_catalog.int4,
	visit_at pg_catalog.timestamp,
	facility_prefecture @extschema@.prefecture,
	impact @extschema@.eligibility_impact,
	check_status pg_catalog.text,
	denpnum pg_catalog.int4,
	insurer_number pg_catalog.text,
	copay_percent pg_catalog.int4,
	unknown_insurer pg_catalog.bool,
	charged_full pg_catalog.bool,
	guidance pg_catalog.text
)
LANGUAGE plpgsql STABLE STRICT
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	-- this extension's schema, as it is called now
	ext pg_catalog.text := (
		SELECT pg_catalog.quote_ident(n.nspname)
		FROM pg_catalog.pg_extension AS e
		JOIN pg_catalog.pg_namespace AS n ON n.oid OPERATOR(pg_catalog.=) e.extnamespace
		WHERE e.extname OPERATOR(pg_catalog.=) 'outage_window');
	tbl pg_catalog.text;
BEGIN
	-- an unsupported language fails before any row is read
	EXECUTE pg_catalog.format('SELECT %s.review_guidance(''none'', $1)', ext) USING lang;
	FOREACH tbl IN ARRAY ARRAY['tbl_syunou_main', 'tbl_hkncombi', 'tbl_pthkninf'] LOOP
		IF pg_catalog.to_regclass(pg_catalog.format('%I.%I', orca_schema, tbl)) IS NULL THEN
			RAISE EXCEPTION 'relation % does not exist', pg_catalog.format('%I.%I', orca_schema, tbl)
				USING ERRCODE = 'undefined_table',
					  DETAIL = 'The billing audit reads tbl_syunou_main, tbl_hkncombi and tbl_pthkninf besides the reception tables.',
					  HINT = 'Pass the name of the schema that holds ORCA''s tables (ORCA uses public unless set up otherwise).';
		END IF;
	END LOOP;

	RETURN QUERY EXECUTE pg_catalog.format($q$
		SELECT b.hospnum, b.ptid, b.visit_date, b.ukeid, b.visit_at,
			   b.facility_prefecture, b.impact, b.check_status,
			   b.denpnum, b.insurer_number, b.copay_percent,
			   b.insurer_number OPERATOR(pg_catalog.=) ANY ('{77777777,77777779}'::pg_catalog.text[]),
			   b.copay_percent OPERATOR(pg_catalog.=) 100,
			   %2$s.review_guidance(b.impact, $1)
		FROM (SELECT v.*, m.denpnum::pg_catalog.int4 AS denpnum,
					 pg_catalog.btrim(p.hknjanum) AS insurer_number,
					 m.ptftnrate::pg_catalog.int4 AS copay_percent
			  FROM %2$s.orca_affected_visits($2) AS v
			  JOIN %1$I.tbl_syunou_main AS m
				ON m.hospnum OPERATOR(pg_catalog.=) v.hospnum
			   AND m.ptid OPERATOR(pg_catalog.=) v.ptid
			   AND pg_catalog.btrim(m.sryymd) OPERATOR(pg_catalog.=)
				   pg_catalog.to_char(v.visit_date::pg_catalog.timestamp, 'YYYYMMDD')
			   AND pg_catalog.btrim(m.nyugaikbn) OPERATOR(pg_catalog.=) '1'
			  LEFT JOIN %1$I.tbl_hkncombi AS c
				ON c.hospnum OPERATOR(pg_catalog.=) m.hospnum
			   AND c.ptid OPERATOR(pg_catalog.=) m.ptid
			   AND c.hkncombinum OPERATOR(pg_catalog.=)
				   CASE WHEN pg_catalog.btrim(m.hkncombinum) OPERATOR(pg_catalog.~) '^[0-9]{1,4}$'
						THEN pg_catalog.btrim(m.hkncombinum)::pg_catalog.int4 END
			  LEFT JOIN %1$I.tbl_pthkninf AS p
				ON p.hospnum OPERATOR(pg_catalog.=) c.hospnum
			   AND p.ptid OPERATOR(pg_catalog.=) c.ptid
			   AND p.hknid OPERATOR(pg_catalog.=) c.hknid) AS b
		WHERE b.insurer_number OPERATOR(pg_catalog.=) ANY ('{77777777,77777779}'::pg_catalog.text[])
		   OR b.copay_percent OPERATOR(pg_catalog.=) 100
		ORDER BY b.hospnum, b.visit_date, b.visit_at NULLS LAST, b.ukeid, b.ptid, b.denpnum
		$q$, orca_schema, ext)
	USING lang, orca_schema;
END;
$$;

COMMENT ON FUNCTION @extschema@.orca_billing_audit(pg_catalog.name, pg_catalog.text) IS
'Bills of ORCA visits in an outage or intermittent window that were claimed to an unknown insurer (77777777, 77777779) or charged 10割, with what to do (lang ''ja'' or ''en'')';
