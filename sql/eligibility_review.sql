--
-- eligibility_review: the review core every HIS adapter shares (the ORCA
-- reports are one adapter).  Which visits are reviewed and why, from the
-- impact and the check outcome; the impact from the facility and the visit
-- time (the day when the time is not recorded), from the tables or a
-- calendar, the same under any TimeZone.
--
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS outage_window;
RESET client_min_messages;
SET DateStyle = 'Postgres, MDY';  -- the style the expected output prints
\set SHOW_CONTEXT never

-- Every impact and outcome: a visit without a valid check is reviewed in
-- every window, also in a registration delay, which does not affect
-- eligibility (its reasons start with delay_); the guidance is
-- review_guidance's.
SELECT i.impact, s.status, r.affected, r.needs_review, r.reason,
       r.guidance = review_guidance(i.impact, 'en') AS guidance_en
FROM unnest(enum_range(NULL::eligibility_impact)) AS i(impact),
     unnest(ARRAY['ok', 'not_valid', 'kohi_only', 'failed', 'no_check', 'unregistered',
                  'something else', NULL]) AS s(status),
     eligibility_review(i.impact, s.status, 'en') AS r
ORDER BY i.impact, s.status NULLS LAST;

-- A visit: by its time, or by its day when no time was recorded; by
-- prefecture, by facility code (facility_area first) or against a
-- calendar; the answers are those of the eligibility functions.
BEGIN;
INSERT INTO facility_area (facility, area) VALUES ('2711234567', 'east');
INSERT INTO outage_schedule (area, period, note) VALUES
	('west', outage_window('2025-02-02 09:00+09', '2025-02-02 09:30+09', 'outage'), 'review test');
SELECT current_outage_calendar() AS cal \gset
CREATE FUNCTION pg_temp.review_mismatches(tz text, cal outage_calendar) RETURNS TABLE (
	zone text, visits bigint, reviewed bigint, wrong bigint)
LANGUAGE plpgsql AS $$
BEGIN
	PERFORM set_config('TimeZone', tz, true);
	RETURN QUERY
	SELECT tz, count(*), count(*) FILTER (WHERE r.needs_review),
		   count(*) FILTER (WHERE
				r.impact IS DISTINCT FROM CASE WHEN v.at IS NULL THEN eligibility_impact_on_day(v.p, v.d)
											   ELSE eligibility_impact(v.p, v.at) END
			 OR r.affected IS DISTINCT FROM affects_eligibility(r.impact)
			 OR r.needs_review IS DISTINCT FROM (reviews_failed_checks(r.impact) AND v.status <> 'ok')
			 OR ROW(c.*) IS DISTINCT FROM ROW(r.*)
			 OR ROW(f.*) IS DISTINCT FROM ROW(g.*))
	FROM (SELECT p::prefecture AS p, d::date AS d, at, status
		  FROM generate_series(1, 47) AS p,
			   generate_series(timestamp '2025-02-01 00:00', timestamp '2025-02-03 00:00', interval '90 minutes') AS t,
			   LATERAL (VALUES (t::date, t), (t::date, NULL::timestamp)) AS x(d, at),
			   unnest(ARRAY['ok', 'no_check']) AS status) AS v
	CROSS JOIN LATERAL eligibility_review(v.p, v.d, v.at, v.status, 'ja') AS r
	CROSS JOIN LATERAL eligibility_review(v.p, v.d, v.at, v.status, cal, 'ja') AS c
	-- the facility's own area is east: what 東京都 answers
	CROSS JOIN LATERAL eligibility_review('東京都'::prefecture, v.d, v.at, v.status, 'ja') AS f
	CROSS JOIN LATERAL eligibility_review('2711234567'::medical_institution_code, v.d, v.at, v.status, 'ja') AS g;
END;
$$;
SELECT m.* FROM unnest(ARRAY['UTC', 'America/Los_Angeles']) AS z, pg_temp.review_mismatches(z, :'cal') AS m;
ROLLBACK;

-- One visit as an adapter asks: 大阪府 at 07:30 on 2025-02-02, no check.
SELECT * FROM eligibility_review('大阪府'::prefecture, date '2025-02-02', timestamp '2025-02-02 07:30', 'no_check', 'en');
-- time not recorded: the most severe window of the day, here a
-- registration delay: not affected, yet reviewed, the check having failed
SELECT impact, affected, needs_review, reason
FROM eligibility_review('大阪府'::prefecture, date '2025-02-01', NULL, 'failed');
-- in the registration delay at 23:00: reviewed unless checked fine
SELECT s.status, r.impact, r.affected, r.needs_review, r.reason
FROM unnest(ARRAY['ok', 'failed', 'no_check', 'not_valid']) AS s(status),
     eligibility_review('大阪府'::prefecture, date '2025-02-01', timestamp '2025-02-01 23:00',
                        s.status, 'en') AS r;
-- a visit that cannot be placed has no answer
SELECT * FROM eligibility_review(NULL::prefecture, date '2025-02-02', NULL, 'ok');

-- an unsupported language is refused, even for a visit without impact
\set VERBOSITY sqlstate
SELECT * FROM eligibility_review('沖縄県'::prefecture, date '2030-01-01', NULL, 'ok', 'fr');
\set VERBOSITY default
