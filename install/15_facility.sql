
-- ---------------------------------------------------------------------
-- medical_institution_code: a facility's 10-digit 医療機関コード
-- (都道府県番号 2, 点数表番号 1, the 7-digit code), stored as its number
-- in eight bytes, passed by value.  Comparison and hashing reuse the int8
-- functions, since the representation is an int8 and numeric order is
-- the order of the digits.  The check digit is not checked: its algorithm
-- is not published in a form that could be confirmed (doc/facilities.md).
-- ---------------------------------------------------------------------

CREATE TYPE @extschema@.medical_institution_code;

CREATE FUNCTION @extschema@.medical_institution_code_in(pg_catalog.cstring)
RETURNS @extschema@.medical_institution_code
AS 'MODULE_PATHNAME', 'medical_institution_code_in'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.medical_institution_code_out(@extschema@.medical_institution_code)
RETURNS pg_catalog.cstring
AS 'MODULE_PATHNAME', 'medical_institution_code_out'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.medical_institution_code_recv(pg_catalog.internal)
RETURNS @extschema@.medical_institution_code
AS 'MODULE_PATHNAME', 'medical_institution_code_recv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.medical_institution_code_send(@extschema@.medical_institution_code)
RETURNS pg_catalog.bytea
AS 'MODULE_PATHNAME', 'medical_institution_code_send'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.medical_institution_code (
	INPUT = @extschema@.medical_institution_code_in,
	OUTPUT = @extschema@.medical_institution_code_out,
	RECEIVE = @extschema@.medical_institution_code_recv,
	SEND = @extschema@.medical_institution_code_send,
	INTERNALLENGTH = 8,
	PASSEDBYVALUE,
	ALIGNMENT = double,
	STORAGE = plain
);

COMMENT ON TYPE @extschema@.medical_institution_code IS
'medical institution code (医療機関コード): 10 digits, prefecture (01-47), fee schedule (点数表: 1 medical, 3 dental, 4 pharmacy, 5 geriatric health facility, 6 home-visit nursing, 0 midwifery) and the 7-digit code; input accepts separators and full-width digits, output is the 10 digits';
COMMENT ON FUNCTION @extschema@.medical_institution_code_in(pg_catalog.cstring) IS
'text input of medical_institution_code: 10 digits with or without separators, in either width';
COMMENT ON FUNCTION @extschema@.medical_institution_code_out(@extschema@.medical_institution_code) IS
'text output of medical_institution_code: the 10 digits';
COMMENT ON FUNCTION @extschema@.medical_institution_code_recv(pg_catalog.internal) IS
'binary input of medical_institution_code: the code as int8, checked like text input';
COMMENT ON FUNCTION @extschema@.medical_institution_code_send(@extschema@.medical_institution_code) IS
'binary output of medical_institution_code: the code as int8';

-- Comparison by the digits: prefecture, fee schedule, then the 7-digit code.
CREATE FUNCTION @extschema@.medical_institution_code_eq(@extschema@.medical_institution_code, @extschema@.medical_institution_code)
RETURNS pg_catalog.bool AS 'int8eq'
LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.medical_institution_code_ne(@extschema@.medical_institution_code, @extschema@.medical_institution_code)
RETURNS pg_catalog.bool AS 'int8ne'
LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.medical_institution_code_lt(@extschema@.medical_institution_code, @extschema@.medical_institution_code)
RETURNS pg_catalog.bool AS 'int8lt'
LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.medical_institution_code_le(@extschema@.medical_institution_code, @extschema@.medical_institution_code)
RETURNS pg_catalog.bool AS 'int8le'
LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.medical_institution_code_gt(@extschema@.medical_institution_code, @extschema@.medical_institution_code)
RETURNS pg_catalog.bool AS 'int8gt'
LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.medical_institution_code_ge(@extschema@.medical_institution_code, @extschema@.medical_institution_code)
RETURNS pg_catalog.bool AS 'int8ge'
LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.medical_institution_code_cmp(@extschema@.medical_institution_code, @extschema@.medical_institution_code)
RETURNS pg_catalog.int4 AS 'btint8cmp'
LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.medical_institution_code_sortsupport(pg_catalog.internal)
RETURNS pg_catalog.void AS 'btint8sortsupport'
LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.medical_institution_code_hash(@extschema@.medical_institution_code)
RETURNS pg_catalog.int4 AS 'hashint8'
LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.medical_institution_code_hash_extended(@extschema@.medical_institution_code, pg_catalog.int8)
RETURNS pg_catalog.int8 AS 'hashint8extended'
LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

COMMENT ON FUNCTION @extschema@.medical_institution_code_eq(@extschema@.medical_institution_code, @extschema@.medical_institution_code) IS
'implementation of = for medical_institution_code';
COMMENT ON FUNCTION @extschema@.medical_institution_code_ne(@extschema@.medical_institution_code, @extschema@.medical_institution_code) IS
'implementation of <> for medical_institution_code';
COMMENT ON FUNCTION @extschema@.medical_institution_code_lt(@extschema@.medical_institution_code, @extschema@.medical_institution_code) IS
'implementation of < for medical_institution_code (by the digits)';
COMMENT ON FUNCTION @extschema@.medical_institution_code_le(@extschema@.medical_institution_code, @extschema@.medical_institution_code) IS
'implementation of <= for medical_institution_code (by the digits)';
COMMENT ON FUNCTION @extschema@.medical_institution_code_gt(@extschema@.medical_institution_code, @extschema@.medical_institution_code) IS
'implementation of > for medical_institution_code (by the digits)';
COMMENT ON FUNCTION @extschema@.medical_institution_code_ge(@extschema@.medical_institution_code, @extschema@.medical_institution_code) IS
'implementation of >= for medical_institution_code (by the digits)';
COMMENT ON FUNCTION @extschema@.medical_institution_code_cmp(@extschema@.medical_institution_code, @extschema@.medical_institution_code) IS
'btree comparison of medical institution codes by their digits: -1, 0 or 1';
COMMENT ON FUNCTION @extschema@.medical_institution_code_sortsupport(pg_catalog.internal) IS
'btree sort support for medical_institution_code';
COMMENT ON FUNCTION @extschema@.medical_institution_code_hash(@extschema@.medical_institution_code) IS
'hash of a medical institution code';
COMMENT ON FUNCTION @extschema@.medical_institution_code_hash_extended(@extschema@.medical_institution_code, pg_catalog.int8) IS
'seeded 64-bit hash of a medical institution code';

CREATE OPERATOR @extschema@.= (
	LEFTARG = @extschema@.medical_institution_code,
	RIGHTARG = @extschema@.medical_institution_code,
	FUNCTION = @extschema@.medical_institution_code_eq,
	COMMUTATOR = OPERATOR(@extschema@.=),
	NEGATOR = OPERATOR(@extschema@.<>),
	RESTRICT = pg_catalog.eqsel,
	JOIN = pg_catalog.eqjoinsel,
	HASHES,
	MERGES
);
CREATE OPERATOR @extschema@.<> (
	LEFTARG = @extschema@.medical_institution_code,
	RIGHTARG = @extschema@.medical_institution_code,
	FUNCTION = @extschema@.medical_institution_code_ne,
	COMMUTATOR = OPERATOR(@extschema@.<>),
	NEGATOR = OPERATOR(@extschema@.=),
	RESTRICT = pg_catalog.neqsel,
	JOIN = pg_catalog.neqjoinsel
);
CREATE OPERATOR @extschema@.< (
	LEFTARG = @extschema@.medical_institution_code,
	RIGHTARG = @extschema@.medical_institution_code,
	FUNCTION = @extschema@.medical_institution_code_lt,
	COMMUTATOR = OPERATOR(@extschema@.>),
	NEGATOR = OPERATOR(@extschema@.>=),
	RESTRICT = pg_catalog.scalarltsel,
	JOIN = pg_catalog.scalarltjoinsel
);
CREATE OPERATOR @extschema@.<= (
	LEFTARG = @extschema@.medical_institution_code,
	RIGHTARG = @extschema@.medical_institution_code,
	FUNCTION = @extschema@.medical_institution_code_le,
	COMMUTATOR = OPERATOR(@extschema@.>=),
	NEGATOR = OPERATOR(@extschema@.>),
	RESTRICT = pg_catalog.scalarlesel,
	JOIN = pg_catalog.scalarlejoinsel
);
CREATE OPERATOR @extschema@.> (
	LEFTARG = @extschema@.medical_institution_code,
	RIGHTARG = @extschema@.medical_institution_code,
	FUNCTION = @extschema@.medical_institution_code_gt,
	COMMUTATOR = OPERATOR(@extschema@.<),
	NEGATOR = OPERATOR(@extschema@.<=),
	RESTRICT = pg_catalog.scalargtsel,
	JOIN = pg_catalog.scalargtjoinsel
);
CREATE OPERATOR @extschema@.>= (
	LEFTARG = @extschema@.medical_institution_code,
	RIGHTARG = @extschema@.medical_institution_code,
	FUNCTION = @extschema@.medical_institution_code_ge,
	COMMUTATOR = OPERATOR(@extschema@.<=),
	NEGATOR = OPERATOR(@extschema@.<),
	RESTRICT = pg_catalog.scalargesel,
	JOIN = pg_catalog.scalargejoinsel
);

COMMENT ON OPERATOR @extschema@.= (@extschema@.medical_institution_code, @extschema@.medical_institution_code) IS
'same facility';
COMMENT ON OPERATOR @extschema@.<> (@extschema@.medical_institution_code, @extschema@.medical_institution_code) IS
'different facilities';
COMMENT ON OPERATOR @extschema@.< (@extschema@.medical_institution_code, @extschema@.medical_institution_code) IS
'lower code';
COMMENT ON OPERATOR @extschema@.<= (@extschema@.medical_institution_code, @extschema@.medical_institution_code) IS
'lower or equal code';
COMMENT ON OPERATOR @extschema@.> (@extschema@.medical_institution_code, @extschema@.medical_institution_code) IS
'higher code';
COMMENT ON OPERATOR @extschema@.>= (@extschema@.medical_institution_code, @extschema@.medical_institution_code) IS
'higher or equal code';

CREATE OPERATOR CLASS @extschema@.btree_medical_institution_code_ops
DEFAULT FOR TYPE @extschema@.medical_institution_code USING btree AS
	OPERATOR 1 @extschema@.<,
	OPERATOR 2 @extschema@.<=,
	OPERATOR 3 @extschema@.=,
	OPERATOR 4 @extschema@.>=,
	OPERATOR 5 @extschema@.>,
	FUNCTION 1 @extschema@.medical_institution_code_cmp(@extschema@.medical_institution_code, @extschema@.medical_institution_code),
	FUNCTION 2 @extschema@.medical_institution_code_sortsupport(pg_catalog.internal);

CREATE OPERATOR CLASS @extschema@.hash_medical_institution_code_ops
DEFAULT FOR TYPE @extschema@.medical_institution_code USING hash AS
	OPERATOR 1 @extschema@.=,
	FUNCTION 1 @extschema@.medical_institution_code_hash(@extschema@.medical_institution_code),
	FUNCTION 2 @extschema@.medical_institution_code_hash_extended(@extschema@.medical_institution_code, pg_catalog.int8);

COMMENT ON OPERATOR CLASS @extschema@.btree_medical_institution_code_ops USING btree IS
'medical institution codes in the order of their digits: by prefecture, then fee schedule';
COMMENT ON OPERATOR CLASS @extschema@.hash_medical_institution_code_ops USING hash IS
'hashing of medical institution codes';
COMMENT ON OPERATOR FAMILY @extschema@.btree_medical_institution_code_ops USING btree IS
'medical institution codes in the order of their digits: by prefecture, then fee schedule';
COMMENT ON OPERATOR FAMILY @extschema@.hash_medical_institution_code_ops USING hash IS
'hashing of medical institution codes';

-- Parts of a code, and a code from the receipt file's parts.
CREATE FUNCTION @extschema@.institution_prefecture(@extschema@.medical_institution_code)
RETURNS @extschema@.prefecture
AS 'MODULE_PATHNAME', 'institution_prefecture'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.institution_kind(@extschema@.medical_institution_code)
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'institution_kind'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.institution_kind_ja(@extschema@.medical_institution_code)
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'institution_kind_ja'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.institution_code7(@extschema@.medical_institution_code)
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'institution_code7'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.medical_institution_code(
	prefecture @extschema@.prefecture, kind pg_catalog.text, code pg_catalog.text)
RETURNS @extschema@.medical_institution_code
AS 'MODULE_PATHNAME', 'medical_institution_code'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.to_medical_institution_code(pg_catalog.text)
RETURNS @extschema@.medical_institution_code
AS 'MODULE_PATHNAME', 'to_medical_institution_code'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.institution_prefecture(@extschema@.medical_institution_code) IS
'prefecture of a medical institution code: its first two digits (where the facility is, not the area its line is on: see facility_area)';
COMMENT ON FUNCTION @extschema@.institution_kind(@extschema@.medical_institution_code) IS
'kind of facility by the code''s fee schedule digit: medical (1), dental (3), pharmacy (4), geriatric_health_facility (5), home_nursing (6) or midwifery (0)';
COMMENT ON FUNCTION @extschema@.institution_kind_ja(@extschema@.medical_institution_code) IS
'fee schedule of a medical institution code in Japanese: 医科, 歯科, 調剤, 老人保健施設, 訪問看護ステーション or 助産所';
COMMENT ON FUNCTION @extschema@.institution_code7(@extschema@.medical_institution_code) IS
'the 7-digit code (郡市区番号, 医療機関番号 and 検証番号), as the receipt file''s IR record writes it';
COMMENT ON FUNCTION @extschema@.medical_institution_code(@extschema@.prefecture, pg_catalog.text, pg_catalog.text) IS
'medical institution code from the receipt file''s IR record fields: a prefecture, the fee schedule (its digit, or a name such as pharmacy or 調剤) and the 7-digit code';
COMMENT ON FUNCTION @extschema@.to_medical_institution_code(pg_catalog.text) IS
'read a medical institution code like the type input does, but return NULL for text that is none (for cleaning dirty columns)';

-- The prefecture a code names; explicit only, as a facility's prefecture
-- is not its outage area (facility_area).
CREATE CAST (@extschema@.medical_institution_code AS @extschema@.prefecture)
	WITH FUNCTION @extschema@.institution_prefecture(@extschema@.medical_institution_code);

COMMENT ON CAST (@extschema@.medical_institution_code AS @extschema@.prefecture) IS
'the prefecture of the code''s first two digits';

-- The prefecture an address starts with (src/address_parse.c).
CREATE FUNCTION @extschema@.address_prefecture(pg_catalog.text)
RETURNS @extschema@.prefecture
AS 'MODULE_PATHNAME', 'address_prefecture'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.address_prefecture(pg_catalog.text) IS
'prefecture a Japanese address starts with, after an optional postal code: by the prefecture''s name, or by a municipality''s (千代田区, 札幌市中央区, 虻田郡洞爺湖町); NULL when it names none or a municipality name several prefectures share (府中市)';
