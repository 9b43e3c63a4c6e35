/* store_pledge.c — every query of pledges (责任书): one record in and out,
 * the signature columns of either party, batch audiences, keyset pages for
 * the screen, the year's progress and the `pledge list` listing.  Part of
 * the storage module (store_pledge.h); the rules live in src/pledge.c.
 *
 * The two parties' signatures sit in parallel columns (issuer_* and
 * signer_*): each statement exists once per party as constant text, chosen
 * by the party, so no SQL is ever assembled from anything a user typed. */
#include "qingdan/store_pledge.h"

#include "sql.h"
#include <stdlib.h>
#include <string.h>

#include "qingdan/db.h"
#include "store_impl.h"

/* ---- one record ---- */

#define SIG_COLS(p) \
	"g." p "_signed_on, g." p "_signed_by, " p "b.name, g." p "_method, g." p "_proxy, " \
	"g." p "_proxy_note, g." p "_recorded_by, " p "r.name, "
#define SIG_JOINS(p) \
	"LEFT JOIN person " p "b ON " p "b.id = g." p "_signed_by " \
	"LEFT JOIN person " p "r ON " p "r.id = g." p "_recorded_by "

/* The row shape of store_pledge_get and store_pledge_page. */
#define PLEDGE_SELECT \
	"SELECT g.id, g.year, g.title, g.body, g.issuer_id, ip.name, ip.post, g.signer_id, " \
	"sp.name, sp.post, so.name, g.sign_due, g.status, g.body_sha256, " \
	SIG_COLS("issuer") SIG_COLS("signer") \
	"g.grade, g.score, g.assessed_on, g.assess_note, g.void_reason, g.successor_id, " \
	"(SELECT pr.id FROM pledge pr WHERE pr.successor_id = g.id ORDER BY pr.id LIMIT 1), " \
	"g.version, g.created_at, g.updated_at, " \
	"CASE WHEN g.status = 'issued' AND g.sign_due < :today THEN 1 ELSE 0 END " \
	"FROM pledge g JOIN person ip ON ip.id = g.issuer_id JOIN person sp ON sp.id = g.signer_id " \
	"LEFT JOIN org so ON so.id = sp.org_id " SIG_JOINS("issuer") SIG_JOINS("signer")

static void sig_row(struct sql_stmt *st, int c, struct pledge_sig *s)
{
	s->on = store_col(st, c);
	s->by_id = sql_column_int64(st, c + 1);
	s->by_name = store_col(st, c + 2);
	s->method = store_col(st, c + 3);
	s->proxy = sql_column_int(st, c + 4);
	s->proxy_note = store_col(st, c + 5);
	s->recorded_by = sql_column_int64(st, c + 6);
	s->recorded_name = store_col(st, c + 7);
}

static void pledge_row(struct sql_stmt *st, struct pledge *p)
{
	memset(p, 0, sizeof *p);
	p->id = sql_column_int64(st, 0);
	p->year = sql_column_int(st, 1);
	p->title = store_col(st, 2);
	p->body = store_col(st, 3);
	p->issuer_id = sql_column_int64(st, 4);
	p->issuer_name = store_col(st, 5);
	p->issuer_post = store_col(st, 6);
	p->signer_id = sql_column_int64(st, 7);
	p->signer_name = store_col(st, 8);
	p->signer_post = store_col(st, 9);
	p->signer_org = store_col(st, 10);
	p->sign_due = store_col(st, 11);
	int status = pledge_status_parse((const char *)sql_column_text(st, 12));
	p->status = status < 0 ? PL_DRAFT : (enum pledge_status)status;
	p->body_sha256 = store_col(st, 13);
	sig_row(st, 14, &p->sig[PARTY_ISSUER]);
	sig_row(st, 22, &p->sig[PARTY_SIGNER]);
	p->grade = store_col(st, 30);
	p->has_score = sql_column_type(st, 31) != SQL_NULL;
	p->score = sql_column_double(st, 31);
	p->assessed_on = store_col(st, 32);
	p->assess_note = store_col(st, 33);
	p->void_reason = store_col(st, 34);
	p->successor_id = sql_column_int64(st, 35);
	p->predecessor_id = sql_column_int64(st, 36);
	p->version = sql_column_int(st, 37);
	p->created_at = store_col(st, 38);
	p->updated_at = store_col(st, 39);
	p->overdue = sql_column_int(st, 40);
	p->body_ok = 1;
	if (p->body_sha256) {
		char hex[65];
		const char *body = p->body ? p->body : "";
		store_sha256_hex(body, strlen(body), hex);
		p->body_ok = strcmp(hex, p->body_sha256) == 0;
	}
}

enum qd_status store_pledge_get(struct db *db, long long id, const char *today, struct pledge *p)
{
	struct sql_stmt *st = db_stmt(db, PLEDGE_SELECT "WHERE g.id = :id");
	sql_bind_int64(st, sql_param_index(st, ":id"), id);
	store_bind_text(st, sql_param_index(st, ":today"), today);
	enum qd_status s = QD_NOTFOUND;
	int rc = sql_step(st);
	if (rc == SQL_ROW) {
		pledge_row(st, p);
		s = QD_OK;
	} else if (rc != SQL_DONE) {
		s = QD_DBERROR;
	}
	sql_reset(st);
	return s;
}

enum qd_status store_pledge_insert(struct db *db, int year, const char *title, const char *body,
				   long long issuer_id, long long signer_id, const char *due_iso,
				   const char *status, const char *now, long long *id)
{
	struct sql_stmt *st = db_stmt(db,
		"INSERT INTO pledge(year, title, body, issuer_id, signer_id, sign_due, status, "
		"created_at, updated_at) VALUES (?1, ?2, coalesce(?3, ''), ?4, ?5, nullif(?6, ''), ?7, ?8, ?8) RETURNING id");
	sql_bind_int(st, 1, year);
	store_bind_text(st, 2, title);
	store_bind_text(st, 3, body);
	store_bind_id(st, 4, issuer_id);
	store_bind_id(st, 5, signer_id);
	store_bind_text(st, 6, due_iso);
	store_bind_text(st, 7, status);
	store_bind_text(st, 8, now);
	return store_insert(db, st, id);
}

enum qd_status store_pledge_update(struct db *db, long long id, int version, const char *title,
				   const char *body, const char *due_iso, long long issuer_id,
				   long long signer_id, const char *now)
{
	struct sql_stmt *st = db_stmt(db,
		"UPDATE pledge SET title = coalesce(?3, title), body = coalesce(?4, body), "
		"sign_due = CASE WHEN CAST(?5 AS TEXT) IS NULL THEN sign_due ELSE nullif(?5, '') END, "
		"issuer_id = CASE WHEN ?6 > 0 THEN ?6 ELSE issuer_id END, "
		"signer_id = CASE WHEN ?7 > 0 THEN ?7 ELSE signer_id END, "
		"version = version + 1, updated_at = ?8 WHERE id = ?1 AND version = ?2");
	sql_bind_int64(st, 1, id);
	sql_bind_int(st, 2, version);
	store_bind_text(st, 3, title);
	store_bind_text(st, 4, body);
	store_bind_text(st, 5, due_iso);
	sql_bind_int64(st, 6, issuer_id);
	sql_bind_int64(st, 7, signer_id);
	store_bind_text(st, 8, now);
	return store_changed_one(db, st);
}

enum qd_status store_pledge_status(struct db *db, long long id, int version, const char *status,
				   const char *now)
{
	struct sql_stmt *st = db_stmt(db, "UPDATE pledge SET status = ?3, version = version + 1, "
				       "updated_at = ?4 WHERE id = ?1 AND version = ?2");
	sql_bind_int64(st, 1, id);
	sql_bind_int(st, 2, version);
	store_bind_text(st, 3, status);
	store_bind_text(st, 4, now);
	return store_changed_one(db, st);
}

#define SIGN_SQL(p) \
	"UPDATE pledge SET " p "_signed_on = ?3, " p "_signed_by = ?4, " p "_method = ?5, " \
	p "_proxy = ?6, " p "_proxy_note = nullif(?7, ''), " p "_recorded_by = ?8, " \
	"body_sha256 = coalesce(?9, body_sha256), status = ?10, version = version + 1, " \
	"updated_at = ?11 WHERE id = ?1 AND version = ?2"

enum qd_status store_pledge_sign(struct db *db, long long id, int version, enum pledge_party party,
				 const struct store_sig *s, const char *body_sha256,
				 const char *status, const char *now)
{
	static const char *const sql[2] = {SIGN_SQL("issuer"), SIGN_SQL("signer")};
	struct sql_stmt *st = db_stmt(db, sql[party == PARTY_SIGNER]);
	sql_bind_int64(st, 1, id);
	sql_bind_int(st, 2, version);
	store_bind_text(st, 3, s->on);
	store_bind_id(st, 4, s->by_id);
	store_bind_text(st, 5, s->method);
	sql_bind_int(st, 6, !str_empty(s->proxy_note));
	store_bind_text(st, 7, s->proxy_note);
	store_bind_id(st, 8, s->recorded_by);
	store_bind_text(st, 9, body_sha256);
	store_bind_text(st, 10, status);
	store_bind_text(st, 11, now);
	return store_changed_one(db, st);
}

enum qd_status store_pledge_assess(struct db *db, long long id, int version, const char *grade,
				   double score, const char *on, const char *note, const char *now)
{
	struct sql_stmt *st = db_stmt(db,
		"UPDATE pledge SET status = 'assessed', grade = ?3, score = ?4, assessed_on = ?5, "
		"assess_note = nullif(?6, ''), version = version + 1, updated_at = ?7 "
		"WHERE id = ?1 AND version = ?2");
	sql_bind_int64(st, 1, id);
	sql_bind_int(st, 2, version);
	store_bind_text(st, 3, grade);
	if (score >= 0)
		sql_bind_double(st, 4, score);
	else
		sql_bind_null(st, 4);
	store_bind_text(st, 5, on);
	store_bind_text(st, 6, note);
	store_bind_text(st, 7, now);
	return store_changed_one(db, st);
}

enum qd_status store_pledge_void(struct db *db, long long id, int version, const char *reason,
				 long long successor_id, const char *now)
{
	struct sql_stmt *st = db_stmt(db,
		"UPDATE pledge SET status = 'void', void_reason = ?3, successor_id = ?4, "
		"version = version + 1, updated_at = ?5 WHERE id = ?1 AND version = ?2");
	sql_bind_int64(st, 1, id);
	sql_bind_int(st, 2, version);
	store_bind_text(st, 3, reason);
	store_bind_id(st, 4, successor_id);
	store_bind_text(st, 5, now);
	return store_changed_one(db, st);
}

long long store_pledge_live_same(struct db *db, int year, const char *title, long long signer_id,
				 long long except)
{
	struct sql_stmt *st = db_stmt(db, "SELECT id FROM pledge WHERE signer_id = ?1 AND year = ?2 "
				       "AND title = ?3 AND status <> 'void' AND id <> ?4 ORDER BY id LIMIT 1");
	sql_bind_int64(st, 1, signer_id);
	sql_bind_int(st, 2, year);
	store_bind_text(st, 3, title);
	sql_bind_int64(st, 4, except);
	long long id = sql_step(st) == SQL_ROW ? sql_column_int64(st, 0) : 0;
	sql_reset(st);
	return id;
}

enum qd_status store_pledge_people(struct db *db, long long org_id,
				   int (*match)(const char *post, const void *ctx), const void *ctx,
				   long long **ids, int *n)
{
	struct sql_stmt *st = db_stmt(db,
		"WITH RECURSIVE sub(id) AS (SELECT id FROM org WHERE id = ?1 UNION SELECT o.id "
		"FROM org o JOIN sub ON o.parent_id = sub.id) "
		"SELECT p.id, p.post FROM person p LEFT JOIN org o ON o.id = p.org_id "
		"WHERE p.active = 1 AND (?1 = 0 OR p.org_id IN (SELECT id FROM sub)) "
		"ORDER BY o.sort IS NULL, o.sort, o.id, p.id");
	sql_bind_int64(st, 1, org_id);
	*ids = NULL;
	*n = 0;
	int rc;
	while ((rc = sql_step(st)) == SQL_ROW) {
		const char *post = (const char *)sql_column_text(st, 1);
		if (match && !match(post ? post : "", ctx))
			continue;
		*ids = xrealloc(*ids, (size_t)(*n + 1) * sizeof **ids);
		(*ids)[(*n)++] = sql_column_int64(st, 0);
	}
	sql_reset(st);
	return rc == SQL_DONE ? QD_OK : QD_DBERROR;
}

/* The WHERE of a filter (named parameters, bound by bind_filter), in
 * dialect d. */
static void filter_sql(struct strbuf *sql, int d, const struct pledge_filter *f)
{
	if (f->year)
		sb_puts(sql, " AND g.year = :year");
	if (f->status >= 0)
		sb_puts(sql, " AND g.status = :status");
	if (f->overdue)
		sb_puts(sql, " AND g.status = 'issued' AND g.sign_due < :today");
	if (f->signer_id)
		sb_puts(sql, " AND g.signer_id = :signer");
	if (f->issuer_id)
		sb_puts(sql, " AND g.issuer_id = :issuer");
	if (f->person_id)
		sb_puts(sql, " AND (g.signer_id = :person OR g.issuer_id = :person)");
	if (f->proxy)
		sb_puts(sql, " AND (g.issuer_proxy = 1 OR g.signer_proxy = 1)");
	if (!str_empty(f->search)) {
		const char *like = store_like(d);
		sb_printf(sql, " AND (g.title %s :search ESCAPE '\\' OR sp.name %s :search ESCAPE '\\' "
			       "OR ip.name %s :search ESCAPE '\\')", like, like, like);
	}
}

static void bind_filter(struct sql_stmt *st, const struct pledge_filter *f, const char *today)
{
	const struct {
		const char *name;
		long long v;
	} nums[] = {{":year", f->year}, {":signer", f->signer_id}, {":issuer", f->issuer_id},
		    {":person", f->person_id}};
	for (size_t i = 0; i < ARRAY_SIZE(nums); i++) {
		int idx = sql_param_index(st, nums[i].name);
		if (idx)
			sql_bind_int64(st, idx, nums[i].v);
	}
	int idx = sql_param_index(st, ":status");
	if (idx)
		store_bind_text(st, idx, pledge_status_code((enum pledge_status)f->status));
	idx = sql_param_index(st, ":today");
	if (idx)
		store_bind_text(st, idx, today);
	idx = sql_param_index(st, ":search");
	if (idx) {
		char *pattern = store_like_pattern(f->search);
		store_bind_text(st, idx, pattern);
		free(pattern);
	}
}

enum qd_status store_pledge_page(struct db *db, const struct pledge_filter *f, const char *today,
				 long long from_id, int dir, int limit, struct pledge **out, int *n)
{
	struct strbuf sql = {0};
	if (dir >= 0)
		sb_puts(&sql, PLEDGE_SELECT "WHERE g.id > :from");
	else
		sb_puts(&sql, PLEDGE_SELECT "WHERE (:from = 0 OR g.id < :from)");
	filter_sql(&sql, db_dialect(db), f);
	sb_puts(&sql, dir >= 0 ? " ORDER BY g.id LIMIT :limit" : " ORDER BY g.id DESC LIMIT :limit");
	struct sql_stmt *st = NULL;
	*out = NULL;
	*n = 0;
	enum qd_status s = QD_OK;
	if (sql_prepare(db, sql.s, &st) != SQL_OK) {
		s = QD_DBERROR;
		goto cleanup;
	}
	bind_filter(st, f, today);
	sql_bind_int64(st, sql_param_index(st, ":from"), from_id);
	sql_bind_int(st, sql_param_index(st, ":limit"), limit);
	int rc;
	while ((rc = sql_step(st)) == SQL_ROW) {
		*out = xrealloc(*out, (size_t)(*n + 1) * sizeof **out);
		pledge_row(st, &(*out)[(*n)++]);
	}
	if (rc != SQL_DONE)
		s = QD_DBERROR;
	for (int i = 0; dir < 0 && i < *n / 2; i++) {
		struct pledge tmp = (*out)[i];
		(*out)[i] = (*out)[*n - 1 - i];
		(*out)[*n - 1 - i] = tmp;
	}
cleanup:
	sql_finalize(st);
	sb_free(&sql);
	return s;
}

enum qd_status store_pledge_progress(struct db *db, int year, const char *today,
				     struct pledge_progress *pp)
{
	struct sql_stmt *st = db_stmt(db,
		"SELECT count(*), count(CASE WHEN status = 'draft' THEN 1 END), "
		"count(CASE WHEN status IN ('issued','signed','assessed','archived') THEN 1 END), "
		"count(CASE WHEN status IN ('signed','assessed','archived') THEN 1 END), "
		"count(CASE WHEN status = 'issued' AND sign_due < ?2 THEN 1 END), "
		"count(CASE WHEN status <> 'void' AND (issuer_proxy = 1 OR signer_proxy = 1) THEN 1 END), "
		"count(CASE WHEN status = 'void' THEN 1 END) "
		"FROM pledge WHERE ?1 = 0 OR year = ?1");
	sql_bind_int(st, 1, year);
	store_bind_text(st, 2, today);
	memset(pp, 0, sizeof *pp);
	enum qd_status s = QD_DBERROR;
	if (sql_step(st) == SQL_ROW) {
		int *v[] = {&pp->total, &pp->drafts, &pp->issued, &pp->signed_, &pp->overdue,
			    &pp->proxy, &pp->voided};
		for (int i = 0; i < (int)ARRAY_SIZE(v); i++)
			*v[i] = sql_column_int(st, i);
		s = QD_OK;
	}
	sql_reset(st);
	return s;
}

/* ---- the listing ---- */

static const char *const list_cols[] = {
	"id", "year", "title", "issuer", "signer", "due", "status", "flags", "issuer_signed",
	"signer_signed", "proxy", "proxy_note", "grade", "score", "successor",
};

#define LIST_SELECT \
	"SELECT g.id AS id, g.year AS year, g.title AS title, ip.name AS issuer, sp.name AS signer, " \
	"coalesce(g.sign_due, '') AS due, g.status AS status, " \
	"CASE WHEN g.status = 'issued' AND g.sign_due < :today THEN 'overdue' ELSE '' END AS flags, " \
	"coalesce(g.issuer_signed_on, '') AS issuer_signed, " \
	"coalesce(g.signer_signed_on, '') AS signer_signed, " \
	"CASE WHEN g.issuer_proxy = 1 OR g.signer_proxy = 1 THEN 1 ELSE 0 END AS proxy, " \
	"coalesce(CASE WHEN g.signer_proxy = 1 THEN g.signer_proxy_note END || " \
	"CASE WHEN g.issuer_proxy = 1 THEN ' / ' || g.issuer_proxy_note END, " \
	"CASE WHEN g.signer_proxy = 1 THEN g.signer_proxy_note END, " \
	"CASE WHEN g.issuer_proxy = 1 THEN g.issuer_proxy_note END, '') AS proxy_note, " \
	"coalesce(g.grade, '') AS grade, " \
	"CASE WHEN g.score = CAST(g.score AS INTEGER) THEN CAST(g.score AS INTEGER) ELSE g.score END " \
	"AS score, g.successor_id AS successor " \
	"FROM pledge g JOIN person ip ON ip.id = g.issuer_id JOIN person sp ON sp.id = g.signer_id " \
	"WHERE 1 = 1"

struct list_ctx {
	const struct pledge_filter *f;
	const char *today;
};

static void bind_list(struct sql_stmt *st, const void *ctx)
{
	const struct list_ctx *c = ctx;
	bind_filter(st, c->f, c->today);
}

enum qd_status store_pledge_list(struct db *db, const struct pledge_filter *f, const char *today,
				 struct rowsink *s, struct strbuf *err)
{
	struct strbuf inner = {0};
	sb_puts(&inner, LIST_SELECT);
	filter_sql(&inner, db_dialect(db), f);
	sb_puts(&inner, " ORDER BY g.id");
	const struct list_ctx c = {f, today};
	enum qd_status status = store_run_listing(db, inner.s, list_cols, (int)ARRAY_SIZE(list_cols),
						  bind_list, &c, s, err);
	sb_free(&inner);
	return status;
}

/* ---- one pledge in full (pledge show --format tsv|csv|json) ---- */

static const char *const show_cols[] = {
	"id", "year", "title", "issuer", "signer", "due", "status", "flags", "issuer_signed",
	"signer_signed", "proxy", "proxy_note", "grade", "score", "successor",
	"issuer_signed_by", "issuer_method", "issuer_recorded_by", "signer_signed_by",
	"signer_method", "signer_recorded_by", "assessed_on", "assess_note", "void_reason",
	"body_sha256", "version", "created_at", "updated_at", "body",
};

#define SHOW_PERSON(col) "coalesce((SELECT name FROM person WHERE id = g." col "), '') AS " col ", "

struct show_ctx {
	long long id;
	const char *today;
};

static void bind_show(struct sql_stmt *st, const void *ctx)
{
	const struct show_ctx *c = ctx;
	sql_bind_int64(st, sql_param_index(st, ":id"), c->id);
	store_bind_text(st, sql_param_index(st, ":today"), c->today);
}

enum qd_status store_pledge_show(struct db *db, long long id, const char *today, struct rowsink *s,
				 struct strbuf *err)
{
	static const char *inner =
		"SELECT l.*, " SHOW_PERSON("issuer_signed_by") "coalesce(g.issuer_method, '') AS issuer_method, "
		SHOW_PERSON("issuer_recorded_by") SHOW_PERSON("signer_signed_by")
		"coalesce(g.signer_method, '') AS signer_method, " SHOW_PERSON("signer_recorded_by")
		"coalesce(g.assessed_on, '') AS assessed_on, coalesce(g.assess_note, '') AS assess_note, "
		"coalesce(g.void_reason, '') AS void_reason, coalesce(g.body_sha256, '') AS body_sha256, "
		"g.version AS version, g.created_at AS created_at, g.updated_at AS updated_at, "
		"g.body AS body FROM (" LIST_SELECT " AND g.id = :id) l JOIN pledge g ON g.id = l.id";
	const struct show_ctx c = {id, today};
	return store_run_listing(db, inner, show_cols, (int)ARRAY_SIZE(show_cols), bind_show, &c, s,
				 err);
}
