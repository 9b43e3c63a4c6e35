/* t_tui_item.c — headless tests of item work on the interactive screen:
 * add and edit through the form and its line editor, delete with
 * confirmation, assign through the person picker, status moves with the
 * reason prompt, notes, search, filters, sort, year, print, and every
 * refusal of the model (not permitted, invalid transition, bad input)
 * shown in the status line with nothing written. */
#include "t_tui_harness.h"

static long long person_id(const char *name)
{
	long long id = 0;
	struct strbuf e = {0};
	qd_find_person(&q, name, &id, &e);
	sb_free(&e);
	return id;
}

static struct item get(long long id)
{
	struct item it = {0};
	qd_get_item(&q, id, &it, NULL);
	return it;
}

/* Open as another OS login (the model's actor). */
static void start_as(const char *login)
{
	setup_env();
	make_db();
	memset(&q, 0, sizeof q);
	q.year = 2026;
	tt_open_as(&q, dbpath, login);
	FILE *out = fopen("/dev/null", "w"), *in = fopen("/dev/null", "r");
	set_term(newterm("xterm-256color", out, in));
	resizeterm(30, 100);
	t = tui_new(&q, 1);
	tui_draw(t);
}

TEST(add_through_form)
{
	start(100, 30);
	RUN_SCRIPT("2 a");
	CHECK_CONTAINS(screen(), "新增事项（机关党委，2026年度）");
	RUN_SCRIPT("\"组织建设\" <Tab> \"测试新增：党员教育\" <Tab> <Tab> <Tab> \"2026-09-30\"");
	RUN_SCRIPT("<Tab> <Tab> <Enter> \"林\"");
	CHECK_CONTAINS(screen(), "林涛");
	RUN_SCRIPT("<Enter> <Tab> \"赵立\" <Enter>");
	CHECK_CONTAINS(screen(), "赵立新");
	RUN_SCRIPT("<C-s>");
	CHECK(strstr(screen(), "新增事项（") == NULL);
	CHECK_CONTAINS(tui_message(t), "已新增事项 #");
	long long id = tui_selected_item(t);
	struct item it = get(id);
	CHECK_STR(it.content, "测试新增：党员教育");
	CHECK_STR(it.category, "组织建设");
	CHECK_STR(it.due, "2026-09-30");
	CHECK_STR(it.org_name, "机关党委");
	CHECK_INT(it.owner_id, person_id("林涛"));
	CHECK_INT(it.lead_id, person_id("赵立新"));
	item_clear(&it);
	CHECK_CONTAINS(row(28), "共21项");
	CHECK_CONTAINS(screen(), "> ");
	stop();
}

TEST(add_refusals_keep_input)
{
	start(100, 30);
	long long before = audit_head();
	RUN_SCRIPT("a <C-s>");
	CHECK_CONTAINS(tui_message(t), "责任内容 不能为空");
	CHECK_CONTAINS(screen(), "新增事项（");           /* the form stays */
	CHECK_INT(audit_head(), before);
	RUN_SCRIPT("<Tab> \"保留我的输入\" <Tab> <Tab> <Tab> \"2026-02-30\" <Tab>");
	CHECK_CONTAINS(tui_message(t), "完成时限“2026-02-30”不是存在的日期");
	CHECK_CONTAINS(screen(), "保留我的输入");
	RUN_SCRIPT("<C-u> \"2026年2月28日\" <C-s>");
	CHECK_CONTAINS(tui_message(t), "已新增事项");
	struct item it = get(tui_selected_item(t));
	CHECK_STR(it.content, "保留我的输入");
	CHECK_STR(it.due, "2026-02-28");
	item_clear(&it);
	stop();
}

/* Due words in the due field: the period's last day, the words as the due
 * text; an impossible date or words that are no period are refused. */
TEST(due_words_in_form)
{
	start(100, 30);
	long long before = audit_head();
	RUN_SCRIPT("a <Tab> \"时限用文字\" <Tab> <Tab> <Tab> \"2026/2/30\" <Tab>");
	CHECK_CONTAINS(tui_message(t), "完成时限“2026/2/30”不是存在的日期");
	RUN_SCRIPT("<C-u> \"长期坚持\" <Tab>");
	CHECK_CONTAINS(tui_message(t), "既不是日期也不是时限");
	CHECK_INT(audit_head(), before);
	RUN_SCRIPT("<C-u> \"6月底前\" <Tab> <C-s>");
	CHECK_CONTAINS(tui_message(t), "已新增事项");
	long long id = tui_selected_item(t);
	struct item it = get(id);
	CHECK_STR(it.due, "2026-06-30");
	CHECK_STR(it.due_text, "6月底前");
	item_clear(&it);
	/* edit: new words, the due text follows; a given due text wins */
	RUN_SCRIPT("e <Tab> <Tab> <Tab> <Tab> <End> <C-u> \"第三季度\" <C-s>");
	it = get(id);
	CHECK_STR(it.due, "2026-09-30");
	CHECK_STR(it.due_text, "第三季度");
	item_clear(&it);
	RUN_SCRIPT("e <Tab> <Tab> <Tab> <Tab> <End> <C-u> \"上半年\" <Tab> <End> <C-u> \"以通知为准\" <C-s>");
	it = get(id);
	CHECK_STR(it.due, "2026-06-30");
	CHECK_STR(it.due_text, "以通知为准");
	item_clear(&it);
	stop();
}

TEST(line_editor_moves_by_character)
{
	start(100, 30);
	struct item_fields f = ITEM_FIELDS_INIT;
	long long id = 0;
	f.content = "AB中文CD";
	CHECK_INT(qd_item_add(&q, 1, &f, &id, &err), QD_OK);
	RUN_SCRIPT("reload end e <Tab> <Home>");
	CHECK_INT(tui_selected_item(t), id);
	CHECK_CONTAINS(screen(), "AB中文CD");
	int y = getcury(stdscr), x0 = getcurx(stdscr);
	CHECK_CONTAINS(row(y), "责任内容  AB中文CD");
	RUN_SCRIPT("<Right> <Right> <Right>");
	CHECK_INT(getcurx(stdscr), x0 + 4);          /* A B 中: 1 + 1 + 2 columns */
	RUN_SCRIPT("<Left>");
	CHECK_INT(getcurx(stdscr), x0 + 2);
	RUN_SCRIPT("<End>");
	CHECK_INT(getcurx(stdscr), x0 + 8);
	RUN_SCRIPT("<Home> <Right> <Right> <Right> \"X\"");
	CHECK_INT(getcurx(stdscr), x0 + 5);
	RUN_SCRIPT("<Right> <Backspace> <Del>");
	CHECK_CONTAINS(row(y), "AB中XD");
	RUN_SCRIPT("\"字\"");
	CHECK_INT(getcurx(stdscr), x0 + 7);
	RUN_SCRIPT("<C-s>");
	struct item it = get(id);
	CHECK_STR(it.content, "AB中X字D");
	item_clear(&it);
	CHECK_CONTAINS(tui_message(t), "已保存事项");
	stop();
}

TEST(line_editor_scrolls_long_text)
{
	start(60, 15);
	RUN_SCRIPT("e <Tab> <End>");
	int x = getcurx(stdscr);
	CHECK(x > 0 && x < 60);
	RUN_SCRIPT("<Home>");
	CHECK(getcurx(stdscr) < x);
	RUN_SCRIPT("<Esc>");
	stop();
}

TEST(delete_asks_first)
{
	start(100, 30);
	long long id = tui_selected_item(t);
	RUN_SCRIPT("d");
	CHECK_CONTAINS(row(29), "删除事项 #1");
	CHECK_CONTAINS(row(29), "(y/N)");
	RUN_SCRIPT("n");
	struct item it = get(id);
	CHECK(it.deleted_at == NULL);
	item_clear(&it);
	RUN_SCRIPT("d y");
	it = get(id);
	CHECK(it.deleted_at != NULL);
	item_clear(&it);
	CHECK_CONTAINS(tui_message(t), "已删除事项 #1");
	CHECK_CONTAINS(row(28), "共17项");
	CHECK_INT(tui_selected_item(t), 2);
	stop();
}

TEST(assign_through_picker)
{
	start(100, 30);
	long long before = audit_head();
	RUN_SCRIPT("o");
	CHECK_CONTAINS(screen(), "指派事项 #1（党组 第1项）");
	RUN_SCRIPT("<Enter> \"林\"");
	CHECK_CONTAINS(screen(), "林涛  支部书记");
	RUN_SCRIPT("<Enter>");
	CHECK_CONTAINS(screen(), "责任人  林涛");
	RUN_SCRIPT("<Tab> \"周\"");
	CHECK_CONTAINS(screen(), "周海燕");
	RUN_SCRIPT("<Enter> <C-s>");
	struct item it = get(1);
	CHECK_INT(it.owner_id, person_id("林涛"));
	CHECK_INT(it.lead_id, person_id("周海燕"));
	item_clear(&it);
	CHECK_INT(audit_head(), before + 1);
	CHECK_CONTAINS(row(3), "林涛");
	RUN_SCRIPT(":assign 王芳");
	it = get(1);
	CHECK_INT(it.owner_id, person_id("王芳"));
	item_clear(&it);
	RUN_SCRIPT(":assign 谁也不是");
	CHECK_CONTAINS(tui_message(t), "找不到人员“谁也不是”");
	/* a picker search by id, and clearing a person with Backspace */
	RUN_SCRIPT("o <Tab> <Backspace> <C-s>");
	it = get(1);
	CHECK_INT(it.lead_id, 0);
	item_clear(&it);
	stop();
}

TEST(status_moves_and_reason)
{
	start(100, 30);
	RUN_SCRIPT("s");
	CHECK_CONTAINS(screen(), "事项 #1（进行中）改为");
	CHECK_CONTAINS(screen(), "待审核");
	RUN_SCRIPT("<Enter>");
	struct item it = get(1);
	CHECK_INT(it.status, ST_SUBMITTED);
	item_clear(&it);
	CHECK_CONTAINS(tui_message(t), "事项 #1 已改为“待审核”");
	/* back to in progress is a rejection: the model wants a reason */
	long long before = audit_head();
	RUN_SCRIPT("s \"进行\" <Enter>");
	CHECK_CONTAINS(row(29), "改为“进行中”的原因：");
	RUN_SCRIPT("<Enter>");
	CHECK_CONTAINS(tui_message(t), "需要填写原因");
	CHECK_INT(audit_head(), before);
	RUN_SCRIPT("\"材料不全\" <Enter>");
	it = get(1);
	CHECK_INT(it.status, ST_IN_PROGRESS);
	item_clear(&it);
	CHECK_INT(audit_head(), before + 1);
	RUN_SCRIPT(":status done");
	CHECK_CONTAINS(tui_message(t), "不能从“进行中”改为“已销号”");
	RUN_SCRIPT(":status 已取消");
	CHECK_CONTAINS(row(29), "原因");
	RUN_SCRIPT("\"不再需要\" <Enter>");
	it = get(1);
	CHECK_INT(it.status, ST_CANCELLED);
	item_clear(&it);
	RUN_SCRIPT(":status bogus");
	CHECK_CONTAINS(tui_message(t), "状态“bogus”无效");
	stop();
}

TEST(invalid_transition_writes_nothing)
{
	start(100, 30);
	long long before = audit_head();
	RUN_SCRIPT("down");                       /* 党组 #2, done */
	RUN_SCRIPT(":status in_progress");
	CHECK_CONTAINS(tui_message(t), "事项 #2 不能从“已销号”改为“进行中”");
	RUN_SCRIPT("s");                          /* no move open: no menu, the reason */
	CHECK_CONTAINS(tui_message(t), "不能从“已销号”");
	RUN_SCRIPT("e <C-s>");
	CHECK_CONTAINS(tui_message(t), "没有要修改的内容");
	RUN_SCRIPT("e <Tab> \"改\" <C-s>");
	CHECK_CONTAINS(tui_message(t), "当前为“已销号”，不能再修改");
	CHECK(!strstr(tui_message(t), "已已"));   /* not 已 + 已销号 */
	RUN_SCRIPT("<Esc>");
	CHECK_INT(audit_head(), before);
	stop();
}

TEST(not_permitted_writes_nothing)
{
	start_as("liuyang");                       /* 刘洋: owns 党组 #10, not admin */
	CHECK_CONTAINS(row(0), "刘洋");
	CHECK(strstr(row(0), "管理员") == NULL);
	long long before = audit_head();
	RUN_SCRIPT(":status submitted");
	CHECK_CONTAINS(tui_message(t), "只有该事项的责任人、牵头领导或管理员可以提交审核（当前用户 刘洋）");
	RUN_SCRIPT("a");
	CHECK_CONTAINS(tui_message(t), "只有管理员可以新增或修改事项（当前用户 刘洋）");
	CHECK(strstr(screen(), "新增事项（") == NULL);
	RUN_SCRIPT("e");
	CHECK_CONTAINS(tui_message(t), "只有管理员可以新增或修改事项");
	RUN_SCRIPT("o");
	CHECK_CONTAINS(tui_message(t), "只有管理员可以");
	RUN_SCRIPT("d");
	CHECK_CONTAINS(tui_message(t), "只有管理员可以删除事项");
	RUN_SCRIPT("n \"不是我的\" <Enter>");
	CHECK_CONTAINS(tui_message(t), "只有该事项的责任人、牵头领导或管理员可以填写履责纪实");
	CHECK_INT(audit_head(), before);
	/* his own item moves */
	RUN_SCRIPT(":filter owner=刘洋");
	CHECK_CONTAINS(row(3), "配齐配强机关党务工作力量");
	RUN_SCRIPT("s <Enter>");
	struct item it = get(10);
	CHECK_INT(it.status, ST_SUBMITTED);
	item_clear(&it);
	/* verifying is for the lead or an admin */
	RUN_SCRIPT(":status done");
	CHECK_CONTAINS(tui_message(t), "只有牵头领导或管理员可以审核销号");
	stop();
}

TEST(notes)
{
	start(100, 30);
	struct note *notes;
	int n0 = 0, n1 = 0;
	qd_item_notes(&q, 1, &notes, &n0);
	notes_free(notes, n0);
	RUN_SCRIPT("n");
	CHECK_CONTAINS(row(29), "履责纪实 #1（2026-06-30）：");
	RUN_SCRIPT("\"召开专题会议，纪要存档\" <Enter>");
	CHECK_CONTAINS(tui_message(t), "已为事项 #1 记录履责纪实");
	qd_item_notes(&q, 1, &notes, &n1);
	CHECK_INT(n1, n0 + 1);
	CHECK_STR(notes[n1 - 1].text, "召开专题会议，纪要存档");
	CHECK_STR(notes[n1 - 1].on_date, "2026-06-30");
	notes_free(notes, n1);
	CHECK_CONTAINS(screen(), "2026-06-30 王芳：召开专题会议");
	RUN_SCRIPT("n <Enter>");
	CHECK_CONTAINS(tui_message(t), "纪实内容 不能为空");
	RUN_SCRIPT("<Esc>\n:note 第二条");
	qd_item_notes(&q, 1, &notes, &n1);
	CHECK_INT(n1, n0 + 2);
	notes_free(notes, n1);
	stop();
}

TEST(incremental_search)
{
	start(100, 30);
	RUN_SCRIPT("2 / \"三\"");
	CHECK_CONTAINS(screen(), "三会一课");
	int many = find_row("共") >= 0;
	CHECK(many);
	RUN_SCRIPT("\"会一\"");                 /* 3 characters: FTS5 trigram */
	CHECK_CONTAINS(row(28), "共1项");
	CHECK_CONTAINS(row(3), "指导各党支部严格落实“三会一课”制度");
	RUN_SCRIPT("<Enter>");
	CHECK_CONTAINS(tui_message(t), "找到 1 项含“三会一”");
	RUN_SCRIPT("redraw");
	CHECK_CONTAINS(row(29), "搜索“三会一”");
	RUN_SCRIPT("/ <C-u> \"没有这种内容\"");
	CHECK_CONTAINS(screen(), "没有找到");
	RUN_SCRIPT("<Esc>");
	CHECK_CONTAINS(row(28), "共1项");           /* back to the search before */
	RUN_SCRIPT(":search 党费");
	CHECK_CONTAINS(row(3), "党费");
	RUN_SCRIPT("F");
	CHECK_CONTAINS(row(28), "共20项");
	stop();
}

TEST(filters)
{
	start(100, 30);
	RUN_SCRIPT("2\n:filter overdue");
	CHECK_CONTAINS(row(28), "共2项 逾期2");
	CHECK_CONTAINS(row(3), "逾期");
	CHECK_CONTAINS(row(4), "逾期");
	RUN_SCRIPT("redraw");
	CHECK_CONTAINS(row(29), "筛选： 仅逾期");
	RUN_SCRIPT("F f");
	CHECK_CONTAINS(screen(), "筛选");
	RUN_SCRIPT("<Right> <Right> <Tab> <Enter> \"王芳\" <Enter> <Tab> <Tab> <C-s>");
	CHECK_CONTAINS(row(29), "状态=进行中");
	CHECK_CONTAINS(row(29), "责任人=王芳");
	int rows = 0;
	for (int y = 3; y < 20; y++)
		if (strstr(row(y), "王芳")) {
			rows++;
			CHECK_CONTAINS(row(y), "进行中");
		}
	CHECK(rows >= 3);
	RUN_SCRIPT("F\n:filter category=组织建设");
	CHECK_CONTAINS(row(3), "组织建设");
	CHECK(strstr(screen(), "思想建设") == NULL);
	RUN_SCRIPT("f <Tab> <Tab> <Tab> <Right> <C-s>");
	CHECK(strstr(row(29), "类别=组织建设") == NULL);
	RUN_SCRIPT(":filter nonsense");
	CHECK_CONTAINS(tui_message(t), "无法识别的筛选条件“nonsense”");
	stop();
}

TEST(sort_orders)
{
	start(100, 30);
	RUN_SCRIPT("S");
	CHECK_CONTAINS(tui_message(t), "排序：完成时限");
	char last[16] = "0000-00-00";
	int dated = 0;
	for (int y = 3; y < 20; y++) {
		const char *r = row(y), *d = strstr(r, "2026-");
		if (!d)
			continue;
		CHECK(strncmp(last, d, 10) <= 0);
		memcpy(last, d, 10);
		dated++;
	}
	CHECK(dated >= 10);
	RUN_SCRIPT("S");
	CHECK_CONTAINS(tui_message(t), "排序：状态");
	CHECK_CONTAINS(row(3), "未开始");
	RUN_SCRIPT("end");
	CHECK_CONTAINS(screen(), "已销号");
	RUN_SCRIPT(":sort seq");
	CHECK_CONTAINS(row(3), "    1 ");
	RUN_SCRIPT(":sort sideways");
	CHECK_CONTAINS(tui_message(t), "排序方式“sideways”无效");
	stop();
}

TEST(switch_year)
{
	start(100, 30);
	RUN_SCRIPT(":year 2025");
	CHECK_CONTAINS(row(0), "2025年度");
	CHECK_CONTAINS(screen(), "本清单暂无事项");
	CHECK_CONTAINS(row(28), "共0项");
	RUN_SCRIPT("y <C-u> \"abc\" <Enter>");
	CHECK_CONTAINS(tui_message(t), "年度“abc”无效");
	RUN_SCRIPT("<C-u> \"2026\" <Enter>");
	CHECK_CONTAINS(row(0), "2026年度");
	CHECK_CONTAINS(row(28), "共18项");
	stop();
}

static struct tui_print_request seen;
static char seen_path[256];
static enum qd_status fake_print(const struct tui_print_request *r, struct strbuf *m)
{
	seen = *r;
	snprintf(seen_path, sizeof seen_path, "%s", r->path ? r->path : "");
	seen.path = seen.printer = NULL;
	sb_puts(m, "printed");
	return QD_OK;
}

TEST(print_hook)
{
	start(100, 30);
	tui_print_hook = NULL;
	tui_print_suggest_hook = NULL;
	RUN_SCRIPT("p");
	CHECK_CONTAINS(tui_message(t), "打印功能尚未提供");
	tui_print_hook = fake_print;
	RUN_SCRIPT("2 p");
	CHECK_CONTAINS(screen(), "本组织（机关党委）");
	CHECK_CONTAINS(screen(), "全部（所有人员）");
	RUN_SCRIPT("<Down> <Enter> <Tab> \"x.pdf\" <Enter>");
	CHECK_INT(seen.scope, TUI_PRINT_ORG);
	CHECK_INT(seen.org_id, 2);
	CHECK_INT(seen.lp, 0);
	CHECK_STR(seen_path, "x.pdf");
	CHECK_STR(tui_message(t), "printed");
	RUN_SCRIPT("4 / \"王芳\" <Enter> p <Enter> <Tab> \"y.pdf\" <Enter>");
	CHECK_INT(seen.scope, TUI_PRINT_PERSON);
	CHECK_INT(seen.person_id, person_id("王芳"));
	RUN_SCRIPT("open p <Enter> <Tab> \"z.pdf\" <Enter>");
	CHECK_INT(seen.person_id, person_id("王芳"));
	CHECK_INT(seen.year, 2026);
	CHECK_STR(seen_path, "z.pdf");
	tui_print_hook = NULL;
	stop();
}

TEST(escape_cancels_everything)
{
	start(100, 30);
	long long before = audit_head();
	RUN_SCRIPT("e \"x\" <Esc> y o <Esc> s <Esc> n \"x\" <Esc> d <Esc> f <Esc> a \"x\" <Esc> y / \"x\" <Esc>");
	RUN_SCRIPT("o <Enter> <Esc> <Esc> y <Esc> prompt <Esc> b <Esc>");
	CHECK_INT(audit_head(), before);
	CHECK_CONTAINS(row(3), "落实“第一议题”");
	CHECK(!tui_done(t));
	stop();
}

TEST(keyset_paging_long_list)
{
	start(100, 30);
	struct strbuf e = {0};
	CHECK_INT(qd_batch_begin(&q, &e), QD_OK);
	for (int i = 0; i < 300; i++) {
		char content[64];
		snprintf(content, sizeof content, "批量事项%03d", i + 1);
		struct item_fields f = ITEM_FIELDS_INIT;
		long long id;
		f.content = content;
		CHECK_INT(qd_item_add(&q, 2, &f, &id, &e), QD_OK);
	}
	CHECK_INT(qd_batch_end(&q, QD_OK, &e), QD_OK);
	sb_free(&e);
	RUN_SCRIPT("2");
	CHECK_CONTAINS(row(28), "共320项");
	RUN_SCRIPT("end");
	CHECK_CONTAINS(screen(), "批量事项300");
	CHECK_CONTAINS(screen(), ">  320");
	RUN_SCRIPT("home");
	CHECK_CONTAINS(row(3), ">    1 ");
	/* down to the last row on screen, then one more scrolls by one */
	int page = 0;
	for (int y = 3; y < 28 && strstr(row(y), "--") == NULL && row(y)[0]; y++)
		page++;
	for (int i = 0; i < page; i++)
		RUN_SCRIPT("down");
	CHECK_CONTAINS(row(3), "     2 ");
	RUN_SCRIPT("page-down page-down");
	CHECK_CONTAINS(row(3), "    34 ");
	RUN_SCRIPT("page-up page-up page-up");
	CHECK_CONTAINS(row(3), "     1 政治建设");
	RUN_SCRIPT("page-up");
	CHECK_CONTAINS(row(3), ">    1 政治建设");
	/* an item in the middle keeps its place on screen across reloads */
	RUN_SCRIPT(":search 批量事项15");
	CHECK_CONTAINS(row(28), "共10项");
	RUN_SCRIPT("end F");
	CHECK_CONTAINS(screen(), ">  179");
	stop();
}


/* The demo's two 王伟: :assign and the picker take 王伟（副局长） and
 * 王伟（第三党支部） as everywhere else (issue 8 §6). */
TEST(assign_homonyms)
{
	start(100, 30);
	RUN_SCRIPT(":assign 王伟（副局长）");
	struct item it = get(1);
	CHECK_INT(it.owner_id, 4);
	item_clear(&it);
	RUN_SCRIPT(":assign 王伟(第三党支部)");
	it = get(1);
	CHECK_INT(it.owner_id, 28);
	item_clear(&it);
	RUN_SCRIPT(":assign 王伟");
	CHECK_CONTAINS(tui_message(t), "#4 王伟（党组成员、副局长·机关第二党支部（业务处室））");
	RUN_SCRIPT(":assign #4 王伟（党组成员、副局长·机关第二党支部（业务处室））");
	it = get(1);
	CHECK_INT(it.owner_id, 4);
	item_clear(&it);
	/* the picker narrows by the bracket too */
	RUN_SCRIPT("o <Enter> \"王伟\"");
	CHECK_CONTAINS(screen(), "组织委员、数据管理处副处长");
	CHECK_CONTAINS(screen(), "党组成员、副局长");
	RUN_SCRIPT("\"（数据）\"");
	CHECK_CONTAINS(screen(), "组织委员、数据管理处副处长");
	CHECK(strstr(screen(), "王伟  党组成员、副局长") == NULL);   /* the picker's row (the detail names #4) */
	RUN_SCRIPT("<Enter> <C-s>");
	it = get(1);
	CHECK_INT(it.owner_id, 28);
	item_clear(&it);
	stop();
}

int main(void)
{
	RUN(add_through_form);
	RUN(add_refusals_keep_input);
	RUN(due_words_in_form);
	RUN(line_editor_moves_by_character);
	RUN(line_editor_scrolls_long_text);
	RUN(delete_asks_first);
	RUN(assign_through_picker);
	RUN(assign_homonyms);
	RUN(status_moves_and_reason);
	RUN(invalid_transition_writes_nothing);
	RUN(not_permitted_writes_nothing);
	RUN(notes);
	RUN(incremental_search);
	RUN(filters);
	RUN(sort_orders);
	RUN(switch_year);
	RUN(print_hook);
	RUN(escape_cancels_everything);
	RUN(keyset_paging_long_list);
	return TT_END();
}
