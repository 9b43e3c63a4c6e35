/* audit.c — the hash-chained operation log (操作日志) and its checks.
 *
 * Each row: hash = SHA-256(prev_hash "\n" canonical row text), where the
 * canonical text joins every other column with '\x1f'.  The row's digest is
 * the SHA-256 of the changed record's canonical JSON after the change, so
 * the chain covers the current state of every record, not only the log:
 * `audit verify` (1) walks the chain naming the first altered, missing or
 * inserted entry and (2) finds records whose state differs from their last
 * entry's digest, that have no entry, or that vanished.
 *
 * A printed page carries a code SEQ-HASH16 (64 bits of the row's hash; old
 * pages carry SEQ-HASH8, still accepted) naming a 'print' row whose detail
 * lists the digests of the records printed; `verify --code` re-checks them.
 * A paper anchor (SEQ:HASH, audit.h) names any row; `verify --anchor`
 * checks that row and the chain up to it. */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model_impl.h"
#include "qingdan/audit.h"
#include "qingdan/db.h"
#include "qingdan/store.h"

static const char zero_hash[] =
	"0000000000000000000000000000000000000000000000000000000000000000";

void audit_row_hash(const struct audit_row *r, char *out)
{
	struct strbuf b = {0};
	sb_printf(&b, "%s\n%lld\x1f%s\x1f%s\x1f%lld\x1f%s\x1f%s\x1f%lld\x1f%s\x1f%s", r->prev_hash,
		  r->seq, r->at, r->login, r->person_id, r->action, r->entity, r->entity_id,
		  r->detail, r->digest);
	store_sha256_hex(b.s, b.len, out);
	sb_free(&b);
}

static enum qd_status append(struct qd *q, const char *action, const char *entity, long long id,
			     const char *detail, const char *digest, long long *seq_out,
			     char *hash_out, struct strbuf *err)
{
	char prev[65], hash[65], now[32];
	long long seq;
	if (store_audit_head(q->db, &seq, prev) != QD_OK)
		return db_error(q->db, err);
	model_now(now);
	struct audit_row r = {
		.seq = seq + 1, .person_id = q->actor_id, .entity_id = id, .at = now,
		.login = q->login, .action = action, .entity = entity, .detail = detail,
		.digest = digest, .prev_hash = seq ? prev : zero_hash, .hash = hash,
	};
	audit_row_hash(&r, hash);
	if (store_audit_insert(q->db, &r) != QD_OK)
		return db_error(q->db, err);
	if (seq_out)
		*seq_out = r.seq;
	if (hash_out)
		memcpy(hash_out, hash, 65);
	return QD_OK;
}

enum qd_status qd_audit(struct qd *q, const char *action, const char *entity, long long id,
			const char *before, const char *extra, struct strbuf *err)
{
	char digest[65];
	char *after = store_canon(q->db, entity, id);
	if (!after)
		return db_error(q->db, err);
	store_sha256_hex(after, strlen(after), digest);
	/* an insert logs the whole record: no diff to compute */
	char *detail = !before && !extra ? after : store_json_diff(q->db, before, after, extra);
	enum qd_status s = append(q, action, entity, id, detail, digest, NULL, NULL, err);
	if (detail != after)
		free(detail);
	free(after);
	return s;
}

enum qd_status qd_audit_removed(struct qd *q, const char *action, const char *entity, long long id,
				const char *before, struct strbuf *err)
{
	/* no record after: the detail is the record as it was, the digest
	 * empty (store_audit_check_records knows such a record is not lost) */
	return append(q, action, entity, id, before ? before : "{}", "", NULL, NULL, err);
}

/* ---- verify ---- */

struct chain {
	long long expect_seq, entries;
	char prev[65];
	int problems;
	long long stop_at;          /* 0 = whole chain */
	struct strbuf *report;
};

static int walk_one(void *ctx, const struct audit_row *r)
{
	struct chain *c = ctx;
	char h[65];
	c->entries++;
	if (r->seq != c->expect_seq) {
		sb_printf(c->report, msg(M_VERIFY_MISSING), r->seq);
		sb_putc(c->report, '\n');
		c->problems++;
		return 1;
	}
	audit_row_hash(r, h);
	if (strcmp(h, r->hash) != 0) {
		sb_printf(c->report, msg(M_VERIFY_ALTERED), r->seq);
		sb_putc(c->report, '\n');
		c->problems++;
		return 1;
	}
	if (strcmp(r->prev_hash, c->prev) != 0) {
		sb_printf(c->report, msg(M_VERIFY_INSERTED), r->seq);
		sb_putc(c->report, '\n');
		c->problems++;
		return 1;
	}
	memcpy(c->prev, r->hash, 65);
	c->expect_seq++;
	return c->stop_at && r->seq >= c->stop_at;
}

static enum qd_status walk_chain(struct qd *q, struct chain *c, struct strbuf *err)
{
	c->expect_seq = 1;
	memcpy(c->prev, zero_hash, 65);
	if (store_audit_walk(q->db, walk_one, c) != QD_OK)
		return db_error(q->db, err);
	return QD_OK;
}

static void record_problem(void *ctx, int kind, const char *entity, long long id, long long seq)
{
	struct chain *c = ctx;
	if (kind == 'u')
		sb_printf(c->report, msg(M_VERIFY_UNLOGGED), msg_entity(entity), id);
	else if (kind == 'g')
		sb_printf(c->report, msg(M_VERIFY_GONE), msg_entity(entity), id, seq);
	else
		sb_printf(c->report, msg(M_VERIFY_RECORD), msg_entity(entity), id, seq);
	sb_putc(c->report, '\n');
	c->problems++;
}

enum qd_status qd_audit_verify(struct qd *q, struct strbuf *report, struct strbuf *err)
{
	struct chain c = {0};
	c.report = report;
	long long records = 0;
	enum qd_status s = walk_chain(q, &c, err);
	if (s == QD_OK && store_audit_check_records(q->db, record_problem, &c, &records) != QD_OK)
		s = db_error(q->db, err);
	if (s != QD_OK)
		return s;
	if (anchor_broken(q)) {
		/* the chain may hold together and still be cut or recomputed */
		sb_puts(report, msg(M_VERIFY_ANCHOR));
		sb_putc(report, '\n');
		c.problems++;
	}
	if (c.problems) {
		sb_printf(report, msg(M_VERIFY_FAILED), c.problems);
		sb_putc(report, '\n');
		return QD_VERIFY;
	}
	sb_printf(report, msg(M_VERIFY_OK), c.entries, records);
	sb_putc(report, '\n');
	return QD_OK;
}

enum qd_status qd_audit_verify_db(struct db *db, struct strbuf *report, struct strbuf *err)
{
	struct qd q = {.db = db};   /* no anchor: a copy is checked on its own */
	return qd_audit_verify(&q, report, err);
}

/* ---- print codes ---- */

/* The detail of a print entry, {"records":[[entity,id,digest],…],"what":…}:
 * the bytes store_json_diff(NULL, {"records":…}, {"what":…}) gives, which is
 * how it was built before (t_json checks the two agree), written straight
 * out instead of parsed back from 100k records (issue 10). */
char *audit_print_detail(struct db *db, const char *what, const char *const *entities,
			 const long long *ids, const char (*digests)[65], int n)
{
	struct strbuf d = {0};
	char num[24];
	sb_puts(&d, "{\"records\":[");
	for (int i = 0; i < n; i++) {   /* fixed ASCII names, hex digests: no escaping needed */
		if (i)
			sb_putc(&d, ',');
		sb_add(&d, "[\"", 2);
		sb_puts(&d, entities[i]);
		sb_add(&d, "\",", 2);
		sb_add(&d, num, (size_t)snprintf(num, sizeof num, "%lld", ids[i]));
		sb_add(&d, ",\"", 2);
		sb_add(&d, digests[i], 64);
		sb_add(&d, "\"]", 2);
	}
	sb_putc(&d, ']');
	char *pair = store_json_pair(db, "what", what);   /* {"what":…} */
	if (pair[1] != '}') {
		sb_putc(&d, ',');
		sb_puts(&d, pair + 1);
	} else {
		sb_putc(&d, '}');
	}
	free(pair);
	return sb_take(&d);
}

enum qd_status qd_print_code(struct qd *q, const char *what, const char *const *entities,
			     const long long *ids, int n, char **code, struct strbuf *err)
{
	return qd_print_code_known(q, what, entities, ids, NULL, n, code, err);
}

enum qd_status qd_print_code_known(struct qd *q, const char *what, const char *const *entities,
				   const long long *ids, const char *const *known, int n, char **code,
				   struct strbuf *err)
{
	char digest[65], hash[65];
	char (*digests)[65] = xcalloc(n > 0 ? (size_t)n : 1, sizeof *digests);
	/* the records whose digests are not known yet, read in batches */
	const char **ents = xcalloc(n > 0 ? (size_t)n : 1, sizeof *ents);
	long long *rest = xcalloc(n > 0 ? (size_t)n : 1, sizeof *rest);
	int *at = xcalloc(n > 0 ? (size_t)n : 1, sizeof *at), m = 0;
	for (int i = 0; i < n; i++) {
		if (known && known[i] && strlen(known[i]) == 64) {
			memcpy(digests[i], known[i], 65);
			continue;
		}
		ents[m] = entities[i];
		rest[m] = ids[i];
		at[m++] = i;
	}
	char (*got)[65] = xcalloc(m > 0 ? (size_t)m : 1, sizeof *got);
	enum qd_status s = m ? store_canon_digests(q->db, ents, rest, m, got) : QD_OK;
	for (int k = 0; k < m; k++)
		memcpy(digests[at[k]], got[k], 65);
	free(got);
	free(ents);
	free(rest);
	free(at);
	if (s != QD_OK) {
		free(digests);
		return db_error(q->db, err);
	}
	char *detail = audit_print_detail(q->db, what, entities, ids, (const char (*)[65])digests, n);
	free(digests);
	store_sha256_hex(detail, strlen(detail), digest);
	long long seq = 0;
	/* printing is allowed to every reader, so a read-only file cannot log it:
	 * then the code names the chain head the page was printed against */
	if (db_readonly(q->db)) {
		s = store_audit_head(q->db, &seq, hash) == QD_OK ? QD_OK : QD_DBERROR;
		if (!seq)
			memcpy(hash, zero_hash, 65);
	} else if ((s = model_begin(q, err)) == QD_OK) {
		s = append(q, "print", "print", 0, detail, digest, &seq, hash, err);
		s = model_end(q, s, err);
	}
	if (s == QD_OK)
		*code = audit_code(seq, hash);
	free(detail);
	return s;
}

char *audit_code(long long seq, const char *hash)
{
	return xasprintf("%lld-%.*s", seq, AUDIT_CODE_HEX, hash);
}

/* "SEQ<sep>HEX" with at least min_hex hex digits (or exactly 8 when legacy
 * codes are allowed), up to 64; the hex lower-cased into out (>= 65).
 * Paper is copied by hand: upper case is accepted.  0 on success. */
static int parse_ref(const char *text, char sep, size_t min_hex, int legacy, long long *seq,
		     char *out)
{
	if (!text || text[0] < '0' || text[0] > '9')
		return -1;
	char *end;
	errno = 0;
	long long n = strtoll(text, &end, 10);
	if (errno || *end != sep)
		return -1;
	const char *h = end + 1;
	size_t len = strspn(h, "0123456789abcdefABCDEF");
	if (h[len] != '\0' || len > 64 || (len < min_hex && !(legacy && len == 8)))
		return -1;
	for (size_t i = 0; i < len; i++)
		out[i] = (char)tolower((unsigned char)h[i]);
	out[len] = '\0';
	*seq = n;
	return 0;
}

struct entry_check {
	const char *prefix;
	int state;
};

static void entry_row(void *ctx, const struct audit_row *r)
{
	struct entry_check *c = ctx;
	char h[65];
	size_t n = strlen(c->prefix);
	audit_row_hash(r, h);
	/* the stored hash and the one its content gives must both match */
	c->state = strncmp(r->hash, c->prefix, n) == 0 && strncmp(h, c->prefix, n) == 0 ? 1 : -1;
}

int audit_entry_check(struct qd *q, long long seq, const char *hash_prefix)
{
	struct entry_check c = {hash_prefix, 0};
	if (seq > 0 && *hash_prefix)
		store_audit_get(q->db, seq, entry_row, &c);
	return c.state;
}

struct code_check {
	const char *prefix;
	int found;
	char *detail, *at;
};

static void code_row(void *ctx, const struct audit_row *r)
{
	struct code_check *c = ctx;
	if (strncmp(r->hash, c->prefix, strlen(c->prefix)) == 0) {
		c->found = strcmp(r->action, "print") == 0 ? 2 : 1;
		c->detail = xstrdup(r->detail);
		c->at = xstrdup(r->at);
	}
}

/* Compare each printed record's digest with its state now. */
static int check_printed(struct qd *q, const char *code, const char *detail, struct strbuf *report)
{
	int changed = 0;
	const char *p = strstr(detail, "\"records\":[");
	while (p && (p = strchr(p, '[')) && (p = strstr(p, "[\"")) != NULL) {
		char entity[32], digest[65], now[65];
		long long id;
		/* entity names have '_' (meeting_note, problem_feedback) */
		if (sscanf(p, "[\"%31[a-z_]\",%lld,\"%64[0-9a-f]\"]", entity, &id, digest) != 3)
			break;
		char *canon = store_canon(q->db, entity, id);
		store_sha256_hex(canon ? canon : "", canon ? strlen(canon) : 0, now);
		free(canon);
		if (strcmp(now, digest) != 0) {
			sb_printf(report, msg(M_CODE_CHANGED), code, msg_entity(entity), id);
			sb_putc(report, '\n');
			changed++;
		}
		p += 2;
	}
	return changed;
}

/* The chain from the start up to seq must hold. */
static enum qd_status chain_upto(struct qd *q, long long seq, struct strbuf *report,
				 struct strbuf *err)
{
	struct chain ch = {0};
	ch.report = report;
	ch.stop_at = seq;
	enum qd_status s = walk_chain(q, &ch, err);
	return s == QD_OK && ch.problems ? QD_VERIFY : s;
}

enum qd_status qd_verify_code(struct qd *q, const char *code, struct strbuf *report,
			      struct strbuf *err)
{
	long long seq;
	char prefix[65];
	if (parse_ref(code, '-', AUDIT_CODE_HEX, 1, &seq, prefix) != 0) {
		sb_printf(err, msg(M_BAD_CODE), code);
		return QD_INVALID;
	}
	struct code_check c = {prefix, 0, NULL, NULL};
	if (seq > 0)
		store_audit_get(q->db, seq, code_row, &c);
	enum qd_status s = QD_OK;
	if (!c.found) {
		sb_printf(report, msg(M_CODE_UNKNOWN), code);
		sb_putc(report, '\n');
		s = QD_VERIFY;
	} else {
		s = chain_upto(q, seq, report, err);
		if (s == QD_OK && c.found == 2 && check_printed(q, code, c.detail, report))
			s = QD_VERIFY;
		if (s == QD_OK) {
			sb_printf(report, msg(M_CODE_OK), code, c.at);
			sb_putc(report, '\n');
		}
	}
	free(c.detail);
	free(c.at);
	return s;
}

enum qd_status qd_verify_anchor(struct qd *q, const char *anchor, struct strbuf *report,
				struct strbuf *err)
{
	long long seq = 0;
	char hash[65];
	if ((parse_ref(anchor, ':', AUDIT_CODE_HEX, 0, &seq, hash) != 0 &&
	     parse_ref(anchor, '-', AUDIT_CODE_HEX, 0, &seq, hash) != 0) || seq <= 0) {
		sb_printf(err, msg(M_ANCHOR_BAD_PAPER), anchor);
		return QD_INVALID;
	}
	int st = audit_entry_check(q, seq, hash);
	if (st != 1) {
		sb_printf(report, msg(M_ANCHOR_PAPER_FAILED), anchor,
			  msg(st == 0 ? M_ANCHOR_GONE : M_ANCHOR_DIFFERS));
		sb_putc(report, '\n');
		return QD_VERIFY;
	}
	enum qd_status s = chain_upto(q, seq, report, err);
	if (s == QD_OK) {
		sb_printf(report, msg(M_ANCHOR_PAPER_OK), anchor, seq);
		sb_putc(report, '\n');
	}
	return s;
}
