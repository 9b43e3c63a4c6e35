/* plugin.c — loads the modules of plugin.h on first use (plugin_load, and
 * plugin_once for a caller's module): the print module (qingdan-print.so:
 * PDF and XLSX, with pango, cairo and libxlsxwriter) for plugin_print()
 * here, the PostgreSQL module (qingdan-pg.so, libpq) for db.c, the sheet
 * and collation modules for sheet.c and collate.c; plugin.h has the
 * contract and the search order.  Also doc.h's doc_render_pdf(), which is
 * the print module's renderer reached through the table.
 *
 * The test programs link the modules' objects: then the entry (a weak
 * reference in its caller) is defined and its table used as is.  The
 * program proper does not, and dlopen()s the module from the folders of
 * plugin.h. */
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

/* Defined when the print module's objects are linked in (the test programs). */
extern const struct qd_print_plugin *qingdan_print_plugin(void) __attribute__((weak));

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

/* t if its stamp is the one spec wants, else NULL with the reason. */
static const void *check(const struct plugin_spec *spec, const void *t, const char *file,
			 struct strbuf *err)
{
	const struct qd_plugin_stamp *st = t;   /* every table begins with its stamp */
	if (!st || st->version != spec->version || st->size != spec->size || st->nmsg != M__COUNT) {
		sb_printf(err, msg((enum msg_id)spec->m_version), file, st ? st->version : 0,
			  spec->version);
		return NULL;
	}
	return t;
}

static const void *open_module(const struct plugin_spec *spec, const char *file, struct strbuf *err)
{
	void *h = dlopen(file, RTLD_NOW | RTLD_LOCAL);
	if (!h) {
		const char *why = dlerror();
		sb_printf(err, msg((enum msg_id)spec->m_load), file, why ? why : "dlopen");
		return NULL;
	}
	const void *(*entry)(void);
	void *sym = dlsym(h, spec->entry);
	if (!sym) {
		const char *why = dlerror();
		sb_printf(err, msg((enum msg_id)spec->m_load), file, why ? why : spec->entry);
		dlclose(h);
		return NULL;
	}
	memcpy(&entry, &sym, sizeof entry);     /* POSIX: a data pointer to a function */
	const void *t = check(spec, entry(), file, err);
	if (!t)
		dlclose(h);
	return t;     /* kept loaded for the life of the process */
}

const void *plugin_load(const struct plugin_spec *spec, const void *builtin, struct strbuf *err)
{
	if (builtin)
		return check(spec, builtin, "(built in)", err);
	const char *env = getenv("QINGDAN_LIBDIR");
	char *here = exe_dir();
	/* PREFIX/bin/qingdan: PREFIX/lib/qingdan, wherever PREFIX was moved
	 * (a DESTDIR staging folder, a copied tree); skipped when it is QD_LIBDIR */
	size_t n = strlen(here);
	char *rel = n >= 4 && strcmp(here + n - 4, "/bin") == 0
			    ? xasprintf("%.*s/lib/qingdan", (int)(n - 4), here)
			    : NULL;
	if (rel && strcmp(rel, QD_LIBDIR) == 0) {
		free(rel);
		rel = NULL;
	}
	const char *dirs[] = {env && *env ? env : NULL, *here ? here : NULL, rel, QD_LIBDIR};
	struct strbuf tried = {0};
	const void *t = NULL;
	int found = 0;
	for (size_t i = 0; i < ARRAY_SIZE(dirs) && !found; i++) {
		if (!dirs[i])
			continue;
		char *file = xasprintf("%s/%s", dirs[i], spec->file);
		if (access(file, F_OK) == 0) {
			found = 1;
			t = open_module(spec, file, err);
		} else {
			sb_printf(&tried, "%s%s", tried.len ? ", " : "", file);
		}
		free(file);
	}
	if (!found)
		sb_printf(err, msg((enum msg_id)spec->m_missing), spec->file, tried.s ? tried.s : "",
			  strerror(ENOENT));
	sb_free(&tried);
	free(rel);
	free(here);
	return t;
}

const void *plugin_once(struct plugin_once *o, const void *builtin, struct strbuf *err)
{
	if (!o->loaded && (!o->error || !o->keep_failure)) {
		struct strbuf why = {0};
		o->loaded = plugin_load(&o->spec, builtin, &why);
		free(o->error);
		o->error = o->loaded ? NULL : why.s ? sb_take(&why) : xstrdup("?");
		sb_free(&why);
	}
	if (!o->loaded && err)
		sb_puts(err, o->error);
	return o->loaded;
}

const struct qd_print_plugin *plugin_print(struct strbuf *err)
{
	static struct plugin_once once = {.spec = {
		.file = QD_PLUGIN_FILE,
		.entry = QD_PLUGIN_ENTRY,
		.version = QD_PLUGIN_VERSION,
		.size = sizeof(struct qd_print_plugin),
		.m_missing = M_PLUGIN_MISSING,
		.m_load = M_PLUGIN_LOAD,
		.m_version = M_PLUGIN_VERSION,
	}};
	return plugin_once(&once, qingdan_print_plugin ? qingdan_print_plugin() : NULL, err);
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
