/* anchor.h — the local audit anchor: the highest point of a database's
 * audit chain (seq, hash) that this user has seen, kept outside the
 * database in the user's state folder, so that cutting the tail of the log
 * or recomputing the chain cannot go unnoticed (the policy is in
 * src/audit_anchor.c; this module only keeps the files).
 *
 * Folder: $XDG_STATE_HOME/qingdan/ when XDG_STATE_HOME is absolute, else
 * ~/.local/state/qingdan/; created 0700, refused if it is a symlink or not
 * the user's.  One small text file per key: "u-<db_uuid>" (the database's
 * identity) and "p-<sha256(realpath)>" (where it lives), so a renamed file
 * keeps its anchor and a swapped identity is still noticed.  Files are
 * written atomically (mkstemp in the folder, fsync, rename; never through a
 * symlink) under a lock on the folder's ".lock", so concurrent processes
 * never move an anchor backwards. */
#ifndef QINGDAN_ANCHOR_H
#define QINGDAN_ANCHOR_H

#include "qingdan/util.h"

struct anchor {
	char uuid[33];      /* the database's db_uuid, "" if it had none */
	long long seq;      /* the audit entry seen */
	char hash[65];      /* its hash */
	char at[32];        /* the entry's time (UTC) */
	char seen[32];      /* when this user saw it (UTC) */
	char path[1024];    /* the file's real path then (for messages only) */
};

/* The state folder (malloc'd), or NULL when neither XDG_STATE_HOME nor a
 * home folder is known. */
char *anchor_dir(void);
/* Create the folder (0700) if missing and check it is safe to use: a real
 * directory owned by this user.  0, or -1 with the reason in err. */
int anchor_dir_ready(const char *dir, struct strbuf *err);

/* The key file names for a database (buffers >= 40 bytes). */
void anchor_key_path(const char *realpath, char *name);
void anchor_key_uuid(const char *uuid, char *name);
/* A well-formed db_uuid: 32 lower-case hex digits. */
int anchor_uuid_valid(const char *uuid);
/* A new random 128-bit identity in hex (buffer >= 33). */
void anchor_new_uuid(char *out);

/* Read one key: 1 found, 0 none, -1 unreadable or damaged (err says so). */
int anchor_load(const char *dir, const char *name, struct anchor *a, struct strbuf *err);
/* Replace one key atomically.  0, or -1 with the reason in err. */
int anchor_save(const char *dir, const char *name, const struct anchor *a, struct strbuf *err);
/* Remove one key (missing is fine). */
void anchor_remove(const char *dir, const char *name);

/* Hold the folder's lock around a read-compare-write; -1 if it cannot. */
int anchor_lock(const char *dir);
void anchor_unlock(int fd);

#endif
