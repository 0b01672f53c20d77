/*-------------------------------------------------------------------------
 *
 * eligibility_support.c
 *	  Planner support for is_eligibility_affected(): an index condition on
 *	  the visit time, a selectivity estimate and a cost.
 *
 * A call is true only inside the schedule's affected windows.  When its
 * windows are known at plan time - the tables' (read through the core cache
 * of schedule.c) or a constant calendar's - the call is rewritten
 * (SupportRequestSimplify) into
 *
 *     (t >= a1 AND t < b1 OR t >= a2 AND t < b2 ...) AND call
 *
 * with the affected windows coalesced as literal ranges, narrowed to the
 * facility's slot when its prefecture (or code) is a constant, and (when
 * the facility may be NULL) "OR facility IS NULL", so that the answer stays
 * NULL where the call's is.  The call becomes
 * is_eligibility_affected_recheck(), the same C function, whose planner
 * support leaves it alone.  The planner then answers the ranges as it
 * answers hand-written SQL: a BitmapOr over a
 * btree or BRIN index on the visit time, partitions pruned at plan time,
 * and EXPLAIN shows ordinary conditions.  A full scan evaluates the recheck
 * before the ranges: its hull check and binary search cost less than two
 * interpreted comparisons per range.  A plan holding the tables' windows lists the tables
 * among its dependencies (relationOids), so the relcache invalidation that
 * every change to them sends (schedule_triggers.c) discards the plan.
 *
 * A call whose calendar is known only when the executor starts, (SELECT
 * current_outage_calendar()), gets range arms instead of literals (see
 * initplan_arms()): bounds computed from the calendar when each index scan
 * starts, as many arms as the tables' schedule has ranges at plan time.
 *
 * A schedule read from a Citus placement (schedule_citus.h) gets no
 * literal ranges: no invalidation arrives when the placement is written,
 * so they could go stale in a cached plan.  Such a call gets the same arms
 * over (SELECT current_outage_calendar()), read when the statement starts
 * (placement_calendar_call()); a worker planning a shard query does this,
 * so its time partitions without a window are not scanned.  A call the
 * rewrite leaves alone keeps the index condition below: its bounds are
 * calls of eligibility_affected_bound(), STABLE functions evaluated once
 * when the index scan starts, and btree conditions are ANDed, so they are
 * the hull of the affected windows.
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
#include "optimizer/subselect.h"
#include "parser/parsetree.h"
#include "catalog/pg_attribute.h"
#include "utils/rel.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/snapmgr.h"
#include "utils/timestamp.h"
#include "utils/syscache.h"

#include "japan_time.h"
#include "impact.h"
#include "impact_sql.h"
#include "pg_compat.h"
#include "prefecture.h"
#include "schedule.h"
#include "compiled_schedule.h"

/* Selectivity when nothing in the schedule affects eligibility. */
#define NOTHING_AFFECTED_SELECTIVITY 1.0e-6

/* A guess at compiling the schedule, in units of cpu_operator_cost. */
#define SCHEDULE_COMPILE_COST 200.0

/*
 * The OID of function name(argtypes) in the schema of funcid, or
 * InvalidOid: the functions the planner builds into a call's plan are the
 * extension's own, whatever the search_path.
 */
static Oid
extension_function(Oid funcid, const char *name, const Oid *argtypes,
				   int nargs)
{
	return GetSysCacheOid3(PROCNAMEARGSNSP, Anum_pg_proc_oid,
						   CStringGetDatum(name),
						   PointerGetDatum(buildoidvector(argtypes, nargs)),
						   ObjectIdGetDatum(get_func_namespace(funcid)));
}

/*
 * The OID of eligibility_affected_bound[_local](...) in the schema of the
 * function being planned, or InvalidOid.  The first argument is the
 * calendar of a three-argument call, else the facility's prefecture when
 * it narrows the bounds, else none.
 */
static Oid
bound_function(Oid funcid, bool local, Oid first_type)
{
	Oid			argtypes[2];
	int			nargs = 0;

	if (OidIsValid(first_type))
		argtypes[nargs++] = first_type;
	argtypes[nargs++] = BOOLOID;
	return extension_function(funcid,
							  local ? "eligibility_affected_bound_local" :
							  "eligibility_affected_bound",
							  argtypes, nargs);
}

#define RECHECK_NAME "is_eligibility_affected_recheck"

/* Whether funcid is a recheck (install/48_eligibility_recheck.sql). */
static bool
is_recheck(Oid funcid)
{
	char	   *name = get_func_name(funcid);

	return name != NULL && strcmp(name, RECHECK_NAME) == 0;
}

/* The recheck with the call's own argument types, or InvalidOid. */
static Oid
recheck_function(FuncExpr *call)
{
	Oid			argtypes[3];
	int			nargs = 0;
	ListCell   *lc;

	foreach(lc, call->args)
		argtypes[nargs++] = exprType(lfirst(lc));
	return extension_function(call->funcid, RECHECK_NAME, argtypes, nargs);
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

	/* a recheck: the literal ranges before it are the index conditions */
	if (is_recheck(call->funcid))
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

		/* estimating must never raise where the call would not */
		if (!ow_schedule_readable(get_func_namespace(req->funcid)))
			return -1;
		schedule = ow_schedule_current(get_func_namespace(req->funcid), NULL,
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

/*
 * Whether ranges of the visit time can help: it is a column of a table this
 * query level scans, which an index, a BRIN index or partition pruning can
 * use.  A constant or a parameter gains nothing from ranges, and such calls
 * are where a plan is kept longest (PL/pgSQL expressions).
 */
static bool
column_time_arg(Node *arg)
{
	if (IsA(arg, RelabelType))
		arg = (Node *) ((RelabelType *) arg)->arg;
	return IsA(arg, Var) && ((Var *) arg)->varlevelsup == 0;
}

/*
 * Whether varno lies on the nullable side of an outer join in jtnode
 * (nullable: whether jtnode itself does).  Not found counts as nullable.
 */
static bool
rel_nullable(Node *jtnode, int varno, bool nullable, bool *found)
{
	if (jtnode == NULL)
		return true;
	if (IsA(jtnode, RangeTblRef))
	{
		if (((RangeTblRef *) jtnode)->rtindex == varno)
		{
			*found = true;
			return nullable;
		}
		return true;
	}
	if (IsA(jtnode, FromExpr))
	{
		ListCell   *lc;

		foreach(lc, ((FromExpr *) jtnode)->fromlist)
		{
			bool		r = rel_nullable(lfirst(lc), varno, nullable, found);

			if (*found)
				return r;
		}
		return true;
	}
	if (IsA(jtnode, JoinExpr))
	{
		JoinExpr   *j = (JoinExpr *) jtnode;
		bool		r;

		r = rel_nullable(j->larg, varno,
						 nullable || j->jointype == JOIN_RIGHT ||
						 j->jointype == JOIN_FULL, found);
		if (*found)
			return r;
		return rel_nullable(j->rarg, varno,
							nullable || j->jointype == JOIN_LEFT ||
							j->jointype == JOIN_FULL, found);
	}
	return true;
}

/*
 * Whether the facility argument can never be NULL where the call is
 * evaluated: a column declared NOT NULL of a table of this query level, not
 * on the nullable side of an outer join, in a query without grouping sets
 * (which null grouped columns).  Simplification runs before the planner
 * knows the join tree's nullability, so the parse tree is read here.
 */
static bool
arg_not_null(PlannerInfo *root, Node *arg)
{
	Var		   *var;
	RangeTblEntry *rte;
	HeapTuple	tp;
	bool		notnull;
	bool		found = false;

	if (IsA(arg, Const))
		return !((Const *) arg)->constisnull;
	if (IsA(arg, RelabelType))
		arg = (Node *) ((RelabelType *) arg)->arg;
	if (!IsA(arg, Var))
		return false;
	var = (Var *) arg;
	if (var->varlevelsup != 0 || var->varattno <= 0 ||
		root->parse->groupingSets != NIL ||
		(int) var->varno < 1 ||
		(int) var->varno > list_length(root->parse->rtable))
		return false;
	rte = rt_fetch((int) var->varno, root->parse->rtable);
	if (rte->rtekind != RTE_RELATION)
		return false;
	tp = SearchSysCache2(ATTNUM, ObjectIdGetDatum(rte->relid),
						 Int16GetDatum(var->varattno));
	if (!HeapTupleIsValid(tp))
		return false;
	notnull = ((Form_pg_attribute) GETSTRUCT(tp))->attnotnull;
	ReleaseSysCache(tp);
	return notnull &&
		!rel_nullable((Node *) root->parse->jointree, (int) var->varno, false,
					  &found) &&
		found;
}

/*
 * A rewritten call, which is false outside its ranges, still NULL for a
 * NULL facility, as the call is: OR (facility IS NULL AND NULL) unless the
 * facility can never be NULL.  In a WHERE or JOIN condition, where NULL and
 * false are alike, canonicalize_qual() drops that arm (an AND with a NULL
 * constant is false there), so indexes still see the ranges alone.
 */
static Expr *
null_stays_null(PlannerInfo *root, Expr *rewritten, Node *prefecture_arg)
{
	NullTest   *nt;

	if (arg_not_null(root, prefecture_arg))
		return rewritten;
	nt = makeNode(NullTest);
	nt->arg = (Expr *) copyObject(prefecture_arg);
	nt->nulltesttype = IS_NULL;
	nt->argisrow = false;
	nt->location = -1;
	return make_orclause(list_make2(rewritten,
									make_andclause(list_make2(nt,
															  makeBoolConst(false, true)))));
}

/*
 * The slot a constant facility argument names, or -1 (every slot): a
 * prefecture, text read as one (never raising: a bad spelling is the
 * call's to report, if it ever runs), or a facility code.
 */
static int
constant_slot(const CompiledSchedule *schedule, Node *arg, Oid funcid)
{
	Const	   *c;

	if (!IsA(arg, Const) || ((Const *) arg)->constisnull)
		return -1;
	c = (Const *) arg;
	if (c->consttype == TEXTOID)
	{
		text	   *t = DatumGetTextPP(c->constvalue);
		Prefecture	p = ow_prefecture_from_text(VARDATA_ANY(t),
												VARSIZE_ANY_EXHDR(t), false);

		return PREFECTURE_IS_VALID(p) ? p : -1;
	}
	if (c->consttype == ow_extension_type(funcid, "medical_institution_code"))
	{
		int64		code = DatumGetInt64(c->constvalue);

		return code > 0 ? ow_schedule_facility_slot(schedule, code) : -1;
	}
	if (c->constlen == sizeof(Prefecture) &&
		PREFECTURE_IS_VALID(DatumGetPrefecture(c->constvalue)))
		return DatumGetPrefecture(c->constvalue);
	return -1;
}

/* A bound of the visit time's type, as a constant. */
static Expr *
time_const(Oid timetype, int64 value)
{
	return (Expr *) makeConst(timetype, -1, InvalidOid, 8, Int64GetDatum(value),
							  false, FLOAT8PASSBYVAL);
}

/* t >= a AND t < b OR ..., over ranges of the visit time. */
static Expr *
ranges_condition(Node *time_arg, Oid timetype, const TimeRange *ranges, int n)
{
	Oid			ge_op = time_operator(timetype, BTGreaterEqualStrategyNumber);
	Oid			lt_op = time_operator(timetype, BTLessStrategyNumber);
	List	   *arms = NIL;

	for (int i = 0; i < n; i++)
	{
		List	   *tests = NIL;

		if (!TIMESTAMP_IS_NOBEGIN(ranges[i].lower))
			tests = lappend(tests, make_opclause(ge_op, BOOLOID, false,
												 (Expr *) copyObject(time_arg),
												 time_const(timetype, ranges[i].lower),
												 InvalidOid, InvalidOid));
		if (!TIMESTAMP_IS_NOEND(ranges[i].upper))
			tests = lappend(tests, make_opclause(lt_op, BOOLOID, false,
												 (Expr *) copyObject(time_arg),
												 time_const(timetype, ranges[i].upper),
												 InvalidOid, InvalidOid));
		if (tests == NIL)
		{
			/* all of time: true for every time but NULL */
			NullTest   *nt = makeNode(NullTest);

			nt->arg = (Expr *) copyObject(time_arg);
			nt->nulltesttype = IS_NOT_NULL;
			nt->argisrow = false;
			nt->location = -1;
			tests = list_make1(nt);
		}
		arms = lappend(arms, list_length(tests) == 1 ? linitial(tests) :
					   make_andclause(tests));
	}
	return list_length(arms) == 1 ? (Expr *) linitial(arms) : make_orclause(arms);
}

/*
 * The tables' schedule as the planner sees it, or NULL where reading it
 * could raise an error the call itself might never raise.
 */
static const CompiledSchedule *
tables_schedule(FuncExpr *call)
{
	Oid			namespace = get_func_namespace(call->funcid);
	MemoryContext private_cxt;

	if (!ow_schedule_readable(namespace))
		return NULL;
	return ow_schedule_current(namespace, NULL, CurrentMemoryContext,
							   &private_cxt);
}

/*
 * The schedules a call's windows come from at plan time: a constant
 * calendar's, or the tables' through the core cache.  The tables are read
 * as the planner's active snapshot sees them and as a statement starting
 * now would (GetTransactionSnapshot(): PL/pgSQL plans an expression under
 * the calling statement's snapshot, then runs it under a newer one that
 * sees this transaction's latest changes); the ranges cover both.  Returns
 * how many schedules (0: not known at plan time, read from a Citus
 * placement - whose writes invalidate no plan, so its windows must not be
 * baked into one; the call keeps the index condition bounded when the scan
 * starts - or reading them could raise an error that the call itself might
 * never raise).
 */
static int
plan_time_schedules(FuncExpr *call, bool *tables,
					const CompiledSchedule **schedules)
{
	MemoryContext private_cxt;
	Oid			namespace = get_func_namespace(call->funcid);

	*tables = false;
	if (list_length(call->args) == 3)
	{
		Const	   *c = (Const *) lthird(call->args);

		if (!IsA(c, Const) || c->constisnull)
			return 0;
		schedules[0] = ow_calendar_compile(DatumGetOutageCalendarP(c->constvalue),
										   CurrentMemoryContext);
		return 1;
	}
	schedules[0] = tables_schedule(call);
	if (schedules[0] == NULL)
		return 0;
	*tables = true;
	if (ow_schedule_current_from_placement())
		return 0;
	schedules[1] = ow_schedule_current(namespace, GetTransactionSnapshot(),
									   CurrentMemoryContext, &private_cxt);
	if (ow_schedule_current_from_placement())
		return 0;
	return schedules[1] == schedules[0] ? 1 : 2;
}

/*
 * Whether a calendar argument is (SELECT current_outage_calendar()) or
 * another uncorrelated scalar subquery: the planner makes it an initPlan,
 * whose value keeps its address for the whole execution.
 */
static bool
initplan_calendar(Node *arg)
{
	SubLink    *sublink;
	Query	   *query;

	if (!IsA(arg, SubLink))
		return false;
	sublink = (SubLink *) arg;
	if (sublink->subLinkType != EXPR_SUBLINK || !IsA(sublink->subselect, Query))
		return false;
	query = (Query *) sublink->subselect;
	return !contain_vars_of_level((Node *) query, 1);
}

/*
 * Whether an initPlan calendar (initplan_calendar()) of a call at
 * query_level keeps its address for the whole execution: true unless the
 * subquery reads a row of a query above the call's, whose every new row
 * evaluates the initPlan again, possibly into the memory of the previous
 * value.
 */
static bool
initplan_calendar_stable(Node *arg, int query_level)
{
	Query	   *query = (Query *) ((SubLink *) arg)->subselect;

	for (int levelsup = 2; levelsup <= query_level; levelsup++)
		if (contain_vars_of_level((Node *) query, levelsup))
			return false;
	return true;
}

/*
 * The plan-time ranges of a call (see plan_time_schedules()); returns how
 * many, 0 when there are none or they are not known at plan time.
 */
static int
call_ranges(FuncExpr *call, bool *tables, TimeRange **ranges,
			const CompiledSchedule **first, int *first_slot)
{
	const CompiledSchedule *schedules[2];
	int			slots[2];
	int			nschedules = plan_time_schedules(call, tables, schedules);
	Oid			timetype = exprType(lsecond(call->args));

	if (nschedules == 0)
		return 0;
	for (int k = 0; k < nschedules; k++)
		slots[k] = constant_slot(schedules[k], linitial(call->args), call->funcid);
	if (first != NULL)
	{
		*first = schedules[0];
		*first_slot = slots[0];
	}
	return ow_schedule_affected_ranges(schedules, slots, nschedules,
						   timetype == TIMESTAMPOID, ranges);
}

/*
 * At most this many arms for a calendar known only when the executor
 * starts: each costs two bound calls when the scan starts, and the planner
 * estimates an OR of arms it cannot see into as wider the more arms it has.
 */
#define MAX_ARMS 64

/*
 * How many range arms to offer a call whose calendar is an initPlan's: the
 * number of merged affected ranges of the tables' schedule now (usually
 * what current_outage_calendar() will hold), rounded up to a power of two
 * so that a few more windows keep the same plan shape.  A guess only: the
 * last arm reaches the end of the calendar's hull, so the arms cover its
 * affected time whatever it holds.  0: no guess (schedule is NULL: the
 * tables cannot be read without risking an error the call would not raise;
 * or it holds at most one range, where the hull is as good).
 */
static int
arm_count(const CompiledSchedule *schedule, bool local)
{
	TimeRange  *ranges;
	int			slot = -1;
	int			n;
	int			k = 2;

	if (schedule == NULL)
		return 0;
	n = ow_schedule_affected_ranges(&schedule, &slot, 1, local, &ranges);
	pfree(ranges);
	if (n < 2)
		return 0;
	while (k < n && k < MAX_ARMS)
		k *= 2;
	return k;
}

/* The OID of eligibility_affected_range_bound[_local](calendar, int, bool). */
static Oid
range_bound_function(Oid funcid, bool local, Oid calendar_type)
{
	Oid			argtypes[3] = {calendar_type, INT4OID, BOOLOID};

	return extension_function(funcid,
							  local ? "eligibility_affected_range_bound_local" :
							  "eligibility_affected_range_bound",
							  argtypes, 3);
}

/*
 * A bound as the output of an initPlan of its own, (SELECT bound): computed
 * once when first read, then a Param, which a lossy bitmap page's recheck
 * of every row reads as cheaply as a literal (a function call per arm and
 * row there cost more than the scan).
 */
static Expr *
initplan_bound(PlannerInfo *root, Expr *bound)
{
	Query	   *query = makeNode(Query);
	SubLink    *sublink = makeNode(SubLink);
	Node	   *param;

	query->commandType = CMD_SELECT;
	query->querySource = QSRC_ORIGINAL;
	query->canSetTag = true;
	query->jointree = makeFromExpr(NIL, NULL);
	query->targetList = list_make1(makeTargetEntry(bound, 1, pstrdup("bound"),
												   false));
	sublink->subLinkType = EXPR_SUBLINK;
	sublink->subLinkId = 0;
	sublink->testexpr = NULL;
	sublink->operName = NIL;
	sublink->subselect = (Node *) query;
	sublink->location = -1;
	param = SS_process_sublinks(root, (Node *) sublink, false);
	return (Expr *) param;
}

static Expr *
range_bound_call(PlannerInfo *root, Oid func, Oid timetype, Node *calendar,
				 int arm, bool upper)
{
	return initplan_bound(root,
						  (Expr *) makeFuncExpr(func, timetype,
												list_make3(copyObject(calendar),
														   makeConst(INT4OID, -1, InvalidOid, 4,
																	 Int32GetDatum(arm), false, true),
														   makeBoolConst(upper, false)),
												InvalidOid, InvalidOid, COERCE_EXPLICIT_CALL));
}

/*
 * A call whose calendar is (SELECT current_outage_calendar()) or another
 * uncorrelated subquery, rewritten into
 *
 *     recheck AND (t >= range_bound(cal, 1, false) AND t < range_bound(cal, 1, true)
 *                  OR ...
 *                  OR t >= range_bound(cal, K, false) AND t < bound(cal, true))
 *
 * whose bounds are initPlans of their own (initplan_bound()), computed once
 * when the query first reads them, so a btree or BRIN index answers a
 * BitmapOr of the calendar's ranges rather than one scan of their hull.
 * Arms past the calendar's ranges have NULL bounds (no row); the last arm
 * runs to the end of the hull, so the arms
 * are a superset whatever K, and the recheck is the answer.  The subquery
 * becomes its initPlan here, once, and every arm and the recheck read its
 * Param: copies of the SubLink would each become an initPlan of their own.
 * The recheck goes first: a full scan, a SELECT list, evaluates the arms
 * only for the affected visits.  Below the top query level the initPlan
 * may be evaluated again with a grandparent's row (see simplify()), so the
 * recheck is not told that the calendar keeps its address (stable), and
 * the bounds compare the calendar's bytes.  With calendar_call (a call of
 * two arguments whose schedule a Citus placement holds), the calendar is
 * that call's value, an initPlan of its own, read by the arms alone: the
 * recheck keeps reading the schedule.  NULL on no rewrite.
 */
static Node *
initplan_arms(SupportRequestSimplify *req, FuncExpr *call, Expr *calendar_call,
			  const CompiledSchedule *tables, bool stable)
{
	Node	   *time_arg = lsecond(call->args);
	Node	   *prefecture_arg = linitial(call->args);
	Oid			timetype = exprType(time_arg);
	bool		local = timetype == TIMESTAMPOID;
	Oid			caltype = calendar_call != NULL ? exprType((Node *) calendar_call) :
		exprType(lthird(call->args));
	Oid			rangefunc = range_bound_function(call->funcid, local, caltype);
	Oid			hullfunc = bound_function(call->funcid, local, caltype);
	Oid			ge_op = time_operator(timetype, BTGreaterEqualStrategyNumber);
	Oid			lt_op = time_operator(timetype, BTLessStrategyNumber);
	FuncExpr   *planned;
	Node	   *calendar;
	List	   *arms = NIL;
	Expr	   *rewritten;
	int			k;

	if (!OidIsValid(rangefunc) || !OidIsValid(hullfunc) ||
		!OidIsValid(ge_op) || !OidIsValid(lt_op))
		return NULL;
	planned = copyObject(call);
	planned->funcid = recheck_function(call);
	if (!OidIsValid(planned->funcid))
		return NULL;
	k = arm_count(tables, local);
	if (k == 0)
		return NULL;
	if (calendar_call != NULL)
		calendar = (Node *) initplan_bound(req->root, calendar_call);
	else
		calendar = SS_process_sublinks(req->root, lthird(call->args), false);
	if (!IsA(calendar, Param))
		return NULL;
	if (calendar_call == NULL)
	{
		if (stable)
			planned->funcformat = OW_PLANNED_CALL;
		lthird(planned->args) = calendar;
	}

	for (int i = 1; i <= k; i++)
	{
		/* one statement each: the Params are numbered in this order */
		Expr	   *lower = range_bound_call(req->root, rangefunc, timetype,
											 calendar, i, false);
		Expr	   *upper = i < k ?
			range_bound_call(req->root, rangefunc, timetype, calendar, i, true) :
			initplan_bound(req->root, bound_call(hullfunc, timetype, calendar, true));

		arms = lappend(arms,
					   make_andclause(list_make2(make_opclause(ge_op, BOOLOID, false,
															   (Expr *) copyObject(time_arg),
															   lower, InvalidOid, InvalidOid),
												 make_opclause(lt_op, BOOLOID, false,
															   (Expr *) copyObject(time_arg),
															   upper, InvalidOid, InvalidOid))));
	}
	rewritten = make_andclause(list_make2(planned, make_orclause(arms)));
	return (Node *) null_stays_null(req->root, rewritten, prefecture_arg);
}

/*
 * current_outage_calendar() of the call's schema, when the call's schedule
 * is read from a Citus placement; NULL otherwise.  Writes to a placement
 * invalidate no plan over the extension's tables, so such a call gets the
 * arms of initplan_arms() over the calendar the schedule is when the
 * statement starts, rather than literal windows a cached plan could keep
 * after they changed: the arms still reach indexes, and partitions whose
 * months hold no window are never scanned (pruned when the executor reads
 * the bounds).  *tables is the schedule read here (NULL: unreadable), for
 * the number of arms.
 */
static Expr *
placement_calendar_call(FuncExpr *call, const CompiledSchedule **tables)
{
	Oid			no_args[1];
	Oid			func;

	*tables = tables_schedule(call);
	if (*tables == NULL || !ow_schedule_current_from_placement())
		return NULL;
	func = extension_function(call->funcid, "current_outage_calendar", no_args, 0);
	if (!OidIsValid(func))
		return NULL;
	return (Expr *) makeFuncExpr(func, get_func_rettype(func), NIL,
								 InvalidOid, InvalidOid, COERCE_EXPLICIT_CALL);
}

static Node *
simplify(SupportRequestSimplify *req)
{
	FuncExpr   *call = req->fcall;
	FuncExpr   *planned;
	Node	   *prefecture_arg;
	Node	   *time_arg;
	Oid			timetype;
	bool		tables;
	TimeRange  *ranges;
	int			n;
	Expr	   *rewritten;

	if (req->root == NULL || is_recheck(call->funcid) ||
		(list_length(call->args) != 2 && list_length(call->args) != 3))
		return NULL;
	prefecture_arg = linitial(call->args);
	time_arg = lsecond(call->args);
	timetype = exprType(time_arg);
	if (timetype != TIMESTAMPTZOID && timetype != TIMESTAMPOID)
		return NULL;

	planned = copyObject(call);

	if (list_length(call->args) == 3 && initplan_calendar(lthird(call->args)))
	{
		bool		stable = initplan_calendar_stable(lthird(call->args),
													  req->root->query_level);
		Node	   *arms = column_time_arg(time_arg) ?
			initplan_arms(req, call, NULL, tables_schedule(call), stable) : NULL;

		if (arms != NULL)
			return arms;
		if (!stable)
			return NULL;

		/* bounds evaluated when the scan starts; a pointer-stable calendar */
		planned->funcformat = OW_PLANNED_CALL;
		return (Node *) planned;
	}
	planned->funcid = recheck_function(call);
	if (!OidIsValid(planned->funcid))
		return NULL;			/* a database not yet updated to 1.1 */

	if (!column_time_arg(time_arg))
		return NULL;
	n = call_ranges(call, &tables, &ranges, NULL, NULL);
	if (n == 0 && list_length(call->args) == 2)
	{
		/* none known at plan time: perhaps a Citus placement's schedule */
		const CompiledSchedule *schedule;
		Expr	   *calendar_call = placement_calendar_call(call, &schedule);

		if (calendar_call != NULL)
			return initplan_arms(req, call, calendar_call, schedule, false);
	}
	if (n == 0)
		return NULL;			/* the call's own hull check rejects at once */
	rewritten = make_andclause(list_make2(ranges_condition(time_arg, timetype,
														   ranges, n),
										  planned));
	rewritten = null_stays_null(req->root, rewritten, prefecture_arg);
	if (tables)
	{
		Oid			relids[OW_SCHEDULE_TABLES];
		PlannerGlobal *glob = req->root->glob;

		ow_schedule_table_oids(get_func_namespace(call->funcid), relids);
		for (int i = 0; i < OW_SCHEDULE_TABLES; i++)
			if (OidIsValid(relids[i]))
				glob->relationOids = lappend_oid(glob->relationOids, relids[i]);
	}
	return (Node *) rewritten;
}


/*
 * The selectivity of a recheck: the share of the time inside its ranges
 * that really affects the facility (the planner has estimated the ranges
 * themselves from the column's statistics).  -1: not a recheck.
 */
static Selectivity
ranges_selectivity(SupportRequestSelectivity *req)
{
	FuncExpr	call;
	bool		tables;
	const CompiledSchedule *schedule;
	TimeRange  *ranges;
	int			n;
	int			slot;
	double		range_seconds = 0;
	double		affected;
	Oid			timetype;

	if ((list_length(req->args) != 2 && list_length(req->args) != 3) ||
		!is_recheck(req->funcid))
		return -1;
	timetype = exprType(lsecond(req->args));
	if ((timetype != TIMESTAMPTZOID && timetype != TIMESTAMPOID) ||
		(list_length(req->args) == 3 && !IsA(lthird(req->args), Const)))
		return -1;
	memset(&call, 0, sizeof(call));
	call.xpr.type = T_FuncExpr;
	call.funcid = req->funcid;
	call.args = req->args;
	n = call_ranges(&call, &tables, &ranges, &schedule, &slot);
	if (n == 0)
		return -1;
	for (int i = 0; i < n; i++)
	{
		if (TIMESTAMP_IS_NOBEGIN(ranges[i].lower) || TIMESTAMP_IS_NOEND(ranges[i].upper))
			return -1;
		range_seconds += span_seconds(ranges[i].lower, ranges[i].upper);
	}
	if (range_seconds <= 0)
		return -1;
	affected = slot >= 0 ? schedule->affected_seconds[slot] / range_seconds :
		schedule->affected_seconds[0] / (range_seconds * PREFECTURE_MAX);
	return Max(Min(affected, 1.0), NOTHING_AFFECTED_SELECTIVITY);
}

PG_FUNCTION_INFO_V1(is_eligibility_affected_support);
Datum
is_eligibility_affected_support(PG_FUNCTION_ARGS)
{
	Node	   *rawreq = (Node *) PG_GETARG_POINTER(0);

	if (IsA(rawreq, SupportRequestSimplify))
	{
		Node	   *rewritten = simplify((SupportRequestSimplify *) rawreq);

		if (rewritten != NULL)
			PG_RETURN_POINTER(rewritten);
	}
	else if (IsA(rawreq, SupportRequestIndexCondition))
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
			Selectivity s = ranges_selectivity(req);

			if (s < 0)
				s = selectivity(req);
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

		/*
		 * A hull check and, rarely, a short binary search: cheaper than
		 * testing the literal ranges of a rewritten call, so a full scan
		 * evaluates the recheck first and tests the ranges only for the
		 * visits it finds affected; the ranges serve indexes and pruning.
		 */
		req->startup = SCHEDULE_COMPILE_COST * cpu_operator_cost;
		req->per_tuple = cpu_operator_cost;
		PG_RETURN_POINTER(req);
	}
	PG_RETURN_POINTER(NULL);
}
