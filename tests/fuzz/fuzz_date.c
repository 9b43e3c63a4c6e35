/* fuzz_date.c — libFuzzer target for the dates: the one parser
 * (date_parse, src/date.c) through which every typed, imported or
 * `--today` date goes, the model's wrapper (model_iso_date), the
 * formatters and the day arithmetic.  The input is the text; its first
 * twelve bytes are also read as numbers for the arithmetic.
 *
 * Invariants: a parsed date lies in 1900-01-01 .. 2999-12-31 and its
 * digits are the text's digits (full-width too) in order, year month day,
 * with or without leading zeros; the ISO and the 中文 forms parse back to
 * the same day; the model accepts exactly what the parser accepts (blank
 * too) and gives ISO, or a message; date_from_ymd and date_to_ymd are
 * inverse over years 1..9999; formatting any int fits its buffer. */
#include <limits.h>

#include "fuzz.h"
#include "../../src/model_impl.h"

/* The ASCII digits of s, full-width ０-９ read as digits. */
static char *digits_of(const char *s)
{
	struct strbuf b = {0};
	sb_puts(&b, "");
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		if (*p >= '0' && *p <= '9') {
			sb_putc(&b, (char)*p);
			p++;
		} else if (p[0] == 0xEF && p[1] == 0xBC && p[2] >= 0x90 && p[2] <= 0x99) {
			sb_putc(&b, (char)('0' + p[2] - 0x90));
			p += 3;
		} else {
			p++;
		}
	}
	return sb_take(&b);
}

static void check_parsed(const char *s, int day)
{
	FUZZ_CHECK(day >= date_from_ymd(1900, 1, 1) && day <= date_from_ymd(2999, 12, 31));
	int y, m, d;
	date_to_ymd(day, &y, &m, &d);
	char *digits = digits_of(s);
	int ok = 0;
	for (int form = 0; form < 4 && !ok; form++) {
		char want[16];
		snprintf(want, sizeof want, form & 1 ? "%04d%02d" : "%04d%d", y, m);
		snprintf(want + strlen(want), sizeof want - strlen(want), form & 2 ? "%02d" : "%d", d);
		ok = strcmp(digits, want) == 0;
	}
	FUZZ_CHECK(ok);
	free(digits);

	char iso[11], zh[20];
	int again = DATE_NONE;
	FUZZ_CHECK(strlen(date_format(day, iso)) == 10);
	FUZZ_CHECK(date_parse(iso, &again) == 0 && again == day);
	again = DATE_NONE;
	FUZZ_CHECK(date_parse(date_format_zh(day, zh), &again) == 0 && again == day);
	FUZZ_CHECK(date_year(day) == y);
}

static void check_model(const char *s, int parsed, int day)
{
	char out[11];
	const char *res = NULL;
	struct strbuf err = {0};
	enum qd_status st = model_iso_date(s, out, &res, &err);
	if (!*s) {
		FUZZ_CHECK(st == QD_OK && res == s && err.len == 0);
	} else if (parsed) {
		char iso[11];
		FUZZ_CHECK(st == QD_OK && res == out && strcmp(out, date_format(day, iso)) == 0);
		FUZZ_CHECK(err.len == 0);
	} else {
		FUZZ_CHECK(st == QD_INVALID && err.len > 0);
	}
	sb_free(&err);
}

static int take_int(const uint8_t *data, size_t size, size_t at)
{
	unsigned v = 0;
	for (size_t i = at; i < at + 4; i++)
		v = v << 8 | (i < size ? data[i] : 0);
	return (int)v;
}

static void check_arithmetic(const uint8_t *data, size_t size)
{
	int a = take_int(data, size, 0), b = take_int(data, size, 4), c = take_int(data, size, 8);
	/* any y/m/d: valid ones come back */
	int y = a % 12000, m = b % 15, d = c % 34;
	int day = date_from_ymd(y, m, d);
	if (day != DATE_NONE) {
		int y2, m2, d2;
		date_to_ymd(day, &y2, &m2, &d2);
		FUZZ_CHECK(y2 == y && m2 == m && d2 == d);
		FUZZ_CHECK(y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= 31);
	}
	/* any day of years 1..9999 goes round */
	int lo = date_from_ymd(1, 1, 1), hi = date_from_ymd(9999, 12, 31);
	long long span = (long long)hi - lo + 1;
	int any = (int)(lo + (long long)((unsigned)a % (unsigned long long)span));
	int y3, m3, d3;
	date_to_ymd(any, &y3, &m3, &d3);
	FUZZ_CHECK(date_from_ymd(y3, m3, d3) == any);
	/* formatting never overflows, whatever the int */
	char iso[11], zh[20];
	int odd[] = {a, b, c, INT_MIN, INT_MAX, DATE_NONE, -1, hi + 1, lo - 1};
	for (size_t i = 0; i < ARRAY_SIZE(odd); i++) {
		size_t n = strlen(date_format(odd[i], iso));
		FUZZ_CHECK(n == 0 || n == 10);
		FUZZ_CHECK(strlen(date_format_zh(odd[i], zh)) < 20);
		if (odd[i] == DATE_NONE)
			FUZZ_CHECK(n == 0 && zh[0] == '\0');
	}
}

/* Due words (6月底前, 第三季度): a plain date is the same day; a period is
 * a last day within the year range; a refusal leaves *day alone; the
 * working year only fills in a year the text does not give. */
static void check_due_words(const char *s, int parsed, int day)
{
	int w = DATE_NONE, w2 = DATE_NONE;
	int rc = date_due_words(s, 2026, &w);
	FUZZ_CHECK(rc == 0 || rc == 1 || rc == -1);
	if (rc != 0) {
		FUZZ_CHECK(w == DATE_NONE && !parsed);
		return;
	}
	if (parsed)
		FUZZ_CHECK(w == day);
	FUZZ_CHECK(w >= date_from_ymd(1900, 1, 1) && w <= date_from_ymd(2999, 12, 31));
	FUZZ_CHECK(date_due_words(s, 2026, &w2) == 0 && w2 == w);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_setup();
	char *s = fuzz_string(data, size);
	int day = DATE_NONE;
	int parsed = date_parse(s, &day) == 0;
	if (parsed) {
		check_parsed(s, day);
		int again = DATE_NONE;
		FUZZ_CHECK(date_parse(s, &again) == 0 && again == day);
	} else {
		FUZZ_CHECK(day == DATE_NONE);   /* a refusal leaves *day alone */
	}
	check_model(s, parsed, day);
	check_due_words(s, parsed, day);
	check_arithmetic(data, size);
	free(s);
	return 0;
}
