/*-------------------------------------------------------------------------
 *
 * prefecture_match.h
 *	  Matching normalised prefecture spellings against the name table:
 *	  the byte-level half of the parser, with no ICU and no PostgreSQL.
 *
 *-------------------------------------------------------------------------
 */
#ifndef OW_PREFECTURE_MATCH_H
#define OW_PREFECTURE_MATCH_H

#include <stddef.h>

#include "prefecture_parse.h"

/* Exact lookup of UTF-8 kanji or hiragana; 0 when unknown. */
extern int	pref_lookup_exact(const char *s, size_t len);

/*
 * Match UTF-8 kanji or hiragana (katakana already folded to hiragana),
 * accepting long vowels written as お and diagnosing wrong suffixes.
 */
extern PrefParseStatus pref_match_japanese(const char *s, size_t len,
										   int *code);

/* Match printable ASCII: codes, JP-NN, romaji. */
extern PrefParseStatus pref_match_ascii(const char *s, size_t len, int *code);

/* Number of spellings claimed by two prefectures (0 in a sound table). */
extern int	pref_match_collisions(void);

#endif							/* OW_PREFECTURE_MATCH_H */
