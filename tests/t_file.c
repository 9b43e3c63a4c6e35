/* t_file.c — unit tests for the two file modules of issue 8: infile.c
 * (what may be read: regular files under a cap, "-" spooled) and outfile.c
 * (how a named file is written: a temporary beside it, renamed; the
 * --force policy; the mode).  Each test works in its own folder under /tmp. */
#include "qingdan/infile.h"
#include "qingdan/msg.h"
#include "qingdan/outfile.h"
#include "qingdan/util.h"
#include "tt.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>

static char dir[] = "/tmp/t_file.XXXXXX";

static void put(const char *path, const char *s)
{
	FILE *f = fopen(path, "wb");
	if (!f)
		abort();
	fputs(s, f);
	fclose(f);
}

static char *get(const char *path)
{
	char *s = NULL;
	size_t n;
	struct strbuf e = {0};
	if (infile_read_all(path, 1 << 20, &s, &n, &e) != QD_OK)
		s = xstrdup("(unreadable)");
	sb_free(&e);
	return s;
}

/* Files in the working folder other than . and .. */
static int entries(void)
{
	DIR *d = opendir(".");
	int n = 0;
	for (struct dirent *e; d && (e = readdir(d));)
		n += strcmp(e->d_name, ".") && strcmp(e->d_name, "..");
	if (d)
		closedir(d);
	return n;
}

/* Each test in a fresh folder (they run in forks, so chdir is theirs). */
static void fresh(const char *name)
{
	char *sub = xasprintf("%s/%s", dir, name);
	if (mkdir(sub, 0700) != 0 || chdir(sub) != 0)
		abort();
	free(sub);
	msg_set_english(0);
}

/* Standard input from a pipe holding data (in this forked test). */
static void stdin_from(const char *data, size_t n)
{
	int p[2];
	if (pipe(p) != 0)
		abort();
	if (fork() == 0) {
		close(p[0]);
		while (n) {
			ssize_t k = write(p[1], data, n > 65536 ? 65536 : n);
			if (k <= 0)
				_exit(1);
			data += k;
			n -= (size_t)k;
		}
		_exit(0);
	}
	close(p[1]);
	dup2(p[0], 0);
	close(p[0]);
}

/* ---- infile ---- */

TEST(infile_refuses_what_is_not_a_regular_file)
{
	fresh("notreg");
	struct infile in;
	struct strbuf e = {0};
	CHECK_INT(infile_open(&in, "/dev/zero", 100), -1);
	CHECK_INT(in.why, INFILE_NOT_REGULAR);
	infile_describe(&in, "/dev/zero", &e);
	CHECK_CONTAINS(e.s, "/dev/zero 不是普通文件");
	CHECK(mkdir("d", 0700) == 0);
	CHECK_INT(infile_open(&in, "d", 100), -1);
	CHECK_INT(in.why, INFILE_NOT_REGULAR);
	CHECK(mkfifo("fifo", 0600) == 0);
	CHECK_INT(infile_open(&in, "fifo", 100), -1);   /* no writer: no hang either */
	CHECK_INT(in.why, INFILE_NOT_REGULAR);
	CHECK_INT(infile_open(&in, "missing", 100), -1);
	CHECK_INT(in.why, INFILE_ERRNO);
	CHECK_INT(in.errnum, ENOENT);
	CHECK_INT(in.fd, -1);
	sb_free(&e);
}

TEST(infile_cap_checked_before_reading)
{
	fresh("cap");
	int fd = open("sparse", O_WRONLY | O_CREAT, 0600);
	CHECK(fd >= 0 && ftruncate(fd, (1 << 20) + 1) == 0);
	close(fd);
	struct infile in;
	CHECK_INT(infile_open(&in, "sparse", 1 << 20), -1);
	CHECK_INT(in.why, INFILE_TOO_BIG);
	char *s = NULL;
	struct strbuf e = {0};
	CHECK_INT(infile_read_all("sparse", INFILE_MAX_BODY, &s, NULL, &e), QD_INVALID);
	CHECK_CONTAINS(e.s, "sparse 超过 1 MB 的上限，未读取");
	CHECK(s == NULL);
	put("small", "12345");
	size_t n = 0;
	CHECK_INT(infile_read_all("small", 5, &s, &n, &e), QD_OK);   /* exactly the cap */
	CHECK_STR(s, "12345");
	CHECK_INT(n, 5);
	free(s);
	sb_free(&e);
}

TEST(infile_stdin_spooled_under_the_cap)
{
	fresh("stdin");
	char *here = xasprintf("%s/stdin", dir);
	setenv("TMPDIR", here, 1);          /* where a named spool would show */
	free(here);
	stdin_from("正文\n", strlen("正文\n"));
	char *s = NULL;
	struct strbuf e = {0};
	CHECK_INT(infile_read_all("-", 100, &s, NULL, &e), QD_OK);
	CHECK_STR(s, "正文\n");
	free(s);
	/* over the cap: refused, with standard input named in Chinese */
	static char big[1100000];
	memset(big, 'a', sizeof big);
	stdin_from(big, sizeof big);
	CHECK_INT(infile_read_all("-", INFILE_MAX_BODY, &s, NULL, &e), QD_INVALID);
	CHECK_CONTAINS(e.s, "标准输入 超过 1 MB 的上限");
	sb_reset(&e);
	/* /dev/zero as standard input: not input at all */
	int z = open("/dev/zero", O_RDONLY);
	CHECK(z >= 0 && dup2(z, 0) == 0);
	CHECK_INT(infile_read_all("-", 100, &s, NULL, &e), QD_INVALID);
	CHECK_CONTAINS(e.s, "标准输入 不是普通文件");
	CHECK_INT(entries(), 0);            /* the spool had no name here */
	sb_free(&e);
}

/* ---- outfile ---- */

TEST(outfile_commit_renames_into_place)
{
	fresh("commit");
	struct outfile o;
	struct strbuf e = {0};
	CHECK_INT(outfile_open(&o, "out.txt", 0, NULL, &e), QD_OK);
	CHECK(access("out.txt", F_OK) != 0);            /* nothing at the target yet */
	const char *t = outfile_temp_name(&o);
	CHECK(t && strncmp(t, "./.out.txt-", 11) == 0);  /* hidden, beside it */
	fputs("内容", outfile_stream(&o));
	CHECK_INT(outfile_commit(&o, &e), QD_OK);
	char *s = get("out.txt");
	CHECK_STR(s, "内容");
	free(s);
	CHECK_INT(entries(), 1);
	sb_free(&e);
}

TEST(outfile_abort_leaves_the_target)
{
	fresh("abort");
	put("out.txt", "old");
	struct outfile o;
	struct strbuf e = {0};
	CHECK_INT(outfile_open(&o, "out.txt", OUTFILE_FORCE, NULL, &e), QD_OK);
	fputs("half", outfile_stream(&o));
	outfile_abort(&o);
	outfile_abort(&o);                  /* idempotent */
	char *s = get("out.txt");
	CHECK_STR(s, "old");
	free(s);
	CHECK_INT(entries(), 1);
	sb_free(&e);
}

TEST(outfile_existing_refused_without_force)
{
	fresh("exists");
	put("out.txt", "old");
	struct outfile o;
	struct strbuf e = {0};
	CHECK_INT(outfile_open(&o, "out.txt", 0, NULL, &e), QD_INVALID);
	CHECK_STR(e.s, "out.txt 已存在；要替换请加 --force");
	sb_reset(&e);
	CHECK_INT(outfile_open(&o, "out.txt", OUTFILE_NO_HINT, NULL, &e), QD_INVALID);
	CHECK_STR(e.s, "out.txt 已存在；请换一个文件名");
	sb_reset(&e);
	/* a file that appears while we write is not replaced either */
	CHECK_INT(outfile_open(&o, "late.txt", 0, NULL, &e), QD_OK);
	fputs("new", outfile_stream(&o));
	put("late.txt", "theirs");
	CHECK_INT(outfile_commit(&o, &e), QD_INVALID);
	CHECK_CONTAINS(e.s, "late.txt 已存在");
	char *s = get("late.txt");
	CHECK_STR(s, "theirs");
	free(s);
	CHECK_INT(entries(), 2);            /* the temporary is gone */
	/* a folder is never a target */
	CHECK(mkdir("d", 0700) == 0);
	sb_reset(&e);
	CHECK_INT(outfile_open(&o, "d", OUTFILE_FORCE, NULL, &e), QD_INVALID);
	CHECK_CONTAINS(e.s, "d 是文件夹");
	sb_free(&e);
}

TEST(outfile_force_replaces_a_symlink_not_its_target)
{
	fresh("symlink");
	put("victim", "keep");
	CHECK(symlink("victim", "link") == 0);
	CHECK(symlink("nowhere", "dangling") == 0);
	struct outfile o;
	struct strbuf e = {0};
	CHECK_INT(outfile_open(&o, "link", 0, NULL, &e), QD_INVALID);   /* a link counts */
	CHECK_INT(outfile_open(&o, "dangling", 0, NULL, &e), QD_INVALID);
	CHECK(access("nowhere", F_OK) != 0);
	CHECK_INT(outfile_open(&o, "link", OUTFILE_FORCE, NULL, &e), QD_OK);
	fputs("new", outfile_stream(&o));
	CHECK_INT(outfile_commit(&o, &e), QD_OK);
	struct stat st;
	CHECK(lstat("link", &st) == 0 && S_ISREG(st.st_mode));
	char *s = get("victim");
	CHECK_STR(s, "keep");
	free(s);
	sb_free(&e);
}

/* A library that opens by name (cairo, libxlsxwriter) reaches the very file
 * mkstemp made, even if its name is swapped for a symlink meanwhile. */
TEST(outfile_path_reaches_the_temporary)
{
	fresh("procpath");
	put("victim", "keep");
	struct outfile o;
	struct strbuf e = {0};
	CHECK_INT(outfile_open(&o, "out.pdf", 0, NULL, &e), QD_OK);
	const char *p = outfile_path(&o);
	if (access("/proc/self/fd", F_OK) == 0)      /* Linux with /proc: always */
		CHECK(strncmp(p, "/proc/self/fd/", 14) == 0);
	if (strncmp(p, "/proc/self/fd/", 14) == 0) {
		char *name = xstrdup(outfile_temp_name(&o));
		CHECK(unlink(name) == 0 && symlink("victim", name) == 0);   /* an attacker's swap */
		FILE *f = fopen(p, "wb");
		CHECK(f != NULL);
		fputs("pdf", f);
		fclose(f);
		unlink(name);
		free(name);
		char *s = get("victim");
		CHECK_STR(s, "keep");
		free(s);
	}
	outfile_abort(&o);
	sb_free(&e);
}

TEST(outfile_mode_follows_umask_and_database)
{
	fresh("mode");
	mode_t old = umask(022);
	CHECK_INT(outfile_mode(NULL), 0640);
	umask(002);
	CHECK_INT(outfile_mode(NULL), 0660);
	put("db", "x");
	chmod("db", 0600);
	CHECK_INT(outfile_mode("db"), 0600);
	chmod("db", 0666);
	CHECK_INT(outfile_mode("db"), 0660);
	chmod("db", 0640);
	struct outfile o;
	struct strbuf e = {0};
	CHECK_INT(outfile_open(&o, "out", 0, "db", &e), QD_OK);
	CHECK_INT(outfile_commit(&o, &e), QD_OK);
	struct stat st;
	CHECK(stat("out", &st) == 0);
	CHECK_INT(st.st_mode & 0777, 0640);
	umask(old);
	sb_free(&e);
}

TEST(scratch_is_random_and_removed)
{
	fresh("scratch");
	char *tmp = xasprintf("%s/scratch", dir);
	setenv("TMPDIR", tmp, 1);
	struct outfile a, b;
	struct strbuf e = {0};
	CHECK_INT(outfile_scratch(&a, ".pdf", &e), QD_OK);
	CHECK_INT(outfile_scratch(&b, ".pdf", &e), QD_OK);
	CHECK(strcmp(outfile_temp_name(&a), outfile_temp_name(&b)) != 0);
	CHECK(strstr(outfile_temp_name(&a), "/qingdan-") != NULL);
	fputs("x", outfile_stream(&a));
	FILE *f = tmpfile();
	CHECK_INT(outfile_copy_to(&a, f), 0);
	CHECK_INT(ftell(f), 1);
	fclose(f);
	CHECK_INT(entries(), 2);
	outfile_abort(&a);
	outfile_abort(&b);
	CHECK_INT(entries(), 0);
	free(tmp);
	sb_free(&e);
}

int main(void)
{
	if (!mkdtemp(dir))
		return 1;
	RUN(infile_refuses_what_is_not_a_regular_file);
	RUN(infile_cap_checked_before_reading);
	RUN(infile_stdin_spooled_under_the_cap);
	RUN(outfile_commit_renames_into_place);
	RUN(outfile_abort_leaves_the_target);
	RUN(outfile_existing_refused_without_force);
	RUN(outfile_force_replaces_a_symlink_not_its_target);
	RUN(outfile_path_reaches_the_temporary);
	RUN(outfile_mode_follows_umask_and_database);
	RUN(scratch_is_random_and_removed);
	char *rm = xasprintf("rm -rf '%s'", dir);
	if (system(rm) != 0)
		fprintf(stderr, "could not remove %s\n", dir);
	free(rm);
	return TT_END();
}
