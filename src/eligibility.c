/*-------------------------------------------------------------------------
 *
 * eligibility.c
 *	  is_eligibility_affected(), eligibility_impact(),
 *	  eligibility_impact_on_day(), affecting_windows(),
 *	  affecting_windows_on_day() and japan_time(): the functions HIS reports
 *	  and billing audits call once per visit.
 *
 * Each call site keeps its compiled schedule and a few per-statement lookups
 * in fn_extra, so a row costs a hull check and a binary search.  The text
 * overloads read the prefecture through the prefecture type's parser; a
 * small memo of recently seen spellings spares re-parsing the same few
 * dozen values a visits table repeats millions of times.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/timestamp.h"

#include "calendar.h"
#include "eligibility_day.h"
#include "impact_sql.h"
#include "japan_time.h"
#include "outage_window.h"
#include "pg_compat.h"
#include "prefecture.h"
#include "schedule.h"

#define SPELLING_MEMO_BITS 8
#define SPELLING_MEMO_SIZE (1 << SPELLING_MEMO_BITS)
#define SPELLING_MEMO_PROBES 8
#define SPELLING_MEMO_MAXLEN 32

/*
 * A visits table spells its facilities' prefectures a few dozen ways, over
 * millions of rows.  The memo is an open-addressing table with a few linear
 * probes, sized so that every spelling of a table stays in it (with direct
 * mapping, two colliding spellings would evict each other on every row).
 * A spelling of up to 16 bytes - every kanji name is - is keyed and compared
 * as two words read with overlapping fixed-size loads, so a hit costs a
 * multiply, one memory access and three compares, and never reads past the
 * value; bytes past 16, rare, are kept apart and compared only then.  An
 * entry takes 32 bytes, aligned, so it never straddles two cache lines: the
 * scan streams heap pages through the cache, and the memo should occupy as
 * few lines as it can.
 */
typedef struct SpellingMemoEntry
{
	uint64		w0;
	uint64		w1;
	uint32		len;			/* 0: empty slot */
	Prefecture	prefecture;
	char		pad[10];		/* to 32 bytes */
} SpellingMemoEntry;

StaticAssertDecl(sizeof(SpellingMemoEntry) == 32,
				 "a memo entry must take 32 bytes");

static inline uint64
load64(const char *p)
{
	uint64		v;

	memcpy(&v, p, sizeof(v));
	return v;
}

static inline uint64
load32(const char *p)
{
	uint32		v;

	memcpy(&v, p, sizeof(v));
	return v;
}

typedef struct EligibilityCallCache
{
	SpellingMemoEntry memo[SPELLING_MEMO_SIZE];	/* first: aligned with the cache */
	ScheduleRef schedule;		/* the tables' schedule (two-argument forms) */
	void	   *calendar;		/* a calendar argument's (three-argument forms) */
	int			variant;		/* ARG_* flags of this call site's overload */
	bool		calendar_stable;	/* the calendar keeps its address */
	Oid			impact_type;	/* eligibility_impact; InvalidOid until needed */
	Oid			impact_label[OW_IMPACT_COUNT];	/* pg_enum oid per rank */
	char		memo_rest[SPELLING_MEMO_SIZE][SPELLING_MEMO_MAXLEN - 16];
} EligibilityCallCache;

static void read_variant(FunctionCallInfo fcinfo, EligibilityCallCache *cache);

/*
 * The cache is aligned to a cache line within its chunk, so fn_extra points
 * inside a palloc'd chunk: it must never be pfree'd (nothing does; the
 * chunk goes with fn_mcxt).
 */
static pg_noinline EligibilityCallCache *
new_call_cache(FunctionCallInfo fcinfo)
{
	char	   *space;
	EligibilityCallCache *cache;

	space = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt,
								   sizeof(EligibilityCallCache) + PG_CACHE_LINE_SIZE);
	cache = (EligibilityCallCache *) CACHELINEALIGN(space);
	read_variant(fcinfo, cache);
	fcinfo->flinfo->fn_extra = cache;
	return cache;
}

static inline EligibilityCallCache *
call_cache(FunctionCallInfo fcinfo)
{
	EligibilityCallCache *cache = fcinfo->flinfo->fn_extra;

	if (unlikely(cache == NULL))
		cache = new_call_cache(fcinfo);
	return cache;
}

/* A spelling not in the memo: parse it, and remember it in the slot given. */
static pg_noinline Prefecture
memo_add(EligibilityCallCache *cache, int slot, uint64 w0, uint64 w1,
		 const char *bytes, int len)
{
	/* raises 22P02 for a spelling that is no prefecture */
	Prefecture	p = ow_prefecture_from_text(bytes, len, true);
	SpellingMemoEntry *entry = &cache->memo[slot];

	entry->w0 = w0;
	entry->w1 = w1;
	entry->len = (uint32) len;
	entry->prefecture = p;
	if (len > 16)
		memcpy(cache->memo_rest[slot], bytes + 16, len - 16);
	return p;
}

/* The facility's prefecture from a text argument, via the memo. */
static pg_attribute_always_inline Prefecture
prefecture_arg_text(EligibilityCallCache *cache, Datum arg)
{
	struct varlena *value = (struct varlena *) DatumGetPointer(arg);
	const char *bytes;
	int			len;
	uint64		w0 = 0;
	uint64		w1 = 0;
	uint64		home;
	int			slot = 0;

	/* a short inline value, as every prefecture name is, needs no detoasting */
	if (unlikely(VARATT_IS_EXTERNAL(value) || VARATT_IS_COMPRESSED(value)))
		value = pg_detoast_datum_packed(value);
	bytes = VARDATA_ANY(value);
	len = VARSIZE_ANY_EXHDR(value);
	if (unlikely(len == 0 || len > SPELLING_MEMO_MAXLEN))
		return ow_prefecture_from_text(bytes, len, true);

	if (len >= 16)
	{
		w0 = load64(bytes);
		w1 = load64(bytes + 8);
	}
	else if (len >= 8)
	{
		w0 = load64(bytes);
		w1 = load64(bytes + len - 8);
	}
	else if (len >= 4)
		w0 = load32(bytes) | (load32(bytes + len - 4) << 32);
	else
	{
		for (int i = 0; i < len; i++)
			w0 = (w0 << 8) | (unsigned char) bytes[i];
	}

	home = ((w0 ^ (w1 + (uint64) len)) * UINT64CONST(0x9E3779B97F4A7C15)) >>
		(64 - SPELLING_MEMO_BITS);
	for (int probe = 0; probe < SPELLING_MEMO_PROBES; probe++)
	{
		const SpellingMemoEntry *entry;

		slot = (int) ((home + probe) & (SPELLING_MEMO_SIZE - 1));
		entry = &cache->memo[slot];
		if (entry->len == 0)
			break;				/* not seen yet: remember it here */
		if (entry->w0 == w0 && entry->w1 == w1 && entry->len == (uint32) len &&
			(len <= 16 ||
			 memcmp(cache->memo_rest[slot], bytes + 16, len - 16) == 0))
			return entry->prefecture;
	}
	/* after a full probe run, the spelling replaces its home slot's */
	if (cache->memo[slot].len != 0)
		slot = (int) home;
	return memo_add(cache, slot, w0, w1, bytes, len);
}

static Datum
impact_datum(FunctionCallInfo fcinfo, EligibilityCallCache *cache,
			 int32 impact)
{
	if (!OidIsValid(cache->impact_type))
	{
		cache->impact_type = ow_extension_type(fcinfo->flinfo->fn_oid,
											   "eligibility_impact");
		if (!OidIsValid(cache->impact_type))
			ereport(ERROR,
					(errcode(ERRCODE_UNDEFINED_OBJECT),
					 errmsg("type \"eligibility_impact\" of extension outage_window does not exist"),
					 errhint("If the type was renamed, rename it back.  If the extension's files were upgraded, run ALTER EXTENSION outage_window UPDATE.")));
		ow_impact_label_oids(cache->impact_type, cache->impact_label);
	}
	return ObjectIdGetDatum(cache->impact_label[impact]);
}

/*
 * Each SQL function has one C function, whatever its overloads: the
 * facility's prefecture as the type or as text, the visit as a timestamptz,
 * a Japan local timestamp or a Japan date, the schedule from the tables or
 * from a calendar argument (the third).  A call site reads its overload's
 * declared argument types once (from the catalog, so a call through fmgr
 * without an expression tree works too) and keeps the variant in its
 * cache; each row then takes one switch into an inline implementation that
 * the compiler has specialised for that variant.
 */
#define ARG_TEXT_PREFECTURE 0x01
#define ARG_LOCAL_TIME		0x02
#define ARG_DAY				0x04
#define ARG_CALENDAR		0x08
#define ARG_FACILITY		0x10	/* a medical_institution_code */

static pg_noinline void
read_variant(FunctionCallInfo fcinfo, EligibilityCallCache *cache)
{
	Oid		   *argtypes;
	int			nargs;
	int			variant = 0;

	/* the bound functions below read their arguments their own way */
	get_func_signature(fcinfo->flinfo->fn_oid, &argtypes, &nargs);
	if (nargs >= 2)
	{
		if (argtypes[0] == TEXTOID)
			variant |= ARG_TEXT_PREFECTURE;
		else if (argtypes[0] == ow_extension_type(fcinfo->flinfo->fn_oid,
												  "medical_institution_code"))
			variant |= ARG_FACILITY;
		if (argtypes[1] == TIMESTAMPOID)
			variant |= ARG_LOCAL_TIME;
		else if (argtypes[1] == DATEOID)
			variant |= ARG_DAY;
		/* a calendar is the third argument (visit_guidance: lang follows) */
		if (nargs >= 3 &&
			argtypes[2] == ow_extension_type(fcinfo->flinfo->fn_oid,
											 "outage_calendar"))
			variant |= ARG_CALENDAR;
	}
	cache->variant = variant;

	/*
	 * A constant calendar, or one the planner support marked as an
	 * initPlan's, keeps its address while the call site lives.
	 */
	cache->calendar_stable = (variant & ARG_CALENDAR) &&
		fcinfo->flinfo->fn_expr != NULL &&
		((IsA(fcinfo->flinfo->fn_expr, FuncExpr) &&
		  ((FuncExpr *) fcinfo->flinfo->fn_expr)->funcformat == OW_PLANNED_CALL) ||
		 get_fn_expr_arg_stable(fcinfo->flinfo, 2));
}

static pg_attribute_always_inline const CompiledSchedule *
schedule_arg(FunctionCallInfo fcinfo, EligibilityCallCache *cache, int flags)
{
	if (flags & ARG_CALENDAR)
		return ow_calendar_arg_schedule_fast(fcinfo, &cache->calendar, 2,
											 cache->calendar_stable);
	return ow_schedule_get(&cache->schedule, fcinfo);
}

/* The lookup slot of the visit's facility (argument 0). */
static pg_attribute_always_inline int
visit_slot(FunctionCallInfo fcinfo, EligibilityCallCache *cache,
		   const CompiledSchedule *schedule, int flags)
{
	if (flags & ARG_FACILITY)
		return ow_schedule_facility_slot(schedule, PG_GETARG_INT64(0));
	if (flags & ARG_TEXT_PREFECTURE)
		return prefecture_arg_text(cache, PG_GETARG_DATUM(0));
	return PG_GETARG_PREFECTURE(0);
}

/* The visit's instant (argument 1): a Japan local time read as such. */
static pg_attribute_always_inline TimestampTz
visit_time(FunctionCallInfo fcinfo, int flags)
{
	return (flags & ARG_LOCAL_TIME) ?
		ow_japan_local_to_timestamptz(PG_GETARG_TIMESTAMP(1)) :
		PG_GETARG_TIMESTAMPTZ(1);
}

/* The Japan day of a date argument, [*lower, *upper); false if infinite. */
static inline bool
day_arg(FunctionCallInfo fcinfo, TimestampTz *lower, TimestampTz *upper)
{
	DateADT		day = PG_GETARG_DATEADT(1);

	if (DATE_NOT_FINITE(day))
		return false;
	*lower = ow_japan_local_to_timestamptz((Timestamp) day * USECS_PER_DAY);
	*upper = ow_japan_local_to_timestamptz((Timestamp) (day + 1) * USECS_PER_DAY);
	return true;
}

/*
 * The rank of the most severe impact on the visit (impact.h); with
 * affected_only, whether that impact affects eligibility.  A date is the
 * whole Japan day: the most severe impact at any instant of it.
 */
static pg_attribute_always_inline int32
visit_impact(FunctionCallInfo fcinfo, EligibilityCallCache *cache, int flags,
			 bool affected_only)
{
	int			p;
	TimestampTz t;
	const CompiledSchedule *schedule;

	schedule = schedule_arg(fcinfo, cache, flags);
	p = visit_slot(fcinfo, cache, schedule, flags);
	if (flags & ARG_DAY)
	{
		TimestampTz lower;
		TimestampTz upper;
		int32		rank;

		if (!day_arg(fcinfo, &lower, &upper))
			return OW_IMPACT_NONE;
		rank = ow_schedule_span_impact(schedule, p, lower, upper);
		return affected_only ? ow_impacts[rank].affects_eligibility : rank;
	}
	t = visit_time(fcinfo, flags);

	/* which impacts make a visit "affected" is the impact table's to say */
	if (affected_only)
		return ow_schedule_affects(schedule, p, t);
	return ow_schedule_impact(schedule, p, t);
}

/*
 * visit_guidance(): the own guidance of the window that decides the visit,
 * else its impact's review_guidance in the last argument's language.
 */
static pg_attribute_always_inline Datum
guidance(FunctionCallInfo fcinfo, EligibilityCallCache *cache, int flags)
{
	const CompiledSchedule *schedule = schedule_arg(fcinfo, cache, flags);
	int			p = visit_slot(fcinfo, cache, schedule, flags);
	text	   *lang = PG_GETARG_TEXT_PP(PG_NARGS() - 1);
	TimestampTz lower;
	TimestampTz upper;
	int32		rank;
	const text *own;

	if (flags & ARG_DAY)
	{
		if (!day_arg(fcinfo, &lower, &upper))
			PG_RETURN_TEXT_P(ow_review_guidance(&ow_impacts[OW_IMPACT_NONE], lang));
		rank = ow_schedule_span_impact(schedule, p, lower, upper);
	}
	else
	{
		lower = visit_time(fcinfo, flags);
		upper = lower + 1;
		rank = ow_schedule_impact(schedule, p, lower);
	}
	own = ow_schedule_guidance(schedule, p, lower, upper);
	if (own != NULL)
	{
		/* the language is checked all the same: a typo is an error anyway */
		(void) ow_review_guidance(&ow_impacts[rank], lang);
		PG_RETURN_TEXT_P(DatumGetTextPCopy(PointerGetDatum(own)));
	}
	PG_RETURN_TEXT_P(ow_review_guidance(&ow_impacts[rank], lang));
}

static pg_attribute_always_inline Datum
affected(FunctionCallInfo fcinfo, EligibilityCallCache *cache, int flags)
{
	PG_RETURN_BOOL(visit_impact(fcinfo, cache, flags, true));
}

static pg_attribute_always_inline Datum
impact(FunctionCallInfo fcinfo, EligibilityCallCache *cache, int flags)
{
	return impact_datum(fcinfo, cache, visit_impact(fcinfo, cache, flags, false));
}

/* Call body with the call site's variant as a constant, one case each. */
#define DISPATCH_VARIANT(body, fcinfo) \
	do { \
		EligibilityCallCache *cache_ = call_cache(fcinfo); \
		switch (cache_->variant) \
		{ \
			case 0: \
				return body(fcinfo, cache_, 0); \
			case ARG_LOCAL_TIME: \
				return body(fcinfo, cache_, ARG_LOCAL_TIME); \
			case ARG_DAY: \
				return body(fcinfo, cache_, ARG_DAY); \
			case ARG_TEXT_PREFECTURE: \
				return body(fcinfo, cache_, ARG_TEXT_PREFECTURE); \
			case ARG_TEXT_PREFECTURE | ARG_LOCAL_TIME: \
				return body(fcinfo, cache_, ARG_TEXT_PREFECTURE | ARG_LOCAL_TIME); \
			case ARG_TEXT_PREFECTURE | ARG_DAY: \
				return body(fcinfo, cache_, ARG_TEXT_PREFECTURE | ARG_DAY); \
			case ARG_CALENDAR: \
				return body(fcinfo, cache_, ARG_CALENDAR); \
			case ARG_LOCAL_TIME | ARG_CALENDAR: \
				return body(fcinfo, cache_, ARG_LOCAL_TIME | ARG_CALENDAR); \
			case ARG_DAY | ARG_CALENDAR: \
				return body(fcinfo, cache_, ARG_DAY | ARG_CALENDAR); \
			case ARG_TEXT_PREFECTURE | ARG_CALENDAR: \
				return body(fcinfo, cache_, ARG_TEXT_PREFECTURE | ARG_CALENDAR); \
			case ARG_TEXT_PREFECTURE | ARG_LOCAL_TIME | ARG_CALENDAR: \
				return body(fcinfo, cache_, ARG_TEXT_PREFECTURE | ARG_LOCAL_TIME | ARG_CALENDAR); \
			case ARG_TEXT_PREFECTURE | ARG_DAY | ARG_CALENDAR: \
				return body(fcinfo, cache_, ARG_TEXT_PREFECTURE | ARG_DAY | ARG_CALENDAR); \
			case ARG_FACILITY: \
				return body(fcinfo, cache_, ARG_FACILITY); \
			case ARG_FACILITY | ARG_LOCAL_TIME: \
				return body(fcinfo, cache_, ARG_FACILITY | ARG_LOCAL_TIME); \
			case ARG_FACILITY | ARG_DAY: \
				return body(fcinfo, cache_, ARG_FACILITY | ARG_DAY); \
			case ARG_FACILITY | ARG_CALENDAR: \
				return body(fcinfo, cache_, ARG_FACILITY | ARG_CALENDAR); \
			case ARG_FACILITY | ARG_LOCAL_TIME | ARG_CALENDAR: \
				return body(fcinfo, cache_, ARG_FACILITY | ARG_LOCAL_TIME | ARG_CALENDAR); \
			case ARG_FACILITY | ARG_DAY | ARG_CALENDAR: \
				return body(fcinfo, cache_, ARG_FACILITY | ARG_DAY | ARG_CALENDAR); \
		} \
		elog(ERROR, "unexpected eligibility function variant %d", cache_->variant); \
	} while (0)

PG_FUNCTION_INFO_V1(is_eligibility_affected);
Datum
is_eligibility_affected(PG_FUNCTION_ARGS)
{
	DISPATCH_VARIANT(affected, fcinfo);
	PG_RETURN_NULL();			/* keep the compiler quiet */
}

PG_FUNCTION_INFO_V1(eligibility_impact);
Datum
eligibility_impact(PG_FUNCTION_ARGS)
{
	DISPATCH_VARIANT(impact, fcinfo);
	PG_RETURN_NULL();			/* keep the compiler quiet */
}

/* The same, over a whole Japan day; its own name says what a date means. */
PG_FUNCTION_INFO_V1(eligibility_impact_on_day);
Datum
eligibility_impact_on_day(PG_FUNCTION_ARGS)
{
	DISPATCH_VARIANT(impact, fcinfo);
	PG_RETURN_NULL();			/* keep the compiler quiet */
}

/*
 * Rows of outage_schedule for windows found[0 .. n - 1] of the schedule,
 * into the call's tuplestore.  The columns are filled by name, so a column
 * a user added reads NULL.  With a calendar, the windows are its segments:
 * no id, note or source, and the guidance text of its own that the segment
 * carries, if any.
 */
static void
put_windows(FunctionCallInfo fcinfo, const CompiledSchedule *schedule,
			const int *found, int n)
{
	const ScheduleWindows *windows;
	ReturnSetInfo *rsinfo;
	TupleDesc	tupdesc;
	int			natts;
	enum
	{
		COL_OTHER, COL_ID, COL_AREA, COL_PERIOD, COL_NOTE, COL_SOURCE,
		COL_GUIDANCE
	}		   *cols;
	Datum	   *values;
	bool	   *nulls;

	InitMaterializedSRF(fcinfo, 0);
	rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	tupdesc = rsinfo->setDesc;
	natts = tupdesc->natts;
	cols = palloc(sizeof(*cols) * natts);
	values = palloc(sizeof(Datum) * natts);
	nulls = palloc(sizeof(bool) * natts);
	for (int i = 0; i < natts; i++)
	{
		Form_pg_attribute att = TupleDescAttr(tupdesc, i);
		const char *name = NameStr(att->attname);

		cols[i] = COL_OTHER;
		if (att->attisdropped)
			continue;
		if (strcmp(name, "id") == 0 && att->atttypid == INT8OID)
			cols[i] = COL_ID;
		else if (strcmp(name, "area") == 0 && att->atttypid == TEXTOID)
			cols[i] = COL_AREA;
		else if (strcmp(name, "period") == 0 &&
				 att->attlen == (int16) sizeof(OutageWindow))
			cols[i] = COL_PERIOD;
		else if (strcmp(name, "note") == 0 && att->atttypid == TEXTOID)
			cols[i] = COL_NOTE;
		else if (strcmp(name, "source") == 0 && att->atttypid == TEXTOID)
			cols[i] = COL_SOURCE;
		else if (strcmp(name, "guidance") == 0 && att->atttypid == TEXTOID)
			cols[i] = COL_GUIDANCE;
	}

	windows = schedule->windows;
	for (int r = 0; r < n; r++)
	{
		const ScheduleWindow *w = &windows->windows[found[r]];
		const ScheduleRow *row = windows->rows ? &windows->rows[found[r]] : NULL;
		OutageWindow period = {w->lower, w->upper, w->kind, 0};

		for (int i = 0; i < natts; i++)
		{
			const struct varlena *value = NULL;

			values[i] = (Datum) 0;
			nulls[i] = true;
			switch (cols[i])
			{
				case COL_ID:
					values[i] = Int64GetDatum(row ? row->id : 0);
					nulls[i] = row == NULL || !row->has_id;
					continue;
				case COL_PERIOD:
					values[i] = OutageWindowPGetDatum(&period);
					nulls[i] = false;
					continue;
				case COL_AREA:
					if (w->area >= 0 && w->area < windows->nareas)
						value = windows->area_names[w->area];
					break;
				case COL_NOTE:
					value = row ? row->note : NULL;
					break;
				case COL_SOURCE:
					value = row ? row->source : NULL;
					break;
				case COL_GUIDANCE:
					if (row != NULL)
						value = row->guidance;
					else if (w->guidance > 0 && w->guidance <= schedule->nguidance)
						value = schedule->guidance[w->guidance - 1];
					break;
				case COL_OTHER:
					continue;
			}
			if (value != NULL)
			{
				values[i] = PointerGetDatum(value);
				nulls[i] = false;
			}
		}
		tuplestore_putvalues(rsinfo->setResult, tupdesc, values, nulls);
	}
}

/*
 * affecting_windows(): the windows behind eligibility_impact()'s answer, as
 * rows of outage_schedule, most severe first, from the same compiled
 * schedule (and so the same snapshot or calendar) that gives the answer.
 * One call lists a handful of rows, so the rows go to a tuplestore and the
 * variant is read at run time rather than compiled per case.
 */
PG_FUNCTION_INFO_V1(affecting_windows);
Datum
affecting_windows(PG_FUNCTION_ARGS)
{
	EligibilityCallCache *cache = call_cache(fcinfo);
	int			flags = cache->variant;
	const CompiledSchedule *schedule;
	int		   *found;
	int			n;

	if (flags & ARG_DAY)
		elog(ERROR, "affecting_windows takes a time, not a date");
	schedule = schedule_arg(fcinfo, cache, flags);
	n = ow_schedule_windows_at(schedule, visit_slot(fcinfo, cache, schedule, flags),
							   visit_time(fcinfo, flags), &found);
	put_windows(fcinfo, schedule, found, n);
	return (Datum) 0;
}

/*
 * affecting_windows_on_day(): the windows that touch a Japan day within
 * the opening hours (the last argument), in affecting_windows()' order:
 * those behind eligibility_on_day()'s answer for the same arguments, read
 * from the same compiled schedule over the same spans (ow_day_spans).  Not
 * STRICT, for NULL opening hours (the whole day); a NULL facility, day or
 * calendar lists nothing.
 */
PG_FUNCTION_INFO_V1(affecting_windows_on_day);
Datum
affecting_windows_on_day(PG_FUNCTION_ARGS)
{
	EligibilityCallCache *cache = call_cache(fcinfo);
	int			flags = cache->variant;
	int			hours_arg = PG_NARGS() - 1;
	const CompiledSchedule *schedule;
	TimestampTz lower[OW_MAX_OPENING_PAIRS];
	TimestampTz upper[OW_MAX_OPENING_PAIRS];
	int			nspans;
	int		   *found = NULL;
	int			n = 0;

	if (!(flags & ARG_DAY))
		elog(ERROR, "affecting_windows_on_day takes a date");
	if (!PG_ARGISNULL(0) && !PG_ARGISNULL(1) &&
		!((flags & ARG_CALENDAR) && PG_ARGISNULL(2)))
	{
		nspans = ow_day_spans(PG_GETARG_DATEADT(1),
							  PG_ARGISNULL(hours_arg) ? NULL :
							  PG_GETARG_ARRAYTYPE_P(hours_arg),
							  lower, upper);
		schedule = schedule_arg(fcinfo, cache, flags);
		n = ow_schedule_windows_in(schedule,
								   visit_slot(fcinfo, cache, schedule, flags),
								   lower, upper, nspans, &found);
		put_windows(fcinfo, schedule, found, n);
	}
	else
		InitMaterializedSRF(fcinfo, 0);
	return (Datum) 0;
}

/* The same variants, answering with guidance (eligibility.c's guidance()). */
PG_FUNCTION_INFO_V1(visit_guidance);
Datum
visit_guidance(PG_FUNCTION_ARGS)
{
	DISPATCH_VARIANT(guidance, fcinfo);
	PG_RETURN_NULL();			/* keep the compiler quiet */
}

/*
 * The date forms, under their own name: an untyped literal must not pick
 * the timestamptz form (and with it the session's TimeZone) over them.
 */
PG_FUNCTION_INFO_V1(visit_guidance_on_day);
Datum
visit_guidance_on_day(PG_FUNCTION_ARGS)
{
	DISPATCH_VARIANT(guidance, fcinfo);
	PG_RETURN_NULL();			/* keep the compiler quiet */
}

PG_FUNCTION_INFO_V1(japan_time);
Datum
japan_time(PG_FUNCTION_ARGS)
{
	PG_RETURN_TIMESTAMPTZ(ow_japan_local_to_timestamptz(PG_GETARG_TIMESTAMP(0)));
}

/*
 * The bounds of the span where is_eligibility_affected() can be true for
 * prefecture p (0: any), as the planner support function's index condition
 * uses them: NULL when nothing is affected (the index condition then matches
 * no row).  local: as a Japan local timestamp, for timestamp columns.
 */
static Datum
affected_bound(FunctionCallInfo fcinfo, const CompiledSchedule *schedule,
			   Prefecture p, bool upper, bool local)
{
	TimestampTz bound;

	if (schedule->affected_lower[p] >= schedule->affected_upper[p])
		PG_RETURN_NULL();
	bound = upper ? schedule->affected_upper[p] : schedule->affected_lower[p];
	if (local)
		PG_RETURN_TIMESTAMP(ow_japan_local_bound(bound, upper));
	PG_RETURN_TIMESTAMPTZ(bound);
}

/* The bound from the tables (tables) or the calendar argument (argument 0). */
static Datum
bound_of(FunctionCallInfo fcinfo, bool tables, Prefecture p, bool upper,
		 bool local)
{
	EligibilityCallCache *cache = call_cache(fcinfo);
	const CompiledSchedule *schedule = tables ?
		ow_schedule_get(&cache->schedule, fcinfo) :
		ow_calendar_arg_schedule(fcinfo, &cache->calendar, 0, false);

	return affected_bound(fcinfo, schedule, p, upper, local);
}

/*
 * eligibility_affected_bound(upper) and eligibility_affected_bound_local:
 * one C function each, for the tables (upper), one prefecture's bound
 * (prefecture, upper) or a calendar's (calendar, upper).
 */
static Datum
bound_by_arguments(FunctionCallInfo fcinfo, bool local)
{
	bool		upper = PG_GETARG_BOOL(PG_NARGS() - 1);
	Oid		   *argtypes;
	int			nargs;

	if (PG_NARGS() == 1)
		return bound_of(fcinfo, true, 0, upper, local);
	/* the first argument is a calendar (a varlena) or a prefecture */
	get_func_signature(fcinfo->flinfo->fn_oid, &argtypes, &nargs);
	if (get_typlen(argtypes[0]) == -1)
		return bound_of(fcinfo, false, 0, upper, local);
	if (!PREFECTURE_IS_VALID(PG_GETARG_PREFECTURE(0)))
		PG_RETURN_NULL();
	return bound_of(fcinfo, true, PG_GETARG_PREFECTURE(0), upper, local);
}

PG_FUNCTION_INFO_V1(eligibility_affected_bound);
Datum
eligibility_affected_bound(PG_FUNCTION_ARGS)
{
	return bound_by_arguments(fcinfo, false);
}

PG_FUNCTION_INFO_V1(eligibility_affected_bound_local);
Datum
eligibility_affected_bound_local(PG_FUNCTION_ARGS)
{
	return bound_by_arguments(fcinfo, true);
}

/*
 * eligibility_affected_range_bound[_local](calendar, i, upper): the start
 * or end of the i-th (from 1) merged range of a calendar's affected time,
 * as the planner support's range arms use them (eligibility_support.c's
 * initplan_arms()); NULL past the last.  Each bound is an initPlan of its
 * own, with a call site of its own, so the calendar is kept for the backend
 * and its ranges with it (per time type): it is compiled once per query,
 * not once per bound.
 */
static Datum
range_bound(FunctionCallInfo fcinfo, bool local)
{
	static void *calendar_cache = NULL;
	static MemoryContext ranges_cxt = NULL;
	static TimeRange *ranges[2];
	static int	nranges[2];
	const CompiledSchedule *schedule;
	int32		i = PG_GETARG_INT32(1);
	bool		upper = PG_GETARG_BOOL(2);
	bool		recompiled;
	int64		value;

	if (ranges_cxt == NULL)
		ranges_cxt = AllocSetContextCreate(TopMemoryContext,
										   "outage_window range bounds",
										   ALLOCSET_SMALL_SIZES);
	schedule = ow_calendar_backend_schedule(&calendar_cache,
											DatumGetOutageCalendarP(PG_GETARG_DATUM(0)),
											&recompiled);
	if (recompiled)
	{
		MemoryContextReset(ranges_cxt);
		ranges[0] = ranges[1] = NULL;
	}
	if (ranges[local] == NULL)
	{
		MemoryContext old = MemoryContextSwitchTo(ranges_cxt);
		int			slot = -1;
		TimeRange  *computed;

		nranges[local] = ow_schedule_affected_ranges(&schedule, &slot, 1,
													 local, &computed);
		MemoryContextSwitchTo(old);
		ranges[local] = computed;
	}
	if (i < 1 || i > nranges[local])
		PG_RETURN_NULL();
	value = upper ? ranges[local][i - 1].upper : ranges[local][i - 1].lower;
	if (local)
		PG_RETURN_TIMESTAMP(value);
	PG_RETURN_TIMESTAMPTZ(value);
}

PG_FUNCTION_INFO_V1(eligibility_affected_range_bound);
Datum
eligibility_affected_range_bound(PG_FUNCTION_ARGS)
{
	return range_bound(fcinfo, false);
}

PG_FUNCTION_INFO_V1(eligibility_affected_range_bound_local);
Datum
eligibility_affected_range_bound_local(PG_FUNCTION_ARGS)
{
	return range_bound(fcinfo, true);
}

/*
 * eligibility_reviewed_bound_local(upper): the span, as Japan local time,
 * of the windows in which a visit whose check did not succeed is reviewed
 * (reviews_failed_checks), in every area; NULL when there is none.  An
 * adapter reading a HIS's tables by day narrows its scan with it, as with
 * eligibility_affected_bound_local, but for the review, which also covers
 * windows that do not affect eligibility.  Once per call: the segments are
 * walked, since no lookup needs this hull.  The (calendar, upper) form
 * walks the calendar's segments instead, so that an adapter's calendar form
 * scans the days of the calendar it was given and reads no table.
 */
PG_FUNCTION_INFO_V1(eligibility_reviewed_bound_local);
Datum
eligibility_reviewed_bound_local(PG_FUNCTION_ARGS)
{
	bool		upper = PG_GETARG_BOOL(PG_NARGS() - 1);
	EligibilityCallCache *cache = call_cache(fcinfo);
	const CompiledSchedule *schedule = PG_NARGS() == 1 ?
		ow_schedule_get(&cache->schedule, fcinfo) :
		ow_calendar_arg_schedule(fcinfo, &cache->calendar, 0, false);
	TimestampTz lower_bound = DT_NOEND;
	TimestampTz upper_bound = DT_NOBEGIN;

	for (int i = 0; i < schedule->nsegments; i++)
	{
		const ScheduleSegment *seg = &schedule->segments[i];

		CHECK_FOR_INTERRUPTS();
		if (!ow_impacts[seg->kind].reviews_failed_checks)
			continue;
		lower_bound = Min(lower_bound, seg->lower);
		upper_bound = Max(upper_bound, seg->upper);
	}
	if (lower_bound >= upper_bound)
		PG_RETURN_NULL();
	PG_RETURN_TIMESTAMP(ow_japan_local_bound(upper ? upper_bound : lower_bound,
											 upper));
}
