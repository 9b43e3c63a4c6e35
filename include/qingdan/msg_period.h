/* msg_period.h — the strings of recurring items (issue 14 point 2: --every,
 * item period, the periods shown): part of the catalogue of msg.h, same form
 * (id, 中文, English); every line ends with a backslash. */
#ifndef QINGDAN_MSG_PERIOD_H
#define QINGDAN_MSG_PERIOD_H

#define MSG_LIST_PERIOD(_) \
	_(M_EVERY_MONTH, "每月", "monthly") \
	_(M_EVERY_QUARTER, "每季度", "quarterly") \
	_(M_EVERY_HALF, "每半年", "half-yearly") \
	_(M_EVERY_YEAR, "每年", "yearly") \
	_(M_EVERY_BAD, "--every“%s”无效；可用 month（每月）、quarter（每季度）、half（每半年）、year（每年）或 none（不重复）", "--every \"%s\" is not valid; use month, quarter, half, year or none") \
	_(M_PERIOD_BAD, "周期“%s”无效；请写 1–12（月）、Q1–Q4（季度）、H1/H2（半年）或 Y（全年）", "period \"%s\" is not valid; write 1-12 (a month), Q1-Q4 (a quarter), H1/H2 (a half year) or Y (the year)") \
	_(M_PERIOD_KIND, "事项 #%lld %s重复，周期“%s”不是它的周期；请写 %s", "item #%lld repeats %s, so \"%s\" is not one of its periods; write %s") \
	_(M_PERIOD_NOT_RECURRING, "事项 #%lld 不是周期性事项；先用 item set %lld --every month|quarter|half|year 设定周期", "item #%lld does not repeat; set how often first: item set %lld --every month|quarter|half|year") \
	_(M_PERIOD_DUE_DERIVED, "事项 #%lld %s重复，完成时限由各周期决定，不能用 --due 设定；如要改为一次性事项，先 --every none", "item #%lld repeats %s: its deadline follows its periods and cannot be set with --due; to make it a one-off item, use --every none first") \
	_(M_PERIOD_WHAT, "done 或 undone", "done or undone") \
	_(M_PERIOD_ACTION, "登记周期完成情况", "record a period") \
	_(M_PERIOD_ALL_DONE, "各周期均已完成，自动销号", "every period done: closed") \
	_(M_SHOW_PERIODS, "周期", "Periods") \
	_(M_PERIOD_RANGE, "%s–%s", "%s-%s") \
	_(M_IO_ROW_BAD_EVERY, "周期“%s”无效；可写 每月、每季度、每半年、每年（或 month、quarter、half、year），不重复的留空", "period kind \"%s\" is not valid; write month, quarter, half or year (每月 每季度 每半年 每年), or leave it empty")

#endif
