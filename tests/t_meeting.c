/* t_meeting.c — unit tests of the 组织生活 ledger's model (meeting.h above
 * "the year checked") on both backends: codes and labels, periods, quorum
 * rules, members, meetings and who is expected at them, attendance and its
 * counts, evidence, item links, the rules, who may write, merging people,
 * and audit verify over all of it (removals included). */
#include <stdlib.h>
#include <string.h>

#include "qingdan/date.h"
#include "qingdan/db.h"
#include "qingdan/meeting.h"
#include "qingdan/model.h"
#include "qingdan/msg.h"
#include "qingdan/store.h"
#include "qingdan/text.h"
#include "tt.h"

static struct qd q;
static struct strbuf err;
static long long party_group, organ, branch, branch2;
/* branch: sec (书记, login sec), org (组织委员, login org), prob (预备),
 * full (正式, cell 一组), mass (群众); branch2: sec2 (书记, login sec2);
 * 党组: boss (党组书记) */
static long long sec, orgm, prob, full, mass, sec2, boss;

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

static void member(long long id, int party, int committee, const char *cell)
{
	sb_reset(&err);
	CHECK_INT(qd_member_set(&q, id, party, committee, cell, &err), QD_OK);
}

static void open_branch(void)
{
	open_mem();
	CHECK_INT(qd_find_org(&q, "党组", &party_group, &err), QD_OK);
	CHECK_INT(qd_find_org(&q, "机关党委", &organ, &err), QD_OK);
	CHECK_INT(qd_org_add(&q, "第一党支部", LV_BRANCH, organ, &branch, &err), QD_OK);
	CHECK_INT(qd_org_add(&q, "第二党支部", LV_BRANCH, organ, &branch2, &err), QD_OK);
	boss = person("赵书记", "党组书记、局长", "boss", 0, party_group);
	sec = person("林支书", "支部书记、处长", "sec", 0, branch);
	orgm = person("吴组委", "科长", "org", 0, branch);
	prob = person("钱预备", "科员", "prob", 0, branch);
	full = person("孙正式", "科员", "full", 0, branch);
	mass = person("李群众", "科员", NULL, 0, branch);
	sec2 = person("周二支", "支部书记", "sec2", 0, branch2);
	member(sec, PS_FULL, CR_SECRETARY, "");
	member(orgm, PS_FULL, CR_ORGANIZATION, "");
	member(prob, PS_PROBATIONARY, -1, "二组");
	member(full, PS_FULL, -1, "一组");
	member(mass, PS_NONE, -1, NULL);
	member(sec2, PS_FULL, CR_SECRETARY, NULL);
}

/* Enforce the rules: an admin with a login appears; act as `login`. */
static void enforce_as(const char *login)
{
	person("管理员", "", "admin", 1, 0);
	tt_login(&q, login);
	CHECK(q.enforced);
}

static long long add_meeting(long long org, enum meeting_type type, const char *on,
			     const char *cell)
{
	struct meeting_fields f = MEETING_FIELDS_INIT;
	long long id = 0;
	f.org_id = org;
	f.type = (int)type;
	f.on = on;
	f.cell = cell;
	f.title = "学习会";
	sb_reset(&err);
	CHECK_INT(qd_meeting_add(&q, &f, &id, &err), QD_OK);
	CHECK(id > 0);
	return id;
}

static struct meeting get(long long id)
{
	struct meeting m;
	CHECK_INT(qd_meeting_get(&q, id, &m, &err), QD_OK);
	return m;
}

static enum qd_status attend1(long long id, long long who, int st, const char *reason)
{
	sb_reset(&err);
	return qd_meeting_attend(&q, id, &who, 1, st, reason, &err);
}

static int audit_rows(void)
{
	return (int)tt_num(q.db, "SELECT count(*) FROM audit");
}

static int verify_ok(void)
{
	struct strbuf r = {0}, e = {0};
	enum qd_status s = qd_audit_verify(&q, &r, &e);
	if (s != QD_OK)
		fprintf(stderr, "  verify: %s%s\n", r.s ? r.s : "", e.s ? e.s : "");
	sb_free(&r);
	sb_free(&e);
	return s == QD_OK;
}

/* ---- codes, labels, periods, quorum ---- */

TEST(labels_and_parsers)
{
	CHECK_STR(meeting_type_code(MT_THEME_DAY), "theme-day");
	CHECK_STR(meeting_type_label(MT_THEME_DAY), "主题党日");
	CHECK_INT(meeting_type_parse("theme-day"), MT_THEME_DAY);
	CHECK_INT(meeting_type_parse("支委会"), MT_COMMITTEE);
	CHECK_INT(meeting_type_parse("nonsense"), -1);
	CHECK_INT(meeting_type_parse(NULL), -1);
	for (int t = 0; t < MT__COUNT; t++) {
		CHECK_INT(meeting_type_parse(meeting_type_code((enum meeting_type)t)), t);
		CHECK_INT(meeting_type_parse(meeting_type_label((enum meeting_type)t)), t);
	}
	CHECK(meeting_type_is_org_life(MT_REVIEW));
	CHECK(meeting_type_is_org_life(MT_DEMOCRATIC_LIFE));
	CHECK(!meeting_type_is_org_life(MT_STUDY_GROUP));
	CHECK(!meeting_type_is_org_life(MT_TRAINING));
	CHECK_INT(attend_parse("leave"), AT_LEAVE);
	CHECK_INT(attend_parse("列席"), AT_OBSERVER);
	CHECK_STR(attend_label(AT_LATE), "迟到");
	CHECK_INT(party_parse("预备党员"), PS_PROBATIONARY);
	CHECK_STR(party_code(PS_NONE), "none");
	CHECK_INT(committee_parse(""), CR_NONE);
	CHECK_INT(committee_parse("无"), CR_NONE);
	CHECK_INT(committee_parse("none"), CR_NONE);
	CHECK_INT(committee_parse("组织委员"), CR_ORGANIZATION);
	CHECK_INT(committee_parse("boss"), -1);
	CHECK_STR(committee_label(CR_NONE), "");
	CHECK_STR(committee_label(CR_DEPUTY), "副书记");
	CHECK_INT(period_kind_parse("每季度"), PK_QUARTER);
	CHECK_STR(period_kind_label(PK_HALF), "每半年");
	CHECK_INT(meeting_note_kind_parse("签到表"), 2);
	CHECK_INT(meeting_note_kind_parse(""), 0);
	CHECK_INT(meeting_note_kind_parse("video"), -1);
	CHECK_STR(meeting_note_kind_label("photo"), "照片");
	msg_set_english(1);
	CHECK_STR(meeting_type_label(MT_THEME_DAY), "Party theme day");
	CHECK_STR(attend_label(AT_LEAVE), "on leave");
	CHECK_INT(meeting_type_parse("主题党日"), MT_THEME_DAY);   /* Chinese still read */
	msg_set_english(0);
}

TEST(periods)
{
	char name[12], first[11], last[11];
	CHECK_INT(period_count(PK_MONTH), 12);
	CHECK_INT(period_count(PK_QUARTER), 4);
	CHECK_INT(period_count(PK_HALF), 2);
	CHECK_INT(period_count(PK_YEAR), 1);
	period_of(PK_MONTH, 2028, 1, name, first, last);
	CHECK_STR(name, "2028-02");
	CHECK_STR(first, "2028-02-01");
	CHECK_STR(last, "2028-02-29");
	period_of(PK_QUARTER, 2026, 3, name, first, last);
	CHECK_STR(name, "2026-Q4");
	CHECK_STR(first, "2026-10-01");
	CHECK_STR(last, "2026-12-31");
	period_of(PK_HALF, 2026, 0, name, first, last);
	CHECK_STR(name, "2026-H1");
	CHECK_STR(last, "2026-06-30");
	period_of(PK_YEAR, 2026, 0, name, first, last);
	CHECK_STR(name, "2026");
	CHECK_STR(first, "2026-01-01");
	CHECK_STR(last, "2026-12-31");
}

TEST(quorum_rules)
{
	char c[16];
	CHECK_INT(quorum_parse(">1/2", c, sizeof c), 0);
	CHECK_STR(c, ">1/2");
	CHECK_INT(quorum_parse("≥2/3", c, sizeof c), 0);
	CHECK_STR(c, ">=2/3");
	CHECK_INT(quorum_parse("> 50%", c, sizeof c), 0);
	CHECK_STR(c, ">1/2");
	CHECK_INT(quorum_parse("0.5", c, sizeof c), 0);
	CHECK_STR(c, ">=1/2");
	CHECK_INT(quorum_parse(">=4/6", c, sizeof c), 0);
	CHECK_STR(c, ">=2/3");
	CHECK_INT(quorum_parse("", c, sizeof c), 0);
	CHECK_STR(c, "");
	CHECK_INT(quorum_parse("half", c, sizeof c), -1);
	CHECK_INT(quorum_parse(">3/2", c, sizeof c), -1);
	CHECK_INT(quorum_parse(">0/2", c, sizeof c), -1);
	CHECK_INT(quorum_parse("<1/2", c, sizeof c), -1);
	CHECK_INT(quorum_parse(">1/", c, sizeof c), -1);
	/* more than half: 2 of 4 is not, 3 of 4 is */
	CHECK_INT(quorum_check(">1/2", 2, 4), QS_SHORT);
	CHECK_INT(quorum_check(">1/2", 3, 4), QS_OK);
	/* at least two thirds: 2 of 3 is */
	CHECK_INT(quorum_check(">=2/3", 2, 3), QS_OK);
	CHECK_INT(quorum_check(">=2/3", 3, 5), QS_SHORT);
	CHECK_INT(quorum_check("", 0, 5), QS_NA);
	CHECK_INT(quorum_check(">1/2", 0, 0), QS_NA);
	char *t = quorum_text(">1/2");
	CHECK_STR(t, "超过半数");
	free(t);
	t = quorum_text(">=2/3");
	CHECK_STR(t, "不少于三分之二");
	free(t);
	t = quorum_text("");
	CHECK_STR(t, "");
	free(t);
	CHECK_STR(quorum_code(QS_SHORT), "short");
	CHECK_STR(quorum_label(QS_OK), "有效");
}

/* ---- members ---- */

TEST(members_default_and_set)
{
	open_branch();
	struct member m;
	long long plain = person("无记录", "", NULL, 0, branch);
	CHECK_INT(qd_member_get(&q, plain, &m, &err), QD_OK);
	CHECK_INT(m.party, PS_FULL);
	CHECK_INT(m.committee, CR_NONE);
	CHECK_STR(m.cell, "");
	member_clear(&m);
	CHECK_INT(qd_member_get(&q, 9999, &m, &err), QD_NOTFOUND);
	member_clear(&m);
	CHECK_INT(qd_member_get(&q, full, &m, &err), QD_OK);
	CHECK_INT(m.party, PS_FULL);
	CHECK_STR(m.cell, "一组");
	member_clear(&m);
	/* -1 and NULL leave a field alone; "" clears the cell */
	int rows = audit_rows();
	member(full, -1, CR_MEMBER, NULL);
	CHECK_INT(qd_member_get(&q, full, &m, &err), QD_OK);
	CHECK_INT(m.committee, CR_MEMBER);
	CHECK_STR(m.cell, "一组");
	member_clear(&m);
	member(full, -1, -1, "");
	CHECK_INT(qd_member_get(&q, full, &m, &err), QD_OK);
	CHECK_STR(m.cell, "");
	member_clear(&m);
	CHECK_INT(audit_rows(), rows + 2);
	/* the same again writes nothing */
	member(full, PS_FULL, CR_MEMBER, "");
	CHECK_INT(audit_rows(), rows + 2);
	sb_reset(&err);
	CHECK_INT(qd_member_set(&q, full, -1, -1, "a\nb", &err), QD_INVALID);
	sb_reset(&err);
	CHECK_INT(qd_member_set(&q, 9999, PS_FULL, -1, NULL, &err), QD_NOTFOUND);
	CHECK_INT(tt_num(q.db, "SELECT count(*) FROM member WHERE person_id = 9999"), 0);
	CHECK(verify_ok());
}

/* ---- meetings ---- */

TEST(add_get_set_delete)
{
	open_branch();
	struct meeting_fields f = MEETING_FIELDS_INIT;
	long long id = 0;
	f.org_id = branch;
	f.type = MT_MEMBERS;
	f.on = "2026年3月5日";
	f.starts = "9:30";
	f.title = "第一季度党员大会";
	f.place = "三楼会议室";
	f.host_id = sec;
	f.recorder_id = orgm;
	f.hours = "1.5";
	f.summary = "学习文件";
	f.decisions = "通过决议";
	CHECK_INT(qd_meeting_add(&q, &f, &id, &err), QD_OK);
	struct meeting m = get(id);
	CHECK_INT(m.org_id, branch);
	CHECK_STR(m.org_name, "第一党支部");
	CHECK_STR(m.org_level, "branch");
	CHECK_INT(m.type, MT_MEMBERS);
	CHECK_STR(m.on_date, "2026-03-05");
	CHECK_INT(m.year, 2026);
	CHECK_STR(m.starts, "09:30");
	CHECK_STR(m.title, "第一季度党员大会");
	CHECK_STR(m.place, "三楼会议室");
	CHECK_STR(m.host_name, "林支书");
	CHECK_STR(m.recorder_name, "吴组委");
	CHECK(m.has_hours);
	CHECK(m.hours > 1.49 && m.hours < 1.51);
	CHECK_STR(m.quorum_rule, ">1/2");
	CHECK_INT(m.version, 1);
	CHECK(m.deleted_at == NULL);
	meeting_clear(&m);

	/* set: only what is given; "" clears; stale versions refused */
	struct meeting_fields g = MEETING_FIELDS_INIT;
	g.title = "改后的标题";
	g.hours = "";
	g.host_id = 0;
	CHECK_INT(qd_meeting_set(&q, id, 1, &g, &err), QD_OK);
	m = get(id);
	CHECK_STR(m.title, "改后的标题");
	CHECK_STR(m.place, "三楼会议室");
	CHECK(!m.has_hours);
	CHECK_INT(m.host_id, 0);
	CHECK_INT(m.recorder_id, orgm);
	CHECK_INT(m.version, 2);
	meeting_clear(&m);
	sb_reset(&err);
	CHECK_INT(qd_meeting_set(&q, id, 1, &g, &err), QD_CONFLICT);
	CHECK_CONTAINS(err.s, "第 2 版");

	/* bad input: nothing written */
	struct meeting_fields bad = MEETING_FIELDS_INIT;
	int rows = audit_rows();
	bad.starts = "25:00";
	sb_reset(&err);
	CHECK_INT(qd_meeting_set(&q, id, 0, &bad, &err), QD_INVALID);
	CHECK_CONTAINS(err.s, "25:00");
	bad.starts = NULL;
	bad.hours = "abc";
	sb_reset(&err);
	CHECK_INT(qd_meeting_set(&q, id, 0, &bad, &err), QD_INVALID);
	bad.hours = NULL;
	bad.on = "2026-02-30";
	sb_reset(&err);
	CHECK_INT(qd_meeting_set(&q, id, 0, &bad, &err), QD_INVALID);
	bad.on = NULL;
	bad.host_id = 9999;
	sb_reset(&err);
	CHECK_INT(qd_meeting_set(&q, id, 0, &bad, &err), QD_NOTFOUND);
	struct meeting_fields none = MEETING_FIELDS_INIT;
	sb_reset(&err);
	CHECK_INT(qd_meeting_set(&q, id, 0, &none, &err), QD_INVALID);
	struct meeting_fields noorg = MEETING_FIELDS_INIT;
	noorg.type = MT_MEMBERS;
	noorg.on = "2026-03-01";
	sb_reset(&err);
	CHECK_INT(qd_meeting_add(&q, &noorg, NULL, &err), QD_INVALID);
	noorg.org_id = branch;
	noorg.on = NULL;
	sb_reset(&err);
	CHECK_INT(qd_meeting_add(&q, &noorg, NULL, &err), QD_INVALID);
	CHECK_INT(audit_rows(), rows);
	CHECK_INT(tt_num(q.db, "SELECT count(*) FROM meeting"), 1);

	/* delete: soft, then refused for edits, gone from lists */
	sb_reset(&err);
	CHECK_INT(qd_meeting_delete(&q, id, &err), QD_OK);
	m = get(id);
	CHECK(m.deleted_at != NULL);
	meeting_clear(&m);
	sb_reset(&err);
	CHECK_INT(qd_meeting_set(&q, id, 0, &g, &err), QD_INVALID);
	sb_reset(&err);
	CHECK_INT(qd_meeting_delete(&q, id, &err), QD_INVALID);
	struct meeting *ms = NULL;
	int n = -1;
	CHECK_INT(qd_meeting_list(&q, NULL, &ms, &n, &err), QD_OK);
	CHECK_INT(n, 0);
	meetings_free(ms, n);
	sb_reset(&err);
	CHECK_INT(qd_meeting_get(&q, 4242, &m, &err), QD_NOTFOUND);
	CHECK_CONTAINS(err.s, "4242");
	CHECK(verify_ok());
}

TEST(list_filters_in_date_order)
{
	open_branch();
	long long a = add_meeting(branch, MT_THEME_DAY, "2026-05-10", NULL);
	long long b = add_meeting(branch, MT_COMMITTEE, "2026-01-10", NULL);
	long long c = add_meeting(branch2, MT_THEME_DAY, "2026-03-10", NULL);
	long long d = add_meeting(branch, MT_THEME_DAY, "2025-12-10", NULL);
	CHECK_INT(attend1(c, sec, AT_PRESENT, NULL), QD_OK);
	struct meeting *ms = NULL;
	int n = 0;
	struct meeting_filter f = MEETING_FILTER_INIT;
	CHECK_INT(qd_meeting_list(&q, &f, &ms, &n, &err), QD_OK);
	CHECK_INT(n, 4);
	if (n == 4) {
		CHECK_INT(ms[0].id, d);
		CHECK_INT(ms[1].id, b);
		CHECK_INT(ms[2].id, c);
		CHECK_INT(ms[3].id, a);
	}
	meetings_free(ms, n);
	f.year = 2026;
	CHECK_INT(qd_meeting_list(&q, &f, &ms, &n, &err), QD_OK);
	CHECK_INT(n, 3);
	meetings_free(ms, n);
	f.org_id = branch;
	CHECK_INT(qd_meeting_list(&q, &f, &ms, &n, &err), QD_OK);
	CHECK_INT(n, 2);
	meetings_free(ms, n);
	f.type = MT_THEME_DAY;
	CHECK_INT(qd_meeting_list(&q, &f, &ms, &n, &err), QD_OK);
	CHECK_INT(n, 1);
	if (n == 1)
		CHECK_INT(ms[0].id, a);
	meetings_free(ms, n);
	struct meeting_filter g = MEETING_FILTER_INIT;
	g.from = "2026-01-10";
	g.to = "2026-03-10";
	CHECK_INT(qd_meeting_list(&q, &g, &ms, &n, &err), QD_OK);
	CHECK_INT(n, 2);
	meetings_free(ms, n);
	struct meeting_filter h = MEETING_FILTER_INIT;
	h.person_id = sec;
	CHECK_INT(qd_meeting_list(&q, &h, &ms, &n, &err), QD_OK);
	CHECK_INT(n, 1);
	if (n == 1)
		CHECK_INT(ms[0].id, c);
	meetings_free(ms, n);
}

/* ---- who is expected, attendance, the counts ---- */

TEST(expected_by_type)
{
	open_branch();
	long long *ids = NULL;
	int *voting = NULL, n = 0;
	/* a members' meeting: the Party members (full and probationary) of the branch */
	CHECK_INT(qd_meeting_expected(&q, branch, MT_MEMBERS, NULL, &ids, &voting, &n, &err), QD_OK);
	CHECK_INT(n, 4);
	if (n == 4) {
		CHECK_INT(ids[0], sec);
		CHECK_INT(ids[1], orgm);
		CHECK_INT(ids[2], prob);
		CHECK_INT(ids[3], full);
		CHECK_INT(voting[2], 0);
		CHECK_INT(voting[3], 1);
	}
	free(ids);
	free(voting);
	/* the org above sees those under it */
	CHECK_INT(qd_meeting_expected(&q, organ, MT_THEME_DAY, NULL, &ids, &voting, &n, &err), QD_OK);
	CHECK_INT(n, 5);
	free(ids);
	free(voting);
	CHECK_INT(qd_meeting_expected(&q, branch, MT_COMMITTEE, NULL, &ids, &voting, &n, &err), QD_OK);
	CHECK_INT(n, 2);
	free(ids);
	free(voting);
	CHECK_INT(qd_meeting_expected(&q, branch, MT_GROUP, "一组", &ids, &voting, &n, &err), QD_OK);
	CHECK_INT(n, 1);
	if (n == 1)
		CHECK_INT(ids[0], full);
	free(ids);
	free(voting);
	CHECK_INT(qd_meeting_expected(&q, branch, MT_GROUP, "", &ids, &voting, &n, &err), QD_OK);
	CHECK_INT(n, 4);
	free(ids);
	free(voting);
	CHECK_INT(qd_meeting_expected(&q, branch, MT_TRAINING, NULL, &ids, &voting, &n, &err), QD_OK);
	CHECK_INT(n, 0);
	free(ids);
	free(voting);
	/* 班子成员: the 党组's people, and everyone whose post says 党组… */
	long long vice = person("陈副局长", "党组成员、副局长", NULL, 0, branch2);
	CHECK_INT(qd_meeting_expected(&q, party_group, MT_DEMOCRATIC_LIFE, NULL, &ids, &voting, &n,
				      &err), QD_OK);
	CHECK_INT(n, 2);
	if (n == 2) {
		CHECK_INT(ids[0], boss);
		CHECK_INT(ids[1], vice);
	}
	free(ids);
	free(voting);
	/* inactive people are not expected */
	struct person_fields off = PERSON_FIELDS_INIT;
	off.active = 0;
	CHECK_INT(qd_person_set(&q, full, &off, &err), QD_OK);
	CHECK_INT(qd_meeting_expected(&q, branch, MT_MEMBERS, NULL, &ids, &voting, &n, &err), QD_OK);
	CHECK_INT(n, 3);
	free(ids);
	free(voting);
}

TEST(attendance_counts_and_quorum)
{
	open_branch();
	long long id = add_meeting(branch, MT_MEMBERS, "2026-03-05", NULL);
	struct meeting m = get(id);
	CHECK_INT(m.expected, 4);
	CHECK_INT(m.present, 0);
	CHECK_INT(m.absent, 4);
	CHECK_INT(m.voting_expected, 3);
	CHECK_INT(m.quorum, QS_SHORT);
	meeting_clear(&m);
	long long two[] = {sec, full};
	sb_reset(&err);
	CHECK_INT(qd_meeting_attend(&q, id, two, 2, AT_PRESENT, NULL, &err), QD_OK);
	m = get(id);
	CHECK_INT(m.present, 2);
	CHECK_INT(m.voting_present, 2);
	CHECK_INT(m.quorum, QS_OK);     /* 2 of 3 voting members is more than half */
	meeting_clear(&m);
	CHECK_INT(attend1(prob, prob, AT_PRESENT, NULL), QD_NOTFOUND);   /* no meeting #prob */
	CHECK_INT(attend1(id, prob, AT_LEAVE, "出差"), QD_OK);
	CHECK_INT(attend1(id, orgm, AT_LATE, NULL), QD_OK);
	CHECK_INT(attend1(id, mass, AT_OBSERVER, NULL), QD_OK);
	long long outsider = person("外单位", "", NULL, 0, branch2);
	CHECK_INT(attend1(id, outsider, AT_ABSENT, NULL), QD_OK);
	m = get(id);
	CHECK_INT(m.expected, 5);      /* the four, and the outsider recorded absent */
	CHECK_INT(m.present, 3);       /* present and late */
	CHECK_INT(m.late, 1);
	CHECK_INT(m.leave, 1);
	CHECK_INT(m.absent, 1);
	CHECK_INT(m.observers, 1);
	CHECK_INT(m.voting_expected, 4);
	CHECK_INT(m.voting_present, 3);
	CHECK_INT(m.quorum, QS_OK);
	meeting_clear(&m);
	struct attendee *a = NULL;
	int n = 0;
	CHECK_INT(qd_meeting_attendees(&q, id, &a, &n, &err), QD_OK);
	CHECK_INT(n, 6);
	if (n == 6) {
		CHECK_INT(a[0].person_id, sec);
		CHECK_INT(a[2].person_id, prob);
		CHECK_INT(a[2].status, AT_LEAVE);
		CHECK_STR(a[2].reason, "出差");
		CHECK_INT(a[2].voting, 0);
		CHECK_INT(a[4].person_id, outsider);   /* branch2 comes after branch */
		CHECK_INT(a[5].person_id, mass);       /* observers last */
		CHECK_INT(a[5].expected, 0);
	}
	attendees_free(a, n);

	/* the same state again writes nothing; NULL keeps the reason */
	int rows = audit_rows();
	CHECK_INT(attend1(id, prob, AT_LEAVE, NULL), QD_OK);
	CHECK_INT(audit_rows(), rows);
	CHECK_INT(attend1(id, prob, AT_PRESENT, NULL), QD_OK);
	CHECK_INT(audit_rows(), rows + 1);
	char *why = tt_text(q.db, "SELECT reason FROM attendance WHERE status = 'present' AND reason <> ''");
	CHECK_STR(why, "出差");
	free(why);
	/* -1 removes the row: an expected person counts absent again */
	CHECK_INT(attend1(id, full, -1, NULL), QD_OK);
	CHECK_INT(attend1(id, sec, -1, NULL), QD_OK);
	m = get(id);
	CHECK_INT(m.absent, 3);
	CHECK_INT(m.voting_present, 1);
	CHECK_INT(m.quorum, QS_SHORT);
	meeting_clear(&m);
	CHECK(verify_ok());

	/* all or nothing: a bad person in the batch writes nothing */
	long long mixed[] = {sec, 9999};
	rows = audit_rows();
	sb_reset(&err);
	CHECK_INT(qd_meeting_attend(&q, id, mixed, 2, AT_PRESENT, NULL, &err), QD_NOTFOUND);
	CHECK_INT(audit_rows(), rows);
	CHECK_INT(tt_num(q.db, "SELECT count(*) FROM attendance WHERE status = 'present'"), 1);
	sb_reset(&err);
	CHECK_INT(qd_meeting_attend(&q, id, mixed, 0, AT_PRESENT, NULL, &err), QD_INVALID);
	sb_reset(&err);
	CHECK_INT(qd_meeting_attend(&q, id, mixed, 1, AT__COUNT, NULL, &err), QD_INVALID);
}

TEST(list_counts_match_get)
{
	open_branch();
	long long a = add_meeting(branch, MT_GROUP, "2026-02-01", "一组");
	long long b = add_meeting(branch, MT_GROUP, "2026-02-02", "");
	CHECK_INT(attend1(a, full, AT_PRESENT, NULL), QD_OK);
	CHECK_INT(attend1(b, full, AT_PRESENT, NULL), QD_OK);
	struct meeting *ms = NULL;
	int n = 0;
	CHECK_INT(qd_meeting_list(&q, NULL, &ms, &n, &err), QD_OK);
	CHECK_INT(n, 2);
	if (n == 2) {
		CHECK_INT(ms[0].expected, 1);
		CHECK_INT(ms[0].present, 1);
		CHECK_INT(ms[1].expected, 4);
		CHECK_INT(ms[1].present, 1);
		CHECK_INT(ms[1].quorum, QS_NA);   /* 党小组会 has no quorum rule */
	}
	meetings_free(ms, n);
	/* more meetings: their attendance is read in one query; the same counts */
	long long who[] = {sec, orgm, prob, full, mass};
	for (int i = 0; i < 6; i++) {
		long long id = add_meeting(i % 2 ? branch : branch2, MT_THEME_DAY, i < 3 ? "2026-03-01" : "2026-04-01", NULL);
		CHECK_INT(attend1(id, who[i % 5], i % 3 ? AT_PRESENT : AT_LEAVE, NULL), QD_OK);
		if (i == 4)
			CHECK_INT(attend1(id, who[3], AT_LATE, NULL), QD_OK);
	}
	struct meeting_filter f = MEETING_FILTER_INIT;
	for (int pass = 0; pass < 2; pass++) {
		f.org_id = pass ? branch : 0;
		CHECK_INT(qd_meeting_list(&q, &f, &ms, &n, &err), QD_OK);
		CHECK_INT(n, pass ? 5 : 8);
		for (int i = 0; i < n; i++) {
			struct meeting one;
			CHECK_INT(qd_meeting_get(&q, ms[i].id, &one, &err), QD_OK);
			CHECK_INT(ms[i].expected, one.expected);
			CHECK_INT(ms[i].present, one.present);
			CHECK_INT(ms[i].leave, one.leave);
			CHECK_INT(ms[i].late, one.late);
			CHECK_INT(ms[i].absent, one.absent);
			CHECK_INT(ms[i].observers, one.observers);
			CHECK_INT(ms[i].quorum, one.quorum);
			meeting_clear(&one);
		}
		meetings_free(ms, n);
	}
}

/* ---- evidence, links ---- */

TEST(notes_and_links)
{
	open_branch();
	long long id = add_meeting(branch, MT_LECTURE, "2026-04-01", NULL);
	CHECK_INT(qd_meeting_note(&q, id, "2026-04-02", "minutes", "档案盒 2026-07", &err), QD_OK);
	CHECK_INT(qd_meeting_note(&q, id, NULL, "照片", "照片在共享盘", &err), QD_OK);
	sb_reset(&err);
	CHECK_INT(qd_meeting_note(&q, id, NULL, "video", "x", &err), QD_INVALID);
	sb_reset(&err);
	CHECK_INT(qd_meeting_note(&q, id, NULL, "", "", &err), QD_INVALID);
	struct meeting_note *mn = NULL;
	int n = 0;
	CHECK_INT(qd_meeting_notes(&q, id, &mn, &n, &err), QD_OK);
	CHECK_INT(n, 2);
	if (n == 2) {
		CHECK_STR(mn[0].kind, "minutes");
		CHECK_STR(mn[0].on_date, "2026-04-02");
		CHECK_STR(mn[1].kind, "photo");
		CHECK_STR(mn[1].on_date, "2026-06-30");
	}
	meeting_notes_free(mn, n);

	struct item_fields f = ITEM_FIELDS_INIT;
	long long item = 0;
	f.content = "落实三会一课";
	f.owner_id = full;
	CHECK_INT(qd_item_add(&q, branch, &f, &item, &err), QD_OK);
	CHECK_INT(qd_item_link_meeting(&q, item, id, 0, &err), QD_OK);
	sb_reset(&err);
	CHECK_INT(qd_item_link_meeting(&q, item, id, 0, &err), QD_INVALID);
	sb_reset(&err);
	CHECK_INT(qd_item_link_meeting(&q, item, 9999, 0, &err), QD_NOTFOUND);
	struct meeting *ms = NULL;
	CHECK_INT(qd_item_meetings(&q, item, &ms, &n, &err), QD_OK);
	CHECK_INT(n, 1);
	if (n == 1)
		CHECK_INT(ms[0].id, id);
	meetings_free(ms, n);
	long long *ids = NULL;
	CHECK_INT(qd_meeting_items(&q, id, &ids, &n, &err), QD_OK);
	CHECK_INT(n, 1);
	if (n == 1)
		CHECK_INT(ids[0], item);
	free(ids);
	CHECK_INT(qd_item_link_meeting(&q, item, id, 1, &err), QD_OK);
	sb_reset(&err);
	CHECK_INT(qd_item_link_meeting(&q, item, id, 1, &err), QD_INVALID);
	CHECK_INT(tt_num(q.db, "SELECT count(*) FROM item_meeting"), 0);
	CHECK(verify_ok());
}

/* ---- rules ---- */

TEST(rules_defaults_and_changes)
{
	open_branch();
	struct meeting_rule *r = NULL;
	int n = 0;
	CHECK_INT(qd_meeting_rules(&q, &r, &n, &err), QD_OK);
	CHECK_INT(n, 10);
	if (n == 10) {
		CHECK_INT(r[0].level, LV_PARTY_GROUP);
		CHECK_INT(r[0].type, MT_DEMOCRATIC_LIFE);
		CHECK_INT(r[9].level, LV_BRANCH);
		CHECK_INT(r[9].type, MT_REVIEW);
	}
	meeting_rules_free(r, n);
	struct meeting_rule one;
	CHECK_INT(qd_meeting_rule_get(&q, LV_BRANCH, MT_MEMBERS, &one, &err), QD_OK);
	CHECK_INT(one.every, PK_QUARTER);
	CHECK_INT(one.min, 1);
	CHECK_STR(one.quorum, ">1/2");
	free(one.quorum);
	sb_reset(&err);
	CHECK_INT(qd_meeting_rule_get(&q, LV_BRANCH, MT_TALK, &one, &err), QD_NOTFOUND);
	CHECK(verify_ok());   /* the migration's rows need no entry */

	CHECK_INT(qd_meeting_rule_set(&q, LV_BRANCH, MT_MEMBERS, -1, 2, "≥2/3", &err), QD_OK);
	CHECK_INT(qd_meeting_rule_get(&q, LV_BRANCH, MT_MEMBERS, &one, &err), QD_OK);
	CHECK_INT(one.every, PK_QUARTER);
	CHECK_INT(one.min, 2);
	CHECK_STR(one.quorum, ">=2/3");
	free(one.quorum);
	sb_reset(&err);
	CHECK_INT(qd_meeting_rule_set(&q, LV_BRANCH, MT_TALK, -1, 1, NULL, &err), QD_INVALID);
	CHECK_CONTAINS(err.s, "--every");
	CHECK_INT(qd_meeting_rule_set(&q, LV_BRANCH, MT_TALK, PK_HALF, -1, NULL, &err), QD_OK);
	CHECK_INT(qd_meeting_rule_get(&q, LV_BRANCH, MT_TALK, &one, &err), QD_OK);
	CHECK_INT(one.min, 1);
	CHECK_STR(one.quorum, "");
	free(one.quorum);
	int rows = audit_rows();
	sb_reset(&err);
	CHECK_INT(qd_meeting_rule_set(&q, LV_BRANCH, MT_TALK, -1, 99, NULL, &err), QD_INVALID);
	sb_reset(&err);
	CHECK_INT(qd_meeting_rule_set(&q, LV_BRANCH, MT_TALK, -1, -1, "most", &err), QD_INVALID);
	CHECK_CONTAINS(err.s, "most");
	CHECK_INT(audit_rows(), rows);
	/* a meeting carries the rule of its org's level */
	long long id = add_meeting(branch, MT_MEMBERS, "2026-03-05", NULL);
	struct meeting m = get(id);
	CHECK_STR(m.quorum_rule, ">=2/3");
	meeting_clear(&m);
	CHECK(verify_ok());
	/* a default rule changed outside qingdan is found */
	tt_exec(q.db, "UPDATE meeting_rule SET min_count = 5 WHERE id = 2");
	CHECK(!verify_ok());
}

/* ---- who may write ---- */

TEST(recorders_and_refusals)
{
	open_branch();
	long long item = 0;
	struct item_fields f = ITEM_FIELDS_INIT;
	f.content = "事项";
	f.owner_id = full;
	CHECK_INT(qd_item_add(&q, branch, &f, &item, &err), QD_OK);
	long long before = add_meeting(branch, MT_THEME_DAY, "2026-01-01", NULL);
	enforce_as("org");      /* the branch's 组织委员 */
	CHECK(qd_may_record_meeting(&q, branch));
	CHECK(!qd_may_record_meeting(&q, branch2));
	long long id = add_meeting(branch, MT_THEME_DAY, "2026-02-01", NULL);
	CHECK_INT(attend1(id, full, AT_PRESENT, NULL), QD_OK);
	CHECK_INT(qd_meeting_note(&q, id, NULL, "signin", "签到表原件", &err), QD_OK);
	struct meeting_fields g = MEETING_FIELDS_INIT;
	g.org_id = branch2;    /* moving it to another org is the other org's business */
	sb_reset(&err);
	CHECK_INT(qd_meeting_set(&q, id, 0, &g, &err), QD_DENIED);
	sb_reset(&err);
	CHECK_INT(qd_member_set(&q, full, PS_NONE, -1, NULL, &err), QD_DENIED);
	sb_reset(&err);
	CHECK_INT(qd_meeting_rule_set(&q, LV_BRANCH, MT_MEMBERS, -1, 3, NULL, &err), QD_DENIED);
	sb_reset(&err);
	CHECK_INT(qd_item_link_meeting(&q, item, id, 0, &err), QD_DENIED);
	tt_login(&q, "sec2");   /* another branch's secretary */
	CHECK(!qd_may_record_meeting(&q, branch));
	struct meeting_fields h = MEETING_FIELDS_INIT;
	h.org_id = branch;
	h.type = MT_COMMITTEE;
	h.on = "2026-02-02";
	sb_reset(&err);
	CHECK_INT(qd_meeting_add(&q, &h, NULL, &err), QD_DENIED);
	CHECK_CONTAINS(err.s, "第一党支部");
	sb_reset(&err);
	CHECK_INT(attend1(id, full, AT_ABSENT, NULL), QD_DENIED);
	sb_reset(&err);
	CHECK_INT(qd_meeting_delete(&q, before, &err), QD_DENIED);
	tt_login(&q, "full");   /* a plain member, the item's owner */
	sb_reset(&err);
	CHECK_INT(qd_meeting_add(&q, &h, NULL, &err), QD_DENIED);
	sb_reset(&err);
	CHECK_INT(qd_meeting_note(&q, id, NULL, "", "不该写入", &err), QD_DENIED);
	CHECK_INT(qd_item_link_meeting(&q, item, id, 0, &err), QD_OK);
	struct meeting m = get(id);      /* everyone reads */
	CHECK_INT(m.present, 1);
	meeting_clear(&m);
	tt_login(&q, "admin");
	CHECK_INT(qd_meeting_set(&q, id, 0, &g, &err), QD_OK);
	CHECK_INT(tt_num(q.db, "SELECT count(*) FROM meeting WHERE org_id = " "0") , 0);
	CHECK(verify_ok());
}

/* ---- merging people ---- */

TEST(merge_moves_meeting_records)
{
	open_branch();
	long long dup = person("孙正式（重复）", "", NULL, 0, branch);
	member(dup, PS_PROBATIONARY, CR_MEMBER, "二组");
	long long a = add_meeting(branch, MT_MEMBERS, "2026-03-01", NULL);
	long long b = add_meeting(branch, MT_MEMBERS, "2026-04-01", NULL);
	struct meeting_fields g = MEETING_FIELDS_INIT;
	g.host_id = dup;
	g.recorder_id = dup;
	CHECK_INT(qd_meeting_set(&q, b, 0, &g, &err), QD_OK);
	CHECK_INT(attend1(a, full, AT_PRESENT, NULL), QD_OK);
	CHECK_INT(attend1(a, dup, AT_LEAVE, "重复"), QD_OK);   /* both at a: full's row stands */
	CHECK_INT(attend1(b, dup, AT_LATE, NULL), QD_OK);
	CHECK_INT(qd_meeting_note(&q, a, NULL, "", "材料", &err), QD_OK);
	long long clean = person("新人", "", NULL, 0, branch);
	int moved = 0;
	CHECK_INT(qd_person_merge(&q, full, dup, &moved, &err), QD_OK);
	CHECK_INT(tt_num(q.db, "SELECT count(*) FROM attendance WHERE person_id = 0"), 0);
	char sql[200];
	snprintf(sql, sizeof sql, "SELECT count(*) FROM attendance WHERE person_id = %lld", dup);
	CHECK_INT(tt_num(q.db, sql), 0);
	snprintf(sql, sizeof sql, "SELECT count(*) FROM attendance WHERE person_id = %lld", full);
	CHECK_INT(tt_num(q.db, sql), 2);
	struct meeting m = get(b);
	CHECK_INT(m.host_id, full);
	CHECK_INT(m.recorder_id, full);
	CHECK_INT(m.late, 1);
	meeting_clear(&m);
	m = get(a);
	CHECK_INT(m.present, 1);
	CHECK_INT(m.leave, 0);
	meeting_clear(&m);
	/* full kept its own standing; a person with none takes the dropped one's */
	struct member mm;
	CHECK_INT(qd_member_get(&q, full, &mm, &err), QD_OK);
	CHECK_INT(mm.party, PS_FULL);
	member_clear(&mm);
	long long dup2 = person("新人（重复）", "", NULL, 0, branch);
	member(dup2, PS_PROBATIONARY, -1, "三组");
	CHECK_INT(qd_person_merge(&q, clean, dup2, &moved, &err), QD_OK);
	CHECK_INT(qd_member_get(&q, clean, &mm, &err), QD_OK);
	CHECK_INT(mm.party, PS_PROBATIONARY);
	CHECK_STR(mm.cell, "三组");
	member_clear(&mm);
	CHECK(verify_ok());
}

TEST(removed_rows_are_known_to_verify)
{
	open_branch();
	long long id = add_meeting(branch, MT_MEMBERS, "2026-03-01", NULL);
	CHECK_INT(attend1(id, full, AT_PRESENT, NULL), QD_OK);
	CHECK_INT(attend1(id, full, -1, NULL), QD_OK);
	CHECK(verify_ok());
	/* a row deleted outside qingdan is not */
	CHECK_INT(attend1(id, sec, AT_PRESENT, NULL), QD_OK);
	tt_exec(q.db, "DELETE FROM attendance");
	CHECK(!verify_ok());
}

TEST(tampering_with_a_meeting_fails_verify)
{
	open_branch();
	long long id = add_meeting(branch, MT_MEMBERS, "2026-03-01", NULL);
	CHECK_INT(attend1(id, full, AT_PRESENT, NULL), QD_OK);
	CHECK(verify_ok());
	tt_exec(q.db, "UPDATE attendance SET status = 'absent'");
	CHECK(!verify_ok());
}

TEST(readonly_file_refuses_writes)
{
	open_branch();
	long long id = add_meeting(branch, MT_MEMBERS, "2026-03-01", NULL);
	tt_exec(q.db, TT_SQL("PRAGMA query_only=1", "SET default_transaction_read_only = on"));
	CHECK(attend1(id, full, AT_PRESENT, NULL) != QD_OK);
	tt_exec(q.db, TT_SQL("PRAGMA query_only=0", "SET default_transaction_read_only = off"));
	CHECK_INT(tt_num(q.db, "SELECT count(*) FROM attendance"), 0);
}

int main(void)
{
	text_init_locale();
	RUN(labels_and_parsers);
	RUN(periods);
	RUN(quorum_rules);
	RUN(members_default_and_set);
	RUN(add_get_set_delete);
	RUN(list_filters_in_date_order);
	RUN(expected_by_type);
	RUN(attendance_counts_and_quorum);
	RUN(list_counts_match_get);
	RUN(notes_and_links);
	RUN(rules_defaults_and_changes);
	RUN(recorders_and_refusals);
	RUN(merge_moves_meeting_records);
	RUN(removed_rows_are_known_to_verify);
	RUN(tampering_with_a_meeting_fails_verify);
	RUN(readonly_file_refuses_writes);
	return TT_END();
}
