/*-------------------------------------------------------------------------
 *
 * table_limits.c
 *	  The calendar's limits, enforced where the tables are written.
 *
 * Every table-reading function builds a calendar from the tables
 * (schedule.c), so a row that takes the tables past a calendar limit would
 * make every one of them fail, long after the row went in.  These
 * statement triggers refuse such a statement instead, with the limit's own
 * SQLSTATE 54000: outage_schedule's windows (OW_CALENDAR_MAX_WINDOWS and
 * OW_CALENDAR_MAX_SEGMENTS, checked by building the calendar),
 * facility_area's rows (OW_CALENDAR_MAX_FACILITIES) and the
 * distinct guidance texts of outage_schedule (OW_CALENDAR_MAX_GUIDANCE_TOTAL,
 * counted as a calendar stores them).  They check only what a statement can
 * have changed, so an ordinary insert costs next to nothing.  (outage_area's
 * limit is checked row by row, schedule_triggers.c.)
 *
 * Written in C for the reason schedule_triggers.c gives: the schema is the
 * trigger's table's, found by OID, never a name stored as text.  Two
 * sessions adding rows at the same time can still pass the limit together;
 * the reading functions then refuse with the same 54000.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "access/xact.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "storage/bufmgr.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/rel.h"
#include "utils/memutils.h"
#include "utils/snapmgr.h"

#include "calendar.h"
#include "pg_compat.h"
#include "schedule.h"
#include "schedule_triggers.h"

/* The trigger's table, schema-qualified and quoted, for a statement. */
static const char *
trigger_table(TriggerData *trigdata)
{
	Relation	rel = trigdata->tg_relation;
	char	   *schema = get_namespace_name(RelationGetNamespace(rel));

	if (schema == NULL)
		elog(ERROR, "cache lookup failed for namespace %u",
			 RelationGetNamespace(rel));
	return quote_qualified_identifier(schema, RelationGetRelationName(rel));
}

/* The int8 a one-row, one-column query returns (0 for NULL). */
static int64
query_int8(const char *query)
{
	bool		isnull;
	Datum		value;

	/* not read-only: a fresh snapshot sees the statement's own rows */
	if (SPI_execute(query, false, 1) != SPI_OK_SELECT || SPI_processed != 1)
		elog(ERROR, "query for a table limit failed");
	value = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull);
	return isnull ? 0 : DatumGetInt64(value);
}

/*
 * The rows of the trigger's table, or 0 when it cannot hold more than
 * limit: a table of fewer pages than limit rows need is not counted.
 */
static int64
rows_past(TriggerData *trigdata, int64 limit)
{
	BlockNumber pages = RelationGetNumberOfBlocks(trigdata->tg_relation);
	int64		rows;

	if ((int64) pages * MaxHeapTuplesPerPage <= limit)
		return 0;
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	rows = query_int8(psprintf("SELECT pg_catalog.count(*) FROM %s",
							   trigger_table(trigdata)));
	SPI_finish();
	return rows;
}

static void
schedule_limit_context(void *arg pg_attribute_unused())
{
	errcontext("checking that outage_schedule still builds an outage_calendar");
}

/*
 * Fewer windows than this cannot make too many segments: an area's windows
 * resolve into at most about twice as many segments, and no more than
 * OW_CALENDAR_MAX_WINDOWS of them fit anyway.
 */
#define WINDOWS_ALWAYS_WITHIN_LIMITS (OW_CALENDAR_MAX_SEGMENTS / 4)

/*
 * outage_schedule AFTER INSERT, UPDATE and DELETE, per statement: the
 * windows must still build a calendar, within OW_CALENDAR_MAX_WINDOWS
 * windows and OW_CALENDAR_MAX_SEGMENTS segments.  How many segments the
 * windows make depends on how they overlap (a DELETE of one window that
 * covers many others can add segments), so past a count that cannot reach
 * the limits the check is to build the calendar, as every reading function
 * would, and let its limit error stop the statement.  A real schedule, a
 * few thousand windows, costs a look at the table's size.  On a Citus
 * placement (a relation named <table>_<shardid>) nothing is built: the
 * reader there refuses a placement with another session's change in
 * progress, which would fail the write instead of the report.
 */
PG_FUNCTION_INFO_V1(outage_schedule_check_limit);
Datum
outage_schedule_check_limit(PG_FUNCTION_ARGS)
{
	TriggerData *trigdata = ow_trigger_data(fcinfo, "outage_schedule_check_limit",
											OW_ON_INSERT | OW_ON_UPDATE | OW_ON_DELETE,
											false, false);
	Relation	rel = trigdata->tg_relation;
	ErrorContextCallback context;
	MemoryContext cxt;
	MemoryContext old;

	if (strcmp(RelationGetRelationName(rel), "outage_schedule") != 0 ||
		rows_past(trigdata, WINDOWS_ALWAYS_WITHIN_LIMITS) <= WINDOWS_ALWAYS_WITHIN_LIMITS)
		return PointerGetDatum(NULL);

	/* as SPI would: a snapshot that sees the statement's own rows */
	CommandCounterIncrement();
	PushCopiedSnapshot(GetTransactionSnapshot());
	UpdateActiveSnapshotCommandId();
	context.callback = schedule_limit_context;
	context.arg = NULL;
	context.previous = error_context_stack;
	error_context_stack = &context;
	cxt = AllocSetContextCreate(CurrentMemoryContext, "outage_window limit check",
								ALLOCSET_DEFAULT_SIZES);
	old = MemoryContextSwitchTo(cxt);
	(void) ow_schedule_calendar(RelationGetNamespace(rel), GetActiveSnapshot());
	MemoryContextSwitchTo(old);
	MemoryContextDelete(cxt);
	error_context_stack = context.previous;
	PopActiveSnapshot();
	return PointerGetDatum(NULL);
}

/* facility_area AFTER INSERT, per statement: the rows a calendar carries. */
PG_FUNCTION_INFO_V1(facility_area_check_limit);
Datum
facility_area_check_limit(PG_FUNCTION_ARGS)
{
	TriggerData *trigdata = ow_trigger_data(fcinfo, "facility_area_check_limit",
											OW_ON_INSERT, false, false);
	int64		rows = rows_past(trigdata, OW_CALENDAR_MAX_FACILITIES);

	if (rows > OW_CALENDAR_MAX_FACILITIES)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("facility_area exceeds the limit of %d facilities",
						OW_CALENDAR_MAX_FACILITIES),
				 errdetail("It would hold %lld rows; an outage_calendar carries every one.",
						   (long long) rows),
				 errhint("List in facility_area only the facilities whose line is not on their prefecture's area.")));
	return PointerGetDatum(NULL);
}

/*
 * outage_schedule AFTER INSERT and AFTER UPDATE, per statement, with the
 * new rows as new_rows: if one has a guidance text, the distinct texts of
 * the table, each once, as a calendar stores them.
 */
PG_FUNCTION_INFO_V1(outage_schedule_check_guidance);
Datum
outage_schedule_check_guidance(PG_FUNCTION_ARGS)
{
	TriggerData *trigdata = ow_trigger_data(fcinfo, "outage_schedule_check_guidance",
											OW_ON_INSERT | OW_ON_UPDATE,
											false, false);
	int64		total;

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	if (SPI_register_trigger_data(trigdata) != SPI_OK_TD_REGISTER)
		elog(ERROR, "SPI_register_trigger_data failed");
	if (query_int8("SELECT pg_catalog.count(*) FROM"
				   " (SELECT FROM new_rows WHERE guidance IS NOT NULL LIMIT 1) n") == 0)
	{
		SPI_finish();
		return PointerGetDatum(NULL);
	}
	total = query_int8(psprintf("SELECT pg_catalog.sum(pg_catalog.octet_length(g))::pg_catalog.int8"
								" FROM (SELECT DISTINCT s.guidance AS g FROM %s AS s"
								" WHERE s.guidance IS NOT NULL) d",
								trigger_table(trigdata)));
	SPI_finish();
	if (total > OW_CALENDAR_MAX_GUIDANCE_TOTAL)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("outage_schedule exceeds the limit of %d bytes of window guidance",
						OW_CALENDAR_MAX_GUIDANCE_TOTAL),
				 errdetail("Its distinct guidance texts would be %lld bytes in all; an outage_calendar carries every one.",
						   (long long) total),
				 errhint("Give guidance text only to the windows whose kind's guidance does not fit, or shorten it.")));
	return PointerGetDatum(NULL);
}
