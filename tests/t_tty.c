/* t_tty.c — nothing raw reaches a terminal (issue 8 item 7): the real
 * binary ($QD_BIN) prints an item whose content carries escape sequences
 * (a window-title change and a screen clear) in every listing format and
 * through `export`, once on a pseudo-terminal (forkpty) — where no ESC
 * byte may come out — and once into a pipe, where the data must come out
 * exactly as stored. */
#include <errno.h>
#include <poll.h>
#include <pty.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "qingdan/date.h"
#include "qingdan/db.h"
#include "qingdan/model.h"
#include "tt.h"

#define EVIL "\033]0;pwned\007\033[2J"
#define BIDI "\xE2\x80\xAE"            /* U+202E RIGHT-TO-LEFT OVERRIDE */
#define CONTENT "看" EVIL "这里" BIDI "末尾"

static char dbpath[512];

static const char *qd_bin(void)
{
	const char *b = getenv("QD_BIN");
	return b && *b ? b : "build/qingdan";
}

static void make_db(void)
{
	snprintf(dbpath, sizeof dbpath, "%s", tt_db("tty"));
	struct qd q = {0};
	struct strbuf err = {0};
	q.year = 2026;
	date_set_today(date_from_ymd(2026, 6, 30));
	if (qd_open(&q, dbpath, DB_CREATE, &err) != QD_OK || qd_ensure_defaults(&q, &err) != QD_OK)
		abort();
	struct item_fields f = ITEM_FIELDS_INIT;
	long long id;
	f.content = CONTENT;
	f.category = "分类" EVIL;
	if (qd_item_add(&q, 2, &f, &id, &err) != QD_OK)
		abort();
	/* a byte that is not UTF-8, as an older version or another writer of
	 * the file may have left it (the model refuses such text; a
	 * PostgreSQL database in UTF8 refuses it itself) */
	f.content = "坏字节";
	f.category = "";
	if (qd_item_add(&q, 2, &f, &id, &err) != QD_OK)
		abort();
	if (!tt_pg() && tt_exec(q.db, "UPDATE item SET content = content || CAST(X'FF' AS TEXT) "
				"WHERE content = '坏字节'") != SQL_OK)
		abort();
	qd_close(&q);
	sb_free(&err);
}

/* Runs qingdan with args (NULL-terminated, after --db and --today) with
 * stdout on a pty (tty = 1) or a pipe; returns everything it wrote. */
static char *run(int tty, const char *const *args, size_t *len)
{
	char *argv[32] = {xstrdup(qd_bin()), xstrdup("--db"), xstrdup(dbpath), xstrdup("--today"),
			  xstrdup("2026-06-30")};
	int n = 5;
	for (; *args && n < 31; args++)
		argv[n++] = xstrdup(*args);
	argv[n] = NULL;
	int fd, p[2] = {-1, -1};
	pid_t pid;
	if (tty) {
		struct winsize ws = {24, 200, 0, 0};
		pid = forkpty(&fd, NULL, NULL, &ws);
	} else {
		if (pipe(p) != 0)
			abort();
		pid = fork();
		fd = p[0];
	}
	if (pid < 0)
		abort();
	if (pid == 0) {
		if (!tty) {
			dup2(p[1], STDOUT_FILENO);
			close(p[0]);
			close(p[1]);
		}
		setenv("LC_ALL", "C.UTF-8", 1);
		execv(argv[0], argv);
		_exit(127);
	}
	if (!tty)
		close(p[1]);
	struct strbuf b = {0};
	char buf[4096];
	for (;;) {
		ssize_t k = read(fd, buf, sizeof buf);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)    /* EOF, or EIO once the pty's child is gone */
			break;
		sb_add(&b, buf, (size_t)k);
	}
	close(fd);
	for (int i = 0; i < n; i++)
		free(argv[i]);
	int st;
	waitpid(pid, &st, 0);
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0);
	*len = b.len;
	return b.s ? sb_take(&b) : xstrdup("");
}

static int has_byte(const char *s, size_t n, unsigned char c)
{
	return memchr(s, c, n) != NULL;
}

/* On the terminal: no ESC, no BEL, no bare U+202E; the text around the
 * sequence is still there. */
static void check_tty(const char *const *args)
{
	size_t n;
	char *out = run(1, args, &n);
	CHECK(n > 0);
	CHECK(!has_byte(out, n, 0x1b));
	CHECK(!has_byte(out, n, 0x07));
	CHECK(!has_byte(out, n, 0xff));
	CHECK_CONTAINS(out, "看");
	CHECK_CONTAINS(out, "末尾");
	if (has_byte(out, n, 0x1b))
		fprintf(stderr, "  raw ESC on the terminal from %s %s\n", args[0], args[1]);
	free(out);
}

static void check_pipe(const char *const *args, const char *exact)
{
	size_t n;
	char *out = run(0, args, &n);
	CHECK_CONTAINS(out, exact);
	CHECK_CONTAINS(out, tt_pg() ? "坏字节" : "坏字节\xff");
	free(out);
}

TEST(tsv_to_terminal_is_clean_to_pipe_exact)
{
	make_db();
	const char *a[] = {"item", "list", "--format", "tsv", NULL};
	check_tty(a);
	check_pipe(a, "\t" CONTENT "\t");
}

TEST(csv_to_terminal_is_clean_to_pipe_exact)
{
	make_db();
	const char *a[] = {"item", "list", "--format", "csv", NULL};
	check_tty(a);
	check_pipe(a, "," CONTENT ",");
}

TEST(json_to_terminal_is_clean_to_pipe_exact)
{
	make_db();
	const char *a[] = {"item", "list", "--format", "json", NULL};
	check_tty(a);
	/* SQLite's JSON escapes the control characters: \u001b, \u0007 */
	check_pipe(a, "\"看\\u001b]0;pwned\\u0007\\u001b[2J这里" BIDI "末尾\"");
}

TEST(table_to_terminal_is_clean)
{
	make_db();
	const char *a[] = {"item", "list", "--format", "table", NULL};
	check_tty(a);
}

TEST(export_csv_to_terminal_is_clean_to_pipe_exact)
{
	make_db();
	const char *a[] = {"export", "--format", "csv", NULL};
	check_tty(a);
	check_pipe(a, "," CONTENT ",");
}

TEST(export_json_to_terminal_is_clean)
{
	make_db();
	const char *a[] = {"export", "--format", "json", NULL};
	check_tty(a);
}

int main(void)
{
	RUN(tsv_to_terminal_is_clean_to_pipe_exact);
	RUN(csv_to_terminal_is_clean_to_pipe_exact);
	RUN(json_to_terminal_is_clean_to_pipe_exact);
	RUN(table_to_terminal_is_clean);
	RUN(export_csv_to_terminal_is_clean_to_pipe_exact);
	RUN(export_json_to_terminal_is_clean);
	return TT_END();
}
