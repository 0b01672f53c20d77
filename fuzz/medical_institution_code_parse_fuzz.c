/*-------------------------------------------------------------------------
 *
 * medical_institution_code_parse_fuzz.c
 *	  Fuzz driver for the medical institution code parser
 *	  (src/medical_institution_code_parse.c).
 *
 * medical_institution_code_in() hands the parser whatever text a client
 * sends, after conversion to UTF-8.  Whatever the bytes, the parser must
 * not read outside them, must give a status it documents with a detail in
 * range, must refuse input over its limit, and every code it accepts must
 * be valid and read back from its canonical form; the kind parser must
 * answer a kind or nothing.
 *
 * scripts/fuzz.sh builds and runs every fuzz driver.
 *
 *-------------------------------------------------------------------------
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "medical_institution_code_parse.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* an exact-size heap copy, so ASan catches any read past the end */
	char	   *s = malloc(size ? size : 1);
	int64_t		code,
				again;
	int32_t		local;
	int			detail;
	char		canonical[MIC_DIGITS + 1];
	MicParseStatus st;
	const MicKind *kind;

	memcpy(s, data, size);
	st = mic_parse(s, size, &code, &detail);
	if (st < MIC_PARSE_OK || st > MIC_PARSE_BAD_KIND)
		abort();
	if (size > MIC_PARSE_MAX_INPUT && st != MIC_PARSE_TOO_LONG)
		abort();
	if (st == MIC_PARSE_BAD_CHARACTER && (detail < 0 || (size_t) detail >= size))
		abort();
	if (st == MIC_PARSE_OK)
	{
		if (!mic_is_valid(code))
			abort();
		mic_format(code, canonical);
		if (strlen(canonical) != MIC_DIGITS ||
			mic_parse(canonical, MIC_DIGITS, &again, &detail) != MIC_PARSE_OK ||
			again != code)
			abort();
	}
	else if (code != 0)
		abort();

	st = mic_parse_local(s, size, &local, &detail);
	if (st == MIC_PARSE_OK ? (local < 0 || local > 9999999) : local != 0)
		abort();
	if (st == MIC_PARSE_BAD_PREFECTURE || st == MIC_PARSE_BAD_KIND)
		abort();

	kind = mic_parse_kind(s, size);
	if (kind != NULL && (kind < mic_kinds || kind >= mic_kinds + MIC_KIND_COUNT))
		abort();
	free(s);
	return 0;
}
