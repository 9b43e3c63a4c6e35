/* tui_bench.c — the interactive screen against DESIGN §8, measured from
 * outside on a pseudo-terminal, each figure beside a floor measured in the
 * same run:
 *
 *   first screen   exec → the first full screen out (the program writes a
 *                  "paint NS" line to QINGDAN_TUI_TRACE after each screen);
 *                  floor: exec → exit of sqlite3 running the first page's
 *                  query, and of `qingdan item list --org` on the same list
 *   key → screen   200 presses of Down, then 200 of PgDn, each timed from
 *                  the write of the key to the screen written; floor: the
 *                  same pty round trip through cat in raw mode
 *   memory         VmRSS and VmHWM of the session after the 400 presses
 *
 *   tui_bench QINGDAN DB [COLSxLINES]
 *
 * It only reads the database (the session opens it as the program does;
 * nothing is changed). */
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

static long long now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static int cmp_ll(const void *a, const void *b)
{
	long long x = *(const long long *)a, y = *(const long long *)b;
	return x < y ? -1 : x > y;
}

static void stats(long long *v, int n, double *median, double *worst)
{
	qsort(v, (size_t)n, sizeof *v, cmp_ll);
	*median = v[n / 2] / 1e6;
	*worst = v[n - 1] / 1e6;
}

struct session {
	pid_t pid;
	int pty, trace;
	char buf[256];
	size_t len;
};

static void drain(int fd)
{
	char b[65536];
	while (read(fd, b, sizeof b) > 0)
		;
}

/* The next "paint NS" line from the trace pipe, draining the pty the
 * while; 0 on timeout. */
static long long next_paint(struct session *s, int timeout_ms)
{
	long long end = now_ns() + (long long)timeout_ms * 1000000;
	for (;;) {
		char *nl = memchr(s->buf, '\n', s->len);
		if (nl) {
			long long ns = 0;
			sscanf(s->buf, "paint %lld", &ns);
			size_t used = (size_t)(nl - s->buf) + 1;
			memmove(s->buf, nl + 1, s->len - used);
			s->len -= used;
			return ns;
		}
		long long left = (end - now_ns()) / 1000000;
		if (left <= 0)
			return 0;
		struct pollfd p[2] = {{s->trace, POLLIN, 0}, {s->pty, POLLIN, 0}};
		if (poll(p, 2, (int)left) <= 0)
			continue;
		if (p[1].revents & POLLIN)
			drain(s->pty);
		if (p[0].revents & POLLIN) {
			ssize_t n = read(s->trace, s->buf + s->len, sizeof s->buf - 1 - s->len);
			if (n > 0)
				s->len += (size_t)n;
		}
	}
}

static int start(struct session *s, const char *bin, const char *db, int cols, int lines,
		 long long *t0)
{
	int p[2];
	if (pipe(p) != 0)
		return -1;
	memset(s, 0, sizeof *s);
	struct winsize ws = {(unsigned short)lines, (unsigned short)cols, 0, 0};
	*t0 = now_ns();
	s->pid = forkpty(&s->pty, NULL, NULL, &ws);
	if (s->pid < 0)
		return -1;
	if (s->pid == 0) {
		dup2(p[1], 3);
		char trace[] = "QINGDAN_TUI_TRACE=3", term[] = "TERM=xterm-256color",
		     lang[] = "LANG=C.UTF-8", path[] = "PATH=/usr/bin:/bin", tz[] = "TZ=Asia/Shanghai";
		char *envp[] = {trace, term, lang, path, tz, NULL};
		char b[512], d[512], o1[] = "--db", o2[] = "--today", today[] = "2026-06-30";
		snprintf(b, sizeof b, "%s", bin);
		snprintf(d, sizeof d, "%s", db);
		char *argv[] = {b, o1, d, o2, today, NULL};
		execve(b, argv, envp);
		_exit(127);
	}
	close(p[1]);
	s->trace = p[0];
	fcntl(s->pty, F_SETFL, fcntl(s->pty, F_GETFL) | O_NONBLOCK);
	fcntl(s->trace, F_SETFL, fcntl(s->trace, F_GETFL) | O_NONBLOCK);
	return 0;
}

static void stop(struct session *s)
{
	if (write(s->pty, "q", 1) != 1)
		kill(s->pid, SIGTERM);
	for (int i = 0; i < 500; i++) {
		if (waitpid(s->pid, NULL, WNOHANG) == s->pid)
			goto done;
		drain(s->pty);
		usleep(2000);
	}
	kill(s->pid, SIGKILL);
	waitpid(s->pid, NULL, 0);
done:
	close(s->pty);
	close(s->trace);
}

/* exec → exit of a command, in ns. */
static long long run_once(char *const argv[])
{
	long long t0 = now_ns();
	pid_t pid = fork();
	if (pid == 0) {
		int null = open("/dev/null", O_WRONLY);
		dup2(null, 1);
		dup2(null, 2);
		execvp(argv[0], argv);
		_exit(127);
	}
	int st;
	waitpid(pid, &st, 0);
	return now_ns() - t0;
}

static long long proc_kb(pid_t pid, const char *field)
{
	char path[64], line[256];
	snprintf(path, sizeof path, "/proc/%d/status", (int)pid);
	FILE *f = fopen(path, "r");
	long long kb = -1;
	size_t n = strlen(field);
	while (f && fgets(line, sizeof line, f))
		if (strncmp(line, field, n) == 0)
			kb = atoll(line + n + 1);
	if (f)
		fclose(f);
	return kb;
}

/* Key presses: each write to its screen.  With every > 0, `again` is
 * pressed (untimed) before every that many, so paging never runs dry at
 * the end of a short list. */
static int presses_cycle(struct session *s, const char *key, int n, long long *out,
			 const char *again, int every)
{
	for (int i = 0; i < n; i++) {
		if (every > 0 && i % every == 0 && again) {
			if (write(s->pty, again, strlen(again)) < 0 || !next_paint(s, 5000))
				return -1;
		}
		long long t0 = now_ns();
		if (write(s->pty, key, strlen(key)) < 0)
			return -1;
		long long t1 = next_paint(s, 5000);
		if (!t1)
			return -1;
		out[i] = t1 - t0;
	}
	return 0;
}

static int presses(struct session *s, const char *key, int n, long long *out)
{
	return presses_cycle(s, key, n, out, NULL, 0);
}

/* The pty round trip through cat in raw mode. */
static void echo_floor(int n, long long *out)
{
	int fd;
	struct winsize ws = {24, 80, 0, 0};
	pid_t pid = forkpty(&fd, NULL, NULL, &ws);
	if (pid == 0) {
		struct termios tio;
		tcgetattr(0, &tio);
		cfmakeraw(&tio);
		tcsetattr(0, TCSANOW, &tio);
		execlp("cat", "cat", (char *)NULL);
		_exit(127);
	}
	usleep(50000);
	for (int i = 0; i < n; i++) {
		char c = 'x', r;
		long long t0 = now_ns();
		if (write(fd, &c, 1) != 1)
			break;
		struct pollfd p = {fd, POLLIN, 0};
		poll(&p, 1, 1000);
		if (read(fd, &r, 1) != 1)
			break;
		out[i] = now_ns() - t0;
	}
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
	close(fd);
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: tui_bench QINGDAN DB [COLSxLINES]\n");
		return 2;
	}
	const char *bin = argv[1], *db = argv[2];
	int cols = 120, lines = 40;
	if (argc > 3)
		sscanf(argv[3], "%dx%d", &cols, &lines);
	enum { RUNS = 21, KEYS = 200 };
	long long first[RUNS], t0;
	struct session s;

	/* warm the file, then time the first screen */
	for (int i = -2; i < RUNS; i++) {
		if (start(&s, bin, db, cols, lines, &t0) != 0)
			return 1;
		long long t1 = next_paint(&s, 10000);
		if (!t1) {
			fprintf(stderr, "tui_bench: no screen from %s\n", bin);
			return 1;
		}
		if (i >= 0)
			first[i] = t1 - t0;
		stop(&s);
	}
	double med, worst;
	stats(first, RUNS, &med, &worst);

	long long floor_sql[RUNS], floor_cli[RUNS];
	char q[] = "SELECT i.id, i.seq, i.category, i.content, ow.name, i.due, i.status "
		   "FROM item i JOIN list l ON l.id = i.list_id LEFT JOIN person ow ON ow.id = i.owner_id "
		   "WHERE l.org_id = 1 AND l.year = 2026 AND i.deleted_at IS NULL ORDER BY i.seq LIMIT 40";
	char sqlite[] = "sqlite3", ro[] = "-readonly", dbc[512];
	snprintf(dbc, sizeof dbc, "%s", db);
	char *sql_argv[] = {sqlite, ro, dbc, q, NULL};
	/* a server: the same query by psql, connection included */
	char psql[] = "psql", px[] = "-X", pa[] = "-At", pd[] = "-d", pc[] = "-c";
	char *pg_argv[] = {psql, px, pa, pd, dbc, pc, q, NULL};
	int server = strncmp(db, "postgres", 8) == 0 || strncmp(db, "pg:", 3) == 0;
	if (server && !strncmp(db, "pg:", 3))
		snprintf(dbc, sizeof dbc, "service=%s", db + 3);
	char binc[512], o1[] = "--db", o2[] = "--today", today[] = "2026-06-30", item[] = "item",
	     list[] = "list", org[] = "--org", party[] = "党组", fmt[] = "--format", tsv[] = "tsv";
	snprintf(binc, sizeof binc, "%s", bin);
	char *cli_argv[] = {binc, o1, dbc, o2, today, item, list, org, party, fmt, tsv, NULL};
	for (int i = 0; i < RUNS; i++) {
		floor_sql[i] = run_once(server ? pg_argv : sql_argv);
		floor_cli[i] = run_once(cli_argv);
	}
	double fsql, fsqlw, fcli, fcliw;
	stats(floor_sql, RUNS, &fsql, &fsqlw);
	stats(floor_cli, RUNS, &fcli, &fcliw);
	printf("tui first screen (%dx%d): median %.1f ms, worst %.1f ms over %d runs; "
	       "floor: %s first-page query %.1f ms, qingdan item list --org 党组 %.1f ms\n",
	       cols, lines, med, worst, RUNS, server ? "psql" : "sqlite3", fsql, fcli);

	long long down[KEYS], pgdn[KEYS], people[KEYS], echo[KEYS], busy[KEYS], one[1];
	if (start(&s, bin, db, cols, lines, &t0) != 0 || !next_paint(&s, 10000))
		return 1;
	/* Down from the top (moves, then scrolls a row at a time); PgDn
	 * through the list, back to the top (untimed) every 4 pages */
	int bad = presses(&s, "\033OB", KEYS, down) ||
		  presses_cycle(&s, "\033[6~", KEYS, pgdn, "\033OH", 4);
	long long rss = proc_kb(s.pid, "VmRSS"), hwm = proc_kb(s.pid, "VmHWM");
	/* the people view (100k people at L), paged the same way */
	bad = bad || presses(&s, "4", 1, one) || presses(&s, "\033[6~", KEYS, people);
	/* the checklist of the first person: at L one of the 50 leads of
	 * every list, 2,000 items a year */
	bad = bad || presses(&s, "\033OH", 1, one) || presses(&s, "\r", 1, one) ||
	      presses_cycle(&s, "\033[6~", 40, busy, "\033OH", 4);
	long long hwm2 = proc_kb(s.pid, "VmHWM");
	stop(&s);
	if (bad) {
		fprintf(stderr, "tui_bench: a key press got no screen\n");
		return 1;
	}
	echo_floor(KEYS, echo);
	double dm, dw, pm, pw, em, ew, qm, qw, bm, bw;
	stats(down, KEYS, &dm, &dw);
	stats(pgdn, KEYS, &pm, &pw);
	stats(people, KEYS, &qm, &qw);
	stats(busy, 40, &bm, &bw);
	stats(echo, KEYS, &em, &ew);
	printf("tui key -> screen, list of 党组: Down x%d median %.2f ms, worst %.2f ms; "
	       "PgDn x%d median %.2f ms, worst %.2f ms; pty round-trip floor (cat) median %.3f ms, "
	       "worst %.3f ms\n", KEYS, dm, dw, KEYS, pm, pw, em, ew);
	printf("tui key -> screen, people view: PgDn x%d median %.2f ms, worst %.2f ms\n", KEYS, qm, qw);
	printf("tui key -> screen, checklist of the busiest lead: PgDn x40 median %.2f ms, "
	       "worst %.2f ms\n", bm, bw);
	printf("tui memory: VmRSS %.1f MB, VmHWM %.1f MB after the list; VmHWM %.1f MB after "
	       "people and a checklist\n", rss / 1024.0, hwm / 1024.0, hwm2 / 1024.0);
	return 0;
}
