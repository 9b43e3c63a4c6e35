/* db.c — the connection of the storage module, whatever the backend:
 * choosing the driver (a libpq URI or pg:SERVICE is PostgreSQL, anything
 * else a SQLite path), schema migrations, transactions and the
 * prepared-statement cache.  The drivers (sqlite.c, pg.c) do the rest;
 * the PostgreSQL one is the module qingdan-pg.so (plugin.h), loaded on the
 * first PostgreSQL target, so a SQLite file never pays for libpq.
 *
 * Transaction rules (after fossil's db.c): db_begin/db_end nest; only the
 * outermost pair talks to the database (the driver's begin takes the write
 * lock at once, so two writers queue instead of deadlocking on a lock
 * upgrade); any inner failure makes the outermost end roll back. */
#include "qingdan/db.h"

#include <stdlib.h>
#include <string.h>

#include "db_busy.h"
#include "db_impl.h"
#include "qingdan/msg.h"
#include "qingdan/plugin.h"
#include "schema.h"
#include "sqlite.h"
#include "store_impl.h"

static db_busy_fn busy_default_fn;
static void *busy_default_ctx;

void db_busy_default(db_busy_fn fn, void *ctx)
{
	busy_default_fn = fn;
	busy_default_ctx = ctx;
}

void db_busy_hook(struct db *db, db_busy_fn fn, void *ctx)
{
	db->busy_fn = fn;
	db->busy_ctx = ctx;
}

/* QINGDAN_BUSY_TIMEOUT (seconds, fractions allowed), else two minutes. */
static long long busy_limit_ms(void)
{
	const char *env = getenv("QINGDAN_BUSY_TIMEOUT");
	char *end = NULL;
	double sec = env && *env ? strtod(env, &end) : -1;
	if (!env || !*env || *end || !(sec >= 0 && sec <= 86400))
		return 120000;
	return (long long)(sec * 1000);
}

char *db_busy_text(int seconds, const char *holder)
{
	if (holder && holder == msg(M_PG_RECONNECTING))   /* pg.c passes this very text */
		return xasprintf(msg(M_PG_RECONNECT_WAIT), seconds);
	if (holder)
		return xasprintf(msg(M_DB_BUSY_WAIT_WHO), seconds, holder);
	return xasprintf(msg(M_DB_BUSY_WAIT), seconds);
}

void db_busy_over(struct db *db)
{
	if (db->busy_said >= 0 && db->busy_fn)
		db->busy_fn(db->busy_ctx, -1, NULL);
	db->busy_said = -1;
}

int db_schema_version(void)
{
	return schema_latest();
}

int db_is_url(const char *target)
{
	return strncmp(target, "postgresql://", 13) == 0 || strncmp(target, "postgres://", 11) == 0 ||
	       strncmp(target, "pg:", 3) == 0;
}

enum db_dialect db_dialect(const struct db *db)
{
	return (enum db_dialect)db->drv->dialect;
}

struct sqlite3 *db_handle(struct db *db)
{
	return sqlite_handle(db);
}

int db_readonly(const struct db *db)
{
	return db->readonly;
}

const char *db_path(const struct db *db)
{
	return db->shown ? db->shown : db->path;
}

const char *db_warning(const struct db *db)
{
	return db->warning;
}

enum qd_status db_error(struct db *db, struct strbuf *err)
{
	int code = db->drv->errcode(db);
	if (!err)
		return QD_DBERROR;
	if (code == SQL_CORRUPT || code == SQL_NOTADB) {
		sb_printf(err, msg(M_DB_CORRUPT), db->path);
	} else if (code == SQL_BUSY && db_dialect(db) == DB_SQLITE) {
		char *who = db_busy_holder(db->path);
		int sec = (int)((db->busy_waited_ms + 500) / 1000);
		if (who)
			sb_printf(err, msg(M_DB_BUSY), db->path, who, sec);
		else
			sb_printf(err, msg(M_DB_BUSY_UNKNOWN), db->path, sec);
		free(who);
	} else {
		sb_printf(err, msg(M_DB_ERROR), db->drv->errmsg(db));
	}
	return QD_DBERROR;
}

const char *db_errmsg(struct db *db)
{
	return db->drv->errmsg(db);
}

struct sql_stmt *db_stmt(struct db *db, const char *sql)
{
	for (size_t i = 0; i < db->nstmts; i++) {
		if (db->stmts[i].sql == sql) {
			struct sql_stmt *st = db->stmts[i].st;
			sql_reset(st);
			sql_clear_bindings(st);
			return st;
		}
	}
	struct sql_stmt *st = NULL;
	if (db->drv->prepare(db, sql, 1, &st) != SQL_OK)
		die("SQL does not prepare: %s\n%s", db->drv->errmsg(db), sql);
	if (db->nstmts == db->capstmts) {
		db->capstmts = db->capstmts ? db->capstmts * 2 : 64;
		db->stmts = xrealloc(db->stmts, db->capstmts * sizeof(*db->stmts));
	}
	db->stmts[db->nstmts++] = (struct stmt_slot){sql, st};
	return st;
}

int sql_prepare(struct db *db, const char *sql, struct sql_stmt **out)
{
	return db->drv->prepare(db, sql, 0, out);
}

int sql_exec(struct db *db, const char *sql)
{
	return db->drv->exec(db, sql);
}

int db_exec(struct db *db, const char *sql)
{
	return db->drv->exec(db, sql);
}

long long sql_changes(struct db *db)
{
	return db->drv->changes(db);
}

long long db_total_changes(struct db *db)
{
	return db->drv->total_changes(db);
}

enum qd_status db_begin(struct db *db)
{
	if (db->depth == 0) {
		db->busy_waited_ms = 0;
		int rc = db->drv->begin(db);
		db_busy_over(db);
		if (rc != SQL_OK)
			return QD_DBERROR;
		db->failed = 0;
	}
	db->depth++;
	return QD_OK;
}

enum qd_status db_end(struct db *db, int ok)
{
	if (db->depth <= 0)
		die("db_end without db_begin");
	if (!ok)
		db->failed = 1;
	if (--db->depth > 0)
		return QD_OK;
	if (db->failed) {
		sql_exec(db, "ROLLBACK");
		return QD_OK;
	}
	if (store_fts_flush(db) != SQL_OK || sql_exec(db, "COMMIT") != SQL_OK) {
		db_busy_over(db);
		sql_exec(db, "ROLLBACK");
		return QD_DBERROR;
	}
	db_busy_over(db);
	return QD_OK;
}

int db_depth(const struct db *db)
{
	return db->depth;
}

void db_truncate_wal(struct db *db)
{
	if (db_dialect(db) == DB_SQLITE)
		sqlite_truncate_wal(db);
}

const char *db_user(struct db *db)
{
	return db->drv->user ? db->drv->user(db) : NULL;
}

int db_owner(struct db *db)
{
	return db->drv->is_owner ? db->drv->is_owner(db) : 0;
}

int db_wait_fd(struct db *db)
{
	return db->drv->wait_fd ? db->drv->wait_fd(db) : -1;
}

long long db_data_version(struct db *db)
{
	return db->drv->data_version(db);
}

enum qd_status db_backup(struct db *db, const char *dest, int flags, struct db_copy *how,
			 struct strbuf *err)
{
	if (db_dialect(db) == DB_SQLITE)
		return sqlite_backup(db, dest, flags, err);
	struct db_copy counts = {0};
	enum qd_status s = db_copy_file(db, dest, flags, how ? how : &counts, err);
	sb_free(&counts.report);
	return s;
}

/* Each migration in its own transaction, after the driver's pre_migrate. */
static enum qd_status migrate(struct db *db, int from, struct strbuf *err)
{
	if (db->drv->pre_migrate) {
		enum qd_status s = db->drv->pre_migrate(db, from, err);
		if (s != QD_OK)
			return s;
	}
	for (int v = from + 1; v <= schema_latest(); v++) {
		int now = 0;
		int rc = db->drv->begin(db);
		db_busy_over(db);
		if (rc != SQL_OK)
			return db_error(db, err);
		/* another process may have migrated while we waited */
		if (db->drv->get_version(db, &now) != SQL_OK || now >= v) {
			sql_exec(db, "COMMIT");
			continue;
		}
		rc = SQL_OK;
		for (const char *const *stmt = schema_migration(db_dialect(db), v); *stmt && rc == SQL_OK;
		     stmt++)
			rc = sql_exec(db, *stmt);
		if (rc == SQL_OK)
			rc = db->drv->set_version(db, v);
		if (rc != SQL_OK || sql_exec(db, "COMMIT") != SQL_OK) {
			db_error(db, err);
			sql_exec(db, "ROLLBACK");
			return QD_DBERROR;
		}
	}
	return QD_OK;
}

/* Defined when the PostgreSQL module's objects are linked in (the test
 * programs); the program proper loads qingdan-pg.so. */
extern const struct sql_driver *qingdan_pg_plugin(void) __attribute__((weak));

/* The PostgreSQL driver, loaded on the first call; NULL with the reason
 * (the files searched, dlerror(), a stamp that does not match). */
static const struct sql_driver *pg_driver(struct strbuf *err)
{
	static struct plugin_once once = {.spec = {
		.file = SQL_PG_MODULE,
		.entry = SQL_PG_ENTRY,
		.version = SQL_DRIVER_VERSION,
		.size = sizeof(struct sql_driver),
		.m_missing = M_PG_MODULE_MISSING,
		.m_load = M_PG_MODULE_LOAD,
		.m_version = M_PG_MODULE_VERSION,
	}};
	return plugin_once(&once, qingdan_pg_plugin ? qingdan_pg_plugin() : NULL, err);
}

enum qd_status db_open(const char *path, int flags, struct db **out, struct strbuf *err)
{
	*out = NULL;
	const struct sql_driver *drv = db_is_url(path) ? pg_driver(err) : &sql_sqlite_driver;
	if (!drv)
		return QD_DBERROR;
	struct db *db = xcalloc(1, sizeof *db);
	db->drv = drv;
	db->path = xstrdup(path);
	db->readonly = (flags & DB_READONLY) != 0;
	db->busy_fn = busy_default_fn;
	db->busy_ctx = busy_default_ctx;
	db->busy_limit_ms = busy_limit_ms();
	db->busy_said = -1;
	int version = 0;
	enum qd_status s = db->drv->open(db, flags, &version, err);
	if (s == QD_OK && version < schema_latest())
		s = migrate(db, version, err);
	if (s == QD_OK && db->drv->ready && db->drv->ready(db) != SQL_OK)
		s = db_error(db, err);
	if (db->conn)
		db_busy_over(db);
	if (s != QD_OK) {
		db_close(&db);
		return s;
	}
	*out = db;
	return QD_OK;
}

void db_close(struct db **pdb)
{
	struct db *db = *pdb;
	if (!db)
		return;
	for (size_t i = 0; i < db->nstmts; i++)
		sql_finalize(db->stmts[i].st);
	free(db->stmts);
	db->drv->close(db);
	free(db->path);
	free(db->shown);
	free(db->warning);
	free(db);
	*pdb = NULL;
}
