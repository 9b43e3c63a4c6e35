/* io.h — lists in and out of qingdan: CSV import, export (csv, json,
 * xlsx) and the per-person checklist print (text, PDF, printer).
 * DESIGN §5 (import/export/print), §7 (print layout), §8 (bars).
 *
 * These are model-level functions: they read through store.h/store_io.h
 * and write through the model (model.h), so every record an import adds
 * has its audit row; they never print to the terminal.  Messages about a
 * file go to the caller's report callback one by one, as they are found,
 * so memory does not grow with the file.  The CLI (cli_io.c) and the TUI's
 * p key call them. */
#ifndef QINGDAN_IO_H
#define QINGDAN_IO_H

#include <stdio.h>

#include "qingdan/model.h"
#include "qingdan/paper.h"
#include "qingdan/msg_io.h"

/* The columns of a list file, in the order export writes them. */
enum io_column {
#define IO_COL_ENUM_(id, zh, en) id,
	IO_COLUMN_LIST(IO_COL_ENUM_)
#undef IO_COL_ENUM_
	IO__NCOLS
};
/* The header of column c (IO_COL_*) in the current language, shared by
 * the csv export and the xlsx writer of the print module. */
const char *io_column_header(int c);

/* ---- import ---- */

enum import_note {
	IMPORT_ERROR,     /* a bad row or a bad file: nothing will be written */
	IMPORT_WARNING,   /* kept, but not as written (a due that is no date) */
	IMPORT_INFO,      /* a note (ignored column, a person to be added) */
	IMPORT_CHANGE,    /* --update: a change to an item, and the plan's summary line */
};

/* What to do with rows that are items of the list already (import_match.c).
 * A row stands for the live item of its organisation's list of the working
 * year whose 责任内容 is the row's in normal form (norm.h norm_search), else
 * — when the file has a 序号 column — the item at that 序号 (the position
 * export writes) if its 工作措施 or 完成标准 is the row's (a row whose
 * content was edited); each item for one row at most. */
enum import_mode {
	IMPORT_NEW,       /* default: any such row refuses the file, nothing written */
	IMPORT_APPEND,    /* --append: every row a new item, as if none matched */
	IMPORT_UPDATE,    /* --update: matched rows change their item, the others are added */
};

struct import_request {
	const char *path;
	const char *sheet;       /* --sheet: the sheet of a workbook (NULL: the first; sheet.h) */
	long long org_id;        /* --org: rows without an organisation (0 = none) */
	int dry_run;             /* check everything, write nothing */
	enum import_mode mode;   /* rows already in the list (IMPORT_NEW when 0) */
	/* Each message, complete ("FILE:LINE: reason"), in file order. */
	void (*report)(void *ctx, enum import_note kind, const char *text);
	/* Every thousand rows: bytes read of the file, its size, rows so far;
	 * done == total only in the last call, at the end of the file. */
	void (*progress)(void *ctx, long done, long total, long rows);
	void *ctx;
};

struct import_result {
	long rows;               /* data rows (blank ones are skipped) */
	long items;              /* items added (or, dry run, that would be) */
	long matched;            /* rows that stand for an item of the list (not --append) */
	long updated, unchanged; /* --update: matched items changed / left as they are */
	long bad_rows;
	long warnings;
	long people_new;         /* people added (or that would be) */
	int orgs;                /* distinct organisations of the rows */
	const char *encoding;    /* "UTF-8", "UTF-8 (BOM)", "GB18030", "XLSX" (static) */
};

/* Read the CSV or xlsx (sheet.h) at r->path into the lists of q->year, all rows or none.
 * Every row is checked; each bad one is reported as "FILE:LINE: reason";
 * if there is any, nothing is written and QD_INVALID is returned, with the
 * summary in err.  Rows already in the list (see enum import_mode): by
 * default QD_INVALID, err counting them with the first few FILE:ROW → #ID
 * and naming --update and --append; with IMPORT_UPDATE each change is
 * reported (IMPORT_CHANGE, "FILE:ROW: #ID field: old → new", then the line
 * "N updated, M added, K unchanged") before anything is written, and
 * applied through qd_item_set (one audited edit per item).  An empty cell
 * leaves its field as it is; the status is never changed (a note says so).
 * On success err is untouched and res says what was done. */
enum qd_status io_import(struct qd *q, const struct import_request *r, struct import_result *res,
			 struct strbuf *err);

/* ---- export ---- */

enum export_format { EXPORT_CSV, EXPORT_JSON, EXPORT_XLSX };
int export_parse_format(const char *s);      /* -1 if unknown */

/* Everything of q->year: every live item of every list, in list order.
 *  csv   UTF-8 with BOM, CRLF, the import header (so export → import
 *        round-trips every field); status as 中文 label (code with --lang en)
 *  json  an array of items with their notes, status codes, keys in English
 *  xlsx  one sheet per list, styled frozen header, widths fit for CJK
 * A person whose name is shared is written 姓名（职务）, 姓名（支部） or
 * 姓名#ID — whichever tells them apart — which import reads back.
 * csv cells that a spreadsheet would run as a formula (= + - @ tab CR)
 * get a leading ' (csv.h csv_write_cell), which import takes off again.
 * Writes to path through outfile.h (flags: OUTFILE_FORCE to replace an
 * existing file), or to out when path is NULL. */
enum qd_status io_export(struct qd *q, enum export_format fmt, const char *path, int flags,
			 FILE *out, long *items, struct strbuf *err);

/* ---- print (DESIGN §7) ---- */

enum print_scope { PRINT_PERSON, PRINT_ORG, PRINT_ALL };

struct print_request {
	enum print_scope scope;
	long long id;            /* the person or the org */
	int include_empty;       /* PRINT_ALL: also people with no item, pledge or measure */
	struct paper_dest to;    /* text or PDF, to a file, out or lp (paper.h) */
};

struct print_result {
	int people;              /* checklists printed */
	char *lp_output;         /* what lp said ("request id is …"), or NULL */
	char *code;              /* the 校验码 when one checklist was printed */
};
void print_result_clear(struct print_result *res);

/* The per-person checklist: for --person one person; for --org everyone in
 * the org and everyone with an item in its list; for --all every active
 * person, by org then name.  Each person starts a new page, carries the
 * items where they are owner or lead from every list of q->year, their
 * pledges, the signature line and a 校验码 logged in the audit chain. */
enum qd_status print_checklist(struct qd *q, const struct print_request *r,
			       struct print_result *res, struct strbuf *err);

/* The TUI's p key (tui.h's tui_print_hook, installed by cli_io.c): the
 * checklists of the scope the dialog chose (the person, the org, everyone)
 * as PDF, to lp (r->printer, else the default one) or to r->path (empty: a
 * new file in the working folder); one line for the status line in msg,
 * with the 校验码 when one person was printed.  Writes nothing to the
 * terminal (lp's output is captured). */
struct tui_print_request;
enum qd_status io_tui_print(const struct tui_print_request *r, struct strbuf *msg);
/* tui.h's tui_print_suggest_hook: *lp 1 if lp is on PATH; returns a new
 * PDF name in the working folder (else HOME) for r's scope. */
char *io_tui_print_suggest(const struct tui_print_request *r, int *lp);

#endif
