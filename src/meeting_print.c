/* meeting_print.c — the 组织生活 ledger on paper (issue 11 §7,
 * meeting_print.h): the 会议记录 sheet of one meeting and the yearly 台账
 * of an org, built as print documents (doc.h) from the model; the
 * renderers do the rest.  Each printed document is logged in the audit
 * chain (qd_print_code) and carries its code on every page, so `audit
 * verify --code` can tell later whether the record behind the paper has
 * changed since (the code covers the meeting and its attendance rows). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qingdan/date.h"
#include "qingdan/db.h"
#include "qingdan/io.h"
#include "qingdan/meeting_print.h"
#include "qingdan/msg.h"
#include "qingdan/outfile.h"
#include "qingdan/store_meeting.h"

/* The records a code covers: entity names and ids. */
struct cover {
	const char **entities;
	long long *ids;
	int n;
};

static void cover_add(struct cover *c, const char *entity, long long id)
{
	c->entities = xrealloc(c->entities, (size_t)(c->n + 1) * sizeof *c->entities);
	c->ids = xrealloc(c->ids, (size_t)(c->n + 1) * sizeof *c->ids);
	c->entities[c->n] = entity;
	c->ids[c->n++] = id;
}

static void cover_free(struct cover *c)
{
	free(c->entities);
	free(c->ids);
	memset(c, 0, sizeof *c);
}

static enum qd_status cover_code(struct qd *q, const char *what, struct cover *c, char **code,
				 struct strbuf *err)
{
	enum qd_status s = qd_print_code(q, what, c->entities, c->ids, c->n, code, err);
	cover_free(c);
	return s;
}

static char *day_text(const char *iso)
{
	char buf[32];
	int d;
	if (!iso || date_parse(iso, &d) != 0)
		return xstrdup(iso ? iso : "");
	return xstrdup(msg_english() ? date_format(d, buf) : date_format_zh(d, buf));
}

static char *hours_text(const struct meeting *m)
{
	if (!m->has_hours)
		return xstrdup("");
	char num[32];
	snprintf(num, sizeof num, "%g", m->hours);
	return xasprintf(msg(M_MP_HOURS), num);
}

static char *people_text(int n)
{
	return xasprintf(msg(M_MP_PEOPLE), n);
}

/* "3 人：张三、李四" — the count and the names of those in state st
 * (present counts late too). */
static char *names_of(const struct attendee *a, int n, int want, int count)
{
	struct strbuf b = {0};
	char *head = people_text(count);
	sb_puts(&b, head);
	free(head);
	int k = 0;
	for (int i = 0; i < n; i++) {
		int st = (int)a[i].status;
		int match = want == AT_PRESENT ? (st == AT_PRESENT || st == AT_LATE) : st == want;
		if (!match)
			continue;
		sb_puts(&b, k++ ? (msg_english() ? ", " : "、") : (msg_english() ? ": " : "："));
		sb_puts(&b, a[i].name ? a[i].name : "");
		if (st == AT_LATE && want == AT_PRESENT)
			sb_printf(&b, msg_english() ? " (%s)" : "（%s）", attend_label(AT_LATE));
	}
	return sb_take(&b);
}

static const char *or_blank(const char *s)
{
	return str_empty(s) ? msg(M_MP_EMPTY_TEXT) : s;
}

static void add_field(struct doc *d, enum msg_id key, const char *value)
{
	doc_field(d, msg(key), value ? value : "");
}

enum qd_status meeting_doc(struct qd *q, long long id, struct doc *d, char **code,
			   struct strbuf *err)
{
	struct meeting m;
	struct attendee *a = NULL;
	struct meeting_note *notes = NULL;
	struct store_mperson *rows = NULL;
	int na = 0, nn = 0, nr = 0;
	*code = NULL;
	enum qd_status s = qd_meeting_get(q, id, &m, err);
	if (s != QD_OK)
		return s;
	s = qd_meeting_attendees(q, id, &a, &na, err);
	if (s == QD_OK)
		s = qd_meeting_notes(q, id, &notes, &nn, err);
	if (s == QD_OK && store_attendance_of(q->db, id, &rows, &nr) != QD_OK)
		s = db_error(q->db, err);
	if (s == QD_OK) {
		struct cover c = {0};
		cover_add(&c, "meeting", id);
		for (int i = 0; i < nr; i++)
			if (rows[i].att_id)
				cover_add(&c, "attendance", rows[i].att_id);
		for (int i = 0; i < nn; i++)
			cover_add(&c, "meeting_note", notes[i].id);
		char *what = xasprintf("meeting #%lld", id);
		s = cover_code(q, what, &c, code, err);
		free(what);
	}
	store_mpeople_free(rows, nr);
	if (s != QD_OK) {
		attendees_free(a, na);
		meeting_notes_free(notes, nn);
		meeting_clear(&m);
		return s;
	}

	char *footer = xasprintf(msg(M_MP_CODE), *code);
	doc_group(d, footer);
	free(footer);
	char *title = xasprintf(msg(M_MP_SHEET_TITLE), meeting_type_label(m.type));
	doc_title(d, title);
	free(title);

	char ref[32];
	snprintf(ref, sizeof ref, "#%lld", m.id);
	add_field(d, M_MP_F_ORG, m.org_name);
	add_field(d, M_MP_F_TYPE, meeting_type_label(m.type));
	add_field(d, M_MP_F_ID, ref);
	char *day = day_text(m.on_date);
	char *when = str_empty(m.starts) ? xstrdup(day) : xasprintf("%s %s", day, m.starts);
	add_field(d, M_MP_F_TIME, when);
	free(day);
	free(when);
	add_field(d, M_MP_F_PLACE, m.place);
	char *hours = hours_text(&m);
	if (*hours)
		add_field(d, M_MP_F_HOURS, hours);
	free(hours);
	add_field(d, M_MP_F_HOST, m.host_name);
	add_field(d, M_MP_F_RECORDER, m.recorder_name);
	if (!str_empty(m.cell))
		add_field(d, M_MP_F_CELL, m.cell);
	add_field(d, M_MP_F_TOPIC, m.title);

	if (m.deleted_at) {
		const struct doc_col col = {msg(M_MP_F_ID), 1, 'l'};
		struct doc_table *t = doc_table(d, 1, &col);
		char *line = xasprintf(msg(M_MP_DELETED), m.deleted_at);
		const char *cells[1] = {line};
		doc_row(t, DOC_ROW_RED, cells);
		free(line);
	}

	/* 应到/实到/请假/缺席 with the names */
	char *exp = people_text(m.expected);
	add_field(d, M_MP_F_EXPECTED, exp);
	free(exp);
	char *pres = names_of(a, na, AT_PRESENT, m.present);
	add_field(d, M_MP_F_PRESENT, pres);
	free(pres);
	char *leave = names_of(a, na, AT_LEAVE, m.leave);
	add_field(d, M_MP_F_LEAVE, leave);
	free(leave);
	char *absent = names_of(a, na, AT_ABSENT, m.absent);
	add_field(d, M_MP_F_ABSENT, absent);
	free(absent);
	if (m.observers) {
		char *obs = names_of(a, na, AT_OBSERVER, m.observers);
		add_field(d, M_MP_F_OBSERVERS, obs);
		free(obs);
	}
	if (m.quorum != QS_NA) {
		char *rule = quorum_text(m.quorum_rule);
		char *q_text = xasprintf(msg(M_MP_QUORUM_DESC), quorum_label(m.quorum), m.voting_present,
					 m.voting_expected, rule);
		add_field(d, M_MP_F_QUORUM, q_text);
		free(q_text);
		free(rule);
	}

	doc_heading(d, msg(M_MP_H_ATTEND));
	if (na) {
		const struct doc_col cols[] = {
			{msg(M_MP_COL_NAME), 1.6, 'l'}, {msg(M_MP_COL_POST), 2.4, 'l'},
			{msg(M_MP_COL_ORG), 2.4, 'l'},  {msg(M_MP_COL_STATUS), 1, 'c'},
			{msg(M_MP_COL_REASON), 2, 'l'}, {msg(M_MP_COL_SIGN), 1.4, 'l'}};
		struct doc_table *t = doc_table(d, (int)ARRAY_SIZE(cols), cols);
		for (int i = 0; i < na; i++) {
			const char *cells[] = {a[i].name, a[i].post, a[i].org_name,
					       attend_label(a[i].status), a[i].reason, ""};
			doc_row(t, 0, cells);
		}
	} else {
		doc_para(d, 0, msg(M_MP_NONE_NAMED));
	}
	doc_heading(d, msg(M_MP_H_SUMMARY));
	doc_para(d, DOC_PARA_INDENT, or_blank(m.summary));
	doc_heading(d, msg(M_MP_H_DECISIONS));
	doc_para(d, DOC_PARA_INDENT, or_blank(m.decisions));
	if (nn) {
		doc_heading(d, msg(M_MP_H_NOTES));
		const struct doc_col cols[] = {{msg(M_MP_COL_DATE), 1.2, 'c'},
					       {msg(M_MP_COL_KIND), 1, 'c'},
					       {msg(M_MP_COL_TEXT), 5, 'l'}};
		struct doc_table *t = doc_table(d, (int)ARRAY_SIZE(cols), cols);
		for (int i = 0; i < nn; i++) {
			const char *cells[] = {notes[i].on_date, meeting_note_kind_label(notes[i].kind),
					       notes[i].text};
			doc_row(t, 0, cells);
		}
	}
	doc_sign(d, msg(M_MP_SIGN_HOST), msg(M_MP_SIGN_RECORDER));

	attendees_free(a, na);
	meeting_notes_free(notes, nn);
	meeting_clear(&m);
	return QD_OK;
}

enum qd_status meeting_ledger_doc(struct qd *q, long long org_id, int year, struct doc *d,
				  char **code, struct strbuf *err)
{
	struct org o;
	*code = NULL;
	memset(&o, 0, sizeof o);
	enum qd_status s = qd_get_org(q, org_id, &o);
	if (s != QD_OK) {
		sb_printf(err, msg(M_ORG_NOT_FOUND), "#");
		return s;
	}
	struct meeting_filter f = MEETING_FILTER_INIT;
	f.year = year;
	f.org_id = org_id;
	struct meeting *ms = NULL;
	struct store_mperson *rows = NULL;
	int n = 0, nr = 0;
	s = qd_meeting_list(q, &f, &ms, &n, err);
	char from[16], to[16];
	snprintf(from, sizeof from, "%04d-01-01", year);
	snprintf(to, sizeof to, "%04d-12-31", year);
	if (s == QD_OK && store_attendance_in(q->db, from, to, org_id, &rows, &nr) != QD_OK)
		s = db_error(q->db, err);
	if (s == QD_OK) {
		struct cover c = {0};
		for (int i = 0; i < n; i++)
			cover_add(&c, "meeting", ms[i].id);
		for (int i = 0; i < nr; i++)
			if (rows[i].att_id)
				cover_add(&c, "attendance", rows[i].att_id);
		if (!c.n)
			cover_add(&c, "org", org_id);
		char *what = xasprintf("meetings of org #%lld %d", org_id, year);
		s = cover_code(q, what, &c, code, err);
		free(what);
	}
	store_mpeople_free(rows, nr);
	if (s != QD_OK) {
		meetings_free(ms, n);
		org_clear(&o);
		return s;
	}

	char *footer = xasprintf(msg(M_MP_CODE), *code);
	doc_group(d, footer);
	free(footer);
	char *title = xasprintf(msg(M_MP_LEDGER_TITLE), o.name, year);
	doc_title(d, title);
	free(title);

	/* totals: the year, and by type */
	int count[MT__COUNT] = {0}, people[MT__COUNT] = {0}, total_people = 0;
	double hours[MT__COUNT] = {0}, total_hours = 0;
	for (int i = 0; i < n; i++) {
		count[ms[i].type]++;
		people[ms[i].type] += ms[i].present;
		total_people += ms[i].present;
		if (ms[i].has_hours) {
			hours[ms[i].type] += ms[i].hours;
			total_hours += ms[i].hours;
		}
	}
	char buf[64];
	add_field(d, M_MP_F_ORG, o.name);
	snprintf(buf, sizeof buf, "%d", year);
	add_field(d, M_MP_F_YEAR, buf);
	snprintf(buf, sizeof buf, "%d", n);
	add_field(d, M_MP_F_COUNT, buf);
	snprintf(buf, sizeof buf, "%g", total_hours);
	add_field(d, M_MP_F_TOTAL_HOURS, buf);
	snprintf(buf, sizeof buf, "%d", total_people);
	add_field(d, M_MP_F_PARTICIPANTS, buf);

	if (!n) {
		doc_para(d, 0, msg(M_MP_LEDGER_NONE));
	} else {
		const struct doc_col cols[] = {
			{msg(M_MP_COL_DATE), 1.3, 'c'},   {msg(M_MP_COL_TYPE), 1.4, 'l'},
			{msg(M_MP_COL_TOPIC), 3.5, 'l'},  {msg(M_MP_COL_HOST), 1.2, 'l'},
			{msg(M_MP_COL_COUNTS), 1.8, 'c'}, {msg(M_MP_COL_QUORUM), 1, 'c'},
			{msg(M_MP_COL_HOURS), 0.8, 'r'}};
		struct doc_table *t = doc_table(d, (int)ARRAY_SIZE(cols), cols);
		for (int i = 0; i < n; i++) {
			const struct meeting *m = &ms[i];
			char counts[64], h[32] = "";
			snprintf(counts, sizeof counts, "%d/%d/%d/%d", m->expected, m->present, m->leave,
				 m->absent);
			if (m->has_hours)
				snprintf(h, sizeof h, "%g", m->hours);
			const char *cells[] = {m->on_date, meeting_type_label(m->type), m->title,
					       m->host_name, counts, quorum_label(m->quorum), h};
			doc_row(t, m->quorum == QS_SHORT ? DOC_ROW_RED : 0, cells);
		}
		const struct doc_col tcols[] = {{msg(M_MP_COL_TYPE), 2, 'l'},
						{msg(M_MP_F_COUNT), 1, 'r'},
						{msg(M_MP_F_TOTAL_HOURS), 1, 'r'},
						{msg(M_MP_F_PARTICIPANTS), 1, 'r'}};
		t = doc_table(d, (int)ARRAY_SIZE(tcols), tcols);
		for (int k = 0; k < MT__COUNT; k++) {
			if (!count[k])
				continue;
			char c1[16], c2[32], c3[16];
			snprintf(c1, sizeof c1, "%d", count[k]);
			snprintf(c2, sizeof c2, "%g", hours[k]);
			snprintf(c3, sizeof c3, "%d", people[k]);
			const char *cells[] = {meeting_type_label((enum meeting_type)k), c1, c2, c3};
			doc_row(t, 0, cells);
		}
	}
	doc_sign(d, msg(M_MP_SIGN_LEDGER), NULL);
	meetings_free(ms, n);
	org_clear(&o);
	return QD_OK;
}

enum qd_status meeting_print(struct qd *q, const struct meeting_print_request *r, char **code,
			     char **lp_output, struct strbuf *err)
{
	*code = NULL;
	*lp_output = NULL;
	/* the file first (paper.h): a refused name logs no 校验码 */
	struct paper p;
	enum qd_status s = paper_open(&p, &r->to, q, err);
	if (s != QD_OK)
		return s;
	struct doc *d = doc_new(msg(M_MP_DOC_TITLE));
	s = r->id ? meeting_doc(q, r->id, d, code, err)
		  : meeting_ledger_doc(q, r->org_id, r->year, d, code, err);
	s = paper_finish(&p, d, s, msg(M_MP_LP_TITLE), lp_output, err);
	doc_free(&d);
	return s;
}
