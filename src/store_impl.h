/* store_impl.h — private helpers shared by the store*.c files. */
#ifndef QINGDAN_STORE_IMPL_H
#define QINGDAN_STORE_IMPL_H

#include <sqlite3.h>

#include "qingdan/util.h"

struct db;

/* The derived flags of an item aliased i, given :today and :soon (ISO). */
#define FLAGS_SQL \
	"rtrim(CASE WHEN i.due < :today AND i.status IN ('planned','in_progress','submitted') " \
	"THEN 'overdue,' ELSE '' END || " \
	"CASE WHEN i.due >= :today AND i.due <= :soon AND " \
	"i.status IN ('planned','in_progress','submitted') THEN 'due_soon,' ELSE '' END || " \
	"CASE WHEN i.status = 'done' AND i.done_on > i.due THEN 'late,' ELSE '' END, ',')"

/* Run a listing: `inner` is a SELECT whose result columns are named like
 * cols; bind(st, ctx) binds its parameters.  Streams to the sink (with a
 * json_object() per row when the sink wants JSON). */
struct rowsink;
enum qd_status store_run_listing(struct db *db, const char *inner, const char *const *cols,
				 int ncol, void (*bind)(sqlite3_stmt *st, const void *ctx),
				 const void *ctx, struct rowsink *s, struct strbuf *err);

char *store_col(sqlite3_stmt *st, int i);
void store_bind_text(sqlite3_stmt *st, int i, const char *s);
void store_bind_id(sqlite3_stmt *st, int i, long long id);
enum qd_status store_step_done(sqlite3_stmt *st);

/* Index the items inserted in this transaction (temp.fts_dirty) in one
 * statement; db_end calls it just before the outermost commit. */
int store_fts_flush(struct db *db);
/* Create the connection's temp.fts_dirty table (writable files only). */
int store_fts_prepare(struct db *db);

#endif
