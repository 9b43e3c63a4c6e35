/* t_tui_meeting.c — tab 7 组织生活 headless (t_tui_harness.h): the issue's
 * "Done when" branch (7 members, a committee of 3; 支委会 in January and
 * February but not March, a 支部党员大会 in Q1 with 3 of 7 present, a
 * member without 组织生活 for six months) seen on the grid as letters and
 * styles (and under NO_COLOR), the meeting list, the members at risk; the
 * attendance form cycling present → 请假 (the reason asked) → absent, and
 * `:attend`; the add form (a bad date keeps the form, writes nothing); who
 * may write (a plain member is refused before typing, the 组织委员 may);
 * English.  Both backends (tt_db). */
#include "t_tui_harness.h"
#include "qingdan/meeting.h"
#include "qingdan/tui_view.h"

static long long org9, people[7], m_jan, m_feb, m_members;

static long long add_person(const char *name, const char *login)
{
	struct person_fields f = PERSON_FIELDS_INIT;
	long long id = 0;
	f.name = name;
	f.login = login;
	f.org_id = org9;
	CHECK_INT(qd_person_add(&q, &f, &id, &err), QD_OK);
	return id;
}

static long long add_meeting(enum meeting_type type, const char *on, const char *title)
{
	struct meeting_fields f = MEETING_FIELDS_INIT;
	long long id = 0;
	f.org_id = org9;
	f.type = (int)type;
	f.on = on;
	f.title = title;
	CHECK_INT(qd_meeting_add(&q, &f, &id, &err), QD_OK);
	return id;
}

static void present(long long mid, const long long *ids, int n)
{
	CHECK_INT(qd_meeting_attend(&q, mid, ids, n, AT_PRESENT, NULL, &err), QD_OK);
}

/* The branch of the issue, written as the admin beside the screen, then
 * shown on tab 7 (C-r reads the new org; `:branch` picks it there). */
static void scenario(void)
{
	CHECK_INT(qd_org_add(&q, "第九党支部", LV_BRANCH, t->committee_org, &org9, &err), QD_OK);
	static const char *const names[7] = {"邝一", "邝二", "邝三", "邝四", "邝五", "邝六", "邝七"};
	static const char *const logins[7] = {"kuang1", "kuang2", "kuang3", "kuang4", "kuang5",
					      "kuang6", "kuang7"};
	for (int i = 0; i < 7; i++)
		people[i] = add_person(names[i], logins[i]);
	CHECK_INT(qd_member_set(&q, people[0], -1, CR_SECRETARY, NULL, &err), QD_OK);
	CHECK_INT(qd_member_set(&q, people[1], -1, CR_ORGANIZATION, NULL, &err), QD_OK);
	CHECK_INT(qd_member_set(&q, people[2], -1, CR_MEMBER, NULL, &err), QD_OK);
	/* December: a 主题党日 everyone was expected at, 邝一 to 邝六 came */
	long long dec = add_meeting(MT_THEME_DAY, "2025-12-28", "主题党日");
	present(dec, people, 6);
	m_jan = add_meeting(MT_COMMITTEE, "2026-01-10", "一月支委会");
	m_feb = add_meeting(MT_COMMITTEE, "2026-02-10", "二月支委会");
	present(m_jan, people, 3);
	present(m_feb, people, 3);
	m_members = add_meeting(MT_MEMBERS, "2026-02-20", "一季度党员大会");
	long long three[3] = {people[0], people[3], people[4]};
	present(m_members, three, 3);
	RUN_SCRIPT("reload view-meetings\n:branch 第九党支部");
}

TEST(grid_shows_the_year_checked)
{
	start(110, 40);
	scenario();
	CHECK_CONTAINS(row(1), "[7 组织生活]");
	CHECK_CONTAINS(screen(), "第九党支部 · 2026 年度组织生活");
	CHECK_CONTAINS(screen(), "+ 已开  x 缺  ! 不足法定人数  . 进行中");
	int y = find_row("支委会");
	CHECK(y > 0);
	/* January and February held, March missing, the rest missing or open */
	CHECK_CONTAINS(row(y), "+1/1  +1/1  x0/1  x0/1  x0/1  .0/1");
	int ym = find_row("支部党员大会");
	CHECK(ym > 0);
	CHECK_INT(col_of(row(ym), "!1/1"), col_of(row(y), "+1/1"));   /* Q1 from January: short */
	CHECK_CONTAINS(row(ym), ".0/1");                               /* Q2 open on 06-30 */
	/* the check says the same */
	struct check_row *rows = NULL;
	int n = 0;
	CHECK_INT(qd_meeting_check(&q, org9, 2026, &rows, &n, &err), QD_OK);
	int seen = 0;
	for (int i = 0; i < n; i++) {
		if (rows[i].type == MT_COMMITTEE && strcmp(rows[i].period, "2026-03") == 0) {
			CHECK_INT(rows[i].status, CK_MISSING);
			seen++;
		}
		if (rows[i].type == MT_MEMBERS && strcmp(rows[i].period, "2026-Q1") == 0) {
			CHECK_INT(rows[i].status, CK_SHORT);
			seen++;
		}
	}
	CHECK_INT(seen, 2);
	/* every period of the check, cell by cell: at 110 columns a month is
	 * 6 wide after the 13 of the type */
	static const char *const marks[] = {"+", "x", "!", "."};
	int cells = 0;
	for (int i = 0; i < n; i++) {
		int k = 0, np = 0;
		for (int j = 0; j < n; j++)
			if (rows[j].type == rows[i].type) {
				if (j < i)
					k++;
				np++;
			}
		int gy = find_row(meeting_type_label(rows[i].type));
		CHECK(gy > 0);
		char want[32], *line = tui_screen_row(gy);
		snprintf(want, sizeof want, "%s%d/%d", marks[rows[i].status], rows[i].held,
			 rows[i].required);
		/* the row is ASCII after the label: columns from the label's end */
		const char *after = line + strlen(meeting_type_label(rows[i].type));
		int x0 = text_width(meeting_type_label(rows[i].type));
		int at = 13 + k * (12 / np) * 6 - x0;
		CHECK(at >= 0 && (size_t)at < strlen(after));
		if (at >= 0 && (size_t)at < strlen(after))
			CHECK(strncmp(after + at, want, strlen(want)) == 0);
		free(line);
		cells++;
	}
	CHECK(cells >= 12 + 4);
	check_rows_free(rows, n);
	/* the list: 3 meetings of the year, the members' meeting 7 / 3 short */
	CHECK_CONTAINS(screen(), "会议和活动（3）");
	int yl = find_row("一季度党员大会");
	CHECK(yl > 0);
	CHECK_CONTAINS(row(yl), "2026-02-20");
	CHECK_CONTAINS(row(yl), "   7    3     0    4 不足");
	/* members at risk: 邝七 never came since the December theme day */
	int yr = find_row("邝七");
	CHECK(yr > 0);
	CHECK_CONTAINS(row(yr), "告警");
	CHECK_CONTAINS(row(yr), "6 个月");
	CHECK_CONTAINS(row(yr), "从未参加");
	CHECK_CONTAINS(row(yr), "第九党支部");
	/* colours: missing red, held green */
	int xm = col_of(row(y), "x0/1"), xo = col_of(row(y), "+1/1");
	CHECK((mvwinch(stdscr, y, xm) & A_COLOR) == (chtype)COLOR_PAIR(1));
	CHECK((mvwinch(stdscr, y, xo) & A_COLOR) == (chtype)COLOR_PAIR(3));
	CHECK(find_row("不足 1 · 预警") > 0);
	stop();
}

TEST(no_color_keeps_letters_and_bold)
{
	setenv("NO_COLOR", "1", 1);
	start(110, 40);
	scenario();
	int y = find_row("支委会");
	CHECK(y > 0);
	CHECK_CONTAINS(row(y), "+1/1  +1/1  x0/1");
	int xm = col_of(row(y), "x0/1"), xo = col_of(row(y), "+1/1");
	chtype miss = mvwinch(stdscr, y, xm), ok = mvwinch(stdscr, y, xo);
	CHECK((miss & A_COLOR) == 0);
	CHECK(miss & A_BOLD);
	CHECK(!(ok & A_BOLD));
	int ym = find_row("支部党员大会");
	CHECK(mvwinch(stdscr, ym, col_of(row(ym), "!1/1")) & A_UNDERLINE);
	stop();
	unsetenv("NO_COLOR");
}

static int status_of(long long mid, long long person, char **reason)
{
	struct attendee *a = NULL;
	int n = 0, st = -2;
	CHECK_INT(qd_meeting_attendees(&q, mid, &a, &n, &err), QD_OK);
	for (int i = 0; i < n; i++)
		if (a[i].person_id == person) {
			st = a[i].recorded ? (int)a[i].status : -1;
			if (reason)
				*reason = xstrdup(a[i].reason ? a[i].reason : "");
		}
	attendees_free(a, n);
	return st;
}

TEST(attendance_form_cycles_present_leave_absent)
{
	start(110, 40);
	scenario();
	/* the latest meeting is selected: the members' meeting */
	RUN_SCRIPT("open");
	int top = find_row("出勤 · #");
	CHECK(top > 0);
	CHECK_CONTAINS(row(top), "一季度党员大会");
	CHECK_CONTAINS(row(top + 1), "应到 7  实到 3  请假 0  缺席 4");
	CHECK_CONTAINS(row(top + 1), "不足");
	int y = find_row("邝七");
	CHECK(y > 0);
	CHECK_CONTAINS(row(y), "缺席（未登记）");
	CHECK_INT(status_of(m_members, people[6], NULL), -1);
	long long head = audit_head();
	RUN_SCRIPT("end attend");
	CHECK_INT(status_of(m_members, people[6], NULL), AT_PRESENT);
	CHECK_CONTAINS(row(top + 1), "应到 7  实到 4  请假 0  缺席 3");
	CHECK_CONTAINS(row(top + 1), "有效");
	CHECK(audit_head() > head);
	/* present → 请假: the reason is asked */
	RUN_SCRIPT("attend");
	CHECK(find_row("邝七 请假原因：") > 0);
	CHECK_INT(status_of(m_members, people[6], NULL), AT_PRESENT);
	RUN_SCRIPT("\"病假\" <Enter>");
	char *why = NULL;
	CHECK_INT(status_of(m_members, people[6], &why), AT_LEAVE);
	CHECK_STR(why, "病假");
	free(why);
	CHECK_CONTAINS(row(find_row("邝七")), "病假");
	/* 请假 → absent (the reason cleared) → present */
	RUN_SCRIPT("attend");
	why = NULL;
	CHECK_INT(status_of(m_members, people[6], &why), AT_ABSENT);
	CHECK_STR(why, "");
	free(why);
	RUN_SCRIPT("attend");
	CHECK_INT(status_of(m_members, people[6], NULL), AT_PRESENT);
	/* by name, and clearing the record */
	RUN_SCRIPT(":attend late");
	CHECK_INT(status_of(m_members, people[6], NULL), AT_LATE);
	RUN_SCRIPT(":attend 请假 出差");
	why = NULL;
	CHECK_INT(status_of(m_members, people[6], &why), AT_LEAVE);
	CHECK_STR(why, "出差");
	free(why);
	head = audit_head();
	RUN_SCRIPT(":attend maybe");
	CHECK_CONTAINS(tui_message(t), "出勤状态“maybe”无效");
	CHECK_INT(audit_head(), head);
	RUN_SCRIPT("delete");
	CHECK_INT(status_of(m_members, people[6], NULL), -1);
	CHECK_CONTAINS(tui_message(t), "已清除 邝七 的登记");
	/* back: the list shows the counts as they are now */
	RUN_SCRIPT("back");
	CHECK_CONTAINS(row(find_row("一季度党员大会")), "   7    3     0    4 不足");
	stop();
}

static int meetings_of_year(void)
{
	struct meeting_filter f = MEETING_FILTER_INIT;
	struct meeting *ms = NULL;
	int n = 0;
	f.org_id = org9;
	f.year = 2026;
	CHECK_INT(qd_meeting_list(&q, &f, &ms, &n, &err), QD_OK);
	meetings_free(ms, n);
	return n;
}

TEST(add_form_writes_a_meeting_and_the_grid_follows)
{
	start(110, 40);
	scenario();
	long long head = audit_head();
	/* a bad date: the form stays, nothing is written */
	RUN_SCRIPT("add <Tab> <C-u> \"2026-13-45\" <C-s>");
	CHECK_CONTAINS(screen(), "新增会议 · 第九党支部");
	CHECK_INT(audit_head(), head);
	CHECK_INT(meetings_of_year(), 3);
	RUN_SCRIPT("<C-u> <C-k> \"2026-03-15\" <Tab> \"19:30\" <Tab> \"三月支委会\" <C-s>");
	CHECK_INT(meetings_of_year(), 4);
	CHECK(audit_head() > head);
	CHECK_CONTAINS(tui_message(t), "已新增会议 #");
	/* nobody recorded yet: held, but short of quorum */
	int y = find_row("支委会");
	CHECK_CONTAINS(row(y), "+1/1  +1/1  !1/1  x0/1");
	CHECK(find_row("三月支委会") > 0);
	/* edit the title of the March meeting (after the one selected) */
	head = audit_head();
	RUN_SCRIPT("down edit <Tab> <Tab> <Tab> <C-u> <C-k> \"三月支委会（补）\" <C-s>");
	CHECK_CONTAINS(tui_message(t), "已保存：会议 #");
	CHECK(audit_head() > head);
	CHECK(find_row("三月支委会（补）") > 0);
	stop();
}

TEST(who_may_write)
{
	start(110, 40);
	scenario();
	/* a plain member: refused before any input, nothing written */
	tt_login(&q, "kuang7");
	RUN_SCRIPT("reload view-meetings\n:branch 第九党支部");
	long long head = audit_head();
	RUN_SCRIPT("add");
	CHECK_CONTAINS(tui_message(t), "只能查看，不能记录会议");
	CHECK(!strstr(screen(), "新增会议"));
	RUN_SCRIPT("open end attend");
	CHECK_CONTAINS(tui_message(t), "不能记录会议");
	CHECK_INT(status_of(m_members, people[6], NULL), -1);
	CHECK_INT(audit_head(), head);
	RUN_SCRIPT("back");
	/* the branch's 组织委员 may */
	tt_login(&q, "kuang2");
	RUN_SCRIPT("reload view-meetings\n:branch 第九党支部\nopen end attend");
	CHECK_INT(status_of(m_members, people[6], NULL), AT_PRESENT);
	stop();
}

TEST(english_and_help)
{
	start(110, 40);
	scenario();
	RUN_SCRIPT("help");
	CHECK_CONTAINS(screen(), "组织生活：年度对照表、会议、出勤、预警党员");
	RUN_SCRIPT("back");
	msg_set_english(1);
	RUN_SCRIPT("view-meetings");
	CHECK_CONTAINS(row(1), "[7 Meetings]");
	CHECK_CONTAINS(screen(), "+ held  x missing  ! short of quorum  . open");
	CHECK_CONTAINS(screen(), "meetings and activities (3)");
	msg_set_english(0);
	stop();
}

int main(void)
{
	RUN(grid_shows_the_year_checked);
	RUN(no_color_keeps_letters_and_bold);
	RUN(attendance_form_cycles_present_leave_absent);
	RUN(add_form_writes_a_meeting_and_the_grid_follows);
	RUN(who_may_write);
	RUN(english_and_help);
	return TT_END();
}
