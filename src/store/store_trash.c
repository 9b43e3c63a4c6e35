/* store_trash.c — the 回收站 of items: the listing of deleted items and
 * the restore write (store_trash.h).  Same SQL on SQLite and PostgreSQL. */
#include "qingdan/store_trash.h"

#include "sql.h"

#include "qingdan/db.h"
#include "qingdan/store.h"
#include "db_impl.h"
#include "store_impl.h"

/* who deleted: the person of the last delete entry, else its login */
#define TRASH_BY_SQL \
	"(SELECT coalesce(p.name, a.login) FROM audit a LEFT JOIN person p ON p.id = a.person_id " \
	"WHERE a.entity = 'item' AND a.entity_id = i.id AND a.action = 'delete' " \
	"ORDER BY a.seq DESC LIMIT 1)"

struct trash_args {
	int year, kind;
	long long org_id;
};

static void bind_trash(struct sql_stmt *st, const void *ctx)
{
	const struct trash_args *a = ctx;
	sql_bind_int(st, sql_param_index(st, ":year"), a->year);
	sql_bind_int64(st, sql_param_index(st, ":org"), a->org_id);
}

enum qd_status store_item_trash(struct db *db, int year, long long org_id, int kind,
				struct rowsink *s, struct strbuf *err)
{
	static const char *const cols[] = {"id", "org", "year", "seq", "category", "content",
					   "owner", "status", "deleted_at", "deleted_by"};
	struct strbuf sql = {0};
	sb_puts(&sql, "SELECT i.id AS id, o.name AS org, l.year AS year, i.seq AS seq, "
		      "i.category AS category, i.content AS content, coalesce(ow.name, '') AS owner, "
		      "i.status AS status, i.deleted_at AS deleted_at, "
		      "coalesce(" TRASH_BY_SQL ", '') AS deleted_by "
		      "FROM item i JOIN list l ON l.id = i.list_id JOIN org o ON o.id = l.org_id "
		      "LEFT JOIN person ow ON ow.id = i.owner_id WHERE i.deleted_at IS NOT NULL "
		      "AND (:year = 0 OR l.year = :year) AND (:org = 0 OR l.org_id = :org)");
	sb_puts(&sql, store_kind_sql(kind));
	sb_puts(&sql, " ORDER BY i.deleted_at DESC, i.id DESC");
	const struct trash_args a = {year, kind, org_id};
	enum qd_status st = store_run_listing(db, sql.s, cols, (int)ARRAY_SIZE(cols), bind_trash, &a,
					      s, err);
	sb_free(&sql);
	return st;
}

enum qd_status store_item_restore(struct db *db, long long id, int version, const char *now)
{
	struct sql_stmt *st = db_stmt(db, "UPDATE item SET deleted_at = NULL, version = version + 1, "
				       "updated_at = ?3 WHERE id = ?1 AND version = ?2 "
				       "AND deleted_at IS NOT NULL");
	sql_bind_int64(st, 1, id);
	sql_bind_int(st, 2, version);
	store_bind_text(st, 3, now);
	return store_changed_one(db, st);
}
