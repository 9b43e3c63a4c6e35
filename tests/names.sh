# tests/names.sh — clean text in, clean text out (issue 8 §5–6): every
# argument checked as UTF-8, names in one normal form, search folded the
# same way, bidi controls balanced on the terminal, homonyms named by post
# or branch, person merge.
. "$(dirname "$0")/lib.sh"

RLO=$(printf '\342\200\256')   # U+202E
PDF=$(printf '\342\200\254')   # U+202C
ZWSP=$(printf '\342\200\213')
count() { printf '%s\n' "$1" | grep -c "$2"; }

# ---- bad bytes are refused, naming the argument; nothing is written ----
demo_db
PEOPLE=$(qd person list --format tsv | wc -l)
run qd person add "$(printf '\377\376')"
check "bad bytes in a name: usage error" is "$RC" 2
check "…naming the argument (as typed, --db and --today counted)" has "$ERR" "第 7 个参数"
check "…as not UTF-8" has "$ERR" "不是有效的 UTF-8"
run qd item add --org 党组 --content 内容 --owner "$(printf '\351\x31')"
check "bad bytes in an option value: exit 2" is "$RC" 2
check "…naming the option" has "$ERR" "（--owner 之后）"
run qd --lang en item note 3 "$(printf 'ok \300\257')"
check "overlong form refused too" is "$RC" 2
check "…in English" has "$ERR" "argument 10 \"ok "
check "nothing was added" is "$(qd person list --format tsv | wc -l)" "$PEOPLE"
run qd export --format json -o "$T/all.json"
check "the export stays valid JSON" is "$(sqlite3 :memory: "select json_valid(readfile('$T/all.json'))")" 1

# ---- names in normal form ----
run qd person add " 阿卜杜${ZWSP}$(printf '\343\203\273')热合曼$(printf '\343\200\200')" --post 科员
ABD=$OUT
check "a look-alike name is added" is "$RC" 0
run qd person list --format tsv
check "…stored with one middle dot, no invisible characters, trimmed" has "$OUT" "$(printf '%s\t阿卜杜·热合曼\t科员' "$ABD")"
run qd item add --org 党组 --content 民族团结进步宣传 --owner "阿卜杜$(printf '\342\200\242')热合曼"
check "found by another dot" is "$RC" 0
run qd person add "$(printf '\343\200\200\342\200\213 ')"
check "a blank name is refused" is "$RC" 1
check "…saying so" has "$ERR" "不能为空"
run qd person add "王$(printf '\343\200\200')伟" --post 科员
check "王　伟 (padding) is 王伟, a third one" is "$RC" 0
check "…stored as 王伟" has "$(qd person list --format tsv)" "$(printf '%s\t王伟\t科员' "$OUT")"

# ---- homonyms: the README's short forms, and the candidates given back ----
demo_db
run qd item add --org 党组 --content 甲 --owner 王伟（副局长） --lead "王伟(第三党支部)"
check "王伟（副局长） / 王伟(第三党支部) resolve" is "$RC" 0
run qd item show "$OUT"
check "…owner #4 and lead #28" has "$OUT" "责任人：王伟"
run qd item list --owner 王伟（第二党支部） --format tsv
check "item list --owner 王伟（第二党支部）" has "$OUT" "$(printf '\t甲\t王伟\t王伟\t')"
run qd item add --org 党组 --content 乙 --owner 王伟
check "plain 王伟 is ambiguous" is "$RC" 1
CANDS=${ERR#*请用编号指定：}
n=0
printf '%s\n' "$CANDS" | sed 's/；/\n/g' > "$T/cands"
while IFS= read -r c; do
	n=$((n + 1))
	want=${c%% *}
	run qd item add --org 党组 --content "候选$n" --owner "$c"
	run qd item list --owner "$want" --format tsv
	check "candidate $n ($want) given back names exactly that person" has "$OUT" "$(printf '\t候选%s\t' "$n")"
done < "$T/cands"
check "two candidates were listed" is "$n" 2
run qd pledge add --title 责任书 --issuer 赵立新 --signer 王伟（数据管理处）
check "pledge --signer 王伟（数据管理处）" is "$RC" 0
run qd item add --org 党组 --content 丙 --owner 王伟（局长助理）
check "no 王伟 fits: refused" is "$RC" 1
check "…listing who is called so" has "$ERR" "#28 王伟（组织委员、数据管理处副处长·机关第三党支部（政策法规））"
run qd item add --org 党组 --content 丁 --owner "#4 李红梅"
check "an id with another name: refused" is "$RC" 1
check "…saying whose id it is" has "$ERR" "#4 是“王伟”"

# ---- import: the short forms resolve, nobody new is added ----
PEOPLE=$(qd person list --format tsv | wc -l)
printf '组织,责任内容,责任人,牵头领导\n党组,导入一,王伟（副局长）,王伟（第三党支部）\n党组,导入二,王伟(第二党支部),王伟(组织委员)\n' > "$T/homonyms.csv"
run qd import "$T/homonyms.csv"
check "import of 王伟（…） forms" is "$RC" 0
check "…adds no one" is "$(qd person list --format tsv | wc -l)" "$PEOPLE"
check "…and no 王伟（副局长） person" hasnt "$(qd person list --format tsv)" "王伟（"
run qd item list --owner '#4' --format tsv
check "…rows on #4" has "$OUT" "导入二"

# ---- search folds query and content alike ----
run qd item add --org 党组 --content "$(printf 'Cafe\314\201读书会')"
check "content with a combining accent" is "$RC" 0
run qd item list --search "$(printf 'Caf\303\251')" --format tsv
check "Café (precomposed) finds Cafe+U+0301" has "$OUT" "读书会"
run qd item list --search "$(printf 'f\303\251')" --format tsv
check "…also by the 2-character path" has "$OUT" "读书会"
run qd item show "$(printf '%s\n' "$OUT" | tail -1 | cut -f1)"
check "content kept as written" has "$OUT" "$(printf 'Cafe\314\201读书会')"

# ---- bidi controls never leave a cell open ----
demo_db bidi
run qd item add --org 党组 --content "开展${RLO}警示教育" --owner 刘洋
check "content with U+202E is kept" is "$RC" 0
dbsql "UPDATE person SET name = '刘' || char(0x202E) || '洋' WHERE name = '刘洋'" \
	"UPDATE person SET name = '刘' || chr(8238) || '洋' WHERE name = '刘洋'"
run qd item list
check "item list: an RLO in a name or content…" [ "$(count "$OUT" "$RLO")" -ge 2 ]
check "…is closed in its own cell" is "$(count "$OUT" "$RLO")" "$(count "$OUT" "$RLO[^ ]*$PDF ")"
run qd print --person '#10' --format text
check "text print: RLO present" [ "$(count "$OUT" "$RLO")" -ge 1 ]
check "…closed on its line, inside the cell" is "$(count "$OUT" "$RLO")" "$(count "$OUT" "$RLO[^|]*$PDF")"
run qd item list --format tsv
check "tsv to a file keeps the data exact" hasnt "$OUT" "$PDF"

# ---- person merge ----
demo_db merge
run qd person add "王伟$ZWSP" --post 组织委员 --org 机关第三党支部（政策法规）
DUP=$OUT
dbsql "SELECT 1" >/dev/null
run qd item add --org 党组 --content 重复者的事项 --owner "#$DUP" --lead "#$DUP"
run qd pledge add --title 责任书 --issuer 赵立新 --signer "#$DUP"
run qd person merge '#28' "#$DUP"
check "merge: done" is "$RC" 0
check "…says how many records moved" has "$OUT" "的 2 条记录并入 #28"
run qd item list --owner '#28' --format tsv
check "…the item is #28's now" has "$OUT" "重复者的事项"
check "…the duplicate is inactive" has "$(qd person list --format tsv)" "$(printf '%s\t王伟\t组织委员\t机关第三党支部（政策法规）\t\t0\t0' "$DUP")"
run qd audit list --entity item --format tsv
check "…each move audited" has "$OUT" "$(printf '\tmerge\titem\t')"
run qd audit verify
check "…audit verify passes" is "$RC" 0
run qd person merge '#28' '#28'
check "merge into itself: refused" is "$RC" 1
check "…saying why" has "$ERR" "不能把人员并入其本人"
run qd person merge '#28'
check "merge needs two people" is "$RC" 2
run qd person merge '#28' 谁也不是
check "merge of no one: refused" is "$RC" 1

finish
