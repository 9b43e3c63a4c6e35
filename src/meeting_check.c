/* meeting_check.c — the year checked (meeting.h, "the year checked"; issue
 * 11 §4–5): each org's record against the rules of its level, period by
 * period; the Party members who have gone months without 组织生活; the
 * training hours of the year against their norm; and the year's counts.
 *
 * Everything here reads: no permission check (everyone reads), no audit.
 * The meetings and their derived counts (quorum, present) come from
 * qd_meeting_list, so the check and the stats agree with `meeting list`
 * by construction; who is expected comes from qd_meeting_expected, the
 * one place that rule lives.  What only adds rows up (the last 组织生活
 * each person attended, the hours of a year) is one grouped query each
 * (store_meeting_check.h), never one query per person or meeting. */
#include "qingdan/meeting.h"

#include <stdlib.h>
#include <string.h>

#include "qingdan/date.h"
#include "qingdan/db.h"
#include "qingdan/msg.h"
#include "qingdan/pledge.h"
#include "qingdan/store_meeting_check.h"

/* ---- codes and labels ---- */

static const char *const check_codes[] = {"ok", "missing", "short", "open"};
static const enum msg_id check_msgs[] = {M_CK_OK, M_CK_MISSING, M_CK_SHORT, M_CK_OPEN};

const char *check_code(enum check_status s)
{
	return (unsigned)s < ARRAY_SIZE(check_codes) ? check_codes[s] : "?";
}

const char *check_label(enum check_status s)
{
	return (unsigned)s < ARRAY_SIZE(check_msgs) ? msg(check_msgs[s]) : "?";
}

const char *member_flag_code(enum member_flag f)
{
	return f == MF_ALARM ? "alarm" : f == MF_WARN ? "warn" : "";
}

const char *member_flag_label(enum member_flag f)
{
	return f == MF_ALARM ? msg(M_CK_FLAG_ALARM) : f == MF_WARN ? msg(M_CK_FLAG_WARN) : "";
}

/* ---- frees ---- */

void check_rows_free(struct check_row *r, int n)
{
	for (int i = 0; r && i < n; i++)
		free(r[i].org_name);
	free(r);
}

void member_risks_free(struct member_risk *r, int n)
{
	for (int i = 0; r && i < n; i++) {
		free(r[i].name);
		free(r[i].org_name);
		free(r[i].last_attended);
	}
	free(r);
}

void member_hours_free(struct member_hours *h, int n)
{
	for (int i = 0; h && i < n; i++) {
		free(h[i].name);
		free(h[i].org_name);
	}
	free(h);
}

void meeting_stats_free(struct meeting_stat *s, int n)
{
	for (int i = 0; s && i < n; i++)
		free(s[i].org_name);
	free(s);
}

static enum qd_status store_failed(struct qd *q, struct strbuf *err)
{
	return db_error(q->db, err);
}

static char *today_iso(char *buf)
{
	return date_format(date_today(), buf);
}

/* ---- the check ---- */

/* The status of a period (meeting.h, struct check_row), in the order
 * listed there: a period still running whose meetings were held but short
 * of quorum says short (what is known), not open. */
static enum check_status period_status(int required, int held, int valid, const char *last,
				       const char *today)
{
	if (valid >= required)
		return CK_OK;
	if (held >= required)
		return CK_SHORT;
	return strcmp(last, today) >= 0 ? CK_OPEN : CK_MISSING;
}

static const struct meeting_rule *rule_of(const struct meeting_rule *rules, int nr, int level,
					  int type)
{
	for (int i = 0; i < nr; i++)
		if ((int)rules[i].level == level && (int)rules[i].type == type && rules[i].min > 0)
			return &rules[i];
	return NULL;
}

enum qd_status qd_meeting_check(struct qd *q, long long org_id, int year, struct check_row **out,
				int *n, struct strbuf *err)
{
	*out = NULL;
	*n = 0;
	struct check_org *orgs = NULL;
	struct meeting_rule *rules = NULL;
	struct meeting *ms = NULL;
	int norg = 0, nr = 0, nm = 0;
	if (store_check_orgs(q->db, org_id, &orgs, &norg) != QD_OK)
		return store_failed(q, err);
	enum qd_status s = qd_meeting_rules(q, &rules, &nr, err);
	struct meeting_filter f = MEETING_FILTER_INIT;
	f.year = year;
	f.org_id = org_id;
	if (s == QD_OK)
		s = qd_meeting_list(q, &f, &ms, &nm, err);
	char today[11];
	today_iso(today);
	for (int o = 0; s == QD_OK && o < norg; o++) {
		int level = level_parse(orgs[o].level);
		for (int t = 0; t < MT__COUNT; t++) {
			const struct meeting_rule *r = rule_of(rules, nr, level, t);
			if (!r)
				continue;
			int periods = period_count(r->every);
			for (int p = 0; p < periods; p++) {
				*out = xrealloc(*out, (size_t)(*n + 1) * sizeof **out);
				struct check_row *row = &(*out)[(*n)++];
				memset(row, 0, sizeof *row);
				row->org_id = orgs[o].id;
				row->org_name = xstrdup(orgs[o].name ? orgs[o].name : "");
				row->type = (enum meeting_type)t;
				period_of(r->every, year, p, row->period, row->first, row->last);
				row->required = r->min;
				for (int i = 0; i < nm; i++) {
					const struct meeting *m = &ms[i];
					if (m->org_id != orgs[o].id || (int)m->type != t || !m->on_date ||
					    strcmp(m->on_date, row->first) < 0 ||
					    strcmp(m->on_date, row->last) > 0)
						continue;
					row->held++;
					row->valid += m->quorum != QS_SHORT;
				}
				row->status = period_status(row->required, row->held, row->valid,
							    row->last, today);
			}
		}
	}
	if (s != QD_OK) {
		check_rows_free(*out, *n);
		*out = NULL;
		*n = 0;
	}
	check_orgs_free(orgs, norg);
	meeting_rules_free(rules, nr);
	meetings_free(ms, nm);
	return s;
}

/* ---- members at risk ---- */

/* Whole months from day `since` to day `to` (0 if to is not later): a
 * month counts once its day is reached, or at the end of a shorter month
 * (31 January to 28 February is one). */
static int whole_months(int since, int to)
{
	if (to <= since)
		return 0;
	int sy, sm, sd, ty, tm, td;
	date_to_ymd(since, &sy, &sm, &sd);
	date_to_ymd(to, &ty, &tm, &td);
	int months = (ty - sy) * 12 + (tm - sm);
	int month_end = date_from_ymd(ty, tm, td) + 1 == date_from_ymd(tm == 12 ? ty + 1 : ty,
									tm == 12 ? 1 : tm + 1, 1);
	if (td < sd && !month_end)
		months--;
	return months < 0 ? 0 : months;
}

/* What the grouped queries found for one person, by person id. */
struct seen {
	long long id;
	char *last, *first;   /* last attended; first expected (ISO) */
};

struct seen_set {
	struct seen *v;
	int n;
};

static int seen_cmp(const void *a, const void *b)
{
	long long x = ((const struct seen *)a)->id, y = ((const struct seen *)b)->id;
	return (x > y) - (x < y);
}

static struct seen *seen_find(struct seen_set *s, long long id)
{
	struct seen key = {id, NULL, NULL};
	return s->n ? bsearch(&key, s->v, (size_t)s->n, sizeof *s->v, seen_cmp) : NULL;
}

/* An earlier first day for person id (ISO), if they are in the set. */
static void seen_first(struct seen_set *s, long long id, const char *day)
{
	struct seen *p = seen_find(s, id);
	if (p && day && (!p->first || strcmp(day, p->first) < 0)) {
		free(p->first);
		p->first = xstrdup(day);
	}
}

static void on_attended(void *ctx, long long id, const char *last, const char *first)
{
	struct seen_set *s = ctx;
	seen_first(s, id, first);
	struct seen *p = seen_find(s, id);
	if (p && last && (!p->last || strcmp(last, p->last) > 0)) {
		free(p->last);
		p->last = xstrdup(last);
	}
}

struct kind {
	long long org_id;
	int type;
	char *cell, *first;
};

struct kinds {
	struct kind *v;
	int n;
};

static void on_kind(void *ctx, long long org_id, const char *type, const char *cell,
		    const char *first)
{
	struct kinds *k = ctx;
	int t = meeting_type_parse(type);
	if (t < 0 || !first)
		return;
	k->v = xrealloc(k->v, (size_t)(k->n + 1) * sizeof *k->v);
	k->v[k->n++] = (struct kind){org_id, t, xstrdup(cell ? cell : ""), xstrdup(first)};
}

/* For the sort: the months and the place of the person's org. */
struct risk_key {
	struct member_risk r;
	int org_rank;
};

static int risk_cmp(const void *a, const void *b)
{
	const struct risk_key *x = a, *y = b;
	if (x->r.months_without != y->r.months_without)
		return x->r.months_without > y->r.months_without ? -1 : 1;
	if (x->org_rank != y->org_rank)
		return x->org_rank < y->org_rank ? -1 : 1;
	int c = strcmp(x->r.name ? x->r.name : "", y->r.name ? y->r.name : "");
	if (c)
		return c;
	return (x->r.person_id > y->r.person_id) - (x->r.person_id < y->r.person_id);
}

enum qd_status qd_meeting_members(struct qd *q, long long org_id, struct member_risk **out,
				  int *n, struct strbuf *err)
{
	*out = NULL;
	*n = 0;
	struct check_person *people = NULL;
	int np = 0;
	if (store_check_people(q->db, org_id, &people, &np) != QD_OK)
		return store_failed(q, err);
	struct seen_set seen = {xcalloc((size_t)np + 1, sizeof(struct seen)), np};
	for (int i = 0; i < np; i++)
		seen.v[i].id = people[i].id;
	qsort(seen.v, (size_t)np, sizeof *seen.v, seen_cmp);
	char today[11];
	today_iso(today);
	struct kinds kinds = {NULL, 0};
	enum qd_status s = QD_OK;
	if (store_check_attended(q->db, today, on_attended, &seen) != QD_OK ||
	    store_check_kinds(q->db, today, on_kind, &kinds) != QD_OK)
		s = store_failed(q, err);
	/* who each kind of meeting held expects, as the people are now */
	for (int k = 0; s == QD_OK && k < kinds.n; k++) {
		long long *ids = NULL;
		int *voting = NULL, ne = 0;
		s = qd_meeting_expected(q, kinds.v[k].org_id, (enum meeting_type)kinds.v[k].type,
					kinds.v[k].cell, &ids, &voting, &ne, err);
		for (int i = 0; s == QD_OK && i < ne; i++)
			seen_first(&seen, ids[i], kinds.v[k].first);
		free(ids);
		free(voting);
	}
	struct risk_key *keys = xcalloc((size_t)np + 1, sizeof *keys);
	int t = date_today();
	for (int i = 0; s == QD_OK && i < np; i++) {
		const struct seen *p = seen_find(&seen, people[i].id);
		struct risk_key *k = &keys[i];
		k->r.person_id = people[i].id;
		k->r.org_id = people[i].org_id;
		k->r.name = xstrdup(people[i].name ? people[i].name : "");
		k->r.org_name = xstrdup(people[i].org_name ? people[i].org_name : "");
		k->r.last_attended = p->last ? xstrdup(p->last) : NULL;
		const char *since = p->last ? p->last : p->first;
		int day;
		k->r.months_without = since && date_parse(since, &day) == 0 ? whole_months(day, t) : -1;
		k->r.flag = k->r.months_without >= 6 ? MF_ALARM
			    : k->r.months_without >= 3 ? MF_WARN : MF_NONE;
		/* people come in org order: the first index of the org is its rank */
		k->org_rank = i;
		if (i > 0 && people[i - 1].org_id == people[i].org_id)
			k->org_rank = keys[i - 1].org_rank;
	}
	if (s == QD_OK) {
		qsort(keys, (size_t)np, sizeof *keys, risk_cmp);
		*out = xcalloc((size_t)np + 1, sizeof **out);
		for (int i = 0; i < np; i++)
			(*out)[i] = keys[i].r;
		*n = np;
	} else {
		for (int i = 0; i < np; i++) {
			free(keys[i].r.name);
			free(keys[i].r.org_name);
			free(keys[i].r.last_attended);
		}
	}
	free(keys);
	for (int k = 0; k < kinds.n; k++) {
		free(kinds.v[k].cell);
		free(kinds.v[k].first);
	}
	free(kinds.v);
	for (int i = 0; i < seen.n; i++) {
		free(seen.v[i].last);
		free(seen.v[i].first);
	}
	free(seen.v);
	check_people_free(people, np);
	return s;
}

/* ---- hours ---- */

/* A norm setting: its number, or the default when unset or not one. */
static double norm_setting(struct qd *q, const char *key, double dflt)
{
	char *v = qd_setting(q, key);
	char *end = NULL;
	double d = v && *v ? strtod(v, &end) : dflt;
	if (v && *v && (!end || *end || d < 0))
		d = dflt;
	free(v);
	return d;
}

struct hours_set {
	long long *ids;
	double *hours;
	int n, cap;
};

static void on_hours(void *ctx, long long id, double hours)
{
	struct hours_set *h = ctx;
	if (h->n == h->cap) {
		h->cap = h->cap ? 2 * h->cap : 64;
		h->ids = xrealloc(h->ids, (size_t)h->cap * sizeof *h->ids);
		h->hours = xrealloc(h->hours, (size_t)h->cap * sizeof *h->hours);
	}
	h->ids[h->n] = id;
	h->hours[h->n++] = hours;
}

static int ll_cmp(const void *a, const void *b)
{
	long long x = *(const long long *)a, y = *(const long long *)b;
	return (x > y) - (x < y);
}

/* Whether a member's norm is the leaders': a 书记 of a branch, or one of
 * the 班子成员 (pledge_post_matches). */
static int is_leader(const struct check_person *p)
{
	return str_eq(p->committee, "secretary") || pledge_post_matches(p->post, "班子成员");
}

enum qd_status qd_meeting_hours(struct qd *q, long long org_id, int year,
				struct member_hours **out, int *n, struct strbuf *err)
{
	*out = NULL;
	*n = 0;
	struct check_person *people = NULL;
	int np = 0;
	if (store_check_people(q->db, org_id, &people, &np) != QD_OK)
		return store_failed(q, err);
	char first[11], last[11];
	date_format(date_from_ymd(year, 1, 1), first);
	date_format(date_from_ymd(year, 12, 31), last);
	struct hours_set h = {0};
	if (store_check_hours(q->db, first, last, on_hours, &h) != QD_OK) {
		check_people_free(people, np);
		free(h.ids);
		free(h.hours);
		return store_failed(q, err);
	}
	double norm = norm_setting(q, "hours_norm", 32), norm_leader =
		norm_setting(q, "hours_norm_leader", 56);
	*out = xcalloc((size_t)np + 1, sizeof **out);
	for (int i = 0; i < np; i++) {
		struct member_hours *m = &(*out)[i];
		m->person_id = people[i].id;
		m->org_id = people[i].org_id;
		m->name = xstrdup(people[i].name ? people[i].name : "");
		m->org_name = xstrdup(people[i].org_name ? people[i].org_name : "");
		/* the query gives person id order: a binary search (none when
		 * nobody has hours: bsearch must not be given a NULL array) */
		const long long *at =
			h.n ? bsearch(&people[i].id, h.ids, (size_t)h.n, sizeof *h.ids, ll_cmp) : NULL;
		m->hours = at ? h.hours[at - h.ids] : 0;
		m->leader = is_leader(&people[i]);
		m->norm = m->leader ? norm_leader : norm;
	}
	*n = np;
	check_people_free(people, np);
	free(h.ids);
	free(h.hours);
	return QD_OK;
}

/* ---- the year's counts ---- */

static void stat_add(struct meeting_stat *st, const struct meeting *m)
{
	st->count++;
	st->participants += m->present;
	if (m->has_hours)
		st->hours += m->hours;
}

enum qd_status qd_meeting_stats(struct qd *q, int year, int by_org, struct meeting_stat **out,
				int *n, struct strbuf *err)
{
	*out = NULL;
	*n = 0;
	struct meeting *ms = NULL;
	int nm = 0;
	struct meeting_filter f = MEETING_FILTER_INIT;
	f.year = year;
	enum qd_status s = qd_meeting_list(q, &f, &ms, &nm, err);
	if (s != QD_OK)
		return s;
	if (!by_org) {
		struct meeting_stat t[MT__COUNT];
		memset(t, 0, sizeof t);
		for (int i = 0; i < nm; i++)
			if ((unsigned)ms[i].type < MT__COUNT)
				stat_add(&t[ms[i].type], &ms[i]);
		*out = xcalloc(MT__COUNT, sizeof **out);
		for (int k = 0; k < MT__COUNT; k++)
			if (t[k].count) {
				t[k].type = k;
				(*out)[(*n)++] = t[k];
			}
	} else {
		struct check_org *orgs = NULL;
		int norg = 0;
		if (store_check_orgs(q->db, 0, &orgs, &norg) != QD_OK) {
			meetings_free(ms, nm);
			return store_failed(q, err);
		}
		*out = xcalloc((size_t)norg + 1, sizeof **out);
		for (int o = 0; o < norg; o++) {
			struct meeting_stat *st = &(*out)[o];
			st->org_id = orgs[o].id;
			st->org_name = xstrdup(orgs[o].name ? orgs[o].name : "");
			st->type = -1;
			for (int i = 0; i < nm; i++)
				if (ms[i].org_id == orgs[o].id)
					stat_add(st, &ms[i]);
		}
		*n = norg;
		check_orgs_free(orgs, norg);
	}
	meetings_free(ms, nm);
	return QD_OK;
}
