/* meeting_expect.c — meetings as they are read (meeting.h): who is
 * expected at each (the rules at the head of meeting.h), the attendance
 * recorded, and the counts and quorum derived from both, for one meeting
 * or a long listing (its attendance in one query). */
#include "qingdan/meeting.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "meeting_impl.h"
#include "model_impl.h"
#include "qingdan/date.h"
#include "qingdan/db.h"
#include "qingdan/pledge.h"
#include "qingdan/store.h"
#include "qingdan/store_meeting.h"

/* ---- meetings: reading and the derived counts ---- */

void meeting_clear(struct meeting *m)
{
	char **s[] = {&m->org_name, &m->org_level, &m->on_date, &m->starts, &m->title, &m->place,
		      &m->cell, &m->summary, &m->decisions, &m->host_name, &m->recorder_name,
		      &m->created_at, &m->updated_at, &m->deleted_at, &m->quorum_rule};
	for (size_t i = 0; i < ARRAY_SIZE(s); i++)
		xfree(s[i]);
}

void meetings_free(struct meeting *ms, int n)
{
	for (int i = 0; i < n; i++)
		meeting_clear(&ms[i]);
	free(ms);
}

void attendees_free(struct attendee *a, int n)
{
	for (int i = 0; i < n; i++) {
		free(a[i].name);
		free(a[i].post);
		free(a[i].org_name);
		free(a[i].reason);
	}
	free(a);
}

void meeting_notes_free(struct meeting_note *n, int count)
{
	for (int i = 0; i < count; i++) {
		free(n[i].on_date);
		free(n[i].person_name);
		free(n[i].kind);
		free(n[i].text);
	}
	free(n);
}

/* Who a type expects (meeting.h's head). */
enum expect_class { EX_NONE, EX_PARTY, EX_COMMITTEE, EX_GROUP, EX_LEADERS };

static enum expect_class expect_class(enum meeting_type t)
{
	switch (t) {
	case MT_MEMBERS:
	case MT_LECTURE:
	case MT_THEME_DAY:
	case MT_ORG_LIFE:
	case MT_REVIEW:
		return EX_PARTY;
	case MT_COMMITTEE:
		return EX_COMMITTEE;
	case MT_GROUP:
		return EX_GROUP;
	case MT_DEMOCRATIC_LIFE:
	case MT_STUDY_GROUP:
		return EX_LEADERS;
	default:
		return EX_NONE;
	}
}

static int is_party(const struct store_mperson *p)
{
	return p->party == PS_FULL || p->party == PS_PROBATIONARY;
}

enum qd_status meeting_expected_people(struct qd *q, long long org_id, const char *org_level,
				       enum meeting_type type, const char *cell,
				       struct store_mperson **out, int *n)
{
	enum expect_class c = expect_class(type);
	*out = NULL;
	*n = 0;
	if (c == EX_NONE)
		return QD_OK;
	struct store_mperson *all = NULL;
	int na = 0;
	enum qd_status s = store_meeting_people(q->db, org_id, c == EX_LEADERS, &all, &na);
	if (s != QD_OK)
		return s;
	int party_group = str_eq(org_level, level_code(LV_PARTY_GROUP));
	int k = 0;
	for (int i = 0; i < na; i++) {
		struct store_mperson *p = &all[i];
		int keep;
		switch (c) {
		case EX_PARTY:
			keep = is_party(p);
			break;
		case EX_COMMITTEE:
			keep = is_party(p) && p->committee != CR_NONE;
			break;
		case EX_GROUP:
			keep = is_party(p) && (str_empty(cell) || str_eq(p->cell, cell));
			break;
		default:
			/* the 党组's own people (not every org under it: 机关党委
			 * and its branches are), and the posts that say 党组… */
			keep = (party_group && p->org_id == org_id) ||
			       pledge_post_matches(p->post, "班子成员");
			break;
		}
		if (keep) {
			all[k++] = *p;
		} else {
			struct store_mperson *drop = p;
			free(drop->name);
			free(drop->post);
			free(drop->org_name);
			free(drop->cell);
			free(drop->reason);
		}
	}
	*out = all;
	*n = k;
	return QD_OK;
}

static int mperson_order(const struct store_mperson *a, const struct store_mperson *b)
{
	if (a->sort_null != b->sort_null)
		return a->sort_null - b->sort_null;
	if (a->sort != b->sort)
		return a->sort < b->sort ? -1 : 1;
	if (a->org_key != b->org_key)
		return a->org_key < b->org_key ? -1 : 1;
	return a->id < b->id ? -1 : a->id > b->id;
}

struct slot {
	struct store_mperson *p;
	int status, recorded, expected, voting;
	const char *reason;
};

static int slot_cmp(const void *x, const void *y)
{
	const struct slot *a = x, *b = y;
	if (a->expected != b->expected)
		return b->expected - a->expected;
	return mperson_order(a->p, b->p);
}

static int by_person(const void *x, const void *y)
{
	const struct store_mperson *const *a = x, *const *b = y;
	return (*a)->id < (*b)->id ? -1 : (*a)->id > (*b)->id;
}

/* The attendees of meeting m given its expected people E and its rows R;
 * fills m's derived counts; *out (when out) malloc'd. */
static void combine(struct meeting *m, struct store_mperson *E, int ne, struct store_mperson *R,
		    int nr, struct attendee **out, int *n)
{
	struct store_mperson **idx = nr ? xmalloc((size_t)nr * sizeof *idx) : NULL;
	char *used = nr ? xcalloc((size_t)nr, 1) : NULL;
	for (int i = 0; i < nr; i++)
		idx[i] = &R[i];
	if (nr > 1)
		qsort(idx, (size_t)nr, sizeof *idx, by_person);
	struct slot *sl = xmalloc((size_t)(ne + nr + 1) * sizeof *sl);
	int ns = 0;
	for (int i = 0; i < ne; i++) {
		struct store_mperson key = {.id = E[i].id}, *kp = &key;
		struct store_mperson **hit = nr ? bsearch(&kp, idx, (size_t)nr, sizeof *idx, by_person) : NULL;
		struct slot *s = &sl[ns++];
		s->p = &E[i];
		s->recorded = hit != NULL;
		s->status = hit ? (*hit)->status : AT_ABSENT;
		s->reason = hit ? (*hit)->reason : NULL;
		s->expected = s->status != AT_OBSERVER;
		if (hit)
			used[*hit - R] = 1;
	}
	for (int i = 0; i < nr; i++) {
		if (used[i])
			continue;
		struct slot *s = &sl[ns++];
		s->p = &R[i];
		s->recorded = 1;
		s->status = R[i].status < 0 ? AT_ABSENT : R[i].status;
		s->reason = R[i].reason;
		s->expected = s->status != AT_OBSERVER;
	}
	qsort(sl, (size_t)ns, sizeof *sl, slot_cmp);
	m->expected = m->present = m->leave = m->absent = m->late = m->observers = 0;
	m->voting_expected = m->voting_present = 0;
	for (int i = 0; i < ns; i++) {
		struct slot *s = &sl[i];
		s->voting = s->expected && s->p->party == PS_FULL;
		if (!s->expected) {
			m->observers++;
			continue;
		}
		m->expected++;
		int here = s->status == AT_PRESENT || s->status == AT_LATE;
		m->present += here;
		m->late += s->status == AT_LATE;
		m->leave += s->status == AT_LEAVE;
		m->absent += s->status == AT_ABSENT;
		m->voting_expected += s->voting;
		m->voting_present += s->voting && here;
	}
	m->quorum = quorum_check(m->quorum_rule, m->voting_present, m->voting_expected);
	if (out) {
		*out = xcalloc((size_t)ns + 1, sizeof **out);
		for (int i = 0; i < ns; i++) {
			struct attendee *a = &(*out)[i];
			a->person_id = sl[i].p->id;
			a->name = xstrdup(sl[i].p->name ? sl[i].p->name : "");
			a->post = xstrdup(sl[i].p->post ? sl[i].p->post : "");
			a->org_name = xstrdup(sl[i].p->org_name ? sl[i].p->org_name : "");
			a->status = (enum attend_status)sl[i].status;
			a->recorded = sl[i].recorded;
			a->expected = sl[i].expected;
			a->voting = sl[i].voting;
			a->reason = xstrdup(sl[i].reason ? sl[i].reason : "");
		}
		*n = ns;
	}
	free(sl);
	free(idx);
	free(used);
}

/* Fill m's derived counts (and *out, when out). */
static enum qd_status derive(struct qd *q, struct meeting *m, struct store_mperson *E, int ne,
			     struct attendee **out, int *n)
{
	struct store_mperson *R = NULL;
	int nr = 0;
	enum qd_status s = store_attendance_of(q->db, m->id, &R, &nr);
	if (s == QD_OK)
		combine(m, E, ne, R, nr, out, n);
	store_mpeople_free(R, nr);
	return s;
}

static enum qd_status derive_one(struct qd *q, struct meeting *m, struct attendee **out, int *n)
{
	struct store_mperson *E = NULL;
	int ne = 0;
	enum qd_status s = meeting_expected_people(q, m->org_id, m->org_level, m->type, m->cell, &E,
						   &ne);
	if (s == QD_OK)
		s = derive(q, m, E, ne, out, n);
	store_mpeople_free(E, ne);
	return s;
}

enum qd_status qd_meeting_get(struct qd *q, long long id, struct meeting *m, struct strbuf *err)
{
	memset(m, 0, sizeof *m);
	enum qd_status s = store_meeting_get(q->db, id, m);
	if (s == QD_NOTFOUND) {
		if (err)
			sb_printf(err, msg(M_MEETING_NOT_FOUND), id);
		return s;
	}
	if (s == QD_OK)
		s = derive_one(q, m, NULL, NULL);
	if (s != QD_OK) {
		meeting_clear(m);
		return db_error(q->db, err);
	}
	return QD_OK;
}

/* The expected people of each (org, type class, cell) a listing meets, once. */
struct expect_cache {
	long long org_id;
	enum expect_class c;
	char *cell;
	struct store_mperson *E;
	int ne;
};

/* with R (nr rows, by meeting id) the attendance of all of ms, else one
 * query a meeting */
static enum qd_status derive_all(struct qd *q, struct meeting *ms, int n, int batched,
				 struct store_mperson *R, int nr)
{
	struct expect_cache *cache = NULL;
	int nc = 0;
	enum qd_status s = QD_OK;
	for (int i = 0; i < n && s == QD_OK; i++) {
		struct meeting *m = &ms[i];
		enum expect_class c = expect_class(m->type);
		const char *cell = c == EX_GROUP ? (m->cell ? m->cell : "") : "";
		struct expect_cache *hit = NULL;
		for (int k = 0; k < nc && !hit; k++)
			if (cache[k].org_id == m->org_id && cache[k].c == c && str_eq(cache[k].cell, cell))
				hit = &cache[k];
		if (!hit) {
			cache = xrealloc(cache, (size_t)(nc + 1) * sizeof *cache);
			hit = &cache[nc++];
			memset(hit, 0, sizeof *hit);
			hit->org_id = m->org_id;
			hit->c = c;
			hit->cell = xstrdup(cell);
			s = meeting_expected_people(q, m->org_id, m->org_level, m->type, cell, &hit->E,
						    &hit->ne);
		}
		if (s == QD_OK && !batched) {
			s = derive(q, m, hit->E, hit->ne, NULL, NULL);
		} else if (s == QD_OK) {
			int lo = 0, hi = nr;   /* the first row of m, then past its last */
			while (lo < hi) {
				int mid = lo + (hi - lo) / 2;
				if (R[mid].meeting_id < m->id)
					lo = mid + 1;
				else
					hi = mid;
			}
			int end = lo;
			while (end < nr && R[end].meeting_id == m->id)
				end++;
			combine(m, hit->E, hit->ne, R + lo, end - lo, NULL, NULL);
		}
	}
	for (int k = 0; k < nc; k++) {
		free(cache[k].cell);
		store_mpeople_free(cache[k].E, cache[k].ne);
	}
	free(cache);
	return s;
}

enum qd_status qd_meeting_list(struct qd *q, const struct meeting_filter *f, struct meeting **out,
			       int *n, struct strbuf *err)
{
	struct meeting_filter any = MEETING_FILTER_INIT;
	enum qd_status s = store_meeting_list(q->db, f ? f : &any, out, n);
	struct store_mperson *R = NULL;
	int nr = 0;
	/* many meetings: their attendance in one query, of the dates they span */
	if (s == QD_OK && *n > 4)
		s = store_attendance_counts_in(q->db, (*out)[0].on_date, (*out)[*n - 1].on_date,
					       f ? f->org_id : 0, &R, &nr);
	if (s == QD_OK)
		s = derive_all(q, *out, *n, *n > 4, R, nr);
	store_mpeople_free(R, nr);
	if (s != QD_OK) {
		meetings_free(*out, *n);
		*out = NULL;
		*n = 0;
		return db_error(q->db, err);
	}
	return QD_OK;
}

enum qd_status qd_meeting_attendees(struct qd *q, long long meeting_id, struct attendee **out,
				    int *n, struct strbuf *err)
{
	struct meeting m = {0};
	*out = NULL;
	*n = 0;
	enum qd_status s = store_meeting_get(q->db, meeting_id, &m);
	if (s == QD_NOTFOUND && err)
		sb_printf(err, msg(M_MEETING_NOT_FOUND), meeting_id);
	if (s == QD_OK && (s = derive_one(q, &m, out, n)) != QD_OK)
		db_error(q->db, err);
	else if (s == QD_DBERROR)
		db_error(q->db, err);
	meeting_clear(&m);
	return s;
}

enum qd_status qd_meeting_expected(struct qd *q, long long org_id, enum meeting_type type,
				   const char *cell, long long **ids, int **voting, int *n,
				   struct strbuf *err)
{
	struct org o = {0};
	struct store_mperson *E = NULL;
	int ne = 0;
	*ids = NULL;
	*voting = NULL;
	*n = 0;
	if (qd_get_org(q, org_id, &o) != QD_OK) {
		sb_printf(err, msg(M_ORG_NOT_FOUND), "#");
		return QD_NOTFOUND;
	}
	enum qd_status s = meeting_expected_people(q, org_id, o.level, type, cell, &E, &ne);
	org_clear(&o);
	if (s != QD_OK)
		return db_error(q->db, err);
	*ids = xcalloc((size_t)ne + 1, sizeof **ids);
	*voting = xcalloc((size_t)ne + 1, sizeof **voting);
	for (int i = 0; i < ne; i++) {
		(*ids)[i] = E[i].id;
		(*voting)[i] = E[i].party == PS_FULL;
	}
	*n = ne;
	store_mpeople_free(E, ne);
	return QD_OK;
}

enum qd_status qd_item_meetings(struct qd *q, long long item_id, struct meeting **out, int *n,
				struct strbuf *err)
{
	enum qd_status s = store_item_meetings(q->db, item_id, out, n);
	if (s == QD_OK)
		s = derive_all(q, *out, *n, 0, NULL, 0);
	if (s != QD_OK) {
		meetings_free(*out, *n);
		*out = NULL;
		*n = 0;
		return db_error(q->db, err);
	}
	return QD_OK;
}
