#!/bin/sh
# Run each test program or script given, keep its output, take its last
# "N passed, N failed" line, and print the sum as the very last line.  A
# program that ends without that line counts as one failure.  The "N
# skipped" line a program may print before it (tests on SQLite only, under
# make test-pg) is added up too and printed just before the total.
# QD_JOBS=N runs up to N of them at once (valgrind-test: each is one
# CPU-bound process, and every test keeps to its own temporary folder and
# databases); the results are still reported in the order given.
LC_ALL=C.UTF-8 TZ=Asia/Shanghai
export LC_ALL TZ
P=0 F=0 S=0
J=${QD_JOBS:-1}
case "$J" in '' | *[!0-9]* | 0) J=1 ;; esac
D=$(mktemp -d "${TMPDIR:-/tmp}/qdrun.XXXXXX") || exit 1
trap 'rm -rf "$D"' EXIT
trap 'exit 130' INT TERM HUP

# start K T: run test T in the background, its output in $D/K.out and its
# exit code in $D/K.rc; its pid in $D/K.pid.
start() {
	case "$2" in *.sh) cmd="sh $2" ;; *) cmd="$2" ;; esac
	( $cmd </dev/null >"$D/$1.out" 2>&1; echo $? >"$D/$1.rc" ) &
	echo $! >"$D/$1.pid"
}

report() {
	t=$2 out=$(cat "$D/$1.out") rc=$(cat "$D/$1.rc" 2>/dev/null || echo 1)
	last=$(printf '%s\n' "$out" | grep -E '^[0-9]+ passed, [0-9]+ failed' | tail -n 1)
	if [ -z "$last" ]; then
		printf '%s\n' "$out" | tail -n 30
		echo "FAIL $t (exit $rc, no summary line)"
		F=$((F + 1))
		return
	fi
	p=${last%% passed*}; f=${last#*passed, }; f=${f%% failed*}
	s=$(printf '%s\n' "$out" | grep -E '^[0-9]+ skipped$' | tail -n 1)
	s=${s%% skipped}
	if [ "$f" -ne 0 ] || [ "$rc" -ne 0 ]; then
		printf '%s\n' "$out" | grep -vE '^ok ' | tail -n 60
		[ "$f" -eq 0 ] && f=1
	fi
	echo "### $t ... $p passed, $f failed${s:+, $s skipped}"
	P=$((P + p)); F=$((F + f)); S=$((S + ${s:-0}))
}

# Tests are started in order, at most J running; each is reported (in
# order) once it and every one before it have ended.
k=0 done=0
for t in "$@"; do
	k=$((k + 1))
	eval "name_$k=\$t"
	start "$k" "$t"
	if [ $((k - done)) -ge "$J" ]; then
		done=$((done + 1))
		wait "$(cat "$D/$done.pid")"
		eval "report $done \"\$name_$done\""
	fi
done
while [ "$done" -lt "$k" ]; do
	done=$((done + 1))
	wait "$(cat "$D/$done.pid")"
	eval "report $done \"\$name_$done\""
done
[ "$S" -eq 0 ] || echo "$S skipped"
echo "$P passed, $F failed"
[ "$F" -eq 0 ]
