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
#include "parser/analyze.h"
#include "catalog/pg_type.h"
#include "executor/executor.h"
#include "executor/tuptable.h"
#include "miscadmin.h"
#include "storage/proc.h"
#include "storage/sinval.h"
#include "utils/acl.h"
#include "utils/builtins.h"
#include "utils/inval.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/rel.h"
#include "utils/resowner.h"
#include "utils/rls.h"
#include "utils/snapmgr.h"

#include "pg_compat.h"
#include "schedule.h"
#include "schedule_citus.h"

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

/*
 * Open one of our tables by name in the extension's schema, for reading:
 * on a Citus cluster, this node's placement of it (schedule_citus.h).
 */
static Relation
open_extension_table(Oid namespace, const char *relname, Snapshot snapshot)
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

	return table_open(ow_citus_schedule_relation(relid, relname, snapshot),
					  AccessShareLock);
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
	Relation	rel = open_extension_table(namespace, AREA_TABLE, snapshot);
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
	Relation	rel = open_extension_table(namespace, SCHEDULE_TABLE, snapshot);
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
	rel = open_extension_table(namespace, FACILITY_TABLE, snapshot);
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
 * The backend's cache of compiled schedules, and why it is right.
 *
 * Every change to the schedule's tables (prefecture_area, outage_area,
 * outage_schedule, facility_area) fires a statement trigger that calls
 * CacheInvalidateRelcacheByRelid() on its table (schedule_triggers.c).  Like
 * any catalog change, the invalidation is transactional: this backend
 * processes it at its next CommandCounterIncrement() (so the next statement
 * of the writing transaction sees its own change) and again on a
 * (sub)transaction abort (so a rolled-back change goes away); other
 * backends receive it once the writer commits, whenever they next call
 * AcceptInvalidationMessages().  schedule_changed(), a relcache callback,
 * turns an invalidation of one of those tables (or of every relation) into
 * a new ow_schedule_generation.  A cached schedule is used while the
 * generation it was built in is current.
 *
 * That alone would not be snapshot-correct, for three reasons:
 *
 * (a) A schedule is read with the statement's snapshot, and an invalidation
 * may be processed after that snapshot was taken (at a lock taken later in
 * the statement, by the AcceptInvalidationMessages() below, even while the
 * tables are being read).  The schedule then lacks a change although its
 * generation is the newest: shared, it would hide that change from later
 * statements whose snapshots see it.  PostgreSQL sends a commit's
 * invalidations only after the commit is visible, and a transaction starts
 * with AcceptInvalidationMessages(), so everything processed before the
 * transaction began is seen by every snapshot it takes.  Hence: a schedule
 * built in a READ COMMITTED transaction during which no invalidation of the
 * tables arrived is shared by the whole backend (SCOPE_BACKEND).  One built
 * after such an invalidation arrived in the transaction may predate it, so
 * it serves only the statement (the call site's snapshot) that built it
 * (SCOPE_STATEMENT).  In REPEATABLE READ and SERIALIZABLE every statement
 * has the transaction's snapshot, so a schedule built there serves the
 * whole transaction and no other (SCOPE_TRANSACTION): the next transaction
 * may see changes that this snapshot does not.
 *
 * (b) In a READ COMMITTED transaction, the next statement takes a new
 * snapshot that may see another backend's commit whose invalidation this
 * backend has not yet processed: it takes no new lock, so nothing calls
 * AcceptInvalidationMessages().  So a call site calls it itself whenever it
 * starts serving a new statement, that is, a new active snapshot.  The
 * snapshot's address tells which one it is, but only while the snapshot
 * lives: PL/pgSQL keeps one expression state for a whole transaction and
 * evaluates it under a new snapshot each time, which may be allocated
 * where the last one was.  So the snapshot a call site last validated
 * against is registered (pinned): its address is not reused while a call
 * site may compare with it.  One snapshot is pinned at a time; pinning
 * another, or unpinning at the end of the statement (ExecutorEnd of the
 * query that pushed it) or of the transaction, moves ow_statement_marks,
 * which sends every call site back to the slow path.  A pin holds the
 * backend's xmin no longer than the statement it belongs to, except after a
 * PL/pgSQL simple expression, whose pin lasts until the next statement or
 * the end of the transaction.
 *
 * (c) This transaction's own changes are invalidated locally at the next
 * CommandCounterIncrement(), before the next statement's snapshot is taken,
 * and again when a (sub)transaction that made them rolls back: the
 * generation moves and the next call rebuilds.  They also count as an
 * invalidation that arrived in the transaction, so a schedule that shows
 * uncommitted rows is never shared beyond the statement (or, in REPEATABLE
 * READ, the transaction).
 *
 * (d) schedule_changed() can tell the tables' invalidations from others only
 * by the OIDs an entry holds, and an entry learns them when it first reads
 * the tables.  An invalidation processed before that - in a backend's first
 * statement that reads the schedule, at the lock its parse analysis takes
 * or at the AcceptInvalidationMessages() below, while the snapshot was
 * taken before the writer committed - was once ignored: the schedule then
 * read under that older snapshot was shared with the current generation,
 * and every later statement of the backend kept the old schedule (a report
 * run just after another session's commit answered from the old windows
 * in its leader and from the new ones in its parallel workers, which read
 * afresh).  So any relcache invalidation processed in the transaction
 * counts, for an entry that did not know its tables' OIDs yet, as one of
 * the tables': its first schedule serves only the statement (in READ
 * COMMITTED), and the next statement's, read after the transaction began,
 * is shared.  One processed outside a transaction (when it starts) comes
 * before any snapshot the transaction takes, so it needs no such care.
 *
 * What is left exposed: a change made with the triggers disabled (ALTER
 * TABLE ... DISABLE TRIGGER, or session_replication_role = replica, as
 * logical replication applies rows) sends no invalidation, so backends keep
 * their schedule until something else invalidates the table (any DDL on
 * it, VACUUM FULL, a relcache reset) or they exit; and a commit is visible
 * a moment before its invalidation is sent, so a statement that starts in
 * that moment may read the schedule before the change.  doc/hardening.md
 * ("The schedule cache") says both.
 *
 * A shared schedule that is replaced may still be used by a statement that
 * is running (its call sites look again only at their next row), so it is
 * kept until the transaction ends; the generation moves again then, so that
 * no call site can keep a pointer to it.
 */
typedef enum ScheduleScope
{
	SCOPE_BACKEND,
	SCOPE_TRANSACTION,
	SCOPE_STATEMENT
} ScheduleScope;

typedef struct CachedSchedule
{
	Oid			namespace;
	Oid			relids[OW_SCHEDULE_TABLES];
	MemoryContext cxt;			/* owns schedule; NULL: none */
	const CompiledSchedule *schedule;
	uint64		generation;
	ScheduleScope scope;

	/*
	 * A schedule read from a Citus placement, for the statement whose
	 * pinned snapshot it was read with (placement_marks, with the
	 * generation then): every call site of that statement shares it.
	 */
	MemoryContext placement_cxt;	/* owns placement_schedule; NULL: none */
	const CompiledSchedule *placement_schedule;
	uint64		placement_marks;
	uint64		placement_generation;
} CachedSchedule;

/* Usually one: a database has the extension in one schema. */
#define MAX_CACHED_SCHEDULES 8

static CachedSchedule cached[MAX_CACHED_SCHEDULES];
static int	ncached = 0;

/* Replaced schedules, freed at the end of the transaction. */
static List *retired = NIL;

uint64		ow_schedule_generation = 1;
uint64		ow_statement_marks = 0;

/* An invalidation of the tables arrived while this transaction ran. */
static bool invalidated_in_transaction = false;

/* Whether schedule_for_statement() last answered from a Citus placement. */
static bool last_read_placement = false;

/*
 * A relcache invalidation of any relation arrived while this transaction
 * ran: before an entry knows its tables' OIDs, any of them may have been
 * for its tables (see (d)).
 */
static bool any_invalidated_in_transaction = false;

static ExecutorEnd_hook_type prev_executor_end = NULL;
static post_parse_analyze_hook_type prev_post_parse_analyze = NULL;

static const char *const schedule_tables[OW_SCHEDULE_TABLES] = {
	AREA_TABLE, SCHEDULE_TABLE, FACILITY_TABLE, "outage_area"
};

void
ow_schedule_table_oids(Oid namespace, Oid *relids)
{
	for (int i = 0; i < OW_SCHEDULE_TABLES; i++)
		relids[i] = get_relname_relid(schedule_tables[i], namespace);
}

static const CompiledSchedule *statement_placement_schedule(Oid namespace);

bool
ow_schedule_readable(Oid namespace)
{
	Oid			relids[OW_SCHEDULE_TABLES];

	/* this statement read the placements already: Citus trusted them */
	bool		placements_read = statement_placement_schedule(namespace) != NULL;

	ow_schedule_table_oids(namespace, relids);
	for (int i = 0; i < OW_SCHEDULE_TABLES; i++)
	{
		if (!OidIsValid(relids[i]))
		{
			/* facility_area and outage_area may be missing (1.0) */
			if (i < 2)
				return false;
			continue;
		}
		if (pg_class_aclcheck(relids[i], GetUserId(), ACL_SELECT) != ACLCHECK_OK ||
			check_enable_rls(relids[i], InvalidOid, true) == RLS_ENABLED ||
			(!placements_read &&
			 !ow_citus_schedule_trusted(relids[i], schedule_tables[i],
										ActiveSnapshotSet() ? GetActiveSnapshot()
										: GetTransactionSnapshot())))
			return false;
	}
	return true;
}

static void
schedule_changed(Datum arg pg_attribute_unused(), Oid relid)
{
	bool		ours = !OidIsValid(relid);

	if (IsTransactionState())
		any_invalidated_in_transaction = true;
	for (int c = 0; c < ncached && !ours; c++)
		for (int i = 0; i < OW_SCHEDULE_TABLES; i++)
			if (cached[c].relids[i] == relid)
				ours = true;
	if (!ours)
		return;
	ow_schedule_generation++;
	if (IsTransactionState())
		invalidated_in_transaction = true;
}

static void
retire(CachedSchedule *entry)
{
	if (entry->cxt != NULL)
	{
		MemoryContext old = MemoryContextSwitchTo(TopMemoryContext);

		retired = lappend(retired, entry->cxt);
		MemoryContextSwitchTo(old);
	}
	entry->cxt = NULL;
	entry->schedule = NULL;
}

/* The active snapshot a call site last validated against; see (b). */
static Snapshot pinned = NULL;

static void
unpin(bool release)
{
	if (pinned == NULL)
		return;
	if (release)
		UnregisterSnapshotFromOwner(pinned, TopTransactionResourceOwner);
	pinned = NULL;
	ow_statement_marks++;
}

static void
pin(Snapshot snapshot)
{
	if (snapshot == pinned)
		return;
	unpin(true);
	pinned = RegisterSnapshotOnOwner(snapshot, TopTransactionResourceOwner);
	ow_statement_marks++;
}

static void
end_of_transaction(XactEvent event, void *arg pg_attribute_unused())
{
	bool		freed = false;
	ListCell   *lc;

	switch (event)
	{
		case XACT_EVENT_PRE_COMMIT:
		case XACT_EVENT_PARALLEL_PRE_COMMIT:
		case XACT_EVENT_PRE_PREPARE:
			/* before the resource owner checks for leaked snapshots */
			unpin(true);
			return;
		case XACT_EVENT_ABORT:
		case XACT_EVENT_PARALLEL_ABORT:
			/* the resource owner releases it */
			unpin(false);
			break;
		case XACT_EVENT_COMMIT:
		case XACT_EVENT_PARALLEL_COMMIT:
		case XACT_EVENT_PREPARE:
			break;
		default:
			return;
	}
	for (int c = 0; c < ncached; c++)
	{
		if (cached[c].scope != SCOPE_BACKEND && cached[c].cxt != NULL)
			retire(&cached[c]);
		if (cached[c].placement_cxt != NULL)
		{
			MemoryContextDelete(cached[c].placement_cxt);
			cached[c].placement_cxt = NULL;
			cached[c].placement_schedule = NULL;
		}
	}
	foreach(lc, retired)
	{
		MemoryContextDelete((MemoryContext) lfirst(lc));
		freed = true;
	}
	list_free(retired);
	retired = NIL;
	if (freed)
		ow_schedule_generation++;
	invalidated_in_transaction = false;
	any_invalidated_in_transaction = false;
	ow_statement_marks++;
}

/*
 * A new statement may run a cached plan that holds the schedule's windows
 * as literal ranges (eligibility_support.c); the plan cache notices that a
 * schedule table changed only once the invalidation is processed, which in
 * a transaction block nothing else may do before the plan is reused.  So a
 * backend that has read the schedule accepts invalidations whenever a
 * statement is parsed: that covers EXECUTE and every statement of the
 * simple protocol.  (A plan reused by the extended protocol's Bind, or by
 * a PL/pgSQL function, is not parsed again: doc/hardening.md.)
 */
static void
statement_parsed(ParseState *pstate, Query *query, JumbleState *jstate)
{
	if (ncached > 0)
		AcceptInvalidationMessages();
	if (prev_post_parse_analyze)
		prev_post_parse_analyze(pstate, query, jstate);
}

static void
executor_end(QueryDesc *queryDesc)
{
	if (pinned != NULL && queryDesc->snapshot == pinned)
		unpin(true);
	if (prev_executor_end)
		prev_executor_end(queryDesc);
	else
		standard_ExecutorEnd(queryDesc);
}

void
ow_schedule_init(void)
{
	CacheRegisterRelcacheCallback(schedule_changed, (Datum) 0);
	RegisterXactCallback(end_of_transaction, NULL);
	prev_executor_end = ExecutorEnd_hook;
	ExecutorEnd_hook = executor_end;
	prev_post_parse_analyze = post_parse_analyze_hook;
	post_parse_analyze_hook = statement_parsed;
}

static CachedSchedule *
cache_entry(Oid namespace)
{
	for (int c = 0; c < ncached; c++)
		if (cached[c].namespace == namespace)
			return &cached[c];
	if (ncached == MAX_CACHED_SCHEDULES)
	{
		/* more schemas than ever expected: reuse the first slot */
		retire(&cached[0]);
		if (cached[0].placement_cxt != NULL)
		{
			MemoryContext old = MemoryContextSwitchTo(TopMemoryContext);

			/* a call site of this statement may still hold it */
			retired = lappend(retired, cached[0].placement_cxt);
			MemoryContextSwitchTo(old);
			cached[0].placement_cxt = NULL;
			cached[0].placement_schedule = NULL;
		}
		cached[0].namespace = namespace;
		return &cached[0];
	}
	memset(&cached[ncached], 0, sizeof(CachedSchedule));
	cached[ncached].namespace = namespace;
	return &cached[ncached++];
}

/*
 * The schedule read from a Citus placement that the statement running now
 * shares (see schedule_for_statement()), or NULL.
 */
static const CompiledSchedule *
statement_placement_schedule(Oid namespace)
{
	for (int c = 0; c < ncached; c++)
		if (cached[c].namespace == namespace &&
			cached[c].placement_schedule != NULL &&
			cached[c].placement_marks == ow_statement_marks &&
			cached[c].placement_generation == ow_schedule_generation &&
			pinned != NULL && ActiveSnapshotSet() && GetActiveSnapshot() == pinned)
			return cached[c].placement_schedule;
	return NULL;
}

/*
 * The schedule as snapshot sees it (NULL: the active snapshot, or with none
 * the transaction's).  The caller has called AcceptInvalidationMessages()
 * for this statement.
 */
static const CompiledSchedule *
schedule_for_statement(Oid namespace, Snapshot snapshot,
					   MemoryContext private_parent, MemoryContext *private_cxt)
{
	CachedSchedule *entry = cache_entry(namespace);
	Oid			known[OW_SCHEDULE_TABLES];
	bool		tables_new;
	bool		snapshot_was_null;
	MemoryContext cxt;
	CompiledSchedule *schedule;

	*private_cxt = NULL;
	last_read_placement = false;
	if (entry->schedule != NULL && entry->generation == ow_schedule_generation)
		return entry->schedule;
	if (snapshot == NULL && statement_placement_schedule(namespace) != NULL)
	{
		last_read_placement = true;
		return entry->placement_schedule;
	}

	/*
	 * The tables' OIDs first, so that an invalidation arriving while they
	 * are read (table_open may accept invalidations) is recognised.  One
	 * that arrived earlier in the transaction, while the entry did not know
	 * them, went unrecognised: see (d).
	 */
	memcpy(known, entry->relids, sizeof(known));
	ow_schedule_table_oids(namespace, entry->relids);
	tables_new = memcmp(known, entry->relids, sizeof(known)) != 0;
	snapshot_was_null = snapshot == NULL;
	if (snapshot == NULL)
		snapshot = ActiveSnapshotSet() ? GetActiveSnapshot() : GetTransactionSnapshot();

	/* built under the caller's memory, so that an error frees it */
	cxt = AllocSetContextCreate(CurrentMemoryContext, "outage_window schedule",
								ALLOCSET_SMALL_SIZES);
	ow_citus_placement_read = false;
	schedule = ow_schedule_compile(namespace, snapshot, cxt);

	/*
	 * Writes to a Citus placement invalidate the placement, not the tables
	 * whose invalidations are watched above: a schedule read from one
	 * serves only this statement.  Read with the statement's pinned
	 * snapshot, it serves every call site of the statement (a shard query
	 * over time partitions has one a partition); the one it replaces
	 * belongs to an earlier statement or generation, whose call sites
	 * validate again before they use it.
	 */
	last_read_placement = ow_citus_placement_read;
	if (ow_citus_placement_read && snapshot_was_null &&
		pinned != NULL && ActiveSnapshotSet() && GetActiveSnapshot() == pinned)
	{
		if (entry->placement_cxt != NULL)
			MemoryContextDelete(entry->placement_cxt);
		MemoryContextSetParent(cxt, CacheMemoryContext);
		entry->placement_cxt = cxt;
		entry->placement_schedule = schedule;
		entry->placement_marks = ow_statement_marks;
		entry->placement_generation = ow_schedule_generation;
		return schedule;
	}
	if (((invalidated_in_transaction ||
		  (tables_new && any_invalidated_in_transaction)) &&
		 !IsolationUsesXactSnapshot()) ||
		ow_citus_placement_read)
	{
		MemoryContextSetParent(cxt, private_parent);
		*private_cxt = cxt;
		return schedule;
	}
	retire(entry);
	MemoryContextSetParent(cxt, CacheMemoryContext);
	entry->cxt = cxt;
	entry->schedule = schedule;
	entry->generation = ow_schedule_generation;
	entry->scope = IsolationUsesXactSnapshot() ? SCOPE_TRANSACTION : SCOPE_BACKEND;
	return schedule;
}

/* Whether ow_schedule_current() last answered from a Citus placement. */
static bool current_from_placement = false;

const CompiledSchedule *
ow_schedule_current(Oid namespace, Snapshot snapshot,
					MemoryContext private_parent, MemoryContext *private_cxt)
{
	const CompiledSchedule *schedule;

	current_from_placement = false;

	/*
	 * The planner asks for the statement's schedule once per call and per
	 * partition: pinned, the statement's snapshot lets a schedule read from
	 * a placement serve all of them, and the call sites that run it.
	 */
	if (snapshot == NULL && ActiveSnapshotSet())
		pin(GetActiveSnapshot());
	AcceptInvalidationMessages();
	schedule = schedule_for_statement(namespace, snapshot, private_parent,
									  private_cxt);
	current_from_placement = last_read_placement;
	return schedule;
}

bool
ow_schedule_current_from_placement(void)
{
	return current_from_placement;
}

const CompiledSchedule *
ow_schedule_refresh(ScheduleRef *ref, FunctionCallInfo fcinfo)
{
	Snapshot	active = ActiveSnapshotSet() ? GetActiveSnapshot() : NULL;
	MemoryContext private_cxt;

	if (!OidIsValid(ref->namespace))
		ref->namespace = get_func_namespace(fcinfo->flinfo->fn_oid);
	if (ref->own != NULL)
	{
		MemoryContextDelete(ref->own);
		ref->own = NULL;
	}
	ref->schedule = NULL;

	if (active != NULL)
		pin(active);
	AcceptInvalidationMessages();
	ref->schedule = schedule_for_statement(ref->namespace, NULL,
										   fcinfo->flinfo->fn_mcxt, &private_cxt);
	ref->own = private_cxt;
	ref->generation = ow_schedule_generation;
	ref->marks = ow_statement_marks;
	ref->snapshot = active;
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
