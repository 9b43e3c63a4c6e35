/* t_text.c — unit tests for text.c, the column-width module every aligned
 * screen and listing relies on.  Widths follow glibc's wcwidth under
 * C.UTF-8 (testing.md §3): CJK and full-width punctuation 2, the East Asian
 * "ambiguous" “”—…· 1.  Each test sets the locale itself, so the program
 * passes with LC_ALL unset, C, or anything else. */
#include "tt.h"

#include "qingdan/norm.h"
#include "qingdan/text.h"
#include "qingdan/util.h"

#include <locale.h>
#include <stdint.h>
#include <wchar.h>

#define R "\xEF\xBF\xBD" /* U+FFFD */

static void init(void)
{
	if (text_init_locale() != 0) {
		fprintf(stderr, "  no UTF-8 locale available\n");
		exit(1);
	}
}

/* 1 if s is well-formed UTF-8 with no C0/C1 control (newline allowed). */
static int is_clean(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		unsigned c = *p, n = c < 0x80 ? 0 : c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : 1;
		if ((c < 0x20 && c != '\n') || c == 0x7F || (c >= 0x80 && c < 0xC2) || c > 0xF4)
			return 0;
		if (c == 0xC2 && p[1] < 0xA0)
			return 0;
		for (unsigned i = 1; i <= n; i++)
			if ((p[i] & 0xC0) != 0x80)
				return 0;
		p += n + 1;
	}
	return 1;
}

/* ---- locale ---- */

TEST(locale_falls_back_to_utf8)
{
	CHECK_INT(text_init_locale(), 0);
	CHECK(MB_CUR_MAX > 1);
	CHECK_STR(localeconv()->decimal_point, ".");
	CHECK_INT(text_width("中"), 2);
}

/* ---- widths ---- */

TEST(width_ascii)
{
	init();
	CHECK_INT(text_width(""), 0);
	CHECK_INT(text_width("a"), 1);
	CHECK_INT(text_width("Hello, world!"), 13);
	CHECK_INT(text_nwidth("Hello", 3), 3);
	CHECK_INT(text_nwidth("Hi", 10), 2);
}

TEST(width_cjk)
{
	init();
	CHECK_INT(text_width("中文"), 4);
	CHECK_INT(text_width("党支部"), 6);
	CHECK_INT(text_width("Hello, 世界"), 11);
	CHECK_INT(text_width("、。，《》「」"), 14);
	CHECK_INT(text_width("（）："), 6);        /* full-width: 2 each */
	CHECK_INT(text_width("！？；"), 6);
	CHECK_INT(text_width("\xE3\x80\x80"), 2);  /* ideographic space */
	CHECK_INT(text_width("𠀀"), 2);            /* U+20000, 4 bytes */
	CHECK_INT(text_width("￥"), 2);
}

TEST(width_ambiguous_is_narrow)
{
	init();
	CHECK_INT(text_width("“”"), 2);
	CHECK_INT(text_width("—"), 1);
	CHECK_INT(text_width("…"), 1);
	CHECK_INT(text_width("·"), 1);
	CHECK_INT(text_width("“”—…·"), 5);
	CHECK_INT(text_width("阿依古丽·买买提"), 15);
	CHECK_INT(text_width("‘’"), 2);
}

TEST(width_emoji_and_combining)
{
	init();
	CHECK_INT(text_width("😀"), 2);
	CHECK_INT(text_width("e\xCC\x81"), 1);          /* e + U+0301 */
	CHECK_INT(text_width("a\xCC\x81\xCC\xA7"), 1);  /* two marks */
	CHECK_INT(text_width("\xCC\x81"), 0);           /* lone mark */
	CHECK_INT(text_width("\xE2\x80\x8B"), 0);       /* zero-width space */
	CHECK_INT(text_width("é"), 1);                 /* precomposed */
}

TEST(nwidth_cut_inside_char)
{
	init();
	/* 中 then the first byte of 文: an incomplete sequence is a bad byte */
	CHECK_INT(text_nwidth("中文", 4), 3);
	CHECK_INT(text_nwidth("中文", 3), 2);
	CHECK_INT(text_nwidth("中文", 0), 0);
	CHECK_INT(text_nwidth("a\0b", 3), 1);  /* stops at NUL */
}

/* ---- bad bytes and controls ---- */

TEST(bad_bytes_become_fffd)
{
	init();
	char *s;
	CHECK_INT(text_width("\xff"), 1);
	CHECK_STR(s = text_sanitize("\xff", 0), R); free(s);
	CHECK_STR(s = text_sanitize("a\xff" "b", 0), "a" R "b"); free(s);
	/* truncated 3-byte sequence: one U+FFFD per byte */
	CHECK_INT(text_width("\xE4\xB8"), 2);
	CHECK_STR(s = text_sanitize("\xE4\xB8", 0), R R); free(s);
	CHECK_STR(s = text_sanitize("x\xE4\xB8y中", 0), "x" R R "y中"); free(s);
	CHECK_STR(s = text_sanitize("\x80\xBF", 0), R R); free(s);        /* stray */
	CHECK_STR(s = text_sanitize("\xC0\x80", 0), R R); free(s);        /* overlong */
	CHECK_STR(s = text_sanitize("\xED\xA0\x80", 0), R R R); free(s);  /* surrogate */
	CHECK_STR(s = text_sanitize("\xF4\x90\x80\x80", 0), R R R R); free(s); /* >10FFFF */
	CHECK_STR(s = text_sanitize(R, 0), R); free(s);                   /* real one */
	CHECK_STR(s = text_sanitize("中文 ok", 0), "中文 ok"); free(s);
}

TEST(controls_become_fffd)
{
	init();
	char *s;
	CHECK_INT(text_width("\x1b[31m"), 5);
	CHECK_STR(s = text_sanitize("\x1b[31mred", 0), R "[31mred"); free(s);
	CHECK_STR(s = text_sanitize("a\tb", 0), "a" R "b"); free(s);
	CHECK_STR(s = text_sanitize("\x7f", 0), R); free(s);
	CHECK_STR(s = text_sanitize("\x01\x1f", 0), R R); free(s);
	/* C1 NEL U+0085 is one character (2 bytes): one U+FFFD */
	CHECK_INT(text_width("\xC2\x85"), 1);
	CHECK_STR(s = text_sanitize("a\xC2\x85" "b", 0), "a" R "b"); free(s);
	CHECK_STR(s = text_sanitize("\xC2\x9B", 0), R); free(s);          /* CSI */
	CHECK_STR(s = text_sanitize("\xE2\x80\xA8", 0), R); free(s);      /* U+2028 */
	CHECK_STR(s = text_sanitize("\xC2\xA0", 0), "\xC2\xA0"); free(s); /* NBSP kept */
}

TEST(sanitize_newlines)
{
	init();
	char *s;
	CHECK_STR(s = text_sanitize("a\r\nb\nc\rd", 1), "a\nb\nc" R "d"); free(s);
	CHECK_STR(s = text_sanitize("a\r\nb\nc\rd", 0), "a" R R "b" R "c" R "d"); free(s);
	CHECK_STR(s = text_sanitize("\n\n", 1), "\n\n"); free(s);
	CHECK_STR(s = text_sanitize("x\r", 1), "x" R); free(s);
	CHECK_STR(s = text_sanitize("", 1), ""); free(s);
	CHECK_STR(s = text_sanitize("第一行\r\n第\xff二行", 1), "第一行\n第" R "二行"); free(s);
}

TEST(decode_one)
{
	init();
	unsigned wc;
	int w;
	CHECK_INT(text_decode("中文", 6, &wc, &w), 3);
	CHECK_INT(wc, 0x4E2D);
	CHECK_INT(w, 2);
	CHECK_INT(text_decode("A", 1, &wc, &w), 1);
	CHECK_INT(wc, 'A');
	CHECK_INT(w, 1);
	CHECK_INT(text_decode("\x1b", 1, &wc, &w), 1);
	CHECK_INT(wc, 0xFFFD);
	CHECK_INT(w, 1);
	CHECK_INT(text_decode("中", 2, &wc, &w), 1);  /* only 2 bytes given */
	CHECK_INT(wc, 0xFFFD);
	CHECK_INT(text_decode("\xCC\x81", 2, &wc, &w), 2);
	CHECK_INT(wc, 0x301);
	CHECK_INT(w, 0);
	CHECK_INT(text_decode("😀", 4, &wc, &w), 4);
	CHECK_INT(wc, 0x1F600);
	CHECK_INT(w, 2);
	CHECK_INT(text_decode("\xC2\x85", 2, &wc, &w), 2);
	CHECK_INT(wc, 0xFFFD);
	CHECK_INT(w, 1);
}

/* What mbrtowc + wcwidth say of the bytes at s: the rule text.c had for
 * every non-ASCII byte before it decoded 2- and 3-byte sequences itself. */
static size_t ref_decode(const char *s, size_t n, unsigned *wc, int *w)
{
	mbstate_t st;
	wchar_t x;
	memset(&st, 0, sizeof st);
	size_t r = mbrtowc(&x, s, n, &st);
	unsigned u = (unsigned)x;
	*w = 1;
	if (r == (size_t)-1 || r == (size_t)-2 || r == 0 || u > 0x10FFFF ||
	    (u >= 0xD800 && u <= 0xDFFF)) {
		*wc = 0xFFFD;
		return 1;
	}
	if (u < 0x20 || (u >= 0x7F && u < 0xA0) || u == 0x2028 || u == 0x2029) {
		*wc = 0xFFFD;
		return r;
	}
	int cw = wcwidth(x);
	*wc = u;
	*w = cw < 0 ? 1 : cw;
	return r;
}

/* The fast decoder (issue 10) against mbrtowc + wcwidth: every 2- and
 * 3-byte code point (twice, so the width table answers the second time),
 * every lead byte with each kind of bad continuation, overlong forms,
 * surrogates and sequences cut short by n. */
TEST(decode_matches_mbrtowc)
{
	init();
	int bad = 0;
	for (int pass = 0; pass < 2; pass++)
		for (unsigned u = 0x80; u < 0x10000; u++) {
			unsigned char b[4] = {0};
			size_t len;
			if (u < 0x800) {
				b[0] = (unsigned char)(0xC0 | u >> 6);
				b[1] = (unsigned char)(0x80 | (u & 0x3F));
				len = 2;
			} else {
				b[0] = (unsigned char)(0xE0 | u >> 12);
				b[1] = (unsigned char)(0x80 | (u >> 6 & 0x3F));
				b[2] = (unsigned char)(0x80 | (u & 0x3F));
				len = 3;
			}
			unsigned wc, rwc;
			int w, rw;
			size_t k = text_decode((const char *)b, len, &wc, &w);
			size_t rk = ref_decode((const char *)b, len, &rwc, &rw);
			if (k != rk || wc != rwc || w != rw) {
				if (bad++ < 5)
					fprintf(stderr, "  U+%04X: %zu %04X %d, mbrtowc %zu %04X %d\n", u,
						k, wc, w, rk, rwc, rw);
			}
		}
	static const unsigned char tails[] = {0x00, 0x20, 0x7F, 0x80, 0x9F, 0xA0, 0xBF, 0xC0, 0xE4, 0xFF};
	for (unsigned lead = 0x80; lead < 0x100; lead++)
		for (size_t t1 = 0; t1 < sizeof tails; t1++)
			for (size_t t2 = 0; t2 < sizeof tails; t2++)
				for (size_t n = 1; n <= 4; n++) {
					unsigned char b[5] = {(unsigned char)lead, tails[t1], tails[t2], 0x80, 0};
					unsigned wc, rwc;
					int w, rw;
					size_t k = text_decode((const char *)b, n, &wc, &w);
					size_t rk = ref_decode((const char *)b, n, &rwc, &rw);
					if (k != rk || wc != rwc || w != rw) {
						if (bad++ < 10)
							fprintf(stderr, "  %02X %02X %02X n=%zu: %zu %04X %d, "
								"mbrtowc %zu %04X %d\n", lead, tails[t1], tails[t2],
								n, k, wc, w, rk, rwc, rw);
					}
				}
	CHECK_INT(bad, 0);
	CHECK_INT(text_width("\xE0\x80\x80"), 3);     /* overlong: three U+FFFD */
	CHECK_INT(text_width("\xED\xA0\x80"), 3);     /* surrogate */
	CHECK_INT(text_width("中\xE4\xB8"), 4);       /* a cut-off 中 is two of them */
}

/* ---- fit, pad, prefix ---- */

TEST(fit_never_splits_wide_char)
{
	init();
	char *s;
	CHECK_STR(s = text_fit("中文字", 5, 0), "中文 "); free(s);   /* padded */
	CHECK_STR(s = text_fit("中文字", 4, 0), "中文"); free(s);
	CHECK_STR(s = text_fit("中文字", 6, 0), "中文字"); free(s);
	CHECK_STR(s = text_fit("中", 1, 0), " "); free(s);
	CHECK_STR(s = text_fit("ab", 5, 0), "ab"); free(s);        /* not cut: no pad */
	CHECK_STR(s = text_fit("abc", 0, 0), ""); free(s);
	CHECK_STR(s = text_fit("abc", -3, 1), ""); free(s);
	CHECK_STR(s = text_fit("a\x1b" "b", 5, 0), "a" R "b"); free(s);
	CHECK_STR(s = text_fit("e\xCC\x81" "xyz", 1, 0), "e\xCC\x81"); free(s);
}

TEST(fit_with_ellipsis)
{
	init();
	char *s;
	CHECK_STR(s = text_fit("中文字", 5, 1), "中文…"); free(s);
	CHECK_STR(s = text_fit("中文字", 4, 1), "中… "); free(s);
	CHECK_STR(s = text_fit("abcdef", 4, 1), "abc…"); free(s);
	CHECK_STR(s = text_fit("abcd", 4, 1), "abcd"); free(s);   /* fits: untouched */
	CHECK_STR(s = text_fit("中文", 1, 1), "…"); free(s);
	CHECK_STR(s = text_fit("中文", 2, 1), "… "); free(s);
	CHECK_INT(text_width(s = text_fit("党员要带头，干部要先行", 9, 1)), 9); free(s);
}

TEST(pad_exact_widths)
{
	init();
	char *s;
	CHECK_STR(s = text_pad("中", 5, 'l'), "中   "); free(s);
	CHECK_STR(s = text_pad("中", 5, 'r'), "   中"); free(s);
	CHECK_STR(s = text_pad("中", 5, 'c'), " 中  "); free(s);
	CHECK_STR(s = text_pad("中文", 6, 'c'), " 中文 "); free(s);
	CHECK_STR(s = text_pad("ab", 2, 'c'), "ab"); free(s);
	CHECK_STR(s = text_pad("", 3, 'l'), "   "); free(s);
	CHECK_STR(s = text_pad("中文字", 5, 'l'), "中文 "); free(s);
	CHECK_STR(s = text_pad("中文字", 5, 'r'), " 中文"); free(s);
	CHECK_STR(s = text_pad("abcdef", 3, 'r'), "abc"); free(s);
	CHECK_STR(s = text_pad("\t", 2, 'l'), R " "); free(s);
	CHECK_STR(s = text_pad("abc", 0, 'l'), ""); free(s);
}

TEST(pad_width_is_always_cols)
{
	static const char *const in[] = {
		"", "a", "中", "中文字", "“中”", "😀x", "e\xCC\x81", "\xff\xfe",
		"党员要带头，干部要先行", "abc def", "\xE4\xB8", "阿依古丽·买买提",
	};
	static const char aligns[] = "lrc";
	init();
	for (size_t i = 0; i < ARRAY_SIZE(in); i++)
		for (int cols = 0; cols <= 14; cols++)
			for (int a = 0; a < 3; a++) {
				char *s = text_pad(in[i], cols, aligns[a]);
				CHECK_INT(text_width(s), cols);
				CHECK(is_clean(s));
				free(s);
				s = text_fit(in[i], cols, a & 1);
				CHECK(text_width(s) <= cols);
				CHECK(is_clean(s));
				free(s);
			}
}

TEST(prefix_bytes)
{
	init();
	int w = -1;
	CHECK_INT(text_prefix("中文", 3, &w), 3);
	CHECK_INT(w, 2);
	CHECK_INT(text_prefix("中文", 4, &w), 6);
	CHECK_INT(w, 4);
	CHECK_INT(text_prefix("中文", 1, &w), 0);
	CHECK_INT(w, 0);
	CHECK_INT(text_prefix("abc", 2, NULL), 2);
	CHECK_INT(text_prefix("abc", 99, &w), 3);
	CHECK_INT(w, 3);
	CHECK_INT(text_prefix("e\xCC\x81x", 1, &w), 3);  /* keeps the mark */
	CHECK_INT(w, 1);
	CHECK_INT(text_prefix("\xff\xff" "ab", 3, &w), 3);
	CHECK_INT(w, 3);
	CHECK_INT(text_prefix("a😀", 2, &w), 1);
	CHECK_INT(text_prefix("abc", 0, &w), 0);
	CHECK_INT(text_prefix("abc", -1, &w), 0);
	CHECK_INT(w, 0);
}

/* ---- wrap ---- */

static int begins_with(const char *s, const char *p)
{
	return strncmp(s, p, strlen(p)) == 0;
}

/* Checks the wrap invariants and returns the number of lines.  kinsoku:
 * the input can be wrapped at cols without a line starting with closing
 * punctuation (not so at 2 columns, one character a line). */
static int check_cjk_wrap(const char *in, int cols, int kinsoku)
{
	char **l;
	int n = text_wrap(in, cols, &l);
	char joined[4096] = "";
	for (int i = 0; i < n; i++) {
		CHECK(text_width(l[i]) <= cols);
		CHECK(is_clean(l[i]));
		if (i > 0 && kinsoku) {
			CHECK(!begins_with(l[i], "，"));
			CHECK(!begins_with(l[i], "。"));
			CHECK(!begins_with(l[i], "、"));
			CHECK(!begins_with(l[i], "”"));
		}
		/* a full line is never short by more than one wide char and its
		 * pulled-down neighbour */
		if (i + 1 < n)
			CHECK(text_width(l[i]) >= cols - 4);
		strcat(joined, l[i]);
	}
	CHECK_STR(joined, in);
	text_lines_free(l, n);
	return n;
}

TEST(wrap_chinese_sentence)
{
	static const char s[] =
		"党员要带头，干部要先行。支部要把关，书记要负总责，班子成员要落实"
		"“一岗双责”，推动全面从严治党向纵深发展、向基层延伸。";
	init();
	/* at 4 columns "责”，" (5 wide) cannot stay on one line */
	for (int cols = 2; cols <= 30; cols++)
		CHECK(check_cjk_wrap(s, cols, cols >= 5) >= 1);
	CHECK(check_cjk_wrap(s, 10, 1) >= 10);
	CHECK(check_cjk_wrap(s, 11, 1) >= 10);
}

TEST(wrap_chinese_exact)
{
	char **l;
	init();
	/* at 10 columns the 6th character is "，": 头 goes down with it */
	int n = text_wrap("党员要带头，干部要先行。", 10, &l);
	CHECK_INT(n, 3);
	if (n == 3) {
		CHECK_STR(l[0], "党员要带");
		CHECK_STR(l[1], "头，干部要");
		CHECK_STR(l[2], "先行。");
	}
	text_lines_free(l, n);
	/* a line does not end with an opening bracket */
	n = text_wrap("一二三四《五六》", 10, &l);
	CHECK_INT(n, 2);
	if (n == 2) {
		CHECK_STR(l[0], "一二三四");
		CHECK_STR(l[1], "《五六》");
	}
	text_lines_free(l, n);
}

TEST(wrap_keeps_numbers_whole)
{
	char **l;
	init();
	int n = text_wrap("完成时限2022年3月31日前", 10, &l);
	CHECK_INT(n, 3);
	if (n == 3) {
		CHECK_STR(l[0], "完成时限");
		CHECK_STR(l[1], "2022年3月");
		CHECK_STR(l[2], "31日前");
	}
	text_lines_free(l, n);
}

TEST(wrap_english_at_spaces)
{
	static const char *const want[] = {
		"the quick", "brown fox", "jumps over", "the lazy", "dog",
	};
	char **l;
	init();
	int n = text_wrap("the quick brown fox jumps over the lazy dog", 10, &l);
	CHECK_INT(n, 5);
	for (int i = 0; i < n && i < 5; i++)
		CHECK_STR(l[i], want[i]);
	text_lines_free(l, n);
	/* a word longer than the line is cut */
	n = text_wrap("abcdefghijkl xy", 5, &l);
	CHECK_INT(n, 3);
	if (n == 3) {
		CHECK_STR(l[0], "abcde");
		CHECK_STR(l[1], "fghij");
		CHECK_STR(l[2], "kl xy");
	}
	text_lines_free(l, n);
	/* mixed: the space does not stop a Chinese line from filling up */
	n = text_wrap("一、 加强党的政治建设", 10, &l);
	CHECK_INT(n, 3);
	if (n == 3) {
		CHECK_STR(l[0], "一、 加强");
		CHECK_STR(l[1], "党的政治建");
		CHECK_STR(l[2], "设");
	}
	text_lines_free(l, n);
}

TEST(wrap_newlines)
{
	char **l;
	init();
	int n = text_wrap("第一行\n\nsecond\r\nthird", 20, &l);
	CHECK_INT(n, 4);
	if (n == 4) {
		CHECK_STR(l[0], "第一行");
		CHECK_STR(l[1], "");
		CHECK_STR(l[2], "second");
		CHECK_STR(l[3], "third");
	}
	text_lines_free(l, n);
	n = text_wrap("", 10, &l);
	CHECK_INT(n, 1);
	if (n == 1)
		CHECK_STR(l[0], "");
	text_lines_free(l, n);
	n = text_wrap("a\n", 10, &l);
	CHECK_INT(n, 2);
	text_lines_free(l, n);
	n = text_wrap("\x1b[1m中\xff", 1, &l);   /* cols < 2 taken as 2 */
	CHECK_INT(n, 4);
	if (n == 4) {
		CHECK_STR(l[0], R "[");
		CHECK_STR(l[1], "1m");
		CHECK_STR(l[2], "中");
		CHECK_STR(l[3], R);
	}
	text_lines_free(l, n);
}

/* ---- random input: the invariants hold for any bytes ---- */

static uint32_t rnd_state = 12345;
static uint32_t rnd(void)
{
	rnd_state = rnd_state * 1103515245u + 12345u;
	return rnd_state >> 8;
}

static void random_text(char *buf, size_t n)
{
	static const char *const pieces[] = {
		"中", "，", "。", "“", "”", "…", "a", "b", " ", "\n", "😀",
		"\xCC\x81", "\xff", "\xE4\xB8", "\x1b", "\t", "\r", "《", "1",
	};
	size_t len = 0;
	buf[0] = '\0';
	while (len + 8 < n) {
		const char *p = pieces[rnd() % ARRAY_SIZE(pieces)];
		strcat(buf + len, p);
		len += strlen(p);
		if (rnd() % 50 == 0)
			break;
	}
}

TEST(random_invariants)
{
	char buf[256];
	init();
	for (int k = 0; k < 3000; k++) {
		random_text(buf, sizeof buf);
		char *s = text_sanitize(buf, 0);
		CHECK(is_clean(s));
		CHECK_INT(text_width(s), text_width(buf));
		free(s);
		int cols = 2 + (int)(rnd() % 15);
		char **l;
		int n = text_wrap(buf, cols, &l);
		CHECK(n >= 1);
		for (int i = 0; i < n; i++) {
			CHECK(text_width(l[i]) <= cols);
			CHECK(is_clean(l[i]) && !strchr(l[i], '\n'));
		}
		text_lines_free(l, n);
		s = text_pad(buf, cols, "lrc"[k % 3]);
		CHECK_INT(text_width(s), cols);
		free(s);
	}
}

/* text_sanitize_take (issue 10: print keeps a cell that is clean already
 * instead of copying it) gives what text_sanitize gives, and the very same
 * pointer for clean text. */
TEST(sanitize_take_is_sanitize)
{
	static const char *const extra[] = {"\xE2\x80\xAE", "\xE2\x80\xAC", "\xE2\x81\xA6", R, "\xC2\x85",
					    "\xE2\x80\xA8", "党建"};
	char buf[300];
	init();
	for (int k = 0; k < 3000; k++) {
		random_text(buf, sizeof buf - 8);
		if (k % 3 == 0)
			strcat(buf, extra[rnd() % ARRAY_SIZE(extra)]);
		for (int keep = 0; keep < 2; keep++) {
			char *want = text_sanitize(buf, keep);
			char *got = text_sanitize_take(xstrdup(buf), keep);
			CHECK_STR(got, want);
			char *again = text_sanitize_take(got, keep);   /* clean now: kept */
			CHECK_STR(again, want);
			free(again);
			free(want);
		}
	}
	char *clean = xstrdup("中文 “引号” abc\n第二行");
	CHECK(text_sanitize_take(clean, 1) == clean);
	free(clean);
}

/* ---- text_wrap against the wrap it replaced (issue 10) ----
 *
 * text_wrap walks each line once over its clusters; before, it measured
 * the line with clean_span, then walked it again in find_break calling
 * text_decode and text_next_cluster for every character.  ref_wrap is
 * that old code, on the public functions it came down to (text_prefix is
 * clean_span(NULL, …) on a copy of the paragraph ended by its NUL), and
 * the new one must give the very same lines on any input. */

struct ref_char {
	unsigned wc;
	int w;
	size_t len;
};

static struct ref_char ref_char_at(const char *s, size_t n)
{
	struct ref_char c;
	int w;
	text_decode(s, n, &c.wc, &w);
	c.len = text_next_cluster(s, n, &c.w);
	return c;
}

static const unsigned ref_closing[] = {
	0xFF0C, 0x3002, 0x3001, 0xFF1B, 0xFF1A, 0xFF01, 0xFF1F, 0xFF09,
	0x300B, 0x300D, 0x300F, 0x3011, 0x3015, 0x3009, 0x3017, 0x201D,
	0x2019, 0x2026, 0x2014, 0xFF0E, 0x00B7, 0x30FB, 0xFF05, 0x3003,
	',', '.', ';', ':', '!', '?', ')', ']', '}', '%',
};
static const unsigned ref_opening[] = {
	0xFF08, 0x300A, 0x300C, 0x300E, 0x3010, 0x3014, 0x3008, 0x3016,
	0x201C, 0x2018, '(', '[', '{',
};

static int ref_in(unsigned wc, const unsigned *set, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (set[i] == wc)
			return 1;
	return 0;
}

struct ref_break {
	size_t end, next;
};

static struct ref_break ref_find_break(const char *s, size_t fit, size_t rest)
{
	struct ref_break good = {0, 0}, any = {0, 0}, hard = {fit, fit};
	struct ref_char prev = ref_char_at(s, rest);
	for (size_t i = prev.len; i <= fit; i += prev.len) {
		struct ref_char cur = ref_char_at(s + i, rest - i);
		if (cur.wc == ' ' && prev.wc != ' ') {
			size_t j = i;
			while (j < rest && s[j] == ' ')
				j++;
			good.end = any.end = i;
			good.next = any.next = j;
		} else if (cur.w > 0 && cur.wc != ' ' && prev.wc != ' ' &&
			   (cur.w == 2 || prev.w == 2)) {
			any.end = any.next = i;
			if (!ref_in(cur.wc, ref_closing, ARRAY_SIZE(ref_closing)) &&
			    !ref_in(prev.wc, ref_opening, ARRAY_SIZE(ref_opening)))
				good = any;
		}
		prev = cur;
	}
	return good.end ? good : any.end ? any : hard;
}

static void ref_push(char ***v, int *n, const char *s, size_t len)
{
	*v = xrealloc(*v, (size_t)(*n + 1) * sizeof **v);
	char *line = xstrndup(s, len);
	if (strstr(line, "\xE2\x80") || strstr(line, "\xE2\x81")) {
		char *safe = text_bidi_safe(line);
		free(line);
		line = safe;
	}
	(*v)[(*n)++] = line;
}

static int ref_wrap(const char *s, int cols, char ***lines)
{
	char **v = NULL;
	int n = 0;
	char *clean = text_sanitize(s, 1);
	const char *p = clean;
	if (cols < 2)
		cols = 2;
	for (;;) {
		size_t len = strcspn(p, "\n"), pos = 0;
		if (len == 0)
			ref_push(&v, &n, "", 0);
		while (pos < len) {
			size_t rest = len - pos;
			char *para = xstrndup(p + pos, rest);
			size_t fit = text_prefix(para, cols, NULL);
			free(para);
			if (fit == rest) {
				ref_push(&v, &n, p + pos, rest);
				break;
			}
			struct ref_break br = ref_find_break(p + pos, fit, rest);
			ref_push(&v, &n, p + pos, br.end);
			pos += br.next;
		}
		if (p[len] == '\0')
			break;
		p += len + 1;
	}
	free(clean);
	*lines = v;
	return n;
}

/* Random text from pieces that exercise every rule of the wrap: Chinese
 * and its closing and opening punctuation, ASCII words and numbers (long
 * ones too), runs of spaces, emoji with skin tones, ZWJ, VS16 and flags,
 * combining marks, zero-width characters, Hangul jamo, bidi controls,
 * U+FFFD, bad bytes and controls. */
static size_t wrap_corpus_text(char *buf, size_t cap)
{
	static const char *const pieces[] = {
		/* Chinese, full-width punctuation (closing, then opening) */
		"党", "建", "工", "作", "中", "国", "责", "任", "落", "实", "𠀀",
		"，", "。", "、", "；", "：", "！", "？", "）", "》", "」", "』", "】",
		"〕", "〉", "〗", "”", "’", "…", "—", "．", "·", "・", "％", "〃",
		"（", "《", "「", "『", "【", "〔", "〈", "〖", "“", "‘",
		/* ASCII */
		"a", "b", "x", "Z", "1", "2", "0", ",", ".", ";", ":", "!", "?", ")",
		"]", "}", "%", "(", "[", "{", "-", "/", "the", "quick", "2026-06-30",
		"abcdefghijklmnopqrstuvwxyz0123456789",
		" ", " ", " ", "  ", "   ", "      ", "\n", "\n\n", "\r\n",
		/* emoji: plain, skin tone, ZWJ family, VS16, flag, lone tone */
		"\xF0\x9F\x98\x80", "\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBB",
		"\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7",
		"\xE2\x9D\xA4\xEF\xB8\x8F", "\xF0\x9F\x87\xA8\xF0\x9F\x87\xB3",
		"\xF0\x9F\x8F\xBD", "\xE2\x80\x8D",
		/* combining marks, zero width, jamo, ambiguous and full-width */
		"\xCC\x81", "\xCC\x88", "e\xCC\x81", "\xE2\x80\x8B", "\xEF\xBB\xBF",
		"\xE1\x84\x80", "\xE1\x85\xA1", "\xE1\x86\xA8", "\xEF\xBC\xA1", "\xC3\xA9",
		"\xE0\xA4\x95\xE0\xA5\x8D", "\xD8\xB9",
		/* bidi controls U+202A..U+202E, U+2066..U+2069 */
		"\xE2\x80\xAA", "\xE2\x80\xAB", "\xE2\x80\xAC", "\xE2\x80\xAD", "\xE2\x80\xAE",
		"\xE2\x81\xA6", "\xE2\x81\xA7", "\xE2\x81\xA8", "\xE2\x81\xA9",
		/* U+FFFD, bad bytes, controls, separators */
		R, "\xff", "\x80", "\xE4\xB8", "\xF0\x9F", "\xC0\xAF", "\xED\xA0\x80", "\xE0\x80\xAF",
		"\xF4\x90\x80\x80", "\x1b", "\t", "\r", "\x7f", "\xC2\x85", "\xE2\x80\xA8",
	};
	size_t len = 0;
	buf[0] = '\0';
	int mode = (int)(rnd() % 4);   /* 0: anything; 1: mostly Chinese; 2: mostly ASCII; 3: short */
	size_t want = mode == 3 ? rnd() % 24 : rnd() % (cap - 16);
	while (len < want) {
		size_t k = rnd() % ARRAY_SIZE(pieces);
		if (mode == 1 && rnd() % 4)
			k = rnd() % 45;              /* the Chinese pieces */
		else if (mode == 2 && rnd() % 4)
			k = 45 + rnd() % 35;         /* the ASCII ones */
		const char *p = pieces[k];
		size_t pl = strlen(p);
		if (len + pl + 1 > cap)
			break;
		memcpy(buf + len, p, pl + 1);
		len += pl;
	}
	return len;
}

static int same_wrap(const char *in, int cols)
{
	char **a, **b;
	int na = text_wrap(in, cols, &a), nb = ref_wrap(in, cols, &b), same = na == nb;
	for (int i = 0; same && i < na; i++)
		same = strcmp(a[i], b[i]) == 0;
	if (!same) {
		fprintf(stderr, "  wrap at %d of [%s]: %d lines, the old code %d\n", cols, in, na, nb);
		for (int i = 0; i < na || i < nb; i++)
			fprintf(stderr, "    %d [%s] [%s]\n", i, i < na ? a[i] : "-", i < nb ? b[i] : "-");
	}
	text_lines_free(a, na);
	text_lines_free(b, nb);
	return same;
}

TEST(wrap_same_as_before)
{
	static const char *const fixed[] = {
		"党员要带头，干部要先行。支部要把关，书记要负总责，班子成员要落实"
		"“一岗双责”，推动全面从严治党向纵深发展、向基层延伸。",
		"完成时限2022年3月31日前", "the quick brown fox jumps over the lazy dog",
		"abcdefghijkl xy", "一、 加强党的政治建设", "第一行\n\nsecond\r\nthird", "", "a\n",
		"\x1b[1m中\xff", "\xE2\x80\xAE" "abc\xE2\x80\xAC" "中文\xE2\x81\xA6" "def",
		"\xE2\x80\xAE\xE2\x80\xAE", "a \xCC\x81 b  \xCC\x81" "c", "王\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBB芳",
	};
	char buf[700];
	int bad = 0;
	init();
	for (size_t i = 0; i < ARRAY_SIZE(fixed); i++)
		for (int cols = -1; cols <= 40; cols++)
			bad += !same_wrap(fixed[i], cols);
	rnd_state = 20261203;
	for (int k = 0; k < 6000 && bad < 5; k++) {
		wrap_corpus_text(buf, sizeof buf);
		int cols = 2 + (int)(rnd() % 79);
		bad += !same_wrap(buf, cols);
		/* text_wrap wraps a clean text as it is: is_clean must agree */
		char *want = text_sanitize(buf, 1), *got = text_sanitize_take(xstrdup(buf), 1);
		bad += strcmp(got, want) != 0;
		free(want);
		free(got);
		if (k % 4 == 0)   /* the same text narrow */
			bad += !same_wrap(buf, 2 + (int)(rnd() % 6));
	}
	CHECK_INT(bad, 0);
}

TEST(width_is_fast)
{
	static char big[1 << 20];
	init();
	memset(big, 'x', sizeof big - 1);
	for (int i = 0; i < 100; i++)
		CHECK_INT(text_width(big), (int)sizeof big - 1);
}


/* ---- norm.c: UTF-8 validity, names, search text (issue 8 §5) ---- */

TEST(utf8_validity)
{
	CHECK(norm_is_utf8("", 0));
	CHECK(norm_is_utf8("王伟 abc", strlen("王伟 abc")));
	CHECK(norm_is_utf8("\xF0\x9F\x98\x80", 4));          /* U+1F600 */
	CHECK(!norm_is_utf8("\xFF\xFE", 2));                  /* stray bytes */
	CHECK(!norm_is_utf8("\xE7\x8E", 2));                  /* truncated 王 */
	CHECK(!norm_is_utf8("\xC0\xAF", 2));                  /* overlong '/' */
	CHECK(!norm_is_utf8("\xE0\x80\xAF", 3));              /* overlong, 3 bytes */
	CHECK(!norm_is_utf8("\xED\xA0\x80", 3));              /* surrogate U+D800 */
	CHECK(!norm_is_utf8("\xF4\x90\x80\x80", 4));          /* above U+10FFFF */
	CHECK(!norm_is_utf8("a\x80", 2));                     /* lone continuation */
	char *v = norm_valid("a\xFF" "b\xE7\x8E");
	CHECK_STR(v, "a" R "b" R R);
	free(v);
}

static void name_is(const char *in, const char *want)
{
	char *n = norm_name(in);
	CHECK_STR(n, want);
	free(n);
}

TEST(name_normal_form)
{
	name_is("王伟", "王伟");
	name_is("  王伟\xE3\x80\x80", "王伟");                         /* outer spaces, U+3000 */
	name_is("王\xE3\x80\x80伟", "王伟");                             /* padding between Han */
	name_is("Abdul \xC2\xA0  Rahman", "Abdul Rahman");               /* runs collapse */
	name_is("王\xE2\x80\x8B伟\xEF\xBB\xBF", "王伟");                  /* ZWSP, BOM */
	name_is("\xE2\x80\xAE王伟\xE2\x80\xAC\xE2\x81\xA6", "王伟");       /* RLO PDF LRI */
	name_is("a\xE2\x80\x8D" "b\xE2\x81\xA0" "c\xD8\x9C" "d\xE2\x80\x8E", "abcd");
	/* every middle-dot variant is U+00B7 */
	static const char *const dots[] = {"\xC2\xB7", "\xE2\x80\xA2", "\xE3\x83\xBB",
					   "\xE2\x80\xA7", "\xEF\xBD\xA5", "\xE2\x88\x99"};
	for (size_t i = 0; i < ARRAY_SIZE(dots); i++) {
		char *in = xasprintf("阿卜杜%s热合曼", dots[i]);
		name_is(in, "阿卜杜\xC2\xB7热合曼");
		free(in);
	}
	name_is("Cafe\xCC\x81", "Caf\xC3\xA9");                          /* NFC */
	name_is("e\xE2\x80\x8B\xCC\x81", "\xC3\xA9");                    /* mark after a ZWSP */
	name_is("a\tb\nc\x01", "a b c");
	name_is(" \xE2\x80\x8B\xE3\x80\x80 ", "");                       /* blank */
	CHECK(norm_name("\xFF\xFE") == NULL);
	char *s = norm_search("\xFF Cafe\xCC\x81");
	CHECK_STR(s, R " Caf\xC3\xA9");
	free(s);
}

/* ---- bidi controls never leave a field unbalanced ---- */

#define RLO "\xE2\x80\xAE"
#define PDF "\xE2\x80\xAC"
#define RLI "\xE2\x81\xA7"
#define PDI "\xE2\x81\xA9"

TEST(bidi_balanced_in_clean_copies)
{
	init();
	char *t = text_sanitize("王伟" RLO "甲乙", 0);
	CHECK_STR(t, "王伟" RLO "甲乙" PDF);
	free(t);
	t = text_sanitize(PDF PDI "x" RLI "y" PDI PDF, 0);   /* stray closers dropped */
	CHECK_STR(t, "x" RLI "y" PDI);
	free(t);
	t = text_sanitize(RLO "a\n" RLO "b", 1);             /* each line closes */
	CHECK_STR(t, RLO "a" PDF "\n" RLO "b" PDF);
	free(t);
	t = text_pad(RLO "ab", 4, 'l');                     /* closed before the padding */
	CHECK_STR(t, RLO "ab" PDF "  ");
	CHECK_INT(text_width(t), 4);
	free(t);
	t = text_fit(RLO "abcdef", 4, 1);
	CHECK_STR(t, RLO "abc" PDF "\xE2\x80\xA6");
	free(t);
	t = text_bidi_safe(RLI RLO "x" PDI "y\xFF");         /* PDI closes the RLO too */
	CHECK_STR(t, RLI RLO "x" PDI "y" R);
	free(t);
	char **lines;
	int n = text_wrap(RLO "一二三四五六", 6, &lines);
	CHECK_INT(n, 2);
	CHECK_STR(lines[0], RLO "一二三" PDF);
	CHECK_STR(lines[1], "四五六");
	text_lines_free(lines, n);
	/* deep nesting: only BIDI_MAX stay open, all are closed */
	struct strbuf deep = {0};
	for (int i = 0; i < 40; i++)
		sb_puts(&deep, RLO);
	t = text_sanitize(deep.s, 0);
	int opens = 0, closes = 0;
	for (const char *p = t; (p = strstr(p, "\xE2\x80")) != NULL; p += 3)
		opens += p[2] == '\xAE', closes += p[2] == '\xAC';
	CHECK(opens > 0 && opens == closes);
	free(t);
	sb_free(&deep);
}

/* ---- grapheme clusters (issue 14) ---- */

#define THUMB "\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBB"      /* 👍🏻: U+1F44D U+1F3FB */
#define FAMILY "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7"
#define E_ACUTE "e\xCC\x81"                           /* e + U+0301 */
#define FLAG "\xF0\x9F\x87\xA8\xF0\x9F\x87\xB3"       /* 🇨🇳 */
#define EXTB "\xF0\xA0\x80\x80"                       /* 𠀀 U+20000 */

TEST(cluster_bytes_and_width)
{
	init();
	int w = -1;
	CHECK_INT((int)text_next_cluster(THUMB "x", SIZE_MAX, &w), 8);
	CHECK_INT(w, 2);
	CHECK_INT((int)text_next_cluster(FAMILY, SIZE_MAX, &w), (int)strlen(FAMILY));
	CHECK_INT(w, 2);
	CHECK_INT((int)text_next_cluster(E_ACUTE "x", SIZE_MAX, &w), 3);
	CHECK_INT(w, 1);
	CHECK_INT((int)text_next_cluster(FLAG FLAG, SIZE_MAX, &w), 8);   /* one flag */
	CHECK_INT(w, 2);
	CHECK_INT((int)text_next_cluster(EXTB, SIZE_MAX, &w), 4);
	CHECK_INT(w, 2);
	CHECK_INT((int)text_next_cluster("ab", SIZE_MAX, &w), 1);
	CHECK_INT(w, 1);
	CHECK_INT((int)text_next_cluster("", SIZE_MAX, &w), 0);
	/* a control or bad byte never takes a mark: it is U+FFFD alone */
	CHECK_INT((int)text_next_cluster("\x01\xCC\x81", SIZE_MAX, &w), 1);
	CHECK_INT((int)text_next_cluster("\xff\xCC\x81", SIZE_MAX, &w), 1);
}

TEST(cluster_width)
{
	init();
	CHECK_INT(text_width("王" THUMB "芳"), 6);
	CHECK_INT(text_width(THUMB), 2);
	CHECK_INT(text_width(FAMILY), 2);
	CHECK_INT(text_width(E_ACUTE), 1);
	CHECK_INT(text_width("caf" E_ACUTE), 4);
	CHECK_INT(text_width(FLAG), 2);
	CHECK_INT(text_width(FLAG FLAG), 4);
	CHECK_INT(text_width(EXTB), 2);
	CHECK_INT(text_width("a" FAMILY "b"), 4);
	/* a bidi control inside takes nothing and parts nothing: the raw text
	 * and its clean copy (the unmatched U+202C dropped) are as wide */
	const char *odd = "\xF0\x9F\x91\xA8\xE2\x80\xAC\xE2\x80\x8D\xF0\x9F\x91\xA9";
	char *clean = text_sanitize(odd, 0);
	CHECK_INT(text_width(odd), 2);
	CHECK_INT(text_width(clean), 2);
	free(clean);
	CHECK_INT(text_width("\xE2\x80\xAE" E_ACUTE "\xE2\x80\xAC"), 1);
}

TEST(cluster_fit_never_cuts)
{
	init();
	char *f = text_fit("王" THUMB "芳", 3, 0);     /* 👍🏻 does not fit in 1 */
	CHECK_STR(f, "王 ");
	free(f);
	f = text_fit("王" THUMB "芳", 4, 0);
	CHECK_STR(f, "王" THUMB);
	free(f);
	f = text_fit("王" THUMB "芳", 5, 1);
	CHECK_STR(f, "王" THUMB "\xE2\x80\xA6");
	free(f);
	f = text_fit("a" FAMILY "b", 3, 0);
	CHECK_STR(f, "a" FAMILY);
	free(f);
	f = text_fit("a" FAMILY "b", 2, 0);
	CHECK_STR(f, "a ");
	free(f);
	f = text_fit("caf" E_ACUTE "s", 4, 0);          /* the accent stays */
	CHECK_STR(f, "caf" E_ACUTE);
	free(f);
	f = text_fit(FLAG FLAG, 3, 0);
	CHECK_STR(f, FLAG " ");
	free(f);
	f = text_fit("x" EXTB "y", 2, 0);
	CHECK_STR(f, "x ");
	free(f);
	int w;
	CHECK_INT((int)text_prefix("王" THUMB "芳", 4, &w), 3 + 8);
	CHECK_INT(w, 4);
	CHECK_INT((int)text_prefix(E_ACUTE E_ACUTE, 1, &w), 3);
	CHECK_INT(w, 1);
}

TEST(cluster_pad)
{
	init();
	const char *in[] = {"王" THUMB "芳", FAMILY, E_ACUTE, FLAG, EXTB};
	for (size_t i = 0; i < ARRAY_SIZE(in); i++) {
		for (int cols = 1; cols <= 8; cols++) {
			char *p = text_pad(in[i], cols, "lrc"[cols % 3]);
			CHECK_INT(text_width(p), cols);
			free(p);
		}
	}
	/* a lone skin tone joins the padding space before it: still cols wide */
	for (int cols = 1; cols <= 6; cols++) {
		char *p = text_pad("\xF0\x9F\x8F\xBB" "x", cols, "rc"[cols % 2]);
		CHECK_INT(text_width(p), cols);
		free(p);
	}
	char *p = text_pad(FAMILY, 4, 'l');
	CHECK_STR(p, FAMILY "  ");
	free(p);
	p = text_pad(E_ACUTE, 3, 'r');
	CHECK_STR(p, "  " E_ACUTE);
	free(p);
	p = text_pad("王" THUMB "芳", 7, 'c');
	CHECK_STR(p, "王" THUMB "芳 ");
	free(p);
}

TEST(cluster_wrap)
{
	init();
	char **l;
	int n = text_wrap("王" THUMB "芳", 4, &l);
	CHECK_INT(n, 2);
	CHECK_STR(l[0], "王" THUMB);
	CHECK_STR(l[1], "芳");
	text_lines_free(l, n);
	n = text_wrap(FAMILY FAMILY FAMILY, 3, &l);
	CHECK_INT(n, 3);
	for (int i = 0; i < n; i++)
		CHECK_STR(l[i], FAMILY);
	text_lines_free(l, n);
	n = text_wrap(E_ACUTE E_ACUTE E_ACUTE, 2, &l);   /* one word, cut by cluster */
	CHECK_INT(n, 2);
	CHECK_STR(l[0], E_ACUTE E_ACUTE);
	CHECK_STR(l[1], E_ACUTE);
	text_lines_free(l, n);
	/* Hangul jamo L + L is one cluster: counted 2, not 4, so a line of 2
	 * columns takes it (wrapping used to loop on a cluster wider than the line) */
	CHECK_INT(text_width("\xE1\x84\x80\xE1\x84\x80"), 2);
	n = text_wrap("\xE1\x84\x80\xE1\x84\x80\xE1\x84\x80\xE1\x84\x80" "a", 2, &l);
	CHECK_INT(n, 2);
	text_lines_free(l, n);
	n = text_wrap(FLAG FLAG EXTB, 2, &l);
	CHECK_INT(n, 3);
	CHECK_STR(l[0], FLAG);
	CHECK_STR(l[1], FLAG);
	CHECK_STR(l[2], EXTB);
	text_lines_free(l, n);
}

TEST(cluster_terminal_safe)
{
	init();
	char *s = text_terminal_safe("王" THUMB "芳");
	CHECK_STR(s, "王\xF0\x9F\x91\x8D芳");               /* 👍, 2 columns */
	free(s);
	s = text_terminal_safe("a" FAMILY "b");
	CHECK_STR(s, "a\xF0\x9F\x91\xA8" "b");
	free(s);
	s = text_terminal_safe("caf" E_ACUTE " " FLAG " " EXTB);   /* curses agrees: as is */
	CHECK_STR(s, "caf" E_ACUTE " " FLAG " " EXTB);
	free(s);
	/* what curses counts of the safe text (plain wcwidth) is our width */
	const char *in[] = {"王" THUMB "芳", FAMILY, "\xE2\x9D\xA4\xEF\xB8\x8F", E_ACUTE, FLAG};
	for (size_t i = 0; i < ARRAY_SIZE(in); i++) {
		s = text_terminal_safe(in[i]);
		wchar_t wb[64];
		size_t nw = mbstowcs(wb, s, 64);
		CHECK(nw != (size_t)-1);
		CHECK_INT(wcswidth(wb, nw), text_width(in[i]));
		free(s);
	}
}

int main(void)
{
	RUN(locale_falls_back_to_utf8);
	RUN(width_ascii);
	RUN(width_cjk);
	RUN(width_ambiguous_is_narrow);
	RUN(width_emoji_and_combining);
	RUN(cluster_bytes_and_width);
	RUN(cluster_width);
	RUN(cluster_fit_never_cuts);
	RUN(cluster_pad);
	RUN(cluster_wrap);
	RUN(cluster_terminal_safe);
	RUN(nwidth_cut_inside_char);
	RUN(bad_bytes_become_fffd);
	RUN(controls_become_fffd);
	RUN(sanitize_newlines);
	RUN(decode_one);
	RUN(decode_matches_mbrtowc);
	RUN(fit_never_splits_wide_char);
	RUN(fit_with_ellipsis);
	RUN(pad_exact_widths);
	RUN(pad_width_is_always_cols);
	RUN(prefix_bytes);
	RUN(wrap_chinese_sentence);
	RUN(wrap_chinese_exact);
	RUN(wrap_keeps_numbers_whole);
	RUN(wrap_english_at_spaces);
	RUN(wrap_newlines);
	RUN(random_invariants);
	RUN(sanitize_take_is_sanitize);
	RUN(wrap_same_as_before);
	RUN(width_is_fast);
	RUN(utf8_validity);
	RUN(name_normal_form);
	RUN(bidi_balanced_in_clean_copies);
	return TT_END();
}
