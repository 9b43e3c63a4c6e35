/* store_list.c — the listings behind `item list`, `person list`, `org list`,
 * `stats` and `audit list`, streamed to a rowsink.  Part of the storage
 * module (store.h).
 *
 * Each listing is one SELECT whose result columns are named like the tsv
 * header.  For JSON each row becomes one object keyed like the header,
 * written in C (json.c) from the same columns: numbers by their column
 * type, text escaped as SQLite's json_object() escapes it, on any backend.
 * User text only ever reaches SQL through bound parameters. */
#include "qingdan/store.h"

#include "sql.h"
#include <stdlib.h>
#include <string.h>

#include "qingdan/db.h"
#include "qingdan/norm.h"
#include "qingdan/store_meeting.h"
#include "qingdan/store_problem.h"
#include "qingdan/store_meeting_check.h"
#include "db_impl.h"
#include "qingdan/store_problem_print.h"
#include "qingdan/store_remind.h"
#include "json.h"
#include "store_impl.h"

struct bind {
	const char *name;
	const char *text;     /* bound as text when non-NULL */
	long long num;        /* else bound as integer when has_num */
	int has_num;
};

enum qd_status store_run_listing(struct db *db, const char *inner, const char *const *cols,
				 int ncol, void (*bind)(struct sql_stmt *st, const void *ctx),
				 const void *ctx, struct rowsink *s, struct strbuf *err)
{
	struct sql_stmt *st = NULL;
	enum qd_status status = QD_OK;
	if (sql_prepare(db, inner, &st) != SQL_OK) {
		status = db_error(db, err);
		goto cleanup;
	}
	bind(st, ctx);
	s->header(s, ncol, cols);
	const char **vals = xcalloc((size_t)ncol, sizeof *vals);
	struct strbuf json = {0};
	int rc;
	while ((rc = sql_step(st)) == SQL_ROW) {
		/* the JSON first: it reads each column by its type */
		if (s->want_json) {
			sb_reset(&json);
			json_row(&json, st, 0, cols, ncol);
		}
		for (int i = 0; i < ncol; i++) {
			const char *t = sql_column_text(st, i);
			vals[i] = t ? (const char *)t : "";
		}
		s->row(s, vals, s->want_json ? json.s : NULL);
	}
	free(vals);
	sb_free(&json);
	if (rc != SQL_DONE)
		status = db_error(db, err);
cleanup:
	sql_finalize(st);
	return status;
}

struct binds {
	const struct bind *b;
	int n;
};

/* Bind named parameters; names the statement does not use are skipped. */
static void bind_named(struct sql_stmt *st, const void *ctx)
{
	const struct binds *bs = ctx;
	for (int i = 0; i < bs->n; i++) {
		int idx = sql_param_index(st, bs->b[i].name);
		if (!idx)
			continue;
		if (bs->b[i].text)
			sql_bind_text(st, idx, bs->b[i].text, -1);
		else if (bs->b[i].has_num)
			sql_bind_int64(st, idx, bs->b[i].num);
	}
}

static enum qd_status run_listing(struct db *db, const char *inner, const char *const *cols,
				  int ncol, const struct bind *b, int nbind, struct rowsink *s,
				  struct strbuf *err)
{
	const struct binds bs = {b, nbind};
	return store_run_listing(db, inner, cols, ncol, bind_named, &bs, s, err);
}

/* The three count, quote and escape the search text in its normal form
 * (norm.h), the form the index and search_text hold. */
int store_utf8_chars(const char *text)
{
	int n = 0;
	char *norm = norm_search(text);
	for (const char *s = norm; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	free(norm);
	return n;
}

char *store_fts_phrase(const char *text)
{
	struct strbuf b = {0};
	char *norm = norm_search(text);
	sb_putc(&b, '"');
	for (const char *s = norm; *s; s++) {
		if (*s == '"')
			sb_putc(&b, '"');
		sb_putc(&b, *s);
	}
	sb_putc(&b, '"');
	free(norm);
	return sb_take(&b);
}

char *store_like_pattern(const char *text)
{
	struct strbuf b = {0};
	char *norm = norm_search(text);
	sb_putc(&b, '%');
	for (const char *s = norm; *s; s++) {
		if (*s == '%' || *s == '_' || *s == '\\')
			sb_putc(&b, '\\');
		sb_putc(&b, *s);
	}
	sb_putc(&b, '%');
	free(norm);
	return sb_take(&b);
}

int store_search_fts(int dialect, int narrow, const char *text)
{
	return dialect == DB_SQLITE && !narrow && store_utf8_chars(text) >= 3;
}

const char *store_search_sql(int dialect, int narrow, int year, const char *text)
{
	if (dialect == DB_PG)
		return " AND coalesce(i.search_text, i.content) ILIKE :q ESCAPE '\\'";
	if (store_search_fts(dialect, narrow, text))
		return year ? STORE_FTS_IN_RANGE : STORE_FTS_IN;
	return " AND coalesce(i.search_text, i.content) LIKE :q ESCAPE '\\'";
}

char *store_search_pattern(int dialect, int narrow, const char *text)
{
	return store_search_fts(dialect, narrow, text) ? store_fts_phrase(text)
						       : store_like_pattern(text);
}

#define NUM(n, v) {n, NULL, (v), 1}
#define TXT(n, v) {n, (v), 0, 0}

/* item list --periods (period.h): how often the item repeats and its done
 * periods, space-separated in the year's order ("Q1 Q3"), as two columns
 * after flags. */
#define ITEM_PERIODS_SQLITE \
	", coalesce(i.every, '') AS every, " STORE_PERIODS_DONE_SQLITE " AS periods"
#define ITEM_PERIODS_PG ", coalesce(i.every, '') AS every, " STORE_PERIODS_DONE_PG " AS periods"

/* The SELECT of store_item_list for a filter (shared with the plan test
 * through store_hot_queries). */
static void item_list_sql(struct strbuf *sql, int dialect, const struct item_filter *f)
{
	/* a person's items start from the owner and lead indexes (PICK), never
	 * from the year's lists: SQLite's CROSS JOIN keeps item the outer loop */
	sb_printf(sql, "SELECT i.id AS id, o.name AS org, l.year AS year, i.seq AS seq, "
		       "i.category AS category, i.content AS content, coalesce(ow.name, '') AS owner, "
		       "coalesce(ld.name, '') AS lead, coalesce(i.due, '') AS due, i.status AS status, "
		       FLAGS_SQL " AS flags, coalesce(i.due_text, '') AS due_text%s "
		       "FROM item i %s list l ON l.id = i.list_id "
		       "JOIN org o ON o.id = l.org_id LEFT JOIN person ow ON ow.id = i.owner_id "
		       "LEFT JOIN person ld ON ld.id = i.lead_id WHERE i.deleted_at IS NULL",
		  !f->periods ? "" : dialect == DB_PG ? ITEM_PERIODS_PG : ITEM_PERIODS_SQLITE,
		  f->person_id ? store_join_hint(dialect) : "JOIN");
	sb_puts(sql, store_kind_sql(f->kind));
	if (f->year)
		sb_puts(sql, " AND l.year = :year");
	if (f->org_id)
		sb_puts(sql, " AND l.org_id = :org");
	if (f->owner_id)
		sb_puts(sql, " AND i.owner_id = :owner");
	if (f->person_id)
		sb_printf(sql, " AND i.id IN (%s)", f->year ? STORE_PICK_YEAR : STORE_PICK_ALL);
	if (f->status >= 0)
		sb_puts(sql, " AND i.status = :status");
	if (f->overdue)
		sb_puts(sql, " AND i.due < :today AND i.status IN ('planned','in_progress','submitted')");
	if (f->due_soon)
		sb_puts(sql, " AND i.due >= :today AND i.due <= :soon "
			     "AND i.status IN ('planned','in_progress','submitted')");
	if (f->category)
		sb_puts(sql, " AND i.category = :category");
	if (f->search && *f->search)
		sb_puts(sql, store_search_sql(dialect, f->person_id || f->org_id, f->year, f->search));
	sb_puts(sql, " ORDER BY o.sort, o.id, l.year, i.seq");
}

enum qd_status store_item_list(struct db *db, const struct item_filter *f, struct rowsink *s,
			       struct strbuf *err)
{
	static const char *const cols[] = {"id", "org", "year", "seq", "category", "content",
					   "owner", "lead", "due", "status", "flags", "due_text",
					   "every", "periods"};
	struct strbuf sql = {0};
	int dialect = db_dialect(db), narrow = f->person_id || f->org_id;
	item_list_sql(&sql, dialect, f);
	/* one org's or one person's items are few: LIKE as they are read (see
	 * store_page.c use_fts); the whole year or file: the FTS5 index */
	char *pattern = NULL;
	long long lo = 1, hi = 0, l0 = 1, l1 = 0;
	if (f->person_id && f->year)
		store_list_range(db, f->year, &l0, &l1);
	if (f->search && *f->search) {
		pattern = store_search_pattern(dialect, narrow, f->search);
		if (f->year && store_search_fts(dialect, narrow, f->search))
			store_id_range(db, f->year, f->org_id, &lo, &hi);
	}
	const struct bind b[] = {
		NUM(":lo", lo), NUM(":hi", hi), NUM(":l0", l0), NUM(":l1", l1),
		NUM(":year", f->year), NUM(":org", f->org_id), NUM(":owner", f->owner_id),
		NUM(":person", f->person_id),
		TXT(":status", f->status >= 0 ? status_code((enum item_status)f->status) : NULL),
		TXT(":today", f->today), TXT(":soon", f->soon), TXT(":category", f->category),
		TXT(":q", pattern),
	};
	enum qd_status st = run_listing(db, sql.s, cols, (int)ARRAY_SIZE(cols) - (f->periods ? 0 : 2),
					b, (int)ARRAY_SIZE(b), s, err);
	free(pattern);
	sb_free(&sql);
	return st;
}

#define ORG_LIST_SQL \
	"SELECT o.id AS id, o.name AS name, o.level AS level, coalesce(p.name, '') AS parent, " \
	"(SELECT count(*) FROM item i JOIN list l ON l.id = i.list_id WHERE l.org_id = o.id " \
	"AND l.year = :year" STORE_KIND_DUTY_SQL " AND i.deleted_at IS NULL) AS items " \
	"FROM org o LEFT JOIN org p ON p.id = o.parent_id ORDER BY o.sort, o.id"

enum qd_status store_org_list(struct db *db, int year, struct rowsink *s, struct strbuf *err)
{
	static const char *const cols[] = {"id", "name", "level", "parent", "items"};
	const struct bind b[] = {NUM(":year", year)};
	return run_listing(db, ORG_LIST_SQL, cols, (int)ARRAY_SIZE(cols), b, 1, s, err);
}

/* The categories in their order (issue 13), with the year's live items of
 * each. */
enum qd_status store_category_list(struct db *db, int year, struct rowsink *s, struct strbuf *err)
{
	static const char *const cols[] = {"id", "name", "sort", "items"};
	const struct bind b[] = {NUM(":year", year)};
	return run_listing(db,
			   "SELECT c.id AS id, c.name AS name, c.sort AS sort, "
			   "(SELECT count(*) FROM item i JOIN list l ON l.id = i.list_id "
			   "WHERE i.category = c.name AND l.year = :year AND i.deleted_at IS NULL) AS items "
			   "FROM category c ORDER BY c.sort, c.name",
			   cols, (int)ARRAY_SIZE(cols), b, 1, s, err);
}

/* Duty items where the person is owner or lead, each once, for the year. */
#define PERSON_ITEMS_SQL \
	"SELECT i.owner_id AS pid, i.status, i.due FROM item i JOIN list l ON l.id = i.list_id " \
	"WHERE l.year = :year" STORE_KIND_DUTY_SQL " AND i.deleted_at IS NULL " \
	"AND i.owner_id IS NOT NULL " \
	"UNION ALL SELECT i.lead_id, i.status, i.due FROM item i JOIN list l ON l.id = i.list_id " \
	"WHERE l.year = :year" STORE_KIND_DUTY_SQL " AND i.deleted_at IS NULL " \
	"AND i.lead_id IS NOT NULL " \
	"AND i.lead_id IS DISTINCT FROM i.owner_id"

#define OPEN_SQL(a) a "status IN ('planned','in_progress','submitted')"

#define PERSON_LIST_SQL \
	"SELECT p.id AS id, p.name AS name, p.post AS post, coalesce(o.name, '') AS org, " \
	"coalesce(p.login, '') AS login, p.is_admin AS admin, p.active AS active, " \
	"coalesce(c.n, 0) AS items, coalesce(c.done, 0) AS done, " \
	"coalesce(c.overdue, 0) AS overdue, coalesce(m.party, 'full') AS party, " \
	"coalesce(m.committee, '') AS committee, coalesce(m.cell, '') AS cell " \
	"FROM person p LEFT JOIN org o ON o.id = p.org_id LEFT JOIN member m ON m.person_id = p.id " \
	"LEFT JOIN (SELECT pid, count(*) AS n, count(CASE WHEN status = 'done' THEN 1 END) AS done, " \
	"count(CASE WHEN due < :today AND " OPEN_SQL("") " THEN 1 END) AS overdue " \
	"FROM (" PERSON_ITEMS_SQL ") pick GROUP BY pid) c ON c.pid = p.id " \
	"ORDER BY p.sort_key, p.name, p.id"

enum qd_status store_person_list(struct db *db, int year, const char *today, struct rowsink *s,
				 struct strbuf *err)
{
	static const char *const cols[] = {"id", "name", "post", "org", "login", "admin",
					   "active", "items", "done", "overdue", "party", "committee", "cell"};
	const struct bind b[] = {NUM(":year", year), TXT(":today", today)};
	return run_listing(db, PERSON_LIST_SQL, cols, (int)ARRAY_SIZE(cols), b, (int)ARRAY_SIZE(b),
			   s, err);
}

/* Counting columns shared by every stats grouping (items aliased i). */
#define STATS_COUNTS \
	"count(CASE WHEN i.status <> 'cancelled' THEN 1 END) AS total, " \
	"count(CASE WHEN i.status = 'done' THEN 1 END) AS done, " \
	"count(CASE WHEN i.due < :today AND " OPEN_SQL("i.") " THEN 1 END) AS overdue, " \
	"count(CASE WHEN i.status = 'done' AND i.done_on > i.due THEN 1 END) AS late, " \
	"coalesce(CAST(round(100.0 * count(CASE WHEN i.status = 'done' THEN 1 END) / " \
	"nullif(count(CASE WHEN i.status <> 'cancelled' THEN 1 END), 0)) AS INTEGER), 0) AS completion"

#define PLEDGE_COUNT(cond, states) \
	"(SELECT count(*) FROM pledge g JOIN person sp ON sp.id = g.signer_id WHERE g.year = :year " \
	"AND " cond " AND g.status IN " states ")"
#define SIGNED_STATES "('signed','assessed','archived')"
#define ISSUED_STATES "('issued','signed','assessed','archived')"

/* ---- stats by person ----
 * The year's items grouped by owner: SQL's GROUP BY sorts the 100k rows
 * of the year at L (70–100 ms of 130), so the counts are kept here in one
 * array indexed by person id (its size follows the people, not the items)
 * while the year's items stream from the covering index item_stats; then
 * the people stream in name order (sort_key) and each owner with items
 * becomes a row. */

/* The year's items of one kind of list (K: a store_kind_sql text). */
#define STATS_ITEMS_KIND_SQL(K) \
	"SELECT i.owner_id, i.status, i.due, i.done_on FROM list l JOIN item i " \
	"ON i.list_id = l.id WHERE l.year = :year" K " AND i.deleted_at IS NULL " \
	"AND i.owner_id IS NOT NULL"
#define STATS_ITEMS_SQL STATS_ITEMS_KIND_SQL(STORE_KIND_DUTY_SQL)
#define STATS_PLEDGES_SQL \
	"SELECT signer_id, CASE WHEN status IN " SIGNED_STATES " THEN 1 ELSE 0 END, " \
	"CASE WHEN status IN " ISSUED_STATES " THEN 1 ELSE 0 END FROM pledge WHERE year = :year"
#define STATS_MAX_PERSON_SQL "SELECT coalesce(max(id), 0) FROM person"
/* People in name order straight off person_sort (sort_key, id, name:
 * migration 11), the index alone: people of one key have one name (the key
 * is the name's collation key), so name as a middle key only sorted each
 * run of homonyms again */
#define STATS_PEOPLE_SQL "SELECT id, name FROM person ORDER BY sort_key, id"

/* Decimal digits of v into buf (24 bytes); returns buf. */
static const char *fmt_ll(char *buf, long long v)
{
	char tmp[24];
	int n = 0, neg = v < 0;
	unsigned long long u = neg ? 0ULL - (unsigned long long)v : (unsigned long long)v;
	do
		tmp[n++] = (char)('0' + u % 10);
	while (u /= 10);
	int k = 0;
	if (neg)
		buf[k++] = '-';
	while (n)
		buf[k++] = tmp[--n];
	buf[k] = '\0';
	return buf;
}

struct tally {
	int total, done, overdue, late, live, signed_, issued;
};

static const char *stats_items_sql(int kind)
{
	return kind == STORE_KIND_ALL ? STATS_ITEMS_KIND_SQL("")
	       : kind == STORE_KIND_RECTIFY ? STATS_ITEMS_KIND_SQL(STORE_KIND_RECTIFY_SQL)
					    : STATS_ITEMS_SQL;
}

static int tally_items(struct db *db, int year, const char *today, int kind, struct tally *t,
		       long long max)
{
	struct sql_stmt *st = db_stmt(db, stats_items_sql(kind));
	sql_bind_int(st, 1, year);
	int rc;
	while ((rc = sql_step(st)) == SQL_ROW) {
		long long id = sql_column_int64(st, 0);
		const char *status = (const char *)sql_column_text(st, 1);
		const char *due = (const char *)sql_column_text(st, 2);
		const char *done_on = (const char *)sql_column_text(st, 3);
		if (id < 1 || id > max || !status)
			continue;
		struct tally *p = &t[id];
		int open = status[0] == 'p' || status[0] == 'i' || status[0] == 's';
		int done = strcmp(status, "done") == 0;
		p->total++;
		p->done += done;
		p->live += strcmp(status, "cancelled") != 0;
		p->overdue += open && due && today && strcmp(due, today) < 0;
		p->late += done && due && done_on && strcmp(done_on, due) > 0;
	}
	sql_reset(st);
	if (rc != SQL_DONE)
		return -1;
	st = db_stmt(db, STATS_PLEDGES_SQL);
	sql_bind_int(st, 1, year);
	while ((rc = sql_step(st)) == SQL_ROW) {
		long long id = sql_column_int64(st, 0);
		if (id >= 1 && id <= max) {
			t[id].signed_ += sql_column_int(st, 1);
			t[id].issued += sql_column_int(st, 2);
		}
	}
	sql_reset(st);
	return rc == SQL_DONE ? 0 : -1;
}

static enum qd_status stats_by_person(struct db *db, int year, const char *today, int kind,
				      const char *const *cols, int ncol, struct rowsink *s,
				      struct strbuf *err)
{
	struct sql_stmt *st = db_stmt(db, STATS_MAX_PERSON_SQL);
	long long max = sql_step(st) == SQL_ROW ? sql_column_int64(st, 0) : 0;
	sql_reset(st);
	struct tally *t = xcalloc((size_t)max + 1, sizeof *t);
	if (tally_items(db, year, today, kind, t, max) != 0) {
		free(t);
		return db_error(db, err);
	}
	s->header(s, ncol, cols);
	struct strbuf json = {0};
	st = db_stmt(db, STATS_PEOPLE_SQL);
	char num[9][24];
	const char *vals[9];
	int rc;
	while ((rc = sql_step(st)) == SQL_ROW) {
		long long id = sql_column_int64(st, 0);
		if (id < 1 || id > max || !t[id].total)
			continue;
		const struct tally *p = &t[id];
		int completion = p->live ? (int)(100.0 * p->done / p->live + 0.5) : 0;
		const long long v[9] = {id, 0, p->live, p->done, p->overdue, p->late, completion,
					p->signed_, p->issued};
		const char *name = sql_column_text(st, 1);
		for (int i = 0; i < 9; i++)
			vals[i] = fmt_ll(num[i], v[i]);
		vals[1] = name ? (const char *)name : "";
		if (s->want_json) {
			sb_reset(&json);
			sb_putc(&json, '{');
			for (int i = 0; i < 9; i++) {
				json_key(&json, cols[i]);
				if (i == 1)
					json_text(&json, vals[1]);
				else
					json_int(&json, v[i]);
			}
			sb_putc(&json, '}');
		}
		s->row(s, vals, s->want_json ? json.s : NULL);
	}
	sql_reset(st);
	sb_free(&json);
	free(t);
	return rc == SQL_DONE ? QD_OK : db_error(db, err);
}

/* by org and by category: a few hundred groups, one query each; K the
 * kind of list (a store_kind_sql text); categories in the table's order */
#define STATS_CATEGORY_SQL(K) \
	"SELECT '' AS id, i.category AS \"group\", " STATS_COUNTS ", " \
	"'' AS pledges_signed, '' AS pledges_issued " \
	"FROM item i JOIN list l ON l.id = i.list_id " \
	"WHERE l.year = :year" K " AND i.deleted_at IS NULL GROUP BY i.category " \
	"ORDER BY " STORE_CATEGORY_ORDER("i.category")
#define STATS_ORG_SQL(K) \
	"SELECT o.id AS id, o.name AS \"group\", " STATS_COUNTS ", " \
	PLEDGE_COUNT("sp.org_id = o.id", SIGNED_STATES) " AS pledges_signed, " \
	PLEDGE_COUNT("sp.org_id = o.id", ISSUED_STATES) " AS pledges_issued " \
	"FROM org o LEFT JOIN list l ON l.org_id = o.id AND l.year = :year" K " " \
	"LEFT JOIN item i ON i.list_id = l.id AND i.deleted_at IS NULL " \
	"GROUP BY o.id ORDER BY o.sort, o.id"

static const char *stats_sql(const char *by, int kind)
{
	if (strcmp(by, "category") == 0)
		return kind == STORE_KIND_ALL ? STATS_CATEGORY_SQL("")
		       : kind == STORE_KIND_RECTIFY ? STATS_CATEGORY_SQL(STORE_KIND_RECTIFY_SQL)
						    : STATS_CATEGORY_SQL(STORE_KIND_DUTY_SQL);
	return kind == STORE_KIND_ALL ? STATS_ORG_SQL("")
	       : kind == STORE_KIND_RECTIFY ? STATS_ORG_SQL(STORE_KIND_RECTIFY_SQL)
					    : STATS_ORG_SQL(STORE_KIND_DUTY_SQL);
}

enum qd_status store_stats(struct db *db, int year, const char *today, const char *by,
			   struct rowsink *s, struct strbuf *err)
{
	return store_stats_kind(db, year, today, by, STORE_KIND_DUTY, s, err);
}

enum qd_status store_stats_kind(struct db *db, int year, const char *today, const char *by,
				int kind, struct rowsink *s, struct strbuf *err)
{
	static const char *const cols[] = {"id", "group", "total", "done", "overdue", "late",
					   "completion", "pledges_signed", "pledges_issued"};
	if (strcmp(by, "person") == 0)
		return stats_by_person(db, year, today, kind, cols, (int)ARRAY_SIZE(cols), s, err);
	const struct bind b[] = {NUM(":year", year), TXT(":today", today)};
	return run_listing(db, stats_sql(by, kind), cols, (int)ARRAY_SIZE(cols), b, (int)ARRAY_SIZE(b),
			   s, err);
}

enum qd_status store_audit_list(struct db *db, const char *entity, long long id,
				struct rowsink *s, struct strbuf *err)
{
	static const char *const cols[] = {"id", "at", "login", "person", "action", "entity",
					   "entity_id", "detail"};
	struct strbuf sql = {0};
	sb_puts(&sql, "SELECT a.seq AS id, a.at AS at, a.login AS login, coalesce(p.name, '') AS person, "
		      "a.action AS action, a.entity AS entity, a.entity_id AS entity_id, "
		      "a.detail AS detail FROM audit a LEFT JOIN person p ON p.id = a.person_id WHERE 1 = 1");
	if (entity)
		sb_puts(&sql, " AND a.entity = :entity");
	if (id)
		sb_puts(&sql, " AND a.entity_id = :id");
	sb_puts(&sql, " ORDER BY a.seq");
	const struct bind b[] = {TXT(":entity", entity), NUM(":id", id)};
	enum qd_status st = run_listing(db, sql.s, cols, (int)ARRAY_SIZE(cols), b, 2, s, err);
	sb_free(&sql);
	return st;
}

struct setting_keys {
	const char *const *keys, *const *meanings;
	int n;
};

static void bind_setting_keys(struct sql_stmt *st, const void *ctx)
{
	const struct setting_keys *k = ctx;
	for (int i = 0; i < k->n; i++) {
		sql_bind_text(st, 2 * i + 1, k->keys[i], -1);
		sql_bind_text(st, 2 * i + 2, k->meanings[i], -1);
	}
}

enum qd_status store_setting_list(struct db *db, const char *const *keys,
				  const char *const *meanings, int n, struct rowsink *s,
				  struct strbuf *err)
{
	static const char *const cols[] = {"key", "value", "meaning"};
	struct strbuf sql = {0};
	sb_puts(&sql, "WITH k(ord, key, meaning) AS (VALUES ");
	for (int i = 0; i < n; i++)
		sb_printf(&sql, "%s(%d, ?, ?)", i ? ", " : "", i);
	sb_puts(&sql, ") SELECT k.key AS key, coalesce(s.value, '') AS value, k.meaning AS meaning "
		      "FROM k LEFT JOIN setting s ON s.key = k.key ORDER BY k.ord");
	const struct setting_keys ctx = {keys, meanings, n};
	enum qd_status st = store_run_listing(db, sql.s, cols, 3, bind_setting_keys, &ctx, s, err);
	sb_free(&sql);
	return st;
}

/* ---- one item in full (item show --format tsv|csv|json) ---- */

#define ITEM_SHOW_COLS(_) \
	_("id", "i.id") _("org", "o.name") _("year", "l.year") _("seq", "i.seq") \
	_("category", "i.category") _("content", "i.content") \
	_("owner", "coalesce(ow.name, '')") _("lead", "coalesce(ld.name, '')") \
	_("due", "coalesce(i.due, '')") _("status", "i.status") _("flags", FLAGS_SQL) \
	_("measures", "i.measures") _("standard", "i.standard") \
	_("due_text", "coalesce(i.due_text, '')") _("done_on", "coalesce(i.done_on, '')") \
	_("owner_id", "i.owner_id") _("lead_id", "i.lead_id") _("version", "i.version") \
	_("created_at", "i.created_at") _("updated_at", "i.updated_at") \
	_("deleted_at", "coalesce(i.deleted_at, '')") _("every", "coalesce(i.every, '')")
#define SHOW_NAME_(k, e) k,
#define SHOW_EXPR_(k, e) e ", "
#define SHOW_NOTES_SQL \
	"SELECT n.on_date, coalesce(p.name, '') AS person, n.text FROM note n " \
	"LEFT JOIN person p ON p.id = n.person_id WHERE n.item_id = ?1 ORDER BY n.on_date, n.id"

/* The item's notes, oldest first: as lines "date person：text" (tsv, csv)
 * and as a JSON array of {on_date, person, text}. */
static int show_notes(struct db *db, long long id, struct strbuf *lines, struct strbuf *json)
{
	static const char *const keys[] = {"on_date", "person", "text"};
	struct sql_stmt *st = db_stmt(db, SHOW_NOTES_SQL);
	sql_bind_int64(st, 1, id);
	sb_puts(lines, "");
	sb_putc(json, '[');
	int rc;
	while ((rc = sql_step(st)) == SQL_ROW) {
		json_next(json);
		json_row(json, st, 0, keys, 3);
		const char *date = sql_column_text(st, 0), *person = sql_column_text(st, 1),
			   *text = sql_column_text(st, 2);
		if (date && person && text)
			sb_printf(lines, "%s%s %s：%s", lines->len ? "\n" : "", date, person, text);
	}
	sb_putc(json, ']');
	sql_reset(st);
	return rc == SQL_DONE ? 0 : -1;
}

enum qd_status store_item_show(struct db *db, long long id, const char *today, const char *soon,
			       struct rowsink *s, struct strbuf *err)
{
	static const char *const cols[] = {ITEM_SHOW_COLS(SHOW_NAME_) "notes"};
	struct sql_stmt *st = db_stmt(db,
		"SELECT " ITEM_SHOW_COLS(SHOW_EXPR_) "i.id " /* after the last comma */
		"FROM item i JOIN list l ON l.id = i.list_id JOIN org o ON o.id = l.org_id "
		"LEFT JOIN person ow ON ow.id = i.owner_id LEFT JOIN person ld ON ld.id = i.lead_id "
		"WHERE i.id = :id");
	const int ncol = (int)ARRAY_SIZE(cols);
	struct strbuf lines = {0}, notes = {0}, json = {0};
	sql_bind_int64(st, sql_param_index(st, ":id"), id);
	store_bind_text(st, sql_param_index(st, ":today"), today);
	store_bind_text(st, sql_param_index(st, ":soon"), soon);
	int rc = sql_step(st);
	if (rc == SQL_ROW && show_notes(db, id, &lines, &notes) != 0)
		rc = SQL_ERROR;
	if (rc == SQL_ROW) {
		const char *vals[ARRAY_SIZE(cols)];
		sb_putc(&json, '{');
		json_members(&json, st, 0, cols, ncol - 1);
		json_key(&json, "notes");
		sb_add(&json, notes.s, notes.len);
		sb_putc(&json, '}');
		for (int i = 0; i < ncol - 1; i++) {
			const char *t = sql_column_text(st, i);
			vals[i] = t ? (const char *)t : "";
		}
		vals[ncol - 1] = lines.s;
		s->header(s, ncol, cols);
		s->row(s, vals, json.s);
	}
	enum qd_status status = rc == SQL_ROW ? QD_OK : rc == SQL_DONE ? QD_NOTFOUND
									      : db_error(db, err);
	sql_reset(st);
	sb_free(&lines);
	sb_free(&notes);
	sb_free(&json);
	return status;
}

/* ---- ranges, statistics, the hot queries ---- */

/* Any range holding the year's ids will do (the query still keeps to the
 * year), and the exact one costs a walk of the year's index entries (100k
 * at L; min and max each about a third of `item list --search`).  So the
 * newest year ends at the last id of the file and the oldest starts at 1,
 * each a probe; only the other end is walked, and both only for a year in
 * between.  An empty year gives an empty range, or a range that finds no
 * row of the year. */
#define ID_RANGE_YEAR_ITEMS \
	"FROM item WHERE list_id IN (SELECT id FROM list WHERE year = :year AND (:org = 0 OR org_id = :org))"
#define ID_RANGE_SQL \
	"SELECT CASE WHEN :year <= (SELECT min(year) FROM list) THEN 1 " \
	"ELSE (SELECT coalesce(min(id), 1) " ID_RANGE_YEAR_ITEMS ") END, " \
	"CASE WHEN :year >= (SELECT max(year) FROM list) THEN (SELECT coalesce(max(id), 0) FROM item) " \
	"ELSE (SELECT coalesce(max(id), 0) " ID_RANGE_YEAR_ITEMS ") END"

#define LIST_RANGE_SQL "SELECT coalesce(min(id), 1), coalesce(max(id), 0) FROM list WHERE year = :year"

void store_list_range(struct db *db, int year, long long *lo, long long *hi)
{
	/* the people view asks once per person on screen: the last answer is
	 * kept while no one (this connection or another) has written */
	long long version = db_data_version(db), changes = db_total_changes(db);
	if (db->range_year != year || !year || db->range_version != version ||
	    db->range_changes != changes) {
		struct sql_stmt *st = db_stmt(db, LIST_RANGE_SQL);
		sql_bind_int(st, sql_param_index(st, ":year"), year);
		db->range_lo = 1;
		db->range_hi = 0;
		if (sql_step(st) == SQL_ROW) {
			db->range_lo = sql_column_int64(st, 0);
			db->range_hi = sql_column_int64(st, 1);
		}
		sql_reset(st);
		db->range_year = year;
		db->range_version = version;
		db->range_changes = changes;
	}
	*lo = db->range_lo;
	*hi = db->range_hi;
}

void store_id_range(struct db *db, int year, long long org_id, long long *lo, long long *hi)
{
	struct sql_stmt *st = db_stmt(db, ID_RANGE_SQL);
	sql_bind_int(st, sql_param_index(st, ":year"), year);
	sql_bind_int64(st, sql_param_index(st, ":org"), org_id);
	*lo = 1;
	*hi = 0;
	if (sql_step(st) == SQL_ROW) {
		*lo = sql_column_int64(st, 0);
		*hi = sql_column_int64(st, 1);
	}
	sql_reset(st);
}

enum qd_status store_analyze(struct db *db)
{
	if (sql_exec(db, db_dialect(db) == DB_PG ? "ANALYZE"
						 : "PRAGMA analysis_limit = 1000; ANALYZE;") != SQL_OK)
		return db_error(db, NULL);
	return QD_OK;
}

void store_hot_queries(int dialect, void (*fn)(void *ctx, const char *name, const char *sql),
		       void *ctx)
{
	static const char *const filters[] = {"year", "org", "owner", "person", "status",
					      "overdue", "category", "search", "search-short",
					      "person search", "owner status", "org status",
					      "person due-soon"};
	for (int all = 0; all < 2; all++)
		for (size_t i = 0; i < ARRAY_SIZE(filters); i++) {
			struct item_filter f = {0};
			const char *w = filters[i];
			f.year = all ? 0 : 2026;
			f.status = strstr(w, "status") ? ST_DONE : -1;
			f.org_id = strstr(w, "org") != NULL;
			f.owner_id = strstr(w, "owner") != NULL;
			f.person_id = strstr(w, "person") != NULL;
			f.overdue = strcmp(w, "overdue") == 0;
			f.due_soon = strstr(w, "due-soon") != NULL;
			f.category = strcmp(w, "category") == 0 ? "c" : NULL;
			f.search = strstr(w, "search-short") ? "ab" : strstr(w, "search") ? "abcd" : NULL;
			/* every year by year, status, category or a short search:
			 * a fixed share of the whole file, a walk of it is right */
			if (all && (i == 0 || i == 4 || i == 6 || i == 8))
				continue;
			struct strbuf sql = {0};
			item_list_sql(&sql, dialect, &f);
			char name[96];
			snprintf(name, sizeof name, "item list by %s%s", w, all ? ", every year" : "");
			fn(ctx, name, sql.s);
			sb_free(&sql);
		}
	/* the measures: an org's 整改清单, a person's (problem views) */
	for (int who = 0; who < 2; who++) {
		struct item_filter f = {0};
		f.year = 2026;
		f.status = -1;
		f.kind = STORE_KIND_RECTIFY;
		f.org_id = !who;
		f.person_id = who;
		struct strbuf sql = {0};
		item_list_sql(&sql, dialect, &f);
		fn(ctx, who ? "item list by person, rectify" : "item list by org, rectify", sql.s);
		sb_free(&sql);
	}
	fn(ctx, "org list", ORG_LIST_SQL);
	fn(ctx, "person list", PERSON_LIST_SQL);
	fn(ctx, "stats by person: items", STATS_ITEMS_SQL);
	fn(ctx, "stats by person: pledges", STATS_PLEDGES_SQL);
	fn(ctx, "stats by person: people", STATS_PEOPLE_SQL);
	fn(ctx, "stats by org", stats_sql("org", STORE_KIND_DUTY));
	fn(ctx, "stats by category", stats_sql("category", STORE_KIND_DUTY));
	fn(ctx, "search id range", ID_RANGE_SQL);
	fn(ctx, "year list range", LIST_RANGE_SQL);
	store_page_hot_queries(dialect, fn, ctx);
	store_check_hot_queries(dialect, fn, ctx);
	store_meeting_hot_queries(fn, ctx);
	store_problem_hot_queries(fn, ctx);
	store_remind_hot_queries(dialect, fn, ctx);
	fn(ctx, "print: a person's measures", store_person_measures_sql(dialect));
	store_login_hot_queries(fn, ctx);
	if (dialect == DB_SQLITE)
		fn(ctx, "index the new items (fts flush)", STORE_FTS_FLUSH_SQL);
}
