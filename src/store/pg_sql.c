/* pg_sql.c — the pure half of the PostgreSQL driver (pg.h): the rewriter
 * from SQLite-style parameters to $N, the test of whether a statement only
 * reads (so a lost connection may send it again), the SQLSTATE → SQL_*
 * map and the password mask for messages.  No libpq here: the tests run
 * these without a server. */
#include "pg.h"

#include <stdlib.h>
#include <string.h>

#include "qingdan/msg.h"
#include "qingdan/util.h"
#include "sql.h"

/* SQLite's default SQLITE_MAX_VARIABLE_NUMBER; PostgreSQL takes 65535. */
enum { PG_MAX_PARAMS = 32766 };

static int ident_start(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
}

static int is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

static int ident_char(unsigned char c)
{
	return ident_start(c) || is_digit(c) || c == '$';
}

/* If p starts a string literal, quoted identifier, dollar quote or
 * comment, the end of it (or of the text, if it never closes); else NULL. */
static const char *skip_opaque(const char *sql, const char *p)
{
	unsigned char prev = p > sql ? (unsigned char)p[-1] : 0;
	if (*p == '\'') {
		/* E'…' takes backslash escapes (not when E ends a word: LIKE'…') */
		int esc = (prev == 'E' || prev == 'e') && !(p - 1 > sql && ident_char((unsigned char)p[-2]));
		for (p++; *p; p++) {
			if (esc && *p == '\\' && p[1])
				p++;
			else if (*p == '\'' && p[1] == '\'')
				p++;
			else if (*p == '\'')
				return p + 1;
		}
		return p;
	}
	if (*p == '"') {
		for (p++; *p; p++) {
			if (*p == '"' && p[1] == '"')
				p++;
			else if (*p == '"')
				return p + 1;
		}
		return p;
	}
	if (p[0] == '-' && p[1] == '-')
		return p + strcspn(p, "\n");
	if (p[0] == '/' && p[1] == '*') {   /* PostgreSQL's comments nest */
		int depth = 0;
		while (*p) {
			if (p[0] == '/' && p[1] == '*') {
				depth++;
				p += 2;
			} else if (p[0] == '*' && p[1] == '/') {
				p += 2;
				if (--depth == 0)
					return p;
			} else {
				p++;
			}
		}
		return p;
	}
	if (*p == '$' && !ident_char(prev)) {   /* $$…$$ or $tag$…$tag$ */
		const char *t = p + 1;
		if (ident_start((unsigned char)*t))
			while (ident_char((unsigned char)*t) && *t != '$')
				t++;
		if (*t != '$')
			return NULL;
		size_t taglen = (size_t)(t - p) + 1;
		for (const char *q = t + 1; (q = strchr(q, '$')); q++)
			if (strncmp(q, p, taglen) == 0)
				return q + taglen;
		return p + strlen(p);
	}
	return NULL;
}

static int word_is(const char *w, size_t n, const char *const *list)
{
	for (; *list; list++) {
		size_t k = strlen(*list);
		if (k != n)
			continue;
		size_t i = 0;
		while (i < n && (w[i] | 0x20) == (*list)[i])
			i++;
		if (i == n)
			return 1;
	}
	return 0;
}

int pg_sql_is_read(const char *sql)
{
	static const char *const first_ok[] = {"select", "with", "values", "table", "show", "begin", NULL};
	static const char *const writes[] = {
		"insert", "update", "delete", "merge", "truncate", "create", "drop", "alter", "grant",
		"revoke", "copy", "lock", "call", "do", "notify", "into", "nextval", "setval", "commit",
		NULL};
	int words = 0;
	for (const char *p = sql; *p;) {
		const char *e = skip_opaque(sql, p);
		if (e) {
			p = e;
			continue;
		}
		unsigned char prev = p > sql ? (unsigned char)p[-1] : 0;
		if (!ident_start((unsigned char)*p) || ident_char(prev) || prev == ':' || prev == '@') {
			p++;
			continue;
		}
		const char *w = p;
		while (ident_char((unsigned char)*p))
			p++;
		size_t n = (size_t)(p - w);
		if (words++ == 0 && !word_is(w, n, first_ok))
			return 0;
		if (word_is(w, n, writes))
			return 0;
	}
	return words > 0;
}

/* The number of the parameter named name[0..n), 0 if none yet. */
static int find_name(char **names, int count, const char *name, size_t n)
{
	for (int i = 0; i < count; i++)
		if (names[i] && strlen(names[i]) == n && memcmp(names[i], name, n) == 0)
			return i + 1;
	return 0;
}

int pg_sql_rewrite(const char *sql, struct pg_sql *out, struct strbuf *err)
{
	struct strbuf b = {0};
	char **names = NULL;
	int max = 0, cap = 0;
	memset(out, 0, sizeof *out);
	for (const char *p = sql; *p;) {
		const char *e = skip_opaque(sql, p);
		if (e) {
			sb_add(&b, p, (size_t)(e - p));
			p = e;
			continue;
		}
		unsigned char c = (unsigned char)*p, prev = p > sql ? (unsigned char)p[-1] : 0;
		const char *end = NULL;
		long n = 0;
		int named = 0;
		if (c == ':' && p[1] == ':') {   /* a cast */
			sb_add(&b, p, 2);
			p += 2;
			continue;
		}
		if (c == '?' || (c == '$' && is_digit((unsigned char)p[1]) && !ident_char(prev))) {
			end = p + 1;
			while (is_digit((unsigned char)*end) && n <= PG_MAX_PARAMS)
				n = n * 10 + (*end++ - '0');
			if (end == p + 1)
				n = max + 1;   /* a bare ? */
			else if (c == '?')
				named = 1;     /* SQLite names ?5 "?5" */
		} else if ((c == ':' || c == '@' || (c == '$' && !ident_char(prev))) &&
			   ident_start((unsigned char)p[1])) {
			end = p + 1;
			while (ident_char((unsigned char)*end) && *end != '$')
				end++;
			n = find_name(names, max, p, (size_t)(end - p));
			if (!n)
				n = max + 1;
			named = 1;
		}
		if (!end) {
			sb_putc(&b, (char)c);
			p++;
			continue;
		}
		if (n < 1 || n > PG_MAX_PARAMS || is_digit((unsigned char)*end)) {
			if (err) {
				const char *te = end;
				while (is_digit((unsigned char)*te))
					te++;
				char *tok = xstrndup(p, (size_t)(te - p));
				sb_printf(err, msg(M_PG_BAD_PARAM), tok);
				free(tok);
			}
			for (int i = 0; i < max; i++)
				free(names[i]);
			free(names);
			sb_free(&b);
			return -1;
		}
		if (n > max) {
			if (n > cap) {
				cap = (int)n > cap * 2 ? (int)n : cap * 2;
				names = xrealloc(names, (size_t)cap * sizeof *names);
			}
			for (int i = max; i < n; i++)
				names[i] = NULL;
			max = (int)n;
		}
		if (named && !names[n - 1])
			names[n - 1] = xstrndup(p, (size_t)(end - p));
		/* "a?" must not become the identifier a$1 */
		if (b.len && ident_char((unsigned char)b.s[b.len - 1]))
			sb_putc(&b, ' ');
		sb_printf(&b, "$%ld", n);
		p = end;
	}
	out->text = sb_take(&b);
	out->nparams = max;
	out->names = names;
	out->is_read = pg_sql_is_read(sql);
	return 0;
}

void pg_sql_free(struct pg_sql *q)
{
	for (int i = 0; i < q->nparams; i++)
		free(q->names[i]);
	free(q->names);
	free(q->text);
	memset(q, 0, sizeof *q);
}

int pg_sql_index(const struct pg_sql *q, const char *name)
{
	return name ? find_name(q->names, q->nparams, name, strlen(name)) : 0;
}

int pg_sqlstate_code(const char *s)
{
	if (!s || strlen(s) != 5)
		return SQL_ERROR;
	if (strncmp(s, "23", 2) == 0)
		return SQL_CONSTRAINT;
	if (!strcmp(s, "40001") || !strcmp(s, "40P01") || !strcmp(s, "55P03"))
		return SQL_BUSY;
	if (!strcmp(s, "42501"))
		return SQL_DENIED;
	if (strncmp(s, "08", 2) == 0 || !strcmp(s, "57P01") || !strcmp(s, "57P02") || !strcmp(s, "57P03"))
		return SQL_LOST;
	return SQL_ERROR;
}

struct span {
	const char *s;
	size_t n;
};

/* The passwords written in a URI: user:PASSWORD@host (libpq ends the user
 * part at the first @ or /) and every password=VALUE of the query. */
static int uri_passwords(const char *uri, struct span *sp, int max)
{
	int k = 0;
	const char *a = strstr(uri, "://");
	if (a && (strncmp(uri, "postgresql://", 13) == 0 || strncmp(uri, "postgres://", 11) == 0)) {
		a += 3;
		size_t n = strcspn(a, "@/");
		const char *colon = memchr(a, ':', n);
		if (a[n] == '@' && colon && colon + 1 < a + n)
			sp[k++] = (struct span){colon + 1, (size_t)(a + n - colon - 1)};
		for (const char *q = strchr(a + n, '?'); q && k < max; q = strchr(q + 1, '&')) {
			if (strncmp(q + 1, "password=", 9) == 0 && q[10] && q[10] != '&')
				sp[k++] = (struct span){q + 10, strcspn(q + 10, "&")};
		}
	}
	return k;
}

void pg_redact(const char *text, const char *uri, struct strbuf *out)
{
	struct span sp[8];
	int k = uri ? uri_passwords(uri, sp, 8) : 0;
	for (const char *p = text; *p;) {
		int hit = -1;
		for (int i = 0; i < k && hit < 0; i++)
			if (text == uri ? p == sp[i].s : strncmp(p, sp[i].s, sp[i].n) == 0)
				hit = i;
		if (hit >= 0) {
			sb_puts(out, "***");
			p += sp[hit].n;
		} else {
			sb_putc(out, *p++);
		}
	}
}
