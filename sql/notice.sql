--
-- outage_notice_windows(): whole notices in, windows out.  The notice of
-- 2025-01-30 gives exactly the seeded windows; later notices are written
-- in the styles of ../shared/reference/field-notes.md §1 (examples written
-- for this file, not copies of any notice).
--
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS outage_window;
RESET client_min_messages;
SET TimeZone = 'Asia/Tokyo';
SET DateStyle = 'ISO, YMD';

-- What a DBA reviews, in one line per window.
CREATE FUNCTION pg_temp.w(notice text, published date DEFAULT NULL, kind text DEFAULT NULL)
RETURNS TABLE (line int, area text, period text, note text, extend_to text,
			   inferred boolean, approx text, kind_from text, area_from text)
LANGUAGE sql AS $$
	SELECT line, coalesce(area, '*'), period::text, note,
		   to_char(may_extend_to AT TIME ZONE 'Asia/Tokyo', 'YYYY-MM-DD HH24:MI'),
		   year_inferred, array_to_string(approximation, ','), kind_from, area_from
	FROM outage_notice_windows(notice, published, kind)
$$;

CREATE FUNCTION pg_temp.try(notice text, published date DEFAULT NULL, kind text DEFAULT NULL)
RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	h text;
	n bigint;
BEGIN
	SELECT count(*) INTO n FROM outage_notice_windows(notice, published, kind);
	RETURN n || ' rows';
EXCEPTION WHEN others THEN
	GET STACKED DIAGNOSTICS h = PG_EXCEPTION_HINT;
	RETURN 'ERROR ' || SQLSTATE || CASE WHEN h <> '' THEN ' +hint' ELSE ' no hint' END;
END $$;

-- The notice of 2025-01-30, read whole (test/fixtures holds a copy of
-- ../shared/reference/notice-2025-01-30-network-renewal.ja.md): its 日医
-- letter and its 事務連絡 state the three windows twice, and §2(3) puts the
-- West's registration delay in the East's windows.
\set n20250130 `cat test/fixtures/notice-2025-01-30-network-renewal.ja.md`
SELECT * FROM pg_temp.w(:'n20250130', '2025-01-30');

-- exactly the five seeded rows, areas and kinds included, with or without
-- the publication date (the letter's own date gives the year then)
SELECT (SELECT count(*) FROM outage_notice_windows(:'n20250130', '2025-01-30')) AS rows,
	   (SELECT count(*) FROM outage_notice_windows(:'n20250130', '2025-01-30') n
		FULL JOIN (SELECT * FROM shipped_outage_windows()) s
		  ON s.area IS NOT DISTINCT FROM n.area AND s.period = n.period
		WHERE s.id IS NULL OR n.period IS NULL) AS unmatched,
	   (SELECT count(*) FROM outage_notice_windows(:'n20250130') n
		JOIN shipped_outage_windows() s
		  ON s.area IS NOT DISTINCT FROM n.area AND s.period = n.period) AS matched_without_published;

-- the same under another time zone: Japan time always
SET TimeZone = 'America/Los_Angeles';
SELECT count(*) AS same_as_seeds
FROM outage_notice_windows(:'n20250130', '2025-01-30') n
JOIN shipped_outage_windows() s ON s.area IS NOT DISTINCT FROM n.area AND s.period = n.period;
SET TimeZone = 'Asia/Tokyo';

-- paste, review, insert: nothing is inserted until the INSERT
BEGIN;
SELECT count(*) AS before FROM outage_schedule;
SELECT count(*) FROM outage_notice_windows(:'n20250130', '2025-01-30');
SELECT count(*) AS still FROM outage_schedule;
INSERT INTO outage_schedule (area, period, note, source)
SELECT area, period, note, 'portal 2027-03-01'
FROM outage_notice_windows($n$【東日本エリア】ネットワーク工事に伴う長時間の通信断
・3/13(土)23:00 ～ 3/14(日)07:00$n$, '2027-03-01');
SELECT area, period, note, source FROM outage_schedule WHERE id > 1000;
ROLLBACK;

-- A portal summary: year left out, M/D with ASCII brackets, a same-day end
-- as a bare time, 翌, a possible extension, 見込み.
SELECT * FROM pg_temp.w($n$【重要】オンライン資格確認等システムのネットワーク工事に伴う通信断について（東日本エリア）
以下の日程で、ネットワーク工事に伴い長時間の通信断が発生します。作業中はオンライン資格確認が行えません。
・3/13(土)23:00 ～ 3/14(日)07:00
・3/20(土)00:00 ～ 06:00
・3/27(土)22:30 ～ 翌3:00（終了見込み）
なお、作業の状況により、最大で3月28日（日）08:00まで延長する可能性があります。
$n$, '2027-03-01');

-- 和暦 and 西暦, both ends dated, full-width digits and colons, U+3000,
-- spaces round the dash, PDF look-alikes (⽇ U+2F47, ⽉ U+2F49), 時/分,
-- 午前/午後, （月・祝）, 24時00分, and the dash variants.
SELECT * FROM pg_temp.w($n$■ 東日本エリア
２０２７年３月１３日（土）２１：００　～　２０２７年３月１４日（日）０６：００　数分間の通信断（30秒程度の通信断が数回）
令和9年3月14⽇（⽇）22時～翌6時 長時間の通信断
令和9年3⽉21日(日) 午前0時30分－午前5時 長時間の通信断
令和9年3月22日（月・祝）午後11時〜24時00分 長時間の通信断
2027年4月3日(土)　9：00~12：30 長時間の通信断
2027年4月4日(日) 1:00‐2:00、2:00—3:00、3:00―4:00、4:00−5:00 長時間の通信断
$n$);

-- 毎時間1分程度 under a heading; a date on its own line, times below it;
-- an end written as a day (14日); 時 from から to まで; a list in one line
-- whose kind follows it.
SELECT * FROM pg_temp.w($n$(1) 数分間の通信断（毎時間1分程度、1～2回発生）
【作業日】
令和9年4月10日（土）
・23:00～翌2:00
・2:00～5:00
(2) 長時間の通信断
西日本エリア：3/6(土)23:00～3/7(日)7:00、3/13(土)23:00～14日(日)7:00、3/20(土)22時から翌6時まで（いずれも予定）
$n$, '2027-03-01');

-- A December notice lists January: the year rolls over (nearest date).
SELECT * FROM pg_temp.w($n$中間サーバーの計画停止について（12月・1月）
計画停止中は、顔認証付きカードリーダーでのマイナ保険証の利用登録ができません。なお、オンライン資格確認は通常どおり利用できます。
・12/26(土)22:00～12/27(日)6:00
・1/9(土)22:00～1/10(日)6:00
・1/23(土)22:00～翌6:00
$n$, '2026-12-10');

-- A window that runs over the year end, its end dated without a year.
SELECT * FROM pg_temp.w('長時間の通信断 令和8年12月31日(木) 22:00～1月1日(金) 2:00');

-- An NTT incident note: an area inside one notice area, times with 頃.
SELECT * FROM pg_temp.w($n$NTT東日本のフレッツ光回線において障害が発生し、一部の地域でオンライン資格確認等システムが利用できない事象が発生しました。
発生日時：2025年2月13日（木）11時06分頃～11時35分
現在は復旧しております。
$n$);

-- Prefecture lists: one area per the notice's split, or both.
SELECT * FROM pg_temp.w($n$オンライン資格確認等システムの通信断のお知らせ
対象：東京都、神奈川県、埼玉県
日時：令和9年7月3日(土) 1:00～3:00
$n$);
SELECT * FROM pg_temp.w($n$オンライン資格確認等システムの通信断のお知らせ
対象：大阪府・兵庫県
日時：令和9年7月3日(土) 1:00～3:00
$n$);
SELECT * FROM pg_temp.w($n$オンライン資格確認等システムの通信断のお知らせ
対象：東京都、大阪府
日時：令和9年7月3日(土) 1:00～3:00
$n$);
SELECT * FROM pg_temp.w($n$東京都・埼玉県を除く、東日本地域全般でオンライン資格確認が行えません。
令和9年7月10日(土) 1:00～3:00
$n$);

-- The kind argument overrides the notice's words.
SELECT * FROM pg_temp.w('長時間の通信断 東日本エリア：令和9年3月14日（日）1:00～4:00（予定）', NULL, 'intermittent');

-- Notices that give no window: zero rows, never an error.
SELECT label, pg_temp.try(notice, '2027-05-12') AS result
FROM (VALUES
	('fault, start only', $n$【障害】オンライン資格確認等システムの障害について
令和9年5月12日（水）8時00分ごろから、オンライン資格確認等システムにおいて障害が発生し、エラーコード：901 (オンライン資格確認等システムの障害) が表示されております。$n$),
	('fault, end only', $n$【復旧】オンライン資格確認等システムの障害について
本日発生した障害は、5月12日（水）2時45分に事象が解消しました。$n$),
	('start only, a later time in prose', $n$令和9年5月12日（水）8時00分ごろから障害が発生しておりましたが、同日10時30分に復旧しました。エラーコード：901$n$),
	('a single instant', 'オンライン資格確認等システムの通信断 令和9年5月16日(日) 3:00 に切替を行います。'),
	('no stop', $n$オンライン資格確認等システムのメンテナンス作業を以下のとおり実施します。
作業日時：令和9年6月13日（日）1:00～5:00
作業中もシステム停止は発生しません。$n$),
	('portal maintenance', '令和9年3月14日（日）1:00～4:00（予定）の間、医療機関等向け総合ポータルサイトのメンテナンスを行います。メンテナンス中はポータルサイトを閲覧できません。'),
	('PMH, eligibility as usual', $n$PMHのメンテナンスのため、以下の時間帯は公費負担医療の受給者証情報を照会できません。
・3/14(日)1:00～5:00
なお、オンライン資格確認は通常どおりご利用いただけます。$n$),
	('Windows Update delivery', $n$オンライン資格確認端末向けに Windows Update の配信を行います。
配信期間：5/17(月)9:00～5/31(月)18:00$n$),
	('call centre hours', 'コールセンターの受付時間は、平日9:00～17:00です。'),
	('HPKI', 'HPKIセカンド電子証明書の発行サービスを停止します。5/22(土)20:00～5/23(日)8:00'),
	('a date range, no times', 'オンライン資格確認等システムの通信断 令和9年5月22日～5月23日'),
	('prose with numbers', 'エラーが発生した場合には、2分程度お時間を空けて再度お試し下さい。毎時間1分程度、1～2回発生します。'),
	('empty', ''),
	('durations are not times', 'オンライン資格確認等システムの通信断は約1時間、24時間365日監視しています。')
) AS t(label, notice);
SELECT count(*) AS rows_for_null FROM outage_notice_windows(NULL);

-- Errors: only for windows written wrong, each with a hint.
SELECT label, pg_temp.try(notice, published, kind) AS result
FROM (VALUES
	('weekday, year written', '長時間の通信断 令和9年3月14日（月）1:00～4:00', NULL::date, NULL),
	('weekday, year inferred', '長時間の通信断 3/14(月)1:00～4:00', '2027-03-01', NULL),
	('weekday of the end', '長時間の通信断 令和9年3月13日（土）23:00～3月14日（月）4:00', NULL, NULL),
	('no year anywhere', '長時間の通信断 3/14(日)1:00～4:00', NULL, NULL),
	('no such day', '長時間の通信断 令和9年2月30日 1:00～4:00', NULL, NULL),
	('after the era', '長時間の通信断 平成32年1月1日 1:00～4:00', NULL, NULL),
	('end before start', '長時間の通信断 令和9年3月14日 5:00～3月13日 4:00', NULL, NULL),
	('bad kind', '長時間の通信断 令和9年3月14日 1:00～4:00', NULL, 'maintenance'),
	('infinite published', '長時間の通信断 3/14 1:00～4:00', 'infinity', NULL)
) AS t(label, notice, published, kind);
SELECT pg_temp.try(repeat('あ', 349526)) AS over_1mb;
SELECT pg_temp.try(repeat('a', 1048576)) AS exactly_1mb;

\set VERBOSITY default
SELECT * FROM outage_notice_windows('長時間の通信断 令和9年3月14日（月）1:00～4:00');
SELECT * FROM outage_notice_windows(E'長時間の通信断\n・3/14(月)1:00～4:00', '2027-03-01');
SELECT * FROM outage_notice_windows(E'通信断\n・3/14(日)1:00～4:00');
SELECT * FROM outage_notice_windows(repeat('x', 1048577));
\set VERBOSITY sqlstate
RESET TimeZone;
RESET DateStyle;
