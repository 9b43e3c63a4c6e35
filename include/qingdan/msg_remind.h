/* msg_remind.h — the strings of reminders (issue 14.3: `qingdan remind`,
 * `item list --due-soon`, the TUI header's own count): part of the
 * catalogue of msg.h, same form (id, 中文, English); every line ends with a
 * backslash. */
#ifndef QINGDAN_MSG_REMIND_H
#define QINGDAN_MSG_REMIND_H

#define MSG_LIST_REMIND(_) \
	_(M_RM_BAD_DAYS, "%s：--days 的值“%s”无效；请写 0 到 365 之间的整数", "%s: --days cannot be \"%s\"; give a whole number from 0 to 365") \
	_(M_RM_BAD_FORMAT, "%s：--format 的值“%s”无效；可用 text、json", "%s: --format cannot be \"%s\"; use text or json") \
	_(M_RM_HEAD, "%s%s 截至 %s 的待办：", "%s%s: to do as of %s:") \
	_(M_RM_NOTHING, "  暂无待办", "  nothing to do") \
	_(M_RM_OVERDUE, "  逾期 %d 项：", "  overdue, %d:") \
	_(M_RM_DUE_SOON, "  临期 %d 项（%d 天内到期）：", "  due soon, %d (within %d days):") \
	_(M_RM_PLEDGES, "  待签责任书 %d 份：", "  pledges to sign, %d:") \
	_(M_RM_MEETINGS, "  本期未开会议 %d 项：", "  meetings not yet held this period, %d:") \
	_(M_RM_DUE_LATE, "%s 到期，逾期 %d 天", "due %s, %d days late") \
	_(M_RM_DUE_TODAY, "%s 到期，今天到期", "due %s, today") \
	_(M_RM_DUE_LEFT, "%s 到期，还剩 %d 天", "due %s, %d days left") \
	_(M_RM_SIGN_LATE, "签订期限 %s，逾期未签 %d 天", "sign by %s, %d days late") \
	_(M_RM_SIGN_TODAY, "签订期限 %s，今天截止", "sign by %s, today") \
	_(M_RM_SIGN_LEFT, "签订期限 %s，还剩 %d 天", "sign by %s, %d days left") \
	_(M_RM_SIGN_NONE, "未定签订期限", "no day set to sign") \
	_(M_RM_PERIODS, "；%s 未完成", "; %s not done") \
	_(M_RM_AS_PARTY, "（%s）", " (%s)") \
	_(M_RM_MEETING_LINE, "%s %s %s：已开 %d 次，有效 %d 次，应开 %d 次；%s 截止，还剩 %d 天", "%s %s %s: %d held, %d valid, %d required; the period ends %s, %d days left") \
	_(M_RM_TUI_MINE, "我的待办 逾期%d 临期%d", "mine: %d overdue, %d due soon")

#endif
