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
