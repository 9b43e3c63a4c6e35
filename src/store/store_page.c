/* store_page.c — keyset-paged reads for the interactive screen (see
 * store_page.h).  Part of the storage module: the TUI's only SQL.
 *
 * Item queries are built from the scope (which list or checklist, which
 * filters, which order), so their text varies; each distinct text is
 * interned once for the life of the process, which lets db_stmt() keep the
 * prepared statement (it caches by the SQL pointer) — a page costs one
 * bind and one step loop, no parse.  User text only ever arrives as a bound
 * parameter. */
#include "qingdan/store_page.h"

#include "sql.h"
#include <stdlib.h>
#include <string.h>

#include "qingdan/db.h"
#include "qingdan/store.h"
#include "store_impl.h"

#define OPEN_STATES "('planned','in_progress','submitted')"

/* ---- interned SQL ---- */

static char **interned;
static size_t ninterned;

static const char *intern(const char *sql)
{
	for (size_t i = 0; i < ninterned; i++)
		if (strcmp(interned[i], sql) == 0)
			return interned[i];
	interned = xrealloc(interned, (ninterned + 1) * sizeof *interned);
	interned[ninterned] = xstrdup(sql);
	return interned[ninterned++];
}

static struct sql_stmt *stmt_for(struct db *db, struct strbuf *sql)
{
	struct sql_stmt *st = db_stmt(db, intern(sql->s));
	sb_free(sql);
	return st;
}

/* ---- search text ---- */

/* ---- items ---- */

static int has_group(const struct item_scope *sc)
{
	return sc->person_id && sc->sort == PAGE_SORT_SEQ;
}

static const char *sort_expr(const struct item_scope *sc)
{
	switch (sc->sort) {
	case PAGE_SORT_DUE: return "coalesce(i.due, '9999-12-31')";
	case PAGE_SORT_STATUS:
		return "(CASE i.status WHEN 'planned' THEN 0 WHEN 'in_progress' THEN 1 "
		       "WHEN 'submitted' THEN 2 WHEN 'done' THEN 3 ELSE 4 END)";
	default: return "i.seq";
	}
}

static int sort_is_text(const struct item_scope *sc)
{
	return sc->sort == PAGE_SORT_DUE;
}

/* An org's list or a person's checklist (hundreds, a few thousand items a
 * year) is searched with LIKE as its rows are read, stopping at the page:
 * the FTS5 index would first collect the phrase's matches of the whole
 * year (16k at L; first page 300–850 → 20–60 ms).  Only a scope over the
 * whole year uses the index, kept to the year's ids (store_search_sql). */
static int narrow(const struct item_scope *sc)
{
	return sc->person_id || sc->org_id;
}

/* The WHERE clause of a scope with its filters (no keyset), in dialect d. */
static void scope_where(struct strbuf *sql, int d, const struct item_scope *sc)
{
	sb_puts(sql, " WHERE i.deleted_at IS NULL AND l.year = :year");
	sb_puts(sql, store_kind_sql(sc->kind));
	if (sc->org_id)
		sb_puts(sql, " AND l.org_id = :org");
	if (sc->person_id)
		sb_puts(sql, " AND i.id IN (" STORE_PICK_YEAR ")");
	if (sc->status >= 0)
		sb_puts(sql, " AND i.status = :status");
	if (sc->owner_id)
		sb_puts(sql, " AND i.owner_id = :owner");
	if (sc->overdue)
		sb_puts(sql, " AND i.due < :today AND i.status IN " OPEN_STATES);
	if (sc->category)
		sb_puts(sql, " AND i.category = :category");
	if (!str_empty(sc->search))
		sb_puts(sql, store_search_sql(d, narrow(sc), 1, sc->search));
}

static void scope_bind(struct db *db, struct sql_stmt *st, const struct item_scope *sc,
		       char **pattern)
{
	if (sql_param_index(st, ":lo")) {
		long long lo, hi;
		store_id_range(db, sc->year, sc->org_id, &lo, &hi);
		bind_int(st, ":lo", lo);
		bind_int(st, ":hi", hi);
	}
	if (sql_param_index(st, ":l0")) {
		long long l0, l1;
		store_list_range(db, sc->year, &l0, &l1);
		bind_int(st, ":l0", l0);
		bind_int(st, ":l1", l1);
	}
	bind_int(st, ":year", sc->year);
	bind_int(st, ":org", sc->org_id);
	bind_int(st, ":person", sc->person_id);
	if (sc->status >= 0)
		bind_text(st, ":status", status_code((enum item_status)sc->status));
	bind_int(st, ":owner", sc->owner_id);
	bind_text(st, ":today", sc->today);
	bind_text(st, ":soon", sc->soon);
	bind_text(st, ":category", sc->category);
	*pattern = NULL;
	if (!str_empty(sc->search)) {
		*pattern = store_search_pattern(db_dialect(db), narrow(sc), sc->search);
		bind_text(st, ":q", *pattern);
	}
}

static void key_bind(struct sql_stmt *st, const struct item_scope *sc, const struct page_key *k)
{
	bind_int(st, ":kg", k->g);
	if (sort_is_text(sc))
		bind_text(st, ":kk", k->kt);
	else
		bind_int(st, ":kk", k->k);
	bind_int(st, ":kid", k->id);
}

#define ITEM_COLS \
	"SELECT i.id, i.list_id, l.org_id, l.year, i.seq, i.version, i.status, o.name, " \
	"i.category, i.content, i.due, i.due_text, i.done_on, i.owner_id, " \
	"nullif(" PERSON_REF("ow") ", ''), i.lead_id, nullif(" PERSON_REF("ld") ", ''), " FLAGS_SQL ", "
/* A checklist starts from the person's items (owner and lead indexes),
 * never from the year's lists (100k items at L): SQLite's CROSS JOIN fixes
 * the order.  A list starts from its list. */
static const char *join_list(int d, const struct item_scope *sc)
{
	return sc->person_id ? store_join_hint(d) : "JOIN";
}

static void item_from(struct strbuf *sql, int d, const struct item_scope *sc)
{
	sb_printf(sql, " FROM item i %s list l ON l.id = i.list_id JOIN org o ON o.id = l.org_id "
		       "LEFT JOIN person ow ON ow.id = i.owner_id LEFT JOIN person ld ON ld.id = i.lead_id",
		  join_list(d, sc));
}

static void item_row(struct sql_stmt *st, const struct item_scope *sc, struct page_item *r)
{
	struct item *it = &r->it;
	memset(r, 0, sizeof *r);
	it->id = sql_column_int64(st, 0);
	it->list_id = sql_column_int64(st, 1);
	it->org_id = sql_column_int64(st, 2);
	it->year = sql_column_int(st, 3);
	it->seq = sql_column_int(st, 4);
	it->version = sql_column_int(st, 5);
	int s = status_parse((const char *)sql_column_text(st, 6));
	it->status = s < 0 ? ST_PLANNED : (enum item_status)s;
	it->org_name = store_col(st, 7);
	it->category = store_col(st, 8);
	it->content = store_col(st, 9);
	it->due = store_col(st, 10);
	it->due_text = store_col(st, 11);
	it->done_on = store_col(st, 12);
	it->owner_id = sql_column_int64(st, 13);
	it->owner_name = store_col(st, 14);
	it->lead_id = sql_column_int64(st, 15);
	it->lead_name = store_col(st, 16);
	it->flags = store_col(st, 17);
	r->key.g = sql_column_int64(st, 18);
	if (sort_is_text(sc))
		str_copy(r->key.kt, (const char *)sql_column_text(st, 19), sizeof r->key.kt);
	else
		r->key.k = sql_column_int64(st, 19);
	r->key.id = it->id;
}

void page_items_clear(struct page_item *rows, int n)
{
	for (int i = 0; i < n; i++)
		item_clear(&rows[i].it);
}

/* ---- a checklist's keys (store_page.h) ---- */

struct page_cache {
	struct db *db;
	char *sig;                /* the scope it holds */
	long long version, changes;
	struct page_key *keys;
	unsigned char *flags;     /* 1 done, 2 overdue, 4 cancelled */
	int n;
};

struct page_cache *store_page_cache_new(void)
{
	return xcalloc(1, sizeof(struct page_cache));
}

static void cache_clear(struct page_cache *c)
{
	free(c->sig);
	free(c->keys);
	free(c->flags);
	memset(c, 0, sizeof *c);
}

void store_page_cache_free(struct page_cache **c)
{
	if (!*c)
		return;
	cache_clear(*c);
	xfree(c);
}

static char *scope_sig(const struct item_scope *sc)
{
	return xasprintf("%d|%d|%lld|%lld|%d|%lld|%d|%d|%s|%s|%s|%s", sc->kind, sc->year, sc->org_id,
			 sc->person_id, sc->status, sc->owner_id, sc->overdue, (int)sc->sort,
			 sc->category ? sc->category : "\x01", sc->search ? sc->search : "",
			 sc->today ? sc->today : "", sc->soon ? sc->soon : "");
}

static int key_cmp(const struct item_scope *sc, const struct page_key *a, const struct page_key *b)
{
	if (a->g != b->g)
		return a->g < b->g ? -1 : 1;
	int c = sort_is_text(sc) ? strcmp(a->kt, b->kt) : (a->k > b->k) - (a->k < b->k);
	return c ? c : (a->id > b->id) - (a->id < b->id);
}

/* A checklist's keys and flags (1 done, 2 overdue, 4 cancelled), in order
 * (cache_fill). */
static void keys_sql(struct strbuf *sql, int d, const struct item_scope *sc)
{
	sb_printf(sql, "SELECT %s, %s, i.id, CASE WHEN i.status = 'done' THEN 1 ELSE 0 END + "
		       "CASE WHEN i.due < :today AND i.status IN " OPEN_STATES " THEN 2 ELSE 0 END + "
		       "CASE WHEN i.status = 'cancelled' THEN 4 ELSE 0 END "
		       "FROM item i %s list l ON l.id = i.list_id JOIN org o ON o.id = l.org_id",
		  has_group(sc) ? "o.sort" : "0", sort_expr(sc), join_list(d, sc));
	scope_where(sql, d, sc);
	sb_printf(sql, " ORDER BY %s%s, i.id", has_group(sc) ? "o.sort, " : "", sort_expr(sc));
}

/* One item's row by id (a cached checklist's page). */
static void byid_sql(struct strbuf *sql, int d, const struct item_scope *sc)
{
	sb_puts(sql, ITEM_COLS "0, 0");
	item_from(sql, d, sc);
	sb_puts(sql, " WHERE i.id = :kid");
}

/* A page of a scope after/before a key (from) or from an end. */
static void page_sql(struct strbuf *sql, int d, const struct item_scope *sc, int from, int dir,
		     int inclusive)
{
	int g = has_group(sc);
	const char *k = sort_expr(sc);
	const char *asc = dir < 0 ? " DESC" : "";
	sb_printf(sql, ITEM_COLS "%s, %s", g ? "o.sort" : "0", k);
	item_from(sql, d, sc);
	scope_where(sql, d, sc);
	if (from) {
		const char *op = dir < 0 ? (inclusive ? "<=" : "<") : (inclusive ? ">=" : ">");
		if (g)
			sb_printf(sql, " AND (o.sort, %s, i.id) %s (:kg, :kk, :kid)", k, op);
		else
			sb_printf(sql, " AND (%s, i.id) %s (:kk, :kid)", k, op);
	}
	sb_puts(sql, " ORDER BY ");
	if (g)
		sb_printf(sql, "o.sort%s, ", asc);
	sb_printf(sql, "%s%s, i.id%s LIMIT :n", k, asc, asc);
}

/* The key of one item in a scope. */
static void key_sql(struct strbuf *sql, int d, const struct item_scope *sc)
{
	sb_printf(sql, "SELECT %s, %s FROM item i %s list l ON l.id = i.list_id "
		       "JOIN org o ON o.id = l.org_id",
		  has_group(sc) ? "o.sort" : "0", sort_expr(sc), join_list(d, sc));
	scope_where(sql, d, sc);
	sb_puts(sql, " AND i.id = :kid");
}

static void counts_sql(struct strbuf *sql, int d, const struct item_scope *sc)
{
	sb_puts(sql, "SELECT count(*), count(CASE WHEN i.status = 'done' THEN 1 END), "
		     "count(CASE WHEN i.due < :today AND i.status IN " OPEN_STATES " THEN 1 END), "
		     "count(CASE WHEN i.status = 'cancelled' THEN 1 END) FROM item i ");
	sb_puts(sql, join_list(d, sc));
	sb_puts(sql, " list l ON l.id = i.list_id");
	scope_where(sql, d, sc);
}

/* The scope's list or checklist, its filters dropped (categories). */
static struct item_scope bare_scope(const struct item_scope *sc)
{
	struct item_scope bare = {0};
	bare.year = sc->year;
	bare.org_id = sc->org_id;
	bare.person_id = sc->person_id;
	bare.kind = sc->kind;
	bare.status = -1;
	return bare;
}

static void categories_sql(struct strbuf *sql, int d, const struct item_scope *bare)
{
	sb_printf(sql, "SELECT i.category FROM item i %s list l ON l.id = i.list_id",
		  join_list(d, bare));
	scope_where(sql, d, bare);
	sb_puts(sql, " AND i.category <> '' GROUP BY i.category ORDER BY " STORE_CATEGORY_ORDER("i.category"));
}

static enum qd_status cache_fill(struct db *db, const struct item_scope *sc, struct strbuf *err)
{
	struct page_cache *c = sc->cache;
	long long version = db_data_version(db), changes = db_total_changes(db);
	char *sig = scope_sig(sc);
	if (c->db == db && c->sig && strcmp(c->sig, sig) == 0 && c->version == version &&
	    c->changes == changes) {
		free(sig);
		return QD_OK;
	}
	cache_clear(c);
	struct strbuf sql = {0};
	keys_sql(&sql, db_dialect(db), sc);
	struct sql_stmt *st = stmt_for(db, &sql);
	char *pattern;
	scope_bind(db, st, sc, &pattern);
	int rc, cap = 0;
	while ((rc = sql_step(st)) == SQL_ROW) {
		if (c->n == cap) {
			cap = cap ? cap * 2 : 64;
			c->keys = xrealloc(c->keys, (size_t)cap * sizeof *c->keys);
			c->flags = xrealloc(c->flags, (size_t)cap);
		}
		struct page_key *k = &c->keys[c->n];
		memset(k, 0, sizeof *k);
		k->g = sql_column_int64(st, 0);
		if (sort_is_text(sc))
			str_copy(k->kt, (const char *)sql_column_text(st, 1), sizeof k->kt);
		else
			k->k = sql_column_int64(st, 1);
		k->id = sql_column_int64(st, 2);
		c->flags[c->n++] = (unsigned char)sql_column_int(st, 3);
	}
	sql_reset(st);
	free(pattern);
	if (rc != SQL_DONE) {
		cache_clear(c);
		free(sig);
		return db_error(db, err);
	}
	c->db = db;
	c->sig = sig;
	c->version = version;
	c->changes = changes;
	return QD_OK;
}

/* First index whose key is after `from` (past_equal) or not before it. */
static int bound(const struct item_scope *sc, const struct page_key *from, int past_equal)
{
	const struct page_cache *c = sc->cache;
	int lo = 0, hi = c->n;
	while (lo < hi) {
		int mid = lo + (hi - lo) / 2, cmp = key_cmp(sc, &c->keys[mid], from);
		if (cmp < 0 || (cmp == 0 && past_equal))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static int cached_items(struct db *db, const struct item_scope *sc, const struct page_key *from,
			int dir, int inclusive, int n, struct page_item *out, struct strbuf *err)
{
	if (cache_fill(db, sc, err) != QD_OK)
		return -1;
	const struct page_cache *c = sc->cache;
	int a, b;
	if (dir > 0) {
		a = from ? bound(sc, from, !inclusive) : 0;
		b = a + n < c->n ? a + n : c->n;
	} else {
		b = from ? bound(sc, from, inclusive) : c->n;
		a = b - n > 0 ? b - n : 0;
	}
	struct strbuf sql = {0};
	byid_sql(&sql, db_dialect(db), sc);
	struct sql_stmt *st = stmt_for(db, &sql);
	int got = 0;
	for (int i = a; i < b; i++) {
		bind_text(st, ":today", sc->today);
		bind_text(st, ":soon", sc->soon);
		bind_int(st, ":kid", c->keys[i].id);
		if (sql_step(st) == SQL_ROW) {
			item_row(st, sc, &out[got]);
			out[got++].key = c->keys[i];
		}
		sql_reset(st);
	}
	return got;
}

int store_page_items(struct db *db, const struct item_scope *sc, const struct page_key *from,
		     int dir, int inclusive, int n, struct page_item *out, struct strbuf *err)
{
	if (n <= 0)
		return 0;
	if (sc->cache && sc->person_id)
		return cached_items(db, sc, from, dir, inclusive, n, out, err);
	struct strbuf sql = {0};
	page_sql(&sql, db_dialect(db), sc, from != NULL, dir, inclusive);
	struct sql_stmt *st = stmt_for(db, &sql);
	char *pattern;
	scope_bind(db, st, sc, &pattern);
	if (from)
		key_bind(st, sc, from);
	bind_int(st, ":n", n);
	int got = 0, rc = SQL_DONE;
	while (got < n && (rc = sql_step(st)) == SQL_ROW)
		item_row(st, sc, &out[got++]);
	if (got < n && rc != SQL_DONE) {
		db_error(db, err);
		page_items_clear(out, got);
		got = -1;
	}
	sql_reset(st);
	free(pattern);
	if (dir < 0)
		for (int i = 0; i < got / 2; i++) {
			struct page_item tmp = out[i];
			out[i] = out[got - 1 - i];
			out[got - 1 - i] = tmp;
		}
	return got;
}

enum qd_status store_page_item_key(struct db *db, const struct item_scope *sc, long long id,
				   struct page_key *key)
{
	struct strbuf sql = {0};
	key_sql(&sql, db_dialect(db), sc);
	struct sql_stmt *st = stmt_for(db, &sql);
	char *pattern;
	scope_bind(db, st, sc, &pattern);
	bind_int(st, ":kid", id);
	enum qd_status s = QD_NOTFOUND;
	if (sql_step(st) == SQL_ROW) {
		memset(key, 0, sizeof *key);
		key->g = sql_column_int64(st, 0);
		if (sort_is_text(sc))
			str_copy(key->kt, (const char *)sql_column_text(st, 1), sizeof key->kt);
		else
			key->k = sql_column_int64(st, 1);
		key->id = id;
		s = QD_OK;
	}
	sql_reset(st);
	free(pattern);
	return s;
}

enum qd_status store_page_item_counts(struct db *db, const struct item_scope *sc,
				      struct item_counts *c, struct strbuf *err)
{
	if (sc->cache && sc->person_id) {
		memset(c, 0, sizeof *c);
		if (cache_fill(db, sc, err) != QD_OK)
			return QD_DBERROR;
		c->total = sc->cache->n;
		for (int i = 0; i < sc->cache->n; i++) {
			c->done += (sc->cache->flags[i] & 1) != 0;
			c->overdue += (sc->cache->flags[i] & 2) != 0;
			c->cancelled += (sc->cache->flags[i] & 4) != 0;
		}
		return QD_OK;
	}
	struct strbuf sql = {0};
	counts_sql(&sql, db_dialect(db), sc);
	struct sql_stmt *st = stmt_for(db, &sql);
	char *pattern;
	scope_bind(db, st, sc, &pattern);
	memset(c, 0, sizeof *c);
	enum qd_status s = QD_OK;
	if (sql_step(st) == SQL_ROW) {
		c->total = sql_column_int(st, 0);
		c->done = sql_column_int(st, 1);
		c->overdue = sql_column_int(st, 2);
		c->cancelled = sql_column_int(st, 3);
	} else {
		s = db_error(db, err);
	}
	sql_reset(st);
	free(pattern);
	return s;
}

enum qd_status store_page_categories(struct db *db, const struct item_scope *sc, char ***out,
				     int *n)
{
	struct item_scope bare = bare_scope(sc);
	struct strbuf sql = {0};
	categories_sql(&sql, db_dialect(db), &bare);
	struct sql_stmt *st = stmt_for(db, &sql);
	char *pattern;
	scope_bind(db, st, &bare, &pattern);
	*out = NULL;
	*n = 0;
	int rc;
	while ((rc = sql_step(st)) == SQL_ROW) {
		*out = xrealloc(*out, (size_t)(*n + 1) * sizeof **out);
		(*out)[(*n)++] = store_col(st, 0);
	}
	sql_reset(st);
	free(pattern);
	return rc == SQL_DONE ? QD_OK : QD_DBERROR;
}

/* ---- the hot queries, for the plan test (store_hot_queries) ---- */

typedef void (*hot_fn)(void *ctx, const char *name, const char *sql);

static void hot(hot_fn fn, void *ctx, struct strbuf *sql, const char *fmt, const char *scope)
{
	char name[160];
	snprintf(name, sizeof name, fmt, scope);
	fn(ctx, name, sql->s);
	sb_free(sql);
}

/* Every query text one scope can produce. */
static void hot_scope(int d, hot_fn fn, void *ctx, const struct item_scope *sc,
		      const char *scope)
{
	struct strbuf sql = {0};
	for (int from = 0; from < 2; from++)
		for (int dir = -1; dir <= 1; dir += 2)
			for (int inc = 0; inc < 2; inc++) {
				char what[200];
				snprintf(what, sizeof what, "%%s page from=%d dir=%d inclusive=%d", from,
					 dir, inc);
				page_sql(&sql, d, sc, from, dir, inc);
				hot(fn, ctx, &sql, what, scope);
			}
	key_sql(&sql, d, sc);
	hot(fn, ctx, &sql, "%s key", scope);
	counts_sql(&sql, d, sc);
	hot(fn, ctx, &sql, "%s counts", scope);
	struct item_scope bare = bare_scope(sc);
	categories_sql(&sql, d, &bare);
	hot(fn, ctx, &sql, "%s categories", scope);
	if (sc->person_id) {
		keys_sql(&sql, d, sc);
		hot(fn, ctx, &sql, "%s cached keys", scope);
		byid_sql(&sql, d, sc);
		hot(fn, ctx, &sql, "%s cached row", scope);
	}
}

void store_page_hot_queries(int d, hot_fn fn, void *ctx)
{
	static const char *const sorts[] = {"seq", "due", "status"};
	static const char *const filters[] = {"", "status", "owner", "overdue", "category",
					      "search", "search-short"};
	for (int who = 0; who < 2; who++)
		for (int so = 0; so < PAGE_SORT__COUNT; so++)
			for (size_t fi = 0; fi < ARRAY_SIZE(filters); fi++) {
				struct item_scope sc = {0};
				sc.year = 2026;
				sc.status = fi == 1 ? ST_DONE : -1;
				sc.owner_id = fi == 2;
				sc.overdue = fi == 3;
				sc.category = fi == 4 ? "c" : NULL;
				sc.search = fi == 5 ? "abcd" : fi == 6 ? "ab" : NULL;
				sc.sort = (enum page_sort)so;
				if (who)
					sc.person_id = 1;
				else
					sc.org_id = 1;
				char scope[96];
				snprintf(scope, sizeof scope, "tui %s sort=%s%s%s", who ? "checklist" : "list",
					 sorts[so], *filters[fi] ? " filter=" : "", filters[fi]);
				hot_scope(d, fn, ctx, &sc, scope);
			}
	store_page_people_hot_queries(d, fn, ctx);
}
