/* t_model.c — unit tests of the storage module and the model rules on
 * in-memory and temporary databases: schema, transactions, permissions,
 * the status machine, flags, stale edits, the audit chain, print codes,
 * and two processes writing at once. */
#include <signal.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "qingdan/audit.h"
#include "qingdan/date.h"
#include "qingdan/db.h"
#include "qingdan/model.h"
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
	if (qd_open(&q, ":memory:", DB_CREATE, &err) != QD_OK || qd_ensure_defaults(&q, &err) != QD_OK)
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

static char *sql1(const char *sql)
{
	sqlite3_stmt *st;
	char *out = NULL;
	if (sqlite3_prepare_v2(db_handle(q.db), sql, -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
		out = xstrdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return out ? out : xstrdup("");
}

TEST(schema_version_and_defaults)
{
	open_mem();
	char *v = sql1("PRAGMA user_version");
	CHECK_INT(atoi(v), db_schema_version());
	free(v);
	char *orgs = sql1("SELECT group_concat(name, ',') FROM org");
	CHECK_STR(orgs, "党组,机关党委");
	free(orgs);
	char *fts = sql1("SELECT count(*) FROM sqlite_schema WHERE name = 'item_fts'");
	CHECK_STR(fts, "1");
	free(fts);
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
	char *n = sql1("SELECT count(*) FROM audit WHERE entity = 'org'");
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
	qd_set_login(&q, "zhangsan");
	long long me = person("张三", "zhangsan", 0), other = person("李四", "lisi", 0);
	long long mine = item("我的事项", me, other, NULL), theirs = item("别人的", other, other, NULL);
	CHECK(!q.enforced);
	person("管理员", "admin", 1);
	CHECK(q.enforced);
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
	qd_set_login(&q, "lisi");
	CHECK_INT(qd_item_move(&q, mine, 0, ST_DONE, NULL, &err), QD_OK);
	CHECK_INT(qd_item_move(&q, theirs, 0, ST_CANCELLED, "不做了", &err), QD_DENIED);
	/* an unregistered login reads only */
	qd_set_login(&q, "stranger");
	CHECK_INT(q.actor_id, 0);
	CHECK_INT(qd_item_move(&q, theirs, 0, ST_IN_PROGRESS, NULL, &err), QD_DENIED);
}

/* 销号 is a second person's check: an owner who is also the lead may not
 * verify their own item; an admin may, and so may a lead who is not the owner. */
TEST(owner_who_is_lead_cannot_verify_alone)
{
	open_mem();
	qd_set_login(&q, "lisi");
	long long me = person("李四", "lisi", 0), other = person("张三", "zhangsan", 0);
	long long own = item("自己牵头的事项", me, me, NULL), led = item("别人做的事项", other, me, NULL);
	person("管理员", "admin", 1);
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
	char *status = sql1("SELECT status FROM item WHERE id = 1");
	CHECK_STR(status, "submitted");
	free(status);
	/* leading someone else's item: may verify */
	qd_set_login(&q, "zhangsan");
	CHECK_INT(qd_item_move(&q, led, 0, ST_IN_PROGRESS, NULL, &err), QD_OK);
	CHECK_INT(qd_item_move(&q, led, 0, ST_SUBMITTED, NULL, &err), QD_OK);
	qd_set_login(&q, "lisi");
	CHECK_INT(qd_item_move(&q, led, 0, ST_DONE, NULL, &err), QD_OK);
	/* the admin verifies the self-led one */
	qd_set_login(&q, "admin");
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
	sqlite3_exec(db_handle(q.db), "UPDATE item SET due = '2027-01-31'", NULL, NULL, NULL);
	CHECK_INT(qd_audit_verify(&q, &report, &err), QD_VERIFY);
	CHECK_CONTAINS(report.s, "item #1");
	sqlite3_exec(db_handle(q.db), "UPDATE item SET due = '2026-12-31'", NULL, NULL, NULL);
	sb_reset(&report);
	CHECK_INT(qd_audit_verify(&q, &report, &err), QD_OK);
	sqlite3_exec(db_handle(q.db), "UPDATE audit SET login = 'x' WHERE seq = 2", NULL, NULL, NULL);
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
	char *d = sql1("SELECT detail FROM audit ORDER BY seq DESC LIMIT 1");
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
	CHECK_CONTAINS(r.s, "item #1");
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
	char *hash = sql1("SELECT seq || '-' || hash FROM audit WHERE action = 'print'");
	CHECK(strncmp(hash, code, strlen(code)) == 0);
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
	char *head = sql1("SELECT seq || ':' || hash FROM audit ORDER BY seq DESC LIMIT 1");
	char *code = sql1("SELECT seq || '-' || substr(hash, 1, 16) FROM audit ORDER BY seq DESC LIMIT 1");
	char *seq = sql1("SELECT max(seq) FROM audit");
	struct strbuf r = {0};
	CHECK_INT(qd_verify_anchor(&q, head, &r, &err), QD_OK);
	CHECK_CONTAINS(r.s, "相符");
	CHECK_INT(qd_verify_anchor(&q, code, &r, &err), QD_OK);
	char *short8 = xasprintf("%s:%.8s", seq, strchr(head, ':') + 1);
	CHECK_INT(qd_verify_anchor(&q, short8, &r, &err), QD_INVALID);   /* 32 bits: too few */
	CHECK_INT(qd_verify_anchor(&q, "0:0000000000000000", &r, &err), QD_INVALID);
	/* an earlier entry edited: the head is still there, but the chain up
	 * to it no longer holds (a full recompute is t_anchor's) */
	CHECK_INT(sqlite3_exec(db_handle(q.db), "UPDATE audit SET at = '2020-01-01T00:00:00Z' WHERE seq = 1",
			       NULL, NULL, NULL), SQLITE_OK);
	sb_reset(&r);
	CHECK_INT(qd_verify_anchor(&q, head, &r, &err), QD_VERIFY);
	CHECK_CONTAINS(r.s, "日志第 1 条被改动");
	/* the entry gone */
	CHECK_INT(sqlite3_exec(db_handle(q.db), "DELETE FROM audit WHERE seq = (SELECT max(seq) FROM audit)",
			       NULL, NULL, NULL), SQLITE_OK);
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
	char *due = sql1("SELECT due || status FROM item i JOIN list l ON l.id = i.list_id WHERE l.year = 2027");
	CHECK_STR(due, "2029-02-28planned");   /* moved one year, 29 Feb clamped */
	free(due);
	CHECK_INT(qd_year_copy(&q, 2026, 2028, &lists, &items, &err), QD_INVALID);
}

TEST(read_only_file_refuses_writes)
{
	char path[] = "/tmp/qd_ro_XXXXXX";
	int fd = mkstemp(path);
	close(fd);
	unlink(path);
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
	char *wal = xasprintf("%s-wal", path), *shm = xasprintf("%s-shm", path);
	unlink(path);
	unlink(wal);
	unlink(shm);
	free(wal);
	free(shm);
}

/* Two processes moving and noting the same items at once lose nothing. */
TEST(two_writers_lose_no_update)
{
	char path[] = "/tmp/qd_two_XXXXXX";
	int fd = mkstemp(path);
	close(fd);
	unlink(path);
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
	char *n = sql1("SELECT count(*) FROM note");
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
	char path[] = "/tmp/qd_kill_XXXXXX";
	int fd = mkstemp(path);
	close(fd);
	unlink(path);
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
	char *ok = sql1("PRAGMA integrity_check");
	CHECK_STR(ok, "ok");
	free(ok);
	char *n = sql1("SELECT count(*) FROM note");
	CHECK(atol(n) >= committed);
	free(n);
	struct strbuf r = {0};
	CHECK_INT(qd_audit_verify(&q, &r, &err), QD_OK);
	sb_free(&r);
	qd_close(&q);
}

/* An older file is backed up, then migrated one step at a time. */
TEST(migration_backs_up_then_upgrades)
{
	char dir[] = "/tmp/qd_mig_XXXXXX";
	CHECK(mkdtemp(dir) != NULL);
	char *path = xasprintf("%s/old.db", dir);
	memset(&q, 0, sizeof q);
	CHECK_INT(qd_open(&q, path, DB_CREATE, &err), QD_OK);
	qd_ensure_defaults(&q, &err);
	item("迁移前的事项", 0, 0, NULL);
	/* make it look like a version-1 file */
	sqlite3_exec(db_handle(q.db), "DROP INDEX item_stats; PRAGMA user_version = 1", NULL, NULL, NULL);
	qd_close(&q);
	memset(&q, 0, sizeof q);
	CHECK_INT(qd_open(&q, path, 0, &err), QD_OK);
	char *v = sql1("PRAGMA user_version");
	CHECK_INT(atoi(v), db_schema_version());
	free(v);
	char *ix = sql1("SELECT count(*) FROM sqlite_schema WHERE name = 'item_stats'");
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

/* New items are searchable after commit; a rolled-back insert is not. */
TEST(search_index_follows_commits)
{
	open_mem();
	long long id = item("开展廉政警示教育活动", 0, 0, NULL);
	CHECK_INT(qd_batch_begin(&q, &err), QD_OK);
	item("回滚的警示教育", 0, 0, NULL);
	CHECK_INT(qd_batch_end(&q, QD_INVALID, &err), QD_INVALID);
	struct strbuf r = {0};
	char *n = sql1("SELECT group_concat(rowid) FROM item_fts WHERE item_fts MATCH '\"警示教育\"'");
	char *want = xasprintf("%lld", id);
	CHECK_STR(n, want);
	free(n);
	free(want);
	struct item_fields f = ITEM_FIELDS_INIT;
	f.content = "开展党纪学习教育";
	CHECK_INT(qd_item_set(&q, id, 0, &f, &err), QD_OK);
	n = sql1("SELECT count(*) FROM item_fts WHERE item_fts MATCH '\"警示教育\"'");
	CHECK_STR(n, "0");
	free(n);
	n = sql1("SELECT count(*) FROM item_fts WHERE item_fts MATCH '\"党纪学习\"'");
	CHECK_STR(n, "1");
	free(n);
	CHECK_INT(sqlite3_exec(db_handle(q.db), "INSERT INTO item_fts(item_fts) VALUES ('integrity-check')",
			       NULL, NULL, NULL), SQLITE_OK);
	CHECK_INT(qd_audit_verify(&q, &r, &err), QD_OK);
	sb_free(&r);
}

int main(void)
{
	text_init_locale();
	RUN(schema_version_and_defaults);
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
	return TT_END();
}
