/* cli_admin.c — the office's set-up and reporting commands: init, org,
 * person, stats, audit, backup, year copy. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "qingdan/audit.h"
#include "qingdan/category.h"
#include "qingdan/collate.h"
#include "qingdan/date.h"
#include "qingdan/db.h"
#include "qingdan/demo.h"
#include "qingdan/meeting.h"
#include "qingdan/msg.h"
#include "qingdan/outfile.h"
#include "qingdan/store.h"
#include "qingdan/text.h"

static int done(enum qd_status s, struct strbuf *err)
{
	int rc = cli_fail(s, err);
	sb_free(err);
	return rc;
}

static int cmd_init(struct cli *c, int argc, char **argv)
{
	int demo = 0;
	const struct opt opts[] = {{"--demo", NULL, &demo, NULL, NULL}, {0}};
	int rc = cli_parse(c, argc, argv, opts, NULL, 0, 0);
	if (rc || (rc = cli_db(c)))
		return rc;
	struct strbuf err = {0};
	enum qd_status s = demo ? demo_load(&c->q, &err) : QD_OK;
	if (s == QD_OK) {
		fputs("qingdan: ", stderr);
		fprintf(stderr, msg(M_INIT_DONE), db_path(c->q.db));
		fputc('\n', stderr);
	}
	return done(s, &err);
}

/* ---- orgs ---- */

static int org_add(struct cli *c, int argc, char **argv)
{
	const char *level = NULL, *parent = NULL, *pos[1];
	const struct opt opts[] = {{"--level", &level, NULL, NULL, NULL},
				   {"--parent", &parent, NULL, NULL, NULL}, {0}};
	int rc = cli_parse(c, argc, argv, opts, pos, 1, 1);
	if (rc)
		return rc;
	int lv = level ? level_parse(level) : -1;
	if (lv < 0)
		return cli_usage_error(c, msg(M_BAD_LEVEL), level ? level : "");
	long long parent_id = 0, id = 0;
	if ((rc = cli_db(c)) || (rc = cli_org(c, parent, &parent_id)))
		return rc;
	struct strbuf err = {0};
	enum qd_status s = qd_org_add(&c->q, pos[0], (enum org_level)lv, parent_id, &id, &err);
	if (s == QD_OK)
		printf("%lld\n", id);
	return done(s, &err);
}

static enum qd_status run_org_list(struct cli *c, void *ctx, struct rowsink *s, struct strbuf *err)
{
	(void)ctx;
	return store_org_list(c->q.db, c->q.year, s, err);
}

static int org_list(struct cli *c, int argc, char **argv)
{
	int rc = cli_parse(c, argc, argv, NULL, NULL, 0, 0);
	return rc ? rc : cli_list(c, NULL, run_org_list);
}

static enum qd_status run_category_list(struct cli *c, void *ctx, struct rowsink *s,
					struct strbuf *err)
{
	(void)ctx;
	return store_category_list(c->q.db, c->q.year, s, err);
}

/* category list: the order of `stats --by category` and the item form. */
static int category_list(struct cli *c, int argc, char **argv)
{
	int rc = cli_parse(c, argc, argv, NULL, NULL, 0, 0);
	return rc ? rc : cli_list(c, NULL, run_category_list);
}

/* category add NAME [--after NAME | --first], category move NAME (--after
 * NAME | --first): the order of the table (category.h). */
static int category_place(struct cli *c, int argc, char **argv, const char **name,
			  struct category_place *where)
{
	const char *after = NULL, *pos[1];
	int first = 0;
	const struct opt opts[] = {{"--after", &after, NULL, NULL, NULL},
				   {"--first", NULL, &first, NULL, NULL}, {0}};
	int rc = cli_parse(c, argc, argv, opts, pos, 1, 1);
	if (rc)
		return rc;
	if (after && first)
		return cli_usage_error(c, "%s", msg(M_CAT_BOTH));
	*name = pos[0];
	*where = (struct category_place){after, first};
	return 0;
}

static void category_said(enum msg_id id, const char *name, int pos, int total)
{
	fputs("qingdan: ", stderr);
	fprintf(stderr, msg(id), name, pos, total);
	fputc('\n', stderr);
}

static int category_add(struct cli *c, int argc, char **argv)
{
	const char *name;
	struct category_place where;
	int rc = category_place(c, argc, argv, &name, &where);
	if (rc || (rc = cli_db(c)))
		return rc;
	struct strbuf err = {0};
	long long id = 0;
	int pos = 0, total = 0;
	enum qd_status s = qd_category_add(&c->q, name, where, &id, &pos, &total, &err);
	if (s == QD_OK) {
		printf("%lld\n", id);
		category_said(M_CAT_ADDED, name, pos, total);
	}
	return done(s, &err);
}

static int category_move(struct cli *c, int argc, char **argv)
{
	const char *name;
	struct category_place where;
	int rc = category_place(c, argc, argv, &name, &where);
	if (rc)
		return rc;
	if (!where.after && !where.first)
		return cli_usage_error(c, "%s", msg(M_CAT_WHERE));
	if ((rc = cli_db(c)))
		return rc;
	struct strbuf err = {0};
	int pos = 0, total = 0, moved = 0;
	enum qd_status s = qd_category_move(&c->q, name, where, &pos, &total, &moved, &err);
	if (s == QD_OK && moved)
		category_said(M_CAT_MOVED, name, pos, total);
	else if (s == QD_OK)
		category_said(M_CAT_UNMOVED, name, pos, total);
	return done(s, &err);
}

/* ---- people ---- */

/* yes/no for --admin and --active values of person set */
static int yes_no(struct cli *c, const char *opt, const char *v, int *out)
{
	if (!v)
		return 0;
	if (strcmp(v, "yes") == 0 || strcmp(v, "1") == 0 || strcmp(v, "是") == 0)
		*out = 1;
	else if (strcmp(v, "no") == 0 || strcmp(v, "0") == 0 || strcmp(v, "否") == 0)
		*out = 0;
	else
		return cli_usage_error(c, msg(M_BAD_CHOICE), c->cmd, opt, v, "yes, no");
	return 0;
}

/* --party, --committee, --group of person add/set (issue 11): the Party
 * standing, the branch committee role and the 党小组, written through
 * qd_member_set in the person's transaction. */
struct member_opts {
	const char *party_s, *committee_s, *cell;
	int party, committee;
};
#define MEMBER_OPTS(m) \
	{"--party", &(m).party_s, NULL, NULL, NULL}, \
	{"--committee", &(m).committee_s, NULL, NULL, NULL}, {"--group", &(m).cell, NULL, NULL, NULL}

static int member_opts_check(struct cli *c, struct member_opts *m)
{
	if (m->party_s && (m->party = party_parse(m->party_s)) < 0)
		return cli_usage_error(c, msg(M_MC_BAD_PARTY), m->party_s);
	if (m->committee_s && (m->committee = committee_parse(m->committee_s)) < 0)
		return cli_usage_error(c, msg(M_MC_BAD_COMMITTEE), m->committee_s);
	return 0;
}

static int member_opts_any(const struct member_opts *m)
{
	return m->party_s || m->committee_s || m->cell;
}

static int person_add(struct cli *c, int argc, char **argv)
{
	struct person_fields f = PERSON_FIELDS_INIT;
	const char *org = NULL, *pos[1];
	int admin = 0;
	struct member_opts m = {NULL, NULL, NULL, -1, -1};
	const struct opt opts[] = {{"--post", &f.post, NULL, NULL, NULL},
				   {"--org", &org, NULL, NULL, NULL},
				   {"--login", &f.login, NULL, NULL, NULL},
				   {"--admin", NULL, &admin, NULL, NULL}, MEMBER_OPTS(m), {0}};
	int rc = cli_parse(c, argc, argv, opts, pos, 1, 1);
	if (rc || (rc = member_opts_check(c, &m)) || (rc = cli_db(c)) ||
	    (rc = cli_org(c, org, &f.org_id)))
		return rc;
	f.name = pos[0];
	f.is_admin = admin;
	f.active = 1;
	long long id = 0;
	struct strbuf err = {0};
	/* the person and their standing together, or neither */
	enum qd_status s = qd_batch_begin(&c->q, &err);
	if (s == QD_OK) {
		enum qd_status w = qd_person_add(&c->q, &f, &id, &err);
		if (w == QD_OK && member_opts_any(&m))
			w = qd_member_set(&c->q, id, m.party, m.committee, m.cell, &err);
		s = qd_batch_end(&c->q, w, &err);
	}
	if (s == QD_OK)
		printf("%lld\n", id);
	return done(s, &err);
}

static int person_set(struct cli *c, int argc, char **argv)
{
	struct person_fields f = PERSON_FIELDS_INIT;
	const char *org = NULL, *admin = NULL, *active = NULL, *pos[1];
	struct member_opts m = {NULL, NULL, NULL, -1, -1};
	const struct opt opts[] = {{"--name", &f.name, NULL, NULL, NULL},
				   {"--post", &f.post, NULL, NULL, NULL},
				   {"--org", &org, NULL, NULL, NULL},
				   {"--login", &f.login, NULL, NULL, NULL},
				   {"--admin", &admin, NULL, NULL, NULL},
				   {"--active", &active, NULL, NULL, NULL}, MEMBER_OPTS(m), {0}};
	long long id;
	int rc = cli_parse(c, argc, argv, opts, pos, 1, 1);
	if (rc || (rc = yes_no(c, "--admin", admin, &f.is_admin)) ||
	    (rc = yes_no(c, "--active", active, &f.active)) || (rc = member_opts_check(c, &m)) ||
	    (rc = cli_db(c)) || (rc = cli_person(c, pos[0], &id)))
		return rc;
	if (org && (rc = cli_org(c, org, &f.org_id)))
		return rc;
	struct strbuf err = {0};
	int fields = f.name || f.post || org || f.login || admin || active;
	if (!member_opts_any(&m))
		return done(qd_person_set(&c->q, id, &f, &err), &err);
	enum qd_status s = qd_batch_begin(&c->q, &err);
	if (s == QD_OK) {
		enum qd_status w = fields ? qd_person_set(&c->q, id, &f, &err) : QD_OK;
		if (w == QD_OK)
			w = qd_member_set(&c->q, id, m.party, m.committee, m.cell, &err);
		s = qd_batch_end(&c->q, w, &err);
	}
	return done(s, &err);
}

/* person merge KEEP DROP: a look-alike duplicate folded into the one kept. */
static int person_merge(struct cli *c, int argc, char **argv)
{
	const char *pos[2];
	long long keep, drop;
	int rc = cli_parse(c, argc, argv, NULL, pos, 2, 2);
	if (rc || (rc = cli_db(c)) || (rc = cli_person(c, pos[0], &keep)) || (rc = cli_person(c, pos[1], &drop)))
		return rc;
	struct person k = {0}, d = {0};
	qd_get_person(&c->q, keep, &k);
	qd_get_person(&c->q, drop, &d);
	int moved = 0;
	struct strbuf err = {0};
	enum qd_status s = qd_person_merge(&c->q, keep, drop, &moved, &err);
	if (s == QD_OK) {
		printf(msg(M_MERGE_DONE), drop, d.name ? d.name : "", moved, keep, k.name ? k.name : "",
		       drop);
		putchar('\n');
	}
	person_clear(&k);
	person_clear(&d);
	return done(s, &err);
}

static enum qd_status run_person_list(struct cli *c, void *ctx, struct rowsink *s,
				      struct strbuf *err)
{
	char today[11];
	(void)ctx;
	return store_person_list(c->q.db, c->q.year, date_format(date_today(), today), s, err);
}

static int person_list(struct cli *c, int argc, char **argv)
{
	int rc = cli_parse(c, argc, argv, NULL, NULL, 0, 0);
	return rc ? rc : cli_list(c, NULL, run_person_list);
}

/* ---- stats ---- */

/* The meeting ledger's totals (issue 11 §5), appended after the columns
 * stats always had: per org its meetings of the year, their hours and
 * participants (人次, as `meeting stats --by org`), and how its periods
 * stand against the rules (as `meeting check`).  Rows by person or
 * category leave them empty. */
static const char *const meeting_cols[] = {"meetings", "meeting_hours", "participants",
					   "periods_ok", "periods_short", "periods_missing",
					   "periods_open"};
#define MEETING_NCOL ((int)ARRAY_SIZE(meeting_cols))

struct stats_more {
	struct rowsink base;
	struct rowsink *to;
	int ncol, by_org;
	struct meeting_stat *st;
	int nst;
	struct check_row *ck;
	int nck;
};

static void stats_more_header(struct rowsink *rs, int ncol, const char *const *names)
{
	struct stats_more *w = (struct stats_more *)rs;
	const char *all[32];
	w->ncol = ncol < 24 ? ncol : 24;
	for (int i = 0; i < w->ncol; i++)
		all[i] = names[i];
	for (int i = 0; i < MEETING_NCOL; i++)
		all[w->ncol + i] = meeting_cols[i];
	w->to->header(w->to, w->ncol + MEETING_NCOL, all);
}

static void stats_more_row(struct rowsink *rs, const char *const *vals, const char *json)
{
	struct stats_more *w = (struct stats_more *)rs;
	const char *all[32];
	char num[MEETING_NCOL][32];
	for (int i = 0; i < w->ncol; i++)
		all[i] = vals[i];
	long long org = w->by_org ? atoll(vals[0]) : 0;
	const struct meeting_stat *st = NULL;
	for (int i = 0; org && i < w->nst; i++)
		if (w->st[i].org_id == org)
			st = &w->st[i];
	int periods[4] = {0, 0, 0, 0};   /* ok short missing open */
	for (int i = 0; st && i < w->nck; i++)
		if (w->ck[i].org_id == org)
			periods[w->ck[i].status == CK_OK ? 0 : w->ck[i].status == CK_SHORT ? 1
				: w->ck[i].status == CK_MISSING ? 2 : 3]++;
	if (st) {
		snprintf(num[0], sizeof num[0], "%d", st->count);
		snprintf(num[1], sizeof num[1], "%.10g", st->hours);
		snprintf(num[2], sizeof num[2], "%d", st->participants);
		for (int i = 0; i < 4; i++)
			snprintf(num[3 + i], sizeof num[3 + i], "%d", periods[i]);
	}
	for (int i = 0; i < MEETING_NCOL; i++)
		all[w->ncol + i] = st ? num[i] : "";
	struct strbuf j = {0};
	if (json) {
		/* the row's object with the new keys before its closing brace */
		size_t len = strlen(json);
		sb_printf(&j, "%.*s", (int)(len && json[len - 1] == '}' ? len - 1 : len), json);
		for (int i = 0; i < MEETING_NCOL; i++)
			if (st)
				sb_printf(&j, ",\"%s\":%s", meeting_cols[i], num[i]);
			else
				sb_printf(&j, ",\"%s\":null", meeting_cols[i]);
		sb_puts(&j, "}");
	}
	w->to->row(w->to, all, json ? j.s : NULL);
	sb_free(&j);
}

struct stats_args {
	const char *by;
	int kind;
};

static enum qd_status run_stats(struct cli *c, void *ctx, struct rowsink *s, struct strbuf *err)
{
	char today[11];
	const struct stats_args *a = ctx;
	const char *const *by = &a->by;
	struct stats_more w = {{stats_more_header, stats_more_row, s->want_json}, s, 0,
			       strcmp(*by, "org") == 0, NULL, 0, NULL, 0};
	enum qd_status st = QD_OK;
	if (w.by_org) {
		st = qd_meeting_stats(&c->q, c->q.year, 1, &w.st, &w.nst, err);
		if (st == QD_OK)
			st = qd_meeting_check(&c->q, 0, c->q.year, &w.ck, &w.nck, err);
	}
	if (st == QD_OK)
		st = store_stats_kind(c->q.db, c->q.year, date_format(date_today(), today), *by,
				      a->kind, &w.base, err);
	meeting_stats_free(w.st, w.nst);
	check_rows_free(w.ck, w.nck);
	return st;
}

static int cmd_stats(struct cli *c, int argc, char **argv)
{
	const char *by = "org", *kind = "duty";
	const struct opt opts[] = {{"--by", &by, NULL, NULL, NULL}, {"--kind", &kind, NULL, NULL, NULL},
				   {0}};
	int rc = cli_parse(c, argc, argv, opts, NULL, 0, 0);
	if (rc)
		return rc;
	if (strcmp(by, "org") != 0 && strcmp(by, "person") != 0 && strcmp(by, "category") != 0)
		return cli_usage_error(c, msg(M_BAD_CHOICE), c->cmd, "--by", by, "org, person, category");
	struct stats_args a = {by, cli_kind(kind)};
	if (a.kind == CLI_KIND_BAD)
		return cli_usage_error(c, msg(M_BAD_CHOICE), c->cmd, "--kind", kind, "duty, rectify, all");
	return cli_list(c, &a, run_stats);
}

/* ---- audit ---- */

struct audit_args {
	const char *entity;
	long long id;
};

/* For the human table: the entity by its name and the detail JSON as a
 * sentence (field labels, people by name); other formats keep the data. */
struct audit_words {
	struct rowsink base;
	struct rowsink *to;
	struct qd *q;
	int ncol, entity, detail;
};

static void audit_words_header(struct rowsink *rs, int ncol, const char *const *names)
{
	struct audit_words *w = (struct audit_words *)rs;
	w->ncol = ncol;
	for (int i = 0; i < ncol; i++) {
		if (strcmp(names[i], "entity") == 0)
			w->entity = i;
		else if (strcmp(names[i], "detail") == 0)
			w->detail = i;
	}
	w->to->header(w->to, ncol, names);
}

static void audit_words_row(struct rowsink *rs, const char *const *vals, const char *json)
{
	struct audit_words *w = (struct audit_words *)rs;
	const char *v[16];
	if (w->ncol > (int)ARRAY_SIZE(v)) {
		w->to->row(w->to, vals, json);
		return;
	}
	for (int i = 0; i < w->ncol; i++)
		v[i] = vals[i];
	char *text = qd_detail_text(w->q, vals[w->entity], vals[w->detail]);
	v[w->entity] = msg_entity(vals[w->entity]);
	v[w->detail] = text;
	w->to->row(w->to, v, json);
	free(text);
}

static enum qd_status run_audit_list(struct cli *c, void *ctx, struct rowsink *s,
				     struct strbuf *err)
{
	struct audit_args *a = ctx;
	if (c->fmt != OUT_TABLE)
		return store_audit_list(c->q.db, a->entity, a->id, s, err);
	struct audit_words w = {{audit_words_header, audit_words_row, 0}, s, &c->q, 0, 0, 0};
	return store_audit_list(c->q.db, a->entity, a->id, &w.base, err);
}

static int audit_list(struct cli *c, int argc, char **argv)
{
	const char *id = NULL;
	struct audit_args a = {0};
	const struct opt opts[] = {{"--entity", &a.entity, NULL, NULL, NULL},
				   {"--id", &id, NULL, NULL, NULL}, {0}};
	int rc = cli_parse(c, argc, argv, opts, NULL, 0, 0);
	if (rc)
		return rc;
	if (id && (rc = cli_id(c, id, &a.id)))
		return rc;
	return cli_list(c, &a, run_audit_list);
}

static int audit_verify(struct cli *c, int argc, char **argv)
{
	const char *code = NULL, *anchor = NULL;
	const struct opt opts[] = {{"--code", &code, NULL, NULL, NULL},
				   {"--anchor", &anchor, NULL, NULL, NULL}, {0}};
	int rc = cli_parse(c, argc, argv, opts, NULL, 0, 0);
	if (rc || (rc = cli_db(c)))
		return rc;
	if (code && anchor)
		return cli_usage_error(c, msg(M_EXTRA_OPERAND), c->cmd, "--anchor");
	struct strbuf report = {0}, err = {0};
	enum qd_status s = code     ? qd_verify_code(&c->q, code, &report, &err)
			   : anchor ? qd_verify_anchor(&c->q, anchor, &report, &err)
				    : qd_audit_verify(&c->q, &report, &err);
	if (report.s)
		fputs(report.s, s == QD_OK ? stdout : stderr);
	sb_free(&report);
	if (s == QD_VERIFY) {
		sb_free(&err);
		return 1;
	}
	return done(s, &err);
}

/* The head to keep on paper; --accept re-bases the local anchor. */
static int audit_anchor(struct cli *c, int argc, char **argv)
{
	int accept = 0;
	const struct opt opts[] = {{"--accept", NULL, &accept, NULL, NULL}, {0}};
	int rc = cli_parse(c, argc, argv, opts, NULL, 0, 0);
	if (rc || (rc = cli_db(c)))
		return rc;
	struct strbuf out = {0}, err = {0};
	enum qd_status s = accept ? qd_anchor_accept(&c->q, &out, &err)
				  : qd_anchor_show(&c->q, &out, &err);
	if (s == QD_OK && out.s) {
		char *clean = text_sanitize(out.s, 1);
		fputs(clean, stdout);
		free(clean);
	}
	sb_free(&out);
	return done(s, &err);
}

enum qd_status cli_anchor(struct cli *c, struct strbuf *err)
{
	/* the audit commands inspect: they run on a suspect file, with the
	 * warning; c->cmd is NULL for the interactive screen */
	int inspect = c->cmd && strncmp(c->cmd, "audit ", 6) == 0;
	int init = c->cmd && strcmp(c->cmd, "init") == 0;
	enum qd_status s = qd_anchor_open(&c->q, inspect ? ANCHOR_INSPECT
						 : init  ? ANCHOR_NEW
							 : ANCHOR_ENFORCE, err);
	if (s == QD_OK && err->len) {
		cli_fail(QD_VERIFY, err);
		sb_reset(err);
	}
	return s;
}

/* ---- settings ---- */

static const char *const setting_keys[] = {"unit_name", "due_soon_days", "printer", "hours_norm",
					   "hours_norm_leader", "assess_weight_items",
					   "assess_weight_pledges", "assess_weight_meetings",
					   "assess_weight_problems", "name_order"};
static const enum msg_id setting_meanings[] = {M_SET_UNIT_NAME, M_SET_DUE_SOON, M_SET_PRINTER,
					       M_SET_HOURS_NORM, M_SET_HOURS_NORM_LEADER,
					       M_SET_WEIGHT_ITEMS, M_SET_WEIGHT_PLEDGES,
					       M_SET_WEIGHT_MEETINGS, M_SET_WEIGHT_PROBLEMS,
					       M_SET_NAME_ORDER};

/* A yearly hours norm (meeting.h, qd_meeting_hours): 0 to 1000, fractions
 * allowed, or "" to go back to the default. */
static int hours_ok(const char *v)
{
	char *end = NULL;
	if (!*v)
		return 1;
	if (!(*v >= '0' && *v <= '9'))
		return 0;
	double d = strtod(v, &end);
	return *end == '\0' && d >= 0 && d <= 1000;
}

static enum qd_status run_setting_list(struct cli *c, void *ctx, struct rowsink *s,
				       struct strbuf *err)
{
	const char *meanings[ARRAY_SIZE(setting_keys)];
	(void)ctx;
	for (size_t i = 0; i < ARRAY_SIZE(setting_keys); i++)
		meanings[i] = msg(setting_meanings[i]);
	return store_setting_list(c->q.db, setting_keys, meanings, (int)ARRAY_SIZE(setting_keys), s,
				  err);
}

static int cmd_setting(struct cli *c, int argc, char **argv)
{
	const char *pos[2] = {NULL, NULL};
	int rc = cli_parse(c, argc, argv, NULL, pos, 0, 2);
	if (rc)
		return rc;
	if (!pos[1])
		c->access = CLI_READ;   /* only a change may create the file */
	if (!pos[0])
		return cli_list(c, NULL, run_setting_list);
	size_t k = 0;
	while (k < ARRAY_SIZE(setting_keys) && strcmp(setting_keys[k], pos[0]) != 0)
		k++;
	if (k == ARRAY_SIZE(setting_keys))
		return cli_usage_error(c, msg(M_SETTING_UNKNOWN), pos[0]);
	if (!pos[1]) {
		if ((rc = cli_db(c)))
			return rc;
		char *v = qd_setting(&c->q, pos[0]);
		puts(v);
		free(v);
		return 0;
	}
	long long days;
	if (strcmp(pos[0], "due_soon_days") == 0 &&
	    (parse_id(pos[1], &days) != 0 || pos[1][0] == '#' || days > 365))
		return cli_usage_error(c, msg(M_SETTING_BAD_DAYS), pos[1]);
	if (strncmp(pos[0], "hours_norm", 10) == 0 && !hours_ok(pos[1]))
		return cli_usage_error(c, msg(M_SETTING_BAD_HOURS), pos[1]);
	/* a weight of report --assess (report.h): 0 to 1000, as the hours */
	if (strncmp(pos[0], "assess_weight_", 14) == 0 && !hours_ok(pos[1]))
		return cli_usage_error(c, msg(M_SET_BAD_WEIGHT), pos[1]);
	if (strcmp(pos[0], "name_order") == 0 && name_order_parse(pos[1]) < 0)
		return cli_usage_error(c, msg(M_CO_BAD_ORDER), pos[1]);
	if ((rc = cli_db(c)))
		return rc;
	struct strbuf err = {0};
	return done(qd_setting_set(&c->q, pos[0], pos[1], &err), &err);
}

/* ---- backup, year ---- */

static int cmd_backup(struct cli *c, int argc, char **argv)
{
	const char *pos[1];
	int force = 0;
	const struct opt opts[] = {{"--force", NULL, &force, NULL, NULL}, {0}};
	int rc = cli_parse(c, argc, argv, opts, pos, 1, 1);
	if (rc || (rc = cli_db(c)))
		return rc;
	struct strbuf err = {0};
	/* a server's database is copied row by row into a SQLite file (db.h) */
	struct cli_copy_view v;
	struct db_copy how;
	cli_copy_setup(&how, &v);
	enum qd_status s = db_backup(c->q.db, pos[0], force ? OUTFILE_FORCE : 0, &how, &err);
	cli_copy_clear(&v);
	if (s == QD_OK) {
		fprintf(stderr, "qingdan: ");
		fprintf(stderr, msg(M_BACKUP_DONE), pos[0]);
		fputc('\n', stderr);
	}
	s = cli_copy_result(s, M_BACKUP_AS_SOURCE, pos[0], &how, &err);
	sb_free(&how.report);
	return done(s, &err);
}

static int year_copy(struct cli *c, int argc, char **argv)
{
	const char *pos[2];
	long long from, to;
	int rc = cli_parse(c, argc, argv, NULL, pos, 2, 2);
	if (rc)
		return rc;
	for (int i = 0; i < 2; i++) {
		long long *y = i ? &to : &from;
		if (parse_id(pos[i], y) != 0 || pos[i][0] == '#' || *y < 1900 || *y > 2999)
			return cli_usage_error(c, msg(M_BAD_YEAR), pos[i]);
	}
	int lists = 0, items = 0;
	if ((rc = cli_db(c)))
		return rc;
	struct strbuf err = {0};
	enum qd_status s = qd_year_copy(&c->q, (int)from, (int)to, &lists, &items, &err);
	if (s == QD_OK) {
		printf(msg(M_YEAR_COPIED), lists, items, (int)from, (int)to);
		putchar('\n');
	}
	return done(s, &err);
}

const struct cli_command cli_admin_commands[] = {
	{"init", NULL, cmd_init, "init [--demo]", CLI_CREATE},
	{"org", "add", org_add, "org add NAME --level party-group|organ-committee|branch [--parent ORG]",
	 CLI_CREATE},
	{"org", "list", org_list, "org list [--format F]", CLI_READ},
	{"category", "list", category_list, "category list [--format F]", CLI_READ},
	{"category", "add", category_add, "category add NAME [--after CATEGORY | --first]", CLI_WRITE},
	{"category", "move", category_move, "category move NAME (--after CATEGORY | --first)",
	 CLI_WRITE},
	{"person", "add", person_add, "person add NAME [--post P] [--org ORG] [--login U] [--admin] [--party full|probationary|none] "
					      "[--committee ROLE] [--group 党小组]",
	 CLI_CREATE},
	{"person", "list", person_list, "person list [--format F]", CLI_READ},
	{"person", "set", person_set, "person set WHO [--name N] [--post P] [--org ORG] [--login U] "
				      "[--admin yes|no] [--active yes|no] [--party P] [--committee ROLE|none] "
				      "[--group 党小组]", CLI_WRITE},
	{"person", "merge", person_merge, "person merge KEEP DROP", CLI_WRITE},
	{"stats", NULL, cmd_stats, "stats [--by org|person|category] [--kind duty|rectify|all] "
				   "[--format F]", CLI_READ},
	{"audit", "list", audit_list, "audit list [--entity E] [--id N] [--format F]", CLI_READ},
	{"audit", "verify", audit_verify, "audit verify [--code CODE | --anchor SEQ:HASH]", CLI_READ},
	{"audit", "anchor", audit_anchor, "audit anchor [--accept]", CLI_READ},
	/* reading a setting is CLI_READ: cmd_setting lowers it */
	{"setting", NULL, cmd_setting, "setting [unit_name|due_soon_days|printer|hours_norm|hours_norm_leader|assess_weight_items|"
				    "assess_weight_pledges|assess_weight_meetings|assess_weight_problems|name_order [VALUE]]", CLI_CREATE},
	{"backup", NULL, cmd_backup, "backup FILE [--force]", CLI_READ},
	{"year", "copy", year_copy, "year copy FROM TO", CLI_WRITE},
	{NULL, NULL, NULL, NULL, CLI_READ},
};
