/* schema_pg.h — private to the storage module: PostgreSQL's schema
 * (schema_pg.c) and the server-side pieces the driver and `db grant|revoke`
 * call.  The migrations have the numbers of the SQLite dialect's
 * (schema_latest() in schema.h counts both). */
#ifndef QINGDAN_SCHEMA_PG_H
#define QINGDAN_SCHEMA_PG_H

/* The statements taking version N-1 to N on PostgreSQL, NULL-terminated;
 * NULL for a version that does not exist.  Each list runs in one
 * transaction, as the connecting role, which then owns every object. */
const char *const *schema_pg_migration(int version);

/* Every data table's writes are announced on this channel (LISTEN
 * qingdan), once per statement, with the table's name as payload. */
#define PG_NOTIFY_CHANNEL "qingdan"

/* ?1 = a login (text).  One row, one text column: "created" (a new LOGIN
 * role), "enabled" (an existing role given LOGIN), "granted" (an existing
 * login role added), "unchanged" (already a member).  Refused with SQLSTATE
 * 42501 when the caller lacks CREATEROLE, 22023 for an empty login or the
 * group's own name.  Creates the group role first if migration 1 could
 * not. */
extern const char pg_grant_sql[];
/* ?1 = a login.  "revoked" or "unchanged" (not a member); 42501 as above,
 * 42704 when no such role exists.  The role itself is kept. */
extern const char pg_revoke_sql[];
/* No parameters.  One row: the member group role's name (whether or not
 * it exists yet) and 1 when it exists, else 0. */
extern const char pg_member_role_sql[];

#endif
