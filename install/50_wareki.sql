
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

CREATE FUNCTION @extschema@.outage_window_from_notice(pg_catalog.text,
													  kind pg_catalog.text DEFAULT 'outage')
RETURNS @extschema@.outage_window
AS 'MODULE_PATHNAME', 'outage_window_from_notice'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.outage_window_from_notice(pg_catalog.text, pg_catalog.text) IS
'outage window from a notice''s text in Japan time, e.g. 令和7年2月1日(土)22:00～2月2日(日)0:30(予定): full- or half-width, weekdays checked, ～, a wave dash or - between, the end a bare time (same day), 翌0:30 (next day) or with its own date; a leading label ending in ： is skipped';
