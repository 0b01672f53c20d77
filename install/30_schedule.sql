--
-- The areas, the prefecture-to-area map and the schedule of outage windows.
--
-- All three are configuration tables: the install script seeds them from
-- the notice (日医発第1817号, 2025-01-30), users edit them, and pg_dump keeps
-- exactly what the users changed.  A restore re-runs this script (which
-- seeds again) and then loads the dumped rows; the triggers below make a
-- dumped edit of a seeded row replace the fresh seed instead of colliding
-- with it, and make a seeded window the user deleted stay deleted.
--
-- pg_dump orders the data of configuration tables by their foreign keys, so
-- outage_area is restored before the two tables that reference it.
--

CREATE TABLE @extschema@.outage_area (
	area text PRIMARY KEY,
	description text,
	CONSTRAINT outage_area_name_check
		CHECK (area OPERATOR(pg_catalog.<>) ''::pg_catalog.text),
	-- an outage_calendar, which every eligibility function compiles, holds
	-- area names of at most 1024 bytes (OW_CALENDAR_MAX_AREA_NAME_BYTES)
	CONSTRAINT outage_area_name_length
		CHECK (pg_catalog.octet_length(area) OPERATOR(pg_catalog.<=) 1024)
);

COMMENT ON TABLE @extschema@.outage_area IS
'Network areas of the Online Eligibility Verification System; windows and prefectures refer to them';
COMMENT ON COLUMN @extschema@.outage_area.area IS
'Area name as used in prefecture_area and outage_schedule (seeded: east, west)';
COMMENT ON COLUMN @extschema@.outage_area.description IS
'What the area is, in words';

CREATE FUNCTION @extschema@.shipped_outage_areas()
RETURNS SETOF @extschema@.outage_area
LANGUAGE sql IMMUTABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT a.area, a.description
	FROM (VALUES
		('east'::pg_catalog.text,
		 '東日本エリア (East Japan area of the eligibility system network)'::pg_catalog.text),
		('west',
		 '西日本エリア (West Japan area of the eligibility system network)')
	) AS a (area, description);
END;

COMMENT ON FUNCTION @extschema@.shipped_outage_areas() IS
'The areas this version of the extension ships, as shipped (outage_area starts with them)';

INSERT INTO @extschema@.outage_area
SELECT * FROM @extschema@.shipped_outage_areas();

CREATE TABLE @extschema@.prefecture_area (
	prefecture @extschema@.prefecture PRIMARY KEY,
	area text NOT NULL
		REFERENCES @extschema@.outage_area (area) ON UPDATE CASCADE
);

COMMENT ON TABLE @extschema@.prefecture_area IS
'Area of each prefecture (seeded with the notice''s East/West split; one row per prefecture)';
COMMENT ON COLUMN @extschema@.prefecture_area.prefecture IS
'The facility''s prefecture';
COMMENT ON COLUMN @extschema@.prefecture_area.area IS
'The area its facilities connect through (an area of outage_area)';

-- The notice's split: the 17 East prefectures are JIS 01-14, 15, 19 and 20.
CREATE FUNCTION @extschema@.notice_area(prefecture @extschema@.prefecture)
RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN CASE WHEN (prefecture::pg_catalog.int4) OPERATOR(pg_catalog.<=) 15
			  OR (prefecture::pg_catalog.int4) OPERATOR(pg_catalog.=) ANY ('{19,20}'::pg_catalog.int4[])
		 THEN 'east'::pg_catalog.text ELSE 'west'::pg_catalog.text END;

COMMENT ON FUNCTION @extschema@.notice_area(@extschema@.prefecture) IS
'Area the 2025-01-30 notice puts a prefecture in (east or west), whatever prefecture_area now says';

INSERT INTO @extschema@.prefecture_area (prefecture, area)
SELECT p::@extschema@.prefecture,
	   @extschema@.notice_area(p::@extschema@.prefecture)
FROM pg_catalog.generate_series(1, 47) AS p;

CREATE TABLE @extschema@.outage_schedule (
	id bigint GENERATED ALWAYS AS IDENTITY (START WITH 1001) PRIMARY KEY,
	area text REFERENCES @extschema@.outage_area (area) ON UPDATE CASCADE,
	period @extschema@.outage_window NOT NULL,
	note text,
	source text,
	guidance text,
	-- a calendar carries each window's guidance (OW_CALENDAR_MAX_GUIDANCE_BYTES)
	CONSTRAINT outage_schedule_guidance_check
		CHECK (guidance OPERATOR(pg_catalog.<>) ''::pg_catalog.text
			   AND pg_catalog.octet_length(guidance) OPERATOR(pg_catalog.<=) 2048)
);

COMMENT ON TABLE @extschema@.outage_schedule IS
'Windows when the Online Eligibility Verification System was down or degraded, per area (seeded from the 2025-01-30 notice; add later notices and incidents with INSERT)';
COMMENT ON COLUMN @extschema@.outage_schedule.id IS
'Identity; ids up to 1000 are reserved for windows shipped with the extension';
COMMENT ON COLUMN @extschema@.outage_schedule.area IS
'Affected area (an area of outage_area); NULL means nationwide';
COMMENT ON COLUMN @extschema@.outage_schedule.period IS
'When, and how badly: [from, to) in Japan time with the kind (outage, intermittent, registration_delay)';
COMMENT ON COLUMN @extschema@.outage_schedule.note IS
'What happened, in words';
COMMENT ON COLUMN @extschema@.outage_schedule.source IS
'Where the window comes from (notice number, portal article, incident ticket)';
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

-- The windows this version ships, as shipped.  The seeds are inserted from
-- it, and pg_dump's filter compares against it to leave unchanged seeds out.
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

INSERT INTO @extschema@.outage_schedule OVERRIDING SYSTEM VALUE
SELECT * FROM @extschema@.shipped_outage_windows();

-- Shipped windows the user deleted: kept so that a restore deletes them again.
CREATE TABLE @extschema@.outage_schedule_deleted_seed (
	id bigint PRIMARY KEY
);

COMMENT ON TABLE @extschema@.outage_schedule_deleted_seed IS
'Ids of shipped outage windows deleted from outage_schedule (kept so that dump and restore delete them again)';
COMMENT ON COLUMN @extschema@.outage_schedule_deleted_seed.id IS
'outage_schedule.id of the deleted shipped window';

--
-- Triggers.  They run only on writes to these small tables, never on the
-- eligibility functions' path.  They are C (src/schedule_triggers.c), so
-- that no body names this schema as text: see doc/hardening.md, "Trust".
--

-- prefecture_area always holds the 47 prefectures.  During a restore, an
-- INSERT of a prefecture that is already there sets its area: that is how
-- a restore puts back a dumped edit over the fresh seed.  At other times
-- the primary key refuses it, as on any table.
CREATE FUNCTION @extschema@.prefecture_area_insert_sets_area()
RETURNS trigger
AS 'MODULE_PATHNAME', 'prefecture_area_insert_sets_area'
LANGUAGE C;

COMMENT ON FUNCTION @extschema@.prefecture_area_insert_sets_area() IS
'Trigger: during a restore, an INSERT of a prefecture still in its notice area sets its area; otherwise the primary key refuses the INSERT';

-- The triggers that recognise a shipped row are given the md5 hashes of
-- the shipped rows' text as arguments, computed here: a trigger that
-- called shipped_outage_windows() by name could be made to fail by an
-- overload with defaults planted next to it (ambiguous), and a restore
-- would then lose rows.
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

CREATE FUNCTION @extschema@.prefecture_area_keep_rows()
RETURNS trigger
AS 'MODULE_PATHNAME', 'prefecture_area_keep_rows'
LANGUAGE C;

COMMENT ON FUNCTION @extschema@.prefecture_area_keep_rows() IS
'Trigger: refuses DELETE and TRUNCATE on prefecture_area';

CREATE TRIGGER keep_rows
	BEFORE DELETE ON @extschema@.prefecture_area
	FOR EACH ROW EXECUTE FUNCTION @extschema@.prefecture_area_keep_rows();

CREATE TRIGGER keep_rows_on_truncate
	BEFORE TRUNCATE ON @extschema@.prefecture_area
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.prefecture_area_keep_rows();

-- outage_area: a dumped edit of a seeded area replaces the fresh seed.
CREATE FUNCTION @extschema@.outage_area_insert_sets_description()
RETURNS trigger
AS 'MODULE_PATHNAME', 'outage_area_insert_sets_description'
LANGUAGE C;

COMMENT ON FUNCTION @extschema@.outage_area_insert_sets_description() IS
'Trigger: an INSERT of an unchanged shipped area (or, in a restore, of an area a window created first) sets its description; refuses an area past the calendar''s limit of 254';

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

-- outage_schedule: a dumped edit of a shipped window replaces the fresh,
-- unchanged seed with the same id; deleting a shipped window records it.
CREATE FUNCTION @extschema@.outage_schedule_restore_seed()
RETURNS trigger
AS 'MODULE_PATHNAME', 'outage_schedule_restore_seed'
LANGUAGE C;

COMMENT ON FUNCTION @extschema@.outage_schedule_restore_seed() IS
'Trigger: an INSERT with the id of an unchanged shipped window replaces that window; one that puts a deleted shipped window back takes it off outage_schedule_deleted_seed; outside a restore, any other id up to 1000 is refused';

-- each argument is a shipped window's id and hash, "id:md5"
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

CREATE FUNCTION @extschema@.outage_schedule_remember_deleted_seed()
RETURNS trigger
AS 'MODULE_PATHNAME', 'outage_schedule_remember_deleted_seed'
LANGUAGE C;

COMMENT ON FUNCTION @extschema@.outage_schedule_remember_deleted_seed() IS
'Trigger: records the deletion of a shipped window in outage_schedule_deleted_seed';

CREATE TRIGGER remember_deleted_seed
	AFTER DELETE ON @extschema@.outage_schedule
	FOR EACH ROW EXECUTE FUNCTION @extschema@.outage_schedule_remember_deleted_seed();

CREATE FUNCTION @extschema@.outage_schedule_deleted_seed_apply()
RETURNS trigger
AS 'MODULE_PATHNAME', 'outage_schedule_deleted_seed_apply'
LANGUAGE C;

COMMENT ON FUNCTION @extschema@.outage_schedule_deleted_seed_apply() IS
'Trigger: recording a deleted shipped window deletes it from outage_schedule (so a restore deletes it again)';

CREATE TRIGGER apply
	AFTER INSERT ON @extschema@.outage_schedule_deleted_seed
	FOR EACH ROW EXECUTE FUNCTION @extschema@.outage_schedule_deleted_seed_apply();

-- TRUNCATE removes every window at once: remember the shipped ones.
CREATE FUNCTION @extschema@.outage_schedule_remember_truncated_seeds()
RETURNS trigger
AS 'MODULE_PATHNAME', 'outage_schedule_remember_truncated_seeds'
LANGUAGE C;

COMMENT ON FUNCTION @extschema@.outage_schedule_remember_truncated_seeds() IS
'Trigger: records the shipped windows a TRUNCATE of outage_schedule removes';

CREATE TRIGGER remember_truncated_seeds
	BEFORE TRUNCATE ON @extschema@.outage_schedule
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.outage_schedule_remember_truncated_seeds();

COMMENT ON TRIGGER insert_sets_area ON @extschema@.prefecture_area IS
'During a restore, an INSERT of a prefecture still in its notice area sets its area (how a restore puts back a dumped edit)';
COMMENT ON TRIGGER keep_rows ON @extschema@.prefecture_area IS
'prefecture_area keeps one row per prefecture: DELETE is refused';
COMMENT ON TRIGGER keep_rows_on_truncate ON @extschema@.prefecture_area IS
'prefecture_area keeps one row per prefecture: TRUNCATE is refused';
COMMENT ON TRIGGER insert_sets_description ON @extschema@.outage_area IS
'An INSERT of an unchanged shipped area sets its description (how a restore puts back a dumped edit)';
COMMENT ON TRIGGER restore_seed ON @extschema@.outage_schedule IS
'An INSERT with the id of an unchanged shipped window replaces it (how a restore puts back a dumped edit)';
COMMENT ON TRIGGER remember_deleted_seed ON @extschema@.outage_schedule IS
'Records a deleted shipped window, so that a restore deletes it again';
COMMENT ON TRIGGER remember_truncated_seeds ON @extschema@.outage_schedule IS
'Records the shipped windows a TRUNCATE removes, so that a restore deletes them again';
COMMENT ON TRIGGER apply ON @extschema@.outage_schedule_deleted_seed IS
'Recording a deleted shipped window deletes it from outage_schedule';
COMMENT ON SEQUENCE @extschema@.outage_schedule_id_seq IS
'Identity of outage_schedule; user windows start at 1001';

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

-- What pg_dump keeps: user-added areas and edited seeds, prefectures moved
-- away from the notice's area, user windows and edited shipped windows, and
-- the record of deleted shipped windows.
--
-- pg_dump runs these conditions, often as a superuser, so they name nothing
-- of this schema: a condition is stored as text, and after the database
-- owner renamed the schema and planted look-alikes under its old name, a
-- function named here would be the owner's.  Each one compares a hash of
-- the row's text (the output functions of its columns' types, found by type
-- OID and independent of every setting) with those of the shipped rows,
-- computed here once from the functions above.  Hashes keep the condition
-- ASCII, so pg_dump reads it in any client encoding.
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
SELECT pg_catalog.pg_extension_config_dump('@extschema@.outage_schedule_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.outage_schedule_deleted_seed', '');

-- Who may change the schedule: the database owner, whoever that is now.
-- The rights go to the predefined role pg_database_owner, whose only member
-- is the current database's owner, with the grant option, so that
--   * a database owner who installed the extension (it is trusted: this
--	   script runs as the bootstrap superuser, who owns the tables) edits it;
--	 * so does the owner of a database a superuser installed it into;
--	 * a restore, by the owner or by a superuser, serial or with -j, gives
--	   the same rights, because the restore's CREATE EXTENSION grants them
--	   again (pg_dump leaves out what the install script granted);
--	 * ALTER DATABASE ... OWNER TO moves them to the new owner;
--	 * the owner can let other roles edit: GRANT INSERT, UPDATE, DELETE ON
--	   the four tables TO a role (pg_dump keeps those grants).
-- Everyone may read.  The sequence is read by pg_dump and set by a restore.
REVOKE ALL ON @extschema@.outage_area, @extschema@.prefecture_area,
	@extschema@.outage_schedule, @extschema@.outage_schedule_deleted_seed
	FROM PUBLIC;
GRANT SELECT ON @extschema@.outage_area, @extschema@.prefecture_area,
	@extschema@.outage_schedule, @extschema@.outage_schedule_deleted_seed
	TO PUBLIC;
GRANT INSERT, UPDATE, DELETE ON @extschema@.outage_area,
	@extschema@.prefecture_area, @extschema@.outage_schedule,
	@extschema@.outage_schedule_deleted_seed
	TO pg_database_owner WITH GRANT OPTION;
GRANT SELECT, UPDATE ON SEQUENCE @extschema@.outage_schedule_id_seq
	TO pg_database_owner WITH GRANT OPTION;
