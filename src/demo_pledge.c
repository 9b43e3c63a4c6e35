/* demo_pledge.c — the demo year's pledges (data/demo/pledges.tsv and
 * pledge_body.txt, formats in data/demo/README.md), entered through the
 * pledge model as the officer would: add, issue, record the paper
 * signatures (one by proxy), assess, archive, void, and one void pledge
 * re-issued with its successor.  Called by demo_load() (demo.c), which
 * holds the transaction and acts with q->system set. */
#include <stdlib.h>
#include <string.h>

#include "qingdan/date.h"
#include "qingdan/demo.h"
#include "qingdan/msg.h"
#include "qingdan/pledge.h"
#include "qingdan/store.h"

extern const unsigned char demo_pledges_tsv[], demo_pledge_body_txt[];

enum { F_TITLE, F_ISSUER, F_SIGNER, F_DUE, F_STATUS, F_ISSUER_SIGNED, F_SIGNER_SIGNED,
       F_PROXY_NOTE, F_GRADE, F_SCORE, F_VOID_REASON, F__COUNT };

/* A short text for titles other than 一岗双责 (demo content, not UI). */
static const char generic_body[] =
	"为全面落实从严治党主体责任，根据上级有关要求，结合本单位实际，甲乙双方签订本责任书。\n"
	"一、乙方对本责任书所列工作负直接责任，结合分管或所在部门实际，制定具体措施，按时保质完成。\n"
	"二、乙方按要求做好履责纪实，年中报告落实情况，年终述职时一并报告。\n"
	"三、甲方对乙方履责情况进行检查和考核，考核结果分为优秀、合格、基本合格、不合格四个等次，"
	"作为年度考核和评优评先的重要依据。\n"
	"四、本责任书有效期自签订之日起至YEAR年12月31日止；一式两份，甲乙双方各执一份。";

struct row {
	char *f[F__COUNT];
};

struct loader {
	struct qd *q;
	struct strbuf *err;
	enum qd_status status;
	char *body_yigang, *body_generic;
};

static char *with_year(int year, const char *s)
{
	struct strbuf b = {0};
	const char *p;
	while ((p = strstr(s, "YEAR")) != NULL) {
		sb_add(&b, s, (size_t)(p - s));
		sb_printf(&b, "%d", year);
		s = p + 4;
	}
	sb_puts(&b, s);
	return sb_take(&b);
}

/* The rows after the header; fields point into *buf. */
static int read_rows(int year, char **buf, struct row **rows)
{
	*buf = with_year(year, (const char *)demo_pledges_tsv);
	*rows = NULL;
	int n = 0;
	char *line = strchr(*buf, '\n');
	while (line) {
		char *start = line + 1;
		line = strchr(start, '\n');
		if (line)
			*line = '\0';
		if (!*start)
			continue;
		*rows = xrealloc(*rows, (size_t)(n + 1) * sizeof **rows);
		struct row *r = &(*rows)[n++];
		static char empty[1];
		char *p = start;
		for (int i = 0; i < F__COUNT; i++) {
			r->f[i] = p ? p : empty;
			if (p && (p = strchr(p, '\t')) != NULL)
				*p++ = '\0';
		}
	}
	return n;
}

/* The 一岗双责 text without its own title line and signature lines: the
 * printed pledge adds both. */
static char *yigang_body(int year)
{
	char *all = with_year(year, (const char *)demo_pledge_body_txt);
	char *start = all, *nl = strchr(all, '\n');
	const char *title = strstr(all, "责任书");
	if (nl && title && title < nl)
		start = nl + 1;
	while (*start == '\n')
		start++;
	char *cut = strstr(start, "甲方（签字）");
	if (cut)
		*cut = '\0';
	size_t n = strlen(start);
	while (n && (start[n - 1] == '\n' || start[n - 1] == ' '))
		start[--n] = '\0';
	char *body = xstrdup(start);
	free(all);
	return body;
}

/* "王伟#2" of the demo files (demo_person). */
static long long person(struct loader *l, const char *ref)
{
	long long id = demo_person(l->q, ref);
	if (!id && l->status == QD_OK) {
		sb_printf(l->err, msg(M_PERSON_NOT_FOUND), ref);
		l->status = QD_NOTFOUND;
	}
	return id;
}

static char *day(struct loader *l, const char *offset, char *buf)
{
	return *offset ? date_format(demo_day(l->q, atoi(offset)), buf) : NULL;
}

static void sign(struct loader *l, long long id, enum pledge_party party, const char *offset,
		 const char *proxy_note)
{
	char on[11];
	if (l->status != QD_OK || !*offset)
		return;
	struct pledge_sign a = {day(l, offset, on), 0, proxy_note, PM_PAPER};
	l->status = qd_pledge_sign(l->q, id, 0, party, &a, l->err);
}

/* Bring pledge id to the row's state (it is a draft, or issued if issued). */
static void play(struct loader *l, long long id, const struct row *r, int issued)
{
	int st = pledge_status_parse(r->f[F_STATUS]);
	if (l->status != QD_OK || st == PL_DRAFT)
		return;
	if (!issued)
		l->status = qd_pledge_issue(l->q, id, l->err);
	sign(l, id, PARTY_ISSUER, r->f[F_ISSUER_SIGNED], NULL);
	sign(l, id, PARTY_SIGNER, r->f[F_SIGNER_SIGNED], r->f[F_PROXY_NOTE]);
	if (l->status == QD_OK && (st == PL_ASSESSED || st == PL_ARCHIVED)) {
		/* the file has no assessment day: 90 days after signing, not after today */
		int signed_day = demo_day(l->q, atoi(r->f[F_SIGNER_SIGNED]));
		int on = signed_day + 90 < date_today() ? signed_day + 90 : date_today();
		char buf[11];
		double score = *r->f[F_SCORE] ? atof(r->f[F_SCORE]) : -1;
		l->status = qd_pledge_assess(l->q, id, 0, r->f[F_GRADE], score, date_format(on, buf),
					     NULL, l->err);
	}
	if (l->status == QD_OK && st == PL_ARCHIVED)
		l->status = qd_pledge_archive(l->q, id, l->err);
	if (l->status == QD_OK && st == PL_VOID)
		l->status = qd_pledge_void(l->q, id, 0, r->f[F_VOID_REASON], 0, l->err);
}

static long long add(struct loader *l, const struct row *r)
{
	struct pledge_fields f = PLEDGE_FIELDS_INIT;
	char due[11];
	long long signer = person(l, r->f[F_SIGNER]), id = 0;
	int added = 0;
	f.title = r->f[F_TITLE];
	f.issuer_id = person(l, r->f[F_ISSUER]);
	f.due = day(l, r->f[F_DUE], due);
	f.body = strstr(f.title, "一岗双责") ? l->body_yigang : l->body_generic;
	if (l->status == QD_OK)
		l->status = qd_pledge_add(l->q, &f, &signer, 1, 0, &id, &added, NULL, l->err);
	return id;
}

static int same_pair(const struct row *a, const struct row *b)
{
	return strcmp(a->f[F_TITLE], b->f[F_TITLE]) == 0 &&
	       strcmp(a->f[F_ISSUER], b->f[F_ISSUER]) == 0 &&
	       strcmp(a->f[F_SIGNER], b->f[F_SIGNER]) == 0;
}

enum qd_status pledge_demo_load(struct qd *q, struct strbuf *err)
{
	struct loader l = {q, err, QD_OK, yigang_body(q->year), with_year(q->year, generic_body)};
	char *buf;
	struct row *rows;
	int n = read_rows(q->year, &buf, &rows);
	for (int i = 0; i < n && l.status == QD_OK; i++) {
		const struct row *r = &rows[i];
		long long id = add(&l, r);
		/* a void row followed by the same pair is replaced by that row */
		if (l.status == QD_OK && pledge_status_parse(r->f[F_STATUS]) == PL_VOID && i + 1 < n &&
		    same_pair(r, &rows[i + 1])) {
			struct pledge_fields same = PLEDGE_FIELDS_INIT;
			char due[11];
			long long next = 0;
			same.due = day(&l, rows[i + 1].f[F_DUE], due);
			l.status = qd_pledge_issue(q, id, err);
			if (l.status == QD_OK)
				l.status = qd_pledge_reissue(q, id, r->f[F_VOID_REASON], &same, &next, err);
			play(&l, next, &rows[++i], 1);
			continue;
		}
		play(&l, id, r, 0);
	}
	free(rows);
	free(buf);
	free(l.body_yigang);
	free(l.body_generic);
	return l.status;
}
