/* store_io.c — the SQL of import, export and print (store_io.h).  Part of
 * the storage module; the callers (import.c, export.c, print.c) see only
 * plain C rows.  Statements are the cached ones of db_stmt() where the
 * text is fixed, bound by name, reset on every path out. */
#include "qingdan/store_io.h"

#include "sql.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qingdan/db.h"
#include "qingdan/store.h"
#include "json.h"
#include "store_impl.h"

static int bind_index(struct sql_stmt *st, const char *name)
{
	return sql_param_index(st, name);
}

static void bind_int_named(struct sql_stmt *st, const char *name, long long v)
{
	int i = bind_index(st, name);
	if (i)
		sql_bind_int64(st, i, v);
}

static void bind_text_named(struct sql_stmt *st, const char *name, const char *v)
{
	int i = bind_index(st, name);
	if (i)
		store_bind_text(st, i, v);
}

static const char *col(struct sql_stmt *st, int i)
{
	const char *t = sql_column_text(st, i);
	return t ? (const char *)t : "";
}

/* ---- export ---- */

/* PERSON_REF (store_impl.h): a person as a list file names them. */

/* Columns c0..c15 of a live item of the year, as io_export_row has them. */
#define EXPORT_COLS \
	"i.id AS c0, o.id AS c1, l.year AS c2, i.seq AS c3, o.name AS c4, i.category AS c5, " \
	"i.content AS c6, i.measures AS c7, i.standard AS c8, " PERSON_REF("ow") " AS c9, " \
	PERSON_REF("ld") " AS c10, coalesce(i.due, '') AS c11, i.due_text AS c12, " \
	"i.status AS c13, coalesce(i.done_on, '') AS c14, " FLAGS_SQL " AS c15, o.sort AS k, " \
	"coalesce(i.every, '') AS c16"

#define EXPORT_FROM \
	" FROM item i JOIN list l ON l.id = i.list_id JOIN org o ON o.id = l.org_id " \
	"LEFT JOIN person ow ON ow.id = i.owner_id LEFT JOIN person ld ON ld.id = i.lead_id " \
	"WHERE l.year = :year" STORE_KIND_DUTY_SQL " AND i.deleted_at IS NULL"

/* Items in the file's order; the id last, so that items of one seq come
 * in the same order as their notes (export_notes_sql). */
static const char export_sql[] = "SELECT " EXPORT_COLS EXPORT_FROM " ORDER BY k, c1, c3, c0";

/* The notes of the year's live items, oldest first, in the order of their
 * items in export_sql: merged with the items as both stream. */
static const char export_notes_sql[] =
	"SELECT n.item_id, n.on_date, coalesce(np.name, '') AS person, n.text FROM note n "
	"JOIN item i ON i.id = n.item_id JOIN list l ON l.id = i.list_id "
	"JOIN org o ON o.id = l.org_id LEFT JOIN person np ON np.id = n.person_id "
	"WHERE l.year = :year" STORE_KIND_DUTY_SQL " AND i.deleted_at IS NULL "
	"ORDER BY o.sort, o.id, i.seq, i.id, n.on_date, n.id";

/* A column for a JSON key that is null when empty (nullif(c, '')). */
static void json_or_null(struct strbuf *b, struct sql_stmt *st, int i)
{
	const char *t;
	if (sql_column_type(st, i) == SQL_TEXT && (t = sql_column_text(st, i)) && !*t)
		json_null(b);
	else
		json_column(b, st, i);
}

/* The JSON object of an item (keys like the tsv header, status as its
 * code, absent values null) with its notes (the rows of ns for its id, ns
 * stepped past them; *more is 0 once ns is done). */
static int export_json(struct strbuf *b, struct sql_stmt *st, struct sql_stmt *ns, int *more)
{
	static const struct {
		const char *key;
		int col, nullif;
	} keys[] = {
		{"id", 0, 0}, {"org", 4, 0}, {"year", 2, 0}, {"seq", 3, 0}, {"category", 5, 0},
		{"content", 6, 0}, {"measures", 7, 0}, {"standard", 8, 0}, {"owner", 9, 1},
		{"lead", 10, 1}, {"due", 11, 1}, {"due_text", 12, 0}, {"status", 13, 0},
		{"done_on", 14, 1}, {"flags", 15, 0}, {"every", 17, 1},
	};
	static const char *const note_keys[] = {"on_date", "person", "text"};
	sb_reset(b);
	sb_putc(b, '{');
	for (size_t i = 0; i < ARRAY_SIZE(keys); i++) {
		json_key(b, keys[i].key);
		if (keys[i].nullif)
			json_or_null(b, st, keys[i].col);
		else
			json_column(b, st, keys[i].col);
	}
	json_key(b, "notes");
	sb_putc(b, '[');
	long long id = sql_column_int64(st, 0);
	while (*more == SQL_ROW && sql_column_int64(ns, 0) == id) {
		json_next(b);
		json_row(b, ns, 1, note_keys, 3);
		*more = sql_step(ns);
	}
	sb_add(b, "]}", 2);
	return *more == SQL_ROW || *more == SQL_DONE ? 0 : -1;
}

enum qd_status store_io_export(struct db *db, int year, const char *today, const char *soon,
			       int want_json,
			       void (*fn)(void *ctx, const struct io_export_row *r), void *ctx,
			       struct strbuf *err)
{
	struct sql_stmt *st = db_stmt(db, export_sql);
	struct sql_stmt *ns = want_json ? db_stmt(db, export_notes_sql) : NULL;
	struct strbuf json = {0};
	int more = SQL_DONE;
	bind_int_named(st, ":year", year);
	bind_text_named(st, ":today", today);
	bind_text_named(st, ":soon", soon);
	if (ns) {
		bind_int_named(ns, ":year", year);
		more = sql_step(ns);
	}
	int rc = more == SQL_ROW || more == SQL_DONE ? SQL_ROW : more;
	while (rc == SQL_ROW && (rc = sql_step(st)) == SQL_ROW) {
		if (ns && export_json(&json, st, ns, &more) != 0) {
			rc = more;
			break;
		}
		struct io_export_row r = {
			.id = sql_column_int64(st, 0), .org_id = sql_column_int64(st, 1),
			.year = sql_column_int(st, 2), .seq = sql_column_int(st, 3),
			.org = col(st, 4), .category = col(st, 5), .content = col(st, 6),
			.measures = col(st, 7), .standard = col(st, 8), .owner = col(st, 9),
			.lead = col(st, 10), .due = col(st, 11), .due_text = col(st, 12),
			.status = col(st, 13), .done_on = col(st, 14), .flags = col(st, 15),
			.json = ns ? json.s : NULL, .every = col(st, 17),
		};
		fn(ctx, &r);
	}
	enum qd_status s = rc == SQL_DONE ? QD_OK : db_error(db, err);
	sql_reset(st);
	if (ns)
		sql_reset(ns);
	sb_free(&json);
	return s;
}

/* ---- print ----
 *
 * A person's records are found through the owner and the lead indexes, as
 * a UNION ALL of the two lookups (the lead half leaves out what the person
 * also owns), never as `owner OR lead` over the year: that walks every item
 * of the year for every person (issue 10; tests/t_io.c checks the plans).
 * So one person costs their own rows, however large the year is; and
 * print --all is one such query per person (measured as fast as one pass
 * over the year joined and ordered by person, bench/print.sh). */

enum qd_status store_io_people(struct db *db, int year, long long org_id,
			       void (*fn)(void *ctx, long long person_id), void *ctx,
			       struct strbuf *err)
{
	struct sql_stmt *st;
	if (org_id > 0) {
		st = db_stmt(db,
			"SELECT p.id FROM person p LEFT JOIN org o ON o.id = p.org_id "
			"WHERE p.active = 1 AND (p.org_id = :org OR p.id IN ("
			"SELECT i.owner_id FROM item i JOIN list l ON l.id = i.list_id "
			"WHERE l.org_id = :org AND l.year = :year" STORE_KIND_DUTY_SQL " "
			"AND i.deleted_at IS NULL "
			"UNION SELECT i.lead_id FROM item i JOIN list l ON l.id = i.list_id "
			"WHERE l.org_id = :org AND l.year = :year" STORE_KIND_DUTY_SQL " "
			"AND i.deleted_at IS NULL)) "
			"ORDER BY o.id IS NULL, o.sort, o.id, p.sort_key, p.name, p.id");
		bind_int_named(st, ":org", org_id);
		bind_int_named(st, ":year", year);
	} else {
		st = db_stmt(db, "SELECT p.id FROM person p LEFT JOIN org o ON o.id = p.org_id "
				 "WHERE p.active = 1 ORDER BY o.id IS NULL, o.sort, o.id, p.sort_key, p.name, p.id");
	}
	/* collect first: the callback runs other statements (and may write) */
	long long *ids = NULL;
	size_t n = 0, cap = 0;
	int rc;
	while ((rc = sql_step(st)) == SQL_ROW) {
		if (n == cap)
			ids = xrealloc(ids, (cap = cap ? cap * 2 : 64) * sizeof *ids);
		ids[n++] = sql_column_int64(st, 0);
	}
	enum qd_status s = rc == SQL_DONE ? QD_OK : db_error(db, err);
	sql_reset(st);
	for (size_t i = 0; s == QD_OK && i < n; i++)
		fn(ctx, ids[i]);
	free(ids);
	return s;
}

/* The columns of io_print_item (and the sort key k), then the item's
 * canonical columns from PRINT_CANON on, and the join, of one half of a
 * person's items.  Its 校验码 digests each printed item from the row
 * printed, not from a second read of it; and the text printed (content, measures,
 * standard, due, due_text, status) is read from those same columns, so
 * the sorter carries each once.  The sort keys have names of their own
 * (iseq): PostgreSQL finds ORDER BY seq ambiguous beside the canonical seq. */
#define PRINT_CANON_COL(c) ", i." #c
#define PRINT_CANON_AT(c) PRINT_CANON_##c,
enum { PRINT_CANON = 9 };
enum { CANON_ITEM_COLS(PRINT_CANON_AT) PRINT_CANON_N };
#define PRINT_ITEM_COLS_(periods) \
	"i.id, o.id AS org, i.seq AS iseq, CASE WHEN i.owner_id = :p THEN 1 ELSE 0 END, " \
	"CASE WHEN i.lead_id = :p THEN 1 ELSE 0 END, o.name, o.level, " FLAGS_SQL ", o.sort AS k" \
	CANON_ITEM_COLS(PRINT_CANON_COL) ", coalesce(i.every, ''), " periods
#define PRINT_PERSON_ITEMS(periods) \
	"SELECT " PRINT_ITEM_COLS_(periods) PRINT_ITEM_FROM "i.owner_id = :p " \
	"UNION ALL SELECT " PRINT_ITEM_COLS_(periods) PRINT_ITEM_FROM "i.lead_id = :p " \
	"AND i.owner_id IS DISTINCT FROM :p " \
	"ORDER BY k, org, iseq"
#define PRINT_ITEM_FROM \
	" FROM item i JOIN list l ON l.id = i.list_id JOIN org o ON o.id = l.org_id " \
	"WHERE +l.year = :year" STORE_KIND_DUTY_SQL " AND i.deleted_at IS NULL AND "

enum qd_status store_io_person_items(struct db *db, int year, long long person_id,
				     const char *today, const char *soon,
				     void (*fn)(void *ctx, const struct io_print_item *it), void *ctx,
				     struct strbuf *err)
{
	/* a recurring item's kind and done periods after the canonical columns */
	struct sql_stmt *st = db_stmt(db, STORE_SQL(db, PRINT_PERSON_ITEMS(STORE_PERIODS_DONE_SQLITE),
						  PRINT_PERSON_ITEMS(STORE_PERIODS_DONE_PG)));
	bind_int_named(st, ":p", person_id);
	bind_int_named(st, ":year", year);
	bind_text_named(st, ":today", today);
	bind_text_named(st, ":soon", soon);
	int rc, nkeys;
	const char *const *keys = store_canon_keys("item", &nkeys);
	struct strbuf canon = {0};
	char digest[65];
	while ((rc = sql_step(st)) == SQL_ROW) {
		/* the canonical text first: its columns are read in their own
		 * types before col() asks the text ones (all TEXT) as text */
		sb_reset(&canon);
		json_row(&canon, st, PRINT_CANON, keys, nkeys);
		store_sha256_hex(canon.s, canon.len, digest);
		struct io_print_item it = {
			.id = sql_column_int64(st, 0), .org_id = sql_column_int64(st, 1),
			.org_sort = sql_column_int64(st, 8),
			.seq = sql_column_int(st, 2), .is_owner = sql_column_int(st, 3),
			.is_lead = sql_column_int(st, 4), .org = col(st, 5), .level = col(st, 6),
			.flags = col(st, 7),
			.content = col(st, PRINT_CANON + PRINT_CANON_content),
			.measures = col(st, PRINT_CANON + PRINT_CANON_measures),
			.standard = col(st, PRINT_CANON + PRINT_CANON_standard),
			.due = col(st, PRINT_CANON + PRINT_CANON_due),   /* NULL: "" */
			.due_text = col(st, PRINT_CANON + PRINT_CANON_due_text),
			.status = col(st, PRINT_CANON + PRINT_CANON_status),
			.digest = digest,
			.every = col(st, PRINT_CANON + PRINT_CANON_N),
			.periods = col(st, PRINT_CANON + PRINT_CANON_N + 1), .year = year,
		};
		fn(ctx, &it);
	}
	enum qd_status s = rc == SQL_DONE ? QD_OK : db_error(db, err);
	sql_reset(st);
	sb_free(&canon);
	return s;
}

enum qd_status store_io_sections(struct db *db, long long person_org,
				 void (*fn)(void *ctx, long long id, const char *name, long long sort),
				 void *ctx, struct strbuf *err)
{
	struct sql_stmt *st = db_stmt(db,
		"SELECT o.id, o.name, o.sort FROM org o WHERE o.level IN ('party-group', 'organ-committee') "
		"OR o.id = :org ORDER BY o.sort, o.id");
	bind_int_named(st, ":org", person_org);
	int rc;
	while ((rc = sql_step(st)) == SQL_ROW)
		fn(ctx, sql_column_int64(st, 0), col(st, 1), sql_column_int64(st, 2));
	enum qd_status s = rc == SQL_DONE ? QD_OK : db_error(db, err);
	sql_reset(st);
	return s;
}

enum qd_status store_io_person_pledges(struct db *db, int year, long long person_id,
				       void (*fn)(void *ctx, const struct io_print_pledge *p),
				       void *ctx, struct strbuf *err)
{
	struct sql_stmt *st = db_stmt(db,
		"SELECT g.id, g.title, coalesce(pi.name, ''), coalesce(ps.name, ''), g.status, "
		"coalesce(g.sign_due, ''), g.issuer_proxy, g.signer_proxy, 0 FROM pledge g "
		"LEFT JOIN person pi ON pi.id = g.issuer_id LEFT JOIN person ps ON ps.id = g.signer_id "
		"WHERE g.signer_id = ?2 AND +g.year = ?1 AND g.status <> 'void' "
		"UNION ALL SELECT g.id, g.title, coalesce(pi.name, ''), coalesce(ps.name, ''), g.status, "
		"coalesce(g.sign_due, ''), g.issuer_proxy, g.signer_proxy, 1 FROM pledge g "
		"LEFT JOIN person pi ON pi.id = g.issuer_id LEFT JOIN person ps ON ps.id = g.signer_id "
		"WHERE g.issuer_id = ?2 AND g.signer_id IS DISTINCT FROM ?2 AND +g.year = ?1 "
		"AND g.status <> 'void' "
		"ORDER BY 9, 1");
	sql_bind_int(st, 1, year);
	sql_bind_int64(st, 2, person_id);
	int rc;
	while ((rc = sql_step(st)) == SQL_ROW) {
		struct io_print_pledge p = {
			.id = sql_column_int64(st, 0), .title = col(st, 1), .issuer = col(st, 2),
			.signer = col(st, 3), .status = col(st, 4), .sign_due = col(st, 5),
			.issuer_proxy = sql_column_int(st, 6), .signer_proxy = sql_column_int(st, 7),
		};
		fn(ctx, &p);
	}
	enum qd_status s = rc == SQL_DONE ? QD_OK : db_error(db, err);
	sql_reset(st);
	return s;
}

/* ---- re-import ---- */

enum qd_status store_io_year_items(struct db *db, int year, long long *count, long long *max_id)
{
	struct sql_stmt *st = db_stmt(db, "SELECT count(*), (SELECT coalesce(max(id), 0) FROM item) "
					  "FROM list l JOIN item i ON i.list_id = l.id "
					  "WHERE l.year = :year AND i.deleted_at IS NULL");
	bind_int_named(st, ":year", year);
	enum qd_status s = QD_DBERROR;
	if (sql_step(st) == SQL_ROW) {
		*count = sql_column_int64(st, 0);
		*max_id = sql_column_int64(st, 1);
		s = QD_OK;
	}
	sql_reset(st);
	return s;
}

/* The prefix keeps item_match's keys short (a PostgreSQL b-tree entry has
 * a size limit); the full comparison follows it. */
#define MATCH_FROM \
	"SELECT i.id FROM list l JOIN item i ON i.list_id = l.id " \
	"WHERE l.org_id = :org AND l.year = :year AND i.deleted_at IS NULL AND i.id <= :max "

int store_io_match(struct db *db, int year, long long org_id, const char *key, int seq,
		   long long max_id, long long *ids, int n)
{
	struct sql_stmt *st =
		key ? db_stmt(db, MATCH_FROM
			      "AND substr(coalesce(i.search_text, i.content), 1, 64) = "
			      "substr(CAST(:key AS TEXT), 1, 64) "
			      "AND coalesce(i.search_text, i.content) = :key ORDER BY i.id")
		    : db_stmt(db, MATCH_FROM "AND i.seq = :seq ORDER BY i.id");
	bind_int_named(st, ":org", org_id);
	bind_int_named(st, ":year", year);
	bind_int_named(st, ":max", max_id);
	if (key)
		bind_text_named(st, ":key", key);
	else
		bind_int_named(st, ":seq", seq);
	int rc, k = 0;
	while ((rc = sql_step(st)) == SQL_ROW)
		if (k < n)
			ids[k++] = sql_column_int64(st, 0);
	sql_reset(st);
	return rc == SQL_DONE ? k : -1;
}

/* ---- bulk work ---- */

int store_io_cache(struct db *db, int kib)
{
	if (db_dialect(db) != DB_SQLITE)
		return kib;   /* the server's memory is its own business */
	struct sql_stmt *st = db_stmt(db, "PRAGMA cache_size");
	int old = sql_step(st) == SQL_ROW ? sql_column_int(st, 0) : -2000;
	sql_reset(st);
	char sql[64];
	snprintf(sql, sizeof sql, "PRAGMA cache_size=%d", kib > 0 ? -kib : kib);
	sql_exec(db, sql);
	return old;
}

int store_io_bulk_begin(struct db *db, long rows, int keep_match, struct io_bulk *b)
{
	memset(b, 0, sizeof *b);
	struct sql_stmt *st = db_stmt(db, "SELECT count(*) FROM item");
	long long have = sql_step(st) == SQL_ROW ? sql_column_int64(st, 0) : -1;
	sql_reset(st);
	if (have < 0)
		return -1;
	if (rows < BULK_MIN_ROWS || rows < have || db_dialect(db) != DB_SQLITE)
		return 0;
	st = db_stmt(db, "SELECT name, sql FROM sqlite_schema WHERE type = 'index' "
			 "AND tbl_name = 'item' AND sql IS NOT NULL AND name <> 'item_list' ORDER BY name");
	char **names = NULL;
	int rc;
	while ((rc = sql_step(st)) == SQL_ROW) {
		if (keep_match && strcmp(col(st, 0), "item_match") == 0)
			continue;
		names = xrealloc(names, (size_t)(b->n + 1) * sizeof *names);
		b->sql = xrealloc(b->sql, (size_t)(b->n + 1) * sizeof *b->sql);
		names[b->n] = xstrdup(col(st, 0));
		b->sql[b->n++] = xstrdup(col(st, 1));
	}
	sql_reset(st);
	for (int i = 0; rc == SQL_DONE && i < b->n; i++) {
		char *drop = xasprintf("DROP INDEX \"%s\"", names[i]);  /* our own names */
		if (sql_exec(db, drop) != SQL_OK)
			rc = SQL_ERROR;
		free(drop);
	}
	for (int i = 0; i < b->n; i++)
		free(names[i]);
	free(names);
	if (rc != SQL_DONE) {
		store_io_bulk_end(db, b, 0);
		return -1;
	}
	return b->n;
}

enum qd_status store_io_bulk_end(struct db *db, struct io_bulk *b, int ok)
{
	int rc = SQL_OK;
	for (int i = 0; i < b->n; i++) {
		if (ok && rc == SQL_OK)
			rc = sql_exec(db, b->sql[i]);
		free(b->sql[i]);
	}
	free(b->sql);
	memset(b, 0, sizeof *b);
	return rc == SQL_OK ? QD_OK : QD_DBERROR;
}
