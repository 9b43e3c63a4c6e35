/* report.c — the year in figures (report.h): the figures of a 述职报告
 * gathered from the listings' own reads, their 校验码, the arithmetic of
 * rates and scores, and the assessment sheet.  No text here but the
 * references (commands) and the short labels of records; the sentences
 * are report_text.c's. */
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

/* ---- arithmetic ---- */

int report_permille(long long num, long long den)
{
	if (den <= 0)
		return -1;
	if (num < 0)
		num = 0;
	return (int)((num * 2000 + den) / (2 * den));
}

char *report_rate(long long num, long long den, char *buf, size_t cap)
{
	int pm = report_permille(num, den);
	if (pm < 0)
		snprintf(buf, cap, "%s", msg(M_RP_NA));
	else if (pm % 10 == 0)
		snprintf(buf, cap, "%d%%", pm / 10);
	else
		snprintf(buf, cap, "%d.%d%%", pm / 10, pm % 10);
	return buf;
}

char *report_hours(double h, char *buf, size_t cap)
{
	long long tenths = llround(h * 10);
	if (tenths % 10 == 0)
		snprintf(buf, cap, "%lld", tenths / 10);
	else
		snprintf(buf, cap, "%lld.%lld", tenths / 10, llabs(tenths % 10));
	return buf;
}

static double weight_setting(struct qd *q, const char *key, double def)
{
	char *v = qd_setting(q, key);
	double w = def;
	if (v && *v) {
		char *end;
		double x = strtod(v, &end);
		if (end != v && *end == '\0' && x >= 0 && x <= 1000)
			w = x;
	}
	free(v);
	return w;
}

void report_weights(struct qd *q, struct assess_weights *w)
{
	w->items = weight_setting(q, "assess_weight_items", REPORT_WEIGHT_ITEMS);
	w->pledges = weight_setting(q, "assess_weight_pledges", REPORT_WEIGHT_PLEDGES);
	w->meetings = weight_setting(q, "assess_weight_meetings", REPORT_WEIGHT_MEETINGS);
	w->problems = weight_setting(q, "assess_weight_problems", REPORT_WEIGHT_PROBLEMS);
}

double report_score(const struct assess_weights *w, const long long num[4], const long long den[4])
{
	const double ws[4] = {w->items, w->pledges, w->meetings, w->problems};
	double sum = 0, wsum = 0;
	for (int i = 0; i < 4; i++) {
		if (den[i] <= 0 || ws[i] <= 0)
			continue;
		double rate = (double)num[i] / (double)den[i];
		sum += ws[i] * (rate > 1 ? 1 : rate);
		wsum += ws[i];
	}
	if (wsum <= 0)
		return -1;
	return round(sum / wsum * 1000) / 10;
}

/* ---- figures ---- */

static void count_add(struct report_count *c, long long id, char *label)
{
	c->ids = xrealloc(c->ids, (size_t)(c->n + 1) * sizeof *c->ids);
	c->labels = xrealloc(c->labels, (size_t)(c->n + 1) * sizeof *c->labels);
	c->ids[c->n] = id;
	c->labels[c->n++] = label;
}

static void count_clear(struct report_count *c)
{
	for (int i = 0; i < c->n; i++)
		free(c->labels[i]);
	free(c->labels);
	free(c->ids);
	free(c->ref);
	memset(c, 0, sizeof *c);
}

static void items_clear(struct report_items *it)
{
	count_clear(&it->total);
	count_clear(&it->done);
	count_clear(&it->ontime);
	count_clear(&it->late);
	count_clear(&it->overdue);
	count_clear(&it->cancelled);
}

void report_clear(struct report *r)
{
	for (int l = 0; l < 3; l++)
		items_clear(&r->level[l]);
	items_clear(&r->items);
	struct report_count *cs[] = {&r->issued, &r->signed_, &r->proxy, &r->assessed,
				     &r->periods, &r->held, &r->short_, &r->missing, &r->open,
				     &r->meetings, &r->trainings, &r->members, &r->members_met,
				     &r->problems, &r->rectified, &r->closed, &r->need_feedback,
				     &r->fed_back, &r->satisfied};
	for (size_t i = 0; i < ARRAY_SIZE(cs); i++)
		count_clear(cs[i]);
	for (int g = 0; g < 4; g++)
		count_clear(&r->grade[g]);
	for (int t = 0; t < MT__COUNT; t++)
		count_clear(&r->by_type[t]);
	for (int s = 0; s < SRC__COUNT; s++)
		count_clear(&r->by_source[s]);
	free(r->org_name);
	free(r->unit);
	free(r->code);
	memset(r, 0, sizeof *r);
}

/* The orgs of the scope: every org, or org_id and those under it. */
struct scope_org {
	long long id;
	char *name, *parent;
	int level;
	int in;
};
struct scope {
	struct rowsink base;
	struct scope_org *v;
	int n;
};

static void scope_header(struct rowsink *s, int ncol, const char *const *names)
{
	(void)s;
	(void)ncol;
	(void)names;
}

static void scope_row(struct rowsink *s, const char *const *vals, const char *json)
{
	(void)json;
	struct scope *sc = (struct scope *)s;
	sc->v = xrealloc(sc->v, (size_t)(sc->n + 1) * sizeof *sc->v);
	struct scope_org *o = &sc->v[sc->n++];
	o->id = strtoll(vals[0], NULL, 10);
	o->name = xstrdup(vals[1]);
	o->parent = xstrdup(vals[3]);
	o->level = level_parse(vals[2]);
	if (o->level < 0)
		o->level = LV_BRANCH;
	o->in = 0;
}

static void scope_free(struct scope *sc)
{
	for (int i = 0; i < sc->n; i++) {
		free(sc->v[i].name);
		free(sc->v[i].parent);
	}
	free(sc->v);
	sc->v = NULL;
	sc->n = 0;
}

static enum qd_status scope_load(struct qd *q, int year, long long org_id, struct scope *sc,
				 struct strbuf *err)
{
	memset(sc, 0, sizeof *sc);
	sc->base.header = scope_header;
	sc->base.row = scope_row;
	enum qd_status s = store_org_list(q->db, year, &sc->base, err);
	if (s != QD_OK)
		return s;
	/* mark org_id and, until nothing changes, every org whose parent is marked */
	int changed = 1;
	for (int i = 0; i < sc->n; i++)
		sc->v[i].in = !org_id || sc->v[i].id == org_id;
	while (org_id && changed) {
		changed = 0;
		for (int i = 0; i < sc->n; i++) {
			if (sc->v[i].in || !*sc->v[i].parent)
				continue;
			for (int j = 0; j < sc->n; j++)
				if (sc->v[j].in && strcmp(sc->v[j].name, sc->v[i].parent) == 0) {
					sc->v[i].in = changed = 1;
					break;
				}
		}
	}
	return QD_OK;
}

static const struct scope_org *scope_find(const struct scope *sc, const char *name)
{
	for (int i = 0; i < sc->n; i++)
		if (strcmp(sc->v[i].name, name) == 0)
			return &sc->v[i];
	return NULL;
}

static int scope_has_id(const struct scope *sc, long long id)
{
	for (int i = 0; i < sc->n; i++)
		if (sc->v[i].id == id)
			return sc->v[i].in;
	return 0;
}

static int has_flag(const char *flags, const char *flag)
{
	size_t n = strlen(flag);
	for (const char *p = flags; p && *p;) {
		const char *e = strchr(p, ',');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		if (len == n && strncmp(p, flag, n) == 0)
			return 1;
		p = e ? e + 1 : p + len;
	}
	return 0;
}

static char *cut(const char *text, int cols)
{
	char *clean = text_sanitize(text ? text : "", 0);
	char *c = text_width(clean) > cols ? text_fit(clean, cols, 1) : xstrdup(clean);
	free(clean);
	size_t n = strlen(c);
	while (n && c[n - 1] == ' ')
		c[--n] = '\0';
	return c;
}

/* The items of the year, as `item list` reads them. */
struct item_sink {
	struct rowsink base;
	struct report *r;
	const struct scope *sc;
	long long owner;         /* assess: counting one person's (filter) */
};

static void item_row(struct rowsink *s, const char *const *vals, const char *json)
{
	(void)json;
	struct item_sink *is = (struct item_sink *)s;
	const struct scope_org *o = scope_find(is->sc, vals[1]);
	if (!o || !o->in)
		return;
	long long id = strtoll(vals[0], NULL, 10);
	const char *status = vals[9], *flags = vals[10];
	struct report_items *sets[2] = {&is->r->items, &is->r->level[o->level]};
	char *c = cut(vals[5], 24);
	for (int k = 0; k < 2; k++) {
		struct report_items *it = sets[k];
		char *label = xasprintf(msg_english() ? "%s·%s %s (%s)" : "%s·%s %s（%s）", vals[1],
					vals[3], c, status_label((enum item_status)status_parse(status)));
		if (strcmp(status, "cancelled") == 0) {
			count_add(&it->cancelled, id, label);
			continue;
		}
		count_add(&it->total, id, label);
		if (strcmp(status, "done") == 0) {
			count_add(&it->done, id, xstrdup(label));
			count_add(has_flag(flags, "late") ? &it->late : &it->ontime, id, xstrdup(label));
		}
		if (has_flag(flags, "overdue"))
			count_add(&it->overdue, id, xstrdup(label));
	}
	free(c);
}

static enum qd_status gather_items(struct qd *q, struct report *r, const struct scope *sc,
				   struct strbuf *err)
{
	char today[11], soon[11];
	int day = date_today();
	struct item_filter f = {0};
	f.year = r->year;
	f.status = -1;
	f.org_id = 0;
	f.today = date_format(day, today);
	f.soon = date_format(day + q->due_soon_days, soon);
	struct item_sink is = {{scope_header, item_row, 0}, r, sc, 0};
	return store_item_list(q->db, &f, &is.base, err);
}

static char *pledge_label(const struct pledge *p)
{
	char *t = cut(p->title, 20);
	char *l = xasprintf(msg_english() ? "%s → %s %s (%s)" : "%s→%s %s（%s）",
			    p->issuer_name ? p->issuer_name : "", p->signer_name ? p->signer_name : "", t,
			    pledge_status_label(p->status));
	free(t);
	return l;
}

static enum qd_status gather_pledges(struct qd *q, struct report *r, const struct scope *sc,
				     struct strbuf *err)
{
	struct pledge_filter f = PLEDGE_FILTER_INIT;
	f.year = r->year;
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
			if (r->org_id) {
				const struct scope_org *o = p->signer_org ? scope_find(sc, p->signer_org) : NULL;
				if (!o || !o->in)
					continue;
			}
			count_add(&r->issued, p->id, pledge_label(p));
			if (p->status == PL_SIGNED || p->status == PL_ASSESSED || p->status == PL_ARCHIVED)
				count_add(&r->signed_, p->id, pledge_label(p));
			if (pledge_has_proxy(p))
				count_add(&r->proxy, p->id, pledge_label(p));
			int g = p->grade && *p->grade ? pledge_grade_parse(p->grade) : -1;
			if (g >= 0) {
				count_add(&r->assessed, p->id, pledge_label(p));
				count_add(&r->grade[g], p->id, pledge_label(p));
			}
		}
		pledges_free(ps, n);
		if (n < 200)
			return QD_OK;
	}
}

static enum qd_status gather_meetings(struct qd *q, struct report *r, const struct scope *sc,
				      struct strbuf *err)
{
	struct meeting_filter f = MEETING_FILTER_INIT;
	f.year = r->year;
	struct meeting *ms = NULL;
	int n = 0;
	enum qd_status s = qd_meeting_list(q, &f, &ms, &n, err);
	if (s != QD_OK)
		return s;
	for (int i = 0; i < n; i++) {
		const struct meeting *m = &ms[i];
		if (!scope_has_id(sc, m->org_id))
			continue;
		char *t = cut(m->title, 20);
		char *label = xasprintf("%s %s %s %s", m->on_date, m->org_name ? m->org_name : "",
					meeting_type_label(m->type), t);
		free(t);
		double h = m->has_hours ? m->hours : 0;
		count_add(&r->meetings, m->id, label);
		count_add(&r->by_type[m->type], m->id, xstrdup(label));
		r->hours += h;
		r->type_hours[m->type] += h;
		if (m->type == MT_TRAINING) {
			count_add(&r->trainings, m->id, xstrdup(label));
			r->training_hours += h;
		}
	}
	meetings_free(ms, n);

	/* the rules: each org of the scope checked on its own */
	for (int o = 0; o < sc->n && s == QD_OK; o++) {
		if (!sc->v[o].in)
			continue;
		struct check_row *rows = NULL;
		int nr = 0;
		s = qd_meeting_check(q, sc->v[o].id, r->year, &rows, &nr, err);
		for (int i = 0; s == QD_OK && i < nr; i++) {
			const struct check_row *c = &rows[i];
			char *label = xasprintf("%s %s %s %d/%d %s", c->org_name ? c->org_name : "",
						meeting_type_label(c->type), c->period, c->valid,
						c->required, check_label(c->status));
			struct report_count *to = c->status == CK_OK        ? &r->held
						  : c->status == CK_SHORT   ? &r->short_
						  : c->status == CK_MISSING ? &r->missing
									    : &r->open;
			count_add(&r->periods, 0, label);
			count_add(to, 0, xstrdup(label));
		}
		check_rows_free(rows, nr);
	}
	if (s != QD_OK)
		return s;

	struct member_hours *mh = NULL;
	int nh = 0;
	s = qd_meeting_hours(q, r->org_id, r->year, &mh, &nh, err);
	if (s != QD_OK)
		return s;
	for (int i = 0; i < nh; i++) {
		char a[32], b[32];
		char *label = xasprintf("%s %s %s/%s", mh[i].name ? mh[i].name : "",
					mh[i].org_name ? mh[i].org_name : "",
					report_hours(mh[i].hours, a, sizeof a),
					report_hours(mh[i].norm, b, sizeof b));
		count_add(&r->members, mh[i].person_id, label);
		if (mh[i].hours >= mh[i].norm)
			count_add(&r->members_met, mh[i].person_id, xstrdup(label));
	}
	member_hours_free(mh, nh);
	return QD_OK;
}

static char *problem_label(const struct problem *p)
{
	char *t = cut(p->text, 24);
	char *l = xasprintf(msg_english() ? "%s %s %s (%s)" : "%s %s %s（%s）",
			    p->org_name ? p->org_name : "", problem_source_label(p->source), t,
			    problem_status_label(p->status));
	free(t);
	return l;
}

/* The problems of the year, as `problem list` reads them. */
static enum qd_status gather_problems(struct qd *q, struct report *r, const struct scope *sc,
				      struct strbuf *err)
{
	struct problem_filter f = PROBLEM_FILTER_INIT;
	f.year = r->year;
	struct problem *ps = NULL;
	int n = 0;
	enum qd_status s = qd_problem_list(q, &f, &ps, &n, err);
	if (s != QD_OK)
		return s;
	for (int i = 0; i < n; i++) {
		const struct problem *p = &ps[i];
		if (!scope_has_id(sc, p->org_id))
			continue;
		count_add(&r->problems, p->id, problem_label(p));
		if ((int)p->source >= 0 && p->source < SRC__COUNT)
			count_add(&r->by_source[p->source], p->id, problem_label(p));
		if (p->status == PB_RECTIFIED || p->status == PB_CLOSED)
			count_add(&r->rectified, p->id, problem_label(p));
		if (p->status == PB_CLOSED)
			count_add(&r->closed, p->id, problem_label(p));
		if (p->needs_feedback) {
			count_add(&r->need_feedback, p->id, problem_label(p));
			if (p->feedbacks > 0)
				count_add(&r->fed_back, p->id, problem_label(p));
			if (p->satisfied == 1)
				count_add(&r->satisfied, p->id, problem_label(p));
		}
		r->measures += p->measures;
		r->done_measures += p->done_measures;
		r->overdue_measures += p->overdue_measures;
	}
	problems_free(ps, n);
	return QD_OK;
}

/* The command behind each figure: the year, the org when there is one. */
static void refs(struct report *r)
{
	char scope[256] = "";
	if (r->org_name) {
		char *o = text_sanitize(r->org_name, 0);
		snprintf(scope, sizeof scope, " --org %s", o);
		free(o);
	}
	int y = r->year;
	r->items.total.ref = xasprintf("item list --year %d%s", y, scope);
	r->items.done.ref = xasprintf("item list --year %d%s --status done", y, scope);
	r->items.ontime.ref = xstrdup(r->items.done.ref);
	r->items.late.ref = xstrdup(r->items.done.ref);
	r->items.overdue.ref = xasprintf("item list --year %d%s --overdue", y, scope);
	r->items.cancelled.ref = xasprintf("item list --year %d%s --status cancelled", y, scope);
	for (int l = 0; l < 3; l++)
		r->level[l].total.ref = xasprintf("stats --year %d --by org", y);
	/* pledge progress counts as these do, over every org */
	r->issued.ref = r->org_name ? xasprintf("pledge list --year %d", y)
				    : xasprintf("pledge progress --year %d", y);
	r->signed_.ref = xstrdup(r->issued.ref);
	r->proxy.ref = xasprintf("pledge list --year %d --proxy", y);
	r->assessed.ref = xasprintf("pledge list --year %d --status assessed", y);
	r->periods.ref = xasprintf("meeting check --year %d%s", y, scope);
	r->meetings.ref = xasprintf("meeting list --year %d%s", y, scope);
	r->trainings.ref = xasprintf("meeting list --year %d%s --type training", y, scope);
	r->members.ref = xasprintf("meeting hours --year %d%s", y, scope);
	r->problems.ref = xasprintf("problem list --year %d%s", y, scope);
	r->rectified.ref = xasprintf("problem list --year %d%s --status rectified", y, scope);
	r->closed.ref = xasprintf("problem list --year %d%s --status closed", y, scope);
	/* each problem's 回访: its show (--detail names them) */
	r->need_feedback.ref = xstrdup("problem show ID");
}

enum qd_status report_gather(struct qd *q, int year, long long org_id, struct report *r,
			     struct strbuf *err)
{
	memset(r, 0, sizeof *r);
	r->year = year ? year : q->year;
	r->org_id = org_id;
	r->unit = qd_setting(q, "unit_name");
	int today = date_today(), end = date_from_ymd(r->year, 12, 31);
	date_format(today < end ? today : end, r->as_of);
	struct scope sc;
	enum qd_status s = scope_load(q, r->year, org_id, &sc, err);
	if (s == QD_OK && org_id) {
		for (int i = 0; i < sc.n; i++)
			if (sc.v[i].id == org_id)
				r->org_name = xstrdup(sc.v[i].name);
		if (!r->org_name) {
			sb_printf(err, msg(M_RP_NO_ORG), org_id);
			s = QD_NOTFOUND;
		}
	}
	if (s == QD_OK)
		s = gather_items(q, r, &sc, err);
	if (s == QD_OK)
		s = gather_pledges(q, r, &sc, err);
	if (s == QD_OK)
		s = gather_meetings(q, r, &sc, err);
	if (s == QD_OK)
		s = gather_problems(q, r, &sc, err);
	scope_free(&sc);
	if (s == QD_OK)
		refs(r);
	else
		report_clear(r);
	return s;
}

static void cover(const char ***ents, long long **ids, int *n, const char *entity,
		  const struct report_count *c)
{
	for (int i = 0; i < c->n; i++) {
		*ents = xrealloc(*ents, (size_t)(*n + 1) * sizeof **ents);
		*ids = xrealloc(*ids, (size_t)(*n + 1) * sizeof **ids);
		(*ents)[*n] = entity;
		(*ids)[(*n)++] = c->ids[i];
	}
}

enum qd_status report_code(struct qd *q, struct report *r, struct strbuf *err)
{
	const char **ents = NULL;
	long long *ids = NULL;
	int n = 0;
	cover(&ents, &ids, &n, "item", &r->items.total);
	cover(&ents, &ids, &n, "item", &r->items.cancelled);
	cover(&ents, &ids, &n, "pledge", &r->issued);
	cover(&ents, &ids, &n, "meeting", &r->meetings);
	cover(&ents, &ids, &n, "problem", &r->problems);
	free(r->code);
	r->code = NULL;
	enum qd_status s = qd_print_code(q, "report", ents, ids, n, &r->code, err);
	free(ents);
	free(ids);
	return s;
}

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
		(has_flag(vals[10], "late") ? &r->late : &r->ontime)[0]++;
	if (has_flag(vals[10], "overdue"))
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
	struct people pp = {{scope_header, people_row, 0}, NULL, 0};
	struct arow *orgs = NULL;
	int no = 0;
	char today[11], soon[11];
	int day = date_today();
	enum qd_status st = scope_load(q, year, org_id, &sc, err);
	if (st == QD_OK && org_id && !scope_has_id(&sc, org_id)) {
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
		const struct scope_org *o = *pp.v[i].org ? scope_find(&sc, pp.v[i].org) : NULL;
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
		struct acount a = {{scope_header, acount_row, 0}, orgs, no, 0};
		st = store_item_list(q->db, &f, &a.base, err);
	}
	for (int i = 0; st == QD_OK && i < np; i++) {
		f.owner_id = pp.v[i].id;
		struct acount a = {{scope_header, acount_row, 0}, &pp.v[i], 1, 1};
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
	scope_free(&sc);
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
