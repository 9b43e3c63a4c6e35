/* msg_problem.h — the strings of `qingdan problem …` (issue 12,
 * cli_problem.c): part of the catalogue of msg.h, same form (id, 中文,
 * English); every line ends with a backslash.  The labels of sources and
 * statuses and the model's refusals are msg_problem_model.h's. */
#ifndef QINGDAN_MSG_PROBLEM_H
#define QINGDAN_MSG_PROBLEM_H

#define MSG_LIST_PROBLEM_CLI(_) \
	/* bad operands */ \
	_(M_PC_BAD_SATISFIED, "--satisfied 的值“%s”无效；请写 yes（满意）或 no（不满意）", "--satisfied cannot be \"%s\"; write yes or no") \
	_(M_PC_BAD_MEETING, "--meeting 的值“%s”无效：应为会议编号（meeting list 的“编号”），problem set 可写 none 取消关联", "--meeting cannot be \"%s\": give a meeting id (the id of meeting list); problem set takes none to unlink") \
	_(M_PC_RAISER_TWICE, "%s：--raised-by 与 --anonymous 只能用一个（匿名反映的问题没有反映人）", "%s: give --raised-by or --anonymous, not both (an anonymous problem has no raiser)") \
	_(M_PC_CONTACT_ANON, "%s：匿名反映的问题不能有 --contact；去掉 --anonymous 并用 --raised-by 写明反映人，或去掉 --contact", "%s: an anonymous problem has no --contact; name the raiser with --raised-by instead of --anonymous, or drop --contact") \
	_(M_PC_RAISER_ID, "找不到人员“%s”；编号须是本文件的人员（person list），文件外的反映人请直接写姓名", "no person \"%s\"; an id must be a person of this file (person list); write an outside raiser's name as it is") \
	/* problem show */ \
	_(M_PC_SHOW_HEAD, "问题 #%lld · %s · %s · %s", "problem #%lld · %s · %s · %s") \
	_(M_PC_F_TEXT, "问题", "problem") \
	_(M_PC_F_CATEGORY, "类别", "category") \
	_(M_PC_F_RAISER, "反映人", "raised by") \
	_(M_PC_ANONYMOUS, "匿名", "anonymous") \
	_(M_PC_OUTSIDE, "（文件外）", " (outside)") \
	_(M_PC_F_CONTACT, "联系方式", "contact") \
	_(M_PC_F_MEETING, "查摆会议", "found at meeting") \
	_(M_PC_F_YEAR, "年度", "year") \
	_(M_PC_F_STATUS, "状态", "status") \
	_(M_PC_F_PROGRESS, "整改进度", "progress") \
	_(M_PC_PROGRESS, "整改措施 %d 项，已完成 %d 项，逾期 %d 项", "%d measures, %d done, %d overdue") \
	_(M_PC_F_FEEDBACK, "回访", "feedback") \
	_(M_PC_FEEDBACK_NOT_NEEDED, "匿名反映，无需回访", "anonymous: no feedback needed") \
	_(M_PC_FEEDBACK_STATE, "需回访；已回访 %d 次，最近一次：%s", "needed; %d recorded, the latest: %s") \
	_(M_PC_FEEDBACK_NONE_YET, "尚未回访", "none yet") \
	_(M_PC_F_CLOSE, "销号", "closing") \
	_(M_PC_CLOSED, "%s 已销号（%s）", "closed on %s (by %s)") \
	_(M_PC_MAY_CLOSE, "可以销号：problem close %lld", "may be closed: problem close %lld") \
	_(M_PC_NOT_YET, "暂不能销号：%s", "cannot be closed yet: %s") \
	_(M_PC_F_MEASURES, "整改措施", "measures") \
	_(M_PC_NO_MEASURES, "尚无；用 problem measure %lld --text 措施 --owner 责任人 --due 时限 添加", "none yet; add one with problem measure %lld --text T --owner WHO --due DATE") \
	_(M_PC_MEASURE_WHO, "责任人 %s，牵头领导 %s，时限 %s", "owner %s, lead %s, due %s") \
	_(M_PC_F_FEEDBACKS, "回访记录", "feedback history") \
	_(M_PC_NO_FEEDBACKS, "（无）", "(none)") \
	_(M_PC_SATISFIED, "满意", "satisfied") \
	_(M_PC_UNSATISFIED, "不满意", "not satisfied")

/* Column headers of `problem list` / `problem show` (table format;
 * tsv/csv/json keep the keys), part of COLUMN_LIST in msg.h. */
#define COLUMN_LIST_PROBLEM(_) \
	_("source", "来源", "source") _("raised_on", "发现时间", "raised on") \
	_("text", "问题", "problem") _("measures", "整改措施", "measures") \
	_("done_measures", "已完成", "done") _("raiser", "反映人", "raised by") \
	_("contact", "联系方式", "contact") _("meeting", "会议", "meeting") \
	_("needs_feedback", "需回访", "needs feedback") _("feedbacks", "回访次数", "feedbacks") \
	_("satisfied", "满意", "satisfied") _("closed_on", "销号日期", "closed on") \
	_("closed_by", "销号人", "closed by") _("version", "版本", "version") \
	_("created_at", "创建于", "created") _("updated_at", "更新于", "updated")

#endif
