/*-------------------------------------------------------------------------
 *
 * municipality_names.h
 *	  Japan's municipality names with their prefectures, generated from the
 *	  全国地方公共団体コード list (scripts/gen_municipalities.mjs).
 *
 * Plain C, no PostgreSQL headers: read by the address parser and its
 * fuzzer.  All strings are UTF-8.
 *
 *-------------------------------------------------------------------------
 */
#ifndef OW_MUNICIPALITY_NAMES_H
#define OW_MUNICIPALITY_NAMES_H

/* No municipality name is longer (いちき串木野市 is 21 bytes). */
#define MUNICIPALITY_NAME_MAX_BYTES 24

typedef struct MunicipalityName
{
	const char *name;			/* 札幌市, 千代田区, 森町; ヶ folded to ケ */
	unsigned char prefecture;	/* JIS X 0401 code; 0 if the name is a
								 * municipality of several prefectures */
} MunicipalityName;

/* Sorted by the bytes of the name (strcmp order). */
extern const MunicipalityName municipality_names[];
extern const int municipality_name_count;

#endif							/* OW_MUNICIPALITY_NAMES_H */
