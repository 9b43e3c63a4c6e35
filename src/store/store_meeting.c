/* store_meeting.c — every query of the 组织生活 ledger's records: members,
 * meetings, the people a meeting sees (who may be expected), attendance,
 * evidence, item links and the rules.  Part of the storage module
 * (store_meeting.h); the rules live in src/meeting.c.  Statements are
 * constant text in the SQL both dialects take; parameters compared with a
 * literal carry a CAST so PostgreSQL deduces one type for them. */
#include "qingdan/store_meeting.h"

#include "sql.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qingdan/db.h"
#include "store_impl.h"

/* ---- members ---- */

enum qd_status store_member_get(struct db *db, long long person_id, struct member *m)
{
	struct sql_stmt *st = db_stmt(db,
		"SELECT party, committee, cell FROM member WHERE person_id = ?1");
	sql_bind_int64(st, 1, person_id);
	memset(m, 0, sizeof *m);
	m->person_id = person_id;
	m->party = PS_FULL;
	m->committee = CR_NONE;
	enum qd_status s = QD_NOTFOUND;
	int rc = sql_step(st);
	if (rc == SQL_ROW) {
		int p = party_parse((const char *)sql_column_text(st, 0));
		int c = committee_parse((const char *)sql_column_text(st, 1));
		m->party = p < 0 ? PS_FULL : (enum party_standing)p;
		m->committee = c < 0 ? CR_NONE : (enum committee_role)c;
		m->cell = store_col(st, 2);
		s = QD_OK;
	} else if (rc != SQL_DONE) {
		s = QD_DBERROR;
	}
	sql_reset(st);
	if (!m->cell)
		m->cell = xstrdup("");
	return s;
}

enum qd_status store_member_put(struct db *db, long long person_id, const char *party,
				const char *committee, const char *cell)
{
	struct sql_stmt *st = db_stmt(db,
		"INSERT INTO member(person_id, party, committee, cell) VALUES (?1, ?2, ?3, ?4) "
		"ON CONFLICT(person_id) DO UPDATE SET party = excluded.party, "
		"committee = excluded.committee, cell = excluded.cell");
	sql_bind_int64(st, 1, person_id);
	store_bind_text(st, 2, party);
	store_bind_text(st, 3, committee);
	store_bind_text(st, 4, cell ? cell : "");
	return store_step_done(st);
}

/* ---- meetings ---- */

#define MEETING_SELECT \
	"SELECT mt.id, mt.org_id, o.name, o.level, mt.type, mt.on_date, mt.starts, mt.title, " \
	"mt.place, mt.host_id, hp.name, mt.recorder_id, rp.name, mt.hours, mt.cell, mt.summary, " \
	"mt.decisions, mt.version, mt.created_at, mt.updated_at, mt.deleted_at, " \
	"coalesce(r.quorum, '') " \
	"FROM meeting mt JOIN org o ON o.id = mt.org_id " \
	"LEFT JOIN person hp ON hp.id = mt.host_id LEFT JOIN person rp ON rp.id = mt.recorder_id " \
	"LEFT JOIN meeting_rule r ON r.level = o.level AND r.type = mt.type "

static void meeting_row(struct sql_stmt *st, struct meeting *m)
{
	memset(m, 0, sizeof *m);
	m->id = sql_column_int64(st, 0);
	m->org_id = sql_column_int64(st, 1);
	m->org_name = store_col(st, 2);
	m->org_level = store_col(st, 3);
	int t = meeting_type_parse((const char *)sql_column_text(st, 4));
	m->type = t < 0 ? MT_OTHER : (enum meeting_type)t;
	m->on_date = store_col(st, 5);
	m->year = m->on_date ? atoi(m->on_date) : 0;
	m->starts = store_col(st, 6);
	m->title = store_col(st, 7);
	m->place = store_col(st, 8);
	m->host_id = sql_column_int64(st, 9);
	m->host_name = store_col(st, 10);
	m->recorder_id = sql_column_int64(st, 11);
	m->recorder_name = store_col(st, 12);
	m->has_hours = sql_column_type(st, 13) != SQL_NULL;
	m->hours = m->has_hours ? sql_column_double(st, 13) : 0;
	m->cell = store_col(st, 14);
	m->summary = store_col(st, 15);
	m->decisions = store_col(st, 16);
	m->version = sql_column_int(st, 17);
	m->created_at = store_col(st, 18);
	m->updated_at = store_col(st, 19);
	m->deleted_at = store_col(st, 20);
	m->quorum_rule = store_col(st, 21);
	m->quorum = QS_NA;
}

enum qd_status store_meeting_get(struct db *db, long long id, struct meeting *m)
{
	struct sql_stmt *st = db_stmt(db, MEETING_SELECT "WHERE mt.id = ?1");
	sql_bind_int64(st, 1, id);
	enum qd_status s = QD_NOTFOUND;
	int rc = sql_step(st);
	if (rc == SQL_ROW) {
		meeting_row(st, m);
		s = QD_OK;
	} else if (rc != SQL_DONE) {
		s = QD_DBERROR;
	}
	sql_reset(st);
	return s;
}

static enum qd_status meeting_rows(struct sql_stmt *st, struct meeting **out, int *n)
{
	*out = NULL;
	*n = 0;
	int rc, cap = 0;
	while ((rc = sql_step(st)) == SQL_ROW) {
		if (*n == cap) {
			cap = cap ? 2 * cap : 16;
			*out = xrealloc(*out, (size_t)cap * sizeof **out);
		}
		meeting_row(st, &(*out)[(*n)++]);
	}
	sql_reset(st);
	if (rc != SQL_DONE) {
		meetings_free(*out, *n);
		*out = NULL;
		*n = 0;
		return QD_DBERROR;
	}
	return QD_OK;
}

enum qd_status store_meeting_list(struct db *db, const struct meeting_filter *f,
				  struct meeting **out, int *n)
{
	struct sql_stmt *st = db_stmt(db, MEETING_SELECT
		"WHERE mt.deleted_at IS NULL AND mt.on_date >= :from AND mt.on_date <= :to "
		"AND (CAST(:org AS BIGINT) = 0 OR mt.org_id = :org) "
		"AND (CAST(:type AS TEXT) = '' OR mt.type = :type) "
		"AND (CAST(:person AS BIGINT) = 0 OR EXISTS (SELECT 1 FROM attendance a "
		"WHERE a.meeting_id = mt.id AND a.person_id = :person)) "
		"ORDER BY mt.on_date, mt.id");
	char from[16] = "0000-00-00", to[16] = "9999-99-99";
	if (f->year > 0) {
		snprintf(from, sizeof from, "%04d-01-01", f->year % 10000);
		snprintf(to, sizeof to, "%04d-12-31", f->year % 10000);
	}
	if (f->from && strcmp(f->from, from) > 0)
		snprintf(from, sizeof from, "%.10s", f->from);
	if (f->to && strcmp(f->to, to) < 0)
		snprintf(to, sizeof to, "%.10s", f->to);
	bind_text(st, ":from", from);
	bind_text(st, ":to", to);
	bind_int(st, ":org", f->org_id);
	bind_text(st, ":type", f->type >= 0 ? meeting_type_code((enum meeting_type)f->type) : "");
	bind_int(st, ":person", f->person_id);
	return meeting_rows(st, out, n);
}

enum qd_status store_item_meetings(struct db *db, long long item_id, struct meeting **out, int *n)
{
	struct sql_stmt *st = db_stmt(db, MEETING_SELECT
		"WHERE mt.deleted_at IS NULL AND mt.id IN "
		"(SELECT meeting_id FROM item_meeting WHERE item_id = ?1) ORDER BY mt.on_date, mt.id");
	sql_bind_int64(st, 1, item_id);
	return meeting_rows(st, out, n);
}

static void bind_vals(struct sql_stmt *st, const struct store_meeting_vals *v)
{
	sql_bind_int64(st, 1, v->org_id);
	store_bind_text(st, 2, v->type);
	store_bind_text(st, 3, v->on);
	store_bind_text(st, 4, v->starts ? v->starts : "");
	store_bind_text(st, 5, v->title ? v->title : "");
	store_bind_text(st, 6, v->place ? v->place : "");
	store_bind_id(st, 7, v->host_id);
	store_bind_id(st, 8, v->recorder_id);
	if (v->has_hours)
		sql_bind_double(st, 9, v->hours);
	else
		sql_bind_null(st, 9);
	store_bind_text(st, 10, v->cell ? v->cell : "");
	store_bind_text(st, 11, v->summary ? v->summary : "");
	store_bind_text(st, 12, v->decisions ? v->decisions : "");
}

enum qd_status store_meeting_insert(struct db *db, const struct store_meeting_vals *v,
				    const char *now, long long *id)
{
	struct sql_stmt *st = db_stmt(db,
		"INSERT INTO meeting(org_id, type, on_date, starts, title, place, host_id, "
		"recorder_id, hours, cell, summary, decisions, created_at, updated_at) "
		"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13) RETURNING id");
	bind_vals(st, v);
	store_bind_text(st, 13, now);
	return store_insert(db, st, id);
}

enum qd_status store_meeting_update(struct db *db, long long id, int version,
				    const struct store_meeting_vals *v, const char *now)
{
	struct sql_stmt *st = db_stmt(db,
		"UPDATE meeting SET org_id = ?1, type = ?2, on_date = ?3, starts = ?4, title = ?5, "
		"place = ?6, host_id = ?7, recorder_id = ?8, hours = ?9, cell = ?10, summary = ?11, "
		"decisions = ?12, version = version + 1, updated_at = ?13 "
		"WHERE id = ?14 AND version = ?15 AND deleted_at IS NULL");
	bind_vals(st, v);
	store_bind_text(st, 13, now);
	sql_bind_int64(st, 14, id);
	sql_bind_int(st, 15, version);
	return store_changed_one(db, st);
}

enum qd_status store_meeting_soft_delete(struct db *db, long long id, int version,
					 const char *now)
{
	struct sql_stmt *st = db_stmt(db,
		"UPDATE meeting SET deleted_at = ?3, version = version + 1, updated_at = ?3 "
		"WHERE id = ?1 AND version = ?2 AND deleted_at IS NULL");
	sql_bind_int64(st, 1, id);
	sql_bind_int(st, 2, version);
	store_bind_text(st, 3, now);
	return store_changed_one(db, st);
}

/* ---- people as meetings see them ---- */

void store_mpeople_free(struct store_mperson *p, int n)
{
	for (int i = 0; i < n; i++) {
		free(p[i].name);
		free(p[i].post);
		free(p[i].org_name);
		free(p[i].cell);
		free(p[i].reason);
	}
	free(p);
}

/* Columns 0 … 11 of a person as a meeting sees them (p, o, m aliased). */
#define MPERSON_COLS \
	"p.id, p.org_id, p.name, p.post, o.name, coalesce(m.party, 'full'), " \
	"coalesce(m.committee, ''), coalesce(m.cell, ''), " \
	"CASE WHEN o.sort IS NULL THEN 1 ELSE 0 END, coalesce(o.sort, 0), coalesce(o.id, 0) "
#define MPERSON_ORDER " ORDER BY o.sort IS NULL, o.sort, o.id, p.id"

static void mperson_row(struct sql_stmt *st, struct store_mperson *p)
{
	memset(p, 0, sizeof *p);
	p->id = sql_column_int64(st, 0);
	p->org_id = sql_column_int64(st, 1);
	p->name = store_col(st, 2);
	p->post = store_col(st, 3);
	p->org_name = store_col(st, 4);
	int party = party_parse((const char *)sql_column_text(st, 5));
	int com = committee_parse((const char *)sql_column_text(st, 6));
	p->party = party < 0 ? PS_FULL : party;
	p->committee = com < 0 ? CR_NONE : com;
	p->cell = store_col(st, 7);
	p->sort_null = sql_column_int(st, 8);
	p->sort = sql_column_int64(st, 9);
	p->org_key = sql_column_int64(st, 10);
	p->status = -1;
	if (!p->post)
		p->post = xstrdup("");
	if (!p->cell)
		p->cell = xstrdup("");
}

static enum qd_status mperson_rows(struct sql_stmt *st, int extra, struct store_mperson **out,
				   int *n)
{
	*out = NULL;
	*n = 0;
	int rc, cap = 0;
	while ((rc = sql_step(st)) == SQL_ROW) {
		if (*n == cap) {
			cap = cap ? 2 * cap : 32;
			*out = xrealloc(*out, (size_t)cap * sizeof **out);
		}
		struct store_mperson *p = &(*out)[(*n)++];
		mperson_row(st, p);
		if (extra == 1) {
			p->in_sub = sql_column_int(st, 11);
		} else if (extra >= 2) {
			p->att_id = sql_column_int64(st, 11);
			p->status = attend_parse((const char *)sql_column_text(st, 12));
			p->reason = store_col(st, 13);
			if (extra == 3)
				p->meeting_id = sql_column_int64(st, 14);
		}
	}
	sql_reset(st);
	if (rc != SQL_DONE) {
		store_mpeople_free(*out, *n);
		*out = NULL;
		*n = 0;
		return QD_DBERROR;
	}
	return QD_OK;
}

enum qd_status store_meeting_people(struct db *db, long long org_id, int all,
				    struct store_mperson **out, int *n)
{
	struct sql_stmt *st = db_stmt(db,
		"WITH RECURSIVE sub(id) AS (SELECT id FROM org WHERE id = ?1 UNION SELECT o.id "
		"FROM org o JOIN sub ON o.parent_id = sub.id) "
		"SELECT " MPERSON_COLS ", CASE WHEN p.org_id IN (SELECT id FROM sub) THEN 1 ELSE 0 END "
		"FROM person p LEFT JOIN org o ON o.id = p.org_id "
		"LEFT JOIN member m ON m.person_id = p.id "
		"WHERE p.active = 1 AND (CAST(?2 AS INTEGER) = 1 OR p.org_id IN (SELECT id FROM sub))"
		MPERSON_ORDER);
	sql_bind_int64(st, 1, org_id);
	sql_bind_int(st, 2, all ? 1 : 0);
	return mperson_rows(st, 1, out, n);
}

enum qd_status store_attendance_of(struct db *db, long long meeting_id,
				   struct store_mperson **out, int *n)
{
	struct sql_stmt *st = db_stmt(db,
		"SELECT " MPERSON_COLS ", a.id, a.status, a.reason "
		"FROM attendance a JOIN person p ON p.id = a.person_id "
		"LEFT JOIN org o ON o.id = p.org_id LEFT JOIN member m ON m.person_id = p.id "
		"WHERE a.meeting_id = ?1" MPERSON_ORDER);
	sql_bind_int64(st, 1, meeting_id);
	return mperson_rows(st, 2, out, n);
}

enum qd_status store_attendance_in(struct db *db, const char *from, const char *to,
				   long long org_id, struct store_mperson **out, int *n)
{
	struct sql_stmt *st = db_stmt(db,
		"SELECT " MPERSON_COLS ", a.id, a.status, a.reason, a.meeting_id "
		"FROM attendance a JOIN person p ON p.id = a.person_id "
		"LEFT JOIN org o ON o.id = p.org_id LEFT JOIN member m ON m.person_id = p.id "
		"WHERE a.meeting_id IN (SELECT mt.id FROM meeting mt WHERE mt.deleted_at IS NULL "
		"AND mt.on_date >= ?1 AND mt.on_date <= ?2 "
		"AND (CAST(?3 AS BIGINT) = 0 OR mt.org_id = ?3)) "
		"ORDER BY a.meeting_id, o.sort IS NULL, o.sort, o.id, p.id");
	store_bind_text(st, 1, from);
	store_bind_text(st, 2, to);
	sql_bind_int64(st, 3, org_id);
	return mperson_rows(st, 3, out, n);
}

/* A listing's attendance: the meetings of the dates by meeting_date, each
 * one's rows by the attendance key (t_plan holds it to that). */
#define ATTENDANCE_COUNTS_SQL \
	"SELECT a.person_id, coalesce(m.party, 'full'), a.status, a.meeting_id " \
	"FROM attendance a LEFT JOIN member m ON m.person_id = a.person_id " \
	"WHERE a.meeting_id IN (SELECT mt.id FROM meeting mt WHERE mt.deleted_at IS NULL " \
	"AND mt.on_date >= ?1 AND mt.on_date <= ?2 " \
	"AND (CAST(?3 AS BIGINT) = 0 OR mt.org_id = ?3)) " \
	"ORDER BY a.meeting_id, a.person_id"

void store_meeting_hot_queries(void (*fn)(void *ctx, const char *name, const char *sql), void *ctx)
{
	fn(ctx, "meeting list: attendance", ATTENDANCE_COUNTS_SQL);
}

enum qd_status store_attendance_counts_in(struct db *db, const char *from, const char *to,
					  long long org_id, struct store_mperson **out, int *n)
{
	struct sql_stmt *st = db_stmt(db, ATTENDANCE_COUNTS_SQL);
	store_bind_text(st, 1, from);
	store_bind_text(st, 2, to);
	sql_bind_int64(st, 3, org_id);
	*out = NULL;
	*n = 0;
	int rc, cap = 0;
	while ((rc = sql_step(st)) == SQL_ROW) {
		if (*n == cap) {
			cap = cap ? 2 * cap : 256;
			*out = xrealloc(*out, (size_t)cap * sizeof **out);
		}
		struct store_mperson *p = &(*out)[(*n)++];
		memset(p, 0, sizeof *p);
		p->id = sql_column_int64(st, 0);
		int party = party_parse((const char *)sql_column_text(st, 1));
		p->party = party < 0 ? PS_FULL : party;
		p->status = attend_parse((const char *)sql_column_text(st, 2));
		p->meeting_id = sql_column_int64(st, 3);
	}
	sql_reset(st);
	if (rc != SQL_DONE) {
		store_mpeople_free(*out, *n);
		*out = NULL;
		*n = 0;
		return QD_DBERROR;
	}
	return QD_OK;
}

enum qd_status store_attendance_put(struct db *db, long long meeting_id, long long person_id,
				    const char *status, const char *reason, long long *id)
{
	struct sql_stmt *st = db_stmt(db,
		"INSERT INTO attendance(meeting_id, person_id, status, reason) VALUES (?1, ?2, ?3, ?4) "
		"ON CONFLICT(meeting_id, person_id) DO UPDATE SET status = excluded.status, "
		"reason = excluded.reason RETURNING id");
	sql_bind_int64(st, 1, meeting_id);
	sql_bind_int64(st, 2, person_id);
	store_bind_text(st, 3, status);
	store_bind_text(st, 4, reason ? reason : "");
	return store_insert(db, st, id);
}

enum qd_status store_attendance_delete(struct db *db, long long id)
{
	struct sql_stmt *st = db_stmt(db, "DELETE FROM attendance WHERE id = ?1");
	sql_bind_int64(st, 1, id);
	return store_changed_one(db, st);
}

enum qd_status store_attendance_clashes(struct db *db, long long keep, long long drop,
					long long **ids, int *n)
{
	struct sql_stmt *st = db_stmt(db,
		"SELECT d.id FROM attendance d WHERE d.person_id = ?2 AND EXISTS "
		"(SELECT 1 FROM attendance k WHERE k.meeting_id = d.meeting_id AND k.person_id = ?1) "
		"ORDER BY d.id");
	sql_bind_int64(st, 1, keep);
	sql_bind_int64(st, 2, drop);
	*ids = NULL;
	*n = 0;
	int rc;
	while ((rc = sql_step(st)) == SQL_ROW) {
		*ids = xrealloc(*ids, (size_t)(*n + 1) * sizeof **ids);
		(*ids)[(*n)++] = sql_column_int64(st, 0);
	}
	sql_reset(st);
	return rc == SQL_DONE ? QD_OK : QD_DBERROR;
}

/* ---- evidence ---- */

enum qd_status store_meeting_note_insert(struct db *db, long long meeting_id, const char *on,
					 long long person_id, const char *kind, const char *text,
					 const char *now, long long *id)
{
	struct sql_stmt *st = db_stmt(db,
		"INSERT INTO meeting_note(meeting_id, on_date, person_id, kind, text, created_at) "
		"VALUES (?1, ?2, ?3, ?4, ?5, ?6) RETURNING id");
	sql_bind_int64(st, 1, meeting_id);
	store_bind_text(st, 2, on);
	store_bind_id(st, 3, person_id);
	store_bind_text(st, 4, kind ? kind : "");
	store_bind_text(st, 5, text);
	store_bind_text(st, 6, now);
	return store_insert(db, st, id);
}

enum qd_status store_meeting_notes(struct db *db, long long meeting_id, struct meeting_note **out,
				   int *n)
{
	struct sql_stmt *st = db_stmt(db,
		"SELECT mn.id, mn.meeting_id, mn.on_date, mn.person_id, p.name, mn.kind, mn.text "
		"FROM meeting_note mn LEFT JOIN person p ON p.id = mn.person_id "
		"WHERE mn.meeting_id = ?1 ORDER BY mn.on_date, mn.id");
	sql_bind_int64(st, 1, meeting_id);
	*out = NULL;
	*n = 0;
	int rc;
	while ((rc = sql_step(st)) == SQL_ROW) {
		*out = xrealloc(*out, (size_t)(*n + 1) * sizeof **out);
		struct meeting_note *mn = &(*out)[(*n)++];
		memset(mn, 0, sizeof *mn);
		mn->id = sql_column_int64(st, 0);
		mn->meeting_id = sql_column_int64(st, 1);
		mn->on_date = store_col(st, 2);
		mn->person_id = sql_column_int64(st, 3);
		mn->person_name = store_col(st, 4);
		mn->kind = store_col(st, 5);
		mn->text = store_col(st, 6);
	}
	sql_reset(st);
	if (rc != SQL_DONE) {
		meeting_notes_free(*out, *n);
		*out = NULL;
		*n = 0;
		return QD_DBERROR;
	}
	return QD_OK;
}

/* ---- item links ---- */

long long store_item_meeting_find(struct db *db, long long item_id, long long meeting_id)
{
	struct sql_stmt *st = db_stmt(db,
		"SELECT id FROM item_meeting WHERE item_id = ?1 AND meeting_id = ?2");
	sql_bind_int64(st, 1, item_id);
	sql_bind_int64(st, 2, meeting_id);
	long long id = sql_step(st) == SQL_ROW ? sql_column_int64(st, 0) : 0;
	sql_reset(st);
	return id;
}

enum qd_status store_item_meeting_insert(struct db *db, long long item_id, long long meeting_id,
					 long long *id)
{
	struct sql_stmt *st = db_stmt(db,
		"INSERT INTO item_meeting(item_id, meeting_id) VALUES (?1, ?2) RETURNING id");
	sql_bind_int64(st, 1, item_id);
	sql_bind_int64(st, 2, meeting_id);
	return store_insert(db, st, id);
}

enum qd_status store_item_meeting_delete(struct db *db, long long id)
{
	struct sql_stmt *st = db_stmt(db, "DELETE FROM item_meeting WHERE id = ?1");
	sql_bind_int64(st, 1, id);
	return store_changed_one(db, st);
}

enum qd_status store_meeting_item_ids(struct db *db, long long meeting_id, long long **ids, int *n)
{
	struct sql_stmt *st = db_stmt(db,
		"SELECT item_id FROM item_meeting WHERE meeting_id = ?1 ORDER BY item_id");
	sql_bind_int64(st, 1, meeting_id);
	*ids = NULL;
	*n = 0;
	int rc;
	while ((rc = sql_step(st)) == SQL_ROW) {
		*ids = xrealloc(*ids, (size_t)(*n + 1) * sizeof **ids);
		(*ids)[(*n)++] = sql_column_int64(st, 0);
	}
	sql_reset(st);
	return rc == SQL_DONE ? QD_OK : QD_DBERROR;
}

/* ---- rules ---- */

static void rule_row(struct sql_stmt *st, struct meeting_rule *r)
{
	memset(r, 0, sizeof *r);
	r->id = sql_column_int64(st, 0);
	int l = level_parse((const char *)sql_column_text(st, 1));
	int t = meeting_type_parse((const char *)sql_column_text(st, 2));
	int e = period_kind_parse((const char *)sql_column_text(st, 3));
	r->level = l < 0 ? LV_BRANCH : (enum org_level)l;
	r->type = t < 0 ? MT_OTHER : (enum meeting_type)t;
	r->every = e < 0 ? PK_YEAR : (enum period_kind)e;
	r->min = sql_column_int(st, 4);
	r->quorum = store_col(st, 5);
	if (!r->quorum)
		r->quorum = xstrdup("");
}

static int rule_cmp(const void *a, const void *b)
{
	const struct meeting_rule *x = a, *y = b;
	if (x->level != y->level)
		return (int)x->level - (int)y->level;
	return (int)x->type - (int)y->type;
}

enum qd_status store_meeting_rules(struct db *db, struct meeting_rule **out, int *n)
{
	struct sql_stmt *st = db_stmt(db,
		"SELECT id, level, type, every, min_count, quorum FROM meeting_rule ORDER BY id");
	*out = NULL;
	*n = 0;
	int rc;
	while ((rc = sql_step(st)) == SQL_ROW) {
		*out = xrealloc(*out, (size_t)(*n + 1) * sizeof **out);
		rule_row(st, &(*out)[(*n)++]);
	}
	sql_reset(st);
	if (rc != SQL_DONE) {
		meeting_rules_free(*out, *n);
		*out = NULL;
		*n = 0;
		return QD_DBERROR;
	}
	if (*n > 1)
		qsort(*out, (size_t)*n, sizeof **out, rule_cmp);
	return QD_OK;
}

enum qd_status store_meeting_rule_get(struct db *db, const char *level, const char *type,
				      struct meeting_rule *r)
{
	struct sql_stmt *st = db_stmt(db,
		"SELECT id, level, type, every, min_count, quorum FROM meeting_rule "
		"WHERE level = ?1 AND type = ?2");
	store_bind_text(st, 1, level);
	store_bind_text(st, 2, type);
	enum qd_status s = QD_NOTFOUND;
	int rc = sql_step(st);
	if (rc == SQL_ROW) {
		rule_row(st, r);
		s = QD_OK;
	} else if (rc != SQL_DONE) {
		s = QD_DBERROR;
	}
	sql_reset(st);
	return s;
}

enum qd_status store_meeting_rule_put(struct db *db, const char *level, const char *type,
				      const char *every, int min, const char *quorum, long long *id)
{
	struct sql_stmt *st = db_stmt(db,
		"INSERT INTO meeting_rule(level, type, every, min_count, quorum) "
		"VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT(level, type) DO UPDATE SET "
		"every = excluded.every, min_count = excluded.min_count, quorum = excluded.quorum "
		"RETURNING id");
	store_bind_text(st, 1, level);
	store_bind_text(st, 2, type);
	store_bind_text(st, 3, every);
	sql_bind_int(st, 4, min);
	store_bind_text(st, 5, quorum ? quorum : "");
	return store_insert(db, st, id);
}
