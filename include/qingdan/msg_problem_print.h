/* msg_problem_print.h — the strings of `problem print` (the 问题清单 and
 * 整改清单 on paper), the checklist's 整改措施 section, `import --problems`
 * and the demo problems: part of the catalogue of msg.h, same form (id,
 * 中文, English); every line ends with a backslash. */
#ifndef QINGDAN_MSG_PROBLEM_PRINT_H
#define QINGDAN_MSG_PROBLEM_PRINT_H

#define MSG_LIST_PROBLEM_PRINT(_) \
	/* the list on paper */ \
	_(M_PP_DOC_TITLE, "问题清单和整改清单", "problems and rectification") \
	_(M_PP_TITLE, "%s %d 年问题清单和整改清单", "%s: problems and their rectification, %d") \
	_(M_PP_CODE, "校验码：%s", "verification code: %s") \
	_(M_PP_F_ORG, "组织", "organisation") \
	_(M_PP_F_YEAR, "年度", "year") \
	_(M_PP_F_PROBLEMS, "问题", "problems") \
	_(M_PP_F_MEASURES, "整改措施", "measures") \
	_(M_PP_F_RECTIFIED, "已整改", "rectified") \
	_(M_PP_F_CLOSED, "已销号", "closed") \
	_(M_PP_F_OVERDUE, "逾期措施", "overdue measures") \
	_(M_PP_COUNT, "%d 个", "%d") \
	_(M_PP_COUNT_MEASURES, "%d 项", "%d") \
	_(M_PP_COL_PROBLEM, "问题", "problem") \
	_(M_PP_COL_SOURCE, "来源", "source") \
	_(M_PP_COL_MEASURE, "整改措施", "measure") \
	_(M_PP_COL_OWNER, "责任人", "owner") \
	_(M_PP_COL_DUE, "时限", "due") \
	_(M_PP_COL_DONE, "完成情况", "progress") \
	_(M_PP_NUMBERED, "%d. %s", "%d. %s") \
	_(M_PP_CATEGORY, "类别：%s", "category: %s") \
	_(M_PP_STATUS, "〔%s〕", "[%s]") \
	_(M_PP_CLOSED_ON, "〔已销号 %s〕", "[closed %s]") \
	_(M_PP_RAISER, "反映人：%s", "raised by: %s") \
	_(M_PP_ANONYMOUS, "匿名", "anonymous") \
	_(M_PP_RAISED_ON, "发现时间：%s", "found: %s") \
	_(M_PP_MEETING, "会议 #%lld", "meeting #%lld") \
	_(M_PP_NEEDS_FEEDBACK, "待回访", "feedback due") \
	_(M_PP_FED_BACK, "回访：%s", "feedback: %s") \
	_(M_PP_STANDARD, "标准：%s", "standard: %s") \
	_(M_PP_LEAD, "牵头：%s", "lead: %s") \
	_(M_PP_DONE_ON, "%s（%s）", "%s (%s)") \
	_(M_PP_NO_MEASURE, "（尚未制定整改措施）", "(no measure yet)") \
	_(M_PP_NONE, "本年度没有登记问题。", "No problems are recorded for this year.") \
	_(M_PP_H_FEEDBACK, "回访情况", "Feedback to those who raised them") \
	_(M_PP_COL_NO, "问题序号", "problem") \
	_(M_PP_COL_DATE, "日期", "date") \
	_(M_PP_COL_BY, "回访人", "by") \
	_(M_PP_COL_RESULT, "回访结果", "result") \
	_(M_PP_COL_SATISFIED, "是否满意", "satisfied") \
	_(M_PP_YES, "满意", "yes") \
	_(M_PP_NO, "不满意", "no") \
	_(M_PP_SIGN, "填报人（签字）：＿＿＿＿＿＿＿  审核人（签字）：＿＿＿＿＿＿＿  日期：＿＿＿＿＿＿＿", "Compiled by: ______________  Checked by: ______________  Date: ______________") \
	/* the checklist's section */ \
	_(M_PP_SECTION, "%s、整改措施", "%s. Rectification measures") \
	_(M_PP_COL_SEQ, "序号", "No.") \
	_(M_PP_COL_OF_PROBLEM, "对应问题", "Problem") \
	_(M_PP_COL_STANDARD, "整改标准", "Standard") \
	_(M_PP_COL_CDUE, "完成时限", "Due") \
	_(M_PP_COL_STATUS, "状态", "Status") \
	_(M_PP_COL_CHECK, "确认", "Done") \
	_(M_PP_IN_ORG, "%s：%s", "%s: %s") \
	/* the command */ \
	_(M_PP_NEED_ORG, "problem print 需要 --org ORG（打印哪个组织的问题清单）", "problem print needs --org ORG (whose problems to print)") \
	_(M_PP_BAD_YEAR, "年份“%s”无效；请写成 2026 这样的四位年份", "invalid year \"%s\"; give a four-digit year such as 2026") \
	_(M_PP_LP_TITLE, "问题清单和整改清单", "problems and rectification") \
	/* import --problems */ \
	_(M_PI_NO_HEADER, "%s:%ld: 找不到表头；问题清单须有“问题”（或“问题描述”）一列，另可有 来源、单位、发现时间、类别、反映人、联系方式、整改措施、责任人、分管领导、完成时限、整改标准", "%s:%ld: no header found; a problem list needs the column 问题 (or 问题描述), optionally 来源, 单位, 发现时间, 类别, 反映人, 联系方式, 整改措施, 责任人, 分管领导, 完成时限, 整改标准") \
	_(M_PI_DUP_COL, "%s:%ld: “%s”列出现了两次（第 %d 列和第 %d 列）", "%s:%ld: the column \"%s\" appears twice (columns %d and %d)") \
	_(M_PI_EMPTY, "%s：没有问题行，未导入任何问题", "%s: no problem rows; nothing imported") \
	_(M_PI_NO_ORG, "没有填写单位；请填“单位”列，或用 --org 指定", "no organisation given; fill the 单位 column, or give --org") \
	_(M_PI_NO_SOURCE, "没有填写来源；请填“来源”列，或用 --source 指定", "no source given; fill the 来源 column, or give --source") \
	_(M_PI_BAD_SOURCE, "来源“%s”无效；可用 公开电话、电子信箱、意见箱、组织生活会查摆、民主生活会、巡视巡察、上级检查、自查、群众来访、其他", "invalid source \"%s\"; use phone, mail, box, org-life, democratic-life, inspection, superior, self, visit or other") \
	_(M_PI_BAD_DATE, "%s“%s”无效；请写成 2026-03-31、2026/3/31 或 2026年3月31日", "%s \"%s\" is invalid; write it as 2026-03-31, 2026/3/31 or 2026年3月31日") \
	_(M_PI_NO_TEXT, "没有填写问题", "no problem given") \
	_(M_PI_NO_PERSON, "%s“%s”不在人员名单上；请改正姓名，或先 person add", "%s \"%s\" is not on the staff list; correct the name, or add them first with person add") \
	_(M_PI_AMBIGUOUS, "%s“%s”有重名（%s）；请写成 姓名#编号", "%s \"%s\" is ambiguous (%s); write it as name#id") \
	_(M_PI_RAISER_AMBIGUOUS, "反映人“%s”与名单上多人同名（%s）；本人是名单上的人请写成 姓名#编号，名单外的人请写成 姓名（单位外）", "the raiser \"%s\" shares a name with several people on the list (%s); write name#id for one of them, or name（单位外） for someone from outside") \
	_(M_PI_CONTACT_ALONE, "有联系方式却没有反映人；匿名反映的问题不留联系方式", "a contact without a raiser; an anonymous problem keeps no contact") \
	_(M_PI_NEEDS_OWNER, "有整改措施却没有责任人", "a measure without an owner (责任人)") \
	_(M_PI_NEEDS_DUE, "有整改措施却没有完成时限", "a measure without a due date (完成时限)") \
	_(M_PI_ORPHAN, "只填了整改措施的行须接在一个问题行之后（合并单元格拆开后的续行）", "a row with only a measure must follow a problem row (the continuation of a merged cell)") \
	_(M_PI_MEASURE_ONLY, "没有整改措施，却填了%s", "no measure, yet %s is filled in") \
	_(M_PI_DENIED, "不能登记%s的问题：只有管理员或该组织的书记、副书记、组织委员可以（当前用户 %s）", "cannot record problems of %s: only an admin or its secretary, deputy secretary or organisation member may (you are %s)") \
	_(M_PI_DENIED_MEASURE, "不能添加整改措施：整改措施是整改清单的事项，只有管理员可以添加（当前用户 %s）", "cannot add measures: a measure is an item of the rectification list, and only an admin may add one (you are %s)") \
	_(M_PI_IMPORTED, "已导入 %ld 个问题、%ld 项整改措施（%s）", "imported %ld problems and %ld measures (%s)") \
	_(M_PI_DRY_OK, "检查通过：可导入 %ld 个问题、%ld 项整改措施（%s）；未写入", "check passed: %ld problems and %ld measures would be imported (%s); nothing written") \
	_(M_PI_REFUSED, "%s：%ld 行有错误，未导入任何问题；改正后重新导入", "%s: %ld rows have errors; nothing imported; correct them and import again") \
	_(M_PI_ONE_OF, "--problems FILE 不能与另一个文件或 --meetings 同用", "--problems FILE takes no other file and no --meetings") \
	_(M_PI_SOURCE_ONLY, "--source 只用于 --problems", "--source goes with --problems only") \
	_(M_PI_COL_TEXT, "问题", "problem") \
	_(M_PI_COL_SOURCE, "来源", "source") \
	_(M_PI_COL_ORG, "单位", "organisation") \
	_(M_PI_COL_ON, "发现时间", "found on") \
	_(M_PI_COL_CATEGORY, "类别", "category") \
	_(M_PI_COL_RAISER, "反映人", "raiser") \
	_(M_PI_COL_CONTACT, "联系方式", "contact") \
	_(M_PI_COL_MEASURE, "整改措施", "measure") \
	_(M_PI_COL_OWNER, "责任人", "owner") \
	_(M_PI_COL_LEAD, "分管领导", "lead") \
	_(M_PI_COL_DUE, "完成时限", "due") \
	_(M_PI_COL_STANDARD, "整改标准", "standard")

#endif
