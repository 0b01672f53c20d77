--
-- wareki(), from_wareki(): Japanese-era dates, era boundaries, every
-- accepted form and every rejection with its SQLSTATE.
--
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS outage_window;
RESET client_min_messages;
SET DateStyle = 'ISO, YMD';

-- SQLSTATE (and whether a hint came with it) instead of the value
CREATE FUNCTION pg_temp.try_from_wareki(t text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
	h text;
BEGIN
	RETURN pg_catalog.to_char(from_wareki(t), 'YYYY-MM-DD');
EXCEPTION WHEN others THEN
	GET STACKED DIAGNOSTICS h = PG_EXCEPTION_HINT;
	RETURN 'ERROR ' || SQLSTATE || CASE WHEN h <> '' THEN ' +hint' ELSE ' no hint' END;
END $$;

-- the first and last day of every era, in every style.  明治 starts on
-- 1868-10-23, the day the era was proclaimed, in ICU 78 (CLDR 48) and later,
-- and on 1868-09-08 in earlier ICU: the server's ICU decides the days
-- between, so the tests start 明治 on 1868-10-23.
SELECT d, wareki(d) AS long, wareki(d, 'short') AS short, wareki(d, 'claim') AS claim
FROM (VALUES ('1868-10-23'::date), ('1912-07-29'), ('1912-07-30'), ('1926-12-24'),
             ('1926-12-25'), ('1989-01-07'), ('1989-01-08'), ('2019-04-30'),
             ('2019-05-01'), ('2019-12-31'), ('2020-01-01'), ('2025-02-01')) AS t(d)
ORDER BY d;

-- style names are case-insensitive; the default is long
SELECT wareki('2025-02-01'::date, 'SHORT') AS short_upper, wareki('2025-02-01'::date) AS dflt;

-- a timestamptz is shown as its Japan date, whatever TimeZone says:
-- 2019-04-30 15:00 UTC is 2019-05-01 00:00 in Japan
SET TimeZone = 'UTC';
SELECT wareki('2019-04-30 15:00:00+00'::timestamptz) AS utc,
       wareki('2019-04-30 14:59:59.999999+00'::timestamptz) AS utc_before;
SET TimeZone = 'Asia/Tokyo';
SELECT wareki('2019-04-30 15:00:00+00'::timestamptz) AS tokyo,
       wareki('2019-04-30 14:59:59.999999+00'::timestamptz) AS tokyo_before;
SET TimeZone = 'America/Los_Angeles';
SELECT wareki('2019-04-30 15:00:00+00'::timestamptz) AS los_angeles,
       wareki('2025-02-01 23:30'::timestamptz, 'short') AS la_local_evening;
SET TimeZone = 'Pacific/Chatham';
SELECT wareki('2019-04-30 15:00:00+00'::timestamptz) AS chatham,
       wareki('1989-01-07 15:00:00+00'::timestamptz, 'long') AS heisei_day_one;
-- a timestamp without time zone is a Japan wall-clock time: its own date,
-- not the date the session TimeZone would give it
SET TimeZone = 'America/Los_Angeles';
SELECT wareki('2019-04-30 23:30'::timestamp) AS local_heisei,
       wareki('2019-05-01 00:00'::timestamp, 'short') AS local_reiwa,
       wareki('2019-04-30 23:30'::timestamp::timestamptz) AS via_session_zone;
RESET TimeZone;

-- every accepted input form
SELECT input, pg_temp.try_from_wareki(input) AS result
FROM (VALUES
	('令和7年2月1日'), ('令和元年5月1日'), ('令和1年5月1日'), ('令和７年２月１日'),
	('令和 7 年 1 月 30 日'), ('　令和７年２月１日　'), ('令和7年2月1日(土)'),
	('令和7年2月1日（土）'), ('令和7年2月1日 (土曜日)'), ('令和7年2月1日(土曜)'),
	('令和07年02月01日'), ('㋿7年2月1日'), ('㍻31年4月30日'),
	('平成31年4月30日'), ('平成元年1月8日'), ('昭和64年1月7日'), ('昭和元年12月25日'),
	('大正15年12月24日'), ('大正元年7月30日'), ('明治45年7月29日'), ('明治元年10月23日'),
	('R7.2.1'), ('r7.2.1'), ('R07.02.01'), ('R7/2/1'), ('R07/02/01'), ('R7-2-1'),
	('Ｒ７．２．１'), ('H31.4.30'), ('h31/04/30'), ('S64.1.7'), ('R1.5.1'), ('R元.5.1'),
	('T1.7.30'), ('M45.7.29'), ('R7年2月1日'), ('令和7.2.1'), ('令和7/2/1'),
	('5070201'), ('4310430'), ('5010501'), ('3640107'), ('4010108'), ('1450729'),
	('５０７０２０１'), ('２０７０２０１'), ('50702'), ('43104'), ('20250201'), ('19890107'),
	('2025年2月1日')
) AS t(input);

-- round trip: every day from 1868-10-23 (明治 in every ICU) to 2100, in all three
-- styles where the style can hold it; no mismatches
SELECT count(*) AS days,
       count(*) FILTER (WHERE from_wareki(wareki(d)) <> d) AS long_mismatch,
       count(*) FILTER (WHERE from_wareki(wareki(d, 'short')) <> d) AS short_mismatch,
       count(*) FILTER (WHERE d >= '1989-01-08'
                          AND from_wareki(wareki(d, 'claim')) <> d) AS claim_mismatch
FROM (SELECT g::date AS d
      FROM pg_catalog.generate_series('1868-10-23'::timestamp, '2100-12-31', '1 day') g) s;

-- every rejection: 22008 for days that do not exist or lie outside their
-- era, 22007 for what is no date form, an unknown era, a wrong weekday
SELECT input, pg_temp.try_from_wareki(input) AS result
FROM (VALUES
	('令和7年2月30日'), ('令和7年13月1日'), ('令和7年0月1日'), ('令和7年2月0日'),
	('令和0年1月1日'), ('平成32年1月1日'), ('平成31年5月1日'), ('令和元年4月30日'),
	('昭和64年1月8日'), ('平成元年1月7日'), ('明治元年9月7日'), ('R7.2.29'),
	('H32.1.1'), ('5070230'), ('4320101'), ('5000101'), ('50713'), ('20250230'),
	('令和7年2月1日(日)'), ('R7.2.1(月)'),
	('天保3年1月1日'), ('X7.2.1'), ('6070201'), ('0070201'),
	(''), ('   '), ('令和7年2月'), ('令和7年2月1日 22:00'), ('R7.2/1'), ('R7..2.1'),
	('2025-02-01x'), ('502'), ('250201'), ('令和七年二月一日'), ('令和7年2月1日(予定)')
) AS t(input);

-- the messages, in full, for one of each
\set VERBOSITY default
SELECT from_wareki('令和7年2月30日');
SELECT from_wareki('令和元年4月30日');
SELECT from_wareki('平成32年1月1日');
SELECT from_wareki('令和7年2月1日(日)');
SELECT from_wareki('天保3年1月1日');
SELECT from_wareki('令和7年2月1日です');
SELECT wareki('2025-02-01'::date, 'iso');
-- (its DETAIL names 明治's first day as the server's ICU has it)
\set VERBOSITY terse
SELECT wareki('1868-09-07'::date);
\set VERBOSITY default
SELECT wareki('1900-01-01'::date, 'claim');
\set VERBOSITY sqlstate
SELECT wareki('infinity'::date);
SELECT wareki('-infinity'::timestamptz);
SELECT wareki(NULL::date) IS NULL AS strict_null, from_wareki(NULL) IS NULL AS strict_null2;

-- DateStyle and TimeZone change nothing
SET DateStyle = 'SQL, DMY';
SET TimeZone = 'Pacific/Chatham';
SELECT from_wareki('令和7年2月1日') = '2025-02-01'::date AS sql_dmy,
       wareki('2025-02-01'::date) AS long;
SET DateStyle = 'German';
SELECT from_wareki('R7.2.1') = '2025-02-01'::date AS german,
       wareki(from_wareki('5070201'), 'short') AS short;
SET DateStyle = 'Postgres, MDY';
SET TimeZone = 'America/Los_Angeles';
SELECT from_wareki('H31.4.30') = '2019-04-30'::date AS postgres_mdy,
       wareki('2019-05-01 00:00+09'::timestamptz) AS reiwa_day_one;
RESET DateStyle;
RESET TimeZone;

-- labels and comments
SELECT p.oid::regprocedure AS function, p.provolatile, p.proisstrict, p.proparallel,
       pg_catalog.obj_description(p.oid, 'pg_proc') IS NOT NULL AS commented
FROM pg_catalog.pg_proc p
WHERE p.proname IN ('wareki', 'from_wareki', 'outage_window_from_notice')
ORDER BY p.oid::regprocedure::text;
