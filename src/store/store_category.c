/* store_category.c — the category table (store_category.h), the same SQL
 * on SQLite and PostgreSQL. */
#include "qingdan/store_category.h"

#include "sql.h"
#include <stdlib.h>

#include "qingdan/db.h"
#include "qingdan/store.h"
#include "store_impl.h"

void categories_free(struct category *c, int n)
{
	for (int i = 0; i < n; i++)
		free(c[i].name);
	free(c);
}

enum qd_status store_categories(struct db *db, struct category **out, int *n)
{
	struct sql_stmt *st = db_stmt(db, "SELECT id, name, sort FROM category ORDER BY sort, name");
	struct category *c = NULL;
	int m = 0, rc;
	while ((rc = sql_step(st)) == SQL_ROW) {
		c = xrealloc(c, (size_t)(m + 1) * sizeof *c);
		c[m].id = sql_column_int64(st, 0);
		c[m].name = store_col(st, 1);
		c[m].sort = sql_column_int(st, 2);
		m++;
	}
	sql_reset(st);
	if (rc != SQL_DONE) {
		categories_free(c, m);
		return QD_DBERROR;
	}
	*out = c;
	*n = m;
	return QD_OK;
}

enum qd_status store_category_insert(struct db *db, const char *name, int sort, long long *id)
{
	struct sql_stmt *st =
		db_stmt(db, "INSERT INTO category(name, sort) VALUES (?1, ?2) RETURNING id");
	store_bind_text(st, 1, name);
	sql_bind_int(st, 2, sort);
	return store_insert(db, st, id);
}

enum qd_status store_category_set_sort(struct db *db, long long id, int sort)
{
	struct sql_stmt *st = db_stmt(db, "UPDATE category SET sort = ?2 WHERE id = ?1");
	sql_bind_int64(st, 1, id);
	sql_bind_int(st, 2, sort);
	return store_changed_one(db, st);
}
