/* json.c — the JSON writer of the storage module (json.h): SQLite 3.40's
 * json_object()/json_array() text, byte for byte, built in C from the
 * columns of any backend's rows.
 *
 * It includes sqlite3.h for one thing: a REAL is printed with SQLite's own
 * printf ("%!0.15g", json.c jsonAppendValue), whose '!' form (100.0,
 * 1.0e+300) C's printf has no flag for.  SQLite is linked whatever the
 * backend. */
#include "json.h"

#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "sql.h"

/* What each byte becomes inside a string: 0 verbatim, 'u' \u00XX, else the
 * letter after a backslash (jsonAppendString's aSpecial). */
static const char escape[256] = {
	['\b'] = 'b', ['\t'] = 't', ['\n'] = 'n', ['\f'] = 'f', ['\r'] = 'r',
	[0x00] = 'u', [0x01] = 'u', [0x02] = 'u', [0x03] = 'u', [0x04] = 'u', [0x05] = 'u',
	[0x06] = 'u', [0x07] = 'u', [0x0b] = 'u', [0x0e] = 'u', [0x0f] = 'u', [0x10] = 'u',
	[0x11] = 'u', [0x12] = 'u', [0x13] = 'u', [0x14] = 'u', [0x15] = 'u', [0x16] = 'u',
	[0x17] = 'u', [0x18] = 'u', [0x19] = 'u', [0x1a] = 'u', [0x1b] = 'u', [0x1c] = 'u',
	[0x1d] = 'u', [0x1e] = 'u', [0x1f] = 'u',
	['"'] = '"', ['\\'] = '\\',
};

void json_string(struct strbuf *b, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t run = 0;
	sb_putc(b, '"');
	for (size_t i = 0; i < n; i++) {
		char e = escape[p[i]];
		if (!e)
			continue;
		sb_add(b, s + run, i - run);
		run = i + 1;
		if (e == 'u') {
			char u[7] = {'\\', 'u', '0', '0', (char)('0' + (p[i] >> 4)),
				     "0123456789abcdef"[p[i] & 15], '\0'};
			sb_add(b, u, 6);
		} else {
			char esc[2] = {'\\', e};
			sb_add(b, esc, 2);
		}
	}
	sb_add(b, s + run, n - run);
	sb_putc(b, '"');
}

void json_text(struct strbuf *b, const char *s)
{
	if (s)
		json_string(b, s, strlen(s));
	else
		json_null(b);
}

void json_int(struct strbuf *b, long long v)
{
	char buf[24];
	int n = snprintf(buf, sizeof buf, "%lld", v);
	sb_add(b, buf, (size_t)n);
}

void json_real(struct strbuf *b, double v)
{
	char buf[100];
	sqlite3_snprintf((int)sizeof buf, buf, "%!0.15g", v);
	sb_puts(b, buf);
}

void json_null(struct strbuf *b)
{
	sb_add(b, "null", 4);
}

void json_next(struct strbuf *b)
{
	if (b->len && b->s[b->len - 1] != '{' && b->s[b->len - 1] != '[')
		sb_putc(b, ',');
}

void json_key(struct strbuf *b, const char *key)
{
	json_next(b);
	json_string(b, key, strlen(key));
	sb_putc(b, ':');
}

void json_column(struct strbuf *b, struct sql_stmt *st, int i)
{
	switch (sql_column_type(st, i)) {
	case SQL_NULL:
		json_null(b);
		break;
	case SQL_INTEGER:
		json_int(b, sql_column_int64(st, i));
		break;
	case SQL_FLOAT:
		json_real(b, sql_column_double(st, i));
		break;
	default:
		json_text(b, sql_column_text(st, i));
		break;
	}
}

void json_members(struct strbuf *b, struct sql_stmt *st, int first, const char *const *keys,
		  int n)
{
	for (int i = 0; i < n; i++) {
		json_key(b, keys[i]);
		json_column(b, st, first + i);
	}
}

void json_row(struct strbuf *b, struct sql_stmt *st, int first, const char *const *keys, int n)
{
	sb_putc(b, '{');
	json_members(b, st, first, keys, n);
	sb_putc(b, '}');
}
