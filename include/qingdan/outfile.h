/* outfile.h — the one way qingdan writes a file the user names: every
 * `-o FILE` (export, print, pledge print, the TUI's print dialog) and
 * `backup FILE`.  Nothing else in src/ creates a file by name.
 *
 * The policy:
 *  - The data goes into a new temporary file in the TARGET'S OWN folder,
 *    made by mkstemp (O_CREAT|O_EXCL: it never follows a symlink and never
 *    opens a file that was already there) under a random hidden name,
 *    ".NAME-XXXXXX.tmp", which cannot be mistaken for the target.
 *  - outfile_commit flushes, fsyncs, gives the file its mode (0660 & ~umask,
 *    never wider than the database file's mode), then renames it onto the
 *    target and fsyncs the folder: readers see the old file or the whole
 *    new one, never a part.  On any failure (or outfile_abort, or a
 *    process killed in between) the target is untouched; a killed process
 *    leaves at most the hidden temporary.
 *  - Without OUTFILE_FORCE an existing target — a file, a symlink, even a
 *    dangling one — is refused ("…已存在；要替换请加 --force"), also when it
 *    appears while writing (the rename is RENAME_NOREPLACE, else link()).
 *    With OUTFILE_FORCE the rename replaces it; a symlink at the target is
 *    replaced itself, and what it points to is never written.  A folder at
 *    the target is always refused.
 *
 * For a helper program (lp) or a library writing for standard output,
 * outfile_scratch makes a scratch file in $TMPDIR (else /tmp), also by
 * mkstemp under a random name, which outfile_abort removes.
 * The module prints nothing; messages go to the caller's err. */
#ifndef QINGDAN_OUTFILE_H
#define QINGDAN_OUTFILE_H

#include <stdio.h>
#include <sys/types.h>

#include "qingdan/util.h"

enum outfile_flags {
	OUTFILE_FORCE = 1,     /* replace an existing target (--force) */
	OUTFILE_NO_HINT = 2,   /* the refusal says "choose another name", not
	                          "add --force" (for the TUI) */
};

struct outfile {
	char *target;          /* the name the user gave */
	char *tmp;             /* the temporary beside it */
	char proc[32];         /* /proc/self/fd/N, when that reaches the temp */
	int fd;                /* the temporary, open read-write; -1 after */
	FILE *f;               /* stdio on fd, made by outfile_stream */
	mode_t mode;           /* what the file gets at commit */
	int flags;
};

/* Start writing TARGET.  LIKE is the database file whose permission bits
 * bound the output's mode (NULL or unreadable: 0660 & ~umask).  On failure
 * (the target exists without OUTFILE_FORCE, is a folder, or the folder is
 * not writable) nothing is created, the message is in err and o needs no
 * abort. */
enum qd_status outfile_open(struct outfile *o, const char *target, int flags, const char *like,
			    struct strbuf *err);

/* stdio on the temporary (made once; outfile_commit closes it). */
FILE *outfile_stream(struct outfile *o);

/* A name for a library that insists on opening the file itself (cairo,
 * libxlsxwriter, SQLite): /proc/self/fd/N where the system has it, so the
 * library reaches exactly the file mkstemp made, else the temporary's name.
 * Only valid until commit or abort. */
const char *outfile_path(struct outfile *o);
/* The temporary's own name (SQLite needs a real name for its journal). */
const char *outfile_temp_name(const struct outfile *o);

/* Put the file in place (see above).  Always releases o: on failure the
 * temporary is removed and err says why. */
enum qd_status outfile_commit(struct outfile *o, struct strbuf *err);
/* Drop the temporary; the target is untouched.  NULL-safe, idempotent. */
void outfile_abort(struct outfile *o);

/* The mode an output gets: 0660 & ~umask, and no bit the file LIKE lacks. */
mode_t outfile_mode(const char *like);

/* A scratch file in $TMPDIR (else /tmp) named qingdan-XXXXXX + SUFFIX, mode
 * 0600: write it like an output (outfile_stream, outfile_path; another
 * program reads it by outfile_temp_name), copy it with outfile_copy_to,
 * and always end with outfile_abort, which removes it.  Never committed. */
enum qd_status outfile_scratch(struct outfile *o, const char *suffix, struct strbuf *err);

/* Copy the whole temporary (from its start, whoever wrote it) to out and
 * flush out: 0, or -1 with errno. */
int outfile_copy_to(struct outfile *o, FILE *out);

/* A name for a new file the screen offers: STEM.EXT, else STEM-2.EXT, -3 …
 * (the first not taken), in the current folder when it is writable, else in
 * $HOME.  Writing it still goes through outfile_open, which refuses a name
 * taken in the meantime rather than replacing it. */
char *outfile_unused_name(const char *stem, const char *ext);

#endif
