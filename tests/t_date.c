/* t_date.c — unit tests for date.c: day numbers, the accepted text forms
 * (what people type and what Excel/WPS exports hold), validation, and the
 * today() override every date rule depends on. */
#include "tt.h"

#include "qingdan/date.h"

#include <locale.h>
#include <time.h>

/* date.c reads bytes, never the locale: any locale will do. */
static void init(void)
{
	setlocale(LC_ALL, "");
	date_set_today(DATE_NONE);
}

static int parsed(const char *s)
{
	int day = 12345678;
	if (date_parse(s, &day) != 0)
		return DATE_NONE;
	return day;
}

TEST(known_day_numbers)
{
	init();
	CHECK_INT(date_from_ymd(1970, 1, 1), 0);
	CHECK_INT(date_from_ymd(1970, 1, 2), 1);
	CHECK_INT(date_from_ymd(1969, 12, 31), -1);
	CHECK_INT(date_from_ymd(2000, 3, 1), 11017);
	CHECK_INT(date_from_ymd(2000, 2, 29), 11016);
	CHECK_INT(date_from_ymd(1900, 1, 1), -25567);
	CHECK_INT(date_from_ymd(2022, 3, 31), 19082);
	CHECK_INT(date_from_ymd(2038, 1, 19), 24855);
	CHECK_INT(date_from_ymd(1, 1, 1), -719162);
	CHECK_INT(date_from_ymd(9999, 12, 31), 2932896);
}

TEST(ymd_validation)
{
	init();
	CHECK_INT(date_from_ymd(2022, 2, 29), DATE_NONE);
	CHECK_INT(date_from_ymd(2022, 2, 30), DATE_NONE);
	CHECK_INT(date_from_ymd(2022, 4, 31), DATE_NONE);
	CHECK_INT(date_from_ymd(2022, 13, 1), DATE_NONE);
	CHECK_INT(date_from_ymd(2022, 0, 1), DATE_NONE);
	CHECK_INT(date_from_ymd(2022, 1, 0), DATE_NONE);
	CHECK_INT(date_from_ymd(1900, 2, 29), DATE_NONE);  /* not leap */
	CHECK_INT(date_from_ymd(0, 1, 1), DATE_NONE);
	CHECK_INT(date_from_ymd(10000, 1, 1), DATE_NONE);
	CHECK(date_from_ymd(2000, 2, 29) != DATE_NONE);   /* leap */
	CHECK(date_from_ymd(2024, 2, 29) != DATE_NONE);
}

TEST(to_ymd)
{
	int y, m, d;
	init();
	date_to_ymd(0, &y, &m, &d);
	CHECK(y == 1970 && m == 1 && d == 1);
	date_to_ymd(11017, &y, &m, &d);
	CHECK(y == 2000 && m == 3 && d == 1);
	date_to_ymd(-1, &y, &m, &d);
	CHECK(y == 1969 && m == 12 && d == 31);
	CHECK_INT(date_year(19082), 2022);
	CHECK_INT(date_year(-25567), 1900);
}

TEST(parse_accepted_forms)
{
	static const char *const forms[] = {
		"2022-03-31", "2022-3-31", "2022/3/31", "2022/03/31", "2022.3.31",
		"2022.03.31", "2022年3月31日", "2022年03月31日", " 2022-03-31 ",
		"2022 - 03 - 31", "2022 年 3 月 31 日", "\t2022/3/31\t",
		"２０２２年３月３１日", "２０２２-０３-３１", "2022年3月31",
		"\xE3\x80\x80" "2022年3月31日" "\xE3\x80\x80",  /* ideographic spaces */
		"２０２２／３／３１", "2022．3．31",
	};
	init();
	int want = date_from_ymd(2022, 3, 31);
	for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++) {
		if (parsed(forms[i]) != want)
			fprintf(stderr, "  form [%s]\n", forms[i]);
		CHECK_INT(parsed(forms[i]), want);
	}
	CHECK_INT(parsed("2024-02-29"), date_from_ymd(2024, 2, 29));
	CHECK_INT(parsed("2000-02-29"), date_from_ymd(2000, 2, 29));
	CHECK_INT(parsed("1900-01-01"), -25567);
	CHECK_INT(parsed("2999-12-31"), date_from_ymd(2999, 12, 31));
	CHECK_INT(parsed("1970-01-01"), 0);
}

TEST(parse_rejected_forms)
{
	static const char *const bad[] = {
		"2022-13-01", "2022-02-29", "2022-02-30", "2022-04-31", "2022-00-10",
		"2022-01-00", "1900-02-29", "1899-12-31", "3000-01-01", "abc",
		"2022-03-31x", "x2022-03-31", "长期坚持", "每季度", "", "   ",
		"2022-03", "2022", "2022-3/31", "2022/3-31", "2022年3-31",
		"2022-3-31日", "20220331", "22-03-31", "02022-03-31", "2022-003-31",
		"2022-03-031", "2022--03-31", "2022-03-31-", "2022年3月31日前",
		"2022年3月", "-2022-03-31", "2022-+3-31", "2022-03-3 1",
		"2022-03-31\xff", "\xEF\xBC", "2022 03 31", "2022年年3月31日",
	};
	init();
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		int day = 777;
		int rc = date_parse(bad[i], &day);
		if (rc != -1)
			fprintf(stderr, "  accepted [%s]\n", bad[i]);
		CHECK_INT(rc, -1);
		CHECK_INT(day, 777);   /* untouched on failure */
	}
}

TEST(format)
{
	char buf[32];
	init();
	CHECK_STR(date_format(0, buf), "1970-01-01");
	CHECK_STR(date_format(11017, buf), "2000-03-01");
	CHECK_STR(date_format(date_from_ymd(2022, 3, 1), buf), "2022-03-01");
	CHECK_STR(date_format(DATE_NONE, buf), "");
	CHECK_STR(date_format_zh(date_from_ymd(2022, 3, 1), buf), "2022年3月1日");
	CHECK_STR(date_format_zh(date_from_ymd(2022, 12, 31), buf), "2022年12月31日");
	CHECK_STR(date_format_zh(DATE_NONE, buf), "");
}

TEST(format_fits_stated_buffers)
{
	char iso[11], zh[20];
	init();
	int last = date_from_ymd(9999, 12, 31);
	CHECK_STR(date_format(last, iso), "9999-12-31");
	CHECK_STR(date_format_zh(last, zh), "9999年12月31日");
	/* days no date_from_ymd gives print as "" instead of overflowing */
	CHECK_STR(date_format(last + 1, iso), "");
	CHECK_STR(date_format_zh(2147483647, zh), "");
	CHECK_STR(date_format(-2147483647, iso), "");
	CHECK_INT(date_year(2147483647) > 9999, 1);
}

/* Random near-dates (digit groups, separators, blanks, now and then a
 * stray byte): never a crash, and whatever is accepted is a real day in
 * range that prints back to a form parsing to the same day. */
static unsigned rnd_state = 99;
static unsigned rnd(unsigned n)
{
	rnd_state = rnd_state * 1103515245u + 12345u;
	return (rnd_state >> 8) % n;
}

static void near_date(char *buf)
{
	static const char *const digits[] = {"0", "1", "2", "3", "9", "２", "０"};
	static const char *const styles[][3] = {
		{"-", "-", ""}, {"/", "/", ""}, {".", ".", ""}, {"年", "月", "日"},
		{"－", "月", " "}, {"", "-", "日"},
	};
	static const char *const junk[] = {" ", "\xEF\xBC", "\xE5\xB9", "x", "\xff", "\t", "+"};
	const char *const *sep = styles[rnd(sizeof styles / sizeof styles[0])];
	strcpy(buf, rnd(2) ? "2" : "19");
	for (int group = 0; group < 3; group++) {
		int len = group == 0 ? 1 + (int)rnd(3) : 1 + (int)rnd(2);
		for (int i = 0; i < len; i++)
			strcat(buf, digits[rnd(sizeof digits / sizeof digits[0])]);
		if (rnd(8) == 0)
			strcat(buf, junk[rnd(sizeof junk / sizeof junk[0])]);
		strcat(buf, sep[group]);
	}
}

TEST(parse_random_input)
{
	char buf[128], iso[11];
	int accepted = 0;
	init();
	for (int k = 0; k < 300000; k++) {
		near_date(buf);
		int day = 0, back = -1, y, m, d;
		if (date_parse(buf, &day) != 0)
			continue;
		accepted++;
		date_to_ymd(day, &y, &m, &d);
		CHECK(y >= 1900 && y <= 2999);
		CHECK_INT(date_parse(date_format(day, iso), &back), 0);
		CHECK_INT(back, day);
	}
	CHECK(accepted > 1000);
}

/* Every day of the accepted range: format, parse back, and neighbours. */
TEST(round_trip_1900_2999)
{
	char iso[11], zh[20], slash[32];
	init();
	int first = date_from_ymd(1900, 1, 1), last = date_from_ymd(2999, 12, 31);
	int prev_y = 1899, prev_m = 12, prev_d = 31, bad = 0;
	for (int day = first; day <= last && bad < 10; day++) {
		int y, m, d, back = -1, back_zh = -1, back_slash = -1;
		date_to_ymd(day, &y, &m, &d);
		int next_ok = (y == prev_y && m == prev_m && d == prev_d + 1) ||
			      (y == prev_y && m == prev_m + 1 && d == 1) ||
			      (y == prev_y + 1 && m == 1 && d == 1 && prev_m == 12);
		snprintf(slash, sizeof slash, "%d/%d/%d", y, m, d);
		if (!next_ok || date_from_ymd(y, m, d) != day ||
		    date_parse(date_format(day, iso), &back) || back != day ||
		    date_parse(date_format_zh(day, zh), &back_zh) || back_zh != day ||
		    date_parse(slash, &back_slash) || back_slash != day) {
			fprintf(stderr, "  day %d: %s %s\n", day, iso, zh);
			bad++;
		}
		prev_y = y, prev_m = m, prev_d = d;
	}
	CHECK_INT(bad, 0);
	CHECK_INT(last - first + 1, 365 * 1100 + 267);   /* leap days 1900..2999 */
	CHECK_INT(prev_y, 2999);
}

TEST(today_override)
{
	init();
	int day = date_from_ymd(2022, 6, 30);
	date_set_today(day);
	CHECK_INT(date_today(), day);
	date_set_today(0);
	CHECK_INT(date_today(), 0);   /* 1970-01-01 is a real day, not "none" */
	date_set_today(DATE_NONE);
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	int clock = date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
	int t = date_today();
	CHECK(t == clock || t == clock + 1);   /* midnight may pass */
}

TEST(now_utc_shape)
{
	char buf[21];
	init();
	time_t before = time(NULL);
	date_now_utc(buf);
	CHECK_INT(strlen(buf), 20);
	CHECK(buf[4] == '-' && buf[7] == '-' && buf[10] == 'T');
	CHECK(buf[13] == ':' && buf[16] == ':' && buf[19] == 'Z');
	char day[11];
	memcpy(day, buf, 10);
	day[10] = '\0';
	int d = -1;
	CHECK_INT(date_parse(day, &d), 0);
	int utc_day = (int)(before / 86400);
	CHECK(d == utc_day || d == utc_day + 1);
}

/* The day due words name in working year 2026, or DATE_NONE (rc 1) or
 * -1 (rc -1). */
static int due(const char *s, int year)
{
	int day = 777;
	int rc = date_due_words(s, year, &day);
	if (rc == 0)
		return day;
	CHECK_INT(day, 777);   /* untouched unless it is a date */
	return rc == 1 ? DATE_NONE : -1;
}

TEST(due_words_periods)
{
	static const struct {
		const char *words;
		int y, m, d;
	} forms[] = {
		{"6月底前", 2026, 6, 30}, {"6月底", 2026, 6, 30}, {"6月", 2026, 6, 30},
		{"6月前", 2026, 6, 30}, {"6月末", 2026, 6, 30}, {"六月底前", 2026, 6, 30},
		{"６月底前", 2026, 6, 30}, {" 6 月 底前 ", 2026, 6, 30}, {"6月底前完成", 2026, 6, 30},
		{"年底前", 2026, 12, 31}, {"年底", 2026, 12, 31}, {"年末", 2026, 12, 31},
		{"全年", 2026, 12, 31}, {"年内", 2026, 12, 31}, {"今年年底", 2026, 12, 31},
		{"今年底", 2026, 12, 31}, {"2027年底前", 2027, 12, 31}, {"2027年", 2027, 12, 31},
		{"2027年全年", 2027, 12, 31},
		{"2026年12月", 2026, 12, 31}, {"2025年12月底前", 2025, 12, 31}, {"12月", 2026, 12, 31},
		{"十二月", 2026, 12, 31}, {"十月底", 2026, 10, 31}, {"十一月", 2026, 11, 30},
		{"4月以前", 2026, 4, 30}, {"9月之前", 2026, 9, 30},
		{"第三季度", 2026, 9, 30}, {"三季度", 2026, 9, 30}, {"第3季度", 2026, 9, 30},
		{"3季度", 2026, 9, 30}, {"第三季度末", 2026, 9, 30}, {"一季度末", 2026, 3, 31},
		{"一季度", 2026, 3, 31}, {"二季度底前", 2026, 6, 30}, {"第四季度", 2026, 12, 31},
		{"Q4", 2026, 12, 31}, {"q2", 2026, 6, 30}, {"2027年第一季度", 2027, 3, 31},
		{"上半年", 2026, 6, 30}, {"下半年", 2026, 12, 31}, {"上半年前", 2026, 6, 30},
		{"2027年上半年", 2027, 6, 30},
		{"6月30日前", 2026, 6, 30}, {"6月15号", 2026, 6, 15}, {"三月三十一日", 2026, 3, 31},
		{"2026年6月30日前", 2026, 6, 30}, {"2026年6月30日", 2026, 6, 30},
		{"2026-06-30", 2026, 6, 30}, {"2026/6/30前", 2026, 6, 30}, {"２０２６．６．３０", 2026, 6, 30},
		{"2026.12", 2026, 12, 31}, {"2026-6", 2026, 6, 30}, {"2026/2", 2026, 2, 28},
	};
	init();
	for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++) {
		int want = date_from_ymd(forms[i].y, forms[i].m, forms[i].d);
		if (due(forms[i].words, 2026) != want)
			fprintf(stderr, "  due words [%s]\n", forms[i].words);
		CHECK_INT(due(forms[i].words, 2026), want);
	}
}

TEST(due_words_edges)
{
	init();
	/* February by the year: 2028 is a leap year, 2026 and 2100 are not */
	CHECK_INT(due("2月底", 2028), date_from_ymd(2028, 2, 29));
	CHECK_INT(due("2月底", 2026), date_from_ymd(2026, 2, 28));
	CHECK_INT(due("2028年2月", 2026), date_from_ymd(2028, 2, 29));
	CHECK_INT(due("2100年2月", 2026), date_from_ymd(2100, 2, 28));
	CHECK_INT(due("2028/2/29", 2026), date_from_ymd(2028, 2, 29));
	CHECK_INT(due("2月29日", 2028), date_from_ymd(2028, 2, 29));
	CHECK_INT(due("2月29日", 2026), -1);
	/* the year of the words wins over the working year */
	CHECK_INT(due("12月", 2030), date_from_ymd(2030, 12, 31));
	CHECK_INT(due("2026年12月", 2030), date_from_ymd(2026, 12, 31));
	CHECK_INT(due("第四季度", 2028), date_from_ymd(2028, 12, 31));
	CHECK_INT(due("1月", 2026), date_from_ymd(2026, 1, 31));
}

TEST(due_words_refused)
{
	static const char *const not_due[] = {
		"长期坚持", "每季度", "每月", "每年", "经常性", "持续推进", "", "   ", "年",
		"月底", "季度", "6月中旬", "2026", "abc", "6", "六", "6月30", "6月30日底",
		"2026年6月30日x", "x6月", "第三", "上半", "2022-3/31", "2026--06-30",
		"\xff\xfe", "半年",
	};
	static const char *const impossible[] = {
		"2026/2/30", "2026-02-30", "2026年2月30日", "2026-13-01", "13月", "十三月",
		"0月", "2026年13月", "2026年13月底前", "2月30日", "4月31日前", "6月0日",
		"第五季度", "五季度", "第0季度", "Q5", "2026/13", "1899年底", "3000年12月",
		"2026-00-10",
	};
	init();
	for (size_t i = 0; i < sizeof not_due / sizeof not_due[0]; i++) {
		if (due(not_due[i], 2026) != DATE_NONE)
			fprintf(stderr, "  due words [%s]\n", not_due[i]);
		CHECK_INT(due(not_due[i], 2026), DATE_NONE);
	}
	for (size_t i = 0; i < sizeof impossible / sizeof impossible[0]; i++) {
		if (due(impossible[i], 2026) != -1)
			fprintf(stderr, "  impossible [%s]\n", impossible[i]);
		CHECK_INT(due(impossible[i], 2026), -1);
	}
	int day = 5;
	CHECK_INT(date_due_words(NULL, 2026, &day), 1);
	CHECK_INT(day, 5);
	char big[400];
	memset(big, '6', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	CHECK_INT(date_due_words(big, 2026, &day), 1);
}

int main(void)
{
	RUN(known_day_numbers);
	RUN(ymd_validation);
	RUN(to_ymd);
	RUN(parse_accepted_forms);
	RUN(parse_rejected_forms);
	RUN(format);
	RUN(format_fits_stated_buffers);
	RUN(parse_random_input);
	RUN(round_trip_1900_2999);
	RUN(today_override);
	RUN(now_utc_shape);
	RUN(due_words_periods);
	RUN(due_words_edges);
	RUN(due_words_refused);
	return TT_END();
}
