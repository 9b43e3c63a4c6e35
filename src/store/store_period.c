/* store_period.c — item.every and item_period (store_period.h), the same
 * SQL on SQLite and PostgreSQL. */
#include "qingdan/store_period.h"

#include "sql.h"
#include <stdlib.h>
#include <string.h>

#include "qingdan/db.h"
#include "qingdan/period.h"
#include "qingdan/store.h"
#include "store_impl.h"

void item_periods_free(struct item_period *p, int n)
{
	for (int i = 0; i < n; i++) {
		free(p[i].period);
		free(p[i].done_on);
		free(p[i].note);
		free(p[i].recorder_name);
	}
	free(p);
}

enum qd_status store_item_every(struct db *db, long long id, char **every, unsigned *done)
{
	*every = NULL;
	*done = 0;
	struct sql_stmt *st = db_stmt(db, "SELECT every FROM item WHERE id = ?1");
	sql_bind_int64(st, 1, id);
	int rc = sql_step(st);
	if (rc == SQL_ROW)
		*every = store_col(st, 0);
	sql_reset(st);
	if (rc != SQL_ROW)
		return rc == SQL_DONE ? QD_NOTFOUND : QD_DBERROR;
	int kind = every_parse(*every);
	if (kind <= EVERY_NONE)
		return QD_OK;
	st = db_stmt(db, "SELECT period FROM item_period WHERE item_id = ?1 AND done_on IS NOT NULL");
	sql_bind_int64(st, 1, id);
	while ((rc = sql_step(st)) == SQL_ROW)
		*done |= period_mask(kind, sql_column_text(st, 0));
	sql_reset(st);
	return rc == SQL_DONE ? QD_OK : QD_DBERROR;
}

enum qd_status store_item_every_set(struct db *db, long long id, int version, const char *every,
				    const char *due, const char *now)
{
	struct sql_stmt *st = db_stmt(db, "UPDATE item SET every = ?3, due = nullif(?4, ''), "
				       "version = version + 1, updated_at = ?5 "
				       "WHERE id = ?1 AND version = ?2");
	sql_bind_int64(st, 1, id);
	sql_bind_int(st, 2, version);
	store_bind_text(st, 3, every);
	store_bind_text(st, 4, due ? due : "");
	store_bind_text(st, 5, now);
	return store_changed_one(db, st);
}

enum qd_status store_item_due_set(struct db *db, long long id, int version, const char *due,
				  const char *now)
{
	struct sql_stmt *st = db_stmt(db, "UPDATE item SET due = nullif(?3, ''), "
				       "version = version + 1, updated_at = ?4 "
				       "WHERE id = ?1 AND version = ?2");
	sql_bind_int64(st, 1, id);
	sql_bind_int(st, 2, version);
	store_bind_text(st, 3, due ? due : "");
	store_bind_text(st, 4, now);
	return store_changed_one(db, st);
}

enum qd_status store_item_periods(struct db *db, long long item_id, struct item_period **out,
				  int *n)
{
	/* '1' … '12', 'Q1' …: by length, then text, is the year's order */
	struct sql_stmt *st = db_stmt(db,
		"SELECT p.id, p.item_id, p.period, p.done_on, p.note, coalesce(p.recorded_by, 0), "
		"coalesce(r.name, '') FROM item_period p LEFT JOIN person r ON r.id = p.recorded_by "
		"WHERE p.item_id = ?1 ORDER BY length(p.period), p.period");
	sql_bind_int64(st, 1, item_id);
	struct item_period *p = NULL;
	int m = 0, rc;
	while ((rc = sql_step(st)) == SQL_ROW) {
		p = xrealloc(p, (size_t)(m + 1) * sizeof *p);
		p[m].id = sql_column_int64(st, 0);
		p[m].item_id = sql_column_int64(st, 1);
		p[m].period = store_col(st, 2);
		p[m].done_on = store_col(st, 3);
		p[m].note = store_col(st, 4);
		p[m].recorded_by = sql_column_int64(st, 5);
		p[m].recorder_name = store_col(st, 6);
		m++;
	}
	sql_reset(st);
	if (rc != SQL_DONE) {
		item_periods_free(p, m);
		return QD_DBERROR;
	}
	*out = p;
	*n = m;
	return QD_OK;
}

long long store_period_find(struct db *db, long long item_id, const char *period)
{
	struct sql_stmt *st =
		db_stmt(db, "SELECT id FROM item_period WHERE item_id = ?1 AND period = ?2");
	sql_bind_int64(st, 1, item_id);
	store_bind_text(st, 2, period);
	long long id = sql_step(st) == SQL_ROW ? sql_column_int64(st, 0) : 0;
	sql_reset(st);
	return id;
}

enum qd_status store_period_insert(struct db *db, long long item_id, const char *period,
				   const char *done_on, const char *note, long long by,
				   const char *now, long long *id)
{
	struct sql_stmt *st = db_stmt(db,
		"INSERT INTO item_period(item_id, period, done_on, note, recorded_by, created_at, "
		"updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6) RETURNING id");
	sql_bind_int64(st, 1, item_id);
	store_bind_text(st, 2, period);
	store_bind_text(st, 3, done_on);
	store_bind_text(st, 4, note ? note : "");
	store_bind_id(st, 5, by);
	store_bind_text(st, 6, now);
	return store_insert(db, st, id);
}

enum qd_status store_period_update(struct db *db, long long id, const char *done_on,
				   const char *note, long long by, const char *now)
{
	struct sql_stmt *st = db_stmt(db,
		"UPDATE item_period SET done_on = ?2, note = coalesce(?3, note), recorded_by = ?4, "
		"updated_at = ?5 WHERE id = ?1");
	sql_bind_int64(st, 1, id);
	store_bind_text(st, 2, done_on);
	store_bind_text(st, 3, note);
	store_bind_id(st, 4, by);
	store_bind_text(st, 5, now);
	return store_changed_one(db, st);
}

enum qd_status store_periods_open(struct db *db, int year,
				  void (*fn)(void *ctx, long long id, const char *every,
					     const char *done),
				  void *ctx)
{
#define PERIODS_OPEN_SQL(done)                                                           \
	"SELECT i.id, i.every, " done " FROM item i JOIN list l ON l.id = i.list_id "     \
	"WHERE i.every IS NOT NULL AND i.deleted_at IS NULL AND l.year = ?1 "            \
	"AND i.status IN ('planned','in_progress','submitted') ORDER BY i.id"
	struct sql_stmt *st = db_stmt(db, STORE_SQL(db, PERIODS_OPEN_SQL(STORE_PERIODS_DONE_SQLITE),
						    PERIODS_OPEN_SQL(STORE_PERIODS_DONE_PG)));
#undef PERIODS_OPEN_SQL
	sql_bind_int(st, 1, year);
	int rc;
	while ((rc = sql_step(st)) == SQL_ROW)
		fn(ctx, sql_column_int64(st, 0), sql_column_text(st, 1), sql_column_text(st, 2));
	sql_reset(st);
	return rc == SQL_DONE ? QD_OK : QD_DBERROR;
}
