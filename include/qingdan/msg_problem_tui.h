/* msg_problem_tui.h — the strings of tab 8 问题整改 (issue 12 §3,
 * src/tui_problem.c, src/tui_problem_edit.c) and of the 整改措施 section of
 * a person's checklist (src/tui_list.c): part of the catalogue of msg.h,
 * same form (id, 中文, English); every line ends with a backslash. */
#ifndef QINGDAN_MSG_PROBLEM_TUI_H
#define QINGDAN_MSG_PROBLEM_TUI_H

#define MSG_LIST_PROBLEM_TUI(_) \
	/* the action table (tui_action.h) and the tab */ \
	_(M_PBT_H_VIEW_PROBLEMS, "问题整改：问题清单及其整改措施、进度、回访、销号", "problems: the problem list with its measures, progress, 回访 and closing") \
	_(M_PBT_H_MEASURE, "整改措施：为所选问题新增一条整改措施（管理员）", "measure: add a rectification measure to the selected problem (admin)") \
	_(M_PBT_H_FEEDBACK, "回访：记录对反映人的回访及其结果", "feedback: record the 回访 to whoever raised the problem, and its result") \
	_(M_PBT_H_CLOSE, "销号：关闭所选问题（措施全部完成且回访满意后）；已销号的再按撤销", "close: close the selected problem (every measure done, 回访 satisfied); on a closed one, reopen it") \
	_(M_PBT_K_MEASURE, "措施", "measure") \
	_(M_PBT_K_FEEDBACK, "回访", "feedback") \
	_(M_PBT_K_CLOSE, "销号", "close") \
	_(M_PBT_TAB, "问题整改", "Problems") \
	/* the problem list */ \
	_(M_PBT_TITLE, "%s · %d 年度问题清单 → 整改清单", "%s · problems and rectification %d") \
	_(M_PBT_EVERY_ORG, "全部组织", "every organisation") \
	_(M_PBT_LEGEND, "进度＝已完成/措施数", "progress = done/measures") \
	_(M_PBT_COL_ID, "编号", "id") \
	_(M_PBT_COL_ORG, "组织", "org") \
	_(M_PBT_COL_DATE, "发现日期", "raised") \
	_(M_PBT_COL_SOURCE, "来源", "source") \
	_(M_PBT_COL_TEXT, "问题", "problem") \
	_(M_PBT_COL_PROGRESS, "进度", "done") \
	_(M_PBT_COL_STATUS, "状态", "status") \
	_(M_PBT_COL_FLAGS, "提示", "flags") \
	_(M_PBT_FLAG_OVERDUE, "逾期%d", "overdue %d") \
	_(M_PBT_FLAG_FEEDBACK, "待回访", "回访 due") \
	_(M_PBT_FLAG_UNSATISFIED, "不满意", "unsatisfied") \
	_(M_PBT_EMPTY, "本年度还没有问题；按 a 新增", "no problems this year; press a to add one") \
	_(M_PBT_NONE_MATCH, "没有符合筛选条件的问题（F 清除筛选）", "no problem matches the filter (F clears it)") \
	_(M_PBT_NOTHING, "没有选中的问题", "no problem selected") \
	_(M_PBT_SUMMARY, "共%d个 已整改%d 已销号%d 逾期%d", "%d problems, %d rectified, %d closed, %d overdue") \
	_(M_PBT_TIP, "Enter 打开  a 新增问题  m 整改措施  v 回访  c 销号  f 筛选  b 组织", "Enter opens  a add  m measure  v 回访  c close  f filter  b org") \
	_(M_PBT_FILTERS, "筛选：", "filter:") \
	_(M_PBT_ONLY_OVERDUE, "有逾期措施", "with an overdue measure") \
	_(M_PBT_PICK_ORG, "选择组织", "choose the organisation") \
	_(M_PBT_PICK_FILTER, "筛选问题", "filter the problems") \
	_(M_PBT_FILTER_ALL, "全部问题", "every problem") \
	_(M_PBT_FILTER_STATUS, "状态：%s", "status: %s") \
	_(M_PBT_FILTER_SOURCE, "来源：%s", "source: %s") \
	_(M_PBT_BAD_FILTER, "无法识别的筛选“%s”：可用状态（open rectifying rectified closed）、来源（phone mail …）或 overdue", "unknown filter \"%s\": give a status (open rectifying rectified closed), a source (phone mail …) or overdue") \
	/* the detail pane and the problem view */ \
	_(M_PBT_DETAIL, "问题 #%lld · %s · %s", "problem #%lld · %s · %s") \
	_(M_PBT_RAISER, "反映人", "raised by") \
	_(M_PBT_ANONYMOUS, "匿名", "anonymous") \
	_(M_PBT_CONTACT, "联系方式", "contact") \
	_(M_PBT_CATEGORY, "类别", "category") \
	_(M_PBT_MEETING, "关联会议", "meeting") \
	_(M_PBT_STATUS_LINE, "状态：%s  整改措施：%d 项，已完成 %d 项，逾期 %d 项", "status: %s  measures: %d, %d done, %d overdue") \
	_(M_PBT_FB_NOT_NEEDED, "回访：匿名反映，无需回访", "回访: anonymous, none needed") \
	_(M_PBT_FB_NONE, "回访：需要回访，尚未回访", "回访: needed, not yet made") \
	_(M_PBT_FB_YES, "回访：已回访 %d 次，最近一次满意", "回访: %d made, the latest satisfied") \
	_(M_PBT_FB_NO, "回访：已回访 %d 次，最近一次不满意（需继续整改并再次回访）", "回访: %d made, the latest unsatisfied (more rectification and another 回访 needed)") \
	_(M_PBT_CLOSED_LINE, "销号：%s，%s", "closed: %s by %s") \
	_(M_PBT_MEASURES, "整改措施（%d）", "measures (%d)") \
	_(M_PBT_NO_MEASURES, "还没有整改措施；按 m 新增（管理员）", "no measures yet; press m to add one (admin)") \
	_(M_PBT_COL_SEQ, "序号", "no.") \
	_(M_PBT_COL_MEASURE, "整改措施", "measure") \
	_(M_PBT_FEEDBACKS, "回访记录（%d）", "回访 history (%d)") \
	_(M_PBT_NO_FEEDBACKS, "还没有回访记录", "no 回访 recorded") \
	_(M_PBT_SATISFIED, "满意", "satisfied") \
	_(M_PBT_UNSATISFIED, "不满意", "unsatisfied") \
	_(M_PBT_SHOW_TIP, "Enter 打开措施  m 新增措施  s 措施状态  n 纪实  v 回访  c 销号  Esc 返回", "Enter opens a measure  m add  s its status  n note  v 回访  c close  Esc back") \
	_(M_PBT_NO_MEASURE, "没有选中的整改措施", "no measure selected") \
	_(M_PBT_GONE, "问题 #%lld 已不存在（已删除？）", "problem #%lld is gone (deleted?)") \
	/* the forms */ \
	_(M_PBT_ADD_TITLE, "新增问题 · %d 年度", "new problem · %d") \
	_(M_PBT_EDIT_TITLE, "修改问题 #%lld", "edit problem #%lld") \
	_(M_PBT_F_ORG, "组织", "organisation") \
	_(M_PBT_F_SOURCE, "来源", "source") \
	_(M_PBT_F_ON, "发现日期", "raised on") \
	_(M_PBT_F_CATEGORY, "类别", "category") \
	_(M_PBT_F_TEXT, "问题描述", "problem") \
	_(M_PBT_F_RAISER, "反映人（本单位人员）", "raised by (a person of the file)") \
	_(M_PBT_F_OUTSIDE, "反映人（外部姓名）", "raised by (an outside name)") \
	_(M_PBT_F_CONTACT, "联系方式", "contact") \
	_(M_PBT_F_MEETING, "关联会议编号", "meeting id") \
	_(M_PBT_BAD_MEETING, "关联会议编号“%s”不是数字：填写会议编号（如 12 或 #12），或留空", "meeting id \"%s\" is not a number: give the meeting's id (12 or #12), or leave it empty") \
	_(M_PBT_ADDED, "已新增问题 #%lld（%s）", "problem #%lld added (%s)") \
	_(M_PBT_SAVED, "已保存问题 #%lld", "problem #%lld saved") \
	_(M_PBT_MEASURE_TITLE, "问题 #%lld 新增整改措施", "new measure for problem #%lld") \
	_(M_PBT_F_MEASURE, "整改措施", "measure") \
	_(M_PBT_F_OWNER, "责任人", "owner") \
	_(M_PBT_F_LEAD, "分管领导", "lead") \
	_(M_PBT_F_DUE, "完成时限", "due") \
	_(M_PBT_F_STANDARD, "整改标准", "standard") \
	_(M_PBT_MEASURE_ADDED, "已为问题 #%lld 新增整改措施 #%lld（整改清单）", "problem #%lld: measure #%lld added (the rectification list)") \
	_(M_PBT_MEASURE_DENIED, "只有管理员可以新增整改措施（%s 不是管理员）：整改措施是整改清单的事项，和其他事项一样由管理员录入", "only an admin may add a measure (%s is not one): measures are items of the rectification list, entered by an admin like every item") \
	_(M_PBT_FEEDBACK_TITLE, "问题 #%lld 回访", "回访 for problem #%lld") \
	_(M_PBT_F_FB_ON, "回访日期", "date") \
	_(M_PBT_F_FB_BY, "回访人", "made by") \
	_(M_PBT_F_FB_RESULT, "回访结果", "result") \
	_(M_PBT_F_FB_SATISFIED, "反映人满意", "the raiser is satisfied") \
	_(M_PBT_FEEDBACK_ADDED, "已记录问题 #%lld 的回访（%s）", "回访 recorded for problem #%lld (%s)") \
	_(M_PBT_FEEDBACK_ANON, "问题 #%lld 是匿名反映的，不需要回访", "problem #%lld was raised anonymously: no 回访 is needed") \
	_(M_PBT_CLOSE_TITLE, "问题 #%lld 销号", "close problem #%lld") \
	_(M_PBT_F_CLOSE_ON, "销号日期", "closed on") \
	_(M_PBT_CLOSED, "问题 #%lld 已销号", "problem #%lld closed") \
	_(M_PBT_CANNOT_CLOSE, "问题 #%lld 不能销号：%s", "problem #%lld cannot be closed: %s") \
	_(M_PBT_REOPEN_Q, "问题 #%lld 已于 %s 销号，撤销销号？", "problem #%lld was closed on %s; reopen it?") \
	_(M_PBT_REOPENED, "问题 #%lld 已撤销销号", "problem #%lld reopened") \
	_(M_PBT_DELETE_Q, "删除问题 #%lld“%s”？", "delete problem #%lld \"%s\"?") \
	_(M_PBT_DELETED, "已删除问题 #%lld", "problem #%lld deleted") \
	_(M_PBT_DENIED, "%s 不能登记 %s 的问题：只有管理员和该组织的书记、副书记、组织委员可以", "%s may not record problems of %s: only admins and its 书记, 副书记 or 组织委员 may") \
	/* a person's checklist (tab 4, Enter) */ \
	_(M_PBT_CHECKLIST_SECTION, "整改措施（%d）", "rectification measures (%d)") \
	_(M_PBT_OF_PROBLEM, "所属问题：#%lld %s", "for problem #%lld %s")

#endif
