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
 * checking that the user may read them, as a SELECT would.
 *
 * Compiling resolves overlaps once: a sweep over each prefecture's window
 * boundaries keeps, for every elementary interval, the most severe kind that
 * covers it, and merges neighbours of equal kind.  A lookup then never has
 * to consider two windows.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "access/table.h"
#include "access/tableam.h"
#include "catalog/pg_type.h"
#include "executor/tuptable.h"
#include "miscadmin.h"
#include "storage/proc.h"
#include "utils/acl.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/rel.h"
#include "utils/snapmgr.h"

#include "schedule.h"

#define AREA_TABLE "prefecture_area"
#define SCHEDULE_TABLE "outage_schedule"

/* One row of outage_schedule, as the compiler needs it. */
typedef struct ScheduleRow
{
	text	   *area;			/* NULL: nationwide */
	OutageWindow period;
} ScheduleRow;

/* A window boundary: at time, a window of kind starts (+1) or ends (-1). */
typedef struct Boundary
{
	TimestampTz time;
	int32		kind;
	int32		delta;
} Boundary;

static int
boundary_cmp(const void *a, const void *b)
{
	TimestampTz ta = ((const Boundary *) a)->time;
	TimestampTz tb = ((const Boundary *) b)->time;

	return (ta > tb) - (ta < tb);
}

static bool
area_equal(const text *a, const text *b)
{
	return VARSIZE_ANY_EXHDR(a) == VARSIZE_ANY_EXHDR(b) &&
		memcmp(VARDATA_ANY(a), VARDATA_ANY(b), VARSIZE_ANY_EXHDR(a)) == 0;
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
				 errhint("Reinstall the extension with DROP EXTENSION and CREATE EXTENSION.")));

	aclresult = pg_class_aclcheck(relid, GetUserId(), ACL_SELECT);
	if (aclresult != ACLCHECK_OK)
		aclcheck_error(aclresult, OBJECT_TABLE, relname);

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
				 errhint("Reinstall the extension with DROP EXTENSION and CREATE EXTENSION.")));
	att = TupleDescAttr(RelationGetDescr(rel), attnum - 1);
	if ((OidIsValid(typid) && att->atttypid != typid) || att->attlen != typlen)
		ereport(ERROR,
				(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				 errmsg("column \"%s\" of table \"%s\" has an unexpected type",
						attname, RelationGetRelationName(rel)),
				 errhint("Reinstall the extension with DROP EXTENSION and CREATE EXTENSION.")));
	return attnum;
}

/* area_of[p] := prefecture p's area (NULL when it has no row). */
static void
read_areas(Oid namespace, Snapshot snapshot, text *area_of[PREFECTURE_MAX + 1])
{
	Relation	rel = open_extension_table(namespace, AREA_TABLE);
	AttrNumber	pref_att = table_column(rel, "prefecture", InvalidOid,
										sizeof(Prefecture));
	AttrNumber	area_att = table_column(rel, "area", TEXTOID, -1);
	TupleTableSlot *slot = table_slot_create(rel, NULL);
	TableScanDesc scan = table_beginscan(rel, snapshot, 0, NULL);

	memset(area_of, 0, sizeof(text *) * (PREFECTURE_MAX + 1));
	while (table_scan_getnextslot(scan, ForwardScanDirection, slot))
	{
		bool		pref_null;
		bool		area_null;
		Datum		pref = slot_getattr(slot, pref_att, &pref_null);
		Datum		area = slot_getattr(slot, area_att, &area_null);
		Prefecture	p = DatumGetPrefecture(pref);

		if (!pref_null && !area_null && PREFECTURE_IS_VALID(p))
			area_of[p] = DatumGetTextPCopy(area);
	}
	table_endscan(scan);
	ExecDropSingleTupleTableSlot(slot);
	table_close(rel, NoLock);
}

static ScheduleRow *
read_windows(Oid namespace, Snapshot snapshot, int *nrows)
{
	Relation	rel = open_extension_table(namespace, SCHEDULE_TABLE);
	AttrNumber	area_att = table_column(rel, "area", TEXTOID, -1);
	AttrNumber	period_att = table_column(rel, "period", InvalidOid,
										  sizeof(OutageWindow));
	TupleTableSlot *slot = table_slot_create(rel, NULL);
	TableScanDesc scan = table_beginscan(rel, snapshot, 0, NULL);
	int			capacity = 16;
	int			n = 0;
	ScheduleRow *rows = palloc(sizeof(ScheduleRow) * capacity);

	while (table_scan_getnextslot(scan, ForwardScanDirection, slot))
	{
		bool		area_null;
		bool		period_null;
		Datum		area = slot_getattr(slot, area_att, &area_null);
		Datum		period = slot_getattr(slot, period_att, &period_null);

		if (period_null)
			continue;
		if (n == capacity)
		{
			capacity *= 2;
			rows = repalloc(rows, sizeof(ScheduleRow) * capacity);
		}
		rows[n].area = area_null ? NULL : DatumGetTextPCopy(area);
		rows[n].period = *DatumGetOutageWindowP(period);
		n++;
	}
	table_endscan(scan);
	ExecDropSingleTupleTableSlot(slot);
	table_close(rel, NoLock);

	*nrows = n;
	return rows;
}

/*
 * Sweep the windows that apply to one area (area NULL: a prefecture with no
 * area, which only nationwide windows reach) and append its segments to
 * out[*nout ..].  out has room for two segments per window.
 */
static void
compile_area(const text *area, const ScheduleRow *rows, int nrows,
			 Boundary *boundaries, ScheduleSegment *out, int *nout)
{
	int			nb = 0;
	int			active[OUTAGE_KIND_MAX + 1] = {0};
	int32		current = OW_IMPACT_NONE;
	TimestampTz start = 0;

	for (int i = 0; i < nrows; i++)
	{
		if (rows[i].area != NULL &&
			(area == NULL || !area_equal(rows[i].area, area)))
			continue;
		boundaries[nb].time = rows[i].period.lower;
		boundaries[nb].kind = rows[i].period.kind;
		boundaries[nb++].delta = 1;
		boundaries[nb].time = rows[i].period.upper;
		boundaries[nb].kind = rows[i].period.kind;
		boundaries[nb++].delta = -1;
	}
	qsort(boundaries, nb, sizeof(Boundary), boundary_cmp);

	for (int i = 0; i < nb;)
	{
		TimestampTz t = boundaries[i].time;
		int32		next = OW_IMPACT_NONE;

		/* apply every boundary at t before looking at the result */
		for (; i < nb && boundaries[i].time == t; i++)
			active[boundaries[i].kind] += boundaries[i].delta;
		for (int k = OUTAGE_KIND_MAX; k >= OUTAGE_KIND_MIN; k--)
		{
			if (active[k] > 0)
			{
				next = k;
				break;
			}
		}
		if (next == current)
			continue;
		if (current != OW_IMPACT_NONE)
		{
			out[*nout].lower = start;
			out[*nout].upper = t;
			out[*nout].kind = current;
			(*nout)++;
		}
		current = next;
		start = t;
	}
}

CompiledSchedule *
ow_schedule_compile(Oid namespace, Snapshot snapshot, MemoryContext target)
{
	MemoryContext work = AllocSetContextCreate(CurrentMemoryContext,
											   "outage_window schedule build",
											   ALLOCSET_SMALL_SIZES);
	MemoryContext old = MemoryContextSwitchTo(work);
	text	   *area_of[PREFECTURE_MAX + 1];
	ScheduleRow *rows;
	int			nrows;
	Boundary   *boundaries;
	ScheduleSegment *segments;
	int			nsegments = 0;
	int			first[PREFECTURE_MAX + 2];
	CompiledSchedule *schedule;

	read_areas(namespace, snapshot, area_of);
	rows = read_windows(namespace, snapshot, &nrows);

	boundaries = palloc(sizeof(Boundary) * (2 * nrows + 1));
	segments = palloc(sizeof(ScheduleSegment) *
					  ((Size) PREFECTURE_MAX * (2 * nrows + 1)));

	first[0] = first[1] = 0;
	for (int p = PREFECTURE_MIN; p <= PREFECTURE_MAX; p++)
	{
		int			same = 0;

		/* prefectures of one area share segments: compile each area once */
		for (int q = PREFECTURE_MIN; q < p && same == 0; q++)
		{
			if ((area_of[p] == NULL && area_of[q] == NULL) ||
				(area_of[p] != NULL && area_of[q] != NULL &&
				 area_equal(area_of[p], area_of[q])))
				same = q;
		}
		if (same != 0)
		{
			for (int i = first[same]; i < first[same + 1]; i++)
				segments[nsegments++] = segments[i];
		}
		else
			compile_area(area_of[p], rows, nrows, boundaries,
						 segments, &nsegments);
		first[p + 1] = nsegments;
	}

	MemoryContextSwitchTo(target);
	schedule = palloc(offsetof(CompiledSchedule, segments) +
					  sizeof(ScheduleSegment) * Max(nsegments, 1));
	memcpy(schedule->first, first, sizeof(first));
	schedule->nsegments = nsegments;
	memcpy(schedule->segments, segments, sizeof(ScheduleSegment) * nsegments);

	/* an empty hull (lower > upper) rejects every time */
	schedule->hull_lower = DT_NOEND;
	schedule->hull_upper = DT_NOBEGIN;
	for (int p = 0; p <= PREFECTURE_MAX; p++)
	{
		schedule->affected_lower[p] = DT_NOEND;
		schedule->affected_upper[p] = DT_NOBEGIN;
	}
	for (int p = PREFECTURE_MIN; p <= PREFECTURE_MAX; p++)
	{
		for (int i = first[p]; i < first[p + 1]; i++)
		{
			const ScheduleSegment *seg = &segments[i];

			schedule->hull_lower = Min(schedule->hull_lower, seg->lower);
			schedule->hull_upper = Max(schedule->hull_upper, seg->upper);
			if (seg->kind < OUTAGE_KIND_INTERMITTENT)
				continue;
			schedule->affected_lower[p] = Min(schedule->affected_lower[p], seg->lower);
			schedule->affected_upper[p] = Max(schedule->affected_upper[p], seg->upper);
		}
		schedule->affected_lower[0] = Min(schedule->affected_lower[0],
										  schedule->affected_lower[p]);
		schedule->affected_upper[0] = Max(schedule->affected_upper[0],
										  schedule->affected_upper[p]);
	}

	MemoryContextSwitchTo(old);
	MemoryContextDelete(work);
	return schedule;
}

static bool
snapshot_sees_same(const ScheduleRef *ref, Snapshot snapshot)
{
	/*
	 * Two snapshots of one transaction with the same bounds, command id and
	 * count of completed transactions see exactly the same rows.  Restored
	 * snapshots (parallel workers) carry no count; there only the very same
	 * snapshot is trusted, which is what a worker uses for its whole run.
	 */
	return ref->lxid == MyProc->lxid &&
		ref->curcid == snapshot->curcid &&
		ref->xmin == snapshot->xmin &&
		ref->xmax == snapshot->xmax &&
		ref->completion_count == snapshot->snapXactCompletionCount &&
		(snapshot->snapXactCompletionCount != 0 || ref->snapshot == snapshot);
}

const CompiledSchedule *
ow_schedule_get(ScheduleRef *ref, FunctionCallInfo fcinfo)
{
	Snapshot	snapshot;
	Oid			namespace;

	if (ActiveSnapshotSet())
	{
		snapshot = GetActiveSnapshot();
		if (ref->schedule != NULL && snapshot_sees_same(ref, snapshot))
			return ref->schedule;
	}
	else
		snapshot = GetTransactionSnapshot();

	if (ref->cxt != NULL)
		MemoryContextDelete(ref->cxt);
	ref->schedule = NULL;
	ref->cxt = AllocSetContextCreate(fcinfo->flinfo->fn_mcxt,
									 "outage_window schedule",
									 ALLOCSET_SMALL_SIZES);

	namespace = get_func_namespace(fcinfo->flinfo->fn_oid);
	ref->schedule = ow_schedule_compile(namespace, snapshot, ref->cxt);
	ref->lxid = MyProc->lxid;
	ref->curcid = snapshot->curcid;
	ref->xmin = snapshot->xmin;
	ref->xmax = snapshot->xmax;
	ref->completion_count = snapshot->snapXactCompletionCount;
	ref->snapshot = snapshot;
	return ref->schedule;
}
