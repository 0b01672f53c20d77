/*-------------------------------------------------------------------------
 *
 * calendar_parse.c
 *	  Split the text form of an outage_calendar, in plain C.
 *
 * The scanner never allocates and never looks past len, whatever the input:
 * every loop advances over s[0..len) and every access is bounds-checked, so
 * the fuzzer in fuzz/ can feed it arbitrary bytes.  Window literals are
 * delimited the way their own parser (window_parse.c) reads them: quotes and
 * backslashes protect brackets, so a quoted bound may contain any character.
 *
 *-------------------------------------------------------------------------
 */
#include "calendar_parse.h"

static bool
is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static size_t
skip_blanks(const char *s, size_t len, size_t pos)
{
	while (pos < len && is_blank(s[pos]))
		pos++;
	return pos;
}

/*
 * A window literal starting at pos ('[' or '('), then its kind word and
 * perhaps its guidance, in double quotes or as '#' and the number of a text
 * quoted before: sets *literal_end (where the kind word ends), *guidance
 * and *guidance_len (0 and 0 if none), *guidance_ref (0 if none) and *end
 * (the separator after it all), or returns the problem.
 */
static CpStatus
window_end(const char *s, size_t len, size_t pos, size_t *literal_end,
		   size_t *guidance, size_t *guidance_len, uint32_t *guidance_ref,
		   size_t *end)
{
	bool		in_quote = false;

	*guidance = *guidance_len = 0;
	*guidance_ref = 0;
	for (pos++; pos < len; pos++)
	{
		char		c = s[pos];

		if (c == '\\')
			pos++;				/* the escaped byte, whatever it is */
		else if (c == '"')
			in_quote = !in_quote;
		else if (!in_quote && (c == ']' || c == ')'))
			break;
	}
	if (pos >= len)
	{
		*end = len;
		return CP_UNTERMINATED_WINDOW;
	}
	/* then the kind word, up to the next separator or a guidance */
	for (pos++; pos < len; pos++)
	{
		if (s[pos] == ',' || s[pos] == ';' || s[pos] == '}' || s[pos] == '"' ||
			s[pos] == '#')
			break;
	}
	*literal_end = pos;
	if (pos < len && s[pos] == '#')
	{
		uint32_t	ref = 0;
		int			digits = 0;

		for (pos++; pos < len && s[pos] >= '0' && s[pos] <= '9' &&
			 digits < CP_MAX_REF_DIGITS; pos++, digits++)
			ref = ref * 10 + (uint32_t) (s[pos] - '0');
		if (digits == 0 || ref == 0 ||
			(pos < len && s[pos] >= '0' && s[pos] <= '9'))
		{
			*end = pos;
			return CP_BAD_GUIDANCE_REF;
		}
		*guidance_ref = ref;
		pos = skip_blanks(s, len, pos);
		if (pos < len && s[pos] != ',' && s[pos] != ';' && s[pos] != '}')
		{
			*end = pos;
			return CP_JUNK_AFTER_GUIDANCE;
		}
	}
	else if (pos < len && s[pos] == '"')
	{
		size_t		start = ++pos;

		while (pos < len && s[pos] != '"')
			pos += (s[pos] == '\\') ? 2 : 1;
		if (pos >= len)
		{
			*end = len;			/* a final backslash escapes past the end */
			return CP_UNTERMINATED_GUIDANCE;
		}
		*guidance = start;
		*guidance_len = pos - start;
		pos = skip_blanks(s, len, pos + 1);
		if (pos < len && s[pos] != ',' && s[pos] != ';' && s[pos] != '}')
		{
			*end = pos;
			return CP_JUNK_AFTER_GUIDANCE;
		}
	}
	*end = pos;
	return CP_OK;
}

CpStatus
cp_split(const char *s, size_t len, const CpCallbacks *cb, size_t *error_pos)
{
	size_t		pos = skip_blanks(s, len, 0);

#define FAIL(status) do { *error_pos = pos; return (status); } while (0)

	if (pos >= len || s[pos] != '{')
		FAIL(CP_MISSING_LEFT_BRACE);
	pos = skip_blanks(s, len, pos + 1);
	if (pos < len && s[pos] == '}')
		goto closed;

	for (;;)
	{
		/* the area: '*' or a quoted name with its codes */
		pos = skip_blanks(s, len, pos);
		if (pos >= len)
			FAIL(CP_MISSING_RIGHT_BRACE);
		if (s[pos] == '*')
		{
			if (!cb->area(cb->arg, true, NULL, 0))
				FAIL(CP_STOPPED);
			pos++;
		}
		else if (s[pos] == '"')
		{
			size_t		start = ++pos;
			bool		facilities = false;

			while (pos < len && s[pos] != '"')
				pos += (s[pos] == '\\') ? 2 : 1;
			if (pos >= len)
			{
				pos = len;		/* a final backslash escapes past the end */
				FAIL(CP_UNTERMINATED_NAME);
			}
			if (!cb->area(cb->arg, false, s + start, pos - start))
				FAIL(CP_STOPPED);
			pos = skip_blanks(s, len, pos + 1);
			if (pos >= len || s[pos] != '(')
				FAIL(CP_EXPECTED_CODES);
			pos = skip_blanks(s, len, pos + 1);
			/* prefecture codes, then after ';' facility codes */
			while (pos < len && s[pos] != ')')
			{
				int64_t		code = 0;
				int			digits = 0;
				int			max_digits = facilities ? 10 : 3;

				if (!facilities && s[pos] == ';')
				{
					facilities = true;
					pos = skip_blanks(s, len, pos + 1);
					continue;
				}
				while (pos < len && s[pos] >= '0' && s[pos] <= '9' &&
					   digits <= max_digits)
				{
					code = code * 10 + (s[pos++] - '0');
					digits++;
				}
				if (facilities && digits != 10)
					FAIL(CP_BAD_FACILITY);
				if (!facilities && (digits == 0 || digits > 3))
					FAIL(CP_BAD_CODE);
				if (facilities ? !cb->facility(cb->arg, code) :
					!cb->code(cb->arg, (int) code))
					FAIL(CP_STOPPED);
				pos = skip_blanks(s, len, pos);
				if (pos < len && s[pos] == ',')
					pos = skip_blanks(s, len, pos + 1);
				else if (pos < len && s[pos] != ')' &&
						 (facilities || s[pos] != ';'))
					FAIL(facilities ? CP_BAD_FACILITY : CP_BAD_CODE);
			}
			if (pos >= len)
				FAIL(CP_UNTERMINATED_CODES);
			pos++;
		}
		else
			FAIL(CP_EXPECTED_AREA);

		pos = skip_blanks(s, len, pos);
		if (pos >= len || s[pos] != ':')
			FAIL(CP_EXPECTED_COLON);
		pos = skip_blanks(s, len, pos + 1);

		/* the entry's windows, if any */
		while (pos < len && s[pos] != ';' && s[pos] != '}')
		{
			size_t		literal_end;
			size_t		guidance;
			size_t		guidance_len;
			uint32_t	guidance_ref;
			size_t		end;
			size_t		trimmed;
			CpStatus	status;

			if (s[pos] != '[' && s[pos] != '(')
				FAIL(CP_EXPECTED_WINDOW);
			status = window_end(s, len, pos, &literal_end, &guidance,
								&guidance_len, &guidance_ref, &end);
			if (status != CP_OK)
			{
				/* an unclosed window is reported where it starts */
				if (status != CP_UNTERMINATED_WINDOW)
					pos = end;
				FAIL(status);
			}
			trimmed = literal_end;
			while (trimmed > pos && is_blank(s[trimmed - 1]))
				trimmed--;
			if (!cb->window(cb->arg, s + pos, trimmed - pos,
							guidance > 0 ? s + guidance : NULL, guidance_len,
							guidance_ref))
				FAIL(CP_STOPPED);
			pos = end;
			if (pos < len && s[pos] == ',')
				pos = skip_blanks(s, len, pos + 1);
		}
		if (pos >= len)
			FAIL(CP_MISSING_RIGHT_BRACE);
		if (s[pos] == '}')
			break;
		/* ';': another entry, or a trailing ';' before '}' */
		pos = skip_blanks(s, len, pos + 1);
		if (pos < len && s[pos] == '}')
			break;
	}

closed:
	pos = skip_blanks(s, len, pos + 1);
	if (pos < len)
		FAIL(CP_JUNK_AFTER_BRACE);
	*error_pos = pos;
	return CP_OK;
#undef FAIL
}

size_t
cp_unescape(const char *name, size_t len, char *dst)
{
	size_t		n = 0;

	for (size_t i = 0; i < len; i++)
	{
		if (name[i] == '\\' && i + 1 < len)
			i++;
		dst[n++] = name[i];
	}
	return n;
}

const char *
cp_status_detail(CpStatus status)
{
	switch (status)
	{
		case CP_OK:
			return "The calendar is well formed.";
		case CP_MISSING_LEFT_BRACE:
			return "A calendar starts with \"{\".";
		case CP_EXPECTED_AREA:
			return "An entry starts with a quoted area name or \"*\" for nationwide windows.";
		case CP_UNTERMINATED_NAME:
			return "An area name's closing quote is missing.";
		case CP_EXPECTED_CODES:
			return "An area name is followed by its prefectures' codes in parentheses.";
		case CP_BAD_CODE:
			return "Prefecture codes are numbers from 1 to 47 separated by commas.";
		case CP_UNTERMINATED_CODES:
			return "The list of prefecture codes is not closed with \")\".";
		case CP_EXPECTED_COLON:
			return "An area is followed by \":\" and its windows.";
		case CP_EXPECTED_WINDOW:
			return "A window starts with \"[\" or \"(\".";
		case CP_UNTERMINATED_WINDOW:
			return "A window's closing bracket is missing.";
		case CP_MISSING_RIGHT_BRACE:
			return "A calendar ends with \"}\".";
		case CP_JUNK_AFTER_BRACE:
			return "Nothing may follow the closing \"}\".";
		case CP_BAD_FACILITY:
			return "Facilities follow an area's prefecture codes after \";\": 10-digit medical institution codes separated by commas.";
		case CP_UNTERMINATED_GUIDANCE:
			return "A window's guidance text is not closed with a double quote.";
		case CP_JUNK_AFTER_GUIDANCE:
			return "A window's guidance text is followed by \",\", \";\" or \"}\".";
		case CP_BAD_GUIDANCE_REF:
			return "A window's \"#\" is followed by the number (from 1) of a guidance text quoted before it.";
		case CP_STOPPED:
			return "The calendar has an invalid part.";
	}
	return "The calendar is malformed.";
}
