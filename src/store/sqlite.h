/* sqlite.h — what the SQLite driver (sqlite.c) offers beyond sql.h: the
 * file-level operations that only an embedded file has. */
#ifndef QINGDAN_STORE_SQLITE_H
#define QINGDAN_STORE_SQLITE_H

#include "qingdan/util.h"

struct db;
struct sqlite3;

/* Online copy to dest (db.h db_backup). */
enum qd_status sqlite_backup(struct db *db, const char *dest, int flags, struct strbuf *err);
/* Checkpoint and truncate the WAL (db.h db_truncate_wal). */
void sqlite_truncate_wal(struct db *db);
/* Tell SQLite the process is one thread (no mutex per call); sq_open
 * does it before the first connection. */
void sqlite_single_thread(void);
/* The connection of a SQLite database, NULL on another backend. */
struct sqlite3 *sqlite_handle(struct db *db);

#endif
