/* t_pg_driver.c — the PostgreSQL driver (src/store/pg*.c) on its own,
 * below db.c; its pure helpers are t_pg_sql.c's.  Always: connections
 * that fail, and how they say so.  Under QD_TEST_PG (the socket folder of
 * a throwaway cluster, `make test-pg`; our login a superuser there; else
 * counted as skipped) the driver against the server: opening and the
 * schema version, typed binds and NULLs, columns, prepared variants,
 * constraint and permission errors, two writers queueing on begin(), a
 * NOTIFY from another connection, reconnecting after the backend is
 * killed, and giving up on a server that stays away.  Each server test
 * has a database of its own (tt_db). */
#include <poll.h>
#include <stdarg.h>
#include <time.h>

#include "../src/store/pg_impl.h"
#include "qingdan/msg.h"
#include "tt.h"

/* ---- a connection of the driver, without db.c ---- */

static struct db *t_db(const char *uri)
{
	struct db *db = xcalloc(1, sizeof *db);
	db->drv = &sql_pg_driver;
	db->path = xstrdup(uri);
	db->busy_said = -1;
	db->busy_limit_ms = 5000;
	return db;
}

static void t_close(struct db *db)
{
	db->drv->close(db);
	free(db->path);
	free(db);
}

static int t_exec(struct db *db, const char *sql)
{
	return db->drv->exec(db, sql);
}

static int t_open(struct db *db, int flags, int *version, struct strbuf *err)
{
	return db->drv->open(db, flags, version, err);
}

TEST(a_server_that_is_not_there_says_so_without_the_password)
{
	struct strbuf err = {0};
	int v = -1;
	struct db *db = t_db("postgresql://wang:sekrit@/qd_none?host=/nonexistent/dir");
	CHECK_INT(t_open(db, DB_CREATE, &v, &err), QD_DBERROR);
	CHECK_CONTAINS(err.s, "无法连接数据库 qd_none（服务器 /nonexistent/dir）");
	CHECK(!strstr(err.s, "sekrit"));
	t_close(db);
	sb_reset(&err);
	db = t_db("postgresql://wang:se%zzkrit@h/qd");
	CHECK_INT(t_open(db, 0, &v, &err), QD_INVALID);
	CHECK_CONTAINS(err.s, "连接串 postgresql://wang:***@h/qd 无效");
	CHECK(!strstr(err.s, "krit"));
	t_close(db);
	sb_reset(&err);
	db = t_db("pg:");
	CHECK_INT(t_open(db, 0, &v, &err), QD_INVALID);
	CHECK_CONTAINS(err.s, "缺少服务名");
	t_close(db);
	sb_reset(&err);
	db = t_db("pg:qd_no_such_service");
	CHECK_INT(t_open(db, 0, &v, &err), QD_DBERROR);
	CHECK_CONTAINS(err.s, "无法连接服务 qd_no_such_service");
	t_close(db);
	sb_free(&err);
}

/* ---- against a server (QD_TEST_PG) ---- */

/* A test that needs the server: without QD_TEST_PG it is counted as
 * skipped. */
#define PG_ONLY() do { if (!tt_pg()) { printf("  skip: needs a server (make test-pg)\n"); \
	fflush(NULL); _exit(TT_SKIP_STATUS); } } while (0)

static const char *cur;   /* the test's database */

static void quiet(void *arg, const char *message)
{
	(void)arg;
	(void)message;
}

/* A second connection to the test's database, outside the driver. */
static PGconn *admin(void)
{
	PGconn *c = PQconnectdb(cur);
	if (PQstatus(c) != CONNECTION_OK) {
		fprintf(stderr, "  cannot connect to %s: %s", cur, PQerrorMessage(c));
		exit(1);
	}
	PQsetNoticeProcessor(c, quiet, NULL);
	return c;
}

static int admin_exec(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	struct strbuf sql = {0};
	sb_vprintf(&sql, fmt, ap);
	va_end(ap);
	PGconn *c = admin();
	PGresult *r = PQexec(c, sql.s);
	int ok = PQresultStatus(r) == PGRES_COMMAND_OK || PQresultStatus(r) == PGRES_TUPLES_OK;
	if (!ok)
		fprintf(stderr, "  admin: %s: %s", sql.s, PQresultErrorMessage(r));
	PQclear(r);
	PQfinish(c);
	sb_free(&sql);
	return ok;
}

/* A fresh, empty database for this test (tt_run drops it afterwards). */
static char *fresh(const char *name)
{
	PG_ONLY();
	cur = tt_db(name);
	return xstrdup(cur);
}

static void done(char *uri)
{
	free(uri);
}

/* Open a fresh qingdan database at version 1 with a table t. */
static struct db *ready(const char *uri)
{
	struct strbuf err = {0};
	int v = -1;
	struct db *db = t_db(uri);
	if (t_open(db, DB_CREATE, &v, &err) != QD_OK) {
		fprintf(stderr, "  open: %s\n", err.s);
		abort();
	}
	sb_free(&err);
	CHECK_INT(db->drv->begin(db), SQL_OK);
	CHECK_INT(t_exec(db, "CREATE TABLE t (id bigint PRIMARY KEY, name text UNIQUE, score float8, "
			      "flag boolean, lead bigint, due text)"), SQL_OK);
	CHECK_INT(db->drv->set_version(db, 1), SQL_OK);
	CHECK_INT(t_exec(db, "COMMIT"), SQL_OK);
	return db;
}

/* A step that should give want, saying the server's message if not. */
#define CHECK_STEP(st, want) do { int tt_rc = sql_step(st); CHECK_INT(tt_rc, want); \
	if (tt_rc != (want)) fprintf(stderr, "    (%s)\n", (st)->db->drv->errmsg((st)->db)); } while (0)

/* The first column of the first row of a query without parameters. */
static long long one(struct db *db, const char *sql)
{
	struct sql_stmt *st;
	long long v = -1;
	if (db->drv->prepare(db, sql, 0, &st) != SQL_OK)
		return -2;
	if (sql_step(st) == SQL_ROW)
		v = sql_column_int64(st, 0);
	sql_finalize(st);
	return v;
}

TEST(open_knows_empty_foreign_newer_and_qingdan_databases)
{
	char *uri = fresh("open");
	struct strbuf err = {0};
	int v = -1;
	struct db *db = t_db(uri);
	CHECK_INT(t_open(db, 0, &v, &err), QD_NOTFOUND);   /* empty: only init creates */
	CHECK_CONTAINS(err.s, "是空的");
	t_close(db);
	sb_reset(&err);
	db = t_db(uri);
	CHECK_INT(t_open(db, DB_CREATE, &v, &err), QD_OK);
	CHECK_INT(v, 0);
	CHECK(db_wait_fd(db) >= 0);
	CHECK(db->drv->user(db) && *db->drv->user(db));
	CHECK_INT(db->drv->is_owner(db), 1);   /* the schema's creator */
	CHECK_INT(db->drv->get_version(db, &v), SQL_OK);
	CHECK_INT(v, 0);
	CHECK_INT(db->drv->begin(db), SQL_OK);
	CHECK_INT(db->drv->set_version(db, 1), SQL_OK);
	CHECK_INT(t_exec(db, "COMMIT"), SQL_OK);
	CHECK_INT(db->drv->get_version(db, &v), SQL_OK);
	CHECK_INT(v, 1);
	t_close(db);
	db = t_db(uri);
	CHECK_INT(t_open(db, DB_READONLY, &v, &err), QD_INVALID);   /* 1 < latest: needs an upgrade */
	CHECK_CONTAINS(err.s, "需要升级");
	t_close(db);
	sb_reset(&err);
	db = t_db(uri);
	CHECK_INT(t_open(db, 0, &v, &err), QD_OK);
	CHECK_INT(v, 1);
	t_close(db);
	/* newer than this program */
	CHECK(admin_exec("UPDATE qingdan_meta SET value = '999' WHERE key = 'schema_version'"));
	db = t_db(uri);
	CHECK_INT(t_open(db, 0, &v, &err), QD_INVALID);
	CHECK_CONTAINS(err.s, "999");
	t_close(db);
	sb_reset(&err);
	/* someone else's qingdan_meta */
	CHECK(admin_exec("UPDATE qingdan_meta SET value = 'XXXX' WHERE key = 'application_id'"));
	db = t_db(uri);
	CHECK_INT(t_open(db, DB_CREATE, &v, &err), QD_INVALID);
	CHECK_CONTAINS(err.s, "不是 qingdan 的数据库");
	t_close(db);
	sb_reset(&err);
	/* another program's tables, no qingdan_meta */
	CHECK(admin_exec("DROP TABLE qingdan_meta; CREATE TABLE orders (id int)"));
	db = t_db(uri);
	CHECK_INT(t_open(db, DB_CREATE, &v, &err), QD_INVALID);
	CHECK_CONTAINS(err.s, "里已有别的表");
	t_close(db);
	sb_free(&err);
	done(uri);
}

TEST(typed_binds_nulls_and_columns)
{
	char *uri = fresh("binds");
	struct db *db = ready(uri);
	struct sql_stmt *ins, *sel;
	CHECK_INT(db->drv->prepare(db, "INSERT INTO t (id, name, score, flag, lead, due) "
				       "VALUES (?1, :name, ?3, ?4 = 1, :lead, :due)", 1, &ins), SQL_OK);
	int name = sql_param_index(ins, ":name"), lead = sql_param_index(ins, ":lead");
	int due = sql_param_index(ins, ":due");
	CHECK_INT(name, 2);
	CHECK_INT(due, 6);
	sql_bind_int64(ins, 1, 1);
	sql_bind_text(ins, name, "王伟's \"x\" ?1 :name", -1);
	sql_bind_double(ins, 3, 2.5);
	sql_bind_int(ins, 4, 1);
	sql_bind_null(ins, lead);   /* an untyped NULL into a bigint column: the server infers */
	sql_bind_text(ins, due, "2026-03-31xx", 10);
	CHECK_STEP(ins, SQL_DONE);
	CHECK_INT(db->drv->changes(db), 1);
	sql_reset(ins);
	sql_clear_bindings(ins);
	sql_bind_int64(ins, 1, 2);
	sql_bind_text(ins, name, "李娜", -1);
	sql_bind_int(ins, 4, 0);
	sql_bind_int64(ins, lead, 1);
	CHECK_STEP(ins, SQL_DONE);
	sql_finalize(ins);

	CHECK_INT(db->drv->prepare(db, "SELECT id, name, score, flag, lead, due, score > 2 AS big "
				       "FROM t ORDER BY id", 0, &sel), SQL_OK);
	CHECK_STEP(sel, SQL_ROW);
	CHECK_INT(sql_column_count(sel), 7);
	CHECK_STR(sql_column_name(sel, 6), "big");
	CHECK_INT(sql_column_type(sel, 0), SQL_INTEGER);
	CHECK_INT(sql_column_int64(sel, 0), 1);
	CHECK_INT(sql_column_type(sel, 1), SQL_TEXT);
	CHECK_STR(sql_column_text(sel, 1), "王伟's \"x\" ?1 :name");
	CHECK_INT(sql_column_type(sel, 2), SQL_FLOAT);
	CHECK(sql_column_double(sel, 2) == 2.5);
	CHECK_INT(sql_column_type(sel, 3), SQL_INTEGER);   /* bool reads as 1/0 */
	CHECK_INT(sql_column_int(sel, 3), 1);
	CHECK_STR(sql_column_text(sel, 3), "1");
	CHECK_INT(sql_column_type(sel, 4), SQL_NULL);
	CHECK(sql_column_text(sel, 4) == NULL);
	CHECK_STR(sql_column_text(sel, 5), "2026-03-31");
	CHECK_INT(sql_column_int(sel, 6), 1);
	CHECK_STEP(sel, SQL_ROW);
	CHECK_INT(sql_column_int(sel, 0), 2);
	CHECK_STR(sql_column_text(sel, 3), "0");
	CHECK_INT(sql_column_int64(sel, 4), 1);
	CHECK_INT(sql_column_type(sel, 2), SQL_NULL);
	CHECK_INT(sql_column_type(sel, 5), SQL_NULL);
	CHECK_STEP(sel, SQL_DONE);
	CHECK(sql_column_text(sel, 1) == NULL);
	CHECK_STEP(sel, SQL_ROW);   /* past the end runs again, as SQLite */
	sql_finalize(sel);

	/* ":today" used twice is one parameter; an untyped NULL alone is text */
	CHECK_INT(db->drv->prepare(db, "SELECT :d IS NULL, coalesce(:d, 'none'), ?2 + 1, ?2 = 1", 0, &sel), SQL_OK);
	sql_bind_int(sel, 2, 1);
	CHECK_STEP(sel, SQL_ROW);
	CHECK_INT(sql_column_int(sel, 0), 1);
	CHECK_STR(sql_column_text(sel, 1), "none");
	CHECK_INT(sql_column_int(sel, 2), 2);
	CHECK_INT(sql_column_type(sel, 2), SQL_INTEGER);
	CHECK_STR(sql_column_text(sel, 3), "1");
	sql_finalize(sel);

	/* the client speaks UTF-8, whatever the environment says */
	CHECK_INT(one(db, "SELECT length(name) FROM t WHERE id = 2"), 2);

	/* an UPDATE's count; a SELECT after it leaves the count alone */
	CHECK_INT(t_exec(db, "UPDATE t SET score = 1"), SQL_OK);
	CHECK_INT(db->drv->changes(db), 2);
	CHECK_INT(one(db, "SELECT count(*) FROM t"), 2);
	CHECK_INT(db->drv->changes(db), 2);
	t_close(db);
	done(uri);
}

TEST(a_null_the_server_cannot_type_keeps_the_transaction)
{
	char *uri = fresh("nulltx");
	struct db *db = ready(uri);
	struct sql_stmt *up;
	CHECK_INT(t_exec(db, "INSERT INTO t (id, name, due) VALUES (1, 'a', '2026-01-01')"), SQL_OK);
	const char *sql = "UPDATE t SET due = CASE WHEN ?2 IS NULL THEN due ELSE nullif(?2, '') END, "
			  "lead = ?3 WHERE id = ?1";
	for (int persistent = 0; persistent <= 1; persistent++) {
		CHECK_INT(db->drv->begin(db), SQL_OK);
		CHECK_INT(db->drv->prepare(db, sql, persistent, &up), SQL_OK);
		sql_bind_int(up, 1, 1);
		sql_bind_null(up, 2);
		sql_bind_null(up, 3);
		CHECK_STEP(up, SQL_DONE);
		CHECK_INT(db->drv->changes(db), 1);
		sql_reset(up);
		sql_bind_text(up, 2, "", 0);
		sql_bind_int(up, 3, 7);
		CHECK_STEP(up, SQL_DONE);
		sql_finalize(up);
		CHECK_INT(t_exec(db, "COMMIT"), SQL_OK);   /* not aborted by the first try */
		CHECK_INT(one(db, "SELECT count(*) FROM t WHERE due IS NULL AND lead = 7"), 1);
		CHECK_INT(t_exec(db, "UPDATE t SET due = '2026-01-01'"), SQL_OK);
	}
	t_close(db);
	done(uri);
}

TEST(cached_statements_are_prepared_once_per_set_of_types)
{
	char *uri = fresh("prep");
	struct db *db = ready(uri);
	struct sql_stmt *st;
	const char *count = "SELECT count(*) FROM pg_prepared_statements WHERE name LIKE 'qd\\_%'";
	CHECK_INT(db->drv->prepare(db, "SELECT ?1::text", 1, &st), SQL_OK);
	for (int i = 0; i < 5; i++) {
		sql_reset(st);
		sql_bind_int(st, 1, i);
		CHECK_STEP(st, SQL_ROW);
		CHECK_INT(sql_column_int(st, 0), i);
	}
	CHECK_INT(one(db, count), 1);
	sql_reset(st);
	sql_bind_text(st, 1, "x", -1);   /* text: a second variant */
	CHECK_STEP(st, SQL_ROW);
	CHECK_STR(sql_column_text(st, 0), "x");
	sql_reset(st);
	sql_bind_null(st, 1);            /* NULL goes as the last type: no third */
	CHECK_STEP(st, SQL_ROW);
	CHECK_INT(sql_column_type(st, 0), SQL_NULL);
	CHECK_INT(one(db, count), 2);
	sql_finalize(st);
	CHECK_INT(one(db, "SELECT 1"), 1);   /* the DEALLOCATEs go with the next command */
	CHECK_INT(one(db, count), 0);
	t_close(db);
	done(uri);
}

TEST(constraint_and_permission_errors)
{
	char *uri = fresh("errors");
	struct db *db = ready(uri);
	char role[64];
	snprintf(role, sizeof role, "qdt_nobody_%ld", (long)getpid());
	CHECK(admin_exec("DROP ROLE IF EXISTS %s; CREATE ROLE %s NOLOGIN; GRANT USAGE ON SCHEMA public TO %s",
			 role, role, role));
	CHECK_INT(t_exec(db, "INSERT INTO t (id, name) VALUES (1, 'a')"), SQL_OK);
	CHECK_INT(t_exec(db, "INSERT INTO t (id, name) VALUES (2, 'a')"), SQL_CONSTRAINT);
	CHECK_CONTAINS(db->drv->errmsg(db), "duplicate key");
	CHECK_INT(db->drv->errcode(db), SQL_CONSTRAINT);
	CHECK_INT(t_exec(db, "INSERT INTO t (name) VALUES ('b')"), SQL_CONSTRAINT);   /* NOT NULL */
	CHECK_INT(t_exec(db, "SELECT nosuchcolumn FROM t"), SQL_ERROR);
	CHECK_CONTAINS(db->drv->errmsg(db), "nosuchcolumn");
	char *set = xasprintf("SET ROLE %s", role);
	CHECK_INT(t_exec(db, set), SQL_OK);
	CHECK_INT(one(db, "SELECT count(*) FROM t"), -1);
	CHECK_INT(db->drv->errcode(db), SQL_DENIED);
	CHECK_CONTAINS(db->drv->errmsg(db), "permission denied");
	CHECK_INT(db->drv->begin(db), SQL_OK);
	CHECK_INT(t_exec(db, "DELETE FROM t"), SQL_DENIED);
	CHECK_INT(t_exec(db, "ROLLBACK"), SQL_OK);
	CHECK_INT(t_exec(db, "RESET ROLE"), SQL_OK);
	/* a COMMIT after a failed step is a failure, not a silent rollback */
	CHECK_INT(db->drv->begin(db), SQL_OK);
	CHECK_INT(t_exec(db, "INSERT INTO t (id, name) VALUES (5, 'e')"), SQL_OK);
	CHECK_INT(t_exec(db, "INSERT INTO t (id, name) VALUES (6, 'a')"), SQL_CONSTRAINT);
	CHECK_INT(t_exec(db, "COMMIT"), SQL_CONSTRAINT);
	CHECK_CONTAINS(db->drv->errmsg(db), "整个事务已撤销");
	CHECK_CONTAINS(db->drv->errmsg(db), "duplicate key");
	CHECK_INT(one(db, "SELECT count(*) FROM t"), 1);
	free(set);
	t_close(db);
	done(uri);
	CHECK(admin_exec("DROP OWNED BY %s; DROP ROLE %s", role, role));
}

static int hook_calls, hook_last;
static char hook_holder[256];

static void hook(void *ctx, int seconds, const char *holder)
{
	(void)ctx;
	hook_calls++;
	hook_last = seconds;
	if (holder)
		str_copy(hook_holder, holder, sizeof hook_holder);
}

static long long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Poll the server until a query's first column is 1, up to ms. */
static int until(PGconn *c, const char *sql, int ms)
{
	for (long long end = now_ms() + tt_ms(ms); now_ms() < end; usleep(20000)) {
		PGresult *r = PQexec(c, sql);
		int yes = PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) && !strcmp(PQgetvalue(r, 0, 0), "1");
		PQclear(r);
		if (yes)
			return 1;
	}
	return 0;
}

static const char *const WAITING =
	"SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted";

TEST(two_writers_queue_on_begin)
{
	char *uri = fresh("race");
	int fd[2], go[2];
	CHECK(pipe(fd) == 0 && pipe(go) == 0);
	pid_t pid = fork();
	if (pid == 0) {
		/* the second writer: waits, tells the hook who holds the lock, then goes */
		char c;
		close(go[1]);
		if (read(go[0], &c, 1) != 1)
			_exit(7);
		struct db *b = t_db(uri);
		struct strbuf err = {0};
		int v;
		free(uri);
		b->busy_fn = hook;
		if (t_open(b, 0, &v, &err) != QD_OK)
			_exit(9);
		long long t0 = now_ms();
		int rc = b->drv->begin(b);
		long long waited = now_ms() - t0;
		long long seen = one(b, "SELECT count(*) FROM t");
		seen += 10 * one(b, "SELECT (current_setting('lock_timeout') = '0')::int");   /* reset */
		char out[512];
		snprintf(out, sizeof out, "%d %lld %lld %d %d %s", rc, waited, seen, hook_calls, hook_last,
			 hook_holder);
		if (write(fd[1], out, strlen(out) + 1) < 0)
			_exit(8);
		t_exec(b, "COMMIT");
		t_close(b);
		_exit(0);
	}
	close(fd[1]);
	close(go[0]);
	struct db *a = ready(uri);
	CHECK_INT(a->drv->begin(a), SQL_OK);
	CHECK(write(go[1], "g", 1) == 1);
	PGconn *c = admin();
	CHECK(until(c, WAITING, 3000));   /* the second is queued behind the first */
	CHECK_INT(t_exec(a, "INSERT INTO t (id, name) VALUES (1, 'first')"), SQL_OK);
	usleep(1300 * 1000);              /* held a while: the hook hears of it */
	CHECK_INT(t_exec(a, "COMMIT"), SQL_OK);
	char got[512] = "";
	CHECK(read(fd[0], got, sizeof got - 1) > 0);
	int rc = -1, calls = 0, last = 0;
	long long waited = 0, seen = 0;
	char who[256] = "";
	sscanf(got, "%d %lld %lld %d %d %255[^\n]", &rc, &waited, &seen, &calls, &last, who);
	CHECK_INT(rc, SQL_OK);
	CHECK(waited >= 1000);
	CHECK_INT(seen, 11);     /* it began after the first committed, lock_timeout back to 0 */
	CHECK(calls >= 2);       /* at least one second, and "over" */
	CHECK_INT(last, -1);
	CHECK_CONTAINS(who, " 的 qingdan（进程 ");
	int st;
	waitpid(pid, &st, 0);
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0);

	/* the busy limit: the second gives up, and is left outside any transaction */
	struct db *b = t_db(uri);
	struct strbuf err = {0};
	int v;
	CHECK_INT(t_open(b, 0, &v, &err), QD_OK);
	b->busy_limit_ms = 300;
	CHECK_INT(a->drv->begin(a), SQL_OK);
	long long t0 = now_ms();
	CHECK_INT(b->drv->begin(b), SQL_BUSY);
	CHECK(now_ms() - t0 < tt_ms(3000));
	CHECK_CONTAINS(b->drv->errmsg(b), "数据库正被 ");
	CHECK_CONTAINS(b->drv->errmsg(b), " 的 qingdan（进程 ");
	CHECK_INT(PQtransactionStatus(PC(b)->pg), PQTRANS_IDLE);
	CHECK_INT(t_exec(a, "COMMIT"), SQL_OK);
	CHECK_INT(b->drv->begin(b), SQL_OK);
	CHECK_INT(t_exec(b, "ROLLBACK"), SQL_OK);
	t_close(b);
	sb_free(&err);
	PQfinish(c);
	t_close(a);
	done(uri);
}

TEST(a_notify_from_another_connection_changes_data_version)
{
	char *uri = fresh("notify");
	struct db *db = ready(uri);
	long long v0 = db->drv->data_version(db);
	CHECK_INT(t_exec(db, "NOTIFY qingdan, 't'"), SQL_OK);   /* our own: not counted */
	CHECK_INT(one(db, "SELECT 1"), 1);
	CHECK_INT(db->drv->data_version(db), v0);
	PGconn *c = admin();
	PQclear(PQexec(c, "NOTIFY qingdan, 'item'"));
	long long v = v0;
	for (long long end = now_ms() + tt_ms(2000); v == v0 && now_ms() < end;) {
		struct pollfd p = {db_wait_fd(db), POLLIN, 0};
		poll(&p, 1, 100);
		v = db->drv->data_version(db);
	}
	CHECK(v > v0);
	CHECK_INT(db->drv->data_version(db), v);   /* read once, counted once */
	PQfinish(c);
	t_close(db);
	done(uri);
}

/* Kill the backend of db from another connection and wait until it is gone. */
static void kill_backend(struct db *db)
{
	int pid = PQbackendPID(PC(db)->pg);
	PGconn *c = admin();
	char sql[160];
	snprintf(sql, sizeof sql, "SELECT pg_terminate_backend(%d)::int", pid);
	CHECK(until(c, sql, 1000));
	snprintf(sql, sizeof sql, "SELECT (count(*) = 0)::int FROM pg_stat_activity WHERE pid = %d", pid);
	CHECK(until(c, sql, 3000));
	PQfinish(c);
}

/* Watch the socket as the TUI does until data_version finds the
 * connection closed. */
static int noticed_gone(struct db *db)
{
	for (long long end = now_ms() + tt_ms(2000); now_ms() < end;) {
		struct pollfd p = {db_wait_fd(db), POLLIN, 0};
		if (p.fd < 0)
			return 1;
		poll(&p, 1, 100);
		db->drv->data_version(db);
	}
	return 0;
}

TEST(a_killed_backend_is_reconnected_outside_a_transaction)
{
	char *uri = fresh("reconnect");
	struct db *db = ready(uri);
	struct sql_stmt *st;
	CHECK_INT(t_exec(db, "INSERT INTO t (id, name) VALUES (1, 'a')"), SQL_OK);
	CHECK_INT(db->drv->prepare(db, "SELECT name, pg_backend_pid() FROM t WHERE id = ?1", 1, &st), SQL_OK);
	sql_bind_int(st, 1, 1);
	CHECK_STEP(st, SQL_ROW);
	long long pid0 = sql_column_int64(st, 1);
	long long v0 = db->drv->data_version(db);
	kill_backend(db);
	/* a read: reconnected, prepared again and sent again */
	sql_reset(st);
	CHECK_STEP(st, SQL_ROW);
	CHECK_STR(sql_column_text(st, 0), "a");
	CHECK(sql_column_int64(st, 1) != pid0);
	CHECK(db->drv->data_version(db) > v0);
	/* a write outside a transaction is not sent twice, but the next works */
	kill_backend(db);
	CHECK_INT(t_exec(db, "INSERT INTO t (id, name) VALUES (2, 'b')"), SQL_LOST);
	CHECK_CONTAINS(db->drv->errmsg(db), "已重新连接");
	CHECK_INT(t_exec(db, "INSERT INTO t (id, name) VALUES (2, 'b')"), SQL_OK);
	/* found gone by data_version while idle: the next read reconnects */
	long long vb = db->drv->data_version(db);
	kill_backend(db);
	CHECK(noticed_gone(db));
	long long v1 = db->drv->data_version(db);
	CHECK(v1 == vb + 1);
	CHECK(db->drv->data_version(db) == v1);   /* counted once */
	sql_reset(st);
	CHECK_STEP(st, SQL_ROW);
	sql_finalize(st);
	t_close(db);
	done(uri);
}

TEST(a_killed_backend_inside_a_transaction_fails_until_rollback)
{
	char *uri = fresh("losttx");
	struct db *db = ready(uri);
	CHECK_INT(db->drv->begin(db), SQL_OK);
	CHECK_INT(t_exec(db, "INSERT INTO t (id, name) VALUES (1, 'half')"), SQL_OK);
	kill_backend(db);
	CHECK_INT(t_exec(db, "INSERT INTO t (id, name) VALUES (2, 'done')"), SQL_LOST);
	CHECK_CONTAINS(db->drv->errmsg(db), "这次修改没有保存");
	/* still lost, never silently on a new connection outside the transaction */
	CHECK_INT(t_exec(db, "INSERT INTO t (id, name) VALUES (3, 'after')"), SQL_LOST);
	CHECK_INT(one(db, "SELECT count(*) FROM t"), -1);
	CHECK_INT(t_exec(db, "ROLLBACK"), SQL_OK);
	CHECK_INT(one(db, "SELECT count(*) FROM t"), 0);   /* nothing half-done was kept */
	/* a COMMIT after the loss fails, and ends the transaction too */
	CHECK_INT(db->drv->begin(db), SQL_OK);
	CHECK_INT(t_exec(db, "INSERT INTO t (id, name) VALUES (1, 'x')"), SQL_OK);
	kill_backend(db);
	CHECK(noticed_gone(db));   /* here first */
	CHECK_INT(t_exec(db, "COMMIT"), SQL_LOST);
	CHECK_INT(one(db, "SELECT count(*) FROM t"), 0);
	/* a begin on a dead connection reconnects first */
	kill_backend(db);
	CHECK_INT(db->drv->begin(db), SQL_OK);
	CHECK_INT(t_exec(db, "COMMIT"), SQL_OK);
	t_close(db);
	done(uri);
}

TEST(a_server_that_stays_away_is_given_up_on_and_found_again)
{
	char *uri = fresh("away"), role[64];
	snprintf(role, sizeof role, "qdt_login_%ld", (long)getpid());
	CHECK(admin_exec("DROP ROLE IF EXISTS %s; CREATE ROLE %s LOGIN; GRANT ALL ON SCHEMA public TO %s",
			 role, role, role));
	char *as = xasprintf("%s&user=%s", uri, role);
	struct db *db = ready(as);
	CHECK_STR(db->drv->user(db), role);    /* the actor */
	CHECK_INT(db->drv->is_owner(db), 0);   /* may create in the schema, does not own it */
	db->busy_fn = hook;
	db->busy_limit_ms = 2500;
	CHECK(admin_exec("ALTER ROLE %s NOLOGIN", role));
	kill_backend(db);
	hook_calls = 0;
	hook_holder[0] = '\0';
	long long t0 = now_ms();
	CHECK_INT(one(db, "SELECT count(*) FROM t"), -1);
	long long took = now_ms() - t0;
	CHECK(took >= 2500 && took < tt_ms(5000));
	CHECK_INT(db->drv->errcode(db), SQL_LOST);
	CHECK_CONTAINS(db->drv->errmsg(db), "3 秒内没能重连");
	CHECK_STR(hook_holder, msg(M_PG_RECONNECTING));
	CHECK(hook_calls >= 2);
	CHECK_INT(hook_last, -1);
	CHECK(admin_exec("ALTER ROLE %s LOGIN", role));
	CHECK_INT(one(db, "SELECT count(*) FROM t"), 0);
	t_close(db);
	free(as);
	done(uri);
	CHECK(admin_exec("DROP OWNED BY %s; DROP ROLE %s", role, role));
}

int main(void)
{
	RUN(a_server_that_is_not_there_says_so_without_the_password);
	RUN(open_knows_empty_foreign_newer_and_qingdan_databases);
	RUN(typed_binds_nulls_and_columns);
	RUN(a_null_the_server_cannot_type_keeps_the_transaction);
	RUN(cached_statements_are_prepared_once_per_set_of_types);
	RUN(constraint_and_permission_errors);
	RUN(two_writers_queue_on_begin);
	RUN(a_notify_from_another_connection_changes_data_version);
	RUN(a_killed_backend_is_reconnected_outside_a_transaction);
	RUN(a_killed_backend_inside_a_transaction_fails_until_rollback);
	RUN(a_server_that_stays_away_is_given_up_on_and_found_again);
	return TT_END();
}
