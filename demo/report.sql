-- demo/report.sql - the flagged-visits report over demo/visits.sql.
--
-- This is the query an HIS report writer or a billing auditor runs: the
-- facility's prefecture comes from a varchar column in any spelling and the
-- visit time is a local timestamp, both passed as they are.
\set ON_ERROR_STOP on
\pset footer off

\echo
\echo '=== Visits by eligibility impact (facility prefecture x visit time) ==='
SELECT eligibility_impact(f.prefecture, v.visit_at) AS impact,
	   count(*) AS visits,
	   count(*) FILTER (WHERE v.check_result <> 'valid') AS not_verified_online,
	   count(*) FILTER (WHERE v.insurer_number IN ('77777777', '77777779')) AS unknown_insurer_claims,
	   count(*) FILTER (WHERE v.copay_percent = 100) AS charged_100_percent
FROM his.visit v
JOIN his.facility f USING (facility_id)
GROUP BY 1
ORDER BY 1 DESC;

\echo
\echo '=== What to do, per impact (review_guidance, in English and Japanese) ==='
\x on
SELECT i AS impact, review_guidance(i, 'en') AS guidance, review_guidance(i, 'ja') AS 対応
FROM unnest(enum_range(NULL::eligibility_impact)) AS i
WHERE i <> 'none'
ORDER BY i DESC;
\x off

\echo
\echo '=== Flagged visits per facility (is_eligibility_affected) ==='
SELECT f.name AS facility, f.prefecture AS recorded_as,
	   f.prefecture::prefecture AS prefecture,
	   a.area,
	   count(*) AS flagged_visits,
	   min(v.visit_at) AS first_flagged, max(v.visit_at) AS last_flagged
FROM his.visit v
JOIN his.facility f USING (facility_id)
JOIN prefecture_area a ON a.prefecture = f.prefecture::prefecture
WHERE is_eligibility_affected(f.prefecture, v.visit_at)
GROUP BY f.facility_id, f.name, f.prefecture, a.area
ORDER BY f.facility_id;

\echo
\echo '=== Billing audit: affected visits claimed with unknown-insurer numbers or charged 10割 ==='
SELECT v.visit_id, f.name AS facility, v.visit_at,
	   eligibility_impact(f.prefecture, v.visit_at) AS impact,
	   v.eligibility_check, v.insurer_number, v.copay_percent,
	   CASE
		   WHEN v.copay_percent = 100 THEN 'charged 100%: refund the excess once eligibility is confirmed'
		   ELSE 'unknown-insurer claim: needs 不詳 and the declaration items in the remarks; follow up the real numbers'
	   END AS why,
	   (SELECT w.note FROM affecting_windows(f.prefecture, v.visit_at) w LIMIT 1) AS window_note
FROM his.visit v
JOIN his.facility f USING (facility_id)
WHERE is_eligibility_affected(f.prefecture, v.visit_at)
  AND (v.insurer_number IN ('77777777', '77777779') OR v.copay_percent = 100)
ORDER BY v.visit_at, v.visit_id
LIMIT 15;
