/* tui_draw.c — putting text on the screen: styles (colour, or bold /
 * underline / dim on a monochrome terminal and under NO_COLOR), cells
 * placed at absolute columns and cut by display width, boxes and rules, and
 * reading the screen back as text for the tests.
 *
 * Every string from the data goes through text.h here, so control
 * characters and bad bytes reach the terminal as U+FFFD, and each cell is
 * written at its own column with mvaddstr: one odd-width character cannot
 * push the rest of a row.  Frames and rules are ASCII ('+', '-', '|'): the
 * Unicode box characters are East Asian "ambiguous" and take two columns
 * on terminals set up for CJK (PuTTY's default in many offices). */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "qingdan/text.h"
#include "qingdan/tui_view.h"

enum { P_RED = 1, P_YELLOW, P_GREEN, P_HEADER, P_TAB_ON, P_BAR, P_POPUP_TITLE, P_KEY, P_COLHEAD };

void tui_draw_init(struct tui *t)
{
	const char *no_color = getenv("NO_COLOR");
	t->color = has_colors() && !(no_color && *no_color);
	if (!t->color)
		return;
	start_color();
	use_default_colors();
	init_pair(P_RED, COLOR_RED, -1);
	init_pair(P_YELLOW, COLOR_YELLOW, -1);
	init_pair(P_GREEN, COLOR_GREEN, -1);
	init_pair(P_HEADER, COLOR_WHITE, COLOR_BLUE);
	init_pair(P_TAB_ON, COLOR_BLACK, COLOR_CYAN);
	init_pair(P_BAR, COLOR_BLACK, COLOR_GREEN);
	init_pair(P_POPUP_TITLE, COLOR_WHITE, COLOR_BLUE);
	init_pair(P_KEY, COLOR_CYAN, -1);
	init_pair(P_COLHEAD, COLOR_CYAN, -1);
}

attr_t tui_attr(const struct tui *t, enum tui_style s)
{
	static const attr_t mono[TS__COUNT] = {
		[TS_NORMAL] = A_NORMAL, [TS_HEADER] = A_REVERSE, [TS_TAB] = A_NORMAL,
		[TS_TAB_ON] = A_REVERSE | A_BOLD, [TS_COLHEAD] = A_UNDERLINE,
		[TS_SELECTED] = A_REVERSE, [TS_OVERDUE] = A_BOLD, [TS_DUE_SOON] = A_UNDERLINE,
		[TS_DONE] = A_NORMAL, [TS_CANCELLED] = A_DIM, [TS_KEYS] = A_NORMAL,
		[TS_KEY] = A_BOLD, [TS_ERROR] = A_BOLD, [TS_INFO] = A_NORMAL, [TS_POPUP] = A_NORMAL,
		[TS_POPUP_TITLE] = A_REVERSE, [TS_BAR] = A_REVERSE, [TS_BAR_EMPTY] = A_DIM,
		[TS_DIM] = A_DIM, [TS_FIELD] = A_UNDERLINE, [TS_FIELD_ON] = A_REVERSE,
	};
	if (s < 0 || s >= TS__COUNT)
		return A_NORMAL;
	if (!t->color)
		return mono[s];
	switch (s) {
	case TS_HEADER: return COLOR_PAIR(P_HEADER) | A_BOLD;
	case TS_TAB_ON: return COLOR_PAIR(P_TAB_ON) | A_BOLD;
	case TS_COLHEAD: return COLOR_PAIR(P_COLHEAD) | A_BOLD;
	case TS_OVERDUE: return COLOR_PAIR(P_RED) | A_BOLD;
	case TS_DUE_SOON: return COLOR_PAIR(P_YELLOW);
	case TS_DONE: return COLOR_PAIR(P_GREEN);
	case TS_ERROR: return COLOR_PAIR(P_RED) | A_BOLD;
	case TS_KEY: return COLOR_PAIR(P_KEY) | A_BOLD;
	case TS_BAR: return COLOR_PAIR(P_BAR);
	case TS_POPUP_TITLE: return COLOR_PAIR(P_POPUP_TITLE) | A_BOLD;
	default: return mono[s];
	}
}

enum tui_style tui_item_style(int status, const char *flags)
{
	if (status == ST_CANCELLED)
		return TS_CANCELLED;
	if (status == ST_DONE)
		return TS_DONE;
	if (flags && strstr(flags, "overdue"))
		return TS_OVERDUE;
	if (flags && strstr(flags, "due_soon"))
		return TS_DUE_SOON;
	return TS_NORMAL;
}

/* Clip a cell to the screen; 0 if nothing of it shows. */
static int clip(int y, int x, int *w)
{
	if (y < 0 || y >= LINES || x < 0 || x >= COLS || *w <= 0)
		return 0;
	if (*w > COLS - x)
		*w = COLS - x;
	return 1;
}

/* Emoji sequences go out as text_terminal_safe makes them: curses counts
 * columns with the C library's wcwidth code point by code point, so it
 * takes 👨‍👩‍👧 for 6 columns and 👍🏻 for 4 where the terminal may draw 2 —
 * and after the next partial redraw (the selection moving) the rest of the
 * row lands 4 columns off (issue 14).  Its first picture, padded to our
 * width, is the same size to curses, to the terminal and to us. */
static void put_raw(int y, int x, const char *clean, attr_t attr)
{
	char *safe = text_terminal_safe(clean);
	attrset(attr);
	mvaddstr(y, x, safe);
	attrset(A_NORMAL);
	free(safe);
}

int tui_put(int y, int x, int w, const char *text, attr_t attr)
{
	if (!clip(y, x, &w))
		return 0;
	char *fit = text_fit(text ? text : "", w, 1);
	int tw = text_width(fit);
	char *pad = text_pad(fit, w, 'l');
	put_raw(y, x, pad, attr);
	free(pad);
	free(fit);
	return tw;
}

void tui_put_right(int y, int x, int w, const char *text, attr_t attr)
{
	if (!clip(y, x, &w))
		return;
	char *fit = text_fit(text ? text : "", w, 1);
	char *pad = text_pad(fit, w, 'r');
	put_raw(y, x, pad, attr);
	free(pad);
	free(fit);
}

void tui_fill(int y, int x, int w, attr_t attr)
{
	if (!clip(y, x, &w))
		return;
	/* spaces written as text, not mvhline: waddch cleans up a wide
	 * character it cuts in half, hline leaves its other half marked, and
	 * the refresh then blanks what is drawn beside it */
	char *sp = xmalloc((size_t)w + 1);
	memset(sp, ' ', (size_t)w);
	sp[w] = '\0';
	put_raw(y, x, sp, attr);
	free(sp);
}

void tui_rule(int y, int x, int w, const char *title, attr_t attr)
{
	if (!clip(y, x, &w))
		return;
	struct strbuf b = {0};
	sb_puts(&b, "-- ");
	if (title && *title) {
		sb_puts(&b, title);
		sb_putc(&b, ' ');
	}
	int used = text_width(b.s);
	for (int i = used; i < w; i++)
		sb_putc(&b, '-');
	tui_put(y, x, w, b.s, attr);
	sb_free(&b);
}

/* Does a wide character straddle columns x-1 and x of row y? */
static int splits_wide(int y, int x)
{
	if (y < 0 || y >= LINES || x <= 0 || x >= COLS)
		return 0;
	for (int c = 0; c < x;) {
		cchar_t cc;
		wchar_t wc[CCHARW_MAX + 1] = {0};
		attr_t a;
		short pair;
		if (mvwin_wch(stdscr, y, c, &cc) == ERR || getcchar(&cc, wc, &a, &pair, NULL) == ERR)
			return 0;
		int cw = wcwidth(wc[0]);
		if (cw < 1)
			cw = 1;
		if (c + cw > x)
			return 1;
		c += cw;
	}
	return 0;
}

void tui_box(struct tui *t, int y, int x, int h, int w, const char *title)
{
	attr_t a = tui_attr(t, TS_POPUP);
	if (h < 2 || w < 2)
		return;
	/* A box edge through the middle of a wide character underneath: blank
	 * the whole character first.  Else the terminal (which erases a wide
	 * character when either half is written) and curses' idea of it part,
	 * and the character is not redrawn when the box goes. */
	for (int r = y; r < y + h; r++) {
		if (splits_wide(r, x))
			tui_put(r, x - 1, 1, " ", A_NORMAL);
		if (splits_wide(r, x + w))
			tui_put(r, x + w, 1, " ", A_NORMAL);
	}
	/* fill first, borders after: writing into the second half of a wide
	 * character blanks its first half, which must not be a border */
	for (int r = y + 1; r < y + h - 1; r++) {
		tui_fill(r, x, w, a);
		tui_put(r, x, 1, "|", a);
		tui_put(r, x + w - 1, 1, "|", a);
	}
	struct strbuf top = {0};
	sb_puts(&top, "+");
	for (int i = 1; i < w - 1; i++)
		sb_putc(&top, '-');
	sb_puts(&top, "+");
	tui_put(y, x, w, top.s, a);
	tui_put(y + h - 1, x, w, top.s, a);
	sb_free(&top);
	if (title && *title && w > 6) {
		char *t2 = xasprintf(" %s ", title);
		tui_put(y, x + 2, text_width(t2) < w - 4 ? text_width(t2) : w - 4, t2,
			tui_attr(t, TS_POPUP_TITLE));
		free(t2);
	}
}

/* ---- reading the screen back (tests) ---- */

char *tui_screen_row(int y)
{
	int cy, cx;
	getyx(stdscr, cy, cx);
	struct strbuf b = {0};
	int cols = COLS;
	wchar_t *w = xcalloc((size_t)cols + 1, sizeof *w);
	if (y >= 0 && y < LINES && mvwinnwstr(stdscr, y, 0, w, cols) != ERR) {
		for (int i = 0; w[i]; i++) {
			char mb[MB_LEN_MAX];
			mbstate_t st;
			memset(&st, 0, sizeof st);
			size_t n = wcrtomb(mb, w[i], &st);
			if (n != (size_t)-1)
				sb_add(&b, mb, n);
		}
	}
	free(w);
	move(cy, cx);   /* reading must not move the cursor */
	while (b.len && b.s[b.len - 1] == ' ')
		b.s[--b.len] = '\0';
	return sb_take(&b);
}

char *tui_screen_text(void)
{
	struct strbuf b = {0};
	for (int y = 0; y < LINES; y++) {
		char *row = tui_screen_row(y);
		sb_puts(&b, row);
		sb_putc(&b, '\n');
		free(row);
	}
	return sb_take(&b);
}
