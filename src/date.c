/* date.c — calendar dates as day numbers, their text forms, and the one
 * today() every date rule in qingdan reads.  See date.h for the contract.
 *
 * Conversions are pure arithmetic on the proleptic Gregorian calendar
 * (Howard Hinnant's days_from_civil / civil_from_days), so they never touch
 * the time zone or mktime.  Only date_today() reads the local clock, and
 * `--today` (date_set_today) replaces it for the whole run.
 *
 * date_from_ymd accepts years 1..9999 so that date arithmetic near the
 * edges stays valid; date_parse, which reads what people type and import,
 * accepts 1900..2999 only. */
#include "qingdan/date.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#define PARSE_YEAR_MIN 1900
#define PARSE_YEAR_MAX 2999

static int today_override = DATE_NONE;

/* ---- arithmetic ---- */

static int is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int y, int m)
{
	static const int len[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	return m == 2 && is_leap(y) ? 29 : len[m - 1];
}

int date_from_ymd(int y, int m, int d)
{
	if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 ||
	    d > days_in_month(y, m))
		return DATE_NONE;
	y -= m <= 2;
	int era = y / 400;                       /* y >= 0 here */
	int yoe = y - era * 400;                 /* [0, 399] */
	int doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void date_to_ymd(int day, int *y, int *m, int *d)
{
	long long z = (long long)day + 719468;
	long long era = (z >= 0 ? z : z - 146096) / 146097;
	long long doe = z - era * 146097;                        /* [0, 146096] */
	long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100); /* [0, 365] */
	long long mp = (5 * doy + 2) / 153;                      /* [0, 11] */
	int mm = (int)(mp < 10 ? mp + 3 : mp - 9);
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = mm;
	*y = (int)(yoe + era * 400 + (mm <= 2));
}

int date_year(int day)
{
	int y, m, d;
	date_to_ymd(day, &y, &m, &d);
	return y;
}

/* ---- formatting ---- */

/* The parts of a day to print; 0 for DATE_NONE or a year outside
 * 0..9999 (no date_from_ymd result is).  The % bounds tell the compiler
 * the fields fit their buffers. */
static int split_day(int day, unsigned *y, unsigned *m, unsigned *d)
{
	int yy, mm, dd;
	if (day == DATE_NONE)
		return 0;
	date_to_ymd(day, &yy, &mm, &dd);
	if (yy < 0 || yy > 9999)
		return 0;
	*y = (unsigned)yy % 10000u;
	*m = (unsigned)mm % 100u;
	*d = (unsigned)dd % 100u;
	return 1;
}

char *date_format(int day, char *buf)
{
	unsigned y, m, d;
	if (!split_day(day, &y, &m, &d)) {
		buf[0] = '\0';
		return buf;
	}
	snprintf(buf, 11, "%04u-%02u-%02u", y, m, d);
	return buf;
}

char *date_format_zh(int day, char *buf)
{
	unsigned y, m, d;
	if (!split_day(day, &y, &m, &d)) {
		buf[0] = '\0';
		return buf;
	}
	snprintf(buf, 20, "%u年%u月%u日", y, m, d);
	return buf;
}

/* ---- parsing ---- */

/* The tokens of a date: digits, separators, 年月日 as 'Y' 'M' 'D',
 * blanks as ' ', anything else '?', end '\0'. */
static const struct {
	const char *utf8;
	char tok;
} date_words[] = {
	{"\xE5\xB9\xB4", 'Y'}, {"\xE6\x9C\x88", 'M'}, {"\xE6\x97\xA5", 'D'},
	{"\xE3\x80\x80", ' '}, {"\xEF\xBC\x8D", '-'}, {"\xEF\xBC\x8F", '/'},
	{"\xEF\xBC\x8E", '.'},
};

/* Read one token at *p and step past it. */
static char next_token(const char **p)
{
	const unsigned char *s = (const unsigned char *)*p;
	if (*s == '\0')
		return '\0';
	if (s[0] == 0xEF && s[1] == 0xBC && s[2] >= 0x90 && s[2] <= 0x99) {
		*p += 3;
		return (char)('0' + (s[2] - 0x90));   /* full-width ０-９ */
	}
	for (size_t i = 0; i < sizeof date_words / sizeof date_words[0]; i++) {
		size_t n = strlen(date_words[i].utf8);
		if (strncmp(*p, date_words[i].utf8, n) == 0) {
			*p += n;
			return date_words[i].tok;
		}
	}
	(*p)++;
	if (strchr("0123456789-/.", *s))
		return (char)*s;
	return *s == ' ' || *s == '\t' ? ' ' : '?';
}

/* The next token that is not a blank. */
static char next_solid(const char **p)
{
	char t;
	while ((t = next_token(p)) == ' ')
		;
	return t;
}

/* Read a number of min..max digits starting with token *t; leaves in *t the
 * first solid token after it.  Returns -1 if there is no such number. */
static int read_number(const char **p, char *t, int min, int max)
{
	int v = 0, n = 0;
	while (*t >= '0' && *t <= '9') {
		if (++n > max)
			return -1;
		v = v * 10 + (*t - '0');
		*t = next_token(p);
	}
	if (*t == ' ')
		*t = next_solid(p);
	return n < min ? -1 : v;
}

int date_parse(const char *s, int *day)
{
	const char *p = s;
	char t = next_solid(&p);
	int y = read_number(&p, &t, 4, 4);
	char sep = t;
	if (y < 0 || !strchr("-/.Y", sep) || sep == '\0')
		return -1;
	t = next_solid(&p);
	int m = read_number(&p, &t, 1, 2);
	if (m < 0 || t != (sep == 'Y' ? 'M' : sep))
		return -1;
	t = next_solid(&p);
	int d = read_number(&p, &t, 1, 2);
	if (d < 0)
		return -1;
	if (sep == 'Y' && t == 'D')
		t = next_solid(&p);              /* 日 may be left off */
	if (t != '\0' || y < PARSE_YEAR_MIN || y > PARSE_YEAR_MAX)
		return -1;
	int v = date_from_ymd(y, m, d);
	if (v == DATE_NONE)
		return -1;
	*day = v;
	return 0;
}

/* ---- the clock ---- */

void date_set_today(int day)
{
	today_override = day;
}

int date_today(void)
{
	struct tm tm;
	time_t now;
	if (today_override != DATE_NONE)
		return today_override;
	now = time(NULL);
	if (!localtime_r(&now, &tm))
		return DATE_NONE;
	return date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

char *date_now_utc(char *buf)
{
	struct tm tm;
	time_t now = time(NULL);
	if (!gmtime_r(&now, &tm) ||
	    strftime(buf, 21, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
		buf[0] = '\0';
	return buf;
}

/* ---- due words ---- */

#define DUE_MAX 96

/* The text without blanks, full-width digits and - / . made ASCII; 0 if
 * too long to be due words. */
static int due_normalise(const char *s, char *out)
{
	size_t n = 0;
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		char c = 0;
		size_t step = 1;
		if (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n') {
			p++;
			continue;
		}
		if (p[0] == 0xE3 && p[1] == 0x80 && p[2] == 0x80) {   /* U+3000 */
			p += 3;
			continue;
		}
		if (p[0] == 0xEF && p[1] == 0xBC && p[2] >= 0x90 && p[2] <= 0x99)
			c = (char)('0' + (p[2] - 0x90)), step = 3;
		else if (p[0] == 0xEF && p[1] == 0xBC && (p[2] == 0x8D || p[2] == 0x8F || p[2] == 0x8E))
			c = p[2] == 0x8D ? '-' : p[2] == 0x8F ? '/' : '.', step = 3;
		if (c) {
			if (n + 1 >= DUE_MAX)
				return 0;
			out[n++] = c;
			p += step;
			continue;
		}
		if (n + 1 >= DUE_MAX)
			return 0;
		out[n++] = (char)*p++;
	}
	out[n] = '\0';
	return 1;
}

static int eat(const char **p, const char *word)
{
	size_t n = strlen(word);
	if (strncmp(*p, word, n) != 0)
		return 0;
	*p += n;
	return 1;
}

/* Drop word from the end of s if it is there. */
static int drop_tail(char *s, const char *word)
{
	size_t n = strlen(s), w = strlen(word);
	if (n < w || strcmp(s + n - w, word) != 0)
		return 0;
	s[n - w] = '\0';
	return 1;
}

static int zh_digit(const char **p)
{
	static const char *const d[] = {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
	for (int i = 0; i < 10; i++)
		if (eat(p, d[i]))
			return i;
	if (eat(p, "零"))
		return 0;
	return -1;
}

/* A number of at most 3 digits, or a Chinese numeral up to 九十九; -1 if
 * there is none at *p. */
static int due_number(const char **p)
{
	const char *s = *p;
	if (*s >= '0' && *s <= '9') {
		int v = 0, n = 0;
		while (*s >= '0' && *s <= '9') {
			if (++n > 3)
				return -1;
			v = v * 10 + (*s++ - '0');
		}
		*p = s;
		return v;
	}
	int tens = zh_digit(&s);
	if (eat(&s, "十")) {
		int ones = zh_digit(&s);
		*p = s;
		return (tens < 0 ? 1 : tens) * 10 + (ones < 0 ? 0 : ones);
	}
	if (tens < 0)
		return -1;
	*p = s;
	return tens;
}

/* y-m-d, -1 if no such day or the year is outside 1900..2999. */
static int due_ymd(int y, int m, int d, int *day)
{
	if (y < PARSE_YEAR_MIN || y > PARSE_YEAR_MAX || m < 1 || m > 12)
		return -1;
	if (d == 0)
		d = days_in_month(y, m);
	int v = date_from_ymd(y, m, d);
	if (v == DATE_NONE)
		return -1;
	*day = v;
	return 0;
}

/* 2026-6-31, 2026/13, 2026.12: numbers joined by - / . (the shape of a
 * date whether it exists or not). */
static int due_numeric(const char *s, int *day)
{
	int part[3], n = 0;
	char sep = 0;
	for (;;) {
		int v = 0, k = 0;
		while (*s >= '0' && *s <= '9' && k < 5)
			v = v * 10 + (*s++ - '0'), k++;
		if (k == 0 || (n == 0 && k != 4) || (n > 0 && k > 2))
			return 1;
		part[n++] = v;
		if (*s == '\0')
			break;
		if (!strchr("-/.", *s) || (sep && *s != sep) || n == 3)
			return 1;
		sep = *s++;
	}
	if (n < 2)
		return 1;
	return due_ymd(part[0], part[1], n == 3 ? part[2] : 0, day);
}

int date_due_words(const char *s, int year, int *day)
{
	char buf[DUE_MAX];
	if (!s || !due_normalise(s, buf) || !buf[0])
		return 1;
	if (date_parse(buf, day) == 0)
		return 0;
	drop_tail(buf, "完成");
	if (!drop_tail(buf, "以前") && !drop_tail(buf, "之前"))
		drop_tail(buf, "前");
	int end = drop_tail(buf, "底") || drop_tail(buf, "末");
	if (!buf[0])
		return 1;
	if (buf[0] >= '0' && buf[0] <= '9' && strpbrk(buf, "-/."))
		return due_numeric(buf, day);
	const char *p = buf;
	int y = year, has_year = 0;
	if (p[0] >= '0' && p[0] <= '9') {
		const char *q = p;
		int v = 0, k = 0;
		while (*q >= '0' && *q <= '9' && k < 5)
			v = v * 10 + (*q++ - '0'), k++;
		if (k == 4 && eat(&q, "年")) {
			y = v;
			has_year = 1;
			p = q;
		}
	} else if (eat(&p, "今年") || eat(&p, "本年度") || eat(&p, "本年")) {
		has_year = 1;
	}
	/* the whole year: 2026年, 2026年底, 今年, 年底, 全年, 年内 */
	if ((has_year && (!*p || strcmp(p, "内") == 0 || strcmp(p, "全年") == 0 ||
			  (end && strcmp(p, "年") == 0))) ||
	    (!has_year && ((end && strcmp(p, "年") == 0) || strcmp(p, "全年") == 0 ||
			   strcmp(p, "年内") == 0)))
		return due_ymd(y, 12, 31, day);
	if (strcmp(p, "上半年") == 0)
		return due_ymd(y, 6, 30, day);
	if (strcmp(p, "下半年") == 0)
		return due_ymd(y, 12, 31, day);
	/* quarters: 第三季度, 三季度, 第3季度, 3季度, 一季, Q3 */
	const char *q = p;
	int nth = -1;
	if (*q == 'Q' || *q == 'q') {
		q++;
		if (*q >= '0' && *q <= '9' && q[1] == '\0')
			nth = *q - '0', q++;
	} else {
		eat(&q, "第");
		nth = due_number(&q);
		if (nth >= 0 && !(eat(&q, "季度") || eat(&q, "季")))
			nth = -1;
	}
	if (nth >= 0 && !*q)
		return nth >= 1 && nth <= 4 ? due_ymd(y, nth * 3, 0, day) : -1;
	/* months and days: 6月, 12月底, 6月30日, 6月30号 */
	q = p;
	int m = due_number(&q);
	if (m < 0 || !eat(&q, "月"))
		return 1;
	int d = 0;
	if (*q) {
		if (end)
			return 1;          /* 6月30日底 */
		d = due_number(&q);
		if (d < 0 || !(eat(&q, "日") || eat(&q, "号")) || *q)
			return 1;
		if (d == 0)
			return -1;
	}
	return due_ymd(y, m, d, day);
}
