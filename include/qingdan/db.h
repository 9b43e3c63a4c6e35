/* db.h — the storage module's connection: opening a qingdan database (a
 * SQLite file, or a PostgreSQL server given by a libpq URI or pg:SERVICE),
 * schema migrations, transactions, prepared-statement cache, backup.
 *
 * Only the storage module (src/store/) speaks SQL; its drivers (sqlite.c,
 * pg.c) are the only code that includes sqlite3.h or libpq-fe.h.
 * Everything above it calls store.h.
 *
 * Opening is careful never to write to a file it should not touch: a file
 * that is not SQLite, an SQLite file that is not qingdan's, a corrupt file
 * or one with a newer schema is refused before any pragma that writes.
 * Migrations run one by one, each in its own transaction, after an online
 * backup of the file next to it (FILE.bak-vN-YYYYmmddTHHMMSS). */
#ifndef QINGDAN_DB_H
#define QINGDAN_DB_H

#include "qingdan/util.h"

struct db;
struct sql_stmt;
struct sqlite3;

/* The backend of an open database. */
enum db_dialect { DB_SQLITE = 0, DB_PG = 1 };
enum db_dialect db_dialect(const struct db *db);
/* Whether a --db target names a PostgreSQL server (postgresql://…,
 * postgres://…, pg:SERVICE) rather than a SQLite file. */
int db_is_url(const char *target);

/* The schema version this program writes (PRAGMA user_version). */
int db_schema_version(void);
/* The version of the SQLite library in use (sqlite3_libversion). */
const char *db_sqlite_version(void);

enum db_open_flags {
	DB_CREATE = 1,    /* create the file (mode 0660) and folder if missing */
	DB_READONLY = 2,  /* open read-only even if the file is writable */
};

/* Open (and create or migrate) a qingdan database.  ":memory:" works for
 * tests.  On failure returns a status and a message in err. */
enum qd_status db_open(const char *path, int flags, struct db **out, struct strbuf *err);
void db_close(struct db **db);

int db_readonly(const struct db *db);    /* file or user cannot write */
const char *db_path(const struct db *db);
/* A message for a warning found on open (world-writable file), or NULL. */
const char *db_warning(const struct db *db);

/* Nested transactions: the outermost begin starts BEGIN IMMEDIATE (it
 * takes the write lock at once, waiting on a busy file as described
 * below); the outermost end commits when every level succeeded, else rolls
 * back.  Every write goes through them: a read transaction turned writer
 * could fail on a busy file without waiting. */
enum qd_status db_begin(struct db *db);
enum qd_status db_end(struct db *db, int ok);
/* How many db_begin are open (0: outside any transaction). */
int db_depth(const struct db *db);

/* A cached prepared statement for a static SQL string (looked up by the
 * pointer), reset and with bindings cleared.  Dies on a programming error
 * (SQL that does not prepare), naming the SQL. */
struct sql_stmt *db_stmt(struct db *db, const char *sql);
/* Set err to "database error: <message>" and return QD_DBERROR. */
enum qd_status db_error(struct db *db, struct strbuf *err);
/* The backend's own text of the last failure (no prefix). */
const char *db_errmsg(struct db *db);
/* The SQLite connection; NULL on PostgreSQL (tests and tools only). */
struct sqlite3 *db_handle(struct db *db);
/* Run SQL without parameters or rows, on either backend: 0 on success
 * (tests, and tools such as db copy). */
int db_exec(struct db *db, const char *sql);
/* Rows changed through this connection so far (a cache's own writes). */
long long db_total_changes(struct db *db);

/* After a big write has been committed: checkpoint and truncate the WAL,
 * so the log it wrote does not stay on disk at its size.  Best effort and
 * quick (half a second at most, silent): a reader still on an older
 * snapshot leaves it to SQLite's own checkpoints. */
void db_truncate_wal(struct db *db);

/* On a server: the session's login role (the actor, mapped through
 * person.login) and whether it owns the schema (acts as admin); NULL and 0
 * on a SQLite file, where the OS login is the actor. */
const char *db_user(struct db *db);
int db_owner(struct db *db);

/* Changes when another connection commits (SQLite: PRAGMA data_version;
 * PostgreSQL: a NOTIFY from another session, counted without a round trip). */
long long db_data_version(struct db *db);
/* A descriptor to poll() beside the keyboard: readable when another
 * session announced a change (then db_data_version tells); -1 on SQLite,
 * where a timer polls data_version instead. */
int db_wait_fd(struct db *db);

/* ---- moving a whole database (db_copy.c) ----
 * db copy FROM TO between any two backends, and the backup of a PostgreSQL
 * database (a SQLite file).  Every table and column, ids kept, typed binds;
 * the source is read in one snapshot, the target written in one
 * transaction that is committed only when the row counts agree and the
 * check (the audit chain) holds on the target. */

/* The audit chain's check, which storage does not know: the model's
 * qd_audit_verify_db (model.h).  QD_OK or QD_VERIFY, the findings (or the
 * one summary line) appended to report; another status on failure. */
typedef enum qd_status (*db_verify_fn)(struct db *db, struct strbuf *report, struct strbuf *err);

struct db_copy {
	/* in: about once per 1000 rows and at each table's end; table NULL
	 * when the rows are in and the check runs */
	void (*progress)(void *ctx, const char *table, long long done, long long total);
	void *ctx;
	db_verify_fn verify;   /* NULL: the row counts only */
	/* out */
	int tables;
	long long rows;
	struct strbuf report;  /* verify's findings or summary (caller frees) */
};

/* Copy every row of from into to, an open qingdan database with the schema
 * and no data (db_open gives an empty one the schema; rows the migrations
 * themselves insert are replaced).  Returns
 *  - QD_OK: copied, counts equal, verify holds;
 *  - QD_VERIFY: copied and committed, but the chain does not verify — the
 *    very same findings as on the source, so the copy is faithful (a
 *    damaged database can still be moved or backed up); report says what;
 *  - QD_INVALID: the target holds data (err says which table), or FROM is
 *    TO; nothing written;
 *  - another status: nothing written (rolled back), err says why. */
enum qd_status db_copy(struct db *from, struct db *to, struct db_copy *how, struct strbuf *err);

/* db_copy into a new SQLite file at dest, written through outfile.h: a
 * temporary beside dest renamed onto it only after the copy checked out
 * (QD_OK or QD_VERIFY), so a failed or killed copy leaves nothing at dest;
 * an existing dest is refused unless flags has OUTFILE_FORCE. */
enum qd_status db_copy_file(struct db *from, const char *dest, int flags, struct db_copy *how,
			    struct strbuf *err);

/* A --db target fit for a message: a URI's password (user:PASSWORD@,
 * password=…) shown as ***; a path as it is.  Caller frees. */
char *db_target_shown(const char *target);

/* The tables db_copy moves, in foreign-key order, and each one's columns
 * as "name:type …" (type i integer, f real, t text; the key first); NULL
 * past the end.  For the test that holds it to the schema. */
const char *db_copy_table(int i, const char **columns);

/* A backup at dest: of a SQLite file an online copy through SQLite's
 * backup API (safe while others use the file); of a PostgreSQL database a
 * SQLite file by db_copy_file (how: its progress and check; NULL: counts
 * only).  Written through outfile.h: atomic (a killed backup leaves nothing
 * at dest), the database's mode, an existing dest refused unless flags has
 * OUTFILE_FORCE. */
enum qd_status db_backup(struct db *db, const char *dest, int flags, struct db_copy *how,
			 struct strbuf *err);

/* ---- a busy file ----
 * While another process writes (an import holds the file for many seconds)
 * a write waits for it: BEGIN IMMEDIATE retries, sleeping a little longer
 * each time, up to the busy limit (120 s; QINGDAN_BUSY_TIMEOUT=SECONDS,
 * fractions allowed, read when a file is opened).  Then it fails with
 * QD_DBERROR and db_error says who holds the file and what to do.
 * Storage never prints: about once a second of waiting it calls the busy
 * hook with the seconds waited and the holder ("wangfang 的 qingdan import
 * （进程 1234）", NULL if it cannot be found), and with seconds = -1 when
 * the wait is over (got the lock or gave up), so the caller can clear what
 * it showed.  The CLI prints a line on a terminal, the TUI its status line. */
typedef void (*db_busy_fn)(void *ctx, int seconds, const char *holder);
/* The line a busy hook shows for (seconds >= 0, holder): the file's
 * writer, or a lost server connection being re-established; malloc'd. */
char *db_busy_text(int seconds, const char *holder);
/* The hook every file opened from now on starts with (NULL: none). */
void db_busy_default(db_busy_fn fn, void *ctx);
/* The hook of one open file (NULL: none). */
void db_busy_hook(struct db *db, db_busy_fn fn, void *ctx);

#endif
