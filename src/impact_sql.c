/*-------------------------------------------------------------------------
 *
 * impact_sql.c
 *	  The impact table's SQL face: review_guidance(), affects_eligibility()
 *	  and eligibility_impacts().
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
#include "utils/syscache.h"

#include "impact.h"
#include "pg_compat.h"

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

PG_FUNCTION_INFO_V1(review_guidance);
Datum
review_guidance(PG_FUNCTION_ARGS)
{
	const OutageImpact *impact = impact_of_enum(PG_GETARG_OID(0));
	char	   *lang = text_to_cstring(PG_GETARG_TEXT_PP(1));
	const char *guidance;

	/* 'ja' and 'en', in any case, with blanks around them */
	lang += strspn(lang, " ");
	lang[strcspn(lang, " ")] = '\0';
	if (pg_strcasecmp(lang, "ja") == 0)
		guidance = impact->guidance_ja;
	else if (pg_strcasecmp(lang, "en") == 0)
		guidance = impact->guidance_en;
	else
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unsupported language for review_guidance: \"%s\"",
						pnstrdup(lang, pg_mbcliplen(lang, strlen(lang), 16))),
				 errhint("Use 'ja' (Japanese) or 'en' (English).")));

	PG_RETURN_TEXT_P(cstring_to_text(pg_any_to_server(guidance,
													  strlen(guidance),
													  PG_UTF8)));
}

PG_FUNCTION_INFO_V1(affects_eligibility);
Datum
affects_eligibility(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(impact_of_enum(PG_GETARG_OID(0))->affects_eligibility);
}

/*
 * The impact table, by severity: impact, severity, affects_eligibility,
 * window_kind (outage_window's stored code; NULL for none).
 */
PG_FUNCTION_INFO_V1(eligibility_impacts);
Datum
eligibility_impacts(PG_FUNCTION_ARGS)
{
	FuncCallContext *funcctx;
	int			r;
	Datum		values[4];
	bool		nulls[4] = {false, false, false, false};
	Oid			label;

	if (SRF_IS_FIRSTCALL())
	{
		TupleDesc	desc;
		MemoryContext old;

		funcctx = SRF_FIRSTCALL_INIT();
		old = MemoryContextSwitchTo(funcctx->multi_call_memory_ctx);
		if (get_call_result_type(fcinfo, NULL, &desc) != TYPEFUNC_COMPOSITE)
			elog(ERROR, "eligibility_impacts must return a row type");
		funcctx->tuple_desc = BlessTupleDesc(desc);
		MemoryContextSwitchTo(old);
	}
	funcctx = SRF_PERCALL_SETUP();
	r = (int) funcctx->call_cntr;
	if (r >= OW_IMPACT_COUNT)
		SRF_RETURN_DONE(funcctx);

	label = GetSysCacheOid2(ENUMTYPOIDNAME, Anum_pg_enum_oid,
							ObjectIdGetDatum(TupleDescAttr(funcctx->tuple_desc, 0)->atttypid),
							CStringGetDatum(ow_impacts[r].label));
	if (!OidIsValid(label))
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_OBJECT),
				 errmsg("eligibility_impact has no label \"%s\"",
						ow_impacts[r].label),
				 errhint("If the label was renamed, rename it back with ALTER TYPE ... RENAME VALUE.  If the extension's files were upgraded, run ALTER EXTENSION outage_window UPDATE.")));
	values[0] = ObjectIdGetDatum(label);
	values[1] = Int32GetDatum(ow_impacts[r].rank);
	values[2] = BoolGetDatum(ow_impacts[r].affects_eligibility);
	values[3] = Int32GetDatum(ow_impacts[r].code);
	nulls[3] = ow_impacts[r].code == 0;
	SRF_RETURN_NEXT(funcctx,
					HeapTupleGetDatum(heap_form_tuple(funcctx->tuple_desc,
													  values, nulls)));
}
