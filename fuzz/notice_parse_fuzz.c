/*-------------------------------------------------------------------------
 *
 * notice_parse_fuzz.c
 *	  Fuzz driver for the whole-notice reader (src/notice_parse.c).
 *
 * A notice is pasted by a DBA, so the reader runs on any text.  Besides
 * memory safety, the driver checks what the SQL layer relies on: a status
 * is one of the enum's, every window is a real span of real days that ends
 * after it starts, its kind and area are valid, a stated extension lies
 * after its end, and the byte ranges it quotes lie inside the input.  All
 * memory goes back (the leak checker is on).
 *
 * OW_FUZZ_SOURCES: src/wareki_parse.c src/prefecture_names.c
 * OW_FUZZ_PKGCONFIG: icu-uc icu-i18n
 *
 * libFuzzer:
 *	 clang -g -O1 -fsanitize=fuzzer,address,undefined -Isrc \
 *		 fuzz/notice_parse_fuzz.c src/notice_parse.c src/wareki_parse.c \
 *		 src/prefecture_names.c $(pkg-config --cflags --libs icu-uc icu-i18n) \
 *		 -o notice_parse_fuzz
 *	 ./notice_parse_fuzz -max_total_time=60
 * Without libFuzzer (gcc is enough), add -DOW_FUZZ_STANDALONE and run
 *	 ./notice_parse_fuzz 100000
 *
 *-------------------------------------------------------------------------
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "notice_parse.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void *
fuzz_alloc(size_t size, void *ctx)
{
	(void) ctx;
	return malloc(size);
}

static void
fuzz_release(void *p, void *ctx)
{
	(void) ctx;
	free(p);
}

static long long
seconds(const WkDateTime *t)
{
	if (!wk_valid_date(t->date.year, t->date.month, t->date.day) ||
		t->hour < 0 || t->hour > 23 || t->minute < 0 || t->minute > 59 ||
		t->second < 0 || t->second > 59)
		abort();
	return wk_days_from_civil(t->date.year, t->date.month, t->date.day) * 86400LL +
		t->hour * 3600 + t->minute * 60 + t->second;
}

static void
run(const char *s, size_t size, const NpOptions *opt)
{
	NpResult	res;
	NpStatus	st = np_parse(s, size, opt, &res);

	if (st != res.status || st < NP_OK || st > NP_ICU_ERROR ||
		st == NP_ICU_ERROR || st == NP_NO_MEMORY || st == NP_TOO_LONG)
		abort();
	if (st != NP_OK && (res.pos > size || res.line < 1))
		abort();
	for (size_t i = 0; st == NP_OK && i < res.n_windows; i++)
	{
		const NpWindow *w = &res.windows[i];

		if (seconds(&w->end) <= seconds(&w->start))
			abort();
		if (w->extends && seconds(&w->extend_to) <= seconds(&w->end))
			abort();
		if (w->kind < NP_KIND_REGISTRATION_DELAY || w->kind > NP_KIND_OUTAGE ||
			w->area < NP_AREA_ALL || w->area > NP_AREA_WEST || w->line < 1)
			abort();
		if (opt->kind != NP_KIND_NONE && w->kind != opt->kind)
			abort();
		if (w->note_start >= w->note_end || w->note_end > size ||
			w->area_from_start > w->area_from_end || w->area_from_end > size)
			abort();
	}
	np_free(&res, opt);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* an exact-size copy, so ASan catches any read past the end */
	char	   *s = malloc(size ? size : 1);
	NpOptions	opt = {0};

	memcpy(s, data, size);
	opt.alloc = fuzz_alloc;
	opt.release = fuzz_release;
	run(s, size, &opt);
	opt.has_published = true;
	opt.published.year = 2026;
	opt.published.month = 12;
	opt.published.day = 10;
	run(s, size, &opt);
	opt.kind = NP_KIND_INTERMITTENT;
	run(s, size, &opt);
	free(s);
	return 0;
}

#ifdef OW_FUZZ_STANDALONE
/* Random notices spliced from pieces of real ones, with random bytes. */
int
main(int argc, char **argv)
{
	static const char *const pieces[] = {
		"令和", "7年", "2月", "1日", "(土)", "（日）", "(月・祝)", "22:00", "0:30",
		"～", "〜", "~", "－", "―", "から", "まで", "翌", "翌日", "24時00分", "午前",
		"午後", "時", "分", "頃", "ごろ", "(予定)", "見込み", "約", "3/13", "12/31",
		"1/9", "14日", "2025年", "２０２７年", "１３", "：", "　", " ", "\n", "\n\n",
		"東日本エリア：", "西日本エリア", "東京都、", "大阪府", "全国", "長時間の通信断",
		"数分間の通信断", "30秒程度", "毎時間1分程度", "利用登録", "通常どおり",
		"システム停止は発生しません", "最大で", "延長", "【", "】", "(1) ", "■",
		"⽇", "⽉", "①", "資格確認", "障害", "901", "西日本エリアでは", "東日本エリアの通信断中",
		"\xff", "\xe3\x80", "R7.2.1",
	};
	long		iterations = argc > 1 ? atol(argv[1]) : 100000;
	uint8_t		buf[1024];

	srand(20250130);
	for (long i = 0; i < iterations; i++)
	{
		size_t		n = 0;
		int			k = rand() % 48;

		for (int j = 0; j < k; j++)
		{
			const char *p;
			size_t		l;
			char		rnd[1];

			if (rand() % 12 == 0)
			{
				rnd[0] = (char) (rand() % 256);
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
	}
	printf("%ld inputs, no faults\n", iterations);
	return 0;
}
#endif
