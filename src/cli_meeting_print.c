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

/* What a printed paper says on stderr: where it went and its 校验码
 * (meeting print, problem print). */
void cli_paper_said(const char *path, int lp, const char *printer, const char *code,
		    const char *lp_said)
{
	if (lp) {
		char *said = text_sanitize(lp_said ? lp_said : "", 0);
		fputs("qingdan: ", stderr);
		fprintf(stderr, msg(M_MP_LP_SENT), printer ? printer : msg(M_IO_LP_DEFAULT), code, said);
		fputc('\n', stderr);
		free(said);
	}
	if (path) {
		fputs("qingdan: ", stderr);
		fprintf(stderr, msg(M_MP_PRINTED), path, code);
		fputc('\n', stderr);
	}
}

static int meeting_print_cmd(struct cli *c, int argc, char **argv)
{
	const char *format = "pdf", *printer = NULL, *org = NULL, *year = NULL, *out = NULL,
		   *width = NULL, *pos[1] = {NULL};
	int force = 0;
	int has_format = cli_take_option(c, &argc, argv, "--format", 0, &format);
	int lp = has_format < 0 ? 0 : cli_take_option(c, &argc, argv, "--lp", 1, &printer);
	if (has_format < 0 || lp < 0)
		return 2;
	const struct opt opts[] = {
		{"--org", &org, NULL, NULL, NULL},  {"--year", &year, NULL, NULL, NULL},
		{"-o", &out, NULL, NULL, NULL},     {"--output", &out, NULL, NULL, NULL},
		{"--width", &width, NULL, NULL, NULL}, {"--force", NULL, &force, NULL, NULL}, {0}};
	int rc = cli_parse(c, argc, argv, opts, pos, 0, 1);
	if (rc)
		return rc;
	struct meeting_print_request r = {0};
	if ((pos[0] != NULL) == (org != NULL) || (year && !org))
		return cli_usage_error(c, "%s", msg(M_MP_WHICH));
	if (pos[0] && (rc = cli_id(c, pos[0], &r.id)))
		return rc;
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
			return cli_usage_error(c, msg(M_MP_BAD_YEAR), year);
		r.year = (int)y;
	}
	if ((rc = cli_db(c)) || (org && (rc = cli_org(c, org, &r.org_id))))
		return rc;
	if (!r.year)
		r.year = c->q.year;
	char *path = NULL;
	if (out && strcmp(out, "-") != 0)
		path = xstrdup(out);
	else if (!r.text && !lp && r.id)
		path = xasprintf("meeting-%lld.pdf", r.id);
	else if (!r.text && !lp)
		path = xasprintf("meetings-%lld-%d.pdf", r.org_id, r.year);
	r.path = path;
	r.path_flags = force ? OUTFILE_FORCE : 0;
	r.out = stdout;
	r.lp = lp;
	r.printer = printer;
	char *code = NULL, *lp_said = NULL;
	struct strbuf err = {0};
	enum qd_status s = meeting_print(&c->q, &r, &code, &lp_said, &err);
	if (s == QD_OK)
		cli_paper_said(path, lp, printer, code, lp_said);
	free(code);
	free(lp_said);
	free(path);
	rc = cli_fail(s, &err);
	sb_free(&err);
	return rc;
}

const struct cli_command cli_meeting_print_commands[] = {
	/* printing logs its verification code: a write, but never the first */
	{"meeting", "print", meeting_print_cmd,
	 "meeting print (ID | --org ORG [--year Y]) [--format pdf|text] [-o FILE [--force]] "
	 "[--width N] [--lp [PRINTER]]", CLI_WRITE},
	{NULL, NULL, NULL, NULL, CLI_READ},
};
