/* fuzz_xlsx.c — libFuzzer target for the workbook reader of the sheet
 * module (src/sheet_xlsx.c, sheet_rows.c; sheet.h), linked in.  Each input
 * is cut at lines "====" into the parts of a workbook — the sheet, the
 * shared strings, the styles and (when there is a fourth part) the
 * workbook itself, else a one-sheet workbook — zipped with minizip's zip.h
 * beside fixed relationships, then opened and read to the end (and once
 * more after a rewind).
 *
 * Invariants (sheet.h's record contract): a workbook that does not open
 * says why; rows have >= 1 field and rising numbers, fields of well-formed
 * UTF-8 within CSV_MAX_FIELD; a failure has a message and is sticky; the
 * rewind gives the same first row; nothing leaks. */
#define _GNU_SOURCE /* memmem */
#include "qingdan/sheet.h"

#include <minizip/zip.h>

#include "fuzz.h"

#define NS "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" " \
	   "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""
static const char workbook1[] =
	"<workbook " NS "><sheets><sheet name=\"S1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
static const char rels[] =
	"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
	"<Relationship Id=\"rId1\" Type=\"x/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
	"<Relationship Id=\"rId2\" Type=\"x/sharedStrings\" Target=\"sharedStrings.xml\"/>"
	"<Relationship Id=\"rId3\" Type=\"x/styles\" Target=\"styles.xml\"/></Relationships>";

static char *path;

static void add(zipFile z, const char *name, const void *data, size_t len)
{
	FUZZ_CHECK(zipOpenNewFileInZip64(z, name, NULL, NULL, 0, NULL, 0, NULL, Z_DEFLATED, 1, 0) ==
		   ZIP_OK);
	FUZZ_CHECK(zipWriteInFileInZip(z, data, (unsigned)len) == ZIP_OK);
	FUZZ_CHECK(zipCloseFileInZip(z) == ZIP_OK);
}

/* Read B to the end; the first row's first field in *first (or NULL). */
static void read_all(struct sheet_book *b, char **first)
{
	struct strbuf err = {0};
	struct csv_record rec;
	long prev = 0;
	int rc;
	*first = NULL;
	while ((rc = sheet_xlsx_next(b, &rec, &err)) == 1) {
		fuzz_check_record(&rec, &prev);
		if (!*first)
			*first = xstrdup(rec.fields[0]);
	}
	if (rc < 0) {
		FUZZ_CHECK(err.len > 0);
		sb_reset(&err);
		FUZZ_CHECK(sheet_xlsx_next(b, &rec, &err) == -1);
	} else {
		FUZZ_CHECK(sheet_xlsx_next(b, &rec, &err) == 0);
	}
	sb_free(&err);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_setup();
	if (!path)
		path = fuzz_path("in.xlsx");
	static const char *const names[] = {"xl/worksheets/sheet1.xml", "xl/sharedStrings.xml",
					    "xl/styles.xml", "xl/workbook.xml"};
	const char *p = (const char *)data, *end = p + size;
	zipFile z = zipOpen64(path, APPEND_STATUS_CREATE);
	FUZZ_CHECK(z != NULL);
	size_t part = 0;
	while (part < 4 && p <= end) {
		const char *cut = memmem(p, (size_t)(end - p), "\n====\n", 6);
		const char *stop = cut ? cut : end;
		add(z, names[part++], p, (size_t)(stop - p));
		if (!cut)
			break;
		p = cut + 6;
	}
	if (part < 4)
		add(z, names[3], workbook1, sizeof workbook1 - 1);
	add(z, "xl/_rels/workbook.xml.rels", rels, sizeof rels - 1);
	FUZZ_CHECK(zipClose(z, NULL) == ZIP_OK);

	int fd = open(path, O_RDONLY | O_CLOEXEC);
	FUZZ_CHECK(fd >= 0);
	long long len = lseek(fd, 0, SEEK_END);
	FUZZ_CHECK(len > 0 && lseek(fd, 0, SEEK_SET) == 0);
	struct strbuf err = {0};
	struct sheet_book *b = sheet_xlsx_open(fd, len, path, NULL, &err);
	if (!b) {
		FUZZ_CHECK(err.len > 0);
		sb_free(&err);
		return 0;
	}
	FUZZ_CHECK(sheet_xlsx_name(b) != NULL);
	char *first, *again;
	read_all(b, &first);
	if (sheet_xlsx_rewind(b, &err) == 0) {
		read_all(b, &again);
		FUZZ_CHECK((!first && !again) || (first && again && strcmp(first, again) == 0));
		free(again);
	} else {
		FUZZ_CHECK(err.len > 0);
	}
	free(first);
	sb_free(&err);
	sheet_xlsx_close(b);
	return 0;
}
