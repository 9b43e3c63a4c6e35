#!/bin/sh
# bench/io.sh — the bars of DESIGN §8 for import and print, in one run:
#
#   import of the L list file (1M rows; N=… for fewer) through `qingdan
#   import`, against a bare SQLite prepared INSERT of the same rows into a
#   copy of the same file (FTS index included, filled at the end as qingdan
#   does, the 32 MiB page cache the import uses), in R interleaved pairs
#   (default 3), wall and CPU time, the WAL's peak size while each ran and
#   what is left after; memory as max RSS, at N/10 and N rows (flat);
#   QD=… times another build (e.g. the one before a change);
#   PDF and text of one person and of one 300-person org (median of 5).
#
# Everything is deterministic (bench/io_bench.c); work files go to
# BENCH_DIR (default a fresh temporary folder, removed at the end).
set -eu
cd "$(dirname "$0")/.."
make -s build/qingdan build/bench/io_bench >/dev/null
N=${N:-1000000}
R=${R:-3}
W=${BENCH_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/qdbench.XXXXXX")}
[ -n "${BENCH_DIR:-}" ] || trap 'rm -rf "$W"' EXIT
B=$PWD/build/bench/io_bench
QD=${QD:-$PWD/build/qingdan}
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

echo "== import $N rows, against a bare prepared insert, interleaved ($R pairs)"
# each pair: a bare insert then qingdan import, each into a fresh copy of
# the same file; wall and CPU seconds, max RSS, the largest the WAL grew
# while it ran, and the WAL left on disk after; medians over the pairs
: >"$W/pairs"
i=0
while [ $i -lt "$R" ]; do
	copy "$W/base.db" "$W/bare.db"
	set -- $($B run --watch "$W/bare.db-wal" "$B" bare "$W/bare.db" "$N" 32768 | tail -n 1)
	b_wall=$1 b_rss=$2 b_cpu=$3 b_wal=$4
	copy "$W/base.db" "$W/imp.db"
	set -- $($B run --watch "$W/imp.db-wal" "$QD" --today 2026-06-30 --db "$W/imp.db" import "$W/L.csv" 2>/dev/null | tail -n 1)
	i_wall=$1 i_rss=$2 i_cpu=$3 i_wal=$4
	i_left=$(stat -c %s "$W/imp.db-wal" 2>/dev/null || echo 0)
	echo "$b_wall $b_cpu $b_rss $b_wal $i_wall $i_cpu $i_rss $i_wal $i_left" >>"$W/pairs"
	printf '   pair %d: bare %.2f s (cpu %.2f), import %.2f s (cpu %.2f)\n' $((i + 1)) "$b_wall" "$b_cpu" "$i_wall" "$i_cpu"
	i=$((i + 1))
done
col() { cut -d' ' -f"$1" "$W/pairs" | median; }
bare=$(col 1) bare_cpu=$(col 2) bare_rss=$(col 3) bare_wal=$(col 4)
imp=$(col 5) imp_cpu=$(col 6) rss=$(col 7) imp_wal=$(col 8) imp_left=$(col 9)
copy "$W/base.db" "$W/small.db"
set -- $($B run "$QD" --today 2026-06-30 --db "$W/small.db" import "$W/S.csv" 2>/dev/null | tail -n 1)
small_s=$1 small_rss=$2
items=$(sqlite3 "$W/imp.db" "SELECT count(*) FROM item")
fts=$(sqlite3 "$W/imp.db" "SELECT count(*) FROM item_fts WHERE item_fts MATCH '\"三会一课\"'")
fts_bare=$(sqlite3 "$W/bare.db" "SELECT count(*) FROM item_fts WHERE item_fts MATCH '\"三会一课\"'")
mb() { awk -v b="$1" 'BEGIN { printf "%.0f", b / 1048576 }'; }
printf '   bare prepared insert (32 MiB cache)    %8.2f s  cpu %7.2f s  %7.0f rows/s  max RSS %4d MB  WAL peak %5s MB\n' \
	"$bare" "$bare_cpu" "$(ratio "$N" "$bare")" $((bare_rss / 1024)) "$(mb "$bare_wal")"
printf '   qingdan import (model, audit per row)  %8.2f s  cpu %7.2f s  %7.0f rows/s  max RSS %4d MB  WAL peak %5s MB, left %s MB\n' \
	"$imp" "$imp_cpu" "$(ratio "$N" "$imp")" $((rss / 1024)) "$(mb "$imp_wal")" "$(mb "$imp_left")"
printf '   qingdan import of %d rows            %8.2f s                                  max RSS %4d MB\n' \
	"$small" "$small_s" $((small_rss / 1024))
echo "   file size: bare $(mb "$(stat -c %s "$W/bare.db")") MB, import $(mb "$(stat -c %s "$W/imp.db")") MB (audit: $(mb "$(sqlite3 "$W/imp.db" "SELECT sum(pgsize) FROM dbstat WHERE name IN ('audit', 'audit_entity')" 2>/dev/null || echo 0)") MB)"
echo "   items $items; FTS hits for 三会一课: import $fts, bare $fts_bare"
echo "   ratio import / bare: $(ratio "$imp" "$bare")× wall, $(ratio "$imp_cpu" "$bare_cpu")× cpu (medians of $R interleaved pairs)  — bar ≤ 1.5×"

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
