-- test/eligibility.sql - pgTAP: the schedule tables and the eligibility
-- functions, as users and the planner rely on them.
BEGIN;
CREATE EXTENSION outage_window;
SELECT plan(42);

-- The catalog surface.
SELECT has_table('outage_area');
SELECT has_table('prefecture_area');
SELECT has_table('outage_schedule');
SELECT col_is_pk('prefecture_area', 'prefecture');
SELECT col_type_is('outage_schedule', 'period', 'outage_window');
SELECT col_not_null('outage_schedule', 'period');
SELECT fk_ok('outage_schedule', 'area', 'outage_area', 'area');
SELECT fk_ok('prefecture_area', 'area', 'outage_area', 'area');
SELECT has_type('eligibility_impact');
SELECT enum_has_labels('eligibility_impact',
	ARRAY['none', 'registration_delay', 'intermittent', 'outage']);

SELECT volatility_is('is_eligibility_affected', ARRAY['prefecture', 'timestamp with time zone'], 'stable');
SELECT is_strict('is_eligibility_affected', ARRAY['prefecture', 'timestamp with time zone']);
SELECT volatility_is('eligibility_impact', ARRAY['text', 'timestamp without time zone'], 'stable');
SELECT volatility_is('review_guidance', ARRAY['eligibility_impact', 'text'], 'immutable');
SELECT function_returns('affecting_windows', ARRAY['prefecture', 'timestamp with time zone'], 'setof outage_schedule');
SELECT is(
	(SELECT count(*)::int FROM pg_proc
	 WHERE proname IN ('is_eligibility_affected', 'eligibility_impact', 'affecting_windows')
	   AND proparallel = 's'),
	36, 'every overload of the three functions is PARALLEL SAFE');
SELECT is(
	(SELECT count(*)::int FROM pg_proc
	 WHERE proname = 'is_eligibility_affected' AND prosupport <> 0),
	12, 'every is_eligibility_affected overload has the planner support function');
SELECT is(
	(SELECT count(*)::int FROM pg_proc p JOIN pg_depend d ON d.objid = p.oid
	 JOIN pg_extension e ON e.oid = d.refobjid
	 WHERE e.extname = 'outage_window' AND p.prosecdef),
	0, 'no function is SECURITY DEFINER');
SELECT is(
	(SELECT count(*)::int FROM pg_extension e,
	 unnest(e.extconfig) AS c WHERE e.extname = 'outage_window'),
	6, 'the three tables, the deleted-seed record, the id sequence and facility_area are dumped as configuration');

-- The seeds.
SELECT results_eq(
	$$SELECT area, count(*)::int FROM prefecture_area GROUP BY area ORDER BY area$$,
	$$VALUES ('east'::text, 17), ('west', 30)$$,
	'the notice''s split: 17 east, 30 west');
SELECT set_eq(
	$$SELECT prefecture::int FROM prefecture_area WHERE area = 'east'$$,
	ARRAY[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 19, 20],
	'the East prefectures are those the notice lists');
SELECT results_eq(
	$$SELECT area, lower(period), upper(period), kind(period) FROM outage_schedule ORDER BY id$$,
	$$VALUES ('east'::text, '2025-02-01 22:00+09'::timestamptz, '2025-02-02 00:30+09'::timestamptz, 'outage'::text),
			 ('east', '2025-02-02 03:00+09', '2025-02-02 22:00+09', 'intermittent'),
			 ('west', '2025-02-02 07:00+09', '2025-02-02 08:00+09', 'intermittent'),
			 ('west', '2025-02-01 22:00+09', '2025-02-02 00:30+09', 'registration_delay'),
			 ('west', '2025-02-02 03:00+09', '2025-02-02 22:00+09', 'registration_delay')$$,
	'the seeded windows are the notice''s, in Japan time');

-- Answers on the boundaries (the pg_regress suite covers every one under
-- four time zones; here each rule once).
SET LOCAL TimeZone = 'America/Los_Angeles';
SELECT ok(is_eligibility_affected('東京都', '2025-02-01 22:00:00+09'::timestamptz), 'window start is in');
SELECT ok(NOT is_eligibility_affected('東京都', '2025-02-02 00:30:00+09'::timestamptz), 'window end is out');
SELECT ok(is_eligibility_affected('東京都', '2025-02-01 22:00'::timestamp), 'a local time is Japan time');
SELECT ok(NOT is_eligibility_affected('大阪府', '2025-02-01 22:00+09'::timestamptz),
	'a registration delay does not make a visit affected');
SELECT is(eligibility_impact('大阪府'::prefecture, '2025-02-01 22:00+09'::timestamptz),
	'registration_delay'::eligibility_impact, 'but it is its impact');
SELECT is(eligibility_impact('Osaka', '2025-02-02 07:00'::timestamp),
	'intermittent'::eligibility_impact, 'the most severe of two overlapping windows wins');
SELECT is(eligibility_impact('沖縄県'::prefecture, '2025-01-01 12:00+09'::timestamptz),
	'none'::eligibility_impact, 'no window, no impact');
SELECT throws_ok($$SELECT is_eligibility_affected('東京県', now())$$, '22P02',
	NULL, 'a text prefecture that is none raises 22P02');
SELECT is((SELECT array_agg(id ORDER BY id) FROM affecting_windows('大阪府'::prefecture, '2025-02-02 07:30+09'::timestamptz)),
	ARRAY[3, 5]::bigint[], 'affecting_windows lists the windows behind the answer');
SELECT is((SELECT id FROM affecting_windows('大阪府'::prefecture, '2025-02-02 07:30+09'::timestamptz) LIMIT 1),
	3::bigint, 'most severe first');

-- What to do.
SELECT matches(review_guidance('outage'), '10割', 'Japanese guidance for an outage mentions 10割');
SELECT matches(review_guidance('intermittent', 'en'), '2 minutes', 'English guidance for drops says to retry after 2 minutes');
SELECT throws_ok($$SELECT review_guidance('outage', 'de')$$, '22023', NULL,
	'an unsupported language raises 22023');

-- Changes are seen by the next statement of the same transaction.
INSERT INTO outage_schedule (area, period, note) VALUES
	(NULL, outage_window('2025-03-10 09:00+09', '2025-03-10 10:00+09', 'intermittent'), 'pgTAP nationwide');
SELECT ok(is_eligibility_affected('沖縄県', '2025-03-10 09:30+09'::timestamptz),
	'a nationwide window applies to every prefecture');
SELECT is((SELECT count(*)::int FROM generate_series(1, 47) p
		   WHERE is_eligibility_affected(p::prefecture, '2025-03-10 09:59:59+09'::timestamptz)),
	47, 'to all 47');
SELECT throws_ok($$INSERT INTO outage_schedule (area, period) VALUES ('south', outage_window('2025-03-10', '2025-03-11'))$$,
	'23503', NULL, 'an unknown area is refused');
SELECT throws_ok($$DELETE FROM prefecture_area$$, '23001', NULL,
	'prefecture_area keeps its 47 rows');

-- Least privilege.
SELECT table_privs_are('outage_schedule', 'public', ARRAY['SELECT'], 'PUBLIC may only read outage_schedule');
SELECT table_privs_are('prefecture_area', 'public', ARRAY['SELECT'], 'PUBLIC may only read prefecture_area');
SELECT table_privs_are('outage_area', 'public', ARRAY['SELECT'], 'PUBLIC may only read outage_area');

SELECT * FROM finish();
ROLLBACK;
