/*-------------------------------------------------------------------------
 *
 * wareki_parse.c
 *	  Japanese-era (和暦) dates and notice window text, read and written
 *	  without a server.
 *
 * ICU's Japanese calendar is the authority on eras, but asking it on every
 * call is slow (udat_parse costs about 26 us, see icu-notes.md) and loose
 * (it rolls invalid days over, ignores era bounds and weekdays, and reads
 * Western years as era years).  So ICU is asked once per process: a binary
 * search over days finds the first day of every era from 明治 on, and a
 * date formatter names each era (GGGG) and gives its Latin letter (GGGGG).
 * Those objects are closed again at once; the table is all that stays.
 * The common numeric forms are then read and written in plain C against
 * the table, which makes the era bounds, the month lengths and the weekday
 * checks explicit instead of relying on ICU's leniency settings.
 *
 * Input is normalised with NFKC first (ICU's singleton, no per-call object):
 * that turns full-width digits, parentheses, colons, ～ and U+3000 into
 * ASCII and the square era signs (㍻, ㋿) into their two kanji, so the
 * grammar below only ever sees one spelling of each mark.
 *
 *-------------------------------------------------------------------------
 */
#include "wareki_parse.h"

#include <string.h>

#include <unicode/ucal.h>
#include <unicode/udat.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>
#include <unicode/utf16.h>

#define MS_PER_DAY 86400000.0
#define SECS_PER_DAY 86400

/* The range the era probe searches and formatting accepts. */
#define PROBE_FIRST_YEAR 1800
#define LAST_YEAR 9999

static WkEra eras[WK_MAX_ERAS];
static int	n_eras = 0;
static bool eras_ready = false;
static UErrorCode last_icu_error = U_ZERO_ERROR;

static const char *const weekday_names[7] = {
	"日", "月", "火", "水", "木", "金", "土"
};

static WkStatus
icu_failed(UErrorCode st)
{
	last_icu_error = st;
	return WK_ICU_ERROR;
}

const char *
wk_icu_error(void)
{
	return u_errorName(last_icu_error);
}

const char *
wk_weekday_name(int wd)
{
	return (wd >= 0 && wd < 7) ? weekday_names[wd] : "?";
}

/*
 * Civil-date arithmetic on the proleptic Gregorian calendar, by the usual
 * 400-year-cycle method; valid far beyond the years 1..9999 used here.
 */
int
wk_days_from_civil(int year, int month, int day)
{
	int			y = year - (month <= 2);
	int			cycle = (y >= 0 ? y : y - 399) / 400;
	unsigned	yoe = (unsigned) (y - cycle * 400);
	unsigned	doy = (unsigned) ((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1);
	unsigned	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return cycle * 146097 + (int) doe - 719468;
}

void
wk_civil_from_days(int days, int *year, int *month, int *day)
{
	int			z = days + 719468;
	int			cycle = (z >= 0 ? z : z - 146096) / 146097;
	unsigned	doe = (unsigned) (z - cycle * 146097);
	unsigned	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	unsigned	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	unsigned	mp = (5 * doy + 2) / 153;
	unsigned	m = mp < 10 ? mp + 3 : mp - 9;

	*day = (int) (doy - (153 * mp + 2) / 5 + 1);
	*month = (int) m;
	*year = (int) yoe + cycle * 400 + (m <= 2);
}

int
wk_weekday(int year, int month, int day)
{
	int			days = wk_days_from_civil(year, month, day);

	/* 1970-01-01 was a Thursday */
	return ((days % 7) + 7 + 4) % 7;
}

static int
days_in_month(int year, int month)
{
	static const int mdays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	if (month == 2 && (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)))
		return 29;
	return mdays[month - 1];
}

static bool
valid_civil(int year, int month, int day)
{
	return year >= 1 && year <= LAST_YEAR && month >= 1 && month <= 12 &&
		day >= 1 && day <= days_in_month(year, month);
}

/* ------------------------------------------------------------------------
 * The era table, from ICU
 * ------------------------------------------------------------------------
 */

static int
era_on_day(UCalendar *cal, int days, UErrorCode *st)
{
	ucal_setMillis(cal, (UDate) days * MS_PER_DAY, st);
	return ucal_get(cal, UCAL_ERA, st);
}

/* The era's text in the given pattern (GGGG or GGGGG) on a day, as UTF-8. */
static bool
era_text(UDateFormat *fmt, const char *pattern, int days, char *out,
		 size_t cap, UErrorCode *st)
{
	UChar		upat[8];
	UChar		ubuf[32];
	int32_t		ulen;
	int32_t		len;

	u_uastrncpy(upat, pattern, 8);
	udat_applyPattern(fmt, false, upat, -1);
	ulen = udat_format(fmt, (UDate) days * MS_PER_DAY, ubuf, 32, NULL, st);
	if (U_FAILURE(*st))
		return false;
	u_strToUTF8(out, (int32_t) cap - 1, &len, ubuf, ulen, st);
	if (U_FAILURE(*st))
		return false;
	out[len] = '\0';
	return true;
}

WkStatus
wk_init(void)
{
	UErrorCode	st = U_ZERO_ERROR;
	UChar		zone[16];
	UCalendar  *cal;
	UDateFormat *fmt;
	int			lo_bound = wk_days_from_civil(PROBE_FIRST_YEAR, 1, 1);
	int			hi_bound = wk_days_from_civil(LAST_YEAR, 12, 31);
	int			first_era;
	int			last_era;
	int			n = 0;

	if (eras_ready)
		return WK_OK;

	/*
	 * The probe works in UTC so that day numbers are calendar dates: an era
	 * begins on a calendar day, and which zone that day is in does not
	 * matter here.
	 */
	u_uastrncpy(zone, "Etc/UTC", 16);
	cal = ucal_open(zone, -1, "ja_JP@calendar=japanese", UCAL_DEFAULT, &st);
	if (U_FAILURE(st))
		return icu_failed(st);
	fmt = udat_open(UDAT_PATTERN, UDAT_PATTERN, "ja_JP@calendar=japanese",
					zone, -1, zone, 0, &st);
	if (U_FAILURE(st))
	{
		ucal_close(cal);
		return icu_failed(st);
	}

	/*
	 * 1900 is certainly 明治, the first era with the modern calendar and the
	 * era digit 1 of claim files; the last era is whatever ICU's data says
	 * rules at the end of the range, so a new era needs no change here.
	 */
	first_era = era_on_day(cal, wk_days_from_civil(1900, 1, 1), &st);
	last_era = era_on_day(cal, hi_bound, &st);
	for (int e = first_era; U_SUCCESS(st) && e <= last_era && n < WK_MAX_ERAS; e++)
	{
		int			lo = lo_bound;
		int			hi = hi_bound;
		WkEra	   *era = &eras[n];
		char		letter[16];

		/* first day whose era is at least e */
		while (lo < hi && U_SUCCESS(st))
		{
			int			mid = lo + (hi - lo) / 2;

			if (era_on_day(cal, mid, &st) >= e)
				hi = mid;
			else
				lo = mid + 1;
		}
		if (U_FAILURE(st) || era_on_day(cal, lo, &st) != e)
			continue;			/* an era number with no days: skip it */
		era->start_days = lo;
		wk_civil_from_days(lo, &era->start_year, &era->start_month,
						   &era->start_day);
		if (!era_text(fmt, "GGGG", lo, era->name, sizeof(era->name), &st) ||
			!era_text(fmt, "GGGGG", lo, letter, sizeof(letter), &st))
			break;
		era->letter = 0;
		if (letter[1] == '\0' &&
			((letter[0] >= 'A' && letter[0] <= 'Z') ||
			 (letter[0] >= 'a' && letter[0] <= 'z')))
			era->letter = (char) (letter[0] & ~0x20);
		n++;
	}
	udat_close(fmt);
	ucal_close(cal);
	if (U_FAILURE(st))
		return icu_failed(st);
	if (n == 0)
		return icu_failed(U_MISSING_RESOURCE_ERROR);
	n_eras = n;
	eras_ready = true;
	return WK_OK;
}

int
wk_era_count(void)
{
	return eras_ready ? n_eras : 0;
}

const WkEra *
wk_era(int i)
{
	if (!eras_ready || i < 0 || i >= n_eras)
		return NULL;
	return &eras[i];
}

/* Index of the era a day belongs to, or -1 before 明治. */
static int
era_of_days(int days)
{
	for (int i = n_eras - 1; i >= 0; i--)
		if (days >= eras[i].start_days)
			return i;
	return -1;
}

/* ------------------------------------------------------------------------
 * Formatting
 * ------------------------------------------------------------------------
 */

bool
wk_style_from_name(const char *name, size_t len, WkStyle *style)
{
	static const struct
	{
		const char *name;
		WkStyle		style;
	}			styles[] = {
		{"long", WK_STYLE_LONG},
		{"short", WK_STYLE_SHORT},
		{"claim", WK_STYLE_CLAIM},
	};

	for (size_t i = 0; i < sizeof(styles) / sizeof(styles[0]); i++)
	{
		size_t		k;

		if (strlen(styles[i].name) != len)
			continue;
		for (k = 0; k < len; k++)
			if ((name[k] | 0x20) != styles[i].name[k])
				break;
		if (k == len)
		{
			*style = styles[i].style;
			return true;
		}
	}
	return false;
}

static char *
append_str(char *p, const char *s)
{
	size_t		n = strlen(s);

	memcpy(p, s, n);
	return p + n;
}

/* Decimal digits of v (0..9999), zero-padded to at least width. */
static char *
append_int(char *p, int v, int width)
{
	char		digits[8];
	int			n = 0;

	do
	{
		digits[n++] = (char) ('0' + v % 10);
		v /= 10;
	} while (v > 0 && n < 8);
	while (n < width)
		digits[n++] = '0';
	while (n > 0)
		*p++ = digits[--n];
	return p;
}

WkStatus
wk_format(int year, int month, int day, WkStyle style, char *buf,
		  size_t cap, size_t *outlen)
{
	WkStatus	status = wk_init();
	int			i;
	int			ey;
	int			n;
	char		tmp[sizeof(eras[0].name) + 32];
	char	   *p = tmp;

	*outlen = 0;
	if (cap > 0)
		buf[0] = '\0';
	if (status != WK_OK)
		return status;
	if (!valid_civil(year, month, day))
		return WK_OUT_OF_RANGE;
	i = era_of_days(wk_days_from_civil(year, month, day));
	if (i < 0)
		return WK_OUT_OF_RANGE;
	ey = year - eras[i].start_year + 1;

	/*
	 * Written by hand rather than with snprintf, which costs more than the
	 * rest of the call put together.
	 */
	switch (style)
	{
		case WK_STYLE_LONG:
			p = append_str(p, eras[i].name);
			if (ey == 1)
				p = append_str(p, "元");
			else
				p = append_int(p, ey, 1);
			p = append_str(p, "年");
			p = append_int(p, month, 1);
			p = append_str(p, "月");
			p = append_int(p, day, 1);
			p = append_str(p, "日");
			break;
		case WK_STYLE_SHORT:
			if (eras[i].letter == 0)
				return WK_OUT_OF_RANGE;
			*p++ = eras[i].letter;
			p = append_int(p, ey, 1);
			*p++ = '.';
			p = append_int(p, month, 1);
			*p++ = '.';
			p = append_int(p, day, 1);
			break;
		case WK_STYLE_CLAIM:
			/* one era digit and two year digits are all a claim file has */
			if (i + 1 > 9 || ey > 99)
				return WK_OUT_OF_RANGE;
			p = append_int(p, i + 1, 1);
			p = append_int(p, ey, 2);
			p = append_int(p, month, 2);
			p = append_int(p, day, 2);
			break;
		default:
			return WK_UNKNOWN_FORMAT;
	}
	n = (int) (p - tmp);
	if ((size_t) n >= cap)
		return WK_TOO_LONG;
	memcpy(buf, tmp, n);
	buf[n] = '\0';
	*outlen = (size_t) n;
	return WK_OK;
}

/* ------------------------------------------------------------------------
 * Reading
 * ------------------------------------------------------------------------
 */

typedef WkCursor Cursor;

static bool
is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
		c == '\v' || c == '\f';
}

static bool
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static void
skip_blanks(Cursor *c)
{
	while (c->p < c->len && is_blank(c->s[c->p]))
		c->p++;
}

static bool
at_end(Cursor *c)
{
	return c->p >= c->len;
}

static bool
eat(Cursor *c, const char *lit)
{
	size_t		n = strlen(lit);

	if (c->len - c->p < n || memcmp(c->s + c->p, lit, n) != 0)
		return false;
	c->p += n;
	return true;
}

/*
 * A run of ASCII digits, at most maxdigits of them (more is not a number we
 * accept: it would overflow or hide a typo).  Returns the digit count, 0 if
 * none (or too many, with the cursor left where it was).
 */
static int
read_number(Cursor *c, int maxdigits, int *value)
{
	size_t		p = c->p;
	int			v = 0;
	int			n = 0;

	while (p < c->len && is_digit(c->s[p]))
	{
		if (++n > maxdigits)
			return 0;
		v = v * 10 + (c->s[p] - '0');
		p++;
	}
	if (n > 0)
	{
		c->p = p;
		*value = v;
	}
	return n;
}

/* An era year: digits or 元. */
static bool
read_era_year(Cursor *c, int *year)
{
	if (eat(c, "元"))
	{
		*year = 1;
		return true;
	}
	return read_number(c, 4, year) > 0;
}

static WkStatus
fail_at(WkResult *r, WkStatus status, size_t pos)
{
	r->status = status;
	r->error_pos = pos;
	return status;
}

/* The rest of a kanji date after its year: 年 M 月 D 日, blanks allowed. */
static bool
read_kanji_month_day(Cursor *c, int *month, int *day)
{
	skip_blanks(c);
	if (!eat(c, "年"))
		return false;
	skip_blanks(c);
	if (read_number(c, 2, month) == 0)
		return false;
	skip_blanks(c);
	if (!eat(c, "月"))
		return false;
	skip_blanks(c);
	if (read_number(c, 2, day) == 0)
		return false;
	skip_blanks(c);
	return eat(c, "日");
}

/* The rest of a numeric date after its year: sep M sep D, one separator. */
static bool
read_numeric_month_day(Cursor *c, int *month, int *day)
{
	char		sep;

	skip_blanks(c);
	if (at_end(c))
		return false;
	sep = c->s[c->p];
	if (sep != '.' && sep != '/' && sep != '-')
		return false;
	c->p++;
	skip_blanks(c);
	if (read_number(c, 2, month) == 0)
		return false;
	skip_blanks(c);
	if (at_end(c) || c->s[c->p] != sep)
		return false;
	c->p++;
	skip_blanks(c);
	return read_number(c, 2, day) > 0;
}

/* Check an era date and turn it into a Gregorian one. */
static WkStatus
resolve_era_date(WkResult *r, int era, int era_year, int month, int day,
				 size_t pos, WkDate *out)
{
	int			year;
	int			days;

	r->era = era;
	r->era_year = era_year;
	year = eras[era].start_year + era_year - 1;
	out->year = year;
	out->month = month;
	out->day = day;
	r->date = *out;
	if (era_year < 1 || !valid_civil(year, month, day))
		return fail_at(r, WK_BAD_DATE, pos);
	days = wk_days_from_civil(year, month, day);
	if (days < eras[era].start_days)
		return fail_at(r, WK_BEFORE_ERA, pos);
	if (era + 1 < n_eras && days >= eras[era + 1].start_days)
		return fail_at(r, WK_AFTER_ERA, pos);
	return WK_OK;
}

static WkStatus
resolve_civil_date(WkResult *r, int year, int month, int day, size_t pos,
				   WkDate *out)
{
	out->year = year;
	out->month = month;
	out->day = day;
	r->date = *out;
	if (!valid_civil(year, month, day))
		return fail_at(r, WK_BAD_DATE, pos);
	return WK_OK;
}

/* Length of the UTF-8 sequence starting with byte b (1 for junk bytes). */
static size_t
utf8_seq_len(unsigned char b)
{
	if (b >= 0xF0)
		return 4;
	if (b >= 0xE0)
		return 3;
	if (b >= 0xC0)
		return 2;
	return 1;
}

/*
 * A full date at the cursor: 令和7年2月1日, R7.2.1, 2025年2月1日, 2025/2/1.
 * WK_UNKNOWN_FORMAT with the cursor unmoved means "no date starts here",
 * which lets notice parsing try other readings.
 */
static WkStatus
read_date(Cursor *c, WkResult *r, WkDate *out)
{
	size_t		start = c->p;
	int			ey;
	int			month;
	int			day;
	unsigned char b;

	if (at_end(c))
		return fail_at(r, WK_UNKNOWN_FORMAT, start);
	b = (unsigned char) c->s[c->p];

	/* 令和7年2月1日 */
	for (int i = 0; i < n_eras; i++)
	{
		if (!eat(c, eras[i].name))
			continue;
		skip_blanks(c);
		/* 令和7年2月1日, and the mixed 令和7.2.1 some forms use */
		if (!read_era_year(c, &ey) ||
			!(read_kanji_month_day(c, &month, &day) ||
			  read_numeric_month_day(c, &month, &day)))
		{
			size_t		pos = c->p;

			c->p = start;
			return fail_at(r, WK_UNKNOWN_FORMAT, pos);
		}
		return resolve_era_date(r, i, ey, month, day, start, out);
	}

	/* R7.2.1, r07/02/01, H31-4-30 */
	if ((b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z'))
	{
		char		letter = (char) (b & ~0x20);
		int			era = -1;

		c->p++;
		skip_blanks(c);
		/* R7.2.1, and the mixed R7年2月1日 */
		if (!read_era_year(c, &ey) ||
			!(read_numeric_month_day(c, &month, &day) ||
			  read_kanji_month_day(c, &month, &day)))
		{
			c->p = start;
			return fail_at(r, WK_UNKNOWN_FORMAT, start);
		}
		for (int i = 0; i < n_eras; i++)
			if (eras[i].letter == letter)
				era = i;
		if (era < 0)
		{
			r->era = -1;
			r->error_len = 1;
			return fail_at(r, WK_UNKNOWN_ERA, start);
		}
		return resolve_era_date(r, era, ey, month, day, start, out);
	}

	/* 2025年2月1日, 2025/2/1, 2025-02-01: Gregorian, four-digit years only */
	if (is_digit((char) b))
	{
		int			year;

		if (read_number(c, 4, &year) == 4 &&
			(read_kanji_month_day(c, &month, &day) ||
			 read_numeric_month_day(c, &month, &day)))
			return resolve_civil_date(r, year, month, day, start, out);
		c->p = start;
		return fail_at(r, WK_UNKNOWN_FORMAT, start);
	}

	/*
	 * Something that reads like an era date but whose era is not one ICU
	 * knows (天保3年1月1日, a misspelt era): say so rather than "unknown
	 * format".  The name is at most a few characters before the year.
	 */
	if (b >= 0x80)
	{
		size_t		p = c->p;
		int			chars = 0;

		while (p < c->len && (unsigned char) c->s[p] >= 0x80 && chars < 4 &&
			   !(c->len - p >= 3 && memcmp(c->s + p, "元", 3) == 0))
		{
			p += utf8_seq_len((unsigned char) c->s[p]);
			chars++;
		}
		if (p <= c->len && chars > 0)
		{
			Cursor		probe = {c->s, c->len, p};

			skip_blanks(&probe);
			if (read_era_year(&probe, &ey) &&
				read_kanji_month_day(&probe, &month, &day))
			{
				r->era = -1;
				r->error_len = p - start;
				return fail_at(r, WK_UNKNOWN_ERA, start);
			}
		}
	}
	return fail_at(r, WK_UNKNOWN_FORMAT, start);
}

/*
 * A weekday in parentheses: (土), (土曜), (土曜日), (月・祝).  Returns the
 * weekday, or -1 with the cursor unmoved if there is none here.
 */
static int
read_weekday(Cursor *c)
{
	size_t		start = c->p;
	int			wd = -1;

	skip_blanks(c);
	if (!eat(c, "("))
	{
		c->p = start;
		return -1;
	}
	skip_blanks(c);
	for (int i = 0; i < 7; i++)
		if (eat(c, weekday_names[i]))
		{
			wd = i;
			break;
		}
	if (wd < 0)
	{
		c->p = start;
		return -1;
	}
	if (!eat(c, "曜日"))
		(void) eat(c, "曜");
	skip_blanks(c);
	/* a public holiday on that weekday */
	if (eat(c, "・") || eat(c, ",") || eat(c, "、"))
		skip_blanks(c);
	if (eat(c, "祝"))
	{
		(void) eat(c, "日");
		skip_blanks(c);
	}
	if (!eat(c, ")"))
	{
		c->p = start;
		return -1;
	}
	return wd;
}

/* Compare a written weekday with a date's. */
static WkStatus
check_weekday(WkResult *r, int wd, const WkDate *d, size_t pos)
{
	if (wd < 0 || wd == wk_weekday(d->year, d->month, d->day))
		return WK_OK;
	r->weekday_written = wd;
	r->date = *d;
	return fail_at(r, WK_WEEKDAY_MISMATCH, pos);
}

/*
 * NFKC of the input, as UTF-8, into r->norm.  ASCII is already NFKC, so it
 * is copied as it is; that keeps R7.2.1 and 5070201 off ICU altogether.
 */
static WkStatus
normalize_input(const char *s, size_t len, WkResult *r)
{
	UChar		src[WK_MAX_INPUT];
	UChar		dst[WK_NORM_CAP / 3];
	int32_t		srclen;
	int32_t		dstlen;
	int32_t		outlen;
	UErrorCode	st = U_ZERO_ERROR;
	const UNormalizer2 *nfkc;
	bool		ascii = true;

	if (len > WK_MAX_INPUT)
		return WK_TOO_LONG;
	for (size_t i = 0; i < len; i++)
		if ((unsigned char) s[i] >= 0x80)
		{
			ascii = false;
			break;
		}
	if (ascii)
	{
		memcpy(r->norm, s, len);
		r->norm[len] = '\0';
		r->norm_len = len;
		return WK_OK;
	}

	u_strFromUTF8(src, WK_MAX_INPUT, &srclen, s, (int32_t) len, &st);
	if (st == U_INVALID_CHAR_FOUND || st == U_ILLEGAL_CHAR_FOUND ||
		st == U_TRUNCATED_CHAR_FOUND)
		return WK_BAD_ENCODING;
	if (U_FAILURE(st))
		return icu_failed(st);
	nfkc = unorm2_getNFKCInstance(&st);
	if (U_FAILURE(st))
		return icu_failed(st);

	/* text typed as 令和7年2月1日 is already NFKC: keep its UTF-8 as it is */
	if (unorm2_isNormalized(nfkc, src, srclen, &st) && U_SUCCESS(st))
	{
		memcpy(r->norm, s, len);
		r->norm[len] = '\0';
		r->norm_len = len;
		return WK_OK;
	}
	if (U_FAILURE(st))
		return icu_failed(st);
	dstlen = unorm2_normalize(nfkc, src, srclen, dst, WK_NORM_CAP / 3, &st);
	if (st == U_BUFFER_OVERFLOW_ERROR)
		return WK_TOO_LONG;
	if (U_FAILURE(st))
		return icu_failed(st);
	u_strToUTF8(r->norm, WK_NORM_CAP, &outlen, dst, dstlen, &st);
	if (st == U_BUFFER_OVERFLOW_ERROR)
		return WK_TOO_LONG;
	if (U_FAILURE(st))
		return icu_failed(st);
	r->norm[outlen] = '\0';
	r->norm_len = (size_t) outlen;
	return WK_OK;
}

/* Common start of both parsers: init, normalise, trim. */
static WkStatus
begin_parse(const char *s, size_t len, WkResult *r, Cursor *c)
{
	WkStatus	status;

	r->status = WK_OK;
	r->part = WK_PART_NONE;
	r->era = -1;
	r->era_year = 0;
	r->weekday_written = -1;
	r->error_pos = 0;
	r->error_len = 0;
	r->norm_len = 0;
	r->norm[0] = '\0';
	memset(&r->date, 0, sizeof(r->date));
	memset(&r->start, 0, sizeof(r->start));
	memset(&r->end, 0, sizeof(r->end));

	status = wk_init();
	if (status == WK_OK)
		status = normalize_input(s, len, r);
	if (status != WK_OK)
		return r->status = status;

	c->s = r->norm;
	c->len = r->norm_len;
	c->p = 0;
	while (c->len > 0 && is_blank(c->s[c->len - 1]))
		c->len--;
	skip_blanks(c);
	if (at_end(c))
		return r->status = WK_EMPTY;
	return WK_OK;
}

static bool
all_digits(const Cursor *c)
{
	for (size_t p = c->p; p < c->len; p++)
		if (!is_digit(c->s[p]))
			return false;
	return true;
}

static int
digits_value(const char *s, int n)
{
	int			v = 0;

	for (int i = 0; i < n; i++)
		v = v * 10 + (s[i] - '0');
	return v;
}

WkStatus
wk_parse_date(const char *s, size_t len, WkResult *r)
{
	Cursor		c;
	WkStatus	status = begin_parse(s, len, r, &c);
	size_t		start;
	int			wd;

	if (status != WK_OK)
		return status;
	start = c.p;

	if (all_digits(&c))
	{
		const char *d = c.s + c.p;
		size_t		n = c.len - c.p;

		if (n == 8)				/* YYYYMMDD */
		{
			status = resolve_civil_date(r, digits_value(d, 4),
										digits_value(d + 4, 2),
										digits_value(d + 6, 2), start,
										&r->date);
			return r->status = status;
		}
		if (n == 7 || n == 5)	/* GYYMMDD, GYYMM */
		{
			int			digit = d[0] - '0';

			if (digit < 1 || digit > n_eras)
			{
				r->era = -1;
				r->error_len = 1;
				return fail_at(r, WK_UNKNOWN_ERA, start);
			}
			status = resolve_era_date(r, digit - 1, digits_value(d + 1, 2),
									  digits_value(d + 3, 2),
									  n == 7 ? digits_value(d + 5, 2) : 1,
									  start, &r->date);
			return r->status = status;
		}
		return fail_at(r, WK_UNKNOWN_FORMAT, start);
	}

	status = read_date(&c, r, &r->date);
	if (status != WK_OK)
		return status;
	wd = read_weekday(&c);
	status = check_weekday(r, wd, &r->date, start);
	if (status != WK_OK)
		return status;
	skip_blanks(&c);
	if (!at_end(&c))
		return fail_at(r, WK_UNKNOWN_FORMAT, c.p);
	return r->status = WK_OK;
}

/*
 * A time of day: 22:00, 0:30, 22:00:00, 22時, 22時30分.  24:00 is accepted
 * only where allow_24 says so (the end of a window), as *is_24.
 */
static WkStatus
read_time(Cursor *c, WkResult *r, bool allow_24, WkDateTime *t, bool *is_24)
{
	size_t		start = c->p;
	int			h = 0;
	int			mi = 0;
	int			sec = 0;

	*is_24 = false;
	if (read_number(c, 2, &h) == 0)
		return fail_at(r, WK_UNKNOWN_FORMAT, start);
	if (eat(c, ":"))
	{
		if (read_number(c, 2, &mi) != 2)
			return fail_at(r, WK_UNKNOWN_FORMAT, c->p);
		if (eat(c, ":") && read_number(c, 2, &sec) != 2)
			return fail_at(r, WK_UNKNOWN_FORMAT, c->p);
	}
	else if (eat(c, "時"))
	{
		size_t		p = c->p;

		skip_blanks(c);
		if (eat(c, "半"))
			mi = 30;
		else if (read_number(c, 2, &mi) > 0)
		{
			skip_blanks(c);
			if (!eat(c, "分"))
				return fail_at(r, WK_UNKNOWN_FORMAT, c->p);
		}
		else
			c->p = p;
	}
	else
		return fail_at(r, WK_UNKNOWN_FORMAT, c->p);

	if (h == 24 && mi == 0 && sec == 0 && allow_24)
	{
		*is_24 = true;
		h = 0;
	}
	else if (h > 23 || mi > 59 || sec > 59)
		return fail_at(r, WK_BAD_TIME, start);
	t->hour = h;
	t->minute = mi;
	t->second = sec;
	return WK_OK;
}

static void
add_days(WkDate *d, int n)
{
	wk_civil_from_days(wk_days_from_civil(d->year, d->month, d->day) + n,
					   &d->year, &d->month, &d->day);
}

static long long
seconds_of(const WkDateTime *t)
{
	return (long long) wk_days_from_civil(t->date.year, t->date.month,
										  t->date.day) * SECS_PER_DAY +
		t->hour * 3600 + t->minute * 60 + t->second;
}

/* The start's date, allowing a label before it: 東日本エリア：令和7年… */
static WkStatus
read_start_date(Cursor *c, WkResult *r, WkDate *out)
{
	size_t		start = c->p;
	WkStatus	status = read_date(c, r, out);
	size_t		first_error = r->error_pos;

	if (status != WK_UNKNOWN_FORMAT)
		return status;
	for (size_t p = start; p < c->len; p++)
	{
		if (c->s[p] != ':')
			continue;
		c->p = p + 1;
		skip_blanks(c);
		status = read_date(c, r, out);
		if (status != WK_UNKNOWN_FORMAT)
			return r->status = status;
	}
	c->p = start;
	r->status = WK_OK;
	return fail_at(r, WK_UNKNOWN_FORMAT, first_error);
}

/* The separator between start and end: ～ (NFKC ~), 〜, -, –, から. */
static bool
read_range_separator(Cursor *c)
{
	return eat(c, "~") || eat(c, "〜") || eat(c, "-") || eat(c, "–") ||
		eat(c, "―") || eat(c, "から");
}

/* After the end time: (予定), まで, in either order. */
static void
skip_trailer(Cursor *c)
{
	for (int i = 0; i < 2; i++)
	{
		size_t		p = c->p;

		skip_blanks(c);
		if (eat(c, "まで"))
			continue;
		if (eat(c, "("))
		{
			skip_blanks(c);
			if (eat(c, "予定"))
			{
				skip_blanks(c);
				if (eat(c, ")"))
					continue;
			}
		}
		c->p = p;
		break;
	}
	skip_blanks(c);
}

WkStatus
wk_parse_notice(const char *s, size_t len, WkResult *r)
{
	Cursor		c;
	WkStatus	status = begin_parse(s, len, r, &c);
	size_t		pos;
	int			wd;
	bool		is_24;
	bool		end_has_date = false;
	int			end_wd = -1;
	WkDate		end_written;

	if (status != WK_OK)
		return status;

	/* the start: a full date, a weekday maybe, a time */
	r->part = WK_PART_START;
	pos = c.p;
	status = read_start_date(&c, r, &r->start.date);
	if (status != WK_OK)
		return status;
	wd = read_weekday(&c);
	status = check_weekday(r, wd, &r->start.date, pos);
	if (status != WK_OK)
		return status;
	skip_blanks(&c);
	status = read_time(&c, r, false, &r->start, &is_24);
	if (status != WK_OK)
		return status;

	skip_blanks(&c);
	if (!read_range_separator(&c))
		return fail_at(r, WK_UNKNOWN_FORMAT, c.p);
	skip_blanks(&c);

	/* the end: 翌0:30, 2月2日(日)0:30, a full date and time, or a bare time */
	r->part = WK_PART_END;
	r->end.date = r->start.date;
	pos = c.p;
	if (eat(&c, "翌日") || eat(&c, "翌"))
	{
		add_days(&r->end.date, 1);
		skip_blanks(&c);
	}
	else
	{
		Cursor		probe = c;
		int			month;
		int			day;

		if (read_number(&probe, 2, &month) > 0)
		{
			bool		kanji;

			skip_blanks(&probe);
			kanji = eat(&probe, "月");
			if (kanji || eat(&probe, "/"))
			{
				/* 2月2日 or 2/2: the start's year */
				skip_blanks(&probe);
				if (read_number(&probe, 2, &day) == 0)
					return fail_at(r, WK_UNKNOWN_FORMAT, probe.p);
				skip_blanks(&probe);
				if (kanji && !eat(&probe, "日"))
					return fail_at(r, WK_UNKNOWN_FORMAT, probe.p);
				status = resolve_civil_date(r, r->start.date.year, month, day,
											pos, &r->end.date);
				if (status != WK_OK)
					return status;
				c = probe;
				end_has_date = true;
			}
		}
		if (!end_has_date)
		{
			status = read_date(&c, r, &r->end.date);
			if (status == WK_OK)
				end_has_date = true;
			else if (c.p != pos || status != WK_UNKNOWN_FORMAT)
				return status;
			else
			{
				/* no date: a bare time on the start's day */
				r->status = WK_OK;
				r->end.date = r->start.date;
			}
		}
		/* checked once the order is known: see below */
		if (end_has_date)
			end_wd = read_weekday(&c);
		skip_blanks(&c);
	}
	status = read_time(&c, r, true, &r->end, &is_24);
	if (status != WK_OK)
		return status;
	end_written = r->end.date;
	if (is_24)
		add_days(&r->end.date, 1);

	skip_trailer(&c);
	if (!at_end(&c))
		return fail_at(r, WK_UNKNOWN_FORMAT, c.p);

	/*
	 * An end before the start is reported as such even if its weekday is
	 * also wrong: 12月31日(火)～1月1日(水) takes the start's year for the
	 * end, and "write the end's year" is the useful message, not "2024-01-01
	 * was a Monday".
	 */
	if (seconds_of(&r->end) <= seconds_of(&r->start))
		return fail_at(r, WK_END_NOT_AFTER_START, pos);
	status = check_weekday(r, end_wd, &end_written, pos);
	if (status != WK_OK)
		return status;
	r->part = WK_PART_NONE;
	return r->status = WK_OK;
}

/* ------------------------------------------------------------------------
 * Building blocks for the notice reader (notice_parse.c)
 * ------------------------------------------------------------------------
 */

bool
wk_eat(WkCursor *c, const char *lit)
{
	return eat(c, lit);
}

int
wk_read_number(WkCursor *c, int maxdigits, int *value)
{
	return read_number(c, maxdigits, value);
}

WkStatus
wk_read_date(WkCursor *c, WkResult *r, WkDate *out)
{
	size_t		start = c->p;
	WkStatus	status;

	r->era = -1;
	status = read_date(c, r, out);
	/* a date that does not exist is read to its end, to be reported */
	if (status == WK_UNKNOWN_FORMAT || status == WK_UNKNOWN_ERA)
		c->p = start;
	return status;
}

int
wk_read_weekday(WkCursor *c)
{
	return read_weekday(c);
}

WkStatus
wk_read_time(WkCursor *c, WkResult *r, bool allow_24, WkDateTime *t,
			 bool *is_24)
{
	size_t		start = c->p;
	WkStatus	status = read_time(c, r, allow_24, t, is_24);

	if (status != WK_OK)
		c->p = start;
	return status;
}

bool
wk_valid_date(int year, int month, int day)
{
	return valid_civil(year, month, day);
}

/*
 * One code point at a time, so that every byte of the result can be traced
 * back to the byte of the input it came from.  That differs from NFKC of a
 * whole text only where a base letter and a following combining mark would
 * compose, which no date, time or keyword of a notice needs.
 */
size_t
wk_nfkc_char(const char *s, size_t len, char *out, size_t *outlen)
{
	UChar32		cp;
	int32_t		i = 0;
	UChar		src[2];
	UChar		dst[WK_NFKC_CHAR_MAX];
	int32_t		srclen = 0;
	int32_t		dstlen = 0;
	int32_t		n = 0;
	UErrorCode	st = U_ZERO_ERROR;
	const UNormalizer2 *nfkc;
	int32_t		avail = len > 4 ? 4 : (int32_t) len;

	*outlen = 0;
	if (len == 0)
		return 0;
	U8_NEXT(s, i, avail, cp);
	if (cp < 0)
		return 1;				/* not UTF-8: consume a byte, write nothing */
	if (cp < 0x80)
	{
		out[0] = (char) cp;
		*outlen = 1;
		return 1;
	}
	U16_APPEND_UNSAFE(src, srclen, cp);
	nfkc = unorm2_getNFKCInstance(&st);
	if (U_SUCCESS(st))
		dstlen = unorm2_normalize(nfkc, src, srclen, dst, WK_NFKC_CHAR_MAX, &st);
	if (U_SUCCESS(st))
		u_strToUTF8(out, WK_NFKC_CHAR_MAX, &n, dst, dstlen, &st);
	if (U_FAILURE(st) || st == U_STRING_NOT_TERMINATED_WARNING)
	{
		/* an expansion too long to be useful here: keep the character */
		memcpy(out, s, i);
		*outlen = (size_t) i;
		return (size_t) i;
	}
	*outlen = (size_t) n;
	return (size_t) i;
}
