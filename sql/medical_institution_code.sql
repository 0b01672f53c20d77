--
-- medical_institution_code: text input in the forms HIS data and the
-- health bureaus' lists write, canonical output, refusals with their
-- SQLSTATE and hint, to_medical_institution_code(), the constructor from
-- the receipt file's IR fields, the accessors, operators and indexes.
--
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS outage_window;
RESET client_min_messages;

-- Every spelling reads as the same ten digits.
SELECT input, input::medical_institution_code AS code
FROM (VALUES ('1310112345'), ('13-1-0112345'), ('13 1 01 1234 5'),
			 ('  1310112345  '), ('13.1.01.1234.5'), ('13,1,01,1234,5'),
			 ('13/1/0112345'), ('１３１０１１２３４５'), ('１３－１－０１１２３４５'),
			 ('13ー1ー0112345'), ('13 - 1 - 0112345'), ('　1310112345　'),
			 ('13‐1‐0112345'), ('13・1・01・1234・5')) AS t(input);

-- Each kind of facility, by the third digit; the parts of a code.
SELECT c, institution_prefecture(c), c::prefecture AS cast, institution_kind(c),
	   institution_kind_ja(c), institution_code7(c)
FROM unnest('{0101234567,1310112345,1330112345,1340112345,2250112345,4760112345,4710000000}'::medical_institution_code[]) AS c
ORDER BY c;

-- Refusals: 22P02 with a detail and a hint.
\set SHOW_CONTEXT never
\set VERBOSITY sqlstate
SELECT '0010112345'::medical_institution_code;
SELECT medical_institution_code('東京都', '2', '0112345');
\set VERBOSITY default
SELECT ''::medical_institution_code;
SELECT '131011234'::medical_institution_code;
SELECT '0112345'::medical_institution_code;
SELECT '13101123456'::medical_institution_code;
SELECT '13a0112345'::medical_institution_code;
SELECT '-1310112345'::medical_institution_code;
SELECT '1310112345-'::medical_institution_code;
SELECT '0010112345'::medical_institution_code;
SELECT '4810112345'::medical_institution_code;
SELECT '1320112345'::medical_institution_code;
SELECT '1390112345'::medical_institution_code;
SELECT repeat('1', 100000)::medical_institution_code;

-- The check digit is not checked: the same facility with any last digit.
SELECT count(DISTINCT ('131011234' || d)::medical_institution_code) AS all_ten_read
FROM generate_series(0, 9) AS d;

-- Dirty data gives NULL, never an error.
SELECT left(input, 20) AS input, to_medical_institution_code(input)
FROM (VALUES ('1310112345'), ('13-1-0112345'), (''), ('131011234'), ('0010112345'),
			 ('1320112345'), ('不明'), ('13-1-0112345 (旧)'), (repeat('9', 10000))) AS t(input);

-- From the receipt file's IR record: prefecture, 点数表 and the 7-digit code.
SELECT medical_institution_code('東京都', '1', '0112345') AS ika,
	   medical_institution_code('13', 'pharmacy', '01,1234,5') AS pharmacy,
	   medical_institution_code('北海道', '医科', '１２３４５６７') AS full_width,
	   medical_institution_code('Osaka', '調剤', '1234567') AS chozai,
	   medical_institution_code(prefecture '沖縄県', ' 薬局 ', '12-3456-7') AS yakkyoku,
	   medical_institution_code('1', 'Midwifery', '0000000') AS josanjo;
SELECT medical_institution_code('東京都', '2', '0112345');
SELECT medical_institution_code('東京都', 'hospital', '0112345');
SELECT medical_institution_code('東京都', '1', '112345');
SELECT medical_institution_code('東京都', '1', '13-1-0112345');

-- The code round-trips through its parts.
SELECT count(*) AS round_trips
FROM unnest('{0101234567,1310112345,1330112345,1340112345,2250112345,4760112345}'::medical_institution_code[]) AS c
WHERE medical_institution_code(institution_prefecture(c), institution_kind(c), institution_code7(c)) = c
  AND medical_institution_code(c::prefecture, institution_kind_ja(c), institution_code7(c)) = c;

-- Binary output is the number as int8.
SELECT medical_institution_code_send('0101234567') AS send;

-- Operators, btree and hash indexes, sorting by the digits.
CREATE TEMP TABLE mic AS
SELECT (lpad(p::text, 2, '0') || k || lpad(n::text, 7, '0'))::medical_institution_code AS c
FROM generate_series(1, 47) AS p, unnest('{1,3,4}'::int[]) AS k, generate_series(1, 20) AS n;
SELECT count(*) FROM mic;
SELECT c FROM mic ORDER BY c LIMIT 2;
SELECT c FROM mic ORDER BY c DESC LIMIT 2;
SELECT '1310000001'::medical_institution_code < '1330000001', '0140000020'::medical_institution_code >= '0140000020',
	   '1310000001'::medical_institution_code <> '1310000002', '1310000001'::medical_institution_code = '13-1-0000001';
CREATE INDEX mic_btree ON mic (c);
CREATE INDEX mic_hash ON mic USING hash (c);
SET enable_seqscan = off;
SET enable_bitmapscan = off;
SELECT c FROM mic WHERE c = '13-4-0000007';
SELECT count(*) FROM mic WHERE c >= '1310000000' AND c < '1400000000';
SET enable_indexscan = off;
SET enable_bitmapscan = on;
DROP INDEX mic_btree;
SELECT c FROM mic WHERE c = '13-4-0000007';
RESET enable_seqscan;
RESET enable_indexscan;
RESET enable_bitmapscan;
SELECT institution_kind(c), count(*) FROM mic GROUP BY 1 ORDER BY 1;
SELECT c.opcname, amvalidate(c.oid)
FROM pg_opclass c WHERE c.opcintype = 'medical_institution_code'::regtype ORDER BY 1;
SELECT medical_institution_code_hash('1310112345') = hashint8(1310112345) AS hash_is_int8s,
	   medical_institution_code_hash_extended('1310112345', 7) = hashint8extended(1310112345, 7) AS extended;
