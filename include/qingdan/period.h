/* period.h — recurring items (issue 14): how often an item repeats within
 * its list's year, the periods of that year, their deadlines and marks.
 *
 * An item's every is 'month', 'quarter', 'half' or 'year' (NULL: it does not
 * repeat).  Its periods are named as the CLI takes them: '1'…'12' (months),
 * 'Q1'…'Q4', 'H1'/'H2', 'Y'; the same text is item_period.period.  Periods
 * are numbered 1…every_periods(every) within the year.
 *
 * Status (model_period.c): the item's due is kept as the last day of its
 * first period not done (the year's last day once all are), so the derived
 * flags of DESIGN §2 follow the rule as they are: 逾期 when a period that
 * ended before today is not done, 临期 when the current period ends within
 * due_soon_days and is not done.  When every period is done the item is
 * 销号 (status done, done_on the last period's date).
 *
 * For reminders (periods about to close): qd_item_periods_open (below)
 * calls back for each period of an open recurring item of the working year
 * that is not done and has ended, or ends within N days.  Underneath is
 * store_periods_open (store_period.h):
 *   SELECT i.id, i.every FROM item i JOIN list l ON l.id = i.list_id
 *   WHERE i.every IS NOT NULL AND i.deleted_at IS NULL AND l.year = ?1
 *     AND i.status IN ('planned','in_progress','submitted')
 * and for each, SELECT period FROM item_period WHERE item_id = ?1 AND
 * done_on IS NOT NULL (a period without a row, or with done_on NULL, is
 * not done).  A period's records are item_period(item_id, period, done_on,
 * note, recorded_by, created_at, updated_at), UNIQUE(item_id, period). */
#ifndef QINGDAN_PERIOD_H
#define QINGDAN_PERIOD_H

#include "qingdan/util.h"

struct strbuf;

enum every { EVERY_NONE = 0, EVERY_MONTH, EVERY_QUARTER, EVERY_HALF, EVERY_YEAR };

/* "month" "quarter" "half" "year" (also their Chinese 每月 每季度 每半年
 * 每年) → the kind; "none" or "" → EVERY_NONE; -1 if neither. */
int every_parse(const char *s);
/* The code stored in item.every ("quarter"), NULL for EVERY_NONE. */
const char *every_code(int every);
/* 每季度 / quarterly, in the current language. */
const char *every_label(int every);
/* The frequency a text names as offices write it — 每月, 每个月, 按月,
 * 每月一次, 每季度, 每个季度, 按季度, 每季, 每半年, 半年一次, 每年,
 * 每年度, 一年一次 — or EVERY_NONE. */
int every_words(const char *text);

/* How many periods a year has: 12, 4, 2, 1 (0 for EVERY_NONE). */
int every_periods(int every);
/* Parse a period name: returns its kind (EVERY_*) and sets *index (1…);
 * -1 if it is no period name. */
int period_parse(const char *s, int *index);
/* The name of period index of every ("Q2"); buf of at least 4 bytes. */
char *period_name(int every, int index, char *buf);
/* The first and last day (date.h day numbers) of a period of year. */
int period_start(int year, int every, int index);
int period_end(int year, int every, int index);
/* The period of year that contains day: 1…count; 0 before the year,
 * count + 1 after it. */
int period_current(int year, int every, int day);

/* A bit set of done periods (bit index-1) from names separated by blanks
 * or commas; names of another kind are ignored. */
unsigned period_mask(int every, const char *names);
/* The periods with their marks, "Q1✓ Q2✗ Q3· Q4·": ✓ done, ✗ ended before
 * today and not done, · not yet due (PERIOD_MARKS_SCREEN); on paper the
 * open ones get a box to tick, "Q3☐" (PDF), or in text print, where ✓ ✗ ☐
 * are of ambiguous width, "Q1[v] Q2[x] Q3[_]" (PERIOD_MARKS_ASCII). */
enum { PERIOD_MARKS_SCREEN, PERIOD_MARKS_ASCII, PERIOD_MARKS_PAPER };
void period_marks(struct strbuf *b, int year, int every, unsigned done, int today, int style);
/* The due of the item: the last day of its first period not done, or of
 * its last period when all are (a date.h day number). */
int period_due(int year, int every, unsigned done);

/* ---- the model (model_period.c) ---- */
struct qd;
struct item_period;
/* Set how often item id repeats: "month" "quarter" "half" "year" or
 * "none"/NULL.  Admin only, open items; the due becomes the periods'
 * (period_due); with none the due stays as it was.  Audited as a "set" of
 * the item with {"every": …} in its detail. */
enum qd_status qd_item_every(struct qd *q, long long id, const char *every, struct strbuf *err);
/* Record period (a period name, checked against the item's every) done on
 * on_date (NULL: today) or undone; note NULL keeps the note.  The owner,
 * the lead or an admin; open items only.  Audited (item_period, and the
 * item when its due changes or it is closed because every period is done). */
enum qd_status qd_item_period(struct qd *q, long long id, const char *period, int done, const char *on_date,
		   const char *note, struct strbuf *err);
/* The item's period records (store_period.h), in the year's order. */
enum qd_status qd_item_periods(struct qd *q, long long id, struct item_period **out, int *n);
/* "每季度 Q1✓ Q2✗ Q3· Q4·" (period_marks as of today) into b: 1; 0 (and
 * nothing written) when the item does not repeat. */
int qd_item_period_line(struct qd *q, long long id, int year, int style, struct strbuf *b);
/* For reminders: each period of an open recurring item of q->year that is
 * not done and has ended (missed 1) or ends within days of today (missed 0):
 * fn(ctx, item id, period name, its last day ISO, missed).  QD_* status. */
enum qd_status qd_item_periods_open(struct qd *q, int today, int days,
			 void (*fn)(void *ctx, long long item_id, const char *period,
				    const char *ends, int missed),
			 void *ctx);

#endif
