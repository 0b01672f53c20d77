/*-------------------------------------------------------------------------
 *
 * eligibility_day.c
 *	  eligibility_on_day() and eligibility_grade_on_day(): day-level answers
 *	  for claims, which know the day of a visit but not its time.
 *
 * A claim's day is a Japan date.  Given the facility's opening hours that
 * day (pairs of local times, a time[]; the whole day without them), the
 * answer is the most severe impact during those hours and a grade: certain
 * when windows affecting eligibility cover all of them, possible when they
 * cover part, none otherwise.  Both come from the compiled schedule's span
 * lookups (ow_schedule_span_impact, ow_schedule_affected_time), from the
 * tables or from a calendar argument, exactly as the per-visit functions
 * read them; the session TimeZone plays no part.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "funcapi.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/lsyscache.h"
#include "utils/timestamp.h"

#include "calendar.h"
#include "eligibility_day.h"
#include "impact_sql.h"
#include "input_quote.h"
#include "japan_time.h"
#include "pg_compat.h"
#include "prefecture.h"
#include "schedule.h"

/* The grades, least first, as eligibility_grade spells them. */
#define GRADE_NONE 0
#define GRADE_POSSIBLE 1
#define GRADE_CERTAIN 2
#define GRADE_COUNT 3
static const char *const grade_labels[GRADE_COUNT] = {"none", "possible", "certain"};

/* A text prefecture remembered from the last row (most rows repeat it). */
#define MEMO_MAX 64

typedef struct DayCallCache
{
	ScheduleRef schedule;		/* the tables' schedule */
	void	   *calendar;		/* a calendar argument's */
	bool		text_prefecture;	/* argument 0 is text */
	bool		facility;		/* argument 0 is a medical_institution_code */
	int			calendar_arg;	/* its position, or -1 */
	int			hours_arg;		/* the opening hours' position, or -1 */
	TupleDesc	tupdesc;		/* eligibility_on_day's result, blessed */
	Oid			impact_label[OW_IMPACT_COUNT];	/* pg_enum oids, or 0 */
	Oid			grade_label[GRADE_COUNT];
	int			memo_len;		/* 0: empty */
	Prefecture	memo_prefecture;
	char		memo[MEMO_MAX];
} DayCallCache;

/* What one Japan day answers. */
typedef struct DayAnswer
{
	int32		rank;			/* the most severe impact (impact.h) */
	int64		affected;		/* microseconds covered by affecting windows */
	int64		open;			/* microseconds of opening hours */
	int			grade;
} DayAnswer;

static DayCallCache *
call_cache(FunctionCallInfo fcinfo, bool composite)
{
	DayCallCache *cache = fcinfo->flinfo->fn_extra;
	Oid		   *argtypes;
	int			nargs;
	MemoryContext old;

	if (likely(cache != NULL))
		return cache;

	cache = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(DayCallCache));
	/* the overload's declared arguments say where everything is */
	get_func_signature(fcinfo->flinfo->fn_oid, &argtypes, &nargs);
	cache->text_prefecture = argtypes[0] == TEXTOID;
	cache->facility = argtypes[0] ==
		ow_extension_type(fcinfo->flinfo->fn_oid, "medical_institution_code");
	cache->calendar_arg = nargs == 4 ? 2 : -1;
	cache->hours_arg = nargs >= 3 ? nargs - 1 : -1;

	if (composite)
	{
		TupleDesc	tupdesc;

		if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE ||
			tupdesc->natts != 4)
			elog(ERROR, "eligibility_on_day: unexpected result type");
		old = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);
		cache->tupdesc = BlessTupleDesc(CreateTupleDescCopy(tupdesc));
		MemoryContextSwitchTo(old);
		ow_impact_label_oids(TupleDescAttr(tupdesc, 0)->atttypid,
							 cache->impact_label);
		ow_enum_label_oids(TupleDescAttr(tupdesc, 1)->atttypid, grade_labels,
						   GRADE_COUNT, cache->grade_label);
	}
	else
		ow_enum_label_oids(get_func_rettype(fcinfo->flinfo->fn_oid),
						   grade_labels, GRADE_COUNT, cache->grade_label);
	fcinfo->flinfo->fn_extra = cache;
	return cache;
}

static Prefecture
prefecture_arg(FunctionCallInfo fcinfo, DayCallCache *cache)
{
	text	   *t;
	int			len;

	if (!cache->text_prefecture)
		return PG_GETARG_PREFECTURE(0);
	t = PG_GETARG_TEXT_PP(0);
	len = VARSIZE_ANY_EXHDR(t);
	if (cache->memo_len == len && len > 0 &&
		memcmp(cache->memo, VARDATA_ANY(t), len) == 0)
		return cache->memo_prefecture;
	/* raises 22P02 for a spelling that is no prefecture */
	cache->memo_prefecture = ow_prefecture_from_text(VARDATA_ANY(t), len, true);
	if (len <= MEMO_MAX)
	{
		memcpy(cache->memo, VARDATA_ANY(t), len);
		cache->memo_len = len;
	}
	return cache->memo_prefecture;
}

/*
 * The opening hours as sorted, merged pairs of local times of day in
 * [0, 24:00]: their count.  Raises for an array that is not pairs of
 * increasing times.
 */
static int
read_hours(ArrayType *array, TimeADT *from, TimeADT *to)
{
	int			n = ArrayGetNItems(ARR_NDIM(array), ARR_DIMS(array));
	const TimeADT *times = (const TimeADT *) ARR_DATA_PTR(array);
	int			npairs = 0;

	if (ARR_ELEMTYPE(array) != TIMEOID)
		elog(ERROR, "opening hours must be of type time[]");
	if (ARR_NDIM(array) > 1 || ARR_HASNULL(array) || n % 2 != 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("opening hours must be pairs of times"),
				 errdetail("The array has %d elements%s.", n,
						   ARR_HASNULL(array) ? ", some of them NULL" :
						   ARR_NDIM(array) > 1 ? " in more than one dimension" : ""),
				 errhint("Give opening and closing times in turn, such as '{09:00,12:30,14:00,18:00}'::time[]; 24:00 closes at midnight.")));
	if (n / 2 > OW_MAX_OPENING_PAIRS)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("opening hours exceed the limit of %d pairs of times",
						OW_MAX_OPENING_PAIRS)));
	for (int i = 0; i < n; i += 2)
	{
		TimeADT		lo = times[i];
		TimeADT		hi = times[i + 1];
		int			k;

		if (lo >= hi)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("opening hours must close after they open"),
					 errdetail("Pair %d opens at %s and closes at %s.", i / 2 + 1,
							   DatumGetCString(DirectFunctionCall1(time_out, TimeADTGetDatum(lo))),
							   DatumGetCString(DirectFunctionCall1(time_out, TimeADTGetDatum(hi)))),
					 errhint("A claim's day is a calendar day: split night hours at midnight, such as '{00:00,02:00,18:00,24:00}'::time[].")));
		/* insertion into the sorted pairs */
		for (k = npairs; k > 0 && from[k - 1] > lo; k--)
		{
			from[k] = from[k - 1];
			to[k] = to[k - 1];
		}
		from[k] = lo;
		to[k] = hi;
		npairs++;
	}
	/* overlapping or touching pairs count once */
	if (npairs > 1)
	{
		int			m = 0;

		for (int i = 1; i < npairs; i++)
		{
			if (from[i] <= to[m])
				to[m] = Max(to[m], to[i]);
			else
			{
				m++;
				from[m] = from[i];
				to[m] = to[i];
			}
		}
		npairs = m + 1;
	}
	return npairs;
}

/*
 * ow_day_spans: the opening hours as instants.  The day is converted pair
 * by pair, so a pair is Japan local time whatever the session's TimeZone.
 */
int
ow_day_spans(DateADT day, ArrayType *hours, TimestampTz *lower,
			 TimestampTz *upper)
{
	TimeADT		from[OW_MAX_OPENING_PAIRS];
	TimeADT		to[OW_MAX_OPENING_PAIRS];
	int			npairs;
	int			n = 0;
	Timestamp	midnight;

	if (hours != NULL)
		npairs = read_hours(hours, from, to);
	else
	{
		/* the whole day */
		from[0] = 0;
		to[0] = USECS_PER_DAY;
		npairs = 1;
	}
	if (DATE_NOT_FINITE(day))
		return 0;
	/* a day a timestamp cannot hold has no window either way to compare */
	if (day < DATETIME_MIN_JULIAN - POSTGRES_EPOCH_JDATE ||
		day >= TIMESTAMP_END_JULIAN - POSTGRES_EPOCH_JDATE - 1)
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("date out of range for a day-level answer"),
				 errdetail("The day must be one a timestamp can hold.")));
	midnight = (Timestamp) day * USECS_PER_DAY;
	for (int i = 0; i < npairs; i++)
	{
		TimestampTz lo = ow_japan_local_to_timestamptz(midnight + from[i]);
		TimestampTz hi = ow_japan_local_to_timestamptz(midnight + to[i]);

		if (hi <= lo)
			continue;
		lower[n] = lo;
		upper[n] = hi;
		n++;
	}
	return n;
}

/*
 * The answer at slot p of the schedule (a prefecture, or a facility's
 * area) over the spans of a day's opening hours.
 */
static void
answer_day(const CompiledSchedule *schedule, int p, const TimestampTz *lower,
		   const TimestampTz *upper, int nspans, DayAnswer *a)
{
	memset(a, 0, sizeof(*a));
	for (int i = 0; i < nspans; i++)
	{
		a->rank = Max(a->rank, ow_schedule_span_impact(schedule, p, lower[i],
													   upper[i]));
		a->affected += ow_schedule_affected_time(schedule, p, lower[i], upper[i]);
		a->open += upper[i] - lower[i];
	}
	if (a->affected <= 0 || a->open <= 0)
		a->grade = GRADE_NONE;
	else if (a->affected >= a->open)
		a->grade = GRADE_CERTAIN;
	else
		a->grade = GRADE_POSSIBLE;
}

/* The answer for this call's arguments; false for a NULL one. */
static bool
answer_call(FunctionCallInfo fcinfo, DayCallCache *cache, DayAnswer *a)
{
	const CompiledSchedule *schedule;
	TimestampTz lower[OW_MAX_OPENING_PAIRS];
	TimestampTz upper[OW_MAX_OPENING_PAIRS];
	int			nspans;
	int			p = 0;

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1) ||
		(cache->calendar_arg >= 0 && PG_ARGISNULL(cache->calendar_arg)))
		return false;
	if (!cache->facility)
		p = prefecture_arg(fcinfo, cache);
	nspans = ow_day_spans(PG_GETARG_DATEADT(1),
						  cache->hours_arg >= 0 && !PG_ARGISNULL(cache->hours_arg) ?
						  PG_GETARG_ARRAYTYPE_P(cache->hours_arg) : NULL,
						  lower, upper);
	schedule = cache->calendar_arg >= 0 ?
		ow_calendar_arg_schedule(fcinfo, &cache->calendar, cache->calendar_arg,
								 false) :
		ow_schedule_get(&cache->schedule, fcinfo);
	/* a facility: its facility_area area, else its code's prefecture */
	if (cache->facility)
		p = ow_schedule_facility_slot(schedule, PG_GETARG_INT64(0));
	answer_day(schedule, p, lower, upper, nspans, a);
	return true;
}

static Datum
interval_of(int64 usecs)
{
	Interval   *i = palloc0(sizeof(Interval));

	i->time = usecs;
	return IntervalPGetDatum(i);
}

PG_FUNCTION_INFO_V1(eligibility_on_day);
Datum
eligibility_on_day(PG_FUNCTION_ARGS)
{
	DayCallCache *cache = call_cache(fcinfo, true);
	DayAnswer	a;
	Datum		values[4];
	bool		nulls[4] = {false, false, false, false};

	if (!answer_call(fcinfo, cache, &a))
		PG_RETURN_NULL();
	values[0] = ObjectIdGetDatum(cache->impact_label[a.rank]);
	values[1] = ObjectIdGetDatum(cache->grade_label[a.grade]);
	values[2] = interval_of(a.affected);
	values[3] = interval_of(a.open);
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(cache->tupdesc, values, nulls)));
}

PG_FUNCTION_INFO_V1(eligibility_grade_on_day);
Datum
eligibility_grade_on_day(PG_FUNCTION_ARGS)
{
	DayCallCache *cache = call_cache(fcinfo, false);
	DayAnswer	a;

	if (!answer_call(fcinfo, cache, &a))
		PG_RETURN_NULL();
	PG_RETURN_OID(cache->grade_label[a.grade]);
}
