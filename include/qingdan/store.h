/* store.h — every query of qingdan, behind plain C functions.
 *
 * The storage module is the only place that speaks SQL (so a second backend
 * can follow, DESIGN §9).  Functions here do no permission checks and write
 * no audit: the model (model.h) calls them inside its transactions.
 * Listings stream rows to a rowsink; with want_json each row also comes as
 * one JSON object keyed like the header (json_object()'s text, written by
 * src/store/json.c whatever the backend). */
#ifndef QINGDAN_STORE_H
#define QINGDAN_STORE_H

#include "qingdan/model.h"
#include "qingdan/util.h"

struct db;

struct rowsink {
	void (*header)(struct rowsink *s, int ncol, const char *const *names);
	/* vals[i] is never NULL ("" for SQL NULL); json is NULL unless want_json */
	void (*row)(struct rowsink *s, const char *const *vals, const char *json);
	int want_json;
};

/* ---- listings ---- */
struct item_filter {
	int year;               /* 0 = every year */
	long long org_id;       /* 0 = any */
	long long owner_id;     /* 0 = any */
	long long person_id;    /* owner or lead; 0 = any */
	int status;             /* -1 = any */
	int overdue;            /* only overdue items */
	const char *category;   /* NULL = any */
	const char *search;     /* substring of the content, NULL = none */
	const char *today;      /* ISO, for the flags */
	const char *soon;       /* ISO: today + due_soon_days */
	int kind;               /* which lists: STORE_KIND_DUTY (0, the default: the 三张清单),
				 * STORE_KIND_RECTIFY (the 整改清单's measures), STORE_KIND_ALL */
	int due_soon;           /* only open items due from today to soon (临期) */
	int periods;            /* also the columns every and periods (period.h) */
};
/* The kinds of list an item query reads (item_filter.kind, item_scope.kind,
 * store_stats_kind): the values of enum list_kind (problem.h), and -1 for
 * every kind.  Every listing, count and print about the 三张清单 reads the
 * duty lists only, so a zeroed filter or scope is the duty one. */
#define STORE_KIND_DUTY 0
#define STORE_KIND_RECTIFY 1
#define STORE_KIND_ALL (-1)
/* Columns: id org year seq category content owner lead due status flags */
enum qd_status store_item_list(struct db *db, const struct item_filter *f, struct rowsink *s,
			       struct strbuf *err);
/* One item, every field (show --format): the item list columns, then
 * measures standard due_text done_on owner_id lead_id version created_at
 * updated_at deleted_at notes; json carries notes as an array of
 * {on_date, person, text}, tsv/csv as lines.  QD_NOTFOUND if no such id. */
enum qd_status store_item_show(struct db *db, long long id, const char *today, const char *soon,
			       struct rowsink *s, struct strbuf *err);
/* Columns: id name level parent items (items of its duty list) */
enum qd_status store_org_list(struct db *db, int year, struct rowsink *s, struct strbuf *err);
/* id name sort items: the category table in its order, items of the year. */
enum qd_status store_category_list(struct db *db, int year, struct rowsink *s, struct strbuf *err);
/* Columns: id name post org login admin active items done overdue (duty
 * items) */
enum qd_status store_person_list(struct db *db, int year, const char *today, struct rowsink *s,
				 struct strbuf *err);
/* by: "org", "person" or "category".  Columns: id group total done overdue
 * late completion pledges_signed pledges_issued */
enum qd_status store_stats(struct db *db, int year, const char *today, const char *by,
			   struct rowsink *s, struct strbuf *err);
/* store_stats over the lists of one kind (STORE_KIND_*); store_stats is
 * the duty lists'.  The pledge columns do not depend on the kind. */
enum qd_status store_stats_kind(struct db *db, int year, const char *today, const char *by,
				int kind, struct rowsink *s, struct strbuf *err);
/* The text of every hot query — listings, checklists, people and stats
 * views, search, the TUI's pages — for representative filters, built by
 * the very code that prepares them, in the SQL of a dialect (enum
 * db_dialect); fn(ctx, name, sql) for each.  The query-plan test
 * (tests/t_plan.c) checks each SQLite one walks an index; tests/t_pg_sql.c
 * prepares the PostgreSQL ones on a server. */
void store_hot_queries(int dialect, void (*fn)(void *ctx, const char *name, const char *sql),
		       void *ctx);
/* Refresh the planner's statistics (bounded ANALYZE); after a large
 * import or year copy. */
enum qd_status store_analyze(struct db *db);
/* Columns: seq at login person action entity entity_id detail */
enum qd_status store_audit_list(struct db *db, const char *entity, long long id,
				struct rowsink *s, struct strbuf *err);

/* ---- orgs, people, settings ---- */
enum qd_status store_org_insert(struct db *db, const char *name, const char *level,
				long long parent_id, long long *id);
enum qd_status store_org_get(struct db *db, long long id, struct org *o);
/* Ids of orgs with this exact name (0 or 1, names are unique). */
enum qd_status store_org_by_name(struct db *db, const char *name, long long *id);
enum qd_status store_person_insert(struct db *db, const struct person_fields *f, long long *id);
enum qd_status store_person_update(struct db *db, long long id, const struct person_fields *f);
enum qd_status store_person_get(struct db *db, long long id, struct person *p);
/* The person as export names them (PERSON_REF: 王伟（组织委员）), or NULL. */
char *store_person_ref(struct db *db, long long id);
/* All people with this exact name (malloc'd array). */
enum qd_status store_person_by_name(struct db *db, const char *name, struct person **out, int *n);
/* Person with this login (active or not); QD_NOTFOUND if none. */
enum qd_status store_person_by_login(struct db *db, const char *login, struct person *p);
/* Their SQL, for the plan tests (store_hot_queries). */
void store_login_hot_queries(void (*fn)(void *ctx, const char *name, const char *sql), void *ctx);
/* A person's derived keys of collate.h (sort_key, pinyin, initials). */
enum qd_status store_person_keys(struct db *db, long long id, const char *sort_key,
				 const char *pinyin, const char *initials);
/* People whose initials, or pinyin without its spaces, start with q
 * (lower-case ASCII letters: collate_pinyin_query), active first, in
 * sort_key order; exact[i] (malloc'd too) says whether person i's
 * initials or spaceless pinyin is q itself.  On the initials index: both
 * start with q's first letter. */
/* People whose name starts with prefix, the active first, in name order. */
enum qd_status store_person_by_prefix(struct db *db, const char *prefix, struct person **out, int *n);
enum qd_status store_person_by_pinyin(struct db *db, const char *q, struct person **out,
				      int **exact, int *n);
int store_admins_with_login(struct db *db);
char *store_setting(struct db *db, const char *key);
enum qd_status store_setting_set(struct db *db, const char *key, const char *value);
enum qd_status store_setting_rowid(struct db *db, const char *key, long long *rowid);
/* Columns: key value meaning — for the n known keys (value "" if unset). */
enum qd_status store_setting_list(struct db *db, const char *const *keys,
				  const char *const *meanings, int n, struct rowsink *s,
				  struct strbuf *err);

/* ---- names, merging people, upgrade tasks (issue 8 §5) ---- */
struct store_name {
	long long id;
	char *name;
};
/* Every person's (orgs: every org's) id and name as stored, by id. */
enum qd_status store_names(struct db *db, int orgs, struct store_name **out, int *n);
enum qd_status store_org_rename(struct db *db, long long id, const char *name);
/* Each record naming the person: items (owner, lead), notes (author),
 * pledges (issuer, signer, signed_by, recorded_by), meetings (host,
 * recorder), attendance, meeting evidence (author), problems (raiser,
 * closer), 回访 (who made it); fn(entity, id). */
enum qd_status store_person_refs(struct db *db, long long person,
				 void (*fn)(void *ctx, const char *entity, long long id), void *ctx);
/* In that record, every person column holding `from` now holds `to`
 * (items and pledges: version + 1, updated_at = now). */
enum qd_status store_person_repoint(struct db *db, const char *entity, long long id,
				    long long from, long long to, const char *now);
/* Data fixes a migration queued for the model (upgrade_task). */
int store_upgrade_pending(struct db *db, const char *task);
enum qd_status store_upgrade_done(struct db *db, const char *task);
/* Queue a task again (no-op if it is queued). */
enum qd_status store_upgrade_queue(struct db *db, const char *task);

/* ---- lists and items ---- */
/* Insert with created_at = updated_at = now; seq = next in the list. */
enum qd_status store_item_insert(struct db *db, long long list_id, const struct item_fields *f,
				 const char *due_iso, const char *status, const char *done_on,
				 const char *now, long long *id);
enum qd_status store_item_get(struct db *db, long long id, const char *today, const char *soon,
			      struct item *it);
/* Apply the non-NULL fields (due_iso replaces f->due), bump version and
 * updated_at, only if the version is still `version`: else QD_CONFLICT. */
enum qd_status store_item_update(struct db *db, long long id, int version,
				 const struct item_fields *f, const char *due_iso, const char *now);
enum qd_status store_item_status(struct db *db, long long id, int version, const char *status,
				 const char *done_on, const char *now);
enum qd_status store_item_soft_delete(struct db *db, long long id, int version, const char *now);
enum qd_status store_note_insert(struct db *db, long long item_id, const char *on_date,
				 long long person_id, const char *text, const char *now,
				 long long *id);
enum qd_status store_notes(struct db *db, long long item_id, struct note **out, int *n);
int store_year_item_count(struct db *db, int year);
/* Calls fn for each live item of the year (copy for year copy). */
enum qd_status store_year_items(struct db *db, int year,
				void (*fn)(void *ctx, long long org_id, const struct item *it),
				void *ctx);

/* ---- server roles (PostgreSQL) ---- */
/* Grant (revoke = 0) or revoke the database's member group to the role
 * LOGIN, creating or enabling it; *result is the server's word for what it
 * did ("created", "enabled", "granted", "revoked", "unchanged").
 * QD_INVALID on a SQLite file, QD_DENIED when the server refuses (no
 * CREATEROLE), QD_DBERROR otherwise (db_error tells). */
enum qd_status store_role(struct db *db, const char *login, int revoke, char **result);

/* ---- audit ---- */
/* Canonical JSON of a record (every column, as SQLite's json_object()
 * writes it: src/store/json.h), or NULL. */
char *store_canon(struct db *db, const char *entity, long long id);
/* SHA-256 (hex) of the canonical text of each record (entities[i],
 * ids[i]) into digest[i] — of "" for a record that is gone, as
 * store_canon's NULL — in a few queries (64 records each), not one per
 * record: the print codes of a checklist. */
enum qd_status store_canon_digests(struct db *db, const char *const *entities, const long long *ids,
				   int n, char (*digest)[65]);
/* JSON object {field: [old, new]} of what differs (all fields of after if
 * before is NULL), with `extra` (a JSON object or NULL) merged in. */
char *store_json_diff(struct db *db, const char *before, const char *after, const char *extra);
/* json_object(key, value) with SQLite's escaping (NULL key: "{}"). */
char *store_json_pair(struct db *db, const char *key, const char *value);
/* Each field of an audit detail JSON, in order: fn(key, change, old, now)
 * where change is 1 for a {field: [old, now]} pair (old NULL otherwise);
 * values are text, NULL for null; ids of people and orgs come as their
 * names ("#ID" when gone); "records" (a print entry) as its count. */
enum qd_status store_detail_each(struct db *db, const char *detail,
				 void (*fn)(void *ctx, const char *key, int change, const char *old,
					    const char *now),
				 void *ctx);
/* seq of the last audit row of a record, 0 if none. */
long long store_audit_last_seq(struct db *db, const char *entity, long long id);
/* Hex SHA-256 of text (libcrypto); out needs 65 bytes. */
void store_sha256_hex(const char *text, size_t len, char *out);

struct audit_row {
	long long seq, person_id, entity_id;
	const char *at, *login, *action, *entity, *detail, *digest, *prev_hash, *hash;
};
enum qd_status store_audit_head(struct db *db, long long *seq, char *hash65);
enum qd_status store_audit_insert(struct db *db, const struct audit_row *r);
enum qd_status store_audit_get(struct db *db, long long seq,
			       void (*fn)(void *ctx, const struct audit_row *r), void *ctx);
/* The last 退回 or 取消 of an item with its reason (QD_NOTFOUND: none). */
enum qd_status store_item_last_reason(struct db *db, long long id,
				      void (*fn)(void *ctx, const struct audit_row *r), void *ctx);
/* Every audit row in seq order; fn returns non-zero to stop. */
enum qd_status store_audit_walk(struct db *db, int (*fn)(void *ctx, const struct audit_row *r),
				void *ctx);
/* Records whose state differs from their last audit digest, have none, or
 * are gone; fn(kind, entity, id, seq) with kind 'c'hanged, 'u'nlogged, 'g'one. */
enum qd_status store_audit_check_records(struct db *db,
					 void (*fn)(void *ctx, int kind, const char *entity,
						    long long id, long long seq),
					 void *ctx, long long *checked);
/* The entities the audit covers ("org", "person", …), NULL-terminated. */
extern const char *const store_entities[];

#endif
