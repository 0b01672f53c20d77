/*-------------------------------------------------------------------------
 *
 * address_prefecture.c
 *	  SQL layer of address_prefecture(): the prefecture an address starts
 *	  with (parser in address_parse.c).
 *
 * Only the first ADDR_PARSE_SCAN_BYTES bytes can change the answer, so
 * only they are detoasted and, in a database that is not UTF-8, converted;
 * a long address costs what a short one does.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "fmgr.h"
#include "mb/pg_wchar.h"

#include "address_parse.h"
#include "pg_compat.h"
#include "prefecture.h"
#include "server_text.h"

PG_FUNCTION_INFO_V1(address_prefecture);
Datum
address_prefecture(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_P_SLICE(0, 0, ADDR_PARSE_SCAN_BYTES);
	const char *str = VARDATA_ANY(t);
	int			len = VARSIZE_ANY_EXHDR(t);
	int			code;

	if (GetDatabaseEncoding() != PG_UTF8)
	{
		int			utf8len;

		/*
		 * The slice may end inside a character, and a user-defined
		 * character (gaiji) in a place name has no Unicode equivalent:
		 * what comes before either still names the prefecture.
		 */
		str = ow_server_prefix_to_utf8(str, pg_mbcliplen(str, len, len),
									   &utf8len);
		len = utf8len;
	}
	code = addr_prefecture(str, len);
	if (code == 0)
		PG_RETURN_NULL();
	PG_RETURN_PREFECTURE((Prefecture) code);
}
