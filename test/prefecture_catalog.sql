-- test/prefecture_catalog.sql: the SQL surface of the prefecture type
-- (type, functions and their labels, operators, opclasses, casts) and its
-- behaviour in queries (casts, binary I/O, sorting, joins, indexes).
BEGIN;
CREATE EXTENSION outage_window;
SELECT plan(54);

SELECT has_type('prefecture');
SELECT is((SELECT typlen FROM pg_type WHERE typname = 'prefecture'), 2::smallint, 'prefecture is 2 bytes');
SELECT ok((SELECT typbyval FROM pg_type WHERE typname = 'prefecture'), 'prefecture is passed by value');
SELECT is((SELECT typalign FROM pg_type WHERE typname = 'prefecture'), 's', 'prefecture is int2-aligned');
SELECT is((SELECT typstorage FROM pg_type WHERE typname = 'prefecture'), 'p', 'prefecture storage is plain');
SELECT is((SELECT typreceive::text FROM pg_type WHERE typname = 'prefecture'), 'prefecture_recv', 'prefecture has a receive function');
SELECT is((SELECT typsend::text FROM pg_type WHERE typname = 'prefecture'), 'prefecture_send', 'prefecture has a send function');

-- labels of the user-visible functions
SELECT volatility_is(f::name, args::name[], 'immutable')
FROM (VALUES ('to_prefecture', ARRAY['text']),
             ('prefecture_code', ARRAY['prefecture']),
             ('prefecture_name_en', ARRAY['prefecture']),
             ('prefecture_reading', ARRAY['prefecture']),
             ('prefecture_region', ARRAY['prefecture']),
             ('prefecture_in', ARRAY['cstring']),
             ('prefecture_out', ARRAY['prefecture'])) AS t(f, args);
SELECT is_strict(f::name, args::name[])
FROM (VALUES ('to_prefecture', ARRAY['text']),
             ('prefecture_code', ARRAY['prefecture']),
             ('prefecture_name_en', ARRAY['prefecture']),
             ('prefecture_reading', ARRAY['prefecture']),
             ('prefecture_region', ARRAY['prefecture'])) AS t(f, args);
SELECT is((SELECT count(*) FROM pg_proc p
           JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
           JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'outage_window'
           WHERE p.prorettype <> 'trigger'::regtype
             AND ('prefecture'::regtype = ANY (p.proargtypes) OR p.prorettype = 'prefecture'::regtype)
             AND p.proparallel <> 's'), 0::bigint,
          'every function taking or returning a prefecture is PARALLEL SAFE');
SELECT is((SELECT count(*) FROM pg_proc p
           JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
           JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'outage_window'
           WHERE p.proname LIKE '%prefecture%' AND obj_description(p.oid, 'pg_proc') IS NULL), 0::bigint,
          'every prefecture function has a comment');

-- operators and operator classes
SELECT has_operator('prefecture'::name, op::name, 'prefecture'::name, 'boolean'::name)
FROM unnest(ARRAY['=', '<>', '<', '<=', '>', '>=']) AS op;
SELECT has_opclass('btree_prefecture_ops');
SELECT has_opclass('hash_prefecture_ops');
SELECT is((SELECT count(*) FROM pg_opclass c
           JOIN pg_depend d ON d.classid = 'pg_opclass'::regclass AND d.objid = c.oid
           JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'outage_window'
           WHERE c.opcintype = 'prefecture'::regtype AND amvalidate(c.oid)), 2::bigint,
          'both prefecture opclasses pass amvalidate');
SELECT ok((SELECT oprcanhash AND oprcanmerge FROM pg_operator
           WHERE oprname = '=' AND oprleft = 'prefecture'::regtype AND oprright = 'prefecture'::regtype),
          '= on prefecture HASHES and MERGES');
SELECT is((SELECT count(*) FROM pg_operator
           WHERE oprleft = 'prefecture'::regtype AND (oprcom = 0 OR oprnegate = 0)), 0::bigint,
          'every prefecture operator has a commutator and a negator');

-- casts
SELECT has_cast('prefecture', 'integer');
SELECT has_cast('prefecture', 'smallint');
SELECT has_cast('integer', 'prefecture');
SELECT has_cast('smallint', 'prefecture');
SELECT is('東京都'::prefecture::integer, 13, 'prefecture::integer is the JIS code');
SELECT is('沖縄'::prefecture::smallint, 47::smallint, 'prefecture::smallint is the JIS code');
SELECT is(27::prefecture, '大阪府'::prefecture, 'integer::prefecture');
SELECT is(1::smallint::prefecture::text, '北海道', 'smallint::prefecture');
SELECT is((SELECT count(*) FROM generate_series(1, 47) g WHERE g::prefecture::integer <> g), 0::bigint,
          'integer -> prefecture -> integer round trip for 1..47');

-- accessors
SELECT is(prefecture_code('Kyoto'), 26, 'prefecture_code');
SELECT is(prefecture_name_en('東京都'), 'Tokyo', 'prefecture_name_en');
SELECT is(prefecture_reading('東京都'), 'とうきょうと', 'prefecture_reading');
SELECT is(prefecture_region('大阪'), '近畿', 'prefecture_region of Osaka');
SELECT is(prefecture_region('沖縄'), '九州', 'prefecture_region of Okinawa');

-- binary I/O
SELECT is(prefecture_send('東京都'), '\x000d'::bytea, 'send gives the code as int2');

-- ordering by JIS code, grouping, joins
CREATE TEMP TABLE v (p prefecture);
INSERT INTO v SELECT ((g * 11) % 47 + 1)::prefecture FROM generate_series(1, 470) g;
SELECT is((SELECT array_agg(p::integer ORDER BY p) FROM (SELECT DISTINCT p FROM v) s),
          (SELECT array_agg(g) FROM generate_series(1, 47) g), 'DISTINCT + ORDER BY follow the JIS code');
SELECT is((SELECT count(*) FROM (SELECT p FROM v GROUP BY p HAVING count(*) = 10) s), 47::bigint,
          'GROUP BY prefecture');
SELECT ok('北海道'::prefecture < '沖縄県'::prefecture AND 'Tokyo'::prefecture = 'とうきょう'::prefecture
          AND '大阪'::prefecture > '京都'::prefecture AND 'Tokyo'::prefecture <> 'Kyoto'::prefecture,
          'comparison operators');
SET LOCAL enable_nestloop = off;
SET LOCAL enable_mergejoin = off;
SELECT is((SELECT count(*) FROM v a JOIN v b ON a.p = b.p), 4700::bigint, 'hash join');
SET LOCAL enable_hashjoin = off;
SET LOCAL enable_mergejoin = on;
SELECT is((SELECT count(*) FROM v a JOIN v b ON a.p = b.p), 4700::bigint, 'merge join');
RESET enable_nestloop;
RESET enable_hashjoin;
CREATE INDEX ON v (p);
SET LOCAL enable_seqscan = off;
SELECT is((SELECT count(*) FROM v WHERE p = '東京都'), 10::bigint, 'btree index equality');
SELECT is((SELECT count(*) FROM v WHERE p BETWEEN 'Ibaraki' AND '神奈川'), 70::bigint, 'btree index range');
RESET enable_seqscan;

SELECT * FROM finish();
ROLLBACK;
