/*-------------------------------------------------------------------------
 *
 * compiled_schedule.h
 *	  The schedule as the eligibility functions search it: for each
 *	  prefecture, a sorted array of disjoint time segments, each carrying the
 *	  most severe kind of the windows that cover it.
 *
 * It is built from an outage_calendar (calendar.c), which in turn is built
 * from the tables (schedule.c) or given by the caller.  A lookup is a hull
 * check and a binary search, with no allocation.
 *
 *-------------------------------------------------------------------------
 */
#ifndef OW_COMPILED_SCHEDULE_H
#define OW_COMPILED_SCHEDULE_H

#include "datatype/timestamp.h"

#include "outage_window.h"
#include "prefecture.h"

/* No window applies; the other impacts are the OutageKind values. */
#define OW_IMPACT_NONE 0

typedef struct ScheduleSegment
{
	TimestampTz lower;			/* inclusive */
	TimestampTz upper;			/* exclusive */
	int32		kind;			/* most severe OutageKind covering it */
} ScheduleSegment;

typedef struct CompiledSchedule
{
	/* every segment of every prefecture lies in [hull_lower, hull_upper) */
	TimestampTz hull_lower;
	TimestampTz hull_upper;

	/*
	 * The hull of the segments that affect eligibility (intermittent or
	 * worse) of each prefecture; index 0 covers all prefectures.  Empty
	 * hulls have lower > upper.  They give the fast reject of
	 * is_eligibility_affected() and the bounds of its index condition.
	 */
	TimestampTz affected_lower[PREFECTURE_MAX + 1];
	TimestampTz affected_upper[PREFECTURE_MAX + 1];
	/* prefecture p's segments are segments[first[p] .. first[p + 1] - 1] */
	int			first[PREFECTURE_MAX + 2];
	int			nsegments;
	ScheduleSegment segments[FLEXIBLE_ARRAY_MEMBER];
} CompiledSchedule;

/* The most severe kind applying to prefecture p at t, or OW_IMPACT_NONE. */
static inline int32
ow_schedule_impact(const CompiledSchedule *schedule, Prefecture p,
				   TimestampTz t)
{
	const ScheduleSegment *seg;
	int			lo;
	int			hi;

	if (t < schedule->hull_lower || t >= schedule->hull_upper ||
		!PREFECTURE_IS_VALID(p))
		return OW_IMPACT_NONE;

	/* find the last segment starting at or before t */
	lo = schedule->first[p];
	hi = schedule->first[p + 1];
	while (lo < hi)
	{
		int			mid = lo + (hi - lo) / 2;

		if (schedule->segments[mid].lower <= t)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == schedule->first[p])
		return OW_IMPACT_NONE;
	seg = &schedule->segments[lo - 1];
	return t < seg->upper ? seg->kind : OW_IMPACT_NONE;
}

/* Whether a window of kind intermittent or worse applies to p at t. */
static inline bool
ow_schedule_affects(const CompiledSchedule *schedule, Prefecture p,
					TimestampTz t)
{
	if (!PREFECTURE_IS_VALID(p) ||
		t < schedule->affected_lower[p] || t >= schedule->affected_upper[p])
		return false;
	return ow_schedule_impact(schedule, p, t) >= OUTAGE_KIND_INTERMITTENT;
}

#endif							/* OW_COMPILED_SCHEDULE_H */
