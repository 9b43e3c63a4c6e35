/* plugin.h — the modules the program loads on first use, so that every
 * other command and the TUI start with ncursesw, sqlite3 and libcrypto only
 * (DESIGN §8: load the heavy ones only on the paths that use them):
 *  - the print module qingdan-print.so: the A4 PDF renderer (doc_pdf.c,
 *    pango + cairo) and the XLSX writer (export_xlsx.c, libxlsxwriter);
 *    the ~15 ms of loading pango, cairo, glib, harfbuzz, fontconfig and
 *    xlsxwriter is paid by the PDF and XLSX paths alone (issue 10, item 1);
 *  - the PostgreSQL module qingdan-pg.so: the driver of src/store/pg*.c
 *    with libpq and its chain (libssl, gssapi/krb5, ldap, sasl, gnutls…),
 *    loaded by db_open on the first PostgreSQL target (issue 9);
 *  - the sheet module qingdan-sheet.so (sheet.h: reading .xlsx, minizip +
 *    expat) and the collation module qingdan-icu.so (collate.h: ICU).
 * Each caller keeps a static struct plugin_once and gets its table from
 * plugin_once() on every use (loaded on the first).
 *
 * A module exports one entry that hands back one table of function
 * pointers (the print table below; sql.h's struct sql_driver), stamped
 * with the interface version, the table's size and the size of the message
 * catalogue (its code calls msg() of the program that loaded it, so both
 * must come from the same build).  plugin_load() checks the stamp.
 *
 * Where a module is looked for, in order (the first file that exists is
 * used):
 *   1. $QINGDAN_LIBDIR/FILE
 *   2. beside the running program (the folder of /proc/self/exe), so
 *      ./qingdan and build/qingdan work in a fresh clone
 *   3. for a program in a folder named bin, ../lib/qingdan beside that
 *      bin (an installed tree moved or staged under DESTDIR)
 *   4. the folder `make install` puts it in: $(PREFIX)/lib/qingdan
 *      (QD_LIBDIR, compiled in)
 * A program linked with a module's objects (the test programs) uses them
 * directly and loads nothing.
 *
 * A module calls back into the program for the shared helpers (msg,
 * text_*, date_*, x* allocation, strbuf, the export row cells, db_stmt,
 * db_busy_over…); the Makefile exports exactly those symbols from the
 * program (plugin.syms, made from both modules' objects). */
#ifndef QINGDAN_PLUGIN_H
#define QINGDAN_PLUGIN_H

#include <stddef.h>

#include "qingdan/util.h"

/* Bump when the print table or what its functions take changes. */
#define QD_PLUGIN_VERSION 2
#define QD_PLUGIN_FILE "qingdan-print.so"
/* The entry point the module exports: returns its table. */
#define QD_PLUGIN_ENTRY "qingdan_print_plugin"

/* What every module's table begins with. */
struct qd_plugin_stamp {
	int version;             /* the interface version the module was built with */
	size_t size;             /* sizeof its table */
	int nmsg;                /* M__COUNT of the module's catalogue */
};

/* A module to load: its file, its entry, the stamp it must carry, and the
 * messages that say it is missing (args: file, the files searched, the
 * reason), cannot be loaded (file, dlerror()) or does not match (file,
 * its version, the wanted one). */
struct plugin_spec {
	const char *file;
	const char *entry;
	int version;
	size_t size;
	int m_missing, m_load, m_version;   /* enum msg_id */
};

/* The module's table: builtin if not NULL (its objects are linked in),
 * else the entry's result from the first FILE of the search order.  NULL
 * with the reason in err (which files were searched, dlerror(), a stamp
 * that does not match).  A module once loaded stays loaded; the caller
 * keeps the table. */
const void *plugin_load(const struct plugin_spec *spec, const void *builtin, struct strbuf *err);

/* A module its caller loads on first use (a static one per module): the
 * spec and keep_failure are the caller's, the rest plugin_once's. */
struct plugin_once {
	struct plugin_spec spec;
	int keep_failure;     /* a failure is final (collate: one try, not one per name) */
	const void *loaded;   /* the table, once loaded */
	char *error;          /* the last failure's reason */
};
/* The module's table: plugin_load(spec, builtin) until it succeeds, the
 * same table after; NULL with the reason added to err (if not NULL).  With
 * keep_failure the first failure's reason is given on every later call and
 * nothing is tried again. */
const void *plugin_once(struct plugin_once *o, const void *builtin, struct strbuf *err);

struct doc;
struct io_export_row;
struct xlsx_out;

struct qd_print_plugin {
	struct qd_plugin_stamp stamp;   /* QD_PLUGIN_VERSION, sizeof(struct qd_print_plugin) */
	/* doc.h's doc_render_pdf: 0, or -1 with a message in err */
	int (*render_pdf)(const struct doc *d, const char *path, char *err, size_t errlen);
	/* export's xlsx workbook: open at path (NULL with the reason in err),
	 * one call of row per item (one sheet per list, rows in list order),
	 * close writes the file and frees x; s is the status of the rows so
	 * far (close keeps it, or returns QD_IOERROR if the file failed). */
	struct xlsx_out *(*xlsx_open)(const char *path, int year, struct strbuf *err);
	void (*xlsx_row)(struct xlsx_out *x, const struct io_export_row *r);
	enum qd_status (*xlsx_close)(struct xlsx_out *x, enum qd_status s, struct strbuf *err);
	/* (version 2) one sheet named sheet: the header row head[ncol], then
	 * nrow rows of cells (row-major, ncol each; a cell that reads as a
	 * number is written as one), to path (report --assess) */
	enum qd_status (*xlsx_table)(const char *path, const char *sheet, int ncol,
				     const char *const *head, int nrow, const char *const *cells,
				     struct strbuf *err);
};

/* The print module's table, loaded on the first call; NULL with the reason
 * in err (which files were searched, dlerror(), a version mismatch). */
const struct qd_print_plugin *plugin_print(struct strbuf *err);

/* ---- Inside the module (doc_pdf.c, export_xlsx.c, plugin_entry.c) ---- */
/* The module's entry: its table. */
const struct qd_print_plugin *qingdan_print_plugin(void);
int doc_pdf_render(const struct doc *d, const char *path, char *err, size_t errlen);
struct xlsx_out *export_xlsx_open(const char *path, int year, struct strbuf *err);
void export_xlsx_row(struct xlsx_out *x, const struct io_export_row *r);
enum qd_status export_xlsx_close(struct xlsx_out *x, enum qd_status s, struct strbuf *err);
enum qd_status export_xlsx_table(const char *path, const char *sheet, int ncol,
				 const char *const *head, int nrow, const char *const *cells,
				 struct strbuf *err);

/* ---- Provided by the program to the module (export.c) ---- */
/* The cells of an export row in column order (io.h's columns; the status
 * as label or code); seq is a buffer of 16 for the 序号. */
void export_cells(const struct io_export_row *r, char *seq, const char **cells);

#endif
