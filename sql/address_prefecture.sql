--
-- address_prefecture: the prefecture an address starts with, after a postal
-- code, by the prefecture's name or by a municipality's (the way the
-- health bureaus' lists of one prefecture write addresses).
--
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS outage_window;
RESET client_min_messages;

SELECT address, address_prefecture(address)
FROM (VALUES
	-- the prefecture's name, after a postal code in any form
	('東京都千代田区霞が関1-2-2'),
	('〒100-8916 東京都千代田区霞が関1-2-2'),
	('〒１００－８９１６　東京都千代田区霞が関１－２－２'),
	('100-8916東京都千代田区霞が関1-2-2'),
	('1008916 東京都千代田区霞が関1-2-2'),
	('〒100ー8916 東京都千代田区霞が関1-2-2'),
	('  北海道札幌市中央区北1条西2丁目'),
	('京都府京都市中京区寺町通御池上る上本能寺前町488'),
	('静岡県熱海市中央町1-1'),
	-- a municipality's name (a list of one prefecture)
	('〒060-8611 札幌市中央区北1条西2丁目'),
	('〒104-8404 中央区築地1-1-1'),
	('〒413-8550 熱海市中央町1-1'),
	('〒530-8201 大阪市北区中之島1丁目3番20号'),
	('京都市中京区寺町通御池上る上本能寺前町488'),
	('〒３１０－８５５５　水戸市笠原町９７８番６'),
	('四日市市諏訪町1番5号'),
	('郡山市朝日一丁目23-7'),
	('郡上市八幡町島谷228'),
	('大和郡山市北郡山町248-4'),
	('府中町大通三丁目5番1号'),
	('東村山市本町1-2-3'),
	('石川町字下泉153'),
	('龍ヶ崎市3710'),
	('龍ケ崎市3710'),
	('塩釜市旭町1-1'),
	('いちき串木野市昭和通133-1'),
	-- a 郡 and a town or village
	('〒049-5692 虻田郡洞爺湖町栄町58'),
	('国頭郡東村字平良804'),
	('石川郡石川町字下泉153'),
	('上益城郡 山都町浜町6'),
	-- NULL: a municipality name several prefectures share, or no name
	('〒183-8703 府中市宮西町2-24'),
	('〒726-8601 府中市府川町315'),
	('伊達市梁川町青葉町1'),
	('北安曇郡池田町大字池田3203-6'),
	('森町字御幸町144-1'),
	('東京 千代田区霞が関1-2-2'),
	('中之島1丁目3番20号'),
	('〒100-8916'),
	('100-89160 東京都'),
	('Tokyo, Chiyoda-ku'),
	(''),
	('   ')
) AS t(address);

-- Only the start is read: a long address costs what a short one does.
SELECT address_prefecture('札幌市中央区' || repeat('北1条西2丁目', 100000)) AS long_address,
	   address_prefecture(repeat(' ', 300) || '東京都') AS too_far;
SELECT address_prefecture(NULL) IS NULL AS strict;

-- Each prefecture's own name names it.
SELECT count(*) AS all_47
FROM generate_series(1, 47) AS p
WHERE address_prefecture(p::prefecture::text || '某市1-1') = p::prefecture;
