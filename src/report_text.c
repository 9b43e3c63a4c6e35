/* report_text.c — the year in figures in words (report.h): one paragraph
 * of full sentences per section, each figure followed by its reference
 * 〔见 …〕, the records behind every figure with --detail, the 校验码 last;
 * as text, Markdown or a print document (doc.h) for the PDF.  Chinese by
 * default, English under --lang en; every string is in msg_report.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qingdan/date.h"
#include "qingdan/doc.h"
#include "qingdan/msg.h"
#include "qingdan/report.h"
#include "qingdan/text.h"

/* A figure of --detail: its name and its records. */
struct fig {
	enum msg_id name;
	const struct report_count *c;
};

struct section {
	enum msg_id heading;
	char *text;
	struct fig figs[24];
	int nfigs;
};

static void fig(struct section *s, enum msg_id name, const struct report_count *c)
{
	if (s->nfigs < (int)ARRAY_SIZE(s->figs))
		s->figs[s->nfigs++] = (struct fig){name, c};
}

/* 〔见 CMD〕 for a figure with a reference, else "". */
static char *see(const struct report_count *c)
{
	return c->ref ? xasprintf(msg(M_RP_REF), c->ref) : xstrdup("");
}

static void day_text(const char *iso, char *buf)
{
	int d;
	if (date_parse(iso, &d) != 0)
		snprintf(buf, 32, "%s", iso);
	else if (msg_english())
		date_format(d, buf);
	else
		date_format_zh(d, buf);
}

static void items_section(const struct report *r, struct section *s)
{
	struct strbuf b = {0};
	char day[32], rate[16];
	day_text(r->as_of, day);
	const struct report_items *it = &r->items;
	char *ref = see(&it->total);
	if (!it->total.n) {
		sb_printf(&b, msg(M_RP_ITEMS_NONE), day, ref);
	} else {
		sb_printf(&b, msg(M_RP_ITEMS_TOTAL), day, it->total.n, ref);
		char *dref = see(&it->done);
		sb_printf(&b, msg(M_RP_ITEMS_DONE), it->done.n, dref,
			  report_rate(it->done.n, it->total.n, rate, sizeof rate));
		free(dref);
		if (it->done.n)
			sb_printf(&b, msg(M_RP_ITEMS_SPLIT), it->ontime.n, it->late.n, "");
		char *oref = see(&it->overdue);
		sb_printf(&b, msg(it->overdue.n ? M_RP_ITEMS_OVERDUE : M_RP_ITEMS_NO_OVERDUE),
			  it->overdue.n, oref);
		free(oref);
	}
	free(ref);
	if (it->cancelled.n) {
		char *cref = see(&it->cancelled);
		sb_printf(&b, msg(M_RP_ITEMS_CANCELLED), it->cancelled.n, cref);
		free(cref);
	}
	sb_puts(&b, msg(M_RP_END));
	/* by level, those levels with items */
	int first = 1;
	for (int l = 0; l < 3; l++) {
		const struct report_items *lv = &r->level[l];
		if (!lv->total.n)
			continue;
		sb_puts(&b, first ? msg(M_RP_BY_LEVEL) : msg(M_RP_SEP));
		first = 0;
		sb_printf(&b, msg(M_RP_LEVEL), level_label((enum org_level)l), lv->total.n, lv->done.n,
			  report_rate(lv->done.n, lv->total.n, rate, sizeof rate));
	}
	if (!first) {
		char *lref = see(&r->level[0].total);
		sb_puts(&b, lref);
		sb_puts(&b, msg(M_RP_END));
		free(lref);
	}
	s->heading = M_RP_H_ITEMS;
	s->text = sb_take(&b);
	fig(s, M_RP_D_ITEMS, &it->total);
	fig(s, M_RP_D_DONE, &it->done);
	fig(s, M_RP_D_ONTIME, &it->ontime);
	fig(s, M_RP_D_LATE, &it->late);
	fig(s, M_RP_D_OVERDUE, &it->overdue);
	fig(s, M_RP_D_CANCELLED, &it->cancelled);
}

static void pledges_section(const struct report *r, struct section *s)
{
	struct strbuf b = {0};
	char rate[16];
	char *ref = see(&r->issued);
	if (!r->issued.n) {
		sb_printf(&b, msg(M_RP_PLEDGES_NONE), ref);
	} else {
		sb_printf(&b, msg(M_RP_PLEDGES), r->issued.n, ref, r->signed_.n,
			  report_rate(r->signed_.n, r->issued.n, rate, sizeof rate));
		if (r->proxy.n) {
			char *pref = see(&r->proxy);
			sb_printf(&b, msg(M_RP_PROXY), r->proxy.n, pref);
			free(pref);
		} else {
			sb_puts(&b, msg(M_RP_NO_PROXY));
		}
		if (r->assessed.n) {
			char *aref = see(&r->assessed);
			sb_printf(&b, msg(M_RP_ASSESSED), r->assessed.n, "");
			int k = 0;
			for (int g = 0; g < 4; g++) {
				if (!r->grade[g].n)
					continue;
				sb_puts(&b, k++ ? msg(M_RP_LIST_SEP) : msg(M_RP_GRADES));
				sb_printf(&b, msg(M_RP_GRADE), pledge_grades[g], r->grade[g].n);
			}
			sb_puts(&b, aref);
			free(aref);
		}
	}
	free(ref);
	sb_puts(&b, msg(M_RP_END));
	s->heading = M_RP_H_PLEDGES;
	s->text = sb_take(&b);
	fig(s, M_RP_D_ISSUED, &r->issued);
	fig(s, M_RP_D_SIGNED, &r->signed_);
	fig(s, M_RP_D_PROXY, &r->proxy);
	fig(s, M_RP_D_ASSESSED, &r->assessed);
	for (int g = 0; g < 4; g++)
		if (r->grade[g].n)
			fig(s, M_RP_D_ASSESSED, &r->grade[g]);
}

static void meetings_section(const struct report *r, struct section *s)
{
	struct strbuf b = {0};
	char rate[16], hours[32];
	char *ref = see(&r->periods);
	int over = r->periods.n - r->open.n;
	if (!r->periods.n) {
		sb_printf(&b, msg(M_RP_RULES_NONE), ref);
	} else {
		sb_printf(&b, msg(M_RP_RULES), r->periods.n, ref, r->held.n,
			  report_rate(r->held.n, over, rate, sizeof rate));
		if (r->short_.n)
			sb_printf(&b, msg(M_RP_RULES_SHORT), r->short_.n);
		if (r->missing.n)
			sb_printf(&b, msg(M_RP_RULES_MISSING), r->missing.n);
		if (r->open.n)
			sb_printf(&b, msg(M_RP_RULES_OPEN), r->open.n);
	}
	free(ref);
	sb_puts(&b, msg(M_RP_END));
	ref = see(&r->meetings);
	if (!r->meetings.n) {
		sb_printf(&b, msg(M_RP_MEETINGS_NONE), ref);
	} else {
		sb_printf(&b, msg(M_RP_MEETINGS), r->meetings.n, ref,
			  report_hours(r->hours, hours, sizeof hours));
		int k = 0;
		for (int t = 0; t < MT__COUNT; t++) {
			if (!r->by_type[t].n)
				continue;
			sb_puts(&b, k++ ? msg(M_RP_LIST_SEP) : msg(M_RP_TYPES));
			sb_printf(&b, msg(M_RP_TYPE), meeting_type_label((enum meeting_type)t),
				  r->by_type[t].n);
		}
		if (r->trainings.n) {
			char *tref = see(&r->trainings);
			sb_printf(&b, msg(M_RP_TRAINING), r->trainings.n, tref,
				  report_hours(r->training_hours, hours, sizeof hours));
			free(tref);
		}
	}
	free(ref);
	if (r->members.n) {
		char *mref = see(&r->members);
		sb_printf(&b, msg(M_RP_MEMBERS), r->members.n, r->members_met.n, mref,
			  report_rate(r->members_met.n, r->members.n, rate, sizeof rate));
		free(mref);
	}
	sb_puts(&b, msg(M_RP_END));
	s->heading = M_RP_H_MEETINGS;
	s->text = sb_take(&b);
	fig(s, M_RP_D_PERIODS, &r->periods);
	fig(s, M_RP_D_HELD, &r->held);
	fig(s, M_RP_D_SHORT, &r->short_);
	fig(s, M_RP_D_MISSING, &r->missing);
	fig(s, M_RP_D_OPEN, &r->open);
	fig(s, M_RP_D_MEETINGS, &r->meetings);
	fig(s, M_RP_D_TRAININGS, &r->trainings);
	fig(s, M_RP_D_MET, &r->members_met);
}

static void problems_section(const struct report *r, struct section *s)
{
	struct strbuf b = {0};
	char rate[16];
	char *ref = see(&r->problems);
	if (!r->problems.n) {
		sb_printf(&b, msg(M_RP_PROBLEMS_NONE), ref);
	} else {
		sb_printf(&b, msg(M_RP_PROBLEMS), r->problems.n, ref);
		int k = 0;
		for (int p = 0; p < SRC__COUNT; p++) {
			if (!r->by_source[p].n)
				continue;
			sb_puts(&b, k++ ? msg(M_RP_LIST_SEP) : msg(M_RP_SOURCES));
			sb_printf(&b, msg(M_RP_SOURCE), problem_source_label((enum problem_source)p),
				  r->by_source[p].n);
		}
		char *rref = see(&r->rectified);
		sb_printf(&b, msg(M_RP_RECTIFIED), r->rectified.n, rref,
			  report_rate(r->rectified.n, r->problems.n, rate, sizeof rate));
		free(rref);
		if (r->closed.n) {
			char *cref = see(&r->closed);
			sb_printf(&b, msg(M_RP_CLOSED), r->closed.n, cref);
			free(cref);
		}
		if (r->measures) {
			/* problem list's columns measures, done_measures, overdue */
			char *mref = see(&r->problems);
			sb_printf(&b, msg(M_RP_MEASURES), r->measures, r->done_measures,
				  r->overdue_measures, mref);
			free(mref);
		}
		if (r->need_feedback.n) {
			char *fref = see(&r->need_feedback);
			sb_printf(&b, msg(M_RP_FEEDBACK), r->need_feedback.n, r->fed_back.n,
				  r->satisfied.n, fref);
			free(fref);
		}
	}
	free(ref);
	sb_puts(&b, msg(M_RP_END));
	s->heading = M_RP_H_PROBLEMS;
	s->text = sb_take(&b);
	fig(s, M_RP_D_PROBLEMS, &r->problems);
	fig(s, M_RP_D_RECTIFIED, &r->rectified);
	fig(s, M_RP_D_CLOSED, &r->closed);
	fig(s, M_RP_D_NEED, &r->need_feedback);
	fig(s, M_RP_D_FED, &r->fed_back);
}

enum { NSECTIONS = 4 };

static void sections(const struct report *r, struct section *s)
{
	memset(s, 0, NSECTIONS * sizeof *s);
	items_section(r, &s[0]);
	pledges_section(r, &s[1]);
	meetings_section(r, &s[2]);
	problems_section(r, &s[3]);
}

static void sections_free(struct section *s)
{
	for (int i = 0; i < NSECTIONS; i++)
		free(s[i].text);
}

static char *title_of(const struct report *r)
{
	const char *who = r->org_name ? r->org_name : !str_empty(r->unit) ? r->unit : msg(M_RP_TITLE_ALL);
	return xasprintf(msg(M_RP_TITLE), who, r->year);
}

/* "#12 label" ("label" for a record without an id: a period checked). */
static char *record_line(const struct report_count *c, int i)
{
	return c->ids[i] ? xasprintf("#%lld %s", c->ids[i], c->labels[i]) : xstrdup(c->labels[i]);
}

static int put_clean(FILE *f, const char *text)
{
	char *clean = text_sanitize(text, 1);
	int rc = fputs(clean, f);
	free(clean);
	return rc < 0 ? -1 : 0;
}

int report_write(const struct report *r, enum report_format fmt, int detail, FILE *f)
{
	struct section s[NSECTIONS];
	sections(r, s);
	struct strbuf b = {0};
	char *title = title_of(r);
	int md = fmt == RF_MD;
	sb_printf(&b, md ? "# %s\n\n" : "%s\n\n", title);
	free(title);
	for (int i = 0; i < NSECTIONS; i++) {
		sb_printf(&b, md ? "## %s\n\n%s\n\n" : "%s\n%s\n\n", msg(s[i].heading), s[i].text);
		for (int k = 0; detail && k < s[i].nfigs; k++) {
			const struct report_count *c = s[i].figs[k].c;
			if (!c->n)
				continue;
			const char *name = msg(s[i].figs[k].name);
			if (c >= r->grade && c < r->grade + 4)
				name = pledge_grades[c - r->grade];
			if (md)
				sb_puts(&b, "- **");
			sb_printf(&b, msg(M_RP_DETAIL), name, c->n);
			sb_puts(&b, md ? "**\n" : "\n");
			for (int j = 0; j < c->n; j++) {
				char *line = record_line(c, j);
				sb_printf(&b, md ? "  - %s\n" : "    %s\n", line);
				free(line);
			}
		}
		if (detail)
			sb_putc(&b, '\n');
	}
	if (r->code) {
		sb_printf(&b, msg(M_RP_CODE), r->code);
		sb_puts(&b, md ? "\n\n" : "\n");
		sb_printf(&b, msg(M_RP_CODE_HINT), r->code);
		sb_putc(&b, '\n');
	}
	sections_free(s);
	int rc = put_clean(f, b.s ? b.s : "");
	sb_free(&b);
	return rc;
}

void report_doc(const struct report *r, int detail, struct doc *d)
{
	struct section s[NSECTIONS];
	sections(r, s);
	char *footer = r->code ? xasprintf(msg(M_RP_CODE), r->code) : NULL;
	doc_group(d, footer);
	free(footer);
	char *title = title_of(r);
	doc_title(d, title);
	free(title);
	char day[32];
	day_text(r->as_of, day);
	doc_field(d, msg(M_RP_F_SCOPE), r->org_name ? r->org_name : msg(M_RP_TITLE_ALL));
	doc_field(d, msg(M_RP_F_AS_OF), day);
	for (int i = 0; i < NSECTIONS; i++) {
		doc_heading(d, msg(s[i].heading));
		doc_para(d, DOC_PARA_INDENT, s[i].text);
		for (int k = 0; detail && k < s[i].nfigs; k++) {
			const struct report_count *c = s[i].figs[k].c;
			if (!c->n)
				continue;
			const char *name = msg(s[i].figs[k].name);
			if (c >= r->grade && c < r->grade + 4)
				name = pledge_grades[c - r->grade];
			char *head = xasprintf(msg(M_RP_DETAIL), name, c->n);
			doc_para(d, 0, head);
			free(head);
			const struct doc_col cols[] = {{msg(M_RP_COL_ID), 1, 'r'},
						       {msg(M_RP_COL_RECORD), 8, 'l'}};
			struct doc_table *t = doc_table(d, 2, cols);
			for (int j = 0; j < c->n; j++) {
				char id[24] = "";
				if (c->ids[j])
					snprintf(id, sizeof id, "#%lld", c->ids[j]);
				const char *cells[] = {id, c->labels[j]};
				doc_row(t, 0, cells);
			}
		}
	}
	if (r->code) {
		char *hint = xasprintf(msg(M_RP_CODE_HINT), r->code);
		doc_para(d, 0, hint);
		free(hint);
	}
	sections_free(s);
}
