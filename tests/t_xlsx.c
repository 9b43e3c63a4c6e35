/* t_xlsx.c — tests for reading workbooks (sheet.h; src/sheet.c and the
 * sheet module's src/sheet_xlsx.c, sheet_rows.c, linked in): workbooks
 * written here with minizip's zip.h — strings of every kind, numbers,
 * dates in both date systems, merged ranges, sparse rows, the sheet
 * chosen, every kind of damage with its message — and the LibreOffice
 * files of tests/data/xlsx (make_xlsx.sh there).  Run from the root. */
#include "qingdan/msg.h"
#include "qingdan/sheet.h"
#include "qingdan/util.h"
#include "tt.h"

#include <minizip/zip.h>
#include <sys/stat.h>
#include <unistd.h>

#include "qingdan/infile.h"

#define FIX "tests/data/xlsx/"

struct part {
	const char *name, *data;
};

static char *tmp_path(const char *name)
{
	return xasprintf("%s/t_xlsx_%ld_%s", tt_tmpdir(), (long)getpid(), name);
}

static void write_zip(const char *path, const struct part *parts)
{
	zipFile z = zipOpen64(path, APPEND_STATUS_CREATE);
	CHECK(z != NULL);
	for (const struct part *p = parts; p->name; p++) {
		CHECK(zipOpenNewFileInZip64(z, p->name, NULL, NULL, 0, NULL, 0, NULL, Z_DEFLATED,
					    Z_DEFAULT_COMPRESSION, 0) == ZIP_OK);
		CHECK(zipWriteInFileInZip(z, p->data, (unsigned)strlen(p->data)) == ZIP_OK);
		CHECK(zipCloseFileInZip(z) == ZIP_OK);
	}
	CHECK(zipClose(z, NULL) == ZIP_OK);
}

#define NS "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" " \
	   "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""
#define WB1 "<workbook " NS "><sheets><sheet name=\"S1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"
#define RELS1 "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" \
	"<Relationship Id=\"rId1\" Type=\"x/worksheet\" Target=\"worksheets/sheet1.xml\"/>" \
	"<Relationship Id=\"rId2\" Type=\"x/sharedStrings\" Target=\"sharedStrings.xml\"/>" \
	"<Relationship Id=\"rId3\" Type=\"x/styles\" Target=\"/xl/styles.xml\"/></Relationships>"
#define SHEET(rows) "<worksheet " NS "><sheetData>" rows "</sheetData></worksheet>"

/* Every record as "ROW:f1|f2|...\n", then "EOF" or "ERR text". */
static char *dump_reader(struct sheet_reader *r)
{
	struct strbuf b = {0};
	struct csv_record rec;
	struct sheet_fail f;
	int rc;
	while ((rc = sheet_next(r, &rec, &f)) == 1) {
		sb_printf(&b, "%ld:", rec.line);
		for (int i = 0; i < rec.nfields; i++)
			sb_printf(&b, "%s%s", i ? "|" : "", rec.fields[i]);
		sb_putc(&b, '\n');
	}
	if (rc == 0)
		sb_puts(&b, "EOF");
	else
		sb_printf(&b, "ERR %s", f.csv.code ? "csv" : f.text);
	return sb_take(&b);
}

static char *dump_sheet(const char *path, const char *sheet)
{
	struct sheet_fail f;
	struct sheet_reader *r = sheet_open(path, sheet, &f);
	if (!r)
		return f.csv.code ? xasprintf("OPEN csv %d", (int)f.csv.code) : xasprintf("OPEN %s", f.text);
	char *s = dump_reader(r);
	sheet_close(&r);
	CHECK(r == NULL);
	return s;
}

/* A one-sheet workbook of these parts (NULL: left out), dumped. */
static char *book(const char *sheet, const char *sst, const char *styles, const char *wb)
{
	char *path = tmp_path("b.xlsx");
	struct part parts[6] = {{"xl/workbook.xml", wb ? wb : WB1}, {"xl/_rels/workbook.xml.rels", RELS1}};
	int n = 2;
	if (sheet)
		parts[n++] = (struct part){"xl/worksheets/sheet1.xml", sheet};
	if (sst)
		parts[n++] = (struct part){"xl/sharedStrings.xml", sst};
	if (styles)
		parts[n++] = (struct part){"xl/styles.xml", styles};
	parts[n] = (struct part){NULL, NULL};
	write_zip(path, parts);
	char *s = dump_sheet(path, NULL);
	unlink(path);
	free(path);
	return s;
}

static void cells_of_every_kind(void)
{
	const char *sst = "<sst " NS " count=\"4\" uniqueCount=\"4\">"
		"<si><t>组织</t></si>"
		"<si><r><rPr><b/></rPr><t>学习</t></r><r><t xml:space=\"preserve\">贯彻 </t></r>"
		"<rPh sb=\"0\" eb=\"1\"><t>xuexi</t></rPh></si>"
		"<si><t>第一行_x000D_\n第二行</t></si>"
		"<si><t>=1+1</t></si></sst>";
	char *s = book(SHEET("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c>"
			     "<c r=\"D1\" t=\"s\"><v>2</v></c></row>"
			     "<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><t>内联</t></is></c>"
			     "<c t=\"str\"><f>A1&amp;\"x\"</f><v>组织x</v></c>"
			     "<c t=\"b\"><v>1</v></c><c t=\"b\"><v>0</v></c>"
			     "<c><v>3.50</v></c><c><v>1E-2</v></c><c><v>0.1</v></c><c t=\"e\"><v>#N/A</v></c>"
			     "<c t=\"s\"><v>3</v></c><c t=\"n\"/><c t=\"d\"><v>2026-03-31T00:00:00</v></c></row>"
			     "<row r=\"4\"></row><row r=\"5\"><c r=\"B5\"><v></v></c></row>"
			     "<row r=\"6\"><c r=\"C6\"><v>13800138000</v></c></row>"),
		       sst, NULL, NULL);
	CHECK_STR(s, "1:组织|学习贯彻 ||第一行\n第二行\n"
		     "3:内联|组织x|TRUE|FALSE|3.5|0.01|0.1|#N/A|'=1+1||2026-03-31\n"
		     "6:||13800138000\nEOF");
	free(s);
}

static void dates_by_style(void)
{
	const char *styles = "<styleSheet " NS "><numFmts count=\"3\">"
		"<numFmt numFmtId=\"164\" formatCode=\"yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;\"/>"
		"<numFmt numFmtId=\"165\" formatCode=\"0.00&quot;天&quot;\"/>"
		"<numFmt numFmtId=\"166\" formatCode=\"[Red]General\"/></numFmts>"
		"<cellStyleXfs count=\"1\"><xf numFmtId=\"14\"/></cellStyleXfs>"
		"<cellXfs count=\"5\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"164\"/>"
		"<xf numFmtId=\"165\"/><xf numFmtId=\"166\"/><xf numFmtId=\"31\"/></cellXfs></styleSheet>";
	char *s = book(SHEET("<row r=\"1\"><c s=\"0\"><v>46112</v></c><c s=\"1\"><v>46112</v></c>"
			     "<c s=\"2\"><v>46112.75</v></c><c s=\"3\"><v>46112</v></c><c s=\"4\"><v>46112</v></c>"
			     "<c s=\"5\"><v>46023</v></c><c s=\"1\"><v>61</v></c><c s=\"1\"><v>59</v></c>"
			     "<c s=\"1\"><v>0.5</v></c><c s=\"9\"><v>7</v></c></row>"),
		       NULL, styles, NULL);
	CHECK_STR(s, "1:46112|2026-03-31|2026-03-31|46112|46112|2026-01-01|1900-03-01|1900-02-28|0.5|7\nEOF");
	free(s);
	/* the 1904 date system (old Mac Excel) */
	s = book(SHEET("<row r=\"1\"><c s=\"1\"><v>44650</v></c></row>"), NULL, styles,
		 "<workbook " NS "><workbookPr date1904=\"1\"/><sheets><sheet name=\"S1\" sheetId=\"1\" "
		 "r:id=\"rId1\"/></sheets></workbook>");
	CHECK_STR(s, "1:2026-03-31\nEOF");
	free(s);
}

static void merged_ranges_spread(void)
{
	char *s = book("<worksheet " NS "><sheetData>"
		       "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>标题</t></is></c></row>"
		       "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>党组</t></is></c><c r=\"B2\"><v>1</v></c></row>"
		       "<row r=\"3\"><c r=\"B3\"><v>2</v></c></row>"
		       "<row r=\"5\"><c r=\"B5\"><v>3</v></c></row>"
		       "<row r=\"6\"><c r=\"B6\"><v>4</v></c></row>"
		       "</sheetData><mergeCells count=\"3\"><mergeCell ref=\"A1:C1\"/>"
		       "<mergeCell ref=\"A2:A5\"/><mergeCell ref=\"D7\"/></mergeCells></worksheet>",
		       NULL, NULL, NULL);
	CHECK_STR(s, "1:标题|标题|标题\n2:党组|1\n3:党组|2\n5:党组|3\n6:|4\nEOF");
	free(s);
}

static void the_sheet_chosen(void)
{
	char *path = tmp_path("s.xlsx");
	const struct part parts[] = {
		{"xl/workbook.xml", "<workbook " NS "><sheets>"
				    "<sheet name=\"隐藏\" sheetId=\"1\" state=\"hidden\" r:id=\"rId1\"/>"
				    "<sheet name=\"清单\" sheetId=\"2\" r:id=\"rId2\"/>"
				    "<sheet name=\"备注\" sheetId=\"3\" r:id=\"rId3\"/></sheets></workbook>"},
		{"xl/_rels/workbook.xml.rels",
		 "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
		 "<Relationship Id=\"rId1\" Target=\"worksheets/a.xml\"/>"
		 "<Relationship Id=\"rId2\" Target=\"worksheets/b.xml\"/>"
		 "<Relationship Id=\"rId3\" Target=\"worksheets/c.xml\"/></Relationships>"},
		{"xl/worksheets/a.xml", SHEET("<row r=\"1\"><c><v>1</v></c></row>")},
		{"xl/worksheets/b.xml", SHEET("<row r=\"2\"><c><v>2</v></c></row>")},
		{"xl/worksheets/c.xml", SHEET("<row r=\"3\"><c><v>3</v></c></row>")},
		{NULL, NULL}};
	write_zip(path, parts);
	char *s = dump_sheet(path, NULL);
	CHECK_STR(s, "2:2\nEOF");    /* the first visible one */
	free(s);
	s = dump_sheet(path, "隐藏");
	CHECK_STR(s, "1:1\nEOF");
	free(s);
	s = dump_sheet(path, "备注");
	CHECK_STR(s, "3:3\nEOF");
	free(s);
	s = dump_sheet(path, "Sheet1");
	CHECK_CONTAINS(s, "没有名为“Sheet1”的工作表；工作表有：隐藏、清单、备注");
	free(s);
	struct sheet_reader *r = sheet_open(path, "备注", NULL);
	CHECK(r != NULL);
	if (r) {
		char *want = xasprintf("%s:备注", path);
		CHECK_STR(sheet_where(r), want);
		CHECK_STR(sheet_encoding(r), "XLSX");
		free(want);
		sheet_close(&r);
	}
	unlink(path);
	free(path);
}

static void damage_named(void)
{
	char *s = book(NULL, NULL, NULL, NULL);
	CHECK_CONTAINS(s, "OPEN ");
	CHECK_CONTAINS(s, "缺少 xl/worksheets/sheet1.xml");
	free(s);
	s = book(SHEET("<row r=\"1\"><c><v>1</v></c></row><row r=\"2\"><c><v>2</c></row>"), NULL, NULL, NULL);
	CHECK_CONTAINS(s, "xl/worksheets/sheet1.xml 第 1 行 XML 格式错误");
	free(s);
	s = book(SHEET("<row r=\"3\"><c r=\"B3\" t=\"s\"><v>7</v></c></row>"),
		 "<sst " NS "><si><t>a</t></si></sst>", NULL, NULL);
	CHECK_CONTAINS(s, ":S1:3: 单元格 B3 引用了不存在的第 7 个共享字符串");
	free(s);
	s = book(SHEET("<row r=\"3\"><c><v>1</v></c></row><row r=\"2\"><c><v>2</v></c></row>"), NULL, NULL, NULL);
	CHECK_CONTAINS(s, "3:1\nERR ");
	CHECK_CONTAINS(s, "超出工作表范围");
	free(s);
	s = book(SHEET("<row r=\"1\"><c r=\"XFE1\"><v>1</v></c></row>"), NULL, NULL, NULL);
	CHECK_CONTAINS(s, "单元格引用“XFE1”超出工作表范围");
	free(s);
	/* no entities: a DOCTYPE is refused (billion laughs) */
	s = book("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\">]>" SHEET("<row><c><v>&a;</v></c></row>"),
		 NULL, NULL, NULL);
	CHECK_CONTAINS(s, "XML 格式错误");
	free(s);
	s = book(SHEET(""), NULL, NULL, "<workbook " NS "><sheets/></workbook>");
	CHECK_CONTAINS(s, "工作簿里没有工作表");
	free(s);
	s = book(SHEET(""), NULL, NULL, NULL);
	CHECK_STR(s, "EOF");
	free(s);

	/* not a zip, though it says it is one; a zip cut short; bytes flipped */
	char *path = tmp_path("bad.xlsx");
	FILE *f = fopen(path, "wb");
	fputs("组织,责任内容\n党组,学习\n", f);
	fclose(f);
	s = dump_sheet(path, NULL);
	CHECK_CONTAINS(s, "扩展名是 .xlsx，但文件不是 xlsx 工作簿");
	free(s);
	f = fopen(path, "wb");
	fputs("PK\3\4 and then nothing of a zip", f);
	fclose(f);
	s = dump_sheet(path, NULL);
	CHECK_CONTAINS(s, "xlsx 文件已损坏，无法解压");
	free(s);
	char *data;
	size_t len;
	struct strbuf e = {0};
	CHECK(infile_read_all(FIX "merged.xlsx", 1 << 20, &data, &len, &e) == QD_OK);
	f = fopen(path, "wb");
	fwrite(data, 1, len / 2, f);
	fclose(f);
	s = dump_sheet(path, NULL);
	CHECK_CONTAINS(s, "xlsx 文件已损坏，无法解压");
	free(s);
	/* flip bytes inside the sheet's compressed data (its local header
	 * comes first in the file, the central directory last) */
	const char *name = "xl/worksheets/sheet1.xml";
	char *at = NULL;
	for (size_t i = 0; !at && i + strlen(name) < len; i++)
		if (memcmp(data + i, name, strlen(name)) == 0)
			at = data + i;
	CHECK(at != NULL);
	for (size_t i = (size_t)(at - data) + 60; at && i < (size_t)(at - data) + 120 && i < len; i++)
		data[i] = (char)(data[i] ^ 0x5A);
	f = fopen(path, "wb");
	fwrite(data, 1, len, f);
	fclose(f);
	s = dump_sheet(path, NULL);
	CHECK_CONTAINS(s, "OPEN ");
	free(s);
	free(data);
	sb_free(&e);
	/* Excel 97-2003 */
	s = dump_sheet(FIX "items.xls", NULL);
	CHECK_CONTAINS(s, "旧版 Excel 97-2003 工作簿（.xls）");
	CHECK_CONTAINS(s, "另存为");
	free(s);
	unlink(path);
	free(path);
}

static void unpacked_size_capped(void)
{
	/* a shared-strings part that unpacks past the import cap: refused by
	 * its stated size before a byte of it is read */
	char *path = tmp_path("bomb.xlsx");
	zipFile z = zipOpen64(path, APPEND_STATUS_CREATE);
	const struct part small[] = {{"xl/workbook.xml", WB1}, {"xl/_rels/workbook.xml.rels", RELS1},
				     {"xl/worksheets/sheet1.xml", SHEET("")}};
	for (size_t i = 0; i < ARRAY_SIZE(small); i++) {
		zipOpenNewFileInZip64(z, small[i].name, NULL, NULL, 0, NULL, 0, NULL, Z_DEFLATED, 1, 0);
		zipWriteInFileInZip(z, small[i].data, (unsigned)strlen(small[i].data));
		zipCloseFileInZip(z);
	}
	CHECK(zipOpenNewFileInZip64(z, "xl/sharedStrings.xml", NULL, NULL, 0, NULL, 0, NULL, Z_DEFLATED, 1, 1) == ZIP_OK);
	char *chunk = xmalloc(1 << 20);
	memset(chunk, ' ', 1 << 20);
	for (long long n = 0; n <= INFILE_MAX_IMPORT; n += 1 << 20)
		zipWriteInFileInZip(z, chunk, 1 << 20);
	free(chunk);
	zipCloseFileInZip(z);
	zipClose(z, NULL);
	struct stat st;
	CHECK(stat(path, &st) == 0 && st.st_size < (4 << 20));
	char *s = dump_sheet(path, NULL);
	CHECK_CONTAINS(s, "解压后超过 512 MB 的上限（xl/sharedStrings.xml）");
	free(s);
	unlink(path);
	free(path);
}

static void reopened_from_the_top(void)
{
	struct sheet_fail f;
	struct sheet_reader *r = sheet_open(FIX "merged.xlsx", NULL, &f);
	CHECK(r != NULL);
	if (!r)
		return;
	char *a = dump_reader(r);
	r = sheet_reopen(&r, &f);
	CHECK(r != NULL);
	char *b = r ? dump_reader(r) : NULL;
	CHECK_STR(b, a);
	free(a);
	free(b);
	sheet_close(&r);
}

static void libreoffice_files(void)
{
	char *s = dump_sheet(FIX "merged.xlsx", NULL);
	/* the title merged across, 党组 down three rows, the dates as dates,
	 * rich text and a formula's text as text, a leading = guarded */
	CHECK_CONTAINS(s, "1:2026年度党建工作责任清单|2026年度党建工作责任清单|");
	CHECK_CONTAINS(s, "3:党组|1|政治建设|落实“第一议题”制度|党组会议第一议题学习\n结合实际研究落实措施|全年不少于20次|张建国|2026-03-31|进行中\n");
	CHECK_CONTAINS(s, "4:党组|2|思想建设|学习贯彻党的二十大精神|集体学习|全年不少于12次|张建国|2026-12-31|未开始\n");
	CHECK_CONTAINS(s, "5:党组|3|");
	CHECK_CONTAINS(s, "7:机关党委|2|纪律建设|开展警示教育|'=观看警示教育片|全年不少于2次|王小红|2026-09-30|未开始\nEOF");
	free(s);
	s = dump_sheet(FIX "items.xlsx", NULL);
	CHECK_CONTAINS(s, "1:2026年度党建责任清单（机关党委汇总）\n2:序号|组织|");
	CHECK_CONTAINS(s, "|王小红||2026.9.30|待审核\n");
	CHECK_CONTAINS(s, "|赵刚|李明|2026-06-30|已取消\n");
	free(s);
	/* a CSV goes to csv.h; --sheet has no meaning there */
	s = dump_sheet(FIX "items.csv", NULL);
	CHECK_CONTAINS(s, "2:序号|组织|类别");
	free(s);
	s = dump_sheet(FIX "items.csv", "Sheet1");
	CHECK_CONTAINS(s, "是 CSV 文件，没有工作表");
	free(s);
}

int main(void)
{
	msg_set_english(0);
	RUN(cells_of_every_kind);
	RUN(dates_by_style);
	RUN(merged_ranges_spread);
	RUN(the_sheet_chosen);
	RUN(damage_named);
	RUN(reopened_from_the_top);
	RUN(libreoffice_files);
	RUN(unpacked_size_capped);
	return TT_END();
}
