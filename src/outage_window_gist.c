/*-------------------------------------------------------------------------
 *
 * outage_window_gist.c
 *	  GiST support for outage_window: the index key is an outage_window.
 *
 * Logic notes
 *
 * A leaf key is the indexed window itself.  An internal key is the union of
 * everything below it: the smallest window [min lower, max upper) that
 * covers its children.  Its kind means nothing and is never looked at.
 *
 * Internal pages can only answer "might something below here match?".  A
 * child lies inside the union and is non-empty, which gives, per strategy:
 *
 *	- a child overlaps Q only if the union overlaps Q;
 *	- a child contains Q (or equals Q) only if the union contains Q;
 *	- a child is contained by Q only if it overlaps Q, as it is non-empty,
 *	  so containment by Q reduces to overlap on internal pages;
 *	- a child contains instant t only if the union does;
 *	- a child is left of Q (child.upper <= Q.lower) only if some child's
 *	  lower is below Q.lower, i.e. the union's lower is; symmetrically for
 *	  right of Q with the union's upper above Q.upper.
 *
 * None of these tests is exact on internal pages, and all of them are on
 * leaves, where the key is the very value the operator would see; so
 * *recheck is always false.
 *
 * Penalty is the span the union would grow by, and picksplit sorts by
 * center and cuts in half (as contrib/seg does).  Windows of a schedule are
 * mostly short and similar in length, so center order keeps neighbours in
 * time together; it also places the few unbounded windows at the ends
 * instead of letting them drag one half across all time.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "access/gist.h"
#include "access/stratnum.h"
#include "catalog/pg_type_d.h"
#include "utils/timestamp.h"

#include "outage_window.h"
#include "pg_compat.h"

/* Does [lo, hi) overlap the key? */
static inline bool
ow_key_overlaps(const OutageWindow *key, TimestampTz lo, TimestampTz hi)
{
	return key->lower < hi && lo < key->upper;
}

static bool
ow_leaf_consistent(const OutageWindow *key, const OutageWindow *q,
				   StrategyNumber strategy)
{
	switch (strategy)
	{
		case RTLeftStrategyNumber:
			return key->upper <= q->lower;
		case RTOverlapStrategyNumber:
			return ow_key_overlaps(key, q->lower, q->upper);
		case RTRightStrategyNumber:
			return q->upper <= key->lower;
		case RTContainsStrategyNumber:
			return key->lower <= q->lower && q->upper <= key->upper;
		case RTContainedByStrategyNumber:
			return q->lower <= key->lower && key->upper <= q->upper;
		case RTEqualStrategyNumber:
			return key->lower == q->lower && key->upper == q->upper &&
				key->kind == q->kind;
		default:
			elog(ERROR, "unrecognized outage_window strategy number: %d", strategy);
			return false;
	}
}

static bool
ow_internal_consistent(const OutageWindow *key, const OutageWindow *q,
					   StrategyNumber strategy)
{
	switch (strategy)
	{
		case RTLeftStrategyNumber:
			return key->lower < q->lower;
		case RTRightStrategyNumber:
			return key->upper > q->upper;
		case RTOverlapStrategyNumber:
		case RTContainedByStrategyNumber:
			return ow_key_overlaps(key, q->lower, q->upper);
		case RTContainsStrategyNumber:
		case RTEqualStrategyNumber:
			return key->lower <= q->lower && q->upper <= key->upper;
		default:
			elog(ERROR, "unrecognized outage_window strategy number: %d", strategy);
			return false;
	}
}

PG_FUNCTION_INFO_V1(gist_outage_window_consistent);
Datum
gist_outage_window_consistent(PG_FUNCTION_ARGS)
{
	GISTENTRY  *entry = (GISTENTRY *) PG_GETARG_POINTER(0);
	Datum		query = PG_GETARG_DATUM(1);
	StrategyNumber strategy = (StrategyNumber) PG_GETARG_UINT16(2);
	Oid			subtype = PG_GETARG_OID(3);
	bool	   *recheck = (bool *) PG_GETARG_POINTER(4);
	OutageWindow *key = DatumGetOutageWindowP(entry->key);

	*recheck = false;

	/* Point and tstzrange queries are the same test at both levels. */
	if (strategy == RTContainsElemStrategyNumber)
	{
		TimestampTz t = DatumGetTimestampTz(query);

		PG_RETURN_BOOL(key->lower <= t && t < key->upper);
	}
	if (strategy == RTOverlapStrategyNumber && subtype == TSTZRANGEOID)
	{
		TimestampTz lo;
		TimestampTz hi;

		if (!ow_tstzrange_bounds(fcinfo, query, &lo, &hi))
			PG_RETURN_BOOL(false);
		PG_RETURN_BOOL(ow_key_overlaps(key, lo, hi));
	}

	if (GIST_LEAF(entry))
		PG_RETURN_BOOL(ow_leaf_consistent(key, DatumGetOutageWindowP(query),
										  strategy));
	PG_RETURN_BOOL(ow_internal_consistent(key, DatumGetOutageWindowP(query),
										  strategy));
}

PG_FUNCTION_INFO_V1(gist_outage_window_union);
Datum
gist_outage_window_union(PG_FUNCTION_ARGS)
{
	GistEntryVector *entryvec = (GistEntryVector *) PG_GETARG_POINTER(0);
	int		   *size = (int *) PG_GETARG_POINTER(1);
	OutageWindow *out = (OutageWindow *) palloc0(sizeof(OutageWindow));
	OutageWindow *first = DatumGetOutageWindowP(entryvec->vector[0].key);

	out->lower = first->lower;
	out->upper = first->upper;
	out->kind = OUTAGE_KIND_OUTAGE;
	for (int i = 1; i < entryvec->n; i++)
	{
		OutageWindow *w = DatumGetOutageWindowP(entryvec->vector[i].key);

		if (w->lower < out->lower)
			out->lower = w->lower;
		if (w->upper > out->upper)
			out->upper = w->upper;
	}
	*size = sizeof(OutageWindow);
	PG_RETURN_OUTAGE_WINDOW_P(out);
}

/*
 * Growth of the union's span.  Spans are taken as doubles so that the
 * infinities (the int64 extremes) subtract without overflow; the penalty
 * only has to rank candidates, so the lost precision does not matter.
 */
PG_FUNCTION_INFO_V1(gist_outage_window_penalty);
Datum
gist_outage_window_penalty(PG_FUNCTION_ARGS)
{
	GISTENTRY  *origentry = (GISTENTRY *) PG_GETARG_POINTER(0);
	GISTENTRY  *newentry = (GISTENTRY *) PG_GETARG_POINTER(1);
	float	   *penalty = (float *) PG_GETARG_POINTER(2);
	OutageWindow *orig = DatumGetOutageWindowP(origentry->key);
	OutageWindow *add = DatumGetOutageWindowP(newentry->key);
	double		growth = 0.0;

	if (add->lower < orig->lower)
		growth += (double) orig->lower - (double) add->lower;
	if (add->upper > orig->upper)
		growth += (double) add->upper - (double) orig->upper;
	*penalty = (float) growth;
	PG_RETURN_POINTER(penalty);
}

typedef struct OwSplitItem
{
	double		center;
	OffsetNumber offset;
} OwSplitItem;

static int
ow_split_item_cmp(const void *a, const void *b)
{
	double		ca = ((const OwSplitItem *) a)->center;
	double		cb = ((const OwSplitItem *) b)->center;

	if (ca < cb)
		return -1;
	if (ca > cb)
		return 1;
	return 0;
}

static void
ow_extend(OutageWindow *u, const OutageWindow *w, bool first)
{
	if (first || w->lower < u->lower)
		u->lower = w->lower;
	if (first || w->upper > u->upper)
		u->upper = w->upper;
}

PG_FUNCTION_INFO_V1(gist_outage_window_picksplit);
Datum
gist_outage_window_picksplit(PG_FUNCTION_ARGS)
{
	GistEntryVector *entryvec = (GistEntryVector *) PG_GETARG_POINTER(0);
	GIST_SPLITVEC *v = (GIST_SPLITVEC *) PG_GETARG_POINTER(1);
	OffsetNumber maxoff = entryvec->n - 1;
	int			nitems = maxoff - FirstOffsetNumber + 1;
	OwSplitItem *items = palloc(sizeof(OwSplitItem) * nitems);
	OutageWindow *left = palloc0(sizeof(OutageWindow));
	OutageWindow *right = palloc0(sizeof(OutageWindow));
	int			half;

	for (int i = 0; i < nitems; i++)
	{
		OffsetNumber off = FirstOffsetNumber + i;
		OutageWindow *w = DatumGetOutageWindowP(entryvec->vector[off].key);

		/* halves first, so the infinities do not overflow */
		items[i].center = (double) w->lower / 2.0 + (double) w->upper / 2.0;
		items[i].offset = off;
	}
	qsort(items, nitems, sizeof(OwSplitItem), ow_split_item_cmp);

	half = nitems / 2;
	v->spl_left = palloc(sizeof(OffsetNumber) * nitems);
	v->spl_right = palloc(sizeof(OffsetNumber) * nitems);
	v->spl_nleft = 0;
	v->spl_nright = 0;
	left->kind = right->kind = OUTAGE_KIND_OUTAGE;

	for (int i = 0; i < nitems; i++)
	{
		OutageWindow *w = DatumGetOutageWindowP(entryvec->vector[items[i].offset].key);

		if (i < half)
		{
			ow_extend(left, w, v->spl_nleft == 0);
			v->spl_left[v->spl_nleft++] = items[i].offset;
		}
		else
		{
			ow_extend(right, w, v->spl_nright == 0);
			v->spl_right[v->spl_nright++] = items[i].offset;
		}
	}
	v->spl_ldatum = OutageWindowPGetDatum(left);
	v->spl_rdatum = OutageWindowPGetDatum(right);
	pfree(items);
	PG_RETURN_POINTER(v);
}

/*
 * Union keys always carry kind outage, so for them this is equality of the
 * covered span; leaf keys compare as whole values.
 */
PG_FUNCTION_INFO_V1(gist_outage_window_same);
Datum
gist_outage_window_same(PG_FUNCTION_ARGS)
{
	OutageWindow *a = PG_GETARG_OUTAGE_WINDOW_P(0);
	OutageWindow *b = PG_GETARG_OUTAGE_WINDOW_P(1);
	bool	   *result = (bool *) PG_GETARG_POINTER(2);

	*result = a->lower == b->lower && a->upper == b->upper &&
		a->kind == b->kind;
	PG_RETURN_POINTER(result);
}
