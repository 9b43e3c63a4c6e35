/* cli_item.c — `qingdan item …`: add, list, show, set, note, delete.
 * Each command parses, resolves names, calls the model, prints. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "qingdan/meeting.h"
#include "qingdan/date.h"
#include "qingdan/msg.h"
#include "qingdan/period.h"
#include "qingdan/store.h"
#include "qingdan/store_trash.h"
#include "qingdan/text.h"

/* Options shared by add and set that fill item_fields. */
struct item_opts {
	const char *org, *content, *category, *measures, *standard, *owner, *lead, *due, *due_text;
	const char *every;   /* --every (period.h) */
};

#define ITEM_FIELD_OPTS(o) \
	{"--content", &(o).content, NULL, NULL, NULL}, {"--category", &(o).category, NULL, NULL, NULL}, \
	{"--measures", &(o).measures, NULL, NULL, NULL}, {"--standard", &(o).standard, NULL, NULL, NULL}, \
	{"--owner", &(o).owner, NULL, NULL, NULL}, {"--lead", &(o).lead, NULL, NULL, NULL}, \
	{"--due", &(o).due, NULL, NULL, NULL}, {"--due-text", &(o).due_text, NULL, NULL, NULL}, \
	{"--every", &(o).every, NULL, NULL, NULL}

/* --due as a date or due words (6月底前, 第三季度) of `year`: the day into
 * iso, 0; else a message and the exit code. */
static int due_of(const char *due, int year, char *iso)
{
	int day;
	iso[0] = '\0';
	if (str_empty(due))
		return 0;
	int w = date_due_words(due, year, &day);
	if (w == 0) {
		date_format(day, iso);
		return 0;
	}
	struct strbuf bad = {0};
	sb_printf(&bad, msg(w < 0 ? M_DUE_IMPOSSIBLE : M_DUE_NOT_DUE), due);
	int rc = cli_fail(QD_INVALID, &bad);
	sb_free(&bad);
	return rc;
}

/* Resolve the people and copy the texts into f; iso is --due as a date
 * (due_of), and due words are kept as the due text unless --due-text is
 * given too. */
static int item_fields_of(struct cli *c, const struct item_opts *o, const char *iso,
			  struct item_fields *f)
{
	f->content = o->content;
	f->category = o->category;
	f->measures = o->measures;
	f->standard = o->standard;
	f->due = o->due ? str_empty(o->due) ? o->due : iso : NULL;
	f->due_text = o->due_text;
	int day;
	if (!o->due_text && !str_empty(o->due) && date_parse(o->due, &day) != 0)
		f->due_text = o->due;
	int rc = 0;
	if (o->owner)
		rc = cli_person(c, o->owner, &f->owner_id);
	if (!rc && o->lead)
		rc = cli_person(c, o->lead, &f->lead_id);
	return rc;
}

static int item_add(struct cli *c, int argc, char **argv)
{
	struct item_opts o = {0};
	const struct opt opts[] = {{"--org", &o.org, NULL, NULL, NULL}, ITEM_FIELD_OPTS(o), {0}};
	int rc = cli_parse(c, argc, argv, opts, NULL, 0, 0);
	if (rc)
		return rc;
	if (!o.org || !o.content)
		return cli_usage_error(c, msg(M_MISSING_OPERAND), c->cmd, c->usage);
	char iso[11];
	if ((rc = due_of(o.due, c->q.year, iso)))
		return rc;   /* before the file is opened: a bad date never creates it */
	if (o.every && every_parse(o.every) < 0)
		return cli_usage_error(c, msg(M_EVERY_BAD), o.every);
	struct item_fields f = ITEM_FIELDS_INIT;
	long long org_id, id = 0;
	if ((rc = cli_db(c)) || (rc = cli_org(c, o.org, &org_id)) ||
	    (rc = item_fields_of(c, &o, iso, &f)))
		return rc;
	struct strbuf err = {0};
	enum qd_status s = qd_batch_begin(&c->q, &err);
	if (s == QD_OK) {   /* the item and its periods' kind together */
		enum qd_status w = qd_item_add(&c->q, org_id, &f, &id, &err);
		if (w == QD_OK && every_parse(o.every) > EVERY_NONE)
			w = qd_item_every(&c->q, id, o.every, &err);
		s = qd_batch_end(&c->q, w, &err);
	}
	if (s == QD_OK)
		printf("%lld\n", id);
	rc = cli_fail(s, &err);
	sb_free(&err);
	return rc;
}

struct list_args {
	struct item_filter f;
	char today[11], soon[11];
};

static enum qd_status run_item_list(struct cli *c, void *ctx, struct rowsink *s, struct strbuf *err)
{
	struct list_args *a = ctx;
	return store_item_list(c->q.db, &a->f, s, err);
}

static enum qd_status run_item_trash(struct cli *c, void *ctx, struct rowsink *s,
				     struct strbuf *err)
{
	const struct item_filter *f = ctx;
	return store_item_trash(c->q.db, f->year, f->org_id, f->kind, s, err);
}

/* item list --deleted: the 回收站, the deleted items with when and by
 * whom; `other` names a filter it does not take. */
static int item_trash(struct cli *c, struct item_filter *f, const char *org, const char *other)
{
	if (other)
		return cli_usage_error(c, msg(M_RS_DELETED_KIND), c->cmd, other);
	int rc;
	if ((rc = cli_db(c)) || (rc = cli_org(c, org, &f->org_id)))
		return rc;
	return cli_list(c, f, run_item_trash);
}

static int item_list(struct cli *c, int argc, char **argv)
{
	const char *org = NULL, *owner = NULL, *person = NULL, *status = NULL, *search = NULL,
		   *category = NULL, *kind = "duty";
	int overdue = 0, all_years = 0, due_soon = 0, deleted = 0, periods = 0;
	const struct opt opts[] = {{"--deleted", NULL, &deleted, NULL, NULL},
		{"--org", &org, NULL, NULL, NULL}, {"--owner", &owner, NULL, NULL, NULL},
		{"--person", &person, NULL, NULL, NULL}, {"--status", &status, NULL, NULL, NULL},
		{"--search", &search, NULL, NULL, NULL}, {"--category", &category, NULL, NULL, NULL},
		{"--overdue", NULL, &overdue, NULL, NULL}, {"--all-years", NULL, &all_years, NULL, NULL},
		{"--due-soon", NULL, &due_soon, NULL, NULL},
		{"--kind", &kind, NULL, NULL, NULL}, {"--periods", NULL, &periods, NULL, NULL}, {0}};
	int rc = cli_parse(c, argc, argv, opts, NULL, 0, 0);
	if (rc)
		return rc;
	struct list_args a = {0};
	if ((a.f.kind = cli_kind(kind)) == CLI_KIND_BAD)
		return cli_usage_error(c, msg(M_BAD_CHOICE), c->cmd, "--kind", kind, "duty, rectify, all");
	a.f.year = all_years ? 0 : c->q.year;
	if (deleted)
		return item_trash(c, &a.f, org, owner ? "--owner" : person ? "--person" :
					   status ? "--status" : search ? "--search" :
					   category ? "--category" : overdue ? "--overdue" :
					   due_soon ? "--due-soon" : periods ? "--periods" : NULL);
	a.f.status = status ? status_parse(status) : -1;
	if (status && a.f.status < 0)
		return cli_usage_error(c, msg(M_BAD_STATUS), status);
	a.f.overdue = overdue;
	a.f.due_soon = due_soon;
	a.f.periods = periods;
	a.f.search = search;
	a.f.category = category;
	if ((rc = cli_db(c)) || (rc = cli_org(c, org, &a.f.org_id)) ||
	    (rc = cli_person(c, owner, &a.f.owner_id)) || (rc = cli_person(c, person, &a.f.person_id)))
		return rc;
	int today = date_today();
	a.f.today = date_format(today, a.today);
	a.f.soon = date_format(today + c->q.due_soon_days, a.soon);
	return cli_list(c, &a, run_item_list);
}

static void show_field(enum msg_id label, const char *value)
{
	char *clean = text_sanitize(str_empty(value) ? msg(M_NONE) : value, 1);
	printf("%s：%s\n", msg(label), clean);
	free(clean);
}

static enum qd_status run_item_show(struct cli *c, void *ctx, struct rowsink *s, struct strbuf *err)
{
	char today[11], soon[11];
	int day = date_today();
	return store_item_show(c->q.db, *(const long long *)ctx, date_format(day, today),
			       date_format(day + c->q.due_soon_days, soon), s, err);
}

static int item_show(struct cli *c, int argc, char **argv)
{
	const char *pos[1];
	long long id;
	int rc = cli_parse(c, argc, argv, NULL, pos, 1, 1);
	if (rc || (rc = cli_id(c, pos[0], &id)) || (rc = cli_db(c)))
		return rc;
	struct item it;
	struct strbuf err = {0};
	enum qd_status s = qd_get_item(&c->q, id, &it, &err);
	if (s != QD_OK) {
		rc = cli_fail(s, &err);
		sb_free(&err);
		return rc;
	}
	if (c->fmt != OUT_TABLE) {
		item_clear(&it);
		return cli_show(c, &id, run_item_show);
	}
	char *org = text_sanitize(it.org_name, 0);
	printf(msg(M_SHOW_ITEM), it.id, it.year, org, it.seq);
	putchar('\n');
	free(org);
	show_field(M_SHOW_CATEGORY, it.category);
	show_field(M_SHOW_CONTENT, it.content);
	show_field(M_SHOW_MEASURES, it.measures);
	show_field(M_SHOW_STANDARD, it.standard);
	show_field(M_SHOW_OWNER, it.owner_name);
	show_field(M_SHOW_LEAD, it.lead_name);
	char *due = xasprintf("%s%s%s%s", it.due ? it.due : "", !str_empty(it.due_text) ? "（" : "",
			      it.due_text ? it.due_text : "", !str_empty(it.due_text) ? "）" : "");
	show_field(M_SHOW_DUE, due);
	free(due);
	char *flags = flags_label(it.flags);
	char *st = xasprintf("%s%s%s", status_label(it.status), *flags ? " · " : "", flags);
	show_field(M_SHOW_STATUS, st);
	free(st);
	free(flags);
	struct strbuf periods = {0};
	if (qd_item_period_line(&c->q, id, it.year, 0, &periods))
		show_field(M_SHOW_PERIODS, periods.s);
	sb_free(&periods);
	if (it.done_on)
		show_field(M_SHOW_DONE_ON, it.done_on);
	char *reason = qd_item_last_reason(&c->q, id);
	if (reason) {
		char *clean = text_sanitize(reason, 1);
		printf("%s\n", clean);
		free(clean);
		free(reason);
	}
	if (it.deleted_at)
		show_field(M_SHOW_DELETED, it.deleted_at);
	printf("%s：%d  %s：%s\n", msg(M_SHOW_VERSION), it.version, msg(M_SHOW_UPDATED), it.updated_at);
	struct note *notes;
	int n = 0;
	qd_item_notes(&c->q, id, &notes, &n);
	printf("%s：%s\n", msg(M_SHOW_NOTES), n ? "" : msg(M_SHOW_NO_NOTES));
	for (int i = 0; i < n; i++) {
		char *t = text_sanitize(notes[i].text, 0);
		char *who = text_sanitize(notes[i].person_name ? notes[i].person_name : "", 0);
		printf("  %s %s：%s\n", notes[i].on_date, who, t);
		free(t);
		free(who);
	}
	notes_free(notes, n);
	struct meeting *ms = NULL;
	int nm = 0;
	if (qd_item_meetings(&c->q, id, &ms, &nm, &err) == QD_OK && nm) {
		printf("%s：\n", msg(M_MC_F_MEETINGS));
		for (int i = 0; i < nm; i++) {
			char *t = text_sanitize(ms[i].title ? ms[i].title : "", 0);
			printf("  #%lld %s %s %s\n", ms[i].id, ms[i].on_date,
			       meeting_type_label(ms[i].type), t);
			free(t);
		}
	}
	meetings_free(ms, nm);
	sb_free(&err);
	item_clear(&it);
	return 0;
}

/* The changes of item set to one item: --every none first (the due is
 * then the item's own), the fields, another --every, then the status move. */
static enum qd_status item_changes(struct cli *c, long long id, const struct item_opts *o,
				   int fields, const char *status, int to, const char *reason,
				   long long expect, const struct item_fields *f, struct strbuf *err)
{
	enum qd_status w = QD_OK;
	int every = o->every ? every_parse(o->every) : -1;
	if (o->every && every == EVERY_NONE)
		w = qd_item_every(&c->q, id, o->every, err);
	if (w == QD_OK && fields)
		w = qd_item_set(&c->q, id, (int)expect, f, err);
	if (w == QD_OK && o->every && every > EVERY_NONE)
		w = qd_item_every(&c->q, id, o->every, err);
	if (w == QD_OK && status)
		w = qd_item_move(&c->q, id, fields ? 0 : (int)expect, (enum item_status)to, reason, err);
	return w;
}

/* item_changes for one of several items inside the caller's batch; due
 * words are of the item's own year, into iso (which f->due points at). */
static enum qd_status item_set_one(struct cli *c, long long id, const struct item_opts *o,
				   int fields, const char *status, int to, const char *reason,
				   long long expect, char *iso, struct item_fields *f, int *rc,
				   struct strbuf *err)
{
	if (!str_empty(o->due)) {
		/* due words are of the item's year */
		struct item it;
		int year = c->q.year;
		if (qd_get_item(&c->q, id, &it, NULL) == QD_OK) {
			year = it.year;
			item_clear(&it);
		}
		if ((*rc = due_of(o->due, year, iso)))
			return QD_INVALID;
	}
	return item_changes(c, id, o, fields, status, to, reason, expect, f, err);
}

static int item_set(struct cli *c, int argc, char **argv)
{
	struct item_opts o = {0};
	const char *status = NULL, *reason = NULL, *version = NULL;
	const char **pos = xcalloc(CLI_MAX_IDS + 1, sizeof *pos);
	const struct opt opts[] = {{"--status", &status, NULL, NULL, NULL},
				   {"--reason", &reason, NULL, NULL, NULL},
				   {"--if-version", &version, NULL, NULL, NULL}, ITEM_FIELD_OPTS(o), {0}};
	long long expect = 0, *ids = NULL;
	int n = 0;
	int rc = cli_parse(c, argc, argv, opts, pos, 1, CLI_MAX_IDS);
	while (!rc && n < CLI_MAX_IDS && pos[n])
		n++;
	ids = xcalloc((size_t)n + 1, sizeof *ids);
	for (int i = 0; i < n && !rc; i++)
		rc = cli_id(c, pos[i], &ids[i]);
	if (!rc && version && n > 1)
		rc = cli_usage_error(c, msg(M_RS_IF_VERSION_ONE), c->cmd, n);
	if (!rc && version && (parse_id(version, &expect) != 0 || expect <= 0 || expect > 1000000000))
		rc = cli_usage_error(c, msg(M_BAD_VERSION), c->cmd, version);
	int to = status ? status_parse(status) : -1;
	if (!rc && status && to < 0)
		rc = cli_usage_error(c, msg(M_BAD_STATUS), status);
	if (!rc && o.every && every_parse(o.every) < 0)
		rc = cli_usage_error(c, msg(M_EVERY_BAD), o.every);
	int fields = o.content || o.category || o.measures || o.standard || o.owner || o.lead ||
		     o.due || o.due_text;
	if (!rc && !fields && !status && !o.every) {
		fprintf(stderr, "qingdan: %s\n", msg(M_NOTHING_TO_CHANGE));
		rc = 1;
	}
	struct item_fields f = ITEM_FIELDS_INIT;
	char iso[11] = "";
	if (!rc)
		rc = cli_db(c);
	if (!rc && n == 1 && !str_empty(o.due)) {
		/* one item: a bad due word is refused before any name is looked up */
		struct item it;
		int year = c->q.year;
		if (qd_get_item(&c->q, ids[0], &it, NULL) == QD_OK) {
			year = it.year;
			item_clear(&it);
		}
		rc = due_of(o.due, year, iso);
	}
	if (!rc)
		rc = item_fields_of(c, &o, iso, &f);
	if (!rc) {
		struct strbuf err = {0};
		/* fields and status change together or not at all, for every item */
		enum qd_status s = qd_batch_begin(&c->q, &err), w = QD_OK;
		for (int i = 0; i < n && s == QD_OK && w == QD_OK && !rc; i++) {
			if (n == 1) {
				w = item_changes(c, ids[i], &o, fields, status, to, reason, expect, &f, &err);
				continue;
			}
			struct strbuf one = {0};
			w = item_set_one(c, ids[i], &o, fields, status, to, reason, expect, iso, &f, &rc,
					 &one);
			if (w != QD_OK && !rc)
				sb_printf(&err, msg(M_RS_SET_FAILED), ids[i], n, one.s ? one.s : "");
			sb_free(&one);
		}
		if (s == QD_OK)
			s = qd_batch_end(&c->q, rc ? QD_INVALID : w, &err);
		if (!rc)
			rc = cli_fail(s, &err);
		sb_free(&err);
	}
	free(ids);
	free(pos);
	return rc;
}

static int item_note(struct cli *c, int argc, char **argv)
{
	const char *on = NULL, *pos[2];
	const struct opt opts[] = {{"--on", &on, NULL, NULL, NULL}, {0}};
	long long id;
	int rc = cli_parse(c, argc, argv, opts, pos, 2, 2);
	if (rc || (rc = cli_id(c, pos[0], &id)) || (rc = cli_db(c)))
		return rc;
	struct strbuf err = {0};
	rc = cli_fail(qd_item_note(&c->q, id, on, pos[1], &err), &err);
	sb_free(&err);
	return rc;
}

static int item_delete(struct cli *c, int argc, char **argv)
{
	const char *pos[1];
	long long id;
	int rc = cli_parse(c, argc, argv, NULL, pos, 1, 1);
	if (rc || (rc = cli_id(c, pos[0], &id)) || (rc = cli_db(c)))
		return rc;
	struct strbuf err = {0};
	rc = cli_fail(qd_item_delete(&c->q, id, &err), &err);
	sb_free(&err);
	return rc;
}

/* item restore ID…: deleted items back, all or none (issue 14.4). */
static int item_restore(struct cli *c, int argc, char **argv)
{
	return cli_each_id(c, argc, argv, cli_id, qd_item_restore);
}

/* item link ID --meeting M [--unlink]: a meeting that evidences the item. */
static int item_link(struct cli *c, int argc, char **argv)
{
	const char *meeting = NULL, *pos[1];
	int unlink = 0;
	const struct opt opts[] = {{"--meeting", &meeting, NULL, NULL, NULL},
				   {"--unlink", NULL, &unlink, NULL, NULL}, {0}};
	long long id, mid;
	int rc = cli_parse(c, argc, argv, opts, pos, 1, 1);
	if (rc || (rc = cli_id(c, pos[0], &id)))
		return rc;
	if (!meeting)
		return cli_usage_error(c, "%s", msg(M_MC_NEED_MEETING));
	if ((rc = cli_id(c, meeting, &mid)) || (rc = cli_db(c)))
		return rc;
	struct strbuf err = {0};
	rc = cli_fail(qd_item_link_meeting(&c->q, id, mid, unlink, &err), &err);
	sb_free(&err);
	return rc;
}

/* item period ID PERIOD done|undone [--on DATE] [--note TEXT] (period.h) */
static int item_period(struct cli *c, int argc, char **argv)
{
	const char *on = NULL, *note = NULL, *pos[3];
	const struct opt opts[] = {{"--on", &on, NULL, NULL, NULL}, {"--note", &note, NULL, NULL, NULL},
				   {0}};
	long long id;
	int index;
	int rc = cli_parse(c, argc, argv, opts, pos, 3, 3);
	if (rc || (rc = cli_id(c, pos[0], &id)))
		return rc;
	if (period_parse(pos[1], &index) < 0)
		return cli_usage_error(c, msg(M_PERIOD_BAD), pos[1]);
	int done = strcmp(pos[2], "done") == 0;
	if (!done && strcmp(pos[2], "undone") != 0)
		return cli_usage_error(c, msg(M_BAD_CHOICE), c->cmd, "PERIOD", pos[2], "done, undone");
	if ((rc = cli_db(c)))
		return rc;
	struct strbuf err = {0};
	rc = cli_fail(qd_item_period(&c->q, id, pos[1], done, on, note, &err), &err);
	sb_free(&err);
	return rc;
}

const struct cli_command cli_item_commands[] = {
	{"item", "add", item_add, "item add --org ORG --content TEXT [--category C] [--measures M] "
				  "[--standard S] [--owner WHO] [--lead WHO] [--due DATE|WORDS] [--due-text T] "
				  "[--every month|quarter|half|year|none]", CLI_CREATE},
	{"item", "list", item_list, "item list [--org ORG] [--owner WHO] [--person WHO] [--status S] "
				    "[--category C] [--overdue] [--due-soon] [--search TEXT] [--all-years] [--kind duty|rectify|all] "
				    "[--periods] [--deleted] [--format F]", CLI_READ},
	{"item", "show", item_show, "item show ID [--format F]", CLI_READ},
	{"item", "set", item_set, "item set ID … [--status S [--reason R]] [--owner WHO] [--lead WHO] "
				  "[--due DATE|WORDS] [--content T] [--category C] [--measures M] [--standard S] "
				  "[--due-text T] [--every month|quarter|half|year|none] [--if-version N]", CLI_WRITE},
	{"item", "note", item_note, "item note ID TEXT [--on DATE]", CLI_WRITE},
	{"item", "delete", item_delete, "item delete ID", CLI_WRITE},
	{"item", "restore", item_restore, "item restore ID …", CLI_WRITE},
	{"item", "link", item_link, "item link ID --meeting M [--unlink]", CLI_WRITE},
	{"item", "period", item_period, "item period ID PERIOD done|undone [--on DATE] [--note TEXT]",
	 CLI_WRITE},
	{NULL, NULL, NULL, NULL, CLI_READ},
};
