/*-------------------------------------------------------------------------
 *
 * prefecture_parse.c
 *	  Read a prefecture from UTF-8 text: the cheap paths for canonical input
 *	  and the ICU normalisation pipeline for everything else.
 *
 * Most data is already canonical (東京都, 13, Tokyo), so the order is:
 *
 *	1. trim ASCII white space and U+3000 byte-wise;
 *	2. pure ASCII: codes, JP-NN and romaji are matched in plain C, because
 *	   NFKC, case folding and Latin-ASCII are the identity or tolower there;
 *	3. other bytes: one hash lookup of the bytes as they are, which finds
 *	   canonical kanji and hiragana without touching ICU;
 *	4. otherwise ICU: UTF-8 to UTF-16 (which validates), NFKC_Casefold
 *	   (full-width digits and Latin, half-width kana, case, the ideographic
 *	   space); then for Latin, NFD with the marks dropped (Tōkyō) and
 *	   Latin-ASCII for what that leaves; for kana, a one-to-one katakana
 *	   fold and, if that finds nothing, ICU's Katakana-Hiragana, before the
 *	   kanji/hiragana match; as a last resort Hiragana-Latin into the
 *	   romaji matcher.
 *
 * ICU cannot read kanji in Japanese, so all matching is against our own
 * table (prefecture_match.c).  Transliterators cost 65-290 µs to open and
 * 1-3 µs to run, so each is opened on first need and kept for the life of
 * the process, and the cheap folds above spare them for common input; the
 * normalizers are ICU singletons.  Nothing here
 * allocates per call or can longjmp: buffers are fixed, sized from
 * PREF_PARSE_MAX_INPUT, and every ICU failure becomes a status.
 *
 *-------------------------------------------------------------------------
 */
#include "prefecture_parse.h"

#include <stdbool.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utrans.h>

#include "prefecture_match.h"

/*
 * After NFKC_Casefold and trimming, no spelling of a prefecture is longer
 * than this many UTF-16 units ("wakayama-ken prefecture" is 23); anything
 * longer is unknown without further work.
 */
#define NAME_MAX_UNITS 64

/* Worst NFKC_Casefold expansion of one unit is 18 (U+FDFA). */
#define NORM_CAP (PREF_PARSE_MAX_INPUT * 18)

/* Transliteration can grow text (ゃ → "ya"); 4x plus slack is ample. */
#define TRANS_CAP (NAME_MAX_UNITS * 4 + 16)

typedef enum Translit
{
	TR_KATAKANA_HIRAGANA,
	TR_LATIN_ASCII,
	TR_HIRAGANA_LATIN,
	TR_COUNT
} Translit;

static const char *const translit_ids[TR_COUNT] = {
	"Katakana-Hiragana",
	"Latin-ASCII",
	"Hiragana-Latin",
};

static UTransliterator *translits[TR_COUNT];
static UErrorCode last_icu_error = U_ZERO_ERROR;

static PrefParseStatus
icu_failed(UErrorCode st)
{
	last_icu_error = st;
	return PREF_PARSE_ICU_ERROR;
}

const char *
pref_parse_icu_error(void)
{
	return u_errorName(last_icu_error);
}

void
pref_parse_cleanup(void)
{
	int			i;

	for (i = 0; i < TR_COUNT; i++)
	{
		if (translits[i] != NULL)
			utrans_close(translits[i]);
		translits[i] = NULL;
	}
}

/*
 * Transliterate buf[0..*len) in place.  A failed open is not cached: the
 * next call tries again, so a transient failure (out of memory) is not
 * permanent for the backend.
 */
static bool
transliterate(Translit which, UChar *buf, int32_t *len, int32_t cap,
			  UErrorCode *st)
{
	int32_t		limit;

	if (translits[which] == NULL)
	{
		UChar		id[32];

		u_uastrncpy(id, translit_ids[which], 32);
		translits[which] = utrans_openU(id, -1, UTRANS_FORWARD, NULL, 0,
										NULL, st);
		if (U_FAILURE(*st))
		{
			translits[which] = NULL;
			return false;
		}
	}
	limit = *len;
	utrans_transUChars(translits[which], buf, len, cap, 0, &limit, st);
	return U_SUCCESS(*st);
}

static bool
is_ascii_units(const UChar *s, int32_t len)
{
	int32_t		i;

	for (i = 0; i < len; i++)
		if (s[i] >= 0x80)
			return false;
	return true;
}

static PrefParseStatus
match_ascii_units(const UChar *s, int32_t len, int *code)
{
	char		buf[TRANS_CAP];
	int32_t		i;

	if (len > TRANS_CAP)
		return PREF_PARSE_UNKNOWN;
	for (i = 0; i < len; i++)
		buf[i] = (char) s[i];
	return pref_match_ascii(buf, (size_t) len, code);
}

/*
 * Katakana to hiragana for the letters that map one to one (ァ..ヶ are
 * ぁ..ゖ shifted by 0x60), which is all ICU's Katakana-Hiragana does to
 * them; ー and the rarer marks are left for the loose match or for ICU.
 */
static void
fold_plain_katakana(UChar *s, int32_t len)
{
	int32_t		i;

	for (i = 0; i < len; i++)
		if (s[i] >= 0x30A1 && s[i] <= 0x30F6)
			s[i] -= 0x60;
}

static PrefParseStatus
match_japanese_units(const UChar *s, int32_t len, int *code)
{
	char		utf8[TRANS_CAP * 3];
	int32_t		u8len;
	UErrorCode	st = U_ZERO_ERROR;

	u_strToUTF8(utf8, (int32_t) sizeof(utf8), &u8len, s, len, &st);
	if (U_FAILURE(st))
		return icu_failed(st);
	return pref_match_japanese(utf8, (size_t) u8len, code);
}

/*
 * Accented or otherwise decorated Latin: Tōkyō, Tôkyô, Hokkaidō.  Macrons
 * and circumflexes are combining marks after NFD, and dropping them is a
 * tenth of the cost of Latin-ASCII; letters that do not decompose that way
 * (ß, ø, dashes) still go through Latin-ASCII.
 */
static PrefParseStatus
parse_decorated_latin(UChar *s, int32_t len, int *code)
{
	UChar		nfd[TRANS_CAP];
	int32_t		dlen,
				i,
				o = 0;
	UErrorCode	st = U_ZERO_ERROR;
	const UNormalizer2 *nfd_norm = unorm2_getNFDInstance(&st);

	if (U_FAILURE(st))
		return icu_failed(st);
	dlen = unorm2_normalize(nfd_norm, s, len, nfd, TRANS_CAP, &st);
	if (U_SUCCESS(st))
	{
		for (i = 0; i < dlen; i++)
			if (u_charType(nfd[i]) != U_NON_SPACING_MARK)
				nfd[o++] = nfd[i];
		if (is_ascii_units(nfd, o))
			return match_ascii_units(nfd, o, code);
	}
	else if (st != U_BUFFER_OVERFLOW_ERROR)
		return icu_failed(st);

	st = U_ZERO_ERROR;
	if (!transliterate(TR_LATIN_ASCII, s, &len, TRANS_CAP, &st))
		return st == U_BUFFER_OVERFLOW_ERROR ? PREF_PARSE_UNKNOWN :
			icu_failed(st);
	if (!is_ascii_units(s, len))
		return PREF_PARSE_UNKNOWN;
	return match_ascii_units(s, len, code);
}

/* Hiragana, possibly with ー, as Katakana-Hiragana leaves katakana input. */
static bool
is_all_hiragana(const UChar *s, int32_t len)
{
	int32_t		i;

	for (i = 0; i < len; i++)
		if (!(s[i] >= 0x3041 && s[i] <= 0x309F) && s[i] != 0x30FC)
			return false;
	return true;
}

/* Kana or CJK ideographs (NFKC has already widened half-width kana). */
static bool
is_japanese_unit(UChar c)
{
	return (c >= 0x3040 && c <= 0x30FF) ||	/* hiragana, katakana */
		(c >= 0x3400 && c <= 0x9FFF) || /* CJK ideographs */
		(c >= 0xF900 && c <= 0xFAFF) || /* compatibility ideographs */
		U16_IS_SURROGATE(c);	/* rare ideographs, outside the BMP */
}

/* The ICU half of pref_parse(): s is not pure ASCII and not canonical. */
static PrefParseStatus
parse_unicode(const char *s, size_t len, int *code)
{
	UChar		src[PREF_PARSE_MAX_INPUT];
	UChar		norm[NORM_CAP];
	UChar		work[TRANS_CAP];
	int32_t		srclen,
				nlen,
				wlen,
				start,
				i;
	bool		has_japanese = false,
				has_katakana = false;
	UErrorCode	st = U_ZERO_ERROR;
	const UNormalizer2 *nfkc_cf;
	PrefParseStatus result;

	/* UTF-8 never needs more UTF-16 units than it has bytes */
	u_strFromUTF8(src, PREF_PARSE_MAX_INPUT, &srclen, s, (int32_t) len, &st);
	if (st == U_INVALID_CHAR_FOUND || st == U_ILLEGAL_CHAR_FOUND ||
		st == U_TRUNCATED_CHAR_FOUND)
		return PREF_PARSE_BAD_ENCODING;
	if (U_FAILURE(st))
		return icu_failed(st);

	nfkc_cf = unorm2_getNFKCCasefoldInstance(&st);
	if (U_FAILURE(st))
		return icu_failed(st);
	nlen = unorm2_normalize(nfkc_cf, src, srclen, norm, NORM_CAP, &st);
	if (st == U_BUFFER_OVERFLOW_ERROR)
		return PREF_PARSE_UNKNOWN;
	if (U_FAILURE(st))
		return icu_failed(st);

	/* trim what Unicode calls white space (NBSP and friends, not only ASCII) */
	start = 0;
	while (start < nlen && u_isUWhiteSpace(norm[start]))
		start++;
	while (nlen > start && u_isUWhiteSpace(norm[nlen - 1]))
		nlen--;
	wlen = nlen - start;
	if (wlen == 0)
		return PREF_PARSE_EMPTY;
	if (wlen > NAME_MAX_UNITS)
		return PREF_PARSE_UNKNOWN;
	memcpy(work, norm + start, wlen * sizeof(UChar));

	for (i = 0; i < wlen; i++)
	{
		UChar		c = work[i];

		/* 﨑 has no NFKC mapping to 崎, but 長﨑 is common in real data */
		if (c == 0xFA11)
			work[i] = c = 0x5D0E;
		if (is_japanese_unit(c))
			has_japanese = true;
		if (c >= 0x30A0 && c <= 0x30FF)
			has_katakana = true;
	}

	/* full-width digits or Latin, NBSP, soft hyphens: ASCII after NFKC_CF */
	if (is_ascii_units(work, wlen))
		return match_ascii_units(work, wlen, code);

	if (!has_japanese)
		return parse_decorated_latin(work, wlen, code);

	/* address data often spaces out its parts: 大阪 府, 東　京　都 */
	for (i = 0, start = 0; i < wlen; i++)
		if (!u_isUWhiteSpace(work[i]))
			work[start++] = work[i];
	wlen = start;

	/*
	 * Katakana first through the cheap fold, and only if that finds nothing
	 * through ICU's Katakana-Hiragana, whose handling of ー by context the
	 * loose form only partly reproduces.
	 */
	if (has_katakana)
	{
		UChar		kana[NAME_MAX_UNITS];

		memcpy(kana, work, wlen * sizeof(UChar));
		fold_plain_katakana(kana, wlen);
		result = match_japanese_units(kana, wlen, code);
		if (result != PREF_PARSE_UNKNOWN)
			return result;
		if (!transliterate(TR_KATAKANA_HIRAGANA, work, &wlen, TRANS_CAP, &st))
			return st == U_BUFFER_OVERFLOW_ERROR ? PREF_PARSE_UNKNOWN :
				icu_failed(st);
	}

	result = match_japanese_units(work, wlen, code);
	if (result != PREF_PARSE_UNKNOWN || !is_all_hiragana(work, wlen))
		return result;

	/*
	 * Kana our loose hiragana form does not reach: spell it out in Latin
	 * and let the romaji folds try.
	 */
	if (!transliterate(TR_HIRAGANA_LATIN, work, &wlen, TRANS_CAP, &st))
		return st == U_BUFFER_OVERFLOW_ERROR ? PREF_PARSE_UNKNOWN :
			icu_failed(st);
	if (!is_ascii_units(work, wlen))
		return PREF_PARSE_UNKNOWN;
	return match_ascii_units(work, wlen, code);
}

static inline bool
is_ascii_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' ||
		c == '\f';
}

/* U+3000 IDEOGRAPHIC SPACE in UTF-8 */
static inline bool
is_ideographic_space(const char *s, size_t avail)
{
	return avail >= 3 && (unsigned char) s[0] == 0xE3 &&
		(unsigned char) s[1] == 0x80 && (unsigned char) s[2] == 0x80;
}

PrefParseStatus
pref_parse(const char *str, size_t len, int *code)
{
	const char *s = str;
	const char *end = str + len;
	const char *p;
	bool		ascii = true;
	int			found;

	*code = 0;
	if (len > PREF_PARSE_MAX_INPUT)
		return PREF_PARSE_TOO_LONG;

	for (;;)
	{
		if (s < end && is_ascii_space(*s))
			s++;
		else if (is_ideographic_space(s, end - s))
			s += 3;
		else
			break;
	}
	for (;;)
	{
		if (end > s && is_ascii_space(end[-1]))
			end--;
		else if (end - s >= 3 && is_ideographic_space(end - 3, 3))
			end -= 3;
		else
			break;
	}
	if (s == end)
		return PREF_PARSE_EMPTY;

	for (p = s; p < end; p++)
		if ((unsigned char) *p >= 0x80 || (unsigned char) *p < 0x20)
		{
			ascii = false;
			break;
		}
	if (ascii)
		return pref_match_ascii(s, end - s, code);

	/* canonical kanji and hiragana: no ICU at all */
	if ((found = pref_lookup_exact(s, end - s)) != 0)
	{
		*code = found;
		return PREF_PARSE_OK;
	}
	return parse_unicode(s, end - s, code);
}
