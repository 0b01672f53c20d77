/*-------------------------------------------------------------------------
 *
 * compat_1_0.c
 *	  C symbols that version 1.0's install script names.
 *
 * 1.0 had one C function per overload; 1.1 has one per SQL name, which
 * tells its overloads apart by their declared argument types.  A database
 * still at 1.0 (before ALTER EXTENSION outage_window UPDATE, after
 * pg_upgrade, or created with VERSION '1.0') calls these names, so each
 * stays, as the function 1.1 uses for all of them.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "fmgr.h"

#include "pg_compat.h"

extern PGDLLEXPORT Datum is_eligibility_affected(PG_FUNCTION_ARGS);
extern PGDLLEXPORT Datum eligibility_impact(PG_FUNCTION_ARGS);
extern PGDLLEXPORT Datum eligibility_affected_bound(PG_FUNCTION_ARGS);
extern PGDLLEXPORT Datum eligibility_affected_bound_local(PG_FUNCTION_ARGS);

#define SYMBOL_OF_1_0(name, function) \
PG_FUNCTION_INFO_V1(name); \
Datum \
name(PG_FUNCTION_ARGS) \
{ \
	return function(fcinfo); \
}

SYMBOL_OF_1_0(is_eligibility_affected_local, is_eligibility_affected)
SYMBOL_OF_1_0(is_eligibility_affected_text, is_eligibility_affected)
SYMBOL_OF_1_0(is_eligibility_affected_text_local, is_eligibility_affected)
SYMBOL_OF_1_0(is_eligibility_affected_cal, is_eligibility_affected)
SYMBOL_OF_1_0(is_eligibility_affected_local_cal, is_eligibility_affected)
SYMBOL_OF_1_0(is_eligibility_affected_text_cal, is_eligibility_affected)
SYMBOL_OF_1_0(is_eligibility_affected_text_local_cal, is_eligibility_affected)
SYMBOL_OF_1_0(eligibility_impact_local, eligibility_impact)
SYMBOL_OF_1_0(eligibility_impact_text, eligibility_impact)
SYMBOL_OF_1_0(eligibility_impact_text_local, eligibility_impact)
SYMBOL_OF_1_0(eligibility_impact_cal, eligibility_impact)
SYMBOL_OF_1_0(eligibility_impact_local_cal, eligibility_impact)
SYMBOL_OF_1_0(eligibility_impact_text_cal, eligibility_impact)
SYMBOL_OF_1_0(eligibility_impact_text_local_cal, eligibility_impact)
SYMBOL_OF_1_0(eligibility_affected_bound_prefecture, eligibility_affected_bound)
SYMBOL_OF_1_0(eligibility_affected_bound_cal, eligibility_affected_bound)
SYMBOL_OF_1_0(eligibility_affected_bound_local_prefecture, eligibility_affected_bound_local)
SYMBOL_OF_1_0(eligibility_affected_bound_local_cal, eligibility_affected_bound_local)
