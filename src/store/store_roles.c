/* store_roles.c — the database roles of a server (db grant|revoke): one
 * call each into the functions the PostgreSQL schema defines
 * (schema_pg.h), which create or enable the login role and add it to the
 * database's member group.  A SQLite file has no roles. */
#include "qingdan/store.h"

#include <string.h>

#include "qingdan/db.h"
#include "schema_pg.h"
#include "sql.h"
#include "store_impl.h"

enum qd_status store_role(struct db *db, const char *login, int revoke, char **result)
{
	*result = NULL;
	if (db_dialect(db) != DB_PG)
		return QD_INVALID;
	struct sql_stmt *st = db_stmt(db, revoke ? pg_revoke_sql : pg_grant_sql);
	sql_bind_text(st, 1, login, -1);
	int rc = sql_step(st);
	if (rc == SQL_ROW)
		*result = store_col(st, 0);
	sql_reset(st);
	if (rc != SQL_ROW)
		return rc == SQL_DENIED ? QD_DENIED : QD_DBERROR;
	return QD_OK;
}
