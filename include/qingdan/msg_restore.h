/* msg_restore.h — the strings of undoing the common mistakes (issue 14
 * point 4): `item restore`, `item list --deleted` (the 回收站), `item set`
 * of several items, and in the screen the 回收站 view and multi-select.
 * Part of the catalogue of msg.h, same form (id, 中文, English); every line
 * ends with a backslash. */
#ifndef QINGDAN_MSG_RESTORE_H
#define QINGDAN_MSG_RESTORE_H

#define MSG_LIST_RESTORE(_) \
	_(M_ACT_RESTORE, "恢复事项", "restore an item") \
	_(M_RS_NOT_DELETED, "事项 #%lld 没有被删除，无需恢复；已删除的事项见 item list --deleted", "item #%lld is not deleted, so there is nothing to restore; item list --deleted lists the deleted ones") \
	_(M_RS_DETAIL, "恢复（原删除于 %s）", "restored (had been deleted %s)") \
	_(M_RS_SET_FAILED, "事项 #%lld 未能修改，%d 个事项都未改动：%s", "item #%lld could not be changed, so none of the %d items was changed: %s") \
	_(M_RS_IF_VERSION_ONE, "%s：--if-version 只能用于一个事项，这里给了 %d 个编号", "%s: --if-version applies to one item only, but %d ids were given") \
	_(M_RS_DELETED_KIND, "%s：--deleted 不能与 %s 同用；回收站按 --org、--all-years、--kind 筛选", "%s: --deleted does not go with %s; the 回收站 filters by --org, --all-years and --kind") \
	_(M_RS_TRASH_TITLE, "回收站", "回收站 (deleted items)") \
	_(M_RS_TRASH_EMPTY, "回收站是空的：%d 年没有删除的事项", "the 回收站 is empty: no item of %d is deleted") \
	_(M_RS_TRASH_HINT, "Enter/r 恢复  Esc 返回", "Enter/r restore  Esc back") \
	_(M_RS_TRASH_HEAD, "回收站：%d 年已删除的事项 %d 项", "回收站: the deleted items of %d (%d)") \
	_(M_RS_RESTORED, "已恢复事项 #%lld", "item #%lld restored") \
	_(M_RS_MARKED, "已选 %d 项", "%d marked") \
	_(M_RS_MARKS_CLEARED, "已取消选择", "marks cleared") \
	_(M_RS_CHANGED_N, "已修改 %d 项", "%d items changed") \
	_(M_RS_HELP_TRASH, "回收站：已删除的事项（Enter/r 恢复）", "回收站: the deleted items (Enter/r restores)") \
	_(M_RS_HELP_RESTORE, "恢复回收站中所选的已删除事项（管理员）", "restore the deleted item selected in the 回收站 (admin)") \
	_(M_RS_TRASH_ONLY, "恢复只在回收站中使用：按 D 打开回收站", "restore works in the 回收站: press D to open it") \
	_(M_RS_PICK_STATUS, "已选 %d 项改为", "move the %d marked items to") \
	_(M_RS_FORM_ASSIGN, "指派已选的 %d 项", "assign the %d marked items") \
	_(M_RS_HELP_DUE, "改完成时限（管理员；可写 6月底前、第三季度；有已选行时改所有已选行）", "set the due date (admin; due words such as 6月底前 or 第三季度; with rows marked, of every marked row)") \
	_(M_RS_PROMPT_DUE, "事项 #%lld 的完成时限：", "due date of item #%lld: ") \
	_(M_RS_PROMPT_DUE_N, "已选 %d 项的完成时限：", "due date of the %d marked items: ") \
	_(M_RS_HELP_MARK, "标记/取消标记当前行（指派、状态、时限作用于所有已选行；Esc 取消选择）", "mark/unmark the row (assign, status and due then apply to every marked row; Esc clears)")

/* Column headers (COLUMN_LIST). */
#define COLUMN_LIST_RESTORE(_) \
	_("deleted_at", "删除时间", "deleted") _("deleted_by", "删除人", "deleted by")

#endif
