--
-- Error messages quote at most 100 bytes of a rejected input, cut on a
-- character boundary and followed by "...": a huge bad value must not be
-- copied whole into the server log.
--
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS outage_window;
RESET client_min_messages;
SET DateStyle = 'ISO, MDY';
SET TimeZone = 'UTC';

CREATE FUNCTION pg_temp.error_of(query text)
RETURNS TABLE (sqlstate text, message_bytes int, detail_bytes int, message text)
LANGUAGE plpgsql AS $$
DECLARE
	st text;
	msg text;
	det text;
BEGIN
	EXECUTE query;
	RETURN QUERY SELECT 'accepted', 0, 0, ''::text;
EXCEPTION WHEN OTHERS THEN
	GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, msg = MESSAGE_TEXT,
		det = PG_EXCEPTION_DETAIL;
	RETURN QUERY SELECT st, octet_length(msg), octet_length(det), msg;
END
$$;

-- ten million bytes each, in every input and parse function
SELECT what, e.sqlstate, e.message_bytes, e.detail_bytes, e.message
FROM (VALUES
	('prefecture', $q$SELECT repeat('東京都', 3333334)::prefecture$q$),
	('text prefecture', $q$SELECT is_eligibility_affected(repeat('x', 10000000), now())$q$),
	('outage_window syntax', $q$SELECT ('[2025-02-01 ' || repeat('x', 10000000))::outage_window$q$),
	('outage_window bound', $q$SELECT ('[2025-02-01 ' || repeat('x', 10000000) || ',)')::outage_window$q$),
	('outage_window kind', $q$SELECT ('[2025-02-01,2025-02-02) ' || repeat('x', 10000000))::outage_window$q$),
	('outage_window() kind', $q$SELECT outage_window('2025-02-01', '2025-02-02', repeat('x', 10000000))$q$),
	('outage_calendar syntax', $q$SELECT ('{"east"(1): ' || repeat('x', 10000000) || '}')::outage_calendar$q$),
	('outage_calendar area', $q$SELECT ('{"' || repeat('x', 17000000) || '"(1): ; "' || repeat('x', 17000000) || '"(2): }')::outage_calendar$q$),
	('from_wareki', $q$SELECT from_wareki(repeat('令和', 1666667))$q$),
	('outage_window_from_notice', $q$SELECT outage_window_from_notice(repeat('x', 10000000))$q$),
	('outage_window_from_notice kind', $q$SELECT outage_window_from_notice('令和7年2月1日(土) 22:00～翌0:30', repeat('x', 10000000))$q$),
	('wareki style', $q$SELECT wareki(date '2025-02-01', repeat('x', 10000000))$q$)
) AS q(what, query),
LATERAL pg_temp.error_of(query) AS e;

-- to_prefecture() says nothing: it answers NULL
SELECT to_prefecture(repeat('x', 10000000)) IS NULL AS null_for_long_text;

-- the cut never splits a character: 'x' and 40 kanji are 121 bytes, and
-- the message keeps 'x' and 33 kanji (100 bytes)
SELECT e.message, octet_length(e.message) AS bytes
FROM pg_temp.error_of($q$SELECT ('x' || repeat('東', 40))::prefecture$q$) AS e;
SELECT e.message
FROM pg_temp.error_of($q$SELECT ('[' || 'x' || repeat('東', 40) || ',)')::outage_window$q$) AS e;
