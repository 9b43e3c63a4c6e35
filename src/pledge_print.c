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
#include "qingdan/outfile.h"
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

/* "甲方（签字）：赵立新\n日期：2026年3月4日\n方式：纸质" */
static char *sign_block(const struct pledge *p, enum pledge_party party)
{
	const struct pledge_sig *s = &p->sig[party];
	char day[24];
	int d;
	if (!s->on || date_parse(s->on, &d) != 0)
		return xasprintf(msg(M_PL_DOC_SIGN), pledge_party_label(party), msg(M_PL_DOC_BLANK_NAME),
				 msg(M_PL_DOC_BLANK_DATE));
	if (msg_english())
		date_format(d, day);
	else
		date_format_zh(d, day);
	const char *who = s->by_name ? s->by_name : msg(M_PL_SIG_UNKNOWN);
	char *name = s->proxy ? xasprintf("%s（%s）", who, msg(M_PL_PROXY)) : xstrdup(who);
	char *text = xasprintf(msg(M_PL_DOC_SIGN), pledge_party_label(party), name, day);
	char *how = xasprintf(msg(M_PL_DOC_METHOD), method_label(s->method));
	char *out = xasprintf("%s%s", text, how);
	free(name);
	free(text);
	free(how);
	return out;
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
	char *body = paragraphs(p.body);
	doc_para(d, DOC_PARA_INDENT, body);
	free(body);
	char *left = sign_block(&p, PARTY_ISSUER), *right = sign_block(&p, PARTY_SIGNER);
	doc_sign(d, left, right);
	free(left);
	free(right);
	/* the record's identity under the signatures: what the code vouches for */
	char buf[32];
	snprintf(buf, sizeof buf, "#%lld", p.id);
	doc_field(d, msg(M_PL_F_ID), buf);
	snprintf(buf, sizeof buf, "%d", p.year);
	doc_field(d, msg(M_PL_F_YEAR), buf);
	doc_field(d, msg(M_PL_F_STATUS), pledge_status_label(p.status));
	if (p.grade) {
		struct strbuf g = {0};
		sb_puts(&g, p.grade);
		if (p.has_score) {
			char num[32];
			snprintf(num, sizeof num, "%g", p.score);
			sb_puts(&g, msg_english() ? ", " : "，");
			sb_printf(&g, msg(M_PL_SCORE), num);
		}
		if (p.assessed_on)
			sb_printf(&g, " · %s", p.assessed_on);
		doc_field(d, msg(M_PL_F_ASSESS), g.s);
		sb_free(&g);
	}
	if (p.body_sha256) {
		char *h = xasprintf("%.16s…", p.body_sha256);
		doc_field(d, msg(M_PL_F_HASH), h);
		free(h);
	}
	pledge_clear(&p);
	return QD_OK;
}

enum qd_status pledge_print_to(struct qd *q, long long id, int text, int width, const char *path,
			       int flags, char **code, struct strbuf *err)
{
	/* the file first (outfile.h): a refused name logs no 校验码 */
	struct outfile o = {.fd = -1};
	enum qd_status s = path ? outfile_open(&o, path, flags, db_path(q->db), err) : QD_OK;
	if (s != QD_OK)
		return s;
	struct doc *d = doc_new(msg(M_PL_DOC_SECTION));
	s = pledge_doc(q, id, d, code, err);
	if (s == QD_OK && text) {
		FILE *f = path ? outfile_stream(&o) : stdout;
		if (!f || doc_render_text(d, f, width) != 0 || fflush(f) != 0) {
			sb_printf(err, msg(M_PL_WRITE), path ? path : "-", strerror(errno ? errno : EIO));
			s = QD_IOERROR;
		}
	} else if (s == QD_OK) {
		char why[512];
		if (!path || doc_render_pdf(d, outfile_path(&o), why, sizeof why) != 0) {
			sb_puts(err, path ? why : "no file named");
			s = QD_IOERROR;
		}
	}
	if (s == QD_OK && path)
		s = outfile_commit(&o, err);
	else
		outfile_abort(&o);
	doc_free(&d);
	return s;
}

enum qd_status pledge_print_file(struct qd *q, long long id, int text, int width, const char *path,
				 char **code, struct strbuf *err)
{
	return pledge_print_to(q, id, text, width, path, OUTFILE_NO_HINT, code, err);
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
