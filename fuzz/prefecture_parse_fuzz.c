/*-------------------------------------------------------------------------
 *
 * prefecture_parse_fuzz.c
 *	  Fuzz driver for the prefecture parser (src/prefecture_parse.c with
 *	  src/prefecture_match.c and src/prefecture_names.c, over ICU).
 *
 * prefecture_in() hands the parser whatever text a client sends, after
 * conversion to UTF-8.  Whatever the bytes, the parser must not read or
 * write outside them, must give a status it documents, and must be a
 * function of its input: the same bytes give the same answer, and every
 * answer it accepts names a prefecture whose kanji name reads back to it.
 *
 * scripts/fuzz.sh builds and runs every fuzz driver; the two lines below
 * tell it what this driver links besides src/prefecture_parse.c.
 * OW_FUZZ_SOURCES: src/prefecture_match.c src/prefecture_names.c
 * OW_FUZZ_PKGCONFIG: icu-uc icu-i18n
 *
 * Without libFuzzer, -DOW_FUZZ_STANDALONE gives a self-contained random
 * run: ./prefecture_parse_fuzz 1000000
 *
 *-------------------------------------------------------------------------
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "prefecture_names.h"
#include "prefecture_parse.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static PrefParseStatus
parse_copy(const uint8_t *data, size_t size, int *code)
{
	/* an exact-size heap copy, so ASan catches any read past the end */
	char	   *s = malloc(size ? size : 1);
	PrefParseStatus st;

	memcpy(s, data, size);
	*code = -1;
	st = pref_parse(s, size, code);
	free(s);
	return st;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	int			code;
	int			again;
	PrefParseStatus st = parse_copy(data, size, &code);

	if (st < PREF_PARSE_OK || st > PREF_PARSE_ICU_ERROR)
		abort();
	if (st == PREF_PARSE_ICU_ERROR && pref_parse_icu_error() == NULL)
		abort();
	if (st == PREF_PARSE_OK || st == PREF_PARSE_WRONG_SUFFIX)
	{
		if (code < 1 || code > PREF_NAME_COUNT)
			abort();
	}
	else if (code != 0)
		abort();
	if (size > PREF_PARSE_MAX_INPUT && st != PREF_PARSE_TOO_LONG)
		abort();

	/* no state carried from one call to the next */
	if (parse_copy(data, size, &again) != st || again != code)
		abort();

	/* an accepted spelling names a prefecture whose own name reads back */
	if (st == PREF_PARSE_OK)
	{
		const char *kanji = pref_names[code].kanji;

		if (parse_copy((const uint8_t *) kanji, strlen(kanji), &again) != PREF_PARSE_OK ||
			again != code)
			abort();
	}
	return 0;
}

#ifdef OW_FUZZ_STANDALONE
/*
 * Random inputs built mostly from pieces of real spellings (kanji, kana,
 * romaji, digits, white space), cut at any byte, so that near misses and
 * broken UTF-8 are both common.
 */
int
main(int argc, char **argv)
{
	static const char *const pieces[] = {
		"東京", "都", "府", "県", "道", "北海", "とうきょう", "ト", "ｳ", "ｷｮ",
		"Tōkyō", "Osaka", "-ken", " Prefecture", "JP-", "1", "3", "４", "７",
		" ", "\xe3\x80\x80", "ー", "ou", "Gumma", "\xff", "\xe3\x81", "\t",
	};
	long		iterations = argc > 1 ? atol(argv[1]) : 100000;
	uint8_t		buf[PREF_PARSE_MAX_INPUT + 16];
	long		ok = 0;

	srand(20250130);
	for (long i = 0; i < iterations; i++)
	{
		size_t		n = 0;
		int			parts = rand() % 6;
		int			code;

		for (int p = 0; p < parts; p++)
		{
			const char *piece = pieces[rand() % (int) (sizeof(pieces) / sizeof(pieces[0]))];
			size_t		len = strlen(piece);

			if (rand() % 8 == 0)
				len = (size_t) rand() % (len + 1);	/* cut mid-character */
			if (n + len > sizeof(buf))
				break;
			memcpy(buf + n, piece, len);
			n += len;
		}
		if (rand() % 64 == 0)
			n = sizeof(buf);	/* over the length limit */
		LLVMFuzzerTestOneInput(buf, n);
		ok += (pref_parse((const char *) buf, n, &code) == PREF_PARSE_OK);
	}
	pref_parse_cleanup();
	printf("%ld inputs, %ld read as a prefecture, no faults\n", iterations, ok);
	return 0;
}
#endif
