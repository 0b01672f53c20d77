/*-------------------------------------------------------------------------
 *
 * address_parse.h
 *	  The prefecture a Japanese address starts with, or the prefecture of
 *	  the municipality it starts with.
 *
 * Plain C, no PostgreSQL headers, so that a fuzzer can drive it without a
 * server.  It never allocates and looks at a bounded prefix of the input.
 *
 *-------------------------------------------------------------------------
 */
#ifndef OW_ADDRESS_PARSE_H
#define OW_ADDRESS_PARSE_H

#include <stddef.h>

/*
 * Only the first ADDR_PARSE_SCAN_BYTES bytes of an address are read: a
 * postal code, white space and a prefecture or 郡 and municipality name
 * take less than a fifth of them.  The rest cannot change the answer.
 */
#define ADDR_PARSE_SCAN_BYTES 256

/*
 * The JIS X 0401 code of the prefecture that the UTF-8 address str[0..len)
 * names at its start, after white space and an optional postal code
 * (〒123-4567, 123-4567, 1234567, full-width too): its prefecture's name
 * (東京都), or a municipality's name (千代田区, 札幌市中央区), also after a
 * 郡 (虻田郡洞爺湖町).  0 when it names none, or when the municipality's
 * name is one of several prefectures' (府中市, 伊達市).
 */
extern int	addr_prefecture(const char *str, size_t len);

#endif							/* OW_ADDRESS_PARSE_H */
