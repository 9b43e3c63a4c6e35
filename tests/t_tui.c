/* t_tui.c — headless tests of the interactive screen's views: the frame,
 * the three lists with CJK columns aligned, people and checklists, stats,
 * help, the pledge tab, tabs and the branch picker, the mouse, the `:`
 * prompt, resizing down to 1x1, and colours with their monochrome
 * fallback.  Item work is in t_tui_item.c, live data in t_tui_live.c. */
#include "t_tui_harness.h"

static const char *const status_words[] = {"未开始", "进行中", "待审核", "已销号", "已取消"};

/* Column of the first status word on a row, -1 if none. */
static int status_col(const char *r)
{
	int best = -1;
	for (size_t i = 0; i < ARRAY_SIZE(status_words); i++) {
		int c = col_of(r, status_words[i]);
		if (c >= 0 && (best < 0 || c < best))
			best = c;
	}
	return best;
}

TEST(start_screen_frame)
{
	start(100, 30);
	CHECK_CONTAINS(row(0), "qingdan");
	CHECK_CONTAINS(row(0), "2026年度");
	CHECK_CONTAINS(row(0), "示范市政务服务管理局");
	CHECK_CONTAINS(row(0), "王芳（管理员）");
	CHECK_CONTAINS(row(0), "2026-06-30");
	CHECK_CONTAINS(row(1), "[1 党组] [2 机关党委] [3 机关第一党支部");
	CHECK_CONTAINS(row(1), "[4 人员] [5 责任书] [6 统计]");
	CHECK_CONTAINS(row(2), "序号 类别     责任内容");
	CHECK_CONTAINS(row(3), ">    1 政治建设 落实“第一议题”制度");
	CHECK_CONTAINS(row(28), "F1帮助 a新增 e编辑 o指派 s状态 n纪实 /搜索 f筛选 p打印 q退出");
	CHECK_CONTAINS(row(28), "共18项 逾期3 完成22%");
	CHECK_CONTAINS(screen(), "-- 详情 #1  党组 第1项");
	CHECK_INT(tui_selected_item(t), item_id("落实“第一议题”"));
	stop();
}

TEST(cjk_columns_aligned)
{
	start(100, 30);
	int head_status = col_of(row(2), "状态"), head_owner = col_of(row(2), "责任人");
	int rows = 0;
	for (int y = 3; y < 20; y++) {
		const char *r = row(y);
		int sc = status_col(r);
		if (sc < 0)
			continue;
		rows++;
		CHECK_INT(sc, head_status);
		/* the due column (a date or a note like 长期坚持) starts 11 columns before */
		CHECK(col_of(r, "2026-") < 0 || col_of(r, "2026-") == head_status - 11);
	}
	CHECK(rows >= 15);
	CHECK_INT(col_of(row(2), "完成时限"), head_status - 11);
	CHECK_INT(head_owner, head_status - 11 - 9);
	stop();
}

TEST(tabs_and_lists)
{
	start(100, 30);
	RUN_SCRIPT("view-committee");
	CHECK_CONTAINS(row(3), "深化模范机关创建");
	CHECK_CONTAINS(row(28), "共20项");
	RUN_SCRIPT("3");
	CHECK_CONTAINS(row(28), "共7项");
	RUN_SCRIPT("<Tab>");
	CHECK_CONTAINS(row(2), "姓名");
	RUN_SCRIPT("<BTab> <BTab> <BTab>");
	CHECK_CONTAINS(row(3), "落实“第一议题”");
	RUN_SCRIPT("<Left>");
	CHECK_CONTAINS(row(2), "年度问题清单 → 整改清单");   /* tab 8, the last */
	RUN_SCRIPT("<Left>");
	CHECK_CONTAINS(row(2), "年度组织生活");
	RUN_SCRIPT("<Left>");
	CHECK_CONTAINS(screen(), "按清单");
	RUN_SCRIPT("<Right> <Right> 5");
	CHECK_CONTAINS(row(1), "[5 责任书]");
	RUN_SCRIPT("1");
	CHECK_CONTAINS(row(28), "共18项");
	stop();
}

TEST(branch_picker)
{
	start(100, 30);
	RUN_SCRIPT("3 3");
	CHECK_CONTAINS(screen(), "选择党支部");
	CHECK_CONTAINS(screen(), "离退休干部党支部");
	RUN_SCRIPT("\"第二\"");
	CHECK(strstr(screen(), "离退休干部党支部") == NULL);
	RUN_SCRIPT("<Enter>");
	CHECK_CONTAINS(row(1), "[3 机关第二党支部");
	CHECK_CONTAINS(row(28), "共7项");
	RUN_SCRIPT(":branch 离退休干部党支部");
	CHECK_CONTAINS(row(1), "[3 离退休干部党支部﹀]");
	CHECK_CONTAINS(row(28), "共5项");
	RUN_SCRIPT(":branch 没有这个");
	CHECK_CONTAINS(tui_message(t), "没有这个");
	stop();
}

TEST(people_and_checklist)
{
	start(100, 30);
	RUN_SCRIPT("view-people");
	CHECK_CONTAINS(row(2), "姓名");
	/* in pinyin order within the org (蔡 cai first), no longer by id */
	CHECK_CONTAINS(row(3), "> 蔡明亮");
	int y = find_row("赵立新");
	CHECK(y > 3);
	/* counts as `person list` has them: 13 items, 4 done, 1 overdue */
	CHECK_CONTAINS(row(y), "13      4      1");
	CHECK_CONTAINS(row(28), "共");
	RUN_SCRIPT("/ \"王芳\" <Enter>");
	CHECK_CONTAINS(row(3), "> 王芳");
	RUN_SCRIPT("open");
	CHECK_CONTAINS(row(2), "王芳 的责任清单");
	CHECK_CONTAINS(row(3), "清单");
	CHECK_CONTAINS(row(3), "牵头领导");
	CHECK_CONTAINS(screen(), "机关党委");
	CHECK_CONTAINS(row(28), "共7项");
	RUN_SCRIPT("back");
	CHECK_CONTAINS(row(3), "> 王芳");
	RUN_SCRIPT("F");
	CHECK_CONTAINS(row(3), "王芳");       /* the selection stays */
	CHECK_CONTAINS(row(28), "共42人");
	RUN_SCRIPT("home");
	CHECK_CONTAINS(row(3), "> 蔡明亮");
	stop();
}

TEST(stats_view)
{
	start(100, 30);
	RUN_SCRIPT("6");
	/* the count and the rate both without the cancelled (issue 14.5) */
	CHECK_CONTAINS(row(2), "2026年度  共61项（不含已取消的2项）  已销号15  逾期7  完成率25%");
	CHECK_CONTAINS(row(2), "责任书已签10/已发13");
	int y = find_row("> 党组");
	CHECK(y > 2);
	CHECK_CONTAINS(row(y), "22%  4/18  逾期3");
	CHECK(find_row("按党支部") > y);
	CHECK_CONTAINS(screen(), "43%  3/7  逾期1");
	/* the bar: 22% of the bar is filled (reverse video), the rest dots */
	int dots = 0;
	for (const char *p = row(y); *p; p++)
		dots += *p == '.';
	CHECK(dots > 0);
	RUN_SCRIPT("sort");
	CHECK_CONTAINS(screen(), "按责任人");
	RUN_SCRIPT("open");
	CHECK_CONTAINS(screen(), "的责任清单");
	RUN_SCRIPT("back sort down open");
	CHECK_CONTAINS(row(28), "共20项");   /* 机关党委 opened from its row */
	stop();
}

TEST(help_lists_every_action)
{
	start(100, 30);
	RUN_SCRIPT("help");
	CHECK_CONTAINS(row(2), "帮助");
	struct strbuf all = {0};
	for (int i = 0; i < 8; i++) {
		sb_puts(&all, screen());
		RUN_SCRIPT("page-down");
	}
	for (int a = 0; a < TA__COUNT; a++)
		CHECK_CONTAINS(all.s, tui_action_name((enum tui_action)a));
	CHECK_CONTAINS(all.s, "PgDn C-f Space");
	sb_free(&all);
	RUN_SCRIPT("q");
	CHECK(!tui_done(t));
	CHECK_CONTAINS(row(3), "落实“第一议题”");
	RUN_SCRIPT("<F1> <Esc>");
	CHECK_CONTAINS(row(3), "落实“第一议题”");
	stop();
}

TEST(item_in_full)
{
	start(80, 24);
	RUN_SCRIPT("down down <Enter>");
	CHECK_CONTAINS(row(2), "事项 #3 · 2026年度 · 党组 · 第 3 项");
	CHECK_CONTAINS(screen(), "工作措施：");
	CHECK_CONTAINS(screen(), "2026-02-20 周海燕：召开一季度");
	RUN_SCRIPT("back");
	CHECK_INT(tui_selected_item(t), 3);
	stop();
}

TEST(quit_from_top)
{
	start(80, 24);
	RUN_SCRIPT("q");
	CHECK(tui_done(t));
	stop();
}

TEST(mouse_click_and_wheel)
{
	start(100, 30);
	RUN_SCRIPT("click:10,6");
	CHECK_CONTAINS(row(6), ">    4 思想建设");
	CHECK_INT(tui_selected_item(t), 4);
	RUN_SCRIPT("wheel-down:10,6");
	CHECK_INT(tui_selected_item(t), 7);
	RUN_SCRIPT("wheel-up:10,6");
	CHECK_INT(tui_selected_item(t), 4);
	int x = col_of(row(1), "[4 人员]");
	char click[32];
	snprintf(click, sizeof click, "click:%d,1", x + 2);
	RUN_SCRIPT(click);
	CHECK_CONTAINS(row(2), "姓名");
	stop();
}

TEST(colon_prompt)
{
	start(100, 30);
	RUN_SCRIPT("prompt");
	CHECK_CONTAINS(row(29), ":");
	RUN_SCRIPT("\"view-peo\" <Tab>");
	CHECK_CONTAINS(row(29), ":view-people");
	RUN_SCRIPT("<Enter>");
	CHECK_CONTAINS(row(2), "姓名");
	RUN_SCRIPT(":nonsense");
	CHECK_CONTAINS(tui_message(t), "没有“nonsense”这个操作");
	RUN_SCRIPT("prompt \"view-s\" <Tab>");
	CHECK_CONTAINS(row(29), ":view-stats");
	RUN_SCRIPT("<Backspace> <Backspace> <Backspace> <Backspace> <Backspace> <Backspace> <Tab>");
	CHECK_CONTAINS(tui_message(t), "view-pledges view-stats");
	RUN_SCRIPT("<Esc>");
	stop();
}

TEST(resize_and_too_small)
{
	start(100, 30);
	RUN_SCRIPT("down down");
	RUN_SCRIPT("resize:60x15");
	CHECK_CONTAINS(row(0), "qingdan");
	CHECK(find_row("详情") < 0);   /* no room for the pane */
	CHECK_CONTAINS(row(13), "F1帮助");
	CHECK_INT(tui_selected_item(t), 3);
	RUN_SCRIPT("resize:59x15");
	CHECK_CONTAINS(screen(), "终端太小");
	CHECK_CONTAINS(screen(), "60x15");
	RUN_SCRIPT("resize:20x5");
	CHECK_CONTAINS(screen(), "终端太小");
	RUN_SCRIPT("down resize:1x1 down up");
	RUN_SCRIPT("resize:2x1 resize:1x3 help back");
	RUN_SCRIPT("resize:120x40");
	CHECK_CONTAINS(row(0), "示范市政务服务管理局");
	CHECK_CONTAINS(screen(), "-- 详情 #4");
	CHECK_INT(tui_selected_item(t), 4);
	stop();
}

TEST(tiny_terminal_never_crashes)
{
	start(20, 5);
	CHECK_CONTAINS(screen(), "终端太小");
	RUN_SCRIPT("down page-down end home 2 3 4 5 6 help back : <Esc> / \"x\" <Esc> a <Esc> e <Esc>");
	RUN_SCRIPT("o <Esc> s <Esc> n <Esc> f <Esc> S y <Esc> <Enter> back click:0,0 wheel-down:1,1");
	RUN_SCRIPT("resize:1x1 a \"x\" <Esc> resize:3x2 d n");
	CHECK(!tui_done(t));
	RUN_SCRIPT("q");
	CHECK(tui_done(t));
	stop();
}

TEST(pledge_tab_opens)
{
	start(100, 30);
	RUN_SCRIPT("5");
	CHECK_CONTAINS(row(1), "[5 责任书]");
	CHECK_CONTAINS(row(28), "F1帮助");
	RUN_SCRIPT("down up 1");
	CHECK_CONTAINS(row(3), "落实“第一议题”");
	stop();
}

TEST(english)
{
	setup_env();
	msg_set_english(1);
	start(100, 30);
	msg_set_english(1);
	RUN_SCRIPT("redraw");
	CHECK_CONTAINS(row(28), "F1help");
	CHECK_CONTAINS(row(28), "18 items, 3 overdue, 22% done");
	msg_set_english(0);
	stop();
}

/* Overdue is red in colour, bold without; the selected row is reversed. */
static attr_t attr_at(int y, int x)
{
	cchar_t c;
	attr_t a = 0;
	short pair = 0;
	wchar_t wc[CCHARW_MAX + 1];
	mvwin_wch(stdscr, y, x, &c);
	getcchar(&c, wc, &a, &pair, NULL);
	return a | (attr_t)COLOR_PAIR(pair);
}

TEST(monochrome_fallback)
{
	setenv("NO_COLOR", "1", 1);
	start(100, 30);
	int y = find_row("意识形态工作责任制");   /* 党组 #6, overdue */
	int x = col_of(row(y), "逾期");
	CHECK(y > 0 && x > 0);
	attr_t a = attr_at(y, x);
	CHECK(a & A_BOLD);
	CHECK((a & A_COLOR) == 0);
	CHECK(attr_at(3, 10) & A_REVERSE);
	unsetenv("NO_COLOR");
	stop();
}

TEST(colours)
{
	unsetenv("NO_COLOR");
	start(100, 30);
	if (!has_colors()) {
		stop();
		return;
	}
	int y = find_row("意识形态工作责任制");
	attr_t a = attr_at(y, col_of(row(y), "逾期"));
	CHECK((a & A_COLOR) != 0);
	stop();
}

int main(void)
{
	RUN(start_screen_frame);
	RUN(cjk_columns_aligned);
	RUN(tabs_and_lists);
	RUN(branch_picker);
	RUN(people_and_checklist);
	RUN(stats_view);
	RUN(help_lists_every_action);
	RUN(item_in_full);
	RUN(quit_from_top);
	RUN(mouse_click_and_wheel);
	RUN(colon_prompt);
	RUN(resize_and_too_small);
	RUN(tiny_terminal_never_crashes);
	RUN(pledge_tab_opens);
	RUN(english);
	RUN(monochrome_fallback);
	RUN(colours);
	return TT_END();
}
