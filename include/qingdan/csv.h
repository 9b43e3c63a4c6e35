/* csv.h — a streaming reader for the CSV files Excel and WPS write on
 * Chinese Windows, and the one-field writer export uses.
 *
 * `qingdan import` reads through this module and nothing else; it never
 * sees raw bytes, only records of UTF-8 fields with the physical line each
 * record started on, so it can print `FILE:LINE: reason`.
 *
 * Encoding is decided from the WHOLE file before the first record:
 *  - a file that is valid UTF-8 throughout is UTF-8 ("UTF-8", or "UTF-8 (BOM)"
 *    when it starts with EF BB BF; the mark is dropped);
 *  - a file that starts with the UTF-8 mark must be UTF-8 (the mark says so,
 *    and read as GB18030 it would turn into junk in the first header cell);
 *  - otherwise a file that iconv converts as GB18030 throughout (a superset
 *    of GBK and GB2312) is "GB18030"; it is converted while reading;
 *  - otherwise CSV_ERR_ENCODING names the first physical line whose bytes
 *    are valid in neither (if every line is valid in one or the other — a
 *    mixed file — the line where the longer-valid reading breaks);
 *  - a NUL byte is valid in neither (fields are C strings), and a file that
 *    starts with a UTF-16 byte-order mark (Excel's "Unicode text") gets its
 *    own code, CSV_ERR_UTF16.
 * That costs one extra read of the file before the first record (for
 * GB18030 also an extra iconv pass); memory stays flat: fixed 64 KiB
 * buffers plus the largest record.
 *
 * Records follow RFC 4180 as Excel reads it: comma separator; CRLF, LF or a
 * lone CR ends a line; a field that starts with '"' is quoted and may hold
 * commas, doubled quotes ("" -> ") and line breaks (each one, CRLF or CR
 * or LF, becomes a single LF in the field); a quote anywhere else is kept
 * literally, as are characters after a closing quote ("ab"c -> abc).
 * Fields are not trimmed.  Truly empty lines are skipped (a line of only
 * commas or spaces is a record); a missing final line end is fine.
 *
 * Line numbers are 1-based physical lines (CRLF, LF and lone CR each end one,
 * also inside quoted fields), the way an editor counts them.
 *
 * Errors are sticky: after -1, csv_next keeps returning -1 with the same
 * failure.  The module prints nothing; the caller words the message from
 * the code and line (csv_describe gives a plain English fallback). */
#ifndef QINGDAN_CSV_H
#define QINGDAN_CSV_H

#include <stddef.h>
#include <stdio.h>

#include "qingdan/infile.h"

/* Limits that keep memory flat whatever the input. */
#define CSV_MAX_FIELD   (1L << 20)   /* bytes in one field (after decoding) */
#define CSV_MAX_RECORD  (16L << 20)  /* bytes in one record, all fields */
#define CSV_MAX_FIELDS  16384        /* fields in one record (Excel's column limit) */
#define CSV_MAX_FILE    INFILE_MAX_IMPORT  /* bytes in the whole file (infile.h) */

enum csv_error {
	CSV_OK = 0,
	CSV_ERR_IO,           /* open/read failed (errnum says why); line 0 */
	CSV_ERR_UTF16,        /* starts with a UTF-16 byte-order mark; line 1 */
	CSV_ERR_ENCODING,     /* neither UTF-8 nor GB18030; line as above */
	CSV_ERR_UNTERMINATED, /* the quote opened on line is never closed */
	CSV_ERR_TOOLONG,      /* field over CSV_MAX_FIELD or record over
	                         CSV_MAX_RECORD bytes; line = where it started */
	CSV_ERR_TOOMANY,      /* record over CSV_MAX_FIELDS fields; its line */
	CSV_ERR_CHANGED,      /* the file changed between the encoding check and
	                         the reading (bytes or size differ, or it grew
	                         past its size at open); line reached */
	CSV_ERR_NOT_REGULAR,  /* a folder, FIFO, device...: not read; line 0 */
	CSV_ERR_TOO_BIG,      /* over CSV_MAX_FILE bytes: not read; line 0 */
};

struct csv_fail {
	enum csv_error code;
	long line;      /* 1-based physical line, 0 when none applies */
	int errnum;     /* errno for CSV_ERR_IO, else 0 */
	int quoted;     /* CSV_ERR_TOOLONG: the field was quoted and spanned
	                   lines, so an unclosed quote is the likely cause */
};

/* One record.  fields[0..nfields-1] are NUL-terminated valid UTF-8 (never
 * NULL, no NUL inside); nfields >= 1.  Owned by the reader: valid until the
 * next csv_next or csv_close.  The caller may modify the bytes in place. */
struct csv_record {
	long line;      /* physical line the record starts on */
	int nfields;
	char **fields;
};

struct csv_reader;

/* Open PATH through infile.h ("-" = standard input, spooled; a regular file
 * of at most CSV_MAX_FILE bytes), check and decide its encoding.  NULL on
 * failure with *fail filled (fail may be NULL). */
struct csv_reader *csv_open(const char *path, struct csv_fail *fail);
/* The same on FD, a regular file at offset 0 of SIZE bytes (as infile_open
 * gives it), which the reader now owns (closed by csv_close, also on
 * failure).  Reading never goes past SIZE: a file that grows is CHANGED. */
struct csv_reader *csv_open_fd(int fd, long long size, struct csv_fail *fail);

/* Next record into *rec: 1 record, 0 end of file, -1 failure (*fail filled;
 * fail may be NULL — csv_failure() has it too). */
int csv_next(struct csv_reader *r, struct csv_record *rec, struct csv_fail *fail);

/* The failure that made csv_next return -1 (code CSV_OK before that). */
const struct csv_fail *csv_failure(const struct csv_reader *r);

/* "UTF-8", "UTF-8 (BOM)" or "GB18030". */
const char *csv_encoding(const struct csv_reader *r);

/* For a progress line: bytes of the file consumed by csv_next so far, and
 * the file's size. */
long csv_bytes_read(const struct csv_reader *r);
long csv_total_bytes(const struct csv_reader *r);

/* Close the file, free everything, set *r to NULL (NULL-safe). */
/* The same file again from its first byte, in a new reader (the old one is
 * closed): a second pass over standard input spooled by infile.h too. */
struct csv_reader *csv_reopen(struct csv_reader **r, struct csv_fail *fail);
void csv_close(struct csv_reader **r);

/* Short English text for a code, e.g. "quoted field never closed". */
const char *csv_strerror(enum csv_error code);
/* "line 7: quoted field never closed" (with strerror(errnum) for I/O);
 * returns buf. */
char *csv_describe(const struct csv_fail *fail, char *buf, size_t len);

/* Formula neutralisation (OWASP "CSV injection"): a spreadsheet runs a cell
 * that starts with = + - @, a tab or a CR as a formula (LF is treated like
 * CR, since the reader turns a quoted CR into LF).  csv_write_cell
 * writes such a cell with a leading ' (which Excel and WPS show as text and
 * hide); it also adds one to a cell that already is one or more ' followed
 * by such a character, so that csv_unguard — which takes exactly one ' off
 * a cell of that shape, in place — gives back what was written, whatever
 * it was.  Import calls csv_unguard on every cell it reads. */
int csv_needs_guard(const char *s);
void csv_write_cell(FILE *f, const char *s);
char *csv_unguard(char *s);

/* Write S as one CSV field, quoted ("" for ") when it holds a comma, quote,
 * CR or LF or starts or ends with a space or tab; NULL writes nothing.  The
 * caller writes the separators and the line ends ("\r\n" for Excel). */
void csv_write_field(FILE *f, const char *s);

#endif
