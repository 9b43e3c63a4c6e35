/* json_sqlite.c — the JSON readers of the storage module (json.h): audit
 * diffs and details taken apart by SQLite's JSON1 on a private in-memory
 * connection, opened once for the process, so they give the same bytes
 * whatever backend holds the data (they never touch it).
 *
 * This file includes sqlite3.h: the connection is SQLite's own, not a
 * struct db behind sql.h (no busy handler, no cache, no schema). */
#include "json.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "sql.h"

static sqlite3 *mem;

enum { DIFF, EACH, NSTMT };
static sqlite3_stmt *stmts[NSTMT];

static const char *const stmt_sql[NSTMT] = {
	[DIFF] = "SELECT json_patch(coalesce((SELECT json_group_object(n.key, "
		 "  CASE WHEN ?1 IS NULL THEN n.value ELSE json_array(o.value, n.value) END) "
		 "  FROM json_each(?2) n LEFT JOIN json_each(?1) o ON o.key = n.key "
		 "  WHERE (?1 IS NULL AND n.value IS NOT NULL) OR (?1 IS NOT NULL "
		 "  AND o.value IS NOT n.value AND n.key NOT IN ('version', 'updated_at'))), '{}'), "
		 "  coalesce(?3, '{}'))",
	/* key, change, the old value, the value (an array's length for
	 * "records"), in the object's order */
	[EACH] = "WITH f(ord, k, change, val, typ) AS (SELECT id, key, "
		 "  type = 'array' AND key <> 'records' AND "
		 "  CASE WHEN type = 'array' THEN json_array_length(value) = 2 ELSE 0 END, value, type "
		 "  FROM json_each(CASE WHEN json_valid(?1) THEN ?1 ELSE '{}' END)) "
		 "SELECT k, change, CASE WHEN change THEN json_extract(val, '$[0]') END, "
		 "  CASE WHEN change THEN json_extract(val, '$[1]') "
		 "  WHEN k = 'records' AND typ = 'array' THEN json_array_length(val) ELSE val END "
		 "FROM f ORDER BY ord",
};

/* The statement, prepared on first use; NULL if SQLite cannot. */
static sqlite3_stmt *stmt(int which)
{
	if (!mem && sqlite3_open(":memory:", &mem) != SQLITE_OK) {
		sqlite3_close(mem);
		mem = NULL;
		return NULL;
	}
	if (!stmts[which] &&
	    sqlite3_prepare_v3(mem, stmt_sql[which], -1, SQLITE_PREPARE_PERSISTENT, &stmts[which],
			       NULL) != SQLITE_OK)
		return NULL;
	return stmts[which];
}

static void bind(sqlite3_stmt *st, int i, const char *s)
{
	if (s)
		sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, i);
}

char *json_diff(const char *before, const char *after, const char *extra)
{
	sqlite3_stmt *st = stmt(DIFF);
	char *out = NULL;
	if (!st)
		return xstrdup("{}");
	bind(st, 1, before);
	bind(st, 2, after ? after : "{}");
	bind(st, 3, extra);
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL)
		out = xstrdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return out ? out : xstrdup("{}");
}

enum qd_status json_detail_each(const char *detail,
				void (*fn)(void *ctx, const struct json_field *f), void *ctx)
{
	sqlite3_stmt *st = stmt(EACH);
	if (!st)
		return QD_DBERROR;
	bind(st, 1, detail ? detail : "{}");
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct json_field f = {0};
		const char *key = (const char *)sqlite3_column_text(st, 0);
		f.key = key ? key : "";
		f.change = sqlite3_column_int(st, 1);
		/* type and number before text: text may convert the value */
		f.old_type = sqlite3_column_type(st, 2);
		f.old_num = sqlite3_column_int64(st, 2);
		f.type = sqlite3_column_type(st, 3);
		f.num = sqlite3_column_int64(st, 3);
		f.old_text = (const char *)sqlite3_column_text(st, 2);
		f.text = (const char *)sqlite3_column_text(st, 3);
		fn(ctx, &f);
	}
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return rc == SQLITE_DONE ? QD_OK : QD_DBERROR;
}
