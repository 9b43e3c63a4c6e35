/* schema_pg_impl.h — what the two files of PostgreSQL's migrations share:
 * schema_pg.c (1–4 and the table of them) and schema_pg_later.c (5 on:
 * the 组织生活 ledger, 整改, Chinese order, categories, recurring periods, …). */
#ifndef QINGDAN_SCHEMA_PG_IMPL_H
#define QINGDAN_SCHEMA_PG_IMPL_H

/* Each qd_* function of this schema that has no search_path yet gets
 * pg_catalog, the schema, pg_temp (run after creating or replacing one). */
#define PIN_SEARCH_PATH \
	"DO $$\n" \
	"DECLARE f regprocedure;\n" \
	"BEGIN\n" \
	"  FOR f IN SELECT p.oid FROM pg_proc p\n" \
	"    JOIN pg_namespace n ON n.oid = p.pronamespace\n" \
	"    WHERE n.nspname = current_schema()\n" \
	"      AND p.proname LIKE 'qd\\_%' AND p.proconfig IS NULL LOOP\n" \
	"    EXECUTE format('ALTER FUNCTION %s SET search_path = pg_catalog, %I, pg_temp',\n" \
	"                   f, current_schema());\n" \
	"  END LOOP;\n" \
	"END $$;\n"

/* Row-level security of a table everyone reads and only admins write
 * (qd_is_admin in a sub-select: once per statement, not per row). */
#define RLS(t) "ALTER TABLE " t " ENABLE ROW LEVEL SECURITY;\n"
#define READ_ALL(t) "CREATE POLICY " t "_read ON " t " FOR SELECT USING (true);\n"
#define ADMIN_ALL(t) \
	"CREATE POLICY " t "_admin ON " t "\n" \
	"  USING ((SELECT qd_is_admin())) WITH CHECK ((SELECT qd_is_admin()));\n"
/* The statements only an admin (or the owner) may run on t, refused aloud. */
#define ADMIN_ONLY(t, ops) \
	"CREATE TRIGGER " t "_admin_only BEFORE " ops " ON " t "\n" \
	"  FOR EACH STATEMENT EXECUTE FUNCTION qd_admin_only();\n"
#define NOTIFY(t) \
	"CREATE TRIGGER " t "_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON " t "\n" \
	"  FOR EACH STATEMENT EXECUTE FUNCTION qd_notify();\n"

/* The rows of qd_member_tables as each migration that added tables left
 * them (frozen, each the one before and its own): 1's, then 2 (search,
 * upgrade tasks), 5 (the ledger), 6 (整改), 7 (categories; 10 appends
 * item_period).  MEMBER_TABLES(rows) is the function over them. */
#define MEMBER_TABLES(rows) \
	"CREATE OR REPLACE FUNCTION qd_member_tables(OUT tab text, OUT privs text) RETURNS SETOF record\n" \
	"  LANGUAGE sql IMMUTABLE AS $$ VALUES\n" rows
#define MEMBER_ROWS_1 \
	"  ('qingdan_meta', 'SELECT'),\n" \
	"  ('setting', 'SELECT, INSERT, UPDATE, DELETE'),\n" \
	"  ('org', 'SELECT, INSERT, UPDATE, DELETE'),\n" \
	"  ('person', 'SELECT, INSERT, UPDATE, DELETE'),\n" \
	"  ('list', 'SELECT, INSERT, UPDATE, DELETE'),\n" \
	"  ('item', 'SELECT, INSERT, UPDATE, DELETE'),\n" \
	"  ('note', 'SELECT, INSERT, UPDATE, DELETE'),\n" \
	"  ('pledge', 'SELECT, INSERT, UPDATE, DELETE'),\n" \
	"  ('audit', 'SELECT, INSERT')"
#define MEMBER_ROWS_2 \
	MEMBER_ROWS_1 ",\n" \
	"  ('item_search', 'SELECT'),\n" \
	"  ('upgrade_task', 'SELECT, INSERT, UPDATE, DELETE')"
#define MEMBER_ROWS_5 \
	MEMBER_ROWS_2 ",\n" \
	"  ('member', 'SELECT, INSERT, UPDATE, DELETE'),\n" \
	"  ('meeting', 'SELECT, INSERT, UPDATE, DELETE'),\n" \
	"  ('attendance', 'SELECT, INSERT, UPDATE, DELETE'),\n" \
	"  ('meeting_note', 'SELECT, INSERT, UPDATE, DELETE'),\n" \
	"  ('item_meeting', 'SELECT, INSERT, UPDATE, DELETE'),\n" \
	"  ('meeting_rule', 'SELECT, INSERT, UPDATE, DELETE')"
#define MEMBER_ROWS_6 \
	MEMBER_ROWS_5 ",\n" \
	"  ('problem', 'SELECT, INSERT, UPDATE, DELETE'),\n" \
	"  ('problem_measure', 'SELECT, INSERT, UPDATE, DELETE'),\n" \
	"  ('problem_feedback', 'SELECT, INSERT, UPDATE, DELETE')"
#define MEMBER_ROWS_7 \
	MEMBER_ROWS_6 ",\n" \
	"  ('category', 'SELECT, INSERT, UPDATE, DELETE')"

extern const char *const pg_migration5[], *const pg_migration6[], *const pg_migration7[],
	*const pg_migration8[], *const pg_migration9[], *const pg_migration10[],
	*const pg_migration11[];

#endif
