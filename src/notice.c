/*-------------------------------------------------------------------------
 *
 * notice.c
 *	  SQL layer of outage_notice_windows(): the windows of a whole notice,
 *	  as rows to review before they are inserted.
 *
 * The reading is notice_parse.c's, in UTF-8 with no server calls; this file
 * moves the text across the server encoding, gives the parser palloc and a
 * CHECK_FOR_INTERRUPTS once a line, turns Japan wall-clock times into
 * instants (japan_time.c) and the parser's statuses into errors.  It
 * inserts nothing: the caller does, after looking at the rows.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "fmgr.h"
#include "funcapi.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/datetime.h"
#include "utils/tuplestore.h"

#include "japan_time.h"
#include "notice_parse.h"
#include "outage_window.h"
#include "pg_compat.h"

/* How much of a notice line an error message quotes. */
#define QUOTE_MAX_BYTES 120

#define N_COLUMNS 9

static void *
notice_alloc(size_t size, void *ctx)
{
	(void) ctx;
	return palloc_extended(size, MCXT_ALLOC_HUGE);
}

static void
notice_release(void *ptr, void *ctx)
{
	(void) ctx;
	pfree(ptr);
}

static void
notice_each_line(void *ctx)
{
	(void) ctx;
	CHECK_FOR_INTERRUPTS();
}

/* UTF-8 text of the notice as server-encoded text. */
static text *
server_text(const char *utf8, size_t len)
{
	char	   *s = pg_any_to_server(utf8, (int) len, PG_UTF8);

	return cstring_to_text_with_len(s, s == utf8 ? (int) len : (int) strlen(s));
}

/*
 * A window as written, on one line: the line breaks of a window a PDF
 * broke in two, and the blanks around them, become one space.
 */
static text *
note_text(const char *s, size_t from, size_t to)
{
	char	   *buf = palloc(to - from + 1);
	size_t		n = 0;

	for (size_t i = from; i < to; i++)
	{
		if (s[i] == '\n' || s[i] == '\r')
		{
			while (n > 0 && (buf[n - 1] == ' ' || buf[n - 1] == '\t'))
				n--;
			while (i + 1 < to && (s[i + 1] == '\n' || s[i + 1] == '\r' ||
								  s[i + 1] == ' ' || s[i + 1] == '\t'))
				i++;
			buf[n++] = ' ';
			continue;
		}
		buf[n++] = s[i];
	}
	return server_text(buf, n);
}

/* The line of the notice around byte pos, for a message. */
static char *
quoted_line(const char *s, size_t len, size_t pos)
{
	size_t		a = pos;
	size_t		b = pos;
	char	   *line;
	int			n;
	int			cut;

	while (a > 0 && s[a - 1] != '\n' && s[a - 1] != '\r')
		a--;
	while (b < len && s[b] != '\n' && s[b] != '\r')
		b++;
	line = pg_any_to_server(s + a, (int) (b - a), PG_UTF8);
	n = line == s + a ? (int) (b - a) : (int) strlen(line);
	if (n <= QUOTE_MAX_BYTES)
		return pnstrdup(line, n);
	cut = pg_mbcliplen(line, n, QUOTE_MAX_BYTES);
	return psprintf("%s...", pnstrdup(line, cut));
}

static char *
iso_date(const WkDate *d)
{
	return psprintf("%04d-%02d-%02d", d->year, d->month, d->day);
}

/* 土曜日, in the server encoding. */
static char *
weekday_text(int wd)
{
	char	   *w = psprintf("%s曜日", wk_weekday_name(wd));

	return text_to_cstring(server_text(w, strlen(w)));
}

static void
report_error(const NpResult *res, const char *s, size_t len,
			 const NpOptions *opt)
{
	char	   *line = quoted_line(s, len, res->pos);

	switch (res->status)
	{
		case NP_OK:
			return;
		case NP_TOO_LONG:
			ereport(ERROR,
					(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
					 errmsg("notice is too long"),
					 errdetail("The notice is %zu bytes in UTF-8; at most %d are read.",
							   len, NP_MAX_INPUT),
					 errhint("Paste only the part of the notice that gives the windows.")));
			break;
		case NP_NO_YEAR:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_DATETIME_FORMAT),
					 errmsg("notice line %d gives a window without its year: \"%s\"",
							res->line, line),
					 errdetail("No year is written on the window or before it, and no publication date was given."),
					 errhint("Pass the date the notice was published as the second argument: a date without its year is read as the one nearest to it.")));
			break;
		case NP_WEEKDAY_MISMATCH:
			{
				int			actual = wk_weekday(res->date.year, res->date.month,
												res->date.day);
				char	   *is = weekday_text(actual);
				char	   *written = weekday_text(res->weekday_written);

				if (!res->year_inferred)
					ereport(ERROR,
							(errcode(ERRCODE_INVALID_DATETIME_FORMAT),
							 errmsg("weekday does not match the date in notice line %d: \"%s\"",
									res->line, line),
							 errdetail("%s is a %s, not a %s.",
									   iso_date(&res->date), is, written),
							 errhint("Correct the date or the weekday in the text; a weekday is checked, never ignored.")));
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_DATETIME_FORMAT),
						 errmsg("weekday does not match the date in notice line %d: \"%s\"",
								res->line, line),
						 errdetail("The year is not written and was taken as %d (%s); %s is a %s, not a %s.",
								   res->date.year,
								   opt->has_published ?
								   "the nearest to the publication date" :
								   "the nearest to the last date written with its year",
								   iso_date(&res->date), is, written),
						 errhint("Check the publication date given, or write the year in the text.")));
			}
			break;
		case NP_BAD_DATE:
			ereport(ERROR,
					(errcode(ERRCODE_DATETIME_FIELD_OVERFLOW),
					 errmsg("date out of range in notice line %d: \"%s\"",
							res->line, line),
					 errdetail("A window starts or ends on a day that does not exist, or outside its era."),
					 errhint("Correct the date in the text; a date is never rolled over.")));
			break;
		case NP_END_NOT_AFTER_START:
			ereport(ERROR,
					(errcode(ERRCODE_DATA_EXCEPTION),
					 errmsg("notice window ends before it starts in notice line %d: \"%s\"",
							res->line, line),
					 errdetail("The end's written date is not after the start."),
					 errhint("Correct the end's date; an end written as a bare time before the start is read as the next day.")));
			break;
		case NP_NO_MEMORY:
			ereport(ERROR,
					(errcode(ERRCODE_OUT_OF_MEMORY),
					 errmsg("out of memory while reading a notice")));
			break;
		case NP_ICU_ERROR:
			ereport(ERROR,
					(errcode(ERRCODE_EXTERNAL_ROUTINE_EXCEPTION),
					 errmsg("could not read Japanese-era dates with ICU"),
					 errdetail("ICU reported %s.", wk_icu_error())));
			break;
	}
	elog(ERROR, "unexpected notice parse status %d", (int) res->status);
}

PG_FUNCTION_INFO_V1(outage_notice_windows);
Datum
outage_notice_windows(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	text	   *notice;
	const char *s;
	int			n;
	const char *utf8;
	size_t		len;
	NpOptions	opt = {0};
	NpResult	res;

	InitMaterializedSRF(fcinfo, 0);
	if (PG_ARGISNULL(0))
		return (Datum) 0;

	notice = PG_GETARG_TEXT_PP(0);
	s = VARDATA_ANY(notice);
	n = VARSIZE_ANY_EXHDR(notice);
	if (n > NP_MAX_INPUT)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("notice is too long"),
				 errdetail("The notice is %d bytes; at most %d are read.",
						   n, NP_MAX_INPUT),
				 errhint("Paste only the part of the notice that gives the windows.")));
	if (!PG_ARGISNULL(2))
	{
		text	   *k = PG_GETARG_TEXT_PP(2);

		opt.kind = ow_kind_or_error(VARDATA_ANY(k), VARSIZE_ANY_EXHDR(k), NULL);
	}
	if (!PG_ARGISNULL(1))
	{
		DateADT		d = PG_GETARG_DATEADT(1);

		if (DATE_NOT_FINITE(d))
			ereport(ERROR,
					(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
					 errmsg("publication date must be finite"),
					 errhint("Pass the date the notice was published, or NULL.")));
		j2date(d + POSTGRES_EPOCH_JDATE, &opt.published.year,
			   &opt.published.month, &opt.published.day);
		opt.has_published = true;
	}
	opt.alloc = notice_alloc;
	opt.release = notice_release;
	opt.each_line = notice_each_line;

	utf8 = pg_server_to_any(s, n, PG_UTF8);
	len = utf8 == s ? (size_t) n : strlen(utf8);

	if (np_parse(utf8, len, &opt, &res) != NP_OK)
		report_error(&res, utf8, len, &opt);

	for (size_t i = 0; i < res.n_windows; i++)
	{
		const NpWindow *w = &res.windows[i];
		Datum		values[N_COLUMNS];
		bool		nulls[N_COLUMNS] = {false};
		Datum		words[NP_APPROX_COUNT];
		int			n_words = 0;

		CHECK_FOR_INTERRUPTS();
		if (w->area == NP_AREA_ALL)
			nulls[0] = true;
		else
			values[0] = CStringGetTextDatum(w->area == NP_AREA_EAST ? "east" : "west");
		values[1] = OutageWindowPGetDatum(ow_make(ow_japan_wall_clock_to_timestamptz(&w->start),
												  ow_japan_wall_clock_to_timestamptz(&w->end),
												  w->kind));
		values[2] = PointerGetDatum(note_text(utf8, w->note_start, w->note_end));
		if (w->extends)
			values[3] = TimestampTzGetDatum(ow_japan_wall_clock_to_timestamptz(&w->extend_to));
		else
			nulls[3] = true;
		values[4] = Int32GetDatum(w->line);
		values[5] = BoolGetDatum(w->year_inferred);
		for (int b = 0; b < NP_APPROX_COUNT; b++)
			if (w->approx & (1u << b))
			{
				const char *word = np_approx_word(1u << b);

				words[n_words++] = PointerGetDatum(server_text(word, strlen(word)));
			}
		values[6] = PointerGetDatum(construct_array(words, n_words, TEXTOID,
													-1, false, TYPALIGN_INT));
		if (w->kind_from != NULL)
			values[7] = PointerGetDatum(server_text(w->kind_from, strlen(w->kind_from)));
		else
			nulls[7] = true;
		if (w->area_from_end > w->area_from_start)
			values[8] = PointerGetDatum(note_text(utf8, w->area_from_start,
												  w->area_from_end));
		else
			nulls[8] = true;
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	np_free(&res, &opt);
	return (Datum) 0;
}
