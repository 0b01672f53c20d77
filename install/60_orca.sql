--
-- ORCA (日医標準レセプトソフト, jma-receipt) clinics: the review reports read
-- ORCA's own tables in place.
--
-- ORCA keeps dates as char(8) 'YYYYMMDD' and times as char(6) 'HHMMSS', in
-- Japan time, padded with blanks; blanks mean "not recorded".  The
-- orca_date/orca_time/orca_timestamp functions read them and return NULL
-- for what they cannot read, so that one dirty row never stops a report.
--
-- ORCA may be installed after this extension, in any schema, or not at all,
-- so nothing here refers to ORCA's tables when the extension is created:
-- the report functions take the schema that holds them and build their
-- query when they are called, quoting every name.  They run with a fixed
-- search_path and qualify every name they use, so the caller's search_path
-- never changes what they read.  See doc/orca.md.
--
-- Their PL/pgSQL bodies and the queries they build never name this
-- extension's schema as text: they look it up when they run (pg_extension
-- holds its OID), so a schema renamed by the database owner, with
-- look-alikes planted under its old name, changes nothing a superuser's
-- report runs.  Every call to one of the extension's functions passes
-- arguments of exactly its parameter types, so no overload planted next to
-- it matches better (doc/hardening.md, "Trust").
--
-- Each report has a calendar form, which takes the schedule as an
-- outage_calendar (a stored audit's, or a what-if) and reads no table of
-- this extension: the form without one is the calendar form given
-- current_outage_calendar(), the schedule as the statement sees it, each
-- window's own guidance and the facility_area rows included, so the two
-- answer alike by construction.  The calendar comes second and has no
-- default, so a call of 1.0's forms (orca_eligibility_review('orca', 'en'))
-- still finds them.
--

-- ORCA's char(8) date: 'YYYYMMDD', blank padding allowed on either side.
CREATE FUNCTION @extschema@.orca_date(ymd pg_catalog.text)
RETURNS pg_catalog.date
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
AS $$
DECLARE
	s pg_catalog.text := pg_catalog.btrim(ymd, ' ');
	y pg_catalog.int4;
	m pg_catalog.int4;
	d pg_catalog.int4;
BEGIN
	IF s OPERATOR(pg_catalog.!~) '^[0-9]{8}$' THEN
		RETURN NULL;
	END IF;
	y := pg_catalog.substr(s, 1, 4)::pg_catalog.int4;
	m := pg_catalog.substr(s, 5, 2)::pg_catalog.int4;
	d := pg_catalog.substr(s, 7, 2)::pg_catalog.int4;
	IF y OPERATOR(pg_catalog.<) 1
	   OR m OPERATOR(pg_catalog.<) 1 OR m OPERATOR(pg_catalog.>) 12
	   OR d OPERATOR(pg_catalog.<) 1
	   OR d OPERATOR(pg_catalog.>) pg_catalog.date_part('day',
			pg_catalog.make_date(y, m, 1)
			OPERATOR(pg_catalog.+) '1 month -1 day'::pg_catalog.interval)
	THEN
		RETURN NULL;
	END IF;
	RETURN pg_catalog.make_date(y, m, d);
END;
$$;

COMMENT ON FUNCTION @extschema@.orca_date(pg_catalog.text) IS
'Reads an ORCA char(8) date ''YYYYMMDD'' (blank padding allowed); NULL when blank or not a valid date';

-- ORCA's char(6) time: 'HHMMSS', or 'HHMM' when the seconds are missing;
-- trailing blanks are padding, leading blanks stand for zeros.
CREATE FUNCTION @extschema@.orca_time(hms pg_catalog.text)
RETURNS pg_catalog.time
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
AS $$
DECLARE
	s pg_catalog.text := pg_catalog.rtrim(hms, ' ');
	h pg_catalog.int4;
	mi pg_catalog.int4;
	sec pg_catalog.int4 := 0;
BEGIN
	s := pg_catalog.repeat('0',
			pg_catalog.length(s) OPERATOR(pg_catalog.-)
			pg_catalog.length(pg_catalog.ltrim(s, ' ')))
		 OPERATOR(pg_catalog.||) pg_catalog.ltrim(s, ' ');
	IF s OPERATOR(pg_catalog.!~) '^[0-9]{4}([0-9]{2})?$' THEN
		RETURN NULL;
	END IF;
	h := pg_catalog.substr(s, 1, 2)::pg_catalog.int4;
	mi := pg_catalog.substr(s, 3, 2)::pg_catalog.int4;
	IF pg_catalog.length(s) OPERATOR(pg_catalog.=) 6 THEN
		sec := pg_catalog.substr(s, 5, 2)::pg_catalog.int4;
	END IF;
	IF h OPERATOR(pg_catalog.>) 23 OR mi OPERATOR(pg_catalog.>) 59
	   OR sec OPERATOR(pg_catalog.>) 59 THEN
		RETURN NULL;
	END IF;
	RETURN pg_catalog.make_time(h, mi, sec::pg_catalog.float8);
END;
$$;

COMMENT ON FUNCTION @extschema@.orca_time(pg_catalog.text) IS
'Reads an ORCA char(6) time ''HHMMSS'' or ''HHMM'' (trailing blanks are padding, leading blanks zeros); NULL when blank or not a valid time';

CREATE FUNCTION @extschema@.orca_timestamp(ymd pg_catalog.text, hms pg_catalog.text)
RETURNS pg_catalog.timestamp
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.orca_date(ymd) OPERATOR(pg_catalog.+) @extschema@.orca_time(hms);

COMMENT ON FUNCTION @extschema@.orca_timestamp(pg_catalog.text, pg_catalog.text) IS
'ORCA date and time columns (e.g. ukeymd, uketime) as a Japan local timestamp; NULL when either is blank or unreadable';

CREATE FUNCTION @extschema@.orca_timestamp(ymdhms pg_catalog.text)
RETURNS pg_catalog.timestamp
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.orca_timestamp(pg_catalog.substr(ymdhms, 1, 8),
								  pg_catalog.substr(ymdhms, 9));

COMMENT ON FUNCTION @extschema@.orca_timestamp(pg_catalog.text) IS
'An ORCA date-time column ''YYYYMMDDHHMMSS'' (e.g. tbl_onshi_kaku.shori_time) as a Japan local timestamp; NULL when blank or unreadable';

-- An ORCA table a report may read, or NULL when it is missing and not
-- required.  A superuser may run a report over a schema another role
-- controls (ORCA's tables are usually in public, which the database owner
-- owns), so only ordinary tables without children, whose columns all have
-- built-in types, are read: a view, a foreign or partitioned table, an
-- inheritance child or a column of a type with a user-made output or cast
-- could run that role's code.
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

--
-- orca_window_visits: every reception (tbl_uketuke) in a window of its
-- facility's prefecture whose failed checks are reviewed (an outage, an
-- intermittent window or a registration delay: reviews_failed_checks),
-- whether the window affected eligibility, what ORCA recorded of the
-- patient's online eligibility checks that day, and who the patient is
-- (what staff need to look the patient up once the system is back).
-- orca_affected_visits is its affected rows; orca_eligibility_review and
-- orca_billing_audit read it.
--
-- receptions: tbl_uketuke rows with ukeid <> 0.  ORCA keeps one counter
--   row a facility and day with ukeid 0 (blank uketime, ptid = the last
--   受付ID issued); it is not a reception, and ORCA's own lists skip it.
-- facility's prefecture: tbl_syskanri, kanricd '1001', kbncd '*', the
--   record valid on the visit day (blank or unreadable validity dates are
--   open ends), first two characters of kanritbl (JIS code).
-- visit time: ukeymd + uketime, Japan time.  A blank or unreadable uketime
--   means the time is unknown: the visit counts as in the most severe
--   window that touches its day, and visit_at is NULL.  Receptions whose
--   ukeymd cannot be read cannot be placed and are left out.
-- checks: tbl_onshi_kaku rows of the same hospnum and ptid whose
--   kakuninymd is the visit day (blank padding ignored), as ORCA's
--   reception screen links them; the time of the check does not matter;
--   rows deleted in ORCA (scr_dltflg '1') and reservation look-ups
--   (orca_shokai_kbn '1') do not count, when those columns exist.  Only
--   the rows ORCA's reception screen takes for the insurance check count
--   as one: shokai_kbn '1' (card) or '2' (保険証), or a blank shokai_kbn
--   with onshinryo_kbn '2' or '3' (訪問・オンライン診療); shokai_kbn '8'
--   and '9' are 公費 look-ups, kept apart.
-- ptid 0 is "no patient number yet": a reception of an unregistered new
--   patient, or a check ORCA could not match.  Two ptid 0 rows are never
--   the same patient, so a ptid 0 reception is linked to no check (and a
--   ptid 0 check to no reception); it is reported as 'unregistered'.
-- check_status, decided as ORCA's screen decides: a check completed when
--   result_kbn is '1' (正常終了), whatever err_code holds (ORCA writes its
--   own notices, e.g. ORCAE01, there on successful checks too); the newest
--   completed insurance check of the day gives 'ok' when its sikaku_yuko
--   is '1' (有効), else 'not_valid'; with none, 'kohi_only' when a 公費
--   look-up completed with sikaku_yuko '1', 'failed' when there were
--   checks (in progress or failed), 'no_check' when there were none.
-- patient: tbl_ptnum.ptnum (患者番号) and tbl_ptinf's name, kananame, sex
--   and birthday, of the same hospnum and ptid; NULL when ORCA has no such
--   table (or row).  The address is tbl_ptinf's home_adrs and home_banti
--   (住所, 番地) joined, where the table has them: they are found in the
--   catalog when the report runs, and the address is NULL without them.
-- impact, and whether the visit is affected: eligibility_review(), the
--   review core every HIS adapter shares (55_review.sql), from the
--   facility's prefecture, the visit date and time, and check_status.
--
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
-- orca_billing_audit: bills (tbl_syunou_main, outpatient) of the days of
-- affected visits, and of visits reviewed in a registration delay, that
-- were claimed to an unknown insurer (保険者番号 77777777 or 77777779,
-- through the bill's 保険組合せ tbl_hkncombi -> tbl_pthkninf) or charged
-- 10割: ORCA charges 10割 on a 自費 combination (tbl_hkncombi hknnum '980',
-- no insurer), and a bill whose ptftnrate is 100 was charged 10割 whatever
-- its combination.  Where a registration delay kept the check from
-- succeeding, the desk followed the outage procedure (the notice, section
-- 2(3)), so the same 不詳 claims and 10割 charges follow and need the same
-- audit; a visit checked 'ok' there was billed as on any other day.  One
-- row per bill: when the patient had two such receptions that day, the
-- bill is shown with the most severe one (the earlier on a tie).  A
-- reception without a patient number (ptid 0) has no bill of its own to
-- match.
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

CREATE FUNCTION @extschema@.orca_billing_audit(
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
