/* tui_list.h — the item list view's state, shared by tui_list.c (paging,
 * drawing) and tui_item.c (the item actions).  Private to those two, but
 * for item_open_status / item_open_note, which the problem view uses.
 *
 * The view holds only the rows on screen (rows[0] is the top row) and
 * their keys; moving past either edge asks store_page for the next rows
 * after or before the edge key.  After any change it re-reads the window
 * around the selected item's id, so the selection survives reloads, edits
 * and other people's changes (and if the item left the view, the row that
 * now stands in its place is selected). */
#ifndef QINGDAN_TUI_LIST_H
#define QINGDAN_TUI_LIST_H

#include "qingdan/store_page.h"
#include "qingdan/tui_view.h"

struct list_view {
	struct item_scope sc;
	char *search, *category;       /* owned; sc points at them */
	char *owner_name;              /* the owner filter's name */
	char *person_name;             /* a checklist's person */
	struct page_item *rows;
	int nrows, cur;
	struct item_counts counts;
	/* the detail pane: the selected item in full, with its notes */
	long long detail_id;
	int have_detail;
	struct item detail;
	struct note *notes;
	int nnotes;
	char *search_before;           /* while the search prompt is open */
	/* a checklist's 整改措施 section, after the duty items: the person's
	 * measures of the year (tui_problem.c reads them; a person has few, so
	 * all are held), key.g the problem of each; in_ms: the selection is
	 * there, at ms[mcur] */
	struct page_item *ms;
	int nms, mcur, mtop, in_ms;
	char *ms_problem;              /* the selected measure's problem, for the detail */
	char *reason;                  /* the detail's latest 退回/取消 reason line, or NULL */
	/* multi-select (tui_mark.c): the marked items, with the version each
	 * had when marked */
	struct list_mark { long long id; int version; } *marks;
	int nmarks;
};

/* Rows that fit on screen now. */
int list_page(const struct tui *t, const struct list_view *lv);
/* Read again around the selection (or around item id when want_id). */
void list_reload(struct tui *t, struct list_view *lv);
void list_select(struct tui *t, struct list_view *lv, long long want_id);
/* The selected row (a measure when the selection is in a checklist's
 * 整改措施 section), NULL if the view is empty. */
struct page_item *list_current(struct list_view *lv);
void list_set_search(struct list_view *lv, const char *text);

/* tui_item.c: the item actions of a list view (add, edit, delete, assign,
 * status, note, search, filter, clear-filter, sort).  TUI_PASS for others. */
int list_item_act(struct tui *t, struct list_view *lv, enum tui_action a, const char *arg);
/* s and n on one item, from a list view or (lv NULL) from another view
 * that shows items, such as the problem view's measures (tui_problem_show.c):
 * the status menu (or `:status NAME` as arg) and the note prompt (or
 * `:note TEXT`); after a write the list, if any, reselects the item. */
void item_open_status(struct tui *t, struct list_view *lv, const struct item *it, const char *arg);
void item_open_note(struct tui *t, struct list_view *lv, long long id, const char *arg);

/* tui_mark.c: multi-select and the 回收站 key (issue 14.4).  mark, trash,
 * restore, and while rows are marked back (clears), assign and status (on
 * every marked item); TUI_PASS for others, LIST_MARK_NEXT when the
 * selection should move down (after a mark). */
enum { LIST_MARK_NEXT = 2 };
int list_mark_act(struct tui *t, struct list_view *lv, enum tui_action a, const char *arg);
/* The index of id among the marks, -1 if unmarked. */
int list_marked(const struct list_view *lv, long long id);
void list_marks_clear(struct list_view *lv);
/* tui_trash.c: the 回收站 view. */
extern const struct tui_view_ops tui_trash_ops;

#endif
