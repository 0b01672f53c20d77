/*-------------------------------------------------------------------------
 *
 * calendar.c
 *	  The outage_calendar type: building a calendar from windows, and its
 *	  text and binary forms.
 *
 * Both the table-reading eligibility functions and the ones that take a
 * calendar go windows -> calendar (here) -> compiled schedule
 * (compiled_schedule.c), so they cannot disagree.  Building resolves
 * overlaps within each area (keeping the most severe kind); compiling
 * resolves them between an area and the nationwide windows.
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
#include "pg_compat.h"

/* A window boundary for the sweep: at time, kind starts (+1) or ends (-1). */
typedef struct Boundary
{
	TimestampTz time;
	int32		kind;
	int32		delta;
} Boundary;

/*
 * The longest window a calendar prints, "[...,...) registration_delay"
 * with ", " before it: two bounds of at most 38 characters
 * ("4714-11-24 09:18:59.999999+09:18:59 BC") and the longest kind.  The
 * limits must let every calendar's text form read back.
 */
#define WINDOW_TEXT_MAX_BYTES (2 + 1 + 38 + 1 + 38 + 2 + 18)
StaticAssertDecl((Size) OW_CALENDAR_MAX_SEGMENTS * WINDOW_TEXT_MAX_BYTES +
				 (Size) OW_CALENDAR_MAX_AREAS *
				 (2 * OW_CALENDAR_MAX_AREA_NAME_BYTES + 4 + 4 * PREFECTURE_MAX) +
				 16 <= OW_CALENDAR_MAX_TEXT_BYTES,
				 "an outage_calendar within the limits must print within the text limit");

/* How much of a rejected input an error message quotes. */


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
 * Resolve possibly overlapping segments into disjoint ones, sorted, each
 * with the most severe kind covering it, neighbours of equal kind merged.
 * out has room for 2 * n segments; returns how many were written.
 */
static int
resolve_segments(const ScheduleSegment *in, int n, ScheduleSegment *out)
{
	Boundary   *boundaries = palloc(sizeof(Boundary) * (2 * n + 1));
	int			nb = 0;
	int			nout = 0;
	int			active[OW_KIND_CODE_MAX + 1] = {0};
	int32		current = OW_IMPACT_NONE;
	TimestampTz start = 0;

	for (int i = 0; i < n; i++)
	{
		CHECK_FOR_INTERRUPTS();
		boundaries[nb].time = in[i].lower;
		boundaries[nb].kind = in[i].kind;
		boundaries[nb++].delta = 1;
		boundaries[nb].time = in[i].upper;
		boundaries[nb].kind = in[i].kind;
		boundaries[nb++].delta = -1;
	}
	qsort(boundaries, nb, sizeof(Boundary), boundary_cmp);

	for (int i = 0; i < nb;)
	{
		TimestampTz t = boundaries[i].time;
		int32		next = OW_IMPACT_NONE;

		CHECK_FOR_INTERRUPTS();
		/* apply every boundary at t before looking at the result */
		for (; i < nb && boundaries[i].time == t; i++)
			active[boundaries[i].kind] += boundaries[i].delta;
		for (int r = OW_IMPACT_COUNT - 1; r > OW_IMPACT_NONE; r--)
		{
			if (active[ow_impacts[r].code] > 0)
			{
				next = ow_impacts[r].code;
				break;
			}
		}
		if (next == current)
			continue;
		if (current != OW_IMPACT_NONE)
		{
			out[nout].lower = start;
			out[nout].upper = t;
			out[nout].kind = current;
			nout++;
		}
		current = next;
		start = t;
	}
	pfree(boundaries);
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

OutageCalendar *
ow_calendar_build(const CalendarSource *source)
{
	int			nareas = source->nareas;
	int			nwindows = source->nwindows;
	AreaOrder  *order = palloc(sizeof(AreaOrder) * Max(nareas, 1));
	int		   *rank = palloc(sizeof(int) * Max(nareas, 1));
	int		   *start = palloc0(sizeof(int) * (nareas + 2));
	ScheduleSegment *in = palloc(sizeof(ScheduleSegment) * (nwindows + 1));
	ScheduleSegment *segments = palloc(sizeof(ScheduleSegment) *
									   (2 * (Size) nwindows + 1));
	uint32	   *first = palloc(sizeof(uint32) * (nareas + 2));
	int			nsegments = 0;
	Size		names_size = 0;
	CalendarLayout layout;
	OutageCalendar *calendar;
	char	   *base;
	char	   *p;

	/* the sources enforce these as they grow; a check costs nothing */
	if (nareas > OW_CALENDAR_MAX_AREAS)
		ow_calendar_too_many_areas();
	if (nwindows > OW_CALENDAR_MAX_WINDOWS)
		ow_calendar_too_many_windows();

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

		seg->lower = win->lower;
		seg->upper = win->upper;
		seg->kind = win->kind;
	}
	/* start[a] is now where area a + 1 begins */
	for (int a = 0; a <= nareas; a++)
	{
		int			from = a == 0 ? 0 : start[a - 1];

		first[a] = nsegments;
		nsegments += resolve_segments(in + from, start[a] - from,
									  segments + nsegments);
	}
	first[nareas + 1] = nsegments;
	if (nsegments > OW_CALENDAR_MAX_SEGMENTS)
		ow_calendar_too_many_segments(nsegments);

	calendar_layout(nareas, nsegments, &layout);
	calendar = palloc0(layout.size + names_size);
	SET_VARSIZE(calendar, layout.size + names_size);
	calendar->version = OW_CALENDAR_VERSION;
	calendar->nareas = nareas;
	calendar->nsegments = nsegments;
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

		memcpy(p, &segments[i].lower, sizeof(int64));
		memcpy(p + sizeof(int64), &segments[i].upper, sizeof(int64));
		memcpy(p + 2 * sizeof(int64), &kind, sizeof(int32));
		p += SEGMENT_BYTES;
	}
	for (int i = 0; i < nareas; i++)
	{
		uint32		len = order[i].len;

		memcpy(p, &len, sizeof(len));
		memcpy(p + sizeof(len), order[i].name, len);
		p += sizeof(len) + len;
	}
	calendar->content_hash =
		hash_bytes_extended((const unsigned char *) base + sizeof(OutageCalendar),
							VARSIZE(calendar) - sizeof(OutageCalendar), 0);

	pfree(order);
	pfree(rank);
	pfree(start);
	pfree(in);
	pfree(segments);
	pfree(first);
	return calendar;
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

	calendar_layout(calendar->nareas, calendar->nsegments, &layout);
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
} CalendarReader;

static void
reader_init(CalendarReader *r, const char *input)
{
	r->input = input;
	ow_calendar_source_init(&r->source);
	r->current = -1;
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
read_window(void *arg, const char *text, size_t len)
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
	return true;
}

PG_FUNCTION_INFO_V1(outage_calendar_in);
Datum
outage_calendar_in(PG_FUNCTION_ARGS)
{
	char	   *input = PG_GETARG_CSTRING(0);
	size_t		len = strlen(input);
	CalendarReader reader;
	CpCallbacks callbacks = {&reader, read_area, read_code, read_window};
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
	status = cp_split(input, len, &callbacks, &error_pos);
	if (status != CP_OK)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid input syntax for type outage_calendar: \"%s\"",
						ow_quote_cstring(input)),
				 errdetail("%s The problem is at character %d.",
						   cp_status_detail(status), (int) error_pos + 1),
				 errhint("Write {\"area\"(codes): windows; *: nationwide windows}, as current_outage_calendar() prints it.")));
	PG_RETURN_OUTAGE_CALENDAR_P(ow_calendar_build(&reader.source));
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

static void
append_windows(StringInfo buf, const OutageCalendar *calendar, int area)
{
	CalendarLayout layout;
	const char *base = (const char *) calendar;
	uint32		from;
	uint32		to;

	calendar_layout(calendar->nareas, calendar->nsegments, &layout);
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
	}
}

PG_FUNCTION_INFO_V1(outage_calendar_out);
Datum
outage_calendar_out(PG_FUNCTION_ARGS)
{
	OutageCalendar *calendar = PG_GETARG_OUTAGE_CALENDAR_P(0);
	const char *base = (const char *) calendar;
	CalendarLayout layout;
	StringInfoData buf;
	const char *name;
	uint32		from;
	uint32		to;

	calendar_layout(calendar->nareas, calendar->nsegments, &layout);
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
		appendStringInfoString(&buf, "):");
		append_windows(&buf, calendar, a);
		name += sizeof(uint32) + len;
	}
	area_segments(calendar, calendar->nareas, &from, &to);
	if (to > from)
	{
		if (calendar->nareas > 0)
			appendStringInfoString(&buf, "; ");
		appendStringInfoString(&buf, "*:");
		append_windows(&buf, calendar, calendar->nareas);
	}
	appendStringInfoChar(&buf, '}');
	PG_RETURN_CSTRING(buf.data);
}

/*
 * Binary form, logical rather than the stored layout: int16 version, int16
 * number of areas; per area its name (text), int16 number of prefectures and
 * their int16 codes, int32 number of segments and the segments (int8 lower,
 * int8 upper, int4 kind); then the nationwide segments the same way.
 */
static void
send_segments(StringInfo buf, const OutageCalendar *calendar, int area)
{
	CalendarLayout layout;
	uint32		from;
	uint32		to;

	calendar_layout(calendar->nareas, calendar->nsegments, &layout);
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
	const char *name;

	calendar_layout(calendar->nareas, calendar->nsegments, &layout);
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
		send_segments(&buf, calendar, a);
		name += sizeof(uint32) + len;
	}
	send_segments(&buf, calendar, calendar->nareas);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

static void
recv_segments(StringInfo buf, CalendarReader *r)
{
	int32		n = pq_getmsgint(buf, 4);

	if (n < 0 || n > (buf->len - buf->cursor) / 20)
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
	version = pq_getmsgint(buf, 2);
	nareas = pq_getmsgint(buf, 2);
	if (version != OW_CALENDAR_VERSION)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid header in external outage_calendar value")));
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
		recv_segments(buf, &reader);
	}
	reader.current = -1;
	recv_segments(buf, &reader);
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
