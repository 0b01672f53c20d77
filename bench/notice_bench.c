/*-------------------------------------------------------------------------
 *
 * notice_bench.c
 *	  Show and time the notice reader (src/notice_parse.c) without a server.
 *
 *	  notice_bench --show FILE [YYYY-MM-DD]   the windows of a notice
 *	  notice_bench [-n N] [-r R] FILE [YYYY-MM-DD]
 *											median/min/max us per notice,
 *											R runs of N reads
 *
 * bench/notice.sh builds it and runs it on a 10 kB notice made of the
 * notice of 2025-01-30 and notices in the later styles.
 *
 *-------------------------------------------------------------------------
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "notice_parse.h"

static double
now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e9 + ts.tv_nsec;
}

static void *
bench_alloc(size_t size, void *ctx)
{
	(void) ctx;
	return malloc(size);
}

static void
bench_release(void *p, void *ctx)
{
	(void) ctx;
	free(p);
}

static int
cmp_double(const void *a, const void *b)
{
	double		x = *(const double *) a,
				y = *(const double *) b;

	return (x > y) - (x < y);
}

static const char *const area_names[] = {"(nationwide)", "east", "west"};
static const char *const kind_names[] = {"?", "registration_delay", "intermittent", "outage"};

static void
print_dt(const WkDateTime *t)
{
	printf("%04d-%02d-%02d %02d:%02d", t->date.year, t->date.month,
		   t->date.day, t->hour, t->minute);
}

static int
show(const char *text, size_t len, const NpOptions *opt)
{
	NpResult	res;

	if (np_parse(text, len, opt, &res) != NP_OK)
	{
		printf("status %d at line %d (byte %zu)\n", res.status, res.line, res.pos);
		np_free(&res, opt);
		return 1;
	}
	for (size_t i = 0; i < res.n_windows; i++)
	{
		const NpWindow *w = &res.windows[i];

		printf("line %d: %s [", w->line, area_names[w->area]);
		print_dt(&w->start);
		printf(", ");
		print_dt(&w->end);
		printf(") %s", kind_names[w->kind]);
		if (w->extends)
		{
			printf(" may extend to ");
			print_dt(&w->extend_to);
		}
		printf("%s kind from %s, area from \"%.*s\": \"%.*s\"\n",
			   w->year_inferred ? " (year inferred)" : "",
			   w->kind_from ? w->kind_from : "-",
			   (int) (w->area_from_end - w->area_from_start),
			   text + w->area_from_start,
			   (int) (w->note_end - w->note_start), text + w->note_start);
	}
	printf("%zu windows\n", res.n_windows);
	np_free(&res, opt);
	return 0;
}

int
main(int argc, char **argv)
{
	long		n = 10000;
	int			runs = 7;
	int			a = 1;
	bool		only_show = false;
	NpOptions	opt = {0};
	FILE	   *f;
	char	   *text;
	long		len;
	double		t[64];
	NpResult	res;

	opt.alloc = bench_alloc;
	opt.release = bench_release;
	for (; a < argc && argv[a][0] == '-'; a++)
	{
		if (strcmp(argv[a], "--show") == 0)
			only_show = true;
		else if (strcmp(argv[a], "-n") == 0 && a + 1 < argc)
			n = atol(argv[++a]);
		else if (strcmp(argv[a], "-r") == 0 && a + 1 < argc)
			runs = atoi(argv[++a]);
	}
	if (a >= argc || (f = fopen(argv[a], "rb")) == NULL)
	{
		fprintf(stderr, "usage: notice_bench [--show] [-n N] [-r R] FILE [YYYY-MM-DD]\n");
		return 2;
	}
	fseek(f, 0, SEEK_END);
	len = ftell(f);
	fseek(f, 0, SEEK_SET);
	text = malloc(len + 1);
	if (fread(text, 1, len, f) != (size_t) len)
		return 2;
	fclose(f);
	if (a + 1 < argc &&
		sscanf(argv[a + 1], "%d-%d-%d", &opt.published.year,
			   &opt.published.month, &opt.published.day) == 3)
		opt.has_published = true;
	if (only_show)
		return show(text, len, &opt);

	if (runs < 1 || runs > 64)
		runs = 7;
	/* the first read loads ICU's data and the era table: not timed */
	np_parse(text, len, &opt, &res);
	np_free(&res, &opt);
	for (int k = 0; k < runs; k++)
	{
		double		t0 = now_ns();

		for (long i = 0; i < n; i++)
		{
			np_parse(text, len, &opt, &res);
			np_free(&res, &opt);
		}
		t[k] = (now_ns() - t0) / n / 1000.0;
	}
	qsort(t, runs, sizeof(double), cmp_double);
	np_parse(text, len, &opt, &res);
	printf("| %s | %ld bytes | %zu windows | %.1f | %.1f | %.1f |\n", argv[a],
		   len, res.n_windows, t[runs / 2], t[0], t[runs - 1]);
	np_free(&res, &opt);
	return 0;
}
