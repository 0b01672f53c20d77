/*-------------------------------------------------------------------------
 *
 * schedule_citus.c
 *	  This node's copy of a schedule table on a Citus cluster.
 *
 * Citus's metadata lives in pg_catalog tables (pg_dist_partition,
 * pg_dist_shard, pg_dist_placement, pg_dist_local_group) that are read here
 * under the caller's snapshot, so that one statement sees one placement
 * and one set of rows; the extension is not linked against Citus and does
 * nothing of this where those tables do not exist.
 *
 * A placement is read with a plain heap scan, like the table it stands
 * for, not through Citus's executor: the eligibility functions run inside
 * the shard queries Citus sends to the workers, where a distributed query
 * of their own would be refused ("cannot execute a distributed query from
 * a query on a shard").  Citus writes every change of a reference table to
 * all its placements in one distributed transaction, so a committed edit
 * on the coordinator is in every node's placement.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "access/genam.h"
#include "access/heapam.h"
#include "access/htup_details.h"
#include "access/skey.h"
#include "access/stratnum.h"
#include "access/table.h"
#include "access/xact.h"
#include "catalog/namespace.h"
#include "catalog/pg_namespace.h"
#include "storage/procarray.h"
#include "utils/builtins.h"
#include "utils/fmgroids.h"
#include "utils/lsyscache.h"
#include "utils/rel.h"
#include "utils/snapmgr.h"

#include "pg_compat.h"
#include "schedule_citus.h"

/* Citus's group id of the coordinator (pg_dist_local_group.groupid) */
#define CITUS_COORDINATOR_GROUP 0
/* pg_dist_partition.partmethod and repmodel of a reference table */
#define CITUS_DISTRIBUTE_BY_NONE 'n'
#define CITUS_REPLICATION_TWOPC 't'

bool		ow_citus_placement_read = false;

/* A Citus catalog table in pg_catalog, or InvalidOid without Citus. */
static Oid
citus_catalog(const char *name)
{
	return get_relname_relid(name, PG_CATALOG_NAMESPACE);
}

static AttrNumber
catalog_column(Relation rel, const char *attname)
{
	AttrNumber	attnum = get_attnum(RelationGetRelid(rel), attname);

	if (attnum <= 0)
		elog(ERROR, "column \"%s\" of Citus catalog \"%s\" does not exist",
			 attname, RelationGetRelationName(rel));
	return attnum;
}

/*
 * The first row of a Citus catalog whose column keycol equals key (compared
 * with the equality function eqproc), as a copy, or NULL; rel stays open.
 */
static HeapTuple
catalog_row(Relation rel, const char *keycol, RegProcedure eqproc, Datum key,
			Snapshot snapshot)
{
	ScanKeyData skey;
	SysScanDesc scan;
	HeapTuple	tuple;
	HeapTuple	copy = NULL;

	ScanKeyInit(&skey, catalog_column(rel, keycol), BTEqualStrategyNumber,
				eqproc, key);
	scan = systable_beginscan(rel, InvalidOid, false, snapshot, 1, &skey);
	if (HeapTupleIsValid(tuple = systable_getnext(scan)))
		copy = heap_copytuple(tuple);
	systable_endscan(scan);
	return copy;
}

static Datum
row_value(Relation rel, HeapTuple tuple, const char *attname)
{
	bool		isnull;
	Datum		value = heap_getattr(tuple, catalog_column(rel, attname),
									 RelationGetDescr(rel), &isnull);

	if (isnull)
		elog(ERROR, "column \"%s\" of Citus catalog \"%s\" is null",
			 attname, RelationGetRelationName(rel));
	return value;
}

/* This node's Citus group: 0 on the coordinator (and on a lone node). */
static int32
local_group(Snapshot snapshot)
{
	Oid			relid = citus_catalog("pg_dist_local_group");
	Relation	rel;
	SysScanDesc scan;
	HeapTuple	tuple;
	int32		group = CITUS_COORDINATOR_GROUP;

	if (!OidIsValid(relid))
		return group;
	rel = table_open(relid, AccessShareLock);
	scan = systable_beginscan(rel, InvalidOid, false, snapshot, 0, NULL);
	if (HeapTupleIsValid(tuple = systable_getnext(scan)))
		group = DatumGetInt32(row_value(rel, tuple, "groupid"));
	systable_endscan(scan);
	table_close(rel, AccessShareLock);
	return group;
}

/* Whether placement shardid is on group (pg_dist_placement). */
static bool
has_placement(int64 shardid, int32 group, Snapshot snapshot)
{
	Relation	rel = table_open(citus_catalog("pg_dist_placement"), AccessShareLock);
	ScanKeyData skey;
	SysScanDesc scan;
	HeapTuple	tuple;
	bool		found = false;

	ScanKeyInit(&skey, catalog_column(rel, "shardid"), BTEqualStrategyNumber,
				F_INT8EQ, Int64GetDatum(shardid));
	scan = systable_beginscan(rel, InvalidOid, false, snapshot, 1, &skey);
	while (!found && HeapTupleIsValid(tuple = systable_getnext(scan)))
		found = DatumGetInt32(row_value(rel, tuple, "groupid")) == group;
	systable_endscan(scan);
	table_close(rel, AccessShareLock);
	return found;
}

static bool
in_progress_elsewhere(TransactionId xid)
{
	return TransactionIdIsNormal(xid) && !TransactionIdIsCurrentTransactionId(xid) &&
		TransactionIdIsInProgress(xid);
}

/*
 * Whether a placement has a change not yet committed by another backend.
 * Citus writes a reference table through one connection per node, and a
 * later query of the same distributed transaction may run its shard
 * queries on other connections, which do not see that change: some shards
 * would be answered with it and some without, where a single node would
 * answer all with it.  Each tuple's inserting and deleting transaction is
 * looked at (the placement holds a few rows); a change in progress, ours
 * or another session's, cannot be told apart here, so both are refused.
 */
static bool
placement_unsettled(Oid placement)
{
	Relation	rel = table_open(placement, AccessShareLock);
	TableScanDesc scan = table_beginscan(rel, SnapshotAny, 0, NULL);
	HeapTuple	tuple;
	bool		unsettled = false;

	while (!unsettled &&
		   (tuple = heap_getnext(scan, ForwardScanDirection)) != NULL)
	{
		HeapTupleHeader h = tuple->t_data;

		unsettled = in_progress_elsewhere(HeapTupleHeaderGetXmin(h)) ||
			(!(h->t_infomask & HEAP_XMAX_INVALID) &&
			 !HEAP_XMAX_IS_LOCKED_ONLY(h->t_infomask) &&
			 in_progress_elsewhere(HeapTupleHeaderGetUpdateXid(h)));
	}
	table_endscan(scan);
	table_close(rel, NoLock);
	return unsettled;
}

/*
 * ow_citus_schedule_relation()'s answer; with raise false, InvalidOid
 * where it would raise (for the planner, which must not fail where the
 * call it plans would not run).
 */
static Oid
locate(Oid relid, const char *relname, Snapshot snapshot, bool raise)
{
	Oid			partition_relid = citus_catalog("pg_dist_partition");
	Relation	rel;
	HeapTuple	tuple;
	char		partmethod = 0;
	char		repmodel = 0;
	int32		group;
	int64		shardid;
	char	   *placement_name;
	Oid			placement;

	if (!OidIsValid(partition_relid) || !OidIsValid(citus_catalog("pg_dist_shard")) ||
		!OidIsValid(citus_catalog("pg_dist_placement")))
		return relid;

	rel = table_open(partition_relid, AccessShareLock);
	tuple = catalog_row(rel, "logicalrelid", F_OIDEQ, ObjectIdGetDatum(relid),
						snapshot);
	if (tuple != NULL)
	{
		partmethod = DatumGetChar(row_value(rel, tuple, "partmethod"));
		repmodel = DatumGetChar(row_value(rel, tuple, "repmodel"));
	}
	table_close(rel, AccessShareLock);
	group = local_group(snapshot);

	if (tuple == NULL)
	{
		/* the coordinator's own table is the one users edit */
		if (group == CITUS_COORDINATOR_GROUP)
			return relid;
		if (!raise)
			return InvalidOid;
		ereport(ERROR,
				(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				 errmsg("table \"%s\" of extension outage_window is not replicated to this Citus worker",
						relname),
				 errdetail("The schedule is edited on the coordinator; this node's copy holds what its own CREATE EXTENSION put there, and an answer from it could silently differ from the coordinator's."),
				 errhint("On the coordinator, make the schedule tables Citus reference tables (see the README, \"Scaling out with Citus\"). Until then, start reports on the coordinator, over all shards, with the calendar given as a value: is_eligibility_affected(prefecture, visit_at, (SELECT current_outage_calendar())).")));
	}

	if (partmethod != CITUS_DISTRIBUTE_BY_NONE || repmodel != CITUS_REPLICATION_TWOPC)
	{
		if (!raise)
			return InvalidOid;
		ereport(ERROR,
				(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				 errmsg("table \"%s\" of extension outage_window is distributed by Citus but is not a reference table",
						relname),
				 errdetail("Every node needs the whole schedule; a distributed or Citus-local table leaves some nodes without it."),
				 errhint("On the coordinator, run SELECT undistribute_table('%s'); then SET citus.enable_unsafe_triggers = on; SELECT create_reference_table('%s');",
						 quote_qualified_identifier(get_namespace_name(get_rel_namespace(relid)), relname),
						 quote_qualified_identifier(get_namespace_name(get_rel_namespace(relid)), relname))));
	}

	rel = table_open(citus_catalog("pg_dist_shard"), AccessShareLock);
	tuple = catalog_row(rel, "logicalrelid", F_OIDEQ, ObjectIdGetDatum(relid),
						snapshot);
	if (tuple == NULL)
	{
		table_close(rel, AccessShareLock);
		if (!raise)
			return InvalidOid;
		elog(ERROR, "Citus reference table \"%s\" has no shard", relname);
	}
	shardid = DatumGetInt64(row_value(rel, tuple, "shardid"));
	table_close(rel, AccessShareLock);

	/* Citus's own spelling of a shard's name, <table>_<shardid> */
	placement_name = psprintf("%s_" INT64_FORMAT, relname, shardid);
	placement = has_placement(shardid, group, snapshot) ?
		get_relname_relid(placement_name, get_rel_namespace(relid)) : InvalidOid;
	if (!OidIsValid(placement))
	{
		if (!raise)
			return InvalidOid;
		ereport(ERROR,
				(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				 errmsg("reference table \"%s\" of extension outage_window has no placement on this node",
						relname),
				 errdetail("The table \"%s\" of the same name on this node is not what Citus keeps up to date.",
						   relname),
				 errhint("On the coordinator, add it to the cluster's metadata (SELECT citus_set_coordinator_host(...)) and run SELECT replicate_reference_tables();")));
	}
	if (placement_unsettled(placement))
	{
		if (!raise)
			return InvalidOid;
		ereport(ERROR,
				(errcode(ERRCODE_OBJECT_IN_USE),
				 errmsg("table \"%s\" of extension outage_window has a change in progress on this Citus node",
						relname),
				 errdetail("Citus writes the change to each node through one connection; a query's shard queries on other connections would not see it, and would answer with another schedule than the rest."),
				 errhint("Commit the change to the schedule before the report, and run the report in a transaction of its own (or again once the other transaction has ended).")));
	}
	return placement;
}

Oid
ow_citus_schedule_relation(Oid relid, const char *relname, Snapshot snapshot)
{
	Oid			placement = locate(relid, relname, snapshot, true);

	if (placement != relid)
		ow_citus_placement_read = true;
	return placement;
}

bool
ow_citus_schedule_trusted(Oid relid, const char *relname, Snapshot snapshot)
{
	return OidIsValid(locate(relid, relname, snapshot, false));
}
