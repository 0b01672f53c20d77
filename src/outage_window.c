/*-------------------------------------------------------------------------
 *
 * outage_window.c
 *	  The outage_window type: I/O, constructor, accessors, casts to and from
 *	  tstzrange, operators, and the btree and hash support functions.
 *
 * A window is the half-open interval [lower, upper) of timestamptz plus a
 * kind.  Keeping it half-open and discrete (timestamptz counts
 * microseconds) means every other bracket form has exactly one canonical
 * spelling, so equality, hashing and sorting never have to reason about
 * inclusivity flags the way range types do.  Unbounded ends are the
 * timestamptz infinities, taken literally: the half-open rule applies to
 * them too.
 *
 * Text form is always printed in Japan time with an explicit offset, and
 * bounds written without a zone are read as Japan time, because the
 * notices the windows come from are written in Japan time: a schedule
 * typed in from a notice must not move when the session's TimeZone does.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "catalog/pg_type_d.h"
#include "common/hashfn.h"
#include "libpq/pqformat.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/datetime.h"
#include "utils/fmgrprotos.h"
#include "utils/rangetypes.h"
#include "utils/sortsupport.h"
#include "utils/timestamp.h"

#include "input_quote.h"
#include "japan_time.h"
#include "outage_window.h"
#include "pg_compat.h"
#include "window_parse.h"

const char *
ow_outage_kind_name(int32 k)
{
	const OutageImpact *impact = ow_impact_of_kind(k);

	return impact ? impact->label : NULL;
}

int32
ow_outage_kind_from_name(const char *name, size_t len)
{
	const OutageImpact *impact = ow_impact_by_label(name, len);

	/* "none" is an impact, not a kind of window */
	return impact ? impact->code : 0;
}

/*
 * Every window is built here, so the padding is always zero and the bounds
 * are always checked the same way, whichever way the value arrived.
 */
OutageWindow *
ow_make(TimestampTz lower, TimestampTz upper, int32 kind)
{
	OutageWindow *w;

	if (lower >= upper)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_EXCEPTION),
				 errmsg("outage_window lower bound must be less than upper bound"),
				 errdetail("The lower bound is not before the upper bound."),
				 errhint("A window is half-open [lower, upper): write the start first and make it earlier than the end.")));
	/* every path in (casts, arithmetic on bounds) must print and read back */
	if ((!TIMESTAMP_NOT_FINITE(lower) && !IS_VALID_TIMESTAMP(lower)) ||
		(!TIMESTAMP_NOT_FINITE(upper) && !IS_VALID_TIMESTAMP(upper)))
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("timestamp out of range"),
				 errdetail("A bound of the window lies outside the range of timestamptz."),
				 errhint("Use infinity for a window without an end.")));
	Assert(OUTAGE_KIND_IS_VALID(kind));

	w = (OutageWindow *) palloc0(sizeof(OutageWindow));
	w->lower = lower;
	w->upper = upper;
	w->kind = kind;
	return w;
}

/*
 * The kind named by name[0..len); literal is the whole text literal when the
 * kind came from one, so that the error quotes what the user wrote.
 */
int32
ow_kind_or_error(const char *name, size_t len, const char *literal)
{
	int32		kind = ow_outage_kind_from_name(name, len);

	if (kind == 0 && literal != NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid input syntax for type outage_window: \"%s\"",
						ow_quote_cstring(literal)),
				 errdetail("Unknown kind \"%s\".", ow_quote_input(name, len)),
				 errhint("The kind is one of outage, intermittent or registration_delay.")));
	if (kind == 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid outage kind: \"%s\"", ow_quote_input(name, len)),
				 errdetail("Unknown kind \"%s\".", ow_quote_input(name, len)),
				 errhint("The kind is one of outage, intermittent or registration_delay.")));
	return kind;
}

/*
 * Words whose value depends on the clock: accepting them would make the
 * type's input function, declared immutable, return different values on
 * different days.
 */
static bool
ow_is_clock_word(const char *field)
{
	return strcmp(field, "now") == 0 || strcmp(field, "today") == 0 ||
		strcmp(field, "tomorrow") == 0 || strcmp(field, "yesterday") == 0;
}

/* A bound's text split into date/time fields. */
typedef struct BoundFields
{
	char		workbuf[MAXDATELEN + MAXDATEFIELDS];
	char	   *field[MAXDATEFIELDS];
	int			ftype[MAXDATEFIELDS];
	int			nf;
	char		utc[4];			/* "+00", for the words that mean UTC */
} BoundFields;

/*
 * Split a bound with ParseDateTime.  Z (ISO 8601) and UTC are made the
 * offset +00 here: PostgreSQL would look them up in the zone abbreviations
 * that timezone_abbreviations chooses, and their meaning must not depend
 * on a setting.  Returns a DTERR_* code or 0.
 */
static int
ow_split_bound(const char *str, BoundFields *f)
{
	int			dterr = ParseDateTime(str, f->workbuf, sizeof(f->workbuf),
									  f->field, f->ftype, MAXDATEFIELDS,
									  &f->nf);

	if (dterr != 0)
		return dterr;
	strcpy(f->utc, "+00");
	for (int i = 0; i < f->nf; i++)
	{
		if ((f->ftype[i] == DTK_STRING || f->ftype[i] == DTK_SPECIAL) &&
			(strcmp(f->field[i], "z") == 0 || strcmp(f->field[i], "utc") == 0))
		{
			f->field[i] = f->utc;
			f->ftype[i] = DTK_TZ;
		}
	}
	return 0;
}

/* A bound as PostgreSQL's date/time decoder read it under one DateOrder. */
typedef struct BoundReading
{
	int			dterr;			/* 0, or the DTERR_* code */
	int			dtype;			/* DTK_DATE, DTK_EPOCH, DTK_LATE, ... */
	struct pg_tm tm;
	fsec_t		fsec;
	bool		zoned;			/* the text gave an offset or a zone name */
	int			tz;				/* that offset, seconds west, if zoned */
} BoundReading;

/*
 * Decode a bound under the current DateOrder.  The first decode is done
 * without a zone pointer so that PostgreSQL tells us whether the text names
 * a zone (it then refuses with DTERR_BAD_FORMAT); only text without a zone
 * is read as Japan time, and text with one is decoded again the way
 * timestamptz_in would.  Every refusal that needs the zone pointer is about
 * a zone the text gives, so the session TimeZone never fills in an offset.
 * A zone name of letters only (Japan) is the exception: PostgreSQL 15
 * would store its offset through the missing pointer, so the caller, who
 * has seen the words, says so and the first decode is skipped.
 */
static void
ow_decode_bound(const char *str, bool alpha_zone, BoundReading *r)
{
	BoundFields f;
	DateTimeErrorExtra extra = {0};

	memset(r, 0, sizeof(BoundReading));
	r->dterr = ow_split_bound(str, &f);
	if (r->dterr != 0)
		return;
	if (!alpha_zone)
	{
		r->dterr = DecodeDateTime(f.field, f.ftype, f.nf, &r->dtype, &r->tm,
								  &r->fsec, NULL, &extra);
		if (r->dterr != DTERR_BAD_FORMAT)
			return;

		/* maybe it named a zone; DecodeDateTime may have scribbled on fields */
		memset(r, 0, sizeof(BoundReading));
		r->dterr = ow_split_bound(str, &f);
		if (r->dterr != 0)
			return;
	}
	r->zoned = true;
	r->dterr = DecodeDateTime(f.field, f.ftype, f.nf, &r->dtype, &r->tm,
							  &r->fsec, &r->tz, &extra);
	/* an unknown zone: raised here, naming it, on every version */
	ow_raise_zone_error(r->dterr, &extra, str, "timestamp with time zone");
}

/* Whether two readings of a bound mean the same instant. */
static bool
ow_same_reading(const BoundReading *a, const BoundReading *b)
{
	if (a->dterr != 0 || b->dterr != 0)
		return a->dterr == b->dterr;
	if (a->dtype != b->dtype)
		return false;
	if (a->dtype != DTK_DATE)
		return true;
	return a->tm.tm_year == b->tm.tm_year && a->tm.tm_mon == b->tm.tm_mon &&
		a->tm.tm_mday == b->tm.tm_mday && a->tm.tm_hour == b->tm.tm_hour &&
		a->tm.tm_min == b->tm.tm_min && a->tm.tm_sec == b->tm.tm_sec &&
		a->fsec == b->fsec && a->zoned == b->zoned &&
		(!a->zoned || a->tz == b->tz);
}

/*
 * Refuse the words of a bound whose meaning a setting decides: the clock
 * words, and time zone abbreviations, which timezone_abbreviations defines
 * (IST is India under one set and Israel under the default one).  Returns
 * whether a word is left that only a zone name can explain.
 */
static bool
ow_check_bound_words(const char *str)
{
	BoundFields f;
	bool		alpha_zone = false;

	/* malformed text is reported by the decode, which sees it again */
	if (ow_split_bound(str, &f) != 0)
		return false;
	for (int i = 0; i < f.nf; i++)
	{
		int			val;
		pg_tz	   *tz;
		int			type;
		DateTimeErrorExtra extra = {0};

		if (ow_is_clock_word(f.field[i]))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_DATETIME_FORMAT),
					 errmsg("outage_window bound \"%s\" depends on the current time",
							ow_quote_cstring(str)),
					 errdetail("Bounds must be fixed points in time; \"%s\" is not.",
							   f.field[i]),
					 errhint("Cast the expression to timestamptz and use the outage_window() constructor.")));
		if (f.ftype[i] != DTK_STRING && f.ftype[i] != DTK_SPECIAL)
			continue;
		/* a dynamic abbreviation whose zone is missing is one too (DYNTZ) */
		(void) DecodeTimezoneAbbrev(i, f.field[i], &type, &val, &tz, &extra);
		if (type == TZ || type == DTZ || type == DYNTZ)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_DATETIME_FORMAT),
					 errmsg("outage_window bound \"%s\" uses a time zone abbreviation",
							ow_quote_cstring(str)),
					 errdetail("The meaning of \"%s\" depends on the timezone_abbreviations setting.",
							   f.field[i]),
					 errhint("Leave the zone out for Japan time, or write an offset (+09, +00, Z or UTC) or a full zone name such as Asia/Tokyo.")));
		if (f.ftype[i] == DTK_STRING &&
			DecodeSpecial(i, f.field[i], &val) == UNKNOWN_FIELD)
			alpha_zone = true;
	}
	return alpha_zone;
}

/* The date orders DateStyle can select; a bound must read alike under all. */
static const int date_orders[] = {DATEORDER_YMD, DATEORDER_DMY, DATEORDER_MDY};

#define N_DATE_ORDERS ((int) lengthof(date_orders))

/*
 * Decode a bound under each date order.  The decoder takes the order from
 * the DateOrder global and from nowhere else, so it is set around each
 * decode and restored whatever happens (a zone name it cannot find is
 * reported with ereport).
 */
static void
ow_decode_all_orders(const char *str, bool alpha_zone,
					 BoundReading readings[N_DATE_ORDERS])
{
	int			saved_order = DateOrder;

	PG_TRY();
	{
		for (int i = 0; i < N_DATE_ORDERS; i++)
		{
			DateOrder = date_orders[i];
			ow_decode_bound(str, alpha_zone, &readings[i]);
		}
	}
	PG_FINALLY();
	{
		DateOrder = saved_order;
	}
	PG_END_TRY();
}

/*
 * Read one bound.  The value must not depend on any setting, because the
 * input function is immutable: an expression index on text::outage_window
 * built under one DateStyle must match a scan under another.  So the text
 * is accepted only if every date order reads the same instant from it:
 * 2025-02-01 and 20250201 are read alike, 01/02/2025 and 01.02.25 are not.
 */
static TimestampTz
ow_read_bound(const char *str)
{
	BoundReading readings[N_DATE_ORDERS];
	const BoundReading *r = &readings[0];
	TimestampTz result;

	ow_decode_all_orders(str, ow_check_bound_words(str), readings);

	for (int i = 1; i < N_DATE_ORDERS; i++)
	{
		if (!ow_same_reading(r, &readings[i]) &&
			(r->dterr == 0 || readings[i].dterr == 0))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_DATETIME_FORMAT),
					 errmsg("outage_window bound \"%s\" is ambiguous",
							ow_quote_cstring(str)),
					 errdetail("Its date is read differently under different DateStyle settings."),
					 errhint("Write the date as year-month-day, such as 2025-02-01 22:00.")));
	}
	/* every order failed: report it as the documented order reads it */
	if (r->dterr != 0)
	{
		DateTimeErrorExtra extra = {0};

		DateTimeParseError(r->dterr, &extra, ow_quote_cstring(str),
						   "timestamp with time zone", NULL);
	}

	switch (r->dtype)
	{
		case DTK_DATE:
			{
				struct pg_tm tm = r->tm;
				int			tz = r->tz;

				if (!r->zoned)
					tz = DetermineTimeZoneOffset(&tm, ow_japan_tz());
				if (tm2timestamp(&tm, r->fsec, &tz, &result) != 0)
					ereport(ERROR,
							(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
							 errmsg("timestamp out of range: \"%s\"",
									ow_quote_cstring(str))));
			}
			break;
		case DTK_EPOCH:
			result = SetEpochTimestamp();
			break;
		case DTK_LATE:
			TIMESTAMP_NOEND(result);
			break;
		case DTK_EARLY:
			TIMESTAMP_NOBEGIN(result);
			break;
		default:
			elog(ERROR, "unexpected dtype %d while parsing outage_window bound \"%s\"",
				 r->dtype, ow_quote_cstring(str));
			result = 0;			/* keep compiler quiet */
	}
	return result;
}

static void
ow_syntax_error(const char *str, const char *detail)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			 errmsg("invalid input syntax for type outage_window: \"%s\"",
					ow_quote_cstring(str)),
			 errdetail("%s", detail),
			 errhint("Write a window as [lower,upper) kind, for example [2025-02-01 22:00,2025-02-02 00:30) outage.")));
}

/*
 * Text input.  Inclusive upper and exclusive lower bounds are moved by one
 * microsecond to the canonical [ ) form, as discrete range types do.  The
 * infinities are not moved: they stand for "unbounded", and there is no
 * next instant after infinity.
 */
PG_FUNCTION_INFO_V1(outage_window_in);
Datum
outage_window_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	size_t		len = strlen(str);
	WpResult	r;
	TimestampTz bound[2];
	int32		kind = OUTAGE_KIND_OUTAGE;

	wp_split(str, len, &r);
	if (r.status != WP_OK)
		ow_syntax_error(str, wp_status_detail(r.status));

	for (int i = 0; i < 2; i++)
	{
		const WpBound *b = (i == 0) ? &r.lower : &r.upper;
		char	   *boundtext;

		if (b->empty)
		{
			if (i == 0)
				TIMESTAMP_NOBEGIN(bound[i]);
			else
				TIMESTAMP_NOEND(bound[i]);
			continue;
		}
		boundtext = palloc(b->len + 1);
		wp_bound_text(str, b, boundtext);
		bound[i] = ow_read_bound(boundtext);
		pfree(boundtext);
	}

	if (!r.lower_inc && !TIMESTAMP_NOT_FINITE(bound[0]))
		bound[0]++;
	if (r.upper_inc && !TIMESTAMP_NOT_FINITE(bound[1]))
		bound[1]++;
	/* moving a bound by 1 us can step just past the last valid timestamp */
	for (int i = 0; i < 2; i++)
		if (!TIMESTAMP_NOT_FINITE(bound[i]) && !IS_VALID_TIMESTAMP(bound[i]))
			ereport(ERROR,
					(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
					 errmsg("timestamp out of range in outage_window \"%s\"",
							ow_quote_cstring(str))));

	if (r.kind_len > 0)
		kind = ow_kind_or_error(str + r.kind_start, r.kind_len, str);

	PG_RETURN_OUTAGE_WINDOW_P(ow_make(bound[0], bound[1], kind));
}

/*
 * One bound in Japan time, ISO style whatever DateStyle says, so that the
 * text reads back to the same instant under any session settings.
 */
static void
ow_format_bound(StringInfo buf, TimestampTz t)
{
	char		tmp[MAXDATELEN + 1];
	struct pg_tm tt;
	fsec_t		fsec;
	int			tz;

	if (TIMESTAMP_NOT_FINITE(t))
		EncodeSpecialTimestamp(t, tmp);
	else if (timestamp2tm(t, &tz, &tt, &fsec, NULL, ow_japan_tz()) == 0)
		EncodeDateTime(&tt, fsec, true, tz, NULL, USE_ISO_DATES, tmp);
	else
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("timestamp out of range")));
	appendStringInfoString(buf, tmp);
}

PG_FUNCTION_INFO_V1(outage_window_out);
Datum
outage_window_out(PG_FUNCTION_ARGS)
{
	OutageWindow *w = PG_GETARG_OUTAGE_WINDOW_P(0);
	StringInfoData buf;

	initStringInfo(&buf);
	appendStringInfoChar(&buf, '[');
	ow_format_bound(&buf, w->lower);
	appendStringInfoChar(&buf, ',');
	ow_format_bound(&buf, w->upper);
	appendStringInfoString(&buf, ") ");
	appendStringInfoString(&buf, ow_outage_kind_name(w->kind));
	PG_RETURN_CSTRING(buf.data);
}

static TimestampTz
ow_recv_bound(StringInfo buf)
{
	TimestampTz t = (TimestampTz) pq_getmsgint64(buf);

	if (!TIMESTAMP_NOT_FINITE(t) && !IS_VALID_TIMESTAMP(t))
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("timestamp out of range in binary outage_window")));
	return t;
}

/*
 * Binary input trusts nothing the text input would have refused, and fails
 * with the same SQLSTATEs (an unknown kind is 22P02, as for enum_recv).
 */
PG_FUNCTION_INFO_V1(outage_window_recv);
Datum
outage_window_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	TimestampTz lower = ow_recv_bound(buf);
	TimestampTz upper = ow_recv_bound(buf);
	int32		kind = (int32) pq_getmsgint(buf, 4);

	if (!OUTAGE_KIND_IS_VALID(kind))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid outage kind %d in binary outage_window", kind),
				 errdetail("The kinds are 1 (registration_delay), 2 (intermittent) and 3 (outage).")));
	PG_RETURN_OUTAGE_WINDOW_P(ow_make(lower, upper, kind));
}

PG_FUNCTION_INFO_V1(outage_window_send);
Datum
outage_window_send(PG_FUNCTION_ARGS)
{
	OutageWindow *w = PG_GETARG_OUTAGE_WINDOW_P(0);
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendint64(&buf, w->lower);
	pq_sendint64(&buf, w->upper);
	pq_sendint32(&buf, w->kind);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/*****************************************************************************
 * Constructor, accessors, casts
 *****************************************************************************/

PG_FUNCTION_INFO_V1(outage_window_construct);
Datum
outage_window_construct(PG_FUNCTION_ARGS)
{
	TimestampTz lower = PG_GETARG_TIMESTAMPTZ(0);
	TimestampTz upper = PG_GETARG_TIMESTAMPTZ(1);
	text	   *kindtext = PG_GETARG_TEXT_PP(2);
	int32		kind;

	kind = ow_kind_or_error(VARDATA_ANY(kindtext), VARSIZE_ANY_EXHDR(kindtext),
							NULL);
	PG_RETURN_OUTAGE_WINDOW_P(ow_make(lower, upper, kind));
}

/*
 * outage_window(timestamp, timestamp, kind): bounds without a zone are Japan
 * wall-clock time, as in a window literal, a notice and the eligibility
 * functions' timestamp forms, whatever the session TimeZone says (the
 * timestamptz form would read them through it).
 */
PG_FUNCTION_INFO_V1(outage_window_construct_japan);
Datum
outage_window_construct_japan(PG_FUNCTION_ARGS)
{
	Timestamp	lower = PG_GETARG_TIMESTAMP(0);
	Timestamp	upper = PG_GETARG_TIMESTAMP(1);
	text	   *kindtext = PG_GETARG_TEXT_PP(2);
	int32		kind;

	kind = ow_kind_or_error(VARDATA_ANY(kindtext), VARSIZE_ANY_EXHDR(kindtext),
							NULL);
	PG_RETURN_OUTAGE_WINDOW_P(ow_make(ow_japan_local_to_timestamptz(lower),
									  ow_japan_local_to_timestamptz(upper),
									  kind));
}

PG_FUNCTION_INFO_V1(outage_window_lower);
Datum
outage_window_lower(PG_FUNCTION_ARGS)
{
	PG_RETURN_TIMESTAMPTZ(PG_GETARG_OUTAGE_WINDOW_P(0)->lower);
}

PG_FUNCTION_INFO_V1(outage_window_upper);
Datum
outage_window_upper(PG_FUNCTION_ARGS)
{
	PG_RETURN_TIMESTAMPTZ(PG_GETARG_OUTAGE_WINDOW_P(0)->upper);
}

PG_FUNCTION_INFO_V1(outage_window_kind);
Datum
outage_window_kind(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(cstring_to_text(ow_outage_kind_name(PG_GETARG_OUTAGE_WINDOW_P(0)->kind)));
}

/*
 * The length of a window, as upper - lower would give for timestamptz
 * (hours justified into days).  An unbounded window has no length; NULL
 * says so without failing a whole query over one open-ended row, as
 * upper(r) - lower(r) does for an unbounded tstzrange.
 */
PG_FUNCTION_INFO_V1(outage_window_duration);
Datum
outage_window_duration(PG_FUNCTION_ARGS)
{
	OutageWindow *w = PG_GETARG_OUTAGE_WINDOW_P(0);

	if (TIMESTAMP_NOT_FINITE(w->lower) || TIMESTAMP_NOT_FINITE(w->upper))
		PG_RETURN_NULL();
	return DirectFunctionCall2(timestamp_mi,
							   TimestampTzGetDatum(w->upper),
							   TimestampTzGetDatum(w->lower));
}

/* The window's instants as a tstzrange; the kind is dropped. */
PG_FUNCTION_INFO_V1(outage_window_to_tstzrange);
Datum
outage_window_to_tstzrange(PG_FUNCTION_ARGS)
{
	OutageWindow *w = PG_GETARG_OUTAGE_WINDOW_P(0);
	TypeCacheEntry *typcache = range_get_typcache(fcinfo, TSTZRANGEOID);
	RangeBound	lower;
	RangeBound	upper;

	lower.val = TimestampTzGetDatum(w->lower);
	lower.infinite = false;
	lower.inclusive = true;
	lower.lower = true;
	upper.val = TimestampTzGetDatum(w->upper);
	upper.infinite = false;
	upper.inclusive = false;
	upper.lower = false;
	PG_RETURN_RANGE_P(make_range(typcache, &lower, &upper, false, NULL));
}

/*
 * A tstzrange's bounds as a canonical half-open pair.  An unbounded end
 * becomes the matching infinity; a finite exclusive lower or inclusive upper
 * moves by one microsecond.  Returns false for an empty range.
 */
bool
ow_tstzrange_bounds(FunctionCallInfo fcinfo, Datum range,
					TimestampTz *lo, TimestampTz *hi)
{
	RangeType  *r = DatumGetRangeTypeP(range);
	TypeCacheEntry *typcache = range_get_typcache(fcinfo, RangeTypeGetOid(r));
	RangeBound	lower;
	RangeBound	upper;
	bool		empty;

	range_deserialize(typcache, r, &lower, &upper, &empty);
	if (empty)
		return false;

	if (lower.infinite)
		TIMESTAMP_NOBEGIN(*lo);
	else
	{
		*lo = DatumGetTimestampTz(lower.val);
		if (!lower.inclusive && !TIMESTAMP_NOT_FINITE(*lo))
			(*lo)++;
	}
	if (upper.infinite)
		TIMESTAMP_NOEND(*hi);
	else
	{
		*hi = DatumGetTimestampTz(upper.val);
		if (upper.inclusive && !TIMESTAMP_NOT_FINITE(*hi))
			(*hi)++;
	}
	return *lo < *hi;
}

PG_FUNCTION_INFO_V1(outage_window_from_tstzrange);
Datum
outage_window_from_tstzrange(PG_FUNCTION_ARGS)
{
	RangeType  *r = PG_GETARG_RANGE_P(0);
	TimestampTz lo;
	TimestampTz hi;

	if (!ow_tstzrange_bounds(fcinfo, PointerGetDatum(r), &lo, &hi))
		ereport(ERROR,
				(errcode(ERRCODE_DATA_EXCEPTION),
				 errmsg("cannot convert an empty tstzrange to outage_window"),
				 errdetail("A window must contain at least one instant."),
				 errhint("Filter out empty ranges with isempty() before the cast.")));
	PG_RETURN_OUTAGE_WINDOW_P(ow_make(lo, hi, OUTAGE_KIND_OUTAGE));
}

/*****************************************************************************
 * Operators
 *
 * Containment and overlap look at the instants only: a window of one kind
 * still overlaps a window of another.  Equality and ordering look at all
 * three fields, so that two windows differing only in kind stay distinct
 * rows under DISTINCT, GROUP BY and unique indexes.
 *****************************************************************************/

PG_FUNCTION_INFO_V1(outage_window_contains_ts);
Datum
outage_window_contains_ts(PG_FUNCTION_ARGS)
{
	OutageWindow *w = PG_GETARG_OUTAGE_WINDOW_P(0);
	TimestampTz t = PG_GETARG_TIMESTAMPTZ(1);

	PG_RETURN_BOOL(w->lower <= t && t < w->upper);
}

PG_FUNCTION_INFO_V1(outage_window_ts_contained_by);
Datum
outage_window_ts_contained_by(PG_FUNCTION_ARGS)
{
	TimestampTz t = PG_GETARG_TIMESTAMPTZ(0);
	OutageWindow *w = PG_GETARG_OUTAGE_WINDOW_P(1);

	PG_RETURN_BOOL(w->lower <= t && t < w->upper);
}

PG_FUNCTION_INFO_V1(outage_window_contains);
Datum
outage_window_contains(PG_FUNCTION_ARGS)
{
	OutageWindow *a = PG_GETARG_OUTAGE_WINDOW_P(0);
	OutageWindow *b = PG_GETARG_OUTAGE_WINDOW_P(1);

	PG_RETURN_BOOL(a->lower <= b->lower && b->upper <= a->upper);
}

PG_FUNCTION_INFO_V1(outage_window_contained_by);
Datum
outage_window_contained_by(PG_FUNCTION_ARGS)
{
	OutageWindow *a = PG_GETARG_OUTAGE_WINDOW_P(0);
	OutageWindow *b = PG_GETARG_OUTAGE_WINDOW_P(1);

	PG_RETURN_BOOL(b->lower <= a->lower && a->upper <= b->upper);
}

/* Half-open, so [a,b) and [b,c) touch without overlapping. */
PG_FUNCTION_INFO_V1(outage_window_overlaps);
Datum
outage_window_overlaps(PG_FUNCTION_ARGS)
{
	OutageWindow *a = PG_GETARG_OUTAGE_WINDOW_P(0);
	OutageWindow *b = PG_GETARG_OUTAGE_WINDOW_P(1);

	PG_RETURN_BOOL(a->lower < b->upper && b->lower < a->upper);
}

PG_FUNCTION_INFO_V1(outage_window_overlaps_tstzrange);
Datum
outage_window_overlaps_tstzrange(PG_FUNCTION_ARGS)
{
	OutageWindow *w = PG_GETARG_OUTAGE_WINDOW_P(0);
	RangeType  *r = PG_GETARG_RANGE_P(1);
	TimestampTz lo;
	TimestampTz hi;

	if (!ow_tstzrange_bounds(fcinfo, PointerGetDatum(r), &lo, &hi))
		PG_RETURN_BOOL(false);
	PG_RETURN_BOOL(w->lower < hi && lo < w->upper);
}

PG_FUNCTION_INFO_V1(outage_window_tstzrange_overlaps);
Datum
outage_window_tstzrange_overlaps(PG_FUNCTION_ARGS)
{
	RangeType  *r = PG_GETARG_RANGE_P(0);
	OutageWindow *w = PG_GETARG_OUTAGE_WINDOW_P(1);
	TimestampTz lo;
	TimestampTz hi;

	if (!ow_tstzrange_bounds(fcinfo, PointerGetDatum(r), &lo, &hi))
		PG_RETURN_BOOL(false);
	PG_RETURN_BOOL(w->lower < hi && lo < w->upper);
}

PG_FUNCTION_INFO_V1(outage_window_left);
Datum
outage_window_left(PG_FUNCTION_ARGS)
{
	OutageWindow *a = PG_GETARG_OUTAGE_WINDOW_P(0);
	OutageWindow *b = PG_GETARG_OUTAGE_WINDOW_P(1);

	PG_RETURN_BOOL(a->upper <= b->lower);
}

PG_FUNCTION_INFO_V1(outage_window_right);
Datum
outage_window_right(PG_FUNCTION_ARGS)
{
	OutageWindow *a = PG_GETARG_OUTAGE_WINDOW_P(0);
	OutageWindow *b = PG_GETARG_OUTAGE_WINDOW_P(1);

	PG_RETURN_BOOL(b->upper <= a->lower);
}

/*****************************************************************************
 * Total order and hashing
 *****************************************************************************/

static int
ow_cmp_internal(const OutageWindow *a, const OutageWindow *b)
{
	if (a->lower != b->lower)
		return a->lower < b->lower ? -1 : 1;
	if (a->upper != b->upper)
		return a->upper < b->upper ? -1 : 1;
	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	return 0;
}

PG_FUNCTION_INFO_V1(outage_window_cmp);
Datum
outage_window_cmp(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(ow_cmp_internal(PG_GETARG_OUTAGE_WINDOW_P(0),
									PG_GETARG_OUTAGE_WINDOW_P(1)));
}

#define OW_CMP_FUNC(name, op) \
PG_FUNCTION_INFO_V1(name); \
Datum \
name(PG_FUNCTION_ARGS) \
{ \
	PG_RETURN_BOOL(ow_cmp_internal(PG_GETARG_OUTAGE_WINDOW_P(0), \
								   PG_GETARG_OUTAGE_WINDOW_P(1)) op 0); \
}

OW_CMP_FUNC(outage_window_eq, ==)
OW_CMP_FUNC(outage_window_ne, !=)
OW_CMP_FUNC(outage_window_lt, <)
OW_CMP_FUNC(outage_window_le, <=)
OW_CMP_FUNC(outage_window_gt, >)
OW_CMP_FUNC(outage_window_ge, >=)

static int
ow_fastcmp(Datum x, Datum y, SortSupport ssup)
{
	(void) ssup;
	return ow_cmp_internal(DatumGetOutageWindowP(x), DatumGetOutageWindowP(y));
}

/* Sorting (btree builds, ORDER BY) skips the fmgr call per comparison. */
PG_FUNCTION_INFO_V1(outage_window_sortsupport);
Datum
outage_window_sortsupport(PG_FUNCTION_ARGS)
{
	SortSupport ssup = (SortSupport) PG_GETARG_POINTER(0);

	ssup->comparator = ow_fastcmp;
	PG_RETURN_VOID();
}

/*
 * The fields are packed into a buffer one by one, so the hash never depends
 * on the struct's padding or on the host's struct layout, only on values.
 */
static int
ow_hash_buffer(const OutageWindow *w, unsigned char *buf)
{
	int64		lower = w->lower;
	int64		upper = w->upper;
	int32		kind = w->kind;

	memcpy(buf, &lower, sizeof(lower));
	memcpy(buf + 8, &upper, sizeof(upper));
	memcpy(buf + 16, &kind, sizeof(kind));
	return 20;
}

PG_FUNCTION_INFO_V1(outage_window_hash);
Datum
outage_window_hash(PG_FUNCTION_ARGS)
{
	unsigned char buf[20];
	int			n = ow_hash_buffer(PG_GETARG_OUTAGE_WINDOW_P(0), buf);

	return hash_any(buf, n);
}

PG_FUNCTION_INFO_V1(outage_window_hash_extended);
Datum
outage_window_hash_extended(PG_FUNCTION_ARGS)
{
	unsigned char buf[20];
	int			n = ow_hash_buffer(PG_GETARG_OUTAGE_WINDOW_P(0), buf);

	return hash_any_extended(buf, n, PG_GETARG_INT64(1));
}
