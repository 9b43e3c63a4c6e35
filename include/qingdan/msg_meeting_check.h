/* msg_meeting_check.h — the strings of the year checked (issue 11 §4–5,
 * src/meeting_check.c): part of the catalogue of msg.h, same form (id,
 * 中文, English); every line ends with a backslash. */
#ifndef QINGDAN_MSG_MEETING_CHECK_H
#define QINGDAN_MSG_MEETING_CHECK_H

#define MSG_LIST_MEETING_CHECK(_) \
	_(M_CK_OK, "已开", "held") \
	_(M_CK_MISSING, "缺", "missing") \
	_(M_CK_SHORT, "不足法定人数", "short of quorum") \
	_(M_CK_OPEN, "进行中", "open") \
	_(M_CK_FLAG_WARN, "预警", "warn") \
	_(M_CK_FLAG_ALARM, "告警", "alarm") \
	_(M_SET_HOURS_NORM, "党员年度学习培训学时（默认 32）", "members' yearly training hours (default 32)") \
	_(M_SET_HOURS_NORM_LEADER, "书记和班子成员年度学习培训学时（默认 56）", "secretaries' and leaders' yearly training hours (default 56)") \
	_(M_SETTING_BAD_HOURS, "学时“%s”无效；请写 0 到 1000 之间的数（可带小数，如 32 或 40.5）", "invalid hours \"%s\"; give a number from 0 to 1000 (fractions allowed, e.g. 32 or 40.5)")

#endif
