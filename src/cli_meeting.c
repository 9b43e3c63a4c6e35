/* cli_meeting.c — `qingdan meeting …` (issue 11, DESIGN §10): the 组织生活
 * ledger on the command line.  add, set, delete, attend, note, show and
 * list record and read meetings; rules shows and edits the rules table;
 * check, members, hours and stats are the year checked (meeting_check.c).
 * meeting print is cli_meeting_print.c's.  Each command parses, resolves
 * names, calls the model (meeting.h) and prints; listings go through the
 * four formats of out.h (tsv/csv/json: English keys and codes; table:
 * Chinese headers and labels). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "store/json.h"
#include "qingdan/date.h"
#include "qingdan/infile.h"
#include "qingdan/meeting.h"
#include "qingdan/msg.h"
#include "qingdan/norm.h"
#include "qingdan/text.h"

static int done(enum qd_status s, struct strbuf *err)
{
	int rc = cli_fail(s, err);
	sb_free(err);
	return rc;
}

/* ---- rows built here, not by SQL: the four formats from C values (JSON
 * written by the storage module's writer, as every listing's) ---- */

/* One row: num[i] 'n' marks a number (JSON unquoted; "" is null). */
static void put_row(struct rowsink *s, int ncol, const char *const *keys, const char *num,
		    const char *const *vals)
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

static char *fmt_hours(double h)
{
	return xasprintf("%g", h);
}

/* ---- operands ---- */

static int meeting_type_opt(struct cli *c, const char *s, int *t)
{
	*t = -1;
	if (!s)
		return 0;
	if ((*t = meeting_type_parse(s)) < 0)
		return cli_usage_error(c, msg(M_MC_BAD_TYPE), s);
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

/* A text file (--summary-file): UTF-8, a BOM and CRLF and trailing blank
 * lines dropped; 0 or the exit code after saying why. */
static int read_text(const char *path, char **out)
{
	struct strbuf err = {0};
	size_t len = 0;
	char *s = NULL;
	enum qd_status st = infile_read_all(path, INFILE_MAX_BODY, &s, &len, &err);
	if (st != QD_OK)
		return done(st, &err);
	if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
		memmove(s, s + 3, len - 3);
		len -= 3;
		s[len] = '\0';
	}
	if (!norm_is_utf8(s, len) || memchr(s, '\0', len)) {
		free(s);
		sb_printf(&err, msg(M_MC_NOT_UTF8), infile_name(path));
		return done(QD_INVALID, &err);
	}
	size_t w = 0;
	for (size_t r = 0; r < len; r++)
		if (!(s[r] == '\r' && r + 1 < len && s[r + 1] == '\n'))
			s[w++] = s[r];
	while (w && (s[w - 1] == '\n' || s[w - 1] == ' ' || s[w - 1] == '\t'))
		w--;
	s[w] = '\0';
	*out = s;
	return 0;
}

/* ---- add, set ---- */

struct meeting_opts {
	const char *org, *type, *on, *title, *place, *host, *recorder, *hours, *summary_file,
		*summary, *decisions, *starts, *cell;
};
#define MEETING_FIELD_OPTS(o) \
	{"--org", &(o).org, NULL, NULL, NULL}, {"--type", &(o).type, NULL, NULL, NULL}, \
	{"--on", &(o).on, NULL, NULL, NULL}, {"--title", &(o).title, NULL, NULL, NULL}, \
	{"--place", &(o).place, NULL, NULL, NULL}, {"--host", &(o).host, NULL, NULL, NULL}, \
	{"--recorder", &(o).recorder, NULL, NULL, NULL}, {"--hours", &(o).hours, NULL, NULL, NULL}, \
	{"--summary-file", &(o).summary_file, NULL, NULL, NULL}, \
	{"--summary", &(o).summary, NULL, NULL, NULL}, \
	{"--decisions", &(o).decisions, NULL, NULL, NULL}, \
	{"--starts", &(o).starts, NULL, NULL, NULL}, {"--cell", &(o).cell, NULL, NULL, NULL}

/* The fields from the options, names resolved (the database is open);
 * *summary gets the file's text to free.  0 or an exit code. */
static int meeting_fields_of(struct cli *c, const struct meeting_opts *o, struct meeting_fields *f,
			     char **summary)
{
	int rc;
	*summary = NULL;
	if ((rc = meeting_type_opt(c, o->type, &f->type)))
		return rc;
	if (o->org && (rc = cli_org(c, o->org, &f->org_id)))
		return rc;
	if (o->host && (rc = cli_person(c, o->host, &f->host_id)))
		return rc;
	if (o->recorder && (rc = cli_person(c, o->recorder, &f->recorder_id)))
		return rc;
	if (o->summary_file && (rc = read_text(o->summary_file, summary)))
		return rc;
	f->on = o->on;
	f->title = o->title;
	f->place = o->place;
	f->hours = o->hours;
	f->summary = *summary ? *summary : o->summary;
	f->decisions = o->decisions;
	f->starts = o->starts;
	f->cell = o->cell;
	return 0;
}

static int meeting_add(struct cli *c, int argc, char **argv)
{
	struct meeting_opts o = {0};
	const struct opt opts[] = {MEETING_FIELD_OPTS(o), {0}};
	int rc = cli_parse(c, argc, argv, opts, NULL, 0, 0), t;
	if (rc)
		return rc;
	if (!o.org || !o.type || !o.on)
		return cli_usage_error(c, msg(M_MISSING_OPERAND), c->cmd, c->usage);
	if ((rc = meeting_type_opt(c, o.type, &t)))
		return rc;
	struct meeting_fields f = MEETING_FIELDS_INIT;
	char *summary = NULL;
	if ((rc = cli_db(c)) || (rc = meeting_fields_of(c, &o, &f, &summary)))
		return rc;
	if (!o.host)
		f.host_id = 0;
	if (!o.recorder)
		f.recorder_id = 0;
	long long id = 0;
	struct strbuf err = {0};
	enum qd_status s = qd_meeting_add(&c->q, &f, &id, &err);
	if (s == QD_OK)
		printf("%lld\n", id);
	free(summary);
	return done(s, &err);
}

static int meeting_set(struct cli *c, int argc, char **argv)
{
	struct meeting_opts o = {0};
	const char *version = NULL, *pos[1];
	const struct opt opts[] = {MEETING_FIELD_OPTS(o), {"--if-version", &version, NULL, NULL, NULL},
				   {0}};
	long long id, expect = 0;
	int rc = cli_parse(c, argc, argv, opts, pos, 1, 1), t;
	if (rc || (rc = cli_id(c, pos[0], &id)) || (rc = meeting_type_opt(c, o.type, &t)))
		return rc;
	if (version && (parse_id(version, &expect) != 0 || expect <= 0 || expect > 1000000000))
		return cli_usage_error(c, msg(M_BAD_VERSION), c->cmd, version);
	if (!o.org && !o.type && !o.on && !o.title && !o.place && !o.host && !o.recorder &&
	    !o.hours && !o.summary_file && !o.summary && !o.decisions && !o.starts && !o.cell) {
		fprintf(stderr, "qingdan: %s\n", msg(M_NOTHING_TO_CHANGE));
		return 1;
	}
	struct meeting_fields f = MEETING_FIELDS_INIT;
	char *summary = NULL;
	if ((rc = cli_db(c)) || (rc = meeting_fields_of(c, &o, &f, &summary)))
		return rc;
	struct strbuf err = {0};
	rc = done(qd_meeting_set(&c->q, id, (int)expect, &f, &err), &err);
	free(summary);
	return rc;
}


/* meeting delete ID …: all in one transaction, all or nothing. */
static int meeting_delete(struct cli *c, int argc, char **argv)
{
	return cli_each_id(c, argc, argv, cli_id, qd_meeting_delete);
}

/* ---- attend, note ---- */

static int meeting_attend(struct cli *c, int argc, char **argv)
{
	const char *as = NULL, *reason = NULL, **pos = xcalloc(CLI_MAX_IDS + 1, sizeof *pos);
	const struct opt opts[] = {{"--as", &as, NULL, NULL, NULL},
				   {"--reason", &reason, NULL, NULL, NULL}, {0}};
	long long id, *people = NULL;
	int n = 0, st = AT_PRESENT;
	int rc = cli_parse(c, argc, argv, opts, pos, 2, CLI_MAX_IDS + 1);
	if (rc || (rc = cli_id(c, pos[0], &id)))
		goto out;
	if (as && (strcmp(as, "none") == 0 || strcmp(as, "无") == 0))
		st = -1;
	else if (as && (st = attend_parse(as)) < 0) {
		rc = cli_usage_error(c, msg(M_MC_BAD_ATTEND), as);
		goto out;
	}
	while (pos[n + 1])
		n++;
	people = xcalloc((size_t)n, sizeof *people);
	if ((rc = cli_db(c)))
		goto out;
	for (int i = 0; i < n && !rc; i++)
		rc = cli_person(c, pos[i + 1], &people[i]);
	if (!rc) {
		struct strbuf err = {0};
		rc = done(qd_meeting_attend(&c->q, id, people, n, st, reason, &err), &err);
	}
out:
	free(people);
	free(pos);
	return rc;
}

static int meeting_note(struct cli *c, int argc, char **argv)
{
	const char *on = NULL, *kind = NULL, *pos[2];
	const struct opt opts[] = {{"--on", &on, NULL, NULL, NULL}, {"--kind", &kind, NULL, NULL, NULL},
				   {0}};
	long long id;
	int rc = cli_parse(c, argc, argv, opts, pos, 2, 2);
	if (rc || (rc = cli_id(c, pos[0], &id)))
		return rc;
	if (kind && meeting_note_kind_parse(kind) < 0)
		return cli_usage_error(c, msg(M_MC_BAD_KIND), kind);
	if ((rc = cli_db(c)))
		return rc;
	struct strbuf err = {0};
	return done(qd_meeting_note(&c->q, id, on, kind ? kind : "", pos[1], &err), &err);
}

/* ---- list, show ---- */

static const char *const list_keys[] = {"id", "org", "type", "date", "title", "host",
					"expected", "present", "leave", "absent", "quorum"};
static const char list_num[] = "nssssnnnnns";

static void list_row(struct cli *c, struct rowsink *s, const struct meeting *m)
{
	char id[24], ex[16], pr[16], lv[16], ab[16];
	snprintf(id, sizeof id, "%lld", m->id);
	snprintf(ex, sizeof ex, "%d", m->expected);
	snprintf(pr, sizeof pr, "%d", m->present);
	snprintf(lv, sizeof lv, "%d", m->leave);
	snprintf(ab, sizeof ab, "%d", m->absent);
	const char *v[] = {id, m->org_name ? m->org_name : "",
			   shown(c, meeting_type_code(m->type), meeting_type_label(m->type)),
			   m->on_date ? m->on_date : "", m->title ? m->title : "",
			   m->host_name ? m->host_name : "", ex, pr, lv, ab,
			   shown(c, quorum_code(m->quorum), quorum_label(m->quorum))};
	put_row(s, (int)ARRAY_SIZE(list_keys), list_keys, list_num, v);
}

struct list_args {
	struct meeting_filter f;
	char from[11], to[11];
};

static enum qd_status run_list(struct cli *c, void *ctx, struct rowsink *s, struct strbuf *err)
{
	struct list_args *a = ctx;
	struct meeting *ms = NULL;
	int n = 0;
	enum qd_status st = qd_meeting_list(&c->q, &a->f, &ms, &n, err);
	if (st != QD_OK)
		return st;
	s->header(s, (int)ARRAY_SIZE(list_keys), list_keys);
	for (int i = 0; i < n; i++)
		list_row(c, s, &ms[i]);
	meetings_free(ms, n);
	return QD_OK;
}

static int meeting_list(struct cli *c, int argc, char **argv)
{
	const char *org = NULL, *type = NULL, *from = NULL, *to = NULL, *person = NULL;
	int all_years = 0;
	const struct opt opts[] = {
		{"--org", &org, NULL, NULL, NULL}, {"--type", &type, NULL, NULL, NULL},
		{"--from", &from, NULL, NULL, NULL}, {"--to", &to, NULL, NULL, NULL},
		{"--person", &person, NULL, NULL, NULL},
		{"--all-years", NULL, &all_years, NULL, NULL}, {0}};
	struct list_args a = {MEETING_FILTER_INIT, "", ""};
	int rc = cli_parse(c, argc, argv, opts, NULL, 0, 0);
	if (rc || (rc = meeting_type_opt(c, type, &a.f.type)) || (rc = date_opt(c, from, a.from)) ||
	    (rc = date_opt(c, to, a.to)))
		return rc;
	/* the year's meetings, unless a span or every year is asked for */
	a.f.year = all_years || from || to ? 0 : c->q.year;
	a.f.from = from ? a.from : NULL;
	a.f.to = to ? a.to : NULL;
	if ((rc = cli_db(c)) || (rc = cli_org(c, org, &a.f.org_id)) ||
	    (rc = cli_person(c, person, &a.f.person_id)))
		return rc;
	return cli_list(c, &a, run_list);
}

static const char *const show_keys[] = {
	"id", "org", "type", "date", "starts", "title", "place", "host", "recorder", "hours",
	"cell", "expected", "present", "late", "leave", "absent", "observers", "voting_expected",
	"voting_present", "quorum", "quorum_rule", "summary", "decisions", "version", "updated_at"};
static const char show_num[] = "nssssssssnsnnnnnnnnssssns";

static enum qd_status run_show(struct cli *c, void *ctx, struct rowsink *s, struct strbuf *err)
{
	struct meeting m;
	enum qd_status st = qd_meeting_get(&c->q, *(const long long *)ctx, &m, err);
	if (st != QD_OK)
		return st;
	char num[10][24], *hours = m.has_hours ? fmt_hours(m.hours) : xstrdup("");
	int nv[] = {m.expected, m.present, m.late, m.leave, m.absent, m.observers,
		    m.voting_expected, m.voting_present, m.version};
	snprintf(num[0], sizeof num[0], "%lld", m.id);
	for (int i = 0; i < 9; i++)
		snprintf(num[i + 1], sizeof num[i + 1], "%d", nv[i]);
#define S_(x) ((x) ? (x) : "")
	const char *v[] = {num[0], S_(m.org_name), meeting_type_code(m.type), S_(m.on_date),
			   S_(m.starts), S_(m.title), S_(m.place), S_(m.host_name),
			   S_(m.recorder_name), hours, S_(m.cell), num[1], num[2], num[3], num[4],
			   num[5], num[6], num[7], num[8], quorum_code(m.quorum), S_(m.quorum_rule),
			   S_(m.summary), S_(m.decisions), num[9], S_(m.updated_at)};
#undef S_
	s->header(s, (int)ARRAY_SIZE(show_keys), show_keys);
	put_row(s, (int)ARRAY_SIZE(show_keys), show_keys, show_num, v);
	free(hours);
	meeting_clear(&m);
	return QD_OK;
}

static void show_field(enum msg_id label, const char *value)
{
	char *clean = text_sanitize(str_empty(value) ? msg(M_NONE) : value, 1);
	printf("%s：%s\n", msg(label), clean);
	free(clean);
}

static void show_attendees(struct cli *c, long long id)
{
	struct attendee *a = NULL;
	int n = 0;
	struct strbuf err = {0};
	printf("%s：\n", msg(M_MC_F_PEOPLE));
	if (qd_meeting_attendees(&c->q, id, &a, &n, &err) == QD_OK)
		for (int i = 0; i < n; i++) {
			char *name = text_sanitize(a[i].name ? a[i].name : "", 0);
			char *reason = text_sanitize(a[i].reason ? a[i].reason : "", 0);
			printf("  %s  %s%s%s%s%s%s\n", name, attend_label(a[i].status),
			       a[i].recorded ? "" : "（", a[i].recorded ? "" : msg(M_MC_NOT_RECORDED),
			       a[i].recorded ? "" : "）", *reason ? "：" : "", reason);
			free(name);
			free(reason);
		}
	attendees_free(a, n);
	sb_free(&err);
}

static void show_evidence(struct cli *c, long long id)
{
	struct meeting_note *notes = NULL;
	int n = 0;
	struct strbuf err = {0};
	if (qd_meeting_notes(&c->q, id, &notes, &n, &err) == QD_OK) {
		printf("%s：%s\n", msg(M_MC_F_NOTES), n ? "" : msg(M_SHOW_NO_NOTES));
		for (int i = 0; i < n; i++) {
			char *t = text_sanitize(notes[i].text ? notes[i].text : "", 0);
			char *who = text_sanitize(notes[i].person_name ? notes[i].person_name : "", 0);
			const char *kind = str_empty(notes[i].kind)
						   ? ""
						   : meeting_note_kind_label(notes[i].kind);
			printf("  %s %s%s%s%s：%s\n", notes[i].on_date, who, *kind ? "（" : "", kind,
			       *kind ? "）" : "", t);
			free(t);
			free(who);
		}
	}
	meeting_notes_free(notes, n);
	sb_reset(&err);
	long long *items = NULL;
	n = 0;
	if (qd_meeting_items(&c->q, id, &items, &n, &err) == QD_OK && n) {
		struct strbuf line = {0};
		for (int i = 0; i < n; i++)
			sb_printf(&line, "%s#%lld", i ? "、" : "", items[i]);
		show_field(M_MC_F_ITEMS, line.s);
		sb_free(&line);
	}
	free(items);
	sb_free(&err);
}

static int meeting_show(struct cli *c, int argc, char **argv)
{
	const char *pos[1];
	long long id;
	int rc = cli_parse(c, argc, argv, NULL, pos, 1, 1);
	if (rc || (rc = cli_id(c, pos[0], &id)) || (rc = cli_db(c)))
		return rc;
	struct meeting m;
	struct strbuf err = {0};
	enum qd_status s = qd_meeting_get(&c->q, id, &m, &err);
	if (s != QD_OK)
		return done(s, &err);
	if (c->fmt != OUT_TABLE) {
		meeting_clear(&m);
		return cli_show(c, &id, run_show);
	}
	char *org = text_sanitize(m.org_name ? m.org_name : "", 0);
	printf(msg(M_MC_SHOW_HEAD), m.id, org, meeting_type_label(m.type), m.on_date);
	putchar('\n');
	free(org);
	show_field(M_MC_F_TITLE, m.title);
	if (!str_empty(m.starts))
		show_field(M_MC_F_STARTS, m.starts);
	show_field(M_MC_F_PLACE, m.place);
	show_field(M_MC_F_HOST, m.host_name);
	show_field(M_MC_F_RECORDER, m.recorder_name);
	char *hours = m.has_hours ? fmt_hours(m.hours) : xstrdup("");
	show_field(M_MC_F_HOURS, hours);
	free(hours);
	if (!str_empty(m.cell))
		show_field(M_MC_F_CELL, m.cell);
	char *counts = xasprintf(msg(M_MC_COUNTS), m.expected, m.present, m.late, m.leave,
				 m.absent, m.observers);
	show_field(M_MC_F_COUNTS, counts);
	free(counts);
	char *rule = quorum_text(m.quorum_rule ? m.quorum_rule : "");
	char *q = xasprintf(msg(M_MC_QUORUM), quorum_label(m.quorum), m.voting_present,
			    m.voting_expected, *rule ? rule : msg(M_NONE));
	show_field(M_MC_F_QUORUM, q);
	free(q);
	free(rule);
	show_field(M_MC_F_SUMMARY, m.summary);
	show_field(M_MC_F_DECISIONS, m.decisions);
	if (m.deleted_at)
		show_field(M_SHOW_DELETED, m.deleted_at);
	printf("%s：%d  %s：%s\n", msg(M_SHOW_VERSION), m.version, msg(M_SHOW_UPDATED),
	       m.updated_at ? m.updated_at : "");
	show_attendees(c, id);
	show_evidence(c, id);
	meeting_clear(&m);
	return 0;
}

/* ---- rules ---- */

static const char *const rule_keys[] = {"level", "type", "every", "min", "quorum"};

static enum qd_status run_rules(struct cli *c, void *ctx, struct rowsink *s, struct strbuf *err)
{
	(void)ctx;
	struct meeting_rule *r = NULL;
	int n = 0;
	enum qd_status st = qd_meeting_rules(&c->q, &r, &n, err);
	if (st != QD_OK)
		return st;
	s->header(s, (int)ARRAY_SIZE(rule_keys), rule_keys);
	for (int i = 0; i < n; i++) {
		char min[16];
		snprintf(min, sizeof min, "%d", r[i].min);
		char *qt = c->fmt == OUT_TABLE ? quorum_text(r[i].quorum) : NULL;
		const char *v[] = {level_code(r[i].level),
				   shown(c, meeting_type_code(r[i].type), meeting_type_label(r[i].type)),
				   shown(c, period_kind_code(r[i].every), period_kind_label(r[i].every)),
				   min, qt ? qt : r[i].quorum};
		put_row(s, (int)ARRAY_SIZE(rule_keys), rule_keys, "sssns", v);
		free(qt);
	}
	meeting_rules_free(r, n);
	return QD_OK;
}

static int meeting_rules(struct cli *c, int argc, char **argv)
{
	const char *set = NULL, *level = NULL, *every = NULL, *min = NULL, *quorum = NULL;
	const struct opt opts[] = {
		{"--set", &set, NULL, NULL, NULL}, {"--level", &level, NULL, NULL, NULL},
		{"--every", &every, NULL, NULL, NULL}, {"--min", &min, NULL, NULL, NULL},
		{"--quorum", &quorum, NULL, NULL, NULL}, {0}};
	int rc = cli_parse(c, argc, argv, opts, NULL, 0, 0);
	if (rc)
		return rc;
	if (!set) {
		if (level || every || min || quorum)
			return cli_usage_error(c, "%s", msg(M_MC_RULES_ONLY_SET));
		c->access = CLI_READ;   /* a listing: read-only, as `setting` without a value */
		return cli_list(c, NULL, run_rules);
	}
	int type, lv, ev = -1;
	long long n = -1;
	char canon[16];
	if ((rc = meeting_type_opt(c, set, &type)))
		return rc;
	if (!level)
		return cli_usage_error(c, "%s", msg(M_MC_RULES_SET_LEVEL));
	if ((lv = level_parse(level)) < 0)
		return cli_usage_error(c, msg(M_BAD_LEVEL), level);
	if (every && (ev = period_kind_parse(every)) < 0)
		return cli_usage_error(c, msg(M_MC_BAD_PERIOD), every);
	if (min && (parse_id(min, &n) != 0 || min[0] == '#' || n < 0 || n > 99))
		return cli_usage_error(c, msg(M_MC_BAD_MIN), min);
	if (quorum && quorum_parse(quorum, canon, sizeof canon) < 0)
		return cli_usage_error(c, msg(M_MC_BAD_QUORUM), quorum);
	if ((rc = cli_db(c)))
		return rc;
	struct strbuf err = {0};
	return done(qd_meeting_rule_set(&c->q, (enum org_level)lv, (enum meeting_type)type, ev,
					(int)n, quorum ? canon : NULL, &err),
		    &err);
}

/* ---- the year checked ---- */

static const char *const check_keys[] = {"org", "type", "period", "required", "held", "status"};

static enum qd_status run_check(struct cli *c, void *ctx, struct rowsink *s, struct strbuf *err)
{
	struct check_row *r = NULL;
	int n = 0;
	enum qd_status st = qd_meeting_check(&c->q, *(long long *)ctx, c->q.year, &r, &n, err);
	if (st != QD_OK)
		return st;
	s->header(s, (int)ARRAY_SIZE(check_keys), check_keys);
	for (int i = 0; i < n; i++) {
		char req[16], held[16];
		snprintf(req, sizeof req, "%d", r[i].required);
		snprintf(held, sizeof held, "%d", r[i].held);
		const char *v[] = {r[i].org_name ? r[i].org_name : "",
				   shown(c, meeting_type_code(r[i].type), meeting_type_label(r[i].type)),
				   r[i].period, req, held,
				   shown(c, check_code(r[i].status), check_label(r[i].status))};
		put_row(s, (int)ARRAY_SIZE(check_keys), check_keys, "sssnns", v);
	}
	check_rows_free(r, n);
	return QD_OK;
}

/* The listings of the year checked take --org ORG and nothing else. */
static int org_listing(struct cli *c, int argc, char **argv,
		       enum qd_status (*fn)(struct cli *c, void *ctx, struct rowsink *s,
					    struct strbuf *err))
{
	const char *org = NULL;
	const struct opt opts[] = {{"--org", &org, NULL, NULL, NULL}, {0}};
	long long org_id = 0;
	int rc = cli_parse(c, argc, argv, opts, NULL, 0, 0);
	if (rc || (rc = cli_db(c)) || (rc = cli_org(c, org, &org_id)))
		return rc;
	return cli_list(c, &org_id, fn);
}

static int meeting_check(struct cli *c, int argc, char **argv)
{
	return org_listing(c, argc, argv, run_check);
}

static const char *const member_keys[] = {"person", "org", "last_attended", "months_without",
					  "flag"};

static enum qd_status run_members(struct cli *c, void *ctx, struct rowsink *s, struct strbuf *err)
{
	struct member_risk *r = NULL;
	int n = 0;
	enum qd_status st = qd_meeting_members(&c->q, *(long long *)ctx, &r, &n, err);
	if (st != QD_OK)
		return st;
	s->header(s, (int)ARRAY_SIZE(member_keys), member_keys);
	for (int i = 0; i < n; i++) {
		char months[16] = "";
		if (r[i].months_without >= 0)
			snprintf(months, sizeof months, "%d", r[i].months_without);
		const char *flag = member_flag_code(r[i].flag);
		if (c->fmt == OUT_TABLE)
			flag = r[i].flag == MF_ALARM	? msg(M_MC_FLAG_ALARM)
			       : r[i].flag == MF_WARN ? msg(M_MC_FLAG_WARN)
						      : "";
		const char *v[] = {r[i].name ? r[i].name : "", r[i].org_name ? r[i].org_name : "",
				   r[i].last_attended ? r[i].last_attended : "", months, flag};
		put_row(s, (int)ARRAY_SIZE(member_keys), member_keys, "sssns", v);
	}
	member_risks_free(r, n);
	return QD_OK;
}

static int meeting_members(struct cli *c, int argc, char **argv)
{
	return org_listing(c, argc, argv, run_members);
}

static const char *const hours_keys[] = {"person", "org", "hours", "norm", "leader"};

static enum qd_status run_hours(struct cli *c, void *ctx, struct rowsink *s, struct strbuf *err)
{
	struct member_hours *h = NULL;
	int n = 0;
	enum qd_status st = qd_meeting_hours(&c->q, *(long long *)ctx, c->q.year, &h, &n, err);
	if (st != QD_OK)
		return st;
	s->header(s, (int)ARRAY_SIZE(hours_keys), hours_keys);
	for (int i = 0; i < n; i++) {
		char *hs = fmt_hours(h[i].hours), *norm = fmt_hours(h[i].norm);
		const char *lead = c->fmt == OUT_TABLE ? (h[i].leader ? msg(M_MC_YES) : "")
						       : (h[i].leader ? "1" : "0");
		const char *v[] = {h[i].name ? h[i].name : "", h[i].org_name ? h[i].org_name : "",
				   hs, norm, lead};
		put_row(s, (int)ARRAY_SIZE(hours_keys), hours_keys, "ssnnn", v);
		free(hs);
		free(norm);
	}
	member_hours_free(h, n);
	return QD_OK;
}

static int meeting_hours(struct cli *c, int argc, char **argv)
{
	return org_listing(c, argc, argv, run_hours);
}

static enum qd_status run_stats(struct cli *c, void *ctx, struct rowsink *s, struct strbuf *err)
{
	int by_org = *(int *)ctx;
	static const char *const type_keys[] = {"type", "count", "hours", "participants"};
	static const char *const org_keys[] = {"org", "count", "hours", "participants"};
	const char *const *keys = by_org ? org_keys : type_keys;
	struct meeting_stat *r = NULL;
	int n = 0;
	enum qd_status st = qd_meeting_stats(&c->q, c->q.year, by_org, &r, &n, err);
	if (st != QD_OK)
		return st;
	s->header(s, 4, keys);
	for (int i = 0; i < n; i++) {
		char count[16], parts[16], *hours = fmt_hours(r[i].hours);
		snprintf(count, sizeof count, "%d", r[i].count);
		snprintf(parts, sizeof parts, "%d", r[i].participants);
		const char *what = by_org ? (r[i].org_name ? r[i].org_name : "")
				   : r[i].type >= 0
					   ? shown(c, meeting_type_code((enum meeting_type)r[i].type),
						   meeting_type_label((enum meeting_type)r[i].type))
					   : "";
		const char *v[] = {what, count, hours, parts};
		put_row(s, 4, keys, "snnn", v);
		free(hours);
	}
	meeting_stats_free(r, n);
	return QD_OK;
}

static int meeting_stats(struct cli *c, int argc, char **argv)
{
	const char *by = "type";
	const struct opt opts[] = {{"--by", &by, NULL, NULL, NULL}, {0}};
	int rc = cli_parse(c, argc, argv, opts, NULL, 0, 0);
	if (rc)
		return rc;
	int by_org = strcmp(by, "org") == 0;
	if (!by_org && strcmp(by, "type") != 0)
		return cli_usage_error(c, msg(M_MC_BAD_BY), by);
	return cli_list(c, &by_org, run_stats);
}

const struct cli_command cli_meeting_commands[] = {
	{"meeting", "add", meeting_add,
	 "meeting add --org ORG --type TYPE --on DATE [--title T] [--place P] [--host WHO] "
	 "[--recorder WHO] [--hours H] [--starts HH:MM] [--cell 党小组] [--summary-file F | --summary T] "
	 "[--decisions T]", CLI_CREATE},
	{"meeting", "attend", meeting_attend,
	 "meeting attend ID WHO … [--as present|leave|absent|late|observer|none] [--reason R]",
	 CLI_WRITE},
	{"meeting", "set", meeting_set,
	 "meeting set ID [--org ORG] [--type TYPE] [--on DATE] [--title T] [--place P] [--host WHO] "
	 "[--recorder WHO] [--hours H] [--starts HH:MM] [--cell 党小组] [--summary-file F | --summary T] "
	 "[--decisions T] [--if-version N]", CLI_WRITE},
	{"meeting", "delete", meeting_delete, "meeting delete ID …", CLI_WRITE},
	{"meeting", "show", meeting_show, "meeting show ID [--format F]", CLI_READ},
	{"meeting", "list", meeting_list,
	 "meeting list [--org ORG] [--type TYPE] [--from DATE] [--to DATE] [--person WHO] "
	 "[--all-years] [--format F]", CLI_READ},
	{"meeting", "note", meeting_note,
	 "meeting note ID TEXT [--kind minutes|signin|photo|file] [--on DATE]", CLI_WRITE},
	{"meeting", "rules", meeting_rules,
	 "meeting rules [--set TYPE --level L [--every month|quarter|half|year] [--min N] "
	 "[--quorum F]] [--format F]", CLI_WRITE},
	{"meeting", "check", meeting_check, "meeting check [--org ORG] [--year Y] [--format F]",
	 CLI_READ},
	{"meeting", "members", meeting_members, "meeting members [--org ORG] [--format F]", CLI_READ},
	{"meeting", "hours", meeting_hours, "meeting hours [--org ORG] [--year Y] [--format F]",
	 CLI_READ},
	{"meeting", "stats", meeting_stats, "meeting stats [--by type|org] [--year Y] [--format F]",
	 CLI_READ},
	{NULL, NULL, NULL, NULL, CLI_READ},
};
