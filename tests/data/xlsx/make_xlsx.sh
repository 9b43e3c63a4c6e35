#!/bin/sh
# tests/data/xlsx/make_xlsx.sh — make the workbooks tests/xlsx.sh and
# tests/t_xlsx.c import, with LibreOffice (soffice), from the text files
# beside this script (CI has no LibreOffice: the results are committed).
#   items.csv      excel_gbk.csv of ../import in UTF-8 (a title row, a blank
#                  row, a quoted line break; LibreOffice makes the ISO dates
#                  date cells) → items.xlsx, and items.xls (Excel 97-2003)
#   meetings.csv   a sign-in sheet (import --meetings) → meetings.xlsx
#   problems.csv   a problem list (import --problems) → problems.xlsx
#   merged.fods    a title merged across, 组织 merged down, date cells in two
#                  formats, rich text, a formula's text → merged.xlsx
#                  (merged.csv holds the same rows as a CSV)
#   sheets.fods    three sheets, the list on the second → sheets.xlsx
# Run it from anywhere: sh tests/data/xlsx/make_xlsx.sh
set -eu
cd "$(dirname "$0")"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/mkxlsx.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
# a profile of its own, so a running LibreOffice is not disturbed
so() { soffice -env:UserInstallation=file://"$tmp"/profile --headless "$@" >/dev/null 2>&1; }
for f in items meetings problems; do
	so --infilter="CSV:44,34,76,1" --convert-to xlsx --outdir . "$f.csv"
done
so --infilter="CSV:44,34,76,1" --convert-to xls --outdir . items.csv
for f in merged sheets; do
	so --convert-to xlsx --outdir . "$f.fods"
done
ls -l ./*.xlsx ./*.xls
