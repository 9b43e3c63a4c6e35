/* pledge.c — the rules of accountability pledges (责任书): the state
 * machine, signatures and the freeze of the text, batch issue, who may do
 * what, and the audit row of every change (contract in pledge.h).
 *
 * Each write runs inside model_begin()/model_end(): it re-reads the pledge
 * inside the transaction (BEGIN IMMEDIATE), checks permission and state on
 * what it read, writes with the version it read, and appends the audit row
 * (qd_audit: the record's digest after the change) before commit.  So a
 * refused or failed change writes nothing, and `audit verify` notices any
 * later edit of a pledge made outside qingdan (a signed body, a date). */
#include "qingdan/pledge.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model_impl.h"
#include "qingdan/date.h"
#include "qingdan/db.h"
#include "qingdan/infile.h"
#include "qingdan/store.h"
#include "qingdan/store_pledge.h"

/* ---- labels ---- */

static const char *const status_codes[] = {"draft", "issued", "signed", "assessed", "archived", "void"};
static const char *const status_zh[] = {"拟订", "待签", "已签订", "已考核", "归档", "作废"};
static const enum msg_id status_msgs[] = {M_PL_ST_DRAFT, M_PL_ST_ISSUED, M_PL_ST_SIGNED,
					  M_PL_ST_ASSESSED, M_PL_ST_ARCHIVED, M_PL_ST_VOID};

const char *pledge_status_code(enum pledge_status s)
{
	return (unsigned)s < PL__COUNT ? status_codes[s] : "?";
}

const char *pledge_status_label(enum pledge_status s)
{
	return (unsigned)s < PL__COUNT ? msg(status_msgs[s]) : "?";
}

int pledge_status_parse(const char *s)
{
	for (int i = 0; s && i < PL__COUNT; i++)
		if (strcmp(s, status_codes[i]) == 0 || strcmp(s, status_zh[i]) == 0)
			return i;
	return -1;
}

const char *pledge_party_code(enum pledge_party p)
{
	return p == PARTY_SIGNER ? "signer" : "issuer";
}

const char *pledge_party_label(enum pledge_party p)
{
	return msg(p == PARTY_SIGNER ? M_PL_SIGNER : M_PL_ISSUER);
}

int pledge_party_parse(const char *s)
{
	if (str_eq(s, "issuer") || str_eq(s, "甲方"))
		return PARTY_ISSUER;
	if (str_eq(s, "signer") || str_eq(s, "乙方"))
		return PARTY_SIGNER;
	return -1;
}

const char *const pledge_grades[4] = {"优秀", "合格", "基本合格", "不合格"};

int pledge_grade_parse(const char *s)
{
	static const char *const en[] = {"excellent", "pass", "basic", "fail"};
	for (int i = 0; s && i < 4; i++)
		if (strcmp(s, pledge_grades[i]) == 0 || strcmp(s, en[i]) == 0)
			return i;
	return -1;
}

/* ---- records ---- */

static void sig_clear(struct pledge_sig *s)
{
	xfree(&s->on);
	xfree(&s->by_name);
	xfree(&s->method);
	xfree(&s->proxy_note);
	xfree(&s->recorded_name);
}

void pledge_clear(struct pledge *p)
{
	char **s[] = {&p->title, &p->body, &p->body_sha256, &p->sign_due, &p->issuer_name,
		      &p->issuer_post, &p->signer_name, &p->signer_post, &p->signer_org, &p->grade,
		      &p->assessed_on, &p->assess_note, &p->void_reason, &p->created_at, &p->updated_at};
	for (size_t i = 0; i < ARRAY_SIZE(s); i++)
		xfree(s[i]);
	sig_clear(&p->sig[0]);
	sig_clear(&p->sig[1]);
}

void pledges_free(struct pledge *ps, int n)
{
	for (int i = 0; i < n; i++)
		pledge_clear(&ps[i]);
	free(ps);
}

int pledge_has_proxy(const struct pledge *p)
{
	return p->sig[PARTY_ISSUER].proxy || p->sig[PARTY_SIGNER].proxy;
}

static const char *today_iso(char *buf)
{
	return date_format(date_today(), buf);
}

/* ---- reading ---- */

enum qd_status qd_pledge_get(struct qd *q, long long id, struct pledge *p, struct strbuf *err)
{
	char today[11];
	memset(p, 0, sizeof *p);
	enum qd_status s = store_pledge_get(q->db, id, today_iso(today), p);
	if (s == QD_NOTFOUND && err)
		sb_printf(err, msg(M_PL_NOT_FOUND), id);
	else if (s == QD_DBERROR)
		db_error(q->db, err);
	return s;
}

enum qd_status qd_pledge_page(struct qd *q, const struct pledge_filter *f, long long from_id,
			      int dir, int limit, struct pledge **out, int *n, struct strbuf *err)
{
	char today[11];
	enum qd_status s = store_pledge_page(q->db, f, today_iso(today), from_id, dir, limit, out, n);
	return s == QD_OK ? s : db_error(q->db, err);
}

enum qd_status qd_pledge_progress(struct qd *q, int year, struct pledge_progress *pp,
				  struct strbuf *err)
{
	char today[11];
	enum qd_status s = store_pledge_progress(q->db, year, today_iso(today), pp);
	return s == QD_OK ? s : db_error(q->db, err);
}

char *pledge_progress_text(const struct pledge_progress *pp)
{
	struct strbuf b = {0};
	sb_printf(&b, msg(M_PL_PROGRESS), pp->signed_, pp->issued);
	sb_puts(&b, " · ");
	sb_printf(&b, msg(M_PL_PROGRESS_OVERDUE), pp->overdue);
	if (pp->proxy) {
		sb_puts(&b, " · ");
		sb_printf(&b, msg(M_PL_PROGRESS_PROXY), pp->proxy);
	}
	if (pp->drafts) {
		sb_puts(&b, " · ");
		sb_printf(&b, msg(M_PL_PROGRESS_DRAFTS), pp->drafts);
	}
	return sb_take(&b);
}

/* ---- the text from a file ---- */

/* Is s (n bytes) well-formed UTF-8? */
static int utf8_ok(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + n;
	while (p < end) {
		int k = *p < 0x80 ? 0 : (*p & 0xE0) == 0xC0 && *p >= 0xC2 ? 1 : (*p & 0xF0) == 0xE0 ? 2
		      : (*p & 0xF8) == 0xF0 && *p <= 0xF4 ? 3 : -1;
		if (k < 0 || end - p <= k)
			return k == 0;
		for (int i = 1; i <= k; i++)
			if ((p[i] & 0xC0) != 0x80)
				return 0;
		p += k + 1;
	}
	return 1;
}

enum qd_status pledge_body_from_file(const char *path, char **out, struct strbuf *err)
{
	size_t len = 0;
	char *s = NULL;
	*out = NULL;
	enum qd_status st = infile_read_all(path, INFILE_MAX_BODY, &s, &len, err);
	if (st != QD_OK)
		return st;
	if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
		memmove(s, s + 3, len - 3);
		len -= 3;
	}
	if (!utf8_ok(s, len) || memchr(s, '\0', len)) {
		free(s);
		sb_printf(err, msg(M_PL_BODY_NOT_UTF8), path);
		return QD_INVALID;
	}
	size_t w = 0;
	for (size_t r = 0; r < len; r++)
		if (!(s[r] == '\r' && r + 1 < len && s[r + 1] == '\n'))
			s[w++] = s[r];
	while (w && (s[w - 1] == '\n' || s[w - 1] == ' ' || s[w - 1] == '\t'))
		w--;
	s[w] = '\0';
	*out = s;
	return QD_OK;
}

/* ---- permissions ---- */

int qd_may_manage_pledges(struct qd *q)
{
	return q->actor_admin && !db_readonly(q->db);
}

static long long party_person(const struct pledge *p, enum pledge_party party)
{
	return party == PARTY_SIGNER ? p->signer_id : p->issuer_id;
}

static const char *party_name(const struct pledge *p, enum pledge_party party)
{
	return party == PARTY_SIGNER ? p->signer_name : p->issuer_name;
}

static int is_party_in_person(const struct qd *q, const struct pledge *p, enum pledge_party party)
{
	return q->actor_id && q->actor_id == party_person(p, party);
}

int qd_may_sign_pledge(struct qd *q, const struct pledge *p, enum pledge_party party)
{
	return !db_readonly(q->db) && p->status == PL_ISSUED && !p->sig[party].on &&
	       (q->actor_admin || is_party_in_person(q, p, party));
}

/* ---- helpers of the writes ---- */

static enum qd_status audit_pledge(struct qd *q, const char *action, long long id,
				   const char *before, const char *key, const char *value,
				   struct strbuf *err)
{
	char *extra = key ? store_json_pair(q->db, key, value) : NULL;
	enum qd_status s = qd_audit(q, action, "pledge", id, before, extra, err);
	free(extra);
	return s;
}

/* Turn a storage status into one with a message. */
static enum qd_status stored(struct qd *q, enum qd_status s, const struct pledge *p,
			     struct strbuf *err)
{
	if (s == QD_CONFLICT)
		sb_printf(err, msg(M_PL_CONFLICT), p->id);
	else if (s == QD_DBERROR || (s != QD_OK && err->len == 0))
		db_error(q->db, err);
	return s;
}

/* Load the pledge inside the write transaction; refuse a stale version. */
static enum qd_status load(struct qd *q, long long id, int expect, struct pledge *p,
			   struct strbuf *err)
{
	enum qd_status s = qd_pledge_get(q, id, p, err);
	if (s == QD_OK && expect && expect != p->version) {
		sb_printf(err, msg(M_PL_STALE), id, p->version, expect);
		s = QD_CONFLICT;
	}
	return s;
}

static enum qd_status bad_state(const struct pledge *p, enum msg_id action, struct strbuf *err)
{
	sb_printf(err, msg(M_PL_BAD_TRANSITION), p->id, pledge_status_label(p->status), msg(action));
	return QD_INVALID;
}

static int any_signature(const struct pledge *p)
{
	return p->sig[PARTY_ISSUER].on || p->sig[PARTY_SIGNER].on;
}

static enum qd_status check_parties(struct qd *q, long long issuer, long long signer,
				    struct strbuf *err)
{
	if (issuer && issuer == signer) {
		struct person who = {0};
		qd_get_person(q, issuer, &who);
		sb_printf(err, msg(M_PL_SELF), who.name ? who.name : "?");
		person_clear(&who);
		return QD_INVALID;
	}
	return QD_OK;
}

/* ---- add (batch), set, issue ---- */

static enum qd_status issue_one(struct qd *q, long long id, struct strbuf *err);

enum qd_status qd_pledge_add(struct qd *q, const struct pledge_fields *f, const long long *signers,
			     int n, int issue, long long *ids, int *added, struct strbuf *skipped,
			     struct strbuf *err)
{
	char due_buf[11], now[32];
	const char *due = NULL;
	*added = 0;
	enum qd_status s = model_need_admin(q, M_PL_ACT_ADD, err);
	if (s == QD_OK && str_empty(f->title)) {
		sb_printf(err, msg(M_EMPTY_FIELD), msg(M_PL_F_TITLE));
		s = QD_INVALID;
	}
	if (s == QD_OK && f->issuer_id <= 0) {
		sb_printf(err, msg(M_EMPTY_FIELD), msg(M_PL_ISSUER));
		s = QD_INVALID;
	}
	if (s == QD_OK && n <= 0) {
		sb_puts(err, msg(M_PL_NO_SIGNERS));
		s = QD_INVALID;
	}
	if (s == QD_OK && issue && str_empty(f->body)) {
		sb_puts(err, msg(M_PL_EMPTY_BODY_NEW));
		s = QD_INVALID;
	}
	if (s == QD_OK)
		s = model_iso_date(f->due, due_buf, &due, err);
	if (s != QD_OK || (s = model_begin(q, err)) != QD_OK)
		return s;
	model_now(now);
	for (int i = 0; i < n && s == QD_OK; i++) {
		struct person who = {0};
		long long dup = 0, id = 0;
		if (qd_get_person(q, signers[i], &who) != QD_OK) {
			sb_printf(err, msg(M_PERSON_NOT_FOUND), "#");
			s = QD_NOTFOUND;
		} else if (signers[i] == f->issuer_id) {
			if (skipped) {
				sb_printf(skipped, msg(M_PL_SKIP_ISSUER), who.name);
				sb_putc(skipped, '\n');
			}
		} else if ((dup = store_pledge_live_same(q->db, q->year, f->title, signers[i], 0))) {
			if (skipped) {
				struct pledge old = {0};
				qd_pledge_get(q, dup, &old, NULL);
				sb_printf(skipped, msg(M_PL_SKIP_DUP), who.name, dup,
					  pledge_status_label(old.status));
				sb_putc(skipped, '\n');
				pledge_clear(&old);
			}
		} else {
			s = store_pledge_insert(q->db, q->year, f->title, f->body, f->issuer_id, signers[i],
						due, "draft", now, &id);
			if (s == QD_OK)
				s = audit_pledge(q, "add", id, NULL, NULL, NULL, err);
			if (s == QD_OK && issue)
				s = issue_one(q, id, err);
			if (s == QD_OK)
				ids[(*added)++] = id;
			else if (err->len == 0)
				db_error(q->db, err);
		}
		person_clear(&who);
	}
	if (s == QD_OK && *added == 0) {
		sb_puts(err, msg(M_PL_NONE_ADDED));
		s = QD_INVALID;
	}
	if (s != QD_OK)
		*added = 0;
	return model_end(q, s, err);
}

enum qd_status qd_pledge_set(struct qd *q, long long id, int expect_version,
			     const struct pledge_fields *f, struct strbuf *err)
{
	char due_buf[11], now[32];
	const char *due = NULL;
	struct pledge p = {0};
	enum qd_status s = model_need_admin(q, M_PL_ACT_EDIT, err);
	if (s == QD_OK && f->title && !*f->title) {
		sb_printf(err, msg(M_EMPTY_FIELD), msg(M_PL_F_TITLE));
		s = QD_INVALID;
	}
	if (s == QD_OK && !f->title && !f->body && !f->due && !f->issuer_id && !f->signer_id) {
		sb_puts(err, msg(M_NOTHING_TO_CHANGE));
		s = QD_INVALID;
	}
	if (s == QD_OK)
		s = model_iso_date(f->due, due_buf, &due, err);
	if (s != QD_OK || (s = model_begin(q, err)) != QD_OK)
		return s;
	s = load(q, id, expect_version, &p, err);
	if (s == QD_OK && any_signature(&p)) {
		sb_printf(err, msg(M_PL_FROZEN), id, id);
		s = QD_INVALID;
	} else if (s == QD_OK && p.status != PL_DRAFT && p.status != PL_ISSUED) {
		s = bad_state(&p, M_PL_ACT_EDIT, err);
	}
	if (s == QD_OK)
		s = check_parties(q, f->issuer_id ? f->issuer_id : p.issuer_id,
				  f->signer_id ? f->signer_id : p.signer_id, err);
	if (s == QD_OK && p.status == PL_ISSUED && f->body && !*f->body) {
		sb_printf(err, msg(M_PL_EMPTY_BODY), id, id);
		s = QD_INVALID;
	}
	char *before = s == QD_OK ? store_canon(q->db, "pledge", id) : NULL;
	model_now(now);
	if (s == QD_OK)
		s = stored(q, store_pledge_update(q->db, id, p.version, f->title, f->body, due,
						  f->issuer_id, f->signer_id, now), &p, err);
	if (s == QD_OK)
		s = audit_pledge(q, "set", id, before, NULL, NULL, err);
	free(before);
	pledge_clear(&p);
	return model_end(q, s, err);
}

/* draft → issued, inside a transaction the caller holds. */
static enum qd_status issue_one(struct qd *q, long long id, struct strbuf *err)
{
	char now[32];
	struct pledge p = {0};
	enum qd_status s = load(q, id, 0, &p, err);
	if (s == QD_OK && p.status != PL_DRAFT)
		s = bad_state(&p, M_PL_ACT_ISSUE, err);
	if (s == QD_OK && str_empty(p.body)) {
		sb_printf(err, msg(M_PL_EMPTY_BODY), id, id);
		s = QD_INVALID;
	}
	char *before = s == QD_OK ? store_canon(q->db, "pledge", id) : NULL;
	model_now(now);
	if (s == QD_OK)
		s = stored(q, store_pledge_status(q->db, id, p.version, "issued", now), &p, err);
	if (s == QD_OK)
		s = audit_pledge(q, "issue", id, before, NULL, NULL, err);
	free(before);
	pledge_clear(&p);
	return s;
}

enum qd_status qd_pledge_issue(struct qd *q, long long id, struct strbuf *err)
{
	enum qd_status s = model_need_admin(q, M_PL_ACT_ISSUE, err);
	if (s != QD_OK || (s = model_begin(q, err)) != QD_OK)
		return s;
	return model_end(q, issue_one(q, id, err), err);
}

/* ---- sign ---- */

/* Who may record this signature, and how: fills *method and *by. */
static enum qd_status sign_permitted(struct qd *q, const struct pledge *p, enum pledge_party party,
				     const struct pledge_sign *a, const char *on, const char *today,
				     const char **method, long long *by, struct strbuf *err)
{
	long long person = party_person(p, party);
	int self = is_party_in_person(q, p, party);
	int proxy = !str_empty(a->proxy_note);
	*by = a->by_id ? a->by_id : proxy ? 0 : person;
	if (!q->actor_admin && !self) {
		sb_printf(err, msg(M_PL_DENIED_SIGN), p->id, pledge_party_label(party),
			  party_name(p, party), q->actor_name);
		return QD_DENIED;
	}
	if (!q->actor_admin && (proxy || *by != person)) {
		sb_printf(err, msg(M_PL_DENIED_PROXY), q->actor_name);
		return QD_DENIED;
	}
	if (*by && *by != person && !proxy) {
		struct person who = {0};
		qd_get_person(q, *by, &who);
		sb_printf(err, msg(M_PL_PROXY_NEEDS_NOTE), who.name ? who.name : "?",
			  pledge_party_label(party), party_name(p, party));
		person_clear(&who);
		return QD_INVALID;
	}
	enum pledge_method m = a->method;
	if (m == PM_AUTO)
		m = self && !proxy && *by == person ? PM_TUI : PM_PAPER;
	if (m == PM_TUI && (!self || proxy || *by != person)) {
		sb_printf(err, msg(M_PL_TUI_NOT_SELF), pledge_party_label(party), party_name(p, party));
		return QD_DENIED;
	}
	if (m == PM_TUI && strcmp(on, today) != 0) {
		sb_printf(err, msg(M_PL_TUI_TODAY), today);
		return QD_INVALID;
	}
	*method = m == PM_TUI ? "tui" : "paper";
	return QD_OK;
}

enum qd_status qd_pledge_sign(struct qd *q, long long id, int expect_version,
			      enum pledge_party party, const struct pledge_sign *a,
			      struct strbuf *err)
{
	char day_buf[11], today[11], now[32], sha[65];
	const char *on = NULL, *method = "paper";
	long long by = 0;
	struct pledge p = {0};
	today_iso(today);
	enum qd_status s = model_iso_date(a->on, day_buf, &on, err);
	if (s == QD_OK && str_empty(on))
		on = today;
	if (s == QD_OK && strcmp(on, today) > 0) {
		sb_printf(err, msg(M_PL_SIGN_FUTURE), on);
		s = QD_INVALID;
	}
	if (s != QD_OK || (s = model_begin(q, err)) != QD_OK)
		return s;
	s = load(q, id, expect_version, &p, err);
	if (s == QD_OK && p.status == PL_DRAFT) {
		sb_printf(err, msg(M_PL_NOT_ISSUED), id, id);
		s = QD_INVALID;
	} else if (s == QD_OK && p.sig[party].on) {
		sb_printf(err, msg(M_PL_ALREADY_SIGNED), id, pledge_party_label(party), p.sig[party].on);
		s = QD_INVALID;
	} else if (s == QD_OK && p.status != PL_ISSUED) {
		s = bad_state(&p, M_PL_ACT_SIGN, err);
	}
	if (s == QD_OK && !p.body_ok) {
		sb_printf(err, msg(M_PL_BODY_CHANGED), id);
		s = QD_INVALID;
	}
	if (s == QD_OK)
		s = sign_permitted(q, &p, party, a, on, today, &method, &by, err);
	char *before = s == QD_OK ? store_canon(q->db, "pledge", id) : NULL;
	const char *freeze = NULL;
	if (s == QD_OK && !p.body_sha256) {
		store_sha256_hex(p.body ? p.body : "", p.body ? strlen(p.body) : 0, sha);
		freeze = sha;
	}
	enum pledge_party other = party == PARTY_SIGNER ? PARTY_ISSUER : PARTY_SIGNER;
	struct store_sig sig = {on, method, a->proxy_note, by, q->actor_id};
	model_now(now);
	if (s == QD_OK)
		s = stored(q, store_pledge_sign(q->db, id, p.version, party, &sig, freeze,
						p.sig[other].on ? "signed" : "issued", now), &p, err);
	if (s == QD_OK)
		s = audit_pledge(q, "sign", id, before, "party", pledge_party_code(party), err);
	free(before);
	pledge_clear(&p);
	return model_end(q, s, err);
}

/* ---- assess, archive, void, reissue ---- */

enum qd_status qd_pledge_assess(struct qd *q, long long id, int expect_version, const char *grade,
				double score, const char *on, const char *note, struct strbuf *err)
{
	char day_buf[11], today[11], now[32];
	const char *day = NULL;
	struct pledge p = {0};
	int g = pledge_grade_parse(grade);
	enum qd_status s = model_need_admin(q, M_PL_ACT_ASSESS, err);
	if (s == QD_OK && g < 0) {
		sb_printf(err, msg(M_PL_BAD_GRADE), grade ? grade : "");
		s = QD_INVALID;
	}
	if (s == QD_OK && score > 100) {
		sb_printf(err, msg(M_PL_BAD_SCORE), "> 100");
		s = QD_INVALID;
	}
	if (s == QD_OK)
		s = model_iso_date(on, day_buf, &day, err);
	if (s == QD_OK && str_empty(day))
		day = today_iso(today);
	if (s != QD_OK || (s = model_begin(q, err)) != QD_OK)
		return s;
	s = load(q, id, expect_version, &p, err);
	if (s == QD_OK && p.status != PL_SIGNED)
		s = bad_state(&p, M_PL_ACT_ASSESS, err);
	char *before = s == QD_OK ? store_canon(q->db, "pledge", id) : NULL;
	model_now(now);
	if (s == QD_OK)
		s = stored(q, store_pledge_assess(q->db, id, p.version, pledge_grades[g], score, day,
						  note, now), &p, err);
	if (s == QD_OK)
		s = audit_pledge(q, "assess", id, before, NULL, NULL, err);
	free(before);
	pledge_clear(&p);
	return model_end(q, s, err);
}

enum qd_status qd_pledge_archive(struct qd *q, long long id, struct strbuf *err)
{
	char now[32];
	struct pledge p = {0};
	enum qd_status s = model_need_admin(q, M_PL_ACT_ARCHIVE, err);
	if (s != QD_OK || (s = model_begin(q, err)) != QD_OK)
		return s;
	s = load(q, id, 0, &p, err);
	if (s == QD_OK && p.status != PL_ASSESSED)
		s = bad_state(&p, M_PL_ACT_ARCHIVE, err);
	char *before = s == QD_OK ? store_canon(q->db, "pledge", id) : NULL;
	model_now(now);
	if (s == QD_OK)
		s = stored(q, store_pledge_status(q->db, id, p.version, "archived", now), &p, err);
	if (s == QD_OK)
		s = audit_pledge(q, "archive", id, before, NULL, NULL, err);
	free(before);
	pledge_clear(&p);
	return model_end(q, s, err);
}

/* Void inside the caller's transaction. */
static enum qd_status void_one(struct qd *q, struct pledge *p, const char *reason,
			       long long successor_id, struct strbuf *err)
{
	char now[32];
	enum qd_status s = QD_OK;
	if (p->status == PL_ARCHIVED || p->status == PL_VOID)
		return bad_state(p, M_PL_ACT_VOID, err);
	if (successor_id == p->id) {
		sb_puts(err, msg(M_PL_SUCCESSOR_SELF));
		return QD_INVALID;
	}
	if (successor_id) {
		struct pledge next = {0};
		s = qd_pledge_get(q, successor_id, &next, err);
		if (s == QD_OK && next.status == PL_VOID) {
			sb_printf(err, msg(M_PL_SUCCESSOR_VOID), successor_id);
			s = QD_INVALID;
		}
		pledge_clear(&next);
		if (s != QD_OK)
			return s;
	}
	char *before = store_canon(q->db, "pledge", p->id);
	model_now(now);
	s = stored(q, store_pledge_void(q->db, p->id, p->version, reason, successor_id, now), p, err);
	if (s == QD_OK)
		s = audit_pledge(q, "void", p->id, before, "reason", reason, err);
	free(before);
	return s;
}

enum qd_status qd_pledge_void(struct qd *q, long long id, int expect_version, const char *reason,
			      long long successor_id, struct strbuf *err)
{
	struct pledge p = {0};
	enum qd_status s = model_need_admin(q, M_PL_ACT_VOID, err);
	if (s == QD_OK && str_empty(reason)) {
		sb_printf(err, msg(M_REASON_REQUIRED), msg(M_PL_ACT_VOID));
		s = QD_INVALID;
	}
	if (s != QD_OK || (s = model_begin(q, err)) != QD_OK)
		return s;
	s = load(q, id, expect_version, &p, err);
	if (s == QD_OK)
		s = void_one(q, &p, reason, successor_id, err);
	pledge_clear(&p);
	return model_end(q, s, err);
}

enum qd_status qd_pledge_reissue(struct qd *q, long long id, const char *reason,
				 const struct pledge_fields *f, long long *new_id, struct strbuf *err)
{
	char due_buf[11], now[32];
	const char *due = NULL;
	struct pledge p = {0};
	enum qd_status s = model_need_admin(q, M_PL_ACT_VOID, err);
	if (s == QD_OK && str_empty(reason)) {
		sb_printf(err, msg(M_REASON_REQUIRED), msg(M_PL_ACT_VOID));
		s = QD_INVALID;
	}
	if (s == QD_OK && f->title && !*f->title) {
		sb_printf(err, msg(M_EMPTY_FIELD), msg(M_PL_F_TITLE));
		s = QD_INVALID;
	}
	if (s == QD_OK)
		s = model_iso_date(f->due, due_buf, &due, err);
	if (s != QD_OK || (s = model_begin(q, err)) != QD_OK)
		return s;
	s = load(q, id, 0, &p, err);
	if (s == QD_OK && (p.status == PL_ARCHIVED || p.status == PL_VOID))
		s = bad_state(&p, M_PL_ACT_VOID, err);
	long long issuer = f->issuer_id ? f->issuer_id : p.issuer_id;
	long long signer = f->signer_id ? f->signer_id : p.signer_id;
	if (s == QD_OK)
		s = check_parties(q, issuer, signer, err);
	model_now(now);
	/* the copy keeps the old year: a successor replaces a pledge of that year */
	if (s == QD_OK)
		s = store_pledge_insert(q->db, p.year, f->title ? f->title : p.title,
					f->body ? f->body : p.body, issuer, signer,
					due ? due : p.sign_due, "draft", now, new_id);
	if (s == QD_OK)
		s = audit_pledge(q, "add", *new_id, NULL, NULL, NULL, err);
	if (s == QD_OK && p.status != PL_DRAFT)
		s = issue_one(q, *new_id, err);
	if (s == QD_OK)
		s = void_one(q, &p, reason, *new_id, err);
	if (s != QD_OK && err->len == 0)
		db_error(q->db, err);
	pledge_clear(&p);
	return model_end(q, s, err);
}
