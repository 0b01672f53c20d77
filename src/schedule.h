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
#include "utils/snapshot.h"

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

/*
 * The schedule as the current statement sees it.  fcinfo is the calling
 * SQL function's: its schema locates the tables, never the search_path.
 */
extern const CompiledSchedule *ow_schedule_get(ScheduleRef *ref,
											   FunctionCallInfo fcinfo);

/* The tables as a snapshot sees them, as a calendar (palloc'd). */
extern OutageCalendar *ow_schedule_calendar(Oid namespace, Snapshot snapshot);

/* Compile the tables as a snapshot sees them, into memory of target. */
extern CompiledSchedule *ow_schedule_compile(Oid namespace, Snapshot snapshot,
											 MemoryContext target);

#endif							/* OW_SCHEDULE_H */
