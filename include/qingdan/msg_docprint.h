/* msg_docprint.h — the strings of issue 13 part D: every character on the
 * PDF (the warning that names what no font can draw) and the checklist
 * paper (its columns, signature lines, print --include-empty): part of the
 * catalogue of msg.h, same form (id, 中文, English); every line ends with a
 * backslash. */
#ifndef QINGDAN_MSG_DOCPRINT_H
#define QINGDAN_MSG_DOCPRINT_H

#define MSG_LIST_DOCPRINT(_) \
	/* doc_missing_report: FILE, the characters */ \
	_(M_DP_MISSING, "%s：警告：以下字符无法显示：%s；纸上印为方框。请安装含这些字符的字体" \
	  "（如 fonts-hanazono、fonts-noto-cjk、fonts-symbola）后重新打印", \
	  "%s: warning: these characters cannot be drawn: %s; they print as boxes. " \
	  "Install a font that has them (e.g. fonts-hanazono, fonts-noto-cjk, " \
	  "fonts-symbola) and print again") \
	_(M_DP_MORE, "等 %d 个", "and %d more") \
	_(M_DP_SEP, "、", ", ") \
	/* the checklist paper */ \
	_(M_DP_COL_MEASURES, "工作措施", "Measures") \
	_(M_DP_COL_RESULT, "完成情况", "Result") \
	_(M_DP_CANCELLED, "已取消", "cancelled") \
	_(M_DP_SIGN_SELF, "本人签字：＿＿＿＿＿＿\n日期：　　年　　月　　日", \
	  "Signature: ____________\nDate: ____________") \
	_(M_DP_SIGN_CHECK, "审核人（支部书记）签字：＿＿＿＿＿＿\n日期：　　年　　月　　日", \
	  "Checked by (branch secretary): ____________\nDate: ____________") \
	_(M_DP_NO_ITEMS, "没有人有本年度的事项或责任书可打印；要打印空白清单请加 --include-empty", \
	  "nobody has items or pledges this year to print; add --include-empty for blank checklists")

#endif
