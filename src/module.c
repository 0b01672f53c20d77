/*-------------------------------------------------------------------------
 *
 * module.c
 *	  The outage_window shared library's module block.
 *
 * Each concern lives in its own file: prefecture_*.c (the prefecture type
 * and its parser), outage_window*.c and window_parse.c (the window type),
 * schedule.c (the compiled view of the schedule tables) and eligibility*.c
 * (the functions users call).  See README.md, "Code layout".
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "fmgr.h"

#include "pg_compat.h"
#include "schedule.h"

PG_MODULE_MAGIC;

void		_PG_init(void);

void
_PG_init(void)
{
	ow_schedule_init();
}
