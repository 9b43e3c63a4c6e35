/* store_records.c — reading and writing single records: orgs, people,
 * settings, lists, items, notes.  Part of the storage module (store.h);
 * no rules here, the model decides what may be written. */
#include "qingdan/store.h"

#include "sql.h"
#include <stdlib.h>
#include <string.h>

#include "qingdan/db.h"
#include "qingdan/norm.h"
#include "store_impl.h"

char *store_col(struct sql_stmt *st, int i)
{
	const char *t = sql_column_text(st, i);
	return t ? xstrdup((const char *)t) : NULL;
}

void store_bind_text(struct sql_stmt *st, int i, const char *s)
{
	if (s)
		sql_bind_text(st, i, s, -1);
	else
		sql_bind_null(st, i);
}

void store_bind_id(struct sql_stmt *st, int i, long long id)
{
	if (id > 0)
		sql_bind_int64(st, i, id);
	else
		sql_bind_null(st, i);
}

/* Step a write statement to completion. */
enum qd_status store_step_done(struct sql_stmt *st)
{
	int rc = sql_step(st);
	sql_reset(st);
	if (rc == SQL_DONE)
		return QD_OK;
	return rc == SQL_CONSTRAINT ? QD_INVALID : QD_DBERROR;
}

enum qd_status store_insert(struct db *db, struct sql_stmt *st, long long *id)
{
	(void)db;
	int rc = sql_step(st);
	if (rc == SQL_ROW) {
		*id = sql_column_int64(st, 0);
		rc = sql_step(st);
	}
	sql_reset(st);
	if (rc == SQL_DONE)
		return QD_OK;
	return rc == SQL_CONSTRAINT ? QD_INVALID : QD_DBERROR;
}

enum qd_status store_changed_one(struct db *db, struct sql_stmt *st)
{
	enum qd_status s = store_step_done(st);
	if (s != QD_OK)
		return s;
	return sql_changes(db) == 1 ? QD_OK : QD_CONFLICT;
}

/* ---- orgs ---- */

enum qd_status store_org_insert(struct db *db, const char *name, const char *level,
				long long parent_id, long long *id)
{
	struct sql_stmt *st = db_stmt(db, "INSERT INTO org(name, level, parent_id, sort) "
				       "VALUES (?1, ?2, ?3, (SELECT coalesce(max(sort), 0) + 1 FROM org)) RETURNING id");
	store_bind_text(st, 1, name);
	store_bind_text(st, 2, level);
	store_bind_id(st, 3, parent_id);
	return store_insert(db, st, id);
}

void store_org_row(struct sql_stmt *st, struct org *o)
{
	o->id = sql_column_int64(st, 0);
	o->name = store_col(st, 1);
	o->level = store_col(st, 2);
	o->parent_id = sql_column_int64(st, 3);
	o->sort = sql_column_int(st, 4);
}

enum qd_status store_org_get(struct db *db, long long id, struct org *o)
{
	struct sql_stmt *st = db_stmt(db, STORE_ORG_SELECT "WHERE id = ?1");
	sql_bind_int64(st, 1, id);
	enum qd_status s = QD_NOTFOUND;
	if (sql_step(st) == SQL_ROW) {
		store_org_row(st, o);
		s = QD_OK;
	}
	sql_reset(st);
	return s;
}

enum qd_status store_org_by_name(struct db *db, const char *name, long long *id)
{
	struct sql_stmt *st = db_stmt(db, "SELECT id FROM org WHERE name = ?1");
	store_bind_text(st, 1, name);
	enum qd_status s = QD_NOTFOUND;
	if (sql_step(st) == SQL_ROW) {
		*id = sql_column_int64(st, 0);
		s = QD_OK;
	}
	sql_reset(st);
	return s;
}

/* ---- people ---- */

#define PERSON_SELECT STORE_PERSON_SELECT " "

void store_person_row(struct sql_stmt *st, struct person *p)
{
	memset(p, 0, sizeof *p);
	p->id = sql_column_int64(st, 0);
	p->name = store_col(st, 1);
	p->post = store_col(st, 2);
	p->org_id = sql_column_int64(st, 3);
	p->org_name = store_col(st, 4);
	p->login = store_col(st, 5);
	p->is_admin = sql_column_int(st, 6);
	p->active = sql_column_int(st, 7);
}

enum qd_status store_person_insert(struct db *db, const struct person_fields *f, long long *id)
{
	struct sql_stmt *st = db_stmt(db, "INSERT INTO person(name, post, org_id, login, is_admin, active) "
				       "VALUES (?1, coalesce(?2, ''), ?3, nullif(?4, ''), ?5, ?6) RETURNING id");
	store_bind_text(st, 1, f->name);
	store_bind_text(st, 2, f->post);
	store_bind_id(st, 3, f->org_id);
	store_bind_text(st, 4, f->login);
	sql_bind_int(st, 5, f->is_admin > 0);
	sql_bind_int(st, 6, f->active != 0);
	return store_insert(db, st, id);
}

enum qd_status store_person_update(struct db *db, long long id, const struct person_fields *f)
{
	struct sql_stmt *st = db_stmt(db,
		"UPDATE person SET name = coalesce(?2, name), post = coalesce(?3, post), "
		"org_id = CASE WHEN ?4 < 0 THEN org_id WHEN ?4 = 0 THEN NULL ELSE ?4 END, "
		"login = CASE WHEN CAST(?5 AS TEXT) IS NULL THEN login ELSE nullif(?5, '') END, "
		"is_admin = CASE WHEN ?6 < 0 THEN is_admin ELSE ?6 END, "
		"active = CASE WHEN ?7 < 0 THEN active ELSE ?7 END WHERE id = ?1");
	sql_bind_int64(st, 1, id);
	store_bind_text(st, 2, f->name);
	store_bind_text(st, 3, f->post);
	sql_bind_int64(st, 4, f->org_id);
	store_bind_text(st, 5, f->login);
	sql_bind_int(st, 6, f->is_admin);
	sql_bind_int(st, 7, f->active);
	return store_step_done(st);
}

/* Step a bound person query once: the row, or QD_NOTFOUND. */
static enum qd_status person_one(struct sql_stmt *st, struct person *p)
{
	enum qd_status s = QD_NOTFOUND;
	if (sql_step(st) == SQL_ROW) {
		store_person_row(st, p);
		s = QD_OK;
	}
	sql_reset(st);
	return s;
}

enum qd_status store_person_get(struct db *db, long long id, struct person *p)
{
	struct sql_stmt *st = db_stmt(db, PERSON_SELECT "WHERE p.id = ?1");
	sql_bind_int64(st, 1, id);
	return person_one(st, p);
}

char *store_person_ref(struct db *db, long long id)
{
	struct sql_stmt *st = db_stmt(db, "SELECT " PERSON_REF("p") " FROM person p WHERE p.id = ?1");
	sql_bind_int64(st, 1, id);
	char *ref = NULL;
	if (sql_step(st) == SQL_ROW && sql_column_text(st, 0))
		ref = xstrdup((const char *)sql_column_text(st, 0));
	sql_reset(st);
	return ref;
}

enum qd_status store_person_by_name(struct db *db, const char *name, struct person **out, int *n)
{
	struct sql_stmt *st = db_stmt(db, PERSON_SELECT "WHERE p.name = ?1 ORDER BY p.active DESC, p.id");
	store_bind_text(st, 1, name);
	*out = NULL;
	*n = 0;
	int rc;
	while ((rc = sql_step(st)) == SQL_ROW) {
		*out = xrealloc(*out, (size_t)(*n + 1) * sizeof **out);
		store_person_row(st, &(*out)[(*n)++]);
	}
	sql_reset(st);
	return rc == SQL_DONE ? QD_OK : QD_DBERROR;
}

enum qd_status store_person_by_prefix(struct db *db, const char *prefix, struct person **out, int *n)
{
	/* every name that starts with prefix: prefix up to prefix and U+10FFFF,
	 * the highest character (as the picker's search, store_page_people.c) */
	struct sql_stmt *st = db_stmt(db, PERSON_SELECT "WHERE p.name >= ?1 AND p.name < ?2 "
				       "ORDER BY p.active DESC, p.sort_key, p.name, p.id");
	char *hi = xasprintf("%s\xf4\x8f\xbf\xbf", prefix);
	store_bind_text(st, 1, prefix);
	store_bind_text(st, 2, hi);
	*out = NULL;
	*n = 0;
	int rc;
	while ((rc = sql_step(st)) == SQL_ROW) {
		*out = xrealloc(*out, (size_t)(*n + 1) * sizeof **out);
		store_person_row(st, &(*out)[(*n)++]);
	}
	sql_reset(st);
	free(hi);
	return rc == SQL_DONE ? QD_OK : QD_DBERROR;
}

enum qd_status store_person_keys(struct db *db, long long id, const char *sort_key,
				 const char *pinyin, const char *initials)
{
	struct sql_stmt *st = db_stmt(db, "UPDATE person SET sort_key = ?2, pinyin = ?3, "
				       "initials = ?4 WHERE id = ?1");
	sql_bind_int64(st, 1, id);
	store_bind_text(st, 2, sort_key);
	store_bind_text(st, 3, pinyin);
	store_bind_text(st, 4, initials);
	return store_step_done(st);
}

enum qd_status store_person_by_pinyin(struct db *db, const char *q, struct person **out,
				      int **exact, int *n)
{
	struct sql_stmt *st = db_stmt(db,
		"SELECT p.id, p.name, p.post, p.org_id, o.name, p.login, p.is_admin, p.active, "
		"p.initials, replace(p.pinyin, ' ', '') FROM person p LEFT JOIN org o ON o.id = p.org_id "
		"WHERE p.initials >= ?1 AND p.initials < ?2 "
		"AND (p.initials LIKE ?3 OR replace(p.pinyin, ' ', '') LIKE ?3) "
		"ORDER BY p.active DESC, p.sort_key, p.name, p.id");
	char lo[2] = {q[0], 0}, hi[2] = {(char)(q[0] + 1), 0};
	char *pattern = xasprintf("%s%%", q);
	store_bind_text(st, 1, lo);
	store_bind_text(st, 2, hi);
	store_bind_text(st, 3, pattern);
	*out = NULL;
	*exact = NULL;
	*n = 0;
	int rc;
	while ((rc = sql_step(st)) == SQL_ROW) {
		*out = xrealloc(*out, (size_t)(*n + 1) * sizeof **out);
		*exact = xrealloc(*exact, (size_t)(*n + 1) * sizeof **exact);
		store_person_row(st, &(*out)[*n]);
		const char *ini = sql_column_text(st, 8), *py = sql_column_text(st, 9);
		(*exact)[(*n)++] = (ini && strcmp(ini, q) == 0) || (py && strcmp(py, q) == 0);
	}
	sql_reset(st);
	free(pattern);
	return rc == SQL_DONE ? QD_OK : QD_DBERROR;
}

/* Each command's actor, and whether any admin has a login: on person_login
 * (migration 11), whose statistics count only the people with a login */
#define PERSON_BY_LOGIN_SQL PERSON_SELECT "WHERE p.login = ?1"
#define ADMINS_WITH_LOGIN_SQL \
	"SELECT count(*) FROM person WHERE login > '' AND is_admin = 1 AND active = 1"

void store_login_hot_queries(void (*fn)(void *ctx, const char *name, const char *sql), void *ctx)
{
	fn(ctx, "person by login", PERSON_BY_LOGIN_SQL);
	fn(ctx, "admins with a login", ADMINS_WITH_LOGIN_SQL);
}

enum qd_status store_person_by_login(struct db *db, const char *login, struct person *p)
{
	struct sql_stmt *st = db_stmt(db, PERSON_BY_LOGIN_SQL);
	store_bind_text(st, 1, login);
	return person_one(st, p);
}

int store_admins_with_login(struct db *db)
{
	/* login > '' rather than IS NOT NULL: served by the login index */
	struct sql_stmt *st = db_stmt(db, ADMINS_WITH_LOGIN_SQL);
	int n = sql_step(st) == SQL_ROW ? sql_column_int(st, 0) : 0;
	sql_reset(st);
	return n;
}

char *store_setting(struct db *db, const char *key)
{
	struct sql_stmt *st = db_stmt(db, "SELECT value FROM setting WHERE key = ?1");
	store_bind_text(st, 1, key);
	char *v = sql_step(st) == SQL_ROW ? store_col(st, 0) : NULL;
	sql_reset(st);
	return v ? v : xstrdup("");
}

enum qd_status store_setting_set(struct db *db, const char *key, const char *value)
{
	struct sql_stmt *st = db_stmt(db, "INSERT INTO setting(key, value) VALUES (?1, ?2) "
				       "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
	store_bind_text(st, 1, key);
	store_bind_text(st, 2, value);
	return store_step_done(st);
}

/* ---- lists and items ---- */

enum qd_status store_item_insert(struct db *db, long long list_id, const struct item_fields *f,
				 const char *due_iso, const char *status, const char *done_on,
				 const char *now, long long *id)
{
	struct sql_stmt *st = db_stmt(db,
		"INSERT INTO item(list_id, seq, category, content, measures, standard, due, due_text, "
		"owner_id, lead_id, status, done_on, created_at, updated_at, search_text) VALUES (?1, "
		"(SELECT coalesce(max(seq), 0) + 1 FROM item WHERE list_id = ?1), "
		"coalesce(?2, ''), ?3, coalesce(?4, ''), coalesce(?5, ''), nullif(?6, ''), "
		"coalesce(?7, ''), ?8, ?9, ?10, ?11, ?12, ?12, nullif(?13, ?3)) RETURNING id");
	sql_bind_int64(st, 1, list_id);
	store_bind_text(st, 2, f->category);
	store_bind_text(st, 3, f->content);
	store_bind_text(st, 4, f->measures);
	store_bind_text(st, 5, f->standard);
	store_bind_text(st, 6, due_iso);
	store_bind_text(st, 7, f->due_text);
	store_bind_id(st, 8, f->owner_id);
	store_bind_id(st, 9, f->lead_id);
	store_bind_text(st, 10, status);
	store_bind_text(st, 11, done_on);
	store_bind_text(st, 12, now);
	char *folded = f->content ? norm_search(f->content) : NULL;
	store_bind_text(st, 13, folded);
	enum qd_status s = store_insert(db, st, id);
	free(folded);
	if (s == QD_OK && db_dialect(db) == DB_SQLITE) {
		st = db_stmt(db, "INSERT INTO temp.fts_dirty(id) VALUES (?1)");
		sql_bind_int64(st, 1, *id);
		s = store_step_done(st);
	}
	return s;
}

int store_fts_prepare(struct db *db)
{
	if (db_dialect(db) != DB_SQLITE)
		return SQL_OK;   /* PostgreSQL: a trigram index on the table itself */
	return sql_exec(db, "CREATE TEMP TABLE IF NOT EXISTS fts_dirty("
				       "id INTEGER PRIMARY KEY)");
}

int store_fts_flush(struct db *db)
{
	if (db_dialect(db) != DB_SQLITE)
		return SQL_OK;
	struct sql_stmt *st = db_stmt(db, "SELECT EXISTS (SELECT 1 FROM temp.fts_dirty)");
	int any = sql_step(st) == SQL_ROW && sql_column_int(st, 0);
	sql_reset(st);
	if (!any)
		return SQL_OK;
	st = db_stmt(db, STORE_FTS_FLUSH_SQL);
	int rc = sql_step(st);
	sql_reset(st);
	if (rc != SQL_DONE)
		return rc;
	st = db_stmt(db, "DELETE FROM temp.fts_dirty");
	rc = sql_step(st);
	sql_reset(st);
	return rc == SQL_DONE ? SQL_OK : rc;
}

enum qd_status store_item_get(struct db *db, long long id, const char *today, const char *soon,
			      struct item *it)
{
	struct sql_stmt *st = db_stmt(db,
		"SELECT i.id, i.list_id, l.org_id, l.year, i.seq, i.version, i.status, o.name, "
		"i.category, i.content, i.measures, i.standard, i.due, i.due_text, i.done_on, "
		"i.owner_id, nullif(" PERSON_REF("ow") ", ''), i.lead_id, "
		"nullif(" PERSON_REF("ld") ", ''), " FLAGS_SQL ", i.created_at, "
		"i.updated_at, i.deleted_at "
		"FROM item i JOIN list l ON l.id = i.list_id JOIN org o ON o.id = l.org_id "
		"LEFT JOIN person ow ON ow.id = i.owner_id LEFT JOIN person ld ON ld.id = i.lead_id "
		"WHERE i.id = :id");
	sql_bind_int64(st, sql_param_index(st, ":id"), id);
	store_bind_text(st, sql_param_index(st, ":today"), today);
	store_bind_text(st, sql_param_index(st, ":soon"), soon);
	enum qd_status s = QD_NOTFOUND;
	if (sql_step(st) == SQL_ROW) {
		it->id = sql_column_int64(st, 0);
		it->list_id = sql_column_int64(st, 1);
		it->org_id = sql_column_int64(st, 2);
		it->year = sql_column_int(st, 3);
		it->seq = sql_column_int(st, 4);
		it->version = sql_column_int(st, 5);
		it->status = (enum item_status)status_parse((const char *)sql_column_text(st, 6));
		it->org_name = store_col(st, 7);
		it->category = store_col(st, 8);
		it->content = store_col(st, 9);
		it->measures = store_col(st, 10);
		it->standard = store_col(st, 11);
		it->due = store_col(st, 12);
		it->due_text = store_col(st, 13);
		it->done_on = store_col(st, 14);
		it->owner_id = sql_column_int64(st, 15);
		it->owner_name = store_col(st, 16);
		it->lead_id = sql_column_int64(st, 17);
		it->lead_name = store_col(st, 18);
		it->flags = store_col(st, 19);
		it->created_at = store_col(st, 20);
		it->updated_at = store_col(st, 21);
		it->deleted_at = store_col(st, 22);
		s = QD_OK;
	}
	sql_reset(st);
	return s;
}

enum qd_status store_item_update(struct db *db, long long id, int version,
				 const struct item_fields *f, const char *due_iso, const char *now)
{
	struct sql_stmt *st = db_stmt(db,
		"UPDATE item SET category = coalesce(?3, category), content = coalesce(?4, content), "
		"search_text = CASE WHEN ?4 IS NULL THEN search_text ELSE nullif(?12, ?4) END, "
		"measures = coalesce(?5, measures), standard = coalesce(?6, standard), "
		"due = CASE WHEN CAST(?7 AS TEXT) IS NULL THEN due ELSE nullif(?7, '') END, "
		"due_text = coalesce(?8, due_text), "
		"owner_id = CASE WHEN ?9 < 0 THEN owner_id WHEN ?9 = 0 THEN NULL ELSE ?9 END, "
		"lead_id = CASE WHEN ?10 < 0 THEN lead_id WHEN ?10 = 0 THEN NULL ELSE ?10 END, "
		"version = version + 1, updated_at = ?11 WHERE id = ?1 AND version = ?2");
	sql_bind_int64(st, 1, id);
	sql_bind_int(st, 2, version);
	store_bind_text(st, 3, f->category);
	store_bind_text(st, 4, f->content);
	store_bind_text(st, 5, f->measures);
	store_bind_text(st, 6, f->standard);
	store_bind_text(st, 7, due_iso);
	store_bind_text(st, 8, f->due_text);
	sql_bind_int64(st, 9, f->owner_id);
	sql_bind_int64(st, 10, f->lead_id);
	store_bind_text(st, 11, now);
	char *folded = f->content ? norm_search(f->content) : NULL;
	store_bind_text(st, 12, folded);
	enum qd_status s = store_changed_one(db, st);
	free(folded);
	return s;
}

enum qd_status store_item_status(struct db *db, long long id, int version, const char *status,
				 const char *done_on, const char *now)
{
	struct sql_stmt *st = db_stmt(db, "UPDATE item SET status = ?3, done_on = ?4, "
				       "version = version + 1, updated_at = ?5 "
				       "WHERE id = ?1 AND version = ?2");
	sql_bind_int64(st, 1, id);
	sql_bind_int(st, 2, version);
	store_bind_text(st, 3, status);
	store_bind_text(st, 4, done_on);
	store_bind_text(st, 5, now);
	return store_changed_one(db, st);
}

enum qd_status store_item_soft_delete(struct db *db, long long id, int version, const char *now)
{
	struct sql_stmt *st = db_stmt(db, "UPDATE item SET deleted_at = ?3, version = version + 1, "
				       "updated_at = ?3 WHERE id = ?1 AND version = ?2");
	sql_bind_int64(st, 1, id);
	sql_bind_int(st, 2, version);
	store_bind_text(st, 3, now);
	return store_changed_one(db, st);
}

enum qd_status store_note_insert(struct db *db, long long item_id, const char *on_date,
				 long long person_id, const char *text, const char *now,
				 long long *id)
{
	struct sql_stmt *st = db_stmt(db, "INSERT INTO note(item_id, on_date, person_id, text, created_at) "
				       "VALUES (?1, ?2, ?3, ?4, ?5) RETURNING id");
	sql_bind_int64(st, 1, item_id);
	store_bind_text(st, 2, on_date);
	store_bind_id(st, 3, person_id);
	store_bind_text(st, 4, text);
	store_bind_text(st, 5, now);
	return store_insert(db, st, id);
}

enum qd_status store_notes(struct db *db, long long item_id, struct note **out, int *n)
{
	struct sql_stmt *st = db_stmt(db, "SELECT n.id, n.item_id, n.person_id, n.on_date, "
				       "nullif(" PERSON_REF("p") ", ''), n.text "
				       "FROM note n LEFT JOIN person p ON p.id = n.person_id "
				       "WHERE n.item_id = ?1 ORDER BY n.on_date, n.id");
	sql_bind_int64(st, 1, item_id);
	*out = NULL;
	*n = 0;
	int rc;
	while ((rc = sql_step(st)) == SQL_ROW) {
		*out = xrealloc(*out, (size_t)(*n + 1) * sizeof **out);
		struct note *x = &(*out)[(*n)++];
		x->id = sql_column_int64(st, 0);
		x->item_id = sql_column_int64(st, 1);
		x->person_id = sql_column_int64(st, 2);
		x->on_date = store_col(st, 3);
		x->person_name = store_col(st, 4);
		x->text = store_col(st, 5);
	}
	sql_reset(st);
	return rc == SQL_DONE ? QD_OK : QD_DBERROR;
}

int store_year_item_count(struct db *db, int year)
{
	struct sql_stmt *st = db_stmt(db, "SELECT count(*) FROM item i JOIN list l ON l.id = i.list_id "
				       "WHERE l.year = ?1" STORE_KIND_DUTY_SQL " AND i.deleted_at IS NULL");
	sql_bind_int(st, 1, year);
	int n = sql_step(st) == SQL_ROW ? sql_column_int(st, 0) : 0;
	sql_reset(st);
	return n;
}

enum qd_status store_year_items(struct db *db, int year,
				void (*fn)(void *ctx, long long org_id, const struct item *it),
				void *ctx)
{
	struct sql_stmt *st = db_stmt(db,
		"SELECT l.org_id, i.category, i.content, i.measures, i.standard, i.due, i.due_text, "
		"i.owner_id, i.lead_id, i.id FROM item i JOIN list l ON l.id = i.list_id "
		"WHERE l.year = ?1" STORE_KIND_DUTY_SQL " AND i.deleted_at IS NULL "
		"AND i.status <> 'cancelled' ORDER BY l.org_id, i.seq");
	sql_bind_int(st, 1, year);
	int rc;
	while ((rc = sql_step(st)) == SQL_ROW) {
		struct item it = {0};
		it.category = store_col(st, 1);
		it.content = store_col(st, 2);
		it.measures = store_col(st, 3);
		it.standard = store_col(st, 4);
		it.due = store_col(st, 5);
		it.due_text = store_col(st, 6);
		it.owner_id = sql_column_int64(st, 7);
		it.lead_id = sql_column_int64(st, 8);
		it.id = sql_column_int64(st, 9);
		fn(ctx, sql_column_int64(st, 0), &it);
		item_clear(&it);
	}
	sql_reset(st);
	return rc == SQL_DONE ? QD_OK : QD_DBERROR;
}

enum qd_status store_setting_rowid(struct db *db, const char *key, long long *rowid)
{
	/* the audit's id of a setting: SQLite's rowid, PostgreSQL's id column */
	struct sql_stmt *st = db_stmt(db, STORE_SQL(db, "SELECT rowid FROM setting WHERE key = ?1",
						   "SELECT id FROM setting WHERE key = ?1"));
	store_bind_text(st, 1, key);
	enum qd_status s = QD_NOTFOUND;
	if (sql_step(st) == SQL_ROW) {
		*rowid = sql_column_int64(st, 0);
		s = QD_OK;
	}
	sql_reset(st);
	return s;
}

/* ---- names, merging people, upgrade tasks ---- */

enum qd_status store_names(struct db *db, int orgs, struct store_name **out, int *n)
{
	struct sql_stmt *st = db_stmt(db, orgs ? "SELECT id, name FROM org ORDER BY id"
					    : "SELECT id, name FROM person ORDER BY id");
	*out = NULL;
	*n = 0;
	int rc;
	while ((rc = sql_step(st)) == SQL_ROW) {
		*out = xrealloc(*out, (size_t)(*n + 1) * sizeof **out);
		(*out)[*n].id = sql_column_int64(st, 0);
		(*out)[(*n)++].name = store_col(st, 1);
	}
	sql_reset(st);
	return rc == SQL_DONE ? QD_OK : QD_DBERROR;
}

enum qd_status store_org_rename(struct db *db, long long id, const char *name)
{
	struct sql_stmt *st = db_stmt(db, "UPDATE org SET name = ?2 WHERE id = ?1");
	sql_bind_int64(st, 1, id);
	store_bind_text(st, 2, name);
	return store_step_done(st);
}

enum qd_status store_person_refs(struct db *db, long long person,
				 void (*fn)(void *ctx, const char *entity, long long id), void *ctx)
{
	struct sql_stmt *st = db_stmt(db,
		"SELECT 'item', id FROM item WHERE owner_id = ?1 "
		"UNION SELECT 'item', id FROM item WHERE lead_id = ?1 "
		"UNION SELECT 'note', id FROM note WHERE person_id = ?1 "
		"UNION SELECT 'pledge', id FROM pledge WHERE ?1 IN (issuer_id, signer_id, "
		"  coalesce(issuer_signed_by, 0), coalesce(signer_signed_by, 0), "
		"  coalesce(issuer_recorded_by, 0), coalesce(signer_recorded_by, 0)) "
		"UNION SELECT 'meeting', id FROM meeting WHERE ?1 IN (coalesce(host_id, 0), "
		"  coalesce(recorder_id, 0)) "
		"UNION SELECT 'attendance', id FROM attendance WHERE person_id = ?1 "
		"UNION SELECT 'meeting_note', id FROM meeting_note WHERE person_id = ?1 "
		"UNION SELECT 'problem', id FROM problem WHERE ?1 IN (coalesce(raiser_id, 0), "
		"  coalesce(closed_by, 0)) "
		"UNION SELECT 'problem_feedback', id FROM problem_feedback WHERE by_id = ?1 "
		"UNION SELECT 'item_period', id FROM item_period WHERE recorded_by = ?1 "
		"ORDER BY 1, 2");
	sql_bind_int64(st, 1, person);
	int rc;
	while ((rc = sql_step(st)) == SQL_ROW)
		fn(ctx, (const char *)sql_column_text(st, 0), sql_column_int64(st, 1));
	sql_reset(st);
	return rc == SQL_DONE ? QD_OK : QD_DBERROR;
}

enum qd_status store_person_repoint(struct db *db, const char *entity, long long id,
				    long long from, long long to, const char *now)
{
#define SWAP(col) col " = CASE " col " WHEN ?2 THEN ?3 ELSE " col " END"
	static const char *const sql[] = {
		"UPDATE item SET " SWAP("owner_id") ", " SWAP("lead_id") ", "
		"version = version + 1, updated_at = ?4 WHERE id = ?1",
		"UPDATE note SET " SWAP("person_id") " WHERE id = ?1",
		"UPDATE pledge SET " SWAP("issuer_id") ", " SWAP("signer_id") ", "
		SWAP("issuer_signed_by") ", " SWAP("signer_signed_by") ", "
		SWAP("issuer_recorded_by") ", " SWAP("signer_recorded_by") ", "
		"version = version + 1, updated_at = ?4 WHERE id = ?1",
		"UPDATE meeting SET " SWAP("host_id") ", " SWAP("recorder_id") ", "
		"version = version + 1, updated_at = ?4 WHERE id = ?1",
		"UPDATE attendance SET " SWAP("person_id") " WHERE id = ?1",
		"UPDATE meeting_note SET " SWAP("person_id") " WHERE id = ?1",
		"UPDATE problem SET " SWAP("raiser_id") ", " SWAP("closed_by") ", "
		"version = version + 1, updated_at = ?4 WHERE id = ?1",
		"UPDATE problem_feedback SET " SWAP("by_id") " WHERE id = ?1",
		"UPDATE item_period SET " SWAP("recorded_by") ", updated_at = ?4 WHERE id = ?1",
	};
#undef SWAP
	static const char *const names[] = {"item", "note", "pledge", "meeting", "attendance",
					    "meeting_note", "problem", "problem_feedback",
					    "item_period"};
	int k = 2;
	for (int i = 0; i < (int)ARRAY_SIZE(names); i++)
		if (strcmp(entity, names[i]) == 0)
			k = i;
	struct sql_stmt *st = db_stmt(db, sql[k]);
	sql_bind_int64(st, 1, id);
	sql_bind_int64(st, 2, from);
	sql_bind_int64(st, 3, to);
	if (k == 0 || k == 2 || k == 3 || k == 6 || k == 8)
		store_bind_text(st, 4, now);   /* notes, attendance, 回访 have no version */
	return store_changed_one(db, st);
}

int store_upgrade_pending(struct db *db, const char *task)
{
	struct sql_stmt *st = db_stmt(db, "SELECT 1 FROM upgrade_task WHERE name = ?1");
	store_bind_text(st, 1, task);
	int pending = sql_step(st) == SQL_ROW;
	sql_reset(st);
	return pending;
}

enum qd_status store_upgrade_queue(struct db *db, const char *task)
{
	struct sql_stmt *st =
		db_stmt(db, "INSERT INTO upgrade_task(name) VALUES (?1) ON CONFLICT DO NOTHING");
	store_bind_text(st, 1, task);
	return store_step_done(st);
}

enum qd_status store_upgrade_done(struct db *db, const char *task)
{
	struct sql_stmt *st = db_stmt(db, "DELETE FROM upgrade_task WHERE name = ?1");
	store_bind_text(st, 1, task);
	return store_step_done(st);
}
