/*-------------------------------------------------------------------------
 *
 * wareki_parse.h
 *	  Japanese-era (和暦) dates and notice window text, read and written
 *	  without a server.
 *
 * The era table (names, Latin letters, first days) is taken from ICU's
 * Japanese calendar once per process, so a new era arrives with ICU's data
 * rather than with an edit here.  Parsing and formatting then run in plain
 * C against that table.  Plain C plus ICU, no PostgreSQL headers: nothing
 * here allocates per call or longjmps, and every failure is a status, so a
 * benchmark or fuzzer can drive it directly.
 *
 * All dates are proleptic Gregorian calendar dates; times are Japan
 * wall-clock times.  Converting them to absolute instants is the caller's
 * business (src/japan_time.c in the server).
 *
 *-------------------------------------------------------------------------
 */
#ifndef OW_WAREKI_PARSE_H
#define OW_WAREKI_PARSE_H

#include <stdbool.h>
#include <stddef.h>

/* No date or notice line comes near this; longer input is refused. */
#define WK_MAX_INPUT 1024

/* Enough for the UTF-8 of the longest accepted input after NFKC. */
#define WK_NORM_CAP (4 * WK_MAX_INPUT)

/* Eras from 明治 on that ICU may know (5 today, room for a few more). */
#define WK_MAX_ERAS 16

typedef enum WkStatus
{
	WK_OK = 0,
	WK_EMPTY,					/* nothing but white space */
	WK_TOO_LONG,				/* over WK_MAX_INPUT bytes, or NFKC blew up */
	WK_BAD_ENCODING,			/* not valid UTF-8 */
	WK_UNKNOWN_FORMAT,			/* not one of the accepted forms */
	WK_UNKNOWN_ERA,				/* era name, letter or digit ICU does not know */
	WK_BAD_DATE,				/* no such day: month 13, 2月30日, year 0 */
	WK_BEFORE_ERA,				/* the day is before its era began */
	WK_AFTER_ERA,				/* the day is after its era ended */
	WK_WEEKDAY_MISMATCH,		/* a written weekday is not the date's */
	WK_BAD_TIME,				/* 25:00, 22:61 */
	WK_END_NOT_AFTER_START,		/* a notice window that ends before it starts */
	WK_OUT_OF_RANGE,			/* formatting a day before 明治 or past 9999 */
	WK_ICU_ERROR				/* ICU failed; see wk_icu_error() */
} WkStatus;

typedef enum WkStyle
{
	WK_STYLE_LONG = 0,			/* 令和7年2月1日, 令和元年5月1日 */
	WK_STYLE_SHORT,				/* R7.2.1 */
	WK_STYLE_CLAIM				/* 5070201: era digit, YY, MM, DD */
} WkStyle;

/* One era as ICU's Japanese calendar defines it. */
typedef struct WkEra
{
	char		name[32];		/* 令和 (UTF-8), ICU's GGGG */
	char		letter;			/* 'R', ICU's GGGGG */
	int			start_year;		/* first day, Gregorian */
	int			start_month;
	int			start_day;
	int			start_days;		/* the same as days since 1970-01-01 */
} WkEra;

typedef struct WkDate
{
	int			year;			/* Gregorian */
	int			month;
	int			day;
} WkDate;

typedef struct WkDateTime
{
	WkDate		date;
	int			hour;			/* 0..23 */
	int			minute;
	int			second;
} WkDateTime;

/* Which part of a notice window a status is about. */
typedef enum WkPart
{
	WK_PART_NONE = 0,
	WK_PART_START,
	WK_PART_END
} WkPart;

/*
 * What a parse found.  On failure the fields that explain it are filled:
 * era (an index for wk_era()) and date for the era checks, weekday_written
 * and the date for a weekday mismatch, error_pos into norm for the format
 * errors.  norm is the input after NFKC, the text error_pos refers to.
 */
typedef struct WkResult
{
	WkStatus	status;
	WkPart		part;
	WkDate		date;			/* from_wareki: the date */
	WkDateTime	start;			/* notice: the window, Japan wall-clock time */
	WkDateTime	end;
	int			era;			/* era index the input named, or -1 */
	int			era_year;
	int			weekday_written;	/* 0 = Sunday .. 6, or -1 */
	size_t		error_pos;		/* offset into norm */
	size_t		error_len;		/* bytes of an unknown era's name there */
	size_t		norm_len;
	char		norm[WK_NORM_CAP + 1];
} WkResult;

/*
 * Build the era table from ICU if that has not been done yet.  Every other
 * function calls it; it is exported so that a caller can pay the one-off
 * cost (a few ms of ICU data loading) where it chooses.
 */
extern WkStatus wk_init(void);

/* The eras from 明治 on, oldest first; NULL past the last or before init. */
extern int	wk_era_count(void);
extern const WkEra *wk_era(int i);

/*
 * Read a date written the Japanese way: 令和7年2月1日 (元年, full-width,
 * spaces, a weekday in parentheses), R7.2.1, R07/02/01, claim-file GYYMMDD
 * and GYYMM, and Gregorian YYYYMMDD or 2025年2月1日.  s is len bytes of
 * UTF-8, no terminator needed.
 */
extern WkStatus wk_parse_date(const char *s, size_t len, WkResult *r);

/*
 * Read an outage window as notices write it, such as
 * 令和7年2月1日(土)22:00～2月2日(日)0:30(予定).  r->start and r->end are Japan
 * wall-clock times; an end written as 24:00 comes back as 0:00 of the next
 * day.
 */
extern WkStatus wk_parse_notice(const char *s, size_t len, WkResult *r);

/*
 * Write a Gregorian date in an era style into buf (NUL-terminated UTF-8);
 * *outlen gets its length.  cap of 64 bytes is always enough.
 */
extern WkStatus wk_format(int year, int month, int day, WkStyle style,
						  char *buf, size_t cap, size_t *outlen);

/* Parse a style name (long, short, claim; any case); false if unknown. */
extern bool wk_style_from_name(const char *name, size_t len, WkStyle *style);

/* Days since 1970-01-01 of a Gregorian date, and back; and its weekday. */
extern int	wk_days_from_civil(int year, int month, int day);
extern void wk_civil_from_days(int days, int *year, int *month, int *day);
extern int	wk_weekday(int year, int month, int day);	/* 0 = Sunday */

/* A weekday's kanji (日 .. 土), UTF-8. */
extern const char *wk_weekday_name(int wd);

/* Name of the ICU error behind the last WK_ICU_ERROR. */
extern const char *wk_icu_error(void);

/*
 * Building blocks for readers of longer text (src/notice_parse.c), so that
 * a date or a time is read by the same grammar everywhere.  The text is
 * NFKC, as the parsers above see it.  A reader that finds nothing of its
 * kind leaves the cursor where it was.
 */
typedef struct WkCursor
{
	const char *s;
	size_t		len;
	size_t		p;
} WkCursor;

/* Consume lit if the text continues with it. */
extern bool wk_eat(WkCursor *c, const char *lit);

/* At most maxdigits ASCII digits; their count, 0 if none or too many. */
extern int	wk_read_number(WkCursor *c, int maxdigits, int *value);

/*
 * A date with its year: 令和7年2月1日, R7.2.1, 2025年2月1日, 2025/2/1.  On
 * WK_OK, r->era is the era it named (-1 for a Gregorian year).
 */
extern WkStatus wk_read_date(WkCursor *c, WkResult *r, WkDate *out);

/* A weekday in parentheses, (土), (土曜日), (月・祝): 0 = Sunday, or -1. */
extern int	wk_read_weekday(WkCursor *c);

/* A time: 22:00, 22:00:00, 22時, 7時30分, 7時半; 24:00 only if allow_24. */
extern WkStatus wk_read_time(WkCursor *c, WkResult *r, bool allow_24,
							 WkDateTime *t, bool *is_24);

/* Whether a Gregorian date exists (years 1..9999). */
extern bool wk_valid_date(int year, int month, int day);

/* The most bytes wk_nfkc_char() writes. */
#define WK_NFKC_CHAR_MAX 16

/*
 * NFKC of the one UTF-8 code point at s into out: the bytes of s it
 * consumed (1 for a byte that is not UTF-8, which writes nothing), and in
 * *outlen the bytes written.  A code point whose NFKC is longer than
 * WK_NFKC_CHAR_MAX is written as it is.
 */
extern size_t wk_nfkc_char(const char *s, size_t len, char *out, size_t *outlen);

#endif							/* OW_WAREKI_PARSE_H */
