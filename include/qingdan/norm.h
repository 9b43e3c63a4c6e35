/* norm.h — what clean text is: well-formed UTF-8, and the one normal form
 * of names and of search text.
 *
 * A utility module (below storage, beside text.h): the CLI checks every
 * argument with norm_is_utf8 before anything runs; the model stores and
 * looks up people and organisations by norm_name; the storage module indexes
 * item content and folds search queries with norm_search (SQL function
 * qd_norm), so what a user types finds what another typed in a different
 * but equivalent way.  Content itself is stored as written; text.h keeps
 * what reaches a terminal or a PDF safe.
 *
 * The folding, in this order:
 *  - zero-width characters (U+200B–U+200D, U+2060, U+FEFF) and bidi
 *    controls (U+200E U+200F U+202A–U+202E U+2066–U+2069 U+061C) removed;
 *  - middle-dot variants (U+00B7 U+2022 U+2027 U+2219 U+30FB U+FF65)
 *    become U+00B7, the dot of 阿卜杜·热合曼;
 *  - tab, line breaks and every Unicode space (U+00A0, U+3000, …) become
 *    ' ', other control characters are dropped;
 *  - Unicode NFC (utf8proc), so "Cafe" + U+0301 is "Café";
 *  - runs of spaces become one, and the ends are trimmed.
 * Results are malloc'd (free with free()). */
#ifndef QINGDAN_NORM_H
#define QINGDAN_NORM_H

#include <stddef.h>

/* 1 when s[0..len) is well-formed UTF-8: no stray or truncated bytes, no
 * overlong forms, surrogates or code points above U+10FFFF; else 0. */
int norm_is_utf8(const char *s, size_t len);

/* The normal form of a name; NULL when s is not UTF-8.  "" for a blank
 * name (nothing but spaces and invisible characters): callers refuse it. */
char *norm_name(const char *s);

/* The same folding for search text and the content it is matched against;
 * never NULL: a bad byte becomes U+FFFD first (old data may hold some). */
char *norm_search(const char *s);

/* A copy of s with every bad byte replaced by U+FFFD (else unchanged). */
char *norm_valid(const char *s);

#endif
