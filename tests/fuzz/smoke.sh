#!/bin/sh
# tests/fuzz/smoke.sh DIR TARGET… — `make fuzz-smoke`: run each libFuzzer
# target DIR/TARGET for a bounded number of inputs, starting from its seed
# corpus tests/fuzz/corpus/TARGET/ (read only: what libFuzzer finds goes to
# a temporary folder), with a fixed seed so a run is repeatable, and
# TARGET.dict beside the source when there is one.  FUZZ_RUNS=K multiplies
# the input counts (default 1, sized for about 2-3 minutes in all on a
# loaded 2-core machine); FUZZ_SEED picks another seed.  A crash, a broken
# invariant (abort), a leak or a timeout fails the target: its log tail and
# the saved input (build-fuzz/artifacts/) are shown.  Every path given to
# a target is absolute (fuzz_tui works inside its temporary folder, where
# the pledge view's p writes its PDF).  Last line:
# "N passed, N failed", one per target.
set -u
dir=$1
shift
here=$(cd "$(dirname "$0")" && pwd)
scale=${FUZZ_RUNS:-1}
seed=${FUZZ_SEED:-1}
art=$(cd "$dir/.." && pwd)/artifacts
mkdir -p "$art"
export LC_ALL=C.UTF-8 TZ=Asia/Shanghai
# leaks in an input are failures; the sanitizers' own reports go to the log
export ASAN_OPTIONS="detect_leaks=1${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"
# fontconfig's own cache (a pledge printed to PDF) is not a leak of ours
export LSAN_OPTIONS="suppressions=$here/../lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"

# TARGET → "RUNS MAX_LEN": inputs per smoke, the longest input tried.
limits() {
	case $1 in
	fuzz_tui) echo "400 192" ;;
	fuzz_import) echo "1000 1024" ;;
	fuzz_import_meetings) echo "600 1024" ;;
	fuzz_import_problems) echo "600 1024" ;;
	fuzz_csv) echo "5000 2048" ;;
	fuzz_date) echo "200000 48" ;;
	fuzz_text) echo "60000 512" ;;
	fuzz_xlsx) echo "1500 4096" ;;
	*) echo "5000 1024" ;;
	esac
}

P=0 F=0
for name in "$@"; do
	set -- $(limits "$name")
	runs=$(($1 * scale)) maxlen=$2
	bin=$dir/$name
	corpus=$here/corpus/$name
	dict=
	[ -f "$here/$name.dict" ] && dict="-dict=$here/$name.dict"
	work=$(mktemp -d "${TMPDIR:-/tmp}/qd-fuzz-corpus.XXXXXX")
	log=$work.log
	start=$(date +%s)
	# -max_total_time only guards a machine far slower than expected
	"$bin" -print_funcs=0 -runs="$runs" -seed="$seed" -max_len="$maxlen" -timeout=60 \
		-max_total_time=$((600 * scale)) -artifact_prefix="$art/$name-" \
		-print_final_stats=1 $dict "$work" "$corpus" >"$log" 2>&1
	rc=$?
	secs=$(($(date +%s) - start))
	done_runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
	if [ $rc -eq 0 ] && [ -n "$done_runs" ]; then
		P=$((P + 1))
		echo "ok   $name: $done_runs inputs in ${secs} s"
	else
		F=$((F + 1))
		tail -n 40 "$log"
		echo "FAIL $name (exit $rc after ${secs} s; input saved under $art/)"
	fi
	rm -rf "$work" "$log"
done
echo "$P passed, $F failed"
[ "$F" -eq 0 ]
