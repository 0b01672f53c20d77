--
-- eligibility_day: eligibility_impact_on_day reads the schedule through the
-- same core as the per-visit functions, in every form, and a date is a
-- Japan date whatever the session's TimeZone.
--
BEGIN;
CREATE EXTENSION outage_window;
SELECT plan(7);

INSERT INTO outage_schedule (area, period, note) VALUES
	(NULL, outage_window('2025-03-01 23:30+09', '2025-03-02 00:10+09', 'registration_delay'), 'nationwide, over midnight'),
	('west', outage_window('2025-03-10 09:00+09', '2025-03-10 09:01+09', 'outage'), 'one minute'),
	('east', outage_window('2025-03-20 00:00+09', '2025-03-21 00:00+09', 'intermittent'), 'a whole day');

-- the most severe window that touches the day, computed by plain SQL
CREATE TEMP TABLE expected_day AS
SELECT p, d,
	   coalesce((SELECT max(kind(s.period)::eligibility_impact)
				 FROM outage_schedule s
				 WHERE (s.area IS NULL OR s.area = (SELECT a.area FROM prefecture_area a WHERE a.prefecture = p))
				   AND lower(s.period) < (d + 1)::timestamp AT TIME ZONE 'Asia/Tokyo'
				   AND upper(s.period) > d::timestamp AT TIME ZONE 'Asia/Tokyo'),
				'none') AS impact
FROM generate_series(1, 47) AS g(n), LATERAL (SELECT n::prefecture AS p) AS x,
	 generate_series(0, 51) AS k, LATERAL (SELECT date '2025-01-30' + k AS d) AS y;

SELECT is((SELECT count(*) FROM expected_day WHERE eligibility_impact_on_day(p, d) <> impact),
		  0::bigint, 'prefecture form: every prefecture and day agrees with plain SQL over the tables');
SELECT is((SELECT count(*) FROM expected_day WHERE eligibility_impact_on_day(p::text, d) <> impact),
		  0::bigint, 'text form agrees');
SELECT is((SELECT count(*) FROM expected_day
		   WHERE eligibility_impact_on_day(p, d, (SELECT current_outage_calendar())) <> impact),
		  0::bigint, 'calendar form agrees');
SELECT is((SELECT count(*) FROM expected_day
		   WHERE eligibility_impact_on_day(prefecture_name_en(p), d, (SELECT current_outage_calendar())) <> impact),
		  0::bigint, 'text and calendar form agrees');
SELECT is((SELECT array_agg(DISTINCT impact::text ORDER BY impact::text) FROM expected_day),
		  ARRAY['intermittent', 'none', 'outage', 'registration_delay'],
		  'the check is not vacuous: days of every impact are compared');

SET LOCAL TimeZone = 'Pacific/Honolulu';
SELECT is((SELECT count(*) FROM expected_day WHERE eligibility_impact_on_day(p, d) <> impact),
		  0::bigint, 'a date is a Japan date under another TimeZone');
SELECT is(eligibility_impact_on_day('大阪府'::prefecture, 'infinity'::date), 'none'::eligibility_impact,
		  'an infinite date touches no window');

SELECT * FROM finish();
ROLLBACK;
