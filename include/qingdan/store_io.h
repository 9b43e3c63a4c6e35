/* store_io.h — the queries of import, export and print (io.h).  Part of
 * the storage module: the only SQL of those features lives in
 * src/store_io.c.  No permission checks and no audit here.
 *
 * Rows are handed to a callback one at a time (pointers valid during the
 * call only), so nothing is held in memory for the whole year. */
#ifndef QINGDAN_STORE_IO_H
#define QINGDAN_STORE_IO_H

#include "qingdan/util.h"

struct db;

/* ---- import ---- */
/* Set the page cache to kib KiB (> 0), or back to a value this returned
 * (<= 0, SQLite's own form); returns the setting before. */
int store_io_cache(struct db *db, int kib);

/* A big load into item (inside the caller's transaction): when rows is at
 * least BULK_MIN_ROWS and at least the rows item holds already, the
 * secondary indexes of item (all but item_list, which the next-seq lookup
 * of each insert uses) are dropped now and made again, one bulk sort each,
 * by store_io_bulk_end: upkeep of five wide indexes row by row is what
 * costs above 100k rows.  A rollback brings them back as they were.
 * Returns the number dropped (0: not worth it), or -1 on a database
 * error. */
enum { BULK_MIN_ROWS = 20000 };
struct io_bulk {
	char **sql;            /* CREATE INDEX statements to run again */
	int n;
};
/* keep_match: item_match stays (a re-import looks rows up on it). */
int store_io_bulk_begin(struct db *db, long rows, int keep_match, struct io_bulk *b);
/* Make the dropped indexes again (when ok; always frees b).  QD_OK, or
 * QD_DBERROR: the caller rolls back. */
enum qd_status store_io_bulk_end(struct db *db, struct io_bulk *b, int ok);

/* ---- re-import: the items a row stands for (import_match.c) ---- */
/* The live items of year's lists (*count) and the greatest item id of the
 * file (*max_id, 0 when none): what a pass may match. */
enum qd_status store_io_year_items(struct db *db, int year, long long *count, long long *max_id);
/* Up to n ids, smallest first, of the live items of org's list of year
 * with id <= max_id: with key, those whose content in normal form
 * (norm_search; the form item.search_text keeps) is key, on the index
 * item_match; without, those at position seq (item_list).  Returns how
 * many, or -1 on a database error. */
int store_io_match(struct db *db, int year, long long org_id, const char *key, int seq,
		   long long max_id, long long *ids, int n);

/* ---- export ---- */
/* How a person is written in a list file: the name when it is unique, else
 * 姓名（职务）, 姓名（支部） or 姓名#ID, whichever tells them apart. */
struct io_export_row {
	long long id, org_id;
	int year, seq;
	const char *org, *category, *content, *measures, *standard, *owner, *lead, *due,
		*due_text, *status, *done_on, *flags;
	const char *json;        /* json_object of the item with its notes, if asked */
	const char *every;       /* "quarter", "" when it does not repeat (period.h) */
};
enum qd_status store_io_export(struct db *db, int year, const char *today, const char *soon,
			       int want_json,
			       void (*fn)(void *ctx, const struct io_export_row *r), void *ctx,
			       struct strbuf *err);

/* ---- print ---- */
/* People to print, by org (sort order) then name: org_id > 0 = members of
 * the org and anyone owning or leading an item of its list of the year;
 * org_id 0 = every active person. */
enum qd_status store_io_people(struct db *db, int year, long long org_id,
			       void (*fn)(void *ctx, long long person_id), void *ctx,
			       struct strbuf *err);

struct io_print_item {
	long long id, org_id, org_sort;
	int seq, is_owner, is_lead;
	const char *org, *level, *content, *measures, *standard, *due, *due_text, *status, *flags;
	const char *digest;   /* hex SHA-256 of the item's canonical text, as store_canon's */
	const char *every, *periods;   /* "quarter" and its done periods "Q1 Q3" (period.h); "" */
	int year;
};
/* The person's items (owner or lead) of the year, in org sort, org id,
 * then seq. */
enum qd_status store_io_person_items(struct db *db, int year, long long person_id,
				     const char *today, const char *soon,
				     void (*fn)(void *ctx, const struct io_print_item *it), void *ctx,
				     struct strbuf *err);

/* The sections every checklist of a person in org person_org shows even
 * when empty, in org sort then id: every org of level party-group or
 * organ-committee and the person's own org.  The other sections are the
 * orgs of their items (store_io_person_items, in the same order), so the
 * printer merges the two instead of walking the person's items twice. */
enum qd_status store_io_sections(struct db *db, long long person_org,
				 void (*fn)(void *ctx, long long id, const char *name, long long sort),
				 void *ctx, struct strbuf *err);

struct io_print_pledge {
	long long id;
	const char *title, *issuer, *signer, *status, *sign_due;
	int issuer_proxy, signer_proxy;
};
/* The person's pledges of the year (as 甲方 or 乙方), void ones left out. */
enum qd_status store_io_person_pledges(struct db *db, int year, long long person_id,
				       void (*fn)(void *ctx, const struct io_print_pledge *p),
				       void *ctx, struct strbuf *err);

#endif
