/* tui_problem.h — private to tab 8 问题整改: tui_problem.c (the problem
 * list of the year with progress, status and overdue colouring, its
 * detail pane, and the problem view Enter opens: the problem, its measures
 * — Enter on one opens the item as everywhere — and the 回访 history) and
 * tui_problem_edit.c (the dialogs: add and edit a problem, add a measure,
 * record a 回访, close and reopen, delete).  The dialogs write through
 * problem.h and then call tui_changed(); tui_list.c reads a person's
 * measures here for the 整改措施 section of their checklist. */
#ifndef QINGDAN_TUI_PROBLEM_H
#define QINGDAN_TUI_PROBLEM_H

#include "qingdan/problem.h"
#include "qingdan/store_page.h"
#include "qingdan/tui_view.h"

/* The problem view (pushed with the problem's id). */
extern const struct tui_view_ops tui_problem_show_ops;

/* Refuse a problem write (add, edit, 回访) before asking for input: 1 (and
 * a message) when the file is read-only or the actor may not record the
 * problems of org_id. */
int problem_refuse(struct tui *t, long long org_id);
/* The add form (org_id preselected, 0 = the first org), the edit form of
 * problem id, the measure form, the 回访 form, close (the refusal reason
 * shown, or the date asked; a closed problem asks to reopen) and delete
 * of problem id. */
void problem_open_add(struct tui *t, long long org_id);
void problem_open_edit(struct tui *t, long long id);
void problem_open_measure(struct tui *t, long long id);
void problem_open_feedback(struct tui *t, long long id);
void problem_open_close(struct tui *t, long long id, const char *arg);
void problem_open_delete(struct tui *t, long long id);

/* The 回访 line of a problem ("回访：已回访 1 次，最近一次满意") into buf. */
const char *problem_feedback_line(const struct problem *p, char *buf, size_t size);
/* A fresh copy of problem id, or 0 after showing why. */
int problem_load(struct tui *t, long long id, struct problem *p);

/* The year's measures person_id owns or leads, as page rows in problem
 * order then seq (key.id the item, key.g its problem, the rest empty):
 * for the checklist's 整改措施 section.  Returns the count (0 on an error, shown). */
int problem_person_measures(struct tui *t, long long person_id, struct page_item **out);

#endif
