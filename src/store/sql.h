/* sql.h — the storage module's one interface to a database engine: a table
 * of functions per backend (after dovecot's lib-sql/sql-api.h and
 * FreeRADIUS's rlm_sql drivers).  sqlite.c and pg.c fill one each; db.c and
 * the store*.c files above them talk only to this, never to sqlite3.h or
 * libpq-fe.h.
 *
 * The statement model is SQLite's: prepare once, bind by position (or name
 * through sql_param_index), step row by row, read columns, reset.  SQL is
 * written with ?N / :name parameters; the PostgreSQL driver rewrites them to
 * $N and sends typed parameters (PQexecParams/PQprepare), never formatted
 * SQL.  Text where the dialects differ is chosen with db_dialect() (db.h);
 * each dialect's schema is in its own file (schema_sqlite.c, schema_pg.c).
 *
 * Errors come back as the small set of codes below, the same on both
 * backends: a unique violation is SQL_CONSTRAINT, a serialization failure
 * or deadlock SQL_BUSY, a lost server connection SQL_LOST. */
#ifndef QINGDAN_STORE_SQL_H
#define QINGDAN_STORE_SQL_H

#include <stddef.h>

#include "qingdan/plugin.h"
#include "qingdan/util.h"

/* Result codes (numerically SQLite's, so the SQLite driver passes its own
 * through). */
enum {
	SQL_OK = 0,
	SQL_ERROR = 1,       /* anything else: syntax, permission, … */
	SQL_BUSY = 5,        /* locked by another writer / serialization failure */
	SQL_CORRUPT = 11,
	SQL_CONSTRAINT = 19, /* unique, check, foreign key, not null */
	SQL_NOTADB = 26,
	SQL_LOST = 1001,     /* the server connection is gone (PostgreSQL) */
	SQL_DENIED = 1002,   /* the server refused: insufficient privilege */
	SQL_ROW = 100,
	SQL_DONE = 101,
};

/* Column types (SQLite's numbers). */
enum { SQL_INTEGER = 1, SQL_FLOAT = 2, SQL_TEXT = 3, SQL_NULL = 5 };

struct db;
struct sql_driver;

/* Every driver's statement begins with this. */
struct sql_stmt {
	const struct sql_driver *drv;
	struct db *db;
};

/* Bump when struct sql_driver, struct db (db_impl.h) or what the driver
 * functions take changes: the PostgreSQL driver is a module loaded at run
 * time (qingdan-pg.so, plugin.h) and its table carries this stamp. */
#define SQL_DRIVER_VERSION 1
#define SQL_PG_MODULE "qingdan-pg.so"
#define SQL_PG_ENTRY "qingdan_pg_plugin"

struct sql_driver {
	struct qd_plugin_stamp stamp;   /* the module's (pg.c); sqlite.c's is not checked */
	const char *name;   /* "sqlite", "postgresql" */
	int dialect;        /* enum db_dialect (db.h) */

	/* statements */
	int (*prepare)(struct db *db, const char *sql, int persistent, struct sql_stmt **out);
	int (*step)(struct sql_stmt *st);          /* SQL_ROW, SQL_DONE or an error code */
	void (*reset)(struct sql_stmt *st);        /* ready to step again; bindings kept */
	void (*clear)(struct sql_stmt *st);        /* every parameter back to NULL */
	void (*finalize)(struct sql_stmt *st);
	int (*param_index)(struct sql_stmt *st, const char *name);  /* ":x" → 1-based, 0 if none */
	void (*bind_int64)(struct sql_stmt *st, int i, long long v);
	void (*bind_double)(struct sql_stmt *st, int i, double v);
	void (*bind_text)(struct sql_stmt *st, int i, const char *s, int len); /* copied; len -1: strlen */
	void (*bind_null)(struct sql_stmt *st, int i);
	int (*column_count)(struct sql_stmt *st);
	const char *(*column_name)(struct sql_stmt *st, int i);
	int (*column_type)(struct sql_stmt *st, int i);   /* SQL_INTEGER … SQL_NULL */
	long long (*column_int64)(struct sql_stmt *st, int i);
	double (*column_double)(struct sql_stmt *st, int i);
	const char *(*column_text)(struct sql_stmt *st, int i);  /* NULL for NULL; valid until next step */

	/* the connection (db->conn) */
	/* Connect to db->path (flags: DB_CREATE, DB_READONLY), refuse what is
	 * not a qingdan database, and say its schema version (0: empty). */
	enum qd_status (*open)(struct db *db, int flags, int *version, struct strbuf *err);
	/* Optional: before migrating from version `from` (SQLite backs up the file). */
	enum qd_status (*pre_migrate)(struct db *db, int from, struct strbuf *err);
	/* Optional: after the migrations, before first use. */
	int (*ready)(struct db *db);
	void (*close)(struct db *db);
	/* Start the write transaction: every writer queues here (SQLite's
	 * BEGIN IMMEDIATE; BEGIN plus an advisory lock on PostgreSQL). */
	int (*begin)(struct db *db);
	int (*get_version)(struct db *db, int *version);
	int (*set_version)(struct db *db, int version);   /* inside a migration's transaction */
	/* A number that changes when another connection commits (SQLite's
	 * data_version; PostgreSQL counts NOTIFYs, no round trip). */
	long long (*data_version)(struct db *db);
	/* Optional (a server): the login role of the session, and whether it
	 * owns the schema (then it acts as admin, as the file's creator does
	 * in open mode).  NULL: the OS login is the actor. */
	const char *(*user)(struct db *db);
	int (*is_owner)(struct db *db);
	/* Optional: a descriptor that turns readable when another session's
	 * change is announced (PostgreSQL's socket); -1 or NULL: none. */
	int (*wait_fd)(struct db *db);
	int (*exec)(struct db *db, const char *sql);   /* statements without parameters or rows */
	long long (*changes)(struct db *db);           /* rows changed by the last statement */
	long long (*total_changes)(struct db *db);     /* rows changed on this connection so far */
	const char *(*errmsg)(struct db *db);          /* of the last failure */
	int (*errcode)(struct db *db);                 /* SQL_* of the last failure */
};

static inline int sql_step(struct sql_stmt *st) { return st->drv->step(st); }
static inline void sql_reset(struct sql_stmt *st) { st->drv->reset(st); }
static inline void sql_clear_bindings(struct sql_stmt *st) { st->drv->clear(st); }
static inline void sql_finalize(struct sql_stmt *st) { if (st) st->drv->finalize(st); }
static inline int sql_param_index(struct sql_stmt *st, const char *name)
{
	return st->drv->param_index(st, name);
}
static inline void sql_bind_int64(struct sql_stmt *st, int i, long long v) { st->drv->bind_int64(st, i, v); }
static inline void sql_bind_int(struct sql_stmt *st, int i, int v) { st->drv->bind_int64(st, i, v); }
static inline void sql_bind_double(struct sql_stmt *st, int i, double v) { st->drv->bind_double(st, i, v); }
static inline void sql_bind_text(struct sql_stmt *st, int i, const char *s, int len)
{
	st->drv->bind_text(st, i, s, len);
}
static inline void sql_bind_null(struct sql_stmt *st, int i) { st->drv->bind_null(st, i); }
static inline int sql_column_count(struct sql_stmt *st) { return st->drv->column_count(st); }
static inline const char *sql_column_name(struct sql_stmt *st, int i) { return st->drv->column_name(st, i); }
static inline int sql_column_type(struct sql_stmt *st, int i) { return st->drv->column_type(st, i); }
static inline long long sql_column_int64(struct sql_stmt *st, int i) { return st->drv->column_int64(st, i); }
static inline int sql_column_int(struct sql_stmt *st, int i) { return (int)st->drv->column_int64(st, i); }
static inline double sql_column_double(struct sql_stmt *st, int i) { return st->drv->column_double(st, i); }
static inline const char *sql_column_text(struct sql_stmt *st, int i) { return st->drv->column_text(st, i); }

/* A statement prepared for once (not cached): SQL_OK or an error code. */
int sql_prepare(struct db *db, const char *sql, struct sql_stmt **out);
/* Run statements without parameters (SQL_OK or an error code). */
int sql_exec(struct db *db, const char *sql);
long long sql_changes(struct db *db);

extern const struct sql_driver sql_sqlite_driver;
/* Inside the module qingdan-pg.so (pg.c): the driver, and the module's
 * entry, which returns it; db.c reaches it only through plugin_load(). */
extern const struct sql_driver sql_pg_driver;
const struct sql_driver *qingdan_pg_plugin(void);

#endif
