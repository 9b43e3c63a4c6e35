/* t_print_plan.c — the query plans of print (issue 10: print --person was
 * 330 ms on L and 4 s at 1M items a year because `(owner OR lead) AND year`
 * walked every item of the year for every person).
 *
 * Every statement a print runs is caught with sqlite3_trace_v2 and given
 * to EXPLAIN QUERY PLAN, on a fixture of three years, with and without
 * ANALYZE statistics.  No statement may SCAN item, note or pledge; and for
 * a single person every lookup of those tables must be keyed by the person
 * (owner_id, lead_id, signer_id, issuer_id) or by id — a lookup by list_id
 * alone walks whole lists, which is the year walk in another form.  The
 * rows printed are checked too: an item the person owns and leads appears
 * once, one they only lead is marked as led.  The plans are SQLite's: under
 * make test-pg only the rows are checked. */
#include <locale.h>
#include <strings.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "qingdan/date.h"
#include "qingdan/db.h"
#include "qingdan/io.h"
#include "qingdan/model.h"
#include "qingdan/msg.h"
#include "qingdan/store_io.h"
#include "tt.h"

static struct qd q;
static struct strbuf err;

/* The distinct SQL texts run while tracing. */
static char *seen[256];
static int nseen;

static int trace(unsigned type, void *ctx, void *p, void *x)
{
	(void)type;
	(void)ctx;
	(void)p;
	const char *sql = x;
	if (strncmp(sql, "--", 2) == 0)
		return 0;
	for (int i = 0; i < nseen; i++)
		if (strcmp(seen[i], sql) == 0)
			return 0;
	if (nseen < (int)ARRAY_SIZE(seen))
		seen[nseen++] = xstrdup(sql);
	return 0;
}

static void forget(void)
{
	for (int i = 0; i < nseen; i++)
		free(seen[i]);
	nseen = 0;
}

static long long person(const char *name, long long org)
{
	struct person_fields f = PERSON_FIELDS_INIT;
	long long id = 0;
	f.name = name;
	f.org_id = org;
	CHECK_INT(qd_person_add(&q, &f, &id, &err), QD_OK);
	return id;
}

static long long item(long long org, const char *content, long long owner, long long lead)
{
	struct item_fields f = ITEM_FIELDS_INIT;
	long long id = 0;
	f.content = content;
	f.owner_id = owner;
	f.lead_id = lead;
	f.due = "2026-09-30";
	CHECK_INT(qd_item_add(&q, org, &f, &id, &err), QD_OK);
	return id;
}

/* Three years of lists of 党组, 机关党委 and two branches, 30 people, 600
 * items a year; person 1 (张三) owns 10 items of 2026 and leads 5 more. */
static long long fixture(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	date_set_today(date_from_ymd(2026, 6, 30));
	msg_set_english(0);
	memset(&q, 0, sizeof q);
	q.year = 2026;
	if (qd_open(&q, tt_db(NULL), DB_CREATE, &err) != QD_OK || qd_ensure_defaults(&q, &err) != QD_OK)
		abort();
	long long b1, b2;
	CHECK_INT(qd_org_add(&q, "第一党支部", LV_BRANCH, 2, &b1, &err), QD_OK);
	CHECK_INT(qd_org_add(&q, "第二党支部", LV_BRANCH, 2, &b2, &err), QD_OK);
	long long orgs[] = {1, 2, b1, b2};
	long long zh = person("张三", b1), people[30] = {zh};
	for (int k = 1; k < 30; k++) {
		char name[32];
		snprintf(name, sizeof name, "党员%02d", k);
		people[k] = person(name, k % 2 ? b1 : b2);
	}
	CHECK_INT(qd_batch_begin(&q, &err), QD_OK);
	for (int year = 2025; year <= 2027; year++) {
		q.year = year;
		for (int i = 0; i < 600; i++) {
			char text[64];
			snprintf(text, sizeof text, "%d年第%d项", year, i + 1);
			long long owner = people[1 + i % 29], lead = people[1 + (i * 7) % 29];
			if (year == 2026 && i < 10)
				owner = zh;
			if (year == 2026 && i >= 10 && i < 15)
				lead = zh;
			item(orgs[i % 4], text, owner, lead);
		}
	}
	q.year = 2026;
	item(b1, "自己牵头自己负责的事项", zh, zh);
	CHECK_INT(qd_batch_end(&q, QD_OK, &err), QD_OK);
	return zh;
}

/* The alias each of item, note and pledge has in sql (at most 8). */
static int aliases(const char *sql, char names[][16], const char **tables)
{
	static const char *const watched[] = {"item", "note", "pledge"};
	int n = 0;
	for (size_t w = 0; w < ARRAY_SIZE(watched); w++) {
		char pat[2][24];
		snprintf(pat[0], sizeof pat[0], " %s ", watched[w]);
		snprintf(pat[1], sizeof pat[1], " \"%s\" ", watched[w]);
		for (int k = 0; k < 2; k++)
			for (const char *p = sql; (p = strstr(p, pat[k])) && n < 8; p++) {
				/* only after FROM or JOIN */
				const char *before = p;
				while (before > sql && before[-1] == ' ')
					before--;
				if (!(before - sql >= 4 && (strncmp(before - 4, "FROM", 4) == 0 ||
							    strncmp(before - 4, "JOIN", 4) == 0)))
					continue;
				const char *a = p + strlen(pat[k]);
				size_t len = strspn(a, "abcdefghijklmnopqrstuvwxyz_");
				static const char *const keywords[] = {"where", "on", "join", "left", "order", "group"};
				int kw = len == 0;
				for (size_t j = 0; j < ARRAY_SIZE(keywords) && !kw; j++)
					kw = len == strlen(keywords[j]) && strncasecmp(a, keywords[j], len) == 0;
				if (kw || len >= 16)
					snprintf(names[n], 16, "%s", watched[w]);
				else
					snprintf(names[n], 16, "%.*s", (int)len, a);
				tables[n++] = watched[w];
			}
	}
	return n;
}

/* Check the plan of every statement seen; per_person: lookups keyed by the
 * person or by id.  Returns the number of statements that touch item. */
static int check_plans(int per_person)
{
	static const struct {
		const char *table, *keys[4];
	} allowed[] = {
		{"item", {"owner_id=?", "lead_id=?", "rowid=?", NULL}},
		{"note", {"item_id=?", "rowid=?", NULL, NULL}},
		{"pledge", {"signer_id=?", "issuer_id=?", "rowid=?", NULL}},
	};
	int touching = 0;
	for (int i = 0; i < nseen; i++) {
		char names[8][16];
		const char *tables[8];
		int n = aliases(seen[i], names, tables);
		if (!n)
			continue;
		for (int k = 0; k < n; k++)
			touching += strcmp(tables[k], "item") == 0;
		char *eqp = xasprintf("EXPLAIN QUERY PLAN %s", seen[i]);
		sqlite3_stmt *st = NULL;
		CHECK_INT(sqlite3_prepare_v2(db_handle(q.db), eqp, -1, &st, NULL), SQLITE_OK);
		while (st && sqlite3_step(st) == SQLITE_ROW) {
			const char *line = (const char *)sqlite3_column_text(st, 3);
			for (int k = 0; k < n; k++) {
				char scan[160], search[160];
				snprintf(scan, sizeof scan, "SCAN %s", names[k]);
				snprintf(search, sizeof search, "SEARCH %s ", names[k]);
				size_t sl = strlen(scan);
				if (strncmp(line, scan, sl) == 0 && (line[sl] == ' ' || line[sl] == '\0')) {
					fprintf(stderr, "  full scan of %s: %s\n    in: %s\n", tables[k], line, seen[i]);
					tt_fail_flag = 1;
				}
				if (!per_person || strncmp(line, search, strlen(search)) != 0)
					continue;
				int ok = 0;
				for (size_t a = 0; a < ARRAY_SIZE(allowed); a++)
					if (strcmp(allowed[a].table, tables[k]) == 0)
						for (int j = 0; allowed[a].keys[j] && !ok; j++)
							ok = strstr(line, allowed[a].keys[j]) != NULL;
				if (!ok) {
					fprintf(stderr, "  %s not looked up by the person: %s\n    in: %s\n",
						tables[k], line, seen[i]);
					tt_fail_flag = 1;
				}
			}
		}
		sqlite3_finalize(st);
		free(eqp);
	}
	return touching;
}

static char *print_person_text(long long who)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	struct print_request r = {.scope = PRINT_PERSON, .id = who, .to = {.text = 1, .width = 200, .out = f}};
	struct print_result res;
	CHECK_INT(print_checklist(&q, &r, &res, &err), QD_OK);
	print_result_clear(&res);
	fclose(f);
	return buf;
}

static void plans_of_every_scope(void)
{
	long long zh = 1;
	sqlite3_trace_v2(db_handle(q.db), SQLITE_TRACE_STMT, trace, NULL);
	free(print_person_text(zh));
	CHECK(check_plans(1) >= 2);          /* the items and the sections at least */
	forget();
	struct print_request all = {.scope = PRINT_ALL, .to = {.text = 1, .path = "all.txt"}};
	struct print_request org = {.scope = PRINT_ORG, .id = 3, .to = {.text = 1, .path = "org.txt"}};
	struct print_result res;
	CHECK_INT(print_checklist(&q, &all, &res, &err), QD_OK);
	CHECK_INT(res.people, 30);
	print_result_clear(&res);
	CHECK_INT(print_checklist(&q, &org, &res, &err), QD_OK);
	print_result_clear(&res);
	check_plans(0);
	forget();
	sqlite3_trace_v2(db_handle(q.db), 0, NULL, NULL);
	unlink("all.txt");
	unlink("org.txt");
}

TEST(print_queries_use_the_person_indexes)
{
	TT_SQLITE_ONLY("SQLite's EXPLAIN QUERY PLAN");
	fixture();
	plans_of_every_scope();
	qd_close(&q);
}

TEST(print_queries_use_the_person_indexes_after_analyze)
{
	TT_SQLITE_ONLY("SQLite's EXPLAIN QUERY PLAN");
	fixture();
	CHECK_INT(sqlite3_exec(db_handle(q.db), "ANALYZE", NULL, NULL, NULL), SQLITE_OK);
	plans_of_every_scope();
	qd_close(&q);
}

TEST(person_rows_as_owner_and_as_lead)
{
	long long zh = fixture();
	char *t = print_person_text(zh);
	/* owner of 10 + lead of 5 + both of 1; nothing of 2025 or 2027 */
	CHECK_CONTAINS(t, "2026年第1项");
	CHECK_CONTAINS(t, "2026年第10项");
	char *led11 = xasprintf("2026年第11项%s", msg(M_IO_PRINT_LEAD));
	char *led15 = xasprintf("2026年第15项%s", msg(M_IO_PRINT_LEAD));
	CHECK_CONTAINS(t, led11);
	CHECK_CONTAINS(t, led15);
	free(led11);
	free(led15);
	CHECK(strstr(t, "2026年第16项") == NULL);
	CHECK(strstr(t, "2025年") == NULL && strstr(t, "2027年") == NULL);
	const char *both = strstr(t, "自己牵头自己负责的事项");
	CHECK(both != NULL);
	CHECK(both && strstr(both + 1, "自己牵头自己负责的事项") == NULL);    /* once */
	CHECK(both && strncmp(both + strlen("自己牵头自己负责的事项"), msg(M_IO_PRINT_LEAD),
			      strlen(msg(M_IO_PRINT_LEAD))) != 0);       /* owned, not marked as led */
	/* the code covers the person and exactly those 16 items */
	CHECK_INT(tt_num(q.db, TT_SQL("SELECT json_array_length(detail, '$.records') FROM audit "
				      "WHERE action = 'print'",
				      "SELECT json_array_length(detail::json->'records') FROM audit "
				      "WHERE action = 'print'")),
		  17);
	free(t);
	qd_close(&q);
}

/* ---- the 校验码's digests, taken from the rows printed (issue 10) ---- */

struct seen_digest {
	long long id[64];
	char digest[64][65];
	int n;
};

static void keep_digest(void *ctx, const struct io_print_item *it)
{
	struct seen_digest *d = ctx;
	if (d->n < 64) {
		d->id[d->n] = it->id;
		memcpy(d->digest[d->n++], it->digest, 65);
	}
}

/* Each printed item's digest is SHA-256 of store_canon's text of it, byte
 * for byte: on text that needs escaping (quotes, backslash, newline, tab,
 * a control, emoji), NULL columns, a done item, a changed version; and the
 * print entry's detail is what store_json_diff built before. */
TEST(print_digests_are_store_canons)
{
	long long zh = fixture();
	/* odd values straight into 张三's rows: the digests read what is there */
#define ODD_SQL(chr) "UPDATE item SET content = 'say \"hi\" \\ back', measures = 'a'||" chr "(10)||'b'||" \
	chr "(9)||'c', standard = '😀 '||" chr "(1)||' end', due = NULL, category = '' WHERE id = 601"
	CHECK_INT(tt_exec(q.db, TT_SQL(ODD_SQL("char"), ODD_SQL("chr"))), 0);
	CHECK_INT(tt_exec(q.db, "UPDATE item SET status = 'done', done_on = '2026-07-01', version = 7, "
			     "lead_id = NULL, due_text = '每季度' WHERE id = 602"), 0);
	struct seen_digest d = {.n = 0};
	CHECK_INT(store_io_person_items(q.db, 2026, zh, "2026-06-30", "2026-07-14", keep_digest, &d, &err),
		  QD_OK);
	CHECK_INT(d.n, 16);
	const char *entities[65];
	long long ids[65];
	char digests[65][65];
	int odd = 0;
	for (int i = 0; i < d.n; i++) {
		char *canon = store_canon(q.db, "item", d.id[i]);
		char want[65];
		CHECK(canon != NULL);
		store_sha256_hex(canon ? canon : "", canon ? strlen(canon) : 0, want);
		if (strcmp(want, d.digest[i]) != 0)
			fprintf(stderr, "  item #%lld: printed %s, store_canon %s\n    %s\n", d.id[i],
				d.digest[i], want, canon ? canon : "(null)");
		CHECK_STR(d.digest[i], want);
		odd += d.id[i] == 601 || d.id[i] == 602;
		free(canon);
		entities[i] = "item";
		ids[i] = d.id[i];
		memcpy(digests[i], d.digest[i], 65);
	}
	CHECK_INT(odd, 2);
	/* the detail written straight out = the JSON merge it replaced */
	struct strbuf recs = {0};
	sb_puts(&recs, "{\"records\":[");
	for (int i = 0; i < d.n; i++)
		sb_printf(&recs, "%s[\"item\",%lld,\"%s\"]", i ? "," : "", ids[i], digests[i]);
	sb_puts(&recs, "]}");
	char *pair = store_json_pair(q.db, "what", "checklist");
	char *before = store_json_diff(q.db, NULL, recs.s, pair);
	char *now = audit_print_detail(q.db, "checklist", entities, ids, (const char (*)[65])digests, d.n);
	CHECK_STR(now, before);
	free(now);
	free(before);
	free(pair);
	/* and what a print logs verifies: its code names these digests */
	char *t = print_person_text(zh);
	char *detail = tt_text(q.db, "SELECT detail FROM audit WHERE action = 'print' ORDER BY seq DESC LIMIT 1");
	for (int i = 0; i < d.n; i++) {
		char *one = xasprintf("[\"item\",%lld,\"%s\"]", ids[i], digests[i]);
		CHECK_CONTAINS(detail, one);
		free(one);
	}
	struct strbuf report = {0};
	CHECK_INT(qd_audit_verify(&q, &report, &err), QD_VERIFY);   /* the raw UPDATEs above */
	free(detail);
	free(t);
	sb_free(&report);
	sb_free(&recs);
	qd_close(&q);
}

/* The section headings of a printed checklist, '|'-joined: the names of
 * the lines "N、NAME责任清单". */
static char *headings(const char *text)
{
	struct strbuf b = {0};
	sb_puts(&b, "");
	for (const char *l = text; l && *l;) {
		const char *e = strchr(l, '\n');
		size_t n = e ? (size_t)(e - l) : strlen(l);
		char *line = xstrndup(l, n);
		char *dot = strstr(line, "、"), *end = strstr(line, "责任清单");
		if (dot && end && end > dot && end[strlen("责任清单")] == '\0' && !strchr(line, '|'))
			sb_printf(&b, "%s%.*s", b.len ? "|" : "", (int)(end - dot - strlen("、")),
				  dot + strlen("、"));
		free(line);
		l = e ? e + 1 : NULL;
	}
	return sb_take(&b);
}

/* The sections, merged in C from the fixed ones and the orgs of the
 * person's items (issue 10: the items were walked a second time for
 * them), are those the one query gave before, in its order: with a branch
 * sorted before 党组, one between, a person with no items at all, one
 * whose items are in another branch than their own, which sorts before
 * it and has none of them. */
TEST(sections_as_the_query_had_them)
{
	long long zh = fixture();
	long long b3 = 0, b4 = 0;
	CHECK_INT(qd_org_add(&q, "第三党支部", LV_BRANCH, 2, &b3, &err), QD_OK);
	CHECK_INT(qd_org_add(&q, "第四党支部", LV_BRANCH, 2, &b4, &err), QD_OK);
	CHECK_INT(tt_exec(q.db, "UPDATE org SET sort = -5 WHERE name = '第三党支部'"), 0);
	CHECK_INT(tt_exec(q.db, "UPDATE org SET sort = -10 WHERE name = '第四党支部'"), 0);
	CHECK_INT(tt_exec(q.db, "UPDATE org SET sort = (SELECT sort FROM org WHERE id = 1) WHERE name = '第二党支部'"), 0);
	long long idle = person("无事项", b4), far = person("跨支部", b4);
	item(b3, "第三支部的事项", far, zh);
	item(b3, "第三支部的另一项", zh, far);
	long long who[] = {zh, idle, far, 2, 5};
	for (size_t k = 0; k < ARRAY_SIZE(who); k++) {
		char *sql = xasprintf(TT_SQL(
			"SELECT group_concat(name, '|') FROM (SELECT o.name FROM org o WHERE o.level IN "
			"('party-group', 'organ-committee') OR o.id = (SELECT org_id FROM person WHERE id = %lld) "
			"OR o.id IN (SELECT l.org_id FROM item i JOIN list l ON l.id = i.list_id WHERE "
			"(i.owner_id = %lld OR i.lead_id = %lld) AND l.year = 2026 AND i.deleted_at IS NULL) "
			"ORDER BY o.sort, o.id)",
			"SELECT string_agg(name, '|' ORDER BY sort, id) FROM org o WHERE o.level IN "
			"('party-group', 'organ-committee') OR o.id = (SELECT org_id FROM person WHERE id = %lld) "
			"OR o.id IN (SELECT l.org_id FROM item i JOIN list l ON l.id = i.list_id WHERE "
			"(i.owner_id = %lld OR i.lead_id = %lld) AND l.year = 2026 AND i.deleted_at IS NULL)"),
			who[k], who[k], who[k]);
		char *want = tt_text(q.db, sql);
		char *t = print_person_text(who[k]);
		char *got = headings(t);
		if (strcmp(got, want ? want : "") != 0 || getenv("TT_SHOW"))
			fprintf(stderr, "  person #%lld: %s\n", who[k], got);
		CHECK_STR(got, want ? want : "");
		free(got);
		free(t);
		free(want);
		free(sql);
	}
	qd_close(&q);
}

int main(void)
{
	char dir[] = "/tmp/t_print_plan.XXXXXX";
	if (!mkdtemp(dir) || chdir(dir) != 0)
		return 1;
	RUN(print_queries_use_the_person_indexes);
	RUN(print_queries_use_the_person_indexes_after_analyze);
	RUN(person_rows_as_owner_and_as_lead);
	RUN(print_digests_are_store_canons);
	RUN(sections_as_the_query_had_them);
	if (chdir("/") == 0)
		rmdir(dir);
	return TT_END();
}
