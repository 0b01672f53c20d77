/*-------------------------------------------------------------------------
 *
 * schedule_triggers.c
 *	  The triggers that keep the schedule tables whole across edits, dumps
 *	  and restores.
 *
 * pg_dump keeps only what users changed of the configuration tables
 * (install/30_schedule.sql); a restore first re-runs the install script,
 * which seeds them again, then loads the dumped rows.  These triggers make
 * that load land: a dumped edit of a seeded row replaces the fresh seed, a
 * seed the user deleted is deleted again, a seed put back under its own id
 * stays.
 *
 * They are written in C, not PL/pgSQL, because a PL/pgSQL body names the
 * extension's schema as text: after the database owner renames that schema
 * and plants look-alikes under the old name, a superuser deleting a seed
 * would run the owner's code.  Here the schema is the one the trigger's
 * table is in, found by its OID each time, and every argument has the exact
 * type of the function or operator it is given to, so no overload planted
 * in that schema is a better match.  The statements run as the user who
 * changed the table (no SECURITY DEFINER): they change only what that user
 * may change.
 *
 * A restore run in parallel (pg_restore -j) loads each table in its own
 * session, in any order, so a window (or a prefecture's or a facility's
 * area) may arrive before the user-added area it names.  While check_function_bodies is off, as pg_dump's output and
 * pg_restore set it, such an area is created without a description and the
 * area's own row completes it when it arrives.  At any other time the
 * foreign key refuses an unknown area, as it should.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "storage/lmgr.h"
#include "utils/builtins.h"
#include "utils/guc.h"
#include "utils/inval.h"
#include "utils/lsyscache.h"
#include "utils/rel.h"

#include "calendar.h"
#include "pg_compat.h"
#include "schedule_triggers.h"

/* ids up to this are reserved for the windows the extension ships */
#define SHIPPED_ID_MAX 1000

/* A restore of pg_dump output is loading rows (see the file header). */
#define RESTORING() (!check_function_bodies)

TriggerData *
ow_trigger_data(FunctionCallInfo fcinfo, const char *funcname, int events,
				bool row, bool before)
{
	TriggerData *trigdata = (TriggerData *) fcinfo->context;

	if (!CALLED_AS_TRIGGER(fcinfo))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("function \"%s\" was not called by the trigger manager",
						funcname)));
	if ((events & (1 << (trigdata->tg_event & TRIGGER_EVENT_OPMASK))) == 0 ||
		(TRIGGER_FIRED_FOR_ROW(trigdata->tg_event) != 0) != row ||
		(TRIGGER_FIRED_BEFORE(trigdata->tg_event) != 0) != before)
		elog(ERROR, "function \"%s\" fired at the wrong time", funcname);
	return trigdata;
}

/* The extension's schema, quoted for a statement: the trigger table's. */
static const char *
extension_schema(TriggerData *trigdata)
{
	char	   *name = get_namespace_name(RelationGetNamespace(trigdata->tg_relation));

	if (name == NULL)
		elog(ERROR, "cache lookup failed for namespace %u",
			 RelationGetNamespace(trigdata->tg_relation));
	return quote_identifier(name);
}

/*
 * Whether the trigger fires on a Citus placement of the table (a relation
 * named <table>_<shardid>) rather than on the extension's table.  Citus
 * copies a reference table's triggers to its placements and fires them
 * there, on every node, for each write the coordinator routes to them.  A
 * statement naming the table from there would be a distributed query
 * inside a shard query, which Citus refuses; so on a placement only the
 * checks that need no statement run.  The restore logic has no business
 * there: a dump of a Citus cluster is restored before its tables are
 * distributed again.
 */
static bool
on_citus_placement(TriggerData *trigdata, const char *table)
{
	return strcmp(RelationGetRelationName(trigdata->tg_relation), table) != 0;
}

static void
connect_spi(void)
{
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
}

static void
finish_spi(void)
{
	if (SPI_finish() != SPI_OK_FINISH)
		elog(ERROR, "SPI_finish failed");
}

/* A column of the trigger's row, by name. */
static Datum
row_column(TriggerData *trigdata, HeapTuple tuple, const char *attname,
		   Oid *typid, bool *isnull)
{
	TupleDesc	desc = RelationGetDescr(trigdata->tg_relation);
	int			attnum = SPI_fnumber(desc, attname);

	if (attnum <= 0)
		elog(ERROR, "column \"%s\" of table \"%s\" does not exist",
			 attname, RelationGetRelationName(trigdata->tg_relation));
	if (typid)
		*typid = TupleDescAttr(desc, attnum - 1)->atttypid;
	return heap_getattr(tuple, attnum, desc, isnull);
}

/*
 * The md5 hashes of the shipped rows' text, as the install script gave them
 * to the trigger (after "id:" where it gives ids too), as a text[] datum:
 * the statements compare rows with them instead of calling
 * shipped_outage_windows() and its kin by name, which an overload planted
 * next to them could make ambiguous.
 */
static Datum
shipped_hashes(TriggerData *trigdata)
{
	Trigger    *trigger = trigdata->tg_trigger;
	Datum	   *hashes = palloc(sizeof(Datum) * Max(trigger->tgnargs, 1));

	for (int i = 0; i < trigger->tgnargs; i++)
	{
		const char *arg = trigger->tgargs[i];
		const char *colon = strchr(arg, ':');

		hashes[i] = CStringGetTextDatum(colon ? colon + 1 : arg);
	}
	return PointerGetDatum(construct_array(hashes, trigger->tgnargs, TEXTOID,
										   -1, false, TYPALIGN_INT));
}

/* Whether id is a shipped window's, by the trigger's "id:md5" arguments. */
static bool
shipped_id(TriggerData *trigdata, int64 id)
{
	Trigger    *trigger = trigdata->tg_trigger;

	for (int i = 0; i < trigger->tgnargs; i++)
		if (strtoi64(trigger->tgargs[i], NULL, 10) == id)
			return true;
	return false;
}

/*
 * Run one statement whose text names the extension's schema as %1$s, with
 * parameters $1..$n; returns the number of rows it processed.  The caller
 * is connected to SPI.
 */
static uint64
run(const char *schema, const char *statement_format, int nargs,
	Oid *argtypes, Datum *values, const bool *isnull)
{
	char		nulls[8];
	int			rc;

	Assert(nargs <= lengthof(nulls));
	for (int i = 0; i < nargs; i++)
		nulls[i] = isnull[i] ? 'n' : ' ';
	rc = SPI_execute_with_args(psprintf(statement_format, schema),
							   nargs, argtypes, values, nulls, false, 0);
	if (rc < 0)
		elog(ERROR, "SPI_execute_with_args failed: %s",
			 SPI_result_code_string(rc));
	return SPI_processed;
}

/*
 * Restore sessions that add rows to outage_area take turns: pg_restore -j
 * loads outage_area, prefecture_area, outage_schedule and facility_area in
 * sessions of their own, each one transaction, and two of them creating the same area,
 * or two areas in opposite orders, would otherwise wait on each other's
 * uncommitted rows.  The lock conflicts with itself but not with the row
 * locks of ordinary writes, and is taken only while restoring.
 */
static void
lock_areas_for_restore(Oid outage_area_relid)
{
	LockRelationOid(outage_area_relid, ShareUpdateExclusiveLock);
}

/*
 * During a restore, create a user-added area that a window, a prefecture
 * or a facility names before the area's own row is loaded; its row sets the description
 * when it arrives (outage_area_insert_sets_description).
 */
static void
restore_area_first(TriggerData *trigdata, const char *schema, Datum area,
				   bool area_null)
{
	Oid			argtypes[1] = {TEXTOID};
	bool		isnull[1] = {false};
	const char *exists = "SELECT FROM %1$s.outage_area AS a"
		" WHERE a.area OPERATOR(pg_catalog.=) $1";

	if (area_null || !RESTORING())
		return;
	if (run(schema, exists, 1, argtypes, &area, isnull) > 0)
		return;
	lock_areas_for_restore(get_relname_relid("outage_area",
											 RelationGetNamespace(trigdata->tg_relation)));
	run(schema,
		"INSERT INTO %1$s.outage_area (area) SELECT $1"
		" WHERE NOT EXISTS (SELECT FROM %1$s.outage_area AS a"
		" WHERE a.area OPERATOR(pg_catalog.=) $1)",
		1, argtypes, &area, isnull);
}

/*
 * prefecture_area BEFORE INSERT: prefecture_area always holds the 47
 * prefectures.  During a restore, an INSERT of one still in the notice's
 * area sets its area instead: that is how a restore puts back a moved
 * prefecture over the fresh seed.  At any other time the row goes on to the
 * primary key, which refuses it (23505), as a DBA expects of a table that
 * already holds that prefecture: an INSERT that reported "INSERT 0 0" but
 * moved the prefecture would hide what it did, and INSERT ... ON CONFLICT
 * DO UPDATE works as it does on any table.
 */
PG_FUNCTION_INFO_V1(prefecture_area_insert_sets_area);
Datum
prefecture_area_insert_sets_area(PG_FUNCTION_ARGS)
{
	TriggerData *trigdata = ow_trigger_data(fcinfo, "prefecture_area_insert_sets_area",
										    OW_ON_INSERT, true, true);
	HeapTuple	newtuple = trigdata->tg_trigtuple;
	const char *schema = extension_schema(trigdata);
	Oid			argtypes[3] = {InvalidOid, TEXTOID, TEXTARRAYOID};
	Datum		values[3];
	bool		isnull[3] = {false, false, false};
	uint64		moved;

	if (!RESTORING() || on_citus_placement(trigdata, "prefecture_area"))
		return PointerGetDatum(newtuple);

	values[0] = row_column(trigdata, newtuple, "prefecture", &argtypes[0], &isnull[0]);
	values[1] = row_column(trigdata, newtuple, "area", NULL, &isnull[1]);
	values[2] = shipped_hashes(trigdata);

	connect_spi();
	restore_area_first(trigdata, schema, values[1], isnull[1]);
	/* still in the notice's area: the row is as shipped */
	moved = run(schema,
				"UPDATE %1$s.prefecture_area AS a SET area = $2"
				" WHERE a.prefecture OPERATOR(%1$s.=) $1"
				" AND pg_catalog.md5(a::pg_catalog.text) OPERATOR(pg_catalog.=) ANY ($3)",
				3, argtypes, values, isnull);
	finish_spi();

	return moved > 0 ? PointerGetDatum(NULL) : PointerGetDatum(newtuple);
}

/* prefecture_area BEFORE DELETE and BEFORE TRUNCATE: refused. */
PG_FUNCTION_INFO_V1(prefecture_area_keep_rows);
Datum
prefecture_area_keep_rows(PG_FUNCTION_ARGS)
{
	if (!CALLED_AS_TRIGGER(fcinfo))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("function \"%s\" was not called by the trigger manager",
						"prefecture_area_keep_rows")));
	ereport(ERROR,
			(errcode(ERRCODE_RESTRICT_VIOLATION),
			 errmsg("cannot delete rows from prefecture_area"),
			 errdetail("prefecture_area holds one row for each of the 47 prefectures."),
			 errhint("To move a prefecture, UPDATE its area instead.")));
	PG_RETURN_NULL();
}

/*
 * outage_area BEFORE INSERT: an INSERT of a shipped area still as shipped
 * (or, during a restore, of an area a window created first) sets its
 * description; an area past the calendar's limit is refused here, where
 * the DBA adds it, rather than by every eligibility function later.
 */
PG_FUNCTION_INFO_V1(outage_area_insert_sets_description);
Datum
outage_area_insert_sets_description(PG_FUNCTION_ARGS)
{
	TriggerData *trigdata = ow_trigger_data(fcinfo, "outage_area_insert_sets_description",
										    OW_ON_INSERT, true, true);
	HeapTuple	newtuple = trigdata->tg_trigtuple;
	const char *schema = extension_schema(trigdata);
	Oid			argtypes[4] = {TEXTOID, TEXTOID, BOOLOID, TEXTARRAYOID};
	Datum		values[4];
	bool		isnull[4] = {false, false, false, false};
	uint64		updated;
	bool		count_null;
	int64		areas;

	/* the calendar still refuses an area past its limit, loudly */
	if (on_citus_placement(trigdata, "outage_area"))
		return PointerGetDatum(newtuple);
	values[0] = row_column(trigdata, newtuple, "area", NULL, &isnull[0]);
	values[1] = row_column(trigdata, newtuple, "description", NULL, &isnull[1]);
	values[2] = BoolGetDatum(RESTORING());
	values[3] = shipped_hashes(trigdata);

	if (RESTORING())
		lock_areas_for_restore(RelationGetRelid(trigdata->tg_relation));
	connect_spi();
	updated = run(schema,
				  "UPDATE %1$s.outage_area AS a SET description = $2"
				  " WHERE a.area OPERATOR(pg_catalog.=) $1"
				  " AND (pg_catalog.md5(a::pg_catalog.text) OPERATOR(pg_catalog.=) ANY ($4)"
				  "	 OR ($3 AND a.description IS NULL))",
				  4, argtypes, values, isnull);
	if (updated == 0)
	{
		/* a name already there fails on the primary key, not here */
		run(schema,
			"SELECT pg_catalog.count(*) FROM %1$s.outage_area AS a"
			" WHERE NOT EXISTS (SELECT FROM %1$s.outage_area AS b"
			" WHERE b.area OPERATOR(pg_catalog.=) $1)",
			1, argtypes, values, isnull);
		areas = DatumGetInt64(SPI_getbinval(SPI_tuptable->vals[0],
											SPI_tuptable->tupdesc, 1,
											&count_null));
		if (areas >= OW_CALENDAR_MAX_AREAS)
			ereport(ERROR,
					(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
					 errmsg("outage_area cannot hold more than %d areas",
							OW_CALENDAR_MAX_AREAS),
					 errdetail("An outage_calendar, which every eligibility function compiles, holds at most %d areas.",
							   OW_CALENDAR_MAX_AREAS),
					 errhint("Delete an area no window or prefecture uses, or give the new area's facilities an existing area.")));
	}
	finish_spi();

	return updated > 0 ? PointerGetDatum(NULL) : PointerGetDatum(newtuple);
}

static void
reserved_id_error(int64 id)
{
	ereport(ERROR,
			(errcode(ERRCODE_CHECK_VIOLATION),
			 errmsg("outage_schedule id " INT64_FORMAT " is reserved for windows the extension ships",
					id),
			 errdetail("Ids up to %d are reserved for shipped windows; only a shipped window can be put back under its own id.",
					   SHIPPED_ID_MAX),
			 errhint("Leave out the id (and OVERRIDING SYSTEM VALUE) to get a fresh one, or put a shipped window back with INSERT INTO outage_schedule OVERRIDING SYSTEM VALUE SELECT * FROM shipped_outage_windows() WHERE id = ...;")));
}

/*
 * outage_schedule BEFORE INSERT: an INSERT with the id of a shipped window
 * still as shipped replaces it (how a restore puts back a dumped edit); an
 * INSERT that puts a deleted shipped window back takes it off the list of
 * deleted seeds, so that a restore does not delete it again.  Outside a
 * restore, any other id up to SHIPPED_ID_MAX is refused: those ids are
 * reserved for windows later versions ship, and a user's row there would
 * collide with one.  A restore takes every id it is given, since a dump of
 * 1.0, which did not refuse them, may hold such rows.
 */
PG_FUNCTION_INFO_V1(outage_schedule_restore_seed);
Datum
outage_schedule_restore_seed(PG_FUNCTION_ARGS)
{
	TriggerData *trigdata = ow_trigger_data(fcinfo, "outage_schedule_restore_seed",
										    OW_ON_INSERT, true, true);
	HeapTuple	newtuple = trigdata->tg_trigtuple;
	const char *schema = extension_schema(trigdata);
	Oid			argtypes[7] = {INT8OID, TEXTOID, InvalidOid, TEXTOID, TEXTOID,
	TEXTARRAYOID, TEXTOID};
	Datum		values[7];
	bool		isnull[7];
	uint64		replaced = 0;

	/* a window's own guidance is new in 1.1: a 1.0 table has no column */
	bool		has_guidance = SPI_fnumber(RelationGetDescr(trigdata->tg_relation),
										   "guidance") > 0;

	values[0] = row_column(trigdata, newtuple, "id", NULL, &isnull[0]);
	values[1] = row_column(trigdata, newtuple, "area", NULL, &isnull[1]);
	values[2] = row_column(trigdata, newtuple, "period", &argtypes[2], &isnull[2]);
	values[3] = row_column(trigdata, newtuple, "note", NULL, &isnull[3]);
	values[4] = row_column(trigdata, newtuple, "source", NULL, &isnull[4]);
	values[5] = shipped_hashes(trigdata);
	isnull[5] = false;
	if (has_guidance)
		values[6] = row_column(trigdata, newtuple, "guidance", NULL, &isnull[6]);

	if (on_citus_placement(trigdata, "outage_schedule"))
	{
		if (!isnull[0] && DatumGetInt64(values[0]) <= SHIPPED_ID_MAX &&
			!RESTORING() && !shipped_id(trigdata, DatumGetInt64(values[0])))
			reserved_id_error(DatumGetInt64(values[0]));
		return PointerGetDatum(newtuple);
	}

	connect_spi();
	restore_area_first(trigdata, schema, values[1], isnull[1]);
	if (!isnull[0] && DatumGetInt64(values[0]) <= SHIPPED_ID_MAX)
	{
		if (!RESTORING() && !shipped_id(trigdata, DatumGetInt64(values[0])))
			reserved_id_error(DatumGetInt64(values[0]));
		replaced = has_guidance ?
			run(schema,
				"UPDATE %1$s.outage_schedule AS o"
				" SET area = $2, period = $3, note = $4, source = $5, guidance = $7"
				" WHERE o.id OPERATOR(pg_catalog.=) $1"
				" AND pg_catalog.md5(o::pg_catalog.text) OPERATOR(pg_catalog.=) ANY ($6)",
				7, argtypes, values, isnull) :
			run(schema,
				"UPDATE %1$s.outage_schedule AS o"
				" SET area = $2, period = $3, note = $4, source = $5"
				" WHERE o.id OPERATOR(pg_catalog.=) $1"
				" AND pg_catalog.md5(o::pg_catalog.text) OPERATOR(pg_catalog.=) ANY ($6)",
				6, argtypes, values, isnull);
		if (replaced == 0)
			run(schema,
				"DELETE FROM %1$s.outage_schedule_deleted_seed AS d"
				" WHERE d.id OPERATOR(pg_catalog.=) $1",
				1, argtypes, values, isnull);
	}
	finish_spi();

	return replaced > 0 ? PointerGetDatum(NULL) : PointerGetDatum(newtuple);
}

/*
 * facility_area BEFORE INSERT: during a restore, create the user-added area
 * a facility names if its row has not arrived yet (restore_area_first).
 */
PG_FUNCTION_INFO_V1(facility_area_restore_area);
Datum
facility_area_restore_area(PG_FUNCTION_ARGS)
{
	TriggerData *trigdata = ow_trigger_data(fcinfo, "facility_area_restore_area",
										    OW_ON_INSERT, true, true);
	HeapTuple	newtuple = trigdata->tg_trigtuple;
	Datum		area;
	bool		isnull;

	if (!RESTORING() || on_citus_placement(trigdata, "facility_area"))
		return PointerGetDatum(newtuple);
	area = row_column(trigdata, newtuple, "area", NULL, &isnull);
	connect_spi();
	restore_area_first(trigdata, extension_schema(trigdata), area, isnull);
	finish_spi();
	return PointerGetDatum(newtuple);
}

/*
 * outage_schedule AFTER DELETE: record a deleted shipped window, so that a
 * restore (which seeds it again) deletes it again.
 */
PG_FUNCTION_INFO_V1(outage_schedule_remember_deleted_seed);
Datum
outage_schedule_remember_deleted_seed(PG_FUNCTION_ARGS)
{
	TriggerData *trigdata = ow_trigger_data(fcinfo, "outage_schedule_remember_deleted_seed",
										    OW_ON_DELETE, true, false);
	Oid			argtypes[1] = {INT8OID};
	Datum		id;
	bool		isnull;

	id = row_column(trigdata, trigdata->tg_trigtuple, "id", NULL, &isnull);
	if (!isnull && DatumGetInt64(id) <= SHIPPED_ID_MAX &&
		!on_citus_placement(trigdata, "outage_schedule"))
	{
		connect_spi();
		run(extension_schema(trigdata),
			"INSERT INTO %1$s.outage_schedule_deleted_seed (id) VALUES ($1)"
			" ON CONFLICT DO NOTHING",
			1, argtypes, &id, &isnull);
		finish_spi();
	}
	return PointerGetDatum(NULL);
}

/*
 * outage_schedule_deleted_seed AFTER INSERT: recording a deleted shipped
 * window deletes it from outage_schedule; a restore loads the record after
 * the install script has seeded the window again.
 */
PG_FUNCTION_INFO_V1(outage_schedule_deleted_seed_apply);
Datum
outage_schedule_deleted_seed_apply(PG_FUNCTION_ARGS)
{
	TriggerData *trigdata = ow_trigger_data(fcinfo, "outage_schedule_deleted_seed_apply",
										    OW_ON_INSERT, true, false);
	Oid			argtypes[1] = {INT8OID};
	Datum		id;
	bool		isnull;

	id = row_column(trigdata, trigdata->tg_trigtuple, "id", NULL, &isnull);
	connect_spi();
	run(extension_schema(trigdata),
		"DELETE FROM %1$s.outage_schedule AS o WHERE o.id OPERATOR(pg_catalog.=) $1",
		1, argtypes, &id, &isnull);
	finish_spi();
	return PointerGetDatum(NULL);
}

/* outage_schedule BEFORE TRUNCATE: record the shipped windows it removes. */
PG_FUNCTION_INFO_V1(outage_schedule_remember_truncated_seeds);
Datum
outage_schedule_remember_truncated_seeds(PG_FUNCTION_ARGS)
{
	TriggerData *trigdata = ow_trigger_data(fcinfo, "outage_schedule_remember_truncated_seeds",
										    OW_ON_TRUNCATE, false, true);

	if (on_citus_placement(trigdata, "outage_schedule"))
		return PointerGetDatum(NULL);
	connect_spi();
	run(extension_schema(trigdata),
		"INSERT INTO %1$s.outage_schedule_deleted_seed (id)"
		" SELECT o.id FROM %1$s.outage_schedule AS o"
		" WHERE o.id OPERATOR(pg_catalog.<=) 1000"	/* SHIPPED_ID_MAX */
		" ON CONFLICT DO NOTHING",
		0, NULL, NULL, NULL);
	finish_spi();
	return PointerGetDatum(NULL);
}

/*
 * After any statement that changes one of the schedule's tables: tell every
 * backend's schedule cache (schedule.c) that the table changed.  The
 * relcache invalidation is transactional: this backend's next statement
 * sees the change, other backends see it once the change commits, and a
 * rollback takes it back; plans that depend on the table are invalidated
 * with it.
 */
PG_FUNCTION_INFO_V1(announce_schedule_change);
Datum
announce_schedule_change(PG_FUNCTION_ARGS)
{
	TriggerData *trigdata = (TriggerData *) fcinfo->context;

	if (!CALLED_AS_TRIGGER(fcinfo))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("function \"%s\" was not called by the trigger manager",
						"announce_schedule_change")));
	if (TRIGGER_FIRED_FOR_ROW(trigdata->tg_event) ||
		TRIGGER_FIRED_BEFORE(trigdata->tg_event))
		elog(ERROR, "function \"%s\" fired at the wrong time",
			 "announce_schedule_change");
	CacheInvalidateRelcacheByRelid(RelationGetRelid(trigdata->tg_relation));
	return PointerGetDatum(NULL);
}
