/* t_plan_pg.c — the plan checks of t_plan.c and t_print_plan.c on
 * PostgreSQL (issue 10 item 7: same queries, same plans checked).
 *
 * Under `make test-pg` (QD_TEST_PG, tests/tt.h) a database gets qingdan's
 * PostgreSQL schema and a fixture of three years (40 orgs, 3,000 people,
 * 30,000 items, 300 leads, notes, pledges, meetings), planned before and
 * after ANALYZE.  Each statement is PREPAREd as the driver sends it ($N
 * parameters, types left to the server) and planned with EXPLAIN EXECUTE
 * with the fixture's values (a person who owns items and leads ~100, an
 * org, the year, dates, a search pattern), under
 *   plan_cache_mode = force_custom_plan    the plan of a one-shot command,
 *                                          and the one PostgreSQL keeps
 *                                          unless a generic plan costs no
 *                                          more (a generic plan cannot see
 *                                          a LIKE pattern: the search's
 *                                          trigram index goes unused);
 *   enable_seqscan = off                   so the question is "can an index
 *                                          serve it", not "is a fixture of
 *                                          this size worth an index": on a
 *                                          few thousand rows PostgreSQL
 *                                          rightly reads the table, on L it
 *                                          must not.
 * With seqscan off a Seq Scan still appears when no index applies, and the
 * planner may instead walk a whole index; so a scan of item or note (and
 * of pledge, for print) fails unless it is an index scan whose Index Cond
 * bounds the index's first column ("(deleted_at IS NULL)" on
 * item_stats(list_id, …) walks it all).  As in t_plan.c, a person's or an
 * owner's query must reach items through the owner or lead index, not the
 * year's lists (item_list, item_stats) — after ANALYZE; before it
 * PostgreSQL guesses one list a year and 204 of the 558 do (counted, not
 * failed: see hot_queries_use_indexes_without_statistics).  A print for
 * one person may look items up only by owner, lead or id, notes by item,
 * pledges by signer, issuer or id (t_print_plan.c's rule).
 *
 * The statements: every PostgreSQL text of store_hot_queries(), and every
 * statement a print runs (person, org, all), caught by a driver wrapper
 * that records each text the store prepares.  On SQLite the program runs
 * no test and says so; t_plan.c and t_print_plan.c check those plans. */
#include <libpq-fe.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../src/store/db_impl.h"
#include "../src/store/pg.h"
#include "qingdan/date.h"
#include "qingdan/db.h"
#include "qingdan/io.h"
#include "qingdan/model.h"
#include "qingdan/msg.h"
#include "qingdan/outfile.h"
#include "qingdan/store.h"
#include "tt.h"

static struct qd q;
static PGconn *pg;
static struct strbuf err;
/* the values planned with: a person who owns items and leads more; an org */
static long long person, org;

static void must(const char *sql)
{
	PGresult *r = PQexec(pg, sql);
	if (PQresultStatus(r) != PGRES_COMMAND_OK && PQresultStatus(r) != PGRES_TUPLES_OK) {
		fprintf(stderr, "  fixture: %s    %s\n", PQresultErrorMessage(r), sql);
		abort();
	}
	PQclear(r);
}

/* t_plan.c's office in PostgreSQL's SQL, five times the people and items
 * so that a person's share is L's (an owner has ~10 items, one of 300
 * leads ~100, of 30,000): 40 orgs, 3,000 people, 3 years of 10,000 items,
 * notes on a third, pledges, 300 meetings with everyone of the org
 * recorded at each.  Autovacuum is off for these tables, so statistics
 * exist only once a test runs ANALYZE. */
static char template_db[64];

static char *uri_of(const char *dbname)
{
	return xasprintf("postgresql:///%s?host=%s", dbname, tt_pg_sock());
}

static void connect_to(const char *uri)
{
	pg = PQconnectdb(uri);
	if (PQstatus(pg) != CONNECTION_OK) {
		fprintf(stderr, "  %s: %s", uri, PQerrorMessage(pg));
		abort();
	}
}

/* Made once, before the tests (out of their alarm), as a template each
 * test copies (CREATE DATABASE … TEMPLATE: a file copy, no migration and
 * no insert again).  The rows go in with the foreign-key triggers off
 * (session_replication_role) and item's secondary indexes built after
 * them, as a bulk load does. */
static void make_template(void)
{
	snprintf(template_db, sizeof template_db, "qdt_plan_template_%ld", (long)getpid());
	char sql[160];
	snprintf(sql, sizeof sql, "CREATE DATABASE \"%s\";\n", template_db);
	if (tt_psql(sql) != 0)
		abort();
	char *uri = uri_of(template_db);
	memset(&q, 0, sizeof q);
	q.year = 2026;
	if (qd_open(&q, uri, DB_CREATE, &err) != QD_OK || qd_ensure_defaults(&q, &err) != QD_OK) {
		fprintf(stderr, "  %s: %s\n", uri, err.s ? err.s : "cannot open");
		abort();
	}
	qd_close(&q);
	connect_to(uri);
	free(uri);
	must("SET session_replication_role = replica");
	must("CREATE TEMP TABLE item_index AS SELECT pg_get_indexdef(indexrelid) AS def, "
	     "indexrelid::regclass::text AS name FROM pg_index "
	     "WHERE indrelid = 'item'::regclass AND NOT indisprimary AND NOT indisunique");
	must("DO $$ DECLARE n text; BEGIN FOR n IN SELECT name FROM item_index LOOP "
	     "EXECUTE 'DROP INDEX ' || n; END LOOP; END $$");
	must("INSERT INTO org(name, level, parent_id, sort) "
	     "SELECT 'org' || k, 'branch', 2, k FROM generate_series(1, 40) k");
	/* sort keys as collate.h writes them (hex, one a name) */
	must("INSERT INTO person(name, post, org_id, sort_key) "
	     "SELECT 'p' || k, '', (SELECT min(id) FROM org WHERE name = 'org1') + k % 40, "
	     "md5('p' || k) FROM generate_series(1, 3000) k");
	must("INSERT INTO list(org_id, year) SELECT o.id, y FROM generate_series(2024, 2026) y, org o "
	     "WHERE o.name LIKE 'org%' ORDER BY y, o.id");
	must("INSERT INTO item(list_id, seq, category, content, due, owner_id, lead_id, status, "
	     "  done_on, created_at, updated_at) "
	     "SELECT (SELECT min(id) FROM list) + (k - 1) * 120 / 30000, k, 'cat' || (k % 6), "
	     "  'content of item ' || k || ' 落实工作台账', "
	     "  to_char(date '2024-01-01' + ((k - 1) / 10000) * interval '1 year' + (k % 365) * interval '1 day', "
	     "          'YYYY-MM-DD'), "
	     "  (SELECT min(id) FROM person WHERE name = 'p1') + (k * 7) % 3000, "
	     "  (SELECT min(id) FROM person WHERE name = 'p1') + k % 300, "
	     "  CASE k % 5 WHEN 0 THEN 'done' WHEN 1 THEN 'planned' WHEN 2 THEN 'in_progress' "
	     "  WHEN 3 THEN 'submitted' ELSE 'cancelled' END, "
	     "  '2024-06-01', '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z' FROM generate_series(1, 30000) k");
	must("INSERT INTO note(item_id, on_date, text, created_at) "
	     "SELECT id, '2026-01-01', 'note', '2026-01-01T00:00:00Z' FROM item WHERE id % 3 = 0");
	must("INSERT INTO pledge(year, title, issuer_id, signer_id, status, created_at, updated_at) "
	     "SELECT 2024 + id % 3, 't', 1, id, 'signed', '2026-01-01', '2026-01-01' FROM person "
	     "WHERE id % 4 = 0");
	must("INSERT INTO member(person_id, party, committee) SELECT id, "
	     "CASE WHEN id % 10 = 0 THEN 'none' ELSE 'full' END, "
	     "CASE WHEN id % 15 = 0 THEN 'secretary' ELSE '' END FROM person");
	must("INSERT INTO meeting(org_id, type, on_date, hours, created_at, updated_at) "
	     "SELECT (SELECT min(id) FROM org WHERE name = 'org1') + k % 40, "
	     "  CASE k % 4 WHEN 0 THEN 'committee' WHEN 1 THEN 'members' WHEN 2 THEN 'theme-day' "
	     "  ELSE 'training' END, "
	     "  to_char(date '2024-01-01' + (k * 1095 / 300) * interval '1 day', 'YYYY-MM-DD'), 2, "
	     "  '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z' FROM generate_series(1, 300) k");
	must("INSERT INTO attendance(meeting_id, person_id, status) SELECT m.id, p.id, "
	     "CASE (m.id + p.id) % 3 WHEN 0 THEN 'absent' ELSE 'present' END "
	     "FROM meeting m JOIN person p ON p.org_id = m.org_id");
	/* no ANALYZE behind the test's back (the first test plans without) */
	static const char *const tables[] = {"org", "person", "list", "item", "note", "pledge",
					     "member", "meeting", "attendance"};
	for (size_t i = 0; i < ARRAY_SIZE(tables); i++) {
		char alter[96];
		snprintf(alter, sizeof alter, "ALTER TABLE %s SET (autovacuum_enabled = off)", tables[i]);
		must(alter);
	}
	must("DO $$ DECLARE d text; BEGIN FOR d IN SELECT def FROM item_index LOOP "
	     "EXECUTE d; END LOOP; END $$");
	PQfinish(pg);
	pg = NULL;
}

/* This test's copy of the template, opened (q) and connected (pg). */
static void fixture(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	msg_set_english(0);
	date_set_today(date_from_ymd(2026, 6, 30));
	/* tt_db_cleanup drops the test's databases qdt_PID_* when it finds
	 * this mark (tt.h) */
	char name[96], sql[224];
	snprintf(name, sizeof name, "%s/qdt_%ld_0_pg", tt_tmpdir(), (long)getpid());
	FILE *mark = fopen(name, "w");
	if (mark)
		fclose(mark);
	snprintf(name, sizeof name, "qdt_%ld_1_plan", (long)getpid());
	snprintf(sql, sizeof sql, "CREATE DATABASE \"%s\" TEMPLATE \"%s\";\n", name, template_db);
	if (tt_psql(sql) != 0)
		abort();
	char *uri = uri_of(name);
	memset(&q, 0, sizeof q);
	q.year = 2026;
	if (qd_open(&q, uri, 0, &err) != QD_OK) {
		fprintf(stderr, "  %s: %s\n", uri, err.s ? err.s : "cannot open");
		abort();
	}
	connect_to(uri);
	free(uri);
	must("SET plan_cache_mode = force_custom_plan");
	must("SET enable_seqscan = off");
	person = tt_num(q.db, "SELECT id FROM person WHERE name = 'p7'");
	org = tt_num(q.db, "SELECT min(id) FROM org WHERE name = 'org1'");
}

static void teardown(void)
{
	PQfinish(pg);
	pg = NULL;
	qd_close(&q);
	sb_free(&err);
}

/* ---- planning one statement and reading its plan ---- */

/* Which tables a scan must not walk, and for a person's query which
 * indexes it may use on each (NULL: any that has an Index Cond). */
struct rule {
	const char *table;
	const char *const *only;     /* per person: the allowed indexes */
	const char *const *never;    /* per person: indexes that walk lists */
};

static const char *const item_by_person[] = {"item_owner", "item_lead", "item_pkey", NULL};
static const char *const note_by_item[] = {"note_item", "note_pkey", NULL};
static const char *const pledge_by_person[] = {"pledge_signer", "pledge_issuer", "pledge_pkey", NULL};
static const char *const item_by_list[] = {"item_list", "item_stats", NULL};

enum strictness { ANY_INDEX, NOT_BY_LIST, BY_PERSON };

struct plan_walk {
	int queries, bad, quiet;
	const char *state;
	int lists_counted;   /* a person's query by the year's lists: counted in by_list, not bad */
	int by_list;
};

static int in_list(const char *name, const char *const *names)
{
	for (int i = 0; names && names[i]; i++)
		if (strcmp(name, names[i]) == 0)
			return 1;
	return 0;
}

/* The table an index belongs to and the column it is ordered by first
 * ("" for an expression, as the trigram index): from the catalogue. */
static void index_info(const char *index, char *table, char *first, size_t size)
{
	static struct {
		char index[64], table[64], first[64];
	} cache[128];
	static int ncache;
	for (int i = 0; i < ncache; i++)
		if (strcmp(cache[i].index, index) == 0) {
			snprintf(table, size, "%s", cache[i].table);
			snprintf(first, size, "%s", cache[i].first);
			return;
		}
	const char *v[1] = {index};
	PGresult *r = PQexecParams(pg, "SELECT t.relname, coalesce(a.attname, '') FROM pg_class c "
				       "JOIN pg_index x ON x.indexrelid = c.oid JOIN pg_class t ON t.oid = x.indrelid "
				       "LEFT JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = x.indkey[0] "
				       "WHERE c.relname = $1 AND pg_table_is_visible(c.oid)",
				   1, NULL, v, NULL, NULL, 0);
	int ok = PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) > 0;
	snprintf(table, size, "%s", ok ? PQgetvalue(r, 0, 0) : "");
	snprintf(first, size, "%s", ok ? PQgetvalue(r, 0, 1) : "");
	PQclear(r);
	if (ok && ncache < (int)ARRAY_SIZE(cache)) {
		snprintf(cache[ncache].index, sizeof cache[0].index, "%s", index);
		snprintf(cache[ncache].table, sizeof cache[0].table, "%s", table);
		snprintf(cache[ncache].first, sizeof cache[0].first, "%s", first);
		ncache++;
	}
}

/* Copy the word at p (an identifier, maybe "quoted", maybe schema.name:
 * the last part) into out. */
static void word_at(const char *p, char *out, size_t size)
{
	size_t n = 0;
	for (;;) {
		if (*p == '"') {
			const char *e = strchr(p + 1, '"');
			if (!e)
				break;
			n = (size_t)(e - p - 1) < size - 1 ? (size_t)(e - p - 1) : size - 1;
			memcpy(out, p + 1, n);
			p = e + 1;
		} else {
			n = strspn(p, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_");
			n = n < size - 1 ? n : size - 1;
			memcpy(out, p, n);
			p += n;
		}
		if (*p != '.')
			break;
		p++;
	}
	out[n] = '\0';
}

/* One scan node of the plan text: its kind, table and index. */
struct scan {
	int seq;
	char table[64], index[64], first[64];
};

/* Parse the node on line s (a "->" line or the top one); 0 if not a scan
 * of a table. */
static int parse_scan(const char *s, struct scan *n)
{
	memset(n, 0, sizeof *n);
	const char *arrow = strstr(s, "->  ");
	const char *p = arrow ? arrow + 4 : s + strspn(s, " ");
	const char *u;
	if (strncmp(p, "Seq Scan on ", 12) == 0 || strncmp(p, "Parallel Seq Scan on ", 21) == 0) {
		n->seq = 1;
		word_at(strstr(p, " on ") + 4, n->table, sizeof n->table);
		return 1;
	}
	if (strncmp(p, "Bitmap Index Scan on ", 21) == 0) {
		word_at(p + 21, n->index, sizeof n->index);
		index_info(n->index, n->table, n->first, sizeof n->table);
		return 1;
	}
	if ((strncmp(p, "Index Scan", 10) == 0 || strncmp(p, "Index Only Scan", 15) == 0 ||
	     strncmp(p, "Parallel Index", 14) == 0) &&
	    (u = strstr(p, " using ")) != NULL) {
		word_at(u + 7, n->index, sizeof n->index);
		index_info(n->index, n->table, n->first, sizeof n->table);
		return 1;
	}
	return 0;
}

/* Whether the node of plan line i is bounded by its index: an Index Cond
 * among its details (the lines below it, up to the next node or a
 * shallower line) on the index's first column — PostgreSQL prints the
 * indexed column first, "(owner_id = 7)" — or any Index Cond for an
 * expression index.  "(deleted_at IS NULL)" on item_stats(list_id, …) is
 * a walk of the whole index. */
static int bounded(char **lines, int nlines, int i, const char *first)
{
	size_t depth = strspn(lines[i], " ");
	char pat[80];
	snprintf(pat, sizeof pat, "(%s ", first);
	for (int k = i + 1; k < nlines; k++) {
		size_t d = strspn(lines[k], " ");
		if (d <= depth || strstr(lines[k], "->  "))
			return 0;
		if (strncmp(lines[k] + d, "Index Cond:", 11) == 0)
			return !*first || strstr(lines[k], pat) != NULL;
	}
	return 0;
}

/* The value a parameter is planned with, by its name and type: the
 * fixture's year, person and org, dates of the year, a search pattern
 * that a few hundred items match. */
static void param_value(const char *name, Oid type, struct strbuf *out)
{
	static const struct {
		const char *name, *value;
	} texts[] = {
		{":today", "2026-06-30"}, {":soon", "2026-07-14"}, {":from", "2026-01-01"},
		{":to", "2026-12-31"}, {":q", "%item 12%"}, {":status", "done"},
		{":category", "cat1"}, {":type", "members"}, {":entity", "item"},
		{":s", "8"},   /* the people view's sort key: mid-way through md5 hex */
	};
	name = name ? name : "";
	if (type == 20 || type == 21 || type == 23 || type == 1700) {   /* int8 int2 int4 numeric */
		long long v = strcmp(name, ":year") == 0 ? 2026 : strcmp(name, ":n") == 0 ? 50
			    : strcmp(name, ":lo") == 0 ? 1 : strcmp(name, ":hi") == 0 ? 1000000000
			    : strcmp(name, ":org") == 0 ? org : person;
		sb_printf(out, "'%lld'", v);
		return;
	}
	if (type == 16) {
		sb_puts(out, "'true'");
		return;
	}
	if (type == 700 || type == 701) {
		sb_puts(out, "'1'");
		return;
	}
	for (size_t i = 0; i < ARRAY_SIZE(texts); i++)
		if (strcmp(name, texts[i].name) == 0) {
			sb_printf(out, "'%s'", texts[i].value);
			return;
		}
	sb_puts(out, "'2026-06-30'");
}

/* "EXPLAIN EXECUTE stmt(v1, v2, …)" with a value of each parameter's type. */
static void explain_call(const char *stmt, const struct pg_sql *ps, struct strbuf *call)
{
	PGresult *r = PQdescribePrepared(pg, stmt);
	sb_printf(call, "EXPLAIN EXECUTE %s", stmt);
	for (int i = 0; i < ps->nparams; i++) {
		sb_puts(call, i ? ", " : "(");
		param_value(ps->names[i], PQparamtype(r, i), call);
	}
	if (ps->nparams)
		sb_puts(call, ")");
	PQclear(r);
}

/* PREPARE sql (SQLite-style parameters), EXPLAIN EXECUTE its generic plan,
 * check every scan of the watched tables; 1 if it fails. */
static int plan_one(struct plan_walk *w, const char *name, const char *sql,
		    const struct rule *rules, size_t nrules, enum strictness how)
{
	struct pg_sql ps;
	struct strbuf e = {0}, plan = {0}, call = {0};
	int bad = 0;
	w->queries++;
	if (pg_sql_rewrite(sql, &ps, &e) != 0) {
		fprintf(stderr, "  %s: cannot rewrite: %s\n", name, e.s);
		sb_free(&e);
		w->bad++;
		return 1;
	}
	PGresult *r = PQprepare(pg, "qd_plan", ps.text, ps.nparams, NULL);
	if (PQresultStatus(r) != PGRES_COMMAND_OK) {
		fprintf(stderr, "  %s: does not prepare: %s    %s\n", name, PQresultErrorMessage(r), ps.text);
		PQclear(r);
		pg_sql_free(&ps);
		w->bad++;
		return 1;
	}
	PQclear(r);
	explain_call("qd_plan", &ps, &call);
	r = PQexec(pg, call.s);
	if (PQresultStatus(r) != PGRES_TUPLES_OK) {
		fprintf(stderr, "  %s: EXPLAIN fails: %s    %s\n", name, PQresultErrorMessage(r), ps.text);
		bad = 1;
	}
	int nlines = PQresultStatus(r) == PGRES_TUPLES_OK ? PQntuples(r) : 0;
	char **lines = xcalloc((size_t)nlines + 1, sizeof *lines);
	for (int i = 0; i < nlines; i++) {
		lines[i] = PQgetvalue(r, i, 0);
		sb_printf(&plan, "    %s\n", lines[i]);
	}
	int by_list = 0;
	for (int i = 0; i < nlines; i++) {
		struct scan n;
		if (!parse_scan(lines[i], &n))
			continue;
		const struct rule *rule = NULL;
		for (size_t k = 0; k < nrules; k++)
			if (strcmp(rules[k].table, n.table) == 0)
				rule = &rules[k];
		if (!rule)
			continue;
		if (n.seq || !bounded(lines, nlines, i, n.first))
			bad = 1;
		else if (how == NOT_BY_LIST && in_list(n.index, rule->never))
			by_list = 1;
		else if (how == BY_PERSON && rule->only && !in_list(n.index, rule->only))
			bad = 1;
	}
	w->by_list += by_list;
	if (by_list && !w->lists_counted)
		bad = 1;
	if (bad && !w->quiet)
		fprintf(stderr, "  [%s] %s walks a table or a list:\n%s    %s\n", w->state, name, plan.s, ps.text);
	if (getenv("PLAN_SHOW"))
		fprintf(stderr, "[%s] %s\n%s", w->state, name, plan.s);
	free(lines);
	PQclear(r);
	PQclear(PQexec(pg, "DEALLOCATE qd_plan"));
	pg_sql_free(&ps);
	sb_free(&call);
	sb_free(&plan);
	sb_free(&e);
	w->bad += bad;
	return bad;
}

/* ---- the hot queries (t_plan.c's list) ---- */

static const struct rule hot_rules[] = {
	{"item", NULL, item_by_list},
	{"note", NULL, NULL},
};

static void hot_one(void *ctx, const char *name, const char *sql)
{
	int by_person = strstr(name, "list by person") || strstr(name, "list by owner") ||
			strstr(name, "checklist") || strstr(name, "person counts") ||
			strstr(name, "owner or lead");
	plan_one(ctx, name, sql, hot_rules, ARRAY_SIZE(hot_rules), by_person ? NOT_BY_LIST : ANY_INDEX);
}

static void check_hot(const char *state, int lists_counted)
{
	struct plan_walk w = {0, 0, 0, state, lists_counted, 0};
	store_hot_queries(DB_PG, hot_one, &w);
	printf("  %s: %d hot queries planned, %d fail, %d of a person reach items by the year's lists\n",
	       state, w.queries, w.bad, w.by_list);
	CHECK(w.queries > 300);
	CHECK_INT(w.bad, 0);
}

/* Before any ANALYZE of the rows (the schema's migration analysed empty
 * tables) PostgreSQL guesses one list a year, and a person's checklist
 * is then planned from the year's lists — the walk t_plan.c forbids on
 * SQLite.  A server database is never in that state for long:
 * autovacuum analyses a table once a tenth of it changed, and import and
 * db copy run ANALYZE (store_analyze).  So here only a walk of a whole
 * table fails; the list shape is counted and printed. */
TEST(hot_queries_use_indexes_without_statistics)
{
	fixture();
	check_hot("no statistics", 1);
	teardown();
}

TEST(hot_queries_use_indexes_after_analyze)
{
	fixture();
	must("ANALYZE");
	check_hot("analyzed", 0);
	teardown();
}

/* ---- the people view: name order on person_org_sort (migration 9) ---- */

struct people_plans {
	int queries, on_index, ordered;
};

/* Each "tui people" statement without a search seeks person_org_sort (an
 * Index Cond on it, no walk of person); those of the people with an org
 * read it in the view's order (no Sort; for the few without an org
 * PostgreSQL may fetch the range by a bitmap and sort those few).  With a
 * search (a substring: no index finds it) the range is still an index's,
 * which one is the planner's (person_org when it expects few matches):
 * never a walk of person. */
static void people_one(void *ctx, const char *name, const char *sql)
{
	struct people_plans *pp = ctx;
	if (strncmp(name, "tui people ", 11) != 0)
		return;
	pp->queries++;
	struct pg_sql ps;
	struct strbuf e = {0}, call = {0}, plan = {0};
	if (pg_sql_rewrite(sql, &ps, &e) != 0) {
		fprintf(stderr, "  %s: cannot rewrite: %s\n", name, e.s);
		sb_free(&e);
		return;
	}
	PQclear(PQprepare(pg, "qd_people", ps.text, ps.nparams, NULL));
	explain_call("qd_people", &ps, &call);
	PGresult *r = PQexec(pg, call.s);
	int index = 0, cond = 0, sorts = 0, walks = 0;
	int ordered = strstr(name, "with_org=1 search=0") != NULL;
	for (int i = 0; PQresultStatus(r) == PGRES_TUPLES_OK && i < PQntuples(r); i++) {
		const char *line = PQgetvalue(r, i, 0);
		sb_printf(&plan, "    %s\n", line);
		index |= (strstr(line, "Index Scan") && strstr(line, " using person_org_sort on ")) ||
			 strstr(line, "Bitmap Index Scan on person_org_sort ");
		cond |= index && strstr(line, "Index Cond:") != NULL;
		sorts |= strstr(line, "Sort  (") != NULL;
		walks |= strstr(line, "Seq Scan on person") != NULL;
	}
	int searching = strstr(name, "search=1") != NULL;
	if (!walks && (searching || (index && cond && !(ordered && sorts)))) {
		pp->on_index++;
		pp->ordered += ordered;
	}
	else
		fprintf(stderr, "  %s does not page on person_org_sort:\n%s    %s\n", name, plan.s, ps.text);
	if (getenv("PLAN_SHOW"))
		fprintf(stderr, "%s\n%s", name, plan.s);
	PQclear(r);
	PQclear(PQexec(pg, "DEALLOCATE qd_people"));
	pg_sql_free(&ps);
	sb_free(&call);
	sb_free(&plan);
	sb_free(&e);
}

TEST(people_view_pages_on_person_org_sort)
{
	fixture();
	for (int analyzed = 0; analyzed < 2; analyzed++) {
		if (analyzed)
			must("ANALYZE");
		struct people_plans pp = {0, 0, 0};
		store_hot_queries(DB_PG, people_one, &pp);
		CHECK_INT(pp.queries, 16);
		CHECK_INT(pp.on_index, 16);
		CHECK_INT(pp.ordered, 4);
	}
	teardown();
}

/* ---- print: every statement it prepares, through a recording driver ---- */

static const struct sql_driver *real_drv;
static struct sql_driver wrap_drv;
static char *seen[256];
static int nseen;

static int wrap_prepare(struct db *db, const char *sql, int persistent, struct sql_stmt **out)
{
	int known = 0;
	for (int i = 0; i < nseen && !known; i++)
		known = strcmp(seen[i], sql) == 0;
	if (!known && nseen < (int)ARRAY_SIZE(seen))
		seen[nseen++] = xstrdup(sql);
	return real_drv->prepare(db, sql, persistent, out);
}

static void record_on(void)
{
	real_drv = q.db->drv;
	wrap_drv = *real_drv;
	wrap_drv.prepare = wrap_prepare;
	q.db->drv = &wrap_drv;
}

static void record_off(void)
{
	q.db->drv = real_drv;
	for (int i = 0; i < nseen; i++)
		free(seen[i]);
	nseen = 0;
}

/* Whether sql reads table after FROM or JOIN. */
static int reads(const char *sql, const char *table)
{
	size_t n = strlen(table);
	for (const char *p = sql; (p = strstr(p, table)) != NULL; p += n) {
		const char *b = p;
		while (b > sql && b[-1] == ' ')
			b--;
		if (b - sql >= 4 && (strncmp(b - 4, "FROM", 4) == 0 || strncmp(b - 4, "JOIN", 4) == 0) &&
		    b < p && (p[n] == ' ' || p[n] == '\0' || p[n] == '\n' || p[n] == ')'))
			return 1;
	}
	return 0;
}

static const struct rule print_rules[] = {
	{"item", item_by_person, NULL},
	{"note", note_by_item, NULL},
	{"pledge", pledge_by_person, NULL},
};

/* Plan each recorded read of item, note or pledge; the number on item. */
static int check_recorded(const char *state, enum strictness how)
{
	struct plan_walk w = {0, 0, 0, state, 0, 0};
	int touching = 0;
	for (int i = 0; i < nseen; i++) {
		if (!(reads(seen[i], "item") || reads(seen[i], "note") || reads(seen[i], "pledge")))
			continue;
		if (!pg_sql_is_read(seen[i]))
			continue;
		touching += reads(seen[i], "item");
		plan_one(&w, state, seen[i], print_rules, ARRAY_SIZE(print_rules), how);
	}
	printf("  %s: %d statements planned, %d walk a table\n", state, w.queries, w.bad);
	CHECK_INT(w.bad, 0);
	return touching;
}

TEST(print_queries_use_the_person_indexes)
{
	fixture();
	must("ANALYZE");
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	struct print_request one = {.scope = PRINT_PERSON, .id = person, .to = {.text = 1, .width = 200, .out = f}};
	struct print_result res;
	record_on();
	CHECK_INT(print_checklist(&q, &one, &res, &err), QD_OK);
	print_result_clear(&res);
	fclose(f);
	CHECK(strstr(buf, "content of item") != NULL);
	free(buf);
	CHECK(check_recorded("print --person", BY_PERSON) >= 2);
	record_off();
	/* a new connection: its statements are prepared (and recorded) anew */
	char *uri = xstrdup(db_path(q.db));
	qd_close(&q);
	q.year = 2026;
	CHECK_INT(qd_open(&q, uri, 0, &err), QD_OK);
	free(uri);

	char dir[] = "/tmp/t_plan_pg.XXXXXX", path[64];
	CHECK(mkdtemp(dir) != NULL);
	snprintf(path, sizeof path, "%s/all.txt", dir);
	/* everyone of a tenth of the people: the same statements, a tenth of the time */
	must("UPDATE person SET active = 0 WHERE id % 10 <> 0");
	struct print_request all = {.scope = PRINT_ALL, .to = {.text = 1, .path = path}};
	struct print_request in_org = {.scope = PRINT_ORG, .id = org, .to = {.text = 1, .path = path, .path_flags = OUTFILE_FORCE}};
	record_on();
	CHECK_INT(print_checklist(&q, &all, &res, &err), QD_OK);
	CHECK(res.people >= 300);
	print_result_clear(&res);
	CHECK_INT(print_checklist(&q, &in_org, &res, &err), QD_OK);
	print_result_clear(&res);
	CHECK(check_recorded("print --all, --org", ANY_INDEX) >= 2);
	record_off();
	unlink(path);
	rmdir(dir);
	teardown();
}

/* The checker itself: a Seq Scan of item and of note, a whole-index walk
 * (seqscan off, no usable index), and an owner's query that reaches the
 * items by the year's lists, are each caught; an owner's lookup passes. */
TEST(checker_catches_walks_and_the_list_shape)
{
	fixture();
	must("ANALYZE");
	struct plan_walk w = {0, 0, 1, "self-test", 0, 0};
	must("SET enable_seqscan = on");
	CHECK_INT(plan_one(&w, "seq scan", "SELECT count(*) FROM item WHERE length(content) > 3",
			   hot_rules, ARRAY_SIZE(hot_rules), ANY_INDEX), 1);
	CHECK_INT(plan_one(&w, "note scan", "SELECT * FROM note n WHERE n.text <> 'x'",
			   hot_rules, ARRAY_SIZE(hot_rules), ANY_INDEX), 1);
	must("SET enable_seqscan = off");
	CHECK_INT(plan_one(&w, "index walk", "SELECT id FROM item WHERE length(content) > 3 ORDER BY id",
			   hot_rules, ARRAY_SIZE(hot_rules), ANY_INDEX), 1);
	CHECK_INT(plan_one(&w, "item list by owner: by the year's lists",
			   "SELECT i.id FROM item i JOIN list l ON l.id = i.list_id "
			   "WHERE l.year = :year AND i.owner_id + 0 = :person ORDER BY l.org_id, i.seq",
			   hot_rules, ARRAY_SIZE(hot_rules), NOT_BY_LIST), 1);
	CHECK_INT(plan_one(&w, "print: items by list", "SELECT i.id FROM item i WHERE i.list_id = ?1",
			   print_rules, ARRAY_SIZE(print_rules), BY_PERSON), 1);
	CHECK_INT(w.bad, 5);
	CHECK_INT(plan_one(&w, "item list by owner",
			   "SELECT i.id FROM item i JOIN list l ON l.id = i.list_id "
			   "WHERE l.year = :year AND i.owner_id = :person ORDER BY l.org_id, i.seq",
			   hot_rules, ARRAY_SIZE(hot_rules), NOT_BY_LIST), 0);
	teardown();
}

int main(void)
{
	if (!tt_pg()) {
		printf("(QD_TEST_PG not set: no server to plan on; make test-pg runs these, "
		       "t_plan and t_print_plan check SQLite's plans)\n");
		return TT_END();
	}
	make_template();
	RUN(hot_queries_use_indexes_without_statistics);
	RUN(hot_queries_use_indexes_after_analyze);
	RUN(people_view_pages_on_person_org_sort);
	RUN(print_queries_use_the_person_indexes);
	RUN(checker_catches_walks_and_the_list_shape);
	char sql[160];
	snprintf(sql, sizeof sql, "DROP DATABASE \"%s\" WITH (FORCE);\n", template_db);
	if (tt_psql(sql) != 0)
		fprintf(stderr, "  could not drop %s\n", template_db);
	sb_free(&err);
	return TT_END();
}
