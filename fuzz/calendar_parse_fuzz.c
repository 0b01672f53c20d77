/*-------------------------------------------------------------------------
 *
 * calendar_parse_fuzz.c
 *	  Fuzz driver for the outage_calendar text splitter
 *	  (src/calendar_parse.c).
 *
 * The splitter runs on untrusted text before any PostgreSQL code sees it.
 * This driver checks that every piece it hands to the callbacks lies inside
 * the input (window literals, and their guidance texts), that a "#n"
 * reference is a number and never comes with a quoted text, that unescaping a
 * name or a guidance never writes more than its raw length, that a facility
 * code has 10 digits, and that the error position stays inside the input.
 *
 * libFuzzer:
 *	 clang -g -O1 -fsanitize=fuzzer,address,undefined -Isrc \
 *		 fuzz/calendar_parse_fuzz.c src/calendar_parse.c -o calendar_parse_fuzz
 * Without libFuzzer, a self-contained random run (gcc is enough):
 *	 gcc -g -O1 -fsanitize=address,undefined -DOW_FUZZ_STANDALONE -Isrc \
 *		 fuzz/calendar_parse_fuzz.c src/calendar_parse.c -o calendar_parse_fuzz
 *	 ./calendar_parse_fuzz 1000000
 *
 *-------------------------------------------------------------------------
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendar_parse.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

typedef struct Input
{
	const char *s;
	size_t		len;
} Input;

static void
check_span(const Input *in, const char *p, size_t len)
{
	if (p < in->s || p > in->s + in->len || len > (size_t) (in->s + in->len - p))
		abort();
}

static bool
on_area(void *arg, bool nationwide, const char *name, size_t len)
{
	if (!nationwide)
	{
		char	   *dst = malloc(len ? len : 1);

		check_span(arg, name, len);
		if (cp_unescape(name, len, dst) > len)
			abort();
		free(dst);
	}
	return true;
}

static bool
on_code(void *arg, int code)
{
	(void) arg;
	if (code < 0 || code > 999)
		abort();
	return true;
}

static bool
on_facility(void *arg, int64_t code)
{
	(void) arg;
	if (code < 0 || code > INT64_C(9999999999))
		abort();
	return true;
}

static bool
on_window(void *arg, const char *text, size_t len, const char *guidance,
		  size_t guidance_len, uint32_t guidance_ref)
{
	check_span(arg, text, len);
	if (len == 0 || (text[0] != '[' && text[0] != '('))
		abort();
	/* a quoted text or a reference, never both; a reference is 1 to 10^9 - 1 */
	if (guidance_ref > 0 && (guidance != NULL || guidance_ref > UINT32_C(999999999)))
		abort();
	if (guidance != NULL)
	{
		char	   *dst = malloc(guidance_len ? guidance_len : 1);

		check_span(arg, guidance, guidance_len);
		/* the guidance follows its window */
		if (guidance < text + len)
			abort();
		if (cp_unescape(guidance, guidance_len, dst) > guidance_len)
			abort();
		free(dst);
	}
	return true;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* an exact-size copy, so ASan catches any read past the end */
	char	   *s = malloc(size ? size : 1);
	Input		in = {s, size};
	CpCallbacks cb = {&in, on_area, on_code, on_facility, on_window};
	size_t		error_pos = 0;
	CpStatus	status;

	memcpy(s, data, size);
	status = cp_split(s, size, &cb, &error_pos);
	if (error_pos > size || cp_status_detail(status) == NULL)
		abort();
	free(s);
	return 0;
}

#ifdef OW_FUZZ_STANDALONE
/*
 * Random inputs drawn mostly from the calendar's own alphabet, so that
 * well-formed and nearly well-formed calendars are common.
 */
int
main(int argc, char **argv)
{
	static const char alphabet[] = "{}[]();:,*\"\\ 0123456789-+east outage 1311234567 \"text\" #1";
	long		iterations = argc > 1 ? atol(argv[1]) : 100000;
	uint8_t		buf[96];
	long		ok = 0;

	srand(20250201);
	for (long i = 0; i < iterations; i++)
	{
		size_t		n = (size_t) (rand() % (int) sizeof(buf));
		Input		in = {(const char *) buf, n};
		CpCallbacks cb = {&in, on_area, on_code, on_facility, on_window};
		size_t		pos;

		for (size_t j = 0; j < n; j++)
			buf[j] = (rand() % 8) ? (uint8_t) alphabet[rand() % (int) (sizeof(alphabet) - 1)]
				: (uint8_t) rand();
		LLVMFuzzerTestOneInput(buf, n);
		ok += (cp_split((const char *) buf, n, &cb, &pos) == CP_OK);
	}
	printf("%ld inputs, %ld well formed, no faults\n", iterations, ok);
	return 0;
}
#endif
