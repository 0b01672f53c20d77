/*-------------------------------------------------------------------------
 *
 * compiled_schedule.c
 *	  Compile an outage_calendar into the schedule the eligibility
 *	  functions search (compiled_schedule.h), keep a calendar argument's
 *	  compiled form at its call site, and give a schedule's affected time
 *	  as ranges.
 *
 * This is the eligibility core's side of the calendar: the type (calendar.c)
 * stores windows as they were resolved; here they become the per-slot runs
 * the lookups search, with the severities of impact.h.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/memutils.h"

#include "calendar_layout.h"
#include "compiled_schedule.h"
#include "japan_time.h"
#include "pg_compat.h"

/*
 * Merge two sorted lists of disjoint segments into one, each part taking
 * the more severe kind and its guidance (ow_segment_key), neighbours alike
 * joined: one sweep over the boundaries of both lists in order.  Writes to
 * out unless it is NULL.
 * Returns the number of segments, or -1 once that would pass max_out or
 * the sweep would take more than *steps steps (which it decrements).
 */
static int
merge_segments(const ScheduleSegment *a, int na, const ScheduleSegment *b,
			   int nb, ScheduleSegment *out, int max_out, int64 *steps)
{
	int			i = 0;
	int			j = 0;
	int			nout = 0;
	TimestampTz t;
	TimestampTz last_upper = 0;
	int64		last_key = -1;

	if (na == 0 && nb == 0)
		return 0;
	t = na == 0 ? b[0].lower : nb == 0 ? a[0].lower : Min(a[0].lower, b[0].lower);

	/* a[i] and b[j] are the first segments ending after t */
	while (i < na || j < nb)
	{
		int64		key = -1;
		TimestampTz next = 0;

		CHECK_FOR_INTERRUPTS();
		if (--*steps < 0)
			return -1;
		if (i < na)
		{
			if (a[i].lower <= t)
			{
				key = ow_segment_key(a[i].kind, a[i].guidance);
				next = a[i].upper;
			}
			else
				next = a[i].lower;
		}
		if (j < nb)
		{
			TimestampTz bnext = b[j].lower <= t ? b[j].upper : b[j].lower;

			/* the same rule as within an area (calendar.c) */
			if (b[j].lower <= t)
				key = Max(key, ow_segment_key(b[j].kind, b[j].guidance));
			next = i < na ? Min(next, bnext) : bnext;
		}
		if (key >= 0)
		{
			if (nout > 0 && last_upper == t && last_key == key)
			{
				if (out != NULL)
					out[nout - 1].upper = next;
			}
			else
			{
				if (nout == max_out)
					return -1;
				if (out != NULL)
				{
					out[nout].lower = t;
					out[nout].upper = next;
					out[nout].kind = ow_segment_key_rank(key);
					out[nout].guidance = ow_segment_key_guidance(key);
				}
				nout++;
			}
			last_upper = next;
			last_key = key;
		}
		t = next;
		while (i < na && a[i].upper <= t)
			i++;
		while (j < nb && b[j].upper <= t)
			j++;
	}
	return nout;
}

/* What the lookups need of one run of segments, worked out once per run. */
typedef struct RunSummary
{
	int			from;
	int			to;
	TimestampTz affected_lower;
	TimestampTz affected_upper;
	double		affected_seconds;
} RunSummary;

static void
summarize_run(const ScheduleSegment *segments, int from, int to,
			  RunSummary *run)
{
	run->from = from;
	run->to = to;
	run->affected_lower = DT_NOEND;
	run->affected_upper = DT_NOBEGIN;
	run->affected_seconds = 0;
	for (int i = from; i < to; i++)
	{
		const ScheduleSegment *seg = &segments[i];

		CHECK_FOR_INTERRUPTS();
		if (!ow_impacts[seg->kind].affects_eligibility)
			continue;
		run->affected_lower = Min(run->affected_lower, seg->lower);
		run->affected_upper = Max(run->affected_upper, seg->upper);
		if (!TIMESTAMP_NOT_FINITE(seg->lower) && !TIMESTAMP_NOT_FINITE(seg->upper))
			run->affected_seconds += ((double) seg->upper - (double) seg->lower) /
				USECS_PER_SEC;
	}
}

/*
 * Point a lookup slot at the run of its area (-1: no area): the area's own
 * run, merged with the nationwide segments or searched with them, or the
 * nationwide run alone.  Slot 0's hulls gather those of every slot.
 */
static void
fill_slot(CompiledSchedule *schedule, int slot, int area,
		  const RunSummary *runs, const bool *merged, int nnation, int nareas)
{
	const RunSummary *run;
	const RunSummary *also = NULL;

	/* no area, or an area without segments of its own: nationwide only */
	if (area < 0 || runs[area].from == runs[area].to)
		run = &runs[nareas];
	else
	{
		run = &runs[area];
		if (!merged[area] && nnation > 0)
			also = &runs[nareas];
	}
	schedule->from[slot] = run->from;
	schedule->to[slot] = run->to;
	schedule->also_from[slot] = also ? also->from : 0;
	schedule->also_to[slot] = also ? also->to : 0;
	schedule->affected_lower[slot] = run->affected_lower;
	schedule->affected_upper[slot] = run->affected_upper;
	schedule->affected_seconds[slot] = run->affected_seconds;
	if (run->from < run->to)
	{
		/* a run is sorted and disjoint: its ends are its hull */
		schedule->hull_lower = Min(schedule->hull_lower,
								   schedule->segments[run->from].lower);
		schedule->hull_upper = Max(schedule->hull_upper,
								   schedule->segments[run->to - 1].upper);
	}
	if (also != NULL)
	{
		schedule->hull_lower = Min(schedule->hull_lower,
								   schedule->segments[also->from].lower);
		schedule->hull_upper = Max(schedule->hull_upper,
								   schedule->segments[also->to - 1].upper);
		schedule->affected_lower[slot] = Min(schedule->affected_lower[slot],
											 also->affected_lower);
		schedule->affected_upper[slot] = Max(schedule->affected_upper[slot],
											 also->affected_upper);
		/* overlaps count twice: an estimate, capped by its user */
		schedule->affected_seconds[slot] += also->affected_seconds;
	}
	schedule->affected_lower[0] = Min(schedule->affected_lower[0],
									  schedule->affected_lower[slot]);
	schedule->affected_upper[0] = Max(schedule->affected_upper[0],
									  schedule->affected_upper[slot]);
	if (slot <= PREFECTURE_MAX)
		schedule->affected_seconds[0] += schedule->affected_seconds[slot];
}

/*
 * The calendar's facilities as a hash of their codes, each with its area's
 * slot, in target; NULL if it has none.  The tables' facility_area takes
 * this path too: schedule.c puts it in the calendar it compiles.
 */
static const FacilityMap *
compile_facilities(const OutageCalendar *calendar, const CalendarLayout *layout,
				   MemoryContext target)
{
	const char *base = (const char *) calendar;
	int			n = calendar->nfacilities;
	uint32		size = 16;
	FacilityMap *map;

	if (n == 0)
		return NULL;
	/* at most half full, so that a miss - most visits - ends soon */
	while (size < 2 * (uint32) n)
		size *= 2;
	map = MemoryContextAlloc(target, sizeof(FacilityMap));
	map->mask = size - 1;
	map->codes = MemoryContextAllocZero(target, sizeof(int64) * size);
	map->slots = MemoryContextAlloc(target, sizeof(int16) * size);
	for (int i = 0; i < n; i++)
	{
		int64		code;
		int32		area;
		uint32		h;

		CHECK_FOR_INTERRUPTS();
		get_facility(base + layout->facilities + FACILITY_BYTES * i, &code, &area);
		if (code <= 0 || area < 0 || area >= calendar->nareas)
			ow_calendar_corrupted();
		h = ow_facility_hash(code, map->mask);
		while (map->codes[h] != 0 && map->codes[h] != code)
			h = (h + 1) & map->mask;
		map->codes[h] = code;
		map->slots[h] = OW_SCHEDULE_AREA_SLOT(area);
	}
	return map;
}

/*
 * Room for capacity windows, with the calendar's area names (as text) in
 * the same chunk, so that one pfree frees them all.
 */
ScheduleWindows *
ow_schedule_windows_new(const OutageCalendar *calendar, int capacity,
						MemoryContext target)
{
	const char *base = (const char *) calendar;
	int			nareas = calendar->nareas;
	CalendarLayout layout;
	ScheduleWindows *windows;
	Size		head;
	Size		pos;
	Size		extra = 0;
	char	   *next;

	calendar_layout(calendar, &layout);
	pos = layout.names;
	for (int a = 0; a < nareas; a++)
	{
		uint32		len;

		if (pos + sizeof(uint32) > VARSIZE(calendar))
			ow_calendar_corrupted();
		len = get_u32(base + pos);
		if (len > VARSIZE(calendar) - pos - sizeof(uint32))
			ow_calendar_corrupted();
		extra += INTALIGN(VARHDRSZ + len);
		pos += sizeof(uint32) + len;
	}
	head = MAXALIGN(offsetof(ScheduleWindows, windows) +
					sizeof(ScheduleWindow) * Max(capacity, 1));
	windows = MemoryContextAlloc(target, head +
								 MAXALIGN(sizeof(struct varlena *) * Max(nareas, 1)) +
								 extra);
	windows->nwindows = 0;
	windows->nareas = nareas;
	windows->rows = NULL;
	windows->area_names = (const struct varlena **) ((char *) windows + head);
	next = (char *) windows->area_names +
		MAXALIGN(sizeof(struct varlena *) * Max(nareas, 1));
	pos = layout.names;
	for (int a = 0; a < nareas; a++)
	{
		uint32		len = get_u32(base + pos);
		struct varlena *name = (struct varlena *) next;

		SET_VARSIZE(name, VARHDRSZ + len);
		memcpy(VARDATA(name), base + pos + sizeof(uint32), len);
		windows->area_names[a] = name;
		next += INTALIGN(VARHDRSZ + len);
		pos += sizeof(uint32) + len;
	}
	for (int slot = 0; slot < OW_SCHEDULE_SLOTS; slot++)
		windows->slot_area[slot] = -1;
	for (int p = PREFECTURE_MIN; p <= PREFECTURE_MAX; p++)
		windows->slot_area[p] = (int16) ((uint8) base[layout.area_of + p] - 1);
	for (int a = 0; a < nareas; a++)
		windows->slot_area[OW_SCHEDULE_AREA_SLOT(a)] = (int16) a;
	return windows;
}

/*
 * A calendar keeps no rows, only each area's segments: those are the
 * windows behind its answers.
 */
static const ScheduleWindows *
calendar_windows(const OutageCalendar *calendar, const CalendarLayout *layout,
				 const uint32 *bounds, MemoryContext target)
{
	const char *base = (const char *) calendar;
	int			nareas = calendar->nareas;
	ScheduleWindows *windows = ow_schedule_windows_new(calendar,
													   calendar->nsegments,
													   target);

	for (int a = 0; a <= nareas; a++)
	{
		for (uint32 i = bounds[a]; i < bounds[a + 1]; i++)
		{
			ScheduleWindow *w = &windows->windows[windows->nwindows++];
			ScheduleSegment seg;

			get_segment(base + layout->segments + SEGMENT_BYTES * i, &seg);
			w->lower = seg.lower;
			w->upper = seg.upper;
			w->kind = (int16) seg.kind;
			w->area = (int16) (a < nareas ? a : -1);
			w->guidance = seg.guidance;
		}
	}
	return windows;
}

/*
 * Windows i and j by ow_segment_key's guidance order: one with a text of
 * its own before one without, then the text that sorts first (bytewise,
 * as a calendar numbers its texts).
 */
static int
guidance_order(const ScheduleWindows *windows, int i, int j)
{
	if (windows->rows != NULL)
	{
		const struct varlena *gx = windows->rows[i].guidance;
		const struct varlena *gy = windows->rows[j].guidance;
		Size		lx;
		Size		ly;
		int			c;

		if ((gx != NULL) != (gy != NULL))
			return gx != NULL ? -1 : 1;
		if (gx == NULL)
			return 0;
		lx = VARSIZE_ANY_EXHDR(gx);
		ly = VARSIZE_ANY_EXHDR(gy);
		c = memcmp(VARDATA_ANY(gx), VARDATA_ANY(gy), Min(lx, ly));
		if (c != 0)
			return c < 0 ? -1 : 1;
		return (lx > ly) - (lx < ly);
	}
	else
	{
		int32		x = windows->windows[i].guidance;
		int32		y = windows->windows[j].guidance;

		if ((x > 0) != (y > 0))
			return x > 0 ? -1 : 1;
		return (x > y) - (x < y);
	}
}

/*
 * The window that decides first (most severe, then ow_segment_key's
 * guidance order, as visit_guidance and eligibility_review decide), then
 * by start, end, id (none last), area before nationwide.
 */
static int
window_order(const void *a, const void *b, void *arg)
{
	const ScheduleWindows *windows = arg;
	int			i = *(const int *) a;
	int			j = *(const int *) b;
	const ScheduleWindow *x = &windows->windows[i];
	const ScheduleWindow *y = &windows->windows[j];
	int32		rx = ow_kind_rank[x->kind];
	int32		ry = ow_kind_rank[y->kind];
	int			c;

	if (rx != ry)
		return rx > ry ? -1 : 1;
	c = guidance_order(windows, i, j);
	if (c != 0)
		return c;
	if (x->lower != y->lower)
		return x->lower < y->lower ? -1 : 1;
	if (x->upper != y->upper)
		return x->upper < y->upper ? -1 : 1;
	if (windows->rows != NULL)
	{
		const ScheduleRow *rx_row = &windows->rows[i];
		const ScheduleRow *ry_row = &windows->rows[j];

		if (rx_row->has_id != ry_row->has_id)
			return rx_row->has_id ? -1 : 1;
		if (rx_row->id != ry_row->id)
			return rx_row->id < ry_row->id ? -1 : 1;
	}
	if (x->area != y->area)
		return x->area > y->area ? -1 : 1;	/* -1, nationwide, last */
	return i < j ? -1 : i > j;
}

int
ow_schedule_windows_at(const CompiledSchedule *schedule, int p, TimestampTz t,
					   int **out)
{
	const ScheduleWindows *windows = schedule->windows;
	int		   *found;
	int			area;
	int			n = 0;

	*out = NULL;
	/* the segments answer "none" fast, and then no window covers t */
	if (windows == NULL || ow_schedule_impact(schedule, p, t) == OW_IMPACT_NONE)
		return 0;
	area = windows->slot_area[p];
	found = palloc(sizeof(int) * Max(windows->nwindows, 1));
	for (int i = 0; i < windows->nwindows; i++)
	{
		const ScheduleWindow *w = &windows->windows[i];

		if (w->lower <= t && t < w->upper && (w->area < 0 || w->area == area))
			found[n++] = i;
	}
	qsort_arg(found, n, sizeof(int), window_order,
			  unconstify(ScheduleWindows *, windows));
	*out = found;
	return n;
}

int
ow_schedule_windows_in(const CompiledSchedule *schedule, int p,
					   const TimestampTz *lower, const TimestampTz *upper,
					   int nspans, int **out)
{
	const ScheduleWindows *windows = schedule->windows;
	int		   *found;
	int			area;
	int			n = 0;
	bool		any = false;

	*out = NULL;
	/* as at an instant: no segment there, no window either */
	for (int s = 0; s < nspans && !any; s++)
		any = ow_schedule_span_impact(schedule, p, lower[s], upper[s]) !=
			OW_IMPACT_NONE;
	if (windows == NULL || !any)
		return 0;
	area = windows->slot_area[p];
	found = palloc(sizeof(int) * Max(windows->nwindows, 1));
	for (int i = 0; i < windows->nwindows; i++)
	{
		const ScheduleWindow *w = &windows->windows[i];

		if (w->area >= 0 && w->area != area)
			continue;
		for (int s = 0; s < nspans; s++)
		{
			if (w->lower < upper[s] && lower[s] < w->upper)
			{
				found[n++] = i;
				break;
			}
		}
	}
	qsort_arg(found, n, sizeof(int), window_order,
			  unconstify(ScheduleWindows *, windows));
	*out = found;
	return n;
}

/*
 * Each area's segments are merged with the nationwide ones, so that a
 * lookup is one binary search, as long as the schedule stays within twice
 * the segments it would hold unmerged; an area merged past that is kept
 * apart, and its lookups search the nationwide segments too.  Without that
 * bound, 47 areas would each repeat the nationwide segments.  The sweeps
 * that try merges are bounded the same way, so compiling stays linear.
 */
CompiledSchedule *
ow_calendar_compile(const OutageCalendar *calendar, MemoryContext target)
{
	int			nareas = calendar->nareas;
	int			nsegments = calendar->nsegments;
	const char *base = (const char *) calendar;
	CalendarLayout layout;
	uint32		bounds[OW_CALENDAR_MAX_AREAS + 2];
	bool		used[OW_CALENDAR_MAX_AREAS + 1] = {false};
	bool		merged[OW_CALENDAR_MAX_AREAS + 1] = {false};
	RunSummary	runs[OW_CALENDAR_MAX_AREAS + 1];
	ScheduleSegment *all;
	const ScheduleSegment *nation;
	int			nnation;
	int			total;
	int			budget;
	int64		steps;
	int			pos;
	CompiledSchedule *schedule;
	MemoryContext old;
	int			nguidance;
	const char **guidance_texts;
	uint32	   *guidance_lens;

	if (calendar->version != OW_CALENDAR_VERSION &&
		calendar->version != OW_CALENDAR_VERSION_1_0)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("outage_calendar has unknown version %d", calendar->version)));
	if (nareas > OW_CALENDAR_MAX_AREAS)
		ow_calendar_too_many_areas();
	if (calendar->nsegments > OW_CALENDAR_MAX_SEGMENTS)
		ow_calendar_too_many_segments((int) Min(calendar->nsegments, PG_INT32_MAX));

	calendar_layout(calendar, &layout);
	if (VARSIZE(calendar) < layout.size ||
		calendar->nfacilities > OW_CALENDAR_MAX_FACILITIES)
		ow_calendar_corrupted();
	nguidance = ow_calendar_guidance(calendar, &guidance_texts, &guidance_lens);
	for (int a = 0; a <= nareas + 1; a++)
	{
		bounds[a] = get_u32(base + layout.first + sizeof(uint32) * a);
		if ((a == 0 && bounds[a] != 0) || (a > 0 && bounds[a] < bounds[a - 1]))
			ow_calendar_corrupted();
	}
	if (bounds[nareas + 1] != (uint32) nsegments)
		ow_calendar_corrupted();
	for (int p = PREFECTURE_MIN; p <= PREFECTURE_MAX; p++)
	{
		int			area = (uint8) base[layout.area_of + p];

		if (area > nareas)
			ow_calendar_corrupted();
	}
	/* every area has a slot, for facilities on an area of their own */
	for (int a = 0; a < nareas; a++)
		used[a] = true;

	all = palloc(sizeof(ScheduleSegment) * Max(nsegments, 1));
	for (int i = 0; i < nsegments; i++)
	{
		CHECK_FOR_INTERRUPTS();
		get_segment(base + layout.segments + SEGMENT_BYTES * i, &all[i]);
		/* the lookups compare severities: a compiled segment holds a rank */
		if (!OUTAGE_KIND_IS_VALID(all[i].kind) || all[i].guidance < 0 ||
			all[i].guidance > nguidance)
			ow_calendar_corrupted();
		all[i].kind = ow_kind_rank[all[i].kind];
	}
	nation = all + bounds[nareas];
	nnation = bounds[nareas + 1] - bounds[nareas];

	/* unmerged: the nationwide segments, and those of areas in use */
	total = nnation;
	for (int a = 0; a < nareas; a++)
		if (used[a])
			total += bounds[a + 1] - bounds[a];
	budget = 2 * total;
	steps = 4 * (int64) total + 64;
	for (int a = 0; a < nareas; a++)
	{
		int			own = bounds[a + 1] - bounds[a];
		int			m;

		if (!used[a] || own == 0 || nnation == 0)
			continue;
		m = merge_segments(all + bounds[a], own, nation, nnation, NULL,
						   budget - (total - own), &steps);
		if (m >= 0)
		{
			merged[a] = true;
			total += m - own;
		}
	}

	old = MemoryContextSwitchTo(target);
	schedule = palloc(offsetof(CompiledSchedule, segments) +
					  sizeof(ScheduleSegment) * Max(total, 1));
	schedule->nguidance = nguidance;
	schedule->guidance = palloc(sizeof(text *) * (nguidance + 1));
	for (int g = 0; g < nguidance; g++)
		schedule->guidance[g] = cstring_to_text_with_len(guidance_texts[g],
														 guidance_lens[g]);
	MemoryContextSwitchTo(old);

	/* nationwide first, then each area in use, merged or as it is */
	memcpy(schedule->segments, nation, sizeof(ScheduleSegment) * nnation);
	summarize_run(schedule->segments, 0, nnation, &runs[nareas]);
	pos = nnation;
	for (int a = 0; a < nareas; a++)
	{
		int			own = bounds[a + 1] - bounds[a];

		if (!used[a])
			continue;
		if (merged[a])
		{
			int64		unlimited = PG_INT64_MAX;

			own = merge_segments(all + bounds[a], own, nation, nnation,
								 schedule->segments + pos, total - pos,
								 &unlimited);
			Assert(own >= 0);
		}
		else
			memcpy(schedule->segments + pos, all + bounds[a],
				   sizeof(ScheduleSegment) * own);
		summarize_run(schedule->segments, pos, pos + own, &runs[a]);
		pos += own;
	}
	Assert(pos == total);
	schedule->nsegments = total;

	/* empty hulls (lower > upper) reject every time */
	schedule->hull_lower = DT_NOEND;
	schedule->hull_upper = DT_NOBEGIN;
	schedule->nareas = nareas;
	schedule->facilities = compile_facilities(calendar, &layout, target);
	for (int slot = 0; slot < OW_SCHEDULE_SLOTS; slot++)
	{
		schedule->from[slot] = schedule->to[slot] = 0;
		schedule->also_from[slot] = schedule->also_to[slot] = 0;
		schedule->affected_lower[slot] = DT_NOEND;
		schedule->affected_upper[slot] = DT_NOBEGIN;
		schedule->affected_seconds[slot] = 0;
	}
	for (int p = PREFECTURE_MIN; p <= PREFECTURE_MAX; p++)
		fill_slot(schedule, p, (uint8) base[layout.area_of + p] - 1,
				  runs, merged, nnation, nareas);
	for (int a = 0; a <= nareas; a++)
		fill_slot(schedule, OW_SCHEDULE_AREA_SLOT(a), a < nareas ? a : -1,
				  runs, merged, nnation, nareas);

	pfree(all);
	schedule->windows = calendar_windows(calendar, &layout, bounds, target);
	return schedule;
}

/*
 * The cache in *cachep (made in parent the first time) holding calendar
 * compiled: the one it holds if that is the same calendar - by address when
 * by_address says an address cannot have been reused for another, else
 * byte for byte, since a hash may collide - or calendar compiled afresh
 * into it (*recompiled).
 */
static CalendarArgCache *
calendar_cache(void **cachep, MemoryContext parent,
			   const OutageCalendar *calendar, bool by_address,
			   bool *recompiled)
{
	CalendarArgCache *cache = *cachep;
	Size		size = VARSIZE(calendar);

	*recompiled = false;
	if (cache == NULL)
	{
		cache = MemoryContextAllocZero(parent, sizeof(CalendarArgCache));
		*cachep = cache;
	}
	if (cache->schedule != NULL && cache->size == size &&
		cache->hash == calendar->content_hash &&
		((cache->pointer == (const void *) calendar && by_address) ||
		 memcmp(cache->bytes, calendar, size) == 0))
	{
		cache->pointer = calendar;
		return cache;
	}

	if (cache->cxt != NULL)
		MemoryContextDelete(cache->cxt);
	cache->schedule = NULL;
	cache->cxt = AllocSetContextCreate(parent,
									   "outage_window calendar",
									   ALLOCSET_SMALL_SIZES);
	cache->bytes = MemoryContextAlloc(cache->cxt, size);
	memcpy(cache->bytes, calendar, size);
	cache->size = size;
	cache->hash = calendar->content_hash;
	cache->pointer = calendar;
	cache->schedule = ow_calendar_compile(calendar, cache->cxt);
	*recompiled = true;
	return cache;
}

const CompiledSchedule *
ow_calendar_arg_schedule(FunctionCallInfo fcinfo, void **cachep, int argno,
						 bool stable)
{
	CalendarArgCache *cache = *cachep;
	bool		recompiled;

	/* a stable argument passed as before: not even detoasted again */
	if (stable && cache != NULL && cache->schedule != NULL &&
		cache->raw == PG_GETARG_DATUM(argno))
		return cache->schedule;

	/*
	 * Usually every row passes the same calendar - a constant, or the result
	 * of (SELECT current_outage_calendar()).  A constant argument keeps its
	 * address for the life of the call site, and so does an initPlan's
	 * output for the execution (the planner support marks such calls), so
	 * there the address suffices; any other value is compared in full (a
	 * few hundred bytes), since an address may be reused for a different
	 * calendar.
	 */
	cache = calendar_cache(cachep, fcinfo->flinfo->fn_mcxt,
						   DatumGetOutageCalendarP(PG_GETARG_DATUM(argno)),
						   stable || get_fn_expr_arg_stable(fcinfo->flinfo, argno),
						   &recompiled);
	cache->raw = PG_GETARG_DATUM(argno);
	return cache->schedule;
}

const CompiledSchedule *
ow_calendar_backend_schedule(void **cachep, const OutageCalendar *calendar,
							 bool *recompiled)
{
	/* no address outlives a call site: compared in full */
	return calendar_cache(cachep, TopMemoryContext, calendar, false,
						  recompiled)->schedule;
}

static int
time_range_cmp(const void *a, const void *b)
{
	const TimeRange *x = a;
	const TimeRange *y = b;

	return x->lower < y->lower ? -1 : x->lower > y->lower ? 1 : 0;
}

/* Sort and merge overlapping or touching ranges; returns how many are left. */
static int
coalesce(TimeRange *ranges, int n)
{
	int			out = 0;

	if (n == 0)
		return 0;
	qsort(ranges, n, sizeof(TimeRange), time_range_cmp);
	for (int i = 1; i < n; i++)
	{
		if (ranges[i].lower <= ranges[out].upper)
			ranges[out].upper = Max(ranges[out].upper, ranges[i].upper);
		else
			ranges[++out] = ranges[i];
	}
	return out + 1;
}

/* Merge the ranges across their smallest gaps until at most max are left. */
static int
cap_ranges(TimeRange *ranges, int n, int max)
{
	while (n > max)
	{
		int			best = 0;

		for (int i = 1; i < n - 1; i++)
			if ((double) ranges[i + 1].lower - (double) ranges[i].upper <
				(double) ranges[best + 1].lower - (double) ranges[best].upper)
				best = i;
		ranges[best].upper = ranges[best + 1].upper;
		memmove(&ranges[best + 1], &ranges[best + 2],
				sizeof(TimeRange) * (n - best - 2));
		n--;
	}
	return n;
}

int
ow_schedule_affected_ranges(const CompiledSchedule *const *schedules,
							const int *slots, int nschedules, bool local,
							TimeRange **result)
{
	TimeRange  *ranges;
	int			n = 0;
	int			capacity = 1;

	for (int k = 0; k < nschedules; k++)
		capacity += 2 * schedules[k]->nsegments;
	ranges = palloc(sizeof(TimeRange) * capacity);
	for (int k = 0; k < nschedules; k++)
	{
		const CompiledSchedule *schedule = schedules[k];
		int			slot = slots[k];
		int			spans[2][2];
		int			nspans = 0;

		if (slot < 0)
		{
			spans[nspans][0] = 0;
			spans[nspans++][1] = schedule->nsegments;
		}
		else if (slot < OW_SCHEDULE_SLOTS)
		{
			spans[nspans][0] = schedule->from[slot];
			spans[nspans++][1] = schedule->to[slot];
			spans[nspans][0] = schedule->also_from[slot];
			spans[nspans++][1] = schedule->also_to[slot];
		}
		for (int s = 0; s < nspans; s++)
			for (int i = spans[s][0]; i < spans[s][1]; i++)
			{
				const ScheduleSegment *seg = &schedule->segments[i];

				if (!ow_impacts[seg->kind].affects_eligibility)
					continue;
				ranges[n].lower = seg->lower;
				ranges[n].upper = seg->upper;
				n++;
			}
	}
	n = coalesce(ranges, n);
	if (local)
	{
		/* Japan wall clock, widened past any jump of local time */
		for (int i = 0; i < n; i++)
		{
			ranges[i].lower = ow_japan_local_bound(ranges[i].lower, false);
			ranges[i].upper = ow_japan_local_bound(ranges[i].upper, true);
		}
		n = coalesce(ranges, n);
	}
	*result = ranges;
	return cap_ranges(ranges, n, OW_MAX_AFFECTED_RANGES);
}
