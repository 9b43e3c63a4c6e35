/* tui_meeting.h — private to tab 7 组织生活: tui_meeting.c (the year grid,
 * the meeting list, the members at risk, the attendance form) and
 * tui_meeting_edit.c (its dialogs: add, edit, delete, evidence).  The
 * dialogs write through meeting.h and then call tui_changed(). */
#ifndef QINGDAN_TUI_MEETING_H
#define QINGDAN_TUI_MEETING_H

#include "qingdan/meeting.h"
#include "qingdan/tui_view.h"

/* Refuse a meeting write before asking for input: 1 (and a message) when
 * the file is read-only or the actor may not record meetings of org_id. */
int meeting_refuse(struct tui *t, long long org_id);
/* The add form for org_id, the edit form and the delete question of
 * meeting id, the evidence form of meeting id. */
void meeting_open_add(struct tui *t, long long org_id);
void meeting_open_edit(struct tui *t, long long id);
void meeting_open_delete(struct tui *t, long long id);
void meeting_open_note(struct tui *t, long long id);

/* The attendance form of a meeting (tui_meeting_attend.c), pushed with its id. */
extern const struct tui_view_ops tui_attend_ops;

#endif
