#!/bin/sh
# bench/tui.sh — the interactive screen on the L dataset (DESIGN §8): exec
# to the first full screen, key press to redrawn screen (200 x Down, 200 x
# PgDn, people and a checklist too), resident memory; each beside a floor
# measured in the same run (bench/tui_bench.c says how).  Run by
# bench/run.sh after it has made build/bench/L.db; alone:
#   make build/bench/tui_bench && sh bench/tui.sh [DB]
set -eu
cd "$(dirname "$0")/.."
DB=${1:-build/bench/L.db}
BIN=${QD_BIN:-$(pwd)/build/qingdan}
if [ ! -s "$DB" ]; then
	echo "tui bench: no $DB (bench/run.sh makes it with bench/gen L)"
	exit 0
fi
[ -x build/bench/tui_bench ] || make -s build/bench/tui_bench
export LC_ALL=C.UTF-8 TZ=Asia/Shanghai
build/bench/tui_bench "$BIN" "$DB" 120x40
