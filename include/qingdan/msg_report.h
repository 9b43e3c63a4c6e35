/* msg_report.h — the strings of `report` (issue 12 §5, §6): the sentences
 * of the year in figures, their references, --detail and the assessment
 * sheet; part of the catalogue of msg.h, same form (id, 中文, English);
 * every line ends with a backslash. */
#ifndef QINGDAN_MSG_REPORT_H
#define QINGDAN_MSG_REPORT_H

#define MSG_LIST_REPORT(_) \
	_(M_RP_NA, "无", "n/a") \
	_(M_RP_NO_ORG, "没有编号为 %lld 的党组织；用 org list 查看现有的党组织", "there is no organisation #%lld; org list shows them") \
	_(M_RP_TITLE, "%s%d年度党建工作主要数据", "%s: the year %d in figures") \
	_(M_RP_TITLE_ALL, "本单位", "All organisations") \
	_(M_RP_DOC_TITLE, "述职报告数据", "the year in figures") \
	_(M_RP_F_SCOPE, "范围", "scope") \
	_(M_RP_F_AS_OF, "数据截至", "as of") \
	_(M_RP_REF, "〔见 %s〕", " [see %s]") \
	_(M_RP_END, "。", ".") \
	_(M_RP_SEP, "；", "; ") \
	_(M_RP_LIST_SEP, "、", ", ") \
	_(M_RP_H_ITEMS, "一、责任清单落实情况", "1. The responsibility lists") \
	_(M_RP_H_PLEDGES, "二、责任书签订和考核情况", "2. Pledges") \
	_(M_RP_H_MEETINGS, "三、组织生活和教育培训情况", "3. Meetings and training") \
	_(M_RP_H_PROBLEMS, "四、问题整改情况", "4. Problems and their rectification") \
	_(M_RP_ITEMS_NONE, "截至%s，三张清单尚未列入责任事项%s", "As of %s the three lists hold no item%s") \
	_(M_RP_ITEMS_TOTAL, "截至%s，三张清单共列责任事项%d项%s", "As of %s the three lists hold %d items%s") \
	_(M_RP_ITEMS_DONE, "，已销号%d项%s，销号率%s", ", %d of them done%s, a completion rate of %s") \
	_(M_RP_ITEMS_SPLIT, "；其中按期销号%d项，逾期销号%d项%s", "; %d were done on time and %d late%s") \
	_(M_RP_ITEMS_OVERDUE, "；逾期未销号%d项%s", "; %d are overdue%s") \
	_(M_RP_ITEMS_NO_OVERDUE, "；无逾期未销号事项%s", "; none is overdue%s") \
	_(M_RP_ITEMS_CANCELLED, "；另有已取消事项%d项%s，不计入", "; %d more were cancelled%s and are not counted") \
	_(M_RP_BY_LEVEL, "分级看，", " By level: ") \
	_(M_RP_LEVEL, "%s清单%d项、已销号%d项、销号率%s", "the %s lists %d items, %d done (%s)") \
	_(M_RP_PLEDGES_NONE, "全年尚未发出责任书%s", "No pledge was issued this year%s") \
	_(M_RP_PLEDGES, "全年发出责任书%d份%s，已签订%d份，签订率%s", "%d pledges were issued%s and %d signed, a signing rate of %s") \
	_(M_RP_PROXY, "；其中代签%d份%s，应予纠正", "; %d were signed by proxy%s and must be put right") \
	_(M_RP_NO_PROXY, "；无代签", "; none was signed by proxy") \
	_(M_RP_ASSESSED, "；已考核%d份%s", "; %d were assessed%s") \
	_(M_RP_GRADES, "，其中", ", of which ") \
	_(M_RP_GRADE, "%s%d份", "%s %d") \
	_(M_RP_RULES_NONE, "按组织生活制度，本年度没有要求召开的会议%s", "The rules ask for no meeting this year%s") \
	_(M_RP_RULES, "按组织生活制度，应召开会议%d次（按周期计）%s，按期召开%d次，按期率%s", "The rules ask for %d meetings (one per period)%s; %d were held, a rate of %s") \
	_(M_RP_RULES_SHORT, "；召开但到会人数不足%d次", "; %d were held short of quorum") \
	_(M_RP_RULES_MISSING, "；缺开%d次", "; %d are missing") \
	_(M_RP_RULES_OPEN, "；所在周期尚未结束%d次，不计入按期率", "; %d fall in periods not yet over and are not counted") \
	_(M_RP_MEETINGS_NONE, "全年未记录会议和活动%s", "No meeting or activity was recorded this year%s") \
	_(M_RP_MEETINGS, "全年共召开各类会议和活动%d次%s，累计%s学时", "%d meetings and activities were held%s, %s hours in all") \
	_(M_RP_TYPES, "，其中", ", of which ") \
	_(M_RP_TYPE, "%s%d次", "%s %d") \
	_(M_RP_TRAINING, "；开展教育培训%d次%s，共%s学时", "; %d training sessions%s, %s hours") \
	_(M_RP_MEMBERS, "；%d名党员中学时达到规定的%d名%s，达标率%s", "; of %d members, %d reached their required hours%s (%s)") \
	_(M_RP_PROBLEMS_NONE, "全年未收集到问题%s", "No problem was raised this year%s") \
	_(M_RP_PROBLEMS, "全年收集问题%d个%s", "%d problems were raised%s") \
	_(M_RP_SOURCES, "，其中", ", of which ") \
	_(M_RP_SOURCE, "%s%d个", "%s %d") \
	_(M_RP_RECTIFIED, "；已整改%d个%s，整改率%s", "; %d are rectified%s, a rate of %s") \
	_(M_RP_CLOSED, "，其中已销号%d个%s", ", %d of them closed%s") \
	_(M_RP_MEASURES, "；制定整改措施%d项，已完成%d项，逾期%d项%s", "; %d measures, %d done, %d overdue%s") \
	_(M_RP_FEEDBACK, "；需回访%d个，已回访%d个，回访满意%d个%s", "; %d needed a follow-up visit, %d had one, %d were satisfied%s") \
	_(M_RP_CODE, "校验码：%s", "verification code: %s") \
	_(M_RP_CODE_HINT, "以上数据依据的记录可用 qingdan audit verify --code %s 核对。", "The records behind these figures can be checked with qingdan audit verify --code %s.") \
	_(M_RP_DETAIL, "%s（%d）：", "%s (%d):") \
	_(M_RP_COL_ID, "编号", "id") \
	_(M_RP_COL_RECORD, "记录", "record") \
	_(M_RP_D_ITEMS, "责任事项", "items") \
	_(M_RP_D_DONE, "已销号", "done") \
	_(M_RP_D_ONTIME, "按期销号", "done on time") \
	_(M_RP_D_LATE, "逾期销号", "done late") \
	_(M_RP_D_OVERDUE, "逾期未销号", "overdue") \
	_(M_RP_D_CANCELLED, "已取消", "cancelled") \
	_(M_RP_D_ISSUED, "已发出责任书", "pledges issued") \
	_(M_RP_D_SIGNED, "已签订", "signed") \
	_(M_RP_D_PROXY, "代签", "signed by proxy") \
	_(M_RP_D_ASSESSED, "已考核", "assessed") \
	_(M_RP_D_PERIODS, "应召开（按周期）", "required (by period)") \
	_(M_RP_D_HELD, "按期召开", "held") \
	_(M_RP_D_SHORT, "人数不足", "short of quorum") \
	_(M_RP_D_MISSING, "缺开", "missing") \
	_(M_RP_D_OPEN, "周期未结束", "period not over") \
	_(M_RP_D_MEETINGS, "会议和活动", "meetings and activities") \
	_(M_RP_D_TRAININGS, "教育培训", "training") \
	_(M_RP_D_MEMBERS, "党员学时", "members' hours") \
	_(M_RP_D_MET, "学时达标", "hours reached") \
	_(M_RP_D_PROBLEMS, "问题", "problems") \
	_(M_RP_D_RECTIFIED, "已整改", "rectified") \
	_(M_RP_D_CLOSED, "已销号问题", "closed") \
	_(M_RP_D_NEED, "需回访", "needing a follow-up visit") \
	_(M_RP_D_FED, "已回访", "followed up") \
	/* the command line */ \
	_(M_RP_BAD_FORMAT, "格式“%s”无效：report 可用 text、md、pdf，report --assess 可用 csv、tsv、xlsx", "invalid format \"%s\": report writes text, md or pdf, report --assess csv, tsv or xlsx") \
	_(M_RP_WRITE, "无法写入 %s：%s", "cannot write %s: %s") \
	_(M_RP_WRITTEN, "已输出述职报告数据到 %s（校验码 %s）", "wrote the figures to %s (verification code %s)") \
	_(M_RP_ASSESS_WRITTEN, "已输出考评表到 %s（%d 行）", "wrote the assessment sheet to %s (%d rows)") \
	_(M_RP_ASSESS_SHEET, "考评表", "assessment") \
	_(M_RP_KIND_ORG, "组织", "org") \
	_(M_RP_KIND_PERSON, "个人", "person") \
	_(M_SET_WEIGHT_ITEMS, "考评表：责任事项按期销号率的权重（默认 40）", "assessment: weight of items done on time (default 40)") \
	_(M_SET_WEIGHT_PLEDGES, "考评表：责任书签订率的权重（默认 20）", "assessment: weight of pledges signed (default 20)") \
	_(M_SET_WEIGHT_MEETINGS, "考评表：组织生活按期率（个人：学时达标）的权重（默认 20）", "assessment: weight of meetings held (a person: hours) (default 20)") \
	_(M_SET_WEIGHT_PROBLEMS, "考评表：问题整改率的权重（默认 20）", "assessment: weight of problems rectified (default 20)") \
	_(M_SET_BAD_WEIGHT, "权重“%s”无效：应为 0 到 1000 之间的数", "invalid weight \"%s\": give a number from 0 to 1000")

/* Column headers of report --assess in the table format (msg.h COLUMN_LIST). */
#define COLUMN_LIST_REPORT(_) \
	_("kind", "对象", "kind") _("ontime", "按期销号", "on time") \
	_("ontime_rate", "按期率%", "on time %") _("pledges", "责任书", "pledges") \
	_("signed", "已签订", "signed") _("graded", "已考核", "assessed") \
	_("grade", "考核等次", "grade") _("pledge_rate", "签订率%", "signed %") \
	_("periods", "应开（周期）", "periods") _("meeting_rate", "组织生活%", "meetings %") \
	_("problems", "问题", "problems") _("rectified", "已整改", "rectified") \
	_("rectify_rate", "整改率%", "rectified %") _("score", "得分", "score")

#endif
