/*-------------------------------------------------------------------------
 *
 * impact_sql.h
 *	  The impact table's SQL side: the pg_enum values that spell its
 *	  impacts, and the extension's own types, for the functions that return
 *	  an eligibility_impact (or an eligibility_grade).
 *
 *-------------------------------------------------------------------------
 */
#ifndef OW_IMPACT_SQL_H
#define OW_IMPACT_SQL_H

#include "impact.h"

/*
 * The type named typname in the schema of function funcid - the
 * extension's schema - or InvalidOid: found by the function's namespace,
 * never through the search_path.
 */
extern Oid	ow_extension_type(Oid funcid, const char *typname);

/*
 * The pg_enum oids of n labels of an enum type; raises (42704, with a hint)
 * for a label the type does not have.
 */
extern void ow_enum_label_oids(Oid enum_type, const char *const *labels,
							   int n, Oid *oids);

/* The pg_enum oids of eligibility_impact's labels, by rank (impact.h). */
extern void ow_impact_label_oids(Oid enum_type, Oid oids[OW_IMPACT_COUNT]);

/*
 * review_guidance(): an impact's guidance in lang ('ja' or 'en', any case,
 * blanks around), converted to the server encoding.  Raises 22023 for
 * another language.
 */
extern text *ow_review_guidance(const OutageImpact *impact, text *lang);

#endif							/* OW_IMPACT_SQL_H */
