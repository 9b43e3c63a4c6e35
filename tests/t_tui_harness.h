/* t_tui_harness.h — shared by the headless TUI tests (tests/t_tui*.c).
 *
 * Each test gets a fresh demo year in a temporary file (tt_db: a
 * PostgreSQL database under make test-pg), a
 * curses screen on /dev/null of a pinned size, and a tui session driven by
 * scripts of action names and keys (tui_script); the screen is read back
 * as text with tui_screen_text and compared.  Locale C.UTF-8, TERM,
 * --today 2026-06-30 and the year are pinned; the OS login running the
 * tests is the demo's admin (王芳), as with `init --demo`. */
#ifndef QINGDAN_T_TUI_HARNESS_H
#define QINGDAN_T_TUI_HARNESS_H

#include <curses.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "qingdan/date.h"
#include "qingdan/db.h"
#include "qingdan/demo.h"
#include "qingdan/model.h"
#include "qingdan/msg.h"
#include "qingdan/store.h"
#include "qingdan/text.h"
#include "qingdan/tui.h"
#include "qingdan/tui_action.h"
#include "tt.h"

static struct qd q;
static struct tui *t;
static char dbpath[512];
static struct strbuf err;

/* A demo database of this test's own (tt_db removes it after the test). */
static void make_db(void)
{
	struct qd m = {0};
	struct strbuf e = {0};
	snprintf(dbpath, sizeof dbpath, "%s", tt_db("tui"));
	m.year = 2026;
	if (qd_open(&m, dbpath, DB_CREATE, &e) != QD_OK || qd_ensure_defaults(&m, &e) != QD_OK ||
	    demo_load(&m, &e) != QD_OK) {
		fprintf(stderr, "demo: %s\n", e.s ? e.s : "");
		abort();
	}
	qd_close(&m);
	sb_free(&e);
}

static void setup_env(void)
{
	setenv("TERM", "xterm-256color", 1);
	setenv("TZ", "Asia/Shanghai", 1);
	unsetenv("QINGDAN_TUI_TRACE");
	text_init_locale();
	msg_set_english(0);
	date_set_today(date_from_ymd(2026, 6, 30));
}

/* Open the session on a screen of cols x lines; flags for qd_open. */
static void start_with(int cols, int lines, int flags)
{
	setup_env();
	make_db();
	memset(&q, 0, sizeof q);
	q.year = 2026;
	if (qd_open(&q, dbpath, flags, &err) != QD_OK)
		abort();
	FILE *out = fopen("/dev/null", "w"), *in = fopen("/dev/null", "r");
	SCREEN *s = newterm("xterm-256color", out, in);
	if (!s)
		abort();
	set_term(s);
	resizeterm(lines, cols);
	t = tui_new(&q, 1);
	tui_draw(t);
}

static __attribute__((unused)) void start(int cols, int lines)
{
	start_with(cols, lines, 0);
}

static void stop(void)
{
	tui_free(&t);
	endwin();
	qd_close(&q);
}

/* Run a script; a script error fails the test. */
#define RUN_SCRIPT(script_) do { sb_reset(&err); if (tui_script(t, (script_), &err) != 0) { \
	fprintf(stderr, "  %s:%d: script error: %s\n", __FILE__, __LINE__, err.s); tt_fail_flag = 1; } } while (0)

/* The screen / one row as text (static buffers, valid until the next call). */
static __attribute__((unused)) const char *screen(void)
{
	static char *s;
	free(s);
	s = tui_screen_text();
	return s;
}

static __attribute__((unused)) const char *row(int y)
{
	static char *s;
	free(s);
	s = tui_screen_row(y);
	return s;
}

/* First row containing needle, -1 if none. */
static __attribute__((unused)) int find_row(const char *needle)
{
	for (int y = 0; y < LINES; y++) {
		char *r = tui_screen_row(y);
		int hit = strstr(r, needle) != NULL;
		free(r);
		if (hit)
			return y;
	}
	return -1;
}

/* Display column where needle starts in text, -1 if absent. */
static __attribute__((unused)) int col_of(const char *text, const char *needle)
{
	const char *p = strstr(text, needle);
	return p ? text_nwidth(text, (size_t)(p - text)) : -1;
}

/* An item of the demo by the start of its content. */
static __attribute__((unused)) long long item_id(const char *content_start)
{
	for (long long id = 1; id < 500; id++) {
		struct item it = {0};
		if (qd_get_item(&q, id, &it, NULL) != QD_OK) {
			item_clear(&it);
			continue;
		}
		int hit = it.content && strncmp(it.content, content_start, strlen(content_start)) == 0;
		item_clear(&it);
		if (hit)
			return id;
	}
	return 0;
}

/* The sequence number of the last audit row: unchanged means nothing was
 * written. */
static __attribute__((unused)) long long audit_head(void)
{
	long long seq = 0;
	char hash[65];
	store_audit_head(q.db, &seq, hash);
	return seq;
}

#endif
