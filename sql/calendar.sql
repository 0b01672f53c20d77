--
-- outage_calendar: the schedule as one value, and the eligibility functions
-- that take one instead of reading the tables.
--
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS outage_window;
RESET client_min_messages;
SET DateStyle = 'Postgres, MDY';  -- the style the expected output prints
\set SHOW_CONTEXT never
SET TimeZone = 'UTC';

-- The seeded schedule as a calendar: readable, canonical, and the same
-- value whether taken from the tables or aggregated from their rows.
SELECT current_outage_calendar();
SELECT current_outage_calendar() = (SELECT outage_calendar(area, period) FROM outage_schedule) AS aggregate_equals_current,
	   current_outage_calendar()::text::outage_calendar = current_outage_calendar() AS text_round_trip;

-- The three-argument forms give the two-argument answers: every prefecture,
-- at every seeded window boundary, one microsecond either side, and noon
-- and midnight of the days around, in every overload, under four zones.
SELECT current_outage_calendar() AS cal \gset
CREATE TEMP TABLE probe AS
SELECT p::prefecture AS pref, t
FROM generate_series(1, 47) AS p,
	 (SELECT DISTINCT b + d AS t
	  FROM outage_schedule,
		   unnest(ARRAY[lower(period), upper(period)]) AS b,
		   unnest(ARRAY[interval '-1 microsecond', interval '0', interval '1 microsecond']) AS d
	  UNION
	  SELECT timestamptz '2025-01-31 00:00+09' + h * interval '6 hours'
	  FROM generate_series(0, 16) AS h) AS times;
CREATE FUNCTION calendar_mismatches(tz text, cal outage_calendar) RETURNS TABLE (
	zone text, probes bigint, affected bigint, wrong bigint)
LANGUAGE plpgsql AS $$
BEGIN
	PERFORM set_config('TimeZone', tz, true);
	RETURN QUERY
	SELECT tz, count(*), count(*) FILTER (WHERE is_eligibility_affected(pref, t)),
		   count(*) FILTER (WHERE
				is_eligibility_affected(pref, t, cal) IS DISTINCT FROM is_eligibility_affected(pref, t)
			 OR eligibility_impact(pref, t, cal) IS DISTINCT FROM eligibility_impact(pref, t)
			 OR is_eligibility_affected(pref, t AT TIME ZONE 'Asia/Tokyo', cal) IS DISTINCT FROM is_eligibility_affected(pref, t)
			 OR eligibility_impact(pref, t AT TIME ZONE 'Asia/Tokyo', cal) IS DISTINCT FROM eligibility_impact(pref, t)
			 OR is_eligibility_affected(pref::text, t, cal) IS DISTINCT FROM is_eligibility_affected(pref, t)
			 OR eligibility_impact(prefecture_name_en(pref), t AT TIME ZONE 'Asia/Tokyo', cal) IS DISTINCT FROM eligibility_impact(pref, t))
	FROM probe;
END;
$$;
SELECT m.* FROM unnest(ARRAY['UTC', 'Asia/Tokyo', 'America/Los_Angeles', 'Pacific/Chatham']) AS z,
	 calendar_mismatches(z, :'cal') AS m;

-- A stored calendar keeps its answers after the schedule changes; the
-- current one follows the change.
CREATE TEMP TABLE audit (taken text, cal outage_calendar);
INSERT INTO audit VALUES ('before', current_outage_calendar());
BEGIN;
INSERT INTO outage_schedule (area, period, note) VALUES
	('west', outage_window('2025-02-02 12:00+09', '2025-02-02 13:00+09', 'outage'), 'calendar test');
SELECT a.taken, is_eligibility_affected('大阪府'::prefecture, timestamptz '2025-02-02 12:30+09', a.cal) AS stored,
	   is_eligibility_affected('大阪府'::prefecture, timestamptz '2025-02-02 12:30+09', current_outage_calendar()) AS current,
	   a.cal = current_outage_calendar() AS unchanged
FROM audit a;
-- They read no table: with every window deleted, the stored calendar still
-- answers as before, while the tables now say nothing is affected.
DELETE FROM outage_schedule;
SELECT is_eligibility_affected('東京都'::prefecture, timestamptz '2025-02-01 23:00+09', (SELECT cal FROM audit)) AS from_calendar,
	   is_eligibility_affected('東京都'::prefecture, timestamptz '2025-02-01 23:00+09') AS from_tables,
	   current_outage_calendar() AS emptied;
ROLLBACK;

-- ... nor need any privilege on the tables.
CREATE ROLE ow_worker;
BEGIN;
REVOKE SELECT ON outage_schedule, prefecture_area FROM PUBLIC;
SET LOCAL ROLE ow_worker;
SELECT is_eligibility_affected('東京都'::prefecture, timestamptz '2025-02-01 23:00+09', :'cal') AS with_calendar;
\set VERBOSITY sqlstate
SELECT is_eligibility_affected('東京都'::prefecture, timestamptz '2025-02-01 23:00+09') AS from_tables;
\set VERBOSITY default
ROLLBACK;
DROP ROLE ow_worker;

-- What-if: every window widened by 30 minutes on each side.
SELECT t,
	   is_eligibility_affected('東京都'::prefecture, t) AS as_noticed,
	   is_eligibility_affected('東京都'::prefecture, t, w.cal) AS with_margins
FROM (SELECT outage_calendar(area, outage_window(lower(period) - interval '30 minutes',
												 upper(period) + interval '30 minutes',
												 kind(period))) AS cal
	  FROM outage_schedule) AS w,
	 unnest(ARRAY['2025-02-01 21:29:59+09', '2025-02-01 21:30:00+09',
				  '2025-02-02 00:59:59+09', '2025-02-02 01:00:00+09']::timestamptz[]) AS t;
SELECT outage_calendar(area, period) IS NULL AS no_rows_no_calendar
FROM outage_schedule WHERE false;

-- Text form: areas sorted, quoted, codes ascending, windows merged and
-- sorted, nationwide last; overlaps resolved to the most severe kind.
SELECT '{ "west" (47, 16): [2025-03-01 10:00, 2025-03-01 12:00) intermittent,
		  [2025-03-01 11:00, 2025-03-01 11:30) outage ;
		  *: (2025-03-02 00:00+09, 2025-03-02 01:00+09] registration_delay;
		  "we\"ird\\name"(1) : }'::outage_calendar;
SELECT '{}'::outage_calendar AS empty, '{*:}'::outage_calendar = '{}'::outage_calendar AS same_empty;
SELECT is_eligibility_affected('沖縄県'::prefecture, now(), '{}') AS nothing_in_an_empty_calendar;

-- Bad literals are refused with 22P02 (22007/22008 for bad timestamps).
\set VERBOSITY sqlstate
SELECT 'east: []'::outage_calendar;
SELECT '{"east"(1): [2025-02-01 22:00+09,2025-02-02 00:30+09) outage'::outage_calendar;
SELECT '{"east"(1): [2025-02-01 22:00+09,2025-02-02 00:30+09) outage} x'::outage_calendar;
SELECT '{"east"(48): }'::outage_calendar;
SELECT '{"east"(0): }'::outage_calendar;
SELECT '{"east"(1,1): }'::outage_calendar;
SELECT '{"east"(1); "west"(1): }'::outage_calendar;
SELECT '{"east"(1): ; "east"(2): }'::outage_calendar;
SELECT '{""(1): }'::outage_calendar;
SELECT '{"east"(1) [2025-02-01,2025-02-02) outage}'::outage_calendar;
SELECT '{"east"(1): [2025-02-01,2025-02-02) flood}'::outage_calendar;
SELECT '{"east"(1): [2025-02-02,2025-02-01) outage}'::outage_calendar;
SELECT '{"east"(1): [2025-02-31,2025-03-01) outage}'::outage_calendar;
SELECT '{"east"(1): [2025-02-01,2025-03-01 outage}'::outage_calendar;
SELECT '{east(1): }'::outage_calendar;
SELECT '{"east"(1a): }'::outage_calendar;
SELECT '{"east"(1): x}'::outage_calendar;
\set VERBOSITY default
SELECT '{"east"(1): [2025-02-01,2025-02-02) flood}'::outage_calendar;
SELECT '{"east"(1,2 3): }'::outage_calendar;
-- found by fuzz/calendar_parse_fuzz.c: a name ending in a backslash once
-- reported a position past the end of the input
SELECT '{"east\'::outage_calendar;

-- Binary COPY round trip, and equality, hashing and grouping.
CREATE TEMP TABLE calendars (c outage_calendar);
INSERT INTO calendars VALUES (current_outage_calendar()), ('{}'),
	('{"west"(47): [2025-03-01 10:00,2025-03-01 12:00) outage; *: [2025-03-02 00:00,2025-03-02 01:00) intermittent}');
SELECT current_setting('data_directory') || '/outage_window_regress_calendar.bin' AS calendar_file \gset
COPY calendars TO :'calendar_file' (FORMAT binary);
CREATE TEMP TABLE calendars_copy (c outage_calendar);
COPY calendars_copy FROM :'calendar_file' (FORMAT binary);
SELECT count(*) AS copied, count(*) FILTER (WHERE EXISTS (SELECT FROM calendars c WHERE c.c = k.c)) AS equal
FROM calendars_copy k;
SET enable_hashagg = on;
SELECT count(*) AS distinct_calendars FROM (SELECT DISTINCT c FROM (SELECT c FROM calendars UNION ALL SELECT c FROM calendars_copy) u) d;
SELECT count(*) AS groups FROM (SELECT c, count(*) FROM (SELECT c FROM calendars UNION ALL SELECT c FROM calendars_copy) u GROUP BY c) g;
SELECT opcname, amvalidate(oid) FROM pg_opclass WHERE opcname = 'hash_outage_calendar_ops';
-- The btree class: sorted grouping and DISTINCT agree with equality, a
-- btree index (what a Citus distribution column or a unique key needs)
-- finds a calendar, and the order is total and antisymmetric.
SET enable_hashagg = off;
SELECT count(*) AS sorted_distinct FROM (SELECT DISTINCT c FROM (SELECT c FROM calendars UNION ALL SELECT c FROM calendars_copy) u) d;
SELECT count(*) AS sorted_groups FROM (SELECT c, count(*) FROM (SELECT c FROM calendars UNION ALL SELECT c FROM calendars_copy) u GROUP BY c) g;
RESET enable_hashagg;
CREATE TEMP TABLE calendars_unique (c outage_calendar PRIMARY KEY);
INSERT INTO calendars_unique SELECT c FROM calendars;
INSERT INTO calendars_unique SELECT c FROM calendars_copy LIMIT 1;
SET enable_seqscan = off;
SELECT count(*) AS found_by_index FROM calendars_unique WHERE c = current_outage_calendar();
RESET enable_seqscan;
SELECT count(*) FILTER (WHERE (a.c < b.c)::int + (a.c = b.c)::int + (a.c > b.c)::int <> 1) AS not_exactly_one,
	   count(*) FILTER (WHERE (a.c < b.c) <> (b.c > a.c) OR (a.c <= b.c) <> NOT (a.c > b.c)
							 OR sign(outage_calendar_cmp(a.c, b.c)) <> -sign(outage_calendar_cmp(b.c, a.c))) AS inconsistent
FROM calendars a, calendars_copy b;
SELECT opcname, amvalidate(oid) FROM pg_opclass WHERE opcname = 'btree_outage_calendar_ops';
-- A calendar without facilities and guidance is the value 1.0 stored, byte
-- for byte: the hashes below are what outage_window 1.0 computed for these
-- values (built at commit 3cd4a85), so a hash index, a hash partition or a
-- Citus distribution built under 1.0 still finds them, and the binary form
-- is what 1.0 sent.
CREATE TEMP TABLE calendars_1_0 (c outage_calendar, hash int4, hash0 int8, hash42 int8, sent bytea);
INSERT INTO calendars_1_0 VALUES
	('{}', 1915302756, -1796254410462383260, 1188129869706386676, '\x0001000000000000'),
	('{"east"(13,14): [2025-02-01 21:00:00+09,2025-02-02 03:00:00+09) outage; "west"(27): [2025-02-01 22:00:00+09,2025-02-01 23:00:00+09) registration_delay; *: [2025-03-01 00:00:00+09,2025-03-01 02:00:00+09) intermittent}',
	 -1630287457, 4615444340814367135, 4861766779740665576,
	 '\x0001000200000004656173740002000d000e000000010002d0122ad4d0000002d017324aa8000000000300000004776573740001001b000000010002d013016874000002d013d7fc180000000001000000010002d233d446dc000002d235816e240000000002');
SELECT outage_calendar_hash(c) = hash AS hash_as_1_0,
	   outage_calendar_hash_extended(c, 0) = hash0 AND outage_calendar_hash_extended(c, 42) = hash42 AS extended_as_1_0,
	   outage_calendar_send(c) = sent AS sent_as_1_0
FROM calendars_1_0;

-- With a btree index on the visit time, the planner bounds the scan by the
-- calendar argument, and answers stay the same as without the index.
CREATE TEMP TABLE visits AS
SELECT g AS id, (g % 47 + 1)::prefecture AS pref,
	   timestamptz '2025-01-31 00:00+09' + g * interval '37 seconds' AS at
FROM generate_series(1, 20000) AS g;
CREATE INDEX ON visits (at);
ANALYZE visits;
SET enable_seqscan = off;
-- PostgreSQL 17 names an InitPlan's value (InitPlan 1).col1 where 14-16
-- print $0: the plan is printed the 17 way on every version.
CREATE FUNCTION pg_temp.explain_initplan(query text) RETURNS SETOF text
LANGUAGE plpgsql AS $$
DECLARE
	ln text;
	m text[];
BEGIN
	-- PostgreSQL 17's way of naming an initPlan's output, on every version
	FOR ln IN EXECUTE 'EXPLAIN (COSTS OFF) ' || query LOOP
		ln := regexp_replace(ln, 'InitPlan (\d+) \(returns \$\d+\)', 'InitPlan \1', 'g');
		FOR m IN SELECT regexp_matches(ln, '\$(\d+)', 'g') LOOP
			ln := regexp_replace(ln, '\$' || m[1] || '(?!\d)',
								 '(InitPlan ' || (m[1]::int + 1) || ').col1', 'g');
		END LOOP;
		RETURN NEXT ln;
	END LOOP;
END
$$;
SELECT pg_temp.explain_initplan($q$
SELECT count(*) FROM visits WHERE is_eligibility_affected(pref, at, (SELECT current_outage_calendar()))
$q$) AS "QUERY PLAN";
SELECT count(*) AS indexed FROM visits WHERE is_eligibility_affected(pref, at, (SELECT current_outage_calendar()));
RESET enable_seqscan;
SET enable_indexscan = off;
SET enable_bitmapscan = off;
SELECT count(*) AS scanned FROM visits WHERE is_eligibility_affected(pref, at, (SELECT current_outage_calendar()));
SELECT count(*) AS two_argument FROM visits WHERE is_eligibility_affected(pref, at);
RESET enable_indexscan;
RESET enable_bitmapscan;

-- Binary input is validated like text input: hand-made payloads smuggled
-- through a bytea column into a binary COPY.
CREATE TEMP TABLE cal_raw (b bytea);
CREATE FUNCTION pg_temp.cal_try_recv(payload bytea) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
	result text;
BEGIN
	TRUNCATE cal_raw;
	INSERT INTO cal_raw VALUES (payload);
	EXECUTE format('COPY cal_raw TO %L (FORMAT binary)', current_setting('data_directory') || '/outage_window_regress_calraw.bin');
	TRUNCATE calendars_copy;
	EXECUTE format('COPY calendars_copy FROM %L (FORMAT binary)', current_setting('data_directory') || '/outage_window_regress_calraw.bin');
	SELECT c::text INTO result FROM calendars_copy;
	RETURN result;
EXCEPTION WHEN OTHERS THEN
	RETURN SQLSTATE || ': ' || SQLERRM;
END
$$;
-- valid: one area "a" with prefecture 13 and one outage, no nationwide window
SELECT pg_temp.cal_try_recv(int2send(1::int2) || int2send(1::int2)
	|| int4send(1) || 'a'::bytea || int2send(1::int2) || int2send(13::int2)
	|| int4send(1) || int8send(0) || int8send(3600000000) || int4send(3)
	|| int4send(0));
-- outage_calendar_send sends that calendar (no facilities, no guidance of
-- its own) in version 1, as 1.0 did; with a facility, in version 2
SELECT outage_calendar_send('{"a"(13): [2000-01-01 09:00+09,2000-01-01 10:00+09) outage}')
	 = int2send(1::int2) || int2send(1::int2)
	|| int4send(1) || 'a'::bytea || int2send(1::int2) || int2send(13::int2)
	|| int4send(1) || int8send(0) || int8send(3600000000) || int4send(3)
	|| int4send(0) AS send_matches;
SELECT outage_calendar_send('{"a"(13; 1311234567): [2000-01-01 09:00+09,2000-01-01 10:00+09) outage}')
	 = int2send(2::int2) || int2send(1::int2)
	|| int4send(1) || 'a'::bytea || int2send(1::int2) || int2send(13::int2)
	|| int4send(1) || int8send(1311234567)
	|| int4send(1) || int8send(0) || int8send(3600000000) || int4send(3) || int4send(-1)
	|| int4send(0) AS send_matches;
SELECT pg_temp.cal_try_recv(outage_calendar_send('{"a"(13; 1311234567): [2000-01-01 09:00+09,2000-01-01 10:00+09) outage "call the help desk"}'));
-- unknown version, prefecture 48, prefecture twice, kind 4, lower >= upper,
-- a window count larger than the data, truncated data, trailing bytes
SELECT pg_temp.cal_try_recv(int2send(3::int2) || int2send(0::int2) || int4send(0));
SELECT pg_temp.cal_try_recv(int2send(1::int2) || int2send(1::int2)
	|| int4send(1) || 'a'::bytea || int2send(1::int2) || int2send(48::int2) || int4send(0) || int4send(0));
SELECT pg_temp.cal_try_recv(int2send(1::int2) || int2send(1::int2)
	|| int4send(1) || 'a'::bytea || int2send(2::int2) || int2send(13::int2) || int2send(13::int2) || int4send(0) || int4send(0));
SELECT pg_temp.cal_try_recv(int2send(1::int2) || int2send(0::int2)
	|| int4send(1) || int8send(0) || int8send(3600000000) || int4send(4));
SELECT pg_temp.cal_try_recv(int2send(1::int2) || int2send(0::int2)
	|| int4send(1) || int8send(3600000000) || int8send(0) || int4send(3));
SELECT pg_temp.cal_try_recv(int2send(1::int2) || int2send(0::int2) || int4send(1000000));
SELECT pg_temp.cal_try_recv(int2send(1::int2) || int2send(0::int2) || int4send(1) || int8send(0));
SELECT pg_temp.cal_try_recv(int2send(1::int2) || int2send(0::int2) || int4send(0) || '\x00'::bytea);

-- Lookups against plain SQL over the windows, for a calendar whose areas
-- are merged with the nationwide windows (east) and one whose area is
-- kept apart to bound the compiled size (west: merging both would pass
-- twice the calendar's segments), at every boundary and either side.
CREATE TEMP TABLE mix (area text, period outage_window);
INSERT INTO mix
SELECT NULL, outage_window(timestamptz '2030-01-01 00:00+09' + g * interval '3 hours',
						   timestamptz '2030-01-01 01:00+09' + g * interval '3 hours',
						   (ARRAY['registration_delay', 'intermittent', 'outage'])[g % 3 + 1])
FROM generate_series(0, 99) AS g
UNION ALL
SELECT a, outage_window(timestamptz '2030-01-01 00:30+09' + g * interval '29 hours',
						timestamptz '2030-01-01 02:30+09' + g * interval '29 hours',
						(ARRAY['outage', 'registration_delay', 'intermittent'])[g % 3 + 1])
FROM generate_series(0, 9) AS g, unnest(ARRAY['east', 'west']) AS a;
SELECT outage_calendar(area, period) AS mixcal FROM mix \gset
SELECT count(*) AS probes,
	   count(*) FILTER (WHERE eligibility_impact(pa.prefecture, t, :'mixcal')::text
						IS DISTINCT FROM coalesce((SELECT max(kind(m.period)::eligibility_impact)::text
												   FROM mix m
												   WHERE (m.area IS NULL OR m.area = pa.area)
													 AND t >= lower(m.period) AND t < upper(m.period)), 'none')) AS wrong
FROM prefecture_area pa,
	 (SELECT DISTINCT b + d AS t
	  FROM mix, unnest(ARRAY[lower(period), upper(period)]) AS b,
		   unnest(ARRAY[interval '-1 microsecond', interval '0']) AS d) AS times;

-- Limits (doc/hardening.md, "Limits"): oversized calendars are refused
-- with 54000 as they are read, by every input; just under a limit works.
-- Text: at most 32 MB.
SELECT ('{' || repeat(' ', 32 * 1024 * 1024 - 2) || '}')::outage_calendar AS longest_text;
SELECT ('{' || repeat(' ', 32 * 1024 * 1024 - 1) || '}')::outage_calendar;
-- At most 254 areas, by text, aggregate and binary input.
SELECT ('{' || string_agg(format('"a%s"():', g), '; ') || '}')::outage_calendar IS NOT NULL AS areas_254
FROM generate_series(1, 254) AS g;
SELECT ('{' || string_agg(format('"a%s"():', g), '; ') || '}')::outage_calendar IS NOT NULL
FROM generate_series(1, 255) AS g;
\set VERBOSITY sqlstate
SELECT outage_calendar('a' || g, outage_window('2030-01-01', '2030-01-02', 'outage')) IS NOT NULL
FROM generate_series(1, 255) AS g;
\set VERBOSITY default
SELECT pg_temp.cal_try_recv(int2send(1::int2) || int2send(255::int2));
-- Area names of at most 1024 bytes.
SELECT ('{"' || repeat('x', 1024) || '"(13): }')::outage_calendar IS NOT NULL AS name_1024;
SELECT ('{"' || repeat('x', 1025) || '"(13): }')::outage_calendar;
\set VERBOSITY sqlstate
SELECT outage_calendar(repeat('x', 1025), outage_window('2030-01-01', '2030-01-02', 'outage'));
\set VERBOSITY default
-- At most 100000 windows, by text, aggregate and binary input.
SELECT length(('{*: ' || string_agg(format('[%s,%s) outage', t, t + interval '1 hour'), ', ') || '}')::outage_calendar::text) AS windows_100000
FROM generate_series(timestamptz '2030-01-01 00:00+09', timestamptz '2030-01-01 00:00+09' + 99999 * interval '2 hours', interval '2 hours') AS t;
SELECT ('{*: ' || string_agg(format('[%s,%s) outage', t, t + interval '1 hour'), ', ') || '}')::outage_calendar IS NOT NULL
FROM generate_series(timestamptz '2030-01-01 00:00+09', timestamptz '2030-01-01 00:00+09' + 100000 * interval '2 hours', interval '2 hours') AS t;
\set VERBOSITY sqlstate
SELECT outage_calendar(NULL, outage_window(t, t + interval '1 hour', 'outage')) IS NOT NULL
FROM generate_series(timestamptz '2030-01-01 00:00+09', timestamptz '2030-01-01 00:00+09' + 100000 * interval '2 hours', interval '2 hours') AS t;
\set VERBOSITY default
SELECT pg_temp.cal_try_recv(int2send(1::int2) || int2send(0::int2) || int4send(100001)
	|| (SELECT string_agg(int8send(g * 7200000000) || int8send(g * 7200000000 + 3600000000) || int4send(3), ''::bytea)
		FROM generate_series(0, 100000) AS g));
-- At most 100000 segments: one long intermittent window broken by k
-- outages is 2k + 1 segments.  The largest calendar compiles and answers.
CREATE TEMP TABLE segs AS
SELECT NULL::text AS area, outage_window('2030-01-01 00:00+09', '2045-01-01 00:00+09', 'intermittent') AS period
UNION ALL
SELECT NULL, outage_window(timestamptz '2030-01-01 01:00+09' + g * interval '2 hours',
						   timestamptz '2030-01-01 02:00+09' + g * interval '2 hours', 'outage')
FROM generate_series(0, 49998) AS g
UNION ALL
SELECT 'east', outage_window('2050-01-01', '2050-01-02', 'outage');
SELECT outage_calendar(area, period) AS bigcal FROM segs \gset
SELECT length(:'bigcal') AS segments_100000_text,
	   eligibility_impact('東京都'::prefecture, timestamptz '2030-01-01 01:30+09', :'bigcal') AS in_an_outage,
	   eligibility_impact('大阪府'::prefecture, timestamptz '2030-01-01 02:30+09', :'bigcal') AS between_outages,
	   eligibility_impact('東京都'::prefecture, timestamptz '2050-01-01 12:00+09', :'bigcal') AS east_only,
	   eligibility_impact('大阪府'::prefecture, timestamptz '2050-01-01 12:00+09', :'bigcal') AS not_west;
INSERT INTO segs VALUES ('west', outage_window('2050-01-01', '2050-01-02', 'outage'));
SELECT outage_calendar(area, period) IS NOT NULL FROM segs;

-- Text I/O depends on no setting: the text of a calendar is the same under
-- every DateStyle and TimeZone and reads back to the same value; a literal
-- reads the same under all of them, and one whose dates DateStyle decides
-- is refused under all of them.
CREATE FUNCTION pg_temp.cal_read(literal text, ds text, tz text) RETURNS text
LANGUAGE plpgsql AS $$
BEGIN
	PERFORM set_config('DateStyle', ds, true);
	PERFORM set_config('TimeZone', tz, true);
	RETURN literal::outage_calendar::text;
EXCEPTION WHEN OTHERS THEN
	RETURN SQLSTATE;
END
$$;
CREATE FUNCTION pg_temp.cal_print(cal outage_calendar, ds text, tz text) RETURNS text
LANGUAGE plpgsql AS $$
BEGIN
	PERFORM set_config('DateStyle', ds, true);
	PERFORM set_config('TimeZone', tz, true);
	IF cal::text::outage_calendar IS DISTINCT FROM cal THEN
		RAISE EXCEPTION 'round trip differs under % / %', ds, tz;
	END IF;
	RETURN cal::text;
END
$$;
CREATE TEMP TABLE cal_settings AS
SELECT style || ', ' || ord AS ds, tz
FROM unnest(ARRAY['ISO', 'SQL', 'German', 'Postgres']) AS style,
	 unnest(ARRAY['MDY', 'DMY', 'YMD']) AS ord,
	 unnest(ARRAY['UTC', 'Asia/Tokyo', 'America/Los_Angeles', 'Pacific/Chatham']) AS tz;
SELECT count(DISTINCT pg_temp.cal_print(c, ds, tz)) AS texts, count(*) AS printed
FROM calendars, cal_settings;
SELECT n, count(DISTINCT v) AS readings, count(*) AS settings, min(v) AS value
FROM (VALUES
	(1, '{"east"(1,13): [2025-02-01 22:00,2025-02-02 00:30) outage; *: [2025-02-01T18:00Z,2025-02-02 04:00 Asia/Tokyo) intermittent}'),
	(2, '{"east"(1,13): [20250201 220000,20250202 003000) outage; *: [2025-02-01 18:00 UTC,2025-02-02 04:00+09) intermittent}'),
	(3, '{"east"(1,13): [01/02/2025 22:00,2025-02-02 00:30) outage}'),
	(4, '{*: [2025-02-01 22:00 JST,2025-02-02 00:30) outage}')
) AS l(n, literal),
LATERAL (SELECT pg_temp.cal_read(literal, ds, tz) AS v FROM cal_settings) AS r
GROUP BY n
ORDER BY n;

-- An expression index on text::outage_calendar agrees with a scan after
-- DateStyle and TimeZone change.
CREATE TEMP TABLE cal_text (txt text);
INSERT INTO cal_text
SELECT (ARRAY['{"east"(1,13): [2025-02-01 22:00,2025-02-02 00:30) outage}',
			  '{"east"(13,1): [2025-02-01T13:00Z,2025-02-01 15:30 UTC) outage}',
			  '{"east"(1,13): [20250201 220000,2025-02-02 00:30 Asia/Tokyo) outage}',
			  '{"west"(47): [2025-02-01 22:00,2025-02-02 00:30) outage}'])[g % 4 + 1]
FROM generate_series(1, 1000) AS g;
SET DateStyle = 'German, DMY';
SET TimeZone = 'Pacific/Chatham';
CREATE INDEX cal_text_cal ON cal_text USING hash ((txt::outage_calendar));
ANALYZE cal_text;
SET DateStyle = 'SQL, MDY';
SET TimeZone = 'America/Los_Angeles';
SET enable_seqscan = off;
SET enable_bitmapscan = off;
EXPLAIN (COSTS OFF)
SELECT count(*) FROM cal_text WHERE txt::outage_calendar = '{"east"(1,13): [2025-02-01 22:00,2025-02-02 00:30) outage}';
SELECT count(*) AS through_index FROM cal_text
WHERE txt::outage_calendar = '{"east"(1,13): [2025-02-01 22:00,2025-02-02 00:30) outage}';
RESET enable_seqscan;
SET enable_indexscan = off;
SELECT count(*) AS through_scan FROM cal_text
WHERE txt::outage_calendar = '{"east"(1,13): [2025-02-01 22:00,2025-02-02 00:30) outage}';
RESET enable_indexscan;
RESET enable_bitmapscan;
SET DateStyle = 'Postgres, MDY';
SET TimeZone = 'UTC';
