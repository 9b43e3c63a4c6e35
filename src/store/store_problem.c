/* store_problem.c — every query of 问题清单 → 整改清单: the lists by kind,
 * problems with their derived counts and status, the measure links and the
 * 回访.  Part of the storage module (store_problem.h); the rules live in
 * src/problem.c.  Statements are constant text in the SQL both dialects
 * take; parameters compared with a literal carry a CAST so PostgreSQL
 * deduces one type for them. */
#include "qingdan/store_problem.h"

#include "sql.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qingdan/db.h"
#include "store_impl.h"

/* ---- lists by kind ---- */

enum qd_status store_list_ensure_kind(struct db *db, long long org_id, int year, const char *kind,
				      const char *title, long long *list_id, int *created)
{
	*created = 0;
	struct sql_stmt *st = db_stmt(db,
		"SELECT id FROM list WHERE org_id = ?1 AND year = ?2 AND kind = ?3");
	sql_bind_int64(st, 1, org_id);
	sql_bind_int(st, 2, year);
	store_bind_text(st, 3, kind);
	int rc = sql_step(st);
	if (rc == SQL_ROW) {
		*list_id = sql_column_int64(st, 0);
		sql_reset(st);
		return QD_OK;
	}
	sql_reset(st);
	if (rc != SQL_DONE)
		return QD_DBERROR;
	st = db_stmt(db, "INSERT INTO list(org_id, year, title, kind) VALUES (?1, ?2, ?3, ?4) "
			 "RETURNING id");
	sql_bind_int64(st, 1, org_id);
	sql_bind_int(st, 2, year);
	store_bind_text(st, 3, title);
	store_bind_text(st, 4, kind);
	enum qd_status s = store_insert(db, st, list_id);
	*created = s == QD_OK;
	return s;
}

/* ---- problems ---- */

/* A problem's live measures (not deleted, not cancelled) with one more
 * condition on the item i. */
#define MEASURES_WHERE(cond) \
	"(SELECT count(*) FROM problem_measure pm JOIN item i ON i.id = pm.item_id " \
	"WHERE pm.problem_id = pb.id AND i.deleted_at IS NULL AND i.status <> 'cancelled'" cond ")"

/* The problem columns with the derived counts (x), then names and status. */
#define PROBLEM_INNER \
	"SELECT pb.id, pb.org_id, pb.year, pb.source, pb.raised_on, pb.category, pb.text, " \
	"pb.raiser_id, pb.raiser_name, pb.contact, pb.meeting_id, pb.closed_on, pb.closed_by, " \
	"pb.version, pb.created_at, pb.updated_at, pb.deleted_at, " \
	MEASURES_WHERE("") " AS n_all, " \
	MEASURES_WHERE(" AND i.status = 'done'") " AS n_done, " \
	MEASURES_WHERE(" AND i.status IN ('in_progress','submitted')") " AS n_active, " \
	MEASURES_WHERE(" AND i.status IN ('planned','in_progress','submitted') AND i.due < :today") \
	" AS n_overdue, " \
	"(SELECT count(*) FROM problem_feedback f WHERE f.problem_id = pb.id) AS n_fb, " \
	"coalesce((SELECT f.satisfied FROM problem_feedback f WHERE f.problem_id = pb.id " \
	"ORDER BY f.on_date DESC, f.id DESC LIMIT 1), -1) AS sat " \
	"FROM problem pb "
#define PROBLEM_OUTER_HEAD \
	"SELECT x.id, x.org_id, x.year, x.source, x.raised_on, x.category, x.text, x.raiser_id, " \
	"coalesce(rp.name, x.raiser_name), x.contact, x.meeting_id, coalesce(x.closed_on, ''), " \
	"x.closed_by, coalesce(cp.name, ''), x.version, x.created_at, x.updated_at, x.deleted_at, " \
	"x.n_all, x.n_done, x.n_active, x.n_overdue, x.n_fb, x.sat, o.name FROM ("
#define PROBLEM_OUTER_TAIL \
	") x JOIN org o ON o.id = x.org_id LEFT JOIN person rp ON rp.id = x.raiser_id " \
	"LEFT JOIN person cp ON cp.id = x.closed_by "

#define MEASURE_IDS_SQL \
	"SELECT pm.item_id FROM problem_measure pm JOIN item i ON i.id = pm.item_id " \
	"WHERE pm.problem_id = ?1 AND i.deleted_at IS NULL ORDER BY i.seq, i.id"
#define ITEM_PROBLEM_SQL "SELECT problem_id FROM problem_measure WHERE item_id = ?1"
#define FEEDBACKS_SQL \
	"SELECT f.id, f.problem_id, f.by_id, f.on_date, coalesce(p.name, ''), f.result, " \
	"f.created_at, f.satisfied FROM problem_feedback f LEFT JOIN person p ON p.id = f.by_id " \
	"WHERE f.problem_id = ?1 ORDER BY f.on_date, f.id"

static void problem_row(struct sql_stmt *st, struct problem *p)
{
	memset(p, 0, sizeof *p);
	p->id = sql_column_int64(st, 0);
	p->org_id = sql_column_int64(st, 1);
	p->year = sql_column_int(st, 2);
	int src = problem_source_parse((const char *)sql_column_text(st, 3));
	p->source = src < 0 ? SRC_OTHER : (enum problem_source)src;
	p->raised_on = store_col(st, 4);
	p->category = store_col(st, 5);
	p->text = store_col(st, 6);
	p->raiser_id = sql_column_int64(st, 7);
	p->raiser_name = store_col(st, 8);
	p->contact = store_col(st, 9);
	p->meeting_id = sql_column_int64(st, 10);
	p->closed_on = store_col(st, 11);
	p->closed_by = sql_column_int64(st, 12);
	p->closed_by_name = store_col(st, 13);
	p->version = sql_column_int(st, 14);
	p->created_at = store_col(st, 15);
	p->updated_at = store_col(st, 16);
	char *deleted = store_col(st, 17);
	p->measures = sql_column_int(st, 18);
	p->done_measures = sql_column_int(st, 19);
	int active = sql_column_int(st, 20);
	p->overdue_measures = sql_column_int(st, 21);
	p->feedbacks = sql_column_int(st, 22);
	p->satisfied = sql_column_int(st, 23);
	p->org_name = store_col(st, 24);
	char **strs[] = {&p->raised_on, &p->category, &p->text, &p->raiser_name, &p->contact,
			 &p->closed_on, &p->closed_by_name, &p->created_at, &p->updated_at,
			 &p->org_name};
	for (size_t i = 0; i < ARRAY_SIZE(strs); i++)
		if (!*strs[i])
			*strs[i] = xstrdup("");
	p->needs_feedback = p->raiser_id > 0 || p->raiser_name[0];
	/* the status (problem.h): never stored */
	if (p->closed_on[0])
		p->status = PB_CLOSED;
	else if (p->measures > 0 && p->done_measures == p->measures)
		p->status = PB_RECTIFIED;
	else if (p->done_measures > 0 || active > 0)
		p->status = PB_RECTIFYING;
	else
		p->status = PB_OPEN;
	p->deleted_at = deleted;   /* NULL unless deleted */
}

enum qd_status store_problem_get(struct db *db, long long id, const char *today, struct problem *p)
{
	struct sql_stmt *st = db_stmt(db, PROBLEM_OUTER_HEAD PROBLEM_INNER "WHERE pb.id = :id"
				      PROBLEM_OUTER_TAIL);
	bind_int(st, ":id", id);
	bind_text(st, ":today", today);
	enum qd_status s = QD_NOTFOUND;
	int rc = sql_step(st);
	if (rc == SQL_ROW) {
		problem_row(st, p);
		s = QD_OK;
	} else if (rc != SQL_DONE) {
		s = QD_DBERROR;
	}
	sql_reset(st);
	return s;
}

/* The listing's text for the filters set (bits of PL_*), built once each
 * and kept (db_stmt keeps one statement per text): each filter only when
 * asked, so a year's or an org's problems start from its index. */
enum { PL_YEAR = 1, PL_ORG = 2, PL_SUB = 4, PL_SOURCE = 8, PL_PERSON = 16, PL__ALL = 32 };

static const char *problem_list_sql(int mask)
{
	static char *texts[PL__ALL];
	if (texts[mask])
		return texts[mask];
	struct strbuf sql = {0};
	if (mask & PL_SUB)
		sb_puts(&sql, "WITH RECURSIVE k(id) AS (SELECT id FROM org WHERE id = :org UNION "
			      "SELECT o.id FROM org o JOIN k ON o.parent_id = k.id) ");
	sb_puts(&sql, PROBLEM_OUTER_HEAD PROBLEM_INNER "WHERE pb.deleted_at IS NULL");
	if (mask & PL_YEAR)
		sb_puts(&sql, " AND pb.year = :year");
	if (mask & PL_SUB)
		sb_puts(&sql, " AND pb.org_id IN (SELECT id FROM k)");
	else if (mask & PL_ORG)
		sb_puts(&sql, " AND pb.org_id = :org");
	if (mask & PL_SOURCE)
		sb_puts(&sql, " AND pb.source = :source");
	if (mask & PL_PERSON)
		sb_puts(&sql, " AND pb.id IN (SELECT pm.problem_id FROM problem_measure pm "
			      "WHERE pm.item_id IN (" STORE_PICK_ALL "))");
	sb_puts(&sql, PROBLEM_OUTER_TAIL "ORDER BY o.sort, o.id, x.raised_on, x.id");
	texts[mask] = sql.s;
	return texts[mask];
}

void store_problem_hot_queries(void (*fn)(void *ctx, const char *name, const char *sql), void *ctx)
{
	static const struct {
		const char *name;
		int mask;
	} q[] = {
		{"problem list by year", PL_YEAR},
		{"problem list by org", PL_YEAR | PL_ORG},
		{"problem list by org and the orgs under it", PL_YEAR | PL_ORG | PL_SUB},
		{"problem list by source", PL_YEAR | PL_SOURCE},
		{"problem list by person", PL_YEAR | PL_PERSON},
		{"problem list by person, every year", PL_PERSON},
		{"problem list by org, every year", PL_ORG},
	};
	for (size_t i = 0; i < ARRAY_SIZE(q); i++)
		fn(ctx, q[i].name, problem_list_sql(q[i].mask));
	fn(ctx, "problem measures", MEASURE_IDS_SQL);
	fn(ctx, "problem of an item", ITEM_PROBLEM_SQL);
	fn(ctx, "problem feedback", FEEDBACKS_SQL);
}

enum qd_status store_problem_list(struct db *db, const struct problem_filter *f, int subtree,
				  const char *today, struct problem **out, int *n)
{
	int mask = (f->year ? PL_YEAR : 0) | (f->org_id ? PL_ORG : 0) |
		   (f->org_id && subtree ? PL_SUB : 0) | (f->source >= 0 ? PL_SOURCE : 0) |
		   (f->person_id ? PL_PERSON : 0);
	struct sql_stmt *st = db_stmt(db, problem_list_sql(mask));
	bind_text(st, ":today", today);
	bind_int(st, ":year", f->year);
	bind_int(st, ":org", f->org_id);
	bind_text(st, ":source",
		  f->source >= 0 ? problem_source_code((enum problem_source)f->source) : "");
	bind_int(st, ":person", f->person_id);
	*out = NULL;
	*n = 0;
	int rc, cap = 0;
	while ((rc = sql_step(st)) == SQL_ROW) {
		if (*n == cap) {
			cap = cap ? 2 * cap : 16;
			*out = xrealloc(*out, (size_t)cap * sizeof **out);
		}
		struct problem *p = &(*out)[*n];
		problem_row(st, p);
		if ((f->status >= 0 && (int)p->status != f->status) ||
		    (f->overdue && !p->overdue_measures))
			problem_clear(p);
		else
			(*n)++;
	}
	sql_reset(st);
	if (rc != SQL_DONE) {
		problems_free(*out, *n);
		*out = NULL;
		*n = 0;
		return QD_DBERROR;
	}
	return QD_OK;
}

static void bind_vals(struct sql_stmt *st, const struct store_problem_vals *v)
{
	sql_bind_int64(st, 1, v->org_id);
	sql_bind_int(st, 2, v->year);
	store_bind_text(st, 3, v->source);
	store_bind_text(st, 4, v->raised_on);
	store_bind_text(st, 5, v->category ? v->category : "");
	store_bind_text(st, 6, v->text);
	store_bind_id(st, 7, v->raiser_id);
	store_bind_text(st, 8, v->raiser_name ? v->raiser_name : "");
	store_bind_text(st, 9, v->contact ? v->contact : "");
	store_bind_id(st, 10, v->meeting_id);
}

enum qd_status store_problem_insert(struct db *db, const struct store_problem_vals *v,
				    const char *now, long long *id)
{
	struct sql_stmt *st = db_stmt(db,
		"INSERT INTO problem(org_id, year, source, raised_on, category, text, raiser_id, "
		"raiser_name, contact, meeting_id, created_at, updated_at) "
		"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11) RETURNING id");
	bind_vals(st, v);
	store_bind_text(st, 11, now);
	return store_insert(db, st, id);
}

enum qd_status store_problem_update(struct db *db, long long id, int version,
				    const struct store_problem_vals *v, const char *now)
{
	struct sql_stmt *st = db_stmt(db,
		"UPDATE problem SET org_id = ?1, year = ?2, source = ?3, raised_on = ?4, "
		"category = ?5, text = ?6, raiser_id = ?7, raiser_name = ?8, contact = ?9, "
		"meeting_id = ?10, version = version + 1, updated_at = ?11 "
		"WHERE id = ?12 AND version = ?13 AND deleted_at IS NULL");
	bind_vals(st, v);
	store_bind_text(st, 11, now);
	sql_bind_int64(st, 12, id);
	sql_bind_int(st, 13, version);
	return store_changed_one(db, st);
}

enum qd_status store_problem_close(struct db *db, long long id, int version, const char *closed_on,
				   long long closed_by, const char *now)
{
	struct sql_stmt *st = db_stmt(db,
		"UPDATE problem SET closed_on = ?3, closed_by = ?4, version = version + 1, "
		"updated_at = ?5 WHERE id = ?1 AND version = ?2 AND deleted_at IS NULL");
	sql_bind_int64(st, 1, id);
	sql_bind_int(st, 2, version);
	store_bind_text(st, 3, closed_on);
	store_bind_id(st, 4, closed_on ? closed_by : 0);
	store_bind_text(st, 5, now);
	return store_changed_one(db, st);
}

enum qd_status store_problem_soft_delete(struct db *db, long long id, int version, const char *now)
{
	struct sql_stmt *st = db_stmt(db,
		"UPDATE problem SET deleted_at = ?3, version = version + 1, updated_at = ?3 "
		"WHERE id = ?1 AND version = ?2 AND deleted_at IS NULL");
	sql_bind_int64(st, 1, id);
	sql_bind_int(st, 2, version);
	store_bind_text(st, 3, now);
	return store_changed_one(db, st);
}

/* ---- measures ---- */

enum qd_status store_problem_measure_insert(struct db *db, long long problem_id, long long item_id,
					    long long *id)
{
	struct sql_stmt *st = db_stmt(db,
		"INSERT INTO problem_measure(problem_id, item_id) VALUES (?1, ?2) RETURNING id");
	sql_bind_int64(st, 1, problem_id);
	sql_bind_int64(st, 2, item_id);
	return store_insert(db, st, id);
}

enum qd_status store_problem_measure_ids(struct db *db, long long problem_id, long long **ids,
					 int *n)
{
	struct sql_stmt *st = db_stmt(db, MEASURE_IDS_SQL);
	sql_bind_int64(st, 1, problem_id);
	*ids = NULL;
	*n = 0;
	int rc;
	while ((rc = sql_step(st)) == SQL_ROW) {
		*ids = xrealloc(*ids, (size_t)(*n + 1) * sizeof **ids);
		(*ids)[(*n)++] = sql_column_int64(st, 0);
	}
	sql_reset(st);
	if (rc != SQL_DONE) {
		free(*ids);
		*ids = NULL;
		*n = 0;
		return QD_DBERROR;
	}
	return QD_OK;
}

enum qd_status store_item_problem(struct db *db, long long item_id, long long *problem_id)
{
	struct sql_stmt *st = db_stmt(db, ITEM_PROBLEM_SQL);
	sql_bind_int64(st, 1, item_id);
	*problem_id = 0;
	int rc = sql_step(st);
	if (rc == SQL_ROW)
		*problem_id = sql_column_int64(st, 0);
	sql_reset(st);
	return rc == SQL_ROW || rc == SQL_DONE ? QD_OK : QD_DBERROR;
}

/* ---- 回访 ---- */

enum qd_status store_problem_feedback_insert(struct db *db, long long problem_id, const char *on,
					     long long by_id, const char *result, int satisfied,
					     const char *now, long long *id)
{
	struct sql_stmt *st = db_stmt(db,
		"INSERT INTO problem_feedback(problem_id, on_date, by_id, result, satisfied, created_at) "
		"VALUES (?1, ?2, ?3, ?4, ?5, ?6) RETURNING id");
	sql_bind_int64(st, 1, problem_id);
	store_bind_text(st, 2, on);
	store_bind_id(st, 3, by_id);
	store_bind_text(st, 4, result);
	sql_bind_int(st, 5, satisfied ? 1 : 0);
	store_bind_text(st, 6, now);
	return store_insert(db, st, id);
}

enum qd_status store_problem_feedbacks(struct db *db, long long problem_id,
				       struct problem_feedback **out, int *n)
{
	struct sql_stmt *st = db_stmt(db, FEEDBACKS_SQL);
	sql_bind_int64(st, 1, problem_id);
	*out = NULL;
	*n = 0;
	int rc;
	while ((rc = sql_step(st)) == SQL_ROW) {
		*out = xrealloc(*out, (size_t)(*n + 1) * sizeof **out);
		struct problem_feedback *f = &(*out)[(*n)++];
		memset(f, 0, sizeof *f);
		f->id = sql_column_int64(st, 0);
		f->problem_id = sql_column_int64(st, 1);
		f->by_id = sql_column_int64(st, 2);
		f->on_date = store_col(st, 3);
		f->by_name = store_col(st, 4);
		f->result = store_col(st, 5);
		f->created_at = store_col(st, 6);
		f->satisfied = sql_column_int(st, 7);
	}
	sql_reset(st);
	if (rc != SQL_DONE) {
		problem_feedbacks_free(*out, *n);
		*out = NULL;
		*n = 0;
		return QD_DBERROR;
	}
	return QD_OK;
}
