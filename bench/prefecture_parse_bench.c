/*-------------------------------------------------------------------------
 *
 * prefecture_parse_bench.c
 *	  Time pref_parse() per input form, outside the server, and feed it odd
 *	  input for leak and memory checkers.
 *
 * Usage: prefecture_parse_bench [-n values] [-r runs]   time each form
 *        prefecture_parse_bench --odd                   odd-input batch only
 *
 * Every form is checked to give the expected code before it is timed, so a
 * fast wrong answer cannot pass as a result.
 *
 *-------------------------------------------------------------------------
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <unicode/uclean.h>

#include "prefecture_match.h"
#include "prefecture_names.h"
#include "prefecture_parse.h"

typedef struct Form
{
	const char *label;
	const char *input;
	int			code;
} Form;

/* The forms the issue asks figures for, in its order. */
static const Form forms[] = {
	{"code", "13", 13},
	{"kanji", "東京都", 13},
	{"kanji short", "東京", 13},
	{"hiragana", "とうきょうと", 13},
	{"katakana", "トウキョウ", 13},
	{"half-width katakana", "ﾄｳｷｮｳﾄ", 13},
	{"romaji", "Tokyo", 13},
	{"Japan Post romaji", "TOKYO TO", 13},
	{"macron romaji", "Tōkyō", 13},
	{"romaji + suffix", "Osaka-fu", 27},
	{"full-width Latin", "ＴＯＫＹＯ", 13},
	{"long-vowel katakana", "トーキョー", 13},
	/* a few more that take other paths */
	{"zero-padded code", "01", 1},
	{"JP-NN", "JP-13", 13},
	{"full-width code", "１３", 13},
	{"ideographic spaces", "　東京都　", 13},
	{"wrong suffix (reject)", "東京県", 0},
	{"unknown (reject)", "Atlantis", 0},
};

#define N_FORMS (sizeof(forms) / sizeof(forms[0]))

static double
now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e9 + ts.tv_nsec;
}

static int
cmp_double(const void *a, const void *b)
{
	double		x = *(const double *) a,
				y = *(const double *) b;

	return (x > y) - (x < y);
}

/* ns per call of pref_parse over n calls on one input */
static double
time_one(const char *input, long n)
{
	size_t		len = strlen(input);
	volatile long sink = 0;
	double		t0;
	long		i;
	int			code;

	t0 = now_ns();
	for (i = 0; i < n; i++)
	{
		sink += pref_parse(input, len, &code);
		sink += code;
	}
	return (now_ns() - t0) / n;
}

/* The mixed workload: every table spelling of every prefecture, in turn. */
static double
time_mixed(long n)
{
	const char *inputs[PREF_NAME_COUNT * 6];
	size_t		lens[PREF_NAME_COUNT * 6];
	int			count = 0,
				c;
	volatile long sink = 0;
	double		t0;
	long		i;
	int			code;

	for (c = 1; c <= PREF_NAME_COUNT; c++)
	{
		const PrefectureName *p = &pref_names[c];
		const char *s[] = {p->kanji, p->kanji_short, p->reading,
		p->reading_short, p->romaji, p->name_en};
		size_t		k;

		for (k = 0; k < sizeof(s) / sizeof(s[0]); k++)
			if (s[k] != NULL)
				inputs[count++] = s[k];
	}
	for (c = 0; c < count; c++)
		lens[c] = strlen(inputs[c]);

	t0 = now_ns();
	for (i = 0; i < n; i++)
	{
		int			k = (int) (i % count);

		sink += pref_parse(inputs[k], lens[k], &code);
		sink += code;
	}
	return (now_ns() - t0) / n;
}

static int
check_forms(void)
{
	size_t		i;
	int			bad = 0;

	if (pref_match_collisions() != 0)
	{
		fprintf(stderr, "name table: %d spellings claimed twice\n",
				pref_match_collisions());
		bad++;
	}
	for (i = 0; i < N_FORMS; i++)
	{
		int			code;
		PrefParseStatus st = pref_parse(forms[i].input, strlen(forms[i].input),
										&code);

		if (forms[i].code != 0 ? (st != PREF_PARSE_OK || code != forms[i].code)
			: st == PREF_PARSE_OK)
		{
			fprintf(stderr, "wrong result for %s: status %d code %d\n",
					forms[i].input, (int) st, code);
			bad++;
		}
	}
	return bad;
}

/*
 * Odd input: every status must come back without a crash, a read outside
 * the buffer or a leak.  Run under valgrind or ASan by the bench script.
 */
static int
odd_inputs(void)
{
	static const char *const fixed[] = {
		"\xFF", "\xC3", "\xE6\x9D", "\xED\xA0\x80", "\xF4\x90\x80\x80",
		"\xC0\xAF", "東京\xFF都", "\xCC\x81", "\xCC\x81\xCC\x81\xCC\x81",
		"\xE3\x82\x99", "\xEF\xBB\xBF", "\xE2\x80\x8B", "\xEF\xB7\xBA",
		"\xEF\xB7\xBA\xEF\xB7\xBA\xEF\xB7\xBA\xEF\xB7\xBA\xEF\xB7\xBA",
		"ー", "ーーーー", "ｰ", "ﾞﾞﾞ", "ん", "っ", "ゃゅょ", "𠮷野家",
		"-", "+", "JP-", "jp-x", "JP-123", "prefecture", "pref.", "-ken",
		"oooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooo",
		"\t\n\v\f\r", "　　　", "\x01\x02\x03", "Ω", "ß", "ǅ", "ﬁ",
	};
	char		buf[12000];
	unsigned int seed = 12345;
	int			i,
				j,
				code,
				statuses[8] = {0};
	size_t		k;

	for (k = 0; k < sizeof(fixed) / sizeof(fixed[0]); k++)
	{
		PrefParseStatus st = pref_parse(fixed[k], strlen(fixed[k]), &code);

		statuses[st]++;
		if (st == PREF_PARSE_OK || st == PREF_PARSE_WRONG_SUFFIX)
			printf("odd input \"%s\" read as %d (status %d)\n", fixed[k], code,
				   (int) st);
	}

	/* 10k bytes, and the largest input that is not refused outright */
	memset(buf, 'a', 10000);
	statuses[pref_parse(buf, 10000, &code)]++;
	for (j = 0; j + 3 <= PREF_PARSE_MAX_INPUT; j += 3)
		memcpy(buf + j, "\xEF\xB7\xBA", 3);	/* U+FDFA: NFKC x18 */
	statuses[pref_parse(buf, j, &code)]++;
	for (j = 0; j + 2 <= PREF_PARSE_MAX_INPUT; j += 2)
		memcpy(buf + j, "\xCC\x81", 2);
	statuses[pref_parse(buf, j, &code)]++;

	/* NUL-free binary junk of every length up to the limit and beyond */
	for (i = 0; i < 20000; i++)
	{
		int			len = (int) (rand_r(&seed) % (PREF_PARSE_MAX_INPUT + 20));

		for (j = 0; j < len; j++)
		{
			int			b = rand_r(&seed) % 255 + 1;

			/* bias towards kana and Latin-1 lead bytes to go deep */
			if (i % 3 == 0 && j % 3 == 0)
				b = 0xE3;
			buf[j] = (char) b;
		}
		statuses[pref_parse(buf, len, &code)]++;
	}
	/*
	 * Valid UTF-8 drawn from the blocks the parser treats specially, so that
	 * the ICU paths (NFKC_Casefold, the katakana fold, the transliterators,
	 * the loose and romaji matchers) all see junk.
	 */
	for (i = 0; i < 20000; i++)
	{
		static const uint32_t pools[][2] = {
			{0x41, 0x7A}, {0x20, 0x2F}, {0xC0, 0x17F}, {0x300, 0x36F},
			{0x3000, 0x30FF}, {0xFF01, 0xFF9F}, {0x4E00, 0x4E80},
			{0xFA00, 0xFA2F}, {0xFDF0, 0xFDFF}, {0x1F600, 0x1F64F},
		};
		int			len = (int) (rand_r(&seed) % 40) + 1;
		int			o = 0;

		for (j = 0; j < len; j++)
		{
			int			pool = rand_r(&seed) % (int) (sizeof(pools) / sizeof(pools[0]));
			uint32_t	cp = pools[pool][0] +
				rand_r(&seed) % (pools[pool][1] - pools[pool][0] + 1);

			if (cp < 0x80)
				buf[o++] = (char) cp;
			else if (cp < 0x800)
			{
				buf[o++] = (char) (0xC0 | (cp >> 6));
				buf[o++] = (char) (0x80 | (cp & 0x3F));
			}
			else if (cp < 0x10000)
			{
				buf[o++] = (char) (0xE0 | (cp >> 12));
				buf[o++] = (char) (0x80 | ((cp >> 6) & 0x3F));
				buf[o++] = (char) (0x80 | (cp & 0x3F));
			}
			else
			{
				buf[o++] = (char) (0xF0 | (cp >> 18));
				buf[o++] = (char) (0x80 | ((cp >> 12) & 0x3F));
				buf[o++] = (char) (0x80 | ((cp >> 6) & 0x3F));
				buf[o++] = (char) (0x80 | (cp & 0x3F));
			}
		}
		statuses[pref_parse(buf, o, &code)]++;
	}

	for (i = 0; i < 8; i++)
		printf("status %d: %d inputs\n", i, statuses[i]);
	return statuses[PREF_PARSE_ICU_ERROR] != 0;
}

int
main(int argc, char **argv)
{
	long		n = 1000000;
	int			runs = 7,
				r,
				i;
	size_t		f;
	double	   *t;

	if (argc > 1 && strcmp(argv[1], "--odd") == 0)
	{
		int			failed = check_forms() + odd_inputs();

		pref_parse_cleanup();
		u_cleanup();
		return failed ? 1 : 0;
	}
	for (i = 1; i + 1 < argc; i += 2)
	{
		if (strcmp(argv[i], "-n") == 0)
			n = atol(argv[i + 1]);
		else if (strcmp(argv[i], "-r") == 0)
			runs = atoi(argv[i + 1]);
	}
	if (n <= 0 || runs <= 0)
		return 2;
	if (check_forms() != 0)
		return 1;

	t = malloc(sizeof(double) * runs);
	printf("pref_parse(), %ld values per run, median of %d runs (ns per value)\n",
		   n, runs);
	printf("%-24s %-16s %10s %10s %10s\n", "form", "input", "median", "min",
		   "max");
	for (f = 0; f <= N_FORMS; f++)
	{
		const char *label = f < N_FORMS ? forms[f].label : "mixed table spellings";
		const char *input = f < N_FORMS ? forms[f].input : "(all, in turn)";

		/* a warm-up run opens the ICU objects before timing */
		if (f < N_FORMS)
			time_one(input, 1000);
		for (r = 0; r < runs; r++)
			t[r] = f < N_FORMS ? time_one(input, n) : time_mixed(n);
		qsort(t, runs, sizeof(double), cmp_double);
		printf("%-24s %-16s %10.1f %10.1f %10.1f\n", label, input,
			   t[runs / 2], t[0], t[runs - 1]);
	}
	free(t);
	pref_parse_cleanup();
	u_cleanup();
	return 0;
}
