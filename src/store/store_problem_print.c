/* store_problem_print.c — the SQL of the checklist's 整改措施 section
 * (store_problem_print.h).  One statement, both dialects: the person's
 * items start from the owner and lead indexes (STORE_PICK_YEAR), as every
 * person query does, and only then meet their list, problem and org. */
#include "qingdan/store_problem_print.h"

#include "qingdan/db.h"
#include "store_impl.h"

#define PERSON_MEASURES_SQL(HINT) \
	"SELECT i.id, o.id, pm.problem_id, i.seq, " \
	"CASE WHEN i.owner_id = :person THEN 1 ELSE 0 END, " \
	"CASE WHEN i.lead_id = :person THEN 1 ELSE 0 END, o.name, i.content, i.standard, " \
	"coalesce(i.due, ''), i.due_text, i.status, " FLAGS_SQL ", p.text " \
	"FROM (" STORE_PICK_YEAR ") pick " HINT " item i ON i.id = pick.id " HINT \
	" problem_measure pm ON pm.item_id = i.id " HINT " list l ON l.id = i.list_id " \
	"JOIN org o ON o.id = l.org_id JOIN problem p ON p.id = pm.problem_id " \
	"WHERE l.year = :year AND l.kind = 'rectify' AND i.deleted_at IS NULL " \
	"AND p.deleted_at IS NULL " \
	"ORDER BY o.sort, o.id, i.seq, i.id"

/* The person's items (the owner and lead indexes) drive: SQLite's CROSS
 * JOIN keeps that order (store_join_hint), else its planner may walk every
 * list and its items, or every measure link of the file. */
static const char sql_sqlite[] = PERSON_MEASURES_SQL("CROSS JOIN");
static const char sql_pg[] = PERSON_MEASURES_SQL("JOIN");

const char *store_person_measures_sql(int dialect)
{
	return dialect == DB_PG ? sql_pg : sql_sqlite;
}

static const char *col(struct sql_stmt *st, int i)
{
	const char *t = sql_column_text(st, i);
	return t ? t : "";
}

enum qd_status store_person_measures(struct db *db, int year, long long person_id,
				     const char *today, const char *soon,
				     void (*fn)(void *ctx, const struct store_person_measure *m),
				     void *ctx, struct strbuf *err)
{
	struct sql_stmt *st = db_stmt(db, store_person_measures_sql(db_dialect(db)));
	long long l0, l1;   /* the year's run of list ids (PICK_YEAR) */
	store_list_range(db, year, &l0, &l1);
	bind_int(st, ":person", person_id);
	bind_int(st, ":year", year);
	bind_int(st, ":l0", l0);
	bind_int(st, ":l1", l1);
	bind_text(st, ":today", today);
	bind_text(st, ":soon", soon);
	int rc;
	while ((rc = sql_step(st)) == SQL_ROW) {
		struct store_person_measure m = {
			.id = sql_column_int64(st, 0), .org_id = sql_column_int64(st, 1),
			.problem_id = sql_column_int64(st, 2), .seq = sql_column_int(st, 3),
			.is_owner = sql_column_int(st, 4), .is_lead = sql_column_int(st, 5),
			.org = col(st, 6), .content = col(st, 7), .standard = col(st, 8),
			.due = col(st, 9), .due_text = col(st, 10), .status = col(st, 11),
			.flags = col(st, 12), .problem = col(st, 13),
		};
		fn(ctx, &m);
	}
	enum qd_status s = rc == SQL_DONE ? QD_OK : db_error(db, err);
	sql_reset(st);
	return s;
}
