--
-- outage_window: the GiST operator class gives the same answers as a
-- sequential scan, for every operator, on 100k random windows
--
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS outage_window;
RESET client_min_messages;
SET TimeZone = 'Asia/Tokyo';
SET DateStyle = 'ISO, YMD';

SELECT setseed(0.2025);
CREATE TABLE ow_gist_data AS
SELECT i AS id,
	   outage_window(lo, lo + (random() * 6 * 3600 + 1) * interval '1 second'
						 + (i % 7) * interval '1 microsecond',
					 (ARRAY['outage', 'intermittent', 'registration_delay'])[1 + i % 3]) AS w
FROM (SELECT i, '2025-01-01 00:00+09'::timestamptz
				+ (random() * 60 * 86400) * interval '1 second' AS lo
	  FROM generate_series(1, 100000) AS i) AS s;
-- duplicates, unbounded, touching and one-microsecond windows
INSERT INTO ow_gist_data
SELECT 100000 + id, w FROM ow_gist_data WHERE id <= 200;
INSERT INTO ow_gist_data VALUES
	(200001, '[-infinity,2025-01-02) outage'),
	(200002, '[2025-02-28,infinity) intermittent'),
	(200003, '[-infinity,infinity) registration_delay'),
	(200004, '[2025-02-01 22:00,2025-02-02 00:30) outage'),
	(200005, '[2025-02-02 00:30,2025-02-02 03:00) intermittent'),
	(200006, '[2025-02-02 03:00,2025-02-02 22:00) intermittent'),
	(200007, '[2025-02-02 00:30,2025-02-02 00:30:00.000001) outage');
ANALYZE ow_gist_data;

CREATE TABLE ow_gist_q AS
SELECT i AS qid,
	   outage_window(lo, lo + (random() * 12 * 3600 + 1) * interval '1 second') AS w,
	   lo + random() * interval '3 hours' AS t
FROM (SELECT i, '2024-12-25 00:00+09'::timestamptz
				+ (random() * 70 * 86400) * interval '1 second' AS lo
	  FROM generate_series(1, 25) AS i) AS s;
INSERT INTO ow_gist_q
SELECT 100 + id, w, lower(w) FROM ow_gist_data
WHERE id IN (17, 4242, 99999, 200004, 200005, 200007);
INSERT INTO ow_gist_q VALUES
	(200, '[-infinity,2025-01-01 12:00) outage', '-infinity'),
	(201, '[2025-02-27 12:00,infinity) outage', 'infinity'),
	(202, '[2025-02-02 00:30,2025-02-02 00:30:00.000001) outage', '2025-02-02 00:30'),
	(203, '[2025-02-02 00:29:59.999999,2025-02-02 00:30) outage', '2025-02-02 00:29:59.999999');

-- one result row per (operator, query): the matching count and a checksum
CREATE FUNCTION ow_gist_results() RETURNS TABLE (op text, qid int, n bigint, idsum numeric)
LANGUAGE sql AS $$
	SELECT '&&', q.qid, count(d.id), sum(d.id) FROM ow_gist_q q JOIN ow_gist_data d ON d.w && q.w GROUP BY 1, 2
	UNION ALL
	SELECT '@>', q.qid, count(d.id), sum(d.id) FROM ow_gist_q q JOIN ow_gist_data d ON d.w @> q.w GROUP BY 1, 2
	UNION ALL
	SELECT '<@', q.qid, count(d.id), sum(d.id) FROM ow_gist_q q JOIN ow_gist_data d ON d.w <@ q.w GROUP BY 1, 2
	UNION ALL
	SELECT '<<', q.qid, count(d.id), sum(d.id) FROM ow_gist_q q JOIN ow_gist_data d ON d.w << q.w GROUP BY 1, 2
	UNION ALL
	SELECT '>>', q.qid, count(d.id), sum(d.id) FROM ow_gist_q q JOIN ow_gist_data d ON d.w >> q.w GROUP BY 1, 2
	UNION ALL
	SELECT '=', q.qid, count(d.id), sum(d.id) FROM ow_gist_q q JOIN ow_gist_data d ON d.w = q.w GROUP BY 1, 2
	UNION ALL
	SELECT '@> ts', q.qid, count(d.id), sum(d.id) FROM ow_gist_q q JOIN ow_gist_data d ON d.w @> q.t GROUP BY 1, 2
	UNION ALL
	SELECT 'ts <@', q.qid, count(d.id), sum(d.id) FROM ow_gist_q q JOIN ow_gist_data d ON q.t <@ d.w GROUP BY 1, 2
	UNION ALL
	SELECT '&& range', q.qid, count(d.id), sum(d.id) FROM ow_gist_q q JOIN ow_gist_data d ON d.w && q.w::tstzrange GROUP BY 1, 2
	UNION ALL
	SELECT 'range &&', q.qid, count(d.id), sum(d.id) FROM ow_gist_q q JOIN ow_gist_data d
		ON tstzrange(lower(q.w), upper(q.w), '(]') && d.w GROUP BY 1, 2
$$;

SET enable_indexscan = off;
SET enable_bitmapscan = off;
CREATE TABLE ow_gist_seq AS SELECT * FROM ow_gist_results();
RESET enable_indexscan;
RESET enable_bitmapscan;

-- a sanity check that the queries are not trivially empty
SELECT op, count(*) AS queries, sum(n) AS matches FROM ow_gist_seq GROUP BY op ORDER BY op;

CREATE INDEX ow_gist_data_w ON ow_gist_data USING gist (w);
ANALYZE ow_gist_data;
SET enable_seqscan = off;

-- plain index scans
SET enable_bitmapscan = off;
-- PostgreSQL 18 marks the scan of the unindexed ow_gist_q "Disabled: true"
-- (enable_seqscan is off); the plan is printed without that line.
CREATE FUNCTION pg_temp.explain_enabled(query text) RETURNS SETOF text
LANGUAGE plpgsql AS $$
DECLARE
	ln text;
BEGIN
	FOR ln IN EXECUTE 'EXPLAIN (COSTS OFF) ' || query LOOP
		CONTINUE WHEN ln ~ '^\s*Disabled: true$';
		RETURN NEXT ln;
	END LOOP;
END
$$;
SELECT pg_temp.explain_enabled($q$
SELECT count(*) FROM ow_gist_q q JOIN ow_gist_data d ON d.w && q.w
$q$) AS "QUERY PLAN";
EXPLAIN (COSTS OFF)
SELECT count(*) FROM ow_gist_data d WHERE d.w @> '2025-02-01 23:00+09'::timestamptz;
EXPLAIN (COSTS OFF)
SELECT count(*) FROM ow_gist_data d WHERE d.w && '[2025-02-01,2025-02-02)'::tstzrange;
EXPLAIN (COSTS OFF)
SELECT count(*) FROM ow_gist_data d WHERE '[2025-02-01,2025-02-02)'::tstzrange && d.w;
EXPLAIN (COSTS OFF)
SELECT count(*) FROM ow_gist_data d WHERE '2025-02-01 23:00+09'::timestamptz <@ d.w;
CREATE TABLE ow_gist_idx AS SELECT * FROM ow_gist_results();
SELECT count(*) AS only_seq FROM (SELECT * FROM ow_gist_seq EXCEPT SELECT * FROM ow_gist_idx) s;
SELECT count(*) AS only_idx FROM (SELECT * FROM ow_gist_idx EXCEPT SELECT * FROM ow_gist_seq) s;

-- bitmap scans
RESET enable_bitmapscan;
SET enable_indexscan = off;
EXPLAIN (COSTS OFF)
SELECT count(*) FROM ow_gist_data d WHERE d.w <@ '[2025-02-01,2025-02-03)'::outage_window;
DROP TABLE ow_gist_idx;
CREATE TABLE ow_gist_idx AS SELECT * FROM ow_gist_results();
SELECT count(*) AS only_seq FROM (SELECT * FROM ow_gist_seq EXCEPT SELECT * FROM ow_gist_idx) s;
SELECT count(*) AS only_idx FROM (SELECT * FROM ow_gist_idx EXCEPT SELECT * FROM ow_gist_seq) s;

-- index-only scans return the stored windows unchanged
RESET enable_indexscan;
SET enable_bitmapscan = off;
VACUUM ANALYZE ow_gist_data;
EXPLAIN (COSTS OFF)
SELECT w FROM ow_gist_data WHERE w && '[2025-02-01 22:00,2025-02-02 00:30)'::outage_window;
SELECT count(*) AS ios_rows,
	   count(*) FILTER (WHERE w IN (SELECT w FROM ow_gist_data WHERE id = 200004)) AS known
FROM ow_gist_data WHERE w && '[2025-02-01 22:00,2025-02-02 00:30)'::outage_window;
RESET enable_seqscan;
RESET enable_bitmapscan;

DROP FUNCTION ow_gist_results();
DROP TABLE ow_gist_data, ow_gist_q, ow_gist_seq, ow_gist_idx;

-- an exclusion constraint refuses overlapping windows in the same area
-- (btree_gist is removed again afterwards if this file created it, so that
-- suites running later in the same database start from the same state)
SELECT NOT EXISTS (SELECT FROM pg_extension WHERE extname = 'btree_gist') AS ow_own_btree_gist \gset
CREATE EXTENSION IF NOT EXISTS btree_gist;
CREATE TABLE ow_schedule (
	area text NOT NULL,
	period outage_window NOT NULL,
	EXCLUDE USING gist (area WITH =, period WITH &&)
);
INSERT INTO ow_schedule VALUES
	('East', '[2025-02-01 22:00,2025-02-02 00:30) outage'),
	('East', '[2025-02-02 03:00,2025-02-02 22:00) intermittent'),
	('West', '[2025-02-02 07:00,2025-02-02 08:00) intermittent'),
	-- touching is not overlapping
	('East', '[2025-02-02 00:30,2025-02-02 03:00) registration_delay');
\set VERBOSITY sqlstate
INSERT INTO ow_schedule VALUES ('East', '[2025-02-02 21:59:59.999999,2025-02-02 23:00) outage');
INSERT INTO ow_schedule VALUES ('West', '[2025-02-02 07:30,2025-02-02 07:31) registration_delay');
\set VERBOSITY default
SELECT area, period FROM ow_schedule ORDER BY area, period;
DROP TABLE ow_schedule;
\if :ow_own_btree_gist
DROP EXTENSION btree_gist;
\endif
