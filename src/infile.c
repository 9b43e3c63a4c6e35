/* infile.c — opening the user's input files safely (contract in infile.h).
 * Util layer: below the model, used by the CSV reader (import) and the
 * pledge body reader; knows nothing of the database.
 *
 * Order of the checks in infile_open: open without blocking and without
 * acquiring a terminal, fstat the descriptor (never the name: the name may
 * be swapped in between), refuse anything but a regular file, refuse a
 * size over the cap, then make the descriptor blocking again.  Standard
 * input is first spooled into an anonymous file so that everything after
 * sees a regular file of known size. */
#define _GNU_SOURCE 1   /* O_TMPFILE, mkostemp */
#include "qingdan/infile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "qingdan/msg.h"

static int fail(struct infile *in, enum infile_error why, int errnum, int fd)
{
	if (fd >= 0)
		close(fd);
	in->fd = -1;
	in->why = why;
	in->errnum = errnum;
	return -1;
}

/* An anonymous read-write file in $TMPDIR (else /tmp): O_TMPFILE where the
 * file system has it, else a mkstemp name unlinked at once.  -1 + errno. */
static int anonymous_file(void)
{
	const char *dir = getenv("TMPDIR");
	if (!dir || dir[0] != '/')
		dir = "/tmp";
#ifdef O_TMPFILE
	int fd = open(dir, O_TMPFILE | O_RDWR | O_EXCL | O_CLOEXEC, 0600);
	if (fd >= 0)
		return fd;
#endif
	char *name = xasprintf("%s/qingdan-in-XXXXXX", dir);
	int tfd = mkostemp(name, O_CLOEXEC);
	if (tfd >= 0)
		unlink(name);
	int e = errno;
	free(name);
	errno = e;
	return tfd;
}

static int write_all(int fd, const char *p, size_t n)
{
	while (n) {
		ssize_t k = write(fd, p, n);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			return -1;
		p += k;
		n -= (size_t)k;
	}
	return 0;
}

/* Standard input into an anonymous file, at most max bytes. */
static int spool_stdin(struct infile *in, long long max)
{
	struct stat st;
	if (fstat(STDIN_FILENO, &st) != 0)
		return fail(in, INFILE_ERRNO, errno, -1);
	/* a pipe, a socket, a terminal or a file are input; /dev/zero is not */
	if (S_ISDIR(st.st_mode) || S_ISBLK(st.st_mode) ||
	    (S_ISCHR(st.st_mode) && !isatty(STDIN_FILENO)))
		return fail(in, INFILE_NOT_REGULAR, 0, -1);
	if (S_ISREG(st.st_mode)) {
		off_t at = lseek(STDIN_FILENO, 0, SEEK_CUR);
		if (at >= 0 && st.st_size - at > max)
			return fail(in, INFILE_TOO_BIG, 0, -1);
	}
	int fd = anonymous_file();
	if (fd < 0)
		return fail(in, INFILE_ERRNO, errno, -1);
	char buf[65536];
	long long total = 0;
	for (;;) {
		ssize_t n = read(STDIN_FILENO, buf, sizeof buf);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return fail(in, INFILE_ERRNO, errno, fd);
		if (n == 0)
			break;
		total += n;
		if (total > max)
			return fail(in, INFILE_TOO_BIG, 0, fd);
		if (write_all(fd, buf, (size_t)n) != 0)
			return fail(in, INFILE_ERRNO, errno ? errno : EIO, fd);
	}
	if (lseek(fd, 0, SEEK_SET) != 0)
		return fail(in, INFILE_ERRNO, errno, fd);
	in->fd = fd;
	in->size = total;
	return 0;
}

int infile_open(struct infile *in, const char *path, long long max)
{
	memset(in, 0, sizeof *in);
	in->fd = -1;
	in->max = max;
	if (strcmp(path, "-") == 0)
		return spool_stdin(in, max);
	int fd = open(path, O_RDONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0)
		return fail(in, errno == ENXIO ? INFILE_NOT_REGULAR : INFILE_ERRNO, errno, -1);
	struct stat st;
	if (fstat(fd, &st) != 0)
		return fail(in, INFILE_ERRNO, errno, fd);
	if (!S_ISREG(st.st_mode))
		return fail(in, INFILE_NOT_REGULAR, 0, fd);
	if (st.st_size > max)
		return fail(in, INFILE_TOO_BIG, 0, fd);
	int fl = fcntl(fd, F_GETFL);
	if (fl < 0 || fcntl(fd, F_SETFL, fl & ~O_NONBLOCK) < 0)
		return fail(in, INFILE_ERRNO, errno, fd);
	in->fd = fd;
	in->size = st.st_size;
	return 0;
}

void infile_close(struct infile *in)
{
	if (in->fd >= 0)
		close(in->fd);
	in->fd = -1;
}

const char *infile_name(const char *path)
{
	return strcmp(path, "-") == 0 ? msg(M_IN_STDIN) : path;
}

void infile_describe(const struct infile *in, const char *path, struct strbuf *err)
{
	const char *name = infile_name(path);
	switch (in->why) {
	case INFILE_NOT_REGULAR:
		sb_printf(err, msg(M_IN_NOT_REGULAR), name);
		break;
	case INFILE_TOO_BIG:
		sb_printf(err, msg(M_IN_TOO_BIG), name, (int)(in->max >> 20));
		break;
	case INFILE_ERRNO:
	case INFILE_OK:
	default:
		sb_printf(err, msg(M_IN_OPEN), name, strerror(in->errnum ? in->errnum : EIO));
		break;
	}
}

enum qd_status infile_read_all(const char *path, long long max, char **out, size_t *len,
			       struct strbuf *err)
{
	struct infile in;
	*out = NULL;
	if (len)
		*len = 0;
	if (infile_open(&in, path, max) != 0) {
		infile_describe(&in, path, err);
		return in.why == INFILE_ERRNO ? QD_IOERROR : QD_INVALID;
	}
	/* read at most max + 1 bytes: one more than the cap says it grew */
	size_t cap = (size_t)(in.size < max ? in.size : max) + 1, got = 0;
	char *buf = xmalloc(cap + 1);
	for (;;) {
		if (got == cap) {
			if ((long long)got > max) {
				in.why = INFILE_TOO_BIG;
				break;
			}
			cap = (long long)cap * 2 > max + 1 ? (size_t)max + 1 : cap * 2;
			buf = xrealloc(buf, cap + 1);
		}
		ssize_t n = read(in.fd, buf + got, cap - got);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			in.why = INFILE_ERRNO;
			in.errnum = errno;
			break;
		}
		if (n == 0)
			break;
		got += (size_t)n;
	}
	infile_close(&in);
	if (in.why != INFILE_OK) {
		free(buf);
		infile_describe(&in, path, err);
		return in.why == INFILE_ERRNO ? QD_IOERROR : QD_INVALID;
	}
	buf[got] = '\0';
	*out = buf;
	if (len)
		*len = got;
	return QD_OK;
}
