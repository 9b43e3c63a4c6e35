/* text.c — how wide UTF-8 text is on a terminal, and cutting, padding and
 * wrapping it by columns.  See text.h for the contract.
 *
 * Everything that lines text up (TUI, table output, text print) measures
 * here, so this file is hot: text_width runs for every cell of every table.
 * ASCII takes a byte-at-a-time fast path (every byte below 0x80 is one
 * column: printable ASCII is itself, a control becomes U+FFFD); other bytes
 * mean what mbrtowc + wcwidth say under a UTF-8 LC_CTYPE — call
 * text_init_locale() first.  Once it has chosen a UTF-8 locale, well-formed
 * 2- and 3-byte sequences (all of Chinese) are decoded here and their
 * widths kept in a table filled from wcwidth on first sight, so a print of
 * 100k rows does not go through mbrtowc's iconv machinery for every
 * character of every pass (issue 10); anything else still goes to mbrtowc.
 * t_text checks the two agree on every code point below U+10000.
 *
 * Decoding rule: one invalid byte is one U+FFFD (a truncated 3-byte
 * sequence of 2 bytes is two of them).  glibc's mbrtowc accepts code points
 * above U+10FFFF, so those are refused here as well. */
#include "qingdan/text.h"

#include "qingdan/util.h"

#include <langinfo.h>
#include <utf8proc.h>
#include <limits.h>
#include <locale.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#define REPL 0xFFFDu
#define REPL_UTF8 "\xEF\xBF\xBD"

/* ---- locale ---- */

/* The fast decoder (see the top): on only while the locale chosen by
 * text_init_locale is UTF-8; widths of U+0000..U+FFFF as wcwidth + 2
 * (0: not asked yet). */
static int fast_utf8;
static signed char bmp_width[0x10000];

static void fast_reset(int utf8)
{
	memset(bmp_width, 0, sizeof bmp_width);
	fast_utf8 = utf8;
}

static int codeset_is_utf8(void)
{
	const char *cs = nl_langinfo(CODESET);
	return cs && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0);
}

/* The user's locale if it is UTF-8, else the first UTF-8 locale present
 * for LC_CTYPE and LC_COLLATE (a GBK collation on UTF-8 bytes would sort
 * nonsense).  LC_NUMERIC stays "C" so printf/strtod keep the '.' that CSV
 * and JSON need whatever the user's locale says. */
int text_init_locale(void)
{
	static const char *const fallback[] = {
		"C.UTF-8", "C.utf8", "en_US.UTF-8", "zh_CN.UTF-8",
	};
	int ok = setlocale(LC_ALL, "") && codeset_is_utf8();
	for (size_t i = 0; !ok && i < ARRAY_SIZE(fallback); i++) {
		if (setlocale(LC_CTYPE, fallback[i]) && codeset_is_utf8()) {
			setlocale(LC_COLLATE, fallback[i]);
			ok = 1;
		}
	}
	setlocale(LC_NUMERIC, "C");
	fast_reset(ok);
	return ok ? 0 : -1;
}

/* ---- decoding and measuring ---- */

/* C0, DEL, C1 and the line/paragraph separators: never sent raw. */
static int is_control(unsigned wc)
{
	return wc < 0x20 || (wc >= 0x7F && wc < 0xA0) || wc == 0x2028 ||
	       wc == 0x2029;
}

/* mbrtowc + wcwidth, as decode_multibyte used to do for every byte. */
static size_t decode_slow(const char *s, size_t n, unsigned *wc, int *w)
{
	mbstate_t st;
	wchar_t x;
	memset(&st, 0, sizeof st);
	size_t r = mbrtowc(&x, s, n, &st);
	unsigned u = (unsigned)x;
	*w = 1;
	if (r == (size_t)-1 || r == (size_t)-2 || r == 0 || u > 0x10FFFF ||
	    (u >= 0xD800 && u <= 0xDFFF)) {
		*wc = REPL;
		return 1;
	}
	if (is_control(u)) {
		*wc = REPL;
		return r;
	}
	int cw = wcwidth(x);
	*wc = u;
	*w = cw < 0 ? 1 : cw;
	return r;
}

/* A well-formed 2- or 3-byte sequence at s (no overlong form, no
 * surrogate): its code point and length; else 0.  These are exactly the
 * sequences glibc's UTF-8 mbrtowc takes whole. */
static inline size_t utf8_short(const unsigned char *p, size_t n, unsigned *u)
{
	unsigned c = p[0];
	if (c >= 0xC2 && c <= 0xDF) {
		if (n < 2 || (p[1] & 0xC0) != 0x80)
			return 0;
		*u = (c & 0x1Fu) << 6 | (p[1] & 0x3Fu);
		return 2;
	}
	if (c >= 0xE0 && c <= 0xEF) {
		if (n < 3 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80 ||
		    (c == 0xE0 && p[1] < 0xA0) || (c == 0xED && p[1] >= 0xA0))
			return 0;
		*u = (c & 0x0Fu) << 12 | (p[1] & 0x3Fu) << 6 | (p[2] & 0x3Fu);
		return 3;
	}
	return 0;
}

static int is_plain(unsigned u);

/* The table also keeps (bit 3) whether the character is of grapheme class
 * Other (is_plain), for text_nwidth's fast path; *plain gets it when asked
 * (-1: not known, a character outside the table). */
static size_t decode_mb(const char *s, size_t n, unsigned *wc, int *w, int *plain)
{
	unsigned u;
	size_t r = fast_utf8 ? utf8_short((const unsigned char *)s, n, &u) : 0;
	if (plain)
		*plain = -1;
	if (!r)
		return decode_slow(s, n, wc, w);
	if (is_control(u)) {
		*wc = REPL;
		*w = 1;
		return r;
	}
	int cw = bmp_width[u];
	if (!cw)
		bmp_width[u] = (signed char)(cw = (wcwidth((wchar_t)u) + 2) | (is_plain(u) ? 8 : 0));
	*wc = u;
	*w = (cw & 7) < 2 ? 1 : (cw & 7) - 2;
	if (plain)
		*plain = cw >> 3 & 1;
	return r;
}

/* decode_mb for a loop that runs over every character (a wrap, is_clean):
 * a 2- or 3-byte character whose width is in the table already is read
 * here, anything else goes to decode_mb — the same answers, without the
 * call. */
static inline size_t decode_mb_fast(const char *s, size_t n, unsigned *wc, int *w, int *plain)
{
	unsigned u;
	size_t r = fast_utf8 ? utf8_short((const unsigned char *)s, n, &u) : 0;
	int cw = r ? bmp_width[u] : 0;
	if (!cw || is_control(u))
		return decode_mb(s, n, wc, w, plain);
	*wc = u;
	*w = (cw & 7) < 2 ? 1 : (cw & 7) - 2;
	*plain = cw >> 3 & 1;
	return r;
}

static size_t decode_multibyte(const char *s, size_t n, unsigned *wc, int *w)
{
	return decode_mb(s, n, wc, w, NULL);
}

size_t text_decode(const char *s, size_t n, unsigned *wc, int *w)
{
	if (n == 0) {
		*wc = REPL;
		*w = 0;
		return 0;
	}
	unsigned char c = (unsigned char)*s;
	if (c < 0x80) {
		*wc = is_control(c) ? REPL : c;
		*w = 1;
		return 1;
	}
	return decode_multibyte(s, n, wc, w);
}

/* ---- grapheme clusters ----
 *
 * What the user sees as one character: a base and its combining marks
 * (e + U+0301), an emoji and its skin tone (👍🏻), a ZWJ sequence (👨‍👩‍👧), a
 * flag (two regional indicators, 🇨🇳), a Hangul syllable of jamo.  Where
 * one cluster ends is utf8proc's (utf8proc_grapheme_break_stateful, the
 * Unicode rules of UAX #29); how wide it is stays ours: the sum of wcwidth
 * over its code points, which is what ncursesw (it asks the C library's
 * wcwidth) and the terminal agree on for text and marks — utf8proc's own
 * utf8proc_charwidth differs from glibc on East Asian characters (U+3248
 * and the ambiguous ones, for instance), and the TUI must count as curses
 * does.  The one exception is an emoji sequence — a pictograph with a
 * skin tone, a ZWJ or a presentation selector after it, or a flag: that
 * is one picture two columns wide, whatever the sum says (👍🏻 is 2+2 by
 * wcwidth; the family 2+0+2+0+2).  No cluster counts more than 2.
 * text_terminal_safe makes the screen agree with that count.
 *
 * Code points shown as U+FFFD (bad bytes, controls) and U+FFFD itself
 * never join a cluster; the bidi controls, which clean copies drop or add
 * (see below), are passed over — they belong to the cluster they are in,
 * take no column and neither join nor part what is around them.  So the
 * raw text and its clean copy cut the same and are as wide. */

static int is_bidi_control(unsigned wc);

/* 1 if u is of grapheme class Other: nothing after it joins it and it
 * joins nothing before it unless that is a Prepend (or it is ZWJ-glued,
 * which Other is not).  Two of them in a row are always two clusters — so
 * Chinese text is cut without asking utf8proc for every pair (kept for
 * U+0000..U+FFFF: 0 not asked yet, 1 Other, 2 not). */
static unsigned char bmp_plain[0x10000];

static int is_plain(unsigned u)
{
	if (u < 0x10000 && bmp_plain[u])
		return bmp_plain[u] == 1;
	int plain = utf8proc_get_property((utf8proc_int32_t)u)->boundclass == UTF8PROC_BOUNDCLASS_OTHER;
	if (u < 0x10000)
		bmp_plain[u] = plain ? 1 : 2;
	return plain;
}

static int is_pictograph(unsigned u)
{
	int bc = utf8proc_get_property((utf8proc_int32_t)u)->boundclass;
	return bc == UTF8PROC_BOUNDCLASS_EXTENDED_PICTOGRAPHIC || bc == UTF8PROC_BOUNDCLASS_E_ZWG;
}

static int is_regional(unsigned u)
{
	return u >= 0x1F1E6 && u <= 0x1F1FF;
}

/* What makes an emoji sequence of a pictograph: ZWJ, VS16, a skin tone. */
static int is_emoji_joiner(unsigned u)
{
	return u == 0x200D || u == 0xFE0F || (u >= 0x1F3FB && u <= 0x1F3FF);
}

/* One cluster at s (at most n bytes, up to a NUL): its bytes (0 at the
 * end), its width, its first code point and how many code points; *lead
 * (unless NULL) gets the code point text_decode reads at s — the first
 * one too, save that a leading bidi control is passed over in *first and
 * not in *lead (0 at the end). */
static size_t cluster(const char *s, size_t n, int *width, unsigned *first, int *ncp,
		      unsigned *lead)
{
	unsigned wc = 0, prev;
	int w = 0, sum, emoji = 0, count = 1;
	size_t i = 0;
	*width = 0;
	*first = 0;
	*ncp = 0;
	if (lead)
		*lead = 0;
	if (n == 0 || !*s)
		return 0;
	if ((unsigned char)s[0] < 0x80 && (n == 1 || (unsigned char)s[1] < 0x80)) {
		text_decode(s, n, first, width);   /* ASCII before ASCII (or the end): alone */
		*ncp = 1;
		if (lead)
			*lead = *first;
		return 1;
	}
	/* the common case, Chinese: a character of class Other before ASCII,
	 * the end or another Other is a cluster alone (see is_plain) */
	if ((unsigned char)s[0] >= 0x80) {
		int p0, p1 = 1, w1;
		unsigned c1;
		size_t k = decode_mb(s, n, &wc, &w, &p0);
		if (p0 < 0)
			p0 = wc != REPL && is_plain(wc);
		if (k > 1 && p0 && k < n && (unsigned char)s[k] >= 0x80) {
			decode_mb(s + k, n - k, &c1, &w1, &p1);
			if (p1 < 0)
				p1 = c1 != REPL && is_plain(c1);
		}
		if (k > 1 && p0 && p1) {
			*first = wc;
			*width = w;
			*ncp = 1;
			if (lead)
				*lead = wc;
			return k;
		}
		wc = 0;
	}
	while (i < n && s[i]) {                /* bidi controls before it: with it */
		size_t k = text_decode(s + i, n - i, &wc, &w);
		if (lead && i == 0)
			*lead = wc;
		i += k;
		if (!is_bidi_control(wc))
			break;
		wc = 0;
	}
	if (!wc) {
		*ncp = 1;
		return i;
	}
	*first = prev = wc;
	sum = w;
	utf8proc_int32_t state = 0;
	int plain = prev != REPL && is_plain(prev);
	while (i < n && s[i] && prev != REPL) {
		if (plain && (unsigned char)s[i] < 0x80)
			break;                     /* ASCII joins no Other */
		size_t k = text_decode(s + i, n - i, &wc, &w);
		if (is_bidi_control(wc)) {
			i += k;
			continue;
		}
		if (wc == REPL || (plain && is_plain(wc)) ||
		    utf8proc_grapheme_break_stateful((utf8proc_int32_t)prev, (utf8proc_int32_t)wc, &state))
			break;
		if (is_emoji_joiner(wc) || (is_regional(wc) && is_regional(*first)))
			emoji = 1;
		sum += w;
		count++;
		prev = wc;
		plain = 0;
		i += k;
	}
	/* An emoji sequence is one picture; and no cluster is wider than a
	 * wide character (Hangul jamo L+L, a run of spacing marks: the sum
	 * can reach 4+), so a line of 2 columns always takes one and
	 * text_terminal_safe draws it as its first character padded. */
	if ((emoji && (is_pictograph(*first) || is_regional(*first))) || sum > 2)
		sum = 2;
	*width = sum;
	*ncp = count;
	return i;
}

size_t text_next_cluster(const char *s, size_t n, int *width)
{
	unsigned first;
	int ncp, w;
	size_t k = cluster(s, n, &w, &first, &ncp, NULL);
	if (width)
		*width = w;
	return k;
}

/* Stops at n bytes or at a NUL, whichever comes first.  The common case —
 * Chinese: a character of class Other before another or before ASCII — is
 * counted here, each character decoded once; anything else is a cluster. */
int text_nwidth(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, k = 0;          /* k: bytes of the decoded wc at i, if any */
	long long width = 0;
	unsigned wc = 0;
	int w = 0, plain = 0;
	while (i < n && p[i]) {
		if (p[i] < 0x80 && (i + 1 >= n || p[i + 1] < 0x80)) {
			width++;
			i++;
			k = 0;
			continue;
		}
		if (p[i] >= 0x80) {
			if (!k)
				k = decode_mb(s + i, n - i, &wc, &w, &plain);
			if (plain < 0)
				plain = is_plain(wc);
			if (k > 1 && plain) {
				size_t j = i + k, nk = 0;
				unsigned nc = 0;
				int nw = 0, np = 0;
				if (j < n && p[j] >= 0x80) {
					nk = decode_mb(s + j, n - j, &nc, &nw, &np);
					if (np < 0)
						np = is_plain(nc);
				}
				if (j >= n || p[j] < 0x80 || np) {
					width += w;
					i = j;
					k = nk;
					wc = nc;
					w = nw;
					plain = np;
					continue;
				}
			}
		}
		int cw;
		i += text_next_cluster(s + i, n - i, &cw);
		width += cw;
		k = 0;
	}
	return width > INT_MAX ? INT_MAX : (int)width;
}

char *text_terminal_safe(const char *s)
{
	struct strbuf b = {0};
	size_t n = strlen(s), i = 0;
	sb_puts(&b, "");
	while (i < n) {
		unsigned first, wc;
		int w, ncp, cw;
		size_t k = cluster(s + i, n - i, &w, &first, &ncp, NULL);
		int curses = 0, odd = 0;
		for (size_t j = 0; ncp > 1 && j < k;) {
			j += text_decode(s + i + j, k - j, &wc, &cw);
			curses += cw;
			odd |= is_emoji_joiner(wc);
		}
		if (ncp > 1 && (odd || curses != w)) {
			/* the first picture alone (and any bidi control, kept for
			 * the balance), padded to the cluster's width */
			int pic = 0, pw = 0;
			for (size_t j = 0; j < k;) {
				size_t kk = text_decode(s + i + j, k - j, &wc, &cw);
				if (is_bidi_control(wc) || !pic++) {
					sb_add(&b, s + i + j, kk);
					pw += is_bidi_control(wc) ? 0 : cw;
				}
				j += kk;
			}
			for (; pw < w; pw++)
				sb_putc(&b, ' ');
		} else {
			sb_add(&b, s + i, k);
		}
		i += k;
	}
	return sb_take(&b);
}

int text_width(const char *s)
{
	return text_nwidth(s, SIZE_MAX);
}

/* ---- bidi controls ---- */

/* Embedding, override and isolate controls change the order of everything
 * after them up to their closer — or to the end of the line when there is
 * none, so a U+202E in one name would reverse the rest of a table row.
 * Every clean copy keeps them balanced: a closer with no opener is dropped,
 * and whatever is still open at the end of the copy is closed there. */
enum { BIDI_MAX = 16 };

struct bidi {
	unsigned char open[BIDI_MAX];   /* 'E' embedding/override, 'I' isolate */
	int depth, overflow;
};

static int is_bidi_control(unsigned wc)
{
	return (wc >= 0x202A && wc <= 0x202E) || (wc >= 0x2066 && wc <= 0x2069);
}

/* Take one bidi control: 1 to copy it, 0 to drop it. */
static int bidi_take(struct bidi *b, unsigned wc)
{
	if (wc == 0x202C || wc == 0x2069) {
		int want = wc == 0x202C ? 'E' : 'I';
		if (b->overflow > 0) {
			b->overflow--;
			return 0;
		}
		int d = b->depth;
		while (d > 0 && b->open[d - 1] != want && want == 'I')
			d--;           /* a PDI also closes the embeddings inside it */
		if (d == 0 || b->open[d - 1] != want)
			return 0;
		b->depth = d - 1;
		return 1;
	}
	if (b->depth == BIDI_MAX) {
		b->overflow++;
		return 0;
	}
	b->open[b->depth++] = wc >= 0x2066 ? 'I' : 'E';
	return 1;
}

/* Close what is still open (innermost first). */
static void bidi_close(struct bidi *b, struct strbuf *out)
{
	while (b->depth > 0)
		sb_puts(out, b->open[--b->depth] == 'I' ? "\xE2\x81\xA9" : "\xE2\x80\xAC");
	b->overflow = 0;
}

/* ---- clean copies ---- */

/* Length of the run of printable ASCII at s (at most n bytes), less its
 * last character when a non-ASCII byte follows: that one may carry a
 * combining mark and is measured as a cluster. */
static size_t ascii_run(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n && s[i] >= 0x20 && s[i] < 0x7F)
		i++;
	if (i > 0 && i < n && (unsigned char)s[i] >= 0x80)
		i--;
	return i;
}

/* Walk s (at most n bytes, up to a NUL) while the text fits in `cols`
 * columns; append its clean form to b unless b is NULL.  Zero-width
 * characters after the last one that fits are taken too.  Returns the
 * columns taken; *used is the bytes of s consumed. */
static int clean_span(struct strbuf *b, const char *s, size_t n, int cols,
		      size_t *used)
{
	size_t i = 0, from = 0;   /* s[from, i) is still to be copied as it is */
	int width = 0;
	struct bidi bd = {{0}, 0, 0};
	while (i < n && s[i]) {
		size_t run = ascii_run(s + i, n - i);
		if (run > (size_t)(cols - width))
			run = (size_t)(cols - width);
		if (run > 0) {
			i += run;
			width += (int)run;
			continue;
		}
		int w, ncp;
		unsigned first;
		size_t k = cluster(s + i, n - i, &w, &first, &ncp, NULL);
		if (w > cols - width)
			break;
		/* one character, neither bad nor a bidi control: copied as it is */
		int as_is = ncp == 1 && first != REPL && !is_bidi_control(first) &&
			    k == (first < 0x80 ? 1u : first < 0x800 ? 2u : first < 0x10000 ? 3u : 4u);
		for (size_t j = i; b && !as_is && j < i + k;) {
			unsigned wc;
			int cw;
			size_t kk = text_decode(s + j, i + k - j, &wc, &cw);
			if (wc == REPL || is_bidi_control(wc)) {
				/* not copied as it is: what came before goes first */
				sb_add(b, s + from, j - from);
				if (wc == REPL)
					sb_add(b, REPL_UTF8, 3);
				else if (bidi_take(&bd, wc))
					sb_add(b, s + j, kk);
				from = j + kk;
			}
			j += kk;
		}
		i += k;
		width += w;
	}
	if (b) {
		sb_add(b, s + from, i - from);
		bidi_close(&bd, b);
	}
	*used = i;
	return width;
}

char *text_bidi_safe(const char *s)
{
	struct strbuf b = {0};
	struct bidi bd = {{0}, 0, 0};
	size_t n = strlen(s), i = 0;
	sb_puts(&b, "");
	while (i < n) {
		unsigned wc;
		int w;
		size_t k = (unsigned char)s[i] < 0x80 ? 1 : decode_multibyte(s + i, n - i, &wc, &w);
		if ((unsigned char)s[i] < 0x80) {
			if (s[i] == '\n')
				bidi_close(&bd, &b);   /* a paragraph ends them anyway */
			sb_putc(&b, s[i]);
		} else if (wc == REPL && k == 1) {
			sb_add(&b, REPL_UTF8, 3);
		} else if (!is_bidi_control(wc) || bidi_take(&bd, wc)) {
			sb_add(&b, s + i, k);
		}
		i += k;
	}
	bidi_close(&bd, &b);
	return sb_take(&b);
}

static void add_spaces(struct strbuf *b, int n)
{
	while (n-- > 0)
		sb_putc(b, ' ');
}

char *text_sanitize(const char *s, int keep_newlines)
{
	struct strbuf b = {0};
	size_t used;
	for (;;) {
		clean_span(&b, s, keep_newlines ? strcspn(s, "\r\n") : SIZE_MAX,
			   INT_MAX, &used);
		s += used;
		if (*s == '\0')
			break;
		if (s[0] == '\r' && s[1] != '\n')
			sb_add(&b, REPL_UTF8, 3);
		else if (s[0] == '\n')
			sb_putc(&b, '\n');
		s++;
	}
	return sb_take(&b);
}

/* 1 if text_sanitize would give s back unchanged: printable ASCII (and
 * '\n' when kept), whole characters that are neither controls nor bidi
 * controls, no U+FFFD of a bad byte.  Conservative: a bidi control or a
 * U+FFFD at all sends s the long way. */
static int is_clean(const char *s, int keep_newlines)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;
	for (;;) {
		unsigned char c = p[i];
		if (c >= 0x20 && c < 0x7F) {
			i++;
			continue;
		}
		if (c == '\0')
			return 1;
		if (c < 0x80) {
			if (c != '\n' || !keep_newlines)
				return 0;
			i++;
			continue;
		}
		/* Under UTF-8, a lead byte E1..EC or EE and two continuation
		 * bytes (all of Chinese but its full-width punctuation) is a
		 * character utf8_short takes whole, and none of those is a
		 * control, U+FFFD or a bidi control (led by E2 and EF); E0 and
		 * ED (overlong forms, surrogates) take the long way too. */
		if (fast_utf8 && c >= 0xE1 && c <= 0xEE && c != 0xE2 && c != 0xED &&
		    (p[i + 1] & 0xC0) == 0x80 && (p[i + 2] & 0xC0) == 0x80) {
			i += 3;
			continue;
		}
		unsigned wc;
		int w;
		i += decode_multibyte(s + i, SIZE_MAX, &wc, &w);
		if (wc == REPL || is_bidi_control(wc))
			return 0;
	}
}

char *text_sanitize_take(char *s, int keep_newlines)
{
	if (s && is_clean(s, keep_newlines))
		return s;
	char *clean = text_sanitize(s ? s : "", keep_newlines);
	free(s);
	return clean;
}

size_t text_prefix(const char *s, int cols, int *width)
{
	size_t used;
	int w = clean_span(NULL, s, SIZE_MAX, cols < 0 ? 0 : cols, &used);
	if (width)
		*width = w;
	return used;
}

char *text_fit(const char *s, int cols, int ellipsis)
{
	struct strbuf b = {0};
	size_t used;
	if (cols <= 0)
		return xstrdup("");
	int w = clean_span(&b, s, SIZE_MAX, cols, &used);
	if (s[used] == '\0')
		return sb_take(&b);
	if (ellipsis) {
		sb_reset(&b);
		w = clean_span(&b, s, SIZE_MAX, cols - 1, &used) + 1;
		sb_puts(&b, "\xE2\x80\xA6");
	}
	add_spaces(&b, cols - w);
	return sb_take(&b);
}

char *text_pad(const char *s, int cols, char align)
{
	struct strbuf b = {0};
	int w;
	size_t used;
	if (cols <= 0)
		return xstrdup("");
	size_t n = text_prefix(s, cols, &w);
	int gap = cols - w;
	int left = align == 'r' ? gap : align == 'c' ? gap / 2 : 0;
	add_spaces(&b, left);
	clean_span(&b, s, n, INT_MAX, &used);
	add_spaces(&b, gap - left);
	/* a text that starts with a mark (a skin tone, an accent) joins the
	 * space before it into one cluster, which may then count less */
	if (left > 0 && n > 0 && (unsigned char)s[0] >= 0x80)
		add_spaces(&b, cols - text_width(b.s));
	return sb_take(&b);
}

/* ---- wrapping ---- */

/* Kinsoku: characters that should not begin a line... */
static const unsigned closing_punct[] = {
	0xFF0C, 0x3002, 0x3001, 0xFF1B, 0xFF1A, 0xFF01, 0xFF1F, 0xFF09,
	0x300B, 0x300D, 0x300F, 0x3011, 0x3015, 0x3009, 0x3017, 0x201D,
	0x2019, 0x2026, 0x2014, 0xFF0E, 0x00B7, 0x30FB, 0xFF05, 0x3003,
	',', '.', ';', ':', '!', '?', ')', ']', '}', '%',
};
/* ...and characters that should not end one. */
static const unsigned opening_punct[] = {
	0xFF08, 0x300A, 0x300C, 0x300E, 0x3010, 0x3014, 0x3008, 0x3016,
	0x201C, 0x2018, '(', '[', '{',
};

static int in_set(unsigned wc, const unsigned *set, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (set[i] == wc)
			return 1;
	return 0;
}

/* Neither set has anything in U+30FC..U+FF00 or above U+FF1F, where the
 * Chinese characters are: those are answered without the walk; ASCII (the
 * digits and letters beside Chinese) by a table made from the two sets on
 * first use (bit 0 closing, bit 1 opening; bit 2: made). */
static unsigned char ascii_punct[0x80];

static int punct_of(unsigned wc)
{
	if (wc >= 0x80)
		return (wc > 0x30FB && (wc < 0xFF01 || wc > 0xFF1F)) ? 0 : -1;
	if (!ascii_punct[0]) {
		for (unsigned c = 0; c < 0x80; c++)
			ascii_punct[c] = (unsigned char)(4 | in_set(c, closing_punct, ARRAY_SIZE(closing_punct)) |
							 in_set(c, opening_punct, ARRAY_SIZE(opening_punct)) << 1);
	}
	return ascii_punct[wc] & 3;
}

static int is_closing(unsigned wc)
{
	int p = punct_of(wc);
	return p < 0 ? in_set(wc, closing_punct, ARRAY_SIZE(closing_punct)) : p & 1;
}

static int is_opening(unsigned wc)
{
	int p = punct_of(wc);
	return p < 0 ? in_set(wc, opening_punct, ARRAY_SIZE(opening_punct)) : p >> 1;
}

/* One cluster as wrapping sees it: the code point text_decode reads at
 * its start (a leading bidi control, not the one after it), its width and
 * bytes. */
struct wchar_info {
	unsigned wc;
	int w;
	size_t len;
};

/* The walk of one line over its clusters, each decoded once: cluster()'s
 * fast path for Chinese decodes the character after a plain one to see
 * whether it joins; that decoding is kept here for the next step. */
struct wrap_walk {
	const char *s;
	size_t n;
	size_t at;          /* the character decoded ahead starts at s[at]... */
	size_t k;           /* ...and is k bytes (0: none) */
	unsigned wc;
	int w, plain;
	int e2;             /* 1: a byte 0xE2 may be in what was walked */
};

/* The cluster at w->s[i] (i < w->n): what cluster() and text_decode say. */
static struct wchar_info walk_at(struct wrap_walk *w, size_t i)
{
	struct wchar_info c;
	const char *s = w->s + i;
	size_t n = w->n - i;
	unsigned char b = (unsigned char)s[0];
	if (b < 0x80 && (n == 1 || (unsigned char)s[1] < 0x80)) {
		c.wc = is_control(b) ? REPL : b;   /* text_decode's */
		c.w = 1;
		c.len = 1;
		return c;
	}
	if (b >= 0x80) {                       /* cluster()'s fast path */
		unsigned wc, c1 = 0;
		int cw, p0, w1 = 0, p1 = 1;
		size_t k, k1 = 0;
		if (w->k && w->at == i) {
			k = w->k;
			wc = w->wc;
			cw = w->w;
			p0 = w->plain;
		} else {
			k = decode_mb_fast(s, n, &wc, &cw, &p0);
			if (p0 < 0)
				p0 = wc != REPL && is_plain(wc);
		}
		w->k = 0;
		if (k > 1 && p0 && k < n && (unsigned char)s[k] >= 0x80) {
			k1 = decode_mb_fast(s + k, n - k, &c1, &w1, &p1);
			if (p1 < 0)
				p1 = c1 != REPL && is_plain(c1);
		}
		if (k > 1 && p0 && p1) {
			if (k1) {
				w->at = i + k;
				w->k = k1;
				w->wc = c1;
				w->w = w1;
				w->plain = p1;
			}
			/* one well-formed character under UTF-8: a 0xE2 can only
			 * be its first byte */
			if (!fast_utf8 || b == 0xE2)
				w->e2 = 1;
			c.wc = wc;
			c.w = cw;
			c.len = k;
			return c;
		}
	}
	unsigned first;
	int ncp;
	w->e2 = 1;
	c.len = cluster(s, n, &c.w, &first, &ncp, &c.wc);
	return c;
}

struct wrap_break {
	size_t end, next;   /* this line is s[0, end); the next starts at next */
	int e2;             /* 0: s[0, end) has no byte 0xE2 */
};

/* One line of s (n bytes, no newline) at cols columns: the clusters that
 * fit (zero-width ones after the last that fits included: clean_span's
 * rule), and if not all of s fits, where to break.  The last break that
 * keeps punctuation rules wins; failing that the last break at all;
 * failing that (one long word) a cut where the text stops fitting.
 * Breaks are at a space run (dropped), or next to a wide character; never
 * inside a run of narrow characters (a word, a number, a date) nor before
 * a zero-width one.  A break is looked for before each cluster that fits
 * and before the first that does not. */
static struct wrap_break wrap_line(const char *s, size_t n, int cols)
{
	struct wrap_walk walk = {s, n, 0, 0, 0, 0, 0, 0};
	struct wrap_break good = {0, 0, 0}, any = {0, 0, 0};
	struct wchar_info prev = {0, 0, 0};
	size_t i = 0;
	int width = 0;
	while (i < n) {
		struct wchar_info cur = walk_at(&walk, i);
		if (i > 0) {
			if (cur.wc == ' ' && prev.wc != ' ') {
				size_t j = i;
				while (j < n && s[j] == ' ')
					j++;
				good.end = any.end = i;
				good.next = any.next = j;
			} else if (cur.w > 0 && cur.wc != ' ' && prev.wc != ' ' &&
				   (cur.w == 2 || prev.w == 2)) {
				any.end = any.next = i;
				if (!is_closing(cur.wc) && !is_opening(prev.wc))
					good = any;
			}
		}
		if (cur.w > cols - width) {
			struct wrap_break hard = {i, i, 0}, br = good.end ? good : any.end ? any : hard;
			br.e2 = walk.e2;
			return br;
		}
		width += cur.w;
		i += cur.len;
		prev = cur;
	}
	struct wrap_break all = {n, n, walk.e2};
	return all;
}

struct line_list {
	char **v;
	int n, cap;
};

/* Each line is balanced on its own: a wrap may fall inside an embedding.
 * e2: 0 if s has no byte 0xE2 (so no bidi control). */
static void push_line(struct line_list *l, const char *s, size_t n, int e2)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 8;
		l->v = xrealloc(l->v, (size_t)l->cap * sizeof *l->v);
	}
	char *line = xstrndup(s, n);
	if (e2 && (strstr(line, "\xE2\x80") || strstr(line, "\xE2\x81"))) {
		char *safe = text_bidi_safe(line);
		free(line);
		line = safe;
	}
	l->v[l->n++] = line;
}

/* Wrap one clean paragraph (no newline inside). */
static void wrap_para(struct line_list *l, const char *p, size_t len, int cols)
{
	size_t pos = 0;
	if (len == 0)
		push_line(l, "", 0, 0);
	while (pos < len) {
		struct wrap_break br = wrap_line(p + pos, len - pos, cols);
		push_line(l, p + pos, br.end, br.e2);
		pos += br.next;
	}
}

/* A text that is clean already (is_clean: what text_sanitize would give
 * back unchanged) is wrapped as it is, without the copy. */
int text_wrap(const char *s, int cols, char ***lines)
{
	struct line_list l = {0};
	char *clean = is_clean(s, 1) ? NULL : text_sanitize(s, 1);
	const char *p = clean ? clean : s;
	if (cols < 2)
		cols = 2;
	for (;;) {
		size_t len = strcspn(p, "\n");
		wrap_para(&l, p, len, cols);
		if (p[len] == '\0')
			break;
		p += len + 1;
	}
	free(clean);
	*lines = l.v;
	return l.n;
}

void text_lines_free(char **lines, int n)
{
	for (int i = 0; i < n; i++)
		free(lines[i]);
	free(lines);
}
