/* remind.h — reminders (issue 14.3): per person, what is overdue, what is
 * due within N days, the pledges waiting for their signature and the
 * meetings their branch has not yet held this period, as short Chinese
 * text for a cron job to mail or for pasting into a chat, or as JSON.
 *
 * The report layer: reads through the model and the storage module
 * (store_remind.h), never writes.  Whom: every active person with
 * something to do, in org then pinyin order, or the one person asked for
 * (shown even with nothing: "暂无待办").  What, each a section:
 *  - overdue / due_soon: the working year's open duty items where they are
 *    owner or lead, due before today / from today to today + days — what
 *    `item list --person X --overdue` and `--due-soon` list; a recurring
 *    item is among them by its first open period's last day (period.h),
 *    its line naming the periods not done that have ended or end within
 *    the days ("Q1 Q2", JSON "periods");
 *  - pledges: the pledges of the year issued (待签) and not yet signed by
 *    them as signer (乙方) or as issuer (甲方), with sign_due and the
 *    overdue flag;
 *  - meetings: for a person with a branch committee role (书记 … 委员,
 *    meeting.h members), the rows of qd_meeting_check for their org whose
 *    period holds today and that are not yet ok (a half-year or year
 *    period only in its last 92 days); no role known, no meetings.
 *
 * Adding a section:
 * a value in enum remind_section before RS__COUNT, a row in remind.c's
 * sections[] (its JSON key, heading and line writers) and a gatherer in
 * its gatherers[] that adds lines with remind_add(). */
#ifndef QINGDAN_REMIND_H
#define QINGDAN_REMIND_H

#include <stdio.h>

#include "qingdan/model.h"

enum remind_section { RS_OVERDUE, RS_DUE_SOON, RS_PLEDGES, RS_MEETINGS, RS__COUNT };

/* One line of a section; which fields mean something depends on it. */
struct remind_line {
	long long id;              /* item or pledge id; 0 for a meeting */
	char *org;                 /* the item's or the meeting's org */
	char *text;                /* item content, pledge title, meeting type label */
	char *code;                /* meeting type code; pledge party code (signer, issuer) */
	char *period;              /* meeting: "2026-07", "2026-Q3"; item: its open periods "Q1 Q2" */
	char *date;                /* due, sign_due, the period's last day (ISO); NULL none */
	int days;                  /* date − today (negative: late); 0 when no date */
	int overdue;               /* pledge: 逾期未签 */
	int required, held, valid; /* meeting counts */
};

struct remind_block {
	long long person_id, org_id;
	char *name, *post, *org;
	int committee;             /* enum committee_role (meeting.h) */
	struct remind_line *lines[RS__COUNT];
	int nlines[RS__COUNT], cap[RS__COUNT];
};

struct remind {
	char today[11], soon[11];
	int days, year;
	long long only;            /* the person asked for, or 0 */
	struct remind_block *people;
	int n;
	long long *index;          /* while gathering: the people's ids, sorted */
	int *index_at;             /* the block of each */
};

/* Gather for person_id (0: everyone) with items due within days of today
 * (the setting due_soon_days when days < 0).  One statement per section
 * whatever the number of people. */
enum qd_status remind_gather(struct qd *q, long long person_id, int days, struct remind *r,
			     struct strbuf *err);
void remind_clear(struct remind *r);
/* Append a line (its strings taken over) to person_id's section; a
 * person not in r is ignored (the line freed). */
void remind_add(struct remind *r, long long person_id, enum remind_section sec,
		struct remind_line *l);
/* The blocks as text (people with nothing left out, but the one asked
 * for) or as a JSON array of {id, person, post, org, overdue, due_soon,
 * pledges, meetings}; 0, or -1 on a write error. */
int remind_write_text(const struct remind *r, FILE *f);
int remind_write_json(const struct remind *r, FILE *f);

/* The TUI header's own count: person_id's open duty items of q->year,
 * overdue and due within due_soon_days (one query). */
enum qd_status qd_remind_count(struct qd *q, long long person_id, int *overdue, int *due_soon);

#endif
