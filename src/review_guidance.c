/*-------------------------------------------------------------------------
 *
 * review_guidance.c
 *	  review_guidance(): what the front desk and the billing team should do
 *	  for a visit, by its eligibility impact.
 *
 * The texts follow the notice of 2025-01-30 and the fallback procedure of
 * the Ministry (doc: README.md, "What to do").  They are kept in C rather
 * than in a PL/pgSQL body so that no body names the extension's schema as
 * text (doc/hardening.md, "Trust"); they are UTF-8 here and converted to the
 * database's encoding on the way out.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "catalog/pg_enum.h"
#include "fmgr.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"
#include "utils/syscache.h"

#include "pg_compat.h"

typedef struct ImpactGuidance
{
	const char *impact;			/* label of the eligibility_impact enum */
	const char *ja;
	const char *en;
} ImpactGuidance;

static const ImpactGuidance guidance[] = {
	{"outage",
		"【受付】オンライン資格確認ができなかった時間帯です。マイナ保険証の提示には「何らかの事情でオンライン資格確認を行えなかった場合」の手順(マイナポータルの資格情報画面、資格情報のお知らせ、再診は口頭確認、それ以外は被保険者資格申立書)で資格を確認し、10割ではなく適切な自己負担分を請求してください。健康保険証・資格確認書は券面で確認します。"
		 "【請求】資格確認の記録を点検してください。資格が後日確認できた場合はその番号で請求し、不詳請求(保険者番号77777777または77777779)では摘要欄に「不詳」と申立書の記載事項を記録してください。10割で徴収していないかも確認してください。",
		"[Front desk] Online eligibility verification was impossible. For a patient showing a My Number insurance card, confirm eligibility by the fallback procedure (their Mynaportal eligibility screen, the eligibility notice, an oral check for a returning patient, otherwise the eligibility self-declaration form) and charge the proper co-payment, not 100%. Check a paper insurance card or an eligibility certificate by its face. "
		 "[Billing] Review how eligibility was confirmed. Claim with the real numbers once confirmed; a claim with unknown numbers (insurer 77777777 or 77777779) needs \"不詳\" and the declaration's items in the remarks. Check that 100% was not charged."},
	{"intermittent",
		"【受付】毎時1分程度の通信断が1～2回あった時間帯です。エラーが出たら2分程度おいて再試行し、解消しなければ顔認証付きカードリーダーを再起動(電源のオン・オフ)してください。それでも確認できなかった場合は長時間の通信断と同じ手順(申立書等による資格確認、適切な自己負担)で対応します。"
		 "【請求】オンライン資格確認の結果が残っているか確認し、残っていない受診は長時間の通信断と同様に点検してください。",
		"[Front desk] The connection dropped for about a minute once or twice an hour. On an error, wait about 2 minutes and retry; if it persists, restart or power-cycle the card reader. If verification still failed, follow the long-outage procedure (fallback confirmation, proper co-payment). "
		 "[Billing] Check that an online verification result exists; review visits without one as for a long outage."},
	{"registration_delay",
		"【受付】他エリアの通信断の影響で、マイナ保険証の利用登録の完了が遅れることがあった時間帯です。カードリーダーに「利用登録の受付はしたが処理中」と表示されたら2分程度おいてオンライン資格確認を再試行し、それでも確認できなければ通信断時の手順で対応します。"
		 "【請求】資格確認が完了しているか確認し、完了していない受診は通信断時と同様に点検してください。",
		"[Front desk] While another area was down, registering a My Number card for insurance use could complete late. If the reader says the registration was accepted but is in progress, wait about 2 minutes and retry verification; if it still fails, follow the outage procedure. "
		 "[Billing] Check that verification completed; review visits where it did not as for an outage."},
	{"none",
		"オンライン資格確認等システムの停止の影響はありません。通常どおり対応してください。",
		"Not affected by an outage of the eligibility system; no special handling."},
};

/* The label of an eligibility_impact value. */
static const char *
impact_label(Oid impact)
{
	HeapTuple	tuple = SearchSysCache1(ENUMOID, ObjectIdGetDatum(impact));
	char	   *label;

	if (!HeapTupleIsValid(tuple))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid internal value for enum: %u", impact)));
	label = pstrdup(NameStr(((Form_pg_enum) GETSTRUCT(tuple))->enumlabel));
	ReleaseSysCache(tuple);
	return label;
}

PG_FUNCTION_INFO_V1(review_guidance);
Datum
review_guidance(PG_FUNCTION_ARGS)
{
	const char *label = impact_label(PG_GETARG_OID(0));
	char	   *lang = text_to_cstring(PG_GETARG_TEXT_PP(1));
	bool		ja;
	const char *text_utf8 = NULL;

	/* 'ja' and 'en', in any case, with blanks around them */
	lang += strspn(lang, " ");
	lang[strcspn(lang, " ")] = '\0';
	if (pg_strcasecmp(lang, "ja") == 0)
		ja = true;
	else if (pg_strcasecmp(lang, "en") == 0)
		ja = false;
	else
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unsupported language for review_guidance: \"%s\"",
						pnstrdup(lang, pg_mbcliplen(lang, strlen(lang), 16))),
				 errhint("Use 'ja' (Japanese) or 'en' (English).")));

	for (size_t i = 0; i < lengthof(guidance); i++)
		if (strcmp(guidance[i].impact, label) == 0)
			text_utf8 = ja ? guidance[i].ja : guidance[i].en;
	if (text_utf8 == NULL)
		elog(ERROR, "no review guidance for eligibility impact \"%s\"", label);

	PG_RETURN_TEXT_P(cstring_to_text(pg_any_to_server(text_utf8,
													  strlen(text_utf8),
													  PG_UTF8)));
}
