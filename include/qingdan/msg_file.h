/* msg_file.h — the strings of reading and writing the user's files
 * (infile.h, outfile.h; issue 8, items 2 and 3): part of the catalogue of
 * msg.h, same form (id, 中文, English); every line ends with a backslash. */
#ifndef QINGDAN_MSG_FILE_H
#define QINGDAN_MSG_FILE_H

#define MSG_LIST_FILE(_) \
	/* input files */ \
	_(M_IN_STDIN, "标准输入", "standard input") \
	_(M_IN_OPEN, "无法读取 %s：%s", "cannot read %s: %s") \
	_(M_IN_NOT_REGULAR, "%s 不是普通文件（目录、管道、设备都不能读取），未读取；请给出一个普通文件，或用 - 从标准输入读取", "%s is not a regular file (a folder, pipe or device cannot be read); nothing read: name a regular file, or - for standard input") \
	_(M_IN_TOO_BIG, "%s 超过 %d MB 的上限，未读取", "%s is over the %d MB limit; nothing read") \
	/* output files */ \
	_(M_OUT_EXISTS, "%s 已存在；要替换请加 --force", "%s already exists; add --force to replace it") \
	_(M_OUT_EXISTS_NAME, "%s 已存在；请换一个文件名", "%s already exists; choose another name") \
	_(M_OUT_IS_DIR, "%s 是文件夹；请给出文件名", "%s is a folder; name a file") \
	_(M_OUT_FAILED, "无法写入 %s：%s", "cannot write %s: %s") \
	_(M_DB_DIR_WORLD_WRITABLE, "警告：存放 %s 的文件夹对所有用户可写，别人可以替换这个文件或预先放下它的日志文件；建议 chmod o-w %s，或把文件移到只有本单位能写的文件夹", "warning: the folder holding %s is writable by every user, who can replace the file or plant its journal files; consider chmod o-w %s, or move the file to a folder only your office can write")

#endif
