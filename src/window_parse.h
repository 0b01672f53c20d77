/*-------------------------------------------------------------------------
 *
 * window_parse.h
 *	  Split an outage_window text literal into its parts, without a server.
 *
 * The splitter only finds the brackets, the two bound texts and the kind
 * word; reading the bounds as timestamps and the kind as an OutageKind is
 * left to outage_window.c.  It uses no PostgreSQL headers and never
 * allocates, so a fuzzer can drive it as a plain C function.
 *
 *-------------------------------------------------------------------------
 */
#ifndef OW_WINDOW_PARSE_H
#define OW_WINDOW_PARSE_H

#include <stdbool.h>
#include <stddef.h>

typedef enum WpStatus
{
	WP_OK = 0,
	WP_MISSING_LEFT_BRACKET,	/* first non-blank is not '[' or '(' */
	WP_MISSING_COMMA,			/* first bound not followed by ',' */
	WP_TOO_MANY_COMMAS,			/* a second unquoted ',' */
	WP_MISSING_RIGHT_BRACKET,	/* second bound not followed by ']' or ')' */
	WP_UNTERMINATED_QUOTE,		/* '"' never closed */
	WP_JUNK_AFTER_QUOTE,		/* text between a closing '"' and ',' or bracket */
	WP_DANGLING_ESCAPE,			/* '\' at the very end */
	WP_JUNK_AFTER_KIND			/* a second word after the kind */
} WpStatus;

/* One bound as written: the text between its delimiters, escapes intact. */
typedef struct WpBound
{
	size_t		start;			/* offset of the first byte */
	size_t		len;			/* bytes, escapes still in */
	bool		quoted;			/* was written as "..." */
	bool		empty;			/* unquoted and blank: unbounded */
} WpBound;

typedef struct WpResult
{
	WpStatus	status;
	size_t		error_pos;		/* offset where the problem was noticed */
	bool		lower_inc;		/* '[' rather than '(' */
	bool		upper_inc;		/* ']' rather than ')' */
	WpBound		lower;
	WpBound		upper;
	size_t		kind_start;		/* kind word, without surrounding blanks */
	size_t		kind_len;		/* 0 if no kind was written */
} WpResult;

/* Split s[0..len); the result's status says whether it is well formed. */
extern void wp_split(const char *s, size_t len, WpResult *res);

/*
 * Copy a bound's text to dst with escapes resolved and, for unquoted bounds,
 * surrounding blanks dropped; dst needs b->len + 1 bytes.  Returns the length
 * written (dst is NUL-terminated).
 */
extern size_t wp_bound_text(const char *s, const WpBound *b, char *dst);

/* A sentence describing a status, for errdetail. */
extern const char *wp_status_detail(WpStatus status);

#endif							/* OW_WINDOW_PARSE_H */
