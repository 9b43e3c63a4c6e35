/* t_tui_live.c — headless tests of the screen with a file that others use:
 * live reload when another connection commits (selection kept by id),
 * a stale edit refused with the other change shown and the input kept,
 * read-only files and read-only users, and data text that must never
 * reach the terminal raw. */
#include <poll.h>
#include <time.h>

#include "qingdan/db.h"
#include "t_tui_harness.h"
#include "qingdan/tui_view.h"

/* A second session on the same file: another process, as far as SQLite
 * and PRAGMA data_version are concerned. */
static struct qd other;

static void open_other(void)
{
	memset(&other, 0, sizeof other);
	other.year = 2026;
	if (qd_open(&other, dbpath, 0, &err) != QD_OK)
		abort();
}

/* On a server the other session's commit is announced by NOTIFY, which
 * arrives a moment later: wait for it as the screen's loop does (poll() on
 * db_wait_fd), up to two seconds — the bar of issue 9 §4.  Nothing to wait
 * for on a file (data_version is exact at once). */
static void await_change(void)
{
	int fd = db_wait_fd(q.db);
	if (fd >= 0) {
		struct pollfd p = {fd, POLLIN, 0};
		CHECK(poll(&p, 1, tt_ms(2000)) == 1);
	}
}

static void set_content(long long id, const char *content)
{
	struct item_fields f = ITEM_FIELDS_INIT;
	struct strbuf e = {0};
	f.content = content;
	CHECK_INT(qd_item_set(&other, id, 0, &f, &e), QD_OK);
	sb_free(&e);
}

TEST(live_reload_keeps_selection)
{
	start(100, 30);
	open_other();
	RUN_SCRIPT("down down");
	CHECK_INT(tui_selected_item(t), 3);
	set_content(3, "另一个会话改写的内容");
	/* less than a second since the last poll: nothing yet (the poll is
	 * dated now, so a slow machine cannot make this a real poll) */
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	t->last_poll_ms = (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
	tui_poll(t, 0);
	CHECK(strstr(screen(), "另一个会话改写的内容") == NULL);
	await_change();
	RUN_SCRIPT("poll");
	CHECK_CONTAINS(tui_message(t), "其他用户修改了数据，已刷新");
	CHECK_CONTAINS(row(5), ">    3 政治建设 另一个会话改写的内容");
	CHECK_CONTAINS(screen(), "-- 详情 #3");
	CHECK_INT(tui_selected_item(t), 3);
	/* the selected item goes away: its neighbour takes its place */
	struct strbuf e = {0};
	CHECK_INT(qd_item_delete(&other, 3, &e), QD_OK);
	sb_free(&e);
	await_change();
	RUN_SCRIPT("poll");
	CHECK_INT(tui_selected_item(t), 4);
	CHECK_CONTAINS(row(28), "共17项");
	/* other views reload when shown */
	struct item_fields f = ITEM_FIELDS_INIT;
	long long id;
	e = (struct strbuf){0};
	f.content = "另一个会话新增";
	f.owner_id = 8;   /* 王芳 */
	CHECK_INT(qd_item_add(&other, 2, &f, &id, &e), QD_OK);
	sb_free(&e);
	await_change();
	RUN_SCRIPT("poll 2 end");
	CHECK_CONTAINS(screen(), "另一个会话新增");
	RUN_SCRIPT("4 / \"王芳\" <Enter>");
	CHECK_CONTAINS(row(3), "8      1      1");
	qd_close(&other);
	stop();
}

TEST(stale_edit_keeps_input)
{
	start(100, 30);
	open_other();
	RUN_SCRIPT("down down e <Tab> <End> \"（我的补充）\"");
	set_content(3, "别人先改了这一项");
	long long before = audit_head();
	RUN_SCRIPT("<C-s>");
	CHECK_CONTAINS(tui_message(t), "已被他人修改");
	CHECK_CONTAINS(tui_message(t), "别人先改了这一项");
	CHECK_INT(audit_head(), before);
	CHECK_CONTAINS(screen(), "编辑事项 #3");          /* the form stays */
	CHECK_CONTAINS(screen(), "（我的补充）");
	CHECK_CONTAINS(screen(), "已被他人修改");         /* shown inside it too */
	RUN_SCRIPT("<C-s>");
	CHECK_CONTAINS(tui_message(t), "已保存事项 #3");
	struct item it = {0};
	qd_get_item(&q, 3, &it, NULL);
	CHECK_CONTAINS(it.content, "（我的补充）");
	item_clear(&it);
	qd_close(&other);
	stop();
}

TEST(stale_move_refused)
{
	start(100, 30);
	open_other();
	long long before = audit_head();
	set_content(1, "先改一下");
	before = audit_head();
	RUN_SCRIPT(":status submitted");
	CHECK_CONTAINS(tui_message(t), "已被他人修改");
	CHECK_INT(audit_head(), before);
	CHECK_CONTAINS(row(3), "先改一下");                /* the list shows the change */
	RUN_SCRIPT(":status submitted");
	CHECK_CONTAINS(tui_message(t), "已改为“待审核”");
	qd_close(&other);
	stop();
}

TEST(read_only_file)
{
	start_with(100, 30, DB_READONLY);
	CHECK_CONTAINS(row(0), "王芳（只读）");
	CHECK_CONTAINS(tui_message(t), "只读：数据库文件不可写");
	const char *keys[] = {"a", "e", "d", "o", "s", "n", ":status done", ":note x"};
	for (size_t i = 0; i < ARRAY_SIZE(keys); i++) {
		RUN_SCRIPT(keys[i]);
		CHECK_CONTAINS(tui_message(t), "数据库只读，不能修改");
		CHECK(strstr(screen(), "+-") == NULL);        /* no form or picker opened */
	}
	RUN_SCRIPT("2 down / \"党费\" <Enter> F 3 4 open back 6 sort 5 help back");
	CHECK(!tui_done(t));
	stop();
}

TEST(read_only_user)
{
	setup_env();
	make_db();
	memset(&q, 0, sizeof q);
	q.year = 2026;
	tt_open_as(&q, dbpath, "nobody-here");
	set_term(newterm("xterm-256color", fopen("/dev/null", "w"), fopen("/dev/null", "r")));
	resizeterm(30, 100);
	t = tui_new(&q, 1);
	tui_draw(t);
	CHECK_CONTAINS(row(0), "nobody-here（未登记，只读）");
	long long before = audit_head();
	RUN_SCRIPT("e");
	CHECK_CONTAINS(tui_message(t), "只有管理员可以新增或修改事项（当前用户 nobody-here）");
	RUN_SCRIPT(":status submitted");
	CHECK_CONTAINS(tui_message(t), "只有该事项的责任人、牵头领导或管理员");
	RUN_SCRIPT("s");                          /* no move open: no menu, the model's reason */
	CHECK_CONTAINS(tui_message(t), "没有你可以做的状态变更");
	CHECK_CONTAINS(tui_message(t), "只有");
	CHECK_INT(audit_head(), before);
	stop();
}

TEST(control_characters_never_raw)
{
	start(100, 30);
	struct item_fields f = ITEM_FIELDS_INIT;
	long long id;
	f.content = "坏\x1b[31m字\x07尾";
	f.category = "类\t别";
	CHECK_INT(qd_item_add(&q, 1, &f, &id, &err), QD_OK);
	struct person_fields pf = PERSON_FIELDS_INIT;
	long long pid;
	pf.name = "张\x01三";
	pf.active = 1;
	CHECK_INT(qd_person_add(&q, &pf, &pid, &err), QD_OK);
	struct item_fields g = ITEM_FIELDS_INIT;
	g.owner_id = pid;
	CHECK_INT(qd_item_set(&q, id, 0, &g, &err), QD_OK);
	RUN_SCRIPT("reload end");
	const char *s = screen();
	CHECK_CONTAINS(s, "坏\xef\xbf\xbd[31m字\xef\xbf\xbd尾");
	CHECK_CONTAINS(s, "类\xef\xbf\xbd别");
	CHECK_CONTAINS(s, "张三");   /* names drop control characters when stored (norm.h) */
	CHECK(strchr(s, 0x1b) == NULL && strchr(s, 0x07) == NULL && strchr(s, '\t') == NULL);
	RUN_SCRIPT("open");
	CHECK_CONTAINS(screen(), "坏\xef\xbf\xbd[31m字");
	CHECK(strchr(screen(), 0x1b) == NULL);
	/* the editor keeps the bytes (so saving does not change them) but
	 * shows them as U+FFFD */
	RUN_SCRIPT("back e");
	CHECK_CONTAINS(screen(), "坏\xef\xbf\xbd[31m字");
	RUN_SCRIPT("<C-s>");
	struct item it = {0};
	qd_get_item(&q, id, &it, NULL);
	CHECK_STR(it.content, "坏\x1b[31m字\x07尾");
	item_clear(&it);
	stop();
}

int main(void)
{
	RUN(live_reload_keeps_selection);
	RUN(stale_edit_keeps_input);
	RUN(stale_move_refused);
	RUN(read_only_file);
	RUN(read_only_user);
	RUN(control_characters_never_raw);
	return TT_END();
}
