/* db_busy.c — part of the storage module (db.c): who holds a busy file.
 *
 * SQLite locks with POSIX record locks, so the kernel can say who holds
 * one: fcntl(F_GETLK) on the lock bytes returns the holder's pid.  In WAL
 * mode (qingdan's) a writer holds byte 120 of FILE-shm exclusively
 * (WAL_WRITE_LOCK; 121 checkpoint, 122 recovery: sqlite's os_unix.c puts
 * the shm locks at 120); in rollback mode it holds the PENDING and
 * RESERVED bytes of the file itself (0x40000000, +1).  The pid's owner
 * comes from /proc/PID/status and its command line from /proc/PID/cmdline.
 *
 * The descriptors opened to ask are never closed: closing any descriptor
 * of a file drops every POSIX lock this process holds on it, SQLite's own
 * included.  They are few (one per file and lock file, opened only when a
 * file was busy) and marked close-on-exec. */
#include "db_busy.h"

#include <fcntl.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "qingdan/msg.h"
#include "qingdan/text.h"

enum { WAL_LOCK_BASE = 120, WAL_LOCKS = 3 };
#define PENDING_BYTE 0x40000000L

static struct open_file {
	dev_t dev;
	ino_t ino;
	int fd;
} files[16];
static int nfiles;

/* A descriptor on path (kept for the life of the process), or -1. */
static int lock_fd(const char *path)
{
	struct stat sb;
	if (stat(path, &sb) != 0 || !S_ISREG(sb.st_mode))
		return -1;
	for (int i = 0; i < nfiles; i++)
		if (files[i].dev == sb.st_dev && files[i].ino == sb.st_ino)
			return files[i].fd;
	if (nfiles == (int)(sizeof files / sizeof files[0]))
		return -1;
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
	if (fd < 0)
		return -1;
	files[nfiles++] = (struct open_file){sb.st_dev, sb.st_ino, fd};
	return fd;
}

/* The pid holding a lock on [start, start+len) of path, or 0. */
static long holder_pid(const char *path, long start, long len)
{
	int fd = lock_fd(path);
	if (fd < 0)
		return 0;
	struct flock fl = {0};
	fl.l_type = F_WRLCK;
	fl.l_whence = SEEK_SET;
	fl.l_start = start;
	fl.l_len = len;
	if (fcntl(fd, F_GETLK, &fl) != 0 || fl.l_type == F_UNLCK)
		return 0;
	return fl.l_pid > 0 ? (long)fl.l_pid : 0;
}

long db_busy_holder_pid(const char *db_path)
{
	char *shm = xasprintf("%s-shm", db_path);
	long pid = holder_pid(shm, WAL_LOCK_BASE, WAL_LOCKS);
	free(shm);
	if (!pid)
		pid = holder_pid(db_path, PENDING_BYTE, 2);
	return pid;
}

/* The whole of a small /proc file, NUL-terminated; *n its length. */
static char *read_proc(long pid, const char *what, size_t *n)
{
	char path[64];
	snprintf(path, sizeof path, "/proc/%ld/%s", pid, what);
	FILE *f = fopen(path, "re");
	if (!f)
		return NULL;
	char *buf = xmalloc(4097);
	*n = fread(buf, 1, 4096, f);
	buf[*n] = '\0';
	fclose(f);
	return buf;
}

static char *user_of(long pid)
{
	size_t n;
	char *status = read_proc(pid, "status", &n);
	char *line = status ? strstr(status, "\nUid:") : NULL;
	char *name = NULL;
	if (line) {
		char *end;
		unsigned long uid = strtoul(line + 5, &end, 10);
		struct passwd *pw = end != line + 5 ? getpwuid((uid_t)uid) : NULL;
		name = pw ? xstrdup(pw->pw_name) : xasprintf("%lu", uid);
	}
	free(status);
	return name;
}

/* "qingdan import" from "/usr/bin/qingdan --db F --today D import x.csv":
 * the program's base name and the words after it, qingdan's global options
 * left out, cleaned and cut to fit a message. */
static char *command_of(long pid)
{
	size_t n;
	char *raw = read_proc(pid, "cmdline", &n);
	if (!raw || !n) {
		free(raw);
		return NULL;
	}
	struct strbuf b = {0};
	int words = 0;
	for (size_t i = 0; i < n && words < 4; i += strlen(raw + i) + 1) {
		const char *w = raw + i;
		if (i == 0) {
			const char *slash = strrchr(w, '/');
			w = slash ? slash + 1 : w;
		} else if (strcmp(w, "--db") == 0 || strcmp(w, "--today") == 0 ||
			   strcmp(w, "--year") == 0 || strcmp(w, "--lang") == 0) {
			i += strlen(w) + 1;           /* and its value */
			continue;
		}
		if (!*w)
			continue;
		if (b.len)
			sb_putc(&b, ' ');
		sb_puts(&b, w);
		words++;
	}
	free(raw);
	char *clean = text_sanitize(b.s ? b.s : "", 0);
	char *fit = text_fit(clean, 40, 1);
	free(clean);
	sb_free(&b);
	return fit;
}

char *db_busy_holder(const char *db_path)
{
	long pid = db_busy_holder_pid(db_path);
	if (!pid)
		return NULL;
	char *user = user_of(pid), *cmd = command_of(pid);
	char *who;
	if (user && cmd)
		who = xasprintf(msg(M_DB_BUSY_HOLDER), user, cmd, pid);
	else
		who = xasprintf(msg(M_DB_BUSY_PID), pid);
	free(user);
	free(cmd);
	return who;
}
