#!/bin/sh
# bench/startup.sh — start-up cost (issue 10 item 1): the cheapest command
# (`qingdan help`) and a one-shot command that opens the file, against
# `sqlite3 DB 'select 1'`, all interleaved in one run (bench/race.c: fork
# to exit, median and p90 of N rounds); the libraries the program links;
# an empty main() linked with the same libraries, the share of help's
# time that is the dynamic loader's and the libraries' own start; then the
# TUI's first screen on the L file (bench/tui_bench.c).
# Bar: help ≤ 1.3× the sqlite3 floor; TUI first screen on L < 25 ms.
#   sh bench/startup.sh [DB]     (default build/bench/L.db; N=41 rounds;
#   QD_BASE=/path/to/older/qingdan adds that binary's `help` for a before
#   and after; TUI=0 skips the screen)
set -eu
cd "$(dirname "$0")/.."
DB=${1:-build/bench/L.db}
QD=${QD_BIN:-$PWD/build/qingdan}
N=${N:-41}
make -s build/qingdan build/qingdan-print.so build/qingdan-pg.so build/bench/race build/bench/tui_bench >/dev/null
if [ ! -s "$DB" ]; then
	echo "startup bench: no $DB (bench/run.sh makes it with bench/gen L)"
	exit 0
fi
export LC_ALL=C.UTF-8 TZ=Asia/Shanghai
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

# what the libraries alone cost: an empty main() linked with exactly the
# ones the program links (NEEDED, in its order), run beside the others —
# the part of help's time no code of ours can take away
W=$(mktemp -d "${TMPDIR:-/tmp}/qdstart.XXXXXX")
trap 'rm -rf "$W"' EXIT
libs=$(readelf -d "$QD" | sed -n 's/.*(NEEDED).*\[lib\(.*\)\.so.*\]/-l\1/p' | grep -v '^-lc$' | tr '\n' ' ')
printf 'int main(void) { return 0; }\n' >"$W/empty.c"
${CC:-cc} -O2 -o "$W/empty" "$W/empty.c" -Wl,--no-as-needed $libs
out=$(build/bench/race "$N" sqlite3 "$DB" 'select 1' -- "$QD" help -- \
	"$QD" --db "$DB" setting unit_name -- "$W/empty" ${QD_BASE:+-- "$QD_BASE" help})
set -- $out
floor=$1 floor90=$2 help=$5 help90=$6 one=$9 one90=${10} empty=${13} empty90=${14}
echo "== start-up, $N interleaved rounds (median ms, p90 in brackets)"
printf '   sqlite3 DB "select 1" (floor)     %7.2f (%.2f)\n' "$floor" "$floor90"
printf '   qingdan help                      %7.2f (%.2f)   %s× floor   (bar ≤ 1.3×)\n' \
	"$help" "$help90" "$(ratio "$help" "$floor")"
printf '   qingdan --db DB setting unit_name %7.2f (%.2f)   %s× floor\n' \
	"$one" "$one90" "$(ratio "$one" "$floor")"
printf '   empty main() with its libraries   %7.2f (%.2f)   %s× floor   (%s)\n' \
	"$empty" "$empty90" "$(ratio "$empty" "$floor")" "$libs"
if [ -n "${QD_BASE:-}" ]; then
	base=${17} base90=${18}
	printf '   %s help (before) %7.2f (%.2f)   %s× floor\n' "$QD_BASE" "$base" "$base90" \
		"$(ratio "$base" "$floor")"
fi
echo "   the program links: $(readelf -d "$QD" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | tr '\n' ' ')"
echo "   the print module:  $(readelf -d "$(dirname "$QD")/qingdan-print.so" 2>/dev/null |
	sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | tr '\n' ' ')"
echo "   the PostgreSQL module: $(readelf -d "$(dirname "$QD")/qingdan-pg.so" 2>/dev/null |
	sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | tr '\n' ' ')"
if [ "${TUI:-1}" != 0 ]; then
	build/bench/tui_bench "$QD" "$DB" 120x40 | grep 'first screen' | sed 's/^/   /'
	echo "   (bar: TUI first screen on L < 25 ms)"
fi
