/*-------------------------------------------------------------------------
 *
 * schedule_citus.h
 *	  Which relation holds this node's copy of a schedule table on Citus.
 *
 * On a Citus cluster the schedule is edited on the coordinator.  The one
 * copy every node can trust is a Citus reference table: Citus writes each
 * change to a placement on every node in the same distributed transaction.
 * On a node the rows of a reference table live in its placement, a
 * relation named <table>_<shardid>; the table of the same name holds what
 * was there before it was distributed (on a worker, the seeds of its own
 * CREATE EXTENSION).  schedule.c asks here which relation to read, and
 * this module refuses when this node has no trustworthy copy.
 *
 * Citus is found through its catalogs (pg_dist_*), never linked against:
 * the extension works the same without Citus.
 *
 *-------------------------------------------------------------------------
 */
#ifndef OW_SCHEDULE_CITUS_H
#define OW_SCHEDULE_CITUS_H

#include "utils/snapshot.h"

#include "pg_compat.h"

/*
 * The relation to read for the extension's table relid (named relname):
 * relid itself where Citus is not installed, or where this node is the
 * coordinator and the table is not distributed; the local placement of a
 * reference table otherwise.  Raises an error (with a hint naming what
 * works) when this node's copy is not the schedule: a worker's undistributed
 * copy, a table distributed other than as a reference table, a reference
 * table without a placement here, or a placement with a change in progress
 * (which some of a query's shard queries would see and others not).
 */
extern Oid	ow_citus_schedule_relation(Oid relid, const char *relname,
									   Snapshot snapshot);

/*
 * Whether this node's copy of the table can be read: false where
 * ow_citus_schedule_relation() would raise.  Never raises for those reasons.
 */
extern bool ow_citus_schedule_trusted(Oid relid, const char *relname,
									  Snapshot snapshot);

/*
 * Set when ow_citus_schedule_relation() has returned a placement; the
 * schedule cache clears it before it reads the tables.
 */
extern bool ow_citus_placement_read;

#endif							/* OW_SCHEDULE_CITUS_H */
