#!/bin/sh
# make-fixtures.sh — regenerates the import fixtures that tests/io.sh and
# tests/t_io.c read.  The files are committed; this script documents their
# exact bytes.  Run it from anywhere: sh tests/data/import/make-fixtures.sh
# (needs iconv).  Orgs are the two every file has (党组, 机关党委); people
# are new to a fresh file, except in ambiguous.csv, which is for the demo.
set -eu
cd "$(dirname "$0")"
gb() { iconv -f UTF-8 -t GB18030; }

# What Excel/WPS "CSV（逗号分隔）" writes on Chinese Windows: GBK, CRLF, a
# title row above the header, columns in the sheet's own order with one the
# program does not know (备注), an empty sheet row written as commas, cells
# with commas, quotes and line breaks quoted, every status label, every date
# form, and a due that is no date (长期坚持).
printf '%s\r\n' \
  '2026年度党建责任清单（机关党委汇总）,,,,,,,,,,' \
  '序号,组织,类别,责任内容,工作措施,完成标准,责任人,牵头领导,完成时限,状态,备注' \
  '1,党组,政治建设,"落实“第一议题”制度，及时传达学习重要讲话精神","党组会议第一议题学习,结合实际研究落实措施",全年不少于20次,张建国,李明,长期坚持,进行中,' \
  '2,党组,思想建设,党组理论学习中心组学习每年不少于12次,按年度计划开展集体学习,集体学习不少于12次,张建国,李明,2026年12月31日,未开始,' \
  ',,,,,,,,,,' \
  '3,机关党委,组织建设,"落实""三会一课""制度","支部委员会每月1次' \
  '党员大会每季度1次",会议记录完整规范,王小红,李明,2026/3/31,已销号,按时完成' \
  '4,机关党委,纪律建设,开展警示教育,组织观看警示教育片,全年不少于2次,王小红,,2026.9.30,待审核,' \
  '5,机关党委,作风建设,整治形式主义官僚主义,开展专项整治,问题整改到位,赵刚,李明,2026-06-30,已取消,' \
  '6,党组,制度建设,修订党组工作规则,修订并印发,经党组会议审议通过,张建国,李明,2026-05-20,已完成,' \
  | gb >excel_gbk.csv

# UTF-8 with the mark, LF, English headers in another order, status codes
{ printf '\357\273\277'; printf '%s\n' \
  'status,due,content,org,owner,lead,category,standard,measures,due_text,done_on' \
  'in_progress,2026-04-30,Study session on the Party constitution,党组,Zhang Wei,Li Ming,思想建设,4 sessions,Monthly study,,' \
  'done,2026-02-28,Annual plan issued,机关党委,Wang Fang,Li Ming,组织建设,Plan approved,Draft and approve,,2026-02-20' \
  'planned,,"Quarterly review, with minutes",机关党委,Wang Fang,,组织建设,,,每季度,' ; } >utf8_bom_lf.csv

# UTF-8 without the mark, CRLF, no 组织 column (import --org gives it)
printf '%s\r\n' \
  '类别,责任内容,责任人,完成时限,状态' \
  '组织建设,按期换届选举,刘洋,2026-11-30,未开始' \
  '组织建设,发展党员工作,刘洋,2026-10-31,进行中' >utf8_crlf_no_org.csv

# a quote opened on line 3 and never closed
printf '%s\r\n' \
  '组织,责任内容,责任人' \
  '党组,开展学习,张三' \
  '党组,"开展调研,形成报告,张三' \
  '机关党委,落实制度,李四' >bad_unterminated.csv

# UTF-8 lines, then bytes valid in neither UTF-8 nor GB18030 on line 3
{ printf '%s\n' '组织,责任内容' '党组,开展学习'; printf '党组,\377\376\n'; } >bad_encoding.csv

# a header without 责任内容
printf '%s\r\n' '组织,类别,责任人,完成时限' '党组,政治建设,张三,2026-03-31' >bad_no_content.csv

# an unknown status on line 3
printf '%s\r\n' '组织,责任内容,状态' '党组,开展学习,进行中' '党组,落实制度,已完工' >bad_status.csv

# empty
: >empty.csv

# several bad rows among good ones: every one is named, nothing written
printf '%s\n' \
  '组织,责任内容,责任人,完成时限,状态,销号日期' \
  '党组,好的一行,张三,2026-03-31,进行中,' \
  '第九党支部,组织不存在,张三,2026-03-31,进行中,' \
  '党组,,张三,2026-03-31,进行中,' \
  '党组,又一好行,李四,2026-04-30,未开始,' \
  '党组,状态不对,李四,2026-04-30,搁置,' \
  '党组,销号日期不对,李四,2026-04-30,已销号,2026-13-45' >bad_rows.csv

# for the demo file: two people are named 王伟
printf '%s\n' \
  '组织,责任内容,责任人,牵头领导' \
  '党组,重名要写清楚,王伟,赵立新' \
  '党组,用职务区分,王伟（组织委员、数据管理处副处长）,赵立新' \
  '党组,编号不存在,#99999,赵立新' >ambiguous.csv
