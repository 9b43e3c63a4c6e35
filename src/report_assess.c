/* report_assess.c — the assessment sheet of report --assess (report.h):
 * per org and per person the indicators a 绩效考评 uses, with the weighted
 * score (report.c has the figures and the arithmetic). */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qingdan/date.h"
#include "qingdan/db.h"
#include "qingdan/msg.h"
#include "qingdan/outfile.h"
#include "qingdan/plugin.h"
#include "qingdan/report.h"
#include "qingdan/text.h"
#include "store/json.h"
#include "report_impl.h"

/* ---- the assessment sheet ---- */

/* One row's counts. */
struct arow {
	long long id;
	int person;
	char *name, *org;
	long long items, ontime, late, overdue;
	long long pledges, signed_, graded;
	char *grade;
	long long periods, held;       /* org: the rules' periods that are over */
	double hours, norm;            /* person */
	int has_hours;
	long long problems, rectified;
};

static void arow_free(struct arow *a)
{
	free(a->name);
	free(a->org);
	free(a->grade);
}

/* Counting items into the row of their org (by name) or of one owner. */
struct acount {
	struct rowsink base;
	struct arow *rows;
	int n;
	int one;                       /* every row goes to rows[0] */
};

static void acount_row(struct rowsink *s, const char *const *vals, const char *json)
{
	(void)json;
	struct acount *a = (struct acount *)s;
	struct arow *r = NULL;
	for (int i = 0; !r && i < a->n; i++)
		if (a->one || (!a->rows[i].person && strcmp(a->rows[i].org, vals[1]) == 0))
			r = &a->rows[i];
	if (!r || strcmp(vals[9], "cancelled") == 0)
		return;
	r->items++;
	if (strcmp(vals[9], "done") == 0)
		(report_has_flag(vals[10], "late") ? &r->late : &r->ontime)[0]++;
	if (report_has_flag(vals[10], "overdue"))
		r->overdue++;
}

/* People of the file: id, name, org name, active. */
struct people {
	struct rowsink base;
	struct arow *v;
	int n;
};

static void people_row(struct rowsink *s, const char *const *vals, const char *json)
{
	(void)json;
	struct people *p = (struct people *)s;
	if (strcmp(vals[6], "1") != 0)
		return;   /* inactive */
	p->v = xrealloc(p->v, (size_t)(p->n + 1) * sizeof *p->v);
	struct arow *r = &p->v[p->n++];
	memset(r, 0, sizeof *r);
	r->id = strtoll(vals[0], NULL, 10);
	r->person = 1;
	r->name = xstrdup(vals[1]);
	r->org = xstrdup(vals[3]);
}

static void rate_cell(char *buf, size_t cap, long long num, long long den)
{
	int pm = report_permille(num, den);
	if (pm < 0)
		buf[0] = '\0';
	else
		snprintf(buf, cap, "%d.%d", pm / 10, pm % 10);
}

static void emit(struct rowsink *s, const struct assess_weights *w, const struct arow *r)
{
	static const char *const cols[] = {
		"id", "kind", "name", "org", "items", "ontime", "late", "overdue", "ontime_rate",
		"pledges", "signed", "graded", "grade", "pledge_rate", "periods", "held",
		"meeting_rate", "hours", "norm", "problems", "rectified", "rectify_rate", "score"};
	enum { NC = sizeof cols / sizeof cols[0] };
	char num[NC][32];
	const char *vals[NC];
	long long mnum, mden;
	if (r->person) {
		/* a person's part of the meetings: their hours against their norm */
		mnum = r->has_hours ? llround(r->hours * 10) : 0;
		mden = r->has_hours ? llround(r->norm * 10) : 0;
	} else {
		mnum = r->held;
		mden = r->periods;
	}
	/* on time of the items whose time has come: done, or open past due */
	long long due = r->ontime + r->late + r->overdue;
	const long long n4[4] = {r->ontime, r->signed_, mnum, r->rectified};
	const long long d4[4] = {due, r->pledges, mden, r->problems};
	double score = report_score(w, n4, d4);
	snprintf(num[0], 32, "%lld", r->id);
	snprintf(num[4], 32, "%lld", r->items);
	snprintf(num[5], 32, "%lld", r->ontime);
	snprintf(num[6], 32, "%lld", r->late);
	snprintf(num[7], 32, "%lld", r->overdue);
	rate_cell(num[8], 32, r->ontime, due);
	snprintf(num[9], 32, "%lld", r->pledges);
	snprintf(num[10], 32, "%lld", r->signed_);
	snprintf(num[11], 32, "%lld", r->graded);
	rate_cell(num[13], 32, r->signed_, r->pledges);
	num[14][0] = num[15][0] = num[17][0] = num[18][0] = '\0';
	if (!r->person) {
		snprintf(num[14], 32, "%lld", r->periods);
		snprintf(num[15], 32, "%lld", r->held);
	} else if (r->has_hours) {
		report_hours(r->hours, num[17], 32);
		report_hours(r->norm, num[18], 32);
	}
	rate_cell(num[16], 32, mnum > mden ? mden : mnum, mden);
	snprintf(num[19], 32, "%lld", r->problems);
	snprintf(num[20], 32, "%lld", r->rectified);
	rate_cell(num[21], 32, r->rectified, r->problems);
	if (score < 0)
		num[22][0] = '\0';
	else
		snprintf(num[22], 32, "%.1f", score);
	for (int i = 0; i < NC; i++)
		vals[i] = num[i];
	vals[1] = r->person ? "person" : "org";
	vals[2] = r->name ? r->name : "";
	vals[3] = r->org ? r->org : "";
	vals[12] = r->grade ? r->grade : "";
	struct strbuf j = {0};
	if (s->want_json) {
		sb_putc(&j, '{');
		for (int i = 0; i < NC; i++) {
			json_key(&j, cols[i]);
			int text = i == 1 || i == 2 || i == 3 || i == 12;
			if (text)
				json_text(&j, vals[i]);
			else if (!*vals[i])
				json_null(&j);
			else
				sb_puts(&j, vals[i]);
		}
		sb_putc(&j, '}');
	}
	s->row(s, vals, s->want_json ? j.s : NULL);
	sb_free(&j);
	(void)cols;
}

void report_assess_header(struct rowsink *s);
void report_assess_header(struct rowsink *s)
{
	static const char *const cols[] = {
		"id", "kind", "name", "org", "items", "ontime", "late", "overdue", "ontime_rate",
		"pledges", "signed", "graded", "grade", "pledge_rate", "periods", "held",
		"meeting_rate", "hours", "norm", "problems", "rectified", "rectify_rate", "score"};
	s->header(s, (int)ARRAY_SIZE(cols), cols);
}

static enum qd_status assess_pledges(struct qd *q, int year, struct arow *orgs, int no,
				     struct arow *people, int np, struct strbuf *err)
{
	struct pledge_filter f = PLEDGE_FILTER_INIT;
	f.year = year;
	long long after = 0;
	for (;;) {
		struct pledge *ps = NULL;
		int n = 0;
		enum qd_status s = qd_pledge_page(q, &f, after, 1, 200, &ps, &n, err);
		if (s != QD_OK)
			return s;
		for (int i = 0; i < n; i++) {
			const struct pledge *p = &ps[i];
			after = p->id;
			if (p->status == PL_VOID || p->status == PL_DRAFT)
				continue;
			int is_signed = p->status == PL_SIGNED || p->status == PL_ASSESSED ||
					p->status == PL_ARCHIVED;
			int graded = p->grade && *p->grade;
			for (int k = 0; k < no + np; k++) {
				struct arow *r = k < no ? &orgs[k] : &people[k - no];
				int match = r->person ? r->id == p->signer_id
						      : p->signer_org && strcmp(r->org, p->signer_org) == 0;
				if (!match)
					continue;
				r->pledges++;
				r->signed_ += is_signed;
				r->graded += graded;
				if (graded && r->person) {
					free(r->grade);
					r->grade = xstrdup(p->grade);
				}
			}
		}
		pledges_free(ps, n);
		if (n < 200)
			return QD_OK;
	}
}

/* Problems: an org's of the year (its own, as problem list --org), a
 * person's those with a measure they own or lead. */
static enum qd_status assess_problems(struct qd *q, int year, struct arow *orgs, int no,
				      struct arow *people, int np, struct strbuf *err)
{
	struct problem_filter f = PROBLEM_FILTER_INIT;
	f.year = year;
	for (int k = -1; k < np; k++) {
		struct problem *ps = NULL;
		int n = 0;
		f.person_id = k < 0 ? 0 : people[k].id;
		enum qd_status s = qd_problem_list(q, &f, &ps, &n, err);
		if (s != QD_OK)
			return s;
		for (int i = 0; i < n; i++) {
			int done = ps[i].status == PB_RECTIFIED || ps[i].status == PB_CLOSED;
			if (k >= 0) {
				people[k].problems++;
				people[k].rectified += done;
				continue;
			}
			for (int o = 0; o < no; o++)
				if (orgs[o].id == ps[i].org_id) {
					orgs[o].problems++;
					orgs[o].rectified += done;
				}
		}
		problems_free(ps, n);
	}
	return QD_OK;
}

enum qd_status report_assess(struct qd *q, int year, long long org_id, struct rowsink *s,
			     struct strbuf *err)
{
	if (!year)
		year = q->year;
	struct scope sc;
	struct people pp = {{report_no_header, people_row, 0}, NULL, 0};
	struct arow *orgs = NULL;
	int no = 0;
	char today[11], soon[11];
	int day = date_today();
	enum qd_status st = report_scope_load(q, year, org_id, &sc, err);
	if (st == QD_OK && org_id && !report_scope_has_id(&sc, org_id)) {
		sb_printf(err, msg(M_RP_NO_ORG), org_id);
		st = QD_NOTFOUND;
	}
	if (st == QD_OK)
		st = store_person_list(q->db, year, date_format(day, today), &pp.base, err);
	for (int i = 0; st == QD_OK && i < sc.n; i++) {
		if (!sc.v[i].in)
			continue;
		orgs = xrealloc(orgs, (size_t)(no + 1) * sizeof *orgs);
		struct arow *r = &orgs[no++];
		memset(r, 0, sizeof *r);
		r->id = sc.v[i].id;
		r->name = xstrdup(sc.v[i].name);
		r->org = xstrdup(sc.v[i].name);
	}
	/* people of the scope only */
	int np = 0;
	for (int i = 0; i < pp.n; i++) {
		const struct scope_org *o = *pp.v[i].org ? report_scope_find(&sc, pp.v[i].org) : NULL;
		if (org_id ? o && o->in : 1)
			pp.v[np++] = pp.v[i];
		else
			arow_free(&pp.v[i]);
	}
	struct item_filter f = {0};
	f.year = year;
	f.status = -1;
	f.today = date_format(day, today);
	f.soon = date_format(day + q->due_soon_days, soon);
	if (st == QD_OK) {
		struct acount a = {{report_no_header, acount_row, 0}, orgs, no, 0};
		st = store_item_list(q->db, &f, &a.base, err);
	}
	for (int i = 0; st == QD_OK && i < np; i++) {
		f.owner_id = pp.v[i].id;
		struct acount a = {{report_no_header, acount_row, 0}, &pp.v[i], 1, 1};
		st = store_item_list(q->db, &f, &a.base, err);
	}
	if (st == QD_OK)
		st = assess_pledges(q, year, orgs, no, pp.v, np, err);
	for (int i = 0; st == QD_OK && i < no; i++) {
		struct check_row *rows = NULL;
		int nr = 0;
		st = qd_meeting_check(q, orgs[i].id, year, &rows, &nr, err);
		for (int k = 0; st == QD_OK && k < nr; k++) {
			if (rows[k].status == CK_OPEN)
				continue;
			orgs[i].periods++;
			orgs[i].held += rows[k].status == CK_OK;
		}
		check_rows_free(rows, nr);
	}
	if (st == QD_OK) {
		struct member_hours *mh = NULL;
		int nh = 0;
		st = qd_meeting_hours(q, org_id, year, &mh, &nh, err);
		for (int k = 0; st == QD_OK && k < nh; k++)
			for (int i = 0; i < np; i++)
				if (pp.v[i].id == mh[k].person_id) {
					pp.v[i].hours = mh[k].hours;
					pp.v[i].norm = mh[k].norm;
					pp.v[i].has_hours = 1;
				}
		member_hours_free(mh, nh);
	}
	if (st == QD_OK)
		st = assess_problems(q, year, orgs, no, pp.v, np, err);
	if (st == QD_OK) {
		struct assess_weights w;
		report_weights(q, &w);
		report_assess_header(s);
		for (int i = 0; i < no; i++)
			emit(s, &w, &orgs[i]);
		/* the people with something to assess */
		for (int i = 0; i < np; i++)
			if (pp.v[i].items || pp.v[i].pledges || pp.v[i].problems)
				emit(s, &w, &pp.v[i]);
	}
	for (int i = 0; i < no; i++)
		arow_free(&orgs[i]);
	for (int i = 0; i < np; i++)
		arow_free(&pp.v[i]);
	free(orgs);
	free(pp.v);
	report_scope_free(&sc);
	return st;
}

/* The sheet kept in memory for the xlsx writer. */
struct grid {
	struct rowsink base;
	int ncol, nrow;
	char **head, **cells;
};

static void grid_header(struct rowsink *s, int ncol, const char *const *names)
{
	struct grid *g = (struct grid *)s;
	g->ncol = ncol;
	g->head = xcalloc((size_t)ncol, sizeof *g->head);
	for (int i = 0; i < ncol; i++)
		g->head[i] = xstrdup(names[i]);
}

static void grid_row(struct rowsink *s, const char *const *vals, const char *json)
{
	(void)json;
	struct grid *g = (struct grid *)s;
	g->cells = xrealloc(g->cells, (size_t)(g->nrow + 1) * (size_t)g->ncol * sizeof *g->cells);
	for (int i = 0; i < g->ncol; i++)
		g->cells[(size_t)g->nrow * (size_t)g->ncol + (size_t)i] = xstrdup(vals[i]);
	g->nrow++;
}

static void grid_free(struct grid *g)
{
	for (int i = 0; i < g->ncol; i++)
		free(g->head[i]);
	for (size_t i = 0; i < (size_t)g->nrow * (size_t)g->ncol; i++)
		free(g->cells[i]);
	free(g->head);
	free(g->cells);
}

enum qd_status report_assess_xlsx(struct qd *q, int year, long long org_id, const char *path,
				  int flags, FILE *out, int *rows, struct strbuf *err)
{
	const struct qd_print_plugin *pl = plugin_print(err);
	if (!pl)
		return QD_IOERROR;
	struct outfile o = {.fd = -1};
	enum qd_status s = path ? outfile_open(&o, path, flags, db_path(q->db), err)
				: outfile_scratch(&o, ".xlsx", err);
	if (s != QD_OK)
		return s;
	struct grid g = {{grid_header, grid_row, 0}, 0, 0, NULL, NULL};
	s = report_assess(q, year, org_id, &g.base, err);
	*rows = g.nrow;
	if (s == QD_OK)
		s = pl->xlsx_table(outfile_path(&o), msg(M_RP_ASSESS_SHEET), g.ncol,
				   (const char *const *)g.head, g.nrow, (const char *const *)g.cells,
				   err);
	if (s == QD_OK && !path && outfile_copy_to(&o, out) != 0) {
		sb_printf(err, msg(M_RP_WRITE), "-", strerror(errno ? errno : EIO));
		s = QD_IOERROR;
	}
	if (s == QD_OK && path)
		s = outfile_commit(&o, err);
	outfile_abort(&o);
	grid_free(&g);
	return s;
}
