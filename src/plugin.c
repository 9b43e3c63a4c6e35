/* plugin.c — loads the print module (qingdan-print.so: PDF and XLSX, with
 * pango, cairo and libxlsxwriter) on first use; plugin.h has the contract
 * and the search order.  Also doc.h's doc_render_pdf(), which is the
 * module's renderer reached through the table.
 *
 * The test programs link the module's objects: then qingdan_print_plugin
 * (a weak reference here) is defined and used as is.  The program proper
 * does not, and dlopen()s the module from the folders of plugin.h. */
#include "qingdan/plugin.h"

#include <dlfcn.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "qingdan/doc.h"
#include "qingdan/msg.h"

#ifndef QD_LIBDIR
#define QD_LIBDIR "/usr/local/lib/qingdan"
#endif

/* Defined when the module's objects are linked in (the test programs). */
extern const struct qd_print_plugin *qingdan_print_plugin(void) __attribute__((weak));

static const struct qd_print_plugin *loaded;

/* The folder of the running program ("" if unknown), no trailing '/'. */
static char *exe_dir(void)
{
	char buf[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
	if (n <= 0)
		return xstrdup("");
	buf[n] = '\0';
	char *slash = strrchr(buf, '/');
	if (slash)
		*slash = '\0';
	return xstrdup(buf);
}

static const struct qd_print_plugin *check(const struct qd_print_plugin *p, const char *file,
					   struct strbuf *err)
{
	if (!p || p->version != QD_PLUGIN_VERSION || p->size != sizeof *p || p->nmsg != M__COUNT) {
		sb_printf(err, msg(M_PLUGIN_VERSION), file, p ? p->version : 0, QD_PLUGIN_VERSION);
		return NULL;
	}
	return loaded = p;
}

static const struct qd_print_plugin *open_module(const char *file, struct strbuf *err)
{
	void *h = dlopen(file, RTLD_NOW | RTLD_LOCAL);
	if (!h) {
		const char *why = dlerror();
		sb_printf(err, msg(M_PLUGIN_LOAD), file, why ? why : "dlopen");
		return NULL;
	}
	const struct qd_print_plugin *(*entry)(void);
	void *sym = dlsym(h, QD_PLUGIN_ENTRY);
	if (!sym) {
		const char *why = dlerror();
		sb_printf(err, msg(M_PLUGIN_LOAD), file, why ? why : QD_PLUGIN_ENTRY);
		dlclose(h);
		return NULL;
	}
	memcpy(&entry, &sym, sizeof entry);     /* POSIX: a data pointer to a function */
	const struct qd_print_plugin *p = check(entry(), file, err);
	if (!p)
		dlclose(h);
	return p;     /* kept loaded for the life of the process */
}

const struct qd_print_plugin *plugin_print(struct strbuf *err)
{
	if (loaded)
		return loaded;
	if (qingdan_print_plugin)
		return check(qingdan_print_plugin(), "(built in)", err);
	const char *env = getenv("QINGDAN_LIBDIR");
	char *here = exe_dir();
	const char *dirs[] = {env && *env ? env : NULL, *here ? here : NULL, QD_LIBDIR};
	struct strbuf tried = {0};
	const struct qd_print_plugin *p = NULL;
	int found = 0;
	for (size_t i = 0; i < ARRAY_SIZE(dirs) && !found; i++) {
		if (!dirs[i])
			continue;
		char *file = xasprintf("%s/%s", dirs[i], QD_PLUGIN_FILE);
		if (access(file, F_OK) == 0) {
			found = 1;
			p = open_module(file, err);
		} else {
			sb_printf(&tried, "%s%s", tried.len ? ", " : "", file);
		}
		free(file);
	}
	if (!found)
		sb_printf(err, msg(M_PLUGIN_MISSING), QD_PLUGIN_FILE, tried.s ? tried.s : "", strerror(ENOENT));
	sb_free(&tried);
	free(here);
	return p;
}

int doc_render_pdf(const struct doc *d, const char *path, char *err, size_t errlen)
{
	struct strbuf why = {0};
	const struct qd_print_plugin *p = plugin_print(&why);
	if (!p) {
		snprintf(err, errlen, "%s", why.s ? why.s : "");
		sb_free(&why);
		return -1;
	}
	return p->render_pdf(d, path, err, errlen);
}
