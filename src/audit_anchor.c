/* audit_anchor.c — the local anchor's rules (audit.h): which anchors apply
 * to an open file, when the file is refused, when the anchor moves, and the
 * `audit anchor` commands.  The state files themselves are anchor.c's.
 *
 * A database is known by two keys: its db_uuid (a random 128-bit setting
 * given to the file on its first write, audited like any setting) and its
 * real path.  Both keys hold the same record.  The file is refused when
 * either anchor's entry is gone or different, when the path's anchor names
 * another identity, or when an anchor file is damaged.  An entry "is there"
 * only if its stored hash and the hash its content gives both match, so a
 * rewrite that keeps the old hash string is caught too.
 *
 * The anchor moves under the state folder's lock, only forward, and never
 * over an anchor the file no longer holds (that one stays as evidence for
 * the next open to report). */
#include "qingdan/audit.h"

#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "model_impl.h"
#include "qingdan/anchor.h"
#include "qingdan/db.h"
#include "qingdan/store.h"

struct qd_anchor {
	char *dir;           /* the state folder */
	char *real;          /* the file's real path */
	char pkey[40];       /* its key by path */
	char uuid[33];       /* the file's db_uuid, "" while it has none */
	long long seq;       /* the highest entry this process anchored */
	int on;              /* the anchor follows the head (off after a mismatch) */
	int fresh;           /* a new database at this path: the path key restarts */
	int broken;          /* the file did not hold this user's anchor on open */
};

struct head {
	long long seq;
	char hash[65], at[32];
};

static void head_at(void *ctx, const struct audit_row *r)
{
	struct head *h = ctx;
	str_copy(h->at, r->at ? r->at : "", sizeof h->at);
}

static enum qd_status read_head(struct qd *q, struct head *h)
{
	memset(h, 0, sizeof *h);
	if (store_audit_head(q->db, &h->seq, h->hash) != QD_OK)
		return QD_DBERROR;
	if (h->seq > 0)
		store_audit_get(q->db, h->seq, head_at, h);
	return QD_OK;
}

/* The file's identity, "" when it has none or a malformed one. */
static void file_uuid(struct qd *q, char *out)
{
	char *v = store_setting(q->db, "db_uuid");
	str_copy(out, anchor_uuid_valid(v) ? v : "", 33);
	free(v);
}

static void uuid_key(const struct qd_anchor *a, char *name)
{
	anchor_key_uuid(a->uuid, name);
}

/* Why the file no longer matches anchor x: 0 it does, else the reason. */
static enum msg_id broken(struct qd *q, const struct qd_anchor *a, const struct anchor *x)
{
	if (x->uuid[0] && strcmp(x->uuid, a->uuid) != 0)
		return M_ANCHOR_IDENTITY;
	int st = audit_entry_check(q, x->seq, x->hash);
	return st == 1 ? 0 : st == 0 ? M_ANCHOR_GONE : M_ANCHOR_DIFFERS;
}

static void say_broken(struct strbuf *why, const struct anchor *x, const char *file,
		       enum msg_id reason)
{
	char *code = audit_code(x->seq, x->hash);
	sb_printf(why, msg(M_ANCHOR_BROKEN), x->seen, x->seq, code, file, msg(reason));
	free(code);
}

/* Check both keys; 0 when the file holds what this user saw, else 1 with
 * the message in why. */
static int check_keys(struct qd *q, struct qd_anchor *a, const struct head *h,
		      enum anchor_mode mode, struct strbuf *why)
{
	struct anchor p, u;
	char ukey[40];
	struct strbuf damaged = {0};
	int rp = anchor_load(a->dir, a->pkey, &p, &damaged), ru = 0;
	if (a->uuid[0]) {
		uuid_key(a, ukey);
		ru = anchor_load(a->dir, ukey, &u, &damaged);
	}
	/* init on an empty log starts a new database at this path */
	if (rp != 0 && mode == ANCHOR_NEW && h->seq == 0) {
		a->fresh = 1;
		rp = 0;
		sb_reset(&damaged);
	}
	enum msg_id r = 0;
	int bad = 1;
	if (rp < 0 || ru < 0)
		sb_puts(why, damaged.s);
	else if (rp == 1 && (r = broken(q, a, &p)) != 0)
		say_broken(why, &p, db_path(q->db), r);
	else if (ru == 1 && (r = broken(q, a, &u)) != 0)
		say_broken(why, &u, db_path(q->db), r);
	else
		bad = 0;
	sb_free(&damaged);
	return bad;
}

enum qd_status qd_anchor_open(struct qd *q, enum anchor_mode mode, struct strbuf *err)
{
	char real[PATH_MAX];
	const char *path = db_path(q->db);
	if (q->anchor || strcmp(path, ":memory:") == 0)
		return QD_OK;
	/* a server's database is known by its URI as shown (no password) and,
	 * as a file is, by its identity (db_uuid) */
	if (db_dialect(q->db) == DB_PG)
		snprintf(real, sizeof real, "%s", path);
	else if (!realpath(path, real))
		return QD_OK;
	char *dir = anchor_dir();
	if (!dir)
		return QD_OK;
	if (anchor_dir_ready(dir, err) != 0) {
		free(dir);
		return QD_OK;          /* the warning is in err */
	}
	struct head h;
	if (read_head(q, &h) != QD_OK) {
		free(dir);
		return db_error(q->db, err);
	}
	struct qd_anchor *a = xcalloc(1, sizeof *a);
	a->dir = dir;
	a->real = xstrdup(real);
	anchor_key_path(real, a->pkey);
	file_uuid(q, a->uuid);
	q->anchor = a;
	struct strbuf why = {0};
	int fd = anchor_lock(dir);
	int bad = check_keys(q, a, &h, mode, &why);
	anchor_unlock(fd);
	if (bad) {
		a->broken = 1;
		sb_puts(err, why.s);
		sb_free(&why);
		return mode == ANCHOR_INSPECT ? QD_OK : QD_VERIFY;
	}
	a->on = 1;
	anchor_seen(q);
	return QD_OK;
}

/* Move one key up to the head (or, forced, onto it); -1 when the state
 * file could not be written (the reason in e). */
static int advance(struct qd *q, const struct qd_anchor *a, const char *key,
		   const struct head *h, int force, struct strbuf *e)
{
	struct anchor cur;
	struct strbuf damaged = {0};
	int r = anchor_load(a->dir, key, &cur, &damaged);
	sb_free(&damaged);
	if (!force && r < 0)
		return 0;              /* damaged: left for the next open to report */
	if (!force && r == 1) {
		if (cur.seq > h->seq)
			return 0;      /* never backwards */
		if (cur.seq == h->seq && strcmp(cur.uuid, a->uuid) == 0 &&
		    strcmp(cur.path, a->real) == 0)
			return 0;      /* nothing new */
		if (broken(q, a, &cur))
			return 0;      /* keep the evidence */
	}
	struct anchor x = {0};
	str_copy(x.uuid, a->uuid, sizeof x.uuid);
	x.seq = h->seq;
	str_copy(x.hash, h->hash, sizeof x.hash);
	str_copy(x.at, h->at, sizeof x.at);
	model_now(x.seen);
	str_copy(x.path, a->real, sizeof x.path);
	return anchor_save(a->dir, key, &x, e);
}

/* Both keys; a failure to write only loses this step (e says why). */
static int advance_all(struct qd *q, struct qd_anchor *a, const struct head *h, int force,
		       struct strbuf *e)
{
	char ukey[40];
	struct strbuf ignore = {0};
	int fd = anchor_lock(a->dir);
	int rc = advance(q, a, a->pkey, h, force || a->fresh, force ? e : &ignore);
	if (a->uuid[0]) {
		uuid_key(a, ukey);
		if (advance(q, a, ukey, h, force, force ? e : &ignore) != 0)
			rc = -1;
	}
	anchor_unlock(fd);
	sb_free(&ignore);
	a->fresh = 0;
	a->seq = h->seq;
	return rc;
}

void anchor_seen(struct qd *q)
{
	struct qd_anchor *a = q->anchor;
	struct head h;
	if (!a || !a->on || db_depth(q->db) > 0 || read_head(q, &h) != QD_OK || h.seq == 0)
		return;
	int got_uuid = 0;
	if (!a->uuid[0]) {
		file_uuid(q, a->uuid);
		got_uuid = a->uuid[0] != '\0';
	}
	if (h.seq > a->seq || got_uuid)
		advance_all(q, a, &h, 0, NULL);
}

enum qd_status anchor_before_commit(struct qd *q, struct strbuf *err)
{
	struct qd_anchor *a = q->anchor;
	if (!a || !a->on || a->uuid[0] || db_readonly(q->db))
		return QD_OK;
	char *cur = store_setting(q->db, "db_uuid");
	int has = *cur != '\0';
	free(cur);
	if (has)
		return QD_OK;          /* set meanwhile (or malformed: left for verify) */
	/* the file's first write gives it its identity, audited like a setting */
	char uuid[33];
	long long rowid = 0;
	anchor_new_uuid(uuid);
	enum qd_status s = store_setting_set(q->db, "db_uuid", uuid);
	if (s == QD_OK)
		s = store_setting_rowid(q->db, "db_uuid", &rowid);
	if (s == QD_OK)
		s = qd_audit(q, "set", "setting", rowid, NULL, NULL, err);
	else
		db_error(q->db, err);
	return s;
}

int anchor_broken(const struct qd *q)
{
	return q->anchor && q->anchor->broken;
}

void anchor_close(struct qd *q)
{
	struct qd_anchor *a = q->anchor;
	if (!a)
		return;
	free(a->dir);
	free(a->real);
	free(a);
	q->anchor = NULL;
}

/* ---- audit anchor ---- */

/* This user's anchor for the file: the higher of the two keys. */
static int local_anchor(const struct qd_anchor *a, struct anchor *best)
{
	struct anchor x;
	struct strbuf e = {0};
	char ukey[40];
	int found = anchor_load(a->dir, a->pkey, best, &e) == 1;
	if (a->uuid[0]) {
		uuid_key(a, ukey);
		if (anchor_load(a->dir, ukey, &x, &e) == 1 && (!found || x.seq > best->seq)) {
			*best = x;
			found = 1;
		}
	}
	sb_free(&e);
	return found;
}

static void line(struct strbuf *out, enum msg_id id, ...)
{
	va_list ap;
	va_start(ap, id);
	sb_vprintf(out, msg(id), ap);
	va_end(ap);
	sb_putc(out, '\n');
}

static void say_anchor(struct strbuf *out, enum msg_id id, const struct anchor *x)
{
	char *code = audit_code(x->seq, x->hash);
	line(out, id, x->seq, code, x->seen);
	free(code);
}

enum qd_status qd_anchor_show(struct qd *q, struct strbuf *out, struct strbuf *err)
{
	struct head h;
	if (read_head(q, &h) != QD_OK)
		return db_error(q->db, err);
	struct qd_anchor *a = q->anchor;
	char uuid[33];
	file_uuid(q, uuid);
	char *unit = store_setting(q->db, "unit_name");
	line(out, M_ANCHOR_SHOW_FILE, a ? a->real : db_path(q->db));
	line(out, M_ANCHOR_SHOW_UUID, *uuid ? uuid : msg(M_NONE));
	line(out, M_ANCHOR_SHOW_UNIT, *unit ? unit : msg(M_NONE));
	free(unit);
	if (h.seq == 0) {
		line(out, M_ANCHOR_EMPTY);
	} else {
		char *code = audit_code(h.seq, h.hash);
		line(out, M_ANCHOR_SHOW_HEAD, h.seq, h.at);
		line(out, M_ANCHOR_SHOW_HASH, h.hash);
		line(out, M_ANCHOR_SHOW_CODE, code);
		line(out, M_ANCHOR_SHOW_PAPER, h.seq, h.hash);
		free(code);
	}
	struct anchor mine;
	if (a && local_anchor(a, &mine))
		say_anchor(out, M_ANCHOR_SHOW_LOCAL, &mine);
	else
		line(out, M_ANCHOR_SHOW_NO_LOCAL);
	if (a) {
		char ukey[40] = "";
		if (a->uuid[0])
			uuid_key(a, ukey);
		line(out, M_ANCHOR_SHOW_STATE, a->dir, a->pkey, ukey);
	}
	return QD_OK;
}

enum qd_status qd_anchor_accept(struct qd *q, struct strbuf *out, struct strbuf *err)
{
	struct qd_anchor *a = q->anchor;
	enum qd_status s = model_need_admin(q, M_ACT_ACCEPT_ANCHOR, err);
	if (s != QD_OK)
		return s;
	if (!a) {
		sb_puts(err, msg(M_ANCHOR_NO_STATE));
		return QD_IOERROR;
	}
	struct head h;
	if (read_head(q, &h) != QD_OK)
		return db_error(q->db, err);
	struct anchor old;
	int had = local_anchor(a, &old);
	if (h.seq == 0) {
		char ukey[40];
		int fd = anchor_lock(a->dir);
		anchor_remove(a->dir, a->pkey);
		if (a->uuid[0]) {
			uuid_key(a, ukey);
			anchor_remove(a->dir, ukey);
		}
		anchor_unlock(fd);
		line(out, M_ANCHOR_ACCEPTED_EMPTY);
	} else {
		if (advance_all(q, a, &h, 1, err) != 0)
			return QD_IOERROR;
		char *code = audit_code(h.seq, h.hash);
		line(out, M_ANCHOR_ACCEPTED, h.seq, code);
		free(code);
	}
	if (had)
		say_anchor(out, M_ANCHOR_WAS, &old);
	line(out, M_ANCHOR_LOCAL_ONLY);
	a->on = 1;
	a->broken = 0;
	return QD_OK;
}
