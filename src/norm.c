/* norm.c — well-formed UTF-8 and the normal form of names and search text
 * (norm.h has the rules).  Decoding and NFC are utf8proc's; the folding
 * table is ours, small and explicit, so a reviewer can see every character
 * that is dropped or changed. */
#include "qingdan/norm.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "qingdan/util.h"

#define REPL_UTF8 "\xEF\xBF\xBD"

/* Bytes of the well-formed character at s (n > 0 available), 0 if there is
 * none there; *cp is the code point. */
static size_t next_cp(const char *s, size_t n, int *cp)
{
	utf8proc_int32_t c = -1;
	utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &c);
	if (k <= 0 || c < 0)
		return 0;
	*cp = (int)c;
	return (size_t)k;
}

int norm_is_utf8(const char *s, size_t len)
{
	size_t i = 0;
	int cp;
	while (i < len) {
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		size_t k = next_cp(s + i, len - i, &cp);
		if (!k)
			return 0;
		i += k;
	}
	return 1;
}

char *norm_valid(const char *s)
{
	struct strbuf b = {0};
	size_t n = strlen(s), i = 0;
	int cp;
	sb_puts(&b, "");
	while (i < n) {
		size_t k = (unsigned char)s[i] < 0x80 ? 1 : next_cp(s + i, n - i, &cp);
		if (k)
			sb_add(&b, s + i, k);
		else
			sb_add(&b, REPL_UTF8, 3);
		i += k ? k : 1;
	}
	return sb_take(&b);
}

/* Invisible characters dropped from names and search text. */
static int is_invisible(int c)
{
	return (c >= 0x200B && c <= 0x200F) || c == 0x2060 || c == 0xFEFF || c == 0x061C ||
	       (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

static int is_middle_dot(int c)
{
	return c == 0x00B7 || c == 0x2022 || c == 0x2027 || c == 0x2219 || c == 0x30FB ||
	       c == 0xFF65;
}

/* Pass 1: drop, fold and map spaces (the input is well-formed).  Pass 2
 * (after NFC): collapse and trim the spaces. */
static char *fold(const char *s, size_t n)
{
	struct strbuf b = {0};
	size_t i = 0;
	int cp;
	sb_puts(&b, "");
	while (i < n) {
		size_t k = next_cp(s + i, n - i, &cp);
		if (!k) {
			sb_free(&b);
			return NULL;
		}
		utf8proc_category_t cat = utf8proc_category(cp);
		if (is_invisible(cp))
			;
		else if (is_middle_dot(cp))
			sb_puts(&b, "\xC2\xB7");
		else if (cat == UTF8PROC_CATEGORY_ZS || cp == '\t' || cp == '\n' || cp == '\r' ||
			 cp == 0x0B || cp == 0x0C || cp == 0x85 || cp == 0x2028 || cp == 0x2029)
			sb_putc(&b, ' ');
		else if (cat != UTF8PROC_CATEGORY_CC)
			sb_add(&b, s + i, k);
		i += k;
	}
	return sb_take(&b);
}

static int is_han(int c)
{
	return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF);
}

/* The code point ending just before s[at] (0 if none). */
static int cp_before(const char *s, size_t at)
{
	size_t i = at;
	int cp = 0;
	while (i > 0 && ((unsigned char)s[i - 1] & 0xC0) == 0x80)
		i--;
	if (i > 0)
		i--;
	return at > 0 && next_cp(s + i, at - i, &cp) ? cp : 0;
}

/* Trim, collapse runs of spaces, and drop a run between two Han characters:
 * "王　伟", padded to line up with three-character names, is 王伟. */
static char *squeeze(const char *s)
{
	struct strbuf b = {0};
	size_t n = strlen(s);
	sb_puts(&b, "");
	for (size_t i = 0; i < n;) {
		if (s[i] != ' ') {
			sb_putc(&b, s[i++]);
			continue;
		}
		size_t j = i;
		while (j < n && s[j] == ' ')
			j++;
		int next = 0;
		if (j < n)
			next_cp(s + j, n - j, &next);
		if (b.len > 0 && j < n && !(is_han(cp_before(b.s, b.len)) && is_han(next)))
			sb_putc(&b, ' ');
		i = j;
	}
	return sb_take(&b);
}

/* Characters that need no folding and are NFC whatever surrounds them
 * (no decomposition, combining class 0, never composed with a neighbour):
 * printable ASCII, CJK ideographs and the usual Chinese punctuation. */
static int is_plain(int c)
{
	return (c > 0x20 && c < 0x7F) || (c >= 0x4E00 && c <= 0x9FFF) ||
	       (c >= 0x3001 && c <= 0x303F) || (c >= 0xFF01 && c <= 0xFF5E) ||
	       (c >= 0x2010 && c <= 0x2021) || (c >= 0x2023 && c <= 0x2026);
}

/* Already in normal form?  The common case, checked without allocating. */
static int is_normal(const char *s, size_t n)
{
	size_t i = 0;
	int cp = 0, prev = ' ';
	while (i < n) {
		size_t k = (unsigned char)s[i] < 0x80 ? 1 : next_cp(s + i, n - i, &cp);
		if (k == 1)
			cp = (unsigned char)s[i];
		/* a space after a Han character may be padding: the slow path */
		if (!k || (cp == ' ' ? prev == ' ' || prev > 0x7F : !is_plain(cp)))
			return 0;
		prev = cp;
		i += k;
	}
	return prev != ' ' || n == 0;
}

char *norm_name(const char *s)
{
	size_t n = strlen(s);
	if (is_normal(s, n))
		return xstrdup(s);
	char *folded = fold(s, n);
	if (!folded)
		return NULL;
	utf8proc_uint8_t *nfc = utf8proc_NFC((const utf8proc_uint8_t *)folded);
	free(folded);
	if (!nfc)
		die("out of memory (NFC)");
	char *out = squeeze((const char *)nfc);
	free(nfc);
	return out;
}

char *norm_search(const char *s)
{
	char *valid = norm_valid(s);
	char *out = norm_name(valid);
	free(valid);
	return out ? out : xstrdup("");
}
