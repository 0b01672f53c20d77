/*-------------------------------------------------------------------------
 *
 * prefecture_names.c
 *	  The 47 prefectures of Japan, indexed by JIS X 0401 code: the names and
 *	  readings the parser matches and the SQL accessors return.
 *
 * Plain C with UTF-8 string literals, so that the parser, its fuzzer and its
 * benchmark can use the table without a server.  Generated once from
 * prefectures.csv and maintained by hand since.
 *
 *-------------------------------------------------------------------------
 */
#include "prefecture_names.h"

#include <string.h>

/*
 * 北海道 has no short form (北海 is not a prefecture), so its kanji_short
 * and reading_short are NULL; its suffix 道 is part of the name.
 */
const PrefectureName pref_names[PREF_NAME_COUNT + 1] = {
	{NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL},
	/* 01 */ {"北海道", NULL, "道", "ほっかいどう", NULL, "Hokkaido", "Hokkaido", "北海道"},
	/* 02 */ {"青森県", "青森", "県", "あおもりけん", "あおもり", "Aomori", "Aomori", "東北"},
	/* 03 */ {"岩手県", "岩手", "県", "いわてけん", "いわて", "Iwate", "Iwate", "東北"},
	/* 04 */ {"宮城県", "宮城", "県", "みやぎけん", "みやぎ", "Miyagi", "Miyagi", "東北"},
	/* 05 */ {"秋田県", "秋田", "県", "あきたけん", "あきた", "Akita", "Akita", "東北"},
	/* 06 */ {"山形県", "山形", "県", "やまがたけん", "やまがた", "Yamagata", "Yamagata", "東北"},
	/* 07 */ {"福島県", "福島", "県", "ふくしまけん", "ふくしま", "Fukushima", "Fukushima", "東北"},
	/* 08 */ {"茨城県", "茨城", "県", "いばらきけん", "いばらき", "Ibaraki", "Ibaraki", "関東"},
	/* 09 */ {"栃木県", "栃木", "県", "とちぎけん", "とちぎ", "Tochigi", "Tochigi", "関東"},
	/* 10 */ {"群馬県", "群馬", "県", "ぐんまけん", "ぐんま", "Gunma", "Gunma", "関東"},
	/* 11 */ {"埼玉県", "埼玉", "県", "さいたまけん", "さいたま", "Saitama", "Saitama", "関東"},
	/* 12 */ {"千葉県", "千葉", "県", "ちばけん", "ちば", "Chiba", "Chiba", "関東"},
	/* 13 */ {"東京都", "東京", "都", "とうきょうと", "とうきょう", "Tokyo", "Tokyo", "関東"},
	/* 14 */ {"神奈川県", "神奈川", "県", "かながわけん", "かながわ", "Kanagawa", "Kanagawa", "関東"},
	/* 15 */ {"新潟県", "新潟", "県", "にいがたけん", "にいがた", "Niigata", "Niigata", "中部"},
	/* 16 */ {"富山県", "富山", "県", "とやまけん", "とやま", "Toyama", "Toyama", "中部"},
	/* 17 */ {"石川県", "石川", "県", "いしかわけん", "いしかわ", "Ishikawa", "Ishikawa", "中部"},
	/* 18 */ {"福井県", "福井", "県", "ふくいけん", "ふくい", "Fukui", "Fukui", "中部"},
	/* 19 */ {"山梨県", "山梨", "県", "やまなしけん", "やまなし", "Yamanashi", "Yamanashi", "中部"},
	/* 20 */ {"長野県", "長野", "県", "ながのけん", "ながの", "Nagano", "Nagano", "中部"},
	/* 21 */ {"岐阜県", "岐阜", "県", "ぎふけん", "ぎふ", "Gifu", "Gifu", "中部"},
	/* 22 */ {"静岡県", "静岡", "県", "しずおかけん", "しずおか", "Shizuoka", "Shizuoka", "中部"},
	/* 23 */ {"愛知県", "愛知", "県", "あいちけん", "あいち", "Aichi", "Aichi", "中部"},
	/* 24 */ {"三重県", "三重", "県", "みえけん", "みえ", "Mie", "Mie", "近畿"},
	/* 25 */ {"滋賀県", "滋賀", "県", "しがけん", "しが", "Shiga", "Shiga", "近畿"},
	/* 26 */ {"京都府", "京都", "府", "きょうとふ", "きょうと", "Kyoto", "Kyoto", "近畿"},
	/* 27 */ {"大阪府", "大阪", "府", "おおさかふ", "おおさか", "Osaka", "Osaka", "近畿"},
	/* 28 */ {"兵庫県", "兵庫", "県", "ひょうごけん", "ひょうご", "Hyogo", "Hyogo", "近畿"},
	/* 29 */ {"奈良県", "奈良", "県", "ならけん", "なら", "Nara", "Nara", "近畿"},
	/* 30 */ {"和歌山県", "和歌山", "県", "わかやまけん", "わかやま", "Wakayama", "Wakayama", "近畿"},
	/* 31 */ {"鳥取県", "鳥取", "県", "とっとりけん", "とっとり", "Tottori", "Tottori", "中国"},
	/* 32 */ {"島根県", "島根", "県", "しまねけん", "しまね", "Shimane", "Shimane", "中国"},
	/* 33 */ {"岡山県", "岡山", "県", "おかやまけん", "おかやま", "Okayama", "Okayama", "中国"},
	/* 34 */ {"広島県", "広島", "県", "ひろしまけん", "ひろしま", "Hiroshima", "Hiroshima", "中国"},
	/* 35 */ {"山口県", "山口", "県", "やまぐちけん", "やまぐち", "Yamaguchi", "Yamaguchi", "中国"},
	/* 36 */ {"徳島県", "徳島", "県", "とくしまけん", "とくしま", "Tokushima", "Tokushima", "四国"},
	/* 37 */ {"香川県", "香川", "県", "かがわけん", "かがわ", "Kagawa", "Kagawa", "四国"},
	/* 38 */ {"愛媛県", "愛媛", "県", "えひめけん", "えひめ", "Ehime", "Ehime", "四国"},
	/* 39 */ {"高知県", "高知", "県", "こうちけん", "こうち", "Kochi", "Kochi", "四国"},
	/* 40 */ {"福岡県", "福岡", "県", "ふくおかけん", "ふくおか", "Fukuoka", "Fukuoka", "九州"},
	/* 41 */ {"佐賀県", "佐賀", "県", "さがけん", "さが", "Saga", "Saga", "九州"},
	/* 42 */ {"長崎県", "長崎", "県", "ながさきけん", "ながさき", "Nagasaki", "Nagasaki", "九州"},
	/* 43 */ {"熊本県", "熊本", "県", "くまもとけん", "くまもと", "Kumamoto", "Kumamoto", "九州"},
	/* 44 */ {"大分県", "大分", "県", "おおいたけん", "おおいた", "Oita", "Oita", "九州"},
	/* 45 */ {"宮崎県", "宮崎", "県", "みやざきけん", "みやざき", "Miyazaki", "Miyazaki", "九州"},
	/* 46 */ {"鹿児島県", "鹿児島", "県", "かごしまけん", "かごしま", "Kagoshima", "Kagoshima", "九州"},
	/* 47 */ {"沖縄県", "沖縄", "県", "おきなわけん", "おきなわ", "Okinawa", "Okinawa", "九州"},
};

/* The four suffixes, in kanji and the romaji used after a hyphen. */
static const struct
{
	const char *kanji;
	const char *romaji;
}			suffixes[] = {
	{"都", "to"},
	{"道", "do"},
	{"府", "fu"},
	{"県", "ken"},
};

#define N_SUFFIXES (sizeof(suffixes) / sizeof(suffixes[0]))

static int
suffix_index(const char *suffix)
{
	size_t		i;

	if (suffix == NULL)
		return -1;
	for (i = 0; i < N_SUFFIXES; i++)
		if (strcmp(suffixes[i].kanji, suffix) == 0)
			return (int) i;
	return -1;
}

const char *
pref_suffix_romaji(const char *suffix)
{
	int			i = suffix_index(suffix);

	return i < 0 ? NULL : suffixes[i].romaji;
}
