/*-------------------------------------------------------------------------
 *
 * input_quote.c
 *	  The part of a rejected input that an error message quotes.
 *
 * One helper for every input and parse function (prefecture, outage_window,
 * outage_calendar, the wareki functions), so that no message copies a huge
 * value into the server log, and all cut it the same way.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "mb/pg_wchar.h"

#include "input_quote.h"
#include "pg_compat.h"

char *
ow_quote_input(const char *str, int len)
{
	int			cut;
	char	   *result;

	if (len <= OW_QUOTE_MAX_BYTES)
		return pnstrdup(str, len);

	/* a multibyte character is never split: the message must stay valid */
	cut = pg_mbcliplen(str, len, OW_QUOTE_MAX_BYTES);
	result = palloc(cut + 4);
	memcpy(result, str, cut);
	memcpy(result + cut, "...", 4);
	return result;
}

char *
ow_quote_cstring(const char *str)
{
	/* strnlen: a long value is never read past the part that is quoted */
	return ow_quote_input(str, (int) strnlen(str, OW_QUOTE_MAX_BYTES + 1));
}
