/*-------------------------------------------------------------------------
 *
 * uke_parse.h
 *	  Read the monthly receipt file (レセ電, RECEIPTC.UKE) record by record,
 *	  in the bytes receipt software writes: Shift_JIS (CP932), CR LF.
 *
 * The file is CSV with one record a line; the first field names the
 * record and the last record is GO (field notes, §5).  The reader walks the
 * buffer once, splits a line into fields and decodes the records an outage
 * audit needs (IR, RE, HO, KO, SN, JD, SI, IY, TO, CO) into numbers, dates
 * and day sets.  Text fields (names, comments) are handed back as byte
 * ranges of the input, for the caller to convert from CP932: the reader
 * never needs to, because no CP932 trail byte is a comma, CR or LF.
 *
 * Plain C plus the era table of wareki_parse.h (ICU) and the facility code
 * rules of medical_institution_code_parse.h; no PostgreSQL headers, no
 * allocation, so that a fuzzer drives it without a server.  Memory is the
 * caller's buffer and one UkeReader, whatever the file's size.
 *
 *-------------------------------------------------------------------------
 */
#ifndef OW_UKE_PARSE_H
#define OW_UKE_PARSE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* No record of the 医科 layout comes near this; longer lines are refused. */
#define UKE_MAX_LINE 65536

/* Fields kept per line: SI/IY/TO's day fields end at 43. */
#define UKE_MAX_FIELDS 64

/* Digits kept of an insurer or payer number (8 in the layout). */
#define UKE_NUMBER_CAP 16

typedef enum UkeKind
{
	UKE_IR,						/* 医療機関情報 */
	UKE_RE,						/* レセプト共通 */
	UKE_HO,						/* 保険者 */
	UKE_KO,						/* 公費 */
	UKE_SN,						/* 資格確認 */
	UKE_JD,						/* 受診日等 */
	UKE_SI,						/* 診療行為 */
	UKE_IY,						/* 医薬品 */
	UKE_TO,						/* 特定器材 */
	UKE_CO,						/* コメント */
	UKE_GO,						/* 請求書 (the end) */
	UKE_OTHER					/* any other record: read past */
} UkeKind;

typedef enum UkeError
{
	UKE_OK = 0,
	UKE_E_LINE_TOO_LONG,		/* over UKE_MAX_LINE bytes */
	UKE_E_BAD_RECORD_ID,		/* first field is not two capital letters */
	UKE_E_MISSING_FIELD,		/* a field the record needs is empty */
	UKE_E_BAD_NUMBER,			/* not digits (ASCII or full-width) */
	UKE_E_BAD_MONTH,			/* neither YYYYMM nor GYYMM, or no such month */
	UKE_E_BAD_DATE,				/* neither YYYYMMDD nor GYYMMDD, or no such day */
	UKE_E_BAD_PREFECTURE,		/* IR: not 01..47 */
	UKE_E_BAD_TENSU,			/* IR: no 点数表 digit */
	UKE_E_BAD_CODE7,			/* IR: not 7 digits */
	UKE_E_BAD_SEX,				/* RE: not one digit */
	UKE_E_BAD_DAY,				/* a day field that is not a count, or a day
								 * past the month's end */
	UKE_E_BEFORE_IR,			/* a claim before any IR */
	UKE_E_OUTSIDE_CLAIM,		/* a claim's record before any RE */
	UKE_E_NO_GO,				/* the file ends without GO */
	UKE_E_BAD_TEXT				/* (the caller's) text not CP932 */
} UkeError;

/* A byte range of the input, white space trimmed. */
typedef struct UkeSlice
{
	size_t		off;
	size_t		len;
} UkeSlice;

typedef struct UkeRecord
{
	UkeKind		kind;
	char		id[3];			/* the record's name, NUL-terminated */
	long		line;			/* 1-based */
	UkeSlice	text;			/* the whole line, without CR LF */
	int			nfields;		/* fields on the line (may exceed the kept) */

	UkeError	error;			/* UKE_OK, or what is wrong */
	int			error_field;	/* the 0-based field at fault, or -1 */

	/* IR */
	int			prefecture;		/* 1..47 */
	int			tensu;			/* 点数表 digit */
	int32_t		code7;
	int64_t		institution_code;	/* the 10-digit code as a number */
	UkeSlice	facility_name;

	/* IR (請求年月) and RE (診療年月): year and month */
	int			year;
	int			month;

	/* RE */
	int32_t		receipt_number;
	UkeSlice	receipt_type;
	UkeSlice	name;
	UkeSlice	kana;			/* empty where the line has no field 36 */
	UkeSlice	chart_number;
	int			sex;			/* 0: not given */
	bool		has_birth;
	int			birth_year;
	int			birth_month;
	int			birth_day;

	/* HO (保険者番号), KO (公費負担者番号), SN (確認区分): ASCII digits */
	char		number[UKE_NUMBER_CAP + 1];
	int			sn_payer;		/* SN 負担者種別, 0 if not given */

	/* JD, SI, IY, TO: bit d - 1 for a visit on day d */
	uint32_t	days;

	/* CO */
	UkeSlice	comment;
} UkeRecord;

typedef struct UkeReader
{
	const char *buf;
	size_t		len;
	size_t		pos;			/* start of the next line */
	long		line;			/* lines read so far */
	bool		done;			/* GO read, or end reported */

	/* what decoding a record depends on */
	bool		have_ir;		/* a good IR has been read */
	bool		ir_bad;			/* the last IR was bad: its claims are skipped */
	int			claim_state;	/* UKE_CLAIM_* */
	int			claim_year;		/* 診療年月 of the open claim */
	int			claim_month;

	/* fields of the current line: offset and length, untrimmed */
	size_t		field_off[UKE_MAX_FIELDS];
	size_t		field_len[UKE_MAX_FIELDS];
} UkeReader;

#define UKE_CLAIM_NONE 0		/* no RE yet */
#define UKE_CLAIM_OPEN 1		/* the last RE was good */
#define UKE_CLAIM_SKIPPING 2	/* the last RE (or its IR) was bad */

/* Start reading len bytes of a file; buf must stay valid while reading. */
extern void uke_reader_init(UkeReader *r, const char *buf, size_t len);

/*
 * Read the next record into rec: true if there is one (rec->error says
 * whether it is good), false at the end (after GO).  A file that ends
 * without GO gives one last record of kind UKE_GO with UKE_E_NO_GO.  A
 * claim's records after a bad RE (or a bad IR) come back with kind set and
 * error UKE_OK but rec->skipped true, so one bad line is one error.
 * Blank lines are read past.
 */
extern bool uke_next(UkeReader *r, UkeRecord *rec, bool *skipped);

/* Put the record just read back, so that the next uke_next() reads it again. */
extern void uke_unread(UkeReader *r, const UkeRecord *rec);

/* An English sentence for an error, for messages. */
extern const char *uke_error_message(UkeError e);

/* The number of days in a Gregorian month. */
extern int	uke_days_in_month(int year, int month);

#endif							/* OW_UKE_PARSE_H */
