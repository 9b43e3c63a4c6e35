/* cli_pledge.c — `qingdan pledge …` (DESIGN §5): add (one or a batch),
 * set, issue, sign, assess, archive, void, reissue, list, show, print,
 * progress.  Each command parses, resolves names, calls the model
 * (pledge.h), prints.  Results go to stdout (new ids one a line, listings);
 * notices such as skipped signers or the written file go to stderr. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "qingdan/date.h"
#include "qingdan/msg.h"
#include "qingdan/outfile.h"
#include "qingdan/pledge.h"
#include "qingdan/store_pledge.h"
#include "qingdan/text.h"

static int done(enum qd_status s, struct strbuf *err)
{
	int rc = cli_fail(s, err);
	sb_free(err);
	return rc;
}

static int pledge_id(struct cli *c, const char *s, long long *id)
{
	return cli_id(c, s, id);
}

static int expect_version(struct cli *c, const char *s, int *v)
{
	long long n = 0;
	*v = 0;
	if (s && (parse_id(s, &n) != 0 || n <= 0 || n > 1000000000))
		return cli_usage_error(c, msg(M_BAD_VERSION), c->cmd, s);
	*v = (int)n;
	return 0;
}

/* The pledge text from a file, or 1 after saying why. */
static int read_body(const char *path, char **out)
{
	struct strbuf err = {0};
	enum qd_status s = pledge_body_from_file(path, out, &err);
	return s == QD_OK ? 0 : done(s, &err);
}

/* ---- add, set, issue ---- */

static int add_unique(long long **ids, int *n, long long id)
{
	for (int i = 0; i < *n; i++)
		if ((*ids)[i] == id)
			return 0;
	*ids = xrealloc(*ids, (size_t)(*n + 1) * sizeof **ids);
	(*ids)[(*n)++] = id;
	return 1;
}

/* The signers named by --signer, --signers-org and --signers-post, each once. */
static int gather_signers(struct cli *c, const char **who, int nwho, const char *org,
			  const char *post, long long **ids, int *n)
{
	int rc = 0;
	for (int i = 0; i < nwho && !rc; i++) {
		long long id;
		if (!(rc = cli_person(c, who[i], &id)))
			add_unique(ids, n, id);
	}
	long long org_id = 0;
	if (!rc && org)
		rc = cli_org(c, org, &org_id);
	if (!rc && (org_id || post)) {
		long long *found = NULL;
		int nfound = 0;
		struct strbuf err = {0};
		enum qd_status s = qd_pledge_audience(&c->q, org_id, post, &found, &nfound, &err);
		rc = cli_fail(s, &err);
		sb_free(&err);
		for (int i = 0; i < nfound; i++)
			add_unique(ids, n, found[i]);
		free(found);
	}
	return rc;
}

static int pledge_add(struct cli *c, int argc, char **argv)
{
	const char *title = NULL, *issuer = NULL, *body_file = NULL, *due = NULL, *org = NULL,
		   *post = NULL, **signers = NULL;
	int nsigners = 0, issue = 0;
	const struct opt opts[] = {
		{"--title", &title, NULL, NULL, NULL}, {"--issuer", &issuer, NULL, NULL, NULL},
		{"--signer", NULL, NULL, &signers, &nsigners},
		{"--signers-org", &org, NULL, NULL, NULL}, {"--signers-post", &post, NULL, NULL, NULL},
		{"--body-file", &body_file, NULL, NULL, NULL}, {"--due", &due, NULL, NULL, NULL},
		{"--issue", NULL, &issue, NULL, NULL}, {0}};
	int rc = cli_parse(c, argc, argv, opts, NULL, 0, 0);
	if (rc)
		goto out;
	if (!title || !issuer) {
		rc = cli_usage_error(c, msg(M_MISSING_OPERAND), c->cmd, c->usage);
		goto out;
	}
	if (!nsigners && !org && !post) {
		rc = cli_usage_error(c, "%s", msg(M_PL_NO_SIGNERS));
		goto out;
	}
	struct pledge_fields f = PLEDGE_FIELDS_INIT;
	long long *ids = NULL, *made = NULL;
	int n = 0, added = 0;
	char *body = NULL;
	f.title = title;
	f.due = due;
	if (!(rc = cli_db(c)) && !(rc = cli_person(c, issuer, &f.issuer_id)) &&
	    !(rc = gather_signers(c, signers, nsigners, org, post, &ids, &n)) &&
	    !(rc = body_file ? read_body(body_file, &body) : 0)) {
		struct strbuf err = {0}, skipped = {0};
		f.body = body;
		made = xcalloc((size_t)n + 1, sizeof *made);
		enum qd_status s = qd_pledge_add(&c->q, &f, ids, n, issue, made, &added, &skipped, &err);
		if (skipped.s) {
			char *clean = text_sanitize(skipped.s, 1);
			for (char *line = strtok(clean, "\n"); line; line = strtok(NULL, "\n"))
				fprintf(stderr, "qingdan: %s\n", line);
			free(clean);
		}
		for (int i = 0; i < added; i++)
			printf("%lld\n", made[i]);
		sb_free(&skipped);
		rc = done(s, &err);
	}
	free(body);
	free(ids);
	free(made);
out:
	free(signers);
	return rc;
}

static int pledge_set(struct cli *c, int argc, char **argv)
{
	const char *title = NULL, *body_file = NULL, *due = NULL, *issuer = NULL, *signer = NULL,
		   *version = NULL, *pos[1];
	const struct opt opts[] = {
		{"--title", &title, NULL, NULL, NULL}, {"--body-file", &body_file, NULL, NULL, NULL},
		{"--due", &due, NULL, NULL, NULL}, {"--issuer", &issuer, NULL, NULL, NULL},
		{"--signer", &signer, NULL, NULL, NULL}, {"--if-version", &version, NULL, NULL, NULL},
		{0}};
	long long id;
	int expect;
	int rc = cli_parse(c, argc, argv, opts, pos, 1, 1);
	if (rc || (rc = pledge_id(c, pos[0], &id)) || (rc = expect_version(c, version, &expect)) ||
	    (rc = cli_db(c)))
		return rc;
	struct pledge_fields f = PLEDGE_FIELDS_INIT;
	char *body = NULL;
	f.title = title;
	f.due = due;
	if ((rc = cli_person(c, issuer, &f.issuer_id)) || (rc = cli_person(c, signer, &f.signer_id)) ||
	    (body_file && (rc = read_body(body_file, &body))))
		return rc;
	f.body = body;
	struct strbuf err = {0};
	rc = done(qd_pledge_set(&c->q, id, expect, &f, &err), &err);
	free(body);
	return rc;
}

static int pledge_issue(struct cli *c, int argc, char **argv)
{
	return cli_each_id(c, argc, argv, pledge_id, qd_pledge_issue);
}

static int pledge_archive(struct cli *c, int argc, char **argv)
{
	return cli_each_id(c, argc, argv, pledge_id, qd_pledge_archive);
}

/* ---- sign, assess, void, reissue ---- */

static int pledge_sign(struct cli *c, int argc, char **argv)
{
	const char *party = NULL, *on = NULL, *by = NULL, *proxy = NULL, *method = NULL,
		   *version = NULL, *pos[1];
	const struct opt opts[] = {
		{"--party", &party, NULL, NULL, NULL}, {"--on", &on, NULL, NULL, NULL},
		{"--by", &by, NULL, NULL, NULL}, {"--proxy", &proxy, NULL, NULL, NULL},
		{"--method", &method, NULL, NULL, NULL}, {"--if-version", &version, NULL, NULL, NULL},
		{0}};
	long long id;
	int expect;
	int rc = cli_parse(c, argc, argv, opts, pos, 1, 1);
	if (rc || (rc = pledge_id(c, pos[0], &id)) || (rc = expect_version(c, version, &expect)))
		return rc;
	int p = pledge_party_parse(party ? party : "signer");
	if (p < 0)
		return cli_usage_error(c, msg(M_PL_BAD_PARTY), party);
	struct pledge_sign a = {on, 0, proxy, PM_AUTO};
	if (method && strcmp(method, "paper") == 0)
		a.method = PM_PAPER;
	else if (method && strcmp(method, "tui") == 0)
		a.method = PM_TUI;
	else if (method)
		return cli_usage_error(c, msg(M_PL_BAD_METHOD), method);
	if ((rc = cli_db(c)) || (rc = cli_person(c, by, &a.by_id)))
		return rc;
	struct strbuf err = {0};
	return done(qd_pledge_sign(&c->q, id, expect, (enum pledge_party)p, &a, &err), &err);
}

static int pledge_assess(struct cli *c, int argc, char **argv)
{
	const char *grade = NULL, *score = NULL, *on = NULL, *note = NULL, *pos[1];
	const struct opt opts[] = {
		{"--grade", &grade, NULL, NULL, NULL}, {"--score", &score, NULL, NULL, NULL},
		{"--on", &on, NULL, NULL, NULL}, {"--note", &note, NULL, NULL, NULL}, {0}};
	long long id;
	int rc = cli_parse(c, argc, argv, opts, pos, 1, 1);
	if (rc || (rc = pledge_id(c, pos[0], &id)))
		return rc;
	if (!grade)
		return cli_usage_error(c, msg(M_MISSING_OPERAND), c->cmd, c->usage);
	if (pledge_grade_parse(grade) < 0)
		return cli_usage_error(c, msg(M_PL_BAD_GRADE), grade);
	double points = -1;
	if (score) {
		char *end = NULL;
		points = strtod(score, &end);
		if (!*score || *end || !(points >= 0 && points <= 100))
			return cli_usage_error(c, msg(M_PL_BAD_SCORE), score);
	}
	if ((rc = cli_db(c)))
		return rc;
	struct strbuf err = {0};
	return done(qd_pledge_assess(&c->q, id, 0, grade, points, on, note, &err), &err);
}

static int pledge_void(struct cli *c, int argc, char **argv)
{
	const char *reason = NULL, *successor = NULL, *pos[1];
	const struct opt opts[] = {{"--reason", &reason, NULL, NULL, NULL},
				   {"--successor", &successor, NULL, NULL, NULL}, {0}};
	long long id, next = 0;
	int rc = cli_parse(c, argc, argv, opts, pos, 1, 1);
	if (rc || (rc = pledge_id(c, pos[0], &id)) ||
	    (successor && (rc = pledge_id(c, successor, &next))) || (rc = cli_db(c)))
		return rc;
	struct strbuf err = {0};
	return done(qd_pledge_void(&c->q, id, 0, reason, next, &err), &err);
}

static int pledge_reissue(struct cli *c, int argc, char **argv)
{
	const char *reason = NULL, *title = NULL, *body_file = NULL, *due = NULL, *issuer = NULL,
		   *signer = NULL, *pos[1];
	const struct opt opts[] = {
		{"--reason", &reason, NULL, NULL, NULL}, {"--title", &title, NULL, NULL, NULL},
		{"--body-file", &body_file, NULL, NULL, NULL}, {"--due", &due, NULL, NULL, NULL},
		{"--issuer", &issuer, NULL, NULL, NULL}, {"--signer", &signer, NULL, NULL, NULL}, {0}};
	long long id, new_id = 0;
	int rc = cli_parse(c, argc, argv, opts, pos, 1, 1);
	if (rc || (rc = pledge_id(c, pos[0], &id)) || (rc = cli_db(c)))
		return rc;
	struct pledge_fields f = PLEDGE_FIELDS_INIT;
	char *body = NULL;
	f.title = title;
	f.due = due;
	if ((rc = cli_person(c, issuer, &f.issuer_id)) || (rc = cli_person(c, signer, &f.signer_id)) ||
	    (body_file && (rc = read_body(body_file, &body))))
		return rc;
	f.body = body;
	struct strbuf err = {0};
	enum qd_status s = qd_pledge_reissue(&c->q, id, reason, &f, &new_id, &err);
	if (s == QD_OK)
		printf("%lld\n", new_id);
	free(body);
	return done(s, &err);
}

/* ---- list, progress ---- */

/* For the human table: Chinese headers, labels for coded values, and only
 * the columns that fit a screen (the long proxy note is in pledge show);
 * the other formats pass through untouched (English keys and codes). */
struct label_sink {
	struct rowsink base;
	struct rowsink *to;
	int ncol, nshown;
	const char *const *names;
};

static int table_column(const char *key)
{
	return strcmp(key, "year") != 0 && strcmp(key, "proxy_note") != 0 &&
	       strcmp(key, "successor") != 0;
}

static const char *column_label(const char *key)
{
	static const struct {
		const char *key;
		enum msg_id label;
	} map[] = {
		{"id", M_PL_F_ID}, {"year", M_PL_F_YEAR}, {"title", M_PL_F_TITLE},
		{"issuer", M_PL_ISSUER}, {"signer", M_PL_SIGNER}, {"due", M_PL_F_DUE},
		{"status", M_PL_F_STATUS}, {"flags", M_PL_COL_FLAGS},
		{"issuer_signed", M_PL_COL_ISSUER_SIGNED}, {"signer_signed", M_PL_COL_SIGNER_SIGNED},
		{"proxy", M_PL_PROXY}, {"proxy_note", M_PL_COL_PROXY_NOTE}, {"grade", M_PL_COL_GRADE},
		{"score", M_PL_COL_SCORE}, {"successor", M_PL_F_SUCCESSOR},
	};
	for (size_t i = 0; i < ARRAY_SIZE(map); i++)
		if (strcmp(map[i].key, key) == 0)
			return msg(map[i].label);
	return key;
}

static void label_header(struct rowsink *rs, int ncol, const char *const *names)
{
	struct label_sink *l = (struct label_sink *)rs;
	const char **labels = xcalloc((size_t)ncol, sizeof *labels);
	l->ncol = ncol;
	l->names = names;
	l->nshown = 0;
	for (int i = 0; i < ncol; i++)
		if (table_column(names[i]))
			labels[l->nshown++] = column_label(names[i]);
	l->to->header(l->to, l->nshown, labels);
	free(labels);
}

static void label_row(struct rowsink *rs, const char *const *vals, const char *json)
{
	struct label_sink *l = (struct label_sink *)rs;
	const char **v = xcalloc((size_t)l->ncol, sizeof *v);
	int n = 0;
	for (int i = 0; i < l->ncol; i++) {
		const char *k = l->names[i];
		int st;
		if (!table_column(k))
			continue;
		v[n] = vals[i];
		if (strcmp(k, "status") == 0 && (st = pledge_status_parse(vals[i])) >= 0)
			v[n] = pledge_status_label((enum pledge_status)st);
		else if (strcmp(k, "flags") == 0 && *vals[i])
			v[n] = msg(M_PL_FLAG_OVERDUE);
		else if (strcmp(k, "proxy") == 0)
			v[n] = strcmp(vals[i], "1") == 0 ? msg(M_PL_PROXY) : "";
		n++;
	}
	l->to->row(l->to, v, json);
	free(v);
}

struct list_args {
	struct pledge_filter f;
};

static enum qd_status run_list(struct cli *c, void *ctx, struct rowsink *s, struct strbuf *err)
{
	struct list_args *a = ctx;
	char today[11];
	date_format(date_today(), today);
	if (c->fmt != OUT_TABLE)
		return store_pledge_list(c->q.db, &a->f, today, s, err);
	struct label_sink l = {{label_header, label_row, 0}, s, 0, 0, NULL};
	return store_pledge_list(c->q.db, &a->f, today, &l.base, err);
}

static int pledge_list(struct cli *c, int argc, char **argv)
{
	const char *status = NULL, *signer = NULL, *issuer = NULL, *person = NULL, *search = NULL;
	int overdue = 0, all_years = 0, proxy = 0;
	const struct opt opts[] = {
		{"--status", &status, NULL, NULL, NULL}, {"--signer", &signer, NULL, NULL, NULL},
		{"--issuer", &issuer, NULL, NULL, NULL}, {"--person", &person, NULL, NULL, NULL},
		{"--search", &search, NULL, NULL, NULL}, {"--overdue", NULL, &overdue, NULL, NULL},
		{"--proxy", NULL, &proxy, NULL, NULL}, {"--all-years", NULL, &all_years, NULL, NULL},
		{0}};
	int rc = cli_parse(c, argc, argv, opts, NULL, 0, 0);
	if (rc)
		return rc;
	struct list_args a = {PLEDGE_FILTER_INIT};
	a.f.year = all_years ? 0 : c->q.year;
	a.f.status = status ? pledge_status_parse(status) : -1;
	if (status && a.f.status < 0)
		return cli_usage_error(c, msg(M_PL_BAD_STATUS), status);
	a.f.overdue = overdue;
	a.f.proxy = proxy;
	a.f.search = search;
	if ((rc = cli_db(c)) || (rc = cli_person(c, signer, &a.f.signer_id)) || (rc = cli_person(c, issuer, &a.f.issuer_id)) ||
	    (rc = cli_person(c, person, &a.f.person_id)))
		return rc;
	return cli_list(c, &a, run_list);
}

static int pledge_progress(struct cli *c, int argc, char **argv)
{
	int rc = cli_parse(c, argc, argv, NULL, NULL, 0, 0);
	if (rc || (rc = cli_db(c)))
		return rc;
	struct pledge_progress pp;
	struct strbuf err = {0};
	enum qd_status s = qd_pledge_progress(&c->q, c->q.year, &pp, &err);
	if (s == QD_OK) {
		char *line = pledge_progress_text(&pp);
		puts(line);
		free(line);
	}
	return done(s, &err);
}

/* ---- show ---- */

static void show_line(void *ctx, const char *label, const char *value, int red)
{
	char *clean = text_sanitize(str_empty(value) ? msg(M_NONE) : value, 1);
	int colour = red && *(const int *)ctx;
	printf("%s%s：%s%s\n", colour ? "\033[1;31m" : "", label, clean, colour ? "\033[0m" : "");
	free(clean);
}

static enum qd_status run_pledge_show(struct cli *c, void *ctx, struct rowsink *s,
				      struct strbuf *err)
{
	char today[11];
	return store_pledge_show(c->q.db, *(const long long *)ctx, date_format(date_today(), today), s,
				 err);
}

static int pledge_show(struct cli *c, int argc, char **argv)
{
	const char *pos[1];
	long long id;
	int rc = cli_parse(c, argc, argv, NULL, pos, 1, 1);
	if (rc || (rc = pledge_id(c, pos[0], &id)) || (rc = cli_db(c)))
		return rc;
	struct pledge p;
	struct strbuf err = {0};
	enum qd_status s = qd_pledge_get(&c->q, id, &p, &err);
	if (s != QD_OK)
		return done(s, &err);
	if (c->fmt != OUT_TABLE) {
		pledge_clear(&p);
		return cli_show(c, &id, run_pledge_show);
	}
	const char *no = getenv("NO_COLOR");
	int colour = isatty(STDOUT_FILENO) && (!no || !*no);
	char *st = xasprintf("%s%s%s", pledge_status_label(p.status), p.overdue ? " · " : "",
			     p.overdue ? msg(M_PL_FLAG_OVERDUE) : "");
	printf(msg(M_PL_SHOW_HEAD), p.id, p.year, st);
	putchar('\n');
	free(st);
	pledge_describe(&p, show_line, &colour);
	printf("%s：%d  %s：%s\n", msg(M_PL_F_VERSION), p.version, msg(M_PL_F_UPDATED), p.updated_at);
	printf("%s：\n", msg(M_PL_F_BODY));
	char *body = text_sanitize(p.body, 1);
	printf("%s\n", body);
	free(body);
	pledge_clear(&p);
	return 0;
}

/* ---- print ---- */

/* pledge print ID… | --all | --status S: one document, a group per pledge */
static int pledge_print_cmd(struct cli *c, int argc, char **argv)
{
	const char *status = NULL;
	int all = 0;
	struct cli_paper paper;
	int rc = cli_paper_options(c, &argc, argv, 1, &paper);
	const struct opt opts[] = {{"--all", NULL, &all, NULL, NULL},
				   {"--status", &status, NULL, NULL, NULL}, {0}};
	const char **pos = xcalloc(CLI_MAX_IDS, sizeof *pos);
	long long *ids = NULL;
	struct pledge_print_request r = {.status = -1};
	if (rc || (rc = cli_parse(c, argc, argv, opts, pos, 0, CLI_MAX_IDS)))
		goto out;
	while (r.nids < CLI_MAX_IDS && pos[r.nids])
		r.nids++;
	if ((r.nids > 0) + all + (status != NULL) != 1) {
		rc = cli_usage_error(c, "%s", msg(M_PL_PRINT_WHICH));
		goto out;
	}
	if (status && (r.status = pledge_status_parse(status)) < 0) {
		rc = cli_usage_error(c, msg(M_PL_BAD_STATUS), status);
		goto out;
	}
	ids = xcalloc((size_t)r.nids + 1, sizeof *ids);
	for (int i = 0; i < r.nids && !rc; i++)
		rc = pledge_id(c, pos[i], &ids[i]);
	r.ids = ids;
	if (rc || (rc = cli_db(c)))
		goto out;
	r.year = c->q.year;
	char *name = r.nids == 1 ? xasprintf("pledge-%lld.pdf", ids[0]) : xasprintf("pledges-%d.pdf", r.year);
	if ((rc = cli_paper_ready(c, &paper, name)))
		goto out;
	r.to = paper.to;
	struct pledge_print_result res;
	struct strbuf err = {0};
	enum qd_status s = pledge_print(&c->q, &r, &res, &err);
	if (s == QD_OK && res.pledges == 1) {
		cli_paper_said(&paper, res.code, res.lp_output);
	} else if (s == QD_OK && r.to.lp) {
		char *said = text_sanitize(res.lp_output ? res.lp_output : "", 0);
		fputs("qingdan: ", stderr);
		fprintf(stderr, msg(M_PL_LP_SENT_N),
			r.to.lpo.printer ? r.to.lpo.printer : msg(M_IO_LP_DEFAULT), res.pledges, said);
		fputc('\n', stderr);
		free(said);
	}
	if (s == QD_OK && res.pledges > 1 && r.to.path) {
		fputs("qingdan: ", stderr);
		fprintf(stderr, msg(M_PL_PRINTED_N), r.to.path, res.pledges);
		fputc('\n', stderr);
	}
	pledge_print_result_clear(&res);
	rc = done(s, &err);
out:
	cli_paper_clear(&paper);
	free(pos);
	free(ids);
	return rc;
}

const struct cli_command cli_pledge_commands[] = {
	{"pledge", "add", pledge_add,
	 "pledge add --title T --issuer WHO (--signer WHO … | --signers-org ORG | --signers-post POST) "
	 "[--body-file F] [--due DATE] [--issue]", CLI_WRITE},
	{"pledge", "set", pledge_set,
	 "pledge set ID [--title T] [--body-file F] [--due DATE] [--issuer WHO] [--signer WHO] "
	 "[--if-version N]", CLI_WRITE},
	{"pledge", "issue", pledge_issue, "pledge issue ID …", CLI_WRITE},
	{"pledge", "sign", pledge_sign,
	 "pledge sign ID --party signer|issuer [--on DATE] [--by WHO] [--proxy NOTE] "
	 "[--method paper|tui] [--if-version N]", CLI_WRITE},
	{"pledge", "assess", pledge_assess,
	 "pledge assess ID --grade 优秀|合格|基本合格|不合格 [--score N] [--on DATE] [--note T]", CLI_WRITE},
	{"pledge", "archive", pledge_archive, "pledge archive ID …", CLI_WRITE},
	{"pledge", "void", pledge_void, "pledge void ID --reason R [--successor ID]", CLI_WRITE},
	{"pledge", "reissue", pledge_reissue,
	 "pledge reissue ID --reason R [--body-file F] [--title T] [--due DATE] [--issuer WHO] "
	 "[--signer WHO]", CLI_WRITE},
	{"pledge", "list", pledge_list,
	 "pledge list [--status S] [--overdue] [--proxy] [--signer WHO] [--issuer WHO] "
	 "[--person WHO] [--search TEXT] [--all-years] [--format F]", CLI_READ},
	{"pledge", "show", pledge_show, "pledge show ID [--format F]", CLI_READ},
	{"pledge", "print", pledge_print_cmd,
	 "pledge print (ID … | --all | --status S) [--format pdf|text] [-o FILE [--force]] [--width N] "
	 "[--lp [PRINTER] [--copies N] [--duplex]]", CLI_WRITE},
	{"pledge", "progress", pledge_progress, "pledge progress", CLI_READ},
	{NULL, NULL, NULL, NULL, CLI_READ},
};
