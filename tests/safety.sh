#!/bin/sh
# tests/safety.sh — the files qingdan reads and writes (issue 8, items 2, 3
# and the CSV half of 7), through the real binary:
#  - input: /dev/zero, a FIFO, a folder, a sparse file over the cap, "-"
#    from a pipe — for pledge --body-file and import — each refused at once
#    with its message, exit 1, and nothing written to the database;
#  - output: symlinks planted at the old predictable temporary names for
#    the next few hundred pids change nothing; an existing target is
#    refused without --force and replaced with it; a symlink target is
#    replaced, never written through; a backup killed with kill -9 leaves
#    nothing at the target; outputs get the database's mode;
#  - a world-writable folder holding the database is warned about;
#  - CSV formula cells (=1+1, -5项, @某人) are neutralised on export and
#    restored on import, byte for byte.
# The database's own file (its mode, a killed backup of it, its folder)
# only on SQLite; on PostgreSQL the outputs and the refusals alike.
. "$(dirname "$0")/lib.sh"
mkdir -p "$T/tmp"
export TMPDIR="$T/tmp"     # the old code's temporaries went here
umask 007

demo_db
audits() { qd audit list --format tsv | wc -l | tr -d ' '; }
dbsum() {
	dbsql "SELECT count(*) FROM audit; SELECT group_concat(body, '') FROM pledge;" \
		"SELECT count(*) FROM audit; SELECT string_agg(body, '' ORDER BY id) FROM pledge;" | cksum
}
BEFORE=$(dbsum)

# ---- input: pledge --body-file ----
mkfifo "$T/fifo"
mkdir "$T/folder"
truncate -s 2M "$T/sparse.txt"
# A FIFO with no writer: the old fopen() would wait for ever; bound it.
body_refused() {   # NAME FILE EXPECTED
	run timeout 30 "$QD" --today "$TODAY" --db "$DB" pledge set 10 --body-file "$2"
	check "body $1: exit 1" is "$RC" 1
	check "body $1: says why" has "$ERR" "$3"
}
body_refused "/dev/zero" /dev/zero "/dev/zero 不是普通文件"
body_refused "FIFO" "$T/fifo" "$T/fifo 不是普通文件"
body_refused "folder" "$T/folder" "$T/folder 不是普通文件"
body_refused "over 1 MB" "$T/sparse.txt" "$T/sparse.txt 超过 1 MB 的上限，未读取"
head -c 1100000 /dev/zero | tr '\0' a >"$T/big.txt"
run sh -c "cat '$T/big.txt' | '$QD' --today $TODAY --db '$DB' pledge set 10 --body-file -"
check "body - over 1 MB from a pipe: exit 1" is "$RC" 1
check "body - over 1 MB from a pipe: says so" has "$ERR" "标准输入 超过 1 MB 的上限"
run sh -c "'$QD' --today $TODAY --db '$DB' pledge set 10 --body-file - </dev/zero"
check "body - from /dev/zero: refused" has "$ERR" "标准输入 不是普通文件"
check "body: nothing written by any refusal" is "$(dbsum)" "$BEFORE"
printf '甲方乙方责任书正文\n' | qd pledge set 10 --body-file - >/dev/null 2>&1
run qd pledge show 10
check "body - from a pipe: read" has "$OUT" "甲方乙方责任书正文"

# ---- input: import ----
BEFORE=$(dbsum)
import_refused() {   # NAME FILE EXPECTED
	run timeout 30 "$QD" --today "$TODAY" --db "$DB" import "$2"
	check "import $1: exit 1" is "$RC" 1
	check "import $1: says why" has "$ERR" "$3"
	check "import $1: nothing imported" has "$ERR" "导入失败，未导入任何内容"
}
import_refused "/dev/zero" /dev/zero "/dev/zero 不是普通文件"
import_refused "FIFO" "$T/fifo" "$T/fifo 不是普通文件"
import_refused "folder" "$T/folder" "$T/folder 不是普通文件"
truncate -s 600M "$T/sparse.csv"
import_refused "over 512 MB" "$T/sparse.csv" "$T/sparse.csv 超过 512 MB 的上限，未读取"
run sh -c "'$QD' --today $TODAY --db '$DB' import - </dev/zero"
check "import - from /dev/zero: refused" has "$ERR" "标准输入 不是普通文件"
check "import: nothing written by any refusal" is "$(dbsum)" "$BEFORE"
printf '组织,责任内容,责任人\n党组,从标准输入导入的事项,赵立新\n' >"$T/in.csv"
run sh -c "cat '$T/in.csv' | '$QD' --today $TODAY --db '$DB' import -"
check "import - from a pipe: imported" has "$OUT" "已导入 1 项"
run qd item list --search 从标准输入导入的事项 --format tsv
check "import - from a pipe: the item is there" has "$OUT" "从标准输入导入的事项"

# ---- output: planted symlinks at the old predictable names ----
echo "root-owned, do not touch" >"$T/victim"
# One process plants them all (a shell loop would use up the very pids it
# plants for): the next few hundred pids after it find a link at their name.
plant() {   # plant PATTERN: a symlink to the victim for each of the next 400 pids
	perl -e 'my ($pat, $victim) = @ARGV;
		open(my $f, "<", "/proc/sys/kernel/ns_last_pid") or die;
		my $last = <$f>;
		for my $p ($last + 1 .. $last + 400) {
			my $n = sprintf($pat, $p);
			unlink $n;
			symlink($victim, $n);
		}' "$1" "$T/victim"
}
untouched() { check "planted: $1: the victim is unchanged" is "$(cat "$T/victim")" "root-owned, do not touch"; }
plant "$T/tmp/qingdan-export-%d"
run qd export --format xlsx
check "planted: xlsx to stdout works" is "$RC" 0
untouched "xlsx to stdout"
plant "$T/out.csv.tmp-%d"
run qd export -o "$T/out.csv"
check "planted: export -o works" is "$RC" 0
untouched "export -o"
plant "$T/out.xlsx.tmp-%d"
run qd export --format xlsx -o "$T/out.xlsx"
untouched "export xlsx -o"
plant "$T/tmp/qingdan-print-%d.pdf"
run qd print --person 赵立新 --format pdf
check "planted: pdf to stdout works" is "$RC" 0
untouched "print pdf to stdout"
mkdir -p "$T/bin"
printf '#!/bin/sh\nfor a; do last=$a; done\ncp "$last" "%s/lp.pdf"\necho "request id is P-1"\n' "$T" >"$T/bin/lp"
chmod +x "$T/bin/lp"
plant "$T/tmp/qingdan-print-%d.pdf"
PATH="$T/bin:$PATH" run qd print --person 赵立新 --lp
check "planted: --lp works" is "$RC" 0
check "planted: lp got a PDF" has "$(pdftotext "$T/lp.pdf" - 2>/dev/null)" "赵立新"
untouched "print --lp"
check "planted: no scratch file left (only the planted links)" is "$(find "$T/tmp" ! -type l ! -type d | wc -l)" 0
plant "$T/backup.db.tmp-%d"
run qd backup "$T/backup.db"
check "planted: backup works" is "$RC" 0
untouched "backup"
check "planted: no temporary left beside the outputs" is "$(ls -a "$T" | grep -c '\.tmp$')" 0

# ---- output: one policy for every -o FILE and backup FILE ----
refused() {   # WHAT CMD…: an existing $T/exists is refused, then replaced with --force
	what=$1
	shift
	echo old >"$T/exists"
	run qd "$@" "$T/exists"
	check "$what: existing file refused" is "$RC" 1
	check "$what: says how to replace it" has "$ERR" "$T/exists 已存在；要替换请加 --force"
	check "$what: existing file untouched" is "$(cat "$T/exists")" old
	run qd "$@" "$T/exists" --force
	check "$what: --force replaces it" is "$RC" 0
	check "$what: replaced" [ "$(head -c 4 "$T/exists")" != "old" ]
}
refused "export" export -o
refused "export xlsx" export --format xlsx -o
refused "print" print --person 赵立新 -o
refused "print pdf" print --person 赵立新 --format pdf -o
refused "pledge print" pledge print 1 -o
refused "pledge print text" pledge print 1 --format text -o
refused "backup" backup
run qd pledge print 1
run qd pledge print 1
check "pledge print: the default pledge-1.pdf is not overwritten either" has "$ERR" "pledge-1.pdf 已存在"
rm -f pledge-1.pdf
run qd export -o "$T/folder"
check "a folder as target: refused" has "$ERR" "$T/folder 是文件夹"

# a symlink at the target: refused, and --force replaces the link itself
echo "keep me" >"$T/linked"
for cmd in "export -o" "print --person 赵立新 -o" "pledge print 1 -o" "backup"; do
	ln -sfn "$T/linked" "$T/link"
	# shellcheck disable=SC2086
	run qd $cmd "$T/link"
	check "symlink ($cmd): refused" has "$ERR" "$T/link 已存在"
	# shellcheck disable=SC2086
	run qd $cmd "$T/link" --force
	check "symlink ($cmd): --force works" is "$RC" 0
	check "symlink ($cmd): the link itself was replaced" test ! -L "$T/link"
	check "symlink ($cmd): its target untouched" is "$(cat "$T/linked")" "keep me"
done
ln -sfn "$T/nowhere" "$T/dangling"
run qd export -o "$T/dangling"
check "dangling symlink: refused too" is "$RC" 1
check "dangling symlink: nothing made where it points" test ! -e "$T/nowhere"
echo old >"$T/exists"
prints() { dbsql "SELECT count(*) FROM audit WHERE action = 'print'"; }
n=$(prints)
qd print --person 赵立新 -o "$T/exists" 2>/dev/null
qd pledge print 1 -o "$T/exists" 2>/dev/null
check "a refused output logs no 校验码" is "$(prints)" "$n"

# ---- output: modes; a killed backup; the folder holding the file ----
if sqlite_only "modes from the database file, a killed backup of it, its folder"; then
	mode() { stat -c %a "$1"; }
	chmod 660 "$DB"
	rm -f "$T/m1.csv" "$T/m2.csv" "$T/m3.db" "$T/m4.pdf"
	(umask 022 && qd export -o "$T/m1.csv" 2>/dev/null)
	check "mode: 0660 & ~umask 022" is "$(mode "$T/m1.csv")" 640
	(umask 002 && qd export -o "$T/m2.csv" 2>/dev/null)
	check "mode: 0660 & ~umask 002" is "$(mode "$T/m2.csv")" 660
	chmod 600 "$DB"
	(umask 002 && qd backup "$T/m3.db" 2>/dev/null && qd print --person 赵立新 -o "$T/m4.pdf" 2>/dev/null)
	check "mode: never wider than the database (backup)" is "$(mode "$T/m3.db")" 600
	check "mode: never wider than the database (print)" is "$(mode "$T/m4.pdf")" 600
	chmod 666 "$DB"
	rm -f "$T/m5.csv"
	(umask 000 && qd export -o "$T/m5.csv" 2>/dev/null)
	check "mode: a world-writable database gives no world-writable output" is "$(mode "$T/m5.csv")" 660
	chmod 660 "$DB"

	# ---- backup killed mid-way leaves nothing at the target ----
	BIG="$T/big.db"
	cp "$DB" "$BIG"
	sqlite3 "$BIG" "CREATE TABLE pad(x BLOB);
		WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 96)
		INSERT INTO pad SELECT randomblob(1048576) FROM n;"
	killed=0 tries=0
	while [ $tries -lt 6 ] && [ $killed -lt 2 ]; do
		tries=$((tries + 1))
		rm -rf "$T/bk"
		mkdir "$T/bk"
		"$QD" --db "$BIG" backup "$T/bk/copy.db" 2>/dev/null &
		pid=$!
		# wait (bounded) for the copy to start writing: any file in the folder
		n=0
		while [ $n -lt 20000 ] && [ -z "$(find "$T/bk" -type f -size +0 2>/dev/null)" ] &&
			kill -0 $pid 2>/dev/null; do
			n=$((n + 1))
		done
		kill -9 $pid 2>/dev/null && killed=$((killed + 1))
		wait $pid 2>/dev/null
		rc=$?
		if [ $rc -eq 137 ]; then
			check "killed backup ($tries): nothing at the target" test ! -e "$T/bk/copy.db"
			check "killed backup ($tries): a leftover cannot pass for it" \
				is "$(ls "$T/bk" | grep -vc '^\.copy\.db-......\.tmp$')" 0
		else
			check "finished backup ($tries): whole" is "$(sqlite3 "$T/bk/copy.db" 'SELECT count(*) FROM pad')" 96
		fi
	done
	check "backup: at least one was killed mid-way" [ $killed -ge 1 ]
	rm -rf "$T/bk" "$BIG"

	# ---- a world-writable folder holding the database ----
	mkdir -p "$T/open"
	chmod 777 "$T/open"
	cp "$DB" "$T/open/w.db"
	chmod 660 "$T/open/w.db"
	run "$QD" --today "$TODAY" --db "$T/open/w.db" org list
	check "world-writable folder: warned" has "$ERR" "存放 $T/open/w.db 的文件夹对所有用户可写"
	check "world-writable folder: still works" is "$RC" 0
	run "$QD" --today "$TODAY" --db "$T/folder/x.db" init
	check "private folder: no warning" hasnt "$ERR" "所有用户可写"
fi

# ---- CSV formula prefixes ----
fresh() { newdb "$1"; qd init >/dev/null 2>&1; }
fresh f1
qd person add 张三 >/dev/null
for c in "=1+1" "-5项" "@某人" "+86 电话" "'=已有引号" "'普通引号"; do
	qd item add --org 党组 --content "$c" --owner 张三 --due 2026-12-31 >/dev/null
done
qd export -o "$T/f1.csv" 2>/dev/null
csv=$(cat "$T/f1.csv")
check "formula: =1+1 written as '=1+1" has "$csv" ",'=1+1,"
check "formula: -5项 guarded" has "$csv" ",'-5项,"
check "formula: @某人 guarded" has "$csv" ",'@某人,"
check "formula: + guarded" has "$csv" ",'+86 电话,"
check "formula: a ' already there gets one more" has "$csv" ",''=已有引号,"
check "formula: plain ' left alone" has "$csv" ",'普通引号,"
fresh f2
qd import "$T/f1.csv" >/dev/null 2>&1
run qd item list --format tsv
check "formula: imported back exactly (=1+1)" has "$OUT" "	=1+1	"
check "formula: imported back exactly ('=已有引号)" has "$OUT" "	'=已有引号	"
check "formula: imported back exactly ('普通引号)" has "$OUT" "	'普通引号	"
qd export -o "$T/f2.csv" 2>/dev/null
check "formula: export → import → export is the same file" cmp -s "$T/f1.csv" "$T/f2.csv"

finish
