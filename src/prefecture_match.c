/*-------------------------------------------------------------------------
 *
 * prefecture_match.c
 *	  Matching normalised prefecture spellings against the name table.
 *
 * Every accepted spelling of every prefecture is put once, lazily, into a
 * small open-addressing hash table keyed by bytes: kanji (with and without
 * the suffix, and with the 﨑 variant), hiragana (with and without the
 * suffix reading, and in the "loose" form described below) and romaji keys.
 * The caller hands us text that ICU has already normalised (or that needed
 * no normalisation), so a lookup is one hash and one memcmp.
 *
 * Romaji keys fold the many ways long vowels and suffixes are written into
 * one spelling: "Tōkyō" (after Latin-ASCII), "Toukyou", "Tohkyoh", "TOKYO",
 * "Tokyo-to", "TOKYO TO", "Gumma" and wapuro output of ICU's Hiragana-Latin
 * all reach "tokyo" or "tokyoto".  None of the 47 Hepburn names contains
 * "oh", "ou", "oo" or "uu", so collapsing those cannot merge two names;
 * pref_match_collisions() proves it for the table as built.
 *
 * Plain C: no ICU, no PostgreSQL.
 *
 *-------------------------------------------------------------------------
 */
#include "prefecture_match.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "prefecture_names.h"

/* Longest key we ever build; longer text cannot be a prefecture. */
#define KEY_MAX 128

#define ALIAS_SLOTS 1024		/* power of two, about 3x the aliases */
#define POOL_SIZE 16384

typedef struct AliasSlot
{
	const char *key;
	unsigned char len;
	unsigned char code;
} AliasSlot;

static AliasSlot alias_slots[ALIAS_SLOTS];
static char alias_pool[POOL_SIZE];
static size_t alias_pool_used;
static bool alias_built;
static int	alias_collisions;

static void build_aliases(void);

/* FNV-1a: short keys, no need for anything stronger. */
static inline uint32_t
key_hash(const char *s, size_t len)
{
	uint32_t	h = 2166136261u;

	while (len-- > 0)
		h = (h ^ (unsigned char) *s++) * 16777619u;
	return h;
}

static int
lookup(const char *s, size_t len)
{
	uint32_t	i;

	if (!alias_built)
		build_aliases();
	if (len == 0 || len > KEY_MAX)
		return 0;
	for (i = key_hash(s, len) & (ALIAS_SLOTS - 1);
		 alias_slots[i].key != NULL;
		 i = (i + 1) & (ALIAS_SLOTS - 1))
	{
		if (alias_slots[i].len == len &&
			memcmp(alias_slots[i].key, s, len) == 0)
			return alias_slots[i].code;
	}
	return 0;
}

static void
add_alias(const char *s, size_t len, int code)
{
	uint32_t	i;
	char	   *copy;

	if (len == 0 || len > KEY_MAX || alias_pool_used + len > POOL_SIZE)
	{
		alias_collisions++;		/* reported by pref_match_collisions() */
		return;
	}
	for (i = key_hash(s, len) & (ALIAS_SLOTS - 1);
		 alias_slots[i].key != NULL;
		 i = (i + 1) & (ALIAS_SLOTS - 1))
	{
		if (alias_slots[i].len == len &&
			memcmp(alias_slots[i].key, s, len) == 0)
		{
			if (alias_slots[i].code != code)
				alias_collisions++;
			return;
		}
	}
	copy = alias_pool + alias_pool_used;
	memcpy(copy, s, len);
	alias_pool_used += len;
	alias_slots[i].key = copy;
	alias_slots[i].len = (unsigned char) len;
	alias_slots[i].code = (unsigned char) code;
}

/* ---------------------------------------------------------------------
 * Hiragana: the loose form
 *
 * ICU's Katakana-Hiragana turns the long-vowel mark ー into the vowel
 * before it, so トーキョー arrives as とおきょお while the table says
 * とうきょう.  Writing う after an o-row kana as お (and any ー left there
 * as お too) on both sides makes the two meet without a round trip
 * through Latin.
 * ---------------------------------------------------------------------
 */

/* ぉ お こ ご そ ぞ と ど の ほ ぼ ぽ も ょ よ ろ を: the kana ending in o */
static const uint16_t o_row_kana[] = {
	0x3049, 0x304A, 0x3053, 0x3054, 0x305D, 0x305E, 0x3068, 0x3069, 0x306E,
	0x307B, 0x307C, 0x307D, 0x3082, 0x3087, 0x3088, 0x308D, 0x3092
};

static bool
is_o_row(uint32_t cp)
{
	size_t		i;

	for (i = 0; i < sizeof(o_row_kana) / sizeof(o_row_kana[0]); i++)
		if (o_row_kana[i] == cp)
			return true;
	return false;
}

/*
 * Copy s to out in loose form; returns the length, or 0 if s is not the
 * well-formed UTF-8 we were promised or out would overflow.  Only
 * three-byte sequences (the kana block) are ever rewritten, so other bytes
 * are copied as they are.
 */
static size_t
loose_hiragana(const char *s, size_t len, char *out, size_t outcap)
{
	size_t		i = 0,
				o = 0;
	uint32_t	prev = 0;

	if (len > outcap)
		return 0;
	while (i < len)
	{
		unsigned char c = (unsigned char) s[i];
		uint32_t	cp;

		if ((c & 0xF0) == 0xE0 && i + 2 < len)
		{
			cp = ((c & 0x0Fu) << 12) |
				(((unsigned char) s[i + 1] & 0x3Fu) << 6) |
				((unsigned char) s[i + 2] & 0x3Fu);
			if ((cp == 0x3046 || cp == 0x30FC) && is_o_row(prev))
				cp = 0x304A;
			out[o++] = (char) (0xE0 | (cp >> 12));
			out[o++] = (char) (0x80 | ((cp >> 6) & 0x3F));
			out[o++] = (char) (0x80 | (cp & 0x3F));
			i += 3;
			/* a rewritten お keeps the o-row context going: とおお */
			prev = cp;
		}
		else
		{
			out[o++] = s[i++];
			prev = 0;
		}
	}
	return o;
}

/* ---------------------------------------------------------------------
 * Romaji keys
 * ---------------------------------------------------------------------
 */

static bool
ends_with(const char *s, size_t len, const char *tail, size_t tlen)
{
	return len > tlen && memcmp(s + len - tlen, tail, tlen) == 0;
}

/*
 * Build the romaji key of printable ASCII text: letters lower-cased,
 * separators (space, hyphen, dot, apostrophe, underscore) dropped, a
 * trailing "prefecture", "pref" or "metropolis" removed, then the long
 * vowel and Hepburn folds of the file header.  Returns the key length, or
 * 0 if the text holds anything but letters and separators.
 */
static size_t
romaji_key(const char *s, size_t len, char *out)
{
	char		raw[KEY_MAX];
	size_t		n = 0,
				i,
				o = 0;

	for (i = 0; i < len; i++)
	{
		char		c = s[i];

		if (c >= 'A' && c <= 'Z')
			c = (char) (c - 'A' + 'a');
		if (c >= 'a' && c <= 'z')
		{
			if (n >= KEY_MAX)
				return 0;
			raw[n++] = c;
		}
		else if (c != ' ' && c != '-' && c != '.' && c != '\'' && c != '_' &&
				 c != '\t')
			return 0;
	}

	/* English descriptors; the Japanese suffix may stand before them */
	if (ends_with(raw, n, "prefecture", 10))
		n -= 10;
	else if (ends_with(raw, n, "metropolis", 10))
		n -= 10;
	else if (ends_with(raw, n, "pref", 4))
		n -= 4;

	for (i = 0; i < n; i++)
	{
		char		c = raw[i];
		char		prev = o > 0 ? out[o - 1] : '\0';

		/* ō spelt oh, ou, oo; ū spelt uu */
		if (prev == 'o' && (c == 'h' || c == 'u' || c == 'o'))
			continue;
		if (prev == 'u' && c == 'u')
			continue;
		/* traditional Hepburn writes ん as m before b, m, p: Gumma */
		if (c == 'm' && i + 1 < n &&
			(raw[i + 1] == 'b' || raw[i + 1] == 'm' || raw[i + 1] == 'p'))
			c = 'n';
		out[o++] = c;
	}
	return o;
}

/* ---------------------------------------------------------------------
 * Building the table
 * ---------------------------------------------------------------------
 */

static void
add_str(const char *s, int code)
{
	if (s != NULL)
		add_alias(s, strlen(s), code);
}

/* 長崎 and 宮崎 are also written with 﨑 (U+FA11), which NFKC leaves alone. */
static void
add_saki_variant(const char *s, int code)
{
	static const char saki[] = "崎";
	static const char saki_variant[] = "\xEF\xA8\x91";	/* U+FA11 */
	const char *p;
	char		buf[KEY_MAX];
	size_t		len,
				at;

	if (s == NULL || (p = strstr(s, saki)) == NULL)
		return;
	len = strlen(s);
	at = (size_t) (p - s);
	memcpy(buf, s, len);
	memcpy(buf + at, saki_variant, 3);
	add_alias(buf, len, code);
}

static void
add_reading(const char *s, int code)
{
	char		buf[KEY_MAX];
	size_t		len;

	if (s == NULL)
		return;
	add_str(s, code);
	len = loose_hiragana(s, strlen(s), buf, sizeof(buf));
	add_alias(buf, len, code);
}

static void
add_romaji(const char *romaji, const char *suffix, int code)
{
	char		joined[KEY_MAX];
	char		key[KEY_MAX];
	size_t		len;

	len = romaji_key(romaji, strlen(romaji), key);
	add_alias(key, len, code);
	if (suffix != NULL)
	{
		/* the key of "Tokyo" + "to", the way every suffixed form reaches it */
		snprintf(joined, sizeof(joined), "%s-%s", romaji, suffix);
		len = romaji_key(joined, strlen(joined), key);
		add_alias(key, len, code);
	}
}

static void
build_aliases(void)
{
	int			code;

	for (code = 1; code <= PREF_NAME_COUNT; code++)
	{
		const PrefectureName *p = &pref_names[code];

		add_str(p->kanji, code);
		add_str(p->kanji_short, code);
		add_saki_variant(p->kanji, code);
		add_saki_variant(p->kanji_short, code);
		add_reading(p->reading, code);
		add_reading(p->reading_short, code);
		/* 北海道 already ends in its suffix: Hokkaido is Hokkai-do */
		add_romaji(p->romaji,
				   p->kanji_short ? pref_suffix_romaji(p->suffix) : NULL,
				   code);
	}
	alias_built = true;
}

int
pref_match_collisions(void)
{
	if (!alias_built)
		build_aliases();
	return alias_collisions;
}

/* ---------------------------------------------------------------------
 * Matchers
 * ---------------------------------------------------------------------
 */

int
pref_lookup_exact(const char *s, size_t len)
{
	return lookup(s, len);
}

static int
lookup_japanese(const char *s, size_t len)
{
	char		loose[KEY_MAX];
	size_t		llen;
	int			code = lookup(s, len);

	if (code != 0)
		return code;
	llen = loose_hiragana(s, len, loose, sizeof(loose));
	return llen > 0 ? lookup(loose, llen) : 0;
}

PrefParseStatus
pref_match_japanese(const char *s, size_t len, int *code)
{
	/* longest first, so that どう is tried before a bare trailing う */
	static const char *const suffixes[] = {
		"けん", "どう", "都", "道", "府", "県", "と", "ふ"
	};
	size_t		i;

	*code = lookup_japanese(s, len);
	if (*code != 0)
		return PREF_PARSE_OK;

	/*
	 * A known name with a wrong or doubled suffix (東京県, 東京都都,
	 * とうきょうけん) deserves a better message than "unknown".
	 */
	for (i = 0; i < sizeof(suffixes) / sizeof(suffixes[0]); i++)
	{
		size_t		slen = strlen(suffixes[i]);

		if (ends_with(s, len, suffixes[i], slen) &&
			(*code = lookup_japanese(s, len - slen)) != 0)
			return PREF_PARSE_WRONG_SUFFIX;
	}
	*code = 0;
	return PREF_PARSE_UNKNOWN;
}

/*
 * Digits only, possibly signed: a code 1..47 in one or two digits ("1",
 * "01", "13"), anything else numeric is out of range.  No conversion to an
 * integer happens, so no input can overflow.
 */
static PrefParseStatus
match_number(const char *s, size_t len, int *code)
{
	size_t		i;

	for (i = 0; i < len; i++)
		if (s[i] < '0' || s[i] > '9')
			return PREF_PARSE_BAD_NUMBER;
	if (len == 1)
		*code = s[0] - '0';
	else if (len == 2)
		*code = (s[0] - '0') * 10 + (s[1] - '0');
	else
		return PREF_PARSE_BAD_NUMBER;
	if (*code < 1 || *code > PREF_NAME_COUNT)
	{
		*code = 0;
		return PREF_PARSE_BAD_NUMBER;
	}
	return PREF_PARSE_OK;
}

PrefParseStatus
pref_match_ascii(const char *s, size_t len, int *code)
{
	static const char *const suffixes[] = {"ken", "fu", "to", "do"};
	char		key[KEY_MAX];
	size_t		klen,
				i;

	*code = 0;
	if (len == 0)
		return PREF_PARSE_EMPTY;

	/* a code, or what was meant as one: 13, 01, -1, +5, 3.5 */
	if ((s[0] >= '0' && s[0] <= '9') ||
		((s[0] == '-' || s[0] == '+') && len > 1 && s[1] >= '0' && s[1] <= '9'))
		return match_number(s, len, code);

	/* ISO 3166-2: JP-13 */
	if (len > 3 && (s[0] == 'J' || s[0] == 'j') && (s[1] == 'P' || s[1] == 'p') &&
		s[2] == '-' && s[3] >= '0' && s[3] <= '9')
		return match_number(s + 3, len - 3, code);

	klen = romaji_key(s, len, key);
	if (klen == 0)
		return PREF_PARSE_UNKNOWN;
	if ((*code = lookup(key, klen)) != 0)
		return PREF_PARSE_OK;

	/* Osaka-ken, Tokyo-to-to: a known name with the wrong suffix */
	for (i = 0; i < sizeof(suffixes) / sizeof(suffixes[0]); i++)
	{
		size_t		slen = strlen(suffixes[i]);

		if (ends_with(key, klen, suffixes[i], slen) &&
			(*code = lookup(key, klen - slen)) != 0)
			return PREF_PARSE_WRONG_SUFFIX;
	}
	*code = 0;
	return PREF_PARSE_UNKNOWN;
}
