#!/bin/sh
# make-fixtures.sh — regenerates the CSV fixtures that tests/t_csv.c reads.
# The files are committed; this script documents their exact bytes.  Run it
# from anywhere: sh tests/data/csv/make-fixtures.sh   (needs iconv)
set -eu
cd "$(dirname "$0")"
gb() { iconv -f UTF-8 -t GB18030; }

# UTF-8, LF, no mark
printf '组织,类别,责任内容,责任人,完成时限\n党组,政治建设,坚持把学习贯彻习近平新时代中国特色社会主义思想作为首要政治任务,张三,2022-03-31\n机关党委,组织建设,落实“三会一课”制度,李四,2022/6/30\n' >utf8_plain.csv

# UTF-8 with the mark Excel's "CSV UTF-8" writes, CRLF
{ printf '\357\273\277'; printf '组织,类别,责任内容,责任人\r\n党组,政治建设,学习——贯彻,张三\r\n第一党支部,纪律建设,开展警示教育,王芳\r\n'; } >utf8_bom_crlf.csv

# GBK (what Excel/WPS "CSV" writes on Chinese Windows), CRLF
printf '组织,类别,责任内容,工作措施,完成标准,责任人,牵头领导,完成时限,状态\r\n党组,政治建设,深入学习贯彻党的二十大精神,开展专题学习研讨,全年不少于12次,张三,王书记,2022年12月31日,进行中\r\n机关党委,组织建设,落实“三会一课”制度,每季度上一次党课,记录完整,李四,赵主任,2022.3.31,已完成\r\n' | gb >gbk_crlf.csv

# quoting: commas, doubled quotes, CRLF / LF / lone CR inside quotes
printf '组织,责任内容,备注\r\n党组,"学习,贯彻,落实","他说""好"""\r\n机关党委,"第一行\r\n第二行\r\n第三行",x\r\n第一党支部,"单行",""\r\n"a""b",c,"x\ny"\nlast,"a\rb",z\r\n' >quoted.csv

# a quote opened on line 3 and never closed
printf 'a,b,c\n1,2,3\n4,"open field\nmore text\n5,6,7\n' >unterminated.csv

# UTF-8 lines, then a line with FF FF (neither UTF-8 nor GB18030)
{ printf '组织,类别\n党组,政治建设\n'; printf 'x,\377\377\n'; printf 'y,z\n'; } >invalid_bytes.csv

# GBK lines, then FF FF on line 4
{ printf '组织,类别\r\n党组,政治建设\r\n机关党委,组织建设\r\n' | gb; printf 'x,\377\377\r\n'; } >invalid_gbk.csv

# a UTF-8 mark followed by GBK text: the mark says UTF-8, so line 1 is bad
{ printf '\357\273\277'; printf '组织,类别\r\n' | gb; } >bom_gbk.csv

# empty file
: >empty.csv

# truly empty lines are skipped; lines of commas or spaces are records
printf '\n\na,b\n\n\r\n,\n  \nc,d\r\n\r\n\n' >blank_lines.csv

# the last record has no line end (and ends in a quoted field)
printf 'a,b\n1,2\n3,"x"' >no_trailing_newline.csv

# old Mac line ends
printf 'a,b\rc,d\re,f' >lone_cr.csv

# stray quotes inside unquoted fields are literal; text after a closing quote too
printf 'name,note\n张"三,5"寸屏\n"ab"c,x\n' >stray_quote.csv

# Excel "Unicode text": UTF-16LE with its mark
printf '\377\376a\000,\000b\000\r\000\n\000' >utf16le.csv
