/* t_report.c — the year in figures (report.h): the arithmetic (rates
 * rounded half up to one decimal, 91.2%, a zero denominator says 无 and
 * never NaN, hours, the weighted score and its settings), and on both
 * backends the figures of a small year counted by hand — items per level,
 * on time / late / overdue / cancelled, pledges issued, signed, proxy,
 * graded — each with the records behind it, a scope of one org and those
 * under it, the sentences with their references, and the 校验码 that
 * `audit verify --code` accepts and that a change of a counted record
 * breaks. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qingdan/date.h"
#include "qingdan/db.h"
#include "qingdan/model.h"
#include "qingdan/msg.h"
#include "qingdan/pledge.h"
#include "qingdan/report.h"
#include "qingdan/text.h"
#include "tt.h"

TEST(rates_round_half_up_to_one_decimal)
{
	char b[16];
	CHECK_STR(report_rate(52, 57, b, sizeof b), "91.2%");
	CHECK_STR(report_rate(1, 3, b, sizeof b), "33.3%");
	CHECK_STR(report_rate(2, 3, b, sizeof b), "66.7%");
	CHECK_STR(report_rate(1, 16, b, sizeof b), "6.3%");   /* 6.25 → 6.3 */
	CHECK_STR(report_rate(1, 8, b, sizeof b), "12.5%");
	CHECK_STR(report_rate(1, 2000, b, sizeof b), "0.1%"); /* 0.05 → 0.1 */
	CHECK_STR(report_rate(1, 2001, b, sizeof b), "0%");
	CHECK_STR(report_rate(5, 5, b, sizeof b), "100%");
	CHECK_STR(report_rate(1, 4, b, sizeof b), "25%");
	CHECK_STR(report_rate(0, 7, b, sizeof b), "0%");
	CHECK_INT(report_permille(52, 57), 912);
	CHECK_INT(report_permille(1, 16), 63);
	CHECK_INT(report_permille(3, 0), -1);
	CHECK_INT(report_permille(0, 0), -1);
}

TEST(a_zero_denominator_says_none_not_nan)
{
	char b[16];
	msg_set_english(0);
	CHECK_STR(report_rate(0, 0, b, sizeof b), "无");
	CHECK_STR(report_rate(4, 0, b, sizeof b), "无");
	msg_set_english(1);
	CHECK_STR(report_rate(0, 0, b, sizeof b), "n/a");
	msg_set_english(0);
	struct assess_weights w = {40, 20, 20, 20};
	const long long none[4] = {0, 0, 0, 0};
	double s = report_score(&w, none, none);
	CHECK(!isnan(s));
	CHECK(s < 0);
}

TEST(hours_as_people_write_them)
{
	char b[32];
	CHECK_STR(report_hours(30.5, b, sizeof b), "30.5");
	CHECK_STR(report_hours(4, b, sizeof b), "4");
	CHECK_STR(report_hours(0, b, sizeof b), "0");
	CHECK_STR(report_hours(1.25, b, sizeof b), "1.3");
	CHECK_STR(report_hours(42.0000001, b, sizeof b), "42");
}

TEST(the_score_is_the_weighted_mean_of_what_applies)
{
	struct assess_weights w = {40, 20, 20, 20};
	/* every rate 1/2: 50 */
	const long long half_n[4] = {1, 1, 1, 1}, half_d[4] = {2, 2, 2, 2};
	CHECK(fabs(report_score(&w, half_n, half_d) - 50.0) < 1e-9);
	/* items 3/4 (weight 40) and pledges 1/1 (20), nothing else applies:
	 * (40·0.75 + 20·1) / 60 = 83.33… → 83.3 */
	const long long n2[4] = {3, 1, 0, 0}, d2[4] = {4, 1, 0, 0};
	CHECK(fabs(report_score(&w, n2, d2) - 83.3) < 1e-9);
	/* a rate above 1 (hours beyond the norm) counts as 1 */
	const long long n3[4] = {0, 0, 80, 0}, d3[4] = {0, 0, 32, 0};
	CHECK(fabs(report_score(&w, n3, d3) - 100.0) < 1e-9);
	/* a weight of 0 drops its rate */
	struct assess_weights w0 = {0, 20, 20, 20};
	const long long n4[4] = {0, 1, 0, 0}, d4[4] = {9, 1, 0, 0};
	CHECK(fabs(report_score(&w0, n4, d4) - 100.0) < 1e-9);
}

/* ---- a small year on a real database ---- */

static struct qd q;
static struct strbuf err;
static long long organ, branch1, branch2, p_a, p_b, p_c;

static long long person(const char *name, long long org)
{
	struct person_fields f = PERSON_FIELDS_INIT;
	long long id = 0;
	f.name = name;
	f.active = 1;
	f.org_id = org;
	CHECK_INT(qd_person_add(&q, &f, &id, &err), QD_OK);
	return id;
}

static long long item(long long org, const char *content, const char *due, const char *status,
		      const char *done_on, long long owner)
{
	struct item_fields f = ITEM_FIELDS_INIT;
	long long id = 0;
	f.content = content;
	f.due = due;
	f.status = status;
	f.done_on = done_on;
	f.owner_id = owner;
	if (qd_item_add(&q, org, &f, &id, &err) != QD_OK)
		fprintf(stderr, "  item add: %s\n", err.s ? err.s : "");
	CHECK(id > 0);
	return id;
}

static long long pledge(const char *title, long long issuer, long long signer)
{
	struct pledge_fields f = PLEDGE_FIELDS_INIT;
	long long id = 0;
	int added = 0;
	f.title = title;
	f.body = "内容";
	f.issuer_id = issuer;
	CHECK_INT(qd_pledge_add(&q, &f, &signer, 1, 1, &id, &added, NULL, &err), QD_OK);
	return id;
}

static void sign(long long id, enum pledge_party party, const char *proxy)
{
	struct pledge_sign a = {"2026-03-01", 0, proxy, PM_PAPER};
	if (qd_pledge_sign(&q, id, 0, party, &a, &err) != QD_OK)
		fprintf(stderr, "  sign: %s\n", err.s ? err.s : "");
}

static int has_id(const struct report_count *c, long long id)
{
	for (int i = 0; i < c->n; i++)
		if (c->ids[i] == id)
			return 1;
	return 0;
}

static long long i_done_ontime, i_done_late, i_overdue, i_open, i_cancel, i_b2;
static long long pl_signed, pl_proxy, pl_issued, pl_graded;

/* 党组: 2 items (one done on time, one overdue); 机关党委: 1 done late, 1
 * cancelled; branch 1 (under 机关党委): 1 open not yet due; branch 2: 1
 * open not yet due.  Pledges: signed, signed by proxy, only issued,
 * assessed 优秀 (all to people of branch 1 but the last, of branch 2). */
static void small_year(void)
{
	memset(&q, 0, sizeof q);
	q.year = 2026;
	date_set_today(date_from_ymd(2026, 6, 30));
	if (qd_open(&q, tt_db(NULL), DB_CREATE, &err) != QD_OK || qd_ensure_defaults(&q, &err) != QD_OK)
		abort();
	long long group = 0;
	CHECK_INT(qd_find_org(&q, "党组", &group, &err), QD_OK);
	CHECK_INT(qd_find_org(&q, "机关党委", &organ, &err), QD_OK);
	CHECK_INT(qd_org_add(&q, "第一党支部", LV_BRANCH, organ, &branch1, &err), QD_OK);
	CHECK_INT(qd_org_add(&q, "第二党支部", LV_BRANCH, organ, &branch2, &err), QD_OK);
	p_a = person("甲", branch1);
	p_b = person("乙", branch1);
	p_c = person("丙", branch2);
	i_done_ontime = item(group, "按期完成的事项", "2026-03-31", "done", "2026-03-20", p_a);
	i_overdue = item(group, "逾期的事项", "2026-05-31", "in_progress", NULL, p_a);
	i_done_late = item(organ, "逾期完成的事项", "2026-02-28", "done", "2026-03-10", p_b);
	i_cancel = item(organ, "取消的事项", "2026-04-30", "planned", NULL, p_b);
	CHECK_INT(qd_item_move(&q, i_cancel, 0, ST_CANCELLED, "不再需要", &err), QD_OK);
	i_open = item(branch1, "支部的事项", "2026-12-31", "planned", NULL, p_a);
	i_b2 = item(branch2, "第二支部的事项", "2026-12-31", "planned", NULL, p_c);
	pl_signed = pledge("党风廉政建设责任书", p_c, p_a);
	sign(pl_signed, PARTY_ISSUER, NULL);
	sign(pl_signed, PARTY_SIGNER, NULL);
	pl_proxy = pledge("党风廉政建设责任书", p_c, p_b);
	sign(pl_proxy, PARTY_ISSUER, NULL);
	sign(pl_proxy, PARTY_SIGNER, "办公室代签");
	pl_issued = pledge("党风廉政建设责任书", p_a, p_c);
	pl_graded = pledge("基层党建工作目标责任书", p_c, p_b);
	sign(pl_graded, PARTY_ISSUER, NULL);
	sign(pl_graded, PARTY_SIGNER, NULL);
	CHECK_INT(qd_pledge_assess(&q, pl_graded, 0, "优秀", 95, "2026-06-01", NULL, &err), QD_OK);
}

TEST(every_figure_counts_the_records_behind_it)
{
	small_year();
	struct report r;
	CHECK_INT(report_gather(&q, 2026, 0, &r, &err), QD_OK);
	CHECK_STR(r.as_of, "2026-06-30");
	CHECK_INT(r.items.total.n, 5);          /* the cancelled one apart */
	CHECK_INT(r.items.cancelled.n, 1);
	CHECK(has_id(&r.items.cancelled, i_cancel));
	CHECK_INT(r.items.done.n, 2);
	CHECK_INT(r.items.ontime.n, 1);
	CHECK(has_id(&r.items.ontime, i_done_ontime));
	CHECK_INT(r.items.late.n, 1);
	CHECK(has_id(&r.items.late, i_done_late));
	CHECK_INT(r.items.overdue.n, 1);
	CHECK(has_id(&r.items.overdue, i_overdue));
	CHECK(!has_id(&r.items.overdue, i_open));
	CHECK_INT(r.level[LV_PARTY_GROUP].total.n, 2);
	CHECK_INT(r.level[LV_PARTY_GROUP].done.n, 1);
	CHECK_INT(r.level[LV_ORGAN_COMMITTEE].total.n, 1);
	CHECK_INT(r.level[LV_BRANCH].total.n, 2);
	CHECK(has_id(&r.level[LV_BRANCH].total, i_b2));
	CHECK_INT(r.issued.n, 4);
	CHECK_INT(r.signed_.n, 3);              /* signed, proxy, assessed */
	CHECK(!has_id(&r.signed_, pl_issued));
	CHECK_INT(r.proxy.n, 1);
	CHECK(has_id(&r.proxy, pl_proxy));
	CHECK_INT(r.assessed.n, 1);
	CHECK_INT(r.grade[0].n, 1);             /* 优秀 */
	CHECK(has_id(&r.grade[0], pl_graded));
	CHECK_INT(r.grade[1].n + r.grade[2].n + r.grade[3].n, 0);
	CHECK_INT(r.problems.n, 0);
	CHECK(r.items.done.ref && strstr(r.items.done.ref, "--status done"));
	report_clear(&r);
}

TEST(one_org_counts_itself_and_the_orgs_under_it)
{
	small_year();
	struct report r;
	CHECK_INT(report_gather(&q, 2026, organ, &r, &err), QD_OK);
	CHECK_STR(r.org_name, "机关党委");
	/* 机关党委 (1 + 1 cancelled) and both branches (1 + 1), not 党组 */
	CHECK_INT(r.items.total.n, 3);
	CHECK_INT(r.level[LV_PARTY_GROUP].total.n, 0);
	CHECK(!has_id(&r.items.total, i_overdue));
	CHECK(r.items.total.ref && strstr(r.items.total.ref, "--org 机关党委"));
	report_clear(&r);
	CHECK_INT(report_gather(&q, 2026, branch2, &r, &err), QD_OK);
	CHECK_INT(r.items.total.n, 1);
	CHECK(has_id(&r.items.total, i_b2));
	/* pledges by the signer's org: only the one 丙 signs */
	CHECK_INT(r.issued.n, 1);
	CHECK(has_id(&r.issued, pl_issued));
	CHECK_INT(r.signed_.n, 0);
	report_clear(&r);
}

static char *written(const struct report *r, enum report_format fmt, int detail)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	CHECK_INT(report_write(r, fmt, detail, f), 0);
	fclose(f);
	return buf;
}

TEST(sentences_carry_their_numbers_references_and_code)
{
	small_year();
	struct report r;
	CHECK_INT(report_gather(&q, 2026, 0, &r, &err), QD_OK);
	CHECK_INT(report_code(&q, &r, &err), QD_OK);
	CHECK(r.code != NULL);
	char *t = written(&r, RF_TEXT, 0);
	CHECK_CONTAINS(t, "截至2026年6月30日，三张清单共列责任事项5项〔见 item list --year 2026〕");
	CHECK_CONTAINS(t, "已销号2项〔见 item list --year 2026 --status done〕，销号率40%");
	CHECK_CONTAINS(t, "其中按期销号1项，逾期销号1项");
	CHECK_CONTAINS(t, "逾期未销号1项〔见 item list --year 2026 --overdue〕");
	CHECK_CONTAINS(t, "另有已取消事项1项");
	CHECK_CONTAINS(t, "全年发出责任书4份");
	CHECK_CONTAINS(t, "已签订3份，签订率75%");
	CHECK_CONTAINS(t, "其中代签1份〔见 pledge list --year 2026 --proxy〕");
	CHECK_CONTAINS(t, "优秀1份");
	/* no problem and no rule: words, never a number that is not one */
	CHECK_CONTAINS(t, "全年未收集到问题");
	CHECK(!strstr(t, "nan") && !strstr(t, "NaN") && !strstr(t, "inf"));
	CHECK_CONTAINS(t, r.code);
	CHECK(!strstr(t, "#"));                 /* no records without --detail */
	free(t);
	char *d = written(&r, RF_MD, 1);
	char want[64];
	snprintf(want, sizeof want, "  - #%lld ", i_done_late);
	CHECK_CONTAINS(d, "## 一、责任清单落实情况");
	CHECK_CONTAINS(d, "- **逾期销号（1）：**");
	CHECK_CONTAINS(d, want);
	snprintf(want, sizeof want, "  - #%lld ", pl_proxy);
	CHECK_CONTAINS(d, want);
	free(d);
	msg_set_english(1);
	char *e = written(&r, RF_TEXT, 0);
	CHECK_CONTAINS(e, "the three lists hold 5 items [see item list --year 2026]");
	CHECK_CONTAINS(e, "a completion rate of 40%");
	msg_set_english(0);
	free(e);

	/* the code verifies, and stops verifying once a counted record changes */
	struct strbuf rep = {0};
	CHECK_INT(qd_verify_code(&q, r.code, &rep, &err), QD_OK);
	struct item_fields f = ITEM_FIELDS_INIT;
	f.content = "改过的内容";
	CHECK_INT(qd_item_set(&q, i_open, 0, &f, &err), QD_OK);
	sb_reset(&rep);
	CHECK(qd_verify_code(&q, r.code, &rep, &err) != QD_OK);
	sb_free(&rep);
	report_clear(&r);
}

/* A rowsink keeping the rows of the sheet. */
struct rows {
	struct rowsink base;
	int ncol, n;
	char cells[32][24][64];
	char head[24][32];
};

static void rows_header(struct rowsink *s, int ncol, const char *const *names)
{
	struct rows *r = (struct rows *)s;
	r->ncol = ncol;
	for (int i = 0; i < ncol && i < 24; i++)
		snprintf(r->head[i], sizeof r->head[i], "%s", names[i]);
}

static void rows_row(struct rowsink *s, const char *const *vals, const char *json)
{
	(void)json;
	struct rows *r = (struct rows *)s;
	if (r->n >= 32)
		return;
	for (int i = 0; i < r->ncol && i < 24; i++)
		snprintf(r->cells[r->n][i], 64, "%s", vals[i]);
	r->n++;
}

static int col(const struct rows *r, const char *name)
{
	for (int i = 0; i < r->ncol; i++)
		if (strcmp(r->head[i], name) == 0)
			return i;
	return -1;
}

static const char *cell(const struct rows *r, const char *kind, long long id, const char *name)
{
	char ids[24];
	snprintf(ids, sizeof ids, "%lld", id);
	int c = col(r, name);
	for (int i = 0; c >= 0 && i < r->n; i++)
		if (strcmp(r->cells[i][1], kind) == 0 && strcmp(r->cells[i][0], ids) == 0)
			return r->cells[i][c];
	return NULL;
}

TEST(the_sheet_rates_orgs_and_people_with_the_weights_of_the_settings)
{
	small_year();
	static struct rows r;
	memset(&r, 0, sizeof r);
	r.base.header = rows_header;
	r.base.row = rows_row;
	CHECK_INT(report_assess(&q, 2026, 0, &r.base, &err), QD_OK);
	long long group = 0;
	CHECK_INT(qd_find_org(&q, "党组", &group, &err), QD_OK);
	/* 党组: 2 items, one on time, one overdue: 50% of those due */
	CHECK_STR(cell(&r, "org", group, "items"), "2");
	CHECK_STR(cell(&r, "org", group, "ontime"), "1");
	CHECK_STR(cell(&r, "org", group, "overdue"), "1");
	CHECK_STR(cell(&r, "org", group, "ontime_rate"), "50.0");
	/* 机关党委: its one live item done late: 0 on time; no pledges: "" */
	CHECK_STR(cell(&r, "org", organ, "items"), "1");
	CHECK_STR(cell(&r, "org", organ, "ontime_rate"), "0.0");
	CHECK_STR(cell(&r, "org", organ, "pledge_rate"), "");
	/* branch 1 signs 3 pledges, 3 signed; 1 graded */
	CHECK_STR(cell(&r, "org", branch1, "pledges"), "3");
	CHECK_STR(cell(&r, "org", branch1, "signed"), "3");
	CHECK_STR(cell(&r, "org", branch1, "graded"), "1");
	/* a person: 甲 owns the on-time, the overdue and the branch item */
	CHECK_STR(cell(&r, "person", p_a, "items"), "3");
	CHECK_STR(cell(&r, "person", p_a, "ontime_rate"), "50.0");
	CHECK_STR(cell(&r, "person", p_b, "grade"), "优秀");
	/* 甲, a Party member with no hours of 32: items 50% (40), pledges 1/1
	 * (20), hours 0 (20), no problems: (40·0.5 + 20·1 + 20·0) / 80 = 50 */
	CHECK_STR(cell(&r, "person", p_a, "hours"), "0");
	CHECK_STR(cell(&r, "person", p_a, "norm"), "32");
	CHECK_STR(cell(&r, "person", p_a, "score"), "50.0");
	/* the weights come from the settings */
	CHECK_INT(qd_setting_set(&q, "assess_weight_pledges", "0", &err), QD_OK);
	memset(&r, 0, sizeof r);
	r.base.header = rows_header;
	r.base.row = rows_row;
	CHECK_INT(report_assess(&q, 2026, 0, &r.base, &err), QD_OK);
	/* (40·0.5 + 20·0) / 60 = 33.3 */
	CHECK_STR(cell(&r, "person", p_a, "score"), "33.3");
	struct assess_weights w;
	report_weights(&q, &w);
	CHECK(w.pledges == 0 && w.items == REPORT_WEIGHT_ITEMS);
	/* a weight that is not a number falls back to the default */
	CHECK_INT(qd_setting_set(&q, "assess_weight_items", "很多", &err), QD_OK);
	report_weights(&q, &w);
	CHECK(w.items == REPORT_WEIGHT_ITEMS);
}

/* ---- problems ---- */

static long long problem(long long org, enum problem_source src, const char *raiser)
{
	struct problem_fields f = PROBLEM_FIELDS_INIT;
	long long id = 0;
	f.org_id = org;
	f.source = (int)src;
	f.text = "群众反映的问题";
	f.raised_on = "2026-03-10";
	f.raiser_name = raiser;
	if (raiser)
		f.contact = "13800000000";
	if (qd_problem_add(&q, &f, &id, &err) != QD_OK)
		fprintf(stderr, "  problem add: %s\n", err.s ? err.s : "");
	CHECK(id > 0);
	return id;
}

static long long measure(long long pid, const char *due)
{
	struct item_fields f = ITEM_FIELDS_INIT;
	long long id = 0;
	f.content = "整改措施";
	f.owner_id = p_a;
	f.due = due;
	if (qd_problem_measure(&q, pid, &f, &id, &err) != QD_OK)
		fprintf(stderr, "  measure: %s\n", err.s ? err.s : "");
	CHECK(id > 0);
	return id;
}

static void finish(long long item)
{
	CHECK_INT(qd_item_move(&q, item, 0, ST_IN_PROGRESS, NULL, &err), QD_OK);
	CHECK_INT(qd_item_move(&q, item, 0, ST_SUBMITTED, NULL, &err), QD_OK);
	CHECK_INT(qd_item_move(&q, item, 0, ST_DONE, NULL, &err), QD_OK);
}

TEST(problems_by_source_rectified_and_fed_back)
{
	small_year();
	/* a 公开电话 caller's problem, rectified, visited (satisfied), closed;
	 * an anonymous 意见箱 one with nothing done; a 自查 one half done, in
	 * branch 2, with one measure overdue */
	long long phone = problem(branch1, SRC_PHONE, "张先生");
	long long m1 = measure(phone, "2026-05-31");
	finish(m1);
	CHECK_INT(qd_problem_feedback(&q, phone, "2026-06-10", p_b, "已整改到位", 1, &err), QD_OK);
	CHECK_INT(qd_problem_close(&q, phone, "2026-06-20", 0, &err), QD_OK);
	long long box = problem(branch1, SRC_BOX, NULL);
	long long self = problem(branch2, SRC_SELF, NULL);
	finish(measure(self, "2026-04-30"));
	measure(self, "2026-05-31");
	struct report r;
	CHECK_INT(report_gather(&q, 2026, 0, &r, &err), QD_OK);
	CHECK_INT(r.problems.n, 3);
	CHECK_INT(r.by_source[SRC_PHONE].n, 1);
	CHECK(has_id(&r.by_source[SRC_PHONE], phone));
	CHECK_INT(r.by_source[SRC_BOX].n, 1);
	CHECK(has_id(&r.by_source[SRC_BOX], box));
	CHECK_INT(r.by_source[SRC_SELF].n, 1);
	CHECK_INT(r.rectified.n, 1);
	CHECK(has_id(&r.rectified, phone));
	CHECK_INT(r.closed.n, 1);
	CHECK_INT(r.need_feedback.n, 1);
	CHECK_INT(r.fed_back.n, 1);
	CHECK_INT(r.satisfied.n, 1);
	CHECK_INT(r.measures, 3);
	CHECK_INT(r.done_measures, 2);
	CHECK_INT(r.overdue_measures, 1);
	/* the measures are items of the 整改清单, never of the three lists */
	CHECK_INT(r.items.total.n, 5);
	CHECK(!has_id(&r.items.total, m1));
	/* the same as qd_problem_stats counts */
	struct problem_stat *st = NULL;
	int n = 0;
	CHECK_INT(qd_problem_stats(&q, 2026, 0, 0, 0, &st, &n, &err), QD_OK);
	CHECK(n >= 1);
	CHECK_INT(st[n - 1].problems, r.problems.n);
	CHECK_INT(st[n - 1].rectified + st[n - 1].closed, r.rectified.n);
	CHECK_INT(st[n - 1].fed_back, r.fed_back.n);
	problem_stats_free(st, n);
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	CHECK_INT(report_write(&r, RF_TEXT, 0, f), 0);
	fclose(f);
	CHECK_CONTAINS(buf, "全年收集问题3个〔见 problem list --year 2026〕，其中公开电话1个、意见箱1个、自查1个");
	CHECK_CONTAINS(buf, "已整改1个");
	CHECK_CONTAINS(buf, "整改率33.3%");
	CHECK_CONTAINS(buf, "需回访1个，已回访1个，回访满意1个");
	free(buf);
	/* one org: branch 2 has the 自查 one only */
	report_clear(&r);
	CHECK_INT(report_gather(&q, 2026, branch2, &r, &err), QD_OK);
	CHECK_INT(r.problems.n, 1);
	CHECK(has_id(&r.problems, self));
	report_clear(&r);
	/* the code covers the problems: closing again after --undo breaks it */
	CHECK_INT(report_gather(&q, 2026, 0, &r, &err), QD_OK);
	CHECK_INT(report_code(&q, &r, &err), QD_OK);
	struct strbuf rep = {0};
	CHECK_INT(qd_verify_code(&q, r.code, &rep, &err), QD_OK);
	CHECK_INT(qd_problem_close(&q, phone, NULL, 1, &err), QD_OK);
	CHECK(qd_verify_code(&q, r.code, &rep, &err) != QD_OK);
	sb_free(&rep);
	report_clear(&r);
}

int main(void)
{
	text_init_locale();
	msg_set_english(0);
	RUN(rates_round_half_up_to_one_decimal);
	RUN(a_zero_denominator_says_none_not_nan);
	RUN(hours_as_people_write_them);
	RUN(the_score_is_the_weighted_mean_of_what_applies);
	RUN(every_figure_counts_the_records_behind_it);
	RUN(one_org_counts_itself_and_the_orgs_under_it);
	RUN(sentences_carry_their_numbers_references_and_code);
	RUN(the_sheet_rates_orgs_and_people_with_the_weights_of_the_settings);
	RUN(problems_by_source_rectified_and_fed_back);
	return TT_END();
}
