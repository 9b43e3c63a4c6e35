/* model_period.c — recurring items (period.h): how often an item repeats
 * (admin, like its other fields) and the completion record of each period
 * (its owner, lead or an admin, like notes).  Each write re-reads the item
 * in its transaction, keeps the item's due as the last day of its first
 * period not done, closes the item (销号) once every period is done, and is
 * audited: the period record as its own entity, the item's change beside it. */
#include <stdlib.h>
#include <string.h>

#include "model_impl.h"
#include "qingdan/date.h"
#include "qingdan/db.h"
#include "qingdan/period.h"
#include "qingdan/store.h"
#include "qingdan/store_period.h"

/* The item for a change: live and open. */
static enum qd_status load_open(struct qd *q, long long id, struct item *it, struct strbuf *err)
{
	enum qd_status s = qd_get_item(q, id, it, err);
	if (s == QD_OK && it->deleted_at) {
		sb_printf(err, msg(M_ITEM_DELETED), id);
		s = QD_NOTFOUND;
	}
	if (s == QD_OK && !status_is_open(it->status)) {
		sb_printf(err, msg(M_ITEM_CLOSED), id, status_label(it->status));
		s = QD_INVALID;
	}
	return s;
}

static int same_due(const char *a, int day)
{
	char buf[11];
	date_format(day, buf);
	return a && strcmp(a, buf) == 0;
}

enum qd_status qd_item_every(struct qd *q, long long id, const char *every, struct strbuf *err)
{
	int kind = every_parse(every);
	enum qd_status s = model_need_admin(q, M_ACT_EDIT_ITEMS, err);
	if (s == QD_OK && kind < 0) {
		sb_printf(err, msg(M_EVERY_BAD), every);
		s = QD_INVALID;
	}
	if (s != QD_OK || (s = model_begin(q, err)) != QD_OK)
		return s;
	struct item it = {0};
	char *old = NULL;
	unsigned done = 0;
	/* a closed item may be told how it repeated (import of a year's
	 * export); its due is history and stays */
	s = qd_get_item(q, id, &it, err);
	if (s == QD_OK && it.deleted_at) {
		sb_printf(err, msg(M_ITEM_DELETED), id);
		s = QD_NOTFOUND;
	}
	int is_open = status_is_open(it.status);
	if (s == QD_OK)
		s = store_item_every(q->db, id, &old, &done);
	int old_kind = every_parse(old);
	if (s == QD_OK && old_kind != kind)   /* another kind: its own periods count */
		done = 0;
	char due[11] = "";
	if (s == QD_OK && kind > EVERY_NONE && is_open) {
		struct item_period *p = NULL;
		int n = 0;
		s = store_item_periods(q->db, id, &p, &n);
		for (int i = 0; s == QD_OK && i < n; i++)
			if (p[i].done_on)
				done |= period_mask(kind, p[i].period);
		item_periods_free(p, n);
		date_format(period_due(it.year, kind, done), due);
	} else if (s == QD_OK && it.due) {   /* no longer repeats, or closed: the date stays */
		snprintf(due, sizeof due, "%s", it.due);
	}
	int changed = old_kind != kind || (kind > EVERY_NONE && !(it.due && strcmp(it.due, due) == 0));
	char *before = s == QD_OK && changed ? store_canon(q->db, "item", id) : NULL;
	char now[32];
	model_now(now);
	if (s == QD_OK && changed)
		s = store_item_every_set(q->db, id, it.version, every_code(kind), due, now);
	if (s == QD_OK && changed) {
		char *extra = store_json_pair(q->db, "every", kind ? every_code(kind) : "none");
		s = qd_audit(q, "set", "item", id, before, extra, err);
		free(extra);
	}
	free(before);
	free(old);
	item_clear(&it);
	return model_end(q, s, err);
}

/* The period named, checked against the item's kind. */
static enum qd_status check_period(long long id, int kind, const char *period, char *name,
				struct strbuf *err)
{
	int index, k = period_parse(period, &index);
	if (k < 0) {
		sb_printf(err, msg(M_PERIOD_BAD), period);
		return QD_INVALID;
	}
	if (k != kind) {
		char first[4], last[4];
		struct strbuf range = {0};
		sb_printf(&range, msg(M_PERIOD_RANGE), period_name(kind, 1, first),
			  period_name(kind, every_periods(kind), last));
		sb_printf(err, msg(M_PERIOD_KIND), id, every_label(kind), period,
			  every_periods(kind) == 1 ? first : range.s);
		sb_free(&range);
		return QD_INVALID;
	}
	period_name(kind, index, name);
	return QD_OK;
}

enum qd_status qd_item_period(struct qd *q, long long id, const char *period, int done,
			      const char *on_date, const char *note, struct strbuf *err)
{
	char day_buf[11], now[32], name[4];
	const char *day = NULL;
	enum qd_status s = done ? model_iso_date(on_date, day_buf, &day, err) : QD_OK;
	if (s == QD_OK && done && str_empty(day))
		day = date_format(date_today(), day_buf);
	if (s != QD_OK || (s = model_begin(q, err)) != QD_OK)
		return s;
	struct item it = {0};
	char *every = NULL;
	unsigned mask = 0;
	s = load_open(q, id, &it, err);
	if (s == QD_OK && !q->actor_admin &&
	    !(q->actor_id && (it.owner_id == q->actor_id || it.lead_id == q->actor_id))) {
		sb_printf(err, msg(M_DENIED_ITEM), msg(M_PERIOD_ACTION), q->actor_name);
		s = QD_DENIED;
	}
	if (s == QD_OK)
		s = store_item_every(q->db, id, &every, &mask);
	int kind = s == QD_OK ? every_parse(every) : EVERY_NONE;
	if (s == QD_OK && kind <= EVERY_NONE) {
		sb_printf(err, msg(M_PERIOD_NOT_RECURRING), id, id);
		s = QD_INVALID;
	}
	if (s == QD_OK)
		s = check_period(id, kind, period, name, err);
	model_now(now);
	long long pid = s == QD_OK ? store_period_find(q->db, id, name) : 0;
	char *before = pid ? store_canon(q->db, "item_period", pid) : NULL;
	if (s == QD_OK && pid)
		s = store_period_update(q->db, pid, done ? day : NULL, note, q->actor_id, now);
	else if (s == QD_OK)
		s = store_period_insert(q->db, id, name, done ? day : NULL, note, q->actor_id, now,
					&pid);
	if (s == QD_OK)
		s = qd_audit(q, before ? "set" : "add", "item_period", pid, before, NULL, err);
	free(before);
	before = NULL;
	/* the item's due follows its first period not done */
	int index = 0;
	if (s == QD_OK && period_parse(name, &index) == kind && index > 0) {
		if (done)
			mask |= 1u << (index - 1);
		else
			mask &= ~(1u << (index - 1));
	}
	int due = s == QD_OK ? period_due(it.year, kind, mask) : DATE_NONE;
	int version = it.version;
	if (s == QD_OK && !same_due(it.due, due)) {
		char iso[11];
		before = store_canon(q->db, "item", id);
		s = store_item_due_set(q->db, id, version++, date_format(due, iso), now);
		if (s == QD_OK)
			s = qd_audit(q, "set", "item", id, before, NULL, err);
		free(before);
	}
	/* every period done: 销号 */
	unsigned all = kind > EVERY_NONE ? (1u << every_periods(kind)) - 1 : 0;
	if (s == QD_OK && done && all && (mask & all) == all) {
		before = store_canon(q->db, "item", id);
		s = store_item_status(q->db, id, version, status_code(ST_DONE), day, now);
		char *extra = s == QD_OK ? store_json_pair(q->db, "reason", msg(M_PERIOD_ALL_DONE)) : NULL;
		if (s == QD_OK)
			s = qd_audit(q, status_code(ST_DONE), "item", id, before, extra, err);
		free(extra);
		free(before);
	}
	free(every);
	item_clear(&it);
	return model_end(q, s, err);
}

enum qd_status qd_item_periods(struct qd *q, long long id, struct item_period **out, int *n)
{
	return store_item_periods(q->db, id, out, n);
}

int qd_item_period_line(struct qd *q, long long id, int year, int style, struct strbuf *b)
{
	char *every = NULL;
	unsigned done = 0;
	if (store_item_every(q->db, id, &every, &done) != QD_OK || every_parse(every) <= EVERY_NONE) {
		free(every);
		return 0;
	}
	int kind = every_parse(every);
	sb_printf(b, "%s ", every_label(kind));
	period_marks(b, year, kind, done, date_today(), style);
	free(every);
	return 1;
}

struct open_ctx {
	int year, today, days;
	void (*fn)(void *ctx, long long item_id, const char *period, const char *ends, int missed);
	void *ctx;
};

static void open_one(void *ctx, long long id, const char *every, const char *done_names)
{
	struct open_ctx *c = ctx;
	int kind = every_parse(every);
	unsigned done = period_mask(kind, done_names);
	int cur = period_current(c->year, kind, c->today);
	char name[4], ends[11];
	for (int i = 1; i <= every_periods(kind) && i <= cur; i++) {
		if ((done >> (i - 1)) & 1)
			continue;
		int end = period_end(c->year, kind, i);
		int missed = end < c->today;
		if (missed || end <= c->today + c->days)
			c->fn(c->ctx, id, period_name(kind, i, name), date_format(end, ends), missed);
	}
}

enum qd_status qd_item_periods_open(struct qd *q, int today, int days,
				    void (*fn)(void *ctx, long long item_id, const char *period,
					       const char *ends, int missed),
				    void *ctx)
{
	struct open_ctx c = {q->year, today, days, fn, ctx};
	return store_periods_open(q->db, q->year, open_one, &c);
}
