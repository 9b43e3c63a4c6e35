/* db_impl.h — the connection's insides, shared by db.c and the drivers
 * (sqlite.c, pg.c).  Nothing outside src/store/ includes it. */
#ifndef QINGDAN_STORE_DB_IMPL_H
#define QINGDAN_STORE_DB_IMPL_H

#include "qingdan/db.h"
#include "sql.h"

struct stmt_slot {
	const char *sql;
	struct sql_stmt *st;
};

struct db {
	const struct sql_driver *drv;
	void *conn;       /* the driver's: sqlite3 *, struct pg_conn * */
	char *path;       /* the file, or the URI as given */
	char *shown;      /* the URI as messages show it (no password); NULL: path */
	int readonly;
	int depth;        /* transaction nesting */
	int failed;       /* an inner level asked for rollback */
	char *warning;
	struct stmt_slot *stmts;
	size_t nstmts, capstmts;
	/* a busy file (SQLite) / a lost connection (PostgreSQL) */
	db_busy_fn busy_fn;
	void *busy_ctx;
	long long busy_limit_ms, busy_start_ms, busy_waited_ms;
	int busy_said;    /* seconds last told to the hook, -1 = nothing shown */
	/* store_list_range's last answer: year, data version, changes, lo, hi
	 * (valid when year is non-zero) */
	long long range_year, range_version, range_changes, range_lo, range_hi;
};

/* The wait is over: the busy hook clears what it showed. */
void db_busy_over(struct db *db);

#endif
