/*-------------------------------------------------------------------------
 *
 * compiled_schedule.h
 *	  The schedule as the eligibility functions search it: for each
 *	  prefecture, a sorted array of disjoint time segments, each carrying the
 *	  most severe kind of the windows that cover it.
 *
 * It is built from an outage_calendar (calendar.c), which in turn is built
 * from the tables (schedule.c) or given by the caller.
 *
 * A lookup names a slot: a prefecture (1..47, its JIS code), or an area
 * (OW_SCHEDULE_AREA_SLOT), for the facilities facility_area puts on an
 * area other than their prefecture's; slot 0 stands for all of them in the
 * hulls.  The facilities themselves are found in a hash of their codes.  A lookup is a hull
 * check and a binary search (two where an area is kept apart from the
 * nationwide segments), with no allocation.
 *
 *-------------------------------------------------------------------------
 */
#ifndef OW_COMPILED_SCHEDULE_H
#define OW_COMPILED_SCHEDULE_H

#include "datatype/timestamp.h"

#include "fmgr.h"

#include "calendar.h"
#include "impact.h"
#include "outage_window.h"
#include "prefecture.h"

/* Slot of area a (0 .. nareas - 1; nareas: no area, nationwide only). */
#define OW_SCHEDULE_AREA_SLOT(a) (PREFECTURE_MAX + 1 + (a))
#define OW_SCHEDULE_SLOTS OW_SCHEDULE_AREA_SLOT(OW_CALENDAR_MAX_AREAS + 1)

/*
 * The facilities of facility_area: an open-addressing hash of their codes
 * (never 0: a code starts with its prefecture), each with its area's slot.
 */
typedef struct FacilityMap
{
	uint32		mask;			/* capacity - 1, a power of two minus one */
	int64	   *codes;			/* 0: empty */
	int16	   *slots;
} FacilityMap;

/*
 * One window behind the segments, as affecting_windows() returns it: a row
 * of outage_schedule, or, for a calendar, one of its segments.
 */
typedef struct ScheduleWindow
{
	TimestampTz lower;
	TimestampTz upper;
	int16		kind;			/* the stored kind code */
	int16		area;			/* calendar area index; -1: nationwide */
	int32		guidance;		/* a calendar's: as ScheduleSegment.guidance */
} ScheduleWindow;

/* What a row of outage_schedule adds to its window: a calendar has none. */
typedef struct ScheduleRow
{
	int64		id;
	bool		has_id;
	const struct varlena *note; /* text or NULL */
	const struct varlena *source;	/* text or NULL */
	const struct varlena *guidance; /* text or NULL */
} ScheduleRow;

/*
 * The windows of a compiled schedule and the area each lookup slot reads,
 * so that the rows behind an answer come from the very schedule that gave
 * it.  Windows are in no particular order: only the few covering an
 * instant that has an impact are ever looked at.
 */
typedef struct ScheduleWindows
{
	int16		slot_area[OW_SCHEDULE_SLOTS];	/* -1: nationwide only */
	int			nareas;
	const struct varlena **area_names;	/* text, by area index */
	const ScheduleRow *rows;	/* rows[i] is window i's; NULL: a calendar */
	int			nwindows;
	ScheduleWindow windows[FLEXIBLE_ARRAY_MEMBER];
} ScheduleWindows;

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
	TimestampTz affected_lower[OW_SCHEDULE_SLOTS];
	TimestampTz affected_upper[OW_SCHEDULE_SLOTS];
	/* seconds covered by those segments, for the planner's estimate */
	double		affected_seconds[OW_SCHEDULE_SLOTS];

	/*
	 * Prefecture p's segments are segments[from[p] .. to[p] - 1], shared by
	 * the prefectures of one area.  Where merging an area's segments with
	 * the nationwide ones would have made the schedule more than twice the
	 * calendar's size, they are kept apart, and the nationwide segments are
	 * searched too: segments[also_from[p] .. also_to[p] - 1], empty where
	 * they were merged.  So memory stays proportional to the calendar
	 * whatever the areas, and the usual calendars still take one search.
	 */
	int			from[OW_SCHEDULE_SLOTS];
	int			to[OW_SCHEDULE_SLOTS];
	int			also_from[OW_SCHEDULE_SLOTS];
	int			also_to[OW_SCHEDULE_SLOTS];
	int			nareas;			/* area slots in use: nareas + 1 */
	const FacilityMap *facilities;	/* NULL: none */
	const ScheduleWindows *windows; /* what the segments were made of */

	/*
	 * The windows' own guidance texts (server encoding): a segment's
	 * guidance i > 0 is guidance[i - 1]; 0 means its kind's
	 * (review_guidance).  See ow_schedule_guidance().
	 */
	int			nguidance;
	text	  **guidance;
	int			nsegments;
	ScheduleSegment segments[FLEXIBLE_ARRAY_MEMBER];
} CompiledSchedule;

/* The rank of the segment of segments[lo .. hi - 1] covering t, if any. */
static inline int32
ow_segments_impact(const ScheduleSegment *segments, int lo, int hi,
				   TimestampTz t)
{
	int			first = lo;

	/* find the last segment starting at or before t */
	while (lo < hi)
	{
		int			mid = lo + (hi - lo) / 2;

		if (segments[mid].lower <= t)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == first || t >= segments[lo - 1].upper)
		return OW_IMPACT_NONE;
	return segments[lo - 1].kind;
}

/* The rank of the most severe impact on slot p at t (impact.h). */
static inline int32
ow_schedule_impact(const CompiledSchedule *schedule, int p, TimestampTz t)
{
	int32		impact;

	if (t < schedule->hull_lower || t >= schedule->hull_upper ||
		(uint32) p >= OW_SCHEDULE_SLOTS)
		return OW_IMPACT_NONE;
	impact = ow_segments_impact(schedule->segments, schedule->from[p],
								schedule->to[p], t);
	if (unlikely(schedule->also_from[p] < schedule->also_to[p]) &&
		impact < OW_IMPACT_COUNT - 1)
		impact = Max(impact, ow_segments_impact(schedule->segments,
												schedule->also_from[p],
												schedule->also_to[p], t));
	return impact;
}

/*
 * The first of segments[lo .. hi - 1] that ends after t, or hi: the
 * segments are disjoint, so their ends are sorted as their starts are.
 */
static inline int
ow_segments_first_ending_after(const ScheduleSegment *segments, int lo, int hi,
							   TimestampTz t)
{
	while (lo < hi)
	{
		int			mid = lo + (hi - lo) / 2;

		if (segments[mid].upper <= t)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The rank of the most severe segment of segments[lo .. hi - 1] meeting [lower, upper). */
static inline int32
ow_segments_span_impact(const ScheduleSegment *segments, int lo, int hi,
						TimestampTz lower, TimestampTz upper)
{
	int32		rank = OW_IMPACT_NONE;

	lo = ow_segments_first_ending_after(segments, lo, hi, lower);
	for (; lo < hi && segments[lo].lower < upper; lo++)
		rank = Max(rank, segments[lo].kind);
	return rank;
}

/*
 * The rank of the most severe impact on prefecture p at any instant of
 * [lower, upper): a Japan day, or a facility's opening hours.
 */
static inline int32
ow_schedule_span_impact(const CompiledSchedule *schedule, int p,
						TimestampTz lower, TimestampTz upper)
{
	int32		rank;

	if (upper <= schedule->hull_lower || lower >= schedule->hull_upper ||
		(uint32) p >= OW_SCHEDULE_SLOTS)
		return OW_IMPACT_NONE;
	rank = ow_segments_span_impact(schedule->segments, schedule->from[p],
								   schedule->to[p], lower, upper);
	if (schedule->also_from[p] < schedule->also_to[p])
		rank = Max(rank, ow_segments_span_impact(schedule->segments,
												 schedule->also_from[p],
												 schedule->also_to[p],
												 lower, upper));
	return rank;
}

/*
 * How much of [lower, upper) segments[lo .. hi - 1] cover with an impact
 * that affects eligibility, in microseconds.
 */
static inline int64
ow_segments_affected_time(const ScheduleSegment *segments, int lo, int hi,
						  TimestampTz lower, TimestampTz upper)
{
	int64		covered = 0;

	lo = ow_segments_first_ending_after(segments, lo, hi, lower);
	for (; lo < hi && segments[lo].lower < upper; lo++)
		if (ow_impacts[segments[lo].kind].affects_eligibility)
			covered += Min(segments[lo].upper, upper) -
				Max(segments[lo].lower, lower);
	return covered;
}

/* The first segment boundary of segments[lo .. hi - 1] after t. */
static inline TimestampTz
ow_segments_next_boundary(const ScheduleSegment *segments, int lo, int hi,
						  TimestampTz t)
{
	lo = ow_segments_first_ending_after(segments, lo, hi, t);
	if (lo == hi)
		return DT_NOEND;
	return segments[lo].lower > t ? segments[lo].lower : segments[lo].upper;
}

/*
 * How much of [lower, upper) - opening hours, say - windows affecting
 * eligibility cover at prefecture p, in microseconds: all of it makes a
 * day-level answer certain, part of it possible.  Where an area is kept
 * apart from the nationwide segments the two may overlap, so their union
 * is measured piece by piece.
 */
static inline int64
ow_schedule_affected_time(const CompiledSchedule *schedule, int p,
						  TimestampTz lower, TimestampTz upper)
{
	int64		covered = 0;
	TimestampTz t = lower;

	if (upper <= schedule->hull_lower || lower >= schedule->hull_upper ||
		(uint32) p >= OW_SCHEDULE_SLOTS || lower >= upper)
		return 0;
	if (schedule->also_from[p] >= schedule->also_to[p])
		return ow_segments_affected_time(schedule->segments, schedule->from[p],
										 schedule->to[p], lower, upper);

	/* both runs: walk the boundaries, asking the instant lookup in between */
	while (t < upper)
	{
		TimestampTz next = Min(upper,
							   ow_segments_next_boundary(schedule->segments,
														 schedule->from[p],
														 schedule->to[p], t));

		next = Min(next, ow_segments_next_boundary(schedule->segments,
												   schedule->also_from[p],
												   schedule->also_to[p], t));
		if (ow_impacts[ow_schedule_impact(schedule, p, t)].affects_eligibility)
			covered += next - t;
		t = next;
	}
	return covered;
}

/* Whether a window that affects eligibility applies to slot p at t. */
static inline bool
ow_schedule_affects(const CompiledSchedule *schedule, int p, TimestampTz t)
{
	if ((uint32) p >= OW_SCHEDULE_SLOTS ||
		t < schedule->affected_lower[p] || t >= schedule->affected_upper[p])
		return false;
	return ow_impacts[ow_schedule_impact(schedule, p, t)].affects_eligibility;
}

/* The segment deciding [lower, upper) of segments[lo .. hi - 1], or -1. */
static inline int
ow_segments_span_at(const ScheduleSegment *segments, int lo, int hi,
					TimestampTz lower, TimestampTz upper)
{
	int			best = -1;
	int64		best_key = -1;

	lo = ow_segments_first_ending_after(segments, lo, hi, lower);
	for (; lo < hi && segments[lo].lower < upper; lo++)
	{
		int64		key = ow_segment_key(segments[lo].kind, segments[lo].guidance);

		if (key > best_key)
		{
			best = lo;
			best_key = key;
		}
	}
	return best;
}

/*
 * The guidance of what decides slot p at [lower, upper) - an instant when
 * upper is lower + 1, a Japan day, opening hours: the own text of the most
 * severe window there (the window that decides: ow_segment_key), or NULL
 * where that window has none and its kind's guidance applies.  This is
 * what affecting_windows(), review_guidance() and the reports show.
 */
static inline const text *
ow_schedule_guidance(const CompiledSchedule *schedule, int p,
					 TimestampTz lower, TimestampTz upper)
{
	int			i;
	int			j = -1;
	int32		g;

	if (schedule->nguidance == 0 || upper <= schedule->hull_lower ||
		lower >= schedule->hull_upper || (uint32) p >= OW_SCHEDULE_SLOTS)
		return NULL;
	i = ow_segments_span_at(schedule->segments, schedule->from[p],
							schedule->to[p], lower, upper);
	if (schedule->also_from[p] < schedule->also_to[p])
		j = ow_segments_span_at(schedule->segments, schedule->also_from[p],
								schedule->also_to[p], lower, upper);
	if (j >= 0 && (i < 0 ||
				   ow_segment_key(schedule->segments[j].kind,
								  schedule->segments[j].guidance) >
				   ow_segment_key(schedule->segments[i].kind,
								  schedule->segments[i].guidance)))
		i = j;
	if (i < 0)
		return NULL;
	g = schedule->segments[i].guidance;
	return g > 0 ? schedule->guidance[g - 1] : NULL;
}

/* Where a facility's code starts its probe in a FacilityMap. */
static inline uint32
ow_facility_hash(int64 code, uint32 mask)
{
	return (uint32) (((uint64) code * UINT64CONST(0x9E3779B97F4A7C15)) >> 32) & mask;
}

/*
 * The slot of a facility, by its 10-digit code: its area's if facility_area
 * names it, else its prefecture's (the code's first two digits).
 */
static inline int
ow_schedule_facility_slot(const CompiledSchedule *schedule, int64 code)
{
	const FacilityMap *map = schedule->facilities;

	if (map != NULL)
	{
		uint32		i = ow_facility_hash(code, map->mask);

		for (; map->codes[i] != 0; i = (i + 1) & map->mask)
			if (map->codes[i] == code)
				return map->slots[i];
	}
	return (int) (code / 100000000);
}

/*
 * Compile a calendar for lookups, into memory of target: at most twice the
 * calendar's segments, in time linear in them.
 */
extern CompiledSchedule *ow_calendar_compile(const OutageCalendar *calendar,
											 MemoryContext target);

/*
 * The compiled form of a calendar argument, kept in fn_extra across calls:
 * recompiled only when the argument is a different calendar.  stable: the
 * caller knows the argument keeps its address while its value is the same
 * (a constant, or an initPlan's output), so the address suffices.
 */
extern const CompiledSchedule *ow_calendar_arg_schedule(FunctionCallInfo fcinfo,
														void **cache,
														int argno,
														bool stable);

/*
 * A calendar compiled and kept for the backend in *cachep, for a function
 * whose calls each have a call site of their own yet pass the same
 * calendar (the range bounds, each an initPlan of its own): compiled again
 * only for another calendar (*recompiled).
 */
extern const CompiledSchedule *ow_calendar_backend_schedule(void **cachep,
															const OutageCalendar *calendar,
															bool *recompiled);

/* What a call site remembers of the calendar argument it compiled. */
typedef struct CalendarArgCache
{
	MemoryContext cxt;			/* owns schedule and bytes */
	const CompiledSchedule *schedule;
	const void *pointer;		/* where the argument was last time */
	Datum		raw;			/* the argument as passed, before detoasting */
	uint64		hash;
	Size		size;
	char	   *bytes;			/* a copy, to confirm a match */
} CalendarArgCache;

/*
 * The same, with the per-row case inline: a stable argument passed as
 * before is the calendar already compiled.
 */
static inline const CompiledSchedule *
ow_calendar_arg_schedule_fast(FunctionCallInfo fcinfo, void **cachep,
							  int argno, bool stable)
{
	const CalendarArgCache *cache = *cachep;

	if (likely(stable) && likely(cache != NULL) &&
		likely(cache->schedule != NULL) &&
		likely(cache->raw == PG_GETARG_DATUM(argno)))
		return cache->schedule;
	return ow_calendar_arg_schedule(fcinfo, cachep, argno, stable);
}

/*
 * Room for capacity windows (none yet), with a calendar's area names and
 * the area each slot of its schedule reads, in memory of target.
 * ow_calendar_compile() fills it with the calendar's segments; the tables'
 * schedule (schedule.c) with its rows, adding their identity.
 */
extern ScheduleWindows *ow_schedule_windows_new(const OutageCalendar *calendar,
												int capacity,
												MemoryContext target);

/*
 * The windows of slot p that cover t, most severe first (then by start,
 * end, id, the area's before the nationwide ones), as indexes into
 * schedule->windows->windows in *out (palloc'd in the current memory
 * context); returns how many.
 */
extern int	ow_schedule_windows_at(const CompiledSchedule *schedule, int p,
								   TimestampTz t, int **out);

/*
 * The same for the windows of slot p meeting any of the nspans spans
 * [lower[s], upper[s]) (a day's opening hours), in the same order.
 */
extern int	ow_schedule_windows_in(const CompiledSchedule *schedule, int p,
								   const TimestampTz *lower,
								   const TimestampTz *upper, int nspans,
								   int **out);

/*
 * At most this many affected ranges: beyond, the closest ones are merged
 * (the ranges stay a superset of the affected time), so a plan holding them
 * stays small whatever the schedule.
 */
#define OW_MAX_AFFECTED_RANGES 64

/* A span of time, as a timestamptz or a Japan local timestamp. */
typedef struct TimeRange
{
	int64		lower;			/* DT_NOBEGIN: unbounded */
	int64		upper;			/* DT_NOEND: unbounded */
} TimeRange;

/*
 * The affected time of slots[k] of schedules[k] (every slot where it is
 * negative), for every schedule given, as at most OW_MAX_AFFECTED_RANGES
 * coalesced ranges, palloc'd in *result; local: as Japan local time.
 * Returns how many.
 */
extern int	ow_schedule_affected_ranges(const CompiledSchedule *const *schedules,
										const int *slots, int nschedules,
										bool local, TimeRange **result);

#endif							/* OW_COMPILED_SCHEDULE_H */
