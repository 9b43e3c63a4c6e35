/* tt.h — the test harness: each TEST runs in its own fork (a crash fails
 * that test only, with a 60 s alarm times the build's time scale), CHECKs
 * report file:line, and TT_END prints "N passed, N failed" as the
 * program's last line.  TT_FILTER=name runs only tests whose name contains
 * it.
 *
 * Time scale: how many times slower than a plain build this one runs.
 * QD_TIME_SCALE at build time (-DQD_TIME_SCALE=N), else 4 when built with
 * ASan (gcc's __SANITIZE_ADDRESS__, clang's __has_feature), else 1; or
 * QD_TIME_SCALE from the environment when that is more (asan-test and
 * valgrind-test set it, for the shell tests too: tests/lib.sh).  Alarms and
 * deadlines (tt_ms) are multiplied by it; random smoke tests size their
 * rounds with tt_rounds, which divides by it, so that they take about as
 * long in every build instead of needing a longer alarm. */
#ifndef QINGDAN_TT_H
#define QINGDAN_TT_H

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#ifndef QD_TIME_SCALE
#if defined(__SANITIZE_ADDRESS__)
#define QD_TIME_SCALE 4
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(memory_sanitizer) || __has_feature(thread_sanitizer)
#define QD_TIME_SCALE 4
#endif
#endif
#endif
#ifndef QD_TIME_SCALE
#define QD_TIME_SCALE 1
#endif

static __attribute__((unused)) int tt_time_scale(void)
{
	const char *e = getenv("QD_TIME_SCALE");
	int k = e && *e ? atoi(e) : 0;
	return k > QD_TIME_SCALE ? k : QD_TIME_SCALE;
}

/* A deadline of ms milliseconds in a plain build, scaled. */
static __attribute__((unused)) int tt_ms(int ms)
{
	return ms * tt_time_scale();
}

/* Rounds of a random smoke test: n in a plain build, fewer in a slow one
 * (at least 1); FUZZ_ROUNDS=N asks for exactly N, for a longer run. */
static __attribute__((unused)) int tt_rounds(int n)
{
	const char *r = getenv("FUZZ_ROUNDS");
	if (r && *r)
		return atoi(r);
	int k = n / tt_time_scale();
	return k > 0 ? k : 1;
}

static int tt_fail_flag;
#define TEST(name) static void name(void)
#define CHECK(c) do { if (!(c)) { fprintf(stderr, "  %s:%d: CHECK(%s) failed\n", __FILE__, __LINE__, #c); tt_fail_flag = 1; } } while (0)
#define CHECK_INT(a, b) do { long long tt_a = (long long)(a), tt_b = (long long)(b); if (tt_a != tt_b) { \
	fprintf(stderr, "  %s:%d: %s == %lld, expected %lld\n", __FILE__, __LINE__, #a, tt_a, tt_b); tt_fail_flag = 1; } } while (0)
#define CHECK_STR(a, b) do { const char *tt_a = (a), *tt_b = (b); if (!tt_a || !tt_b || strcmp(tt_a, tt_b)) { \
	fprintf(stderr, "  %s:%d: %s ==\n    [%s]\n  expected\n    [%s]\n", __FILE__, __LINE__, #a, tt_a ? tt_a : "(null)", tt_b ? tt_b : "(null)"); tt_fail_flag = 1; } } while (0)
#define CHECK_CONTAINS(hay, needle) do { const char *tt_h = (hay), *tt_n = (needle); if (!tt_h || !strstr(tt_h, tt_n)) { \
	fprintf(stderr, "  %s:%d: %s does not contain [%s]; it is:\n%s\n", __FILE__, __LINE__, #hay, tt_n, tt_h ? tt_h : "(null)"); tt_fail_flag = 1; } } while (0)

static int tt_passed, tt_failed;
static void tt_run(const char *name, void (*fn)(void))
{
	const char *filter = getenv("TT_FILTER");
	if (filter && *filter && !strstr(name, filter))
		return;
	fflush(NULL);
	pid_t pid = fork();
	if (pid == 0) {
		alarm((unsigned)((getenv("TT_SLOW") ? 300 : 60) * tt_time_scale()));
		tt_fail_flag = 0;
		fn();
		fflush(NULL);
		_exit(tt_fail_flag ? 1 : 0);
	}
	int st = 0;
	waitpid(pid, &st, 0);
	if (WIFEXITED(st) && WEXITSTATUS(st) == 0) {
		tt_passed++;
		printf("ok   %s\n", name);
	} else {
		tt_failed++;
		if (WIFSIGNALED(st))
			printf("FAIL %s (killed by signal %d)\n", name, WTERMSIG(st));
		else
			printf("FAIL %s\n", name);
	}
	fflush(stdout);
}
#define RUN(fn) tt_run(#fn, fn)
#define TT_END() (printf("%d passed, %d failed\n", tt_passed, tt_failed), tt_failed ? 1 : 0)

#endif
