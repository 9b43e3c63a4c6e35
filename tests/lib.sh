# tests/lib.sh — sourced by the CLI test scripts (tests/*.sh).
# Pins locale, zone, HOME and today; gives run/check helpers; finish prints
# the closing "N passed, N failed" line the runner adds up.
#
# The backend: `make test` runs the scripts on SQLite files; `make test-pg`
# sets QD_TEST_PG to the socket folder of a throwaway PostgreSQL cluster
# (scripts/pg_cluster.sh) and runs them again on it.  A script gets its
# database from newdb or demo_db (never a path of its own), reads or
# tampers with it behind qingdan's back through dbsql, copies it with
# dbcopy/dbrestore; what is about the SQLite file itself (its mode, WAL,
# locks, a cp'd file) is wrapped in sqlite_only, which counts it skipped.
set -u
QD=${QD_BIN:-$(pwd)/qingdan}
T=$(mktemp -d "${TMPDIR:-/tmp}/qdtest.XXXXXX")
trap '_dropdbs; rm -rf "$T"' EXIT
export LC_ALL=C.UTF-8 TZ=Asia/Shanghai HOME="$T/home" QINGDAN_DB= XDG_DATA_HOME= QINGDAN_LANG=
# the audit anchors (issue 8) go to $HOME/.local/state/qingdan, inside $T
export XDG_STATE_HOME=
mkdir -p "$HOME"
TODAY=${TODAY:-2026-06-30}
# fontconfig's own cache is not a leak of ours (sanitizer and valgrind runs)
LSAN_OPTIONS="suppressions=$(cd "$(dirname "$0")" && pwd)/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
export LSAN_OPTIONS
PASS=0 FAIL=0 SKIP=0

# qd ARGS…: the binary with --today pinned (add --db yourself or set DB).
qd() { "$QD" --today "$TODAY" ${DB:+--db "$DB"} "$@"; }

# run CMD…: stdout in $OUT, stderr in $ERR, exit status in $RC.
run() {
	"$@" >"$T/.out" 2>"$T/.err" </dev/null
	RC=$?
	OUT=$(cat "$T/.out")
	ERR=$(cat "$T/.err")
}

# check NAME TEST…: count a test; on failure show what was seen.
check() {
	name=$1
	shift
	if "$@"; then
		PASS=$((PASS + 1))
		echo "ok   $name"
	else
		FAIL=$((FAIL + 1))
		echo "FAIL $name"
		echo "  rc=${RC:-} stdout: $(printf '%s' "${OUT:-}" | head -c 600)"
		echo "  stderr: $(printf '%s' "${ERR:-}" | head -c 600)"
	fi
}

is() { [ "$1" = "$2" ]; }
has() { case "$1" in *"$2"*) return 0 ;; *) return 1 ;; esac; }
hasnt() { ! has "$1" "$2"; }

# ---- the database under test ----
QD_TEST_PG=${QD_TEST_PG:-}
PSQL=${PG_BIN:+$PG_BIN/}psql
_NDB=0
# this script's databases: qds_SCRIPT_PID_N_NAME (63 bytes at most)
_DBTAG=qds_$(printf '%s' "$(basename "$0" .sh)" | tr -c 'a-z0-9_' '_' | cut -c1-12)_$$
_pgsql() { "$PSQL" -X -q -A -t -v ON_ERROR_STOP=1 "$@"; }
# _pgnew NAME [TEMPLATE-DB]: a new database; its name in _DBN.
_pgnew() {
	_NDB=$((_NDB + 1))
	_DBN=${_DBTAG}_${_NDB}_$(printf '%s' "$1" | tr -c 'a-z0-9_' '_' | cut -c1-16)
	_tpl=
	[ -z "${2:-}" ] || _tpl=" TEMPLATE \"$2\""
	printf 'CREATE DATABASE "%s"%s;\n' "$_DBN" "$_tpl" |
		_pgsql -h "$QD_TEST_PG" -d postgres -f - >&2 || {
		echo "lib.sh: cannot create the database $_DBN on $QD_TEST_PG" >&2
		exit 1
	}
}
_pguri() { echo "postgresql:///$1?host=$QD_TEST_PG"; }
_pgname() { _u=${1#postgresql:///}; echo "${_u%%\?*}"; }
# at exit: drop what this script made (the cluster goes at the end anyway)
_dropdbs() {
	[ -n "$QD_TEST_PG" ] && [ "$_NDB" -gt 0 ] || return 0
	printf '%s\n' "SELECT format('DROP DATABASE %I WITH (FORCE)', datname) FROM pg_database
		WHERE starts_with(datname, '${_DBTAG}_') \gexec" |
		_pgsql -h "$QD_TEST_PG" -d postgres -f - >/dev/null 2>&1
	return 0
}

# newdb NAME: a fresh, empty database in DB (qingdan init makes the schema):
# the file $T/NAME.db (removed if there), or under QD_TEST_PG a new
# database on the cluster as a libpq URI.
newdb() {
	if [ -z "$QD_TEST_PG" ]; then
		DB="$T/${1:-db}.db"
		rm -f "$DB"*
		return 0
	fi
	_pgnew "${1:-db}"
	DB=$(_pguri "$_DBN")
}

# A fresh demo database (newdb NAME, then init --demo); sets DB.
demo_db() {
	newdb "${1:-demo}"
	"$QD" --today "$TODAY" --db "$DB" init --demo 2>/dev/null
}

# dbsql SQL [PG-SQL]: run SQL on $DB behind qingdan's back and print the
# rows as the sqlite3 shell does (columns joined by |, no header): the
# sqlite3 shell on a file; psql on PostgreSQL, PG-SQL if given (where the
# dialects differ), as the cluster's superuser with triggers off
# (session_replication_role = replica), as a DBA could.
dbsql() {
	if [ -z "$QD_TEST_PG" ]; then
		sqlite3 "$DB" "$1"
		return
	fi
	printf 'SET session_replication_role = replica;\n%s\n' "${2:-$1}" | _pgsql -d "$DB" -f -
}

# dbcopy NAME: COPY becomes a copy of $DB as it is now (qingdan not
# running): cp to $T/NAME.db, or a new database made from it.
dbcopy() {
	if [ -z "$QD_TEST_PG" ]; then
		COPY="$T/$1.db"
		cp "$DB" "$COPY"
		return
	fi
	_pgnew "$1" "$(_pgname "$DB")"
	COPY=$(_pguri "$_DBN")
}

# dbrestore FROM: put FROM (a dbcopy) back in place of $DB, under its name.
dbrestore() {
	if [ -z "$QD_TEST_PG" ]; then
		cp "$1" "$DB"
		rm -f "$DB-wal" "$DB-shm"
		return
	fi
	printf 'DROP DATABASE "%s" WITH (FORCE);\nCREATE DATABASE "%s" TEMPLATE "%s";\n' \
		"$(_pgname "$DB")" "$(_pgname "$DB")" "$(_pgname "$1")" | _pgsql -h "$QD_TEST_PG" -d postgres -f -
}

# sqlite_only WHAT: true on SQLite; under QD_TEST_PG false, and WHAT counts
# as one skipped block:  if sqlite_only "file mode"; then check …; fi
sqlite_only() {
	[ -z "$QD_TEST_PG" ] && return 0
	SKIP=$((SKIP + 1))
	echo "skip $1 (SQLite only)"
	return 1
}

# pg_only WHAT: the reverse, for what only a server has (roles, NOTIFY):
#   if pg_only "server roles"; then check …; fi
pg_only() {
	[ -n "$QD_TEST_PG" ] && return 0
	SKIP=$((SKIP + 1))
	echo "skip $1 (PostgreSQL only)"
	return 1
}

# How many times slower than a plain build this run is (asan-test and
# valgrind-test set QD_TIME_SCALE); limit SECONDS CMD… runs CMD with a time
# limit of SECONDS in a plain build, scaled (exit 124 when it is reached).
QD_TIME_SCALE=${QD_TIME_SCALE:-1}
limit() { _s=$1; shift; timeout -k 5 $((_s * QD_TIME_SCALE)) "$@"; }

# qd_without_module FILE: a copy of the program in a folder of its own with
# every module of the build beside it but FILE (qingdan-print.so,
# qingdan-pg.so, qingdan-icu.so…); prints the folder.  Run from there with
# QINGDAN_LIBDIR unset (or an empty folder) it lacks that module — unless
# one is installed in the compiled-in folder, which is searched last.
qd_without_module() {
	_wm_build=${QD_BUILD:-$(pwd)/build}
	_wm_dir=$T/without-${1%.so}
	mkdir -p "$_wm_dir"
	cp "$_wm_build/qingdan" "$_wm_dir/qingdan"   # the ELF file ($QD may be a wrapper)
	for _wm in "$_wm_build"/qingdan-*.so; do
		[ "${_wm##*/}" = "$1" ] || cp "$_wm" "$_wm_dir/"
	done
	echo "$_wm_dir"
}

# The last line "N passed, N failed"; "N skipped" before it when some were.
finish() {
	[ "$SKIP" -eq 0 ] || echo "$SKIP skipped"
	echo "$PASS passed, $FAIL failed"
	[ "$FAIL" -eq 0 ]
}
