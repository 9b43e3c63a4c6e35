#!/bin/sh
# tests/collate.sh — Chinese order and pinyin lookup (issue 13 item 2,
# collate.h): `person list` of the demo in pinyin order, `setting
# name_order stroke` for 姓氏笔画, --owner by initials or pinyin (ambiguity
# listed), an older file's people keyed at open, and the module
# qingdan-icu.so: linked by nothing else, loaded only to write a name;
# without it names are still written, with a warning.
. "$(dirname "$0")/lib.sh"
BUILD=${QD_BUILD:-$(pwd)/build}
ELF=$BUILD/qingdan
SO=$BUILD/qingdan-icu.so
names() { qd person list --format tsv | sed 1d | cut -f2 | head -"$1" | tr '\n' ' ' | sed 's/ $//'; }
demo_db

# ---- pinyin order (by hand: a yi gu li, cai, cao, chen, deng, dong, feng,
# gao, guo, han, he, hu, huang, jiang, li, lin, liu, luo, ma, ou yang) ----
check "person list: the demo people in pinyin order" is "$(names 20)" \
	"阿依古丽·买买提 蔡明亮 曹阳 陈晓东 邓国庆 董雪梅 冯超 高峰 郭佳 韩磊 何雪 胡斌 黄志刚 蒋秀英 李红梅 林涛 刘洋 罗文 马俊 欧阳娜娜"
check "…homonyms by id, 芳 before 伟, 徐 xú before 许 xǔ" \
	has "$(names 42)" "王芳 王伟 王伟 韦桂兰 吴敏 谢婷 徐丽 许诺 杨静 袁淑珍 赵立新 郑国强 周海燕 朱晓燕"
check "…the homonyms in id order" \
	is "$(qd person list --format tsv | awk -F'\t' '$2 == "王伟" { print $1 }' | tr '\n' ' ')" "4 28 "
run qd stats --by person --format tsv
check "stats --by person: in pinyin order too" \
	is "$(printf '%s\n' "$OUT" | sed 1d | cut -f2 | head -3 | tr '\n' ' ')" "陈晓东 冯超 高峰 "

# ---- stroke order ----
run qd setting name_order stroke
check "setting name_order stroke: done" is "$RC" 0
check "person list: by strokes (马 3, 王 4, 韦 4, 冯 5, 田 5)" is "$(names 7)" "马俊 王伟 王伟 王芳 韦桂兰 冯超 田甜"
run qd setting name_order
check "…the setting reads back" is "$OUT" stroke
check "…audited as the setting change" has "$(qd audit list --format tsv | tail -1)" "name_order"
run qd setting name_order bihua
check "a bad order: usage error" is "$RC" 2
check "…saying what is allowed" has "$ERR" "pinyin"
check "…nothing changed" is "$(qd setting name_order)" stroke
run qd setting name_order pinyin
check "back to pinyin" is "$(names 3)" "阿依古丽·买买提 蔡明亮 曹阳"
run qd help setting
check "help setting names name_order" has "$OUT$ERR" "name_order"

# ---- lookup by initials and pinyin ----
run qd item list --owner zgq --format tsv
check "--owner zgq: 郑国强's items" is "$RC" 0
check "…all his" is "$(printf '%s\n' "$OUT" | sed 1d | cut -f7 | sort -u)" "郑国强"
check "…as many as by name" \
	is "$(printf '%s\n' "$OUT" | wc -l)" "$(qd item list --owner 郑国强 --format tsv | wc -l)"
run qd item list --owner Zheng --format tsv
check "--owner Zheng (pinyin prefix, any case)" is "$(printf '%s\n' "$OUT" | sed 1d | cut -f7 | sort -u)" "郑国强"
run qd item list --owner "zhao li xin" --format tsv
check "--owner 'zhao li xin' (with spaces)" is "$(printf '%s\n' "$OUT" | sed 1d | cut -f7 | sort -u)" "赵立新"
run qd item list --owner ww
check "--owner ww: ambiguous" is "$RC" 1
check "…lists #4" has "$ERR" "#4 王伟"
check "…and #28" has "$ERR" "#28 王伟"
run qd item list --owner qqq
check "--owner qqq: no one" is "$RC" 1
run qd item add --org 党组 --content 拼音指派 --owner zlx
check "item add --owner zlx" is "$RC" 0
check "…owned by 赵立新" has "$(qd item show "$OUT" 2>&1)" "赵立新"

# ---- a new name, a rename: keys written with it ----
run qd person add 艾青 --post 科员
AI=$OUT
check "a new person in its place (阿 a before 艾 ai)" is "$(names 3)" "阿依古丽·买买提 艾青 蔡明亮"
run qd person set "#$AI" --name 祖冲之
check "renamed: now last" is "$(qd person list --format tsv | tail -1 | cut -f2)" "祖冲之"
check "…found by its new initials" has "$(qd item list --owner zcz 2>&1; echo rc=$?)" "rc=0"

# ---- an older file: people without keys get them at open ----
dbsql "UPDATE person SET sort_key = '', pinyin = '', initials = '';
       INSERT INTO upgrade_task VALUES ('person_sort_keys');"
check "keys gone behind qingdan's back" is "$(dbsql "SELECT count(*) FROM person WHERE sort_key <> ''")" 0
run qd setting unit_name 示范单位
check "an open that may write" is "$RC" 0
check "…keyed every person" is "$(dbsql "SELECT count(*) FROM person WHERE sort_key = '' OR initials = ''")" 0
check "…the task done" is "$(dbsql "SELECT count(*) FROM upgrade_task")" 0
check "…pinyin order again" is "$(names 3)" "阿依古丽·买买提 蔡明亮 曹阳"
check "…pinyin stored" is "$(dbsql "SELECT pinyin || '/' || initials FROM person WHERE name = '欧阳娜娜'")" "ou yang na na/oynn"

# ---- the module ----
needed=$(readelf -d "$ELF" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | tr '\n' ' ')
check "program: does not link ICU ($needed)" hasnt "$needed" "libicu"
so_needed=$(readelf -d "$SO" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | tr '\n' ' ')
check "module: links libicui18n" has "$so_needed" "libicui18n"
check "module: exports its entry point only" \
	is "$(nm -D --defined-only "$SO" | awk '$2 == "T" { print $3 }')" qingdan_collate_plugin
check "item list maps no ICU" \
	is "$(LD_DEBUG=files "$ELF" --today "$TODAY" --db "$DB" item list 2>&1 >/dev/null |
		grep -cE 'file=(libicu|qingdan-icu)')" 0
check "person list maps no ICU" \
	is "$(LD_DEBUG=files "$ELF" --today "$TODAY" --db "$DB" person list 2>&1 >/dev/null |
		grep -cE 'file=(libicu|qingdan-icu)')" 0
check "person add maps the module beside the program" \
	has "$(LD_DEBUG=files "$ELF" --today "$TODAY" --db "$DB" person add 白居易 2>&1 >/dev/null)" "file=$SO"

BIN=$(qd_without_module qingdan-icu.so)
mkdir -p "$T/empty"
alone() { env QINGDAN_LIBDIR="$T/empty" "$BIN/qingdan" --today "$TODAY" --db "$DB" "$@"; }
run alone person add 薄一波
if [ "$RC" -eq 0 ] && [ -z "$ERR" ]; then
	echo "ok   (skipped: a module is installed in the compiled-in folder)"
else
	check "no module: the person is still added" is "$RC" 0
	check "…with a warning" has "$ERR" "警告"
	check "…naming the module" has "$ERR" "qingdan-icu.so"
	check "…stored without keys" is "$(dbsql "SELECT sort_key || pinyin FROM person WHERE name = '薄一波'")" ""
	check "…the task queued to fill them" is "$(dbsql "SELECT count(*) FROM upgrade_task")" 1
	run alone setting name_order stroke
	check "no module: name_order refused" is "$RC" 1
	check "…nothing changed" is "$(qd setting name_order)" pinyin
	run alone person list --format tsv
	check "no module: person list still works" is "$RC" 0
	run qd setting unit_name 示范单位二
	check "with the module again: keys filled at open" \
		is "$(dbsql "SELECT pinyin FROM person WHERE name = '薄一波'")" "bo yi bo"
fi

finish
