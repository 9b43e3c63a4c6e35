/* cli_complete.c — what the shell completes and `qingdan --version`
 * (issue 14 point 1).
 *
 * `qingdan __complete WORD… CUR` prints, one per line, the words that may
 * stand where CUR is: the command words of cli.c's tables, a command's
 * subcommands, its options and the choices of an option's value — all read
 * from the same table and usage lines that `qingdan help` prints and the
 * commands parse, so the completion files (completion/qingdan.bash,
 * completion/_qingdan) cannot drift from the program.  For an option whose
 * value is a person (WHO) it prints the one line "@person": the shell then
 * lists the names itself with `qingdan person list --format tsv`.  Nothing
 * here opens a database or writes to stderr; it always exits 0.
 *
 * A usage line is read word by word: "[--owner WHO]" is an option with a
 * value, "[--admin]" (closed at once) a flag, "--kind duty|rectify|all" a
 * value with its choices (the words without capitals), "ID", "FILE|-" an
 * operand. */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qingdan/db.h"
#include "qingdan/msg.h"
#include "qingdan/version.h"

int cli_version(void)
{
	printf(msg(M_VERSION), QD_VERSION, db_sqlite_version());
	putchar('\n');
	return 0;
}

/* ---- a command's usage line ---- */

enum { MAX_OPTS = 64 };

struct usage_opt {
	char *name;   /* "--owner", "-o" */
	char *value;  /* "WHO", "duty|rectify|all"; NULL for a flag */
};

struct usage {
	struct usage_opt opt[MAX_OPTS];
	int nopt;
	int operands;       /* how many operand words the line shows */
	char *first;        /* the first operand word ("ID", "unit_name|…") */
};

static int is_option(const char *w)
{
	return w[0] == '-' && ((w[1] >= 'a' && w[1] <= 'z') || (w[1] >= 'A' && w[1] <= 'Z') ||
			       (w[1] == '-' && w[2] >= 'a' && w[2] <= 'z'));
}

static struct usage_opt *find_opt(struct usage *u, const char *name)
{
	for (int i = 0; i < u->nopt; i++)
		if (strcmp(u->opt[i].name, name) == 0)
			return &u->opt[i];
	return NULL;
}

static void usage_read(struct usage *u, const struct cli_command *k)
{
	memset(u, 0, sizeof *u);
	struct usage_opt *want = NULL;   /* the option whose value comes next */
	const char *p = k->usage;
	while (*p) {
		while (*p == ' ')
			p++;
		const char *end = p + strcspn(p, " ");
		const char *a = p, *z = end;
		while (a < z && (*a == '[' || *a == '('))
			a++;
		int closed = 0;
		while (z > a && (z[-1] == ']' || z[-1] == ')')) {
			z--;
			closed = 1;
		}
		char *w = xstrndup(a, (size_t)(z - a));
		p = end;
		if (!*w || strcmp(w, "|") == 0 || strcmp(w, "…") == 0 ||
		    str_eq(w, k->group) || str_eq(w, k->name)) {
			want = NULL;
			free(w);
		} else if (is_option(w)) {
			/* "--update|--append": flags, one or the other */
			struct usage_opt *o = NULL;
			for (const char *q = w; *q;) {
				size_t n = strcspn(q, "|");
				char *name = xstrndup(q, n);
				o = find_opt(u, name);
				if (!o && is_option(name) && u->nopt < MAX_OPTS) {
					o = &u->opt[u->nopt++];
					o->name = name;
				} else {
					free(name);
				}
				q += n + (q[n] == '|');
			}
			want = closed || strchr(w, '|') ? NULL : o;
			free(w);
		} else if (want) {
			if (!want->value)
				want->value = w;
			else
				free(w);
			want = NULL;
		} else {
			if (!u->operands++)
				u->first = w;
			else
				free(w);
		}
	}
}

static void usage_free(struct usage *u)
{
	for (int i = 0; i < u->nopt; i++) {
		free(u->opt[i].name);
		free(u->opt[i].value);
	}
	free(u->first);
}

/* ---- the words printed, each once ---- */

struct words {
	char **w;
	int n;
};

static void say(struct words *out, const char *w, size_t len)
{
	for (int i = 0; i < out->n; i++)
		if (strlen(out->w[i]) == len && memcmp(out->w[i], w, len) == 0)
			return;
	out->w = xrealloc(out->w, (size_t)(out->n + 1) * sizeof *out->w);
	out->w[out->n++] = xstrndup(w, len);
}

/* A choice is a literal word; one with a capital ("ROLE", "FILE") is a
 * placeholder, and "-" stands for standard input. */
static int literal(const char *p, size_t n)
{
	if (n == 0 || (n == 1 && p[0] == '-') || (n == 3 && memcmp(p, "…", 3) == 0))
		return 0;
	for (size_t i = 0; i < n; i++)
		if (p[i] >= 'A' && p[i] <= 'Z')
			return 0;
	return 1;
}

/* The literal choices of "duty|rectify|all" or "ROLE|none"; with every,
 * none unless all of them are ("FILE|-" is a file name to complete). */
static void say_choices(struct words *out, const char *value, int every)
{
	for (const char *p = value; every && *p;) {
		size_t n = strcspn(p, "|");
		if (!literal(p, n))
			return;
		p += n + (p[n] == '|');
	}
	for (const char *p = value; *p;) {
		size_t n = strcspn(p, "|");
		if (literal(p, n))
			say(out, p, n);
		p += n + (p[n] == '|');
	}
}

static void say_value(struct words *out, const struct usage_opt *o)
{
	if (strcmp(o->name, "--format") == 0 && strcmp(o->value, "F") == 0)
		say_choices(out, "table|tsv|csv|json", 0);
	else if (strcmp(o->value, "WHO") == 0)
		say(out, "@person", 7);
	else
		say_choices(out, o->value, 0);
}

static void say_options(struct words *out, const struct usage *u, int with_help)
{
	for (int i = 0; i < u->nopt; i++)
		say(out, u->opt[i].name, strlen(u->opt[i].name));
	if (with_help)
		say(out, "--help", 6);
}

/* ---- the words typed so far ---- */

static int global_with_value(const char *w)
{
	return strcmp(w, "--db") == 0 || strcmp(w, "--year") == 0 || strcmp(w, "--today") == 0 ||
	       strcmp(w, "--lang") == 0;
}

static int has_subcommands(const struct cli_command *const *tables, size_t nt, const char *group)
{
	for (size_t t = 0; t < nt; t++)
		for (const struct cli_command *k = tables[t]; k->group; k++)
			if (strcmp(k->group, group) == 0 && k->name)
				return 1;
	return 0;
}

/* The command of group (and name): its one-word entry if it has one,
 * else the entry named name (NULL if none), as cli_main finds it. */
static const struct cli_command *lookup(const struct cli_command *const *tables, size_t nt,
					const char *group, const char *name)
{
	for (size_t t = 0; t < nt; t++)
		for (const struct cli_command *k = tables[t]; k->group; k++)
			if (strcmp(k->group, group) == 0 && (!k->name || str_eq(k->name, name)))
				return k;
	return NULL;
}

/* Where the value of the option at i is: the next word, or the one after
 * "=" (bash splits "--format=csv" into three words). */
static int value_at(int argc, char **argv, int i)
{
	return i + 2 < argc && strcmp(argv[i + 1], "=") == 0 ? i + 2 : i + 1;
}

/* What the words before the current one say. */
struct typed {
	const char *group;              /* the first command word, if any */
	const struct cli_command *k;    /* the command, once known */
	struct usage u;                 /* its usage line */
	struct usage_opt *pending;      /* the option the current word is the value of */
	const char *pending_global;     /* or the global option ("--lang") */
	int help;                       /* after "help" */
	int operands;                   /* operands typed after the command */
	int unknown;                    /* not a command: nothing to offer */
};

static void scan(struct typed *t, const struct cli_command *const *tables, size_t nt, int argc,
		 char **argv)
{
	for (int i = 0; i < argc - 1 && !t->unknown; i++) {
		const char *a = argv[i];
		struct usage_opt *o;
		if (global_with_value(a)) {
			i = value_at(argc, argv, i);
			if (i >= argc - 1)
				t->pending_global = a;
		} else if (t->k && (o = find_opt(&t->u, a)) && o->value) {
			i = value_at(argc, argv, i);
			if (i >= argc - 1)
				t->pending = o;
		} else if (a[0] == '-') {
			continue;
		} else if (!t->group && !t->help && strcmp(a, "help") == 0) {
			t->help = 1;
		} else if (!t->group) {
			t->group = a;
			if (!has_subcommands(tables, nt, a) && !(t->k = lookup(tables, nt, a, NULL)))
				t->unknown = 1;
			else if (t->k)
				usage_read(&t->u, t->k);
		} else if (!t->k) {
			if (!(t->k = lookup(tables, nt, t->group, a)))
				t->unknown = 1;
			else
				usage_read(&t->u, t->k);
		} else {
			t->operands++;
		}
	}
}

/* "--format=c" as one word (zsh): the option is the pending one, and the
 * prefix "--format=" is returned for each choice (NULL if cur is not so). */
static char *split_assignment(struct typed *t, const char *cur)
{
	const char *eq = cur[0] == '-' && !t->pending && !t->pending_global ? strchr(cur, '=') : NULL;
	if (!eq)
		return NULL;
	char *name = xstrndup(cur, (size_t)(eq - cur));
	if (global_with_value(name))
		t->pending_global = strcmp(name, "--lang") == 0 ? "--lang" : "--db";
	else if (!t->k || !(t->pending = find_opt(&t->u, name)) || !t->pending->value ||
		 strcmp(t->pending->value, "WHO") == 0)    /* names: only as a word of their own */
		t->unknown = 1;
	free(name);
	return xstrndup(cur, (size_t)(eq + 1 - cur));
}

static void answer(struct words *out, const struct typed *t, const char *cur,
		   const struct cli_command *const *tables, size_t nt)
{
	if (t->unknown) {
		/* nothing: not a command */
	} else if (t->pending_global) {
		if (strcmp(t->pending_global, "--lang") == 0)
			say_choices(out, "zh|en", 0);
	} else if (t->pending) {
		say_value(out, t->pending);
	} else if (cur[0] == '-') {
		if (t->k && !t->help) {
			say_options(out, &t->u, 1);
		} else if (!t->group) {
			static const char *const globals[] = {"--db", "--year", "--today", "--lang",
							      "--help", "--version"};
			for (size_t i = 0; i < ARRAY_SIZE(globals); i++)
				say(out, globals[i], strlen(globals[i]));
		}
	} else if (!t->group) {
		if (!t->help) {
			say(out, "help", 4);
			say(out, "version", 7);
		}
		for (size_t i = 0; i < nt; i++)
			for (const struct cli_command *c = tables[i]; c->group; c++)
				say(out, c->group, strlen(c->group));
	} else if (!t->k) {
		for (size_t i = 0; i < nt; i++)
			for (const struct cli_command *c = tables[i]; c->group; c++)
				if (strcmp(c->group, t->group) == 0 && c->name)
					say(out, c->name, strlen(c->name));
	} else if (!t->help) {
		/* the first operand's choices (setting KEY); the options once the
		 * operands are there (--help only after a "-") */
		if (t->u.first && t->operands == 0)
			say_choices(out, t->u.first, 1);
		else if (t->operands >= t->u.operands)
			say_options(out, &t->u, 0);
	}
}

int cli_complete(const struct cli_command *const *tables, size_t nt, int argc, char **argv)
{
	const char *cur = argc > 0 ? argv[argc - 1] : "";
	struct typed t = {0};
	scan(&t, tables, nt, argc, argv);
	char *prefix = split_assignment(&t, cur);
	struct words out = {0};
	answer(&out, &t, cur, tables, nt);
	for (int i = 0; i < out.n; i++) {
		printf("%s%s\n", prefix ? prefix : "", out.w[i]);
		free(out.w[i]);
	}
	free(out.w);
	free(prefix);
	usage_free(&t.u);
	return 0;
}
