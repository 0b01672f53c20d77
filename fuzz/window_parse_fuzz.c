/*-------------------------------------------------------------------------
 *
 * window_parse_fuzz.c
 *	  Fuzz driver for the outage_window literal splitter (src/window_parse.c).
 *
 * The splitter runs on untrusted text before any PostgreSQL code sees it,
 * so it must never read outside its input, whatever the bytes.  This
 * driver checks that every offset it returns stays inside the input and
 * that copying a bound never writes more than the bound's raw length.
 *
 * libFuzzer:
 *	 clang -g -O1 -fsanitize=fuzzer,address,undefined -Isrc \
 *		 fuzz/window_parse_fuzz.c src/window_parse.c -o window_parse_fuzz
 * Without libFuzzer, a self-contained random run (gcc is enough):
 *	 gcc -g -O1 -fsanitize=address,undefined -DOW_FUZZ_STANDALONE -Isrc \
 *		 fuzz/window_parse_fuzz.c src/window_parse.c -o window_parse_fuzz
 *	 ./window_parse_fuzz 1000000
 *
 *-------------------------------------------------------------------------
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "window_parse.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
check_bound(const char *s, size_t len, const WpBound *b)
{
	char	   *dst;
	size_t		n;

	if (b->start > len || b->len > len - b->start)
		abort();
	dst = malloc(b->len + 1);
	n = wp_bound_text(s, b, dst);
	if (n > b->len || dst[n] != '\0')
		abort();
	free(dst);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* an exact-size copy, so ASan catches any read past the end */
	char	   *s = malloc(size ? size : 1);
	WpResult	r;

	memcpy(s, data, size);
	wp_split(s, size, &r);
	if (r.error_pos > size || wp_status_detail(r.status) == NULL)
		abort();
	if (r.status == WP_OK)
	{
		check_bound(s, size, &r.lower);
		check_bound(s, size, &r.upper);
		if (r.kind_start > size || r.kind_len > size - r.kind_start)
			abort();
	}
	free(s);
	return 0;
}

#ifdef OW_FUZZ_STANDALONE
/*
 * Random inputs drawn mostly from the literal's own alphabet, so that
 * well-formed and nearly well-formed literals are common.
 */
int
main(int argc, char **argv)
{
	static const char alphabet[] = "[](),\"\\ \t-+:.0123456789TZinfity outage";
	long		iterations = argc > 1 ? atol(argv[1]) : 100000;
	uint8_t		buf[64];
	long		ok = 0;

	srand(20250201);
	for (long i = 0; i < iterations; i++)
	{
		size_t		n = (size_t) (rand() % (int) sizeof(buf));
		WpResult	r;

		for (size_t j = 0; j < n; j++)
			buf[j] = (rand() % 8) ? (uint8_t) alphabet[rand() % (int) (sizeof(alphabet) - 1)]
				: (uint8_t) rand();
		LLVMFuzzerTestOneInput(buf, n);
		wp_split((const char *) buf, n, &r);
		ok += (r.status == WP_OK);
	}
	printf("%ld inputs, %ld well formed, no faults\n", iterations, ok);
	return 0;
}
#endif
