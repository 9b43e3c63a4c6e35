/* t_doc.c — tests of the print document (src/doc*.c): the text renderer is
 * checked column by column by display width; the PDF renderer is checked
 * through poppler's tools (pdftotext, pdfinfo, pdffonts), which must be
 * installed (scripts/deps.sh). */
#include "tt.h"

#include "qingdan/doc.h"
#include "qingdan/text.h"
#include "qingdan/util.h"

#include <locale.h>
#include <time.h>

#define LONG_CELL "坚持把学习宣传贯彻党的二十大精神作为首要政治任务，" \
	"通过党组理论学习中心组学习、专题读书班、“三会一课”等形式，全面系统深入学习"

static const struct doc_col COLS[] = {
	{"序号", 1, 'r'}, {"责任内容", 6, 'l'}, {"完成标准", 3, 'l'},
	{"完成时限", 2.2, 'c'}, {"状态", 1.5, 'c'}, {"确认", 1.2, 'c'},
};

static void setup(void)
{
	setlocale(LC_ALL, "C.UTF-8");
}

/* A person's checklist: nrows items, the third one with LONG_CELL. */
static void add_person(struct doc *d, const char *name, const char *code, int nrows)
{
	doc_group(d, code);
	doc_title(d, "2022年度个人党建责任清单");
	doc_field(d, "单位", "示范单位");
	doc_field(d, "姓名", name);
	doc_field(d, "职务", "办公室主任");
	doc_field(d, "所在支部", "第一党支部");
	doc_heading(d, "一、党组责任清单");
	struct doc_table *t = doc_table(d, 6, COLS);
	for (int i = 1; i <= nrows; i++) {
		char seq[16], content[200];
		snprintf(seq, sizeof seq, "%d", i);
		if (i == 3)
			snprintf(content, sizeof content, "%s", LONG_CELL);
		else
			snprintf(content, sizeof content, "事项%03d落实学习制度", i);
		const char *cells[] = {seq, content, "按季度完成并留存记录", "2022-06-30",
		                       i % 5 == 0 ? "逾期" : "进行中", "[ ]"};
		doc_row(t, i % 5 == 0 ? DOC_ROW_RED : 0, cells);
	}
	doc_heading(d, "二、责任书");
	doc_para(d, DOC_PARA_INDENT, "党风廉政建设“一岗双责”责任书：已签订。");
	doc_sign(d, "本人签字：＿＿＿＿＿＿  日期：＿＿＿＿＿＿", NULL);
}

/* The text rendering as a malloc'd string. */
static char *render_text(const struct doc *d, int width, int page_lines)
{
	FILE *f = tmpfile();
	struct strbuf b = {0};
	char buf[4096];
	size_t k;
	CHECK_INT(doc_render_text_paged(d, f, width, page_lines), 0);
	rewind(f);
	sb_puts(&b, "");
	while ((k = fread(buf, 1, sizeof buf, f)) > 0)
		sb_add(&b, buf, k);
	fclose(f);
	return sb_take(&b);
}

/* Split s at '\n' (in place); returns the line count. */
static int split_lines(char *s, char ***out)
{
	int n = 0, cap = 64;
	char **v = xmalloc((size_t)cap * sizeof *v);
	for (char *p = s; *p;) {
		char *e = strchr(p, '\n');
		if (n == cap)
			v = xrealloc(v, (size_t)(cap *= 2) * sizeof *v);
		v[n++] = p;
		if (!e)
			break;
		*e = '\0';
		p = e + 1;
	}
	*out = v;
	return n;
}

static int is_table_line(const char *l)
{
	if (*l == '\f')
		l++;
	return *l == '+' || *l == '|' || *l == '!';
}

/* Display columns at which the line has a rule character ('+', '|', '!').
 * Writes them to cols (up to max) and returns how many. */
static int rule_columns(const char *l, int *cols, int max)
{
	int n = 0, x = 0;
	size_t len = strlen(l);
	if (*l == '\f')
		l++, len--;
	while (len) {
		unsigned wc;
		int w;
		size_t k = text_decode(l, len, &wc, &w);
		if ((wc == '+' || wc == '|' || wc == '!') && n < max)
			cols[n++] = x;
		x += w;
		l += k;
		len -= k;
	}
	return n;
}

/* Text of display columns [from, to) of a line, spaces trimmed. */
static char *columns_text(const char *l, int from, int to)
{
	struct strbuf b = {0};
	int x = 0;
	size_t len = strlen(l);
	while (len) {
		unsigned wc;
		int w;
		size_t k = text_decode(l, len, &wc, &w);
		if (x >= from && x + w <= to && wc != ' ')
			sb_add(&b, l, k);
		x += w;
		l += k;
		len -= k;
	}
	sb_puts(&b, "");
	return sb_take(&b);
}

static int count_char(const char *s, char c)
{
	int n = 0;
	for (; *s; s++)
		n += *s == c;
	return n;
}

static int count_str(const char *s, const char *needle)
{
	int n = 0;
	for (const char *p = s; (p = strstr(p, needle)); p += strlen(needle))
		n++;
	return n;
}

TEST(text_table_columns_align)
{
	setup();
	struct doc *d = doc_new("清单");
	add_person(d, "张三", "校验码：AB12-CD34", 8);
	char *out = render_text(d, 80, 0), **l;
	/* Red rows are marked with '!' borders (same columns, checked below). */
	CHECK_CONTAINS(out, "!    5 | 事项005");
	int n = split_lines(out, &l), ref[40], nref = 0, tlines = 0;
	for (int i = 0; i < n; i++) {
		if (!is_table_line(l[i]))
			continue;
		int cols[40], nc = rule_columns(l[i], cols, 40);
		CHECK_INT(text_width(l[i]), 80);
		if (tlines++ == 0) {
			memcpy(ref, cols, sizeof cols);
			nref = nc;
			CHECK_INT(nref, 7);
		} else {
			CHECK_INT(nc, nref);
			for (int c = 0; c < nc && c < nref; c++)
				if (cols[c] != ref[c]) {
					fprintf(stderr, "  line %d: rule %d at column %d, not %d: [%s]\n",
					        i, c, cols[c], ref[c], l[i]);
					CHECK(0);
				}
		}
	}
	CHECK(tlines > 8 * 2 + 3);
	/* The long cell wraps inside its column: the column's pieces on the
	 * row's lines give back the whole text. */
	struct strbuf all = {0};
	int lines_of_row = 0;
	for (int i = 0; i < n; i++) {
		char *seq = columns_text(l[i], ref[0] + 1, ref[1]);
		static int in_row;
		if (!strcmp(seq, "3"))
			in_row = 1;
		else if (l[i][0] == '+')
			in_row = 0;
		if (in_row) {
			char *piece = columns_text(l[i], ref[1] + 1, ref[2]);
			sb_puts(&all, piece);
			free(piece);
			lines_of_row++;
		}
		free(seq);
	}
	CHECK_STR(all.s, LONG_CELL);
	CHECK(lines_of_row >= 3);
	sb_free(&all);
	free(l);
	free(out);
	doc_free(&d);
	CHECK(d == NULL);
}

TEST(text_header_and_footer)
{
	setup();
	struct doc *d = doc_new("清单");
	add_person(d, "欧阳娜娜", "校验码：AB12-CD34", 2);
	char *out = render_text(d, 80, 0);
	CHECK_CONTAINS(out, "单位：示范单位   姓名：欧阳娜娜   职务：办公室主任   所在支部：第一党支部");
	CHECK_CONTAINS(out, "第 1 页 共 1 页");
	CHECK_CONTAINS(out, "校验码：AB12-CD34\n");
	CHECK_CONTAINS(out, "本人签字：＿＿＿＿＿＿  日期：＿＿＿＿＿＿");
	CHECK_CONTAINS(out, "　　党风廉政建设");
	/* the title is centred */
	int tw = text_width("2022年度个人党建责任清单");
	char *want = xasprintf("%*s2022年度个人党建责任清单\n", (80 - tw) / 2, "");
	CHECK(strncmp(out, want, strlen(want)) == 0);
	free(want);
	/* no line is wider than the page */
	char **l;
	int n = split_lines(out, &l);
	for (int i = 0; i < n; i++)
		CHECK(text_width(l[i]) <= 80);
	free(l);
	free(out);
	doc_free(&d);
}

TEST(text_form_feed_between_groups)
{
	setup();
	struct doc *d = doc_new("清单");
	add_person(d, "张三", "校验码：0001", 3);
	add_person(d, "李四", "校验码：0002", 3);
	add_person(d, "王五", "校验码：0003", 3);
	char *out = render_text(d, 80, 0);
	CHECK_INT(count_char(out, '\f'), 2);
	CHECK_INT(count_str(out, "第 1 页 共 1 页"), 3);
	char *ff = strchr(out, '\f');
	CHECK(ff && strstr(out, "校验码：0001") < ff && strstr(ff, "姓名：李四"));
	CHECK(out[strlen(out) - 1] == '\n');
	free(out);
	doc_free(&d);
}

TEST(text_paged_repeats_header)
{
	setup();
	struct doc *d = doc_new("清单");
	add_person(d, "张三", "校验码：AB12-CD34", 40);
	add_person(d, "李四", "校验码：0002", 2);
	char *out = render_text(d, 80, 40);
	int pages = count_char(out, '\f') + 1;
	CHECK(pages >= 4);
	/* each page: exactly 40 lines, footer last, header on table pages */
	char *p = out;
	int g1pages = 0;
	for (int pg = 0; pg < pages; pg++) {
		char *e = strchr(p, '\f');
		char *page = e ? xstrndup(p, (size_t)(e - p)) : xstrdup(p);
		char **l;
		int n = split_lines(page, &l);
		CHECK_INT(n, 40);
		CHECK_CONTAINS(l[n - 1], "页 共");
		if (strstr(l[n - 1], "AB12")) {
			g1pages++;
			/* continuation pages with table rows start with the header */
			if (pg > 0 && is_table_line(l[0]))
				CHECK(strstr(l[1], "责任内容") && l[0][0] == '+');
			else if (pg > 0)
				CHECK(!is_table_line(l[3]));
		}
		/* every page's table ends with a rule */
		int last = -1;
		for (int i = 0; i < n; i++)
			if (is_table_line(l[i]))
				last = i;
		if (last >= 0)
			CHECK(l[last][0] == '+');
		free(l);
		free(page);
		p = e ? e + 1 : p;
	}
	CHECK_INT(g1pages, pages - 1);
	char *lab = xasprintf("第 %d 页 共 %d 页", g1pages, g1pages);
	CHECK_CONTAINS(out, lab);
	free(lab);
	CHECK_CONTAINS(out, "第 1 页 共 1 页");   /* group 2 restarts */
	for (int i = 1; i <= 40; i++) {
		char item[40];
		snprintf(item, sizeof item, "| %4d | 事项%03d", i, i);
		if (i != 3 && i % 5)
			CHECK_CONTAINS(out, item);
	}
	free(out);
	doc_free(&d);
}

TEST(text_tall_row_terminates)
{
	setup();
	struct strbuf b = {0};
	for (int i = 0; i < 300; i++)
		sb_printf(&b, "第%d行\n", i);
	struct doc *d = doc_new("长");
	doc_group(d, "X");
	struct doc_table *t = doc_table(d, 2, COLS);
	const char *cells[] = {"1", b.s};
	doc_row(t, 0, cells);
	char *out = render_text(d, 40, 20);
	CHECK_CONTAINS(out, "第299行");
	CHECK(count_char(out, '\f') >= 300 / 16);
	free(out);
	/* pathological: huge header and a narrow page */
	struct doc_col wide[2] = {{b.s, 1, 'l'}, {"x", 1, 'l'}};
	doc_table(d, 2, wide);
	out = render_text(d, 10, 12);
	CHECK_CONTAINS(out, "第299行");
	free(out);
	sb_free(&b);
	doc_free(&d);
}

TEST(text_sign_side_by_side)
{
	setup();
	struct doc *d = doc_new("责任书");
	doc_group(d, "校验码：9F3A");
	doc_title(d, "党风廉政建设“一岗双责”责任书");
	doc_para(d, DOC_PARA_INDENT, "为深入推进全面从严治党。\n第二段。");
	doc_sign(d, "甲方：王芳（签字）\n日期：2022年3月1日", "乙方：张三（签字）\n日期：2022年3月2日");
	char *out = render_text(d, 80, 0);
	CHECK_CONTAINS(out, "甲方：王芳（签字）");
	CHECK_CONTAINS(out, "　　为深入推进全面从严治党。\n　　第二段。");
	char **l;
	int n = split_lines(out, &l), found = 0;
	for (int i = 0; i < n; i++) {
		char *a = strstr(l[i], "甲方"), *b = strstr(l[i], "乙方");
		if (a && b) {
			found = 1;
			CHECK_INT(text_nwidth(l[i], (size_t)(b - l[i])), (80 - 4) / 2 + 4);
			CHECK(strstr(l[i + 1], "日期：2022年3月1日") && strstr(l[i + 1], "日期：2022年3月2日"));
		}
	}
	CHECK(found);
	free(l);
	free(out);
	doc_free(&d);
}

TEST(text_cleans_input)
{
	setup();
	struct doc *d = doc_new("t");
	doc_title(d, "标题\x01\x1b[31m红");        /* no group yet: one is started */
	doc_field(d, NULL, "只有值");
	doc_field(d, "键", NULL);
	doc_heading(d, "坏\xff字节");
	CHECK_INT(doc_ngroups(d), 1);
	char *out = render_text(d, 0, 0);
	CHECK(!strchr(out, '\x1b') && !strchr(out, '\x01'));
	CHECK_CONTAINS(out, "只有值   键：");
	CHECK_CONTAINS(out, "坏\xEF\xBF\xBD字节");
	free(out);
	doc_free(&d);
	doc_free(&d);   /* NULL-safe */
	struct doc *e = doc_new(NULL);
	out = render_text(e, 80, 0);
	CHECK_STR(out, "");
	free(out);
	doc_free(&e);
}

/* ---- PDF ---- */

/* Output of a shell command (malloc'd). */
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
	char *path = xstrdup("/tmp/t_doc_XXXXXX.pdf");
	int fd = mkstemps(path, 4);
	CHECK(fd >= 0);
	close(fd);
	return path;
}

TEST(pdf_two_groups)
{
	setup();
	struct doc *d = doc_new("2022年度个人党建责任清单");
	add_person(d, "张三", "校验码：AB12-CD34", 45);
	add_person(d, "李四", "校验码：EF56-7890", 3);
	char *path = tmp_pdf(), err[256] = "";
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	int rc = doc_render_pdf(d, path, err, sizeof err);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	CHECK_INT(rc, 0);
	CHECK_STR(err, "");
	fprintf(stderr, "  pdf: %.1f ms\n", (t1.tv_sec - t0.tv_sec) * 1e3 + (t1.tv_nsec - t0.tv_nsec) / 1e6);

	char *cmd = xasprintf("pdftotext -layout %s -", path);
	char *txt = run(cmd);
	free(cmd);
	CHECK_CONTAINS(txt, "2022年度个人党建责任清单");
	CHECK_CONTAINS(txt, "姓名：张三");
	CHECK_CONTAINS(txt, "所在支部：第一党支部");
	CHECK_CONTAINS(txt, "一、党组责任清单");
	CHECK_CONTAINS(txt, "本人签字");
	CHECK_CONTAINS(txt, "校验码：AB12-CD34");
	CHECK_CONTAINS(txt, "校验码：EF56-7890");
	for (int i = 1; i <= 45; i++) {
		char item[40];
		snprintf(item, sizeof item, "事项%03d落实学习制度", i);
		if (i != 3)
			CHECK_CONTAINS(txt, item);
	}
	/* group 1 has 2+ pages, group 2 one, numbered within the group */
	int g1 = 0;
	const char *p = strstr(txt, "第 1 页 共 ");
	if (p)   /* not sscanf: glibc's scanf does not match CJK literals in UTF-8 locales */
		g1 = atoi(p + strlen("第 1 页 共 "));
	CHECK(g1 >= 2);
	CHECK_CONTAINS(txt, "第 2 页 共");
	CHECK_CONTAINS(txt, "第 1 页 共 1 页");
	CHECK_INT(count_char(txt, '\f'), g1 + 1);   /* pdftotext ends each page with \f */

	cmd = xasprintf("pdftotext -layout -f 2 -l 2 %s -", path);
	char *p2 = run(cmd);
	free(cmd);
	CHECK_CONTAINS(p2, "责任内容");
	CHECK_CONTAINS(p2, "完成时限");
	CHECK_CONTAINS(p2, "第 2 页 共");
	CHECK_CONTAINS(p2, "校验码：AB12-CD34");
	free(p2);

	cmd = xasprintf("pdfinfo %s", path);
	char *info = run(cmd);
	free(cmd);
	const char *pg = strstr(info, "\nPages:");
	CHECK(pg && atoi(pg + 7) == g1 + 1);
	const char *ti = strstr(info, "Title:");
	CHECK(ti && !strncmp(ti + 6 + strspn(ti + 6, " "), "2022年度个人党建责任清单\n", 34));
	CHECK_CONTAINS(info, "595.28 x 841.89 pts (A4)");
	free(info);

	cmd = xasprintf("pdffonts %s", path);
	char *fonts = run(cmd);
	free(cmd);
	/* the Song body font is embedded: the "emb" column (5th from the end) says yes */
	char *line = strstr(fonts, "NotoSerifCJKsc-Regular");
	CHECK(line != NULL);
	if (line) {
		char *tok[16], *save = NULL;
		int nt = 0;
		*strchr(line, '\n') = '\0';
		for (char *w = strtok_r(line, " ", &save); w && nt < 16; w = strtok_r(NULL, " ", &save))
			tok[nt++] = w;
		CHECK(nt >= 7 && !strcmp(tok[nt - 5], "yes"));
	}
	free(fonts);
	free(txt);
	unlink(path);
	free(path);
	doc_free(&d);
}

TEST(pdf_tall_row_terminates)
{
	setup();
	struct strbuf b = {0};
	for (int i = 0; i < 400; i++)
		sb_printf(&b, "长行%03d\n", i);
	struct doc *d = doc_new("长");
	doc_group(d, "校验码：TALL");
	doc_heading(d, "表");
	struct doc_table *t = doc_table(d, 3, COLS);
	const char *c1[] = {"1", b.s, "短"};
	const char *c2[] = {"2", "之后的行", "短"};
	doc_row(t, 0, c1);
	doc_row(t, DOC_ROW_RED, c2);
	/* a header taller than a page, and a paragraph of 400 lines */
	struct doc_col big[2] = {{b.s, 1, 'l'}, {"乙", 1, 'l'}};
	t = doc_table(d, 2, big);
	doc_row(t, 0, c1 + 1);
	doc_para(d, 0, b.s);
	char *path = tmp_pdf(), err[256] = "";
	CHECK_INT(doc_render_pdf(d, path, err, sizeof err), 0);
	char *cmd = xasprintf("pdftotext %s -", path);
	char *txt = run(cmd);
	free(cmd);
	CHECK_CONTAINS(txt, "长行000");
	CHECK_CONTAINS(txt, "长行399");
	CHECK_CONTAINS(txt, "之后的行");
	CHECK(count_char(txt, '\f') >= 8);
	CHECK(count_str(txt, "长行200") >= 3);   /* the row, the header, the paragraph */
	free(txt);
	unlink(path);
	free(path);
	sb_free(&b);
	doc_free(&d);
}

TEST(pdf_errors)
{
	setup();
	char err[256] = "";
	struct doc *d = doc_new("空");
	CHECK_INT(doc_render_pdf(d, "/nonexistent-dir/empty.pdf", err, sizeof err), -1);
	CHECK_CONTAINS(err, "nothing to print");
	doc_group(d, NULL);
	doc_title(d, "标题");
	err[0] = '\0';
	CHECK_INT(doc_render_pdf(d, "/nonexistent-dir/x.pdf", err, sizeof err), -1);
	CHECK_CONTAINS(err, "/nonexistent-dir/x.pdf");
	doc_free(&d);
}

/* A machine whose fontconfig sees no Chinese font: refuse, write nothing
 * (pango would draw hex boxes and pdftotext would find nothing). */
TEST(pdf_no_chinese_font)
{
	setup();
	char *conf = xasprintf("/tmp/t_doc_nocjk_%ld.conf", (long)getpid());
	char *pdf = xasprintf("/tmp/t_doc_nocjk_%ld.pdf", (long)getpid());
	FILE *f = fopen(conf, "w");
	CHECK(f != NULL);
	if (!f)
		return;
	fputs("<?xml version=\"1.0\"?>\n<!DOCTYPE fontconfig SYSTEM \"fonts.dtd\">\n"
	      "<fontconfig><dir>/usr/share/fonts/truetype/dejavu</dir>"
	      "</fontconfig>\n", f);
	fclose(f);
	setenv("FONTCONFIG_FILE", conf, 1);   /* this test runs in its own fork */
	struct doc *d = doc_new("清单");
	add_person(d, "张三", "校验码：1", 2);
	char err[256] = "";
	CHECK_INT(doc_render_pdf(d, pdf, err, sizeof err), -1);
	CHECK_CONTAINS(err, "fonts-wqy-microhei");
	CHECK(access(pdf, F_OK) != 0);
	unlink(conf);
	free(conf);
	free(pdf);
	doc_free(&d);
}

TEST(text_write_error)
{
	setup();
	struct doc *d = doc_new("清单");
	add_person(d, "张三", "校验码：1", 30);
	FILE *f = fopen("/dev/full", "w");
	CHECK(f != NULL);
	if (f) {
		CHECK_INT(doc_render_text(d, f, 80), -1);
		fclose(f);
	}
	doc_free(&d);
}

TEST(pdf_pledge_signatures)
{
	setup();
	struct doc *d = doc_new("责任书");
	doc_group(d, "校验码：9F3A-0001");
	doc_title(d, "党风廉政建设“一岗双责”责任书");
	doc_para(d, DOC_PARA_INDENT, "为深入推进全面从严治党，落实党风廉政建设主体责任。\n本责任书一式两份。");
	doc_sign(d, "甲方：王芳\n日期：2022年3月1日", "乙方：张三\n日期：2022年3月2日");
	char *path = tmp_pdf(), err[256] = "";
	CHECK_INT(doc_render_pdf(d, path, err, sizeof err), 0);
	char *cmd = xasprintf("pdftotext -layout %s -", path);
	char *txt = run(cmd);
	free(cmd);
	CHECK_CONTAINS(txt, "甲方：王芳");
	CHECK_CONTAINS(txt, "乙方：张三");
	char *a = strstr(txt, "甲方：王芳");
	char *eol = a ? strchr(a, '\n') : NULL;
	char *b = strstr(txt, "乙方：张三");
	CHECK(a && eol && b && b < eol);   /* side by side on one line */
	CHECK_CONTAINS(txt, "第 1 页 共 1 页");
	free(txt);
	unlink(path);
	free(path);
	doc_free(&d);
}

/* The last paragraph marked DOC_PARA_KEEP_NEXT goes to the next page with
 * the signatures rather than leave them alone there; without the mark the
 * paragraph stays and the signatures go alone (the bug this mends). */
static int signature_alone(unsigned flags)
{
	struct doc *d = doc_new("责任书");
	doc_group(d, "校验码：1-2");
	doc_title(d, "责任书");
	struct strbuf body = {0};
	for (int i = 1; i <= 14; i++)
		sb_printf(&body, "%s第%d段内容。", i > 1 ? "\n" : "", i);
	doc_para(d, DOC_PARA_INDENT, body.s);
	doc_para(d, DOC_PARA_INDENT | flags, "本责任书一式两份。");
	doc_sign(d, "甲方（盖章）：\n负责人（签字）：王芳", "\n乙方（签字）：张三");
	sb_free(&body);
	/* 20 lines a page: 17 of body and footer, so the 2 signature lines
	 * and the last paragraph cannot all stay on page 1 */
	char *out = render_text(d, 60, 22);
	char *ff = strchr(out, '\f');
	int alone = 0;
	CHECK(ff != NULL);
	if (ff) {
		*ff = '\0';
		CHECK(strstr(ff + 1, "乙方（签字）：张三") != NULL);
		alone = strstr(ff + 1, "本责任书一式两份") == NULL;
		CHECK(strstr(out, "乙方（签字）") == NULL);
	}
	free(out);
	doc_free(&d);
	return alone;
}

TEST(text_last_paragraph_kept_with_signatures)
{
	setup();
	CHECK_INT(signature_alone(0), 1);
	CHECK_INT(signature_alone(DOC_PARA_KEEP_NEXT), 0);
}

/* The group's note is a footer line of every page; a footer too wide for
 * the page beside its label is wrapped, not cut. */
TEST(text_footer_note_and_wrap)
{
	setup();
	struct doc *d = doc_new("责任书");
	doc_group(d, "校验码：483-317cc21cfc421470，核对网址 https://example.gov.cn/verify");
	doc_group_note(d, "编号 #1 · 年度 2026 · 状态 已签订");
	doc_title(d, "责任书");
	for (int i = 0; i < 12; i++)   /* 15 body lines a page: two pages */
		doc_para(d, 0, "正文。");
	char *out = render_text(d, 40, 20);
	CHECK_CONTAINS(out, "第 1 页 共 2 页");
	CHECK_CONTAINS(out, "第 2 页 共 2 页");
	char *p1 = strstr(out, "编号 #1 · 年度 2026 · 状态 已签订");
	CHECK(p1 != NULL && strstr(p1 + 1, "编号 #1 · 年度 2026 · 状态 已签订") != NULL);
	CHECK_CONTAINS(out, "https://example.gov.cn/verify");
	char **l;
	int n = split_lines(out, &l);
	int pages = 1;
	for (int i = 0; i < n; i++) {
		CHECK(text_width(l[i]) <= 40);
		pages += strchr(l[i], '\f') != NULL;
	}
	CHECK_INT(pages, 2);
	CHECK_INT(n, 2 * 20);   /* each page exactly its lines, footer included */
	free(l);
	free(out);
	doc_free(&d);
}

int main(void)
{
	RUN(text_table_columns_align);
	RUN(text_header_and_footer);
	RUN(text_form_feed_between_groups);
	RUN(text_paged_repeats_header);
	RUN(text_tall_row_terminates);
	RUN(text_sign_side_by_side);
	RUN(text_cleans_input);
	RUN(text_last_paragraph_kept_with_signatures);
	RUN(text_footer_note_and_wrap);
	RUN(pdf_two_groups);
	RUN(pdf_tall_row_terminates);
	RUN(pdf_errors);
	RUN(pdf_pledge_signatures);
	RUN(pdf_no_chinese_font);
	RUN(text_write_error);
	return TT_END();
}
