--
-- outage_window: constructor, accessors, casts, operators, btree and hash
--
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS outage_window;
RESET client_min_messages;
SET TimeZone = 'Asia/Tokyo';
SET DateStyle = 'ISO, YMD';

-- every operator class of the extension passes amvalidate
SELECT opc.opcname, am.amname, amvalidate(opc.oid)
FROM pg_opclass opc
JOIN pg_am am ON am.oid = opc.opcmethod
JOIN pg_depend d ON d.classid = 'pg_opclass'::regclass AND d.objid = opc.oid
	AND d.deptype = 'e'
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'outage_window'
WHERE opc.opcname LIKE '%outage_window%'
ORDER BY 1;

-- constructor
SELECT outage_window('2025-02-01 22:00+09', '2025-02-02 00:30+09');
SELECT outage_window('2025-02-02 03:00+09', '2025-02-02 22:00+09', 'intermittent');
SELECT outage_window('2025-02-02 07:00+09', '2025-02-02 08:00+09', 'REGISTRATION_DELAY');
SELECT outage_window('-infinity', 'infinity');
SELECT outage_window('2025-02-01', '2025-02-02', NULL) IS NULL AS strict;
\set VERBOSITY default
SELECT outage_window('2025-02-02', '2025-02-01');
SELECT outage_window('2025-02-01', '2025-02-01');
SELECT outage_window('2025-02-01', '2025-02-02', 'planned');
\set VERBOSITY sqlstate

-- accessors
SELECT lower(w), upper(w), kind(w), duration(w)
FROM (VALUES ('[2025-02-01 22:00,2025-02-02 00:30) outage'::outage_window),
			 ('[2025-02-02 03:00,2025-02-02 22:00) intermittent'),
			 ('[2025-02-01,2025-02-03 01:00:00.5) registration_delay'),
			 ('[2025-02-01,infinity) outage'),
			 ('[-infinity,2025-02-01) outage'),
			 ('[2025-02-01,2025-02-01 00:00:00.000001) outage')) AS v(w);

-- casts to and from tstzrange
SELECT '[2025-02-01 22:00,2025-02-02 00:30) intermittent'::outage_window::tstzrange;
SELECT '[,)'::outage_window::tstzrange;
SELECT '[2025-02-01 13:00+00,2025-02-01 15:30+00)'::tstzrange::outage_window;
SELECT '(2025-02-01 13:00+00,2025-02-01 15:30+00]'::tstzrange::outage_window;
SELECT '(,)'::tstzrange::outage_window;
SELECT '[2025-02-01 13:00+00,)'::tstzrange::outage_window;
SELECT w::tstzrange::outage_window = w AS round_trip
FROM (VALUES ('[2025-02-01 22:00,2025-02-02 00:30) outage'::outage_window),
			 ('[-infinity,infinity) outage')) AS v(w);
\set VERBOSITY default
SELECT 'empty'::tstzrange::outage_window;
SELECT '(2025-02-01 00:00+00,2025-02-01 00:00:00.000001+00)'::tstzrange::outage_window;
\set VERBOSITY sqlstate

-- operators on edge cases
CREATE TEMP TABLE ow_edge (name text, w outage_window);
INSERT INTO ow_edge VALUES
	('a_b',   '[2025-02-01 00:00,2025-02-01 01:00) outage'),
	('b_c',   '[2025-02-01 01:00,2025-02-01 02:00) outage'),
	('a_c',   '[2025-02-01 00:00,2025-02-01 02:00) intermittent'),
	('a_b_i', '[2025-02-01 00:00,2025-02-01 01:00) intermittent'),
	('us',    '[2025-02-01 01:00,2025-02-01 01:00:00.000001) outage'),
	('left',  '[-infinity,2025-02-01 00:00) outage'),
	('right', '[2025-02-01 02:00,infinity) outage'),
	('all',   '[-infinity,infinity) registration_delay');

-- touching windows [a,b) and [b,c) do not overlap; containment and overlap ignore the kind
SELECT x.name, y.name,
	   x.w && y.w AS ov, x.w @> y.w AS ct, x.w <@ y.w AS cb,
	   x.w << y.w AS l, x.w >> y.w AS r,
	   x.w = y.w AS eq, x.w <> y.w AS ne, x.w < y.w AS lt, x.w <= y.w AS le,
	   x.w > y.w AS gt, x.w >= y.w AS ge
FROM ow_edge x, ow_edge y
ORDER BY x.name, y.name;

-- commutators agree with their operators
SELECT count(*) AS disagreements FROM ow_edge x, ow_edge y
WHERE (x.w && y.w) <> (y.w && x.w)
   OR (x.w @> y.w) <> (y.w <@ x.w)
   OR (x.w << y.w) <> (y.w >> x.w)
   OR (x.w < y.w) <> (y.w > x.w)
   OR (x.w <= y.w) <> (y.w >= x.w)
   OR (x.w = y.w) = (x.w <> y.w);

-- window contains instant: lower inclusive, upper exclusive
SELECT e.name, t,
	   e.w @> t AS contains, t <@ e.w AS contained
FROM ow_edge e,
	 (VALUES ('2025-02-01 00:00+09'::timestamptz), ('2025-02-01 01:00+09'),
			 ('2025-02-01 00:59:59.999999+09'), ('2025-02-01 01:00:00.000001+09'),
			 ('-infinity'), ('infinity')) AS p(t)
WHERE e.name IN ('a_b', 'us', 'left', 'right', 'all')
ORDER BY 1, 2;

-- && tstzrange in both directions, every bracket form
SELECT e.name, r,
	   e.w && r AS ov, r && e.w AS ov_c, e.w && r = (e.w::tstzrange && r) AS same_as_range
FROM ow_edge e,
	 (VALUES ('[2025-01-31 16:00+00,2025-01-31 16:00+00]'::tstzrange),
			 ('(2025-01-31 15:00+00,2025-01-31 16:00+00)'),
			 ('(2025-01-31 15:00+00,2025-01-31 16:00+00]'),
			 ('[2025-01-31 17:00+00,)'),
			 ('(,2025-01-31 15:00+00)'),
			 ('empty'),
			 ('(,)')) AS q(r)
WHERE e.name IN ('a_b', 'b_c', 'us', 'left', 'right')
ORDER BY 1, 2;

-- btree: ORDER BY lower, upper, kind; DISTINCT, GROUP BY; merge and hash joins
SELECT name, w FROM ow_edge ORDER BY w, name;
SELECT DISTINCT w FROM (SELECT w FROM ow_edge UNION ALL SELECT w FROM ow_edge) s ORDER BY w;
SELECT kind(w), count(*) FROM (SELECT w FROM ow_edge UNION ALL SELECT w FROM ow_edge) s
GROUP BY w ORDER BY w;
SET enable_hashjoin = off;
SET enable_nestloop = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM ow_edge x JOIN ow_edge y ON x.w = y.w;
SELECT count(*) FROM ow_edge x JOIN ow_edge y ON x.w = y.w;
RESET enable_hashjoin;
SET enable_mergejoin = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM ow_edge x JOIN ow_edge y ON x.w = y.w;
SELECT count(*) FROM ow_edge x JOIN ow_edge y ON x.w = y.w;
SET enable_hashagg = on;
SET enable_sort = off;
EXPLAIN (COSTS OFF) SELECT w, count(*) FROM ow_edge GROUP BY w;
RESET enable_mergejoin;
RESET enable_nestloop;
RESET enable_hashagg;
RESET enable_sort;

-- hashes depend on the fields only, and equal values hash equally
SELECT outage_window_hash('[2025-02-01 00:00,2025-02-01 01:00) outage')
	 = outage_window_hash('(2025-01-31 23:59:59.999999,2025-02-01 00:59:59.999999] OUTAGE') AS same_hash,
	   outage_window_hash_extended('[2025-02-01,2025-02-02)', 0)
	 = outage_window_hash_extended('[2025-02-01,2025-02-02)', 0) AS same_ext,
	   outage_window_hash_extended('[2025-02-01,2025-02-02)', 0)
	 <> outage_window_hash_extended('[2025-02-01,2025-02-02)', 1) AS seed_used,
	   outage_window_hash('[2025-02-01,2025-02-02) outage')
	 <> outage_window_hash('[2025-02-01,2025-02-02) intermittent') AS kind_hashed;
CREATE TEMP TABLE ow_hashed (w outage_window);
CREATE INDEX ON ow_hashed USING hash (w);
CREATE UNIQUE INDEX ON ow_hashed USING btree (w);
INSERT INTO ow_hashed SELECT w FROM ow_edge;
INSERT INTO ow_hashed VALUES ('(2025-01-31 23:59:59.999999,2025-02-01 00:59:59.999999] outage');
SET enable_seqscan = off;
SELECT count(*) FROM ow_hashed WHERE w = '[2025-02-01 00:00,2025-02-01 01:00) intermittent';
RESET enable_seqscan;

-- partitioning by hash uses the extended hash
CREATE TEMP TABLE ow_parts (w outage_window) PARTITION BY HASH (w);
CREATE TEMP TABLE ow_parts_0 PARTITION OF ow_parts FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TEMP TABLE ow_parts_1 PARTITION OF ow_parts FOR VALUES WITH (MODULUS 2, REMAINDER 1);
INSERT INTO ow_parts SELECT w FROM ow_edge;
SELECT count(*) FROM ow_parts;

-- the catalog labels promised in the documentation
SELECT p.proname, p.provolatile, p.proparallel, p.proisstrict
FROM pg_proc p
JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'outage_window'
WHERE (p.proname LIKE 'outage\_window%' OR p.proname LIKE 'gist\_outage\_window%'
	   OR (p.proname IN ('lower', 'upper', 'kind', 'duration', 'tstzrange')
		   AND 'outage_window'::regtype = ANY (p.proargtypes::oid[])))
  AND (p.provolatile <> 'i' OR p.proparallel <> 's' OR NOT p.proisstrict);
SELECT o.oprname, o.oprleft::regtype, o.oprright::regtype, o.oprcom <> 0 AS has_com,
	   o.oprnegate <> 0 AS has_neg, o.oprrest, o.oprjoin, o.oprcanhash, o.oprcanmerge
FROM pg_operator o
WHERE 'outage_window'::regtype IN (o.oprleft, o.oprright)
ORDER BY 1, 2, 3;
-- every user-visible object of the type carries a comment
SELECT kind, name FROM (
	SELECT 'function' AS kind, p.oid::regprocedure::text AS name,
		   obj_description(p.oid, 'pg_proc') AS c
	FROM pg_proc p
	WHERE 'outage_window'::regtype = ANY (p.proargtypes::oid[])
	   OR p.prorettype = 'outage_window'::regtype
	UNION ALL
	SELECT 'operator', o.oid::regoperator::text, obj_description(o.oid, 'pg_operator')
	FROM pg_operator o WHERE 'outage_window'::regtype IN (o.oprleft, o.oprright)
	UNION ALL
	SELECT 'opclass', c.opcname, obj_description(c.oid, 'pg_opclass')
	FROM pg_opclass c WHERE c.opcintype = 'outage_window'::regtype
	UNION ALL
	SELECT 'cast', c.castsource::regtype || ' -> ' || c.casttarget::regtype,
		   obj_description(c.oid, 'pg_cast')
	FROM pg_cast c WHERE 'outage_window'::regtype IN (c.castsource, c.casttarget)
	UNION ALL
	SELECT 'type', 'outage_window', obj_description('outage_window'::regtype, 'pg_type')
) s
WHERE c IS NULL
ORDER BY 1, 2;
