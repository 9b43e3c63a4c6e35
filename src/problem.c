/* problem.c — 问题清单 → 整改清单 (problem.h): the writes of problems, their measures (items of the org's 整改清单, added
 * through the item model's own insert) and 回访, who may write, 销号 and
 * the figures (problem_codes.c has the codes, labels and record frees).
 *
 * Each write runs inside model_begin()/model_end(): it re-reads what it
 * changes inside the transaction, checks the actor's right on what it read
 * (admin, or the org's recorder: 书记, 副书记 or 组织委员; measures admin
 * only; closing admin or the lead of every measure), writes with the
 * version it read, and appends the audit row before commit; a refused or
 * failed change writes nothing. */
#include "qingdan/problem.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model_impl.h"
#include "qingdan/date.h"
#include "qingdan/db.h"
#include "qingdan/meeting.h"
#include "qingdan/store.h"
#include "qingdan/store_meeting.h"
#include "qingdan/store_problem.h"

/* ---- small helpers ---- */

static const char *today_iso(char *buf)
{
	return date_format(date_today(), buf);
}

/* One line a person types (a category, a name, a contact): no control
 * characters, at most max bytes. */
static int plain_line(const char *s, size_t max)
{
	if (strlen(s) > max)
		return 0;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (*p < 0x20 || *p == 0x7f)
			return 0;
	return 1;
}

/* A text (the problem, a result): lines and tabs, no other control
 * characters. */
static int plain_text(const char *s, size_t max)
{
	if (strlen(s) > max)
		return 0;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if ((*p < 0x20 && *p != '\n' && *p != '\t') || *p == 0x7f)
			return 0;
	return 1;
}

static enum qd_status bad_line(const char *field, int max, struct strbuf *err)
{
	sb_printf(err, msg(M_PROBLEM_BAD_LINE), field, max);
	return QD_INVALID;
}

static const char *actor(const struct qd *q)
{
	return q->actor_name ? q->actor_name : "?";
}

static enum qd_status need_recorder(struct qd *q, long long org_id, struct strbuf *err)
{
	if (qd_may_record_meeting(q, org_id))
		return QD_OK;
	if (db_readonly(q->db)) {
		sb_puts(err, msg(M_READONLY));
		return QD_DENIED;
	}
	struct org o = {0};
	qd_get_org(q, org_id, &o);
	sb_printf(err, msg(M_PROBLEM_DENIED), o.name ? o.name : "?", actor(q));
	org_clear(&o);
	return QD_DENIED;
}

static enum qd_status check_person(struct qd *q, long long id, struct strbuf *err)
{
	struct person p = {0};
	if (id <= 0)
		return QD_OK;
	enum qd_status s = qd_get_person(q, id, &p);
	person_clear(&p);
	if (s != QD_OK) {
		sb_printf(err, msg(M_PROBLEM_NO_PERSON), id);
		return QD_NOTFOUND;
	}
	return QD_OK;
}

/* Is `above` the org `org` or one of the orgs above it? */
static int org_at_or_above(struct qd *q, long long above, long long org)
{
	for (int depth = 0; org && depth < 64; depth++) {
		if (org == above)
			return 1;
		struct org o = {0};
		if (qd_get_org(q, org, &o) != QD_OK)
			return 0;
		org = o.parent_id;
		org_clear(&o);
	}
	return 0;
}

/* A meeting a problem of org_id may link to: live, of that org or above. */
static enum qd_status check_meeting(struct qd *q, long long meeting_id, long long org_id,
				    struct strbuf *err)
{
	struct meeting m = {0};
	enum qd_status s = store_meeting_get(q->db, meeting_id, &m);
	if (s == QD_OK && m.deleted_at)
		s = QD_NOTFOUND;
	if (s == QD_NOTFOUND) {
		sb_printf(err, msg(M_PROBLEM_NO_MEETING), meeting_id);
	} else if (s != QD_OK) {
		s = db_error(q->db, err);
	} else if (!org_at_or_above(q, m.org_id, org_id)) {
		struct org o = {0};
		qd_get_org(q, org_id, &o);
		sb_printf(err, msg(M_PROBLEM_MEETING_ORG), meeting_id, m.org_name ? m.org_name : "?",
			  o.name ? o.name : "?");
		org_clear(&o);
		s = QD_INVALID;
	}
	meeting_clear(&m);
	return s;
}

/* ---- add, set, delete, get, list ---- */

/* The stored values of f over those of old (NULL on add), validated. */
static enum qd_status fields_over(struct qd *q, const struct problem_fields *f,
				  const struct problem *old, struct store_problem_vals *v,
				  char *date_buf, struct strbuf *err)
{
	memset(v, 0, sizeof *v);
	v->org_id = f->org_id > 0 ? f->org_id : old ? old->org_id : 0;
	if (!v->org_id || f->org_id == 0) {
		sb_printf(err, msg(M_EMPTY_FIELD), msg(M_PF_ORG));
		return QD_INVALID;
	}
	if (f->org_id > 0) {
		struct org o = {0};
		enum qd_status s = qd_get_org(q, f->org_id, &o);
		org_clear(&o);
		if (s != QD_OK) {
			sb_printf(err, msg(M_ORG_NOT_FOUND), "#");
			return QD_NOTFOUND;
		}
	}
	int source = f->source >= 0 ? f->source : old ? (int)old->source : -1;
	if (source < 0) {
		sb_printf(err, msg(M_EMPTY_FIELD), msg(M_PF_SOURCE));
		return QD_INVALID;
	}
	if (source >= SRC__COUNT) {
		sb_printf(err, msg(M_PROBLEM_BAD_SOURCE), "?");
		return QD_INVALID;
	}
	v->source = problem_source_code((enum problem_source)source);
	if (f->raised_on && *f->raised_on) {
		const char *iso = NULL;
		enum qd_status s = model_iso_date(f->raised_on, date_buf, &iso, err);
		if (s != QD_OK)
			return s;
		v->raised_on = iso;
	} else if (old) {
		v->raised_on = old->raised_on;
	} else {
		v->raised_on = today_iso(date_buf);
	}
	/* the year: given, else the date's — on a change of date too, when
	 * the year followed the old date */
	if (f->year) {
		v->year = f->year;
	} else if (old && !(f->raised_on && atoi(old->raised_on) == old->year)) {
		v->year = old->year;
	} else {
		v->year = atoi(v->raised_on);
	}
	if (v->year < 2000 || v->year > 2100) {
		sb_printf(err, msg(M_PROBLEM_BAD_YEAR), v->year);
		return QD_INVALID;
	}
	v->category = f->category ? f->category : old ? old->category : "";
	if (!plain_line(v->category, 200))
		return bad_line(msg_field("problem", "category"), 200, err);
	v->text = f->text ? f->text : old ? old->text : "";
	if (str_empty(v->text)) {
		sb_printf(err, msg(M_EMPTY_FIELD), msg(M_PF_TEXT));
		return QD_INVALID;
	}
	if (!plain_text(v->text, 10000))
		return bad_line(msg(M_PF_TEXT), 10000, err);
	/* the raiser: a person, an outside name, or nobody; naming one kind
	 * drops the other */
	long long old_raiser = old ? old->raiser_id : 0;
	const char *old_name = old && !old->raiser_id ? old->raiser_name : "";
	v->raiser_id = f->raiser_id >= 0 ? f->raiser_id : old_raiser;
	v->raiser_name = f->raiser_name ? f->raiser_name : old_name;
	if (f->raiser_id > 0 && !f->raiser_name)
		v->raiser_name = "";
	if (f->raiser_name && *f->raiser_name && f->raiser_id < 0)
		v->raiser_id = 0;
	if (v->raiser_id > 0 && *v->raiser_name) {
		sb_puts(err, msg(M_PROBLEM_TWO_RAISERS));
		return QD_INVALID;
	}
	if (!plain_line(v->raiser_name, 200))
		return bad_line(msg_field("problem", "raiser_name"), 200, err);
	int has_raiser = v->raiser_id > 0 || *v->raiser_name;
	v->contact = f->contact ? f->contact : old && has_raiser ? old->contact : "";
	if (*v->contact && !has_raiser) {
		sb_puts(err, msg(M_PROBLEM_CONTACT_ALONE));
		return QD_INVALID;
	}
	if (!plain_line(v->contact, 200))
		return bad_line(msg_field("problem", "contact"), 200, err);
	enum qd_status s = f->raiser_id > 0 ? check_person(q, f->raiser_id, err) : QD_OK;
	if (s != QD_OK)
		return s;
	v->meeting_id = f->meeting_id >= 0 ? f->meeting_id : old ? old->meeting_id : 0;
	if (v->meeting_id > 0 && (f->meeting_id > 0 || (old && v->org_id != old->org_id)))
		s = check_meeting(q, v->meeting_id, v->org_id, err);
	return s;
}

static int fields_empty(const struct problem_fields *f)
{
	return f->org_id < 0 && f->source < 0 && !f->year && !f->raised_on && !f->category &&
	       !f->text && f->raiser_id < 0 && !f->raiser_name && !f->contact && f->meeting_id < 0;
}

static enum qd_status stored(struct qd *q, enum qd_status s, long long id, struct strbuf *err)
{
	if (s == QD_CONFLICT)
		sb_printf(err, msg(M_PROBLEM_CONFLICT), id);
	else if (s != QD_OK && !err->len)
		db_error(q->db, err);
	return s;
}

enum qd_status qd_problem_get(struct qd *q, long long id, struct problem *p, struct strbuf *err)
{
	char today[11];
	memset(p, 0, sizeof *p);
	enum qd_status s = store_problem_get(q->db, id, today_iso(today), p);
	if (s == QD_NOTFOUND && err)
		sb_printf(err, msg(M_PROBLEM_NOT_FOUND), id);
	else if (s == QD_DBERROR)
		db_error(q->db, err);
	return s;
}

/* Load a live problem inside the transaction, refusing a stale version. */
static enum qd_status load_live(struct qd *q, long long id, int expect, struct problem *p,
				struct strbuf *err)
{
	enum qd_status s = qd_problem_get(q, id, p, err);
	if (s != QD_OK)
		return s;
	if (p->deleted_at) {
		sb_printf(err, msg(M_PROBLEM_DELETED), id);
		return QD_INVALID;
	}
	if (expect && expect != p->version) {
		sb_printf(err, msg(M_PROBLEM_STALE), id, p->version, expect);
		return QD_CONFLICT;
	}
	return QD_OK;
}

enum qd_status qd_problem_add(struct qd *q, const struct problem_fields *f, long long *id,
			      struct strbuf *err)
{
	char date_buf[11], now[32];
	struct store_problem_vals v;
	long long new_id = 0;
	if (f->org_id <= 0) {
		sb_printf(err, msg(M_EMPTY_FIELD), msg(M_PF_ORG));
		return QD_INVALID;
	}
	enum qd_status s = fields_over(q, f, NULL, &v, date_buf, err);
	if (s == QD_OK)
		s = need_recorder(q, v.org_id, err);
	if (s != QD_OK || (s = model_begin(q, err)) != QD_OK)
		return s;
	model_now(now);
	s = stored(q, store_problem_insert(q->db, &v, now, &new_id), 0, err);
	if (s == QD_OK)
		s = qd_audit(q, "add", "problem", new_id, NULL, NULL, err);
	s = model_end(q, s, err);
	if (s == QD_OK && id)
		*id = new_id;
	return s;
}

enum qd_status qd_problem_set(struct qd *q, long long id, int expect_version,
			      const struct problem_fields *f, struct strbuf *err)
{
	char date_buf[11], now[32];
	struct store_problem_vals v;
	struct problem p = {0};
	if (fields_empty(f)) {
		sb_puts(err, msg(M_NOTHING_TO_CHANGE));
		return QD_INVALID;
	}
	enum qd_status s = model_begin(q, err);
	if (s != QD_OK)
		return s;
	s = load_live(q, id, expect_version, &p, err);
	if (s == QD_OK)
		s = need_recorder(q, p.org_id, err);
	if (s == QD_OK && p.status == PB_CLOSED) {
		sb_printf(err, msg(M_PROBLEM_CLOSED), id);
		s = QD_INVALID;
	}
	if (s == QD_OK)
		s = fields_over(q, f, &p, &v, date_buf, err);
	if (s == QD_OK && v.org_id != p.org_id)
		s = need_recorder(q, v.org_id, err);
	char *before = s == QD_OK ? store_canon(q->db, "problem", id) : NULL;
	model_now(now);
	if (s == QD_OK)
		s = stored(q, store_problem_update(q->db, id, p.version, &v, now), id, err);
	if (s == QD_OK)
		s = qd_audit(q, "set", "problem", id, before, NULL, err);
	free(before);
	problem_clear(&p);
	return model_end(q, s, err);
}

enum qd_status qd_problem_delete(struct qd *q, long long id, struct strbuf *err)
{
	char now[32];
	struct problem p = {0};
	long long *ids = NULL;
	int n = 0;
	enum qd_status s = model_need_admin(q, M_PACT_DELETE, err);
	if (s != QD_OK || (s = model_begin(q, err)) != QD_OK)
		return s;
	s = load_live(q, id, 0, &p, err);
	if (s == QD_OK && store_problem_measure_ids(q->db, id, &ids, &n) != QD_OK)
		s = db_error(q->db, err);
	if (s == QD_OK && n > 0) {
		sb_printf(err, msg(M_PROBLEM_HAS_MEASURES), id, n);
		s = QD_INVALID;
	}
	free(ids);
	char *before = s == QD_OK ? store_canon(q->db, "problem", id) : NULL;
	model_now(now);
	if (s == QD_OK)
		s = stored(q, store_problem_soft_delete(q->db, id, p.version, now), id, err);
	if (s == QD_OK)
		s = qd_audit(q, "delete", "problem", id, before, NULL, err);
	free(before);
	problem_clear(&p);
	return model_end(q, s, err);
}

enum qd_status qd_problem_list(struct qd *q, const struct problem_filter *f, struct problem **out,
			       int *n, struct strbuf *err)
{
	char today[11];
	enum qd_status s = store_problem_list(q->db, f, 0, today_iso(today), out, n);
	return s == QD_OK ? s : db_error(q->db, err);
}

/* ---- measures ---- */

enum qd_status qd_problem_measure(struct qd *q, long long problem_id, const struct item_fields *f,
				  long long *item_id, struct strbuf *err)
{
	struct problem p = {0};
	long long iid = 0, link = 0;
	enum qd_status s = model_need_admin(q, M_PACT_MEASURE, err);
	if (s == QD_OK && str_empty(f->content)) {
		sb_puts(err, msg(M_PROBLEM_MEASURE_EMPTY));
		s = QD_INVALID;
	}
	if (s == QD_OK && f->owner_id <= 0) {
		sb_puts(err, msg(M_PROBLEM_MEASURE_OWNER));
		s = QD_INVALID;
	}
	if (s == QD_OK && str_empty(f->due)) {
		sb_puts(err, msg(M_PROBLEM_MEASURE_DUE));
		s = QD_INVALID;
	}
	if (s == QD_OK)
		s = check_person(q, f->owner_id, err);
	if (s == QD_OK && f->lead_id > 0)
		s = check_person(q, f->lead_id, err);
	if (s != QD_OK || (s = model_begin(q, err)) != QD_OK)
		return s;
	s = load_live(q, problem_id, 0, &p, err);
	if (s == QD_OK && p.status == PB_CLOSED) {
		sb_printf(err, msg(M_PROBLEM_CLOSED), problem_id);
		s = QD_INVALID;
	}
	if (s == QD_OK)
		s = model_item_add(q, p.org_id, p.year, LK_RECTIFY, f, &iid, err);
	if (s == QD_OK)
		s = stored(q, store_problem_measure_insert(q->db, problem_id, iid, &link), problem_id,
			   err);
	if (s == QD_OK)
		s = qd_audit(q, "add", "problem_measure", link, NULL, NULL, err);
	problem_clear(&p);
	s = model_end(q, s, err);
	if (s == QD_OK && item_id)
		*item_id = iid;
	return s;
}

enum qd_status qd_problem_measures(struct qd *q, long long problem_id, struct item **out, int *n,
				   struct strbuf *err)
{
	long long *ids = NULL;
	int k = 0;
	*out = NULL;
	*n = 0;
	if (store_problem_measure_ids(q->db, problem_id, &ids, &k) != QD_OK)
		return db_error(q->db, err);
	enum qd_status s = QD_OK;
	if (k)
		*out = xcalloc((size_t)k, sizeof **out);
	for (int i = 0; i < k && s == QD_OK; i++) {
		s = qd_get_item(q, ids[i], &(*out)[*n], err);
		if (s == QD_OK)
			(*n)++;
	}
	free(ids);
	if (s != QD_OK) {
		items_free(*out, *n);
		*out = NULL;
		*n = 0;
	}
	return s;
}

enum qd_status qd_item_problem(struct qd *q, long long item_id, long long *problem_id,
			       struct strbuf *err)
{
	enum qd_status s = store_item_problem(q->db, item_id, problem_id);
	return s == QD_OK ? s : db_error(q->db, err);
}

/* ---- 回访 ---- */

enum qd_status qd_problem_feedback(struct qd *q, long long problem_id, const char *on,
				   long long by_id, const char *result, int satisfied,
				   struct strbuf *err)
{
	char date_buf[11], today[11], now[32];
	const char *iso = NULL;
	struct problem p = {0};
	long long fid = 0;
	enum qd_status s = QD_OK;
	if (by_id <= 0) {
		sb_puts(err, msg(M_PROBLEM_FEEDBACK_BY));
		return QD_INVALID;
	}
	if (str_empty(result)) {
		sb_puts(err, msg(M_PROBLEM_FEEDBACK_RESULT));
		return QD_INVALID;
	}
	if (!plain_text(result, 10000))
		return bad_line(msg(M_PF_RESULT), 10000, err);
	if ((s = model_iso_date(on, date_buf, &iso, err)) != QD_OK)
		return s;
	if (str_empty(iso))
		iso = today_iso(today);
	if ((s = check_person(q, by_id, err)) != QD_OK || (s = model_begin(q, err)) != QD_OK)
		return s;
	s = load_live(q, problem_id, 0, &p, err);
	if (s == QD_OK)
		s = need_recorder(q, p.org_id, err);
	if (s == QD_OK && !p.needs_feedback) {
		sb_printf(err, msg(M_PROBLEM_FEEDBACK_ANON), problem_id);
		s = QD_INVALID;
	}
	if (s == QD_OK && p.status == PB_CLOSED) {
		sb_printf(err, msg(M_PROBLEM_CLOSED), problem_id);
		s = QD_INVALID;
	}
	model_now(now);
	if (s == QD_OK)
		s = stored(q, store_problem_feedback_insert(q->db, problem_id, iso, by_id, result,
							    satisfied, now, &fid), problem_id, err);
	if (s == QD_OK)
		s = qd_audit(q, "add", "problem_feedback", fid, NULL, NULL, err);
	problem_clear(&p);
	return model_end(q, s, err);
}

enum qd_status qd_problem_feedbacks(struct qd *q, long long problem_id,
				    struct problem_feedback **out, int *n, struct strbuf *err)
{
	enum qd_status s = store_problem_feedbacks(q->db, problem_id, out, n);
	return s == QD_OK ? s : db_error(q->db, err);
}

/* ---- 销号 ---- */

/* Is the actor the lead of every live measure (not cancelled) of p? */
static int leads_every_measure(struct qd *q, const struct problem *p)
{
	struct item *it = NULL;
	int n = 0, live = 0, ok = q->actor_id != 0;
	if (!ok || qd_problem_measures(q, p->id, &it, &n, NULL) != QD_OK)
		return 0;
	for (int i = 0; i < n && ok; i++) {
		if (it[i].status == ST_CANCELLED)
			continue;
		live++;
		ok = it[i].lead_id == q->actor_id;
	}
	items_free(it, n);
	return ok && live > 0;
}

/* The refusal of closing p now, in why; 0 when it may be closed. */
static enum qd_status close_refusal(struct qd *q, const struct problem *p, struct strbuf *why)
{
	if (p->deleted_at) {
		sb_printf(why, msg(M_PROBLEM_DELETED), p->id);
		return QD_INVALID;
	}
	if (p->status == PB_CLOSED) {
		sb_printf(why, msg(M_PROBLEM_ALREADY_CLOSED), p->id, p->closed_on);
		return QD_INVALID;
	}
	if (!q->actor_admin && !leads_every_measure(q, p)) {
		sb_printf(why, msg(M_PROBLEM_CLOSE_DENIED), p->id, actor(q));
		return QD_DENIED;
	}
	if (p->measures == 0) {
		sb_printf(why, msg(M_PROBLEM_CLOSE_NO_MEASURE), p->id);
		return QD_INVALID;
	}
	if (p->done_measures < p->measures) {
		sb_printf(why, msg(M_PROBLEM_CLOSE_UNDONE), p->id, p->measures,
			  p->measures - p->done_measures);
		return QD_INVALID;
	}
	if (p->needs_feedback && p->feedbacks == 0) {
		sb_printf(why, msg(M_PROBLEM_CLOSE_NO_FEEDBACK), p->id, p->raiser_name);
		return QD_INVALID;
	}
	if (p->needs_feedback && p->satisfied != 1) {
		struct problem_feedback *f = NULL;
		int n = 0;
		store_problem_feedbacks(q->db, p->id, &f, &n);
		sb_printf(why, msg(M_PROBLEM_CLOSE_UNSATISFIED), p->id, n ? f[n - 1].on_date : "?");
		problem_feedbacks_free(f, n);
		return QD_INVALID;
	}
	return QD_OK;
}

int qd_problem_may_close(struct qd *q, const struct problem *p, struct strbuf *why)
{
	struct strbuf ignore = {0};
	int ok = close_refusal(q, p, why ? why : &ignore) == QD_OK;
	sb_free(&ignore);
	return ok;
}

enum qd_status qd_problem_close(struct qd *q, long long id, const char *on, int undo,
				struct strbuf *err)
{
	char date_buf[11], today[11], now[32];
	const char *iso = NULL;
	struct problem p = {0};
	enum qd_status s = undo ? model_need_admin(q, M_PACT_REOPEN, err) : QD_OK;
	if (s == QD_OK && !undo && (s = model_iso_date(on, date_buf, &iso, err)) == QD_OK &&
	    str_empty(iso))
		iso = today_iso(today);
	if (s == QD_OK && db_readonly(q->db)) {
		sb_puts(err, msg(M_READONLY));
		s = QD_DENIED;
	}
	if (s != QD_OK || (s = model_begin(q, err)) != QD_OK)
		return s;
	s = load_live(q, id, 0, &p, err);
	if (s == QD_OK && undo && p.status != PB_CLOSED) {
		sb_printf(err, msg(M_PROBLEM_NOT_CLOSED), id);
		s = QD_INVALID;
	} else if (s == QD_OK && !undo) {
		s = close_refusal(q, &p, err);
	}
	char *before = s == QD_OK ? store_canon(q->db, "problem", id) : NULL;
	model_now(now);
	if (s == QD_OK)
		s = stored(q, store_problem_close(q->db, id, p.version, undo ? NULL : iso, q->actor_id,
						  now), id, err);
	if (s == QD_OK)
		s = qd_audit(q, undo ? "reopen" : "close", "problem", id, before, NULL, err);
	free(before);
	problem_clear(&p);
	return model_end(q, s, err);
}

/* ---- figures ---- */

static void stat_add(struct problem_stat *t, const struct problem *p)
{
	t->problems++;
	switch (p->status) {
	case PB_OPEN: t->open++; break;
	case PB_RECTIFYING: t->rectifying++; break;
	case PB_RECTIFIED: t->rectified++; break;
	default: t->closed++; break;
	}
	t->measures += p->measures;
	t->done_measures += p->done_measures;
	t->overdue_measures += p->overdue_measures;
	if (p->needs_feedback) {
		t->need_feedback++;
		t->fed_back += p->feedbacks > 0;
		t->satisfied += p->satisfied == 1;
	}
}

enum qd_status qd_problem_stats(struct qd *q, int year, long long org_id, int by_org,
				int by_source, struct problem_stat **out, int *n, struct strbuf *err)
{
	char today[11];
	struct problem_filter f = PROBLEM_FILTER_INIT;
	struct problem *ps = NULL;
	int np = 0;
	*out = NULL;
	*n = 0;
	f.year = year;
	f.org_id = org_id;
	if (store_problem_list(q->db, &f, 1, today_iso(today), &ps, &np) != QD_OK)
		return db_error(q->db, err);
	/* orgs in the listing's (org) order, then sources in code order */
	long long *orgs = NULL;
	int norg = 0;
	for (int i = 0; by_org && i < np; i++)
		if (!norg || orgs[norg - 1] != ps[i].org_id) {
			orgs = xrealloc(orgs, (size_t)(norg + 1) * sizeof *orgs);
			orgs[norg++] = ps[i].org_id;
		}
	int groups_o = by_org ? norg : 1, groups_s = by_source ? SRC__COUNT : 1;
	int rows = (by_org || by_source) ? groups_o * groups_s : 0;
	struct problem_stat *s = xcalloc((size_t)rows + 1, sizeof *s);
	for (int g = 0; g < rows; g++) {
		s[g].org_id = by_org ? orgs[g / groups_s] : 0;
		s[g].source = by_source ? (enum problem_source)(g % groups_s) : SRC__COUNT;
	}
	s[rows].org_id = 0;
	s[rows].source = SRC__COUNT;
	for (int i = 0; i < np; i++) {
		stat_add(&s[rows], &ps[i]);
		if (!rows)
			continue;
		int go = 0;
		while (by_org && orgs[go] != ps[i].org_id)
			go++;
		stat_add(&s[go * groups_s + (by_source ? (int)ps[i].source : 0)], &ps[i]);
	}
	/* by source: the sources no problem came from are left out */
	int k = 0;
	for (int g = 0; g < rows; g++)
		if (!by_source || s[g].problems)
			s[k++] = s[g];
	s[k++] = s[rows];
	free(orgs);
	problems_free(ps, np);
	*out = s;
	*n = k;
	return QD_OK;
}
