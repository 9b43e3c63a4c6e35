/* pg_impl.h — the PostgreSQL driver's insides, shared by its two halves:
 * pg.c (the connection: open, transactions, a lost connection, NOTIFY)
 * and pg_stmt.c (statements: binds, prepared variants, rows).  Only they
 * include it. */
#ifndef QINGDAN_STORE_PG_IMPL_H
#define QINGDAN_STORE_PG_IMPL_H

#include <libpq-fe.h>

#include "db_impl.h"
#include "pg.h"

/* pg_type OIDs (server/catalog/pg_type_d.h is not installed with libpq) */
enum {
	OID_BOOL = 16, OID_INT8 = 20, OID_INT2 = 21, OID_INT4 = 23, OID_TEXT = 25, OID_OID = 26,
	OID_FLOAT4 = 700, OID_FLOAT8 = 701, OID_NUMERIC = 1700,
};

struct pg_conn {
	PGconn *pg;
	int code;             /* SQL_* of the last failure */
	char *msg;            /* its message */
	char state[6];        /* its SQLSTATE, "" if none */
	int pos;              /* where in the SQL it was, in characters from 1 (0: not said) */
	long long changes, total;
	long long version;    /* data_version: notifications from others, reconnects */
	int lost_seen;        /* data_version has counted the connection's loss */
	PGTransactionStatusType tx;   /* after the last command */
	int tx_lost;          /* the connection died inside a transaction */
	int readonly;
	int has_meta;         /* qingdan_meta exists */
	char *user;           /* session_user: the actor's login */
	int owner;            /* it is (a member of) the schema's owner */
	unsigned gen;         /* bumped by each reconnect: prepared statements are gone */
	unsigned next_name;   /* qd_N */
	struct strbuf stale;  /* DEALLOCATEs of finalized statements, sent when idle */
};

struct pg_stmt;

/* What one command sends: SQL alone (PQexec), SQL and one text
 * parameter, or a statement. */
struct call {
	const char *sql;
	const char *val;
	struct pg_stmt *st;
};
typedef PGresult *(*pg_call)(struct db *db, struct call *c);

static inline struct pg_conn *PC(struct db *db)
{
	return db->conn;
}

/* Keep a failure (code and message); returns code. */
int pg_fail(struct pg_conn *pc, int code, const char *text);
/* Run one command through call (its result in *out on SQL_OK), minding a
 * lost connection; retry: it may be sent again after a reconnect (a read).
 * On failure the code and message are kept (errcode, errmsg) and
 * pc->state holds the SQLSTATE. */
int pg_run(struct db *db, pg_call call, struct call *arg, int retry, PGresult **out);

/* the statement half of the driver table (pg_stmt.c) */
int pg_prepare(struct db *db, const char *sql, int persistent, struct sql_stmt **out);
int pg_step(struct sql_stmt *st);
void pg_reset(struct sql_stmt *st);
void pg_clear(struct sql_stmt *st);
void pg_finalize(struct sql_stmt *st);
int pg_param_index(struct sql_stmt *st, const char *name);
void pg_bind_int64(struct sql_stmt *st, int i, long long v);
void pg_bind_double(struct sql_stmt *st, int i, double v);
void pg_bind_text(struct sql_stmt *st, int i, const char *s, int len);
void pg_bind_null(struct sql_stmt *st, int i);
int pg_column_count(struct sql_stmt *st);
const char *pg_column_name(struct sql_stmt *st, int i);
int pg_column_type(struct sql_stmt *st, int i);
long long pg_column_int64(struct sql_stmt *st, int i);
double pg_column_double(struct sql_stmt *st, int i);
const char *pg_column_text(struct sql_stmt *st, int i);

#endif
