#!/bin/sh
# Run each test program or script given, keep its output, take its last
# "N passed, N failed" line, and print the sum as the very last line.  A
# program that ends without that line counts as one failure.  The "N
# skipped" line a program may print before it (tests on SQLite only, under
# make test-pg) is added up too and printed just before the total.
LC_ALL=C.UTF-8 TZ=Asia/Shanghai
export LC_ALL TZ
P=0 F=0 S=0
for t in "$@"; do
	case "$t" in *.sh) cmd="sh $t" ;; *) cmd="$t" ;; esac
	out=$($cmd </dev/null 2>&1)
	rc=$?
	last=$(printf '%s\n' "$out" | grep -E '^[0-9]+ passed, [0-9]+ failed' | tail -n 1)
	if [ -z "$last" ]; then
		printf '%s\n' "$out" | tail -n 30
		echo "FAIL $t (exit $rc, no summary line)"
		F=$((F + 1))
		continue
	fi
	p=${last%% passed*}; f=${last#*passed, }; f=${f%% failed*}
	s=$(printf '%s\n' "$out" | grep -E '^[0-9]+ skipped$' | tail -n 1)
	s=${s%% skipped}
	if [ "$f" -ne 0 ] || [ $rc -ne 0 ]; then
		printf '%s\n' "$out" | grep -vE '^ok ' | tail -n 60
		[ "$f" -eq 0 ] && f=1
	fi
	echo "### $t ... $p passed, $f failed${s:+, $s skipped}"
	P=$((P + p)); F=$((F + f)); S=$((S + ${s:-0}))
done
[ "$S" -eq 0 ] || echo "$S skipped"
echo "$P passed, $F failed"
[ "$F" -eq 0 ]
