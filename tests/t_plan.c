/* t_plan.c — every hot query walks an index (issue 10 item 2).
 *
 * The storage module lists the text of its hot queries (store_hot_queries:
 * listings by owner, lead, person, org, status and category, search,
 * checklists, the people and stats views, the TUI's pages), built by the
 * same code that prepares them.  Each is planned with EXPLAIN QUERY PLAN on
 * a fixture of several years, orgs and people — once with no statistics
 * (a new file) and once after ANALYZE — and must not SCAN item or note:
 * a SCAN is allowed only of the small tables and the temporary results
 * named in allowed_scan.  A person's or an owner's query must moreover
 * reach the items through the owner and lead indexes, not through the
 * year's lists: `(owner = ? OR lead = ?) AND year = ?` plans as a SEARCH
 * of item by list_id that walks every item of the year.  And a person's
 * label among people of the same name looks the others up by name and
 * post or by org and name, never by name alone. */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qingdan/date.h"
#include "qingdan/db.h"
#include "qingdan/model.h"
#include "qingdan/store.h"
#include "qingdan/store_page.h"
#include "tt.h"
#include "../src/store/store_impl.h"

static struct qd q;

/* EXPLAIN QUERY PLAN and its SCAN/SEARCH lines are SQLite's; PostgreSQL's
 * plans (EXPLAIN) are checked elsewhere, once its indexes are settled. */
#define PLANS_ARE_SQLITES "SQLite's EXPLAIN QUERY PLAN"

/* Several years of a mid-size office, by SQL (audit rows do not matter to
 * the planner): 40 orgs, 600 people, 3 years of 2,000 items, a few leads
 * with many items, notes and pledges. */
static void fixture(void)
{
	struct strbuf err = {0};
	memset(&q, 0, sizeof q);
	q.year = 2026;
	date_set_today(date_from_ymd(2026, 6, 30));
	if (qd_open(&q, ":memory:", DB_CREATE, &err) != QD_OK || qd_ensure_defaults(&q, &err) != QD_OK)
		abort();
	const char *sql =
		"INSERT INTO org(name, level, parent_id, sort) "
		"  WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < 40) "
		"  SELECT 'org' || k, 'branch', 2, k FROM n;"
		"INSERT INTO person(name, post, org_id) "
		"  WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < 600) "
		"  SELECT 'p' || k, '', (SELECT min(id) FROM org WHERE name = 'org1') + k % 40 FROM n;"
		"INSERT INTO list(org_id, year) SELECT o.id, y.y FROM "
		"  (SELECT 2024 AS y UNION ALL SELECT 2025 UNION ALL SELECT 2026) y, org o "
		"  WHERE o.name LIKE 'org%' ORDER BY y.y, o.id;"
		"INSERT INTO item(list_id, seq, category, content, due, owner_id, lead_id, status, "
		"  done_on, created_at, updated_at) "
		"  WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < 6000) "
		"  SELECT (SELECT min(id) FROM list) + (k - 1) * 120 / 6000, "
		"  k, 'cat' || (k % 6), 'content of item ' || k || ' 落实工作台账', "
		"  date('2024-01-01', '+' || ((k - 1) / 2000) || ' years', '+' || (k % 365) || ' days'), "
		"  (SELECT min(id) FROM person WHERE name = 'p1') + (k * 7) % 600, "
		"  (SELECT min(id) FROM person WHERE name = 'p1') + k % 12, "
		"  CASE k % 5 WHEN 0 THEN 'done' WHEN 1 THEN 'planned' WHEN 2 THEN 'in_progress' "
		"  WHEN 3 THEN 'submitted' ELSE 'cancelled' END, "
		"  date('2024-06-01'), '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z' FROM n;"
		"INSERT INTO item_fts(item_fts) VALUES ('rebuild');"
		"INSERT INTO note(item_id, on_date, text, created_at) "
		"  SELECT id, '2026-01-01', 'note', '2026-01-01T00:00:00Z' FROM item WHERE id % 3 = 0;"
		"INSERT INTO pledge(year, title, issuer_id, signer_id, status, created_at, updated_at) "
		"  SELECT 2024 + id % 3, 't', 1, id, 'signed', '2026-01-01', '2026-01-01' FROM person "
		"  WHERE id % 4 = 0;"
		/* the meeting ledger (issue 11): 2,400 meetings of three years,
		 * everyone of the org recorded at each, Party standing for all */
		"INSERT INTO member(person_id, party, committee) SELECT id, "
		"  CASE WHEN id % 10 = 0 THEN 'none' ELSE 'full' END, "
		"  CASE WHEN id % 15 = 0 THEN 'secretary' ELSE '' END FROM person;"
		"INSERT INTO meeting(org_id, type, on_date, hours, created_at, updated_at) "
		"  WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < 2400) "
		"  SELECT (SELECT min(id) FROM org WHERE name = 'org1') + k % 40, "
		"  CASE k % 4 WHEN 0 THEN 'committee' WHEN 1 THEN 'members' WHEN 2 THEN 'theme-day' "
		"  ELSE 'training' END, date('2024-01-01', '+' || (k * 1095 / 2400) || ' days'), 2, "
		"  '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z' FROM n;"
		"INSERT INTO attendance(meeting_id, person_id, status) SELECT m.id, p.id, "
		"  CASE (m.id + p.id) % 3 WHEN 0 THEN 'absent' ELSE 'present' END "
		"  FROM meeting m JOIN person p ON p.org_id = m.org_id;";
	char *msg = NULL;
	if (sqlite3_exec(db_handle(q.db), sql, NULL, NULL, &msg) != SQLITE_OK) {
		fprintf(stderr, "fixture: %s\n", msg);
		abort();
	}
	sb_free(&err);
}

/* SCAN targets that are fine: small tables (orgs, people, settings; lists:
 * one per org, year and kind), the FTS5 match itself, materialised
 * subqueries of the statement, and the ids of the items a transaction
 * added (temp.fts_dirty). */
static int allowed_scan(const char *detail)
{
	static const char *const ok[] = {
		"SCAN o",  "SCAN org", "SCAN p", "SCAN person", "SCAN k", "SCAN l",
		"SCAN c",  "SCAN g",   "SCAN item_fts VIRTUAL TABLE", "SCAN CONSTANT ROW",
		"SCAN (subquery", "SCAN pick", "SCAN dirty",
	};
	for (size_t i = 0; i < sizeof ok / sizeof *ok; i++) {
		size_t n = strlen(ok[i]);
		if (strncmp(detail, ok[i], n) == 0 && (detail[n] == '\0' || detail[n] == ' ' ||
						       detail[n] == '-' || ok[i][n - 1] == '('))
			return 1;
	}
	return 0;
}

struct walk {
	int queries, bad;
	const char *state;
	int quiet;
};

static void plan_one(void *ctx, const char *name, const char *sql)
{
	struct walk *w = ctx;
	char *eqp = sqlite3_mprintf("EXPLAIN QUERY PLAN %s", sql);
	sqlite3_stmt *st = NULL;
	w->queries++;
	if (sqlite3_prepare_v2(db_handle(q.db), eqp, -1, &st, NULL) != SQLITE_OK) {
		fprintf(stderr, "  %s: does not prepare: %s\n", name, sqlite3_errmsg(db_handle(q.db)));
		w->bad++;
		sqlite3_free(eqp);
		return;
	}
	struct strbuf plan = {0};
	int bad = 0, covering = 0;
	int by_person = strstr(name, "list by person") || strstr(name, "list by owner") ||
			strstr(name, "checklist") || strstr(name, "person counts") ||
			strstr(name, "owner or lead");
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *d = (const char *)sqlite3_column_text(st, 3);
		sb_printf(&plan, "    %s\n", d);
		if (strncmp(d, "SCAN ", 5) == 0 && !allowed_scan(d))
			bad = 1;
		if (by_person && strncmp(d, "SEARCH ", 7) == 0 && strstr(d, " (list_id=?)"))
			bad = 1;
		/* a homonym's label (PERSON_REF) that reads every person of the
		 * name to test their post or org: at 100k people, 22 ms of the
		 * screen's first page (migration 11) */
		if (strstr(d, "USING INDEX person_name (name=?)"))
			bad = 1;
		covering |= strstr(d, "USING COVERING INDEX person_sort") != NULL;
		bad |= strstr(d, "TEMP B-TREE") && strcmp(name, "stats by person: people") == 0;
	}
	/* the actor's lookup runs in every command: never a walk of person,
	 * however few people have a login */
	if (strncmp(name, "person by login", 15) == 0 || strcmp(name, "admins with a login") == 0)
		bad |= strstr(plan.s, "SCAN ") != NULL;
	/* stats by person walks everyone in name order: off the index alone
	 * (migration 11), not a table lookup per person */
	if (strcmp(name, "stats by person: people") == 0 && !covering)
		bad = 1;
	if (bad && !w->quiet)
		fprintf(stderr, "  [%s] %s walks a whole table:\n%s    %s\n", w->state, name, plan.s, sql);
	w->bad += bad;
	if (getenv("PLAN_SHOW"))
		fprintf(stderr, "[%s] %s\n%s", w->state, name, plan.s);
	sb_free(&plan);
	sqlite3_finalize(st);
	sqlite3_free(eqp);
}

static void check_all(const char *state)
{
	struct walk w = {0, 0, state, 0};
	store_hot_queries(DB_SQLITE, plan_one, &w);
	CHECK(w.queries > 300);
	CHECK_INT(w.bad, 0);
}

TEST(hot_queries_use_indexes_without_statistics)
{
	TT_SQLITE_ONLY(PLANS_ARE_SQLITES);
	fixture();
	check_all("no statistics");
	qd_close(&q);
}

TEST(hot_queries_use_indexes_after_analyze)
{
	TT_SQLITE_ONLY(PLANS_ARE_SQLITES);
	fixture();
	CHECK_INT(store_analyze(q.db), QD_OK);
	check_all("analyzed");
	qd_close(&q);
}

/* The people view pages in name order on person_org_sort (migration 9):
 * each of its 16 statements seeks the index and reads it in order (no
 * sort of the people), with and without statistics. */
struct people_plans {
	int queries, on_index;
};

static void people_plan(void *ctx, const char *name, const char *sql)
{
	struct people_plans *pp = ctx;
	if (strncmp(name, "tui people ", 11) != 0)
		return;
	pp->queries++;
	char *eqp = sqlite3_mprintf("EXPLAIN QUERY PLAN %s", sql);
	sqlite3_stmt *st = NULL;
	int index = 0, sorts = 0;
	struct strbuf plan = {0};
	if (sqlite3_prepare_v2(db_handle(q.db), eqp, -1, &st, NULL) == SQLITE_OK)
		while (sqlite3_step(st) == SQLITE_ROW) {
			const char *d = (const char *)sqlite3_column_text(st, 3);
			sb_printf(&plan, "    %s\n", d);
			index |= strncmp(d, "SEARCH p USING INDEX person_org_sort (", 38) == 0;
			sorts |= strstr(d, "TEMP B-TREE") != NULL;
		}
	if (index && !sorts)
		pp->on_index++;
	else
		fprintf(stderr, "  %s does not page on person_org_sort:\n%s", name, plan.s);
	sb_free(&plan);
	sqlite3_finalize(st);
	sqlite3_free(eqp);
}

TEST(people_view_pages_on_person_org_sort)
{
	TT_SQLITE_ONLY(PLANS_ARE_SQLITES);
	fixture();
	for (int analyzed = 0; analyzed < 2; analyzed++) {
		if (analyzed)
			CHECK_INT(store_analyze(q.db), QD_OK);
		struct people_plans pp = {0, 0};
		store_hot_queries(DB_SQLITE, people_plan, &pp);
		CHECK_INT(pp.queries, 16);
		CHECK_INT(pp.on_index, 16);
	}
	qd_close(&q);
}

/* The checker itself: a full scan of item or note, and the old
 * owner-or-lead shape, are each seen.  (With fresh statistics the planner
 * may serve that shape with a per-list MULTI-INDEX OR; a file that was
 * never analysed, as every file before `PRAGMA optimize` on close, walks
 * the year — 1.2 s for one lead at L.) */
TEST(checker_catches_scans_and_the_owner_or_lead_shape)
{
	TT_SQLITE_ONLY(PLANS_ARE_SQLITES);
	fixture();
	struct walk w = {0, 0, "self-test", 1};
	plan_one(&w, "full scan", "SELECT count(*) FROM item WHERE content LIKE '%x%'");
	plan_one(&w, "note scan", "SELECT * FROM note n ORDER BY n.text");
	plan_one(&w, "person: owner or lead",
		 "SELECT i.id FROM item i JOIN list l ON l.id = i.list_id JOIN org o ON o.id = l.org_id "
		 "LEFT JOIN person ow ON ow.id = i.owner_id LEFT JOIN person ld ON ld.id = i.lead_id "
		 "WHERE i.deleted_at IS NULL AND l.year = :year "
		 "AND (i.owner_id = :person OR i.lead_id = :person) ORDER BY o.sort, o.id, l.year, i.seq");
	CHECK_INT(w.bad, 3);
	qd_close(&q);
}

/* The process is one thread, so SQLite runs without its per-call locks
 * (sqlite_single_thread): a connection has no mutex. */
TEST(connections_take_no_mutex)
{
	TT_SQLITE_ONLY("SQLite's threading mode");
	fixture();
	CHECK(sqlite3_db_mutex(db_handle(q.db)) == NULL);
	qd_close(&q);
}

static long long one_int(const char *sql)
{
	sqlite3_stmt *st = NULL;
	long long v = -1;
	if (sqlite3_prepare_v2(db_handle(q.db), sql, -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* The id range that keeps a whole-year search to its year (store_id_range)
 * holds every item of the year, one added to an old year last included;
 * the newest year runs to the file's last id and the oldest from 1 with no
 * walk of the year's items. */
TEST(search_id_range_holds_the_year)
{
	TT_SQLITE_ONLY("the FTS5 id range is SQLite's");
	fixture();
	CHECK(sqlite3_exec(db_handle(q.db),
			   "INSERT INTO item(list_id, seq, content, created_at, updated_at) "
			   "SELECT min(id), 9999, 'late', '2026-06-01', '2026-06-01' FROM list WHERE year = 2025",
			   NULL, NULL, NULL) == SQLITE_OK);
	long long last = one_int("SELECT max(id) FROM item");
	for (int y = 2024; y <= 2026; y++) {
		char lo_sql[200], hi_sql[200];
		snprintf(lo_sql, sizeof lo_sql, "SELECT min(i.id) FROM item i JOIN list l ON l.id = i.list_id "
			 "WHERE l.year = %d", y);
		snprintf(hi_sql, sizeof hi_sql, "SELECT max(i.id) FROM item i JOIN list l ON l.id = i.list_id "
			 "WHERE l.year = %d", y);
		long long lo = 0, hi = 0;
		store_id_range(q.db, y, 0, &lo, &hi);
		CHECK(lo <= one_int(lo_sql));
		CHECK(hi >= one_int(hi_sql));
		if (y == 2024)
			CHECK_INT(lo, 1);
		if (y == 2025)
			CHECK_INT(hi, last);   /* the late item is the year's last */
		if (y == 2026)
			CHECK_INT(hi, last);   /* not the year's own last id */
		if (y > 2024)
			CHECK_INT(lo, one_int(lo_sql));
	}
	qd_close(&q);
}

/* A person's items of the year are found by the year's run of list ids
 * (store_list_range); a list of another year inside that run (an org
 * added later, its lists made out of order) still does not count. */
TEST(person_counts_keep_to_the_year_inside_the_run)
{
	TT_SQLITE_ONLY("the fixture is SQLite's");
	fixture();
	long long p = one_int("SELECT min(id) FROM person WHERE name = 'p5'");
	int before[3], after[3];
	CHECK_INT(store_page_person_counts(q.db, p, 2026, "2026-06-30", &before[0], &before[1],
					   &before[2]), QD_OK);
	/* a new org: its 2026 list, then its 2025 list, then a later 2026 list
	 * of another new org, so 2026's run holds the 2025 list */
	char sql[1024];
	snprintf(sql, sizeof sql,
		 "INSERT INTO org(name, level, parent_id, sort) VALUES ('late1', 'branch', 2, 98), "
		 "('late2', 'branch', 2, 99);"
		 "INSERT INTO list(org_id, year) SELECT id, 2026 FROM org WHERE name = 'late1';"
		 "INSERT INTO list(org_id, year) SELECT id, 2025 FROM org WHERE name = 'late1';"
		 "INSERT INTO list(org_id, year) SELECT id, 2026 FROM org WHERE name = 'late2';"
		 "INSERT INTO item(list_id, seq, content, owner_id, lead_id, status, due, created_at, "
		 "updated_at) SELECT l.id, 1, 'x', %lld, %lld, 'done', '2026-01-01', '2026-01-01', "
		 "'2026-01-01' FROM list l JOIN org o ON o.id = l.org_id WHERE o.name = 'late1' "
		 "AND l.year = 2025;", p, p);
	CHECK(sqlite3_exec(db_handle(q.db), sql, NULL, NULL, NULL) == SQLITE_OK);
	long long l0, l1;
	store_list_range(q.db, 2026, &l0, &l1);
	CHECK(one_int("SELECT l.id FROM list l JOIN org o ON o.id = l.org_id WHERE o.name = 'late1' "
		      "AND l.year = 2025") < l1);
	CHECK_INT(store_page_person_counts(q.db, p, 2026, "2026-06-30", &after[0], &after[1],
					   &after[2]), QD_OK);
	CHECK_INT(after[0], before[0]);
	CHECK_INT(after[1], before[1]);
	CHECK_INT(store_page_person_counts(q.db, p, 2025, "2026-06-30", &after[0], &after[1],
					   &after[2]), QD_OK);
	CHECK(after[0] >= 1);
	qd_close(&q);
}

int main(void)
{
	RUN(hot_queries_use_indexes_without_statistics);
	RUN(hot_queries_use_indexes_after_analyze);
	RUN(people_view_pages_on_person_org_sort);
	RUN(checker_catches_scans_and_the_owner_or_lead_shape);
	RUN(connections_take_no_mutex);
	RUN(search_id_range_holds_the_year);
	RUN(person_counts_keep_to_the_year_inside_the_run);
	return TT_END();
}
