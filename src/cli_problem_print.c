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
	const char *org = NULL, *year = NULL;
	struct cli_paper paper;
	int rc = cli_paper_options(c, &argc, argv, 1, &paper);
	const struct opt opts[] = {
		{"--org", &org, NULL, NULL, NULL}, {"--year", &year, NULL, NULL, NULL}, {0}};
	if (rc || (rc = cli_parse(c, argc, argv, opts, NULL, 0, 0)))
		return rc;
	struct problem_print_request r = {0};
	if (!org)
		return cli_usage_error(c, "%s", msg(M_PP_NEED_ORG));
	if ((rc = cli_year(c, year, M_PP_BAD_YEAR, &r.year)) || (rc = cli_db(c)) ||
	    (rc = cli_org(c, org, &r.org_id)))
		return rc;
	if (!r.year)
		r.year = c->q.year;
	if ((rc = cli_paper_ready(c, &paper, xasprintf("problems-%lld-%d.pdf", r.org_id, r.year))))
		goto out;
	r.to = paper.to;
	char *code = NULL, *lp_said = NULL;
	struct strbuf err = {0};
	enum qd_status s = problem_print(&c->q, &r, &code, &lp_said, &err);
	if (s == QD_OK)
		cli_paper_said(&paper, code, lp_said);
	free(code);
	free(lp_said);
	rc = cli_fail(s, &err);
	sb_free(&err);
out:
	cli_paper_clear(&paper);
	return rc;
}

const struct cli_command cli_problem_print_commands[] = {
	/* printing logs its verification code: a write, but never the first */
	{"problem", "print", problem_print_cmd,
	 "problem print --org ORG [--year Y] [--format pdf|text] [-o FILE [--force]] [--width N] "
	 "[--lp [PRINTER] [--copies N] [--duplex]]", CLI_WRITE},
	{NULL, NULL, NULL, NULL, CLI_READ},
};
