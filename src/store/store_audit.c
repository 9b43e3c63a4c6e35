/* store_audit.c — the storage side of the audit trail: canonical text of a
 * record, field diffs, the audit table, and the checks behind
 * `audit verify`.  Part of the storage module (store.h).
 *
 * A record's canonical text is the JSON object of all its columns, written
 * by json.c exactly as SQLite's json_object() wrote it when it was built in
 * the SQL, so it is the same on every backend and every existing digest
 * still holds.  Its digest (SHA-256, libcrypto: sha256.c) is stored in each audit
 * row; verify streams every live record with its last row's digest, one
 * query per table, and hashes each in C.  Diffs and details are JSON taken
 * apart off the database (json_sqlite.c). */
#include "qingdan/store.h"

#include "sql.h"
#include <stdlib.h>
#include <string.h>

#include "qingdan/db.h"
#include "json.h"
#include "store_impl.h"

const char *const store_entities[] = {"setting", "org", "person", "list", "item", "note", "pledge",
				       "member", "meeting", "attendance", "meeting_note",
				       "item_meeting", "meeting_rule", "problem", "problem_measure",
				       "problem_feedback", "category", "item_period", NULL};

/* The columns of each entity's canonical text, in its order (the key
 * column first): once json_object('id', t.id, 'name', t.name, …) in the
 * SQL, now the same object written by json.c.  Never reorder or rename:
 * the digests of every database in use are over these bytes. */
#define CANON_ORG "id", "name", "level", "parent_id", "sort"
#define CANON_PERSON "id", "name", "post", "org_id", "login", "is_admin", "active"
#define CANON_LIST "id", "org_id", "year", "title", "state"
#define CANON_ITEM CANON_ITEM_COLS(CANON_KEY)   /* store_impl.h: print selects them too */
#define CANON_NOTE "id", "item_id", "on_date", "person_id", "text", "created_at"
#define CANON_PLEDGE \
	"id", "year", "title", "body", "issuer_id", "signer_id", "sign_due", "status", \
	"body_sha256", "issuer_signed_on", "issuer_signed_by", "issuer_method", "issuer_proxy", \
	"issuer_proxy_note", "issuer_recorded_by", "signer_signed_on", "signer_signed_by", \
	"signer_method", "signer_proxy", "signer_proxy_note", "signer_recorded_by", "grade", \
	"score", "assessed_on", "assess_note", "void_reason", "successor_id", "version", \
	"created_at", "updated_at"
/* the 组织生活 ledger (migration 5); member is keyed by person_id */
#define CANON_MEMBER "person_id", "party", "committee", "cell"
#define CANON_MEETING \
	"id", "org_id", "type", "on_date", "starts", "title", "place", "host_id", "recorder_id", \
	"hours", "cell", "summary", "decisions", "version", "created_at", "updated_at", \
	"deleted_at"
#define CANON_ATTENDANCE "id", "meeting_id", "person_id", "status", "reason"
#define CANON_MEETING_NOTE "id", "meeting_id", "on_date", "person_id", "kind", "text", "created_at"
#define CANON_ITEM_MEETING "id", "item_id", "meeting_id"
#define CANON_MEETING_RULE "id", "level", "type", "every", "min_count", "quorum"
/* 问题清单 → 整改清单 (migration 6) */
#define CANON_PROBLEM \
	"id", "org_id", "year", "source", "raised_on", "category", "text", "raiser_id", \
	"raiser_name", "contact", "meeting_id", "closed_on", "closed_by", "version", "created_at", \
	"updated_at", "deleted_at"
#define CANON_PROBLEM_MEASURE "id", "problem_id", "item_id"
#define CANON_PROBLEM_FEEDBACK "id", "problem_id", "on_date", "by_id", "result", "satisfied", "created_at"
/* the categories in their order (migration 7; written by category add/move) */
#define CANON_CATEGORY "id", "name", "sort"
/* a recurring item's period (migration 10; period.h) */
#define CANON_ITEM_PERIOD \
	"id", "item_id", "period", "done_on", "note", "recorded_by", "created_at", "updated_at"

struct canon {
	const char *const *cols;
	int n;
};

/* The canonical columns of an entity (index as in store_entities). */
static const struct canon *canon_of(const char *entity, int *index)
{
	static const char *const setting[] = {"key", "value"}, *const org[] = {CANON_ORG},
			  *const person[] = {CANON_PERSON}, *const list[] = {CANON_LIST},
			  *const item[] = {CANON_ITEM}, *const note[] = {CANON_NOTE},
			  *const pledge[] = {CANON_PLEDGE}, *const member[] = {CANON_MEMBER},
			  *const meeting[] = {CANON_MEETING}, *const attendance[] = {CANON_ATTENDANCE},
			  *const meeting_note[] = {CANON_MEETING_NOTE},
			  *const item_meeting[] = {CANON_ITEM_MEETING},
			  *const meeting_rule[] = {CANON_MEETING_RULE},
			  *const problem[] = {CANON_PROBLEM},
			  *const problem_measure[] = {CANON_PROBLEM_MEASURE},
			  *const problem_feedback[] = {CANON_PROBLEM_FEEDBACK},
			  *const category[] = {CANON_CATEGORY},
			  *const item_period[] = {CANON_ITEM_PERIOD};
#define C(a) {a, (int)ARRAY_SIZE(a)}
	static const struct canon canon[] = {
		C(setting), C(org), C(person), C(list), C(item), C(note), C(pledge),
		C(member), C(meeting), C(attendance), C(meeting_note), C(item_meeting),
		C(meeting_rule), C(problem), C(problem_measure), C(problem_feedback),
		C(category), C(item_period),
	};
#undef C
	for (int i = 0; store_entities[i]; i++)
		if (strcmp(store_entities[i], entity) == 0) {
			if (index)
				*index = i;
			return &canon[i];
		}
	return NULL;
}

const char *const *store_canon_keys(const char *entity, int *n)
{
	const struct canon *c = canon_of(entity, NULL);
	*n = c ? c->n : 0;
	return c ? c->cols : NULL;
}

/* t."c1", t."c2", … of the canonical columns. */
static void canon_select(struct strbuf *sql, const struct canon *c)
{
	for (int i = 0; i < c->n; i++)
		sb_printf(sql, "%st.\"%s\"", i ? ", " : "", c->cols[i]);
}

/* setting is keyed by text: its audit id is SQLite's rowid, which the
 * PostgreSQL schema keeps as an id column (schema_pg.c). */
static const char *key_col(struct db *db, const char *entity)
{
	if (strcmp(entity, "member") == 0)   /* one row per person, keyed by them */
		return "t.person_id";
	return strcmp(entity, "setting") == 0 && db_dialect(db) == DB_SQLITE ? "t.rowid" : "t.id";
}

enum { CANON_BATCH = 64 };

/* Statement text per entity, built once and cached by pointer in db_stmt:
 * one record's canonical columns by key (?1), or with batch the key and
 * the columns of CANON_BATCH records (?1 … ?64, padded by the caller). */
static const char *canon_sql(struct db *db, const char *entity, const struct canon **c, int batch)
{
	static char *by_kind[2][2][24];   /* [pg][batch][entity] */
	char **sql = by_kind[db_dialect(db) == DB_PG][batch != 0];
	int i;
	if (!(*c = canon_of(entity, &i)))
		return NULL;
	if (!sql[i]) {
		struct strbuf b = {0};
		const char *key = key_col(db, entity);
		sb_puts(&b, "SELECT ");
		if (batch)
			sb_printf(&b, "%s, ", key);
		canon_select(&b, *c);
		sb_printf(&b, " FROM \"%s\" t WHERE %s ", entity, key);
		if (!batch)
			sb_puts(&b, "= ?1");
		for (int k = 1; batch && k <= CANON_BATCH; k++)
			sb_printf(&b, "%s?%d", k > 1 ? ", " : "IN (", k);
		if (batch)
			sb_puts(&b, ")");
		sql[i] = sb_take(&b);
	}
	return sql[i];
}

char *store_canon(struct db *db, const char *entity, long long id)
{
	const struct canon *c;
	const char *sql = canon_sql(db, entity, &c, 0);
	if (!sql)
		return NULL;
	struct sql_stmt *st = db_stmt(db, sql);
	sql_bind_int64(st, 1, id);
	char *out = NULL;
	if (sql_step(st) == SQL_ROW) {
		struct strbuf b = {0};
		json_row(&b, st, 0, c->cols, c->n);
		out = sb_take(&b);
	}
	sql_reset(st);
	return out;
}

/* ---- many records at once (print codes) ---- */

/* The records asked for, sorted by id within one entity. */
struct want {
	long long id;
	int at;   /* index in the caller's arrays */
};

static int cmp_want(const void *a, const void *b)
{
	const struct want *x = a, *y = b;
	return (x->id > y->id) - (x->id < y->id);
}

enum qd_status store_canon_digests(struct db *db, const char *const *entities, const long long *ids,
				   int n, char (*digest)[65])
{
	char empty[65];
	store_sha256_hex("", 0, empty);
	for (int i = 0; i < n; i++)
		memcpy(digest[i], empty, 65);
	struct strbuf canon = {0};
	struct want *want = xcalloc(n > 0 ? (size_t)n : 1, sizeof *want);
	enum qd_status s = QD_OK;
	for (int e = 0; store_entities[e] && s == QD_OK; e++) {
		int m = 0;
		for (int i = 0; i < n; i++)
			if (strcmp(entities[i], store_entities[e]) == 0)
				want[m++] = (struct want){ids[i], i};
		if (!m)
			continue;
		qsort(want, (size_t)m, sizeof *want, cmp_want);
		const struct canon *c;
		const char *sql = canon_sql(db, store_entities[e], &c, 1);
		/* CANON_BATCH distinct ids a query */
		for (int from = 0; from < m && s == QD_OK;) {
			struct sql_stmt *st = db_stmt(db, sql);
			int k = 0, to = from;
			for (; k < CANON_BATCH && to < m; to++)
				if (to == from || want[to].id != want[to - 1].id)
					sql_bind_int64(st, ++k, want[to].id);
			for (int pad = k + 1; pad <= CANON_BATCH; pad++)
				sql_bind_int64(st, pad, want[to - 1].id);
			int rc;
			while ((rc = sql_step(st)) == SQL_ROW) {
				struct want key = {sql_column_int64(st, 0), 0};
				struct want *hit = bsearch(&key, want + from, (size_t)(to - from), sizeof *want,
							   cmp_want);
				if (!hit)
					continue;
				sb_reset(&canon);
				json_row(&canon, st, 1, c->cols, c->n);
				char hex[65];
				store_sha256_hex(canon.s, canon.len, hex);
				while (hit > want + from && hit[-1].id == key.id)
					hit--;
				for (; hit < want + to && hit->id == key.id; hit++)
					memcpy(digest[hit->at], hex, 65);
			}
			sql_reset(st);
			if (rc != SQL_DONE)
				s = QD_DBERROR;
			from = to;
		}
	}
	free(want);
	sb_free(&canon);
	return s;
}

char *store_json_diff(struct db *db, const char *before, const char *after, const char *extra)
{
	(void)db;
	return json_diff(before, after, extra);
}

enum qd_status store_audit_head(struct db *db, long long *seq, char *hash65)
{
	struct sql_stmt *st = db_stmt(db, "SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1");
	*seq = 0;
	hash65[0] = '\0';
	int rc = sql_step(st);
	if (rc == SQL_ROW) {
		*seq = sql_column_int64(st, 0);
		const char *h = sql_column_text(st, 1);
		str_copy(hash65, h ? (const char *)h : "", 65);
	}
	sql_reset(st);
	return rc == SQL_ROW || rc == SQL_DONE ? QD_OK : QD_DBERROR;
}

enum qd_status store_audit_insert(struct db *db, const struct audit_row *r)
{
	struct sql_stmt *st = db_stmt(db,
		"INSERT INTO audit(seq, at, login, person_id, action, entity, entity_id, detail, "
		"digest, prev_hash, hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
	sql_bind_int64(st, 1, r->seq);
	store_bind_text(st, 2, r->at);
	store_bind_text(st, 3, r->login);
	store_bind_id(st, 4, r->person_id);
	store_bind_text(st, 5, r->action);
	store_bind_text(st, 6, r->entity);
	sql_bind_int64(st, 7, r->entity_id);
	store_bind_text(st, 8, r->detail);
	store_bind_text(st, 9, r->digest);
	store_bind_text(st, 10, r->prev_hash);
	store_bind_text(st, 11, r->hash);
	return store_step_done(st);
}

#define AUDIT_SELECT \
	"SELECT seq, at, login, coalesce(person_id, 0), action, entity, entity_id, detail, digest, " \
	"prev_hash, hash FROM audit "

static void audit_row_of(struct sql_stmt *st, struct audit_row *r)
{
#define T(i) ((const char *)sql_column_text(st, (i)))
	r->seq = sql_column_int64(st, 0);
	r->at = T(1);
	r->login = T(2);
	r->person_id = sql_column_int64(st, 3);
	r->action = T(4);
	r->entity = T(5);
	r->entity_id = sql_column_int64(st, 6);
	r->detail = T(7);
	r->digest = T(8);
	r->prev_hash = T(9);
	r->hash = T(10);
#undef T
}

enum qd_status store_audit_get(struct db *db, long long seq,
			       void (*fn)(void *ctx, const struct audit_row *r), void *ctx)
{
	struct sql_stmt *st = db_stmt(db, AUDIT_SELECT "WHERE seq = ?1");
	sql_bind_int64(st, 1, seq);
	enum qd_status s = QD_NOTFOUND;
	if (sql_step(st) == SQL_ROW) {
		struct audit_row r;
		audit_row_of(st, &r);
		fn(ctx, &r);
		s = QD_OK;
	}
	sql_reset(st);
	return s;
}

enum qd_status store_audit_walk(struct db *db, int (*fn)(void *ctx, const struct audit_row *r),
				void *ctx)
{
	struct sql_stmt *st = db_stmt(db, AUDIT_SELECT "ORDER BY seq");
	int rc;
	while ((rc = sql_step(st)) == SQL_ROW) {
		struct audit_row r;
		audit_row_of(st, &r);
		if (fn(ctx, &r))
			break;
	}
	sql_reset(st);
	return rc == SQL_ROW || rc == SQL_DONE ? QD_OK : QD_DBERROR;
}

/* The records the log knows that are no longer in the file. */
static enum qd_status check_gone(struct db *db, const char *entity,
				 void (*fn)(void *, int, const char *, long long, long long),
				 void *ctx)
{
	/* a record whose last entry has no digest was removed through qingdan
	 * (qd_audit_removed: an attendance row taken back, a link undone) */
	char *sql = xasprintf(
		"SELECT g.id, g.seq FROM (SELECT a.entity_id AS id, max(a.seq) AS seq FROM audit a "
		"WHERE a.entity = ?1 AND NOT EXISTS "
		"(SELECT 1 FROM \"%s\" t WHERE %s = a.entity_id) GROUP BY a.entity_id) g "
		"JOIN audit l ON l.seq = g.seq WHERE l.digest <> '' ORDER BY 1",
		entity, key_col(db, entity));
	struct sql_stmt *st;
	int rc = sql_prepare(db, sql, &st);
	free(sql);
	if (rc != SQL_OK)
		return QD_DBERROR;
	sql_bind_text(st, 1, entity, -1);
	while ((rc = sql_step(st)) == SQL_ROW)
		fn(ctx, 'g', entity, sql_column_int64(st, 0), sql_column_int64(st, 1));
	sql_finalize(st);
	return rc == SQL_DONE ? QD_OK : QD_DBERROR;
}

/* Migration 7's six categories (CATEGORY_DEFAULTS, schema.h), ids 1 … 6
 * at 10 … 60 on both backends. */
static int seeded_category(const char *canon)
{
	static const char *const names[] = {"政治建设", "思想建设", "组织建设",
					    "作风建设", "纪律建设", "制度建设"};
	for (size_t i = 0; i < ARRAY_SIZE(names); i++) {
		struct strbuf b = {0};
		sb_putc(&b, '{');
		json_key(&b, "id");
		json_int(&b, (long long)i + 1);
		json_key(&b, "name");
		json_text(&b, names[i]);
		json_key(&b, "sort");
		json_int(&b, 10 * ((long long)i + 1));
		sb_putc(&b, '}');
		int same = strcmp(b.s, canon) == 0;
		sb_free(&b);
		if (same)
			return 1;
	}
	return 0;
}

/* Migration 5's rules (MEETING_RULE_DEFAULTS, schema.h) and migration 7's
 * categories are rows no one wrote through qingdan: one without an entry is
 * fine while it is exactly as the migration made it (rules: ids 1 … 10 in
 * that order on both backends). */
static int seeded(const char *entity, const char *canon)
{
	static const char *const rules[][4] = {
		{"branch", "committee", "month", ">1/2"}, {"branch", "group", "month", ""},
		{"branch", "members", "quarter", ">1/2"}, {"branch", "lecture", "quarter", ""},
		{"branch", "theme-day", "month", ""}, {"branch", "org-life", "year", ""},
		{"branch", "review", "year", ""}, {"party-group", "democratic-life", "year", ">=2/3"},
		{"party-group", "study-group", "quarter", ""}, {"organ-committee", "council", "month", ""},
	};
	if (strcmp(entity, "category") == 0)
		return seeded_category(canon);
	if (strcmp(entity, "meeting_rule") != 0)
		return 0;
	for (size_t i = 0; i < ARRAY_SIZE(rules); i++) {
		struct strbuf b = {0};
		sb_putc(&b, '{');
		json_key(&b, "id");
		json_int(&b, (long long)i + 1);
		json_key(&b, "level");
		json_text(&b, rules[i][0]);
		json_key(&b, "type");
		json_text(&b, rules[i][1]);
		json_key(&b, "every");
		json_text(&b, rules[i][2]);
		json_key(&b, "min_count");
		json_int(&b, 1);
		json_key(&b, "quorum");
		json_text(&b, rules[i][3]);
		sb_putc(&b, '}');
		int same = strcmp(b.s, canon) == 0;
		sb_free(&b);
		if (same)
			return 1;
	}
	return 0;
}

/* Every live record with its last entry's digest, in one streamed query:
 * those whose canonical text hashes to something else are reported ('u'
 * when the log has no entry for them, else 'c'). */
static enum qd_status check_live(struct db *db, const char *entity,
				 void (*fn)(void *, int, const char *, long long, long long),
				 void *ctx, long long *count)
{
	const struct canon *c = canon_of(entity, NULL);
	struct strbuf sql = {0};
	sb_printf(&sql, "SELECT %s, a.seq, a.digest, ", key_col(db, entity));
	canon_select(&sql, c);
	sb_printf(&sql, " FROM \"%s\" t LEFT JOIN audit a ON a.seq = "
			"(SELECT max(seq) FROM audit WHERE entity = ?1 AND entity_id = %s) ORDER BY 1",
		  entity, key_col(db, entity));
	struct sql_stmt *st;
	int rc = sql_prepare(db, sql.s, &st);
	sb_free(&sql);
	if (rc != SQL_OK)
		return QD_DBERROR;
	sql_bind_text(st, 1, entity, -1);
	struct strbuf canon = {0};
	char digest[65];
	while ((rc = sql_step(st)) == SQL_ROW) {
		(*count)++;
		sb_reset(&canon);
		json_row(&canon, st, 3, c->cols, c->n);
		store_sha256_hex(canon.s, canon.len, digest);
		const char *logged = sql_column_text(st, 2);
		if (logged && strcmp(logged, digest) == 0)
			continue;
		int unlogged = sql_column_type(st, 1) == SQL_NULL;
		if (unlogged && seeded(entity, canon.s))
			continue;
		fn(ctx, unlogged ? 'u' : 'c', entity, sql_column_int64(st, 0),
		   unlogged ? 0 : sql_column_int64(st, 1));
	}
	sb_free(&canon);
	sql_finalize(st);
	return rc == SQL_DONE ? QD_OK : QD_DBERROR;
}

enum qd_status store_audit_check_records(struct db *db,
					 void (*fn)(void *ctx, int kind, const char *entity,
						    long long id, long long seq),
					 void *ctx, long long *checked)
{
	*checked = 0;
	for (int i = 0; store_entities[i]; i++) {
		enum qd_status s = check_live(db, store_entities[i], fn, ctx, checked);
		if (s == QD_OK)
			s = check_gone(db, store_entities[i], fn, ctx);
		if (s != QD_OK)
			return s;
	}
	return QD_OK;
}

char *store_json_pair(struct db *db, const char *key, const char *value)
{
	(void)db;
	if (!key) /* json_object() refuses a NULL label */
		return xstrdup("{}");
	struct strbuf b = {0};
	sb_putc(&b, '{');
	json_key(&b, key);
	json_text(&b, value);
	sb_putc(&b, '}');
	return sb_take(&b);
}

long long store_audit_last_seq(struct db *db, const char *entity, long long id)
{
	struct sql_stmt *st = db_stmt(db, "SELECT max(seq) FROM audit WHERE entity = ?1 AND entity_id = ?2");
	store_bind_text(st, 1, entity);
	sql_bind_int64(st, 2, id);
	long long seq = sql_step(st) == SQL_ROW ? sql_column_int64(st, 0) : 0;
	sql_reset(st);
	return seq;
}

/* Person, org and list ids in a detail come back as names (else "#ID"). */
enum { NAME_NONE, NAME_PERSON, NAME_ORG, NAME_LIST, NAME_REF };

static int name_kind(const char *key)
{
	static const struct {
		const char *key;
		int kind;
	} kinds[] = {
		{"owner_id", NAME_PERSON}, {"lead_id", NAME_PERSON}, {"person_id", NAME_PERSON},
		{"issuer_id", NAME_PERSON}, {"signer_id", NAME_PERSON},
		{"issuer_signed_by", NAME_PERSON}, {"signer_signed_by", NAME_PERSON},
		{"issuer_recorded_by", NAME_PERSON}, {"signer_recorded_by", NAME_PERSON},
		{"org_id", NAME_ORG}, {"parent_id", NAME_ORG}, {"list_id", NAME_LIST},
		{"item_id", NAME_REF}, {"successor_id", NAME_REF},
		{"host_id", NAME_PERSON}, {"recorder_id", NAME_PERSON}, {"meeting_id", NAME_REF},
		{"raiser_id", NAME_PERSON}, {"closed_by", NAME_PERSON}, {"by_id", NAME_PERSON},
		{"problem_id", NAME_REF},
	};
	for (size_t i = 0; i < ARRAY_SIZE(kinds); i++)
		if (strcmp(kinds[i].key, key) == 0)
			return kinds[i].kind;
	return NAME_NONE;
}

/* The id a detail value stands for: an integer, or a real or text that is
 * one (as SQLite's `id = v` would take it); 0 if none. */
static int value_id(int type, const char *text, long long num, long long *id)
{
	if (type == SQL_INTEGER) {
		*id = num;
		return 1;
	}
	if (!text || !*text)
		return 0;
	char *end;
	double d = strtod(text, &end);
	if (*end || !(d >= -9e18 && d <= 9e18) || d != (double)(long long)d)
		return 0;
	*id = (long long)d;
	return 1;
}

/* A value of the detail as people read it (malloc'd; NULL for null). */
static char *detail_value(struct db *db, int kind, int type, const char *text, long long num)
{
	static const char *const sql[] = {
		[NAME_PERSON] = "SELECT name FROM person WHERE id = ?1",
		[NAME_ORG] = "SELECT name FROM org WHERE id = ?1",
		[NAME_LIST] = "SELECT l.year, o.name FROM list l JOIN org o ON o.id = l.org_id "
			      "WHERE l.id = ?1",
	};
	long long id;
	if (type == SQL_NULL || !text)
		return NULL;
	if (kind == NAME_NONE)
		return xstrdup(text);
	char *name = NULL;
	if (kind != NAME_REF && value_id(type, text, num, &id)) {
		struct sql_stmt *st = db_stmt(db, sql[kind]);
		sql_bind_int64(st, 1, id);
		if (sql_step(st) == SQL_ROW) {
			const char *n = sql_column_text(st, kind == NAME_LIST ? 1 : 0);
			if (n && kind == NAME_LIST)
				name = xasprintf("%lld %s", sql_column_int64(st, 0), n);
			else if (n)
				name = xstrdup(n);
		}
		sql_reset(st);
	}
	return name ? name : xasprintf("#%s", text);
}

struct detail_ctx {
	struct db *db;
	void (*fn)(void *ctx, const char *key, int change, const char *old, const char *now);
	void *ctx;
};

static void detail_field(void *ctx, const struct json_field *f)
{
	const struct detail_ctx *d = ctx;
	int kind = name_kind(f->key);
	char *old = f->change ? detail_value(d->db, kind, f->old_type, f->old_text, f->old_num) : NULL;
	char *now = detail_value(d->db, kind, f->type, f->text, f->num);
	d->fn(d->ctx, f->key, f->change, old, now);
	free(old);
	free(now);
}

/* The detail is taken apart off the database (json_sqlite.c); only the
 * names are looked up in it, one indexed lookup per id in the detail. */
enum qd_status store_detail_each(struct db *db, const char *detail,
				 void (*fn)(void *ctx, const char *key, int change, const char *old,
					    const char *now),
				 void *ctx)
{
	struct detail_ctx d = {db, fn, ctx};
	return json_detail_each(detail, detail_field, &d);
}

/* The last audit row of an item that carries a reason (a 退回 or 取消:
 * its action in_progress or cancelled, {"reason": …} in the detail). */
enum qd_status store_item_last_reason(struct db *db, long long id,
				      void (*fn)(void *ctx, const struct audit_row *r), void *ctx)
{
	struct sql_stmt *st = db_stmt(db, AUDIT_SELECT "WHERE entity = 'item' AND entity_id = ?1 "
					  "AND action IN ('in_progress', 'cancelled') "
					  "AND detail LIKE '%\"reason\"%' ORDER BY seq DESC LIMIT 1");
	sql_bind_int64(st, 1, id);
	enum qd_status s = QD_NOTFOUND;
	int rc = sql_step(st);
	if (rc == SQL_ROW) {
		struct audit_row r;
		audit_row_of(st, &r);
		fn(ctx, &r);
		s = QD_OK;
	}
	sql_reset(st);
	return rc == SQL_ROW || rc == SQL_DONE ? s : QD_DBERROR;
}
