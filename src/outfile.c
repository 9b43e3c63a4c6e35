/* outfile.c — writing the user's files safely (contract in outfile.h).
 * Util layer: export, print, pledge print and the database backup all put
 * their files in place through here; knows nothing of the database.
 *
 * The life of an output: outfile_open checks the target (lstat: a symlink
 * counts as there) and makes ".NAME-XXXXXX.tmp" beside it with mkostemps;
 * the caller writes through outfile_stream, the descriptor, or a library
 * given outfile_path; outfile_commit syncs, sets the mode and renames.  The
 * rename is the only moment the target changes. */
#define _GNU_SOURCE 1   /* renameat2, mkostemps */
#include "qingdan/outfile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "qingdan/msg.h"

#ifndef RENAME_NOREPLACE
#define RENAME_NOREPLACE (1 << 0)
#endif

mode_t outfile_mode(const char *like)
{
	mode_t um = umask(077);
	umask(um);
	mode_t mode = 0660 & ~um;
	struct stat st;
	if (like && stat(like, &st) == 0 && S_ISREG(st.st_mode))
		mode &= st.st_mode & 0777;
	return mode;
}

/* The folder part of path ("." when none) and the last name. */
static void split(const char *path, char **dir, const char **base)
{
	const char *slash = strrchr(path, '/');
	if (!slash) {
		*dir = xstrdup(".");
		*base = path;
	} else {
		*dir = slash == path ? xstrdup("/") : xstrndup(path, (size_t)(slash - path));
		*base = slash + 1;
	}
}

static void find_proc_name(struct outfile *o);

static void refuse_existing(const struct outfile *o, struct strbuf *err)
{
	sb_printf(err, msg(o->flags & OUTFILE_NO_HINT ? M_OUT_EXISTS_NAME : M_OUT_EXISTS), o->target);
}

static void release(struct outfile *o)
{
	if (o->f)
		fclose(o->f);
	else if (o->fd >= 0)
		close(o->fd);
	o->f = NULL;
	o->fd = -1;
	xfree(&o->tmp);
	xfree(&o->target);
}

enum qd_status outfile_open(struct outfile *o, const char *target, int flags, const char *like,
			    struct strbuf *err)
{
	memset(o, 0, sizeof *o);
	o->fd = -1;
	o->flags = flags;
	o->target = xstrdup(target);
	char *dir;
	const char *base;
	split(target, &dir, &base);
	struct stat st;
	enum qd_status s = QD_OK;
	if (!*base || (lstat(target, &st) == 0 && S_ISDIR(st.st_mode))) {
		sb_printf(err, msg(M_OUT_IS_DIR), target);
		s = QD_INVALID;
	} else if (!(flags & OUTFILE_FORCE) && lstat(target, &st) == 0) {
		refuse_existing(o, err);
		s = QD_INVALID;
	}
	if (s == QD_OK) {
		/* keep the name well under NAME_MAX whatever the target's
		 * length, cut between characters */
		size_t n = strlen(base);
		if (n > 180)
			for (n = 180; n && ((unsigned char)base[n] & 0xC0) == 0x80; n--)
				;
		o->tmp = xasprintf("%s/.%.*s-XXXXXX.tmp", dir, (int)n, base);
		o->fd = mkostemps(o->tmp, 4, O_CLOEXEC);
		if (o->fd < 0) {
			sb_printf(err, msg(M_OUT_FAILED), target, strerror(errno));
			s = QD_IOERROR;
		}
	}
	free(dir);
	if (s != QD_OK) {
		release(o);
		return s;
	}
	o->mode = outfile_mode(like);
	find_proc_name(o);
	return QD_OK;
}

FILE *outfile_stream(struct outfile *o)
{
	if (!o->f && o->fd >= 0)
		o->f = fdopen(o->fd, "w");
	return o->f;
}

const char *outfile_path(struct outfile *o)
{
	return o->proc[0] ? o->proc : o->tmp;
}

const char *outfile_temp_name(const struct outfile *o)
{
	return o->tmp;
}

/* Rename without replacing: renameat2 where the kernel and file system
 * have it, else link + unlink (EEXIST either way), else a last look. */
static int rename_noreplace(const char *from, const char *to)
{
	if (renameat2(AT_FDCWD, from, AT_FDCWD, to, RENAME_NOREPLACE) == 0)
		return 0;
	if (errno != EINVAL && errno != ENOSYS && errno != ENOTSUP)
		return -1;
	if (link(from, to) == 0) {
		unlink(from);
		return 0;
	}
	if (errno == EEXIST)
		return -1;
	struct stat st;
	if (lstat(to, &st) == 0) {
		errno = EEXIST;
		return -1;
	}
	return rename(from, to);
}

static void sync_folder(const char *target)
{
	char *dir;
	const char *base;
	split(target, &dir, &base);
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
	free(dir);
}

enum qd_status outfile_commit(struct outfile *o, struct strbuf *err)
{
	int bad = 0, e = 0;
	if (o->fd < 0) {
		e = EBADF;
		bad = 1;
	}
	if (!bad && o->f && (fflush(o->f) != 0 || ferror(o->f)))
		bad = 1, e = errno ? errno : EIO;
	if (!bad && fsync(o->fd) != 0)
		bad = 1, e = errno;
	if (!bad && fchmod(o->fd, o->mode) != 0)
		bad = 1, e = errno;
	int closed = o->f ? fclose(o->f) : close(o->fd);
	o->f = NULL;
	o->fd = -1;
	if (!bad && closed != 0)
		bad = 1, e = errno;
	if (!bad) {
		int rc = o->flags & OUTFILE_FORCE ? rename(o->tmp, o->target)
						  : rename_noreplace(o->tmp, o->target);
		if (rc != 0)
			bad = 1, e = errno;
	}
	enum qd_status s = QD_OK;
	if (bad) {
		unlink(o->tmp);
		if (e == EEXIST) {
			refuse_existing(o, err);
			s = QD_INVALID;
		} else if (e == EISDIR) {
			sb_printf(err, msg(M_OUT_IS_DIR), o->target);
			s = QD_INVALID;
		} else {
			sb_printf(err, msg(M_OUT_FAILED), o->target, strerror(e ? e : EIO));
			s = QD_IOERROR;
		}
	} else {
		sync_folder(o->target);
	}
	release(o);
	return s;
}

void outfile_abort(struct outfile *o)
{
	if (!o || !o->target)
		return;
	if (o->tmp)
		unlink(o->tmp);
	release(o);
}

/* Whether /proc/self/fd/N reaches the temporary (it does on Linux). */
static void find_proc_name(struct outfile *o)
{
	struct stat a, b;
	snprintf(o->proc, sizeof o->proc, "/proc/self/fd/%d", o->fd);
	if (stat(o->proc, &a) != 0 || fstat(o->fd, &b) != 0 || a.st_ino != b.st_ino ||
	    a.st_dev != b.st_dev)
		o->proc[0] = '\0';
}

enum qd_status outfile_scratch(struct outfile *o, const char *suffix, struct strbuf *err)
{
	memset(o, 0, sizeof *o);
	const char *dir = getenv("TMPDIR");
	if (!dir || dir[0] != '/')
		dir = "/tmp";
	if (!suffix)
		suffix = "";
	o->target = xstrdup("");
	o->tmp = xasprintf("%s/qingdan-XXXXXX%s", dir, suffix);
	o->fd = mkostemps(o->tmp, (int)strlen(suffix), O_CLOEXEC);
	if (o->fd < 0) {
		sb_printf(err, msg(M_OUT_FAILED), dir, strerror(errno));
		release(o);
		return QD_IOERROR;
	}
	o->mode = 0600;
	find_proc_name(o);
	return QD_OK;
}

int outfile_copy_to(struct outfile *o, FILE *out)
{
	char buf[65536];
	if ((o->f && fflush(o->f) != 0) || o->fd < 0 || lseek(o->fd, 0, SEEK_SET) != 0)
		return -1;
	for (;;) {
		ssize_t n = read(o->fd, buf, sizeof buf);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		if (n == 0)
			break;
		if (fwrite(buf, 1, (size_t)n, out) != (size_t)n)
			return -1;
	}
	return fflush(out) == 0 ? 0 : -1;
}

char *outfile_unused_name(const char *stem, const char *ext)
{
	const char *home = getenv("HOME");
	int here = access(".", W_OK) == 0 || str_empty(home);
	char *dir = here ? xstrdup("") : xasprintf("%s/", home);
	char *path = NULL;
	for (int n = 1; n <= 10000 && (!path || access(path, F_OK) == 0); n++) {
		free(path);
		path = n == 1 ? xasprintf("%s%s.%s", dir, stem, ext)
			      : xasprintf("%s%s-%d.%s", dir, stem, n, ext);
	}
	free(dir);
	return path;
}
