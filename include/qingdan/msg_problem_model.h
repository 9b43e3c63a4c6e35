/* msg_problem_model.h — the strings of 问题清单 → 整改清单's model
 * (problem.h): labels of sources, statuses and list kinds, and the model's
 * refusals.  Part of the catalogue of msg.h, same form (id, 中文, English).
 * The command line's strings are msg_problem.h. */
#ifndef QINGDAN_MSG_PROBLEM_MODEL_H
#define QINGDAN_MSG_PROBLEM_MODEL_H

#define MSG_LIST_PROBLEM_MODEL(_) \
	/* sources */ \
	_(M_SRC_PHONE, "公开电话", "public telephone") \
	_(M_SRC_MAIL, "电子信箱", "e-mail box") \
	_(M_SRC_BOX, "意见箱", "suggestion box") \
	_(M_SRC_ORG_LIFE, "组织生活会查摆", "organisational life meeting") \
	_(M_SRC_DEMOCRATIC_LIFE, "民主生活会", "democratic life meeting") \
	_(M_SRC_INSPECTION, "巡视巡察", "inspection tour") \
	_(M_SRC_SUPERIOR, "上级检查", "check by a superior") \
	_(M_SRC_SELF, "自查", "self-inspection") \
	_(M_SRC_VISIT, "群众来访", "visit by the public") \
	_(M_SRC_OTHER, "其他", "other") \
	/* statuses of a problem */ \
	_(M_PB_OPEN, "待整改", "open") \
	_(M_PB_RECTIFYING, "整改中", "rectifying") \
	_(M_PB_RECTIFIED, "已整改", "rectified") \
	_(M_PB_CLOSED, "已销号", "closed") \
	/* list kinds */ \
	_(M_LK_DUTY, "责任清单", "responsibility list") \
	_(M_LK_RECTIFY, "整改清单", "rectification list") \
	/* field names (messages) */ \
	_(M_PF_ORG, "组织", "organisation") \
	_(M_PF_SOURCE, "问题来源", "source") \
	_(M_PF_TEXT, "问题描述", "problem text") \
	_(M_PF_OWNER, "责任人", "owner") \
	_(M_PF_DUE, "完成时限", "due date") \
	_(M_PF_BY, "回访人", "who made the follow-up visit") \
	_(M_PF_RESULT, "回访情况", "follow-up result") \
	/* actions (permission messages) */ \
	_(M_PACT_MEASURE, "新增整改措施", "add rectification measures") \
	_(M_PACT_DELETE, "删除问题", "delete problems") \
	_(M_PACT_REOPEN, "撤销问题销号", "reopen closed problems") \
	/* refusals */ \
	_(M_PROBLEM_NOT_FOUND, "找不到问题 #%lld；用 problem list 查看", "no problem #%lld; see problem list") \
	_(M_PROBLEM_DELETED, "问题 #%lld 已删除", "problem #%lld is deleted") \
	_(M_PROBLEM_STALE, "问题 #%lld 已被他人修改（现为第 %d 版，你看到的是第 %d 版）；请重新打开再改", "problem #%lld was changed by someone else (it is at version %d, you saw %d); reopen it and edit again") \
	_(M_PROBLEM_CONFLICT, "问题 #%lld 刚被他人修改，未作改动；请重试", "problem #%lld was just changed by someone else; nothing was changed; try again") \
	_(M_PROBLEM_DENIED, "只有管理员或%s的书记、副书记、组织委员可以登记该组织的问题和回访（当前用户 %s）", "only an admin or the secretary, deputy secretary or organisation member of %s may record its problems and follow-up visits (you are %s)") \
	_(M_PROBLEM_BAD_SOURCE, "问题来源“%s”无效；可用 phone（公开电话）、mail（电子信箱）、box（意见箱）、org-life（组织生活会查摆）、democratic-life（民主生活会）、inspection（巡视巡察）、superior（上级检查）、self（自查）、visit（群众来访）、other（其他）", "invalid source \"%s\"; use phone, mail, box, org-life, democratic-life, inspection, superior, self, visit or other") \
	_(M_PROBLEM_BAD_STATUS, "问题状态“%s”无效；可用 open（待整改）、rectifying（整改中）、rectified（已整改）、closed（已销号）", "invalid problem status \"%s\"; use open, rectifying, rectified or closed") \
	_(M_PROBLEM_BAD_YEAR, "年度 %d 无效；请写 2000 到 2100 之间的年份", "invalid year %d; give a year from 2000 to 2100") \
	_(M_PROBLEM_BAD_LINE, "“%s”一栏有控制字符或过长（最多 %d 字节）；请只写一行文字", "the %s holds control characters or is too long (at most %d bytes); write one line of text") \
	_(M_PROBLEM_TWO_RAISERS, "反映人只能是本单位人员（--raised-by 本单位人员）或外部人员姓名之一，不能两者都填", "the raiser is either a person of the file or an outside name, not both") \
	_(M_PROBLEM_CONTACT_ALONE, "填写了联系方式但没有反映人；匿名问题不留联系方式，或请给出反映人（--raised-by）", "a contact was given without a raiser; an anonymous problem has no contact, or name the raiser (--raised-by)") \
	_(M_PROBLEM_NO_PERSON, "找不到人员 #%lld；用 person list 查看", "no person #%lld; see person list") \
	_(M_PROBLEM_NO_MEETING, "找不到会议 #%lld，或该会议已删除；用 meeting list 查看", "no meeting #%lld, or it is deleted; see meeting list") \
	_(M_PROBLEM_MEETING_ORG, "会议 #%lld 是%s的会议，不是%s或其上级组织的；请关联本组织或上级组织的会议", "meeting #%lld is of %s, not of %s or an org above it; link a meeting of the problem's org or one above it") \
	_(M_PROBLEM_CLOSED, "问题 #%lld 已销号，不能再修改；如需改动请先撤销销号（problem close --undo）", "problem #%lld is closed and can no longer change; reopen it first (problem close --undo)") \
	_(M_PROBLEM_HAS_MEASURES, "问题 #%lld 还有 %d 项整改措施，不能删除；请先删除这些措施（item delete）", "problem #%lld still has %d measures and cannot be deleted; delete them first (item delete)") \
	_(M_PROBLEM_MEASURE_EMPTY, "整改措施内容不能为空（--text）", "the measure's text must not be empty (--text)") \
	_(M_PROBLEM_MEASURE_OWNER, "整改措施须有责任人（--owner）", "a measure needs an owner (--owner)") \
	_(M_PROBLEM_MEASURE_DUE, "整改措施须有完成时限（--due）", "a measure needs a due date (--due)") \
	_(M_PROBLEM_FEEDBACK_BY, "回访须写明回访人（--by，本单位人员）", "a follow-up visit needs the person who made it (--by, a person of the file)") \
	_(M_PROBLEM_FEEDBACK_RESULT, "回访情况不能为空（--result）", "the follow-up result must not be empty (--result)") \
	_(M_PROBLEM_FEEDBACK_ANON, "问题 #%lld 是匿名反映的，无需回访", "problem #%lld was raised anonymously and needs no follow-up visit") \
	_(M_PROBLEM_ALREADY_CLOSED, "问题 #%lld 已于 %s 销号", "problem #%lld was closed on %s") \
	_(M_PROBLEM_NOT_CLOSED, "问题 #%lld 尚未销号，无需撤销", "problem #%lld is not closed; nothing to reopen") \
	_(M_PROBLEM_CLOSE_NO_MEASURE, "问题 #%lld 还没有整改措施，不能销号；请先添加整改措施（problem measure）", "problem #%lld has no measures yet and cannot be closed; add its measures first (problem measure)") \
	_(M_PROBLEM_CLOSE_UNDONE, "问题 #%lld 的 %d 项整改措施中还有 %d 项未销号，不能销号；请待全部措施完成后再销号", "problem #%1$lld: %3$d of its %2$d measures are not done yet, so it cannot be closed; close it when every measure is done") \
	_(M_PROBLEM_CLOSE_NO_FEEDBACK, "问题 #%lld 由%s反映，须先回访并记录（problem feedback）才能销号", "problem #%lld was raised by %s: record the follow-up visit first (problem feedback), then close it") \
	_(M_PROBLEM_CLOSE_UNSATISFIED, "问题 #%lld 最近一次回访（%s）反映人不满意，须继续整改并再次回访满意后才能销号", "problem #%lld: at the latest follow-up visit (%s) the raiser was not satisfied; rectify further and record a satisfied visit before closing it") \
	_(M_PROBLEM_CLOSE_DENIED, "只有管理员或问题 #%lld 全部整改措施的分管领导可以销号（当前用户 %s）", "only an admin or the lead of every measure of problem #%lld may close it (you are %s)")

#endif
