/* outage_window--1.0--1.1.sql */

-- complain if script is sourced in psql, rather than via ALTER EXTENSION
\echo Use "ALTER EXTENSION outage_window UPDATE TO '1.1'" to load this file. \quit

--
-- 1.1 changes what a database owner can do with the extension and how it
-- survives dump and restore (doc/hardening.md, "Trust").  Each section below
-- matches the change in install/*.sql that a fresh 1.1 install makes.
--

--
-- A window may carry its own guidance (install/30_schedule.sql), for when
-- its kind's does not fit it.  The new column changes outage_schedule's row
-- type: the functions that return its rows are made again to return the
-- column too: shipped_outage_windows(), whose rows' hashes the sections
-- below compute, here; the four affecting_windows of 1.0 (SQL functions
-- whose bodies list the old columns) are dropped here and created again
-- below as the C function of 1.1, with its calendar and facility forms.
-- A user's view or function that depends on one of them stops this update
-- with an error naming it; drop it, update, and create it again.
--
ALTER TABLE @extschema@.outage_schedule
	ADD COLUMN guidance text,
	-- a calendar carries each window's guidance (OW_CALENDAR_MAX_GUIDANCE_BYTES)
	ADD CONSTRAINT outage_schedule_guidance_check
		CHECK (guidance OPERATOR(pg_catalog.<>) ''::pg_catalog.text
			   AND pg_catalog.octet_length(guidance) OPERATOR(pg_catalog.<=) 2048);
COMMENT ON COLUMN @extschema@.outage_schedule.guidance IS
'What staff should do during this window, when its kind''s review_guidance does not fit it (NULL: the kind''s); visit_guidance and the reports show it';

-- The distinct guidance texts go into every calendar built from the table:
-- a statement that takes them past the calendar's limit is refused
-- (src/table_limits.c), not every later call that reads the table.
CREATE FUNCTION @extschema@.outage_schedule_check_guidance()
RETURNS trigger
AS 'MODULE_PATHNAME', 'outage_schedule_check_guidance'
LANGUAGE C;

COMMENT ON FUNCTION @extschema@.outage_schedule_check_guidance() IS
'Trigger: refuses a statement that takes outage_schedule''s distinct guidance texts past an outage_calendar''s limit (54000)';

CREATE TRIGGER check_guidance_on_insert
	AFTER INSERT ON @extschema@.outage_schedule
	REFERENCING NEW TABLE AS new_rows
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.outage_schedule_check_guidance();

CREATE TRIGGER check_guidance_on_update
	AFTER UPDATE ON @extschema@.outage_schedule
	REFERENCING NEW TABLE AS new_rows
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.outage_schedule_check_guidance();

COMMENT ON TRIGGER check_guidance_on_insert ON @extschema@.outage_schedule IS
'Refuses an INSERT that takes the distinct guidance texts past an outage_calendar''s limit (54000)';
COMMENT ON TRIGGER check_guidance_on_update ON @extschema@.outage_schedule IS
'Refuses an UPDATE that takes the distinct guidance texts past an outage_calendar''s limit (54000)';

-- Every row goes into every calendar built from the table: a statement
-- that takes the windows past the calendar's limits (windows, and the
-- segments their overlaps make) is refused (src/table_limits.c), not every
-- later call that reads the table.
CREATE FUNCTION @extschema@.outage_schedule_check_limit()
RETURNS trigger
AS 'MODULE_PATHNAME', 'outage_schedule_check_limit'
LANGUAGE C;

COMMENT ON FUNCTION @extschema@.outage_schedule_check_limit() IS
'Trigger: refuses a statement after which outage_schedule no longer builds an outage_calendar (more than 100000 windows or segments; 54000)';

CREATE TRIGGER check_limit
	AFTER INSERT OR UPDATE OR DELETE ON @extschema@.outage_schedule
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.outage_schedule_check_limit();

COMMENT ON TRIGGER check_limit ON @extschema@.outage_schedule IS
'Refuses an INSERT, UPDATE or DELETE after which outage_schedule no longer builds an outage_calendar (54000)';

DROP FUNCTION @extschema@.affecting_windows(pg_catalog.text, pg_catalog.timestamp);
DROP FUNCTION @extschema@.affecting_windows(pg_catalog.text, pg_catalog.timestamptz);
DROP FUNCTION @extschema@.affecting_windows(@extschema@.prefecture, pg_catalog.timestamp);
DROP FUNCTION @extschema@.affecting_windows(@extschema@.prefecture, pg_catalog.timestamptz);
DROP FUNCTION @extschema@.shipped_outage_windows();

CREATE FUNCTION @extschema@.shipped_outage_windows()
RETURNS SETOF @extschema@.outage_schedule
LANGUAGE sql IMMUTABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT s.id, s.area,
		   @extschema@.outage_window(s.lower_at, s.upper_at, s.kind),
		   s.note, s.source, NULL::pg_catalog.text
	FROM (VALUES
		(1::pg_catalog.int8, 'east'::pg_catalog.text,
		 '2025-02-01 22:00:00+09'::pg_catalog.timestamptz,
		 '2025-02-02 00:30:00+09'::pg_catalog.timestamptz,
		 'outage'::pg_catalog.text,
		 '長時間の通信断: オンライン資格確認ができない (long outage: no connection at all)'::pg_catalog.text,
		 '日医発第1817号 (2025-01-30) 1(1); 厚生労働省保険局医療介護連携政策課 事務連絡 2025-01-30'::pg_catalog.text),
		(2, 'east',
		 '2025-02-02 03:00:00+09', '2025-02-02 22:00:00+09', 'intermittent',
		 '数分間の通信断: 毎時間1分程度、1～2回 (intermittent: about one minute, once or twice an hour)',
		 '日医発第1817号 (2025-01-30) 1(2); 厚生労働省保険局医療介護連携政策課 事務連絡 2025-01-30'),
		(3, 'west',
		 '2025-02-02 07:00:00+09', '2025-02-02 08:00:00+09', 'intermittent',
		 '数分間の通信断: 毎時間1分程度、1～2回 (intermittent: about one minute, once or twice an hour)',
		 '日医発第1817号 (2025-01-30) 1(2); 厚生労働省保険局医療介護連携政策課 事務連絡 2025-01-30'),
		(4, 'west',
		 '2025-02-01 22:00:00+09', '2025-02-02 00:30:00+09', 'registration_delay',
		 '東日本エリアの通信断中: マイナ保険証の利用登録の完了が遅延 (while the East is down: card registrations complete late)',
		 '日医発第1817号 (2025-01-30) 2(3); 厚生労働省保険局医療介護連携政策課 事務連絡 2025-01-30'),
		(5, 'west',
		 '2025-02-02 03:00:00+09', '2025-02-02 22:00:00+09', 'registration_delay',
		 '東日本エリアの通信断中: マイナ保険証の利用登録の完了が遅延 (while the East is down: card registrations complete late)',
		 '日医発第1817号 (2025-01-30) 2(3); 厚生労働省保険局医療介護連携政策課 事務連絡 2025-01-30')
	) AS s (id, area, lower_at, upper_at, kind, note, source);
END;

COMMENT ON FUNCTION @extschema@.shipped_outage_windows() IS
'The outage windows this version of the extension ships, as shipped (outage_schedule starts with them)';

--
-- visit_guidance (install/48_calendar_facility.sql): review_guidance for a
-- visit, in the words of the window behind it.  The prefecture and text
-- forms come here, before the ORCA reports that call them; the forms for a
-- facility's code come with that type, below.
--
CREATE FUNCTION @extschema@.visit_guidance(
	facility_prefecture @extschema@.prefecture, visit_at pg_catalog.timestamptz,
	lang pg_catalog.text DEFAULT 'ja')
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'visit_guidance'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.visit_guidance(
	facility_prefecture @extschema@.prefecture, visit_at pg_catalog.timestamp,
	lang pg_catalog.text DEFAULT 'ja')
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'visit_guidance'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.visit_guidance_on_day(
	facility_prefecture @extschema@.prefecture, visit_date pg_catalog.date,
	lang pg_catalog.text DEFAULT 'ja')
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'visit_guidance_on_day'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.visit_guidance(
	facility_prefecture pg_catalog.text, visit_at pg_catalog.timestamptz,
	lang pg_catalog.text DEFAULT 'ja')
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'visit_guidance'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.visit_guidance(
	facility_prefecture pg_catalog.text, visit_at pg_catalog.timestamp,
	lang pg_catalog.text DEFAULT 'ja')
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'visit_guidance'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.visit_guidance_on_day(
	facility_prefecture pg_catalog.text, visit_date pg_catalog.date,
	lang pg_catalog.text DEFAULT 'ja')
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'visit_guidance_on_day'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.visit_guidance(
	facility_prefecture @extschema@.prefecture, visit_at pg_catalog.timestamptz,
	calendar @extschema@.outage_calendar, lang pg_catalog.text DEFAULT 'ja')
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'visit_guidance'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.visit_guidance(
	facility_prefecture @extschema@.prefecture, visit_at pg_catalog.timestamp,
	calendar @extschema@.outage_calendar, lang pg_catalog.text DEFAULT 'ja')
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'visit_guidance'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.visit_guidance_on_day(
	facility_prefecture @extschema@.prefecture, visit_date pg_catalog.date,
	calendar @extschema@.outage_calendar, lang pg_catalog.text DEFAULT 'ja')
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'visit_guidance_on_day'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.visit_guidance(
	facility_prefecture pg_catalog.text, visit_at pg_catalog.timestamptz,
	calendar @extschema@.outage_calendar, lang pg_catalog.text DEFAULT 'ja')
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'visit_guidance'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.visit_guidance(
	facility_prefecture pg_catalog.text, visit_at pg_catalog.timestamp,
	calendar @extschema@.outage_calendar, lang pg_catalog.text DEFAULT 'ja')
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'visit_guidance'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.visit_guidance_on_day(
	facility_prefecture pg_catalog.text, visit_date pg_catalog.date,
	calendar @extschema@.outage_calendar, lang pg_catalog.text DEFAULT 'ja')
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'visit_guidance_on_day'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.visit_guidance(@extschema@.prefecture, pg_catalog.timestamptz, pg_catalog.text) IS
'What to do for a visit at a facility in this prefecture: the own guidance of the most severe window that applies (outage_schedule.guidance), else review_guidance of its impact (lang ''ja'' or ''en'')';
COMMENT ON FUNCTION @extschema@.visit_guidance(@extschema@.prefecture, pg_catalog.timestamp, pg_catalog.text) IS
'What to do for a visit at this Japan local time at a facility in this prefecture: the own guidance of the most severe window that applies (outage_schedule.guidance), else review_guidance of its impact (lang ''ja'' or ''en'')';
COMMENT ON FUNCTION @extschema@.visit_guidance_on_day(@extschema@.prefecture, pg_catalog.date, pg_catalog.text) IS
'What to do for a visit on this Japan calendar day at a facility in this prefecture: the own guidance of the most severe window that applies (outage_schedule.guidance), else review_guidance of its impact (lang ''ja'' or ''en'')';
COMMENT ON FUNCTION @extschema@.visit_guidance(pg_catalog.text, pg_catalog.timestamptz, pg_catalog.text) IS
'What to do for a visit at a facility in this prefecture (given as text): the own guidance of the most severe window that applies (outage_schedule.guidance), else review_guidance of its impact (lang ''ja'' or ''en'')';
COMMENT ON FUNCTION @extschema@.visit_guidance(pg_catalog.text, pg_catalog.timestamp, pg_catalog.text) IS
'What to do for a visit at this Japan local time at a facility in this prefecture (given as text): the own guidance of the most severe window that applies (outage_schedule.guidance), else review_guidance of its impact (lang ''ja'' or ''en'')';
COMMENT ON FUNCTION @extschema@.visit_guidance_on_day(pg_catalog.text, pg_catalog.date, pg_catalog.text) IS
'What to do for a visit on this Japan calendar day at a facility in this prefecture (given as text): the own guidance of the most severe window that applies (outage_schedule.guidance), else review_guidance of its impact (lang ''ja'' or ''en'')';
COMMENT ON FUNCTION @extschema@.visit_guidance(@extschema@.prefecture, pg_catalog.timestamptz, @extschema@.outage_calendar, pg_catalog.text) IS
'What to do for a visit at a facility in this prefecture, against a calendar: the window''s own guidance, else review_guidance of its impact (reads no table)';
COMMENT ON FUNCTION @extschema@.visit_guidance(@extschema@.prefecture, pg_catalog.timestamp, @extschema@.outage_calendar, pg_catalog.text) IS
'What to do for a visit at this Japan local time at a facility in this prefecture, against a calendar: the window''s own guidance, else review_guidance of its impact (reads no table)';
COMMENT ON FUNCTION @extschema@.visit_guidance_on_day(@extschema@.prefecture, pg_catalog.date, @extschema@.outage_calendar, pg_catalog.text) IS
'What to do for a visit on this Japan calendar day at a facility in this prefecture, against a calendar: the window''s own guidance, else review_guidance of its impact (reads no table)';
COMMENT ON FUNCTION @extschema@.visit_guidance(pg_catalog.text, pg_catalog.timestamptz, @extschema@.outage_calendar, pg_catalog.text) IS
'What to do for a visit at a facility in this prefecture (given as text), against a calendar: the window''s own guidance, else review_guidance of its impact (reads no table)';
COMMENT ON FUNCTION @extschema@.visit_guidance(pg_catalog.text, pg_catalog.timestamp, @extschema@.outage_calendar, pg_catalog.text) IS
'What to do for a visit at this Japan local time at a facility in this prefecture (given as text), against a calendar: the window''s own guidance, else review_guidance of its impact (reads no table)';
COMMENT ON FUNCTION @extschema@.visit_guidance_on_day(pg_catalog.text, pg_catalog.date, @extschema@.outage_calendar, pg_catalog.text) IS
'What to do for a visit on this Japan calendar day at a facility in this prefecture (given as text), against a calendar: the window''s own guidance, else review_guidance of its impact (reads no table)';

--
-- The schedule's triggers are C (src/schedule_triggers.c): a PL/pgSQL body
-- named this schema as text.  Same names and signatures, new language; the
-- seed put back under its own id leaves outage_schedule_deleted_seed, and
-- outage_area refuses a 255th area.
--
CREATE OR REPLACE FUNCTION @extschema@.prefecture_area_insert_sets_area()
RETURNS trigger
AS 'MODULE_PATHNAME', 'prefecture_area_insert_sets_area'
LANGUAGE C;

CREATE OR REPLACE FUNCTION @extschema@.prefecture_area_keep_rows()
RETURNS trigger
AS 'MODULE_PATHNAME', 'prefecture_area_keep_rows'
LANGUAGE C;

CREATE OR REPLACE FUNCTION @extschema@.outage_area_insert_sets_description()
RETURNS trigger
AS 'MODULE_PATHNAME', 'outage_area_insert_sets_description'
LANGUAGE C;

CREATE OR REPLACE FUNCTION @extschema@.outage_schedule_restore_seed()
RETURNS trigger
AS 'MODULE_PATHNAME', 'outage_schedule_restore_seed'
LANGUAGE C;

CREATE OR REPLACE FUNCTION @extschema@.outage_schedule_remember_deleted_seed()
RETURNS trigger
AS 'MODULE_PATHNAME', 'outage_schedule_remember_deleted_seed'
LANGUAGE C;

CREATE OR REPLACE FUNCTION @extschema@.outage_schedule_deleted_seed_apply()
RETURNS trigger
AS 'MODULE_PATHNAME', 'outage_schedule_deleted_seed_apply'
LANGUAGE C;

CREATE OR REPLACE FUNCTION @extschema@.outage_schedule_remember_truncated_seeds()
RETURNS trigger
AS 'MODULE_PATHNAME', 'outage_schedule_remember_truncated_seeds'
LANGUAGE C;

COMMENT ON FUNCTION @extschema@.outage_area_insert_sets_description() IS
'Trigger: an INSERT of an unchanged shipped area (or, in a restore, of an area a window created first) sets its description; refuses an area past the calendar''s limit of 254';

COMMENT ON FUNCTION @extschema@.outage_schedule_restore_seed() IS
'Trigger: an INSERT with the id of an unchanged shipped window replaces that window; one that puts a deleted shipped window back takes it off outage_schedule_deleted_seed; outside a restore, any other id up to 1000 is refused';

-- Outside a restore, an INSERT into prefecture_area is no longer turned
-- into an UPDATE (it reported "INSERT 0 0" and moved the prefecture): the
-- primary key refuses it, as on any table.
COMMENT ON FUNCTION @extschema@.prefecture_area_insert_sets_area() IS
'Trigger: during a restore, an INSERT of a prefecture still in its notice area sets its area; otherwise the primary key refuses the INSERT';
COMMENT ON TRIGGER insert_sets_area ON @extschema@.prefecture_area IS
'During a restore, an INSERT of a prefecture still in its notice area sets its area (how a restore puts back a dumped edit)';

-- 1.0 kept a seed the user deleted and then put back on the list of
-- deleted seeds, so that a restore deleted it again: take such ids off.
DELETE FROM @extschema@.outage_schedule_deleted_seed AS d
 WHERE d.id OPERATOR(pg_catalog.=) ANY (SELECT o.id FROM @extschema@.outage_schedule AS o);

--
-- review_guidance is C (src/impact_sql.c), for the same reason; it reads
-- the impact table (src/impact.h), which new functions show to SQL.
--
CREATE FUNCTION @extschema@.eligibility_impacts(
	OUT impact @extschema@.eligibility_impact, OUT severity pg_catalog.int4,
	OUT affects_eligibility pg_catalog.bool, OUT window_kind pg_catalog.int4,
	OUT reviews_failed_checks pg_catalog.bool)
RETURNS SETOF pg_catalog.record
AS 'MODULE_PATHNAME', 'eligibility_impacts'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 4;

COMMENT ON FUNCTION @extschema@.eligibility_impacts() IS
'Every impact, least severe first: its severity, whether it makes a visit affected (is_eligibility_affected), the kind code outage_window stores (NULL for none), and whether a visit whose check did not succeed is reviewed (eligibility_review)';

CREATE FUNCTION @extschema@.affects_eligibility(impact @extschema@.eligibility_impact)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'affects_eligibility'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.affects_eligibility(@extschema@.eligibility_impact) IS
'Whether a visit with this impact could not be verified online (intermittent, outage): is_eligibility_affected is true exactly then';

-- A registration delay does not affect eligibility, yet a card whose
-- registration had not completed could not be verified there either: the
-- review covers every impact this says, not only the affected ones.
CREATE FUNCTION @extschema@.reviews_failed_checks(impact @extschema@.eligibility_impact)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'reviews_failed_checks'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.reviews_failed_checks(@extschema@.eligibility_impact) IS
'Whether a visit with this impact is reviewed when its online eligibility check did not succeed (registration_delay, intermittent, outage): eligibility_review''s needs_review';

-- The span of the windows the review covers (reviews_failed_checks), for an
-- adapter that narrows its scan of a HIS's tables by day.
CREATE FUNCTION @extschema@.eligibility_reviewed_bound_local(upper pg_catalog.bool)
RETURNS pg_catalog.timestamp
AS 'MODULE_PATHNAME', 'eligibility_reviewed_bound_local'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.eligibility_reviewed_bound_local(pg_catalog.bool) IS
'Start (upper = false) or end (upper = true), as Japan local time, of the span covering every window in which a visit whose check did not succeed is reviewed (reviews_failed_checks); NULL if there is none';

-- The span of a calendar's windows the review covers, for an adapter's
-- calendar form (the ORCA reports) that narrows its scan by day.
CREATE FUNCTION @extschema@.eligibility_reviewed_bound_local(
	calendar @extschema@.outage_calendar, upper pg_catalog.bool)
RETURNS pg_catalog.timestamp
AS 'MODULE_PATHNAME', 'eligibility_reviewed_bound_local'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.eligibility_reviewed_bound_local(@extschema@.outage_calendar, pg_catalog.bool) IS
'Start (upper = false) or end (upper = true), as Japan local time, of the span covering every window of a calendar in which a visit whose check did not succeed is reviewed (reviews_failed_checks); NULL if there is none';

CREATE OR REPLACE FUNCTION @extschema@.review_guidance(
	impact @extschema@.eligibility_impact, lang pg_catalog.text DEFAULT 'ja')
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'review_guidance'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

--
-- The ORCA reports look this schema up when they run, pass arguments of
-- exactly the parameter types, and read only ordinary tables of built-in
-- column types (orca_table).  They also follow ORCA's own rules now
-- (doc/orca.md): the per-day counter row of tbl_uketuke (ukeid 0) is not a
-- reception; a reception or check with ptid 0 is linked to nothing; a check
-- completed when result_kbn is '1', whatever err_code holds; 公費 look-ups
-- (shokai_kbn 8, 9) are kept apart from the insurance check.
--
-- orca_affected_visits and orca_eligibility_review gain the patient's
-- number, name, kana name, sex, date of birth and address as new last
-- columns, and the review its review_reason.  A
-- function's result type cannot be changed in place, so both are dropped
-- and created again (the review first: its SQL body depends on the other).
-- A user's view or function that depends on either stops this update with
-- an error naming it; drop it, update, and create it again.
--
-- A registration delay's visits whose check did not succeed are reviewed
-- too (the notice, section 2(3)): orca_window_visits (new) lists the
-- receptions of every window the review covers, with whether the window
-- affected eligibility; orca_affected_visits keeps 1.0's rows, the affected
-- ones, read from it; the review and the billing audit read it too.
--
CREATE FUNCTION @extschema@.orca_table(orca_schema pg_catalog.name,
	tbl pg_catalog.name, required pg_catalog.bool)
RETURNS pg_catalog.regclass
LANGUAGE plpgsql STABLE STRICT
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	rel pg_catalog.regclass :=
		pg_catalog.to_regclass(pg_catalog.format('%I.%I', orca_schema, tbl));
	col pg_catalog.name;
BEGIN
	IF rel IS NULL THEN
		IF required THEN
			RAISE EXCEPTION 'relation % does not exist', pg_catalog.format('%I.%I', orca_schema, tbl)
				USING ERRCODE = 'undefined_table',
					  DETAIL = 'The ORCA reports read tbl_uketuke, tbl_syskanri and tbl_onshi_kaku; the billing audit also tbl_syunou_main, tbl_hkncombi and tbl_pthkninf.',
					  HINT = 'Pass the name of the schema that holds ORCA''s tables (ORCA uses public unless set up otherwise).';
		END IF;
		RETURN NULL;
	END IF;
	IF NOT EXISTS (SELECT FROM pg_catalog.pg_class AS c
				   WHERE c.oid OPERATOR(pg_catalog.=) rel
					 AND c.relkind OPERATOR(pg_catalog.=) 'r'
					 AND NOT c.relhassubclass) THEN
		RAISE EXCEPTION '% is not an ordinary table', pg_catalog.format('%I.%I', orca_schema, tbl)
			USING ERRCODE = 'wrong_object_type',
				  DETAIL = 'The ORCA reports read ordinary tables only: a view, a foreign or partitioned table, or a table with children could run code of the role that made it.',
				  HINT = 'Pass the name of the schema that holds ORCA''s own tables.';
	END IF;
	SELECT a.attname INTO col
	FROM pg_catalog.pg_attribute AS a
	JOIN pg_catalog.pg_type AS t ON t.oid OPERATOR(pg_catalog.=) a.atttypid
	WHERE a.attrelid OPERATOR(pg_catalog.=) rel
	  AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped
	  AND t.typnamespace OPERATOR(pg_catalog.<>) 'pg_catalog'::pg_catalog.regnamespace
	ORDER BY a.attnum
	LIMIT 1;
	IF FOUND THEN
		RAISE EXCEPTION 'column % of % has a type that is not built in',
			pg_catalog.quote_ident(col), pg_catalog.format('%I.%I', orca_schema, tbl)
			USING ERRCODE = 'wrong_object_type',
				  DETAIL = 'ORCA''s tables use built-in types only; reading another type could run code of the role that made it.',
				  HINT = 'Pass the name of the schema that holds ORCA''s own tables.';
	END IF;
	RETURN rel;
END;
$$;

COMMENT ON FUNCTION @extschema@.orca_table(pg_catalog.name, pg_catalog.name, pg_catalog.bool) IS
'The ORCA table a report reads (NULL if missing and not required); refuses anything but an ordinary table of built-in column types';

DROP FUNCTION @extschema@.orca_eligibility_review(pg_catalog.name, pg_catalog.text);
DROP FUNCTION @extschema@.orca_affected_visits(pg_catalog.name);

CREATE FUNCTION @extschema@.orca_window_visits(orca_schema pg_catalog.name,
	calendar @extschema@.outage_calendar)
RETURNS TABLE (
	hospnum pg_catalog.int4,
	ptid pg_catalog.int8,
	visit_date pg_catalog.date,
	ukeid pg_catalog.int4,
	visit_at pg_catalog.timestamp,
	facility_prefecture @extschema@.prefecture,
	impact @extschema@.eligibility_impact,
	affected pg_catalog.bool,
	check_status pg_catalog.text,
	last_check_at pg_catalog.timestamp,
	patient_number pg_catalog.text,
	patient_name pg_catalog.text,
	patient_kana pg_catalog.text,
	sex pg_catalog.text,
	birth_date pg_catalog.date,
	patient_address pg_catalog.text
)
LANGUAGE plpgsql STABLE STRICT
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	-- this extension's schema, as it is called now
	ext pg_catalog.text := (
		SELECT pg_catalog.quote_ident(n.nspname)
		FROM pg_catalog.pg_extension AS e
		JOIN pg_catalog.pg_namespace AS n ON n.oid OPERATOR(pg_catalog.=) e.extnamespace
		WHERE e.extname OPERATOR(pg_catalog.=) 'outage_window');
	tbl pg_catalog.name;
	kaku pg_catalog.regclass;
	address pg_catalog.text;
	patient_table pg_catalog.regclass;
	extra pg_catalog.text := '';
	insurance pg_catalog.text := 'pg_catalog.btrim(k.shokai_kbn) OPERATOR(pg_catalog.=) ANY (''{1,2}''::pg_catalog.text[])';
	ptnum pg_catalog.text := 'SELECT NULL::pg_catalog.text AS ptnum';
	ptinf pg_catalog.text := 'SELECT NULL::pg_catalog.text AS name, NULL::pg_catalog.text AS kananame, '
		'NULL::pg_catalog.text AS sex, NULL::pg_catalog.date AS birthday, NULL::pg_catalog.text AS address';
	bound pg_catalog.timestamp;
	first_day pg_catalog.bpchar;
	last_day pg_catalog.bpchar;
BEGIN
	FOREACH tbl IN ARRAY ARRAY['tbl_uketuke', 'tbl_syskanri', 'tbl_onshi_kaku'] LOOP
		EXECUTE pg_catalog.format('SELECT %s.orca_table($1, $2, true)', ext)
			INTO kaku USING orca_schema, tbl;
	END LOOP;

	-- Columns ORCA added after 5.1; older databases lack them.
	kaku := pg_catalog.to_regclass(pg_catalog.format('%I.%I', orca_schema, 'tbl_onshi_kaku'));
	IF EXISTS (SELECT FROM pg_catalog.pg_attribute AS a
			   WHERE a.attrelid OPERATOR(pg_catalog.=) kaku
				 AND a.attname OPERATOR(pg_catalog.=) 'scr_dltflg'
				 AND NOT a.attisdropped) THEN
		extra := extra OPERATOR(pg_catalog.||)
			' AND pg_catalog.btrim(k.scr_dltflg) IS DISTINCT FROM ''1''';
	END IF;
	IF EXISTS (SELECT FROM pg_catalog.pg_attribute AS a
			   WHERE a.attrelid OPERATOR(pg_catalog.=) kaku
				 AND a.attname OPERATOR(pg_catalog.=) 'orca_shokai_kbn'
				 AND NOT a.attisdropped) THEN
		extra := extra OPERATOR(pg_catalog.||)
			' AND pg_catalog.btrim(k.orca_shokai_kbn) IS DISTINCT FROM ''1''';
	END IF;
	-- A home visit or online consultation (診療区分 2, 3) is checked with a
	-- blank 照会区分; before the column existed, there were no such checks.
	IF EXISTS (SELECT FROM pg_catalog.pg_attribute AS a
			   WHERE a.attrelid OPERATOR(pg_catalog.=) kaku
				 AND a.attname OPERATOR(pg_catalog.=) 'onshinryo_kbn'
				 AND NOT a.attisdropped) THEN
		insurance := '(' OPERATOR(pg_catalog.||) insurance OPERATOR(pg_catalog.||)
			' OR (COALESCE(pg_catalog.btrim(k.shokai_kbn), '''') OPERATOR(pg_catalog.=) '''''
			' AND pg_catalog.btrim(k.onshinryo_kbn) OPERATOR(pg_catalog.=) ANY (''{2,3}''::pg_catalog.text[])))';
	END IF;

	-- The patient tables: without them (an ORCA-shaped copy of only the
	-- reception tables) the report still runs, and the identity is NULL.
	EXECUTE pg_catalog.format('SELECT %s.orca_table($1, ''tbl_ptnum''::pg_catalog.name, false)', ext)
		INTO patient_table USING orca_schema;
	IF patient_table IS NOT NULL THEN
		ptnum := pg_catalog.format(
			'SELECT pg_catalog.btrim(n.ptnum::pg_catalog.text) AS ptnum
			 FROM %I.tbl_ptnum AS n
			 WHERE n.hospnum OPERATOR(pg_catalog.=) a.hospnum
			   AND n.ptid OPERATOR(pg_catalog.=) a.ptid
			 LIMIT 1', orca_schema);
	END IF;
	EXECUTE pg_catalog.format('SELECT %s.orca_table($1, ''tbl_ptinf''::pg_catalog.name, false)', ext)
		INTO patient_table USING orca_schema;
	IF patient_table IS NOT NULL THEN
		-- 住所 and 番地: those of the two columns the table has, in order
		SELECT pg_catalog.string_agg(
				   pg_catalog.format('COALESCE(p.%I::pg_catalog.text, '''')', a.attname),
				   ' OPERATOR(pg_catalog.||) ' ORDER BY a.attname)
		INTO address
		FROM pg_catalog.pg_attribute AS a
		WHERE a.attrelid OPERATOR(pg_catalog.=) patient_table
		  AND a.attname OPERATOR(pg_catalog.=) ANY ('{home_adrs,home_banti}'::pg_catalog.name[])
		  AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped;
		ptinf := pg_catalog.format(
			'SELECT p.name::pg_catalog.text AS name, p.kananame::pg_catalog.text AS kananame,
					pg_catalog.btrim(p.sex::pg_catalog.text) AS sex,
					%s.orca_date(p.birthday::pg_catalog.text) AS birthday,
					%s AS address
			 FROM %I.tbl_ptinf AS p
			 WHERE p.hospnum OPERATOR(pg_catalog.=) a.hospnum
			   AND p.ptid OPERATOR(pg_catalog.=) a.ptid
			 LIMIT 1', ext,
			COALESCE('NULLIF(pg_catalog.btrim(' OPERATOR(pg_catalog.||) address
					 OPERATOR(pg_catalog.||) '), '''')', 'NULL::pg_catalog.text'),
			orca_schema);
	END IF;

	-- Only receptions on the days the calendar's reviewed windows span are
	-- in one; a range on ukeymd (digits compare alike in every collation)
	-- lets the primary key of tbl_uketuke find them.
	-- With no window at all the bounds are NULL and no row is read; an
	-- open-ended window leaves that end of the range open.
	EXECUTE pg_catalog.format('SELECT %s.eligibility_reviewed_bound_local($1, false)', ext)
		INTO bound USING calendar;
	first_day := CASE WHEN pg_catalog.isfinite(bound)
					  THEN pg_catalog.to_char(bound, 'YYYYMMDD')
					  WHEN bound IS NOT NULL THEN '00000000' END;
	EXECUTE pg_catalog.format('SELECT %s.eligibility_reviewed_bound_local($1, true)', ext)
		INTO bound USING calendar;
	last_day := CASE WHEN pg_catalog.isfinite(bound)
					 THEN pg_catalog.to_char(bound, 'YYYYMMDD')
					 WHEN bound IS NOT NULL THEN '99999999' END;

	-- OFFSET 0 keeps each reception's date and time read once, rather than
	-- once for every tbl_onshi_kaku row of the patient it is compared with.
	-- The patient's identity is read last, for the visits in a window only.
	RETURN QUERY EXECUTE pg_catalog.format($q$
		SELECT a.*, n.ptnum, p.name, p.kananame, p.sex, p.birthday, p.address
		FROM (SELECT v.hospnum, v.ptid, v.visit_date, v.ukeid, v.visit_at,
					 f.prefecture, r.impact, r.affected, s.check_status, c.last_at
			  FROM (SELECT u.hospnum::pg_catalog.int4 AS hospnum,
						   u.ptid::pg_catalog.int8 AS ptid,
						   %3$s.orca_date(u.ukeymd::pg_catalog.text) AS visit_date,
						   pg_catalog.to_char(%3$s.orca_date(u.ukeymd::pg_catalog.text)::pg_catalog.timestamp,
											  'YYYYMMDD') AS ymd,
						   u.ukeid::pg_catalog.int4 AS ukeid,
						   %3$s.orca_timestamp(u.ukeymd::pg_catalog.text, u.uketime::pg_catalog.text) AS visit_at
					FROM %1$I.tbl_uketuke AS u
					WHERE u.ukeymd OPERATOR(pg_catalog.>=) $1
					  AND u.ukeymd OPERATOR(pg_catalog.<=) $2
					  AND u.ukeid OPERATOR(pg_catalog.<>) 0
					OFFSET 0) AS v
			  CROSS JOIN LATERAL (
				SELECT %3$s.to_prefecture(pg_catalog.substr(s.kanritbl::pg_catalog.text, 1, 2)) AS prefecture
				FROM %1$I.tbl_syskanri AS s
				WHERE s.hospnum::pg_catalog.int4 OPERATOR(pg_catalog.=) v.hospnum
				  AND pg_catalog.btrim(s.kanricd) OPERATOR(pg_catalog.=) '1001'
				  AND pg_catalog.btrim(s.kbncd) OPERATOR(pg_catalog.=) '*'
				  AND COALESCE(%3$s.orca_date(s.styukymd::pg_catalog.text)
						OPERATOR(pg_catalog.<=) v.visit_date, true)
				  AND COALESCE(%3$s.orca_date(s.edyukymd::pg_catalog.text)
						OPERATOR(pg_catalog.>=) v.visit_date, true)
				ORDER BY s.styukymd DESC
				LIMIT 1) AS f
			  CROSS JOIN LATERAL (
				-- valid: the newest completed insurance check's answer (NULL
				-- when none completed); on a tie, the invalid one first
				SELECT (pg_catalog.array_agg(k.valid ORDER BY k.at DESC NULLS LAST, k.valid)
						FILTER (WHERE k.ok AND NOT k.kohi))[1] AS valid,
					   COALESCE(pg_catalog.bool_or(k.ok AND k.kohi AND k.valid), false) AS kohi_ok,
					   pg_catalog.count(*) AS checks,
					   pg_catalog.max(k.at) AS last_at
				FROM (SELECT (pg_catalog.btrim(k.result_kbn) OPERATOR(pg_catalog.=) '1') IS TRUE AS ok,
							 (pg_catalog.btrim(k.sikaku_yuko) OPERATOR(pg_catalog.=) '1') IS TRUE AS valid,
							 (pg_catalog.btrim(k.shokai_kbn) OPERATOR(pg_catalog.=)
								ANY ('{8,9}'::pg_catalog.text[])) IS TRUE AS kohi,
							 %3$s.orca_timestamp(k.shori_time::pg_catalog.text) AS at
					  FROM %1$I.tbl_onshi_kaku AS k
					  WHERE k.hospnum OPERATOR(pg_catalog.=) v.hospnum
						AND k.ptid OPERATOR(pg_catalog.=) v.ptid
						AND v.ptid OPERATOR(pg_catalog.<>) 0
						AND pg_catalog.btrim(k.kakuninymd) OPERATOR(pg_catalog.=) v.ymd
						AND (%4$s
							 OR pg_catalog.btrim(k.shokai_kbn) OPERATOR(pg_catalog.=)
								ANY ('{8,9}'::pg_catalog.text[]))
						%2$s) AS k) AS c
			  CROSS JOIN LATERAL (
				SELECT CASE WHEN v.ptid OPERATOR(pg_catalog.=) 0 THEN 'unregistered'
							WHEN c.valid THEN 'ok'
							WHEN NOT c.valid THEN 'not_valid'
							WHEN c.kohi_ok THEN 'kohi_only'
							WHEN c.checks OPERATOR(pg_catalog.>) 0 THEN 'failed'
							ELSE 'no_check' END::pg_catalog.text AS check_status) AS s
			  -- the review core decides the impact and whether it affected
			  -- eligibility (the language only picks its guidance, unused here)
			  CROSS JOIN LATERAL %3$s.eligibility_review(f.prefecture, v.visit_date,
					v.visit_at, s.check_status, $3, 'ja'::pg_catalog.text) AS r
			  WHERE v.visit_date IS NOT NULL
				AND %3$s.reviews_failed_checks(r.impact)
			  OFFSET 0) AS a (hospnum, ptid, visit_date, ukeid, visit_at, facility_prefecture,
							  impact, affected, check_status, last_check_at)
		LEFT JOIN LATERAL (%5$s) AS n ON a.ptid OPERATOR(pg_catalog.<>) 0
		LEFT JOIN LATERAL (%6$s) AS p ON a.ptid OPERATOR(pg_catalog.<>) 0
		ORDER BY a.hospnum, a.visit_date, a.visit_at NULLS LAST, a.ukeid, a.ptid
		$q$, orca_schema, extra, ext, insurance, ptnum, ptinf)
	USING first_day, last_day, calendar;
END;
$$;

COMMENT ON FUNCTION @extschema@.orca_window_visits(pg_catalog.name, @extschema@.outage_calendar) IS
'orca_window_visits(name) against the given calendar (a stored audit''s or a what-if; reads no table of this extension, only ORCA''s): the receptions in a window of the calendar in which failed checks are reviewed, with the same columns';

CREATE FUNCTION @extschema@.orca_window_visits(orca_schema pg_catalog.name DEFAULT 'public')
RETURNS TABLE (
	hospnum pg_catalog.int4,
	ptid pg_catalog.int8,
	visit_date pg_catalog.date,
	ukeid pg_catalog.int4,
	visit_at pg_catalog.timestamp,
	facility_prefecture @extschema@.prefecture,
	impact @extschema@.eligibility_impact,
	affected pg_catalog.bool,
	check_status pg_catalog.text,
	last_check_at pg_catalog.timestamp,
	patient_number pg_catalog.text,
	patient_name pg_catalog.text,
	patient_kana pg_catalog.text,
	sex pg_catalog.text,
	birth_date pg_catalog.date,
	patient_address pg_catalog.text
)
LANGUAGE sql STABLE STRICT
BEGIN ATOMIC
	-- in the calendar form's order
	SELECT * FROM @extschema@.orca_window_visits(orca_schema,
		@extschema@.current_outage_calendar());
END;

COMMENT ON FUNCTION @extschema@.orca_window_visits(pg_catalog.name) IS
'ORCA receptions (tbl_uketuke in the given schema) in a window of the facility''s prefecture in which failed checks are reviewed (outage, intermittent, registration_delay), whether it affected eligibility, the status of that day''s online eligibility checks (ok, not_valid, kohi_only, failed, no_check, unregistered) and the patient''s number, name, kana name, sex, date of birth and address (NULL where tbl_ptinf has no home_adrs, home_banti)';

-- orca_affected_visits keeps its meaning of 1.0: the visits whose
-- eligibility the window affected (outage, intermittent), checked or not.
-- A registration delay's visits are in orca_window_visits, and those whose
-- check did not succeed in orca_eligibility_review.
CREATE FUNCTION @extschema@.orca_affected_visits(orca_schema pg_catalog.name,
	calendar @extschema@.outage_calendar)
RETURNS TABLE (
	hospnum pg_catalog.int4,
	ptid pg_catalog.int8,
	visit_date pg_catalog.date,
	ukeid pg_catalog.int4,
	visit_at pg_catalog.timestamp,
	facility_prefecture @extschema@.prefecture,
	impact @extschema@.eligibility_impact,
	check_status pg_catalog.text,
	last_check_at pg_catalog.timestamp,
	patient_number pg_catalog.text,
	patient_name pg_catalog.text,
	patient_kana pg_catalog.text,
	sex pg_catalog.text,
	birth_date pg_catalog.date,
	patient_address pg_catalog.text
)
LANGUAGE sql STABLE STRICT
BEGIN ATOMIC
	SELECT v.hospnum, v.ptid, v.visit_date, v.ukeid, v.visit_at,
		   v.facility_prefecture, v.impact, v.check_status, v.last_check_at,
		   v.patient_number, v.patient_name, v.patient_kana, v.sex, v.birth_date,
		   v.patient_address
	FROM @extschema@.orca_window_visits(orca_schema, calendar) AS v
	WHERE v.affected
	ORDER BY v.hospnum, v.visit_date, v.visit_at NULLS LAST, v.ukeid, v.ptid;
END;

COMMENT ON FUNCTION @extschema@.orca_affected_visits(pg_catalog.name, @extschema@.outage_calendar) IS
'orca_affected_visits(name) against the given calendar (a stored audit''s or a what-if; reads no table of this extension, only ORCA''s): the receptions in an outage or intermittent window of the calendar, with the same columns';

CREATE FUNCTION @extschema@.orca_affected_visits(orca_schema pg_catalog.name DEFAULT 'public')
RETURNS TABLE (
	hospnum pg_catalog.int4,
	ptid pg_catalog.int8,
	visit_date pg_catalog.date,
	ukeid pg_catalog.int4,
	visit_at pg_catalog.timestamp,
	facility_prefecture @extschema@.prefecture,
	impact @extschema@.eligibility_impact,
	check_status pg_catalog.text,
	last_check_at pg_catalog.timestamp,
	patient_number pg_catalog.text,
	patient_name pg_catalog.text,
	patient_kana pg_catalog.text,
	sex pg_catalog.text,
	birth_date pg_catalog.date,
	patient_address pg_catalog.text
)
LANGUAGE sql STABLE STRICT
BEGIN ATOMIC
	-- in the calendar form's order
	SELECT * FROM @extschema@.orca_affected_visits(orca_schema,
		@extschema@.current_outage_calendar());
END;

COMMENT ON FUNCTION @extschema@.orca_affected_visits(pg_catalog.name) IS
'ORCA receptions (tbl_uketuke in the given schema) in an outage or intermittent window of the facility''s prefecture, with the status of that day''s online eligibility checks (ok, not_valid, kohi_only, failed, no_check, unregistered) and the patient''s number, name, kana name, sex, date of birth and address (NULL where tbl_ptinf has no home_adrs, home_banti); orca_window_visits also has the registration delay''s';

-- orca_eligibility_review is created again at the end of this script,
-- once the review core it calls (eligibility_review) exists.

--
-- The billing audit: 10割 also on a 自費 combination (hknnum 980), one row
-- per bill, no bill for a reception without a patient number.  Same result
-- type, so it is replaced in place, by a call of its calendar form.
--
-- Each report gains a calendar form (the schedule as an outage_calendar: a
-- stored audit's or a what-if); the form without one is that form given
-- current_outage_calendar().
--
CREATE FUNCTION @extschema@.orca_billing_audit(
	orca_schema pg_catalog.name, calendar @extschema@.outage_calendar,
	lang pg_catalog.text DEFAULT 'ja')
RETURNS TABLE (
	hospnum pg_catalog.int4,
	ptid pg_catalog.int8,
	visit_date pg_catalog.date,
	ukeid pg_catalog.int4,
	visit_at pg_catalog.timestamp,
	facility_prefecture @extschema@.prefecture,
	impact @extschema@.eligibility_impact,
	check_status pg_catalog.text,
	denpnum pg_catalog.int4,
	insurer_number pg_catalog.text,
	copay_percent pg_catalog.int4,
	unknown_insurer pg_catalog.bool,
	charged_full pg_catalog.bool,
	guidance pg_catalog.text
)
LANGUAGE plpgsql STABLE STRICT
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	-- this extension's schema, as it is called now
	ext pg_catalog.text := (
		SELECT pg_catalog.quote_ident(n.nspname)
		FROM pg_catalog.pg_extension AS e
		JOIN pg_catalog.pg_namespace AS n ON n.oid OPERATOR(pg_catalog.=) e.extnamespace
		WHERE e.extname OPERATOR(pg_catalog.=) 'outage_window');
	tbl pg_catalog.name;
	checked pg_catalog.regclass;
BEGIN
	-- an unsupported language fails before any row is read (the literal is
	-- typed: an untyped one would prefer a review_guidance(text, text)
	-- planted next to ours)
	EXECUTE pg_catalog.format('SELECT %1$s.review_guidance(''none''::%1$s.eligibility_impact, $1)', ext)
		USING lang;
	FOREACH tbl IN ARRAY ARRAY['tbl_syunou_main', 'tbl_hkncombi', 'tbl_pthkninf'] LOOP
		EXECUTE pg_catalog.format('SELECT %s.orca_table($1, $2, true)', ext)
			INTO checked USING orca_schema, tbl;
	END LOOP;

	RETURN QUERY EXECUTE pg_catalog.format($q$
		SELECT b.hospnum, b.ptid, b.visit_date, b.ukeid, b.visit_at,
			   b.facility_prefecture, b.impact, b.check_status,
			   b.denpnum, b.insurer_number, b.copay_percent,
			   b.unknown_insurer, b.charged_full,
			   -- what to do, as the review core says it for the visit
			   (%2$s.eligibility_review(b.facility_prefecture, b.visit_date,
					b.visit_at, b.check_status, $3, $1)).guidance
		FROM (SELECT DISTINCT ON (v.hospnum, v.ptid, m.denpnum)
					 v.hospnum, v.ptid, v.visit_date, v.ukeid, v.visit_at,
					 v.facility_prefecture, v.impact, v.check_status,
					 m.denpnum::pg_catalog.int4 AS denpnum,
					 pg_catalog.btrim(p.hknjanum) AS insurer_number,
					 m.ptftnrate::pg_catalog.int4 AS copay_percent,
					 (pg_catalog.btrim(p.hknjanum) OPERATOR(pg_catalog.=)
						ANY ('{77777777,77777779}'::pg_catalog.text[])) IS TRUE AS unknown_insurer,
					 (pg_catalog.btrim(c.hknnum) OPERATOR(pg_catalog.=) '980'
					  OR m.ptftnrate OPERATOR(pg_catalog.=) 100) IS TRUE AS charged_full
			  FROM %2$s.orca_window_visits($2, $3) AS v
			  CROSS JOIN LATERAL %2$s.eligibility_review(v.impact, v.check_status, $1) AS r
			  JOIN %1$I.tbl_syunou_main AS m
				ON m.hospnum OPERATOR(pg_catalog.=) v.hospnum
			   AND m.ptid OPERATOR(pg_catalog.=) v.ptid
			   AND v.ptid OPERATOR(pg_catalog.<>) 0
			   AND pg_catalog.btrim(m.sryymd) OPERATOR(pg_catalog.=)
				   pg_catalog.to_char(v.visit_date::pg_catalog.timestamp, 'YYYYMMDD')
			   AND pg_catalog.btrim(m.nyugaikbn) OPERATOR(pg_catalog.=) '1'
			  LEFT JOIN %1$I.tbl_hkncombi AS c
				ON c.hospnum OPERATOR(pg_catalog.=) m.hospnum
			   AND c.ptid OPERATOR(pg_catalog.=) m.ptid
			   AND c.hkncombinum OPERATOR(pg_catalog.=)
				   CASE WHEN pg_catalog.btrim(m.hkncombinum) OPERATOR(pg_catalog.~) '^[0-9]{1,4}$'
						THEN pg_catalog.btrim(m.hkncombinum)::pg_catalog.int4 END
			  LEFT JOIN %1$I.tbl_pthkninf AS p
				ON p.hospnum OPERATOR(pg_catalog.=) c.hospnum
			   AND p.ptid OPERATOR(pg_catalog.=) c.ptid
			   AND p.hknid OPERATOR(pg_catalog.=) c.hknid
			  WHERE v.affected OR r.needs_review
			  ORDER BY v.hospnum, v.ptid, m.denpnum,
					   v.impact DESC, v.visit_at NULLS LAST, v.ukeid) AS b
		WHERE b.unknown_insurer OR b.charged_full
		ORDER BY b.hospnum, b.visit_date, b.visit_at NULLS LAST, b.ukeid, b.ptid, b.denpnum
		$q$, orca_schema, ext)
	USING lang, orca_schema, calendar;
END;
$$;

COMMENT ON FUNCTION @extschema@.orca_billing_audit(pg_catalog.name, @extschema@.outage_calendar, pg_catalog.text) IS
'orca_billing_audit(name, text) against the given calendar (a stored audit''s or a what-if; reads no table of this extension, only ORCA''s): the bills of the calendar''s affected or reviewed visits claimed to an unknown insurer or charged 10割, with what to do (lang ''ja'' or ''en''), with the same columns';

CREATE OR REPLACE FUNCTION @extschema@.orca_billing_audit(
	orca_schema pg_catalog.name DEFAULT 'public', lang pg_catalog.text DEFAULT 'ja')
RETURNS TABLE (
	hospnum pg_catalog.int4,
	ptid pg_catalog.int8,
	visit_date pg_catalog.date,
	ukeid pg_catalog.int4,
	visit_at pg_catalog.timestamp,
	facility_prefecture @extschema@.prefecture,
	impact @extschema@.eligibility_impact,
	check_status pg_catalog.text,
	denpnum pg_catalog.int4,
	insurer_number pg_catalog.text,
	copay_percent pg_catalog.int4,
	unknown_insurer pg_catalog.bool,
	charged_full pg_catalog.bool,
	guidance pg_catalog.text
)
LANGUAGE sql STABLE STRICT
BEGIN ATOMIC
	-- in the calendar form's order
	SELECT * FROM @extschema@.orca_billing_audit(orca_schema,
		@extschema@.current_outage_calendar(), lang);
END;

COMMENT ON FUNCTION @extschema@.orca_billing_audit(pg_catalog.name, pg_catalog.text) IS
'Bills of ORCA visits in an outage or intermittent window, or reviewed in a registration delay (check not ok), that were claimed to an unknown insurer (77777777, 77777779) or charged 10割 (a 自費 combination, hknnum 980, or ptftnrate 100), one row per bill, with what to do (lang ''ja'' or ''en'')';

--
-- pg_dump's conditions name nothing of this schema.
--
SELECT pg_catalog.pg_extension_config_dump('@extschema@.outage_area',
	pg_catalog.format('WHERE NOT (pg_catalog.md5(outage_area::pg_catalog.text) OPERATOR(pg_catalog.=) ANY (%L::pg_catalog.text[]))',
		(SELECT pg_catalog.array_agg(pg_catalog.md5(s::pg_catalog.text) ORDER BY s.area)
		 FROM @extschema@.shipped_outage_areas() AS s)));
SELECT pg_catalog.pg_extension_config_dump('@extschema@.prefecture_area',
	pg_catalog.format('WHERE NOT (pg_catalog.md5(prefecture_area::pg_catalog.text) OPERATOR(pg_catalog.=) ANY (%L::pg_catalog.text[]))',
		(SELECT pg_catalog.array_agg(
					pg_catalog.md5(ROW(p::@extschema@.prefecture,
						@extschema@.notice_area(p::@extschema@.prefecture))::pg_catalog.text)
					ORDER BY p)
		 FROM pg_catalog.generate_series(1, 47) AS p)));
SELECT pg_catalog.pg_extension_config_dump('@extschema@.outage_schedule',
	pg_catalog.format('WHERE NOT (pg_catalog.md5(outage_schedule::pg_catalog.text) OPERATOR(pg_catalog.=) ANY (%L::pg_catalog.text[]))',
		(SELECT pg_catalog.array_agg(pg_catalog.md5(s::pg_catalog.text) ORDER BY s.id)
		 FROM @extschema@.shipped_outage_windows() AS s)));

--
-- The rights to change the schedule follow the database owner (see
-- install/30_schedule.sql): take back what 1.0's install granted to the
-- role that installed it (the table owner's own rights stay, and so does
-- every grant made since), and grant them to pg_database_owner.
--
DO $$
DECLARE
	r record;
BEGIN
	FOR r IN
		SELECT i.objoid::pg_catalog.regclass AS tbl,
			   a.grantee::pg_catalog.regrole AS grantee,
			   pg_catalog.string_agg(a.privilege_type, ', ') AS privileges
		FROM pg_catalog.pg_init_privs AS i
		JOIN pg_catalog.pg_class AS c ON c.oid OPERATOR(pg_catalog.=) i.objoid
		CROSS JOIN LATERAL pg_catalog.aclexplode(i.initprivs) AS a
		WHERE i.classoid OPERATOR(pg_catalog.=) 'pg_catalog.pg_class'::pg_catalog.regclass
		  AND i.objsubid OPERATOR(pg_catalog.=) 0
		  AND i.objoid OPERATOR(pg_catalog.=) ANY (ARRAY[
				'@extschema@.outage_area'::pg_catalog.regclass,
				'@extschema@.prefecture_area'::pg_catalog.regclass,
				'@extschema@.outage_schedule'::pg_catalog.regclass,
				'@extschema@.outage_schedule_deleted_seed'::pg_catalog.regclass]::pg_catalog.oid[])
		  AND a.grantee OPERATOR(pg_catalog.<>) c.relowner
		  AND a.grantee OPERATOR(pg_catalog.<>) 0
		  AND a.privilege_type OPERATOR(pg_catalog.=) ANY ('{INSERT,UPDATE,DELETE}'::pg_catalog.text[])
		GROUP BY 1, 2
	LOOP
		EXECUTE pg_catalog.format('REVOKE %s ON TABLE %s FROM %s',
								  r.privileges, r.tbl, r.grantee);
	END LOOP;
END
$$;
GRANT INSERT, UPDATE, DELETE ON @extschema@.outage_area,
	@extschema@.prefecture_area, @extschema@.outage_schedule,
	@extschema@.outage_schedule_deleted_seed
	TO pg_database_owner WITH GRANT OPTION;
GRANT SELECT, UPDATE ON SEQUENCE @extschema@.outage_schedule_id_seq
	TO pg_database_owner WITH GRANT OPTION;

-- A GRANT or REVOKE in an extension script records the object's whole
-- privileges, grants made by users since 1.0 was installed included, as its
-- initial privileges, which pg_dump leaves out: those grants would vanish
-- from every later dump.  Record instead what a fresh 1.1 install records,
-- so that pg_dump keeps dumping every grant beyond it.
UPDATE pg_catalog.pg_init_privs AS i
   SET initprivs = CASE WHEN c.relkind OPERATOR(pg_catalog.=) 'S'
		THEN pg_catalog.acldefault('s', c.relowner) OPERATOR(pg_catalog.||)
			 pg_catalog.format('pg_database_owner=r*w*/%s', c.relowner::pg_catalog.regrole)::pg_catalog.aclitem
		ELSE pg_catalog.acldefault('r', c.relowner) OPERATOR(pg_catalog.||)
			 ARRAY[pg_catalog.format('=r/%s', c.relowner::pg_catalog.regrole),
				   pg_catalog.format('pg_database_owner=a*w*d*/%s', c.relowner::pg_catalog.regrole)]::pg_catalog.aclitem[]
	   END
  FROM pg_catalog.pg_class AS c
 WHERE c.oid OPERATOR(pg_catalog.=) i.objoid
   AND i.classoid OPERATOR(pg_catalog.=) 'pg_catalog.pg_class'::pg_catalog.regclass
   AND i.objsubid OPERATOR(pg_catalog.=) 0
   AND c.oid OPERATOR(pg_catalog.=) ANY (ARRAY[
		'@extschema@.outage_area'::pg_catalog.regclass,
		'@extschema@.prefecture_area'::pg_catalog.regclass,
		'@extschema@.outage_schedule'::pg_catalog.regclass,
		'@extschema@.outage_schedule_deleted_seed'::pg_catalog.regclass,
		'@extschema@.outage_schedule_id_seq'::pg_catalog.regclass]::pg_catalog.oid[]);

--
-- outage_area refuses an area name an outage_calendar cannot hold, and a
-- 255th area (the trigger above).  A 1.0 database may already break either
-- rule: say which, rather than fail on the constraint or leave every
-- eligibility function failing.
--
DO $$
DECLARE
	longest pg_catalog.int4;
	areas pg_catalog.int8;
BEGIN
	SELECT pg_catalog.max(pg_catalog.octet_length(a.area)), pg_catalog.count(*)
	  INTO longest, areas
	  FROM @extschema@.outage_area AS a;
	IF longest OPERATOR(pg_catalog.>) 1024 THEN
		RAISE EXCEPTION 'outage_area holds an area name of % bytes', longest
			USING ERRCODE = 'program_limit_exceeded',
				  DETAIL = 'outage_window 1.1 holds area names of at most 1024 bytes, as an outage_calendar does.',
				  HINT = 'Rename the area with UPDATE outage_area SET area = ... (its windows and prefectures follow), then run ALTER EXTENSION outage_window UPDATE again.';
	END IF;
	IF areas OPERATOR(pg_catalog.>) 254 THEN
		RAISE WARNING 'outage_area holds % areas, more than the 254 an outage_calendar holds', areas
			USING HINT = 'Delete the areas no window or prefecture uses: until then every eligibility function fails with SQLSTATE 54000.';
	END IF;
END
$$;
ALTER TABLE @extschema@.outage_area ADD CONSTRAINT outage_area_name_length
	CHECK (pg_catalog.octet_length(area) OPERATOR(pg_catalog.<=) 1024);

--
-- One C function per SQL name: every overload of is_eligibility_affected,
-- eligibility_impact and the bound functions calls the same C function,
-- which tells the overloads apart by their declared argument types.  The
-- day-level eligibility_impact_on_day reads the schedule through the same
-- core (it was SQL over the tables), and gains text and calendar forms.
--
CREATE OR REPLACE FUNCTION @extschema@.eligibility_affected_bound(
	facility_prefecture @extschema@.prefecture, upper pg_catalog.bool)
RETURNS pg_catalog.timestamptz
AS 'MODULE_PATHNAME', 'eligibility_affected_bound'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

CREATE OR REPLACE FUNCTION @extschema@.eligibility_affected_bound_local(
	facility_prefecture @extschema@.prefecture, upper pg_catalog.bool)
RETURNS pg_catalog.timestamp
AS 'MODULE_PATHNAME', 'eligibility_affected_bound_local'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

CREATE OR REPLACE FUNCTION @extschema@.is_eligibility_affected(
	facility_prefecture @extschema@.prefecture, visit_at pg_catalog.timestamp)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'is_eligibility_affected'
LANGUAGE C STABLE STRICT PARALLEL SAFE
SUPPORT @extschema@.is_eligibility_affected_support;

CREATE OR REPLACE FUNCTION @extschema@.is_eligibility_affected(
	facility_prefecture pg_catalog.text, visit_at pg_catalog.timestamptz)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'is_eligibility_affected'
LANGUAGE C STABLE STRICT PARALLEL SAFE
SUPPORT @extschema@.is_eligibility_affected_support;

CREATE OR REPLACE FUNCTION @extschema@.is_eligibility_affected(
	facility_prefecture pg_catalog.text, visit_at pg_catalog.timestamp)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'is_eligibility_affected'
LANGUAGE C STABLE STRICT PARALLEL SAFE
SUPPORT @extschema@.is_eligibility_affected_support;

CREATE OR REPLACE FUNCTION @extschema@.eligibility_impact(
	facility_prefecture @extschema@.prefecture, visit_at pg_catalog.timestamp)
RETURNS @extschema@.eligibility_impact
AS 'MODULE_PATHNAME', 'eligibility_impact'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

CREATE OR REPLACE FUNCTION @extschema@.eligibility_impact(
	facility_prefecture pg_catalog.text, visit_at pg_catalog.timestamptz)
RETURNS @extschema@.eligibility_impact
AS 'MODULE_PATHNAME', 'eligibility_impact'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

CREATE OR REPLACE FUNCTION @extschema@.eligibility_impact(
	facility_prefecture pg_catalog.text, visit_at pg_catalog.timestamp)
RETURNS @extschema@.eligibility_impact
AS 'MODULE_PATHNAME', 'eligibility_impact'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

CREATE OR REPLACE FUNCTION @extschema@.eligibility_affected_bound(
	calendar @extschema@.outage_calendar, upper pg_catalog.bool)
RETURNS pg_catalog.timestamptz
AS 'MODULE_PATHNAME', 'eligibility_affected_bound'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE OR REPLACE FUNCTION @extschema@.eligibility_affected_bound_local(
	calendar @extschema@.outage_calendar, upper pg_catalog.bool)
RETURNS pg_catalog.timestamp
AS 'MODULE_PATHNAME', 'eligibility_affected_bound_local'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE OR REPLACE FUNCTION @extschema@.is_eligibility_affected(
	facility_prefecture @extschema@.prefecture, visit_at pg_catalog.timestamptz,
	calendar @extschema@.outage_calendar)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'is_eligibility_affected'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
SUPPORT @extschema@.is_eligibility_affected_support;

CREATE OR REPLACE FUNCTION @extschema@.is_eligibility_affected(
	facility_prefecture @extschema@.prefecture, visit_at pg_catalog.timestamp,
	calendar @extschema@.outage_calendar)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'is_eligibility_affected'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
SUPPORT @extschema@.is_eligibility_affected_support;

CREATE OR REPLACE FUNCTION @extschema@.is_eligibility_affected(
	facility_prefecture pg_catalog.text, visit_at pg_catalog.timestamptz,
	calendar @extschema@.outage_calendar)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'is_eligibility_affected'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
SUPPORT @extschema@.is_eligibility_affected_support;

CREATE OR REPLACE FUNCTION @extschema@.is_eligibility_affected(
	facility_prefecture pg_catalog.text, visit_at pg_catalog.timestamp,
	calendar @extschema@.outage_calendar)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'is_eligibility_affected'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
SUPPORT @extschema@.is_eligibility_affected_support;

CREATE OR REPLACE FUNCTION @extschema@.eligibility_impact(
	facility_prefecture @extschema@.prefecture, visit_at pg_catalog.timestamptz,
	calendar @extschema@.outage_calendar)
RETURNS @extschema@.eligibility_impact
AS 'MODULE_PATHNAME', 'eligibility_impact'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE OR REPLACE FUNCTION @extschema@.eligibility_impact(
	facility_prefecture @extschema@.prefecture, visit_at pg_catalog.timestamp,
	calendar @extschema@.outage_calendar)
RETURNS @extschema@.eligibility_impact
AS 'MODULE_PATHNAME', 'eligibility_impact'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE OR REPLACE FUNCTION @extschema@.eligibility_impact(
	facility_prefecture pg_catalog.text, visit_at pg_catalog.timestamptz,
	calendar @extschema@.outage_calendar)
RETURNS @extschema@.eligibility_impact
AS 'MODULE_PATHNAME', 'eligibility_impact'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE OR REPLACE FUNCTION @extschema@.eligibility_impact(
	facility_prefecture pg_catalog.text, visit_at pg_catalog.timestamp,
	calendar @extschema@.outage_calendar)
RETURNS @extschema@.eligibility_impact
AS 'MODULE_PATHNAME', 'eligibility_impact'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE OR REPLACE FUNCTION @extschema@.eligibility_impact_on_day(
	facility_prefecture @extschema@.prefecture, visit_date pg_catalog.date)
RETURNS @extschema@.eligibility_impact
AS 'MODULE_PATHNAME', 'eligibility_impact_on_day'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.eligibility_impact_on_day(
	facility_prefecture pg_catalog.text, visit_date pg_catalog.date)
RETURNS @extschema@.eligibility_impact
AS 'MODULE_PATHNAME', 'eligibility_impact_on_day'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.eligibility_impact_on_day(
	facility_prefecture @extschema@.prefecture, visit_date pg_catalog.date,
	calendar @extschema@.outage_calendar)
RETURNS @extschema@.eligibility_impact
AS 'MODULE_PATHNAME', 'eligibility_impact_on_day'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.eligibility_impact_on_day(
	facility_prefecture pg_catalog.text, visit_date pg_catalog.date,
	calendar @extschema@.outage_calendar)
RETURNS @extschema@.eligibility_impact
AS 'MODULE_PATHNAME', 'eligibility_impact_on_day'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.eligibility_impact_on_day(pg_catalog.text, pg_catalog.date) IS
'The most severe window that touches this Japan calendar day; the facility''s prefecture given as text';
COMMENT ON FUNCTION @extschema@.eligibility_impact_on_day(@extschema@.prefecture, pg_catalog.date, @extschema@.outage_calendar) IS
'The most severe window of the given calendar that touches this Japan calendar day (reads no table)';
COMMENT ON FUNCTION @extschema@.eligibility_impact_on_day(pg_catalog.text, pg_catalog.date, @extschema@.outage_calendar) IS
'The most severe window of the given calendar that touches this Japan calendar day; prefecture given as text';

--
-- affecting_windows is the same C function as the answers (it was SQL over
-- the tables, dropped at the top of this script): it lists the windows of
-- the very schedule that gave the answer, and gains calendar forms, which
-- list the calendar's segments.
--
CREATE FUNCTION @extschema@.affecting_windows(
	facility_prefecture @extschema@.prefecture, visit_at pg_catalog.timestamptz)
RETURNS SETOF @extschema@.outage_schedule
AS 'MODULE_PATHNAME', 'affecting_windows'
LANGUAGE C STABLE STRICT PARALLEL SAFE ROWS 3;

CREATE FUNCTION @extschema@.affecting_windows(
	facility_prefecture @extschema@.prefecture, visit_at pg_catalog.timestamp)
RETURNS SETOF @extschema@.outage_schedule
AS 'MODULE_PATHNAME', 'affecting_windows'
LANGUAGE C STABLE STRICT PARALLEL SAFE ROWS 3;

CREATE FUNCTION @extschema@.affecting_windows(
	facility_prefecture pg_catalog.text, visit_at pg_catalog.timestamptz)
RETURNS SETOF @extschema@.outage_schedule
AS 'MODULE_PATHNAME', 'affecting_windows'
LANGUAGE C STABLE STRICT PARALLEL SAFE ROWS 3;

CREATE FUNCTION @extschema@.affecting_windows(
	facility_prefecture pg_catalog.text, visit_at pg_catalog.timestamp)
RETURNS SETOF @extschema@.outage_schedule
AS 'MODULE_PATHNAME', 'affecting_windows'
LANGUAGE C STABLE STRICT PARALLEL SAFE ROWS 3;

COMMENT ON FUNCTION @extschema@.affecting_windows(@extschema@.prefecture, pg_catalog.timestamptz) IS
'The outage_schedule rows that apply to a visit at a facility in this prefecture, most severe first';
COMMENT ON FUNCTION @extschema@.affecting_windows(@extschema@.prefecture, pg_catalog.timestamp) IS
'The outage_schedule rows that apply to a visit at this Japan local time, most severe first';
COMMENT ON FUNCTION @extschema@.affecting_windows(pg_catalog.text, pg_catalog.timestamptz) IS
'The outage_schedule rows that apply to a visit, most severe first; the facility''s prefecture given as text';
COMMENT ON FUNCTION @extschema@.affecting_windows(pg_catalog.text, pg_catalog.timestamp) IS
'The outage_schedule rows that apply to a visit at this Japan local time, most severe first; prefecture given as text';

-- affecting_windows with a calendar: a calendar keeps each area's windows
-- merged into segments, so the rows are the segments covering the visit
-- (the area's, then the nationwide one), with no id, note or source, and
-- the segment's own guidance, if it has one.

CREATE FUNCTION @extschema@.affecting_windows(
	facility_prefecture @extschema@.prefecture, visit_at pg_catalog.timestamptz,
	calendar @extschema@.outage_calendar)
RETURNS SETOF @extschema@.outage_schedule
AS 'MODULE_PATHNAME', 'affecting_windows'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 2;

CREATE FUNCTION @extschema@.affecting_windows(
	facility_prefecture @extschema@.prefecture, visit_at pg_catalog.timestamp,
	calendar @extschema@.outage_calendar)
RETURNS SETOF @extschema@.outage_schedule
AS 'MODULE_PATHNAME', 'affecting_windows'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 2;

CREATE FUNCTION @extschema@.affecting_windows(
	facility_prefecture pg_catalog.text, visit_at pg_catalog.timestamptz,
	calendar @extschema@.outage_calendar)
RETURNS SETOF @extschema@.outage_schedule
AS 'MODULE_PATHNAME', 'affecting_windows'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 2;

CREATE FUNCTION @extschema@.affecting_windows(
	facility_prefecture pg_catalog.text, visit_at pg_catalog.timestamp,
	calendar @extschema@.outage_calendar)
RETURNS SETOF @extschema@.outage_schedule
AS 'MODULE_PATHNAME', 'affecting_windows'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 2;

COMMENT ON FUNCTION @extschema@.affecting_windows(@extschema@.prefecture, pg_catalog.timestamptz, @extschema@.outage_calendar) IS
'The segments of the given calendar that apply to a visit (its area''s and the nationwide one), most severe first; id, note and source are NULL, guidance is the segment''s own (reads no table)';
COMMENT ON FUNCTION @extschema@.affecting_windows(@extschema@.prefecture, pg_catalog.timestamp, @extschema@.outage_calendar) IS
'The segments of the given calendar that apply to a visit at this Japan local time, most severe first; id, note and source are NULL, guidance is the segment''s own';
COMMENT ON FUNCTION @extschema@.affecting_windows(pg_catalog.text, pg_catalog.timestamptz, @extschema@.outage_calendar) IS
'The segments of the given calendar that apply to a visit, most severe first; prefecture given as text; id, note and source are NULL, guidance is the segment''s own';
COMMENT ON FUNCTION @extschema@.affecting_windows(pg_catalog.text, pg_catalog.timestamp, @extschema@.outage_calendar) IS
'The segments of the given calendar that apply to a visit at this Japan local time, most severe first; prefecture given as text; id, note and source are NULL, guidance is the segment''s own';

--
-- outage_notice_windows(): the windows of a whole notice (src/notice.c,
-- src/notice_parse.c), as install/50_wareki.sql creates it.
--
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

-- Facilities as HIS data names them (issue 19): the medical_institution_code
-- type, address_prefecture() and the facility_area table.  The same
-- statements as install/15_facility.sql and install/35_facility_area.sql,
-- which a fresh 1.1 install runs.
--

-- ---------------------------------------------------------------------
-- medical_institution_code: a facility's 10-digit 医療機関コード
-- (都道府県番号 2, 点数表番号 1, the 7-digit code), stored as its number
-- in eight bytes, passed by value.  Comparison and hashing reuse the int8
-- functions, since the representation is an int8 and numeric order is
-- the order of the digits.  The check digit is not checked: its algorithm
-- is not published in a form that could be confirmed (doc/facilities.md).
-- ---------------------------------------------------------------------

CREATE TYPE @extschema@.medical_institution_code;

CREATE FUNCTION @extschema@.medical_institution_code_in(pg_catalog.cstring)
RETURNS @extschema@.medical_institution_code
AS 'MODULE_PATHNAME', 'medical_institution_code_in'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.medical_institution_code_out(@extschema@.medical_institution_code)
RETURNS pg_catalog.cstring
AS 'MODULE_PATHNAME', 'medical_institution_code_out'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.medical_institution_code_recv(pg_catalog.internal)
RETURNS @extschema@.medical_institution_code
AS 'MODULE_PATHNAME', 'medical_institution_code_recv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.medical_institution_code_send(@extschema@.medical_institution_code)
RETURNS pg_catalog.bytea
AS 'MODULE_PATHNAME', 'medical_institution_code_send'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.medical_institution_code (
	INPUT = @extschema@.medical_institution_code_in,
	OUTPUT = @extschema@.medical_institution_code_out,
	RECEIVE = @extschema@.medical_institution_code_recv,
	SEND = @extschema@.medical_institution_code_send,
	INTERNALLENGTH = 8,
	PASSEDBYVALUE,
	ALIGNMENT = double,
	STORAGE = plain
);

COMMENT ON TYPE @extschema@.medical_institution_code IS
'medical institution code (医療機関コード): 10 digits, prefecture (01-47), fee schedule (点数表: 1 medical, 3 dental, 4 pharmacy, 5 geriatric health facility, 6 home-visit nursing, 0 midwifery) and the 7-digit code; input accepts separators and full-width digits, output is the 10 digits';
COMMENT ON FUNCTION @extschema@.medical_institution_code_in(pg_catalog.cstring) IS
'text input of medical_institution_code: 10 digits with or without separators, in either width';
COMMENT ON FUNCTION @extschema@.medical_institution_code_out(@extschema@.medical_institution_code) IS
'text output of medical_institution_code: the 10 digits';
COMMENT ON FUNCTION @extschema@.medical_institution_code_recv(pg_catalog.internal) IS
'binary input of medical_institution_code: the code as int8, checked like text input';
COMMENT ON FUNCTION @extschema@.medical_institution_code_send(@extschema@.medical_institution_code) IS
'binary output of medical_institution_code: the code as int8';

-- Comparison by the digits: prefecture, fee schedule, then the 7-digit code.
CREATE FUNCTION @extschema@.medical_institution_code_eq(@extschema@.medical_institution_code, @extschema@.medical_institution_code)
RETURNS pg_catalog.bool AS 'int8eq'
LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.medical_institution_code_ne(@extschema@.medical_institution_code, @extschema@.medical_institution_code)
RETURNS pg_catalog.bool AS 'int8ne'
LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.medical_institution_code_lt(@extschema@.medical_institution_code, @extschema@.medical_institution_code)
RETURNS pg_catalog.bool AS 'int8lt'
LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.medical_institution_code_le(@extschema@.medical_institution_code, @extschema@.medical_institution_code)
RETURNS pg_catalog.bool AS 'int8le'
LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.medical_institution_code_gt(@extschema@.medical_institution_code, @extschema@.medical_institution_code)
RETURNS pg_catalog.bool AS 'int8gt'
LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.medical_institution_code_ge(@extschema@.medical_institution_code, @extschema@.medical_institution_code)
RETURNS pg_catalog.bool AS 'int8ge'
LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.medical_institution_code_cmp(@extschema@.medical_institution_code, @extschema@.medical_institution_code)
RETURNS pg_catalog.int4 AS 'btint8cmp'
LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.medical_institution_code_sortsupport(pg_catalog.internal)
RETURNS pg_catalog.void AS 'btint8sortsupport'
LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.medical_institution_code_hash(@extschema@.medical_institution_code)
RETURNS pg_catalog.int4 AS 'hashint8'
LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.medical_institution_code_hash_extended(@extschema@.medical_institution_code, pg_catalog.int8)
RETURNS pg_catalog.int8 AS 'hashint8extended'
LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

COMMENT ON FUNCTION @extschema@.medical_institution_code_eq(@extschema@.medical_institution_code, @extschema@.medical_institution_code) IS
'implementation of = for medical_institution_code';
COMMENT ON FUNCTION @extschema@.medical_institution_code_ne(@extschema@.medical_institution_code, @extschema@.medical_institution_code) IS
'implementation of <> for medical_institution_code';
COMMENT ON FUNCTION @extschema@.medical_institution_code_lt(@extschema@.medical_institution_code, @extschema@.medical_institution_code) IS
'implementation of < for medical_institution_code (by the digits)';
COMMENT ON FUNCTION @extschema@.medical_institution_code_le(@extschema@.medical_institution_code, @extschema@.medical_institution_code) IS
'implementation of <= for medical_institution_code (by the digits)';
COMMENT ON FUNCTION @extschema@.medical_institution_code_gt(@extschema@.medical_institution_code, @extschema@.medical_institution_code) IS
'implementation of > for medical_institution_code (by the digits)';
COMMENT ON FUNCTION @extschema@.medical_institution_code_ge(@extschema@.medical_institution_code, @extschema@.medical_institution_code) IS
'implementation of >= for medical_institution_code (by the digits)';
COMMENT ON FUNCTION @extschema@.medical_institution_code_cmp(@extschema@.medical_institution_code, @extschema@.medical_institution_code) IS
'btree comparison of medical institution codes by their digits: -1, 0 or 1';
COMMENT ON FUNCTION @extschema@.medical_institution_code_sortsupport(pg_catalog.internal) IS
'btree sort support for medical_institution_code';
COMMENT ON FUNCTION @extschema@.medical_institution_code_hash(@extschema@.medical_institution_code) IS
'hash of a medical institution code';
COMMENT ON FUNCTION @extschema@.medical_institution_code_hash_extended(@extschema@.medical_institution_code, pg_catalog.int8) IS
'seeded 64-bit hash of a medical institution code';

CREATE OPERATOR @extschema@.= (
	LEFTARG = @extschema@.medical_institution_code,
	RIGHTARG = @extschema@.medical_institution_code,
	FUNCTION = @extschema@.medical_institution_code_eq,
	COMMUTATOR = OPERATOR(@extschema@.=),
	NEGATOR = OPERATOR(@extschema@.<>),
	RESTRICT = pg_catalog.eqsel,
	JOIN = pg_catalog.eqjoinsel,
	HASHES,
	MERGES
);
CREATE OPERATOR @extschema@.<> (
	LEFTARG = @extschema@.medical_institution_code,
	RIGHTARG = @extschema@.medical_institution_code,
	FUNCTION = @extschema@.medical_institution_code_ne,
	COMMUTATOR = OPERATOR(@extschema@.<>),
	NEGATOR = OPERATOR(@extschema@.=),
	RESTRICT = pg_catalog.neqsel,
	JOIN = pg_catalog.neqjoinsel
);
CREATE OPERATOR @extschema@.< (
	LEFTARG = @extschema@.medical_institution_code,
	RIGHTARG = @extschema@.medical_institution_code,
	FUNCTION = @extschema@.medical_institution_code_lt,
	COMMUTATOR = OPERATOR(@extschema@.>),
	NEGATOR = OPERATOR(@extschema@.>=),
	RESTRICT = pg_catalog.scalarltsel,
	JOIN = pg_catalog.scalarltjoinsel
);
CREATE OPERATOR @extschema@.<= (
	LEFTARG = @extschema@.medical_institution_code,
	RIGHTARG = @extschema@.medical_institution_code,
	FUNCTION = @extschema@.medical_institution_code_le,
	COMMUTATOR = OPERATOR(@extschema@.>=),
	NEGATOR = OPERATOR(@extschema@.>),
	RESTRICT = pg_catalog.scalarlesel,
	JOIN = pg_catalog.scalarlejoinsel
);
CREATE OPERATOR @extschema@.> (
	LEFTARG = @extschema@.medical_institution_code,
	RIGHTARG = @extschema@.medical_institution_code,
	FUNCTION = @extschema@.medical_institution_code_gt,
	COMMUTATOR = OPERATOR(@extschema@.<),
	NEGATOR = OPERATOR(@extschema@.<=),
	RESTRICT = pg_catalog.scalargtsel,
	JOIN = pg_catalog.scalargtjoinsel
);
CREATE OPERATOR @extschema@.>= (
	LEFTARG = @extschema@.medical_institution_code,
	RIGHTARG = @extschema@.medical_institution_code,
	FUNCTION = @extschema@.medical_institution_code_ge,
	COMMUTATOR = OPERATOR(@extschema@.<=),
	NEGATOR = OPERATOR(@extschema@.<),
	RESTRICT = pg_catalog.scalargesel,
	JOIN = pg_catalog.scalargejoinsel
);

COMMENT ON OPERATOR @extschema@.= (@extschema@.medical_institution_code, @extschema@.medical_institution_code) IS
'same facility';
COMMENT ON OPERATOR @extschema@.<> (@extschema@.medical_institution_code, @extschema@.medical_institution_code) IS
'different facilities';
COMMENT ON OPERATOR @extschema@.< (@extschema@.medical_institution_code, @extschema@.medical_institution_code) IS
'lower code';
COMMENT ON OPERATOR @extschema@.<= (@extschema@.medical_institution_code, @extschema@.medical_institution_code) IS
'lower or equal code';
COMMENT ON OPERATOR @extschema@.> (@extschema@.medical_institution_code, @extschema@.medical_institution_code) IS
'higher code';
COMMENT ON OPERATOR @extschema@.>= (@extschema@.medical_institution_code, @extschema@.medical_institution_code) IS
'higher or equal code';

CREATE OPERATOR CLASS @extschema@.btree_medical_institution_code_ops
DEFAULT FOR TYPE @extschema@.medical_institution_code USING btree AS
	OPERATOR 1 @extschema@.<,
	OPERATOR 2 @extschema@.<=,
	OPERATOR 3 @extschema@.=,
	OPERATOR 4 @extschema@.>=,
	OPERATOR 5 @extschema@.>,
	FUNCTION 1 @extschema@.medical_institution_code_cmp(@extschema@.medical_institution_code, @extschema@.medical_institution_code),
	FUNCTION 2 @extschema@.medical_institution_code_sortsupport(pg_catalog.internal);

CREATE OPERATOR CLASS @extschema@.hash_medical_institution_code_ops
DEFAULT FOR TYPE @extschema@.medical_institution_code USING hash AS
	OPERATOR 1 @extschema@.=,
	FUNCTION 1 @extschema@.medical_institution_code_hash(@extschema@.medical_institution_code),
	FUNCTION 2 @extschema@.medical_institution_code_hash_extended(@extschema@.medical_institution_code, pg_catalog.int8);

COMMENT ON OPERATOR CLASS @extschema@.btree_medical_institution_code_ops USING btree IS
'medical institution codes in the order of their digits: by prefecture, then fee schedule';
COMMENT ON OPERATOR CLASS @extschema@.hash_medical_institution_code_ops USING hash IS
'hashing of medical institution codes';
COMMENT ON OPERATOR FAMILY @extschema@.btree_medical_institution_code_ops USING btree IS
'medical institution codes in the order of their digits: by prefecture, then fee schedule';
COMMENT ON OPERATOR FAMILY @extschema@.hash_medical_institution_code_ops USING hash IS
'hashing of medical institution codes';

-- Parts of a code, and a code from the receipt file's parts.
CREATE FUNCTION @extschema@.institution_prefecture(@extschema@.medical_institution_code)
RETURNS @extschema@.prefecture
AS 'MODULE_PATHNAME', 'institution_prefecture'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.institution_kind(@extschema@.medical_institution_code)
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'institution_kind'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.institution_kind_ja(@extschema@.medical_institution_code)
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'institution_kind_ja'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.institution_code7(@extschema@.medical_institution_code)
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'institution_code7'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.medical_institution_code(
	prefecture @extschema@.prefecture, kind pg_catalog.text, code pg_catalog.text)
RETURNS @extschema@.medical_institution_code
AS 'MODULE_PATHNAME', 'medical_institution_code'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.to_medical_institution_code(pg_catalog.text)
RETURNS @extschema@.medical_institution_code
AS 'MODULE_PATHNAME', 'to_medical_institution_code'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.institution_prefecture(@extschema@.medical_institution_code) IS
'prefecture of a medical institution code: its first two digits (where the facility is, not the area its line is on: see facility_area)';
COMMENT ON FUNCTION @extschema@.institution_kind(@extschema@.medical_institution_code) IS
'kind of facility by the code''s fee schedule digit: medical (1), dental (3), pharmacy (4), geriatric_health_facility (5), home_nursing (6) or midwifery (0)';
COMMENT ON FUNCTION @extschema@.institution_kind_ja(@extschema@.medical_institution_code) IS
'fee schedule of a medical institution code in Japanese: 医科, 歯科, 調剤, 老人保健施設, 訪問看護ステーション or 助産所';
COMMENT ON FUNCTION @extschema@.institution_code7(@extschema@.medical_institution_code) IS
'the 7-digit code (郡市区番号, 医療機関番号 and 検証番号), as the receipt file''s IR record writes it';
COMMENT ON FUNCTION @extschema@.medical_institution_code(@extschema@.prefecture, pg_catalog.text, pg_catalog.text) IS
'medical institution code from the receipt file''s IR record fields: a prefecture, the fee schedule (its digit, or a name such as pharmacy or 調剤) and the 7-digit code';
COMMENT ON FUNCTION @extschema@.to_medical_institution_code(pg_catalog.text) IS
'read a medical institution code like the type input does, but return NULL for text that is none (for cleaning dirty columns)';

-- The prefecture a code names; explicit only, as a facility's prefecture
-- is not its outage area (facility_area).
CREATE CAST (@extschema@.medical_institution_code AS @extschema@.prefecture)
	WITH FUNCTION @extschema@.institution_prefecture(@extschema@.medical_institution_code);

COMMENT ON CAST (@extschema@.medical_institution_code AS @extschema@.prefecture) IS
'the prefecture of the code''s first two digits';

-- The prefecture an address starts with (src/address_parse.c).
CREATE FUNCTION @extschema@.address_prefecture(pg_catalog.text)
RETURNS @extschema@.prefecture
AS 'MODULE_PATHNAME', 'address_prefecture'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.address_prefecture(pg_catalog.text) IS
'prefecture a Japanese address starts with, after an optional postal code: by the prefecture''s name, or by a municipality''s (千代田区, 札幌市中央区, 虻田郡洞爺湖町); NULL when it names none or a municipality name several prefectures share (府中市)';

--
-- facility_area: the area of one facility, where its line is not on its
-- prefecture's area (field notes, §3): 熱海 clinics are on NTT East lines
-- inside a West prefecture, NTT incidents hit parts of prefectures, some
-- facilities connect through ctc, QTnet or IPsec providers.  A row here
-- overrides the prefecture's area (prefecture_area) for that facility only.
--
-- A configuration table like the schedule's (install/30_schedule.sql): it
-- ships empty, so pg_dump keeps every row; the same privileges; a parallel
-- restore may load it before the user-added area it names, so its trigger
-- creates the area first, as the schedule's do.
--

CREATE TABLE @extschema@.facility_area (
	facility @extschema@.medical_institution_code PRIMARY KEY,
	area text NOT NULL
		REFERENCES @extschema@.outage_area (area) ON UPDATE CASCADE,
	note text
);

COMMENT ON TABLE @extschema@.facility_area IS
'Area of a facility whose network line is not on its prefecture''s area (overrides prefecture_area for that facility; ships empty)';
COMMENT ON COLUMN @extschema@.facility_area.facility IS
'The facility''s medical institution code (医療機関コード)';
COMMENT ON COLUMN @extschema@.facility_area.area IS
'The area its line connects through (an area of outage_area)';
COMMENT ON COLUMN @extschema@.facility_area.note IS
'Why, in words (carrier, line, notice)';

CREATE FUNCTION @extschema@.facility_area_restore_area()
RETURNS trigger
AS 'MODULE_PATHNAME', 'facility_area_restore_area'
LANGUAGE C;

COMMENT ON FUNCTION @extschema@.facility_area_restore_area() IS
'Trigger: in a restore, creates a user-added area a facility names before the area''s own row arrives';

CREATE TRIGGER restore_area
	BEFORE INSERT ON @extschema@.facility_area
	FOR EACH ROW EXECUTE FUNCTION @extschema@.facility_area_restore_area();

COMMENT ON TRIGGER restore_area ON @extschema@.facility_area IS
'In a restore (check_function_bodies off), creates a user-added area a facility names before the area''s own row arrives';

-- Every row goes into every calendar built from the tables: a statement
-- that takes the table past the calendar's limit is refused
-- (src/table_limits.c), not every later call that reads the table.
CREATE FUNCTION @extschema@.facility_area_check_limit()
RETURNS trigger
AS 'MODULE_PATHNAME', 'facility_area_check_limit'
LANGUAGE C;

COMMENT ON FUNCTION @extschema@.facility_area_check_limit() IS
'Trigger: refuses a statement that takes facility_area past an outage_calendar''s limit of facilities (54000)';

CREATE TRIGGER check_limit
	AFTER INSERT ON @extschema@.facility_area
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.facility_area_check_limit();

COMMENT ON TRIGGER check_limit ON @extschema@.facility_area IS
'Refuses an INSERT that takes facility_area past an outage_calendar''s limit of facilities (54000)';

-- Every row is a user's: pg_dump keeps them all.
SELECT pg_catalog.pg_extension_config_dump('@extschema@.facility_area', '');

-- Who may change it: the database owner, as for the schedule's tables.
REVOKE ALL ON @extschema@.facility_area FROM PUBLIC;
GRANT SELECT ON @extschema@.facility_area TO PUBLIC;
GRANT INSERT, UPDATE, DELETE ON @extschema@.facility_area
	TO pg_database_owner WITH GRANT OPTION;

--
-- A facility by its 10-digit code: is_eligibility_affected, eligibility_impact,
-- eligibility_impact_on_day and affecting_windows read facility_area first.
--
-- The same for a facility by its 10-digit code: the area facility_area
-- gives it, else its prefecture's (the code's first two digits).  These
-- read the tables; their calendar forms come with the day-level ones below.

CREATE FUNCTION @extschema@.is_eligibility_affected(
	facility @extschema@.medical_institution_code, visit_at pg_catalog.timestamptz)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'is_eligibility_affected'
LANGUAGE C STABLE STRICT PARALLEL SAFE
SUPPORT @extschema@.is_eligibility_affected_support;

CREATE FUNCTION @extschema@.is_eligibility_affected(
	facility @extschema@.medical_institution_code, visit_at pg_catalog.timestamp)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'is_eligibility_affected'
LANGUAGE C STABLE STRICT PARALLEL SAFE
SUPPORT @extschema@.is_eligibility_affected_support;

CREATE FUNCTION @extschema@.eligibility_impact(
	facility @extschema@.medical_institution_code, visit_at pg_catalog.timestamptz)
RETURNS @extschema@.eligibility_impact
AS 'MODULE_PATHNAME', 'eligibility_impact'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.eligibility_impact(
	facility @extschema@.medical_institution_code, visit_at pg_catalog.timestamp)
RETURNS @extschema@.eligibility_impact
AS 'MODULE_PATHNAME', 'eligibility_impact'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.eligibility_impact_on_day(
	facility @extschema@.medical_institution_code, visit_date pg_catalog.date)
RETURNS @extschema@.eligibility_impact
AS 'MODULE_PATHNAME', 'eligibility_impact_on_day'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.affecting_windows(
	facility @extschema@.medical_institution_code, visit_at pg_catalog.timestamptz)
RETURNS SETOF @extschema@.outage_schedule
AS 'MODULE_PATHNAME', 'affecting_windows'
LANGUAGE C STABLE STRICT PARALLEL SAFE ROWS 3;

CREATE FUNCTION @extschema@.affecting_windows(
	facility @extschema@.medical_institution_code, visit_at pg_catalog.timestamp)
RETURNS SETOF @extschema@.outage_schedule
AS 'MODULE_PATHNAME', 'affecting_windows'
LANGUAGE C STABLE STRICT PARALLEL SAFE ROWS 3;

COMMENT ON FUNCTION @extschema@.is_eligibility_affected(@extschema@.medical_institution_code, pg_catalog.timestamptz) IS
'True when a visit at this facility falls in an outage or intermittent window of its area: facility_area''s, else its prefecture''s (or a nationwide one)';
COMMENT ON FUNCTION @extschema@.is_eligibility_affected(@extschema@.medical_institution_code, pg_catalog.timestamp) IS
'True when a visit at this facility, at this Japan local time, falls in an outage or intermittent window of its area';
COMMENT ON FUNCTION @extschema@.eligibility_impact(@extschema@.medical_institution_code, pg_catalog.timestamptz) IS
'The most severe window that applies to a visit at this facility (its facility_area area, else its prefecture''s)';
COMMENT ON FUNCTION @extschema@.eligibility_impact(@extschema@.medical_institution_code, pg_catalog.timestamp) IS
'The most severe window that applies to a visit at this facility at this Japan local time';
COMMENT ON FUNCTION @extschema@.eligibility_impact_on_day(@extschema@.medical_institution_code, pg_catalog.date) IS
'The most severe window that touches this Japan calendar day at this facility (its facility_area area, else its prefecture''s)';
COMMENT ON FUNCTION @extschema@.affecting_windows(@extschema@.medical_institution_code, pg_catalog.timestamptz) IS
'The outage_schedule rows that apply to a visit at this facility (its facility_area area, else its prefecture''s), most severe first';
COMMENT ON FUNCTION @extschema@.affecting_windows(@extschema@.medical_institution_code, pg_catalog.timestamp) IS
'The outage_schedule rows that apply to a visit at this facility at this Japan local time, most severe first';

-- outage_window(timestamp, timestamp, kind): bounds without a zone are
-- Japan wall-clock time, as in a window literal; with only the timestamptz
-- form, they were read in the session TimeZone (9 hours late under UTC).
-- Untyped literals still resolve to the timestamptz form, which reads a
-- literal without an offset in the session TimeZone.
--
CREATE FUNCTION @extschema@.outage_window(lower pg_catalog.timestamp,
										  upper pg_catalog.timestamp,
										  kind pg_catalog.text DEFAULT 'outage')
RETURNS @extschema@.outage_window
AS 'MODULE_PATHNAME', 'outage_window_construct_japan'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.outage_window(pg_catalog.timestamp, pg_catalog.timestamp, pg_catalog.text) IS
'outage window [lower, upper) with bounds read as Japan wall-clock time, whatever TimeZone says, of the given kind (default outage)';

-- ---------------------------------------------------------------------
-- Billing audits from what auditors have (issue 20): day-level answers
-- over opening hours (install/47_eligibility_day.sql), from_wareki_or_null
-- (install/50_wareki.sql), and the receipt file: uke_claims, uke_errors,
-- uke_affected_claims, uke_window_visits (install/70_uke.sql).
-- ---------------------------------------------------------------------
--
-- Day-level answers for claims, which know the day of a visit but not its
-- time (src/eligibility_day.c).  A date is a Japan date and opening hours
-- are Japan local times of that day: the session's TimeZone plays no part.
-- The opening hours are a time[] of pairs, opening and closing in turn
-- ('{09:00,12:30,14:00,18:00}'; 24:00 closes at midnight); NULL means the
-- whole day, an empty array a day the facility is closed.
--

CREATE TYPE @extschema@.eligibility_grade AS ENUM ('none', 'possible', 'certain');

COMMENT ON TYPE @extschema@.eligibility_grade IS
'How surely a day''s visit was affected: certain (windows affecting eligibility cover all the opening hours given), possible (part of them), none';

-- eligibility_on_day: impact and grade over the opening hours, with the
-- time covered.  Not STRICT: NULL opening hours mean the whole day.

CREATE FUNCTION @extschema@.eligibility_on_day(
	facility_prefecture @extschema@.prefecture, visit_date pg_catalog.date,
	opening_hours pg_catalog.time[] DEFAULT NULL,
	OUT impact @extschema@.eligibility_impact, OUT grade @extschema@.eligibility_grade,
	OUT affected_time pg_catalog.interval, OUT open_time pg_catalog.interval)
RETURNS pg_catalog.record
AS 'MODULE_PATHNAME', 'eligibility_on_day'
LANGUAGE C STABLE PARALLEL SAFE;

CREATE FUNCTION @extschema@.eligibility_on_day(
	facility_prefecture pg_catalog.text, visit_date pg_catalog.date,
	opening_hours pg_catalog.time[] DEFAULT NULL,
	OUT impact @extschema@.eligibility_impact, OUT grade @extschema@.eligibility_grade,
	OUT affected_time pg_catalog.interval, OUT open_time pg_catalog.interval)
RETURNS pg_catalog.record
AS 'MODULE_PATHNAME', 'eligibility_on_day'
LANGUAGE C STABLE PARALLEL SAFE;

CREATE FUNCTION @extschema@.eligibility_on_day(
	facility_prefecture @extschema@.prefecture, visit_date pg_catalog.date,
	calendar @extschema@.outage_calendar, opening_hours pg_catalog.time[] DEFAULT NULL,
	OUT impact @extschema@.eligibility_impact, OUT grade @extschema@.eligibility_grade,
	OUT affected_time pg_catalog.interval, OUT open_time pg_catalog.interval)
RETURNS pg_catalog.record
AS 'MODULE_PATHNAME', 'eligibility_on_day'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE FUNCTION @extschema@.eligibility_on_day(
	facility_prefecture pg_catalog.text, visit_date pg_catalog.date,
	calendar @extschema@.outage_calendar, opening_hours pg_catalog.time[] DEFAULT NULL,
	OUT impact @extschema@.eligibility_impact, OUT grade @extschema@.eligibility_grade,
	OUT affected_time pg_catalog.interval, OUT open_time pg_catalog.interval)
RETURNS pg_catalog.record
AS 'MODULE_PATHNAME', 'eligibility_on_day'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.eligibility_on_day(@extschema@.prefecture, pg_catalog.date, pg_catalog.time[]) IS
'A claim''s day at a facility in this prefecture: the most severe impact during the opening hours (pairs of Japan local times; NULL: the whole day), the grade (certain, possible, none), the time windows affecting eligibility cover and the time open';
COMMENT ON FUNCTION @extschema@.eligibility_on_day(pg_catalog.text, pg_catalog.date, pg_catalog.time[]) IS
'A claim''s day: impact, grade and times over the opening hours; the facility''s prefecture given as text';
COMMENT ON FUNCTION @extschema@.eligibility_on_day(@extschema@.prefecture, pg_catalog.date, @extschema@.outage_calendar, pg_catalog.time[]) IS
'A claim''s day: impact, grade and times over the opening hours, against a calendar; reads no table';
COMMENT ON FUNCTION @extschema@.eligibility_on_day(pg_catalog.text, pg_catalog.date, @extschema@.outage_calendar, pg_catalog.time[]) IS
'A claim''s day: impact, grade and times over the opening hours, against a calendar; the facility''s prefecture given as text; reads no table';

-- eligibility_grade_on_day: the grade alone, for WHERE clauses.

CREATE FUNCTION @extschema@.eligibility_grade_on_day(
	facility_prefecture @extschema@.prefecture, visit_date pg_catalog.date,
	opening_hours pg_catalog.time[] DEFAULT NULL)
RETURNS @extschema@.eligibility_grade
AS 'MODULE_PATHNAME', 'eligibility_grade_on_day'
LANGUAGE C STABLE PARALLEL SAFE;

CREATE FUNCTION @extschema@.eligibility_grade_on_day(
	facility_prefecture pg_catalog.text, visit_date pg_catalog.date,
	opening_hours pg_catalog.time[] DEFAULT NULL)
RETURNS @extschema@.eligibility_grade
AS 'MODULE_PATHNAME', 'eligibility_grade_on_day'
LANGUAGE C STABLE PARALLEL SAFE;

CREATE FUNCTION @extschema@.eligibility_grade_on_day(
	facility_prefecture @extschema@.prefecture, visit_date pg_catalog.date,
	calendar @extschema@.outage_calendar, opening_hours pg_catalog.time[] DEFAULT NULL)
RETURNS @extschema@.eligibility_grade
AS 'MODULE_PATHNAME', 'eligibility_grade_on_day'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE FUNCTION @extschema@.eligibility_grade_on_day(
	facility_prefecture pg_catalog.text, visit_date pg_catalog.date,
	calendar @extschema@.outage_calendar, opening_hours pg_catalog.time[] DEFAULT NULL)
RETURNS @extschema@.eligibility_grade
AS 'MODULE_PATHNAME', 'eligibility_grade_on_day'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.eligibility_grade_on_day(@extschema@.prefecture, pg_catalog.date, pg_catalog.time[]) IS
'certain when windows affecting eligibility cover all the opening hours of this Japan day (NULL: the whole day) at a facility in this prefecture, possible when part, none otherwise';
COMMENT ON FUNCTION @extschema@.eligibility_grade_on_day(pg_catalog.text, pg_catalog.date, pg_catalog.time[]) IS
'The day-level grade over the opening hours; the facility''s prefecture given as text';
COMMENT ON FUNCTION @extschema@.eligibility_grade_on_day(@extschema@.prefecture, pg_catalog.date, @extschema@.outage_calendar, pg_catalog.time[]) IS
'The day-level grade over the opening hours, against a calendar; reads no table';
COMMENT ON FUNCTION @extschema@.eligibility_grade_on_day(pg_catalog.text, pg_catalog.date, @extschema@.outage_calendar, pg_catalog.time[]) IS
'The day-level grade over the opening hours, against a calendar; the facility''s prefecture given as text; reads no table';

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

--
-- The day-level answers for a facility by its code.
--
CREATE FUNCTION @extschema@.eligibility_on_day(
	facility @extschema@.medical_institution_code, visit_date pg_catalog.date,
	opening_hours pg_catalog.time[] DEFAULT NULL,
	OUT impact @extschema@.eligibility_impact, OUT grade @extschema@.eligibility_grade,
	OUT affected_time pg_catalog.interval, OUT open_time pg_catalog.interval)
RETURNS pg_catalog.record
AS 'MODULE_PATHNAME', 'eligibility_on_day'
LANGUAGE C STABLE PARALLEL SAFE;

CREATE FUNCTION @extschema@.eligibility_grade_on_day(
	facility @extschema@.medical_institution_code, visit_date pg_catalog.date,
	opening_hours pg_catalog.time[] DEFAULT NULL)
RETURNS @extschema@.eligibility_grade
AS 'MODULE_PATHNAME', 'eligibility_grade_on_day'
LANGUAGE C STABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.eligibility_on_day(@extschema@.medical_institution_code, pg_catalog.date, pg_catalog.time[]) IS
'A claim''s day at this facility (its facility_area area, else its prefecture''s): the most severe impact during the opening hours, the grade, the time windows affecting eligibility cover and the time open';
COMMENT ON FUNCTION @extschema@.eligibility_grade_on_day(@extschema@.medical_institution_code, pg_catalog.date, pg_catalog.time[]) IS
'The day-level grade over the opening hours at this facility (its facility_area area, else its prefecture''s)';

-- affecting_windows_on_day: the outage_schedule rows behind a claim's
-- day-level answer, those whose window touches the Japan day within the
-- opening hours (as eligibility_on_day reads them: NULL the whole day, '{}'
-- closed), most severe first (as affecting_windows).  One C function for
-- every overload (src/eligibility.c), reading the same compiled schedule.
-- Not STRICT, for NULL opening hours; a NULL facility, day or calendar
-- lists nothing.  With a calendar, the rows are its segments (no id, note
-- or source), as with affecting_windows.

CREATE FUNCTION @extschema@.affecting_windows_on_day(
	facility_prefecture @extschema@.prefecture, visit_date pg_catalog.date,
	opening_hours pg_catalog.time[] DEFAULT NULL)
RETURNS SETOF @extschema@.outage_schedule
AS 'MODULE_PATHNAME', 'affecting_windows_on_day'
LANGUAGE C STABLE PARALLEL SAFE ROWS 3;

CREATE FUNCTION @extschema@.affecting_windows_on_day(
	facility_prefecture pg_catalog.text, visit_date pg_catalog.date,
	opening_hours pg_catalog.time[] DEFAULT NULL)
RETURNS SETOF @extschema@.outage_schedule
AS 'MODULE_PATHNAME', 'affecting_windows_on_day'
LANGUAGE C STABLE PARALLEL SAFE ROWS 3;

CREATE FUNCTION @extschema@.affecting_windows_on_day(
	facility @extschema@.medical_institution_code, visit_date pg_catalog.date,
	opening_hours pg_catalog.time[] DEFAULT NULL)
RETURNS SETOF @extschema@.outage_schedule
AS 'MODULE_PATHNAME', 'affecting_windows_on_day'
LANGUAGE C STABLE PARALLEL SAFE ROWS 3;

CREATE FUNCTION @extschema@.affecting_windows_on_day(
	facility_prefecture @extschema@.prefecture, visit_date pg_catalog.date,
	calendar @extschema@.outage_calendar, opening_hours pg_catalog.time[] DEFAULT NULL)
RETURNS SETOF @extschema@.outage_schedule
AS 'MODULE_PATHNAME', 'affecting_windows_on_day'
LANGUAGE C IMMUTABLE PARALLEL SAFE ROWS 3;

CREATE FUNCTION @extschema@.affecting_windows_on_day(
	facility_prefecture pg_catalog.text, visit_date pg_catalog.date,
	calendar @extschema@.outage_calendar, opening_hours pg_catalog.time[] DEFAULT NULL)
RETURNS SETOF @extschema@.outage_schedule
AS 'MODULE_PATHNAME', 'affecting_windows_on_day'
LANGUAGE C IMMUTABLE PARALLEL SAFE ROWS 3;

CREATE FUNCTION @extschema@.affecting_windows_on_day(
	facility @extschema@.medical_institution_code, visit_date pg_catalog.date,
	calendar @extschema@.outage_calendar, opening_hours pg_catalog.time[] DEFAULT NULL)
RETURNS SETOF @extschema@.outage_schedule
AS 'MODULE_PATHNAME', 'affecting_windows_on_day'
LANGUAGE C IMMUTABLE PARALLEL SAFE ROWS 3;

COMMENT ON FUNCTION @extschema@.affecting_windows_on_day(@extschema@.prefecture, pg_catalog.date, pg_catalog.time[]) IS
'The outage_schedule rows whose window touches this Japan calendar day within the opening hours (pairs of Japan local times; NULL: the whole day; ''{}'': closed) at a facility in this prefecture, most severe first: the windows behind eligibility_on_day';
COMMENT ON FUNCTION @extschema@.affecting_windows_on_day(pg_catalog.text, pg_catalog.date, pg_catalog.time[]) IS
'The outage_schedule rows whose window touches this Japan day within the opening hours, most severe first; the facility''s prefecture given as text';
COMMENT ON FUNCTION @extschema@.affecting_windows_on_day(@extschema@.medical_institution_code, pg_catalog.date, pg_catalog.time[]) IS
'The outage_schedule rows whose window touches this Japan day within the opening hours at this facility (its facility_area area, else its prefecture''s), most severe first';
COMMENT ON FUNCTION @extschema@.affecting_windows_on_day(@extschema@.prefecture, pg_catalog.date, @extschema@.outage_calendar, pg_catalog.time[]) IS
'The calendar''s segments that touch this Japan day within the opening hours at a facility in this prefecture, most severe first, as outage_schedule rows without id, note or source; reads no table';
COMMENT ON FUNCTION @extschema@.affecting_windows_on_day(pg_catalog.text, pg_catalog.date, @extschema@.outage_calendar, pg_catalog.time[]) IS
'The calendar''s segments that touch this Japan day within the opening hours, most severe first; the facility''s prefecture given as text; reads no table';
COMMENT ON FUNCTION @extschema@.affecting_windows_on_day(@extschema@.medical_institution_code, pg_catalog.date, @extschema@.outage_calendar, pg_catalog.time[]) IS
'The calendar''s segments that touch this Japan day within the opening hours at this facility (the calendar''s facility_area area, else its prefecture''s), most severe first; reads no table';


--
-- A facility by its 10-digit code, against a calendar: the calendar carries
-- facility_area (current_outage_calendar() puts it in), so these answer as
-- the table forms do for the facility's own area, else its prefecture's,
-- reading no table (IMMUTABLE: Citus workers, stored audits).
--

CREATE FUNCTION @extschema@.is_eligibility_affected(
	facility @extschema@.medical_institution_code, visit_at pg_catalog.timestamptz,
	calendar @extschema@.outage_calendar)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'is_eligibility_affected'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
SUPPORT @extschema@.is_eligibility_affected_support;

CREATE FUNCTION @extschema@.is_eligibility_affected(
	facility @extschema@.medical_institution_code, visit_at pg_catalog.timestamp,
	calendar @extschema@.outage_calendar)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'is_eligibility_affected'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
SUPPORT @extschema@.is_eligibility_affected_support;

CREATE FUNCTION @extschema@.eligibility_impact(
	facility @extschema@.medical_institution_code, visit_at pg_catalog.timestamptz,
	calendar @extschema@.outage_calendar)
RETURNS @extschema@.eligibility_impact
AS 'MODULE_PATHNAME', 'eligibility_impact'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.eligibility_impact(
	facility @extschema@.medical_institution_code, visit_at pg_catalog.timestamp,
	calendar @extschema@.outage_calendar)
RETURNS @extschema@.eligibility_impact
AS 'MODULE_PATHNAME', 'eligibility_impact'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.eligibility_impact_on_day(
	facility @extschema@.medical_institution_code, visit_date pg_catalog.date,
	calendar @extschema@.outage_calendar)
RETURNS @extschema@.eligibility_impact
AS 'MODULE_PATHNAME', 'eligibility_impact_on_day'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.affecting_windows(
	facility @extschema@.medical_institution_code, visit_at pg_catalog.timestamptz,
	calendar @extschema@.outage_calendar)
RETURNS SETOF @extschema@.outage_schedule
AS 'MODULE_PATHNAME', 'affecting_windows'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 2;

CREATE FUNCTION @extschema@.affecting_windows(
	facility @extschema@.medical_institution_code, visit_at pg_catalog.timestamp,
	calendar @extschema@.outage_calendar)
RETURNS SETOF @extschema@.outage_schedule
AS 'MODULE_PATHNAME', 'affecting_windows'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 2;

CREATE FUNCTION @extschema@.eligibility_on_day(
	facility @extschema@.medical_institution_code, visit_date pg_catalog.date,
	calendar @extschema@.outage_calendar, opening_hours pg_catalog.time[] DEFAULT NULL,
	OUT impact @extschema@.eligibility_impact, OUT grade @extschema@.eligibility_grade,
	OUT affected_time pg_catalog.interval, OUT open_time pg_catalog.interval)
RETURNS pg_catalog.record
AS 'MODULE_PATHNAME', 'eligibility_on_day'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE FUNCTION @extschema@.eligibility_grade_on_day(
	facility @extschema@.medical_institution_code, visit_date pg_catalog.date,
	calendar @extschema@.outage_calendar, opening_hours pg_catalog.time[] DEFAULT NULL)
RETURNS @extschema@.eligibility_grade
AS 'MODULE_PATHNAME', 'eligibility_grade_on_day'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.is_eligibility_affected(@extschema@.medical_institution_code, pg_catalog.timestamptz, @extschema@.outage_calendar) IS
'True when a visit at this facility falls in an outage or intermittent window of the given calendar, for the facility''s area in the calendar''s facility_area, else its prefecture''s (reads no table)';
COMMENT ON FUNCTION @extschema@.is_eligibility_affected(@extschema@.medical_institution_code, pg_catalog.timestamp, @extschema@.outage_calendar) IS
'True when a visit at this facility, at this Japan local time, falls in an outage or intermittent window of the given calendar (reads no table)';
COMMENT ON FUNCTION @extschema@.eligibility_impact(@extschema@.medical_institution_code, pg_catalog.timestamptz, @extschema@.outage_calendar) IS
'The most severe window of the given calendar that applies to a visit at this facility (its area in the calendar''s facility_area, else its prefecture''s; reads no table)';
COMMENT ON FUNCTION @extschema@.eligibility_impact(@extschema@.medical_institution_code, pg_catalog.timestamp, @extschema@.outage_calendar) IS
'The most severe window of the given calendar that applies to a visit at this facility at this Japan local time (reads no table)';
COMMENT ON FUNCTION @extschema@.eligibility_impact_on_day(@extschema@.medical_institution_code, pg_catalog.date, @extschema@.outage_calendar) IS
'The most severe window of the given calendar that touches this Japan calendar day at this facility (reads no table)';
COMMENT ON FUNCTION @extschema@.affecting_windows(@extschema@.medical_institution_code, pg_catalog.timestamptz, @extschema@.outage_calendar) IS
'The segments of the given calendar that apply to a visit at this facility (its area in the calendar''s facility_area, else its prefecture''s, and the nationwide one), most severe first; id, note and source are NULL, guidance is the segment''s own (reads no table)';
COMMENT ON FUNCTION @extschema@.affecting_windows(@extschema@.medical_institution_code, pg_catalog.timestamp, @extschema@.outage_calendar) IS
'The segments of the given calendar that apply to a visit at this facility at this Japan local time, most severe first; id, note and source are NULL, guidance is the segment''s own';
COMMENT ON FUNCTION @extschema@.eligibility_on_day(@extschema@.medical_institution_code, pg_catalog.date, @extschema@.outage_calendar, pg_catalog.time[]) IS
'A claim''s day at this facility against a calendar (its area in the calendar''s facility_area, else its prefecture''s): impact, grade and times over the opening hours; reads no table';
COMMENT ON FUNCTION @extschema@.eligibility_grade_on_day(@extschema@.medical_institution_code, pg_catalog.date, @extschema@.outage_calendar, pg_catalog.time[]) IS
'The day-level grade over the opening hours at this facility, against a calendar; reads no table';

--
-- visit_guidance: what review_guidance says, for a visit rather than an
-- impact: the own guidance of the window that decides the visit (the most
-- severe one; outage_schedule.guidance), else its kind's review_guidance.
-- A timestamp is Japan local time, as in the other eligibility functions;
-- visit_guidance_on_day takes a date, the whole Japan day (its own name,
-- as eligibility_impact_on_day's: an untyped '2025-02-02' would otherwise
-- pick the timestamptz form and the session's TimeZone).  Its own name,
-- not review_guidance's: an overload there would make
-- review_guidance('outage', 'en') ambiguous.
--

CREATE FUNCTION @extschema@.visit_guidance(
	facility @extschema@.medical_institution_code, visit_at pg_catalog.timestamptz,
	lang pg_catalog.text DEFAULT 'ja')
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'visit_guidance'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.visit_guidance(
	facility @extschema@.medical_institution_code, visit_at pg_catalog.timestamp,
	lang pg_catalog.text DEFAULT 'ja')
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'visit_guidance'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.visit_guidance_on_day(
	facility @extschema@.medical_institution_code, visit_date pg_catalog.date,
	lang pg_catalog.text DEFAULT 'ja')
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'visit_guidance_on_day'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.visit_guidance(
	facility @extschema@.medical_institution_code, visit_at pg_catalog.timestamptz,
	calendar @extschema@.outage_calendar, lang pg_catalog.text DEFAULT 'ja')
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'visit_guidance'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.visit_guidance(
	facility @extschema@.medical_institution_code, visit_at pg_catalog.timestamp,
	calendar @extschema@.outage_calendar, lang pg_catalog.text DEFAULT 'ja')
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'visit_guidance'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.visit_guidance_on_day(
	facility @extschema@.medical_institution_code, visit_date pg_catalog.date,
	calendar @extschema@.outage_calendar, lang pg_catalog.text DEFAULT 'ja')
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'visit_guidance_on_day'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.visit_guidance(@extschema@.medical_institution_code, pg_catalog.timestamptz, pg_catalog.text) IS
'What to do for a visit at this facility (its facility_area area, else its prefectures): the own guidance of the most severe window that applies (outage_schedule.guidance), else review_guidance of its impact (lang ''ja'' or ''en'')';
COMMENT ON FUNCTION @extschema@.visit_guidance(@extschema@.medical_institution_code, pg_catalog.timestamp, pg_catalog.text) IS
'What to do for a visit at this Japan local time at this facility (its facility_area area, else its prefectures): the own guidance of the most severe window that applies (outage_schedule.guidance), else review_guidance of its impact (lang ''ja'' or ''en'')';
COMMENT ON FUNCTION @extschema@.visit_guidance_on_day(@extschema@.medical_institution_code, pg_catalog.date, pg_catalog.text) IS
'What to do for a visit on this Japan calendar day at this facility (its facility_area area, else its prefectures): the own guidance of the most severe window that applies (outage_schedule.guidance), else review_guidance of its impact (lang ''ja'' or ''en'')';
COMMENT ON FUNCTION @extschema@.visit_guidance(@extschema@.medical_institution_code, pg_catalog.timestamptz, @extschema@.outage_calendar, pg_catalog.text) IS
'What to do for a visit at this facility (its facility_area area, else its prefectures), against a calendar: the window''s own guidance, else review_guidance of its impact (reads no table)';
COMMENT ON FUNCTION @extschema@.visit_guidance(@extschema@.medical_institution_code, pg_catalog.timestamp, @extschema@.outage_calendar, pg_catalog.text) IS
'What to do for a visit at this Japan local time at this facility (its facility_area area, else its prefectures), against a calendar: the window''s own guidance, else review_guidance of its impact (reads no table)';
COMMENT ON FUNCTION @extschema@.visit_guidance_on_day(@extschema@.medical_institution_code, pg_catalog.date, @extschema@.outage_calendar, pg_catalog.text) IS
'What to do for a visit on this Japan calendar day at this facility (its facility_area area, else its prefectures), against a calendar: the window''s own guidance, else review_guidance of its impact (reads no table)';

-- ---------------------------------------------------------------------------
-- The monthly receipt file (レセ電, RECEIPTC.UKE): claims, their bad
-- records, the claims an outage audit must review, and the visits inside
-- each window with the identity items the file has.
-- ---------------------------------------------------------------------------
--
-- uke_parse.c reads the file in its own bytes (Shift_JIS/CP932, CR LF, up
-- to GO); uke.c converts its text with PostgreSQL's SJIS conversion and
-- returns one row per claim, streaming.  IMMUTABLE: the bytes and the
-- database encoding decide the rows.

CREATE FUNCTION @extschema@.uke_claims(file pg_catalog.bytea,
									   lenient pg_catalog.bool DEFAULT false)
RETURNS TABLE (
	line pg_catalog.int4,
	receipt_number pg_catalog.int4,
	claim_month pg_catalog.date,
	billing_month pg_catalog.date,
	facility_prefecture @extschema@.prefecture,
	facility_code pg_catalog.text,
	medical_institution_code @extschema@.medical_institution_code,
	facility_name pg_catalog.text,
	receipt_type pg_catalog.text,
	patient_name pg_catalog.text,
	patient_kana pg_catalog.text,
	sex pg_catalog.text,
	birth_date pg_catalog.date,
	chart_number pg_catalog.text,
	insurer_number pg_catalog.text,
	public_payers pg_catalog.text[],
	confirmation_kinds pg_catalog.text[],
	visit_days pg_catalog.date[],
	comments pg_catalog.text[],
	bad_lines pg_catalog.int4[]
)
AS 'MODULE_PATHNAME', 'uke_claims'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 1000;

COMMENT ON FUNCTION @extschema@.uke_claims(pg_catalog.bytea, pg_catalog.bool) IS
'One row per claim (RE) of a receipt file (レセ電, Shift_JIS/CP932, 医科 layout, 西暦 or 和暦 dates): line, receipt number, claim (診療) and billing (請求) months, the IR''s facility (prefecture, 7-digit code, 10-digit code, name), patient (name, kana, sex, birth date, chart number), HO insurer number (NULL without HO), KO payers, SN confirmation kinds, visit days (SI/IY/TO day fields, JD days coded 1 or 2), CO comments; a bad record raises an error naming its line, or with lenient is skipped and its line listed in bad_lines (uke_errors lists them all)';

CREATE FUNCTION @extschema@.uke_errors(file pg_catalog.bytea)
RETURNS TABLE (
	line pg_catalog.int4,
	record pg_catalog.text,
	field pg_catalog.int4,
	error pg_catalog.text,
	content pg_catalog.text
)
AS 'MODULE_PATHNAME', 'uke_errors'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 10;

COMMENT ON FUNCTION @extschema@.uke_errors(pg_catalog.bytea) IS
'One row per bad record of a receipt file, as uke_claims(file, lenient => true) skips them: line, record name, 0-based field at fault (NULL for the whole line), what is wrong, and the start of the line; no row for a good file';

-- uke_affected_claims: the claims an outage audit reviews.  A claim is
-- listed when a window touches one of its visit days in its facility's
-- area (during the opening hours, if given) or when it carries a 不詳
-- number (77777777, 77777779) or a 不詳 comment.  reasons says why:
--   visit_on_affected_day       a visit day that windows affecting
--                               eligibility cover (grade possible or certain)
--   no_confirmation_record      a visit day a window touched in which a
--                               visit without a successful check is
--                               reviewed (reviews_failed_checks: a
--                               registration delay too), and no SN record
--   fusho_without_comment       a 不詳 number without 「不詳」 in 摘要
--   fusho_on_unaffected_days    a 不詳 number, and no visit day affected
--   fusho_comment_without_fusho_number  「不詳」 in 摘要, real numbers
--   registration_delay_only     only registration delays touched the days
--   bad_records                 lenient mode skipped records of the claim

CREATE FUNCTION @extschema@.uke_affected_claims(
	file pg_catalog.bytea, calendar @extschema@.outage_calendar,
	opening_hours pg_catalog.time[] DEFAULT NULL,
	lenient pg_catalog.bool DEFAULT false, lang pg_catalog.text DEFAULT 'ja')
RETURNS TABLE (
	line pg_catalog.int4,
	receipt_number pg_catalog.int4,
	claim_month pg_catalog.date,
	facility_prefecture @extschema@.prefecture,
	medical_institution_code @extschema@.medical_institution_code,
	patient_name pg_catalog.text,
	patient_kana pg_catalog.text,
	sex pg_catalog.text,
	birth_date pg_catalog.date,
	chart_number pg_catalog.text,
	insurer_number pg_catalog.text,
	public_payers pg_catalog.text[],
	confirmation_kinds pg_catalog.text[],
	visit_days pg_catalog.date[],
	affected_days pg_catalog.date[],
	grade @extschema@.eligibility_grade,
	impact @extschema@.eligibility_impact,
	guidance pg_catalog.text,
	reasons pg_catalog.text[]
)
LANGUAGE sql IMMUTABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT c.line, c.receipt_number, c.claim_month, c.facility_prefecture,
		   c.medical_institution_code, c.patient_name, c.patient_kana, c.sex,
		   c.birth_date, c.chart_number, c.insurer_number, c.public_payers,
		   c.confirmation_kinds, c.visit_days,
		   COALESCE(d.affected_days, '{}'),
		   COALESCE(d.grade, 'none'),
		   COALESCE(d.impact, 'none'),
		   -- the own guidance of the window behind the claim's impact, if it has one
		   COALESCE(d.guidance,
					@extschema@.review_guidance(COALESCE(d.impact, 'none'), lang)),
		   pg_catalog.array_remove(ARRAY[
			   CASE WHEN d.grade OPERATOR(pg_catalog.>) 'none'
					THEN 'visit_on_affected_day' END,
			   CASE WHEN @extschema@.reviews_failed_checks(d.impact)
						 AND pg_catalog.cardinality(c.confirmation_kinds) OPERATOR(pg_catalog.=) 0
					THEN 'no_confirmation_record' END,
			   CASE WHEN f.fusho_number AND NOT f.fusho_comment
					THEN 'fusho_without_comment' END,
			   CASE WHEN f.fusho_number
						 AND COALESCE(d.grade OPERATOR(pg_catalog.=) 'none', true)
					THEN 'fusho_on_unaffected_days' END,
			   CASE WHEN f.fusho_comment AND NOT f.fusho_number
					THEN 'fusho_comment_without_fusho_number' END,
			   CASE WHEN d.impact OPERATOR(pg_catalog.=) 'registration_delay'
					THEN 'registration_delay_only' END,
			   CASE WHEN pg_catalog.cardinality(c.bad_lines) OPERATOR(pg_catalog.>) 0
					THEN 'bad_records' END
		   ]::pg_catalog.text[], NULL)
	FROM @extschema@.uke_claims(file, lenient) AS c
	CROSS JOIN LATERAL (
		SELECT pg_catalog.array_agg(v.day ORDER BY v.day)
				   FILTER (WHERE e.grade OPERATOR(pg_catalog.>) 'none') AS affected_days,
			   pg_catalog.max(e.grade) FILTER (WHERE e.impact OPERATOR(pg_catalog.>) 'none') AS grade,
			   pg_catalog.max(e.impact) FILTER (WHERE e.impact OPERATOR(pg_catalog.>) 'none') AS impact,
			   (pg_catalog.array_agg(e.own_guidance
									 ORDER BY e.impact DESC, e.own_guidance IS NULL, v.day)
					FILTER (WHERE e.impact OPERATOR(pg_catalog.>) 'none'))[1] AS guidance
		FROM pg_catalog.unnest(c.visit_days) AS v(day),
			 -- the facility's own area in the calendar's facility_area by
			 -- its code, else the area of the IR record's prefecture
			 LATERAL (SELECT o.*,
							 CASE WHEN @extschema@.eligibility_impact_on_day(
									  c.medical_institution_code, v.day, calendar) OPERATOR(pg_catalog.=) o.impact
								  THEN (SELECT x.g FROM (VALUES (@extschema@.visit_guidance_on_day(
									  c.medical_institution_code, v.day, calendar, lang))) AS x(g)
									  WHERE x.g OPERATOR(pg_catalog.<>) @extschema@.review_guidance(o.impact, lang)) END AS own_guidance
					  FROM @extschema@.eligibility_on_day(
						  c.medical_institution_code, v.day, calendar, opening_hours) AS o
					  WHERE c.medical_institution_code IS NOT NULL
					  UNION ALL
					  SELECT o.*,
							 CASE WHEN @extschema@.eligibility_impact_on_day(
									  c.facility_prefecture, v.day, calendar) OPERATOR(pg_catalog.=) o.impact
								  THEN (SELECT x.g FROM (VALUES (@extschema@.visit_guidance_on_day(
									  c.facility_prefecture, v.day, calendar, lang))) AS x(g)
									  WHERE x.g OPERATOR(pg_catalog.<>) @extschema@.review_guidance(o.impact, lang)) END
					  FROM @extschema@.eligibility_on_day(
						  c.facility_prefecture, v.day, calendar, opening_hours) AS o
					  WHERE c.medical_institution_code IS NULL) AS e
	) AS d
	CROSS JOIN LATERAL (
		SELECT COALESCE(c.insurer_number OPERATOR(pg_catalog.=)
								   ANY ('{77777777,77777779}'::pg_catalog.text[]), false)
				   AS fusho_number,
			   EXISTS (SELECT FROM pg_catalog.unnest(c.comments) AS t(comment)
					   WHERE pg_catalog.strpos(t.comment, '不詳') OPERATOR(pg_catalog.>) 0)
				   AS fusho_comment
	) AS f
	WHERE d.impact IS NOT NULL OR f.fusho_number OR f.fusho_comment
	ORDER BY c.line;
END;

CREATE FUNCTION @extschema@.uke_affected_claims(
	file pg_catalog.bytea, opening_hours pg_catalog.time[] DEFAULT NULL,
	lenient pg_catalog.bool DEFAULT false, lang pg_catalog.text DEFAULT 'ja')
RETURNS TABLE (
	line pg_catalog.int4,
	receipt_number pg_catalog.int4,
	claim_month pg_catalog.date,
	facility_prefecture @extschema@.prefecture,
	medical_institution_code @extschema@.medical_institution_code,
	patient_name pg_catalog.text,
	patient_kana pg_catalog.text,
	sex pg_catalog.text,
	birth_date pg_catalog.date,
	chart_number pg_catalog.text,
	insurer_number pg_catalog.text,
	public_payers pg_catalog.text[],
	confirmation_kinds pg_catalog.text[],
	visit_days pg_catalog.date[],
	affected_days pg_catalog.date[],
	grade @extschema@.eligibility_grade,
	impact @extschema@.eligibility_impact,
	guidance pg_catalog.text,
	reasons pg_catalog.text[]
)
LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	-- The calendar form over the tables' calendar, as this statement sees
	-- them: the schedule the table forms read.  The calendar is made once,
	-- in a subquery kept apart (OFFSET 0), and reaches the calendar form
	-- as a column, so that the calendar form is inlined here rather than
	-- run as a function whose rows are stored once more (as with an
	-- argument (SELECT ...)).
	SELECT a.line, a.receipt_number, a.claim_month, a.facility_prefecture,
		   a.medical_institution_code, a.patient_name, a.patient_kana, a.sex,
		   a.birth_date, a.chart_number, a.insurer_number, a.public_payers,
		   a.confirmation_kinds, a.visit_days, a.affected_days, a.grade,
		   a.impact, a.guidance, a.reasons
	FROM (SELECT @extschema@.current_outage_calendar() AS calendar
		  OFFSET 0) AS k
	CROSS JOIN LATERAL @extschema@.uke_affected_claims(
		file, k.calendar, opening_hours, lenient, lang) AS a
	ORDER BY a.line;
END;

COMMENT ON FUNCTION @extschema@.uke_affected_claims(pg_catalog.bytea, pg_catalog.time[], pg_catalog.bool, pg_catalog.text) IS
'The claims of a receipt file an outage audit reviews: a visit day touched by a window of the facility''s area (within the opening hours, if given), or a 不詳 number or comment; with the affected days, the day-level grade and impact, the guidance (the own guidance of the window behind the impact, else review_guidance) and the reasons (visit_on_affected_day, no_confirmation_record, fusho_without_comment, fusho_on_unaffected_days, fusho_comment_without_fusho_number, registration_delay_only, bad_records)';
COMMENT ON FUNCTION @extschema@.uke_affected_claims(pg_catalog.bytea, @extschema@.outage_calendar, pg_catalog.time[], pg_catalog.bool, pg_catalog.text) IS
'uke_affected_claims against a calendar (a stored audit''s, or a what-if): the same rows, reading no table (a facility''s area from the calendar''s facility_area)';

-- uke_window_visits: the list to take after an outage (緊急時医療情報・資格確認
-- 機能 looks patients up by 氏名・性別・生年月日・住所): each window that
-- affected eligibility, and the visits on the days it touched at a facility
-- of its area, with the identity items the receipt file has.  The file has
-- no address.

CREATE FUNCTION @extschema@.uke_window_visits(
	file pg_catalog.bytea, opening_hours pg_catalog.time[] DEFAULT NULL,
	lenient pg_catalog.bool DEFAULT false)
RETURNS TABLE (
	window_id pg_catalog.int8,
	area pg_catalog.text,
	period @extschema@.outage_window,
	visit_date pg_catalog.date,
	facility_prefecture @extschema@.prefecture,
	medical_institution_code @extschema@.medical_institution_code,
	receipt_number pg_catalog.int4,
	chart_number pg_catalog.text,
	patient_name pg_catalog.text,
	patient_kana pg_catalog.text,
	sex pg_catalog.text,
	birth_date pg_catalog.date,
	insurer_number pg_catalog.text
)
LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT w.id, w.area, w.period, v.day, c.facility_prefecture,
		   c.medical_institution_code, c.receipt_number, c.chart_number,
		   c.patient_name, c.patient_kana, c.sex, c.birth_date, c.insurer_number
	FROM @extschema@.uke_claims(file, lenient) AS c
	CROSS JOIN LATERAL pg_catalog.unnest(c.visit_days) AS v(day)
	CROSS JOIN LATERAL (
		SELECT o.id, o.area, o.period
		FROM @extschema@.affecting_windows_on_day(
			c.medical_institution_code, v.day, opening_hours) AS o
		WHERE c.medical_institution_code IS NOT NULL
		UNION ALL
		SELECT o.id, o.area, o.period
		FROM @extschema@.affecting_windows_on_day(
			c.facility_prefecture, v.day, opening_hours) AS o
		WHERE c.medical_institution_code IS NULL) AS w
	WHERE @extschema@.affects_eligibility(
			  @extschema@.kind(w.period)::@extschema@.eligibility_impact)
	ORDER BY @extschema@.lower(w.period), @extschema@.upper(w.period), w.id,
			 w.area, v.day, c.patient_kana, c.line;
END;

CREATE FUNCTION @extschema@.uke_window_visits(
	file pg_catalog.bytea, calendar @extschema@.outage_calendar,
	opening_hours pg_catalog.time[] DEFAULT NULL,
	lenient pg_catalog.bool DEFAULT false)
RETURNS TABLE (
	window_id pg_catalog.int8,
	area pg_catalog.text,
	period @extschema@.outage_window,
	visit_date pg_catalog.date,
	facility_prefecture @extschema@.prefecture,
	medical_institution_code @extschema@.medical_institution_code,
	receipt_number pg_catalog.int4,
	chart_number pg_catalog.text,
	patient_name pg_catalog.text,
	patient_kana pg_catalog.text,
	sex pg_catalog.text,
	birth_date pg_catalog.date,
	insurer_number pg_catalog.text
)
LANGUAGE sql IMMUTABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT w.id, w.area, w.period, v.day, c.facility_prefecture,
		   c.medical_institution_code, c.receipt_number, c.chart_number,
		   c.patient_name, c.patient_kana, c.sex, c.birth_date, c.insurer_number
	FROM @extschema@.uke_claims(file, lenient) AS c
	CROSS JOIN LATERAL pg_catalog.unnest(c.visit_days) AS v(day)
	CROSS JOIN LATERAL (
		SELECT o.id, o.area, o.period
		FROM @extschema@.affecting_windows_on_day(
			c.medical_institution_code, v.day, calendar, opening_hours) AS o
		WHERE c.medical_institution_code IS NOT NULL
		UNION ALL
		SELECT o.id, o.area, o.period
		FROM @extschema@.affecting_windows_on_day(
			c.facility_prefecture, v.day, calendar, opening_hours) AS o
		WHERE c.medical_institution_code IS NULL) AS w
	WHERE @extschema@.affects_eligibility(
			  @extschema@.kind(w.period)::@extschema@.eligibility_impact)
	ORDER BY @extschema@.lower(w.period), @extschema@.upper(w.period), w.id,
			 w.area, v.day, c.patient_kana, c.line;
END;

COMMENT ON FUNCTION @extschema@.uke_window_visits(pg_catalog.bytea, pg_catalog.time[], pg_catalog.bool) IS
'The after-outage list from a receipt file: each outage or intermittent window of outage_schedule, and the visits on the days it touched (within the opening hours, if given) at a facility of its area (facility_area''s, else its prefecture''s), with the identity items the file has (name, kana, sex, birth date; no address) and the chart number; the windows are affecting_windows_on_day''s';
COMMENT ON FUNCTION @extschema@.uke_window_visits(pg_catalog.bytea, @extschema@.outage_calendar, pg_catalog.time[], pg_catalog.bool) IS
'uke_window_visits against a calendar (a stored audit''s, or a what-if), reading no table: the windows are the calendar''s segments (window_id NULL; overlapping windows of one area appear as the segments the calendar made of them)';

--
-- The triggers that recognise a shipped row get the shipped rows' md5
-- hashes as arguments (install/30_schedule.sql): they no longer call
-- shipped_outage_windows() and its kin by name.
--
DROP TRIGGER insert_sets_area ON @extschema@.prefecture_area;
DO $$
BEGIN
	EXECUTE pg_catalog.format(
		'CREATE TRIGGER insert_sets_area BEFORE INSERT ON @extschema@.prefecture_area'
		' FOR EACH ROW EXECUTE FUNCTION @extschema@.prefecture_area_insert_sets_area(%s)',
		(SELECT pg_catalog.string_agg(pg_catalog.quote_literal(pg_catalog.md5(
					ROW(p::@extschema@.prefecture,
						@extschema@.notice_area(p::@extschema@.prefecture))::pg_catalog.text)),
				', ' ORDER BY p)
		 FROM pg_catalog.generate_series(1, 47) AS p));
END
$$;
COMMENT ON TRIGGER insert_sets_area ON @extschema@.prefecture_area IS
'During a restore, an INSERT of a prefecture still in its notice area sets its area (how a restore puts back a dumped edit)';

DROP TRIGGER insert_sets_description ON @extschema@.outage_area;
DO $$
BEGIN
	EXECUTE pg_catalog.format(
		'CREATE TRIGGER insert_sets_description BEFORE INSERT ON @extschema@.outage_area'
		' FOR EACH ROW EXECUTE FUNCTION @extschema@.outage_area_insert_sets_description(%s)',
		(SELECT pg_catalog.string_agg(pg_catalog.quote_literal(pg_catalog.md5(s::pg_catalog.text)),
				', ' ORDER BY s.area)
		 FROM @extschema@.shipped_outage_areas() AS s));
END
$$;
COMMENT ON TRIGGER insert_sets_description ON @extschema@.outage_area IS
'An INSERT of an unchanged shipped area sets its description (how a restore puts back a dumped edit)';

DROP TRIGGER restore_seed ON @extschema@.outage_schedule;
DO $$
BEGIN
	EXECUTE pg_catalog.format(
		'CREATE TRIGGER restore_seed BEFORE INSERT ON @extschema@.outage_schedule'
		' FOR EACH ROW EXECUTE FUNCTION @extschema@.outage_schedule_restore_seed(%s)',
		(SELECT pg_catalog.string_agg(pg_catalog.quote_literal(
					s.id::pg_catalog.text OPERATOR(pg_catalog.||) ':'
					OPERATOR(pg_catalog.||) pg_catalog.md5(s::pg_catalog.text)),
				', ' ORDER BY s.id)
		 FROM @extschema@.shipped_outage_windows() AS s));
END
$$;
COMMENT ON TRIGGER restore_seed ON @extschema@.outage_schedule IS
'An INSERT with the id of an unchanged shipped window replaces it (how a restore puts back a dumped edit)';

-- The schedule cache is decided by invalidation (src/schedule.c): every
-- change to a schedule table announces itself, as install/30_schedule.sql
-- and install/35_facility_area.sql create it.
-- Every change to the schedule's tables tells each backend's schedule cache
-- (src/schedule.c) and every cached plan that depends on the table: a
-- relcache invalidation, sent when the change commits (and seen by the
-- changing transaction's next statement).  A trigger disabled, or
-- session_replication_role = replica, skips it: see doc/hardening.md, "The
-- schedule cache".
CREATE FUNCTION @extschema@.announce_schedule_change()
RETURNS trigger
AS 'MODULE_PATHNAME', 'announce_schedule_change'
LANGUAGE C;

COMMENT ON FUNCTION @extschema@.announce_schedule_change() IS
'Trigger: after a statement that changed a schedule table, invalidates the table''s relcache entry so that every session''s compiled schedule and cached plans are rebuilt';

CREATE TRIGGER announce_change
	AFTER INSERT OR UPDATE OR DELETE ON @extschema@.prefecture_area
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.announce_schedule_change();
CREATE TRIGGER announce_truncate
	AFTER TRUNCATE ON @extschema@.prefecture_area
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.announce_schedule_change();
CREATE TRIGGER announce_change
	AFTER INSERT OR UPDATE OR DELETE ON @extschema@.outage_area
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.announce_schedule_change();
CREATE TRIGGER announce_truncate
	AFTER TRUNCATE ON @extschema@.outage_area
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.announce_schedule_change();
CREATE TRIGGER announce_change
	AFTER INSERT OR UPDATE OR DELETE ON @extschema@.outage_schedule
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.announce_schedule_change();
CREATE TRIGGER announce_truncate
	AFTER TRUNCATE ON @extschema@.outage_schedule
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.announce_schedule_change();

COMMENT ON TRIGGER announce_change ON @extschema@.prefecture_area IS
'Tells every session''s schedule cache and cached plans that the schedule changed';
COMMENT ON TRIGGER announce_truncate ON @extschema@.prefecture_area IS
'Tells every session''s schedule cache and cached plans that the schedule changed';
COMMENT ON TRIGGER announce_change ON @extschema@.outage_area IS
'Tells every session''s schedule cache and cached plans that the schedule changed';
COMMENT ON TRIGGER announce_truncate ON @extschema@.outage_area IS
'Tells every session''s schedule cache and cached plans that the schedule changed';
COMMENT ON TRIGGER announce_change ON @extschema@.outage_schedule IS
'Tells every session''s schedule cache and cached plans that the schedule changed';
COMMENT ON TRIGGER announce_truncate ON @extschema@.outage_schedule IS
'Tells every session''s schedule cache and cached plans that the schedule changed';

CREATE TRIGGER announce_change
	AFTER INSERT OR UPDATE OR DELETE ON @extschema@.facility_area
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.announce_schedule_change();
CREATE TRIGGER announce_truncate
	AFTER TRUNCATE ON @extschema@.facility_area
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.announce_schedule_change();

COMMENT ON TRIGGER announce_change ON @extschema@.facility_area IS
'Tells every session''s schedule cache and cached plans that the schedule changed';
COMMENT ON TRIGGER announce_truncate ON @extschema@.facility_area IS
'Tells every session''s schedule cache and cached plans that the schedule changed';
--
-- The review core every HIS adapter shares (install/55_review.sql), and the
-- ORCA review as one adapter over it: it gains review_reason and the
-- patient's address (dropped above with orca_affected_visits).
--
-- The answer for a visit whose impact is known: the one place that says
-- which visits are reviewed and why.
CREATE FUNCTION @extschema@.eligibility_review(
	impact @extschema@.eligibility_impact, check_status pg_catalog.text,
	lang pg_catalog.text DEFAULT 'ja',
	OUT affected pg_catalog.bool, OUT needs_review pg_catalog.bool,
	OUT reason pg_catalog.text, OUT guidance pg_catalog.text)
RETURNS pg_catalog.record
LANGUAGE sql IMMUTABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT a.affected,
		   CASE WHEN a.reviewed
				THEN NOT COALESCE(check_status OPERATOR(pg_catalog.=) 'ok', false)
				ELSE a.reviewed END,
		   CASE WHEN a.reviewed IS NOT TRUE
					 OR check_status OPERATOR(pg_catalog.=) 'ok' THEN NULL
				-- reviewed in a window that did not affect eligibility
				WHEN NOT a.affected THEN 'delay_' ELSE '' END
		   OPERATOR(pg_catalog.||)
		   CASE WHEN check_status OPERATOR(pg_catalog.=) 'not_valid' THEN 'check_not_valid'
				WHEN check_status OPERATOR(pg_catalog.=) 'kohi_only' THEN 'kohi_check_only'
				WHEN check_status OPERATOR(pg_catalog.=) 'failed' THEN 'check_failed'
				WHEN check_status OPERATOR(pg_catalog.=) 'no_check' THEN 'no_check'
				WHEN check_status OPERATOR(pg_catalog.=) 'unregistered' THEN 'no_patient_number'
				ELSE 'check_unknown' END,
		   @extschema@.review_guidance(impact, lang)
	FROM (SELECT @extschema@.affects_eligibility(impact) AS affected,
				 @extschema@.reviews_failed_checks(impact) AS reviewed) AS a
	-- an unsupported language fails even for a visit that cannot be placed
	WHERE @extschema@.review_guidance('none'::@extschema@.eligibility_impact, lang) IS NOT NULL;
END;

COMMENT ON FUNCTION @extschema@.eligibility_review(@extschema@.eligibility_impact, pg_catalog.text, pg_catalog.text) IS
'The after-outage review of a visit with this impact and check outcome (ok, not_valid, kohi_only, failed, no_check, unregistered): whether it affected eligibility, whether it needs review (a check that did not succeed in a window reviews_failed_checks names) and why (delay_ before the reason in a window that did not affect eligibility), and what to do (lang ''ja'' or ''en'')';

-- A visit by its facility's prefecture, Japan date and local time (NULL:
-- not recorded, then the most severe window touching the day counts).
CREATE FUNCTION @extschema@.eligibility_review(
	facility_prefecture @extschema@.prefecture, visit_date pg_catalog.date,
	visit_at pg_catalog.timestamp, check_status pg_catalog.text,
	lang pg_catalog.text DEFAULT 'ja',
	OUT impact @extschema@.eligibility_impact, OUT affected pg_catalog.bool,
	OUT needs_review pg_catalog.bool, OUT reason pg_catalog.text,
	OUT guidance pg_catalog.text)
RETURNS pg_catalog.record
LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT i.impact, r.affected, r.needs_review, r.reason,
		   COALESCE(i.guidance, r.guidance)
	FROM (SELECT CASE WHEN visit_at IS NOT NULL
					  THEN @extschema@.eligibility_impact(facility_prefecture, visit_at)
					  ELSE @extschema@.eligibility_impact_on_day(facility_prefecture, visit_date) END
				 AS impact,
				 CASE WHEN visit_at IS NOT NULL
					  THEN @extschema@.visit_guidance(facility_prefecture, visit_at, lang)
					  ELSE @extschema@.visit_guidance_on_day(facility_prefecture, visit_date, lang) END
				 AS guidance) AS i,
		 @extschema@.eligibility_review(i.impact, check_status, lang) AS r;
END;

-- The same for a facility by its 10-digit code (facility_area's area, else
-- its prefecture's).
CREATE FUNCTION @extschema@.eligibility_review(
	facility @extschema@.medical_institution_code, visit_date pg_catalog.date,
	visit_at pg_catalog.timestamp, check_status pg_catalog.text,
	lang pg_catalog.text DEFAULT 'ja',
	OUT impact @extschema@.eligibility_impact, OUT affected pg_catalog.bool,
	OUT needs_review pg_catalog.bool, OUT reason pg_catalog.text,
	OUT guidance pg_catalog.text)
RETURNS pg_catalog.record
LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT i.impact, r.affected, r.needs_review, r.reason,
		   COALESCE(i.guidance, r.guidance)
	FROM (SELECT CASE WHEN visit_at IS NOT NULL
					  THEN @extschema@.eligibility_impact(facility, visit_at)
					  ELSE @extschema@.eligibility_impact_on_day(facility, visit_date) END
				 AS impact,
				 CASE WHEN visit_at IS NOT NULL
					  THEN @extschema@.visit_guidance(facility, visit_at, lang)
					  ELSE @extschema@.visit_guidance_on_day(facility, visit_date, lang) END
				 AS guidance) AS i,
		 @extschema@.eligibility_review(i.impact, check_status, lang) AS r;
END;

-- The same against a calendar (an audit re-run on the schedule it was made
-- with; reads no table).
CREATE FUNCTION @extschema@.eligibility_review(
	facility_prefecture @extschema@.prefecture, visit_date pg_catalog.date,
	visit_at pg_catalog.timestamp, check_status pg_catalog.text,
	calendar @extschema@.outage_calendar, lang pg_catalog.text DEFAULT 'ja',
	OUT impact @extschema@.eligibility_impact, OUT affected pg_catalog.bool,
	OUT needs_review pg_catalog.bool, OUT reason pg_catalog.text,
	OUT guidance pg_catalog.text)
RETURNS pg_catalog.record
LANGUAGE sql IMMUTABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT i.impact, r.affected, r.needs_review, r.reason,
		   COALESCE(i.guidance, r.guidance)
	FROM (SELECT CASE WHEN visit_at IS NOT NULL
					  THEN @extschema@.eligibility_impact(facility_prefecture, visit_at, calendar)
					  ELSE @extschema@.eligibility_impact_on_day(facility_prefecture, visit_date, calendar) END
				 AS impact,
				 CASE WHEN visit_at IS NOT NULL
					  THEN @extschema@.visit_guidance(facility_prefecture, visit_at, calendar, lang)
					  ELSE @extschema@.visit_guidance_on_day(facility_prefecture, visit_date, calendar, lang) END
				 AS guidance) AS i,
		 @extschema@.eligibility_review(i.impact, check_status, lang) AS r;
END;

COMMENT ON FUNCTION @extschema@.eligibility_review(@extschema@.prefecture, pg_catalog.date, pg_catalog.timestamp, pg_catalog.text, pg_catalog.text) IS
'The after-outage review of one visit, for any HIS: its facility''s prefecture, Japan date, Japan local time (NULL if not recorded) and check outcome give the impact, whether it affected eligibility, whether it needs review and why, and what to do';
COMMENT ON FUNCTION @extschema@.eligibility_review(@extschema@.medical_institution_code, pg_catalog.date, pg_catalog.timestamp, pg_catalog.text, pg_catalog.text) IS
'The after-outage review of one visit at this facility (its facility_area area, else its prefecture''s): impact, affected, needs_review, reason, guidance';
COMMENT ON FUNCTION @extschema@.eligibility_review(@extschema@.prefecture, pg_catalog.date, pg_catalog.timestamp, pg_catalog.text, @extschema@.outage_calendar, pg_catalog.text) IS
'The after-outage review of one visit against the given calendar (reads no table): impact, affected, needs_review, reason, guidance';

CREATE FUNCTION @extschema@.orca_eligibility_review(
	orca_schema pg_catalog.name, calendar @extschema@.outage_calendar,
	lang pg_catalog.text DEFAULT 'ja')
RETURNS TABLE (
	hospnum pg_catalog.int4,
	ptid pg_catalog.int8,
	visit_date pg_catalog.date,
	ukeid pg_catalog.int4,
	visit_at pg_catalog.timestamp,
	facility_prefecture @extschema@.prefecture,
	impact @extschema@.eligibility_impact,
	check_status pg_catalog.text,
	last_check_at pg_catalog.timestamp,
	review_reason pg_catalog.text,
	guidance pg_catalog.text,
	patient_number pg_catalog.text,
	patient_name pg_catalog.text,
	patient_kana pg_catalog.text,
	sex pg_catalog.text,
	birth_date pg_catalog.date,
	patient_address pg_catalog.text
)
LANGUAGE sql STABLE STRICT
BEGIN ATOMIC
	-- the review core decides which visits are reviewed, why, and what to
	-- do (the own guidance of the window behind the visit, else its kind's)
	SELECT v.hospnum, v.ptid, v.visit_date, v.ukeid, v.visit_at,
		   v.facility_prefecture, v.impact, v.check_status, v.last_check_at,
		   r.reason, r.guidance,
		   v.patient_number, v.patient_name, v.patient_kana, v.sex, v.birth_date,
		   v.patient_address
	FROM @extschema@.orca_window_visits(orca_schema, calendar) AS v
	CROSS JOIN LATERAL @extschema@.eligibility_review(v.facility_prefecture,
		v.visit_date, v.visit_at, v.check_status, calendar, lang) AS r
	WHERE r.needs_review
	  -- an unsupported language fails even when no visit is affected
	  AND @extschema@.review_guidance('none'::@extschema@.eligibility_impact, lang) IS NOT NULL
	ORDER BY v.hospnum, v.visit_date, v.visit_at NULLS LAST, v.ukeid, v.ptid;
END;

COMMENT ON FUNCTION @extschema@.orca_eligibility_review(pg_catalog.name, @extschema@.outage_calendar, pg_catalog.text) IS
'orca_eligibility_review(name, text) against the given calendar (a stored audit''s or a what-if; reads no table of this extension, only ORCA''s): the visits whose eligibility needs review, why and what to do (the calendar''s own guidance of the window, else its kind''s; lang ''ja'' or ''en''), with the same columns';

CREATE FUNCTION @extschema@.orca_eligibility_review(
	orca_schema pg_catalog.name DEFAULT 'public', lang pg_catalog.text DEFAULT 'ja')
RETURNS TABLE (
	hospnum pg_catalog.int4,
	ptid pg_catalog.int8,
	visit_date pg_catalog.date,
	ukeid pg_catalog.int4,
	visit_at pg_catalog.timestamp,
	facility_prefecture @extschema@.prefecture,
	impact @extschema@.eligibility_impact,
	check_status pg_catalog.text,
	last_check_at pg_catalog.timestamp,
	review_reason pg_catalog.text,
	guidance pg_catalog.text,
	patient_number pg_catalog.text,
	patient_name pg_catalog.text,
	patient_kana pg_catalog.text,
	sex pg_catalog.text,
	birth_date pg_catalog.date,
	patient_address pg_catalog.text
)
LANGUAGE sql STABLE STRICT
BEGIN ATOMIC
	-- in the calendar form's order
	SELECT * FROM @extschema@.orca_eligibility_review(orca_schema,
		@extschema@.current_outage_calendar(), lang);
END;

COMMENT ON FUNCTION @extschema@.orca_eligibility_review(pg_catalog.name, pg_catalog.text) IS
'ORCA receptions in an outage, intermittent or registration delay window with no successful online eligibility check that day: the visits whose eligibility needs review (eligibility_review), why (delay_... in a registration delay), what to do (lang ''ja'' or ''en'') and the items to look the patient up by afterwards (number, name, kana name, sex, date of birth, address)';

--
-- outage_calendar gains a btree operator class (install/25_calendar.sql).
--
-- A btree operator class, so that a calendar can be a Citus distribution
-- column, a GROUP BY or DISTINCT key sorted rather than hashed, or a key of
-- a merge join.  Its order is by the value's size, then bytewise: it says
-- nothing about schedules, only agrees with equality.
CREATE FUNCTION @extschema@.outage_calendar_cmp(@extschema@.outage_calendar, @extschema@.outage_calendar)
RETURNS pg_catalog.int4
AS 'MODULE_PATHNAME', 'outage_calendar_cmp'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.outage_calendar_lt(@extschema@.outage_calendar, @extschema@.outage_calendar)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'outage_calendar_lt'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.outage_calendar_le(@extschema@.outage_calendar, @extschema@.outage_calendar)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'outage_calendar_le'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.outage_calendar_ge(@extschema@.outage_calendar, @extschema@.outage_calendar)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'outage_calendar_ge'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.outage_calendar_gt(@extschema@.outage_calendar, @extschema@.outage_calendar)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'outage_calendar_gt'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.outage_calendar_cmp(@extschema@.outage_calendar, @extschema@.outage_calendar) IS
'Btree support for outage_calendar: an arbitrary total order (by size, then bytes) that agrees with =';
COMMENT ON FUNCTION @extschema@.outage_calendar_lt(@extschema@.outage_calendar, @extschema@.outage_calendar) IS
'Implementation of < for outage_calendar (the btree order: by size, then bytes)';
COMMENT ON FUNCTION @extschema@.outage_calendar_le(@extschema@.outage_calendar, @extschema@.outage_calendar) IS
'Implementation of <= for outage_calendar (the btree order: by size, then bytes)';
COMMENT ON FUNCTION @extschema@.outage_calendar_ge(@extschema@.outage_calendar, @extschema@.outage_calendar) IS
'Implementation of >= for outage_calendar (the btree order: by size, then bytes)';
COMMENT ON FUNCTION @extschema@.outage_calendar_gt(@extschema@.outage_calendar, @extschema@.outage_calendar) IS
'Implementation of > for outage_calendar (the btree order: by size, then bytes)';

CREATE OPERATOR @extschema@.< (
	LEFTARG = @extschema@.outage_calendar,
	RIGHTARG = @extschema@.outage_calendar,
	FUNCTION = @extschema@.outage_calendar_lt,
	COMMUTATOR = OPERATOR(@extschema@.>),
	NEGATOR = OPERATOR(@extschema@.>=),
	RESTRICT = pg_catalog.scalarltsel,
	JOIN = pg_catalog.scalarltjoinsel
);

CREATE OPERATOR @extschema@.<= (
	LEFTARG = @extschema@.outage_calendar,
	RIGHTARG = @extschema@.outage_calendar,
	FUNCTION = @extschema@.outage_calendar_le,
	COMMUTATOR = OPERATOR(@extschema@.>=),
	NEGATOR = OPERATOR(@extschema@.>),
	RESTRICT = pg_catalog.scalarlesel,
	JOIN = pg_catalog.scalarlejoinsel
);

CREATE OPERATOR @extschema@.>= (
	LEFTARG = @extschema@.outage_calendar,
	RIGHTARG = @extschema@.outage_calendar,
	FUNCTION = @extschema@.outage_calendar_ge,
	COMMUTATOR = OPERATOR(@extschema@.<=),
	NEGATOR = OPERATOR(@extschema@.<),
	RESTRICT = pg_catalog.scalargesel,
	JOIN = pg_catalog.scalargejoinsel
);

CREATE OPERATOR @extschema@.> (
	LEFTARG = @extschema@.outage_calendar,
	RIGHTARG = @extschema@.outage_calendar,
	FUNCTION = @extschema@.outage_calendar_gt,
	COMMUTATOR = OPERATOR(@extschema@.<),
	NEGATOR = OPERATOR(@extschema@.<=),
	RESTRICT = pg_catalog.scalargtsel,
	JOIN = pg_catalog.scalargtjoinsel
);

COMMENT ON OPERATOR @extschema@.< (@extschema@.outage_calendar, @extschema@.outage_calendar) IS
'sorts before, in outage_calendar''s btree order (by size, then bytes; no meaning about schedules)';
COMMENT ON OPERATOR @extschema@.<= (@extschema@.outage_calendar, @extschema@.outage_calendar) IS
'sorts before or equals, in outage_calendar''s btree order';
COMMENT ON OPERATOR @extschema@.>= (@extschema@.outage_calendar, @extschema@.outage_calendar) IS
'sorts after or equals, in outage_calendar''s btree order';
COMMENT ON OPERATOR @extschema@.> (@extschema@.outage_calendar, @extschema@.outage_calendar) IS
'sorts after, in outage_calendar''s btree order';

CREATE OPERATOR CLASS @extschema@.btree_outage_calendar_ops
DEFAULT FOR TYPE @extschema@.outage_calendar USING btree AS
	OPERATOR 1 @extschema@.< (@extschema@.outage_calendar, @extschema@.outage_calendar),
	OPERATOR 2 @extschema@.<= (@extschema@.outage_calendar, @extschema@.outage_calendar),
	OPERATOR 3 @extschema@.= (@extschema@.outage_calendar, @extschema@.outage_calendar),
	OPERATOR 4 @extschema@.>= (@extschema@.outage_calendar, @extschema@.outage_calendar),
	OPERATOR 5 @extschema@.> (@extschema@.outage_calendar, @extschema@.outage_calendar),
	FUNCTION 1 @extschema@.outage_calendar_cmp(@extschema@.outage_calendar, @extschema@.outage_calendar);

COMMENT ON OPERATOR CLASS @extschema@.btree_outage_calendar_ops USING btree IS
'Btree operator class of outage_calendar (Citus distribution columns, sorted GROUP BY and DISTINCT, merge joins); equality is same content';

COMMENT ON OPERATOR FAMILY @extschema@.btree_outage_calendar_ops USING btree IS
'Btree operator family of outage_calendar';

--
-- A calendar carries facility_area and each window's guidance
-- (install/45_calendar.sql): current_outage_calendar() and the aggregate
-- put them in.
--
COMMENT ON FUNCTION @extschema@.current_outage_calendar() IS
'The schedule (outage_schedule with each window''s guidance, prefecture_area and facility_area) as it is now, as one outage_calendar value';
COMMENT ON FUNCTION @extschema@.outage_calendar_final(pg_catalog.internal) IS
'Final function of the outage_calendar aggregate (maps prefectures as prefecture_area and facilities as facility_area do now)';
COMMENT ON AGGREGATE @extschema@.outage_calendar(pg_catalog.text, @extschema@.outage_window) IS
'A calendar from any set of (area, period) rows (area NULL: nationwide), prefectures mapped as prefecture_area and facilities as facility_area do now; it carries no per-window guidance (every window has its kind''s review_guidance): current_outage_calendar() carries outage_schedule.guidance';
COMMENT ON TYPE @extschema@.outage_calendar IS
'A whole outage schedule as one value: per area its merged windows (each with its own guidance, if any), the nationwide windows, the prefectures and the facilities (facility_area) of each area; text form {"east"(1,...,20; 2212345678): [from,to) kind, [from,to) kind "guidance", ...; "west"(...): ...; *: nationwide windows}';

--
-- Index ranges of the three-argument forms with a calendar known when the
-- query starts (see eligibility_support.c).
CREATE FUNCTION @extschema@.eligibility_affected_range_bound(
	calendar @extschema@.outage_calendar, range pg_catalog.int4, upper pg_catalog.bool)
RETURNS pg_catalog.timestamptz
AS 'MODULE_PATHNAME', 'eligibility_affected_range_bound'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.eligibility_affected_range_bound_local(
	calendar @extschema@.outage_calendar, range pg_catalog.int4, upper pg_catalog.bool)
RETURNS pg_catalog.timestamp
AS 'MODULE_PATHNAME', 'eligibility_affected_range_bound_local'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.eligibility_affected_range_bound(@extschema@.outage_calendar, pg_catalog.int4, pg_catalog.bool) IS
'Start (upper = false) or end (upper = true) of the range-th (from 1) merged span of a calendar''s outage and intermittent windows; NULL past the last; the planner''s index ranges for a calendar known when the query starts';
COMMENT ON FUNCTION @extschema@.eligibility_affected_range_bound_local(@extschema@.outage_calendar, pg_catalog.int4, pg_catalog.bool) IS
'Like eligibility_affected_range_bound(outage_calendar, int4, bool), as Japan local time, for timestamp columns';

-- is_eligibility_affected_recheck: the planner's rewrite of
-- is_eligibility_affected() (src/eligibility_support.c) ends with it.  The
-- planner turns a call into literal ranges of the visit time, which an
-- index, a BRIN index or partition pruning can use, ANDed with this recheck
-- of the same call: same C function, same answers, but its planner support
-- never rewrites it again, and tells the planner that it costs more than
-- the ranges (so they are tested first) and how many of the rows inside
-- the ranges it keeps.  EXPLAIN shows it as the Filter of such a plan.
--

CREATE FUNCTION @extschema@.is_eligibility_affected_recheck(
	facility_prefecture @extschema@.prefecture, visit_at pg_catalog.timestamptz)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'is_eligibility_affected'
LANGUAGE C STABLE STRICT PARALLEL SAFE
SUPPORT @extschema@.is_eligibility_affected_support;

CREATE FUNCTION @extschema@.is_eligibility_affected_recheck(
	facility_prefecture @extschema@.prefecture, visit_at pg_catalog.timestamp)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'is_eligibility_affected'
LANGUAGE C STABLE STRICT PARALLEL SAFE
SUPPORT @extschema@.is_eligibility_affected_support;

CREATE FUNCTION @extschema@.is_eligibility_affected_recheck(
	facility_prefecture pg_catalog.text, visit_at pg_catalog.timestamptz)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'is_eligibility_affected'
LANGUAGE C STABLE STRICT PARALLEL SAFE
SUPPORT @extschema@.is_eligibility_affected_support;

CREATE FUNCTION @extschema@.is_eligibility_affected_recheck(
	facility_prefecture pg_catalog.text, visit_at pg_catalog.timestamp)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'is_eligibility_affected'
LANGUAGE C STABLE STRICT PARALLEL SAFE
SUPPORT @extschema@.is_eligibility_affected_support;

CREATE FUNCTION @extschema@.is_eligibility_affected_recheck(
	facility @extschema@.medical_institution_code, visit_at pg_catalog.timestamptz)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'is_eligibility_affected'
LANGUAGE C STABLE STRICT PARALLEL SAFE
SUPPORT @extschema@.is_eligibility_affected_support;

CREATE FUNCTION @extschema@.is_eligibility_affected_recheck(
	facility @extschema@.medical_institution_code, visit_at pg_catalog.timestamp)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'is_eligibility_affected'
LANGUAGE C STABLE STRICT PARALLEL SAFE
SUPPORT @extschema@.is_eligibility_affected_support;

CREATE FUNCTION @extschema@.is_eligibility_affected_recheck(
	facility_prefecture @extschema@.prefecture, visit_at pg_catalog.timestamptz,
	calendar @extschema@.outage_calendar)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'is_eligibility_affected'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
SUPPORT @extschema@.is_eligibility_affected_support;

CREATE FUNCTION @extschema@.is_eligibility_affected_recheck(
	facility_prefecture @extschema@.prefecture, visit_at pg_catalog.timestamp,
	calendar @extschema@.outage_calendar)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'is_eligibility_affected'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
SUPPORT @extschema@.is_eligibility_affected_support;

CREATE FUNCTION @extschema@.is_eligibility_affected_recheck(
	facility_prefecture pg_catalog.text, visit_at pg_catalog.timestamptz,
	calendar @extschema@.outage_calendar)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'is_eligibility_affected'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
SUPPORT @extschema@.is_eligibility_affected_support;

CREATE FUNCTION @extschema@.is_eligibility_affected_recheck(
	facility_prefecture pg_catalog.text, visit_at pg_catalog.timestamp,
	calendar @extschema@.outage_calendar)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'is_eligibility_affected'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
SUPPORT @extschema@.is_eligibility_affected_support;

CREATE FUNCTION @extschema@.is_eligibility_affected_recheck(
	facility @extschema@.medical_institution_code, visit_at pg_catalog.timestamptz,
	calendar @extschema@.outage_calendar)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'is_eligibility_affected'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
SUPPORT @extschema@.is_eligibility_affected_support;

CREATE FUNCTION @extschema@.is_eligibility_affected_recheck(
	facility @extschema@.medical_institution_code, visit_at pg_catalog.timestamp,
	calendar @extschema@.outage_calendar)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'is_eligibility_affected'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
SUPPORT @extschema@.is_eligibility_affected_support;

COMMENT ON FUNCTION @extschema@.is_eligibility_affected_recheck(@extschema@.prefecture, pg_catalog.timestamptz) IS
'is_eligibility_affected(prefecture, timestamptz) after the planner has tested the literal ranges of its affected windows (planner use; same answers)';
COMMENT ON FUNCTION @extschema@.is_eligibility_affected_recheck(@extschema@.prefecture, pg_catalog.timestamp) IS
'is_eligibility_affected(prefecture, timestamp) after the planner has tested the literal ranges of its affected windows (planner use; same answers)';
COMMENT ON FUNCTION @extschema@.is_eligibility_affected_recheck(pg_catalog.text, pg_catalog.timestamptz) IS
'is_eligibility_affected(text, timestamptz) after the planner has tested the literal ranges of its affected windows (planner use; same answers)';
COMMENT ON FUNCTION @extschema@.is_eligibility_affected_recheck(pg_catalog.text, pg_catalog.timestamp) IS
'is_eligibility_affected(text, timestamp) after the planner has tested the literal ranges of its affected windows (planner use; same answers)';
COMMENT ON FUNCTION @extschema@.is_eligibility_affected_recheck(@extschema@.medical_institution_code, pg_catalog.timestamptz) IS
'is_eligibility_affected(medical_institution_code, timestamptz) after the planner has tested the literal ranges of its affected windows (planner use; same answers)';
COMMENT ON FUNCTION @extschema@.is_eligibility_affected_recheck(@extschema@.medical_institution_code, pg_catalog.timestamp) IS
'is_eligibility_affected(medical_institution_code, timestamp) after the planner has tested the literal ranges of its affected windows (planner use; same answers)';
COMMENT ON FUNCTION @extschema@.is_eligibility_affected_recheck(@extschema@.prefecture, pg_catalog.timestamptz, @extschema@.outage_calendar) IS
'is_eligibility_affected(prefecture, timestamptz, outage_calendar) after the planner has tested the literal ranges of its affected windows (planner use; same answers)';
COMMENT ON FUNCTION @extschema@.is_eligibility_affected_recheck(@extschema@.prefecture, pg_catalog.timestamp, @extschema@.outage_calendar) IS
'is_eligibility_affected(prefecture, timestamp, outage_calendar) after the planner has tested the literal ranges of its affected windows (planner use; same answers)';
COMMENT ON FUNCTION @extschema@.is_eligibility_affected_recheck(pg_catalog.text, pg_catalog.timestamptz, @extschema@.outage_calendar) IS
'is_eligibility_affected(text, timestamptz, outage_calendar) after the planner has tested the literal ranges of its affected windows (planner use; same answers)';
COMMENT ON FUNCTION @extschema@.is_eligibility_affected_recheck(pg_catalog.text, pg_catalog.timestamp, @extschema@.outage_calendar) IS
'is_eligibility_affected(text, timestamp, outage_calendar) after the planner has tested the literal ranges of its affected windows (planner use; same answers)';
COMMENT ON FUNCTION @extschema@.is_eligibility_affected_recheck(@extschema@.medical_institution_code, pg_catalog.timestamptz, @extschema@.outage_calendar) IS
'is_eligibility_affected(medical_institution_code, timestamptz, outage_calendar) after the planner has tested the literal ranges of its affected windows (planner use; same answers)';
COMMENT ON FUNCTION @extschema@.is_eligibility_affected_recheck(@extschema@.medical_institution_code, pg_catalog.timestamp, @extschema@.outage_calendar) IS
'is_eligibility_affected(medical_institution_code, timestamp, outage_calendar) after the planner has tested the literal ranges of its affected windows (planner use; same answers)';

COMMENT ON FUNCTION @extschema@.is_eligibility_affected_support(pg_catalog.internal) IS
'Planner support for is_eligibility_affected: rewrites a call on a table''s visit time into ranges of the affected windows and a recheck (literal ranges when the windows are known at plan time; bounds read when the statement starts for a calendar subquery or a schedule read from a Citus placement); index condition, selectivity, cost';
