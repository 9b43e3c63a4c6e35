#!/bin/sh
# tests/install.sh — installing like a Unix program (issue 14 point 1):
# `make install` / `make uninstall` with PREFIX and DESTDIR from the built
# tree, the installed program finding its installed modules, `--version`,
# the completion made by the program itself (`qingdan __complete`), which
# offers every command and option `qingdan help` lists, and plain `make`
# stopping before the compiler with the names of missing packages.
. "$(dirname "$0")/lib.sh"
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${QD_BUILD:-$ROOT/build}
VERSION=$(sed -n 's/^#define QD_VERSION "\(.*\)"$/\1/p' "$ROOT/include/qingdan/version.h")
demo_db
# the helper as the shell calls it: first, no global option before it;
# cwe: the ELF itself, for the many calls of the agreement check ($QD may
# be a valgrind wrapper, minutes for them)
cw() { "$QD" __complete "$@"; }
cwe() { "$BUILD/qingdan" __complete "$@"; }

# ---- --version ----
run qd --version
check "--version: exit 0" is "$RC" 0
check "--version: the version of version.h ($VERSION)" is "$(printf '%s\n' "$OUT" | sed -n 1p)" "qingdan $VERSION"
check "--version: a version X.Y.Z" sh -c 'printf "%s\n" "$1" | grep -qE "^[0-9]+\.[0-9]+\.[0-9]+$"' - "$VERSION"
check "--version: the SQLite in use on line 2" \
	is "$(printf '%s\n' "$OUT" | sed -n 2p)" "SQLite $(sqlite3 :memory: 'SELECT sqlite_version()')"
check "--version: two lines, nothing on stderr" is "$(printf '%s\n' "$OUT" | wc -l):$ERR" "2:"
out1=$OUT
run qd version
check "version (a command word): the same" is "$OUT" "$out1"
run "$QD" --lang en --db "$T/none.db" --version
check "--version --lang en: the same, exit 0" is "$RC:$OUT" "0:$out1"
check "--version: opens no database (none created)" test ! -e "$T/none.db"

# ---- the completion helper agrees with `qingdan help` ----
run qd help
HELP=$OUT
TOP=$(cw '')
SUBS=
missing=
set -f      # usage words such as [--demo] are no file patterns
# each "  qingdan GROUP [NAME] …" line: GROUP offered first, NAME after it
# (when GROUP has subcommands), and every option of the line after them
while IFS= read -r line; do
	case "$line" in "  qingdan "*) ;; *) continue ;; esac
	set -- $line
	g=$2 n=$3
	printf '%s\n' "$TOP" | grep -qxF -- "$g" || missing="$missing [$g]"
	case "$n" in '' | *[!a-z]*) n= ;; esac     # "item add", not "init [--demo]"
	if [ -n "$n" ]; then
		[ "$g" = "${lastg:-}" ] || sub=$(cwe "$g" '') lastg=$g     # a group's lines are together
		printf '%s\n' "$sub" | grep -qxF -- "$n" || missing="$missing [$g $n]"
		SUBS="$SUBS $g:$n"
		opts=$(cwe "$g" "$n" --)
	else
		opts=$(cwe "$g" --)
	fi
	for o in $(printf '%s\n' "$line" | grep -oE '(^|[][ (|])--?[a-zA-Z][a-zA-Z0-9-]*' | sed 's/^[][ (|]//'); do
		printf '%s\n' "$opts" | grep -qxF -- "$o" || missing="$missing [$g $n $o]"
	done
done <<EOF
$HELP
EOF
check "completion offers every command, subcommand and option of help${missing:+:$missing}" is "$missing" ""
check "completion: the check saw the subcommands ($(echo $SUBS | wc -w))" [ "$(echo $SUBS | wc -w)" -ge 40 ]
extra=
for g in $TOP; do
	case "$g" in help | version) continue ;; esac
	has "$HELP" "  qingdan $g " || has "$HELP" "  qingdan $g
" || extra="$extra $g"
done
set +f
check "completion offers no command help does not list${extra:+:$extra}" is "$extra" ""
check "completion: help and version offered" sh -c 'printf "%s\n" "$1" | grep -qxF help && printf "%s\n" "$1" | grep -qxF version' - "$TOP"
check "completion: item's subcommands" is "$(cw item '' | tr '\n' ' ')" "add list show set note delete restore link period "
check "completion: a value's choices" is "$(cw stats --kind '' | tr '\n' ' ')" "duty rectify all "
check "completion: --format F is a listing format" is "$(cw item list --format '' | tr '\n' ' ')" "table tsv csv json "
check "completion: a person asks the shell (@person)" is "$(cw item add --org 党组 --owner '')" "@person"
check "completion: the value of an option is not a command word" \
	is "$(cw item add --content list --owner x -- | head -n 1)" "--org"
check "completion: global options" has "$(cw --)" "--version"
check "completion: --lang zh|en" is "$(cw item list --lang '' | tr '\n' ' ')" "zh en "
check "completion: --kind = (bash splits --kind=)" is "$(cw stats --kind = '' | tr '\n' ' ')" "duty rectify all "
check "completion: --kind=d as one word (zsh)" is "$(cw stats --kind=d | tr '\n' ' ')" "--kind=duty --kind=rectify --kind=all "
check "completion: after --format = csv, the options again" has "$(cw item list --format = csv --)" "--overdue"
check "completion: setting keys" has "$(cw setting '')" "due_soon_days"
check "completion: a file operand gets no words" is "$(cw import '')" ""
check "completion: help CMD" is "$(cw help pledge '' | head -n 1)" "add"
run cw nosuch ''
check "completion: an unknown command, nothing, exit 0" is "$RC:$OUT:$ERR" "0::"
run "$QD" __complete --today '' --db
check "completion: half-typed globals are no error" is "$RC:$ERR" "0:"

# ---- make install from the built tree ----
# into a copy of the build (the tests may run beside other tests of the
# same tree): PREFIX=/usr compiles plugin.c again for its folder, and only
# it; the rest of the build is used as it is
B=$T/build D=$T/dest
stamp() { ls -l --time-style=full-iso "$BUILD/qingdan" "$BUILD/libdir.txt"; cat "$BUILD/libdir.txt"; }
tree=$(stamp)
mkdir -p "$B" "$D"
for e in "$BUILD"/*; do
	case "${e##*/}" in tests | bench | demo | fuzz | qingdan-vg) ;; *) cp -a "$e" "$B/" ;; esac
done
mk() { limit 300 make -C "$ROOT" --no-print-directory V= BUILD="$B" DESTDIR="$D" PREFIX=/usr "$@"; }
run mk install
check "make install: exit 0" is "$RC" 0
check "make install: compiles no more than plugin.c (the folder built in)" \
	is "$(printf '%s\n' "$OUT" | grep '^  CC ' | grep -v 'src/plugin\.c$')" ""
for f in bin/qingdan lib/qingdan/qingdan-print.so lib/qingdan/qingdan-pg.so lib/qingdan/qingdan-sheet.so \
	lib/qingdan/qingdan-icu.so share/man/man1/qingdan.1 share/bash-completion/completions/qingdan \
	share/zsh/site-functions/_qingdan; do
	check "installed: $f, a file" sh -c '[ -f "$1" ] && [ ! -L "$1" ]' - "$D/usr/$f"
done
check "installed: the program is executable (755)" is "$(stat -c %a "$D/usr/bin/qingdan")" 755
check "installed: the man page is mode 644" is "$(stat -c %a "$D/usr/share/man/man1/qingdan.1")" 644
check "installed: the man page is qingdan.1" cmp -s "$ROOT/qingdan.1" "$D/usr/share/man/man1/qingdan.1"
check "installed: the bash completion is completion/qingdan.bash" \
	cmp -s "$ROOT/completion/qingdan.bash" "$D/usr/share/bash-completion/completions/qingdan"
check "installed: nothing else" is "$(cd "$D" && find . ! -type d | wc -l)" 8
check "the tree's own build untouched" is "$(stamp)" "$tree"
check "the copy's folder is /usr/lib/qingdan" is "$(cat "$B/libdir.txt")" /usr/lib/qingdan

Q=$D/usr/bin/qingdan
inst() { env -u QINGDAN_LIBDIR "$Q" --today "$TODAY" --db "$DB" "$@"; }
run inst --version
check "installed program: --version" is "$RC:$OUT" "0:$out1"
run env LD_DEBUG=files "$Q" --today "$TODAY" --db "$DB" print --person 郑国强 --format pdf -o "$T/p.pdf"
check "installed program: print pdf exit 0" is "$RC" 0
check "installed program: loads the installed print module" has "$ERR" "file=$D/usr/lib/qingdan/qingdan-print.so"
check "installed program: a PDF" has "$(pdfinfo "$T/p.pdf" 2>&1)" "Pages:"
run inst item list --person 郑国强 --format tsv
check "installed program: lists" has "$OUT" "郑国强"
# the folder compiled in: the program alone, outside any bin folder
mkdir -p "$T/alone"
cp "$Q" "$T/alone/qingdan"
cp "$BUILD/qingdan-pg.so" "$T/alone/"     # the database may be PostgreSQL (make test-pg)
run env -u QINGDAN_LIBDIR "$T/alone/qingdan" --today "$TODAY" --db "$DB" print --all -o "$T/x.pdf"
if [ "$RC" -eq 0 ]; then
	echo "ok   (skipped: a print module is installed in /usr/lib/qingdan)"
else
	check "compiled-in folder: PREFIX/lib/qingdan searched" has "$ERR" "/usr/lib/qingdan/qingdan-print.so"
fi

# ---- the installed bash completion ----
if command -v bash >/dev/null 2>&1; then
	comp() {
		PATH="$D/usr/bin:$PATH" bash -c '. "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
			_qingdan; printf "%s\n" "${COMPREPLY[@]}"' - "$D/usr/share/bash-completion/completions/qingdan" "$@"
	}
	check "bash: qingdan it<TAB> → item" is "$(comp qingdan it)" item
	check "bash: qingdan pledge s<TAB> → set sign show" is "$(comp qingdan pledge s | tr '\n' ' ')" "set sign show "
	check "bash: item list --ov<TAB> → --overdue" is "$(comp qingdan item list --ov)" --overdue
	check "bash: stats --kind=<TAB> → the choices" is "$(comp qingdan stats --kind = | tr '\n' ' ')" "duty rectify all "
	check "bash: stats --kind=r<TAB> → rectify" is "$(comp qingdan stats --kind = r)" rectify
	check "bash: --owner 郑<TAB> → the person on --db" is "$(comp qingdan --db "$DB" item add --owner 郑)" 郑国强
	check "bash: a registered completion" \
		has "$(bash -c '. "$1"; complete -p qingdan' - "$D/usr/share/bash-completion/completions/qingdan")" "_qingdan"
fi

# ---- the installed zsh completion (compadd and _files stubbed) ----
if command -v zsh >/dev/null 2>&1; then
	zcomp() {
		PATH="$D/usr/bin:$PATH" zsh -fc '
			compadd() { [[ $1 == -a ]] && for w in ${(P)2}; do [[ $w == ${words[CURRENT]}* ]] && print -r -- $w; done; }
			_files() { print -r -- "(files)"; }
			f=$1; shift; words=("$@"); CURRENT=$#; source $f' - \
			"$D/usr/share/zsh/site-functions/_qingdan" "$@"
	}
	check "zsh: qingdan it<TAB> → item" is "$(zcomp qingdan it)" item
	check "zsh: stats --kind=r<TAB> → --kind=rectify" is "$(zcomp qingdan stats --kind=r)" --kind=rectify
	check "zsh: --owner 郑<TAB> → the person on --db" is "$(zcomp qingdan --db "$DB" item add --owner 郑)" 郑国强
	check "zsh: a file operand → file names" is "$(zcomp qingdan import '')" "(files)"
else
	SKIP=$((SKIP + 1))
	echo "skip the zsh completion (no zsh)"
fi

# ---- make uninstall ----
echo "not ours" > "$D/usr/bin/other"
run mk uninstall
check "make uninstall: exit 0" is "$RC" 0
check "make uninstall: builds nothing" hasnt "$OUT" "  CC "
check "make uninstall: no file of ours left" is "$(cd "$D" && find . ! -type d)" "./usr/bin/other"
check "make uninstall: the modules' folder removed" test ! -e "$D/usr/lib/qingdan"
run mk uninstall
check "make uninstall again: still exit 0" is "$RC" 0

# ---- plain make on a machine without the packages ----
mkdir -p "$T/nopc"
run limit 60 env PKG_CONFIG_LIBDIR="$T/nopc" PKG_CONFIG_PATH= make -C "$ROOT" --no-print-directory BUILD="$T/nob"
check "no packages: make stops (exit 2)" is "$RC" 2
check "no packages: before building anything" test ! -e "$T/nob"
check "no packages: no compiler error" hasnt "$ERR" "error:"
for w in ncursesw sqlite3 xlsxwriter icu-uc libncursesw5-dev libsqlite3-dev libxlsxwriter-dev libicu-dev \
	"make deps" "sudo apt-get install -y --no-install-recommends"; do
	check "no packages: says $w" has "$ERR" "$w"
done
# every module but xlsxwriter: only its package is named
mkdir -p "$T/pc"
for d in $(pkg-config --variable pc_path pkg-config | tr ':' ' ') $(printf '%s' "${PKG_CONFIG_PATH:-}" | tr ':' ' '); do
	for f in "$d"/*.pc; do
		[ -e "$f" ] && [ "${f##*/}" != xlsxwriter.pc ] && ln -sf "$f" "$T/pc/"
	done
done
run limit 60 env PKG_CONFIG_LIBDIR="$T/pc" PKG_CONFIG_PATH= make -C "$ROOT" --no-print-directory BUILD="$T/nob"
check "one missing: make stops (exit 2)" is "$RC" 2
check "one missing: names it and its package" \
	has "$ERR" "not found: xlsxwriter (their packages are not installed)"
check "one missing: the apt-get line has only its package" \
	has "$ERR" "sudo apt-get install -y --no-install-recommends libxlsxwriter-dev
"
check "one missing: nothing built" test ! -e "$T/nob"
run env PKG_CONFIG_LIBDIR="$T/nopc" PKG_CONFIG_PATH= make -C "$ROOT" --no-print-directory -n BUILD="$T/nob" deps clean
check "no packages: make deps and make clean still run" is "$RC" 0
run sh "$ROOT/scripts/deps.sh" --check nosuchmodule
check "deps.sh --check: a module not in its list is an error" is "$RC:$(has "$ERR" "add it there" && echo y)" "1:y"

finish
