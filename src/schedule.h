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
#include "nodes/primnodes.h"
#include "datatype/timestamp.h"
#include "utils/snapmgr.h"
#include "utils/snapshot.h"

#include "pg_compat.h"

#include "calendar.h"
#include "compiled_schedule.h"

/*
 * The compiled schedule is kept once per backend (per extension schema) and
 * rebuilt only when PostgreSQL says the tables changed: their statement
 * triggers (schedule_triggers.c) send a relcache invalidation for their
 * table, which a relcache callback turns into a new generation.  See
 * schedule.c for why that is enough, and for the few cases where a schedule
 * may serve one statement only.
 */
extern PGDLLIMPORT uint64 ow_schedule_generation;

/*
 * Moves whenever the snapshot schedule.c pins changes or is let go (see
 * schedule.c, (b)): a call site that saw it unchanged may trust that the
 * active snapshot at the address it remembers is the one it validated.
 */
extern PGDLLIMPORT uint64 ow_statement_marks;

/*
 * Where a call site keeps the schedule it uses, normally in fn_extra.  The
 * schedule stays valid while the statement runs under the same active
 * snapshot (the pointer names the statement, it is never read) and no
 * invalidation of the tables arrived.  A schedule only this statement may
 * use (schedule.c explains when) lives in own, a child of the call site's
 * memory; shared ones belong to the backend's cache.
 */
typedef struct ScheduleRef
{
	const CompiledSchedule *schedule;
	uint64		generation;		/* ow_schedule_generation when validated */
	uint64		marks;			/* ow_statement_marks when validated */
	const void *snapshot;		/* the active snapshot it was validated for */
	Oid			namespace;		/* the extension's schema; 0 until known */
	MemoryContext own;			/* a statement-only schedule, or NULL */
} ScheduleRef;

/* Register the cache's callbacks and hook; from _PG_init. */
extern void ow_schedule_init(void);

/*
 * The slow path of ow_schedule_get(): a new statement, a new generation,
 * or no schedule yet.
 */
extern const CompiledSchedule *ow_schedule_refresh(ScheduleRef *ref,
												   FunctionCallInfo fcinfo);

/*
 * The schedule as the current statement sees it.  fcinfo is the calling
 * SQL function's: its schema locates the tables, never the search_path.
 * This runs once per row: three comparisons and the server's two calls
 * that find the active snapshot; everything else is out of line.
 */
static inline const CompiledSchedule *
ow_schedule_get(ScheduleRef *ref, FunctionCallInfo fcinfo)
{
	if (likely(ref->schedule != NULL) &&
		likely(ref->generation == ow_schedule_generation) &&
		likely(ref->marks == ow_statement_marks) &&
		likely(ActiveSnapshotSet()) &&
		likely((const void *) GetActiveSnapshot() == ref->snapshot))
		return ref->schedule;
	return ow_schedule_refresh(ref, fcinfo);
}

/*
 * The schedule of the tables in namespace as snapshot sees it (NULL: the
 * active snapshot), from the backend's cache, for callers with no call site
 * of their own (the planner support).  A schedule only this statement may
 * use is built in memory of private_parent, and *private_cxt is set to it
 * (else NULL).
 */
extern const CompiledSchedule *ow_schedule_current(Oid namespace,
												   Snapshot snapshot,
												   MemoryContext private_parent,
												   MemoryContext *private_cxt);

/*
 * The mark of a three-argument call whose calendar argument is an
 * uncorrelated scalar subquery, such as (SELECT current_outage_calendar()):
 * the planner support (eligibility_support.c) sets it, knowing that the
 * planner makes the subquery an initPlan, whose value keeps its address for
 * the whole execution, and the function then compares the calendar by its
 * address, not its bytes.  ruleutils prints a COERCE_SQL_SYNTAX call of a
 * function it does not know as an ordinary call, so EXPLAIN shows the call
 * as written.
 */
#define OW_PLANNED_CALL COERCE_SQL_SYNTAX

/*
 * Whether the schedule ow_schedule_current() last returned was read from
 * this node's Citus placement of the tables.  Writes to a placement send no
 * invalidation for the tables, so nothing read from one may outlive the
 * statement: the planner support then keeps no windows in a plan.
 */
extern bool ow_schedule_current_from_placement(void);

/* Whether the tables of namespace can be read by this user without error. */
extern bool ow_schedule_readable(Oid namespace);

/* The OIDs of the schedule's tables in namespace (InvalidOid: missing). */
#define OW_SCHEDULE_TABLES 4
extern void ow_schedule_table_oids(Oid namespace, Oid *relids);

/* The tables as a snapshot sees them, as a calendar (palloc'd). */
extern OutageCalendar *ow_schedule_calendar(Oid namespace, Snapshot snapshot);

/* Compile the tables as a snapshot sees them, into memory of target. */
extern CompiledSchedule *ow_schedule_compile(Oid namespace, Snapshot snapshot,
											 MemoryContext target);

#endif							/* OW_SCHEDULE_H */
