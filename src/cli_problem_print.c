/* cli_problem_print.c — `qingdan problem print --org ORG [--year Y]`
 * (issue 12 §4): the org's 问题清单 and 整改清单 as A4 PDF (the default: a
 * file, problems-ORG-YEAR.pdf unless -o names one; or lp) or as text (to
 * stdout unless -o).  The document is problem_print.c's; the other problem
 * commands are cli_problem.c's. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "qingdan/outfile.h"
#include "qingdan/problem_print.h"
#include "qingdan/text.h"

static int problem_print_cmd(struct cli *c, int argc, char **argv)
{
	const char *format = "pdf", *printer = NULL, *org = NULL, *year = NULL, *out = NULL,
		   *width = NULL;
	int force = 0;
	int has_format = cli_take_option(c, &argc, argv, "--format", 0, &format);
	int lp = has_format < 0 ? 0 : cli_take_option(c, &argc, argv, "--lp", 1, &printer);
	if (has_format < 0 || lp < 0)
		return 2;
	const struct opt opts[] = {
		{"--org", &org, NULL, NULL, NULL},  {"--year", &year, NULL, NULL, NULL},
		{"-o", &out, NULL, NULL, NULL},     {"--output", &out, NULL, NULL, NULL},
		{"--width", &width, NULL, NULL, NULL}, {"--force", NULL, &force, NULL, NULL}, {0}};
	int rc = cli_parse(c, argc, argv, opts, NULL, 0, 0);
	if (rc)
		return rc;
	struct problem_print_request r = {0};
	if (!org)
		return cli_usage_error(c, "%s", msg(M_PP_NEED_ORG));
	if (strcmp(format, "text") == 0 || strcmp(format, "txt") == 0)
		r.text = 1;
	else if (strcmp(format, "pdf") != 0)
		return cli_usage_error(c, msg(M_BAD_CHOICE), c->cmd, "--format", format, "pdf, text");
	if (lp && r.text)
		return cli_usage_error(c, "%s", msg(M_IO_LP_TEXT));
	if (width) {
		long long w;
		if (parse_id(width, &w) != 0 || width[0] == '#' || w < 24 || w > 1000)
			return cli_usage_error(c, msg(M_IO_BAD_WIDTH), width);
		r.width = (int)w;
	}
	if (year) {
		long long y;
		if (parse_id(year, &y) != 0 || year[0] == '#' || y < 1900 || y > 9999)
			return cli_usage_error(c, msg(M_PP_BAD_YEAR), year);
		r.year = (int)y;
	}
	if ((rc = cli_db(c)) || (rc = cli_org(c, org, &r.org_id)))
		return rc;
	if (!r.year)
		r.year = c->q.year;
	char *path = NULL;
	if (out && strcmp(out, "-") != 0)
		path = xstrdup(out);
	else if (!r.text && !lp)
		path = xasprintf("problems-%lld-%d.pdf", r.org_id, r.year);
	r.path = path;
	r.path_flags = force ? OUTFILE_FORCE : 0;
	r.out = stdout;
	r.lp = lp;
	r.printer = printer;
	char *code = NULL, *lp_said = NULL;
	struct strbuf err = {0};
	enum qd_status s = problem_print(&c->q, &r, &code, &lp_said, &err);
	if (s == QD_OK)
		cli_paper_said(path, lp, printer, code, lp_said);
	free(code);
	free(lp_said);
	free(path);
	rc = cli_fail(s, &err);
	sb_free(&err);
	return rc;
}

const struct cli_command cli_problem_print_commands[] = {
	/* printing logs its verification code: a write, but never the first */
	{"problem", "print", problem_print_cmd,
	 "problem print --org ORG [--year Y] [--format pdf|text] [-o FILE [--force]] [--width N] "
	 "[--lp [PRINTER]]", CLI_WRITE},
	{NULL, NULL, NULL, NULL, CLI_READ},
};
