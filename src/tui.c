/* tui.c — the interactive screen's session: terminal set-up and the main
 * loop, events (keys, mouse, resize), the tabs and the view stack, the
 * global actions, and live reload.  Start reading at tui_run().
 *
 * One loop, one thread: wait for a key at most until the next poll (about
 * once a second, PRAGMA data_version tells whether another process
 * committed; on PostgreSQL the server's NOTIFY wakes the loop at once); hand the key to the modal on top, else to the shown view,
 * else to global(); then draw everything from state (tui_frame.c).  Esc is
 * a key of its own after 25 ms (set_escdelay), so it answers well inside
 * 50 ms.  Writes never happen here: views call the model and then
 * tui_changed(), which reloads what is shown and marks the rest stale. */
#include "qingdan/tui.h"

#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "qingdan/date.h"
#include "qingdan/db.h"
#include "qingdan/store_page.h"
#include "qingdan/tui_view.h"

enum qd_status (*tui_print_hook)(const struct tui_print_request *r, struct strbuf *msg);
char *(*tui_print_suggest_hook)(const struct tui_print_request *r, int *lp);

/* What each tab shows.  The list tabs take their org when opened. */
static const struct tui_view_ops *const tab_ops[TUI_TABS] = {
	&tui_list_ops, &tui_list_ops, &tui_list_ops, &tui_people_ops, &tui_pledge_ops, &tui_stats_ops,
	&tui_meeting_ops, &tui_problem_ops,
};

static long long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* ---- messages ---- */

static void set_message(struct tui *t, char *text, int error)
{
	free(t->message);
	t->message = text;
	t->message_error = error;
}

void tui_say(struct tui *t, const char *fmt, ...)
{
	struct strbuf b = {0};
	va_list ap;
	va_start(ap, fmt);
	sb_vprintf(&b, fmt, ap);
	va_end(ap);
	set_message(t, sb_take(&b), 0);
}

void tui_error_text(struct tui *t, const char *text)
{
	set_message(t, xstrdup(text ? text : ""), 1);
}

void tui_error(struct tui *t, const struct strbuf *err)
{
	tui_error_text(t, err && err->s ? err->s : "");
}

const char *tui_message(const struct tui *t)
{
	return t->message ? t->message : "";
}

int tui_done(const struct tui *t)
{
	return t->quit;
}

int tui_refuse_readonly(struct tui *t)
{
	if (!db_readonly(t->q->db))
		return 0;
	tui_error_text(t, msg(M_READONLY));
	return 1;
}

/* ---- orgs ---- */

const struct org *tui_org(const struct tui *t, long long id)
{
	for (int i = 0; i < t->norgs; i++)
		if (t->orgs[i].id == id)
			return &t->orgs[i];
	return NULL;
}

static void load_orgs(struct tui *t)
{
	store_page_orgs_free(t->orgs, t->norgs);
	t->orgs = NULL;
	t->norgs = 0;
	store_page_orgs(t->q->db, &t->orgs, &t->norgs);
	long long party = 0, committee = 0, first_branch = 0;
	for (int i = 0; i < t->norgs; i++) {
		const char *lv = t->orgs[i].level;
		if (!party && str_eq(lv, "party-group"))
			party = t->orgs[i].id;
		if (!committee && str_eq(lv, "organ-committee"))
			committee = t->orgs[i].id;
		if (!first_branch && str_eq(lv, "branch"))
			first_branch = t->orgs[i].id;
	}
	t->party_org = party;
	t->committee_org = committee;
	const struct org *b = tui_org(t, t->branch_org);
	if (!b || !str_eq(b->level, "branch")) {
		/* the user's own branch, else the first */
		struct person me = {0};
		t->branch_org = first_branch;
		if (t->q->actor_id && qd_get_person(t->q, t->q->actor_id, &me) == QD_OK) {
			const struct org *mine = tui_org(t, me.org_id);
			if (mine && str_eq(mine->level, "branch"))
				t->branch_org = mine->id;
		}
		person_clear(&me);
	}
	t->tabs[0].arg = t->party_org;
	t->tabs[1].arg = t->committee_org;
	t->tabs[2].arg = t->branch_org;
}

static void set_dates(struct tui *t)
{
	free(t->unit);
	t->unit = qd_setting(t->q, "unit_name");
	int today = date_today();
	date_format(today, t->today);
	date_format(today + t->q->due_soon_days, t->soon);
}

/* ---- views ---- */

/* Retire a view: off the screen now, closed when the event ends (its
 * handler may still be running: a view popping itself from act()). */
static void view_close(struct tui *t, struct tui_view *v)
{
	if (v->st && v->ops && v->ops->close) {
		if (t->nretired == t->retired_cap) {
			t->retired_cap = t->retired_cap ? 2 * t->retired_cap : 8;
			t->retired = xrealloc(t->retired, (size_t)t->retired_cap * sizeof *t->retired);
		}
		t->retired[t->nretired++] = *v;
	}
	v->st = NULL;
}

static void retired_close(struct tui *t)
{
	for (int i = 0; i < t->nretired; i++)
		t->retired[i].ops->close(t->retired[i].st);
	t->nretired = 0;
}

/* Every entry point that runs handlers (a key, an action, the mouse, a
 * resize, a poll) is bracketed by these; the outermost end closes what was
 * retired. */
static void event_begin(struct tui *t)
{
	t->busy++;
}

static void event_end(struct tui *t)
{
	if (--t->busy == 0)
		retired_close(t);
}

static void view_ensure(struct tui *t, struct tui_view *v)
{
	if (!v->st) {
		v->st = v->ops->open(t, v->arg);
		v->stale = 0;
	} else if (v->stale) {
		v->stale = 0;
		if (v->ops->reload)
			v->ops->reload(t, v->st);
	}
}

struct tui_view *tui_shown(struct tui *t)
{
	struct tui_view *v = t->depth ? &t->stack[t->depth - 1] : &t->tabs[t->tab];
	view_ensure(t, v);
	return v;
}

int tui_push_view(struct tui *t, const struct tui_view_ops *ops, long long arg)
{
	if (t->depth >= TUI_STACK)
		tui_pop_view(t);
	struct tui_view *v = &t->stack[t->depth];
	memset(v, 0, sizeof *v);
	v->ops = ops;
	v->arg = arg;
	v->st = ops->open(t, arg);
	if (!v->st)
		return -1;
	t->depth++;
	return 0;
}

void tui_pop_view(struct tui *t)
{
	if (t->depth == 0)
		return;
	view_close(t, &t->stack[--t->depth]);
}

static void set_tab(struct tui *t, int tab)
{
	while (t->depth)
		tui_pop_view(t);
	t->tab = (tab % TUI_TABS + TUI_TABS) % TUI_TABS;
	tui_shown(t);
}

void tui_changed(struct tui *t)
{
	for (int i = 0; i < TUI_TABS; i++)
		t->tabs[i].stale = 1;
	for (int i = 0; i < t->depth; i++)
		t->stack[i].stale = 1;
	tui_mine_count(t);
	tui_shown(t);
}

static void branch_chosen(struct tui *t, void *ctx, long long id, const char *label)
{
	(void)ctx;
	(void)label;
	t->branch_org = id;
	t->tabs[2].arg = id;
	view_close(t, &t->tabs[2]);
	set_tab(t, 2);
}

/* ---- live reload ---- */

void tui_poll(struct tui *t, int force)
{
	long long now = now_ms();
	if (!force && now - t->last_poll_ms < 1000)
		return;
	t->last_poll_ms = now;
	long long v = db_data_version(t->q->db);
	if (v == t->data_version)
		return;
	event_begin(t);
	t->data_version = v;
	qd_refresh_actor(t->q);
	set_dates(t);
	load_orgs(t);
	tui_changed(t);
	if (!t->modal)
		tui_say(t, "%s", msg(M_TUI_RELOADED));
	event_end(t);
}

/* The next key within wait_ms (ERR when none came), or DB_ANNOUNCED as
 * soon as the server announces another session's change (db_wait_fd):
 * a change on another PC shows at once, not at the next timer poll.
 * Keys ncurses has buffered are taken first, so poll() never sleeps on
 * input that already arrived. */
enum { DB_ANNOUNCED = -2 };
static int next_key(struct tui *t, int wait_ms, wint_t *wch)
{
	int fd = db_wait_fd(t->q->db);
	if (fd < 0 || now_ms() < t->quiet_until_ms) {
		wtimeout(stdscr, wait_ms);
		return wget_wch(stdscr, wch);
	}
	wtimeout(stdscr, 0);
	int rc = wget_wch(stdscr, wch);
	if (rc != ERR)
		return rc;
	struct pollfd p[2] = {{STDIN_FILENO, POLLIN, 0}, {fd, POLLIN, 0}};
	if (poll(p, 2, wait_ms) <= 0)
		return ERR;
	if (p[1].revents) {
		/* readable but nothing new (a lost connection reads as EOF):
		 * back to the timer for a second instead of spinning */
		long long before = db_data_version(t->q->db);
		if (before == t->data_version)
			t->quiet_until_ms = now_ms() + 1000;
		return DB_ANNOUNCED;
	}
	return wget_wch(stdscr, wch);
}

/* ---- global actions ---- */

static int year_done(struct tui *t, void *ctx, const char *text)
{
	(void)ctx;
	long long y;
	if (parse_id(text, &y) != 0 || text[0] == '#' || y < 1900 || y > 2999) {
		set_message(t, xasprintf(msg(M_BAD_YEAR), text), 1);
		return 0;
	}
	t->q->year = (int)y;
	tui_changed(t);
	tui_say(t, msg(M_TUI_YEAR_SET), (int)y);
	return 1;
}

static void global(struct tui *t, enum tui_action a, const char *arg)
{
	switch (a) {
	case TA_NEXT_VIEW: set_tab(t, t->tab + 1); break;
	case TA_PREV_VIEW: set_tab(t, t->tab - 1); break;
	case TA_VIEW_PARTY: set_tab(t, 0); break;
	case TA_VIEW_COMMITTEE: set_tab(t, 1); break;
	case TA_VIEW_BRANCH:
		if (t->tab == 2 && t->depth == 0) {
			struct tui_pick_cb cb = {branch_chosen, NULL, NULL};
			tui_pick_branch(t, &cb);
		} else {
			set_tab(t, 2);
		}
		break;
	case TA_BRANCH: {
		if (arg && *arg) {
			long long id;
			struct strbuf err = {0};
			if (qd_find_org(t->q, arg, &id, &err) == QD_OK && tui_org(t, id) &&
			    str_eq(tui_org(t, id)->level, "branch"))
				branch_chosen(t, NULL, id, arg);
			else
				set_message(t, err.len ? sb_take(&err) : xasprintf(msg(M_ORG_NOT_FOUND), arg), 1);
			sb_free(&err);
			break;
		}
		struct tui_pick_cb cb = {branch_chosen, NULL, NULL};
		tui_pick_branch(t, &cb);
		break;
	}
	case TA_VIEW_PEOPLE: set_tab(t, 3); break;
	case TA_VIEW_PLEDGES: set_tab(t, 4); break;
	case TA_VIEW_STATS: set_tab(t, 5); break;
	case TA_VIEW_MEETINGS: set_tab(t, 6); break;
	case TA_VIEW_PROBLEMS: set_tab(t, 7); break;
	case TA_HELP: tui_push_view(t, &tui_help_ops, 0); break;
	case TA_BACK:
		if (t->depth)
			tui_pop_view(t);
		break;
	case TA_QUIT:
		if (t->depth)
			tui_pop_view(t);
		else
			t->quit = 1;
		break;
	case TA_YEAR: {
		if (arg && *arg) {
			year_done(t, NULL, arg);
			break;
		}
		char now[8];
		snprintf(now, sizeof now, "%d", t->q->year);
		struct tui_prompt_cb cb = {year_done, NULL, NULL, NULL, NULL};
		tui_prompt(t, msg(M_TUI_PROMPT_YEAR), now, &cb);
		break;
	}
	case TA_PROMPT: tui_command_prompt(t, arg); break;
	case TA_RELOAD:
		qd_refresh_actor(t->q);
		load_orgs(t);
		tui_changed(t);
		tui_say(t, "%s", msg(M_TUI_RELOADED_BY_USER));
		break;
	case TA_REDRAW: clearok(curscr, TRUE); break;
	case TA_PRINT: tui_print_open(t); break;
	default:
		set_message(t, xasprintf(msg(M_TUI_NOT_HERE), tui_action_name(a)), 1);
		break;
	}
}

void tui_do(struct tui *t, enum tui_action a, const char *arg)
{
	if (a < 0 || a >= TA__COUNT)
		return;
	if (t->modal) {
		int key = tui_action_key(a);
		if (key)
			tui_key(t, key);
		return;
	}
	event_begin(t);
	struct tui_view *v = tui_shown(t);
	if (!v->ops->act || v->ops->act(t, v->st, a, arg) != TUI_DONE)
		global(t, a, arg);
	event_end(t);
}

void tui_command(struct tui *t, const char *line)
{
	while (*line == ' ' || *line == ':')
		line++;
	const char *sp = strchr(line, ' ');
	char *name = sp ? xstrndup(line, (size_t)(sp - line)) : xstrdup(line);
	const char *arg = sp ? sp + 1 : NULL;
	while (arg && *arg == ' ')
		arg++;
	enum tui_action a = tui_action_by_name(name);
	if (!*name) {
		/* nothing */
	} else if (a == TA__NONE) {
		set_message(t, xasprintf(msg(M_TUI_UNKNOWN_ACTION), name), 1);
	} else {
		tui_do(t, a, arg && *arg ? arg : NULL);
	}
	free(name);
}

/* ---- events ---- */

static void handle_key(struct tui *t, int key)
{
	if (t->modal) {
		struct tui_modal *m = t->modal;
		if (m->ops->key(t, m, key)) {
			/* it may have taken itself off already (to run a callback) */
			struct tui_modal **pp = &t->modal;
			while (*pp && *pp != m)
				pp = &(*pp)->below;
			if (*pp)
				*pp = m->below;
			m->ops->free(m);
		}
		return;
	}
	enum tui_action a = tui_action_for_key(key);
	if (a != TA__NONE)
		tui_do(t, a, NULL);
}

void tui_press(struct tui *t, enum tui_action a, const char *arg)
{
	event_begin(t);
	if (!t->modal)
		set_message(t, NULL, 0);
	tui_do(t, a, arg);
	tui_draw(t);
	event_end(t);
}

void tui_key(struct tui *t, int key)
{
	event_begin(t);
	key = tui_key_normalize(key);
	if (!t->modal)
		set_message(t, NULL, 0);
	handle_key(t, key);
	tui_draw(t);
	event_end(t);
}

void tui_resize(struct tui *t, int lines, int cols)
{
	if (lines < 1)
		lines = 1;
	if (cols < 1)
		cols = 1;
	event_begin(t);
	if (t->headless)
		resizeterm(lines, cols);
	t->lines = LINES;
	t->cols = COLS;
	tui_changed(t);
	tui_draw(t);
	event_end(t);
}

void tui_mouse(struct tui *t, int y, int x, int wheel)
{
	if (t->modal || t->lines < TUI_MIN_LINES || t->cols < TUI_MIN_COLS)
		return;
	event_begin(t);
	if (y == 1 && !wheel) {
		for (int i = 0; i < TUI_TABS; i++)
			if (x >= t->tab_x0[i] && x < t->tab_x1[i]) {
				global(t, i == 0 ? TA_VIEW_PARTY : i == 1 ? TA_VIEW_COMMITTEE
					  : i == 2 ? TA_VIEW_BRANCH : i == 3 ? TA_VIEW_PEOPLE
					  : i == 4 ? TA_VIEW_PLEDGES : i == 5 ? TA_VIEW_STATS
					  : i == 6 ? TA_VIEW_MEETINGS : TA_VIEW_PROBLEMS, NULL);
				break;
			}
	} else {
		struct tui_view *v = tui_shown(t);
		int row = y - t->body_y;
		if (v->ops->mouse && (wheel || (row >= 0 && row < t->body_h)))
			v->ops->mouse(t, v->st, row, x, wheel);
	}
	tui_draw(t);
	event_end(t);
}

long long tui_selected_item(struct tui *t)
{
	struct tui_view *v = tui_shown(t);
	return v->ops->selected ? v->ops->selected(t, v->st) : 0;
}

/* ---- session ---- */

/* A busy file (db.h): the wait on the status line, redrawn each second;
 * the model call's own message replaces it when the wait is over. */
static void on_busy(void *ctx, int seconds, const char *holder)
{
	struct tui *t = ctx;
	if (seconds < 0) {
		if (t->busy_shown)
			set_message(t, NULL, 0);
		t->busy_shown = 0;
		return;
	}
	char *line = db_busy_text(seconds, holder);
	tui_say(t, "%s", line);
	free(line);
	t->busy_shown = 1;
	tui_draw_message(t);
}

struct tui *tui_new(struct qd *q, int headless)
{
	struct tui *t = xcalloc(1, sizeof *t);
	t->q = q;
	t->headless = headless;
	t->cur_y = -1;
	t->trace_fd = -1;
	const char *trace = getenv("QINGDAN_TUI_TRACE");
	if (trace && *trace)
		t->trace_fd = atoi(trace);
	getmaxyx(stdscr, t->lines, t->cols);
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	tui_draw_init(t);
	set_dates(t);
	for (int i = 0; i < TUI_TABS; i++)
		t->tabs[i].ops = tab_ops[i];
	load_orgs(t);
	tui_mine_count(t);
	t->data_version = db_data_version(q->db);
	t->last_poll_ms = now_ms();
	db_busy_hook(q->db, on_busy, t);
	if (db_readonly(q->db))
		tui_say(t, "%s", msg(M_TUI_READONLY_FILE));
	else if (!qd_may_edit_items(q) && q->enforced)
		tui_say(t, msg(M_TUI_READONLY_USER), q->actor_name);
	tui_shown(t);
	return t;
}

void tui_free(struct tui **pt)
{
	struct tui *t = *pt;
	if (!t)
		return;
	db_busy_hook(t->q->db, NULL, NULL);
	tui_modals_free(t);
	while (t->depth)
		tui_pop_view(t);
	for (int i = 0; i < TUI_TABS; i++)
		view_close(t, &t->tabs[i]);
	retired_close(t);
	free(t->retired);
	store_page_orgs_free(t->orgs, t->norgs);
	free(t->message);
	free(t->unit);
	free(t);
	*pt = NULL;
}

/* ---- the real terminal ---- */

static volatile sig_atomic_t got_signal;
static int curses_on;

static void on_signal(int sig)
{
	got_signal = sig;
}

static void restore_terminal(void)
{
	if (curses_on && !isendwin())
		endwin();
	curses_on = 0;
}

static SCREEN *open_terminal(void)
{
	SCREEN *s = newterm(NULL, stdout, stdin);
	if (!s) {
		/* TERM unset or unknown: the common denominators */
		static const char *const fallback[] = {"xterm-256color", "xterm", "vt100"};
		for (size_t i = 0; !s && i < ARRAY_SIZE(fallback); i++)
			s = newterm(fallback[i], stdout, stdin);
	}
	return s;
}

int tui_run(struct qd *q)
{
	SCREEN *screen = open_terminal();
	if (!screen) {
		fprintf(stderr, "qingdan: %s\n", msg(M_TUI_NO_TERM));
		return 1;
	}
	curses_on = 1;
	set_die_hook(restore_terminal);
	set_escdelay(25);
	raw();
	intrflush(stdscr, FALSE);
	mousemask(BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
	mouseinterval(0);
	struct sigaction sa, old_term, old_hup, old_int;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, &old_term);
	sigaction(SIGHUP, &sa, &old_hup);
	sigaction(SIGINT, &sa, &old_int);

	struct tui *t = tui_new(q, 0);
	tui_draw(t);
	while (!t->quit && !got_signal) {
		long long wait = 1000 - (now_ms() - t->last_poll_ms);
		wint_t wch;
		int rc = next_key(t, wait < 10 ? 10 : (int)wait, &wch);
		if (rc == DB_ANNOUNCED) {
			long long before = t->data_version;
			tui_poll(t, 1);
			if (t->data_version != before)
				tui_draw(t);
			continue;
		}
		if (rc == ERR) {
			long long before = t->data_version;
			tui_poll(t, 0);
			if (t->data_version != before)
				tui_draw(t);
			continue;
		}
		int key = rc == KEY_CODE_YES ? TUI_KEY((int)wch) : (int)wch;
		if (key == TUI_KEY(KEY_RESIZE)) {
			tui_resize(t, LINES, COLS);
		} else if (key == TUI_KEY(KEY_MOUSE)) {
			MEVENT ev;
			if (getmouse(&ev) == OK) {
				if (ev.bstate & BUTTON4_PRESSED)
					tui_mouse(t, ev.y, ev.x, -1);
				else if (ev.bstate & BUTTON5_PRESSED)
					tui_mouse(t, ev.y, ev.x, 1);
				else if (ev.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED))
					tui_mouse(t, ev.y, ev.x, 0);
			}
		} else {
			tui_key(t, key);
		}
		tui_poll(t, 0);
	}
	tui_free(&t);
	restore_terminal();
	delscreen(screen);
	set_die_hook(NULL);
	sigaction(SIGTERM, &old_term, NULL);
	sigaction(SIGHUP, &old_hup, NULL);
	sigaction(SIGINT, &old_int, NULL);
	return got_signal ? 1 : 0;
}
