/* fuzz.h — shared by the libFuzzer targets in tests/fuzz/ (`make
 * fuzz-smoke` builds them with clang into build-fuzz/fuzz/ and runs each on
 * its seed corpus in tests/fuzz/corpus/<target>/; tests/fuzz/smoke.sh).
 *
 * Gives each target a private temporary folder (mkdtemp, removed at exit),
 * the pinned environment of the tests (C.UTF-8, Asia/Shanghai, Chinese,
 * today 2026-06-30), a demo database made once per process and copied
 * fresh for each input, and FUZZ_CHECK: an invariant that fails aborts
 * with the reason, which libFuzzer reports as a crash and saves the input.
 * Header-only: each target is one .c file linked with libqd.a. */
#ifndef QINGDAN_FUZZ_H
#define QINGDAN_FUZZ_H

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "qingdan/date.h"
#include "qingdan/db.h"
#include "qingdan/demo.h"
#include "qingdan/model.h"
#include "qingdan/msg.h"
#include "qingdan/text.h"
#include "qingdan/util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FUZZ_CHECK(c) do { if (!(c)) { \
	fprintf(stderr, "%s:%d: invariant failed: %s\n", __FILE__, __LINE__, #c); abort(); } } while (0)

static char fuzz_dir_path[256];

static __attribute__((unused)) void fuzz_dir_remove(void)
{
	if (!fuzz_dir_path[0])
		return;
	char *cmd = xasprintf("rm -rf '%s'", fuzz_dir_path);
	if (system(cmd) != 0)
		fprintf(stderr, "fuzz: could not remove %s\n", fuzz_dir_path);
	free(cmd);
}

/* The environment of the tests, and this process's own temporary folder. */
static __attribute__((unused)) const char *fuzz_setup(void)
{
	if (fuzz_dir_path[0])
		return fuzz_dir_path;
	setenv("TERM", "xterm-256color", 1);
	setenv("TZ", "Asia/Shanghai", 1);
	unsetenv("QINGDAN_TUI_TRACE");
	text_init_locale();
	msg_set_english(0);
	date_set_today(date_from_ymd(2026, 6, 30));
	const char *tmp = getenv("TMPDIR");
	snprintf(fuzz_dir_path, sizeof fuzz_dir_path, "%s/qd-fuzz-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(fuzz_dir_path)) {
		perror("fuzz: mkdtemp");
		abort();
	}
	atexit(fuzz_dir_remove);
	return fuzz_dir_path;
}

/* A path inside the folder (static buffer per call site is the caller's). */
static __attribute__((unused)) char *fuzz_path(const char *name)
{
	return xasprintf("%s/%s", fuzz_setup(), name);
}

/* Write bytes to a file of our folder, replacing what was there. */
static __attribute__((unused)) void fuzz_write(const char *path, const void *data, size_t size)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0600);
	FUZZ_CHECK(fd >= 0);
	const char *p = data;
	while (size) {
		ssize_t n = write(fd, p, size);
		if (n < 0 && errno == EINTR)
			continue;
		FUZZ_CHECK(n > 0);
		p += n;
		size -= (size_t)n;
	}
	FUZZ_CHECK(close(fd) == 0);
}

/* The demo year made once (as `init --demo`: the OS login is its admin),
 * its bytes kept; fuzz_fresh_db puts a pristine copy at path. */
static char *fuzz_demo_bytes;
static size_t fuzz_demo_size;

static __attribute__((unused)) void fuzz_demo_make(void)
{
	if (fuzz_demo_bytes)
		return;
	char *master = fuzz_path("demo-master.db");
	struct qd m = {0};
	struct strbuf e = {0};
	m.year = 2026;
	if (qd_open(&m, master, DB_CREATE, &e) != QD_OK || qd_ensure_defaults(&m, &e) != QD_OK ||
	    demo_load(&m, &e) != QD_OK) {
		fprintf(stderr, "fuzz: demo: %s\n", e.s ? e.s : "");
		abort();
	}
	qd_close(&m);
	sb_free(&e);
	FILE *f = fopen(master, "rb");
	FUZZ_CHECK(f != NULL);
	FUZZ_CHECK(fseek(f, 0, SEEK_END) == 0);
	long n = ftell(f);
	FUZZ_CHECK(n > 0);
	rewind(f);
	fuzz_demo_bytes = xmalloc((size_t)n);
	fuzz_demo_size = fread(fuzz_demo_bytes, 1, (size_t)n, f);
	FUZZ_CHECK(fuzz_demo_size == (size_t)n);
	fclose(f);
	free(master);
}

static __attribute__((unused)) void fuzz_fresh_db(const char *path)
{
	fuzz_demo_make();
	char *wal = xasprintf("%s-wal", path), *shm = xasprintf("%s-shm", path);
	unlink(wal);
	unlink(shm);
	free(wal);
	free(shm);
	fuzz_write(path, fuzz_demo_bytes, fuzz_demo_size);
}

/* The input as a NUL-terminated string (NULs inside cut it short). */
static __attribute__((unused)) char *fuzz_string(const uint8_t *data, size_t size)
{
	char *s = xmalloc(size + 1);
	memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

/* Well-formed UTF-8 (no overlongs, surrogates or code points past
 * U+10FFFF). */
static __attribute__((unused)) int fuzz_valid_utf8(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		unsigned c = *p++;
		int n;
		unsigned min;
		if (c < 0x80)
			continue;
		else if (c >= 0xC2 && c <= 0xDF)
			n = 1, min = 0x80, c &= 0x1F;
		else if (c >= 0xE0 && c <= 0xEF)
			n = 2, min = 0x800, c &= 0x0F;
		else if (c >= 0xF0 && c <= 0xF4)
			n = 3, min = 0x10000, c &= 0x07;
		else
			return 0;
		for (int i = 0; i < n; i++, p++) {
			if ((*p & 0xC0) != 0x80)
				return 0;
			c = (c << 6) | (*p & 0x3F);
		}
		if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
			return 0;
	}
	return 1;
}

/* No C0 control (but newline when allowed), no DEL, no C1 control:
 * nothing that could move a terminal. */
static __attribute__((unused)) int fuzz_no_controls(const char *s, int newline_ok)
{
	const unsigned char *p = (const unsigned char *)s;
	for (; *p; p++) {
		if (*p == '\n' && newline_ok)
			continue;
		if (*p < 0x20 || *p == 0x7F)
			return 0;
		if (*p == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F)
			return 0;
	}
	return 1;
}

#ifdef QINGDAN_CSV_H
/* One record of a reader (csv.h's contract, sheets too): at least one
 * field, a line after *prev, every field well-formed UTF-8 within
 * CSV_MAX_FIELD. */
static __attribute__((unused)) void fuzz_check_record(const struct csv_record *rec, long *prev)
{
	FUZZ_CHECK(rec->nfields >= 1 && rec->line > *prev);
	*prev = rec->line;
	for (int i = 0; i < rec->nfields; i++) {
		FUZZ_CHECK(rec->fields[i] != NULL);
		FUZZ_CHECK(strlen(rec->fields[i]) <= (size_t)CSV_MAX_FIELD);
		FUZZ_CHECK(fuzz_valid_utf8(rec->fields[i]));
	}
}
#endif

#endif
