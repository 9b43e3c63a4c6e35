/* msg_meeting_print.h — the strings of `meeting print` (the 会议记录 sheet and
 * the yearly 台账), `import --meetings` and the demo meetings: part of the
 * catalogue of msg.h, same form (id, 中文, English); every line ends with a
 * backslash. */
#ifndef QINGDAN_MSG_MEETING_PRINT_H
#define QINGDAN_MSG_MEETING_PRINT_H

#define MSG_LIST_MEETING_PRINT(_) \
	/* the record sheet */ \
	_(M_MP_SHEET_TITLE, "%s会议记录", "Record of the %s") \
	_(M_MP_DOC_TITLE, "组织生活会议记录", "meeting records") \
	_(M_MP_CODE, "校验码：%s", "verification code: %s") \
	/* tab 7's p: the file name suggested and the status line */ \
	_(M_MP_FILE_SHEET, "会议记录-%lld", "meeting-%lld") \
	_(M_MP_FILE_LEDGER, "%d年度组织生活台账-%s", "meetings-%d-%s") \
	_(M_MP_TUI_PRINTED, "已输出%s到 %s", "wrote %s to %s") \
	_(M_MP_TUI_SENT, "已将%s发送到打印机 %s。%s", "sent %s to printer %s. %s") \
	_(M_MP_F_ORG, "组织", "organisation") \
	_(M_MP_F_TYPE, "会议类型", "type") \
	_(M_MP_F_TIME, "时间", "time") \
	_(M_MP_F_PLACE, "地点", "place") \
	_(M_MP_F_HOST, "主持人", "host") \
	_(M_MP_F_RECORDER, "记录人", "recorder") \
	_(M_MP_F_TOPIC, "会议主题", "topic") \
	_(M_MP_F_CELL, "党小组", "Party cell") \
	_(M_MP_F_HOURS, "时长", "hours") \
	_(M_MP_F_EXPECTED, "应到", "expected") \
	_(M_MP_F_PRESENT, "实到", "present") \
	_(M_MP_F_LEAVE, "请假", "on leave") \
	_(M_MP_F_ABSENT, "缺席", "absent") \
	_(M_MP_F_OBSERVERS, "列席", "observers") \
	_(M_MP_F_QUORUM, "法定人数", "quorum") \
	_(M_MP_F_ID, "会议编号", "meeting") \
	_(M_MP_PEOPLE, "%d 人", "%d") \
	_(M_MP_HOURS, "%s 小时", "%s h") \
	_(M_MP_QUORUM_DESC, "%s（有表决权 %d 人到会，应到 %d 人；要求%s）", "%s (%d of %d voting members present; needs %s)") \
	_(M_MP_NONE_NAMED, "无", "none") \
	_(M_MP_H_ATTEND, "出席情况", "Attendance") \
	_(M_MP_H_SUMMARY, "会议内容", "Proceedings") \
	_(M_MP_H_DECISIONS, "会议决定", "Decisions") \
	_(M_MP_H_NOTES, "会议材料", "Evidence") \
	_(M_MP_COL_NAME, "姓名", "name") \
	_(M_MP_COL_POST, "职务", "post") \
	_(M_MP_COL_ORG, "所属组织", "organisation") \
	_(M_MP_COL_STATUS, "出席情况", "attendance") \
	_(M_MP_COL_REASON, "请假事由", "reason") \
	_(M_MP_COL_SIGN, "签到", "signature") \
	_(M_MP_COL_KIND, "类别", "kind") \
	_(M_MP_COL_TEXT, "内容", "text") \
	_(M_MP_EMPTY_TEXT, "（未填写）", "(not written)") \
	_(M_MP_SIGN_HOST, "主持人（签字）：＿＿＿＿＿＿＿\n日期：＿＿＿＿＿＿＿", "Host (signature): ______________\nDate: ______________") \
	_(M_MP_SIGN_RECORDER, "记录人（签字）：＿＿＿＿＿＿＿\n日期：＿＿＿＿＿＿＿", "Recorder (signature): ______________\nDate: ______________") \
	_(M_MP_DELETED, "此会议已于 %s 删除", "this meeting was deleted on %s") \
	/* the yearly ledger */ \
	_(M_MP_LEDGER_TITLE, "%s %d 年组织生活台账", "%s: meetings and activities of %d") \
	_(M_MP_F_YEAR, "年度", "year") \
	_(M_MP_F_COUNT, "会议次数", "meetings") \
	_(M_MP_F_TOTAL_HOURS, "合计时长", "total hours") \
	_(M_MP_F_PARTICIPANTS, "参加人次", "attendances") \
	_(M_MP_COL_DATE, "日期", "date") \
	_(M_MP_COL_TYPE, "类型", "type") \
	_(M_MP_COL_TOPIC, "主题", "topic") \
	_(M_MP_COL_HOST, "主持人", "host") \
	_(M_MP_COL_COUNTS, "应到/实到/请假/缺席", "exp./pres./leave/abs.") \
	_(M_MP_COL_QUORUM, "法定人数", "quorum") \
	_(M_MP_COL_HOURS, "时长", "hours") \
	_(M_MP_LEDGER_NONE, "本年度没有登记会议。", "No meetings are recorded for this year.") \
	_(M_MP_SIGN_LEDGER, "填报人（签字）：＿＿＿＿＿＿＿  书记（签字）：＿＿＿＿＿＿＿  日期：＿＿＿＿＿＿＿", "Compiled by: ______________  Secretary: ______________  Date: ______________") \
	/* the command */ \
	_(M_MP_WHICH, "meeting print 需要一个会议编号，或 --org ORG --year Y（二者选一）", "meeting print needs a meeting id, or --org ORG --year Y (one of the two)") \
	_(M_MP_BAD_YEAR, "年份“%s”无效；请写成 2026 这样的四位年份", "invalid year \"%s\"; give a four-digit year such as 2026") \
	_(M_MP_PRINTED, "已生成 %s（校验码 %s）", "wrote %s (verification code %s)") \
	_(M_MP_LP_SENT, "已发送到打印机 %s（校验码 %s）：%s", "sent to printer %s (verification code %s): %s") \
	_(M_MP_LP_TITLE, "会议记录", "meeting record") \
	/* import --meetings */ \
	_(M_MI_NO_HEADER, "%s:%ld: 找不到表头；签到表须有“组织”“类型”“日期”三列（另可有 主题、主持人、记录人、出席、请假、缺席）", "%s:%ld: no header found; a sign-in sheet needs the columns 组织 (organisation), 类型 (type) and 日期 (date), optionally 主题, 主持人, 记录人, 出席, 请假, 缺席") \
	_(M_MI_MISSING_COL, "%s:%ld: 缺少“%s”列", "%s:%ld: the column \"%s\" is missing") \
	_(M_MI_DUP_COL, "%s:%ld: “%s”列出现了两次（第 %d 列和第 %d 列）", "%s:%ld: the column \"%s\" appears twice (columns %d and %d)") \
	_(M_MI_EMPTY, "%s：没有会议行，未导入任何会议", "%s: no meeting rows; nothing imported") \
	_(M_MI_NO_ORG, "没有填写组织", "no organisation given") \
	_(M_MI_NO_TYPE, "没有填写会议类型", "no meeting type given") \
	_(M_MI_NO_DATE, "没有填写日期", "no date given") \
	_(M_MI_NO_PERSON, "%s“%s”不在人员名单上；请改正姓名，或先 person add", "%s \"%s\" is not on the staff list; correct the name, or add them first with person add") \
	_(M_MI_AMBIGUOUS, "%s“%s”有重名（%s）；请写成 姓名#编号", "%s \"%s\" is ambiguous (%s); write it as name#id") \
	_(M_MI_TWICE, "“%s”在本行出现了两次（%s、%s）", "\"%s\" appears twice in this row (%s, %s)") \
	_(M_MI_DENIED, "不能登记%s的会议：只有管理员或该组织的书记、副书记、组织委员可以（当前用户 %s）", "cannot record meetings of %s: only an admin or its secretary, deputy secretary or organisation member may (you are %s)") \
	_(M_MI_IMPORTED, "已导入 %d 次会议、%d 条出席记录（%s）", "imported %d meetings and %d attendance records (%s)") \
	_(M_MI_DRY_OK, "检查通过：可导入 %d 次会议、%d 条出席记录（%s）；未写入", "check passed: %d meetings and %d attendance records would be imported (%s); nothing written") \
	_(M_MI_REFUSED, "%s：%d 行有错误，未导入任何会议；改正后重新导入", "%s: %d rows have errors; nothing imported; correct them and import again") \
	_(M_MI_COL_ORG, "组织", "organisation") \
	_(M_MI_COL_TYPE, "类型", "type") \
	_(M_MI_COL_DATE, "日期", "date") \
	_(M_MI_COL_TOPIC, "主题", "topic") \
	_(M_MI_COL_HOST, "主持人", "host") \
	_(M_MI_COL_RECORDER, "记录人", "recorder") \
	_(M_MI_COL_PRESENT, "出席", "present") \
	_(M_MI_COL_LEAVE, "请假", "on leave") \
	_(M_MI_COL_ABSENT, "缺席", "absent") \
	_(M_MI_ONE_OF, "--meetings FILE 不能与另一个文件或 --org 同用（组织写在签到表的“组织”列）", "--meetings FILE takes no other file and no --org (the organisation is in the sheet's 组织 column)")

#endif
