--
-- impacts: the impact table of the C code (src/impact.h) is the one source
-- of the impacts; the SQL enum, the guidance, the window kinds and the
-- "affected" answer all agree with it.
--
BEGIN;
CREATE EXTENSION outage_window;
SELECT plan(9);

SELECT is(
	(SELECT array_agg(impact::text ORDER BY severity) FROM eligibility_impacts()),
	(SELECT array_agg(e::text) FROM unnest(enum_range(NULL::eligibility_impact)) AS e),
	'eligibility_impact lists the impact table''s impacts, least severe first');
SELECT is(
	(SELECT array_agg(severity ORDER BY severity) FROM eligibility_impacts()),
	ARRAY[0, 1, 2, 3],
	'severities are distinct, none is 0');
SELECT is(
	(SELECT count(*) FROM eligibility_impacts()
	 WHERE review_guidance(impact, 'ja') <> '' AND review_guidance(impact, 'en') <> ''
	   AND review_guidance(impact, 'ja') <> review_guidance(impact, 'en')),
	4::bigint, 'every impact has guidance in Japanese and in English');
SELECT is(
	(SELECT array_agg(impact::text ORDER BY severity) FROM eligibility_impacts()
	 WHERE affects_eligibility),
	ARRAY['intermittent', 'outage'],
	'intermittent and outage windows make a visit affected; a registration delay does not');
SELECT is(
	(SELECT array_agg(impact::text ORDER BY severity) FROM eligibility_impacts()
	 WHERE reviews_failed_checks),
	ARRAY['registration_delay', 'intermittent', 'outage'],
	'a visit whose check did not succeed is reviewed in every kind of window, a registration delay too (notice section 2(3))');
SELECT is(
	(SELECT count(*) FROM eligibility_impacts() AS i
	 WHERE reviews_failed_checks(i.impact) IS DISTINCT FROM i.reviews_failed_checks
	    OR affects_eligibility(i.impact) IS DISTINCT FROM i.affects_eligibility
	    OR (i.affects_eligibility AND NOT i.reviews_failed_checks)
	    OR (eligibility_review(i.impact, 'failed')).needs_review IS DISTINCT FROM i.reviews_failed_checks
	    OR (eligibility_review(i.impact, 'ok')).needs_review),
	0::bigint,
	'reviews_failed_checks and affects_eligibility say what the table says; an affected visit is reviewed; eligibility_review follows the table');
SELECT is(
	(SELECT array_agg(kind(outage_window('2025-01-01 00:00+09', '2025-01-01 01:00+09', impact::text))
					  ORDER BY severity)
	 FROM eligibility_impacts() WHERE window_kind IS NOT NULL),
	ARRAY['registration_delay', 'intermittent', 'outage'],
	'every impact but none is a kind of window');
SELECT throws_ok(
	$$SELECT outage_window('2025-01-01 00:00+09', '2025-01-01 01:00+09', 'none')$$,
	'22P02', NULL, 'none is an impact, not a kind of window');
-- every prefecture, every quarter hour of the notice's two days
SELECT is(
	(SELECT count(*)
	 FROM generate_series(1, 47) AS p,
		  generate_series(timestamptz '2025-02-01 00:00+09', '2025-02-03 00:00+09', '15 minutes') AS t
	 WHERE is_eligibility_affected(p::prefecture, t)
		   IS DISTINCT FROM affects_eligibility(eligibility_impact(p::prefecture, t))),
	0::bigint,
	'is_eligibility_affected is affects_eligibility of eligibility_impact, visit by visit');

SELECT * FROM finish();
ROLLBACK;
