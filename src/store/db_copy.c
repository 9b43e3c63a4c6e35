/* db_copy.c — moving a whole database between backends (db copy, and
 * backup of a PostgreSQL database into a SQLite file). */
#include "db_impl.h"

#include "qingdan/msg.h"

enum qd_status db_copy_to_file(struct db *db, const char *dest, int flags, struct strbuf *err)
{
	(void)db;
	(void)flags;
	sb_printf(err, msg(M_DB_ERROR), dest);
	return QD_INVALID;
}
