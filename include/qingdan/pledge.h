/* pledge.h — accountability pledges (责任书): their state machine, the two
 * parties' signatures, batch issue and the rules of who may do what
 * (DESIGN §2, §4; notes/domain.md §3.3).
 *
 *   draft 拟订 ─issue→ issued 待签 ─both parties signed→ signed 已签订
 *        ─assess→ assessed 已考核 ─archive→ archived 归档
 *   any state but archived (and void) ─void (reason, optional successor)→ void 作废
 *
 * A signature records, per party (甲方 issuer / 乙方 signer): the day, the
 * person who actually signed, the method (paper: entered from the paper copy
 * by whoever recorded it; tui: signed in qingdan by the party logged in as
 * themself), who recorded it, and the proxy flag 代签 with its note.  Proxy
 * signing is a violation: every view shows it in red.  The first signature
 * freezes the pledge: title, body, parties and due date can no longer
 * change, and the body's SHA-256 is stored; a changed text needs a successor
 * (qd_pledge_reissue voids the old pledge and links the new one).
 * overdue 逾期未签 is derived, never stored: issued and sign_due < today.
 *
 * Who (§4): admins do everything; the signer may sign the signer party of
 * their own pledge and the issuer the issuer party, in person only (no
 * proxy, no one else's name); everyone else reads.  Every write checks that,
 * validates, writes and appends its audit row in one transaction, or does
 * nothing and says why in err.  No curses and no SQL here. */
#ifndef QINGDAN_PLEDGE_H
#define QINGDAN_PLEDGE_H

#include "qingdan/model.h"
#include "qingdan/paper.h"

enum pledge_status { PL_DRAFT, PL_ISSUED, PL_SIGNED, PL_ASSESSED, PL_ARCHIVED, PL_VOID, PL__COUNT };
const char *pledge_status_code(enum pledge_status s);    /* "issued" */
const char *pledge_status_label(enum pledge_status s);   /* 待签 / issued */
int pledge_status_parse(const char *s);                  /* code or 中文; -1 */

enum pledge_party { PARTY_ISSUER, PARTY_SIGNER };
const char *pledge_party_code(enum pledge_party p);      /* "issuer" */
const char *pledge_party_label(enum pledge_party p);     /* 甲方 / issuer */
int pledge_party_parse(const char *s);                   /* issuer|signer|甲方|乙方; -1 */

/* The grades of an assessment, in order; -1 if not one of them. */
int pledge_grade_parse(const char *s);
extern const char *const pledge_grades[4];               /* 优秀 合格 基本合格 不合格 */

enum pledge_method { PM_AUTO, PM_PAPER, PM_TUI };

/* One party's signature as stored (all NULL / 0 while unsigned). */
struct pledge_sig {
	char *on;                  /* ISO day, NULL = not signed */
	long long by_id;           /* who actually signed; 0 = not known (see note) */
	char *by_name;
	char *method;              /* "paper" or "tui" */
	int proxy;                 /* 代签 */
	char *proxy_note;
	long long recorded_by;
	char *recorded_name;
};

struct pledge {
	long long id, issuer_id, signer_id, successor_id, predecessor_id;
	int year, version;
	enum pledge_status status;
	char *title, *body, *body_sha256, *sign_due;
	char *issuer_name, *issuer_post, *signer_name, *signer_post, *signer_org;
	struct pledge_sig sig[2];  /* indexed by enum pledge_party */
	char *grade, *assessed_on, *assess_note, *void_reason;
	double score;
	int has_score;
	char *created_at, *updated_at;
	/* derived */
	int overdue;               /* issued and sign_due < today */
	int body_ok;               /* body still matches body_sha256 (1 when not frozen) */
};
void pledge_clear(struct pledge *p);
void pledges_free(struct pledge *ps, int n);
/* Either party signed by proxy. */
int pledge_has_proxy(const struct pledge *p);

/* ---- reading ---- */
enum qd_status qd_pledge_get(struct qd *q, long long id, struct pledge *p, struct strbuf *err);

struct pledge_filter {
	int year;                  /* 0 = every year */
	int status;                /* -1 = any */
	int overdue;               /* only overdue ones */
	int proxy;                 /* only those with a proxy signature */
	long long signer_id, issuer_id, person_id;   /* 0 = any; person = either party */
	const char *search;        /* part of the title or of either party's name; NULL = any */
};
#define PLEDGE_FILTER_INIT {0, -1, 0, 0, 0, 0, 0, NULL}
/* Keyset paging in id order: up to `limit` pledges next to from_id, those
 * after it for dir > 0 (from_id 0: from the first), those before it for
 * dir < 0 (from_id 0: up to the last); either way in ascending id order. */
enum qd_status qd_pledge_page(struct qd *q, const struct pledge_filter *f, long long from_id,
			      int dir, int limit, struct pledge **out, int *n, struct strbuf *err);
/* The progress of a year: issued = pledges handed out (issued or later, not
 * void), signed = of those signed or later, overdue = issued past sign_due. */
struct pledge_progress {
	int total, drafts, issued, signed_, overdue, proxy, voided;
};
enum qd_status qd_pledge_progress(struct qd *q, int year, struct pledge_progress *pp,
				  struct strbuf *err);
/* "已签订 45/50 · 逾期未签 3 · 代签 1" in the current language (malloc'd). */
char *pledge_progress_text(const struct pledge_progress *pp);

/* A pledge text from a file ("-" = stdin) read through infile.h: a regular
 * file of at most INFILE_MAX_BODY (1 MB), else refused with a message;
 * UTF-8 (else refused with a message), BOM dropped, CRLF made LF, trailing blank lines dropped.
 * *out malloc'd. */
enum qd_status pledge_body_from_file(const char *path, char **out, struct strbuf *err);

/* ---- who may (for menus and read-only views; the writes check again) ---- */
int qd_may_manage_pledges(struct qd *q);
int qd_may_sign_pledge(struct qd *q, const struct pledge *p, enum pledge_party party);

/* ---- writing ---- */
struct pledge_fields {
	const char *title, *body;  /* NULL = unchanged (set) */
	const char *due;           /* sign_due, any accepted date form; "" = none */
	long long issuer_id, signer_id;   /* 0 = unchanged (set) */
};
#define PLEDGE_FIELDS_INIT {NULL, NULL, NULL, 0, 0}

/* The people a batch goes to: the active members of org_id and of the orgs
 * under it (0 = no org rule) together with the active people whose post
 * matches `post` (NULL = no post rule; see pledge_post_matches), each once,
 * in org and list order.  *ids is malloc'd. */
enum qd_status qd_pledge_audience(struct qd *q, long long org_id, const char *post,
				  long long **ids, int *n, struct strbuf *err);
/* The post rule: POST is one or more words separated by '|', ',' or '，';
 * a post matches when it contains any of them.  The word 班子成员 (the
 * leadership team, which no one has as a post) stands for 党组书记, 党组副书记
 * and 党组成员. */
int pledge_post_matches(const char *post, const char *rule);

/* One pledge from the template f (title, body, due, issuer) for each of the
 * n signers, for q->year, in one transaction; issue: issue them at once.
 * The issuer is never their own signer, and a signer who already holds a
 * live (not void) pledge of the same title and year is skipped: both are
 * reported, one line each, in `skipped` (may be NULL).  ids[] (n long)
 * receives the new ids, *added their count; nothing added is QD_INVALID. */
enum qd_status qd_pledge_add(struct qd *q, const struct pledge_fields *f, const long long *signers,
			     int n, int issue, long long *ids, int *added, struct strbuf *skipped,
			     struct strbuf *err);
/* Change an unsigned pledge (draft, or issued with no signature yet). */
enum qd_status qd_pledge_set(struct qd *q, long long id, int expect_version,
			     const struct pledge_fields *f, struct strbuf *err);
enum qd_status qd_pledge_issue(struct qd *q, long long id, struct strbuf *err);

struct pledge_sign {
	const char *on;            /* day; NULL/"" = today */
	long long by_id;           /* who actually signed; 0 = the party (or unknown with a proxy note) */
	const char *proxy_note;    /* non-empty = 代签 */
	enum pledge_method method; /* PM_AUTO: tui when the party signs for themself, else paper */
};
enum qd_status qd_pledge_sign(struct qd *q, long long id, int expect_version,
			      enum pledge_party party, const struct pledge_sign *a,
			      struct strbuf *err);
/* grade: one of pledge_grades; score < 0 = none (else 0..100); on NULL = today. */
enum qd_status qd_pledge_assess(struct qd *q, long long id, int expect_version, const char *grade,
				double score, const char *on, const char *note, struct strbuf *err);
enum qd_status qd_pledge_archive(struct qd *q, long long id, struct strbuf *err);
/* successor_id 0 = none. */
enum qd_status qd_pledge_void(struct qd *q, long long id, int expect_version, const char *reason,
			      long long successor_id, struct strbuf *err);
/* Void the pledge (reason) and create its successor in one step: a copy
 * with the changes in f applied (NULL fields keep the old value), issued at
 * once unless the old one was a draft.  *new_id receives its id. */
enum qd_status qd_pledge_reissue(struct qd *q, long long id, const char *reason,
				 const struct pledge_fields *f, long long *new_id, struct strbuf *err);

/* ---- print (pledge_print.c) ---- */
struct doc;
/* The pledge as a print document: a new group with title, parties, proxy
 * warnings in red, the body (its last paragraph kept with the signatures),
 * the 甲方（盖章）/乙方 signature areas; the 校验码 and the record line
 * (number, year, state, how signed, assessment, text digest) in the footer.  Logs the print in the
 * audit chain (qd_print_code); *code receives the code (malloc'd). */
enum qd_status pledge_doc(struct qd *q, long long id, struct doc *d, char **code,
			  struct strbuf *err);
/* `pledge print`: the pledges named by ids (nids of them), else every
 * pledge of year (status -1) or those of year in that status, in id order;
 * one group each (its own pages, page numbers and 校验码, the codes logged
 * in one transaction), to r->to (paper.h).  None found is QD_NOTFOUND with
 * a message.  res->code: the code when one pledge was printed. */
struct pledge_print_request {
	const long long *ids;
	int nids;
	int year;
	int status;
	struct paper_dest to;
};
struct pledge_print_result {
	int pledges;
	char *code;
	char *lp_output;
};
enum qd_status pledge_print(struct qd *q, const struct pledge_print_request *r,
			    struct pledge_print_result *res, struct strbuf *err);
void pledge_print_result_clear(struct pledge_print_result *res);
/* The pledge for people, field by field (title, parties, due, both
 * signatures with their proxy notes, assessment, void reason, successor and
 * predecessor, the frozen text's check), each with red set where it must
 * stand out (proxy, void, overdue, a text changed since signing).  The
 * show command and the screen both print from this. */
void pledge_describe(const struct pledge *p,
		     void (*line)(void *ctx, const char *label, const char *value, int red), void *ctx);
/* For the per-person checklist: append a heading and a table of the
 * person's pledges of the year (either party) with their state, proxy rows
 * in red; the pledge ids are appended to *ids, *nids (malloc'd array, for
 * the print code).  Returns how many pledges (0: nothing is added). */
int pledge_doc_person(struct qd *q, struct doc *d, long long person_id, int year, long long **ids,
		      int *nids);

/* ---- demo (demo_pledge.c) ---- */
/* The demo year's pledges (data/demo/pledges.tsv), for demo_load(): inside
 * its transaction, with q->system set. */
enum qd_status pledge_demo_load(struct qd *q, struct strbuf *err);

#endif
