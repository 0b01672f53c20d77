/*-------------------------------------------------------------------------
 *
 * input_quote.h
 *	  The part of a rejected input that an error message quotes.
 *
 * Error messages go to the client and to the server log.  A bad value can
 * be as long as a text value may be (a 100 MB field in a COPY), so every
 * message that quotes user input quotes at most a bounded prefix of it.
 *
 *-------------------------------------------------------------------------
 */
#ifndef OW_INPUT_QUOTE_H
#define OW_INPUT_QUOTE_H

/* Bytes of a rejected input a message quotes before "...". */
#define OW_QUOTE_MAX_BYTES 100

/*
 * A palloc'd copy of str[0..len) in the server encoding for a message: the
 * whole input if it fits in OW_QUOTE_MAX_BYTES, else its longest prefix
 * that does, cut on a character boundary, followed by "...".
 */
extern char *ow_quote_input(const char *str, int len);

/* The same for a NUL-terminated string, without measuring all of it. */
extern char *ow_quote_cstring(const char *str);

#endif							/* OW_INPUT_QUOTE_H */
