/* model_item.c — the rules of responsibility items: adding and editing
 * (admin), the status machine with who may move what (DESIGN §2), notes,
 * soft delete, stale-edit refusal, and starting a year from the last.
 *
 * Every function re-reads the item inside its write transaction (BEGIN
 * IMMEDIATE), so the checks and the write see the same state; the UPDATE
 * also carries the version it read, so no change is ever lost. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "model_impl.h"
#include "qingdan/date.h"
#include "qingdan/db.h"
#include "qingdan/period.h"
#include "qingdan/store.h"
#include "qingdan/store_period.h"
#include "qingdan/store_problem.h"
#include "qingdan/store_trash.h"

static void today_soon(struct qd *q, char *today, char *soon)
{
	int t = date_today();
	date_format(t, today);
	date_format(t + q->due_soon_days, soon);
}

enum qd_status qd_get_item(struct qd *q, long long id, struct item *it, struct strbuf *err)
{
	char today[11], soon[11];
	today_soon(q, today, soon);
	memset(it, 0, sizeof *it);
	enum qd_status s = store_item_get(q->db, id, today, soon, it);
	if (s == QD_NOTFOUND && err)
		sb_printf(err, msg(M_ITEM_NOT_FOUND), id);
	return s;
}

enum qd_status qd_item_notes(struct qd *q, long long item_id, struct note **notes, int *n)
{
	return store_notes(q->db, item_id, notes, n);
}

static int is_party(const struct qd *q, const struct item *it)
{
	return q->actor_id && (it->owner_id == q->actor_id || it->lead_id == q->actor_id);
}

static int is_lead(const struct qd *q, const struct item *it)
{
	return q->actor_id && it->lead_id == q->actor_id;
}

int qd_may_edit_items(struct qd *q)
{
	return q->actor_admin && !db_readonly(q->db);
}

/* The machine: which moves exist, and who may make each. */
static int move_allowed(enum item_status from, enum item_status to)
{
	switch (to) {
	case ST_IN_PROGRESS: return from == ST_PLANNED || from == ST_SUBMITTED;
	case ST_SUBMITTED: return from == ST_IN_PROGRESS;
	case ST_DONE: return from == ST_SUBMITTED;
	case ST_CANCELLED: return status_is_open(from);
	default: return 0;
	}
}

static enum msg_id move_action(enum item_status from, enum item_status to)
{
	switch (to) {
	case ST_IN_PROGRESS: return from == ST_SUBMITTED ? M_ACT_REJECT : M_ACT_START;
	case ST_SUBMITTED: return M_ACT_SUBMIT;
	case ST_DONE: return M_ACT_VERIFY;
	default: return M_ACT_CANCEL;
	}
}

/* QD_OK, or QD_DENIED with the reason in err (when err is given). */
static enum qd_status move_permitted(struct qd *q, const struct item *it, enum item_status to,
				     struct strbuf *err)
{
	enum msg_id act = move_action(it->status, to);
	if (q->actor_admin)
		return QD_OK;
	if (act == M_ACT_CANCEL)
		return model_need_admin(q, act, err);
	/* 销号 checks someone else's work: an owner who is also the lead may not
	 * verify alone (an admin does) */
	if (act == M_ACT_VERIFY && is_lead(q, it) && it->owner_id == it->lead_id) {
		if (err)
			sb_printf(err, msg(M_DENIED_SELF_VERIFY), q->actor_name, it->id);
		return QD_DENIED;
	}
	if (act == M_ACT_VERIFY || act == M_ACT_REJECT) {
		if (is_lead(q, it))
			return QD_OK;
		if (err)
			sb_printf(err, msg(M_DENIED_LEAD), msg(act), q->actor_name);
		return QD_DENIED;
	}
	if (is_party(q, it))
		return QD_OK;
	if (err)
		sb_printf(err, msg(M_DENIED_ITEM), msg(act), q->actor_name);
	return QD_DENIED;
}

int qd_may_move(struct qd *q, const struct item *it, enum item_status to)
{
	struct strbuf ignore = {0};
	int ok = !db_readonly(q->db) && !it->deleted_at && move_allowed(it->status, to) &&
		 move_permitted(q, it, to, &ignore) == QD_OK;
	sb_free(&ignore);
	return ok;
}

struct last_change {
	struct strbuf *out;
};

static void describe_change(void *ctx, const struct audit_row *r)
{
	struct last_change *c = ctx;
	sb_printf(c->out, "%s|%s|%s", r->at, r->login, r->detail);
}

/* Stale edit: say who changed what, and refuse. */
static enum qd_status conflict(struct qd *q, const struct item *it, int expect,
			       struct strbuf *err)
{
	struct strbuf d = {0};
	struct last_change c = {&d};
	long long seq = store_audit_last_seq(q->db, "item", it->id);
	if (seq)
		store_audit_get(q->db, seq, describe_change, &c);
	char *at = d.s ? d.s : xstrdup("");
	char *login = strchr(at, '|');
	char *detail = login ? strchr(login + 1, '|') : NULL;
	if (login)
		*login++ = '\0';
	if (detail)
		*detail++ = '\0';
	char *what = qd_detail_text(q, "item", detail);
	sb_printf(err, msg(M_CONFLICT), it->id, it->version, expect, at, login ? login : "", what);
	free(what);
	free(at);
	return QD_CONFLICT;
}

/* Load the item for a change inside the transaction; refuse deleted ones
 * and stale versions. */
static enum qd_status load_for_change(struct qd *q, long long id, int expect, struct item *it,
				      struct strbuf *err)
{
	enum qd_status s = qd_get_item(q, id, it, err);
	if (s != QD_OK)
		return s;
	if (it->deleted_at) {
		sb_printf(err, msg(M_ITEM_DELETED), id);
		return QD_NOTFOUND;
	}
	if (expect && expect != it->version)
		return conflict(q, it, expect, err);
	return QD_OK;
}

static enum qd_status audit_item(struct qd *q, const char *action, long long id,
				 const char *before, const char *reason, struct strbuf *err)
{
	char *extra = reason ? store_json_pair(q->db, "reason", reason) : NULL;
	enum qd_status s = qd_audit(q, action, "item", id, before, extra, err);
	free(extra);
	return s;
}

enum qd_status qd_item_add(struct qd *q, long long org_id, const struct item_fields *f,
			   long long *id, struct strbuf *err)
{
	return model_item_add(q, org_id, q->year, LK_DUTY, f, id, err);
}

/* The one insert of an item, into the org's list of that kind for the year
 * (made if missing): a responsibility item (qd_item_add) or a measure of
 * the 整改清单 (qd_problem_measure). */
enum qd_status model_item_add(struct qd *q, long long org_id, int year, enum list_kind kind,
			      const struct item_fields *f, long long *id, struct strbuf *err)
{
	char due_buf[11], done_buf[11], now[32];
	const char *due, *done_on = NULL;
	int st = f->status ? status_parse(f->status) : ST_PLANNED;
	enum qd_status s = model_need_admin(q, M_ACT_EDIT_ITEMS, err);
	if (s == QD_OK && str_empty(f->content)) {
		sb_printf(err, msg(M_EMPTY_FIELD), msg_column("content"));
		s = QD_INVALID;
	}
	if (s == QD_OK && st < 0) {
		sb_printf(err, msg(M_BAD_STATUS), f->status);
		s = QD_INVALID;
	}
	if (s == QD_OK)
		s = model_iso_date(f->due, due_buf, &due, err);
	if (s == QD_OK && st == ST_DONE) {
		s = model_iso_date(f->done_on, done_buf, &done_on, err);
		if (str_empty(done_on))
			done_on = date_format(date_today(), done_buf);
	}
	if (s != QD_OK || (s = model_begin(q, err)) != QD_OK)
		return s;
	struct org o = {0};
	long long list_id = 0;
	int created = 0;
	s = store_org_get(q->db, org_id, &o);
	if (s == QD_OK) {
		char *title = kind == LK_RECTIFY ? xasprintf("%d年度%s整改清单", year, o.name)
						 : xasprintf("%d年度%s党建责任清单", year, o.name);
		s = store_list_ensure_kind(q->db, org_id, year, list_kind_code(kind), title, &list_id,
					   &created);
		free(title);
		if (s == QD_OK && created)
			s = qd_audit(q, "add", "list", list_id, NULL, NULL, err);
	} else {
		sb_printf(err, msg(M_ORG_NOT_FOUND), "#");
	}
	org_clear(&o);
	model_now(now);
	if (s == QD_OK)
		s = store_item_insert(q->db, list_id, f, due, status_code((enum item_status)st), done_on,
				      now, id);
	if (s == QD_OK)
		s = qd_audit(q, "add", "item", *id, NULL, NULL, err);
	return model_end(q, s, err);
}

int item_fields_empty(const struct item_fields *f)
{
	return !f->category && !f->content && !f->measures && !f->standard && !f->due &&
	       !f->due_text && f->owner_id < 0 && f->lead_id < 0;
}

enum qd_status qd_item_set(struct qd *q, long long id, int expect_version,
			   const struct item_fields *f, struct strbuf *err)
{
	char due_buf[11], now[32];
	const char *due;
	struct item it = {0};
	enum qd_status s = model_need_admin(q, M_ACT_EDIT_ITEMS, err);
	if (s == QD_OK && f->content && !*f->content) {
		sb_printf(err, msg(M_EMPTY_FIELD), msg_column("content"));
		s = QD_INVALID;
	}
	if (s == QD_OK)
		s = model_iso_date(f->due, due_buf, &due, err);
	if (s == QD_OK && item_fields_empty(f)) {
		sb_puts(err, msg(M_NOTHING_TO_CHANGE));
		s = QD_INVALID;
	}
	if (s != QD_OK || (s = model_begin(q, err)) != QD_OK)
		return s;
	s = load_for_change(q, id, expect_version, &it, err);
	if (s == QD_OK && !status_is_open(it.status)) {
		sb_printf(err, msg(M_ITEM_CLOSED), id, status_label(it.status));
		s = QD_INVALID;
	}
	if (s == QD_OK && f->due) {   /* a recurring item's due is its periods' (period.h) */
		char *every = NULL;
		unsigned done;
		if (store_item_every(q->db, id, &every, &done) == QD_OK && every_parse(every) > 0) {
			sb_printf(err, msg(M_PERIOD_DUE_DERIVED), id, every_label(every_parse(every)));
			s = QD_INVALID;
		}
		free(every);
	}
	char *before = s == QD_OK ? store_canon(q->db, "item", id) : NULL;
	model_now(now);
	if (s == QD_OK)
		s = store_item_update(q->db, id, it.version, f, due, now);
	if (s == QD_OK)
		s = audit_item(q, "set", id, before, NULL, err);
	free(before);
	item_clear(&it);
	return model_end(q, s, err);
}

enum qd_status qd_item_move(struct qd *q, long long id, int expect_version,
			    enum item_status to, const char *reason, struct strbuf *err)
{
	char done[11], now[32];
	struct item it = {0};
	enum qd_status s = model_begin(q, err);
	if (s != QD_OK)
		return s;
	s = load_for_change(q, id, expect_version, &it, err);
	if (s == QD_OK && !move_allowed(it.status, to)) {
		sb_printf(err, msg(M_BAD_TRANSITION), id, status_label(it.status), status_label(to));
		s = QD_INVALID;
	}
	if (s == QD_OK)
		s = move_permitted(q, &it, to, err);
	enum msg_id act = s == QD_OK ? move_action(it.status, to) : M_ACT_START;
	if (s == QD_OK && (act == M_ACT_REJECT || act == M_ACT_CANCEL) && str_empty(reason)) {
		sb_printf(err, msg(M_REASON_REQUIRED), msg(act));
		s = QD_INVALID;
	}
	char *before = s == QD_OK ? store_canon(q->db, "item", id) : NULL;
	model_now(now);
	if (s == QD_OK)
		s = store_item_status(q->db, id, it.version, status_code(to),
				      to == ST_DONE ? date_format(date_today(), done) : NULL, now);
	if (s == QD_OK)
		s = audit_item(q, status_code(to), id, before, str_empty(reason) ? NULL : reason, err);
	free(before);
	item_clear(&it);
	return model_end(q, s, err);
}

enum qd_status qd_item_note(struct qd *q, long long id, const char *on_date, const char *text,
			    struct strbuf *err)
{
	char day_buf[11], now[32];
	const char *day;
	struct item it = {0};
	long long note_id = 0;
	enum qd_status s = model_iso_date(on_date, day_buf, &day, err);
	if (s == QD_OK && str_empty(day))
		day = date_format(date_today(), day_buf);
	if (s == QD_OK && str_empty(text)) {
		sb_printf(err, msg(M_EMPTY_FIELD), msg_column("note"));
		s = QD_INVALID;
	}
	if (s != QD_OK || (s = model_begin(q, err)) != QD_OK)
		return s;
	s = load_for_change(q, id, 0, &it, err);
	if (s == QD_OK && !q->actor_admin && !is_party(q, &it)) {
		sb_printf(err, msg(M_DENIED_ITEM), msg(M_ACT_NOTE), q->actor_name);
		s = QD_DENIED;
	}
	model_now(now);
	if (s == QD_OK)
		s = store_note_insert(q->db, id, day, q->actor_id, text, now, &note_id);
	if (s == QD_OK)
		s = qd_audit(q, "add", "note", note_id, NULL, NULL, err);
	item_clear(&it);
	return model_end(q, s, err);
}

enum qd_status qd_item_delete(struct qd *q, long long id, struct strbuf *err)
{
	char now[32];
	struct item it = {0};
	enum qd_status s = model_need_admin(q, M_ACT_DELETE, err);
	if (s != QD_OK || (s = model_begin(q, err)) != QD_OK)
		return s;
	s = load_for_change(q, id, 0, &it, err);
	char *before = s == QD_OK ? store_canon(q->db, "item", id) : NULL;
	model_now(now);
	if (s == QD_OK)
		s = store_item_soft_delete(q->db, id, it.version, now);
	if (s == QD_OK)
		s = audit_item(q, "delete", id, before, NULL, err);
	free(before);
	item_clear(&it);
	return model_end(q, s, err);
}

/* Bring a deleted item back (issue 14.4): audited as 'restore' (its
 * detail, deleted_at X → none, reads 恢复（原删除于 X）); refused for an
 * item that is not deleted. */
enum qd_status qd_item_restore(struct qd *q, long long id, struct strbuf *err)
{
	char now[32];
	struct item it = {0};
	enum qd_status s = model_need_admin(q, M_ACT_RESTORE, err);
	if (s != QD_OK || (s = model_begin(q, err)) != QD_OK)
		return s;
	s = qd_get_item(q, id, &it, err);
	if (s == QD_OK && !it.deleted_at) {
		sb_printf(err, msg(M_RS_NOT_DELETED), id);
		s = QD_INVALID;
	}
	char *before = s == QD_OK ? store_canon(q->db, "item", id) : NULL;
	model_now(now);
	if (s == QD_OK)
		s = store_item_restore(q->db, id, it.version, now);
	if (s == QD_OK)
		s = qd_audit(q, "restore", "item", id, before, NULL, err);
	free(before);
	item_clear(&it);
	return model_end(q, s, err);
}

/* ---- year copy ---- */

struct copy_ctx {
	struct qd *q;
	int from, to, lists, items;
	long long last_org;
	enum qd_status status;
	struct strbuf *err;
};

static void copy_one(void *ctx, long long org_id, const struct item *src)
{
	struct copy_ctx *c = ctx;
	if (c->status != QD_OK)
		return;
	char due[11] = "";
	int day, y, m, d;
	if (src->due && date_parse(src->due, &day) == 0) {
		date_to_ymd(day, &y, &m, &d);
		int moved = date_from_ymd(y + c->to - c->from, m, d);
		if (moved == DATE_NONE)   /* 29 February */
			moved = date_from_ymd(y + c->to - c->from, m, d - 1);
		date_format(moved, due);
	}
	struct item_fields f = ITEM_FIELDS_INIT;
	f.category = src->category;
	f.content = src->content;
	f.measures = src->measures;
	f.standard = src->standard;
	f.due = due;
	f.due_text = src->due_text;
	f.owner_id = src->owner_id;
	f.lead_id = src->lead_id;
	long long id;
	c->status = qd_item_add(c->q, org_id, &f, &id, c->err);
	char *every = NULL;   /* a recurring item repeats next year too, its periods new */
	unsigned done;
	if (c->status == QD_OK && store_item_every(c->q->db, src->id, &every, &done) == QD_OK &&
	    every_parse(every) > 0)
		c->status = qd_item_every(c->q, id, every, c->err);
	free(every);
	c->items++;
	if (org_id != c->last_org) {
		c->lists++;
		c->last_org = org_id;
	}
}

/* Can the year be copied?  Asked before the write lock (a refusal never
 * holds the file) and again under it (someone may have copied meanwhile). */
static enum qd_status year_copy_check(struct qd *q, int from, int to, struct strbuf *err)
{
	if (store_year_item_count(q->db, to) > 0) {
		sb_printf(err, msg(M_YEAR_EXISTS), to);
		return QD_INVALID;
	}
	if (store_year_item_count(q->db, from) == 0) {
		sb_printf(err, msg(M_YEAR_EMPTY), from);
		return QD_NOTFOUND;
	}
	return QD_OK;
}

enum qd_status qd_year_copy(struct qd *q, int from, int to, int *lists, int *items,
			    struct strbuf *err)
{
	*lists = *items = 0;
	enum qd_status s = model_need_admin(q, M_ACT_COPY_YEAR, err);
	if (s == QD_OK && !db_readonly(q->db))
		s = year_copy_check(q, from, to, err);
	if (s != QD_OK || (s = model_begin(q, err)) != QD_OK)
		return s;
	struct copy_ctx c = {q, from, to, 0, 0, 0, QD_OK, err};
	s = year_copy_check(q, from, to, err);
	int saved = q->year;
	q->year = to;
	if (s == QD_OK)
		s = store_year_items(q->db, from, copy_one, &c);
	q->year = saved;
	if (s == QD_OK)
		s = c.status;
	*lists = c.lists;
	*items = c.items;
	return model_end(q, s, err);
}

/* ---- the latest 退回 / 取消 reason ---- */

struct reason_found {
	struct qd *q;
	char *line;
};

static void reason_key(void *ctx, const char *key, int change, const char *old, const char *now)
{
	char **text = ctx;
	(void)old;
	if (!change && strcmp(key, "reason") == 0 && now && !*text)
		*text = xstrdup(now);
}

/* An audit time (UTC, 2026-06-30T01:02:03Z) as the local date. */
static void local_date(const char *at, char *out)
{
	int y, mo, d, h, mi, sec, day;
	struct tm local;
	snprintf(out, 11, "%s", at ? at : "");
	if (!at || sscanf(at, "%d-%d-%dT%d:%d:%d", &y, &mo, &d, &h, &mi, &sec) != 6 ||
	    (day = date_from_ymd(y, mo, d)) == DATE_NONE)
		return;
	time_t t = (time_t)day * 86400 + h * 3600 + mi * 60 + sec;
	if (localtime_r(&t, &local))
		date_format(date_from_ymd(local.tm_year + 1900, local.tm_mon + 1, local.tm_mday), out);
}

static void reason_row(void *ctx, const struct audit_row *r)
{
	struct reason_found *f = ctx;
	char *text = NULL;
	store_detail_each(f->q->db, r->detail, reason_key, &text);
	if (!text)
		return;
	char on[11];
	local_date(r->at, on);
	struct person p = {0};
	const char *who = r->login ? r->login : "";
	if (r->person_id && qd_get_person(f->q, r->person_id, &p) == QD_OK && p.name)
		who = p.name;
	char *label = xasprintf(msg(M_SCR_REASON),
				msg(strcmp(r->action, "cancelled") == 0 ? M_SCR_ACT_CANCEL : M_ACT_REJECT));
	char *body = xasprintf(msg(M_SCR_REASON_LINE), text, on, who);
	f->line = xasprintf("%s%s%s", label, msg_english() ? ": " : "：", body);
	free(label);
	free(body);
	free(text);
	person_clear(&p);
}

char *qd_item_last_reason(struct qd *q, long long id)
{
	struct reason_found f = {q, NULL};
	store_item_last_reason(q->db, id, reason_row, &f);
	return f.line;
}
