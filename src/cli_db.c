/* cli_db.c — the `db` command group: whole databases rather than their
 * records.  `db copy FROM TO` moves a database between any two backends
 * (db.h db_copy): the office's SQLite file onto the server, the server's
 * database into a SQLite file for an offline copy, or file to file.  FROM
 * and TO are --db style targets (a path, a postgresql:// URI, pg:SERVICE);
 * the global --db is not used.  Also the progress line and the audit check
 * that `backup` of a server database shares (cli.h). */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "qingdan/db.h"
#include "qingdan/msg.h"

/* ---- shared with backup ---- */

static void on_progress(void *ctx, const char *table, long long done, long long total)
{
	struct cli_copy_view *v = ctx;
	if (!v->tty)
		return;
	fputs("\r\033[K", stderr);
	if (table)
		fprintf(stderr, msg(M_COPY_PROGRESS), table, done, total);
	else
		fputs(msg(M_COPY_VERIFYING), stderr);
	v->shown = 1;
	fflush(stderr);
}

void cli_copy_setup(struct db_copy *how, struct cli_copy_view *v)
{
	memset(how, 0, sizeof *how);
	v->tty = isatty(STDERR_FILENO);
	v->shown = 0;
	how->progress = on_progress;
	how->ctx = v;
	how->verify = qd_audit_verify_db;
}

void cli_copy_clear(struct cli_copy_view *v)
{
	if (v->shown)
		fputs("\r\033[K", stderr);
	v->shown = 0;
	fflush(stderr);
}

/* The verify report without its line end (the summary is one line). */
static const char *report_text(struct db_copy *how)
{
	while (how->report.len && how->report.s[how->report.len - 1] == '\n')
		how->report.s[--how->report.len] = '\0';
	return how->report.s ? how->report.s : "";
}

enum qd_status cli_copy_result(enum qd_status s, enum msg_id as_source, const char *dest,
			       struct db_copy *how, struct strbuf *err)
{
	if (s == QD_VERIFY)
		sb_printf(err, msg(as_source), dest, report_text(how));
	return s;
}

/* ---- db copy ---- */

/* Two names of one SQLite file (or the same server target). */
static int same_target(const char *a, const char *b)
{
	if (db_is_url(a) || db_is_url(b))
		return strcmp(a, b) == 0;
	char ra[PATH_MAX], rb[PATH_MAX];
	return realpath(a, ra) && realpath(b, rb) && strcmp(ra, rb) == 0;
}

static int db_copy_cmd(struct cli *c, int argc, char **argv)
{
	const char *pos[2];
	int rc = cli_parse(c, argc, argv, NULL, pos, 2, 2);
	if (rc)
		return rc;
	const char *from = pos[0], *to = pos[1];
	struct strbuf err = {0};
	struct stat sb;
	if (!db_is_url(from) && stat(from, &sb) != 0) {
		sb_printf(&err, msg(M_COPY_FROM_MISSING), from);
		rc = cli_fail(QD_NOTFOUND, &err);
		sb_free(&err);
		return rc;
	}
	if (same_target(from, to)) {
		sb_printf(&err, msg(M_COPY_SAME), to);
		rc = cli_fail(QD_INVALID, &err);
		sb_free(&err);
		return rc;
	}
	/* the source as any reading command opens it: read-only, anchor checked */
	c->db_path = from;
	c->access = CLI_READ;
	if ((rc = cli_db(c)))
		return rc;
	struct cli_copy_view v;
	struct db_copy how;
	cli_copy_setup(&how, &v);
	enum qd_status s;
	if (!db_is_url(to) && lstat(to, &sb) != 0 && errno == ENOENT) {
		/* a new file: written beside, renamed into place once checked */
		s = db_copy_file(c->q.db, to, 0, &how, &err);
	} else {
		struct db *dst = NULL;
		s = db_open(to, 0, &dst, &err);
		if (s == QD_OK)
			s = db_copy(c->q.db, dst, &how, &err);
		db_close(&dst);
	}
	cli_copy_clear(&v);
	if (s == QD_OK) {
		fputs("qingdan: ", stderr);
		fprintf(stderr, msg(M_COPY_DONE), from, to, how.tables, how.rows, report_text(&how));
		fputc('\n', stderr);
	}
	s = cli_copy_result(s, M_COPY_AS_SOURCE, to, &how, &err);
	sb_free(&how.report);
	rc = cli_fail(s, &err);
	sb_free(&err);
	return rc;
}

const struct cli_command cli_db_commands[] = {
	/* opens its own two databases, not --db */
	{"db", "copy", db_copy_cmd, "db copy FROM TO", CLI_READ},
	{NULL, NULL, NULL, NULL, CLI_READ},
};
