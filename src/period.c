/* period.c — recurring items' periods, their deadlines and marks
 * (period.h).  Pure calendar arithmetic on date.h day numbers. */
#include "qingdan/period.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "qingdan/date.h"
#include "qingdan/msg.h"
#include "qingdan/util.h"

static const char *const codes[] = {NULL, "month", "quarter", "half", "year"};

int every_parse(const char *s)
{
	if (!s || !*s || strcmp(s, "none") == 0)
		return EVERY_NONE;
	for (int i = 1; i <= EVERY_YEAR; i++)
		if (strcmp(s, codes[i]) == 0)
			return i;
	int w = every_words(s);
	return w != EVERY_NONE && strlen(s) <= 12 ? w : -1;
}

const char *every_code(int every)
{
	return every > EVERY_NONE && every <= EVERY_YEAR ? codes[every] : NULL;
}

const char *every_label(int every)
{
	static const enum msg_id ids[] = {M_NONE, M_EVERY_MONTH, M_EVERY_QUARTER, M_EVERY_HALF,
					  M_EVERY_YEAR};
	return msg(every > EVERY_NONE && every <= EVERY_YEAR ? ids[every] : M_NONE);
}

int every_words(const char *text)
{
	if (!text)
		return EVERY_NONE;
	/* the half year first: 每半年 holds 半年, never 每年 */
	static const struct {
		const char *w;
		int every;
	} words[] = {
		{"每半年", EVERY_HALF}, {"半年一次", EVERY_HALF}, {"按半年", EVERY_HALF},
		{"每季", EVERY_QUARTER}, {"每个季度", EVERY_QUARTER}, {"每一季度", EVERY_QUARTER},
		{"按季", EVERY_QUARTER}, {"逐季", EVERY_QUARTER}, {"季度一次", EVERY_QUARTER},
		{"每月", EVERY_MONTH}, {"每个月", EVERY_MONTH}, {"按月", EVERY_MONTH},
		{"逐月", EVERY_MONTH}, {"每年", EVERY_YEAR}, {"一年一次", EVERY_YEAR},
	};
	for (size_t i = 0; i < ARRAY_SIZE(words); i++)
		if (strstr(text, words[i].w))
			return words[i].every;
	return EVERY_NONE;
}

int every_periods(int every)
{
	static const int n[] = {0, 12, 4, 2, 1};
	return every > EVERY_NONE && every <= EVERY_YEAR ? n[every] : 0;
}

int period_parse(const char *s, int *index)
{
	if (!s || !*s)
		return -1;
	int kind = EVERY_MONTH;
	const char *p = s;
	char c = (char)toupper((unsigned char)*s);
	if (c == 'Q' || c == 'H') {
		kind = c == 'Q' ? EVERY_QUARTER : EVERY_HALF;
		p++;
	} else if (c == 'Y') {
		if (s[1])
			return -1;
		*index = 1;
		return EVERY_YEAR;
	}
	if (!isdigit((unsigned char)p[0]) || (p[1] && (!isdigit((unsigned char)p[1]) || p[2])) ||
	    p[0] == '0')
		return -1;
	int n = p[1] ? (p[0] - '0') * 10 + (p[1] - '0') : p[0] - '0';
	if (n < 1 || n > every_periods(kind))
		return -1;
	*index = n;
	return kind;
}

char *period_name(int every, int index, char *buf)
{
	switch (every) {
	case EVERY_MONTH: snprintf(buf, 4, "%d", index % 100); break;
	case EVERY_QUARTER: snprintf(buf, 4, "Q%d", index % 10); break;
	case EVERY_HALF: snprintf(buf, 4, "H%d", index % 10); break;
	case EVERY_YEAR: snprintf(buf, 4, "Y"); break;
	default: buf[0] = '\0';
	}
	return buf;
}

/* months per period */
static int span(int every)
{
	int n = every_periods(every);
	return n ? 12 / n : 12;
}

int period_start(int year, int every, int index)
{
	return date_from_ymd(year, (index - 1) * span(every) + 1, 1);
}

int period_end(int year, int every, int index)
{
	int m = index * span(every);
	return m >= 12 ? date_from_ymd(year, 12, 31) : date_from_ymd(year, m + 1, 1) - 1;
}

int period_current(int year, int every, int day)
{
	int y, m, d;
	date_to_ymd(day, &y, &m, &d);
	if (y < year)
		return 0;
	if (y > year)
		return every_periods(every) + 1;
	return (m - 1) / span(every) + 1;
}

unsigned period_mask(int every, const char *names)
{
	unsigned mask = 0;
	char word[8];
	while (names && *names) {
		size_t n = strcspn(names, " ,\t");
		if (n && n < sizeof word) {
			memcpy(word, names, n);
			word[n] = '\0';
			int index;
			if (period_parse(word, &index) == every)
				mask |= 1u << (index - 1);
		}
		names += n;
		names += strspn(names, " ,\t");
	}
	return mask;
}

void period_marks(struct strbuf *b, int year, int every, unsigned done, int today, int style)
{
	static const char *const marks[3][3] = {
		{"✓", "✗", "·"}, {"[v]", "[x]", "[_]"}, {"✓", "✗", "☐"},
	};
	char name[4];
	if (style < 0 || style > PERIOD_MARKS_PAPER)
		style = PERIOD_MARKS_SCREEN;
	for (int i = 1; i <= every_periods(every); i++) {
		int is_done = (done >> (i - 1)) & 1;
		int missed = !is_done && period_end(year, every, i) < today;
		const char *mark = marks[style][is_done ? 0 : missed ? 1 : 2];
		sb_printf(b, "%s%s%s", i > 1 ? " " : "", period_name(every, i, name), mark);
	}
}

int period_due(int year, int every, unsigned done)
{
	int n = every_periods(every);
	for (int i = 1; i <= n; i++)
		if (!((done >> (i - 1)) & 1))
			return period_end(year, every, i);
	return period_end(year, every, n);
}
