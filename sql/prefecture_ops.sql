--
-- prefecture: operators, operator classes and the plans they enable.
--
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS outage_window;
RESET client_min_messages;

-- Every operator class of the extension validates.
SELECT c.opcname, a.amname, amvalidate(c.oid)
FROM pg_opclass c
JOIN pg_am a ON a.oid = c.opcmethod
JOIN pg_depend d ON d.classid = 'pg_opclass'::regclass AND d.objid = c.oid
JOIN pg_extension e ON d.refclassid = 'pg_extension'::regclass
                    AND d.refobjid = e.oid AND e.extname = 'outage_window'
WHERE c.opcintype = 'prefecture'::regtype
ORDER BY 1;
SELECT count(*) AS invalid_opclasses
FROM pg_opclass c
JOIN pg_depend d ON d.classid = 'pg_opclass'::regclass AND d.objid = c.oid
JOIN pg_extension e ON d.refclassid = 'pg_extension'::regclass
                    AND d.refobjid = e.oid AND e.extname = 'outage_window'
WHERE NOT amvalidate(c.oid);

-- The operators, with their planner metadata.
SELECT o.oprname, o.oprcanhash, o.oprcanmerge,
       o.oprcom::regoperator AS commutator, o.oprnegate::regoperator AS negator,
       o.oprrest, o.oprjoin
FROM pg_operator o
WHERE o.oprleft = 'prefecture'::regtype AND o.oprright = 'prefecture'::regtype
ORDER BY o.oprname;

-- Truth table of the six operators over a few pairs (JIS order).
SELECT a, b, a = b AS eq, a <> b AS ne, a < b AS lt, a <= b AS le,
       a > b AS gt, a >= b AS ge
FROM (VALUES ('北海道'::prefecture, '沖縄県'::prefecture),
             ('Tokyo', 'とうきょう'),
             ('大阪', '京都'),
             ('13', '14')) AS t(a, b);

-- Sorting, grouping, DISTINCT over a table with every prefecture.
CREATE TABLE prefecture_visits (id serial, p prefecture NOT NULL);
INSERT INTO prefecture_visits (p)
SELECT ((g * 7) % 47 + 1)::prefecture FROM generate_series(1, 4700) AS g;
ANALYZE prefecture_visits;
SELECT p, count(*) FROM prefecture_visits GROUP BY p ORDER BY p LIMIT 5;
SELECT p FROM prefecture_visits ORDER BY p DESC LIMIT 3;
SELECT count(DISTINCT p), min(p::integer), max(p::integer) FROM prefecture_visits;
SELECT array_agg(p ORDER BY p) FILTER (WHERE p <= '栃木') FROM (SELECT DISTINCT p FROM prefecture_visits) s;

-- hash aggregate and sort-based grouping agree
SET enable_sort = off;
EXPLAIN (COSTS OFF) SELECT p, count(*) FROM prefecture_visits GROUP BY p;
CREATE TEMP TABLE by_hash AS SELECT p, count(*) AS n FROM prefecture_visits GROUP BY p;
RESET enable_sort;
SET enable_hashagg = off;
EXPLAIN (COSTS OFF) SELECT DISTINCT p FROM prefecture_visits;
CREATE TEMP TABLE by_sort AS SELECT p, count(*) AS n FROM prefecture_visits GROUP BY p;
RESET enable_hashagg;
SELECT count(*) AS groups, count(*) FILTER (WHERE h.n = s.n) AS same
FROM by_hash h FULL JOIN by_sort s USING (p);

-- Hash join and merge join.
CREATE TABLE prefecture_names_t (p prefecture PRIMARY KEY, label text);
INSERT INTO prefecture_names_t
SELECT g::prefecture, prefecture_name_en(g::prefecture) FROM generate_series(1, 47) g;
ANALYZE prefecture_names_t;
SET enable_nestloop = off;
SET enable_mergejoin = off;
EXPLAIN (COSTS OFF)
SELECT count(*) FROM prefecture_visits v JOIN prefecture_names_t n ON v.p = n.p;
SELECT count(*) FROM prefecture_visits v JOIN prefecture_names_t n ON v.p = n.p;
RESET enable_mergejoin;
SET enable_hashjoin = off;
EXPLAIN (COSTS OFF)
SELECT count(*) FROM prefecture_visits v JOIN prefecture_names_t n ON v.p = n.p;
SELECT count(*) FROM prefecture_visits v JOIN prefecture_names_t n ON v.p = n.p;
RESET enable_hashjoin;
RESET enable_nestloop;

-- A btree index answers equality and ranges, like a sequential scan.
CREATE INDEX prefecture_visits_p ON prefecture_visits (p);
SET enable_seqscan = off;
SET enable_bitmapscan = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM prefecture_visits WHERE p = '東京都';
SELECT count(*) FROM prefecture_visits WHERE p = '東京都';
EXPLAIN (COSTS OFF) SELECT count(*) FROM prefecture_visits WHERE p BETWEEN '茨城' AND 'Kanagawa';
SELECT count(*) FROM prefecture_visits WHERE p BETWEEN '茨城' AND 'Kanagawa';
RESET enable_seqscan;
RESET enable_bitmapscan;
SET enable_indexscan = off;
SET enable_indexonlyscan = off;
SET enable_bitmapscan = off;
SELECT count(*) FROM prefecture_visits WHERE p = '東京都';
SELECT count(*) FROM prefecture_visits WHERE p BETWEEN '茨城' AND 'Kanagawa';
RESET enable_indexscan;
RESET enable_indexonlyscan;
RESET enable_bitmapscan;

-- A hash index too.
CREATE INDEX prefecture_visits_p_hash ON prefecture_visits USING hash (p);
DROP INDEX prefecture_visits_p;
SET enable_seqscan = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM prefecture_visits WHERE p = 'Osaka';
SELECT count(*) FROM prefecture_visits WHERE p = 'Osaka';
RESET enable_seqscan;

-- Unique constraint by prefecture.
INSERT INTO prefecture_names_t VALUES ('とうきょう', 'again');

DROP TABLE prefecture_visits, prefecture_names_t;
