--
-- outage_window: text literals, errors, round trips, binary I/O
--
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS outage_window;
RESET client_min_messages;
SET TimeZone = 'UTC';
SET DateStyle = 'ISO, MDY';

-- canonical output: Japan time, explicit offset, [ ), kind
SELECT '[2025-02-01 22:00,2025-02-02 00:30) outage'::outage_window;
-- no kind means outage; kind is case-insensitive and may be surrounded by blanks
SELECT '[2025-02-02 03:00,2025-02-02 22:00)'::outage_window;
SELECT '  [2025-02-02 07:00, 2025-02-02 08:00)   InterMittent  '::outage_window;
SELECT '[2025-02-02 07:00,2025-02-02 08:00)registration_delay'::outage_window;
-- bounds with a zone are taken as given
SELECT '[2025-02-01 13:00+00,2025-02-01 15:30 UTC) outage'::outage_window;
SELECT '[2025-02-01T13:00:00Z,2025-02-01 08:30 America/New_York) outage'::outage_window;
-- quoted bounds, escapes
SELECT '["2025-02-01 22:00","2025-02-02 00:30") outage'::outage_window;
SELECT '["2025-02-01 22:00" , "2025-02-02 00:30") outage'::outage_window;
SELECT '["2025-02-01 22:00 Asia/Tokyo","2025\-02-02 00:30") outage'::outage_window;
SELECT '[2025-02-01 22:00,"2025-02-02 00:30 ""UTC""") outage'::outage_window;
-- bracket forms are canonicalised to [ ) by one microsecond
SELECT '(2025-02-01 22:00,2025-02-02 00:30] outage'::outage_window;
SELECT '[2025-02-01 22:00,2025-02-02 00:30] outage'::outage_window;
SELECT '(2025-02-01 22:00,2025-02-02 00:30) outage'::outage_window;
SELECT '(2025-02-01 22:00,2025-02-01 22:00:00.000002) outage'::outage_window;
-- fractional seconds only when nonzero
SELECT '[2025-02-01 22:00:00.000001,2025-02-01 22:00:00.5] outage'::outage_window;
-- unbounded ends
SELECT '[,)'::outage_window;
SELECT '(,]'::outage_window;
SELECT '[-infinity,2025-02-02) intermittent'::outage_window;
SELECT '["-infinity", "infinity"]'::outage_window;
SELECT '[2025-02-01, ) outage'::outage_window;
SELECT '[epoch,infinity) outage'::outage_window;
-- Japan's DST (1948-1951) and local mean time before 1888 come from the tz database
SELECT '[1950-05-01 12:00,1950-06-01 00:00) outage'::outage_window;
SELECT '[1800-05-01 12:00,1800-06-01 00:00) outage'::outage_window;
SELECT '[0100-01-01 BC,0100-01-02 BC) outage'::outage_window;
-- a one-microsecond window
SELECT '[2025-02-01 22:00,2025-02-01 22:00:00.000001) outage'::outage_window;

-- bad literals: every error with its SQLSTATE, message and detail
CREATE FUNCTION pg_temp.ow_input_error(literal text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
	st text;
	msg text;
	det text;
BEGIN
	PERFORM literal::outage_window;
	RETURN 'accepted';
EXCEPTION WHEN OTHERS THEN
	GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, msg = MESSAGE_TEXT,
		det = PG_EXCEPTION_DETAIL;
	RETURN st || ' | ' || msg || coalesce(' | ' || nullif(det, ''), '');
END
$$;
SELECT literal, pg_temp.ow_input_error(literal) AS error
FROM (VALUES
	-- syntax: 22P02
	(''),
	('   '),
	('2025-02-01,2025-02-02)'),
	('{2025-02-01,2025-02-02)'),
	('[2025-02-01 2025-02-02)'),
	('[2025-02-01'),
	('[2025-02-01,2025-02-02'),
	('[2025-02-01,2025-02-02}'),
	('[2025-02-01,2025-02-02,2025-02-03)'),
	('["2025-02-01,2025-02-02)'),
	('["2025-02-01"x,2025-02-02)'),
	('[2025-02-01,2025-02-02\'),
	('[2025-02-01,(2025-02-02)'),
	('[2025-02-01,2025-02-02) foo'),
	('[2025-02-01,2025-02-02) outage outage'),
	('[2025-02-01,2025-02-02) "outage"'),
	('[2025-02-01,2025-02-02) out'),
	('[2025-02-01,2025-02-02) outages'),
	-- bad timestamps: 22007, 22008
	('[xyz,2025-02-02)'),
	('[2025-02-01,"")'),
	('[2025-02-01 12:00 Mars/Olympus,2025-02-02)'),
	('[2025-02-31,2025-03-02)'),
	('[2025-02-01 25:00,2025-03-02)'),
	('[now,infinity)'),
	('[today,infinity)'),
	('[-infinity,tomorrow)'),
	('[yesterday,infinity)'),
	('[2025-02-01,294277-01-02)'),
	('[2025-02-01,294276-12-31 23:59:59.999999+00]'),
	('[4714-11-23 BC,2025-02-01)'),
	-- empty or reversed windows: 22000
	('[2025-02-02,2025-02-01)'),
	('[2025-02-01,2025-02-01)'),
	('(2025-02-01,2025-02-01]'),
	('(2025-02-01 00:00,2025-02-01 00:00:00.000001)'),
	('[2025-02-01 00:00+09,2025-01-31 15:00+00)'),
	('[infinity,infinity]'),
	('[infinity,)'),
	('[,-infinity)'),
	('[-infinity,-infinity]')
) AS v(literal);
-- errors carry a hint saying what a window looks like
\set VERBOSITY default
SELECT '[2025-02-01 2025-02-02)'::outage_window;
SELECT '[2025-02-01,2025-02-02) planned'::outage_window;
SELECT '[2025-02-02,2025-02-01)'::outage_window;
SELECT '[now,infinity)'::outage_window;
\set VERBOSITY sqlstate

-- bounds without a zone are Japan time whatever TimeZone and DateStyle are
SET TimeZone = 'America/Los_Angeles';
SET DateStyle = 'SQL, DMY';
SELECT lower('[2025-02-01 22:00,2025-02-02 00:30)'::outage_window)
	= '2025-02-01 13:00:00+00'::timestamptz AS japan_time;
SELECT '[2025-02-01 22:00,2025-02-02 00:30)'::outage_window;
-- A date that DateStyle decides is refused under every DateStyle, even the
-- one that would read it as meant: the input function is immutable, so its
-- value may not depend on the session (22007, with the accepted form).
SET DateStyle = 'German';
SELECT '[01.02.2025 22:00,02.02.2025 00:30)'::outage_window;
SET DateStyle = 'SQL, MDY';
SELECT '[02/01/2025 22:00,02/02/2025 00:30)'::outage_window;
SET DateStyle = 'SQL, DMY';
SELECT '[01/02/2025 22:00,02/02/2025 00:30)'::outage_window;
\set VERBOSITY default
SELECT '[2025-02-01 22:00,02/02/2025 00:30)'::outage_window;
-- zone abbreviations mean what timezone_abbreviations says: refused;
-- Z and UTC are +00 under every set
SET timezone_abbreviations = 'India';
SELECT '[2025-02-01 22:00 IST,infinity)'::outage_window;
SELECT '[2025-02-01T13:00Z,2025-02-01 15:30 UTC)'::outage_window;
RESET timezone_abbreviations;
SELECT '[2025-02-01 22:00 JST,infinity)'::outage_window;
\set VERBOSITY sqlstate
-- a zone name of letters only (this crashed the server before)
SELECT '[2025-02-01 22:00 Japan,2025-02-02 00:30 Singapore)'::outage_window;
SELECT '[2025-02-01 22:00 Atlantis,infinity)'::outage_window;
RESET DateStyle;
RESET TimeZone;

-- The same literal is the same value under every DateStyle, TimeZone and
-- zone abbreviation set, or refused under all of them.
CREATE FUNCTION pg_temp.ow_read(literal text, ds text, tz text, abbrevs text)
RETURNS text
LANGUAGE plpgsql AS $$
BEGIN
	PERFORM set_config('DateStyle', ds, true);
	PERFORM set_config('TimeZone', tz, true);
	PERFORM set_config('timezone_abbreviations', abbrevs, true);
	RETURN literal::outage_window::text;
EXCEPTION WHEN OTHERS THEN
	RETURN SQLSTATE;
END
$$;
CREATE TEMP TABLE ow_settings AS
SELECT ds, tz, abbrevs
FROM unnest(ARRAY['ISO', 'SQL', 'German', 'Postgres']) AS style,
	 unnest(ARRAY['MDY', 'DMY', 'YMD']) AS ord,
	 unnest(ARRAY['UTC', 'Asia/Tokyo', 'America/Los_Angeles', 'Pacific/Chatham']) AS tz,
	 unnest(ARRAY['Default', 'India']) AS abbrevs,
	 LATERAL (SELECT style || ', ' || ord) AS d(ds);
SELECT literal, count(DISTINCT v) AS readings, count(*) AS settings, min(v) AS value
FROM (VALUES
	-- accepted: year-month-day, or a year no date order can take for a day
	('[2025-02-01 22:00,2025-02-02 00:30)'),
	('[2025-02-01T22:00:00.5,infinity) intermittent'),
	('[2025/02/01 22:00,20250202 003000)'),
	('[20250201T220000,infinity)'),
	('[2025-02-01 10:00 pm,infinity)'),
	('[Feb 1 2025 22:00,1 Feb 2025 23:00)'),
	('[2025.032,J2460709)'),
	('[epoch,infinity)'),
	('[0044-03-15 BC,0044-03-16 BC)'),
	-- accepted: offsets, Z, UTC and zone names
	('[2025-02-01 13:00+00,2025-02-01 22:30+0900)'),
	('[2025-02-01T13:00:00Z,2025-02-01 15:30 UTC)'),
	('[2025-02-01 22:00 Asia/Tokyo,2025-02-01 08:30 America/New_York)'),
	('[2025-02-01 22:00 Japan,2025-02-02 00:30 Etc/UTC)'),
	-- refused: the date order decides
	('[01/02/2025,infinity)'),
	('[13/02/2025,infinity)'),
	('[01.02.2025,infinity)'),
	('[25-02-01,infinity)'),
	('[Feb-01-25,infinity)'),
	-- refused: the abbreviation set decides
	('[2025-02-01 22:00 JST,infinity)'),
	('[2025-02-01 22:00 IST,infinity)'),
	('[Sat Feb 01 22:00:00 2025 JST,infinity)')
) AS l(literal),
LATERAL (SELECT pg_temp.ow_read(literal, ds, tz, abbrevs) AS v FROM ow_settings) AS r
GROUP BY literal
ORDER BY min(v) LIKE '2%', literal;
RESET DateStyle;
RESET TimeZone;
RESET timezone_abbreviations;

-- An expression index on text::outage_window agrees with a scan whatever
-- the settings were when it was built and when it is read.
CREATE TEMP TABLE ow_text (id int, txt text);
INSERT INTO ow_text
SELECT i, (ARRAY['[2025-02-01 22:00,2025-02-02 00:30) outage',
				 '[2025-02-01T22:00:00+09,2025-02-02T00:30:00+09) outage',
				 '[2025-02-01 13:00Z,2025-02-01 15:30 UTC) outage',
				 '[20250201 220000,20250202 003000) outage',
				 '[2025-02-01 22:00 Asia/Tokyo,2025-02-01 10:30 America/New_York) outage'])[i % 5 + 1]
FROM generate_series(1, 1000) AS i;
SET DateStyle = 'German, DMY';
SET TimeZone = 'Pacific/Chatham';
CREATE INDEX ow_text_window ON ow_text ((txt::outage_window));
ANALYZE ow_text;
SET DateStyle = 'SQL, MDY';
SET TimeZone = 'America/Los_Angeles';
SET enable_seqscan = off;
SET enable_bitmapscan = off;
EXPLAIN (COSTS OFF)
SELECT count(*) FROM ow_text WHERE txt::outage_window = '[2025-02-01 22:00,2025-02-02 00:30) outage';
SELECT count(*) AS through_index FROM ow_text
WHERE txt::outage_window = '[2025-02-01 22:00,2025-02-02 00:30) outage';
RESET enable_seqscan;
SET enable_indexscan = off;
SET enable_indexonlyscan = off;
SELECT count(*) AS through_scan FROM ow_text
WHERE txt::outage_window = '[2025-02-01 22:00,2025-02-02 00:30) outage';
RESET enable_indexscan;
RESET enable_indexonlyscan;
RESET enable_bitmapscan;
-- a text the index could read differently later is never let in
SET DateStyle = 'ISO, DMY';
INSERT INTO ow_text VALUES (0, '[01/02/2025 22:00,02/02/2025 00:30) outage');
SET DateStyle = 'ISO, MDY';
SELECT count(*) FROM ow_text WHERE id = 0;
DROP TABLE ow_text;
SET TimeZone = 'UTC';
SET DateStyle = 'ISO, MDY';

-- round trips: text form identical and value equal under every setting
CREATE TEMP TABLE ow_samples (w outage_window, txt text);
INSERT INTO ow_samples (w) VALUES
	('[2025-02-01 22:00,2025-02-02 00:30) outage'),
	('[2025-02-02 03:00,2025-02-02 22:00) intermittent'),
	('[2025-02-02 07:00,2025-02-02 08:00) registration_delay'),
	('[2025-02-01 22:00:00.123456,2025-02-01 22:00:00.123457) outage'),
	('[-infinity,2025-02-02) outage'),
	('[2025-02-02,infinity) outage'),
	('[-infinity,infinity) intermittent'),
	('[1950-05-06 23:30,1950-05-07 02:30) outage'),
	('[1951-09-08 23:30,1951-09-09 02:30) outage'),
	('[1800-01-01,1800-01-02) outage'),
	('[0044-03-15 BC,0044-03-16 BC) outage'),
	('[4713-01-01 BC,294276-12-31) outage');
UPDATE ow_samples SET txt = w::text;
SELECT txt FROM ow_samples ORDER BY w;
\set VERBOSITY default

DO $$
DECLARE
	ds text;
	tz text;
	checked int := 0;
	r record;
BEGIN
	FOREACH ds IN ARRAY ARRAY['ISO, MDY', 'ISO, DMY', 'ISO, YMD',
							  'SQL, MDY', 'SQL, DMY', 'SQL, YMD',
							  'Postgres, MDY', 'Postgres, DMY', 'Postgres, YMD',
							  'German, MDY', 'German, DMY', 'German, YMD']
	LOOP
		FOREACH tz IN ARRAY ARRAY['UTC', 'Asia/Tokyo', 'America/Los_Angeles',
								  'Pacific/Chatham', 'Asia/Kolkata']
		LOOP
			PERFORM set_config('DateStyle', ds, true);
			PERFORM set_config('TimeZone', tz, true);
			FOR r IN SELECT w, txt FROM ow_samples LOOP
				IF r.w::text IS DISTINCT FROM r.txt THEN
					RAISE EXCEPTION 'text differs under % / %: % vs %', ds, tz, r.w::text, r.txt;
				END IF;
				IF r.w::text::outage_window IS DISTINCT FROM r.w THEN
					RAISE EXCEPTION 'round trip differs under % / %: %', ds, tz, r.txt;
				END IF;
				checked := checked + 1;
			END LOOP;
		END LOOP;
	END LOOP;
	RAISE NOTICE 'round trips checked: %', checked;
END
$$;
\set VERBOSITY sqlstate

-- binary COPY round trip
SELECT current_setting('data_directory') || '/outage_window_regress_io.bin' AS io_file \gset
COPY ow_samples (w) TO :'io_file' (FORMAT binary);
CREATE TEMP TABLE ow_copy (w outage_window);
COPY ow_copy FROM :'io_file' (FORMAT binary);
SELECT count(*) AS copied,
	   count(*) FILTER (WHERE w IN (SELECT w FROM ow_samples)) AS equal
FROM ow_copy;
SELECT (SELECT array_agg(w ORDER BY w) FROM ow_copy)
	 = (SELECT array_agg(w ORDER BY w) FROM ow_samples) AS same_set;
SELECT outage_window_send('[2025-02-01 22:00,2025-02-02 00:30) outage');

-- binary input is validated like text input: a bytea field's binary form is
-- its raw bytes, so it smuggles hand-made payloads into a binary COPY
\set VERBOSITY default
CREATE TEMP TABLE ow_raw (b bytea);
CREATE FUNCTION pg_temp.ow_try_recv(payload bytea) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
	result text;
BEGIN
	TRUNCATE ow_raw;
	INSERT INTO ow_raw VALUES (payload);
	EXECUTE format('COPY ow_raw TO %L (FORMAT binary)', current_setting('data_directory') || '/outage_window_regress_raw.bin');
	TRUNCATE ow_copy;
	EXECUTE format('COPY ow_copy FROM %L (FORMAT binary)', current_setting('data_directory') || '/outage_window_regress_raw.bin');
	SELECT w::text INTO result FROM ow_copy;
	RETURN result;
EXCEPTION WHEN OTHERS THEN
	RETURN SQLSTATE || ': ' || SQLERRM;
END
$$;
-- valid
SELECT pg_temp.ow_try_recv(int8send(0) || int8send(3600000000) || int4send(2));
SELECT pg_temp.ow_try_recv(int8send(-9223372036854775808) || int8send(9223372036854775807) || int4send(1));
-- lower >= upper
SELECT pg_temp.ow_try_recv(int8send(3600000000) || int8send(0) || int4send(3));
SELECT pg_temp.ow_try_recv(int8send(0) || int8send(0) || int4send(3));
-- kind out of range
SELECT pg_temp.ow_try_recv(int8send(0) || int8send(1) || int4send(0));
SELECT pg_temp.ow_try_recv(int8send(0) || int8send(1) || int4send(4));
-- timestamp out of range
SELECT pg_temp.ow_try_recv(int8send(0) || int8send(9223372036854775806) || int4send(3));
-- short or long payloads
SELECT pg_temp.ow_try_recv(int8send(0) || int8send(1));
SELECT pg_temp.ow_try_recv(int8send(0) || int8send(1) || int4send(3) || '\x00'::bytea);
\set VERBOSITY sqlstate
