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
	Size		facilities;
	Size		names;
	Size		size;			/* without the names and the guidance */
} CalendarLayout;

#define SEGMENT_BYTES (2 * sizeof(int64) + 2 * sizeof(int32))
#define FACILITY_BYTES (sizeof(int64) + 2 * sizeof(int32))

static inline void
calendar_layout(const OutageCalendar *calendar, CalendarLayout *layout)
{
	layout->area_of = sizeof(OutageCalendar);
	layout->first = layout->area_of + PREFECTURE_MAX + 1;
	layout->segments = MAXALIGN(layout->first +
								sizeof(uint32) * (calendar->nareas + 2));
	layout->facilities = layout->segments +
		(Size) SEGMENT_BYTES * calendar->nsegments;
	layout->names = layout->facilities +
		(Size) FACILITY_BYTES * calendar->nfacilities;
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
	int32		guidance;

	memcpy(&seg->lower, p, sizeof(int64));
	memcpy(&seg->upper, p + sizeof(int64), sizeof(int64));
	memcpy(&kind, p + 2 * sizeof(int64), sizeof(int32));
	memcpy(&guidance, p + 2 * sizeof(int64) + sizeof(int32), sizeof(int32));
	seg->kind = kind;
	seg->guidance = guidance;
}

static inline void
get_facility(const char *p, int64 *code, int32 *area)
{
	memcpy(code, p, sizeof(int64));
	memcpy(area, p + sizeof(int64), sizeof(int32));
}

/*
 * Where the guidance section starts: after the names, whose lengths are
 * checked against end (the value's size) on the way.  Returns 0 if they
 * run past it.
 */
static inline Size
calendar_guidance_offset(const OutageCalendar *calendar,
						 const CalendarLayout *layout)
{
	const char *base = (const char *) calendar;
	Size		end = VARSIZE(calendar);
	Size		pos = layout->names;

	for (int a = 0; a < calendar->nareas; a++)
	{
		if (pos + sizeof(uint32) > end)
			return 0;
		pos += sizeof(uint32) + get_u32(base + pos);
		if (pos > end)
			return 0;
	}
	return pos;
}

/* Segments [*from, *to) of area a (a = nareas: nationwide). */
static inline void
area_segments(const OutageCalendar *calendar, int a, uint32 *from, uint32 *to)
{
	CalendarLayout layout;
	const char *base = (const char *) calendar;

	calendar_layout(calendar, &layout);
	*from = get_u32(base + layout.first + sizeof(uint32) * a);
	*to = get_u32(base + layout.first + sizeof(uint32) * (a + 1));
}

/*
 * The guidance texts of a calendar (pointers into it, lengths), checked
 * against its size; returns how many.  Raises data_corrupted if they do
 * not fit.
 */
extern int	ow_calendar_guidance(const OutageCalendar *calendar,
								 const char ***texts, uint32 **lens);

/* Errors both files raise (calendar.c). */
extern void ow_calendar_too_many_areas(void) pg_attribute_noreturn();
extern void ow_calendar_too_many_windows(void) pg_attribute_noreturn();
extern void ow_calendar_too_many_segments(int nsegments) pg_attribute_noreturn();
extern void ow_calendar_corrupted(void) pg_attribute_noreturn();
extern void ow_calendar_too_many_facilities(void) pg_attribute_noreturn();
extern void ow_calendar_too_much_guidance(Size total) pg_attribute_noreturn();

#endif							/* OW_CALENDAR_LAYOUT_H */
