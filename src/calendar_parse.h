/*-------------------------------------------------------------------------
 *
 * calendar_parse.h
 *	  Split the text form of an outage_calendar, in plain C.
 *
 * The form is
 *	 {"east"(1,2,13; 2212345678): [2025-02-01 22:00:00+09,2025-02-02
 *	  00:30:00+09) outage, [...) intermittent "guidance"; "west"(16,...):
 *	  ...; *: [...) outage}
 * - a brace-enclosed list of entries separated by ';', each a quoted area
 * name with its prefectures' JIS codes in parentheses, optionally followed
 * by ';' and the 10-digit codes of facilities on that area (facility_area),
 * or '*' for the nationwide windows, then ':' and the area's window
 * literals separated by ','.  A window may carry its own guidance text, in
 * double quotes after its kind, or "#n": the same text as the n-th guidance
 * quoted in the calendar (from 1, in the order written), so that a text is
 * written once however many windows carry it and the form stays within a
 * size bounded by the windows and the distinct texts.  Version 1.0's form
 * is this without facilities and guidance.  This file finds the pieces and hands them to
 * callbacks; reading the window literals and checking the codes is the
 * caller's job.  No server headers: a fuzzer drives it alone.
 *
 *-------------------------------------------------------------------------
 */
#ifndef OW_CALENDAR_PARSE_H
#define OW_CALENDAR_PARSE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* digits of a "#n" guidance reference: n < 10^9 */
#define CP_MAX_REF_DIGITS 9

typedef enum CpStatus
{
	CP_OK = 0,
	CP_MISSING_LEFT_BRACE,		/* does not start with '{' */
	CP_EXPECTED_AREA,			/* an entry starts with neither '"' nor '*' */
	CP_UNTERMINATED_NAME,		/* '"' of an area name never closed */
	CP_EXPECTED_CODES,			/* no '(' after an area name */
	CP_BAD_CODE,				/* a code is not 1 to 3 digits */
	CP_UNTERMINATED_CODES,		/* no ')' closing the codes */
	CP_EXPECTED_COLON,			/* no ':' after the area */
	CP_EXPECTED_WINDOW,			/* a window does not start with '[' or '(' */
	CP_UNTERMINATED_WINDOW,		/* a window's bracket never closed */
	CP_MISSING_RIGHT_BRACE,		/* input ended before '}' */
	CP_JUNK_AFTER_BRACE,		/* text after the closing '}' */
	CP_BAD_FACILITY,			/* a facility code is not 10 digits */
	CP_UNTERMINATED_GUIDANCE,	/* '"' of a window's guidance never closed */
	CP_JUNK_AFTER_GUIDANCE,		/* a window's guidance followed by text */
	CP_BAD_GUIDANCE_REF,		/* '#' not followed by 1 to 9 digits, not 0 */
	CP_STOPPED					/* a callback asked to stop */
} CpStatus;

typedef struct CpCallbacks
{
	void	   *arg;
	/* an entry: nationwide, or the area name as written (escapes intact) */
	bool		(*area) (void *arg, bool nationwide, const char *name, size_t len);
	/* a prefecture code of the current area */
	bool		(*code) (void *arg, int code);
	/* a facility code (10 digits) of the current area */
	bool		(*facility) (void *arg, int64_t code);

	/*
	 * a window literal of the current entry, without surrounding blanks,
	 * and its guidance as written between the quotes (escapes intact), or
	 * NULL; or guidance_ref > 0, the number of a guidance quoted before
	 * (checking that there is one is the caller's job)
	 */
	bool		(*window) (void *arg, const char *text, size_t len,
						   const char *guidance, size_t guidance_len,
						   uint32_t guidance_ref);
} CpCallbacks;

/* Split s[0..len); *error_pos is set where a problem was noticed. */
extern CpStatus cp_split(const char *s, size_t len, const CpCallbacks *cb,
						 size_t *error_pos);

/*
 * An area name or guidance with its backslash escapes resolved, into dst (room for len
 * bytes); returns the length written.
 */
extern size_t cp_unescape(const char *name, size_t len, char *dst);

/* A sentence describing a status, for errdetail. */
extern const char *cp_status_detail(CpStatus status);

#endif							/* OW_CALENDAR_PARSE_H */
