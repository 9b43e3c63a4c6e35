/* t_pledge.c — unit tests of the pledge model (责任书) on in-memory
 * databases: every transition and every refusal, signatures and the freeze
 * of the text, proxy signing, permissions in enforced mode, batch issue,
 * overdue, re-issue, the print document and its code, tampering found by
 * audit verify, and the demo's pledges. */
#include <stdlib.h>
#include <string.h>

#include "qingdan/date.h"
#include "qingdan/db.h"
#include "qingdan/demo.h"
#include "qingdan/doc.h"
#include "qingdan/model.h"
#include "qingdan/msg.h"
#include "qingdan/pledge.h"
#include "qingdan/store.h"
#include "qingdan/store_pledge.h"
#include "qingdan/text.h"
#include "tt.h"

static struct qd q;
static struct strbuf err;
static long long boss, lead, member, officer;   /* people of open_office() */

static void open_mem(void)
{
	memset(&q, 0, sizeof q);
	q.year = 2026;
	date_set_today(date_from_ymd(2026, 6, 30));
	if (qd_open(&q, tt_db(NULL), DB_CREATE, &err) != QD_OK || qd_ensure_defaults(&q, &err) != QD_OK)
		abort();
}

static long long person(const char *name, const char *post, const char *login, int admin,
			long long org)
{
	struct person_fields f = PERSON_FIELDS_INIT;
	long long id = 0;
	f.name = name;
	f.post = post;
	f.login = login;
	f.is_admin = admin;
	f.active = 1;
	f.org_id = org;
	CHECK_INT(qd_person_add(&q, &f, &id, &err), QD_OK);
	return id;
}

/* Open mode (no admin login yet): a 党组 of three and an officer. */
static void open_office(void)
{
	open_mem();
	boss = person("赵书记", "党组书记、局长", "zhao", 0, 0);
	lead = person("陈副局长", "党组成员、副局长", "chen", 0, 0);
	member = person("林支书", "支部书记、处长", "lin", 0, 0);
	officer = person("王干事", "党务干事", NULL, 0, 0);
}

/* Enforce the rules: an admin with a login appears; act as `login`. */
static void enforce_as(const char *login)
{
	person("管理员", "", "admin", 1, 0);
	tt_login(&q, login);
	CHECK(q.enforced);
}

static long long add1(const char *title, long long issuer, long long signer, const char *body,
		      const char *due, int issue)
{
	struct pledge_fields f = PLEDGE_FIELDS_INIT;
	long long id = 0;
	int added = 0;
	f.title = title;
	f.body = body;
	f.due = due;
	f.issuer_id = issuer;
	CHECK_INT(qd_pledge_add(&q, &f, &signer, 1, issue, &id, &added, NULL, &err), QD_OK);
	CHECK_INT(added, 1);
	return id;
}

static long long issued(void)
{
	return add1("一岗双责责任书", boss, lead, "一、落实一岗双责。", "2026-07-31", 1);
}

static enum qd_status sign(long long id, enum pledge_party party, const char *on, long long by,
			   const char *proxy)
{
	struct pledge_sign a = {on, by, proxy, PM_AUTO};
	sb_reset(&err);
	return qd_pledge_sign(&q, id, 0, party, &a, &err);
}

static struct pledge get(long long id)
{
	struct pledge p;
	CHECK_INT(qd_pledge_get(&q, id, &p, &err), QD_OK);
	return p;
}

static int audit_rows(void)
{
	return (int)tt_num(q.db, "SELECT count(*) FROM audit");
}

static int verify_ok(void)
{
	struct strbuf r = {0}, e = {0};
	enum qd_status s = qd_audit_verify(&q, &r, &e);
	sb_free(&r);
	sb_free(&e);
	return s == QD_OK;
}

/* ---- the state machine ---- */

TEST(full_life_draft_to_archived)
{
	open_office();
	long long id = add1("一岗双责责任书", boss, lead, "一、落实一岗双责。", "2026-07-31", 0);
	struct pledge p = get(id);
	CHECK_INT(p.status, PL_DRAFT);
	CHECK_INT(p.year, 2026);
	CHECK_STR(p.sign_due, "2026-07-31");
	CHECK(p.body_sha256 == NULL);
	pledge_clear(&p);
	CHECK_INT(qd_pledge_issue(&q, id, &err), QD_OK);
	CHECK_INT(sign(id, PARTY_ISSUER, "2026/6/1", 0, NULL), QD_OK);
	p = get(id);
	CHECK_INT(p.status, PL_ISSUED);            /* one party is not enough */
	CHECK_STR(p.sig[PARTY_ISSUER].on, "2026-06-01");
	CHECK_INT(p.sig[PARTY_ISSUER].by_id, boss);
	CHECK_STR(p.sig[PARTY_ISSUER].method, "paper");
	CHECK(p.body_sha256 != NULL);              /* frozen at the first signature */
	CHECK(p.body_ok);
	pledge_clear(&p);
	CHECK_INT(sign(id, PARTY_SIGNER, NULL, 0, NULL), QD_OK);
	p = get(id);
	CHECK_INT(p.status, PL_SIGNED);
	CHECK_STR(p.sig[PARTY_SIGNER].on, "2026-06-30");  /* default: today */
	pledge_clear(&p);
	CHECK_INT(qd_pledge_assess(&q, id, 0, "优秀", 95, NULL, "述责述廉良好", &err), QD_OK);
	p = get(id);
	CHECK_INT(p.status, PL_ASSESSED);
	CHECK_STR(p.grade, "优秀");
	CHECK(p.has_score && p.score == 95);
	CHECK_STR(p.assessed_on, "2026-06-30");
	CHECK_STR(p.assess_note, "述责述廉良好");
	pledge_clear(&p);
	CHECK_INT(qd_pledge_archive(&q, id, &err), QD_OK);
	p = get(id);
	CHECK_INT(p.status, PL_ARCHIVED);
	pledge_clear(&p);
	/* every change is one audit row of the pledge */
	char *n = tt_text(q.db, TT_SQL("SELECT group_concat(action, ',') FROM audit WHERE entity = 'pledge'",
				       "SELECT string_agg(action, ',' ORDER BY seq) FROM audit WHERE entity = 'pledge'"));
	CHECK_STR(n, "add,issue,sign,sign,assess,archive");
	free(n);
	char *party = tt_text(q.db, TT_SQL("SELECT json_extract(detail, '$.party') FROM audit WHERE action = 'sign' "
					   "ORDER BY seq LIMIT 1",
					   "SELECT detail::json->>'party' FROM audit WHERE action = 'sign' "
					   "ORDER BY seq LIMIT 1"));
	CHECK_STR(party, "issuer");
	free(party);
	CHECK(verify_ok());
}

TEST(sign_a_draft_is_refused)
{
	open_office();
	long long id = add1("责任书", boss, lead, "正文", NULL, 0);
	int before = audit_rows();
	CHECK_INT(sign(id, PARTY_SIGNER, NULL, 0, NULL), QD_INVALID);
	CHECK_CONTAINS(err.s, "尚未下发");
	CHECK_CONTAINS(err.s, "pledge issue");
	CHECK_INT(audit_rows(), before);           /* a refusal writes nothing */
}

TEST(sign_twice_is_refused)
{
	open_office();
	long long id = issued();
	CHECK_INT(sign(id, PARTY_SIGNER, "2026-06-02", 0, NULL), QD_OK);
	int before = audit_rows();
	CHECK_INT(sign(id, PARTY_SIGNER, "2026-06-03", 0, NULL), QD_INVALID);
	CHECK_CONTAINS(err.s, "已于 2026-06-02 签字");
	CHECK_INT(audit_rows(), before);
	CHECK_INT(sign(id, PARTY_ISSUER, NULL, 0, NULL), QD_OK);
	CHECK_INT(sign(id, PARTY_ISSUER, NULL, 0, NULL), QD_INVALID);
	struct pledge p = get(id);
	CHECK_STR(p.sig[PARTY_SIGNER].on, "2026-06-02");
	pledge_clear(&p);
}

TEST(sign_in_the_future_or_bad_date_is_refused)
{
	open_office();
	long long id = issued();
	CHECK_INT(sign(id, PARTY_SIGNER, "2026-07-01", 0, NULL), QD_INVALID);
	CHECK_CONTAINS(err.s, "晚于今天");
	CHECK_INT(sign(id, PARTY_SIGNER, "2026-02-30", 0, NULL), QD_INVALID);
}

TEST(change_of_a_signed_body_is_refused)
{
	open_office();
	long long id = issued();
	struct pledge_fields f = PLEDGE_FIELDS_INIT;
	f.body = "一、落实一岗双责（修订）。";
	CHECK_INT(qd_pledge_set(&q, id, 0, &f, &err), QD_OK);   /* unsigned: fine */
	CHECK_INT(sign(id, PARTY_ISSUER, NULL, 0, NULL), QD_OK);
	int before = audit_rows();
	f.body = "再改一次";
	sb_reset(&err);
	CHECK_INT(qd_pledge_set(&q, id, 0, &f, &err), QD_INVALID);
	CHECK_CONTAINS(err.s, "已锁定");
	CHECK_CONTAINS(err.s, "pledge reissue");
	struct pledge_fields t = PLEDGE_FIELDS_INIT;
	t.due = "2026-12-31";
	CHECK_INT(qd_pledge_set(&q, id, 0, &t, &err), QD_INVALID);
	CHECK_INT(audit_rows(), before);
	struct pledge p = get(id);
	CHECK_STR(p.body, "一、落实一岗双责（修订）。");
	pledge_clear(&p);
}

TEST(set_validates)
{
	open_office();
	long long id = add1("责任书", boss, lead, "", NULL, 0);
	struct pledge_fields f = PLEDGE_FIELDS_INIT;
	CHECK_INT(qd_pledge_set(&q, id, 0, &f, &err), QD_INVALID);          /* nothing */
	f.title = "";
	CHECK_INT(qd_pledge_set(&q, id, 0, &f, &err), QD_INVALID);
	f.title = NULL;
	f.signer_id = boss;                                                    /* with themself */
	sb_reset(&err);
	CHECK_INT(qd_pledge_set(&q, id, 0, &f, &err), QD_INVALID);
	CHECK_CONTAINS(err.s, "同一人");
	/* an empty text cannot be issued */
	sb_reset(&err);
	CHECK_INT(qd_pledge_issue(&q, id, &err), QD_INVALID);
	CHECK_CONTAINS(err.s, "没有正文");
	struct pledge_fields b = PLEDGE_FIELDS_INIT;
	b.body = "正文";
	b.due = "2026年7月15日";
	CHECK_INT(qd_pledge_set(&q, id, 0, &b, &err), QD_OK);
	CHECK_INT(qd_pledge_issue(&q, id, &err), QD_OK);
	CHECK_INT(qd_pledge_issue(&q, id, &err), QD_INVALID);               /* issue twice */
	struct pledge p = get(id);
	CHECK_STR(p.sign_due, "2026-07-15");
	/* a stale version is refused */
	struct pledge_fields t = PLEDGE_FIELDS_INIT;
	t.title = "新标题";
	sb_reset(&err);
	CHECK_INT(qd_pledge_set(&q, id, p.version - 1, &t, &err), QD_CONFLICT);
	CHECK_CONTAINS(err.s, "已被他人修改");
	CHECK_INT(qd_pledge_set(&q, id, p.version, &t, &err), QD_OK);
	pledge_clear(&p);
}

TEST(assess_and_archive_need_their_state)
{
	open_office();
	long long id = issued();
	CHECK_INT(qd_pledge_assess(&q, id, 0, "合格", -1, NULL, NULL, &err), QD_INVALID);
	CHECK_INT(qd_pledge_archive(&q, id, &err), QD_INVALID);
	CHECK_INT(sign(id, PARTY_ISSUER, NULL, 0, NULL), QD_OK);
	CHECK_INT(sign(id, PARTY_SIGNER, NULL, 0, NULL), QD_OK);
	CHECK_INT(qd_pledge_archive(&q, id, &err), QD_INVALID);      /* not assessed yet */
	sb_reset(&err);
	CHECK_INT(qd_pledge_assess(&q, id, 0, "很好", -1, NULL, NULL, &err), QD_INVALID);
	CHECK_CONTAINS(err.s, "基本合格");
	CHECK_INT(qd_pledge_assess(&q, id, 0, "合格", 101, NULL, NULL, &err), QD_INVALID);
	CHECK_INT(qd_pledge_assess(&q, id, 0, "基本合格", -1, "2026-06-15", NULL, &err), QD_OK);
	struct pledge p = get(id);
	CHECK(!p.has_score);
	CHECK_STR(p.grade, "基本合格");
	pledge_clear(&p);
	CHECK_INT(qd_pledge_assess(&q, id, 0, "优秀", 99, NULL, NULL, &err), QD_INVALID);
	CHECK_INT(qd_pledge_archive(&q, id, &err), QD_OK);
}

TEST(void_from_every_state_but_archived)
{
	open_office();
	long long draft = add1("甲", boss, lead, "正文", NULL, 0);
	long long iss = add1("乙", boss, lead, "正文", NULL, 1);
	long long sig = add1("丙", boss, lead, "正文", NULL, 1);
	CHECK_INT(sign(sig, PARTY_ISSUER, NULL, 0, NULL), QD_OK);
	CHECK_INT(sign(sig, PARTY_SIGNER, NULL, 0, NULL), QD_OK);
	long long ass = add1("丁", boss, lead, "正文", NULL, 1);
	CHECK_INT(sign(ass, PARTY_ISSUER, NULL, 0, NULL), QD_OK);
	CHECK_INT(sign(ass, PARTY_SIGNER, NULL, 0, NULL), QD_OK);
	CHECK_INT(qd_pledge_assess(&q, ass, 0, "合格", 80, NULL, NULL, &err), QD_OK);
	long long arc = add1("戊", boss, lead, "正文", NULL, 1);
	CHECK_INT(sign(arc, PARTY_ISSUER, NULL, 0, NULL), QD_OK);
	CHECK_INT(sign(arc, PARTY_SIGNER, NULL, 0, NULL), QD_OK);
	CHECK_INT(qd_pledge_assess(&q, arc, 0, "合格", 80, NULL, NULL, &err), QD_OK);
	CHECK_INT(qd_pledge_archive(&q, arc, &err), QD_OK);

	sb_reset(&err);
	CHECK_INT(qd_pledge_void(&q, draft, 0, "", 0, &err), QD_INVALID);    /* reason required */
	CHECK_CONTAINS(err.s, "原因");
	long long ids[] = {draft, iss, sig, ass};
	for (int i = 0; i < 4; i++)
		CHECK_INT(qd_pledge_void(&q, ids[i], 0, "误发", 0, &err), QD_OK);
	int before = audit_rows();
	sb_reset(&err);
	CHECK_INT(qd_pledge_void(&q, arc, 0, "误发", 0, &err), QD_INVALID);
	CHECK_CONTAINS(err.s, "归档");
	CHECK_INT(qd_pledge_void(&q, draft, 0, "再作废", 0, &err), QD_INVALID);   /* void twice */
	CHECK_INT(audit_rows(), before);
	struct pledge p = get(iss);
	CHECK_INT(p.status, PL_VOID);
	CHECK_STR(p.void_reason, "误发");
	pledge_clear(&p);
	char *r = tt_text(q.db, TT_SQL("SELECT json_extract(detail, '$.reason') FROM audit WHERE action = 'void' LIMIT 1",
				       "SELECT detail::json->>'reason' FROM audit WHERE action = 'void' LIMIT 1"));
	CHECK_STR(r, "误发");
	free(r);
	/* signing or editing a void pledge */
	CHECK_INT(sign(iss, PARTY_SIGNER, NULL, 0, NULL), QD_INVALID);
	CHECK(verify_ok());
}

TEST(void_with_successor_and_reissue)
{
	open_office();
	long long a = issued(), b = add1("新版", boss, lead, "新正文", NULL, 1);
	CHECK_INT(qd_pledge_void(&q, a, 0, "改版", a, &err), QD_INVALID);   /* itself */
	CHECK_INT(qd_pledge_void(&q, a, 0, "改版", 999, &err), QD_NOTFOUND);
	CHECK_INT(qd_pledge_void(&q, a, 0, "改版", b, &err), QD_OK);
	struct pledge p = get(a);
	CHECK_INT(p.successor_id, b);
	pledge_clear(&p);
	p = get(b);
	CHECK_INT(p.predecessor_id, a);
	pledge_clear(&p);
	/* reissue: void + successor copy with a new text, issued at once */
	long long c = issued(), next = 0;
	CHECK_INT(sign(c, PARTY_ISSUER, NULL, 0, NULL), QD_OK);
	struct pledge_fields f = PLEDGE_FIELDS_INIT;
	f.body = "一、落实一岗双责（第二版）。";
	CHECK_INT(qd_pledge_reissue(&q, c, "正文漏项", &f, &next, &err), QD_OK);
	p = get(c);
	CHECK_INT(p.status, PL_VOID);
	CHECK_INT(p.successor_id, next);
	CHECK_STR(p.body, "一、落实一岗双责。");        /* the old text stays as signed */
	pledge_clear(&p);
	p = get(next);
	CHECK_INT(p.status, PL_ISSUED);
	CHECK_STR(p.body, "一、落实一岗双责（第二版）。");
	CHECK_STR(p.title, "一岗双责责任书");
	CHECK_STR(p.sign_due, "2026-07-31");
	CHECK_INT(p.signer_id, lead);
	CHECK(p.sig[PARTY_ISSUER].on == NULL);       /* signatures start afresh */
	pledge_clear(&p);
	CHECK_INT(qd_pledge_reissue(&q, c, "再来", &f, &next, &err), QD_INVALID);  /* void already */
	CHECK_INT(qd_pledge_reissue(&q, next, "", &f, &next, &err), QD_INVALID);   /* no reason */
	CHECK(verify_ok());
}

/* ---- signatures: proxy, method, permissions ---- */

TEST(proxy_signature_is_flagged_with_its_note)
{
	open_office();
	long long id = issued();
	/* someone else signed: that is a proxy and needs its note */
	CHECK_INT(sign(id, PARTY_SIGNER, NULL, member, NULL), QD_INVALID);
	CHECK_CONTAINS(err.s, "代签");
	CHECK_INT(sign(id, PARTY_SIGNER, "2026-06-10", member, "本人出差，由林支书代签"), QD_OK);
	struct pledge p = get(id);
	CHECK_INT(p.sig[PARTY_SIGNER].proxy, 1);
	CHECK_STR(p.sig[PARTY_SIGNER].proxy_note, "本人出差，由林支书代签");
	CHECK_INT(p.sig[PARTY_SIGNER].by_id, member);
	CHECK_STR(p.sig[PARTY_SIGNER].by_name, "林支书");
	CHECK_STR(p.sig[PARTY_SIGNER].method, "paper");
	CHECK(pledge_has_proxy(&p));
	pledge_clear(&p);
	/* a proxy note without a name: the actual signer is not known */
	long long other = add1("另一份", boss, lead, "正文", NULL, 1);
	CHECK_INT(sign(other, PARTY_SIGNER, NULL, 0, "他人代签"), QD_OK);
	p = get(other);
	CHECK_INT(p.sig[PARTY_SIGNER].by_id, 0);
	CHECK_INT(p.sig[PARTY_SIGNER].proxy, 1);
	pledge_clear(&p);
	struct pledge_progress pp;
	CHECK_INT(qd_pledge_progress(&q, 2026, &pp, &err), QD_OK);
	CHECK_INT(pp.proxy, 2);
	char *line = pledge_progress_text(&pp);
	CHECK_CONTAINS(line, "代签 2");
	free(line);
}

TEST(proxy_shows_in_listing_print_and_checklist)
{
	open_office();
	long long id = issued();
	CHECK_INT(sign(id, PARTY_ISSUER, NULL, 0, NULL), QD_OK);
	CHECK_INT(sign(id, PARTY_SIGNER, NULL, member, "由林支书代签"), QD_OK);
	struct doc *d = doc_new("t");
	char *code = NULL;
	CHECK_INT(pledge_doc(&q, id, d, &code, &err), QD_OK);
	/* the warning is a red row */
	int red = 0;
	for (int i = 0; i < d->groups[0].nblocks; i++) {
		struct doc_block *b = &d->groups[0].blocks[i];
		if (b->kind == DOC_TABLE && b->table->nrows && (b->table->rows[0].flags & DOC_ROW_RED) &&
		    strstr(b->table->rows[0].cells[0], "由林支书代签"))
			red = 1;
	}
	CHECK(red);
	doc_free(&d);
	free(code);
	/* the person's checklist section: the row is red too */
	d = doc_new("t");
	long long *ids = NULL;
	int nids = 0;
	CHECK_INT(pledge_doc_person(&q, d, lead, 2026, &ids, &nids), 1);
	CHECK_INT(nids, 1);
	CHECK_INT(ids[0], id);
	struct doc_table *t = d->groups[0].blocks[1].table;
	CHECK(t && t->nrows == 1 && (t->rows[0].flags & DOC_ROW_RED));
	CHECK_STR(t->rows[0].cells[1], "乙方");
	CHECK_STR(t->rows[0].cells[3], "已签订");
	CHECK_CONTAINS(t->rows[0].cells[5], "代签");
	free(ids);
	doc_free(&d);
	/* nothing for someone without pledges */
	d = doc_new("t");
	ids = NULL;
	nids = 0;
	CHECK_INT(pledge_doc_person(&q, d, officer, 2026, &ids, &nids), 0);
	CHECK_INT(d->ngroups, 0);
	doc_free(&d);
}

TEST(enforced_non_admin_signs_only_their_own_party)
{
	open_office();
	long long id = issued();
	enforce_as("chen");                        /* 陈副局长, the signer */
	CHECK(!q.actor_admin);
	struct pledge p = get(id);
	CHECK(qd_may_sign_pledge(&q, &p, PARTY_SIGNER));
	CHECK(!qd_may_sign_pledge(&q, &p, PARTY_ISSUER));
	CHECK(!qd_may_manage_pledges(&q));
	pledge_clear(&p);
	int before = audit_rows();
	CHECK_INT(sign(id, PARTY_ISSUER, NULL, 0, NULL), QD_DENIED);
	CHECK_CONTAINS(err.s, "只有本人或管理员");
	CHECK_INT(sign(id, PARTY_SIGNER, NULL, member, "x"), QD_DENIED);     /* no proxies */
	CHECK_INT(sign(id, PARTY_SIGNER, "2026-06-01", 0, NULL), QD_INVALID); /* e-signing is today */
	CHECK_INT(audit_rows(), before);
	CHECK_INT(sign(id, PARTY_SIGNER, NULL, 0, NULL), QD_OK);
	p = get(id);
	CHECK_STR(p.sig[PARTY_SIGNER].method, "tui");
	CHECK_INT(p.sig[PARTY_SIGNER].recorded_by, lead);
	CHECK_INT(p.sig[PARTY_SIGNER].by_id, lead);
	pledge_clear(&p);
	/* a third person signing someone else's pledge */
	tt_login(&q, "lin");
	CHECK_INT(sign(id, PARTY_ISSUER, NULL, 0, NULL), QD_DENIED);
	/* nor may they manage pledges */
	struct pledge_fields f = PLEDGE_FIELDS_INIT;
	f.title = "x";
	f.body = "y";
	f.issuer_id = boss;
	long long ids[1];
	int added = 0;
	sb_reset(&err);
	CHECK_INT(qd_pledge_add(&q, &f, &member, 1, 0, ids, &added, NULL, &err), QD_DENIED);
	CHECK_CONTAINS(err.s, "只有管理员");
	CHECK_INT(qd_pledge_void(&q, id, 0, "x", 0, &err), QD_DENIED);
	CHECK_INT(qd_pledge_issue(&q, id, &err), QD_DENIED);
	/* the issuer signs the issuer party */
	tt_login(&q, "zhao");
	CHECK_INT(sign(id, PARTY_ISSUER, NULL, 0, NULL), QD_OK);
	p = get(id);
	CHECK_INT(p.status, PL_SIGNED);
	pledge_clear(&p);
	/* an unregistered login reads only */
	tt_login(&q, "stranger");
	long long other = 0;
	CHECK_INT(qd_pledge_assess(&q, id, 0, "合格", -1, NULL, NULL, &err), QD_DENIED);
	CHECK_INT(qd_pledge_get(&q, id, &p, &err), QD_OK);
	CHECK(!qd_may_sign_pledge(&q, &p, PARTY_SIGNER));
	pledge_clear(&p);
	(void)other;
	CHECK(verify_ok());
}

TEST(admin_records_paper_and_tui_is_only_in_person)
{
	open_office();
	long long id = issued();
	enforce_as("admin");
	struct pledge_sign a = {NULL, 0, NULL, PM_TUI};
	sb_reset(&err);
	CHECK_INT(qd_pledge_sign(&q, id, 0, PARTY_SIGNER, &a, &err), QD_DENIED);
	CHECK_CONTAINS(err.s, "电子签字");
	CHECK_INT(sign(id, PARTY_SIGNER, "2026-06-20", 0, NULL), QD_OK);
	struct pledge p = get(id);
	CHECK_STR(p.sig[PARTY_SIGNER].method, "paper");
	CHECK_INT(p.sig[PARTY_SIGNER].by_id, lead);
	CHECK(p.sig[PARTY_SIGNER].recorded_by != lead && p.sig[PARTY_SIGNER].recorded_by > 0);
	CHECK_STR(p.sig[PARTY_SIGNER].recorded_name, "管理员");
	/* a stale dialog is refused */
	CHECK_INT(qd_pledge_sign(&q, id, p.version - 1, PARTY_ISSUER, &(struct pledge_sign){0}, &err),
		  QD_CONFLICT);
	pledge_clear(&p);
}

/* ---- batch ---- */

TEST(post_rule)
{
	CHECK(pledge_post_matches("党组成员、副局长", "班子成员"));
	CHECK(pledge_post_matches("党组书记、局长", "班子成员"));
	CHECK(!pledge_post_matches("机关党委专职副书记", "班子成员"));
	CHECK(pledge_post_matches("支部书记、办公室主任", "支部书记"));
	CHECK(pledge_post_matches("支部书记（退休干部）", "支部书记"));
	CHECK(!pledge_post_matches("党组成员、机关党委书记", "支部书记"));
	CHECK(pledge_post_matches("纪检委员、处长", "组织委员|纪检委员"));
	CHECK(pledge_post_matches("组织委员", "纪检委员，组织委员"));
	CHECK(pledge_post_matches("组织委员", " 宣传委员 , 组织委员 "));
	CHECK(!pledge_post_matches("党员", "组织委员|纪检委员"));
	CHECK(!pledge_post_matches("党员", ""));
	CHECK(!pledge_post_matches("党员", "||"));
}

TEST(batch_to_a_post_skips_issuer_and_holders)
{
	open_office();
	person("孙副局长", "党组成员、副局长", NULL, 0, 0);
	struct person_fields off = PERSON_FIELDS_INIT;
	off.name = "离任者";
	off.post = "党组成员";
	off.active = 0;
	long long gone = 0;
	CHECK_INT(qd_person_add(&q, &off, &gone, &err), QD_OK);
	long long *to = NULL;
	int n = 0;
	CHECK_INT(qd_pledge_audience(&q, 0, "班子成员", &to, &n, &err), QD_OK);
	CHECK_INT(n, 3);                            /* 赵, 陈, 孙; not the inactive one */
	long long already = add1("一岗双责责任书", boss, lead, "正文", NULL, 1);
	struct pledge_fields f = PLEDGE_FIELDS_INIT;
	f.title = "一岗双责责任书";
	f.body = "一、落实一岗双责。";
	f.issuer_id = boss;
	f.due = "2026-07-15";
	long long ids[3];
	int added = 0;
	struct strbuf skipped = {0};
	CHECK_INT(qd_pledge_add(&q, &f, to, n, 1, ids, &added, &skipped, &err), QD_OK);
	CHECK_INT(added, 1);
	CHECK_CONTAINS(skipped.s, "跳过 赵书记：是甲方本人");
	char *dup = xasprintf("跳过 陈副局长：已有同名责任书 #%lld（待签）", already);
	CHECK_CONTAINS(skipped.s, dup);
	free(dup);
	struct pledge p = get(ids[0]);
	CHECK_STR(p.signer_name, "孙副局长");
	CHECK_INT(p.status, PL_ISSUED);
	CHECK_STR(p.sign_due, "2026-07-15");
	pledge_clear(&p);
	/* again: nobody left, and that is said */
	sb_reset(&err);
	CHECK_INT(qd_pledge_add(&q, &f, to, n, 1, ids, &added, NULL, &err), QD_INVALID);
	CHECK_CONTAINS(err.s, "没有新增");
	CHECK_INT(added, 0);
	/* a void pledge does not count as held */
	CHECK_INT(qd_pledge_void(&q, already, 0, "误发", 0, &err), QD_OK);
	CHECK_INT(qd_pledge_add(&q, &f, to, n, 1, ids, &added, NULL, &err), QD_OK);
	CHECK_INT(added, 1);
	free(to);
	sb_free(&skipped);
	sb_reset(&err);
	CHECK_INT(qd_pledge_audience(&q, 0, "不存在的职务", &to, &n, &err), QD_NOTFOUND);
	CHECK_CONTAINS(err.s, "不存在的职务");
	free(to);
}

TEST(batch_to_an_org_includes_its_branches)
{
	open_mem();
	long long top = 0, b1 = 0, b2 = 0, other = 0;
	CHECK_INT(qd_find_org(&q, "机关党委", &top, &err), QD_OK);
	CHECK_INT(qd_org_add(&q, "第一支部", LV_BRANCH, top, &b1, &err), QD_OK);
	CHECK_INT(qd_org_add(&q, "第二支部", LV_BRANCH, top, &b2, &err), QD_OK);
	CHECK_INT(qd_org_add(&q, "别处", LV_BRANCH, 0, &other, &err), QD_OK);
	long long a = person("甲", "党员", NULL, 0, b1), b = person("乙", "党员", NULL, 0, b2);
	person("丙", "党员", NULL, 0, other);
	long long *to = NULL;
	int n = 0;
	CHECK_INT(qd_pledge_audience(&q, top, NULL, &to, &n, &err), QD_OK);
	CHECK_INT(n, 2);
	CHECK_INT(to[0], a);
	CHECK_INT(to[1], b);
	free(to);
	CHECK_INT(qd_pledge_audience(&q, b2, NULL, &to, &n, &err), QD_OK);
	CHECK_INT(n, 1);
	free(to);
	/* org and post together: both rules must hold */
	CHECK_INT(qd_pledge_audience(&q, top, "书记", &to, &n, &err), QD_NOTFOUND);
	free(to);
}

TEST(batch_is_all_or_nothing)
{
	open_office();
	struct pledge_fields f = PLEDGE_FIELDS_INIT;
	long long to[] = {lead, member, 9999};
	long long ids[3];
	int added = 0, before = audit_rows();
	f.title = "责任书";
	f.body = "正文";
	f.issuer_id = boss;
	CHECK(qd_pledge_add(&q, &f, to, 3, 1, ids, &added, NULL, &err) != QD_OK);
	CHECK_INT(added, 0);
	CHECK_INT(audit_rows(), before);
	char *n = tt_text(q.db, "SELECT count(*) FROM pledge");
	CHECK_STR(n, "0");
	free(n);
	/* issuing at once needs a text */
	f.body = NULL;
	sb_reset(&err);
	CHECK_INT(qd_pledge_add(&q, &f, to, 2, 1, ids, &added, NULL, &err), QD_INVALID);
	CHECK_CONTAINS(err.s, "--body-file");
	f.body = "正文";
	f.title = "";
	CHECK_INT(qd_pledge_add(&q, &f, to, 2, 1, ids, &added, NULL, &err), QD_INVALID);
	f.title = "责任书";
	CHECK_INT(qd_pledge_add(&q, &f, to, 0, 1, ids, &added, NULL, &err), QD_INVALID);
	f.due = "明天";
	CHECK_INT(qd_pledge_add(&q, &f, to, 2, 1, ids, &added, NULL, &err), QD_INVALID);
}

/* ---- overdue, listing, progress ---- */

TEST(overdue_is_issued_past_due)
{
	open_office();
	long long late = add1("甲", boss, lead, "正文", "2026-06-29", 1);
	long long today = add1("乙", boss, member, "正文", "2026-06-30", 1);
	long long draft = add1("丙", boss, lead, "正文", "2026-01-01", 0);
	long long done = add1("丁", boss, member, "正文", "2026-01-01", 1);
	long long none = add1("戊", boss, lead, "正文", NULL, 1);
	CHECK_INT(sign(done, PARTY_ISSUER, NULL, 0, NULL), QD_OK);
	CHECK_INT(sign(done, PARTY_SIGNER, NULL, 0, NULL), QD_OK);
	long long half = add1("己", boss, member, "正文", "2026-05-01", 1);
	CHECK_INT(sign(half, PARTY_ISSUER, NULL, 0, NULL), QD_OK);  /* one signature: still open */
	struct { long long id; int overdue; } want[] = {
		{late, 1}, {today, 0}, {draft, 0}, {done, 0}, {none, 0}, {half, 1}};
	for (size_t i = 0; i < ARRAY_SIZE(want); i++) {
		struct pledge p = get(want[i].id);
		CHECK_INT(p.overdue, want[i].overdue);
		pledge_clear(&p);
	}
	struct pledge_filter f = PLEDGE_FILTER_INIT;
	f.year = 2026;
	f.overdue = 1;
	struct pledge *ps = NULL;
	int n = 0;
	CHECK_INT(qd_pledge_page(&q, &f, 0, 1, 100, &ps, &n, &err), QD_OK);
	CHECK_INT(n, 2);
	CHECK_INT(ps[0].id, late);
	CHECK_INT(ps[1].id, half);
	pledges_free(ps, n);
	struct pledge_progress pp;
	CHECK_INT(qd_pledge_progress(&q, 2026, &pp, &err), QD_OK);
	CHECK_INT(pp.total, 6);
	CHECK_INT(pp.drafts, 1);
	CHECK_INT(pp.issued, 5);
	CHECK_INT(pp.signed_, 1);
	CHECK_INT(pp.overdue, 2);
	char *line = pledge_progress_text(&pp);
	CHECK_CONTAINS(line, "已签订 1/5 · 逾期未签 2");
	free(line);
	/* tomorrow the one due today is late too */
	date_set_today(date_from_ymd(2026, 7, 1));
	CHECK_INT(qd_pledge_progress(&q, 2026, &pp, &err), QD_OK);
	CHECK_INT(pp.overdue, 3);
}

TEST(keyset_pages_and_filters)
{
	open_office();
	for (int i = 0; i < 7; i++) {
		char title[32];
		snprintf(title, sizeof title, "责任书%d", i);
		add1(title, boss, i % 2 ? lead : member, "正文", NULL, i % 3 != 0);
	}
	struct pledge_filter f = PLEDGE_FILTER_INIT;
	struct pledge *ps = NULL;
	int n = 0, total = 0;
	long long after = 0;
	do {
		CHECK_INT(qd_pledge_page(&q, &f, after, 1, 3, &ps, &n, &err), QD_OK);
		for (int i = 0; i < n; i++) {
			CHECK(ps[i].id > after);
			after = ps[i].id;
		}
		total += n;
		pledges_free(ps, n);
	} while (n == 3);
	CHECK_INT(total, 7);
	f.signer_id = lead;
	CHECK_INT(qd_pledge_page(&q, &f, 0, 1, 100, &ps, &n, &err), QD_OK);
	CHECK_INT(n, 3);
	pledges_free(ps, n);
	f.signer_id = 0;
	f.status = PL_DRAFT;
	CHECK_INT(qd_pledge_page(&q, &f, 0, 1, 100, &ps, &n, &err), QD_OK);
	CHECK_INT(n, 3);
	pledges_free(ps, n);
	f.status = -1;
	f.person_id = boss;
	CHECK_INT(qd_pledge_page(&q, &f, 0, 1, 100, &ps, &n, &err), QD_OK);
	CHECK_INT(n, 7);
	pledges_free(ps, n);
	f.year = 2025;
	CHECK_INT(qd_pledge_page(&q, &f, 0, 1, 100, &ps, &n, &err), QD_OK);
	CHECK_INT(n, 0);
	pledges_free(ps, n);
	/* backwards: the last three, then the three before, in ascending order */
	struct pledge_filter all = PLEDGE_FILTER_INIT;
	CHECK_INT(qd_pledge_page(&q, &all, 0, -1, 3, &ps, &n, &err), QD_OK);
	CHECK_INT(n, 3);
	CHECK_INT(ps[0].id, 5);
	CHECK_INT(ps[2].id, 7);
	pledges_free(ps, n);
	CHECK_INT(qd_pledge_page(&q, &all, 5, -1, 3, &ps, &n, &err), QD_OK);
	CHECK_INT(n, 3);
	CHECK_INT(ps[0].id, 2);
	CHECK_INT(ps[2].id, 4);
	pledges_free(ps, n);
	/* search: title or either party's name, LIKE wildcards taken literally */
	all.search = "责任书3";
	CHECK_INT(qd_pledge_page(&q, &all, 0, 1, 100, &ps, &n, &err), QD_OK);
	CHECK_INT(n, 1);
	pledges_free(ps, n);
	all.search = "陈副";
	CHECK_INT(qd_pledge_page(&q, &all, 0, 1, 100, &ps, &n, &err), QD_OK);
	CHECK_INT(n, 3);
	pledges_free(ps, n);
	all.search = "%";
	CHECK_INT(qd_pledge_page(&q, &all, 0, 1, 100, &ps, &n, &err), QD_OK);
	CHECK_INT(n, 0);
	pledges_free(ps, n);
	/* proxies only */
	all.search = NULL;
	all.proxy = 1;
	CHECK_INT(sign(2, PARTY_SIGNER, NULL, member, "代签"), QD_OK);
	CHECK_INT(qd_pledge_page(&q, &all, 0, 1, 100, &ps, &n, &err), QD_OK);
	CHECK_INT(n, 1);
	CHECK_INT(ps[0].id, 2);
	pledges_free(ps, n);
}

TEST(labels_and_parsers)
{
	CHECK_INT(pledge_status_parse("issued"), PL_ISSUED);
	CHECK_INT(pledge_status_parse("待签"), PL_ISSUED);
	CHECK_INT(pledge_status_parse("归档"), PL_ARCHIVED);
	CHECK_INT(pledge_status_parse("open"), -1);
	CHECK_INT(pledge_status_parse(NULL), -1);
	CHECK_STR(pledge_status_label(PL_SIGNED), "已签订");
	CHECK_STR(pledge_status_code(PL_VOID), "void");
	CHECK_INT(pledge_party_parse("乙方"), PARTY_SIGNER);
	CHECK_INT(pledge_party_parse("issuer"), PARTY_ISSUER);
	CHECK_INT(pledge_party_parse("both"), -1);
	CHECK_INT(pledge_grade_parse("不合格"), 3);
	CHECK_INT(pledge_grade_parse("pass"), 1);
	CHECK_INT(pledge_grade_parse("良好"), -1);
	msg_set_english(1);
	CHECK_STR(pledge_status_label(PL_ISSUED), "issued");
	CHECK_STR(pledge_party_label(PARTY_ISSUER), "issuer");
	msg_set_english(0);
}

/* ---- print and verification ---- */

TEST(print_document_and_code)
{
	open_office();
	long long id = issued();
	CHECK_INT(sign(id, PARTY_ISSUER, "2026-06-01", 0, NULL), QD_OK);
	CHECK_INT(sign(id, PARTY_SIGNER, "2026-06-02", 0, NULL), QD_OK);
	struct doc *d = doc_new("t");
	char *code = NULL;
	CHECK_INT(pledge_doc(&q, id, d, &code, &err), QD_OK);
	CHECK(code != NULL);
	CHECK_INT(doc_ngroups(d), 1);
	char *footer = xasprintf("校验码：%s", code);
	CHECK_STR(d->groups[0].footer, footer);
	free(footer);
	FILE *f = tmpfile();
	CHECK_INT(doc_render_text(d, f, 80), 0);
	rewind(f);
	char buf[8192] = {0};
	size_t got = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	CHECK(got > 0);
	CHECK_CONTAINS(buf, "一岗双责责任书");
	CHECK_CONTAINS(buf, "甲方：赵书记（党组书记、局长）");
	CHECK_CONTAINS(buf, "乙方：陈副局长（党组成员、副局长）");
	CHECK_CONTAINS(buf, "一、落实一岗双责。");
	CHECK_CONTAINS(buf, "甲方（盖章）：");
	CHECK_CONTAINS(buf, "负责人（签字）：赵书记");
	CHECK_CONTAINS(buf, "乙方（签字）：陈副局长");
	/* the record line is the footer note, not a block under the signatures */
	CHECK_CONTAINS(d->groups[0].note, "编号 #1 · 年度 2026 · 状态 已签订");
	CHECK_CONTAINS(d->groups[0].note, "签字方式 甲方纸质、乙方纸质");
	CHECK_INT(d->groups[0].blocks[d->groups[0].nblocks - 1].kind, DOC_SIGN);
	CHECK(d->groups[0].blocks[d->groups[0].nblocks - 2].flags & DOC_PARA_KEEP_NEXT);
	CHECK_CONTAINS(buf, "日期：2026年6月1日");
	CHECK_CONTAINS(buf, "日期：2026年6月2日");
	CHECK_CONTAINS(buf, code);
	doc_free(&d);
	struct strbuf r = {0};
	CHECK_INT(qd_verify_code(&q, code, &r, &err), QD_OK);
	/* a later change through qingdan makes the printed copy stale */
	CHECK_INT(qd_pledge_assess(&q, id, 0, "合格", -1, NULL, NULL, &err), QD_OK);
	sb_reset(&r);
	CHECK_INT(qd_verify_code(&q, code, &r, &err), QD_VERIFY);
	CHECK_CONTAINS(r.s, "责任书 #1");
	sb_free(&r);
	free(code);
	/* an unsigned pledge prints blank lines to sign on */
	long long blank = add1("空白", boss, member, "正文", NULL, 1);
	d = doc_new("t");
	CHECK_INT(pledge_doc(&q, blank, d, &code, &err), QD_OK);
	int found = 0;
	for (int i = 0; i < d->groups[0].nblocks; i++)
		if (d->groups[0].blocks[i].kind == DOC_SIGN &&
		    strstr(d->groups[0].blocks[i].text, "＿＿＿＿年"))
			found = 1;
	CHECK(found);
	doc_free(&d);
	free(code);
	CHECK_INT(pledge_doc(&q, 999, NULL, &code, &err), QD_NOTFOUND);
}

TEST(tampering_with_a_signed_pledge_fails_verify)
{
	open_office();
	long long id = issued();
	CHECK_INT(sign(id, PARTY_ISSUER, "2026-06-01", 0, NULL), QD_OK);
	CHECK_INT(sign(id, PARTY_SIGNER, "2026-06-02", 0, NULL), QD_OK);
	struct doc *d = doc_new("t");
	char *code = NULL;
	CHECK_INT(pledge_doc(&q, id, d, &code, &err), QD_OK);
	doc_free(&d);
	CHECK(verify_ok());
	/* the body, behind qingdan's back */
	tt_exec(q.db, "UPDATE pledge SET body = '一、（已删改）' WHERE id = 1");
	struct strbuf r = {0};
	CHECK_INT(qd_audit_verify(&q, &r, &err), QD_VERIFY);
	CHECK_CONTAINS(r.s, "责任书 #1");
	sb_reset(&r);
	CHECK_INT(qd_verify_code(&q, code, &r, &err), QD_VERIFY);
	struct pledge p = get(id);
	CHECK(!p.body_ok);                          /* show and print can say so */
	pledge_clear(&p);
	tt_exec(q.db, "UPDATE pledge SET body = '一、落实一岗双责。' WHERE id = 1");
	CHECK(verify_ok());
	sb_reset(&r);
	CHECK_INT(qd_verify_code(&q, code, &r, &err), QD_OK);
	/* a signature date */
	tt_exec(q.db, "UPDATE pledge SET signer_signed_on = '2026-05-20' WHERE id = 1");
	CHECK(!verify_ok());
	sb_reset(&r);
	CHECK_INT(qd_verify_code(&q, code, &r, &err), QD_VERIFY);
	sb_free(&r);
	free(code);
}

TEST(a_changed_text_refuses_the_second_signature)
{
	open_office();
	long long id = issued();
	CHECK_INT(sign(id, PARTY_ISSUER, NULL, 0, NULL), QD_OK);
	tt_exec(q.db, "UPDATE pledge SET body = '改过的' WHERE id = 1");
	CHECK_INT(sign(id, PARTY_SIGNER, NULL, 0, NULL), QD_INVALID);
	CHECK_CONTAINS(err.s, "不一致");
}

TEST(readonly_file_refuses_writes)
{
	open_office();
	long long id = issued();
	tt_exec(q.db, TT_SQL("PRAGMA query_only=1", "SET default_transaction_read_only = on"));
	CHECK(sign(id, PARTY_SIGNER, NULL, 0, NULL) != QD_OK);
	tt_exec(q.db, TT_SQL("PRAGMA query_only=0", "SET default_transaction_read_only = off"));
	struct pledge p = get(id);
	CHECK(p.sig[PARTY_SIGNER].on == NULL);
	pledge_clear(&p);
}

/* ---- the demo ---- */

TEST(demo_has_pledges_in_every_state)
{
	open_mem();
	CHECK_INT(demo_load(&q, &err), QD_OK);
	struct pledge_progress pp;
	CHECK_INT(qd_pledge_progress(&q, 2026, &pp, &err), QD_OK);
	CHECK_INT(pp.total, 17);
	CHECK_INT(pp.drafts, 2);
	CHECK_INT(pp.voided, 2);
	CHECK_INT(pp.overdue, 2);
	CHECK_INT(pp.proxy, 1);
	CHECK_INT(pp.issued, 13);
	CHECK_INT(pp.signed_, 10);
	for (int s = 0; s < PL__COUNT; s++) {
		struct pledge_filter f = PLEDGE_FILTER_INIT;
		struct pledge *ps = NULL;
		int n = 0;
		f.status = s;
		CHECK_INT(qd_pledge_page(&q, &f, 0, 1, 100, &ps, &n, &err), QD_OK);
		CHECK(n > 0);
		pledges_free(ps, n);
	}
	/* the void 一岗双责 pledge of 周海燕 links to its successor */
	char *link = tt_text(q.db, "SELECT s.status FROM pledge v JOIN pledge s ON s.id = v.successor_id "
				   "JOIN person p ON p.id = v.signer_id WHERE p.name = '周海燕' AND v.status = 'void'");
	CHECK_STR(link, "signed");
	free(link);
	/* the proxy is the signer's, with its note; recorded on paper by the officer */
	char *proxy = tt_text(q.db, "SELECT p.name || '|' || g.signer_method || '|' || r.name FROM pledge g "
				    "JOIN person p ON p.id = g.signer_id JOIN person r ON r.id = g.signer_recorded_by "
				    "WHERE g.signer_proxy = 1");
	CHECK_STR(proxy, "孙丽华|paper|王芳");
	free(proxy);
	/* one issued pledge has only the issuer's signature */
	char *half = tt_text(q.db, "SELECT count(*) FROM pledge WHERE status = 'issued' AND "
				   "issuer_signed_on IS NOT NULL AND signer_signed_on IS NULL");
	CHECK_STR(half, "1");
	free(half);
	/* the 一岗双责 text is the demo's, without its own title and signature lines */
	char *body = tt_text(q.db, "SELECT body FROM pledge WHERE title LIKE '%一岗双责%' LIMIT 1");
	CHECK(strncmp(body, "为深入推进", strlen("为深入推进")) == 0);
	CHECK(!strstr(body, "甲方（签字）"));
	CHECK(!strstr(body, "YEAR"));
	free(body);
	CHECK(verify_ok());
}

int main(void)
{
	text_init_locale();
	RUN(full_life_draft_to_archived);
	RUN(sign_a_draft_is_refused);
	RUN(sign_twice_is_refused);
	RUN(sign_in_the_future_or_bad_date_is_refused);
	RUN(change_of_a_signed_body_is_refused);
	RUN(set_validates);
	RUN(assess_and_archive_need_their_state);
	RUN(void_from_every_state_but_archived);
	RUN(void_with_successor_and_reissue);
	RUN(proxy_signature_is_flagged_with_its_note);
	RUN(proxy_shows_in_listing_print_and_checklist);
	RUN(enforced_non_admin_signs_only_their_own_party);
	RUN(admin_records_paper_and_tui_is_only_in_person);
	RUN(post_rule);
	RUN(batch_to_a_post_skips_issuer_and_holders);
	RUN(batch_to_an_org_includes_its_branches);
	RUN(batch_is_all_or_nothing);
	RUN(overdue_is_issued_past_due);
	RUN(keyset_pages_and_filters);
	RUN(labels_and_parsers);
	RUN(print_document_and_code);
	RUN(tampering_with_a_signed_pledge_fails_verify);
	RUN(a_changed_text_refuses_the_second_signature);
	RUN(readonly_file_refuses_writes);
	RUN(demo_has_pledges_in_every_state);
	return TT_END();
}
