/*-------------------------------------------------------------------------
 *
 * prefecture.h
 *	  The prefecture SQL type: one of Japan's 47 prefectures, stored as its
 *	  JIS X 0401 code (1..47) in a pass-by-value int16.
 *
 *-------------------------------------------------------------------------
 */
#ifndef OW_PREFECTURE_H
#define OW_PREFECTURE_H

#include "fmgr.h"

typedef int16 Prefecture;

#define PREFECTURE_MIN 1
#define PREFECTURE_MAX 47
#define PREFECTURE_IS_VALID(p) ((p) >= PREFECTURE_MIN && (p) <= PREFECTURE_MAX)

#define DatumGetPrefecture(X)	((Prefecture) DatumGetInt16(X))
#define PrefectureGetDatum(X)	Int16GetDatum(X)
#define PG_GETARG_PREFECTURE(n) DatumGetPrefecture(PG_GETARG_DATUM(n))
#define PG_RETURN_PREFECTURE(x) return PrefectureGetDatum(x)

/*
 * Read a prefecture from text in the server encoding (len bytes, need not be
 * NUL-terminated).  On bad input, raises 22P02 when raise_error is true, else
 * returns 0.  Shared by the type input function, to_prefecture() and the
 * text overloads of the eligibility functions.
 */
extern Prefecture ow_prefecture_from_text(const char *str, int len,
										  bool raise_error);

#endif							/* OW_PREFECTURE_H */
