--
-- prefecture: text input in every accepted form, canonical output,
-- rejects with their SQLSTATE, to_prefecture() and the accessors.
--
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS outage_window;
RESET client_min_messages;

-- Output and accessors for all 47, in JIS order.
SELECT p, p::integer AS code, prefecture_code(p), prefecture_name_en(p),
       prefecture_reading(p), prefecture_region(p)
FROM generate_series(1, 47) AS g(n), LATERAL (SELECT g.n::prefecture AS p) AS s
ORDER BY p;

-- Every accepted spelling of every prefecture, with the code it must give.
CREATE TABLE prefecture_forms (code integer, kind text, input text);
\i test/fixtures/prefecture_forms.sql

-- No form may fail or give another prefecture (expect no rows).
SELECT code, kind, input, to_prefecture(input)::integer AS got
FROM prefecture_forms
WHERE to_prefecture(input) IS DISTINCT FROM code::prefecture;
-- The cast raises nothing either and agrees with to_prefecture().
SELECT count(*) AS forms, count(DISTINCT code) AS prefectures,
       count(*) FILTER (WHERE input::prefecture = code::prefecture) AS matched
FROM prefecture_forms;
SELECT kind, count(*) FROM prefecture_forms GROUP BY kind ORDER BY kind;

-- Spellings from real data beyond the table: spaced kanji, other dashes,
-- full-width ISO codes, invisible characters, long vowels in hiragana.
-- (The zero-width space is shown as <ZWSP>: psql 17 and later give it no
-- width, earlier psql one column.)
SELECT replace(v, E'\u200B', '<ZWSP>') AS v, v::prefecture AS p
FROM (VALUES ('大阪 府'), ('東　京　都'), ('Tokyo–to'), ('ＪＰ－１３'),
             ('Tokyo Metropolis'), ('Osaka Prefecture'), ('ＴŌＫＹŌ'),
             (E'Tokyo\u200Bto'), (E'\u00A0Tokyo\u00A0'), ('ｔｏｋｙｏ'),
             ('Kohchi'), ('Tohkyoh'), ('とーきょー'), ('おーさか'),
             ('ホッカイドー'), ('ｷﾞﾌ'), (E'\tJP-47\n')) AS t(v);

-- Output is canonical and reads back as itself.
SELECT count(*) FROM generate_series(1, 47) AS g(n)
WHERE (g.n::prefecture)::text::prefecture <> g.n::prefecture
   OR (g.n::prefecture)::text <> (SELECT min(input) FROM prefecture_forms f
                                  WHERE f.code = g.n AND f.kind = 'kanji');

-- Rejects: each raises 22P02.
\set VERBOSITY sqlstate
SELECT '東京県'::prefecture;
SELECT '東京都都'::prefecture;
SELECT '北海道県'::prefecture;
SELECT 'Osaka-ken'::prefecture;
SELECT 'Tokyo-to-to'::prefecture;
SELECT 'とうきょうけん'::prefecture;
SELECT 'トウキョウケン'::prefecture;
SELECT '京都市'::prefecture;
SELECT '関東'::prefecture;
SELECT '北海'::prefecture;
SELECT 'ほっかい'::prefecture;
SELECT 'Kanto'::prefecture;
SELECT 'Tokyo City'::prefecture;
SELECT '0'::prefecture;
SELECT '00'::prefecture;
SELECT '48'::prefecture;
SELECT '013'::prefecture;
SELECT '４８'::prefecture;
SELECT 'JP-48'::prefecture;
SELECT 'JP-00'::prefecture;
SELECT 'JP-'::prefecture;
SELECT '2147483648'::prefecture;
SELECT '99999999999999999999999999'::prefecture;
SELECT '-1'::prefecture;
SELECT '-13'::prefecture;
SELECT '+13'::prefecture;
SELECT '13.0'::prefecture;
SELECT ''::prefecture;
SELECT '   '::prefecture;
SELECT '　'::prefecture;
SELECT repeat('東京都', 100)::prefecture;
SELECT repeat('x', 10000)::prefecture;
SELECT 'Tokyo!'::prefecture;
SELECT 'Tōkyō-ken'::prefecture;
SELECT E'\u0301'::prefecture;
SELECT 'Tokyo東京'::prefecture;

-- The full reports: message naming the value, detail, hint.
\set VERBOSITY default
SELECT '東京県'::prefecture;
SELECT 'Osaka-ken'::prefecture;
SELECT '48'::prefecture;
SELECT ''::prefecture;
SELECT repeat('東京都', 100)::prefecture;
SELECT 'Atlantis'::prefecture;
\set VERBOSITY sqlstate

-- to_prefecture() cleans instead of raising.
SELECT left(v, 20) AS v, to_prefecture(v)
FROM (VALUES ('東京県'), ('Osaka-ken'), ('京都市'), ('関東'), ('0'), ('48'),
             ('-1'), ('99999999999999999999'), (''), ('Atlantis'),
             (repeat('x', 1000)), (NULL), (' 大阪 '), ('ﾄｳｷｮｳﾄ')) AS t(v);

-- Casts between prefecture and the integer types.
SELECT 13::prefecture, 1::smallint::prefecture, 47::bigint::integer::prefecture;
SELECT '沖縄'::prefecture::integer, '沖縄'::prefecture::smallint,
       pg_typeof('沖縄'::prefecture::smallint);
SELECT 0::prefecture;
SELECT 48::prefecture;
SELECT (-1)::smallint::prefecture;
SELECT 32767::smallint::prefecture;
\set VERBOSITY default
SELECT 48::prefecture;
\set VERBOSITY sqlstate
-- no implicit casts: an integer is not silently a prefecture
SELECT '東京都'::prefecture = 13;

-- Binary I/O: send gives the code as int2; recv validates it.
SELECT prefecture_send('東京都'), prefecture_send('沖縄県');
CREATE TABLE prefecture_bin (p prefecture);
INSERT INTO prefecture_bin SELECT g::prefecture FROM generate_series(1, 47) g;
SELECT current_setting('data_directory') || '/outage_window_prefecture.bin' AS prefecture_file \gset
COPY prefecture_bin TO :'prefecture_file' (FORMAT binary);
CREATE TABLE prefecture_bin2 (p prefecture);
COPY prefecture_bin2 FROM :'prefecture_file' (FORMAT binary);
SELECT count(*), count(*) FILTER (WHERE a.p = b.p)
FROM prefecture_bin a FULL JOIN prefecture_bin2 b ON a.p = b.p;
-- a binary int2 48 or 0 is refused by prefecture_recv
COPY (SELECT 48::smallint) TO :'prefecture_file' (FORMAT binary);
COPY prefecture_bin2 FROM :'prefecture_file' (FORMAT binary);
COPY (SELECT 0::smallint) TO :'prefecture_file' (FORMAT binary);
COPY prefecture_bin2 FROM :'prefecture_file' (FORMAT binary);
SELECT count(*) FROM prefecture_bin2;
DROP TABLE prefecture_bin, prefecture_bin2, prefecture_forms;
