/* msg_reimport.h — the strings of importing a list again (issue 13:
 * `import` recognises rows already in the list; --update, --append): part
 * of the catalogue of msg.h, same form (id, 中文, English); every line ends
 * with a backslash.  A message about a place in the file starts "%s:%ld:"
 * with FILE (or FILE:SHEET) and the row. */
#ifndef QINGDAN_MSG_REIMPORT_H
#define QINGDAN_MSG_REIMPORT_H

#define MSG_LIST_REIMPORT(_) \
	/* the default: a file whose rows are in the list already is refused */ \
	_(M_RI_DUPLICATE, "%s：%ld 行中有 %ld 行已在 %d 年度清单中（%s）；未写入任何内容。再导入会重复这些事项：用 --update 按文件更新已有事项并添加其余各行（加 --dry-run 先看改动），或用 --append 把每一行都作为新事项添加", "%1$s: %3$ld of the %2$ld rows are already in the %4$d lists (%5$s); nothing was written. Importing them again would duplicate those items: use --update to update the existing items from the file and add the other rows (with --dry-run to see the changes first), or --append to add every row as a new item") \
	_(M_RI_DRY_DUPLICATE, "%s：%ld 行中有 %ld 行已在 %d 年度清单中（%s）；检查模式，未写入；这样导入会被拒绝：用 --update 按文件更新已有事项并添加其余各行，或用 --append 把每一行都作为新事项添加", "%1$s: %3$ld of the %2$ld rows are already in the %4$d lists (%5$s); check only, nothing written; imported like this the file is refused: use --update to update the existing items from the file and add the other rows, or --append to add every row as a new item") \
	_(M_RI_EXAMPLE, "%s:%ld → #%lld", "%s:%ld → #%lld") \
	_(M_RI_EXAMPLE_SEP, "，", ", ") \
	_(M_RI_MORE, "……", ", …") \
	/* --update: what will change */ \
	_(M_RI_CHANGE, "%s:%ld: #%lld %s：%s → %s", "%s:%ld: #%lld %s: %s → %s") \
	_(M_RI_EMPTY, "（空）", "(empty)") \
	_(M_RI_VALUE, "“%s”", "\"%s\"") \
	_(M_RI_PLAN, "%ld 项更新，%ld 项新增，%ld 项不变", "%ld updated, %ld added, %ld unchanged") \
	_(M_RI_STATUS_KEPT, "%s:%ld: 提示：#%lld 的状态在文件中为“%s”，清单中为“%s”；导入不改变状态，请用 qingdan item set %lld --status …", "%s:%ld: note: #%lld has status \"%s\" in the file but \"%s\" in the list; import does not change a status: use qingdan item set %lld --status …") \
	_(M_RI_CLOSED, "对应的事项 #%lld 当前为“%s”，不能再修改（本行改了%s）；请恢复这一行的原值或删去这一行", "it stands for item #%lld, which is %s and can no longer change (this row changes %s); put the row's old values back or leave the row out") \
	_(M_RI_FIELD_SEP, "、", ", ") \
	_(M_RI_SAME_ITEM, "与第 %ld 行对应同一事项 #%lld；一个事项只能由一行更新：请合并或删去其中一行", "stands for the same item #%2$lld as row %1$ld; one item is updated by one row only: merge the two or leave one out") \
	/* the summary */ \
	_(M_RI_UPDATED, "已更新 %ld 项、新增 %ld 项到 %d 年度清单（%s，%d 个组织），%ld 项不变", "updated %ld items and added %ld to the %d lists (%s, %d organisations), %ld unchanged") \
	_(M_RI_DRY_UPDATED, "检查通过，未写入：将更新 %ld 项、新增 %ld 项到 %d 年度清单（%s，%d 个组织），%ld 项不变", "check passed, nothing written: %ld items would be updated and %ld added to the %d lists (%s, %d organisations), %ld unchanged") \
	/* the options */ \
	_(M_RI_ONE_MODE, "--update 和 --append 只能选一个", "--update and --append cannot be used together") \
	_(M_RI_LIST_ONLY, "--update 和 --append 只用于导入清单（不用于 --meetings 或 --problems）", "--update and --append are for list files only (not --meetings or --problems)")

#endif
