/*-------------------------------------------------------------------------
 *
 * impact_sql.c
 *	  The impact table's SQL face: review_guidance(), affects_eligibility(),
 *	  reviews_failed_checks() and eligibility_impacts().
 *
 * The SQL enum eligibility_impact spells the impacts for SQL; its labels
 * are the table's (impact.h), and eligibility_impacts() lists the table so
 * that a test can hold the two together.  Written in C rather than in a
 * PL/pgSQL body so that no body names the extension's schema as text
 * (doc/hardening.md, "Trust").
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "catalog/pg_enum.h"
#include "fmgr.h"
#include "funcapi.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/syscache.h"

#include "impact_sql.h"
#include "pg_compat.h"

Oid
ow_extension_type(Oid funcid, const char *typname)
{
	return GetSysCacheOid2(TYPENAMENSP, Anum_pg_type_oid,
						   CStringGetDatum(typname),
						   ObjectIdGetDatum(get_func_namespace(funcid)));
}

void
ow_enum_label_oids(Oid enum_type, const char *const *labels, int n, Oid *oids)
{
	for (int i = 0; i < n; i++)
	{
		oids[i] = GetSysCacheOid2(ENUMTYPOIDNAME, Anum_pg_enum_oid,
								  ObjectIdGetDatum(enum_type),
								  CStringGetDatum(labels[i]));
		if (!OidIsValid(oids[i]))
			ereport(ERROR,
					(errcode(ERRCODE_UNDEFINED_OBJECT),
					 errmsg("%s has no label \"%s\"",
							format_type_be(enum_type), labels[i]),
					 errhint("If the label was renamed, rename it back with ALTER TYPE ... RENAME VALUE.  If the extension's files were upgraded, run ALTER EXTENSION outage_window UPDATE.")));
	}
}

void
ow_impact_label_oids(Oid enum_type, Oid oids[OW_IMPACT_COUNT])
{
	const char *labels[OW_IMPACT_COUNT];

	for (int r = 0; r < OW_IMPACT_COUNT; r++)
		labels[r] = ow_impacts[r].label;
	ow_enum_label_oids(enum_type, labels, OW_IMPACT_COUNT, oids);
}

/* The impact an eligibility_impact value stands for. */
static const OutageImpact *
impact_of_enum(Oid value)
{
	HeapTuple	tuple = SearchSysCache1(ENUMOID, ObjectIdGetDatum(value));
	const OutageImpact *impact;
	char	   *label;

	if (!HeapTupleIsValid(tuple))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid internal value for enum: %u", value)));
	label = NameStr(((Form_pg_enum) GETSTRUCT(tuple))->enumlabel);
	impact = ow_impact_by_label(label, strlen(label));
	if (impact == NULL)
		elog(ERROR, "eligibility_impact label \"%s\" is not in the impact table",
			 label);
	ReleaseSysCache(tuple);
	return impact;
}

text *
ow_review_guidance(const OutageImpact *impact, text *lang_arg)
{
	char	   *lang = text_to_cstring(lang_arg);
	const char *guidance;

	/* 'ja' and 'en', in any case, with blanks around them */
	lang += strspn(lang, " ");
	lang[strcspn(lang, " ")] = '\0';
	if (pg_strcasecmp(lang, "ja") == 0)
		guidance = impact->guidance_ja;
	else if (pg_strcasecmp(lang, "en") == 0)
		guidance = impact->guidance_en;
	else if (lang[0] == '{')

		/*
		 * An untyped calendar literal in the language's position: the
		 * function has a form whose argument there is the language, and an
		 * unknown literal picks it over the calendar form.
		 */
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unsupported language for review_guidance: \"%s\"",
						pnstrdup(lang, pg_mbcliplen(lang, strlen(lang), 16))),
				 errdetail("The language argument looks like an outage_calendar literal."),
				 errhint("Pass a calendar as '{...}'::outage_calendar (before the language), and the language as 'ja' or 'en'.")));
	else
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unsupported language for review_guidance: \"%s\"",
						pnstrdup(lang, pg_mbcliplen(lang, strlen(lang), 16))),
				 errhint("Use 'ja' (Japanese) or 'en' (English).")));

	return cstring_to_text(pg_any_to_server(guidance, strlen(guidance),
											PG_UTF8));
}

PG_FUNCTION_INFO_V1(review_guidance);
Datum
review_guidance(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(ow_review_guidance(impact_of_enum(PG_GETARG_OID(0)),
										PG_GETARG_TEXT_PP(1)));
}

PG_FUNCTION_INFO_V1(affects_eligibility);
Datum
affects_eligibility(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(impact_of_enum(PG_GETARG_OID(0))->affects_eligibility);
}

PG_FUNCTION_INFO_V1(reviews_failed_checks);
Datum
reviews_failed_checks(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(impact_of_enum(PG_GETARG_OID(0))->reviews_failed_checks);
}

/*
 * The impact table, by severity: impact, severity, affects_eligibility,
 * window_kind (outage_window's stored code; NULL for none),
 * reviews_failed_checks.
 */
PG_FUNCTION_INFO_V1(eligibility_impacts);
Datum
eligibility_impacts(PG_FUNCTION_ARGS)
{
	FuncCallContext *funcctx;
	Oid		   *labels;
	int			r;
	Datum		values[5];
	bool		nulls[5] = {false, false, false, false, false};

	if (SRF_IS_FIRSTCALL())
	{
		TupleDesc	desc;
		MemoryContext old;

		funcctx = SRF_FIRSTCALL_INIT();
		old = MemoryContextSwitchTo(funcctx->multi_call_memory_ctx);
		if (get_call_result_type(fcinfo, NULL, &desc) != TYPEFUNC_COMPOSITE)
			elog(ERROR, "eligibility_impacts must return a row type");
		funcctx->tuple_desc = BlessTupleDesc(desc);
		labels = palloc(sizeof(Oid) * OW_IMPACT_COUNT);
		ow_impact_label_oids(TupleDescAttr(desc, 0)->atttypid, labels);
		funcctx->user_fctx = labels;
		MemoryContextSwitchTo(old);
	}
	funcctx = SRF_PERCALL_SETUP();
	labels = funcctx->user_fctx;
	r = (int) funcctx->call_cntr;
	if (r >= OW_IMPACT_COUNT)
		SRF_RETURN_DONE(funcctx);

	values[0] = ObjectIdGetDatum(labels[r]);
	values[1] = Int32GetDatum(ow_impacts[r].rank);
	values[2] = BoolGetDatum(ow_impacts[r].affects_eligibility);
	values[3] = Int32GetDatum(ow_impacts[r].code);
	nulls[3] = ow_impacts[r].code == 0;
	values[4] = BoolGetDatum(ow_impacts[r].reviews_failed_checks);
	SRF_RETURN_NEXT(funcctx,
					HeapTupleGetDatum(heap_form_tuple(funcctx->tuple_desc,
													  values, nulls)));
}
