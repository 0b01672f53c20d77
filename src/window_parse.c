/*-------------------------------------------------------------------------
 *
 * window_parse.c
 *	  Split an outage_window text literal into its parts, without a server.
 *
 * The literal is
 *
 *		blanks  ( '[' | '(' )  bound  ','  bound  ( ')' | ']' )  [ kind ]  blanks
 *
 * where a bound is either unquoted text (no unescaped ',', brackets or '"')
 * or a double-quoted string, and a backslash protects the next byte in
 * both, as in range literals; inside quotes a doubled '"' stands for one.
 * Quoting exists so that a bound written with a time zone name containing
 * a comma or bracket still reads; our own output never needs it.
 *
 * Everything here works on byte offsets into the caller's buffer: the
 * fuzz harness and the SQL layer both want to know *where* a literal went
 * wrong, and offsets are enough to build both the bound strings and the
 * error detail.
 *
 *-------------------------------------------------------------------------
 */
#include "window_parse.h"

static bool
wp_is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
		c == '\v' || c == '\f';
}

static size_t
wp_skip_blanks(const char *s, size_t len, size_t p)
{
	while (p < len && wp_is_blank(s[p]))
		p++;
	return p;
}

/*
 * Read one bound starting at *pp, stopping before the delimiter.  The
 * delimiter itself is checked by the caller, which knows which one it wants.
 */
static WpStatus
wp_read_bound(const char *s, size_t len, size_t *pp, WpBound *b)
{
	size_t		p = wp_skip_blanks(s, len, *pp);

	b->quoted = false;
	b->empty = false;

	if (p < len && s[p] == '"')
	{
		p++;
		b->quoted = true;
		b->start = p;
		for (;;)
		{
			if (p >= len)
			{
				*pp = p;
				return WP_UNTERMINATED_QUOTE;
			}
			if (s[p] == '\\')
			{
				if (p + 1 >= len)
				{
					*pp = p;
					return WP_DANGLING_ESCAPE;
				}
				p += 2;
			}
			else if (s[p] == '"')
			{
				/* a doubled quote is a literal quote, not the end */
				if (p + 1 < len && s[p + 1] == '"')
					p += 2;
				else
					break;
			}
			else
				p++;
		}
		b->len = p - b->start;
		p = wp_skip_blanks(s, len, p + 1);
		*pp = p;
		if (p < len && s[p] != ',' && s[p] != ')' && s[p] != ']')
			return WP_JUNK_AFTER_QUOTE;
		return WP_OK;
	}

	/* unquoted: up to the next unescaped delimiter */
	b->start = p;
	while (p < len && s[p] != ',' && s[p] != ')' && s[p] != ']' &&
		   s[p] != '"' && s[p] != '[' && s[p] != '(')
	{
		if (s[p] == '\\')
		{
			if (p + 1 >= len)
			{
				*pp = p;
				return WP_DANGLING_ESCAPE;
			}
			p++;
		}
		p++;
	}
	b->len = p - b->start;
	/* trailing blanks belong to the delimiter, not the bound */
	while (b->len > 0 && wp_is_blank(s[b->start + b->len - 1]) &&
		   !(b->len >= 2 && s[b->start + b->len - 2] == '\\'))
		b->len--;
	b->empty = (b->len == 0);
	*pp = p;
	return WP_OK;
}

void
wp_split(const char *s, size_t len, WpResult *res)
{
	size_t		p;
	WpStatus	st;

	res->status = WP_OK;
	res->error_pos = 0;
	res->lower_inc = true;
	res->upper_inc = false;
	res->lower.start = res->lower.len = 0;
	res->lower.quoted = res->lower.empty = false;
	res->upper = res->lower;
	res->kind_start = res->kind_len = 0;

	p = wp_skip_blanks(s, len, 0);
	if (p >= len || (s[p] != '[' && s[p] != '('))
	{
		res->status = WP_MISSING_LEFT_BRACKET;
		res->error_pos = p;
		return;
	}
	res->lower_inc = (s[p] == '[');
	p++;

	st = wp_read_bound(s, len, &p, &res->lower);
	if (st == WP_OK && (p >= len || s[p] != ','))
		st = WP_MISSING_COMMA;
	if (st != WP_OK)
	{
		res->status = st;
		res->error_pos = p;
		return;
	}
	p++;

	st = wp_read_bound(s, len, &p, &res->upper);
	if (st == WP_OK && p < len && s[p] == ',')
		st = WP_TOO_MANY_COMMAS;
	else if (st == WP_OK && (p >= len || (s[p] != ')' && s[p] != ']')))
		st = WP_MISSING_RIGHT_BRACKET;
	if (st != WP_OK)
	{
		res->status = st;
		res->error_pos = p;
		return;
	}
	res->upper_inc = (s[p] == ']');
	p++;

	/* the kind: one word, blanks around it allowed */
	p = wp_skip_blanks(s, len, p);
	res->kind_start = p;
	while (p < len && !wp_is_blank(s[p]))
		p++;
	res->kind_len = p - res->kind_start;
	p = wp_skip_blanks(s, len, p);
	if (p < len)
	{
		res->status = WP_JUNK_AFTER_KIND;
		res->error_pos = p;
	}
}

size_t
wp_bound_text(const char *s, const WpBound *b, char *dst)
{
	const char *p = s + b->start;
	const char *end = p + b->len;
	size_t		n = 0;

	while (p < end)
	{
		if (*p == '\\' && p + 1 < end)
			p++;
		else if (b->quoted && *p == '"' && p + 1 < end && p[1] == '"')
			p++;
		dst[n++] = *p++;
	}
	dst[n] = '\0';
	return n;
}

const char *
wp_status_detail(WpStatus status)
{
	switch (status)
	{
		case WP_OK:
			return "The literal is well formed.";
		case WP_MISSING_LEFT_BRACKET:
			return "Missing left bracket.";
		case WP_MISSING_COMMA:
			return "Missing comma after lower bound.";
		case WP_TOO_MANY_COMMAS:
			return "Too many commas.";
		case WP_MISSING_RIGHT_BRACKET:
			return "Missing right bracket after upper bound.";
		case WP_UNTERMINATED_QUOTE:
			return "Unterminated quoted bound.";
		case WP_JUNK_AFTER_QUOTE:
			return "Junk after closing quote of a bound.";
		case WP_DANGLING_ESCAPE:
			return "Unexpected end of input after backslash.";
		case WP_JUNK_AFTER_KIND:
			return "Junk after kind: only one word may follow the right bracket.";
	}
	return "Unrecognized syntax error.";
}
