# tests/problem_import.sh — `import --problems` (issue 12 §4): a 巡察反馈问题
# 清单 sheet in UTF-8 and GBK (a title line, a 序号 column, a merged 问题
# cell saved as blank continuation rows, raisers of the file, from outside
# and anonymous), the measures made as items of the org's 整改清单, every
# bad row named FILE:LINE, all or nothing, --dry-run, the defaults --org
# and --source, and who may; --today pinned, on either backend.
. "$(dirname "$0")/lib.sh"

B1='机关第一党支部（办公室）'
B2='机关第二党支部（业务处室）'
nprob() { dbsql "SELECT count(*) FROM problem"; }
nmeas() { dbsql "SELECT count(*) FROM problem_measure"; }
nitem() { dbsql "SELECT count(*) FROM item"; }

demo_db
P0=$(nprob) M0=$(nmeas) I0=$(nitem)
check "demo has problems" [ "$P0" -gt 0 ]

cat >"$T/list.csv" <<CSV
市委第三巡察组反馈问题整改清单
序号,问题,来源,单位,发现时间,类别,反映人,联系方式,整改措施,责任人,分管领导,完成时限,整改标准
1,落实“第一议题”制度不够规范,巡察,党组,2026-04-10,政治建设,,,完善第一议题学习台账,郑国强,赵立新,2026-08-31,台账完整
,,,,,,,,每季度通报一次学习落实情况,李红梅,赵立新,2026/9/30,
2,窗口服务态度生硬,公开电话,机关党委,2026年5月6日,作风建设,张先生,138****5621,开展窗口文明服务培训,林涛,陈晓东,2026.7.31,培训全覆盖
3,支部会议记录不全,组织生活会查摆,$B2,2026-02-20,组织建设,高峰,,,,,,
4,食堂意见箱反映菜品单一,意见箱,机关党委,2026-05-20,其他,匿名,,,,,,
CSV
run qd import --problems "$T/list.csv" --dry-run
check "dry run exit 0" is "$RC" 0
check "dry run says so" has "$OUT" "检查通过：可导入 4 个问题、3 项整改措施（UTF-8）；未写入"
check "dry run wrote no problem" is "$(nprob)" "$P0"
check "dry run wrote no item" is "$(nitem)" "$I0"
run qd import --problems "$T/list.csv"
check "import exit 0" is "$RC" 0
check "import summary" has "$OUT" "已导入 4 个问题、3 项整改措施（UTF-8）"
check "four problems more" is "$(nprob)" $((P0 + 4))
check "three measures more" is "$(nmeas)" $((M0 + 3))
check "three items more" is "$(nitem)" $((I0 + 3))
FIRST=$((P0 + 1))
check "the source read (巡察 → inspection)" is "$(dbsql "SELECT source FROM problem WHERE id = $FIRST")" inspection
check "a merged 问题 cell: both measures on the first problem" \
	is "$(dbsql "SELECT count(*) FROM problem_measure WHERE problem_id = $FIRST")" 2
check "the measures are items of 党组's 整改清单" \
	is "$(dbsql "SELECT DISTINCT l.kind || ' ' || o.name FROM problem_measure pm JOIN item i ON i.id = pm.item_id JOIN list l ON l.id = i.list_id JOIN org o ON o.id = l.org_id WHERE pm.problem_id = $FIRST")" "rectify 党组"
check "the continuation's due read (2026/9/30)" \
	is "$(dbsql "SELECT max(i.due) FROM problem_measure pm JOIN item i ON i.id = pm.item_id WHERE pm.problem_id = $FIRST")" 2026-09-30
check "the standard kept" \
	is "$(dbsql "SELECT i.standard FROM problem_measure pm JOIN item i ON i.id = pm.item_id WHERE pm.problem_id = $FIRST ORDER BY i.id LIMIT 1")" 台账完整
check "an outside raiser with contact" \
	is "$(dbsql "SELECT raiser_name || '|' || contact || '|' || coalesce(raiser_id, 0) FROM problem WHERE id = $((P0 + 2))")" "张先生|138****5621|0"
check "a date as 2026年5月6日" is "$(dbsql "SELECT raised_on FROM problem WHERE id = $((P0 + 2))")" 2026-05-06
check "a raiser of the file is the person" \
	is "$(dbsql "SELECT p.name FROM problem pr JOIN person p ON p.id = pr.raiser_id WHERE pr.id = $((P0 + 3))")" 高峰
check "匿名 is anonymous" \
	is "$(dbsql "SELECT raiser_name || '|' || coalesce(raiser_id, 0) FROM problem WHERE id = $((P0 + 4))")" "|0"
check "the year follows 发现时间" is "$(dbsql "SELECT year FROM problem WHERE id = $FIRST")" 2026
check "audit rows of the problems" \
	is "$(dbsql "SELECT count(*) FROM audit WHERE entity = 'problem' AND entity_id > $P0")" 4
check "audit rows of the measures" \
	is "$(dbsql "SELECT count(*) FROM audit WHERE entity = 'problem_measure' AND action = 'add' AND entity_id > $M0")" 3
run qd audit verify
check "chain verifies after import" is "$RC" 0

# GBK (as Excel on Chinese Windows saves it)
if command -v iconv >/dev/null; then
	sed -n '2,4p' "$T/list.csv" | sed 's/落实“第一议题”制度不够规范/GBK问题/' | iconv -f UTF-8 -t GBK >"$T/gbk.csv"
	run qd import --problems "$T/gbk.csv"
	check "gbk import exit 0" is "$RC" 0
	check "gbk: encoding named" has "$OUT" "GB18030"
	check "gbk: a problem with its 2 measures" has "$OUT" "已导入 1 个问题、2 项整改措施"
	check "gbk: text read" is "$(dbsql "SELECT count(*) FROM problem WHERE text = 'GBK问题'")" 1
fi

# --org and --source fill blank cells
printf '问题,整改措施,责任人,完成时限\n档案管理不规范,补齐档案,刘洋,2026-10-31\n' >"$T/short.csv"
run qd import --problems "$T/short.csv"
check "no 单位 nor 来源: refused" is "$RC" 1
check "…says to give --org" has "$ERR" "short.csv:2: 没有填写单位；请填“单位”列，或用 --org 指定"
check "…and --source" has "$ERR" "没有填写来源；请填“来源”列，或用 --source 指定"
N0=$(nprob)
run qd import --problems "$T/short.csv" --org "$B1" --source superior
check "with --org and --source exit 0" is "$RC" 0
check "…the defaults used" is "$(dbsql "SELECT o.name || ' ' || p.source FROM problem p JOIN org o ON o.id = p.org_id WHERE p.id = $((N0 + 1))")" "$B1 superior"
run qd import --problems "$T/short.csv" --source 茶话会
check "a bad --source is usage" is "$RC" 2
run qd import --problems "$T/short.csv" --meetings "$T/short.csv"
check "--problems with --meetings is usage" is "$RC" 2
run qd import "$T/short.csv" --source self
check "--source without --problems is usage" is "$RC" 2

# every bad row named, nothing written
cat >"$T/bad.csv" <<CSV
问题描述,来源,单位,发现时间,反映人,联系方式,整改措施,责任人,完成时限
好的一行,自查,党组,2026-03-01,,,,,
坏的来源,茶话会,党组,2026-13-01,,,,,
,,,,,,补充措施,无名氏,
有联系方式却匿名,公开电话,党组,2026-03-02,匿名,13800000000,,,
缺责任人,自查,不存在的支部,2026-03-03,,,整改一下,,2026-09-01
只有时限,自查,党组,2026-03-04,,,,,2026-09-01
重名的反映人,自查,党组,2026-03-05,王伟,,,,
CSV
N0=$(nprob) I1=$(nitem) A0=$(dbsql "SELECT count(*) FROM audit")
run qd import --problems "$T/bad.csv"
check "bad file exit 1" is "$RC" 1
check "bad source at line 3" has "$ERR" "bad.csv:3: 来源“茶话会”无效"
check "bad date at line 3" has "$ERR" "发现时间“2026-13-01”无效"
check "unknown owner at line 4" has "$ERR" "bad.csv:4: 责任人“无名氏”不在人员名单上"
check "a measure without due at line 4" has "$ERR" "有整改措施却没有完成时限"
check "contact without raiser at line 5" has "$ERR" "bad.csv:5: 有联系方式却没有反映人"
check "unknown org at line 6" has "$ERR" "bad.csv:6: 找不到组织“不存在的支部”"
check "a measure without owner at line 6" has "$ERR" "有整改措施却没有责任人"
check "a due without measure at line 7" has "$ERR" "bad.csv:7: 没有整改措施，却填了完成时限"
check "an ambiguous raiser at line 8" has "$ERR" "bad.csv:8: 反映人“王伟”与名单上多人同名"
check "good line 2 not reported" hasnt "$ERR" "bad.csv:2:"
check "summary counts 6 bad rows" has "$ERR" "6 行有错误，未导入任何问题"
check "all or nothing: problems" is "$(nprob)" "$N0"
check "all or nothing: items" is "$(nitem)" "$I1"
check "all or nothing: audit" is "$(dbsql "SELECT count(*) FROM audit")" "$A0"
run qd --lang en import --problems "$T/bad.csv"
check "errors in English" has "$ERR" "bad.csv:3: invalid source"
printf '问题,整改措施,责任人,完成时限\n,没有问题的措施,刘洋,2026-10-31\n' >"$T/orphan.csv"
run qd import --problems "$T/orphan.csv" --org "$B1" --source self
check "a measure row before any problem" has "$ERR" "orphan.csv:2: 只填了整改措施的行须接在一个问题行之后"
printf '来源,单位\n自查,党组\n' >"$T/nohead.csv"
run qd import --problems "$T/nohead.csv"
check "no 问题 column: no header" has "$ERR" "nohead.csv:1: 找不到表头"
printf '问题,来源,问题描述\nx,self,y\n' >"$T/dup.csv"
run qd import --problems "$T/dup.csv" --org 党组
check "the 问题 column twice" has "$ERR" "dup.csv:1: “问题描述”列出现了两次（第 1 列和第 3 列）"
printf '问题,来源\n' >"$T/empty.csv"
run qd import --problems "$T/empty.csv" --org 党组
check "no rows: nothing imported" has "$ERR" "没有问题行，未导入任何问题"
run qd import --problems "$T/missing.csv"
check "missing file exit non-zero" [ "$RC" -ne 0 ]

# who may: the demo officer made a plain member may record no problem of
# branch 1 (she is none of its 书记/副书记/组织委员), nor add a measure
run qd person set 王芳 --admin no
check "demote the demo officer" is "$RC" 0
N0=$(nprob)
printf '问题,来源,单位,整改措施,责任人,完成时限\n会议室预约混乱,自查,%s,制定预约办法,刘洋,2026-09-30\n' "$B1" >"$T/who.csv"
run qd import --problems "$T/who.csv"
check "a non-recorder is refused" is "$RC" 1
check "…says who may record" has "$ERR" "who.csv:2: 不能登记$B1的问题"
check "…and who may add measures" has "$ERR" "只有管理员可以添加"
check "…and writes nothing" is "$(nprob)" "$N0"
run qd import --problems "$T/who.csv" --dry-run
check "a dry run says the same" is "$RC" 1
check "…at the same line" has "$ERR" "who.csv:2: 不能登记$B1的问题"

finish
