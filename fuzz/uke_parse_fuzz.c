/*-------------------------------------------------------------------------
 *
 * uke_parse_fuzz.c
 *	  Fuzz driver for the receipt file reader (src/uke_parse.c).
 *
 * uke_claims() hands the reader whatever bytes a client sends as the file.
 * Whatever they are, the reader must not read outside them, must end
 * (every call moves on or reports the end), must give statuses and kinds
 * it documents, byte ranges inside the input, line numbers that grow,
 * dates that exist, and read a record put back with uke_unread() again
 * exactly as before - uke_claims() relies on that at every claim's end.
 *
 * OW_FUZZ_SOURCES: src/wareki_parse.c src/medical_institution_code_parse.c
 * OW_FUZZ_PKGCONFIG: icu-uc icu-i18n
 *
 * scripts/fuzz.sh builds and runs every fuzz driver.
 *
 *-------------------------------------------------------------------------
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "uke_parse.h"
#include "wareki_parse.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
check_slice(UkeSlice s, size_t size)
{
	if (s.off > size || s.len > size - s.off)
		abort();
}

static void
check_record(const UkeRecord *rec, bool skipped, size_t size, long last_line)
{
	if (rec->kind < UKE_IR || rec->kind > UKE_OTHER ||
		rec->error < UKE_OK || rec->error > UKE_E_BAD_TEXT)
		abort();
	if (rec->line <= last_line)
		abort();
	check_slice(rec->text, size);
	check_slice(rec->facility_name, size);
	check_slice(rec->receipt_type, size);
	check_slice(rec->name, size);
	check_slice(rec->kana, size);
	check_slice(rec->chart_number, size);
	check_slice(rec->comment, size);
	if (strlen(rec->number) > UKE_NUMBER_CAP)
		abort();
	/* a skipped record (after a bad RE or IR) is not decoded */
	if (rec->error != UKE_OK || skipped)
		return;
	switch (rec->kind)
	{
		case UKE_IR:
			if (rec->prefecture < 1 || rec->prefecture > 47 ||
				rec->code7 < 0 || rec->code7 > 9999999 ||
				rec->month < 1 || rec->month > 12)
				abort();
			break;
		case UKE_RE:
			if (rec->month < 1 || rec->month > 12 || rec->receipt_number < 0)
				abort();
			if (rec->has_birth &&
				!wk_valid_date(rec->birth_year, rec->birth_month, rec->birth_day))
				abort();
			break;
		default:
			break;
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* an exact-size heap copy, so ASan catches any read past the end */
	char	   *s = malloc(size ? size : 1);
	UkeReader	r;
	UkeRecord	rec;
	UkeRecord	again;
	bool		skipped;
	bool		skipped_again;
	long		last_line = 0;
	long		records = 0;

	memcpy(s, data, size);
	uke_reader_init(&r, s, size);
	while (uke_next(&r, &rec, &skipped))
	{
		check_record(&rec, skipped, size, last_line);
		if (uke_error_message(rec.error) == NULL)
			abort();
		/* every third record is put back and read again */
		if (records % 3 == 0)
		{
			uke_unread(&r, &rec);
			if (!uke_next(&r, &again, &skipped_again) ||
				skipped_again != skipped || again.line != rec.line ||
				again.kind != rec.kind || again.error != rec.error ||
				again.days != rec.days || again.text.off != rec.text.off)
				abort();
		}
		last_line = rec.line;
		/* a line is at least one byte, and the end is reported once */
		if (++records > (long) size + 1)
			abort();
	}
	free(s);
	return 0;
}
