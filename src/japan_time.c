/*-------------------------------------------------------------------------
 *
 * japan_time.c
 *	  Japan time (Asia/Tokyo) conversions that ignore the session TimeZone.
 *
 * The offset is always taken from the tz database rather than assumed to be
 * +09:00: Japan observed daylight saving time in 1948-1951, and a visit
 * record from then must still convert correctly.  Bulk callers convert
 * millions of local times from a few dozen days, so the offset of each local
 * day is memoised in a small direct-mapped table (a day whose start and end
 * have different offsets is never memoised).
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "japan_time.h"
#include "pg_compat.h"
#include "utils/datetime.h"
#include "utils/timestamp.h"

#define JAPAN_TZ_NAME "Asia/Tokyo"
#define DAY_MEMO_SIZE 64

typedef struct DayOffsetMemo
{
	int64		day;			/* local day number, or PG_INT64_MIN if empty */
	int			offset;			/* seconds west of UTC for the whole day */
} DayOffsetMemo;

static pg_tz *japan_tz = NULL;
static DayOffsetMemo day_memo[DAY_MEMO_SIZE];
static bool day_memo_ready = false;

pg_tz *
ow_japan_tz(void)
{
	if (japan_tz == NULL)
	{
		japan_tz = pg_tzset(JAPAN_TZ_NAME);
		if (japan_tz == NULL)
			ereport(ERROR,
					(errcode(ERRCODE_CONFIG_FILE_ERROR),
					 errmsg("time zone \"%s\" is not in the server's time zone database",
							JAPAN_TZ_NAME),
					 errhint("Install the tz database the server was built with.")));
	}
	return japan_tz;
}

/* The UTC offset (seconds west) at a local time, or false if out of range. */
static bool
offset_at_checked(Timestamp local, int *west)
{
	struct pg_tm tm;
	fsec_t		fsec;

	if (!IS_VALID_TIMESTAMP(local) ||
		timestamp2tm(local, NULL, &tm, &fsec, NULL, NULL) != 0)
		return false;
	*west = DetermineTimeZoneOffset(&tm, ow_japan_tz());
	return true;
}

/*
 * UTC offset in force at a Japan local time, in seconds west of UTC as
 * DetermineTimeZoneOffset gives it (Japan, east of UTC, is negative).
 */
static int
japan_offset_west_at(Timestamp local)
{
	int			west;

	if (!offset_at_checked(local, &west))
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("timestamp out of range")));
	return west;
}

TimestampTz
ow_japan_local_to_timestamptz(Timestamp local)
{
	int64		day;
	DayOffsetMemo *memo;
	int			west;
	TimestampTz result;

	if (TIMESTAMP_NOT_FINITE(local))
		return local;

	if (!day_memo_ready)
	{
		for (int i = 0; i < DAY_MEMO_SIZE; i++)
			day_memo[i].day = PG_INT64_MIN;
		day_memo_ready = true;
	}

	/* floor division: local times before 2000-01-01 are negative */
	day = local / USECS_PER_DAY - ((local % USECS_PER_DAY) < 0 ? 1 : 0);
	memo = &day_memo[(uint64) day % DAY_MEMO_SIZE];
	if (memo->day == day)
		west = memo->offset;
	else
	{
		Timestamp	day_start = day * USECS_PER_DAY;

		west = japan_offset_west_at(local);
		if (japan_offset_west_at(day_start) == west &&
			japan_offset_west_at(day_start + USECS_PER_DAY - 1) == west)
		{
			memo->day = day;
			memo->offset = west;
		}
	}

	result = local + (int64) west * USECS_PER_SEC;
	if (!IS_VALID_TIMESTAMP(result))
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("timestamp out of range")));
	return result;
}

/* The Japan local time of an absolute time; false if out of range. */
static bool
to_japan_local_checked(TimestampTz t, Timestamp *result)
{
	struct pg_tm tm;
	fsec_t		fsec;
	int			tz;

	if (TIMESTAMP_NOT_FINITE(t))
	{
		*result = t;
		return true;
	}
	return timestamp2tm(t, &tz, &tm, &fsec, NULL, ow_japan_tz()) == 0 &&
		tm2timestamp(&tm, fsec, NULL, result) == 0;
}

Timestamp
ow_timestamptz_to_japan_local(TimestampTz t)
{
	Timestamp	result;

	if (!to_japan_local_checked(t, &result))
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("timestamp out of range")));
	return result;
}

Timestamp
ow_japan_local_bound(TimestampTz bound, bool upper)
{
	/* more than any jump of Japan's local time */
	const int64 margin = 3 * USECS_PER_HOUR;
	Timestamp	local;
	int			west_before;
	int			west_after;

	if (!to_japan_local_checked(bound, &local) ||
		!offset_at_checked(local - margin, &west_before) ||
		!offset_at_checked(local + margin, &west_after))
		return upper ? DT_NOEND : DT_NOBEGIN;
	if (TIMESTAMP_NOT_FINITE(local) || west_before == west_after)
		return local;
	local += upper ? margin : -margin;
	return IS_VALID_TIMESTAMP(local) ? local : (upper ? DT_NOEND : DT_NOBEGIN);
}

TimestampTz
ow_japan_wall_clock_to_timestamptz(const WkDateTime *t)
{
	Timestamp	local;

	local = (Timestamp) (date2j(t->date.year, t->date.month, t->date.day) -
						 POSTGRES_EPOCH_JDATE) * USECS_PER_DAY +
		(Timestamp) t->hour * USECS_PER_HOUR +
		(Timestamp) t->minute * USECS_PER_MINUTE +
		(Timestamp) t->second * USECS_PER_SEC;
	return ow_japan_local_to_timestamptz(local);
}
