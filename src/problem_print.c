/* problem_print.c — 问题清单 → 整改清单 on paper (issue 12 §4,
 * problem_print.h): an org's problems of a year with their measures and
 * 回访, built as a print document (doc.h) from the model (problem.h); the
 * renderers do the rest.  The printed list is logged in the audit chain
 * (qd_print_code) and carries its code on every page, so `audit verify
 * --code` can tell later whether a problem, a measure or a 回访 behind the
 * paper has changed since.  And the per-person checklist's section of the
 * person's own measures (print.c calls the last three functions). */
#include "qingdan/problem_print.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "qingdan/date.h"
#include "qingdan/db.h"
#include "qingdan/io.h"
#include "qingdan/msg.h"
#include "qingdan/outfile.h"
#include "qingdan/store_problem_print.h"

/* The records a code covers: entity names and ids. */
struct cover {
	const char **entities;
	long long *ids;
	int n;
};

static void cover_add(struct cover *c, const char *entity, long long id)
{
	c->entities = xrealloc(c->entities, (size_t)(c->n + 1) * sizeof *c->entities);
	c->ids = xrealloc(c->ids, (size_t)(c->n + 1) * sizeof *c->ids);
	c->entities[c->n] = entity;
	c->ids[c->n++] = id;
}

/* One problem as read: the record, its measures and its 回访. */
struct pp_problem {
	struct problem p;
	struct item *ms;
	int nms;
	struct problem_feedback *fb;
	int nfb;
};

static void pp_free(struct pp_problem *ps, int n)
{
	for (int i = 0; i < n; i++) {
		problem_clear(&ps[i].p);
		items_free(ps[i].ms, ps[i].nms);
		problem_feedbacks_free(ps[i].fb, ps[i].nfb);
	}
	free(ps);
}

/* The org's live problems of year, each with its measures and 回访. */
static enum qd_status gather(struct qd *q, long long org_id, int year, struct pp_problem **out,
			     int *n, struct strbuf *err)
{
	struct problem_filter f = PROBLEM_FILTER_INIT;
	f.org_id = org_id;
	f.year = year;
	struct problem *list = NULL;
	int nl = 0;
	*out = NULL;
	*n = 0;
	enum qd_status s = qd_problem_list(q, &f, &list, &nl, err);
	if (s != QD_OK)
		return s;
	struct pp_problem *ps = xcalloc((size_t)(nl ? nl : 1), sizeof *ps);
	int k = 0;
	for (int i = 0; i < nl; i++) {
		if (list[i].org_id != org_id) {   /* the org's own list, not those under it */
			problem_clear(&list[i]);
			continue;
		}
		ps[k].p = list[i];
		memset(&list[i], 0, sizeof list[i]);
		if (s == QD_OK)
			s = qd_problem_measures(q, ps[k].p.id, &ps[k].ms, &ps[k].nms, err);
		if (s == QD_OK)
			s = qd_problem_feedbacks(q, ps[k].p.id, &ps[k].fb, &ps[k].nfb, err);
		k++;
	}
	free(list);
	if (s != QD_OK) {
		pp_free(ps, k);
		return s;
	}
	*out = ps;
	*n = k;
	return QD_OK;
}

/* The 问题 cell: number, text, category, status, 回访. */
static char *problem_cell(const struct pp_problem *pp, int number)
{
	const struct problem *p = &pp->p;
	struct strbuf b = {0};
	sb_printf(&b, msg(M_PP_NUMBERED), number, p->text ? p->text : "");
	if (!str_empty(p->category)) {
		sb_puts(&b, "\n");
		sb_printf(&b, msg(M_PP_CATEGORY), p->category);
	}
	sb_puts(&b, "\n");
	if (p->status == PB_CLOSED && !str_empty(p->closed_on))
		sb_printf(&b, msg(M_PP_CLOSED_ON), p->closed_on);
	else
		sb_printf(&b, msg(M_PP_STATUS), problem_status_label(p->status));
	if (p->needs_feedback) {
		sb_puts(&b, "\n");
		if (p->satisfied < 0)
			sb_puts(&b, msg(M_PP_NEEDS_FEEDBACK));
		else
			sb_printf(&b, msg(M_PP_FED_BACK), msg(p->satisfied ? M_PP_YES : M_PP_NO));
	}
	return sb_take(&b);
}

/* The 来源 cell: source, raiser, the day, the meeting it was found at. */
static char *source_cell(const struct problem *p)
{
	struct strbuf b = {0};
	sb_puts(&b, problem_source_label(p->source));
	/* a raiser, or anonymous where the public raise problems (a problem
	 * found by a check or at a meeting has nobody to name) */
	int public = p->source == SRC_PHONE || p->source == SRC_MAIL || p->source == SRC_BOX ||
		     p->source == SRC_VISIT || p->source == SRC_OTHER;
	if (!str_empty(p->raiser_name) || public) {
		sb_puts(&b, "\n");
		sb_printf(&b, msg(M_PP_RAISER),
			  str_empty(p->raiser_name) ? msg(M_PP_ANONYMOUS) : p->raiser_name);
	}
	sb_puts(&b, "\n");
	sb_printf(&b, msg(M_PP_RAISED_ON), p->raised_on ? p->raised_on : "");
	if (p->meeting_id) {
		sb_puts(&b, "\n");
		sb_printf(&b, msg(M_PP_MEETING), p->meeting_id);
	}
	return sb_take(&b);
}

static char *measure_cell(const struct item *m)
{
	if (str_empty(m->standard))
		return xstrdup(m->content ? m->content : "");
	struct strbuf b = {0};
	sb_puts(&b, m->content ? m->content : "");
	sb_puts(&b, "\n");
	sb_printf(&b, msg(M_PP_STANDARD), m->standard);
	return sb_take(&b);
}

static char *owner_cell(const struct item *m)
{
	if (str_empty(m->lead_name))
		return xstrdup(m->owner_name ? m->owner_name : "");
	struct strbuf b = {0};
	sb_puts(&b, m->owner_name ? m->owner_name : "");
	sb_puts(&b, "\n");
	sb_printf(&b, msg(M_PP_LEAD), m->lead_name);
	return sb_take(&b);
}

static char *due_cell(const struct item *m)
{
	if (!str_empty(m->due) && !str_empty(m->due_text))
		return xasprintf("%s\n%s", m->due, m->due_text);
	return xstrdup(!str_empty(m->due) ? m->due : m->due_text ? m->due_text : "");
}

/* 完成情况: the status, the day it was done, the flags (逾期 …). */
static char *done_cell(const struct item *m)
{
	struct strbuf b = {0};
	const char *label = status_label(m->status);
	if (m->status == ST_DONE && !str_empty(m->done_on))
		sb_printf(&b, msg(M_PP_DONE_ON), label, m->done_on);
	else
		sb_puts(&b, label);
	char *f = flags_label(m->flags ? m->flags : "");
	if (*f)
		sb_printf(&b, "\n%s", f);
	free(f);
	return sb_take(&b);
}

static int has_flag(const char *flags, const char *flag)
{
	size_t n = strlen(flag);
	for (const char *p = flags ? flags : ""; (p = strstr(p, flag)) != NULL; p += n)
		if ((p == flags || p[-1] == ',') && (p[n] == '\0' || p[n] == ','))
			return 1;
	return 0;
}

static void count_field(struct doc *d, enum msg_id key, enum msg_id unit, int n)
{
	char *v = xasprintf(msg(unit), n);
	doc_field(d, msg(key), v);
	free(v);
}

static void build(struct doc *d, const struct org *o, int year, const struct pp_problem *ps, int n)
{
	int measures = 0, rectified = 0, closed = 0, overdue = 0;
	for (int i = 0; i < n; i++) {
		measures += ps[i].nms;
		rectified += ps[i].p.status == PB_RECTIFIED || ps[i].p.status == PB_CLOSED;
		closed += ps[i].p.status == PB_CLOSED;
		for (int k = 0; k < ps[i].nms; k++)
			overdue += has_flag(ps[i].ms[k].flags, "overdue");
	}
	char *title = xasprintf(msg(M_PP_TITLE), o->name, year);
	doc_title(d, title);
	free(title);
	char buf[16];
	doc_field(d, msg(M_PP_F_ORG), o->name);
	snprintf(buf, sizeof buf, "%d", year);
	doc_field(d, msg(M_PP_F_YEAR), buf);
	count_field(d, M_PP_F_PROBLEMS, M_PP_COUNT, n);
	count_field(d, M_PP_F_MEASURES, M_PP_COUNT_MEASURES, measures);
	count_field(d, M_PP_F_RECTIFIED, M_PP_COUNT, rectified);
	count_field(d, M_PP_F_CLOSED, M_PP_COUNT, closed);
	if (overdue)
		count_field(d, M_PP_F_OVERDUE, M_PP_COUNT_MEASURES, overdue);
	if (!n) {
		doc_para(d, 0, msg(M_PP_NONE));
		doc_sign(d, msg(M_PP_SIGN), NULL);
		return;
	}

	const struct doc_col cols[] = {
		{msg(M_PP_COL_PROBLEM), 4.2, 'l'}, {msg(M_PP_COL_SOURCE), 2.4, 'l'},
		{msg(M_PP_COL_MEASURE), 4.6, 'l'}, {msg(M_PP_COL_OWNER), 1.6, 'c'},
		{msg(M_PP_COL_DUE), 1.7, 'c'},     {msg(M_PP_COL_DONE), 1.7, 'c'}};
	struct doc_table *t = doc_table(d, (int)ARRAY_SIZE(cols), cols);
	int feedbacks = 0;
	for (int i = 0; i < n; i++) {
		const struct pp_problem *pp = &ps[i];
		char *pc = problem_cell(pp, i + 1), *sc = source_cell(&pp->p);
		feedbacks += pp->nfb;
		if (!pp->nms) {
			const char *cells[] = {pc, sc, msg(M_PP_NO_MEASURE), "", "", ""};
			doc_row(t, 0, cells);
		}
		for (int k = 0; k < pp->nms; k++) {
			const struct item *m = &pp->ms[k];
			char *mc = measure_cell(m), *oc = owner_cell(m), *dc = due_cell(m), *fc = done_cell(m);
			const char *cells[] = {k ? "" : pc, k ? "" : sc, mc, oc, dc, fc};
			doc_row(t, has_flag(m->flags, "overdue") ? DOC_ROW_RED : 0, cells);
			free(mc);
			free(oc);
			free(dc);
			free(fc);
		}
		free(pc);
		free(sc);
	}
	if (feedbacks) {
		doc_heading(d, msg(M_PP_H_FEEDBACK));
		const struct doc_col fcols[] = {
			{msg(M_PP_COL_NO), 1.2, 'c'},     {msg(M_PP_COL_DATE), 1.6, 'c'},
			{msg(M_PP_COL_BY), 1.4, 'c'},     {msg(M_PP_COL_RESULT), 6, 'l'},
			{msg(M_PP_COL_SATISFIED), 1.4, 'c'}};
		struct doc_table *ft = doc_table(d, (int)ARRAY_SIZE(fcols), fcols);
		for (int i = 0; i < n; i++)
			for (int k = 0; k < ps[i].nfb; k++) {
				const struct problem_feedback *f = &ps[i].fb[k];
				char no[16];
				snprintf(no, sizeof no, "%d", i + 1);
				const char *cells[] = {no, f->on_date, f->by_name, f->result,
						       msg(f->satisfied ? M_PP_YES : M_PP_NO)};
				doc_row(ft, f->satisfied ? 0 : DOC_ROW_RED, cells);
			}
	}
	doc_sign(d, msg(M_PP_SIGN), NULL);
}

enum qd_status problem_doc(struct qd *q, long long org_id, int year, struct doc *d, char **code,
			   struct strbuf *err)
{
	struct org o;
	*code = NULL;
	memset(&o, 0, sizeof o);
	if (qd_get_org(q, org_id, &o) != QD_OK) {
		char ref[32];
		snprintf(ref, sizeof ref, "#%lld", org_id);
		sb_printf(err, msg(M_ORG_NOT_FOUND), ref);
		return QD_NOTFOUND;
	}
	struct pp_problem *ps = NULL;
	int n = 0;
	enum qd_status s = gather(q, org_id, year, &ps, &n, err);
	if (s == QD_OK) {
		struct cover c = {0};
		for (int i = 0; i < n; i++) {
			cover_add(&c, "problem", ps[i].p.id);
			for (int k = 0; k < ps[i].nms; k++)
				cover_add(&c, "item", ps[i].ms[k].id);
			for (int k = 0; k < ps[i].nfb; k++)
				cover_add(&c, "problem_feedback", ps[i].fb[k].id);
		}
		if (!c.n)
			cover_add(&c, "org", org_id);
		char *what = xasprintf("problems of org #%lld %d", org_id, year);
		s = qd_print_code(q, what, c.entities, c.ids, c.n, code, err);
		free(what);
		free(c.entities);
		free(c.ids);
	}
	if (s == QD_OK) {
		char *footer = xasprintf(msg(M_PP_CODE), *code);
		doc_group(d, footer);
		free(footer);
		build(d, &o, year, ps, n);
	}
	pp_free(ps, n);
	org_clear(&o);
	return s;
}

enum qd_status problem_print(struct qd *q, const struct problem_print_request *r, char **code,
			     char **lp_output, struct strbuf *err)
{
	*code = NULL;
	*lp_output = NULL;
	/* the file first (paper.h): a refused name logs no 校验码 */
	struct paper p;
	enum qd_status s = paper_open(&p, &r->to, q, err);
	if (s != QD_OK)
		return s;
	struct doc *d = doc_new(msg(M_PP_DOC_TITLE));
	s = problem_doc(q, r->org_id, r->year, d, code, err);
	s = paper_finish(&p, d, s, msg(M_PP_LP_TITLE), lp_output, err);
	doc_free(&d);
	return s;
}

/* ---- the checklist's section 整改措施 ---- */

struct gather_measures {
	struct checklist_measures *m;
	int pdf;
	long long first_org;
	int orgs;            /* more than one org: each problem names its org */
	char **org;          /* each row's org name */
};

static void add_measure(void *ctx, const struct store_person_measure *r)
{
	struct gather_measures *g = ctx;
	struct checklist_measures *m = g->m;
	if (!m->n)
		g->first_org = r->org_id;
	else if (r->org_id != g->first_org)
		g->orgs = 2;
	m->ids = xrealloc(m->ids, (size_t)(m->n + 1) * sizeof *m->ids);
	m->red = xrealloc(m->red, (size_t)(m->n + 1) * sizeof *m->red);
	m->cells = xrealloc(m->cells, (size_t)(m->n + 1) * sizeof *m->cells);
	g->org = xrealloc(g->org, (size_t)(m->n + 1) * sizeof *g->org);
	g->org[m->n] = xstrdup(r->org);
	char **c = m->cells[m->n];
	m->ids[m->n] = r->id;
	m->red[m->n] = has_flag(r->flags, "overdue");
	c[0] = xasprintf("%d", r->seq);
	c[1] = r->is_lead && !r->is_owner ? xasprintf("%s%s", r->content, msg(M_IO_PRINT_LEAD))
					  : xstrdup(r->content);
	c[2] = xstrdup(r->problem);   /* the org prefixed later, if more than one */
	c[3] = xstrdup(r->standard);
	if (*r->due && *r->due_text)
		c[4] = xasprintf("%s\n%s", r->due, r->due_text);
	else
		c[4] = xstrdup(*r->due ? r->due : r->due_text);
	int st = status_parse(r->status);
	char *f = flags_label(r->flags);
	const char *label = st >= 0 ? status_label((enum item_status)st) : r->status;
	c[5] = *f ? xasprintf("%s\n%s", label, f) : xstrdup(label);
	free(f);
	c[6] = xstrdup(g->pdf ? "☐" : "[ ]");
	m->n++;
}

enum qd_status checklist_measures_get(struct qd *q, int year, long long person_id, int pdf,
				      struct checklist_measures *m, struct strbuf *err)
{
	memset(m, 0, sizeof *m);
	char today[11], soon[11];
	int t = date_today();
	date_format(t, today);
	date_format(t + q->due_soon_days, soon);
	struct gather_measures g = {m, pdf, 0, 1, NULL};
	enum qd_status s = store_person_measures(q->db, year, person_id, today, soon, add_measure, &g,
						 err);
	/* measures of more than one org's 整改清单: each problem names its org */
	for (int i = 0; i < m->n; i++) {
		if (g.orgs > 1) {
			char *cell = xasprintf(msg(M_PP_IN_ORG), g.org[i], m->cells[i][2]);
			free(m->cells[i][2]);
			m->cells[i][2] = cell;
		}
		free(g.org[i]);
	}
	free(g.org);
	if (s != QD_OK)
		checklist_measures_clear(m);
	return s;
}

void checklist_measures_section(struct doc *d, const char *num, const struct checklist_measures *m)
{
	if (!m->n)
		return;
	char *heading = xasprintf(msg(M_PP_SECTION), num);
	doc_heading(d, heading);
	free(heading);
	const struct doc_col cols[] = {
		{msg(M_PP_COL_SEQ), 1.0, 'c'},      {msg(M_PP_COL_MEASURE), 5.0, 'l'},
		{msg(M_PP_COL_OF_PROBLEM), 4.0, 'l'}, {msg(M_PP_COL_STANDARD), 3.2, 'l'},
		{msg(M_PP_COL_CDUE), 3.0, 'c'},     {msg(M_PP_COL_STATUS), 2.0, 'c'},
		{msg(M_PP_COL_CHECK), 1.1, 'c'}};
	struct doc_table *t = doc_table(d, (int)ARRAY_SIZE(cols), cols);
	for (int i = 0; i < m->n; i++)
		doc_row(t, m->red[i] ? DOC_ROW_RED : 0, (const char *const *)m->cells[i]);
}

void checklist_measures_clear(struct checklist_measures *m)
{
	for (int i = 0; i < m->n; i++)
		for (int c = 0; c < 7; c++)
			free(m->cells[i][c]);
	free(m->cells);
	free(m->ids);
	free(m->red);
	memset(m, 0, sizeof *m);
}
