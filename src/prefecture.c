/*-------------------------------------------------------------------------
 *
 * prefecture.c
 *	  SQL layer of the prefecture type: text and binary I/O, casts from
 *	  integers, to_prefecture() and the accessors.
 *
 * The parser (prefecture_parse.c) works on UTF-8 only, so text crosses the
 * server encoding here, in both directions: EUC_JP databases are common
 * among Japanese hospital systems.  Comparison, hashing and the casts to
 * integers reuse the int2 functions in SQL, since a prefecture is an int2.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "fmgr.h"
#include "libpq/pqformat.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"

#include "input_quote.h"
#include "pg_compat.h"
#include "prefecture.h"
#include "prefecture_names.h"
#include "prefecture_parse.h"
#include "server_text.h"

/*
 * Whether the server encoding can hold kanji; elsewhere (LATIN1, ...)
 * messages fall back to romaji instead of failing to convert.
 */
static bool
server_speaks_japanese(void)
{
	int			enc = GetDatabaseEncoding();

	return enc == PG_UTF8 || enc == PG_EUC_JP || enc == PG_EUC_JIS_2004;
}

/* Name a prefecture in a message, in kanji where the encoding allows. */
static char *
name_for_message(int code)
{
	if (server_speaks_japanese())
		return ow_utf8_to_server(pref_names[code].kanji);
	return pstrdup(pref_names[code].romaji);
}

static char *
suffix_for_message(int code)
{
	const char *suffix = pref_names[code].suffix;

	if (server_speaks_japanese())
		return ow_utf8_to_server(suffix);
	return psprintf("-%s", pref_suffix_romaji(suffix));
}

static void
report_bad_input(PrefParseStatus status, int code, const char *str, int len)
{
	const char *hint =
		"Write a JIS code (1 to 47, 01, JP-13) or a prefecture's name in "
		"kanji, kana or romaji, with or without its suffix, such as 13, "
		"Tokyo or Tokyo-to.";
	char	   *value = ow_quote_input(str, len);

	switch (status)
	{
		case PREF_PARSE_EMPTY:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					 errmsg("invalid input syntax for type %s: \"%s\"",
							"prefecture", value),
					 errdetail("The input is empty."),
					 errhint("%s", hint)));
			break;
		case PREF_PARSE_TOO_LONG:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					 errmsg("invalid input syntax for type %s: \"%s\"",
							"prefecture", value),
					 errdetail("The input is %d bytes long, more than the %d bytes any spelling of a prefecture needs.",
							   len, PREF_PARSE_MAX_INPUT),
					 errhint("%s", hint)));
			break;
		case PREF_PARSE_BAD_NUMBER:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					 errmsg("invalid input syntax for type %s: \"%s\"",
							"prefecture", value),
					 errdetail("Prefecture codes are the numbers 1 to %d of JIS X 0401.",
							   PREF_NAME_COUNT),
					 errhint("%s", hint)));
			break;
		case PREF_PARSE_WRONG_SUFFIX:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					 errmsg("invalid input syntax for type %s: \"%s\"",
							"prefecture", value),
					 errdetail("This is the name of %s (JIS code %d), which takes the suffix %s exactly once.",
							   name_for_message(code), code,
							   suffix_for_message(code)),
					 errhint("%s", hint)));
			break;
		case PREF_PARSE_BAD_ENCODING:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					 errmsg("invalid input syntax for type %s: \"%s\"",
							"prefecture", value),
					 errdetail("The input is not valid UTF-8 after conversion from the server encoding.")));
			break;
		case PREF_PARSE_ICU_ERROR:
			ereport(ERROR,
					(errcode(ERRCODE_EXTERNAL_ROUTINE_EXCEPTION),
					 errmsg("could not normalize prefecture input \"%s\"",
							value),
					 errdetail("ICU reported %s.", pref_parse_icu_error())));
			break;
		case PREF_PARSE_OK:
		case PREF_PARSE_UNKNOWN:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					 errmsg("invalid input syntax for type %s: \"%s\"",
							"prefecture", value),
					 errhint("%s", hint)));
			break;
	}
}

Prefecture
ow_prefecture_from_text(const char *str, int len, bool raise_error)
{
	PrefParseStatus status;
	int			code = 0;

	/*
	 * Refuse overlong input before converting it: the parser would refuse
	 * it anyway and the conversion of a huge value is wasted work.
	 */
	if (len > PREF_PARSE_MAX_INPUT)
		status = PREF_PARSE_TOO_LONG;
	else if (GetDatabaseEncoding() == PG_UTF8)
		status = pref_parse(str, len, &code);
	else
	{
		int			utf8len;
		char	   *utf8 = ow_server_to_utf8(str, len, &utf8len);

		if (utf8 == NULL)
		{
			if (raise_error)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
						 errmsg("invalid input syntax for type %s: \"%s\"",
								"prefecture", ow_quote_input(str, len)),
						 errdetail("The input has a character with no Unicode equivalent, such as a user-defined character.")));
			return 0;
		}
		status = pref_parse(utf8, utf8len, &code);
		pfree(utf8);
	}
	if (status == PREF_PARSE_OK)
		return (Prefecture) code;

	/* a broken ICU is not the data's fault: never hide it behind NULL */
	if (raise_error || status == PREF_PARSE_ICU_ERROR)
		report_bad_input(status, code, str, len);
	return 0;
}

PG_FUNCTION_INFO_V1(prefecture_in);
Datum
prefecture_in(PG_FUNCTION_ARGS)
{
	const char *str = PG_GETARG_CSTRING(0);

	PG_RETURN_PREFECTURE(ow_prefecture_from_text(str, strlen(str), true));
}

PG_FUNCTION_INFO_V1(prefecture_out);
Datum
prefecture_out(PG_FUNCTION_ARGS)
{
	Prefecture	p = PG_GETARG_PREFECTURE(0);

	/* stored values are valid; this guards against a corrupt page */
	if (!PREFECTURE_IS_VALID(p))
		elog(ERROR, "invalid prefecture code %d", (int) p);
	PG_RETURN_CSTRING(ow_utf8_to_server(pref_names[p].kanji));
}

PG_FUNCTION_INFO_V1(prefecture_recv);
Datum
prefecture_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int16		code = (int16) pq_getmsgint(buf, sizeof(int16));

	/* binary input is client data too: validate it like text */
	if (!PREFECTURE_IS_VALID(code))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid prefecture code %d in binary input",
						(int) code),
				 errdetail("Prefecture codes are the numbers 1 to %d of JIS X 0401.",
						   PREF_NAME_COUNT)));
	PG_RETURN_PREFECTURE(code);
}

PG_FUNCTION_INFO_V1(prefecture_send);
Datum
prefecture_send(PG_FUNCTION_ARGS)
{
	Prefecture	p = PG_GETARG_PREFECTURE(0);
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendint16(&buf, p);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

static Prefecture
prefecture_from_int(int64 value)
{
	if (value < PREFECTURE_MIN || value > PREFECTURE_MAX)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("prefecture code %lld is out of range",
						(long long) value),
				 errhint("Prefecture codes are the numbers 1 to %d of JIS X 0401.",
						 PREF_NAME_COUNT)));
	return (Prefecture) value;
}

PG_FUNCTION_INFO_V1(prefecture_from_int4);
Datum
prefecture_from_int4(PG_FUNCTION_ARGS)
{
	PG_RETURN_PREFECTURE(prefecture_from_int(PG_GETARG_INT32(0)));
}

PG_FUNCTION_INFO_V1(prefecture_from_int2);
Datum
prefecture_from_int2(PG_FUNCTION_ARGS)
{
	PG_RETURN_PREFECTURE(prefecture_from_int(PG_GETARG_INT16(0)));
}

PG_FUNCTION_INFO_V1(to_prefecture);
Datum
to_prefecture(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	Prefecture	p;

	p = ow_prefecture_from_text(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), false);
	if (p == 0)
		PG_RETURN_NULL();
	PG_RETURN_PREFECTURE(p);
}

PG_FUNCTION_INFO_V1(prefecture_code);
Datum
prefecture_code(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32((int32) PG_GETARG_PREFECTURE(0));
}

/* The accessors below index the table; a corrupt value must not read past it. */
static const PrefectureName *
entry(Prefecture p)
{
	if (!PREFECTURE_IS_VALID(p))
		elog(ERROR, "invalid prefecture code %d", (int) p);
	return &pref_names[p];
}

static text *
server_text(const char *utf8)
{
	return cstring_to_text(ow_utf8_to_server(utf8));
}

PG_FUNCTION_INFO_V1(prefecture_name_en);
Datum
prefecture_name_en(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(cstring_to_text(entry(PG_GETARG_PREFECTURE(0))->name_en));
}

PG_FUNCTION_INFO_V1(prefecture_reading);
Datum
prefecture_reading(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(server_text(entry(PG_GETARG_PREFECTURE(0))->reading));
}

PG_FUNCTION_INFO_V1(prefecture_region);
Datum
prefecture_region(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(server_text(entry(PG_GETARG_PREFECTURE(0))->region));
}
