#!/bin/sh
# The one list of Debian packages qingdan needs to build, test and print.
# As root it installs whatever is missing; otherwise it prints the exact
# apt-get line to run and fails.  `make run`, `make test` and .ci/run use it.
# (clang and libclang-rt-14-dev: the libFuzzer targets of `make fuzz-smoke`;
# minizip + expat: reading .xlsx; freexl: .xls; ICU: pinyin and stroke order;
# Noto Serif CJK, HanaMin and Noto Color Emoji: the PDF font chain.)
set -u
PKGS="build-essential pkg-config clang libclang-rt-14-dev libncursesw5-dev libsqlite3-dev sqlite3 libssl-dev \
libpango1.0-dev libcairo2-dev libxlsxwriter-dev fonts-wqy-microhei poppler-utils \
libvterm-dev valgrind libutf8proc-dev libpq-dev postgresql \
libminizip-dev libexpat1-dev libfreexl-dev libicu-dev fonts-noto-cjk fonts-hanazono fonts-noto-color-emoji fonts-symbola"
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
