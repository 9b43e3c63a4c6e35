/* t_meeting_check.c — the year checked (meeting.h, meeting_check.c) on
 * both backends: issue 11's "Done when" branch at C level (支委会 held in
 * January and February but not March, a 支部党员大会 of Q1 with 3 of 7
 * present, a member away from everything for six months), periods that
 * are still open, rules changed, a deleted meeting, the members' months
 * and flags worst first, the hours against both norms and the settings,
 * and the year's counts agreeing with qd_meeting_list. */
#include <stdlib.h>
#include <string.h>

#include "qingdan/date.h"
#include "qingdan/db.h"
#include "qingdan/meeting.h"
#include "qingdan/model.h"
#include "qingdan/msg.h"
#include "tt.h"

static struct qd q;
static struct strbuf err;
static long long branch, other;       /* 第一党支部, 第二党支部 */
static long long m[8];                /* m[1..7] the Party members; m[0] a 群众 */
static long long mt_c1, mt_c2, mt_members, mt_theme1, mt_theme6;

static void open_db(void)
{
	memset(&q, 0, sizeof q);
	q.year = 2026;
	date_set_today(date_from_ymd(2026, 7, 20));
	if (qd_open(&q, tt_db(NULL), DB_CREATE, &err) != QD_OK || qd_ensure_defaults(&q, &err) != QD_OK)
		abort();
}

static long long person(const char *name, const char *post, long long org)
{
	struct person_fields f = PERSON_FIELDS_INIT;
	long long id = 0;
	f.name = name;
	f.post = post;
	f.active = 1;
	f.org_id = org;
	CHECK_INT(qd_person_add(&q, &f, &id, &err), QD_OK);
	return id;
}

static long long meeting(long long org, enum meeting_type type, const char *on, const char *hours)
{
	struct meeting_fields f = MEETING_FIELDS_INIT;
	long long id = 0;
	f.org_id = org;
	f.type = (int)type;
	f.on = on;
	f.hours = hours;
	f.title = "会议";
	if (qd_meeting_add(&q, &f, &id, &err) != QD_OK)
		fprintf(stderr, "  meeting add %s: %s\n", on, err.s ? err.s : "");
	CHECK(id > 0);
	return id;
}

/* Record people (m[] indexes, ended by -1) with status st. */
static void attend(long long meeting_id, int st, const int *who)
{
	long long ids[8];
	int n = 0;
	while (who[n] >= 0)
		ids[n] = m[who[n]], n++;
	if (qd_meeting_attend(&q, meeting_id, ids, n, st, NULL, &err) != QD_OK) {
		fprintf(stderr, "  attend: %s\n", err.s ? err.s : "");
		CHECK(0);
	}
}

/* The branch of the issue: seven Party members, a committee of three
 * (m1 书记, m2 组织委员, m3 委员), m7 away from everything, m6 last seen
 * in March; and one 群众 (m0), who is no one's member. */
static void branch_year(void)
{
	open_db();
	long long organ = 0;
	CHECK_INT(qd_find_org(&q, "机关党委", &organ, &err), QD_OK);
	CHECK_INT(qd_org_add(&q, "第一党支部", LV_BRANCH, organ, &branch, &err), QD_OK);
	CHECK_INT(qd_org_add(&q, "第二党支部", LV_BRANCH, organ, &other, &err), QD_OK);
	static const char *const names[] = {"群众甲", "李书记", "王组织", "张委员", "刘一", "陈二",
					    "杨三", "赵七"};
	for (int i = 0; i < 8; i++)
		m[i] = person(names[i], i == 1 ? "支部书记、处长" : "干部", branch);
	CHECK_INT(qd_member_set(&q, m[0], PS_NONE, -1, NULL, &err), QD_OK);
	CHECK_INT(qd_member_set(&q, m[1], PS_FULL, CR_SECRETARY, NULL, &err), QD_OK);
	CHECK_INT(qd_member_set(&q, m[2], PS_FULL, CR_ORGANIZATION, NULL, &err), QD_OK);
	CHECK_INT(qd_member_set(&q, m[3], PS_FULL, CR_MEMBER, NULL, &err), QD_OK);
	CHECK_INT(qd_member_set(&q, m[5], PS_PROBATIONARY, -1, NULL, &err), QD_OK);
	/* a member of the other branch, who is not ours */
	person("外支部", "干部", other);

	mt_c1 = meeting(branch, MT_COMMITTEE, "2026-01-15", "2");
	mt_c2 = meeting(branch, MT_COMMITTEE, "2026-02-12", "2");
	attend(mt_c1, AT_PRESENT, (const int[]){1, 2, 3, -1});
	attend(mt_c2, AT_PRESENT, (const int[]){1, 2, 3, -1});
	mt_theme1 = meeting(branch, MT_THEME_DAY, "2026-01-20", "4");
	attend(mt_theme1, AT_PRESENT, (const int[]){1, 2, 3, 4, 5, 6, -1});
	mt_members = meeting(branch, MT_MEMBERS, "2026-03-20", "3");
	attend(mt_members, AT_PRESENT, (const int[]){1, 2, 6, -1});
	attend(mt_members, AT_LEAVE, (const int[]){4, -1});
	mt_theme6 = meeting(branch, MT_THEME_DAY, "2026-06-25", "4");
	attend(mt_theme6, AT_PRESENT, (const int[]){1, 2, 4, 5, -1});
	attend(mt_theme6, AT_LATE, (const int[]){3, -1});
	/* the 群众 as an observer: not a member, no hours of a member */
	attend(mt_theme6, AT_OBSERVER, (const int[]){0, -1});
}

static const struct check_row *row_of(const struct check_row *r, int n, long long org,
				      enum meeting_type type, const char *period)
{
	for (int i = 0; i < n; i++)
		if (r[i].org_id == org && r[i].type == type && strcmp(r[i].period, period) == 0)
			return &r[i];
	return NULL;
}

#define CHECK_PERIOD(rows, n, type, period, status_, held_) do { \
	const struct check_row *tt_r = row_of(rows, n, branch, type, period); \
	CHECK(tt_r != NULL); \
	if (tt_r) { \
		CHECK_STR(check_code(tt_r->status), status_); \
		CHECK_INT(tt_r->held, held_); \
	} \
} while (0)

TEST(done_when_the_check)
{
	branch_year();
	struct check_row *r = NULL;
	int n = 0;
	CHECK_INT(qd_meeting_check(&q, branch, 2026, &r, &n, &err), QD_OK);
	/* the branch's rules of the 条例: 支委会, 党小组会, 主题党日 monthly (36),
	 * 支部党员大会, 党课 quarterly (8), 组织生活会, 民主评议 yearly (2) */
	CHECK_INT(n, 46);
	CHECK_PERIOD(r, n, MT_COMMITTEE, "2026-01", "ok", 1);
	CHECK_PERIOD(r, n, MT_COMMITTEE, "2026-02", "ok", 1);
	CHECK_PERIOD(r, n, MT_COMMITTEE, "2026-03", "missing", 0);
	CHECK_PERIOD(r, n, MT_COMMITTEE, "2026-06", "missing", 0);
	CHECK_PERIOD(r, n, MT_COMMITTEE, "2026-07", "open", 0);
	CHECK_PERIOD(r, n, MT_COMMITTEE, "2026-12", "open", 0);
	/* 3 of 7 present: held, but short of the quorum */
	CHECK_PERIOD(r, n, MT_MEMBERS, "2026-Q1", "short", 1);
	CHECK_PERIOD(r, n, MT_MEMBERS, "2026-Q2", "missing", 0);
	CHECK_PERIOD(r, n, MT_MEMBERS, "2026-Q3", "open", 0);
	CHECK_PERIOD(r, n, MT_THEME_DAY, "2026-01", "ok", 1);
	CHECK_PERIOD(r, n, MT_THEME_DAY, "2026-07", "open", 0);
	CHECK_PERIOD(r, n, MT_THEME_DAY, "2026-06", "ok", 1);
	CHECK_PERIOD(r, n, MT_ORG_LIFE, "2026", "open", 0);
	const struct check_row *q1 = row_of(r, n, branch, MT_MEMBERS, "2026-Q1");
	if (q1) {
		CHECK_INT(q1->valid, 0);
		CHECK_INT(q1->required, 1);
		CHECK_STR(q1->first, "2026-01-01");
		CHECK_STR(q1->last, "2026-03-31");
		CHECK_STR(q1->org_name, "第一党支部");
	}
	/* in org, type (enum order), period order */
	CHECK_INT(r[0].type, MT_MEMBERS);
	CHECK_STR(r[0].period, "2026-Q1");
	for (int i = 1; i < n; i++)
		CHECK(r[i - 1].type < r[i].type ||
		      (r[i - 1].type == r[i].type && strcmp(r[i - 1].period, r[i].period) < 0));
	check_rows_free(r, n);

	/* the running quarter: a 支部党员大会 short of quorum says short, not
	 * open; a valid 主题党日 makes July ok before the month is over */
	attend(meeting(branch, MT_MEMBERS, "2026-07-03", NULL), AT_PRESENT, (const int[]){1, -1});
	attend(meeting(branch, MT_THEME_DAY, "2026-07-03", NULL), AT_PRESENT, (const int[]){1, -1});
	CHECK_INT(qd_meeting_check(&q, branch, 2026, &r, &n, &err), QD_OK);
	CHECK_PERIOD(r, n, MT_MEMBERS, "2026-Q3", "short", 1);
	CHECK_PERIOD(r, n, MT_THEME_DAY, "2026-07", "ok", 1);
	CHECK_PERIOD(r, n, MT_COMMITTEE, "2026-07", "open", 0);
	check_rows_free(r, n);

	/* a year gone by: nothing is open any more */
	date_set_today(date_from_ymd(2027, 1, 5));
	CHECK_INT(qd_meeting_check(&q, branch, 2026, &r, &n, &err), QD_OK);
	CHECK_PERIOD(r, n, MT_COMMITTEE, "2026-07", "missing", 0);
	CHECK_PERIOD(r, n, MT_ORG_LIFE, "2026", "missing", 0);
	check_rows_free(r, n);
	CHECK_STR(check_code(CK_SHORT), "short");
	CHECK_STR(check_label(CK_MISSING), "缺");
}

TEST(check_follows_rules_deletes_and_quorum)
{
	branch_year();
	/* a second 支部党员大会 in Q1 with 5 of 7: the quarter is met */
	long long again = meeting(branch, MT_MEMBERS, "2026-03-27", NULL);
	attend(again, AT_PRESENT, (const int[]){1, 2, 3, 4, 5, -1});
	/* the February 支委会 deleted: February is missing again */
	CHECK_INT(qd_meeting_delete(&q, mt_c2, &err), QD_OK);
	/* 党课 no longer required; 主题党日 twice a month */
	CHECK_INT(qd_meeting_rule_set(&q, LV_BRANCH, MT_LECTURE, -1, 0, NULL, &err), QD_OK);
	CHECK_INT(qd_meeting_rule_set(&q, LV_BRANCH, MT_THEME_DAY, -1, 2, NULL, &err), QD_OK);
	struct check_row *r = NULL;
	int n = 0;
	CHECK_INT(qd_meeting_check(&q, branch, 2026, &r, &n, &err), QD_OK);
	CHECK_INT(n, 42);
	CHECK_PERIOD(r, n, MT_MEMBERS, "2026-Q1", "ok", 2);
	CHECK_PERIOD(r, n, MT_COMMITTEE, "2026-02", "missing", 0);
	CHECK_PERIOD(r, n, MT_THEME_DAY, "2026-01", "missing", 1);
	for (int i = 0; i < n; i++)
		CHECK(r[i].type != MT_LECTURE);
	const struct check_row *t = row_of(r, n, branch, MT_THEME_DAY, "2026-06");
	CHECK(t && t->required == 2);
	check_rows_free(r, n);

	/* every org: the 党组's and 机关党委's own rules too, ours unchanged */
	CHECK_INT(qd_meeting_check(&q, 0, 2026, &r, &n, &err), QD_OK);
	int party_group = 0, organ = 0, ours = 0, theirs = 0;
	for (int i = 0; i < n; i++) {
		party_group += r[i].type == MT_DEMOCRATIC_LIFE || r[i].type == MT_STUDY_GROUP;
		organ += r[i].type == MT_COUNCIL;
		ours += r[i].org_id == branch;
		theirs += r[i].org_id == other;
	}
	CHECK_INT(party_group, 1 + 4);
	CHECK_INT(organ, 12);
	CHECK_INT(ours, 42);
	CHECK_INT(theirs, 42);
	CHECK_PERIOD(r, n, MT_MEMBERS, "2026-Q1", "ok", 2);
	check_rows_free(r, n);
}

static const struct member_risk *risk_of(const struct member_risk *r, int n, long long id)
{
	for (int i = 0; i < n; i++)
		if (r[i].person_id == id)
			return &r[i];
	return NULL;
}

TEST(done_when_the_members)
{
	branch_year();
	struct member_risk *r = NULL;
	int n = 0;
	CHECK_INT(qd_meeting_members(&q, branch, &r, &n, &err), QD_OK);
	/* the seven Party members; not the 群众, not the other branch */
	CHECK_INT(n, 7);
	CHECK(!risk_of(r, n, m[0]));
	/* worst first: 赵七, expected since the 20 January 主题党日, never there */
	CHECK_INT(r[0].person_id, m[7]);
	CHECK(r[0].last_attended == NULL);
	CHECK_INT(r[0].months_without, 6);
	CHECK_INT(r[0].flag, MF_ALARM);
	CHECK_STR(member_flag_code(r[0].flag), "alarm");
	CHECK_STR(r[0].org_name, "第一党支部");
	/* 杨三, last at the 20 March 支部党员大会: four months, a warning */
	CHECK_INT(r[1].person_id, m[6]);
	CHECK_STR(r[1].last_attended, "2026-03-20");
	CHECK_INT(r[1].months_without, 4);
	CHECK_STR(member_flag_code(r[1].flag), "warn");
	CHECK_STR(member_flag_label(r[1].flag), "预警");
	/* late counts as attended; leave does not */
	const struct member_risk *late = risk_of(r, n, m[3]);
	CHECK(late && str_eq(late->last_attended, "2026-06-25") && late->months_without == 0);
	const struct member_risk *lv = risk_of(r, n, m[4]);
	CHECK(lv && str_eq(lv->last_attended, "2026-06-25"));
	for (int i = 2; i < n; i++) {
		CHECK_INT(r[i].months_without, 0);
		CHECK_STR(member_flag_code(r[i].flag), "");
	}
	/* the rest by name within the org (byte order), all of months 0 */
	for (int i = 3; i < n; i++)
		CHECK(strcmp(r[i - 1].name, r[i].name) <= 0);
	member_risks_free(r, n);

	/* a month on, 杨三 is still a warning; at 20 September an alarm */
	date_set_today(date_from_ymd(2026, 9, 20));
	CHECK_INT(qd_meeting_members(&q, 0, &r, &n, &err), QD_OK);
	const struct member_risk *y = risk_of(r, n, m[6]);
	CHECK(y && y->months_without == 6 && y->flag == MF_ALARM);
	/* the other branch's member was never expected anywhere: unknown */
	int unknown = 0;
	for (int i = 0; i < n; i++)
		unknown += r[i].months_without == -1;
	CHECK_INT(unknown, 1);
	CHECK_INT(r[n - 1].months_without, -1);
	member_risks_free(r, n);

	/* the day before six whole months: still a warning */
	date_set_today(date_from_ymd(2026, 7, 19));
	CHECK_INT(qd_meeting_members(&q, branch, &r, &n, &err), QD_OK);
	CHECK_INT(r[0].person_id, m[7]);
	CHECK_INT(r[0].months_without, 5);
	CHECK_INT(r[0].flag, MF_WARN);
	member_risks_free(r, n);

	/* a meeting he attends puts him right; a deleted one does not count */
	date_set_today(date_from_ymd(2026, 7, 20));
	long long talk = meeting(branch, MT_LECTURE, "2026-07-10", "1");
	attend(talk, AT_PRESENT, (const int[]){7, -1});
	CHECK_INT(qd_meeting_members(&q, branch, &r, &n, &err), QD_OK);
	CHECK(risk_of(r, n, m[7])->months_without == 0);
	member_risks_free(r, n);
	CHECK_INT(qd_meeting_delete(&q, talk, &err), QD_OK);
	/* a 专题培训 is no 组织生活 */
	long long tr = meeting(branch, MT_TRAINING, "2026-07-11", "8");
	attend(tr, AT_PRESENT, (const int[]){7, -1});
	CHECK_INT(qd_meeting_members(&q, branch, &r, &n, &err), QD_OK);
	CHECK_INT(r[0].person_id, m[7]);
	CHECK_INT(r[0].months_without, 6);
	member_risks_free(r, n);
}

TEST(months_count_whole_months)
{
	branch_year();
	/* 31 January to 28 February: one whole month (the month is over) */
	long long x = meeting(other, MT_THEME_DAY, "2027-01-31", NULL);
	long long only = person("孤一", "干部", other);
	long long ids[] = {only};
	CHECK_INT(qd_meeting_attend(&q, x, ids, 1, AT_PRESENT, NULL, &err), QD_OK);
	struct member_risk *r = NULL;
	int n = 0;
	static const struct {
		int y, m, d, months;
	} days[] = {{2027, 1, 31, 0}, {2027, 2, 27, 0}, {2027, 2, 28, 1}, {2027, 3, 30, 1},
		    {2027, 3, 31, 2}, {2027, 4, 30, 3}, {2028, 1, 31, 12}};
	for (size_t k = 0; k < sizeof days / sizeof *days; k++) {
		date_set_today(date_from_ymd(days[k].y, days[k].m, days[k].d));
		CHECK_INT(qd_meeting_members(&q, other, &r, &n, &err), QD_OK);
		const struct member_risk *p = risk_of(r, n, only);
		CHECK(p != NULL);
		if (p && p->months_without != days[k].months)
			fprintf(stderr, "  %d-%d-%d: %d months, want %d\n", days[k].y, days[k].m,
				days[k].d, p->months_without, days[k].months);
		CHECK(p && p->months_without == days[k].months);
		member_risks_free(r, n);
	}
	/* a meeting still to come counts for nothing yet */
	date_set_today(date_from_ymd(2027, 1, 30));
	CHECK_INT(qd_meeting_members(&q, other, &r, &n, &err), QD_OK);
	CHECK(risk_of(r, n, only)->last_attended == NULL);
	CHECK_INT(risk_of(r, n, only)->months_without, -1);
	member_risks_free(r, n);
}

static const struct member_hours *hours_of(const struct member_hours *h, int n, long long id)
{
	for (int i = 0; i < n; i++)
		if (h[i].person_id == id)
			return &h[i];
	return NULL;
}

TEST(hours_against_the_norms)
{
	branch_year();
	/* a 专题培训 of the year counts; one of last year does not */
	long long tr = meeting(branch, MT_TRAINING, "2026-05-08", "6.5");
	attend(tr, AT_PRESENT, (const int[]){1, 7, -1});
	long long old = meeting(branch, MT_TRAINING, "2025-12-30", "8");
	attend(old, AT_PRESENT, (const int[]){1, 7, -1});
	struct member_hours *h = NULL;
	int n = 0;
	CHECK_INT(qd_meeting_hours(&q, branch, 2026, &h, &n, &err), QD_OK);
	CHECK_INT(n, 7);
	const struct member_hours *sec = hours_of(h, n, m[1]), *late = hours_of(h, n, m[3]),
				  *away = hours_of(h, n, m[7]), *six = hours_of(h, n, m[6]);
	CHECK(sec && late && away && six);
	if (sec && late && away && six) {
		/* 书记: 2 + 2 + 4 + 3 + 4 + 6.5, the leaders' 56 */
		CHECK(sec->hours > 21.49 && sec->hours < 21.51);
		CHECK(sec->leader);
		CHECK(sec->norm > 55.9 && sec->norm < 56.1);
		/* late counts: 2 + 2 + 4 + 4 */
		CHECK(late->hours > 11.9 && late->hours < 12.1);
		CHECK(!late->leader);
		CHECK(late->norm > 31.9 && late->norm < 32.1);
		CHECK(away->hours > 6.49 && away->hours < 6.51);
		CHECK(six->hours > 6.9 && six->hours < 7.1);   /* 4 + 3 */
		CHECK_STR(sec->name, "李书记");
		CHECK_STR(sec->org_name, "第一党支部");
	}
	CHECK(!hours_of(h, n, m[0]));
	member_hours_free(h, n);
	/* 2025: only the old training */
	CHECK_INT(qd_meeting_hours(&q, branch, 2025, &h, &n, &err), QD_OK);
	CHECK(hours_of(h, n, m[7]) && hours_of(h, n, m[7])->hours > 7.9);
	CHECK(hours_of(h, n, m[2]) && hours_of(h, n, m[2])->hours == 0);
	member_hours_free(h, n);

	/* the settings move the norms; a post of the 班子成员 is a leader's */
	CHECK_INT(qd_setting_set(&q, "hours_norm", "40", &err), QD_OK);
	CHECK_INT(qd_setting_set(&q, "hours_norm_leader", "60.5", &err), QD_OK);
	struct person_fields f = PERSON_FIELDS_INIT;
	f.post = "党组成员、副局长";
	CHECK_INT(qd_person_set(&q, m[4], &f, &err), QD_OK);
	CHECK_INT(qd_meeting_hours(&q, branch, 2026, &h, &n, &err), QD_OK);
	CHECK(hours_of(h, n, m[1])->norm > 60.4 && hours_of(h, n, m[1])->norm < 60.6);
	CHECK(hours_of(h, n, m[4])->leader);
	CHECK(hours_of(h, n, m[5])->norm > 39.9 && hours_of(h, n, m[5])->norm < 40.1);
	member_hours_free(h, n);
}

TEST(stats_agree_with_the_list)
{
	branch_year();
	long long tr = meeting(other, MT_TRAINING, "2026-05-08", "6.5");
	long long ids[] = {m[1], m[2]};
	CHECK_INT(qd_meeting_attend(&q, tr, ids, 2, AT_PRESENT, NULL, &err), QD_OK);
	meeting(branch, MT_DOUBLE_REPORT, "2025-05-08", "1");   /* another year */
	struct meeting_stat *s = NULL;
	int n = 0;
	CHECK_INT(qd_meeting_stats(&q, 2026, 0, &s, &n, &err), QD_OK);
	/* members, committee, theme-day, training: in enum order */
	CHECK_INT(n, 4);
	struct meeting *ms = NULL;
	int nm = 0;
	struct meeting_filter mf = MEETING_FILTER_INIT;
	mf.year = 2026;
	CHECK_INT(qd_meeting_list(&q, &mf, &ms, &nm, &err), QD_OK);
	CHECK_INT(nm, 6);
	int count = 0, people = 0;
	double hours = 0;
	for (int i = 0; i < n; i++) {
		CHECK(i == 0 || s[i - 1].type < s[i].type);
		int c = 0, p = 0;
		double h = 0;
		for (int k = 0; k < nm; k++)
			if ((int)ms[k].type == s[i].type) {
				c++;
				p += ms[k].present;
				h += ms[k].has_hours ? ms[k].hours : 0;
			}
		CHECK_INT(s[i].count, c);
		CHECK_INT(s[i].participants, p);
		CHECK(s[i].hours > h - 0.01 && s[i].hours < h + 0.01);
		count += s[i].count;
		people += s[i].participants;
		hours += s[i].hours;
	}
	CHECK_INT(s[0].type, MT_MEMBERS);
	CHECK_INT(s[0].participants, 3);
	CHECK_INT(s[1].type, MT_COMMITTEE);
	CHECK_INT(s[1].count, 2);
	CHECK_INT(s[1].participants, 6);
	CHECK_INT(s[2].type, MT_THEME_DAY);
	CHECK_INT(s[2].participants, 6 + 5);   /* late counts, the observer not */
	CHECK_INT(count, 6);
	CHECK_INT(people, 6 + 3 + 11 + 2);
	CHECK(hours > 21.49 && hours < 21.51);
	meeting_stats_free(s, n);
	meetings_free(ms, nm);

	CHECK_INT(qd_meeting_stats(&q, 2026, 1, &s, &n, &err), QD_OK);
	/* every org: 党组, 机关党委 and the two branches */
	CHECK_INT(n, 4);
	int found = 0;
	for (int i = 0; i < n; i++) {
		CHECK_INT(s[i].type, -1);
		if (s[i].org_id == branch) {
			found++;
			CHECK_STR(s[i].org_name, "第一党支部");
			CHECK_INT(s[i].count, 5);
			CHECK_INT(s[i].participants, 20);
		} else if (s[i].org_id == other) {
			found++;
			CHECK_INT(s[i].count, 1);
			CHECK_INT(s[i].participants, 2);
		} else {
			CHECK_INT(s[i].count, 0);
		}
	}
	CHECK_INT(found, 2);
	meeting_stats_free(s, n);
}

int main(void)
{
	RUN(done_when_the_check);
	RUN(check_follows_rules_deletes_and_quorum);
	RUN(done_when_the_members);
	RUN(months_count_whole_months);
	RUN(hours_against_the_norms);
	RUN(stats_agree_with_the_list);
	return TT_END();
}
