/*-------------------------------------------------------------------------
 *
 * medical_institution_code_parse.c
 *	  Read a 医療機関コード from UTF-8 text; the 点数表 kinds.
 *
 * Codes come from HIS masters, spreadsheets and the regional health
 * bureaus' lists (地方厚生局 コード内容別医療機関一覧表), which write them
 * with or without separators ("13-1-1234567", "01,2345,6") and, typed on a
 * Japanese keyboard, in full-width digits with ー for a hyphen.  Every such
 * spelling reads as the same ten digits.  One pass over the bytes, no
 * allocation: the input is bounded (MIC_PARSE_MAX_INPUT) before it is read.
 *
 * The check digit (検証番号) is not checked: its algorithm is not
 * published in a form we could confirm, and a Luhn-like sum that fits most
 * prefectures' public lists does not fit them all (field notes, §2), so a
 * check would refuse real facilities.
 *
 *-------------------------------------------------------------------------
 */
#include "medical_institution_code_parse.h"

#include <stdbool.h>
#include <string.h>

const MicKind mic_kinds[MIC_KIND_COUNT] = {
	{0, "midwifery", "助産所"},
	{1, "medical", "医科"},
	{3, "dental", "歯科"},
	{4, "pharmacy", "調剤"},
	{5, "geriatric_health_facility", "老人保健施設"},
	{6, "home_nursing", "訪問看護ステーション"},
};

const MicKind *
mic_kind_by_digit(int digit)
{
	for (int i = 0; i < MIC_KIND_COUNT; i++)
		if (mic_kinds[i].digit == digit)
			return &mic_kinds[i];
	return NULL;
}

/* What one character of the input is. */
typedef enum CharClass
{
	CC_DIGIT,
	CC_SPACE,					/* white space: allowed at the ends too */
	CC_SEPARATOR,				/* between digits only */
	CC_OTHER
} CharClass;

/*
 * Classify the character at s[0..avail): its class, its length in bytes
 * and, for a digit, its value.  Full-width digits are U+FF10..FF19; the
 * separators are the hyphens, dashes, dots, commas and slashes people put
 * between the groups, in both widths, and ー (U+30FC, ｰ U+FF70), which a
 * Japanese keyboard gives for the minus key.
 */
static CharClass
classify(const unsigned char *s, size_t avail, int *nbytes, int *value)
{
	*nbytes = 1;
	if (s[0] >= '0' && s[0] <= '9')
	{
		*value = s[0] - '0';
		return CC_DIGIT;
	}
	if (s[0] == ' ' || s[0] == '\t' || s[0] == '\r' || s[0] == '\n')
		return CC_SPACE;
	if (s[0] == '-' || s[0] == '.' || s[0] == ',' || s[0] == '/')
		return CC_SEPARATOR;
	if (s[0] < 0x80 || avail < 3)
		return CC_OTHER;
	*nbytes = 3;
	if (s[0] == 0xEF && s[1] == 0xBC && s[2] >= 0x90 && s[2] <= 0x99)
	{
		*value = s[2] - 0x90;	/* ０..９ */
		return CC_DIGIT;
	}
	if (s[0] == 0xE3 && s[1] == 0x80 && s[2] == 0x80)
		return CC_SPACE;		/* U+3000 */
	if ((s[0] == 0xEF && s[1] == 0xBC && s[2] >= 0x8C && s[2] <= 0x8F) ||	/* ，－．／ */
		(s[0] == 0xE2 && s[1] == 0x80 && s[2] >= 0x90 && s[2] <= 0x95) ||	/* ‐..― */
		(s[0] == 0xE2 && s[1] == 0x88 && s[2] == 0x92) ||	/* − */
		(s[0] == 0xE3 && s[1] == 0x83 && (s[2] == 0xBC || s[2] == 0xBB)) ||	/* ー・ */
		(s[0] == 0xEF && s[1] == 0xBD && (s[2] == 0xB0 || s[2] == 0xA5)))	/* ｰ･ */
		return CC_SEPARATOR;
	*nbytes = 1;
	return CC_OTHER;
}

/*
 * The digits of str[0..len), up to max_digits of them kept in *number;
 * *ndigits counts them all.  A separator must stand between two digits.
 */
static MicParseStatus
read_digits(const char *str, size_t len, int max_digits, int64_t *number,
			int *ndigits, int *detail)
{
	const unsigned char *s = (const unsigned char *) str;
	size_t		i = 0;
	long		pending_separator = -1; /* offset of one not yet followed by a
										 * digit */
	bool		any = false;

	*number = 0;
	*ndigits = 0;
	*detail = 0;
	if (len > MIC_PARSE_MAX_INPUT)
		return MIC_PARSE_TOO_LONG;
	while (i < len)
	{
		int			nbytes;
		int			value = 0;

		switch (classify(s + i, len - i, &nbytes, &value))
		{
			case CC_DIGIT:
				if (*ndigits < max_digits)
					*number = *number * 10 + value;
				(*ndigits)++;
				any = true;
				pending_separator = -1;
				break;
			case CC_SPACE:
				break;
			case CC_SEPARATOR:
				if (!any)
				{
					*detail = (int) i;
					return MIC_PARSE_BAD_CHARACTER;
				}
				if (pending_separator < 0)
					pending_separator = (long) i;
				break;
			case CC_OTHER:
				*detail = (int) i;
				return MIC_PARSE_BAD_CHARACTER;
		}
		i += nbytes;
	}
	if (pending_separator >= 0)
	{
		*detail = (int) pending_separator;
		return MIC_PARSE_BAD_CHARACTER;
	}
	if (!any)
		return MIC_PARSE_EMPTY;
	if (*ndigits != max_digits)
	{
		*detail = *ndigits;
		return MIC_PARSE_WRONG_LENGTH;
	}
	return MIC_PARSE_OK;
}

int
mic_is_valid(int64_t code)
{
	return code >= MIC_MIN && code <= MIC_MAX &&
		mic_kind_by_digit((int) ((code / 10000000) % 10)) != NULL;
}

MicParseStatus
mic_parse(const char *str, size_t len, int64_t *code, int *detail)
{
	int64_t		number;
	int			ndigits;
	int			prefecture;
	MicParseStatus status;

	*code = 0;
	status = read_digits(str, len, MIC_DIGITS, &number, &ndigits, detail);
	if (status != MIC_PARSE_OK)
		return status;
	prefecture = (int) (number / 100000000);
	if (prefecture < 1 || prefecture > 47)
	{
		*detail = prefecture;
		return MIC_PARSE_BAD_PREFECTURE;
	}
	if (mic_kind_by_digit((int) ((number / 10000000) % 10)) == NULL)
	{
		*detail = (int) ((number / 10000000) % 10);
		return MIC_PARSE_BAD_KIND;
	}
	*code = number;
	return MIC_PARSE_OK;
}

MicParseStatus
mic_parse_local(const char *str, size_t len, int32_t *local, int *detail)
{
	int64_t		number;
	int			ndigits;
	MicParseStatus status;

	status = read_digits(str, len, MIC_LOCAL_DIGITS, &number, &ndigits, detail);
	*local = status == MIC_PARSE_OK ? (int32_t) number : 0;
	return status;
}

/* ASCII case-insensitive equality of s[0..len) and a lower-case word. */
static bool
ascii_word_is(const char *s, size_t len, const char *word)
{
	if (strlen(word) != len)
		return false;
	for (size_t i = 0; i < len; i++)
	{
		char		c = s[i];

		if (c >= 'A' && c <= 'Z')
			c += 'a' - 'A';
		if (c != word[i])
			return false;
	}
	return true;
}

const MicKind *
mic_parse_kind(const char *str, size_t len)
{
	/* Japanese names people use for each 点数表, beside mic_kinds' own */
	static const struct
	{
		const char *name;
		int			digit;
	}			aliases[] = {
		{"薬局", 4}, {"保険薬局", 4}, {"老健", 5}, {"介護老人保健施設", 5},
		{"訪問看護", 6}, {"助産院", 0},
	};
	int64_t		number;
	int			ndigits;
	int			detail;

	if (len > MIC_PARSE_MAX_INPUT)
		return NULL;
	/* trim white space, ASCII and U+3000 */
	while (len > 0 && (*str == ' ' || *str == '\t'))
		str++, len--;
	while (len >= 3 && memcmp(str, "\xE3\x80\x80", 3) == 0)
		str += 3, len -= 3;
	while (len > 0 && (str[len - 1] == ' ' || str[len - 1] == '\t'))
		len--;
	while (len >= 3 && memcmp(str + len - 3, "\xE3\x80\x80", 3) == 0)
		len -= 3;

	if (read_digits(str, len, 1, &number, &ndigits, &detail) == MIC_PARSE_OK)
		return mic_kind_by_digit((int) number);
	for (int i = 0; i < MIC_KIND_COUNT; i++)
		if (ascii_word_is(str, len, mic_kinds[i].label) ||
			(strlen(mic_kinds[i].label_ja) == len &&
			 memcmp(str, mic_kinds[i].label_ja, len) == 0))
			return &mic_kinds[i];
	for (size_t i = 0; i < sizeof(aliases) / sizeof(aliases[0]); i++)
		if (strlen(aliases[i].name) == len && memcmp(str, aliases[i].name, len) == 0)
			return mic_kind_by_digit(aliases[i].digit);
	return NULL;
}

void
mic_format(int64_t code, char *buf)
{
	for (int i = MIC_DIGITS - 1; i >= 0; i--)
	{
		buf[i] = (char) ('0' + code % 10);
		code /= 10;
	}
	buf[MIC_DIGITS] = '\0';
}
