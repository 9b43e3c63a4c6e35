/* tui_view.h — the inside of the interactive screen: the session struct,
 * the contract of a view, and the widgets every view may use.  Only the
 * src/tui*.c files include this (it pulls in curses).
 *
 * The loop (tui.c) reads a key, turns it into an action through the key
 * map, gives the action to the open modal (a form, picker or prompt) if
 * there is one, else to the shown view's act(), and if the view passes, to
 * the global handler (tabs, help, year, quit …).  Then it draws everything
 * from state: the frame, the view's body, the modal on top.  Handlers never
 * draw; they change state and set a message.  ncurses sends only the cells
 * that changed.
 *
 * A view is a small ops struct plus its own state (tig's view_ops, ncdu's
 * X_draw/X_key).  The tab table in tui.c says which view each tab shows;
 * views opened over a tab (a person's checklist, help, an item's full
 * text) are pushed with tui_push_view() and leave with `back`.
 *
 * A view taken off the screen (tui_pop_view, a tab change, a push over a
 * full stack) is only retired: its close() runs when the event that
 * retired it has been handled to the end.  So act() may pop its own view
 * and still touch its state before it returns — no handler can ever read
 * a freed view. */
#ifndef QINGDAN_TUI_VIEW_H
#define QINGDAN_TUI_VIEW_H

#include <curses.h>

#include "qingdan/msg.h"
#include "qingdan/tui.h"
#include "qingdan/tui_action.h"

enum { TUI_PASS = 0, TUI_DONE = 1 };

struct tui_view_ops {
	const char *name;
	/* Make the state; arg is the opener's (list: org id; checklist:
	 * person id).  May return NULL after setting a message. */
	void *(*open)(struct tui *t, long long arg);
	void (*close)(void *st);
	/* The data changed (another process, our own write, the year): read
	 * again and keep the selection by id. */
	void (*reload)(struct tui *t, void *st);
	/* Draw screen rows y .. y+h-1 (h >= 1), all t->cols columns. */
	void (*draw)(struct tui *t, void *st, int y, int h);
	/* TUI_DONE if handled, TUI_PASS for the global handler.  arg: the
	 * argument given at the `:` prompt, else NULL. */
	int (*act)(struct tui *t, void *st, enum tui_action a, const char *arg);
	/* Optional.  Mouse in the body: row/col from the body's top left;
	 * wheel -1 up, +1 down, 0 a click. */
	void (*mouse)(struct tui *t, void *st, int row, int col, int wheel);
	/* Optional.  Text for the right end of the key line. */
	void (*summary)(struct tui *t, void *st, struct strbuf *out);
	/* Optional.  The selected item (print, tests), 0 if none. */
	long long (*selected)(struct tui *t, void *st);
	/* Optional.  The status line when there is no message (filters…). */
	void (*status)(struct tui *t, void *st, struct strbuf *out);
	/* Optional.  What `p` offers from here: r->person_id (本人), r->org_id
	 * (本组织), r->item_id.  全部 is always offered. */
	void (*print)(struct tui *t, void *st, struct tui_print_request *r);
};

/* The views of this module (tab 5's comes from tui_pledge.c, tab 7's
 * from tui_meeting.c, tab 8's from tui_problem.c). */
extern const struct tui_view_ops tui_list_ops, tui_checklist_ops, tui_people_ops,
	tui_stats_ops, tui_help_ops, tui_pager_ops, tui_pledge_ops, tui_meeting_ops,
	tui_problem_ops;

enum { TUI_TABS = 8, TUI_STACK = 6, TUI_MIN_COLS = 60, TUI_MIN_LINES = 15 };

struct tui_view {
	const struct tui_view_ops *ops;
	void *st;
	long long arg;
	int stale;             /* reload before it is next shown */
};

struct tui_modal;

/* The session.  Views read it freely; they change it through the
 * functions below. */
struct tui {
	struct qd *q;
	int headless;
	int lines, cols;       /* size at the last draw */
	int color;             /* colours (else bold/underline/dim) */
	int quit;
	int tab;               /* 0..TUI_TABS-1 */
	struct tui_view tabs[TUI_TABS];
	struct tui_view stack[TUI_STACK];   /* pushed over the tab */
	int depth;
	struct tui_modal *modal;            /* top of the modal stack */
	char *message;                      /* status line */
	int message_error;
	char today[11], soon[11];
	char *unit;                         /* setting unit_name */
	/* the header's own count (issue 14.3): the user's open items overdue
	 * and due soon, mine_known 0 when the user is no known person */
	int mine_known, mine_overdue, mine_soon;
	/* orgs of the file, in order; the three list tabs */
	struct org *orgs;
	int norgs;
	long long party_org, committee_org, branch_org;
	/* live reload */
	long long data_version;
	long long last_poll_ms;
	long long quiet_until_ms;  /* db_wait_fd read as nothing new: timer only until then */
	/* where the frame was drawn (for the mouse) */
	int tab_x0[TUI_TABS], tab_x1[TUI_TABS];
	int body_y, body_h;
	/* the cursor a focused line editor wants, -1 if none */
	int cur_y, cur_x;
	int trace_fd;          /* QINGDAN_TUI_TRACE, -1 if unset */
	/* views retired during the event being handled; closed at its end */
	struct tui_view *retired;
	int nretired, retired_cap;
	int busy;              /* events being handled (they nest) */
	int busy_shown;        /* the message is a busy file's wait (db.h) */
};

/* ---- the loop (tui.c); tui_action.c's script runner uses these ---- */
/* Run an action as if its key was pressed (arg: the `:` argument). */
void tui_do(struct tui *t, enum tui_action a, const char *arg);
/* The same as a key press of an action: clears the message, runs, draws. */
void tui_press(struct tui *t, enum tui_action a, const char *arg);
/* Run a `:` command line ("status in_progress"). */
void tui_command(struct tui *t, const char *line);
void tui_resize(struct tui *t, int lines, int cols);
void tui_mouse(struct tui *t, int y, int x, int wheel);
/* The view on screen (opened and fresh). */
struct tui_view *tui_shown(struct tui *t);

/* The p key: the print dialog (tui_print.c) over the shown view. */
void tui_print_open(struct tui *t);

/* ---- what views call ---- */

/* Repaint the message row alone, now (no view is drawn, so no SQL runs):
 * for a busy file's wait, from inside the model call.  Above a bottom-line
 * prompt the message stands on the key line, so the prompt keeps its text
 * in sight. */
void tui_draw_message(struct tui *t);
/* Is the top modal a bottom-line prompt? */
int tui_prompt_shown(const struct tui *t);
/* Status line.  tui_error shows err (a model refusal) as an error. */
void tui_say(struct tui *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void tui_error(struct tui *t, const struct strbuf *err);
void tui_error_text(struct tui *t, const char *text);
/* Push a view over the current one (arg as for open); 0 if it opened. */
int tui_push_view(struct tui *t, const struct tui_view_ops *ops, long long arg);
/* Take the top view off the stack.  Its state stays valid until the event
 * ends (see the top of this file). */
void tui_pop_view(struct tui *t);
/* Mark every view stale and reload the shown one (after a write). */
void tui_changed(struct tui *t);
/* Recount the header's "我的待办 逾期N 临期M" (one query; tui_frame.c):
 * at start and on every change (tui_changed). */
void tui_mine_count(struct tui *t);
/* Refuse a write on a read-only file before asking for input: 1 (and a
 * message) if read-only. */
int tui_refuse_readonly(struct tui *t);
/* The org of the list tabs. */
const struct org *tui_org(const struct tui *t, long long id);

/* ---- drawing (tui_draw.c); everything clips to the screen ---- */
enum tui_style {
	TS_NORMAL, TS_HEADER, TS_TAB, TS_TAB_ON, TS_COLHEAD, TS_SELECTED, TS_OVERDUE,
	TS_DUE_SOON, TS_DONE, TS_CANCELLED, TS_KEYS, TS_KEY, TS_ERROR, TS_INFO, TS_POPUP,
	TS_POPUP_TITLE, TS_BAR, TS_BAR_EMPTY, TS_DIM, TS_FIELD, TS_FIELD_ON, TS__COUNT
};
void tui_draw_init(struct tui *t);
attr_t tui_attr(const struct tui *t, enum tui_style s);
/* Text (cleaned: controls and bad bytes shown as U+FFFD) at row y, column
 * x, cut to w columns and padded with spaces to exactly w.  Returns the
 * columns the text itself took. */
int tui_put(int y, int x, int w, const char *text, attr_t attr);
/* Same, right-aligned in w columns. */
void tui_put_right(int y, int x, int w, const char *text, attr_t attr);
void tui_fill(int y, int x, int w, attr_t attr);
/* A rule "-- title -----" across w columns. */
void tui_rule(int y, int x, int w, const char *title, attr_t attr);
/* A framed box with a title; the inside is rows y+1..y+h-2. */
void tui_box(struct tui *t, int y, int x, int h, int w, const char *title);
/* Status, flags → style (overdue before due soon; cancelled dim …). */
enum tui_style tui_item_style(int status, const char *flags);

/* ---- modals (tui_form.c, tui_pick.c) ----
 * A modal takes every key until it closes.  Callbacks run after the modal
 * is off the stack unless said otherwise. */
struct tui_modal_ops {
	/* A key: return 1 when the modal is finished (it is then popped and
	 * freed). */
	int (*key)(struct tui *t, struct tui_modal *m, int key);
	void (*draw)(struct tui *t, struct tui_modal *m);
	void (*free)(struct tui_modal *m);
};
struct tui_modal {
	const struct tui_modal_ops *ops;
	struct tui_modal *below;
};
void tui_modal_push(struct tui *t, struct tui_modal *m);
/* Take m off the stack without freeing it (to run a callback that may open
 * another modal); the loop frees it when its key() returns 1. */
void tui_modal_detach(struct tui *t, struct tui_modal *m);
/* Pop and free the top modal. */
void tui_modal_close(struct tui *t);
void tui_modals_free(struct tui *t);

/* Bottom-line prompt.  done(text) returns 1 to close, 0 to stay open with
 * the text kept (after showing why).  changed (optional) runs on every
 * edit, for incremental search; cancel (optional) on Esc.  ctx is freed
 * with ctx_free (optional) when the prompt goes. */
struct tui_prompt_cb {
	int (*done)(struct tui *t, void *ctx, const char *text);
	void (*changed)(struct tui *t, void *ctx, const char *text);
	void (*cancel)(struct tui *t, void *ctx);
	void (*ctx_free)(void *ctx);
	void *ctx;
};
void tui_prompt(struct tui *t, const char *label, const char *initial,
		const struct tui_prompt_cb *cb);
/* The `:` prompt (with Tab completion of action names). */
void tui_command_prompt(struct tui *t, const char *initial);
/* "question (y/N)": yes runs done(ctx, ""); anything else cancels. */
void tui_confirm(struct tui *t, const char *question, const struct tui_prompt_cb *cb);

/* Multi-field form. */
/* TF_DUE: a date or due words (6月底前, 第三季度: date_due_words of the
 * working year). */
enum tui_field_kind { TF_TEXT, TF_DATE, TF_PERSON, TF_CHOICE, TF_TOGGLE, TF_DUE };
struct tui_form;
struct tui_form_cb {
	/* Save: return 1 to close, 0 to keep the form and its input (after
	 * tui_form_error).  */
	int (*submit)(struct tui *t, struct tui_form *f, void *ctx);
	void (*ctx_free)(void *ctx);
	void *ctx;
};
struct tui_form *tui_form_new(const char *title, const struct tui_form_cb *cb);
/* Add fields in order; each returns the field's index. */
int tui_form_text(struct tui_form *f, const char *label, const char *value, int kind);
int tui_form_person(struct tui_form *f, const char *label, long long id, const char *name);
int tui_form_choice(struct tui_form *f, const char *label, const char *const *choices, int n,
		    int value);
int tui_form_toggle(struct tui_form *f, const char *label, int on);
void tui_form_open(struct tui *t, struct tui_form *f);
/* Reading the fields back. */
const char *tui_form_value(const struct tui_form *f, int i);
int tui_form_changed(const struct tui_form *f, int i);
long long tui_form_person_id(const struct tui_form *f, int i);
int tui_form_choice_value(const struct tui_form *f, int i);
/* An error shown inside the form (and in the status line). */
void tui_form_error(struct tui *t, struct tui_form *f, const char *text);
void tui_form_focus(struct tui_form *f, int i);

/* Pickers: a list with incremental search.  done(ctx, id, label) runs
 * with the chosen entry; Esc cancels (nothing runs). */
struct tui_pick_cb {
	void (*done)(struct tui *t, void *ctx, long long id, const char *label);
	void (*ctx_free)(void *ctx);
	void *ctx;
};
/* Active people, name prefix matches first, then substring, "#ID" too. */
void tui_pick_person(struct tui *t, const char *title, const char *initial, int allow_none,
		     const struct tui_pick_cb *cb);
/* The branches (orgs of level branch). */
void tui_pick_branch(struct tui *t, const struct tui_pick_cb *cb);
/* Fixed choices: ids[i] is returned for labels[i]; marks[i] non-zero
 * shows the entry dim (e.g. not permitted — it can still be chosen, and the
 * model says why not). */
void tui_pick_choice(struct tui *t, const char *title, const char *const *labels,
		     const long long *ids, const int *dim, int n, const struct tui_pick_cb *cb);

/* ---- the line editor (tui_edit.c) ---- */
struct tui_line {
	struct strbuf text;
	size_t cur;            /* byte offset of the cursor */
	int scroll;            /* first display column shown */
};
void tui_line_set(struct tui_line *l, const char *text);
void tui_line_free(struct tui_line *l);
const char *tui_line_text(const struct tui_line *l);
/* Display column of the cursor within the text. */
int tui_line_cursor_col(const struct tui_line *l);
/* Edit with a key: 1 if the key was an edit or a move, 0 if not for us. */
int tui_line_key(struct tui_line *l, int key);
/* Draw at (y, x) in w columns; with focus, sets t->cur_y/cur_x. */
void tui_line_draw(struct tui *t, struct tui_line *l, int y, int x, int w, attr_t attr,
		   int focus);

/* ---- in-memory scrolling (help, stats, pickers) ---- */
struct tui_scroll {
	int n, cur, top;
};
/* Move for a movement action; returns 1 if it was one. */
int tui_scroll_act(struct tui_scroll *s, enum tui_action a, int page);
void tui_scroll_fit(struct tui_scroll *s, int page);

#endif
