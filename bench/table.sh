#!/bin/sh
# bench/table.sh — the table of issue 10 from this run's figures:
#   operation | qingdan | Taskwarrior | floor | bar | met?
# read from what bench/run.sh kept of each script (LOG/NAME.log, the
# lines the scripts print; LOG/run.txt and LOG/peers.txt, written for
# this table).  Each row's figures come from one set of interleaved runs
# (bench/race.c, bench/run1.c); a row whose script did not run, or whose
# line it cannot find, says "not measured" and which log to read.  Then
# the libraries: what `ldd` lists for the program, and what a plain
# `item list` really loads (LD_DEBUG=libs: each library's init as it is
# called, dlopen()ed ones included).
#   sh bench/table.sh [LOG] [L.db]     (defaults build/bench/log, build/bench/L.db)
set -u
cd "$(dirname "$0")/.."
LOG=${1:-build/bench/log}
L=${2:-build/bench/L.db}
QD=${QD_BIN:-$PWD/build/qingdan}

# num FILE SED-EXPRESSION: the first number the expression prints, or ""
num() { [ -f "$1" ] && sed -n "$2" "$1" | head -n 1 | tr -d ' '; }
# peers FILE OP COLUMN (2 qd, 3 tw, 4 floor wall; 5 6 7 CPU)
peer() { [ -f "$LOG/peers.txt" ] && awk -v o="$1" -v c="$2" '$1 == o { print $c }' "$LOG/peers.txt"; }

# row LABEL QD TW FLOOR BAR KIND [LIMIT] — KIND: floor (QD ≤ LIMIT× FLOOR),
# ms (QD < LIMIT), tw (QD×LIMIT ≤ TW and QD ≤ 1.5× FLOOR), none
row() {
	awk -v label="$1" -v q="$2" -v t="$3" -v f="$4" -v bar="$5" -v kind="$6" -v lim="${7:-0}" -v src="$8" \
	    -v u="${UNIT:-ms}" -v was="${WAS:-—}" 'BEGIN {
		d = "—"
		if (q == "" || q == "-") { printf "| %s | %s | not measured (%s) | | | %s | — |\n", label, was, src, bar; exit }
		if (t == "" || t == "-") t = d
		if (f == "" || f == "-") f = d
		qs = q " " u; ts = (t == d) ? d : t " " u; fs = (f == d) ? d : f " " u
		if (kind == "floor" && f != d) {
			r = q / f; ok = r <= lim
			fs = fs sprintf(" (%.2f×)", r)
		} else if (kind == "ms") {
			ok = q + 0 < lim
			if (f != d) fs = fs sprintf(" (%.2f×)", q / f)
		} else if (kind == "tw") {
			ok = 1
			if (t != d) { ts = ts sprintf(" (%.0f×)", t / q); ok = t / q >= lim }
			if (f != d) { fs = fs sprintf(" (%.2f×)", q / f); ok = ok && q / f <= 1.5 }
		} else if (kind == "mb") {
			qs = q " MB"; fs = (f == d) ? d : f " MB"; ok = q + 0 <= lim
		} else {
			ok = -1
		}
		printf "| %s | %s | %s | %s | %s | %s | %s |\n", label, was, qs, ts, fs, bar, ok < 0 ? "—" : ok ? "met" : "**missed**"
	}'
	WAS=   # one row's own (an assignment before a function call may outlive it)
}

P=$LOG/print.log
S=$LOG/startup.log
U=$LOG/tui.log
I=$LOG/io.log
G=$LOG/pg.log
RUN=$LOG/run.txt
rv() { [ -f "$RUN" ] && awk -v k="$1" -v c="$2" '$1 == k { print $c }' "$RUN"; }

echo "## Issue 10: today's figures (this run; medians of interleaved runs, wall ms)"
echo
# WAS: the issue's own figure for the row, when it was filed (its table)
echo "| operation | issue (when filed) | qingdan | Taskwarrior | floor | bar | met? |"
echo "|---|---|---|---|---|---|---|"
for o in list add done count; do
	case $o in
	list) l="per-person list (50k)" WAS="44 ms" ;;
	add) l="add an item (50k)" WAS="41 ms" ;;
	done) l="mark one done (50k)" WAS="44 ms" ;;
	count) l="count (50k: stats / task count)" WAS="—" ;;
	esac
	row "$l" "$(peer $o 2)" "$(peer $o 3)" "$(peer $o 4)" "≥ 100× TW, ≤ 1.5× floor" tw 100 peers.log
done
WAS=—
for o in list add done count; do
	row "… $o, CPU time (user + system)" "$(peer $o 5)" "$(peer $o 6)" "$(peer $o 7)" "≥ 100× TW, ≤ 1.5× floor" tw 100 peers.log
done
# print --all: qingdan and the floor from print.sh's interleaved rounds;
# Taskwarrior's one `task export` interleaved with qingdan in peers.sh
ALL=$(num "$P" 's/^ *qingdan print --all (text) *\([0-9.]*\).*/\1/p')
ALLF=$(num "$P" 's/^ *floor: sqlite3, the same per-person queries *\([0-9.]*\).*/\1/p')
WAS="37–42 s" row "print every person's checklist (50k, 200 people)" "$ALL" "$(peer print 3)" "$ALLF" "≤ 1.5× floor" floor 1.5 print.log
[ -z "$(peer print 2)" ] || row "… qingdan beside task export (peers.sh)" "$(peer print 2)" "$(peer print 3)" "" "— (TW: export only, no grouping)" none 0 peers.log
for who in owner lead; do
	block() { [ -f "$P" ] && sed -n "/print --person on L, the $who /,/pdf/p" "$P"; }
	T=$(block | sed -n 's/^ *qingdan print --person (text) *\([0-9.]*\).*/\1/p' | head -n 1)
	F=$(block | sed -n 's/^ *floor: sqlite3, the same query *\([0-9.]*\).*/\1/p' | head -n 1)
	D=$(block | sed -n 's/^ *qingdan print --person --format pdf *\([0-9.]*\).*/\1/p' | head -n 1)
	n=$(block | sed -n 's/.*(\([0-9]*\) items this year).*/\1/p' | head -n 1)
	WAS=$([ $who = owner ] && echo "330 ms" || echo "—") \
	row "print --person text, L, the $who ($n items)" "$T" "" "$F" "< 20 ms" ms 20 print.log
	row "print --person PDF, L, the $who" "$D" "" "" "< 150 ms" ms 150 print.log
done
WAS="544 ms" row "stats --by person, L" "$(rv stats 2)" "" "$(rv stats 3)" "< 100 ms" ms 100 run.log
row "item list --owner, L" "$(rv owner 2)" "" "$(rv owner 3)" "≤ 1.5× floor" floor 1.5 run.log
WAS="438 ms" row "item list --search, broad 3+ chars, L (all of 2026)" "$(rv search 2)" "" "$(rv search 3)" "≤ 1.5× floor" floor 1.5 run.log
WAS="166 MB" row "peak RSS of a 166k-row search, table / tsv" "$(rv rss_table 2)" "" "$(rv rss_tsv 2)" "memory flat (≤ 30 MB)" mb 30 run.log
# the TUI's first page of a broad search: the busiest lead's checklist
SB=$LOG/run.log
SP=$(num "$SB" '/search .*broad.*checklist\|search .*checklist.*broad/s/.*first page.*median \([0-9.]*\) ms.*/\1/p')
[ -n "$SP" ] || SP=$(num "$SB" '/checklist/s/^search .*first page.*median \([0-9.]*\) ms.*/\1/p')
row "TUI first page of a broad search, busiest lead's checklist (in process)" "$SP" "" "" "< 50 ms" ms 50 "run.log, search_bench"
FS=$(num "$U" 's/^tui first screen.*median \([0-9.]*\) ms.*/\1/p')
FSF=$(num "$U" 's/^tui first screen.*floor: sqlite3 first-page query \([0-9.]*\) ms.*/\1/p')
row "TUI first screen, L" "$FS" "" "$FSF" "< 25 ms" ms 25 tui.log
PV=$(num "$U" 's/^tui key -> screen, people view:.*worst \([0-9.]*\) ms.*/\1/p')
WAS="58 ms" row "people view key, worst of 200 PgDn, L" "$PV" "" "" "< 16 ms" ms 16 tui.log
BL=$(num "$U" 's/^tui key -> screen, checklist of the busiest lead:.*worst \([0-9.]*\) ms.*/\1/p')
row "checklist of the busiest lead key, worst, L" "$BL" "" "" "< 16 ms" ms 16 tui.log
H=$(num "$S" 's/^ *qingdan help *\([0-9.]*\).*/\1/p')
HF=$(num "$S" 's/^ *sqlite3 DB "select 1" (floor) *\([0-9.]*\).*/\1/p')
WAS="27 ms" row "cheapest command (qingdan help)" "$H" "" "$HF" "≤ 1.3× sqlite3 'select 1'" floor 1.3 startup.log
IMP=$(num "$I" 's/^ *qingdan import (model, audit per row) *\([0-9.]*\) s.*/\1/p')
BARE=$(num "$I" 's/^ *bare prepared insert (32 MiB cache) *\([0-9.]*\) s.*/\1/p')
IN=$(num "$I" 's/^== import \([0-9]*\) rows.*/\1/p')
UNIT=s
row "import ${IN:-?} rows" "$IMP" "" "$BARE" "≤ 1.5× a bare prepared insert" floor 1.5 io.log
UNIT=ms
for what in "item list --owner" "stats --by person"; do
	line=$([ -f "$G" ] && grep "^$what" "$G" | head -n 1)
	PQ=$(echo "$line" | sed -n 's/.*PostgreSQL *\([0-9.]*\) ms.*/\1/p')
	PF=$(echo "$line" | sed -n 's/.*× psql \([0-9.]*\)).*/\1/p')
	SQ=$(echo "$line" | sed -n 's/.*SQLite *\([0-9.]*\) ms.*/\1/p')
	row "$what on PostgreSQL, M (SQLite: ${SQ:-?} ms)" "$PQ" "" "$PF" "— (none set; floor: psql)" none 0 pg.log
done
echo
[ -z "$HF" ] || echo "How loaded the machine was: \`sqlite3 DB 'select 1'\` took $HF ms here, 9 ms in the issue's" \
	"quiet measurement ($(awk -v a="$HF" 'BEGIN { printf "%.0f", a / 9 }')×); the bars in ms assume a quiet machine," \
	"the ratios hold under load.  Load average now: $(cut -d' ' -f1-3 /proc/loadavg)."
echo "Wall medians; CPU rows from bench/run1's wait4.  Ratios in brackets: ×TW is TW / qingdan, ×floor"
echo "qingdan / floor.  Details, p90s and the runs behind each row: $LOG/*.log."

echo
echo "## The libraries"
echo
echo "ldd $QD:"
ldd "$QD" | sed 's/ (0x[0-9a-f]*)//; s/^[[:space:]]*/    /'
if [ -s "$L" ]; then
	who=$(sqlite3 -readonly "$L" "SELECT owner_id FROM item LIMIT 1")
	echo "loaded by a plain \`qingdan item list --owner #$who\` on L (LD_DEBUG=libs, in the order initialised):"
	LD_DEBUG=libs "$QD" --db "$L" --today 2026-06-30 item list --owner "#$who" 2>&1 >/dev/null |
		sed -n 's/.*calling init: /    /p'
	t=$(mktemp -d "${TMPDIR:-/tmp}/qd-table.XXXXXX")
	n=$(XDG_STATE_HOME=$t LD_DEBUG=libs "$QD" --db "$L" --today 2026-06-30 print --person "#$who" \
		--format pdf -o "$t/p.pdf" 2>&1 >/dev/null | grep -c 'calling init:')
	rm -rf "$t"
	echo "(\`print --person #$who --format pdf\`, which dlopen()s the print module: $n libraries initialised)"
fi
