/* t_tui_screen.c — headless tests of a smoother screen (issue 14.5,
 * second half): columns shared out by the width of the screen, people of
 * the same name told apart, the status menu of allowed moves only, the
 * latest 退回/取消 reason in the detail pane, the stats tab without the
 * cancelled, refusals worded for the screen, names completed in the ':'
 * prompt. */
#include "t_tui_harness.h"
#include "qingdan/tui_complete.h"
#include "qingdan/tui_view.h"

static __attribute__((unused)) struct item get(long long id)
{
	struct item it = {0};
	qd_get_item(&q, id, &it, NULL);
	return it;
}

TEST(status_menu_only_allowed_moves)
{
	start(100, 30);
	RUN_SCRIPT("s");                          /* 党组 #1, in progress */
	CHECK_CONTAINS(screen(), "事项 #1（进行中）改为");
	CHECK_CONTAINS(screen(), "待审核");
	CHECK_CONTAINS(screen(), "已取消");
	CHECK(strstr(screen(), "| 已销号") == NULL);   /* not from 进行中 */
	CHECK(strstr(screen(), "| 进行中") == NULL);
	RUN_SCRIPT("<Esc> down");                 /* #2, done: no move at all */
	long long before = audit_head();
	RUN_SCRIPT("s");
	CHECK(strstr(screen(), "（已销号）改为 -") == NULL);   /* no empty menu */
	CHECK_CONTAINS(tui_message(t), "事项 #2（已销号）没有你可以做的状态变更");
	CHECK_CONTAINS(tui_message(t), "不能从“已销号”");
	CHECK_INT(audit_head(), before);
	stop();
}

TEST(pledge_proxy_refusal_names_the_field)
{
	start(100, 30);
	RUN_SCRIPT("5 down down down down down down down\n:status sign");
	CHECK_CONTAINS(screen(), "实际签字人");
	long long before = audit_head();
	RUN_SCRIPT("<Tab> <Tab> <C-u> \"林涛\" <Enter> <C-s>");
	CHECK_CONTAINS(tui_message(t), "请把“代签”选为“是”");
	CHECK(strstr(tui_message(t), "--proxy") == NULL);
	CHECK_INT(audit_head(), before);
	stop();
}

TEST(reason_refusal_names_the_prompt)
{
	start(100, 30);
	RUN_SCRIPT(":status 已取消");
	CHECK_CONTAINS(row(29), "原因");
	long long before = audit_head();
	RUN_SCRIPT("<Enter>");
	CHECK_CONTAINS(tui_message(t), "改为“已取消”需要填写原因：请在下面输入原因后按 Enter");
	CHECK(strstr(tui_message(t), "--reason") == NULL);
	CHECK_CONTAINS(row(29), "原因");             /* the prompt stays */
	CHECK_INT(audit_head(), before);
	stop();
}

TEST(stats_fraction_without_cancelled)
{
	start(100, 30);
	RUN_SCRIPT("6");
	int y = find_row("  机关党委 ");
	CHECK(y > 2);
	CHECK_CONTAINS(row(y), "26%  5/19");       /* not 5/20: one of its 20 is cancelled */
	CHECK_CONTAINS(row(2), "（不含已取消的2项）");
	stop();
}

TEST(reason_in_detail_pane)
{
	start(100, 30);
	CHECK(strstr(screen(), "原因：") == NULL);
	RUN_SCRIPT("s <Enter>");                  /* #1 to 待审核 */
	RUN_SCRIPT(":status 进行中");             /* 退回: a reason */
	RUN_SCRIPT("\"材料不全\" <Enter>");
	CHECK_CONTAINS(screen(), "退回原因：材料不全（");
	CHECK_CONTAINS(screen(), " 王芳）");
	RUN_SCRIPT(":status 已取消");
	RUN_SCRIPT("\"不再需要\" <Enter>");
	CHECK_CONTAINS(screen(), "取消原因：不再需要（");
	CHECK(strstr(screen(), "材料不全") == NULL);   /* the latest only */
	RUN_SCRIPT("down");                       /* another item: none */
	CHECK(strstr(screen(), "原因：") == NULL);
	stop();
}

/* Columns share out the screen: 标记 kept at 80 (责任内容 cut first), the
 * surplus of a wide screen to 责任内容 and to names up to their widest. */
TEST(columns_share_the_width)
{
	int owner_at[3], sizes[] = {80, 120, 200};
	for (int i = 0; i < 3; i++) {
		start(sizes[i], 30);
		CHECK_CONTAINS(row(2), "标记");
		CHECK(col_of(row(2), "标记") + 4 <= sizes[i]);
		int y = find_row("落实意识形态工作责任制");
		CHECK(y > 2);
		CHECK_INT(col_of(row(y), "逾期"), col_of(row(2), "标记"));
		owner_at[i] = col_of(row(2), "责任人");
		if (sizes[i] == 80)
			CHECK_CONTAINS(row(y), "…");       /* the content cut */
		if (sizes[i] == 200)
			CHECK_CONTAINS(row(y), "落实意识形态工作责任制，每半年专题研究意识形态工作");
		/* a checklist: the list column grows to its longest name at 200 */
		RUN_SCRIPT("4 down down open");
		int title = find_row("黄志刚 的责任清单");
		CHECK(title > 0);
		if (sizes[i] == 200)
			CHECK_CONTAINS(screen(), "> 机关第一党支部（办公室）   ");
		else
			CHECK(strstr(screen(), "> 机关第一党支部（办公室）") == NULL);
		CHECK_CONTAINS(row(title + 1), "标记");
		stop();
	}
	CHECK(owner_at[0] < owner_at[1] && owner_at[1] < owner_at[2]);   /* 责任内容 wider */
}

/* Two 王伟 (#4 党组成员、副局长, #28 组织委员、数据管理处副处长): shown as
 * export writes them in the list, the detail and after the picker. */
TEST(homonyms_told_apart)
{
	start(200, 30);
	RUN_SCRIPT(":assign 王伟（数据）");
	struct item it = get(1);
	CHECK_INT(it.owner_id, 28);
	CHECK_STR(it.owner_name, "王伟（组织委员、数据管理处副处长）");
	item_clear(&it);
	int y = find_row("落实“第一议题”");
	CHECK_CONTAINS(row(y), " 王伟（组织委员、数据管理处副处长） ");   /* the owner column, whole */
	CHECK_CONTAINS(screen(), "责任人：王伟（组织委员、数据管理处副处长）");   /* the detail */
	/* the picker: the form field takes the told-apart name */
	RUN_SCRIPT("o <Enter> \"王伟\"");
	CHECK_CONTAINS(screen(), "王伟  党组成员、副局长");
	CHECK_CONTAINS(screen(), "王伟  组织委员、数据管理处副处长");
	RUN_SCRIPT("\"（副局长）\" <Enter>");
	CHECK_CONTAINS(screen(), "王伟（党组成员、副局长）");
	RUN_SCRIPT("<C-s>");
	it = get(1);
	CHECK_INT(it.owner_id, 4);
	item_clear(&it);
	CHECK_CONTAINS(screen(), "责任人：王伟（党组成员、副局长）");
	/* a unique name stays bare */
	CHECK_CONTAINS(screen(), "牵头领导：赵立新  ");
	stop();
}

/* `:assign 阿卜`: a unique start of a name is enough (as are pinyin and
 * initials); several: listed as today. */
TEST(assign_by_prefix)
{
	start(100, 30);
	struct person_fields pf = PERSON_FIELDS_INIT;
	long long pid;
	pf.name = "阿卜杜·热合曼";
	pf.active = 1;
	CHECK_INT(qd_person_add(&q, &pf, &pid, &err), QD_OK);
	RUN_SCRIPT(":assign 阿卜");
	struct item it = get(1);
	CHECK_INT(it.owner_id, pid);
	item_clear(&it);
	RUN_SCRIPT(":assign zgq");                /* initials, as before */
	it = get(1);
	CHECK_STR(it.owner_name, "郑国强");
	item_clear(&it);
	long long before = audit_head();
	RUN_SCRIPT(":assign 王");                 /* 王芳 and two 王伟 */
	CHECK_CONTAINS(tui_message(t), "以“王”开头的人员不止一位");
	CHECK_CONTAINS(tui_message(t), "#8 王芳");
	CHECK_CONTAINS(tui_message(t), "#28 王伟");
	CHECK_INT(audit_head(), before);
	RUN_SCRIPT(":assign 谁也不是");
	CHECK_CONTAINS(tui_message(t), "找不到人员“谁也不是”");
	stop();
}

/* Tab in the ':' prompt completes a person argument (tui_complete_person). */
TEST(complete_person_names)
{
	start(100, 30);
	struct person_fields pf = PERSON_FIELDS_INIT;
	long long pid;
	pf.name = "阿卜杜·热合曼";
	pf.active = 1;
	CHECK_INT(qd_person_add(&q, &pf, &pid, &err), QD_OK);
	char *line, *shown;
	CHECK_INT(tui_complete_person(t, "assign 阿卜", &line, &shown), 1);
	CHECK_STR(line, "assign 阿卜杜·热合曼");
	CHECK(shown == NULL);
	free(line);
	CHECK_INT(tui_complete_person(t, "assign zgq", &line, &shown), 1);
	CHECK_STR(line, "assign 郑国强");
	free(line);
	/* several: the common start, the candidates told apart */
	CHECK_INT(tui_complete_person(t, "filter overdue owner=王", &line, &shown), 1);
	CHECK_STR(line, "filter overdue owner=王");
	CHECK_CONTAINS(shown, "可选：王芳 王伟（党组成员、副局长） 王伟（组织委员、数据管理处副处长）");
	free(line);
	free(shown);
	CHECK_INT(tui_complete_person(t, "assign 王伟", &line, &shown), 1);
	CHECK_STR(line, "assign 王伟");
	CHECK_CONTAINS(shown, "王伟（党组成员、副局长）");
	free(line);
	free(shown);
	CHECK_INT(tui_complete_person(t, "assign 谁", &line, &shown), 1);
	CHECK_STR(line, "assign 谁");
	CHECK_CONTAINS(shown, "没有以“谁”开头的人员");
	free(line);
	free(shown);
	/* not a person argument: action names are the prompt's own */
	CHECK_INT(tui_complete_person(t, "ass", &line, &shown), 0);
	CHECK_INT(tui_complete_person(t, "sort du", &line, &shown), 0);
	stop();
}

/* A model refusal on the status line without the CLI's option hints. */
TEST(refusals_without_option_hints)
{
	start(100, 30);
	struct strbuf e = {0};
	sb_puts(&e, "退回需要填写原因（--reason）");
	tui_error(t, &e);
	CHECK_STR(tui_message(t), "退回需要填写原因");
	sb_reset(&e);
	sb_puts(&e, "the measure's text must not be empty (--text); 已有（第一）");
	tui_error(t, &e);
	CHECK_STR(tui_message(t), "the measure's text must not be empty; 已有（第一）");
	sb_free(&e);
	stop();
}

/* Tab in the ':' prompt completes the person of :assign (the hook in
 * tui_form.c's complete): one match fills it in, several are listed. */
TEST(tab_completes_in_the_prompt)
{
	start(100, 30);
	struct person_fields pf = PERSON_FIELDS_INIT;
	long long pid;
	pf.name = "阿卜杜·热合曼";
	pf.active = 1;
	CHECK_INT(qd_person_add(&q, &pf, &pid, &err), QD_OK);
	RUN_SCRIPT("prompt \"assign 阿卜\" <Tab>");
	CHECK_CONTAINS(row(29), ":assign 阿卜杜·热合曼");
	RUN_SCRIPT("<Enter>");
	struct item it = {0};
	qd_get_item(&q, 1, &it, NULL);
	CHECK_INT(it.owner_id, pid);
	item_clear(&it);
	RUN_SCRIPT("prompt \"assign 王\" <Tab>");
	CHECK_CONTAINS(screen(), "可选：王芳 王伟（");
	RUN_SCRIPT("<Esc> prompt \"ass\" <Tab>");
	CHECK_CONTAINS(row(29), ":assign");   /* command words still complete */
	stop();
}

int main(void)
{
	RUN(status_menu_only_allowed_moves);
	RUN(pledge_proxy_refusal_names_the_field);
	RUN(reason_refusal_names_the_prompt);
	RUN(stats_fraction_without_cancelled);
	RUN(reason_in_detail_pane);
	RUN(columns_share_the_width);
	RUN(homonyms_told_apart);
	RUN(assign_by_prefix);
	RUN(complete_person_names);
	RUN(refusals_without_option_hints);
	RUN(tab_completes_in_the_prompt);
	return TT_END();
}
