/* model.h — qingdan's rules: orgs, people, lists, items and their status
 * machine, notes, permissions (DESIGN §2, §4) and the audit trail.
 *
 * Every write, from the CLI, the TUI or an import, goes through a qd_*
 * function here.  Each one checks the actor's permission, validates, writes
 * and appends the hash-chained audit row in one transaction, and either does
 * all of it or nothing (the message says why, in err).  No curses here, and
 * no SQL: the storage module (store.h) does that. */
#ifndef QINGDAN_MODEL_H
#define QINGDAN_MODEL_H

#include "qingdan/util.h"

struct db;

/* The session: the open file and who is acting. */
struct qd {
	struct db *db;
	char *login;         /* OS login of the process */
	long long actor_id;  /* person with that login, or 0 */
	char *actor_name;    /* their name, or the login */
	int actor_admin;     /* admin, or open mode */
	int enforced;        /* some admin person has a login */
	int year;            /* the working year (--year) */
	int due_soon_days;   /* setting due_soon_days */
	int system;          /* a loader of qingdan's own (demo): acts as admin */
	struct qd_anchor *anchor;   /* the local audit anchor (audit.h), or NULL */
};

enum qd_status qd_open(struct qd *q, const char *path, int flags, struct strbuf *err);
void qd_close(struct qd *q);
/* Re-read the mode and the actor (after people change, or another process). */
void qd_refresh_actor(struct qd *q);
/* For tests: act as this OS login instead of the process's. */
void qd_set_login(struct qd *q, const char *login);

/* Group several changes into one transaction (nests with the model's own).
 * qd_batch_end(q, s, err) commits when s is QD_OK and every change inside
 * succeeded, else rolls back; it returns s, or the commit's failure. */
enum qd_status qd_batch_begin(struct qd *q, struct strbuf *err);
enum qd_status qd_batch_end(struct qd *q, enum qd_status s, struct strbuf *err);
/* A new file gets the two fixed orgs 党组 and 机关党委. */
enum qd_status qd_ensure_defaults(struct qd *q, struct strbuf *err);

/* ---- item status ---- */
enum item_status { ST_PLANNED, ST_IN_PROGRESS, ST_SUBMITTED, ST_DONE, ST_CANCELLED, ST__COUNT };
const char *status_code(enum item_status s);      /* "in_progress" */
const char *status_label(enum item_status s);     /* 进行中 / in progress */
/* Code, or the Chinese label (未开始 …); -1 if neither. */
int status_parse(const char *s);
int status_is_open(enum item_status s);
/* The flags text for display: 逾期,临期 … from "overdue,due_soon". */
char *flags_label(const char *flags);

enum org_level { LV_PARTY_GROUP, LV_ORGAN_COMMITTEE, LV_BRANCH };
const char *level_code(enum org_level l);
const char *level_label(enum org_level l);
int level_parse(const char *s);                   /* code or 中文; -1 */

/* ---- records (strings are owned; free with the *_clear function) ---- */
struct org {
	long long id, parent_id;
	char *name, *level;
	int sort;
};
struct person {
	long long id, org_id;
	char *name, *post, *org_name, *login;
	int is_admin, active;
};
struct item {
	long long id, list_id, org_id, owner_id, lead_id;
	int year, seq, version;
	enum item_status status;
	char *org_name, *category, *content, *measures, *standard;
	char *due, *due_text, *done_on;          /* ISO or NULL/"" */
	char *owner_name, *lead_name;
	char *flags;                             /* "overdue,due_soon,late" subset */
	char *created_at, *updated_at, *deleted_at;
};
struct note {
	long long id, item_id, person_id;
	char *on_date, *person_name, *text;
};
void org_clear(struct org *o);
void person_clear(struct person *p);
void item_clear(struct item *it);
void note_clear(struct note *n);

/* ---- lookups: "name" or "#ID"; ambiguity is an error listing candidates ---- */
/* A person named as people write it (model_person.c has every form):
 * "#12", "王伟", "王伟（副局长）" / "王伟(第二党支部)" — the one whose post or
 * branch contains the bracket text — "#12 王伟（副局长）" (the form an
 * ambiguity error lists, each accepted back) and "王伟#12".  Names are
 * compared in normal form (norm.h); an active person wins over inactive
 * ones of the same name.  QD_NOTFOUND / QD_AMBIGUOUS / QD_INVALID (not
 * UTF-8), with the message in err. */
enum qd_status qd_find_person(struct qd *q, const char *who, long long *id, struct strbuf *err);
struct person_ref {
	char *name;        /* normal form; "" for a bare "#12" */
	char *qual;        /* the bracket text, or NULL */
	long long id;      /* 0 if none */
	int foreign_id;    /* "王伟#12": an id of another file, not a promise */
};
/* Split a reference into its parts; -1 if it is not UTF-8. */
int qd_person_ref_parse(const char *who, struct person_ref *r);
void person_ref_clear(struct person_ref *r);
/* qd_find_person for callers that word their own messages (import): on
 * QD_AMBIGUOUS *cands (if cands) is the candidate list; *ref (if ref) gets
 * the parsed reference, e.g. to add a new person on QD_NOTFOUND. */
enum qd_status qd_match_person(struct qd *q, const char *who, long long *id,
			       struct person_ref *ref, char **cands, struct strbuf *err);
/* The same with names taken as written, not sounded out as pinyin: what a
 * file names (import) — "Li Ming" in a sheet is not silently 李明. */
enum qd_status qd_match_person_exact(struct qd *q, const char *who, long long *id,
				     struct person_ref *ref, char **cands, struct strbuf *err);
/* Every "·"-part of qual is in the person's post or org name (folded). */
int qd_person_fits(const struct person *p, const char *qual);
/* "王伟（副局长·第二党支部）", as candidates list it (malloc'd). */
char *qd_person_label(const struct person *p);
/* The person's name as export writes it and the screen shows it: bare
 * when unique, else 姓名（职务）, 姓名（支部） or 姓名#ID (issue 14.5);
 * malloc'd, NULL for no such person. */
char *qd_person_ref(struct qd *q, long long id);
enum qd_status qd_find_org(struct qd *q, const char *name, long long *id, struct strbuf *err);
enum qd_status qd_get_person(struct qd *q, long long id, struct person *p);
enum qd_status qd_get_org(struct qd *q, long long id, struct org *o);
enum qd_status qd_get_item(struct qd *q, long long id, struct item *it, struct strbuf *err);
/* Notes of an item, oldest first; *n notes in a malloc'd array. */
enum qd_status qd_item_notes(struct qd *q, long long item_id, struct note **notes, int *n);
void notes_free(struct note *notes, int n);

/* ---- orgs and people (admin) ---- */
enum qd_status qd_org_add(struct qd *q, const char *name, enum org_level level,
			  long long parent_id, long long *id, struct strbuf *err);

/* Names are stored in normal form (norm.h: NFC, one middle dot, no
 * invisible characters, spaces trimmed and collapsed), logins trimmed;
 * a blank name or one that is not UTF-8 is refused. */
struct person_fields {
	const char *name, *post, *login;   /* NULL = unchanged (set) / empty (add) */
	long long org_id;                  /* -1 = unchanged / none */
	int is_admin, active;              /* -1 = unchanged */
};
#define PERSON_FIELDS_INIT {NULL, NULL, NULL, -1, -1, -1}
enum qd_status qd_person_add(struct qd *q, const struct person_fields *f, long long *id,
			     struct strbuf *err);
enum qd_status qd_person_set(struct qd *q, long long id, const struct person_fields *f,
			     struct strbuf *err);
/* Admin: every item (owner, lead), pledge (issuer, signer, signed_by,
 * recorded_by) and note of `drop` goes to `keep`, and drop's login (with
 * its admin right) when keep has none; drop is then made inactive (its
 * audit history stays).  One transaction, one audit row per record moved;
 * *moved counts them.  Refuses drop == keep and two logins. */
/* db grant|revoke LOGIN on a server: admin only.  *result as store_role;
 * *has_person: whether a person has that login (else the role reads only). */
enum qd_status qd_db_role(struct qd *q, const char *login, int revoke, char **result,
			  int *has_person, struct strbuf *err);
enum qd_status qd_person_merge(struct qd *q, long long keep, long long drop, int *moved,
			       struct strbuf *err);
/* Data fixes a schema migration left for the model (qd_open runs them):
 * migration 4 puts every person's and org's name in normal form, each
 * change audited as 'normalise'. */
enum qd_status qd_run_upgrades(struct qd *q, struct strbuf *err);

/* ---- items ---- */
struct item_fields {
	/* NULL = unchanged (set) / empty (add); "" clears an optional field */
	const char *category, *content, *measures, *standard;
	const char *due;        /* any accepted date form; "" = none */
	const char *due_text;
	long long owner_id, lead_id;   /* -1 unchanged, 0 none */
	/* add only (import, demo): initial status code or label, and for done
	 * items the day it was done (default today) */
	const char *status, *done_on;
};
#define ITEM_FIELDS_INIT {NULL, NULL, NULL, NULL, NULL, NULL, -1, -1, NULL, NULL}
/* True when f changes nothing (every field NULL / -1). */
int item_fields_empty(const struct item_fields *f);
/* Adds to the org's list for q->year (created if missing).  Admin only. */
enum qd_status qd_item_add(struct qd *q, long long org_id, const struct item_fields *f,
			   long long *id, struct strbuf *err);
/* expect_version 0 = whatever is current; otherwise a stale edit is refused
 * (QD_CONFLICT) with the other change described in err. */
enum qd_status qd_item_set(struct qd *q, long long id, int expect_version,
			   const struct item_fields *f, struct strbuf *err);
enum qd_status qd_item_move(struct qd *q, long long id, int expect_version,
			    enum item_status to, const char *reason, struct strbuf *err);
enum qd_status qd_item_note(struct qd *q, long long id, const char *on_date, const char *text,
			    struct strbuf *err);
/* The latest 退回 or 取消 reason of an item as one line for people —
 * "退回原因：材料不全（2026-06-30 王芳）", the local date of the audit row —
 * malloc'd, or NULL when it never had one (issue 14.5). */
char *qd_item_last_reason(struct qd *q, long long id);
enum qd_status qd_item_delete(struct qd *q, long long id, struct strbuf *err);
/* Admin: a deleted item back in every listing, audited as 'restore';
 * QD_INVALID for one that is not deleted, QD_NOTFOUND for no such id. */
enum qd_status qd_item_restore(struct qd *q, long long id, struct strbuf *err);
/* What the actor may do with this item (for menus and read-only views). */
int qd_may_edit_items(struct qd *q);
int qd_may_move(struct qd *q, const struct item *it, enum item_status to);

/* ---- year ---- */
enum qd_status qd_year_copy(struct qd *q, int from, int to, int *lists, int *items,
			    struct strbuf *err);

/* ---- settings ---- */
char *qd_setting(struct qd *q, const char *key);     /* malloc'd, "" if unset */
enum qd_status qd_setting_set(struct qd *q, const char *key, const char *value,
			      struct strbuf *err);

/* ---- audit ---- */
/* Append the audit row for a change of one record.  `before` is the record's
 * canonical JSON before the change (NULL for an insert); `extra` a JSON
 * object merged into the detail (e.g. {"reason":…}) or NULL.  Call inside
 * the change's transaction. */
enum qd_status qd_audit(struct qd *q, const char *action, const char *entity, long long id,
			const char *before, const char *extra, struct strbuf *err);
/* The audit row of a record deleted for good (an attendance row, an
 * item's link to a meeting): detail the record's canonical JSON before,
 * digest "", so `audit verify` knows it was removed, not lost. */
enum qd_status qd_audit_removed(struct qd *q, const char *action, const char *entity, long long id,
				const char *before, struct strbuf *err);
/* An audit detail JSON as a sentence in the current language: field
 * labels, people and orgs by name, codes as labels (malloc'd; detail.c). */
char *qd_detail_text(struct qd *q, const char *entity, const char *detail);
/* Recompute the chain and compare every record with its last entry.
 * Problems are appended to report (one line each); returns QD_VERIFY if any. */
enum qd_status qd_audit_verify(struct qd *q, struct strbuf *report, struct strbuf *err);
/* The same check of an open database outside a session (no actor, no
 * anchor): db copy and backup run it on the copy before committing it
 * (db.h db_verify_fn). */
enum qd_status qd_audit_verify_db(struct db *db, struct strbuf *report, struct strbuf *err);
/* A short code for a print-out covering these records, logged as a print
 * entry in the chain; and its check. */
enum qd_status qd_print_code(struct qd *q, const char *what, const char *const *entities,
			     const long long *ids, int n, char **code, struct strbuf *err);
/* The same, where known[i] (if known and it are not NULL) is already the
 * hex digest of record i's canonical text, as store_canon gives it (print
 * digests its items from the rows it prints); the rest are read. */
enum qd_status qd_print_code_known(struct qd *q, const char *what, const char *const *entities,
				   const long long *ids, const char *const *known, int n, char **code,
				   struct strbuf *err);
/* The detail text of a print entry over these records and digests. */
char *audit_print_detail(struct db *db, const char *what, const char *const *entities,
			 const long long *ids, const char (*digests)[65], int n);
enum qd_status qd_verify_code(struct qd *q, const char *code, struct strbuf *report,
			      struct strbuf *err);

#endif
