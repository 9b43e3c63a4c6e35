/* t_tui_people.c — headless tests of the people view (tab 4) in name
 * order (issue 13): within each org the demo people stand in pinyin order
 * (person.sort_key, as person list), people without an org first, and
 * paging forward and back across a page boundary keeps that order (the
 * keyset (org, sort key, id) on person_org_sort, store_page.h). */
#include "t_tui_harness.h"

/* The names on the people view, top to bottom, as "a,b,c": each row's
 * name column (after two spaces), its first two characters (a long name
 * is cut at the column's width). */
static char *names_shown(void)
{
	struct strbuf b = {0};
	int head = find_row("姓名");
	for (int y = head + 1; head >= 0 && y < LINES; y++) {
		const char *r = row(y);
		if ((strncmp(r, "  ", 2) != 0 && strncmp(r, "> ", 2) != 0) || r[2] == ' ' ||
		    r[2] == '\0')   /* "> " the cursor's row */
			break;
		const char *p = r + 2;
		size_t n = 0;
		for (int chars = 0; chars < 2 && p[n] && p[n] != ' '; chars++)
			do
				n++;
			while (((unsigned char)p[n] & 0xC0) == 0x80);
		sb_printf(&b, "%s%.*s", b.len ? "," : "", (int)n, p);
	}
	return b.s ? sb_take(&b) : xstrdup("");
}

/* The same form of the people from..to-1 of the expected order. */
static char *names_of(char **order, int from, int to)
{
	struct strbuf b = {0};
	for (int i = from; i < to; i++) {
		const char *p = order[i];
		size_t n = 0;
		for (int chars = 0; chars < 2 && p[n]; chars++)
			do
				n++;
			while (((unsigned char)p[n] & 0xC0) == 0x80);
		sb_printf(&b, "%s%.*s", b.len ? "," : "", (int)n, p);
	}
	return b.s ? sb_take(&b) : xstrdup("");
}

/* Everyone in the view's order, read from the database: org (none
 * first), sort key, id. */
static int expected_order(char ***out)
{
	char *all = tt_text(q.db, TT_SQL("SELECT group_concat(name, ',') FROM (SELECT name FROM person "
					 "ORDER BY coalesce(org_id, 0), sort_key, id)",
					 "SELECT string_agg(name, ',' ORDER BY coalesce(org_id, 0), sort_key, id) "
					 "FROM person"));
	int n = 0;
	*out = NULL;
	for (char *save = NULL, *s = strtok_r(all, ",", &save); s; s = strtok_r(NULL, ",", &save)) {
		*out = xrealloc(*out, (size_t)(n + 1) * sizeof **out);
		(*out)[n++] = xstrdup(s);
	}
	free(all);
	return n;
}

static void free_order(char **order, int n)
{
	for (int i = 0; i < n; i++)
		free(order[i]);
	free(order);
}

static void check_window(char **order, int from, int to, int line)
{
	char *want = names_of(order, from, to), *got = names_shown();
	if (strcmp(want, got) != 0) {
		fprintf(stderr, "  line %d: people %d..%d\n    shown    %s\n    expected %s\n", line, from,
			to - 1, got, want);
		tt_fail_flag = 1;
	}
	free(want);
	free(got);
}

static long long add_person(const char *name)
{
	struct person_fields f = PERSON_FIELDS_INIT;
	long long id = 0;
	f.name = name;
	f.active = 1;
	CHECK_INT(qd_person_add(&q, &f, &id, &err), QD_OK);
	return id;
}

/* The demo's first branch, 机关第一党支部（办公室）, by pinyin: not by id (王芳
 * is its first), not by code point (何 刘 吴 周 李 杨 …). */
TEST(people_view_in_pinyin_order)
{
	start(100, 40);
	RUN_SCRIPT("4");
	char *shown = names_shown();
	CHECK_CONTAINS(shown, "蔡明,何雪,黄志,李红,刘洋,欧阳,王芳,吴敏,杨静,赵立,郑国,周海,"
			      "阿依,陈晓,高峰,郭佳,胡斌,林涛,罗文,田甜,王伟,徐丽,许诺,朱晓,曹阳");
	CHECK(strncmp(shown, "蔡明,", strlen("蔡明,")) == 0);
	free(shown);
	CHECK_CONTAINS(screen(), "蔡明亮");
	char **order;
	int n = expected_order(&order);
	CHECK_INT(n, 42);
	check_window(order, 0, 35, __LINE__);   /* 40 lines: 35 people a page */
	free_order(order, n);
	stop();
}

/* 42 people and two without an org (they come first), 25 a page: page
 * down and up, and line by line over the edge, always the same order. */
TEST(people_view_pages_keep_the_order)
{
	start(100, 30);
	add_person("白雪");
	add_person("安然");
	RUN_SCRIPT("4");
	char **order;
	int n = expected_order(&order);
	CHECK_INT(n, 44);
	CHECK_STR(order[0], "安然");
	CHECK_STR(order[1], "白雪");
	check_window(order, 0, 25, __LINE__);
	RUN_SCRIPT("page-down");        /* 19 more: the window ends at the last */
	check_window(order, n - 25, n, __LINE__);
	RUN_SCRIPT("page-up");
	check_window(order, 0, 25, __LINE__);
	RUN_SCRIPT("end");
	check_window(order, n - 25, n, __LINE__);
	RUN_SCRIPT("home");
	for (int i = 0; i < 26; i++)    /* the cursor to the last row, then one past it */
		RUN_SCRIPT("down");
	check_window(order, 2, 27, __LINE__);
	for (int i = 0; i < 26; i++)    /* back to the top, over the no-org boundary */
		RUN_SCRIPT("up");
	check_window(order, 0, 25, __LINE__);
	/* a search keeps the order too: 王 (王芳 王伟 王伟), a window of them */
	RUN_SCRIPT("/ \"王\" <Enter>");
	char *got = names_shown();
	CHECK_STR(got, "王芳,王伟,王伟");
	free(got);
	free_order(order, n);
	stop();
}

int main(void)
{
	RUN(people_view_in_pinyin_order);
	RUN(people_view_pages_keep_the_order);
	return TT_END();
}
