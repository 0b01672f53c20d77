
-- ---------------------------------------------------------------------------
-- wareki: Japanese-era (和暦) dates and notice window text
-- ---------------------------------------------------------------------------
--
-- The eras come from ICU's Japanese calendar (the ICU the server links),
-- read once per backend.  wareki() and from_wareki() are IMMUTABLE because
-- that is what indexes and generated columns on them need, and because the
-- days of eras that have begun never change.  The one thing that can change
-- their results is a newer ICU that knows an era not yet announced today:
-- then dates after its first day print, and GYYMMDD digits read, with that
-- era.  Reindex expressions using them after such an ICU upgrade, as after
-- a collation version change.

CREATE FUNCTION @extschema@.wareki(pg_catalog.date, style pg_catalog.text DEFAULT 'long')
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'wareki_date'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.wareki(pg_catalog.date, pg_catalog.text) IS
'the date in the Japanese era calendar: style long 令和7年2月1日 (元年 for year 1), short R7.2.1, claim 5070201 (era digit, YY, MM, DD)';

CREATE FUNCTION @extschema@.wareki(pg_catalog.timestamp, style pg_catalog.text DEFAULT 'long')
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'wareki_timestamp'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.wareki(pg_catalog.timestamp, pg_catalog.text) IS
'the date of a Japan wall-clock time (timestamp without time zone, as HIS columns hold it) in the Japanese era calendar, whatever TimeZone is: style long 令和7年2月1日, short R7.2.1, claim 5070201';

CREATE FUNCTION @extschema@.wareki(pg_catalog.timestamptz, style pg_catalog.text DEFAULT 'long')
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'wareki_timestamptz'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.wareki(pg_catalog.timestamptz, pg_catalog.text) IS
'the Japan-time (Asia/Tokyo) date of the instant in the Japanese era calendar, whatever TimeZone is: style long 令和7年2月1日, short R7.2.1, claim 5070201';

CREATE FUNCTION @extschema@.from_wareki(pg_catalog.text)
RETURNS pg_catalog.date
AS 'MODULE_PATHNAME', 'from_wareki'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.from_wareki(pg_catalog.text) IS
'date from Japanese-era text: 令和7年2月1日 (元年, full-width, spaces, weekday checked), R7.2.1 or R07/02/01, claim-file GYYMMDD or GYYMM (era digits 1 明治 .. 5 令和), Gregorian YYYYMMDD; invalid days and dates outside their era are errors';

-- For audits over dirty data: NULL where from_wareki() raises, so one
-- mistyped date does not stop a statement (as to_prefecture() is for
-- prefecture).  PostgreSQL 15 has no soft input errors (they came in 16),
-- so the parser's status decides, with no error raised and caught.
CREATE FUNCTION @extschema@.from_wareki_or_null(pg_catalog.text)
RETURNS pg_catalog.date
AS 'MODULE_PATHNAME', 'from_wareki_or_null'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.from_wareki_or_null(pg_catalog.text) IS
'from_wareki() for dirty data: the date, or NULL for any text from_wareki() refuses (unknown form or era, no such day, a date outside its era)';

CREATE FUNCTION @extschema@.outage_window_from_notice(pg_catalog.text,
													  kind pg_catalog.text DEFAULT 'outage')
RETURNS @extschema@.outage_window
AS 'MODULE_PATHNAME', 'outage_window_from_notice'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.outage_window_from_notice(pg_catalog.text, pg_catalog.text) IS
'outage window from a notice''s text in Japan time, e.g. 令和7年2月1日(土)22:00～2月2日(日)0:30(予定): full- or half-width, weekdays checked, ～, a wave dash or - between, the end a bare time (same day), 翌0:30 (next day) or with its own date; a leading label ending in ： is skipped';

-- ---------------------------------------------------------------------------
-- outage_notice_windows: the windows of a whole notice, to review and insert
-- ---------------------------------------------------------------------------
--
-- Reads a notice as it is published (a portal article, a bullet list, a
-- letter) into one row per complete window, with the area and the kind the
-- notice's words give it (doc/notices.md).  It inserts nothing.  IMMUTABLE
-- for the same reason as from_wareki(): the text, the publication date and
-- ICU's eras decide the rows.

CREATE FUNCTION @extschema@.outage_notice_windows(notice pg_catalog.text,
												  published pg_catalog.date DEFAULT NULL,
												  kind pg_catalog.text DEFAULT NULL)
RETURNS TABLE (
	area pg_catalog.text,
	period @extschema@.outage_window,
	note pg_catalog.text,
	may_extend_to pg_catalog.timestamptz,
	line pg_catalog.int4,
	year_inferred pg_catalog.bool,
	approximation pg_catalog.text[],
	kind_from pg_catalog.text,
	area_from pg_catalog.text
)
AS 'MODULE_PATHNAME', 'outage_notice_windows'
LANGUAGE C IMMUTABLE PARALLEL SAFE ROWS 5;
COMMENT ON FUNCTION @extschema@.outage_notice_windows(pg_catalog.text, pg_catalog.date, pg_catalog.text) IS
'the complete outage windows of a whole notice (letter, portal article, bullet list), one row each, to review before INSERT INTO outage_schedule: area (NULL nationwide, east, west) and kind from the notice''s words (or the kind argument), period in Japan time, note as written, may_extend_to, line, year_inferred (from published, the nearest date), approximation words, the words behind kind and area; inserts nothing, refuses a notice over 1 MB (54000)';
