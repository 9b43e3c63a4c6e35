/* store_audit.c — the storage side of the audit trail: canonical text of a
 * record, field diffs, the audit table, and the checks behind
 * `audit verify`.  Part of the storage module (store.h).
 *
 * A record's canonical text is json_object() of all its columns, so it is
 * deterministic and SQLite does the escaping.  Its digest (SHA-256, via a
 * qd_sha256() SQL function backed by libcrypto) is stored in each audit row;
 * verify compares every live record with its last row's digest in one query
 * per table. */
#include "qingdan/store.h"

#include <openssl/evp.h>
#include "sql.h"
#include <stdlib.h>
#include <string.h>

#include "qingdan/db.h"
#include "store_impl.h"

const char *const store_entities[] = {"setting", "org", "person", "list", "item", "note", "pledge", NULL};

/* Canonical json_object() per entity, over alias t; the key column first. */
static const char *canon_expr(const char *entity)
{
	static const struct {
		const char *entity, *expr;
	} canon[] = {
		{"setting", "json_object('key', t.key, 'value', t.value)"},
		{"org", "json_object('id', t.id, 'name', t.name, 'level', t.level, "
			"'parent_id', t.parent_id, 'sort', t.sort)"},
		{"person", "json_object('id', t.id, 'name', t.name, 'post', t.post, 'org_id', t.org_id, "
			   "'login', t.login, 'is_admin', t.is_admin, 'active', t.active)"},
		{"list", "json_object('id', t.id, 'org_id', t.org_id, 'year', t.year, 'title', t.title, "
			 "'state', t.state)"},
		{"item", "json_object('id', t.id, 'list_id', t.list_id, 'seq', t.seq, "
			 "'category', t.category, 'content', t.content, 'measures', t.measures, "
			 "'standard', t.standard, 'due', t.due, 'due_text', t.due_text, "
			 "'owner_id', t.owner_id, 'lead_id', t.lead_id, 'status', t.status, "
			 "'done_on', t.done_on, 'version', t.version, 'created_at', t.created_at, "
			 "'updated_at', t.updated_at, 'deleted_at', t.deleted_at)"},
		{"note", "json_object('id', t.id, 'item_id', t.item_id, 'on_date', t.on_date, "
			 "'person_id', t.person_id, 'text', t.text, 'created_at', t.created_at)"},
		{"pledge", "json_object('id', t.id, 'year', t.year, 'title', t.title, 'body', t.body, "
			   "'issuer_id', t.issuer_id, 'signer_id', t.signer_id, 'sign_due', t.sign_due, "
			   "'status', t.status, 'body_sha256', t.body_sha256, "
			   "'issuer_signed_on', t.issuer_signed_on, 'issuer_signed_by', t.issuer_signed_by, "
			   "'issuer_method', t.issuer_method, 'issuer_proxy', t.issuer_proxy, "
			   "'issuer_proxy_note', t.issuer_proxy_note, 'issuer_recorded_by', t.issuer_recorded_by, "
			   "'signer_signed_on', t.signer_signed_on, 'signer_signed_by', t.signer_signed_by, "
			   "'signer_method', t.signer_method, 'signer_proxy', t.signer_proxy, "
			   "'signer_proxy_note', t.signer_proxy_note, 'signer_recorded_by', t.signer_recorded_by, "
			   "'grade', t.grade, 'score', t.score, 'assessed_on', t.assessed_on, "
			   "'assess_note', t.assess_note, 'void_reason', t.void_reason, "
			   "'successor_id', t.successor_id, 'version', t.version, "
			   "'created_at', t.created_at, 'updated_at', t.updated_at)"},
	};
	for (size_t i = 0; i < ARRAY_SIZE(canon); i++)
		if (strcmp(canon[i].entity, entity) == 0)
			return canon[i].expr;
	return NULL;
}

/* setting is keyed by text: its audit id is SQLite's rowid, PostgreSQL's
 * id column. */
static const char *key_col(int dialect, const char *entity)
{
	if (strcmp(entity, "setting") != 0)
		return "t.id";
	return dialect == DB_PG ? "t.id" : "t.rowid";
}

void store_sha256_hex(const char *text, size_t len, char *out)
{
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int n = 0;
	EVP_Digest(text, len, md, &n, EVP_sha256(), NULL);
	for (unsigned i = 0; i < n; i++) {
		out[2 * i] = "0123456789abcdef"[md[i] >> 4];
		out[2 * i + 1] = "0123456789abcdef"[md[i] & 15];
	}
	out[2 * n] = '\0';
}

/* Statement text per entity, built once and cached by pointer in db_stmt. */
static const char *canon_sql(int dialect, const char *entity)
{
	static char *sql[2][8];
	int d = dialect == DB_PG;
	for (int i = 0; store_entities[i]; i++) {
		if (strcmp(store_entities[i], entity) != 0)
			continue;
		if (!sql[d][i])
			sql[d][i] = xasprintf("SELECT %s FROM \"%s\" t WHERE %s = ?1", canon_expr(entity),
					      entity, key_col(dialect, entity));
		return sql[d][i];
	}
	return NULL;
}

char *store_canon(struct db *db, const char *entity, long long id)
{
	const char *sql = canon_sql(db_dialect(db), entity);
	if (!sql)
		return NULL;
	struct sql_stmt *st = db_stmt(db, sql);
	sql_bind_int64(st, 1, id);
	char *out = sql_step(st) == SQL_ROW ? store_col(st, 0) : NULL;
	sql_reset(st);
	return out;
}

char *store_json_diff(struct db *db, const char *before, const char *after, const char *extra)
{
	struct sql_stmt *st = db_stmt(db,
		"SELECT json_patch(coalesce((SELECT json_group_object(n.key, "
		"  CASE WHEN ?1 IS NULL THEN n.value ELSE json_array(o.value, n.value) END) "
		"  FROM json_each(?2) n LEFT JOIN json_each(?1) o ON o.key = n.key "
		"  WHERE (?1 IS NULL AND n.value IS NOT NULL) OR (?1 IS NOT NULL "
		"  AND o.value IS NOT n.value AND n.key NOT IN ('version', 'updated_at'))), '{}'), "
		"  coalesce(?3, '{}'))");
	store_bind_text(st, 1, before);
	store_bind_text(st, 2, after ? after : "{}");
	store_bind_text(st, 3, extra);
	char *out = sql_step(st) == SQL_ROW ? store_col(st, 0) : NULL;
	sql_reset(st);
	return out ? out : xstrdup("{}");
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

static enum qd_status check_query(struct db *db, const char *sql, int kind, const char *entity,
				  void (*fn)(void *, int, const char *, long long, long long),
				  void *ctx, long long *count)
{
	struct sql_stmt *st;
	if (sql_prepare(db, sql, &st) != SQL_OK)
		return QD_DBERROR;
	if (!count)
		sql_bind_text(st, 1, entity, -1);   /* the count has no parameter */
	int rc;
	while ((rc = sql_step(st)) == SQL_ROW) {
		if (count) {
			*count = sql_column_int64(st, 0);
			continue;
		}
		long long seq = sql_column_int64(st, 1);
		int k = kind ? kind : (sql_column_type(st, 1) == SQL_NULL ? 'u' : 'c');
		fn(ctx, k, entity, sql_column_int64(st, 0), seq);
	}
	sql_finalize(st);
	return rc == SQL_DONE ? QD_OK : QD_DBERROR;
}

enum qd_status store_audit_check_records(struct db *db,
					 void (*fn)(void *ctx, int kind, const char *entity,
						    long long id, long long seq),
					 void *ctx, long long *checked)
{
	*checked = 0;
	int d = db_dialect(db);
	for (int i = 0; store_entities[i]; i++) {
		const char *e = store_entities[i];
		/* live records whose digest differs from their last entry's */
		char *changed = xasprintf(
			"SELECT %s, a.seq FROM \"%s\" t LEFT JOIN audit a ON a.seq = "
			"(SELECT max(seq) FROM audit WHERE entity = ?1 AND entity_id = %s) "
			"WHERE a.digest IS DISTINCT FROM qd_sha256(%s) ORDER BY 1",
			key_col(d, e), e, key_col(d, e), canon_expr(e));
		/* records the log knows that are no longer in the file */
		char *gone = xasprintf(
			"SELECT a.entity_id, max(a.seq) FROM audit a WHERE a.entity = ?1 AND NOT EXISTS "
			"(SELECT 1 FROM \"%s\" t WHERE %s = a.entity_id) GROUP BY a.entity_id ORDER BY 1",
			e, key_col(d, e));
		char *count = xasprintf("SELECT count(*) FROM \"%s\"", e);
		long long n = 0;
		enum qd_status s = check_query(db, changed, 0, e, fn, ctx, NULL);
		if (s == QD_OK)
			s = check_query(db, gone, 'g', e, fn, ctx, NULL);
		if (s == QD_OK)
			s = check_query(db, count, 0, e, fn, ctx, &n);
		*checked += n;
		free(changed);
		free(gone);
		free(count);
		if (s != QD_OK)
			return s;
	}
	return QD_OK;
}

char *store_json_pair(struct db *db, const char *key, const char *value)
{
	struct sql_stmt *st = db_stmt(db, "SELECT json_object(?1, ?2)");
	store_bind_text(st, 1, key);
	store_bind_text(st, 2, value);
	char *out = sql_step(st) == SQL_ROW ? store_col(st, 0) : NULL;
	sql_reset(st);
	return out ? out : xstrdup("{}");
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
#define DETAIL_NAME(v) \
	"CASE WHEN " v " IS NULL THEN NULL " \
	"WHEN k IN ('owner_id', 'lead_id', 'person_id', 'issuer_id', 'signer_id', " \
	"  'issuer_signed_by', 'signer_signed_by', 'issuer_recorded_by', 'signer_recorded_by') " \
	"THEN coalesce((SELECT name FROM person WHERE id = " v "), '#' || " v ") " \
	"WHEN k IN ('org_id', 'parent_id') " \
	"THEN coalesce((SELECT name FROM org WHERE id = " v "), '#' || " v ") " \
	"WHEN k = 'list_id' THEN coalesce((SELECT l.year || ' ' || o.name FROM list l " \
	"  JOIN org o ON o.id = l.org_id WHERE l.id = " v "), '#' || " v ") " \
	"WHEN k IN ('item_id', 'successor_id') THEN '#' || " v " ELSE " v " END"

enum qd_status store_detail_each(struct db *db, const char *detail,
				 void (*fn)(void *ctx, const char *key, int change, const char *old,
					    const char *now),
				 void *ctx)
{
	struct sql_stmt *st = db_stmt(db,
		"WITH f(ord, k, change, val, typ) AS (SELECT id, key, "
		"  type = 'array' AND key <> 'records' AND "
		"  CASE WHEN type = 'array' THEN json_array_length(value) = 2 ELSE 0 END, value, type "
		"  FROM json_each(CASE WHEN json_valid(?1) THEN ?1 ELSE '{}' END)), "
		"g(ord, k, change, o, n) AS (SELECT ord, k, change, "
		"  CASE WHEN change THEN json_extract(val, '$[0]') END, "
		"  CASE WHEN change THEN json_extract(val, '$[1]') "
		"  WHEN k = 'records' AND typ = 'array' THEN json_array_length(val) ELSE val END FROM f) "
		"SELECT k, change, " DETAIL_NAME("o") ", "
		"CASE WHEN change OR k <> 'records' THEN " DETAIL_NAME("n") " ELSE n END FROM g ORDER BY ord");
	store_bind_text(st, 1, detail ? detail : "{}");
	int rc;
	while ((rc = sql_step(st)) == SQL_ROW) {
		const char *key = (const char *)sql_column_text(st, 0);
		int change = sql_column_int(st, 1);
		const char *o = (const char *)sql_column_text(st, 2);
		const char *n = (const char *)sql_column_text(st, 3);
		fn(ctx, key ? key : "", change, change ? o : NULL, n);
	}
	sql_reset(st);
	return rc == SQL_DONE ? QD_OK : QD_DBERROR;
}
