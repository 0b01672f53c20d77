/*
 * scripts/sanitizer_canary.c - a library with one deliberate heap overflow,
 * which scripts/sanitize.sh LOADs into a backend before the suite runs.
 *
 * Why: a sanitizer run that reports nothing proves something only if a
 * fault in a backend would have been reported.  Built with the same flags as
 * the extension, this library's _PG_init() writes one byte past a malloc'd
 * block (caught by ASan) or shifts past the width of an int (caught by
 * UBSan); the run fails unless a report about it reaches the log directory.
 */
#include "postgres.h"

#include "fmgr.h"

PG_MODULE_MAGIC;

void		_PG_init(void);

void
_PG_init(void)
{
	volatile int width = 32;
	volatile size_t size = 8;	/* unknown to the compiler: ASan must see it */

	/* volatile, or the compiler drops stores to a block freed right after */
	volatile char *block = malloc(size);

#ifdef __SANITIZE_ADDRESS__
	block[size] = 1;
#else
	block[0] = (char) (1 << width);
#endif
	free((void *) block);
}
