/* cli.c — the command line of DESIGN §5: global options, the command
 * table, option parsing, and mapping statuses to exit codes (0 done,
 * 1 refused or failed, 2 usage).  Commands live in cli_item.c and
 * cli_admin.c; they only parse, call the model, and print. */
#include "cli.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "qingdan/collate.h"
#include "qingdan/date.h"
#include "qingdan/db.h"
#include "qingdan/msg.h"
#include "qingdan/norm.h"
#include "qingdan/store.h"
#include "qingdan/text.h"

int (*cli_tui_hook)(struct cli *c);

int cli_exit(enum qd_status s)
{
	return s == QD_OK ? 0 : 1;
}

int cli_fail(enum qd_status s, const struct strbuf *err)
{
	if (s != QD_OK) {
		char *clean = text_sanitize(err && err->s ? err->s : "", 1);
		fprintf(stderr, "qingdan: %s\n", clean);
		free(clean);
	}
	return cli_exit(s);
}

int cli_usage_error(struct cli *c, const char *fmt, ...)
{
	va_list ap;
	fputs("qingdan: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	if (c && c->usage)
		fprintf(stderr, "%s qingdan %s\n", msg(M_USAGE_PREFIX), c->usage);
	return 2;
}

int cli_parse(struct cli *c, int argc, char **argv, const struct opt *opts, const char **pos,
	      int minpos, int maxpos)
{
	int npos = 0;
	if (c && c->dump_opts) {
		for (const struct opt *o = opts; o && o->name; o++)
			printf("%s\n", o->name);
		return CLI_HELP;
	}
	for (int i = 0; i < argc; i++) {
		const char *a = argv[i];
		if (a[0] != '-' || a[1] == '\0' || (a[1] >= '0' && a[1] <= '9')) {
			if (npos >= maxpos)
				return cli_usage_error(c, msg(M_EXTRA_OPERAND), c->cmd, a);
			pos[npos++] = a;
			continue;
		}
		if (strcmp(a, "--") == 0) {
			while (++i < argc && npos < maxpos)
				pos[npos++] = argv[i];
			if (i < argc)
				return cli_usage_error(c, msg(M_EXTRA_OPERAND), c->cmd, argv[i]);
			break;
		}
		const struct opt *o = opts;
		while (o && o->name && strcmp(o->name, a) != 0)
			o++;
		if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			printf("%s qingdan %s\n", msg(M_USAGE_PREFIX), c->usage);
			return CLI_HELP;
		}
		if (strcmp(a, "--format") == 0) {
			if (i + 1 >= argc)
				return cli_usage_error(c, msg(M_MISSING_ARG), c->cmd, a);
			int f = out_parse_format(argv[++i]);
			if (f < 0)
				return cli_usage_error(c, msg(M_BAD_FORMAT), argv[i]);
			c->fmt = (enum out_format)f;
			continue;
		}
		if (!o || !o->name)
			return cli_usage_error(c, msg(M_UNKNOWN_OPTION), c->cmd, a);
		if (o->flag) {
			*o->flag = 1;
			continue;
		}
		if (i + 1 >= argc)
			return cli_usage_error(c, msg(M_MISSING_ARG), c->cmd, a);
		if (o->list) {
			*o->list = xrealloc(*o->list, (size_t)(*o->nlist + 1) * sizeof(char *));
			(*o->list)[(*o->nlist)++] = argv[++i];
		} else {
			*o->val = argv[++i];
		}
	}
	if (npos < minpos)
		return cli_usage_error(c, msg(M_MISSING_OPERAND), c->cmd, c->usage);
	return 0;
}

int cli_id(struct cli *c, const char *s, long long *id)
{
	if (parse_id(s, id) != 0 || *id <= 0)
		return cli_usage_error(c, msg(M_BAD_ID), s);
	return 0;
}

int cli_db(struct cli *c)
{
	if (c->q.db || c->open_rc)
		return c->open_rc;
	int flags = c->access == CLI_CREATE ? DB_CREATE : c->access == CLI_READ ? DB_READONLY : 0;
	struct strbuf err = {0};
	enum qd_status s = qd_open(&c->q, c->db_path, flags, &err);
	if (s == QD_OK)
		s = cli_anchor(c, &err);
	if (s == QD_OK) {
		const char *warn = db_warning(c->q.db);
		if (warn)
			fprintf(stderr, "qingdan: %s\n", warn);
		s = qd_ensure_defaults(&c->q, &err);
	}
	c->open_rc = cli_fail(s, &err);
	sb_free(&err);
	return c->open_rc;
}

int cli_person(struct cli *c, const char *who, long long *id)
{
	struct strbuf err = {0};
	*id = 0;
	if (str_empty(who))
		return 0;
	int rc = cli_db(c);
	if (rc)
		return rc;
	enum qd_status s = qd_find_person(&c->q, who, id, &err);
	rc = cli_fail(s, &err);
	sb_free(&err);
	return rc;
}

int cli_org(struct cli *c, const char *name, long long *id)
{
	struct strbuf err = {0};
	*id = 0;
	if (str_empty(name))
		return 0;
	int rc = cli_db(c);
	if (rc)
		return rc;
	enum qd_status s = qd_find_org(&c->q, name, id, &err);
	rc = cli_fail(s, &err);
	sb_free(&err);
	return rc;
}

int cli_kind(const char *s)
{
	if (!s || strcmp(s, "duty") == 0)
		return STORE_KIND_DUTY;
	if (strcmp(s, "rectify") == 0)
		return STORE_KIND_RECTIFY;
	return strcmp(s, "all") == 0 ? STORE_KIND_ALL : CLI_KIND_BAD;
}

int cli_list(struct cli *c, void *ctx,
	     enum qd_status (*fn)(struct cli *c, void *ctx, struct rowsink *s, struct strbuf *err))
{
	struct out_sink o;
	struct strbuf err = {0};
	int rc = cli_db(c);
	if (rc)
		return rc;
	out_init(&o, c->fmt, stdout);
	enum qd_status s = fn(c, ctx, &o.base, &err);
	out_finish(&o);
	rc = cli_fail(s, &err);
	sb_free(&err);
	return rc;
}

/* show --format json: the one row's object, not an array */
static void object_header(struct rowsink *s, int ncol, const char *const *names)
{
	(void)s;
	(void)ncol;
	(void)names;
}

static void object_row(struct rowsink *s, const char *const *vals, const char *json)
{
	(void)s;
	(void)vals;
	printf("%s\n", json ? json : "{}");
}

int cli_show(struct cli *c, void *ctx,
	     enum qd_status (*fn)(struct cli *c, void *ctx, struct rowsink *s, struct strbuf *err))
{
	if (c->fmt != OUT_JSON)
		return cli_list(c, ctx, fn);
	struct rowsink one = {object_header, object_row, 1};
	struct strbuf err = {0};
	int rc = cli_db(c);
	if (!rc)
		rc = cli_fail(fn(c, ctx, &one, &err), &err);
	sb_free(&err);
	return rc;
}

/* ---- start-up ---- */

/* A busy file (db.h): on a terminal, one line redrawn while waiting. */
static void on_busy(void *ctx, int seconds, const char *holder)
{
	(void)ctx;
	fputs("\r\033[K", stderr);
	if (seconds >= 0) {
		char *line = db_busy_text(seconds, holder);
		fprintf(stderr, "qingdan: %s", line);
		free(line);
	}
	fflush(stderr);
}

static char *default_db_path(void)
{
	const char *env = getenv("QINGDAN_DB");
	if (!str_empty(env))
		return xstrdup(env);
	const char *xdg = getenv("XDG_DATA_HOME");
	if (xdg && xdg[0] == '/')
		return xasprintf("%s/qingdan/qingdan.db", xdg);
	const char *home = getenv("HOME");
	return xasprintf("%s/.local/share/qingdan/qingdan.db", str_empty(home) ? "." : home);
}

/* Every command, in the order `qingdan help` lists them. */
static const struct cli_command *const tables[] = {
	cli_item_commands, cli_admin_commands, cli_io_commands, cli_pledge_commands,
	cli_meeting_commands, cli_meeting_print_commands, cli_problem_commands,
	cli_problem_print_commands, cli_report_commands, cli_remind_commands, cli_db_commands,
};

static const struct cli_command *find_command(const char *group, const char *name, int *words)
{
	for (size_t t = 0; t < ARRAY_SIZE(tables); t++)
		for (const struct cli_command *k = tables[t]; k->group; k++) {
			if (strcmp(k->group, group) != 0)
				continue;
			if (!k->name) {
				*words = 1;
				return k;
			}
			if (name && strcmp(k->name, name) == 0) {
				*words = 2;
				return k;
			}
		}
	return NULL;
}

/* The usage lines of group (and of its subcommand sub, unless NULL);
 * how many were printed. */
static int group_usage(FILE *f, const char *group, const char *sub)
{
	int n = 0;
	for (size_t t = 0; t < ARRAY_SIZE(tables); t++)
		for (const struct cli_command *k = tables[t]; k->group; k++)
			if (strcmp(k->group, group) == 0 && (!sub || (k->name && strcmp(k->name, sub) == 0))) {
				fprintf(f, "  qingdan %s\n", k->usage);
				n++;
			}
	return n;
}

/* `qingdan help`: the usage, the commands, every usage line;
 * `qingdan help GROUP [SUB]`: that group's lines (or that command's). */
static int print_help(int argc, char **argv)
{
	if (argc >= 1) {
		const char *sub = argc >= 2 ? argv[1] : NULL;
		if (group_usage(stdout, argv[0], sub))
			return 0;
		char *what = sub ? xasprintf("%s %s", argv[0], sub) : xstrdup(argv[0]);
		int rc = cli_usage_error(NULL, msg(M_UNKNOWN_COMMAND), what);
		free(what);
		return rc;
	}
	struct strbuf groups = {0};
	for (size_t t = 0; t < ARRAY_SIZE(tables); t++)
		for (const struct cli_command *k = tables[t]; k->group; k++) {
			int seen = 0;
			for (size_t u = 0; u <= t && !seen; u++)
				for (const struct cli_command *j = tables[u]; j->group && j != k && !seen; j++)
					seen = strcmp(j->group, k->group) == 0;
			if (!seen)
				sb_printf(&groups, "%s%s", groups.len ? ", " : "", k->group);
		}
	puts(msg(M_USAGE));
	printf(msg(M_USAGE_COMMANDS), groups.s);
	puts("\n");
	sb_free(&groups);
	for (size_t t = 0; t < ARRAY_SIZE(tables); t++)
		for (const struct cli_command *k = tables[t]; k->group; k++)
			printf("  qingdan %s\n", k->usage);
	return 0;
}

/* A group word without a known subcommand: `item --help` lists the
 * group's commands (exit 0); `item` alone or `item frob` says so and lists
 * them (exit 2).  0 when group is no command group at all. */
static int group_help(const char *group, const char *sub)
{
	int known = 0;
	for (size_t t = 0; t < ARRAY_SIZE(tables) && !known; t++)
		for (const struct cli_command *k = tables[t]; k->group && !known; k++)
			known = strcmp(k->group, group) == 0 && k->name;
	if (!known)
		return 0;
	if (sub && (strcmp(sub, "--help") == 0 || strcmp(sub, "-h") == 0)) {
		group_usage(stdout, group, NULL);
		return CLI_HELP;
	}
	fputs("qingdan: ", stderr);
	if (sub)
		fprintf(stderr, msg(M_UNKNOWN_SUB), group, sub);
	else
		fprintf(stderr, msg(M_GROUP_NEEDS_SUB), group);
	fputc('\n', stderr);
	group_usage(stderr, group, NULL);
	return 2;
}

/* "--name=value" as the two words "--name" "value", up to "--" (--lp=NAME
 * stays whole: its value is optional, cli_print.c reads that form). */
static char **split_equals(int *argc, char **argv)
{
	char **out = xcalloc((size_t)*argc * 2 + 1, sizeof *out);
	int n = 0, rest = 0;
	for (int i = 0; i < *argc; i++) {
		const char *a = argv[i];
		const char *eq = !rest && i > 0 && strncmp(a, "--", 2) == 0 ? strchr(a, '=') : NULL;
		rest |= i > 0 && strcmp(a, "--") == 0;
		if (eq && eq > a + 2 && strncmp(a, "--lp=", 5) != 0) {
			out[n++] = xstrndup(a, (size_t)(eq - a));
			out[n++] = xstrdup(eq + 1);
		} else {
			out[n++] = xstrdup(a);
		}
	}
	*argc = n;
	return out;
}

/* The words split_equals made: freed through a copy of the array, as the
 * commands move the pointers inside argv while they take their options. */
static void free_words(char **v)
{
	for (char **p = v; p && *p; p++)
		free(*p);
	free(v);
}

/* Global options may stand anywhere; they are taken out of argv. */
static int take_globals(struct cli *c, int *argc, char **argv)
{
	int out = 1;
	for (int i = 1; i < *argc; i++) {
		const char *a = argv[i];
		int takes = strcmp(a, "--db") == 0 || strcmp(a, "--year") == 0 ||
			    strcmp(a, "--today") == 0 || strcmp(a, "--lang") == 0;
		if (!takes) {
			argv[out++] = argv[i];
			continue;
		}
		if (i + 1 >= *argc)
			return cli_usage_error(NULL, msg(M_MISSING_ARG), "qingdan", a);
		const char *v = argv[++i];
		int day;
		long long year;
		if (strcmp(a, "--db") == 0) {
			c->db_path = v;
		} else if (strcmp(a, "--lang") == 0) {
			if (strcmp(v, "zh") != 0 && strcmp(v, "en") != 0)
				return cli_usage_error(NULL, msg(M_BAD_LANG), v);
			msg_set_english(strcmp(v, "en") == 0);
		} else if (strcmp(a, "--today") == 0) {
			if (date_parse(v, &day) != 0)
				return cli_usage_error(NULL, msg(M_BAD_DATE), v);
			date_set_today(day);
		} else {
			if (parse_id(v, &year) != 0 || v[0] == '#' || year < 1900 || year > 2999)
				return cli_usage_error(NULL, msg(M_BAD_YEAR), v);
			c->q.year = (int)year;
		}
	}
	*argc = out;
	argv[out] = NULL;
	return 0;
}

/* Every argument is text qingdan may store, look up or print: one that is
 * not UTF-8 (a script in GBK, a stray byte) is refused before anything
 * runs, naming its position and the option it follows. */
static int check_utf8_args(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		if (norm_is_utf8(argv[i], strlen(argv[i])))
			continue;
		char *shown = text_sanitize(argv[i], 0);
		const char *prev = argv[i - 1];
		int rc = i > 1 && prev[0] == '-' && norm_is_utf8(prev, strlen(prev))
				 ? cli_usage_error(NULL, msg(M_OPT_NOT_UTF8), i, prev, shown)
				 : cli_usage_error(NULL, msg(M_ARG_NOT_UTF8), i, shown);
		free(shown);
		return rc;
	}
	return 0;
}

int cli_main(int argc, char **argv)
{
	struct cli c = {0};
	text_init_locale();
	const char *lang = getenv("QINGDAN_LANG");
	msg_set_english(lang && strcmp(lang, "en") == 0);
	for (int i = 1; i + 1 < argc; i++)   /* the check below speaks --lang already */
		if (strcmp(argv[i], "--lang") == 0)
			msg_set_english(strcmp(argv[i + 1], "en") == 0);
	/* the shell's completion (cli_complete.c): before the words are checked */
	if (argc >= 2 && strcmp(argv[1], "__complete") == 0)
		return cli_complete(tables, ARRAY_SIZE(tables), argc - 2, argv + 2);
	int rc = check_utf8_args(argc, argv);
	if (rc)
		return rc;
	char **words_v = split_equals(&argc, argv);
	argv = xcalloc((size_t)argc + 1, sizeof *argv);
	memcpy(argv, words_v, (size_t)argc * sizeof *argv);
	rc = take_globals(&c, &argc, argv);
	if (rc)
		goto done;
	if (argc >= 2 && strcmp(argv[1], "__options") == 0) {   /* the parser's options (tests) */
		c.dump_opts = 1;
		memmove(&argv[1], &argv[2], (size_t)(argc - 2) * sizeof *argv);
		argv[--argc] = NULL;
	}
	int words = 0;
	const struct cli_command *cmd = NULL;
	if (argc >= 2 && (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "version") == 0)) {
		rc = cli_version();
		goto done;
	}
	if (argc >= 2 && (strcmp(argv[1], "help") == 0 || strcmp(argv[1], "--help") == 0 ||
			  strcmp(argv[1], "-h") == 0)) {
		rc = print_help(argc - 2, argv + 2);
		goto done;
	}
	if (argc >= 2) {
		cmd = find_command(argv[1], argc >= 3 ? argv[2] : NULL, &words);
		if (!cmd && (rc = group_help(argv[1], argc >= 3 ? argv[2] : NULL))) {
			rc = rc == CLI_HELP ? 0 : rc;
			goto done;
		}
		if (!cmd) {
			char *what = argc >= 3 ? xasprintf("%s %s", argv[1], argv[2]) : xstrdup(argv[1]);
			rc = cli_usage_error(NULL, msg(M_UNKNOWN_COMMAND), what);
			free(what);
			goto done;
		}
	} else if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fprintf(stderr, "qingdan: %s\n", msg(M_NO_TERMINAL));
		rc = 2;
		goto done;
	}
	char *path = c.db_path ? xstrdup(c.db_path) : default_db_path();
	c.db_path = path;
	if (!c.q.year)
		c.q.year = date_year(date_today());
	if (isatty(STDERR_FILENO))
		db_busy_default(on_busy, NULL);
	if (!cmd) {
		/* the interactive screen may be the file's first writer */
		c.access = CLI_CREATE;
		if (!(rc = cli_db(&c))) {
			if (cli_tui_hook) {
				rc = cli_tui_hook(&c);
			} else {
				fprintf(stderr, "qingdan: %s\n", msg(M_TUI_NOT_YET));
				rc = 1;
			}
		}
	} else {
		/* the command parses its arguments, then opens (cli_db) */
		char *name = cmd->name ? xasprintf("%s %s", cmd->group, cmd->name) : xstrdup(cmd->group);
		c.cmd = name;
		c.usage = cmd->usage;
		c.access = cmd->access;
		rc = cmd->fn(&c, argc - 1 - words, argv + 1 + words);
		if (rc == CLI_HELP)
			rc = 0;
		free(name);
	}
	if (c.q.db)
		qd_close(&c.q);
	/* names written without the collation module (collate.h): said once */
	if (collate_warning())
		fprintf(stderr, "qingdan: %s\n", collate_warning());
	free(path);
done:
	free(argv);
	free_words(words_v);
	return rc;
}

int cli_take_option(struct cli *c, int *argc, char **argv, const char *name, int optional,
		    const char **val)
{
	int found = 0;
	if (c && c->dump_opts) {
		printf("%s\n", name);
		return 0;
	}
	for (int i = 0; i < *argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			break;
		if (strcmp(argv[i], name) != 0)
			continue;
		int has = i + 1 < *argc && (!optional || argv[i + 1][0] != '-');
		if (!has && !optional) {
			cli_usage_error(c, msg(M_MISSING_ARG), c->cmd, name);
			return -1;
		}
		*val = has ? argv[i + 1] : NULL;
		int drop = has ? 2 : 1;
		memmove(&argv[i], &argv[i + drop], (size_t)(*argc - i - drop) * sizeof *argv);
		*argc -= drop;
		found = 1;
		i--;
	}
	return found;
}

int cli_each_id(struct cli *c, int argc, char **argv,
		int (*id_of)(struct cli *c, const char *s, long long *id),
		enum qd_status (*fn)(struct qd *q, long long id, struct strbuf *err))
{
	const char **pos = xcalloc(CLI_MAX_IDS, sizeof *pos);
	int rc = cli_parse(c, argc, argv, NULL, pos, 1, CLI_MAX_IDS);
	int n = 0;
	while (n < CLI_MAX_IDS && pos[n])
		n++;
	long long *ids = xcalloc((size_t)n + 1, sizeof *ids);
	for (int i = 0; i < n && !rc; i++)
		rc = id_of(c, pos[i], &ids[i]);
	if (!rc)
		rc = cli_db(c);
	if (!rc) {
		struct strbuf err = {0};
		enum qd_status s = qd_batch_begin(&c->q, &err), w = QD_OK;
		for (int i = 0; i < n && s == QD_OK && w == QD_OK; i++)
			w = fn(&c->q, ids[i], &err);
		if (s == QD_OK)
			s = qd_batch_end(&c->q, w, &err);
		rc = cli_fail(s, &err);
		sb_free(&err);
	}
	free(ids);
	free(pos);
	return rc;
}
