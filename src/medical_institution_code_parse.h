/*-------------------------------------------------------------------------
 *
 * medical_institution_code_parse.h
 *	  Read a 医療機関コード (medical institution code) from UTF-8 text.
 *
 * The code has 10 digits: 都道府県番号 (2), 点数表番号 (1), 郡市区番号 (2),
 * 医療機関番号 (4) and 検証番号 (1).  The last seven are the "7-digit
 * code" of the receipt file's IR record, which gives the prefecture and
 * the 点数表 in fields of their own.
 *
 * Plain C, no PostgreSQL headers, so that a fuzzer can drive the parser
 * without a server.  It never allocates and reads each byte once.
 *
 *-------------------------------------------------------------------------
 */
#ifndef OW_MEDICAL_INSTITUTION_CODE_PARSE_H
#define OW_MEDICAL_INSTITUTION_CODE_PARSE_H

#include <stddef.h>
#include <stdint.h>

/*
 * Ten full-width digits with a full-width separator between each pair
 * take 57 bytes; longer input is refused before it is read.
 */
#define MIC_PARSE_MAX_INPUT 64

/* Digits of the whole code and of the IR record's part. */
#define MIC_DIGITS 10
#define MIC_LOCAL_DIGITS 7

/* The smallest and largest codes a value may hold (prefecture 01..47). */
#define MIC_MIN INT64_C(100000000)
#define MIC_MAX INT64_C(4799999999)

typedef enum MicParseStatus
{
	MIC_PARSE_OK = 0,			/* *code is the code */
	MIC_PARSE_EMPTY,			/* nothing but white space */
	MIC_PARSE_TOO_LONG,			/* over MIC_PARSE_MAX_INPUT bytes */
	MIC_PARSE_BAD_CHARACTER,	/* a character that is neither a digit nor a
								 * separator, or a separator at either end;
								 * *detail is its byte offset */
	MIC_PARSE_WRONG_LENGTH,		/* *detail digits, not the number wanted */
	MIC_PARSE_BAD_PREFECTURE,	/* *detail is 0 or over 47 */
	MIC_PARSE_BAD_KIND			/* *detail is no 点数表番号 */
} MicParseStatus;

/*
 * The kinds of facility, by 点数表番号 (the third digit).  2, 7, 8 and 9
 * are no 点数表 and are refused.
 */
typedef struct MicKind
{
	int			digit;			/* 点数表番号 */
	const char *label;			/* what institution_kind() returns */
	const char *label_ja;		/* the Japanese name, UTF-8 */
} MicKind;

#define MIC_KIND_COUNT 6
extern const MicKind mic_kinds[MIC_KIND_COUNT];

/* The kind of a 点数表番号, or NULL if it is none. */
extern const MicKind *mic_kind_by_digit(int digit);

/*
 * Parse len bytes of UTF-8 (no NUL terminator needed): ASCII or full-width
 * digits, separated anywhere by spaces (also U+3000), hyphens, dots,
 * commas or slashes (also their full-width forms), with white space around.
 * On MIC_PARSE_OK, *code is the 10-digit code as a number; otherwise
 * *detail says what was wrong (see MicParseStatus).
 */
extern MicParseStatus mic_parse(const char *str, size_t len, int64_t *code,
								int *detail);

/*
 * The same for the IR record's 7-digit part alone (same characters): on
 * MIC_PARSE_OK, *local is 0..9999999.  The statuses about the prefecture
 * and the kind do not occur.
 */
extern MicParseStatus mic_parse_local(const char *str, size_t len,
									  int32_t *local, int *detail);

/*
 * A 点数表 given as its digit (1, full-width １) or its label, in English
 * (medical, pharmacy, ...) or Japanese (医科, 調剤, 薬局, ...), with white
 * space around: its kind, or NULL.
 */
extern const MicKind *mic_parse_kind(const char *str, size_t len);

/* Whether a number is a code a value may hold (prefecture and kind valid). */
extern int	mic_is_valid(int64_t code);

/* Write the 10-digit canonical form and a NUL into buf[11]. */
extern void mic_format(int64_t code, char *buf);

#endif							/* OW_MEDICAL_INSTITUTION_CODE_PARSE_H */
