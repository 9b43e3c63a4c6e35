/* sqlite.c — the SQLite driver of the storage interface (sql.h): the
 * embedded default, one file on one PC.
 *
 * Statements pass straight through to SQLite.  Opening is careful never to
 * write to a file it should not touch: a file that is not SQLite, an SQLite
 * file that is not qingdan's, a corrupt file or one with a newer schema is
 * refused before any pragma that writes.  A busy file: on_busy() waits up
 * to the busy limit (db.h), telling the hook once a second who holds the
 * file (db_busy.c).  Backups go through SQLite's online backup API. */
#include "sqlite.h"

#include <errno.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "db_busy.h"
#include "db_impl.h"
#include "qingdan/msg.h"
#include "qingdan/norm.h"
#include "qingdan/outfile.h"
#include "qingdan/store.h"
#include "schema.h"
#include "store_impl.h"

#define H(db) ((sqlite3 *)(db)->conn)

struct sq_stmt {
	struct sql_stmt base;
	sqlite3_stmt *st;
};
#define S(st) (((struct sq_stmt *)(st))->st)

const char *db_sqlite_version(void)
{
	return sqlite3_libversion();
}

/* ---- statements ---- */

static int sq_prepare(struct db *db, const char *sql, int persistent, struct sql_stmt **out)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v3(H(db), sql, -1, persistent ? SQLITE_PREPARE_PERSISTENT : 0, &st,
				    NULL);
	if (rc != SQLITE_OK) {
		sqlite3_finalize(st);
		*out = NULL;
		return rc;
	}
	struct sq_stmt *s = xcalloc(1, sizeof *s);
	s->base.drv = &sql_sqlite_driver;
	s->base.db = db;
	s->st = st;
	*out = &s->base;
	return SQL_OK;
}

static int sq_step(struct sql_stmt *st) { return sqlite3_step(S(st)); }
static void sq_reset(struct sql_stmt *st) { sqlite3_reset(S(st)); }
static void sq_clear(struct sql_stmt *st) { sqlite3_clear_bindings(S(st)); }

static void sq_finalize(struct sql_stmt *st)
{
	sqlite3_finalize(S(st));
	free(st);
}

static int sq_param_index(struct sql_stmt *st, const char *name)
{
	return sqlite3_bind_parameter_index(S(st), name);
}

static void sq_bind_int64(struct sql_stmt *st, int i, long long v) { sqlite3_bind_int64(S(st), i, v); }
static void sq_bind_double(struct sql_stmt *st, int i, double v) { sqlite3_bind_double(S(st), i, v); }
static void sq_bind_null(struct sql_stmt *st, int i) { sqlite3_bind_null(S(st), i); }

static void sq_bind_text(struct sql_stmt *st, int i, const char *s, int len)
{
	sqlite3_bind_text(S(st), i, s, len, SQLITE_TRANSIENT);
}

static int sq_column_count(struct sql_stmt *st) { return sqlite3_column_count(S(st)); }
static const char *sq_column_name(struct sql_stmt *st, int i) { return sqlite3_column_name(S(st), i); }
static int sq_column_type(struct sql_stmt *st, int i) { return sqlite3_column_type(S(st), i); }
static long long sq_column_int64(struct sql_stmt *st, int i) { return sqlite3_column_int64(S(st), i); }
static double sq_column_double(struct sql_stmt *st, int i) { return sqlite3_column_double(S(st), i); }

static const char *sq_column_text(struct sql_stmt *st, int i)
{
	return (const char *)sqlite3_column_text(S(st), i);
}

/* ---- the connection ---- */

static int sq_exec(struct db *db, const char *sql) { return sqlite3_exec(H(db), sql, NULL, NULL, NULL); }
static long long sq_changes(struct db *db) { return sqlite3_changes64(H(db)); }
static long long sq_total_changes(struct db *db) { return sqlite3_total_changes64(H(db)); }
static const char *sq_errmsg(struct db *db) { return sqlite3_errmsg(H(db)); }
static int sq_errcode(struct db *db) { return sqlite3_errcode(H(db)); }
static int sq_begin(struct db *db) { return sq_exec(db, "BEGIN IMMEDIATE"); }

static int pragma_int(struct db *db, const char *sql, int *out)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(H(db), sql, -1, &st, NULL);
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

static int sq_get_version(struct db *db, int *v) { return pragma_int(db, "PRAGMA user_version", v); }

static int sq_set_version(struct db *db, int v)
{
	char *sql = xasprintf("PRAGMA user_version=%d; PRAGMA application_id=%d;", v, QD_APPLICATION_ID);
	int rc = sq_exec(db, sql);
	free(sql);
	return rc;
}

static long long sq_data_version(struct db *db)
{
	struct sql_stmt *st = db_stmt(db, "PRAGMA data_version");
	long long v = sql_step(st) == SQL_ROW ? sql_column_int64(st, 0) : -1;
	sql_reset(st);
	return v;
}

/* SQLite's busy handler: 1 to try again (after a sleep), 0 to give up. */
static int on_busy(void *arg, int count)
{
	static const int steps[] = {1, 2, 5, 10, 20, 50};
	struct db *db = arg;
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	long long now = (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
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

/* qd_norm(text): norm_search of the text (NULL stays NULL).  Item content
 * is indexed in this form (item.search_text holds it when it differs from
 * the content); migration 4 fills search_text with it. */
static void sql_norm(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	char *out = norm_search((const char *)sqlite3_value_text(argv[0]));
	sqlite3_result_text(ctx, out, -1, free);
}

static void functions(sqlite3 *h)
{
	sqlite3_create_function(h, "qd_norm", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
				NULL, sql_norm, NULL, NULL);
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
	sqlite_single_thread();
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

enum qd_status sqlite_backup(struct db *db, const char *dest, int flags, struct strbuf *err)
{
	return copy_to(H(db), dest, flags, db->path, err);
}

/* Before migrating a file: a backup beside it (FILE.bak-vN-YYYYmmddTHHMMSS). */
static enum qd_status sq_pre_migrate(struct db *db, int from, struct strbuf *err)
{
	/* Off while the migrations run (outside their transactions, where
	 * SQLite allows it): migration 6 rebuilds list, which item references;
	 * sq_ready turns them on again. */
	sq_exec(db, "PRAGMA foreign_keys=OFF");
	if (from == 0 || strcmp(db->path, ":memory:") == 0)
		return QD_OK;
	char stamp[32];
	time_t t = time(NULL);
	strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%S", gmtime(&t));
	char *dest = xasprintf("%s.bak-v%d-%s", db->path, from, stamp);
	enum qd_status s = copy_to(H(db), dest, 0, db->path, err);
	free(dest);
	return s;
}

void sqlite_truncate_wal(struct db *db)
{
	db_busy_fn fn = db->busy_fn;
	long long limit = db->busy_limit_ms;
	db->busy_fn = NULL;
	db->busy_limit_ms = limit < 500 ? limit : 500;
	sqlite3_wal_checkpoint_v2(H(db), NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
	db->busy_fn = fn;
	db->busy_limit_ms = limit;
	db->busy_said = -1;
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
	sqlite3_close(H(db));
	sqlite3 *h = NULL;
	int rc = sqlite3_open_v2(db->path, &h, SQLITE_OPEN_READWRITE, NULL);
	db->conn = h;
	if (rc != SQLITE_OK) {
		sb_printf(err, msg(M_DB_OPEN_FAILED), db->path, h ? sqlite3_errmsg(h) : "");
		return QD_IOERROR;
	}
	sqlite3_busy_handler(h, on_busy, db);
	sqlite3_extended_result_codes(h, 0);
	functions(h);
	if (sq_exec(db, "PRAGMA journal_mode=WAL") != SQLITE_OK ||
	    sq_exec(db, "PRAGMA synchronous=FULL") != SQLITE_OK)
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

/* The program is one thread (the TUI's loop included), so SQLite needs no
 * locks: in its default serialized mode every sqlite3_step and
 * sqlite3_column_* takes the connection's mutex, a fifth of the CPU of
 * `stats --by person` at L (100k rows × 9 columns).  Must run before the
 * first connection; later calls do nothing (sqlite3_config refuses once
 * the library is initialised, which is harmless). */
void sqlite_single_thread(void)
{
	static int done;
	if (done)
		return;
	done = 1;
	sqlite3_config(SQLITE_CONFIG_SINGLETHREAD);
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

static enum qd_status sq_open(struct db *db, int flags, int *version, struct strbuf *err)
{
	sqlite_single_thread();
	const char *path = db->path;
	int memory = strcmp(path, ":memory:") == 0, file_readonly = 0;
	enum qd_status s = memory ? QD_OK : prepare_file(path, flags, &file_readonly, &db->warning, err);
	db->readonly |= file_readonly;
	if (s == QD_OK) {
		int oflags = db->readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
		sqlite3 *h = NULL;
		int rc = sqlite3_open_v2(path, &h, oflags | (memory ? SQLITE_OPEN_CREATE : 0), NULL);
		db->conn = h;
		if (rc != SQLITE_OK) {
			sb_printf(err, msg(M_DB_OPEN_FAILED), path, h ? sqlite3_errmsg(h) : "");
			s = QD_IOERROR;
		}
	}
	if (s == QD_OK) {
		sqlite3_busy_handler(H(db), on_busy, db);
		sqlite3_extended_result_codes(H(db), 0);
		functions(H(db));   /* before a migration: 4 indexes with qd_norm */
		s = check_schema(db, version, err);
	}
	if (s == QD_OK && !db->readonly) {
		if (sq_exec(db, "PRAGMA journal_mode=WAL") != SQLITE_OK ||
		    sq_exec(db, "PRAGMA synchronous=FULL") != SQLITE_OK)
			s = db_error(db, err);
	}
	if (s == QD_OK && *version < schema_latest() && db->readonly && !file_readonly)
		s = reopen_to_migrate(db, err);   /* a reader of an older file the user may write */
	if (s == QD_OK)
		sq_exec(db, "PRAGMA foreign_keys=ON");
	if (s == QD_OK && *version < schema_latest() && db->readonly && file_readonly) {
		sb_printf(err, msg(M_DB_NEEDS_UPGRADE), path);
		s = QD_INVALID;
	}
	return s;
}

/* After the migrations: a reader stays one; a writer gets its temp table. */
static int sq_ready(struct db *db)
{
	sq_exec(db, "PRAGMA foreign_keys=ON");
	if (db->readonly)
		return sq_exec(db, "PRAGMA query_only=1");
	return store_fts_prepare(db);
}

static void sq_close(struct db *db)
{
	if (!db->conn)
		return;
	if (!db->readonly) {
		/* issue 10.2: statistics for the planner where the tables used
		 * here grew (bounded sampling; never waits for a busy file) */
		sqlite3_busy_timeout(H(db), 0);
		sqlite3_exec(H(db), "PRAGMA analysis_limit = 1000; PRAGMA optimize;", NULL, NULL, NULL);
	}
	sqlite3_close(H(db));
	db->conn = NULL;
}

struct sqlite3 *sqlite_handle(struct db *db)
{
	return db->drv == &sql_sqlite_driver ? H(db) : NULL;
}

const struct sql_driver sql_sqlite_driver = {
	.name = "sqlite",
	.dialect = DB_SQLITE,
	.prepare = sq_prepare,
	.step = sq_step,
	.reset = sq_reset,
	.clear = sq_clear,
	.finalize = sq_finalize,
	.param_index = sq_param_index,
	.bind_int64 = sq_bind_int64,
	.bind_double = sq_bind_double,
	.bind_text = sq_bind_text,
	.bind_null = sq_bind_null,
	.column_count = sq_column_count,
	.column_name = sq_column_name,
	.column_type = sq_column_type,
	.column_int64 = sq_column_int64,
	.column_double = sq_column_double,
	.column_text = sq_column_text,
	.open = sq_open,
	.pre_migrate = sq_pre_migrate,
	.ready = sq_ready,
	.close = sq_close,
	.begin = sq_begin,
	.get_version = sq_get_version,
	.set_version = sq_set_version,
	.data_version = sq_data_version,
	.exec = sq_exec,
	.changes = sq_changes,
	.total_changes = sq_total_changes,
	.errmsg = sq_errmsg,
	.errcode = sq_errcode,
};
