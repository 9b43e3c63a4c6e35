/* t_pg_schema.c — checks of the PostgreSQL schema's text
 * (src/store/schema_pg.c) that need no server, and its printer for the
 * server tests: `t_pg_schema --sql` prints migrations 1..N, each in
 * BEGIN/COMMIT, for psql; `--grant` / `--revoke` print the db grant|revoke
 * statements (parameter ?1).  tests/pg_schema.sh runs them on a cluster. */
#include "../src/store/schema_pg.h"
#include "tt.h"

#include <ctype.h>

/* schema.h (the SQLite dialect's file): the migration count both share. */
int schema_latest(void);

/* ---- the printer ---- */

static int print_sql(void)
{
	for (int v = 1; v <= schema_latest(); v++) {
		const char *const *m = schema_pg_migration(v);
		if (!m)
			return 1;
		printf("-- migration %d\nBEGIN;\n", v);
		for (; *m; m++)
			fputs(*m, stdout);
		printf("COMMIT;\n");
	}
	return 0;
}

/* ---- checks ---- */

/* Calls fn on every statement of every migration. */
static void each_statement(void (*fn)(int v, const char *sql))
{
	for (int v = 1; v <= schema_latest(); v++)
		for (const char *const *m = schema_pg_migration(v); m && *m; m++)
			fn(v, *m);
}

/* The name after a prefix such as "CREATE TABLE ", into out; 0 if none. */
static int name_after(const char *sql, const char *prefix, char *out, size_t size)
{
	if (strncmp(sql, prefix, strlen(prefix)) != 0)
		return 0;
	const char *s = sql + strlen(prefix);
	if (strncmp(s, "IF NOT EXISTS ", 14) == 0)
		s += 14;
	size_t n = 0;
	while ((isalnum((unsigned char)s[n]) || s[n] == '_') && n + 1 < size)
		n++;
	memcpy(out, s, n);
	out[n] = '\0';
	return n > 0;
}

/* Does any statement contain needle? */
static const char *g_needle;
static int g_found;
static void find_one(int v, const char *sql)
{
	(void)v;
	if (strstr(sql, g_needle))
		g_found = 1;
}
static int schema_has(const char *needle)
{
	g_needle = needle;
	g_found = 0;
	each_statement(find_one);
	return g_found;
}

TEST(versions_match_sqlite)
{
	CHECK(schema_latest() >= 4);
	CHECK(schema_pg_migration(0) == NULL);
	CHECK(schema_pg_migration(schema_latest() + 1) == NULL);
	for (int v = 1; v <= schema_latest(); v++) {
		const char *const *m = schema_pg_migration(v);
		CHECK(m != NULL);
		CHECK(m && m[0] != NULL);
	}
}

static int g_bad;
static void statement_shape(int v, const char *sql)
{
	static const char *const sqlite_only[] = {
		") STRICT", "VIRTUAL TABLE", "PRAGMA", "fts5", "rowid", "INTEGER PRIMARY KEY",
		"AUTOINCREMENT", "qd_norm(", " INTEGER", " TEXT", " REAL",
	};
	size_t n = strlen(sql);
	if (n < 2 || strcmp(sql + n - 2, ";\n") != 0) {
		fprintf(stderr, "  migration %d: statement does not end with \";\\n\": %.60s\n", v, sql);
		g_bad++;
	}
	for (size_t i = 0; i < sizeof sqlite_only / sizeof *sqlite_only; i++)
		if (strstr(sql, sqlite_only[i])) {
			fprintf(stderr, "  migration %d: SQLite's %s in: %.60s\n", v, sqlite_only[i], sql);
			g_bad++;
		}
}

TEST(statements_are_postgresql)
{
	g_bad = 0;
	each_statement(statement_shape);
	CHECK_INT(g_bad, 0);
}

/* Every text column of a table compares bytes (COLLATE "C"), as SQLite's. */
static void text_collation(int v, const char *sql)
{
	char name[64];
	int table = name_after(sql, "CREATE TABLE ", name, sizeof name) && strcmp(name, "qingdan_meta");
	int column = strncmp(sql, "ALTER TABLE ", 12) == 0 && strstr(sql, " ADD COLUMN ");
	if (!table && !column)
		return;
	for (const char *line = sql; *line; line = strchr(line, '\n') ? strchr(line, '\n') + 1 : "") {
		const char *end = strchr(line, '\n');
		size_t len = end ? (size_t)(end - line) : strlen(line);
		const char *s = line;
		if (column) {
			/* the column's own line; a CHECK on the next one is no column */
			const char *add = strstr(line, " ADD COLUMN ");
			if (!add || (end && add > end))
				continue;
			s = add + 12;
		}
		while (*s == ' ' || *s == '(')
			s++;
		while (isalnum((unsigned char)*s) || *s == '_')
			s++;                       /* the column's name */
		int is_text = strncmp(s, " text", 5) == 0 && !isalnum((unsigned char)s[5]);
		char buf[400];
		snprintf(buf, sizeof buf, "%.*s", (int)len, line);
		if (is_text && !strstr(buf, "COLLATE \"C\"")) {
			fprintf(stderr, "  migration %d: text column without COLLATE \"C\": %s\n", v, buf);
			g_bad++;
		}
	}
}

TEST(text_columns_compare_bytes)
{
	g_bad = 0;
	each_statement(text_collation);
	CHECK_INT(g_bad, 0);
}

/* Every table is announced, under row security (or is the audit, whose
 * privileges alone decide), and in the members' grants of the last
 * migration that sets them. */
static const char *g_member_tables;
static void find_member_tables(int v, const char *sql)
{
	(void)v;
	if (strstr(sql, "FUNCTION qd_member_tables("))
		g_member_tables = sql;
}

static void table_rules(int v, const char *sql)
{
	char name[64], want[128];
	if (!name_after(sql, "CREATE TABLE ", name, sizeof name) || !strcmp(name, "qingdan_meta"))
		return;
	snprintf(want, sizeof want, "('%s', 'SELECT", name);
	if (!strstr(g_member_tables, want)) {
		fprintf(stderr, "  migration %d: table %s is not in qd_member_tables\n", v, name);
		g_bad++;
	}
	if (strcmp(name, "audit") != 0) {
		snprintf(want, sizeof want, "ALTER TABLE %s ENABLE ROW LEVEL SECURITY;", name);
		if (!schema_has(want)) {
			fprintf(stderr, "  migration %d: table %s has no row security\n", v, name);
			g_bad++;
		}
	}
	snprintf(want, sizeof want, "CREATE TRIGGER %s_notify ", name);
	if (strcmp(name, "upgrade_task") != 0 && !schema_has(want)) {
		fprintf(stderr, "  migration %d: table %s is not announced (NOTIFY)\n", v, name);
		g_bad++;
	}
}

TEST(every_table_has_its_rules)
{
	g_bad = 0;
	g_member_tables = NULL;
	each_statement(find_member_tables);
	CHECK(g_member_tables != NULL);
	if (!g_member_tables)
		return;
	each_statement(table_rules);
	CHECK_INT(g_bad, 0);
	/* the audit table: never more than SELECT, INSERT for members */
	CHECK(strstr(g_member_tables, "('audit', 'SELECT, INSERT')") != NULL);
	CHECK(strstr(g_member_tables, "TRUNCATE") == NULL);
	/* the owner keeps its bypass: row security is enabled, never forced */
	CHECK(!schema_has("FORCE ROW LEVEL SECURITY"));
}

TEST(grant_statements)
{
	CHECK_STR(pg_grant_sql, "SELECT qd_grant(?1)");
	CHECK_STR(pg_revoke_sql, "SELECT qd_revoke(?1)");
	CHECK_CONTAINS(pg_member_role_sql, "'member_role'");
	CHECK(schema_has("CREATE FUNCTION qd_grant(who text)"));
	CHECK(schema_has("CREATE FUNCTION qd_revoke(who text)"));
}

int main(int argc, char **argv)
{
	if (argc == 2 && strcmp(argv[1], "--sql") == 0)
		return print_sql();
	if (argc == 2 && strcmp(argv[1], "--grant") == 0)
		return puts(pg_grant_sql) < 0;
	if (argc == 2 && strcmp(argv[1], "--revoke") == 0)
		return puts(pg_revoke_sql) < 0;
	RUN(versions_match_sqlite);
	RUN(statements_are_postgresql);
	RUN(text_columns_compare_bytes);
	RUN(every_table_has_its_rules);
	RUN(grant_statements);
	return TT_END();
}
