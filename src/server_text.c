/*-------------------------------------------------------------------------
 *
 * server_text.c
 *	  Text between the server encoding and the UTF-8 of the plain-C parsers
 *	  and tables (see server_text.h).
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "catalog/namespace.h"
#include "mb/pg_wchar.h"

#include "pg_compat.h"
#include "server_text.h"

/*
 * Convert str[0..len) to UTF-8 up to the first character that has no
 * Unicode equivalent; *converted says how many input bytes that was.
 */
static char *
convert_to_utf8(const char *str, int len, int *utf8len, int *converted)
{
	Oid			proc = FindDefaultConversionProc(GetDatabaseEncoding(), PG_UTF8);
	unsigned char *dest;
	int			destlen = len * MAX_CONVERSION_GROWTH + 1;

	if (!OidIsValid(proc))
	{
		*utf8len = *converted = len;
		return pnstrdup(str, len);
	}
	dest = palloc(destlen);
	/* noError: stops before a character it cannot convert */
	*converted = pg_do_encoding_conversion_buf(proc, GetDatabaseEncoding(),
											   PG_UTF8,
											   (unsigned char *) str, len,
											   dest, destlen, true);
	*utf8len = strlen((char *) dest);
	return (char *) dest;
}

char *
ow_server_to_utf8(const char *str, int len, int *utf8len)
{
	int			converted;
	char	   *dest = convert_to_utf8(str, len, utf8len, &converted);

	if (converted < len)
	{
		pfree(dest);
		return NULL;
	}
	return dest;
}

char *
ow_server_prefix_to_utf8(const char *str, int len, int *utf8len)
{
	int			converted;

	return convert_to_utf8(str, len, utf8len, &converted);
}

char *
ow_utf8_to_server(const char *utf8)
{
	char	   *s = pg_any_to_server(utf8, strlen(utf8), PG_UTF8);

	return s == utf8 ? pstrdup(utf8) : s;
}
