/* cli_problem.c — `qingdan problem …` (issue 12): 问题清单 → 整改清单 on
 * the command line.  add, set, delete record problems; measure adds a
 * rectification measure (an item of the org's 整改清单); feedback records
 * the 回访; close is 销号 (--undo reopens); list and show read them.  Each
 * command parses and checks its operands before the file is opened,
 * resolves names, calls the model (problem.h) and prints; listings go
 * through the four formats of out.h (tsv/csv/json: English keys and codes;
 * table: Chinese headers and labels). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "store/json.h"
#include "qingdan/date.h"
#include "qingdan/meeting.h"
#include "qingdan/msg.h"
#include "qingdan/problem.h"
#include "qingdan/text.h"

static int done(enum qd_status s, struct strbuf *err)
{
	int rc = cli_fail(s, err);
	sb_free(err);
	return rc;
}

#define S_(x) ((x) ? (x) : "")

/* One row: num[i] 'n' marks a number (JSON unquoted; "" is null); extra,
 * if any, is appended to the JSON object (",\"key\":[…]" members). */
static void put_row(struct rowsink *s, int ncol, const char *const *keys, const char *num,
		    const char *const *vals, const char *extra)
{
	struct strbuf j = {0};
	if (s->want_json) {
		sb_putc(&j, '{');
		for (int i = 0; i < ncol; i++) {
			json_key(&j, keys[i]);
			if (num[i] != 'n')
				json_string(&j, vals[i], strlen(vals[i]));
			else if (*vals[i])
				sb_puts(&j, vals[i]);
			else
				json_null(&j);
		}
		if (extra)
			sb_puts(&j, extra);
		sb_putc(&j, '}');
	}
	s->row(s, vals, j.s);
	sb_free(&j);
}

/* A code, or its label in the human table. */
static const char *shown(const struct cli *c, const char *code, const char *label)
{
	return c->fmt == OUT_TABLE ? label : code;
}

/* ---- operands, all checked before the file is opened ---- */

static int source_opt(struct cli *c, const char *s, int *src)
{
	*src = -1;
	if (s && (*src = problem_source_parse(s)) < 0)
		return cli_usage_error(c, msg(M_PROBLEM_BAD_SOURCE), s);
	return 0;
}

static int date_opt(struct cli *c, const char *s, char *iso)
{
	int day;
	if (!s)
		return 0;
	if (date_parse(s, &day) != 0)
		return cli_usage_error(c, msg(M_BAD_DATE), s);
	date_format(day, iso);
	return 0;
}

/* --meeting ID (0 with none_ok for "none" / "无": unlink). */
static int meeting_opt(struct cli *c, const char *s, int none_ok, long long *id)
{
	if (!s)
		return 0;
	if (none_ok && (strcmp(s, "none") == 0 || strcmp(s, "无") == 0)) {
		*id = 0;
		return 0;
	}
	if (parse_id(s, id) != 0 || *id <= 0)
		return cli_usage_error(c, msg(M_PC_BAD_MEETING), s);
	return 0;
}

static int satisfied_opt(struct cli *c, const char *s, int *yes)
{
	static const char *const y[] = {"yes", "y", "1", "是", "满意"};
	static const char *const n[] = {"no", "n", "0", "否", "不满意"};
	for (size_t i = 0; i < ARRAY_SIZE(y); i++) {
		if (strcmp(s, y[i]) == 0)
			return *yes = 1, 0;
		if (strcmp(s, n[i]) == 0)
			return *yes = 0, 0;
	}
	return cli_usage_error(c, msg(M_PC_BAD_SATISFIED), s);
}

/* --raised-by NAME: a person of the file when it names one (qd_match_person),
 * else an outside name as written; an id ("#12") must be a person of the
 * file.  An ambiguous name is refused with the candidates.  0 or the exit
 * code. */
static int raiser_of(struct cli *c, const char *who, struct problem_fields *f)
{
	struct strbuf err = {0};
	struct person_ref ref = {0};
	long long id = 0;
	enum qd_status s = qd_match_person(&c->q, who, &id, &ref, NULL, &err);
	int numeric = ref.id && !ref.foreign_id && str_empty(ref.name);
	person_ref_clear(&ref);
	if (s == QD_OK) {
		f->raiser_id = id;
		f->raiser_name = "";
		sb_free(&err);
		return 0;
	}
	if (s == QD_NOTFOUND && !numeric) {
		f->raiser_id = 0;
		f->raiser_name = who;
		sb_free(&err);
		return 0;
	}
	if (s == QD_NOTFOUND) {
		sb_reset(&err);
		sb_printf(&err, msg(M_PC_RAISER_ID), who);
	}
	return done(s, &err);
}

/* ---- add, set ---- */

struct problem_opts {
	const char *org, *source, *text, *on, *raised_by, *contact, *category, *meeting;
	int anonymous;
	char on_iso[11];
};
#define PROBLEM_FIELD_OPTS(o) \
	{"--org", &(o).org, NULL, NULL, NULL}, {"--source", &(o).source, NULL, NULL, NULL}, \
	{"--text", &(o).text, NULL, NULL, NULL}, {"--on", &(o).on, NULL, NULL, NULL}, \
	{"--raised-by", &(o).raised_by, NULL, NULL, NULL}, \
	{"--contact", &(o).contact, NULL, NULL, NULL}, \
	{"--category", &(o).category, NULL, NULL, NULL}, \
	{"--meeting", &(o).meeting, NULL, NULL, NULL}, {"--anonymous", NULL, &(o).anonymous, NULL, NULL}

/* The operands checked (no file needed): source, date, meeting, raiser. */
static int problem_opts_check(struct cli *c, struct problem_opts *o, int set,
			      struct problem_fields *f)
{
	int rc;
	if ((rc = source_opt(c, o->source, &f->source)) || (rc = date_opt(c, o->on, o->on_iso)) ||
	    (rc = meeting_opt(c, o->meeting, set, &f->meeting_id)))
		return rc;
	if (o->anonymous && o->raised_by)
		return cli_usage_error(c, msg(M_PC_RAISER_TWICE), c->cmd);
	if (o->anonymous && !str_empty(o->contact))
		return cli_usage_error(c, msg(M_PC_CONTACT_ANON), c->cmd);
	f->raised_on = o->on ? o->on_iso : NULL;
	f->text = o->text;
	f->category = o->category;
	f->contact = o->contact;
	if (o->anonymous) {
		f->raiser_id = 0;
		f->raiser_name = "";
		if (set)
			f->contact = "";
	}
	return 0;
}

static int problem_add(struct cli *c, int argc, char **argv)
{
	struct problem_opts o = {0};
	const struct opt opts[] = {PROBLEM_FIELD_OPTS(o), {0}};
	int rc = cli_parse(c, argc, argv, opts, NULL, 0, 0);
	if (rc)
		return rc;
	if (!o.org || !o.source || !o.text)
		return cli_usage_error(c, msg(M_MISSING_OPERAND), c->cmd, c->usage);
	struct problem_fields f = PROBLEM_FIELDS_INIT;
	if ((rc = problem_opts_check(c, &o, 0, &f)))
		return rc;
	if (f.meeting_id < 0)
		f.meeting_id = 0;
	if (f.raiser_id < 0)
		f.raiser_id = 0;
	if ((rc = cli_db(c)) || (rc = cli_org(c, o.org, &f.org_id)) ||
	    (o.raised_by && (rc = raiser_of(c, o.raised_by, &f))))
		return rc;
	long long id = 0;
	struct strbuf err = {0};
	enum qd_status s = qd_problem_add(&c->q, &f, &id, &err);
	if (s == QD_OK)
		printf("%lld\n", id);
	return done(s, &err);
}

static int problem_set(struct cli *c, int argc, char **argv)
{
	struct problem_opts o = {0};
	const char *version = NULL, *pos[1];
	const struct opt opts[] = {PROBLEM_FIELD_OPTS(o), {"--if-version", &version, NULL, NULL, NULL},
				   {0}};
	long long id, expect = 0;
	int rc = cli_parse(c, argc, argv, opts, pos, 1, 1);
	if (rc || (rc = cli_id(c, pos[0], &id)))
		return rc;
	if (version && (parse_id(version, &expect) != 0 || expect <= 0 || expect > 1000000000))
		return cli_usage_error(c, msg(M_BAD_VERSION), c->cmd, version);
	struct problem_fields f = PROBLEM_FIELDS_INIT;
	if ((rc = problem_opts_check(c, &o, 1, &f)))
		return rc;
	if (!o.org && !o.source && !o.text && !o.on && !o.raised_by && !o.contact && !o.category &&
	    !o.meeting && !o.anonymous) {
		fprintf(stderr, "qingdan: %s\n", msg(M_NOTHING_TO_CHANGE));
		return 1;
	}
	if ((rc = cli_db(c)) || (o.org && (rc = cli_org(c, o.org, &f.org_id))) ||
	    (o.raised_by && (rc = raiser_of(c, o.raised_by, &f))))
		return rc;
	struct strbuf err = {0};
	return done(qd_problem_set(&c->q, id, (int)expect, &f, &err), &err);
}

/* problem delete ID …: all in one transaction, all or nothing. */
static int problem_delete(struct cli *c, int argc, char **argv)
{
	return cli_each_id(c, argc, argv, cli_id, qd_problem_delete);
}

/* ---- measure, feedback, close ---- */

static int problem_measure(struct cli *c, int argc, char **argv)
{
	const char *text = NULL, *owner = NULL, *lead = NULL, *due = NULL, *standard = NULL,
		   *category = NULL, *pos[1];
	const struct opt opts[] = {
		{"--text", &text, NULL, NULL, NULL}, {"--owner", &owner, NULL, NULL, NULL},
		{"--lead", &lead, NULL, NULL, NULL}, {"--due", &due, NULL, NULL, NULL},
		{"--standard", &standard, NULL, NULL, NULL},
		{"--category", &category, NULL, NULL, NULL}, {0}};
	long long id;
	char due_iso[11];
	int rc = cli_parse(c, argc, argv, opts, pos, 1, 1);
	if (rc || (rc = cli_id(c, pos[0], &id)))
		return rc;
	if (!text || !owner || !due)
		return cli_usage_error(c, msg(M_MISSING_OPERAND), c->cmd, c->usage);
	if ((rc = date_opt(c, due, due_iso)))
		return rc;
	struct item_fields f = ITEM_FIELDS_INIT;
	f.content = text;
	f.due = due_iso;
	f.standard = standard;
	f.category = category;
	f.lead_id = 0;
	if ((rc = cli_db(c)) || (rc = cli_person(c, owner, &f.owner_id)) ||
	    (lead && (rc = cli_person(c, lead, &f.lead_id))))
		return rc;
	long long item = 0;
	struct strbuf err = {0};
	enum qd_status s = qd_problem_measure(&c->q, id, &f, &item, &err);
	if (s == QD_OK)
		printf("%lld\n", item);
	return done(s, &err);
}

static int problem_feedback(struct cli *c, int argc, char **argv)
{
	const char *on = NULL, *by = NULL, *result = NULL, *satisfied = NULL, *pos[1];
	const struct opt opts[] = {
		{"--on", &on, NULL, NULL, NULL}, {"--by", &by, NULL, NULL, NULL},
		{"--result", &result, NULL, NULL, NULL}, {"--satisfied", &satisfied, NULL, NULL, NULL},
		{0}};
	long long id, by_id = 0;
	char on_iso[11];
	int yes = 0;
	int rc = cli_parse(c, argc, argv, opts, pos, 1, 1);
	if (rc || (rc = cli_id(c, pos[0], &id)))
		return rc;
	if (!by || !result || !satisfied)
		return cli_usage_error(c, msg(M_MISSING_OPERAND), c->cmd, c->usage);
	if ((rc = date_opt(c, on, on_iso)) || (rc = satisfied_opt(c, satisfied, &yes)))
		return rc;
	if ((rc = cli_db(c)) || (rc = cli_person(c, by, &by_id)))
		return rc;
	struct strbuf err = {0};
	return done(qd_problem_feedback(&c->q, id, on ? on_iso : NULL, by_id, result, yes, &err),
		    &err);
}

static int problem_close(struct cli *c, int argc, char **argv)
{
	const char *on = NULL, *pos[1];
	int undo = 0;
	const struct opt opts[] = {{"--on", &on, NULL, NULL, NULL}, {"--undo", NULL, &undo, NULL, NULL},
				   {0}};
	long long id;
	char on_iso[11];
	int rc = cli_parse(c, argc, argv, opts, pos, 1, 1);
	if (rc || (rc = cli_id(c, pos[0], &id)) || (rc = date_opt(c, on, on_iso)) ||
	    (rc = cli_db(c)))
		return rc;
	struct strbuf err = {0};
	return done(qd_problem_close(&c->q, id, on ? on_iso : NULL, undo, &err), &err);
}

/* ---- list ---- */

static const char *const list_keys[] = {"id", "org", "source", "raised_on", "category", "text",
					"status", "measures", "done_measures", "overdue"};
static const char list_num[] = "nssssssnnn";

struct list_args {
	struct problem_filter f;
};

static enum qd_status run_list(struct cli *c, void *ctx, struct rowsink *s, struct strbuf *err)
{
	struct list_args *a = ctx;
	struct problem *ps = NULL;
	int n = 0;
	enum qd_status st = qd_problem_list(&c->q, &a->f, &ps, &n, err);
	if (st != QD_OK)
		return st;
	s->header(s, (int)ARRAY_SIZE(list_keys), list_keys);
	for (int i = 0; i < n; i++) {
		const struct problem *p = &ps[i];
		char id[24], m[16], d[16], o[16];
		snprintf(id, sizeof id, "%lld", p->id);
		snprintf(m, sizeof m, "%d", p->measures);
		snprintf(d, sizeof d, "%d", p->done_measures);
		snprintf(o, sizeof o, "%d", p->overdue_measures);
		const char *v[] = {id, S_(p->org_name),
				   shown(c, problem_source_code(p->source), problem_source_label(p->source)),
				   S_(p->raised_on), S_(p->category), S_(p->text),
				   shown(c, problem_status_code(p->status), problem_status_label(p->status)),
				   m, d, o};
		put_row(s, (int)ARRAY_SIZE(list_keys), list_keys, list_num, v, NULL);
	}
	problems_free(ps, n);
	return QD_OK;
}

static int problem_list(struct cli *c, int argc, char **argv)
{
	const char *org = NULL, *source = NULL, *status = NULL, *person = NULL;
	int overdue = 0, all_years = 0;
	const struct opt opts[] = {
		{"--org", &org, NULL, NULL, NULL}, {"--source", &source, NULL, NULL, NULL},
		{"--status", &status, NULL, NULL, NULL}, {"--person", &person, NULL, NULL, NULL},
		{"--overdue", NULL, &overdue, NULL, NULL},
		{"--all-years", NULL, &all_years, NULL, NULL}, {0}};
	struct list_args a = {PROBLEM_FILTER_INIT};
	int rc = cli_parse(c, argc, argv, opts, NULL, 0, 0);
	if (rc || (rc = source_opt(c, source, &a.f.source)))
		return rc;
	if (status && (a.f.status = problem_status_parse(status)) < 0)
		return cli_usage_error(c, msg(M_PROBLEM_BAD_STATUS), status);
	a.f.year = all_years ? 0 : c->q.year;
	a.f.overdue = overdue;
	if ((rc = cli_db(c)) || (rc = cli_org(c, org, &a.f.org_id)) ||
	    (rc = cli_person(c, person, &a.f.person_id)))
		return rc;
	return cli_list(c, &a, run_list);
}

/* ---- show ---- */

static const char *const show_keys[] = {
	"id", "org", "year", "source", "raised_on", "category", "text", "raiser", "contact",
	"meeting", "status", "measures", "done_measures", "overdue", "needs_feedback", "feedbacks",
	"satisfied", "closed_on", "closed_by", "version", "created_at", "updated_at"};
static const char show_num[] = "nsnssssssnsnnnnnnssnss";

/* The JSON arrays of show --format json: the measures as items and the
 * 回访 history, oldest first. */
static void show_json_extra(struct cli *c, long long id, struct strbuf *b)
{
	struct item *items = NULL;
	struct problem_feedback *fb = NULL;
	int n = 0, nf = 0;
	struct strbuf err = {0};
	sb_puts(b, ",\"measure_items\":[");
	if (qd_problem_measures(&c->q, id, &items, &n, &err) == QD_OK)
		for (int i = 0; i < n; i++) {
			const struct item *it = &items[i];
			json_next(b);
			sb_putc(b, '{');
			json_key(b, "id");
			json_int(b, it->id);
			json_key(b, "status");
			json_text(b, status_code(it->status));
			json_key(b, "content");
			json_text(b, S_(it->content));
			json_key(b, "owner");
			json_text(b, S_(it->owner_name));
			json_key(b, "lead");
			json_text(b, S_(it->lead_name));
			json_key(b, "due");
			json_text(b, S_(it->due));
			json_key(b, "flags");
			json_text(b, S_(it->flags));
			sb_putc(b, '}');
		}
	items_free(items, n);
	sb_puts(b, "],\"feedback\":[");
	sb_reset(&err);
	if (qd_problem_feedbacks(&c->q, id, &fb, &nf, &err) == QD_OK)
		for (int i = 0; i < nf; i++) {
			json_next(b);
			sb_putc(b, '{');
			json_key(b, "on_date");
			json_text(b, S_(fb[i].on_date));
			json_key(b, "by");
			json_text(b, S_(fb[i].by_name));
			json_key(b, "result");
			json_text(b, S_(fb[i].result));
			json_key(b, "satisfied");
			json_int(b, fb[i].satisfied);
			sb_putc(b, '}');
		}
	problem_feedbacks_free(fb, nf);
	sb_putc(b, ']');
	sb_free(&err);
}

static enum qd_status run_show(struct cli *c, void *ctx, struct rowsink *s, struct strbuf *err)
{
	long long id = *(const long long *)ctx;
	struct problem p;
	enum qd_status st = qd_problem_get(&c->q, id, &p, err);
	if (st != QD_OK)
		return st;
	char num[12][24];
	const long long nv[] = {p.id, p.year, p.meeting_id, p.measures, p.done_measures,
				p.overdue_measures, p.needs_feedback, p.feedbacks, p.version};
	for (size_t i = 0; i < ARRAY_SIZE(nv); i++)
		snprintf(num[i], sizeof num[i], "%lld", nv[i]);
	if (!p.meeting_id)
		num[2][0] = '\0';
	if (p.satisfied >= 0)
		snprintf(num[9], sizeof num[9], "%d", p.satisfied);
	else
		num[9][0] = '\0';
	const char *v[] = {num[0], S_(p.org_name), num[1], problem_source_code(p.source),
			   S_(p.raised_on), S_(p.category), S_(p.text), S_(p.raiser_name),
			   S_(p.contact), num[2], problem_status_code(p.status), num[3], num[4],
			   num[5], num[6], num[7], num[9], S_(p.closed_on), S_(p.closed_by_name),
			   num[8], S_(p.created_at), S_(p.updated_at)};
	struct strbuf extra = {0};
	if (s->want_json)
		show_json_extra(c, id, &extra);
	s->header(s, (int)ARRAY_SIZE(show_keys), show_keys);
	put_row(s, (int)ARRAY_SIZE(show_keys), show_keys, show_num, v, extra.s);
	sb_free(&extra);
	problem_clear(&p);
	return QD_OK;
}

static void show_field(enum msg_id label, const char *value)
{
	char *clean = text_sanitize(str_empty(value) ? msg(M_NONE) : value, 1);
	printf("%s：%s\n", msg(label), clean);
	free(clean);
}

static void show_measures(struct cli *c, long long id)
{
	struct item *items = NULL;
	int n = 0;
	struct strbuf err = {0};
	enum qd_status s = qd_problem_measures(&c->q, id, &items, &n, &err);
	if (s == QD_OK && !n) {
		char *none = xasprintf(msg(M_PC_NO_MEASURES), id);
		show_field(M_PC_F_MEASURES, none);
		free(none);
	} else if (s == QD_OK) {
		printf("%s：\n", msg(M_PC_F_MEASURES));
	}
	for (int i = 0; i < n; i++) {
		const struct item *it = &items[i];
		char *flags = flags_label(S_(it->flags));
		char *owner = text_sanitize(str_empty(it->owner_name) ? msg(M_NONE) : it->owner_name, 0);
		char *lead = text_sanitize(str_empty(it->lead_name) ? msg(M_NONE) : it->lead_name, 0);
		char *text = text_sanitize(S_(it->content), 0);
		char *who = xasprintf(msg(M_PC_MEASURE_WHO), owner, lead,
				      str_empty(it->due) ? msg(M_NONE) : it->due);
		printf("  #%lld %s%s%s  %s\n      %s\n", it->id, status_label(it->status),
		       *flags ? " · " : "", flags, who, text);
		free(who);
		free(text);
		free(lead);
		free(owner);
		free(flags);
	}
	items_free(items, n);
	if (s != QD_OK)
		cli_fail(s, &err);
	sb_free(&err);
}

static void show_feedbacks(struct cli *c, long long id)
{
	struct problem_feedback *fb = NULL;
	int n = 0;
	struct strbuf err = {0};
	enum qd_status s = qd_problem_feedbacks(&c->q, id, &fb, &n, &err);
	if (s == QD_OK)
		printf("%s：%s\n", msg(M_PC_F_FEEDBACKS), n ? "" : msg(M_PC_NO_FEEDBACKS));
	for (int i = 0; i < n; i++) {
		char *who = text_sanitize(S_(fb[i].by_name), 0);
		char *result = text_sanitize(S_(fb[i].result), 0);
		printf("  %s %s：%s %s\n", S_(fb[i].on_date), who,
		       msg(fb[i].satisfied ? M_PC_SATISFIED : M_PC_UNSATISFIED), result);
		free(result);
		free(who);
	}
	problem_feedbacks_free(fb, n);
	if (s != QD_OK)
		cli_fail(s, &err);
	sb_free(&err);
}

/* The meeting it was found at: "#5 2026-03-12 组织生活会 title". */
static void show_meeting(struct cli *c, long long id)
{
	struct meeting m;
	struct strbuf err = {0};
	char *line;
	if (qd_meeting_get(&c->q, id, &m, &err) == QD_OK) {
		line = xasprintf("#%lld %s %s %s", id, S_(m.on_date), meeting_type_label(m.type),
				 S_(m.title));
		meeting_clear(&m);
	} else {
		line = xasprintf("#%lld", id);
	}
	show_field(M_PC_F_MEETING, line);
	free(line);
	sb_free(&err);
}

static int problem_show(struct cli *c, int argc, char **argv)
{
	const char *pos[1];
	long long id;
	int rc = cli_parse(c, argc, argv, NULL, pos, 1, 1);
	if (rc || (rc = cli_id(c, pos[0], &id)) || (rc = cli_db(c)))
		return rc;
	struct problem p;
	struct strbuf err = {0};
	enum qd_status s = qd_problem_get(&c->q, id, &p, &err);
	if (s != QD_OK)
		return done(s, &err);
	if (c->fmt != OUT_TABLE) {
		problem_clear(&p);
		sb_free(&err);
		return cli_show(c, &id, run_show);
	}
	char *org = text_sanitize(S_(p.org_name), 0);
	printf(msg(M_PC_SHOW_HEAD), p.id, org, problem_source_label(p.source), S_(p.raised_on));
	putchar('\n');
	free(org);
	show_field(M_PC_F_TEXT, p.text);
	if (!str_empty(p.category))
		show_field(M_PC_F_CATEGORY, p.category);
	char *raiser = str_empty(p.raiser_name) ? xstrdup(msg(M_PC_ANONYMOUS))
		       : p.raiser_id ? xstrdup(p.raiser_name)
				     : xasprintf("%s%s", p.raiser_name, msg(M_PC_OUTSIDE));
	show_field(M_PC_F_RAISER, raiser);
	free(raiser);
	if (!str_empty(p.contact))
		show_field(M_PC_F_CONTACT, p.contact);
	if (p.meeting_id)
		show_meeting(c, p.meeting_id);
	show_field(M_PC_F_STATUS, problem_status_label(p.status));
	char *progress = xasprintf(msg(M_PC_PROGRESS), p.measures, p.done_measures,
				   p.overdue_measures);
	show_field(M_PC_F_PROGRESS, progress);
	free(progress);
	char *fb = !p.needs_feedback ? xstrdup(msg(M_PC_FEEDBACK_NOT_NEEDED))
		   : xasprintf(msg(M_PC_FEEDBACK_STATE), p.feedbacks,
			       p.satisfied < 0 ? msg(M_PC_FEEDBACK_NONE_YET)
			       : p.satisfied   ? msg(M_PC_SATISFIED)
					       : msg(M_PC_UNSATISFIED));
	show_field(M_PC_F_FEEDBACK, fb);
	free(fb);
	char *closing;
	if (!str_empty(p.closed_on)) {
		closing = xasprintf(msg(M_PC_CLOSED), p.closed_on,
				    str_empty(p.closed_by_name) ? msg(M_NONE) : p.closed_by_name);
	} else {
		struct strbuf why = {0};
		closing = qd_problem_may_close(&c->q, &p, &why) ? xasprintf(msg(M_PC_MAY_CLOSE), p.id)
								 : xasprintf(msg(M_PC_NOT_YET), S_(why.s));
		sb_free(&why);
	}
	show_field(M_PC_F_CLOSE, closing);
	free(closing);
	if (p.deleted_at)
		show_field(M_SHOW_DELETED, p.deleted_at);
	printf("%s：%d  %s：%s\n", msg(M_SHOW_VERSION), p.version, msg(M_SHOW_UPDATED),
	       S_(p.updated_at));
	show_measures(c, id);
	show_feedbacks(c, id);
	problem_clear(&p);
	sb_free(&err);
	return 0;
}

const struct cli_command cli_problem_commands[] = {
	{"problem", "add", problem_add,
	 "problem add --org ORG --source SRC --text T [--on DATE] [--raised-by NAME [--contact C] | "
	 "--anonymous] [--category C] [--meeting ID]", CLI_CREATE},
	{"problem", "list", problem_list,
	 "problem list [--org ORG] [--source SRC] [--status open|rectifying|rectified|closed] "
	 "[--person WHO] [--overdue] [--all-years] [--format F]", CLI_READ},
	{"problem", "show", problem_show, "problem show ID [--format F]", CLI_READ},
	{"problem", "set", problem_set,
	 "problem set ID [--org ORG] [--source SRC] [--text T] [--on DATE] [--raised-by NAME | "
	 "--anonymous] [--contact C] [--category C] [--meeting ID|none] [--if-version N]", CLI_WRITE},
	{"problem", "measure", problem_measure,
	 "problem measure ID --text T --owner WHO [--lead WHO] --due DATE [--standard S] "
	 "[--category C]", CLI_WRITE},
	{"problem", "feedback", problem_feedback,
	 "problem feedback ID --by WHO --result TEXT --satisfied yes|no [--on DATE]", CLI_WRITE},
	{"problem", "close", problem_close, "problem close ID [--on DATE] [--undo]", CLI_WRITE},
	{"problem", "delete", problem_delete, "problem delete ID …", CLI_WRITE},
	{NULL, NULL, NULL, NULL, CLI_READ},
};
