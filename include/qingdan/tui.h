/* tui.h — the interactive screen (DESIGN §6): entry point, hooks for other
 * modules, and the headless interface the tests drive.
 *
 * Where things are:
 *   tui.c          the session: terminal set-up, main loop, events, tabs,
 *                  view stack, live reload, resize, the frame (header, tab
 *                  bar, key line, status line)           start reading here
 *   tui_action.c   the action table (tui_action.h): names, key map, help
 *                  text, and the script runner of the tests
 *   tui_draw.c     colours, cells placed at absolute columns, the screen dump
 *   tui_edit.c     the line editor (by character, cursor by display column)
 *   tui_form.c     modals: multi-field form, bottom-line prompt, confirm
 *   tui_pick.c     modals: pickers with incremental search (people, branches,
 *                  choices)
 *   tui_list.c     the item list view (tabs 1–3, a person's checklist
 *                  with its 整改措施 section): keyset paging, rows, detail pane
 *   tui_item.c     item work: add, edit, delete, assign, status, note, search,
 *                  filter, sort — every write through model.h
 *   tui_people.c   people with their counts; Enter opens the checklist
 *   tui_stats.c    completion bars per list, branch and person
 *   tui_help.c     the help screen (from the action table) and the text pager
 *   tui_print.c    the p key's dialog: what to print, to a printer or a file
 *   tui_pledge.c   tab 5, pledges (a placeholder until the pledge issue)
 *   tui_meeting*.c tab 7, the 组织生活 ledger
 *   tui_problem*.c tab 8, 问题整改: the problems of the year, a problem
 *                  with its measures and 回访 (tui_problem_show.c), the
 *                  dialogs (tui_problem_edit.c); a person's measures for
 *                  the checklist's 整改措施 section
 * The UI has no SQL and no rules: it reads through store_page.h/store.h and
 * writes through model.h, and shows the model's refusals as they come.
 *
 * Adding a view (e.g. the pledge issue's): write src/tui_X.c defining a
 * `const struct tui_view_ops` (tui_view.h documents every hook, and what a
 * view may call: messages, pickers, prompts, forms, drawing helpers).  Tab 5
 * is bound to the symbol `tui_pledge_ops` (src/tui_pledge.c); replace the
 * placeholder there, nothing else needs to change.  Another tab is one line
 * in the tab table at the top of tui.c. */
#ifndef QINGDAN_TUI_H
#define QINGDAN_TUI_H

#include "qingdan/model.h"
#include "qingdan/util.h"

struct tui;

/* Run the screen on the terminal until the user quits; 0 on a normal exit,
 * 1 if the terminal could not be used. */
int tui_run(struct qd *q);

/* ---- hooks set by other modules ---- */

/* What `p` (print) prints.  The shown view fills in what it offers
 * (person_id, org_id, item_id); the print dialog (tui_print.c) asks the
 * scope and where to, and fills in the rest. */
enum tui_print_scope {
	TUI_PRINT_PERSON,      /* 本人: person_id */
	TUI_PRINT_ORG,         /* 本组织: everyone of org_id */
	TUI_PRINT_ALL,         /* 全部: every active person */
	TUI_PRINT_MEETING,     /* 会议记录: the sheet of meeting_id */
	TUI_PRINT_LEDGER,      /* 组织生活台账: the year's ledger of org_id */
	TUI_PRINT_PROBLEMS,    /* 问题清单和整改清单: the year's problems of org_id */
	TUI_PRINT_PLEDGE,      /* 责任书: pledge_id (tab 5) */
	TUI_PRINT_PLEDGES      /* the year's pledges, every one (tab 5) */
};
struct tui_print_request {
	struct qd *q;
	int year;
	long long person_id;   /* the selected person (people view, a checklist,
				* a list's selected item's owner), 0 if none */
	long long org_id;      /* the org shown, 0 if none */
	long long item_id;     /* the selected item, 0 if none */
	long long meeting_id;  /* the selected meeting (tab 7), 0 if none */
	long long pledge_id;   /* the selected pledge (tab 5), 0 if none */
	int ledger;            /* tab 7: org_id's 台账 is offered, not its checklists */
	int problems;          /* tab 8: org_id's 问题清单 is offered too */
	enum tui_print_scope scope;
	int lp;                /* 1: send to lp; 0: write the PDF to path */
	const char *printer;   /* lp -d PRINTER; NULL or "" = the default one */
	const char *path;      /* the PDF file (lp 0); NULL or "" = a new name */
};
/* Set by the print module.  Called with the terminal still in curses mode
 * (the hook must not write to stdout; use def_prog_mode/endwin itself if it
 * needs the terminal).  Returns a status and, in msg, one line for the
 * status line ("已发送到打印机 …", "已输出 … 到 FILE", or why not).  NULL:
 * `p` says "not yet". */
extern enum qd_status (*tui_print_hook)(const struct tui_print_request *r, struct strbuf *msg);
/* Set by the print module too: what the dialog suggests for r (its scope
 * chosen): *lp 1 if lp can be run, and (returned, malloc'd) a name for the
 * PDF file in the working folder that does not exist yet.  NULL: no
 * printer is offered and the file name starts empty. */
extern char *(*tui_print_suggest_hook)(const struct tui_print_request *r, int *lp);

/* ---- headless use (tests, benchmarks) ----
 * The caller starts curses itself (newterm on /dev/null), then: */

/* A session on the current curses screen.  headless: never read the
 * terminal; input comes from tui_script / tui_key. */
struct tui *tui_new(struct qd *q, int headless);
void tui_free(struct tui **t);
/* Run a script, one command per line:
 *   :name args     what the `:` prompt would run (":status in_progress")
 *   anything else  space-separated tokens, each one of
 *     an action name      down, edit, view-people …
 *     <Key> or x          a key (<Down> <Enter> <Esc> <C-s> …; "x" one char)
 *     "text"              typed text (\" and \\ escape)
 *     resize:COLSxLINES   the terminal changes size
 *     click:X,Y  wheel-up:X,Y  wheel-down:X,Y   mouse
 *     poll                check for another process's change now
 * The screen is redrawn after every event, as the real loop does.
 * Returns 0, or -1 with a message in err for a token it cannot read. */
int tui_script(struct tui *t, const char *script, struct strbuf *err);
/* One key (tui_action.h codes), then a redraw. */
void tui_key(struct tui *t, int key);
/* Draw the whole screen now (into curses' virtual screen and out). */
void tui_draw(struct tui *t);
/* The screen as text: one line per row, trailing spaces cut. */
char *tui_screen_text(void);
/* One row of it. */
char *tui_screen_row(int y);
/* The status line's current message ("" if none). */
const char *tui_message(const struct tui *t);
/* Did the user ask to quit? */
int tui_done(const struct tui *t);
/* Poll for a change by another process (force: now, not once a second). */
void tui_poll(struct tui *t, int force);
/* The id of the selected item in the shown view, 0 if none. */
long long tui_selected_item(struct tui *t);

/* For benchmarks: when QINGDAN_TUI_TRACE names a file descriptor number,
 * the loop writes "paint NS\n" there after each full screen is out, with
 * NS from CLOCK_MONOTONIC, so a harness can time exec → first screen and
 * key → redraw from outside. */

#endif
