/* pledge_print.c — pledges on paper: one pledge as a print document
 * (`pledge print`), and the pledges section of a person's checklist (§7).
 * Builds a struct doc (doc.h) from the model; the renderers do the rest.
 *
 * A printed pledge is logged in the audit chain (qd_print_code) and carries
 * the code on every page, so `audit verify --code` can later tell whether
 * the record behind the paper has changed since. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qingdan/date.h"
#include "qingdan/db.h"
#include "qingdan/doc.h"
#include "qingdan/msg.h"
#include "qingdan/paper.h"
#include "qingdan/pledge.h"

/* The title without the book-title marks 《》 around it. */
static char *bare_title(const char *t)
{
	size_t n = strlen(t);
	const char *open = "《", *close = "》";
	size_t lo = strlen(open), lc = strlen(close);
	if (n >= lo + lc && strncmp(t, open, lo) == 0 && strcmp(t + n - lc, close) == 0)
		return xstrndup(t + lo, n - lo - lc);
	return xstrdup(t);
}

static char *person_with_post(const char *name, const char *post)
{
	if (str_empty(post))
		return xstrdup(name ? name : "");
	return xasprintf(msg_english() ? "%s (%s)" : "%s（%s）", name ? name : "", post);
}

static const char *method_label(const char *method)
{
	return msg(str_eq(method, "tui") ? M_PL_METHOD_TUI : M_PL_METHOD_PAPER);
}

/* The signature areas: 甲方 with room for the seal above its
 * representative's signature, 乙方's signature on the same line:
 *   甲方（盖章）：
 *
 *   负责人（签字）：赵立新          乙方（签字）：陈明
 *   日期：2026年3月4日              日期：2026年3月5日
 * Unsigned, the name and the date are lines to write on. */
static char *sign_block(const struct pledge *p, enum pledge_party party)
{
	const struct pledge_sig *s = &p->sig[party];
	enum msg_id form = party == PARTY_ISSUER ? M_PL_DOC_SIGN_ISSUER : M_PL_DOC_SIGN_SIGNER;
	char day[24];
	int d;
	if (!s->on || date_parse(s->on, &d) != 0)
		return xasprintf(msg(form), msg(M_PL_DOC_BLANK_NAME), msg(M_PL_DOC_BLANK_DATE));
	if (msg_english())
		date_format(d, day);
	else
		date_format_zh(d, day);
	const char *who = s->by_name ? s->by_name : msg(M_PL_SIG_UNKNOWN);
	char *name = s->proxy ? xasprintf("%s（%s）", who, msg(M_PL_PROXY)) : xstrdup(who);
	char *text = xasprintf(msg(form), name, day);
	free(name);
	return text;
}

/* The body as paragraphs: blank lines only separate, they print as nothing. */
static char *paragraphs(const char *body)
{
	struct strbuf b = {0};
	for (const char *p = body ? body : ""; *p; p++) {
		if (*p == '\n' && (b.len == 0 || b.s[b.len - 1] == '\n'))
			continue;
		sb_putc(&b, *p);
	}
	while (b.len && b.s[b.len - 1] == '\n')
		b.s[--b.len] = '\0';
	return sb_take(&b);
}

/* Red rows: void, proxy signatures. */
static void warnings(struct doc *d, const struct pledge *p)
{
	struct doc_table *t = NULL;
	const struct doc_col col = {msg(M_PL_DOC_WARNING), 1, 'l'};
	char *lines[3] = {NULL, NULL, NULL};
	int n = 0;
	if (p->status == PL_VOID) {
		char *next = p->successor_id ? xasprintf(msg(M_PL_DOC_VOID_NEXT), p->successor_id) : xstrdup("");
		char *v = xasprintf(msg(M_PL_DOC_VOID), p->void_reason ? p->void_reason : "");
		lines[n++] = xasprintf("%s%s", v, next);
		free(v);
		free(next);
	}
	for (int party = PARTY_ISSUER; party <= PARTY_SIGNER; party++)
		if (p->sig[party].proxy)
			lines[n++] = xasprintf(msg(M_PL_PROXY_DESC), pledge_party_label((enum pledge_party)party),
					       p->sig[party].proxy_note ? p->sig[party].proxy_note : "");
	for (int i = 0; i < n; i++) {
		if (!t)
			t = doc_table(d, 1, &col);
		const char *cells[1] = {lines[i]};
		doc_row(t, DOC_ROW_RED, cells);
		free(lines[i]);
	}
}

/* The record the paper stands for, in the footer of every page (not on
 * the signature page): "编号 #12 · 年度 2026 · 状态 已签订 · 签字方式 甲方纸质、
 * 乙方本人电子签字 · 考核 合格 · 正文 SHA-256 1a2b3c4d5e6f7a8b…". */
static char *record_line(const struct pledge *p)
{
	struct strbuf b = {0};
	const char *sep = " · ";
	sb_printf(&b, "%s #%lld%s%s %d%s%s %s", msg(M_PL_F_ID), p->id, sep, msg(M_PL_F_YEAR), p->year,
		  sep, msg(M_PL_F_STATUS), pledge_status_label(p->status));
	int first = 1;
	for (int party = PARTY_ISSUER; party <= PARTY_SIGNER; party++) {
		const struct pledge_sig *s = &p->sig[party];
		if (!s->on)
			continue;
		sb_printf(&b, "%s%s%s", first ? sep : "、", first ? msg(M_PL_F_METHOD) : "",
			  first ? " " : "");
		sb_printf(&b, "%s%s", pledge_party_label((enum pledge_party)party), method_label(s->method));
		first = 0;
	}
	if (p->grade) {
		sb_printf(&b, "%s%s %s", sep, msg(M_PL_F_ASSESS), p->grade);
		if (p->has_score) {
			char num[32];
			snprintf(num, sizeof num, "%g", p->score);
			sb_puts(&b, msg_english() ? ", " : "，");
			sb_printf(&b, msg(M_PL_SCORE), num);
		}
		if (p->assessed_on)
			sb_printf(&b, " %s", p->assessed_on);
	}
	if (p->body_sha256)
		sb_printf(&b, "%s%s %.16s…", sep, msg(M_PL_F_HASH), p->body_sha256);
	return sb_take(&b);
}

/* The body's paragraphs; the last one is kept on the page of the
 * signatures, so that they never stand alone on a page. */
static void body_paras(struct doc *d, const char *text)
{
	char *body = paragraphs(text);
	char *last = strrchr(body, '\n');
	if (last) {
		*last = '\0';
		doc_para(d, DOC_PARA_INDENT, body);
	}
	doc_para(d, DOC_PARA_INDENT | DOC_PARA_KEEP_NEXT, last ? last + 1 : body);
	free(body);
}

enum qd_status pledge_doc(struct qd *q, long long id, struct doc *d, char **code, struct strbuf *err)
{
	struct pledge p;
	*code = NULL;
	enum qd_status s = qd_pledge_get(q, id, &p, err);
	if (s != QD_OK)
		return s;
	const char *entity = "pledge";
	char *what = xasprintf("pledge #%lld", id);
	s = qd_print_code(q, what, &entity, &id, 1, code, err);
	free(what);
	if (s != QD_OK) {
		pledge_clear(&p);
		return s;
	}
	char *footer = xasprintf(msg(M_PL_DOC_CODE), *code);
	doc_group(d, footer);
	free(footer);
	char *record = record_line(&p);
	doc_group_note(d, record);
	free(record);
	char *title = bare_title(p.title);
	doc_title(d, title);
	free(title);
	char *a = person_with_post(p.issuer_name, p.issuer_post);
	char *b = person_with_post(p.signer_name, p.signer_post);
	doc_field(d, msg(M_PL_ISSUER), a);
	doc_field(d, msg(M_PL_SIGNER), b);
	free(a);
	free(b);
	warnings(d, &p);
	body_paras(d, p.body);
	char *left = sign_block(&p, PARTY_ISSUER), *right = sign_block(&p, PARTY_SIGNER);
	doc_sign(d, left, right);
	free(left);
	free(right);
	pledge_clear(&p);
	return QD_OK;
}

/* The pledges the request names, each through pledge_doc (its group and
 * its code); stops at the first failure. */
static enum qd_status gather(struct qd *q, const struct pledge_print_request *r, struct doc *d,
			     struct pledge_print_result *res, struct strbuf *err)
{
	enum qd_status s = QD_OK;
	for (int i = 0; i < r->nids && s == QD_OK; i++) {
		free(res->code);
		s = pledge_doc(q, r->ids[i], d, &res->code, err);
		res->pledges += s == QD_OK;
	}
	if (r->nids)
		return s;
	struct pledge_filter f = PLEDGE_FILTER_INIT;
	f.year = r->year;
	f.status = r->status;
	long long after = 0;
	for (;;) {
		struct pledge *ps = NULL;
		int n = 0;
		s = qd_pledge_page(q, &f, after, 1, 200, &ps, &n, err);
		for (int i = 0; i < n && s == QD_OK; i++) {
			free(res->code);
			s = pledge_doc(q, ps[i].id, d, &res->code, err);
			res->pledges += s == QD_OK;
			after = ps[i].id;
		}
		pledges_free(ps, n);
		if (s != QD_OK || n < 200)
			break;
	}
	if (s == QD_OK && res->pledges == 0) {
		char *which = r->status >= 0 ? xasprintf(msg(M_PL_PRINT_NONE_STATUS),
							 pledge_status_label((enum pledge_status)r->status))
					     : xstrdup("");
		sb_printf(err, msg(M_PL_PRINT_NONE), r->year, which);
		free(which);
		s = QD_NOTFOUND;
	}
	return s;
}

enum qd_status pledge_print(struct qd *q, const struct pledge_print_request *r,
			    struct pledge_print_result *res, struct strbuf *err)
{
	memset(res, 0, sizeof *res);
	/* the file first (paper.h): a refused name logs no 校验码 */
	struct paper p;
	enum qd_status s = paper_open(&p, &r->to, q, err);
	if (s != QD_OK)
		return s;
	struct doc *d = doc_new(msg(M_PL_DOC_SECTION));
	/* the codes of one run in one transaction (none on a read-only file) */
	struct strbuf ignore = {0};
	int batch = qd_batch_begin(q, &ignore) == QD_OK;
	sb_free(&ignore);
	s = gather(q, r, d, res, err);
	if (batch)
		s = qd_batch_end(q, s, err);
	s = paper_finish(&p, d, s, msg(M_PL_DOC_SECTION), &res->lp_output, err);
	doc_free(&d);
	if (s != QD_OK || res->pledges != 1)
		xfree(&res->code);
	return s;
}

void pledge_print_result_clear(struct pledge_print_result *res)
{
	xfree(&res->code);
	xfree(&res->lp_output);
	res->pledges = 0;
}

/* ---- for people: show and the screen ---- */

static char *sig_text(const struct pledge_sig *s)
{
	if (!s->on)
		return xstrdup(msg(M_PL_SIG_NONE));
	return xasprintf(msg(M_PL_SIG_DESC), s->on, s->by_name ? s->by_name : msg(M_PL_SIG_UNKNOWN),
			 method_label(s->method), s->recorded_name ? s->recorded_name : "-");
}

void pledge_describe(const struct pledge *p,
		     void (*line)(void *ctx, const char *label, const char *value, int red), void *ctx)
{
	line(ctx, msg(M_PL_F_TITLE), p->title, 0);
	char *a = person_with_post(p->issuer_name, p->issuer_post);
	char *b = person_with_post(p->signer_name, p->signer_post);
	char *bo = p->signer_org ? xasprintf("%s · %s", b, p->signer_org) : xstrdup(b);
	line(ctx, msg(M_PL_ISSUER), a, 0);
	line(ctx, msg(M_PL_SIGNER), bo, 0);
	free(a);
	free(b);
	free(bo);
	char *due = p->overdue ? xasprintf("%s（%s）", p->sign_due, msg(M_PL_FLAG_OVERDUE))
			       : xstrdup(p->sign_due ? p->sign_due : "");
	line(ctx, msg(M_PL_F_DUE), due, p->overdue);
	free(due);
	for (int party = PARTY_ISSUER; party <= PARTY_SIGNER; party++) {
		const struct pledge_sig *s = &p->sig[party];
		char *label = xasprintf(msg(M_PL_F_SIG), pledge_party_label((enum pledge_party)party));
		char *text = sig_text(s);
		line(ctx, label, text, 0);
		if (s->proxy) {
			char *note = xasprintf(msg(M_PL_PROXY_DESC),
					       pledge_party_label((enum pledge_party)party),
					       s->proxy_note ? s->proxy_note : "");
			line(ctx, msg(M_PL_PROXY), note, 1);
			free(note);
		}
		free(label);
		free(text);
	}
	if (p->grade) {
		struct strbuf g = {0};
		sb_puts(&g, p->grade);
		if (p->has_score) {
			char num[32];
			snprintf(num, sizeof num, "%g", p->score);
			sb_puts(&g, " ");
			sb_printf(&g, msg(M_PL_SCORE), num);
		}
		if (p->assessed_on)
			sb_printf(&g, " %s", p->assessed_on);
		if (p->assess_note)
			sb_printf(&g, " %s", p->assess_note);
		line(ctx, msg(M_PL_F_ASSESS), g.s, 0);
		sb_free(&g);
	}
	if (p->status == PL_VOID)
		line(ctx, msg(M_PL_F_VOID), p->void_reason, 1);
	char ref[32];
	if (p->successor_id) {
		snprintf(ref, sizeof ref, "#%lld", p->successor_id);
		line(ctx, msg(M_PL_F_SUCCESSOR), ref, 0);
	}
	if (p->predecessor_id) {
		snprintf(ref, sizeof ref, "#%lld", p->predecessor_id);
		line(ctx, msg(M_PL_F_PREDECESSOR), ref, 0);
	}
	char *hash = p->body_sha256 ? xasprintf("%s · %s", p->body_sha256,
						msg(p->body_ok ? M_PL_HASH_OK : M_PL_HASH_BAD))
				    : xstrdup(msg(M_PL_HASH_NONE));
	line(ctx, msg(M_PL_F_HASH), hash, !p->body_ok);
	free(hash);
}

/* ---- the per-person checklist section ---- */

static char *note_of(const struct pledge *p)
{
	struct strbuf b = {0};
	if (p->overdue)
		sb_puts(&b, msg(M_PL_FLAG_OVERDUE));
	for (int party = PARTY_ISSUER; party <= PARTY_SIGNER; party++)
		if (p->sig[party].proxy) {
			if (b.len)
				sb_puts(&b, "；");
			sb_printf(&b, msg(M_PL_PROXY_DESC), pledge_party_label((enum pledge_party)party),
				  p->sig[party].proxy_note ? p->sig[party].proxy_note : "");
		}
	if (p->grade) {
		if (b.len)
			sb_puts(&b, "；");
		sb_printf(&b, "%s %s", msg(M_PL_F_ASSESS), p->grade);
	}
	if (p->status == PL_VOID && p->successor_id) {
		if (b.len)
			sb_puts(&b, "；");
		sb_printf(&b, msg(M_PL_DOC_VOID_NEXT), p->successor_id);
	}
	return sb_take(&b);
}

int pledge_doc_person(struct qd *q, struct doc *d, long long person_id, int year, long long **ids,
		      int *nids)
{
	struct pledge_filter f = PLEDGE_FILTER_INIT;
	f.year = year;
	f.person_id = person_id;
	struct doc_table *t = NULL;
	long long after = 0;
	int count = 0;
	for (;;) {
		struct pledge *ps = NULL;
		int n = 0;
		struct strbuf err = {0};
		qd_pledge_page(q, &f, after, 1, 200, &ps, &n, &err);
		sb_free(&err);
		for (int i = 0; i < n; i++) {
			const struct pledge *p = &ps[i];
			if (!t) {
				const struct doc_col cols[] = {
					{msg(M_PL_F_TITLE), 5, 'l'}, {msg(M_PL_COL_ROLE), 1, 'c'},
					{msg(M_PL_COL_OTHER), 1.5, 'l'}, {msg(M_PL_F_STATUS), 1.2, 'c'},
					{msg(M_PL_COL_SIGNED), 1.6, 'c'}, {msg(M_PL_COL_NOTE), 3, 'l'}};
				doc_heading(d, msg(M_PL_DOC_SECTION));
				t = doc_table(d, (int)ARRAY_SIZE(cols), cols);
			}
			enum pledge_party role = p->signer_id == person_id ? PARTY_SIGNER : PARTY_ISSUER;
			const char *other = role == PARTY_SIGNER ? p->issuer_name : p->signer_name;
			const char *signed_on = p->sig[role].on ? p->sig[role].on : "";
			char *note = note_of(p);
			const char *cells[] = {p->title, pledge_party_label(role), other,
					       pledge_status_label(p->status), signed_on, note};
			doc_row(t, pledge_has_proxy(p) ? DOC_ROW_RED : 0, cells);
			free(note);
			*ids = xrealloc(*ids, (size_t)(*nids + 1) * sizeof **ids);
			(*ids)[(*nids)++] = p->id;
			after = p->id;
			count++;
		}
		pledges_free(ps, n);
		if (n < 200)
			break;
	}
	return count;
}
