/*-------------------------------------------------------------------------
 *
 * schedule_triggers.h
 *	  The check every trigger function of the schedule tables makes first:
 *	  that it was called as the trigger it is written for.
 *
 *-------------------------------------------------------------------------
 */
#ifndef OW_SCHEDULE_TRIGGERS_H
#define OW_SCHEDULE_TRIGGERS_H

#include "commands/trigger.h"

/* Sets of trigger events, for ow_trigger_data(). */
#define OW_ON_INSERT	(1 << TRIGGER_EVENT_INSERT)
#define OW_ON_DELETE	(1 << TRIGGER_EVENT_DELETE)
#define OW_ON_UPDATE	(1 << TRIGGER_EVENT_UPDATE)
#define OW_ON_TRUNCATE	(1 << TRIGGER_EVENT_TRUNCATE)

/*
 * The trigger data of a trigger function funcname, fired for one of events
 * (OW_ON_*), for each row or not, before or after.  A call that is not a
 * trigger's raises 39P01; a trigger fired at another time is a bug in the
 * install script, hence elog.
 */
extern TriggerData *ow_trigger_data(FunctionCallInfo fcinfo,
									const char *funcname, int events,
									bool row, bool before);

#endif							/* OW_SCHEDULE_TRIGGERS_H */
