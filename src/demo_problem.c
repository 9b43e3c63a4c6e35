/* demo_problem.c — the demo year's 问题清单 → 整改清单 (data/demo/
 * problems.tsv, problem_measures.tsv, problem_feedback.tsv; formats in
 * data/demo/README.md), entered through the problem model as the officer
 * would: each problem (one from every source; raised by a person of the
 * file, by a caller or letter-writer from outside, or anonymously; the two
 * found at the 民主生活会 and a 组织生活会 linked to those meetings), its
 * measures as items of the org's 整改清单 in every state (one overdue, one
 * done late, one cancelled with its reason), the 回访 (one satisfied, one
 * not), and the one problem that is 销号.  The 公开电话 problem has two
 * measures, one still open, and no 回访 yet: it cannot be closed.  Called
 * by demo_load() (demo.c) after the meetings, which holds the transaction
 * and acts with q->system set. */
#include <stdlib.h>
#include <string.h>

#include "qingdan/date.h"
#include "qingdan/demo.h"
#include "qingdan/meeting.h"
#include "qingdan/msg.h"
#include "qingdan/problem.h"

extern const unsigned char demo_problems_tsv[], demo_problem_measures_tsv[],
	demo_problem_feedback_tsv[];

enum { P_KEY, P_ORG, P_SOURCE, P_ON, P_CATEGORY, P_TEXT, P_RAISER, P_OUTSIDER, P_CONTACT,
       P_MEETING, P_CLOSED, P__COUNT };
enum { MS_PROBLEM, MS_CONTENT, MS_STANDARD, MS_OWNER, MS_LEAD, MS_DUE, MS_STATUS, MS_DONE,
       MS_NOTE, MS__COUNT };
enum { F_PROBLEM, F_ON, F_BY, F_RESULT, F_SATISFIED, F__COUNT };

struct loader {
	struct qd *q;
	struct strbuf *err;
	enum qd_status status;
	int today;
	/* the problems loaded: key → id, and their closing day (offset text) */
	char **keys, **closed;
	long long *ids;
	int n;
};

static long long person(struct loader *l, const char *ref)
{
	long long id = demo_person(l->q, ref);
	if (!id && l->status == QD_OK) {
		sb_printf(l->err, msg(M_PERSON_NOT_FOUND), ref);
		l->status = QD_NOTFOUND;
	}
	return id;
}

/* A day of the demo: "YEAR-MM-DD" (a calendar day of the year) or a whole
 * offset from the demo's today (demo_day).  Returns the day number. */
static int day_of(struct loader *l, const char *text, char out[11])
{
	int day;
	if (strncmp(text, "YEAR-", 5) == 0) {
		char iso[16];
		snprintf(iso, sizeof iso, "%04d%s", l->q->year, text + 4);
		if (date_parse(iso, &day) != 0)
			day = demo_day(l->q, 0);
	} else {
		day = demo_day(l->q, atoi(text));
	}
	date_format(day, out);
	return day;
}

static long long problem_id(struct loader *l, const char *key)
{
	for (int i = 0; i < l->n; i++)
		if (strcmp(l->keys[i], key) == 0)
			return l->ids[i];
	return 0;   /* not loaded: found after today */
}

/* The meeting of that type the problem was found at: the org's, that day. */
static long long meeting_of(struct loader *l, long long org, const char *type, const char *on)
{
	struct meeting_filter f = MEETING_FILTER_INIT;
	f.org_id = org;
	f.type = meeting_type_parse(type);
	f.from = f.to = on;
	struct meeting *ms = NULL;
	int n = 0;
	long long id = 0;
	if (f.type >= 0 && qd_meeting_list(l->q, &f, &ms, &n, l->err) == QD_OK && n)
		id = ms[0].id;
	meetings_free(ms, n);
	return id;
}

static void problem_row(struct loader *l, char **f)
{
	char on[11];
	if (day_of(l, f[P_ON], on) > l->today)
		return;   /* not found yet */
	struct problem_fields pf = PROBLEM_FIELDS_INIT;
	if ((l->status = qd_find_org(l->q, f[P_ORG], &pf.org_id, l->err)) != QD_OK)
		return;
	pf.source = problem_source_parse(f[P_SOURCE]);
	pf.raised_on = on;
	pf.category = f[P_CATEGORY];
	pf.text = f[P_TEXT];
	pf.raiser_id = *f[P_RAISER] ? person(l, f[P_RAISER]) : 0;
	pf.raiser_name = f[P_OUTSIDER];
	pf.contact = f[P_CONTACT];
	pf.meeting_id = *f[P_MEETING] ? meeting_of(l, pf.org_id, f[P_MEETING], on) : 0;
	long long id = 0;
	if (l->status == QD_OK)
		l->status = qd_problem_add(l->q, &pf, &id, l->err);
	if (l->status != QD_OK)
		return;
	l->keys = xrealloc(l->keys, (size_t)(l->n + 1) * sizeof *l->keys);
	l->closed = xrealloc(l->closed, (size_t)(l->n + 1) * sizeof *l->closed);
	l->ids = xrealloc(l->ids, (size_t)(l->n + 1) * sizeof *l->ids);
	l->keys[l->n] = xstrdup(f[P_KEY]);
	l->closed[l->n] = xstrdup(f[P_CLOSED]);
	l->ids[l->n++] = id;
}

static void measure_row(struct loader *l, char **f)
{
	long long pid = problem_id(l, f[MS_PROBLEM]);
	if (!pid)
		return;
	char due[11], done[11];
	struct item_fields it = ITEM_FIELDS_INIT;
	int cancel = strcmp(f[MS_STATUS], "cancelled") == 0;
	it.content = f[MS_CONTENT];
	it.standard = f[MS_STANDARD];
	it.owner_id = person(l, f[MS_OWNER]);
	it.lead_id = *f[MS_LEAD] ? person(l, f[MS_LEAD]) : 0;
	day_of(l, f[MS_DUE], due);
	it.due = due;
	/* a cancelled measure is cancelled as the officer would, with its reason */
	it.status = cancel ? "planned" : f[MS_STATUS];
	if (*f[MS_DONE]) {
		day_of(l, f[MS_DONE], done);
		it.done_on = done;
	}
	long long item = 0;
	if (l->status == QD_OK)
		l->status = qd_problem_measure(l->q, pid, &it, &item, l->err);
	if (l->status == QD_OK && cancel)
		l->status = qd_item_move(l->q, item, 0, ST_CANCELLED, f[MS_NOTE], l->err);
	else if (l->status == QD_OK && *f[MS_NOTE])
		l->status = qd_item_note(l->q, item, it.done_on, f[MS_NOTE], l->err);
}

static void feedback_row(struct loader *l, char **f)
{
	long long pid = problem_id(l, f[F_PROBLEM]);
	if (!pid)
		return;
	char on[11];
	day_of(l, f[F_ON], on);
	long long by = person(l, f[F_BY]);
	if (l->status == QD_OK)
		l->status = qd_problem_feedback(l->q, pid, on, by, f[F_RESULT],
						strcmp(f[F_SATISFIED], "yes") == 0, l->err);
}

/* Call fn for each data line (after the header) split at tabs. */
static void each_row(struct loader *l, const unsigned char *data, int ncol,
		     void (*fn)(struct loader *l, char **f))
{
	char *buf = xstrdup((const char *)data);
	char *line = strchr(buf, '\n');
	char **f = xmalloc((size_t)ncol * sizeof *f);
	static char empty[1];
	while (line && l->status == QD_OK) {
		char *start = line + 1;
		line = strchr(start, '\n');
		if (line)
			*line = '\0';
		if (!*start)
			continue;
		char *p = start;
		for (int i = 0; i < ncol; i++) {
			f[i] = p ? p : empty;
			if (p && (p = strchr(p, '\t')) != NULL)
				*p++ = '\0';
		}
		fn(l, f);
	}
	free(f);
	free(buf);
}

enum qd_status problem_demo_load(struct qd *q, struct strbuf *err)
{
	struct loader l = {q, err, QD_OK, demo_day(q, 0), NULL, NULL, NULL, 0};
	each_row(&l, demo_problems_tsv, P__COUNT, problem_row);
	each_row(&l, demo_problem_measures_tsv, MS__COUNT, measure_row);
	each_row(&l, demo_problem_feedback_tsv, F__COUNT, feedback_row);
	for (int i = 0; i < l.n && l.status == QD_OK; i++)
		if (*l.closed[i]) {
			char on[11];
			day_of(&l, l.closed[i], on);
			l.status = qd_problem_close(q, l.ids[i], on, 0, err);
		}
	for (int i = 0; i < l.n; i++) {
		free(l.keys[i]);
		free(l.closed[i]);
	}
	free(l.keys);
	free(l.closed);
	free(l.ids);
	return l.status;
}
