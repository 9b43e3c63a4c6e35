/* t_fuzz.c — robustness smoke of the parsers (DESIGN §8): random argument
 * vectors through the real command line (each in its own process: any
 * signal is a failure, any exit status other than 0/1/2 too), and random
 * bytes through the date parser and the width functions.  Deterministic
 * (fixed seed); the rounds shrink in a slow build (tt.h's tt_rounds), and
 * FUZZ_ROUNDS=N asks for N rounds of each for a longer run. */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../src/cli.h"
#include "qingdan/date.h"
#include "qingdan/text.h"
#include "tt.h"

static unsigned long long seed = 0x9E3779B97F4A7C15ULL;

static unsigned rnd(unsigned n)
{
	seed ^= seed << 13;
	seed ^= seed >> 7;
	seed ^= seed << 17;
	return (unsigned)(seed % n);
}

/* tt_rounds: fewer under the sanitizers, FUZZ_ROUNDS=N for a longer run */
#define rounds tt_rounds

static char dir[] = "/tmp/qd_fuzz_XXXXXX";
static const char *pg_db[3];   /* under make test-pg: three databases instead of files */

static const char *const words[] = {
	"init", "--demo", "org", "add", "list", "person", "set", "item", "show", "note", "delete",
	"stats", "audit", "verify", "year", "copy", "help", "--org", "--owner", "--lead", "--person",
	"--status", "--reason", "--content", "--due", "--due-text", "--search", "--overdue",
	"--format", "--level", "--parent", "--login", "--admin", "--active", "--post", "--name",
	"--by", "--entity", "--id", "--code", "--if-version", "--year", "--today", "--lang",
	"--category", "--all-years", "--", "-", "json", "csv", "tsv", "table", "xml", "zh", "en",
	"done", "planned", "in_progress", "已销号", "branch", "party-group", "org", "person",
	"1", "2", "3", "#1", "#999999", "0", "-1", "99999999999999999999", "2026-06-30",
	"2026/2/30", "2026年3月31日", "1899-01-01", "", " ", "王伟", "张三", "机关党委", "党组",
	"中文\x1b[31m", "\xff\xfe", "a\"b,c", "%s%n%x", "yes", "no", "1-deadbeef",
};

static void one_cli_run(int i)
{
	char *argv[16];
	int argc = 0, words_n = 1 + (int)rnd(10);
	argv[argc++] = xstrdup("qingdan");
	argv[argc++] = xstrdup("--db");
	argv[argc++] = pg_db[i % 3] ? xstrdup(pg_db[i % 3]) : xasprintf("%s/f%d.db", dir, i % 3);
	for (int a = 0; a < words_n; a++) {
		const char *w = words[rnd(ARRAY_SIZE(words))];
		/* keep every file it may write inside the temporary folder */
		argv[argc++] = xstrdup(strcmp(w, "backup") == 0 ? "stats" : w);
	}
	argv[argc] = NULL;
	pid_t pid = fork();
	if (pid == 0) {
		int null = open("/dev/null", O_RDWR);
		dup2(null, 0);
		dup2(null, 1);
		dup2(null, 2);
		/* _exit: no leak scan of each child (seconds apiece under ASan on a
		 * loaded machine); crashes and sanitizer errors still fail it, and
		 * the shell tests check the real commands for leaks */
		int rc = cli_main(argc, argv);
		fflush(NULL);
		_exit(rc);
	}
	int st = 0;
	waitpid(pid, &st, 0);
	int ok = WIFEXITED(st) && WEXITSTATUS(st) <= 2;
	if (!ok) {
		fprintf(stderr, "  crash or bad exit (%d) for:", st);
		for (int a = 0; a < argc; a++)
			fprintf(stderr, " [%s]", argv[a]);
		fputc('\n', stderr);
	}
	CHECK(ok);
	for (int a = 0; a < argc; a++)
		free(argv[a]);
}

TEST(cli_random_arguments)
{
	CHECK(mkdtemp(dir) != NULL);
	char *state = xasprintf("%s/state", dir);   /* audit anchors stay inside too */
	setenv("XDG_STATE_HOME", state, 1);
	free(state);
	for (int k = 0; k < 3 && tt_pg(); k++)
		pg_db[k] = tt_db("fuzz");
	for (int i = 0; i < rounds(400); i++)
		one_cli_run(i);
	char *rm = xasprintf("rm -rf %s", dir);
	CHECK(system(rm) == 0);
	free(rm);
}

TEST(dates_random_bytes)
{
	static const char alphabet[] = "0123456789-/.年月日 ０１２３\xff\x80";
	for (int i = 0; i < rounds(200000); i++) {
		char buf[24];
		int len = (int)rnd(sizeof buf - 1);
		for (int k = 0; k < len; k++)
			buf[k] = alphabet[rnd(sizeof alphabet - 1)];
		buf[len] = '\0';
		int day;
		if (date_parse(buf, &day) == 0) {
			char iso[11];
			int again;
			CHECK(date_parse(date_format(day, iso), &again) == 0 && again == day);
		}
	}
}

TEST(text_random_bytes)
{
	for (int i = 0; i < rounds(20000); i++) {
		char buf[64];
		int len = (int)rnd(sizeof buf - 1);
		for (int k = 0; k < len; k++)
			buf[k] = (char)rnd(256);
		buf[len] = '\0';
		int cols = 2 + (int)rnd(20);
		char *fit = text_fit(buf, cols, (int)rnd(2));
		char *pad = text_pad(buf, cols, "lrc"[rnd(3)]);
		CHECK(text_width(fit) <= cols);
		CHECK(text_width(pad) == cols);
		char **lines;
		int n = text_wrap(buf, cols, &lines);
		for (int k = 0; k < n; k++)
			CHECK(text_width(lines[k]) <= cols);
		text_lines_free(lines, n);
		free(fit);
		free(pad);
	}
}

int main(void)
{
	text_init_locale();
	RUN(cli_random_arguments);
	RUN(dates_random_bytes);
	RUN(text_random_bytes);
	return TT_END();
}
