/* t_pledge_tui.c — the pledge view (tab 5) headless, the tig way: curses on
 * /dev/null, keys from scripts of action names, the screen read back as
 * text.  The list and its colours, the progress line, the signature
 * dialog (paper with a proxy, and a signer signing as themself), assess,
 * void, reissue, batch add, filters, find, print, and refusals.
 *
 * Run with arguments it is the driver of tests/pledge_demo.sh:
 *   t_pledge_tui drive DB LOGIN TODAY SCRIPT-LINE…
 * opens DB acting as LOGIN on TODAY, runs each line, prints the status
 * line then the screen, and exits 1 if the status line is an error. */
#include <curses.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "qingdan/date.h"
#include "qingdan/db.h"
#include "qingdan/demo.h"
#include "qingdan/io.h"
#include "qingdan/msg.h"
#include "qingdan/pledge.h"
#include "qingdan/text.h"
#include "qingdan/tui.h"
#include "qingdan/tui_view.h"
#include "tt.h"

static struct qd q;
static struct strbuf err;
static struct tui *t;
static SCREEN *scr;
static FILE *dev_out, *dev_in;

static void screen_start(int cols, int lines)
{
	setenv("TERM", "xterm-256color", 1);
	dev_out = fopen("/dev/null", "w");
	dev_in = fopen("/dev/null", "r");
	scr = newterm("xterm-256color", dev_out, dev_in);
	set_term(scr);
	resizeterm(lines, cols);
}

static void screen_stop(void)
{
	tui_free(&t);
	endwin();
	delscreen(scr);
	fclose(dev_out);
	fclose(dev_in);
}

/* The demo year, acting as `login` (NULL: the demo's officer, an admin). */
static void open_demo(const char *login)
{
	memset(&q, 0, sizeof q);
	q.year = 2026;
	date_set_today(date_from_ymd(2026, 6, 30));
	if (qd_open(&q, tt_db(NULL), DB_CREATE, &err) != QD_OK || qd_ensure_defaults(&q, &err) != QD_OK ||
	    demo_load(&q, &err) != QD_OK)
		abort();
	if (login)
		tt_login(&q, login);
	screen_start(110, 32);
	t = tui_new(&q, 1);
}

/* A pledge for 林涛 from 周海燕, added by the officer 李红梅 (an admin)
 * beside the screen's session: on a SQLite file the same connection acts
 * as her for a moment (a second one to :memory: would be another
 * database); on a server it is her own session, as on another PC. */
static long long officer_adds_for_lintao(const char *title, const char *body)
{
	struct pledge_fields f = PLEDGE_FIELDS_INIT;
	long long signer = 17, id = 0;   /* 林涛 */
	int added = 0;
	struct qd officer = {0}, *as = &q;
	char *me = xstrdup(q.login);
	if (tt_pg()) {
		officer.year = q.year;
		tt_open_as(&officer, db_path(q.db), "lihongmei");
		as = &officer;
	} else {
		qd_set_login(&q, "lihongmei");
	}
	f.title = title;
	f.body = body;
	f.issuer_id = 5;                 /* 周海燕 */
	CHECK_INT(qd_pledge_add(as, &f, &signer, 1, 1, &id, &added, NULL, &err), QD_OK);
	if (tt_pg())
		qd_close(&officer);
	else
		qd_set_login(&q, me);
	free(me);
	return id;
}

static void script(const char *s)
{
	sb_reset(&err);
	CHECK_INT(tui_script(t, s, &err), 0);
	if (err.len)
		fprintf(stderr, "  script error: %s\n", err.s);
}

static char *screen(void)
{
	return tui_screen_text();
}

static char *row_with(const char *needle)
{
	char *all = screen();
	char *hit = strstr(all, needle), *out = NULL;
	if (hit) {
		char *start = hit;
		while (start > all && start[-1] != '\n')
			start--;
		char *end = strchr(hit, '\n');
		out = end ? xstrndup(start, (size_t)(end - start)) : xstrdup(start);
	}
	free(all);
	return out ? out : xstrdup("");
}

/* The attribute of the screen cell at the first occurrence of needle. */
static attr_t attr_at(const char *needle)
{
	char *all = screen();
	char *hit = strstr(all, needle);
	attr_t a = 0;
	if (hit) {
		int y = 0;
		char *line = all;
		for (char *p = all; p < hit; p++)
			if (*p == '\n') {
				y++;
				line = p + 1;
			}
		char *prefix = xstrndup(line, (size_t)(hit - line));
		int x = text_width(prefix);
		free(prefix);
		cchar_t cc;
		wchar_t wc[CCHARW_MAX + 1];
		short pair = 0;
		if (mvin_wch(y, x, &cc) == OK && getcchar(&cc, wc, &a, &pair, NULL) == OK)
			a = (a & ~A_COLOR) | (attr_t)COLOR_PAIR(pair);
	}
	free(all);
	return a;
}

static struct pledge get(long long id)
{
	struct pledge p;
	CHECK_INT(qd_pledge_get(&q, id, &p, &err), QD_OK);
	return p;
}

TEST(view_lists_the_year_with_progress)
{
	open_demo(NULL);
	script("view-pledges");
	char *s = screen();
	CHECK_CONTAINS(s, "[5 责任书]");
	CHECK_CONTAINS(s, "编号");
	CHECK_CONTAINS(s, "乙方");
	CHECK_CONTAINS(s, "签字");
	CHECK_CONTAINS(s, "已签订 10/13 · 逾期未签 2 · 代签 1 · 拟订 2");
	CHECK_CONTAINS(s, "《2026年度党风廉政建设“一岗双责”责任书》");
	free(s);
	char *r = row_with("孙丽华  ");
	CHECK_CONTAINS(r, "已签订");
	CHECK_CONTAINS(r, "甲03-04 乙代签");
	free(r);
	r = row_with("   3 ");
	CHECK_CONTAINS(r, "逾期未签");
	CHECK_CONTAINS(r, "甲未签");
	free(r);
	/* the detail pane of the first row, then of the proxy one */
	s = screen();
	CHECK_CONTAINS(s, "责任书 #1 · 陈晓东");
	CHECK_CONTAINS(s, "甲方签字：2026-03-04 赵立新 签字（纸质，王芳 登记）");
	free(s);
	script("down");
	s = screen();
	CHECK_CONTAINS(s, "责任书 #2 · 孙丽华");
	CHECK_CONTAINS(s, "代签：乙方代签：孙丽华同志外出参加培训");
	free(s);
	screen_stop();
}

TEST(colours_overdue_proxy_signed_void)
{
	open_demo(NULL);
	script("view-pledges");
	script("end");                           /* the selection off the rows we look at */
	CHECK(attr_at("孙丽华  ") & A_BOLD);      /* proxy: red bold */
	CHECK_INT(PAIR_NUMBER(attr_at("孙丽华  ")), PAIR_NUMBER(tui_attr(t, TS_OVERDUE)));
	CHECK_INT(PAIR_NUMBER(attr_at("逾期未签")), PAIR_NUMBER(tui_attr(t, TS_OVERDUE)));
	CHECK_INT(PAIR_NUMBER(attr_at("   7 已签订")), PAIR_NUMBER(tui_attr(t, TS_DONE)));
	CHECK(attr_at("作废") & A_DIM);
	CHECK(attr_at("拟订") & A_DIM);
	screen_stop();
}

TEST(paging_keeps_the_selection)
{
	open_demo(NULL);
	script("resize:100x16");
	script("view-pledges");
	script("end");
	char *s = screen();
	CHECK_CONTAINS(s, "《2026年春节期间廉洁自律承诺书》");
	free(s);
	CHECK_INT(tui_selected_item(t), 17);
	script("home");
	CHECK_INT(tui_selected_item(t), 1);
	for (int i = 0; i < 12; i++)
		script("down");
	CHECK_INT(tui_selected_item(t), 13);
	script("page-up");
	CHECK(tui_selected_item(t) < 13);
	script("page-down page-down page-down");
	CHECK_INT(tui_selected_item(t), 17);
	script("up");
	CHECK_INT(tui_selected_item(t), 16);
	/* another change reloads around the selection */
	CHECK_INT(qd_pledge_issue(&q, 10, &err), QD_OK);
	script("reload");
	CHECK_INT(tui_selected_item(t), 16);
	screen_stop();
}

TEST(signature_dialog_records_paper_with_proxy)
{
	open_demo(NULL);
	script("view-pledges");
	script(":search #3");
	CHECK_INT(tui_selected_item(t), 3);
	script(":status sign");
	char *s = screen();
	CHECK_CONTAINS(s, "签字 · #3");
	CHECK_CONTAINS(s, "签字方");
	CHECK_CONTAINS(s, "< 乙方 王伟 >");
	CHECK_CONTAINS(s, "签字日期");
	CHECK_CONTAINS(s, "2026-06-30");      /* defaults to today */
	CHECK_CONTAINS(s, "实际签字人");
	CHECK_CONTAINS(s, "代签说明");
	free(s);
	/* proxy on without a note: refused, the form stays */
	script("<Down> <C-u> \"2026-06-29\" <Down> <Down> <Space> <C-s>");
	s = screen();
	CHECK_CONTAINS(s, "代签必须写明情况");
	free(s);
	struct pledge p = get(3);
	CHECK(p.sig[PARTY_SIGNER].on == NULL);
	pledge_clear(&p);
	script("<Down> \"外出学习，由郑国强代签\" <C-s>");
	CHECK_CONTAINS(tui_message(t), "已签字：责任书 #3 的乙方");
	p = get(3);
	CHECK_STR(p.sig[PARTY_SIGNER].on, "2026-06-29");
	CHECK_INT(p.sig[PARTY_SIGNER].proxy, 1);
	CHECK_STR(p.sig[PARTY_SIGNER].proxy_note, "外出学习，由郑国强代签");
	CHECK_STR(p.sig[PARTY_SIGNER].method, "paper");
	CHECK_INT(p.status, PL_ISSUED);
	pledge_clear(&p);
	char *r = row_with("   3 ");
	CHECK_CONTAINS(r, "乙代签");
	free(r);
	/* the issuer's part: the dialog offers it first now */
	script(":status sign");
	s = screen();
	CHECK_CONTAINS(s, "< 甲方 赵立新 >");
	free(s);
	script("<C-s>");
	CHECK_CONTAINS(tui_message(t), "双方均已签字");
	p = get(3);
	CHECK_INT(p.status, PL_SIGNED);
	CHECK_INT(p.sig[PARTY_ISSUER].by_id, p.issuer_id);
	pledge_clear(&p);
	s = screen();
	CHECK_CONTAINS(s, "已签订 11/13 · 逾期未签 1 · 代签 2");
	free(s);
	/* a third time: the model's refusal, no dialog */
	script(":status sign");
	CHECK_CONTAINS(tui_message(t), "不能重复签字");
	screen_stop();
}

TEST(a_signer_signs_as_themself)
{
	/* 林涛 (login lintao) is no admin; 王芳 and 李红梅 are */
	open_demo("lintao");
	CHECK(q.enforced);
	CHECK(!q.actor_admin);
	/* give 林涛 an issued pledge first, as the officer */
	long long id = officer_adds_for_lintao("测试责任书", "正文");
	tui_changed(t);
	script("view-pledges");
	char *find = xasprintf(":search #%lld", id);
	script(find);
	free(find);
	CHECK_INT(tui_selected_item(t), id);
	/* the menu offers signing, and it is the only bright step */
	script("status");
	char *s = screen();
	CHECK_CONTAINS(s, "下一步");
	CHECK_CONTAINS(s, "签字");
	free(s);
	script("<Enter>");
	s = screen();
	CHECK_CONTAINS(s, "< 乙方 林涛 >");
	free(s);
	script("<C-s>");
	CHECK_CONTAINS(tui_message(t), "已签字");
	struct pledge p = get(id);
	CHECK_STR(p.sig[PARTY_SIGNER].method, "tui");
	CHECK_STR(p.sig[PARTY_SIGNER].on, "2026-06-30");
	CHECK_STR(p.sig[PARTY_SIGNER].recorded_name, "林涛");
	pledge_clear(&p);
	/* someone else's pledge: refused with the model's reason */
	script(":search #3 ");
	script(":status sign");
	CHECK_CONTAINS(tui_message(t), "只有本人或管理员");
	/* and managing is refused before any form opens */
	script("add");
	CHECK_CONTAINS(tui_message(t), "只有管理员");
	script("delete");
	CHECK_CONTAINS(tui_message(t), "只有管理员");
	s = screen();
	CHECK(!strstr(s, "作废 #3"));
	free(s);
	screen_stop();
}

TEST(electronic_signature_on_another_day_is_refused_in_the_form)
{
	open_demo("lintao");
	script("view-pledges");
	/* 林涛 issues nothing; make one for him as the officer */
	long long id = officer_adds_for_lintao("x", "y");
	tui_changed(t);
	char *find = xasprintf(":search #%lld", id);
	script(find);
	free(find);
	script(":status sign");
	script("<Down> <C-u> \"2026-06-01\" <C-s>");
	char *s = screen();
	CHECK_CONTAINS(s, "电子签字只能签当天");
	free(s);
	struct pledge p = get(id);
	CHECK(p.sig[PARTY_SIGNER].on == NULL);
	pledge_clear(&p);
	script("<Esc>");
	screen_stop();
}

TEST(assess_void_reissue_archive)
{
	open_demo(NULL);
	script("view-pledges");
	script(":search #1");
	script(":status assess");
	char *s = screen();
	CHECK_CONTAINS(s, "考核 · #1 陈晓东");
	CHECK_CONTAINS(s, "< 合格 >");
	free(s);
	script("<Right> <Right> <Right> <Down> \"abc\" <C-s>");
	s = screen();
	CHECK_CONTAINS(s, "分数“abc”无效");
	free(s);
	script("<C-u> \"95\" <C-s>");
	CHECK_CONTAINS(tui_message(t), "已考核：责任书 #1 优秀");
	struct pledge p = get(1);
	CHECK_INT(p.status, PL_ASSESSED);
	CHECK_STR(p.grade, "优秀");
	pledge_clear(&p);
	script(":status archive");
	script("y");
	CHECK_CONTAINS(tui_message(t), "已归档");
	script("delete");
	CHECK_CONTAINS(tui_message(t), "不能作废");
	/* void (d) with a reason */
	script(":search #9");
	script("delete");
	script("\"误发\" <Enter>");
	CHECK_CONTAINS(tui_message(t), "已作废：责任书 #9");
	p = get(9);
	CHECK_STR(p.void_reason, "误发");
	pledge_clear(&p);
	/* void and reissue 王伟's, with a new due date */
	script(":search #3");
	script(":status reissue");
	script("\"分工调整\" <Down> <Down> <C-u> \"2026-07-15\" <C-s>");
	CHECK_CONTAINS(tui_message(t), "已作废 #3，重新下发为 #18");
	CHECK_INT(tui_selected_item(t), 18);
	p = get(18);
	CHECK_INT(p.status, PL_ISSUED);
	CHECK_STR(p.sign_due, "2026-07-15");
	CHECK_INT(p.predecessor_id, 3);
	pledge_clear(&p);
	char *r = row_with("  18 ");
	CHECK_CONTAINS(r, "待签");
	free(r);
	screen_stop();
}

TEST(batch_add_to_the_leadership_team)
{
	open_demo(NULL);
	char path[] = "/tmp/qdbodyXXXXXX";
	int fd = mkstemp(path);
	CHECK(fd >= 0);
	CHECK(write(fd, "一、落实一岗双责。\n", strlen("一、落实一岗双责。\n")) > 0);
	close(fd);
	script("view-pledges");
	script("add");
	char *s = screen();
	CHECK_CONTAINS(s, "新增责任书");
	CHECK_CONTAINS(s, "乙方：职务含");
	free(s);
	char *keys = xasprintf("\"补充责任书\" <Down> \"赵立新\" <Enter> <Down> <Down> <Down> "
			       "\"班子成员\" <Down> \"%s\" <Down> \"2026-07-10\" <C-s>", path);
	script(keys);
	free(keys);
	CHECK_CONTAINS(tui_message(t), "已新增 4 份责任书（跳过 1 人");
	CHECK_INT(tui_selected_item(t), 18);
	s = screen();
	CHECK_CONTAINS(s, "已签订 10/17");
	free(s);
	struct pledge p = get(21);
	CHECK_STR(p.title, "补充责任书");
	CHECK_INT(p.status, PL_ISSUED);
	CHECK_STR(p.body, "一、落实一岗双责。");
	pledge_clear(&p);
	/* a form with no signer says so and stays */
	script("add");
	script("\"x\" <C-s>");
	s = screen();
	CHECK_CONTAINS(s, "没有选中乙方");
	free(s);
	script("<Esc>");
	unlink(path);
	screen_stop();
}

TEST(filters_find_and_the_full_text)
{
	open_demo(NULL);
	script("view-pledges");
	script(":filter overdue");
	char *s = screen();
	CHECK_CONTAINS(s, "筛选：逾期未签");
	CHECK(!strstr(s, "陈晓东  "));
	CHECK_CONTAINS(s, "王伟");
	CHECK_CONTAINS(s, "钱振华");
	free(s);
	script(":filter proxy");
	CHECK_INT(tui_selected_item(t), 2);
	script("clear-filter");
	script(":search 春节");
	s = screen();
	CHECK_CONTAINS(s, "春节期间廉洁自律承诺书");
	CHECK(!strstr(s, "作风纪律"));
	free(s);
	script("clear-filter");
	script(":search #99");
	CHECK_CONTAINS(tui_message(t), "没有责任书 #99");
	script(":search #2");
	script("open");
	s = screen();
	CHECK_CONTAINS(s, "责任书 #2 · 孙丽华");
	CHECK_CONTAINS(s, "正文：");
	CHECK_CONTAINS(s, "为深入推进全面从严治党");
	free(s);
	script("end");
	s = screen();
	CHECK_CONTAINS(s, "复印件报机关纪委备案");
	free(s);
	script("back");
	s = screen();
	CHECK_CONTAINS(s, "已签订 10/13");
	free(s);
	screen_stop();
}

/* Enter opens a pledge's full text and Enter again closes it: the text
 * view is released after its handler has returned, never while it runs
 * (under ASan the old code read the freed view: heap-use-after-free). */
TEST(enter_enter_opens_and_closes_the_full_text)
{
	open_demo(NULL);
	script("view-pledges");
	script("<Enter>");
	char *s = screen();
	CHECK(!strstr(s, "编号 状态"));
	CHECK_CONTAINS(s, "为深入推进全面从严治党");
	free(s);
	script("<Enter>");
	s = screen();
	CHECK_CONTAINS(s, "编号 状态");
	CHECK_CONTAINS(s, "已签订 10/13");
	free(s);
	/* again, with help opened over the text and closed */
	script("<Enter> <Enter> <Enter> ? <Esc>");
	s = screen();
	CHECK(!strstr(s, "编号 状态"));
	CHECK_CONTAINS(s, "为深入推进全面从严治党");
	free(s);
	script("<Enter>");
	s = screen();
	CHECK_CONTAINS(s, "编号 状态");
	CHECK_CONTAINS(s, "已签订 10/13");
	free(s);
	screen_stop();
}

/* The class, not the case: a view that pops itself in act() and then
 * still writes its state, and one retired by a tab change from its own
 * act(); each is closed once, after the event. */
struct selfpop {
	int touched;
};
static int selfpop_closed;

static void *selfpop_open(struct tui *tt, long long arg)
{
	(void)tt;
	(void)arg;
	return xcalloc(1, sizeof(struct selfpop));
}

static void selfpop_close(void *st)
{
	struct selfpop *p = st;
	selfpop_closed += 1 + 10 * p->touched;
	free(p);
}

static void selfpop_draw(struct tui *tt, void *st, int y, int h)
{
	(void)tt;
	(void)st;
	(void)h;
	mvaddstr(y, 0, "selfpop view");
}

static int selfpop_act(struct tui *tt, void *st, enum tui_action a, const char *arg)
{
	struct selfpop *p = st;
	(void)arg;
	if (a == TA_ENTER)
		tui_pop_view(tt);
	else if (a == TA_DOWN)
		tui_press(tt, TA_VIEW_PEOPLE, NULL);   /* pops every view, nested event */
	else
		return TUI_PASS;
	p->touched++;   /* after the pop: must still be ours */
	return TUI_DONE;
}

static const struct tui_view_ops selfpop_ops = {
	"selfpop", selfpop_open, selfpop_close, NULL, selfpop_draw, selfpop_act,
	NULL, NULL, NULL, NULL, NULL,
};

TEST(a_view_may_pop_itself_in_its_handler)
{
	open_demo(NULL);
	script("view-pledges");
	CHECK_INT(tui_push_view(t, &selfpop_ops, 0), 0);
	tui_draw(t);
	char *s = screen();
	CHECK_CONTAINS(s, "selfpop view");
	free(s);
	selfpop_closed = 0;
	script("<Enter>");
	CHECK_INT(selfpop_closed, 11);
	s = screen();
	CHECK(!strstr(s, "selfpop view"));
	CHECK_CONTAINS(s, "已签订 10/13");
	free(s);
	selfpop_closed = 0;
	CHECK_INT(tui_push_view(t, &selfpop_ops, 0), 0);
	script("<Down>");
	CHECK_INT(selfpop_closed, 11);
	s = screen();
	CHECK(!strstr(s, "selfpop view"));
	free(s);
	screen_stop();
}

TEST(print_writes_the_pdf_with_its_code)
{
	char dir[] = "/tmp/qdprintXXXXXX";
	CHECK(mkdtemp(dir) != NULL);
	CHECK_INT(chdir(dir), 0);
	tui_print_hook = io_tui_print;   /* as cli_io.c installs them in the program */
	tui_print_suggest_hook = io_tui_print_suggest;
	open_demo(NULL);
	script("view-pledges");
	script(":search #5");
	/* the print dialog: this pledge, every pledge of the year, everyone's checklists */
	script("print");
	char *s = screen();
	CHECK_CONTAINS(s, "责任书 #5");
	CHECK_CONTAINS(s, "本年度全部责任书");
	free(s);
	script("<Enter>");
	s = screen();
	CHECK_CONTAINS(s, "pledge-5.pdf");   /* the file name offered */
	free(s);
	script("<C-s>");
	CHECK_CONTAINS(tui_message(t), "已输出责任书 #5到 pledge-5.pdf");
	CHECK_CONTAINS(tui_message(t), "校验码：");
	CHECK_INT(access("pledge-5.pdf", F_OK), 0);
	const char *code = strstr(tui_message(t), "校验码：") + strlen("校验码：");
	char buf[32] = {0};
	str_copy(buf, code, sizeof buf);
	buf[strcspn(buf, " ")] = '\0';
	struct strbuf r = {0};
	CHECK_INT(qd_verify_code(&q, buf, &r, &err), QD_OK);
	sb_free(&r);
	/* printing again never replaces the first print: a free name beside it */
	script("print <Enter> <C-s>");
	CHECK_CONTAINS(tui_message(t), "已输出责任书 #5到 pledge-5-2.pdf");
	CHECK_INT(access("pledge-5-2.pdf", F_OK), 0);
	/* every pledge of the year in one file, each with its own pages */
	script("print <Down> <Enter> <C-s>");
	CHECK_CONTAINS(tui_message(t), "已输出本年度全部责任书到 pledges-2026.pdf");
	CHECK_INT(access("pledges-2026.pdf", F_OK), 0);
	unlink("pledge-5.pdf");
	unlink("pledge-5-2.pdf");
	unlink("pledges-2026.pdf");
	screen_stop();
	CHECK_INT(chdir("/"), 0);
	rmdir(dir);
}

TEST(narrow_screen_and_english)
{
	msg_set_english(1);
	open_demo(NULL);
	script("resize:60x15");
	script("view-pledges");
	char *s = screen();
	CHECK_CONTAINS(s, "signed 10/13");
	CHECK(!strstr(s, "sign by"));            /* the due column goes first */
	free(s);
	script(":search #2");
	char *r = row_with("   2 ");
	CHECK_CONTAINS(r, "S proxy");
	free(r);
	msg_set_english(0);
	screen_stop();
}

/* ---- the driver of tests/pledge_demo.sh ---- */

static int drive(int argc, char **argv)
{
	int day;
	if (argc < 5 || date_parse(argv[4], &day) != 0) {
		fprintf(stderr, "usage: t_pledge_tui drive DB LOGIN TODAY SCRIPT-LINE…\n");
		return 2;
	}
	date_set_today(day);
	memset(&q, 0, sizeof q);
	q.year = date_year(day);
	tt_open_as(&q, argv[2], argv[3]);   /* on a server: as that login's role */
	screen_start(110, 32);
	t = tui_new(&q, 1);
	int rc = 0;
	for (int i = 5; i < argc && !rc; i++) {
		sb_reset(&err);
		if (tui_script(t, argv[i], &err) != 0) {
			fprintf(stderr, "%s: %s\n", argv[i], err.s ? err.s : "");
			rc = 2;
		}
	}
	char *s = screen();
	printf("%s\n%s\n", tui_message(t), s);
	free(s);
	if (!rc && t->message_error)
		rc = 1;
	screen_stop();
	qd_close(&q);
	return rc;
}

int main(int argc, char **argv)
{
	text_init_locale();
	if (argc > 1 && strcmp(argv[1], "drive") == 0)
		return drive(argc, argv);
	RUN(view_lists_the_year_with_progress);
	RUN(colours_overdue_proxy_signed_void);
	RUN(paging_keeps_the_selection);
	RUN(signature_dialog_records_paper_with_proxy);
	RUN(a_signer_signs_as_themself);
	RUN(electronic_signature_on_another_day_is_refused_in_the_form);
	RUN(assess_void_reissue_archive);
	RUN(batch_add_to_the_leadership_team);
	RUN(filters_find_and_the_full_text);
	RUN(enter_enter_opens_and_closes_the_full_text);
	RUN(a_view_may_pop_itself_in_its_handler);
	RUN(print_writes_the_pdf_with_its_code);
	RUN(narrow_screen_and_english);
	return TT_END();
}
