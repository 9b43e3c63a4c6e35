# tests/cli.sh — the command line of DESIGN §5 against fixture databases,
# --today pinned: every core command's success path and its refusals.
. "$(dirname "$0")/lib.sh"

# ---- init, defaults, demo ----
newdb new
run qd init
if sqlite_only "init creates the file"; then
	check "init creates the file" [ -f "$DB" ]
fi
check "init exit 0" is "$RC" 0
run qd org list --format tsv
check "new file has 党组 and 机关党委" has "$OUT" "$(printf '1\t党组\tparty-group\t\t0')"
check "机关党委 under 党组" has "$OUT" "$(printf '2\t机关党委\torgan-committee\t党组\t0')"
if sqlite_only "file mode 0660"; then
	check "file mode 0660" is "$(stat -c %a "$DB")" 660
fi
run qd init --demo
check "demo into a used file? fine when it has no items" is "$RC" 0
run qd init --demo
check "demo twice refused" is "$RC" 1

demo_db
run qd person list --format tsv
check "demo has ~40 people" [ "$(printf '%s\n' "$OUT" | wc -l)" -ge 40 ]
check "demo admin is the running user" has "$OUT" "$(printf '\t%s\t1\t1' "$(id -un)")"
run qd item list --format tsv
check "demo has ~60 items" [ "$(printf '%s\n' "$OUT" | wc -l)" -ge 60 ]
for st in planned in_progress submitted done cancelled; do
	check "demo has status $st" has "$OUT" "$(printf '\t%s\t' $st)"
done
check "demo has overdue" has "$OUT" overdue
check "demo has due_soon" has "$OUT" due_soon
check "demo has late" has "$OUT" late

# ---- item list contract ----
run qd item list --owner 周海燕 --format tsv
check "owner list header" is "$(printf '%s\n' "$OUT" | head -1)" "$(printf 'id\torg\tyear\tseq\tcategory\tcontent\towner\tlead\tdue\tstatus\tflags\tdue_text')"
check "owner list only that owner" [ -z "$(printf '%s\n' "$OUT" | tail -n +2 | awk -F'\t' '$7 != "周海燕"')" ]
check "owner list has 12 columns" [ -z "$(printf '%s\n' "$OUT" | awk -F'\t' 'NF != 12')" ]
run qd item list --format csv
check "csv header" has "$(printf '%s\n' "$OUT" | head -1)" "id,org,year,seq,category,content,owner,lead,due,status,flags"
run qd item list --format json --owner 周海燕
check "json is an array of objects" has "$OUT" '"id":3,"org":"党组","year":2026'
printf '%s' "$OUT" > "$T/list.json"
check "json valid (sqlite parses it)" is "$(sqlite3 :memory: "select json_valid(readfile('$T/list.json'))")" 1
run qd item list --overdue --format tsv
check "overdue filter" [ -z "$(printf '%s\n' "$OUT" | tail -n +2 | grep -v overdue)" ]
run qd item list --status done --format tsv
check "status filter" [ -z "$(printf '%s\n' "$OUT" | tail -n +2 | awk -F'\t' '$10 != "done"')" ]
run qd item list --status 已销号 --format tsv
check "status filter in Chinese" [ "$(printf '%s\n' "$OUT" | wc -l)" -gt 3 ]
run qd item list --search 意识形态 --format tsv
check "search (FTS trigram)" has "$OUT" 意识形态工作责任制
run qd item list --search 党费 --format tsv
check "search 2 chars (LIKE)" has "$OUT" 党费
run qd item list --org 机关党委 --format tsv
check "org filter" [ -z "$(printf '%s\n' "$OUT" | tail -n +2 | awk -F'\t' '$2 != "机关党委"')" ]
run qd item list --org 党组
check "table: 长期坚持 under 完成时限 (no date)" has "$(printf '%s\n' "$OUT" | grep 第一议题)" "长期坚持    进行中"
check "table: no due_text column" hasnt "$(printf '%s\n' "$OUT" | head -1)" 时限说明
run qd item list --org 党组 --format tsv
check "tsv: the due stays a date, due_text its own column" has "$(printf '%s\n' "$OUT" | grep 第一议题)" "$(printf '\t\tin_progress\t\t长期坚持')"
run qd item list
check "table aligns by display width" [ "$(printf '%s\n' "$OUT" | head -3 | while IFS= read -r l; do printf '%s' "$l" | awk '{print index($0, "2026")}'; done | sort -u | wc -l)" -ge 1 ]
run qd item list --format xml
check "bad format is a usage error" is "$RC" 2

# ---- people and orgs ----
run qd person add 王伟
check "add a third 王伟" is "$RC" 0
run qd item list --owner 王伟
check "ambiguous owner exit 1" is "$RC" 1
check "ambiguous lists candidates" has "$ERR" "#"
run qd item list --owner 不存在的人
check "unknown person exit 1" is "$RC" 1
check "unknown person message" has "$ERR" "不存在的人"
run qd item list --owner '#1' --format tsv
check "person by #ID" is "$RC" 0
run qd org add 测试支部 --level branch --parent 机关党委
check "org add prints id" [ "$OUT" -gt 0 ]
run qd org add 测试支部 --level branch
check "duplicate org refused" is "$RC" 1
run qd org add X --level nonsense
check "bad level usage error" is "$RC" 2
run qd person set 王伟 --post 科员
check "person set ambiguous refused" is "$RC" 1

# ---- item add / show / set / note / delete ----
run qd item add --org 测试支部 --content "测试用的独特事项甲" --owner 周海燕 --lead 赵立新 --due 2026/7/31 --category 组织建设
ID=$OUT
check "item add prints id" [ "$ID" -gt 0 ]
run qd item show "$ID"
check "show content" has "$OUT" 测试用的独特事项甲
check "show parsed date" has "$OUT" 2026-07-31
run qd item add --org 测试支部 --content x --due 2026-02-30
check "bad date refused" is "$RC" 1
check "bad date message" has "$ERR" 2026-02-30
run qd item add --org 测试支部 --content x --due 2026年3月31日
check "Chinese date accepted" is "$RC" 0
run qd item add --content x
check "missing --org usage error" is "$RC" 2
run qd item add --org 不存在 --content x
check "unknown org" is "$RC" 1
run qd item set "$ID" --status done
check "planned -> done refused" is "$RC" 1
check "invalid transition message" has "$ERR" 已销号
run qd item set "$ID" --status in_progress
check "start" is "$RC" 0
run qd item set "$ID" --status submitted
run qd item set "$ID" --status in_progress
check "reject needs a reason" is "$RC" 1
run qd item set "$ID" --status in_progress --reason "材料不全"
check "reject with reason" is "$RC" 0
run qd audit list --entity item --id "$ID" --format tsv
check "reason in the audit detail" has "$OUT" 材料不全
run qd item note "$ID" "7月5日开展主题党日，签到表存台账"
check "note" is "$RC" 0
run qd item show "$ID"
check "note shown" has "$OUT" 签到表存台账
run qd item set "$ID" --owner 李红梅 --due 2026-08-15
check "reassign and change due" is "$RC" 0
run qd item show "$ID"
check "new owner shown" has "$OUT" "责任人：李红梅"
V=$(printf '%s\n' "$OUT" | sed -n 's/^版本：\([0-9]*\).*/\1/p')
run qd item set "$ID" --content "stale" --if-version 1
check "stale edit refused" is "$RC" 1
check "stale edit shows the other change" has "$ERR" "责任人：周海燕 → 李红梅"
check "...with Chinese field labels" has "$ERR" "完成时限：2026-07-31 → 2026-08-15"
check "...and no English keys or ids" hasnt "$ERR" "_id"
run qd --lang en item set "$ID" --content "stale" --if-version 1
check "stale edit in English" has "$ERR" "owner: 周海燕 → 李红梅; "
run qd item show "$ID"
check "stale edit wrote nothing" hasnt "$OUT" stale
run qd item set "$ID" --content "测试用的独特事项乙" --if-version "$V"
check "current version accepted" is "$RC" 0
run qd item set "$ID" --status cancelled
check "cancel needs a reason" is "$RC" 1
run qd item set "$ID" --content "both" --status done
check "fields+invalid status: nothing written" is "$RC" 1
run qd item show "$ID"
check "...content unchanged" hasnt "$OUT" both
run qd item delete "$ID"
check "delete" is "$RC" 0
run qd item list --format tsv
check "deleted item hidden" hasnt "$OUT" "测试用的独特事项"
run qd item show 999999
check "unknown item" is "$RC" 1
run qd item set abc --status done
check "bad id usage" is "$RC" 2

# ---- audit ----
run qd audit verify
check "verify passes" is "$RC" 0
dbsql "UPDATE item SET content = '篡改' WHERE id = 3"
run qd audit verify
check "tampered item: verify exit 1" is "$RC" 1
check "names the record and entry" has "$ERR" "事项 #3"
dbsql "UPDATE item SET content = (SELECT json_extract(detail, '\$.content') FROM audit WHERE entity='item' AND entity_id=3 AND action='add') WHERE id = 3" \
	"UPDATE item SET content = (SELECT detail::json->>'content' FROM audit WHERE entity='item' AND entity_id=3 AND action='add') WHERE id = 3"
run qd audit verify
check "restored: verify passes" is "$RC" 0
# tamper(NAME SQL): a copy of $DB with SQL run on it behind qingdan's back, in $COPY
tamper() { dbcopy "$1"; (DB=$COPY && dbsql "$2"); }
tamper t2 "UPDATE audit SET detail = '{}' WHERE seq = 5"
run "$QD" --db "$COPY" audit verify
check "altered log entry named" has "$ERR" "5"
check "altered log exit 1" is "$RC" 1
tamper t3 "DELETE FROM audit WHERE seq = 7"
run "$QD" --db "$COPY" audit verify
check "deleted log entry found" is "$RC" 1
tamper t4 "INSERT INTO person(name) VALUES ('影子')"
run "$QD" --db "$COPY" audit verify
check "record added behind qingdan's back" has "$ERR" "人员 #"

# ---- stats agree with SQL counts (of the duty lists: the demo has 整改清单 too) ----
run qd stats --format tsv
TOTAL=$(printf '%s\n' "$OUT" | awk -F'\t' 'NR>1 {s += $3} END {print s}')
SQL=$(dbsql "SELECT count(*) FROM item i JOIN list l ON l.id=i.list_id WHERE l.year=2026 AND l.kind='duty' AND i.deleted_at IS NULL AND status <> 'cancelled'")
check "stats total = sqlite3 count of the not cancelled" is "$TOTAL" "$SQL"
COMPL=$(printf '%s\n' "$OUT" | awk -F'\t' '$2 == "党组" {print $7}')
TD=$(printf '%s\n' "$OUT" | awk -F'\t' '$2 == "党组" {printf "%d", 100 * $4 / $3 + 0.5}')
check "stats: completion = done / total (both without the cancelled)" is "$COMPL" "$TD"
DONE=$(printf '%s\n' "$OUT" | awk -F'\t' 'NR>1 {s += $4} END {print s}')
SQLD=$(dbsql "SELECT count(*) FROM item i JOIN list l ON l.id=i.list_id WHERE l.year=2026 AND l.kind='duty' AND i.deleted_at IS NULL AND status='done'")
check "stats done = sqlite3 count" is "$DONE" "$SQLD"
OVER=$(printf '%s\n' "$OUT" | awk -F'\t' 'NR>1 {s += $5} END {print s}')
SQLO=$(dbsql "SELECT count(*) FROM item i JOIN list l ON l.id=i.list_id WHERE l.year=2026 AND l.kind='duty' AND i.deleted_at IS NULL AND due < '$TODAY' AND status IN ('planned','in_progress','submitted')")
check "stats overdue = sqlite3 count" is "$OVER" "$SQLO"
run qd stats --by person --format tsv
check "stats by person" has "$OUT" 周海燕
run qd stats --by category --format tsv
check "stats by category" has "$OUT" 组织建设
run qd stats --by planet
check "stats bad --by" is "$RC" 2

# ---- settings ----
run qd setting unit_name "示范单位"
check "setting set" is "$RC" 0
run qd setting unit_name
check "setting get" is "$OUT" "示范单位"
run qd setting --format tsv
check "setting list" has "$OUT" "$(printf 'unit_name\t示范单位')"
run qd setting due_soon_days 30
run qd item list --format tsv
SOON30=$(printf '%s\n' "$OUT" | grep -c due_soon)
run qd setting due_soon_days 0
run qd item list --format tsv
SOON0=$(printf '%s\n' "$OUT" | grep -c due_soon)
check "due_soon_days changes the flag" [ "$SOON30" -gt "$SOON0" ]
qd setting due_soon_days 7 >/dev/null
run qd setting due_soon_days soon
check "bad due_soon_days usage error" is "$RC" 2
run qd setting colour red
check "unknown setting usage error" is "$RC" 2
run qd audit list --entity setting --format tsv
check "settings are audited" has "$OUT" unit_name

# ---- backup and year copy ----
run qd backup "$T/copy.db"
check "backup" is "$RC" 0
run "$QD" --db "$T/copy.db" --today "$TODAY" item list --format tsv
check "backup readable" has "$OUT" 意识形态
run qd backup "$T/copy.db"
check "backup will not overwrite" is "$RC" 1
run qd year copy 2026 2027
check "year copy" is "$RC" 0
run qd --year 2027 item list --format tsv
check "copied items planned" [ -z "$(printf '%s\n' "$OUT" | tail -n +2 | awk -F'\t' '$10 != "planned"')" ]
check "copied due moved a year" has "$OUT" 2027-
run qd year copy 2026 2027
check "year copy into a used year refused" is "$RC" 1
run qd audit verify
check "verify after everything" is "$RC" 0

# ---- files that are not ours ----
printf 'this is not a database' > "$T/junk.db"
cp "$T/junk.db" "$T/junk.orig"
run "$QD" --db "$T/junk.db" item list
check "junk file refused" is "$RC" 1
check "junk file message" has "$ERR" "不是 qingdan 数据库"
check "junk file untouched" cmp -s "$T/junk.db" "$T/junk.orig"
check "no -wal beside junk" [ ! -e "$T/junk.db-wal" ]
sqlite3 "$T/other.db" "CREATE TABLE t(x); INSERT INTO t VALUES (1);"
cp "$T/other.db" "$T/other.orig"
run "$QD" --db "$T/other.db" item list
check "foreign sqlite file refused" is "$RC" 1
check "foreign sqlite untouched" cmp -s "$T/other.db" "$T/other.orig"
if sqlite_only "a file with a newer schema (PRAGMA user_version)"; then
	cp "$DB" "$T/newer.db"
	sqlite3 "$T/newer.db" "PRAGMA user_version = 99"
	cp "$T/newer.db" "$T/newer.orig"
	run "$QD" --db "$T/newer.db" item list
	check "newer schema refused" is "$RC" 1
	check "newer schema message" has "$ERR" 99
	check "newer schema untouched" cmp -s "$T/newer.db" "$T/newer.orig"
fi

cp "$T/copy.db" "$T/cut.db"
sqlite3 "$T/cut.db" "PRAGMA journal_mode=DELETE" >/dev/null
head -c 40000 "$T/cut.db" > "$T/cut2.db"
cp "$T/cut2.db" "$T/cut2.orig"
run "$QD" --db "$T/cut2.db" item list
check "truncated file refused" is "$RC" 1
check "truncated file: says corrupt" has "$ERR" "已损坏"
check "truncated file untouched" cmp -s "$T/cut2.db" "$T/cut2.orig"

# ---- enforced mode ----
newdb perm
qd init 2>/dev/null
qd person add 张三 --org 机关党委 --login "$(id -un)" >/dev/null
qd person add 李四 --org 机关党委 >/dev/null
ITEM=$(qd item add --org 机关党委 --content "落实三会一课" --owner 张三 --lead 李四)
OTHER=$(qd item add --org 机关党委 --content "别人的事项" --owner 李四)
qd person add 管理员 --login qd-nobody-admin --admin >/dev/null
run qd item add --org 机关党委 --content x
check "non-admin may not add items" is "$RC" 1
check "refusal says why" has "$ERR" "只有管理员"
run qd item set "$ITEM" --status in_progress
check "owner may start own item" is "$RC" 0
run qd item set "$ITEM" --status submitted
check "owner may submit" is "$RC" 0
run qd item set "$ITEM" --status done
check "owner may not verify" is "$RC" 1
check "verify refusal names the lead" has "$ERR" "牵头领导"
run qd item set "$OTHER" --status in_progress
check "may not move someone else's item" is "$RC" 1
run qd item note "$OTHER" "x"
check "may not note someone else's item" is "$RC" 1
run qd item note "$ITEM" "已召开支委会"
check "may note own item" is "$RC" 0
run qd person add 某人
check "non-admin may not add people" is "$RC" 1
run qd --lang en item add --org 机关党委 --content x
check "English messages" has "$ERR" "only an admin"
run qd audit verify
check "enforced-mode database verifies" is "$RC" 0

# ---- usage ----
newdb u
run "$QD" --db "$DB" frobnicate
check "unknown command exit 2" is "$RC" 2
run "$QD" --db "$DB" item list --bogus
check "unknown option exit 2" is "$RC" 2
run "$QD" --db "$DB" --today 2026-13-01 item list
check "bad --today exit 2" is "$RC" 2
run "$QD" --db "$DB"
check "no terminal: exit 2" is "$RC" 2
check "no terminal: names subcommands" has "$ERR" "item list"
run "$QD" help
check "help lists commands" has "$OUT" "item add"

# ---- default path ----
unset QINGDAN_DB
run env XDG_DATA_HOME="$T/xdg" "$QD" init
check "XDG_DATA_HOME honoured" [ -f "$T/xdg/qingdan/qingdan.db" ]
run env XDG_DATA_HOME=relative "$QD" init
check "relative XDG ignored: ~/.local/share" [ -f "$HOME/.local/share/qingdan/qingdan.db" ]

finish
