/* import_impl.h — private to the CSV importers (import.c: the lists, with
 * import_match.c for a list imported again; import_meeting.c: sign-in
 * sheets; import_problem.c: problem sheets): what they read the same way. */
#ifndef QINGDAN_IMPORT_IMPL_H
#define QINGDAN_IMPORT_IMPL_H

#include "qingdan/csv.h"
#include "qingdan/sheet.h"
#include "qingdan/io.h"
#include "qingdan/msg.h"
#include "qingdan/util.h"

/* Trim spaces, tabs, line breaks and the ideographic space U+3000 at both
 * ends, in place (the record's bytes belong to us until the next one). */
char *import_trim(char *s);
/* Only spaces (Excel writes an empty sheet row as ",,,,"). */
int import_blank_record(const struct csv_record *rec);
/* What is wrong with the file, for its reader: FILE, the line, what to do. */
void import_csv_failure(const struct csv_fail *f, const char *file, struct strbuf *out);
/* The same for the reader of sheet.h: a CSV failure as above, a workbook's
 * as it is worded. */
void import_reader_failure(const struct sheet_fail *f, const char *file, struct strbuf *out);

/* ---- the sheet importers (import_meeting.c, import_problem.c) ----
 * Each importer's state starts with a struct import_sheet; the reading
 * loop calls back with it. */
struct import_column {
	const char *name;   /* a header as people write it, lower case */
	int col;
};
struct import_sheet {
	const struct import_request *r;
	struct strbuf why;    /* the current row's faults, M_IO_ROW_SEP between */
	struct strbuf line;   /* the note being reported */
	/* the header: a row with which columns is one, and reading it (0 or -1) */
	int (*is_header)(const struct csv_record *rec);
	int (*header)(struct import_sheet *sh, const struct csv_record *rec);
	void (*row)(struct import_sheet *sh, const struct csv_record *rec);
	enum msg_id no_header;    /* "%s" the file, "%ld" the line where one was looked for */
	struct import_request at; /* r as import_sheet_file read it: path FILE:SHEET */
	char *where;
};
/* A note to r->report. */
void import_report(struct import_sheet *sh, enum import_note kind, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* One more fault of the current row (into why). */
void import_row_bad(struct import_sheet *sh, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* A header cell as the name it stands for: trimmed, a trailing * or ＊ and
 * a trailing （…） or (…) dropped, ASCII lower-cased ("完成时限（日期）*" →
 * "完成时限"). */
void import_header_key(const char *cell, char *out, size_t size);
/* The column a header cell names (import_header_key), or -1. */
int import_column_of(const struct import_column *names, size_t n, const char *cell);
/* col[0..ncols) the field of each column the header rec names (-1 none);
 * 0, or -1 after reporting a column named twice (dup: "%s" file, "%ld"
 * line, "%s" the cell, "%d" "%d" the two positions). */
int import_header_columns(struct import_sheet *sh, const struct csv_record *rec,
			  const struct import_column *names, size_t n, int *col, int ncols,
			  enum msg_id dup);
/* Column c's cell of rec ("" when the row is short or the column absent),
 * the ' that export puts before a formula-like cell taken off. */
char *import_cell(const int *col, const struct csv_record *rec, int c);
/* The reader's failure as an IMPORT_ERROR note. */
void import_sheet_failure(struct import_sheet *sh, const struct sheet_fail *f);
/* Read the file: up to five lines before the header (a title), then every
 * row; -1 when the file cannot be read or has no header (reported). */
int import_read_sheet(struct import_sheet *sh, struct sheet_reader *rd);
/* Open sh->r's file (a CSV, or a workbook's sheet), read it through sh
 * and close it: QD_OK when it was read with its header, else the status
 * with err naming the file.  *encoding gets the reader's; from here on
 * sh->r names the file as FILE:SHEET for a workbook (sheet.h). */
enum qd_status import_sheet_file(struct import_sheet *sh, const char **encoding,
				 struct strbuf *err);
void import_sheet_free(struct import_sheet *sh);

/* ---- importing a list again (import_match.c; io.h enum import_mode) ---- */
struct import_claim {
	long long id;      /* the item (0: a free slot) */
	long line;         /* the row that took it */
	int by_seq;        /* taken by 序号, not by content */
};
struct import_match {
	int active;              /* the working year has live items: rows are looked up */
	long long max_id;        /* items above this id were added by this import */
	struct import_claim *slots;  /* the items rows took in this pass */
	size_t cap, n;
};
/* A pass begins (after the write lock, for the writing one): claims
 * forgotten; enabled 0 (--append) matches nothing. */
struct qd;
enum qd_status import_match_begin(struct import_match *m, struct qd *q, int enabled);
void import_match_free(struct import_match *m);
/* The item a good row of org stands for (f: the row as it would be
 * added; seq_cell its 序号, NULL without the column), now taken by it; 0
 * none (a new item); -1 when its content is that of the item *other's row
 * took by 序号; -2 a database error. */
long long import_match_row(struct import_match *m, struct qd *q, long long org_id,
			   const char *seq_cell, const struct item_fields *f, long line,
			   struct import_claim *other);

/* What a row says, as import.c read it, for the comparison. */
struct import_row_cells {
	const struct item_fields *f;   /* the row as it would be added */
	const char *owner, *lead;      /* the cells, trimmed ("" none) */
};
/* The fields row r changes in item it, into ch (the rest NULL / -1): a
 * blank cell changes nothing, nor does a text equal in normal form.  Each
 * change is a line "FILE:ROW: #ID field: old → new" in lines (joined by
 * '\n'), its field's name in fields; returns how many. */
int import_diff(const struct item *it, const struct import_row_cells *r, const char *file,
		long line, struct item_fields *ch, struct strbuf *lines, struct strbuf *fields);

/* ---- the list importer (import.c; a row already in the list: import_match.c) ---- */
struct ref;              /* a cached organisation or person (import.c) */
struct refmap {
	struct ref *slots;
	size_t cap, n;
};
struct importer {
	struct qd *q;
	const struct import_request *r;
	struct import_result *res;
	int col[IO__NCOLS];      /* field index of each column, -1 if absent */
	int writing;             /* still writing: no row has failed */
	int pass;                /* 1 checking, 2 writing (the file again) */
	struct refmap orgs, people;
	struct strbuf why;       /* reasons of the current row */
	struct strbuf line;      /* scratch for a message */
	struct import_match match;   /* rows already in the list (import_match.c) */
	struct {
		long line;
		long long id;
	} seen[3];               /* the first rows found in the list, for the refusal */
};
/* A note to r->report (the writing pass passes on errors only). */
void importer_report(struct importer *im, enum import_note kind, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Add one reason to the current row's list (why). */
void importer_row_bad(struct importer *im, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* The field of column c in this record ("" when absent). */
char *importer_field(struct importer *im, const struct csv_record *rec, int c);

/* import_match.c, for a good row already in the list (there in full): the
 * item it stands for (0: none) and, with --update, its changes; the change
 * applied; the default mode's refusal of the file. */
long long importer_match_row(struct importer *im, const struct csv_record *rec, long long org_id,
			     const struct import_row_cells *cells, const char *status,
			     struct item_fields *ch, int *changes);
void importer_update_row(struct importer *im, const struct csv_record *rec, long long id,
			 const struct item_fields *ch, int changes);
void importer_refuse_duplicate(struct importer *im, struct strbuf *err);

#endif
