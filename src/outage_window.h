/*-------------------------------------------------------------------------
 *
 * outage_window.h
 *	  The outage_window SQL type: a half-open interval [lower, upper) of
 *	  timestamptz with a kind, one maintenance window of the eligibility
 *	  system.
 *
 * On-disk layout (stable; pg_upgrade keeps it readable): 24 bytes, double
 * aligned, passed by reference.  lower and upper are TimestampTz (int64
 * microseconds since 2000-01-01 UTC, or the infinities); kind is an
 * OutageKind; pad is always zero so that equal values are equal bytes.
 *
 *-------------------------------------------------------------------------
 */
#ifndef OW_OUTAGE_WINDOW_H
#define OW_OUTAGE_WINDOW_H

#include "fmgr.h"
#include "datatype/timestamp.h"

#include "impact.h"

/*
 * The kind codes stored on disk and sent by send(); what each means, its
 * spelling and its severity are in the impact table (impact.h).
 */
typedef enum OutageKind
{
	OUTAGE_KIND_REGISTRATION_DELAY = 1, /* card-reader registrations late */
	OUTAGE_KIND_INTERMITTENT = 2,	/* short drops, about a minute an hour */
	OUTAGE_KIND_OUTAGE = 3			/* no connection at all */
} OutageKind;

#define OUTAGE_KIND_IS_VALID(k) (ow_impact_of_kind(k) != NULL)

typedef struct OutageWindow
{
	TimestampTz lower;			/* inclusive */
	TimestampTz upper;			/* exclusive; lower < upper */
	int32		kind;			/* OutageKind */
	int32		pad;			/* always 0 */
} OutageWindow;

#define DatumGetOutageWindowP(X)	((OutageWindow *) DatumGetPointer(X))
#define OutageWindowPGetDatum(X)	PointerGetDatum(X)
#define PG_GETARG_OUTAGE_WINDOW_P(n) DatumGetOutageWindowP(PG_GETARG_DATUM(n))
#define PG_RETURN_OUTAGE_WINDOW_P(x) return OutageWindowPGetDatum(x)

/* The type's text I/O, also used by outage_calendar's. */
extern PGDLLEXPORT Datum outage_window_in(PG_FUNCTION_ARGS);
extern PGDLLEXPORT Datum outage_window_out(PG_FUNCTION_ARGS);

/* The kind's SQL spelling ("outage", ...), or NULL if k is not a kind. */
extern const char *ow_outage_kind_name(int32 k);

/* Parse a kind's SQL spelling; returns 0 if it is not one. */
extern int32 ow_outage_kind_from_name(const char *name, size_t len);

/*
 * The kind named by name[0..len), or an error (22P02) naming it; literal,
 * if not NULL, is the whole text literal it came from, for the message.
 */
extern int32 ow_kind_or_error(const char *name, size_t len, const char *literal);

/* A new window; raises for lower >= upper or a bound out of range. */
extern OutageWindow *ow_make(TimestampTz lower, TimestampTz upper, int32 kind);

/*
 * A tstzrange's instants as a canonical half-open pair [*lo, *hi), unbounded
 * ends as infinities; false if the range is empty.  Shared with the GiST
 * code, which answers && tstzrange.
 */
extern bool ow_tstzrange_bounds(FunctionCallInfo fcinfo, Datum range,
								TimestampTz *lo, TimestampTz *hi);

#endif							/* OW_OUTAGE_WINDOW_H */
