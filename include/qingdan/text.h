/* text.h — display width of UTF-8 text, counted in terminal columns.
 *
 * The one module that knows how wide text is.  Everything that aligns
 * columns (TUI, table output, text print) goes through it.  Rules:
 *  - decode with mbrtowc under a UTF-8 LC_CTYPE; an invalid byte counts as
 *    U+FFFD (width 1) and is emitted as U+FFFD (EF BF BD);
 *  - C0/C1 control characters and DEL are made visible as U+FFFD too
 *    (tab and newline included, except where a function says otherwise);
 *  - text is measured, cut, wrapped and edited by grapheme cluster (what
 *    the user sees as one character, utf8proc's UAX #29 rules): width is
 *    the sum of wcwidth() over the cluster's code points (a character with
 *    wcwidth < 0 that is not a control character counts as 1; combining
 *    marks count 0, so e + U+0301 is 1), except that an emoji sequence —
 *    a pictograph with a skin tone, ZWJ or VS16, or a flag — is 2
 *    (👍🏻, 👨‍👩‍👧, 🇨🇳); no cluster is wider than 2;
 *  - a cluster is never split: where it does not fit, the cut happens
 *    before it and padding (a space) fills the odd column.
 * Output strings are freshly allocated (free with free()). */
#ifndef QINGDAN_TEXT_H
#define QINGDAN_TEXT_H

#include <stddef.h>

/* Make sure LC_CTYPE is a UTF-8 locale: setlocale(LC_ALL, ""), and fall back
 * to C.UTF-8 when that fails or is not UTF-8 (LC_CTYPE and LC_COLLATE).
 * LC_NUMERIC is always left "C" so numbers print and parse with '.'.
 * Returns 0 if UTF-8 is in force. */
int text_init_locale(void);

/* Columns the text takes on one line (controls/bad bytes count 1 each).
 * text_nwidth looks at most n bytes and stops at a NUL. */
int text_width(const char *s);
int text_nwidth(const char *s, size_t n);

/* The text, cleaned: bad bytes and control characters become U+FFFD.
 * keep_newlines: keep '\n' (and drop '\r' before it) for multi-line fields. */
char *text_sanitize(const char *s, int keep_newlines);
/* The same for a malloc'd s, taken over: s itself when it is clean
 * already (the common case: no copy), else its clean copy (s freed). */
char *text_sanitize_take(char *s, int keep_newlines);

/* Every clean copy below (sanitize, fit, pad, each wrapped line) keeps the
 * bidi embedding, override and isolate controls (U+202A–U+202E,
 * U+2066–U+2069) balanced: an unmatched closer is dropped and what is still
 * open is closed at the end, so one field cannot reorder the rest of a line.
 * text_bidi_safe does only that (and bad bytes → U+FFFD), for the PDF. */
char *text_bidi_safe(const char *s);

/* Cut to at most `cols` columns (clean).  With ellipsis, a cut text ends in
 * "…" (counted as 1 column) inside the limit. */
char *text_fit(const char *s, int cols, int ellipsis);

/* Cut or pad with spaces to exactly `cols` columns (clean).
 * align: 'l' left, 'r' right, 'c' centre. */
char *text_pad(const char *s, int cols, char align);

/* Byte length of the longest prefix of s that fits in `cols` columns, and
 * that prefix's width in *width (may be NULL).  Never cuts a character. */
size_t text_prefix(const char *s, int cols, int *width);

/* Wrap to lines of at most `cols` columns (cols >= 2; less is taken as 2).
 * Breaks at '\n'; else at the last place that fits: a run of spaces (which
 * is dropped) or beside a wide character (Chinese has no spaces), never
 * inside a run of narrow characters (a word, 2022-03-31) unless it is
 * longer than the line, and never before closing punctuation such as
 * "，。、；：！？）》」”…" or after opening "（《「“" when it can avoid it.
 * Without spaces the lines joined give the clean text back.  Returns the
 * number of lines (>= 1: "" is one empty line, "a\n" is "a" and "");
 * *lines is a malloc'd array of malloc'd strings. */
int text_wrap(const char *s, int cols, char ***lines);
void text_lines_free(char **lines, int n);

/* Decode one character at s (n bytes available).  Returns bytes consumed
 * (>= 1; 0 only when n is 0), sets *wc (U+FFFD for a bad byte or a control)
 * and *w (its columns, controls 1). */
size_t text_decode(const char *s, size_t n, unsigned *wc, int *w);

/* One grapheme cluster at s (at most n bytes, stops at a NUL): returns its
 * bytes (0 only at the end) and its columns in *width (may be NULL). */
size_t text_next_cluster(const char *s, size_t n, int *width);

/* A clean text made safe to hand to curses: a cluster whose columns
 * curses (and many terminals) would count differently from us — an emoji
 * sequence such as 👍🏻 or 👨‍👩‍👧, which curses takes for 4 or 6 columns —
 * becomes its first picture padded with spaces to the cluster's width, so
 * what curses thinks is on the screen is what the terminal shows. */
char *text_terminal_safe(const char *s);

#endif
