/*-------------------------------------------------------------------------
 *
 * notice_parse.c
 *	  Outage windows read from the whole text of a notice, without a server.
 *
 * Notices are written by people, in many hands (doc/notices.md lists the
 * forms).  The reader works in four passes, each linear in the text:
 *
 * 1. NFKC, one code point at a time, with a map from every byte of the
 *	  result back to the input, so a window can quote the notice as
 *	  written.  Dash look-alikes become "~"; circled digits, which NFKC
 *	  turns into bare digits that would run into a date, become blanks.
 * 2. Lines and blocks.  A block starts at a heading (【…】, ■, (1), 1.),
 *	  and the words of each line that say what a window is (its kind, its
 *	  area, that nothing stops) are found once.
 * 3. Windows: a start (a date and a time, or a time on a date just
 *	  mentioned), a dash or から, and an end.  A start alone, an end alone
 *	  or a single instant is no window.
 * 4. Each window takes the nearest words that say what it is: on its own
 *	  line first, then earlier in its block, then in the notice's opening.
 *	  Windows of a block that says nothing stops, or whose notice is not
 *	  about eligibility at all, are left out.
 *
 * The dates, times and eras are read with wareki_parse.c's grammar.
 *
 *-------------------------------------------------------------------------
 */
#include "notice_parse.h"

#include <stdint.h>
#include <string.h>

#include "prefecture_names.h"

/* One character of the cache of per-code-point NFKC (process-wide). */
#define NFKC_CACHE_SIZE 2048

typedef struct NfkcEntry
{
	uint32_t	key;			/* the input's UTF-8 bytes, 0 if empty */
	uint8_t		inlen;
	uint8_t		outlen;
	char		out[WK_NFKC_CHAR_MAX];
} NfkcEntry;

static NfkcEntry nfkc_cache[NFKC_CACHE_SIZE];

/* Flags of a line, and of a block (the union of its lines). */
#define F_NOSTOP	0x01		/* says nothing stops */
#define F_REG		0x02		/* 利用登録 */
#define F_SUBJECT	0x04		/* names eligibility */
#define F_IMPACT	0x08		/* says something stops or fails */
#define F_STRONG	0x10		/* says eligibility itself fails */
#define F_OFFTOPIC	0x20		/* names a service other than eligibility */

typedef struct Line
{
	size_t		start;			/* offsets into the NFKC text */
	size_t		end;
	int			block;
	unsigned	flags;
	int			kind;			/* the kind its words give, or NP_KIND_NONE */
	const char *kind_from;
	NpArea		area;
	bool		has_area;
	size_t		area_start;
	size_t		area_end;
	int			prev_kind;		/* nearest line at or before, in the block, with a kind */
	int			next_kind;		/* nearest line after, in the block, with a kind */
	int			prev_area;		/* nearest line at or before, in the block, with an area */
	bool		mention;		/* a date or a time starts on it */
	bool		has_window;		/* a window starts on it */
	bool		blank;
	/* the registration delay of one area during another's windows */
	NpArea		xref_to;
	NpArea		xref_of;
	size_t		xref_start;
	size_t		xref_end;
} Line;

typedef enum DateForm
{
	D_NONE = 0,
	D_FULL,						/* with its year */
	D_MD,						/* 2月1日, 2/1 */
	D_DAY						/* 1日: month from the context */
} DateForm;

typedef struct Point
{
	size_t		begin;
	size_t		end;
	DateForm	form;
	WkStatus	date_status;	/* of a D_FULL date */
	WkDate		date;			/* as written; year 0 when not written */
	int			weekday;
	bool		next_day;		/* 翌 */
	bool		has_time;
	bool		is_24;
	WkDateTime	t;
	unsigned	approx;
} Point;

/* A date read from the text so far, with how its year was known. */
typedef struct DateCtx
{
	bool		valid;
	bool		year_known;
	bool		year_inferred;
	WkDate		d;
} DateCtx;

typedef struct Raw
{
	NpWindow	w;
	size_t		begin;			/* NFKC offsets of the window as written */
	size_t		end;
	int			li;				/* its line's index */
	NpStatus	err;			/* raised only if the window is kept */
	size_t		err_pos;
	WkDate		err_date;
	int			err_wd;
	bool		keep;
} Raw;

typedef struct Parser
{
	const NpOptions *opt;
	NpResult   *res;
	const char *orig;
	size_t		orig_len;
	char	   *norm;
	uint32_t   *map;			/* NFKC byte -> input byte; map[len] = input length */
	size_t		len;
	Line	   *lines;
	int			n_lines;
	int			first_block_end;	/* lines before it are the opening */
	unsigned   *block_flags;
	int			n_blocks;
	Raw		   *raws;
	size_t		n_raws;
	size_t		cap_raws;
	DateCtx		ref;			/* the last date with a written year */
	WkResult	wk;				/* scratch for the wareki readers */
} Parser;

static const char *const approx_words[NP_APPROX_COUNT] = {
	"予定", "頃", "ごろ", "見込み", "約"
};

const char *
np_approx_word(unsigned bit)
{
	for (int i = 0; i < NP_APPROX_COUNT; i++)
		if (bit == (1u << i))
			return approx_words[i];
	return NULL;
}

/* ------------------------------------------------------------------------
 * Memory
 * ------------------------------------------------------------------------
 */

static void *
np_alloc(Parser *P, size_t size)
{
	void	   *p;

	if (P->res->n_blocks >= (int) (sizeof(P->res->blocks) / sizeof(P->res->blocks[0])))
		return NULL;
	p = P->opt->alloc(size ? size : 1, P->opt->ctx);
	if (p != NULL)
		P->res->blocks[P->res->n_blocks++] = p;
	return p;
}

void
np_free(NpResult *res, const NpOptions *opt)
{
	if (opt->release != NULL)
		for (int i = 0; i < res->n_blocks; i++)
			opt->release(res->blocks[i], opt->ctx);
	res->n_blocks = 0;
	res->windows = NULL;
	res->n_windows = 0;
}

/* ------------------------------------------------------------------------
 * Pass 1: NFKC with a map back to the input
 * ------------------------------------------------------------------------
 */

static uint32_t
decode_cp(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *) s;

	if (n == 1)
		return u[0];
	if (n == 2)
		return ((u[0] & 0x1Fu) << 6) | (u[1] & 0x3Fu);
	if (n == 3)
		return ((u[0] & 0x0Fu) << 12) | ((u[1] & 0x3Fu) << 6) | (u[2] & 0x3Fu);
	return ((u[0] & 0x07u) << 18) | ((u[1] & 0x3Fu) << 12) |
		((u[2] & 0x3Fu) << 6) | (u[3] & 0x3Fu);
}

/* Dashes notices put between a start and an end, other than ASCII - and ~. */
static bool
is_dash_cp(uint32_t cp)
{
	return (cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212 || cp == 0x2053 ||
		cp == 0x301C || cp == 0x3030 || cp == 0x2500 || cp == 0x2501 ||
		cp == 0xFE58;
}

/* Circled and parenthesised numbers: list markers, not digits. */
static bool
is_list_number_cp(uint32_t cp)
{
	return (cp >= 0x2460 && cp <= 0x24FF) || (cp >= 0x2776 && cp <= 0x2793) ||
		(cp >= 0x3251 && cp <= 0x325F) || (cp >= 0x32B1 && cp <= 0x32BF);
}

static void
put(Parser *P, const char *bytes, size_t n, size_t from)
{
	memcpy(P->norm + P->len, bytes, n);
	for (size_t k = 0; k < n; k++)
		P->map[P->len + k] = (uint32_t) from;
	P->len += n;
}

static NpStatus
normalize(Parser *P)
{
	const char *s = P->orig;
	size_t		n = P->orig_len;
	/* a code point of k >= 2 bytes writes at most k + 3 (see below) */
	size_t		cap = n / 2 * 5 + 2;
	size_t		i = 0;

	P->norm = np_alloc(P, cap + 1);
	P->map = np_alloc(P, (cap + 1) * sizeof(uint32_t));
	if (P->norm == NULL || P->map == NULL)
		return NP_NO_MEMORY;
	P->len = 0;
	while (i < n)
	{
		unsigned char b = (unsigned char) s[i];
		size_t		inlen;
		size_t		outlen;
		char		out[WK_NFKC_CHAR_MAX];
		uint32_t	key;
		NfkcEntry  *e;

		if (b < 0x80)
		{
			/* CR LF and a lone CR are one line break */
			if (b == '\r')
			{
				if (i + 1 < n && s[i + 1] == '\n')
					i++;
				b = '\n';
			}
			P->norm[P->len] = (char) b;
			P->map[P->len++] = (uint32_t) i;
			i++;
			continue;
		}

		/* the cache is keyed by the input's bytes: at most 4 of them */
		inlen = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
		if (inlen > n - i)
			inlen = 1;
		key = 0;
		for (size_t k = 0; k < inlen; k++)
			key = (key << 8) | (unsigned char) s[i + k];
		e = &nfkc_cache[(key * 2654435761u) >> 21 & (NFKC_CACHE_SIZE - 1)];
		if (e->key != key || e->key == 0)
		{
			size_t		used = wk_nfkc_char(s + i, n - i, out, &outlen);

			if (used != inlen)
			{
				/* not UTF-8: a blank, so that nothing runs together */
				put(P, " ", 1, i);
				i++;
				continue;
			}
			e->key = key;
			e->inlen = (uint8_t) inlen;
			e->outlen = (uint8_t) outlen;
			memcpy(e->out, out, outlen);
		}
		{
			uint32_t	cp = decode_cp(s + i, inlen);

			if (is_dash_cp(cp))
				put(P, "~", 1, i);
			else if (is_list_number_cp(cp))
				put(P, " ", 1, i);
			else if (cp == 0x2028 || cp == 0x2029 || cp == 0x85)
				put(P, "\n", 1, i);
			else if (e->outlen > inlen + 3)
				put(P, s + i, inlen, i);	/* ligatures and the like: as they are */
			else
				put(P, e->out, e->outlen, i);
		}
		i += inlen;
	}
	P->norm[P->len] = '\0';
	P->map[P->len] = (uint32_t) n;
	return NP_OK;
}

/* ------------------------------------------------------------------------
 * Words
 * ------------------------------------------------------------------------
 */

/*
 * The first place of the n bytes of lit in the hay bytes of s, or NULL.
 * Words are a few characters long, so a plain search stays linear.
 */
static const char *
find(const char *s, size_t hay, const char *lit, size_t n)
{
	if (n == 0 || hay < n)
		return NULL;
	for (size_t i = 0; i + n <= hay; i++)
		if (s[i] == lit[0] && memcmp(s + i, lit, n) == 0)
			return s + i;
	return NULL;
}

static bool
has(const Parser *P, size_t a, size_t b, const char *lit)
{
	return b > a && find(P->norm + a, b - a, lit, strlen(lit)) != NULL;
}

/* Intermittent: a minute or seconds at a time. */
static const char *const w_intermittent[] = {
	"数分間の通信断", "断続", "瞬断", "秒程度", "秒間", "数秒", "1分程度",
	"毎時間", "数分", NULL
};

/* Eligibility itself fails for a long while. */
static const char *const w_outage_strong[] = {
	"長時間の通信断", "長時間", "通信断", "障害", "資格確認ができ",
	"資格確認が行え", "資格確認を行え", "資格確認が利用でき",
	"資格確認等システムが利用でき", "資格確認等システムに接続でき",
	"接続できな", "接続ができな", NULL
};

static const char *const w_registration[] = {"利用登録", NULL};

static const char *const w_outage_weak[] = {
	"停止", "利用できな", "利用できません", "ご利用いただけな",
	"ご利用いただけません", "利用不可", NULL
};

/* Nothing stops, or eligibility goes on as usual. */
static const char *const w_nostop[] = {
	"停止は発生しません", "停止は発生いたしません", "停止はありません",
	"停止はございません", "停止を伴いません", "停止は伴いません",
	"資格確認への影響はありません", "資格確認等システムへの影響はありません",
	"資格確認に影響はありません", "資格確認には影響はありません",
	"資格確認には影響ありません", "資格確認は通常", "資格確認等システムは通常",
	"資格確認は、通常", "資格確認は引き続き", "資格確認等システムは引き続き",
	"資格確認はご利用いただけます", "資格確認は利用できます",
	"資格確認等システムはご利用いただけます", "資格確認等システムは利用できます",
	NULL
};

static const char *const w_subject[] = {
	"資格確認", "オン資", "利用登録", "通信断", "901", NULL
};

static const char *const w_impact[] = {
	"通信断", "停止", "できな", "できません", "行えな", "いただけな",
	"いただけません", "障害", "遅延", "断続", "瞬断", "不可", "エラー", NULL
};

/* Said of eligibility itself: relevant whatever else the text names. */
static const char *const w_strong[] = {
	"通信断", "利用登録", "901", "資格確認ができ", "資格確認が行え",
	"資格確認を行え", "資格確認が利用でき", "資格確認等システムが利用でき",
	"資格確認等システムが停止", "資格確認等システムを停止",
	"資格確認等システムの停止", "資格確認等システムの障害",
	"資格確認等システムに接続でき", "資格確認等システムで障害", NULL
};

/* Services a notice may be about that are not eligibility. */
static const char *const w_offtopic[] = {
	"コールセンター", "ポータルサイト", "PMH", "受給者証", "電子処方箋",
	"HPKI", "電子署名", "Windows", "証明書", NULL
};

/*
 * Every word above, once, so that a span is read once for all of them:
 * words are found by their first two bytes.  Built on first use.
 */
#define MAX_WORDS 128
#define WORD_BUCKETS 256

typedef struct WordSet
{
	uint64_t	bits[MAX_WORDS / 64];
} WordSet;

static const char *words[MAX_WORDS];
static uint8_t word_len[MAX_WORDS];
static int	n_words = 0;
static int16_t bucket_first[WORD_BUCKETS];
static int16_t word_next[MAX_WORDS];
static WordSet cat_nostop,
			cat_reg,
			cat_subject,
			cat_impact,
			cat_strong,
			cat_offtopic;

static unsigned
bucket_of(const char *w)
{
	return ((unsigned char) w[0] * 31u + (unsigned char) w[1]) & (WORD_BUCKETS - 1);
}

static int
word_index(const char *w)
{
	for (int i = 0; i < n_words; i++)
		if (strcmp(words[i], w) == 0)
			return i;
	words[n_words] = w;
	word_len[n_words] = (uint8_t) strlen(w);
	return n_words++;
}

static void
add_category(WordSet *set, const char *const *list)
{
	for (int i = 0; list[i] != NULL; i++)
	{
		int			k = word_index(list[i]);

		set->bits[k / 64] |= UINT64_C(1) << (k % 64);
	}
}

static void
init_words(void)
{
	static const char *const *const kinds[] = {
		w_intermittent, w_outage_strong, w_registration, w_outage_weak, NULL
	};
	WordSet		unused;

	if (n_words > 0)
		return;
	for (int i = 0; kinds[i] != NULL; i++)
		add_category(&unused, kinds[i]);
	add_category(&cat_nostop, w_nostop);
	add_category(&cat_reg, w_registration);
	add_category(&cat_subject, w_subject);
	add_category(&cat_impact, w_impact);
	add_category(&cat_strong, w_strong);
	add_category(&cat_offtopic, w_offtopic);
	for (int b = 0; b < WORD_BUCKETS; b++)
		bucket_first[b] = -1;
	for (int i = n_words - 1; i >= 0; i--)
	{
		unsigned	b = bucket_of(words[i]);

		word_next[i] = bucket_first[b];
		bucket_first[b] = (int16_t) i;
	}
}

/* The words found in [a, b). */
static WordSet
words_in(const Parser *P, size_t a, size_t b)
{
	WordSet		set = {{0}};
	const char *s = P->norm;

	for (size_t p = a; p + 1 < b; p++)
	{
		if (((unsigned char) s[p] & 0xC0) == 0x80)
			continue;
		for (int k = bucket_first[bucket_of(s + p)]; k >= 0; k = word_next[k])
			if (b - p >= word_len[k] && memcmp(s + p, words[k], word_len[k]) == 0)
				set.bits[k / 64] |= UINT64_C(1) << (k % 64);
	}
	return set;
}

static bool
set_has(const WordSet *set, const char *w)
{
	/* the lists' own pointers first: identical literals are merged */
	for (int k = bucket_first[bucket_of(w)]; k >= 0; k = word_next[k])
		if (words[k] == w)
			return (set->bits[k / 64] >> (k % 64)) & 1;
	for (int k = bucket_first[bucket_of(w)]; k >= 0; k = word_next[k])
		if (strcmp(words[k], w) == 0)
			return (set->bits[k / 64] >> (k % 64)) & 1;
	return false;
}

static bool
set_meets(const WordSet *a, const WordSet *b)
{
	for (int i = 0; i < MAX_WORDS / 64; i++)
		if (a->bits[i] & b->bits[i])
			return true;
	return false;
}

/* The first of a list's words in the set, or NULL. */
static const char *
first_of(const WordSet *set, const char *const *list)
{
	for (int i = 0; list[i] != NULL; i++)
		if (set_has(set, list[i]))
			return list[i];
	return NULL;
}

/* The kind the words of a set give, by weight: intermittent words first. */
static int
kind_of(const WordSet *set, const char **from)
{
	static const struct
	{
		const char *const *words;
		int			kind;
	}			order[] = {
		{w_intermittent, NP_KIND_INTERMITTENT},
		{w_outage_strong, NP_KIND_OUTAGE},
		{w_registration, NP_KIND_REGISTRATION_DELAY},
		{w_outage_weak, NP_KIND_OUTAGE},
	};

	bool		empty = true;

	for (int i = 0; i < MAX_WORDS / 64; i++)
		empty &= set->bits[i] == 0;
	*from = NULL;
	if (empty)
		return NP_KIND_NONE;
	for (int i = 0; i < 4; i++)
		if ((*from = first_of(set, order[i].words)) != NULL)
			return order[i].kind;
	return NP_KIND_NONE;
}

static int
kind_in(const Parser *P, size_t a, size_t b, const char **from)
{
	WordSet		set = words_in(P, a, b);

	return kind_of(&set, from);
}

static unsigned
flags_of(const WordSet *set)
{
	return (set_meets(set, &cat_nostop) ? F_NOSTOP : 0) |
		(set_meets(set, &cat_reg) ? F_REG : 0) |
		(set_meets(set, &cat_subject) ? F_SUBJECT : 0) |
		(set_meets(set, &cat_impact) ? F_IMPACT : 0) |
		(set_meets(set, &cat_strong) ? F_STRONG : 0) |
		(set_meets(set, &cat_offtopic) ? F_OFFTOPIC : 0);
}

/*
 * The notice's split (notice_area() in install/30_schedule.sql): the 17
 * East prefectures are JIS 1-15, 19 and 20.
 */
static NpArea
prefecture_notice_area(int code)
{
	return (code <= 15 || code == 19 || code == 20) ? NP_AREA_EAST : NP_AREA_WEST;
}

/*
 * The area named in [a, b): 東日本, 西日本, 全国, or a list of prefectures
 * (by the notice's split; a list over both areas is all of them).
 */
static bool
area_in(const Parser *P, size_t a, size_t b, NpArea *area, size_t *from,
		size_t *to)
{
	const char *s = P->norm;
	const char *e = b > a ? find(s + a, b - a, "東日本", 9) : NULL;
	const char *w = b > a ? find(s + a, b - a, "西日本", 9) : NULL;
	const char *all = b > a ? find(s + a, b - a, "全国", 6) : NULL;
	bool		east = false;
	bool		west = false;
	size_t		lo = b;
	size_t		hi = a;

	if (e || w || all)
	{
		const char *first = e;

		if (first == NULL || (w && w < first))
			first = w;
		if (first == NULL || (all && all < first))
			first = all;
		*from = (size_t) (first - s);
		*to = *from + (first == all ? 6 : 9);
		if (first != all && *to + 9 <= b && memcmp(s + *to, "エリア", 9) == 0)
			*to += 9;
		*area = (all || (e && w)) ? NP_AREA_ALL : e ? NP_AREA_EAST : NP_AREA_WEST;
		return true;
	}

	/* prefectures: found at their suffix, 都 道 府 県 */
	for (size_t p = a; p + 3 <= b; p++)
	{
		if (!(memcmp(s + p, "県", 3) == 0 || memcmp(s + p, "都", 3) == 0 ||
			  memcmp(s + p, "府", 3) == 0 || memcmp(s + p, "道", 3) == 0))
			continue;
		for (int code = 1; code <= PREF_NAME_COUNT; code++)
		{
			const char *name = pref_names[code].kanji;
			size_t		n = strlen(name);

			if (p + 3 >= a + n && memcmp(s + p + 3 - n, name, n) == 0)
			{
				if (prefecture_notice_area(code) == NP_AREA_EAST)
					east = true;
				else
					west = true;
				if (p + 3 - n < lo)
					lo = p + 3 - n;
				if (p + 3 > hi)
					hi = p + 3;
				break;
			}
		}
	}
	if (!east && !west)
		return false;
	*area = (east && west) ? NP_AREA_ALL : east ? NP_AREA_EAST : NP_AREA_WEST;
	*from = lo;
	*to = hi;
	return true;
}

/* ------------------------------------------------------------------------
 * Pass 2: lines and blocks
 * ------------------------------------------------------------------------
 */

static bool
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\v' || c == '\f';
}

static bool
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* A heading opens a block: 【…】, ■, □, ◆, ◇, ▼, (1), 1., 1、, 第1. */
static bool
is_heading(const Parser *P, const Line *l)
{
	size_t		p = l->start;
	const char *s = P->norm;
	static const char *const marks[] = {"【", "■", "□", "◆", "◇", "▼", "▽", "第", NULL};

	/* Markdown's marks around a heading */
	while (p < l->end && (is_space(s[p]) || s[p] == '#' || s[p] == '*' ||
						  s[p] == '>' || s[p] == '|'))
		p++;
	if (p >= l->end)
		return false;
	for (int i = 0; marks[i] != NULL; i++)
	{
		size_t		n = strlen(marks[i]);

		if (l->end - p >= n && memcmp(s + p, marks[i], n) == 0)
			return i < 7 || (p + n < l->end && is_digit(s[p + n]));
	}
	if (s[p] == '(' && p + 2 < l->end && is_digit(s[p + 1]))
	{
		size_t		q = p + 1;

		while (q < l->end && is_digit(s[q]))
			q++;
		return q < l->end && s[q] == ')';
	}
	if (is_digit(s[p]))
	{
		size_t		q = p;

		while (q < l->end && is_digit(s[q]))
			q++;
		if (q - p > 2 || q >= l->end)
			return false;
		if (s[q] == '.' || s[q] == ')')
			return q + 1 >= l->end || !is_digit(s[q + 1]);
		return l->end - q >= 3 && memcmp(s + q, "、", 3) == 0;
	}
	return false;
}

/*
 * The registration delay of one area during another's windows, as §2(3) of
 * the notice of 2025-01-30 has it: "西日本エリアでは、…東日本エリアの通信断中
 * においても、…利用登録の完了に若干の遅延".
 */
static void
find_cross_reference(Parser *P, Line *l)
{
	const char *s = P->norm;
	NpArea		to = NP_AREA_ALL;
	NpArea		of = NP_AREA_ALL;

	if (!(l->flags & F_REG) ||
		!(has(P, l->start, l->end, "遅延") || has(P, l->start, l->end, "影響")))
		return;
	for (size_t p = l->start; p + 9 <= l->end; p++)
	{
		NpArea		a;
		size_t		q = p + 9;

		if (memcmp(s + p, "東日本", 9) == 0)
			a = NP_AREA_EAST;
		else if (memcmp(s + p, "西日本", 9) == 0)
			a = NP_AREA_WEST;
		else
			continue;
		if (q + 9 <= l->end && memcmp(s + q, "エリア", 9) == 0)
			q += 9;
		else if (q + 6 <= l->end && memcmp(s + q, "地域", 6) == 0)
			q += 6;
		if (q + 12 <= l->end && memcmp(s + q, "の通信断", 12) == 0)
			of = a;
		else if ((q + 6 <= l->end && (memcmp(s + q, "では", 6) == 0 ||
									  memcmp(s + q, "でも", 6) == 0 ||
									  memcmp(s + q, "には", 6) == 0)) ||
				 (q + 12 <= l->end && memcmp(s + q, "において", 12) == 0))
		{
			to = a;
			l->xref_start = p;
			l->xref_end = q;
		}
	}
	if (to != NP_AREA_ALL && of != NP_AREA_ALL && to != of)
	{
		l->xref_to = to;
		l->xref_of = of;
	}
}

static NpStatus
split_lines(Parser *P)
{
	int			n = 1;
	int			block = 0;

	for (size_t i = 0; i < P->len; i++)
		n += (P->norm[i] == '\n');
	P->lines = np_alloc(P, sizeof(Line) * (size_t) n);
	if (P->lines == NULL)
		return NP_NO_MEMORY;
	P->n_lines = n;
	P->first_block_end = n;

	init_words();
	for (int li = 0, i = 0; li < n; li++)
	{
		Line	   *l = &P->lines[li];
		size_t		e = (size_t) i;
		WordSet		set;

		while (e < P->len && P->norm[e] != '\n')
			e++;
		memset(l, 0, sizeof(*l));
		l->start = (size_t) i;
		l->end = e;
		l->blank = true;
		for (size_t p = l->start; p < l->end; p++)
			if (!is_space(P->norm[p]))
			{
				l->blank = false;
				break;
			}
		set = words_in(P, l->start, l->end);
		l->flags = flags_of(&set);
		l->kind = kind_of(&set, &l->kind_from);
		l->has_area = area_in(P, l->start, l->end, &l->area, &l->area_start,
							  &l->area_end);

		/*
		 * A heading that says nothing of what stops (【日時】, 【別添資料】) is
		 * part of the block it sits in.
		 */
		if (!l->blank && (l->flags || l->kind || l->has_area) && is_heading(P, l))
		{
			if (P->first_block_end == n)
				P->first_block_end = li;
			block++;
		}
		l->block = block;
		find_cross_reference(P, l);
		if (P->opt->each_line)
			P->opt->each_line(P->opt->ctx);
		i = (int) e + 1;
	}

	P->n_blocks = block + 1;
	P->block_flags = np_alloc(P, sizeof(unsigned) * (size_t) P->n_blocks);
	if (P->block_flags == NULL)
		return NP_NO_MEMORY;
	memset(P->block_flags, 0, sizeof(unsigned) * (size_t) P->n_blocks);
	for (int li = 0; li < n; li++)
		P->block_flags[P->lines[li].block] |= P->lines[li].flags;
	return NP_OK;
}

/* ------------------------------------------------------------------------
 * Pass 3: dates, times and windows
 * ------------------------------------------------------------------------
 */

static void
skip_spaces(WkCursor *c)
{
	while (c->p < c->len && is_space(c->s[c->p]))
		c->p++;
}

/* Blanks and line breaks: a window broken after its dash goes on below. */
static void
skip_spaces_and_breaks(WkCursor *c)
{
	while (c->p < c->len && (is_space(c->s[c->p]) || c->s[c->p] == '\n'))
		c->p++;
}

/* 頃, ごろ, 予定, 見込み, bare or in parentheses, after a time. */
static unsigned
eat_approx(WkCursor *c)
{
	unsigned	bits = 0;

	for (;;)
	{
		size_t		p = c->p;
		unsigned	found = 0;

		skip_spaces(c);
		if (c->p < c->len && c->s[c->p] == '(')
		{
			/* (予定), (終了予定), (復旧見込み): short, on the line */
			size_t		q = c->p + 1;

			while (q < c->len && q - c->p <= 30 && c->s[q] != ')' && c->s[q] != '\n')
				q++;
			if (q < c->len && c->s[q] == ')')
			{
				for (int i = 0; i < NP_APPROX_COUNT - 1; i++)
				{
					size_t		n = strlen(approx_words[i]);

					if (q - c->p > n && find(c->s + c->p, q - c->p, approx_words[i], n))
						found |= 1u << i;
				}
				if (found)
					c->p = q + 1;
			}
		}
		else
		{
			(void) (wk_eat(c, "の") || wk_eat(c, "終了") || wk_eat(c, "復旧"));
			for (int i = 0; i < NP_APPROX_COUNT - 1 && !found; i++)
				if (wk_eat(c, approx_words[i]))
					found = 1u << i;
		}
		if (!found)
		{
			c->p = p;
			return bits;
		}
		bits |= found;
	}
}

/* The date part of a point: 令和7年2月1日, 2025/2/1, 2月1日, 2/1, 1日. */
static DateForm
read_point_date(Parser *P, WkCursor *c, Point *pt)
{
	size_t		p = c->p;
	int			m;
	int			d;
	WkStatus	st;

	pt->date_status = WK_OK;
	st = wk_read_date(c, &P->wk, &pt->date);
	if (st == WK_OK || st == WK_BAD_DATE || st == WK_BEFORE_ERA || st == WK_AFTER_ERA)
	{
		if (c->p > p)
		{
			pt->date_status = st;
			return D_FULL;
		}
		c->p = p;
	}
	if (wk_read_number(c, 2, &m) == 0)
		return D_NONE;
	skip_spaces(c);
	if (wk_eat(c, "月"))
	{
		skip_spaces(c);
		if (wk_read_number(c, 2, &d) > 0 && (skip_spaces(c), wk_eat(c, "日")))
		{
			pt->date.year = 0;
			pt->date.month = m;
			pt->date.day = d;
			return D_MD;
		}
	}
	else if (wk_eat(c, "/"))
	{
		if (wk_read_number(c, 2, &d) > 0 &&
			!(c->p < c->len && (is_digit(c->s[c->p]) || c->s[c->p] == '/')))
		{
			pt->date.year = 0;
			pt->date.month = m;
			pt->date.day = d;
			return D_MD;
		}
	}
	else if (wk_eat(c, "日"))
	{
		static const char *const not_a_day[] = {
			"間", "以", "程", "前", "後", "分", "目", "付", "締", NULL
		};
		bool		day = true;

		for (int i = 0; not_a_day[i] != NULL; i++)
			if (c->len - c->p >= 3 && memcmp(c->s + c->p, not_a_day[i], 3) == 0)
				day = false;
		if (day)
		{
			pt->date.year = 0;
			pt->date.month = 0;
			pt->date.day = m;
			return D_DAY;
		}
	}
	c->p = p;
	return D_NONE;
}

/*
 * A point in time at the cursor: [約] [翌] [date [weekday]] [の] [午前|午後]
 * [time] [頃|予定…].  False if neither a date nor a time is there.
 */
static bool
read_point(Parser *P, size_t at, bool is_end, Point *pt)
{
	WkCursor	c = {P->norm, P->len, at};
	bool		pm = false;
	bool		am = false;
	bool		is_24 = false;

	memset(pt, 0, sizeof(*pt));
	pt->begin = at;
	pt->weekday = -1;
	if (wk_eat(&c, "約"))
	{
		pt->approx |= NP_APPROX_YAKU;
		skip_spaces(&c);
	}
	if (wk_eat(&c, "翌日") || wk_eat(&c, "翌朝") || wk_eat(&c, "翌"))
	{
		pt->next_day = true;
		skip_spaces(&c);
	}
	pt->form = read_point_date(P, &c, pt);
	if (pt->form != D_NONE)
	{
		size_t		p = c.p;

		pt->weekday = wk_read_weekday(&c);
		if (pt->weekday < 0)
			c.p = p;
		skip_spaces(&c);
		(void) wk_eat(&c, "の");
		skip_spaces(&c);
	}
	if (wk_eat(&c, "午前"))
		am = true;
	else if (wk_eat(&c, "午後"))
		pm = true;
	if (am || pm)
		skip_spaces(&c);
	if (wk_eat(&c, "正午"))
	{
		pt->has_time = true;
		pt->t.hour = 12;
	}
	else if (c.p < c.len && is_digit(c.s[c.p]))
	{
		size_t		p = c.p;

		if (wk_read_time(&c, &P->wk, is_end || pm, &pt->t, &is_24) == WK_OK &&
			!(c.len - c.p >= 3 && memcmp(c.s + c.p, "間", 3) == 0))
		{
			pt->has_time = true;
			if (is_24)
				pt->t.hour = 24;
			if ((am || pm) && pt->t.hour > 12)
				pt->has_time = false;
			else if (pm && pt->t.hour < 12)
				pt->t.hour += 12;
			else if (pm && pt->t.hour == 12)
				pt->t.hour = is_end ? 24 : -1;
			if (pt->t.hour < 0 || (pt->t.hour == 24 && (!is_end || pt->t.minute || pt->t.second)))
				pt->has_time = false;
			pt->is_24 = pt->has_time && pt->t.hour == 24;
			if (pt->is_24)
				pt->t.hour = 0;
		}
		if (!pt->has_time)
			c.p = p;
	}
	if (pt->has_time)
		pt->approx |= eat_approx(&c);
	else if (pt->form == D_NONE)
		return false;
	pt->end = c.p;
	return true;
}

/* The separator between start and end; *dash when it may end a line. */
static bool
read_separator(WkCursor *c, bool *dash)
{
	skip_spaces(c);
	*dash = true;
	if (wk_eat(c, "~") || wk_eat(c, "-") || wk_eat(c, "ー"))
		return true;
	*dash = false;
	return wk_eat(c, "から") || wk_eat(c, "より");
}

/* What may follow an end: まで, にかけて, the approximation words. */
static unsigned
eat_trailer(WkCursor *c)
{
	unsigned	bits = eat_approx(c);

	for (int i = 0; i < 3; i++)
	{
		size_t		p = c->p;

		skip_spaces(c);
		if (wk_eat(c, "まで") || wk_eat(c, "にかけて"))
			bits |= eat_approx(c);
		else
		{
			c->p = p;
			break;
		}
	}
	return bits;
}

static void
add_days(WkDate *d, int n)
{
	wk_civil_from_days(wk_days_from_civil(d->year, d->month, d->day) + n,
					   &d->year, &d->month, &d->day);
}

static int
days_of(const WkDate *d)
{
	return wk_days_from_civil(d->year, d->month, d->day);
}

static long long
seconds_of(const WkDateTime *t)
{
	return (long long) days_of(&t->date) * 86400 + t->hour * 3600 +
		t->minute * 60 + t->second;
}

/* The year that puts month/day nearest to ref (the later one on a tie). */
static bool
nearest_year(const WkDate *ref, int month, int day, WkDate *out)
{
	int			best = -1;
	int			rd = days_of(ref);

	for (int y = ref->year + 1; y >= ref->year - 1; y--)
	{
		int			dist;

		if (!wk_valid_date(y, month, day))
			continue;
		dist = wk_days_from_civil(y, month, day) - rd;
		if (dist < 0)
			dist = -dist;
		if (best < 0 || dist < best)
		{
			best = dist;
			out->year = y;
			out->month = month;
			out->day = day;
		}
	}
	return best >= 0;
}

/* Record a window's error; it is raised only if the window is kept. */
static void
raw_error(Raw *r, NpStatus st, size_t pos, const WkDate *d, int wd)
{
	if (r->err != NP_OK)
		return;
	r->err = st;
	r->err_pos = pos;
	if (d)
		r->err_date = *d;
	r->err_wd = wd;
}

/*
 * A start's date: as written, with its year from the publication date or
 * the last written year when it has none, or the date just mentioned when
 * only a time is written.
 */
static bool
resolve_start(Parser *P, const Point *s, const DateCtx *ctx, Raw *r)
{
	WkDate		d = s->date;

	r->w.year_inferred = false;
	switch (s->form)
	{
		case D_FULL:
			if (s->date_status != WK_OK)
			{
				raw_error(r, NP_BAD_DATE, s->begin, &s->date, -1);
				return true;
			}
			break;
		case D_MD:
			if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > 31)
			{
				raw_error(r, NP_BAD_DATE, s->begin, &d, -1);
				return true;
			}
			r->w.year_inferred = true;
			if (P->opt->has_published)
			{
				if (!nearest_year(&P->opt->published, d.month, d.day, &d))
					raw_error(r, NP_BAD_DATE, s->begin, &s->date, -1);
			}
			else if (P->ref.valid)
			{
				if (!nearest_year(&P->ref.d, d.month, d.day, &d))
					raw_error(r, NP_BAD_DATE, s->begin, &s->date, -1);
			}
			else
				raw_error(r, NP_NO_YEAR, s->begin, &d, -1);
			break;
		case D_DAY:
			if (!ctx->valid || d.day < 1 || d.day > 31)
				return false;
			d.year = ctx->d.year;
			d.month = ctx->d.month;
			if (d.day < ctx->d.day && ++d.month > 12)
			{
				d.month = 1;
				d.year++;
			}
			r->w.year_inferred = ctx->year_inferred;
			if (!ctx->year_known)
				raw_error(r, NP_NO_YEAR, s->begin, &d, -1);
			else if (!wk_valid_date(d.year, d.month, d.day))
				raw_error(r, NP_BAD_DATE, s->begin, &d, -1);
			break;
		case D_NONE:
			if (!ctx->valid)
				return false;
			d = ctx->d;
			r->w.year_inferred = ctx->year_inferred;
			if (!ctx->year_known)
				raw_error(r, NP_NO_YEAR, s->begin, &d, -1);
			break;
	}
	if (r->err == NP_OK && s->form == D_NONE && s->next_day)
		add_days(&d, 1);
	if (r->err == NP_OK && s->weekday >= 0 &&
		s->weekday != wk_weekday(d.year, d.month, d.day))
		raw_error(r, NP_WEEKDAY_MISMATCH, s->begin, &d, s->weekday);
	r->w.start.date = d;
	r->w.start.hour = s->t.hour;
	r->w.start.minute = s->t.minute;
	r->w.start.second = s->t.second;
	return true;
}

/* An end's date, from the start's: 翌, 2月2日, 2/2, 2日, or none. */
static void
resolve_end(const Point *e, const WkDateTime *start, WkDateTime *out, Raw *r)
{
	WkDate		d = start->date;

	switch (e->form)
	{
		case D_FULL:
			if (e->date_status != WK_OK)
			{
				raw_error(r, NP_BAD_DATE, e->begin, &e->date, -1);
				return;
			}
			d = e->date;
			break;
		case D_MD:
			d.month = e->date.month;
			d.day = e->date.day;
			/* a window that runs into January */
			if (start->date.month == 12 && d.month == 1)
				d.year++;
			break;
		case D_DAY:
			d.day = e->date.day;
			if (d.day < start->date.day && ++d.month > 12)
			{
				d.month = 1;
				d.year++;
			}
			break;
		case D_NONE:
			break;
	}
	if (!wk_valid_date(d.year, d.month, d.day))
	{
		raw_error(r, NP_BAD_DATE, e->begin, &d, -1);
		return;
	}
	if (e->form == D_NONE && e->next_day)
		add_days(&d, 1);
	if (e->weekday >= 0 && e->weekday != wk_weekday(d.year, d.month, d.day))
		raw_error(r, NP_WEEKDAY_MISMATCH, e->begin, &d, e->weekday);
	out->date = d;
	out->hour = e->t.hour;
	out->minute = e->t.minute;
	out->second = e->t.second;
	if (e->is_24)
		add_days(&out->date, 1);
	/* a bare end time not after the start is on the next day: 22:00~6:00 */
	else if (e->form == D_NONE && !e->next_day && seconds_of(out) <= seconds_of(start))
		add_days(&out->date, 1);
	if (r->err == NP_OK && seconds_of(out) <= seconds_of(start))
		raw_error(r, NP_END_NOT_AFTER_START, e->begin, &d, -1);
}

/* The date a point names, as a context for times that follow it. */
static void
set_context(Parser *P, const Point *pt, DateCtx *ctx)
{
	DateCtx		n = {0};

	switch (pt->form)
	{
		case D_FULL:
			if (pt->date_status != WK_OK)
				break;
			n.valid = n.year_known = true;
			n.d = pt->date;
			P->ref = n;
			break;
		case D_MD:
			n.d = pt->date;
			n.year_inferred = true;
			if (P->opt->has_published)
				n.year_known = nearest_year(&P->opt->published, pt->date.month,
											pt->date.day, &n.d);
			else if (P->ref.valid)
				n.year_known = nearest_year(&P->ref.d, pt->date.month,
											pt->date.day, &n.d);
			else if (pt->date.month >= 1 && pt->date.month <= 12 &&
					 pt->date.day >= 1 && pt->date.day <= 31)
				n.d.year = 2000;	/* year unknown; a leap year has every day */
			n.valid = wk_valid_date(n.d.year, n.d.month, n.d.day);
			break;
		case D_DAY:
			if (!ctx->valid)
				break;
			n = *ctx;
			n.d.day = pt->date.day;
			if (pt->date.day < ctx->d.day && ++n.d.month > 12)
			{
				n.d.month = 1;
				n.d.year++;
			}
			n.valid = wk_valid_date(n.d.year, n.d.month, n.d.day);
			break;
		case D_NONE:
			return;
	}
	*ctx = n;
}

/* First characters (three UTF-8 bytes each) a point may begin with. */
static uint32_t point_starts[8 + WK_MAX_ERAS];
static int	n_point_starts = 0;

static uint32_t
key3(const char *s)
{
	return ((uint32_t) (unsigned char) s[0] << 16) |
		((uint32_t) (unsigned char) s[1] << 8) | (unsigned char) s[2];
}

static void
init_point_starts(void)
{
	static const char *const starts[] = {"約", "翌", "午", "正午", NULL};

	if (n_point_starts > 0)
		return;
	for (int k = 0; starts[k] != NULL; k++)
		point_starts[n_point_starts++] = key3(starts[k]);
	for (int k = 0; k < wk_era_count(); k++)
		if (strlen(wk_era(k)->name) >= 3)
			point_starts[n_point_starts++] = key3(wk_era(k)->name);
}

/* Where a point may begin: a digit, an era, 約, 翌, 午前/午後, 正午, R7.2.1. */
static bool
may_begin_point(const Parser *P, size_t i)
{
	const char *s = P->norm;
	unsigned char b = (unsigned char) s[i];
	char		prev = i > 0 ? s[i - 1] : ' ';
	uint32_t	k;

	/* not inside 2025/02/01, 22:00 or KB0011769 */
	if (is_digit((char) b))
		return !is_digit(prev) &&
			!((prev == '.' || prev == ':' || prev == '/') && i > 1 && is_digit(s[i - 2])) &&
			!((prev | 0x20) >= 'a' && (prev | 0x20) <= 'z');
	if ((b | 0x20) >= 'a' && (b | 0x20) <= 'z')
		return !((prev | 0x20) >= 'a' && (prev | 0x20) <= 'z') &&
			i + 1 < P->len && is_digit(s[i + 1]);
	if (b < 0xC0 || i + 3 > P->len)
		return false;
	k = key3(s + i);
	for (int j = 0; j < n_point_starts; j++)
		if (point_starts[j] == k)
			return true;
	return false;
}

static int
line_of(const Parser *P, size_t pos, int from)
{
	while (from + 1 < P->n_lines && P->lines[from].end < pos)
		from++;
	return from;
}

static Raw *
new_raw(Parser *P)
{
	if (P->n_raws == P->cap_raws)
		return NULL;
	memset(&P->raws[P->n_raws], 0, sizeof(Raw));
	return &P->raws[P->n_raws++];
}

/* "…まで延長": a stated possible extension of the window just read. */
static void
read_extension(Parser *P, const Point *pt, int li, const DateCtx *ctx)
{
	WkCursor	c = {P->norm, P->len, pt->end};
	Raw		   *last = P->n_raws > 0 ? &P->raws[P->n_raws - 1] : NULL;
	const Line *l = &P->lines[li];
	WkDateTime	to;
	Raw			scratch;

	skip_spaces(&c);
	if (last == NULL || !pt->has_time || !wk_eat(&c, "まで") ||
		!has(P, c.p, c.p + 30 < l->end ? c.p + 30 : l->end, "延長") ||
		P->lines[last->li].block != l->block)
		return;
	memset(&scratch, 0, sizeof(scratch));
	if (pt->form == D_NONE)
	{
		/* a bare time: on the window's last day, or the next */
		Point		e = *pt;

		resolve_end(&e, &last->w.end, &to, &scratch);
	}
	else
	{
		DateCtx		c2 = *ctx;

		if (!resolve_start(P, pt, &c2, &scratch))
			return;
		to = scratch.w.start;
	}
	if (scratch.err == NP_OK && seconds_of(&to) > seconds_of(&last->w.end))
	{
		last->w.extends = true;
		last->w.extend_to = to;
	}
}

static NpStatus
find_windows(Parser *P)
{
	DateCtx		ctx = {0};
	int			li = 0;
	int			ctx_line = -1;

	init_point_starts();
	P->cap_raws = P->len / 8 + 2;
	P->raws = np_alloc(P, sizeof(Raw) * P->cap_raws * 3);
	if (P->raws == NULL)
		return NP_NO_MEMORY;
	for (size_t i = 0; i < P->len;)
	{
		Point		s;
		Point		e;
		WkCursor	c;
		bool		dash;
		Raw		   *r;
		int			nli = line_of(P, i, li);

		/* a line of prose ends what a date said to the lines below it */
		for (; li < nli; li++)
		{
			if (P->opt->each_line)
				P->opt->each_line(P->opt->ctx);
			if (!P->lines[li].blank && !P->lines[li].mention && li != ctx_line)
				ctx.valid = false;
		}
		if (!may_begin_point(P, i) || !read_point(P, i, false, &s))
		{
			i++;
			while (i < P->len && ((unsigned char) P->norm[i] & 0xC0) == 0x80)
				i++;
			continue;
		}
		P->lines[li].mention = true;
		c.s = P->norm;
		c.len = P->len;
		c.p = s.end;
		if (!s.has_time || !read_separator(&c, &dash))
		{
			if (s.has_time)
				read_extension(P, &s, li, &ctx);
			set_context(P, &s, &ctx);
			i = s.end > i ? s.end : i + 1;
			continue;
		}
		if (dash)
			skip_spaces_and_breaks(&c);
		else
			skip_spaces(&c);
		if (!read_point(P, c.p, true, &e) || !e.has_time)
		{
			set_context(P, &s, &ctx);
			i = s.end;
			continue;
		}

		/* a complete window */
		if ((r = new_raw(P)) == NULL)
			return NP_NO_MEMORY;
		if (!resolve_start(P, &s, &ctx, r))
		{
			P->n_raws--;
			i = s.end;
			continue;
		}
		c.p = e.end;
		r->w.approx = s.approx | e.approx | eat_trailer(&c);
		r->begin = s.begin;
		r->end = c.p;
		r->li = li;
		r->w.line = li + 1;
		if (r->err == NP_OK)
			resolve_end(&e, &r->w.start, &r->w.end, r);
		if (r->err == NP_OK)
		{
			ctx.valid = true;
			ctx.year_known = true;
			ctx.year_inferred = r->w.year_inferred;
			ctx.d = r->w.end.date;
			if (e.is_24)
				ctx.d = r->w.start.date;
			ctx_line = line_of(P, c.p, li);
		}
		i = c.p;
	}
	for (; li < P->n_lines; li++)
		if (P->opt->each_line)
			P->opt->each_line(P->opt->ctx);
	return NP_OK;
}

/* ------------------------------------------------------------------------
 * Pass 4: what each window is
 * ------------------------------------------------------------------------
 */

/* The kind: the window's own words, then its block's, then the opening's. */
static int
window_kind(const Parser *P, const Raw *r, size_t lead, size_t trail,
			const char **from)
{
	const Line *l = &P->lines[r->li];
	int			k;
	int			j;

	if ((k = kind_in(P, r->end, trail, from)) != NP_KIND_NONE ||
		(k = kind_in(P, lead, r->begin, from)) != NP_KIND_NONE)
		return k;
	/* (いずれも長時間の通信断) after a list of windows */
	if (l->kind != NP_KIND_NONE)
	{
		*from = l->kind_from;
		return l->kind;
	}
	j = r->li > 0 && P->lines[r->li - 1].block == l->block ? P->lines[r->li - 1].prev_kind : -1;
	if (j < 0)
		j = l->next_kind;
	if (j < 0 && l->block > 0 && P->first_block_end > 0)
		j = P->lines[P->first_block_end - 1].prev_kind;
	if (j >= 0)
	{
		*from = P->lines[j].kind_from;
		return P->lines[j].kind;
	}
	*from = NULL;
	return NP_KIND_OUTAGE;
}

/* The area: named before the window on its line, after it, or above it. */
static NpArea
window_area(const Parser *P, const Raw *r, size_t lead, size_t trail,
			bool last_on_line, size_t *from, size_t *to)
{
	const Line *l = &P->lines[r->li];
	NpArea		a;
	int			j;

	if (area_in(P, lead, r->begin, &a, from, to) ||
		(last_on_line && area_in(P, r->end, trail, &a, from, to)))
		return a;
	/* 西日本エリア：3/6(土)…、3/13(土)…: a label before a list */
	if (l->has_area && l->area_start < r->begin)
	{
		*from = l->area_start;
		*to = l->area_end;
		return l->area;
	}
	j = r->li > 0 && P->lines[r->li - 1].block == l->block ? P->lines[r->li - 1].prev_area : -1;
	if (j < 0 && l->block > 0 && P->first_block_end > 0)
		j = P->lines[P->first_block_end - 1].prev_area;
	if (j >= 0)
	{
		*from = P->lines[j].area_start;
		*to = P->lines[j].area_end;
		return P->lines[j].area;
	}
	*from = *to = 0;
	return NP_AREA_ALL;
}

static bool
same_window(const NpWindow *a, const NpWindow *b)
{
	return a->area == b->area && a->kind == b->kind &&
		seconds_of(&a->start) == seconds_of(&b->start) &&
		seconds_of(&a->end) == seconds_of(&b->end);
}

static uint32_t
window_hash(const NpWindow *w)
{
	uint64_t	h = (uint64_t) seconds_of(&w->start) * 1000003u ^
		(uint64_t) seconds_of(&w->end) * 7919u ^ (uint64_t) (w->area * 31 + w->kind);

	return (uint32_t) (h ^ (h >> 29)) * 2654435761u;
}

/*
 * The nearest lines, within a block, whose words can say what a window
 * below or above them is: headings and prose, not the lines of other
 * windows (whose words are about those windows).
 */
static void
link_lines(Parser *P)
{
	int			n = P->n_lines;

	for (size_t k = 0; k < P->n_raws; k++)
		P->lines[P->raws[k].li].has_window = true;
	for (int li = 0; li < n; li++)
	{
		Line	   *l = &P->lines[li];
		const Line *prev = li > 0 && P->lines[li - 1].block == l->block ? &P->lines[li - 1] : NULL;

		l->prev_kind = l->kind && !l->has_window ? li : prev ? prev->prev_kind : -1;
		l->prev_area = l->has_area && !l->has_window ? li : prev ? prev->prev_area : -1;
	}
	for (int li = n - 1; li >= 0; li--)
	{
		Line	   *l = &P->lines[li];
		const Line *next = li + 1 < n && P->lines[li + 1].block == l->block ? &P->lines[li + 1] : NULL;

		l->next_kind = next == NULL ? -1 :
			next->kind && !next->has_window ? li + 1 : next->next_kind;
	}
}

static NpStatus
assign(Parser *P)
{
	unsigned	opening = 0;
	NpWindow   *out;
	size_t		n_out = 0;
	size_t		n_kept;
	uint32_t   *table;
	size_t		tsize = 16;

	link_lines(P);
	for (int li = 0; li < P->first_block_end; li++)
		opening |= P->lines[li].flags;

	for (size_t k = 0; k < P->n_raws; k++)
	{
		Raw		   *r = &P->raws[k];
		const Line *l = &P->lines[r->li];
		bool		first_on_line = k == 0 || P->raws[k - 1].li != r->li;
		bool		last_on_line = k + 1 == P->n_raws || P->raws[k + 1].li != r->li;
		size_t		lead = first_on_line ? l->start : P->raws[k - 1].end;
		size_t		trail = last_on_line ? P->lines[line_of(P, r->end, r->li)].end : P->raws[k + 1].begin;
		unsigned	scope = l->flags | P->block_flags[l->block] |
			(l->block > 0 ? opening : 0);
		unsigned	near = l->flags | P->block_flags[l->block];
		size_t		af;
		size_t		at;

		if (trail < r->end)
			trail = r->end;
		r->keep = false;
		if ((scope & F_NOSTOP) && !(scope & F_REG))
			continue;
		if (P->opt->kind == NP_KIND_NONE &&
			!((scope & F_STRONG) ||
			  ((scope & F_SUBJECT) && (scope & F_IMPACT) && !(near & F_OFFTOPIC))))
			continue;
		r->keep = true;
		if (P->opt->kind != NP_KIND_NONE)
		{
			r->w.kind = P->opt->kind;
			r->w.kind_from = NULL;
		}
		else if (scope & F_NOSTOP)
		{
			/* eligibility goes on; only registration stops */
			r->w.kind = NP_KIND_REGISTRATION_DELAY;
			r->w.kind_from = "利用登録";
		}
		else
			r->w.kind = window_kind(P, r, lead, trail, &r->w.kind_from);
		r->w.area = window_area(P, r, lead, trail, last_on_line, &af, &at);
		r->w.area_from_start = P->map[af];
		r->w.area_from_end = at > af ? P->map[at - 1] + 1 : P->map[af];
		/* the input's bytes: the whole of the last character */
		while (at > af && r->w.area_from_end < P->orig_len &&
			   ((unsigned char) P->orig[r->w.area_from_end] & 0xC0) == 0x80)
			r->w.area_from_end++;
		r->w.note_start = P->map[r->begin];
		r->w.note_end = P->map[r->end - 1] + 1;
		while (r->w.note_end < P->orig_len &&
			   ((unsigned char) P->orig[r->w.note_end] & 0xC0) == 0x80)
			r->w.note_end++;
		if (r->err != NP_OK)
		{
			NpResult   *res = P->res;

			res->status = r->err;
			res->line = line_of(P, r->err_pos, r->li) + 1;
			res->pos = P->map[r->err_pos];
			res->date = r->err_date;
			res->weekday_written = r->err_wd;
			res->year_inferred = r->w.year_inferred;
			return r->err;
		}
	}

	/* the registration delay of an area during another's windows */
	n_kept = P->n_raws;
	if (P->opt->kind == NP_KIND_NONE)
		for (int li = 0; li < P->n_lines; li++)
		{
			const Line *l = &P->lines[li];
			bool		seen[3][3] = {{false}};

			if (l->xref_to == NP_AREA_ALL || seen[l->xref_to][l->xref_of])
				continue;
			seen[l->xref_to][l->xref_of] = true;
			for (size_t k = 0; k < n_kept; k++)
			{
				Raw		   *src = &P->raws[k];
				Raw		   *r;

				if (!src->keep || src->w.area != l->xref_of ||
					src->w.kind == NP_KIND_REGISTRATION_DELAY)
					continue;
				if ((r = &P->raws[P->n_raws]) >= P->raws + P->cap_raws * 3)
					return NP_NO_MEMORY;
				P->n_raws++;
				*r = *src;
				r->w.area = l->xref_to;
				r->w.kind = NP_KIND_REGISTRATION_DELAY;
				r->w.kind_from = "利用登録";
				r->w.line = li + 1;
				r->w.area_from_start = P->map[l->xref_start];
				r->w.area_from_end = P->map[l->xref_end - 1] + 1;
				while (r->w.area_from_end < P->orig_len &&
					   ((unsigned char) P->orig[r->w.area_from_end] & 0xC0) == 0x80)
					r->w.area_from_end++;
			}
		}

	/* each window once: a notice repeats itself (a letter and its 事務連絡) */
	while (tsize < P->n_raws * 2)
		tsize *= 2;
	table = np_alloc(P, sizeof(uint32_t) * tsize);
	out = np_alloc(P, sizeof(NpWindow) * (P->n_raws + 1));
	if (table == NULL || out == NULL)
		return NP_NO_MEMORY;
	memset(table, 0, sizeof(uint32_t) * tsize);
	for (size_t k = 0; k < P->n_raws; k++)
	{
		const NpWindow *w = &P->raws[k].w;
		uint32_t	h;
		bool		dup = false;

		if (!P->raws[k].keep)
			continue;
		for (h = window_hash(w) & (tsize - 1); table[h] != 0; h = (h + 1) & (tsize - 1))
			if (same_window(&out[table[h] - 1], w))
			{
				dup = true;
				/* a stated extension anywhere counts */
				if (w->extends && !out[table[h] - 1].extends)
				{
					out[table[h] - 1].extends = true;
					out[table[h] - 1].extend_to = w->extend_to;
				}
				break;
			}
		if (dup)
			continue;
		out[n_out] = *w;
		table[h] = (uint32_t) ++n_out;
	}
	P->res->windows = out;
	P->res->n_windows = n_out;
	return NP_OK;
}

NpStatus
np_parse(const char *s, size_t len, const NpOptions *opt, NpResult *res)
{
	Parser	   *P;
	NpStatus	st;
	NpResult	blank = {0};

	*res = blank;
	res->weekday_written = -1;
	if (len > NP_MAX_INPUT)
		return res->status = NP_TOO_LONG;
	if (wk_init() != WK_OK)
		return res->status = NP_ICU_ERROR;
	{
		Parser		tmp = {0};

		tmp.opt = opt;
		tmp.res = res;
		P = np_alloc(&tmp, sizeof(Parser));
		if (P == NULL)
			return res->status = NP_NO_MEMORY;
		memset(P, 0, sizeof(*P));
	}
	P->opt = opt;
	P->res = res;
	P->orig = s;
	P->orig_len = len;
	if ((st = normalize(P)) == NP_OK &&
		(st = split_lines(P)) == NP_OK &&
		(st = find_windows(P)) == NP_OK)
		st = assign(P);
	return res->status = st;
}
