#!/bin/sh
# bench/io.sh — the bars of DESIGN §8 for import and print, in one run:
#
#   import of the L list file (1M rows; N=… for fewer) through `qingdan
#   import`, against a bare SQLite prepared INSERT of the same rows into a
#   copy of the same file (FTS index included, filled at the end as qingdan
#   does), timed in the same run, with the default page cache and with the
#   32 MiB the import uses; memory as max RSS, at N/10 and N rows (flat);
#   PDF and text of one person and of one 300-person org (median of 5).
#
# Everything is deterministic (bench/io_bench.c); work files go to
# BENCH_DIR (default a fresh temporary folder, removed at the end).
set -eu
cd "$(dirname "$0")/.."
make -s build/qingdan build/bench/io_bench >/dev/null
N=${N:-1000000}
W=${BENCH_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/qdbench.XXXXXX")}
[ -n "${BENCH_DIR:-}" ] || trap 'rm -rf "$W"' EXIT
B=$PWD/build/bench/io_bench
QD=$PWD/build/qingdan
export LC_ALL=C.UTF-8 TZ=Asia/Shanghai
qd() { "$QD" --today 2026-06-30 "$@"; }
copy() { rm -f "$2"*; qd --db "$1" backup "$2" 2>/dev/null; }
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

echo "== set-up: 502 orgs, 100k people; the list file of $N rows"
$B setup "$W/base.db"
$B csv "$W/L.csv" "$N"
small=$((N / 10))
head -n $((small + 1)) "$W/L.csv" >"$W/S.csv"
echo "   $(wc -c <"$W/L.csv" | tr -d ' ') bytes"

echo "== import $N rows"
copy "$W/base.db" "$W/bare.db"
bare=$($B bare "$W/bare.db" "$N")
copy "$W/base.db" "$W/bare32.db"
bare32=$($B bare "$W/bare32.db" "$N" 32768)
copy "$W/base.db" "$W/small.db"
set -- $($B run "$QD" --today 2026-06-30 --db "$W/small.db" import "$W/S.csv" 2>/dev/null | tail -n 1)
small_s=$1 small_rss=$2
copy "$W/base.db" "$W/imp.db"
set -- $($B run "$QD" --today 2026-06-30 --db "$W/imp.db" import "$W/L.csv" 2>/dev/null | tail -n 1)
imp=$1 rss=$2
items=$(sqlite3 "$W/imp.db" "SELECT count(*) FROM item")
fts=$(sqlite3 "$W/imp.db" "SELECT count(*) FROM item_fts WHERE item_fts MATCH '\"三会一课\"'")
fts_bare=$(sqlite3 "$W/bare.db" "SELECT count(*) FROM item_fts WHERE item_fts MATCH '\"三会一课\"'")
printf '   bare prepared insert (default cache)   %8.2f s  %7.0f rows/s\n' "$bare" "$(ratio "$N" "$bare")"
printf '   bare prepared insert (32 MiB cache)    %8.2f s  %7.0f rows/s\n' "$bare32" "$(ratio "$N" "$bare32")"
printf '   qingdan import (model, audit per row)  %8.2f s  %7.0f rows/s  max RSS %d MB\n' \
	"$imp" "$(ratio "$N" "$imp")" $((rss / 1024))
printf '   qingdan import of %d rows            %8.2f s                  max RSS %d MB\n' \
	"$small" "$small_s" $((small_rss / 1024))
echo "   items $items; FTS hits for 三会一课: import $fts, bare $fts_bare"
echo "   ratio import / bare: $(ratio "$imp" "$bare")× (default cache), $(ratio "$imp" "$bare32")× (same cache)  — bar ≤ 3×"

echo "== print (one person; one org of 300 people, 2 items each)"
$B org300 "$W/org.db"
who=$(sqlite3 "$W/org.db" "SELECT name FROM person WHERE id = 2")
t() { for i in 1 2 3 4 5; do $B run "$QD" --today 2026-06-30 --db "$W/org.db" print "$@" 2>/dev/null | tail -n 1 | cut -d' ' -f1; done | median; }
p_txt=$(t --person "$who" -o "$W/p.txt")
p_pdf=$(t --person "$who" -o "$W/p.pdf")
o_txt=$(t --org 第一党支部 -o "$W/o.txt")
o_pdf=$(t --org 第一党支部 -o "$W/o.pdf")
pages=$(pdfinfo "$W/o.pdf" | sed -n 's/^Pages: *//p')
printf '   print --person text   %6.0f ms   (bar < 20 ms)\n' "$(awk -v s="$p_txt" 'BEGIN { print s * 1000 }')"
printf '   print --person pdf    %6.0f ms   (bar < 150 ms)\n' "$(awk -v s="$p_pdf" 'BEGIN { print s * 1000 }')"
printf '   print --org text      %6.0f ms   (300 people)\n' "$(awk -v s="$o_txt" 'BEGIN { print s * 1000 }')"
printf '   print --org pdf       %6.0f ms   (300 people, %s pages)\n' "$(awk -v s="$o_pdf" 'BEGIN { print s * 1000 }')" "$pages"
