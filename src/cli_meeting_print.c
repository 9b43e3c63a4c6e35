/* cli_meeting_print.c — `qingdan meeting print` (issue 11 §7): the 会议记录
 * sheet of one meeting (`meeting print ID`) or the yearly 台账 of an org
 * (`meeting print --org ORG [--year Y]`), as A4 PDF (the default: a file,
 * meeting-ID.pdf or meetings-ORG-YEAR.pdf unless -o names one; or lp) or
 * as text (to stdout unless -o).  The document is meeting_print.c's. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "qingdan/meeting_print.h"
#include "qingdan/outfile.h"
#include "qingdan/text.h"

/* --year Y of meeting print and problem print; 0 or 2 after a usage error. */
int cli_year(struct cli *c, const char *s, enum msg_id bad, int *year)
{
	long long y;
	if (!s)
		return 0;
	if (parse_id(s, &y) != 0 || s[0] == '#' || y < 1900 || y > 9999)
		return cli_usage_error(c, msg(bad), s);
	*year = (int)y;
	return 0;
}

static int meeting_print_cmd(struct cli *c, int argc, char **argv)
{
	const char *org = NULL, *year = NULL, *pos[1] = {NULL};
	struct cli_paper paper;
	int rc = cli_paper_options(c, &argc, argv, 1, &paper);
	const struct opt opts[] = {
		{"--org", &org, NULL, NULL, NULL}, {"--year", &year, NULL, NULL, NULL}, {0}};
	if (rc || (rc = cli_parse(c, argc, argv, opts, pos, 0, 1)))
		return rc;
	struct meeting_print_request r = {0};
	if ((pos[0] != NULL) == (org != NULL) || (year && !org))
		return cli_usage_error(c, "%s", msg(M_MP_WHICH));
	if ((pos[0] && (rc = cli_id(c, pos[0], &r.id))) || (rc = cli_year(c, year, M_MP_BAD_YEAR, &r.year)))
		return rc;
	if ((rc = cli_db(c)) || (org && (rc = cli_org(c, org, &r.org_id))))
		return rc;
	if (!r.year)
		r.year = c->q.year;
	char *name = r.id ? xasprintf("meeting-%lld.pdf", r.id)
			  : xasprintf("meetings-%lld-%d.pdf", r.org_id, r.year);
	if ((rc = cli_paper_ready(c, &paper, name)))
		goto out;
	r.to = paper.to;
	char *code = NULL, *lp_said = NULL;
	struct strbuf err = {0};
	enum qd_status s = meeting_print(&c->q, &r, &code, &lp_said, &err);
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

const struct cli_command cli_meeting_print_commands[] = {
	/* printing logs its verification code: a write, but never the first */
	{"meeting", "print", meeting_print_cmd,
	 "meeting print (ID | --org ORG [--year Y]) [--format pdf|text] [-o FILE [--force]] "
	 "[--width N] [--lp [PRINTER] [--copies N] [--duplex]]", CLI_WRITE},
	{NULL, NULL, NULL, NULL, CLI_READ},
};
