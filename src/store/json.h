/* json.h — JSON text of the storage module, written in C so it is the same
 * whatever the backend (sql.h).  Part of the storage module (store.h).
 *
 * The writer (json.c) reproduces SQLite 3.40's json_object()/json_array()
 * byte for byte, because that is what the canonical text of a record was
 * before it moved out of the SQL, and its SHA-256 is the audit digest of
 * every database already in use: no spaces; strings escaped as SQLite's
 * jsonAppendString does (\" \\ \b \t \n \f \r, other bytes below 0x20 as
 * \u00XX in lowercase hex, every other byte verbatim, invalid UTF-8 too);
 * integers as %lld; reals as SQLite prints a REAL ("%!0.15g": 100.0, 0.1,
 * 1.0e+300); NULL as null.  tests/t_json.c holds it to SQLite's own output.
 *
 * The readers (json_sqlite.c) take JSON text apart with SQLite's JSON1 on a
 * private in-memory connection, so they too work the same on any backend. */
#ifndef QINGDAN_STORE_JSON_H
#define QINGDAN_STORE_JSON_H

#include <stddef.h>

#include "qingdan/util.h"

struct sql_stmt;

/* ---- the writer ---- */

/* A quoted, escaped string of n bytes. */
void json_string(struct strbuf *b, const char *s, size_t n);
/* A string, or null when s is NULL. */
void json_text(struct strbuf *b, const char *s);
void json_int(struct strbuf *b, long long v);
void json_real(struct strbuf *b, double v);
void json_null(struct strbuf *b);
/* Before an object's member: a comma unless it is the first, then "key":.
 * Before an array's element: json_next (a comma unless the first).  Both
 * look at the last byte written, so b must end with the '{' or '[' that
 * opened the container or with the previous value. */
void json_key(struct strbuf *b, const char *key);
void json_next(struct strbuf *b);
/* Column i of the statement's row as json_object() takes a value: by the
 * column's type (SQL_INTEGER, SQL_FLOAT, SQL_TEXT, SQL_NULL; anything else
 * as text).  Read the JSON of a column before its text (sql_column_text
 * may convert the value on some backends). */
void json_column(struct strbuf *b, struct sql_stmt *st, int i);
/* Members keys[0..n-1] with columns first..first+n-1 (no braces). */
void json_members(struct strbuf *b, struct sql_stmt *st, int first, const char *const *keys,
		  int n);
/* {members}: the row as json_object('k0', c0, 'k1', c1, …) writes it. */
void json_row(struct strbuf *b, struct sql_stmt *st, int first, const char *const *keys, int n);

/* ---- the readers (json_sqlite.c) ---- */

/* SQLite's json_patch of the field diff: every member of `after` (members
 * that are null left out) when before is NULL; else {key: [old, new]} for
 * each member that changed, version and updated_at left out; then `extra`
 * (a JSON object or NULL) patched over.  Malloc'd; "{}" when nothing. */
char *json_diff(const char *before, const char *after, const char *extra);

/* One top-level member of an audit detail, as json_detail_each gives it. */
struct json_field {
	const char *key;
	int change;          /* the value is [old, new] (and the key not "records") */
	/* the value (new for a change; the count for a "records" array) and
	 * the old one: type SQL_*, text (NULL for null) and integer value */
	int type, old_type;
	const char *text, *old_text;
	long long num, old_num;
};
/* Each member of the detail object in order (nothing if it is not valid
 * JSON).  QD_OK, or QD_DBERROR if SQLite failed. */
enum qd_status json_detail_each(const char *detail,
				void (*fn)(void *ctx, const struct json_field *f), void *ctx);

#endif
