/*-------------------------------------------------------------------------
 *
 * eligibility_support.c
 *	  Planner support for is_eligibility_affected(): an index condition on
 *	  the visit time, a selectivity estimate and a cost.
 *
 * A call is true only inside the schedule's affected windows, so with a
 * btree index on the visit time the planner may scan just the span they
 * cover.  The index condition we hand back is lossy (the call itself stays
 * as a filter) and its bounds are calls of eligibility_affected_bound(),
 * STABLE functions the executor evaluates once when the index scan starts.
 * Bounds baked in as constants would go stale in a cached or prepared plan
 * as soon as someone edits the schedule.
 *
 * Btree conditions are ANDed, so the best one scan can do is the hull of
 * the affected windows (of the facility's prefecture, when the call names a
 * constant one).  Schedules with windows months apart make that hull wide;
 * README.md shows the join form for them.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "catalog/pg_am.h"
#include "catalog/pg_opclass.h"
#include "catalog/pg_proc.h"
#include "catalog/pg_type.h"
#include "commands/defrem.h"
#include "nodes/makefuncs.h"
#include "nodes/nodeFuncs.h"
#include "nodes/pathnodes.h"
#include "nodes/supportnodes.h"
#include "optimizer/cost.h"
#include "optimizer/optimizer.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/snapmgr.h"
#include "utils/timestamp.h"
#include "utils/syscache.h"

#include "japan_time.h"
#include "pg_compat.h"
#include "schedule.h"

/* Selectivity when nothing in the schedule affects eligibility. */
#define NOTHING_AFFECTED_SELECTIVITY 1.0e-6

/* A guess at compiling the schedule, in units of cpu_operator_cost. */
#define SCHEDULE_COMPILE_COST 200.0

/*
 * The OID of eligibility_affected_bound[_local](...) in the schema of the
 * function being planned, or InvalidOid.  The first argument is the
 * calendar of a three-argument call, else the facility's prefecture when
 * it narrows the bounds, else none.
 */
static Oid
bound_function(Oid funcid, bool local, Oid first_type)
{
	const char *name = local ? "eligibility_affected_bound_local"
		: "eligibility_affected_bound";
	Oid			argtypes[2];
	int			nargs = 0;

	if (OidIsValid(first_type))
		argtypes[nargs++] = first_type;
	argtypes[nargs++] = BOOLOID;
	return GetSysCacheOid3(PROCNAMEARGSNSP, Anum_pg_proc_oid,
						   CStringGetDatum(name),
						   PointerGetDatum(buildoidvector(argtypes, nargs)),
						   ObjectIdGetDatum(get_func_namespace(funcid)));
}

static Expr *
bound_call(Oid boundfunc, Oid timetype, Node *prefecture_arg, bool upper)
{
	List	   *args = NIL;

	if (prefecture_arg != NULL)
		args = lappend(args, copyObject(prefecture_arg));
	args = lappend(args, makeBoolConst(upper, false));
	return (Expr *) makeFuncExpr(boundfunc, timetype, args,
								 InvalidOid, InvalidOid,
								 COERCE_EXPLICIT_CALL);
}

static List *
index_condition(SupportRequestIndexCondition *req)
{
	FuncExpr   *call = (FuncExpr *) req->node;
	Node	   *prefecture_arg;
	Node	   *time_arg;
	Oid			timetype;
	Oid			prefecture_type = InvalidOid;
	Oid			ge_op;
	Oid			lt_op;
	Oid			boundfunc;

	/* only the visit time can drive an index, and only a btree one */
	if (!IsA(call, FuncExpr) ||
		(list_length(call->args) != 2 && list_length(call->args) != 3) ||
		req->indexarg != 1 || req->index->relam != BTREE_AM_OID)
		return NIL;

	prefecture_arg = linitial(call->args);
	time_arg = lsecond(call->args);
	timetype = exprType(time_arg);
	if (timetype != TIMESTAMPTZOID && timetype != TIMESTAMPOID)
		return NIL;

	ge_op = get_opfamily_member(req->opfamily, timetype, timetype,
								BTGreaterEqualStrategyNumber);
	lt_op = get_opfamily_member(req->opfamily, timetype, timetype,
								BTLessStrategyNumber);
	if (!OidIsValid(ge_op) || !OidIsValid(lt_op))
		return NIL;

	if (list_length(call->args) == 3)
	{
		/*
		 * The calendar gives the bounds; it must be known before the scan
		 * starts, as a constant or (SELECT current_outage_calendar()) is.
		 */
		Node	   *calendar_arg = lthird(call->args);

		if (!is_pseudo_constant_for_index(req->root, calendar_arg, req->index))
			return NIL;
		prefecture_arg = calendar_arg;
		prefecture_type = exprType(calendar_arg);
	}

	/*
	 * A facility prefecture known before the scan starts narrows the bounds
	 * to its own windows.  A text prefecture is left to the recheck: reading
	 * it could raise an error the plain call would raise later or never.
	 */
	else if (exprType(prefecture_arg) != TEXTOID &&
			 is_pseudo_constant_for_index(req->root, prefecture_arg, req->index))
		prefecture_type = exprType(prefecture_arg);
	else
		prefecture_arg = NULL;

	boundfunc = bound_function(call->funcid, timetype == TIMESTAMPOID,
							   prefecture_type);
	if (!OidIsValid(boundfunc) && list_length(call->args) == 2 &&
		prefecture_arg != NULL)
	{
		/* a facility: the bounds of every place hold its windows too */
		prefecture_arg = NULL;
		boundfunc = bound_function(call->funcid, timetype == TIMESTAMPOID,
								   InvalidOid);
	}
	if (!OidIsValid(boundfunc))
		return NIL;

	req->lossy = true;
	return list_make2(make_opclause(ge_op, BOOLOID, false,
									(Expr *) copyObject(time_arg),
									bound_call(boundfunc, timetype,
											   prefecture_arg, false),
									InvalidOid, InvalidOid),
					  make_opclause(lt_op, BOOLOID, false,
									(Expr *) copyObject(time_arg),
									bound_call(boundfunc, timetype,
											   prefecture_arg, true),
									InvalidOid, InvalidOid));
}

/* The btree operator "strategy" of a time type's default operator class. */
static Oid
time_operator(Oid timetype, int16 strategy)
{
	Oid			opclass = GetDefaultOpClass(timetype, BTREE_AM_OID);

	if (!OidIsValid(opclass))
		return InvalidOid;
	return get_opfamily_member(get_opclass_family(opclass), timetype,
							   timetype, strategy);
}

static double
span_seconds(TimestampTz lower, TimestampTz upper)
{
	return ((double) upper - (double) lower) / USECS_PER_SEC;
}

/*
 * Fraction of the visits a call keeps: the share of rows whose time falls in
 * the affected hull (from the column's statistics), times the share of the
 * hull that is really affected, averaged over the prefectures.
 */
static Selectivity
selectivity(SupportRequestSelectivity *req)
{
	Node	   *time_arg;
	Oid			timetype;
	const CompiledSchedule *schedule;
	TimestampTz lower;
	TimestampTz upper;
	Datum		lower_datum;
	Datum		upper_datum;
	Oid			ge_op;
	Oid			lt_op;
	Selectivity hull_share;
	double		affected_share = 1.0;

	if (list_length(req->args) != 2 && list_length(req->args) != 3)
		return -1;
	time_arg = lsecond(req->args);
	timetype = exprType(time_arg);
	if (timetype != TIMESTAMPTZOID && timetype != TIMESTAMPOID)
		return -1;

	/*
	 * A constant calendar is the schedule; otherwise (the tables, or a
	 * calendar computed at run time, usually from the tables) the tables as
	 * they are now are the best guess.
	 */
	if (list_length(req->args) == 3 && IsA(lthird(req->args), Const) &&
		!((Const *) lthird(req->args))->constisnull)
		schedule = ow_calendar_compile(DatumGetOutageCalendarP(((Const *) lthird(req->args))->constvalue),
									   CurrentMemoryContext);
	else
	{
		MemoryContext private_cxt;

		schedule = ow_schedule_current(get_func_namespace(req->funcid),
								CurrentMemoryContext, &private_cxt);
	}
	lower = schedule->affected_lower[0];
	upper = schedule->affected_upper[0];
	if (lower >= upper)
		return NOTHING_AFFECTED_SELECTIVITY;

	if (!TIMESTAMP_NOT_FINITE(lower) && !TIMESTAMP_NOT_FINITE(upper))
		affected_share = schedule->affected_seconds[0] /
			(span_seconds(lower, upper) * PREFECTURE_MAX);

	ge_op = time_operator(timetype, BTGreaterEqualStrategyNumber);
	lt_op = time_operator(timetype, BTLessStrategyNumber);
	if (!OidIsValid(ge_op) || !OidIsValid(lt_op))
		return -1;
	if (timetype == TIMESTAMPOID)
	{
		/* estimating must never fail: out-of-range bounds become infinite */
		lower_datum = TimestampGetDatum(ow_japan_local_bound(lower, false));
		upper_datum = TimestampGetDatum(ow_japan_local_bound(upper, true));
	}
	else
	{
		lower_datum = TimestampTzGetDatum(lower);
		upper_datum = TimestampTzGetDatum(upper);
	}

	hull_share = clauselist_selectivity(req->root,
										list_make2(make_opclause(ge_op, BOOLOID, false,
																 (Expr *) time_arg,
																 (Expr *) makeConst(timetype, -1, InvalidOid, 8,
																					lower_datum, false,
																					FLOAT8PASSBYVAL),
																 InvalidOid, InvalidOid),
												   make_opclause(lt_op, BOOLOID, false,
																 (Expr *) time_arg,
																 (Expr *) makeConst(timetype, -1, InvalidOid, 8,
																					upper_datum, false,
																					FLOAT8PASSBYVAL),
																 InvalidOid, InvalidOid)),
										req->varRelid, req->jointype, req->sjinfo);
	return Max(hull_share * Min(affected_share, 1.0),
			   NOTHING_AFFECTED_SELECTIVITY);
}

PG_FUNCTION_INFO_V1(is_eligibility_affected_support);
Datum
is_eligibility_affected_support(PG_FUNCTION_ARGS)
{
	Node	   *rawreq = (Node *) PG_GETARG_POINTER(0);

	if (IsA(rawreq, SupportRequestIndexCondition))
	{
		List	   *conditions = index_condition((SupportRequestIndexCondition *) rawreq);

		if (conditions != NIL)
			PG_RETURN_POINTER(conditions);
	}
	else if (IsA(rawreq, SupportRequestSelectivity))
	{
		SupportRequestSelectivity *req = (SupportRequestSelectivity *) rawreq;

		if (!req->is_join)
		{
			Selectivity s = selectivity(req);

			if (s >= 0)
			{
				req->selectivity = s;
				PG_RETURN_POINTER(req);
			}
		}
	}
	else if (IsA(rawreq, SupportRequestCost))
	{
		SupportRequestCost *req = (SupportRequestCost *) rawreq;

		/* a hull check and, rarely, a short binary search */
		req->startup = SCHEDULE_COMPILE_COST * cpu_operator_cost;
		req->per_tuple = cpu_operator_cost;
		PG_RETURN_POINTER(req);
	}
	PG_RETURN_POINTER(NULL);
}
