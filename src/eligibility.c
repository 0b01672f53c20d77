/*-------------------------------------------------------------------------
 *
 * eligibility.c
 *	  is_eligibility_affected(), eligibility_impact() and japan_time(): the
 *	  functions HIS reports and billing audits call once per visit.
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

#include "catalog/pg_enum.h"
#include "catalog/pg_type.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/syscache.h"
#include "utils/timestamp.h"

#include "pg_compat.h"

#include "calendar.h"
#include "japan_time.h"
#include "outage_window.h"
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
	Oid			impact_type;	/* eligibility_impact; InvalidOid until needed */
	Oid			impact_label[OUTAGE_KIND_MAX + 1];	/* pg_enum oid per impact */
	char		memo_rest[SPELLING_MEMO_SIZE][SPELLING_MEMO_MAXLEN - 16];
} EligibilityCallCache;

static const char *const impact_labels[OUTAGE_KIND_MAX + 1] = {
	[OW_IMPACT_NONE] = "none",
	[OUTAGE_KIND_REGISTRATION_DELAY] = "registration_delay",
	[OUTAGE_KIND_INTERMITTENT] = "intermittent",
	[OUTAGE_KIND_OUTAGE] = "outage",
};

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
		Oid			namespace = get_func_namespace(fcinfo->flinfo->fn_oid);

		cache->impact_type = GetSysCacheOid2(TYPENAMENSP, Anum_pg_type_oid,
											 CStringGetDatum("eligibility_impact"),
											 ObjectIdGetDatum(namespace));
		if (!OidIsValid(cache->impact_type))
			ereport(ERROR,
					(errcode(ERRCODE_UNDEFINED_OBJECT),
					 errmsg("type \"eligibility_impact\" of extension outage_window does not exist"),
					 errhint("If the type was renamed, rename it back.  If the extension's files were upgraded, run ALTER EXTENSION outage_window UPDATE.")));
		for (int k = OW_IMPACT_NONE; k <= OUTAGE_KIND_MAX; k++)
		{
			cache->impact_label[k] =
				GetSysCacheOid2(ENUMTYPOIDNAME, Anum_pg_enum_oid,
								ObjectIdGetDatum(cache->impact_type),
								CStringGetDatum(impact_labels[k]));
			if (!OidIsValid(cache->impact_label[k]))
				ereport(ERROR,
						(errcode(ERRCODE_UNDEFINED_OBJECT),
						 errmsg("eligibility_impact has no label \"%s\"",
								impact_labels[k]),
						 errhint("If the label was renamed, rename it back with ALTER TYPE ... RENAME VALUE.  If the extension's files were upgraded, run ALTER EXTENSION outage_window UPDATE.")));
		}
	}
	return ObjectIdGetDatum(cache->impact_label[impact]);
}

/*
 * The sixteen SQL entry points below differ only in how they read their
 * arguments: the facility's prefecture as the type or as text, the visit
 * time as timestamptz or as a Japan local timestamp, the schedule from the
 * tables or from a calendar argument (the third).  Each passes constant
 * flags to one inline implementation, which the compiler specialises.
 */
#define ARG_TEXT_PREFECTURE 0x01
#define ARG_LOCAL_TIME		0x02
#define ARG_CALENDAR		0x04

static pg_attribute_always_inline const CompiledSchedule *
schedule_arg(FunctionCallInfo fcinfo, EligibilityCallCache *cache, int flags)
{
	if (flags & ARG_CALENDAR)
		return ow_calendar_arg_schedule(fcinfo, &cache->calendar, 2);
	return ow_schedule_get(&cache->schedule, fcinfo);
}

static pg_attribute_always_inline int32
visit_impact(FunctionCallInfo fcinfo, EligibilityCallCache *cache, int flags,
			 bool affected_only)
{
	Prefecture	p;
	TimestampTz t;
	const CompiledSchedule *schedule;

	p = (flags & ARG_TEXT_PREFECTURE) ?
		prefecture_arg_text(cache, PG_GETARG_DATUM(0)) :
		PG_GETARG_PREFECTURE(0);
	t = (flags & ARG_LOCAL_TIME) ?
		ow_japan_local_to_timestamptz(PG_GETARG_TIMESTAMP(1)) :
		PG_GETARG_TIMESTAMPTZ(1);
	schedule = schedule_arg(fcinfo, cache, flags);

	/*
	 * A registration delay slows card registration, not verification, so
	 * only intermittent and outage windows make a visit "affected".
	 */
	if (affected_only)
		return ow_schedule_affects(schedule, p, t) ? OUTAGE_KIND_INTERMITTENT
			: OW_IMPACT_NONE;
	return ow_schedule_impact(schedule, p, t);
}

static pg_attribute_always_inline Datum
affected(FunctionCallInfo fcinfo, int flags)
{
	EligibilityCallCache *cache = call_cache(fcinfo);

	PG_RETURN_BOOL(visit_impact(fcinfo, cache, flags, true) != OW_IMPACT_NONE);
}

static pg_attribute_always_inline Datum
impact(FunctionCallInfo fcinfo, int flags)
{
	EligibilityCallCache *cache = call_cache(fcinfo);

	return impact_datum(fcinfo, cache, visit_impact(fcinfo, cache, flags, false));
}

#define ELIGIBILITY_ENTRY(name, body, flags) \
PG_FUNCTION_INFO_V1(name); \
Datum \
name(PG_FUNCTION_ARGS) \
{ \
	return body(fcinfo, flags); \
}

ELIGIBILITY_ENTRY(is_eligibility_affected, affected, 0)
ELIGIBILITY_ENTRY(is_eligibility_affected_local, affected, ARG_LOCAL_TIME)
ELIGIBILITY_ENTRY(is_eligibility_affected_text, affected, ARG_TEXT_PREFECTURE)
ELIGIBILITY_ENTRY(is_eligibility_affected_text_local, affected,
				  ARG_TEXT_PREFECTURE | ARG_LOCAL_TIME)
ELIGIBILITY_ENTRY(is_eligibility_affected_cal, affected, ARG_CALENDAR)
ELIGIBILITY_ENTRY(is_eligibility_affected_local_cal, affected,
				  ARG_LOCAL_TIME | ARG_CALENDAR)
ELIGIBILITY_ENTRY(is_eligibility_affected_text_cal, affected,
				  ARG_TEXT_PREFECTURE | ARG_CALENDAR)
ELIGIBILITY_ENTRY(is_eligibility_affected_text_local_cal, affected,
				  ARG_TEXT_PREFECTURE | ARG_LOCAL_TIME | ARG_CALENDAR)
ELIGIBILITY_ENTRY(eligibility_impact, impact, 0)
ELIGIBILITY_ENTRY(eligibility_impact_local, impact, ARG_LOCAL_TIME)
ELIGIBILITY_ENTRY(eligibility_impact_text, impact, ARG_TEXT_PREFECTURE)
ELIGIBILITY_ENTRY(eligibility_impact_text_local, impact,
				  ARG_TEXT_PREFECTURE | ARG_LOCAL_TIME)
ELIGIBILITY_ENTRY(eligibility_impact_cal, impact, ARG_CALENDAR)
ELIGIBILITY_ENTRY(eligibility_impact_local_cal, impact,
				  ARG_LOCAL_TIME | ARG_CALENDAR)
ELIGIBILITY_ENTRY(eligibility_impact_text_cal, impact,
				  ARG_TEXT_PREFECTURE | ARG_CALENDAR)
ELIGIBILITY_ENTRY(eligibility_impact_text_local_cal, impact,
				  ARG_TEXT_PREFECTURE | ARG_LOCAL_TIME | ARG_CALENDAR)

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
		ow_calendar_arg_schedule(fcinfo, &cache->calendar, 0);

	return affected_bound(fcinfo, schedule, p, upper, local);
}

PG_FUNCTION_INFO_V1(eligibility_affected_bound);
Datum
eligibility_affected_bound(PG_FUNCTION_ARGS)
{
	return bound_of(fcinfo, true, 0, PG_GETARG_BOOL(0), false);
}

PG_FUNCTION_INFO_V1(eligibility_affected_bound_prefecture);
Datum
eligibility_affected_bound_prefecture(PG_FUNCTION_ARGS)
{
	Prefecture	p = PG_GETARG_PREFECTURE(0);

	if (!PREFECTURE_IS_VALID(p))
		PG_RETURN_NULL();
	return bound_of(fcinfo, true, p, PG_GETARG_BOOL(1), false);
}

PG_FUNCTION_INFO_V1(eligibility_affected_bound_local);
Datum
eligibility_affected_bound_local(PG_FUNCTION_ARGS)
{
	return bound_of(fcinfo, true, 0, PG_GETARG_BOOL(0), true);
}

PG_FUNCTION_INFO_V1(eligibility_affected_bound_local_prefecture);
Datum
eligibility_affected_bound_local_prefecture(PG_FUNCTION_ARGS)
{
	Prefecture	p = PG_GETARG_PREFECTURE(0);

	if (!PREFECTURE_IS_VALID(p))
		PG_RETURN_NULL();
	return bound_of(fcinfo, true, p, PG_GETARG_BOOL(1), true);
}

/* Index bounds of the three-argument forms, from the calendar argument. */
PG_FUNCTION_INFO_V1(eligibility_affected_bound_cal);
Datum
eligibility_affected_bound_cal(PG_FUNCTION_ARGS)
{
	return bound_of(fcinfo, false, 0, PG_GETARG_BOOL(1), false);
}

PG_FUNCTION_INFO_V1(eligibility_affected_bound_local_cal);
Datum
eligibility_affected_bound_local_cal(PG_FUNCTION_ARGS)
{
	return bound_of(fcinfo, false, 0, PG_GETARG_BOOL(1), true);
}
