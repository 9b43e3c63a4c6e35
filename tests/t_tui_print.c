/* t_tui_print.c — headless tests of the p key's print dialog (issue 4):
 * the scope menu offers only what applies (本人 / 本组织 / 全部), the
 * destination form (打印机 only when lp is on PATH, a PDF file otherwise
 * or by choice), the real print module behind the hooks writing PDFs that
 * pdftotext reads back, a stub lp recording its arguments, and Esc at
 * either step printing nothing. */
#include <sys/stat.h>

#include "qingdan/io.h"
#include "t_tui_harness.h"

static char dir[64];
static char *old_path;

/* A temporary working folder with an empty bin/ first on PATH (so no lp
 * unless a test puts one there), the real print module on the hooks. */
static void begin(int cols, int lines)
{
	snprintf(dir, sizeof dir, "/tmp/qdtuiprintXXXXXX");
	if (!mkdtemp(dir) || chdir(dir) != 0 || mkdir("bin", 0700) != 0)
		abort();
	tui_print_hook = io_tui_print;
	tui_print_suggest_hook = io_tui_print_suggest;
	start(cols, lines);
	const char *p = getenv("PATH");
	old_path = xstrdup(p ? p : "/usr/bin:/bin");
	char *path = xasprintf("%s/bin", dir);
	setenv("PATH", path, 1);
	free(path);
}

static void end(void)
{
	setenv("PATH", old_path, 1);
	stop();
	free(old_path);
	char *cmd = xasprintf("rm -rf '%s'", dir);
	if (chdir("/") != 0 || system(cmd) != 0)
		abort();
	free(cmd);
}

/* The text of a PDF (pdftotext), malloc'd; "" if it cannot be read. */
static char *pdf_text(const char *pdf)
{
	char *cmd = xasprintf("PATH='%s' pdftotext '%s' - 2>/dev/null", old_path, pdf);
	FILE *f = popen(cmd, "r");
	free(cmd);
	struct strbuf b = {0};
	sb_puts(&b, "");
	char buf[4096];
	size_t n;
	while (f && (n = fread(buf, 1, sizeof buf, f)) > 0)
		sb_add(&b, buf, n);
	if (f)
		pclose(f);
	return sb_take(&b);
}

/* Files in the working folder besides bin/. */
static int files_here(void)
{
	char *cmd = xasprintf("PATH='%s'; ls -A '%s' | grep -vx bin | wc -l", old_path, dir);
	FILE *f = popen(cmd, "r");
	free(cmd);
	int n = -1;
	if (!f || fscanf(f, "%d", &n) != 1)
		n = -1;
	if (f)
		pclose(f);
	return n;
}

TEST(menu_offers_what_applies)
{
	begin(100, 30);
	RUN_SCRIPT("2 p");              /* a list: the item's owner, the org, everyone */
	const char *s = screen();
	CHECK_CONTAINS(s, "打印 2026年度个人党建责任清单：范围");
	CHECK_CONTAINS(s, "本人（");
	CHECK_CONTAINS(s, "本组织（机关党委）");
	CHECK_CONTAINS(s, "全部（所有人员）");
	RUN_SCRIPT("<Esc> 4 / \"赵立新\" <Enter> p");   /* people: no org shown */
	s = screen();
	CHECK_CONTAINS(s, "本人（赵立新）");
	CHECK(strstr(s, "本组织（") == NULL);
	CHECK_CONTAINS(s, "全部（所有人员）");
	RUN_SCRIPT("<Enter>");          /* the form: no lp on PATH, so a file only */
	s = screen();
	CHECK_CONTAINS(s, "打印 本人（赵立新）");
	CHECK_CONTAINS(s, "输出");
	CHECK_CONTAINS(s, "< PDF 文件 >");
	CHECK(strstr(s, "打印机") == NULL);
	CHECK_CONTAINS(s, "2026年度个人党建责任清单-赵立新.pdf");
	RUN_SCRIPT("<Esc>");
	CHECK_INT(files_here(), 0);
	end();
}

TEST(everyone_to_a_file)
{
	begin(100, 30);
	RUN_SCRIPT("2 p <Down> <Down> <Enter>");  /* 本人, 本组织, 全部 */
	CHECK_CONTAINS(screen(), "打印 全部（所有人员）");
	CHECK_CONTAINS(screen(), "2026年度个人党建责任清单-全部.pdf");
	char *out = xasprintf("%s/everyone.pdf", dir);
	char *keys = xasprintf("<Tab> <C-u> \"%s\" <Enter>", out);
	RUN_SCRIPT(keys);
	CHECK(strstr(screen(), "打印 全部") == NULL);    /* the form closed */
	CHECK_CONTAINS(tui_message(t), "人的清单到 ");
	CHECK_CONTAINS(tui_message(t), out);
	CHECK_INT(access(out, F_OK), 0);
	char *text = pdf_text(out);
	CHECK_CONTAINS(text, "王芳");
	CHECK_CONTAINS(text, "赵立新");
	CHECK_CONTAINS(text, "林涛");
	free(text);
	free(keys);
	free(out);
	end();
}

TEST(this_person_to_the_default_file)
{
	begin(100, 30);
	/* Enter picks 本人, Enter goes to the file, Enter saves: the suggested name */
	RUN_SCRIPT("4 / \"林涛\" <Enter> p <Enter> <Enter> <Enter>");
	const char *file = "2026年度个人党建责任清单-林涛.pdf";
	CHECK_CONTAINS(tui_message(t), "已输出 1 人的清单到 2026年度个人党建责任清单-林涛.pdf");
	CHECK_CONTAINS(tui_message(t), "校验码：");
	CHECK_INT(access(file, F_OK), 0);
	char *text = pdf_text(file);
	CHECK_CONTAINS(text, "林涛");
	CHECK(strstr(text, "赵立新") == NULL);
	CHECK(strstr(text, "王芳") == NULL);
	free(text);
	/* again: the file exists, so the next suggestion is a new one */
	RUN_SCRIPT("p <Enter>");
	CHECK_CONTAINS(screen(), "2026年度个人党建责任清单-林涛-2.pdf");
	RUN_SCRIPT("<Esc>");
	CHECK_INT(files_here(), 1);
	end();
}

/* Tab 7 offers the selected meeting's record sheet and the org's 台账 (not
 * its checklists), each to a PDF of its own name. */
TEST(meeting_papers_from_tab_7)
{
	begin(120, 40);
	RUN_SCRIPT("7 p");
	const char *s = screen();
	CHECK_CONTAINS(s, "会议记录（#");
	CHECK_CONTAINS(s, "组织生活台账（");
	CHECK(strstr(s, "本组织（") == NULL);
	CHECK_CONTAINS(s, "全部（所有人员）");
	RUN_SCRIPT("<Enter>");
	CHECK_CONTAINS(screen(), ".pdf");
	RUN_SCRIPT("<Enter> <Enter>");
	const char *m = tui_message(t);
	CHECK_CONTAINS(m, "已输出会议记录（#");
	CHECK_CONTAINS(m, "校验码：");
	const char *file = m ? strstr(m, "会议记录-") : NULL;
	char name[64] = "";
	if (file)
		sscanf(file, "%63[^ ]", name);
	CHECK_CONTAINS(name, ".pdf");
	CHECK_INT(access(name, F_OK), 0);
	char *text = pdf_text(name);
	CHECK_CONTAINS(text, "会议记录");
	CHECK_CONTAINS(text, "应到");
	free(text);
	RUN_SCRIPT("p <Down> <Enter> <Enter> <Enter>");
	m = tui_message(t);
	CHECK_CONTAINS(m, "已输出组织生活台账（");
	CHECK_CONTAINS(m, "2026年度组织生活台账-");
	CHECK_INT(files_here(), 2);
	end();
}

/* Tab 8 offers the selected problem's org's 问题清单 and 整改清单 besides its
 * checklists, to a PDF named as `problem print` names it. */
TEST(problem_list_from_tab_8)
{
	begin(120, 40);
	RUN_SCRIPT("8 p");
	const char *s = screen();
	CHECK_CONTAINS(s, "本组织（");
	CHECK_CONTAINS(s, "问题清单和整改清单（");
	RUN_SCRIPT("<Down> <Enter>");
	CHECK_CONTAINS(screen(), "problems-");
	RUN_SCRIPT("<Enter> <Enter>");
	const char *m = tui_message(t);
	CHECK_CONTAINS(m, "已输出问题清单和整改清单（");
	CHECK_CONTAINS(m, "校验码：");
	const char *file = m ? strstr(m, "problems-") : NULL;
	char name[64] = "";
	if (file)
		sscanf(file, "%63[^ ]", name);
	CHECK_CONTAINS(name, ".pdf");
	char *text = pdf_text(name);
	CHECK_CONTAINS(text, "整改措施");
	CHECK_CONTAINS(text, "完成情况");
	free(text);
	CHECK_INT(files_here(), 1);
	end();
}

TEST(escape_prints_nothing)
{
	begin(100, 30);
	long long before = audit_head();
	RUN_SCRIPT("p <Esc>");
	CHECK(strstr(screen(), "范围") == NULL);
	RUN_SCRIPT("p <Enter> <Esc>");
	CHECK(strstr(screen(), "打印 本") == NULL);
	RUN_SCRIPT("4 p <Down> <Enter> <Tab> <C-u> \"x.pdf\" <Esc> y");
	CHECK_INT(files_here(), 0);
	CHECK_INT(audit_head(), before);       /* no 校验码 logged */
	/* an empty name is refused inside the form */
	RUN_SCRIPT("p <Enter> <Tab> <C-u> <Enter>");
	CHECK_CONTAINS(tui_message(t), "请填写 PDF 文件名");
	CHECK_CONTAINS(screen(), "打印 本人（");
	RUN_SCRIPT("<Esc> y");
	CHECK_INT(files_here(), 0);
	end();
}

TEST(printer_through_a_stub_lp)
{
	begin(100, 30);
	FILE *f = fopen("bin/lp", "w");
	CHECK(f != NULL);
	fprintf(f, "#!/bin/sh\nfor a in \"$@\"; do printf '%%s\\n' \"$a\"; done >'%s/lp.args'\n"
		   "echo \"request id is ${2:-x}-7 (1 file(s))\"\n", dir);
	fclose(f);
	chmod("bin/lp", 0700);
	CHECK_INT(qd_setting_set(&q, "printer", "楼层打印机", &err), QD_OK);
	RUN_SCRIPT("4 / \"赵立新\" <Enter> p <Enter>");
	const char *s = screen();
	CHECK_CONTAINS(s, "< 打印机 >");
	CHECK_CONTAINS(s, "楼层打印机");                /* the setting's printer */
	CHECK_CONTAINS(s, "2026年度个人党建责任清单-赵立新.pdf");
	RUN_SCRIPT("<Tab> <C-u> \"办公室打印机\" <C-s>");
	CHECK_CONTAINS(tui_message(t), "已发送到打印机 办公室打印机：1 人。");
	CHECK_CONTAINS(tui_message(t), "校验码：");
	char *args = NULL;
	size_t n = 0;
	FILE *a = fopen("lp.args", "r");
	CHECK(a != NULL);
	if (a) {
		args = xcalloc(1, 4096);
		n = fread(args, 1, 4095, a);
		fclose(a);
	}
	CHECK(n > 0);
	CHECK_CONTAINS(args, "-d\n办公室打印机\n-o\nmedia=A4\n");
	free(args);
	/* the empty name is the default printer: no -d */
	RUN_SCRIPT("p <Enter> <Tab> <C-u> <C-s>");
	CHECK_CONTAINS(tui_message(t), "已发送到打印机 （默认打印机）");
	a = fopen("lp.args", "r");
	args = xcalloc(1, 4096);
	if (a) {
		n = fread(args, 1, 4095, a);
		fclose(a);
	}
	CHECK_CONTAINS(args, "-o\nmedia=A4\n");
	CHECK(strstr(args, "-d\n") == NULL);
	free(args);
	/* or a file after all */
	RUN_SCRIPT("p <Enter> <Right> <Tab> <Tab> <C-u> \"zhao.pdf\" <C-s>");
	CHECK_CONTAINS(tui_message(t), "已输出 1 人的清单到 zhao.pdf");
	CHECK_INT(access("zhao.pdf", F_OK), 0);
	end();
}

int main(void)
{
	RUN(menu_offers_what_applies);
	RUN(everyone_to_a_file);
	RUN(this_person_to_the_default_file);
	RUN(meeting_papers_from_tab_7);
	RUN(problem_list_from_tab_8);
	RUN(escape_prints_nothing);
	RUN(printer_through_a_stub_lp);
	return TT_END();
}
