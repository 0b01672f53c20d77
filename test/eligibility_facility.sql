--
-- eligibility_facility: a facility by its 10-digit code gets the area
-- facility_area gives it, else its prefecture's, in every function.
--
BEGIN;
CREATE EXTENSION outage_window;
SELECT plan(14);

INSERT INTO outage_area VALUES ('atami', '熱海市 (NTT East lines)'), ('quiet', 'no windows of its own');
INSERT INTO outage_schedule (area, period, note) VALUES
	('atami', outage_window('2025-03-01 10:00+09', '2025-03-01 12:00+09', 'outage'), 'atami only'),
	('west', outage_window('2025-03-01 11:00+09', '2025-03-01 13:00+09', 'intermittent'), 'west'),
	(NULL, outage_window('2025-03-02 10:00+09', '2025-03-02 11:00+09', 'outage'), 'nationwide');
-- 静岡県 (22) medical, 静岡県 pharmacy, 東京都 (13), 大阪府 (27)
INSERT INTO facility_area VALUES
	('2211234567', 'atami', 'a clinic in 熱海市'),
	('2241234567', 'quiet', 'a pharmacy on a line of its own'),
	('1311234567', 'west', 'a Tokyo clinic on a western provider');

-- what plain SQL over the tables says
CREATE TEMP TABLE probe AS
SELECT c::medical_institution_code AS code, t,
	   coalesce((SELECT max(kind(s.period)::eligibility_impact)
				 FROM outage_schedule s
				 WHERE s.period @> t
				   AND (s.area IS NULL OR s.area = coalesce(
						(SELECT f.area FROM facility_area f WHERE f.facility = c::medical_institution_code),
						(SELECT a.area FROM prefecture_area a
						 WHERE a.prefecture = institution_prefecture(c::medical_institution_code))))),
				'none') AS impact
FROM unnest(ARRAY['2211234567', '2211111111', '2241234567', '1311234567', '1311111111', '2711111111']) AS c,
	 generate_series(timestamptz '2025-01-31 00:00+09', '2025-03-03 00:00+09', '10 minutes') AS t;

SELECT is((SELECT count(*) FROM probe WHERE eligibility_impact(code, t) <> impact),
		  0::bigint, 'eligibility_impact(code, timestamptz) agrees with plain SQL over the tables');
SELECT is((SELECT count(*) FROM probe
		   WHERE eligibility_impact(code, (t AT TIME ZONE 'Asia/Tokyo')) <> impact),
		  0::bigint, 'the Japan local timestamp form agrees');
SELECT is((SELECT count(*) FROM probe
		   WHERE is_eligibility_affected(code, t) <> affects_eligibility(impact)),
		  0::bigint, 'is_eligibility_affected(code, timestamptz) agrees');
SELECT is((SELECT count(*) FROM probe
		   WHERE (SELECT max(kind(w.period)::eligibility_impact) FROM affecting_windows(code, t) w)
				 IS DISTINCT FROM nullif(impact, 'none')),
		  0::bigint, 'affecting_windows(code, timestamptz) agrees');
SELECT is((SELECT array_agg(DISTINCT impact::text ORDER BY impact::text) FROM probe),
		  ARRAY['intermittent', 'none', 'outage', 'registration_delay'],
		  'the check is not vacuous: visits of every impact are compared');
SELECT is(ARRAY[is_eligibility_affected('2211234567'::medical_institution_code, '2025-03-01 10:30+09'),
				is_eligibility_affected('2211111111'::medical_institution_code, '2025-03-01 10:30+09'),
				is_eligibility_affected('2211234567'::medical_institution_code, '2025-03-01 12:30+09'),
				is_eligibility_affected('2211111111'::medical_institution_code, '2025-03-01 12:30+09')],
		  ARRAY[true, false, false, true],
		  'the 熱海 clinic follows atami, its 静岡県 neighbour the West');
SELECT is(eligibility_impact_on_day('2241234567'::medical_institution_code, date '2025-03-02'),
		  'outage'::eligibility_impact, 'a facility on an area without windows still gets nationwide ones');
SELECT is(eligibility_impact_on_day('2241234567'::medical_institution_code, date '2025-02-02'),
		  'none'::eligibility_impact, '... and none of its prefecture''s');

-- the day-level answer over opening hours follows the facility's area too
SELECT is((SELECT grade::text FROM eligibility_on_day('2211234567'::medical_institution_code,
											  date '2025-03-01', '{10:00,11:00}'::time[])),
		  'certain', 'eligibility_on_day: the 熱海 clinic''s hours lie in the atami outage');
SELECT is(ARRAY[eligibility_grade_on_day('2211111111'::medical_institution_code, date '2025-03-01', '{10:00,11:00}'::time[])::text,
				eligibility_grade_on_day('2211111111'::medical_institution_code, date '2025-03-01', opening_hours => '{10:00,12:00}')::text],
		  ARRAY['none', 'possible'], 'eligibility_grade_on_day: its West neighbour is touched only from 11:00');

-- the next statement sees a change of facility_area
DELETE FROM facility_area WHERE facility = '2211234567';
SELECT is(is_eligibility_affected('2211234567'::medical_institution_code, '2025-03-01 10:30+09'),
		  false, 'a facility taken out of facility_area follows its prefecture again');

-- an index on the visit time is used for a facility too
CREATE TEMP TABLE visit AS
SELECT g AS id, '2211234567'::medical_institution_code AS facility,
	   timestamptz '2025-01-01 00:00+09' + g * interval '1 minute' AS at
FROM generate_series(1, 200000) AS g;
CREATE INDEX ON visit (at);
ANALYZE visit;
SET LOCAL enable_seqscan = off;
-- the plan shows the windows as literals, printed in the session's DateStyle
SET LOCAL DateStyle = 'ISO, YMD';
CREATE FUNCTION pg_temp.plan_of(query text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	line text;
	plan text := '';
BEGIN
	FOR line IN EXECUTE 'EXPLAIN ' || query LOOP
		plan := plan || line || E'\n';
	END LOOP;
	RETURN plan;
END
$$;
SELECT ok(pg_temp.plan_of('SELECT count(*) FROM visit WHERE is_eligibility_affected(facility, at)')
		  ~ 'Index Cond: \(\(at >= ''2025-',
		  'the planner bounds an index scan on the visit time for a facility');

-- a facility's call, with the tables or a constant calendar (which carries
-- facility_area), is expanded into the ranges of its area's windows, and
-- answers as the unexpanded call does (its visit time not a column)
CREATE TEMP TABLE visit_f AS
SELECT g AS id, (ARRAY['2211234567', '2241234567', '1311234567', '2711234567'])[1 + g % 4]::medical_institution_code AS facility,
	   timestamptz '2025-03-01 00:00+09' + g * interval '1 minute' AS at
FROM generate_series(1, 3000) AS g;
CREATE INDEX ON visit_f (at);
ANALYZE visit_f;
SELECT ok(p ~ 'Index Cond: \(\(at >= ''2025-' AND p ~ 'Filter: is_eligibility_affected_recheck\(facility, at, ',
		  'a constant calendar''s facility call is expanded into ranges of the visit time')
FROM pg_temp.plan_of(format('SELECT count(*) FROM visit_f WHERE is_eligibility_affected(facility, at, %L::outage_calendar)',
							current_outage_calendar())) AS p;
SELECT is(ARRAY[(SELECT count(*) FROM visit_f WHERE is_eligibility_affected(facility, at)),
				(SELECT count(*) FROM visit_f WHERE is_eligibility_affected('1311234567'::medical_institution_code, at)),
				(SELECT count(*) FROM visit_f WHERE is_eligibility_affected(facility, at, current_outage_calendar())),
				(SELECT count(*) FROM visit_f WHERE is_eligibility_affected('2241234567'::medical_institution_code, at::timestamp,
																			current_outage_calendar()))],
		  ARRAY[(SELECT count(*) FROM visit_f WHERE is_eligibility_affected(facility, at + interval '0')),
				(SELECT count(*) FROM visit_f WHERE is_eligibility_affected('1311234567'::medical_institution_code, at + interval '0')),
				(SELECT count(*) FROM visit_f WHERE is_eligibility_affected(facility, at + interval '0', current_outage_calendar())),
				(SELECT count(*) FROM visit_f WHERE is_eligibility_affected('2241234567'::medical_institution_code,
																			at::timestamp + interval '0', current_outage_calendar()))],
		  'expanded facility calls answer as unexpanded ones');

SELECT * FROM finish();
ROLLBACK;
