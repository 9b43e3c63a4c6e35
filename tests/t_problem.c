/* t_problem.c — unit tests of 问题清单 → 整改清单's model (problem.h) on both
 * backends: codes and labels, problems (add, get, set, list, delete), the
 * raiser's three kinds, measures as items of the org's 整改清单 (through the
 * item model: status machine, audit), the derived status, 回访, 销号 with
 * each refusal, who may write, the figures, and audit verify over it all. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "qingdan/date.h"
#include "qingdan/db.h"
#include "qingdan/meeting.h"
#include "qingdan/model.h"
#include "qingdan/msg.h"
#include "qingdan/problem.h"
#include "qingdan/store.h"
#include "qingdan/text.h"
#include "tt.h"

static struct qd q;
static struct strbuf err;
static long long party_group, organ, branch, branch2;
/* branch: sec (书记, login sec), orgm (组织委员, login org), full (login
 * full), lead (科长, login lead); branch2: sec2 (书记, login sec2) */
static long long sec, orgm, full, lead, sec2;

static void open_mem(void)
{
	memset(&q, 0, sizeof q);
	q.year = 2026;
	date_set_today(date_from_ymd(2026, 6, 30));
	if (qd_open(&q, tt_db(NULL), DB_CREATE, &err) != QD_OK || qd_ensure_defaults(&q, &err) != QD_OK)
		abort();
}

static long long person(const char *name, const char *post, const char *login, int admin,
			long long org)
{
	struct person_fields f = PERSON_FIELDS_INIT;
	long long id = 0;
	f.name = name;
	f.post = post;
	f.login = login;
	f.is_admin = admin;
	f.active = 1;
	f.org_id = org;
	CHECK_INT(qd_person_add(&q, &f, &id, &err), QD_OK);
	return id;
}

static void open_branch(void)
{
	open_mem();
	CHECK_INT(qd_find_org(&q, "党组", &party_group, &err), QD_OK);
	CHECK_INT(qd_find_org(&q, "机关党委", &organ, &err), QD_OK);
	CHECK_INT(qd_org_add(&q, "第一党支部", LV_BRANCH, organ, &branch, &err), QD_OK);
	CHECK_INT(qd_org_add(&q, "第二党支部", LV_BRANCH, organ, &branch2, &err), QD_OK);
	sec = person("林支书", "支部书记", "sec", 0, branch);
	orgm = person("吴组委", "科长", "org", 0, branch);
	full = person("孙正式", "科员", "full", 0, branch);
	lead = person("周分管", "副局长", "lead", 0, branch);
	sec2 = person("郑二支", "支部书记", "sec2", 0, branch2);
	CHECK_INT(qd_member_set(&q, sec, PS_FULL, CR_SECRETARY, "", &err), QD_OK);
	CHECK_INT(qd_member_set(&q, orgm, PS_FULL, CR_ORGANIZATION, "", &err), QD_OK);
	CHECK_INT(qd_member_set(&q, sec2, PS_FULL, CR_SECRETARY, "", &err), QD_OK);
}

/* Enforce the rules: an admin with a login appears; act as `login`. */
static void enforce_as(const char *login)
{
	person("管理员", "", "admin", 1, 0);
	tt_login(&q, login);
	CHECK(q.enforced);
}

static int audit_rows(void)
{
	return (int)tt_num(q.db, "SELECT count(*) FROM audit");
}

static int verify_ok(void)
{
	struct strbuf r = {0}, e = {0};
	enum qd_status s = qd_audit_verify(&q, &r, &e);
	if (s != QD_OK && getenv("TT_VERBOSE"))
		fprintf(stderr, "  verify: %s%s\n", r.s ? r.s : "", e.s ? e.s : "");
	sb_free(&r);
	sb_free(&e);
	return s == QD_OK;
}

static long long add_problem(long long org, enum problem_source src, const char *text,
			     const char *raiser_name, long long raiser_id)
{
	struct problem_fields f = PROBLEM_FIELDS_INIT;
	long long id = 0;
	f.org_id = org;
	f.source = (int)src;
	f.text = text;
	f.raised_on = "2026-03-10";
	f.raiser_name = raiser_name;
	f.raiser_id = raiser_id;
	if (raiser_name)
		f.contact = "13800000000";
	sb_reset(&err);
	CHECK_INT(qd_problem_add(&q, &f, &id, &err), QD_OK);
	CHECK(id > 0);
	return id;
}

static long long add_measure(long long pid, const char *text, long long owner, long long ld,
			     const char *due)
{
	struct item_fields f = ITEM_FIELDS_INIT;
	long long id = 0;
	f.content = text;
	f.owner_id = owner;
	f.lead_id = ld;
	f.due = due;
	sb_reset(&err);
	CHECK_INT(qd_problem_measure(&q, pid, &f, &id, &err), QD_OK);
	CHECK(id > 0);
	return id;
}

static void move(long long item, enum item_status to)
{
	sb_reset(&err);
	CHECK_INT(qd_item_move(&q, item, 0, to, NULL, &err), QD_OK);
}

static void finish(long long item)
{
	move(item, ST_IN_PROGRESS);
	move(item, ST_SUBMITTED);
	move(item, ST_DONE);
}

static struct problem get(long long id)
{
	struct problem p;
	CHECK_INT(qd_problem_get(&q, id, &p, &err), QD_OK);
	return p;
}

static enum problem_status status_of(long long id)
{
	struct problem p = get(id);
	enum problem_status s = p.status;
	problem_clear(&p);
	return s;
}

static enum qd_status close1(long long id)
{
	sb_reset(&err);
	return qd_problem_close(&q, id, "2026-07-01", 0, &err);
}

/* ---- codes and labels ---- */

TEST(labels_and_parsers)
{
	static const char *const codes[] = {"phone", "mail", "box", "org-life", "democratic-life",
					    "inspection", "superior", "self", "visit", "other"};
	for (int i = 0; i < SRC__COUNT; i++) {
		CHECK_STR(problem_source_code((enum problem_source)i), codes[i]);
		CHECK_INT(problem_source_parse(codes[i]), i);
		CHECK_INT(problem_source_parse(problem_source_label((enum problem_source)i)), i);
	}
	CHECK_STR(problem_source_label(SRC_PHONE), "公开电话");
	CHECK_STR(problem_source_label(SRC_ORG_LIFE), "组织生活会查摆");
	CHECK_INT(problem_source_parse("巡察"), SRC_INSPECTION);
	CHECK_INT(problem_source_parse("nonsense"), -1);
	CHECK_INT(problem_source_parse(NULL), -1);
	CHECK_STR(problem_status_code(PB_RECTIFYING), "rectifying");
	CHECK_STR(problem_status_label(PB_OPEN), "待整改");
	CHECK_STR(problem_status_label(PB_CLOSED), "已销号");
	CHECK_INT(problem_status_parse("已整改"), PB_RECTIFIED);
	CHECK_INT(problem_status_parse("closed"), PB_CLOSED);
	CHECK_INT(problem_status_parse("done"), -1);
	CHECK_STR(list_kind_code(LK_RECTIFY), "rectify");
	CHECK_STR(list_kind_label(LK_DUTY), "责任清单");
	msg_set_english(1);
	CHECK_STR(problem_source_label(SRC_PHONE), "public telephone");
	CHECK_STR(problem_status_label(PB_RECTIFIED), "rectified");
	msg_set_english(0);
}

/* ---- problems ---- */

TEST(add_get_and_the_three_raisers)
{
	open_branch();
	long long outside = add_problem(branch, SRC_PHONE, "窗口服务态度差", "张群众", 0);
	long long member = add_problem(branch, SRC_ORG_LIFE, "学习不够深入", NULL, full);
	long long anon = add_problem(branch, SRC_BOX, "会议太多", NULL, -1);
	struct problem p = get(outside);
	CHECK_INT(p.org_id, branch);
	CHECK_STR(p.org_name, "第一党支部");
	CHECK_INT(p.source, SRC_PHONE);
	CHECK_STR(p.raised_on, "2026-03-10");
	CHECK_INT(p.year, 2026);
	CHECK_STR(p.text, "窗口服务态度差");
	CHECK_STR(p.raiser_name, "张群众");
	CHECK_STR(p.contact, "13800000000");
	CHECK_INT(p.raiser_id, 0);
	CHECK(p.needs_feedback);
	CHECK_INT(p.status, PB_OPEN);
	CHECK_INT(p.measures, 0);
	CHECK_INT(p.satisfied, -1);
	CHECK_STR(p.closed_on, "");
	CHECK(!p.deleted_at);
	CHECK_INT(p.version, 1);
	problem_clear(&p);
	p = get(member);
	CHECK_INT(p.raiser_id, full);
	CHECK_STR(p.raiser_name, "孙正式");
	CHECK(p.needs_feedback);
	problem_clear(&p);
	p = get(anon);
	CHECK_STR(p.raiser_name, "");
	CHECK(!p.needs_feedback);
	problem_clear(&p);
	CHECK_INT(qd_problem_get(&q, 999, &p, &err), QD_NOTFOUND);
	CHECK_CONTAINS(err.s, "#999");
	CHECK_INT(tt_num(q.db, "SELECT count(*) FROM audit WHERE entity = 'problem' AND action = 'add'"),
		  3);
	CHECK(verify_ok());
}

TEST(add_refuses_bad_input_and_writes_nothing)
{
	open_branch();
	int rows = audit_rows();
	struct problem_fields f = PROBLEM_FIELDS_INIT;
	long long id = 0;
	f.org_id = branch;
	f.source = SRC_PHONE;
	sb_reset(&err);
	CHECK_INT(qd_problem_add(&q, &f, &id, &err), QD_INVALID);   /* no text */
	CHECK_CONTAINS(err.s, "问题描述");
	f.text = "问题";
	f.raiser_id = full;
	f.raiser_name = "外人";
	sb_reset(&err);
	CHECK_INT(qd_problem_add(&q, &f, &id, &err), QD_INVALID);
	CHECK_CONTAINS(err.s, "不能两者都填");
	f.raiser_id = -1;
	f.raiser_name = NULL;
	f.contact = "电话 123";
	sb_reset(&err);
	CHECK_INT(qd_problem_add(&q, &f, &id, &err), QD_INVALID);
	CHECK_CONTAINS(err.s, "联系方式");
	f.contact = NULL;
	f.raised_on = "2026-13-40";
	sb_reset(&err);
	CHECK_INT(qd_problem_add(&q, &f, &id, &err), QD_INVALID);
	CHECK_CONTAINS(err.s, "2026-13-40");
	f.raised_on = NULL;
	f.category = "a\033[2Jb";
	sb_reset(&err);
	CHECK_INT(qd_problem_add(&q, &f, &id, &err), QD_INVALID);
	CHECK_CONTAINS(err.s, "控制字符");
	f.category = NULL;
	f.source = -1;
	sb_reset(&err);
	CHECK_INT(qd_problem_add(&q, &f, &id, &err), QD_INVALID);
	CHECK_CONTAINS(err.s, "问题来源");
	f.source = SRC_PHONE;
	f.meeting_id = 77;
	sb_reset(&err);
	CHECK_INT(qd_problem_add(&q, &f, &id, &err), QD_NOTFOUND);
	CHECK_CONTAINS(err.s, "#77");
	CHECK_INT(tt_num(q.db, "SELECT count(*) FROM problem"), 0);
	CHECK_INT(audit_rows(), rows);
	/* the date's year by default; today by default */
	f.meeting_id = -1;
	sb_reset(&err);
	CHECK_INT(qd_problem_add(&q, &f, &id, &err), QD_OK);
	struct problem p = get(id);
	CHECK_STR(p.raised_on, "2026-06-30");
	CHECK_INT(p.year, 2026);
	problem_clear(&p);
}

TEST(meeting_link_of_the_org_or_above)
{
	open_branch();
	struct meeting_fields mf = MEETING_FIELDS_INIT;
	long long mine = 0, other = 0, above = 0;
	mf.type = MT_ORG_LIFE;
	mf.on = "2026-02-01";
	mf.org_id = branch;
	CHECK_INT(qd_meeting_add(&q, &mf, &mine, &err), QD_OK);
	mf.org_id = branch2;
	CHECK_INT(qd_meeting_add(&q, &mf, &other, &err), QD_OK);
	mf.org_id = organ;
	mf.type = MT_DEMOCRATIC_LIFE;
	CHECK_INT(qd_meeting_add(&q, &mf, &above, &err), QD_OK);
	struct problem_fields f = PROBLEM_FIELDS_INIT;
	long long id = 0;
	f.org_id = branch;
	f.source = SRC_ORG_LIFE;
	f.text = "查摆问题";
	f.meeting_id = other;
	sb_reset(&err);
	CHECK_INT(qd_problem_add(&q, &f, &id, &err), QD_INVALID);
	CHECK_CONTAINS(err.s, "第二党支部");
	f.meeting_id = mine;
	sb_reset(&err);
	CHECK_INT(qd_problem_add(&q, &f, &id, &err), QD_OK);
	struct problem p = get(id);
	CHECK_INT(p.meeting_id, mine);
	problem_clear(&p);
	struct problem_fields s = PROBLEM_FIELDS_INIT;
	s.meeting_id = above;
	sb_reset(&err);
	CHECK_INT(qd_problem_set(&q, id, 0, &s, &err), QD_OK);
	p = get(id);
	CHECK_INT(p.meeting_id, above);
	problem_clear(&p);
	CHECK_INT(qd_meeting_delete(&q, mine, &err), QD_OK);
	s.meeting_id = mine;
	sb_reset(&err);
	CHECK_INT(qd_problem_set(&q, id, 0, &s, &err), QD_NOTFOUND);
	CHECK(verify_ok());
}

TEST(set_with_versions_and_raisers)
{
	open_branch();
	long long id = add_problem(branch, SRC_PHONE, "原描述", "张群众", 0);
	struct problem_fields f = PROBLEM_FIELDS_INIT;
	f.text = "新描述";
	f.category = "作风";
	sb_reset(&err);
	CHECK_INT(qd_problem_set(&q, id, 1, &f, &err), QD_OK);
	struct problem p = get(id);
	CHECK_STR(p.text, "新描述");
	CHECK_STR(p.category, "作风");
	CHECK_INT(p.version, 2);
	problem_clear(&p);
	sb_reset(&err);
	CHECK_INT(qd_problem_set(&q, id, 1, &f, &err), QD_CONFLICT);
	CHECK_CONTAINS(err.s, "第 2 版");
	/* a person of the file replaces the outside name; contact stays */
	struct problem_fields g = PROBLEM_FIELDS_INIT;
	g.raiser_id = full;
	sb_reset(&err);
	CHECK_INT(qd_problem_set(&q, id, 0, &g, &err), QD_OK);
	p = get(id);
	CHECK_INT(p.raiser_id, full);
	CHECK_STR(p.raiser_name, "孙正式");
	CHECK_STR(p.contact, "13800000000");
	problem_clear(&p);
	/* anonymous: the contact goes with the raiser */
	struct problem_fields h = PROBLEM_FIELDS_INIT;
	h.raiser_id = 0;
	sb_reset(&err);
	CHECK_INT(qd_problem_set(&q, id, 0, &h, &err), QD_OK);
	p = get(id);
	CHECK_INT(p.raiser_id, 0);
	CHECK_STR(p.raiser_name, "");
	CHECK_STR(p.contact, "");
	CHECK(!p.needs_feedback);
	problem_clear(&p);
	/* a new date moves the year that followed it */
	struct problem_fields d = PROBLEM_FIELDS_INIT;
	d.raised_on = "2025-12-01";
	sb_reset(&err);
	CHECK_INT(qd_problem_set(&q, id, 0, &d, &err), QD_OK);
	p = get(id);
	CHECK_INT(p.year, 2025);
	problem_clear(&p);
	struct problem_fields none = PROBLEM_FIELDS_INIT;
	sb_reset(&err);
	CHECK_INT(qd_problem_set(&q, id, 0, &none, &err), QD_INVALID);
	CHECK_INT(tt_num(q.db, "SELECT count(*) FROM audit WHERE entity = 'problem' AND action = 'set'"),
		  4);
	CHECK(verify_ok());
}

/* ---- measures, status, 回访, 销号 ---- */

TEST(measures_are_items_of_the_rectify_list)
{
	open_branch();
	long long pid = add_problem(branch, SRC_PHONE, "窗口服务态度差", "张群众", 0);
	long long duty = 0;
	struct item_fields df = ITEM_FIELDS_INIT;
	df.content = "抓好党建";
	CHECK_INT(qd_item_add(&q, branch, &df, &duty, &err), QD_OK);
	long long m1 = add_measure(pid, "开展窗口作风整顿", full, lead, "2026-09-30");
	long long m2 = add_measure(pid, "建立回访制度", orgm, lead, "2026-05-31");
	CHECK_INT(tt_num(q.db, "SELECT count(*) FROM list WHERE kind = 'rectify'"), 1);
	CHECK_INT(tt_num(q.db, "SELECT count(*) FROM list WHERE kind = 'duty'"), 1);
	CHECK_INT(tt_num(q.db, "SELECT count(DISTINCT list_id) FROM item"), 2);
	struct item it = {0};
	CHECK_INT(qd_get_item(&q, m1, &it, &err), QD_OK);
	CHECK_STR(it.content, "开展窗口作风整顿");
	CHECK_INT(it.org_id, branch);
	CHECK_INT(it.year, 2026);
	CHECK_INT(it.owner_id, full);
	CHECK_INT(it.lead_id, lead);
	CHECK_INT(it.status, ST_PLANNED);
	CHECK_INT(it.seq, 1);
	item_clear(&it);
	char *title = tt_text(q.db, "SELECT title FROM list WHERE kind = 'rectify'");
	CHECK_STR(title, "2026年度第一党支部整改清单");
	free(title);
	long long back = 0;
	CHECK_INT(qd_item_problem(&q, m2, &back, &err), QD_OK);
	CHECK_INT(back, pid);
	CHECK_INT(qd_item_problem(&q, duty, &back, &err), QD_OK);
	CHECK_INT(back, 0);
	struct item *ms = NULL;
	int n = 0;
	CHECK_INT(qd_problem_measures(&q, pid, &ms, &n, &err), QD_OK);
	CHECK_INT(n, 2);
	if (n == 2) {
		CHECK_INT(ms[0].id, m1);
		CHECK_INT(ms[1].id, m2);
		CHECK_CONTAINS(ms[1].flags, "overdue");
	}
	items_free(ms, n);
	struct problem p = get(pid);
	CHECK_INT(p.measures, 2);
	CHECK_INT(p.done_measures, 0);
	CHECK_INT(p.overdue_measures, 1);
	CHECK_INT(p.status, PB_OPEN);
	problem_clear(&p);
	/* the item's own audit row, the list's and the link's */
	CHECK_INT(tt_num(q.db, "SELECT count(*) FROM audit WHERE entity = 'item' AND action = 'add'"), 3);
	CHECK_INT(tt_num(q.db, "SELECT count(*) FROM audit WHERE entity = 'list' AND action = 'add'"), 2);
	CHECK_INT(tt_num(q.db, "SELECT count(*) FROM audit WHERE entity = 'problem_measure'"), 2);
	/* a problem of another year: that year's 整改清单 */
	struct problem_fields f = PROBLEM_FIELDS_INIT;
	long long old = 0;
	f.org_id = branch;
	f.source = SRC_INSPECTION;
	f.text = "巡察反馈问题";
	f.raised_on = "2025-11-02";
	CHECK_INT(qd_problem_add(&q, &f, &old, &err), QD_OK);
	long long m3 = add_measure(old, "建章立制", full, 0, "2026-03-01");
	CHECK_INT(qd_get_item(&q, m3, &it, &err), QD_OK);
	CHECK_INT(it.year, 2025);
	item_clear(&it);
	CHECK(verify_ok());
}

TEST(measure_refusals_write_nothing)
{
	open_branch();
	long long pid = add_problem(branch, SRC_SELF, "自查问题", NULL, -1);
	int rows = audit_rows();
	struct item_fields f = ITEM_FIELDS_INIT;
	long long id = 0;
	f.owner_id = full;
	f.due = "2026-09-30";
	sb_reset(&err);
	CHECK_INT(qd_problem_measure(&q, pid, &f, &id, &err), QD_INVALID);
	CHECK_CONTAINS(err.s, "--text");
	f.content = "措施";
	f.owner_id = -1;
	sb_reset(&err);
	CHECK_INT(qd_problem_measure(&q, pid, &f, &id, &err), QD_INVALID);
	CHECK_CONTAINS(err.s, "--owner");
	f.owner_id = full;
	f.due = NULL;
	sb_reset(&err);
	CHECK_INT(qd_problem_measure(&q, pid, &f, &id, &err), QD_INVALID);
	CHECK_CONTAINS(err.s, "--due");
	f.due = "2026-09-30";
	sb_reset(&err);
	CHECK_INT(qd_problem_measure(&q, 999, &f, &id, &err), QD_NOTFOUND);
	CHECK_INT(tt_num(q.db, "SELECT count(*) FROM item"), 0);
	CHECK_INT(tt_num(q.db, "SELECT count(*) FROM list"), 0);
	CHECK_INT(audit_rows(), rows);
	/* only an admin adds measures, even the org's 书记 may not */
	enforce_as("sec");
	rows = audit_rows();
	sb_reset(&err);
	CHECK_INT(qd_problem_measure(&q, pid, &f, &id, &err), QD_DENIED);
	CHECK_CONTAINS(err.s, "管理员");
	CHECK_INT(tt_num(q.db, "SELECT count(*) FROM item"), 0);
	CHECK_INT(audit_rows(), rows);
}

TEST(status_follows_the_measures)
{
	open_branch();
	long long pid = add_problem(branch, SRC_SELF, "自查问题", NULL, -1);
	CHECK_INT(status_of(pid), PB_OPEN);
	long long m1 = add_measure(pid, "措施一", full, lead, "2026-09-30");
	long long m2 = add_measure(pid, "措施二", full, lead, "2026-09-30");
	CHECK_INT(status_of(pid), PB_OPEN);
	move(m1, ST_IN_PROGRESS);
	CHECK_INT(status_of(pid), PB_RECTIFYING);
	move(m1, ST_SUBMITTED);
	move(m1, ST_DONE);
	CHECK_INT(status_of(pid), PB_RECTIFYING);
	/* a cancelled measure does not count */
	sb_reset(&err);
	CHECK_INT(qd_item_move(&q, m2, 0, ST_CANCELLED, "合并到措施一", &err), QD_OK);
	CHECK_INT(status_of(pid), PB_RECTIFIED);
	struct problem p = get(pid);
	CHECK_INT(p.measures, 1);
	CHECK_INT(p.done_measures, 1);
	problem_clear(&p);
	/* nor a deleted one */
	long long m3 = add_measure(pid, "措施三", full, lead, "2026-09-30");
	CHECK_INT(status_of(pid), PB_RECTIFYING);
	CHECK_INT(qd_item_delete(&q, m3, &err), QD_OK);
	CHECK_INT(status_of(pid), PB_RECTIFIED);
	CHECK_INT(close1(pid), QD_OK);   /* anonymous: no 回访 needed */
	CHECK_INT(status_of(pid), PB_CLOSED);
	p = get(pid);
	CHECK_STR(p.closed_on, "2026-07-01");
	problem_clear(&p);
	CHECK(verify_ok());
}

/* The Done-when case: a 公开电话 problem with two measures is not 销号
 * before both are done and the 回访 is recorded, satisfied. */
TEST(phone_problem_closes_only_when_done_and_fed_back)
{
	open_branch();
	long long pid = add_problem(branch, SRC_PHONE, "办事窗口推诿扯皮", "张群众", 0);
	CHECK_INT(close1(pid), QD_INVALID);
	CHECK_CONTAINS(err.s, "还没有整改措施");
	long long m1 = add_measure(pid, "窗口作风整顿", full, lead, "2026-09-30");
	long long m2 = add_measure(pid, "首问负责制", orgm, lead, "2026-09-30");
	CHECK_INT(close1(pid), QD_INVALID);
	CHECK_CONTAINS(err.s, "2 项整改措施中还有 2 项未销号");
	finish(m1);
	CHECK_INT(close1(pid), QD_INVALID);
	CHECK_CONTAINS(err.s, "还有 1 项未销号");
	finish(m2);
	CHECK_INT(status_of(pid), PB_RECTIFIED);
	CHECK_INT(close1(pid), QD_INVALID);
	CHECK_CONTAINS(err.s, "由张群众反映，须先回访");
	struct strbuf why = {0};
	struct problem p = get(pid);
	CHECK(!qd_problem_may_close(&q, &p, &why));
	CHECK_CONTAINS(why.s, "回访");
	problem_clear(&p);
	sb_free(&why);
	sb_reset(&err);
	CHECK_INT(qd_problem_feedback(&q, pid, "2026-06-20", sec, "仍有推诿", 0, &err), QD_OK);
	CHECK_INT(close1(pid), QD_INVALID);
	CHECK_CONTAINS(err.s, "不满意");
	CHECK_CONTAINS(err.s, "2026-06-20");
	sb_reset(&err);
	CHECK_INT(qd_problem_feedback(&q, pid, "2026-06-28", sec, "已改进，表示满意", 1, &err), QD_OK);
	p = get(pid);
	CHECK_INT(p.feedbacks, 2);
	CHECK_INT(p.satisfied, 1);
	CHECK(qd_problem_may_close(&q, &p, NULL));
	problem_clear(&p);
	int rows = audit_rows();
	CHECK_INT(close1(pid), QD_OK);
	CHECK_INT(audit_rows(), rows + 1);
	CHECK_INT(status_of(pid), PB_CLOSED);
	CHECK_INT(close1(pid), QD_INVALID);
	CHECK_CONTAINS(err.s, "已于 2026-07-01 销号");
	/* closed: no more changes; reopen (admin) */
	struct problem_fields f = PROBLEM_FIELDS_INIT;
	f.text = "改";
	sb_reset(&err);
	CHECK_INT(qd_problem_set(&q, pid, 0, &f, &err), QD_INVALID);
	CHECK_CONTAINS(err.s, "--undo");
	sb_reset(&err);
	CHECK_INT(qd_problem_close(&q, pid, NULL, 1, &err), QD_OK);
	CHECK_INT(status_of(pid), PB_RECTIFIED);
	sb_reset(&err);
	CHECK_INT(qd_problem_close(&q, pid, NULL, 1, &err), QD_INVALID);
	CHECK_CONTAINS(err.s, "尚未销号");
	struct problem_feedback *fb = NULL;
	int n = 0;
	CHECK_INT(qd_problem_feedbacks(&q, pid, &fb, &n, &err), QD_OK);
	CHECK_INT(n, 2);
	if (n == 2) {
		CHECK_STR(fb[0].on_date, "2026-06-20");
		CHECK_INT(fb[0].satisfied, 0);
		CHECK_STR(fb[1].by_name, "林支书");
		CHECK_STR(fb[1].result, "已改进，表示满意");
	}
	problem_feedbacks_free(fb, n);
	CHECK(verify_ok());
}

TEST(feedback_refusals)
{
	open_branch();
	long long anon = add_problem(branch, SRC_BOX, "匿名意见", NULL, -1);
	long long named = add_problem(branch, SRC_MAIL, "来信", "王某", 0);
	int rows = audit_rows();
	sb_reset(&err);
	CHECK_INT(qd_problem_feedback(&q, anon, NULL, sec, "已回访", 1, &err), QD_INVALID);
	CHECK_CONTAINS(err.s, "匿名");
	sb_reset(&err);
	CHECK_INT(qd_problem_feedback(&q, named, NULL, 0, "已回访", 1, &err), QD_INVALID);
	CHECK_CONTAINS(err.s, "--by");
	sb_reset(&err);
	CHECK_INT(qd_problem_feedback(&q, named, NULL, sec, "", 1, &err), QD_INVALID);
	CHECK_CONTAINS(err.s, "--result");
	sb_reset(&err);
	CHECK_INT(qd_problem_feedback(&q, named, "明天", sec, "好", 1, &err), QD_INVALID);
	sb_reset(&err);
	CHECK_INT(qd_problem_feedback(&q, named, NULL, 555, "好", 1, &err), QD_NOTFOUND);
	CHECK_INT(tt_num(q.db, "SELECT count(*) FROM problem_feedback"), 0);
	CHECK_INT(audit_rows(), rows);
	sb_reset(&err);
	CHECK_INT(qd_problem_feedback(&q, named, NULL, sec, "好", 1, &err), QD_OK);
	char *on = tt_text(q.db, "SELECT on_date FROM problem_feedback");
	CHECK_STR(on, "2026-06-30");
	free(on);
}

/* ---- who may write ---- */

TEST(recorders_leads_and_refusals)
{
	open_branch();
	long long pid = add_problem(branch, SRC_PHONE, "问题", "张群众", 0);
	long long m1 = add_measure(pid, "措施一", full, lead, "2026-09-30");
	long long m2 = add_measure(pid, "措施二", full, lead, "2026-09-30");
	finish(m1);
	finish(m2);
	enforce_as("full");
	struct problem_fields f = PROBLEM_FIELDS_INIT;
	long long id = 0;
	f.org_id = branch;
	f.source = SRC_SELF;
	f.text = "成员自报";
	sb_reset(&err);
	CHECK_INT(qd_problem_add(&q, &f, &id, &err), QD_DENIED);
	CHECK_CONTAINS(err.s, "第一党支部");
	CHECK_CONTAINS(err.s, "孙正式");
	sb_reset(&err);
	CHECK_INT(qd_problem_feedback(&q, pid, NULL, full, "好", 1, &err), QD_DENIED);
	CHECK_INT(close1(pid), QD_DENIED);
	CHECK_CONTAINS(err.s, "分管领导");
	/* the org's 组织委员 records problems and 回访, but not another org's */
	tt_login(&q, "org");
	sb_reset(&err);
	CHECK_INT(qd_problem_add(&q, &f, &id, &err), QD_OK);
	sb_reset(&err);
	CHECK_INT(qd_problem_feedback(&q, pid, NULL, orgm, "满意", 1, &err), QD_OK);
	f.org_id = branch2;
	sb_reset(&err);
	CHECK_INT(qd_problem_add(&q, &f, &id, &err), QD_DENIED);
	CHECK_CONTAINS(err.s, "第二党支部");
	CHECK_INT(close1(pid), QD_DENIED);
	sb_reset(&err);
	CHECK_INT(qd_problem_delete(&q, id, &err), QD_DENIED);
	/* the lead of every measure closes it; reopening is an admin's */
	tt_login(&q, "lead");
	CHECK_INT(close1(pid), QD_OK);
	sb_reset(&err);
	CHECK_INT(qd_problem_close(&q, pid, NULL, 1, &err), QD_DENIED);
	struct problem p = get(pid);
	CHECK_INT(p.closed_by, lead);
	CHECK_STR(p.closed_by_name, "周分管");
	problem_clear(&p);
	tt_login(&q, "admin");
	sb_reset(&err);
	CHECK_INT(qd_problem_close(&q, pid, NULL, 1, &err), QD_OK);
	p = get(pid);
	CHECK_INT(p.closed_by, 0);
	CHECK_STR(p.closed_by_name, "");
	problem_clear(&p);
	CHECK(verify_ok());
}

TEST(lead_of_some_measures_only_may_not_close)
{
	open_branch();
	long long pid = add_problem(branch, SRC_SELF, "问题", NULL, -1);
	finish(add_measure(pid, "措施一", full, lead, "2026-09-30"));
	finish(add_measure(pid, "措施二", full, orgm, "2026-09-30"));
	enforce_as("lead");
	CHECK_INT(close1(pid), QD_DENIED);
	CHECK_INT(status_of(pid), PB_RECTIFIED);
}

/* ---- delete, list, figures ---- */

TEST(delete_only_without_measures)
{
	open_branch();
	long long pid = add_problem(branch, SRC_SELF, "问题", NULL, -1);
	long long m = add_measure(pid, "措施", full, lead, "2026-09-30");
	sb_reset(&err);
	CHECK_INT(qd_problem_delete(&q, pid, &err), QD_INVALID);
	CHECK_CONTAINS(err.s, "1 项整改措施");
	CHECK_INT(qd_item_delete(&q, m, &err), QD_OK);
	sb_reset(&err);
	CHECK_INT(qd_problem_delete(&q, pid, &err), QD_OK);
	struct problem p = get(pid);
	CHECK(p.deleted_at != NULL);
	problem_clear(&p);
	struct problem *ps = NULL;
	int n = 0;
	struct problem_filter f = PROBLEM_FILTER_INIT;
	CHECK_INT(qd_problem_list(&q, &f, &ps, &n, &err), QD_OK);
	CHECK_INT(n, 0);
	problems_free(ps, n);
	struct problem_fields s = PROBLEM_FIELDS_INIT;
	s.text = "x";
	sb_reset(&err);
	CHECK_INT(qd_problem_set(&q, pid, 0, &s, &err), QD_INVALID);
	CHECK_CONTAINS(err.s, "已删除");
	CHECK(verify_ok());
}

static int list_n(struct problem_filter *f)
{
	struct problem *ps = NULL;
	int n = 0;
	CHECK_INT(qd_problem_list(&q, f, &ps, &n, &err), QD_OK);
	problems_free(ps, n);
	return n;
}

TEST(list_filters_in_org_order)
{
	open_branch();
	long long a = add_problem(branch2, SRC_PHONE, "二支部问题", "甲", 0);
	long long b = add_problem(branch, SRC_MAIL, "一支部问题", "乙", 0);
	long long c = add_problem(organ, SRC_INSPECTION, "机关问题", NULL, -1);
	struct problem_fields late = PROBLEM_FIELDS_INIT;
	late.raised_on = "2026-01-05";
	CHECK_INT(qd_problem_set(&q, b, 0, &late, &err), QD_OK);
	long long b2 = add_problem(branch, SRC_PHONE, "一支部问题二", NULL, -1);
	long long m = add_measure(b2, "措施", lead, 0, "2026-01-31");   /* overdue */
	move(m, ST_IN_PROGRESS);
	struct problem *ps = NULL;
	int n = 0;
	struct problem_filter f = PROBLEM_FILTER_INIT;
	CHECK_INT(qd_problem_list(&q, &f, &ps, &n, &err), QD_OK);
	CHECK_INT(n, 4);
	if (n == 4) {
		CHECK_INT(ps[0].id, c);    /* 机关党委 before its branches */
		CHECK_INT(ps[1].id, b);    /* 2026-01-05 */
		CHECK_INT(ps[2].id, b2);   /* 2026-03-10 */
		CHECK_INT(ps[3].id, a);
		CHECK_INT(ps[2].status, PB_RECTIFYING);
		CHECK_INT(ps[2].overdue_measures, 1);
	}
	problems_free(ps, n);
	f.org_id = branch;
	CHECK_INT(list_n(&f), 2);
	f.source = SRC_PHONE;
	CHECK_INT(list_n(&f), 1);
	f = (struct problem_filter)PROBLEM_FILTER_INIT;
	f.status = PB_OPEN;
	CHECK_INT(list_n(&f), 3);
	f.status = PB_RECTIFYING;
	CHECK_INT(list_n(&f), 1);
	f = (struct problem_filter)PROBLEM_FILTER_INIT;
	f.overdue = 1;
	CHECK_INT(list_n(&f), 1);
	f = (struct problem_filter)PROBLEM_FILTER_INIT;
	f.person_id = lead;
	CHECK_INT(list_n(&f), 1);
	f.person_id = full;
	CHECK_INT(list_n(&f), 0);
	f = (struct problem_filter)PROBLEM_FILTER_INIT;
	f.year = 2025;
	CHECK_INT(list_n(&f), 0);
	f.year = 2026;
	CHECK_INT(list_n(&f), 4);
}

TEST(stats_by_org_and_source)
{
	open_branch();
	long long p1 = add_problem(branch, SRC_PHONE, "一", "甲", 0);
	long long p2 = add_problem(branch, SRC_PHONE, "二", NULL, -1);
	add_problem(branch2, SRC_MAIL, "三", "丙", 0);
	add_problem(party_group, SRC_SELF, "四", NULL, -1);
	long long m = add_measure(p1, "措施", full, lead, "2026-09-30");
	finish(m);
	add_measure(p2, "措施", full, lead, "2026-01-31");
	CHECK_INT(qd_problem_feedback(&q, p1, NULL, sec, "满意", 1, &err), QD_OK);
	CHECK_INT(close1(p1), QD_OK);
	struct problem_stat *s = NULL;
	int n = 0;
	CHECK_INT(qd_problem_stats(&q, 2026, 0, 0, 0, &s, &n, &err), QD_OK);
	CHECK_INT(n, 1);
	if (n == 1) {
		CHECK_INT(s[0].org_id, 0);
		CHECK_INT(s[0].source, SRC__COUNT);
		CHECK_INT(s[0].problems, 4);
		CHECK_INT(s[0].open, 3);
		CHECK_INT(s[0].closed, 1);
		CHECK_INT(s[0].measures, 2);
		CHECK_INT(s[0].done_measures, 1);
		CHECK_INT(s[0].overdue_measures, 1);
		CHECK_INT(s[0].need_feedback, 2);
		CHECK_INT(s[0].fed_back, 1);
		CHECK_INT(s[0].satisfied, 1);
	}
	problem_stats_free(s, n);
	/* 机关党委 and the orgs under it, by source */
	CHECK_INT(qd_problem_stats(&q, 2026, organ, 0, 1, &s, &n, &err), QD_OK);
	CHECK_INT(n, 3);
	if (n == 3) {
		CHECK_INT(s[0].source, SRC_PHONE);
		CHECK_INT(s[0].problems, 2);
		CHECK_INT(s[1].source, SRC_MAIL);
		CHECK_INT(s[1].problems, 1);
		CHECK_INT(s[2].source, SRC__COUNT);
		CHECK_INT(s[2].problems, 3);
	}
	problem_stats_free(s, n);
	CHECK_INT(qd_problem_stats(&q, 2026, 0, 1, 0, &s, &n, &err), QD_OK);
	CHECK_INT(n, 4);
	if (n == 4) {
		CHECK_INT(s[0].org_id, party_group);
		CHECK_INT(s[1].org_id, branch);
		CHECK_INT(s[1].problems, 2);
		CHECK_INT(s[2].org_id, branch2);
		CHECK_INT(s[3].org_id, 0);
		CHECK_INT(s[3].problems, 4);
	}
	problem_stats_free(s, n);
	CHECK_INT(qd_problem_stats(&q, 2025, 0, 1, 1, &s, &n, &err), QD_OK);
	CHECK_INT(n, 1);
	if (n == 1)
		CHECK_INT(s[0].problems, 0);
	problem_stats_free(s, n);
}

TEST(tampering_with_a_problem_fails_verify)
{
	open_branch();
	long long pid = add_problem(branch, SRC_PHONE, "问题", "张群众", 0);
	CHECK_INT(qd_problem_feedback(&q, pid, NULL, sec, "满意", 1, &err), QD_OK);
	CHECK(verify_ok());
	tt_exec(q.db, "UPDATE problem_feedback SET satisfied = 0");
	CHECK(!verify_ok());
	tt_exec(q.db, "UPDATE problem_feedback SET satisfied = 1");
	CHECK(verify_ok());
	tt_exec(q.db, "UPDATE problem SET closed_on = '2026-06-01'");
	CHECK(!verify_ok());
}

TEST(readonly_file_refuses_writes)
{
	open_branch();
	long long pid = add_problem(branch, SRC_PHONE, "问题", "张群众", 0);
	tt_exec(q.db, TT_SQL("PRAGMA query_only=1", "SET default_transaction_read_only = on"));
	sb_reset(&err);
	CHECK(qd_problem_feedback(&q, pid, NULL, sec, "满意", 1, &err) != QD_OK);
	struct problem p = get(pid);
	CHECK(!qd_problem_may_close(&q, &p, NULL));
	problem_clear(&p);
	tt_exec(q.db, TT_SQL("PRAGMA query_only=0", "SET default_transaction_read_only = off"));
	CHECK_INT(tt_num(q.db, "SELECT count(*) FROM problem_feedback"), 0);
}

TEST(merge_moves_problem_records)
{
	open_branch();
	long long dup = person("孙正式", "科员（重复）", NULL, 0, branch);
	long long pid = add_problem(branch, SRC_ORG_LIFE, "学习不够", NULL, dup);
	sb_reset(&err);
	CHECK_INT(qd_problem_feedback(&q, pid, NULL, dup, "满意", 1, &err), QD_OK);
	int moved = 0;
	sb_reset(&err);
	CHECK_INT(qd_person_merge(&q, full, dup, &moved, &err), QD_OK);
	CHECK_INT(moved, 2);
	struct problem p = get(pid);
	CHECK_INT(p.raiser_id, full);
	problem_clear(&p);
	CHECK_INT(tt_num(q.db, "SELECT by_id FROM problem_feedback"), full);
	CHECK(verify_ok());
}

TEST(audit_detail_in_words)
{
	open_branch();
	long long pid = add_problem(branch, SRC_PHONE, "问题", NULL, full);
	struct problem_fields f = PROBLEM_FIELDS_INIT;
	f.source = SRC_VISIT;
	CHECK_INT(qd_problem_set(&q, pid, 0, &f, &err), QD_OK);
	char *detail = tt_text(q.db, "SELECT detail FROM audit WHERE entity = 'problem' "
				     "AND action = 'set'");
	char *words = qd_detail_text(&q, "problem", detail);
	CHECK_CONTAINS(words, "问题来源");
	CHECK_CONTAINS(words, "公开电话");
	CHECK_CONTAINS(words, "群众来访");
	free(words);
	free(detail);
	detail = tt_text(q.db, "SELECT detail FROM audit WHERE entity = 'problem' AND action = 'add'");
	words = qd_detail_text(&q, "problem", detail);
	CHECK_CONTAINS(words, "反映人：孙正式");
	free(words);
	free(detail);
}

/* Undo migration 6 on an open SQLite file: list without its kind, no
 * problem tables, user_version 5. */
static void downgrade_to_5(void)
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
"PRAGMA user_version = 5;"), SQL_OK);
}

/* A version-5 file with lists, items and notes migrates: every list is a
 * duty list with its id, the items keep theirs and their lists, foreign
 * keys hold, and audit verify passes; then measures go to a new 整改清单
 * and items to the old list. */
TEST(a_v5_file_with_items_upgrades)
{
	TT_SQLITE_ONLY("a file downgraded with SQLite's DDL, reopened");
	char *path = xasprintf("%s/qdt_%ld_v5.db", tt_tmpdir(), (long)getpid());
	unlink(path);
	memset(&q, 0, sizeof q);
	q.year = 2026;
	date_set_today(date_from_ymd(2026, 6, 30));
	CHECK_INT(qd_open(&q, path, DB_CREATE, &err), QD_OK);
	CHECK_INT(qd_ensure_defaults(&q, &err), QD_OK);
	CHECK_INT(qd_find_org(&q, "机关党委", &organ, &err), QD_OK);
	CHECK_INT(qd_org_add(&q, "第一党支部", LV_BRANCH, organ, &branch, &err), QD_OK);
	full = person("孙正式", "科员", NULL, 0, branch);
	long long ids[4];
	const long long orgs[4] = {branch, organ, branch, organ};
	for (int i = 0; i < 4; i++) {
		struct item_fields f = ITEM_FIELDS_INIT;
		f.content = i % 2 ? "机关事项" : "支部事项";
		f.owner_id = full;
		q.year = i < 2 ? 2025 : 2026;
		CHECK_INT(qd_item_add(&q, orgs[i], &f, &ids[i], &err), QD_OK);
	}
	q.year = 2026;
	CHECK_INT(qd_item_note(&q, ids[0], NULL, "纪实", &err), QD_OK);
	char *lists_before = tt_text(q.db, "SELECT group_concat(id || ':' || org_id || ':' || year, ',') "
					   "FROM (SELECT * FROM list ORDER BY id)");
	char *items_before = tt_text(q.db, "SELECT group_concat(id || ':' || list_id, ',') "
					   "FROM (SELECT * FROM item ORDER BY id)");
	downgrade_to_5();
	qd_close(&q);

	memset(&q, 0, sizeof q);
	q.year = 2026;
	CHECK_INT(qd_open(&q, path, 0, &err), QD_OK);
	CHECK_INT(tt_num(q.db, "PRAGMA user_version"), db_schema_version());
	char *lists = tt_text(q.db, "SELECT group_concat(id || ':' || org_id || ':' || year, ',') "
				    "FROM (SELECT * FROM list ORDER BY id)");
	char *items = tt_text(q.db, "SELECT group_concat(id || ':' || list_id, ',') "
				    "FROM (SELECT * FROM item ORDER BY id)");
	CHECK_STR(lists, lists_before);
	CHECK_STR(items, items_before);
	CHECK_INT(tt_num(q.db, "SELECT count(*) FROM list WHERE kind <> 'duty'"), 0);
	CHECK_INT(tt_num(q.db, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
	CHECK_INT(tt_num(q.db, "PRAGMA foreign_keys"), 1);
	CHECK(verify_ok());
	/* and it works on: a problem, a measure in a new 整改清单 */
	long long pid = add_problem(branch, SRC_INSPECTION, "巡察反馈", NULL, -1);
	long long m = add_measure(pid, "立行立改", full, 0, "2026-09-30");
	long long more = 0;
	struct item_fields f = ITEM_FIELDS_INIT;
	f.content = "新增事项";
	CHECK_INT(qd_item_add(&q, branch, &f, &more, &err), QD_OK);
	struct item a = {0}, b = {0};
	CHECK_INT(qd_get_item(&q, more, &a, &err), QD_OK);
	CHECK_INT(qd_get_item(&q, ids[2], &b, &err), QD_OK);
	CHECK_INT(a.list_id, b.list_id);
	item_clear(&a);
	CHECK_INT(qd_get_item(&q, m, &a, &err), QD_OK);
	CHECK(a.list_id != b.list_id);
	CHECK_INT(tt_num(q.db, "SELECT count(*) FROM list WHERE kind = 'rectify'"), 1);
	item_clear(&a);
	item_clear(&b);
	CHECK(verify_ok());
	qd_close(&q);
	free(lists);
	free(items);
	free(lists_before);
	free(items_before);
	char *bak = xasprintf("rm -f %s %s.bak-v5-*", path, path);
	CHECK(system(bak) == 0);
	free(bak);
	free(path);
}

int main(void)
{
	text_init_locale();
	RUN(labels_and_parsers);
	RUN(add_get_and_the_three_raisers);
	RUN(add_refuses_bad_input_and_writes_nothing);
	RUN(meeting_link_of_the_org_or_above);
	RUN(set_with_versions_and_raisers);
	RUN(measures_are_items_of_the_rectify_list);
	RUN(measure_refusals_write_nothing);
	RUN(status_follows_the_measures);
	RUN(phone_problem_closes_only_when_done_and_fed_back);
	RUN(feedback_refusals);
	RUN(recorders_leads_and_refusals);
	RUN(lead_of_some_measures_only_may_not_close);
	RUN(delete_only_without_measures);
	RUN(list_filters_in_org_order);
	RUN(stats_by_org_and_source);
	RUN(tampering_with_a_problem_fails_verify);
	RUN(readonly_file_refuses_writes);
	RUN(merge_moves_problem_records);
	RUN(audit_detail_in_words);
	RUN(a_v5_file_with_items_upgrades);
	return TT_END();
}
