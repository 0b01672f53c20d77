/*-------------------------------------------------------------------------
 *
 * uke_parse.c
 *	  The receipt file (レセ電) reader: lines, fields, and the records an
 *	  outage audit needs, in CP932 bytes.
 *
 * Field numbers are 0-based and follow the 医科 layout (field notes, §5).
 * Numbers may be written in full-width digits (０-９, CP932 0x82 0x4F ..
 * 0x82 0x58) and padded with spaces of either width, as some receipt
 * software does in HO and KO.  Dates are 西暦 or 和暦 by their length:
 * YYYYMMDD or GYYMMDD (G the 年号区分 digit of 別表4: 1 明治 .. 5 令和, the
 * era table of wareki_parse.h, so 明治 years count from 1867), and YYYYMM
 * or GYYMM for months.
 *
 *-------------------------------------------------------------------------
 */
#include "uke_parse.h"

#include <string.h>

#include "medical_institution_code_parse.h"
#include "wareki_parse.h"

/*
 * First fields of the 31 day fields (算定日情報): SI and IY have three
 * comment pairs before them, TO also its unit, price, a spare field and
 * the product name (field notes §5 give 13 for all three; the 医科 layout,
 * as receipt software writes it, puts TO's at 17).
 */
#define JD_FIRST_DAY_FIELD 2
#define ACT_FIRST_DAY_FIELD 13
#define TO_FIRST_DAY_FIELD 17

static bool
is_sjis_lead(unsigned char c)
{
	return (c >= 0x81 && c <= 0x9F) || (c >= 0xE0 && c <= 0xFC);
}

/*
 * Trim spaces of either width (and tabs) from both ends of a field.  The
 * scan walks characters from the start, so a trail byte is never taken
 * for the start of a full-width space.
 */
static UkeSlice
trimmed(const UkeReader *r, int f)
{
	UkeSlice	s = {0, 0};
	const unsigned char *b;
	size_t		i,
				hi,
				first,
				last;

	if (f >= UKE_MAX_FIELDS || f < 0)
		return s;
	b = (const unsigned char *) r->buf;
	i = r->field_off[f];
	hi = i + r->field_len[f];
	first = hi;
	last = hi;
	while (i < hi)
	{
		size_t		w = (is_sjis_lead(b[i]) && i + 1 < hi) ? 2 : 1;
		bool		space = (w == 1 && (b[i] == ' ' || b[i] == '\t')) ||
			(w == 2 && b[i] == 0x81 && b[i + 1] == 0x40);

		if (!space)
		{
			if (first == hi)
				first = i;
			last = i + w;
		}
		i += w;
	}
	if (first == hi)
	{
		s.off = hi;
		return s;
	}
	s.off = first;
	s.len = last - first;
	return s;
}

/*
 * The digits of a field, ASCII or full-width, as ASCII into out (cap
 * bytes and a NUL): their count, 0 for an empty field, -1 for anything
 * else in it or more than cap digits.  Spaces inside are refused too.
 */
static int
field_digits(const UkeReader *r, int f, char *out, int cap)
{
	UkeSlice	s = trimmed(r, f);
	const unsigned char *b = (const unsigned char *) r->buf + s.off;
	int			n = 0;

	for (size_t i = 0; i < s.len;)
	{
		char		d;

		if (b[i] >= '0' && b[i] <= '9')
		{
			d = (char) b[i];
			i++;
		}
		else if (i + 1 < s.len && b[i] == 0x82 && b[i + 1] >= 0x4F &&
				 b[i + 1] <= 0x58)
		{
			d = (char) ('0' + (b[i + 1] - 0x4F));
			i += 2;
		}
		else
			return -1;
		if (n >= cap)
			return -1;
		out[n++] = d;
	}
	out[n] = '\0';
	return n;
}

/* A field of at most 9 digits as a number: digits read, 0 empty, -1 bad. */
static int
field_number(const UkeReader *r, int f, int32_t *value)
{
	char		digits[10];
	int			n = field_digits(r, f, digits, 9);
	int32_t		v = 0;

	for (int i = 0; i < n; i++)
		v = v * 10 + (digits[i] - '0');
	*value = v;
	return n;
}

static int
number_of(const char *d, int n)
{
	int			v = 0;

	for (int i = 0; i < n; i++)
		v = v * 10 + (d[i] - '0');
	return v;
}

int
uke_days_in_month(int year, int month)
{
	static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	if (month < 1 || month > 12)
		return 0;
	if (month == 2 && ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0))
		return 29;
	return days[month - 1];
}

/*
 * The Gregorian year of era digit g's year yy, checking that the span
 * [first, last] (days since 1970) lies in the era: false if not.
 */
static bool
era_year(int g, int yy, int first_y, int first_m, int first_d,
		 int last_m, int last_d, int *year)
{
	const WkEra *era;
	const WkEra *next;
	int			y;

	if (wk_init() != WK_OK || g < 1 || g > wk_era_count() || yy < 1)
		return false;
	era = wk_era(g - 1);
	next = wk_era(g);
	y = era->start_year - 1 + yy;
	(void) first_y;
	if (!wk_valid_date(y, first_m, first_d) || !wk_valid_date(y, last_m, last_d))
		return false;
	/* the span must meet the era: a month may hold its first day */
	if (wk_days_from_civil(y, last_m, last_d) < era->start_days)
		return false;
	if (next != NULL && wk_days_from_civil(y, first_m, first_d) >= next->start_days)
		return false;
	*year = y;
	return true;
}

/* YYYYMM or GYYMM. */
static UkeError
field_month(const UkeReader *r, int f, int *year, int *month)
{
	char		d[9];
	int			n = field_digits(r, f, d, 8);
	int			m;

	if (n == 0)
		return UKE_E_MISSING_FIELD;
	if (n == 6)
	{
		*year = number_of(d, 4);
		m = number_of(d + 4, 2);
		if (*year < 1 || m < 1 || m > 12)
			return UKE_E_BAD_MONTH;
		*month = m;
		return UKE_OK;
	}
	if (n == 5)
	{
		m = number_of(d + 3, 2);
		if (m < 1 || m > 12 ||
			!era_year(d[0] - '0', number_of(d + 1, 2), 0, m, 1, m,
					  uke_days_in_month(2000, m) == 29 ? 28 : uke_days_in_month(2000, m),
					  year))
			return UKE_E_BAD_MONTH;
		*month = m;
		return UKE_OK;
	}
	return UKE_E_BAD_MONTH;
}

/* YYYYMMDD or GYYMMDD; empty gives *has false. */
static UkeError
field_date(const UkeReader *r, int f, bool *has, int *year, int *month,
		   int *day)
{
	char		d[9];
	int			n = field_digits(r, f, d, 8);

	*has = false;
	if (n == 0)
		return UKE_OK;
	if (n == 8)
	{
		*year = number_of(d, 4);
		*month = number_of(d + 4, 2);
		*day = number_of(d + 6, 2);
		if (!wk_valid_date(*year, *month, *day))
			return UKE_E_BAD_DATE;
	}
	else if (n == 7)
	{
		*month = number_of(d + 3, 2);
		*day = number_of(d + 5, 2);
		if (*month < 1 || *month > 12 || *day < 1 || *day > 31 ||
			!era_year(d[0] - '0', number_of(d + 1, 2), 0, *month, *day,
					  *month, *day, year))
			return UKE_E_BAD_DATE;
	}
	else
		return UKE_E_BAD_DATE;
	*has = true;
	return UKE_OK;
}

/*
 * Day fields first .. first + 30: a visit on day d when field first + d - 1
 * holds a count above zero (acts) or the code 1 or 2 (JD).  Days past the
 * claim month's end must be empty.
 */
static UkeError
field_days(const UkeReader *r, int first, bool jd, uint32_t *days, int *bad)
{
	int			mdays = uke_days_in_month(r->claim_year, r->claim_month);

	*days = 0;
	for (int d = 1; d <= 31; d++)
	{
		int32_t		v;
		int			n;

		if (first + d - 1 >= UKE_MAX_FIELDS)
			break;
		n = field_number(r, first + d - 1, &v);
		if (n < 0 || (n > 0 && d > mdays && v != 0))
		{
			*bad = first + d - 1;
			return UKE_E_BAD_DAY;
		}
		if (n > 0 && (jd ? (v == 1 || v == 2) : v > 0))
			*days |= UINT32_C(1) << (d - 1);
	}
	return UKE_OK;
}

static UkeKind
kind_of(const char *id)
{
	static const struct
	{
		char		id[3];
		UkeKind		kind;
	}			kinds[] = {
		{"IR", UKE_IR}, {"RE", UKE_RE}, {"HO", UKE_HO}, {"KO", UKE_KO},
		{"SN", UKE_SN}, {"JD", UKE_JD}, {"SI", UKE_SI}, {"IY", UKE_IY},
		{"TO", UKE_TO}, {"CO", UKE_CO}, {"GO", UKE_GO},
	};

	for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (id[0] == kinds[i].id[0] && id[1] == kinds[i].id[1])
			return kinds[i].kind;
	return UKE_OTHER;
}

void
uke_reader_init(UkeReader *r, const char *buf, size_t len)
{
	memset(r, 0, sizeof(*r));
	r->buf = buf;
	r->len = len;
}

/* Whether bytes hold nothing but white space and the DOS end-of-file mark. */
static bool
blank(const unsigned char *b, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (b[i] != ' ' && b[i] != '\t' && b[i] != '\r' && b[i] != 0x1A)
			return false;
	return true;
}

static void
fail(UkeRecord *rec, UkeError e, int field)
{
	if (rec->error == UKE_OK)
	{
		rec->error = e;
		rec->error_field = field;
	}
}

static void
decode_ir(UkeReader *r, UkeRecord *rec)
{
	int32_t		v;
	int			n;
	char		code7[9];
	int			detail;

	n = field_number(r, 2, &v);
	if (n != 2 || v < 1 || v > 47)
		fail(rec, n == 0 ? UKE_E_MISSING_FIELD : UKE_E_BAD_PREFECTURE, 2);
	rec->prefecture = v;
	n = field_number(r, 3, &v);
	if (n != 1 || mic_kind_by_digit(v) == NULL)
		fail(rec, n == 0 ? UKE_E_MISSING_FIELD : UKE_E_BAD_TENSU, 3);
	rec->tensu = v;
	n = field_digits(r, 4, code7, 8);
	if (n != MIC_LOCAL_DIGITS ||
		mic_parse_local(code7, (size_t) n, &rec->code7, &detail) != MIC_PARSE_OK)
		fail(rec, n == 0 ? UKE_E_MISSING_FIELD : UKE_E_BAD_CODE7, 4);
	rec->facility_name = trimmed(r, 6);
	if (rec->error == UKE_OK)
	{
		UkeError	e = field_month(r, 7, &rec->year, &rec->month);

		if (e != UKE_OK)
			fail(rec, e, 7);
	}
	if (rec->error == UKE_OK)
	{
		rec->institution_code = (int64_t) rec->prefecture * 100000000 +
			(int64_t) rec->tensu * 10000000 + rec->code7;
		if (!mic_is_valid(rec->institution_code))
			fail(rec, UKE_E_BAD_CODE7, 4);
	}
	r->have_ir = rec->error == UKE_OK;
	r->ir_bad = rec->error != UKE_OK;
	r->claim_state = UKE_CLAIM_NONE;
}

static void
decode_re(UkeReader *r, UkeRecord *rec)
{
	int			n;
	int32_t		v;
	UkeError	e;

	n = field_number(r, 1, &rec->receipt_number);
	if (n <= 0)
		fail(rec, n == 0 ? UKE_E_MISSING_FIELD : UKE_E_BAD_NUMBER, 1);
	rec->receipt_type = trimmed(r, 2);
	e = field_month(r, 3, &rec->year, &rec->month);
	if (e != UKE_OK)
		fail(rec, e, 3);
	rec->name = trimmed(r, 4);
	n = field_number(r, 5, &v);
	if (n < 0 || n > 1)
		fail(rec, UKE_E_BAD_SEX, 5);
	rec->sex = n == 1 ? v : 0;
	e = field_date(r, 6, &rec->has_birth, &rec->birth_year, &rec->birth_month,
				   &rec->birth_day);
	if (e != UKE_OK)
		fail(rec, e, 6);
	rec->chart_number = trimmed(r, 13);
	rec->kana = trimmed(r, 36);

	if (rec->error == UKE_OK && !r->have_ir)
		fail(rec, UKE_E_BEFORE_IR, -1);
	if (rec->error == UKE_OK)
	{
		r->claim_state = UKE_CLAIM_OPEN;
		r->claim_year = rec->year;
		r->claim_month = rec->month;
	}
	else
		r->claim_state = UKE_CLAIM_SKIPPING;
}

static void
decode_number(UkeReader *r, UkeRecord *rec, int f, bool required)
{
	int			n = field_digits(r, f, rec->number, UKE_NUMBER_CAP);

	if (n < 0)
	{
		rec->number[0] = '\0';
		fail(rec, UKE_E_BAD_NUMBER, f);
	}
	else if (n == 0 && required)
		fail(rec, UKE_E_MISSING_FIELD, f);
}

/* Split the line at [off, off + len) into fields. */
static void
split(UkeReader *r, UkeRecord *rec, size_t off, size_t len)
{
	size_t		start = off;
	int			f = 0;

	for (size_t i = off;; i++)
	{
		if (i == off + len || r->buf[i] == ',')
		{
			if (f < UKE_MAX_FIELDS)
			{
				r->field_off[f] = start;
				r->field_len[f] = i - start;
			}
			f++;
			start = i + 1;
			if (i == off + len)
				break;
		}
	}
	rec->nfields = f;
	/* fields past the end of the line are empty */
	for (int k = f; k < UKE_MAX_FIELDS; k++)
	{
		r->field_off[k] = off + len;
		r->field_len[k] = 0;
	}
}

bool
uke_next(UkeReader *r, UkeRecord *rec, bool *skipped)
{
	const unsigned char *b = (const unsigned char *) r->buf;
	size_t		start,
				end,
				next;
	UkeSlice	id;

	memset(rec, 0, sizeof(*rec));
	rec->error_field = -1;
	*skipped = false;
	if (r->done)
		return false;

	/* the next line that is not blank */
	for (;;)
	{
		const unsigned char *nl;

		if (r->pos >= r->len)
		{
			/* no GO: one last record says so */
			rec->kind = UKE_GO;
			memcpy(rec->id, "GO", 3);
			rec->line = r->line + 1;
			rec->text.off = r->len;
			rec->error = UKE_E_NO_GO;
			r->done = true;
			return true;
		}
		start = r->pos;
		nl = memchr(b + start, '\n', r->len - start);
		end = nl ? (size_t) (nl - b) : r->len;
		next = nl ? end + 1 : r->len;
		r->line++;
		r->pos = next;
		if (!blank(b + start, end - start))
			break;
	}
	if (end > start && b[end - 1] == '\r')
		end--;
	rec->line = r->line;
	rec->text.off = start;
	rec->text.len = end - start;

	if (end - start > UKE_MAX_LINE)
	{
		rec->kind = UKE_OTHER;
		rec->error = UKE_E_LINE_TOO_LONG;
		return true;
	}
	split(r, rec, start, end - start);
	id = trimmed(r, 0);
	if (id.len != 2 || b[id.off] < 'A' || b[id.off] > 'Z' ||
		b[id.off + 1] < 'A' || b[id.off + 1] > 'Z')
	{
		rec->kind = UKE_OTHER;
		rec->error = UKE_E_BAD_RECORD_ID;
		rec->error_field = 0;
		return true;
	}
	rec->id[0] = (char) b[id.off];
	rec->id[1] = (char) b[id.off + 1];
	rec->id[2] = '\0';
	rec->kind = kind_of(rec->id);

	switch (rec->kind)
	{
		case UKE_IR:
			decode_ir(r, rec);
			return true;
		case UKE_RE:
			if (r->ir_bad)
			{
				/* its IR was reported; the claims under it are skipped */
				r->claim_state = UKE_CLAIM_SKIPPING;
				*skipped = true;
				return true;
			}
			decode_re(r, rec);
			return true;
		case UKE_GO:
			r->done = true;
			return true;
		case UKE_OTHER:
			return true;
		default:
			break;
	}

	/* a claim's own records */
	if (r->claim_state == UKE_CLAIM_SKIPPING)
	{
		*skipped = true;
		return true;
	}
	if (r->claim_state == UKE_CLAIM_NONE)
	{
		fail(rec, UKE_E_OUTSIDE_CLAIM, -1);
		return true;
	}
	switch (rec->kind)
	{
		case UKE_HO:
			decode_number(r, rec, 1, false);
			break;
		case UKE_KO:
			decode_number(r, rec, 1, true);
			break;
		case UKE_SN:
			{
				int32_t		v;
				int			n = field_number(r, 1, &v);

				if (n < 0)
					fail(rec, UKE_E_BAD_NUMBER, 1);
				rec->sn_payer = n > 0 ? v : 0;
				decode_number(r, rec, 2, true);
			}
			break;
		case UKE_JD:
		case UKE_SI:
		case UKE_IY:
		case UKE_TO:
			{
				int			bad = -1;
				UkeError	e = field_days(r,
										   rec->kind == UKE_JD ? JD_FIRST_DAY_FIELD :
										   rec->kind == UKE_TO ? TO_FIRST_DAY_FIELD :
										   ACT_FIRST_DAY_FIELD,
										   rec->kind == UKE_JD, &rec->days, &bad);

				if (e != UKE_OK)
					fail(rec, e, bad);
			}
			break;
		case UKE_CO:
			rec->comment = trimmed(r, 4);
			break;
		default:
			break;
	}
	return true;
}

void
uke_unread(UkeReader *r, const UkeRecord *rec)
{
	r->pos = rec->text.off;
	r->line = rec->line - 1;
	r->done = false;
}

const char *
uke_error_message(UkeError e)
{
	switch (e)
	{
		case UKE_OK:
			return "The record is good.";
		case UKE_E_LINE_TOO_LONG:
			return "The line is longer than the 65536 bytes accepted.";
		case UKE_E_BAD_RECORD_ID:
			return "The first field is not a record name of two capital letters.";
		case UKE_E_MISSING_FIELD:
			return "A field the record needs is empty.";
		case UKE_E_BAD_NUMBER:
			return "A numeric field holds something other than digits.";
		case UKE_E_BAD_MONTH:
			return "A year-month field is neither YYYYMM nor GYYMM (era digit 1-5), or names no month of its era.";
		case UKE_E_BAD_DATE:
			return "A date field is neither YYYYMMDD nor GYYMMDD (era digit 1-5), or names no day of its era.";
		case UKE_E_BAD_PREFECTURE:
			return "The prefecture is not a code 01 to 47.";
		case UKE_E_BAD_TENSU:
			return "The fee schedule (tensu-hyo) is not one of 1, 3, 4, 5, 6, 0.";
		case UKE_E_BAD_CODE7:
			return "The medical institution code is not 7 digits.";
		case UKE_E_BAD_SEX:
			return "The sex is not one digit.";
		case UKE_E_BAD_DAY:
			return "A day field is not a count, or names a day past the end of the claim's month.";
		case UKE_E_BEFORE_IR:
			return "A claim (RE) comes before any IR record.";
		case UKE_E_OUTSIDE_CLAIM:
			return "A claim's record comes before any RE record.";
		case UKE_E_NO_GO:
			return "The file ends without its GO record.";
		case UKE_E_BAD_TEXT:
			return "A text field is not valid Shift_JIS (CP932).";
	}
	return "Unknown error.";
}
