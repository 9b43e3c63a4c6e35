#!/bin/sh
# The one list of Debian packages qingdan needs to build, test and print.
# As root it installs whatever is missing; otherwise it prints the exact
# apt-get line to run and fails.  `make run`, `make test` and .ci/run use it.
# (clang and libclang-rt-14-dev: the libFuzzer targets of `make fuzz-smoke`;
# minizip + expat: reading .xlsx; freexl: .xls; ICU: pinyin and stroke order;
# Noto Serif CJK, HanaMin and Noto Color Emoji: the PDF font chain.)
#
# A library the build links is written PACKAGE:MODULE[,MODULE] — the
# pkg-config modules that package gives.  `deps.sh --check MODULE…` (run
# by the Makefile before it builds, with the modules it links) asks
# pkg-config for each and, when some are missing, names them with the
# `make deps` and apt-get lines and fails: the build stops there rather
# than deep in the compiler.  A module the list does not know is an error
# in this file (add its package here).
set -u
LIST="build-essential pkg-config clang libclang-rt-14-dev libncursesw5-dev:ncursesw \
libsqlite3-dev:sqlite3 sqlite3 libssl-dev:libcrypto \
libpango1.0-dev:pangocairo libcairo2-dev:cairo-pdf libxlsxwriter-dev:xlsxwriter fonts-wqy-microhei poppler-utils \
libvterm-dev:vterm valgrind libutf8proc-dev:libutf8proc libpq-dev:libpq postgresql \
libminizip-dev:minizip libexpat1-dev:expat libfreexl-dev libicu-dev:icu-uc,icu-i18n \
fonts-noto-cjk fonts-hanazono fonts-noto-color-emoji fonts-symbola"
PKGS=""
for e in $LIST; do PKGS="$PKGS ${e%%:*}"; done

# package_of MODULE: the package of LIST that gives it ("" if none)
package_of() {
  for e in $LIST; do
    case "$e" in *:*) ;; *) continue ;; esac
    case ",${e#*:}," in *",$1,"*) echo "${e%%:*}"; return ;; esac
  done
}

if [ "${1:-}" = --check ]; then
  shift
  mods="" need=""
  add() { case " $need " in *" $1 "*) ;; *) need="$need $1" ;; esac; }
  cc=${CC:-cc}
  if ! command -v "${cc%% *}" >/dev/null 2>&1; then
    mods="$mods ${cc%% *}"
    case "$cc" in clang*) add clang ;; *) add build-essential ;; esac
  fi
  if ! command -v pkg-config >/dev/null 2>&1; then
    mods="$mods pkg-config"
    add pkg-config
    for m in "$@"; do add "$(package_of "$m")"; done
  else
    for m in "$@"; do
      p=$(package_of "$m")
      if [ -z "$p" ]; then
        echo "scripts/deps.sh: no package in its list gives the pkg-config module $m; add it there" >&2
        exit 1
      fi
      pkg-config --exists "$m" && continue
      mods="$mods $m"
      add "$p"
    done
  fi
  [ -z "$mods" ] && exit 0
  echo "qingdan: cannot build: not found:$mods (their packages are not installed)." >&2
  echo "  Install everything qingdan needs, as root:  make deps" >&2
  echo "  or only what the build is missing:  sudo apt-get install -y --no-install-recommends$need" >&2
  exit 1
fi

missing=""
for p in $PKGS; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" -eq 0 ]; then
  echo "qingdan: installing:$missing" >&2
  export DEBIAN_FRONTEND=noninteractive
  { apt-get update -qq && apt-get install -y -qq --no-install-recommends $missing; } >&2 || {
    echo "qingdan: package installation failed" >&2; exit 1; }
else
  echo "qingdan: missing packages; run as root:" >&2
  echo "  sudo apt-get install -y --no-install-recommends$missing" >&2
  exit 1
fi
