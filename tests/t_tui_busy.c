/* t_tui_busy.c — headless tests of the screen on a busy file (issue 8.4):
 * another process (sqlite3, holding BEGIN IMMEDIATE until told to stop)
 * has the write lock; a save waits up to QINGDAN_BUSY_TIMEOUT, then the
 * status line says who holds the file and what to do, and what the user
 * typed stays where it was (the note prompt, the edit form, the reason of
 * a void) so that saving again once the lock is gone succeeds. */
#include <sys/stat.h>

#include "t_tui_harness.h"

static FILE *holder;
static char locked[560];

/* sqlite3 takes the write lock and touches a file to say so. */
static void hold(void)
{
	snprintf(locked, sizeof locked, "%s.locked", dbpath);
	unlink(locked);
	char *cmd = xasprintf("exec sqlite3 '%s' >/dev/null 2>&1", dbpath);
	holder = popen(cmd, "w");
	free(cmd);
	if (!holder)
		abort();
	fprintf(holder, ".timeout 10000\nBEGIN IMMEDIATE;\nINSERT INTO setting(key, value) "
			"VALUES ('busy_test', 'x');\n.system touch '%s'\n", locked);
	fflush(holder);
	struct stat sb;
	for (int i = 0; i < 2000 && stat(locked, &sb) != 0; i++)
		usleep(10000);
	CHECK(stat(locked, &sb) == 0);
}

static void release(void)
{
	fputs("ROLLBACK;\n.quit\n", holder);
	pclose(holder);
	holder = NULL;
	unlink(locked);
}

static void start_busy(void)
{
	TT_SQLITE_ONLY("a SQLite file's write lock held by the sqlite3 shell");
	setenv("QINGDAN_BUSY_TIMEOUT", "0.2", 1);
	start(100, 30);
	unsetenv("QINGDAN_BUSY_TIMEOUT");
}

static int notes_with(const char *text)
{
	struct note *ns = NULL;
	int n = 0, hits = 0;
	qd_item_notes(&q, 1, &ns, &n);
	for (int i = 0; i < n; i++)
		hits += strcmp(ns[i].text, text) == 0;
	notes_free(ns, n);
	return hits;
}

TEST(note_kept_while_busy)
{
	start_busy();
	hold();
	long long before = audit_head();
	RUN_SCRIPT("n \"文件忙时写的纪实\" <Enter>");
	CHECK_CONTAINS(tui_message(t), "正被");
	CHECK_CONTAINS(tui_message(t), "sqlite3");
	CHECK_CONTAINS(tui_message(t), "等它完成后再试");
	int y = find_row("履责纪实 #1");
	CHECK(y > 0);                                     /* the prompt is still open */
	CHECK_CONTAINS(row(y), "文件忙时写的纪实");       /* with the text */
	CHECK_CONTAINS(row(y - 1), "正被");               /* the reason shown above it */
	CHECK_INT(audit_head(), before);
	CHECK_INT(notes_with("文件忙时写的纪实"), 0);
	/* `:note TEXT` refused the same way lands in the prompt */
	RUN_SCRIPT("<Esc>\n:note 命令行写的纪实");
	CHECK_CONTAINS(tui_message(t), "正被");
	y = find_row("履责纪实 #1");
	CHECK(y > 0);
	CHECK_CONTAINS(row(y), "命令行写的纪实");
	RUN_SCRIPT("<Esc> n \"文件忙时写的纪实\" <Enter>");
	release();
	RUN_SCRIPT("<Enter>");
	CHECK_CONTAINS(tui_message(t), "已为事项 #1 记录履责纪实");
	CHECK(find_row("履责纪实 #1（") < 0);             /* the prompt closed */
	CHECK_INT(notes_with("文件忙时写的纪实"), 1);
	stop();
}

TEST(form_kept_while_busy)
{
	start_busy();
	hold();
	long long before = audit_head();
	RUN_SCRIPT("e <Tab> <End> \"（忙时的补充）\" <C-s>");
	CHECK_CONTAINS(tui_message(t), "正被");
	CHECK_CONTAINS(screen(), "编辑事项 #1");          /* the form stays */
	CHECK_CONTAINS(screen(), "（忙时的补充）");
	CHECK_INT(audit_head(), before);
	release();
	RUN_SCRIPT("<C-s>");
	CHECK_CONTAINS(tui_message(t), "已保存事项 #1");
	struct item it = {0};
	qd_get_item(&q, 1, &it, NULL);
	CHECK_CONTAINS(it.content, "（忙时的补充）");
	item_clear(&it);
	stop();
}

TEST(status_move_refused_while_busy)
{
	start_busy();
	hold();
	long long before = audit_head();
	RUN_SCRIPT(":status submitted");
	CHECK_CONTAINS(tui_message(t), "正被");
	CHECK_INT(audit_head(), before);
	release();
	RUN_SCRIPT(":status submitted");
	CHECK_CONTAINS(tui_message(t), "已改为“待审核”");
	stop();
}

int main(void)
{
	RUN(note_kept_while_busy);
	RUN(form_kept_while_busy);
	RUN(status_move_refused_while_busy);
	return TT_END();
}
