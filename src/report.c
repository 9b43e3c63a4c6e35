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
#include "report_impl.h"

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


void report_no_header(struct rowsink *s, int ncol, const char *const *names)
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

void report_scope_free(struct scope *sc)
{
	for (int i = 0; i < sc->n; i++) {
		free(sc->v[i].name);
		free(sc->v[i].parent);
	}
	free(sc->v);
	sc->v = NULL;
	sc->n = 0;
}

enum qd_status report_scope_load(struct qd *q, int year, long long org_id, struct scope *sc,
				  struct strbuf *err)
{
	memset(sc, 0, sizeof *sc);
	sc->base.header = report_no_header;
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

const struct scope_org *report_scope_find(const struct scope *sc, const char *name)
{
	for (int i = 0; i < sc->n; i++)
		if (strcmp(sc->v[i].name, name) == 0)
			return &sc->v[i];
	return NULL;
}

int report_scope_has_id(const struct scope *sc, long long id)
{
	for (int i = 0; i < sc->n; i++)
		if (sc->v[i].id == id)
			return sc->v[i].in;
	return 0;
}

int report_has_flag(const char *flags, const char *flag)
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
	const struct scope_org *o = report_scope_find(is->sc, vals[1]);
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
			count_add(report_has_flag(flags, "late") ? &it->late : &it->ontime, id, xstrdup(label));
		}
		if (report_has_flag(flags, "overdue"))
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
	struct item_sink is = {{report_no_header, item_row, 0}, r, sc, 0};
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
				const struct scope_org *o = p->signer_org ? report_scope_find(sc, p->signer_org) : NULL;
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
		if (!report_scope_has_id(sc, m->org_id))
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
		if (!report_scope_has_id(sc, p->org_id))
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
	enum qd_status s = report_scope_load(q, r->year, org_id, &sc, err);
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
	report_scope_free(&sc);
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

