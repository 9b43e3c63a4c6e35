/* t_dbcopy.c — moving a whole database (db.h db_copy, db_copy_file) on
 * SQLite files: the copy's table of tables and columns is held to the
 * schema (a migration that adds a column fails here until the copy knows
 * it), every value keeps its type and its id (forward references within a
 * table, even in a later batch; setting rowids with gaps, REAL, NULL, odd
 * text), the search index comes back, progress comes per page and per
 * table, a non-empty target is refused untouched, the migrations' own rows are replaced, a copy that
 * fails its check is rolled back, a source that fails the same way is
 * copied faithfully, and a new file appears only whole. */
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "qingdan/date.h"
#include "qingdan/db.h"
#include "qingdan/demo.h"
#include "qingdan/model.h"
#include "qingdan/msg.h"
#include "qingdan/outfile.h"
#include "qingdan/period.h"
#include "qingdan/text.h"
#include "tt.h"
#include "../src/store/sql.h"

static char tmp[] = "/tmp/qd_dbcopy_XXXXXX";
static struct strbuf err;

static void setup(void)
{
	CHECK(mkdtemp(tmp) != NULL);
	char *state = xasprintf("%s/state", tmp);
	setenv("XDG_STATE_HOME", state, 1);
	free(state);
	date_set_today(date_from_ymd(2026, 6, 30));
}

static void teardown(void)
{
	char *rm = xasprintf("rm -rf %s", tmp);
	CHECK(system(rm) == 0);
	free(rm);
}

static char *path(const char *name)
{
	return xasprintf("%s/%s", tmp, name);
}

/* A demo database through the model (every record audited). */
static struct db *demo(const char *name, struct qd *q)
{
	char *p = path(name);
	memset(q, 0, sizeof *q);
	q->year = 2026;
	sb_reset(&err);
	CHECK(qd_open(q, p, DB_CREATE, &err) == QD_OK);
	CHECK(qd_ensure_defaults(q, &err) == QD_OK);
	CHECK(demo_load(q, &err) == QD_OK);
	free(p);
	return q->db;
}

static struct db *empty(const char *name)
{
	char *p = path(name);
	struct db *db = NULL;
	sb_reset(&err);
	CHECK(db_open(p, DB_CREATE, &db, &err) == QD_OK);
	free(p);
	return db;
}

/* Every row of every copied table, each value as typeof:quote, by key. */
static char *dump(struct db *db)
{
	struct strbuf b = {0};
	const char *cols;
	for (int i = 0; db_copy_table(i, &cols); i++) {
		const char *t = db_copy_table(i, NULL);
		struct strbuf sel = {0};
		char *names = xstrdup(cols), *key = NULL;
		for (char *tok = strtok(names, " "); tok; tok = strtok(NULL, " ")) {
			*strchr(tok, ':') = '\0';
			const char *c = !key && strcmp(t, "setting") == 0 ? "rowid" : tok;
			if (!key)
				key = xstrdup(c);
			sb_printf(&sel, "%stypeof(\"%s\") || ':' || quote(\"%s\")", sel.len ? " || '|' || " : "", c, c);
		}
		char *sql = xasprintf("SELECT %s FROM \"%s\" ORDER BY \"%s\"", sel.s, t, key);
		sqlite3_stmt *st;
		CHECK(sqlite3_prepare_v2(db_handle(db), sql, -1, &st, NULL) == SQLITE_OK);
		sb_printf(&b, "[%s]\n", t);
		while (sqlite3_step(st) == SQLITE_ROW)
			sb_printf(&b, "%s\n", (const char *)sqlite3_column_text(st, 0));
		sqlite3_finalize(st);
		free(sql);
		free(names);
		free(key);
		sb_free(&sel);
	}
	return sb_take(&b);
}

/* Two dumps alike, else the first line where they part. */
static int same_dump(const char *a, const char *b)
{
	if (strcmp(a, b) == 0)
		return 1;
	int line = 1;
	const char *la = a, *lb = b;
	for (; *a && *a == *b; a++, b++)
		if (*a == '\n')
			line++, la = a + 1, lb = b + 1;
	fprintf(stderr, "  dumps differ at line %d:\n    [%.200s]\n    [%.200s]\n", line, la, lb);
	return 0;
}

static enum qd_status copy(struct db *from, struct db *to, db_verify_fn verify)
{
	struct db_copy how = {0};
	how.verify = verify;
	sb_reset(&err);
	enum qd_status s = db_copy(from, to, &how, &err);
	sb_free(&how.report);
	return s;
}

/* ---- the table of tables ---- */

struct cols {
	char s[2048];
};

static char type_letter(const char *decl)
{
	return strcmp(decl, "INTEGER") == 0 ? 'i' : strcmp(decl, "REAL") == 0 ? 'f'
			: strcmp(decl, "TEXT") == 0 ? 't' : '?';
}

TEST(copy_knows_every_table_and_column_of_the_schema)
{
	setup();
	struct db *db = empty("schema.db");
	sqlite3 *h = db_handle(db);
	sqlite3_stmt *st;
	/* the schema's tables (the search index and SQLite's own aside) */
	CHECK(sqlite3_prepare_v2(h, "SELECT name FROM sqlite_schema WHERE type = 'table' AND "
				    "name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name NOT LIKE 'item\\_fts%' ESCAPE '\\' "
				    "ORDER BY name", -1, &st, NULL) == SQLITE_OK);
	int in_schema = 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(st, 0);
		in_schema++;
		int found = -1;
		const char *cols = NULL;
		for (int i = 0; db_copy_table(i, NULL); i++)
			if (strcmp(db_copy_table(i, &cols), t) == 0)
				found = i;
		if (found < 0) {
			fprintf(stderr, "  table %s is not copied (src/store/db_copy.c tables)\n", t);
			tt_fail_flag = 1;
			continue;
		}
		db_copy_table(found, &cols);
		/* each column of the schema is in the list with its type, and
		 * each listed one in the schema — the key may be the rowid */
		char *sql = xasprintf("SELECT name, type, pk FROM pragma_table_info('%s')", t);
		sqlite3_stmt *ti;
		CHECK(sqlite3_prepare_v2(h, sql, -1, &ti, NULL) == SQLITE_OK);
		int n = 0, key_ok = 0;
		char first[64] = "";
		sscanf(cols, "%63[^:]", first);
		while (sqlite3_step(ti) == SQLITE_ROW) {
			const char *name = (const char *)sqlite3_column_text(ti, 0);
			char want[128];
			snprintf(want, sizeof want, "%s:%c", name,
				 type_letter((const char *)sqlite3_column_text(ti, 1)));
			char *hay = xasprintf(" %s ", cols), *needle = xasprintf(" %s ", want);
			if (!strstr(hay, needle)) {
				fprintf(stderr, "  %s.%s (%s) is not copied, or with another type\n", t,
					name, want);
				tt_fail_flag = 1;
			}
			if (strcmp(name, first) == 0 && sqlite3_column_int(ti, 2) == 1)
				key_ok = 1;
			free(hay);
			free(needle);
			n++;
		}
		sqlite3_finalize(ti);
		free(sql);
		int listed = 1;
		for (const char *p = cols; *p; p++)
			listed += *p == ' ';
		if (!key_ok) {
			/* the key is not a column: it must be the rowid (setting) */
			CHECK_STR(t, "setting");
			CHECK_STR(first, "id");
			n++;
		}
		if (listed != n) {
			fprintf(stderr, "  %s: %d columns listed, %d in the schema\n", t, listed, n);
			tt_fail_flag = 1;
		}
	}
	sqlite3_finalize(st);
	int listed = 0;
	while (db_copy_table(listed, NULL))
		listed++;
	CHECK_INT(listed, in_schema);
	/* foreign-key order: a table refers only to itself or to earlier ones */
	for (int i = 0; db_copy_table(i, NULL); i++) {
		char *sql = xasprintf("SELECT \"table\" FROM pragma_foreign_key_list('%s')",
				      db_copy_table(i, NULL));
		sqlite3_stmt *fk;
		CHECK(sqlite3_prepare_v2(h, sql, -1, &fk, NULL) == SQLITE_OK);
		while (sqlite3_step(fk) == SQLITE_ROW) {
			const char *to = (const char *)sqlite3_column_text(fk, 0);
			int j = 0;
			while (db_copy_table(j, NULL) && strcmp(db_copy_table(j, NULL), to) != 0)
				j++;
			if (j > i) {
				fprintf(stderr, "  %s refers to %s, copied after it\n", db_copy_table(i, NULL), to);
				tt_fail_flag = 1;
			}
		}
		sqlite3_finalize(fk);
		free(sql);
	}
	db_close(&db);
	teardown();
}

/* The server's schema, column by column (information_schema), against the
 * list: PostgreSQL's tables are SQLite's, typed (bigint/integer i, double
 * precision f, text t), setting's rowid an id column; its own qingdan_meta
 * is the server's, not copied. */
TEST(copy_knows_every_table_and_column_of_the_server_schema)
{
	if (!tt_pg()) {
		printf("  skip: needs a server (make test-pg)\n");
		fflush(NULL);
		_exit(TT_SKIP_STATUS);
	}
	setup();
	struct db *db = NULL;
	sb_reset(&err);
	CHECK(db_open(tt_db("schema"), DB_CREATE, &db, &err) == QD_OK);
	struct sql_stmt *st = NULL;
	CHECK(sql_prepare(db, "SELECT c.table_name, string_agg(c.column_name || ':' || "
			      "CASE WHEN c.data_type IN ('bigint', 'integer') THEN 'i' "
			      "WHEN c.data_type = 'double precision' THEN 'f' "
			      "WHEN c.data_type = 'text' THEN 't' ELSE c.data_type END, ' ' "
			      "ORDER BY c.column_name) FROM information_schema.columns c "
			      "JOIN information_schema.tables t ON t.table_schema = c.table_schema "
			      "AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE' "
			      "WHERE c.table_schema = current_schema() AND c.table_name <> 'qingdan_meta' "
			      "GROUP BY c.table_name ORDER BY c.table_name", &st) == SQL_OK);
	int tables = 0;
	while (st && sql_step(st) == SQL_ROW) {
		const char *t = sql_column_text(st, 0), *got = sql_column_text(st, 1), *cols = NULL;
		int i = 0;
		while (db_copy_table(i, &cols) && strcmp(db_copy_table(i, NULL), t) != 0)
			i++;
		if (!db_copy_table(i, NULL)) {
			fprintf(stderr, "  the server's table %s is not copied\n", t);
			tt_fail_flag = 1;
			continue;
		}
		/* the list's columns, sorted as the query sorts them */
		char *words[64], *buf = xstrdup(cols);
		int n = 0;
		for (char *w = strtok(buf, " "); w && n < 64; w = strtok(NULL, " "))
			words[n++] = w;
		for (int a = 0; a < n; a++)
			for (int b = a + 1; b < n; b++)
				if (strcmp(words[b], words[a]) < 0) {
					char *x = words[a];
					words[a] = words[b];
					words[b] = x;
				}
		struct strbuf want = {0};
		for (int a = 0; a < n; a++)
			sb_printf(&want, "%s%s", a ? " " : "", words[a]);
		CHECK_STR(got, want.s);
		sb_free(&want);
		free(buf);
		tables++;
	}
	sql_finalize(st);
	int listed = 0;
	while (db_copy_table(listed, NULL))
		listed++;
	CHECK_INT(tables, listed);
	db_close(&db);
	teardown();
}

/* ---- the copy ---- */

TEST(every_value_keeps_its_type_and_id)
{
	setup();
	struct qd q;
	struct db *from = demo("from.db", &q);
	/* what the model would not make but a file may hold: a parent with a
	 * later id, id gaps, setting rowids with a gap, REAL, NULL, odd text */
	CHECK(db_exec(from, "INSERT INTO org(id, name, level, parent_id, sort) "
			    "VALUES (40, '后来的上级', 'party-group', NULL, 3);"
			    "UPDATE org SET parent_id = 40 WHERE id = 1;"
			    /* a parent in a later batch of rows (100 an INSERT) */
			    "WITH RECURSIVE n(i) AS (SELECT 100 UNION ALL SELECT i + 1 FROM n WHERE i < 249) "
			    "INSERT INTO org(id, name, level, sort) SELECT i, '支部' || i, 'branch', i FROM n;"
			    "UPDATE org SET parent_id = 249 WHERE id = 2;"
			    "INSERT INTO setting(key, value) VALUES ('gone', 'x'), ('kept', 'tab\there\nnew line \"q\" ''s'' 🙂');"
			    "DELETE FROM setting WHERE key = 'gone';"
			    "INSERT INTO setting(key, value) VALUES ('after_gap', '');"
			    "UPDATE pledge SET score = 4.5 WHERE id = 1;"
			    "UPDATE pledge SET score = 90.0 WHERE id = 2;"
			    "UPDATE item SET due = NULL, search_text = 'folded' WHERE id = 3;"
			    "INSERT INTO upgrade_task VALUES ('normalise_names');") == 0);
	CHECK(tt_num(from, "SELECT count(*) FROM pledge WHERE successor_id > id") > 0);
	struct db *to = empty("to.db");
	CHECK_INT(copy(from, to, NULL), QD_OK);
	char *a = dump(from), *b = dump(to);
	CHECK(same_dump(a, b));
	CHECK(strstr(a, "real:4.5") && strstr(a, "real:90.0"));
	CHECK(strstr(a, "[upgrade_task]\ntext:'normalise_names'"));
	free(a);
	free(b);
	/* the search index holds the copied items */
	CHECK(tt_num(to, "SELECT count(*) FROM item_fts WHERE item_fts MATCH '理论学习'") > 0);
	CHECK_INT(tt_num(to, "SELECT count(*) FROM item_fts WHERE item_fts MATCH '理论学习'"),
		  tt_num(from, "SELECT count(*) FROM item_fts WHERE item_fts MATCH '理论学习'"));
	CHECK_INT(tt_num(to, "SELECT count(*) FROM item_fts WHERE item_fts MATCH 'folded'"), 1);
	CHECK_INT(tt_num(to, "PRAGMA foreign_key_check"), -1);   /* no row: nothing dangling */
	db_close(&to);
	qd_close(&q);
	teardown();
}

TEST(copy_verifies_with_the_model_and_the_copy_verifies_on_its_own)
{
	setup();
	struct qd q;
	struct db *from = demo("from.db", &q);
	/* a recurring item and a period's record (item_period, migration 10) */
	long long open_id = tt_num(from, "SELECT min(id) FROM item WHERE status = 'planned'");
	CHECK_INT(qd_item_every(&q, open_id, "quarter", &err), QD_OK);
	CHECK_INT(qd_item_period(&q, open_id, "Q1", 1, NULL, "已完成", &err), QD_OK);
	struct db *to = empty("to.db");
	struct db_copy how = {0};
	how.verify = qd_audit_verify_db;
	sb_reset(&err);
	CHECK_INT(db_copy(from, to, &how, &err), QD_OK);
	CHECK_CONTAINS(how.report.s, "校验通过");
	CHECK_INT(how.tables, 20);
	CHECK_INT(how.rows, tt_num(from, "SELECT (SELECT count(*) FROM setting) + (SELECT count(*) FROM org) + "
					"(SELECT count(*) FROM person) + (SELECT count(*) FROM list) + "
					"(SELECT count(*) FROM item) + (SELECT count(*) FROM note) + "
					"(SELECT count(*) FROM pledge) + (SELECT count(*) FROM audit) + "
					"(SELECT count(*) FROM upgrade_task) + (SELECT count(*) FROM member) + "
					"(SELECT count(*) FROM meeting) + (SELECT count(*) FROM attendance) + "
					"(SELECT count(*) FROM meeting_note) + (SELECT count(*) FROM item_meeting) + "
					"(SELECT count(*) FROM meeting_rule) + (SELECT count(*) FROM problem) + "
					"(SELECT count(*) FROM problem_measure) + (SELECT count(*) FROM problem_feedback) + "
					"(SELECT count(*) FROM category) + (SELECT count(*) FROM item_period)"));
	CHECK_INT(tt_num(to, "SELECT count(*) FROM item_period"), 1);
	sb_free(&how.report);
	db_close(&to);
	/* the copy, opened as any file: the chain and every record check out,
	 * and a new write chains on */
	struct qd c = {0};
	c.year = 2026;
	char *p = path("to.db");
	CHECK(qd_open(&c, p, 0, &err) == QD_OK);
	struct strbuf report = {0};
	CHECK_INT(qd_audit_verify(&c, &report, &err), QD_OK);
	struct item_fields f = ITEM_FIELDS_INIT;
	f.content = "复制之后新加的事项";
	long long id = 0, org = 0;
	CHECK(qd_find_org(&c, "机关党委", &org, &err) == QD_OK);
	CHECK(qd_item_add(&c, org, &f, &id, &err) == QD_OK);
	CHECK(id > tt_num(from, "SELECT max(id) FROM item"));
	sb_reset(&report);
	CHECK_INT(qd_audit_verify(&c, &report, &err), QD_OK);
	sb_free(&report);
	qd_close(&c);
	free(p);
	qd_close(&q);
	teardown();
}

TEST(non_empty_target_is_refused_and_left_alone)
{
	setup();
	struct qd q, t;
	struct db *from = demo("from.db", &q);
	struct db *to = demo("to.db", &t);
	char *before = dump(to);
	long long changes = db_total_changes(to);
	CHECK_INT(copy(from, to, qd_audit_verify_db), QD_INVALID);
	CHECK_CONTAINS(err.s, "不是空库");
	CHECK_CONTAINS(err.s, "setting");
	char *after = dump(to);
	CHECK(same_dump(before, after));
	CHECK_INT(db_total_changes(to), changes);
	free(before);
	free(after);
	/* the same database, twice */
	CHECK_INT(copy(from, from, NULL), QD_INVALID);
	CHECK_CONTAINS(err.s, "同一个");
	qd_close(&t);
	qd_close(&q);
	teardown();
}

TEST(rows_the_migrations_insert_are_replaced)
{
	setup();
	struct qd q;
	struct db *from = demo("from.db", &q);
	struct db *to = empty("to.db");
	/* as migration 4 queues a task on a file that had people */
	CHECK(db_exec(to, "INSERT INTO upgrade_task VALUES ('normalise_names'), ('other')") == 0);
	CHECK_INT(copy(from, to, qd_audit_verify_db), QD_OK);
	CHECK_INT(tt_num(to, "SELECT count(*) FROM upgrade_task"), 0);
	db_close(&to);
	qd_close(&q);
	teardown();
}

/* A check that fails on the target only, or the same way on both. */
static struct db *check_source;
static enum qd_status fails_on_target(struct db *db, struct strbuf *report, struct strbuf *e)
{
	(void)e;
	sb_puts(report, "bad\n");
	return db == check_source ? QD_OK : QD_VERIFY;
}
static enum qd_status fails_on_both(struct db *db, struct strbuf *report, struct strbuf *e)
{
	(void)db;
	(void)e;
	sb_puts(report, "the same finding\n");
	return QD_VERIFY;
}

TEST(a_copy_that_fails_its_check_is_rolled_back)
{
	setup();
	struct qd q;
	struct db *from = demo("from.db", &q);
	check_source = from;
	struct db *to = empty("to.db");
	CHECK_INT(copy(from, to, fails_on_target), QD_DBERROR);
	CHECK_CONTAINS(err.s, "已撤销");
	CHECK_INT(tt_num(to, "SELECT count(*) FROM item"), 0);
	CHECK_INT(tt_num(to, "SELECT count(*) FROM audit"), 0);
	/* the same findings on the source: a faithful copy, kept */
	CHECK_INT(copy(from, to, fails_on_both), QD_VERIFY);
	CHECK_INT(tt_num(to, "SELECT count(*) FROM item"), tt_num(from, "SELECT count(*) FROM item"));
	db_close(&to);
	qd_close(&q);
	teardown();
}

TEST(a_source_changed_behind_qingdan_is_copied_as_it_is)
{
	setup();
	struct qd q;
	struct db *from = demo("from.db", &q);
	CHECK(db_exec(from, "UPDATE item SET content = '改过的' WHERE id = 2") == 0);
	struct db *to = empty("to.db");
	struct db_copy how = {0};
	how.verify = qd_audit_verify_db;
	sb_reset(&err);
	CHECK_INT(db_copy(from, to, &how, &err), QD_VERIFY);
	CHECK_CONTAINS(how.report.s, "#2");
	CHECK_INT(tt_num(to, "SELECT count(*) FROM item WHERE content = '改过的'"), 1);
	sb_free(&how.report);
	db_close(&to);
	qd_close(&q);
	teardown();
}

struct seen {
	struct strbuf calls;
};

static void record(void *ctx, const char *table, long long done, long long total)
{
	struct seen *s = ctx;
	if (!table || strcmp(table, "item") == 0 || strcmp(table, "note") == 0)
		sb_printf(&s->calls, "%s %lld/%lld;", table ? table : "(check)", done, total);
}

TEST(progress_comes_per_thousand_rows_and_per_table)
{
	setup();
	struct qd q;
	struct db *from = demo("from.db", &q);
	long long items = tt_num(from, "SELECT count(*) FROM item");
	/* 2,500 items in all (raw rows: the counts are checked, not the chain) */
	char *more = xasprintf("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
			       "WHERE i < %lld) INSERT INTO item(list_id, seq, content, created_at, "
			       "updated_at) SELECT 1, 1000 + i, '事项' || i, 'x', 'x' FROM n",
			       2500 - items);
	CHECK(db_exec(from, more) == 0);
	free(more);
	CHECK(db_exec(from, "DELETE FROM note") == 0);
	struct db *to = empty("to.db");
	struct seen s = {{0}};
	struct db_copy how = {0};
	how.progress = record;
	how.ctx = &s;
	how.verify = fails_on_both;   /* any check: it is announced */
	sb_reset(&err);
	CHECK_INT(db_copy(from, to, &how, &err), QD_VERIFY);
	CHECK_STR(s.calls.s, "item 1000/2500;item 2000/2500;item 2500/2500;note 0/0;(check) 0/0;");
	sb_free(&s.calls);
	sb_free(&how.report);
	db_close(&to);
	qd_close(&q);
	teardown();
}

TEST(a_new_file_appears_only_whole)
{
	setup();
	struct qd q;
	struct db *from = demo("from.db", &q);
	char *dest = path("copy.db");
	struct db_copy how = {0};
	how.verify = fails_on_target;
	check_source = from;
	sb_reset(&err);
	CHECK_INT(db_copy_file(from, dest, 0, &how, &err), QD_DBERROR);
	CHECK(access(dest, F_OK) != 0);
	sb_reset(&how.report);
	how.verify = qd_audit_verify_db;
	CHECK_INT(db_copy_file(from, dest, 0, &how, &err), QD_OK);
	struct stat sb;
	CHECK(stat(dest, &sb) == 0 && (sb.st_mode & 0777) == outfile_mode(db_path(from)));
	/* nothing left beside it: no temporary, no journal */
	char *ls = xasprintf("ls -A %s", tmp);
	FILE *p = popen(ls, "r");
	char line[256];
	struct strbuf names = {0};
	while (p && fgets(line, sizeof line, p))
		sb_puts(&names, line);
	if (p)
		pclose(p);
	CHECK(!strstr(names.s, ".tmp"));
	CHECK(!strstr(names.s, "copy.db-"));
	sb_free(&names);
	free(ls);
	/* an existing file is refused (outfile.h) and stays as it was */
	sb_reset(&how.report);
	sb_reset(&err);
	CHECK_INT(db_copy_file(from, dest, 0, &how, &err), QD_INVALID);
	CHECK_CONTAINS(err.s, "已存在");
	sb_free(&how.report);
	struct db *c = NULL;
	if (db_open(dest, DB_READONLY, &c, &err) == QD_OK) {
		char *a = dump(from), *b = dump(c);
		CHECK(same_dump(a, b));
		free(a);
		free(b);
		db_close(&c);
	} else {
		CHECK(!"the copy opens");
	}
	free(dest);
	qd_close(&q);
	teardown();
}

/* A file through the backend under test (a server under make test-pg)
 * and back into a new file: the same rows, the same types, and the model's
 * verify holds on every leg. */
TEST(through_the_backend_and_back)
{
	setup();
	struct qd q;
	struct db *from = demo("from.db", &q);
	/* raw changes (a REAL, a setting after a rowid gap): the chain fails
	 * the same way on every leg, so each copy is kept and still checked */
	CHECK(db_exec(from, "UPDATE pledge SET score = 4.5 WHERE id = 1;"
			    "INSERT INTO setting(key, value) VALUES ('gone', 'x');"
			    "DELETE FROM setting WHERE key = 'gone';"
			    "INSERT INTO setting(key, value) VALUES ('after_gap', 'y');") == 0);
	struct db *mid = NULL;
	sb_reset(&err);
	CHECK(db_open(tt_db("mid"), DB_CREATE, &mid, &err) == QD_OK);
	struct db_copy how = {0};
	how.verify = qd_audit_verify_db;
	CHECK_INT(db_copy(from, mid, &how, &err), QD_VERIFY);   /* pledge #1 changed behind */
	CHECK_CONTAINS(how.report.s, "#1");
	sb_reset(&how.report);
	char *back = path("back.db");
	CHECK_INT(db_copy_file(mid, back, 0, &how, &err), QD_VERIFY);
	sb_free(&how.report);
	struct db *b = NULL;
	CHECK(db_open(back, DB_READONLY, &b, &err) == QD_OK);
	if (b) {
		char *x = dump(from), *y = dump(b);
		CHECK(same_dump(x, y));
		free(x);
		free(y);
		db_close(&b);
	}
	free(back);
	db_close(&mid);
	qd_close(&q);
	teardown();
}

TEST(a_target_in_a_message_shows_no_password)
{
	static const char *const cases[][2] = {
		{"/srv/qingdan.db", "/srv/qingdan.db"},
		{"pg:qingdan", "pg:qingdan"},
		{"postgresql:///qd?host=/run/postgresql", "postgresql:///qd?host=/run/postgresql"},
		{"postgresql://wangfang:s3cret@qd-server/qd", "postgresql://wangfang:***@qd-server/qd"},
		{"postgres://u:p%40ss@h:5432/qd?sslmode=require", "postgres://u:***@h:5432/qd?sslmode=require"},
		{"postgresql:///qd?user=u&password=s3cret&host=/tmp", "postgresql:///qd?user=u&password=***&host=/tmp"},
		{"postgresql:///qd?password=a&password=b", "postgresql:///qd?password=***&password=***"},
		{"postgresql://u@h/qd?application_password=x", "postgresql://u@h/qd?application_password=x"},
	};
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		char *shown = db_target_shown(cases[i][0]);
		CHECK_STR(shown, cases[i][1]);
		free(shown);
	}
}

int main(void)
{
	text_init_locale();
	RUN(copy_knows_every_table_and_column_of_the_schema);
	RUN(copy_knows_every_table_and_column_of_the_server_schema);
	RUN(every_value_keeps_its_type_and_id);
	RUN(copy_verifies_with_the_model_and_the_copy_verifies_on_its_own);
	RUN(non_empty_target_is_refused_and_left_alone);
	RUN(rows_the_migrations_insert_are_replaced);
	RUN(a_copy_that_fails_its_check_is_rolled_back);
	RUN(a_source_changed_behind_qingdan_is_copied_as_it_is);
	RUN(progress_comes_per_thousand_rows_and_per_table);
	RUN(a_new_file_appears_only_whole);
	RUN(through_the_backend_and_back);
	RUN(a_target_in_a_message_shows_no_password);
	return TT_END();
}
