/* sha256.c — store_sha256_hex (store.h): SHA-256 by OpenSSL's libcrypto,
 * which is loaded (dlopen) on the first digest instead of linked.  Only
 * the commands that open a file hash anything (the audit trail, print
 * codes, the anchor's name of the file); `help`, `--version` and shell
 * completion start without libcrypto's mapping and relocation — half a
 * millisecond, a third of a bare command's start (issue 10 item 1:
 * bench/startup.sh measures an empty main() linked with and without it).
 * The functions are looked up under their own prototypes (typeof the
 * declarations in OpenSSL's headers), so a changed signature fails the
 * build, not the call. */
#include "qingdan/store.h"

#include <dlfcn.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/opensslv.h>

#include "qingdan/util.h"

#define STR_(x) #x
#define STR(x) STR_(x)
#define LIBCRYPTO "libcrypto.so." STR(OPENSSL_SHLIB_VERSION)

static struct {
	__typeof__(OPENSSL_init_crypto) *init;
	__typeof__(EVP_MD_fetch) *fetch;
	__typeof__(EVP_MD_CTX_new) *ctx_new;
	__typeof__(EVP_DigestInit_ex) *digest_init;
	__typeof__(EVP_DigestUpdate) *digest_update;
	__typeof__(EVP_DigestFinal_ex) *digest_final;
	EVP_MD *sha256;       /* fetched once: a lookup per digest cost a tenth */
	EVP_MD_CTX *ctx;      /* of each 600-byte record's (issue 10) */
} c;

static void *need(void *h, const char *name)
{
	void *f = dlsym(h, name);
	if (!f)
		die("%s: no %s", LIBCRYPTO, name);
	return f;
}

static void load(void)
{
	void *h = dlopen(LIBCRYPTO, RTLD_NOW | RTLD_LOCAL);
	if (!h)
		die("cannot load %s (SHA-256 of the audit trail): %s; install libssl3", LIBCRYPTO,
		    dlerror());
	/* POSIX's way to a function from dlsym (ISO C has none) */
#define NEED(field, name) (*(void **)&c.field = need(h, name))
	NEED(init, "OPENSSL_init_crypto");
	NEED(fetch, "EVP_MD_fetch");
	NEED(ctx_new, "EVP_MD_CTX_new");
	NEED(digest_init, "EVP_DigestInit_ex");
	NEED(digest_update, "EVP_DigestUpdate");
	NEED(digest_final, "EVP_DigestFinal_ex");
#undef NEED
	/* OpenSSL's default start reads openssl.cnf and names every cipher
	 * and digest of the legacy tables: 1.2 ms of a command's 2–3, for
	 * one digest by fetch */
	c.init(OPENSSL_INIT_NO_LOAD_CONFIG | OPENSSL_INIT_NO_ADD_ALL_CIPHERS |
		       OPENSSL_INIT_NO_ADD_ALL_DIGESTS,
	       NULL);
	c.sha256 = c.fetch(NULL, "SHA256", NULL);
	c.ctx = c.ctx_new();
	if (!c.sha256 || !c.ctx)
		die("%s: no SHA-256", LIBCRYPTO);
}

void store_sha256_hex(const char *text, size_t len, char *out)
{
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int n = 0;
	if (!c.ctx)
		load();
	if (!c.digest_init(c.ctx, c.sha256, NULL) || !c.digest_update(c.ctx, text, len) ||
	    !c.digest_final(c.ctx, md, &n))
		die("%s: SHA-256 failed", LIBCRYPTO);
	for (unsigned i = 0; i < n; i++) {
		out[2 * i] = "0123456789abcdef"[md[i] >> 4];
		out[2 * i + 1] = "0123456789abcdef"[md[i] & 15];
	}
	out[2 * n] = '\0';
}
