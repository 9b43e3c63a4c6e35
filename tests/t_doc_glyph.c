/* t_doc_glyph.c — every character on paper (issue 13 item 3): the text a
 * PDF cell gives pango (doc_pdf_text: bidi overrides dropped, emoji in
 * text presentation), the list of undrawable characters and its warning,
 * tabs as spaces in both renderers, and the header grid that never breaks
 * a value; the PDFs are read back with poppler's tools (scripts/deps.sh). */
#include "tt.h"

#include "qingdan/doc.h"
#include "qingdan/text.h"
#include "qingdan/util.h"

#include <locale.h>

static void setup(void)
{
	setlocale(LC_ALL, "C.UTF-8");
}

static char *run(const char *cmd)
{
	FILE *p = popen(cmd, "r");
	struct strbuf b = {0};
	char buf[4096];
	size_t k;
	sb_puts(&b, "");
	if (!p)
		return sb_take(&b);
	while ((k = fread(buf, 1, sizeof buf, p)) > 0)
		sb_add(&b, buf, k);
	pclose(p);
	return sb_take(&b);
}

static char *tmp_pdf(void)
{
	char *path = xstrdup("/tmp/t_doc_glyph_XXXXXX.pdf");
	int fd = mkstemps(path, 4);
	CHECK(fd >= 0);
	close(fd);
	return path;
}

/* the warnings a render gave, one per line */
static void collect(void *ctx, const char *text)
{
	struct strbuf *b = ctx;
	sb_printf(b, "%s\n", text);
}

static const struct doc_col COLS[] = {{"序号", 1, 'c'}, {"责任内容", 6, 'l'}, {"确认", 1.2, 'c'}};

/* A one-group document: the header fields as a grid, one row of content. */
static struct doc *paper(const char *name, const char *branch, const char *content)
{
	struct doc *d = doc_new("清单");
	doc_group(d, "校验码：1-2");
	doc_title(d, "2026年度个人党建责任清单");
	doc_field(d, "单位", "示范市政务服务管理局");
	doc_field(d, "姓名", name);
	doc_field(d, "职务", "科员");
	doc_field(d, "所在支部", branch);
	doc_fields_grid(d, 2);
	struct doc_table *t = doc_table(d, 3, COLS);
	const char *cells[] = {"1", content, "☐"};
	doc_row(t, 0, cells);
	return d;
}

/* Render d to a temporary PDF; the warnings in *warn; returns the path. */
static char *render(struct doc *d, struct strbuf *warn)
{
	char *path = tmp_pdf(), err[256] = "";
	doc_set_warn(d, "清单.pdf", collect, warn);
	CHECK_INT(doc_render_pdf(d, path, err, sizeof err), 0);
	CHECK_STR(err, "");
	return path;
}

static char *pdftext(const char *path, const char *opts)
{
	char *cmd = xasprintf("pdftotext %s %s -", opts, path);
	char *t = run(cmd);
	free(cmd);
	return t;
}

TEST(pdf_text_drops_overrides)
{
	setup();
	char *t = doc_pdf_text("\xe2\x80\xae阿里木\xe2\x80\xac" "与\xe2\x80\xaa" "abc");
	CHECK_STR(t, "阿里木与abc");
	free(t);
	/* isolates are kept, balanced */
	t = doc_pdf_text("\xe2\x81\xa8" "X");
	CHECK_STR(t, "\xe2\x81\xa8" "X\xe2\x81\xa9");
	free(t);
	t = doc_pdf_text("plain 中文 2026");
	CHECK_STR(t, "plain 中文 2026");
	free(t);
}

TEST(pdf_text_emoji_in_text_presentation)
{
	setup();
	/* 👍 gets U+FE0E; the skin tone that follows is left as it is */
	char *t = doc_pdf_text("王👍🏻芳");
	CHECK_STR(t, "王👍\xef\xb8\x8e🏻芳");
	free(t);
	/* a U+FE0F asking for colour becomes U+FE0E; one already there stays */
	t = doc_pdf_text("❤\xef\xb8\x8f!😀\xef\xb8\x8e");
	CHECK_STR(t, "❤\xef\xb8\x8e!😀\xef\xb8\x8e");
	free(t);
	/* Extension B is no emoji */
	t = doc_pdf_text("𠀀𪚥𡃁");
	CHECK_STR(t, "𠀀𪚥𡃁");
	free(t);
}

TEST(missing_list_names_characters)
{
	setup();
	struct doc *d = doc_new("x");
	CHECK(doc_missing_list(d) == NULL);
	doc_missing_add(d, 0xE000);
	doc_missing_add(d, 0x323AF);
	doc_missing_add(d, 0xE000);   /* once only */
	char *l = doc_missing_list(d);
	CHECK_STR(l, "\xee\x80\x80 (U+E000)、\xf0\xb2\x8e\xaf (U+323AF)");
	free(l);
	for (unsigned c = 0xE001; c < 0xE020; c++)
		doc_missing_add(d, c);
	l = doc_missing_list(d);
	CHECK_CONTAINS(l, "等 13 个");
	CHECK(!strstr(l, "U+E013"));
	free(l);
	doc_free(&d);
}

TEST(pdf_corpus_names_every_character)
{
	setup();
	struct strbuf warn = {0};
	sb_puts(&warn, "");
	struct doc *d = paper("𠀀𪚥𡃁", "机关第一党支部（办公室）", "王👍🏻芳负责");
	char *path = render(d, &warn);
	CHECK_STR(warn.s, "");                   /* every character drawn */
	char *t = pdftext(path, "");
	CHECK_CONTAINS(t, "𠀀𪚥𡃁");
	/* pdftotext may put a space between glyphs of two fonts: not a character lost */
	char *o = t;
	for (const char *p = t; *p; p++)
		if (*p != ' ')
			*o++ = *p;
	*o = '\0';
	CHECK_CONTAINS(t, "王👍🏻芳负责");
	CHECK_CONTAINS(t, "2026年度个人党建责任清单");   /* digits from the text face */
	free(t);
	char *cmd = xasprintf("pdffonts %s", path);
	char *f = run(cmd);
	free(cmd);
	CHECK_CONTAINS(f, "NotoSerifCJKsc");
	CHECK_CONTAINS(f, "HanaMin");
	CHECK_CONTAINS(f, "Symbola");
	free(f);
	unlink(path);
	free(path);
	sb_free(&warn);
	doc_free(&d);
}

TEST(pdf_warns_about_undrawable)
{
	setup();
	struct strbuf warn = {0};
	sb_puts(&warn, "");
	struct doc *d = paper("张三", "第一党支部", "私用\xee\x80\x80字");
	char *path = render(d, &warn);
	CHECK_CONTAINS(warn.s, "清单.pdf：警告：以下字符无法显示：\xee\x80\x80 (U+E000)");
	CHECK(strchr(warn.s, '\n') == warn.s + warn.len - 1);   /* one warning */
	unlink(path);
	free(path);
	sb_free(&warn);
	doc_free(&d);
}

TEST(pdf_override_reverses_nothing)
{
	setup();
	struct strbuf warn = {0};
	sb_puts(&warn, "");
	struct doc *d = paper("\xe2\x80\xae阿里木", "第一党支部", "事项\xe2\x80\xae甲乙丙");
	char *path = render(d, &warn);
	char *t = pdftext(path, "-layout");
	const char *k = strstr(t, "姓名："), *v = strstr(t, "阿里木");
	CHECK(k && v && k < v);
	CHECK(!strstr(t, "木里阿"));
	CHECK_CONTAINS(t, "事项甲乙丙");
	const char *a = strstr(t, "单位："), *b = strstr(t, "所在支部：");
	CHECK(a && b && a < b);
	free(t);
	unlink(path);
	free(path);
	sb_free(&warn);
	doc_free(&d);
}

TEST(grid_never_breaks_a_value)
{
	setup();
	struct strbuf warn = {0};
	sb_puts(&warn, "");
	const char *branch = "中共示范市政务服务管理局机关第一党支部（办公室）";
	struct doc *d = paper("欧阳娜娜", branch, "事项");
	char *path = render(d, &warn);
	char *t = pdftext(path, "-layout");
	CHECK_CONTAINS(t, branch);             /* on one line, shrunk to fit */
	const char *l = strstr(t, "所在支部：");
	const char *eol = l ? strchr(l, '\n') : NULL;
	const char *v = strstr(t, branch);
	CHECK(l && eol && v && v < eol);
	free(t);
	unlink(path);
	free(path);
	sb_free(&warn);
	doc_free(&d);
}

TEST(tabs_print_as_spaces)
{
	setup();
	struct doc *d = paper("张三", "第一党支部", "学习\t制度\n第二行");
	FILE *f = tmpfile();
	CHECK_INT(doc_render_text(d, f, 80), 0);
	rewind(f);
	struct strbuf b = {0};
	char buf[4096];
	size_t k;
	sb_puts(&b, "");
	while ((k = fread(buf, 1, sizeof buf, f)) > 0)
		sb_add(&b, buf, k);
	fclose(f);
	CHECK_CONTAINS(b.s, "学习    制度");
	CHECK(!strstr(b.s, "\xef\xbf\xbd"));     /* no U+FFFD */
	CHECK_CONTAINS(b.s, "| 第二行");            /* the newline: a line of its own */
	sb_free(&b);
	struct strbuf warn = {0};
	sb_puts(&warn, "");
	char *path = render(d, &warn);
	char *t = pdftext(path, "-layout");
	CHECK(!strstr(t, "\xef\xbf\xbd"));
	CHECK_CONTAINS(t, "学习");
	CHECK_CONTAINS(t, "制度");
	CHECK(!strstr(t, "学习制度"));              /* spaces between */
	free(t);
	unlink(path);
	free(path);
	sb_free(&warn);
	doc_free(&d);
}

int main(void)
{
	RUN(pdf_text_drops_overrides);
	RUN(pdf_text_emoji_in_text_presentation);
	RUN(missing_list_names_characters);
	RUN(pdf_corpus_names_every_character);
	RUN(pdf_warns_about_undrawable);
	RUN(pdf_override_reverses_nothing);
	RUN(grid_never_breaks_a_value);
	RUN(tabs_print_as_spaces);
	return TT_END();
}
