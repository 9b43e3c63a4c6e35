/* msg_meeting_tui.h — the strings of tab 7 组织生活 (issue 11 §6,
 * src/tui_meeting.c, src/tui_meeting_edit.c): part of the catalogue of
 * msg.h, same form (id, 中文, English); every line ends with a backslash. */
#ifndef QINGDAN_MSG_MEETING_TUI_H
#define QINGDAN_MSG_MEETING_TUI_H

#define MSG_LIST_MEETING_TUI(_) \
	/* the action table (tui_action.h) and the tab */ \
	_(M_MTT_H_VIEW_MEETINGS, "组织生活：年度对照表、会议、出勤、预警党员", "organisational life: the year grid, meetings, attendance, members at risk") \
	_(M_MTT_H_ATTEND, "出勤：打开会议的出勤表；在出勤表中切换 出席 → 请假（问原因）→ 缺席", "attendance: open the meeting's attendance; in it, cycle present → leave (asks why) → absent") \
	_(M_MTT_TAB, "组织生活", "Meetings") \
	/* the grid */ \
	_(M_MTT_TITLE, "%s · %d 年度组织生活", "%s · organisational life %d") \
	_(M_MTT_LEGEND, "+ 已开  x 缺  ! 不足法定人数  . 进行中", "+ held  x missing  ! short of quorum  . open") \
	_(M_MTT_MARK_OK, "+", "+") \
	_(M_MTT_MARK_MISSING, "x", "x") \
	_(M_MTT_MARK_SHORT, "!", "!") \
	_(M_MTT_MARK_OPEN, ".", ".") \
	_(M_MTT_COL_TYPE, "类型", "type") \
	_(M_MTT_MONTH, "%d月", "M%d") \
	_(M_MTT_NO_RULES, "本组织的级别没有规定会议频次（meeting rules 可设置）", "no meeting rules for this organisation's level (see meeting rules)") \
	_(M_MTT_NO_ORG, "还没有组织；先用 org add 建立", "no organisation yet; add one with org add") \
	/* the meeting list */ \
	_(M_MTT_MEETINGS, "会议和活动（%d）", "meetings and activities (%d)") \
	_(M_MTT_COL_ID, "编号", "id") \
	_(M_MTT_COL_DATE, "日期", "date") \
	_(M_MTT_COL_TITLE, "主题", "title") \
	_(M_MTT_COL_EXPECTED, "应到", "exp") \
	_(M_MTT_COL_PRESENT, "实到", "pres") \
	_(M_MTT_COL_LEAVE, "请假", "leave") \
	_(M_MTT_COL_ABSENT, "缺席", "abs") \
	_(M_MTT_COL_QUORUM, "法定人数", "quorum") \
	_(M_MTT_EMPTY, "本年度还没有会议记录；按 a 新增", "no meetings this year; press a to add one") \
	/* members at risk */ \
	_(M_MTT_RISK, "连续未参加组织生活的党员（%d）", "members without organisational life (%d)") \
	_(M_MTT_RISK_NONE, "没有连续三个月以上未参加组织生活的党员", "no member has gone three months or more without organisational life") \
	_(M_MTT_MONTHS, "%d 个月", "%d months") \
	_(M_MTT_NEVER, "从未参加", "never") \
	_(M_MTT_SUMMARY, "缺 %d · 不足 %d · 预警 %d 人", "missing %d · short %d · at risk %d") \
	_(M_MTT_TIP, "Enter/t 出勤  a 新增  e 修改  d 删除  n 证据  b 选择组织  y 年度", "Enter/t attendance  a add  e edit  d delete  n evidence  b organisation  y year") \
	_(M_MTT_PICK_ORG, "选择组织", "choose the organisation") \
	_(M_MTT_NOTHING, "没有选中的会议", "no meeting selected") \
	_(M_MTT_DENIED, "%s 不是管理员，也不是%s的书记、副书记或组织委员：只能查看，不能记录会议", "%s is neither an admin nor the secretary, deputy or organisation member of %s: you may read but not record meetings") \
	/* the attendance form */ \
	_(M_MTT_AT_TITLE, "出勤 · #%lld %s %s %s", "attendance · #%lld %s %s %s") \
	_(M_MTT_AT_COUNTS, "应到 %d  实到 %d  请假 %d  缺席 %d  列席 %d  · 法定人数：%s%s", "expected %d  present %d  leave %d  absent %d  observers %d  · quorum: %s%s") \
	_(M_MTT_AT_NAME, "姓名", "name") \
	_(M_MTT_AT_POST, "职务", "post") \
	_(M_MTT_AT_ORG, "组织", "org") \
	_(M_MTT_AT_STATUS, "状态", "status") \
	_(M_MTT_AT_REASON, "原因", "reason") \
	_(M_MTT_AT_UNRECORDED, "（未登记）", " (not recorded)") \
	_(M_MTT_AT_VOTER, "表决", "vote") \
	_(M_MTT_AT_EMPTY, "这类会议没有应到人员；按 a 登记参加或列席的人", "nobody is expected at this kind of meeting; press a to record who took part") \
	_(M_MTT_AT_TIP, "t 切换 出席/请假/缺席  :attend late|observer  a 登记他人列席  d 清除登记  n 证据  e 修改会议", "t present/leave/absent  :attend late|observer  a add an observer  d clear the record  n evidence  e edit the meeting") \
	_(M_MTT_AT_REASON_PROMPT, "%s 请假原因：", "%s is on leave because: ") \
	_(M_MTT_AT_SET, "%s：%s", "%s: %s") \
	_(M_MTT_AT_CLEARED, "已清除 %s 的登记（应到者按缺席计）", "cleared %s's record (if expected, counted absent)") \
	_(M_MTT_AT_BAD, "出勤状态“%s”无效：present、leave、absent、late、observer（或 出席、请假、缺席、迟到、列席）", "invalid attendance \"%s\": present, leave, absent, late, observer") \
	_(M_MTT_AT_NOBODY, "没有选中的人员", "nobody selected") \
	_(M_MTT_AT_PICK, "登记列席人员", "record an observer") \
	_(M_MTT_EVIDENCE, "证据（%d）", "evidence (%d)") \
	/* the forms */ \
	_(M_MTT_ADD_TITLE, "新增会议 · %s", "add a meeting · %s") \
	_(M_MTT_EDIT_TITLE, "修改会议 · #%lld %s", "edit meeting · #%lld %s") \
	_(M_MTT_F_TYPE, "类型", "type") \
	_(M_MTT_F_ON, "日期", "date") \
	_(M_MTT_F_STARTS, "开始时间（HH:MM）", "starts (HH:MM)") \
	_(M_MTT_F_TITLE, "主题", "title") \
	_(M_MTT_F_PLACE, "地点", "place") \
	_(M_MTT_F_HOST, "主持人", "host") \
	_(M_MTT_F_RECORDER, "记录人", "recorder") \
	_(M_MTT_F_HOURS, "学时", "hours") \
	_(M_MTT_F_CELL, "党小组", "Party cell") \
	_(M_MTT_F_SUMMARY, "内容摘要", "summary") \
	_(M_MTT_F_DECISIONS, "决定事项", "decisions") \
	_(M_MTT_ADDED, "已新增会议 #%lld（%s %s）；按 Enter 登记出勤", "added meeting #%lld (%s %s); Enter records the attendance") \
	_(M_MTT_SAVED, "已保存：会议 #%lld", "saved: meeting #%lld") \
	_(M_MTT_DELETE_Q, "删除会议 #%lld（%s %s）？出勤和证据保留在审计记录中 (y/N)", "delete meeting #%lld (%s %s)? its attendance and evidence stay for the audit (y/N)") \
	_(M_MTT_DELETED, "已删除：会议 #%lld", "deleted: meeting #%lld") \
	_(M_MTT_NOTE_TITLE, "添加证据 · #%lld %s", "add evidence · #%lld %s") \
	_(M_MTT_F_KIND, "种类", "kind") \
	_(M_MTT_F_NOTE_ON, "日期", "date") \
	_(M_MTT_F_NOTE_TEXT, "内容（路径或档案号）", "text (a path or archive reference)") \
	_(M_MTT_KIND_NONE, "（其他）", "(other)") \
	_(M_MTT_NOTE_ADDED, "已添加证据：会议 #%lld", "evidence added: meeting #%lld")

#endif
