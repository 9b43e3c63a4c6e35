/* cli_print.c — the options every print command shares (print, pledge
 * print, meeting print, problem print): --format pdf|text, -o FILE,
 * --force, --width N, --lp [PRINTER], --copies N, --duplex; the `printer`
 * setting as the default of --lp; and the line a printed paper says. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "cli.h"
#include "qingdan/outfile.h"
#include "qingdan/text.h"

/* Take a flag out of argv (up to "--"); 1 if it was there. */
static int take_flag(int *argc, char **argv, const char *name)
{
	int found = 0;
	for (int i = 0; i < *argc && strcmp(argv[i], "--") != 0; i++)
		if (strcmp(argv[i], name) == 0) {
			memmove(&argv[i], &argv[i + 1], (size_t)(*argc - i - 1) * sizeof *argv);
			(*argc)--;
			i--;
			found = 1;
		}
	return found;
}

/* --lp, --lp PRINTER or --lp=PRINTER.  A following word that is an id
 * (12, #12) is an operand of `pledge print --lp 12`, not a printer: a
 * printer of such a name is given as --lp=12. */
static int take_lp(int *argc, char **argv, const char **printer)
{
	int found = 0;
	for (int i = 0; i < *argc && strcmp(argv[i], "--") != 0; i++) {
		int drop = 0;
		long long id;
		if (strncmp(argv[i], "--lp=", 5) == 0) {
			*printer = argv[i] + 5;
			drop = 1;
		} else if (strcmp(argv[i], "--lp") == 0) {
			int has = i + 1 < *argc && argv[i + 1][0] != '-' && parse_id(argv[i + 1], &id) != 0;
			*printer = has ? argv[i + 1] : NULL;
			drop = has ? 2 : 1;
		}
		if (!drop)
			continue;
		memmove(&argv[i], &argv[i + drop], (size_t)(*argc - i - drop) * sizeof *argv);
		*argc -= drop;
		i--;
		found = 1;
	}
	return found;
}

static int ends_with_pdf(const char *s)
{
	size_t n = s ? strlen(s) : 0;
	return n > 4 && strcasecmp(s + n - 4, ".pdf") == 0;
}

int cli_paper_options(struct cli *c, int *argc, char **argv, int pdf_default, struct cli_paper *p)
{
	const char *format = NULL, *width = NULL, *copies = NULL;
	memset(p, 0, sizeof *p);
	p->to.out = stdout;
	if (cli_take_option(c, argc, argv, "--format", 0, &format) < 0 ||
	    cli_take_option(c, argc, argv, "-o", 0, &p->out) < 0 ||
	    cli_take_option(c, argc, argv, "--output", 0, &p->out) < 0 ||
	    cli_take_option(c, argc, argv, "--width", 0, &width) < 0 ||
	    cli_take_option(c, argc, argv, "--copies", 0, &copies) < 0)
		return 2;
	if (c->dump_opts)
		puts("--lp\n--duplex\n--force");
	p->to.lp = take_lp(argc, argv, &p->to.lpo.printer);
	p->to.lpo.duplex = take_flag(argc, argv, "--duplex");
	p->force = take_flag(argc, argv, "--force");
	if (format && (strcmp(format, "text") == 0 || strcmp(format, "txt") == 0))
		p->to.text = 1;
	else if (format && strcmp(format, "pdf") != 0)
		return cli_usage_error(c, msg(M_BAD_CHOICE), c->cmd, "--format", format, "pdf, text");
	else if (!format)   /* print: text unless the PDF is asked for */
		p->to.text = !pdf_default && !p->to.lp && !ends_with_pdf(p->out);
	if (p->to.lp && p->to.text)
		return cli_usage_error(c, "%s", msg(M_IO_LP_TEXT));
	if ((copies || p->to.lpo.duplex) && !p->to.lp)
		return cli_usage_error(c, "%s", msg(M_IO_LP_ONLY));
	long long n;
	if (width) {
		if (parse_id(width, &n) != 0 || width[0] == '#' || n < 24 || n > 1000)
			return cli_usage_error(c, msg(M_IO_BAD_WIDTH), width);
		p->to.width = (int)n;
	}
	if (copies) {
		if (parse_id(copies, &n) != 0 || copies[0] == '#' || n < 1 || n > LP_MAX_COPIES)
			return cli_usage_error(c, msg(M_IO_BAD_COPIES), copies, LP_MAX_COPIES);
		p->to.lpo.copies = (int)n;
	}
	if (p->out && strcmp(p->out, "-") == 0)
		p->out = NULL;
	p->to.path_flags = p->force ? OUTFILE_FORCE : 0;
	return 0;
}

int cli_paper_ready(struct cli *c, struct cli_paper *p, char *default_name)
{
	free(p->path);
	p->path = p->out ? xstrdup(p->out) : !p->to.text && !p->to.lp ? default_name : NULL;
	if (p->path != default_name)
		free(default_name);
	p->to.path = p->path;
	if (!p->to.path && !p->to.lp && !p->to.text && isatty(STDOUT_FILENO)) {
		fprintf(stderr, "qingdan: ");
		fprintf(stderr, msg(M_IO_BINARY_TTY), "PDF");
		fputc('\n', stderr);
		return 2;
	}
	/* the `printer` setting is the default of every --lp */
	if (p->to.lp && !p->to.lpo.printer) {
		int rc = cli_db(c);
		if (rc)
			return rc;
		free(p->printer);
		p->printer = qd_setting(&c->q, "printer");
		p->to.lpo.printer = str_empty(p->printer) ? NULL : p->printer;
	}
	return 0;
}

void cli_paper_clear(struct cli_paper *p)
{
	free(p->path);
	free(p->printer);
	p->path = p->printer = NULL;
}

void cli_paper_said(const struct cli_paper *p, const char *code, const char *lp_said)
{
	if (p->to.lp) {
		char *said = text_sanitize(lp_said ? lp_said : "", 0);
		fputs("qingdan: ", stderr);
		fprintf(stderr, msg(M_MP_LP_SENT),
			p->to.lpo.printer ? p->to.lpo.printer : msg(M_IO_LP_DEFAULT), code, said);
		fputc('\n', stderr);
		free(said);
	}
	if (p->to.path) {
		fputs("qingdan: ", stderr);
		fprintf(stderr, msg(M_MP_PRINTED), p->to.path, code);
		fputc('\n', stderr);
	}
}
