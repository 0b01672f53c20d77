/*-------------------------------------------------------------------------
 *
 * prefecture_parse.h
 *	  Read a prefecture from UTF-8 text the way people and real data write
 *	  it: codes, kanji, kana, romaji.
 *
 * Plain C plus ICU, no PostgreSQL headers, so that a benchmark or fuzzer
 * can drive the parser without a server.  It never allocates per call,
 * never longjmps and keeps its ICU objects in statics for the process.
 *
 *-------------------------------------------------------------------------
 */
#ifndef OW_PREFECTURE_PARSE_H
#define OW_PREFECTURE_PARSE_H

#include <stddef.h>

/* No spelling of a prefecture comes near this; longer input is refused. */
#define PREF_PARSE_MAX_INPUT 256

typedef enum PrefParseStatus
{
	PREF_PARSE_OK = 0,			/* *code is the JIS code */
	PREF_PARSE_EMPTY,			/* nothing but white space */
	PREF_PARSE_TOO_LONG,		/* over PREF_PARSE_MAX_INPUT bytes */
	PREF_PARSE_BAD_NUMBER,		/* a number, but not a code 1..47 */
	PREF_PARSE_WRONG_SUFFIX,	/* base name known (*code), suffix wrong or
								 * doubled */
	PREF_PARSE_UNKNOWN,			/* no prefecture by that name */
	PREF_PARSE_BAD_ENCODING,	/* not valid UTF-8 */
	PREF_PARSE_ICU_ERROR		/* ICU failed; see pref_parse_icu_error() */
} PrefParseStatus;

/*
 * Parse len bytes of UTF-8 (no NUL terminator needed).  *code is set to the
 * JIS code on PREF_PARSE_OK, to the recognised base prefecture on
 * PREF_PARSE_WRONG_SUFFIX, and to 0 otherwise.
 */
extern PrefParseStatus pref_parse(const char *str, size_t len, int *code);

/* Name of the ICU error behind the last PREF_PARSE_ICU_ERROR. */
extern const char *pref_parse_icu_error(void);

/* Close the cached ICU objects (for leak checkers; parsing reopens them). */
extern void pref_parse_cleanup(void);

#endif							/* OW_PREFECTURE_PARSE_H */
