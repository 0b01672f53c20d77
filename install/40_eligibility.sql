--
-- The eligibility functions: was the eligibility system down at a facility
-- at a given time, how badly, because of which windows, and what to do.
--
-- The prefecture argument is always the FACILITY's prefecture (where the
-- visit took place), never the patient's address.  A visit time of type
-- timestamp without time zone is read as Japan time.  All of them read
-- outage_schedule and prefecture_area of this extension's own schema, never
-- through the caller's search_path, once per statement.
--

CREATE TYPE @extschema@.eligibility_impact AS ENUM (
	'none', 'registration_delay', 'intermittent', 'outage'
);

COMMENT ON TYPE @extschema@.eligibility_impact IS
'How badly the eligibility system was affected at a visit: none < registration_delay < intermittent < outage';

-- The span where is_eligibility_affected() can be true, per prefecture or
-- for all of them; the planner support function bounds index scans on the
-- visit time with these, evaluated when the scan starts.

CREATE FUNCTION @extschema@.eligibility_affected_bound(upper pg_catalog.bool)
RETURNS pg_catalog.timestamptz
AS 'MODULE_PATHNAME', 'eligibility_affected_bound'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.eligibility_affected_bound(
	facility_prefecture @extschema@.prefecture, upper pg_catalog.bool)
RETURNS pg_catalog.timestamptz
AS 'MODULE_PATHNAME', 'eligibility_affected_bound_prefecture'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.eligibility_affected_bound_local(upper pg_catalog.bool)
RETURNS pg_catalog.timestamp
AS 'MODULE_PATHNAME', 'eligibility_affected_bound_local'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.eligibility_affected_bound_local(
	facility_prefecture @extschema@.prefecture, upper pg_catalog.bool)
RETURNS pg_catalog.timestamp
AS 'MODULE_PATHNAME', 'eligibility_affected_bound_local_prefecture'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.eligibility_affected_bound(pg_catalog.bool) IS
'Start (upper = false) or end (upper = true) of the span covering every outage and intermittent window; NULL if there is none';
COMMENT ON FUNCTION @extschema@.eligibility_affected_bound(@extschema@.prefecture, pg_catalog.bool) IS
'Start or end of the span covering the outage and intermittent windows of a facility''s prefecture; NULL if there is none';
COMMENT ON FUNCTION @extschema@.eligibility_affected_bound_local(pg_catalog.bool) IS
'Like eligibility_affected_bound(bool), as Japan local time, for timestamp columns';
COMMENT ON FUNCTION @extschema@.eligibility_affected_bound_local(@extschema@.prefecture, pg_catalog.bool) IS
'Like eligibility_affected_bound(prefecture, bool), as Japan local time, for timestamp columns';

CREATE FUNCTION @extschema@.is_eligibility_affected_support(pg_catalog.internal)
RETURNS pg_catalog.internal
AS 'MODULE_PATHNAME', 'is_eligibility_affected_support'
LANGUAGE C STRICT;

COMMENT ON FUNCTION @extschema@.is_eligibility_affected_support(pg_catalog.internal) IS
'Planner support for is_eligibility_affected: index condition on the visit time, selectivity, cost';

-- japan_time: a local visit time read as Japan time, whatever TimeZone is.

CREATE FUNCTION @extschema@.japan_time(local_time pg_catalog.timestamp)
RETURNS pg_catalog.timestamptz
AS 'MODULE_PATHNAME', 'japan_time'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.japan_time(pg_catalog.timestamp) IS
'Reads a local time as Japan time (Asia/Tokyo), whatever the session TimeZone is';

-- is_eligibility_affected: outage or intermittent window applies.

CREATE FUNCTION @extschema@.is_eligibility_affected(
	facility_prefecture @extschema@.prefecture, visit_at pg_catalog.timestamptz)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'is_eligibility_affected'
LANGUAGE C STABLE STRICT PARALLEL SAFE
SUPPORT @extschema@.is_eligibility_affected_support;

CREATE FUNCTION @extschema@.is_eligibility_affected(
	facility_prefecture @extschema@.prefecture, visit_at pg_catalog.timestamp)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'is_eligibility_affected_local'
LANGUAGE C STABLE STRICT PARALLEL SAFE
SUPPORT @extschema@.is_eligibility_affected_support;

CREATE FUNCTION @extschema@.is_eligibility_affected(
	facility_prefecture pg_catalog.text, visit_at pg_catalog.timestamptz)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'is_eligibility_affected_text'
LANGUAGE C STABLE STRICT PARALLEL SAFE
SUPPORT @extschema@.is_eligibility_affected_support;

CREATE FUNCTION @extschema@.is_eligibility_affected(
	facility_prefecture pg_catalog.text, visit_at pg_catalog.timestamp)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'is_eligibility_affected_text_local'
LANGUAGE C STABLE STRICT PARALLEL SAFE
SUPPORT @extschema@.is_eligibility_affected_support;

COMMENT ON FUNCTION @extschema@.is_eligibility_affected(@extschema@.prefecture, pg_catalog.timestamptz) IS
'True when a visit at a facility in this prefecture falls in an outage or intermittent window of its area (or a nationwide one)';
COMMENT ON FUNCTION @extschema@.is_eligibility_affected(@extschema@.prefecture, pg_catalog.timestamp) IS
'True when a visit at a facility in this prefecture, at this Japan local time, falls in an outage or intermittent window';
COMMENT ON FUNCTION @extschema@.is_eligibility_affected(pg_catalog.text, pg_catalog.timestamptz) IS
'True when a visit falls in an outage or intermittent window; the facility''s prefecture given as text in any form the prefecture type reads';
COMMENT ON FUNCTION @extschema@.is_eligibility_affected(pg_catalog.text, pg_catalog.timestamp) IS
'True when a visit at this Japan local time falls in an outage or intermittent window; the facility''s prefecture given as text';

-- eligibility_impact: the most severe window that applies.

CREATE FUNCTION @extschema@.eligibility_impact(
	facility_prefecture @extschema@.prefecture, visit_at pg_catalog.timestamptz)
RETURNS @extschema@.eligibility_impact
AS 'MODULE_PATHNAME', 'eligibility_impact'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.eligibility_impact(
	facility_prefecture @extschema@.prefecture, visit_at pg_catalog.timestamp)
RETURNS @extschema@.eligibility_impact
AS 'MODULE_PATHNAME', 'eligibility_impact_local'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.eligibility_impact(
	facility_prefecture pg_catalog.text, visit_at pg_catalog.timestamptz)
RETURNS @extschema@.eligibility_impact
AS 'MODULE_PATHNAME', 'eligibility_impact_text'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.eligibility_impact(
	facility_prefecture pg_catalog.text, visit_at pg_catalog.timestamp)
RETURNS @extschema@.eligibility_impact
AS 'MODULE_PATHNAME', 'eligibility_impact_text_local'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.eligibility_impact(@extschema@.prefecture, pg_catalog.timestamptz) IS
'The most severe window that applies to a visit at a facility in this prefecture (none if none does)';
COMMENT ON FUNCTION @extschema@.eligibility_impact(@extschema@.prefecture, pg_catalog.timestamp) IS
'The most severe window that applies to a visit at this Japan local time (none if none does)';
COMMENT ON FUNCTION @extschema@.eligibility_impact(pg_catalog.text, pg_catalog.timestamptz) IS
'The most severe window that applies to a visit; the facility''s prefecture given as text';
COMMENT ON FUNCTION @extschema@.eligibility_impact(pg_catalog.text, pg_catalog.timestamp) IS
'The most severe window that applies to a visit at this Japan local time; the facility''s prefecture given as text';

-- affecting_windows: the schedule rows behind the answer, most severe first.

CREATE FUNCTION @extschema@.affecting_windows(
	facility_prefecture @extschema@.prefecture, visit_at pg_catalog.timestamptz)
RETURNS SETOF @extschema@.outage_schedule
LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
	SELECT s.*
	FROM @extschema@.outage_schedule AS s
	WHERE s.period OPERATOR(@extschema@.@>) visit_at
	  AND (s.area IS NULL
		   OR s.area OPERATOR(pg_catalog.=)
			  (SELECT a.area FROM @extschema@.prefecture_area AS a
			   WHERE a.prefecture OPERATOR(@extschema@.=) facility_prefecture))
	-- The period's own order (lower, then upper bound; the kind comes
	-- first anyway) is spelt out with timestamptz: sorting by the type
	-- itself would need its btree operator class, which pg_upgrade's
	-- schema restore has not created yet when it recreates this function.
	ORDER BY @extschema@.kind(s.period)::@extschema@.eligibility_impact DESC,
			 @extschema@.lower(s.period), @extschema@.upper(s.period), s.id;
END;

CREATE FUNCTION @extschema@.affecting_windows(
	facility_prefecture @extschema@.prefecture, visit_at pg_catalog.timestamp)
RETURNS SETOF @extschema@.outage_schedule
LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
	SELECT * FROM @extschema@.affecting_windows(facility_prefecture,
		@extschema@.japan_time(visit_at));
END;

CREATE FUNCTION @extschema@.affecting_windows(
	facility_prefecture pg_catalog.text, visit_at pg_catalog.timestamptz)
RETURNS SETOF @extschema@.outage_schedule
LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
	SELECT * FROM @extschema@.affecting_windows(
		facility_prefecture::@extschema@.prefecture, visit_at);
END;

CREATE FUNCTION @extschema@.affecting_windows(
	facility_prefecture pg_catalog.text, visit_at pg_catalog.timestamp)
RETURNS SETOF @extschema@.outage_schedule
LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
	SELECT * FROM @extschema@.affecting_windows(
		facility_prefecture::@extschema@.prefecture,
		@extschema@.japan_time(visit_at));
END;

COMMENT ON FUNCTION @extschema@.affecting_windows(@extschema@.prefecture, pg_catalog.timestamptz) IS
'The outage_schedule rows that apply to a visit at a facility in this prefecture, most severe first';
COMMENT ON FUNCTION @extschema@.affecting_windows(@extschema@.prefecture, pg_catalog.timestamp) IS
'The outage_schedule rows that apply to a visit at this Japan local time, most severe first';
COMMENT ON FUNCTION @extschema@.affecting_windows(pg_catalog.text, pg_catalog.timestamptz) IS
'The outage_schedule rows that apply to a visit, most severe first; the facility''s prefecture given as text';
COMMENT ON FUNCTION @extschema@.affecting_windows(pg_catalog.text, pg_catalog.timestamp) IS
'The outage_schedule rows that apply to a visit at this Japan local time, most severe first; prefecture given as text';

-- review_guidance: what the front desk and the billing team should do.

CREATE FUNCTION @extschema@.review_guidance(
	impact @extschema@.eligibility_impact, lang pg_catalog.text DEFAULT 'ja')
RETURNS pg_catalog.text
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
AS $$
DECLARE
	lang_code pg_catalog.text := pg_catalog.lower(pg_catalog.btrim(lang));
BEGIN
	IF lang_code OPERATOR(pg_catalog.=) 'ja' THEN
		RETURN CASE
			WHEN impact OPERATOR(pg_catalog.=) 'outage'::@extschema@.eligibility_impact THEN
				'【受付】オンライン資格確認ができなかった時間帯です。マイナ保険証の提示には「何らかの事情でオンライン資格確認を行えなかった場合」の手順(マイナポータルの資格情報画面、資格情報のお知らせ、再診は口頭確認、それ以外は被保険者資格申立書)で資格を確認し、10割ではなく適切な自己負担分を請求してください。健康保険証・資格確認書は券面で確認します。'
				'【請求】資格確認の記録を点検してください。資格が後日確認できた場合はその番号で請求し、不詳請求(保険者番号77777777または77777779)では摘要欄に「不詳」と申立書の記載事項を記録してください。10割で徴収していないかも確認してください。'
			WHEN impact OPERATOR(pg_catalog.=) 'intermittent'::@extschema@.eligibility_impact THEN
				'【受付】毎時1分程度の通信断が1～2回あった時間帯です。エラーが出たら2分程度おいて再試行し、解消しなければ顔認証付きカードリーダーを再起動(電源のオン・オフ)してください。それでも確認できなかった場合は長時間の通信断と同じ手順(申立書等による資格確認、適切な自己負担)で対応します。'
				'【請求】オンライン資格確認の結果が残っているか確認し、残っていない受診は長時間の通信断と同様に点検してください。'
			WHEN impact OPERATOR(pg_catalog.=) 'registration_delay'::@extschema@.eligibility_impact THEN
				'【受付】他エリアの通信断の影響で、マイナ保険証の利用登録の完了が遅れることがあった時間帯です。カードリーダーに「利用登録の受付はしたが処理中」と表示されたら2分程度おいてオンライン資格確認を再試行し、それでも確認できなければ通信断時の手順で対応します。'
				'【請求】資格確認が完了しているか確認し、完了していない受診は通信断時と同様に点検してください。'
			ELSE
				'オンライン資格確認等システムの停止の影響はありません。通常どおり対応してください。'
		END;
	ELSIF lang_code OPERATOR(pg_catalog.=) 'en' THEN
		RETURN CASE
			WHEN impact OPERATOR(pg_catalog.=) 'outage'::@extschema@.eligibility_impact THEN
				'[Front desk] Online eligibility verification was impossible. For a patient showing a My Number insurance card, confirm eligibility by the fallback procedure (their Mynaportal eligibility screen, the eligibility notice, an oral check for a returning patient, otherwise the eligibility self-declaration form) and charge the proper co-payment, not 100%. Check a paper insurance card or an eligibility certificate by its face. '
				'[Billing] Review how eligibility was confirmed. Claim with the real numbers once confirmed; a claim with unknown numbers (insurer 77777777 or 77777779) needs "不詳" and the declaration''s items in the remarks. Check that 100% was not charged.'
			WHEN impact OPERATOR(pg_catalog.=) 'intermittent'::@extschema@.eligibility_impact THEN
				'[Front desk] The connection dropped for about a minute once or twice an hour. On an error, wait about 2 minutes and retry; if it persists, restart or power-cycle the card reader. If verification still failed, follow the long-outage procedure (fallback confirmation, proper co-payment). '
				'[Billing] Check that an online verification result exists; review visits without one as for a long outage.'
			WHEN impact OPERATOR(pg_catalog.=) 'registration_delay'::@extschema@.eligibility_impact THEN
				'[Front desk] While another area was down, registering a My Number card for insurance use could complete late. If the reader says the registration was accepted but is in progress, wait about 2 minutes and retry verification; if it still fails, follow the outage procedure. '
				'[Billing] Check that verification completed; review visits where it did not as for an outage.'
			ELSE
				'Not affected by an outage of the eligibility system; no special handling.'
		END;
	END IF;
	RAISE EXCEPTION 'unsupported language for review_guidance: "%"', lang
		USING ERRCODE = 'invalid_parameter_value',
			  HINT = 'Use ''ja'' (Japanese) or ''en'' (English).';
END;
$$;

COMMENT ON FUNCTION @extschema@.review_guidance(@extschema@.eligibility_impact, pg_catalog.text) IS
'What the front desk and the billing team should do for a visit with this impact, from the notice (lang ''ja'' or ''en'')';
