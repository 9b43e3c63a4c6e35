/* model_impl.h — private helpers shared by model.c, model_item.c, audit.c. */
#ifndef QINGDAN_MODEL_IMPL_H
#define QINGDAN_MODEL_IMPL_H

#include "qingdan/model.h"
#include "qingdan/msg.h"
#include "qingdan/problem.h"

/* Start a write: refuses a read-only file, begins a (nested) transaction. */
enum qd_status model_begin(struct qd *q, struct strbuf *err);
/* End it: commit if s is QD_OK, else roll back; returns the final status. */
enum qd_status model_end(struct qd *q, enum qd_status s, struct strbuf *err);
enum qd_status model_need_admin(struct qd *q, enum msg_id action, struct strbuf *err);
/* A user's date (any accepted form) into ISO in out (>= 11 bytes): *res is
 * out, or the input itself when NULL or "" (unchanged / clear). */
enum qd_status model_iso_date(const char *in, char *out, const char **res, struct strbuf *err);
/* UTC timestamp now (buffer >= 21). */
void model_now(char *buf);
/* Add an item to the org's list of that kind (problem.h enum list_kind)
 * for the year, made if missing: qd_item_add's own insert (model_item.c),
 * shared with qd_problem_measure.  Admin only. */
enum qd_status model_item_add(struct qd *q, long long org_id, int year, enum list_kind kind,
			      const struct item_fields *f, long long *id, struct strbuf *err);

/* The keys of collate.h for person id's name (name_order's order),
 * written beside it: with every write of a name (model_person.c). */
enum qd_status model_person_keys(struct qd *q, long long id, const char *name,
				 struct strbuf *err);
/* The setting name_order is being set to value (inside its transaction):
 * checks it and computes every person's keys under it. */
enum qd_status model_name_order_changed(struct qd *q, const char *value, struct strbuf *err);

/* ---- the audit chain and its anchor (audit.c, audit_anchor.c) ---- */
struct audit_row;
/* Hex digits of a row's hash a code carries: 64 bits (old codes: 8). */
#define AUDIT_CODE_HEX 16
/* An audit row's hash from its content (out >= 65). */
void audit_row_hash(const struct audit_row *r, char *out);
/* The short code of an entry, "SEQ-HASH16" (malloc'd). */
char *audit_code(long long seq, const char *hash);
/* Is entry seq there, its stored and recomputed hash starting with
 * hash_prefix?  1 yes, 0 no such entry, -1 a different entry. */
int audit_entry_check(struct qd *q, long long seq, const char *hash_prefix);
/* Hooks of the local anchor (no-ops unless qd_anchor_open started one):
 * before the outermost commit (gives the file its db_uuid on its first
 * write), after it and after re-reading the file (moves the anchor up to
 * the head), and on close. */
enum qd_status anchor_before_commit(struct qd *q, struct strbuf *err);
void anchor_seen(struct qd *q);
void anchor_close(struct qd *q);
/* The file did not hold this user's anchor when it was opened. */
int anchor_broken(const struct qd *q);

#endif
