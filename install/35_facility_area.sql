
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
