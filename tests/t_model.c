/* t_model.c — unit tests of the storage module and the model rules on
 * in-memory and temporary databases (tt_db: PostgreSQL ones under
 * make test-pg): schema, transactions, permissions, the status machine,
 * flags, stale edits, the audit chain, print codes, and two processes
 * writing at once.  SQLite's own checks (integrity_check, the fts index,
 * migrations from an older file) run on SQLite only. */
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "qingdan/audit.h"
#include "qingdan/category.h"
#include "qingdan/date.h"
#include "qingdan/db.h"
#include "qingdan/model.h"
#include "qingdan/pledge.h"
#include "qingdan/store.h"
#include "qingdan/text.h"
#include "tt.h"

static struct qd q;
static struct strbuf err;

static void open_mem(void)
{
	memset(&q, 0, sizeof q);
	q.year = 2026;
	date_set_today(date_from_ymd(2026, 6, 30));
	if (qd_open(&q, tt_db(NULL), DB_CREATE, &err) != QD_OK || qd_ensure_defaults(&q, &err) != QD_OK)
		abort();
}

static long long person(const char *name, const char *login, int admin)
{
	struct person_fields f = PERSON_FIELDS_INIT;
	long long id = 0;
	f.name = name;
	f.login = login;
	f.is_admin = admin;
	f.active = 1;
	CHECK_INT(qd_person_add(&q, &f, &id, &err), QD_OK);
	return id;
}

static long long item(const char *content, long long owner, long long lead, const char *due)
{
	struct item_fields f = ITEM_FIELDS_INIT;
	long long id = 0;
	f.content = content;
	f.owner_id = owner;
	f.lead_id = lead;
	f.due = due;
	CHECK_INT(qd_item_add(&q, 2, &f, &id, &err), QD_OK);
	return id;
}

TEST(schema_version_and_defaults)
{
	open_mem();
	if (!tt_pg()) {   /* the version's place and the search index are SQLite's */
		CHECK_INT(tt_num(q.db, "PRAGMA user_version"), db_schema_version());
		char *fts = tt_text(q.db, "SELECT count(*) FROM sqlite_schema WHERE name = 'item_fts'");
		CHECK_STR(fts, "1");
		free(fts);
	}
	char *orgs = tt_text(q.db, TT_SQL("SELECT group_concat(name, ',') FROM org",
					  "SELECT string_agg(name, ',' ORDER BY id) FROM org"));
	CHECK_STR(orgs, "党组,机关党委");
	free(orgs);
}

TEST(nested_transaction_rolls_back_whole)
{
	open_mem();
	long long id;
	CHECK_INT(qd_batch_begin(&q, &err), QD_OK);
	CHECK_INT(qd_org_add(&q, "甲支部", LV_BRANCH, 2, &id, &err), QD_OK);
	CHECK_INT(qd_org_add(&q, "甲支部", LV_BRANCH, 2, &id, &err), QD_INVALID);
	CHECK_INT(qd_batch_end(&q, QD_INVALID, &err), QD_INVALID);
	CHECK_INT(qd_find_org(&q, "甲支部", &id, &err), QD_NOTFOUND);
	char *n = tt_text(q.db, "SELECT count(*) FROM audit WHERE entity = 'org'");
	CHECK_STR(n, "2");   /* only the two defaults */
	free(n);
}

TEST(status_machine)
{
	open_mem();
	long long a = person("张三", NULL, 0), b = person("李四", NULL, 0);
	long long id = item("落实三会一课制度", a, b, "2026-07-31");
	CHECK_INT(qd_item_move(&q, id, 0, ST_DONE, NULL, &err), QD_INVALID);
	CHECK_INT(qd_item_move(&q, id, 0, ST_SUBMITTED, NULL, &err), QD_INVALID);
	CHECK_INT(qd_item_move(&q, id, 0, ST_IN_PROGRESS, NULL, &err), QD_OK);
	CHECK_INT(qd_item_move(&q, id, 0, ST_SUBMITTED, NULL, &err), QD_OK);
	sb_reset(&err);
	CHECK_INT(qd_item_move(&q, id, 0, ST_IN_PROGRESS, NULL, &err), QD_INVALID); /* reject w/o reason */
	CHECK_CONTAINS(err.s, "原因");
	CHECK_INT(qd_item_move(&q, id, 0, ST_IN_PROGRESS, "缺少会议记录", &err), QD_OK);
	CHECK_INT(qd_item_move(&q, id, 0, ST_SUBMITTED, NULL, &err), QD_OK);
	CHECK_INT(qd_item_move(&q, id, 0, ST_DONE, NULL, &err), QD_OK);
	struct item it;
	CHECK_INT(qd_get_item(&q, id, &it, &err), QD_OK);
	CHECK_INT(it.status, ST_DONE);
	CHECK_STR(it.done_on, "2026-06-30");
	CHECK_INT(it.version, 6);
	item_clear(&it);
	CHECK_INT(qd_item_move(&q, id, 0, ST_CANCELLED, "x", &err), QD_INVALID); /* done is final */
}

TEST(flags_overdue_due_soon_late)
{
	open_mem();
	long long over = item("逾期事项", 0, 0, "2026-06-29");
	long long soon = item("临期事项", 0, 0, "2026-07-07");
	long long later = item("远期事项", 0, 0, "2026-07-08");
	long long late = item("逾期完成", 0, 0, "2026-06-01");
	long long none = item("长期坚持", 0, 0, NULL);
	for (enum item_status s = ST_IN_PROGRESS; s <= ST_DONE; s++)
		CHECK_INT(qd_item_move(&q, late, 0, s, NULL, &err), QD_OK);
	struct item it;
	const struct { long long id; const char *flags; } want[] = {
		{over, "overdue"}, {soon, "due_soon"}, {later, ""}, {late, "late"}, {none, ""}};
	for (size_t i = 0; i < ARRAY_SIZE(want); i++) {
		CHECK_INT(qd_get_item(&q, want[i].id, &it, &err), QD_OK);
		CHECK_STR(it.flags, want[i].flags);
		item_clear(&it);
	}
	/* the day after, "临期" becomes plain and 7 days on it is due soon */
	date_set_today(date_from_ymd(2026, 7, 8));
	CHECK_INT(qd_get_item(&q, soon, &it, &err), QD_OK);
	CHECK_STR(it.flags, "overdue");
	item_clear(&it);
	char *label = flags_label("overdue,late");
	CHECK_STR(label, "逾期,逾期完成");
	free(label);
}

TEST(stale_edit_refused_and_nothing_lost)
{
	open_mem();
	long long id = item("原内容", 0, 0, NULL);
	struct item_fields f = ITEM_FIELDS_INIT;
	f.content = "第一人的修改";
	CHECK_INT(qd_item_set(&q, id, 1, &f, &err), QD_OK);
	f.content = "第二人的修改";
	sb_reset(&err);
	CHECK_INT(qd_item_set(&q, id, 1, &f, &err), QD_CONFLICT);
	CHECK_CONTAINS(err.s, "第一人的修改");
	struct item it;
	CHECK_INT(qd_get_item(&q, id, &it, &err), QD_OK);
	CHECK_STR(it.content, "第一人的修改");
	CHECK_INT(it.version, 2);
	item_clear(&it);
}

TEST(permissions_enforced_mode)
{
	open_mem();
	long long me = person("张三", "zhangsan", 0), other = person("李四", "lisi", 0);
	long long mine = item("我的事项", me, other, NULL), theirs = item("别人的", other, other, NULL);
	CHECK(!q.enforced);   /* open mode, until an admin has a login */
	person("管理员", "admin", 1);
	CHECK(q.enforced);
	tt_login(&q, "zhangsan");
	CHECK(!q.actor_admin);
	CHECK_INT(q.actor_id, me);
	long long id;
	sb_reset(&err);
	CHECK_INT(qd_org_add(&q, "新支部", LV_BRANCH, 2, &id, &err), QD_DENIED);
	CHECK_CONTAINS(err.s, "只有管理员");
	CHECK_INT(qd_item_move(&q, mine, 0, ST_IN_PROGRESS, NULL, &err), QD_OK);
	CHECK_INT(qd_item_move(&q, mine, 0, ST_SUBMITTED, NULL, &err), QD_OK);
	CHECK_INT(qd_item_move(&q, mine, 0, ST_DONE, NULL, &err), QD_DENIED);
	CHECK_INT(qd_item_move(&q, theirs, 0, ST_IN_PROGRESS, NULL, &err), QD_DENIED);
	CHECK_INT(qd_item_note(&q, theirs, NULL, "x", &err), QD_DENIED);
	CHECK_INT(qd_item_note(&q, mine, "2026/6/1", "已开展", &err), QD_OK);
	struct item it;
	qd_get_item(&q, mine, &it, &err);
	CHECK(!qd_may_move(&q, &it, ST_DONE));
	item_clear(&it);
	/* the lead may verify */
	tt_login(&q, "lisi");
	CHECK_INT(qd_item_move(&q, mine, 0, ST_DONE, NULL, &err), QD_OK);
	CHECK_INT(qd_item_move(&q, theirs, 0, ST_CANCELLED, "不做了", &err), QD_DENIED);
	/* an unregistered login reads only */
	tt_login(&q, "stranger");
	CHECK_INT(q.actor_id, 0);
	CHECK_INT(qd_item_move(&q, theirs, 0, ST_IN_PROGRESS, NULL, &err), QD_DENIED);
}

/* 销号 is a second person's check: an owner who is also the lead may not
 * verify their own item; an admin may, and so may a lead who is not the owner. */
TEST(owner_who_is_lead_cannot_verify_alone)
{
	open_mem();
	long long me = person("李四", "lisi", 0), other = person("张三", "zhangsan", 0);
	long long own = item("自己牵头的事项", me, me, NULL), led = item("别人做的事项", other, me, NULL);
	person("管理员", "admin", 1);
	tt_login(&q, "lisi");
	CHECK(q.enforced && !q.actor_admin);
	CHECK_INT(qd_item_move(&q, own, 0, ST_IN_PROGRESS, NULL, &err), QD_OK);
	CHECK_INT(qd_item_move(&q, own, 0, ST_SUBMITTED, NULL, &err), QD_OK);
	struct item it;
	qd_get_item(&q, own, &it, &err);
	CHECK(!qd_may_move(&q, &it, ST_DONE));           /* the TUI offers no 销号 */
	CHECK(qd_may_move(&q, &it, ST_IN_PROGRESS));     /* taking it back is fine */
	item_clear(&it);
	sb_reset(&err);
	CHECK_INT(qd_item_move(&q, own, 0, ST_DONE, NULL, &err), QD_DENIED);
	CHECK_CONTAINS(err.s, "既是事项 #1 的责任人又是牵头领导，不能自己审核销号");
	char *status = tt_text(q.db, "SELECT status FROM item WHERE id = 1");
	CHECK_STR(status, "submitted");
	free(status);
	/* leading someone else's item: may verify */
	tt_login(&q, "zhangsan");
	CHECK_INT(qd_item_move(&q, led, 0, ST_IN_PROGRESS, NULL, &err), QD_OK);
	CHECK_INT(qd_item_move(&q, led, 0, ST_SUBMITTED, NULL, &err), QD_OK);
	tt_login(&q, "lisi");
	CHECK_INT(qd_item_move(&q, led, 0, ST_DONE, NULL, &err), QD_OK);
	/* the admin verifies the self-led one */
	tt_login(&q, "admin");
	CHECK_INT(qd_item_move(&q, own, 0, ST_DONE, NULL, &err), QD_OK);
}

TEST(ambiguous_and_id_lookup)
{
	open_mem();
	long long a = person("王伟", NULL, 0), b = person("王伟", NULL, 0), id = 0;
	sb_reset(&err);
	CHECK_INT(qd_find_person(&q, "王伟", &id, &err), QD_AMBIGUOUS);
	char *ids = xasprintf("#%lld", b);
	CHECK_CONTAINS(err.s, ids);
	CHECK_INT(qd_find_person(&q, ids, &id, &err), QD_OK);
	CHECK_INT(id, b);
	free(ids);
	CHECK(a != b);
	CHECK_INT(qd_find_person(&q, "#9999", &id, &err), QD_NOTFOUND);
}

TEST(audit_chain_and_tamper)
{
	open_mem();
	long long id = item("中心组学习每年不少于12次", 0, 0, "2026-12-31");
	CHECK_INT(qd_item_move(&q, id, 0, ST_IN_PROGRESS, NULL, &err), QD_OK);
	struct strbuf report = {0};
	CHECK_INT(qd_audit_verify(&q, &report, &err), QD_OK);
	sb_reset(&report);
	tt_exec(q.db, "UPDATE item SET due = '2027-01-31'");
	CHECK_INT(qd_audit_verify(&q, &report, &err), QD_VERIFY);
	CHECK_CONTAINS(report.s, "事项 #1");
	tt_exec(q.db, "UPDATE item SET due = '2026-12-31'");
	sb_reset(&report);
	CHECK_INT(qd_audit_verify(&q, &report, &err), QD_OK);
	tt_exec(q.db, "UPDATE audit SET login = 'x' WHERE seq = 2");
	sb_reset(&report);
	CHECK_INT(qd_audit_verify(&q, &report, &err), QD_VERIFY);
	CHECK_CONTAINS(report.s, "第 2 条被改动");
	sb_free(&report);
}

TEST(audit_detail_is_a_diff)
{
	open_mem();
	long long id = item("原文", 0, 0, NULL);
	struct item_fields f = ITEM_FIELDS_INIT;
	f.content = "新文\"引号\"";
	CHECK_INT(qd_item_set(&q, id, 0, &f, &err), QD_OK);
	char *d = tt_text(q.db, "SELECT detail FROM audit ORDER BY seq DESC LIMIT 1");
	CHECK_STR(d, "{\"content\":[\"原文\",\"新文\\\"引号\\\"\"]}");
	free(d);
}

TEST(print_code_verifies_and_detects_change)
{
	open_mem();
	long long id = item("按时缴纳党费", 0, 0, NULL);
	const char *ent[] = {"item"};
	char *code = NULL;
	CHECK_INT(qd_print_code(&q, "test", ent, &id, 1, &code, &err), QD_OK);
	struct strbuf r = {0};
	CHECK_INT(qd_verify_code(&q, code, &r, &err), QD_OK);
	CHECK_INT(qd_item_move(&q, id, 0, ST_IN_PROGRESS, NULL, &err), QD_OK);
	sb_reset(&r);
	CHECK_INT(qd_verify_code(&q, code, &r, &err), QD_VERIFY);
	CHECK_CONTAINS(r.s, "事项 #1");
	sb_reset(&r);
	CHECK_INT(qd_verify_code(&q, "999-deadbeef", &r, &err), QD_VERIFY);
	CHECK_INT(qd_verify_code(&q, "nonsense", &r, &err), QD_INVALID);
	free(code);
	sb_free(&r);
}

/* Codes carry 64 bits of the entry's hash: SEQ- and 16 hex digits.  Codes
 * already on paper (8 hex) still verify; other lengths are refused. */
TEST(print_code_has_64_bits_and_old_codes_verify)
{
	open_mem();
	long long id = item("按时缴纳党费", 0, 0, NULL);
	const char *ent[] = {"item"};
	char *code = NULL;
	struct strbuf r = {0};
	CHECK_INT(qd_print_code(&q, "test", ent, &id, 1, &code, &err), QD_OK);
	const char *dash = strchr(code, '-');
	CHECK(dash != NULL);
	CHECK_INT(strlen(dash + 1), 16);
	CHECK_INT(strspn(dash + 1, "0123456789abcdef"), 16);
	char *hash = tt_text(q.db, "SELECT seq || '-' || hash FROM audit WHERE action = 'print'");
	CHECK(hash && strncmp(hash, code, strlen(code)) == 0);
	/* the old form: the first 8 hex digits */
	char old[64], upper[64], nine[64];
	snprintf(old, sizeof old, "%.*s", (int)(dash - code) + 9, code);
	CHECK_INT(qd_verify_code(&q, old, &r, &err), QD_OK);
	CHECK_CONTAINS(r.s, "有效");
	for (size_t i = 0; i <= strlen(code); i++)
		upper[i] = (char)(code[i] >= 'a' && code[i] <= 'f' ? code[i] - 32 : code[i]);
	CHECK_INT(qd_verify_code(&q, upper, &r, &err), QD_OK);   /* copied by hand */
	snprintf(nine, sizeof nine, "%.*s", (int)(dash - code) + 10, code);
	CHECK_INT(qd_verify_code(&q, nine, &r, &err), QD_INVALID);
	char *junk = xasprintf("%s!", code);
	CHECK_INT(qd_verify_code(&q, junk, &r, &err), QD_INVALID);
	/* a code differing only beyond the 8th digit is another code */
	char *wrong = xstrdup(code);
	char *last = wrong + strlen(wrong) - 1;
	*last = *last == '0' ? '1' : '0';
	sb_reset(&r);
	CHECK_INT(qd_verify_code(&q, wrong, &r, &err), QD_VERIFY);
	CHECK_CONTAINS(r.s, "不是本文件打印的");
	free(wrong);
	free(junk);
	free(hash);
	free(code);
	sb_free(&r);
}

/* A paper anchor: the full hash, 16 digits of it, or the code form; the
 * entry must be there with that hash and the chain up to it intact. */
TEST(paper_anchor_verifies_and_catches_rewrite)
{
	open_mem();
	item("按时缴纳党费", 0, 0, NULL);
	char *head = tt_text(q.db, "SELECT seq || ':' || hash FROM audit ORDER BY seq DESC LIMIT 1");
	char *code = tt_text(q.db, "SELECT seq || '-' || substr(hash, 1, 16) FROM audit "
				 "ORDER BY seq DESC LIMIT 1");
	char *seq = tt_text(q.db, "SELECT max(seq) FROM audit");
	CHECK(head && strchr(head, ':') && code && seq);
	if (!head || !strchr(head, ':') || !code || !seq)
		return;
	struct strbuf r = {0};
	CHECK_INT(qd_verify_anchor(&q, head, &r, &err), QD_OK);
	CHECK_CONTAINS(r.s, "相符");
	CHECK_INT(qd_verify_anchor(&q, code, &r, &err), QD_OK);
	char *short8 = xasprintf("%s:%.8s", seq, strchr(head, ':') + 1);
	CHECK_INT(qd_verify_anchor(&q, short8, &r, &err), QD_INVALID);   /* 32 bits: too few */
	CHECK_INT(qd_verify_anchor(&q, "0:0000000000000000", &r, &err), QD_INVALID);
	/* an earlier entry edited: the head is still there, but the chain up
	 * to it no longer holds (a full recompute is t_anchor's) */
	CHECK_INT(tt_exec(q.db, "UPDATE audit SET at = '2020-01-01T00:00:00Z' WHERE seq = 1"), SQL_OK);
	sb_reset(&r);
	CHECK_INT(qd_verify_anchor(&q, head, &r, &err), QD_VERIFY);
	CHECK_CONTAINS(r.s, "日志第 1 条被改动");
	/* the entry gone */
	CHECK_INT(tt_exec(q.db, "DELETE FROM audit WHERE seq = (SELECT max(seq) FROM audit)"), SQL_OK);
	sb_reset(&r);
	CHECK_INT(qd_verify_anchor(&q, head, &r, &err), QD_VERIFY);
	CHECK_CONTAINS(r.s, "已没有这一条");
	free(short8);
	free(head);
	free(code);
	free(seq);
	sb_free(&r);
}

TEST(year_copy_resets)
{
	open_mem();
	long long id = item("2月29日事项", 0, 0, "2028-02-29");
	q.year = 2028;
	item("另一年的", 0, 0, NULL);
	q.year = 2026;
	CHECK_INT(qd_item_note(&q, id, NULL, "纪实", &err), QD_OK);
	int lists = 0, items = 0;
	CHECK_INT(qd_year_copy(&q, 2026, 2027, &lists, &items, &err), QD_OK);
	CHECK_INT(items, 1);
	char *due = tt_text(q.db, "SELECT due || status FROM item i JOIN list l ON l.id = i.list_id WHERE l.year = 2027");
	CHECK_STR(due, "2029-02-28planned");   /* moved one year, 29 Feb clamped */
	free(due);
	CHECK_INT(qd_year_copy(&q, 2026, 2028, &lists, &items, &err), QD_INVALID);
}

TEST(read_only_file_refuses_writes)
{
	const char *path = tt_db("ro");
	struct qd w = {0};
	CHECK_INT(qd_open(&w, path, DB_CREATE, &err), QD_OK);
	qd_ensure_defaults(&w, &err);
	qd_close(&w);
	memset(&q, 0, sizeof q);
	CHECK_INT(qd_open(&q, path, DB_READONLY, &err), QD_OK);
	CHECK(db_readonly(q.db));
	long long id;
	sb_reset(&err);
	CHECK_INT(qd_org_add(&q, "x", LV_BRANCH, 0, &id, &err), QD_DENIED);
	CHECK_CONTAINS(err.s, "只读");
	CHECK(!qd_may_edit_items(&q));
	qd_close(&q);
}

/* Two processes moving and noting the same items at once lose nothing. */
TEST(two_writers_lose_no_update)
{
	const char *path = tt_db("two");
	memset(&q, 0, sizeof q);
	q.year = 2026;
	CHECK_INT(qd_open(&q, path, DB_CREATE, &err), QD_OK);
	qd_ensure_defaults(&q, &err);
	long long id = item("并发", 0, 0, NULL);
	qd_close(&q);
	pid_t kids[2];
	for (int k = 0; k < 2; k++) {
		kids[k] = fork();
		if (kids[k] == 0) {
			struct qd w = {0};
			struct strbuf e = {0};
			w.year = 2026;
			if (qd_open(&w, path, 0, &e) != QD_OK)
				_exit(2);
			for (int i = 0; i < 40; i++)
				if (qd_item_note(&w, id, NULL, k ? "乙" : "甲", &e) != QD_OK)
					_exit(3);
			qd_close(&w);
			_exit(0);
		}
	}
	for (int k = 0; k < 2; k++) {
		int st;
		waitpid(kids[k], &st, 0);
		CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0);
	}
	memset(&q, 0, sizeof q);
	CHECK_INT(qd_open(&q, path, 0, &err), QD_OK);
	char *n = tt_text(q.db, "SELECT count(*) FROM note");
	CHECK_STR(n, "80");
	free(n);
	struct strbuf r = {0};
	CHECK_INT(qd_audit_verify(&q, &r, &err), QD_OK);
	sb_free(&r);
	qd_close(&q);
}

/* kill -9 in the middle of writing: committed changes stay, file intact. */
TEST(kill9_keeps_committed_and_integrity)
{
	const char *path = tt_db("kill");
	memset(&q, 0, sizeof q);
	q.year = 2026;
	CHECK_INT(qd_open(&q, path, DB_CREATE, &err), QD_OK);
	qd_ensure_defaults(&q, &err);
	long long id = item("写入中被杀", 0, 0, NULL);
	qd_close(&q);
	int pipefd[2];
	CHECK(pipe(pipefd) == 0);
	pid_t kid = fork();
	if (kid == 0) {
		struct qd w = {0};
		struct strbuf e = {0};
		w.year = 2026;
		if (qd_open(&w, path, 0, &e) != QD_OK)
			_exit(2);
		for (int i = 0;; i++) {
			if (qd_item_note(&w, id, NULL, "纪实", &e) != QD_OK)
				_exit(3);
			if (write(pipefd[1], "x", 1) != 1)   /* one byte per commit */
				_exit(4);
		}
	}
	close(pipefd[1]);
	char buf[64];
	long committed = 0;
	while (committed < 30) {
		ssize_t n = read(pipefd[0], buf, sizeof buf);
		if (n <= 0)
			break;
		committed += n;
	}
	kill(kid, SIGKILL);
	waitpid(kid, NULL, 0);
	close(pipefd[0]);
	memset(&q, 0, sizeof q);
	CHECK_INT(qd_open(&q, path, 0, &err), QD_OK);
	if (!tt_pg()) {
		char *ok = tt_text(q.db, "PRAGMA integrity_check");
		CHECK_STR(ok, "ok");
		free(ok);
	}
	CHECK(tt_num(q.db, "SELECT count(*) FROM note") >= committed);
	struct strbuf r = {0};
	CHECK_INT(qd_audit_verify(&q, &r, &err), QD_OK);
	sb_free(&r);
	qd_close(&q);
}

/* Make an open file look as schema 3 left it: migration 4 undone. */
static void downgrade_to_3(void)
{
	CHECK_INT(tt_exec(q.db,
TT_UNDO_MIGRATION_7
"PRAGMA foreign_keys=OFF;"
"DROP TABLE problem_feedback; DROP TABLE problem_measure; DROP TABLE problem;"
"CREATE TABLE list5(id INTEGER PRIMARY KEY, org_id INTEGER NOT NULL REFERENCES org(id),"
"  year INTEGER NOT NULL, title TEXT NOT NULL DEFAULT '', state TEXT NOT NULL DEFAULT 'draft'"
"  CHECK(state IN ('draft','approved','archived')), UNIQUE(org_id, year)) STRICT;"
"INSERT INTO list5 SELECT id, org_id, year, title, state FROM list;"
"DROP TABLE list; ALTER TABLE list5 RENAME TO list;"
"CREATE INDEX list_year ON list(year, org_id);"
"PRAGMA foreign_keys=ON;"
"DROP TRIGGER item_fts_ad; DROP TRIGGER item_fts_au; DROP TABLE item_fts;"
"DROP TABLE meeting_rule; DROP TABLE item_meeting; DROP TABLE meeting_note;"
"DROP TABLE attendance; DROP TABLE meeting; DROP TABLE member;"
"DROP VIEW item_search; DROP TABLE upgrade_task;"
"ALTER TABLE item DROP COLUMN search_text;"
"CREATE VIRTUAL TABLE item_fts USING fts5(content, content='item',"
"  content_rowid='id', tokenize='trigram');"
"INSERT INTO item_fts(item_fts) VALUES ('rebuild');"
"CREATE TRIGGER item_fts_ad AFTER DELETE ON item BEGIN"
"  INSERT INTO item_fts(item_fts, rowid, content) VALUES ('delete', old.id, old.content);"
"END;"
"CREATE TRIGGER item_fts_au AFTER UPDATE OF content ON item BEGIN"
"  INSERT INTO item_fts(item_fts, rowid, content) VALUES ('delete', old.id, old.content);"
"  INSERT INTO item_fts(rowid, content) VALUES (new.id, new.content);"
"END;"
"PRAGMA user_version = 3;"), SQL_OK);
}

/* An older file is backed up, then migrated one step at a time. */
TEST(migration_backs_up_then_upgrades)
{
	TT_SQLITE_ONLY("an older SQLite file, downgraded with SQLite's DDL, and its backup file");
	char dir[] = "/tmp/qd_mig_XXXXXX";
	CHECK(mkdtemp(dir) != NULL);
	char *path = xasprintf("%s/old.db", dir);
	memset(&q, 0, sizeof q);
	CHECK_INT(qd_open(&q, path, DB_CREATE, &err), QD_OK);
	qd_ensure_defaults(&q, &err);
	item("迁移前的事项", 0, 0, NULL);
	/* make it look like a version-1 file */
	downgrade_to_3();
	tt_exec(q.db, "DROP INDEX item_stats; PRAGMA user_version = 1");
	qd_close(&q);
	memset(&q, 0, sizeof q);
	CHECK_INT(qd_open(&q, path, 0, &err), QD_OK);
	CHECK_INT(tt_num(q.db, "PRAGMA user_version"), db_schema_version());
	char *ix = tt_text(q.db, "SELECT count(*) FROM sqlite_schema WHERE name = 'item_stats'");
	CHECK_STR(ix, "1");
	free(ix);
	qd_close(&q);
	char *cmd = xasprintf("ls %s | grep -c '^old.db.bak-v1-'", dir);
	FILE *p = popen(cmd, "r");
	char buf[16] = "";
	CHECK(p && fgets(buf, sizeof buf, p));
	CHECK_INT(atoi(buf), 1);
	pclose(p);
	free(cmd);
	/* the backup is the old file: version 1, with the item */
	cmd = xasprintf("sqlite3 %s/old.db.bak-v1-* 'PRAGMA user_version; SELECT content FROM item'", dir);
	p = popen(cmd, "r");
	char out[256] = "";
	size_t n = p ? fread(out, 1, sizeof out - 1, p) : 0;
	out[n] = '\0';
	CHECK_STR(out, "1\n迁移前的事项\n");
	pclose(p);
	free(cmd);
	cmd = xasprintf("rm -rf %s", dir);
	CHECK(system(cmd) == 0);
	free(cmd);
	free(path);
}

static int search_hits(const char *text)
{
	return tt_search_hits(q.db, text);
}

/* New items are searchable after commit; a rolled-back insert is not. */
TEST(search_index_follows_commits)
{
	open_mem();
	long long id = item("开展廉政警示教育活动", 0, 0, NULL);
	CHECK_INT(qd_batch_begin(&q, &err), QD_OK);
	item("回滚的警示教育", 0, 0, NULL);
	CHECK_INT(qd_batch_end(&q, QD_INVALID, &err), QD_INVALID);
	struct strbuf r = {0};
	struct item_fields f = ITEM_FIELDS_INIT;
	if (tt_pg()) {   /* no fts5 table there: through the model's search */
		CHECK_INT(search_hits("警示教育"), 1);
		f.content = "开展党纪学习教育";
		CHECK_INT(qd_item_set(&q, id, 0, &f, &err), QD_OK);
		CHECK_INT(search_hits("警示教育"), 0);
		CHECK_INT(search_hits("党纪学习"), 1);
		CHECK_INT(qd_audit_verify(&q, &r, &err), QD_OK);
		sb_free(&r);
		return;
	}
	char *n = tt_text(q.db, "SELECT group_concat(rowid) FROM item_fts WHERE item_fts MATCH '\"警示教育\"'");
	char *want = xasprintf("%lld", id);
	CHECK_STR(n, want);
	free(n);
	free(want);
	f.content = "开展党纪学习教育";
	CHECK_INT(qd_item_set(&q, id, 0, &f, &err), QD_OK);
	n = tt_text(q.db, "SELECT count(*) FROM item_fts WHERE item_fts MATCH '\"警示教育\"'");
	CHECK_STR(n, "0");
	free(n);
	n = tt_text(q.db, "SELECT count(*) FROM item_fts WHERE item_fts MATCH '\"党纪学习\"'");
	CHECK_STR(n, "1");
	free(n);
	CHECK_INT(tt_exec(q.db, "INSERT INTO item_fts(item_fts) VALUES ('integrity-check')"), SQL_OK);
	CHECK_INT(qd_audit_verify(&q, &r, &err), QD_OK);
	sb_free(&r);
}


/* ---- names, homonyms, merge (issue 8 §5–6) ---- */

static long long person_in(const char *name, const char *post, long long org)
{
	struct person_fields f = PERSON_FIELDS_INIT;
	long long id = 0;
	f.name = name;
	f.post = post;
	f.org_id = org;
	f.active = 1;
	f.is_admin = 0;
	CHECK_INT(qd_person_add(&q, &f, &id, &err), QD_OK);
	return id;
}

static char *person_name(long long id)
{
	struct person p = {0};
	qd_get_person(&q, id, &p);
	char *n = xstrdup(p.name ? p.name : "");
	person_clear(&p);
	return n;
}

/* Names are stored and found in normal form; blank and bad ones refused. */
TEST(names_normalised_on_add_set_and_lookup)
{
	open_mem();
	long long id = person("\xE2\x80\xAE 阿卜杜\xE3\x83\xBB热合曼\xE2\x80\x8B\xE3\x80\x80", " wangw ", 0);
	char *n = person_name(id);
	CHECK_STR(n, "阿卜杜\xC2\xB7热合曼");
	free(n);
	long long found = 0;
	CHECK_INT(qd_find_person(&q, "阿卜杜\xE2\x80\xA2热合曼", &found, &err), QD_OK);
	CHECK_INT(found, id);
	struct person p = {0};
	qd_get_person(&q, id, &p);
	CHECK_STR(p.login, "wangw");
	person_clear(&p);
	struct person_fields f = PERSON_FIELDS_INIT;
	f.name = "\xE3\x80\x80\xE2\x80\x8B ";
	f.active = 1;
	sb_reset(&err);
	CHECK_INT(qd_person_add(&q, &f, &found, &err), QD_INVALID);
	CHECK_CONTAINS(err.s, "不能为空");
	f.name = "\xFF\xFE";
	CHECK_INT(qd_person_add(&q, &f, &found, &err), QD_INVALID);
	CHECK_INT(qd_person_set(&q, id, &f, &err), QD_INVALID);
	f.name = "王　伟";
	CHECK_INT(qd_person_set(&q, id, &f, &err), QD_OK);
	n = person_name(id);
	CHECK_STR(n, "王伟");
	free(n);
	long long org = 0;
	CHECK_INT(qd_org_add(&q, " 第一党支部\xE2\x80\x8D", LV_BRANCH, 2, &org, &err), QD_OK);
	CHECK_INT(qd_org_add(&q, "第一党支部", LV_BRANCH, 2, &found, &err), QD_INVALID);
	CHECK_INT(qd_find_org(&q, "第一党支部\xEF\xBB\xBF", &found, &err), QD_OK);
	CHECK_INT(found, org);
	CHECK_INT(qd_org_add(&q, "\xE2\x81\xA6", LV_BRANCH, 2, &found, &err), QD_INVALID);
	struct strbuf r = {0};
	CHECK_INT(qd_audit_verify(&q, &r, &err), QD_OK);
	sb_free(&r);
}

/* 王伟（副局长） and 王伟（第二党支部） pick the one whose post or branch
 * contains the text; every candidate an ambiguity lists is accepted back. */
TEST(homonyms_by_post_or_branch)
{
	open_mem();
	long long b2 = 0, b3 = 0, id = 0;
	CHECK_INT(qd_org_add(&q, "第二党支部", LV_BRANCH, 2, &b2, &err), QD_OK);
	CHECK_INT(qd_org_add(&q, "第三党支部", LV_BRANCH, 2, &b3, &err), QD_OK);
	long long deputy = person_in("王伟", "党组成员、副局长", b3);
	long long member = person_in("王伟", "组织委员", b2);
	long long twin = person_in("王伟", "组织委员", b3);
	CHECK_INT(qd_find_person(&q, "王伟（副局长）", &id, &err), QD_OK);
	CHECK_INT(id, deputy);
	CHECK_INT(qd_find_person(&q, "王伟(第二党支部)", &id, &err), QD_OK);
	CHECK_INT(id, member);
	CHECK_INT(qd_find_person(&q, " 王伟 （ 组织委员·第三 ） ", &id, &err), QD_OK);
	CHECK_INT(id, twin);
	sb_reset(&err);
	CHECK_INT(qd_find_person(&q, "王伟（局长助理）", &id, &err), QD_NOTFOUND);
	CHECK_CONTAINS(err.s, "#");
	/* ambiguous: the listed forms, passed back one by one */
	sb_reset(&err);
	CHECK_INT(qd_find_person(&q, "王伟", &id, &err), QD_AMBIGUOUS);
	char *list = strstr(err.s, "#");
	CHECK(list != NULL);
	long long want[] = {deputy, member, twin};
	int k = 0;
	for (char *c = list; c && *c; k++) {
		char *sep = strstr(c, "；");
		char *one = sep ? xstrndup(c, (size_t)(sep - c)) : xstrdup(c);
		struct strbuf e = {0};
		id = 0;
		CHECK_INT(qd_find_person(&q, one, &id, &e), QD_OK);
		CHECK(k < 3 && id == want[k]);
		/* and without the #ID where that is enough */
		char *label = strchr(one, ' ') + 1;
		if (k == 0) {
			CHECK_INT(qd_find_person(&q, label, &id, &e), QD_OK);
			CHECK_INT(id, deputy);
		}
		sb_free(&e);
		free(one);
		c = sep ? sep + strlen("；") : NULL;
	}
	CHECK_INT(k, 3);
	/* an id that does not carry the name it is given with */
	sb_reset(&err);
	char *wrong = xasprintf("#%lld 李明", deputy);
	CHECK_INT(qd_find_person(&q, wrong, &id, &err), QD_NOTFOUND);
	free(wrong);
	/* an active person wins over an inactive namesake */
	struct person_fields off = PERSON_FIELDS_INIT;
	off.active = 0;
	CHECK_INT(qd_person_set(&q, member, &off, &err), QD_OK);
	CHECK_INT(qd_person_set(&q, twin, &off, &err), QD_OK);
	CHECK_INT(qd_find_person(&q, "王伟", &id, &err), QD_OK);
	CHECK_INT(id, deputy);
}

/* person merge moves every reference, deactivates the duplicate, and the
 * audit chain still verifies. */
TEST(person_merge_moves_everything)
{
	open_mem();
	long long keep = person("王伟", NULL, 0), issuer = person("赵立新", NULL, 0);
	long long dup = person("王伟", NULL, 0);
	long long a = item("责任一", dup, keep, NULL), b = item("责任二", issuer, dup, NULL);
	long long c = item("责任三", dup, dup, NULL);
	struct person_fields lf = PERSON_FIELDS_INIT;
	lf.login = "wangw";
	lf.is_admin = 1;
	CHECK_INT(qd_person_set(&q, dup, &lf, &err), QD_OK);
	tt_login(&q, "wangw");   /* the duplicate (an admin) writes a note */
	CHECK_INT(qd_item_note(&q, a, NULL, "已部署", &err), QD_OK);
	struct pledge_fields pf = {"责任书", "正文", NULL, issuer, 0};
	long long pid = 0;
	int added = 0;
	struct strbuf skipped = {0};
	CHECK_INT(qd_pledge_add(&q, &pf, &dup, 1, 1, &pid, &added, &skipped, &err), QD_OK);
	struct pledge_sign sg = {NULL, 0, NULL, PM_AUTO};
	CHECK_INT(qd_pledge_sign(&q, pid, 0, PARTY_SIGNER, &sg, &err), QD_OK);
	int moved = 0;
	sb_reset(&err);
	CHECK_INT(qd_person_merge(&q, dup, dup, &moved, &err), QD_INVALID);
	CHECK_INT(qd_person_merge(&q, keep, dup, &moved, &err), QD_OK);
	CHECK_INT(moved, 5);   /* 3 items, 1 note, 1 pledge */
	char *sql = xasprintf("SELECT count(*) FROM item WHERE %lld IN (owner_id, lead_id)", dup);
	char *v = tt_text(q.db, sql);
	CHECK_STR(v, "0");
	free(v);
	free(sql);
	sql = xasprintf("SELECT owner_id || ',' || lead_id FROM item WHERE id IN (%lld, %lld, %lld) "
			"ORDER BY id", a, b, c);
	v = tt_text(q.db, sql);
	char *want = xasprintf("%lld,%lld", keep, keep);
	CHECK_STR(v, want);
	free(want);
	free(v);
	free(sql);
	sql = xasprintf("SELECT signer_id || ',' || signer_signed_by || '|' || "
			"(SELECT person_id FROM note) FROM pledge");
	v = tt_text(q.db, sql);
	want = xasprintf("%lld,%lld|%lld", keep, keep, keep);
	CHECK_STR(v, want);
	free(want);
	free(v);
	free(sql);
	struct person p = {0};
	qd_get_person(&q, dup, &p);
	CHECK_INT(p.active, 0);
	CHECK(str_empty(p.login));
	person_clear(&p);
	qd_get_person(&q, keep, &p);
	CHECK_STR(p.login, "wangw");
	CHECK_INT(p.is_admin, 1);
	person_clear(&p);
	CHECK_INT(q.actor_id, keep);
	v = tt_text(q.db, "SELECT count(*) FROM audit WHERE action = 'merge'");
	CHECK_STR(v, "7");   /* 5 records, the duplicate, the login moved */
	free(v);
	long long id = 0;
	CHECK_INT(qd_find_person(&q, "王伟", &id, &err), QD_OK);
	CHECK_INT(id, keep);
	struct strbuf r = {0};
	CHECK_INT(qd_audit_verify(&q, &r, &err), QD_OK);
	sb_free(&r);
	sb_free(&skipped);
	/* two logins: refused, nothing written */
	long long other = person("李明", "liming", 0);
	sb_reset(&err);
	CHECK_INT(qd_person_merge(&q, keep, other, &moved, &err), QD_INVALID);
	CHECK_CONTAINS(err.s, "liming");
	/* only an admin merges */
	tt_login(&q, "liming");
	CHECK_INT(qd_person_merge(&q, other, issuer, &moved, &err), QD_DENIED);
}

/* A file made at schema 3 with names as people typed them: migration 4
 * normalises them (audited), and search finds content in either form. */
TEST(migration_4_normalises_names_and_search)
{
	TT_SQLITE_ONLY("a file made at schema 3 with SQLite's DDL (fts5), reopened");
	char dir[] = "/tmp/qd_mig4_XXXXXX";
	CHECK(mkdtemp(dir) != NULL);
	char *path = xasprintf("%s/v3.db", dir);
	memset(&q, 0, sizeof q);
	q.year = 2026;
	CHECK_INT(qd_open(&q, path, DB_CREATE, &err), QD_OK);
	qd_ensure_defaults(&q, &err);
	long long pa = person("甲", NULL, 0), pb = person("乙", NULL, 0), org = 0;
	CHECK_INT(qd_org_add(&q, "丙支部", LV_BRANCH, 2, &org, &err), QD_OK);
	long long it = item("组织Cafe\xCC\x81" "读书会", pa, 0, NULL);
	/* names as an older qingdan stored them, each change audited */
	CHECK_INT(qd_batch_begin(&q, &err), QD_OK);
	const char *raw[] = {"阿卜杜\xE2\x80\xA2热合曼\xE2\x80\x8B", "  王　伟", " 第一党支部\xE2\x80\x8F"};
	const char *ent[] = {"person", "person", "org"};
	long long ids[] = {pa, pb, org};
	for (int i = 0; i < 3; i++) {
		char *before = store_canon(q.db, ent[i], ids[i]);
		char *upd = xasprintf("UPDATE %s SET name = ?1 WHERE id = ?2", ent[i]);
		struct sql_stmt *st = NULL;
		CHECK_INT(sql_prepare(q.db, upd, &st), SQL_OK);
		sql_bind_text(st, 1, raw[i], -1);
		sql_bind_int64(st, 2, ids[i]);
		CHECK_INT(sql_step(st), SQL_DONE);
		sql_finalize(st);
		CHECK_INT(qd_audit(&q, "set", ent[i], ids[i], before, NULL, &err), QD_OK);
		free(upd);
		free(before);
	}
	CHECK_INT(qd_batch_end(&q, QD_OK, &err), QD_OK);
	downgrade_to_3();
	qd_close(&q);

	memset(&q, 0, sizeof q);
	q.year = 2026;
	CHECK_INT(qd_open(&q, path, 0, &err), QD_OK);
	CHECK_INT(tt_num(q.db, "PRAGMA user_version"), db_schema_version());
	char *v = tt_text(q.db, "SELECT group_concat(name, '|') FROM (SELECT name FROM person ORDER BY id)");
	CHECK_STR(v, "阿卜杜\xC2\xB7热合曼|王伟");
	free(v);
	char *sql = xasprintf("SELECT name FROM org WHERE id = %lld", org);
	v = tt_text(q.db, sql);
	CHECK_STR(v, "第一党支部");
	free(v);
	free(sql);
	v = tt_text(q.db, "SELECT count(*) FROM audit WHERE action = 'normalise'");
	CHECK_STR(v, "3");
	free(v);
	v = tt_text(q.db, "SELECT count(*) FROM upgrade_task");
	CHECK_STR(v, "0");
	free(v);
	/* migration 7 queued person_sort_keys: every name got its keys */
	v = tt_text(q.db, "SELECT group_concat(pinyin || '/' || initials, '|') FROM "
			  "(SELECT pinyin, initials FROM person ORDER BY id)");
	CHECK_STR(v, "a bu du re he man/abdrhm|wang wei/ww");
	free(v);
	CHECK_INT(tt_num(q.db, "SELECT count(*) FROM person WHERE sort_key = ''"), 0);
	struct strbuf r = {0};
	CHECK_INT(qd_audit_verify(&q, &r, &err), QD_OK);
	sb_free(&r);
	/* content kept as written; the index holds the folded text */
	sql = xasprintf("SELECT content FROM item WHERE id = %lld", it);
	v = tt_text(q.db, sql);
	CHECK_STR(v, "组织Cafe\xCC\x81读书会");
	free(v);
	free(sql);
	v = tt_text(q.db, "SELECT group_concat(rowid) FROM item_fts WHERE item_fts MATCH '\"Caf\xC3\xA9\"'");
	char *want = xasprintf("%lld", it);
	CHECK_STR(v, want);
	free(v);
	CHECK_INT(tt_exec(q.db, "INSERT INTO item_fts(item_fts) VALUES ('integrity-check')"), SQL_OK);
	/* a reopened file does not normalise or audit again */
	qd_close(&q);
	memset(&q, 0, sizeof q);
	CHECK_INT(qd_open(&q, path, 0, &err), QD_OK);
	v = tt_text(q.db, "SELECT count(*) FROM audit WHERE action = 'normalise'");
	CHECK_STR(v, "3");
	free(v);
	qd_close(&q);
	free(want);
	char *cmd = xasprintf("rm -rf %s", dir);
	CHECK(system(cmd) == 0);
	free(cmd);
	free(path);
}

/* Search folds the query and the content alike: Café finds Cafe + U+0301
 * through the trigram index and through the short-query LIKE path. */
TEST(search_folds_query_and_content)
{
	open_mem();
	item("Cafe\xCC\x81 读书会", 0, 0, NULL);
	item("阿卜杜\xE2\x80\xA2热合曼谈心谈话", 0, 0, NULL);
	long long id = item("普通事项", 0, 0, NULL);
	CHECK_INT(search_hits("Caf\xC3\xA9"), 1);
	CHECK_INT(search_hits("Cafe\xCC\x81"), 1);
	CHECK_INT(search_hits("f\xC3\xA9"), 1);                 /* 2 characters: LIKE */
	CHECK_INT(search_hits("阿卜杜\xC2\xB7热"), 1);
	CHECK_INT(search_hits("杜\xE3\x83\xBB"), 1);             /* 2 characters, other dot */
	CHECK_INT(search_hits("读\xE2\x80\x8B书会"), 1);          /* a ZWSP in the query */
	struct item_fields f = ITEM_FIELDS_INIT;
	f.content = "普通Cafe\xCC\x81";
	CHECK_INT(qd_item_set(&q, id, 0, &f, &err), QD_OK);
	CHECK_INT(search_hits("Caf\xC3\xA9"), 2);
	if (!tt_pg())
		CHECK_INT(tt_exec(q.db, "INSERT INTO item_fts(item_fts) VALUES ('integrity-check')"), SQL_OK);
}

/* The category table's order (issue 13): add and move renumber it 10, 20,
 * … in one transaction, each changed row audited; bad names, unknown
 * places and non-admins are refused with nothing written. */
static char *category_order(void)
{
	struct category *c = NULL;
	int n = 0;
	struct strbuf b = {0};
	CHECK_INT(qd_categories(&q, &c, &n, &err), QD_OK);
	for (int i = 0; i < n; i++)
		sb_printf(&b, "%s%s:%d", i ? " " : "", c[i].name, c[i].sort);
	categories_free(c, n);
	return b.s ? sb_take(&b) : xstrdup("");
}

TEST(category_add_move_renumber_and_audit)
{
	open_mem();
	char *o = category_order();
	CHECK_STR(o, "政治建设:10 思想建设:20 组织建设:30 作风建设:40 纪律建设:50 制度建设:60");
	free(o);
	long long id = 0, audits = tt_num(q.db, "SELECT count(*) FROM audit");
	int pos = 0, total = 0, moved = 0;
	CHECK_INT(qd_category_add(&q, " 党建 工作 ", (struct category_place){NULL, 0}, &id, &pos,
				  &total, &err), QD_OK);
	CHECK_INT(pos, 7);
	CHECK_INT(total, 7);
	CHECK_INT(tt_num(q.db, "SELECT count(*) FROM audit") - audits, 1);   /* the add alone */
	CHECK_INT(qd_category_add(&q, "意识形态", (struct category_place){"思想建设", 0}, &id, &pos,
				  &total, &err), QD_OK);
	CHECK_INT(pos, 3);
	o = category_order();
	CHECK_STR(o, "政治建设:10 思想建设:20 意识形态:30 组织建设:40 作风建设:50 纪律建设:60 "
		     "制度建设:70 党建工作:80");
	free(o);
	/* the add and the five it moved down */
	CHECK_INT(tt_num(q.db, "SELECT count(*) FROM audit") - audits, 7);
	CHECK_INT(qd_category_move(&q, "纪律建设", (struct category_place){NULL, 1}, &pos, &total,
				   &moved, &err), QD_OK);
	CHECK_INT(moved, 1);
	CHECK_INT(pos, 1);
	o = category_order();
	CHECK_STR(o, "纪律建设:10 政治建设:20 思想建设:30 意识形态:40 组织建设:50 作风建设:60 "
		     "制度建设:70 党建工作:80");
	free(o);
	long long before = tt_num(q.db, "SELECT count(*) FROM audit");
	CHECK_INT(qd_category_move(&q, "纪律建设", (struct category_place){NULL, 1}, &pos, &total,
				   &moved, &err), QD_OK);
	CHECK_INT(moved, 0);
	CHECK_INT(tt_num(q.db, "SELECT count(*) FROM audit"), before);
	CHECK_INT(qd_category_move(&q, "政治建设", (struct category_place){"制度建设", 0}, &pos,
				   &total, &moved, &err), QD_OK);
	CHECK_INT(pos, 7);
	o = category_order();
	CHECK_STR(o, "纪律建设:10 思想建设:20 意识形态:30 组织建设:40 作风建设:50 制度建设:60 "
		     "政治建设:70 党建工作:80");
	free(o);
	/* refusals: nothing written */
	before = tt_num(q.db, "SELECT count(*) FROM audit");
	sb_reset(&err);
	CHECK_INT(qd_category_add(&q, "意识形态", (struct category_place){NULL, 1}, &id, &pos, &total,
				  &err), QD_INVALID);
	CHECK_CONTAINS(err.s, "已存在");
	sb_reset(&err);
	CHECK_INT(qd_category_add(&q, "甲\x01乙", (struct category_place){NULL, 0}, &id, &pos, &total,
				  &err), QD_INVALID);
	CHECK_CONTAINS(err.s, "控制字符");
	sb_reset(&err);
	CHECK_INT(qd_category_add(&q, " \xe2\x80\x8b ", (struct category_place){NULL, 0}, &id, &pos,
				  &total, &err), QD_INVALID);
	CHECK_CONTAINS(err.s, "不能为空");
	sb_reset(&err);
	CHECK_INT(qd_category_add(&q, "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一",
				  (struct category_place){NULL, 0}, &id, &pos, &total, &err),
		  QD_INVALID);
	CHECK_CONTAINS(err.s, "太长");
	sb_reset(&err);
	CHECK_INT(qd_category_add(&q, "新类别", (struct category_place){"没有这个", 0}, &id, &pos,
				  &total, &err), QD_NOTFOUND);
	CHECK_CONTAINS(err.s, "没有类别“没有这个”");
	CHECK_CONTAINS(err.s, "纪律建设、思想建设");
	sb_reset(&err);
	CHECK_INT(qd_category_move(&q, "没有这个", (struct category_place){NULL, 1}, &pos, &total,
				   &moved, &err), QD_NOTFOUND);
	sb_reset(&err);
	CHECK_INT(qd_category_move(&q, "思想建设", (struct category_place){"思想建设", 0}, &pos,
				   &total, &moved, &err), QD_INVALID);
	CHECK_CONTAINS(err.s, "自己之后");
	sb_reset(&err);
	CHECK_INT(qd_category_move(&q, "思想建设", (struct category_place){NULL, 0}, &pos, &total,
				   &moved, &err), QD_INVALID);
	CHECK_INT(tt_num(q.db, "SELECT count(*) FROM audit"), before);
	CHECK_INT(tt_num(q.db, "SELECT count(*) FROM category WHERE name = '新类别'"), 0);
	/* admins only */
	person("张三", "zhangsan", 0);
	person("管理员", "admin", 1);
	tt_login(&q, "zhangsan");
	sb_reset(&err);
	CHECK_INT(qd_category_move(&q, "思想建设", (struct category_place){NULL, 1}, &pos, &total,
				   &moved, &err), QD_DENIED);
	CHECK_INT(qd_category_add(&q, "新类别", (struct category_place){NULL, 0}, &id, &pos, &total,
				  &err), QD_DENIED);
	tt_login(&q, NULL);
	/* every write audited: the chain and the records verify */
	struct strbuf r = {0};
	CHECK_INT(qd_audit_verify(&q, &r, &err), QD_OK);
	sb_free(&r);
	qd_close(&q);
}

int main(void)
{
	text_init_locale();
	RUN(schema_version_and_defaults);
	RUN(category_add_move_renumber_and_audit);
	RUN(nested_transaction_rolls_back_whole);
	RUN(status_machine);
	RUN(flags_overdue_due_soon_late);
	RUN(stale_edit_refused_and_nothing_lost);
	RUN(permissions_enforced_mode);
	RUN(ambiguous_and_id_lookup);
	RUN(audit_chain_and_tamper);
	RUN(audit_detail_is_a_diff);
	RUN(print_code_verifies_and_detects_change);
	RUN(print_code_has_64_bits_and_old_codes_verify);
	RUN(paper_anchor_verifies_and_catches_rewrite);
	RUN(owner_who_is_lead_cannot_verify_alone);
	RUN(year_copy_resets);
	RUN(read_only_file_refuses_writes);
	RUN(two_writers_lose_no_update);
	RUN(kill9_keeps_committed_and_integrity);
	RUN(migration_backs_up_then_upgrades);
	RUN(search_index_follows_commits);
	RUN(names_normalised_on_add_set_and_lookup);
	RUN(homonyms_by_post_or_branch);
	RUN(person_merge_moves_everything);
	RUN(migration_4_normalises_names_and_search);
	RUN(search_folds_query_and_content);
	return TT_END();
}
