/* outage_window--1.0--1.1.sql */

-- complain if script is sourced in psql, rather than via ALTER EXTENSION
\echo Use "ALTER EXTENSION outage_window UPDATE TO '1.1'" to load this file. \quit

--
-- 1.1 changes what a database owner can do with the extension and how it
-- survives dump and restore (doc/hardening.md, "Trust").  Each section below
-- matches the change in install/*.sql that a fresh 1.1 install makes.
--

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
'Trigger: an INSERT with the id of an unchanged shipped window replaces that window; one that puts a deleted shipped window back takes it off outage_schedule_deleted_seed';

--
-- review_guidance is C (src/review_guidance.c), for the same reason.
--
CREATE OR REPLACE FUNCTION @extschema@.review_guidance(
	impact @extschema@.eligibility_impact, lang pg_catalog.text DEFAULT 'ja')
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'review_guidance'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

--
-- The ORCA reports look this schema up when they run, and pass arguments of
-- exactly the parameter types.
--
CREATE OR REPLACE FUNCTION @extschema@.orca_affected_visits(orca_schema pg_catalog.name DEFAULT 'public')
RETURNS TABLE (
	hospnum pg_catalog.int4,
	ptid pg_catalog.int8,
	visit_date pg_catalog.date,
	ukeid pg_catalog.int4,
	visit_at pg_catalog.timestamp,
	facility_prefecture @extschema@.prefecture,
	impact @extschema@.eligibility_impact,
	check_status pg_catalog.text,
	last_check_at pg_catalog.timestamp
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
	tbl pg_catalog.text;
	kaku pg_catalog.regclass;
	extra pg_catalog.text := '';
	bound pg_catalog.timestamp;
	first_day pg_catalog.bpchar;
	last_day pg_catalog.bpchar;
BEGIN
	FOREACH tbl IN ARRAY ARRAY['tbl_uketuke', 'tbl_syskanri', 'tbl_onshi_kaku'] LOOP
		IF pg_catalog.to_regclass(pg_catalog.format('%I.%I', orca_schema, tbl)) IS NULL THEN
			RAISE EXCEPTION 'relation % does not exist', pg_catalog.format('%I.%I', orca_schema, tbl)
				USING ERRCODE = 'undefined_table',
					  DETAIL = 'The ORCA reports read tbl_uketuke, tbl_syskanri and tbl_onshi_kaku.',
					  HINT = 'Pass the name of the schema that holds ORCA''s tables (ORCA uses public unless set up otherwise).';
		END IF;
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

	-- Only receptions on the days the windows span can be affected; a range
	-- on ukeymd (digits compare alike in every collation) lets the primary
	-- key of tbl_uketuke find them.
	-- With no window at all the bounds are NULL and no row is read; an
	-- open-ended window leaves that end of the range open.
	EXECUTE pg_catalog.format('SELECT %s.eligibility_affected_bound_local(false)', ext)
		INTO bound;
	first_day := CASE WHEN pg_catalog.isfinite(bound)
					  THEN pg_catalog.to_char(bound, 'YYYYMMDD')
					  WHEN bound IS NOT NULL THEN '00000000' END;
	EXECUTE pg_catalog.format('SELECT %s.eligibility_affected_bound_local(true)', ext)
		INTO bound;
	last_day := CASE WHEN pg_catalog.isfinite(bound)
					 THEN pg_catalog.to_char(bound, 'YYYYMMDD')
					 WHEN bound IS NOT NULL THEN '99999999' END;

	-- OFFSET 0 keeps each reception's date and time read once, rather than
	-- once for every tbl_onshi_kaku row of the patient it is compared with.
	RETURN QUERY EXECUTE pg_catalog.format($q$
		SELECT v.hospnum, v.ptid, v.visit_date, v.ukeid, v.visit_at,
			   f.prefecture, i.impact,
			   CASE WHEN c.ok THEN 'ok'
					WHEN c.completed THEN 'not_valid'
					WHEN c.checks OPERATOR(pg_catalog.>) 0 THEN 'failed'
					ELSE 'no_check' END,
			   c.last_at
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
			SELECT CASE WHEN v.visit_at IS NULL
						THEN %3$s.eligibility_impact_on_day(f.prefecture, v.visit_date)
						ELSE %3$s.eligibility_impact(f.prefecture, v.visit_at) END
				   AS impact) AS i
		CROSS JOIN LATERAL (
			SELECT COALESCE(pg_catalog.bool_or(k.ok AND k.valid), false) AS ok,
				   COALESCE(pg_catalog.bool_or(k.ok), false) AS completed,
				   pg_catalog.count(*) AS checks,
				   pg_catalog.max(k.at) AS last_at
			FROM (SELECT (pg_catalog.btrim(k.result_kbn) OPERATOR(pg_catalog.=) '1'
						  AND COALESCE(pg_catalog.btrim(k.err_code), '')
							  OPERATOR(pg_catalog.=) '') IS TRUE AS ok,
						 (pg_catalog.btrim(k.sikaku_yuko) OPERATOR(pg_catalog.=) '1') IS TRUE AS valid,
						 %3$s.orca_timestamp(k.shori_time::pg_catalog.text) AS at
				  FROM %1$I.tbl_onshi_kaku AS k
				  WHERE k.hospnum OPERATOR(pg_catalog.=) v.hospnum
					AND k.ptid OPERATOR(pg_catalog.=) v.ptid
					AND pg_catalog.btrim(k.kakuninymd) OPERATOR(pg_catalog.=) v.ymd
					%2$s) AS k) AS c
		WHERE v.visit_date IS NOT NULL
		  AND i.impact OPERATOR(pg_catalog.>=) 'intermittent'::%3$s.eligibility_impact
		ORDER BY v.hospnum, v.visit_date, v.visit_at NULLS LAST, v.ukeid, v.ptid
		$q$, orca_schema, extra, ext)
	USING first_day, last_day;
END;
$$;

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
	tbl pg_catalog.text;
BEGIN
	-- an unsupported language fails before any row is read
	EXECUTE pg_catalog.format('SELECT %s.review_guidance(''none'', $1)', ext) USING lang;
	FOREACH tbl IN ARRAY ARRAY['tbl_syunou_main', 'tbl_hkncombi', 'tbl_pthkninf'] LOOP
		IF pg_catalog.to_regclass(pg_catalog.format('%I.%I', orca_schema, tbl)) IS NULL THEN
			RAISE EXCEPTION 'relation % does not exist', pg_catalog.format('%I.%I', orca_schema, tbl)
				USING ERRCODE = 'undefined_table',
					  DETAIL = 'The billing audit reads tbl_syunou_main, tbl_hkncombi and tbl_pthkninf besides the reception tables.',
					  HINT = 'Pass the name of the schema that holds ORCA''s tables (ORCA uses public unless set up otherwise).';
		END IF;
	END LOOP;

	RETURN QUERY EXECUTE pg_catalog.format($q$
		SELECT b.hospnum, b.ptid, b.visit_date, b.ukeid, b.visit_at,
			   b.facility_prefecture, b.impact, b.check_status,
			   b.denpnum, b.insurer_number, b.copay_percent,
			   b.insurer_number OPERATOR(pg_catalog.=) ANY ('{77777777,77777779}'::pg_catalog.text[]),
			   b.copay_percent OPERATOR(pg_catalog.=) 100,
			   %2$s.review_guidance(b.impact, $1)
		FROM (SELECT v.*, m.denpnum::pg_catalog.int4 AS denpnum,
					 pg_catalog.btrim(p.hknjanum) AS insurer_number,
					 m.ptftnrate::pg_catalog.int4 AS copay_percent
			  FROM %2$s.orca_affected_visits($2) AS v
			  JOIN %1$I.tbl_syunou_main AS m
				ON m.hospnum OPERATOR(pg_catalog.=) v.hospnum
			   AND m.ptid OPERATOR(pg_catalog.=) v.ptid
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
			   AND p.hknid OPERATOR(pg_catalog.=) c.hknid) AS b
		WHERE b.insurer_number OPERATOR(pg_catalog.=) ANY ('{77777777,77777779}'::pg_catalog.text[])
		   OR b.copay_percent OPERATOR(pg_catalog.=) 100
		ORDER BY b.hospnum, b.visit_date, b.visit_at NULLS LAST, b.ukeid, b.ptid, b.denpnum
		$q$, orca_schema, ext)
	USING lang, orca_schema;
END;
$$;

--
-- pg_dump's conditions name nothing of this schema.
--
SELECT pg_catalog.pg_extension_config_dump('@extschema@.outage_area',
	pg_catalog.format('WHERE NOT (outage_area::pg_catalog.text OPERATOR(pg_catalog.=) ANY (%L::pg_catalog.text[]))',
		(SELECT pg_catalog.array_agg(s::pg_catalog.text ORDER BY s.area)
		 FROM @extschema@.shipped_outage_areas() AS s)));
SELECT pg_catalog.pg_extension_config_dump('@extschema@.prefecture_area',
	pg_catalog.format('WHERE NOT (prefecture_area::pg_catalog.text OPERATOR(pg_catalog.=) ANY (%L::pg_catalog.text[]))',
		(SELECT pg_catalog.array_agg(
					ROW(p::@extschema@.prefecture,
						@extschema@.notice_area(p::@extschema@.prefecture))::pg_catalog.text
					ORDER BY p)
		 FROM pg_catalog.generate_series(1, 47) AS p)));
SELECT pg_catalog.pg_extension_config_dump('@extschema@.outage_schedule',
	pg_catalog.format('WHERE NOT (outage_schedule::pg_catalog.text OPERATOR(pg_catalog.=) ANY (%L::pg_catalog.text[]))',
		(SELECT pg_catalog.array_agg(s::pg_catalog.text ORDER BY s.id)
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
