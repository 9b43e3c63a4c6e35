/* msg_pg.h — the strings of the PostgreSQL driver (src/store/pg.c; issue
 * 9): loading its module, connecting, a database that is not qingdan's, a
 * lost connection, a writer waiting for another.  Part of the catalogue of msg.h, same form
 * (id, 中文, English); every line ends with a backslash. */
#ifndef QINGDAN_MSG_PG_H
#define QINGDAN_MSG_PG_H

#define MSG_LIST_PG(_) \
	/* the module qingdan-pg.so (plugin.h): the driver and libpq */ \
	_(M_PG_MODULE_MISSING, "找不到 PostgreSQL 模块 %s（已查找：%s：%s）；连接 PostgreSQL 数据库需要它：请把它放在 qingdan 程序旁边，或用 QINGDAN_LIBDIR 指明所在文件夹", "cannot find the PostgreSQL module %s (searched: %s: %s); connecting to a PostgreSQL database needs it: put it beside the qingdan program, or name its folder in QINGDAN_LIBDIR") \
	_(M_PG_MODULE_LOAD, "无法加载 PostgreSQL 模块 %s：%s", "cannot load the PostgreSQL module %s: %s") \
	_(M_PG_MODULE_VERSION, "PostgreSQL 模块 %s 与本程序不配套（模块接口版本 %d，本程序需要 %d，或来自另一次构建）；请重新安装 qingdan", "the PostgreSQL module %s does not match this program (module interface %d, this program needs %d, or another build); reinstall qingdan") \
	_(M_PG_WHERE, "数据库 %s（服务器 %s）", "database %s (server %s)") \
	_(M_PG_SERVICE, "服务 %s", "service %s") \
	_(M_PG_BAD_URI, "连接串 %s 无效：%s；请写成 postgresql://主机/数据库、postgresql:///数据库?host=/套接字目录 或 pg:服务名", "invalid connection string %s: %s; write postgresql://HOST/DB, postgresql:///DB?host=/SOCKET/DIR or pg:SERVICE") \
	_(M_PG_NO_SERVICE, "pg: 后面缺少服务名（pg_service.conf 中的一节）", "pg: needs a service name (a section of pg_service.conf)") \
	_(M_PG_CONNECT, "无法连接%s：%s；请检查服务器是否在运行、连接串和用户名是否正确（密码可写在 ~/.pgpass）", "cannot connect to %s: %s; check that the server is running and that the connection string and user are right (a password can go in ~/.pgpass)") \
	_(M_PG_OPEN_FAILED, "无法打开%s：%s", "cannot open %s: %s") \
	_(M_PG_NOT_QINGDAN, "%s里已有别的表，不是 qingdan 的数据库（未作任何改动）；请用 --db 指定 qingdan 的数据库，或新建一个空数据库再 init", "%s holds other tables and is not a qingdan database (left untouched); give qingdan's database with --db, or create an empty one and run init") \
	_(M_PG_EMPTY, "%s是空的，还没有 qingdan 的数据；请先运行 qingdan --db 连接串 init", "%s is empty: it has no qingdan data yet; run qingdan --db URI init first") \
	_(M_PG_NO_SCHEMA, "%s没有可用的模式（search_path 中的模式都不存在）；请检查角色的 search_path", "%s has no schema to use (none of the search_path exists); check the role's search_path") \
	_(M_PG_LOST, "与数据库服务器的连接中断：%s", "the connection to the database server was lost: %s") \
	_(M_PG_LOST_TX, "与数据库服务器的连接中断，这次修改没有保存（已保存的数据不受影响）；请重试", "the connection to the database server was lost; this change was not saved (what was saved before is safe): try again") \
	_(M_PG_LOST_RETRY, "与数据库服务器的连接中断过，已重新连接；这次操作没有完成，请重试", "the connection to the database server was lost and is back; this operation did not complete: try again") \
	_(M_PG_COMMIT_ROLLED_BACK, "这次修改没有保存：其中一步出错（%s），整个事务已撤销", "this change was not saved: a step of it failed (%s), so the whole transaction was rolled back") \
	_(M_PG_RECONNECTING, "连接中断，正在重连…", "connection lost, reconnecting…") \
	_(M_PG_RECONNECT_FAILED, "与数据库服务器的连接中断，%d 秒内没能重连（%s）；请检查网络和数据库服务器后再试", "the connection to the database server was lost and could not be restored within %d s (%s); check the network and the server, then try again") \
	_(M_PG_BUSY, "数据库正被 %s占用，等了 %d 秒仍未释放，未作改动；等它完成后再试，或请该用户退出", "the database is held by %s and was not released within %d s; nothing was changed; try again when it has finished, or ask that user to quit") \
	_(M_PG_BUSY_UNKNOWN, "数据库正被另一个连接占用，等了 %d 秒仍未释放，未作改动；请稍后再试", "the database is held by another connection and was not released within %d s; nothing was changed; try again later") \
	_(M_PG_RECONNECT_WAIT, "连接中断，正在重连…已等 %d 秒", "connection lost, reconnecting… %d s") \
	_(M_ACT_MANAGE_ROLES, "管理数据库角色", "manage database roles") \
	_(M_ROLE_SQLITE, "db grant 和 db revoke 只用于 PostgreSQL 服务器上的数据库；%s 是 SQLite 文件，由文件权限决定谁能访问", "db grant and db revoke are for a database on a PostgreSQL server; %s is a SQLite file, whose permissions decide who may use it") \
	_(M_ROLE_BAD_LOGIN, "登录名“%s”无效：须为 1 到 63 个字节、不含空白和控制字符", "invalid login \"%s\": 1 to 63 bytes, no spaces or control characters") \
	_(M_ROLE_REFUSED, "服务器拒绝：%s；授予或收回登录需要 CREATEROLE 权限（请数据库管理员执行 ALTER ROLE 你的角色 CREATEROLE）", "refused by the server: %s; granting or revoking a login needs CREATEROLE (ask the database administrator: ALTER ROLE your_role CREATEROLE)") \
	_(M_ROLE_CREATED, "已新建登录角色 %s，并允许它使用本数据库", "created the login role %s and let it use this database") \
	_(M_ROLE_ENABLED, "已允许角色 %s 登录并使用本数据库", "let the role %s log in and use this database") \
	_(M_ROLE_GRANTED, "已允许角色 %s 使用本数据库", "let the role %s use this database") \
	_(M_ROLE_UNCHANGED, "角色 %s 本来就%s", "the role %s already %s") \
	_(M_ROLE_HAS, "可以使用本数据库", "may use this database") \
	_(M_ROLE_HASNT, "不能使用本数据库", "may not use this database") \
	_(M_ROLE_REVOKED, "已收回角色 %s 对本数据库的使用权（角色本身保留）", "took away the role %s's use of this database (the role itself stays)") \
	_(M_ROLE_NO_PERSON, "注意：还没有登录名为 %s 的人员，这个角色目前只能查看；用 qingdan person add 姓名 --login %s 添加", "note: no person has the login %s yet, so the role can only read; add one with qingdan person add NAME --login %s") \
	_(M_PG_BAD_PARAM, "SQL 参数“%s”无效（编号须在 1 到 32766 之间）", "invalid SQL parameter \"%s\" (numbers go from 1 to 32766)")

#endif
