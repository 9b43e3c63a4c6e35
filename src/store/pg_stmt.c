/* pg_stmt.c — the PostgreSQL driver's statements (pg_impl.h): SQLite's
 * model of prepare, bind, step, column over libpq.
 *
 * The SQL is rewritten once to $N (pg_sql.c).  Binds are kept typed (int8,
 * float8, text) and sent as text with explicit types; a NULL goes with the
 * type last bound at its place, else with none (the server infers it from
 * the SQL), else, where the server cannot tell ("$1 IS NULL" alone), text.
 * A one-off statement goes out with PQexecParams (one round trip); a
 * cached one is PQprepare'd once per set of parameter types as qd_N and
 * run with PQexecPrepared, so a hot query is parsed and planned once.
 * After a reconnect each is prepared again on its next use.  The first
 * step runs the statement and fetches every row; the next steps walk the
 * result, so statements may interleave freely. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pg_impl.h"

struct param {
	const char *val;      /* the value as text, NULL for NULL */
	Oid type;             /* of the last value bound here (0: none yet) */
	char *text;           /* an owned text value */
	char num[32];         /* a number's text */
};

struct variant {          /* one server-side prepared statement */
	Oid *types;
	unsigned gen;
	int ready;
	char name[16];
};

struct pg_stmt {
	struct sql_stmt base;
	struct pg_sql q;
	int persistent;
	struct param *p;      /* [q.nparams] */
	Oid *types;           /* the types sent this time */
	const char **vals;
	int unknown;          /* some NULL goes with type 0 (the server infers it) */
	struct variant *v;
	int nv;
	PGresult *res;
	int row, nrows;
	int state;            /* 0 not run, 1 rows, 2 done */
};

static struct variant *variant_for(struct pg_stmt *s)
{
	size_t size = (size_t)s->q.nparams * sizeof(Oid);
	for (int i = 0; i < s->nv; i++)
		if (!size || memcmp(s->v[i].types, s->types, size) == 0)
			return &s->v[i];
	s->v = xrealloc(s->v, (size_t)(s->nv + 1) * sizeof *s->v);
	struct variant *v = &s->v[s->nv++];
	memset(v, 0, sizeof *v);
	v->types = xmalloc(size ? size : 1);
	memcpy(v->types, s->types, size);
	return v;
}

/* Prepare (once per set of types on this connection) and run.  A NULL of
 * unknown type may make the server refuse to prepare (42P18: "$1 IS NULL"
 * alone): inside a transaction that first try runs under a savepoint, so
 * the refusal does not abort the transaction. */
static PGresult *stmt_call(struct db *db, struct call *c)
{
	struct pg_stmt *s = c->st;
	struct pg_conn *pc = PC(db);
	int n = s->q.nparams;
	struct variant *v = s->persistent ? variant_for(s) : NULL;
	int ready = v && v->ready && v->gen == pc->gen;
	int guard = !ready && s->unknown && pc->tx == PQTRANS_INTRANS;
	if (!v && !guard)
		return PQexecParams(pc->pg, s->q.text, n, s->types, s->vals, NULL, NULL, 0);
	const char *name = v ? v->name : "";
	PGresult *r = NULL;
	if (guard) {
		r = PQexec(pc->pg, "SAVEPOINT qd_probe");
		if (PQresultStatus(r) != PGRES_COMMAND_OK)
			return r;
		PQclear(r);
		r = NULL;
	}
	if (!ready) {
		if (v)
			snprintf(v->name, sizeof v->name, "qd_%u", ++pc->next_name);
		r = PQprepare(pc->pg, name, s->q.text, n, s->types);
		if (PQresultStatus(r) == PGRES_COMMAND_OK && v) {
			v->ready = 1;
			v->gen = pc->gen;
		}
	}
	if (!r || PQresultStatus(r) == PGRES_COMMAND_OK) {
		PQclear(r);
		r = PQexecPrepared(pc->pg, name, n, s->vals, NULL, NULL, 0);
	}
	if (guard) {   /* after the run: a simple query drops the unnamed statement */
		ExecStatusType st = PQresultStatus(r);
		PQclear(PQexec(pc->pg, st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK
					       ? "RELEASE SAVEPOINT qd_probe"
					       : "ROLLBACK TO SAVEPOINT qd_probe; RELEASE SAVEPOINT qd_probe"));
	}
	return r;
}

/* The parameter the server could not type (42P18, 42P08): the $N at the error's
 * position, else the $N its message names; 0 if neither is an untyped
 * NULL. */
static int untyped_param(struct pg_stmt *s, const struct pg_conn *pc)
{
	const char *p = NULL;
	if (pc->pos > 0) {
		p = s->q.text;
		for (int chars = 1; *p && chars < pc->pos; chars++)   /* characters, not bytes */
			for (p++; (*p & 0xC0) == 0x80; p++)
				;
	}
	if (!p || *p != '$')
		p = pc->msg ? strchr(pc->msg, '$') : NULL;
	int n = p ? atoi(p + 1) : 0;
	return n >= 1 && n <= s->q.nparams && !s->p[n - 1].val && !s->p[n - 1].type ? n : 0;
}

static int stmt_run(struct pg_stmt *s)
{
	struct db *db = s->base.db;
	for (int tries = 0;; tries++) {
		s->unknown = 0;
		for (int i = 0; i < s->q.nparams; i++) {
			s->vals[i] = s->p[i].val;
			s->types[i] = s->p[i].type;
			s->unknown |= !s->p[i].type;
		}
		PGresult *r;
		struct call c = {NULL, NULL, s};
		int rc = pg_run(db, stmt_call, &c, s->q.is_read, &r);
		const char *state = PC(db)->state;
		if (rc == SQL_ERROR && s->unknown && tries < s->q.nparams &&
		    (!strcmp(state, "42P18") || !strcmp(state, "42P08"))) {
			/* the server cannot tell that NULL's type (42P08: it
			 * typed a later use, not "$1 IS NULL" before it): text,
			 * all of them if it does not say which */
			int n = untyped_param(s, PC(db));
			for (int i = 0; i < s->q.nparams; i++)
				if (!s->p[i].type && (!n || i == n - 1))
					s->p[i].type = OID_TEXT;
			continue;
		}
		if (rc != SQL_OK)
			return rc;
		s->res = r;
		s->nrows = PQresultStatus(r) == PGRES_TUPLES_OK ? PQntuples(r) : 0;
		s->row = -1;
		s->state = 1;
		return SQL_OK;
	}
}

int pg_prepare(struct db *db, const char *sql, int persistent, struct sql_stmt **out)
{
	struct pg_sql q;
	struct strbuf err = {0};
	*out = NULL;
	if (pg_sql_rewrite(sql, &q, &err) != 0) {
		pg_fail(PC(db), SQL_ERROR, err.s);
		sb_free(&err);
		return SQL_ERROR;
	}
	struct pg_stmt *s = xcalloc(1, sizeof *s);
	s->base.drv = &sql_pg_driver;
	s->base.db = db;
	s->q = q;
	s->persistent = persistent;
	size_t n = (size_t)q.nparams + 1;
	s->p = xcalloc(n, sizeof *s->p);
	s->types = xcalloc(n, sizeof *s->types);
	s->vals = xcalloc(n, sizeof *s->vals);
	*out = &s->base;
	return SQL_OK;
}

void pg_reset(struct sql_stmt *st)
{
	struct pg_stmt *s = (struct pg_stmt *)st;
	PQclear(s->res);
	s->res = NULL;
	s->state = 0;
	s->row = -1;
	s->nrows = 0;
}

int pg_step(struct sql_stmt *st)
{
	struct pg_stmt *s = (struct pg_stmt *)st;
	if (s->state == 2)
		pg_reset(st);   /* stepping past the end runs it again, as SQLite does */
	if (s->state == 0) {
		int rc = stmt_run(s);
		if (rc != SQL_OK)
			return rc;
	}
	if (++s->row < s->nrows)
		return SQL_ROW;
	s->state = 2;
	return SQL_DONE;
}

static void param_free(struct param *p)
{
	free(p->text);
	p->text = NULL;
	p->val = NULL;
}

void pg_clear(struct sql_stmt *st)
{
	struct pg_stmt *s = (struct pg_stmt *)st;
	for (int i = 0; i < s->q.nparams; i++)
		param_free(&s->p[i]);   /* types stay: a NULL is sent as the last type */
}

void pg_finalize(struct sql_stmt *st)
{
	struct pg_stmt *s = (struct pg_stmt *)st;
	struct pg_conn *pc = PC(s->base.db);
	for (int i = 0; i < s->nv; i++) {
		if (pc && s->v[i].ready && s->v[i].gen == pc->gen)
			sb_printf(&pc->stale, "DEALLOCATE %s;", s->v[i].name);
		free(s->v[i].types);
	}
	pg_clear(st);
	PQclear(s->res);
	pg_sql_free(&s->q);
	free(s->v);
	free(s->p);
	free(s->types);
	free(s->vals);
	free(s);
}

int pg_param_index(struct sql_stmt *st, const char *name)
{
	return pg_sql_index(&((struct pg_stmt *)st)->q, name);
}

static struct param *param_at(struct sql_stmt *st, int i)
{
	struct pg_stmt *s = (struct pg_stmt *)st;
	if (i < 1 || i > s->q.nparams)
		return NULL;
	param_free(&s->p[i - 1]);
	return &s->p[i - 1];
}

void pg_bind_int64(struct sql_stmt *st, int i, long long v)
{
	struct param *p = param_at(st, i);
	if (p) {
		snprintf(p->num, sizeof p->num, "%lld", v);
		p->val = p->num;
		p->type = OID_INT8;
	}
}

void pg_bind_double(struct sql_stmt *st, int i, double v)
{
	struct param *p = param_at(st, i);
	if (!p)
		return;
	if (v != v)
		str_copy(p->num, "NaN", sizeof p->num);
	else if (v > 1.7976931348623157e308 || v < -1.7976931348623157e308)
		str_copy(p->num, v > 0 ? "Infinity" : "-Infinity", sizeof p->num);
	else
		snprintf(p->num, sizeof p->num, "%.17g", v);
	p->val = p->num;
	p->type = OID_FLOAT8;
}

void pg_bind_text(struct sql_stmt *st, int i, const char *text, int len)
{
	struct param *p = param_at(st, i);
	if (!p)
		return;
	if (!text)
		return;   /* NULL text binds NULL, as in SQLite */
	p->text = len < 0 ? xstrdup(text) : xstrndup(text, (size_t)len);
	p->val = p->text;
	p->type = OID_TEXT;
}

void pg_bind_null(struct sql_stmt *st, int i)
{
	param_at(st, i);
}

static PGresult *rows(struct sql_stmt *st)
{
	return ((struct pg_stmt *)st)->res;
}

int pg_column_count(struct sql_stmt *st)
{
	return rows(st) ? PQnfields(rows(st)) : 0;
}

const char *pg_column_name(struct sql_stmt *st, int i)
{
	return i >= 0 && i < pg_column_count(st) ? PQfname(rows(st), i) : NULL;
}

/* The current row's value of column i, NULL for NULL or no row. */
static const char *cell(struct sql_stmt *st, int i, Oid *type)
{
	struct pg_stmt *s = (struct pg_stmt *)st;
	if (s->state != 1 || s->row < 0 || s->row >= s->nrows || i < 0 || i >= PQnfields(s->res) ||
	    PQgetisnull(s->res, s->row, i))
		return NULL;
	*type = PQftype(s->res, i);
	return PQgetvalue(s->res, s->row, i);
}

int pg_column_type(struct sql_stmt *st, int i)
{
	Oid t = 0;
	if (!cell(st, i, &t))
		return SQL_NULL;
	if (t == OID_INT2 || t == OID_INT4 || t == OID_INT8 || t == OID_OID || t == OID_BOOL)
		return SQL_INTEGER;
	if (t == OID_FLOAT4 || t == OID_FLOAT8 || t == OID_NUMERIC)
		return SQL_FLOAT;
	return SQL_TEXT;
}

double pg_column_double(struct sql_stmt *st, int i)
{
	Oid t = 0;
	const char *v = cell(st, i, &t);
	if (!v)
		return 0;
	if (t == OID_BOOL)
		return *v == 't';
	return strtod(v, NULL);
}

long long pg_column_int64(struct sql_stmt *st, int i)
{
	Oid t = 0;
	const char *v = cell(st, i, &t);
	if (!v)
		return 0;
	if (t == OID_BOOL)
		return *v == 't';
	if (t == OID_FLOAT4 || t == OID_FLOAT8 || t == OID_NUMERIC) {
		double d = strtod(v, NULL);   /* SQLite truncates and clamps */
		if (d != d)
			return 0;
		return d >= 9.2233720368547758e18 ? (long long)9223372036854775807LL
		       : d <= -9.2233720368547758e18 ? (long long)(-9223372036854775807LL - 1)
		       : (long long)d;
	}
	return strtoll(v, NULL, 10);
}

const char *pg_column_text(struct sql_stmt *st, int i)
{
	Oid t = 0;
	const char *v = cell(st, i, &t);
	if (v && t == OID_BOOL)
		return *v == 't' ? "1" : "0";   /* as SQLite reads SELECT x = 1 */
	return v;
}

