/* cli_remind.c — `qingdan remind`: per person, what is overdue, due soon,
 * waiting for their signature, and the meetings their branch still owes
 * (remind.h), as text for a cron job to mail or as JSON.  Parses,
 * resolves the person, calls remind.h, prints. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "qingdan/remind.h"

static int cmd_remind(struct cli *c, int argc, char **argv)
{
	const char *format = NULL, *person = NULL, *days_s = NULL;
	int found = cli_take_option(c, &argc, argv, "--format", 0, &format);
	if (found < 0)
		return 2;
	const struct opt opts[] = {{"--person", &person, NULL, NULL, NULL},
				   {"--days", &days_s, NULL, NULL, NULL},
				   {0}};
	int rc = cli_parse(c, argc, argv, opts, NULL, 0, 0);
	if (rc)
		return rc;
	int json = 0;
	if (found && strcmp(format, "json") == 0)
		json = 1;
	else if (found && strcmp(format, "text") != 0 && strcmp(format, "txt") != 0)
		return cli_usage_error(c, msg(M_RM_BAD_FORMAT), c->cmd, format);
	int days = -1;
	if (days_s) {
		char *end;
		long v = strtol(days_s, &end, 10);
		if (!*days_s || *end || v < 0 || v > 365 || days_s[0] == '-' || days_s[0] == '+')
			return cli_usage_error(c, msg(M_RM_BAD_DAYS), c->cmd, days_s);
		days = (int)v;
	}
	long long person_id = 0;
	if ((rc = cli_db(c)) || (rc = cli_person(c, person, &person_id)))
		return rc;
	struct remind r;
	struct strbuf err = {0};
	enum qd_status s = remind_gather(&c->q, person_id, days, &r, &err);
	if (s == QD_OK) {
		if ((json ? remind_write_json(&r, stdout) : remind_write_text(&r, stdout)) != 0 ||
		    fflush(stdout) != 0)
			s = QD_IOERROR;
		remind_clear(&r);
	}
	rc = cli_fail(s, &err);
	sb_free(&err);
	return rc;
}

const struct cli_command cli_remind_commands[] = {
	{"remind", NULL, cmd_remind, "remind [--person WHO] [--days N] [--format text|json]", CLI_READ},
	{NULL, NULL, NULL, NULL, CLI_READ},
};
