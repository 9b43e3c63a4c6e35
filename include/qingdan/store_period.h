/* store_period.h — the storage of recurring items (period.h): item.every
 * and the item_period table, the same SQL on SQLite and PostgreSQL. */
#ifndef QINGDAN_STORE_PERIOD_H
#define QINGDAN_STORE_PERIOD_H

#include "qingdan/util.h"

struct db;

/* One period's record. */
struct item_period {
	long long id, item_id, recorded_by;
	char *period, *done_on, *note, *recorder_name;   /* done_on NULL: not done */
};
void item_periods_free(struct item_period *p, int n);

/* The item's every (malloc'd, NULL when it does not repeat) and the done
 * periods as a bit set of that kind (period_mask). */
enum qd_status store_item_every(struct db *db, long long id, char **every, unsigned *done);
/* Set every (NULL: none) and the derived due ("" none) of the item at
 * version, bumping it. */
enum qd_status store_item_every_set(struct db *db, long long id, int version, const char *every,
				    const char *due, const char *now);
/* The derived due alone. */
enum qd_status store_item_due_set(struct db *db, long long id, int version, const char *due,
				  const char *now);
/* The item's period records, in the year's order. */
enum qd_status store_item_periods(struct db *db, long long item_id, struct item_period **out,
				  int *n);
/* The id of the item's record of period, 0 if none. */
long long store_period_find(struct db *db, long long item_id, const char *period);
enum qd_status store_period_insert(struct db *db, long long item_id, const char *period,
				   const char *done_on, const char *note, long long by,
				   const char *now, long long *id);
/* done_on NULL: undone; note NULL keeps the note. */
enum qd_status store_period_update(struct db *db, long long id, const char *done_on,
				   const char *note, long long by, const char *now);
/* Every live, open recurring item of year: fn(ctx, item id, every code,
 * done periods "Q1 Q3"). */
enum qd_status store_periods_open(struct db *db, int year,
				  void (*fn)(void *ctx, long long id, const char *every,
					     const char *done),
				  void *ctx);

#endif
