/*-------------------------------------------------------------------------
 *
 * eligibility_day.h
 *	  A claim's Japan day, within a facility's opening hours, as the spans
 *	  of time the day-level functions look the schedule up over.
 *
 * eligibility_on_day() (eligibility_day.c) and affecting_windows_on_day()
 * (eligibility.c) read the same time[] pairs the same way, so the windows
 * listed for a day are those behind its day-level answer.
 *
 *-------------------------------------------------------------------------
 */
#ifndef OW_ELIGIBILITY_DAY_H
#define OW_ELIGIBILITY_DAY_H

#include "datatype/timestamp.h"
#include "utils/array.h"
#include "utils/date.h"

/* More pairs than any facility's day has; a longer array is refused. */
#define OW_MAX_OPENING_PAIRS 48

/*
 * The opening hours of Japan day `day` as instants: sorted, disjoint
 * [lower[i], upper[i]), at most OW_MAX_OPENING_PAIRS of them; returns how
 * many.  hours NULL: the whole day; an empty array: closed (none); an
 * infinite day: none.  Raises for hours that are not pairs of increasing
 * times, and for a day a timestamp cannot hold.
 */
extern int	ow_day_spans(DateADT day, ArrayType *hours,
						 TimestampTz *lower, TimestampTz *upper);

#endif							/* OW_ELIGIBILITY_DAY_H */
