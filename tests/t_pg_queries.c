/* t_pg_queries.c — every statement of the storage module prepares on
 * PostgreSQL, with the parameter types the code binds.
 *
 * Under `make test-pg` (QD_TEST_PG, tests/tt.h) each test makes a database
 * with qingdan's PostgreSQL schema (schema_pg.c, through db_open) and
 * checks against it; on SQLite the program runs no test and says so
 * (0 passed, 0 failed).  Two checks:
 *  - the hot queries (store_hot_queries, the PostgreSQL texts) each PREPARE
 *    with their parameter types left to the server to infer;
 *  - every store_* function is called once or more (with the filters and
 *    scopes that build different SQL) on a connection whose driver is this
 *    file's recorder: it hands out statements that return no rows, and at
 *    each step PREPAREs the statement on the server with the types the code
 *    bound (int8, float8, text; a NULL or unbound parameter left to the
 *    server to infer, the strictest of the driver's ways to send one).  So a text bound where the SQL
 *    compares an integer, SQLite-only syntax, a boolean used as a number,
 *    each fails here, naming the statement.
 * The ?N / :name parameters become $N as the driver numbers them (SQLite's
 * rule: ?N is N, a name takes the next number at its first use).
 * Statements built on SQLite's JSON functions are counted apart (the JSON
 * is moving into C); they do not fail the run. */
#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../src/store/db_impl.h"
#include "qingdan/db.h"
#include "qingdan/store.h"
#include "qingdan/store_io.h"
#include "qingdan/store_page.h"
#include "qingdan/store_pledge.h"
#include "qingdan/store_problem.h"
#include "tt.h"

/* the recorder's and the callbacks' stubs ignore their arguments */
#pragma GCC diagnostic ignored "-Wunused-parameter"

#define OID_INT8 20
#define OID_TEXT 25
#define OID_FLOAT8 701
#define MAX_PARAMS 64

static PGconn *pg;
static int n_ok, n_bad, n_json;
static char **seen;   /* texts and type signatures already checked */
static size_t nseen;

/* ---- ?N / :name to $N ---- */

struct conv {
	struct strbuf text;
	int n;
	char *names[MAX_PARAMS + 1];   /* [1..n] */
};

static int name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

static void convert(const char *s, struct conv *c)
{
	memset(c, 0, sizeof *c);
	while (*s) {
		if (*s == '\'' || *s == '"') {
			char q = *s;
			const char *e = s + 1;
			while (*e && !(*e == q && e[1] != q))
				e += *e == q ? 2 : 1;
			if (*e)
				e++;
			sb_printf(&c->text, "%.*s", (int)(e - s), s);
			s = e;
		} else if (*s == ':' && s[1] == ':') {
			sb_puts(&c->text, "::");
			s += 2;
		} else if (*s == '?') {
			int k = 0;
			s++;
			while (*s >= '0' && *s <= '9')
				k = k * 10 + (*s++ - '0');
			if (!k)
				k = c->n + 1;
			if (k > MAX_PARAMS)
				k = MAX_PARAMS;
			if (k > c->n)
				c->n = k;
			sb_printf(&c->text, "$%d", k);
		} else if ((*s == ':' || *s == '@') && name_char(s[1])) {
			const char *e = s + 1;
			while (name_char(*e))
				e++;
			char *name = xasprintf(":%.*s", (int)(e - s - 1), s + 1);
			int k = 0;
			for (int i = 1; i <= c->n; i++)
				if (c->names[i] && strcmp(c->names[i], name) == 0)
					k = i;
			if (k || c->n == MAX_PARAMS) {
				free(name);
			} else {
				k = ++c->n;
				c->names[k] = name;
			}
			sb_printf(&c->text, "$%d", k);
			s = e;
		} else {
			sb_putc(&c->text, *s++);
		}
	}
	if (!c->text.s)
		sb_puts(&c->text, "");
}

static void conv_free(struct conv *c)
{
	for (int i = 1; i <= c->n; i++)
		free(c->names[i]);
	sb_free(&c->text);
}

/* ---- checking one text on the server ---- */

static int uses_sqlite_json(const char *sql)
{
	static const char *const fns[] = {"json_object(", "json_group_", "json_patch(", "json_each(",
					  "json_extract(", "json_valid(", "json((", "qd_sha256("};
	for (size_t i = 0; i < ARRAY_SIZE(fns); i++)
		if (strstr(sql, fns[i]))
			return 1;
	return 0;
}

static int seen_before(const char *sql, const unsigned *types, int n)
{
	struct strbuf key = {0};
	sb_puts(&key, sql);
	for (int i = 0; i < n; i++)
		sb_printf(&key, "|%u", types ? types[i] : 0);
	for (size_t i = 0; i < nseen; i++)
		if (strcmp(seen[i], key.s) == 0) {
			sb_free(&key);
			return 1;
		}
	seen = xrealloc(seen, (nseen + 1) * sizeof *seen);
	seen[nseen++] = sb_take(&key);
	return 0;
}

/* PREPARE sql (SQLite-style parameters) with the given types (NULL: all
 * left to the server); counts and reports the outcome. */
static void check_sql(const char *what, const char *sql, const unsigned *types)
{
	struct conv c;
	convert(sql, &c);
	if (seen_before(c.text.s, types, c.n)) {
		conv_free(&c);
		return;
	}
	if (uses_sqlite_json(sql)) {
		n_json++;
		if (getenv("PG_SQL_SHOW"))
			fprintf(stderr, "  json (not checked): %s\n", sql);
		conv_free(&c);
		return;
	}
	Oid oids[MAX_PARAMS];
	for (int i = 0; i < c.n; i++)
		oids[i] = types ? types[i] : 0;
	PGresult *r = PQprepare(pg, "", c.text.s, c.n, oids);
	if (PQresultStatus(r) == PGRES_COMMAND_OK) {
		n_ok++;
		if (getenv("PG_SQL_SHOW"))
			fprintf(stderr, "  ok %s: %s\n", what, c.text.s);
	} else {
		n_bad++;
		fprintf(stderr, "  %s does not prepare on PostgreSQL: %s    %s\n", what,
			PQresultErrorMessage(r), c.text.s);
		for (int i = 0; types && i < c.n; i++)
			fprintf(stderr, "    $%d %s: %s\n", i + 1, c.names[i + 1] ? c.names[i + 1] : "",
				types[i] == OID_INT8 ? "int8" : types[i] == OID_TEXT ? "text"
				: types[i] == OID_FLOAT8 ? "float8" : "NULL");
	}
	PQclear(r);
	conv_free(&c);
}

/* ---- the recording driver ---- */

struct rec_stmt {
	struct sql_stmt base;
	char *sql;
	struct conv c;
	unsigned types[MAX_PARAMS];
};

static int rec_prepare(struct db *db, const char *sql, int persistent, struct sql_stmt **out)
{
	struct rec_stmt *st = xcalloc(1, sizeof *st);
	st->base.drv = db->drv;
	st->base.db = db;
	st->sql = xstrdup(sql);
	convert(sql, &st->c);
	*out = &st->base;
	return SQL_OK;
}

static int rec_step(struct sql_stmt *s)
{
	struct rec_stmt *st = (struct rec_stmt *)s;
	check_sql("a statement", st->sql, st->types);
	return SQL_DONE;
}

static void rec_reset(struct sql_stmt *s) {}

static void rec_clear(struct sql_stmt *s)
{
	struct rec_stmt *st = (struct rec_stmt *)s;
	memset(st->types, 0, sizeof st->types);
}

static void rec_finalize(struct sql_stmt *s)
{
	struct rec_stmt *st = (struct rec_stmt *)s;
	conv_free(&st->c);
	free(st->sql);
	free(st);
}

static int rec_param_index(struct sql_stmt *s, const char *name)
{
	struct rec_stmt *st = (struct rec_stmt *)s;
	for (int i = 1; i <= st->c.n; i++)
		if (st->c.names[i] && strcmp(st->c.names[i], name) == 0)
			return i;
	return 0;
}

static void set_type(struct sql_stmt *s, int i, unsigned oid)
{
	struct rec_stmt *st = (struct rec_stmt *)s;
	if (i >= 1 && i <= st->c.n)
		st->types[i - 1] = oid;
}

static void rec_bind_int64(struct sql_stmt *s, int i, long long v)
{
	set_type(s, i, OID_INT8);
}

static void rec_bind_double(struct sql_stmt *s, int i, double v)
{
	set_type(s, i, OID_FLOAT8);
}

static void rec_bind_text(struct sql_stmt *s, int i, const char *t, int len)
{
	set_type(s, i, OID_TEXT);
}

static void rec_bind_null(struct sql_stmt *s, int i)
{
	set_type(s, i, 0);
}

static int rec_column_count(struct sql_stmt *s) { return 0; }
static const char *rec_column_name(struct sql_stmt *s, int i) { return ""; }
static int rec_column_type(struct sql_stmt *s, int i) { return SQL_NULL; }
static long long rec_column_int64(struct sql_stmt *s, int i) { return 0; }
static double rec_column_double(struct sql_stmt *s, int i) { return 0; }
static const char *rec_column_text(struct sql_stmt *s, int i) { return NULL; }
static void rec_close(struct db *db) {}
static int rec_begin(struct db *db) { return SQL_OK; }
static long long rec_zero(struct db *db) { return 0; }

/* A statement without parameters or rows: run it in a transaction that is
 * rolled back (ANALYZE), except transaction control itself. */
static int rec_exec(struct db *db, const char *sql)
{
	if (strcmp(sql, "COMMIT") == 0 || strcmp(sql, "ROLLBACK") == 0 || strncmp(sql, "BEGIN", 5) == 0)
		return SQL_OK;
	PQclear(PQexec(pg, "BEGIN"));
	PGresult *r = PQexec(pg, sql);
	if (PQresultStatus(r) == PGRES_COMMAND_OK || PQresultStatus(r) == PGRES_TUPLES_OK) {
		n_ok++;
	} else {
		n_bad++;
		fprintf(stderr, "  does not run on PostgreSQL: %s    %s\n", PQresultErrorMessage(r), sql);
	}
	PQclear(r);
	PQclear(PQexec(pg, "ROLLBACK"));
	return SQL_OK;
}

static long long rec_changes(struct db *db)
{
	return 1;   /* store_changed_one: "one row changed" */
}

static const char *rec_errmsg(struct db *db) { return ""; }
static int rec_errcode(struct db *db) { return SQL_OK; }

static const struct sql_driver rec_driver = {
	.name = "pg-recorder",
	.dialect = DB_PG,
	.prepare = rec_prepare,
	.step = rec_step,
	.reset = rec_reset,
	.clear = rec_clear,
	.finalize = rec_finalize,
	.param_index = rec_param_index,
	.bind_int64 = rec_bind_int64,
	.bind_double = rec_bind_double,
	.bind_text = rec_bind_text,
	.bind_null = rec_bind_null,
	.column_count = rec_column_count,
	.column_name = rec_column_name,
	.column_type = rec_column_type,
	.column_int64 = rec_column_int64,
	.column_double = rec_column_double,
	.column_text = rec_column_text,
	.close = rec_close,
	.begin = rec_begin,
	.data_version = rec_zero,
	.exec = rec_exec,
	.changes = rec_changes,
	.total_changes = rec_zero,
	.errmsg = rec_errmsg,
	.errcode = rec_errcode,
};

static struct db *rec_db(void)
{
	struct db *db = xcalloc(1, sizeof *db);
	db->drv = &rec_driver;
	db->path = xstrdup("pg-recorder");
	db->busy_said = -1;
	return db;
}

/* ---- the callers ---- */

static void hot_one(void *ctx, const char *name, const char *sql)
{
	check_sql(name, sql, NULL);
}

static void sink_header(struct rowsink *s, int ncol, const char *const *names) {}
static void sink_row(struct rowsink *s, const char *const *vals, const char *json) {}
static void no_ref(void *ctx, const char *entity, long long id) {}
static void no_year_item(void *ctx, long long org_id, const struct item *it) {}
static void no_audit(void *ctx, const struct audit_row *r) {}
static int no_walk(void *ctx, const struct audit_row *r) { return 0; }
static void no_check(void *ctx, int kind, const char *entity, long long id, long long seq) {}
static void no_detail(void *ctx, const char *key, int change, const char *old, const char *now) {}
static void no_export(void *ctx, const struct io_export_row *r) {}
static void no_person(void *ctx, long long id) {}
static void no_print_item(void *ctx, const struct io_print_item *it) {}
static void no_section(void *ctx, long long id, const char *name, long long sort) {}
static void no_print_pledge(void *ctx, const struct io_print_pledge *p) {}
static int any_post(const char *post, const void *ctx) { return 1; }

#define TODAY "2026-06-30"
#define SOON "2026-07-14"
#define NOW "2026-06-30T08:00:00Z"

static void call_listings(struct db *db)
{
	struct strbuf err = {0};
	struct rowsink sink = {sink_header, sink_row, 0};
	for (int mask = 0; mask < 1 << 8; mask++) {
		struct item_filter f = {0};
		f.year = mask & 1 ? 0 : 2026;
		f.org_id = (mask & 2) != 0;
		f.owner_id = (mask & 4) != 0;
		f.person_id = (mask & 8) != 0;
		f.status = mask & 16 ? ST_DONE : -1;
		f.overdue = (mask & 32) != 0;
		f.category = mask & 64 ? "c" : NULL;
		f.search = mask & 128 ? (mask & 1 ? "ab" : "落实工作") : NULL;
		f.today = TODAY;
		f.soon = SOON;
		store_item_list(db, &f, &sink, &err);
	}
	struct rowsink json = {sink_header, sink_row, 1};
	struct item_filter year = {.year = 2026, .status = -1, .today = TODAY, .soon = SOON};
	store_item_list(db, &year, &json, &err);
	store_stats(db, 2026, TODAY, "person", &json, &err);
	store_item_show(db, 1, TODAY, SOON, &sink, &err);
	store_org_list(db, 2026, &sink, &err);
	store_person_list(db, 2026, TODAY, &sink, &err);
	store_stats(db, 2026, TODAY, "org", &sink, &err);
	store_stats(db, 2026, TODAY, "category", &sink, &err);
	store_stats(db, 2026, TODAY, "person", &sink, &err);
	store_audit_list(db, NULL, 0, &sink, &err);
	store_audit_list(db, "item", 3, &sink, &err);
	static const char *const keys[] = {"unit_name", "due_soon_days"};
	static const char *const meanings[] = {"单位名称", "临期天数"};
	store_setting_list(db, keys, meanings, 2, &sink, &err);
	store_analyze(db);
	sb_free(&err);
}

static void call_records(struct db *db)
{
	long long id = 0;
	struct org o;
	struct person p;
	struct person *ps = NULL;
	int n = 0;
	store_org_insert(db, "党支部", "branch", 2, &id);
	store_org_insert(db, "机关党委", "organ-committee", 0, &id);
	store_org_get(db, 1, &o);
	store_org_by_name(db, "党支部", &id);
	struct person_fields pf = {"王伟", "书记", "wangwei", 3, 0, 1};
	store_person_insert(db, &pf, &id);
	struct person_fields none = {NULL, NULL, NULL, 0, 1, 1};
	store_person_insert(db, &none, &id);
	struct person_fields keep = PERSON_FIELDS_INIT;
	store_person_update(db, 4, &keep);
	store_person_update(db, 4, &pf);
	store_person_get(db, 4, &p);
	store_person_by_name(db, "王伟", &ps, &n);
	store_person_by_login(db, "wangwei", &p);
	store_admins_with_login(db);
	free(store_setting(db, "unit_name"));
	store_setting_set(db, "unit_name", "某某单位");
	store_setting_rowid(db, "unit_name", &id);
	struct store_name *names = NULL;
	store_names(db, 1, &names, &n);
	store_names(db, 0, &names, &n);
	store_org_rename(db, 3, "第一党支部");
	store_person_refs(db, 4, no_ref, NULL);
	store_person_repoint(db, "item", 5, 4, 6, NOW);
	store_person_repoint(db, "note", 5, 4, 6, NOW);
	store_person_repoint(db, "pledge", 5, 4, 6, NOW);
	store_upgrade_pending(db, "normalise_names");
	store_upgrade_done(db, "normalise_names");
	int created = 0;
	store_list_ensure_kind(db, 3, 2026, "duty", "", &id, &created);
	struct item_fields full = {"党建", "落实“三会一课”", "措施", "标准", "2026-07-01", "每季度",
				   4, 5, NULL, NULL};
	store_item_insert(db, 7, &full, "2026-07-01", "planned", NULL, NOW, &id);
	struct item_fields bare = ITEM_FIELDS_INIT;
	bare.content = "x";
	bare.owner_id = bare.lead_id = 0;
	store_item_insert(db, 7, &bare, NULL, "done", "2026-06-01", NOW, &id);
	struct item *it = xcalloc(1, sizeof *it);
	store_item_get(db, 9, TODAY, SOON, it);
	free(it);
	store_item_update(db, 9, 2, &full, "2026-07-01", NOW);
	struct item_fields unchanged = ITEM_FIELDS_INIT;
	store_item_update(db, 9, 2, &unchanged, NULL, NOW);
	store_item_status(db, 9, 3, "done", "2026-06-30", NOW);
	store_item_status(db, 9, 4, "planned", NULL, NOW);
	store_item_soft_delete(db, 9, 5, NOW);
	store_note_insert(db, 9, TODAY, 4, "已完成", NOW, &id);
	store_note_insert(db, 9, TODAY, 0, "已完成", NOW, &id);
	struct note *notes = NULL;
	store_notes(db, 9, &notes, &n);
	store_year_item_count(db, 2026);
	store_year_items(db, 2026, no_year_item, NULL);
}

static void call_audit(struct db *db)
{
	long long seq = 0;
	char hash[65];
	free(store_canon(db, "item", 9));
	free(store_canon(db, "setting", 1));
	free(store_json_diff(db, "{}", "{}", NULL));
	free(store_json_pair(db, "k", "v"));
	store_detail_each(db, "{}", no_detail, NULL);
	store_audit_last_seq(db, "item", 9);
	store_audit_head(db, &seq, hash);
	struct audit_row r = {1, 4, 9, NOW, "wangwei", "add", "item", "{}", "d", "p", "h"};
	store_audit_insert(db, &r);
	r.person_id = 0;
	store_audit_insert(db, &r);
	store_audit_get(db, 1, no_audit, NULL);
	store_audit_walk(db, no_walk, NULL);
	long long checked = 0;
	store_audit_check_records(db, no_check, NULL, &checked);
}

static void call_pages(struct db *db)
{
	struct strbuf err = {0};
	struct page_item rows[4];
	struct page_key key = {1, 2, "2026-07-01", 9};
	struct item_counts counts;
	for (int mask = 0; mask < 1 << 7; mask++)
		for (int so = 0; so < PAGE_SORT__COUNT; so++) {
			struct item_scope sc = {0};
			sc.year = 2026;
			sc.org_id = mask & 1 ? 0 : 3;
			sc.person_id = mask & 1 ? 4 : 0;
			sc.status = mask & 2 ? ST_DONE : -1;
			sc.owner_id = mask & 4 ? 4 : 0;
			sc.overdue = (mask & 8) != 0;
			sc.category = mask & 16 ? "c" : NULL;
			sc.search = mask & 32 ? (mask & 64 ? "ab" : "落实工作") : NULL;
			sc.sort = (enum page_sort)so;
			sc.today = TODAY;
			sc.soon = SOON;
			for (int dir = -1; dir <= 1; dir += 2) {
				store_page_items(db, &sc, NULL, dir, 0, 4, rows, &err);
				store_page_items(db, &sc, &key, dir, 0, 4, rows, &err);
				store_page_items(db, &sc, &key, dir, 1, 4, rows, &err);
			}
			store_page_item_key(db, &sc, 9, &key);
			store_page_item_counts(db, &sc, &counts, &err);
			char **cats = NULL;
			int n = 0;
			store_page_categories(db, &sc, &cats, &n);
			if (sc.person_id) {
				sc.cache = store_page_cache_new();
				store_page_items(db, &sc, NULL, 1, 0, 4, rows, &err);
				store_page_item_counts(db, &sc, &counts, &err);
				store_page_cache_free(&sc.cache);
			}
		}
	struct org *orgs = NULL;
	int n = 0;
	store_page_orgs(db, &orgs, &n);
	struct page_person people[4];
	struct page_person_key pk = {3, NULL, 4};
	for (int s = 0; s < 2; s++)
		for (int dir = -1; dir <= 1; dir += 2) {
			const char *search = s ? "王" : NULL;
			int got = store_page_people(db, search, NULL, dir, 0, 4, people, &err);
			page_people_clear(people, got > 0 ? got : 0);
			got = store_page_people(db, search, &pk, dir, 0, 4, people, &err);
			page_people_clear(people, got > 0 ? got : 0);
			got = store_page_people(db, search, &pk, dir, 1, 4, people, &err);
			page_people_clear(people, got > 0 ? got : 0);
			page_person_key_clear(&pk);
			store_page_person_key(db, search, 4, &pk);
			store_page_people_total(db, search);
		}
	int items, done, overdue, issued, signed_;
	store_page_person_counts(db, 4, 2026, TODAY, &items, &done, &overdue);
	struct person found[4];
	store_page_person_search(db, "王", 4, found);
	store_page_person_search(db, "#4", 4, found);
	store_page_pledge_totals(db, 2026, &issued, &signed_);
	page_person_key_clear(&pk);
	sb_free(&err);
}

static void call_pledges(struct db *db)
{
	struct strbuf err = {0};
	struct rowsink sink = {sink_header, sink_row, 0};
	long long id = 0;
	struct pledge *p = xcalloc(1, sizeof *p);
	store_pledge_get(db, 1, TODAY, p);
	free(p);
	store_pledge_insert(db, 2026, "责任书", "正文", 4, 5, "2026-07-01", "draft", NOW, &id);
	store_pledge_insert(db, 2026, "责任书", NULL, 4, 5, NULL, "draft", NOW, &id);
	store_pledge_update(db, 1, 1, "责任书", "正文", "2026-07-01", 4, 5, NOW);
	store_pledge_update(db, 1, 1, NULL, NULL, NULL, 0, 0, NOW);
	store_pledge_status(db, 1, 2, "issued", NOW);
	for (int party = 0; party < 2; party++) {
		struct store_sig sig = {TODAY, "paper", "代签", 4, 5};
		store_pledge_sign(db, 1, 3, (enum pledge_party)party, &sig, "abc", "signed", NOW);
		struct store_sig own = {TODAY, "tui", NULL, 4, 0};
		store_pledge_sign(db, 1, 3, (enum pledge_party)party, &own, NULL, "signed", NOW);
	}
	store_pledge_assess(db, 1, 4, "优秀", 95.5, TODAY, "好", NOW);
	store_pledge_assess(db, 1, 4, "优秀", -1, TODAY, NULL, NOW);
	store_pledge_void(db, 1, 5, "重签", 2, NOW);
	store_pledge_void(db, 1, 5, "作废", 0, NOW);
	store_pledge_live_same(db, 2026, "责任书", 5, 1);
	long long *ids = NULL;
	int n = 0;
	store_pledge_people(db, 3, any_post, NULL, &ids, &n);
	store_pledge_people(db, 0, NULL, NULL, &ids, &n);
	for (int mask = 0; mask < 1 << 8; mask++) {
		struct pledge_filter f = PLEDGE_FILTER_INIT;
		f.year = mask & 1 ? 0 : 2026;
		f.status = mask & 2 ? PL_SIGNED : -1;
		f.overdue = (mask & 4) != 0;
		f.proxy = (mask & 8) != 0;
		f.signer_id = mask & 16 ? 5 : 0;
		f.issuer_id = mask & 32 ? 4 : 0;
		f.person_id = mask & 64 ? 4 : 0;
		f.search = mask & 128 ? "责任" : NULL;
		struct pledge *page = NULL;
		store_pledge_page(db, &f, TODAY, 0, 1, 10, &page, &n);
		store_pledge_page(db, &f, TODAY, 7, -1, 10, &page, &n);
		store_pledge_list(db, &f, TODAY, &sink, &err);
	}
	struct pledge_progress pp;
	store_pledge_progress(db, 2026, TODAY, &pp);
	store_pledge_progress(db, 0, TODAY, &pp);
	store_pledge_show(db, 1, TODAY, &sink, &err);
	sb_free(&err);
}

static void call_io(struct db *db)
{
	struct strbuf err = {0};
	store_io_export(db, 2026, TODAY, SOON, 0, no_export, NULL, &err);
	store_io_export(db, 2026, TODAY, SOON, 1, no_export, NULL, &err);
	store_io_people(db, 2026, 3, no_person, NULL, &err);
	store_io_people(db, 2026, 0, no_person, NULL, &err);
	store_io_person_items(db, 2026, 4, TODAY, SOON, no_print_item, NULL, &err);
	store_io_sections(db, 3, no_section, NULL, &err);
	store_io_person_pledges(db, 2026, 4, no_print_pledge, NULL, &err);
	int old = store_io_cache(db, 32 << 10);
	store_io_cache(db, old);
	struct io_bulk b;
	if (store_io_bulk_begin(db, 1000000, 0, &b) > 0)
		store_io_bulk_end(db, &b, 1);
	sb_free(&err);
}

static void summary(const char *what)
{
	printf("  %s: %d statements prepared on PostgreSQL, %d failed, %d on SQLite's JSON not checked\n",
	       what, n_ok, n_bad, n_json);
}

/* A database of this test with the schema, and a plain libpq connection
 * to it. */
static void connect_schema(void)
{
	const char *uri = tt_db("pg_sql");
	struct db *db = NULL;
	struct strbuf err = {0};
	if (db_open(uri, DB_CREATE, &db, &err) != QD_OK) {
		fprintf(stderr, "  %s: %s\n", uri, err.s ? err.s : "cannot open");
		abort();
	}
	db_close(&db);
	sb_free(&err);
	pg = PQconnectdb(uri);
	if (PQstatus(pg) != CONNECTION_OK) {
		fprintf(stderr, "  %s: %s", uri, PQerrorMessage(pg));
		abort();
	}
}

TEST(hot_queries_prepare_on_postgresql)
{
	connect_schema();
	store_hot_queries(DB_PG, hot_one, NULL);
	summary("hot queries");
	CHECK(n_ok > 300);
	CHECK_INT(n_bad, 0);
	PQfinish(pg);
}

TEST(every_store_statement_prepares_with_its_bound_types)
{
	connect_schema();
	struct db *db = rec_db();
	call_listings(db);
	call_records(db);
	call_audit(db);
	call_pages(db);
	call_pledges(db);
	call_io(db);
	db_close(&db);
	summary("store functions");
	CHECK(n_ok > 150);
	CHECK_INT(n_bad, 0);
	PQfinish(pg);
}

/* The checker itself: SQLite's own syntax, and an integer column compared
 * with a bound text, are refused. */
TEST(checker_catches_sqlite_syntax_and_type_mismatch)
{
	static const unsigned text[1] = {OID_TEXT};
	connect_schema();
	check_sql("CROSS JOIN ON", "SELECT i.id FROM item i CROSS JOIN list l ON l.id = i.list_id", NULL);
	check_sql("IS with a value", "SELECT id FROM item WHERE owner_id IS NOT :p", NULL);
	check_sql("boolean as a number", "SELECT sum(status = 'done') FROM item", NULL);
	check_sql("text id", "SELECT id FROM item WHERE id = ?1", text);
	check_sql("rowid", "SELECT rowid FROM setting", NULL);
	CHECK_INT(n_bad, 5);
	CHECK_INT(n_ok, 0);
	PQfinish(pg);
}

int main(void)
{
	if (!tt_pg()) {
		printf("(QD_TEST_PG not set: nothing to prepare on; make test-pg runs these)\n");
		return TT_END();
	}
	RUN(hot_queries_prepare_on_postgresql);
	RUN(every_store_statement_prepares_with_its_bound_types);
	RUN(checker_catches_sqlite_syntax_and_type_mismatch);
	return TT_END();
}
