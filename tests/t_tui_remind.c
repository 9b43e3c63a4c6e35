/* t_tui_remind.c — headless tests of the header's own count (issue 14.3):
 * "我的待办 逾期N 临期M" on the top line for a known user, the same
 * numbers `item list --person ME --overdue` / `--due-soon` give, recounted
 * when another session or the screen itself changes the data, and absent
 * for a login that is no person. */
#include <poll.h>

#include "qingdan/remind.h"
#include "t_tui_harness.h"
#include "qingdan/tui_view.h"

/* The user's items as item list sees them (the store's listing with its
 * flags): how many overdue, due soon, and one open item dated later. */
struct mine {
	struct rowsink base;
	int overdue, soon;
	long long later;
};

static void mine_header(struct rowsink *s, int n, const char *const *names)
{
	(void)s;
	(void)n;
	(void)names;
}

static void mine_row(struct rowsink *s, const char *const *v, const char *json)
{
	(void)json;
	struct mine *m = (struct mine *)s;
	m->overdue += strstr(v[10], "overdue") != NULL;
	m->soon += strstr(v[10], "due_soon") != NULL;
	int open = strcmp(v[9], "planned") == 0 || strcmp(v[9], "in_progress") == 0 ||
		   strcmp(v[9], "submitted") == 0;
	if (!m->later && open && *v[8] && !*v[10])
		m->later = atoll(v[0]);
}

static struct mine count_mine(void)
{
	struct mine m = {{mine_header, mine_row, 0}, 0, 0, 0};
	struct item_filter f = {0};
	f.year = 2026;
	f.status = -1;
	f.person_id = q.actor_id;
	f.today = t->today;
	f.soon = t->soon;
	struct strbuf e = {0};
	CHECK_INT(store_item_list(q.db, &f, &m.base, &e), QD_OK);
	sb_free(&e);
	return m;
}

static char *expected(const struct mine *m)
{
	return xasprintf("我的待办 逾期%d 临期%d", m->overdue, m->soon);
}

TEST(header_shows_own_count)
{
	start(100, 30);
	CHECK(q.actor_id != 0);
	struct mine m = count_mine();
	CHECK(m.overdue + m.soon > 0);
	char *want = expected(&m);
	CHECK_CONTAINS(row(0), want);
	CHECK_CONTAINS(row(0), "王芳（管理员）");
	CHECK_CONTAINS(row(0), "示范市政务服务管理局");
	/* the model's one query says the same */
	int o = -1, s = -1;
	CHECK_INT(qd_remind_count(&q, q.actor_id, &o, &s), QD_OK);
	CHECK_INT(o, m.overdue);
	CHECK_INT(s, m.soon);
	free(want);
	stop();
}

TEST(header_count_follows_changes)
{
	start(100, 30);
	struct mine m = count_mine();
	CHECK(m.later != 0);
	/* another session makes one of the user's later items overdue */
	struct qd other = {0};
	other.year = 2026;
	CHECK_INT(qd_open(&other, dbpath, 0, &err), QD_OK);
	struct item_fields f = ITEM_FIELDS_INIT;
	f.due = "2026-06-29";
	CHECK_INT(qd_item_set(&other, m.later, 0, &f, &err), QD_OK);
	int fd = db_wait_fd(q.db);
	if (fd >= 0) {
		struct pollfd p = {fd, POLLIN, 0};
		CHECK(poll(&p, 1, tt_ms(2000)) == 1);
	}
	tui_poll(t, 1);
	tui_draw(t);
	struct mine after = count_mine();
	CHECK_INT(after.overdue, m.overdue + 1);
	char *want = expected(&after);
	CHECK_CONTAINS(row(0), want);
	free(want);
	/* the screen's own write (tui_changed): the day moved back, one fewer */
	f.due = "2026-12-31";
	CHECK_INT(qd_item_set(&q, m.later, 0, &f, &err), QD_OK);
	tui_changed(t);
	tui_draw(t);
	after = count_mine();
	CHECK_INT(after.overdue, m.overdue);
	want = expected(&after);
	CHECK_CONTAINS(row(0), want);
	free(want);
	qd_close(&other);
	stop();
}

TEST(header_narrow_keeps_name_and_date)
{
	start(80, 24);
	CHECK_CONTAINS(row(0), "我的待办");
	CHECK_CONTAINS(row(0), "王芳（管理员）  2026-06-30");
	CHECK_CONTAINS(row(0), "qingdan  2026年度");
	stop();
	start(60, 24);
	CHECK(strstr(row(0), "我的待办") == NULL);   /* no room: the name and date win */
	CHECK_CONTAINS(row(0), "2026-06-30");
	stop();
}

TEST(header_no_count_for_unknown_user)
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
	CHECK(strstr(row(0), "我的待办") == NULL);
	stop();
}

int main(void)
{
	RUN(header_shows_own_count);
	RUN(header_count_follows_changes);
	RUN(header_narrow_keeps_name_and_date);
	RUN(header_no_count_for_unknown_user);
	return TT_END();
}
