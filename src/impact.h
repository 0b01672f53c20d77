/*-------------------------------------------------------------------------
 *
 * impact.h
 *	  Every impact a visit can have, once: "none" and the kinds of
 *	  outage_window, with what each means for eligibility and what staff
 *	  should do.
 *
 * This table is the only place that spells the kinds, orders them by
 * severity and says which ones make a visit "affected" and in which ones a
 * visit whose online check did not succeed is reviewed; the outage_window
 * type, the calendar, the compiled schedule, the eligibility functions and
 * review_guidance() all read it, and test/impacts.sql checks the SQL enum
 * eligibility_impact against it (eligibility_impacts()).
 *
 * A kind's code is what outage_window stores on disk and sends: it is never
 * reused or renumbered.  Its rank is its severity, and only the rank is
 * compared, so a new kind may take any code and rank between two others.
 *
 *-------------------------------------------------------------------------
 */
#ifndef OW_IMPACT_H
#define OW_IMPACT_H

typedef struct OutageImpact
{
	int32		code;			/* outage_window's stored kind; 0: none */
	const char *label;			/* SQL spelling, also eligibility_impact's */
	int32		rank;			/* severity; none is 0 */
	bool		affects_eligibility;	/* online verification itself failed */
	bool		reviews_failed_checks;	/* a visit whose check did not succeed
										 * is reviewed */
	const char *guidance_ja;	/* review_guidance(), UTF-8 */
	const char *guidance_en;
} OutageImpact;

/* The impacts, by rank: ow_impacts[r].rank == r. */
#define OW_IMPACT_COUNT 4
extern const OutageImpact ow_impacts[OW_IMPACT_COUNT];

/* The rank of "none"; every other impact ranks above it. */
#define OW_IMPACT_NONE 0

/* The largest code a kind has (codes may leave gaps). */
#define OW_KIND_CODE_MAX 3

/* Rank per kind code, 0 for a code that is no kind. */
extern const int32 ow_kind_rank[OW_KIND_CODE_MAX + 1];

/* The impact of a kind code, or NULL if the code is no kind. */
static inline const OutageImpact *
ow_impact_of_kind(int32 code)
{
	if (code <= 0 || code > OW_KIND_CODE_MAX || ow_kind_rank[code] == 0)
		return NULL;
	return &ow_impacts[ow_kind_rank[code]];
}

/* The impact spelled name[0..len) (any case), or NULL. */
extern const OutageImpact *ow_impact_by_label(const char *name, size_t len);

#endif							/* OW_IMPACT_H */
