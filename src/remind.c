/* remind.c — `qingdan remind` (remind.h): gather each section for every
 * person at once (one statement each, the rows grouped here by person),
 * then write the blocks as text or JSON.
 *
 * A section is a row of sections[] (how it is written) and a gatherer of
 * gatherers[] (how its lines are found); the item gatherer fills both
 * overdue and due_soon from its one query. */
#include <stdlib.h>
#include <string.h>

#include "qingdan/date.h"
#include "qingdan/db.h"
#include "qingdan/meeting.h"
#include "qingdan/period.h"
#include "qingdan/msg.h"
#include "qingdan/pledge.h"
#include "qingdan/remind.h"
#include "qingdan/store_remind.h"
#include "qingdan/text.h"
#include "store/json.h"

/* item content and pledge titles are cut to this many columns in text */
#define REMIND_TEXT_COLS 40
#define REMIND_PAGE 256

static void line_clear(struct remind_line *l)
{
	free(l->org);
	free(l->text);
	free(l->code);
	free(l->period);
	free(l->date);
	memset(l, 0, sizeof *l);
}

void remind_clear(struct remind *r)
{
	for (int i = 0; i < r->n; i++) {
		struct remind_block *b = &r->people[i];
		free(b->name);
		free(b->post);
		free(b->org);
		for (int s = 0; s < RS__COUNT; s++) {
			for (int k = 0; k < b->nlines[s]; k++)
				line_clear(&b->lines[s][k]);
			free(b->lines[s]);
		}
	}
	free(r->people);
	r->people = NULL;
	r->n = 0;
}

/* Blocks come in org order, not id order: r->index keeps their ids
 * sorted (r->index_at[k] the block of r->index[k]) while gathering, so
 * every row finds its person by a binary search. */
static int id_cmp(const void *a, const void *b)
{
	long long x = *(const long long *)a, y = *(const long long *)b;
	return x < y ? -1 : x > y;
}

static struct remind_block *block_of(struct remind *r, long long person_id)
{
	if (!person_id || !r->index)
		return NULL;
	const long long *hit = bsearch(&person_id, r->index, (size_t)r->n, sizeof *r->index, id_cmp);
	return hit ? &r->people[r->index_at[hit - r->index]] : NULL;
}

void remind_add(struct remind *r, long long person_id, enum remind_section sec,
		struct remind_line *l)
{
	struct remind_block *b = block_of(r, person_id);
	if (!b) {
		line_clear(l);
		return;
	}
	if (b->nlines[sec] == b->cap[sec]) {
		b->cap[sec] = b->cap[sec] ? 2 * b->cap[sec] : 4;
		b->lines[sec] = xrealloc(b->lines[sec], (size_t)b->cap[sec] * sizeof *b->lines[sec]);
	}
	b->lines[sec][b->nlines[sec]++] = *l;
	memset(l, 0, sizeof *l);
}

static char *dup_or_null(const char *s)
{
	return str_empty(s) ? NULL : xstrdup(s);
}

/* ---- people ---- */

struct people_ctx {
	struct remind *r;
	int cap;
};

static void on_person(void *ctx, const struct remind_person_row *row)
{
	struct people_ctx *c = ctx;
	struct remind *r = c->r;
	if (r->n == c->cap) {
		c->cap = c->cap ? 2 * c->cap : 32;
		r->people = xrealloc(r->people, (size_t)c->cap * sizeof *r->people);
	}
	struct remind_block *b = &r->people[r->n++];
	memset(b, 0, sizeof *b);
	b->person_id = row->id;
	b->org_id = row->org_id;
	b->name = xstrdup(row->name ? row->name : "");
	b->post = xstrdup(row->post ? row->post : "");
	b->org = xstrdup(row->org ? row->org : "");
	int cr = committee_parse(row->committee ? row->committee : "");
	b->committee = cr < 0 ? CR_NONE : cr;
}

/* ---- sections: the gatherers ---- */

static int days_to(const struct remind *r, const char *iso)
{
	int day, today;
	if (str_empty(iso) || date_parse(iso, &day) != 0 || date_parse(r->today, &today) != 0)
		return 0;
	return day - today;
}

static void on_item(void *ctx, const struct remind_item_row *row)
{
	struct remind *r = ctx;
	int late = strcmp(row->due, r->today) < 0;
	long long who[2] = {row->owner_id, row->lead_id};
	for (int k = 0; k < 2; k++) {
		if (!who[k] || (k == 1 && who[1] == who[0]))
			continue;
		struct remind_line l = {0};
		l.id = row->id;
		l.org = xstrdup(row->org ? row->org : "");
		l.text = xstrdup(row->content ? row->content : "");
		l.date = xstrdup(row->due);
		l.days = days_to(r, row->due);
		remind_add(r, who[k], late ? RS_OVERDUE : RS_DUE_SOON, &l);
	}
}

/* A recurring item's due is its first open period's last day (period.h),
 * so it is already among the overdue or due-soon items: its lines name the
 * periods not done ("Q1 Q2") that have ended or end within the days. */
static void on_period(void *ctx, long long item_id, const char *period, const char *ends,
		      int missed)
{
	struct remind *r = ctx;
	(void)ends;
	(void)missed;
	for (int i = 0; i < r->n; i++)
		for (int sec = RS_OVERDUE; sec <= RS_DUE_SOON; sec++)
			for (int k = 0; k < r->people[i].nlines[sec]; k++) {
				struct remind_line *l = &r->people[i].lines[sec][k];
				if (l->id != item_id)
					continue;
				char *joined = l->period ? xasprintf("%s %s", l->period, period)
							 : xstrdup(period);
				free(l->period);
				l->period = joined;
			}
}

static enum qd_status gather_items(struct qd *q, struct remind *r, struct strbuf *err)
{
	enum qd_status s = store_remind_items(q->db, r->year, r->only, r->soon, on_item, r);
	if (s == QD_OK) {
		int today;
		if (date_parse(r->today, &today) == 0)
			s = qd_item_periods_open(q, today, r->days, on_period, r);
	}
	return s == QD_OK ? s : db_error(q->db, err);
}

static void pledge_line(struct remind *r, const struct pledge *p, enum pledge_party party)
{
	struct remind_line l = {0};
	l.id = p->id;
	l.text = xstrdup(p->title ? p->title : "");
	l.code = xstrdup(pledge_party_code(party));
	l.date = dup_or_null(p->sign_due);
	l.days = days_to(r, p->sign_due);
	l.overdue = p->overdue;
	remind_add(r, party == PARTY_SIGNER ? p->signer_id : p->issuer_id, RS_PLEDGES, &l);
}

/* Issued pledges (待签) of the year, page by page in id order. */
static enum qd_status gather_pledges(struct qd *q, struct remind *r, struct strbuf *err)
{
	struct pledge_filter f = PLEDGE_FILTER_INIT;
	f.year = r->year;
	f.status = PL_ISSUED;
	f.person_id = r->only;
	long long from = 0;
	for (;;) {
		struct pledge *ps = NULL;
		int n = 0;
		enum qd_status s = qd_pledge_page(q, &f, from, 1, REMIND_PAGE, &ps, &n, err);
		if (s != QD_OK)
			return s;
		for (int i = 0; i < n; i++) {
			if (!ps[i].sig[PARTY_SIGNER].on)
				pledge_line(r, &ps[i], PARTY_SIGNER);
			if (!ps[i].sig[PARTY_ISSUER].on && ps[i].issuer_id != ps[i].signer_id)
				pledge_line(r, &ps[i], PARTY_ISSUER);
			from = ps[i].id;
		}
		pledges_free(ps, n);
		if (n < REMIND_PAGE)
			return QD_OK;
	}
}

/* A half-year or year period ("2026-H2", "2026") is named only in its
 * last quarter: from January on, every 组织生活会 would otherwise be a
 * reminder all year. */
#define REMIND_LONG_PERIOD_DAYS 92
static int long_period(const char *name)
{
	return strchr(name, 'H') || strlen(name) == 4;
}

/* The ledger's own check (meeting_check.c) of every org, once: the rows
 * of the period holding today not yet ok (a long period in its last
 * quarter only), to each committee member of that org. */
static enum qd_status gather_meetings(struct qd *q, struct remind *r, struct strbuf *err)
{
	int any = 0;
	for (int i = 0; i < r->n && !any; i++)
		any = r->people[i].committee != CR_NONE && r->people[i].org_id;
	if (!any)
		return QD_OK;
	struct check_row *rows = NULL;
	int n = 0;
	long long org_id = r->only && r->n == 1 ? r->people[0].org_id : 0;
	enum qd_status s = qd_meeting_check(q, org_id, r->year, &rows, &n, err);
	if (s != QD_OK)
		return s;
	for (int k = 0; k < n; k++) {
		const struct check_row *c = &rows[k];
		if (c->status == CK_OK || strcmp(c->first, r->today) > 0 ||
		    strcmp(c->last, r->today) < 0 ||
		    (long_period(c->period) && days_to(r, c->last) > REMIND_LONG_PERIOD_DAYS))
			continue;
		for (int i = 0; i < r->n; i++) {
			const struct remind_block *b = &r->people[i];
			if (b->org_id != c->org_id || b->committee == CR_NONE)
				continue;
			struct remind_line l = {0};
			l.org = xstrdup(c->org_name ? c->org_name : "");
			l.text = xstrdup(meeting_type_label(c->type));
			l.code = xstrdup(meeting_type_code(c->type));
			l.period = xstrdup(c->period);
			l.date = xstrdup(c->last);
			l.days = days_to(r, c->last);
			l.required = c->required;
			l.held = c->held;
			l.valid = c->valid;
			remind_add(r, b->person_id, RS_MEETINGS, &l);
		}
	}
	check_rows_free(rows, n);
	return QD_OK;
}

/* Each finds the lines of one or more sections for everyone at once,
 * with one statement (or one paged listing), and hands them out with
 * remind_add.  A new source is one more function here and its
 * section's row below. */
static enum qd_status (*const gatherers[])(struct qd *q, struct remind *r, struct strbuf *err) = {
	gather_items, gather_pledges, gather_meetings,
};

enum qd_status remind_gather(struct qd *q, long long person_id, int days, struct remind *r,
			     struct strbuf *err)
{
	memset(r, 0, sizeof *r);
	int today = date_today();
	r->days = days < 0 ? q->due_soon_days : days;
	r->year = q->year;
	r->only = person_id;
	date_format(today, r->today);
	date_format(today + r->days, r->soon);
	struct people_ctx c = {r, 0};
	enum qd_status s = store_remind_people(q->db, person_id, on_person, &c);
	if (s != QD_OK) {
		remind_clear(r);
		return db_error(q->db, err);
	}
	long long *ids = xcalloc((size_t)r->n + 1, sizeof *ids);
	int *at = xcalloc((size_t)r->n + 1, sizeof *at);
	/* sort (id, index) pairs by id: ids[] then at[] in step */
	struct pair { long long id; int at; } *pairs = xcalloc((size_t)r->n + 1, sizeof *pairs);
	for (int i = 0; i < r->n; i++)
		pairs[i] = (struct pair){r->people[i].person_id, i};
	qsort(pairs, (size_t)r->n, sizeof *pairs, id_cmp);
	for (int i = 0; i < r->n; i++) {
		ids[i] = pairs[i].id;
		at[i] = pairs[i].at;
	}
	free(pairs);
	r->index = ids;
	r->index_at = at;
	for (size_t i = 0; i < ARRAY_SIZE(gatherers) && s == QD_OK; i++)
		s = gatherers[i](q, r, err);
	r->index = NULL;
	r->index_at = NULL;
	free(ids);
	free(at);
	if (s != QD_OK)
		remind_clear(r);
	return s;
}

/* ---- sections: the writers ---- */

static void days_text(struct strbuf *b, const struct remind_line *l, enum msg_id late,
		      enum msg_id today, enum msg_id left)
{
	if (l->days < 0)
		sb_printf(b, msg(late), l->date, -l->days);
	else if (l->days == 0)
		sb_printf(b, msg(today), l->date);
	else
		sb_printf(b, msg(left), l->date, l->days);
}

static void item_text(struct strbuf *b, const struct remind_line *l)
{
	char *org = text_sanitize(l->org, 0);
	char *content = text_fit(l->text, REMIND_TEXT_COLS, 1);
	size_t n = strlen(content);
	while (n && content[n - 1] == ' ')
		content[--n] = '\0';
	sb_printf(b, "#%lld %s %s  ", l->id, org, content);
	days_text(b, l, M_RM_DUE_LATE, M_RM_DUE_TODAY, M_RM_DUE_LEFT);
	if (l->period)
		sb_printf(b, msg(M_RM_PERIODS), l->period);
	free(org);
	free(content);
}

static void pledge_text(struct strbuf *b, const struct remind_line *l)
{
	char *title = text_fit(l->text, REMIND_TEXT_COLS, 1);
	size_t n = strlen(title);
	while (n && title[n - 1] == ' ')
		title[--n] = '\0';
	int party = pledge_party_parse(l->code);
	sb_printf(b, "#%lld %s", l->id, title);
	sb_printf(b, msg(M_RM_AS_PARTY), pledge_party_label(party < 0 ? PARTY_SIGNER : party));
	sb_puts(b, "  ");
	if (!l->date)
		sb_puts(b, msg(M_RM_SIGN_NONE));
	else
		days_text(b, l, M_RM_SIGN_LATE, M_RM_SIGN_TODAY, M_RM_SIGN_LEFT);
	free(title);
}

static void meeting_text(struct strbuf *b, const struct remind_line *l)
{
	char *org = text_sanitize(l->org, 0);
	sb_printf(b, msg(M_RM_MEETING_LINE), org, l->text, l->period, l->held, l->valid,
		  l->required, l->date, l->days);
	free(org);
}

static void item_json(struct strbuf *b, const struct remind_line *l, int late)
{
	json_key(b, "id");
	json_int(b, l->id);
	json_key(b, "org");
	json_text(b, l->org);
	json_key(b, "content");
	json_text(b, l->text);
	json_key(b, "due");
	json_text(b, l->date);
	json_key(b, late ? "days_late" : "days_left");
	json_int(b, late ? -l->days : l->days);
	json_key(b, "periods");   /* a recurring item's periods not done, "Q1 Q2"; else null */
	if (l->period)
		json_text(b, l->period);
	else
		json_null(b);
}

static void overdue_json(struct strbuf *b, const struct remind_line *l)
{
	item_json(b, l, 1);
}

static void due_soon_json(struct strbuf *b, const struct remind_line *l)
{
	item_json(b, l, 0);
}

static void pledge_json(struct strbuf *b, const struct remind_line *l)
{
	json_key(b, "id");
	json_int(b, l->id);
	json_key(b, "title");
	json_text(b, l->text);
	json_key(b, "party");
	json_text(b, l->code);
	json_key(b, "sign_due");
	json_text(b, l->date);
	json_key(b, "overdue");
	sb_puts(b, l->overdue ? "true" : "false");
	json_key(b, "days_left");
	if (l->date)
		json_int(b, l->days);
	else
		json_null(b);
}

static void meeting_json(struct strbuf *b, const struct remind_line *l)
{
	json_key(b, "org");
	json_text(b, l->org);
	json_key(b, "type");
	json_text(b, l->code);
	json_key(b, "type_label");
	json_text(b, l->text);
	json_key(b, "period");
	json_text(b, l->period);
	json_key(b, "last_day");
	json_text(b, l->date);
	json_key(b, "required");
	json_int(b, l->required);
	json_key(b, "held");
	json_int(b, l->held);
	json_key(b, "valid");
	json_int(b, l->valid);
	json_key(b, "days_left");
	json_int(b, l->days);
}

/* How each section is written, one row per value of enum
 * remind_section, in its order (a new section without its row does not
 * compile). */
static const struct section {
	const char *key;         /* JSON */
	enum msg_id heading;     /* text: "逾期 %d 项：" (count; due_soon: count, days) */
	void (*text)(struct strbuf *b, const struct remind_line *l);
	void (*json)(struct strbuf *b, const struct remind_line *l);
} sections[] = {
	[RS_OVERDUE] = {"overdue", M_RM_OVERDUE, item_text, overdue_json},
	[RS_DUE_SOON] = {"due_soon", M_RM_DUE_SOON, item_text, due_soon_json},
	[RS_PLEDGES] = {"pledges", M_RM_PLEDGES, pledge_text, pledge_json},
	[RS_MEETINGS] = {"meetings", M_RM_MEETINGS, meeting_text, meeting_json},
};
_Static_assert(ARRAY_SIZE(sections) == RS__COUNT, "a row of sections[] for each remind_section");

static int block_empty(const struct remind_block *b)
{
	for (int s = 0; s < RS__COUNT; s++)
		if (b->nlines[s])
			return 0;
	return 1;
}

static int shown(const struct remind *r, const struct remind_block *b)
{
	return !block_empty(b) || (r->only && b->person_id == r->only);
}

int remind_write_text(const struct remind *r, FILE *f)
{
	struct strbuf b = {0};
	int blocks = 0;
	for (int i = 0; i < r->n; i++) {
		const struct remind_block *p = &r->people[i];
		if (!shown(r, p))
			continue;
		if (blocks++)
			sb_putc(&b, '\n');
		struct strbuf who = {0};
		if (*p->post || *p->org)
			sb_printf(&who, "（%s%s%s）", p->org, *p->post && *p->org ? "·" : "", p->post);
		char *name = text_sanitize(p->name, 0);
		char *qual = text_sanitize(who.s ? who.s : "", 0);
		sb_printf(&b, msg(M_RM_HEAD), name, qual, r->today);
		sb_putc(&b, '\n');
		free(name);
		free(qual);
		sb_free(&who);
		if (block_empty(p)) {
			sb_puts(&b, msg(M_RM_NOTHING));
			sb_putc(&b, '\n');
		}
		for (int s = 0; s < RS__COUNT; s++) {
			if (!p->nlines[s])
				continue;
			sb_printf(&b, msg(sections[s].heading), p->nlines[s], r->days);
			sb_putc(&b, '\n');
			for (int k = 0; k < p->nlines[s]; k++) {
				sb_puts(&b, "    ");
				sections[s].text(&b, &p->lines[s][k]);
				sb_putc(&b, '\n');
			}
		}
	}
	int rc = b.s && fputs(b.s, f) < 0 ? -1 : 0;
	sb_free(&b);
	return rc;
}

int remind_write_json(const struct remind *r, FILE *f)
{
	struct strbuf b = {0};
	sb_putc(&b, '[');
	for (int i = 0; i < r->n; i++) {
		const struct remind_block *p = &r->people[i];
		if (!shown(r, p))
			continue;
		json_next(&b);
		sb_putc(&b, '{');
		json_key(&b, "id");
		json_int(&b, p->person_id);
		json_key(&b, "person");
		json_text(&b, p->name);
		json_key(&b, "post");
		json_text(&b, p->post);
		json_key(&b, "org");
		json_text(&b, p->org);
		for (int s = 0; s < RS__COUNT; s++) {
			json_key(&b, sections[s].key);
			sb_putc(&b, '[');
			for (int k = 0; k < p->nlines[s]; k++) {
				json_next(&b);
				sb_putc(&b, '{');
				sections[s].json(&b, &p->lines[s][k]);
				sb_putc(&b, '}');
			}
			sb_putc(&b, ']');
		}
		sb_putc(&b, '}');
	}
	sb_puts(&b, "]\n");
	int rc = fputs(b.s, f) < 0 ? -1 : 0;
	sb_free(&b);
	return rc;
}

enum qd_status qd_remind_count(struct qd *q, long long person_id, int *overdue, int *due_soon)
{
	char today[11], soon[11];
	int day = date_today();
	return store_remind_count(q->db, person_id, q->year, date_format(day, today),
				  date_format(day + q->due_soon_days, soon), overdue, due_soon);
}
