/* print_sheet.c — the checklist paper of one person (个人党建责任清单,
 * DESIGN §7, issue 13): what print.c gathered, laid out as a print
 * document (doc.h) to be filled in and signed by hand:
 *   序号 | 责任内容 | 工作措施 | 完成标准 | 完成时限 | 完成情况 | 确认
 * with the due date written 2026年3月31日 (and the item's due words under
 * it), 完成情况 left blank, a box to tick in 确认 (a cancelled item gets
 * "已取消" and grey instead); the header fields on a grid whose values are
 * never broken; signature lines for 本人 and 审核人（支部书记）. */
#include "print_impl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qingdan/date.h"
#include "qingdan/doc.h"
#include "qingdan/msg.h"
#include "qingdan/period.h"
#include "qingdan/text.h"

static const char *const cn_digits[] = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};

/* 一 … 九十九: the numbering of sections. */
static char *cn_number(int n)
{
	if (msg_english())
		return xasprintf("%d", n);
	if (n < 10)
		return xstrdup(cn_digits[n]);
	return xasprintf("%s十%s", n / 10 > 1 ? cn_digits[n / 10 % 10] : "", cn_digits[n % 10]);
}

/* a, or a "\n" b when b is not empty (malloc'd); b NULL: a alone.  Cells
 * are built this way rather than by printf: print --all formats 100k rows. */
static char *join_cell(const char *a, const char *sep, const char *b)
{
	size_t na = strlen(a), ns = b && *b ? strlen(sep) : 0, nb = b && *b ? strlen(b) : 0;
	char *out = xmalloc(na + ns + nb + 1);
	memcpy(out, a, na);
	memcpy(out + na, sep, ns);
	memcpy(out + na + ns, b ? b : "", nb);
	out[na + ns + nb] = '\0';
	return out;
}

/* 完成时限: the date as 2026年3月31日 (not ISO; in English, ISO), the due
 * words under it, then the item's flags (逾期, 即将到期). */
static char *due_cell(const struct io_print_item *it)
{
	struct strbuf b = {0};
	char zh[24];
	int day;
	sb_puts(&b, "");
	if (*it->due)
		sb_puts(&b, !msg_english() && date_parse(it->due, &day) == 0 ? date_format_zh(day, zh)
								     : it->due);
	if (*it->due_text)
		sb_printf(&b, "%s%s", b.len ? "\n" : "", it->due_text);
	if (*it->flags) {
		char *f = flags_label(it->flags);
		sb_printf(&b, "%s%s", b.len ? "\n" : "", f);
		free(f);
	}
	return sb_take(&b);
}

/* 完成情况 of a recurring item: "每季度 Q1✓ Q2✗ Q3☐ Q4☐" (text print:
 * "Q1[v] Q2[x] Q3[_] Q4[_]", period.h). */
static char *period_cell(const struct io_print_item *it, int pdf)
{
	struct strbuf b = {0};
	int every = every_parse(it->every);
	sb_printf(&b, "%s\n", every_label(every));
	period_marks(&b, it->year, every, period_mask(every, it->periods), date_today(),
		     pdf ? PERIOD_MARKS_PAPER : PERIOD_MARKS_ASCII);
	return sb_take(&b);
}

void sheet_item_cells(struct prow *row, const struct io_print_item *it, int pdf)
{
	char seq[16];
	int cancelled = strcmp(it->status, "cancelled") == 0;
	snprintf(seq, sizeof seq, "%d", it->seq);
	row->flags = cancelled ? DOC_ROW_GREY : 0;
	row->cells[0] = xstrdup(seq);
	row->cells[1] = join_cell(it->content, "", it->is_lead && !it->is_owner ? msg(M_IO_PRINT_LEAD) : NULL);
	row->cells[2] = xstrdup(it->measures ? it->measures : "");
	row->cells[3] = xstrdup(it->standard);
	row->cells[4] = due_cell(it);
	/* 完成情况: written in by hand; a recurring item's periods to tick */
	row->cells[5] = *it->every ? period_cell(it, pdf) : xstrdup("");
	row->cells[6] = xstrdup(cancelled ? msg(M_DP_CANCELLED) : pdf ? "☐" : "[ ]");
}

void sheet_build(struct printer *pr, const struct person *p, const char *code)
{
	/* 序号 责任内容 工作措施 完成标准 完成时限 完成情况 确认: the blank
	 * 完成情况 wide enough to write in by hand, 完成时限 for
	 * "2026年12月31日" on one line */
	static const struct doc_col item_cols[SHEET_COLS] = {
		{NULL, 1.3, 'c'}, {NULL, 5.1, 'l'}, {NULL, 4.3, 'l'}, {NULL, 3.5, 'l'},
		{NULL, 3.9, 'c'}, {NULL, 3.4, 'l'}, {NULL, 2.0, 'c'},
	};
	static const enum msg_id item_names[SHEET_COLS] = {
		M_IO_COL_SEQ, M_IO_COL_CONTENT, M_DP_COL_MEASURES, M_IO_COL_STANDARD,
		M_IO_COL_DUE, M_DP_COL_RESULT, M_IO_COL_CHECK};
	static const struct doc_col pledge_cols[] = {
		{NULL, 7.0, 'l'}, {NULL, 2.0, 'c'}, {NULL, 2.0, 'c'}, {NULL, 2.4, 'c'}, {NULL, 2.2, 'c'},
	};
	static const enum msg_id pledge_names[] = {M_IO_COL_PLEDGE, M_IO_COL_ISSUER, M_IO_COL_SIGNER,
						   M_IO_COL_STATUS, M_IO_COL_PROXY};
	struct doc *d = pr->d;
	char *footer = xasprintf(msg(M_IO_PRINT_CODE), code ? code : "");
	doc_group(d, footer);
	free(footer);
	char *title = xasprintf(msg(M_IO_PRINT_TITLE), pr->q->year);
	doc_title(d, title);
	free(title);
	doc_field(d, msg(M_IO_PRINT_UNIT), *pr->unit ? pr->unit : "—");
	doc_field(d, msg(M_IO_PRINT_NAME), p->name);
	doc_field(d, msg(M_IO_PRINT_POST), !str_empty(p->post) ? p->post : "—");
	doc_field(d, msg(M_IO_PRINT_BRANCH), !str_empty(p->org_name) ? p->org_name : "—");
	doc_fields_grid(d, 2);   /* in the PDF: label/value cells, no name broken */

	struct doc_col cols[SHEET_COLS];
	for (int c = 0; c < SHEET_COLS; c++) {
		cols[c] = item_cols[c];
		cols[c].name = msg(item_names[c]);
	}
	int k = 0, row = 0;
	for (int s = 0; s < pr->nsecs; s++) {
		char *num = cn_number(++k);
		char *heading = xasprintf(msg(M_IO_PRINT_SECTION), num, pr->secs[s].name);
		doc_heading(d, heading);
		free(heading);
		free(num);
		struct doc_table *t = NULL;
		for (; row < pr->nrows && pr->rows[row].org_id == pr->secs[s].org_id; row++) {
			if (!t)
				t = doc_table(d, SHEET_COLS, cols);
			/* the doc keeps the cells */
			doc_row_take(t, pr->rows[row].flags, pr->rows[row].cells);
		}
		if (!t)
			doc_para(d, 0, msg(M_IO_PRINT_NONE));
	}

	char *num;
	if (pr->measures.n) {
		num = cn_number(++k);
		checklist_measures_section(d, num, &pr->measures);
		free(num);
	}
	num = cn_number(++k);
	char *heading = xasprintf(msg(M_IO_PRINT_PLEDGES), num);
	doc_heading(d, heading);
	free(heading);
	free(num);
	if (pr->npledges) {
		struct doc_col pc[5];
		for (int c = 0; c < 5; c++) {
			pc[c] = pledge_cols[c];
			pc[c].name = msg(pledge_names[c]);
		}
		struct doc_table *t = doc_table(d, 5, pc);
		for (int i = 0; i < pr->npledges; i++)
			doc_row(t, pr->pledges[i].red ? DOC_ROW_RED : 0,
				(const char *const *)pr->pledges[i].cells);
	} else {
		doc_para(d, 0, msg(M_IO_PRINT_NONE));
	}
	doc_sign(d, msg(M_DP_SIGN_SELF), msg(M_DP_SIGN_CHECK));
}

