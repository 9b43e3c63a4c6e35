/* t_period.c — recurring items (period.h): period names, their deadlines
 * and marks, the frequency words of import; the model's rules (the kind
 * checked, who may record, the due following the first period not done,
 * 销号 once all are done, every write audited); and migration 10 on an
 * older SQLite file. */
#include <stdlib.h>
#include <string.h>

#include "qingdan/audit.h"
#include "qingdan/date.h"
#include "qingdan/db.h"
#include "qingdan/model.h"
#include "qingdan/period.h"
#include "qingdan/store.h"
#include "qingdan/store_period.h"
#include "tt.h"

static struct qd q;
static struct strbuf err;

static char *iso(int day)
{
	static char buf[4][11];
	static int k;
	k = (k + 1) % 4;
	return date_format(day, buf[k]);
}

TEST(period_names)
{
	int i = 0;
	CHECK_INT(period_parse("1", &i), EVERY_MONTH);
	CHECK_INT(i, 1);
	CHECK_INT(period_parse("12", &i), EVERY_MONTH);
	CHECK_INT(i, 12);
	CHECK_INT(period_parse("Q2", &i), EVERY_QUARTER);
	CHECK_INT(i, 2);
	CHECK_INT(period_parse("q4", &i), EVERY_QUARTER);
	CHECK_INT(period_parse("H2", &i), EVERY_HALF);
	CHECK_INT(i, 2);
	CHECK_INT(period_parse("Y", &i), EVERY_YEAR);
	CHECK_INT(i, 1);
	static const char *const bad[] = {"", "0", "13", "01", "Q0", "Q5", "H3", "Y1", "Q", "1a",
					  "123", "month", "Ｑ1"};
	for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++)
		CHECK_INT(period_parse(bad[k], &i), -1);
	char name[4];
	CHECK_STR(period_name(EVERY_MONTH, 11, name), "11");
	CHECK_STR(period_name(EVERY_QUARTER, 3, name), "Q3");
	CHECK_STR(period_name(EVERY_HALF, 1, name), "H1");
	CHECK_STR(period_name(EVERY_YEAR, 1, name), "Y");
	CHECK_INT(every_periods(EVERY_MONTH), 12);
	CHECK_INT(every_periods(EVERY_QUARTER), 4);
	CHECK_INT(every_periods(EVERY_HALF), 2);
	CHECK_INT(every_periods(EVERY_YEAR), 1);
	CHECK_INT(every_periods(EVERY_NONE), 0);
}

TEST(period_deadlines)
{
	CHECK_STR(iso(period_end(2026, EVERY_MONTH, 2)), "2026-02-28");
	CHECK_STR(iso(period_end(2028, EVERY_MONTH, 2)), "2028-02-29");
	CHECK_STR(iso(period_end(2026, EVERY_MONTH, 12)), "2026-12-31");
	CHECK_STR(iso(period_end(2026, EVERY_QUARTER, 1)), "2026-03-31");
	CHECK_STR(iso(period_end(2026, EVERY_QUARTER, 2)), "2026-06-30");
	CHECK_STR(iso(period_end(2026, EVERY_QUARTER, 3)), "2026-09-30");
	CHECK_STR(iso(period_end(2026, EVERY_HALF, 1)), "2026-06-30");
	CHECK_STR(iso(period_end(2026, EVERY_HALF, 2)), "2026-12-31");
	CHECK_STR(iso(period_end(2026, EVERY_YEAR, 1)), "2026-12-31");
	CHECK_STR(iso(period_start(2026, EVERY_QUARTER, 3)), "2026-07-01");
	CHECK_STR(iso(period_start(2026, EVERY_MONTH, 12)), "2026-12-01");
	int jul7 = date_from_ymd(2026, 7, 7);
	CHECK_INT(period_current(2026, EVERY_QUARTER, jul7), 3);
	CHECK_INT(period_current(2026, EVERY_MONTH, jul7), 7);
	CHECK_INT(period_current(2026, EVERY_HALF, jul7), 2);
	CHECK_INT(period_current(2026, EVERY_QUARTER, date_from_ymd(2025, 12, 31)), 0);
	CHECK_INT(period_current(2026, EVERY_QUARTER, date_from_ymd(2027, 1, 1)), 5);
	/* the due: the first period not done, the last once all are */
	CHECK_STR(iso(period_due(2026, EVERY_QUARTER, 0)), "2026-03-31");
	CHECK_STR(iso(period_due(2026, EVERY_QUARTER, 1)), "2026-06-30");
	CHECK_STR(iso(period_due(2026, EVERY_QUARTER, 1 | 4)), "2026-06-30");
	CHECK_STR(iso(period_due(2026, EVERY_QUARTER, 15)), "2026-12-31");
	CHECK_INT((int)period_mask(EVERY_QUARTER, "Q1 Q3,Q4 3 H1"), 1 | 4 | 8);
	CHECK_INT((int)period_mask(EVERY_MONTH, "1 12 Q1"), 1 | 2048);
}

TEST(period_marks_as_shown)
{
	struct strbuf b = {0};
	int jul7 = date_from_ymd(2026, 7, 7);
	period_marks(&b, 2026, EVERY_QUARTER, 1, jul7, PERIOD_MARKS_SCREEN);
	CHECK_STR(b.s, "Q1✓ Q2✗ Q3· Q4·");   /* the Done-when check */
	sb_reset(&b);
	period_marks(&b, 2026, EVERY_QUARTER, 1, jul7, PERIOD_MARKS_ASCII);
	CHECK_STR(b.s, "Q1[v] Q2[x] Q3[_] Q4[_]");
	sb_reset(&b);
	period_marks(&b, 2026, EVERY_HALF, 0, jul7, PERIOD_MARKS_PAPER);
	CHECK_STR(b.s, "H1✗ H2☐");
	sb_reset(&b);
	/* the last day of a period is still in time */
	period_marks(&b, 2026, EVERY_QUARTER, 0, date_from_ymd(2026, 3, 31), PERIOD_MARKS_SCREEN);
	CHECK_STR(b.s, "Q1· Q2· Q3· Q4·");
	sb_free(&b);
}

TEST(frequency_words)
{
	CHECK_INT(every_words("每月研究一次基层党建工作"), EVERY_MONTH);
	CHECK_INT(every_words("每月一次"), EVERY_MONTH);
	CHECK_INT(every_words("每季度至少召开一次"), EVERY_QUARTER);
	CHECK_INT(every_words("按季度"), EVERY_QUARTER);
	CHECK_INT(every_words("每个季度"), EVERY_QUARTER);
	CHECK_INT(every_words("每半年"), EVERY_HALF);
	CHECK_INT(every_words("半年一次"), EVERY_HALF);
	CHECK_INT(every_words("每年召开一次民主生活会"), EVERY_YEAR);
	CHECK_INT(every_words("长期坚持"), EVERY_NONE);
	CHECK_INT(every_words("2026年度"), EVERY_NONE);
	CHECK_INT(every_words("第三季度"), EVERY_NONE);
	CHECK_INT(every_words(NULL), EVERY_NONE);
	CHECK_INT(every_parse("quarter"), EVERY_QUARTER);
	CHECK_INT(every_parse("每季度"), EVERY_QUARTER);
	CHECK_INT(every_parse("none"), EVERY_NONE);
	CHECK_INT(every_parse(""), EVERY_NONE);
	CHECK_INT(every_parse("weekly"), -1);
	CHECK_STR(every_code(EVERY_HALF), "half");
	CHECK(every_code(EVERY_NONE) == NULL);
}

/* ---- the model ---- */

static void open_db(void)
{
	memset(&q, 0, sizeof q);
	q.year = 2026;
	date_set_today(date_from_ymd(2026, 7, 7));
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

static long long item(const char *content, long long owner, long long lead)
{
	struct item_fields f = ITEM_FIELDS_INIT;
	long long id = 0;
	f.content = content;
	f.owner_id = owner;
	f.lead_id = lead;
	CHECK_INT(qd_item_add(&q, 2, &f, &id, &err), QD_OK);
	return id;
}

static int has_flag(long long id, const char *flag)
{
	struct item it;
	CHECK_INT(qd_get_item(&q, id, &it, &err), QD_OK);
	int yes = it.flags && strstr(it.flags, flag) != NULL;
	item_clear(&it);
	return yes;
}

TEST(recurring_item_rules)
{
	open_db();
	long long id = item("每季度召开党建工作领导小组会议", 0, 0);
	sb_reset(&err);
	CHECK_INT(qd_item_period(&q, id, "Q1", 1, NULL, NULL, &err), QD_INVALID);
	CHECK_CONTAINS(err.s, "不是周期性事项");
	CHECK_INT(qd_item_every(&q, id, "quarter", &err), QD_OK);
	struct item it;
	CHECK_INT(qd_get_item(&q, id, &it, &err), QD_OK);
	CHECK_STR(it.due, "2026-03-31");
	item_clear(&it);
	CHECK(has_flag(id, "overdue"));
	sb_reset(&err);
	CHECK_INT(qd_item_period(&q, id, "3", 1, NULL, NULL, &err), QD_INVALID);
	CHECK_CONTAINS(err.s, "Q1–Q4");
	CHECK_INT(qd_item_period(&q, id, "Q1", 1, "2026-03-20", "已开会", &err), QD_OK);
	CHECK(has_flag(id, "overdue"));   /* Q2 ended on 30 June */
	struct strbuf line = {0};
	CHECK(qd_item_period_line(&q, id, 2026, PERIOD_MARKS_SCREEN, &line));
	CHECK_STR(line.s, "每季度 Q1✓ Q2✗ Q3· Q4·");
	sb_free(&line);
	CHECK_INT(qd_item_period(&q, id, "Q2", 1, "2026-07-01", NULL, &err), QD_OK);
	CHECK(!has_flag(id, "overdue"));
	CHECK(!has_flag(id, "due_soon"));
	date_set_today(date_from_ymd(2026, 9, 28));
	CHECK(has_flag(id, "due_soon"));   /* Q3 ends within due_soon_days */
	/* the record: date, note, who */
	struct item_period *p = NULL;
	int n = 0;
	CHECK_INT(qd_item_periods(&q, id, &p, &n), QD_OK);
	CHECK_INT(n, 2);
	CHECK_STR(p[0].period, "Q1");
	CHECK_STR(p[0].done_on, "2026-03-20");
	CHECK_STR(p[0].note, "已开会");
	item_periods_free(p, n);
	/* undone, then all four: 销号 */
	CHECK_INT(qd_item_period(&q, id, "Q2", 0, NULL, NULL, &err), QD_OK);
	CHECK_INT(qd_get_item(&q, id, &it, &err), QD_OK);
	CHECK_STR(it.due, "2026-06-30");
	item_clear(&it);
	CHECK_INT(qd_item_period(&q, id, "Q2", 1, "2026-07-02", NULL, &err), QD_OK);
	CHECK_INT(qd_item_period(&q, id, "Q3", 1, "2026-09-20", NULL, &err), QD_OK);
	CHECK_INT(qd_item_period(&q, id, "Q4", 1, "2026-12-20", NULL, &err), QD_OK);
	CHECK_INT(qd_get_item(&q, id, &it, &err), QD_OK);
	CHECK_INT(it.status, ST_DONE);
	CHECK_STR(it.done_on, "2026-12-20");
	item_clear(&it);
	sb_reset(&err);
	CHECK_INT(qd_item_period(&q, id, "Q4", 0, NULL, NULL, &err), QD_INVALID);
	/* the chain holds over every write */
	struct strbuf r = {0};
	CHECK_INT(qd_audit_verify(&q, &r, &err), QD_OK);
	sb_free(&r);
	qd_close(&q);
}

TEST(who_may_record_a_period)
{
	open_db();
	long long me = person("张三", "zhangsan", 0), lead = person("李四", "lisi", 0);
	person("王五", "wangwu", 0);
	long long id = item("每月研究一次基层党建工作", me, lead);
	CHECK_INT(qd_item_every(&q, id, "month", &err), QD_OK);
	person("管理员", "admin", 1);
	tt_login(&q, "wangwu");
	sb_reset(&err);
	CHECK_INT(qd_item_period(&q, id, "1", 1, NULL, NULL, &err), QD_DENIED);
	tt_login(&q, "zhangsan");
	CHECK_INT(qd_item_period(&q, id, "1", 1, "2026-01-30", NULL, &err), QD_OK);
	sb_reset(&err);
	CHECK_INT(qd_item_every(&q, id, "quarter", &err), QD_DENIED);   /* admins edit items */
	tt_login(&q, "lisi");
	CHECK_INT(qd_item_period(&q, id, "2", 1, "2026-02-27", NULL, &err), QD_OK);
	struct item it;
	CHECK_INT(qd_get_item(&q, id, &it, &err), QD_OK);
	CHECK_STR(it.due, "2026-03-31");
	item_clear(&it);
	tt_login(&q, "admin");
	struct strbuf r = {0};
	CHECK_INT(qd_audit_verify(&q, &r, &err), QD_OK);
	sb_free(&r);
	qd_close(&q);
}

/* For reminders: the periods not done that have ended or end soon. */
struct open_seen {
	struct strbuf s;
};

static void seen_open(void *ctx, long long id, const char *period, const char *ends, int missed)
{
	struct open_seen *o = ctx;
	sb_printf(&o->s, "%lld:%s:%s:%d;", id, period, ends, missed);
}

TEST(periods_open_for_reminders)
{
	open_db();
	long long a = item("每月研究一次基层党建工作", 0, 0), b = item("每季度会议", 0, 0);
	item("一次性事项", 0, 0);
	CHECK_INT(qd_item_every(&q, a, "month", &err), QD_OK);
	CHECK_INT(qd_item_every(&q, b, "quarter", &err), QD_OK);
	for (int m = 1; m <= 6; m++) {
		char name[4];
		CHECK_INT(qd_item_period(&q, a, period_name(EVERY_MONTH, m, name), 1, NULL, NULL, &err), QD_OK);
	}
	CHECK_INT(qd_item_period(&q, b, "Q1", 1, NULL, NULL, &err), QD_OK);
	struct open_seen o = {{0}};
	sb_puts(&o.s, "");
	/* 27 July, 7 days: July ends within them; Q2 was missed; Q3 is not near */
	CHECK_INT(qd_item_periods_open(&q, date_from_ymd(2026, 7, 27), 7, seen_open, &o), QD_OK);
	char *want = xasprintf("%lld:7:2026-07-31:0;%lld:Q2:2026-06-30:1;", a, b);
	CHECK_STR(o.s.s, want);
	free(want);
	sb_free(&o.s);
	qd_close(&q);
}

/* A file of schema 9 (before recurring items) upgrades and takes them. */
TEST(migration_10_upgrades_an_old_file)
{
	TT_SQLITE_ONLY("an older SQLite file, downgraded with SQLite's DDL");
	char dir[] = "/tmp/qd_period_XXXXXX";
	CHECK(mkdtemp(dir) != NULL);
	char *path = xasprintf("%s/old.db", dir);
	memset(&q, 0, sizeof q);
	q.year = 2026;
	date_set_today(date_from_ymd(2026, 7, 7));
	CHECK_INT(qd_open(&q, path, DB_CREATE, &err), QD_OK);
	qd_ensure_defaults(&q, &err);
	long long id = item("每季度召开会议", 0, 0);
	CHECK_INT(tt_exec(q.db, TT_UNDO_MIGRATION_10 "PRAGMA user_version = 9;"), SQL_OK);
	qd_close(&q);
	memset(&q, 0, sizeof q);
	q.year = 2026;
	CHECK_INT(qd_open(&q, path, 0, &err), QD_OK);
	CHECK_INT(tt_num(q.db, "PRAGMA user_version"), db_schema_version());
	CHECK_INT(tt_num(q.db, "SELECT count(*) FROM item WHERE every IS NULL"), 1);
	CHECK_INT(qd_item_every(&q, id, "quarter", &err), QD_OK);
	CHECK_INT(qd_item_period(&q, id, "Q1", 1, NULL, NULL, &err), QD_OK);
	CHECK_INT(tt_num(q.db, "SELECT count(*) FROM item_period"), 1);
	struct strbuf r = {0};
	CHECK_INT(qd_audit_verify(&q, &r, &err), QD_OK);
	sb_free(&r);
	qd_close(&q);
	char *cmd = xasprintf("rm -rf %s", dir);
	CHECK(system(cmd) == 0);
	free(cmd);
	free(path);
}

int main(void)
{
	RUN(period_names);
	RUN(period_deadlines);
	RUN(period_marks_as_shown);
	RUN(frequency_words);
	RUN(recurring_item_rules);
	RUN(who_may_record_a_period);
	RUN(periods_open_for_reminders);
	RUN(migration_10_upgrades_an_old_file);
	return TT_END();
}
