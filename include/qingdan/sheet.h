/* sheet.h — the reader every importer reads a file through (issue 13):
 * a CSV file (csv.h) or an Excel workbook (.xlsx), the same records
 * either way, so `import`, `import --meetings` and `import --problems`
 * take both with the same columns, messages and all-or-nothing.
 *
 * sheet_open opens PATH through infile.h (the import cap, "-" standard
 * input) and looks at its first bytes:
 *  - "PK\3\4" (a zip file): an xlsx workbook, read by the sheet module
 *    qingdan-sheet.so (minizip + expat, loaded on first use like the
 *    print module, plugin.h), whatever the name ends in; a name that ends
 *    in .xlsx without that magic is refused as not a workbook;
 *  - D0 CF 11 E0 (an OLE file, Excel 97-2003 .xls): refused with a
 *    message that says how to save it as .xlsx or CSV;
 *  - anything else: CSV, as csv.h reads it (--sheet is then an error).
 * In a workbook the sheet is the one named (exactly; an unknown name is
 * an error that lists the sheets), else the first visible one.  Its rows
 * come as csv_records numbered by sheet row (so messages say
 * FILE:SHEET:ROW — sheet_where gives "FILE:SHEET" to stand for FILE);
 * a sparse row has "" for the cells it lacks; rows without a cell are
 * skipped.  Cells: shared and inline strings (rich text runs joined,
 * phonetic runs dropped), formula results, booleans (TRUE/FALSE), numbers
 * (%.15g), and numbers whose style is a date as 2026-03-31 (1900 or 1904
 * date system).  A merged range gives its top-left value to every cell
 * of the range.  Each text is guarded as csv_write_cell would (csv.h), so
 * the importers' csv_unguard gives it back exactly.
 *
 * Caps (sheet_xlsx.c): the parts unpacked together stay under the import
 * cap (INFILE_MAX_IMPORT), each cell under CSV_MAX_FIELD, the shared
 * strings and merged ranges under a count; a damaged zip, a missing part
 * or malformed XML is an error that names the part. */
#ifndef QINGDAN_SHEET_H
#define QINGDAN_SHEET_H

#include "qingdan/csv.h"
#include "qingdan/plugin.h"

/* A failure: a CSV one (csv.code != CSV_OK; csv.h's rules, worded by the
 * importer) or a workbook one, worded completely in text. */
struct sheet_fail {
	struct csv_fail csv;
	char text[2048];
};

struct sheet_reader;

/* Open PATH (sheet: the --sheet name or NULL).  NULL on failure, *fail
 * filled. */
struct sheet_reader *sheet_open(const char *path, const char *sheet, struct sheet_fail *fail);
/* Next record: 1, 0 at the end, -1 failure (*fail filled; sticky). */
int sheet_next(struct sheet_reader *r, struct csv_record *rec, struct sheet_fail *fail);
/* The same file again from the first row, in a new reader (the old one is
 * closed). */
struct sheet_reader *sheet_reopen(struct sheet_reader **r, struct sheet_fail *fail);
void sheet_close(struct sheet_reader **r);
/* "UTF-8", "UTF-8 (BOM)", "GB18030" or "XLSX". */
const char *sheet_encoding(const struct sheet_reader *r);
/* How messages name the place: PATH for CSV, "PATH:SHEET" for a sheet. */
const char *sheet_where(const struct sheet_reader *r);
/* For a progress line: bytes read so far and in all (of the sheet's XML). */
long sheet_bytes_read(const struct sheet_reader *r);
long sheet_total_bytes(const struct sheet_reader *r);

/* ---- the sheet module qingdan-sheet.so (sheet_xlsx.c, sheet_entry.c) ---- */
#define QD_SHEET_VERSION 1
#define QD_SHEET_FILE "qingdan-sheet.so"
#define QD_SHEET_ENTRY "qingdan_sheet_plugin"

struct sheet_book;

struct qd_sheet_plugin {
	struct qd_plugin_stamp stamp;   /* QD_SHEET_VERSION, sizeof(struct qd_sheet_plugin) */
	/* The workbook on fd (SIZE bytes, owned from now on: closed by close,
	 * or here on failure); file names it in messages, sheet is the one to
	 * read or NULL.  NULL with the message in err. */
	struct sheet_book *(*open)(int fd, long long size, const char *file, const char *sheet,
				   struct strbuf *err);
	/* The next non-empty row: 1, 0 at the end, -1 with the message in err
	 * (file:sheet:row as where). */
	int (*next)(struct sheet_book *b, struct csv_record *rec, struct strbuf *err);
	/* Back to the first row: 0, or -1 with the message in err. */
	int (*rewind)(struct sheet_book *b, struct strbuf *err);
	const char *(*sheet_name)(const struct sheet_book *b);
	long long (*bytes_read)(const struct sheet_book *b);
	long long (*total_bytes)(const struct sheet_book *b);
	void (*close)(struct sheet_book *b);
};

/* Inside the module. */
const struct qd_sheet_plugin *qingdan_sheet_plugin(void);
struct sheet_book *sheet_xlsx_open(int fd, long long size, const char *file, const char *sheet,
				   struct strbuf *err);
int sheet_xlsx_next(struct sheet_book *b, struct csv_record *rec, struct strbuf *err);
int sheet_xlsx_rewind(struct sheet_book *b, struct strbuf *err);
const char *sheet_xlsx_name(const struct sheet_book *b);
long long sheet_xlsx_bytes_read(const struct sheet_book *b);
long long sheet_xlsx_total_bytes(const struct sheet_book *b);
void sheet_xlsx_close(struct sheet_book *b);

#endif
