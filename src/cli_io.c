/* cli_io.c — `qingdan import`, `export` and `print` (DESIGN §5): parse,
 * call io.h, print the summary.  Messages about rows stream to stderr as
 * import finds them; a progress line shows for big files. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "qingdan/import_meeting.h"
#include "qingdan/import_problem.h"
#include "qingdan/io.h"
#include "qingdan/msg.h"
#include "qingdan/outfile.h"
#include "qingdan/text.h"
#include "qingdan/tui.h"

/* The TUI's p key prints through io.h: installed before main() runs, as
 * this file is always part of the program (cli.c names its commands). */
__attribute__((constructor)) static void install_tui_print(void)
{
	tui_print_hook = io_tui_print;
	tui_print_suggest_hook = io_tui_print_suggest;
}

static void print_clean(FILE *f, const char *text)
{
	char *clean = text_sanitize(text, 1);
	fprintf(f, "%s\n", clean);
	free(clean);
}

/* ---- import ---- */

struct import_view {
	const char *path;
	int tty;
	int shown;             /* last percent shown, -1 = none */
	time_t last;
};

static void on_report(void *ctx, enum import_note kind, const char *text)
{
	struct import_view *v = ctx;
	if (v->tty && v->shown >= 0) {
		fputs("\r\033[K", stderr);
		v->shown = -1;
	}
	/* --update's plan is the command's output; the notes go with errors */
	if (kind == IMPORT_CHANGE) {
		print_clean(stdout, text);
		fflush(stdout);
	} else {
		print_clean(stderr, text);
	}
}

/* Big files only: on a terminal one line redrawn; else a line per 10%. */
static void on_progress(void *ctx, long done, long total, long rows)
{
	struct import_view *v = ctx;
	if (total < (4L << 20))
		return;
	int pct = (int)(done * 100 / (total ? total : 1));
	if (v->tty) {
		time_t now = time(NULL);
		if (pct == v->shown || (now == v->last && pct < 100))
			return;
		v->last = now;
		fputs("\r\033[K", stderr);
		fprintf(stderr, msg(M_IO_PROGRESS), v->path, pct, rows);
		if (pct >= 100) {
			fputc('\n', stderr);
			pct = -1;
		}
		v->shown = pct;
	} else if (pct / 10 > v->shown / 10 || v->shown < 0) {
		v->shown = pct;
		fprintf(stderr, msg(M_IO_PROGRESS), v->path, pct, rows);
		fputc('\n', stderr);
	}
	fflush(stderr);
}

/* import --meetings FILE: a sign-in sheet (import_meeting.h) */
static int import_meetings(struct cli *c, const char *path, const char *sheet, int dry)
{
	int rc = cli_db(c);
	if (rc)
		return rc;
	struct import_view v = {path, isatty(STDERR_FILENO), -1, 0};
	struct import_request r = {0};
	r.path = path;
	r.sheet = sheet;
	r.dry_run = dry;
	r.report = on_report;
	r.ctx = &v;
	struct meeting_import_result res;
	struct strbuf err = {0};
	enum qd_status s = io_import_meetings(&c->q, &r, &res, &err);
	if (s == QD_OK) {
		printf(msg(dry ? M_MI_DRY_OK : M_MI_IMPORTED), (int)res.meetings, (int)res.attendance,
		       res.encoding);
		putchar('\n');
	}
	rc = cli_fail(s, &err);
	sb_free(&err);
	return rc;
}

/* import --problems FILE [--org ORG] [--source SRC]: a problem list
 * (import_problem.h) */
static int import_problems(struct cli *c, const char *path, const char *sheet, const char *org,
			   const char *source, int dry)
{
	int src = -1;
	if (source && (src = problem_source_parse(source)) < 0)
		return cli_usage_error(c, msg(M_PI_BAD_SOURCE), source);
	struct import_request r = {0};
	int rc = cli_db(c);
	if (rc || (org && (rc = cli_org(c, org, &r.org_id))))
		return rc;
	struct import_view v = {path, isatty(STDERR_FILENO), -1, 0};
	r.path = path;
	r.sheet = sheet;
	r.dry_run = dry;
	r.report = on_report;
	r.ctx = &v;
	struct problem_import_result res;
	struct strbuf err = {0};
	enum qd_status s = io_import_problems(&c->q, &r, src, &res, &err);
	if (s == QD_OK) {
		printf(msg(dry ? M_PI_DRY_OK : M_PI_IMPORTED), res.problems, res.measures, res.encoding);
		putchar('\n');
	}
	rc = cli_fail(s, &err);
	sb_free(&err);
	return rc;
}

static int cmd_import(struct cli *c, int argc, char **argv)
{
	const char *org = NULL, *meetings = NULL, *problems = NULL, *source = NULL, *pos[1] = {NULL};
	const char *sheet = NULL;
	int dry = 0, update = 0, append = 0;
	const struct opt opts[] = {{"--org", &org, NULL, NULL, NULL},
				   {"--update", NULL, &update, NULL, NULL},
				   {"--append", NULL, &append, NULL, NULL},
				   {"--meetings", &meetings, NULL, NULL, NULL},
				   {"--problems", &problems, NULL, NULL, NULL},
				   {"--source", &source, NULL, NULL, NULL},
				   {"--sheet", &sheet, NULL, NULL, NULL},
				   {"--dry-run", NULL, &dry, NULL, NULL}, {0}};
	int rc = cli_parse(c, argc, argv, opts, pos, 0, 1);
	if (!rc && update && append)
		return cli_usage_error(c, "%s", msg(M_RI_ONE_MODE));
	if (!rc && (update || append) && (problems || meetings))
		return cli_usage_error(c, "%s", msg(M_RI_LIST_ONLY));
	if (!rc && problems && (meetings || pos[0]))
		return cli_usage_error(c, "%s", msg(M_PI_ONE_OF));
	if (!rc && source && !problems)
		return cli_usage_error(c, "%s", msg(M_PI_SOURCE_ONLY));
	if (!rc && problems) {
		c->access = dry ? CLI_READ : CLI_WRITE;
		return import_problems(c, problems, sheet, org, source, dry);
	}
	if (!rc && meetings && (org || pos[0]))
		return cli_usage_error(c, "%s", msg(M_MI_ONE_OF));
	if (!rc && meetings) {
		c->access = dry ? CLI_READ : CLI_WRITE;
		return import_meetings(c, meetings, sheet, dry);
	}
	if (!rc && !pos[0])
		return cli_usage_error(c, msg(M_MISSING_OPERAND), c->cmd, c->usage);
	struct import_request r = {0};
	if (!rc && dry)
		c->access = CLI_READ;   /* a check writes nothing, so creates nothing */
	if (rc || (rc = cli_db(c)) || (rc = cli_org(c, org, &r.org_id)))
		return rc;
	struct import_view v = {pos[0], isatty(STDERR_FILENO), -1, 0};
	r.path = pos[0];
	r.sheet = sheet;
	r.dry_run = dry;
	r.mode = update ? IMPORT_UPDATE : append ? IMPORT_APPEND : IMPORT_NEW;
	r.report = on_report;
	r.progress = on_progress;
	r.ctx = &v;
	struct import_result res;
	struct strbuf err = {0};
	enum qd_status s = io_import(&c->q, &r, &res, &err);
	if (s == QD_OK) {
		char *sum = update ? xasprintf(msg(dry ? M_RI_DRY_UPDATED : M_RI_UPDATED), res.updated,
					       res.items, c->q.year, res.encoding, res.orgs,
					       res.unchanged)
				   : xasprintf(msg(dry ? M_IO_DRY_OK : M_IO_IMPORTED), res.items,
					       c->q.year, res.encoding, res.orgs);
		fputs(sum, stdout);
		if (res.people_new)
			printf(msg(dry ? M_IO_WOULD_NEW_PEOPLE : M_IO_NEW_PEOPLE), res.people_new);
		if (res.warnings)
			printf(msg(M_IO_WARNINGS), res.warnings);
		putchar('\n');
		free(sum);
	}
	rc = cli_fail(s, &err);
	sb_free(&err);
	return rc;
}

/* ---- export ---- */

static int cmd_export(struct cli *c, int argc, char **argv)
{
	const char *format = NULL, *out = NULL;
	int force = 0;
	int found = cli_take_option(c, &argc, argv, "--format", 0, &format);
	if (found < 0)
		return 2;
	int fmt = found ? export_parse_format(format) : EXPORT_CSV;
	if (fmt < 0)
		return cli_usage_error(c, msg(M_IO_BAD_EXPORT_FORMAT), format);
	const struct opt opts[] = {{"-o", &out, NULL, NULL, NULL}, {"--output", &out, NULL, NULL, NULL},
				   {"--force", NULL, &force, NULL, NULL}, {0}};
	int rc = cli_parse(c, argc, argv, opts, NULL, 0, 0);
	if (rc)
		return rc;
	if (out && strcmp(out, "-") == 0)
		out = NULL;
	if (!out && fmt == EXPORT_XLSX && isatty(STDOUT_FILENO)) {
		fprintf(stderr, "qingdan: ");
		fprintf(stderr, msg(M_IO_BINARY_TTY), "xlsx");
		fputc('\n', stderr);
		return 2;
	}
	long items = 0;
	if ((rc = cli_db(c)))
		return rc;
	struct strbuf err = {0};
	enum qd_status s = io_export(&c->q, (enum export_format)fmt, out, force ? OUTFILE_FORCE : 0,
				     stdout, &items, &err);
	if (s == QD_OK && out) {
		fputs("qingdan: ", stderr);
		fprintf(stderr, msg(M_IO_EXPORTED), items, out);
		fputc('\n', stderr);
	}
	rc = cli_fail(s, &err);
	sb_free(&err);
	return rc;
}

/* ---- print ---- */

static int cmd_print(struct cli *c, int argc, char **argv)
{
	const char *person = NULL, *org = NULL;
	int all = 0, include_empty = 0;
	struct print_request r = {0};
	struct cli_paper paper;
	int rc = cli_paper_options(c, &argc, argv, 0, &paper);
	const struct opt opts[] = {
		{"--person", &person, NULL, NULL, NULL}, {"--org", &org, NULL, NULL, NULL},
		{"--all", NULL, &all, NULL, NULL},
		{"--include-empty", NULL, &include_empty, NULL, NULL}, {0}};
	if (rc || (rc = cli_parse(c, argc, argv, opts, NULL, 0, 0)))
		return rc;
	r.include_empty = include_empty;
	if ((person != NULL) + (org != NULL) + (all != 0) != 1)
		return cli_usage_error(c, "%s", msg(M_IO_PRINT_WHO));
	r.scope = person ? PRINT_PERSON : org ? PRINT_ORG : PRINT_ALL;
	if ((rc = cli_paper_ready(c, &paper, NULL)) || (rc = cli_db(c)) ||
	    (rc = person ? cli_person(c, person, &r.id) : cli_org(c, org, &r.id))) {
		cli_paper_clear(&paper);
		return rc;
	}
	r.to = paper.to;
	struct print_result res;
	struct strbuf err = {0};
	enum qd_status s = print_checklist(&c->q, &r, &res, &err);
	if (s == QD_OK && r.to.lp) {
		fputs("qingdan: ", stderr);
		fprintf(stderr, msg(M_IO_LP_SENT),
			r.to.lpo.printer ? r.to.lpo.printer : msg(M_IO_LP_DEFAULT), res.people,
			res.lp_output ? res.lp_output : "");
		fputc('\n', stderr);
	} else if (s == QD_OK && r.to.path) {
		fputs("qingdan: ", stderr);
		fprintf(stderr, msg(M_IO_PRINTED), res.people, r.to.path);
		fputc('\n', stderr);
	}
	print_result_clear(&res);
	cli_paper_clear(&paper);
	rc = cli_fail(s, &err);
	sb_free(&err);
	return rc;
}

const struct cli_command cli_io_commands[] = {
	{"import", NULL, cmd_import, "import FILE|- [--sheet NAME] [--org ORG] [--update|--append] "
	 "[--dry-run] | "
	 "import --meetings FILE [--sheet NAME] [--dry-run] | "
	 "import --problems FILE [--sheet NAME] [--org ORG] [--source SRC] [--dry-run]", CLI_CREATE},
	{"export", NULL, cmd_export, "export [--format csv|json|xlsx] [-o FILE [--force]]", CLI_READ},
	/* printing logs its verification code: a write, but never the first */
	{"print", NULL, cmd_print, "print (--person WHO | --org ORG | --all) [--format text|pdf] "
				   "[-o FILE [--force]] [--width N] [--lp [PRINTER] [--copies N] [--duplex]] "
				   "[--include-empty]", CLI_WRITE},
	{NULL, NULL, NULL, NULL, CLI_READ},
};
