/* t_tui_problem.c — tab 8 问题整改 headless (t_tui_harness.h): a branch
 * with three problems — a 公开电话 call from an outside name with two
 * measures (one done, one overdue), an anonymous 意见箱 note with none, a
 * 组织生活会 problem of a member with its one measure done — seen on the
 * tab with progress, status and what each waits for, in colour and under
 * NO_COLOR, columns aligned by display width; Enter opens a problem (its
 * measures, Enter on one opens the item, s moves it; the 回访 history);
 * the issue's "Done when" branch on the screen: the 公开电话 problem
 * cannot be 销号 before both measures are done and the 回访 is recorded,
 * each refusal's reason shown and nothing written, then closes and
 * reopens; the add, measure and 回访 forms (a bad date keeps the form and
 * writes nothing); who may write (a plain member is refused before typing,
 * only an admin adds measures); a person's checklist (tab 4, Enter) with
 * the measures as their own 整改措施 section; English.  Both backends
 * (tt_db). */
#include "t_tui_harness.h"
#include "qingdan/meeting.h"
#include "qingdan/problem.h"
#include "qingdan/store_page.h"
#include "qingdan/tui_view.h"

static long long org9, people[4], p_phone, p_box, p_life, m_done, m_late, m_life;

/* The colour pair and the attributes of the cell at y, x (a wide
 * character's too: mvwinch would mix its code into the bits). */
static int pair_at(int y, int x)
{
	cchar_t c;
	wchar_t wc[CCHARW_MAX + 1];
	attr_t a;
	short pair = 0;
	mvwin_wch(stdscr, y, x, &c);
	getcchar(&c, wc, &a, &pair, NULL);
	return pair;
}

static attr_t attr_at(int y, int x)
{
	cchar_t c;
	wchar_t wc[CCHARW_MAX + 1];
	attr_t a = 0;
	short pair = 0;
	mvwin_wch(stdscr, y, x, &c);
	getcchar(&c, wc, &a, &pair, NULL);
	return a;
}

/* The first row at or below from containing needle, -1 if none. */
static int find_row_from(int from, const char *needle)
{
	for (int y = from < 0 ? 0 : from; y < LINES; y++) {
		char *r = tui_screen_row(y);
		int hit = strstr(r, needle) != NULL;
		free(r);
		if (hit)
			return y;
	}
	return -1;
}

static long long add_person(const char *name, const char *login)
{
	struct person_fields f = PERSON_FIELDS_INIT;
	long long id = 0;
	f.name = name;
	f.login = login;
	f.org_id = org9;
	CHECK_INT(qd_person_add(&q, &f, &id, &err), QD_OK);
	return id;
}

static long long add_problem(enum problem_source src, const char *on, const char *text,
			     long long raiser, const char *outside, const char *contact)
{
	struct problem_fields f = PROBLEM_FIELDS_INIT;
	long long id = 0;
	f.org_id = org9;
	f.source = (int)src;
	f.raised_on = on;
	f.text = text;
	f.raiser_id = raiser;
	f.raiser_name = outside;
	f.contact = contact;
	CHECK_INT(qd_problem_add(&q, &f, &id, &err), QD_OK);
	return id;
}

static long long add_measure(long long problem, const char *text, long long owner, const char *due)
{
	struct item_fields f = ITEM_FIELDS_INIT;
	long long id = 0;
	f.content = text;
	f.owner_id = owner;
	f.lead_id = people[0];
	f.due = due;
	CHECK_INT(qd_problem_measure(&q, problem, &f, &id, &err), QD_OK);
	return id;
}

static void finish(long long item)
{
	CHECK_INT(qd_item_move(&q, item, 0, ST_IN_PROGRESS, NULL, &err), QD_OK);
	CHECK_INT(qd_item_move(&q, item, 0, ST_SUBMITTED, NULL, &err), QD_OK);
	CHECK_INT(qd_item_move(&q, item, 0, ST_DONE, NULL, &err), QD_OK);
}

static struct problem get(long long id)
{
	struct problem p = {0};
	CHECK_INT(qd_problem_get(&q, id, &p, &err), QD_OK);
	return p;
}

static int status_of(long long id)
{
	struct problem p = get(id);
	int s = (int)p.status;
	problem_clear(&p);
	return s;
}

/* The branch, written as the admin beside the screen, then shown on tab 8
 * (C-r reads the new org; `:branch` picks it there). */
static void scenario(void)
{
	CHECK_INT(qd_org_add(&q, "第九党支部", LV_BRANCH, t->committee_org, &org9, &err), QD_OK);
	static const char *const names[4] = {"邝一", "邝二", "邝三", "邝四"};
	static const char *const logins[4] = {"kuang1", "kuang2", "kuang3", "kuang4"};
	for (int i = 0; i < 4; i++)
		people[i] = add_person(names[i], logins[i]);
	CHECK_INT(qd_member_set(&q, people[0], -1, CR_SECRETARY, NULL, &err), QD_OK);
	p_phone = add_problem(SRC_PHONE, "2026-03-02", "窗口办事排队时间过长，群众反映强烈", 0,
			      "张先生", "13800000000");
	p_box = add_problem(SRC_BOX, "2026-04-10", "会议室长期被占用", 0, NULL, NULL);
	p_life = add_problem(SRC_ORG_LIFE, "2026-05-06", "理论学习不够深入", people[2], NULL, NULL);
	m_done = add_measure(p_phone, "增设两个办事窗口", people[1], "2026-04-30");
	m_late = add_measure(p_phone, "推行网上预约办理", people[3], "2026-05-31");
	m_life = add_measure(p_life, "每月集中学习一次", people[2], "2026-06-15");
	finish(m_done);
	finish(m_life);
	RUN_SCRIPT("reload view-problems\n:branch 第九党支部");
}

TEST(tab_lists_problems_with_progress_and_flags)
{
	start(110, 40);
	scenario();
	CHECK_CONTAINS(row(1), "[8 问题整改]");
	CHECK_CONTAINS(screen(), "第九党支部 · 2026 年度问题清单 → 整改清单");
	int y = find_row("窗口办事排队");
	CHECK(y > 0);
	CHECK_CONTAINS(row(y), "2026-03-02");
	CHECK_CONTAINS(row(y), "公开电话");
	CHECK_CONTAINS(row(y), "1/2 整改中");
	CHECK_CONTAINS(row(y), "逾期1");
	int yb = find_row("会议室长期被占用");
	CHECK(yb > y);
	CHECK_CONTAINS(row(yb), "意见箱");
	CHECK_CONTAINS(row(yb), "0/0 待整改");
	int yl = find_row("理论学习不够深入");
	CHECK(yl > yb);
	CHECK_CONTAINS(row(yl), "组织生活会查摆");
	CHECK_CONTAINS(row(yl), "1/1 已整改 待回访");
	/* columns by display width: sources of 8, 6 and 14 columns, the
	 * progress and status in line */
	CHECK(col_of(row(y), "1/2") > 0);
	CHECK_INT(col_of(row(yb), "0/0"), col_of(row(y), "1/2"));
	CHECK_INT(col_of(row(yl), "1/1"), col_of(row(y), "1/2"));
	CHECK_INT(col_of(row(yl), "已整改"), col_of(row(y), "整改中"));
	CHECK_INT(col_of(row(yb), "会议室"), col_of(row(y), "窗口办事"));
	/* colours: overdue red, waiting for its 回访 yellow, the anonymous
	 * one plain */
	int xs = col_of(row(y), "整改中");
	CHECK(pair_at(y, xs) == 1);
	CHECK(pair_at(yl, xs) == 2);
	CHECK(pair_at(yb, xs) == 0);
	/* the first problem is selected; its detail below with the measures */
	CHECK_CONTAINS(row(y), ">");
	CHECK(find_row("问题 #") > yl);
	CHECK(find_row("反映人：张先生（13800000000）") > yl);
	CHECK(find_row("回访：需要回访，尚未回访") > yl);
	/* done today, after its due date: late, as every item */
	CHECK(find_row("1. 增设两个办事窗口（邝二，2026-04-30 已销号 逾期完成）") > yl);
	CHECK(find_row("2. 推行网上预约办理（邝四，2026-05-31 未开始 逾期）") > yl);
	CHECK_CONTAINS(screen(), "共3个 已整改1 已销号0 逾期1");
	/* down: the detail follows */
	RUN_SCRIPT("down");
	CHECK(find_row("反映人：匿名") > 0);
	CHECK(find_row("回访：匿名反映，无需回访") > 0);
	/* a filter: only the overdue, then by source, then cleared */
	RUN_SCRIPT(":filter overdue");
	CHECK(find_row("窗口办事排队") > 0);
	CHECK_INT(find_row("会议室长期被占用"), -1);
	RUN_SCRIPT(":filter 意见箱");
	CHECK(find_row("会议室长期被占用") > 0);
	CHECK_INT(find_row("窗口办事排队"), -1);
	RUN_SCRIPT(":filter rectified");
	CHECK(find_row("理论学习不够深入") > 0);
	CHECK_INT(find_row("会议室长期被占用"), -1);
	RUN_SCRIPT(":filter nonsense");
	CHECK_CONTAINS(tui_message(t), "无法识别的筛选“nonsense”");
	RUN_SCRIPT("clear-filter");
	CHECK(find_row("会议室长期被占用") > 0);
	stop();
}

TEST(no_color_writes_the_flags_and_bolds_overdue)
{
	setenv("NO_COLOR", "1", 1);
	start(110, 40);
	scenario();
	int y = find_row("窗口办事排队");
	CHECK(y > 0);
	CHECK_CONTAINS(row(y), "逾期1");
	int xs = col_of(row(y), "整改中");
	CHECK(pair_at(y, xs) == 0);
	CHECK(attr_at(y, xs) & A_BOLD);
	int yl = find_row("理论学习不够深入");
	CHECK_CONTAINS(row(yl), "待回访");
	CHECK(attr_at(yl, col_of(row(yl), "已整改")) & A_UNDERLINE);
	stop();
	unsetenv("NO_COLOR");
}

TEST(narrow_screen_keeps_columns_in_line)
{
	start(72, 24);
	scenario();
	int y = find_row("窗口办事"), yb = find_row("会议室长期");
	CHECK(y > 0 && yb > y);
	CHECK_INT(col_of(row(yb), "0/0"), col_of(row(y), "1/2"));
	CHECK_INT(col_of(row(yb), "待整改"), col_of(row(y), "整改中"));
	/* every row fits the screen */
	for (int r = 0; r < LINES; r++)
		CHECK(text_width(row(r)) <= 72);
	RUN_SCRIPT("resize:60x15");
	CHECK(find_row("窗口办事") > 0);
	for (int r = 0; r < LINES; r++)
		CHECK(text_width(row(r)) <= 60);
	stop();
}

TEST(enter_opens_the_problem_its_measures_and_history)
{
	start(110, 40);
	scenario();
	RUN_SCRIPT("open");
	int top = find_row("问题 #");
	CHECK(top >= 2);
	CHECK_CONTAINS(row(top), "公开电话");
	CHECK_CONTAINS(row(top), "第九党支部");
	CHECK_CONTAINS(row(top), "2026-03-02");
	CHECK(find_row("窗口办事排队时间过长，群众反映强烈") > top);
	CHECK(find_row("反映人：张先生  联系方式：13800000000") > top);
	CHECK(find_row("状态：整改中  整改措施：2 项，已完成 1 项，逾期 1 项") > top);
	CHECK(find_row("整改措施（2）") > top);
	int y1 = find_row("增设两个办事窗口"), y2 = find_row("推行网上预约办理");
	CHECK(y1 > top && y2 == y1 + 1);
	CHECK_CONTAINS(row(y1), "邝二");
	CHECK_CONTAINS(row(y1), "邝一");   /* the lead */
	CHECK_CONTAINS(row(y1), "已销号");
	CHECK_CONTAINS(row(y2), "2026-05-31");
	CHECK_CONTAINS(row(y2), "逾期");
	CHECK_INT(col_of(row(y2), "2026-05-31"), col_of(row(y1), "2026-04-30"));
	CHECK(pair_at(y2, col_of(row(y2), "未开始")) == 1);
	CHECK(find_row("回访记录（0）") > y2);
	CHECK(find_row("还没有回访记录") > y2);
	/* Enter on a measure: the item in full, as in every list */
	RUN_SCRIPT("down open");
	CHECK_CONTAINS(screen(), "推行网上预约办理");
	CHECK_CONTAINS(screen(), "邝四");
	CHECK_INT(find_row("整改措施（2）"), -1);
	RUN_SCRIPT("back");
	CHECK(find_row("整改措施（2）") > 0);
	/* s moves the selected measure as items move (the item model) */
	long long head = audit_head();
	RUN_SCRIPT(":status in_progress");
	struct item it = {0};
	CHECK_INT(qd_get_item(&q, m_late, &it, &err), QD_OK);
	CHECK_INT(it.status, ST_IN_PROGRESS);
	item_clear(&it);
	CHECK(audit_head() > head);
	CHECK_CONTAINS(row(find_row("推行网上预约办理")), "进行中");
	/* n: a 履责纪实 note on the measure */
	RUN_SCRIPT(":note 已上线预约小程序");
	struct note *notes = NULL;
	int nn = 0;
	CHECK_INT(qd_item_notes(&q, m_late, &notes, &nn), QD_OK);
	CHECK_INT(nn, 1);
	if (nn)
		CHECK_STR(notes[0].text, "已上线预约小程序");
	notes_free(notes, nn);
	RUN_SCRIPT("back");
	CHECK(find_row("窗口办事排队") > 0);
	stop();
}

/* The issue's "Done when", on the screen. */
TEST(close_is_refused_until_measures_done_and_feedback_recorded)
{
	start(110, 40);
	scenario();
	long long head = audit_head();
	/* one measure still open: refused, the reason shown, nothing written */
	RUN_SCRIPT("close");
	CHECK_CONTAINS(tui_message(t), "不能销号");
	struct problem p = get(p_phone);
	struct strbuf why = {0};
	CHECK(!qd_problem_may_close(&q, &p, &why));
	CHECK(why.len > 0);
	if (why.s)
		CHECK_CONTAINS(tui_message(t), why.s);
	sb_free(&why);
	problem_clear(&p);
	CHECK(!strstr(screen(), "销号日期"));
	CHECK_INT(audit_head(), head);
	CHECK_INT(status_of(p_phone), PB_RECTIFYING);
	/* the second measure done (from the problem view): rectified, yet the
	 * 回访 is missing */
	RUN_SCRIPT("open down\n:status in_progress\n:status submitted\n:status done");
	CHECK(find_row("状态：已整改  整改措施：2 项，已完成 2 项，逾期 0 项") > 0);
	CHECK_INT(status_of(p_phone), PB_RECTIFIED);
	head = audit_head();
	RUN_SCRIPT("close");
	CHECK_CONTAINS(tui_message(t), "不能销号");
	p = get(p_phone);
	CHECK(!qd_problem_may_close(&q, &p, &why));
	if (why.s)
		CHECK_CONTAINS(tui_message(t), why.s);
	sb_free(&why);
	problem_clear(&p);
	CHECK_INT(audit_head(), head);
	/* an unsatisfied 回访: still refused */
	RUN_SCRIPT("feedback");
	CHECK(find_row("问题 #") >= 0);
	CHECK_CONTAINS(screen(), "回访结果");
	RUN_SCRIPT("\"仍需排队\" <Tab> <Space> <C-s>");
	CHECK_CONTAINS(tui_message(t), "不满意");
	CHECK(find_row("回访记录（1）") > 0);
	CHECK(find_row("不满意") > 0);
	CHECK(find_row("回访：已回访 1 次，最近一次不满意") > 0);
	RUN_SCRIPT("close");
	CHECK_CONTAINS(tui_message(t), "不能销号");
	CHECK_INT(status_of(p_phone), PB_RECTIFIED);
	/* a satisfied one: now the date is asked and it closes */
	RUN_SCRIPT("feedback \"排队明显缩短\" <C-s>");
	CHECK(find_row("回访记录（2）") > 0);
	int yf = find_row("排队明显缩短");
	CHECK(yf > 0 && yf < find_row("仍需排队"));   /* newest first */
	CHECK_CONTAINS(row(yf), "满意");
	RUN_SCRIPT("close");
	CHECK_CONTAINS(screen(), "销号日期");
	RUN_SCRIPT("<C-s>");
	CHECK_CONTAINS(tui_message(t), "已销号");
	CHECK_INT(status_of(p_phone), PB_CLOSED);
	p = get(p_phone);
	CHECK_STR(p.closed_on, "2026-06-30");
	problem_clear(&p);
	CHECK(find_row("销号：2026-06-30") > 0);
	/* c again: reopen, after y */
	RUN_SCRIPT("close");
	CHECK_CONTAINS(screen(), "撤销销号？");
	RUN_SCRIPT("y");
	CHECK_INT(status_of(p_phone), PB_RECTIFIED);
	CHECK_CONTAINS(tui_message(t), "已撤销销号");
	/* the list shows it */
	RUN_SCRIPT("back");
	CHECK_CONTAINS(row(find_row("窗口办事排队")), "2/2 已整改");
	stop();
}

TEST(anonymous_needs_no_feedback_and_closes_once_rectified)
{
	start(110, 40);
	scenario();
	RUN_SCRIPT("down");
	long long head = audit_head();
	RUN_SCRIPT("feedback");
	CHECK_CONTAINS(tui_message(t), "匿名反映的，不需要回访");
	CHECK_INT(audit_head(), head);
	/* no measure: not rectified, refused */
	RUN_SCRIPT("close");
	CHECK_CONTAINS(tui_message(t), "不能销号");
	long long m = add_measure(p_box, "会议室预约登记", people[1], "2026-07-31");
	finish(m);
	RUN_SCRIPT("reload\n:close 2026-06-29");
	CHECK_INT(status_of(p_box), PB_CLOSED);
	CHECK_CONTAINS(row(find_row("会议室长期被占用")), "1/1 已销号");
	stop();
}

static int problems_of_org(void)
{
	struct problem_filter f = PROBLEM_FILTER_INIT;
	struct problem *ps = NULL;
	int n = 0;
	f.org_id = org9;
	CHECK_INT(qd_problem_list(&q, &f, &ps, &n, &err), QD_OK);
	problems_free(ps, n);
	return n;
}

TEST(add_and_measure_forms)
{
	start(110, 40);
	scenario();
	CHECK_INT(problems_of_org(), 3);
	/* a bad date keeps the form and what was typed, writes nothing */
	long long head = audit_head();
	RUN_SCRIPT("add \"食堂饭菜价格偏高\" <BTab> <BTab> <C-u> <C-k> \"2026-02-30\" <C-s>");
	CHECK_CONTAINS(screen(), "新增问题 · 2026 年度");
	CHECK_CONTAINS(screen(), "食堂饭菜价格偏高");
	CHECK_INT(audit_head(), head);
	CHECK_INT(problems_of_org(), 3);
	/* fixed: a 电子信箱 letter from an outside name with a contact */
	RUN_SCRIPT("<C-u> <C-k> \"2026-06-01\" <BTab> <Right> <Tab> <Tab> <Tab> <Tab> <Tab> \"李女士\" <Tab> "
		   "\"li@example.cn\" <C-s>");
	CHECK_INT(problems_of_org(), 4);
	CHECK_CONTAINS(tui_message(t), "已新增问题");
	CHECK_CONTAINS(tui_message(t), "电子信箱");
	int y = find_row("食堂饭菜价格偏高");
	CHECK(y > 0);
	CHECK_CONTAINS(row(y), "2026-06-01");
	CHECK_CONTAINS(row(y), "电子信箱");
	CHECK_CONTAINS(row(y), "0/0 待整改");
	/* its measure: the form of an item of the 整改清单 */
	RUN_SCRIPT("end");   /* the latest raised: the last */
	CHECK_CONTAINS(row(y), ">");
	RUN_SCRIPT("measure");
	CHECK_CONTAINS(screen(), "新增整改措施");
	RUN_SCRIPT("\"公示菜价并引入第二家供应商\" <Tab> \"邝三\" <Enter> <Tab> <Tab> \"2026-02-30\" <C-s>");
	CHECK_CONTAINS(screen(), "新增整改措施");   /* bad date: the form stays */
	RUN_SCRIPT("<C-u> <C-k> \"2026-08-31\" <C-s>");
	CHECK_CONTAINS(tui_message(t), "新增整改措施 #");
	CHECK_CONTAINS(row(find_row("食堂饭菜价格偏高")), "0/1 待整改");
	struct problem_filter f = PROBLEM_FILTER_INIT;
	struct problem *ps = NULL;
	int n = 0;
	f.org_id = org9;
	f.source = SRC_MAIL;
	CHECK_INT(qd_problem_list(&q, &f, &ps, &n, &err), QD_OK);
	CHECK_INT(n, 1);
	if (n == 1) {
		CHECK_STR(ps[0].raiser_name, "李女士");
		CHECK_STR(ps[0].contact, "li@example.cn");
		struct item *ms = NULL;
		int nm = 0;
		CHECK_INT(qd_problem_measures(&q, ps[0].id, &ms, &nm, &err), QD_OK);
		CHECK_INT(nm, 1);
		if (nm == 1) {
			CHECK_STR(ms[0].content, "公示菜价并引入第二家供应商");
			CHECK_INT(ms[0].owner_id, people[2]);
			CHECK_STR(ms[0].due, "2026-08-31");
		}
		items_free(ms, nm);
	}
	problems_free(ps, n);
	stop();
}

TEST(who_may_write)
{
	start(110, 40);
	scenario();
	/* a plain member: refused before any input, nothing written */
	tt_login(&q, "kuang4");
	RUN_SCRIPT("reload view-problems\n:branch 第九党支部");
	long long head = audit_head();
	RUN_SCRIPT("add");
	CHECK_CONTAINS(tui_message(t), "不能登记 第九党支部 的问题");
	CHECK(!strstr(screen(), "新增问题 ·"));
	RUN_SCRIPT("feedback");
	CHECK_CONTAINS(tui_message(t), "不能登记");
	RUN_SCRIPT("measure");
	CHECK_CONTAINS(tui_message(t), "只有管理员可以新增整改措施");
	CHECK(!strstr(screen(), " 新增整改措施"));
	CHECK_INT(audit_head(), head);
	/* the branch's secretary records problems, but adds no measure */
	tt_login(&q, "kuang1");
	RUN_SCRIPT("reload view-problems\n:branch 第九党支部");
	RUN_SCRIPT("add \"党员活动室利用率低\" <C-s>");
	CHECK_INT(problems_of_org(), 4);
	/* with every org shown, the form opens on the org they may record */
	RUN_SCRIPT(":branch 党组\nb <Enter>");
	CHECK_CONTAINS(screen(), "全部组织 · 2026 年度");
	RUN_SCRIPT("add \"支部活动经费使用不规范\" <C-s>");
	CHECK_INT(problems_of_org(), 5);
	RUN_SCRIPT("measure");
	CHECK_CONTAINS(tui_message(t), "只有管理员可以新增整改措施");
	stop();
}

TEST(checklist_has_the_measures_as_their_own_section)
{
	start(110, 40);
	scenario();
	RUN_SCRIPT("view-people / \"邝四\" <Enter> open");
	CHECK_CONTAINS(screen(), "邝四 的责任清单");
	int rule = find_row("整改措施（1）");
	CHECK(rule > 0);
	int y = find_row_from(rule, "推行网上预约办理");
	CHECK(y == rule + 1);
	/* the duty section is what the store gives as duty items: a measure
	 * is not among them (it reads the duty lists only) */
	struct item_scope sc = {0};
	sc.year = 2026;
	sc.status = -1;
	sc.person_id = people[3];
	sc.today = "2026-06-30";
	sc.soon = "2026-07-07";
	struct page_item rows[8];
	int n = store_page_items(q.db, &sc, NULL, 1, 0, 8, rows, &err);
	int measure_as_duty = 0;
	for (int i = 0; i < n; i++)
		measure_as_duty |= rows[i].it.id == m_late;
	page_items_clear(rows, n > 0 ? n : 0);
	if (!measure_as_duty) {
		char *s = tui_screen_text();
		char *first = strstr(s, "推行网上预约办理");
		CHECK(first && !strstr(first + 1, "推行网上预约办理（"));
		free(s);
		CHECK(find_row("推行网上预约办理") == y);
	}
	CHECK_CONTAINS(row(y), "2026-05-31");
	CHECK_CONTAINS(row(y), "未开始");
	CHECK(pair_at(y, col_of(row(y), "未开始")) == 1);
	/* down into the section: the detail names the problem; s and n work */
	RUN_SCRIPT("end");
	CHECK_CONTAINS(row(y), ">");
	CHECK(find_row("所属问题：#") > y);
	CHECK(find_row("窗口办事排队时间过长") > y);
	RUN_SCRIPT(":status in_progress");
	CHECK_CONTAINS(row(find_row_from(rule, "推行网上预约办理")), "进行中");
	CHECK_CONTAINS(row(find_row_from(rule, "推行网上预约办理")), ">");
	/* up out of it, down back in */
	RUN_SCRIPT("up");
	CHECK(!strstr(row(find_row_from(rule, "推行网上预约办理")), ">"));
	RUN_SCRIPT("down");
	CHECK_CONTAINS(row(find_row_from(rule, "推行网上预约办理")), ">");
	/* Enter: the item in full */
	RUN_SCRIPT("open");
	CHECK_CONTAINS(screen(), "推行网上预约办理");
	CHECK_INT(find_row("整改措施（1）"), -1);
	RUN_SCRIPT("back back");
	/* the lead sees both the phone problem's measures and the life one */
	RUN_SCRIPT("F / \"邝一\" <Enter> open");
	CHECK(find_row("整改措施（3）") > 0);
	stop();
}

TEST(checklist_without_measures_has_no_section)
{
	start(110, 40);
	scenario();
	/* 孙丽华 owns items of the demo's lists and no measure (the demo's
	 * problems give measures to many others, 王芳 among them) */
	RUN_SCRIPT("view-people / \"孙丽华\" <Enter> open");
	CHECK_CONTAINS(screen(), "孙丽华 的责任清单");
	CHECK(!strstr(screen(), "整改措施（"));
	stop();
}

TEST(english_and_help)
{
	start(110, 40);
	scenario();
	RUN_SCRIPT("help");
	CHECK_CONTAINS(screen(), "问题整改：问题清单及其整改措施、进度、回访、销号");
	CHECK_CONTAINS(screen(), "feedback");
	RUN_SCRIPT("back");
	msg_set_english(1);
	RUN_SCRIPT("view-problems");
	CHECK_CONTAINS(row(1), "[8 Problems]");
	CHECK_CONTAINS(screen(), "problems and rectification 2026");
	CHECK_CONTAINS(screen(), "3 problems, 1 rectified, 0 closed, 1 overdue");
	msg_set_english(0);
	stop();
}

TEST(edit_delete_mouse_and_control_characters)
{
	start(110, 40);
	scenario();
	/* e: the form shows the problem; a changed category is all that is saved */
	RUN_SCRIPT("edit");
	CHECK_CONTAINS(screen(), "修改问题 #");
	CHECK_CONTAINS(screen(), "张先生");
	RUN_SCRIPT("<Tab> <Tab> <Tab> \"窗口服务\" <C-s>");
	struct problem p = get(p_phone);
	CHECK_STR(p.category, "窗口服务");
	CHECK_STR(p.raiser_name, "张先生");
	CHECK_STR(p.contact, "13800000000");
	CHECK_INT((int)p.source, SRC_PHONE);
	problem_clear(&p);
	CHECK(find_row("类别：窗口服务") > 0);
	/* a click selects the row under it */
	int yb = find_row("会议室长期被占用");
	char click[32];
	snprintf(click, sizeof click, "click:10,%d", yb);
	RUN_SCRIPT(click);
	CHECK_CONTAINS(row(yb), ">");
	CHECK(find_row("反映人：匿名") > 0);
	/* d: a problem with measures is kept, with the model's reason */
	RUN_SCRIPT("home delete y");
	CHECK_INT(problems_of_org(), 3);
	CHECK(strlen(tui_message(t)) > 0);
	/* one without: deleted after y */
	RUN_SCRIPT("down delete");
	CHECK_CONTAINS(screen(), "删除问题 #");
	RUN_SCRIPT("y");
	CHECK_INT(problems_of_org(), 2);
	CHECK_INT(find_row("会议室长期被占用"), -1);
	/* text from the data never reaches the terminal raw: a problem's
	 * lines and tabs (all the model lets in) stay inside its row */
	add_problem(SRC_VISIT, "2026-06-20", "夜间\t施工\n噪音扰民", 0, "王大爷", NULL);
	RUN_SCRIPT("reload end");
	const char *s = screen();
	for (const char *c = s; *c; c++)
		CHECK(*c == '\n' || (unsigned char)*c >= 0x20);
	int yv = find_row("施工");
	CHECK(yv > 0);
	CHECK_CONTAINS(row(yv), "夜间");
	CHECK_CONTAINS(row(yv), "噪音扰民");
	CHECK_CONTAINS(row(yv), "群众来访");
	RUN_SCRIPT("open");
	s = screen();
	for (const char *c = s; *c; c++)
		CHECK(*c == '\n' || (unsigned char)*c >= 0x20);
	stop();
}

TEST(read_only_file_shows_everything_and_refuses_writes)
{
	start(110, 40);
	scenario();
	stop();
	/* the same file, read-only: tt_db keeps it for the test */
	memset(&q, 0, sizeof q);
	q.year = 2026;
	CHECK_INT(qd_open(&q, dbpath, DB_READONLY, &err), QD_OK);
	FILE *out = fopen("/dev/null", "w"), *in = fopen("/dev/null", "r");
	SCREEN *sc = newterm("xterm-256color", out, in);
	set_term(sc);
	resizeterm(40, 110);
	t = tui_new(&q, 1);
	tui_draw(t);
	RUN_SCRIPT("view-problems");
	CHECK(find_row("窗口办事排队") > 0);
	long long head = audit_head();
	RUN_SCRIPT("add");
	CHECK(strlen(tui_message(t)) > 0);
	CHECK(!strstr(screen(), "新增问题 ·"));
	RUN_SCRIPT("<Esc> measure");
	CHECK(!strstr(screen(), " 新增整改措施"));
	RUN_SCRIPT("<Esc> feedback");
	CHECK(!strstr(screen(), "回访结果"));
	RUN_SCRIPT("<Esc> close");
	CHECK(!strstr(screen(), "销号日期"));
	RUN_SCRIPT("<Esc> open");
	CHECK(find_row("整改措施（2）") > 0);
	CHECK_INT(audit_head(), head);
	stop();
}

int main(void)
{
	RUN(tab_lists_problems_with_progress_and_flags);
	RUN(no_color_writes_the_flags_and_bolds_overdue);
	RUN(narrow_screen_keeps_columns_in_line);
	RUN(enter_opens_the_problem_its_measures_and_history);
	RUN(close_is_refused_until_measures_done_and_feedback_recorded);
	RUN(anonymous_needs_no_feedback_and_closes_once_rectified);
	RUN(add_and_measure_forms);
	RUN(who_may_write);
	RUN(checklist_has_the_measures_as_their_own_section);
	RUN(checklist_without_measures_has_no_section);
	RUN(edit_delete_mouse_and_control_characters);
	RUN(read_only_file_shows_everything_and_refuses_writes);
	RUN(english_and_help);
	return TT_END();
}
