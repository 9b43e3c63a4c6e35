/* db.c — opening, checking, migrating and backing up a qingdan file, plus
 * the transaction and statement-cache helpers of the storage module.
 *
 * Transaction rules (after fossil's db.c): db_begin/db_end nest; only the
 * outermost pair talks to SQLite (BEGIN IMMEDIATE, so two writers queue on
 * the busy handler instead of deadlocking on a lock upgrade); any inner
 * failure makes the outermost end roll back.
 *
 * A busy file: on_busy() waits up to the busy limit (db.h), telling the
 * hook once a second who holds the file (db_busy.c). */
#include "qingdan/db.h"

#include "db_busy.h"
#include "schema.h"

#include <errno.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "qingdan/msg.h"
#include "qingdan/outfile.h"
#include "store_impl.h"

struct stmt_slot {
	const char *sql;
	sqlite3_stmt *st;
};

struct db {
	sqlite3 *h;
	char *path;
	int readonly;
	int depth;        /* transaction nesting */
	int failed;       /* an inner level asked for rollback */
	char *warning;
	struct stmt_slot *stmts;
	size_t nstmts, capstmts;
	/* a busy file */
	db_busy_fn busy_fn;
	void *busy_ctx;
	long long busy_limit_ms, busy_start_ms, busy_waited_ms;
	int busy_said;    /* seconds last told to the hook, -1 = nothing shown */
};

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

static long long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* SQLite's busy handler: 1 to try again (after a sleep), 0 to give up. */
static int on_busy(void *arg, int count)
{
	static const int steps[] = {1, 2, 5, 10, 20, 50};
	struct db *db = arg;
	long long now = now_ms();
	if (count == 0)
		db->busy_start_ms = now;
	long long waited = db->busy_waited_ms = now - db->busy_start_ms;
	if (waited >= db->busy_limit_ms)
		return 0;
	int sec = (int)((waited + 500) / 1000);
	if (db->busy_fn && sec > 0 && sec != db->busy_said) {
		char *who = db_busy_holder(db->path);
		db->busy_said = sec;
		db->busy_fn(db->busy_ctx, sec, who);
		free(who);
	}
	long long ms = count < (int)ARRAY_SIZE(steps) ? steps[count] : 100;
	if (ms > db->busy_limit_ms - waited)
		ms = db->busy_limit_ms - waited;
	sqlite3_sleep((int)ms);
	return 1;
}

/* The wait is over (the lock was had, or given up): the hook clears its line. */
static void busy_over(struct db *db)
{
	if (db->busy_said >= 0 && db->busy_fn)
		db->busy_fn(db->busy_ctx, -1, NULL);
	db->busy_said = -1;
}

int db_schema_version(void)
{
	return schema_latest();
}

sqlite3 *db_handle(struct db *db)
{
	return db->h;
}

int db_readonly(const struct db *db)
{
	return db->readonly;
}

const char *db_path(const struct db *db)
{
	return db->path;
}

const char *db_warning(const struct db *db)
{
	return db->warning;
}

enum qd_status db_error(struct db *db, struct strbuf *err)
{
	int code = sqlite3_errcode(db->h);
	if (err && (code == SQLITE_CORRUPT || code == SQLITE_NOTADB)) {
		sb_printf(err, msg(M_DB_CORRUPT), db->path);
	} else if (err && code == SQLITE_BUSY) {
		char *who = db_busy_holder(db->path);
		int sec = (int)((db->busy_waited_ms + 500) / 1000);
		if (who)
			sb_printf(err, msg(M_DB_BUSY), db->path, who, sec);
		else
			sb_printf(err, msg(M_DB_BUSY_UNKNOWN), db->path, sec);
		free(who);
	}
	else if (err)
		sb_printf(err, msg(M_DB_ERROR), sqlite3_errmsg(db->h));
	return QD_DBERROR;
}

sqlite3_stmt *db_stmt(struct db *db, const char *sql)
{
	for (size_t i = 0; i < db->nstmts; i++) {
		if (db->stmts[i].sql == sql) {
			sqlite3_stmt *st = db->stmts[i].st;
			sqlite3_reset(st);
			sqlite3_clear_bindings(st);
			return st;
		}
	}
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v3(db->h, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL) != SQLITE_OK)
		die("SQL does not prepare: %s\n%s", sqlite3_errmsg(db->h), sql);
	if (db->nstmts == db->capstmts) {
		db->capstmts = db->capstmts ? db->capstmts * 2 : 64;
		db->stmts = xrealloc(db->stmts, db->capstmts * sizeof(*db->stmts));
	}
	db->stmts[db->nstmts++] = (struct stmt_slot){sql, st};
	return st;
}

static int exec(struct db *db, const char *sql)
{
	return sqlite3_exec(db->h, sql, NULL, NULL, NULL);
}

enum qd_status db_begin(struct db *db)
{
	if (db->depth == 0) {
		db->busy_waited_ms = 0;
		int rc = exec(db, "BEGIN IMMEDIATE");
		busy_over(db);
		if (rc != SQLITE_OK)
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
		exec(db, "ROLLBACK");
		return QD_OK;
	}
	if (store_fts_flush(db) != SQLITE_OK || exec(db, "COMMIT") != SQLITE_OK) {
		busy_over(db);
		exec(db, "ROLLBACK");
		return QD_DBERROR;
	}
	busy_over(db);
	return QD_OK;
}

int db_depth(const struct db *db)
{
	return db->depth;
}

void db_truncate_wal(struct db *db)
{
	db_busy_fn fn = db->busy_fn;
	long long limit = db->busy_limit_ms;
	db->busy_fn = NULL;
	db->busy_limit_ms = limit < 500 ? limit : 500;
	sqlite3_wal_checkpoint_v2(db->h, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
	db->busy_fn = fn;
	db->busy_limit_ms = limit;
	db->busy_said = -1;
}

long long db_data_version(struct db *db)
{
	sqlite3_stmt *st = db_stmt(db, "PRAGMA data_version");
	long long v = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
	sqlite3_reset(st);
	return v;
}

static int pragma_int(struct db *db, const char *sql, int *out)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->h, sql, -1, &st, NULL);
	if (rc == SQLITE_OK) {
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW) {
			*out = sqlite3_column_int(st, 0);
			rc = SQLITE_OK;
		}
	}
	sqlite3_finalize(st);
	return rc;
}

/* Copy the database to dest through the backup API, atomically: into a
 * temporary beside dest (outfile.h), renamed onto it only when complete, so
 * a failed or killed backup leaves nothing at dest.  The temporary needs
 * no journal (it is thrown away on failure) and no syncs but the last. */
static enum qd_status copy_to(sqlite3 *src, const char *dest, int flags, const char *like,
			      struct strbuf *err)
{
	struct outfile o;
	enum qd_status s = outfile_open(&o, dest, flags, like, err);
	if (s != QD_OK)
		return s;
	sqlite3 *out = NULL;
	int rc = sqlite3_open_v2(outfile_temp_name(&o), &out,
				 SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(out, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;", NULL, NULL, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_busy_timeout(out, 5000);
		sqlite3_backup *b = sqlite3_backup_init(out, "main", src, "main");
		if (b) {
			do {
				rc = sqlite3_backup_step(b, 1024);
				if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
					sqlite3_sleep(20);
			} while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
			sqlite3_backup_finish(b);
			if (rc == SQLITE_DONE)
				rc = SQLITE_OK;
		} else {
			rc = sqlite3_errcode(out);
		}
	}
	if (rc != SQLITE_OK)
		sb_printf(err, msg(M_BACKUP_FAILED), dest, out ? sqlite3_errmsg(out) : sqlite3_errstr(rc));
	if (sqlite3_close(out) != SQLITE_OK && rc == SQLITE_OK) {
		sb_printf(err, msg(M_BACKUP_FAILED), dest, sqlite3_errmsg(out));
		rc = SQLITE_ERROR;
	}
	if (rc != SQLITE_OK) {
		outfile_abort(&o);
		return QD_IOERROR;
	}
	return outfile_commit(&o, err);
}

enum qd_status db_backup(struct db *db, const char *dest, int flags, struct strbuf *err)
{
	return copy_to(db->h, dest, flags, db->path, err);
}

static enum qd_status migrate(struct db *db, int from, struct strbuf *err)
{
	if (from > 0 && strcmp(db->path, ":memory:") != 0) {
		char stamp[32];
		time_t t = time(NULL);
		strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%S", gmtime(&t));
		char *dest = xasprintf("%s.bak-v%d-%s", db->path, from, stamp);
		enum qd_status s = copy_to(db->h, dest, 0, db->path, err);
		free(dest);
		if (s != QD_OK)
			return s;
	}
	for (int v = from + 1; v <= schema_latest(); v++) {
		int now = 0;
		int rc = exec(db, "BEGIN IMMEDIATE");
		busy_over(db);
		if (rc != SQLITE_OK)
			return db_error(db, err);
		/* another process may have migrated while we waited */
		if (pragma_int(db, "PRAGMA user_version", &now) != SQLITE_OK || now >= v) {
			exec(db, "COMMIT");
			continue;
		}
		rc = SQLITE_OK;
		for (const char *const *stmt = schema_migration(v); *stmt && rc == SQLITE_OK; stmt++)
			rc = exec(db, *stmt);
		char *sql = xasprintf("PRAGMA user_version=%d; PRAGMA application_id=%d;", v,
				      QD_APPLICATION_ID);
		if (rc == SQLITE_OK)
			rc = exec(db, sql);
		free(sql);
		if (rc != SQLITE_OK || exec(db, "COMMIT") != SQLITE_OK) {
			db_error(db, err);
			exec(db, "ROLLBACK");
			return QD_DBERROR;
		}
	}
	return QD_OK;
}

/* A folder anyone may write to (even /tmp with its sticky bit: others can
 * plant FILE-wal, FILE-journal or a look-alike there) gets a warning beside
 * the world-writable-file one. */
static void world_writable_folder(const char *path, char **warning)
{
	char *dir = xstrdup(path), *slash = strrchr(dir, '/');
	if (slash)
		slash[slash == dir] = '\0';   /* "/x.db" -> "/" */
	const char *d = slash ? dir : ".";
	struct stat sb;
	if (stat(d, &sb) != 0 || !(sb.st_mode & S_IWOTH)) {
		free(dir);
		return;
	}
	char *w = xasprintf(msg(M_DB_DIR_WORLD_WRITABLE), path, d);
	free(dir);
	if (*warning) {
		char *both = xasprintf("%s；%s", *warning, w);
		free(w);
		w = both;
		free(*warning);
	}
	*warning = w;
}

/* Make the file (and its folder) if missing; check an existing file looks
 * like SQLite before SQLite sees it.  Sets *readonly. */
static enum qd_status prepare_file(const char *path, int flags, int *readonly, char **warning,
				   struct strbuf *err)
{
	struct stat sb;
	if (stat(path, &sb) != 0) {
		if (errno == ENOENT && !(flags & DB_CREATE)) {
			/* only init, the TUI and a first write create the file (DESIGN §5) */
			sb_printf(err, msg(M_DB_MISSING), path);
			return QD_NOTFOUND;
		}
		if (errno != ENOENT) {
			sb_printf(err, msg(M_DB_OPEN_FAILED), path, strerror(errno));
			return QD_IOERROR;
		}
		char *dir = xstrdup(path);
		for (char *p = dir + 1; *p; p++) {
			if (*p != '/')
				continue;
			*p = '\0';
			mkdir(dir, 0770);
			*p = '/';
		}
		free(dir);
		int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0660);
		if (fd < 0 && errno != EEXIST) {
			sb_printf(err, msg(M_DB_OPEN_FAILED), path, strerror(errno));
			return QD_IOERROR;
		}
		if (fd >= 0) {
			fchmod(fd, 0660);
			close(fd);
		}
		world_writable_folder(path, warning);
		return QD_OK;
	}
	if (!S_ISREG(sb.st_mode)) {
		sb_printf(err, msg(M_NOT_QINGDAN), path);
		return QD_INVALID;
	}
	if (sb.st_size > 0) {
		char head[16] = {0};
		FILE *f = fopen(path, "rb");
		size_t n = f ? fread(head, 1, sizeof head, f) : 0;
		if (f)
			fclose(f);
		if (n < sizeof head || memcmp(head, "SQLite format 3", 16) != 0) {
			sb_printf(err, msg(M_NOT_QINGDAN), path);
			return QD_INVALID;
		}
	}
	if (sb.st_mode & S_IWOTH)
		*warning = xasprintf(msg(M_WORLD_WRITABLE), path);
	char *dir = xstrdup(path);
	char *slash = strrchr(dir, '/');
	if (slash)
		*slash = '\0';
	world_writable_folder(path, warning);
	if (access(path, W_OK) != 0 || access(slash ? (*dir ? dir : "/") : ".", W_OK) != 0)
		*readonly = 1;
	free(dir);
	return QD_OK;
}

/* Shorter than its own header says, with no WAL holding the rest: cut off. */
static int truncated(struct db *db)
{
	int pages = 0, page_size = 0;
	struct stat sb;
	if (strcmp(db->path, ":memory:") == 0 || stat(db->path, &sb) != 0 ||
	    pragma_int(db, "PRAGMA page_count", &pages) != SQLITE_OK ||
	    pragma_int(db, "PRAGMA page_size", &page_size) != SQLITE_OK)
		return 0;
	char *wal = xasprintf("%s-wal", db->path);
	int has_wal = access(wal, F_OK) == 0;
	free(wal);
	return !has_wal && (long long)pages * page_size > (long long)sb.st_size;
}

/* A reader (DB_READONLY) found a schema to upgrade in a file it may
 * write: reopen read-write for the migrations; query_only keeps it a reader. */
static enum qd_status reopen_to_migrate(struct db *db, struct strbuf *err)
{
	sqlite3_close(db->h);
	db->h = NULL;
	if (sqlite3_open_v2(db->path, &db->h, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
		sb_printf(err, msg(M_DB_OPEN_FAILED), db->path, db->h ? sqlite3_errmsg(db->h) : "");
		return QD_IOERROR;
	}
	sqlite3_busy_timeout(db->h, 5000);
	sqlite3_extended_result_codes(db->h, 0);
	if (exec(db, "PRAGMA journal_mode=WAL") != SQLITE_OK ||
	    exec(db, "PRAGMA synchronous=FULL") != SQLITE_OK)
		return db_error(db, err);
	return QD_OK;
}

/* Refuse what is not ours, or is newer than us, before anything writes. */
static enum qd_status check_schema(struct db *db, int *version, struct strbuf *err)
{
	int app = 0, objects = 0;
	int rc = pragma_int(db, "PRAGMA application_id", &app);
	if (rc == SQLITE_OK)
		rc = pragma_int(db, "PRAGMA user_version", version);
	if (rc == SQLITE_OK)
		rc = pragma_int(db, "SELECT count(*) FROM sqlite_schema", &objects);
	if (rc == SQLITE_NOTADB || rc == SQLITE_CORRUPT) {
		sb_printf(err, msg(rc == SQLITE_CORRUPT ? M_DB_CORRUPT : M_NOT_QINGDAN), db->path);
		return QD_INVALID;
	}
	if (rc != SQLITE_OK)
		return db_error(db, err);
	if (app != QD_APPLICATION_ID && (objects > 0 || *version != 0)) {
		sb_printf(err, msg(M_NOT_QINGDAN), db->path);
		return QD_INVALID;
	}
	if (*version > 0 && truncated(db)) {
		sb_printf(err, msg(M_DB_CORRUPT), db->path);
		return QD_INVALID;
	}
	if (*version > schema_latest()) {
		sb_printf(err, msg(M_SCHEMA_NEWER), db->path, *version, schema_latest());
		return QD_INVALID;
	}
	return QD_OK;
}

enum qd_status db_open(const char *path, int flags, struct db **out, struct strbuf *err)
{
	struct db *db = xcalloc(1, sizeof *db);
	db->path = xstrdup(path);
	db->readonly = (flags & DB_READONLY) != 0;
	db->busy_fn = busy_default_fn;
	db->busy_ctx = busy_default_ctx;
	db->busy_limit_ms = busy_limit_ms();
	db->busy_said = -1;
	*out = NULL;
	int memory = strcmp(path, ":memory:") == 0, file_readonly = 0;
	enum qd_status s = memory ? QD_OK : prepare_file(path, flags, &file_readonly, &db->warning, err);
	db->readonly |= file_readonly;
	int version = 0;
	if (s == QD_OK) {
		int oflags = db->readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
		if (sqlite3_open_v2(path, &db->h, oflags | (memory ? SQLITE_OPEN_CREATE : 0), NULL) != SQLITE_OK) {
			sb_printf(err, msg(M_DB_OPEN_FAILED), path, db->h ? sqlite3_errmsg(db->h) : "");
			s = QD_IOERROR;
		}
	}
	if (s == QD_OK) {
		sqlite3_busy_handler(db->h, on_busy, db);
		sqlite3_extended_result_codes(db->h, 0);
		store_functions(db);   /* before a migration: 4 indexes with qd_norm */
		s = check_schema(db, &version, err);
	}
	if (s == QD_OK && !db->readonly) {
		if (exec(db, "PRAGMA journal_mode=WAL") != SQLITE_OK ||
		    exec(db, "PRAGMA synchronous=FULL") != SQLITE_OK)
			s = db_error(db, err);
	}
	if (s == QD_OK && version < schema_latest() && db->readonly && !file_readonly)
		s = reopen_to_migrate(db, err);   /* a reader of an older file the user may write */
	if (s == QD_OK)
		exec(db, "PRAGMA foreign_keys=ON");
	if (s == QD_OK && version < schema_latest()) {
		if (db->readonly && file_readonly) {
			sb_printf(err, msg(M_DB_NEEDS_UPGRADE), path);
			s = QD_INVALID;
		} else {
			s = migrate(db, version, err);
		}
	}
	if (s == QD_OK && db->readonly)
		exec(db, "PRAGMA query_only=1");
	else if (s == QD_OK && store_fts_prepare(db) != SQLITE_OK)
		s = db_error(db, err);
	if (db->h)
		busy_over(db);
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
		sqlite3_finalize(db->stmts[i].st);
	free(db->stmts);
	if (db->h && !db->readonly) {
		/* issue 10.2: statistics for the planner where the tables used
		 * here grew (bounded sampling; never waits for a busy file) */
		sqlite3_busy_timeout(db->h, 0);
		sqlite3_exec(db->h, "PRAGMA analysis_limit = 1000; PRAGMA optimize;", NULL, NULL, NULL);
	}
	if (db->h)
		sqlite3_close(db->h);
	free(db->path);
	free(db->warning);
	free(db);
	*pdb = NULL;
}
