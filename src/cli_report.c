/* cli_report.c — `qingdan report`: the year in figures of a 述职报告
 * (text, md or pdf, --detail, with its 校验码) and `report --assess`, the
 * assessment sheet (csv, tsv or xlsx; table and json as every listing).
 * Parses, calls report.h, writes through outfile.h. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "cli.h"
#include "qingdan/db.h"
#include "qingdan/doc.h"
#include "qingdan/outfile.h"
#include "qingdan/report.h"

static int ends_with(const char *s, const char *ext)
{
	size_t n = s ? strlen(s) : 0, e = strlen(ext);
	return n > e && strcasecmp(s + n - e, ext) == 0;
}

/* The report in fmt to path (NULL: stdout). */
static enum qd_status write_report(struct qd *q, const struct report *r, enum report_format fmt,
				   int detail, const char *path, int flags, struct strbuf *err)
{
	struct outfile o = {.fd = -1};
	enum qd_status s = QD_OK;
	if (path)
		s = outfile_open(&o, path, flags, db_path(q->db), err);
	else if (fmt == RF_PDF)
		s = outfile_scratch(&o, ".pdf", err);
	if (s != QD_OK)
		return s;
	if (fmt == RF_PDF) {
		struct doc *d = doc_new(msg(M_RP_DOC_TITLE));
		report_doc(r, detail, d);
		char why[512] = "";
		if (doc_render_pdf(d, outfile_path(&o), why, sizeof why) != 0) {
			sb_printf(err, msg(M_IO_PDF_FAILED), why);
			s = QD_IOERROR;
		} else if (!path && outfile_copy_to(&o, stdout) != 0) {
			sb_printf(err, msg(M_RP_WRITE), "-", strerror(errno ? errno : EIO));
			s = QD_IOERROR;
		}
		doc_free(&d);
	} else {
		FILE *f = path ? outfile_stream(&o) : stdout;
		if (!f || report_write(r, fmt, detail, f) != 0 || fflush(f) != 0) {
			sb_printf(err, msg(M_RP_WRITE), path ? path : "-", strerror(errno ? errno : EIO));
			s = QD_IOERROR;
		}
	}
	if (s == QD_OK && path)
		s = outfile_commit(&o, err);
	outfile_abort(&o);
	return s;
}

struct assess_args {
	long long org_id;
};

static enum qd_status run_assess(struct cli *c, void *ctx, struct rowsink *s, struct strbuf *err)
{
	const struct assess_args *a = ctx;
	return report_assess(&c->q, c->q.year, a->org_id, s, err);
}

/* The sheet as csv or tsv to a named file. */
static enum qd_status assess_to_file(struct cli *c, long long org_id, enum out_format fmt,
				     const char *path, int flags, int *rows, struct strbuf *err)
{
	struct outfile o = {.fd = -1};
	enum qd_status s = outfile_open(&o, path, flags, db_path(c->q.db), err);
	if (s != QD_OK)
		return s;
	FILE *f = outfile_stream(&o);
	/* a csv file is for Excel and WPS: UTF-8 with a BOM, as export writes */
	if (f && fmt == OUT_CSV)
		fputs("\xEF\xBB\xBF", f);
	struct out_sink out;
	out_init(&out, fmt, f);
	s = report_assess(&c->q, c->q.year, org_id, &out.base, err);
	*rows = out.nrows;
	out_finish(&out);
	if (s == QD_OK && (ferror(f) || fflush(f) != 0)) {
		sb_printf(err, msg(M_RP_WRITE), path, strerror(errno ? errno : EIO));
		s = QD_IOERROR;
	}
	if (s == QD_OK)
		s = outfile_commit(&o, err);
	outfile_abort(&o);
	return s;
}

static int cmd_report(struct cli *c, int argc, char **argv)
{
	const char *format = NULL, *org = NULL, *out = NULL;
	int detail = 0, assess = 0, force = 0;
	int found = cli_take_option(c, &argc, argv, "--format", 0, &format);
	if (found < 0)
		return 2;
	const struct opt opts[] = {{"--org", &org, NULL, NULL, NULL},
				   {"-o", &out, NULL, NULL, NULL},
				   {"--output", &out, NULL, NULL, NULL},
				   {"--force", NULL, &force, NULL, NULL},
				   {"--detail", NULL, &detail, NULL, NULL},
				   {"--assess", NULL, &assess, NULL, NULL},
				   {0}};
	int rc = cli_parse(c, argc, argv, opts, NULL, 0, 0);
	if (rc)
		return rc;
	if (out && strcmp(out, "-") == 0)
		out = NULL;
	int flags = force ? OUTFILE_FORCE : 0;
	enum report_format rf = RF_TEXT;
	int af = OUT_CSV, xlsx = 0;
	if (assess) {
		if (found && strcmp(format, "xlsx") == 0)
			xlsx = 1;
		else if (found && (af = out_parse_format(format)) < 0)
			return cli_usage_error(c, msg(M_RP_BAD_FORMAT), format);
		else if (!found)
			af = ends_with(out, ".xlsx") ? (xlsx = 1, OUT_CSV)
			     : ends_with(out, ".tsv") ? OUT_TSV : OUT_CSV;
	} else if (found) {
		if (strcmp(format, "text") == 0 || strcmp(format, "txt") == 0)
			rf = RF_TEXT;
		else if (strcmp(format, "md") == 0 || strcmp(format, "markdown") == 0)
			rf = RF_MD;
		else if (strcmp(format, "pdf") == 0)
			rf = RF_PDF;
		else
			return cli_usage_error(c, msg(M_RP_BAD_FORMAT), format);
	} else {
		rf = ends_with(out, ".pdf") ? RF_PDF : ends_with(out, ".md") ? RF_MD : RF_TEXT;
	}
	if (!out && (xlsx || (!assess && rf == RF_PDF)) && isatty(STDOUT_FILENO)) {
		fprintf(stderr, "qingdan: ");
		fprintf(stderr, msg(M_IO_BINARY_TTY), xlsx ? "xlsx" : "PDF");
		fputc('\n', stderr);
		return 2;
	}
	long long org_id = 0;
	if ((rc = cli_db(c)) || (rc = cli_org(c, org, &org_id)))
		return rc;
	struct strbuf err = {0};
	enum qd_status s;
	if (assess) {
		if (xlsx) {
			int rows = 0;
			s = report_assess_xlsx(&c->q, c->q.year, org_id, out, flags, stdout, &rows, &err);
			if (s == QD_OK && out) {
				fputs("qingdan: ", stderr);
				fprintf(stderr, msg(M_RP_ASSESS_WRITTEN), out, rows);
				fputc('\n', stderr);
			}
		} else if (out) {
			int rows = 0;
			s = assess_to_file(c, org_id, (enum out_format)af, out, flags, &rows, &err);
			if (s == QD_OK) {
				fputs("qingdan: ", stderr);
				fprintf(stderr, msg(M_RP_ASSESS_WRITTEN), out, rows);
				fputc('\n', stderr);
			}
		} else {
			struct assess_args a = {org_id};
			c->fmt = (enum out_format)af;
			sb_free(&err);
			return cli_list(c, &a, run_assess);
		}
	} else {
		struct report r;
		s = report_gather(&c->q, c->q.year, org_id, &r, &err);
		if (s == QD_OK) {
			s = report_code(&c->q, &r, &err);
			if (s == QD_OK)
				s = write_report(&c->q, &r, rf, detail, out, flags, &err);
			if (s == QD_OK && out) {
				fputs("qingdan: ", stderr);
				fprintf(stderr, msg(M_RP_WRITTEN), out, r.code);
				fputc('\n', stderr);
			}
			report_clear(&r);
		}
	}
	rc = cli_fail(s, &err);
	sb_free(&err);
	return rc;
}

const struct cli_command cli_report_commands[] = {
	/* the 校验码 is logged in the audit chain, as print does: a write, never the first */
	{"report", NULL, cmd_report,
	 "report [--year Y] [--org ORG] [--format text|md|pdf] [-o FILE [--force]] [--detail] | "
	 "report --assess [--year Y] [--org ORG] [--format csv|tsv|xlsx] [-o FILE [--force]]",
	 CLI_WRITE},
	{NULL, NULL, NULL, NULL, CLI_READ},
};
