/*-------------------------------------------------------------------------
 *
 * calendar.c
 *	  The outage_calendar type: building a calendar from windows, and its
 *	  text and binary forms.
 *
 * Both the table-reading eligibility functions and the ones that take a
 * calendar go windows -> calendar (here) -> compiled schedule
 * (compiled_schedule.c), so they cannot disagree.  Building resolves
 * overlaps within each area (keeping the most severe kind, and of that kind
 * the window's own guidance: ow_segment_key); compiling resolves them
 * between an area and the nationwide windows by the same rule.  The
 * facilities of facility_area travel in the calendar too, so a calendar
 * argument answers for a facility as the tables do.
 *
 * Text and binary input never trust their structure: they collect areas,
 * codes and windows into a CalendarSource and build the canonical value
 * from it, so a calendar in memory is always well formed.
 *
 * Every path is linear in its input (n log n for the sorts of building),
 * checks the limits of calendar.h before allocating for what it reads, and
 * checks for interrupts in its loops: a calendar is user input, and one
 * call must not hold a backend, or its memory, for long.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "common/hashfn.h"
#include "lib/stringinfo.h"
#include "libpq/pqformat.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/memutils.h"

#include "calendar.h"
#include "calendar_layout.h"
#include "calendar_parse.h"
#include "input_quote.h"
#include "medical_institution_code_parse.h"
#include "pg_compat.h"

/*
 * A window boundary for the sweep: at time, a window of kind rank and
 * guidance starts (+1) or ends (-1).
 */
typedef struct Boundary
{
	TimestampTz time;
	int32		rank;
	int32		guidance;
	int32		delta;
} Boundary;

/*
 * The longest window a calendar prints, "[...,...) registration_delay"
 * with ", " before it: two bounds of at most 38 characters
 * ("4714-11-24 09:18:59.999999+09:18:59 BC") and the longest kind, then a
 * reference to its guidance, " #" and at most 6 digits; each distinct
 * guidance text once, " \"...\"" with every byte escaped at worst (there
 * are at most as many as windows); and a facility, "; " or "," and 10
 * digits.  The limits must let every calendar's text form read back.
 */
#define WINDOW_TEXT_MAX_BYTES (2 + 1 + 38 + 1 + 38 + 2 + 18)
#define GUIDANCE_REF_BYTES 8
#define GUIDANCE_QUOTE_BYTES 3
#define FACILITY_TEXT_MAX_BYTES 12
StaticAssertDecl(OW_CALENDAR_MAX_SEGMENTS < 1000000,
				 "a guidance reference has at most 6 digits");
StaticAssertDecl((Size) OW_CALENDAR_MAX_SEGMENTS *
				 (WINDOW_TEXT_MAX_BYTES + GUIDANCE_REF_BYTES) +
				 (Size) OW_CALENDAR_MAX_WINDOWS * GUIDANCE_QUOTE_BYTES +
				 2 * (Size) OW_CALENDAR_MAX_GUIDANCE_TOTAL +
				 (Size) OW_CALENDAR_MAX_FACILITIES * FACILITY_TEXT_MAX_BYTES +
				 (Size) OW_CALENDAR_MAX_AREAS *
				 (2 * OW_CALENDAR_MAX_AREA_NAME_BYTES + 4 + 4 * PREFECTURE_MAX) +
				 16 <= OW_CALENDAR_MAX_TEXT_BYTES,
				 "an outage_calendar within the limits must print within the text limit");

void
ow_calendar_too_many_areas(void)
{
	ereport(ERROR,
			(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
			 errmsg("outage_calendar exceeds the limit of %d areas",
					OW_CALENDAR_MAX_AREAS),
			 errdetail("Area names are counted as they are read, and this input names more."),
			 errhint("Group the prefectures into fewer areas: there are only 47 prefectures.")));
}

void
ow_calendar_too_many_windows(void)
{
	ereport(ERROR,
			(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
			 errmsg("outage_calendar exceeds the limit of %d windows",
					OW_CALENDAR_MAX_WINDOWS),
			 errdetail("Windows are counted as they are read, and this input has more."),
			 errhint("Build one calendar per period, for example per year, or leave out the windows no visit can fall in.")));
}

void
ow_calendar_too_many_segments(int nsegments)
{
	ereport(ERROR,
			(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
			 errmsg("outage_calendar exceeds the limit of %d segments",
					OW_CALENDAR_MAX_SEGMENTS),
			 errdetail("The windows resolve into %d disjoint segments.", nsegments),
			 errhint("Build one calendar per period, for example per year, or leave out the windows no visit can fall in.")));
}

void
ow_calendar_too_many_facilities(void)
{
	ereport(ERROR,
			(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
			 errmsg("outage_calendar exceeds the limit of %d facilities",
					OW_CALENDAR_MAX_FACILITIES),
			 errdetail("Facilities are counted as they are read, and this input has more."),
			 errhint("List in facility_area only the facilities whose line is not on their prefecture's area.")));
}

void
ow_calendar_too_much_guidance(Size total)
{
	ereport(ERROR,
			(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
			 errmsg("outage_calendar exceeds the limit of %d bytes of window guidance",
					OW_CALENDAR_MAX_GUIDANCE_TOTAL),
			 errdetail("Its distinct guidance texts are %zu bytes in all.", total),
			 errhint("Give guidance text only to the windows whose kind's guidance does not fit, or shorten it.")));
}

void
ow_calendar_check_guidance(Size len)
{
	if (len > OW_CALENDAR_MAX_GUIDANCE_BYTES)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("outage window guidance exceeds the limit of %d bytes",
						OW_CALENDAR_MAX_GUIDANCE_BYTES),
				 errdetail("A guidance text is %zu bytes long.", len),
				 errhint("Shorten the guidance, and put the details in the window's note.")));
}

void
ow_calendar_check_area_name(Size len)
{
	if (len > OW_CALENDAR_MAX_AREA_NAME_BYTES)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("outage_calendar area name exceeds the limit of %d bytes",
						OW_CALENDAR_MAX_AREA_NAME_BYTES),
				 errdetail("An area name is %zu bytes long.", len),
				 errhint("Use a shorter area name, such as \"east\" or \"west\".")));
}

static int
boundary_cmp(const void *a, const void *b)
{
	TimestampTz ta = ((const Boundary *) a)->time;
	TimestampTz tb = ((const Boundary *) b)->time;

	return (ta > tb) - (ta < tb);
}

/*
 * What decides each instant is the largest ow_segment_key among the windows
 * covering it: a max-heap of the keys of windows started, with the ones
 * that ended dropped lazily when they reach the top (active[] counts the
 * windows of each key), keeps the sweep n log n however the windows nest.
 */
typedef struct KeyHeap
{
	int64	   *keys;
	int			n;
} KeyHeap;

static void
heap_push(KeyHeap *heap, int64 key)
{
	int			i = heap->n++;

	while (i > 0 && heap->keys[(i - 1) / 2] < key)
	{
		heap->keys[i] = heap->keys[(i - 1) / 2];
		i = (i - 1) / 2;
	}
	heap->keys[i] = key;
}

static void
heap_pop(KeyHeap *heap)
{
	int64		last = heap->keys[--heap->n];
	int			i = 0;

	for (;;)
	{
		int			c = 2 * i + 1;

		if (c >= heap->n)
			break;
		if (c + 1 < heap->n && heap->keys[c + 1] > heap->keys[c])
			c++;
		if (heap->keys[c] <= last)
			break;
		heap->keys[i] = heap->keys[c];
		i = c;
	}
	if (heap->n > 0)
		heap->keys[i] = last;
}

/* Where a key's windows are counted: rank-major, guidance 0 .. nguidance. */
static inline int
key_slot(int32 rank, int32 guidance, int nguidance)
{
	return rank * (nguidance + 1) + guidance;
}

/*
 * Resolve possibly overlapping windows into disjoint segments, sorted, each
 * with the kind and guidance that decide it (ow_segment_key), neighbours
 * alike merged.  The input kinds are codes, and so are the output's.  out
 * has room for 2 * n segments; active has a zeroed counter per key slot
 * and is left zeroed.  Returns how many segments were written.
 */
static int
resolve_segments(const ScheduleSegment *in, int n, ScheduleSegment *out,
				 int *active, int nguidance)
{
	Boundary   *boundaries = palloc(sizeof(Boundary) * (2 * n + 1));
	KeyHeap		heap;
	int			nb = 0;
	int			nout = 0;
	int64		current = -1;
	TimestampTz start = 0;

	heap.keys = palloc(sizeof(int64) * (n + 1));
	heap.n = 0;
	for (int i = 0; i < n; i++)
	{
		int32		rank = ow_kind_rank[in[i].kind];

		CHECK_FOR_INTERRUPTS();
		boundaries[nb].time = in[i].lower;
		boundaries[nb].rank = rank;
		boundaries[nb].guidance = in[i].guidance;
		boundaries[nb++].delta = 1;
		boundaries[nb].time = in[i].upper;
		boundaries[nb].rank = rank;
		boundaries[nb].guidance = in[i].guidance;
		boundaries[nb++].delta = -1;
	}
	qsort(boundaries, nb, sizeof(Boundary), boundary_cmp);

	for (int i = 0; i < nb;)
	{
		TimestampTz t = boundaries[i].time;
		int64		next = -1;

		CHECK_FOR_INTERRUPTS();
		/* apply every boundary at t before looking at the result */
		for (; i < nb && boundaries[i].time == t; i++)
		{
			const Boundary *b = &boundaries[i];

			active[key_slot(b->rank, b->guidance, nguidance)] += b->delta;
			if (b->delta > 0)
				heap_push(&heap, ow_segment_key(b->rank, b->guidance));
		}
		while (heap.n > 0)
		{
			int64		top = heap.keys[0];

			if (active[key_slot(ow_segment_key_rank(top),
								ow_segment_key_guidance(top), nguidance)] > 0)
			{
				next = top;
				break;
			}
			heap_pop(&heap);
		}
		if (next == current)
			continue;
		if (current >= 0)
		{
			out[nout].lower = start;
			out[nout].upper = t;
			out[nout].kind = ow_impacts[ow_segment_key_rank(current)].code;
			out[nout].guidance = ow_segment_key_guidance(current);
			nout++;
		}
		current = next;
		start = t;
	}
	pfree(boundaries);
	pfree(heap.keys);
	return nout;
}

/* For sorting a source's areas by name, bytewise. */
typedef struct AreaOrder
{
	const char *name;
	int			len;
	int			source_index;
} AreaOrder;

static int
area_order_cmp(const void *a, const void *b)
{
	const AreaOrder *x = a;
	const AreaOrder *y = b;
	int			c = memcmp(x->name, y->name, Min(x->len, y->len));

	return c != 0 ? c : (x->len > y->len) - (x->len < y->len);
}

/* A guidance text of a source, for sorting and numbering them. */
typedef struct GuidanceOrder
{
	const char *text;
	int			len;
} GuidanceOrder;

static int
guidance_order_cmp(const void *a, const void *b)
{
	const GuidanceOrder *x = a;
	const GuidanceOrder *y = b;
	int			c = memcmp(x->text, y->text, Min(x->len, y->len));

	return c != 0 ? c : (x->len > y->len) - (x->len < y->len);
}

/* The number (index + 1) of a text among the sorted, distinct texts. */
static int32
guidance_number(const GuidanceOrder *texts, int n, const char *text, int len)
{
	GuidanceOrder key = {text, len};
	int			lo = 0;
	int			hi = n;

	while (lo < hi)
	{
		int			mid = lo + (hi - lo) / 2;
		int			c = guidance_order_cmp(&texts[mid], &key);

		if (c == 0)
			return mid + 1;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	elog(ERROR, "outage_calendar guidance text not found");
	return 0;					/* keep the compiler quiet */
}

typedef struct FacilityOrder
{
	int64		code;
	int			area;			/* source index */
} FacilityOrder;

static int
facility_order_cmp(const void *a, const void *b)
{
	int64		x = ((const FacilityOrder *) a)->code;
	int64		y = ((const FacilityOrder *) b)->code;

	return (x > y) - (x < y);
}

OutageCalendar *
ow_calendar_build(const CalendarSource *source)
{
	int			nareas = source->nareas;
	int			nwindows = source->nwindows;
	int			nfacilities = source->nfacilities;
	AreaOrder  *order = palloc(sizeof(AreaOrder) * Max(nareas, 1));
	int		   *rank = palloc(sizeof(int) * Max(nareas, 1));
	int		   *start = palloc0(sizeof(int) * (nareas + 2));
	ScheduleSegment *in = palloc(sizeof(ScheduleSegment) * (nwindows + 1));
	ScheduleSegment *segments = palloc(sizeof(ScheduleSegment) *
									   (2 * (Size) nwindows + 1));
	uint32	   *first = palloc(sizeof(uint32) * (nareas + 2));
	GuidanceOrder *texts = palloc(sizeof(GuidanceOrder) * (nwindows + 1));
	FacilityOrder *facilities = palloc(sizeof(FacilityOrder) * (nfacilities + 1));
	int		   *active;
	int			ntexts = 0;
	int			nsegments = 0;
	Size		names_size = 0;
	Size		guidance_size = sizeof(uint32);
	Size		guidance_total = 0;
	bool		legacy;
	CalendarLayout layout;
	OutageCalendar *calendar;
	char	   *base;
	char	   *p;

	/* the sources enforce these as they grow; a check costs nothing */
	if (nareas > OW_CALENDAR_MAX_AREAS)
		ow_calendar_too_many_areas();
	if (nwindows > OW_CALENDAR_MAX_WINDOWS)
		ow_calendar_too_many_windows();
	if (nfacilities > OW_CALENDAR_MAX_FACILITIES)
		ow_calendar_too_many_facilities();

	for (int i = 0; i < nareas; i++)
	{
		if (source->area_name_lens[i] <= 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("an area name of an outage calendar is empty")));
		order[i].name = source->area_names[i];
		order[i].len = source->area_name_lens[i];
		order[i].source_index = i;
		names_size += sizeof(uint32) + order[i].len;
	}
	qsort(order, nareas, sizeof(AreaOrder), area_order_cmp);
	for (int i = 0; i < nareas; i++)
	{
		if (i > 0 && area_order_cmp(&order[i - 1], &order[i]) == 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("area \"%s\" appears twice in an outage calendar",
							ow_quote_input(order[i].name, order[i].len))));
		rank[order[i].source_index] = i;
	}

	/* the guidance texts, sorted and each once: numbered in that order */
	for (int w = 0; w < nwindows; w++)
	{
		const CalendarWindow *win = &source->windows[w];

		if (win->guidance != NULL && win->guidance_len > 0)
		{
			texts[ntexts].text = win->guidance;
			texts[ntexts++].len = win->guidance_len;
		}
	}
	qsort(texts, ntexts, sizeof(GuidanceOrder), guidance_order_cmp);
	{
		int			distinct = 0;

		for (int i = 0; i < ntexts; i++)
		{
			CHECK_FOR_INTERRUPTS();
			if (distinct > 0 &&
				guidance_order_cmp(&texts[distinct - 1], &texts[i]) == 0)
				continue;
			texts[distinct++] = texts[i];
			guidance_size += sizeof(uint32) + texts[i].len;
			guidance_total += texts[i].len;
		}
		ntexts = distinct;
	}

	/*
	 * Counted as stored and printed, each distinct text once: a window split
	 * into many segments by the windows inside it adds nothing.
	 */
	if (guidance_total > OW_CALENDAR_MAX_GUIDANCE_TOTAL)
		ow_calendar_too_much_guidance(guidance_total);

	/* the facilities, by code, each once */
	for (int i = 0; i < nfacilities; i++)
	{
		facilities[i].code = source->facility_codes[i];
		facilities[i].area = source->facility_areas[i];
		if (facilities[i].area < 0 || facilities[i].area >= nareas)
			elog(ERROR, "outage_calendar facility without an area");
	}
	qsort(facilities, nfacilities, sizeof(FacilityOrder), facility_order_cmp);
	for (int i = 1; i < nfacilities; i++)
		if (facilities[i - 1].code == facilities[i].code)
			ereport(ERROR,
					(errcode(source->duplicate_errcode),
					 errmsg("facility %010lld appears twice in an outage calendar",
							(long long) facilities[i].code),
					 errhint("A facility is on one area: list it once.")));

	/*
	 * Group the windows by area in one pass (a counting sort: start[a + 1]
	 * counts area a's windows, then becomes where they go), so that each
	 * area, and the nationwide windows last, can be resolved on its own.
	 */
	for (int w = 0; w < nwindows; w++)
	{
		const CalendarWindow *win = &source->windows[w];

		CHECK_FOR_INTERRUPTS();
		if (!(win->lower < win->upper) || !OUTAGE_KIND_IS_VALID(win->kind))
			ereport(ERROR,
					(errcode(ERRCODE_DATA_EXCEPTION),
					 errmsg("invalid window in an outage calendar")));
		start[(win->area < 0 ? nareas : rank[win->area]) + 1]++;
	}
	for (int a = 0; a <= nareas; a++)
		start[a + 1] += start[a];
	for (int w = 0; w < nwindows; w++)
	{
		const CalendarWindow *win = &source->windows[w];
		ScheduleSegment *seg = &in[start[win->area < 0 ? nareas : rank[win->area]]++];

		CHECK_FOR_INTERRUPTS();
		seg->lower = win->lower;
		seg->upper = win->upper;
		seg->kind = win->kind;
		seg->guidance = (win->guidance != NULL && win->guidance_len > 0) ?
			guidance_number(texts, ntexts, win->guidance, win->guidance_len) : 0;
	}
	/* start[a] is now where area a + 1 begins */
	active = palloc0(sizeof(int) * OW_IMPACT_COUNT * (ntexts + 1));
	for (int a = 0; a <= nareas; a++)
	{
		int			from = a == 0 ? 0 : start[a - 1];

		first[a] = nsegments;
		nsegments += resolve_segments(in + from, start[a] - from,
									  segments + nsegments, active, ntexts);
	}
	first[nareas + 1] = nsegments;
	if (nsegments > OW_CALENDAR_MAX_SEGMENTS)
		ow_calendar_too_many_segments(nsegments);

	/*
	 * With nothing of version 2's, the value is what 1.0 wrote, byte for
	 * byte: a hash index, hash partition or Citus distribution built over
	 * 1.0's values finds the same calendar built now.
	 */
	legacy = nfacilities == 0 && ntexts == 0;
	if (legacy)
		guidance_size = 0;

	{
		OutageCalendar header = {0};

		header.nareas = nareas;
		header.nsegments = nsegments;
		header.nfacilities = nfacilities;
		calendar_layout(&header, &layout);
	}
	calendar = palloc0(layout.size + names_size + guidance_size);
	SET_VARSIZE(calendar, layout.size + names_size + guidance_size);
	calendar->version = legacy ? OW_CALENDAR_VERSION_1_0 : OW_CALENDAR_VERSION;
	calendar->nareas = nareas;
	calendar->nsegments = nsegments;
	calendar->nfacilities = nfacilities;
	base = (char *) calendar;

	for (int q = PREFECTURE_MIN; q <= PREFECTURE_MAX; q++)
	{
		int			a = source->area_of[q];

		base[layout.area_of + q] = (a >= 0 && a < nareas) ? rank[a] + 1 : 0;
	}
	memcpy(base + layout.first, first, sizeof(uint32) * (nareas + 2));
	p = base + layout.segments;
	for (int i = 0; i < nsegments; i++)
	{
		int32		kind = segments[i].kind;
		int32		guidance = segments[i].guidance;

		memcpy(p, &segments[i].lower, sizeof(int64));
		memcpy(p + sizeof(int64), &segments[i].upper, sizeof(int64));
		memcpy(p + 2 * sizeof(int64), &kind, sizeof(int32));
		memcpy(p + 2 * sizeof(int64) + sizeof(int32), &guidance, sizeof(int32));
		p += SEGMENT_BYTES;
	}
	for (int i = 0; i < nfacilities; i++)
	{
		int32		area = rank[facilities[i].area];

		memcpy(p, &facilities[i].code, sizeof(int64));
		memcpy(p + sizeof(int64), &area, sizeof(int32));
		p += FACILITY_BYTES;
	}
	for (int i = 0; i < nareas; i++)
	{
		uint32		len = order[i].len;

		memcpy(p, &len, sizeof(len));
		memcpy(p + sizeof(len), order[i].name, len);
		p += sizeof(len) + len;
	}
	if (!legacy)
	{
		uint32		n = ntexts;

		memcpy(p, &n, sizeof(n));
		p += sizeof(n);
	}
	for (int i = 0; i < ntexts; i++)
	{
		uint32		len = texts[i].len;

		memcpy(p, &len, sizeof(len));
		memcpy(p + sizeof(len), texts[i].text, len);
		p += sizeof(len) + len;
	}
	Assert(p == base + VARSIZE(calendar));
	calendar->content_hash =
		hash_bytes_extended((const unsigned char *) base + sizeof(OutageCalendar),
							VARSIZE(calendar) - sizeof(OutageCalendar), 0);

	pfree(order);
	pfree(rank);
	pfree(start);
	pfree(in);
	pfree(segments);
	pfree(first);
	pfree(texts);
	pfree(facilities);
	pfree(active);
	return calendar;
}

OutageCalendar *
ow_calendar_current(OutageCalendar *calendar)
{
	/*
	 * Both versions are current: building writes version 1's layout for a
	 * calendar without facilities and guidance (ow_calendar_build), so a
	 * value 1.0 stored is the value building it now gives.
	 */
	if (likely(calendar->version == OW_CALENDAR_VERSION ||
			   calendar->version == OW_CALENDAR_VERSION_1_0))
		return calendar;
	ereport(ERROR,
			(errcode(ERRCODE_DATA_CORRUPTED),
			 errmsg("outage_calendar has unknown version %d", calendar->version),
			 errhint("A newer outage_window wrote it: read it with that version.")));
	return NULL;				/* keep the compiler quiet */
}

void
ow_calendar_corrupted(void)
{
	ereport(ERROR,
			(errcode(ERRCODE_DATA_CORRUPTED),
			 errmsg("outage_calendar value is corrupted"),
			 errdetail("Its area offsets or prefecture map do not match its segments.")));
}

int
ow_calendar_area_index(const OutageCalendar *calendar, const char *name,
					   int len)
{
	const char *base = (const char *) calendar;
	CalendarLayout layout;
	const char *entry;

	calendar_layout(calendar, &layout);
	entry = base + layout.names;
	for (int a = 0; a < calendar->nareas; a++)
	{
		uint32		entry_len = get_u32(entry);

		if (entry_len == (uint32) len &&
			memcmp(entry + sizeof(uint32), name, len) == 0)
			return a;
		entry += sizeof(uint32) + entry_len;
	}
	return calendar->nareas;
}

void
ow_calendar_source_init(CalendarSource *source)
{
	source->nareas = 0;
	memset(source->area_slots, 0, sizeof(source->area_slots));
	for (int p = 0; p <= PREFECTURE_MAX; p++)
		source->area_of[p] = -1;
	source->nwindows = 0;
	source->window_capacity = 16;
	source->windows = palloc(sizeof(CalendarWindow) * source->window_capacity);
	source->nfacilities = 0;
	source->facility_capacity = 0;
	source->facility_codes = NULL;
	source->facility_areas = NULL;
	source->duplicate_errcode = ERRCODE_INVALID_PARAMETER_VALUE;
}

/* The slot holding name, or the free slot where it would go. */
static int
area_slot(const CalendarSource *source, const char *name, int len)
{
	int			slot = hash_bytes((const unsigned char *) name, len) &
		(OW_CALENDAR_AREA_SLOTS - 1);

	StaticAssertStmt(OW_CALENDAR_AREA_SLOTS >= 2 * OW_CALENDAR_MAX_AREAS &&
					 (OW_CALENDAR_AREA_SLOTS & (OW_CALENDAR_AREA_SLOTS - 1)) == 0,
					 "area slots must be a power of two, at most half full");
	for (;;)
	{
		int			i = source->area_slots[slot] - 1;

		if (i < 0 || (source->area_name_lens[i] == len &&
					  memcmp(source->area_names[i], name, len) == 0))
			return slot;
		slot = (slot + 1) & (OW_CALENDAR_AREA_SLOTS - 1);
	}
}

int
ow_calendar_source_find_area(const CalendarSource *source, const char *name,
							 int len)
{
	return source->area_slots[area_slot(source, name, len)] - 1;
}

int
ow_calendar_source_area(CalendarSource *source, const char *name, int len)
{
	int			slot;

	ow_calendar_check_area_name(len);
	slot = area_slot(source, name, len);
	if (source->area_slots[slot] != 0)
		return source->area_slots[slot] - 1;
	if (source->nareas == OW_CALENDAR_MAX_AREAS)
		ow_calendar_too_many_areas();
	source->area_names[source->nareas] = name;
	source->area_name_lens[source->nareas] = len;
	source->area_slots[slot] = source->nareas + 1;
	return source->nareas++;
}

void
ow_calendar_source_window(CalendarSource *source, int area,
						  TimestampTz lower, TimestampTz upper, int32 kind)
{
	CalendarWindow *w;

	CHECK_FOR_INTERRUPTS();
	if (source->nwindows == source->window_capacity)
	{
		if (source->nwindows >= OW_CALENDAR_MAX_WINDOWS)
			ow_calendar_too_many_windows();
		source->window_capacity = Min(2 * source->window_capacity,
									  OW_CALENDAR_MAX_WINDOWS);
		source->windows = repalloc(source->windows,
								   sizeof(CalendarWindow) * source->window_capacity);
	}
	w = &source->windows[source->nwindows++];
	w->area = area;
	w->lower = lower;
	w->upper = upper;
	w->kind = kind;
	w->guidance = NULL;
	w->guidance_len = 0;
}

void
ow_calendar_source_guidance(CalendarSource *source, const char *text, int len)
{
	CalendarWindow *w;

	Assert(source->nwindows > 0);
	ow_calendar_check_guidance(len);
	w = &source->windows[source->nwindows - 1];
	w->guidance = len > 0 ? text : NULL;
	w->guidance_len = len;
}

void
ow_calendar_source_facility(CalendarSource *source, int64 code, int area)
{
	CHECK_FOR_INTERRUPTS();
	if (source->nfacilities == source->facility_capacity)
	{
		if (source->nfacilities >= OW_CALENDAR_MAX_FACILITIES)
			ow_calendar_too_many_facilities();
		source->facility_capacity = Min(Max(16, 2 * source->facility_capacity),
										OW_CALENDAR_MAX_FACILITIES);
		if (source->facility_codes == NULL)
		{
			source->facility_codes = palloc(sizeof(int64) * source->facility_capacity);
			source->facility_areas = palloc(sizeof(int) * source->facility_capacity);
		}
		else
		{
			source->facility_codes = repalloc(source->facility_codes,
											  sizeof(int64) * source->facility_capacity);
			source->facility_areas = repalloc(source->facility_areas,
											  sizeof(int) * source->facility_capacity);
		}
	}
	source->facility_codes[source->nfacilities] = code;
	source->facility_areas[source->nfacilities++] = area;
}

/*
 * Text input: the parser finds the pieces, the callbacks below collect them
 * into a source, and the canonical calendar is built from that.
 */
typedef struct CalendarReader
{
	const char *input;
	CalendarSource source;
	int			current;		/* area index; -1: nationwide */
	/* the guidance texts quoted so far, unescaped, for "#n" */
	int			nquoted;
	int			quoted_capacity;
	const char **quoted;
	int		   *quoted_lens;
} CalendarReader;

static void
reader_init(CalendarReader *r, const char *input)
{
	r->input = input;
	ow_calendar_source_init(&r->source);
	r->current = -1;
	r->nquoted = 0;
	r->quoted_capacity = 0;
	r->quoted = NULL;
	r->quoted_lens = NULL;
}

static bool
read_area(void *arg, bool nationwide, const char *name, size_t len)
{
	CalendarReader *r = arg;
	char	   *unescaped;
	int			n;

	CHECK_FOR_INTERRUPTS();
	if (nationwide)
	{
		r->current = -1;
		return true;
	}
	/* escapes only shorten a name: a long one is refused before copying */
	if (len > 2 * OW_CALENDAR_MAX_AREA_NAME_BYTES)
		ow_calendar_check_area_name(len);
	unescaped = palloc(len + 1);
	n = cp_unescape(name, len, unescaped);
	unescaped[n] = '\0';
	ow_calendar_check_area_name(n);
	pg_verifymbstr(unescaped, n, false);
	if (n == 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid input syntax for type outage_calendar: \"%s\"",
						ow_quote_cstring(r->input)),
				 errdetail("An area name is empty.")));
	if (ow_calendar_source_find_area(&r->source, unescaped, n) >= 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid input syntax for type outage_calendar: \"%s\"",
						ow_quote_cstring(r->input)),
				 errdetail("Area \"%s\" appears twice.", ow_quote_input(unescaped, n))));
	r->current = ow_calendar_source_area(&r->source, unescaped, n);
	return true;
}

static bool
read_code(void *arg, int code)
{
	CalendarReader *r = arg;

	if (code < PREFECTURE_MIN || code > PREFECTURE_MAX)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid input syntax for type outage_calendar: \"%s\"",
						ow_quote_cstring(r->input)),
				 errdetail("Prefecture code %d is not between %d and %d.",
						   code, PREFECTURE_MIN, PREFECTURE_MAX)));
	if (r->source.area_of[code] >= 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid input syntax for type outage_calendar: \"%s\"",
						ow_quote_cstring(r->input)),
				 errdetail("Prefecture %d is listed in more than one area.", code)));
	r->source.area_of[code] = r->current;
	return true;
}

static bool
read_facility(void *arg, int64_t code)
{
	CalendarReader *r = arg;

	if (!mic_is_valid(code))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid input syntax for type outage_calendar: \"%s\"",
						ow_quote_cstring(r->input)),
				 errdetail("%010lld is not a medical institution code.", (long long) code),
				 errhint("A facility is its 10-digit 医療機関コード: prefecture (01 to 47), 点数表 digit, and 7 digits.")));
	if (r->current < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid input syntax for type outage_calendar: \"%s\"",
						ow_quote_cstring(r->input)),
				 errdetail("Facilities belong to a named area, not to \"*\".")));
	if (r->source.nfacilities >= OW_CALENDAR_MAX_FACILITIES)
		ow_calendar_too_many_facilities();
	ow_calendar_source_facility(&r->source, code, r->current);
	return true;
}

static bool
read_window(void *arg, const char *text, size_t len, const char *guidance,
			size_t guidance_len, uint32_t guidance_ref)
{
	CalendarReader *r = arg;
	char	   *literal;
	OutageWindow *w;

	/* refuse the window past the limit before reading it */
	if (r->source.nwindows >= OW_CALENDAR_MAX_WINDOWS)
		ow_calendar_too_many_windows();
	literal = pnstrdup(text, len);
	w = DatumGetOutageWindowP(DirectFunctionCall1(outage_window_in,
												  CStringGetDatum(literal)));
	ow_calendar_source_window(&r->source, r->current, w->lower, w->upper, w->kind);
	pfree(w);
	pfree(literal);
	if (guidance != NULL)
	{
		char	   *unescaped;
		int			n;

		/* escapes only shorten a text: a long one is refused before copying */
		if (guidance_len > 2 * OW_CALENDAR_MAX_GUIDANCE_BYTES)
			ow_calendar_check_guidance(guidance_len);
		unescaped = palloc(guidance_len + 1);
		n = cp_unescape(guidance, guidance_len, unescaped);
		unescaped[n] = '\0';
		pg_verifymbstr(unescaped, n, false);
		ow_calendar_source_guidance(&r->source, unescaped, n);
		/* one per window at most: bounded by the windows' limit */
		if (r->nquoted == r->quoted_capacity)
		{
			r->quoted_capacity = Max(16, 2 * r->quoted_capacity);
			if (r->quoted == NULL)
			{
				r->quoted = palloc(sizeof(char *) * r->quoted_capacity);
				r->quoted_lens = palloc(sizeof(int) * r->quoted_capacity);
			}
			else
			{
				r->quoted = repalloc(r->quoted, sizeof(char *) * r->quoted_capacity);
				r->quoted_lens = repalloc(r->quoted_lens,
										  sizeof(int) * r->quoted_capacity);
			}
		}
		r->quoted[r->nquoted] = unescaped;
		r->quoted_lens[r->nquoted++] = n;
	}
	else if (guidance_ref > 0)
	{
		if (guidance_ref > (uint32_t) r->nquoted)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					 errmsg("invalid input syntax for type outage_calendar: \"%s\"",
							ow_quote_cstring(r->input)),
					 errdetail("Guidance #%u refers to no guidance text quoted before it (there are %d).",
							   guidance_ref, r->nquoted),
					 errhint("\"#n\" after a window's kind stands for the n-th guidance text quoted earlier in the calendar, counting from 1.")));
		ow_calendar_source_guidance(&r->source, r->quoted[guidance_ref - 1],
									r->quoted_lens[guidance_ref - 1]);
	}
	return true;
}

PG_FUNCTION_INFO_V1(outage_calendar_in);
Datum
outage_calendar_in(PG_FUNCTION_ARGS)
{
	char	   *input = PG_GETARG_CSTRING(0);
	size_t		len = strlen(input);
	CalendarReader reader;
	CpCallbacks callbacks = {&reader, read_area, read_code, read_facility,
	read_window};
	size_t		error_pos;
	CpStatus	status;

	if (len > OW_CALENDAR_MAX_TEXT_BYTES)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("outage_calendar input exceeds the limit of %d bytes",
						OW_CALENDAR_MAX_TEXT_BYTES),
				 errdetail("The input is %zu bytes long.", len),
				 errhint("Build one calendar per period, for example per year, or leave out the windows no visit can fall in.")));
	reader_init(&reader, input);
	reader.source.duplicate_errcode = ERRCODE_INVALID_TEXT_REPRESENTATION;
	status = cp_split(input, len, &callbacks, &error_pos);
	if (status != CP_OK)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid input syntax for type outage_calendar: \"%s\"",
						ow_quote_cstring(input)),
				 errdetail("%s The problem is at character %d.",
						   cp_status_detail(status), (int) error_pos + 1),
				 errhint("Write {\"area\"(prefecture codes; facility codes): windows, each [from,to) kind, optionally followed by \"guidance\" or #n for the n-th guidance quoted before; *: nationwide windows}, as current_outage_calendar() prints it.")));
	PG_RETURN_OUTAGE_CALENDAR_P(ow_calendar_build(&reader.source));
}

int
ow_calendar_guidance(const OutageCalendar *calendar, const char ***texts,
					 uint32 **lens)
{
	const char *base = (const char *) calendar;
	CalendarLayout layout;
	Size		end = VARSIZE(calendar);
	Size		pos;
	uint32		n;

	calendar_layout(calendar, &layout);
	pos = calendar_guidance_offset(calendar, &layout);
	if (calendar->version == OW_CALENDAR_VERSION_1_0)
	{
		/* version 1 has no facilities and no guidance section */
		if (pos != end || calendar->nfacilities != 0)
			ow_calendar_corrupted();
		*texts = palloc(sizeof(char *));
		*lens = palloc(sizeof(uint32));
		return 0;
	}
	if (pos == 0 || pos + sizeof(uint32) > end)
		ow_calendar_corrupted();
	n = get_u32(base + pos);
	pos += sizeof(uint32);
	/* every text takes at least its length word */
	if (n > (end - pos) / sizeof(uint32))
		ow_calendar_corrupted();
	*texts = palloc(sizeof(char *) * (n + 1));
	*lens = palloc(sizeof(uint32) * (n + 1));
	for (uint32 i = 0; i < n; i++)
	{
		uint32		len;

		if (pos + sizeof(uint32) > end)
			ow_calendar_corrupted();
		len = get_u32(base + pos);
		pos += sizeof(uint32);
		if (len > end - pos)
			ow_calendar_corrupted();
		(*texts)[i] = base + pos;
		(*lens)[i] = len;
		pos += len;
	}
	if (pos != end)
		ow_calendar_corrupted();
	return (int) n;
}

static void
append_quoted_name(StringInfo buf, const char *name, uint32 len)
{
	appendStringInfoChar(buf, '"');
	for (uint32 i = 0; i < len; i++)
	{
		if (name[i] == '"' || name[i] == '\\')
			appendStringInfoChar(buf, '\\');
		appendStringInfoChar(buf, name[i]);
	}
	appendStringInfoChar(buf, '"');
}

/* The guidance texts of a calendar being printed or sent. */
typedef struct GuidanceTexts
{
	int			n;
	const char **texts;
	uint32	   *lens;
	/* printing: per text, its "#n" once it has been quoted (0: not yet) */
	int		   *printed;
	int			nprinted;
} GuidanceTexts;

static void
append_windows(StringInfo buf, const OutageCalendar *calendar, int area,
			   GuidanceTexts *guidance)
{
	CalendarLayout layout;
	const char *base = (const char *) calendar;
	uint32		from;
	uint32		to;

	calendar_layout(calendar, &layout);
	area_segments(calendar, area, &from, &to);
	for (uint32 i = from; i < to; i++)
	{
		ScheduleSegment seg;
		OutageWindow w;

		CHECK_FOR_INTERRUPTS();
		get_segment(base + layout.segments + SEGMENT_BYTES * i, &seg);
		w.lower = seg.lower;
		w.upper = seg.upper;
		w.kind = seg.kind;
		w.pad = 0;
		appendStringInfoString(buf, i == from ? " " : ", ");
		appendStringInfoString(buf,
							   DatumGetCString(DirectFunctionCall1(outage_window_out,
																   OutageWindowPGetDatum(&w))));
		if (seg.guidance > 0 && seg.guidance <= guidance->n)
		{
			int		   *printed = &guidance->printed[seg.guidance - 1];

			/*
			 * Each text once, then by number: the form grows by the windows
			 * and the distinct texts, not by texts times segments.
			 */
			if (*printed > 0)
				appendStringInfo(buf, " #%d", *printed);
			else
			{
				appendStringInfoChar(buf, ' ');
				append_quoted_name(buf, guidance->texts[seg.guidance - 1],
								   guidance->lens[seg.guidance - 1]);
				*printed = ++guidance->nprinted;
			}
		}
	}
}

/*
 * The facilities of each area, for printing and sending: area a's are
 * order[start[a] .. start[a + 1] - 1], by code (a counting sort of the
 * facilities, which are sorted by code).
 */
static void
facilities_by_area(const OutageCalendar *calendar, int **startp, int **orderp)
{
	CalendarLayout layout;
	const char *base = (const char *) calendar;
	int			nareas = calendar->nareas;
	int		   *start = palloc0(sizeof(int) * (nareas + 2));
	int		   *order = palloc(sizeof(int) * (calendar->nfacilities + 1));

	calendar_layout(calendar, &layout);
	for (uint32 i = 0; i < calendar->nfacilities; i++)
	{
		int64		code;
		int32		area;

		get_facility(base + layout.facilities + FACILITY_BYTES * i, &code, &area);
		if (area < 0 || area >= nareas)
			ow_calendar_corrupted();
		start[area + 2]++;
	}
	for (int a = 0; a < nareas; a++)
		start[a + 2] += start[a + 1];
	for (uint32 i = 0; i < calendar->nfacilities; i++)
	{
		int64		code;
		int32		area;

		get_facility(base + layout.facilities + FACILITY_BYTES * i, &code, &area);
		order[start[area + 1]++] = (int) i;
	}
	*startp = start;
	*orderp = order;
}

static int64
facility_code(const OutageCalendar *calendar, int i)
{
	CalendarLayout layout;
	int64		code;
	int32		area;

	calendar_layout(calendar, &layout);
	get_facility((const char *) calendar + layout.facilities + FACILITY_BYTES * i,
				 &code, &area);
	return code;
}

PG_FUNCTION_INFO_V1(outage_calendar_out);
Datum
outage_calendar_out(PG_FUNCTION_ARGS)
{
	OutageCalendar *calendar = PG_GETARG_OUTAGE_CALENDAR_P(0);
	const char *base = (const char *) calendar;
	CalendarLayout layout;
	StringInfoData buf;
	GuidanceTexts guidance;
	int		   *fstart;
	int		   *forder;
	const char *name;
	uint32		from;
	uint32		to;

	calendar_layout(calendar, &layout);
	guidance.n = ow_calendar_guidance(calendar, &guidance.texts, &guidance.lens);
	guidance.printed = palloc0(sizeof(int) * (guidance.n + 1));
	guidance.nprinted = 0;
	facilities_by_area(calendar, &fstart, &forder);
	initStringInfo(&buf);
	appendStringInfoChar(&buf, '{');
	name = base + layout.names;
	for (int a = 0; a < calendar->nareas; a++)
	{
		uint32		len = get_u32(name);
		bool		first_code = true;

		if (a > 0)
			appendStringInfoString(&buf, "; ");
		append_quoted_name(&buf, name + sizeof(uint32), len);
		appendStringInfoChar(&buf, '(');
		for (int p = PREFECTURE_MIN; p <= PREFECTURE_MAX; p++)
		{
			if ((uint8) base[layout.area_of + p] != a + 1)
				continue;
			appendStringInfo(&buf, first_code ? "%d" : ",%d", p);
			first_code = false;
		}
		for (int f = fstart[a]; f < fstart[a + 1]; f++)
		{
			char		code[11];

			CHECK_FOR_INTERRUPTS();
			mic_format(facility_code(calendar, forder[f]), code);
			appendStringInfoString(&buf, f == fstart[a] ?
								   "; " : ",");
			appendStringInfoString(&buf, code);
		}
		appendStringInfoString(&buf, "):");
		append_windows(&buf, calendar, a, &guidance);
		name += sizeof(uint32) + len;
	}
	area_segments(calendar, calendar->nareas, &from, &to);
	if (to > from)
	{
		if (calendar->nareas > 0)
			appendStringInfoString(&buf, "; ");
		appendStringInfoString(&buf, "*:");
		append_windows(&buf, calendar, calendar->nareas, &guidance);
	}
	appendStringInfoChar(&buf, '}');
	PG_RETURN_CSTRING(buf.data);
}

/*
 * Binary form, logical rather than the stored layout: int16 version, int16
 * number of areas; per area its name (text), int16 number of prefectures and
 * their int16 codes, [version 2: int32 number of facilities and their int8
 * codes,] int32 number of segments and the segments (int8 lower, int8
 * upper, int4 kind[, version 2: int4 guidance length, -1 for none, and the
 * text]); then the nationwide segments the same way.  Version 1 is what
 * outage_window 1.0 sent, and is read still; a calendar stored in version
 * 1's layout (no facilities, no guidance) is sent in it, as 1.0 sent it.
 */
static void
send_segments(StringInfo buf, const OutageCalendar *calendar, int area,
			  const GuidanceTexts *guidance)
{
	CalendarLayout layout;
	uint32		from;
	uint32		to;

	calendar_layout(calendar, &layout);
	area_segments(calendar, area, &from, &to);
	pq_sendint32(buf, to - from);
	for (uint32 i = from; i < to; i++)
	{
		ScheduleSegment seg;

		CHECK_FOR_INTERRUPTS();
		get_segment((const char *) calendar + layout.segments + SEGMENT_BYTES * i, &seg);
		pq_sendint64(buf, seg.lower);
		pq_sendint64(buf, seg.upper);
		pq_sendint32(buf, seg.kind);
		if (calendar->version == OW_CALENDAR_VERSION_1_0)
			continue;
		if (seg.guidance > 0 && seg.guidance <= guidance->n)
			pq_sendcountedtext(buf, guidance->texts[seg.guidance - 1],
							   guidance->lens[seg.guidance - 1]);
		else
			pq_sendint32(buf, -1);
	}
}

PG_FUNCTION_INFO_V1(outage_calendar_send);
Datum
outage_calendar_send(PG_FUNCTION_ARGS)
{
	OutageCalendar *calendar = PG_GETARG_OUTAGE_CALENDAR_P(0);
	const char *base = (const char *) calendar;
	CalendarLayout layout;
	StringInfoData buf;
	GuidanceTexts guidance;
	int		   *fstart;
	int		   *forder;
	const char *name;

	calendar_layout(calendar, &layout);
	guidance.n = ow_calendar_guidance(calendar, &guidance.texts, &guidance.lens);
	guidance.printed = NULL;
	guidance.nprinted = 0;
	facilities_by_area(calendar, &fstart, &forder);
	pq_begintypsend(&buf);
	pq_sendint16(&buf, calendar->version);
	pq_sendint16(&buf, calendar->nareas);
	name = base + layout.names;
	for (int a = 0; a < calendar->nareas; a++)
	{
		uint32		len = get_u32(name);
		int			ncodes = 0;

		pq_sendcountedtext(&buf, name + sizeof(uint32), len);
		for (int p = PREFECTURE_MIN; p <= PREFECTURE_MAX; p++)
			if ((uint8) base[layout.area_of + p] == a + 1)
				ncodes++;
		pq_sendint16(&buf, ncodes);
		for (int p = PREFECTURE_MIN; p <= PREFECTURE_MAX; p++)
			if ((uint8) base[layout.area_of + p] == a + 1)
				pq_sendint16(&buf, p);
		if (calendar->version != OW_CALENDAR_VERSION_1_0)
		{
			pq_sendint32(&buf, fstart[a + 1] - fstart[a]);
			for (int f = fstart[a]; f < fstart[a + 1]; f++)
				pq_sendint64(&buf, facility_code(calendar, forder[f]));
		}
		send_segments(&buf, calendar, a, &guidance);
		name += sizeof(uint32) + len;
	}
	send_segments(&buf, calendar, calendar->nareas, &guidance);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

static void
recv_segments(StringInfo buf, CalendarReader *r, int version)
{
	int32		n = pq_getmsgint(buf, 4);
	int			min_bytes = version == OW_CALENDAR_VERSION_1_0 ? 20 : 24;

	if (n < 0 || n > (buf->len - buf->cursor) / min_bytes)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid number of windows in external outage_calendar value")));
	if (n > OW_CALENDAR_MAX_WINDOWS - r->source.nwindows)
		ow_calendar_too_many_windows();
	for (int i = 0; i < n; i++)
	{
		OutageWindow w;

		w.lower = pq_getmsgint64(buf);
		w.upper = pq_getmsgint64(buf);
		w.kind = pq_getmsgint(buf, 4);
		w.pad = 0;
		if (!OUTAGE_KIND_IS_VALID(w.kind) || !(w.lower < w.upper) ||
			(!IS_VALID_TIMESTAMP(w.lower) && !TIMESTAMP_NOT_FINITE(w.lower)) ||
			(!IS_VALID_TIMESTAMP(w.upper) && !TIMESTAMP_NOT_FINITE(w.upper)))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
					 errmsg("invalid window in external outage_calendar value")));
		ow_calendar_source_window(&r->source, r->current, w.lower, w.upper, w.kind);
		if (version != OW_CALENDAR_VERSION_1_0)
		{
			int			rawlen = pq_getmsgint(buf, 4);
			int			nbytes;
			char	   *text;

			if (rawlen == -1)
				continue;
			/* before converting it: conversion may grow it */
			if (rawlen < 0 || rawlen > buf->len - buf->cursor)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
						 errmsg("invalid guidance length in external outage_calendar value")));
			ow_calendar_check_guidance(rawlen);
			text = pq_getmsgtext(buf, rawlen, &nbytes);
			ow_calendar_source_guidance(&r->source, text, nbytes);
		}
	}
}

PG_FUNCTION_INFO_V1(outage_calendar_recv);
Datum
outage_calendar_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	CalendarReader reader;
	int			version;
	int			nareas;

	reader_init(&reader, "(binary)");
	reader.source.duplicate_errcode = ERRCODE_INVALID_BINARY_REPRESENTATION;
	version = pq_getmsgint(buf, 2);
	nareas = pq_getmsgint(buf, 2);
	if (version != OW_CALENDAR_VERSION && version != OW_CALENDAR_VERSION_1_0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid header in external outage_calendar value"),
				 errdetail("Version %d is not one this outage_window reads (1 and 2).", version)));
	if (nareas > OW_CALENDAR_MAX_AREAS)
		ow_calendar_too_many_areas();
	for (int a = 0; a < nareas; a++)
	{
		int			rawlen = pq_getmsgint(buf, 4);
		int			nbytes;
		char	   *name;
		int			ncodes;

		/* before converting it: conversion may grow it */
		if (rawlen < 0 || rawlen > buf->len - buf->cursor)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
					 errmsg("invalid area name length in external outage_calendar value")));
		ow_calendar_check_area_name(rawlen);
		name = pq_getmsgtext(buf, rawlen, &nbytes);

		if (nbytes == 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
					 errmsg("empty area name in external outage_calendar value")));
		if (ow_calendar_source_find_area(&reader.source, name, nbytes) >= 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
					 errmsg("area \"%s\" appears twice in external outage_calendar value",
							ow_quote_input(name, nbytes))));
		reader.current = ow_calendar_source_area(&reader.source, name, nbytes);
		ncodes = pq_getmsgint(buf, 2);
		if (ncodes < 0 || ncodes > PREFECTURE_MAX)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
					 errmsg("invalid number of prefectures in external outage_calendar value")));
		for (int i = 0; i < ncodes; i++)
		{
			int			code = (int16) pq_getmsgint(buf, 2);

			if (!PREFECTURE_IS_VALID(code) || reader.source.area_of[code] >= 0)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
						 errmsg("invalid prefecture code %d in external outage_calendar value",
								code)));
			reader.source.area_of[code] = a;
		}
		if (version != OW_CALENDAR_VERSION_1_0)
		{
			int32		nfacilities = pq_getmsgint(buf, 4);

			if (nfacilities < 0 || nfacilities > (buf->len - buf->cursor) / 8)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
						 errmsg("invalid number of facilities in external outage_calendar value")));
			if (nfacilities > OW_CALENDAR_MAX_FACILITIES - reader.source.nfacilities)
				ow_calendar_too_many_facilities();
			for (int i = 0; i < nfacilities; i++)
			{
				int64		code = pq_getmsgint64(buf);

				if (!mic_is_valid(code))
					ereport(ERROR,
							(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
							 errmsg("invalid facility code %lld in external outage_calendar value",
									(long long) code)));
				ow_calendar_source_facility(&reader.source, code, a);
			}
		}
		recv_segments(buf, &reader, version);
	}
	reader.current = -1;
	recv_segments(buf, &reader, version);
	PG_RETURN_OUTAGE_CALENDAR_P(ow_calendar_build(&reader.source));
}

/* Canonical values: equal calendars are equal bytes. */
static bool
calendar_equal(FunctionCallInfo fcinfo)
{
	OutageCalendar *a = PG_GETARG_OUTAGE_CALENDAR_P(0);
	OutageCalendar *b = PG_GETARG_OUTAGE_CALENDAR_P(1);

	return VARSIZE(a) == VARSIZE(b) && a->content_hash == b->content_hash &&
		memcmp(a, b, VARSIZE(a)) == 0;
}

PG_FUNCTION_INFO_V1(outage_calendar_eq);
Datum
outage_calendar_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(calendar_equal(fcinfo));
}

PG_FUNCTION_INFO_V1(outage_calendar_ne);
Datum
outage_calendar_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(!calendar_equal(fcinfo));
}

/*
 * A total order for btree (Citus distribution columns, GROUP BY, DISTINCT,
 * merge joins): by size, then bytewise.  It means nothing about schedules;
 * it only has to agree with equality, which it does since equal calendars
 * are equal bytes.
 */
static int
calendar_cmp(FunctionCallInfo fcinfo)
{
	OutageCalendar *a = PG_GETARG_OUTAGE_CALENDAR_P(0);
	OutageCalendar *b = PG_GETARG_OUTAGE_CALENDAR_P(1);
	Size		la = VARSIZE(a);
	Size		lb = VARSIZE(b);

	if (la != lb)
		return la < lb ? -1 : 1;
	return memcmp((const char *) a + VARHDRSZ, (const char *) b + VARHDRSZ,
				  la - VARHDRSZ);
}

PG_FUNCTION_INFO_V1(outage_calendar_cmp);
Datum
outage_calendar_cmp(PG_FUNCTION_ARGS)
{
	int			c = calendar_cmp(fcinfo);

	PG_RETURN_INT32((c > 0) - (c < 0));
}

PG_FUNCTION_INFO_V1(outage_calendar_lt);
Datum
outage_calendar_lt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(calendar_cmp(fcinfo) < 0);
}

PG_FUNCTION_INFO_V1(outage_calendar_le);
Datum
outage_calendar_le(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(calendar_cmp(fcinfo) <= 0);
}

PG_FUNCTION_INFO_V1(outage_calendar_ge);
Datum
outage_calendar_ge(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(calendar_cmp(fcinfo) >= 0);
}

PG_FUNCTION_INFO_V1(outage_calendar_gt);
Datum
outage_calendar_gt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(calendar_cmp(fcinfo) > 0);
}

PG_FUNCTION_INFO_V1(outage_calendar_hash);
Datum
outage_calendar_hash(PG_FUNCTION_ARGS)
{
	OutageCalendar *calendar = PG_GETARG_OUTAGE_CALENDAR_P(0);

	PG_RETURN_INT32((int32) calendar->content_hash);
}

PG_FUNCTION_INFO_V1(outage_calendar_hash_extended);
Datum
outage_calendar_hash_extended(PG_FUNCTION_ARGS)
{
	OutageCalendar *calendar = PG_GETARG_OUTAGE_CALENDAR_P(0);
	uint64		seed = PG_GETARG_INT64(1);

	PG_RETURN_INT64(hash_bytes_extended((const unsigned char *) calendar + sizeof(OutageCalendar),
										VARSIZE(calendar) - sizeof(OutageCalendar),
										seed));
}
