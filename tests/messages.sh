# tests/messages.sh — what the command line says (issue 8 item 9): numbers
# in the right slots in both languages, no doubled words, field labels and
# names instead of keys and ids, one message for every bad id, `show` in
# every format, --help, and the rule that a usage error or a reading
# command never creates a database file (DESIGN §5).
. "$(dirname "$0")/lib.sh"

# two demo files of their own (a copy made with cp would share the first's
# audit anchor and, once both are written, be refused as a rolled-back log)
demo_db en
EN=$DB
demo_db
# ---- year copy: the numbers where the sentence says ----
run qd year copy 2026 2027
LISTS=$(dbsql "SELECT count(*) FROM list WHERE year = 2027")
ITEMS=$(dbsql "SELECT count(*) FROM item i JOIN list l ON l.id = i.list_id WHERE l.year = 2027")
check "year copy: lists and items differ (the test can see a swap)" [ "$LISTS" != "$ITEMS" ]
check "year copy zh: numbers in their slots" is "$OUT" "已从 2026 年复制 $LISTS 张清单、$ITEMS 项事项到 2027 年"
run "$QD" --today "$TODAY" --db "$EN" --lang en year copy 2026 2028
check "year copy en: numbers in their slots" is "$OUT" "copied $LISTS lists with $ITEMS items from 2026 to 2028"

# ---- a status label composed into a sentence ----
DONE=$(qd item list --status done --format tsv | sed -n 2p | cut -f1)
run qd item set "$DONE" --content "改"
check "closed item refused" is "$RC" 1
check "closed item: the status in its slot" has "$ERR" "当前为“已销号”，不能再修改"
check "closed item: no doubled 已" hasnt "$ERR" "已已"

# ---- field labels and names, not keys and ids ----
ID=$(qd item add --org 党组 --content "标签测试事项" --owner 周海燕)
qd item set "$ID" --owner 李红梅 --due 2026-09-01
run qd item set "$ID" --content "stale" --if-version 1
check "stale edit: labels and names" has "$ERR" "完成时限：（无） → 2026-09-01；责任人：周海燕 → 李红梅"
check "stale edit: no keys" hasnt "$ERR" "owner_id"
run qd audit list --entity item --id "$ID"
check "audit list table: labels" has "$OUT" "完成时限：（无） → 2026-09-01；"
check "audit list table: the list by name" has "$OUT" "清单：2026 党组；"
check "audit list table: the entity by name" has "$OUT" "事项"
check "audit list table: no JSON" hasnt "$OUT" '{"'
run qd audit list --entity item --id "$ID" --format tsv
check "audit list tsv keeps the data" has "$OUT" '"owner_id":['
run qd person add ""
check "blank name: says 姓名" has "$ERR" "姓名"
check "blank name: no English key" hasnt "$ERR" "name"
dbcopy t
(DB=$COPY && dbsql "UPDATE item SET content = '篡改' WHERE id = 3")
run "$QD" --db "$COPY" audit verify
check "verify names the record in Chinese" has "$ERR" "事项 #3 在 qingdan 之外被修改"

# ---- invalid ids: one message for every command ----
for bad in '#0' '-1' '1abc' '#' '99999999999999999999' '0'; do
	for cmd in "item show" "item set" "item note" "item delete" "pledge show" "pledge issue" \
		"pledge sign" "pledge void" "pledge print" "audit list --id"; do
		case $cmd in
		"item set") run qd $cmd "$bad" --status done ;;
		"item note") run qd $cmd "$bad" "纪实" ;;
		"pledge void") run qd $cmd "$bad" --reason x ;;
		*) run qd $cmd "$bad" ;;
		esac
		check "$cmd $bad: usage error" is "$RC" 2
		check "$cmd $bad: says invalid id" has "$ERR" "无效的编号“$bad”：应为正整数，如 12 或 #12"
		check "$cmd $bad: not an extra argument" hasnt "$ERR" "多余的参数"
	done
done
run qd item add --org "" --content x
check "empty --org: refused, no crash" is "$RC" 1
run qd person set "" --post x
check "empty WHO: refused, no crash" is "$RC" 1
run qd --lang en item show -1
check "invalid id in English" has "$ERR" 'invalid id "-1": give a positive whole number such as 12 or #12'
run qd item show '#3' --format tsv
check "#ID accepted" is "$RC" 0
run qd item set 3 --if-version x --content y
check "bad --if-version says version" has "$ERR" "版本号“x”无效"
run qd person set '#1' --admin maybe
check "bad yes/no says which option" has "$ERR" "--admin 的值“maybe”无效"
run qd stats --by planet
check "bad --by names the choices" has "$ERR" "org, person, category"

# ---- show in every format ----
qd item note 3 "第三季度已召开" >/dev/null
run qd item show 3 --format json
check "item show json exit 0" is "$RC" 0
printf '%s' "$OUT" > "$T/show.json"
check "item show json: one object" is "$(sqlite3 :memory: "select json_type(readfile('$T/show.json'))")" object
check "item show json: list columns" is "$(sqlite3 :memory: "select json_extract(readfile('$T/show.json'), '\$.id') || '|' || json_extract(readfile('$T/show.json'), '\$.owner') || '|' || json_extract(readfile('$T/show.json'), '\$.status')")" "3|周海燕|in_progress"
check "item show json: detail fields" is "$(sqlite3 :memory: "select json_extract(readfile('$T/show.json'), '\$.due_text') || '|' || (json_extract(readfile('$T/show.json'), '\$.measures') <> '')")" "每季度|1"
check "item show json: notes an array" is "$(sqlite3 :memory: "select json_type(readfile('$T/show.json'), '\$.notes') || '|' || json_extract(readfile('$T/show.json'), '\$.notes[#-1].text')")" "array|第三季度已召开"
run qd item show 3 --format tsv
check "item show tsv: header + one row" is "$(printf '%s\n' "$OUT" | wc -l)" 2
check "item show tsv: header like item list" has "$(printf '%s\n' "$OUT" | head -1)" "$(printf 'id\torg\tyear\tseq\tcategory\tcontent\towner\tlead\tdue\tstatus\tflags\tmeasures')"
check "item show tsv: the row" has "$(printf '%s\n' "$OUT" | sed -n 2p)" "$(printf '3\t党组\t2026\t3\t')"
run qd item show 3 --format csv
check "item show csv header" has "$(printf '%s\n' "$OUT" | head -1)" "id,org,year,seq,category,content,owner,lead,due,status,flags"
run qd item show 3
check "item show table stays text" has "$OUT" "责任人：周海燕"
run qd pledge show 1 --format json
printf '%s' "$OUT" > "$T/pshow.json"
check "pledge show json: one object" is "$(sqlite3 :memory: "select json_type(readfile('$T/pshow.json')) || '|' || json_extract(readfile('$T/pshow.json'), '\$.id') || '|' || (length(json_extract(readfile('$T/pshow.json'), '\$.body')) > 10)")" "object|1|1"
run qd pledge show 1 --format tsv
check "pledge show tsv: header + one row" is "$(printf '%s\n' "$OUT" | wc -l)" 2
check "pledge show tsv header" has "$(printf '%s\n' "$OUT" | head -1)" "$(printf 'id\tyear\ttitle\tissuer\tsigner')"
run qd item show 999999 --format json
check "show json of a missing item: exit 1, nothing on stdout" [ "$RC" = 1 ] && [ -z "$OUT" ]

# ---- --help: usage on stdout, exit 0, nothing opened ----
NF=$T/nofile/q.db
# every command qingdan help lists (so a new command is covered by itself)
COMMANDS=$("$QD" help | sed -n 's/^  qingdan \([a-z]*\)\( [a-z][a-z]*\)\{0,1\}.*/\1\2/p' | sed 's/ *$//')
printf '%s\n' "$COMMANDS" > "$T/commands"
while IFS= read -r cmd; do
	run "$QD" --db "$NF" $cmd --help
	check "$cmd --help: exit 0" is "$RC" 0
	check "$cmd --help: usage on stdout" has "$OUT" "用法： qingdan $cmd"
	check "$cmd --help: nothing created" [ ! -e "$T/nofile" ]
	run "$QD" --db "$NF" $cmd --no-such-option
	check "$cmd bad option: exit 2" is "$RC" 2
	check "$cmd bad option: nothing created" [ ! -e "$T/nofile" ]
done < "$T/commands"
check "qingdan help lists the commands" [ "$(wc -l < "$T/commands")" -ge 30 ]
# the man page documents every command qingdan help lists
MAN=$(dirname "$0")/../qingdan.1
while IFS= read -r cmd; do
	check "man page has $cmd" grep -q -- "$cmd" "$MAN"
done < "$T/commands"

# ---- a reading command on a missing file: says so, creates nothing ----
mkdir -p "$T/empty"
NF=$T/empty/q.db
for cmd in "item list" "item show 1" "item set 1 --status done" "item note 1 x" "item delete 1" \
	"org list" "person list" "person set #1 --post x" "stats" "audit list" "audit verify" \
	"setting" "setting unit_name" "export" "print --all" "backup $T/b.db" "year copy 2026 2027" \
	"pledge list" "pledge show 1" "pledge progress" "pledge issue 1" "pledge print 1" \
	"import $T/none.csv --dry-run"; do
	run "$QD" --db "$NF" $cmd
	check "$cmd on a missing file: exit 1" is "$RC" 1
	check "$cmd on a missing file: says so" has "$ERR" "数据库文件 $NF 不存在；先运行 qingdan init"
	check "$cmd on a missing file: nothing created" is "$(ls -A "$T/empty")" ""
done
check "backup of a missing file wrote nothing" [ ! -e "$T/b.db" ]
for cmd in "item add --content x" "item add --org 党组 --content x --due 2026-02-30" "org add X --level bogus" \
	"setting colour red" "setting due_soon_days soon" "init --demo extra"; do
	run "$QD" --db "$NF" $cmd
	check "$cmd: usage error creates nothing" is "$(ls -A "$T/empty")" ""
done
run "$QD" --db "$NF" --lang en item list
check "missing file in English" has "$ERR" "database file $NF does not exist; run qingdan init first"
run "$QD" --db "$NF" item add --org 党组 --content "第一项"
check "the first write creates the file" [ -f "$NF" ]
run "$QD" --db "$NF" item list --format tsv
check "...and it holds the item" has "$OUT" 第一项

# ---- a reader opens read-only: not a byte of the file changes ----
if sqlite_only "readers leave the file byte for byte the same; WAL"; then
	demo_db ro
	sqlite3 "$DB" "PRAGMA journal_mode=DELETE" >/dev/null
	cp "$DB" "$T/ro.orig"
	for cmd in "item list" "item show 3 --format json" "stats --by person" "audit verify" "export" \
		"pledge list" "org list" "person list" "setting" "audit list"; do
		run "$QD" --db "$DB" --today "$TODAY" $cmd
		check "$cmd on a file: reads it" is "$RC" 0
		check "$cmd: the file is byte for byte the same" cmp -s "$DB" "$T/ro.orig"
	done
	check "readers left the journal mode alone" is "$(sqlite3 "$DB" "PRAGMA journal_mode")" delete
	run "$QD" --db "$DB" --today "$TODAY" item note 3 "写入者"
	check "a writer still opens read-write (WAL)" is "$(sqlite3 "$DB" "PRAGMA journal_mode")" wal
fi

finish
