/*-------------------------------------------------------------------------
 *
 * address_parse.c
 *	  The prefecture a Japanese address starts with (address_prefecture()).
 *
 * HIS facility tables and the regional health bureaus' lists write a
 * facility's address in two ways: from the prefecture (東京都千代田区…) or,
 * in a list of one prefecture, from the municipality (千代田区…, 札幌市中央区…,
 * 虻田郡洞爺湖町…), often after the postal code.  So, in order:
 *
 *	1. white space, then an optional postal code: 〒, then 3 digits, a hyphen
 *	   and 4 digits (the hyphen optional; digits and hyphen in either width,
 *	   ー too, as a Japanese keyboard types it), then white space;
 *	2. a prefecture's full name (東京都; short forms are not read: 京都市
 *	   and 石川町 (福島県) start with 京都 and 石川);
 *	3. the longest municipality name the address starts with, from the
 *	   generated table (municipality_names.c); a name that is several
 *	   prefectures' municipality (府中市) answers nothing rather than one of
 *	   them;
 *	4. a 郡 of up to five characters and a town or village name after it.
 *
 * Tokyo's special wards are municipalities; the wards of designated cities
 * are not, and an address names the city first (札幌市中央区), so a bare
 * 中央区 is Tokyo's.  ヶ and ヵ read as ケ and カ (龍ヶ崎市 is 龍ケ崎市).
 *
 * Work is bounded: only ADDR_PARSE_SCAN_BYTES of the input are looked at,
 * and each name lookup is a binary search.
 *
 *-------------------------------------------------------------------------
 */
#include "address_parse.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "municipality_names.h"
#include "prefecture_names.h"

/* The most characters before 郡 in a 郡 name (西白河郡, 北松浦郡: 3). */
#define GUN_MAX_CHARS 5

/*
 * The code point at s[*i..len), advancing *i; a byte that starts no valid
 * UTF-8 sequence is returned as itself and advances by one, so that it
 * matches nothing but never stops the scan.
 */
static uint32_t
next_char(const unsigned char *s, size_t len, size_t *i)
{
	unsigned char c = s[*i];
	int			n;
	uint32_t	cp;

	if (c < 0x80)
	{
		(*i)++;
		return c;
	}
	if (c >= 0xC2 && c <= 0xDF)
		n = 1, cp = c & 0x1F;
	else if (c >= 0xE0 && c <= 0xEF)
		n = 2, cp = c & 0x0F;
	else if (c >= 0xF0 && c <= 0xF4)
		n = 3, cp = c & 0x07;
	else
	{
		(*i)++;
		return 0xFFFD;
	}
	if (*i + n >= len)
	{
		(*i)++;
		return 0xFFFD;
	}
	for (int k = 1; k <= n; k++)
	{
		if ((s[*i + k] & 0xC0) != 0x80)
		{
			(*i)++;
			return 0xFFFD;
		}
		cp = (cp << 6) | (s[*i + k] & 0x3F);
	}
	*i += n + 1;
	return cp;
}

static bool
is_space(uint32_t c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0x3000;
}

/* A digit of either width: its value, or -1. */
static int
digit_value(uint32_t c)
{
	if (c >= '0' && c <= '9')
		return (int) (c - '0');
	if (c >= 0xFF10 && c <= 0xFF19)
		return (int) (c - 0xFF10);
	return -1;
}

static bool
is_hyphen(uint32_t c)
{
	return c == '-' || c == 0xFF0D || (c >= 0x2010 && c <= 0x2015) ||
		c == 0x2212 || c == 0x30FC || c == 0xFF70;
}

static size_t
skip_spaces(const unsigned char *s, size_t len, size_t i)
{
	while (i < len)
	{
		size_t		next = i;

		if (!is_space(next_char(s, len, &next)))
			break;
		i = next;
	}
	return i;
}

/* After n digits from s[*i], *i is past them; false if fewer are there. */
static bool
skip_digits(const unsigned char *s, size_t len, size_t *i, int n)
{
	for (int k = 0; k < n; k++)
	{
		if (*i >= len || digit_value(next_char(s, len, i)) < 0)
			return false;
	}
	return true;
}

/* Past "〒", a postal code and white space, or i itself if none is there. */
static size_t
skip_postal_code(const unsigned char *s, size_t len, size_t i)
{
	size_t		after_mark = i;
	size_t		j = i;
	size_t		k;

	if (j < len && next_char(s, len, &j) == 0x3012)	/* 〒 */
		after_mark = skip_spaces(s, len, j);
	j = after_mark;
	if (!skip_digits(s, len, &j, 3))
		return after_mark;
	k = j;
	if (k < len && is_hyphen(next_char(s, len, &k)))
		j = k;
	if (!skip_digits(s, len, &j, 4))
		return after_mark;
	/* a fifth digit: no postal code (a house number of some sort) */
	k = j;
	if (k < len && digit_value(next_char(s, len, &k)) >= 0)
		return after_mark;
	return skip_spaces(s, len, j);
}

/*
 * name[0..len) folded as the table is (ヶ → ケ, ヵ → カ, all three bytes in
 * UTF-8, so offsets do not move), into out[0..len).
 */
static void
fold_kana(const unsigned char *name, size_t len, unsigned char *out)
{
	memcpy(out, name, len);
	for (size_t i = 0; i + 2 < len; i++)
	{
		/* ヶ E3 83 B6 → ケ E3 82 B1; ヵ E3 83 B5 → カ E3 82 AB */
		if (out[i] == 0xE3 && out[i + 1] == 0x83 && out[i + 2] == 0xB6)
			out[i + 1] = 0x82, out[i + 2] = 0xB1;
		else if (out[i] == 0xE3 && out[i + 1] == 0x83 && out[i + 2] == 0xB5)
			out[i + 1] = 0x82, out[i + 2] = 0xAB;
	}
}

/* The table entry whose name is exactly key[0..len), or NULL. */
static const MunicipalityName *
find_municipality(const unsigned char *key, size_t len)
{
	int			lo = 0,
				hi = municipality_name_count - 1;

	while (lo <= hi)
	{
		int			mid = lo + (hi - lo) / 2;
		const char *name = municipality_names[mid].name;
		size_t		nlen = strlen(name);
		int			cmp = memcmp(key, name, len < nlen ? len : nlen);

		if (cmp == 0)
			cmp = len < nlen ? -1 : len > nlen ? 1 : 0;
		if (cmp == 0)
			return &municipality_names[mid];
		if (cmp < 0)
			hi = mid - 1;
		else
			lo = mid + 1;
	}
	return NULL;
}

/*
 * The longest municipality name s[i..len) starts with (a town or village
 * only, if towns_only), or NULL.  A name ends at 市, 区, 町 or 村, so only
 * the prefixes ending there are looked up.
 */
static const MunicipalityName *
longest_municipality(const unsigned char *s, size_t len, size_t i,
					 bool towns_only)
{
	unsigned char folded[MUNICIPALITY_NAME_MAX_BYTES];
	size_t		avail = len - i < sizeof(folded) ? len - i : sizeof(folded);
	const MunicipalityName *found = NULL;
	size_t		j = 0;

	fold_kana(s + i, avail, folded);
	while (j < avail)
	{
		uint32_t	c = next_char(folded, avail, &j);

		if (c == 0x5E02 /* 市 */ || c == 0x533A /* 区 */ ||
			c == 0x753A /* 町 */ || c == 0x6751 /* 村 */ )
		{
			const MunicipalityName *m;

			if (towns_only && c != 0x753A && c != 0x6751)
				continue;
			m = find_municipality(folded, j);
			if (m != NULL)
				found = m;
		}
	}
	return found;
}

int
addr_prefecture(const char *str, size_t len)
{
	const unsigned char *s = (const unsigned char *) str;
	const MunicipalityName *m;
	size_t		i;

	if (len > ADDR_PARSE_SCAN_BYTES)
		len = ADDR_PARSE_SCAN_BYTES;
	i = skip_postal_code(s, len, skip_spaces(s, len, 0));

	for (int code = 1; code <= PREF_NAME_COUNT; code++)
	{
		const char *name = pref_names[code].kanji;
		size_t		nlen = strlen(name);

		if (len - i >= nlen && memcmp(s + i, name, nlen) == 0)
			return code;
	}

	m = longest_municipality(s, len, i, false);
	if (m != NULL)
		return m->prefecture;

	/* 郡 (E9 83 A1) after one to GUN_MAX_CHARS characters */
	for (size_t j = i, chars = 0; j < len && chars <= GUN_MAX_CHARS; chars++)
	{
		uint32_t	c = next_char(s, len, &j);

		if (c == 0x90E1 && chars > 0)
		{
			m = longest_municipality(s, len, skip_spaces(s, len, j), true);
			return m != NULL ? m->prefecture : 0;
		}
		if (is_space(c) || digit_value(c) >= 0)
			break;
	}
	return 0;
}
