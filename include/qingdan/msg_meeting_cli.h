/* msg_meeting_cli.h — the strings of `qingdan meeting …` and of the member
 * options of person add/set (issue 11, cli_meeting.c): part of the
 * catalogue of msg.h, same form (id, 中文, English); every line ends with a
 * backslash.  The labels of types, statuses and rules are the model's
 * (msg_meeting.h). */
#ifndef QINGDAN_MSG_MEETING_CLI_H
#define QINGDAN_MSG_MEETING_CLI_H

#define MSG_LIST_MEETING_CLI(_) \
	/* bad operands */ \
	_(M_MC_BAD_TYPE, "会议类型“%s”无效；可用 members（支部党员大会）、committee（支委会）、group（党小组会）、lecture（党课）、theme-day（主题党日）、org-life（组织生活会）、democratic-life（民主生活会）、review（民主评议党员）、study-group（中心组学习）、training（专题培训）、council（党建工作例会）、double-report（双报到）、talk（谈心谈话）、other", "invalid meeting type \"%s\"; use members, committee, group, lecture, theme-day, org-life, democratic-life, review, study-group, training, council, double-report, talk or other") \
	_(M_MC_BAD_ATTEND, "出席情况“%s”无效；可用 present（出席）、leave（请假）、absent（缺席）、late（迟到）、observer（列席）、none（撤销登记）", "invalid attendance \"%s\"; use present, leave, absent, late, observer or none (removes the record)") \
	_(M_MC_BAD_PARTY, "政治面貌“%s”无效；可用 full（正式党员）、probationary（预备党员）、none（群众）", "invalid Party standing \"%s\"; use full, probationary or none") \
	_(M_MC_BAD_COMMITTEE, "支委职务“%s”无效；可用 secretary（书记）、deputy（副书记）、organization（组织委员）、publicity（宣传委员）、discipline（纪检委员）、member（委员）或 none", "invalid committee role \"%s\"; use secretary, deputy, organization, publicity, discipline, member or none") \
	_(M_MC_BAD_PERIOD, "周期“%s”无效；可用 month（每月）、quarter（每季度）、half（每半年）、year（每年）", "invalid period \"%s\"; use month, quarter, half or year") \
	_(M_MC_BAD_MIN, "次数“%s”无效；请填 0 到 99 的整数（0 表示不作要求）", "invalid count \"%s\"; give a whole number from 0 to 99 (0: not required)") \
	_(M_MC_BAD_QUORUM, "法定人数规则“%s”无效；可写 >1/2、>=2/3 或留空表示不要求", "invalid quorum rule \"%s\"; write >1/2, >=2/3, or \"\" for none") \
	_(M_MC_BAD_KIND, "材料类别“%s”无效；可用 minutes（会议记录）、signin（签到表）、photo（照片）、file（材料）", "invalid evidence kind \"%s\"; use minutes, signin, photo or file") \
	_(M_MC_BAD_BY, "meeting stats：--by 的值“%s”无效；可用 type 或 org", "meeting stats: --by cannot be \"%s\"; use type or org") \
	_(M_MC_NOT_UTF8, "文件 %s 不是 UTF-8 文本；请在 WPS 或记事本里另存为 UTF-8", "the file %s is not UTF-8; save it as UTF-8") \
	_(M_MC_RULES_SET_LEVEL, "meeting rules --set 需要 --level（party-group、organ-committee 或 branch）", "meeting rules --set needs --level (party-group, organ-committee or branch)") \
	_(M_MC_RULES_ONLY_SET, "--level、--every、--min、--quorum 只能与 --set TYPE 一起用", "--level, --every, --min and --quorum go with --set TYPE") \
	_(M_MC_NEED_MEETING, "item link：请用 --meeting 会议编号 指明要关联的会议", "item link: name the meeting with --meeting ID") \
	/* meeting show */ \
	_(M_MC_SHOW_HEAD, "会议 #%lld · %s · %s · %s", "meeting #%lld · %s · %s · %s") \
	_(M_MC_F_STARTS, "开始时间", "starts") \
	_(M_MC_F_TITLE, "主题", "topic") \
	_(M_MC_F_PLACE, "地点", "place") \
	_(M_MC_F_HOST, "主持人", "host") \
	_(M_MC_F_RECORDER, "记录人", "recorder") \
	_(M_MC_F_HOURS, "学时", "hours") \
	_(M_MC_F_CELL, "党小组", "Party group") \
	_(M_MC_F_COUNTS, "人数", "attendance") \
	_(M_MC_COUNTS, "应到 %d，实到 %d（其中迟到 %d），请假 %d，缺席 %d，列席 %d", "expected %d, present %d (late %d), on leave %d, absent %d, observers %d") \
	_(M_MC_F_QUORUM, "法定人数", "quorum") \
	_(M_MC_QUORUM, "%s（有表决权 %d/%d，规则：%s）", "%s (voting %d of %d, rule: %s)") \
	_(M_MC_F_SUMMARY, "议程与纪要", "summary") \
	_(M_MC_F_DECISIONS, "决议", "decisions") \
	_(M_MC_F_PEOPLE, "参会情况", "attendance") \
	_(M_MC_F_NOTES, "佐证材料", "evidence") \
	_(M_MC_F_ITEMS, "关联事项", "items") \
	_(M_MC_F_MEETINGS, "佐证会议", "meetings") \
	_(M_MC_NOT_RECORDED, "未登记", "not recorded") \
	_(M_MC_FLAG_WARN, "预警（≥3个月）", "warn (3+ months)") \
	_(M_MC_FLAG_ALARM, "告警（≥6个月）", "alarm (6+ months)") \
	_(M_MC_YES, "是", "yes")

/* Column headers of the meeting listings (table format; tsv/csv/json keep
 * the keys), part of COLUMN_LIST in msg.h. */
#define COLUMN_LIST_MEETING(_) \
	_("type", "类型", "type") _("date", "日期", "date") _("title", "主题", "topic") \
	_("host", "主持人", "host") _("expected", "应到", "expected") \
	_("present", "实到", "present") _("leave", "请假", "leave") _("absent", "缺席", "absent") \
	_("quorum", "法定人数", "quorum") _("period", "周期", "period") \
	_("required", "应开", "required") _("held", "已开", "held") \
	_("last_attended", "最近参加", "last attended") \
	_("months_without", "未参加月数", "months without") _("flag", "预警", "flag") \
	_("hours", "学时", "hours") _("norm", "应完成学时", "norm") _("leader", "领导干部", "leader") \
	_("count", "次数", "count") _("participants", "参加人次", "participants") \
	_("every", "频次", "every") _("min", "每期次数", "minimum") \
	_("party", "政治面貌", "Party standing") _("committee", "支委职务", "committee role") \
	_("cell", "党小组", "Party group")

#endif
