/* t_tui_period.c — headless: a recurring item's periods (period.h) in the
 * screen's detail pane and on the item screen, as `item show` prints them. */
#include "t_tui_harness.h"

#include "qingdan/period.h"

/* The demo's item 3, 每季度召开党建工作领导小组会议: quarterly, Q1 done;
 * on 30 June Q2 is still in time, so nothing is missed yet. */
TEST(detail_pane_shows_the_periods)
{
	start(100, 30);
	CHECK_INT(qd_item_every(&q, 3, "quarter", &err), QD_OK);
	CHECK_INT(qd_item_period(&q, 3, "Q1", 1, "2026-03-25", NULL, &err), QD_OK);
	RUN_SCRIPT("j j");   /* the third row: its detail read afresh */
	CHECK_CONTAINS(screen(), "周期：每季度 Q1✓ Q2· Q3· Q4·");
	stop();
}

/* On 7 July Q2 has passed undone: ✗ and 逾期, in the pane as in item show. */
TEST(a_missed_quarter_is_marked)
{
	start(100, 30);
	CHECK_INT(qd_item_every(&q, 3, "quarter", &err), QD_OK);
	CHECK_INT(qd_item_period(&q, 3, "Q1", 1, "2026-03-25", NULL, &err), QD_OK);
	date_set_today(date_from_ymd(2026, 7, 7));
	RUN_SCRIPT("j j");
	CHECK_CONTAINS(screen(), "周期：每季度 Q1✓ Q2✗ Q3· Q4·");
	CHECK_CONTAINS(screen(), "逾期");
	stop();
}

int main(void)
{
	RUN(detail_pane_shows_the_periods);
	RUN(a_missed_quarter_is_marked);
	return TT_END();
}
