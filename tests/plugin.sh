#!/bin/sh
# tests/plugin.sh — the print module (plugin.h, issue 10 item 1): the
# program itself needs only ncursesw, sqlite3 and libcrypto; PDF and xlsx
# go through qingdan-print.so, loaded on first use from $QINGDAN_LIBDIR, the
# program's own folder or the installed folder; without it those commands
# fail with a message naming what was searched, and everything else works.
. "$(dirname "$0")/lib.sh"
BUILD=${QD_BUILD:-$(pwd)/build}
ELF=$BUILD/qingdan            # the ELF file ($QD may be a valgrind wrapper)
SO=$BUILD/qingdan-print.so
demo_db

# ---- what the program links ----
needed=$(readelf -d "$ELF" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | tr '\n' ' ')
check "program: links sqlite3, ncursesw" \
	sh -c 'case "$1" in *libsqlite3*) ;; *) exit 1 ;; esac
	       case "$1" in *libncursesw*) ;; *) exit 1 ;; esac' - "$needed"
# libcrypto on the first digest (store/sha256.c): help starts without it,
# a command on a file (the anchor hashes its path) loads it
check "program: does not link libcrypto ($needed)" hasnt "$needed" "libcrypto"
check "help maps no libcrypto" \
	is "$(LD_DEBUG=files "$ELF" help 2>&1 >/dev/null | grep -c 'file=libcrypto')" 0
check "item list loads libcrypto" \
	has "$(LD_DEBUG=files "$ELF" --today "$TODAY" --db "$DB" item list 2>&1 >/dev/null)" "file=libcrypto.so.3"
for lib in pango cairo xlsxwriter glib gobject fontconfig harfbuzz freetype; do
	check "program: does not link $lib ($needed)" hasnt "$needed" "lib$lib"
done
so_needed=$(readelf -d "$SO" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | tr '\n' ' ')
check "module: links pango, cairo, xlsxwriter" \
	sh -c 'case "$1" in *libpango*) ;; *) exit 1 ;; esac
	       case "$1" in *libcairo*) ;; *) exit 1 ;; esac
	       case "$1" in *libxlsxwriter*) ;; *) exit 1 ;; esac' - "$so_needed"
check "module: exports its entry point only" \
	is "$(nm -D --defined-only "$SO" | awk '$2 == "T" { print $3 }')" qingdan_print_plugin

# ---- loaded only where used ----
check "item list maps no pango and no module" \
	is "$(LD_DEBUG=files "$ELF" --today "$TODAY" --db "$DB" item list 2>&1 >/dev/null |
		grep -cE 'file=(libpango|libcairo|libxlsxwriter|qingdan-print)')" 0
check "print text maps no pango" \
	is "$(LD_DEBUG=files "$ELF" --today "$TODAY" --db "$DB" print --all 2>&1 >/dev/null |
		grep -cE 'file=(libpango|qingdan-print)')" 0
check "print pdf maps the module beside the program" \
	has "$(LD_DEBUG=files "$ELF" --today "$TODAY" --db "$DB" print --all -o "$T/m.pdf" 2>&1 >/dev/null)" \
	"file=$SO"

# ---- PDF and xlsx from the real program, through the module ----
run qd print --person 郑国强 --format pdf -o "$T/p.pdf"
check "print --format pdf: done" is "$RC" 0
check "print --format pdf: a PDF" has "$(pdfinfo "$T/p.pdf" 2>&1)" "Pages:"
check "print --format pdf: the name in the text" has "$(pdftotext "$T/p.pdf" - 2>&1)" "郑国强"
run qd export --format xlsx -o "$T/a.xlsx"
check "export --format xlsx: done" is "$RC" 0
check "export --format xlsx: a workbook" \
	is "$(sqlite3 :memory: "SELECT count(*) FROM zipfile('$T/a.xlsx') WHERE name = 'xl/workbook.xml'")" 1

# ---- a program without its module ----
BIN=$(qd_without_module qingdan-print.so)   # the others there: the database may be PostgreSQL
mkdir -p "$T/empty"
alone() { env -u QINGDAN_LIBDIR "$BIN/qingdan" --today "$TODAY" --db "$DB" "$@"; }
run alone print --all -o "$T/x.pdf"
if [ "$RC" -eq 0 ]; then
	echo "ok   (skipped: a module is installed in the compiled-in folder)"
else
	check "no module: pdf refused (exit 1)" is "$RC" 1
	check "no module: names the file searched beside the program" has "$ERR" "$BIN/qingdan-print.so"
	check "no module: says what to do" has "$ERR" "QINGDAN_LIBDIR"
	check "no module: no PDF left" test ! -e "$T/x.pdf"
	run env QINGDAN_LIBDIR="$T/empty" "$BIN/qingdan" --db "$DB" export --format xlsx -o "$T/x.xlsx"
	check "no module: xlsx refused (exit 1)" is "$RC" 1
	check "no module: QINGDAN_LIBDIR searched first" has "$ERR" "$T/empty/qingdan-print.so, $BIN/qingdan-print.so"
	check "no module: no xlsx left" test ! -e "$T/x.xlsx"
	run alone item list --format tsv
	check "no module: listing works" has "$OUT" "郑国强"
	run alone print --all
	check "no module: text print works" has "$OUT" "郑国强"
	run alone export --format csv -o "$T/x.csv"
	check "no module: csv export works" is "$RC" 0
fi
run env QINGDAN_LIBDIR="$BUILD" "$BIN/qingdan" --today "$TODAY" --db "$DB" print --all -o "$T/y.pdf"
check "QINGDAN_LIBDIR: module found there" is "$RC" 0
check "QINGDAN_LIBDIR: PDF written" has "$(pdfinfo "$T/y.pdf" 2>&1)" "Pages:"

printf 'not an ELF file\n' > "$BIN/qingdan-print.so"
run alone --lang en print --all -o "$T/z.pdf"
check "broken module: refused (exit 1)" is "$RC" 1
check "broken module: names it, with dlerror()" has "$ERR" "cannot load the print module $BIN/qingdan-print.so: $BIN/qingdan-print.so:"

# a module of another interface version is refused, not called
if command -v cc >/dev/null 2>&1; then
	cat > "$T/fake.c" <<'EOF'
#include <stddef.h>
struct t { int version; size_t size; int nmsg; void *f[4]; };
static const struct t table = {999, sizeof table, 0, {0}};
const struct t *qingdan_print_plugin(void) { return &table; }
EOF
	cc -shared -fPIC -o "$BIN/qingdan-print.so" "$T/fake.c"
	run alone --lang en export --format xlsx -o "$T/v.xlsx"
	check "other version: refused (exit 1)" is "$RC" 1
	check "other version: says so" has "$ERR" "does not match this program (module interface 999, this program needs"
fi
finish
