/* t_duty.c — the screen's reads keep to the duty lists (issue 12): an org's
 * list, a person's checklist (with and without the cache), their counts
 * and categories, the people view's counts and the year's stats read the
 * 三张清单 only; a measure of the 整改清单 (qd_problem_measure) shows with
 * item_scope.kind = STORE_KIND_RECTIFY or STORE_KIND_ALL.  Both backends.
 * (The command line's listings, print, export and year copy: tests/duty.sh.) */
#include <stdlib.h>
#include <string.h>

#include "qingdan/date.h"
#include "qingdan/db.h"
#include "qingdan/model.h"
#include "qingdan/problem.h"
#include "qingdan/store.h"
#include "qingdan/store_page.h"
#include "qingdan/text.h"
#include "tt.h"

static struct qd q;
static struct strbuf err;
static long long branch, owner, lead, duty_item, measure;

static void fixture(void)
{
	memset(&q, 0, sizeof q);
	q.year = 2026;
	date_set_today(date_from_ymd(2026, 6, 30));
	if (qd_open(&q, tt_db(NULL), DB_CREATE, &err) != QD_OK || qd_ensure_defaults(&q, &err) != QD_OK)
		abort();
	long long organ;
	CHECK_INT(qd_find_org(&q, "机关党委", &organ, &err), QD_OK);
	CHECK_INT(qd_org_add(&q, "第一党支部", LV_BRANCH, organ, &branch, &err), QD_OK);
	struct person_fields pf = PERSON_FIELDS_INIT;
	pf.name = "张三";
	pf.org_id = branch;
	pf.active = 1;
	CHECK_INT(qd_person_add(&q, &pf, &owner, &err), QD_OK);
	pf.name = "李四";
	CHECK_INT(qd_person_add(&q, &pf, &lead, &err), QD_OK);
	struct item_fields f = ITEM_FIELDS_INIT;
	f.content = "落实三会一课";
	f.category = "组织建设";
	f.owner_id = owner;
	f.due = "2026-12-31";
	CHECK_INT(qd_item_add(&q, branch, &f, &duty_item, &err), QD_OK);
	struct problem_fields p = PROBLEM_FIELDS_INIT;
	long long pid;
	p.org_id = branch;
	p.source = problem_source_parse("phone");
	p.text = "窗口午间无人";
	p.raised_on = "2026-03-01";
	p.raiser_id = 0;
	p.meeting_id = 0;
	p.raiser_name = "陈群众";
	CHECK_INT(qd_problem_add(&q, &p, &pid, &err), QD_OK);
	struct item_fields m = ITEM_FIELDS_INIT;
	m.content = "建立午间轮值";
	m.category = "整改";
	m.owner_id = owner;
	m.lead_id = lead;
	m.due = "2026-05-31";   /* overdue on 2026-06-30 */
	CHECK_INT(qd_problem_measure(&q, pid, &m, &measure, &err), QD_OK);
}

static struct item_scope scope(long long org, long long person, int kind)
{
	struct item_scope sc = {0};
	sc.year = 2026;
	sc.org_id = org;
	sc.person_id = person;
	sc.status = -1;
	sc.today = "2026-06-30";
	sc.soon = "2026-07-07";
	sc.kind = kind;
	return sc;
}

/* The ids of the scope's first page, ascending, as "1,2". */
static char *page_ids(const struct item_scope *sc)
{
	struct page_item rows[8];
	int n = store_page_items(q.db, sc, NULL, 1, 0, 8, rows, &err);
	struct strbuf b = {0};
	sb_puts(&b, "");
	for (int i = 0; i < n; i++)
		sb_printf(&b, "%s%lld", i ? "," : "", rows[i].it.id);
	if (n > 0)
		page_items_clear(rows, n);
	return sb_take(&b);
}

static void check_ids(const struct item_scope *sc, long long a, long long b)
{
	char want[64], *got = page_ids(sc);
	if (b)
		snprintf(want, sizeof want, "%lld,%lld", a < b ? a : b, a < b ? b : a);
	else if (a)
		snprintf(want, sizeof want, "%lld", a);
	else
		want[0] = '\0';
	CHECK_STR(got, want);
	free(got);
}

TEST(an_orgs_list_is_its_duty_list)
{
	fixture();
	struct item_scope sc = scope(branch, 0, STORE_KIND_DUTY);
	check_ids(&sc, duty_item, 0);
	sc.kind = STORE_KIND_RECTIFY;
	check_ids(&sc, measure, 0);
	sc.kind = STORE_KIND_ALL;
	check_ids(&sc, duty_item, measure);
	struct item_counts c;
	sc = scope(branch, 0, STORE_KIND_DUTY);
	CHECK_INT(store_page_item_counts(q.db, &sc, &c, &err), QD_OK);
	CHECK_INT(c.total, 1);
	CHECK_INT(c.overdue, 0);
	sc.kind = STORE_KIND_RECTIFY;
	CHECK_INT(store_page_item_counts(q.db, &sc, &c, &err), QD_OK);
	CHECK_INT(c.total, 1);
	CHECK_INT(c.overdue, 1);
	struct page_key key;
	sc.kind = STORE_KIND_DUTY;
	CHECK_INT(store_page_item_key(q.db, &sc, measure, &key), QD_NOTFOUND);
	CHECK_INT(store_page_item_key(q.db, &sc, duty_item, &key), QD_OK);
}

TEST(a_checklist_is_the_persons_duty_items)
{
	fixture();
	for (int cached = 0; cached < 2; cached++) {
		struct item_scope sc = scope(0, owner, STORE_KIND_DUTY);
		if (cached)
			sc.cache = store_page_cache_new();
		check_ids(&sc, duty_item, 0);
		struct item_counts c;
		CHECK_INT(store_page_item_counts(q.db, &sc, &c, &err), QD_OK);
		CHECK_INT(c.total, 1);
		/* the same cache, another kind: not the duty keys again */
		sc.kind = STORE_KIND_RECTIFY;
		check_ids(&sc, measure, 0);
		sc.kind = STORE_KIND_ALL;
		check_ids(&sc, duty_item, measure);
		struct item_scope ld = scope(0, lead, STORE_KIND_DUTY);
		check_ids(&ld, 0, 0);
		ld.kind = STORE_KIND_RECTIFY;
		check_ids(&ld, measure, 0);
		store_page_cache_free(&sc.cache);
	}
}

TEST(categories_of_a_scope_are_of_its_kind)
{
	fixture();
	struct item_scope sc = scope(branch, 0, STORE_KIND_DUTY);
	char **cats = NULL;
	int n = 0;
	CHECK_INT(store_page_categories(q.db, &sc, &cats, &n), QD_OK);
	CHECK_INT(n, 1);
	if (n == 1)
		CHECK_STR(cats[0], "组织建设");
	for (int i = 0; i < n; i++)
		free(cats[i]);
	free(cats);
	sc.kind = STORE_KIND_RECTIFY;
	CHECK_INT(store_page_categories(q.db, &sc, &cats, &n), QD_OK);
	CHECK_INT(n, 1);
	if (n == 1)
		CHECK_STR(cats[0], "整改");
	for (int i = 0; i < n; i++)
		free(cats[i]);
	free(cats);
}

TEST(the_people_view_counts_duty_items)
{
	fixture();
	int items, done, overdue;
	CHECK_INT(store_page_person_counts(q.db, owner, 2026, "2026-06-30", &items, &done, &overdue),
		  QD_OK);
	CHECK_INT(items, 1);
	CHECK_INT(overdue, 0);
	CHECK_INT(store_page_person_counts(q.db, lead, 2026, "2026-06-30", &items, &done, &overdue),
		  QD_OK);
	CHECK_INT(items, 0);
	CHECK_INT(store_year_item_count(q.db, 2026), 1);
}

int main(void)
{
	text_init_locale();
	RUN(an_orgs_list_is_its_duty_list);
	RUN(a_checklist_is_the_persons_duty_items);
	RUN(categories_of_a_scope_are_of_its_kind);
	RUN(the_people_view_counts_duty_items);
	return TT_END();
}
