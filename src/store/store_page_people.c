/* store_page_people.c — the screen's pages of orgs, people and pledge
 * totals (store_page.h): keyset pages over the people in (org, sort key,
 * id) order, a person's counts through the owner and lead indexes, the
 * person picker.
 * The item pages are in store_page.c. */
#include "qingdan/store_page.h"

#include "sql.h"
#include <stdlib.h>
#include <string.h>

#include "qingdan/collate.h"
#include "qingdan/db.h"
#include "qingdan/store.h"
#include "store_impl.h"

#define OPEN_STATES "('planned','in_progress','submitted')"

/* ---- orgs ---- */

enum qd_status store_page_orgs(struct db *db, struct org **out, int *n)
{
	struct sql_stmt *st = db_stmt(db, STORE_ORG_SELECT "ORDER BY sort, id");
	*out = NULL;
	*n = 0;
	int rc;
	while ((rc = sql_step(st)) == SQL_ROW) {
		*out = xrealloc(*out, (size_t)(*n + 1) * sizeof **out);
		store_org_row(st, &(*out)[(*n)++]);
	}
	sql_reset(st);
	return rc == SQL_DONE ? QD_OK : QD_DBERROR;
}

void store_page_orgs_free(struct org *orgs, int n)
{
	for (int i = 0; i < n; i++)
		org_clear(&orgs[i]);
	free(orgs);
}

/* ---- people ---- */

#define PERSON_COLS STORE_PERSON_SELECT
/* like: SQLite's LIKE, ILIKE on PostgreSQL (store_like).  :q is the
 * substring pattern of the text; :qp, for a text that reads as pinyin
 * (collate_pinyin_query), the prefix pattern of the initials and of the
 * spaceless pinyin ("zgq%"), else NULL (matches nothing). */
#define PERSON_SEARCH(like) \
	" AND (p.name " like " :q ESCAPE '\\' OR p.post " like " :q ESCAPE '\\'" \
	" OR p.initials LIKE :qp OR replace(p.pinyin, ' ', '') LIKE :qp)"

/* The :qp of PERSON_SEARCH for text (malloc'd), or NULL. */
static char *pinyin_pattern(const char *text)
{
	char *py = collate_pinyin_query(text);
	char *pattern = py ? xasprintf("%s%%", py) : NULL;
	free(py);
	return pattern;
}

/* The people page queries of a dialect: [with_org][search][dir<0][inclusive].
 * The key is (org, sort key, id), compared as a row value on both
 * dialects, walking person_org_sort (migration 9): people without an org
 * are its org_id IS NULL run, by (sort key, id). */
#define PEOPLE_COLS \
	"SELECT p.id, p.name, p.post, p.org_id, o.name, p.login, p.is_admin, p.active, " \
	"p.sort_key FROM person p LEFT JOIN org o ON o.id = p.org_id"   /* STORE_PERSON_SELECT's, + the key */
enum { PEOPLE_COL_KEY = 8 };
#define PEOPLE_ONE(where, order) PEOPLE_COLS " WHERE " where " ORDER BY " order " LIMIT :n"
#define PEOPLE_NOORG(s) \
	{{PEOPLE_ONE("p.org_id IS NULL AND (p.sort_key, p.id) > (:s, :id)" s, "p.sort_key, p.id"), \
	  PEOPLE_ONE("p.org_id IS NULL AND (p.sort_key, p.id) >= (:s, :id)" s, "p.sort_key, p.id")}, \
	 {PEOPLE_ONE("p.org_id IS NULL AND (p.sort_key, p.id) < (:s, :id)" s, \
		     "p.sort_key DESC, p.id DESC"), \
	  PEOPLE_ONE("p.org_id IS NULL AND (p.sort_key, p.id) <= (:s, :id)" s, \
		     "p.sort_key DESC, p.id DESC")}}
#define PEOPLE_ORG(s) \
	{{PEOPLE_ONE("(p.org_id, p.sort_key, p.id) > (:g, :s, :id)" s, \
		     "p.org_id, p.sort_key, p.id"), \
	  PEOPLE_ONE("(p.org_id, p.sort_key, p.id) >= (:g, :s, :id)" s, \
		     "p.org_id, p.sort_key, p.id")}, \
	 {PEOPLE_ONE("(p.org_id, p.sort_key, p.id) < (:g, :s, :id)" s, \
		     "p.org_id DESC, p.sort_key DESC, p.id DESC"), \
	  PEOPLE_ONE("(p.org_id, p.sort_key, p.id) <= (:g, :s, :id)" s, \
		     "p.org_id DESC, p.sort_key DESC, p.id DESC")}}
#define PEOPLE_SQL(like) \
	{{PEOPLE_NOORG(""), PEOPLE_NOORG(PERSON_SEARCH(like))}, \
	 {PEOPLE_ORG(""), PEOPLE_ORG(PERSON_SEARCH(like))}}
static const char *const people_sql[2][2][2][2][2] = {
	[DB_SQLITE] = PEOPLE_SQL("LIKE"),
	[DB_PG] = PEOPLE_SQL("ILIKE"),
};

/* After every sort key, from the end: the sort keys are hex digits (and ''
 * before the upgrade task ran), U+10FFFF sorts after them in byte order
 * and is valid UTF-8 (PostgreSQL refuses a byte 0xFF). */
#define KEY_MAX "\xf4\x8f\xbf\xbf"

/* One phase of the people order: without an org (by sort key, id), or
 * with one (by org, sort key, id).  Appends up to n rows to out in query
 * order. */
static int people_phase(struct db *db, int with_org, const char *search, long long g,
			const char *key, long long id, int dir, int inclusive, int n,
			struct page_person *out, struct strbuf *err)
{
	if (n <= 0)
		return 0;
	int srch = !str_empty(search);
	struct sql_stmt *st =
		db_stmt(db, people_sql[db_dialect(db)][with_org][srch][dir < 0][inclusive != 0]);
	char *pattern = srch ? store_like_pattern(search) : NULL;
	char *py = srch ? pinyin_pattern(search) : NULL;
	bind_text(st, ":q", pattern);
	bind_text(st, ":qp", py);
	bind_int(st, ":g", g);
	bind_text(st, ":s", key ? key : "");
	bind_int(st, ":id", id);
	bind_int(st, ":n", n);
	int got = 0, rc = SQL_DONE;
	while (got < n && (rc = sql_step(st)) == SQL_ROW) {
		struct page_person *r = &out[got++];
		store_person_row(st, &r->p);
		r->key.g = r->p.org_id;
		r->key.s = store_col(st, PEOPLE_COL_KEY);
		r->key.id = r->p.id;
	}
	if (rc != SQL_DONE && rc != SQL_ROW) {
		db_error(db, err);
		page_people_clear(out, got);
		got = -1;
	}
	sql_reset(st);
	free(pattern);
	free(py);
	return got;
}

void page_person_key_clear(struct page_person_key *key)
{
	free(key->s);
	key->s = NULL;
}

void page_people_clear(struct page_person *rows, int n)
{
	for (int i = 0; i < n; i++) {
		person_clear(&rows[i].p);
		page_person_key_clear(&rows[i].key);
	}
}

#define ID_MAX 0x7fffffffffffffffLL

int store_page_people(struct db *db, const char *search, const struct page_person_key *from,
		      int dir, int inclusive, int n, struct page_person *out, struct strbuf *err)
{
	int got = 0, more;
	if (dir > 0) {
		if (!from || from->g == 0) {
			got = people_phase(db, 0, search, 0, from ? from->s : "", from ? from->id : 0, 1,
					   from && inclusive, n, out, err);
			if (got < 0)
				return -1;
			from = NULL;
		}
		more = people_phase(db, 1, search, from ? from->g : 0, from ? from->s : "",
				    from ? from->id : 0, 1, from && inclusive, n - got, out + got, err);
		if (more < 0) {
			page_people_clear(out, got);
			return -1;
		}
		return got + more;
	}
	if (!from || from->g > 0) {
		got = people_phase(db, 1, search, from ? from->g : ID_MAX, from ? from->s : KEY_MAX,
				   from ? from->id : ID_MAX, -1, from && inclusive, n, out, err);
		if (got < 0)
			return -1;
		from = NULL;
	}
	more = people_phase(db, 0, search, 0, from ? from->s : KEY_MAX, from ? from->id : ID_MAX, -1,
			    from && inclusive, n - got, out + got, err);
	if (more < 0) {
		page_people_clear(out, got);
		return -1;
	}
	got += more;
	for (int i = 0; i < got / 2; i++) {
		struct page_person tmp = out[i];
		out[i] = out[got - 1 - i];
		out[got - 1 - i] = tmp;
	}
	return got;
}

enum qd_status store_page_person_key(struct db *db, const char *search, long long id,
				     struct page_person_key *key)
{
#define KEY_SQL "SELECT coalesce(p.org_id, 0), p.sort_key FROM person p WHERE p.id = :id"
	struct sql_stmt *st = db_stmt(db, str_empty(search) ? KEY_SQL
		: STORE_SQL(db, KEY_SQL PERSON_SEARCH("LIKE"), KEY_SQL PERSON_SEARCH("ILIKE")));
#undef KEY_SQL
	char *pattern = str_empty(search) ? NULL : store_like_pattern(search);
	char *py = str_empty(search) ? NULL : pinyin_pattern(search);
	bind_text(st, ":q", pattern);
	bind_text(st, ":qp", py);
	bind_int(st, ":id", id);
	enum qd_status s = QD_NOTFOUND;
	if (sql_step(st) == SQL_ROW) {
		key->g = sql_column_int64(st, 0);
		key->s = store_col(st, 1);
		key->id = id;
		s = QD_OK;
	}
	sql_reset(st);
	free(pattern);
	free(py);
	return s;
}

int store_page_people_total(struct db *db, const char *search)
{
#define TOTAL_SQL "SELECT count(*) FROM person p"
	struct sql_stmt *st = db_stmt(db, str_empty(search) ? TOTAL_SQL
		: STORE_SQL(db, TOTAL_SQL " WHERE 1 = 1" PERSON_SEARCH("LIKE"),
			    TOTAL_SQL " WHERE 1 = 1" PERSON_SEARCH("ILIKE")));
#undef TOTAL_SQL
	char *pattern = str_empty(search) ? NULL : store_like_pattern(search);
	char *py = str_empty(search) ? NULL : pinyin_pattern(search);
	bind_text(st, ":q", pattern);
	bind_text(st, ":qp", py);
	int n = sql_step(st) == SQL_ROW ? sql_column_int(st, 0) : 0;
	sql_reset(st);
	free(pattern);
	free(py);
	return n;
}

/* Owner half and lead half each on its index (owner_id, list_id, …): one
 * range seek over the year's run of list ids (store_list_range), the year
 * and the list's kind (duty lists only) then checked on each of the person's few items (CROSS JOIN keeps item
 * the outer loop on SQLite). */
#define PERSON_COUNTS_HALF(join) \
	"SELECT i.status, i.due FROM item i " join " list l ON l.id = i.list_id " \
	"WHERE i.list_id BETWEEN :l0 AND :l1 AND l.year = :year" STORE_KIND_DUTY_SQL " AND i.deleted_at IS NULL AND "
#define PERSON_COUNTS_SQL(join) \
	"SELECT count(*), count(CASE WHEN status = 'done' THEN 1 END), " \
	"count(CASE WHEN due < :today AND status IN " OPEN_STATES " THEN 1 END) FROM (" \
	PERSON_COUNTS_HALF(join) "i.owner_id = :p UNION ALL " \
	PERSON_COUNTS_HALF(join) "i.lead_id = :p AND i.owner_id IS DISTINCT FROM :p) pick"

enum qd_status store_page_person_counts(struct db *db, long long person_id, int year,
					const char *today, int *items, int *done, int *overdue)
{
	struct sql_stmt *st =
		db_stmt(db, STORE_SQL(db, PERSON_COUNTS_SQL("CROSS JOIN"), PERSON_COUNTS_SQL("JOIN")));
	long long l0, l1;
	store_list_range(db, year, &l0, &l1);
	bind_int(st, ":l0", l0);
	bind_int(st, ":l1", l1);
	bind_text(st, ":today", today);
	bind_int(st, ":p", person_id);
	bind_int(st, ":year", year);
	enum qd_status s = QD_DBERROR;
	*items = *done = *overdue = 0;
	if (sql_step(st) == SQL_ROW) {
		*items = sql_column_int(st, 0);
		*done = sql_column_int(st, 1);
		*overdue = sql_column_int(st, 2);
		s = QD_OK;
	}
	sql_reset(st);
	return s;
}

#define PICKER_PREFIX_SQL \
	PERSON_COLS " WHERE p.name >= :lo AND p.name < :hi AND p.active = 1 " \
	"ORDER BY p.sort_key, p.name, p.id LIMIT :n"
#define PICKER_REST_SQL(like) \
	PERSON_COLS " WHERE p.active = 1 AND NOT (p.name >= :lo AND p.name < :hi)" \
	PERSON_SEARCH(like) " ORDER BY p.sort_key, p.name, p.id LIMIT :n"

int store_page_person_search(struct db *db, const char *text, int n, struct person *out)
{
	long long id;
	int got = 0;
	if (n <= 0)
		return 0;
	if (text && text[0] == '#' && parse_id(text, &id) == 0) {
		memset(out, 0, sizeof *out);
		if (store_person_get(db, id, out) == QD_OK && out->active)
			return 1;
		person_clear(out);
		return 0;
	}
	const char *t = text ? text : "";
	/* after every name that starts with t: t and U+10FFFF, the highest
	 * character (a byte 0xFF would be invalid UTF-8, refused by PostgreSQL) */
	char *hi = xasprintf("%s\xf4\x8f\xbf\xbf", t);
	struct sql_stmt *st = db_stmt(db, PICKER_PREFIX_SQL);
	bind_text(st, ":lo", t);
	bind_text(st, ":hi", hi);
	bind_int(st, ":n", n);
	while (got < n && sql_step(st) == SQL_ROW)
		store_person_row(st, &out[got++]);
	sql_reset(st);
	if (got < n && *t) {
		char *pattern = store_like_pattern(t), *py = pinyin_pattern(t);
		st = db_stmt(db, STORE_SQL(db, PICKER_REST_SQL("LIKE"), PICKER_REST_SQL("ILIKE")));
		bind_text(st, ":lo", t);
		bind_text(st, ":hi", hi);
		bind_text(st, ":q", pattern);
		bind_text(st, ":qp", py);
		bind_int(st, ":n", n - got);
		while (got < n && sql_step(st) == SQL_ROW)
			store_person_row(st, &out[got++]);
		sql_reset(st);
		free(pattern);
		free(py);
	}
	free(hi);
	return got;
}

/* ---- pledges ---- */

#define PLEDGE_TOTALS_SQL \
	"SELECT count(CASE WHEN status IN ('issued','signed','assessed','archived') THEN 1 END), " \
	"count(CASE WHEN status IN ('signed','assessed','archived') THEN 1 END) " \
	"FROM pledge WHERE year = :year"

enum qd_status store_page_pledge_totals(struct db *db, int year, int *issued, int *signed_)
{
	struct sql_stmt *st = db_stmt(db, PLEDGE_TOTALS_SQL);
	bind_int(st, ":year", year);
	enum qd_status s = QD_DBERROR;
	*issued = *signed_ = 0;
	if (sql_step(st) == SQL_ROW) {
		*issued = sql_column_int(st, 0);
		*signed_ = sql_column_int(st, 1);
		s = QD_OK;
	}
	sql_reset(st);
	return s;
}

/* ---- the hot queries, for the plan test (store_hot_queries) ---- */

void store_page_people_hot_queries(int dialect,
				   void (*fn)(void *ctx, const char *name, const char *sql),
				   void *ctx)
{
	int d = dialect == DB_PG ? DB_PG : DB_SQLITE;
	for (int a = 0; a < 2; a++)
		for (int b = 0; b < 2; b++)
			for (int c = 0; c < 2; c++)
				for (int e = 0; e < 2; e++) {
					char name[96];
					snprintf(name, sizeof name,
						 "tui people with_org=%d search=%d dir=%s inclusive=%d", a, b,
						 c ? "back" : "forward", e);
					fn(ctx, name, people_sql[d][a][b][c][e]);
				}
	fn(ctx, "tui person counts", d == DB_PG ? PERSON_COUNTS_SQL("JOIN") : PERSON_COUNTS_SQL("CROSS JOIN"));
	fn(ctx, "tui picker by prefix", PICKER_PREFIX_SQL);
	fn(ctx, "tui picker by substring",
	   d == DB_PG ? PICKER_REST_SQL("ILIKE") : PICKER_REST_SQL("LIKE"));
	fn(ctx, "tui pledge totals", PLEDGE_TOTALS_SQL);
}
