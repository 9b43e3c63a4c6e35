/* t_tui_restore.c — headless tests of undoing the common mistakes on the
 * interactive screen (issue 14.4): the 回收站 view (D or :trash) lists the
 * deleted items with when and by whom, Enter or r restores one (audited,
 * back in the list); multi-select: x marks rows (a * and 已选 N 项), then
 * :assign / :status / the status menu change every marked item, each
 * audited on its own, in one transaction; a refusal writes nothing and
 * names the item; Esc clears the marks. */
#include "t_tui_harness.h"

static struct item get(long long id)
{
	struct item it = {0};
	qd_get_item(&q, id, &it, NULL);
	return it;
}

static long long person_id(const char *name)
{
	long long id = 0;
	struct strbuf e = {0};
	qd_find_person(&q, name, &id, &e);
	sb_free(&e);
	return id;
}

static int deleted(long long id)
{
	struct item it = get(id);
	int d = it.deleted_at != NULL;
	item_clear(&it);
	return d;
}

static int status_of(long long id)
{
	struct item it = get(id);
	int s = (int)it.status;
	item_clear(&it);
	return s;
}

TEST(trash_lists_and_restores)
{
	start(100, 30);
	RUN_SCRIPT("down down d y");
	CHECK(deleted(3));
	CHECK_CONTAINS(row(28), "共17项");
	RUN_SCRIPT("r");
	CHECK_CONTAINS(tui_message(t), "恢复只在回收站中使用");
	long long before = audit_head();
	RUN_SCRIPT("D");
	CHECK_CONTAINS(screen(), "回收站：2026 年已删除的事项 1 项");
	CHECK_CONTAINS(screen(), "删除时间");
	CHECK_CONTAINS(screen(), "删除人");
	int y = find_row("每季度召开党建工作领导小组");
	CHECK(y > 0);
	CHECK_CONTAINS(row(y), "王芳");            /* who deleted it */
	CHECK_CONTAINS(row(y), "2026-");           /* when */
	CHECK_INT(tui_selected_item(t), 3);
	RUN_SCRIPT("<Enter>");
	CHECK_CONTAINS(tui_message(t), "已恢复事项 #3");
	CHECK(!deleted(3));
	CHECK_INT(audit_head(), before + 1);
	CHECK_CONTAINS(screen(), "回收站是空的：2026 年没有删除的事项");
	RUN_SCRIPT("<Esc>");
	CHECK_CONTAINS(row(28), "共18项");
	CHECK_CONTAINS(screen(), "每季度召开党建工作领导小组");
	/* :trash, and r in it */
	RUN_SCRIPT("d y");
	CHECK(deleted(tui_selected_item(t)) == 0);
	RUN_SCRIPT(":trash");
	CHECK_CONTAINS(screen(), "回收站：2026 年已删除的事项 1 项");
	long long id = tui_selected_item(t);
	CHECK(deleted(id));
	RUN_SCRIPT("r");
	CHECK(!deleted(id));
	struct strbuf rep = {0}, e = {0};
	CHECK_INT(qd_audit_verify(&q, &rep, &e), QD_OK);
	sb_free(&rep);
	sb_free(&e);
	RUN_SCRIPT("back");
	CHECK_CONTAINS(row(28), "共18项");
	stop();
}

TEST(trash_restore_refused_read_only)
{
	start(100, 30);
	RUN_SCRIPT("d y D");
	stop();
	/* the same file opened read-only: the 回收站 shows, restore is refused */
	setup_env();
	memset(&q, 0, sizeof q);
	q.year = 2026;
	CHECK_INT(qd_open(&q, dbpath, DB_READONLY, &err), QD_OK);
	FILE *out = fopen("/dev/null", "w"), *in = fopen("/dev/null", "r");
	set_term(newterm("xterm-256color", out, in));
	resizeterm(30, 100);
	t = tui_new(&q, 1);
	tui_draw(t);
	long long before = audit_head();
	RUN_SCRIPT("D");
	CHECK_CONTAINS(screen(), "已删除的事项 1 项");
	RUN_SCRIPT("<Enter>");
	CHECK_CONTAINS(tui_message(t), "只读");
	CHECK_INT(audit_head(), before);
	CHECK(deleted(1));
	stop();
}

TEST(mark_three_and_assign)
{
	start(100, 30);
	/* 1, 3 and 4 are open (2 is done) */
	long long before = audit_head();
	RUN_SCRIPT("x j x x");
	CHECK_CONTAINS(tui_message(t), "已选 3 项");
	CHECK_INT(tui_selected_item(t), 5);
	CHECK(strncmp(row(3), " *", 2) == 0);
	CHECK(strncmp(row(4), "  ", 2) == 0);
	CHECK(strncmp(row(6), " *", 2) == 0);
	CHECK(strncmp(row(7), ">", 1) == 0 && row(7)[1] != '*');
	RUN_SCRIPT(":assign 王芳");
	for (long long id = 1; id <= 4; id++) {
		struct item it = get(id);
		if (id == 2)
			CHECK(it.owner_id != person_id("王芳"));
		else
			CHECK_INT(it.owner_id, person_id("王芳"));
		item_clear(&it);
	}
	CHECK_INT(audit_head(), before + 3);
	CHECK_CONTAINS(tui_message(t), "已修改 3 项");
	CHECK(strncmp(row(3), " *", 2) != 0);   /* marks cleared */
	/* the assign form for two marked rows: the lead of both */
	before = audit_head();
	RUN_SCRIPT("g x j x o");
	CHECK_CONTAINS(screen(), "指派已选的 2 项");
	RUN_SCRIPT("<Tab> \"周\"");
	RUN_SCRIPT("<Enter> <C-s>");
	for (long long id = 1; id <= 3; id += 2) {
		struct item it = get(id);
		CHECK_INT(it.lead_id, person_id("周海燕"));
		CHECK_INT(it.owner_id, person_id("王芳"));   /* untouched */
		item_clear(&it);
	}
	CHECK_INT(audit_head(), before + 2);
	stop();
}

TEST(mark_status_all_or_nothing)
{
	start(100, 30);
	/* 1 in_progress, 2 done, 3 in_progress, 4 in_progress */
	long long before = audit_head();
	RUN_SCRIPT("x x x");
	RUN_SCRIPT(":status submitted");
	CHECK_CONTAINS(tui_message(t), "事项 #2 未能修改，3 个事项都未改动");
	CHECK_INT(audit_head(), before);
	CHECK_INT(status_of(1), ST_IN_PROGRESS);
	CHECK(strncmp(row(3), " *", 2) == 0);   /* the marks stay for another try */
	RUN_SCRIPT("<Esc>");
	CHECK_CONTAINS(tui_message(t), "已取消选择");
	CHECK(strncmp(row(3), " *", 2) != 0);
	RUN_SCRIPT("g x j x x");
	CHECK_CONTAINS(tui_message(t), "已选 3 项");
	RUN_SCRIPT(":status submitted");
	CHECK_INT(status_of(1), ST_SUBMITTED);
	CHECK_INT(status_of(2), ST_DONE);
	CHECK_INT(status_of(3), ST_SUBMITTED);
	CHECK_INT(status_of(4), ST_SUBMITTED);
	CHECK_INT(audit_head(), before + 3);
	/* the menu, then the reason 退回 needs, once for all three */
	before = audit_head();
	RUN_SCRIPT("g x j x x s");
	CHECK_CONTAINS(screen(), "已选 3 项改为");
	RUN_SCRIPT("<Enter>");
	CHECK_CONTAINS(screen(), "原因");
	RUN_SCRIPT("\"材料不全\" <Enter>");
	CHECK_INT(status_of(1), ST_IN_PROGRESS);
	CHECK_INT(status_of(3), ST_IN_PROGRESS);
	CHECK_INT(status_of(4), ST_IN_PROGRESS);
	CHECK_INT(audit_head(), before + 3);
	CHECK_CONTAINS(tui_message(t), "已修改 3 项");
	stop();
}

TEST(mark_and_due)
{
	start(100, 30);
	long long before = audit_head();
	RUN_SCRIPT("x j x x");
	RUN_SCRIPT(":due 13月");
	CHECK_CONTAINS(tui_message(t), "完成时限“13月”");
	CHECK_INT(audit_head(), before);
	RUN_SCRIPT("<Esc>");   /* the prompt the refusal left open */
	RUN_SCRIPT(":due 第三季度");
	for (long long id = 1; id <= 4; id++) {
		struct item it = get(id);
		if (id == 2) {
			CHECK(it.due == NULL || strcmp(it.due, "2026-09-30") != 0);
		} else {
			CHECK_STR(it.due, "2026-09-30");
			CHECK_STR(it.due_text, "第三季度");
		}
		item_clear(&it);
	}
	CHECK_INT(audit_head(), before + 3);
	CHECK_CONTAINS(tui_message(t), "已修改 3 项");
	/* u on the one selected row: the prompt holds its date */
	RUN_SCRIPT("g u");
	CHECK_CONTAINS(row(29), "事项 #1 的完成时限：2026-09-30");
	RUN_SCRIPT("<C-u> \"2026-10-31\" <Enter>");
	struct item it = get(1);
	CHECK_STR(it.due, "2026-10-31");
	item_clear(&it);
	CHECK_INT(audit_head(), before + 4);
	CHECK_CONTAINS(tui_message(t), "已保存事项 #1");
	stop();
}

TEST(help_lists_the_new_keys)
{
	start(100, 30);
	RUN_SCRIPT("help");
	struct strbuf all = {0};
	for (int i = 0; i < 8; i++) {
		sb_puts(&all, screen());
		RUN_SCRIPT("page-down");
	}
	CHECK_CONTAINS(all.s, "trash");
	CHECK_CONTAINS(all.s, "回收站");
	CHECK_CONTAINS(all.s, "mark");
	CHECK_CONTAINS(all.s, "restore");
	CHECK_CONTAINS(all.s, "due");
	sb_free(&all);
	stop();
}

int main(void)
{
	RUN(trash_lists_and_restores);
	RUN(trash_restore_refused_read_only);
	RUN(mark_three_and_assign);
	RUN(mark_status_all_or_nothing);
	RUN(mark_and_due);
	RUN(help_lists_the_new_keys);
	return TT_END();
}
