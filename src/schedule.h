/*-------------------------------------------------------------------------
 *
 * schedule.h
 *	  A compiled, read-only view of outage_schedule and prefecture_area.
 *
 * This is the only module that reads the extension's tables.  It reads them
 * into an outage_calendar (calendar.h) - the same value
 * current_outage_calendar() returns - and compiles that for the lookups of
 * compiled_schedule.h, so that the two- and three-argument eligibility
 * functions share one path from windows to answers.
 *
 *-------------------------------------------------------------------------
 */
#ifndef OW_SCHEDULE_H
#define OW_SCHEDULE_H

#include "fmgr.h"
#include "datatype/timestamp.h"
#include "storage/proc.h"
#include "utils/snapmgr.h"
#include "utils/snapshot.h"

#include "pg_compat.h"

#include "calendar.h"
#include "compiled_schedule.h"

/*
 * Where a caller keeps its compiled schedule between calls, normally in
 * fn_extra.  The schedule is rebuilt only when the caller's snapshot could
 * see different rows, so one statement always sees one schedule and the
 * next statement (even in the same transaction, even in a PL/pgSQL loop
 * whose expression state outlives its statements) sees the latest changes.
 */
typedef struct ScheduleRef
{
	MemoryContext cxt;			/* owns schedule and the copies below */
	const CompiledSchedule *schedule;
	/* everything that decides what the snapshot read with could see */
	LocalTransactionId lxid;
	uint64		aborts;			/* (sub)transaction aborts seen so far */
	CommandId	curcid;
	TransactionId xmin;
	TransactionId xmax;
	uint32		xcnt;
	TransactionId *xip;
	int32		subxcnt;
	bool		suboverflowed;
	TransactionId *subxip;
} ScheduleRef;

/* Register the abort callbacks the cache relies on; from _PG_init. */
extern void ow_schedule_init(void);

/* (Sub)transaction aborts in this backend so far; see schedule.c. */
extern uint64 ow_transaction_aborts;

/*
 * The slow path of ow_schedule_get(), which has found the cached schedule
 * missing or read under a different active snapshot: read the tables again.
 * With no active snapshot, the transaction snapshot is compared first, and
 * the tables are read again only if it could see different rows.
 */
extern const CompiledSchedule *ow_schedule_refresh(ScheduleRef *ref,
												   FunctionCallInfo fcinfo);

static inline bool
ow_same_xids(const TransactionId *a, const TransactionId *b, int n)
{
	for (int i = 0; i < n; i++)
		if (a[i] != b[i])
			return false;
	return true;
}

/*
 * Whether a snapshot sees exactly the rows the cached schedule was read
 * with.  Its contents are compared, never its address: the active snapshot
 * is usually a copy, freed and reallocated at the same address from one
 * statement to the next, and copies carry no completion counter.  The
 * fields most likely to differ go first; the lists of in-progress
 * transactions are usually empty.
 */
static inline bool
ow_snapshot_sees_same(const ScheduleRef *ref, Snapshot snapshot)
{
	return ref->curcid == snapshot->curcid &&
		ref->xmax == snapshot->xmax &&
		ref->xmin == snapshot->xmin &&
		ref->xcnt == snapshot->xcnt &&
		ref->subxcnt == snapshot->subxcnt &&
		ref->lxid == ow_my_lxid() &&
		ref->aborts == ow_transaction_aborts &&
		ref->suboverflowed == snapshot->suboverflowed &&
		ow_same_xids(ref->xip, snapshot->xip, (int) snapshot->xcnt) &&
		ow_same_xids(ref->subxip, snapshot->subxip, Max(snapshot->subxcnt, 0));
}

/*
 * The schedule as the current statement sees it.  fcinfo is the calling
 * SQL function's: its schema locates the tables, never the search_path.
 * This runs once per row, so the check that the cached schedule still
 * holds is inline (apart from the server's two calls that find the active
 * snapshot) and the reading is not.
 */
static inline const CompiledSchedule *
ow_schedule_get(ScheduleRef *ref, FunctionCallInfo fcinfo)
{
	if (likely(ref->schedule != NULL) && likely(ActiveSnapshotSet()) &&
		likely(ow_snapshot_sees_same(ref, GetActiveSnapshot())))
		return ref->schedule;
	return ow_schedule_refresh(ref, fcinfo);
}

/* The tables as a snapshot sees them, as a calendar (palloc'd). */
extern OutageCalendar *ow_schedule_calendar(Oid namespace, Snapshot snapshot);

/* Compile the tables as a snapshot sees them, into memory of target. */
extern CompiledSchedule *ow_schedule_compile(Oid namespace, Snapshot snapshot,
											 MemoryContext target);

#endif							/* OW_SCHEDULE_H */
