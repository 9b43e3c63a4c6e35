/* sheet_impl.h — private to the sheet module (sheet_xlsx.c: the zip and
 * the workbook's parts; sheet_rows.c: the sheet's rows, streamed). */
#ifndef QINGDAN_SHEET_IMPL_H
#define QINGDAN_SHEET_IMPL_H

#include <expat.h>
#include <unzip.h>

#include "qingdan/sheet.h"

#define SHEET_MAX_STRINGS (1L << 24)   /* shared strings */
#define SHEET_MAX_MERGES  (1L << 18)   /* merged ranges in the sheet */
#define SHEET_MAX_SHEETS  4096
#define SHEET_MAX_COLS    CSV_MAX_FIELDS   /* XFD */
#define SHEET_MAX_ROW     1048576L
#define SHEET_CHUNK       65536

struct zfd {
	int fd;
	long long size, pos;
};

struct merge {
	long r1, r2;
	int c1, c2;
	char *value;      /* the top-left cell's, once its row is read */
};

struct sheet_book {
	struct zfd z;
	unzFile uf;
	char *file;               /* how messages name the file */
	char *where;              /* "FILE:SHEET" */
	char *name, *part;        /* the sheet read, its part in the zip */
	int date1904;
	char **sst;               /* the shared strings */
	long nsst;
	unsigned char *xf_date;   /* per cellXfs entry: a date format */
	long nxf;
	struct merge *merges;     /* sorted by r1 */
	long nmerges;
	long long budget;         /* bytes the sheet may unpack to */
	struct strbuf *err;       /* where callbacks put a failure */
	int bad;                  /* a callback failed (the message is in err) */

	/* the streaming pass over the sheet (sheet_rows.c) */
	XML_Parser p;
	int open, suspended, final, eof, ready;
	char *buf;
	long long read, total;
	long row, last_row;
	int col;
	char **cells;             /* the row being read; NULL = empty */
	int ncells, cap;
	long row_bytes;
	int in_c, in_v, in_is, in_t, rph;
	char ctype[16];
	long cstyle;
	struct strbuf text;
	char **out;               /* the row handed out */
	int nout;
	long next_merge, *active, nactive;
	char empty[1];
};

/* sheet_xlsx.c */
const char *sheet_local(const char *name);
const char *sheet_attr(const char **attrs, const char *name);
/* Locate and open part for reading: 1, 0 when there is none, -1 with the
 * message in err (also when its stated size is over limit). */
int sheet_part_open(struct sheet_book *b, const char *part, long long limit, struct strbuf *err);
/* Read the open part: bytes (0 at its end, CRC checked), -1 with the
 * message in err; *total counts them against limit. */
int sheet_part_read(struct sheet_book *b, const char *part, char *buf, long long *total,
		    long long limit, struct strbuf *err);
XML_Parser sheet_parser(struct sheet_book *b);
void sheet_xml_error(struct sheet_book *b, XML_Parser p, const char *part, struct strbuf *err);
/* Append s[0..len) to t (the _xHHHH_ escapes decoded when decode) within
 * CSV_MAX_FIELD: 0, or -1 when over. */
int sheet_text_add(struct strbuf *t, const char *s, int len);
void sheet_unescape(struct strbuf *t);
/* "A1" → column (1-based, 0 when none) and row (0 when none): 0, or -1. */
int sheet_ref(const char *s, int *col, long *row);

/* sheet_rows.c */
int sheet_merges_read(struct sheet_book *b, struct strbuf *err);
int sheet_rows_start(struct sheet_book *b, struct strbuf *err);
void sheet_rows_stop(struct sheet_book *b);

#endif
