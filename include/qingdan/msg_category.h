/* msg_category.h — the strings of the category table's commands (issue
 * 13: `category add`, `category move`): part of the catalogue of msg.h,
 * same form (id, 中文, English); every line ends with a backslash. */
#ifndef QINGDAN_MSG_CATEGORY_H
#define QINGDAN_MSG_CATEGORY_H

#define MSG_LIST_CATEGORY(_) \
	_(M_ACT_MANAGE_CATEGORIES, "管理类别", "manage categories") \
	_(M_CAT_EXISTS, "类别“%s”已存在（第 %d 位）；要改变它的位置请用 category move", "category \"%s\" already exists (position %d); to change its place use category move") \
	_(M_CAT_NOT_FOUND, "没有类别“%s”；现有类别：%s", "there is no category \"%s\"; the categories are: %s") \
	_(M_CAT_BLANK, "类别名称不能为空（只有空格或不可见字符也算空）", "the category name must not be blank (spaces and invisible characters alone count as blank)") \
	_(M_CAT_TOO_LONG, "类别名称“%s”太长（%d 个字符，最多 %d 个）", "the category name \"%s\" is too long (%d characters, at most %d)") \
	_(M_CAT_CONTROL, "类别名称含有控制字符（第 %d 个字符，U+%04X）；请只用可见的文字", "the category name has a control character (character %d, U+%04X); use visible text only") \
	_(M_CAT_NOT_UTF8, "类别名称不是有效的 UTF-8 文本", "the category name is not valid UTF-8") \
	_(M_CAT_AFTER_SELF, "不能把类别“%s”移到它自己之后", "category \"%s\" cannot be moved after itself") \
	_(M_CAT_WHERE, "请用 --after 类别 或 --first 指明位置（只选一个）", "say where with --after CATEGORY or --first (one of them)") \
	_(M_CAT_BOTH, "--after 与 --first 只能选一个", "--after and --first cannot be used together") \
	_(M_CAT_LIST_SEP, "、", ", ") \
	_(M_CAT_ADDED, "已新增类别“%s”，第 %d 位（共 %d 个）", "added category \"%s\" at position %d (of %d)") \
	_(M_CAT_MOVED, "已将类别“%s”移到第 %d 位（共 %d 个）", "moved category \"%s\" to position %d (of %d)") \
	_(M_CAT_UNMOVED, "类别“%s”已在第 %d 位（共 %d 个），未改变", "category \"%s\" is already at position %d (of %d); nothing changed")

#endif
