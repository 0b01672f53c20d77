-- test/wareki.sql: Japanese-era dates and notice windows, one assertion per
-- form, era boundary and rejection (with its SQLSTATE).
BEGIN;
CREATE EXTENSION outage_window;
SELECT plan(64);

SELECT has_function('wareki', ARRAY['date', 'text']);
SELECT has_function('wareki', ARRAY['timestamp with time zone', 'text']);
SELECT has_function('from_wareki', ARRAY['text']);
SELECT has_function('outage_window_from_notice', ARRAY['text', 'text']);
SELECT volatility_is('wareki', ARRAY['date', 'text'], 'immutable');
SELECT volatility_is('from_wareki', ARRAY['text'], 'immutable');
SELECT volatility_is('outage_window_from_notice', ARRAY['text', 'text'], 'immutable');
SELECT is_strict('from_wareki', ARRAY['text']);

-- era boundaries, both ways
SELECT is(wareki('2019-04-30'::date), '平成31年4月30日', 'last day of 平成');
SELECT is(wareki('2019-05-01'::date), '令和元年5月1日', 'first day of 令和 is 元年');
SELECT is(wareki('1989-01-07'::date), '昭和64年1月7日', 'last day of 昭和');
SELECT is(wareki('1989-01-08'::date), '平成元年1月8日', 'first day of 平成');
SELECT is(wareki('1926-12-25'::date, 'short'), 'S1.12.25', 'first day of 昭和, short');
SELECT is(wareki('1912-07-30'::date, 'claim'), '2010730', 'first day of 大正, claim');
SELECT is(from_wareki('平成31年4月30日'), '2019-04-30'::date, '平成31年4月30日');
SELECT is(from_wareki('令和元年5月1日'), '2019-05-01'::date, '令和元年5月1日');
SELECT is(from_wareki('昭和64年1月7日'), '1989-01-07'::date, '昭和64年1月7日');
SELECT is(from_wareki('平成元年1月8日'), '1989-01-08'::date, '平成元年1月8日');

-- Japan date of a timestamptz under any TimeZone
SET LOCAL TimeZone = 'America/Los_Angeles';
SELECT is(wareki('2019-04-30 08:00-07'::timestamptz), '令和元年5月1日', 'Japan date, not Los Angeles date');
SET LOCAL TimeZone = 'Pacific/Chatham';
SELECT is(wareki('2019-04-30 23:59:59+09'::timestamptz, 'short'), 'H31.4.30', 'Japan date, not Chatham date');
SELECT is(wareki('2019-04-30 23:30'::timestamp), '平成31年4月30日', 'timestamp is Japan wall-clock time');
SELECT has_function('wareki', ARRAY['timestamp without time zone', 'text']);
RESET TimeZone;

-- forms
SELECT is(from_wareki('令和７年２月１日'), '2025-02-01'::date, 'full-width digits');
SELECT is(from_wareki('令和 7 年 1 月 30 日'), '2025-01-30'::date, 'spaces as in the notice header');
SELECT is(from_wareki('令和7年2月1日(土)'), '2025-02-01'::date, 'weekday, ASCII parentheses');
SELECT is(from_wareki('令和7年2月1日（土）'), '2025-02-01'::date, 'weekday, full-width parentheses');
SELECT is(from_wareki('令和7年2月1日(土曜日)'), '2025-02-01'::date, 'weekday written out');
SELECT is(from_wareki('R7.2.1'), '2025-02-01'::date, 'R7.2.1');
SELECT is(from_wareki('r07.02.01'), '2025-02-01'::date, 'lower case, zero-padded');
SELECT is(from_wareki('H31/4/30'), '2019-04-30'::date, 'slashes');
SELECT is(from_wareki('5070201'), '2025-02-01'::date, 'claim GYYMMDD');
SELECT is(from_wareki('4310430'), '2019-04-30'::date, 'claim GYYMMDD, 平成');
SELECT is(from_wareki('3640107'), '1989-01-07'::date, 'claim GYYMMDD, 昭和');
SELECT is(from_wareki('50702'), '2025-02-01'::date, 'claim GYYMM is the 1st');
SELECT is(from_wareki('20250201'), '2025-02-01'::date, 'Gregorian YYYYMMDD');
SELECT is(from_wareki('㍻31年4月30日'), '2019-04-30'::date, 'square era sign');

-- rejections
SELECT throws_ok($$SELECT from_wareki('令和7年2月30日')$$, '22008', NULL, '2月30日 is not rolled over');
SELECT throws_ok($$SELECT from_wareki('平成32年1月1日')$$, '22008', NULL, '平成32年 is past the end of 平成');
SELECT throws_ok($$SELECT from_wareki('平成31年5月1日')$$, '22008', NULL, '平成31年5月1日 is 令和');
SELECT throws_ok($$SELECT from_wareki('令和元年4月30日')$$, '22008', NULL, 'before 令和 began');
SELECT throws_ok($$SELECT from_wareki('昭和64年1月8日')$$, '22008', NULL, 'after 昭和 ended');
SELECT throws_ok($$SELECT from_wareki('令和0年1月1日')$$, '22008', NULL, 'year 0');
SELECT throws_ok($$SELECT from_wareki('5070230')$$, '22008', NULL, 'claim 2月30日');
SELECT throws_ok($$SELECT from_wareki('4320101')$$, '22008', NULL, 'claim 平成32年');
SELECT throws_ok($$SELECT from_wareki('令和7年2月1日(日)')$$, '22007', NULL, 'weekday not the date''s');
SELECT throws_ok($$SELECT from_wareki('9070201')$$, '22007', NULL, 'unknown era digit');
SELECT throws_ok($$SELECT from_wareki('天保3年1月1日')$$, '22007', NULL, 'era ICU does not know');
SELECT throws_ok($$SELECT from_wareki('2025-02-01 junk')$$, '22007', NULL, 'unknown format');
SELECT throws_ok($$SELECT from_wareki('')$$, '22007', NULL, 'empty');
SELECT throws_ok($$SELECT wareki('2025-02-01'::date, 'iso')$$, '22023', NULL, 'bad style');
SELECT throws_ok($$SELECT wareki('1868-01-01'::date)$$, '22008', NULL, 'before 明治');

-- notice windows
SELECT is(outage_window_from_notice('東日本エリア：令和7年2月1日（土）22:00～2月2日（日）0:30（予定）'),
	(SELECT period FROM outage_schedule WHERE id = 1), '事務連絡 line 1 is seed 1');
SELECT is(outage_window_from_notice(E'東日本エリア：令和7年2月1日(土) 22:00～\n\n2月2日(日) 0:30(予定)'),
	(SELECT period FROM outage_schedule WHERE id = 1), '日医 line 1, broken over two lines, is seed 1');
SELECT is(outage_window_from_notice('東日本エリア：令和7年2月2日(日) 3:00～22:00(予定)', 'intermittent'),
	(SELECT period FROM outage_schedule WHERE id = 2), 'seed 2');
SELECT is(outage_window_from_notice('西日本エリア：令和7年2月2日（日）7:00～8:00（予定）', 'intermittent'),
	(SELECT period FROM outage_schedule WHERE id = 3), 'seed 3');
SELECT is(outage_window_from_notice('東日本エリア：令和7年2月1日(土) 22:00～2月2日(日) 0:30(予定)', 'registration_delay'),
	(SELECT period FROM outage_schedule WHERE id = 4), 'seed 4');
SELECT is(outage_window_from_notice('東日本エリア：令和7年2月2日(日) 3:00～22:00(予定)', 'registration_delay'),
	(SELECT period FROM outage_schedule WHERE id = 5), 'seed 5');
SELECT is(outage_window_from_notice('令和7年2月1日 22:00〜翌0:30'),
	(SELECT period FROM outage_schedule WHERE id = 1), '翌 and the wave dash');
SELECT is(outage_window_from_notice('R7.2.1 22:00-R7.2.2 0:30'),
	(SELECT period FROM outage_schedule WHERE id = 1), 'short forms and a hyphen');
SELECT throws_ok($$SELECT outage_window_from_notice('令和7年2月1日(土) 22:00～0:30')$$, '22000', NULL,
	'a bare end time is on the start''s day');
SELECT throws_ok($$SELECT outage_window_from_notice('令和7年2月1日(土) 22:00～2月2日(月) 0:30')$$, '22007', NULL,
	'wrong end weekday');
SELECT throws_ok($$SELECT outage_window_from_notice('令和7年2月1日 25:00～26:00')$$, '22008', NULL,
	'no such hour');
SELECT throws_ok($$SELECT outage_window_from_notice('令和7年2月1日 22:00')$$, '22007', NULL,
	'no end');
SELECT throws_ok($$SELECT outage_window_from_notice('令和7年2月1日 22:00～23:00', 'down')$$, '22P02', NULL,
	'unknown kind');

SELECT * FROM finish();
ROLLBACK;
