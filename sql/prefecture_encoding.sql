--
-- prefecture in an EUC_JP database: input is converted to UTF-8 for the
-- parser and output back to the server encoding.
--
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS outage_window;
RESET client_min_messages;
CREATE DATABASE prefecture_euc_jp ENCODING 'EUC_JP' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0;
\c prefecture_euc_jp
SET client_encoding = 'UTF8';
SELECT pg_catalog.getdatabaseencoding();
CREATE EXTENSION outage_window;
SELECT v, v::prefecture, v::prefecture::integer AS code
FROM (VALUES ('東京都'), ('東京'), ('とうきょうと'), ('トウキョウ'), ('ﾄｳｷｮｳﾄ'),
             ('ﾎｯｶｲﾄﾞｳ'), ('　大阪府　'), ('１３'), ('Tōkyō'), ('TOKYO TO'),
             ('長﨑県'), ('トーキョー')) AS t(v);
SELECT prefecture_reading('北海道'), prefecture_region('沖縄'),
       prefecture_name_en('ｵｵｻｶ');
SELECT to_prefecture('東京県'), to_prefecture('ｷｮｳﾄ');
\set VERBOSITY default
SELECT '東京県'::prefecture;
\set VERBOSITY sqlstate
SELECT '京都市'::prefecture;
CREATE TABLE t (p prefecture);
INSERT INTO t VALUES ('沖縄'), ('ほっかいどう'), ('Kyoto-fu');
-- two bytes a kanji in EUC_JP, three in UTF-8: output is in the server encoding
SELECT p, length(p::text) AS chars, octet_length(p::text) AS server_bytes
FROM t ORDER BY 1;
SELECT octet_length(prefecture_reading('沖縄')) AS reading_bytes,
       octet_length(prefecture_region('沖縄')) AS region_bytes;
-- A user-defined character (gaiji, here EUC_JP 0xF5A1) has no Unicode
-- equivalent: it names no prefecture, so to_prefecture() answers NULL and
-- the cast refuses it with 22P02, not with a conversion error (22P05).
SELECT to_prefecture(E'\xf5\xa1') IS NULL AS udc_alone,
       to_prefecture(E'\xf5\xa1東京都') IS NULL AS udc_with_kanji;
SELECT count(*) AS rows, count(to_prefecture(v)) AS read
FROM (VALUES ('東京都'), (E'\xf5\xa1'), ('大阪')) AS t(v);
\set VERBOSITY default
DO $$
DECLARE
	det text;
BEGIN
	PERFORM (E'\xf5\xa1')::prefecture;
EXCEPTION WHEN OTHERS THEN
	GET STACKED DIAGNOSTICS det = PG_EXCEPTION_DETAIL;
	RAISE NOTICE 'cast: % (%)', SQLSTATE, det;
END
$$;
-- Messages quote at most 100 bytes, cut between EUC_JP characters: 'x'
-- and 49 kanji (99 bytes) of 'x' and 60 kanji
SELECT ('x' || repeat('東', 60))::prefecture;
\set VERBOSITY sqlstate
\c contrib_regression
DROP DATABASE prefecture_euc_jp;
