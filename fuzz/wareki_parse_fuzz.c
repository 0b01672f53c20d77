/*-------------------------------------------------------------------------
 *
 * wareki_parse_fuzz.c
 *	  Fuzz driver for the Japanese-era date and notice window parser
 *	  (src/wareki_parse.c).
 *
 * The parser runs on untrusted text before any PostgreSQL code sees it.
 * Besides memory safety, the driver checks what the SQL layer relies on:
 * a status is always one of the enum's, every accepted date is a real day
 * in its era that formats and reads back to itself, every accepted window
 * ends after it starts, and error offsets stay inside the normalised text.
 *
 * OW_FUZZ_PKGCONFIG: icu-uc icu-i18n
 *
 * libFuzzer:
 *	 clang -g -O1 -fsanitize=fuzzer,address,undefined -Isrc \
 *		 fuzz/wareki_parse_fuzz.c src/wareki_parse.c \
 *		 $(pkg-config --cflags --libs icu-uc icu-i18n) -o wareki_parse_fuzz
 *	 ./wareki_parse_fuzz -max_total_time=60
 * Without libFuzzer, a self-contained random run (gcc is enough):
 *	 gcc -g -O1 -fsanitize=address,undefined -DOW_FUZZ_STANDALONE -Isrc \
 *		 fuzz/wareki_parse_fuzz.c src/wareki_parse.c \
 *		 $(pkg-config --cflags --libs icu-uc icu-i18n) -o wareki_parse_fuzz
 *	 ./wareki_parse_fuzz 1000000
 *
 *-------------------------------------------------------------------------
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wareki_parse.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static WkResult r;
static WkResult back;

static void
check_date(const WkDate *d)
{
	char		buf[64];
	size_t		n;

	if (d->year < 1 || d->year > 9999 || d->month < 1 || d->month > 12 ||
		d->day < 1 || d->day > 31)
		abort();
	/* a date that parsed is a day we can write, and it reads back */
	if (wk_format(d->year, d->month, d->day, WK_STYLE_LONG, buf, sizeof(buf), &n) == WK_OK)
	{
		if (wk_parse_date(buf, n, &back) != WK_OK ||
			back.date.year != d->year || back.date.month != d->month ||
			back.date.day != d->day)
			abort();
	}
}

static void
check_result(WkStatus st)
{
	if (st != r.status || st < WK_OK || st > WK_ICU_ERROR)
		abort();
	if (st == WK_ICU_ERROR)
		abort();				/* ICU must never fail on any input */
	if (r.norm_len > WK_NORM_CAP || r.error_pos > r.norm_len ||
		r.error_len > r.norm_len - r.error_pos)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* an exact-size copy, so ASan catches any read past the end */
	char	   *s = malloc(size ? size : 1);
	WkStatus	st;

	memcpy(s, data, size);

	st = wk_parse_date(s, size, &r);
	check_result(st);
	if (st == WK_OK)
	{
		int			era;

		check_date(&r.date);
		/* the era digit/name the input used is the date's era */
		era = -1;
		for (int i = 0; i < wk_era_count(); i++)
			if (wk_days_from_civil(r.date.year, r.date.month, r.date.day) >=
				wk_era(i)->start_days)
				era = i;
		if (r.era >= 0 && r.era != era)
			abort();
	}

	st = wk_parse_notice(s, size, &r);
	check_result(st);
	if (st == WK_OK)
	{
		check_date(&r.start.date);
		check_date(&r.end.date);
		if (r.start.hour > 23 || r.end.hour > 23 || r.start.minute > 59 ||
			r.end.minute > 59 || r.start.second > 59 || r.end.second > 59)
			abort();
		if (wk_days_from_civil(r.end.date.year, r.end.date.month, r.end.date.day) * 86400LL +
			r.end.hour * 3600 + r.end.minute * 60 + r.end.second <=
			wk_days_from_civil(r.start.date.year, r.start.date.month, r.start.date.day) * 86400LL +
			r.start.hour * 3600 + r.start.minute * 60 + r.start.second)
			abort();
	}
	free(s);
	return 0;
}

#ifdef OW_FUZZ_STANDALONE
/*
 * Random inputs spliced from pieces of real dates and windows, so that
 * well-formed and nearly well-formed text is common, with random bytes
 * mixed in.
 */
int
main(int argc, char **argv)
{
	static const char *const pieces[] = {
		"令和", "平成", "昭和", "大正", "明治", "元", "年", "月", "日", "(", ")",
		"（", "）", "土", "日", "曜", "曜日", "・祝", "翌", "翌日", "～", "〜", "-",
		"~", ":", "：", "時", "分", "半", "予定", "まで", "から", "R", "H", "S",
		"r", ".", "/", " ", "　", "\n", "1", "2", "7", "0", "3", "12", "31", "30",
		"29", "24", "22", "00", "5070201", "20250201", "２", "７", "㋿", "㍻",
		"東日本エリア：", "\xff", "\xe3\x80", "天保",
	};
	long		iterations = argc > 1 ? atol(argv[1]) : 100000;
	uint8_t		buf[256];
	long		dates = 0;
	long		windows = 0;

	srand(20250201);
	for (long i = 0; i < iterations; i++)
	{
		size_t		n = 0;
		int			k = rand() % 16;

		for (int j = 0; j < k; j++)
		{
			const char *p;
			size_t		l;
			char		rnd[2];

			if (rand() % 10 == 0)
			{
				rnd[0] = (char) (rand() % 256);
				rnd[1] = '\0';
				p = rnd;
				l = 1;
			}
			else
			{
				p = pieces[rand() % (int) (sizeof(pieces) / sizeof(pieces[0]))];
				l = strlen(p);
			}
			if (n + l > sizeof(buf))
				break;
			memcpy(buf + n, p, l);
			n += l;
		}
		LLVMFuzzerTestOneInput(buf, n);
		dates += (wk_parse_date((const char *) buf, n, &r) == WK_OK);
		windows += (wk_parse_notice((const char *) buf, n, &r) == WK_OK);
	}
	printf("%ld inputs, %ld read as dates, %ld as windows, no faults\n",
		   iterations, dates, windows);
	return 0;
}
#endif
