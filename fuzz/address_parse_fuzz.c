/*-------------------------------------------------------------------------
 *
 * address_parse_fuzz.c
 *	  Fuzz driver for the address parser (src/address_parse.c with the
 *	  generated municipality table and the prefecture names).
 *
 * address_prefecture() hands the parser the start of any text a column
 * holds.  Whatever the bytes, it must not read outside them, must answer
 * 0..47, must not look past its scan limit, and must find a prefecture's
 * name written before the bytes.
 *
 * scripts/fuzz.sh builds and runs every fuzz driver; the line below tells
 * it what this driver links besides src/address_parse.c.
 * OW_FUZZ_SOURCES: src/municipality_names.c src/prefecture_names.c
 *
 *-------------------------------------------------------------------------
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "address_parse.h"
#include "prefecture_names.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* an exact-size heap copy, so ASan catches any read past the end */
	char	   *s = malloc(size ? size : 1);
	char	   *prefixed;
	int			code,
				pref;
	size_t		nlen;

	memcpy(s, data, size);
	code = addr_prefecture(s, size);
	if (code < 0 || code > PREF_NAME_COUNT)
		abort();
	/* bytes past the scan limit never change the answer */
	if (size > ADDR_PARSE_SCAN_BYTES &&
		addr_prefecture(s, ADDR_PARSE_SCAN_BYTES) != code)
		abort();

	/* a prefecture's name before anything names that prefecture */
	pref = 1 + (size ? data[0] : 0) % PREF_NAME_COUNT;
	nlen = strlen(pref_names[pref].kanji);
	prefixed = malloc(nlen + size);
	memcpy(prefixed, pref_names[pref].kanji, nlen);
	memcpy(prefixed + nlen, data, size);
	if (addr_prefecture(prefixed, nlen + size) != pref)
		abort();
	free(prefixed);
	free(s);
	return 0;
}
