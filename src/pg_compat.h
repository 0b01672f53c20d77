/*-------------------------------------------------------------------------
 *
 * pg_compat.h
 *	  Every difference between the PostgreSQL major versions outage_window
 *	  builds against (14 to 18), in one place.
 *
 * The code is written against the newest API; this header teaches the
 * older versions that API, keyed on PostgreSQL's own PG_VERSION_NUM.  Each
 * item names the release that changed and what changed, so an item goes
 * when the oldest supported version passes that release.  It includes the
 * headers that declare the functions it maps, before mapping them, so it
 * may be included anywhere after postgres.h.
 *
 * Checked: 15 (Debian 12), 17 (Debian 13) and 18 (Debian sid) build
 * without a warning and pass the whole suite (scripts/pg_matrix.sh).  14
 * and 16 are guarded from their headers and release notes but not built
 * here: Debian ships neither.
 *
 *-------------------------------------------------------------------------
 */
#ifndef OW_PG_COMPAT_H
#define OW_PG_COMPAT_H

#include "postgres.h"

#include "libpq/pqformat.h"
#include "storage/proc.h"
#include "utils/datetime.h"
#include "utils/rangetypes.h"

#if PG_VERSION_NUM < 140000
#error "outage_window needs PostgreSQL 14 or later"
#endif

/*
 * 18: pg_attribute_noreturn(), written after a declaration, gave way to
 * pg_noreturn, written before it (C11 _Noreturn where the compiler has
 * it).  New code writes pg_noreturn, which older versions get here; the
 * old spelling still works on 18 with GCC and Clang, the compilers
 * PostgreSQL's Debian packages are built with.
 */
#ifndef pg_noreturn
#define pg_noreturn pg_attribute_noreturn()
#endif
#if !defined(pg_attribute_noreturn) && defined(__GNUC__)
#define pg_attribute_noreturn() __attribute__((noreturn))
#elif !defined(pg_attribute_noreturn)
#define pg_attribute_noreturn()
#endif

/*
 * 16: the varlena macros (VARSIZE, VARDATA_ANY, SET_VARSIZE,
 * VARATT_IS_EXTERNAL, ...) moved out of postgres.h into varatt.h.
 */
#if PG_VERSION_NUM >= 160000
#include "varatt.h"
#endif

/*
 * 16: date/time input reports errors softly.  DecodeDateTime() and
 * DecodeTimezoneAbbrev() take a DateTimeErrorExtra, in which they leave
 * what the message names (the unknown zone); DecodeTimezoneAbbrev()
 * returns a DTERR code and gives the abbreviation's type through *ftype;
 * DateTimeParseError() takes that extra and an escontext (NULL: raise).
 * make_range() takes an escontext too.  Before 16 an unknown zone name or
 * a dynamic abbreviation whose zone is missing was raised from inside
 * DecodeDateTime(); ow_raise_zone_error() raises it at the same point
 * from 16 on, while the extra still points into the caller's field buffer.
 */
#if PG_VERSION_NUM < 160000
typedef struct DateTimeErrorExtra
{
	const char *dtee_timezone;
	const char *dtee_abbrev;
} DateTimeErrorExtra;

static inline int
ow_decode_timezone_abbrev_16(int field, const char *lowtoken, int *ftype,
							 int *offset, pg_tz **tz, DateTimeErrorExtra *extra)
{
	(void) extra;
	*ftype = DecodeTimezoneAbbrev(field, unconstify(char *, lowtoken), offset, tz);
	return 0;
}

#define DecodeDateTime(field, ftype, nf, dtype, tm, fsec, tzp, extra) \
	((void) (extra), (DecodeDateTime) (field, ftype, nf, dtype, tm, fsec, tzp))
#define DecodeTimezoneAbbrev ow_decode_timezone_abbrev_16
#define DateTimeParseError(dterr, extra, str, datatype, escontext) \
	((void) (extra), (void) (escontext), (DateTimeParseError) (dterr, str, datatype))
#define make_range(typcache, lower, upper, empty, escontext) \
	((void) (escontext), (make_range) (typcache, lower, upper, empty))
#define ow_raise_zone_error(dterr, extra, str, datatype) ((void) 0)
#else
#define ow_raise_zone_error(dterr, extra, str, datatype) \
	do { \
		if ((dterr) == DTERR_BAD_TIMEZONE || (dterr) == DTERR_BAD_ZONE_ABBREV) \
			DateTimeParseError(dterr, extra, str, datatype, NULL); \
	} while (0)
#endif

/*
 * 17: pq_sendcountedtext() lost its countincludesself argument (always
 * false since the protocol 2 code went).
 */
#if PG_VERSION_NUM < 170000
#define pq_sendcountedtext(buf, str, slen) \
	(pq_sendcountedtext) (buf, str, slen, false)
#endif

#endif							/* OW_PG_COMPAT_H */
