/* tt.h — the test harness: each TEST runs in its own fork (a crash fails
 * that test only, with a 60 s alarm times the build's time scale), CHECKs
 * report file:line, and TT_END prints "N passed, N failed" as the
 * program's last line.  TT_FILTER=name runs only tests whose name contains
 * it.
 *
 * Time scale: how many times slower than a plain build this one runs.
 * QD_TIME_SCALE at build time (-DQD_TIME_SCALE=N), else 4 when built with
 * ASan (gcc's __SANITIZE_ADDRESS__, clang's __has_feature), else 1; or
 * QD_TIME_SCALE from the environment when that is more (asan-test and
 * valgrind-test set it, for the shell tests too: tests/lib.sh).  Alarms and
 * deadlines (tt_ms) are multiplied by it; random smoke tests size their
 * rounds with tt_rounds, which divides by it, so that they take about as
 * long in every build instead of needing a longer alarm.
 *
 * The backend: `make test` runs on SQLite; `make test-pg` sets QD_TEST_PG
 * to the socket folder of a throwaway PostgreSQL cluster
 * (scripts/pg_cluster.sh) and the same tests run on it.  A test asks for
 * its database with tt_db (below) instead of naming ":memory:" or a file;
 * one that is about SQLite itself (its files, its query plans) starts with
 * TT_SQLITE_ONLY("why"), which counts it as skipped under QD_TEST_PG (a
 * "N skipped" line before the last; tests/run_all.sh adds them up). */
#ifndef QINGDAN_TT_H
#define QINGDAN_TT_H

#include <glob.h>
#include <pwd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "qingdan/db.h"
#include "qingdan/model.h"
#include "qingdan/store.h"
/* the storage interface, for tt_num/tt_text/tt_exec below: the tests'
 * window on the database, the same on SQLite and PostgreSQL (curses.h,
 * which the TUI tests include first, makes clear() a macro: not here) */
#pragma push_macro("clear")
#undef clear
#include "../src/store/sql.h"
#pragma pop_macro("clear")

#ifndef QD_TIME_SCALE
#if defined(__SANITIZE_ADDRESS__)
#define QD_TIME_SCALE 4
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(memory_sanitizer) || __has_feature(thread_sanitizer)
#define QD_TIME_SCALE 4
#endif
#endif
#endif
#ifndef QD_TIME_SCALE
#define QD_TIME_SCALE 1
#endif

static __attribute__((unused)) int tt_time_scale(void)
{
	const char *e = getenv("QD_TIME_SCALE");
	int k = e && *e ? atoi(e) : 0;
	return k > QD_TIME_SCALE ? k : QD_TIME_SCALE;
}

/* A deadline of ms milliseconds in a plain build, scaled. */
static __attribute__((unused)) int tt_ms(int ms)
{
	return ms * tt_time_scale();
}

/* Rounds of a random smoke test: n in a plain build, fewer in a slow one
 * (at least 1); FUZZ_ROUNDS=N asks for exactly N, for a longer run. */
static __attribute__((unused)) int tt_rounds(int n)
{
	const char *r = getenv("FUZZ_ROUNDS");
	if (r && *r)
		return atoi(r);
	int k = n / tt_time_scale();
	return k > 0 ? k : 1;
}

static int tt_fail_flag;
#define TEST(name) static void name(void)
#define CHECK(c) do { if (!(c)) { fprintf(stderr, "  %s:%d: CHECK(%s) failed\n", __FILE__, __LINE__, #c); tt_fail_flag = 1; } } while (0)
#define CHECK_INT(a, b) do { long long tt_a = (long long)(a), tt_b = (long long)(b); if (tt_a != tt_b) { \
	fprintf(stderr, "  %s:%d: %s == %lld, expected %lld\n", __FILE__, __LINE__, #a, tt_a, tt_b); tt_fail_flag = 1; } } while (0)
#define CHECK_STR(a, b) do { const char *tt_a = (a), *tt_b = (b); if (!tt_a || !tt_b || strcmp(tt_a, tt_b)) { \
	fprintf(stderr, "  %s:%d: %s ==\n    [%s]\n  expected\n    [%s]\n", __FILE__, __LINE__, #a, tt_a ? tt_a : "(null)", tt_b ? tt_b : "(null)"); tt_fail_flag = 1; } } while (0)
#define CHECK_CONTAINS(hay, needle) do { const char *tt_h = (hay), *tt_n = (needle); if (!tt_h || !strstr(tt_h, tt_n)) { \
	fprintf(stderr, "  %s:%d: %s does not contain [%s]; it is:\n%s\n", __FILE__, __LINE__, #hay, tt_n, tt_h ? tt_h : "(null)"); tt_fail_flag = 1; } } while (0)

/* ---- the database of a test ---- */

/* The socket folder of the PostgreSQL cluster under test, or NULL. */
static __attribute__((unused)) const char *tt_pg_sock(void)
{
	const char *s = getenv("QD_TEST_PG");
	return s && *s ? s : NULL;
}

static __attribute__((unused)) int tt_pg(void)
{
	return tt_pg_sock() != NULL;
}

/* Run psql on the cluster's maintenance database with sql on its stdin
 * (psql's own meta-commands such as \gexec work); 0 when it succeeded.
 * $PG_BIN/psql when PG_BIN is set (the Makefile sets it), else psql. */
static __attribute__((unused)) int tt_psql(const char *sql)
{
	const char *bin = getenv("PG_BIN");
	char psql[512];
	snprintf(psql, sizeof psql, "%s%spsql", bin && *bin ? bin : "", bin && *bin ? "/" : "");
	int fd[2];
	if (pipe(fd) != 0)
		return -1;
	fflush(NULL);
	pid_t pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		dup2(fd[0], 0);
		close(fd[0]);
		close(fd[1]);
		execlp(psql, psql, "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-h", tt_pg_sock(),
		       "-d", "postgres", "-f", "-", (char *)NULL);
		_exit(127);
	}
	close(fd[0]);
	size_t len = strlen(sql), off = 0;
	while (off < len) {
		ssize_t n = write(fd[1], sql + off, len - off);
		if (n <= 0)
			break;
		off += (size_t)n;
	}
	close(fd[1]);
	int st = 0;
	if (waitpid(pid, &st, 0) != pid)
		return -1;
	return off == len && WIFEXITED(st) && WEXITSTATUS(st) == 0 ? 0 : -1;
}

/* Where test files go: $TMPDIR or /tmp. */
static __attribute__((unused)) const char *tt_tmpdir(void)
{
	const char *t = getenv("TMPDIR");
	return t && *t ? t : "/tmp";
}

/* A fresh, empty database for this test, to pass to qd_open / --db:
 *  - on SQLite, name NULL: ":memory:"; a name: a file
 *    TMPDIR/qdt_PID_N_name.db that does not exist yet (for a test that
 *    reopens it, hands it to the real binary or to another process);
 *  - under QD_TEST_PG, either way a new database qdt_PID_N_name on the
 *    cluster, as a libpq URI (postgresql:///qdt_…?host=SOCKET_FOLDER).
 * name: letters, digits and _ (others become _).  The string stays valid
 * for the test (16 at most per test).  tt_run removes after each test what
 * it made (the files qdt_PID_*, the databases qdt_PID_*), PID being the
 * test's own process: a database asked for in a process the test forked
 * is its own, and removed only with the cluster. */
static __attribute__((unused)) const char *tt_db(const char *name)
{
	static char buf[16][512];
	static int n;
	if (!name && !tt_pg())
		return ":memory:";
	char clean[25];   /* the database name stays within 63 bytes */
	size_t k = 0;
	for (const char *c = name ? name : "mem"; *c && k < sizeof clean - 1; c++)
		clean[k++] = (char)(((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || *c == '_') ? *c :
				    (*c >= 'A' && *c <= 'Z') ? *c - 'A' + 'a' : '_');
	clean[k] = '\0';
	char *out = buf[n % 16];
	int seq = ++n;
	if (!tt_pg()) {
		snprintf(out, sizeof buf[0], "%s/qdt_%ld_%d_%s.db", tt_tmpdir(), (long)getpid(), seq, clean);
		return out;
	}
	/* a mark for tt_db_cleanup: this test made databases */
	snprintf(out, sizeof buf[0], "%s/qdt_%ld_0_pg", tt_tmpdir(), (long)getpid());
	FILE *mark = fopen(out, "w");
	if (mark)
		fclose(mark);
	char dbname[64], sql[160];
	snprintf(dbname, sizeof dbname, "qdt_%ld_%d_%s", (long)getpid(), seq, clean);
	snprintf(sql, sizeof sql, "CREATE DATABASE \"%s\";\n", dbname);
	if (tt_psql(sql) != 0) {
		fprintf(stderr, "  tt_db: cannot create the database %s on %s\n", dbname, tt_pg_sock());
		abort();
	}
	snprintf(out, sizeof buf[0], "postgresql:///%s?host=%s", dbname, tt_pg_sock());
	return out;
}

/* After a test ran in process pid: remove what tt_db made for it (its
 * files; its databases when it left the mark that it made some). */
static void tt_db_cleanup(pid_t pid)
{
	char pat[400];
	glob_t g;
	int made_pg = 0;
	snprintf(pat, sizeof pat, "%s/qdt_%ld_*", tt_tmpdir(), (long)pid);
	if (glob(pat, GLOB_NOSORT, NULL, &g) == 0) {
		for (size_t i = 0; i < g.gl_pathc; i++) {
			const char *end = g.gl_pathv[i] + strlen(g.gl_pathv[i]);
			made_pg |= end - g.gl_pathv[i] > 5 && strcmp(end - 5, "_0_pg") == 0;
			unlink(g.gl_pathv[i]);
		}
	}
	globfree(&g);
	if (made_pg && tt_pg()) {
		snprintf(pat, sizeof pat,
			 "SELECT format('DROP DATABASE %%I WITH (FORCE)', datname) FROM pg_database "
			 "WHERE starts_with(datname, 'qdt_%ld_') \\gexec\n", (long)pid);
		if (tt_psql(pat) != 0)
			fprintf(stderr, "  tt_db: could not drop the databases of process %ld\n", (long)pid);
	}
}

/* SQL a test runs itself where the dialects differ. */
#define TT_SQL(sqlite, postgresql) (tt_pg() ? (postgresql) : (sqlite))

/* Reading and tampering with a test's database behind the model's back, on
 * either backend: through the storage interface (src/store/sql.h, the one
 * the store itself uses), never sqlite3_* on db_handle (NULL on
 * PostgreSQL).  SQL that fails to prepare or run is a defect of the test:
 * it is printed and fails the test (for a statement that is meant to fail,
 * use db_exec and check its result). */
static __attribute__((unused)) void tt_sql_failed(struct db *db, const char *sql, int rc)
{
	fprintf(stderr, "  SQL failed (%d): %s\n    %s\n", rc, db ? db_errmsg(db) : "no database", sql);
	tt_fail_flag = 1;
}

/* The first column of the first row as an integer; -1 when there is no
 * row (or the SQL failed). */
/* How many items store_item_list finds searching for text (any status,
 * today 2026-06-30); -1 (and the test fails) when the listing fails. */
struct tt_hits {
	struct rowsink base;
	int n;
};

static void tt_hit_header(struct rowsink *s, int ncol, const char *const *names)
{
	(void)s, (void)ncol, (void)names;
}

static void tt_hit_row(struct rowsink *s, const char *const *vals, const char *json)
{
	(void)vals, (void)json;
	((struct tt_hits *)s)->n++;
}

static __attribute__((unused)) int tt_search_hits(struct db *db, const char *text)
{
	struct tt_hits h = {{tt_hit_header, tt_hit_row, 0}, 0};
	struct item_filter f = {0};
	struct strbuf e = {0};
	f.status = -1;
	f.search = text;
	f.today = f.soon = "2026-06-30";
	enum qd_status s = store_item_list(db, &f, &h.base, &e);
	CHECK_INT(s, QD_OK);
	sb_free(&e);
	return s == QD_OK ? h.n : -1;
}

static __attribute__((unused)) long long tt_num(struct db *db, const char *sql)
{
	struct sql_stmt *st = NULL;
	long long v = -1;
	int rc = sql_prepare(db, sql, &st);
	if (rc == SQL_OK) {
		rc = sql_step(st);
		if (rc == SQL_ROW)
			v = sql_column_int64(st, 0);
	}
	if (rc != SQL_ROW && rc != SQL_DONE)
		tt_sql_failed(db, sql, rc);
	sql_finalize(st);
	return v;
}

/* The first column of the first row as text (malloc'd; free it); NULL
 * when there is no row, the value is NULL or the SQL failed. */
static __attribute__((unused)) char *tt_text(struct db *db, const char *sql)
{
	struct sql_stmt *st = NULL;
	char *v = NULL;
	int rc = sql_prepare(db, sql, &st);
	if (rc == SQL_OK) {
		rc = sql_step(st);
		if (rc == SQL_ROW && sql_column_text(st, 0))
			v = xstrdup(sql_column_text(st, 0));
	}
	if (rc != SQL_ROW && rc != SQL_DONE)
		tt_sql_failed(db, sql, rc);
	sql_finalize(st);
	return v;
}

/* Statements without parameters or rows: SQL_OK (0) or the error code,
 * the failure printed and counted. */
static __attribute__((unused)) int tt_exec(struct db *db, const char *sql)
{
	int rc = sql_exec(db, sql);
	if (rc != SQL_OK)
		tt_sql_failed(db, sql, rc);
	return rc;
}

/* ---- who is acting ----
 * On a SQLite file the actor is the OS login, which a test replaces with
 * qd_set_login.  On a server it is the session's role (DESIGN §9): the
 * model would take an overridden login too, but the server's own rules
 * (its row policies) go by the session, for the tests the cluster's
 * superuser, who owns the schema and passes them all.  So there a test
 * that acts as someone logs in as them: their login gets a member role of
 * the test's database (db grant: qd_db_role, as the owner) and the session
 * is that role's (user=LOGIN in the URI); both the model's rules and the
 * server's then hold for it, as for a member at another PC. */

/* path with user=LOGIN added to its query (a libpq URI); malloc'd. */
static __attribute__((unused)) char *tt_uri_as(const char *path, const char *login)
{
	struct strbuf b = {0};
	const char *u = strstr(path, "&user=");
	sb_printf(&b, "%.*s", u ? (int)(u - path) : (int)strlen(path), path);
	if (login) {
		sb_puts(&b, strchr(b.s, '?') ? "&user=" : "?user=");
		for (const unsigned char *c = (const unsigned char *)login; *c; c++)
			if ((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9') ||
			    *c == '-' || *c == '_' || *c == '.')
				sb_printf(&b, "%c", *c);
			else
				sb_printf(&b, "%%%02X", *c);
	}
	return sb_take(&b);
}

/* Open path (tt_db's) into q (keeping q->year) acting as login: on SQLite
 * qd_open and qd_set_login; under QD_TEST_PG the login's member role is
 * granted (made if need be) and q is a session of it.  login NULL: the
 * process's own (the OS login; the owner on a server).  Aborts when that
 * fails. */
static __attribute__((unused)) void tt_open_as(struct qd *q, const char *path, const char *login)
{
	struct strbuf e = {0};
	int year = q->year;
	if (tt_pg() && login) {
		struct qd owner = {0};
		char *base = tt_uri_as(path, NULL), *what = NULL;
		int has_person = 0;
		owner.year = year;
		if (qd_open(&owner, base, 0, &e) != QD_OK ||
		    qd_db_role(&owner, login, 0, &what, &has_person, &e) != QD_OK) {
			fprintf(stderr, "  tt_open_as: no role %s on %s: %s\n", login, base, e.s ? e.s : "");
			abort();
		}
		free(what);
		qd_close(&owner);
		free(base);
	}
	char *uri = tt_pg() ? tt_uri_as(path, login) : xstrdup(path);
	memset(q, 0, sizeof *q);
	q->year = year;
	if (qd_open(q, uri, 0, &e) != QD_OK) {
		fprintf(stderr, "  tt_open_as: cannot open %s: %s\n", uri, e.s ? e.s : "");
		abort();
	}
	if (!tt_pg() && login)
		qd_set_login(q, login);
	free(uri);
	sb_free(&e);
}

/* Act as login from now on: qd_set_login on SQLite; under QD_TEST_PG q is
 * closed and reopened as login's session (tt_open_as), or as the owner
 * again when login is NULL (on SQLite: the OS login).  Nothing q's old
 * connection held stays valid there: a test reopens what used it. */
static __attribute__((unused)) void tt_login(struct qd *q, const char *login)
{
	if (!tt_pg()) {
		struct passwd *pw = getpwuid(geteuid());
		qd_set_login(q, login ? login : pw ? pw->pw_name : "");
		return;
	}
	char *path = tt_uri_as(db_path(q->db), NULL);
	qd_close(q);
	tt_open_as(q, path, login);
	free(path);
}

/* A test about SQLite itself: under QD_TEST_PG it stops here, counted as
 * skipped (exit status 77 to tt_run), saying why. */
#define TT_SKIP_STATUS 77
/* SQLite DDL that takes a file of migration 11 back to 10. */
#define TT_UNDO_MIGRATION_11 \
	"DROP INDEX person_name_post; DROP INDEX person_sort; DROP INDEX IF EXISTS person_login;" \
	"CREATE INDEX person_sort ON person(sort_key, id);"
/* SQLite DDL that takes a file of migration 11 back to 9. */
#define TT_UNDO_MIGRATION_10 \
	TT_UNDO_MIGRATION_11 \
	"DROP TABLE item_period; ALTER TABLE item DROP COLUMN every;"
/* SQLite DDL that takes a file of migration 11 back to 6 (the tests that
 * make an older file drop what 11 … 7 added first). */
#define TT_UNDO_MIGRATION_7 \
	TT_UNDO_MIGRATION_10 \
	"DROP INDEX person_org_sort;" \
	"DROP INDEX item_match;" \
	"DROP TABLE category; DROP INDEX person_sort; DROP INDEX person_initials;" \
	"ALTER TABLE person DROP COLUMN sort_key; ALTER TABLE person DROP COLUMN pinyin;" \
	"ALTER TABLE person DROP COLUMN initials;" \
	"DELETE FROM upgrade_task WHERE name = 'person_sort_keys';"

#define TT_SQLITE_ONLY(why) do { if (tt_pg()) { printf("  skip on PostgreSQL: %s\n", (why)); \
	fflush(NULL); _exit(TT_SKIP_STATUS); } } while (0)

static int tt_passed, tt_failed, tt_skipped;
static void tt_run(const char *name, void (*fn)(void))
{
	const char *filter = getenv("TT_FILTER");
	if (filter && *filter && !strstr(name, filter))
		return;
	fflush(NULL);
	pid_t pid = fork();
	if (pid == 0) {
		alarm((unsigned)((getenv("TT_SLOW") ? 300 : 60) * tt_time_scale()));
		tt_fail_flag = 0;
		fn();
		fflush(NULL);
		_exit(tt_fail_flag ? 1 : 0);
	}
	int st = 0;
	waitpid(pid, &st, 0);
	tt_db_cleanup(pid);
	if (WIFEXITED(st) && WEXITSTATUS(st) == 0) {
		tt_passed++;
		printf("ok   %s\n", name);
	} else if (WIFEXITED(st) && WEXITSTATUS(st) == TT_SKIP_STATUS) {
		tt_skipped++;
		printf("skip %s\n", name);
	} else {
		tt_failed++;
		if (WIFSIGNALED(st))
			printf("FAIL %s (killed by signal %d)\n", name, WTERMSIG(st));
		else
			printf("FAIL %s\n", name);
	}
	fflush(stdout);
}
#define RUN(fn) tt_run(#fn, fn)
/* The last line "N passed, N failed"; "N skipped" before it when some were. */
#define TT_END() (tt_skipped ? printf("%d skipped\n", tt_skipped) : 0, \
	printf("%d passed, %d failed\n", tt_passed, tt_failed), tt_failed ? 1 : 0)

#endif
