/* meeting.c — the writes of the 组织生活 ledger (meeting.h): Party members,
 * meetings, attendance, evidence, item links and the rules of how often
 * each meeting is due.  The words (codes, labels, periods, quorum) are
 * meeting_codes.c, meetings as read with who is expected and the counts
 * meeting_expect.c, the year checked against the rules meeting_check.c.
 *
 * Each write runs inside model_begin()/model_end(): it re-reads what it
 * changes inside the transaction, checks the actor's right on what it
 * read (admin, or the org's recorder: 书记, 副书记 or 组织委员), writes
 * with the version it read, and appends the audit row before commit; a
 * refused or failed change writes nothing. */
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

/* ---- small helpers ---- */

static const char *today_iso(char *buf)
{
	return date_format(date_today(), buf);
}

static enum qd_status need_writable(struct qd *q, struct strbuf *err)
{
	if (db_readonly(q->db)) {
		sb_puts(err, msg(M_READONLY));
		return QD_DENIED;
	}
	return QD_OK;
}

/* Text of one line a person types (a cell, a time): no control characters. */
static int plain_line(const char *s, size_t max)
{
	if (strlen(s) > max)
		return 0;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (*p < 0x20 || *p == 0x7f)
			return 0;
	return 1;
}

/* ---- members ---- */

void member_clear(struct member *m)
{
	xfree(&m->cell);
}

enum qd_status qd_member_get(struct qd *q, long long person_id, struct member *m,
			     struct strbuf *err)
{
	struct person p = {0};
	memset(m, 0, sizeof *m);
	if (qd_get_person(q, person_id, &p) != QD_OK) {
		if (err)
			sb_printf(err, msg(M_MEETING_NO_PERSON), person_id);
		m->cell = xstrdup("");
		return QD_NOTFOUND;
	}
	person_clear(&p);
	enum qd_status s = store_member_get(q->db, person_id, m);
	if (s == QD_DBERROR)
		return db_error(q->db, err);
	return QD_OK;
}

enum qd_status qd_member_set(struct qd *q, long long person_id, int party, int committee,
			     const char *cell, struct strbuf *err)
{
	struct member m = {0};
	enum qd_status s = model_need_admin(q, M_MACT_MEMBER, err);
	if (s == QD_OK && party >= PS__COUNT) {
		sb_printf(err, msg(M_MEETING_BAD_PARTY), "?");
		s = QD_INVALID;
	}
	if (s == QD_OK && committee >= CR__COUNT) {
		sb_printf(err, msg(M_MEETING_BAD_COMMITTEE), "?");
		s = QD_INVALID;
	}
	if (s == QD_OK && cell && !plain_line(cell, 100)) {
		sb_printf(err, msg(M_MEETING_BAD_CELL), "…");
		s = QD_INVALID;
	}
	if (s == QD_OK && party < 0 && committee < 0 && !cell) {
		sb_puts(err, msg(M_NOTHING_TO_CHANGE));
		s = QD_INVALID;
	}
	if (s != QD_OK || (s = model_begin(q, err)) != QD_OK)
		return s;
	s = qd_member_get(q, person_id, &m, err);
	int np = party >= 0 ? party : (int)m.party, nc = committee >= 0 ? committee : (int)m.committee;
	const char *ncell = cell ? cell : m.cell;
	char *before = s == QD_OK ? store_canon(q->db, "member", person_id) : NULL;
	int same = before && np == (int)m.party && nc == (int)m.committee && str_eq(ncell, m.cell);
	if (s == QD_OK && !same) {
		s = store_member_put(q->db, person_id, party_code((enum party_standing)np),
				     committee_code((enum committee_role)nc), ncell);
		if (s == QD_OK)
			s = qd_audit(q, "set", "member", person_id, before, NULL, err);
		else
			db_error(q->db, err);
	}
	free(before);
	member_clear(&m);
	return model_end(q, s, err);
}

/* ---- who may write ---- */

int qd_may_record_meeting(struct qd *q, long long org_id)
{
	return !db_readonly(q->db) && qd_is_meeting_recorder(q, org_id);
}

int qd_is_meeting_recorder(struct qd *q, long long org_id)
{
	if (q->actor_admin)
		return 1;
	if (!q->actor_id || !org_id)
		return 0;
	struct person p = {0};
	struct member m = {0};
	int ok = qd_get_person(q, q->actor_id, &p) == QD_OK && p.active && p.org_id == org_id &&
		 store_member_get(q->db, q->actor_id, &m) == QD_OK &&
		 (m.committee == CR_SECRETARY || m.committee == CR_DEPUTY ||
		  m.committee == CR_ORGANIZATION);
	person_clear(&p);
	member_clear(&m);
	return ok;
}

static enum qd_status need_recorder(struct qd *q, long long org_id, struct strbuf *err)
{
	if (qd_may_record_meeting(q, org_id))
		return QD_OK;
	enum qd_status s = need_writable(q, err);
	if (s != QD_OK)
		return s;
	struct org o = {0};
	qd_get_org(q, org_id, &o);
	sb_printf(err, msg(M_MEETING_DENIED), o.name ? o.name : "?", q->actor_name ? q->actor_name : "?");
	org_clear(&o);
	return QD_DENIED;
}

/* ---- add, set, delete ---- */

/* Load a live meeting inside the transaction, refusing a stale version. */
static enum qd_status load_live(struct qd *q, long long id, int expect, struct meeting *m,
				struct strbuf *err)
{
	memset(m, 0, sizeof *m);
	enum qd_status s = store_meeting_get(q->db, id, m);
	if (s == QD_NOTFOUND) {
		sb_printf(err, msg(M_MEETING_NOT_FOUND), id);
		return s;
	}
	if (s != QD_OK)
		return db_error(q->db, err);
	if (m->deleted_at) {
		sb_printf(err, msg(M_MEETING_DELETED), id);
		return QD_INVALID;
	}
	if (expect && expect != m->version) {
		sb_printf(err, msg(M_MEETING_STALE), id, m->version, expect);
		return QD_CONFLICT;
	}
	return QD_OK;
}

static enum qd_status check_person(struct qd *q, long long id, struct strbuf *err)
{
	struct person p = {0};
	if (id <= 0)
		return QD_OK;
	enum qd_status s = qd_get_person(q, id, &p);
	person_clear(&p);
	if (s != QD_OK) {
		sb_printf(err, msg(M_MEETING_NO_PERSON), id);
		return QD_NOTFOUND;
	}
	return QD_OK;
}

/* "14:30", "9:05" → "HH:MM" in out (6 bytes); "" stays "". */
static int parse_time(const char *s, char *out)
{
	if (!*s) {
		out[0] = '\0';
		return 0;
	}
	int h = 0, m = 0, n = 0;
	if (strlen(s) > 5 || sscanf(s, "%d:%d%n", &h, &m, &n) != 2 || s[n] || !isdigit((unsigned char)s[0]))
		return -1;
	const char *colon = strchr(s, ':');
	if (!colon || strlen(colon + 1) != 2 || h < 0 || h > 23 || m < 0 || m > 59)
		return -1;
	snprintf(out, 6, "%02d:%02d", h, m);
	return 0;
}

static int parse_hours(const char *s, double *out)
{
	char *end;
	errno = 0;
	double v = strtod(s, &end);
	while (*end == ' ')
		end++;
	if (end == s || *end || errno || !isfinite(v) || v < 0 || v > 24)
		return -1;
	*out = v;
	return 0;
}

/* The stored values of f over those of old (NULL on add), validated. */
static enum qd_status fields_over(struct qd *q, const struct meeting_fields *f,
				  const struct meeting *old, struct store_meeting_vals *v,
				  char *date_buf, char *time_buf, struct strbuf *err)
{
	memset(v, 0, sizeof *v);
	v->org_id = f->org_id ? f->org_id : old ? old->org_id : 0;
	int type = f->type >= 0 ? f->type : old ? (int)old->type : -1;
	if (!v->org_id) {
		sb_printf(err, msg(M_EMPTY_FIELD), msg(M_MF_ORG));
		return QD_INVALID;
	}
	if (f->org_id) {
		struct org o = {0};
		enum qd_status s = qd_get_org(q, f->org_id, &o);
		org_clear(&o);
		if (s != QD_OK) {
			sb_printf(err, msg(M_ORG_NOT_FOUND), "#");
			return QD_NOTFOUND;
		}
	}
	if (type < 0 && !old) {
		sb_printf(err, msg(M_EMPTY_FIELD), msg(M_MF_TYPE));
		return QD_INVALID;
	}
	if (type >= MT__COUNT) {
		sb_printf(err, msg(M_MEETING_BAD_TYPE), "?");
		return QD_INVALID;
	}
	v->type = meeting_type_code((enum meeting_type)type);
	if (f->on) {
		const char *iso = NULL;
		enum qd_status s = model_iso_date(f->on, date_buf, &iso, err);
		if (s != QD_OK)
			return s;
		if (str_empty(iso)) {
			sb_printf(err, msg(M_EMPTY_FIELD), msg(M_MF_DATE));
			return QD_INVALID;
		}
		v->on = iso;
	} else if (old) {
		v->on = old->on_date;
	} else {
		sb_printf(err, msg(M_EMPTY_FIELD), msg(M_MF_DATE));
		return QD_INVALID;
	}
	if (f->starts) {
		if (parse_time(f->starts, time_buf) < 0) {
			sb_printf(err, msg(M_MEETING_BAD_TIME), f->starts);
			return QD_INVALID;
		}
		v->starts = time_buf;
	} else {
		v->starts = old ? old->starts : "";
	}
	v->title = f->title ? f->title : old ? old->title : "";
	v->place = f->place ? f->place : old ? old->place : "";
	v->summary = f->summary ? f->summary : old ? old->summary : "";
	v->decisions = f->decisions ? f->decisions : old ? old->decisions : "";
	v->cell = f->cell ? f->cell : old ? old->cell : "";
	if (f->cell && !plain_line(f->cell, 100)) {
		sb_printf(err, msg(M_MEETING_BAD_CELL), "…");
		return QD_INVALID;
	}
	v->host_id = f->host_id >= 0 ? f->host_id : old ? old->host_id : 0;
	v->recorder_id = f->recorder_id >= 0 ? f->recorder_id : old ? old->recorder_id : 0;
	enum qd_status s = QD_OK;
	if (f->host_id > 0)
		s = check_person(q, f->host_id, err);
	if (s == QD_OK && f->recorder_id > 0)
		s = check_person(q, f->recorder_id, err);
	if (s != QD_OK)
		return s;
	if (f->hours) {
		v->has_hours = !str_empty(f->hours);
		if (v->has_hours && parse_hours(f->hours, &v->hours) < 0) {
			sb_printf(err, msg(M_MEETING_BAD_HOURS), f->hours);
			return QD_INVALID;
		}
	} else if (old) {
		v->has_hours = old->has_hours;
		v->hours = old->hours;
	}
	return QD_OK;
}

static int fields_empty(const struct meeting_fields *f)
{
	return !f->org_id && f->type < 0 && !f->on && !f->starts && !f->title && !f->place &&
	       !f->cell && !f->summary && !f->decisions && f->host_id < 0 && f->recorder_id < 0 &&
	       !f->hours;
}

static enum qd_status stored(struct qd *q, enum qd_status s, long long id, struct strbuf *err)
{
	if (s == QD_CONFLICT)
		sb_printf(err, msg(M_MEETING_CONFLICT), id);
	else if (s != QD_OK && !err->len)
		db_error(q->db, err);
	return s;
}

enum qd_status qd_meeting_add(struct qd *q, const struct meeting_fields *f, long long *id,
			      struct strbuf *err)
{
	char date_buf[11], time_buf[6], now[32];
	struct store_meeting_vals v;
	long long new_id = 0;
	enum qd_status s = fields_over(q, f, NULL, &v, date_buf, time_buf, err);
	if (s == QD_OK)
		s = need_recorder(q, v.org_id, err);
	if (s != QD_OK || (s = model_begin(q, err)) != QD_OK)
		return s;
	model_now(now);
	s = stored(q, store_meeting_insert(q->db, &v, now, &new_id), 0, err);
	if (s == QD_OK)
		s = qd_audit(q, "add", "meeting", new_id, NULL, NULL, err);
	s = model_end(q, s, err);
	if (s == QD_OK && id)
		*id = new_id;
	return s;
}

enum qd_status qd_meeting_set(struct qd *q, long long id, int expect_version,
			      const struct meeting_fields *f, struct strbuf *err)
{
	char date_buf[11], time_buf[6], now[32];
	struct store_meeting_vals v;
	struct meeting m = {0};
	if (fields_empty(f)) {
		sb_puts(err, msg(M_NOTHING_TO_CHANGE));
		return QD_INVALID;
	}
	enum qd_status s = model_begin(q, err);
	if (s != QD_OK)
		return s;
	s = load_live(q, id, expect_version, &m, err);
	if (s == QD_OK)
		s = need_recorder(q, m.org_id, err);
	if (s == QD_OK)
		s = fields_over(q, f, &m, &v, date_buf, time_buf, err);
	if (s == QD_OK && v.org_id != m.org_id)
		s = need_recorder(q, v.org_id, err);
	char *before = s == QD_OK ? store_canon(q->db, "meeting", id) : NULL;
	model_now(now);
	if (s == QD_OK)
		s = stored(q, store_meeting_update(q->db, id, m.version, &v, now), id, err);
	if (s == QD_OK)
		s = qd_audit(q, "set", "meeting", id, before, NULL, err);
	free(before);
	meeting_clear(&m);
	return model_end(q, s, err);
}

enum qd_status qd_meeting_delete(struct qd *q, long long id, struct strbuf *err)
{
	char now[32];
	struct meeting m = {0};
	enum qd_status s = model_begin(q, err);
	if (s != QD_OK)
		return s;
	s = load_live(q, id, 0, &m, err);
	if (s == QD_OK)
		s = need_recorder(q, m.org_id, err);
	char *before = s == QD_OK ? store_canon(q->db, "meeting", id) : NULL;
	model_now(now);
	if (s == QD_OK)
		s = stored(q, store_meeting_soft_delete(q->db, id, m.version, now), id, err);
	if (s == QD_OK)
		s = qd_audit(q, "delete", "meeting", id, before, NULL, err);
	free(before);
	meeting_clear(&m);
	return model_end(q, s, err);
}

/* ---- attendance ---- */

enum qd_status qd_meeting_attend(struct qd *q, long long meeting_id, const long long *people,
				 int n, int st, const char *reason, struct strbuf *err)
{
	struct meeting m = {0};
	struct store_mperson *R = NULL;
	int nr = 0;
	if (n <= 0) {
		sb_puts(err, msg(M_MEETING_NO_PEOPLE));
		return QD_INVALID;
	}
	if (st < -1 || st >= AT__COUNT) {
		sb_printf(err, msg(M_MEETING_BAD_STATUS), "?");
		return QD_INVALID;
	}
	enum qd_status s = model_begin(q, err);
	if (s != QD_OK)
		return s;
	s = load_live(q, meeting_id, 0, &m, err);
	if (s == QD_OK)
		s = need_recorder(q, m.org_id, err);
	if (s == QD_OK && store_attendance_of(q->db, meeting_id, &R, &nr) != QD_OK)
		s = db_error(q->db, err);
	for (int i = 0; i < n && s == QD_OK; i++) {
		s = check_person(q, people[i], err);
		if (s != QD_OK)
			break;
		struct store_mperson *row = NULL;
		for (int k = 0; k < nr && !row; k++)
			if (R[k].id == people[i])
				row = &R[k];
		if (st < 0) {
			if (!row || !row->att_id)
				continue;
			char *before = store_canon(q->db, "attendance", row->att_id);
			s = store_attendance_delete(q->db, row->att_id);
			if (s == QD_OK)
				s = qd_audit_removed(q, "unattend", "attendance", row->att_id, before, err);
			free(before);
			row->att_id = 0;
			row->status = -1;
			continue;
		}
		const char *why = reason ? reason : row && row->att_id && row->reason ? row->reason : "";
		if (row && row->att_id && row->status == st && str_eq(row->reason ? row->reason : "", why))
			continue;
		char *before = row && row->att_id ? store_canon(q->db, "attendance", row->att_id) : NULL;
		long long aid = 0;
		s = store_attendance_put(q->db, meeting_id, people[i], attend_code((enum attend_status)st),
					 why, &aid);
		if (s == QD_OK)
			s = qd_audit(q, "attend", "attendance", aid, before, NULL, err);
		free(before);
		if (s == QD_OK) {
			if (!row) {
				R = xrealloc(R, (size_t)(nr + 1) * sizeof *R);
				row = &R[nr++];
				memset(row, 0, sizeof *row);
				row->id = people[i];
			}
			char *nw = xstrdup(why);
			free(row->reason);
			row->reason = nw;
			row->att_id = aid;
			row->status = st;
		}
	}
	if (s != QD_OK && !err->len)
		db_error(q->db, err);
	store_mpeople_free(R, nr);
	meeting_clear(&m);
	return model_end(q, s, err);
}

/* ---- evidence ---- */

enum qd_status qd_meeting_note(struct qd *q, long long meeting_id, const char *on,
			       const char *kind, const char *text, struct strbuf *err)
{
	char date_buf[11], today[11], now[32];
	const char *iso = NULL;
	struct meeting m = {0};
	int k = meeting_note_kind_parse(kind);
	if (k < 0) {
		sb_printf(err, msg(M_MEETING_BAD_NOTE_KIND), kind);
		return QD_INVALID;
	}
	if (str_empty(text)) {
		sb_puts(err, msg(M_MEETING_EMPTY_NOTE));
		return QD_INVALID;
	}
	enum qd_status s = model_iso_date(on, date_buf, &iso, err);
	if (s != QD_OK)
		return s;
	if (str_empty(iso))
		iso = today_iso(today);
	if ((s = model_begin(q, err)) != QD_OK)
		return s;
	s = load_live(q, meeting_id, 0, &m, err);
	if (s == QD_OK)
		s = need_recorder(q, m.org_id, err);
	model_now(now);
	long long id = 0;
	if (s == QD_OK)
		s = stored(q, store_meeting_note_insert(q->db, meeting_id, iso, q->actor_id,
							meeting_note_kind_code(k), text, now, &id), meeting_id, err);
	if (s == QD_OK)
		s = qd_audit(q, "note", "meeting_note", id, NULL, NULL, err);
	meeting_clear(&m);
	return model_end(q, s, err);
}

enum qd_status qd_meeting_notes(struct qd *q, long long meeting_id, struct meeting_note **out,
				int *n, struct strbuf *err)
{
	enum qd_status s = store_meeting_notes(q->db, meeting_id, out, n);
	return s == QD_OK ? s : db_error(q->db, err);
}

/* ---- item links ---- */

enum qd_status qd_item_link_meeting(struct qd *q, long long item_id, long long meeting_id,
				    int unlink, struct strbuf *err)
{
	struct item it = {0};
	struct meeting m = {0};
	enum qd_status s = model_begin(q, err);
	if (s != QD_OK)
		return s;
	s = qd_get_item(q, item_id, &it, err);
	if (s == QD_OK && !q->actor_admin &&
	    !(q->actor_id && (q->actor_id == it.owner_id || q->actor_id == it.lead_id))) {
		sb_printf(err, msg(M_DENIED_ITEM), msg(M_MACT_LINK), q->actor_name ? q->actor_name : "?");
		s = QD_DENIED;
	}
	if (s == QD_OK) {
		s = store_meeting_get(q->db, meeting_id, &m);
		if (s == QD_NOTFOUND)
			sb_printf(err, msg(M_MEETING_NOT_FOUND), meeting_id);
		else if (s == QD_OK && m.deleted_at && !unlink) {
			sb_printf(err, msg(M_MEETING_DELETED), meeting_id);
			s = QD_INVALID;
		}
	}
	long long link = s == QD_OK ? store_item_meeting_find(q->db, item_id, meeting_id) : 0;
	if (s == QD_OK && !unlink && link) {
		sb_printf(err, msg(M_MEETING_LINKED), item_id, meeting_id);
		s = QD_INVALID;
	} else if (s == QD_OK && unlink && !link) {
		sb_printf(err, msg(M_MEETING_NOT_LINKED), item_id, meeting_id);
		s = QD_INVALID;
	}
	if (s == QD_OK && !unlink) {
		s = store_item_meeting_insert(q->db, item_id, meeting_id, &link);
		if (s == QD_OK)
			s = qd_audit(q, "link", "item_meeting", link, NULL, NULL, err);
	} else if (s == QD_OK) {
		char *before = store_canon(q->db, "item_meeting", link);
		s = store_item_meeting_delete(q->db, link);
		if (s == QD_OK)
			s = qd_audit_removed(q, "unlink", "item_meeting", link, before, err);
		free(before);
	}
	if (s != QD_OK && !err->len)
		db_error(q->db, err);
	item_clear(&it);
	meeting_clear(&m);
	return model_end(q, s, err);
}

enum qd_status qd_meeting_items(struct qd *q, long long meeting_id, long long **ids, int *n,
				struct strbuf *err)
{
	enum qd_status s = store_meeting_item_ids(q->db, meeting_id, ids, n);
	return s == QD_OK ? s : db_error(q->db, err);
}

/* ---- rules ---- */

void meeting_rules_free(struct meeting_rule *r, int n)
{
	for (int i = 0; i < n; i++)
		free(r[i].quorum);
	free(r);
}

enum qd_status qd_meeting_rules(struct qd *q, struct meeting_rule **out, int *n,
				struct strbuf *err)
{
	enum qd_status s = store_meeting_rules(q->db, out, n);
	return s == QD_OK ? s : db_error(q->db, err);
}

enum qd_status qd_meeting_rule_get(struct qd *q, enum org_level level, enum meeting_type type,
				   struct meeting_rule *r, struct strbuf *err)
{
	memset(r, 0, sizeof *r);
	enum qd_status s = store_meeting_rule_get(q->db, level_code(level), meeting_type_code(type), r);
	if (s == QD_NOTFOUND && err)
		sb_printf(err, msg(M_MEETING_NO_RULE), level_label(level), meeting_type_label(type));
	else if (s == QD_DBERROR)
		db_error(q->db, err);
	return s;
}

enum qd_status qd_meeting_rule_set(struct qd *q, enum org_level level, enum meeting_type type,
				   int every, int min, const char *quorum, struct strbuf *err)
{
	char canon[16];
	struct meeting_rule r = {0};
	enum qd_status s = model_need_admin(q, M_MACT_RULE, err);
	if (s == QD_OK && ((unsigned)level > LV_BRANCH || (unsigned)type >= MT__COUNT)) {
		sb_printf(err, msg(M_MEETING_BAD_TYPE), "?");
		s = QD_INVALID;
	}
	if (s == QD_OK && every >= PK__COUNT) {
		sb_printf(err, msg(M_MEETING_BAD_EVERY), "?");
		s = QD_INVALID;
	}
	if (s == QD_OK && (min < -1 || min > 31)) {
		sb_printf(err, msg(M_MEETING_BAD_MIN), min);
		s = QD_INVALID;
	}
	if (s == QD_OK && quorum && quorum_parse(quorum, canon, sizeof canon) < 0) {
		sb_printf(err, msg(M_MEETING_BAD_QUORUM), quorum);
		s = QD_INVALID;
	}
	if (s == QD_OK && every < 0 && min < 0 && !quorum) {
		sb_puts(err, msg(M_NOTHING_TO_CHANGE));
		s = QD_INVALID;
	}
	if (s != QD_OK || (s = model_begin(q, err)) != QD_OK)
		return s;
	s = store_meeting_rule_get(q->db, level_code(level), meeting_type_code(type), &r);
	int exists = s == QD_OK;
	if (s == QD_NOTFOUND) {
		s = QD_OK;
		if (every < 0) {
			sb_printf(err, msg(M_MEETING_RULE_NEEDS_EVERY), level_label(level),
				  meeting_type_label(type));
			s = QD_INVALID;
		}
	} else if (s != QD_OK) {
		db_error(q->db, err);
	}
	int ne = every >= 0 ? every : (int)r.every;
	int nm = min >= 0 ? min : exists ? r.min : 1;
	const char *nq = quorum ? canon : exists ? r.quorum : "";
	int same = exists && ne == (int)r.every && nm == r.min && str_eq(nq, r.quorum);
	char *before = s == QD_OK && exists ? store_canon(q->db, "meeting_rule", r.id) : NULL;
	long long id = 0;
	if (s == QD_OK && !same) {
		s = store_meeting_rule_put(q->db, level_code(level), meeting_type_code(type),
					   period_kind_code((enum period_kind)ne), nm, nq, &id);
		if (s == QD_OK)
			s = qd_audit(q, exists ? "set" : "add", "meeting_rule", id, before, NULL, err);
		else
			db_error(q->db, err);
	}
	free(before);
	free(r.quorum);
	return model_end(q, s, err);
}

/* ---- merging people (model_person.c) ---- */

enum qd_status meeting_merge_person(struct qd *q, long long keep, long long drop,
				    struct strbuf *err)
{
	long long *ids = NULL;
	int n = 0;
	enum qd_status s = store_attendance_clashes(q->db, keep, drop, &ids, &n);
	/* keep's own row at a meeting both attended stands; drop's goes */
	for (int i = 0; s == QD_OK && i < n; i++) {
		char *before = store_canon(q->db, "attendance", ids[i]);
		s = store_attendance_delete(q->db, ids[i]);
		if (s == QD_OK)
			s = qd_audit_removed(q, "merge", "attendance", ids[i], before, err);
		free(before);
	}
	free(ids);
	/* keep takes drop's standing when keep has none of its own */
	struct member k = {0}, d = {0};
	enum qd_status ks = s == QD_OK ? store_member_get(q->db, keep, &k) : QD_OK;
	enum qd_status ds = s == QD_OK ? store_member_get(q->db, drop, &d) : QD_OK;
	if (s == QD_OK && ks == QD_NOTFOUND && ds == QD_OK) {
		s = store_member_put(q->db, keep, party_code(d.party), committee_code(d.committee), d.cell);
		if (s == QD_OK)
			s = qd_audit(q, "merge", "member", keep, NULL, NULL, err);
	} else if (s == QD_OK && (ks == QD_DBERROR || ds == QD_DBERROR)) {
		s = QD_DBERROR;
	}
	member_clear(&k);
	member_clear(&d);
	if (s != QD_OK && !err->len)
		db_error(q->db, err);
	return s;
}
