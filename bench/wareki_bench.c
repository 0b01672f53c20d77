/*-------------------------------------------------------------------------
 *
 * wareki_bench.c
 *	  Check and time the era-date parser and formatter (src/wareki_parse.c)
 *	  without a server.
 *
 *	  wareki_bench --check        compare with ICU's own Japanese calendar
 *	  wareki_bench --show TEXT..  print what each text parses to
 *	  wareki_bench [-n N] [-r R]  median/min/max ns per value, R runs of N
 *
 * --check formats every day from 明治 to 2100 in the long and short styles
 * both with our table and with an ICU date formatter (patterns GGGGy年M月d日
 * and GGGGGy.M.d), and parses each result back, so the plain-C fast path
 * is held to ICU's answers day by day, era boundaries included.
 *
 *-------------------------------------------------------------------------
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <unicode/udat.h>
#include <unicode/ustring.h>

#include "wareki_parse.h"

static double
now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e9 + ts.tv_nsec;
}

static UDateFormat *
open_icu_format(const char *pattern)
{
	UErrorCode	st = U_ZERO_ERROR;
	UChar		zone[16];
	UChar		upat[64];
	UDateFormat *f;
	int32_t		n;

	u_uastrncpy(zone, "Etc/UTC", 16);
	u_strFromUTF8(upat, 64, &n, pattern, -1, &st);
	f = udat_open(UDAT_PATTERN, UDAT_PATTERN, "ja_JP@calendar=japanese",
				  zone, -1, upat, n, &st);
	if (U_FAILURE(st))
	{
		fprintf(stderr, "udat_open: %s\n", u_errorName(st));
		exit(2);
	}
	return f;
}

static void
icu_format(UDateFormat *f, int days, char *out, size_t cap)
{
	UErrorCode	st = U_ZERO_ERROR;
	UChar		buf[64];
	int32_t		n;
	int32_t		len;

	n = udat_format(f, (UDate) days * 86400000.0, buf, 64, NULL, &st);
	u_strToUTF8(out, (int32_t) cap - 1, &len, buf, n, &st);
	if (U_FAILURE(st))
	{
		fprintf(stderr, "udat_format: %s\n", u_errorName(st));
		exit(2);
	}
	out[len] = '\0';
}

static int
check(void)
{
	UDateFormat *flong = open_icu_format("GGGGy年M月d日");
	UDateFormat *fshort = open_icu_format("GGGGGy.M.d");
	static WkResult r;
	int			first = wk_era(0)->start_days;
	int			last = wk_days_from_civil(2100, 12, 31);
	int			bad = 0;

	for (int i = 0; i < wk_era_count(); i++)
		printf("era %d: %s %c from %04d-%02d-%02d\n", i + 1, wk_era(i)->name,
			   wk_era(i)->letter ? wk_era(i)->letter : '-',
			   wk_era(i)->start_year, wk_era(i)->start_month,
			   wk_era(i)->start_day);
	for (int days = first; days <= last; days++)
	{
		int			y,
					m,
					d;
		char		ours[64],
					icu[64];
		size_t		n;
		WkStyle		styles[2] = {WK_STYLE_LONG, WK_STYLE_SHORT};
		UDateFormat *fmts[2] = {flong, fshort};

		wk_civil_from_days(days, &y, &m, &d);
		for (int s = 0; s < 2; s++)
		{
			if (wk_format(y, m, d, styles[s], ours, sizeof(ours), &n) != WK_OK)
			{
				printf("%04d-%02d-%02d: format failed\n", y, m, d);
				bad++;
				continue;
			}
			icu_format(fmts[s], days, icu, sizeof(icu));
			if (strcmp(ours, icu) != 0 && bad++ < 20)
				printf("%04d-%02d-%02d: ours %s, ICU %s\n", y, m, d, ours, icu);
			if (wk_parse_date(ours, n, &r) != WK_OK ||
				r.date.year != y || r.date.month != m || r.date.day != d)
			{
				if (bad++ < 20)
					printf("%s does not parse back (status %d)\n", ours, r.status);
			}
		}
	}
	printf("%d days checked against ICU, %d mismatches\n", last - first + 1, bad);
	udat_close(flong);
	udat_close(fshort);
	return bad ? 1 : 0;
}

static void
show(int argc, char **argv)
{
	static WkResult r;

	for (int i = 0; i < argc; i++)
	{
		if (wk_parse_date(argv[i], strlen(argv[i]), &r) == WK_OK)
			printf("date   %-40s -> %04d-%02d-%02d\n", argv[i],
				   r.date.year, r.date.month, r.date.day);
		else
			printf("date   %-40s -> status %d at %zu\n", argv[i], r.status,
				   r.error_pos);
		if (wk_parse_notice(argv[i], strlen(argv[i]), &r) == WK_OK)
			printf("notice %-40s -> %04d-%02d-%02d %02d:%02d:%02d / %04d-%02d-%02d %02d:%02d:%02d\n",
				   argv[i], r.start.date.year, r.start.date.month,
				   r.start.date.day, r.start.hour, r.start.minute,
				   r.start.second, r.end.date.year, r.end.date.month,
				   r.end.date.day, r.end.hour, r.end.minute, r.end.second);
		else
			printf("notice %-40s -> status %d part %d at %zu\n", argv[i],
				   r.status, r.part, r.error_pos);
	}
}

static int
cmp_double(const void *a, const void *b)
{
	double		x = *(const double *) a,
				y = *(const double *) b;

	return (x > y) - (x < y);
}

static volatile int sink;

static void
time_case(const char *label, const char *input, int mode, long n, int runs)
{
	static WkResult r;
	double		t[64];
	size_t		len = strlen(input);
	char		buf[64];
	size_t		outlen;

	for (int k = 0; k < runs; k++)
	{
		double		t0 = now_ns();

		for (long i = 0; i < n; i++)
		{
			if (mode == 0)
				sink += wk_parse_date(input, len, &r);
			else if (mode == 1)
				sink += wk_parse_notice(input, len, &r);
			else
				sink += wk_format(2025, 2, 1 + (int) (i & 15),
								  mode == 2 ? WK_STYLE_LONG : WK_STYLE_SHORT,
								  buf, sizeof(buf), &outlen);
		}
		t[k] = (now_ns() - t0) / n;
	}
	qsort(t, runs, sizeof(double), cmp_double);
	printf("| %s | `%s` | %.1f | %.1f | %.1f |\n", label, input, t[runs / 2],
		   t[0], t[runs - 1]);
}

int
main(int argc, char **argv)
{
	long		n = 1000000;
	int			runs = 7;
	double		t0 = now_ns();

	if (wk_init() != WK_OK)
	{
		fprintf(stderr, "wk_init: %s\n", wk_icu_error());
		return 2;
	}
	fprintf(stderr, "era table from ICU in %.2f ms\n", (now_ns() - t0) / 1e6);
	if (argc > 1 && strcmp(argv[1], "--check") == 0)
		return check();
	if (argc > 1 && strcmp(argv[1], "--show") == 0)
	{
		show(argc - 2, argv + 2);
		return 0;
	}
	for (int i = 1; i + 1 < argc; i += 2)
	{
		if (strcmp(argv[i], "-n") == 0)
			n = atol(argv[i + 1]);
		else if (strcmp(argv[i], "-r") == 0)
			runs = atoi(argv[i + 1]);
	}
	if (runs < 1 || runs > 64)
		runs = 7;

	printf("| operation | input | median ns/value | min | max |\n");
	printf("|---|---|---:|---:|---:|\n");
	time_case("format long", "2025-02-(1..16)", 2, n, runs);
	time_case("format short", "2025-02-(1..16)", 3, n, runs);
	time_case("parse long", "令和7年2月1日", 0, n, runs);
	time_case("parse long, 元年", "令和元年5月1日", 0, n, runs);
	time_case("parse full-width + weekday", "令和７年２月１日（土）", 0, n, runs);
	time_case("parse spaced", "令和 7 年 1 月 30 日", 0, n, runs);
	time_case("parse short", "R7.2.1", 0, n, runs);
	time_case("parse claim GYYMMDD", "5070201", 0, n, runs);
	time_case("parse Gregorian YYYYMMDD", "20250201", 0, n, runs);
	time_case("reject 2月30日", "令和7年2月30日", 0, n, runs);
	time_case("notice line", "令和7年2月1日（土）22:00～2月2日（日）0:30（予定）", 1, n / 4, runs);
	return 0;
}
