/*-------------------------------------------------------------------------
 *
 * schedule.c
 *	  Read outage_schedule and prefecture_area and compile them into the
 *	  per-prefecture segment arrays the eligibility functions search.
 *
 * The tables are found in the schema of the calling function, which is the
 * extension's schema: the caller's search_path plays no part, so objects of
 * the same names planted elsewhere change nothing.  They are read with a
 * plain heap scan under the statement's snapshot (they hold a few rows), after
 * checking that the user may read them, as a SELECT would, and that no
 * row-level security policy applies to the user (a policy is refused, not
 * bypassed).
 *
 * The rows become an outage_calendar, the very value
 * current_outage_calendar() returns, and calendar.c compiles it: the
 * functions that read the tables and those given a calendar share one path.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "access/detoast.h"
#include "access/table.h"
#include "access/tableam.h"
#include "access/xact.h"
#include "nodes/execnodes.h"
#include "catalog/pg_type.h"
#include "executor/tuptable.h"
#include "miscadmin.h"
#include "storage/proc.h"
#include "utils/acl.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/rel.h"
#include "utils/rls.h"
#include "utils/snapmgr.h"

#include "pg_compat.h"
#include "schedule.h"

#define AREA_TABLE "prefecture_area"
#define SCHEDULE_TABLE "outage_schedule"
#define FACILITY_TABLE "facility_area"

/*
 * The index of an area given as a text datum, added if new.  Only a new
 * name is copied (into the current memory context, to live with the
 * source): the rows repeat a few names many times.  An overlong name is
 * refused from its size, before it is detoasted.
 */
static int
text_area(CalendarSource *source, Datum area)
{
	text	   *name;
	int			i;

	ow_calendar_check_area_name(toast_raw_datum_size(area) - VARHDRSZ);
	name = DatumGetTextPP(area);
	i = ow_calendar_source_find_area(source, VARDATA_ANY(name),
									 VARSIZE_ANY_EXHDR(name));

	if (i >= 0)
		return i;
	name = DatumGetTextPCopy(area);
	return ow_calendar_source_area(source, VARDATA_ANY(name),
								   VARSIZE_ANY_EXHDR(name));
}

/* Open one of our tables by name in the extension's schema, for reading. */
static Relation
open_extension_table(Oid namespace, const char *relname)
{
	Oid			relid = get_relname_relid(relname, namespace);
	AclResult	aclresult;

	if (!OidIsValid(relid))
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_TABLE),
				 errmsg("table \"%s.%s\" of extension outage_window does not exist",
						get_namespace_name(namespace), relname),
				 errhint("If the table was renamed, rename it back; if it was dropped, restore it from a backup.  If the extension's files were upgraded, run ALTER EXTENSION outage_window UPDATE.")));

	aclresult = pg_class_aclcheck(relid, GetUserId(), ACL_SELECT);
	if (aclresult != ACLCHECK_OK)
		aclcheck_error(aclresult, OBJECT_TABLE, relname);

	/*
	 * The schedule is one for everybody: a policy that hid rows from some
	 * users would give them other answers from a cache shared by the
	 * backend's statements.  Refuse rather than answer from rows a SELECT
	 * would not show (check_enable_rls raises itself when row_security is
	 * off and a policy would apply).
	 */
	if (check_enable_rls(relid, InvalidOid, false) == RLS_ENABLED)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("row-level security on table \"%s\" is not supported by outage_window",
						relname),
				 errdetail("Every eligibility function reads the whole schedule; a policy would give different users different answers."),
				 errhint("Disable row-level security on the table (ALTER TABLE ... DISABLE ROW LEVEL SECURITY); to control who may change the schedule, use GRANT and REVOKE.")));

	return table_open(relid, AccessShareLock);
}

/* Attribute number of a column, checking it still has the expected shape. */
static AttrNumber
table_column(Relation rel, const char *attname, Oid typid, int16 typlen)
{
	AttrNumber	attnum = get_attnum(RelationGetRelid(rel), attname);
	Form_pg_attribute att;

	if (attnum <= 0)
		ereport(ERROR,
				(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				 errmsg("column \"%s\" of table \"%s\" does not exist",
						attname, RelationGetRelationName(rel)),
				 errhint("Change the column back to what the extension created.  If the extension's files were upgraded, run ALTER EXTENSION outage_window UPDATE.")));
	att = TupleDescAttr(RelationGetDescr(rel), attnum - 1);
	if ((OidIsValid(typid) && att->atttypid != typid) || att->attlen != typlen)
		ereport(ERROR,
				(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				 errmsg("column \"%s\" of table \"%s\" has an unexpected type",
						attname, RelationGetRelationName(rel)),
				 errhint("Change the column back to what the extension created.  If the extension's files were upgraded, run ALTER EXTENSION outage_window UPDATE.")));
	return attnum;
}

/* Every area of prefecture_area, and which one each prefecture is in. */
static void
read_areas(Oid namespace, Snapshot snapshot, CalendarSource *source)
{
	Relation	rel = open_extension_table(namespace, AREA_TABLE);
	AttrNumber	pref_att = table_column(rel, "prefecture", InvalidOid,
										sizeof(Prefecture));
	AttrNumber	area_att = table_column(rel, "area", TEXTOID, -1);
	TupleTableSlot *slot = table_slot_create(rel, NULL);
	TableScanDesc scan = table_beginscan(rel, snapshot, 0, NULL);

	while (table_scan_getnextslot(scan, ForwardScanDirection, slot))
	{
		bool		pref_null;
		bool		area_null;
		Datum		pref = slot_getattr(slot, pref_att, &pref_null);
		Datum		area = slot_getattr(slot, area_att, &area_null);
		Prefecture	p = DatumGetPrefecture(pref);

		CHECK_FOR_INTERRUPTS();
		if (!pref_null && !area_null && PREFECTURE_IS_VALID(p))
			source->area_of[p] = text_area(source, area);
	}
	table_endscan(scan);
	ExecDropSingleTupleTableSlot(slot);
	table_close(rel, NoLock);
}

/*
 * The guidance column of outage_schedule, or 0 in a database not yet
 * updated to 1.1, whose windows have none.
 */
static AttrNumber
window_guidance_column(Relation rel)
{
	if (get_attnum(RelationGetRelid(rel), "guidance") <= 0)
		return 0;
	return table_column(rel, "guidance", TEXTOID, -1);
}

/*
 * The last window's own guidance, copied into the source's memory (the
 * slot's is gone with the next row).  An overlong text is refused from its
 * size, before it is detoasted.
 */
static void
window_guidance(TupleTableSlot *slot, AttrNumber att, CalendarSource *source)
{
	bool		isnull;
	Datum		value = slot_getattr(slot, att, &isnull);
	text	   *guidance;

	if (isnull)
		return;
	ow_calendar_check_guidance(toast_raw_datum_size(value) - VARHDRSZ);
	guidance = DatumGetTextPCopy(value);
	ow_calendar_source_guidance(source, VARDATA_ANY(guidance),
								VARSIZE_ANY_EXHDR(guidance));
}

/*
 * The rows of outage_schedule as read, kept for the windows behind an
 * answer (affecting_windows), their texts copied into the schedule's own
 * memory.
 */
typedef struct WindowRows
{
	MemoryContext target;
	int			n;
	int			capacity;
	ScheduleWindow *windows;	/* area: the source's index, then the calendar's */
	ScheduleRow *rows;			/* in target */
} WindowRows;

/*
 * A column the answers do not depend on (id, note, source): 0 if it is
 * missing or of another type, and then read as NULL, so that a changed
 * column never stops the eligibility functions.
 */
static AttrNumber
optional_column(Relation rel, const char *attname, Oid typid)
{
	AttrNumber	attnum = get_attnum(RelationGetRelid(rel), attname);

	if (attnum <= 0 ||
		TupleDescAttr(RelationGetDescr(rel), attnum - 1)->atttypid != typid)
		return InvalidAttrNumber;
	return attnum;
}

static const struct varlena *
copy_text(TupleTableSlot *slot, AttrNumber attnum, MemoryContext target)
{
	bool		isnull;
	Datum		value;
	MemoryContext old;
	struct varlena *copy;

	if (attnum == InvalidAttrNumber)
		return NULL;
	value = slot_getattr(slot, attnum, &isnull);
	if (isnull)
		return NULL;
	old = MemoryContextSwitchTo(target);
	copy = pg_detoast_datum_copy((struct varlena *) DatumGetPointer(value));
	MemoryContextSwitchTo(old);
	return copy;
}

static void
keep_row(WindowRows *rows, TupleTableSlot *slot, AttrNumber id_att,
		 AttrNumber note_att, AttrNumber source_att, AttrNumber guidance_att,
		 int area, const OutageWindow *w)
{
	ScheduleWindow *window;
	ScheduleRow *row;
	bool		isnull;

	if (rows->n == rows->capacity)
	{
		rows->capacity = Max(16, 2 * rows->capacity);
		rows->windows = rows->windows ?
			repalloc(rows->windows, sizeof(ScheduleWindow) * rows->capacity) :
			palloc(sizeof(ScheduleWindow) * rows->capacity);
		rows->rows = rows->rows ?
			repalloc(rows->rows, sizeof(ScheduleRow) * rows->capacity) :
			MemoryContextAlloc(rows->target, sizeof(ScheduleRow) * rows->capacity);
	}
	window = &rows->windows[rows->n];
	row = &rows->rows[rows->n];
	window->lower = w->lower;
	window->upper = w->upper;
	window->kind = (int16) w->kind;
	window->area = (int16) area;
	window->guidance = 0;		/* the row's own is in row->guidance */
	row->has_id = false;
	row->id = 0;
	if (id_att != InvalidAttrNumber)
	{
		Datum		id = slot_getattr(slot, id_att, &isnull);

		row->has_id = !isnull;
		row->id = isnull ? 0 : DatumGetInt64(id);
	}
	row->note = copy_text(slot, note_att, rows->target);
	row->source = copy_text(slot, source_att, rows->target);
	row->guidance = copy_text(slot, guidance_att, rows->target);
	rows->n++;
}

/*
 * Every window of outage_schedule, with its area (added if new); with
 * rows, each row is kept too.
 */
static void
read_windows(Oid namespace, Snapshot snapshot, CalendarSource *source,
			 WindowRows *rows)
{
	Relation	rel = open_extension_table(namespace, SCHEDULE_TABLE);
	AttrNumber	area_att = table_column(rel, "area", TEXTOID, -1);
	AttrNumber	period_att = table_column(rel, "period", InvalidOid,
										  sizeof(OutageWindow));
	AttrNumber	id_att = optional_column(rel, "id", INT8OID);
	AttrNumber	note_att = optional_column(rel, "note", TEXTOID);
	AttrNumber	source_att = optional_column(rel, "source", TEXTOID);
	AttrNumber	guidance_att = window_guidance_column(rel);
	TupleTableSlot *slot = table_slot_create(rel, NULL);
	TableScanDesc scan = table_beginscan(rel, snapshot, 0, NULL);

	while (table_scan_getnextslot(scan, ForwardScanDirection, slot))
	{
		bool		area_null;
		bool		period_null;
		Datum		area = slot_getattr(slot, area_att, &area_null);
		Datum		period = slot_getattr(slot, period_att, &period_null);
		const OutageWindow *w;
		int			a;

		if (period_null)
			continue;
		w = DatumGetOutageWindowP(period);
		a = area_null ? -1 : text_area(source, area);
		ow_calendar_source_window(source, a, w->lower, w->upper, w->kind);
		if (guidance_att > 0)
			window_guidance(slot, guidance_att, source);
		if (rows != NULL)
			keep_row(rows, slot, id_att, note_att, source_att,
					 guidance_att, a, w);
	}
	table_endscan(scan);
	ExecDropSingleTupleTableSlot(slot);
	table_close(rel, NoLock);
}

/*
 * The facilities of facility_area, each on its area (added if new), so
 * that the calendar, and the schedule compiled from it, carries them.  The
 * table is new in 1.1: a database not yet updated has none.
 */
static void
read_facilities(Oid namespace, Snapshot snapshot, CalendarSource *source)
{
	Relation	rel;
	AttrNumber	code_att;
	AttrNumber	area_att;
	TupleTableSlot *slot;
	TableScanDesc scan;

	if (!OidIsValid(get_relname_relid(FACILITY_TABLE, namespace)))
		return;
	rel = open_extension_table(namespace, FACILITY_TABLE);
	code_att = table_column(rel, "facility", InvalidOid, sizeof(int64));
	area_att = table_column(rel, "area", TEXTOID, -1);
	slot = table_slot_create(rel, NULL);
	scan = table_beginscan(rel, snapshot, 0, NULL);
	while (table_scan_getnextslot(scan, ForwardScanDirection, slot))
	{
		bool		code_null;
		bool		area_null;
		Datum		code = slot_getattr(slot, code_att, &code_null);
		Datum		area = slot_getattr(slot, area_att, &area_null);

		CHECK_FOR_INTERRUPTS();
		if (code_null || area_null || DatumGetInt64(code) <= 0)
			continue;
		ow_calendar_source_facility(source, DatumGetInt64(code),
									text_area(source, area));
	}
	table_endscan(scan);
	ExecDropSingleTupleTableSlot(slot);
	table_close(rel, NoLock);
}

OutageCalendar *
ow_schedule_calendar(Oid namespace, Snapshot snapshot)
{
	CalendarSource source;

	ow_calendar_source_init(&source);
	read_areas(namespace, snapshot, &source);
	read_windows(namespace, snapshot, &source, NULL);
	read_facilities(namespace, snapshot, &source);
	return ow_calendar_build(&source);
}

/*
 * The same, keeping the rows, whose identity (id, note, source, guidance) the
 * compiled schedule carries for affecting_windows.
 */
static OutageCalendar *
schedule_calendar_rows(Oid namespace, Snapshot snapshot, WindowRows *rows)
{
	CalendarSource source;

	OutageCalendar *calendar;
	int			index[OW_CALENDAR_MAX_AREAS];

	ow_calendar_source_init(&source);
	read_areas(namespace, snapshot, &source);
	read_windows(namespace, snapshot, &source, rows);
	read_facilities(namespace, snapshot, &source);
	calendar = ow_calendar_build(&source);

	/* the calendar numbers the areas in name order */
	for (int a = 0; a < source.nareas; a++)
		index[a] = ow_calendar_area_index(calendar, source.area_names[a],
										  source.area_name_lens[a]);
	for (int i = 0; i < rows->n; i++)
		if (rows->windows[i].area >= 0)
			rows->windows[i].area = index[rows->windows[i].area];
	return calendar;
}

/* The rows as the compiled schedule's windows, areas as the calendar numbers them. */
static const ScheduleWindows *
rows_as_windows(const WindowRows *rows, const OutageCalendar *calendar,
				MemoryContext target)
{
	ScheduleWindows *windows = ow_schedule_windows_new(calendar, rows->n,
													   target);

	if (rows->n > 0)
		memcpy(windows->windows, rows->windows, sizeof(ScheduleWindow) * rows->n);
	windows->nwindows = rows->n;
	windows->rows = rows->rows;
	return windows;
}

CompiledSchedule *
ow_schedule_compile(Oid namespace, Snapshot snapshot, MemoryContext target)
{
	MemoryContext work = AllocSetContextCreate(CurrentMemoryContext,
											   "outage_window schedule build",
											   ALLOCSET_SMALL_SIZES);
	MemoryContext old = MemoryContextSwitchTo(work);
	WindowRows	rows = {target, 0, 0, NULL, NULL};
	OutageCalendar *calendar = schedule_calendar_rows(namespace, snapshot,
													  &rows);
	CompiledSchedule *schedule;

	schedule = ow_calendar_compile(calendar, target);
	/* the rows, not the calendar's segments, are the windows behind it */
	pfree(unconstify(ScheduleWindows *, schedule->windows));
	schedule->windows = rows_as_windows(&rows, calendar, target);
	MemoryContextSwitchTo(old);
	MemoryContextDelete(work);
	return schedule;
}

/*
 * Counts (sub)transaction aborts in this backend.  A snapshot taken after a
 * ROLLBACK TO SAVEPOINT can look exactly like one taken before it, yet no
 * longer sees the rolled-back rows.
 */
uint64		ow_transaction_aborts = 0;

static void
count_xact_abort(XactEvent event, void *arg pg_attribute_unused())
{
	if (event == XACT_EVENT_ABORT || event == XACT_EVENT_PARALLEL_ABORT)
		ow_transaction_aborts++;
}

static void
count_subxact_abort(SubXactEvent event,
					SubTransactionId mySubid pg_attribute_unused(),
					SubTransactionId parentSubid pg_attribute_unused(),
					void *arg pg_attribute_unused())
{
	if (event == SUBXACT_EVENT_ABORT_SUB)
		ow_transaction_aborts++;
}

void
ow_schedule_init(void)
{
	RegisterXactCallback(count_xact_abort, NULL);
	RegisterSubXactCallback(count_subxact_abort, NULL);
}

static TransactionId *
copy_xids(MemoryContext cxt, const TransactionId *xids, int n)
{
	TransactionId *copy = MemoryContextAlloc(cxt, sizeof(TransactionId) * Max(n, 1));

	if (n > 0)
		memcpy(copy, xids, sizeof(TransactionId) * n);
	return copy;
}

const CompiledSchedule *
ow_schedule_refresh(ScheduleRef *ref, FunctionCallInfo fcinfo)
{
	Snapshot	snapshot;
	Oid			namespace;

	if (ActiveSnapshotSet())
		snapshot = GetActiveSnapshot();	/* ow_schedule_get compared it */
	else
	{
		snapshot = GetTransactionSnapshot();
		if (ref->schedule != NULL && ow_snapshot_sees_same(ref, snapshot))
			return ref->schedule;
	}

	if (ref->cxt != NULL)
		MemoryContextDelete(ref->cxt);
	ref->schedule = NULL;
	ref->cxt = AllocSetContextCreate(fcinfo->flinfo->fn_mcxt,
									 "outage_window schedule",
									 ALLOCSET_SMALL_SIZES);

	namespace = get_func_namespace(fcinfo->flinfo->fn_oid);
	ref->lxid = ow_my_lxid();
	ref->aborts = ow_transaction_aborts;
	ref->curcid = snapshot->curcid;
	ref->xmin = snapshot->xmin;
	ref->xmax = snapshot->xmax;
	ref->xcnt = snapshot->xcnt;
	ref->xip = copy_xids(ref->cxt, snapshot->xip, snapshot->xcnt);
	ref->subxcnt = snapshot->subxcnt;
	ref->suboverflowed = snapshot->suboverflowed;
	ref->subxip = copy_xids(ref->cxt, snapshot->subxip, Max(snapshot->subxcnt, 0));
	ref->schedule = ow_schedule_compile(namespace, snapshot, ref->cxt);
	return ref->schedule;
}

/*
 * current_outage_calendar(): the schedule as this statement sees it, as one
 * value that can be stored with an audit or shipped to Citus workers.
 */
PG_FUNCTION_INFO_V1(current_outage_calendar);
Datum
current_outage_calendar(PG_FUNCTION_ARGS)
{
	Oid			namespace = get_func_namespace(fcinfo->flinfo->fn_oid);

	PG_RETURN_POINTER(ow_schedule_calendar(namespace,
										   ActiveSnapshotSet() ? GetActiveSnapshot()
										   : GetTransactionSnapshot()));
}

/*
 * The outage_calendar(area, period) aggregate: a calendar from any set of
 * windows (a what-if with wider margins, an archived schedule), with the
 * prefectures mapped as prefecture_area maps them now, and the facilities
 * as facility_area does.
 */
PG_FUNCTION_INFO_V1(outage_calendar_accum);
Datum
outage_calendar_accum(PG_FUNCTION_ARGS)
{
	MemoryContext aggcontext;
	MemoryContext old;
	CalendarSource *state;

	if (!AggCheckCallContext(fcinfo, &aggcontext))
		elog(ERROR, "outage_calendar_accum called in non-aggregate context");

	old = MemoryContextSwitchTo(aggcontext);
	if (PG_ARGISNULL(0))
	{
		state = palloc(sizeof(CalendarSource));
		ow_calendar_source_init(state);
	}
	else
		state = (CalendarSource *) PG_GETARG_POINTER(0);

	/* a row without a period contributes nothing, as NULLs do to aggregates */
	if (!PG_ARGISNULL(2))
	{
		const OutageWindow *w = PG_GETARG_OUTAGE_WINDOW_P(2);

		ow_calendar_source_window(state,
								  PG_ARGISNULL(1) ? -1 :
								  text_area(state, PG_GETARG_DATUM(1)),
								  w->lower, w->upper, w->kind);
	}
	MemoryContextSwitchTo(old);
	PG_RETURN_POINTER(state);
}

PG_FUNCTION_INFO_V1(outage_calendar_final);
Datum
outage_calendar_final(PG_FUNCTION_ARGS)
{
	CalendarSource *state;
	CalendarSource source;
	Oid			namespace = get_func_namespace(fcinfo->flinfo->fn_oid);

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	state = (CalendarSource *) PG_GETARG_POINTER(0);

	/*
	 * Work on a copy of the areas (they live in the struct): a final
	 * function may run more than once over the same state (window
	 * aggregates), so the state must stay as it was.  The windows are only
	 * read; the state has no facilities, so the copy's come new.
	 */
	source = *state;
	read_areas(namespace, ActiveSnapshotSet() ? GetActiveSnapshot()
			   : GetTransactionSnapshot(), &source);
	read_facilities(namespace, ActiveSnapshotSet() ? GetActiveSnapshot()
					: GetTransactionSnapshot(), &source);
	PG_RETURN_POINTER(ow_calendar_build(&source));
}
