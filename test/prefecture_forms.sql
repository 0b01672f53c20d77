-- test/prefecture_forms.sql: every accepted spelling of every prefecture,
-- one assertion each, then the rejects with their SQLSTATE and message.
BEGIN;
CREATE EXTENSION outage_window;
SELECT plan(1165 + 47 + 30);

CREATE TEMP TABLE prefecture_forms (code integer, kind text, input text);
\ir fixtures/prefecture_forms.sql

SELECT is(input::prefecture::integer, code, format('%s %s -> %s', kind, input, code))
FROM prefecture_forms ORDER BY code, kind, input;

-- output reads back as the same prefecture, for all 47
SELECT is((g::prefecture)::text::prefecture::integer, g, format('output of %s reads back', g))
FROM generate_series(1, 47) AS g;

-- rejects: the value named in the message, 22P02
SELECT throws_ok(format('SELECT %L::prefecture', v), '22P02',
                 format('invalid input syntax for type prefecture: "%s"', v),
                 format('%L is rejected', v))
FROM (VALUES ('東京県'), ('東京都都'), ('Osaka-ken'), ('とうきょうけん'),
             ('京都市'), ('関東'), ('0'), ('48'), ('2147483648'),
             ('99999999999999999999'), ('-1'), (''), ('JP-48'), ('北海'),
             ('Tokyo-ken'), ('大阪県'), ('Atlantis'), ('13ken')) AS t(v);
SELECT throws_ok(format('SELECT %L::prefecture', repeat('東京都', 1000)), '22P02',
                 format('invalid input syntax for type prefecture: "%s..."', repeat('東京都', 11)),
                 'a 9000-byte value is rejected and truncated in the message');
SELECT throws_ok('SELECT 48::prefecture', '22003', 'prefecture code 48 is out of range',
                 'integer 48 is out of range');
SELECT throws_ok('SELECT 0::prefecture', '22003', NULL, 'integer 0 is out of range');
SELECT throws_ok('SELECT (-5)::smallint::prefecture', '22003', NULL,
                 'smallint -5 is out of range');

-- the wrong-suffix detail names the prefecture and its suffix
SELECT throws_like('SELECT ''東京県''::prefecture', '%東京県%', '東京県 is reported');
CREATE FUNCTION pg_temp.detail_of(v text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE d text;
BEGIN
	PERFORM v::prefecture;
	RETURN NULL;
EXCEPTION WHEN invalid_text_representation THEN
	GET STACKED DIAGNOSTICS d = PG_EXCEPTION_DETAIL;
	RETURN d;
END $$;
SELECT is(pg_temp.detail_of('東京県'),
          'This is the name of 東京都 (JIS code 13), which takes the suffix 都 exactly once.',
          'detail of 東京県 names 東京都 and 都');
SELECT is(pg_temp.detail_of('Osaka-ken'),
          'This is the name of 大阪府 (JIS code 27), which takes the suffix 府 exactly once.',
          'detail of Osaka-ken names 大阪府 and 府');
SELECT is(pg_temp.detail_of('Hokkaido-ken'),
          'This is the name of 北海道 (JIS code 1), which takes the suffix 道 exactly once.',
          'detail of Hokkaido-ken names 北海道');
SELECT is(pg_temp.detail_of('48'),
          'Prefecture codes are the numbers 1 to 47 of JIS X 0401.',
          'detail of 48 gives the range');

-- to_prefecture() turns every reject into NULL and every form into its code
SELECT is((SELECT count(*) FROM (VALUES ('東京県'), ('京都市'), ('0'), (''), ('x'), (repeat('y', 5000))) t(v)
           WHERE to_prefecture(v) IS NOT NULL), 0::bigint, 'to_prefecture returns NULL for rejects');
SELECT is((SELECT count(*) FROM prefecture_forms WHERE to_prefecture(input)::integer = code),
          (SELECT count(*) FROM prefecture_forms), 'to_prefecture reads every form');
SELECT is(to_prefecture(NULL), NULL, 'to_prefecture(NULL) is NULL');

SELECT * FROM finish();
ROLLBACK;
