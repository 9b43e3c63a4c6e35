/* paper.c — where a print document goes (paper.h): a file through
 * outfile.h, standard output, or lp; shared by every print command. */
#include "qingdan/paper.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "qingdan/db.h"
#include "qingdan/doc.h"
#include "qingdan/msg.h"

enum qd_status paper_open(struct paper *p, const struct paper_dest *to, struct qd *q,
			  struct strbuf *err)
{
	memset(p, 0, sizeof *p);
	p->to = to;
	p->o.fd = -1;
	return to->path ? outfile_open(&p->o, to->path, to->path_flags, db_path(q->db), err)
	     : !to->text ? outfile_scratch(&p->o, ".pdf", err) : QD_OK;
}

static void warn_add(void *ctx, const char *text)
{
	struct strbuf *b = ctx;
	sb_printf(b, "%s%s", b->len ? "\n" : "", text);
}

static enum qd_status render(struct paper *p, struct doc *d, struct strbuf *err)
{
	const struct paper_dest *to = p->to;
	if (to->text) {
		FILE *f = to->path ? outfile_stream(&p->o) : to->out;
		int rc = f ? doc_render_text(d, f, to->width) : -1;
		if (f)
			rc |= fflush(f);
		if (rc != 0) {
			sb_printf(err, msg(M_IO_WRITE_FAILED), to->path ? to->path : "-",
				  strerror(errno ? errno : EIO));
			return QD_IOERROR;
		}
		return QD_OK;
	}
	char why[512] = "";
	/* the undrawable characters: named for the file, to stderr or the TUI's line */
	doc_set_warn(d, to->path ? to->path : to->lp ? "lp" : "-", to->warn ? warn_add : NULL, to->warn);
	if (doc_render_pdf(d, outfile_path(&p->o), why, sizeof why) != 0) {
		sb_printf(err, msg(M_IO_PDF_FAILED), why);
		return QD_IOERROR;
	}
	return QD_OK;
}

enum qd_status paper_finish(struct paper *p, struct doc *d, enum qd_status s, const char *title,
			    char **lp_output, struct strbuf *err)
{
	const struct paper_dest *to = p->to;
	if (lp_output)
		*lp_output = NULL;
	if (s == QD_OK)
		s = render(p, d, err);
	if (s == QD_OK && to->path) {
		s = outfile_commit(&p->o, err);
	} else if (s == QD_OK && !to->text && !to->lp && outfile_copy_to(&p->o, to->out) != 0) {
		sb_printf(err, msg(M_IO_WRITE_FAILED), "-", strerror(errno ? errno : EIO));
		s = QD_IOERROR;
	}
	if (s == QD_OK && to->lp && !to->text) {
		char *said = NULL;
		s = print_lp(&to->lpo, to->path ? to->path : outfile_temp_name(&p->o), title, &said, err);
		if (lp_output)
			*lp_output = said;
		else
			free(said);
	}
	outfile_abort(&p->o);   /* the scratch PDF (a committed file is left alone) */
	return s;
}

/* Run lp on the PDF; its output (the request id) goes to *output. */
enum qd_status print_lp(const struct lp_opts *o, const char *pdf, const char *title, char **output,
			struct strbuf *err)
{
	int fds[2];
	if (pipe(fds) != 0) {
		sb_printf(err, msg(M_IO_LP_EXEC), strerror(errno));
		return QD_IOERROR;
	}
	/* lp takes the file last; a name starting with '-' gets "./" */
	char *argv[16];
	int n = 0;
	argv[n++] = xstrdup("lp");
	if (!str_empty(o->printer)) {
		argv[n++] = xstrdup("-d");
		argv[n++] = xstrdup(o->printer);
	}
	if (o->copies > 1) {
		argv[n++] = xstrdup("-n");
		argv[n++] = xasprintf("%d", o->copies);
	}
	argv[n++] = xstrdup("-o");
	argv[n++] = xstrdup("media=A4");
	if (o->duplex) {
		argv[n++] = xstrdup("-o");
		argv[n++] = xstrdup("sides=two-sided-long-edge");
	}
	argv[n++] = xstrdup("-t");
	argv[n++] = xstrdup(title);
	argv[n++] = pdf[0] == '-' ? xasprintf("./%s", pdf) : xstrdup(pdf);
	argv[n] = NULL;
	fflush(NULL);
	pid_t pid = fork();
	if (pid < 0) {
		close(fds[0]);
		close(fds[1]);
		for (int i = 0; i < n; i++)
			free(argv[i]);
		sb_printf(err, msg(M_IO_LP_EXEC), strerror(errno));
		return QD_IOERROR;
	}
	if (pid == 0) {
		int null = open("/dev/null", O_RDONLY);
		if (null >= 0)
			dup2(null, 0);
		dup2(fds[1], 1);
		dup2(fds[1], 2);
		close(fds[0]);
		execvp("lp", argv);
		dprintf(2, "\x01%s", strerror(errno));
		_exit(127);
	}
	close(fds[1]);
	for (int i = 0; i < n; i++)
		free(argv[i]);
	struct strbuf out = {0};
	char buf[4096];
	ssize_t k;
	sb_puts(&out, "");
	while ((k = read(fds[0], buf, sizeof buf)) > 0 || (k < 0 && errno == EINTR))
		if (k > 0)
			sb_add(&out, buf, (size_t)k);
	close(fds[0]);
	int st = 0;
	while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
		;
	while (out.len && (out.s[out.len - 1] == '\n' || out.s[out.len - 1] == '\r'))
		out.s[--out.len] = '\0';
	enum qd_status s = QD_OK;
	if (out.s[0] == '\x01') {
		sb_printf(err, msg(M_IO_LP_EXEC), out.s + 1);
		s = QD_IOERROR;
	} else if (!WIFEXITED(st) || WEXITSTATUS(st) != 0) {
		sb_printf(err, msg(M_IO_LP_FAILED), WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st),
			  out.s);
		s = QD_IOERROR;
	} else {
		*output = sb_take(&out);
	}
	sb_free(&out);
	return s;
}
