/* pg.c — the PostgreSQL driver (sql.h), its connection half: db.c chooses
 * it for a libpq URI or pg:SERVICE.  Statements are in pg_stmt.c, the pure
 * helpers (the $N rewriter, SQLSTATE map, password mask) in pg_sql.c.
 * The three are the module qingdan-pg.so (plugin.h), the one part linked
 * with libpq, loaded on the first PostgreSQL target; qingdan_pg_plugin()
 * at the end is its entry.
 *
 * Opening refuses what is not qingdan's: the version lives in the table
 * qingdan_meta (application_id 'QDN1', schema_version); a schema without
 * it is empty (version 0) only if it holds no table at all.
 *
 * Writers queue: begin() is BEGIN plus an advisory lock that every writer
 * takes (as SQLite's BEGIN IMMEDIATE; it also keeps the audit chain head
 * from forking).  A writer that waits tells the busy hook who holds the
 * lock, once a second, until the busy limit (db.h) when the server's
 * lock_timeout gives up.
 *
 * A lost connection: outside a transaction the driver reconnects (PQreset,
 * backing off for up to 30 s while the busy hook shows "连接中断，正在重
 * 连…"), and a read is sent once more.  Inside one it fails with SQL_LOST
 * and keeps failing until the caller's ROLLBACK, which then succeeds (the
 * server rolled back when the connection went): nothing half-done is ever
 * committed, nothing committed is lost.
 *
 * Live refresh: the session LISTENs on "qingdan" (the schema's triggers
 * NOTIFY it); data_version() reads what has arrived without blocking and
 * counts notifications from other backends. */
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "pg_impl.h"
#include "qingdan/msg.h"

/* The advisory lock of every writer: "QDN1", the application id. */
#define LOCK_KEY "1363430961"
#define APPLICATION_ID "QDN1"
enum { RECONNECT_MS = 30000 };

static long long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void sleep_ms(long long ms)
{
	struct timespec ts = {(time_t)(ms / 1000), (long)(ms % 1000) * 1000000L};
	while (nanosleep(&ts, &ts) != 0)
		;
}

static void hook_tell(struct db *db, long long waited, const char *holder)
{
	int sec = (int)(waited / 1000);
	if (db->busy_fn && sec > 0 && sec != db->busy_said) {
		db->busy_said = sec;
		db->busy_fn(db->busy_ctx, sec, holder);
	}
}

/* Notices (NOTICE, an error arriving while idle) must not reach stderr
 * under the TUI. */
static void quiet(void *arg, const char *message)
{
	(void)arg;
	(void)message;
}

int pg_fail(struct pg_conn *pc, int code, const char *text)
{
	char *copy = xstrdup(text ? text : "");
	free(pc->msg);
	pc->msg = copy;
	pc->code = code;
	pc->state[0] = '\0';
	pc->pos = 0;
	return code;
}

/* libpq's message, its lines joined with "; ", passwords masked. */
static void libpq_message(PGconn *pg, const char *uri, struct strbuf *out)
{
	struct strbuf t = {0};
	const char *m = pg ? PQerrorMessage(pg) : "";
	for (const char *p = m; *p;) {
		size_t n = strcspn(p, "\n");
		const char *s = p;
		while (n && (*s == ' ' || *s == '\t'))
			s++, n--;
		if (n) {
			if (t.len)
				sb_puts(&t, "; ");
			sb_add(&t, s, n);
		}
		p = s + n + (s[n] == '\n');
	}
	pg_redact(t.s ? t.s : "", uri, out);
	sb_free(&t);
}

static int is_dml(const char *cmd)
{
	return !strncmp(cmd, "INSERT ", 7) || !strncmp(cmd, "UPDATE ", 7) ||
	       !strncmp(cmd, "DELETE ", 7) || !strncmp(cmd, "MERGE ", 6);
}

/* SQL_OK, or the failure's code with its message kept. */
static int result_rc(struct pg_conn *pc, PGresult *r)
{
	ExecStatusType st = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
	if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK || st == PGRES_EMPTY_QUERY) {
		if (is_dml(PQcmdStatus(r))) {
			pc->changes = atoll(PQcmdTuples(r));
			pc->total += pc->changes;
		}
		return SQL_OK;
	}
	const char *state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : NULL;
	const char *primary = r ? PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY) : NULL;
	int code = PQstatus(pc->pg) == CONNECTION_BAD ? SQL_LOST : pg_sqlstate_code(state);
	if (primary) {
		pg_fail(pc, code, primary);
	} else {
		struct strbuf m = {0};
		libpq_message(pc->pg, NULL, &m);
		pg_fail(pc, code, m.len ? m.s : PQresStatus(st));
		sb_free(&m);
	}
	if (state)
		str_copy(pc->state, state, sizeof pc->state);
	const char *pos = r ? PQresultErrorField(r, PG_DIAG_STATEMENT_POSITION) : NULL;
	pc->pos = pos ? atoi(pos) : 0;
	return code;
}

/* Per session: settings, then LISTEN (refused on a standby, which then
 * simply never changes). */
static int session_setup(struct db *db)
{
	struct pg_conn *pc = PC(db);
	PGresult *r = PQexec(pc->pg, pc->readonly
		? "SET TimeZone = 'UTC'; SET standard_conforming_strings = on; "
		  "SET default_transaction_read_only = on"
		: "SET TimeZone = 'UTC'; SET standard_conforming_strings = on");
	int rc = result_rc(pc, r);
	PQclear(r);
	if (rc == SQL_OK) {
		r = PQexec(pc->pg, "LISTEN qingdan");
		rc = result_rc(pc, r);
		if (rc != SQL_OK && !strcmp(pc->state, "25006"))
			rc = SQL_OK;
		PQclear(r);
	}
	pc->tx = PQTRANS_IDLE;
	return rc;
}

/* Connect again, backing off, for up to 30 s or the busy limit if less;
 * 0 when back. */
static int reconnect(struct db *db)
{
	struct pg_conn *pc = PC(db);
	long long limit = RECONNECT_MS, start = now_ms(), delay = 100;
	if (db->busy_limit_ms >= 0 && db->busy_limit_ms < limit)
		limit = db->busy_limit_ms;
	for (;;) {
		PQreset(pc->pg);
		if (PQstatus(pc->pg) == CONNECTION_OK && session_setup(db) == SQL_OK) {
			pc->gen++;
			pc->version++;   /* others may have written meanwhile */
			pc->lost_seen = 0;
			sb_reset(&pc->stale);
			db_busy_over(db);
			return 0;
		}
		long long waited = now_ms() - start;
		if (waited >= limit)
			break;
		hook_tell(db, waited, msg(M_PG_RECONNECTING));
		sleep_ms(delay < limit - waited ? delay : limit - waited);
		delay = delay * 2 < 1000 ? delay * 2 : 1000;
	}
	db_busy_over(db);
	struct strbuf why = {0}, m = {0};
	libpq_message(pc->pg, db->path, &why);
	sb_printf(&m, msg(M_PG_RECONNECT_FAILED), (int)((limit + 999) / 1000), why.len ? why.s : "");
	pg_fail(pc, SQL_LOST, m.s);
	sb_free(&why);
	sb_free(&m);
	return -1;
}

static void flush_stale(struct pg_conn *pc)
{
	if (!pc->stale.len || pc->tx != PQTRANS_IDLE)
		return;
	PQclear(PQexec(pc->pg, pc->stale.s));
	sb_reset(&pc->stale);
}

int pg_run(struct db *db, pg_call call, struct call *arg, int retry, PGresult **out)
{
	struct pg_conn *pc = PC(db);
	*out = NULL;
	if (PQstatus(pc->pg) != CONNECTION_OK && pc->tx != PQTRANS_IDLE)
		pc->tx_lost = 1;   /* found gone (by data_version) inside a transaction */
	if (pc->tx_lost)
		return pg_fail(pc, SQL_LOST, msg(M_PG_LOST_TX));
	if (PQstatus(pc->pg) != CONNECTION_OK && reconnect(db) != 0)
		return SQL_LOST;
	flush_stale(pc);
	for (int tries = 0;; tries++) {
		int in_tx = pc->tx != PQTRANS_IDLE;
		PGresult *r = call(db, arg);
		int rc = result_rc(pc, r);
		if (PQstatus(pc->pg) == CONNECTION_OK)
			pc->tx = PQtransactionStatus(pc->pg);
		if (rc == SQL_OK) {
			*out = r;
			return rc;
		}
		PQclear(r);
		if (rc != SQL_LOST)
			return rc;
		if (in_tx) {
			pc->tx_lost = 1;
			return pg_fail(pc, SQL_LOST, msg(M_PG_LOST_TX));
		}
		pc->tx = PQTRANS_IDLE;
		if (reconnect(db) != 0)
			return SQL_LOST;
		if (!retry || tries)
			return pg_fail(pc, SQL_LOST, msg(M_PG_LOST_RETRY));
	}
}

static PGresult *call_exec(struct db *db, struct call *c)
{
	return PQexec(PC(db)->pg, c->sql);
}

/* SQL without parameters through pg_run. */
static int run_sql(struct db *db, const char *sql, int retry, PGresult **out)
{
	struct call c = {sql, NULL, NULL};
	return pg_run(db, call_exec, &c, retry, out);
}

/* "database qd (server /run/postgresql)" for messages: never a password. */
static void describe(struct db *db, struct strbuf *out)
{
	PGconn *pg = PC(db)->pg;
	const char *name = pg ? PQdb(pg) : NULL, *host = pg ? PQhost(pg) : NULL;
	if (name && *name) {
		sb_printf(out, msg(M_PG_WHERE), name, host && *host ? host : "localhost");
	} else if (!strncmp(db->path, "pg:", 3)) {
		sb_printf(out, msg(M_PG_SERVICE), db->path + 3);
	} else {
		pg_redact(db->path, db->path, out);
	}
}

static const char *const META_TABLES =
	"SELECT current_schema() IS NOT NULL, "
	"EXISTS (SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n "
	"ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND c.relname = 'qingdan_meta'), "
	"EXISTS (SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n "
	"ON n.oid = c.relnamespace WHERE n.nspname = current_schema() "
	"AND c.relkind IN ('r', 'p', 'v', 'm', 'f')), session_user, "
	"coalesce((SELECT pg_has_role(session_user, n.nspowner, 'MEMBER') FROM pg_catalog.pg_namespace n "
	"WHERE n.nspname = current_schema()), false)";

/* What the current schema holds: *schema 0 if there is none, *tables 1
 * if any table or view, pc->has_meta if qingdan_meta; who we are
 * (session_user, a member of the schema's owner).  Then the meta rows
 * (*app NULL, *version -1 when missing). */
static int meta_read(struct db *db, int *schema, int *tables, char **app, int *version)
{
	struct pg_conn *pc = PC(db);
	PGresult *r;
	*app = NULL;
	*version = -1;
	int rc = run_sql(db, META_TABLES, 1, &r);
	if (rc != SQL_OK)
		return rc;
	*schema = *PQgetvalue(r, 0, 0) == 't';
	pc->has_meta = *PQgetvalue(r, 0, 1) == 't';
	*tables = *PQgetvalue(r, 0, 2) == 't';
	free(pc->user);
	pc->user = xstrdup(PQgetvalue(r, 0, 3));
	pc->owner = *PQgetvalue(r, 0, 4) == 't';
	PQclear(r);
	if (!pc->has_meta)
		return SQL_OK;
	rc = run_sql(db, "SELECT key, value FROM qingdan_meta "
		     "WHERE key IN ('application_id', 'schema_version')", 1, &r);
	if (rc != SQL_OK)
		return rc;
	for (int i = 0; i < PQntuples(r); i++) {
		const char *k = PQgetvalue(r, i, 0), *v = PQgetvalue(r, i, 1);
		char *end;
		long n = strtol(v, &end, 10);
		if (!strcmp(k, "application_id"))
			*app = xstrdup(v);
		else if (*v && !*end && n >= 0 && n < 1000000)
			*version = (int)n;
	}
	PQclear(r);
	return SQL_OK;
}

static enum qd_status pg_open(struct db *db, int flags, int *version, struct strbuf *err)
{
	struct pg_conn *pc = xcalloc(1, sizeof *pc);
	db->conn = pc;
	pc->tx = PQTRANS_IDLE;
	pc->readonly = (flags & DB_READONLY) != 0;
	*version = 0;
	struct strbuf shown = {0};
	pg_redact(db->path, db->path, &shown);   /* what messages show: no password */
	db->shown = sb_take(&shown);
	const char *keys[5], *vals[5];
	int k = 0;
	keys[k] = "fallback_application_name", vals[k++] = "qingdan";
	if (!strcmp(db->path, "pg:")) {
		sb_printf(err, msg(M_PG_BAD_URI), db->path, msg(M_PG_NO_SERVICE));
		return QD_INVALID;
	}
	if (!strncmp(db->path, "pg:", 3)) {
		keys[k] = "service", vals[k++] = db->path + 3;
	} else {
		char *why = NULL;
		PQconninfoOption *o = PQconninfoParse(db->path, &why);
		if (!o) {
			struct strbuf u = {0}, w = {0};
			pg_redact(db->path, db->path, &u);
			pg_redact(why ? why : "", db->path, &w);
			for (size_t i = w.len; i > 0 && w.s[i - 1] == '\n'; i--)
				w.s[--w.len] = '\0';
			sb_printf(err, msg(M_PG_BAD_URI), u.s, w.len ? w.s : "");
			PQfreemem(why);
			sb_free(&u);
			sb_free(&w);
			return QD_INVALID;
		}
		PQconninfoFree(o);
		keys[k] = "connect_timeout", vals[k++] = "10";   /* the URI may say otherwise */
		keys[k] = "dbname", vals[k++] = db->path;
	}
	keys[k] = "client_encoding", vals[k++] = "UTF8";
	keys[k] = NULL, vals[k] = NULL;
	pc->pg = PQconnectdbParams(keys, vals, 1);
	if (!pc->pg)
		die("out of memory");
	PQsetNoticeProcessor(pc->pg, quiet, NULL);
	struct strbuf where = {0}, why = {0};
	enum qd_status s = QD_OK;
	describe(db, &where);
	int schema = 0, tables = 0, v = -1;
	char *app = NULL;
	if (PQstatus(pc->pg) != CONNECTION_OK) {
		libpq_message(pc->pg, db->path, &why);
		sb_printf(err, msg(M_PG_CONNECT), where.s, why.len ? why.s : "");
		s = QD_DBERROR;
	} else if (session_setup(db) != SQL_OK || meta_read(db, &schema, &tables, &app, &v) != SQL_OK) {
		sb_printf(err, msg(M_PG_OPEN_FAILED), where.s, pc->msg);
		s = QD_DBERROR;
	} else if (!schema) {
		sb_printf(err, msg(M_PG_NO_SCHEMA), where.s);
		s = QD_INVALID;
	} else if (!pc->has_meta && tables) {
		sb_printf(err, msg(M_PG_NOT_QINGDAN), where.s);
		s = QD_INVALID;
	} else if (!pc->has_meta && !(flags & DB_CREATE)) {
		sb_printf(err, msg(M_PG_EMPTY), where.s);
		s = QD_NOTFOUND;
	} else if (pc->has_meta && (!app || strcmp(app, APPLICATION_ID) != 0 || v < 0)) {
		sb_printf(err, msg(M_PG_NOT_QINGDAN), where.s);
		s = QD_INVALID;
	} else if (pc->has_meta && v > db_schema_version()) {
		sb_printf(err, msg(M_SCHEMA_NEWER), where.s, v, db_schema_version());
		s = QD_INVALID;
	} else if (pc->readonly && (pc->has_meta ? v : 0) < db_schema_version()) {
		sb_printf(err, msg(M_DB_NEEDS_UPGRADE), where.s);
		s = QD_INVALID;
	} else {
		*version = pc->has_meta ? v : 0;
	}
	free(app);
	sb_free(&where);
	sb_free(&why);
	return s;
}

static void pg_close(struct db *db)
{
	struct pg_conn *pc = PC(db);
	if (!pc)
		return;
	PQfinish(pc->pg);
	sb_free(&pc->stale);
	free(pc->msg);
	free(pc->user);
	free(pc);
	db->conn = NULL;
}

static int pg_get_version(struct db *db, int *version)
{
	int schema, tables, v;
	char *app;
	int rc = meta_read(db, &schema, &tables, &app, &v);
	free(app);
	*version = rc == SQL_OK && v > 0 ? v : 0;
	return rc;
}

static PGresult *call_param(struct db *db, struct call *c)
{
	Oid type = OID_TEXT;
	return PQexecParams(PC(db)->pg, c->sql, 1, &type, &c->val, NULL, NULL, 0);
}

/* Inside the migration's transaction: qingdan_meta made if missing (the
 * schema may make it first, with its grants), then both rows. */
static int pg_set_version(struct db *db, int version)
{
	struct pg_conn *pc = PC(db);
	char num[16];
	snprintf(num, sizeof num, "%d", version);
	PGresult *r = NULL;
	int rc = SQL_OK;
	if (!pc->has_meta)
		rc = run_sql(db, "CREATE TABLE IF NOT EXISTS qingdan_meta "
			     "(key text PRIMARY KEY, value text NOT NULL)", 0, &r);
	PQclear(r);
	if (rc == SQL_OK)
		rc = run_sql(db, "DELETE FROM qingdan_meta WHERE key IN ('application_id', 'schema_version')",
			     0, &r);
	PQclear(r);
	struct call c = {"INSERT INTO qingdan_meta (key, value) VALUES "
			 "('application_id', '" APPLICATION_ID "'), ('schema_version', $1)", num, NULL};
	if (rc == SQL_OK)
		rc = pg_run(db, call_param, &c, 0, &r);
	PQclear(r);
	if (rc == SQL_OK)
		pc->has_meta = 1;
	return rc;
}

/* "wangfang 的 qingdan（进程 1234）" from the holder columns 1..3 of r, or NULL. */
static char *holder_of(PGresult *r)
{
	if (PQntuples(r) < 1 || PQnfields(r) < 4 || PQgetisnull(r, 0, 3))
		return NULL;
	long pid = atol(PQgetvalue(r, 0, 3));
	const char *user = PQgetvalue(r, 0, 1), *app = PQgetvalue(r, 0, 2);
	if (PQgetisnull(r, 0, 1) || !*user)
		return xasprintf(msg(M_DB_BUSY_PID), pid);
	return xasprintf(msg(M_DB_BUSY_HOLDER), user, *app ? app : "qingdan", pid);
}

/* Wait for the writers' lock (another connection holds it), telling the
 * hook once a second; the server gives up at the busy limit (lock_timeout,
 * SQLSTATE 55P03: SQL_BUSY). */
static int wait_lock(struct db *db, const char *holder)
{
	struct pg_conn *pc = PC(db);
	long long start = now_ms(), waited = 0, limit = db->busy_limit_ms;
	char sql[160];
	int rc = SQL_BUSY;
	snprintf(sql, sizeof sql, "SET LOCAL lock_timeout = %lld; SELECT pg_advisory_xact_lock(" LOCK_KEY "); "
		 "SET LOCAL lock_timeout = DEFAULT", limit);
	if (limit <= 0) {
		rc = SQL_BUSY;   /* lock_timeout 0 would wait for ever */
	} else if (!PQsendQuery(pc->pg, sql)) {
		rc = result_rc(pc, NULL);
	} else {
		while (PQisBusy(pc->pg)) {
			waited = now_ms() - start;
			hook_tell(db, waited, holder);
			struct pollfd fd = {PQsocket(pc->pg), POLLIN, 0};
			if (fd.fd < 0)
				break;
			poll(&fd, 1, (int)(1000 - waited % 1000));
			if (!PQconsumeInput(pc->pg))
				break;
		}
		PGresult *r, *bad = NULL;
		while ((r = PQgetResult(pc->pg))) {
			if (!bad && PQresultStatus(r) != PGRES_COMMAND_OK && PQresultStatus(r) != PGRES_TUPLES_OK)
				bad = r;
			else
				PQclear(r);
		}
		rc = bad ? result_rc(pc, bad) : SQL_OK;
		PQclear(bad);
		waited = now_ms() - start;
	}
	db->busy_waited_ms = waited;
	db_busy_over(db);
	if (PQstatus(pc->pg) == CONNECTION_OK)
		pc->tx = PQtransactionStatus(pc->pg);
	if (rc == SQL_BUSY) {
		int sec = (int)((waited + 500) / 1000);
		char *m = holder ? xasprintf(msg(M_PG_BUSY), holder, sec) : xasprintf(msg(M_PG_BUSY_UNKNOWN), sec);
		pg_fail(pc, SQL_BUSY, m);
		free(m);
	}
	return rc;
}

/* BEGIN and the writers' lock in one round trip, naming the holder when
 * the lock is taken. */
static const char *const BEGIN_SQL =
	"BEGIN; SELECT t.got, a.usename, a.application_name, a.pid "
	"FROM (SELECT pg_try_advisory_xact_lock(" LOCK_KEY ") AS got OFFSET 0) t "
	"LEFT JOIN LATERAL (SELECT s.usename, s.application_name, s.pid "
	"FROM pg_catalog.pg_locks l JOIN pg_catalog.pg_stat_activity s ON s.pid = l.pid "
	"WHERE NOT t.got AND l.locktype = 'advisory' AND l.granted AND l.classid = 0 "
	"AND l.objid = " LOCK_KEY " AND l.objsubid = 1 AND l.database = "
	"(SELECT oid FROM pg_catalog.pg_database WHERE datname = current_database()) LIMIT 1) a ON true";

static int pg_begin(struct db *db)
{
	struct pg_conn *pc = PC(db);
	pc->tx_lost = 0;   /* db.c begins only outside any transaction */
	for (int tries = 0;; tries++) {
		PGresult *r;
		int rc = run_sql(db, BEGIN_SQL, 1, &r);
		if (rc == SQL_OK && *PQgetvalue(r, 0, 0) != 't') {
			char *holder = holder_of(r);
			rc = wait_lock(db, holder);
			free(holder);
		}
		PQclear(r);
		if (rc == SQL_OK)
			return rc;
		/* db.c's begin failed: leave no transaction behind */
		if (PQstatus(pc->pg) == CONNECTION_OK && pc->tx != PQTRANS_IDLE)
			PQclear(PQexec(pc->pg, "ROLLBACK"));
		pc->tx = PQTRANS_IDLE;
		pc->tx_lost = 0;
		if (rc != SQL_LOST || tries || PQstatus(pc->pg) == CONNECTION_OK || reconnect(db) != 0)
			return rc;
	}
}

/* Whether sql's first word is one of words (upper case). */
static int first_word(const char *sql, const char *const *words)
{
	sql += strspn(sql, " \t\r\n");
	for (; *words; words++) {
		size_t n = strlen(*words), i = 0;
		while (i < n && (sql[i] & ~0x20) == (*words)[i])
			i++;
		if (i == n && !((sql[n] | 0x20) >= 'a' && (sql[n] | 0x20) <= 'z'))
			return 1;
	}
	return 0;
}

static int pg_exec(struct db *db, const char *sql)
{
	static const char *const rollback[] = {"ROLLBACK", "ABORT", NULL};
	static const char *const commit[] = {"COMMIT", "END", NULL};
	struct pg_conn *pc = PC(db);
	int ends = first_word(sql, rollback) ? 1 : first_word(sql, commit) ? 2 : 0;
	int lost = pc->tx_lost || (PQstatus(pc->pg) != CONNECTION_OK && pc->tx != PQTRANS_IDLE);
	PGresult *r = NULL;
	int code = pc->code;   /* of the statement that failed the transaction, if one did */
	int rc = lost ? pg_fail(pc, SQL_LOST, msg(M_PG_LOST_TX)) : run_sql(db, sql, pg_sql_is_read(sql), &r);
	if (rc == SQL_OK && ends == 2 && !strcmp(PQcmdStatus(r), "ROLLBACK")) {
		/* COMMIT of a transaction an error aborted rolls back without
		 * a word: that is a failure here, as it would be on SQLite */
		char *m = xasprintf(msg(M_PG_COMMIT_ROLLED_BACK), pc->msg ? pc->msg : "");
		rc = pg_fail(pc, code != SQL_OK ? code : SQL_ERROR, m);
		free(m);
	}
	PQclear(r);
	if (ends && rc == SQL_LOST) {
		/* the transaction ended with the connection: the server rolled it back */
		pc->tx_lost = 0;
		pc->tx = PQTRANS_IDLE;
		if (ends == 1)
			rc = SQL_OK;
	}
	return rc;
}

static long long pg_data_version(struct db *db)
{
	struct pg_conn *pc = PC(db);
	/* read all that has come, without waiting: a closed connection shows
	 * only on the read after its last message */
	for (int i = 0; i < 16 && PQstatus(pc->pg) == CONNECTION_OK; i++) {
		struct pollfd fd = {PQsocket(pc->pg), POLLIN, 0};
		if (i && poll(&fd, 1, 0) <= 0)
			break;
		PQconsumeInput(pc->pg);
	}
	PGnotify *n;
	while ((n = PQnotifies(pc->pg))) {
		if (n->be_pid != PQbackendPID(pc->pg))
			pc->version++;
		PQfreemem(n);
	}
	if (PQstatus(pc->pg) != CONNECTION_OK && !pc->lost_seen) {
		pc->lost_seen = 1;   /* a refresh finds it gone and reconnects */
		pc->version++;
	}
	return pc->version;
}

static long long pg_changes(struct db *db)
{
	return PC(db)->changes;
}

static const char *pg_errmsg(struct db *db)
{
	struct pg_conn *pc = PC(db);
	return pc && pc->msg ? pc->msg : "";
}

static int pg_errcode(struct db *db)
{
	return PC(db) ? PC(db)->code : SQL_ERROR;
}

static long long pg_total_changes(struct db *db)
{
	return PC(db)->total;
}

static const char *pg_user(struct db *db)
{
	return PC(db)->user;
}

static int pg_is_owner(struct db *db)
{
	return PC(db)->owner;
}

static int pg_wait_fd(struct db *db)
{
	return PC(db) ? PQsocket(PC(db)->pg) : -1;
}

const struct sql_driver sql_pg_driver = {
	.stamp = {.version = SQL_DRIVER_VERSION, .size = sizeof(struct sql_driver), .nmsg = M__COUNT},
	.name = "postgresql",
	.dialect = DB_PG,
	.prepare = pg_prepare,
	.step = pg_step,
	.reset = pg_reset,
	.clear = pg_clear,
	.finalize = pg_finalize,
	.param_index = pg_param_index,
	.bind_int64 = pg_bind_int64,
	.bind_double = pg_bind_double,
	.bind_text = pg_bind_text,
	.bind_null = pg_bind_null,
	.column_count = pg_column_count,
	.column_name = pg_column_name,
	.column_type = pg_column_type,
	.column_int64 = pg_column_int64,
	.column_double = pg_column_double,
	.column_text = pg_column_text,
	.open = pg_open,
	.close = pg_close,
	.begin = pg_begin,
	.get_version = pg_get_version,
	.set_version = pg_set_version,
	.data_version = pg_data_version,
	.user = pg_user,
	.is_owner = pg_is_owner,
	.wait_fd = pg_wait_fd,
	.exec = pg_exec,
	.changes = pg_changes,
	.total_changes = pg_total_changes,
	.errmsg = pg_errmsg,
	.errcode = pg_errcode,
};

/* The entry of the module qingdan-pg.so (plugin.h): the one symbol it
 * exports (the module is built with hidden visibility). */
__attribute__((visibility("default"))) const struct sql_driver *qingdan_pg_plugin(void)
{
	return &sql_pg_driver;
}
