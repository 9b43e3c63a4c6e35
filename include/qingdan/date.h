/* date.h — calendar dates and the one today().
 *
 * A date is an int day number (days since 1970-01-01, proleptic Gregorian);
 * 0 is a valid day, DATE_NONE means "no date".  Text form is ISO YYYY-MM-DD.
 * Every date rule in qingdan reads date_today(); `--today` sets it. */
#ifndef QINGDAN_DATE_H
#define QINGDAN_DATE_H

#define DATE_NONE (-2147483647 - 1)

/* Parse ISO 2022-03-31, 2022/3/31, 2022.3.31, 2022-3-31 or 2022年3月31日
 * (spaces around parts allowed; full-width digits ０-９ accepted).
 * Returns 0 and sets *day; -1 if the text is not one of these forms or is no
 * real date (2022-02-30).  Years 1900..2999 only. */
int date_parse(const char *s, int *day);
/* Due words as offices write a deadline: 6月底前, 年底, 2026年12月, 12月,
 * 第三季度, 三季度, 第3季度, 一季度末, Q3, 上半年, 下半年, 全年, 今年年底,
 * 6月30日前, 2026年6月30日前, 2026.12, and every plain date_parse form;
 * Chinese numerals 一…三十一 or digits (full-width too), blanks ignored, an
 * optional trailing 前/以前/之前/底/末/底前 (and 完成).  A period means its
 * last day; the year is the text's or `year` (the working year).
 * Returns 0 and sets *day; 1 if the text is no such form (长期坚持, 每季度:
 * text, not a date); -1 if it names a date that does not exist (2026/2/30,
 * 13月, 第五季度, a year outside 1900..2999).  *day is untouched unless 0. */
int date_due_words(const char *s, int year, int *day);
/* Write YYYY-MM-DD (buffer of at least 11 bytes); "" for DATE_NONE. */
char *date_format(int day, char *buf);
/* Write "2022年3月31日" (at least 20 bytes); "" for DATE_NONE. */
char *date_format_zh(int day, char *buf);
int date_from_ymd(int y, int m, int d);   /* DATE_NONE if invalid; years 1..9999 */
void date_to_ymd(int day, int *y, int *m, int *d);
int date_year(int day);

/* today(): the --today override if set, else the local clock. */
int date_today(void);
void date_set_today(int day);             /* DATE_NONE clears the override */
/* Current UTC time as ISO-8601 "2022-06-30T08:15:00Z" (buffer >= 21). */
char *date_now_utc(char *buf);

#endif
