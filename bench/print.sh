#!/bin/sh
# bench/print.sh — print at scale (issue 10 item 4), each figure beside a
# floor run in the same rounds (bench/race.c, interleaved, median of N):
#
#   print --all, a 200-person office with 50k items this year (io_bench
#   office, kept as build/bench/office.db): qingdan writing every checklist
#   as text, against the sqlite3 CLI running the same per-person queries
#   (the people, then each person's items as owner UNION ALL as lead) and
#   writing the same rows as text — and against one ordered pass over the
#   year joined to the people, the other way to do it;
#   print --person text and pdf on L (a typical owner and the busiest
#   lead), against the sqlite3 CLI running that person's query.
# Bars: --all ≤ 1.5× the floor; --person text on L < 20 ms; pdf < 150 ms.
# The floors do not pay what qingdan must: the canonical JSON and SHA-256
# of every record printed (the 校验码, ~25% of print --all's instructions),
# the page layout, and for one person the audit row and anchor files it
# writes (5 fdatasync + 2 fsync).  print writes print rows into the L.db it
# is given: build/bench/L.db is this worktree's copy, never the shared one.
#   sh bench/print.sh     (N=5 rounds for --all, 21 for one person;
#                          PART=all or PART=person runs one half)
set -eu
cd "$(dirname "$0")/.."
make -s build/qingdan build/qingdan-print.so build/bench/io_bench build/bench/race >/dev/null
export LC_ALL=C.UTF-8 TZ=Asia/Shanghai
QD=${QD_BIN:-$PWD/build/qingdan}
B=build/bench
W=$(mktemp -d "${TMPDIR:-/tmp}/qdprint.XXXXXX")
trap 'rm -rf "$W"' EXIT
N=${N:-5}
PART=${PART:-all person}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
TODAY=2026-06-30 SOON=2026-07-14      # --today and the default due-soon window

# The per-person query of src/store_io.c (store_io_person_items), for $1.
person_sql() {
	cols="i.id, o.id AS org, i.seq AS seq, i.owner_id IS $1, i.lead_id IS $1, o.name, o.level, i.content, i.standard, coalesce(i.due, ''), i.due_text, i.status, rtrim(CASE WHEN i.due < '$TODAY' AND i.status IN ('planned','in_progress','submitted') THEN 'overdue,' ELSE '' END || CASE WHEN i.due >= '$TODAY' AND i.due <= '$SOON' AND i.status IN ('planned','in_progress','submitted') THEN 'due_soon,' ELSE '' END || CASE WHEN i.status = 'done' AND i.done_on > i.due THEN 'late,' ELSE '' END, ','), o.sort AS k"
	from="FROM item i JOIN list l ON l.id = i.list_id JOIN org o ON o.id = l.org_id WHERE +l.year = 2026 AND i.deleted_at IS NULL AND"
	echo "SELECT $cols $from i.owner_id = $1 UNION ALL SELECT $cols $from i.lead_id = $1 AND i.owner_id IS NOT $1 ORDER BY k, org, seq;"
}
PEOPLE_SQL="SELECT p.id FROM person p LEFT JOIN org o ON o.id = p.org_id WHERE p.active = 1 ORDER BY o.id IS NULL, o.sort, o.id, p.name, p.id"

# ---- print --all, 200 people, 50k items ----
case " $PART " in *" all "*)
if [ ! -s "$B/office.db" ]; then
	echo "building the office dataset (200 people, 50k items)..."
	rm -f "$B/office.db"*
	$B/io_bench office "$B/office.db" 50000 200
fi
rm -f "$W/o.db"*
"$QD" --db "$B/office.db" backup "$W/o.db" >/dev/null 2>&1
{
	echo "$PEOPLE_SQL;"
	for p in $(sqlite3 "$W/o.db" "$PEOPLE_SQL"); do person_sql "$p"; done
} >"$W/per.sql"
cat >"$W/pass.sql" <<EOF
WITH pp AS (SELECT p.id, row_number() OVER (ORDER BY po.id IS NULL, po.sort, po.id, p.name, p.id) AS k
            FROM person p LEFT JOIN org po ON po.id = p.org_id WHERE p.active = 1)
SELECT pp.k AS pk, i.id, o.id AS org, i.seq AS seq, 1, i.lead_id IS i.owner_id, o.name, o.level, i.content,
       i.standard, coalesce(i.due, ''), i.due_text, i.status, o.sort AS ok
  FROM list l JOIN item i ON i.list_id = l.id JOIN org o ON o.id = l.org_id JOIN pp ON pp.id = i.owner_id
 WHERE l.year = 2026 AND i.deleted_at IS NULL
UNION ALL
SELECT pp.k, i.id, o.id, i.seq, 0, 1, o.name, o.level, i.content, i.standard, coalesce(i.due, ''),
       i.due_text, i.status, o.sort
  FROM list l JOIN item i ON i.list_id = l.id JOIN org o ON o.id = l.org_id JOIN pp ON pp.id = i.lead_id
 WHERE l.year = 2026 AND i.deleted_at IS NULL AND i.owner_id IS NOT i.lead_id
ORDER BY pk, ok, org, seq;
EOF
rows_per=$(($(sqlite3 "$W/o.db" <"$W/per.sql" | wc -l) - 200))
rows_pass=$(sqlite3 "$W/o.db" <"$W/pass.sql" | wc -l)
echo "== print --all: 200 people, 50k items ($rows_per item rows by person; $rows_pass in one pass); $N interleaved rounds, median ms"
set -- $(build/bench/race "$N" sh -c "sqlite3 '$W/o.db' < '$W/per.sql'" -- \
	sh -c "sqlite3 '$W/o.db' < '$W/pass.sql'" -- \
	"$QD" --today $TODAY --db "$W/o.db" print --all)
per=$1 pass=$5 all=$9
[ "$4$8${12}" = 000 ] || echo "   (a run failed: exit statuses $4 $8 ${12} — its figure is no print)"
printf '   floor: sqlite3, the same per-person queries %8.0f\n' "$per"
printf '   floor: sqlite3, one ordered pass             %8.0f   (%s× the per-person queries)\n' \
	"$pass" "$(ratio "$pass" "$per")"
printf '   qingdan print --all (text)                   %8.0f   %s× floor   (bar ≤ 1.5×)\n' \
	"$all" "$(ratio "$all" "$per")"
pages=$("$QD" --today $TODAY --db "$W/o.db" print --all | tr -cd '\f' | wc -c)
echo "   ($((pages + 1)) checklists; qingdan also lays out every page and logs 200 codes over $rows_per records)"

esac

# ---- print --person on L ----
case " $PART " in *" person "*) ;; *) exit 0 ;; esac
if [ ! -s "$B/L.db" ]; then
	echo "print bench: no $B/L.db for --person (bench/run.sh makes it)"
	exit 0
fi
OWNER=$(sqlite3 "$B/L.db" "SELECT i.owner_id FROM item i JOIN list l ON l.id = i.list_id WHERE l.year = 2026 LIMIT 1 OFFSET 777")
LEAD=$(sqlite3 "$B/L.db" "SELECT i.lead_id FROM item i JOIN list l ON l.id = i.list_id WHERE l.year = 2026 AND i.lead_id IS NOT NULL GROUP BY i.lead_id ORDER BY count(*) DESC LIMIT 1")
for who in "$OWNER owner" "$LEAD lead"; do
	set -- $who
	id=$1 kind=$2
	person_sql "$id" >"$W/p.sql"
	n=$(sqlite3 "$B/L.db" <"$W/p.sql" | wc -l)
	# a copy of L would take minutes; the print codes it logs are a few rows
	set -- $(build/bench/race 21 sh -c "sqlite3 '$B/L.db' < '$W/p.sql'" -- \
		"$QD" --today $TODAY --db "$B/L.db" print --person "#$id" -- \
		"$QD" --today $TODAY --db "$B/L.db" print --person "#$id" --format pdf --force -o "$W/p.pdf")
	echo "== print --person on L, the $kind #$id ($n items this year); 21 interleaved rounds, median ms"
	[ "$4$8${12}" = 000 ] || echo "   (a run failed: exit statuses $4 $8 ${12} — its figure is no print)"
	printf '   floor: sqlite3, the same query   %7.2f\n' "$1"
	printf '   qingdan print --person (text)    %7.2f   %s× floor   (bar < 20 ms)\n' "$5" "$(ratio "$5" "$1")"
	printf '   qingdan print --person --format pdf %4.2f   (bar < 150 ms)\n' "$9"
done
