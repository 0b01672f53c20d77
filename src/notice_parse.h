/*-------------------------------------------------------------------------
 *
 * notice_parse.h
 *	  Outage windows read from the whole text of a notice, without a server.
 *
 * A notice (a portal article, a bullet list, a letter such as the one of
 * 2025-01-30) is read into the windows it announces: one per complete
 * window, with the area and the kind the notice's own words give it.
 * Dates, times and eras are read with the grammar of wareki_parse.c.
 *
 * Plain C plus ICU, no PostgreSQL headers, so that a fuzzer and a
 * benchmark drive it directly.  Memory comes from the caller's allocator,
 * and a caller's callback is run once a line, so that the server can
 * cancel a long read.  Time is linear in the length of the text.
 *
 *-------------------------------------------------------------------------
 */
#ifndef OW_NOTICE_PARSE_H
#define OW_NOTICE_PARSE_H

#include <stdbool.h>
#include <stddef.h>

#include "wareki_parse.h"

/* A notice is a few kB; 1 MB is far more than any, and is refused above. */
#define NP_MAX_INPUT (1024 * 1024)

typedef enum NpStatus
{
	NP_OK = 0,
	NP_TOO_LONG,				/* over NP_MAX_INPUT bytes */
	NP_NO_YEAR,					/* a window's year is written nowhere */
	NP_WEEKDAY_MISMATCH,		/* a window's weekday is not its date's */
	NP_BAD_DATE,				/* a window's day does not exist */
	NP_END_NOT_AFTER_START,		/* a window whose written end is not after its start */
	NP_NO_MEMORY,				/* the allocator returned NULL */
	NP_ICU_ERROR				/* ICU failed; see wk_icu_error() */
} NpStatus;

/* Areas a notice can name.  NP_AREA_ALL is nationwide (NULL in SQL). */
typedef enum NpArea
{
	NP_AREA_ALL = 0,
	NP_AREA_EAST,
	NP_AREA_WEST
} NpArea;

/* The kinds, numbered as outage_window numbers them. */
#define NP_KIND_NONE 0
#define NP_KIND_REGISTRATION_DELAY 1
#define NP_KIND_INTERMITTENT 2
#define NP_KIND_OUTAGE 3

/* Approximation words attached to a window, as bits. */
#define NP_APPROX_YOTEI		0x01	/* 予定 */
#define NP_APPROX_KORO		0x02	/* 頃 */
#define NP_APPROX_GORO		0x04	/* ごろ */
#define NP_APPROX_MIKOMI	0x08	/* 見込み */
#define NP_APPROX_YAKU		0x10	/* 約 */
#define NP_APPROX_COUNT 5

typedef struct NpWindow
{
	NpArea		area;
	int			kind;			/* NP_KIND_* */
	WkDateTime	start;			/* Japan wall-clock time, half-open */
	WkDateTime	end;
	bool		extends;		/* a possible extension is stated */
	WkDateTime	extend_to;
	int			line;			/* 1-based line of the start */
	bool		year_inferred;	/* the start's year was not written */
	unsigned	approx;			/* NP_APPROX_* */
	const char *kind_from;		/* the words that gave the kind (UTF-8), or NULL */
	/* byte ranges of the input: the window as written, the area's words */
	size_t		note_start;
	size_t		note_end;
	size_t		area_from_start;
	size_t		area_from_end;	/* equal to the start when no area is named */
} NpWindow;

typedef struct NpOptions
{
	bool		has_published;
	WkDate		published;		/* years left out are the nearest to it */
	int			kind;			/* NP_KIND_NONE: the notice's words decide */
	void	   *(*alloc) (size_t size, void *ctx);
	void		(*release) (void *ptr, void *ctx);	/* may be NULL */
	void		(*each_line) (void *ctx);	/* may be NULL */
	void	   *ctx;
} NpOptions;

typedef struct NpResult
{
	NpStatus	status;
	NpWindow   *windows;		/* in the order the notice gives them */
	size_t		n_windows;
	/* on failure: where, and what */
	int			line;
	size_t		pos;			/* byte offset into the input */
	WkDate		date;
	int			weekday_written;
	bool		year_inferred;
	/* memory to give back, for np_free() */
	void	   *blocks[8];
	int			n_blocks;
} NpResult;

/*
 * Read the windows of a notice: s is len bytes of UTF-8 (bytes that are not
 * UTF-8 are read as blanks).  Prose gives no window and is never an error;
 * the errors are about windows that are written wrong.
 */
extern NpStatus np_parse(const char *s, size_t len, const NpOptions *opt,
						 NpResult *res);

/* Give back what np_parse() allocated (nothing to do without a release). */
extern void np_free(NpResult *res, const NpOptions *opt);

/* The word of an NP_APPROX_* bit (UTF-8), or NULL. */
extern const char *np_approx_word(unsigned bit);

#endif							/* OW_NOTICE_PARSE_H */
