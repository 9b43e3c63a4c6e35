/* store_category.h — the category table's reads and writes (category.h);
 * part of the storage module, no rules: the model decides. */
#ifndef QINGDAN_STORE_CATEGORY_H
#define QINGDAN_STORE_CATEGORY_H

#include "qingdan/category.h"

struct db;

/* Every category by (sort, name), as category list shows them. */
enum qd_status store_categories(struct db *db, struct category **out, int *n);
enum qd_status store_category_insert(struct db *db, const char *name, int sort, long long *id);
enum qd_status store_category_set_sort(struct db *db, long long id, int sort);

#endif
