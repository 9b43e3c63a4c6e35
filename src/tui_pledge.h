/* tui_pledge.h — private to the pledge screen: tui_pledge.c (the view:
 * paging, drawing, keys, the full-text pager) and tui_pledge_edit.c (its
 * dialogs: sign, assess, void, reissue, issue, archive, add, edit).  The
 * dialogs write through pledge.h and then call tui_changed(). */
#ifndef QINGDAN_TUI_PLEDGE_H
#define QINGDAN_TUI_PLEDGE_H

#include "qingdan/pledge.h"
#include "qingdan/tui_view.h"

struct pledge_view {
	struct pledge_filter f;
	int quick;                    /* the quick filter (tui_pledge.c) */
	char *search;
	struct pledge *rows;          /* the window on screen, ascending ids */
	int nrows, cur;
	struct pledge_progress pp;
};

/* The selected pledge, NULL if none. */
struct pledge *pledge_view_current(struct pledge_view *v);
/* Show the window starting at this pledge and select it. */
void pledge_view_select(struct tui *t, struct pledge_view *v, long long id);

/* The next steps of a pledge (the `s` menu, `:status NAME`). */
enum pledge_step { S_ISSUE, S_SIGN, S_ASSESS, S_ARCHIVE, S_VOID, S_REISSUE, S__N };
/* "sign" or 签字 → S_SIGN; -1 if neither. */
int pledge_step_parse(const char *s);
void pledge_do_step(struct tui *t, struct pledge_view *v, enum pledge_step s);
/* The menu of steps for the selected pledge. */
void pledge_open_steps(struct tui *t, struct pledge_view *v);
void pledge_open_add(struct tui *t, struct pledge_view *v);
void pledge_open_edit(struct tui *t, struct pledge_view *v);
/* A fresh copy of a pledge, or 0 after showing why. */
int pledge_view_load(struct tui *t, long long id, struct pledge *p);

#endif
