/* msg_screen.h — the strings of a smoother screen (issue 14.5, second
 * half: the status menu of allowed moves, the latest 退回/取消 reason,
 * stats without the cancelled, refusals worded for the screen, name
 * completion in the ':' prompt): part of the catalogue of msg.h, same
 * form (id, 中文, English); every line ends with a backslash. */
#ifndef QINGDAN_MSG_SCREEN_H
#define QINGDAN_MSG_SCREEN_H

#define MSG_LIST_SCREEN(_) \
	_(M_SCR_NO_MOVE, "事项 #%lld（%s）没有你可以做的状态变更：%s", "item #%lld (%s) has no status change you may make: %s") \
	_(M_SCR_PROXY_FIELD, "实际签字人 %s 不是%s本人（%s），这属于代签；请把“代签”选为“是”，并在“代签说明”里写明情况", "%s, who actually signed, is not the %s (%s) in person: that is a proxy signature; set \"proxy (代签)\" to yes and describe it under \"proxy note\"") \
	_(M_SCR_REASON_EMPTY, "改为“%s”需要填写原因：请在下面输入原因后按 Enter（Esc 取消）", "moving to \"%s\" needs a reason: type it below and press Enter (Esc cancels)") \
	_(M_SCR_REASON, "%s原因", "reason to %s") \
	_(M_SCR_ACT_CANCEL, "取消", "cancel") \
	_(M_SCR_REASON_LINE, "%s（%s %s）", "%s (%s, %s)") \
	_(M_SCR_STATS_NOTE, "（不含已取消的%d项）", " (not counting %d cancelled)") \
	_(M_SCR_STATS_YEAR, "%d年度  共%d项%s  已销号%d  逾期%d  完成率%d%%  责任书已签%d/已发%d", "%d: %d items%s, %d done, %d overdue, %d%% complete; pledges %d signed of %d issued") \
	_(M_SCR_PREFIX_AMBIGUOUS, "以“%s”开头的人员不止一位，请写全名或用编号指定：%s", "more than one person's name starts with \"%s\"; write the whole name or name one by id: %s") \
	_(M_SCR_CANDIDATES, "可选：%s", "candidates: %s") \
	_(M_SCR_NO_CANDIDATE, "没有以“%s”开头的人员", "nobody whose name starts with \"%s\"")

#endif
