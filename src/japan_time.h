/*-------------------------------------------------------------------------
 *
 * japan_time.h
 *	  Japan time (Asia/Tokyo) conversions that ignore the session TimeZone.
 *
 * The notice's times, and the local visit times HIS systems store in
 * "timestamp without time zone" columns, are Japan time.  Everything the
 * extension reads or prints as local time goes through here, so results never
 * depend on the session's TimeZone setting.
 *
 *-------------------------------------------------------------------------
 */
#ifndef OW_JAPAN_TIME_H
#define OW_JAPAN_TIME_H

#include "datatype/timestamp.h"
#include "pgtime.h"

#include "wareki_parse.h"

/* The Asia/Tokyo zone from the server's tz database, loaded once. */
extern pg_tz *ow_japan_tz(void);

/* Read a Japan wall-clock time as an absolute time (infinities kept). */
extern TimestampTz ow_japan_local_to_timestamptz(Timestamp local);

/* A Japan wall-clock time read by the plain-C parsers, as an absolute time. */
extern TimestampTz ow_japan_wall_clock_to_timestamptz(const WkDateTime *t);

/* The Japan wall-clock time of an absolute time (infinities kept). */
extern Timestamp ow_timestamptz_to_japan_local(TimestampTz t);

/*
 * A bound of a span of absolute times as Japan local time, for a condition
 * on a timestamp column that must keep every row of the span: widened past
 * any jump of local time next to it (daylight saving, 1948-1951), and
 * unbounded where the local time would be out of range.
 */
extern Timestamp ow_japan_local_bound(TimestampTz bound, bool upper);

#endif							/* OW_JAPAN_TIME_H */
