/* msg_meeting.h — the strings of the 组织生活 ledger's model (meeting.h):
 * labels of meeting types, attendance, Party standing, committee roles,
 * periods, quorum, evidence kinds, and the model's messages.  Part of the
 * catalogue of msg.h, same form (id, 中文, English). */
#ifndef QINGDAN_MSG_MEETING_H
#define QINGDAN_MSG_MEETING_H

#define MSG_LIST_MEETING(_) \
	/* meeting types */ \
	_(M_MT_MEMBERS, "支部党员大会", "branch members' meeting") \
	_(M_MT_COMMITTEE, "支委会", "branch committee meeting") \
	_(M_MT_GROUP, "党小组会", "Party cell meeting") \
	_(M_MT_LECTURE, "党课", "Party lecture") \
	_(M_MT_THEME_DAY, "主题党日", "Party theme day") \
	_(M_MT_ORG_LIFE, "组织生活会", "organisational life meeting") \
	_(M_MT_DEMOCRATIC_LIFE, "民主生活会", "democratic life meeting") \
	_(M_MT_REVIEW, "民主评议党员", "democratic review of members") \
	_(M_MT_STUDY_GROUP, "中心组学习", "central study group") \
	_(M_MT_TRAINING, "专题培训", "training course") \
	_(M_MT_COUNCIL, "党建工作例会", "Party-building council") \
	_(M_MT_DOUBLE_REPORT, "双报到", "double report") \
	_(M_MT_TALK, "谈心谈话", "heart-to-heart talk") \
	_(M_MT_OTHER, "其他", "other") \
	/* attendance */ \
	_(M_AT_PRESENT, "出席", "present") \
	_(M_AT_LEAVE, "请假", "on leave") \
	_(M_AT_ABSENT, "缺席", "absent") \
	_(M_AT_LATE, "迟到", "late") \
	_(M_AT_OBSERVER, "列席", "observer") \
	/* Party standing */ \
	_(M_PS_FULL, "正式党员", "full member") \
	_(M_PS_PROBATIONARY, "预备党员", "probationary member") \
	_(M_PS_NONE, "群众", "not a member") \
	/* committee roles */ \
	_(M_CR_SECRETARY, "书记", "secretary") \
	_(M_CR_DEPUTY, "副书记", "deputy secretary") \
	_(M_CR_ORGANIZATION, "组织委员", "organisation member") \
	_(M_CR_PUBLICITY, "宣传委员", "publicity member") \
	_(M_CR_DISCIPLINE, "纪检委员", "discipline member") \
	_(M_CR_MEMBER, "委员", "committee member") \
	/* periods */ \
	_(M_PK_MONTH, "每月", "monthly") \
	_(M_PK_QUARTER, "每季度", "quarterly") \
	_(M_PK_HALF, "每半年", "half-yearly") \
	_(M_PK_YEAR, "每年", "yearly") \
	/* quorum */ \
	_(M_QS_NA, "—", "n/a") \
	_(M_QS_OK, "有效", "valid") \
	_(M_QS_SHORT, "不足", "short") \
	_(M_QUORUM_MORE, "超过%s", "more than %s") \
	_(M_QUORUM_ATLEAST, "不少于%s", "at least %s") \
	_(M_QUORUM_HALF, "半数", "half") \
	_(M_QUORUM_TWO_THIRDS, "三分之二", "two thirds") \
	/* evidence kinds */ \
	_(M_MN_MINUTES, "会议记录", "minutes") \
	_(M_MN_SIGNIN, "签到表", "sign-in sheet") \
	_(M_MN_PHOTO, "照片", "photo") \
	_(M_MN_FILE, "材料", "file") \
	/* field names (messages, audit details) */ \
	_(M_MF_ORG, "组织", "organisation") \
	_(M_MF_TYPE, "类型", "type") \
	_(M_MF_DATE, "日期", "date") \
	_(M_MF_STARTS, "开始时间", "start time") \
	_(M_MF_HOURS, "时长（小时）", "hours") \
	/* actions (permission messages) */ \
	_(M_MACT_MEMBER, "修改党员信息", "change Party member details") \
	_(M_MACT_RULE, "修改会议规则", "change meeting rules") \
	_(M_MACT_LINK, "关联会议", "link meetings") \
	/* refusals */ \
	_(M_MEETING_NOT_FOUND, "找不到会议 #%lld；用 meeting list 查看", "no meeting #%lld; see meeting list") \
	_(M_MEETING_DELETED, "会议 #%lld 已删除", "meeting #%lld is deleted") \
	_(M_MEETING_STALE, "会议 #%lld 已被他人修改（现为第 %d 版，你看到的是第 %d 版）；请重新打开再改", "meeting #%lld was changed by someone else (it is at version %d, you saw %d); reopen it and edit again") \
	_(M_MEETING_CONFLICT, "会议 #%lld 刚被他人修改，未作改动；请重试", "meeting #%lld was just changed by someone else; nothing was changed; try again") \
	_(M_MEETING_DENIED, "只有管理员或%s的书记、副书记、组织委员可以登记该组织的会议（当前用户 %s）", "only an admin or the secretary, deputy secretary or organisation member of %s may record its meetings (you are %s)") \
	_(M_MEETING_BAD_TYPE, "会议类型“%s”无效；可用 members（支部党员大会）、committee（支委会）、group（党小组会）、lecture（党课）、theme-day（主题党日）、org-life（组织生活会）、democratic-life（民主生活会）、review（民主评议党员）、study-group（中心组学习）、training、council、double-report、talk、other", "invalid meeting type \"%s\"; use members, committee, group, lecture, theme-day, org-life, democratic-life, review, study-group, training, council, double-report, talk or other") \
	_(M_MEETING_BAD_TIME, "开始时间“%s”无效；请写成 14:30 这样的 时:分", "invalid start time \"%s\"; write it as HH:MM, e.g. 14:30") \
	_(M_MEETING_BAD_HOURS, "时长“%s”无效；请填 0 到 24 之间的小时数，如 2 或 1.5", "invalid hours \"%s\"; give a number of hours from 0 to 24, e.g. 2 or 1.5") \
	_(M_MEETING_BAD_CELL, "党小组“%s”中有控制字符或过长；请只写党小组名称", "the Party cell \"%s\" holds control characters or is too long; give the cell's name only") \
	_(M_MEETING_NO_PERSON, "找不到人员 #%lld", "no person #%lld") \
	_(M_MEETING_BAD_STATUS, "出席状态“%s”无效；可用 present（出席）、leave（请假）、absent（缺席）、late（迟到）、observer（列席）", "invalid attendance \"%s\"; use present, leave, absent, late or observer") \
	_(M_MEETING_NO_PEOPLE, "没有给出人员", "no people given") \
	_(M_MEETING_LEAVE_REASON, "%s 请假须说明原因（--reason）", "%s is on leave: give the reason (--reason)") \
	_(M_MEETING_EMPTY_NOTE, "材料内容不能为空；请写明会议记录、签到表、照片的位置或存档号", "the evidence must not be empty; say where the minutes, sign-in sheet or photos are, or their archive number") \
	_(M_MEETING_BAD_NOTE_KIND, "材料类别“%s”无效；可用 minutes（会议记录）、signin（签到表）、photo（照片）、file（材料）", "invalid evidence kind \"%s\"; use minutes, signin, photo or file") \
	_(M_MEETING_LINKED, "事项 #%lld 已关联会议 #%lld", "item #%lld already names meeting #%lld") \
	_(M_MEETING_NOT_LINKED, "事项 #%lld 没有关联会议 #%lld", "item #%lld does not name meeting #%lld") \
	_(M_MEETING_BAD_PARTY, "政治面貌“%s”无效；可用 full（正式党员）、probationary（预备党员）、none（群众）", "invalid Party standing \"%s\"; use full, probationary or none") \
	_(M_MEETING_BAD_COMMITTEE, "支委职务“%s”无效；可用 secretary（书记）、deputy（副书记）、organization（组织委员）、publicity（宣传委员）、discipline（纪检委员）、member（委员）或 none（无）", "invalid committee role \"%s\"; use secretary, deputy, organization, publicity, discipline, member or none") \
	_(M_MEETING_BAD_LEVEL, "组织层级“%s”无效；可用 party-group（党组）、organ-committee（机关党委）、branch（支部）", "invalid org level \"%s\"; use party-group, organ-committee or branch") \
	_(M_MEETING_BAD_EVERY, "周期“%s”无效；可用 month（每月）、quarter（每季度）、half（每半年）、year（每年）", "invalid period \"%s\"; use month, quarter, half or year") \
	_(M_MEETING_BAD_MIN, "每期次数“%d”无效；请填 0 到 31 之间的整数（0 为不作要求）", "invalid count %d a period; give a whole number from 0 to 31 (0: not required)") \
	_(M_MEETING_BAD_QUORUM, "法定人数“%s”无效；请写成 >1/2（超过半数）、>=2/3（不少于三分之二）或留空", "invalid quorum \"%s\"; write >1/2 (more than half), >=2/3 (at least two thirds) or leave it empty") \
	_(M_MEETING_RULE_NEEDS_EVERY, "%s的%s还没有规则，须给出周期（--every）", "%s has no rule for %s yet: give its period (--every)") \
	_(M_MEETING_NO_RULE, "%s的%s没有规则", "%s has no rule for %s")

#endif
