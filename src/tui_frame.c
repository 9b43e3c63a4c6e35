/* tui_frame.c — drawing the whole screen from state: the header, the tab
 * bar, the shown view's body, the key line (from the action table), the
 * status line, the modals on top, and the "terminal too small" notice.
 *
 *   row 0          qingdan  2026年度  unit  我的待办 逾期2 临期3  王芳（管理员）  2026-06-30
 *   row 1          [1 党组] [2 机关党委] [3 第一党支部﹀] [4 人员] [5 责任书] [6 统计]
 *   rows 2..L-3    the view
 *   row L-2        F1帮助 a新增 e编辑 …                     共57项 逾期3 完成60%
 *   row L-1        the message, a prompt, or the filters in force
 *
 * Below 60×15 only the notice is drawn (whatever the size, down to 1×1);
 * keys still work, so q quits and the screen comes back when it grows. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "qingdan/db.h"
#include "qingdan/remind.h"
#include "qingdan/text.h"
#include "qingdan/tui_view.h"

void tui_mine_count(struct tui *t)
{
	t->mine_known = t->q->actor_id &&
			qd_remind_count(t->q, t->q->actor_id, &t->mine_overdue, &t->mine_soon) == QD_OK;
}

static void header(struct tui *t)
{
	struct qd *q = t->q;
	attr_t a = tui_attr(t, TS_HEADER);
	tui_fill(0, 0, t->cols, a);
	char year[32];
	snprintf(year, sizeof year, msg(M_TUI_YEAR_LABEL), q->year);
	char *left = xasprintf(" qingdan  %s  %s", year, t->unit ? t->unit : "");
	const char *role = db_readonly(q->db) ? msg(M_TUI_ROLE_READONLY_FILE)
			   : q->actor_admin ? msg(M_TUI_ROLE_ADMIN)
			   : !q->actor_id ? msg(M_TUI_ROLE_UNKNOWN) : NULL;
	char *right = role ? xasprintf("%s（%s）  %s ", q->actor_name, role, t->today)
			   : xasprintf("%s  %s ", q->actor_name, t->today);
	int rw = text_width(right);
	if (rw > t->cols / 2)
		rw = t->cols / 2;
	/* the user's own count stands left of their name, taking the unit
	 * name's room first; " qingdan  2026年度" always stays */
	char mine[64] = "";
	if (t->mine_known)
		snprintf(mine, sizeof mine, msg(M_RM_TUI_MINE), t->mine_overdue, t->mine_soon);
	int mw = *mine ? text_width(mine) + 2 : 0;
	if (mw && t->cols - rw - mw < 20)
		mw = 0;
	tui_put(0, 0, t->cols - rw - mw, left, a);
	if (mw)
		tui_put(0, t->cols - rw - mw, mw - 2, mine,
			tui_attr(t, t->mine_overdue ? TS_OVERDUE : t->mine_soon ? TS_DUE_SOON : TS_HEADER));
	tui_put_right(0, t->cols - rw, rw, right, a);
	free(left);
	free(right);
}

static char *tab_label(struct tui *t, int i, int name_cols)
{
	const char *name;
	const struct org *o;
	switch (i) {
	case 0: o = tui_org(t, t->party_org); name = o ? o->name : msg(M_LV_PARTY_GROUP); break;
	case 1: o = tui_org(t, t->committee_org); name = o ? o->name : msg(M_LV_ORGAN_COMMITTEE); break;
	case 2: o = tui_org(t, t->branch_org); name = o ? o->name : msg(M_LV_BRANCH); break;
	case 3: name = msg(M_TUI_TAB_PEOPLE); break;
	case 4: name = msg(M_TUI_TAB_PLEDGES); break;
	case 5: name = msg(M_TUI_TAB_STATS); break;
	case 6: name = msg(M_MTT_TAB); break;
	default: name = msg(M_PBT_TAB); break;
	}
	char *fit = text_fit(name, name_cols, 1);
	size_t n = strlen(fit);
	while (n && fit[n - 1] == ' ')
		fit[--n] = '\0';
	char *label = xasprintf("[%d %s%s]", i + 1, fit, i == 2 ? "﹀" : "");
	free(fit);
	return label;
}

static void tabs(struct tui *t)
{
	char *labels[TUI_TABS];
	int width = 0;
	/* the branch's (often long) name gives way first, then every name */
	int branch_cols = 24, other_cols = 12;
	for (;;) {
		width = 0;
		for (int i = 0; i < TUI_TABS; i++) {
			labels[i] = tab_label(t, i, i == 2 ? branch_cols : other_cols);
			width += text_width(labels[i]) + 1;
		}
		if (width <= t->cols || (branch_cols <= 2 && other_cols <= 2))
			break;
		for (int i = 0; i < TUI_TABS; i++)
			free(labels[i]);
		if (branch_cols > 6)
			branch_cols--;
		else if (other_cols > 2)
			other_cols--;
		else
			branch_cols--;
	}
	int x = 0;
	tui_fill(1, 0, t->cols, tui_attr(t, TS_TAB));
	for (int i = 0; i < TUI_TABS; i++) {
		int w = text_width(labels[i]);
		t->tab_x0[i] = x;
		t->tab_x1[i] = x + w;
		tui_put(1, x, w, labels[i], tui_attr(t, i == t->tab ? TS_TAB_ON : TS_TAB));
		x += w + 1;
		free(labels[i]);
	}
}

static void key_line(struct tui *t, struct tui_view *v, int y)
{
	struct strbuf sum = {0};
	if (v->ops->summary)
		v->ops->summary(t, v->st, &sum);
	int sw = sum.s ? text_width(sum.s) : 0;
	if (sw > t->cols / 2)
		sw = t->cols / 2;
	int x = 0, room = t->cols - sw - 1;
	for (int a = 0; a < TA__COUNT; a++) {
		const char *hint = tui_action_hint((enum tui_action)a);
		if (!hint)
			continue;
		char key[24];
		tui_key_label(tui_action_key((enum tui_action)a), key, sizeof key);
		int kw = text_width(key), hw = text_width(hint);
		if (x + kw + hw > room)
			break;
		tui_put(y, x, kw, key, tui_attr(t, TS_KEY));
		tui_put(y, x + kw, hw, hint, tui_attr(t, TS_KEYS));
		x += kw + hw + 1;
	}
	if (sw > 0)
		tui_put_right(y, t->cols - sw, sw, sum.s, tui_attr(t, TS_KEYS));
	sb_free(&sum);
}

static void status_line(struct tui *t, struct tui_view *v, int y)
{
	if (t->message && *t->message) {
		tui_put(y, 0, t->cols, t->message,
			tui_attr(t, t->message_error ? TS_ERROR : TS_INFO));
		return;
	}
	struct strbuf b = {0};
	if (v->ops->status)
		v->ops->status(t, v->st, &b);
	tui_put(y, 0, t->cols, b.s ? b.s : "", tui_attr(t, TS_DIM));
	sb_free(&b);
}

static void too_small(struct tui *t)
{
	char *text = xasprintf(msg(M_TUI_TOO_SMALL), TUI_MIN_COLS, TUI_MIN_LINES, t->cols, t->lines);
	if (t->cols >= 2) {
		char **lines;
		int n = text_wrap(text, t->cols, &lines);
		for (int i = 0; i < n && i < t->lines; i++)
			tui_put(i, 0, t->cols, lines[i], tui_attr(t, TS_ERROR));
		text_lines_free(lines, n);
	} else {
		tui_put(0, 0, 1, "!", tui_attr(t, TS_ERROR));
	}
	free(text);
}

static void draw_modals(struct tui *t, struct tui_modal *m)
{
	if (!m)
		return;
	draw_modals(t, m->below);
	m->ops->draw(t, m);
}

void tui_draw_message(struct tui *t)
{
	if (t->lines < TUI_MIN_LINES || t->cols < TUI_MIN_COLS || !t->message)
		return;
	tui_put(t->lines - (tui_prompt_shown(t) ? 2 : 1), 0, t->cols, t->message,
		tui_attr(t, t->message_error ? TS_ERROR : TS_INFO));
	if (t->cur_y >= 0)
		move(t->cur_y, t->cur_x);
	wnoutrefresh(stdscr);
	doupdate();
}

void tui_draw(struct tui *t)
{
	getmaxyx(stdscr, t->lines, t->cols);
	erase();
	t->cur_y = t->cur_x = -1;
	if (t->lines < TUI_MIN_LINES || t->cols < TUI_MIN_COLS) {
		too_small(t);
	} else {
		struct tui_view *v = tui_shown(t);
		header(t);
		tabs(t);
		t->body_y = 2;
		t->body_h = t->lines - 4;
		v->ops->draw(t, v->st, t->body_y, t->body_h);
		key_line(t, v, t->lines - 2);
		status_line(t, v, t->lines - 1);
		draw_modals(t, t->modal);
	}
	if (t->cur_y >= 0) {
		curs_set(1);
		move(t->cur_y, t->cur_x);
	} else {
		curs_set(0);
		move(t->lines - 1, 0);
	}
	wnoutrefresh(stdscr);
	doupdate();
	if (t->trace_fd >= 0) {
		struct timespec ts;
		clock_gettime(CLOCK_MONOTONIC, &ts);
		dprintf(t->trace_fd, "paint %lld\n", (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec);
	}
}
