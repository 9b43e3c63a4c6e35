/* doc_glyph.c — the text of a PDF cell as pango gets it (doc.h's
 * doc_pdf_text): what the PDF renderer (doc_pdf.c, in the print module)
 * needs of text handling, kept in the program beside text.c so the module
 * stays the drawing alone.
 *
 *  - bidi: text_bidi_safe() balances the controls; then the embedding and
 *    override controls U+202A–U+202E are dropped: a U+202E in a name would
 *    print it backwards (and with it what pdftotext reads), and no real
 *    name needs one, the natural order of Arabic script being kept by the
 *    bidi algorithm inside the cell;
 *  - emoji in text presentation: pango gives a default-emoji character to
 *    a colour font, and cairo 1.16 puts a colour glyph in the PDF as a
 *    bitmap with no text behind it, so pdftotext loses it; a U+FE0E after
 *    it (or in place of a U+FE0F) sends it to an outline font (Symbola),
 *    which prints black like the rest of the paper and keeps the text. */
#include "qingdan/doc.h"

#include "qingdan/text.h"
#include "qingdan/util.h"

#include <stdlib.h>
#include <string.h>

/* 1 for a character shown as a (colour) emoji by default: pango gives
 * such a run to a colour font.  The ranges of Emoji_Presentation, a little
 * wider (harmless: U+FE0E after a text character changes nothing); the
 * skin-tone modifiers are left alone, they follow their base. */
static int emoji_default(unsigned c)
{
	if (c >= 0x1F3FB && c <= 0x1F3FF)
		return 0;
	return (c >= 0x1F000 && c <= 0x1FAFF) || (c >= 0x231A && c <= 0x231B) ||
	       (c >= 0x23E9 && c <= 0x23FA) || (c >= 0x25FD && c <= 0x25FE) ||
	       (c >= 0x2614 && c <= 0x2615) || (c >= 0x2648 && c <= 0x2653) ||
	       (c >= 0x267F && c <= 0x26FF) || (c >= 0x2705 && c <= 0x27BF) ||
	       c == 0x2B1B || c == 0x2B1C || c == 0x2B50 || c == 0x2B55;
}

/* s with every emoji in text presentation: U+FE0E after each (a U+FE0F
 * that asks for the colour form becomes U+FE0E).  NULL when s has none,
 * which is the common case, checked byte-wise first. */
static char *emoji_text(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	int any = 0;
	for (; *p; p++)
		if (*p == 0xF0 || *p == 0xE2)   /* U+1xxxx, U+2xxx */
			any = 1;
	if (!any)
		return NULL;
	struct strbuf b = {0};
	size_t n = strlen(s), i = 0;
	int changed = 0;
	sb_puts(&b, "");
	while (i < n) {
		unsigned wc;
		int w;
		size_t k = text_decode(s + i, n - i, &wc, &w);
		if (wc == 0xFE0F) {   /* the colour form asked for */
			sb_puts(&b, "\xEF\xB8\x8E");
			changed = 1;
		} else {
			sb_add(&b, s + i, k);
		}
		i += k;
		if (emoji_default(wc)) {
			unsigned next = 0;
			if (i < n)
				text_decode(s + i, n - i, &next, &w);
			if (next != 0xFE0E && next != 0xFE0F) {
				sb_puts(&b, "\xEF\xB8\x8E");
				changed = 1;
			}
		}
	}
	if (!changed) {
		sb_free(&b);
		return NULL;
	}
	return sb_take(&b);
}

char *doc_pdf_text(const char *text)
{
	char *safe = text_bidi_safe(text ? text : "");
	char *o = safe;
	for (const char *p = safe; *p;)
		if ((unsigned char)p[0] == 0xE2 && (unsigned char)p[1] == 0x80 &&
		    (unsigned char)p[2] >= 0xAA && (unsigned char)p[2] <= 0xAE)
			p += 3;                  /* U+202A–U+202E */
		else
			*o++ = *p++;
	*o = '\0';
	char *mono = emoji_text(safe);
	if (!mono)
		return safe;
	free(safe);
	return mono;
}
