/* cli.h — private to the command line (cli*.c): the shared state of one
 * invocation, option parsing, and the helpers every command uses. */
#ifndef QINGDAN_CLI_H
#define QINGDAN_CLI_H

#include "qingdan/model.h"
#include "qingdan/msg.h"
#include "qingdan/out.h"
#include "qingdan/paper.h"

struct cli {
	struct qd q;
	const char *db_path;
	enum out_format fmt;
	const char *cmd;        /* "item add", for messages */
	const char *usage;      /* usage line of the running command */
	int access;             /* enum cli_access of the running command */
	int open_rc;            /* exit code of a failed open (cli_db), else 0 */
	int dump_opts;          /* `qingdan __options CMD`: the parser prints its options */
};

/* What a command does to the database file (DESIGN §5): the file is
 * created only by init, the TUI and the first write; a reader or a usage
 * error on a missing file says so and creates nothing.  0 is the safe
 * default for a new table entry. */
enum cli_access {
	CLI_READ = 0,     /* opened read-only (SQLITE_OPEN_READONLY), never created */
	CLI_WRITE,        /* writes existing records: opened read-write, never created */
	CLI_CREATE,       /* may be the first write: creates the file if missing */
};

/* A usage request (--help, -h) answered by cli_parse: the command returns
 * it unchanged and cli_main exits 0. */
#define CLI_HELP (-1)

/* One option of a command.  A flag has arg == 0 and sets *flag; a value
 * option stores into *val; with multi, every value is appended to *list. */
struct opt {
	const char *name;
	const char **val;
	int *flag;
	const char ***list;
	int *nlist;
};

/* Parse argv (after the command words) against opts; positionals go to
 * pos (at most maxpos, else a usage error).  Returns 0, 2 after printing
 * a usage error, or CLI_HELP after printing the usage to stdout for --help
 * or -h (or, for `qingdan __options CMD`, the options opts names, one a
 * line, as cli_take_option does for its own: a test holds them to the
 * usage line, so help, man page and completion cannot drift from the
 * parser).  --format is understood by every command.  Nothing here opens the
 * database: a command parses and checks all of its arguments first, then
 * calls cli_db (directly or through cli_person, cli_org, cli_list). */
int cli_parse(struct cli *c, int argc, char **argv, const struct opt *opts, const char **pos,
	      int minpos, int maxpos);

/* Take "NAME VALUE" out of argv (for options whose values cli_parse would
 * refuse, like --format xlsx); with optional, the value is taken only if
 * the next word is not an option.  Returns 1 if found, -1 on a missing
 * value (usage error printed), 0 if absent. */
int cli_take_option(struct cli *c, int *argc, char **argv, const char *name, int optional,
		    const char **val);

/* `CMD ID …`: fn on each id (read by id_of, e.g. cli_id) in one
 * transaction, all or nothing; at most CLI_MAX_IDS. */
enum { CLI_MAX_IDS = 4096 };
int cli_each_id(struct cli *c, int argc, char **argv,
		int (*id_of)(struct cli *c, const char *s, long long *id),
		enum qd_status (*fn)(struct qd *q, long long id, struct strbuf *err));

/* Print "qingdan: message" to stderr; return the exit code for status s. */
int cli_fail(enum qd_status s, const struct strbuf *err);
int cli_usage_error(struct cli *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int cli_exit(enum qd_status s);

/* Open the database as the command's access says, once; 0 or the exit
 * code after printing why not (e.g. the file does not exist). */
int cli_db(struct cli *c);
/* An ID operand (12 or #12, a positive integer); 0, or 2 after a usage
 * error "invalid id" naming it.  Every command taking an ID uses this. */
int cli_id(struct cli *c, const char *s, long long *id);

/* Resolve a person or org named on the command line (NULL/"" = none → 0). */
int cli_person(struct cli *c, const char *who, long long *id);
int cli_org(struct cli *c, const char *name, long long *id);
/* The lists of `--kind duty|rectify|all` (item list, stats): STORE_KIND_*
 * (store.h), or CLI_KIND_BAD for anything else. */
#define CLI_KIND_BAD (-2)
int cli_kind(const char *s);
/* Run a listing through the chosen format to stdout. */
int cli_list(struct cli *c, void *ctx,
	     enum qd_status (*fn)(struct cli *c, void *ctx, struct rowsink *s, struct strbuf *err));

/* One record for `show --format tsv|csv|json`: a header and one row, or
 * one JSON object (not an array). */
int cli_show(struct cli *c, void *ctx,
	     enum qd_status (*fn)(struct cli *c, void *ctx, struct rowsink *s, struct strbuf *err));

typedef int (*cli_fn)(struct cli *c, int argc, char **argv);
struct cli_command {
	const char *group, *name;   /* "item", "add"; name NULL for one-word commands */
	cli_fn fn;
	const char *usage;
	enum cli_access access;
};
extern const struct cli_command cli_item_commands[];
extern const struct cli_command cli_admin_commands[];
extern const struct cli_command cli_io_commands[];      /* import, export, print */
extern const struct cli_command cli_pledge_commands[];
extern const struct cli_command cli_meeting_commands[];  /* cli_meeting.c */
extern const struct cli_command cli_db_commands[];      /* db copy (cli_db.c) */
extern const struct cli_command cli_meeting_print_commands[];   /* meeting print */
extern const struct cli_command cli_problem_commands[];  /* cli_problem.c */
extern const struct cli_command cli_report_commands[];   /* report (cli_report.c) */
extern const struct cli_command cli_problem_print_commands[];   /* problem print */
extern const struct cli_command cli_remind_commands[];   /* remind (cli_remind.c) */
/* The options of every print command (cli_print.c): --format pdf|text,
 * -o/--output FILE ("-" = standard output), --force, --width N, --lp
 * [PRINTER] (or --lp=PRINTER), --copies N and --duplex (with --lp only). */
struct cli_paper {
	struct paper_dest to;
	const char *out;        /* -o as given; NULL for none or "-" */
	int force;
	char *path, *printer;   /* owned: the file, the `printer` setting */
};
/* Take them out of argv before cli_parse; without --format the paper is
 * a PDF when pdf_default, else (print) text unless --lp or -o *.pdf.
 * 0, or 2 after a usage error. */
int cli_paper_options(struct cli *c, int *argc, char **argv, int pdf_default, struct cli_paper *p);
/* Settle the destination: -o's file, else default_name (malloc'd, taken
 * over; NULL: none) for a PDF not going to lp, else standard output — a
 * PDF is refused there on a terminal; --lp without a printer takes the
 * `printer` setting (opens the database).  0 or the exit code. */
int cli_paper_ready(struct cli *c, struct cli_paper *p, char *default_name);
void cli_paper_clear(struct cli_paper *p);
/* A printed paper's line on stderr: the file and where lp sent it, with
 * the 校验码. */
void cli_paper_said(const struct cli_paper *p, const char *code, const char *lp_said);
/* --year Y (1900..9999) into *year; NULL leaves it; 0 or 2 after a usage
 * error with the message bad (cli_meeting_print.c). */
int cli_year(struct cli *c, const char *s, enum msg_id bad, int *year);

/* db copy and the backup of a server database (cli_db.c): a progress line
 * on a terminal (quiet otherwise) and the audit check (db.h db_copy). */
struct db_copy;
struct cli_copy_view {
	int tty, shown;
};
void cli_copy_setup(struct db_copy *how, struct cli_copy_view *v);
/* Clear the progress line. */
void cli_copy_clear(struct cli_copy_view *v);
/* s, with a copy kept though its chain fails like the source's (QD_VERIFY)
 * told in err by the message as_source (dest, findings). */
enum qd_status cli_copy_result(enum qd_status s, enum msg_id as_source, const char *dest,
			       struct db_copy *how, struct strbuf *err);

int cli_main(int argc, char **argv);
/* `qingdan --version` and `qingdan __complete WORD…` (cli_complete.c): the
 * candidates for the last word, one a line, from the command tables. */
int cli_version(void);
int cli_complete(const struct cli_command *const *tables, size_t ntables, int argc, char **argv);
/* Check the file against this user's audit anchor (audit.h) before any
 * command of group runs (NULL: the TUI); prints a warning, or refuses. */
enum qd_status cli_anchor(struct cli *c, struct strbuf *err);
/* The interactive screen; set by the TUI module (NULL until it exists). */
extern int (*cli_tui_hook)(struct cli *c);

#endif
