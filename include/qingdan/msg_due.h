/* msg_due.h — the strings of due words (issue 13 item 5: 6月底前, 第三季度,
 * 上半年 … as a due date in import, `item add/set --due` and the item form):
 * part of the catalogue of msg.h, same form (id, 中文, English); every line
 * ends with a backslash. */
#ifndef QINGDAN_MSG_DUE_H
#define QINGDAN_MSG_DUE_H

#define MSG_LIST_DUE(_) \
	_(M_DUE_ROW_IMPOSSIBLE, "完成时限“%s”不是存在的日期；请写真实的日期（如 2026-06-30）或时限（如“6月底前”“第三季度”“上半年”“年底前”）", "due \"%s\" is a date that does not exist; write a real date (such as 2026-06-30) or a period (such as 6月底前, 第三季度, 上半年, 年底前)") \
	_(M_DUE_IMPOSSIBLE, "完成时限“%s”不是存在的日期；请写真实的日期（如 2026-06-30）或时限（如“6月底前”“第三季度”）", "due \"%s\" is a date that does not exist; write a real date (such as 2026-06-30) or a period (such as 6月底前, 第三季度)") \
	_(M_DUE_NOT_DUE, "完成时限“%s”既不是日期也不是时限（如“6月底前”“第三季度”）；“长期坚持”这类文字请写在时限说明里（--due-text）", "due \"%s\" is neither a date nor a period (such as 6月底前, 第三季度); put words like 长期坚持 in the due text (--due-text)") \

/* The column of `category list` (the rest are COLUMN_LIST's). */
#define COLUMN_LIST_CATEGORY(_) _("sort", "顺序", "sort")

#endif
