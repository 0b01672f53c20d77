-- test/outage_window.sql: pgTAP checks of the outage_window type's surface,
-- literal errors by SQLSTATE, and the operators' truth on edge cases.
BEGIN;
CREATE EXTENSION outage_window;
SELECT plan(66);

-- catalog surface
SELECT has_type('outage_window');
SELECT has_function('outage_window', ARRAY['timestamptz', 'timestamptz', 'text']);
SELECT has_function('lower', ARRAY['outage_window']);
SELECT has_function('upper', ARRAY['outage_window']);
SELECT has_function('kind', ARRAY['outage_window']);
SELECT has_function('duration', ARRAY['outage_window']);
SELECT has_cast('outage_window', 'tstzrange');
SELECT has_cast('tstzrange', 'outage_window');
SELECT has_opclass('btree_outage_window_ops');
SELECT has_opclass('hash_outage_window_ops');
SELECT has_opclass('gist_outage_window_ops');
SELECT volatility_is('outage_window', ARRAY['timestamp with time zone', 'timestamp with time zone', 'text'], 'immutable');
SELECT volatility_is('outage_window_in', ARRAY['cstring'], 'immutable');
SELECT is((SELECT typlen FROM pg_type WHERE typname = 'outage_window'), 24::int2, 'outage_window is 24 bytes');
SELECT is((SELECT typalign FROM pg_type WHERE typname = 'outage_window'), 'd'::"char", 'outage_window is double aligned');
SELECT is((SELECT bool_and(amvalidate(c.oid)) FROM pg_opclass c
		   WHERE c.opcintype = 'outage_window'::regtype), true,
		  'every operator class of outage_window passes amvalidate');
SELECT is((SELECT count(*)::int FROM pg_opclass c
		   WHERE c.opcintype = 'outage_window'::regtype AND c.opcdefault), 3,
		  'btree, hash and gist opclasses are the defaults');

-- literals
SELECT is('[2025-02-01 22:00,2025-02-02 00:30) outage'::outage_window::text,
		  '[2025-02-01 22:00:00+09,2025-02-02 00:30:00+09) outage', 'canonical output');
SELECT is(kind('[2025-02-01 22:00,2025-02-02 00:30)'::outage_window), 'outage', 'kind defaults to outage');
SELECT is(kind('[2025-02-01,2025-02-02) Registration_Delay '::outage_window), 'registration_delay', 'kind is case-insensitive');
SELECT is('(2025-02-01 22:00,2025-02-02 00:30]'::outage_window,
		  '[2025-02-01 22:00:00.000001,2025-02-02 00:30:00.000001)'::outage_window, '( ] is canonicalised');
SELECT is('[,]'::outage_window, '[-infinity,infinity)'::outage_window, 'empty bounds are unbounded');
SELECT is(lower('[2025-02-01 13:00 UTC,2025-02-02)'::outage_window), '2025-02-01 13:00+00'::timestamptz,
		  'a bound with a zone is taken as given');
SELECT set_config('TimeZone', 'Pacific/Chatham', true);
SELECT is(lower('[2025-02-01 22:00,2025-02-02)'::outage_window), '2025-02-01 13:00+00'::timestamptz,
		  'a bound without a zone is Japan time');
SELECT set_config('DateStyle', 'SQL, DMY', true);
SELECT is('[2025-02-01 22:00,2025-02-02 00:30) outage'::outage_window::text,
		  '[2025-02-01 22:00:00+09,2025-02-02 00:30:00+09) outage', 'output ignores DateStyle and TimeZone');

SELECT throws_ok($$SELECT '2025-02-01,2025-02-02)'::outage_window$$, '22P02', NULL, 'missing bracket is 22P02');
SELECT throws_ok($$SELECT '[2025-02-01 2025-02-02)'::outage_window$$, '22P02', NULL, 'missing comma is 22P02');
SELECT throws_ok($$SELECT '[2025-02-01,2025-02-02) foo'::outage_window$$, '22P02', NULL, 'unknown kind is 22P02');
SELECT throws_ok($$SELECT '[2025-02-01,2025-02-02) outage x'::outage_window$$, '22P02', NULL, 'junk after kind is 22P02');
SELECT throws_ok($$SELECT '["2025-02-01,2025-02-02)'::outage_window$$, '22P02', NULL, 'unterminated quote is 22P02');
SELECT throws_ok($$SELECT '[xyz,2025-02-02)'::outage_window$$, '22007', NULL, 'bad timestamp is 22007');
SELECT throws_ok($$SELECT '[2025-02-30,2025-03-02)'::outage_window$$, '22008', NULL, 'bad date is 22008');
SELECT throws_ok($$SELECT '[2025-02-01,294277-01-02)'::outage_window$$, '22008', NULL, 'out of range is 22008');
SELECT throws_ok($$SELECT '[2025-02-02,2025-02-01)'::outage_window$$, '22000', NULL, 'reversed window is 22000');
SELECT throws_ok($$SELECT '[2025-02-01,2025-02-01)'::outage_window$$, '22000', NULL, 'empty window is 22000');
SELECT throws_ok($$SELECT outage_window('2025-02-02', '2025-02-01')$$, '22000', NULL, 'constructor checks order');
SELECT throws_ok($$SELECT outage_window('2025-02-01', '2025-02-02', 'down')$$, '22P02', NULL, 'constructor checks kind');
SELECT throws_ok($$SELECT 'empty'::tstzrange::outage_window$$, '22000', NULL, 'empty tstzrange does not cast');

-- accessors and casts
SELECT is(duration('[2025-02-01 22:00,2025-02-02 00:30)'::outage_window), interval '2 hours 30 minutes', 'duration');
SELECT is(duration('[2025-02-01,)'::outage_window), NULL, 'duration of an unbounded window is NULL');
SELECT is('[2025-02-01 22:00,2025-02-02 00:30) intermittent'::outage_window::tstzrange,
		  tstzrange('2025-02-01 22:00+09', '2025-02-02 00:30+09'), 'cast to tstzrange');
SELECT is('[2025-02-01 22:00+09,2025-02-02 00:30+09]'::tstzrange::outage_window,
		  '[2025-02-01 22:00,2025-02-02 00:30:00.000001) outage'::outage_window, 'cast from tstzrange');

-- operators: touching, equal, infinite, one-microsecond windows
SELECT ok(NOT ('[2025-02-01 00:00,2025-02-01 01:00)'::outage_window && '[2025-02-01 01:00,2025-02-01 02:00)'), 'touching windows do not overlap');
SELECT ok('[2025-02-01 00:00,2025-02-01 01:00)'::outage_window << '[2025-02-01 01:00,2025-02-01 02:00)', 'touching window is left');
SELECT ok('[2025-02-01 01:00,2025-02-01 02:00)'::outage_window >> '[2025-02-01 00:00,2025-02-01 01:00)', 'touching window is right');
SELECT ok('[2025-02-01 00:00,2025-02-01 01:00) outage'::outage_window && '[2025-02-01 00:00,2025-02-01 01:00) intermittent', 'overlap ignores kind');
SELECT ok('[2025-02-01 00:00,2025-02-01 01:00) outage'::outage_window @> '[2025-02-01 00:00,2025-02-01 01:00) intermittent'::outage_window, 'containment ignores kind');
SELECT ok('[2025-02-01 00:00,2025-02-01 01:00) outage'::outage_window <> '[2025-02-01 00:00,2025-02-01 01:00) intermittent', 'equality looks at kind');
SELECT ok('[2025-02-01 00:00,2025-02-01 01:00) intermittent'::outage_window < '[2025-02-01 00:00,2025-02-01 01:00) outage', 'kind orders by severity last');
SELECT ok('[2025-02-01 00:00,2025-02-01 01:00)'::outage_window < '[2025-02-01 00:00,2025-02-01 02:00)', 'upper orders second');
SELECT ok('[-infinity,2025-02-01)'::outage_window < '[2025-01-01,2025-01-02)', 'lower orders first');
SELECT ok('[2025-02-01 00:00,2025-02-01 01:00)'::outage_window @> '2025-02-01 00:00+09'::timestamptz, 'lower bound is inside');
SELECT ok(NOT ('[2025-02-01 00:00,2025-02-01 01:00)'::outage_window @> '2025-02-01 01:00+09'::timestamptz), 'upper bound is outside');
SELECT ok('2025-02-01 00:59:59.999999+09'::timestamptz <@ '[2025-02-01 00:00,2025-02-01 01:00)'::outage_window, 'last microsecond is inside');
SELECT ok('[2025-02-01,2025-02-01 00:00:00.000001)'::outage_window @> '2025-02-01 00:00+09'::timestamptz, '1 us window holds its instant');
SELECT ok('[,)'::outage_window @> '-infinity'::timestamptz, 'unbounded window holds -infinity');
SELECT ok('[,)'::outage_window @> '[2025-02-01,2025-02-02)'::outage_window, 'unbounded window contains all');
SELECT ok('[2025-02-01,2025-02-02)'::outage_window <@ '[2025-02-01,2025-02-02)'::outage_window, 'a window is contained by itself');
SELECT ok('[2025-02-01,2025-02-02)'::outage_window && '(2025-02-01 00:00+09,2025-02-01 00:00:00.000001+09]'::tstzrange, '&& tstzrange');
SELECT ok(NOT ('[2025-02-01,2025-02-02)'::outage_window && 'empty'::tstzrange), 'nothing overlaps empty');
SELECT ok('[2025-02-01 15:00+00,2025-02-01 16:00+00)'::tstzrange && '[2025-02-02,2025-02-03)'::outage_window, 'tstzrange && window');

-- DISTINCT and joins use btree/hash
SELECT is((SELECT count(DISTINCT w)::int FROM (VALUES ('[2025-02-01,2025-02-02)'::outage_window),
		   ('(2025-01-31 23:59:59.999999,2025-02-01 23:59:59.999999] outage'), ('[2025-02-01,2025-02-02) intermittent')) v(w)),
		  2, 'DISTINCT merges equal spellings');

-- exclusion constraint with btree_gist
CREATE EXTENSION IF NOT EXISTS btree_gist;
CREATE TABLE tap_schedule (area text, period outage_window,
	EXCLUDE USING gist (area WITH =, period WITH &&));
SELECT lives_ok($$INSERT INTO tap_schedule VALUES
	('East', '[2025-02-01 22:00,2025-02-02 00:30) outage'),
	('East', '[2025-02-02 00:30,2025-02-02 03:00) intermittent'),
	('West', '[2025-02-01 22:00,2025-02-02 00:30) registration_delay')$$, 'non-overlapping windows per area are accepted');
SELECT throws_ok($$INSERT INTO tap_schedule VALUES ('East', '[2025-02-02 00:29,2025-02-02 00:31) outage')$$,
				 '23P01', NULL, 'an overlapping window in the same area is refused');

-- GiST index gives the seqscan's answers
CREATE TABLE tap_windows AS
SELECT i AS id, outage_window(t, t + (i % 97 + 1) * interval '1 minute') AS w
FROM (SELECT i, '2025-01-01 00:00+09'::timestamptz + i * interval '7 minutes' AS t
	  FROM generate_series(1, 5000) i) s;
CREATE INDEX ON tap_windows USING gist (w);
ANALYZE tap_windows;
SET LOCAL enable_seqscan = off;
SELECT is((SELECT count(*)::int FROM tap_windows WHERE w @> '2025-01-10 12:00+09'::timestamptz),
		  (SELECT count(*)::int FROM tap_windows WHERE outage_window_contains_ts(w, '2025-01-10 12:00+09')),
		  'index @> timestamptz agrees with the function');
SELECT is((SELECT count(*)::int FROM tap_windows WHERE w && '[2025-01-10,2025-01-11)'::outage_window),
		  (SELECT count(*)::int FROM tap_windows WHERE outage_window_overlaps(w, '[2025-01-10,2025-01-11)')),
		  'index && agrees with the function');

SELECT * FROM finish();
ROLLBACK;
