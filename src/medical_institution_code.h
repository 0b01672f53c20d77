/*-------------------------------------------------------------------------
 *
 * medical_institution_code.h
 *	  The medical_institution_code SQL type: a 10-digit 医療機関コード,
 *	  stored as its number in a pass-by-value int64.
 *
 *-------------------------------------------------------------------------
 */
#ifndef OW_MEDICAL_INSTITUTION_CODE_H
#define OW_MEDICAL_INSTITUTION_CODE_H

#include "fmgr.h"

#include "prefecture.h"

typedef int64 MedicalInstitutionCode;

#define DatumGetMedicalInstitutionCode(X) ((MedicalInstitutionCode) DatumGetInt64(X))
#define MedicalInstitutionCodeGetDatum(X) Int64GetDatum(X)
#define PG_GETARG_MEDICAL_INSTITUTION_CODE(n) DatumGetMedicalInstitutionCode(PG_GETARG_DATUM(n))
#define PG_RETURN_MEDICAL_INSTITUTION_CODE(x) return MedicalInstitutionCodeGetDatum(x)

/* The prefecture of a code: its first two digits. */
#define MEDICAL_INSTITUTION_CODE_PREFECTURE(c) ((Prefecture) ((c) / 100000000))

#endif							/* OW_MEDICAL_INSTITUTION_CODE_H */
