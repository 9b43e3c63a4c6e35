/* db_copy.c — moving a whole database between backends (db.h): `db copy
 * FROM TO` (SQLite → PostgreSQL to put an office's file on the server,
 * PostgreSQL → SQLite for an offline copy, SQLite → SQLite), and the
 * backup of a PostgreSQL database, which writes a SQLite file the same way.
 *
 * `tables` below names every table and column the copy moves, in
 * foreign-key order; tests/t_dbcopy.c holds it to the SQLite schema, so a
 * migration that adds a column cannot leave it behind.  The same code runs
 * on both backends, through the statement API of sql.h only:
 *  - the source is read in one snapshot (a read transaction), a page of
 *    1000 rows at a time by its key (WHERE key > last ORDER BY key), the
 *    columns selected by name;
 *  - the target is written in one transaction (db_begin/db_end), 100 rows
 *    an INSERT (one round trip, one run of a server's statement triggers),
 *    ids kept, every value bound by its column's type (NULL stays NULL); a reference
 *    to a later row of the same table (an org's parent, a pledge's
 *    successor) goes in as NULL and is set once that row exists;
 *  - then per dialect: PostgreSQL's id sequences move past the copied ids,
 *    SQLite's search index is rebuilt from the copied items;
 *  - before the commit the row counts of both sides are compared and the
 *    caller's check (the model's audit verify) runs on the target.  A copy
 *    that does not check out is rolled back — unless the source fails the
 *    very same way, when the copy is faithful and is kept (db.h).
 * The target must hold no data: db_open gave it the schema; rows that the
 * migrations themselves insert (upgrade_task) are replaced by the source's.
 *
 * A SQLite setting has no id column: the audit names it by its rowid.  On
 * PostgreSQL the column is `id`; the copy maps one onto the other, so
 * audit entity ids survive the move both ways. */
#include "qingdan/db.h"

#include <stdlib.h>
#include <string.h>

#include "db_impl.h"
#include "qingdan/msg.h"
#include "qingdan/outfile.h"
#include "qingdan/store.h"

/* rows read a page at a time, written a batch (one INSERT) at a time */
enum { PAGE = 1000, BATCH = 100, MAX_COLS = 40 };

enum {
	T_ROWID = 1,     /* the key is SQLite's rowid (a column on PostgreSQL) */
	T_MIGRATED = 2,  /* the migrations insert rows: replaced, not data */
};

static const struct table {
	const char *name;
	const char *cols;   /* "name:type …", the key first; i integer, f real, t text */
	const char *self;   /* a column naming another row of this table, or NULL */
	int flags;
} tables[] = {
	{"setting", "id:i key:t value:t", NULL, T_ROWID},
	{"org", "id:i name:t level:t parent_id:i sort:i", "parent_id", 0},
	{"person",
	 "id:i name:t post:t org_id:i login:t is_admin:i active:i sort_key:t pinyin:t initials:t",
	 NULL, 0},
	{"list", "id:i org_id:i year:i title:t state:t kind:t", NULL, 0},
	{"item",
	 "id:i list_id:i seq:i category:t content:t measures:t standard:t due:t due_text:t "
	 "owner_id:i lead_id:i status:t done_on:t version:i created_at:t updated_at:t "
	 "deleted_at:t search_text:t every:t",
	 NULL, 0},
	{"note", "id:i item_id:i on_date:t person_id:i text:t created_at:t", NULL, 0},
	{"pledge",
	 "id:i year:i title:t body:t issuer_id:i signer_id:i sign_due:t status:t body_sha256:t "
	 "issuer_signed_on:t issuer_signed_by:i issuer_method:t issuer_proxy:i "
	 "issuer_proxy_note:t issuer_recorded_by:i signer_signed_on:t signer_signed_by:i "
	 "signer_method:t signer_proxy:i signer_proxy_note:t signer_recorded_by:i grade:t "
	 "score:f assessed_on:t assess_note:t void_reason:t successor_id:i version:i "
	 "created_at:t updated_at:t",
	 "successor_id", 0},
	/* the 组织生活 ledger (migration 5); its rules are the migration's */
	{"member", "person_id:i party:t committee:t cell:t", NULL, 0},
	{"meeting",
	 "id:i org_id:i type:t on_date:t starts:t title:t place:t host_id:i recorder_id:i "
	 "hours:f cell:t summary:t decisions:t version:i created_at:t updated_at:t deleted_at:t",
	 NULL, 0},
	{"attendance", "id:i meeting_id:i person_id:i status:t reason:t", NULL, 0},
	{"meeting_note", "id:i meeting_id:i on_date:t person_id:i kind:t text:t created_at:t",
	 NULL, 0},
	{"item_meeting", "id:i item_id:i meeting_id:i", NULL, 0},
	{"meeting_rule", "id:i level:t type:t every:t min_count:i quorum:t", NULL, T_MIGRATED},
	/* 问题清单 → 整改清单 (migration 6) */
	{"problem",
	 "id:i org_id:i year:i source:t raised_on:t category:t text:t raiser_id:i raiser_name:t "
	 "contact:t meeting_id:i closed_on:t closed_by:i version:i created_at:t updated_at:t "
	 "deleted_at:t",
	 NULL, 0},
	{"problem_measure", "id:i problem_id:i item_id:i", NULL, 0},
	{"problem_feedback", "id:i problem_id:i on_date:t by_id:i result:t satisfied:i created_at:t",
	 NULL, 0},
	/* categories in their order (migration 7, which inserts the defaults) */
	{"category", "id:i name:t sort:i", NULL, T_MIGRATED},
	/* recurring items' periods (migration 10) */
	{"item_period",
	 "id:i item_id:i period:t done_on:t note:t recorded_by:i created_at:t updated_at:t", NULL, 0},
	{"audit",
	 "seq:i at:t login:t person_id:i action:t entity:t entity_id:i detail:t digest:t "
	 "prev_hash:t hash:t",
	 NULL, 0},
	/* data fixes a migration queued for the model (migration 4) */
	{"upgrade_task", "name:t", NULL, T_MIGRATED},
};

const char *db_copy_table(int i, const char **columns)
{
	if (i < 0 || i >= (int)ARRAY_SIZE(tables))
		return NULL;
	if (columns)
		*columns = tables[i].cols;
	return tables[i].name;
}

char *db_target_shown(const char *target)
{
	struct strbuf b = {0};
	const char *p = target, *at = NULL, *auth = NULL;
	if (db_is_url(target) && (auth = strstr(target, "://")) != NULL) {
		auth += 3;
		size_t n = strcspn(auth, "/?#");
		for (const char *q = auth; q < auth + n; q++)
			if (*q == '@')
				at = q;
	}
	const char *colon = at ? memchr(auth, ':', (size_t)(at - auth)) : NULL;
	if (colon) {   /* user:PASSWORD@host */
		sb_add(&b, target, (size_t)(colon + 1 - target));
		sb_puts(&b, "***");
		p = at;
	}
	while (db_is_url(target)) {   /* ?password=… among the parameters */
		const char *kw = strstr(p, "password=");
		if (!kw)
			break;
		int param = strchr("?&; ", kw[-1]) != NULL;
		sb_add(&b, p, (size_t)(kw + 9 - p));
		p = kw + 9;
		if (param) {
			sb_puts(&b, "***");
			p += strcspn(p, "& ");
		}
	}
	sb_puts(&b, p);
	return sb_take(&b);
}

/* One table's columns, parsed, and its statements' column lists. */
struct plan {
	const struct table *t;
	char *buf;
	const char *names[MAX_COLS];
	char types[MAX_COLS];
	int n, self;       /* self: index of t->self, -1 */
};

static void plan_init(struct plan *p, const struct table *t)
{
	memset(p, 0, sizeof *p);
	p->t = t;
	p->self = -1;
	p->buf = xstrdup(t->cols);
	for (char *tok = strtok(p->buf, " "); tok; tok = strtok(NULL, " ")) {
		char *colon = strchr(tok, ':');
		if (!colon || p->n == MAX_COLS)
			die("db_copy: bad column list of %s", t->name);
		*colon = '\0';
		if (t->self && strcmp(tok, t->self) == 0)
			p->self = p->n;
		p->names[p->n] = tok;
		p->types[p->n++] = colon[1];
	}
}

/* Column i as this database names it. */
static const char *col(const struct plan *p, struct db *db, int i)
{
	if (i == 0 && (p->t->flags & T_ROWID) && db_dialect(db) == DB_SQLITE)
		return "rowid";
	return p->names[i];
}

static char *col_list(const struct plan *p, struct db *db)
{
	struct strbuf b = {0};
	for (int i = 0; i < p->n; i++)
		sb_printf(&b, "%s\"%s\"", i ? ", " : "", col(p, db, i));
	return sb_take(&b);
}

/* ---- one copy ---- */

struct copy {
	struct db *from, *to;
	struct db_copy *how;
	struct strbuf *err;
	long long counts[ARRAY_SIZE(tables)];
};

static void progress(struct copy *c, const char *table, long long done, long long total)
{
	if (c->how->progress)
		c->how->progress(c->how->ctx, table, done, total);
}

/* One integer from a query without parameters; -1 on failure. */
static long long query_int(struct db *db, const char *sql)
{
	struct sql_stmt *st = NULL;
	long long v = -1;
	if (sql_prepare(db, sql, &st) == SQL_OK && sql_step(st) == SQL_ROW)
		v = sql_column_int64(st, 0);
	sql_finalize(st);
	return v;
}

static enum qd_status read_failed(struct copy *c, const char *table)
{
	sb_printf(c->err, msg(M_COPY_READ_FAILED), table, c->from->drv->errmsg(c->from));
	return QD_DBERROR;
}

static enum qd_status step_failed(struct copy *c, const char *what)
{
	sb_printf(c->err, msg(M_COPY_STEP_FAILED), what, c->to->drv->errmsg(c->to));
	return QD_DBERROR;
}

/* The target holds no data; migration rows go (inside the transaction). */
static enum qd_status check_empty(struct copy *c)
{
	for (size_t i = 0; i < ARRAY_SIZE(tables); i++) {
		const struct table *t = &tables[i];
		char *sql = xasprintf(t->flags & T_MIGRATED ? "DELETE FROM \"%s\""
							    : "SELECT count(*) FROM (SELECT 1 FROM \"%s\" LIMIT 1) x",
				      t->name);
		enum qd_status s = QD_OK;
		if (t->flags & T_MIGRATED) {
			if (sql_exec(c->to, sql) != SQL_OK)
				s = step_failed(c, t->name);
		} else {
			long long n = query_int(c->to, sql);
			if (n < 0) {
				s = step_failed(c, t->name);
			} else if (n > 0) {
				char *shown = db_target_shown(db_path(c->to));
				sb_printf(c->err, msg(M_COPY_NOT_EMPTY), shown, t->name);
				free(shown);
				s = QD_INVALID;
			}
		}
		free(sql);
		if (s != QD_OK)
			return s;
	}
	return QD_OK;
}

static enum qd_status count_rows(struct db *db, long long *counts)
{
	for (size_t i = 0; i < ARRAY_SIZE(tables); i++) {
		char *sql = xasprintf("SELECT count(*) FROM \"%s\"", tables[i].name);
		counts[i] = query_int(db, sql);
		free(sql);
		if (counts[i] < 0)
			return QD_DBERROR;
	}
	return QD_OK;
}

/* A reference to a later row of the same table, set after the table. */
struct later {
	long long id, ref;
};

/* A value read from the source, held until its batch is written. */
struct val {
	char type;   /* 0 NULL, else the column's type */
	long long i;
	double f;
	char *t;
};

/* One table on its way: the source's pages, the batch being filled, the
 * INSERT of a whole batch (and of the shorter last one), the references
 * held back. */
struct mover {
	struct copy *c;
	const struct plan *p;
	struct sql_stmt *first, *next, *ins, *tail, *upd;
	struct val *vals;          /* BATCH rows of p->n */
	long long ids[BATCH];
	char *keys[BATCH];         /* a text key, for messages */
	int nrows;
	struct later *later;
	size_t nlater, caplater;
};

/* INSERT INTO t(cols) VALUES (?1, …), (…) for rows rows. */
static char *insert_sql(const struct mover *m, int rows)
{
	struct strbuf b = {0};
	char *cols = col_list(m->p, m->c->to);
	sb_printf(&b, "INSERT INTO \"%s\"(%s) VALUES ", m->p->t->name, cols);
	free(cols);
	for (int r = 0, k = 1; r < rows; r++) {
		sb_puts(&b, r ? ", (" : "(");
		for (int i = 0; i < m->p->n; i++, k++)
			sb_printf(&b, "%s?%d", i ? ", " : "", k);
		sb_putc(&b, ')');
	}
	return sb_take(&b);
}

/* The INSERT of a whole batch, prepared once per connection (db_stmt: a
 * server parses and plans it once, not per batch).  Its text lives as long
 * as the program, one per table and dialect (db_stmt knows it by address).
 * NULL if it does not prepare (a target whose schema differs). */
static struct sql_stmt *batch_insert(const struct mover *m)
{
	static char *sql[ARRAY_SIZE(tables)][2];
	size_t t = (size_t)(m->p->t - tables);
	int d = db_dialect(m->c->to) == DB_PG;
	if (!sql[t][d])
		sql[t][d] = insert_sql(m, BATCH);
	struct sql_stmt *probe = NULL;   /* db_stmt dies on SQL that does not prepare */
	int rc = sql_prepare(m->c->to, sql[t][d], &probe);
	sql_finalize(probe);
	return rc == SQL_OK ? db_stmt(m->c->to, sql[t][d]) : NULL;
}

static int mover_prepare(struct mover *m)
{
	struct copy *c = m->c;
	const struct plan *p = m->p;
	const char *name = p->t->name;
	char *cols = col_list(p, c->from);
	const char *key = col(p, c->from, 0);
	char *first = xasprintf("SELECT %s FROM \"%s\" ORDER BY \"%s\" LIMIT %d", cols, name, key,
				PAGE);
	char *next = xasprintf("SELECT %s FROM \"%s\" WHERE \"%s\" > ?1 ORDER BY \"%s\" LIMIT %d",
			       cols, name, key, key, PAGE);
	char *upd = p->self < 0 ? NULL
				: xasprintf("UPDATE \"%s\" SET \"%s\" = ?1 WHERE \"%s\" = ?2", name,
					    p->names[p->self], col(p, c->to, 0));
	int ok = sql_prepare(c->from, first, &m->first) == SQL_OK &&
		 sql_prepare(c->from, next, &m->next) == SQL_OK;
	if (!ok)
		read_failed(c, name);
	else if (!(m->ins = batch_insert(m)) || (upd && sql_prepare(c->to, upd, &m->upd) != SQL_OK))
		ok = 0, step_failed(c, name);
	free(cols);
	free(first);
	free(next);
	free(upd);
	return ok;
}

static void mover_free(struct mover *m)
{
	sql_finalize(m->first);
	sql_finalize(m->next);
	sql_finalize(m->tail);   /* m->ins is the connection's (db_stmt) */
	sql_finalize(m->upd);
	for (int r = 0; r < m->nrows; r++) {
		for (int i = 0; i < m->p->n; i++)
			free(m->vals[r * m->p->n + i].t);
		free(m->keys[r]);
	}
	free(m->vals);
	free(m->later);
}

static enum qd_status batch_failed(struct mover *m)
{
	char what[96];
	if (m->keys[0])
		snprintf(what, sizeof what, "%.40s … %.40s", m->keys[0], m->keys[m->nrows - 1]);
	else if (m->nrows > 1)
		snprintf(what, sizeof what, "%lld … %lld", m->ids[0], m->ids[m->nrows - 1]);
	else
		snprintf(what, sizeof what, "%lld", m->ids[0]);
	sb_printf(m->c->err, msg(M_COPY_ROW_FAILED), m->p->t->name, m->p->names[0], what,
		  m->c->to->drv->errmsg(m->c->to));
	return QD_DBERROR;
}

/* Write the rows held (one INSERT), and let them go. */
static enum qd_status flush(struct mover *m)
{
	if (!m->nrows)
		return QD_OK;
	struct sql_stmt *st = m->ins;
	if (m->nrows < BATCH) {
		char *sql = insert_sql(m, m->nrows);
		sql_finalize(m->tail);
		m->tail = NULL;
		int rc = sql_prepare(m->c->to, sql, &m->tail);
		free(sql);
		if (rc != SQL_OK)
			return step_failed(m->c, m->p->t->name);
		st = m->tail;
	}
	sql_reset(st);
	int n = m->p->n;
	for (int k = 0; k < m->nrows * n; k++) {
		struct val *v = &m->vals[k];
		if (!v->type)
			sql_bind_null(st, k + 1);
		else if (v->type == 'i')
			sql_bind_int64(st, k + 1, v->i);
		else if (v->type == 'f')
			sql_bind_double(st, k + 1, v->f);
		else
			sql_bind_text(st, k + 1, v->t, -1);
	}
	enum qd_status s = sql_step(st) == SQL_DONE ? QD_OK : batch_failed(m);
	for (int r = 0; r < m->nrows; r++) {
		for (int i = 0; i < n; i++)
			xfree(&m->vals[r * n + i].t);
		xfree(&m->keys[r]);
	}
	m->nrows = 0;
	return s;
}

/* Take the source's current row into the batch. */
static enum qd_status take_row(struct mover *m, struct sql_stmt *sel, long long id,
			       const char *text_key)
{
	const struct plan *p = m->p;
	struct val *row = &m->vals[m->nrows * p->n];
	for (int i = 0; i < p->n; i++) {
		struct val *v = &row[i];
		memset(v, 0, sizeof *v);
		const char *t = NULL;
		if (sql_column_type(sel, i) == SQL_NULL)
			continue;
		if (p->types[i] == 'i') {
			v->i = sql_column_int64(sel, i);
		} else if (p->types[i] == 'f') {
			v->f = sql_column_double(sel, i);
		} else if ((t = sql_column_text(sel, i)) != NULL) {
			v->t = xstrdup(t);
		} else {
			continue;
		}
		v->type = p->types[i];
	}
	/* a reference to a row not there yet goes in as NULL, set later */
	if (p->self >= 0 && row[p->self].type && row[p->self].i > id) {
		if (m->nlater == m->caplater) {
			m->caplater = m->caplater ? m->caplater * 2 : 16;
			m->later = xrealloc(m->later, m->caplater * sizeof *m->later);
		}
		m->later[m->nlater++] = (struct later){id, row[p->self].i};
		row[p->self].type = 0;
	}
	m->ids[m->nrows] = id;
	m->keys[m->nrows] = text_key ? xstrdup(text_key) : NULL;
	return ++m->nrows == BATCH ? flush(m) : QD_OK;
}

/* Set the references held back (UPDATE … WHERE key = id). */
static enum qd_status set_later(struct mover *m)
{
	for (size_t i = 0; i < m->nlater; i++) {
		sql_reset(m->upd);
		sql_bind_int64(m->upd, 1, m->later[i].ref);
		sql_bind_int64(m->upd, 2, m->later[i].id);
		if (sql_step(m->upd) != SQL_DONE) {
			m->nrows = 1;
			m->ids[0] = m->later[i].id;
			enum qd_status s = batch_failed(m);
			m->nrows = 0;
			return s;
		}
	}
	return QD_OK;
}

static enum qd_status copy_table(struct copy *c, const struct plan *p, long long total)
{
	struct mover m = {0};
	m.c = c;
	m.p = p;
	m.vals = xcalloc((size_t)BATCH * (size_t)p->n, sizeof *m.vals);
	enum qd_status st = mover_prepare(&m) ? QD_OK : QD_DBERROR;
	int int_key = p->types[0] == 'i';
	long long done = 0, last = 0;
	char *last_text = NULL;
	for (int page = 0; st == QD_OK; page++) {
		struct sql_stmt *sel = page ? m.next : m.first;
		if (page) {
			sql_reset(sel);
			if (int_key)
				sql_bind_int64(sel, 1, last);
			else
				sql_bind_text(sel, 1, last_text ? last_text : "", -1);
		}
		int rc = SQL_DONE, rows = 0;
		while (st == QD_OK && (rc = sql_step(sel)) == SQL_ROW) {
			if (int_key) {
				last = sql_column_int64(sel, 0);
			} else {
				free(last_text);
				last_text = xstrdup(sql_column_text(sel, 0) ? sql_column_text(sel, 0) : "");
			}
			st = take_row(&m, sel, last, int_key ? NULL : last_text);
			rows++;
			done++;
		}
		if (st == QD_OK && rc != SQL_DONE)
			st = read_failed(c, p->t->name);
		if (st == QD_OK && rows < PAGE)
			st = flush(&m);
		if (st == QD_OK && rows > 0)
			progress(c, p->t->name, done, total);
		if (rows < PAGE)
			break;
	}
	if (st == QD_OK && m.nlater)
		st = set_later(&m);
	free(last_text);
	mover_free(&m);
	return st;
}

/* After the rows: what each dialect keeps beside them. */
static enum qd_status finish_target(struct copy *c)
{
	if (db_dialect(c->to) == DB_SQLITE)
		return sql_exec(c->to, "INSERT INTO item_fts(item_fts) VALUES ('rebuild')") == SQL_OK
			       ? QD_OK
			       : step_failed(c, "item_fts");
	/* the id sequences (serial or identity columns) past the copied ids;
	 * setval() of NULL (no sequence, no rows) does nothing */
	for (size_t i = 0; i < ARRAY_SIZE(tables); i++) {
		struct plan p;
		plan_init(&p, &tables[i]);
		enum qd_status s = QD_OK;
		if (p.types[0] == 'i') {
			char *sql = xasprintf("SELECT setval(pg_get_serial_sequence('%s', '%s'), "
					      "max(\"%s\")) FROM \"%s\"",
					      p.t->name, p.names[0], p.names[0], p.t->name);
			struct sql_stmt *st = NULL;
			if (sql_prepare(c->to, sql, &st) != SQL_OK || sql_step(st) != SQL_ROW)
				s = step_failed(c, p.t->name);
			sql_finalize(st);
			free(sql);
		}
		free(p.buf);
		if (s != QD_OK)
			return s;
	}
	return QD_OK;
}

/* Counts on both sides, then the caller's check on the target (and, if
 * that fails, on the source: the same findings mean a faithful copy). */
static enum qd_status check_copy(struct copy *c)
{
	long long now[ARRAY_SIZE(tables)];
	if (count_rows(c->to, now) != QD_OK)
		return step_failed(c, "count(*)");
	for (size_t i = 0; i < ARRAY_SIZE(tables); i++) {
		if (now[i] != c->counts[i]) {
			sb_printf(c->err, msg(M_COPY_COUNT), tables[i].name, c->counts[i], now[i]);
			return QD_DBERROR;
		}
	}
	if (!c->how->verify)
		return QD_OK;
	progress(c, NULL, 0, 0);
	struct strbuf *report = &c->how->report;
	enum qd_status s = c->how->verify(c->to, report, c->err);
	if (s != QD_VERIFY)
		return s;
	struct strbuf there = {0}, err = {0};
	enum qd_status src = c->how->verify(c->from, &there, &err);
	if (src != QD_VERIFY || !str_eq(there.s, report->s)) {
		sb_printf(c->err, msg(M_COPY_UNVERIFIED), report->s ? report->s : "");
		s = QD_DBERROR;
	}
	sb_free(&there);
	sb_free(&err);
	return s;
}

static enum qd_status same_schema(struct db *from, struct db *to, struct strbuf *err)
{
	int vf = -1, vt = -2;
	if (from->drv->get_version(from, &vf) != SQL_OK)
		return db_error(from, err);
	if (to->drv->get_version(to, &vt) != SQL_OK)
		return db_error(to, err);
	if (vf != vt) {
		sb_printf(err, msg(M_COPY_VERSION), vf, vt);
		return QD_INVALID;
	}
	return QD_OK;
}

enum qd_status db_copy(struct db *from, struct db *to, struct db_copy *how, struct strbuf *err)
{
	struct copy c = {from, to, how, err, {0}};
	how->tables = 0;
	how->rows = 0;
	sb_reset(&how->report);
	if (from == to || (db_dialect(from) == db_dialect(to) && strcmp(from->path, to->path) == 0 &&
			   strcmp(from->path, ":memory:") != 0)) {
		char *shown = db_target_shown(db_path(to));
		sb_printf(err, msg(M_COPY_SAME), shown);
		free(shown);
		return QD_INVALID;
	}
	enum qd_status s = same_schema(from, to, err);
	if (s != QD_OK)
		return s;
	/* one snapshot of the source for every table */
	if (sql_exec(from, db_dialect(from) == DB_PG ? "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"
						      : "BEGIN") != SQL_OK)
		return db_error(from, err);
	if (db_begin(to) != QD_OK) {
		sql_exec(from, "ROLLBACK");
		return db_error(to, err);
	}
	s = check_empty(&c);
	if (s == QD_OK && count_rows(from, c.counts) != QD_OK)
		s = read_failed(&c, "count(*)");
	for (size_t i = 0; s == QD_OK && i < ARRAY_SIZE(tables); i++) {
		struct plan p;
		plan_init(&p, &tables[i]);
		s = copy_table(&c, &p, c.counts[i]);
		if (s == QD_OK && c.counts[i] == 0)
			progress(&c, p.t->name, 0, 0);
		free(p.buf);
		how->rows += c.counts[i];
		how->tables++;
	}
	if (s == QD_OK)
		s = finish_target(&c);
	if (s == QD_OK)
		s = check_copy(&c);
	int keep = s == QD_OK || s == QD_VERIFY;
	if (db_end(to, keep) != QD_OK && keep)
		s = db_error(to, err);
	sql_exec(from, "ROLLBACK");   /* a read snapshot: nothing to keep */
	if (s == QD_OK || s == QD_VERIFY) {
		store_analyze(to);    /* the planner's statistics for the new rows */
		db_truncate_wal(to);
	} else {
		how->tables = 0;
		how->rows = 0;
	}
	return s;
}

enum qd_status db_copy_file(struct db *from, const char *dest, int flags, struct db_copy *how,
			    struct strbuf *err)
{
	const char *like =
		db_dialect(from) == DB_SQLITE && strcmp(from->path, ":memory:") != 0 ? from->path : NULL;
	struct outfile o;
	enum qd_status s = outfile_open(&o, dest, flags, like, err);
	if (s != QD_OK)
		return s;
	struct db *to = NULL;
	s = db_open(outfile_temp_name(&o), DB_CREATE, &to, err);
	/* a temporary thrown away on failure needs no journal, and outfile
	 * syncs it once at the end */
	if (s == QD_OK && sql_exec(to, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-65536") != SQL_OK)
		s = db_error(to, err);
	if (s == QD_OK)
		s = db_copy(from, to, how, err);
	db_close(&to);
	if (s != QD_OK && s != QD_VERIFY) {
		outfile_abort(&o);
		return s;
	}
	enum qd_status put = outfile_commit(&o, err);
	return put != QD_OK ? put : s;
}
