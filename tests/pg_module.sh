#!/bin/sh
# tests/pg_module.sh — the PostgreSQL module (plugin.h, issue 9): the
# program links neither libpq nor its chain (libssl, krb5, ldap, sasl…);
# the driver is qingdan-pg.so, loaded by db_open on the first PostgreSQL
# target from $QINGDAN_LIBDIR, the program's own folder or the installed
# folder.  A SQLite file never maps it; without it a PostgreSQL target fails
# with a message naming what was searched, and SQLite files still work.
# No server is needed: a URI to a socket folder that does not exist gets as
# far as connecting, which is past the module.
. "$(dirname "$0")/lib.sh"
BUILD=${QD_BUILD:-$(pwd)/build}
ELF=$BUILD/qingdan            # the ELF file ($QD may be a valgrind wrapper)
SO=$BUILD/qingdan-pg.so
FILE=$T/s.db                  # a SQLite file, whatever the backend under test
URI="postgresql:///qd_none?host=$T/nosock"
"$ELF" --today "$TODAY" --db "$FILE" init --demo >/dev/null 2>&1

# ---- what the program and the module link ----
needed=$(readelf -d "$ELF" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | tr '\n' ' ')
for lib in pq ssl gssapi_krb5 krb5 ldap sasl2 gnutls; do
	check "program: does not link lib$lib ($needed)" hasnt "$needed" "lib$lib."
done
so_needed=$(readelf -d "$SO" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | tr '\n' ' ')
check "module: links libpq ($so_needed)" has "$so_needed" "libpq."
check "module: exports its entry point only" \
	is "$(nm -D --defined-only "$SO" | awk '$2 == "T" { print $3 }')" qingdan_pg_plugin

# ---- loaded only where used ----
check "a SQLite file maps no libpq and no module" \
	is "$(LD_DEBUG=files "$ELF" --today "$TODAY" --db "$FILE" item list 2>&1 >/dev/null |
		grep -cE 'file=(libpq|libssl|libgssapi|libldap|qingdan-pg)')" 0
run env LD_DEBUG=files "$ELF" --lang en --db "$URI" person list
check "a URI maps the module beside the program" has "$ERR" "file=$SO"
check "a URI: the module got as far as connecting" has "$ERR" "cannot connect to database qd_none"
check "a URI without a server: exit 1" is "$RC" 1

# ---- a program without its module ----
BIN=$(qd_without_module qingdan-pg.so)
mkdir -p "$T/empty"
alone() { env -u QINGDAN_LIBDIR "$BIN/qingdan" --lang en --today "$TODAY" "$@"; }
run alone --db "$URI" person list
if has "$ERR" "cannot connect"; then
	echo "ok   (skipped: a module is installed in the compiled-in folder)"
else
	check "no module: refused (exit 1)" is "$RC" 1
	check "no module: says which module" has "$ERR" "cannot find the PostgreSQL module qingdan-pg.so"
	check "no module: names the file searched beside the program" has "$ERR" "$BIN/qingdan-pg.so"
	check "no module: says what to do" has "$ERR" "QINGDAN_LIBDIR"
	run env QINGDAN_LIBDIR="$T/empty" "$BIN/qingdan" --db "$URI" person list
	check "no module: refused in Chinese (exit 1)" is "$RC" 1
	check "no module: the Chinese message" has "$ERR" "找不到 PostgreSQL 模块 qingdan-pg.so"
	check "no module: QINGDAN_LIBDIR searched first" has "$ERR" "$T/empty/qingdan-pg.so, $BIN/qingdan-pg.so"
	run alone --db "$URI" init
	check "no module: init refused (exit 1)" is "$RC" 1
	run alone --db "$FILE" item list --format tsv
	check "no module: a SQLite file works" has "$OUT" "郑国强"
	run alone --db "$T/new.db" init
	check "no module: a new SQLite file is made" is "$RC" 0
fi
run env QINGDAN_LIBDIR="$BUILD" "$BIN/qingdan" --lang en --db "$URI" person list
check "QINGDAN_LIBDIR: module found there" has "$ERR" "cannot connect to database qd_none"

printf 'not an ELF file\n' > "$BIN/qingdan-pg.so"
run alone --db "$URI" person list
check "broken module: refused (exit 1)" is "$RC" 1
check "broken module: names it, with dlerror()" has "$ERR" \
	"cannot load the PostgreSQL module $BIN/qingdan-pg.so: $BIN/qingdan-pg.so:"

# a module of another interface version is refused, not called
if command -v cc >/dev/null 2>&1; then
	cat > "$T/fake.c" <<'EOF'
#include <stddef.h>
struct t { int version; size_t size; int nmsg; void *f[40]; };
static const struct t table = {999, sizeof table, 0, {0}};
const struct t *qingdan_pg_plugin(void) { return &table; }
EOF
	cc -shared -fPIC -o "$BIN/qingdan-pg.so" "$T/fake.c"
	run alone --db "$URI" person list
	check "other version: refused (exit 1)" is "$RC" 1
	check "other version: says so" has "$ERR" \
		"the PostgreSQL module $BIN/qingdan-pg.so does not match this program (module interface 999, this program needs"
fi
finish
