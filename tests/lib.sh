# tests/lib.sh — sourced by the CLI test scripts (tests/*.sh).
# Pins locale, zone, HOME and today; gives run/check helpers; finish prints
# the closing "N passed, N failed" line the runner adds up.
set -u
QD=${QD_BIN:-$(pwd)/qingdan}
T=$(mktemp -d "${TMPDIR:-/tmp}/qdtest.XXXXXX")
trap 'rm -rf "$T"' EXIT
export LC_ALL=C.UTF-8 TZ=Asia/Shanghai HOME="$T/home" QINGDAN_DB= XDG_DATA_HOME= QINGDAN_LANG=
# the audit anchors (issue 8) go to $HOME/.local/state/qingdan, inside $T
export XDG_STATE_HOME=
mkdir -p "$HOME"
TODAY=${TODAY:-2026-06-30}
# fontconfig's own cache is not a leak of ours (sanitizer and valgrind runs)
LSAN_OPTIONS="suppressions=$(cd "$(dirname "$0")" && pwd)/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
export LSAN_OPTIONS
PASS=0 FAIL=0

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

# A fresh demo database at $T/NAME.db; sets DB.
demo_db() {
	DB="$T/${1:-demo}.db"
	rm -f "$DB"*
	"$QD" --today "$TODAY" --db "$DB" init --demo 2>/dev/null
}

# How many times slower than a plain build this run is (asan-test and
# valgrind-test set QD_TIME_SCALE); limit SECONDS CMD… runs CMD with a time
# limit of SECONDS in a plain build, scaled (exit 124 when it is reached).
QD_TIME_SCALE=${QD_TIME_SCALE:-1}
limit() { _s=$1; shift; timeout -k 5 $((_s * QD_TIME_SCALE)) "$@"; }

finish() {
	echo "$PASS passed, $FAIL failed"
	[ "$FAIL" -eq 0 ]
}
