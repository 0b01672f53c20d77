/*-------------------------------------------------------------------------
 *
 * prefecture_names.h
 *	  Static table of Japan's 47 prefectures indexed by JIS X 0401 code.
 *
 * Plain C, no PostgreSQL headers: shared by the SQL layer, the parser and
 * the parser's benchmark.  All strings are UTF-8.
 *
 *-------------------------------------------------------------------------
 */
#ifndef OW_PREFECTURE_NAMES_H
#define OW_PREFECTURE_NAMES_H

#include <stddef.h>

#define PREF_NAME_COUNT 47

typedef struct PrefectureName
{
	const char *kanji;			/* canonical name, 東京都 */
	const char *kanji_short;	/* without the suffix, 東京; NULL for 北海道 */
	const char *suffix;			/* 都, 道, 府 or 県 */
	const char *reading;		/* hiragana of the full name, とうきょうと */
	const char *reading_short;	/* hiragana without the suffix; NULL for 北海道 */
	const char *romaji;			/* Hepburn without macrons or suffix, Tokyo */
	const char *name_en;		/* English name, Tokyo */
	const char *region;			/* conventional region, 関東 */
} PrefectureName;

/* Entry 0 is all NULL so that the table can be indexed by the code itself. */
extern const PrefectureName pref_names[PREF_NAME_COUNT + 1];

/* Romaji spelling of a suffix (都 → "to"); NULL if unknown. */
extern const char *pref_suffix_romaji(const char *suffix);

#endif							/* OW_PREFECTURE_NAMES_H */
