/* fuzz_tui.c — libFuzzer target for the interactive screen, headless (as
 * tests/t_tui_harness.h drives it): each input is a key script played on
 * a fresh copy of the demo year, curses on /dev/null.
 *
 * The first byte picks the language and the starting size; every byte
 * after it is one event:
 *   00-7F  that key (letters, digits, Enter, Esc, Tab, C-x …: every
 *          binding, every field edit, the `:` prompt)
 *   80-BF  a special key or a character (arrows, pages, F-keys, Del,
 *          Backspace, 中文, full-width digits, combining and zero-width
 *          marks, bidi controls, an emoji, a skin tone, ZWJ, a regional
 *          indicator: clusters to build and take apart)
 *   C0-DF  an action by number, as the `:` prompt runs it
 *   E0-E7  resize to the next two bytes (1..200 columns, 1..70 lines)
 *   E8-EB  mouse at the next two bytes: click, wheel up/down, tab bar
 *   EC     poll now;  ED/EE  another connection edits / deletes an item
 *          (next byte), seen at the next poll
 *   EF-FF  a canned `:` command (filter, status, search, year, branch …)
 * So every tab and view, the forms, pickers, prompts, the confirm and the
 * print dialog (its hook answers without printing) are in reach.
 *
 * Invariants after every event: no control character on the screen and
 * no row wider than the screen; the view stack and the tab in range; the
 * event brackets balanced and every retired view closed.  After the
 * script: the audit chain still verifies (no write lost its audit row). */
#include <curses.h>

#include "fuzz.h"
#include "qingdan/store.h"
#include "qingdan/tui.h"
#include "qingdan/tui_action.h"
#include "qingdan/tui_view.h"

static FILE *dev_out, *dev_in;
static char *db_file;

static enum qd_status fake_print(const struct tui_print_request *r, struct strbuf *m)
{
	if (r->scope == TUI_PRINT_PERSON && !r->person_id) {
		sb_puts(m, "no person");
		return QD_INVALID;
	}
	sb_puts(m, "printed");
	return QD_OK;
}

static char *fake_suggest(const struct tui_print_request *r, int *lp)
{
	(void)r;
	*lp = 1;
	return xstrdup("清单.pdf");
}

static void screen_once(void)
{
	if (dev_out)
		return;
	dev_out = fopen("/dev/null", "w");
	dev_in = fopen("/dev/null", "r");
	SCREEN *s = newterm("xterm-256color", dev_out, dev_in);
	FUZZ_CHECK(s != NULL);
	set_term(s);
	tui_print_hook = fake_print;
	tui_print_suggest_hook = fake_suggest;
	db_file = fuzz_path("tui.db");
	/* what the screen writes by a relative name (the pledge view's p
	 * writes pledge-ID.pdf) lands in our folder: give libFuzzer absolute
	 * paths (smoke.sh does) */
	FUZZ_CHECK(chdir(fuzz_setup()) == 0);
}

static const int specials[] = {
	TUI_KEY(KEY_DOWN), TUI_KEY(KEY_UP), TUI_KEY(KEY_LEFT), TUI_KEY(KEY_RIGHT),
	TUI_KEY(KEY_NPAGE), TUI_KEY(KEY_PPAGE), TUI_KEY(KEY_HOME), TUI_KEY(KEY_END),
	TUI_KEY(KEY_BTAB), TUI_KEY(KEY_BACKSPACE), TUI_KEY(KEY_DC), TUI_KEY(KEY_ENTER),
	TUI_KEY(KEY_F(1)), TUI_KEY(KEY_F(2)), TUI_KEY(KEY_F(5)), TUI_KEY(KEY_F(10)),
	TUI_KEY(KEY_IC), TUI_KEY(KEY_SLEFT), TUI_KEY(KEY_F(12)), TUI_KEY(KEY_SRIGHT),
	0x738B /* 王 */, 0x82B3 /* 芳 */, 0x4F1F /* 伟 */, 0x5F20 /* 张 */,
	0x515A /* 党 */, 0x7EC4 /* 组 */, 0x652F /* 支 */, 0x90E8 /* 部 */,
	0x5E74 /* 年 */, 0x6708 /* 月 */, 0x65E5 /* 日 */, 0x3000 /* 　 */,
	0xFF10, 0xFF12, 0xFF16, 0x1F1E8 /* ０ ２ ６, regional indicator C */,
	0x0301 /* combining acute */, 0x200B /* zero width space */, 0x202E /* RLO */,
	0x2066 /* LRI */, 0xFFFD, 0x1F600 /* emoji */, 0x1F3FB /* skin tone */, 0x200D /* ZWJ */,
	0x2026 /* … */, 0xFF08, 0xFF09 /* （ ） */, 0x300A, 0x300B /* 《 》 */,
	0x00E9 /* é */, 0x0085 /* NEL */, 0x2028 /* line separator */, 0xFEFF /* BOM */,
	0x9500 /* 销 */, 0x53F7 /* 号 */, 0x8D23 /* 责 */, 0x4EFB /* 任 */, 0x4E66 /* 书 */,
	'\t', TUI_ESC, TUI_ENTER, ' ', 0x3001 /* 、 */, 0x3002 /* 。 */,
};

static const char *const commands[17] = {
	"filter overdue", "filter proxy", "filter mine", "status done", "status in_progress",
	"search 党", "search #2", "year 2025", "year 2027", "branch 机关第一党支部（办公室）",
	"sort due", "note 已完成学习", "assign 王伟", "status sign", "year 1800",
	"search \x1b[31m", "clear-filter",
};

static void check_screen(struct tui *t)
{
	for (int y = 0; y < LINES; y++) {
		char *row = tui_screen_row(y);
		FUZZ_CHECK(fuzz_valid_utf8(row));
		FUZZ_CHECK(fuzz_no_controls(row, 0));
		FUZZ_CHECK(text_width(row) <= COLS);
		free(row);
	}
	FUZZ_CHECK(t->depth >= 0 && t->depth <= TUI_STACK);
	FUZZ_CHECK(t->tab >= 0 && t->tab < TUI_TABS);
	FUZZ_CHECK(t->busy == 0 && t->nretired == 0);
	FUZZ_CHECK(tui_selected_item(t) >= 0);
}

static void other_write(const char *path, int kind, long long id)
{
	struct qd other = {0};
	struct strbuf e = {0};
	other.year = 2026;
	FUZZ_CHECK(qd_open(&other, path, 0, &e) == QD_OK);
	if (kind == 0) {
		struct item_fields f = ITEM_FIELDS_INIT;
		f.content = "另一个会话改写的内容";
		qd_item_set(&other, id, 0, &f, &e);
	} else {
		qd_item_delete(&other, id, &e);
	}
	qd_close(&other);
	sb_free(&e);
}

/* One event from the bytes at *p; returns the bytes it took. */
static size_t event(struct tui *t, const uint8_t *p, size_t n)
{
	uint8_t b = p[0];
	uint8_t x = n > 1 ? p[1] : 0, y = n > 2 ? p[2] : 0;
	if (b < 0x80) {
		tui_key(t, b);
	} else if (b < 0xC0) {
		tui_key(t, specials[(b - 0x80) % ARRAY_SIZE(specials)]);
	} else if (b < 0xE0) {
		tui_press(t, (enum tui_action)((b - 0xC0) % TA__COUNT), NULL);
	} else if (b < 0xE8) {
		tui_resize(t, 1 + y % 70, 1 + x % 200);
		return 3;
	} else if (b < 0xEC) {
		int kind = b - 0xE8;
		int cx = COLS ? x % COLS : 0, cy = kind == 3 ? 1 : LINES ? y % LINES : 0;
		tui_mouse(t, cy, cx, kind == 1 ? -1 : kind == 2 ? 1 : 0);
		return kind == 3 ? 2 : 3;
	} else if (b == 0xEC) {
		tui_poll(t, 1);
		tui_draw(t);
	} else if (b == 0xED || b == 0xEE) {
		other_write(db_file, b - 0xED, 1 + x % 40);
		return 2;
	} else {
		tui_command(t, commands[(b - 0xEF) % ARRAY_SIZE(commands)]);
		tui_draw(t);
	}
	return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_setup();
	screen_once();
	if (size < 1)
		return 0;
	static const int sizes[4][2] = {{100, 30}, {80, 24}, {60, 15}, {160, 50}};
	msg_set_english(data[0] & 1);
	resizeterm(sizes[(data[0] >> 1) & 3][1], sizes[(data[0] >> 1) & 3][0]);
	fuzz_fresh_db(db_file);

	struct qd q = {0};
	struct strbuf err = {0};
	q.year = 2026;
	FUZZ_CHECK(qd_open(&q, db_file, 0, &err) == QD_OK);
	long long head = 0, head_after = 0;
	char hash[65];
	FUZZ_CHECK(store_audit_head(q.db, &head, hash) == QD_OK);
	struct tui *t = tui_new(&q, 1);
	tui_draw(t);
	check_screen(t);
	for (size_t i = 1; i < size && !tui_done(t);) {
		i += event(t, data + i, size - i);
		check_screen(t);
	}
	tui_free(&t);

	/* something was written (here or by the other connection): the chain
	 * still verifies */
	FUZZ_CHECK(store_audit_head(q.db, &head_after, hash) == QD_OK);
	if (head_after != head) {
		struct strbuf report = {0};
		sb_reset(&err);
		FUZZ_CHECK(qd_audit_verify(&q, &report, &err) == QD_OK);
		sb_free(&report);
	}
	sb_free(&err);
	qd_close(&q);
	msg_set_english(0);
	return 0;
}
