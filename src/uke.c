/*-------------------------------------------------------------------------
 *
 * uke.c
 *	  SQL layer of the receipt file reader: uke_claims() and uke_errors().
 *
 * uke_parse.c reads the records in the file's own bytes (CP932); this file
 * converts the text fields with PostgreSQL's SJIS conversion (which is
 * CP932, NEC and IBM extensions included) to the server encoding, gathers
 * a claim's records (RE up to the next RE, IR or GO) into one row, and
 * turns bad records into errors or, in lenient mode, into the rows of
 * uke_errors().  One claim is held at a time, in a context reset per claim,
 * so memory is the file itself and one claim, whatever the file's size.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "catalog/namespace.h"
#include "catalog/pg_type.h"
#include "funcapi.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/datetime.h"
#include "utils/memutils.h"

#include "input_quote.h"
#include "medical_institution_code.h"
#include "pg_compat.h"
#include "prefecture.h"
#include "uke_parse.h"

/* The columns of uke_claims(), in order. */
enum
{
	COL_LINE,
	COL_RECEIPT_NUMBER,
	COL_CLAIM_MONTH,
	COL_BILLING_MONTH,
	COL_FACILITY_PREFECTURE,
	COL_FACILITY_CODE,
	COL_INSTITUTION_CODE,
	COL_FACILITY_NAME,
	COL_RECEIPT_TYPE,
	COL_PATIENT_NAME,
	COL_PATIENT_KANA,
	COL_SEX,
	COL_BIRTH_DATE,
	COL_CHART_NUMBER,
	COL_INSURER_NUMBER,
	COL_PUBLIC_PAYERS,
	COL_CONFIRMATION_KINDS,
	COL_VISIT_DAYS,
	COL_COMMENTS,
	COL_BAD_LINES,
	CLAIM_COLUMNS
};

/* The text fields of one record, in the server encoding (NULL: empty). */
typedef struct UkeTexts
{
	text	   *name;
	text	   *kana;
	text	   *chart_number;
	text	   *receipt_type;
	text	   *facility_name;
	text	   *comment;
} UkeTexts;

typedef struct UkeScan
{
	UkeReader	reader;
	bool		lenient;
	int			encoding;		/* the server's */
	Oid			conversion;		/* SJIS to it; InvalidOid for SQL_ASCII */
	MemoryContext claim_cxt;	/* one claim's values, reset per claim */
	MemoryContext record_cxt;	/* one record's texts, reset per record */

	/* the facility of the last good IR */
	bool		have_facility;
	int			prefecture;
	int32		code7;
	int64		institution_code;
	int			billing_year;
	int			billing_month;
	text	   *facility_name;
} UkeScan;

static DateADT
claim_date(int year, int month, int day)
{
	return date2j(year, month, day) - POSTGRES_EPOCH_JDATE;
}

/*
 * Bytes of the file as server text, or NULL for an empty slice.  *ok is
 * false if they are not valid CP932 (never raises).
 */
static text *
convert_slice(UkeScan *scan, UkeSlice s, bool *ok)
{
	const unsigned char *src = (const unsigned char *) scan->reader.buf + s.off;
	int			len = (int) s.len;
	unsigned char *dest;
	int			done;
	text	   *result;

	*ok = true;
	if (len == 0)
		return NULL;
	if (!OidIsValid(scan->conversion))
	{
		/* SQL_ASCII: the bytes as they are, but never a NUL */
		if (memchr(src, '\0', len) != NULL)
		{
			*ok = false;
			return NULL;
		}
		return cstring_to_text_with_len((const char *) src, len);
	}
	dest = palloc((Size) len * MAX_CONVERSION_GROWTH + 1);
	done = pg_do_encoding_conversion_buf(scan->conversion, PG_SJIS,
										 scan->encoding, (unsigned char *) src,
										 len, dest,
										 len * MAX_CONVERSION_GROWTH + 1, true);
	if (done < len)
	{
		*ok = false;
		return NULL;
	}
	result = cstring_to_text((char *) dest);
	pfree(dest);
	return result;
}

/*
 * Convert the text fields a record of this kind carries; a field that is
 * not CP932 makes the record bad (UKE_E_BAD_TEXT).
 */
static void
convert_texts(UkeScan *scan, UkeRecord *rec, UkeTexts *t)
{
	bool		ok = true;

	memset(t, 0, sizeof(*t));
	if (rec->error != UKE_OK)
		return;
#define CONVERT(member, slice, field) \
	do { \
		if (ok) \
		{ \
			t->member = convert_slice(scan, rec->slice, &ok); \
			if (!ok) \
			{ \
				rec->error = UKE_E_BAD_TEXT; \
				rec->error_field = (field); \
			} \
		} \
	} while (0)
	switch (rec->kind)
	{
		case UKE_IR:
			CONVERT(facility_name, facility_name, 6);
			if (!ok)
				scan->reader.ir_bad = true;
			break;
		case UKE_RE:
			CONVERT(receipt_type, receipt_type, 2);
			CONVERT(name, name, 4);
			CONVERT(chart_number, chart_number, 13);
			CONVERT(kana, kana, 36);
			if (!ok)
				scan->reader.claim_state = UKE_CLAIM_SKIPPING;
			break;
		case UKE_CO:
			CONVERT(comment, comment, 4);
			break;
		default:
			break;
	}
#undef CONVERT
}

/* The record's line, quoted for a message (bounded, never raises). */
static char *
quote_line(UkeScan *scan, const UkeRecord *rec)
{
	UkeSlice	s = rec->text;
	bool		ok;
	text	   *t;

	/* the quote is bounded anyway: convert no more than it can show */
	s.len = Min(s.len, OW_QUOTE_MAX_BYTES);
	t = convert_slice(scan, s, &ok);
	if (!ok)
	{
		/* cut inside a character, or bad bytes: show the ASCII prefix */
		size_t		n = 0;

		while (n < s.len && (unsigned char) scan->reader.buf[s.off + n] < 0x80 &&
			   scan->reader.buf[s.off + n] != '\0')
			n++;
		return ow_quote_input(scan->reader.buf + s.off, (int) n);
	}
	if (t == NULL)
		return pstrdup("");
	return ow_quote_input(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t));
}

static pg_noinline void
report_record(UkeScan *scan, const UkeRecord *rec)
{
	const char *id = rec->id[0] ? rec->id : "?";

	if (rec->error == UKE_E_NO_GO)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("receipt file ends at line %ld without its GO record",
						rec->line - 1),
				 errdetail("%s", uke_error_message(rec->error)),
				 errhint("The file may be cut short: read it again from the receipt software.  Pass lenient => true to read the claims it has.")));
	if (rec->error_field >= 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid %s record at line %ld of the receipt file",
						id, rec->line),
				 errdetail("Field %d: %s  The line reads \"%s\".",
						   rec->error_field, uke_error_message(rec->error),
						   quote_line(scan, rec)),
				 errhint("Correct the line, or pass lenient => true to read past bad records and list them with uke_errors().")));
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			 errmsg("invalid %s record at line %ld of the receipt file",
					id, rec->line),
			 errdetail("%s  The line reads \"%s\".",
					   uke_error_message(rec->error), quote_line(scan, rec)),
			 errhint("Correct the line, or pass lenient => true to read past bad records and list them with uke_errors().")));
}

static UkeScan *
begin_scan(FunctionCallInfo fcinfo, bool lenient)
{
	bytea	   *file = PG_GETARG_BYTEA_PP(0);
	UkeScan    *scan = palloc0(sizeof(UkeScan));

	scan->lenient = lenient;
	scan->encoding = GetDatabaseEncoding();
	if (scan->encoding != PG_SQL_ASCII)
	{
		scan->conversion = FindDefaultConversionProc(PG_SJIS, scan->encoding);
		if (!OidIsValid(scan->conversion))
			ereport(ERROR,
					(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					 errmsg("cannot read a receipt file in a database with encoding %s",
							GetDatabaseEncodingName()),
					 errdetail("PostgreSQL has no conversion from SJIS (CP932) to this encoding."),
					 errhint("Read the file in a database with encoding UTF8 or EUC_JP.")));
	}
	scan->claim_cxt = AllocSetContextCreate(CurrentMemoryContext,
											"uke claim", ALLOCSET_DEFAULT_SIZES);
	scan->record_cxt = AllocSetContextCreate(CurrentMemoryContext,
											 "uke record", ALLOCSET_SMALL_SIZES);
	uke_reader_init(&scan->reader, VARDATA_ANY(file), VARSIZE_ANY_EXHDR(file));
	return scan;
}

/* The next record with its texts; false at the end. */
static bool
next_record(UkeScan *scan, UkeRecord *rec, UkeTexts *texts, bool *skipped)
{
	if (!uke_next(&scan->reader, rec, skipped))
		return false;
	if (!*skipped)
		convert_texts(scan, rec, texts);
	return true;
}

static Datum
text_array(ArrayBuildState *state)
{
	if (state == NULL)
		return PointerGetDatum(construct_empty_array(TEXTOID));
	return makeArrayResult(state, CurrentMemoryContext);
}

/*
 * Read the next claim into values/nulls (allocated in the caller's
 * context): false when there is none left.
 */
static bool
next_claim(UkeScan *scan, Datum *values, bool *nulls)
{
	MemoryContext caller = CurrentMemoryContext;
	MemoryContext old;
	UkeRecord	rec;
	UkeRecord	re;
	UkeTexts	texts;
	UkeTexts	re_texts;
	bool		skipped;
	bool		open = false;
	text	   *insurer = NULL;
	bool		has_ho = false;
	uint32		days = 0;
	ArrayBuildState *payers = NULL;
	ArrayBuildState *kinds = NULL;
	ArrayBuildState *comments = NULL;
	ArrayBuildState *bad_lines = NULL;

	MemoryContextReset(scan->claim_cxt);
	old = MemoryContextSwitchTo(scan->claim_cxt);
	memset(&re, 0, sizeof(re));
	memset(&re_texts, 0, sizeof(re_texts));

	while (next_record(scan, &rec, &texts, &skipped))
	{
		CHECK_FOR_INTERRUPTS();
		if (skipped)
			continue;
		if (open && (rec.kind == UKE_RE || rec.kind == UKE_IR || rec.kind == UKE_GO))
		{
			/* the claim ends here: read this record again for the next */
			uke_unread(&scan->reader, &rec);
			break;
		}
		if (rec.error != UKE_OK)
		{
			if (!scan->lenient)
				report_record(scan, &rec);
			if (rec.kind == UKE_IR)
				scan->have_facility = false;
			if (open)
				bad_lines = accumArrayResult(bad_lines, Int32GetDatum((int32) rec.line),
											 false, INT4OID, scan->claim_cxt);
			continue;
		}
		switch (rec.kind)
		{
			case UKE_IR:
				{
					MemoryContext keep = MemoryContextSwitchTo(GetMemoryChunkContext(scan));

					scan->have_facility = true;
					scan->prefecture = rec.prefecture;
					scan->code7 = rec.code7;
					scan->institution_code = rec.institution_code;
					scan->billing_year = rec.year;
					scan->billing_month = rec.month;
					scan->facility_name = texts.facility_name ?
						(text *) pg_detoast_datum_copy((struct varlena *) texts.facility_name) : NULL;
					MemoryContextSwitchTo(keep);
				}
				break;
			case UKE_RE:
				open = true;
				re = rec;
				re_texts = texts;
				break;
			case UKE_HO:
				if (!has_ho)
				{
					has_ho = true;
					if (rec.number[0] != '\0')
						insurer = cstring_to_text(rec.number);
				}
				break;
			case UKE_KO:
				payers = accumArrayResult(payers, CStringGetTextDatum(rec.number),
										  false, TEXTOID, scan->claim_cxt);
				break;
			case UKE_SN:
				kinds = accumArrayResult(kinds, CStringGetTextDatum(rec.number),
										 false, TEXTOID, scan->claim_cxt);
				break;
			case UKE_JD:
			case UKE_SI:
			case UKE_IY:
			case UKE_TO:
				days |= rec.days;
				break;
			case UKE_CO:
				if (texts.comment != NULL)
					comments = accumArrayResult(comments, PointerGetDatum(texts.comment),
												false, TEXTOID, scan->claim_cxt);
				break;
			default:
				break;
		}
	}
	if (!open)
	{
		MemoryContextSwitchTo(old);
		return false;
	}

	/* the row, in the caller's context */
	MemoryContextSwitchTo(caller);
	memset(nulls, 0, sizeof(bool) * CLAIM_COLUMNS);
	values[COL_LINE] = Int32GetDatum((int32) re.line);
	values[COL_RECEIPT_NUMBER] = Int32GetDatum(re.receipt_number);
	values[COL_CLAIM_MONTH] = DateADTGetDatum(claim_date(re.year, re.month, 1));
	values[COL_BILLING_MONTH] = DateADTGetDatum(claim_date(scan->billing_year,
														  scan->billing_month, 1));
	values[COL_FACILITY_PREFECTURE] = PrefectureGetDatum((Prefecture) scan->prefecture);
	values[COL_FACILITY_CODE] = PointerGetDatum(cstring_to_text(psprintf("%07d", (int) scan->code7)));
	values[COL_INSTITUTION_CODE] = Int64GetDatum(scan->institution_code);
#define TEXT_OR_NULL(col, value) \
	do { \
		if ((value) != NULL) \
			values[col] = PointerGetDatum(value); \
		else \
			nulls[col] = true; \
	} while (0)
	TEXT_OR_NULL(COL_FACILITY_NAME, scan->facility_name);
	TEXT_OR_NULL(COL_RECEIPT_TYPE, re_texts.receipt_type);
	TEXT_OR_NULL(COL_PATIENT_NAME, re_texts.name);
	TEXT_OR_NULL(COL_PATIENT_KANA, re_texts.kana);
	if (re.sex != 0)
		values[COL_SEX] = PointerGetDatum(cstring_to_text(psprintf("%d", re.sex)));
	else
		nulls[COL_SEX] = true;
	if (re.has_birth)
		values[COL_BIRTH_DATE] = DateADTGetDatum(claim_date(re.birth_year, re.birth_month,
														   re.birth_day));
	else
		nulls[COL_BIRTH_DATE] = true;
	TEXT_OR_NULL(COL_CHART_NUMBER, re_texts.chart_number);
	TEXT_OR_NULL(COL_INSURER_NUMBER, insurer);
#undef TEXT_OR_NULL
	values[COL_PUBLIC_PAYERS] = text_array(payers);
	values[COL_CONFIRMATION_KINDS] = text_array(kinds);
	{
		Datum		day_datums[31];
		int			n = 0;

		for (int d = 1; d <= 31; d++)
			if (days & ((uint32) 1 << (d - 1)))
				day_datums[n++] = DateADTGetDatum(claim_date(re.year, re.month, d));
		values[COL_VISIT_DAYS] = PointerGetDatum(construct_array(day_datums, n, DATEOID,
																 sizeof(DateADT), true,
																 TYPALIGN_INT));
	}
	values[COL_COMMENTS] = text_array(comments);
	if (bad_lines != NULL)
		values[COL_BAD_LINES] = makeArrayResult(bad_lines, caller);
	else
		values[COL_BAD_LINES] = PointerGetDatum(construct_empty_array(INT4OID));
	MemoryContextSwitchTo(old);
	return true;
}

PG_FUNCTION_INFO_V1(uke_claims);
Datum
uke_claims(PG_FUNCTION_ARGS)
{
	FuncCallContext *funcctx;
	UkeScan    *scan;
	Datum		values[CLAIM_COLUMNS];
	bool		nulls[CLAIM_COLUMNS];

	if (SRF_IS_FIRSTCALL())
	{
		MemoryContext old;
		TupleDesc	tupdesc;

		funcctx = SRF_FIRSTCALL_INIT();
		old = MemoryContextSwitchTo(funcctx->multi_call_memory_ctx);
		if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE ||
			tupdesc->natts != CLAIM_COLUMNS)
			elog(ERROR, "uke_claims: unexpected result type");
		funcctx->tuple_desc = BlessTupleDesc(tupdesc);
		funcctx->user_fctx = begin_scan(fcinfo, !PG_ARGISNULL(1) && PG_GETARG_BOOL(1));
		MemoryContextSwitchTo(old);
	}
	funcctx = SRF_PERCALL_SETUP();
	scan = funcctx->user_fctx;
	if (next_claim(scan, values, nulls))
		SRF_RETURN_NEXT(funcctx, HeapTupleGetDatum(heap_form_tuple(funcctx->tuple_desc,
																   values, nulls)));
	SRF_RETURN_DONE(funcctx);
}

/* uke_errors(): one row per bad record, however many. */
PG_FUNCTION_INFO_V1(uke_errors);
Datum
uke_errors(PG_FUNCTION_ARGS)
{
	FuncCallContext *funcctx;
	UkeScan    *scan;
	UkeRecord	rec;
	UkeTexts	texts;
	bool		skipped;

	if (SRF_IS_FIRSTCALL())
	{
		MemoryContext old;
		TupleDesc	tupdesc;

		funcctx = SRF_FIRSTCALL_INIT();
		old = MemoryContextSwitchTo(funcctx->multi_call_memory_ctx);
		if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE ||
			tupdesc->natts != 5)
			elog(ERROR, "uke_errors: unexpected result type");
		funcctx->tuple_desc = BlessTupleDesc(tupdesc);
		funcctx->user_fctx = begin_scan(fcinfo, true);
		MemoryContextSwitchTo(old);
	}
	funcctx = SRF_PERCALL_SETUP();
	scan = funcctx->user_fctx;
	for (;;)
	{
		MemoryContext old;
		bool		more;

		CHECK_FOR_INTERRUPTS();
		MemoryContextReset(scan->record_cxt);
		old = MemoryContextSwitchTo(scan->record_cxt);
		more = next_record(scan, &rec, &texts, &skipped);
		MemoryContextSwitchTo(old);
		if (!more)
			break;
		if (!skipped && rec.error != UKE_OK)
		{
			Datum		values[5];
			bool		nulls[5] = {false, false, false, false, false};

			values[0] = Int32GetDatum((int32) (rec.error == UKE_E_NO_GO ? rec.line - 1 : rec.line));
			if (rec.id[0])
				values[1] = CStringGetTextDatum(rec.id);
			else
				nulls[1] = true;
			if (rec.error_field >= 0)
				values[2] = Int32GetDatum(rec.error_field);
			else
				nulls[2] = true;
			values[3] = CStringGetTextDatum(uke_error_message(rec.error));
			values[4] = CStringGetTextDatum(quote_line(scan, &rec));
			SRF_RETURN_NEXT(funcctx, HeapTupleGetDatum(heap_form_tuple(funcctx->tuple_desc,
																	   values, nulls)));
		}
	}
	SRF_RETURN_DONE(funcctx);
}
