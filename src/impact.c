/*-------------------------------------------------------------------------
 *
 * impact.c
 *	  The impact table (impact.h).
 *
 * The guidance follows the notice of 2025-01-30 and the Ministry's
 * fallback procedure: what the front desk does during the window, and what
 * the billing team checks afterwards.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "impact.h"
#include "pg_compat.h"

/*
 * A registration delay slows card registration, not verification, so only
 * intermittent and outage windows make a visit "affected".  Yet a card whose
 * registration had not completed could not be verified, and the desk then
 * followed the outage procedure (the notice, section 2(3)), so in every
 * window a visit whose check did not succeed is reviewed, as its guidance
 * says.
 */
const OutageImpact ow_impacts[OW_IMPACT_COUNT] = {
	{0, "none", 0, false, false,
		"オンライン資格確認等システムの停止の影響はありません。通常どおり対応してください。",
		"Not affected by an outage of the eligibility system; no special handling."},
	{1, "registration_delay", 1, false, true,
		"【受付】他エリアの通信断の影響で、マイナ保険証の利用登録の完了が遅れることがあった時間帯です。カードリーダーに「利用登録の受付はしたが処理中」と表示されたら2分程度おいてオンライン資格確認を再試行し、それでも確認できなければ通信断時の手順で対応します。"
		"【請求】資格確認が完了しているか確認し、完了していない受診は通信断時と同様に点検してください。",
		"[Front desk] While another area was down, registering a My Number card for insurance use could complete late. If the reader says the registration was accepted but is in progress, wait about 2 minutes and retry verification; if it still fails, follow the outage procedure. "
		"[Billing] Check that verification completed; review visits where it did not as for an outage."},
	{2, "intermittent", 2, true, true,
		"【受付】毎時1分程度の通信断が1～2回あった時間帯です。エラーが出たら2分程度おいて再試行し、解消しなければ顔認証付きカードリーダーを再起動(電源のオン・オフ)してください。それでも確認できなかった場合は長時間の通信断と同じ手順(申立書等による資格確認、適切な自己負担)で対応します。"
		"【請求】オンライン資格確認の結果が残っているか確認し、残っていない受診は長時間の通信断と同様に点検してください。",
		"[Front desk] The connection dropped for about a minute once or twice an hour. On an error, wait about 2 minutes and retry; if it persists, restart or power-cycle the card reader. If verification still failed, follow the long-outage procedure (fallback confirmation, proper co-payment). "
		"[Billing] Check that an online verification result exists; review visits without one as for a long outage."},
	{3, "outage", 3, true, true,
		"【受付】オンライン資格確認ができなかった時間帯です。マイナ保険証の提示には「何らかの事情でオンライン資格確認を行えなかった場合」の手順(マイナポータルの資格情報画面、資格情報のお知らせ、再診は口頭確認、それ以外は被保険者資格申立書)で資格を確認し、10割ではなく適切な自己負担分を請求してください。健康保険証・資格確認書は券面で確認します。"
		"【請求】資格確認の記録を点検してください。資格が後日確認できた場合はその番号で請求し、不詳請求(保険者番号77777777または77777779)では摘要欄に「不詳」と申立書の記載事項を記録してください。10割で徴収していないかも確認してください。",
		"[Front desk] Online eligibility verification was impossible. For a patient showing a My Number insurance card, confirm eligibility by the fallback procedure (their Mynaportal eligibility screen, the eligibility notice, an oral check for a returning patient, otherwise the eligibility self-declaration form) and charge the proper co-payment, not 100%. Check a paper insurance card or an eligibility certificate by its face. "
		"[Billing] Review how eligibility was confirmed. Claim with the real numbers once confirmed; a claim with unknown numbers (insurer 77777777 or 77777779) needs \"不詳\" and the declaration's items in the remarks. Check that 100% was not charged."},
};

const int32 ow_kind_rank[OW_KIND_CODE_MAX + 1] = {
	[1] = 1,					/* registration_delay */
	[2] = 2,					/* intermittent */
	[3] = 3,					/* outage */
};

StaticAssertDecl(lengthof(ow_impacts) == OW_IMPACT_COUNT,
				 "one rank per impact");

const OutageImpact *
ow_impact_by_label(const char *name, size_t len)
{
	for (int r = 0; r < OW_IMPACT_COUNT; r++)
		if (strlen(ow_impacts[r].label) == len &&
			pg_strncasecmp(ow_impacts[r].label, name, len) == 0)
			return &ow_impacts[r];
	return NULL;
}
