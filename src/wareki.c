/*-------------------------------------------------------------------------
 *
 * wareki.c
 *	  SQL layer of the Japanese-era (和暦) functions: wareki(),
 *	  from_wareki() and outage_window_from_notice().
 *
 * All reading and writing is done by wareki_parse.c in UTF-8 with no
 * server calls; this file only moves text across the server encoding,
 * turns Gregorian dates into PostgreSQL dates and Japan wall-clock times
 * into instants (japan_time.c, so the session TimeZone never matters), and
 * turns the parser's statuses into errors.  The parser holds no per-call
 * ICU object, so an ereport() here can never leak one.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "catalog/namespace.h"
#include "fmgr.h"
#include "lib/stringinfo.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/datetime.h"
#include "utils/timestamp.h"

#include "input_quote.h"
#include "japan_time.h"
#include "outage_window.h"
#include "pg_compat.h"
#include "wareki_parse.h"

/* How many characters of the unread rest a message shows. */
#define ERROR_REST_MAX_CHARS 16

/*
 * The parser's result, 4 kB with the normalised text: kept static rather
 * than palloc'd per row.  A backend runs one call at a time and nothing in
 * a call re-enters the parser.
 */
static WkResult parse_result;

/*
 * Whether the server encoding can hold kanji; elsewhere (LATIN1, ...)
 * messages name eras by their Latin letter instead of failing to convert.
 */
static bool
server_speaks_japanese(void)
{
	int			enc = GetDatabaseEncoding();

	return enc == PG_UTF8 || enc == PG_EUC_JP || enc == PG_EUC_JIS_2004;
}

/*
 * A UTF-8 string for a message in the server encoding, or the fallback if
 * it cannot be converted.  The conversion never raises: a character EUC_JP
 * lacks must not turn a helpful error into a conversion error.
 */
static char *
msg_text(const char *utf8, const char *fallback)
{
	int			enc = GetDatabaseEncoding();
	Oid			proc;
	int			len = strlen(utf8);
	unsigned char *dest;

	if (!server_speaks_japanese())
		return pstrdup(fallback);
	if (enc == PG_UTF8)
		return pstrdup(utf8);
	proc = FindDefaultConversionProc(PG_UTF8, enc);
	if (!OidIsValid(proc))
		return pstrdup(fallback);
	dest = palloc((Size) len * MAX_CONVERSION_GROWTH + 1);
	if (pg_do_encoding_conversion_buf(proc, PG_UTF8, enc,
									  (unsigned char *) utf8, len, dest,
									  len * MAX_CONVERSION_GROWTH + 1,
									  true) < len)
		return pstrdup(fallback);
	return (char *) dest;
}

/* An era's name for a message: 令和, or "era R" where kanji cannot go. */
static char *
era_label(int i)
{
	const WkEra *era = wk_era(i);

	if (era == NULL)
		return pstrdup("?");
	return msg_text(era->name, psprintf("era %c", era->letter ? era->letter : '?'));
}

/* A Gregorian date in ISO form. */
static char *
iso_date(const WkDate *d)
{
	return psprintf("%04d-%02d-%02d", d->year, d->month, d->day);
}

/* A date in the long era style for a message (ISO where kanji cannot go). */
static char *
wareki_label(const WkDate *d)
{
	char		buf[64];
	size_t		len;

	if (wk_format(d->year, d->month, d->day, WK_STYLE_LONG, buf, sizeof(buf),
				  &len) != WK_OK)
		return iso_date(d);
	return msg_text(buf, iso_date(d));
}

/* "1 明治, 2 大正, ..., 5 令和": the era digits as ICU's table has them. */
static char *
era_digit_list(void)
{
	StringInfoData buf;

	initStringInfo(&buf);
	for (int i = 0; i < wk_era_count() && i < 9; i++)
		appendStringInfo(&buf, "%s%d %s", i > 0 ? ", " : "", i + 1, era_label(i));
	return buf.data;
}

/* Eras and letters: "明治 (M), 大正 (T), ..." */
static char *
era_name_list(void)
{
	StringInfoData buf;

	initStringInfo(&buf);
	for (int i = 0; i < wk_era_count(); i++)
	{
		const WkEra *era = wk_era(i);

		appendStringInfo(&buf, "%s%s (%c)", i > 0 ? ", " : "", era_label(i),
						 era->letter ? era->letter : '-');
	}
	return buf.data;
}

static char *
date_forms_hint(void)
{
	return psprintf("%s (%s).",
					msg_text("Accepted forms: 令和7年2月1日 (元年 for the first year; full-width digits, spaces and a weekday such as (土) are allowed), R7.2.1, R07/02/01, claim-file GYYMMDD or GYYMM such as 5070201, and Gregorian YYYYMMDD or 2025年2月1日",
							 "Accepted forms: the long era form (era name, year, month, day in kanji), R7.2.1, R07/02/01, claim-file GYYMMDD or GYYMM such as 5070201, and Gregorian YYYYMMDD"),
					psprintf("era digits %s", era_digit_list()));
}

static char *
notice_forms_hint(void)
{
	return msg_text("Write the window as a notice does: 令和7年2月1日(土)22:00～2月2日(日)0:30(予定).  The end may be a bare time on the start's day, 翌0:30 for the next day, or carry its own date; ～ (or a wave dash) and - separate start and end.",
					"Write the window as a notice does: the start's era date and time, a tilde or hyphen, and the end time, optionally with its own date.");
}

/*
 * The unread rest of the normalised input from pos, for a detail.  The
 * normalised text is UTF-8 derived from the input, so it converts back
 * into a Japanese server encoding; elsewhere only a byte offset is given.
 */
static char *
rest_of_input(const WkResult *r)
{
	size_t		pos = Min(r->error_pos, r->norm_len);
	const char *s = r->norm + pos;
	size_t		n = r->norm_len - pos;
	size_t		cut = 0;
	int			chars = 0;

	if (n == 0)
		return pstrdup("The text ends too early.");
	while (cut < n && chars < ERROR_REST_MAX_CHARS)
	{
		int			l = pg_utf_mblen((const unsigned char *) s + cut);

		if (cut + l > n)
			break;
		cut += l;
		chars++;
	}
	if (!server_speaks_japanese())
		return psprintf("Could not read the text from byte %zu of its NFKC form on.", pos);
	return psprintf("Could not read the text from \"%s%s\" on.",
					msg_text(pnstrdup(s, cut), "?"), cut < n ? "..." : "");
}

/*
 * Raise the error for a failed parse.  what names the input in messages
 * ("Japanese-era date", "notice window").
 */
static void
report_parse_error(const WkResult *r, const char *str, int len, bool notice)
{
	char	   *value = ow_quote_input(str, len);
	const char *what = notice ? "notice window" : "Japanese-era date";
	char	   *hint = notice ? notice_forms_hint() : date_forms_hint();
	const char *part = r->part == WK_PART_END ? "end" : "start";

	switch (r->status)
	{
		case WK_OK:
			break;
		case WK_EMPTY:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_DATETIME_FORMAT),
					 errmsg("invalid %s: \"%s\"", what, value),
					 errdetail("The input is empty."),
					 errhint("%s", hint)));
			break;
		case WK_TOO_LONG:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_DATETIME_FORMAT),
					 errmsg("invalid %s: \"%s\"", what, value),
					 errdetail("The input is longer than the %d bytes accepted.",
							   WK_MAX_INPUT),
					 errhint("%s", hint)));
			break;
		case WK_BAD_ENCODING:
			ereport(ERROR,
					(errcode(ERRCODE_CHARACTER_NOT_IN_REPERTOIRE),
					 errmsg("invalid %s: \"%s\"", what, value),
					 errdetail("The input is not valid UTF-8 after conversion from the server encoding.")));
			break;
		case WK_UNKNOWN_FORMAT:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_DATETIME_FORMAT),
					 errmsg("invalid %s: \"%s\"", what, value),
					 errdetail("%s", rest_of_input(r)),
					 errhint("%s", hint)));
			break;
		case WK_UNKNOWN_ERA:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_DATETIME_FORMAT),
					 errmsg("invalid %s: \"%s\"", what, value),
					 errdetail("\"%s\" is not an era of ICU's Japanese calendar, which knows %s, era digits %s.",
							   server_speaks_japanese() ?
							   msg_text(pnstrdup(r->norm + r->error_pos,
												 Min(r->error_len, r->norm_len - r->error_pos)), "?") :
							   "the era",
							   era_name_list(), era_digit_list()),
					 errhint("%s", hint)));
			break;
		case WK_BAD_DATE:
			{
				char	   *detail;

				if (r->era >= 0 && r->era_year < 1)
					detail = msg_text("Era years start at 1 (元年 is year 1).",
									  "Era years start at 1.");
				else if (r->date.month < 1 || r->date.month > 12)
					detail = psprintf("There is no month %d.", r->date.month);
				else if (r->date.year < 1 || r->date.year > 9999)
					detail = psprintf("Year %d is outside the years 1 to 9999 that are accepted.",
									  r->date.year);
				else
					detail = psprintf("Month %d of %d has no day %d.",
									  r->date.month, r->date.year, r->date.day);
				ereport(ERROR,
						(errcode(ERRCODE_DATETIME_FIELD_OVERFLOW),
						 errmsg("date out of range in %s: \"%s\"", what, value),
						 errdetail("%s", detail),
						 errhint("Check the month and the day; a date is never rolled over into the next month.")));
			}
			break;
		case WK_BEFORE_ERA:
			{
				const WkEra *era = wk_era(r->era);
				WkDate		first = {era->start_year, era->start_month, era->start_day};

				ereport(ERROR,
						(errcode(ERRCODE_DATETIME_FIELD_OVERFLOW),
						 errmsg("date out of range in %s: \"%s\"", what, value),
						 errdetail("%s began on %s; %s is %s.",
								   era_label(r->era), iso_date(&first),
								   iso_date(&r->date), wareki_label(&r->date)),
						 errhint("Write the date in the era in force on that day.")));
			}
			break;
		case WK_AFTER_ERA:
			{
				const WkEra *next = wk_era(r->era + 1);
				int			last_days = next->start_days - 1;
				WkDate		last;

				wk_civil_from_days(last_days, &last.year, &last.month, &last.day);
				ereport(ERROR,
						(errcode(ERRCODE_DATETIME_FIELD_OVERFLOW),
						 errmsg("date out of range in %s: \"%s\"", what, value),
						 errdetail("%s ended on %s; %s is %s.",
								   era_label(r->era), iso_date(&last),
								   iso_date(&r->date), wareki_label(&r->date)),
						 errhint("Write the date in the era in force on that day.")));
			}
			break;
		case WK_WEEKDAY_MISMATCH:
			{
				int			actual = wk_weekday(r->date.year, r->date.month, r->date.day);

				ereport(ERROR,
						(errcode(ERRCODE_INVALID_DATETIME_FORMAT),
						 errmsg("weekday does not match the date in %s: \"%s\"",
								what, value),
						 errdetail("%s", server_speaks_japanese() ?
								   psprintf("%s is a %s, not a %s.",
											iso_date(&r->date),
											msg_text(psprintf("%s曜日", wk_weekday_name(actual)), "?"),
											msg_text(psprintf("%s曜日", wk_weekday_name(r->weekday_written)), "?")) :
								   psprintf("%s falls on another weekday.", iso_date(&r->date))),
						 errhint("Correct the date or the weekday; the weekday is checked, not ignored.")));
			}
			break;
		case WK_BAD_TIME:
			ereport(ERROR,
					(errcode(ERRCODE_DATETIME_FIELD_OVERFLOW),
					 errmsg("time out of range in %s: \"%s\"", what, value),
					 errdetail("The %s time is not a time of day.", part),
					 errhint("Hours run from 0 to 23 and minutes from 0 to 59; 24:00 is accepted only as the end of a window.")));
			break;
		case WK_END_NOT_AFTER_START:
			ereport(ERROR,
					(errcode(ERRCODE_DATA_EXCEPTION),
					 errmsg("notice window ends before it starts: \"%s\"", value),
					 errdetail("The window would run from %s %02d:%02d:%02d to %s %02d:%02d:%02d Japan time.",
							   iso_date(&r->start.date), r->start.hour,
							   r->start.minute, r->start.second,
							   iso_date(&r->end.date), r->end.hour,
							   r->end.minute, r->end.second),
					 errhint("%s", msg_text("A bare end time is on the start's day: write 翌 before it (翌0:30) or the end's date (2月2日 0:30) when the window runs past midnight, and the end's full date when it runs into another year.",
											"A bare end time is on the start's day: write the end's date when the window runs past midnight or into another year."))));
			break;
		case WK_OUT_OF_RANGE:
			/* formatting only; no parse status */
			break;
		case WK_ICU_ERROR:
			ereport(ERROR,
					(errcode(ERRCODE_EXTERNAL_ROUTINE_EXCEPTION),
					 errmsg("could not read Japanese-era dates with ICU"),
					 errdetail("ICU reported %s.", wk_icu_error())));
			break;
	}
	elog(ERROR, "unexpected Japanese-era parse status %d", (int) r->status);
}

/* The text argument as UTF-8 (palloc'd if converted). */
static const char *
text_to_utf8(text *t, int *len, const char **orig, int *origlen)
{
	const char *s = VARDATA_ANY(t);
	int			n = VARSIZE_ANY_EXHDR(t);
	const char *u = s;

	*orig = s;
	*origlen = n;
	*len = n;
	if (GetDatabaseEncoding() != PG_UTF8 && n <= WK_MAX_INPUT)
	{
		u = pg_server_to_any(s, n, PG_UTF8);
		if (u != s)
			*len = strlen(u);
	}
	return u;
}

/* ------------------------------------------------------------------------
 * wareki(date | timestamptz, style)
 * ------------------------------------------------------------------------
 */

static text *
format_wareki(int year, int month, int day, text *styletext)
{
	const char *stylename = VARDATA_ANY(styletext);
	int			stylelen = VARSIZE_ANY_EXHDR(styletext);
	WkStyle		style;
	char		buf[64];
	size_t		len;
	WkStatus	status;
	char	   *out;

	if (!wk_style_from_name(stylename, stylelen, &style))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid wareki style: \"%s\"",
						ow_quote_input(stylename, stylelen)),
				 errhint("%s", msg_text("The style is long (令和7年2月1日), short (R7.2.1) or claim (5070201).",
										"The style is long (era name in kanji), short (R7.2.1) or claim (5070201)."))));

	status = wk_format(year, month, day, style, buf, sizeof(buf), &len);
	if (status == WK_ICU_ERROR)
		ereport(ERROR,
				(errcode(ERRCODE_EXTERNAL_ROUTINE_EXCEPTION),
				 errmsg("could not read Japanese-era dates with ICU"),
				 errdetail("ICU reported %s.", wk_icu_error())));
	if (status != WK_OK)
	{
		const WkEra *first = wk_era(0);

		if (style == WK_STYLE_CLAIM && status == WK_OUT_OF_RANGE &&
			year >= first->start_year && year <= 9999)
			ereport(ERROR,
					(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
					 errmsg("date %04d-%02d-%02d cannot be written in the claim style",
							year, month, day),
					 errdetail("The claim style has one era digit and two year digits."),
					 errhint("Use the long or short style.")));
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("date %04d-%02d-%02d is out of range for Japanese eras",
						year, month, day),
				 errdetail("ICU's Japanese calendar is used from %s, which began on %04d-%02d-%02d.",
						   era_label(0), first->start_year,
						   first->start_month, first->start_day),
				 errhint("Format earlier dates as Gregorian dates.")));
	}

	out = pg_any_to_server(buf, len, PG_UTF8);
	if (out != buf)
		len = strlen(out);
	return cstring_to_text_with_len(out, len);
}

static void
reject_infinite(void)
{
	ereport(ERROR,
			(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
			 errmsg("infinite dates cannot be written in a Japanese era")));
}

PG_FUNCTION_INFO_V1(wareki_date);
Datum
wareki_date(PG_FUNCTION_ARGS)
{
	DateADT		d = PG_GETARG_DATEADT(0);
	int			year,
				month,
				day;

	if (DATE_NOT_FINITE(d))
		reject_infinite();
	j2date(d + POSTGRES_EPOCH_JDATE, &year, &month, &day);
	PG_RETURN_TEXT_P(format_wareki(year, month, day, PG_GETARG_TEXT_PP(1)));
}

/*
 * A timestamp without time zone is a Japan wall-clock time, as HIS columns
 * hold them; its own date is the Japan date.  Without this overload the
 * implicit cast to timestamptz would read it in the session TimeZone.
 */
/* The calendar day of a finite local time, in the Japanese era calendar. */
static text *
format_local_day(Timestamp local, text *style)
{
	/* floor division: local times before 2000-01-01 are negative */
	int64		days = local / USECS_PER_DAY - ((local % USECS_PER_DAY) < 0 ? 1 : 0);
	int			year,
				month,
				day;

	j2date((int) (days + POSTGRES_EPOCH_JDATE), &year, &month, &day);
	return format_wareki(year, month, day, style);
}

PG_FUNCTION_INFO_V1(wareki_timestamp);
Datum
wareki_timestamp(PG_FUNCTION_ARGS)
{
	Timestamp	local = PG_GETARG_TIMESTAMP(0);

	if (TIMESTAMP_NOT_FINITE(local))
		reject_infinite();
	PG_RETURN_TEXT_P(format_local_day(local, PG_GETARG_TEXT_PP(1)));
}

PG_FUNCTION_INFO_V1(wareki_timestamptz);
Datum
wareki_timestamptz(PG_FUNCTION_ARGS)
{
	TimestampTz t = PG_GETARG_TIMESTAMPTZ(0);

	if (TIMESTAMP_NOT_FINITE(t))
		reject_infinite();
	/* the Japan calendar day, whatever the session TimeZone says */
	PG_RETURN_TEXT_P(format_local_day(ow_timestamptz_to_japan_local(t),
									  PG_GETARG_TEXT_PP(1)));
}

/* ------------------------------------------------------------------------
 * from_wareki(text)
 * ------------------------------------------------------------------------
 */

PG_FUNCTION_INFO_V1(from_wareki);
Datum
from_wareki(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	const char *orig;
	int			origlen;
	int			len;
	const char *utf8 = text_to_utf8(t, &len, &orig, &origlen);
	WkResult   *r = &parse_result;

	if (wk_parse_date(utf8, len, r) != WK_OK)
		report_parse_error(r, orig, origlen, false);
	PG_RETURN_DATEADT(date2j(r->date.year, r->date.month, r->date.day) -
					  POSTGRES_EPOCH_JDATE);
}

/* ------------------------------------------------------------------------
 * outage_window_from_notice(text, kind)
 * ------------------------------------------------------------------------
 */

PG_FUNCTION_INFO_V1(outage_window_from_notice);
Datum
outage_window_from_notice(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	text	   *kind = PG_GETARG_TEXT_PP(1);
	const char *orig;
	int			origlen;
	int			len;
	const char *utf8;
	WkResult   *r;

	int32		k;

	/* a bad kind is reported as outage_window() reports it, before parsing */
	k = ow_kind_or_error(VARDATA_ANY(kind), VARSIZE_ANY_EXHDR(kind), NULL);

	utf8 = text_to_utf8(t, &len, &orig, &origlen);
	r = &parse_result;
	if (wk_parse_notice(utf8, len, r) != WK_OK)
		report_parse_error(r, orig, origlen, true);
	PG_RETURN_OUTAGE_WINDOW_P(ow_make(ow_japan_wall_clock_to_timestamptz(&r->start),
									  ow_japan_wall_clock_to_timestamptz(&r->end), k));
}

/*
 * from_wareki_or_null(text): from_wareki() for audits over dirty data,
 * where one mistyped era date must not stop a statement of 200,000 rows:
 * NULL for any text from_wareki() refuses.  ICU failing is no fault of the
 * text and still raises.
 */
PG_FUNCTION_INFO_V1(from_wareki_or_null);
Datum
from_wareki_or_null(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	const char *orig;
	int			origlen;
	int			len;
	const char *utf8;
	WkResult   *r = &parse_result;

	/* a long value is refused before it is converted */
	if (VARSIZE_ANY_EXHDR(t) > WK_MAX_INPUT)
		PG_RETURN_NULL();
	utf8 = text_to_utf8(t, &len, &orig, &origlen);
	switch (wk_parse_date(utf8, len, r))
	{
		case WK_OK:
			PG_RETURN_DATEADT(date2j(r->date.year, r->date.month, r->date.day) -
							  POSTGRES_EPOCH_JDATE);
		case WK_ICU_ERROR:
			report_parse_error(r, orig, origlen, false);
			break;
		default:
			break;
	}
	PG_RETURN_NULL();
}
