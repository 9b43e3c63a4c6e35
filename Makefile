# qingdan — plain Makefile.  `make` builds ./qingdan; `make run` opens the TUI
# on a demo database; `make test` runs every test; `make test-pg` runs them
# again on a throwaway PostgreSQL cluster; `make asan-test` under
# ASan+UBSan; `make install` / `make uninstall` with PREFIX and DESTDIR.
# V=1 shows the commands.  Set-up (Debian packages) lives in
# scripts/deps.sh, which `run` and `test` call first and every build
# checks against (below).

CC      ?= cc
BUILD   ?= build
SAN     ?=
OPT     ?= -O2 -g
# libcrypto: its headers only — store/sha256.c dlopen()s it on the first
# digest, so help and completion start without it (issue 10)
LINK_PKGS := ncursesw sqlite3 libutf8proc
PKGS    := $(LINK_PKGS) libcrypto
# Only the print module qingdan-print.so (PDF and xlsx, see plugin.h) links
# these, and only the PostgreSQL module qingdan-pg.so links libpq; the
# program dlopen()s each on first use, from $QINGDAN_LIBDIR, its own
# folder, or $(PREFIX)/lib/qingdan where `make install` puts them.
PRINT_PKGS := pangocairo cairo-pdf xlsxwriter
PG_PKGS := libpq
# and only the sheet module qingdan-sheet.so (reading .xlsx, sheet.h) these
SHEET_PKGS := minizip expat
# and only the collation module qingdan-icu.so (Chinese order, collate.h) ICU
COLLATE_PKGS := icu-uc icu-i18n
# and only the test programs libvterm (the headless terminal of t_e2e)
TEST_PKGS := vterm
# make install: PREFIX (default /usr/local) and DESTDIR, the usual way
PREFIX  ?= /usr/local
BINDIR  = $(PREFIX)/bin
MODDIR  = $(PREFIX)/lib/qingdan
MANDIR  = $(PREFIX)/share/man/man1
BASHCOMPDIR = $(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR = $(PREFIX)/share/zsh/site-functions
WARN    := -std=c11 -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes \
           -Wmissing-prototypes -Wformat=2 -Wwrite-strings -Wcast-qual -Wundef \
           -Wno-format-nonliteral
ifneq ($(CI),)
WARN    += -Werror
endif
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null | sed "s/-I/-isystem /g")
PKG_LIBS   = $(shell pkg-config --libs $(LINK_PKGS) 2>/dev/null)
PRINT_CFLAGS = $(shell pkg-config --cflags $(PRINT_PKGS) 2>/dev/null | sed "s/-I/-isystem /g")
PRINT_LIBS   = $(shell pkg-config --libs $(PRINT_PKGS) 2>/dev/null)
PG_CFLAGS = $(shell pkg-config --cflags $(PG_PKGS) 2>/dev/null | sed "s/-I/-isystem /g")
PG_LIBS   = $(shell pkg-config --libs $(PG_PKGS) 2>/dev/null)
SHEET_CFLAGS = $(shell pkg-config --cflags $(SHEET_PKGS) 2>/dev/null | sed "s/-I/-isystem /g")
SHEET_LIBS   = $(shell pkg-config --libs $(SHEET_PKGS) 2>/dev/null)
COLLATE_CFLAGS = $(shell pkg-config --cflags $(COLLATE_PKGS) 2>/dev/null | sed "s/-I/-isystem /g")
COLLATE_LIBS   = $(shell pkg-config --libs $(COLLATE_PKGS) 2>/dev/null)
CPPFLAGS += -Iinclude
CFLAGS   += $(WARN) $(OPT) $(SAN) -MMD -MP
LDLIBS   += $(PKG_LIBS) -lm -ldl
LDFLAGS  += $(SAN)

# Before anything is built, each pkg-config module above must be found:
# scripts/deps.sh --check names the packages of the missing ones (its list
# of packages is the one list) with the `make deps` and apt-get lines, and
# the build stops here instead of deep in the compiler.  Goals that build
# nothing, and those that run `make deps` first, skip the check.
NO_CHECK_GOALS := deps run test test-pg asan-test fuzz-smoke clean uninstall
ifneq ($(filter-out $(NO_CHECK_GOALS),$(or $(MAKECMDGOALS),all)),)
CHECK_PKGS := $(PKGS) $(PRINT_PKGS) $(PG_PKGS) $(SHEET_PKGS) $(COLLATE_PKGS) \
	$(if $(filter test-only test-pg-only valgrind-test $(BUILD)/tests/%,$(MAKECMDGOALS)),$(TEST_PKGS))
ifneq ($(shell CC='$(CC)' sh scripts/deps.sh --check $(CHECK_PKGS) >&2 || echo missing),)
$(error cannot build: the packages named above are missing)
endif
endif

ifeq ($(V),)
Q := @
E := @echo
else
Q :=
E := @true
endif

# Every source except the entry point and the two modules goes into the
# core library; the print module's objects go into qingdan-print.so, the
# PostgreSQL driver's into qingdan-pg.so, and the tests link all of them
# statically; tests/t_*.c are test programs, tests/*.h their harness.
MAIN_SRC := src/main.c
PRINT_SRC := src/doc_pdf.c src/doc_pdf_draw.c src/export_xlsx.c src/plugin_entry.c
PRINT_OBJ := $(PRINT_SRC:%.c=$(BUILD)/%.o)
PLUGIN   := $(BUILD)/qingdan-print.so
PG_SRC   := src/store/pg.c src/store/pg_stmt.c src/store/pg_sql.c
PG_OBJ   := $(PG_SRC:%.c=$(BUILD)/%.o)
PG_PLUGIN := $(BUILD)/qingdan-pg.so
SHEET_SRC := src/sheet_xlsx.c src/sheet_rows.c src/sheet_entry.c
SHEET_OBJ := $(SHEET_SRC:%.c=$(BUILD)/%.o)
SHEET_PLUGIN := $(BUILD)/qingdan-sheet.so
COLLATE_SRC := src/collate_icu.c
COLLATE_OBJ := $(COLLATE_SRC:%.c=$(BUILD)/%.o)
COLLATE_PLUGIN := $(BUILD)/qingdan-icu.so
MODULES  := $(PLUGIN) $(PG_PLUGIN) $(SHEET_PLUGIN) $(COLLATE_PLUGIN)
MODULE_OBJ := $(PRINT_OBJ) $(PG_OBJ) $(SHEET_OBJ) $(COLLATE_OBJ)
CORE_SRC := $(filter-out $(MAIN_SRC) $(PRINT_SRC) $(PG_SRC) $(SHEET_SRC) $(COLLATE_SRC),$(wildcard src/*.c src/store/*.c))
CORE_OBJ := $(CORE_SRC:%.c=$(BUILD)/%.o) $(BUILD)/gen/demo_data.o
DEMO_DATA := $(sort $(wildcard data/demo/*.tsv data/demo/*.txt))
TEST_SRC := $(wildcard tests/t_*.c)
TEST_BIN := $(TEST_SRC:tests/%.c=$(BUILD)/tests/%)
ALL_TEST_BIN := $(TEST_SRC:tests/%.c=$(BUILD)/tests/%)
TEST_SH  := $(filter-out tests/lib.sh tests/run_all.sh,$(wildcard tests/*.sh))
BENCH_SRC := $(wildcard bench/*.c)
BENCH_BIN := $(BENCH_SRC:bench/%.c=$(BUILD)/bench/%)

.SECONDARY:
.PHONY: all deps run test tests-build test-only test-pg test-pg-only asan-test valgrind-test bench clean install uninstall FORCE
all: qingdan

deps:
	$(Q)sh scripts/deps.sh

ifeq ($(BUILD),build)
qingdan: $(BUILD)/qingdan $(MODULES)
	$(Q)cp $(BUILD)/qingdan $@ && cp $(PLUGIN) qingdan-print.so && cp $(PG_PLUGIN) qingdan-pg.so && cp $(SHEET_PLUGIN) qingdan-sheet.so && cp $(COLLATE_PLUGIN) qingdan-icu.so
endif

# The program exports to the modules exactly the symbols of the core
# library that they call (msg, text_*, x*, db_stmt, …): plugin.syms, a
# dynamic list made from both modules' objects; -u pulls each one in.
$(BUILD)/qingdan: $(BUILD)/src/main.o $(BUILD)/libqd.a $(BUILD)/plugin.syms $(MODULES)
	$(E) "  LD    $@"
	$(Q)$(CC) $(LDFLAGS) -Wl,--dynamic-list=$(BUILD)/plugin.syms \
	  $$(sed -n 's/^  \(.*\);$$/-Wl,-u,\1/p' $(BUILD)/plugin.syms) \
	  -o $@ $(BUILD)/src/main.o $(BUILD)/libqd.a $(LDLIBS)

$(MODULE_OBJ): CFLAGS += -fPIC -fvisibility=hidden
$(PRINT_OBJ): PKG_CFLAGS += $(PRINT_CFLAGS)
$(SHEET_OBJ): PKG_CFLAGS += $(SHEET_CFLAGS)
$(COLLATE_OBJ): PKG_CFLAGS += $(COLLATE_CFLAGS)
# libpq-fe.h: the driver, and tests/t_pg_driver.c which uses its insides
$(PG_OBJ) $(TEST_SRC:%.c=$(BUILD)/%.o): PKG_CFLAGS += $(PG_CFLAGS)
$(BUILD)/src/plugin.o: CPPFLAGS += -DQD_LIBDIR='"$(MODDIR)"'
# plugin.o is compiled again when PREFIX changes (the folder is built in)
$(BUILD)/src/plugin.o: $(BUILD)/libdir.txt
$(BUILD)/libdir.txt: FORCE
	@mkdir -p $(BUILD) && echo '$(MODDIR)' | cmp -s - $@ || echo '$(MODDIR)' > $@
FORCE:

$(PLUGIN): $(PRINT_OBJ)
	$(E) "  LD    $@"
	$(Q)$(CC) -shared $(LDFLAGS) -o $@ $^ $(PRINT_LIBS)

$(PG_PLUGIN): $(PG_OBJ)
	$(E) "  LD    $@"
	$(Q)$(CC) -shared $(LDFLAGS) -o $@ $^ $(PG_LIBS)

$(SHEET_PLUGIN): $(SHEET_OBJ)
	$(E) "  LD    $@"
	$(Q)$(CC) -shared $(LDFLAGS) -o $@ $^ $(SHEET_LIBS)

$(COLLATE_PLUGIN): $(COLLATE_OBJ)
	$(E) "  LD    $@"
	$(Q)$(CC) -shared $(LDFLAGS) -o $@ $^ $(COLLATE_LIBS)

$(BUILD)/plugin.syms: $(MODULE_OBJ) $(BUILD)/libqd.a
	$(Q)nm -u --format=just-symbols $(MODULE_OBJ) | sort -u > $@.need
	$(Q)nm --defined-only --format=just-symbols $(BUILD)/libqd.a | sort -u > $@.have
	$(Q){ echo '{'; comm -12 $@.need $@.have | sed 's/.*/  &;/'; echo '};'; } > $@
	$(Q)rm -f $@.need $@.have

$(BUILD)/libqd.a: $(CORE_OBJ)
	$(Q)rm -f $@ && ar rcs $@ $^

$(BUILD)/gen/demo_data.c: $(DEMO_DATA) scripts/embed.sh
	@mkdir -p $(dir $@)
	$(Q)sh scripts/embed.sh $(DEMO_DATA) > $@

$(BUILD)/gen/demo_data.o: $(BUILD)/gen/demo_data.c
	$(Q)$(CC) -c -o $@ $<

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(E) "  CC    $<"
	$(Q)$(CC) $(CPPFLAGS) $(PKG_CFLAGS) $(CFLAGS) -c -o $@ $<

$(BUILD)/tests/%: $(BUILD)/tests/%.o $(MODULE_OBJ) $(BUILD)/libqd.a
	$(E) "  LD    $@"
	$(Q)$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS) $(PRINT_LIBS) $(PG_LIBS) $(SHEET_LIBS) $(COLLATE_LIBS) $(shell pkg-config --libs $(TEST_PKGS) 2>/dev/null) -lutil

$(BUILD)/bench/%: $(BUILD)/bench/%.o $(BUILD)/libqd.a
	$(Q)$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

run: deps qingdan
	$(Q)mkdir -p $(BUILD)/demo && rm -f $(BUILD)/demo/demo.db*
	$(Q)./qingdan --db $(BUILD)/demo/demo.db init --demo >/dev/null
	$(Q)./qingdan --db $(BUILD)/demo/demo.db

# The suite: every tests/t_* program and tests/*.sh script; the runner's last
# line is the total "N passed, N failed".
test: deps
	$(Q)$(MAKE) --no-print-directory test-only

# every test and bench program compiled, none run (TEST_BIN= narrows only what runs)
tests-build: $(BUILD)/qingdan $(MODULES) $(ALL_TEST_BIN) $(BENCH_BIN)

test-only: $(BUILD)/qingdan $(MODULES) $(TEST_BIN) $(BENCH_BIN)
	$(Q)QD_BIN=$(CURDIR)/$(BUILD)/qingdan QD_BUILD=$(CURDIR)/$(BUILD) \
	  sh tests/run_all.sh $(TEST_BIN) $(TEST_SH)

# The same suite again on PostgreSQL (issue 9): a throwaway cluster in a
# temporary folder (scripts/pg_cluster.sh: initdb as an unprivileged user,
# a Unix socket only), QD_TEST_PG set to its socket folder — each test then
# makes its own database there (tests/lib.sh newdb, tests/tt.h tt_db) and
# skips what is about the SQLite file.  The cluster is stopped and removed
# at the end, on a failure or an interrupt too (and by the script's guard
# if this shell is killed).  Same last line "N passed, N failed".
PG_BIN ?= $(shell pg_config --bindir 2>/dev/null)
test-pg: deps
	$(Q)$(MAKE) --no-print-directory test-pg-only

test-pg-only: $(BUILD)/qingdan $(MODULES) $(TEST_BIN) $(BENCH_BIN)
	$(Q)d=$$(mktemp -d "$${TMPDIR:-/tmp}/qd-pg.XXXXXX") || exit 1; \
	trap 'sh scripts/pg_cluster.sh stop "$$d"; rm -rf "$$d"' EXIT; \
	trap 'exit 130' INT TERM HUP; \
	sock=$$(sh scripts/pg_cluster.sh start "$$d" $$$$) || exit 1; \
	QD_TEST_PG=$$sock PG_BIN=$(PG_BIN) QD_BIN=$(CURDIR)/$(BUILD)/qingdan QD_BUILD=$(CURDIR)/$(BUILD) \
	  sh tests/run_all.sh $(TEST_BIN) $(TEST_SH)

# QD_TIME_SCALE: how many times slower the run is (tests/tt.h, tests/lib.sh).
asan-test: deps
	$(Q)QD_TIME_SCALE=4 ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp \
	  $(MAKE) --no-print-directory BUILD=build-asan OPT="-O1 -g" \
	  SAN="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined" test-only

# The real binary and the test programs under valgrind: any error or definite
# leak fails (ncurses/fontconfig keep "still reachable" caches; those pass).
# Two scripts at a time (QD_JOBS): each is one CPU-bound valgrind process.
VALGRIND = valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
	--show-leak-kinds=definite --suppressions=$(CURDIR)/tests/valgrind.supp
# Under valgrind, every layer once (the CLI over model and storage, pledges,
# the ledger, 整改, import and re-import through the sheet module, due words,
# the audit chain), to keep CI inside its time: a PDF costs seconds of font
# set-up under valgrind and busy.sh's waits grow by the time scale, so the
# PDF and lock paths are left to the sanitizer run.  VG_SH="$(TEST_SH)" runs
# every script.
VG_SH ?= tests/cli.sh tests/pledge.sh tests/meeting.sh tests/problem.sh tests/reimport.sh \
	tests/xlsx.sh tests/due.sh tests/category.sh tests/duty.sh tests/audit.sh
valgrind-test: $(BUILD)/qingdan $(MODULES) $(TEST_BIN)
	$(Q)printf '#!/bin/sh\nexec $(VALGRIND) $(CURDIR)/$(BUILD)/qingdan "$$@"\n' > $(BUILD)/qingdan-vg
	$(Q)chmod +x $(BUILD)/qingdan-vg
	$(Q)QD_BIN=$(CURDIR)/$(BUILD)/qingdan-vg QD_BUILD=$(CURDIR)/$(BUILD) QD_VALGRIND="$(VALGRIND)" QD_TIME_SCALE=20 \
	  QD_JOBS=$${QD_JOBS:-2} \
	  sh tests/run_all.sh $(VG_SH)

bench: qingdan $(BENCH_BIN)
	$(Q)sh bench/run.sh

clean:
	rm -rf build build-asan build-fuzz qingdan qingdan-print.so qingdan-pg.so qingdan-sheet.so qingdan-icu.so

# The program, its four modules (where plugin.c looks for them: MODDIR is
# compiled in), the page and the shell completions (completion/); uninstall
# removes exactly these files, and the modules' folder once empty.  A
# PREFIX other than the build's compiles plugin.c again and relinks.
INSTALLED := $(BINDIR)/qingdan $(addprefix $(MODDIR)/,$(notdir $(MODULES))) $(MANDIR)/qingdan.1 \
	$(BASHCOMPDIR)/qingdan $(ZSHCOMPDIR)/_qingdan
install: $(BUILD)/qingdan $(MODULES)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MODDIR) $(DESTDIR)$(MANDIR) \
	  $(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(ZSHCOMPDIR)
	install -m 755 $(BUILD)/qingdan $(DESTDIR)$(BINDIR)/qingdan
	install -m 644 $(MODULES) $(DESTDIR)$(MODDIR)/
	install -m 644 qingdan.1 $(DESTDIR)$(MANDIR)/qingdan.1
	install -m 644 completion/qingdan.bash $(DESTDIR)$(BASHCOMPDIR)/qingdan
	install -m 644 completion/_qingdan $(DESTDIR)$(ZSHCOMPDIR)/_qingdan

uninstall:
	rm -f $(addprefix $(DESTDIR),$(INSTALLED))
	rmdir $(DESTDIR)$(MODDIR) 2>/dev/null || true

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)

# ---- make fuzz-smoke: the libFuzzer targets of tests/fuzz/ (issue 8) ----
# Built with clang into build-fuzz/: the core objects by the pattern rules
# above (BUILD=build-fuzz CC=clang) with -fsanitize=fuzzer-no-link,address,
# undefined, each target linked with -fsanitize=fuzzer.  tests/fuzz/smoke.sh
# runs each for a bounded number of inputs from its seed corpus
# (tests/fuzz/corpus/TARGET/; FUZZ_RUNS=K runs K times as many) and ends
# with "N passed, N failed", one per target.
FUZZ_SRC := $(wildcard tests/fuzz/fuzz_*.c)
FUZZ_SAN := -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined \
	-fno-omit-frame-pointer
.PHONY: fuzz-smoke fuzz-build
fuzz-smoke: deps
	$(Q)$(MAKE) --no-print-directory BUILD=build-fuzz CC=clang OPT="-O1 -g" SAN="$(FUZZ_SAN)" fuzz-build
	$(Q)sh tests/fuzz/smoke.sh build-fuzz/fuzz $(FUZZ_SRC:tests/fuzz/%.c=%)

fuzz-build: $(FUZZ_SRC:tests/fuzz/%.c=$(BUILD)/fuzz/%)

$(BUILD)/fuzz/%: $(BUILD)/tests/fuzz/%.o $(BUILD)/libqd.a
	@mkdir -p $(dir $@)
	$(E) "  LD    $@"
	$(Q)$(CC) $(LDFLAGS) -fsanitize=fuzzer -o $@ $^ $(LDLIBS)

# the workbook reader is the sheet module's: its objects linked in
$(BUILD)/fuzz/fuzz_xlsx: $(BUILD)/tests/fuzz/fuzz_xlsx.o $(SHEET_OBJ) $(BUILD)/libqd.a
	@mkdir -p $(dir $@)
	$(E) "  LD    $@"
	$(Q)$(CC) $(LDFLAGS) -fsanitize=fuzzer -o $@ $^ $(LDLIBS) $(SHEET_LIBS)
