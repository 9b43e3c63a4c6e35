/* infile.h — the one way qingdan opens a file the user names for reading
 * (`import FILE`, `pledge add|set|reissue --body-file F`, and any input to
 * come).  Nothing else in src/ opens a user's file to read it.
 *
 * The contract:
 *  - PATH must be a regular file.  A directory, a FIFO, a device such as
 *    /dev/zero or a socket is refused at once ("不是普通文件"), never read
 *    and never waited on: the file is opened O_NONBLOCK (so a FIFO without
 *    a writer cannot hang open()), O_NOCTTY and O_CLOEXEC, checked with
 *    fstat, and only then switched back to blocking reads.
 *  - Its size must not exceed the caller's cap (INFILE_MAX_*), checked
 *    before the first byte is read and again while reading, since a file
 *    may grow underneath ("超过 N MB").
 *  - "-" is standard input: copied, up to the cap, into an unlinked
 *    temporary file (O_TMPFILE, else mkstemp + unlink: never a name anyone
 *    could guess or plant), which is then read like any file.  Standard
 *    input that is a directory or a device other than a terminal is
 *    refused like a named one.
 * The module prints nothing: failures come back as a code and, through
 * infile_describe, a message for the user. */
#ifndef QINGDAN_INFILE_H
#define QINGDAN_INFILE_H

#include <stddef.h>

#include "qingdan/util.h"

/* The caps (bytes).  They are stated in the messages, the README and the
 * man page: keep those in step when changing them. */
#define INFILE_MAX_BODY   (1LL << 20)    /* a pledge body: 1 MB */
#define INFILE_MAX_IMPORT (512LL << 20)  /* an import file: 512 MB */

enum infile_error {
	INFILE_OK = 0,
	INFILE_ERRNO,        /* open/read failed: errnum says why */
	INFILE_NOT_REGULAR,  /* a directory, FIFO, device or socket */
	INFILE_TOO_BIG,      /* over the cap (at open or while reading) */
};

struct infile {
	int fd;                 /* regular file at offset 0, blocking; -1 when closed */
	long long size;         /* its size when opened (after spooling for "-") */
	long long max;          /* the cap it was opened with */
	enum infile_error why;  /* INFILE_OK after a successful open */
	int errnum;             /* for INFILE_ERRNO */
};

/* Open PATH ("-" = standard input) for reading under the cap MAX.
 * 0 with in->fd open, or -1 with in->why (and errnum) set and nothing
 * left open.  Close with infile_close (or take in->fd and own it). */
int infile_open(struct infile *in, const char *path, long long max);
void infile_close(struct infile *in);

/* The user's message for a failed infile_open of PATH, appended to err:
 * "FILE 不是普通文件…", "FILE 超过 1 MB 的上限…", "无法读取 FILE：…". */
void infile_describe(const struct infile *in, const char *path, struct strbuf *err);

/* The whole file PATH under MAX into *out (NUL-terminated; *len bytes,
 * len may be NULL).  QD_IOERROR for a missing or unreadable file, QD_INVALID
 * for a file that is not regular or too big; the message in err. */
enum qd_status infile_read_all(const char *path, long long max, char **out, size_t *len,
			       struct strbuf *err);

/* "标准输入" for "-", else PATH: how messages name an input. */
const char *infile_name(const char *path);

#endif
