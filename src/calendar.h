/*-------------------------------------------------------------------------
 *
 * calendar.h
 *	  The outage_calendar SQL type: a whole schedule as one immutable value.
 *
 * A calendar holds, per area, the area's windows sorted and merged into
 * disjoint segments that each carry the most severe kind covering them (and
 * that window's own guidance, if it has one); the nationwide segments;
 * which area each prefecture belongs to; and the facilities facility_area
 * puts on an area other than their prefecture's.  Functions
 * that take one read no table, so they are IMMUTABLE, run on Citus workers
 * and give an audit the same answers whenever it is re-run.
 *
 * Layout (stable; a varlena, double aligned), version 2:
 *	 header		OutageCalendar below (24 bytes)
 *	 area_of	uint8[48]: per JIS code, area index + 1; 0 for no area
 *	 first		uint32[nareas + 2]: area i's segments are
 *				[first[i], first[i + 1]); i = nareas is nationwide
 *	 segments	nsegments x {int64 lower, int64 upper, int32 kind,
 *				int32 guidance}: guidance 0 is the kind's own, i > 0 the
 *				i-th text of guidance
 *	 facilities	nfacilities x {int64 code, int32 area index, int32 0},
 *				sorted by code: facility_area, the facilities whose area is
 *				not their prefecture's
 *	 names		nareas x {uint32 length, bytes in the server encoding},
 *				sorted bytewise; areas are numbered in this order
 *	 guidance	uint32 count, then count x {uint32 length, bytes in the
 *				server encoding}, sorted bytewise, each once
 * Version 1 (outage_window 1.0) is the same without facilities (the header
 * word was 0), with every segment's guidance 0 and no guidance section.  A
 * calendar with no facilities and no guidance text is still written in
 * version 1, so a value 1.0 stored is byte for byte the value building it
 * now gives: it compares and hashes (hash indexes, hash partitions, Citus
 * distribution) as it did under 1.0.
 * content_hash is a hash of everything after the header: it lets a call
 * site recognise the calendar it compiled without comparing every byte.
 *
 *-------------------------------------------------------------------------
 */
#ifndef OW_CALENDAR_H
#define OW_CALENDAR_H

#include "fmgr.h"
#include "datatype/timestamp.h"

#include "outage_window.h"
#include "prefecture.h"

#define OW_CALENDAR_VERSION 2
/* the version outage_window 1.0 wrote: read, never written */
#define OW_CALENDAR_VERSION_1_0 1

/*
 * Limits, checked as a value arrives and before anything is allocated for
 * it, so that no input can make a backend spend more than a few tens of MB
 * or more than about a second on one calendar (doc/hardening.md, "Limits").
 * A real schedule is years of notices: a few thousand windows, a few areas.
 * Every calendar within the limits prints as text within the text limit,
 * so any calendar dumped as text reads back.
 */
/* area_of stores index + 1 in a byte */
#define OW_CALENDAR_MAX_AREAS 254
/* bytes of an area name, in the server encoding, escapes resolved */
#define OW_CALENDAR_MAX_AREA_NAME_BYTES 1024
/* windows a calendar is built from: text, binary, aggregate or tables */
#define OW_CALENDAR_MAX_WINDOWS 100000
/* disjoint segments of a built calendar (overlaps can double the windows) */
#define OW_CALENDAR_MAX_SEGMENTS 100000
/* bytes of the text form */
#define OW_CALENDAR_MAX_TEXT_BYTES (32 * 1024 * 1024)
/*
 * facilities (facility_area rows) a calendar carries: five times every
 * medical institution and pharmacy in Japan (about 250,000); facility_area
 * refuses rows past it when they are inserted (table_limits.c)
 */
#define OW_CALENDAR_MAX_FACILITIES 1000000
/* bytes of one window's own guidance text, in the server encoding */
#define OW_CALENDAR_MAX_GUIDANCE_BYTES 2048
/*
 * bytes of a calendar's distinct guidance texts, each counted once as it is
 * stored and printed: so that every calendar within the limits still
 * prints within the text limit (calendar.c)
 */
#define OW_CALENDAR_MAX_GUIDANCE_TOTAL (2 * 1024 * 1024)
/* hash slots of a source's area names: a power of two over twice the areas */
#define OW_CALENDAR_AREA_SLOTS 512

typedef struct ScheduleSegment
{
	TimestampTz lower;			/* inclusive */
	TimestampTz upper;			/* exclusive */

	/*
	 * The most severe kind covering it: in a calendar, that kind's code (as
	 * stored); in a compiled schedule, its rank (impact.h), which is what
	 * the lookups compare.
	 */
	int32		kind;
	/* 0: the kind's guidance; i > 0: the calendar's guidance text i - 1 */
	int32		guidance;
} ScheduleSegment;

/*
 * Which of the windows covering an instant decides it: the most severe
 * kind; between windows of that kind, one with a guidance text of its own
 * over one without, then the text sorted first, so that the answer does
 * not depend on the order the windows came in.  The largest key wins.
 */
static inline int64
ow_segment_key(int32 rank, int32 guidance)
{
	return ((int64) rank << 32) |
		(guidance == 0 ? 0 : (int64) (PG_INT32_MAX - guidance) + 1);
}

/* The rank and the guidance of a key. */
static inline int32
ow_segment_key_rank(int64 key)
{
	return (int32) (key >> 32);
}

static inline int32
ow_segment_key_guidance(int64 key)
{
	int32		low = (int32) (key & PG_INT32_MAX);

	return low == 0 ? 0 : PG_INT32_MAX - low + 1;
}

typedef struct OutageCalendar
{
	int32		vl_len_;		/* varlena header (do not touch directly) */
	uint16		version;		/* OW_CALENDAR_VERSION */
	uint16		nareas;			/* named areas */
	uint32		nsegments;		/* segments of all areas and nationwide */
	uint32		nfacilities;	/* facilities (version 1: always 0) */
	uint64		content_hash;
} OutageCalendar;

/*
 * A calendar as stored: the value itself, checked to be of a version this
 * code reads (both are current).  Raises data_corrupted for an unknown
 * version.
 */
extern OutageCalendar *ow_calendar_current(OutageCalendar *calendar);

#define DatumGetOutageCalendarP(X) ow_calendar_current((OutageCalendar *) PG_DETOAST_DATUM(X))
#define PG_GETARG_OUTAGE_CALENDAR_P(n) DatumGetOutageCalendarP(PG_GETARG_DATUM(n))
#define PG_RETURN_OUTAGE_CALENDAR_P(x) PG_RETURN_POINTER(x)

/* One window of the input a calendar is built from. */
typedef struct CalendarWindow
{
	int			area;			/* index into the source's areas; -1: nationwide */
	TimestampTz lower;
	TimestampTz upper;
	int32		kind;
	const char *guidance;		/* its own text (server encoding), or NULL */
	int			guidance_len;
} CalendarWindow;

/*
 * What a calendar is built from: areas, prefecture map, windows (each with
 * its own guidance, if any), facilities.  The areas
 * are few and bounded, so they live in the struct itself (a copy of the
 * struct is a copy of the areas); the names are found by hash, so a source
 * fed row by row costs the same per row however many areas it has.
 */
typedef struct CalendarSource
{
	int			nareas;
	const char *area_names[OW_CALENDAR_MAX_AREAS];	/* server encoding, need
													 * not be terminated */
	int			area_name_lens[OW_CALENDAR_MAX_AREAS];
	uint8		area_slots[OW_CALENDAR_AREA_SLOTS];	/* area index + 1; 0: free */
	int			area_of[PREFECTURE_MAX + 1];	/* index into areas; -1: none */
	int			nwindows;
	CalendarWindow *windows;
	int			window_capacity;	/* allocated length of windows */
	int			nfacilities;
	int64	   *facility_codes;
	int		   *facility_areas;	/* index into areas */
	int			facility_capacity;
	/* what a facility listed twice raises: the input's own SQLSTATE */
	int			duplicate_errcode;
} CalendarSource;

/* An empty source, in the current memory context. */
extern void ow_calendar_source_init(CalendarSource *source);

/* The index of an area, or -1 if the source has none of that name. */
extern int	ow_calendar_source_find_area(const CalendarSource *source,
										 const char *name, int len);

/*
 * The index of an area, added if new.  The name is not copied: it must
 * live as long as the source.  Raises program_limit_exceeded for a name
 * over OW_CALENDAR_MAX_AREA_NAME_BYTES or an area past OW_CALENDAR_MAX_AREAS.
 */
extern int	ow_calendar_source_area(CalendarSource *source, const char *name,
									int len);

/*
 * Refuse an area name longer than OW_CALENDAR_MAX_AREA_NAME_BYTES, before
 * the caller copies or converts it.
 */
extern void ow_calendar_check_area_name(Size len);

/*
 * Add a window of an area (-1: nationwide).  Raises program_limit_exceeded
 * past OW_CALENDAR_MAX_WINDOWS; checks for interrupts.
 */
extern void ow_calendar_source_window(CalendarSource *source, int area,
									  TimestampTz lower, TimestampTz upper,
									  int32 kind);

/*
 * Give the last window added its own guidance text (not copied: it must
 * live as long as the source).  Raises program_limit_exceeded for a text
 * over OW_CALENDAR_MAX_GUIDANCE_BYTES; an empty text is no guidance.
 */
extern void ow_calendar_source_guidance(CalendarSource *source,
										const char *text, int len);

/* Refuse a guidance text longer than OW_CALENDAR_MAX_GUIDANCE_BYTES. */
extern void ow_calendar_check_guidance(Size len);

/*
 * Put a facility (a 10-digit medical institution code) on an area.
 * Raises program_limit_exceeded past OW_CALENDAR_MAX_FACILITIES; a code
 * given twice is refused when the calendar is built.
 */
extern void ow_calendar_source_facility(CalendarSource *source, int64 code,
										int area);

/*
 * Build the canonical calendar of a source (palloc'd in the current memory
 * context).  Raises an error for duplicate area names, invalid windows or
 * more than OW_CALENDAR_MAX_SEGMENTS segments.
 */
extern OutageCalendar *ow_calendar_build(const CalendarSource *source);

/*
 * The index of an area of a calendar, by name; nareas (nationwide only) if
 * the calendar has no area of that name.
 */
extern int	ow_calendar_area_index(const OutageCalendar *calendar,
								   const char *name, int len);

#endif							/* OW_CALENDAR_H */
