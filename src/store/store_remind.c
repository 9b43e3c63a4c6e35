/* store_remind.c — the queries of `qingdan remind` and of the TUI header's
 * own count (store_remind.h).  Every person at once is one statement per
 * section, read from the year's lists (list_year → item_list); one person
 * is the owner and lead indexes' two halves (STORE_PICK_YEAR), as every
 * person query of the storage module. */
#include <string.h>

#include "qingdan/store_remind.h"
#include "store_impl.h"

#define REMIND_OPEN "i.status IN ('planned','in_progress','submitted')"

#define REMIND_PEOPLE_COLS \
	"SELECT p.id, coalesce(p.org_id, 0), p.name, coalesce(p.post, ''), " \
	"coalesce(o.name, ''), coalesce(m.committee, '') FROM person p " \
	"LEFT JOIN org o ON o.id = p.org_id LEFT JOIN member m ON m.person_id = p.id "
#define REMIND_PEOPLE_ALL_SQL \
	REMIND_PEOPLE_COLS "WHERE p.active = 1 " \
	"ORDER BY coalesce(o.sort, 2147483647), coalesce(o.id, 0), p.sort_key, p.id"
#define REMIND_PEOPLE_ONE_SQL REMIND_PEOPLE_COLS "WHERE p.id = :p"

enum qd_status store_remind_people(struct db *db, long long person_id,
				   void (*fn)(void *ctx, const struct remind_person_row *r),
				   void *ctx)
{
	struct sql_stmt *st = db_stmt(db, person_id ? REMIND_PEOPLE_ONE_SQL : REMIND_PEOPLE_ALL_SQL);
	if (person_id)
		bind_int(st, ":p", person_id);
	int rc;
	while ((rc = sql_step(st)) == SQL_ROW) {
		struct remind_person_row r = {
			sql_column_int64(st, 0), sql_column_int64(st, 1), sql_column_text(st, 2),
			sql_column_text(st, 3), sql_column_text(st, 4), sql_column_text(st, 5)};
		fn(ctx, &r);
	}
	sql_reset(st);
	return rc == SQL_DONE ? QD_OK : db_error(db, NULL);
}

#define REMIND_ITEM_COLS \
	"SELECT i.id, coalesce(i.owner_id, 0), coalesce(i.lead_id, 0), o.name, i.content, i.due " \
	"FROM item i "
#define REMIND_ITEM_WHERE \
	" list l ON l.id = i.list_id JOIN org o ON o.id = l.org_id " \
	"WHERE l.year = :year" STORE_KIND_DUTY_SQL " AND i.deleted_at IS NULL AND " REMIND_OPEN \
	" AND i.due <= :soon"
#define REMIND_ITEM_ORDER " ORDER BY i.due, o.sort, o.id, i.seq, i.id"
/* every person: the year's lists, then their items */
#define REMIND_ITEMS_ALL_SQL \
	REMIND_ITEM_COLS "JOIN" REMIND_ITEM_WHERE \
	" AND (i.owner_id IS NOT NULL OR i.lead_id IS NOT NULL)" REMIND_ITEM_ORDER
/* one person: their items through the owner and lead indexes first */
#define REMIND_ITEMS_ONE_SQL(join) \
	REMIND_ITEM_COLS join REMIND_ITEM_WHERE " AND i.id IN (" STORE_PICK_YEAR ")" REMIND_ITEM_ORDER

enum qd_status store_remind_items(struct db *db, int year, long long person_id, const char *soon,
				  void (*fn)(void *ctx, const struct remind_item_row *r),
				  void *ctx)
{
	struct sql_stmt *st = db_stmt(db, !person_id ? REMIND_ITEMS_ALL_SQL
				      : STORE_SQL(db, REMIND_ITEMS_ONE_SQL("CROSS JOIN"),
						  REMIND_ITEMS_ONE_SQL("JOIN")));
	bind_int(st, ":year", year);
	bind_text(st, ":soon", soon);
	if (person_id) {
		long long l0, l1;
		store_list_range(db, year, &l0, &l1);
		bind_int(st, ":person", person_id);
		bind_int(st, ":l0", l0);
		bind_int(st, ":l1", l1);
	}
	int rc;
	while ((rc = sql_step(st)) == SQL_ROW) {
		struct remind_item_row r = {
			sql_column_int64(st, 0), sql_column_int64(st, 1), sql_column_int64(st, 2),
			sql_column_text(st, 3), sql_column_text(st, 4), sql_column_text(st, 5)};
		fn(ctx, &r);
	}
	sql_reset(st);
	return rc == SQL_DONE ? QD_OK : db_error(db, NULL);
}

/* The TUI header's count: the person's two index halves, as
 * store_page_person_counts. */
#define REMIND_COUNT_HALF(join) \
	"SELECT i.due FROM item i " join " list l ON l.id = i.list_id " \
	"WHERE i.list_id BETWEEN :l0 AND :l1 AND l.year = :year" STORE_KIND_DUTY_SQL \
	" AND i.deleted_at IS NULL AND " REMIND_OPEN " AND i.due <= :soon AND "
#define REMIND_COUNT_SQL(join) \
	"SELECT count(CASE WHEN due < :today THEN 1 END), " \
	"count(CASE WHEN due >= :today THEN 1 END) FROM (" \
	REMIND_COUNT_HALF(join) "i.owner_id = :p UNION ALL " \
	REMIND_COUNT_HALF(join) "i.lead_id = :p AND i.owner_id IS DISTINCT FROM :p) pick"

enum qd_status store_remind_count(struct db *db, long long person_id, int year, const char *today,
				  const char *soon, int *overdue, int *due_soon)
{
	struct sql_stmt *st =
		db_stmt(db, STORE_SQL(db, REMIND_COUNT_SQL("CROSS JOIN"), REMIND_COUNT_SQL("JOIN")));
	long long l0, l1;
	store_list_range(db, year, &l0, &l1);
	bind_int(st, ":l0", l0);
	bind_int(st, ":l1", l1);
	bind_int(st, ":year", year);
	bind_int(st, ":p", person_id);
	bind_text(st, ":today", today);
	bind_text(st, ":soon", soon);
	enum qd_status s = QD_DBERROR;
	*overdue = *due_soon = 0;
	if (sql_step(st) == SQL_ROW) {
		*overdue = sql_column_int(st, 0);
		*due_soon = sql_column_int(st, 1);
		s = QD_OK;
	}
	sql_reset(st);
	return s;
}

void store_remind_hot_queries(int dialect, void (*fn)(void *ctx, const char *name, const char *sql),
			      void *ctx)
{
	fn(ctx, "remind: people", REMIND_PEOPLE_ALL_SQL);
	fn(ctx, "remind: every person's items", REMIND_ITEMS_ALL_SQL);
	fn(ctx, "remind: a person's items (owner or lead)",
	   dialect == DB_PG ? REMIND_ITEMS_ONE_SQL("JOIN") : REMIND_ITEMS_ONE_SQL("CROSS JOIN"));
	fn(ctx, "remind: a person's counts (owner or lead)",
	   dialect == DB_PG ? REMIND_COUNT_SQL("JOIN") : REMIND_COUNT_SQL("CROSS JOIN"));
}
