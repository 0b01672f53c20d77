/*-------------------------------------------------------------------------
 *
 * calendar_layout.h
 *	  Where the parts of a stored outage_calendar are: for the type's own
 *	  code (calendar.c) and for compiling it (compiled_schedule.c), and no
 *	  one else.
 *
 *-------------------------------------------------------------------------
 */
#ifndef OW_CALENDAR_LAYOUT_H
#define OW_CALENDAR_LAYOUT_H

#include "calendar.h"
#include "pg_compat.h"

/* Where the parts of a calendar are, computed from its header. */
typedef struct CalendarLayout
{
	Size		area_of;
	Size		first;
	Size		segments;
	Size		names;
	Size		size;			/* without the names */
} CalendarLayout;

#define SEGMENT_BYTES (2 * sizeof(int64) + 2 * sizeof(int32))

static inline void
calendar_layout(int nareas, int nsegments, CalendarLayout *layout)
{
	layout->area_of = sizeof(OutageCalendar);
	layout->first = layout->area_of + PREFECTURE_MAX + 1;
	layout->segments = MAXALIGN(layout->first + sizeof(uint32) * (nareas + 2));
	layout->names = layout->segments + (Size) SEGMENT_BYTES * nsegments;
	layout->size = layout->names;
}

static inline uint32
get_u32(const char *p)
{
	uint32		v;

	memcpy(&v, p, sizeof(v));
	return v;
}

static inline void
get_segment(const char *p, ScheduleSegment *seg)
{
	int32		kind;

	memcpy(&seg->lower, p, sizeof(int64));
	memcpy(&seg->upper, p + sizeof(int64), sizeof(int64));
	memcpy(&kind, p + 2 * sizeof(int64), sizeof(int32));
	seg->kind = kind;
}

/* Segments [*from, *to) of area a (a = nareas: nationwide). */
static inline void
area_segments(const OutageCalendar *calendar, int a, uint32 *from, uint32 *to)
{
	CalendarLayout layout;
	const char *base = (const char *) calendar;

	calendar_layout(calendar->nareas, calendar->nsegments, &layout);
	*from = get_u32(base + layout.first + sizeof(uint32) * a);
	*to = get_u32(base + layout.first + sizeof(uint32) * (a + 1));
}

/* Errors both files raise (calendar.c). */
extern void ow_calendar_too_many_areas(void) pg_attribute_noreturn();
extern void ow_calendar_too_many_windows(void) pg_attribute_noreturn();
extern void ow_calendar_too_many_segments(int nsegments) pg_attribute_noreturn();
extern void ow_calendar_corrupted(void) pg_attribute_noreturn();

#endif							/* OW_CALENDAR_LAYOUT_H */
