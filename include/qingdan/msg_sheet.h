/* msg_sheet.h — the strings of reading spreadsheets (issue 13: `import`
 * of .xlsx through the sheet module qingdan-sheet.so, .xls refused, the
 * --sheet option): part of the catalogue of msg.h, same form (id, 中文,
 * English); every line ends with a backslash.  A message about a place in
 * the file starts "%s:" with FILE (or FILE:SHEET). */
#ifndef QINGDAN_MSG_SHEET_H
#define QINGDAN_MSG_SHEET_H

#define MSG_LIST_SHEET(_) \
	_(M_SH_NOT_ZIP, "%s：扩展名是 .xlsx，但文件不是 xlsx 工作簿（不是 zip 格式）；请在 WPS/Excel/LibreOffice 中打开后“另存为” .xlsx 或 CSV UTF-8", "%s: the name ends in .xlsx but the file is not an xlsx workbook (not a zip file); open it in WPS/Excel/LibreOffice and save it again (\"Save As\") as .xlsx or CSV UTF-8") \
	_(M_SH_ZIP, "%s：xlsx 文件已损坏，无法解压（%s，%d）；请在 WPS/Excel/LibreOffice 中打开后重新“另存为” .xlsx", "%s: the xlsx file is damaged and cannot be unpacked (%s, %d); open it in WPS/Excel/LibreOffice and save it again (\"Save As\") as .xlsx") \
	_(M_SH_MISSING_PART, "%s：文件缺少 %s，不是 Excel 工作簿（.xlsx）；请在 WPS/Excel/LibreOffice 中“另存为” .xlsx 或 CSV UTF-8", "%s: the file has no %s, so it is not an Excel workbook (.xlsx); save it (\"Save As\") as .xlsx or CSV UTF-8 in WPS/Excel/LibreOffice") \
	_(M_SH_XML, "%s：%s 第 %lu 行 XML 格式错误（%s）；文件已损坏，请在 WPS/Excel/LibreOffice 中重新“另存为” .xlsx", "%s: %s line %lu: malformed XML (%s); the file is damaged: save it again (\"Save As\") as .xlsx in WPS/Excel/LibreOffice") \
	_(M_SH_TOO_BIG, "%s：解压后超过 %d MB 的上限（%s）；请把表格拆成几个文件分别导入", "%s: over the %d MB limit once unpacked (%s); split the sheet into several files and import each") \
	_(M_SH_TOO_MANY, "%s：%s 太多（超过 %ld 个）；文件异常，请检查后重新保存", "%s: too many %s (over %ld); the file is unusual: check it and save it again") \
	_(M_SH_NO_SHEET, "%s：没有名为“%s”的工作表；工作表有：%s", "%s: no sheet named \"%s\"; the sheets are: %s") \
	_(M_SH_NO_SHEETS, "%s：工作簿里没有工作表", "%s: the workbook has no sheets") \
	_(M_SH_LIST_SEP, "、", ", ") \
	_(M_SH_SST_INDEX, "%s:%ld: 单元格 %s 引用了不存在的第 %ld 个共享字符串；文件已损坏，请重新“另存为” .xlsx", "%s:%ld: cell %s refers to shared string %ld, which does not exist; the file is damaged: save it again (\"Save As\") as .xlsx") \
	_(M_SH_BAD_CELL, "%s:%ld: 单元格引用“%s”超出工作表范围（最多 16384 列、1048576 行）", "%s:%ld: cell reference \"%s\" is outside the sheet (at most 16384 columns, 1048576 rows)") \
	_(M_SH_CELL_LONG, "%s:%ld: 单元格 %s 太长（超过 1 MB）", "%s:%ld: cell %s is too long (over 1 MB)") \
	_(M_SH_XLS, "%s 是旧版 Excel 97-2003 工作簿（.xls），不能直接导入；请在 WPS/Excel/LibreOffice 中打开，“另存为” .xlsx 或 CSV UTF-8 后再导入", "%s is an old Excel 97-2003 workbook (.xls) and cannot be imported as it is; open it in WPS/Excel/LibreOffice, save it (\"Save As\") as .xlsx or CSV UTF-8, and import that") \
	_(M_SH_CSV_SHEET, "%s 是 CSV 文件，没有工作表；--sheet 只用于 .xlsx 文件", "%s is a CSV file and has no sheets; --sheet is for .xlsx files only") \
	_(M_SH_MOD_MISSING, "找不到表格模块 %s（已查找：%s：%s）；读取 .xlsx 需要它：请把它放在 qingdan 程序旁边，或用 QINGDAN_LIBDIR 指明所在文件夹", "cannot find the spreadsheet module %s (searched: %s: %s); reading .xlsx needs it: put it beside the qingdan program, or name its folder in QINGDAN_LIBDIR") \
	_(M_SH_MOD_LOAD, "无法加载表格模块 %s：%s", "cannot load the spreadsheet module %s: %s") \
	_(M_SH_MOD_VERSION, "表格模块 %s 与本程序不配套（模块接口版本 %d，本程序需要 %d，或来自另一次构建）；请重新安装 qingdan", "the spreadsheet module %s does not match this program (module interface %d, this program needs %d, or another build); reinstall qingdan") \
	_(M_SH_ENCODING, "XLSX", "XLSX")

#endif
