/* db_busy.h — private to the storage module: who holds a busy file
 * (db_busy.c).  db.c's busy handler asks while it waits. */
#ifndef QINGDAN_DB_BUSY_H
#define QINGDAN_DB_BUSY_H

#include "qingdan/util.h"

/* The pid of the process holding the write lock of the file (WAL or
 * rollback mode), 0 if none can be found (none, another pid namespace). */
long db_busy_holder_pid(const char *db_path);
/* "wangfang 的 qingdan import（进程 1234）", "进程 1234", or NULL when no
 * holder can be found; malloc'd. */
char *db_busy_holder(const char *db_path);

#endif
