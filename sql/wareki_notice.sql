--
-- outage_window_from_notice(): the windows of the 2025-01-30 notice, read
-- from its own text, give exactly the seeded windows.
--
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS outage_window;
RESET client_min_messages;

CREATE FUNCTION pg_temp.try_notice(t text, k text DEFAULT 'outage') RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
	h text;
BEGIN
	RETURN outage_window_from_notice(t, k)::text;
EXCEPTION WHEN others THEN
	GET STACKED DIAGNOSTICS h = PG_EXCEPTION_HINT;
	RETURN 'ERROR ' || SQLSTATE || CASE WHEN h <> '' THEN ' +hint' ELSE ' no hint' END;
END $$;

-- The window lines of ../shared/reference/notice-2025-01-30-network-renewal.ja.md,
-- verbatim.  The 日医 part breaks the first window over two lines
-- ("…22:00～" and "2月2日(日) 0:30(予定)", a blank line between); it is
-- given joined with that line break kept, as pasted.  Rows 4 and 5 of the
-- schedule are the West's registration delay during the East's windows, so
-- the East lines read as registration_delay must give them too.
CREATE TEMP TABLE notice_lines (part text, line text, id int, kind text);
INSERT INTO notice_lines VALUES
	('日医', E'東日本エリア：令和7年2月1日(土) 22:00～\n\n2月2日(日) 0:30(予定)', 1, 'outage'),
	('日医', '東日本エリア：令和7年2月2日(日) 3:00～22:00(予定)', 2, 'intermittent'),
	('日医', '西日本エリア：令和7年2月2日(日) 7:00～8:00(予定)', 3, 'intermittent'),
	('事務連絡', '東日本エリア：令和7年2月1日（土）22:00～2月2日（日）0:30（予定）', 1, 'outage'),
	('事務連絡', '東日本エリア：令和7年2月2日（日）3:00～22:00（予定）', 2, 'intermittent'),
	('事務連絡', '西日本エリア：令和7年2月2日（日）7:00～8:00（予定）', 3, 'intermittent'),
	('日医', E'東日本エリア：令和7年2月1日(土) 22:00～\n\n2月2日(日) 0:30(予定)', 4, 'registration_delay'),
	('日医', '東日本エリア：令和7年2月2日(日) 3:00～22:00(予定)', 5, 'registration_delay'),
	('事務連絡', '東日本エリア：令和7年2月1日（土）22:00～2月2日（日）0:30（予定）', 4, 'registration_delay'),
	('事務連絡', '東日本エリア：令和7年2月2日（日）3:00～22:00（予定）', 5, 'registration_delay');

SELECT n.part, n.id, outage_window_from_notice(n.line, n.kind) AS parsed,
       outage_window_from_notice(n.line, n.kind) = s.period AS same_as_seed
FROM notice_lines n JOIN outage_schedule s ON s.id = n.id
ORDER BY n.id, n.part;

-- the same under other time zones: Japan time always
SET TimeZone = 'America/Los_Angeles';
SELECT count(*) FILTER (WHERE outage_window_from_notice(n.line, n.kind) = s.period) AS same,
       count(*) AS lines
FROM notice_lines n JOIN outage_schedule s ON s.id = n.id;
SET TimeZone = 'Pacific/Chatham';
SET DateStyle = 'SQL, DMY';
SELECT count(*) FILTER (WHERE outage_window_from_notice(n.line, n.kind) = s.period) AS same,
       count(*) AS lines
FROM notice_lines n JOIN outage_schedule s ON s.id = n.id;
RESET TimeZone;
RESET DateStyle;

-- other ways notices write a window
SET TimeZone = 'UTC';
SELECT input, pg_temp.try_notice(input) AS result
FROM (VALUES
	('令和7年2月1日(土)22:00～2月2日(日)0:30'),
	('令和７年２月１日（土）２２：００～２月２日（日）０：３０（予定）'),
	('令和7年2月1日 22:00〜翌0:30'),
	('令和7年2月1日 22:00 - 翌日 0:30'),
	('令和7年2月1日(土) 22:00～令和7年2月2日(日) 0:30'),
	('R7.2.1 22:00-R7.2.2 0:30'),
	('R7.2.1(土) 22:00～2/2(日) 0:30'),
	('2025/02/01 22:00～2025/02/02 00:30'),
	('令和7年2月1日(土・祝) 22:00～2月2日(日) 0:30'),
	('2025年2月1日 22:00～2月2日 0:30'),
	('令和7年2月2日(日)3:00～22:00(予定)'),
	('令和7年2月2日(日) 7時～8時'),
	('令和7年2月2日 7時30分～8時まで'),
	('令和7年2月1日(土) 22:00～24:00'),
	('令和7年2月2日(日) 7:00:00～8:00:00'),
	('令和6年12月31日(火) 22:00～令和7年1月1日(水) 2:00'),
	('平成31年4月30日(火) 23:00～令和元年5月1日(水) 1:00')
) AS t(input);
RESET TimeZone;

SELECT outage_window_from_notice('令和7年2月2日(日) 7:00～8:00', 'registration_delay') AS kind_given,
       kind(outage_window_from_notice('令和7年2月2日(日) 7:00～8:00')) AS kind_default;

-- rejections: 22000 for an end not after the start, 22007 for a weekday
-- that is not the date's or text that is no window, 22008 for a day or
-- time that does not exist, 22P02 for an unknown kind
SELECT input, pg_temp.try_notice(input) AS result
FROM (VALUES
	('令和7年2月1日(土) 22:00～0:30'),
	('令和7年2月2日(日) 8:00～7:00'),
	('令和7年2月2日(日) 7:00～7:00'),
	('令和7年2月2日(日) 3:00～2月1日(土) 22:00'),
	('令和6年12月31日(火) 22:00～1月1日(水) 2:00'),
	('令和7年2月1日(日) 22:00～翌0:30'),
	('令和7年2月1日(土) 22:00～2月2日(月) 0:30'),
	('令和7年2月30日 22:00～23:00'),
	('令和元年4月30日 22:00～23:00'),
	('令和7年2月1日 25:00～26:00'),
	('令和7年2月1日 22:60～23:00'),
	('令和7年2月1日 24:00～翌1:00'),
	('令和7年2月1日 22:00'),
	('令和7年2月1日 22:00～'),
	('令和7年2月1日～2月2日'),
	('令和7年2月1日 22:00～0:30 頃'),
	('東日本エリア'),
	(''),
	('令和7年2月1日 22:00～2月30日 1:00')
) AS t(input);
SELECT pg_temp.try_notice('令和7年2月2日(日) 7:00～8:00', 'maintenance') AS bad_kind;

\set VERBOSITY default
SELECT outage_window_from_notice('令和7年2月1日(土) 22:00～0:30(予定)');
SELECT outage_window_from_notice('令和7年2月1日(日) 22:00～翌0:30');
SELECT outage_window_from_notice('令和7年2月1日(土) 22:00 から 0:30');
SELECT outage_window_from_notice('令和7年2月2日(日) 7:00～8:00', 'maintenance');
\set VERBOSITY sqlstate
