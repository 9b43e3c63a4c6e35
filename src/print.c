/* print.c — the per-person checklist (个人党建责任清单, DESIGN §7) for
 * `qingdan print` and the TUI's p key: io.h has the contract.
 *
 * For each person the checklist is gathered (items where they are owner or
 * lead, from every list of the year; their pledges), a 校验码 is logged in
 * the audit chain for exactly those records (qd_print_code), and one group
 * of the print document (doc.h) is built: title, header fields, one section
 * per list, the pledges, the signature line, the code in the footer.  The
 * codes of one run share a transaction.  Then doc.h renders the whole
 * document as text or A4 PDF, and a PDF may go on to `lp`. */
#include "print_impl.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "qingdan/date.h"
#include "qingdan/db.h"
#include "qingdan/doc.h"
#include "qingdan/meeting_print.h"
#include "qingdan/msg.h"
#include "qingdan/outfile.h"
#include "qingdan/pledge.h"
#include "qingdan/problem_print.h"
#include "qingdan/store.h"
#include "qingdan/store_io.h"
#include "qingdan/text.h"
#include "qingdan/tui.h"

/* The page cache while printing many people (as import has it). */
enum { PRINT_CACHE_KIB = 32 << 10 };

static void *grow(void *p, int n, size_t size)
{
	/* arrays grow by doubling at powers of two */
	if (n == 0 || (n & (n - 1)) == 0)
		p = xrealloc(p, (size_t)(n ? n * 2 : 8) * size);
	return p;
}

/* ---- gathering one person ---- */

static void add_section(struct printer *pr, long long id, long long sort, const char *name)
{
	pr->secs = grow(pr->secs, pr->nsecs, sizeof *pr->secs);
	pr->secs[pr->nsecs++] = (struct section){id, sort, xstrdup(name)};
}

static void add_fixed(void *ctx, long long id, const char *name, long long sort)
{
	struct printer *pr = ctx;
	pr->fixed = grow(pr->fixed, pr->nfixed, sizeof *pr->fixed);
	pr->fixed[pr->nfixed++] = (struct section){id, sort, xstrdup(name)};
}

/* (sort, id) order, as the queries have it */
static int section_before(long long sort_a, long long id_a, long long sort_b, long long id_b)
{
	return sort_a < sort_b || (sort_a == sort_b && id_a < id_b);
}

static void add_item(void *ctx, const struct io_print_item *it)
{
	struct printer *pr = ctx;
	/* the sections: the fixed ones up to this item's org, then its org */
	if (!pr->nrows || pr->rows[pr->nrows - 1].org_id != it->org_id) {
		while (pr->nfixed && section_before(pr->fixed[0].sort, pr->fixed[0].org_id, it->org_sort,
						    it->org_id)) {
			add_section(pr, pr->fixed[0].org_id, pr->fixed[0].sort, pr->fixed[0].name);
			free(pr->fixed[0].name);
			memmove(pr->fixed, pr->fixed + 1, (size_t)--pr->nfixed * sizeof *pr->fixed);
		}
		if (pr->nfixed && pr->fixed[0].org_id == it->org_id) {
			free(pr->fixed[0].name);
			memmove(pr->fixed, pr->fixed + 1, (size_t)--pr->nfixed * sizeof *pr->fixed);
		}
		add_section(pr, it->org_id, it->org_sort, it->org);
	}
	pr->rows = grow(pr->rows, pr->nrows, sizeof *pr->rows);
	struct prow *row = &pr->rows[pr->nrows++];
	row->id = it->id;
	row->org_id = it->org_id;
	row->seq = it->seq;
	memcpy(row->digest, it->digest, sizeof row->digest);
	sheet_item_cells(row, it, !pr->r->to.text);
}

static const char *pledge_label(const char *code)
{
	static const struct {
		const char *code;
		enum msg_id label;
	} map[] = {{"draft", M_IO_PL_DRAFT}, {"issued", M_IO_PL_ISSUED}, {"signed", M_IO_PL_SIGNED},
		   {"assessed", M_IO_PL_ASSESSED}, {"archived", M_IO_PL_ARCHIVED}, {"void", M_IO_PL_VOID}};
	for (size_t i = 0; i < ARRAY_SIZE(map); i++)
		if (strcmp(code, map[i].code) == 0)
			return msg(map[i].label);
	return code;
}

static void add_pledge(void *ctx, const struct io_print_pledge *p)
{
	struct printer *pr = ctx;
	pr->pledges = grow(pr->pledges, pr->npledges, sizeof *pr->pledges);
	struct pledge_row *row = &pr->pledges[pr->npledges++];
	row->id = p->id;
	row->red = p->issuer_proxy || p->signer_proxy;
	row->cells[0] = xstrdup(p->title);
	row->cells[1] = xstrdup(p->issuer);
	row->cells[2] = xstrdup(p->signer);
	int overdue = strcmp(p->status, "issued") == 0 && *p->sign_due &&
		      strcmp(p->sign_due, pr->today) < 0;
	row->cells[3] = overdue ? xasprintf("%s\n%s", pledge_label(p->status), msg(M_IO_PL_OVERDUE))
				: xstrdup(pledge_label(p->status));
	struct strbuf b = {0};
	sb_puts(&b, "");
	if (p->issuer_proxy)
		sb_puts(&b, msg(M_IO_PROXY_ISSUER));
	if (p->signer_proxy)
		sb_printf(&b, "%s%s", b.len ? "\n" : "", msg(M_IO_PROXY_SIGNER));
	row->cells[4] = sb_take(&b);
}

static void person_forget(struct printer *pr)
{
	for (int i = 0; i < pr->nrows; i++)
		for (int c = 0; c < SHEET_COLS; c++)
			free(pr->rows[i].cells[c]);
	for (int i = 0; i < pr->nsecs; i++)
		free(pr->secs[i].name);
	for (int i = 0; i < pr->nfixed; i++)
		free(pr->fixed[i].name);
	free(pr->fixed);
	pr->fixed = NULL;
	pr->nfixed = 0;
	for (int i = 0; i < pr->npledges; i++)
		for (int c = 0; c < 5; c++)
			free(pr->pledges[i].cells[c]);
	free(pr->rows);
	free(pr->secs);
	free(pr->pledges);
	pr->rows = NULL;
	pr->secs = NULL;
	pr->pledges = NULL;
	pr->nrows = pr->nsecs = pr->npledges = 0;
	checklist_measures_clear(&pr->measures);
}

/* The 校验码 covering the person, their items and their pledges. */
static char *print_code(struct printer *pr, long long person_id)
{
	int n = 1 + pr->nrows + pr->npledges + pr->measures.n;
	const char **entities = xmalloc((size_t)n * sizeof *entities);
	const char **known = xcalloc((size_t)n, sizeof *known);
	long long *ids = xmalloc((size_t)n * sizeof *ids);
	entities[0] = "person";
	ids[0] = person_id;
	for (int i = 0; i < pr->nrows; i++) {
		entities[1 + i] = "item";
		ids[1 + i] = pr->rows[i].id;
		known[1 + i] = pr->rows[i].digest;
	}
	for (int i = 0; i < pr->npledges; i++) {
		entities[1 + pr->nrows + i] = "pledge";
		ids[1 + pr->nrows + i] = pr->pledges[i].id;
	}
	for (int i = 0; i < pr->measures.n; i++) {
		entities[1 + pr->nrows + pr->npledges + i] = "item";
		ids[1 + pr->nrows + pr->npledges + i] = pr->measures.ids[i];
	}
	char *code = NULL;
	enum qd_status s = qd_print_code_known(pr->q, "checklist", entities, ids, known, n, &code,
					       pr->err);
	if (s != QD_OK)
		pr->status = s;
	free(known);
	free(entities);
	free(ids);
	return code;
}

static void print_person(void *ctx, long long id)
{
	struct printer *pr = ctx;
	struct person p = {0};
	if (pr->status != QD_OK)
		return;
	if (qd_get_person(pr->q, id, &p) != QD_OK) {
		sb_printf(pr->err, msg(M_PERSON_NOT_FOUND), "#");
		pr->status = QD_NOTFOUND;
		return;
	}
	struct db *db = pr->q->db;
	int year = pr->q->year;
	/* the fixed sections, merged with the orgs of the items as they come */
	enum qd_status s = store_io_sections(db, p.org_id, add_fixed, pr, pr->err);
	if (s == QD_OK)
		s = store_io_person_items(db, year, id, pr->today, pr->soon, add_item, pr, pr->err);
	for (int i = 0; s == QD_OK && i < pr->nfixed; i++)   /* those after the last item's org */
		add_section(pr, pr->fixed[i].org_id, pr->fixed[i].sort, pr->fixed[i].name);
	if (s == QD_OK)
		s = store_io_person_pledges(db, year, id, add_pledge, pr, pr->err);
	if (s == QD_OK)
		s = checklist_measures_get(pr->q, year, id, !pr->r->to.text, &pr->measures,
					   pr->err);
	/* print --all: nobody's blank page unless asked (--include-empty) */
	int empty = !pr->nrows && !pr->npledges && !pr->measures.n;
	if (s != QD_OK) {
		pr->status = s;
	} else if (empty && pr->r->scope == PRINT_ALL && !pr->r->include_empty) {
		pr->skipped++;
	} else {
		char *code = print_code(pr, id);
		if (pr->status == QD_OK) {
			sheet_build(pr, &p, code);
			pr->people++;
			free(pr->code);
			pr->code = code;
			code = NULL;
		}
		free(code);
	}
	person_forget(pr);
	person_clear(&p);
}

/* ---- output ---- */

void print_result_clear(struct print_result *res)
{
	xfree(&res->lp_output);
	xfree(&res->code);
	res->people = 0;
}

enum qd_status print_checklist(struct qd *q, const struct print_request *r,
			       struct print_result *res, struct strbuf *err)
{
	struct printer pr = {.q = q, .r = r, .status = QD_OK, .err = err};
	memset(res, 0, sizeof *res);
	int t = date_today();
	date_format(t, pr.today);
	date_format(t + q->due_soon_days, pr.soon);
	/* the file first: a refused -o FILE logs no 校验码 */
	struct paper paper;
	enum qd_status s = paper_open(&paper, &r->to, q, err);
	if (s != QD_OK)
		return s;
	pr.unit = qd_setting(q, "unit_name");
	char *title = xasprintf(msg(M_IO_PRINT_TITLE), q->year);
	pr.d = doc_new(title);
	free(title);

	/* one transaction for all the codes; a read-only file logs none
	 * (qd_print_code then names the chain head instead) */
	struct strbuf ignore = {0};
	int batch = qd_batch_begin(q, &ignore) == QD_OK;
	sb_free(&ignore);
	if (r->scope == PRINT_PERSON) {
		print_person(&pr, r->id);
		s = pr.status;
	} else {
		/* many people: their rows and the records their codes digest are
		 * read once each from the file, not again for every person */
		int cache = store_io_cache(q->db, PRINT_CACHE_KIB);
		s = store_io_people(q->db, q->year, r->scope == PRINT_ORG ? r->id : 0, print_person, &pr, err);
		if (s == QD_OK)
			s = pr.status;
		store_io_cache(q->db, cache);
	}
	if (batch)
		s = qd_batch_end(q, s, err);
	if (s == QD_OK && pr.people == 0) {
		sb_puts(err, msg(pr.skipped ? M_DP_NO_ITEMS : M_IO_NO_PEOPLE));
		s = QD_NOTFOUND;
	}
	title = xasprintf(msg(M_IO_PRINT_TITLE), q->year);
	s = paper_finish(&paper, pr.d, s, title, &res->lp_output, err);
	free(title);
	res->people = pr.people;
	if (s == QD_OK && pr.people == 1) {
		res->code = pr.code;
		pr.code = NULL;
	}
	free(pr.code);
	doc_free(&pr.d);
	free(pr.unit);
	return s;
}

/* ---- the TUI's p key (tui.h's tui_print_hook) ---- */

static int lp_on_path(void)
{
	const char *path = getenv("PATH");
	char *copy = xstrdup(path ? path : "/usr/bin:/bin"), *save = NULL;
	int found = 0;
	for (char *dirp = strtok_r(copy, ":", &save); dirp && !found; dirp = strtok_r(NULL, ":", &save)) {
		char *exe = xasprintf("%s/lp", *dirp ? dirp : ".");
		found = access(exe, X_OK) == 0;
		free(exe);
	}
	free(copy);
	return found;
}

/* A file name for the PDF in the working folder (else HOME) that does not
 * exist yet: 2026年度个人党建责任清单-张三.pdf, …-张三-2.pdf. */
static char *pdf_name(int year, const char *who)
{
	char *title = xasprintf(msg(M_IO_PRINT_TITLE), year);
	char *stem = xasprintf("%s-%s", title, who);
	char *path = outfile_unused_name(stem, "pdf");
	free(stem);
	free(title);
	return path;
}

/* Who the request prints, for a file name: the person's or the org's name
 * (no '/' in it), or 全部. */
static char *file_who(const struct tui_print_request *tr)
{
	char *who = NULL;
	if (tr->scope == TUI_PRINT_PERSON) {
		struct person p = {0};
		if (qd_get_person(tr->q, tr->person_id, &p) == QD_OK)
			who = xstrdup(p.name);
		person_clear(&p);
	} else if (tr->scope == TUI_PRINT_ORG) {
		struct org o = {0};
		if (qd_get_org(tr->q, tr->org_id, &o) == QD_OK)
			who = xstrdup(o.name);
		org_clear(&o);
	} else {
		who = xstrdup(msg(M_TUI_PRINT_FILE_ALL));
	}
	char *clean = text_sanitize(who ? who : "", 0);
	for (char *c = clean; *c; c++)     /* a name is no path */
		if (*c == '/')
			*c = '_';
	free(who);
	return clean;
}

/* The papers that are not checklists: tab 5's pledges, tab 7's (the
 * record sheet of a meeting, the org's ledger) and tab 8's (the org's
 * 问题清单 and 整改清单). */
static int is_paper(const struct tui_print_request *tr)
{
	return tr->scope == TUI_PRINT_MEETING || tr->scope == TUI_PRINT_LEDGER ||
	       tr->scope == TUI_PRINT_PROBLEMS || tr->scope == TUI_PRINT_PLEDGE ||
	       tr->scope == TUI_PRINT_PLEDGES;
}

/* A new file for such a paper: pledge-5.pdf, pledges-2026.pdf,
 * 会议记录-12.pdf, 2026年度组织生活台账-第一党支部.pdf, problems-3-2026.pdf (as the
 * commands name them). */
static char *paper_pdf_name(const struct tui_print_request *tr)
{
	char *stem;
	if (tr->scope == TUI_PRINT_PLEDGE) {
		stem = xasprintf("pledge-%lld", tr->pledge_id);
	} else if (tr->scope == TUI_PRINT_PLEDGES) {
		stem = xasprintf("pledges-%d", tr->year ? tr->year : tr->q->year);
	} else if (tr->scope == TUI_PRINT_PROBLEMS) {
		stem = xasprintf("problems-%lld-%d", tr->org_id, tr->year ? tr->year : tr->q->year);
	} else if (tr->scope == TUI_PRINT_MEETING) {
		stem = xasprintf(msg(M_MP_FILE_SHEET), tr->meeting_id);
	} else {
		char *who = file_who(tr);
		stem = xasprintf(msg(M_MP_FILE_LEDGER), tr->year ? tr->year : tr->q->year, who);
		free(who);
	}
	char *path = outfile_unused_name(stem, "pdf");
	free(stem);
	return path;
}

char *io_tui_print_suggest(const struct tui_print_request *tr, int *lp)
{
	*lp = lp_on_path();
	if (is_paper(tr))
		return paper_pdf_name(tr);
	char *who = file_who(tr);
	char *path = pdf_name(tr->year ? tr->year : tr->q->year, who);
	free(who);
	return path;
}

/* Where the TUI's p key sends a paper: lp (the dialog's printer, else
 * the default one) or the file; an existing file is refused so that the
 * dialog can take another name. */
static struct paper_dest tui_dest(const struct tui_print_request *tr, const char *file)
{
	struct paper_dest to = {0};
	to.path_flags = OUTFILE_NO_HINT;
	to.lp = tr->lp;
	to.lpo.printer = str_empty(tr->printer) ? NULL : tr->printer;
	to.path = tr->lp ? NULL : file;
	return to;
}

/* Tab 8's 问题清单 through problem_print; *label what was printed. */
static enum qd_status tui_print_problems(const struct tui_print_request *tr,
					 const struct paper_dest *to, char **code, char **lp_output,
					 char **label, struct strbuf *out)
{
	struct problem_print_request r = {0};
	r.org_id = tr->org_id;
	r.year = tr->year ? tr->year : tr->q->year;
	r.to = *to;
	struct org o = {0};
	*label = xasprintf(msg(M_TUI_PRINT_PROBLEMS),
			   qd_get_org(tr->q, r.org_id, &o) == QD_OK ? o.name : "");
	org_clear(&o);
	return problem_print(tr->q, &r, code, lp_output, out);
}

/* Tab 5's pledges through pledge_print; *label what was printed. */
static enum qd_status tui_print_pledges(const struct tui_print_request *tr,
					const struct paper_dest *to, char **code, char **lp_output,
					char **label, struct strbuf *out)
{
	struct pledge_print_request r = {.status = -1};
	r.year = tr->year ? tr->year : tr->q->year;
	if (tr->scope == TUI_PRINT_PLEDGE) {
		r.ids = &tr->pledge_id;
		r.nids = 1;
	}
	r.to = *to;
	struct pledge_print_result res;
	enum qd_status s = pledge_print(tr->q, &r, &res, out);
	*label = r.nids ? xasprintf(msg(M_TUI_PRINT_PLEDGE), tr->pledge_id)
			: xstrdup(msg(M_TUI_PRINT_PLEDGES));
	*code = res.code;
	*lp_output = res.lp_output;
	res.code = res.lp_output = NULL;
	pledge_print_result_clear(&res);
	return s;
}

/* The p key on tabs 5, 7 and 8: print what was chosen through
 * pledge_print, meeting_print or problem_print. */
static enum qd_status tui_print_paper(const struct tui_print_request *tr, struct strbuf *out)
{
	struct meeting_print_request r = {0};
	r.id = tr->scope == TUI_PRINT_MEETING ? tr->meeting_id : 0;
	r.org_id = tr->org_id;
	r.year = tr->year ? tr->year : tr->q->year;
	char *file = NULL, *code = NULL, *lp_output = NULL, *label = NULL;
	if (!tr->lp)
		file = str_empty(tr->path) ? paper_pdf_name(tr) : xstrdup(tr->path);
	r.to = tui_dest(tr, file);
	enum qd_status s;
	if (tr->scope == TUI_PRINT_PROBLEMS) {
		s = tui_print_problems(tr, &r.to, &code, &lp_output, &label, out);
	} else if (tr->scope == TUI_PRINT_PLEDGE || tr->scope == TUI_PRINT_PLEDGES) {
		s = tui_print_pledges(tr, &r.to, &code, &lp_output, &label, out);
	} else {
		s = meeting_print(tr->q, &r, &code, &lp_output, out);
		const char *what = msg(r.id ? M_TUI_PRINT_MEETING : M_TUI_PRINT_LEDGER);
		label = r.id ? xasprintf(what, r.id) : NULL;
	}
	if (!label) {
		const char *what = msg(M_TUI_PRINT_LEDGER);
		struct org o = {0};
		label = xasprintf(what, qd_get_org(tr->q, r.org_id, &o) == QD_OK ? o.name : "");
		org_clear(&o);
	}
	if (s == QD_OK && r.to.lp)
		sb_printf(out, msg(M_MP_TUI_SENT), label,
			  r.to.lpo.printer ? r.to.lpo.printer : msg(M_IO_LP_DEFAULT),
			  lp_output ? lp_output : "");
	else if (s == QD_OK)
		sb_printf(out, msg(M_MP_TUI_PRINTED), label, file);
	if (s == QD_OK && code) {
		sb_puts(out, "  ");
		sb_printf(out, msg(M_IO_PRINT_CODE), code);
	}
	free(label);
	free(file);
	free(code);
	free(lp_output);
	return s;
}

enum qd_status io_tui_print(const struct tui_print_request *tr, struct strbuf *out)
{
	if (is_paper(tr)) {
		enum qd_status s = tui_print_paper(tr, out);
		for (char *c = out->s; c && *c; c++)    /* one line for the status line */
			if (*c == '\n')
				*c = ' ';
		return s;
	}
	struct qd *q = tr->q;
	int year = q->year;
	struct print_request r = {0};
	struct print_result res = {0};
	q->year = tr->year ? tr->year : year;
	switch (tr->scope) {
	case TUI_PRINT_PERSON: r.scope = PRINT_PERSON; r.id = tr->person_id; break;
	case TUI_PRINT_ORG: r.scope = PRINT_ORG; r.id = tr->org_id; break;
	default: r.scope = PRINT_ALL; break;
	}
	char *file = NULL;
	if (!tr->lp && !str_empty(tr->path)) {
		file = xstrdup(tr->path);
	} else if (!tr->lp) {
		char *who = file_who(tr);
		file = pdf_name(q->year, who);
		free(who);
	}
	r.to = tui_dest(tr, file);
	struct strbuf warn = {0};   /* undrawable characters: on the status line, not stderr */
	r.to.warn = &warn;
	enum qd_status s = print_checklist(q, &r, &res, out);
	if (s == QD_OK && r.to.lp)
		sb_printf(out, msg(M_IO_LP_SENT), r.to.lpo.printer ? r.to.lpo.printer : msg(M_IO_LP_DEFAULT), res.people,
			  res.lp_output ? res.lp_output : "");
	else if (s == QD_OK)
		sb_printf(out, msg(M_IO_PRINTED), res.people, file);
	if (s == QD_OK && res.code) {
		sb_puts(out, "  ");
		sb_printf(out, msg(M_IO_PRINT_CODE), res.code);
	}
	if (s == QD_OK && warn.len) {
		sb_puts(out, "  ");
		sb_puts(out, warn.s);
	}
	sb_free(&warn);
	if (out->len)                        /* one line for the status line */
		for (char *c = out->s; *c; c++)
			if (*c == '\n')
				*c = ' ';
	q->year = year;
	print_result_clear(&res);
	free(file);
	return s;
}
