/* schema.h — private to the storage module: the numbered migrations. */
#ifndef QINGDAN_SCHEMA_H
#define QINGDAN_SCHEMA_H

/* 'QDN1': PRAGMA application_id of every qingdan file. */
#define QD_APPLICATION_ID 0x51444E31

int schema_latest(void);
/* The statements taking version N-1 to N in a dialect (enum db_dialect),
 * NULL-terminated. */
const char *const *schema_migration(int dialect, int version);
/* PostgreSQL's (schema_pg.c). */
const char *const *schema_pg_migration(int version);

#endif
