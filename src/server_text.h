/*-------------------------------------------------------------------------
 *
 * server_text.h
 *	  Text between the server encoding and the UTF-8 of the plain-C parsers
 *	  and tables.
 *
 * The parsers (prefecture, medical institution codes, addresses) and their
 * name tables work in UTF-8 only; EUC_JP databases are common among
 * Japanese hospital systems, so text crosses the encoding here.
 *
 *-------------------------------------------------------------------------
 */
#ifndef OW_SERVER_TEXT_H
#define OW_SERVER_TEXT_H

/*
 * str[0..len) as UTF-8 (palloc'd, NUL-terminated, length in *utf8len), or
 * NULL if a character has no Unicode equivalent, such as a user-defined
 * character (gaiji) of an EUC_JP database.  Never raises for the data: a
 * caller that reads text answers "unreadable" for such a value.  In a
 * SQL_ASCII database the bytes are passed as they are.
 */
extern char *ow_server_to_utf8(const char *str, int len, int *utf8len);

/*
 * The same, but as much of it as converts: up to the first character that
 * has no Unicode equivalent.  For readers that look at a text's start only.
 */
extern char *ow_server_prefix_to_utf8(const char *str, int len, int *utf8len);

/* A palloc'd copy of a UTF-8 table string in the server encoding. */
extern char *ow_utf8_to_server(const char *utf8);

#endif							/* OW_SERVER_TEXT_H */
