/* tui_edit.c — the line editor of forms and prompts, and the scrolling of
 * in-memory lists.
 *
 * The editor keeps the text as the user's bytes and the cursor as a byte
 * offset that stops on grapheme-cluster boundaries (text_next_cluster: a
 * bad byte is one cluster, 👍🏻 or e + U+0301 is one).  Left/Right move one
 * cluster and Backspace/Delete remove one whole — the skin tone goes with
 * its thumb, the accent with its letter;
 * the cursor is drawn at its display column (a Chinese character is two),
 * and the view scrolls sideways to keep it visible without ever showing
 * half a character.  Control characters cannot be typed in; ones already in
 * the data are kept, shown as U+FFFD, and can be deleted. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "qingdan/norm.h"
#include "qingdan/text.h"
#include "qingdan/tui_view.h"

/* The editor only ever holds UTF-8: a bad byte in old data comes in as
 * U+FFFD, so no form can save one back. */
void tui_line_set(struct tui_line *l, const char *text)
{
	char *valid = norm_valid(text ? text : "");
	sb_reset(&l->text);
	sb_puts(&l->text, valid);
	free(valid);
	l->cur = l->text.len;
	l->scroll = 0;
}

void tui_line_free(struct tui_line *l)
{
	sb_free(&l->text);
}

const char *tui_line_text(const struct tui_line *l)
{
	return l->text.s ? l->text.s : "";
}

int tui_line_cursor_col(const struct tui_line *l)
{
	return l->text.s ? text_nwidth(l->text.s, l->cur) : 0;
}

/* Cluster boundaries are found from the start of the line (a mark typed
 * before a letter can join it to what was a cluster of its own). */
static size_t next_char(const struct tui_line *l, size_t at)
{
	size_t p = 0;
	while (p <= at && p < l->text.len) {
		size_t k = text_next_cluster(l->text.s + p, l->text.len - p, NULL);
		if (!k)
			break;
		p += k;
	}
	return p < l->text.len ? p : l->text.len;
}

static size_t prev_char(const struct tui_line *l, size_t at)
{
	size_t p = 0, last = 0;
	while (p < at && p < l->text.len) {
		last = p;
		size_t k = text_next_cluster(l->text.s + p, l->text.len - p, NULL);
		if (!k)
			break;
		p += k;
	}
	return last;
}

static void cut(struct tui_line *l, size_t from, size_t to)
{
	if (to <= from)
		return;
	memmove(l->text.s + from, l->text.s + to, l->text.len - to + 1);
	l->text.len -= to - from;
	l->cur = from;
}

static void insert(struct tui_line *l, int key)
{
	char mb[MB_LEN_MAX + 1];
	mbstate_t st;
	memset(&st, 0, sizeof st);
	if (key > 0x10FFFF || (key >= 0xD800 && key <= 0xDFFF))
		return;                       /* no UTF-8 for these */
	size_t n = wcrtomb(mb, (wchar_t)key, &st);
	if (n == (size_t)-1 || !norm_is_utf8(mb, n))
		return;
	size_t tail = l->text.len - l->cur;
	sb_add(&l->text, mb, n);   /* grow */
	memmove(l->text.s + l->cur + n, l->text.s + l->cur, tail);
	memcpy(l->text.s + l->cur, mb, n);
	l->cur += n;
}

int tui_line_key(struct tui_line *l, int key)
{
	if (!l->text.s)
		sb_puts(&l->text, "");
	switch (key) {
	case TUI_KEY(KEY_LEFT): case 2: l->cur = prev_char(l, l->cur); return 1;
	case TUI_KEY(KEY_RIGHT): case 6: l->cur = next_char(l, l->cur); return 1;
	case TUI_KEY(KEY_HOME): case 1: l->cur = 0; return 1;
	case TUI_KEY(KEY_END): case 5: l->cur = l->text.len; return 1;
	case TUI_KEY(KEY_BACKSPACE):
		if (l->cur > 0)
			cut(l, prev_char(l, l->cur), l->cur);
		return 1;
	case TUI_KEY(KEY_DC): case 4: cut(l, l->cur, next_char(l, l->cur)); return 1;
	case 21: cut(l, 0, l->cur); return 1;                       /* C-u */
	case 11: l->text.len = l->cur; l->text.s[l->cur] = '\0'; return 1;   /* C-k */
	default: break;
	}
	if (key < 0x20 || key >= TUI_KEYCODE || key == 0x7f || (key >= 0x80 && key < 0xa0) ||
	    key == 0x2028 || key == 0x2029)
		return 0;
	insert(l, key);
	return 1;
}

void tui_line_draw(struct tui *t, struct tui_line *l, int y, int x, int w, attr_t attr,
		   int focus)
{
	if (w < 1)
		return;
	const char *s = tui_line_text(l);
	int col = tui_line_cursor_col(l);
	if (col < l->scroll)
		l->scroll = col;
	if (col - l->scroll >= w)
		l->scroll = col - w + 1;
	struct strbuf vis = {0};
	int c = 0;
	size_t len = strlen(s), at = 0;
	while (at < len) {
		int cw;
		size_t n = text_next_cluster(s + at, len - at, &cw);
		if (!n)
			break;
		if (c + cw > l->scroll + w)
			break;
		if (c >= l->scroll) {
			sb_add(&vis, s + at, n);
		} else if (c + cw > l->scroll) {
			for (int i = l->scroll; i < c + cw; i++)
				sb_putc(&vis, ' ');   /* half a wide character */
		}
		c += cw;
		at += n;
	}
	tui_put(y, x, w, vis.s ? vis.s : "", attr);
	sb_free(&vis);
	if (focus) {
		t->cur_y = y;
		t->cur_x = x + col - l->scroll;
	}
}

/* ---- in-memory scrolling ---- */

void tui_scroll_fit(struct tui_scroll *s, int page)
{
	if (page < 1)
		page = 1;
	if (s->cur >= s->n)
		s->cur = s->n - 1;
	if (s->cur < 0)
		s->cur = 0;
	if (s->cur < s->top)
		s->top = s->cur;
	if (s->cur >= s->top + page)
		s->top = s->cur - page + 1;
	if (s->top > s->n - page)
		s->top = s->n - page;
	if (s->top < 0)
		s->top = 0;
}

int tui_scroll_act(struct tui_scroll *s, enum tui_action a, int page)
{
	switch (a) {
	case TA_DOWN: s->cur++; break;
	case TA_UP: s->cur--; break;
	case TA_PAGE_DOWN: s->cur += page > 1 ? page - 1 : 1; break;
	case TA_PAGE_UP: s->cur -= page > 1 ? page - 1 : 1; break;
	case TA_HOME: s->cur = 0; break;
	case TA_END: s->cur = s->n - 1; break;
	default: return 0;
	}
	tui_scroll_fit(s, page);
	return 1;
}
