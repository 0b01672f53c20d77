/*-------------------------------------------------------------------------
 *
 * medical_institution_code.c
 *	  SQL layer of the medical_institution_code type: text and binary I/O,
 *	  to_medical_institution_code(), the constructor from the receipt
 *	  file's fields and the accessors.
 *
 * The parser is plain C (medical_institution_code_parse.c); text crosses
 * the server encoding here, only when it is not ASCII (full-width digits
 * in an EUC_JP database).  Comparison and hashing reuse the int8 functions
 * in SQL, since a code is stored as its number: numeric order is the order
 * of the ten digits, prefecture first.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "fmgr.h"
#include "libpq/pqformat.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"

#include "input_quote.h"
#include "medical_institution_code.h"
#include "medical_institution_code_parse.h"
#include "pg_compat.h"
#include "server_text.h"

#define MIC_HINT \
	"Write the code's 10 digits, with or without separators, such as " \
	"1312345678 or 13-1-1234567: two for the prefecture (01 to 47), one " \
	"for the fee schedule (tensu-hyo) and the 7-digit code."

static void
report_bad_code(MicParseStatus status, int detail, const char *str, int len)
{
	char	   *value = ow_quote_input(str, len);

	switch (status)
	{
		case MIC_PARSE_EMPTY:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					 errmsg("invalid input syntax for type %s: \"%s\"",
							"medical_institution_code", value),
					 errdetail("The input is empty."),
					 errhint(MIC_HINT)));
			break;
		case MIC_PARSE_TOO_LONG:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					 errmsg("invalid input syntax for type %s: \"%s\"",
							"medical_institution_code", value),
					 errdetail("The input is longer than the %d bytes any spelling of a medical institution code needs.",
							   MIC_PARSE_MAX_INPUT),
					 errhint(MIC_HINT)));
			break;
		case MIC_PARSE_BAD_CHARACTER:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					 errmsg("invalid input syntax for type %s: \"%s\"",
							"medical_institution_code", value),
					 errdetail("A medical institution code has digits only, with spaces, hyphens, dots, commas or slashes between them."),
					 errhint(MIC_HINT)));
			break;
		case MIC_PARSE_WRONG_LENGTH:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					 errmsg("invalid input syntax for type %s: \"%s\"",
							"medical_institution_code", value),
					 errdetail("The input has %d digits; a medical institution code has 10.",
							   detail),
					 detail == MIC_DIGITS - 1 ?
					 errhint("A 9-digit code may have lost its leading zero in a numeric column (prefectures 01 to 09): pad it with lpad(column::text, 10, '0').") :
					 detail == MIC_LOCAL_DIGITS ?
					 errhint("A 7-digit code is unique only within a prefecture and a fee schedule: build the code with medical_institution_code(prefecture, kind, code).") :
					 errhint(MIC_HINT)));
			break;
		case MIC_PARSE_BAD_PREFECTURE:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					 errmsg("invalid input syntax for type %s: \"%s\"",
							"medical_institution_code", value),
					 errdetail("The first two digits, %02d, are no prefecture: prefecture codes are 01 to 47.",
							   detail),
					 errhint(MIC_HINT)));
			break;
		case MIC_PARSE_BAD_KIND:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					 errmsg("invalid input syntax for type %s: \"%s\"",
							"medical_institution_code", value),
					 errdetail("The third digit, %d, is no fee schedule (tensu-hyo): 1 medical, 3 dental, 4 pharmacy, 5 geriatric health facility, 6 home-visit nursing, 0 midwifery.",
							   detail),
					 errhint(MIC_HINT)));
			break;
		case MIC_PARSE_OK:
			elog(ERROR, "medical institution code accepted and refused");
			break;
	}
}

/*
 * str[0..len) in the server encoding as UTF-8 for the parser: as it is when
 * it is ASCII or the server speaks UTF-8, else converted (palloc'd).  NULL
 * if a character has no Unicode equivalent.
 */
static const char *
parser_text(const char *str, int len, int *utf8len)
{
	int			i = 0;

	while (i < len && !IS_HIGHBIT_SET(str[i]))
		i++;
	if (i == len || GetDatabaseEncoding() == PG_UTF8)
	{
		*utf8len = len;
		return str;
	}
	return ow_server_to_utf8(str, len, utf8len);
}

/*
 * Read a code from text in the server encoding.  On bad input, raises 22P02
 * when raise_error is true, else returns 0 (never a valid code).
 */
static MedicalInstitutionCode
code_from_text(const char *str, int len, bool raise_error)
{
	MicParseStatus status;
	int64_t		code = 0;
	int			detail = 0;

	/* refuse overlong input before converting it */
	if (len > MIC_PARSE_MAX_INPUT)
		status = MIC_PARSE_TOO_LONG;
	else
	{
		int			utf8len;
		const char *utf8 = parser_text(str, len, &utf8len);

		status = utf8 == NULL ? MIC_PARSE_BAD_CHARACTER :
			mic_parse(utf8, utf8len, &code, &detail);
	}
	if (status == MIC_PARSE_OK)
		return (MedicalInstitutionCode) code;
	if (raise_error)
		report_bad_code(status, detail, str, len);
	return 0;
}

PG_FUNCTION_INFO_V1(medical_institution_code_in);
Datum
medical_institution_code_in(PG_FUNCTION_ARGS)
{
	const char *str = PG_GETARG_CSTRING(0);

	/* strnlen: a huge value is refused without measuring all of it */
	PG_RETURN_MEDICAL_INSTITUTION_CODE(code_from_text(str,
													  (int) strnlen(str, MIC_PARSE_MAX_INPUT + 1),
													  true));
}

/* stored values are valid; this guards against a corrupt page */
static MedicalInstitutionCode
checked(MedicalInstitutionCode code)
{
	if (!mic_is_valid(code))
		elog(ERROR, "invalid medical institution code %lld", (long long) code);
	return code;
}

PG_FUNCTION_INFO_V1(medical_institution_code_out);
Datum
medical_institution_code_out(PG_FUNCTION_ARGS)
{
	char	   *buf = palloc(MIC_DIGITS + 1);

	mic_format(checked(PG_GETARG_MEDICAL_INSTITUTION_CODE(0)), buf);
	PG_RETURN_CSTRING(buf);
}

PG_FUNCTION_INFO_V1(medical_institution_code_recv);
Datum
medical_institution_code_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int64		code = pq_getmsgint64(buf);

	/* binary input is client data too: validate it like text */
	if (!mic_is_valid(code))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid medical institution code %lld in binary input",
						(long long) code),
				 errdetail("A code is 10 digits: a prefecture 01 to 47, a fee schedule digit 0, 1, 3, 4, 5 or 6, and 7 digits.")));
	PG_RETURN_MEDICAL_INSTITUTION_CODE(code);
}

PG_FUNCTION_INFO_V1(medical_institution_code_send);
Datum
medical_institution_code_send(PG_FUNCTION_ARGS)
{
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendint64(&buf, PG_GETARG_MEDICAL_INSTITUTION_CODE(0));
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

PG_FUNCTION_INFO_V1(to_medical_institution_code);
Datum
to_medical_institution_code(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	MedicalInstitutionCode code;

	/* a long value is not detoasted past what the parser may read */
	if (VARSIZE_ANY_EXHDR(t) > MIC_PARSE_MAX_INPUT)
		PG_RETURN_NULL();
	code = code_from_text(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), false);
	if (code == 0)
		PG_RETURN_NULL();
	PG_RETURN_MEDICAL_INSTITUTION_CODE(code);
}

/*
 * medical_institution_code(prefecture, kind, code): the receipt file's IR
 * record gives the prefecture, the 点数表 and the 7-digit code in fields
 * of their own.
 */
PG_FUNCTION_INFO_V1(medical_institution_code);
Datum
medical_institution_code(PG_FUNCTION_ARGS)
{
	Prefecture	prefecture = PG_GETARG_PREFECTURE(0);
	text	   *kind_text = PG_GETARG_TEXT_PP(1);
	text	   *local_text = PG_GETARG_TEXT_PP(2);
	const char *str;
	const char *utf8;
	int			len,
				utf8len,
				detail;
	const MicKind *kind = NULL;
	int32_t		local = 0;
	MicParseStatus status = MIC_PARSE_TOO_LONG;

	if (!PREFECTURE_IS_VALID(prefecture))
		elog(ERROR, "invalid prefecture code %d", (int) prefecture);

	str = VARDATA_ANY(kind_text);
	len = VARSIZE_ANY_EXHDR(kind_text);
	if (len <= MIC_PARSE_MAX_INPUT && (utf8 = parser_text(str, len, &utf8len)) != NULL)
		kind = mic_parse_kind(utf8, utf8len);
	if (kind == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid fee schedule for a medical institution code: \"%s\"",
						ow_quote_input(str, len)),
				 errdetail("The fee schedule (tensu-hyo) is one of 1 medical, 3 dental, 4 pharmacy, 5 geriatric health facility, 6 home-visit nursing, 0 midwifery."),
				 errhint("Give its digit, as the receipt file's IR record does, or its name, such as pharmacy or the Japanese name.")));

	str = VARDATA_ANY(local_text);
	len = VARSIZE_ANY_EXHDR(local_text);
	if (len <= MIC_PARSE_MAX_INPUT)
	{
		utf8 = parser_text(str, len, &utf8len);
		status = utf8 == NULL ? MIC_PARSE_BAD_CHARACTER :
			mic_parse_local(utf8, utf8len, &local, &detail);
	}
	if (status != MIC_PARSE_OK)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid 7-digit medical institution code: \"%s\"",
						ow_quote_input(str, len)),
				 errdetail("The 7-digit code (gun-shi-ku number, institution number and check digit) has 7 digits, with or without separators."),
				 errhint("Give the IR record's medical institution code field, such as 1234567 or 12,3456,7.")));

	PG_RETURN_MEDICAL_INSTITUTION_CODE((MedicalInstitutionCode) prefecture * 100000000 +
									   (MedicalInstitutionCode) kind->digit * 10000000 +
									   local);
}

PG_FUNCTION_INFO_V1(institution_prefecture);
Datum
institution_prefecture(PG_FUNCTION_ARGS)
{
	MedicalInstitutionCode code = checked(PG_GETARG_MEDICAL_INSTITUTION_CODE(0));

	PG_RETURN_PREFECTURE(MEDICAL_INSTITUTION_CODE_PREFECTURE(code));
}

static const MicKind *
kind_of(MedicalInstitutionCode code)
{
	return mic_kind_by_digit((int) (checked(code) / 10000000 % 10));
}

PG_FUNCTION_INFO_V1(institution_kind);
Datum
institution_kind(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(cstring_to_text(kind_of(PG_GETARG_MEDICAL_INSTITUTION_CODE(0))->label));
}

PG_FUNCTION_INFO_V1(institution_kind_ja);
Datum
institution_kind_ja(PG_FUNCTION_ARGS)
{
	const char *ja = kind_of(PG_GETARG_MEDICAL_INSTITUTION_CODE(0))->label_ja;

	PG_RETURN_TEXT_P(cstring_to_text(ow_utf8_to_server(ja)));
}

PG_FUNCTION_INFO_V1(institution_code7);
Datum
institution_code7(PG_FUNCTION_ARGS)
{
	char		buf[MIC_DIGITS + 1];

	mic_format(checked(PG_GETARG_MEDICAL_INSTITUTION_CODE(0)), buf);
	PG_RETURN_TEXT_P(cstring_to_text(buf + MIC_DIGITS - MIC_LOCAL_DIGITS));
}
