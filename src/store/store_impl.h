/* store_impl.h — private helpers shared by the store*.c files. */
#ifndef QINGDAN_STORE_IMPL_H
#define QINGDAN_STORE_IMPL_H

#include "sql.h"

#include "qingdan/db.h"
#include "qingdan/store.h"
#include "qingdan/util.h"

/* ---- the two dialects ----
 * A statement is written once, in SQL both SQLite and PostgreSQL take
 * (IS [NOT] DISTINCT FROM, counts by CASE, explicit NULLS FIRST, 0/1
 * written out where SQLite would use a boolean as a number); only where the
 * two must differ does the code pick a text by db_dialect().  Both texts are static, so db_stmt() keeps
 * one prepared statement for each. */
#define STORE_SQL(db, sqlite_text, pg_text) \
	(db_dialect(db) == DB_PG ? (pg_text) : (sqlite_text))

/* SQLite's join-order hint (CROSS JOIN keeps the left table the outer
 * loop); PostgreSQL has no CROSS JOIN … ON and plans the order itself. */
static inline const char *store_join_hint(int dialect)
{
	return dialect == DB_PG ? "JOIN" : "CROSS JOIN";
}

/* LIKE as SQLite has it, case-insensitive for ASCII letters only: ILIKE on
 * PostgreSQL, whose columns are COLLATE "C" (ASCII-only case folding). */
static inline const char *store_like(int dialect)
{
	return dialect == DB_PG ? "ILIKE" : "LIKE";
}

/* The columns of an item's canonical text (store_audit.c), in its order:
 * X(column) for each.  Never reorder or rename: the digests of every
 * database in use are over these bytes.  Print selects them beside its own
 * columns (store_io.c) to digest each item from the row it prints. */
#define CANON_ITEM_COLS(X) \
	X(id) X(list_id) X(seq) X(category) X(content) X(measures) X(standard) X(due) \
	X(due_text) X(owner_id) X(lead_id) X(status) X(done_on) X(version) X(created_at) \
	X(updated_at) X(deleted_at)
#define CANON_KEY(c) #c,
/* The canonical columns of entity (as store_entities names it) and their
 * count, or NULL. */
const char *const *store_canon_keys(const char *entity, int *n);

/* The done periods of a recurring item aliased i, space-separated in the
 * year's order ("Q1 Q3"; period.h), '' for an item that does not repeat:
 * item list --periods, the printed checklist. */
#define STORE_PERIODS_DONE_(agg) "CASE WHEN i.every IS NULL THEN '' ELSE coalesce(" agg ", '') END"
#define STORE_PERIODS_DONE_SQLITE \
	STORE_PERIODS_DONE_("(SELECT group_concat(period, ' ') FROM (SELECT p.period " \
			    "FROM item_period p WHERE p.item_id = i.id AND p.done_on IS NOT NULL " \
			    "ORDER BY length(p.period), p.period))")
#define STORE_PERIODS_DONE_PG \
	STORE_PERIODS_DONE_("(SELECT string_agg(p.period, ' ' ORDER BY length(p.period), p.period) " \
			    "FROM item_period p WHERE p.item_id = i.id AND p.done_on IS NOT NULL)")

/* The derived flags of an item aliased i, given :today and :soon (ISO). */
#define FLAGS_SQL \
	"rtrim(CASE WHEN i.due < :today AND i.status IN ('planned','in_progress','submitted') " \
	"THEN 'overdue,' ELSE '' END || " \
	"CASE WHEN i.due >= :today AND i.due <= :soon AND " \
	"i.status IN ('planned','in_progress','submitted') THEN 'due_soon,' ELSE '' END || " \
	"CASE WHEN i.status = 'done' AND i.done_on > i.due THEN 'late,' ELSE '' END, ',')"

/* The condition on the list aliased l of an item query for a kind
 * (STORE_KIND_*, store.h): its duty lists, its rectify lists, or every
 * list.  Literal, so each statement's text stays fixed. */
/* ORDER BY terms for a category column X (issue 13): the order of the
 * category table (政治建设 思想建设 … 制度建设 and an office's own), then
 * any category not in it, by name. */
#define STORE_CATEGORY_ORDER(X) \
	"coalesce((SELECT c.sort FROM category c WHERE c.name = " X "), 2147483647), " X

#define STORE_KIND_DUTY_SQL " AND l.kind = 'duty'"
#define STORE_KIND_RECTIFY_SQL " AND l.kind = 'rectify'"
static inline const char *store_kind_sql(int kind)
{
	return kind == STORE_KIND_ALL ? "" : kind == STORE_KIND_RECTIFY ? STORE_KIND_RECTIFY_SQL
									: STORE_KIND_DUTY_SQL;
}

/* Ids of the items where :person is owner or lead, each once, in the
 * year's run of list ids :l0 … :l1 (PICK_YEAR, store_list_range: a
 * superset of the year when other years' lists fall inside the run, so the
 * caller keeps `l.year = :year`) or in any year (PICK_ALL).  A UNION ALL,
 * so the owner index and the lead index each serve their half with one
 * range seek: `(owner = ? OR lead = ?) AND year = ?` walks the whole year,
 * and `list_id IN (the year's lists)` is a seek per list (502 at L, a
 * person's counts 2.1 M instructions → 0.3 M).  Used as `i.id IN (…)` with
 * item first (store_join_hint list). */
#define STORE_PICK_YEAR \
	"SELECT id FROM item WHERE owner_id = :person AND list_id BETWEEN :l0 AND :l1 UNION ALL " \
	"SELECT id FROM item WHERE lead_id = :person AND owner_id IS DISTINCT FROM :person " \
	"AND list_id BETWEEN :l0 AND :l1"
#define STORE_PICK_ALL \
	"SELECT id FROM item WHERE owner_id = :person UNION ALL " \
	"SELECT id FROM item WHERE lead_id = :person AND owner_id IS DISTINCT FROM :person"

/* An item search (3+ characters, FTS5 trigram) kept to the ids of the
 * year's items, :lo … :hi (store_id_range): without it the MATCH collects
 * the phrase's rows of every year (166k at L) before the year is applied.
 * Ids grow with time, so a year's ids are mostly one run; an item added to
 * an old year later only widens the range, never loses a row. */
#define STORE_FTS_IN_RANGE \
	" AND i.id IN (SELECT rowid FROM item_fts WHERE item_fts MATCH :q " \
	"AND rowid BETWEEN :lo AND :hi)"
#define STORE_FTS_IN \
	" AND i.id IN (SELECT rowid FROM item_fts WHERE item_fts MATCH :q)"
/* The item search of a scope (items aliased i) and the pattern to bind as
 * :q.  narrow: one org's or one person's items, searched with LIKE as they
 * are read; else a search of 3+ characters uses SQLite's FTS5 index (kept
 * to :lo … :hi when year).  PostgreSQL always matches with ILIKE, which
 * the trigram GIN index on coalesce(search_text, content) serves. */
int store_search_fts(int dialect, int narrow, const char *text);
const char *store_search_sql(int dialect, int narrow, int year, const char *text);
char *store_search_pattern(int dialect, int narrow, const char *text);
/* The lowest and highest list id of the year (an empty run, lo > hi, when
 * it has none), for :l0 and :l1; kept while the data is unchanged. */
void store_list_range(struct db *db, int year, long long *lo, long long *hi);
/* A range of item ids holding every item of the year's lists (of one org
 * unless org_id is 0): exact, except that the newest year runs to the
 * file's last id and the oldest from 1 (cheap probes, see ID_RANGE_SQL). */
void store_id_range(struct db *db, int year, long long org_id, long long *lo, long long *hi);
/* The hot queries of the interactive screen (store_page.c), for
 * store_hot_queries. */
void store_page_hot_queries(int dialect, void (*fn)(void *ctx, const char *name, const char *sql),
			    void *ctx);

/* Run a listing: `inner` is a SELECT whose result columns are named like
 * cols; bind(st, ctx) binds its parameters.  Streams to the sink (with
 * each row's JSON object, json.h, when the sink wants JSON). */
struct rowsink;
enum qd_status store_run_listing(struct db *db, const char *inner, const char *const *cols,
				 int ncol, void (*bind)(struct sql_stmt *st, const void *ctx),
				 const void *ctx, struct rowsink *s, struct strbuf *err);

/* Search text: characters in s; an FTS5 phrase query ("…" with quotes
 * doubled); a LIKE pattern "%s%" with its wildcards escaped (ESCAPE '\').
 * FTS5's trigram index needs three characters: shorter text uses LIKE. */
int store_utf8_chars(const char *s);
char *store_fts_phrase(const char *s);
char *store_like_pattern(const char *s);

/* The person columns every person query selects, and their reader. */
#define STORE_PERSON_SELECT \
	"SELECT p.id, p.name, p.post, p.org_id, o.name, p.login, p.is_admin, p.active " \
	"FROM person p LEFT JOIN org o ON o.id = p.org_id"
struct person;
void store_person_row(struct sql_stmt *st, struct person *p);
/* The org columns every org query selects, and their reader. */
#define STORE_ORG_SELECT "SELECT id, name, level, parent_id, sort FROM org "
struct org;
void store_org_row(struct sql_stmt *st, struct org *o);

char *store_col(struct sql_stmt *st, int i);
void store_bind_text(struct sql_stmt *st, int i, const char *s);
void store_bind_id(struct sql_stmt *st, int i, long long id);
/* Bind by parameter name; a name the statement lacks is skipped. */
static inline void bind_text(struct sql_stmt *st, const char *name, const char *v)
{
	int i = sql_param_index(st, name);
	if (i)
		store_bind_text(st, i, v);
}

static inline void bind_int(struct sql_stmt *st, const char *name, long long v)
{
	int i = sql_param_index(st, name);
	if (i)
		sql_bind_int64(st, i, v);
}
/* The people, org and pledge page queries (store_page_people.c). */
void store_page_people_hot_queries(int dialect,
				   void (*fn)(void *ctx, const char *name, const char *sql),
				   void *ctx);
enum qd_status store_step_done(struct sql_stmt *st);
/* Step an INSERT; on success *id is the new row's id. */
enum qd_status store_insert(struct db *db, struct sql_stmt *st, long long *id);
/* Step an UPDATE guarded by "AND version = ?": one row changed, or
 * QD_CONFLICT (the version moved on, or no such row). */
enum qd_status store_changed_one(struct db *db, struct sql_stmt *st);

/* Index the items inserted in this transaction (temp.fts_dirty) in one
 * statement; db_end calls it just before the outermost commit. */
int store_fts_flush(struct db *db);
/* The new items into the full-text index: from the few dirty ids to the
 * items by rowid (CROSS JOIN keeps that order: with no statistics on the
 * temporary table the planner walked every item and probed the ids —
 * 150,000 steps for one `item add` at 50k items). */
#define STORE_FTS_FLUSH_SQL \
	"INSERT INTO item_fts(rowid, content) SELECT i.id, coalesce(i.search_text, i.content) " \
	"FROM temp.fts_dirty dirty CROSS JOIN item i ON i.id = dirty.id"
/* Create the connection's temp.fts_dirty table (writable files only). */
int store_fts_prepare(struct db *db);

/* A person p as a list file names them (see store_io.h), '' for none:
 * the bare name when no one else has it, else 姓名（职务）, 姓名（支部）
 * or 姓名#ID.  The rule matches import's reading of 姓名（X）: X is a post
 * or an org name, and it must single the person out among those of that
 * name.  Export writes it; the screen's lists and an item's detail show it
 * (issue 14.5: two 王伟 told apart).  Each "no one else" is one index
 * lookup — person_name, person_name_post (migration 11), person_org — an
 * OR of two of them being two NOT EXISTS. */
#define PERSON_REF(p) \
	"CASE WHEN " p ".id IS NULL THEN '' " \
	"WHEN NOT EXISTS (SELECT 1 FROM person x WHERE x.name = " p ".name AND x.id <> " p ".id) " \
	"THEN " p ".name " \
	"WHEN " p ".post <> '' " \
	"AND NOT EXISTS (SELECT 1 FROM person x WHERE x.name = " p ".name " \
	"AND x.post = " p ".post AND x.id <> " p ".id) " \
	"AND NOT EXISTS (SELECT 1 FROM org xo JOIN person x ON x.org_id = xo.id " \
	"WHERE xo.name = " p ".post AND x.name = " p ".name AND x.id <> " p ".id) " \
	"THEN " p ".name || '（' || " p ".post || '）' " \
	"WHEN " p ".org_id IS NOT NULL " \
	"AND NOT EXISTS (SELECT 1 FROM person x WHERE x.org_id = " p ".org_id " \
	"AND x.name = " p ".name AND x.id <> " p ".id) " \
	"AND NOT EXISTS (SELECT 1 FROM person x WHERE x.name = " p ".name " \
	"AND x.post = (SELECT name FROM org WHERE id = " p ".org_id) AND x.id <> " p ".id) " \
	"THEN " p ".name || '（' || (SELECT name FROM org WHERE id = " p ".org_id) || '）' " \
	"ELSE " p ".name || '#' || " p ".id END"

#endif
