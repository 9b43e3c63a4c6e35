/* anchor.c — the files of the local audit anchor (anchor.h): where they
 * live, their text form, and an atomic, symlink-proof way to replace them.
 * What an anchor means and when it moves is decided in audit_anchor.c.
 *
 * The file is a few "key value" lines:
 *   qingdan-anchor 1 / uuid U|- / seq N / hash H / at T / seen T / path P
 * (path last: it is the only value that may hold spaces).
 *
 * The atomic write here (mkstemp + fsync + rename) is the module's own for
 * now; the shared output module (src/outfile.c) may take it over. */
#include "qingdan/anchor.h"

#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include "qingdan/msg.h"
#include "qingdan/store.h"

#define ANCHOR_MAX 4096   /* a state file is never larger */

static void hex(const unsigned char *b, size_t n, char *out)
{
	for (size_t i = 0; i < n; i++) {
		out[2 * i] = "0123456789abcdef"[b[i] >> 4];
		out[2 * i + 1] = "0123456789abcdef"[b[i] & 15];
	}
	out[2 * n] = '\0';
}

char *anchor_dir(void)
{
	const char *xdg = getenv("XDG_STATE_HOME");
	if (xdg && xdg[0] == '/')
		return xasprintf("%s/qingdan", xdg);
	const char *home = getenv("HOME");
	if (str_empty(home)) {
		struct passwd *pw = getpwuid(geteuid());
		home = pw ? pw->pw_dir : NULL;
	}
	return str_empty(home) ? NULL : xasprintf("%s/.local/state/qingdan", home);
}

int anchor_dir_ready(const char *dir, struct strbuf *err)
{
	char *p = xstrdup(dir);
	for (char *s = p + 1; *s; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		mkdir(p, 0700);      /* parents as XDG asks: private */
		*s = '/';
	}
	free(p);
	if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
		sb_printf(err, msg(M_ANCHOR_DIR_BAD), dir, strerror(errno));
		return -1;
	}
	struct stat sb;
	if (lstat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode) || sb.st_uid != geteuid()) {
		sb_printf(err, msg(M_ANCHOR_DIR_BAD), dir, msg(M_ANCHOR_DIR_NOT_OURS));
		return -1;
	}
	if ((sb.st_mode & 077) && chmod(dir, 0700) != 0) {
		sb_printf(err, msg(M_ANCHOR_DIR_BAD), dir, strerror(errno));
		return -1;
	}
	return 0;
}

void anchor_key_path(const char *realpath, char *name)
{
	char digest[65];
	store_sha256_hex(realpath, strlen(realpath), digest);
	memcpy(name, "p-", 2);
	memcpy(name + 2, digest, 32);   /* 128 bits of it: "p-" + 32 hex */
	name[34] = '\0';
}

void anchor_key_uuid(const char *uuid, char *name)
{
	snprintf(name, 40, "u-%.32s", uuid);
}

int anchor_uuid_valid(const char *uuid)
{
	if (!uuid || strlen(uuid) != 32)
		return 0;
	return strspn(uuid, "0123456789abcdef") == 32;
}

void anchor_new_uuid(char *out)
{
	unsigned char b[16];
	ssize_t got;
	while ((got = getrandom(b, sizeof b, 0)) < 0 && errno == EINTR)
		;
	if (got != (ssize_t)sizeof b)
		die("no random bytes for a database identity");
	hex(b, sizeof b, out);
}

/* ---- reading ---- */

static int read_small(const char *path, char *buf, size_t cap, size_t *len)
{
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0)
		return errno == ENOENT ? 0 : -1;
	struct stat sb;
	ssize_t n = -1;
	if (fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode) && sb.st_size < (off_t)cap)
		n = read(fd, buf, cap - 1);
	close(fd);
	if (n < 0)
		return -1;
	buf[n] = '\0';
	*len = (size_t)n;
	return 1;
}

/* One "key value" line into dst (size cap); 0 when absent or malformed. */
static int field(const char *text, const char *key, char *dst, size_t cap)
{
	size_t k = strlen(key);
	for (const char *p = text; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : NULL) {
		if (strncmp(p, key, k) != 0 || p[k] != ' ')
			continue;
		const char *v = p + k + 1, *e = strchr(v, '\n');
		size_t n = e ? (size_t)(e - v) : strlen(v);
		if (n == 0 || n >= cap)
			return 0;
		memcpy(dst, v, n);
		dst[n] = '\0';
		return 1;
	}
	return 0;
}

static int parse(const char *text, struct anchor *a)
{
	char seq[24];
	memset(a, 0, sizeof *a);
	if (strncmp(text, "qingdan-anchor 1\n", 17) != 0 || !field(text, "uuid", a->uuid, 33) ||
	    !field(text, "seq", seq, sizeof seq) || !field(text, "hash", a->hash, 65) ||
	    !field(text, "at", a->at, sizeof a->at) || !field(text, "seen", a->seen, sizeof a->seen) ||
	    !field(text, "path", a->path, sizeof a->path))
		return -1;
	if (strcmp(a->uuid, "-") == 0)
		a->uuid[0] = '\0';
	else if (!anchor_uuid_valid(a->uuid))
		return -1;
	if (parse_id(seq, &a->seq) != 0 || seq[0] == '#' || a->seq <= 0 || strlen(a->hash) != 64 ||
	    strspn(a->hash, "0123456789abcdef") != 64)
		return -1;
	return 0;
}

int anchor_load(const char *dir, const char *name, struct anchor *a, struct strbuf *err)
{
	char *path = xasprintf("%s/%s", dir, name);
	char buf[ANCHOR_MAX];
	size_t len = 0;
	int r = read_small(path, buf, sizeof buf, &len);
	if (r == 1 && (memchr(buf, '\0', len) || parse(buf, a) != 0))
		r = -1;
	if (r < 0)
		sb_printf(err, msg(M_ANCHOR_STATE_BAD), path);
	free(path);
	return r;
}

/* ---- writing ---- */

static int write_all(int fd, const char *s, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, s, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		s += w;
		n -= (size_t)w;
	}
	return 0;
}

/* Values go one to a line: a newline in one (a strange path) becomes '?'. */
static void put(struct strbuf *b, const char *key, const char *v)
{
	sb_printf(b, "%s ", key);
	for (const char *p = *v ? v : "-"; *p; p++)
		sb_putc(b, *p == '\n' || *p == '\r' ? '?' : *p);
	sb_putc(b, '\n');
}

int anchor_save(const char *dir, const char *name, const struct anchor *a, struct strbuf *err)
{
	struct strbuf b = {0};
	sb_puts(&b, "qingdan-anchor 1\n");
	put(&b, "uuid", a->uuid);
	sb_printf(&b, "seq %lld\n", a->seq);
	put(&b, "hash", a->hash);
	put(&b, "at", a->at);
	put(&b, "seen", a->seen);
	put(&b, "path", a->path);
	char *tmp = xasprintf("%s/.%s.XXXXXX", dir, name);
	char *dest = xasprintf("%s/%s", dir, name);
	int fd = mkstemp(tmp), rc = -1, e = errno;
	if (fd >= 0) {
		rc = fchmod(fd, 0600) == 0 && write_all(fd, b.s, b.len) == 0 && fsync(fd) == 0 ? 0 : -1;
		e = errno;
		if (close(fd) != 0 && rc == 0) {
			rc = -1;
			e = errno;
		}
		/* rename replaces whatever is at dest, a symlink too, never its target */
		if (rc == 0 && rename(tmp, dest) != 0) {
			rc = -1;
			e = errno;
		}
		if (rc != 0)
			unlink(tmp);
	}
	if (rc != 0)
		sb_printf(err, msg(M_ANCHOR_DIR_BAD), dir, strerror(e));
	free(tmp);
	free(dest);
	sb_free(&b);
	return rc;
}

void anchor_remove(const char *dir, const char *name)
{
	char *path = xasprintf("%s/%s", dir, name);
	unlink(path);
	free(path);
}

int anchor_lock(const char *dir)
{
	char *path = xasprintf("%s/.lock", dir);
	int fd = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);
	free(path);
	if (fd < 0)
		return -1;
	while (flock(fd, LOCK_EX) != 0) {
		if (errno != EINTR) {
			close(fd);
			return -1;
		}
	}
	return fd;
}

void anchor_unlock(int fd)
{
	if (fd >= 0)
		close(fd);
}
