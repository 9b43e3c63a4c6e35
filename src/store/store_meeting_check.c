/* store_meeting_check.c — the queries of the year checked: the orgs and
 * their levels, the Party members of a scope, and per person the 组织生活
 * attended and the hours of a year (store_meeting_check.h).  The rules —
 * what a period is, who is expected, when a member is at risk — live in
 * src/meeting_check.c; here only what the rows add up to.
 *
 * Each query reaches meeting through its date index (meeting_date) and
 * attendance through its (meeting_id, person_id) key, so none walks the
 * whole of either table (tests/t_plan.c holds them to it). */
#include "qingdan/store_meeting_check.h"

#include "sql.h"
#include <stdlib.h>
#include <string.h>

#include "qingdan/db.h"
#include "store_impl.h"

/* The types that are 组织生活 for the six-month rule (meeting.h,
 * meeting_type_is_org_life). */
#define ORG_LIFE_TYPES \
	"('members','committee','group','lecture','theme-day','org-life','democratic-life','review')"

#define CHECK_ORGS_SQL \
	"SELECT id, name, level, parent_id FROM org WHERE ?1 = 0 OR id = ?1 ORDER BY sort, id"

/* The orgs picked (the one and those under it): a few rows, scanned. */
#define CHECK_PEOPLE_SQL \
	"WITH RECURSIVE pick(id) AS (SELECT id FROM org WHERE id = ?1 UNION SELECT o.id " \
	"FROM org o JOIN pick ON o.parent_id = pick.id) " \
	"SELECT p.id, p.org_id, p.name, p.post, coalesce(o.name, ''), coalesce(mb.cell, ''), " \
	"coalesce(mb.party, 'full'), coalesce(mb.committee, '') " \
	"FROM person p LEFT JOIN org o ON o.id = p.org_id LEFT JOIN member mb ON mb.person_id = p.id " \
	"WHERE p.active = 1 AND coalesce(mb.party, 'full') IN ('full','probationary') " \
	"AND (?1 = 0 OR p.org_id IN (SELECT id FROM pick)) " \
	"ORDER BY o.sort IS NULL, o.sort, o.id, p.id"

/* From the meetings by date (the lower bound makes it a range of the
 * index on either planner), then each one's attendance by its key. */
#define CHECK_ATTENDED_SQL(join) \
	"SELECT a.person_id, " \
	"max(CASE WHEN a.status IN ('present','late') THEN m.on_date END), " \
	"min(CASE WHEN a.status <> 'observer' THEN m.on_date END) " \
	"FROM meeting m " join " attendance a ON a.meeting_id = m.id " \
	"WHERE m.on_date >= '0000' AND m.on_date <= ?1 AND m.type IN " ORG_LIFE_TYPES " " \
	"AND m.deleted_at IS NULL GROUP BY a.person_id ORDER BY a.person_id"

#define CHECK_KINDS_SQL \
	"SELECT m.org_id, m.type, m.cell, min(m.on_date) FROM meeting m " \
	"WHERE m.on_date >= '0000' AND m.on_date <= ?1 AND m.type IN " ORG_LIFE_TYPES " " \
	"AND m.deleted_at IS NULL GROUP BY m.org_id, m.type, m.cell ORDER BY m.org_id, m.type, m.cell"

#define CHECK_HOURS_SQL(join) \
	"SELECT a.person_id, sum(m.hours) FROM meeting m " join " attendance a " \
	"ON a.meeting_id = m.id AND a.status IN ('present','late') " \
	"WHERE m.on_date >= ?1 AND m.on_date <= ?2 AND m.deleted_at IS NULL " \
	"AND m.hours IS NOT NULL GROUP BY a.person_id ORDER BY a.person_id"

void check_orgs_free(struct check_org *o, int n)
{
	for (int i = 0; o && i < n; i++) {
		free(o[i].name);
		free(o[i].level);
	}
	free(o);
}

enum qd_status store_check_orgs(struct db *db, long long org_id, struct check_org **out, int *n)
{
	struct sql_stmt *st = db_stmt(db, CHECK_ORGS_SQL);
	sql_bind_int64(st, 1, org_id);
	*out = NULL;
	*n = 0;
	int rc;
	while ((rc = sql_step(st)) == SQL_ROW) {
		*out = xrealloc(*out, (size_t)(*n + 1) * sizeof **out);
		struct check_org *o = &(*out)[(*n)++];
		o->id = sql_column_int64(st, 0);
		o->name = store_col(st, 1);
		o->level = store_col(st, 2);
		o->parent_id = sql_column_int64(st, 3);
	}
	sql_reset(st);
	return rc == SQL_DONE ? QD_OK : QD_DBERROR;
}

void check_people_free(struct check_person *p, int n)
{
	for (int i = 0; p && i < n; i++) {
		free(p[i].name);
		free(p[i].post);
		free(p[i].org_name);
		free(p[i].cell);
		free(p[i].party);
		free(p[i].committee);
	}
	free(p);
}

enum qd_status store_check_people(struct db *db, long long org_id, struct check_person **out,
				  int *n)
{
	struct sql_stmt *st = db_stmt(db, CHECK_PEOPLE_SQL);
	sql_bind_int64(st, 1, org_id);
	*out = NULL;
	*n = 0;
	int rc;
	while ((rc = sql_step(st)) == SQL_ROW) {
		*out = xrealloc(*out, (size_t)(*n + 1) * sizeof **out);
		struct check_person *p = &(*out)[(*n)++];
		p->id = sql_column_int64(st, 0);
		p->org_id = sql_column_int64(st, 1);
		p->name = store_col(st, 2);
		p->post = store_col(st, 3);
		p->org_name = store_col(st, 4);
		p->cell = store_col(st, 5);
		p->party = store_col(st, 6);
		p->committee = store_col(st, 7);
	}
	sql_reset(st);
	return rc == SQL_DONE ? QD_OK : QD_DBERROR;
}

enum qd_status store_check_attended(struct db *db, const char *today,
				    void (*fn)(void *ctx, long long person_id, const char *last,
					       const char *first),
				    void *ctx)
{
	struct sql_stmt *st = db_stmt(db, STORE_SQL(db, CHECK_ATTENDED_SQL("CROSS JOIN"),
						    CHECK_ATTENDED_SQL("JOIN")));
	store_bind_text(st, 1, today);
	int rc;
	while ((rc = sql_step(st)) == SQL_ROW)
		fn(ctx, sql_column_int64(st, 0), sql_column_text(st, 1), sql_column_text(st, 2));
	sql_reset(st);
	return rc == SQL_DONE ? QD_OK : QD_DBERROR;
}

enum qd_status store_check_kinds(struct db *db, const char *today,
				 void (*fn)(void *ctx, long long org_id, const char *type,
					    const char *cell, const char *first),
				 void *ctx)
{
	struct sql_stmt *st = db_stmt(db, CHECK_KINDS_SQL);
	store_bind_text(st, 1, today);
	int rc;
	while ((rc = sql_step(st)) == SQL_ROW) {
		const char *cell = sql_column_text(st, 2);
		fn(ctx, sql_column_int64(st, 0), sql_column_text(st, 1), cell ? cell : "",
		   sql_column_text(st, 3));
	}
	sql_reset(st);
	return rc == SQL_DONE ? QD_OK : QD_DBERROR;
}

enum qd_status store_check_hours(struct db *db, const char *first, const char *last,
				 void (*fn)(void *ctx, long long person_id, double hours),
				 void *ctx)
{
	struct sql_stmt *st = db_stmt(db, STORE_SQL(db, CHECK_HOURS_SQL("CROSS JOIN"),
						    CHECK_HOURS_SQL("JOIN")));
	store_bind_text(st, 1, first);
	store_bind_text(st, 2, last);
	int rc;
	while ((rc = sql_step(st)) == SQL_ROW)
		fn(ctx, sql_column_int64(st, 0), sql_column_double(st, 1));
	sql_reset(st);
	return rc == SQL_DONE ? QD_OK : QD_DBERROR;
}

void store_check_hot_queries(int dialect, void (*fn)(void *ctx, const char *name, const char *sql),
			     void *ctx)
{
	fn(ctx, "meeting check: orgs", CHECK_ORGS_SQL);
	fn(ctx, "meeting members: people", CHECK_PEOPLE_SQL);
	fn(ctx, "meeting members: attended", dialect == DB_PG ? CHECK_ATTENDED_SQL("JOIN")
							      : CHECK_ATTENDED_SQL("CROSS JOIN"));
	fn(ctx, "meeting members: kinds held", CHECK_KINDS_SQL);
	fn(ctx, "meeting hours", dialect == DB_PG ? CHECK_HOURS_SQL("JOIN")
						  : CHECK_HOURS_SQL("CROSS JOIN"));
}
