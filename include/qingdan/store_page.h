/* store_page.h — the reads of the interactive screen, a page at a time.
 *
 * Part of the storage module (the only SQL is in src/store_page.c).  The
 * screen never loads a whole table: it asks for the n rows after (or
 * before) the key of a row it has, and the query walks an index from there
 * (keyset paging; never OFFSET, which costs O(offset) per key press on a
 * million rows).  Every row carries its key; a view keeps the keys of what
 * it shows and nothing else.
 *
 * Item order is (group, sort value, id): the group is the org's place when
 * a scope spans lists (a person's checklist), the sort value the seq, the
 * due date or the status rank.  A list in seq order walks the index
 * item_list(list_id, seq) directly; the other orders sort the scope (one
 * list, one person's items of a year) and stop at the page. */
#ifndef QINGDAN_STORE_PAGE_H
#define QINGDAN_STORE_PAGE_H

#include "qingdan/model.h"
#include "qingdan/util.h"

struct db;
struct page_cache;

enum page_sort { PAGE_SORT_SEQ, PAGE_SORT_DUE, PAGE_SORT_STATUS, PAGE_SORT__COUNT };

/* Where a row stands in its order. */
struct page_key {
	long long g;        /* group (org order) when the scope spans lists */
	long long k;        /* integer sort value (seq, status rank) */
	char kt[16];        /* text sort value (due date) */
	long long id;
};

/* Which items, and in what order. */
struct item_scope {
	int year;
	long long org_id;        /* the org's list of the year, or */
	long long person_id;     /* the person's items (owner or lead) of the year */
	int status;              /* -1 any */
	long long owner_id;      /* 0 any */
	int overdue;             /* only overdue */
	const char *category;    /* NULL any */
	const char *search;      /* NULL or "": none; 3+ characters FTS5 trigram, else LIKE */
	enum page_sort sort;
	const char *today, *soon;   /* ISO, for the flags */
	/* Optional, the caller's: a checklist's keys kept between pages. */
	struct page_cache *cache;
	int kind;                /* STORE_KIND_* (store.h): 0 the duty lists (the default) */
};

/* A person's items of a year are few (dozens; 2,000 for the busiest
 * leads at L) but finding them costs a lookup per item of every year, as
 * the year is the list's.  With a cache in the scope, a checklist reads its
 * keys (and the counts) once, while the file is unchanged (PRAGMA
 * data_version and this connection's own changes), and serves each page by
 * id.  Lists need none: their order is an index. */
struct page_cache *store_page_cache_new(void);
void store_page_cache_free(struct page_cache **c);

/* A row: the item's list fields (no measures/standard/notes) and its key. */
struct page_item {
	struct item it;
	struct page_key key;
};

/* Up to n items after the key (dir > 0) or before it (dir < 0), always
 * returned in display order; inclusive takes the key's own row too.  from
 * NULL: the first n (dir > 0) or the last n (dir < 0).  Returns the number
 * of rows put in out (clear them with page_items_clear), -1 on error. */
int store_page_items(struct db *db, const struct item_scope *sc, const struct page_key *from,
		     int dir, int inclusive, int n, struct page_item *out, struct strbuf *err);
void page_items_clear(struct page_item *rows, int n);
/* The key of item id in this scope; QD_NOTFOUND if it is not in it. */
enum qd_status store_page_item_key(struct db *db, const struct item_scope *sc, long long id,
				   struct page_key *key);

struct item_counts {
	int total, done, overdue, cancelled;
};
enum qd_status store_page_item_counts(struct db *db, const struct item_scope *sc,
				      struct item_counts *c, struct strbuf *err);
/* The categories used in the scope's list or checklist (filters ignored),
 * sorted; a malloc'd array of malloc'd strings. */
enum qd_status store_page_categories(struct db *db, const struct item_scope *sc, char ***out,
				     int *n);

/* ---- orgs ---- */
/* Every org in display order (sort, id); free with store_page_orgs_free. */
enum qd_status store_page_orgs(struct db *db, struct org **out, int *n);
void store_page_orgs_free(struct org *orgs, int n);

/* ---- people ---- */
/* Order: people without an org first, then by org (its id), each in name
 * order (person.sort_key: pinyin, or stroke under name_order, collate.h)
 * then id: the order of `person list` within an org.  search: substring of
 * name or post, or pinyin/initials, NULL for all. */
struct page_person_key {
	long long g;        /* org id, 0 none */
	char *s;            /* the sort key (malloc'd, or NULL: "") */
	long long id;
};
struct page_person {
	struct person p;
	struct page_person_key key;   /* owns key.s: page_people_clear frees it */
};
int store_page_people(struct db *db, const char *search, const struct page_person_key *from,
		      int dir, int inclusive, int n, struct page_person *out, struct strbuf *err);
void page_people_clear(struct page_person *rows, int n);
/* The key of person id in this order; key->s is malloc'd (free with
 * page_person_key_clear). */
enum qd_status store_page_person_key(struct db *db, const char *search, long long id,
				     struct page_person_key *key);
void page_person_key_clear(struct page_person_key *key);
int store_page_people_total(struct db *db, const char *search);
/* A person's items of the year (owner or lead, each once): total, done,
 * overdue (due before today and still open). */
enum qd_status store_page_person_counts(struct db *db, long long person_id, int year,
					const char *today, int *items, int *done, int *overdue);
/* For a picker: active people whose name starts with text (in name
 * order), then those whose name or post contains it; "#ID" finds one by
 * id.  At most n; returns how many (clear each with person_clear). */
int store_page_person_search(struct db *db, const char *text, int n, struct person *out);

/* ---- pledges ---- */
/* Pledges of the year issued (issued or later, not void) and of those
 * signed (signed, assessed, archived). */
enum qd_status store_page_pledge_totals(struct db *db, int year, int *issued, int *signed_);

#endif
