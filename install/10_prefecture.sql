
-- ---------------------------------------------------------------------
-- prefecture: one of Japan's 47 prefectures, stored as its JIS X 0401
-- code (1..47) in two bytes, passed by value.  Comparison and hashing
-- reuse the int2 functions, since the representation is an int2.
-- The control file says encoding = UTF8: the script is converted to the
-- database's encoding (EUC_JP databases too) when it runs.
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
