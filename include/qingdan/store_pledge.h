/* store_pledge.h — the SQL of pledges (责任书), part of the storage module
 * (see store.h: no rules, no audit; the model, src/pledge.c, calls these
 * inside its transactions).  Every UPDATE carries the version it read and
 * bumps it, so a stale write is QD_CONFLICT instead of a lost change. */
#ifndef QINGDAN_STORE_PLEDGE_H
#define QINGDAN_STORE_PLEDGE_H

#include "qingdan/pledge.h"
#include "qingdan/store.h"

struct db;

/* today: ISO, for the derived overdue flag. */
enum qd_status store_pledge_get(struct db *db, long long id, const char *today, struct pledge *p);
enum qd_status store_pledge_insert(struct db *db, int year, const char *title, const char *body,
				   long long issuer_id, long long signer_id, const char *due_iso,
				   const char *status, const char *now, long long *id);
/* Non-NULL texts and non-zero ids replace; due_iso "" clears. */
enum qd_status store_pledge_update(struct db *db, long long id, int version, const char *title,
				   const char *body, const char *due_iso, long long issuer_id,
				   long long signer_id, const char *now);
enum qd_status store_pledge_status(struct db *db, long long id, int version, const char *status,
				   const char *now);
struct store_sig {
	const char *on, *method, *proxy_note;
	long long by_id, recorded_by;
};
/* Record one party's signature; body_sha256 non-NULL stores it (first
 * signature); status the resulting status. */
enum qd_status store_pledge_sign(struct db *db, long long id, int version, enum pledge_party party,
				 const struct store_sig *s, const char *body_sha256,
				 const char *status, const char *now);
enum qd_status store_pledge_assess(struct db *db, long long id, int version, const char *grade,
				   double score, const char *on, const char *note, const char *now);
enum qd_status store_pledge_void(struct db *db, long long id, int version, const char *reason,
				 long long successor_id, const char *now);
/* A live (not void) pledge of this year, title and signer other than
 * `except`: its id, or 0. */
long long store_pledge_live_same(struct db *db, int year, const char *title, long long signer_id,
				 long long except);
/* Active people of org_id and the orgs under it (org_id 0: every active
 * person), in org and list order; with match non-NULL only those whose
 * post it accepts.  *ids malloc'd. */
enum qd_status store_pledge_people(struct db *db, long long org_id,
				   int (*match)(const char *post, const void *ctx), const void *ctx,
				   long long **ids, int *n);
/* A page of pledges next to from_id (see qd_pledge_page). */
enum qd_status store_pledge_page(struct db *db, const struct pledge_filter *f, const char *today,
				 long long from_id, int dir, int limit, struct pledge **out, int *n);
enum qd_status store_pledge_progress(struct db *db, int year, const char *today,
				     struct pledge_progress *pp);
/* Columns: id year title issuer signer due status flags issuer_signed
 * signer_signed proxy proxy_note grade score successor.  status is the
 * English code; flags "overdue" or ""; proxy 1 when either party's
 * signature was a proxy (the note says which and who). */
enum qd_status store_pledge_list(struct db *db, const struct pledge_filter *f, const char *today,
				 struct rowsink *s, struct strbuf *err);
/* One pledge in full (pledge show --format): the listing's columns, then
 * issuer_signed_by issuer_method issuer_recorded_by signer_signed_by
 * signer_method signer_recorded_by (people by name) assessed_on
 * assess_note void_reason body_sha256 version created_at updated_at body. */
enum qd_status store_pledge_show(struct db *db, long long id, const char *today, struct rowsink *s,
				 struct strbuf *err);

#endif
