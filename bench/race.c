/* race.c — wall time of whole processes, several commands interleaved in
 * one run so that a loaded machine slows them alike (bench/startup.sh,
 * bench/print.sh):
 *
 *   race N CMD1 ARGS… -- CMD2 ARGS… [-- …]
 *
 * Runs each command N times, round-robin (the order rotates every round),
 * output to /dev/null, after one warm-up run of each; prints one line per
 * command: "median_ms p90_ms min_ms exit_status_of_last_run".  Fork to exit
 * as the parent sees it, clock_gettime(CLOCK_MONOTONIC). */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

enum { MAX_CMDS = 16 };

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

/* One run of argv; returns its wall time, *status its exit status. */
static double run(char **argv, int *status)
{
	double t0 = now_ms();
	pid_t pid = fork();
	if (pid == 0) {
		int null = open("/dev/null", O_RDWR);
		if (null >= 0) {
			dup2(null, 0);
			dup2(null, 1);
			dup2(null, 2);
		}
		execvp(argv[0], argv);
		_exit(127);
	}
	int st = 0;
	waitpid(pid, &st, 0);
	*status = WIFEXITED(st) ? WEXITSTATUS(st) : 128;
	return now_ms() - t0;
}

int main(int argc, char **argv)
{
	if (argc < 3 || atoi(argv[1]) < 1) {
		fprintf(stderr, "usage: race N CMD ARGS… [-- CMD ARGS…]…\n");
		return 2;
	}
	int n = atoi(argv[1]), ncmd = 0;
	char **cmd[MAX_CMDS];
	cmd[ncmd++] = argv + 2;
	for (int i = 2; i < argc; i++)
		if (strcmp(argv[i], "--") == 0) {
			argv[i] = NULL;
			if (ncmd == MAX_CMDS || i + 1 >= argc)
				return fprintf(stderr, "race: too many commands or an empty one\n"), 2;
			cmd[ncmd++] = argv + i + 1;
		}
	double *t = calloc((size_t)(n * ncmd), sizeof *t);
	int status[MAX_CMDS] = {0};
	if (!t)
		return 1;
	for (int c = 0; c < ncmd; c++)
		run(cmd[c], &status[c]);
	for (int r = 0; r < n; r++)
		for (int k = 0; k < ncmd; k++) {
			int c = (k + r) % ncmd;
			t[c * n + r] = run(cmd[c], &status[c]);
		}
	for (int c = 0; c < ncmd; c++) {
		double *v = t + c * n;
		qsort(v, (size_t)n, sizeof *v, cmp_double);
		printf("%.2f %.2f %.2f %d\n", v[(n - 1) / 2], v[(n * 9 + 9) / 10 - 1], v[0], status[c]);
	}
	free(t);
	return 0;
}
