/* fuzz_text.c — libFuzzer target for the width functions of src/text.c
 * (text.h): width, sanitize, fit, pad, prefix, wrap and decode on any
 * bytes at any width.  Input: two bytes give the width (-20 .. 279), one
 * byte the flags (ellipsis, alignment), the rest is the text.
 *
 * Invariants (text.h's contract): every output is well-formed UTF-8 with
 * no control character; text_fit fits in cols (and keeps a text that fits
 * whole); text_pad is exactly cols wide; text_prefix never cuts a
 * character and its width is right; text_wrap gives >= 1 lines each at
 * most cols wide, and the lines joined are the clean text with only
 * spaces (at breaks) missing; text_decode steps 1..n bytes.  By grapheme
 * cluster (issue 14.5): text_prefix ends on a cluster boundary, a cut
 * never splits a cluster (👍🏻, e + U+0301: the fitted text's clusters are
 * the text's first ones), and wrapping splits none either (without spaces
 * the lines hold as many clusters as the text, and are as wide);
 * text_terminal_safe keeps the width. */
#include "fuzz.h"

static int width_of(const char *s)
{
	int w = text_width(s);
	FUZZ_CHECK(w >= 0);
	return w;
}

/* s without its spaces (and newlines when asked). */
/* s without spaces (and newlines), and without the bidi embedding,
 * override and isolate controls (U+202A–U+202E, U+2066–U+2069), which
 * text_wrap closes and reopens on every line so each is balanced alone. */
static char *squeeze(const char *s, int newlines)
{
	struct strbuf b = {0};
	sb_puts(&b, "");
	for (; *s; s++) {
		const unsigned char *u = (const unsigned char *)s;
		if (u[0] == 0xE2 && ((u[1] == 0x80 && u[2] >= 0xAA && u[2] <= 0xAE) ||
				     (u[1] == 0x81 && u[2] >= 0xA6 && u[2] <= 0xA9))) {
			s += 2;
			continue;
		}
		if (*s != ' ' && !(newlines && *s == '\n'))
			sb_putc(&b, *s);
	}
	return sb_take(&b);
}

/* A bidi embedding, override or isolate control at s. */
static int is_bidi_at(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;
	return u[0] == 0xE2 && ((u[1] == 0x80 && u[2] >= 0xAA && u[2] <= 0xAE) ||
				(u[1] == 0x81 && u[2] >= 0xA6 && u[2] <= 0xA9));
}

/* Clusters in s (text_next_cluster steps 1.. bytes, to the end). */
static int clusters_of(const char *s)
{
	size_t n = strlen(s), i = 0;
	int count = 0;
	while (i < n) {
		int w;
		size_t k = text_next_cluster(s + i, n - i, &w);
		FUZZ_CHECK(k >= 1 && k <= n - i && w >= 0);
		i += k;
		count++;
	}
	return count;
}

static void check_clean(const char *s, int newline_ok)
{
	FUZZ_CHECK(fuzz_valid_utf8(s));
	FUZZ_CHECK(fuzz_no_controls(s, newline_ok));
}

static void check_fit(const char *s, int cols, int ellipsis)
{
	char *f = text_fit(s, cols, ellipsis);
	check_clean(f, 0);
	int w = width_of(f);
	if (cols <= 0) {
		FUZZ_CHECK(*f == '\0');
	} else {
		FUZZ_CHECK(w <= cols);
		if (width_of(s) <= cols) {
			char *clean = text_sanitize(s, 0);
			FUZZ_CHECK(strcmp(f, clean) == 0);
			free(clean);
		} else if (width_of(s) > cols) {
			FUZZ_CHECK(w == cols);   /* a cut text is padded out */
		}
	}
	free(f);
	if (cols > 0 && !ellipsis) {
		/* no cluster split: the fitted text, less its padding and the
		 * bidi closers added at its end, is the clean text cut at a
		 * cluster boundary (or where only bidi controls follow in that
		 * cluster: they belong to it but take nothing) */
		char *clean = text_sanitize(s, 0);
		f = text_fit(s, cols, 0);
		size_t r = strlen(f), cl = strlen(clean);
		for (;;) {
			if (r > 0 && f[r - 1] == ' ')
				r--;
			else if (r >= 3 && is_bidi_at(f + r - 3))
				r -= 3;
			else
				break;
		}
		FUZZ_CHECK(r <= cl && memcmp(f, clean, r) == 0);
		size_t at = 0;
		while (at < r) {
			size_t k = text_next_cluster(clean + at, cl - at, NULL);
			FUZZ_CHECK(k >= 1);
			if (at + k > r) {
				for (size_t x = r; x < at + k; x += 3)
					FUZZ_CHECK(is_bidi_at(clean + x));
				break;
			}
			at += k;
		}
		free(clean);
		free(f);
	}
}

static void check_pad(const char *s, int cols, char align)
{
	char *p = text_pad(s, cols, align);
	check_clean(p, 0);
	FUZZ_CHECK(width_of(p) == (cols > 0 ? cols : 0));
	free(p);
}

static void check_prefix(const char *s, int cols)
{
	int w = -1;
	size_t n = text_prefix(s, cols, &w);
	FUZZ_CHECK(n <= strlen(s));
	FUZZ_CHECK(w >= 0 && w <= (cols > 0 ? cols : 0));
	FUZZ_CHECK(w == text_nwidth(s, n));
	/* n is on a cluster boundary: stepping by clusters lands on it */
	size_t i = 0;
	while (i < n) {
		size_t k = text_next_cluster(s + i, strlen(s + i), NULL);
		FUZZ_CHECK(k >= 1);
		i += k;
	}
	FUZZ_CHECK(i == n);
}

static void check_wrap(const char *s, int cols)
{
	char **lines;
	int n = text_wrap(s, cols, &lines);
	int limit = cols < 2 ? 2 : cols;
	FUZZ_CHECK(n >= 1);
	struct strbuf joined = {0};
	sb_puts(&joined, "");
	for (int i = 0; i < n; i++) {
		FUZZ_CHECK(lines[i] != NULL);
		check_clean(lines[i], 0);
		FUZZ_CHECK(width_of(lines[i]) <= limit);
		sb_puts(&joined, lines[i]);
	}
	char *clean = text_sanitize(s, 1);
	char *a = squeeze(joined.s, 1), *b = squeeze(clean, 1);
	FUZZ_CHECK(strcmp(a, b) == 0);
	if (!strchr(clean, ' ') && !strchr(clean, '\n')) {
		char *j = squeeze(joined.s, 0), *c = squeeze(clean, 0);
		FUZZ_CHECK(strcmp(j, c) == 0);
		int nc = 0, wsum = 0;
		for (int i = 0; i < n; i++) {
			char *bare = squeeze(lines[i], 0);   /* a line of bidi controls only is no cluster */
			nc += clusters_of(bare);
			free(bare);
			wsum += width_of(lines[i]);
		}
		FUZZ_CHECK(nc == clusters_of(c));      /* no cluster split */
		FUZZ_CHECK(wsum == width_of(clean));
		free(j);
		free(c);
	}
	free(a);
	free(b);
	free(clean);
	sb_free(&joined);
	text_lines_free(lines, n);
}

static void check_decode(const uint8_t *data, size_t size)
{
	size_t i = 0;
	while (i < size) {
		unsigned wc;
		int w;
		size_t k = text_decode((const char *)data + i, size - i, &wc, &w);
		FUZZ_CHECK(k >= 1 && k <= size - i);
		FUZZ_CHECK(w >= 0 && w <= 2);
		FUZZ_CHECK(wc <= 0x10FFFF && !(wc >= 0xD800 && wc <= 0xDFFF));
		FUZZ_CHECK(wc >= 0xA0 || (wc >= 0x20 && wc < 0x7F));
		i += k;
	}
	unsigned wc;
	int w;
	FUZZ_CHECK(text_decode("", 0, &wc, &w) == 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_setup();
	if (size < 3)
		return 0;
	int cols = (int)(((unsigned)data[0] << 8 | data[1]) % 300) - 20;
	int flags = data[2];
	data += 3;
	size -= 3;
	char *s = fuzz_string(data, size);

	char *clean = text_sanitize(s, 0);
	check_clean(clean, 0);
	FUZZ_CHECK(width_of(clean) == width_of(s));
	free(clean);
	clean = text_sanitize(s, 1);
	check_clean(clean, 1);
	free(clean);
	FUZZ_CHECK(text_nwidth(s, strlen(s)) == width_of(s));
	FUZZ_CHECK(text_nwidth(s, (size_t)-1) == width_of(s));

	char *safe = text_terminal_safe(s);
	FUZZ_CHECK(width_of(safe) == width_of(s));
	free(safe);
	check_fit(s, cols, flags & 1);
	check_pad(s, cols, "lrc"[(flags >> 1) % 3]);
	check_prefix(s, cols);
	check_wrap(s, cols);
	check_decode(data, size);
	free(s);
	return 0;
}
