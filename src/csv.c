/* csv.c — the streaming CSV reader behind `qingdan import` (contract in
 * csv.h).  Three layers, top to bottom of this file:
 *
 *  1. validators: a stateful UTF-8 checker and a stateful GB18030 checker
 *     (iconv into a scratch buffer), both fed arbitrary chunks;
 *  2. detect(): pass 1 over the raw bytes — UTF-8 throughout? if not, a
 *     line-by-line pass that tells which lines are valid in which encoding;
 *  3. pass 2: refill() turns raw chunks into decoded UTF-8 chunks (iconv
 *     for GB18030, keeping a split multibyte tail for the next read), and
 *     parse() runs the RFC 4180 state machine over them, one record per
 *     csv_next call.
 * Every buffer is fixed except the record being built, which the limits in
 * csv.h bound; no state lives outside struct csv_reader. */
#include "qingdan/csv.h"
#include "qingdan/infile.h"
#include "qingdan/util.h"

#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define CHUNK (64 * 1024)   /* raw bytes per read(); decoded buffer is twice that */

/* ---- 1. validators --------------------------------------------------- */

/* Valid UTF-8 exactly (no overlongs, surrogates or code points above
 * U+10FFFF) and no NUL.  lo/hi bound the next continuation byte. */
struct u8check {
	unsigned need;
	unsigned char lo, hi;
};

/* Feed n bytes; returns n when all are fine so far, else the index of the
 * first bad byte (the state is then meaningless until reset). */
static size_t u8_scan(struct u8check *u, const unsigned char *p, size_t n)
{
	size_t i = 0;
	while (i < n) {
		if (u->need == 0) {
			/* eight bytes of 0x01..0x7F at a time */
			while (n - i >= 8) {
				uint64_t v;
				memcpy(&v, p + i, 8);
				if (((v - 0x0101010101010101ULL) | v) & 0x8080808080808080ULL)
					break;
				i += 8;
			}
			if (i == n)
				break;
			unsigned char b = p[i];
			if (b == 0)
				return i;
			if (b < 0x80) {
				i++;
				continue;
			}
			u->lo = 0x80, u->hi = 0xBF;
			if (b >= 0xC2 && b <= 0xDF)
				u->need = 1;
			else if (b == 0xE0)
				u->need = 2, u->lo = 0xA0;
			else if (b == 0xED)
				u->need = 2, u->hi = 0x9F;
			else if (b >= 0xE1 && b <= 0xEF)
				u->need = 2;
			else if (b == 0xF0)
				u->need = 3, u->lo = 0x90;
			else if (b >= 0xF1 && b <= 0xF3)
				u->need = 3;
			else if (b == 0xF4)
				u->need = 3, u->hi = 0x8F;
			else
				return i;
		} else {
			if (p[i] < u->lo || p[i] > u->hi)
				return i;
			u->need--;
			u->lo = 0x80, u->hi = 0xBF;
		}
		i++;
	}
	return n;
}

/* GB18030 as this system's iconv converts it, fed in pieces: a sequence cut
 * by a piece boundary waits in carry for the rest.  NUL counts as bad. */
struct gbcheck {
	iconv_t cd;
	char *scratch;          /* CHUNK bytes of throw-away output */
	char carry[4];
	size_t ncarry;
	int bad;
};

/* Convert all of *in into the scratch buffer; 0, or errno EINVAL/EILSEQ
 * with *in at the sequence concerned. */
static int gb_convert(struct gbcheck *g, char **in, size_t *left)
{
	while (*left) {
		char *out = g->scratch;
		size_t outleft = CHUNK;
		if (iconv(g->cd, in, left, &out, &outleft) != (size_t)-1)
			return 0;
		if (errno != E2BIG)
			return errno;
	}
	return 0;
}

static void gb_feed(struct gbcheck *g, char *p, size_t n)
{
	if (g->bad || !n)
		return;
	if (g->cd == (iconv_t)-1 || memchr(p, 0, n)) {
		g->bad = 1;
		return;
	}
	while (n && g->ncarry) {
		g->carry[g->ncarry++] = *p++;
		n--;
		char *in = g->carry;
		size_t left = g->ncarry;
		int e = gb_convert(g, &in, &left);
		if (e == EINVAL && left < sizeof g->carry) {
			memmove(g->carry, in, left);
			g->ncarry = left;
		} else if (e) {
			g->bad = 1;
			return;
		} else {
			g->ncarry = 0;
		}
	}
	char *in = p;
	size_t left = n;
	int e = gb_convert(g, &in, &left);
	if (e == EINVAL && left < sizeof g->carry) {
		memcpy(g->carry, in, left);
		g->ncarry = left;
	} else if (e) {
		g->bad = 1;
	}
}

/* End of a line: was it all valid?  Resets for the next line. */
static int gb_line_end(struct gbcheck *g)
{
	int ok = !g->bad && !g->ncarry;
	g->bad = 0;
	g->ncarry = 0;
	if (g->cd != (iconv_t)-1)
		iconv(g->cd, NULL, NULL, NULL, NULL);
	return ok;
}

/* ---- the reader ------------------------------------------------------ */

enum encoding { ENC_UTF8, ENC_UTF8_BOM, ENC_GB18030 };
enum pstate { P_START, P_UNQ, P_Q, P_QQ };   /* QQ: a quote seen inside quotes */

struct csv_reader {
	int fd;
	enum encoding enc;
	iconv_t cd;                 /* GB18030 -> UTF-8, else (iconv_t)-1 */
	char *raw;                  /* CHUNK: raw bytes (GB18030 pass 2, pass 1) */
	size_t rpos, rend;
	int need_more;              /* raw tail is an incomplete sequence */
	char *dec;                  /* 2*CHUNK: decoded UTF-8 to parse */
	size_t dpos, dlen;
	struct u8check u;           /* pass 2 re-checks what it parses */
	int started, done;
	long nread, total;
	long long limit;            /* the size at open: pass 1 reads no further */

	enum pstate state;
	int skip_lf;                /* a CR just ended a line: swallow one LF */
	int rec_started, multiline;
	long line, rec_line, field_line;
	struct strbuf buf;          /* the record's fields, each NUL-ended */
	size_t field_start;
	size_t *offs;
	char **fields;
	int nf, cap;
	struct csv_fail fail;
};

static int set_fail(struct csv_reader *r, enum csv_error code, long line, int errnum)
{
	r->fail.code = code;
	r->fail.line = line;
	r->fail.errnum = errnum;
	return -1;
}

/* read() until want bytes or end of file; -1 with errno on failure. */
static long read_full(int fd, char *buf, size_t want)
{
	size_t got = 0;
	while (got < want) {
		ssize_t n = read(fd, buf + got, want - got);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		if (n == 0)
			break;
		got += (size_t)n;
	}
	return (long)got;
}

/* ---- 2. pass 1: decide the encoding --------------------------------- */

/* The line-by-line pass, once the file is known not to be UTF-8 throughout.
 * Stops at the first line valid in neither (or, after a UTF-8 mark, at the
 * first line that is not UTF-8). */
static int detect_lines(struct csv_reader *r, int bom)
{
	struct gbcheck g = { .cd = (iconv_t)-1, .scratch = r->dec };
	struct u8check u = {0};
	long line = 1, u8bad = 0, gbbad = 0, neither = 0, total = 0;
	int ubad = 0, skip_lf = 0, stop = 0;

	if (!bom)
		g.cd = iconv_open("UTF-8", "GB18030");
	if (lseek(r->fd, 0, SEEK_SET) < 0)
		goto io;
	while (!stop) {
		long n = read_full(r->fd, r->raw, CHUNK);
		if (n < 0)
			goto io;
		total += n;
		if (total > r->limit) {    /* it grew since it was measured */
			if (g.cd != (iconv_t)-1)
				iconv_close(g.cd);
			return set_fail(r, CSV_ERR_CHANGED, 0, 0);
		}
		size_t i = 0, end = (size_t)n;
		int last = n == 0;
		while (i < end || last) {
			if (skip_lf && i < end) {
				skip_lf = 0;
				if (r->raw[i] == '\n') {
					i++;
					continue;
				}
			}
			size_t j = i;
			while (j < end && r->raw[j] != '\n' && r->raw[j] != '\r')
				j++;
			if (!ubad && u8_scan(&u, (unsigned char *)r->raw + i, j - i) < j - i)
				ubad = 1;
			gb_feed(&g, r->raw + i, j - i);
			if (j == end && !last)
				break;
			/* a line ends here (or the file does) */
			int uok = !ubad && u.need == 0;
			int gok = !bom && gb_line_end(&g);
			if (!uok && !u8bad)
				u8bad = line;
			if (!gok && !gbbad)
				gbbad = line;
			if (!uok && !gok && !neither)
				neither = line;
			u.need = 0, ubad = 0;
			if ((bom && u8bad) || neither || last) {
				stop = 1;
				break;
			}
			skip_lf = r->raw[j] == '\r';
			line++;
			i = j + 1;
		}
	}
	if (g.cd != (iconv_t)-1)
		iconv_close(g.cd);
	r->total = total;
	if (bom) {
		if (u8bad)
			return set_fail(r, CSV_ERR_ENCODING, u8bad, 0);
		r->enc = ENC_UTF8_BOM;
	} else if (!gbbad) {
		r->enc = ENC_GB18030;
	} else if (!u8bad) {
		r->enc = ENC_UTF8;      /* it changed since the first look; pass 2 re-checks */
	} else {
		return set_fail(r, CSV_ERR_ENCODING,
		                neither ? neither : u8bad > gbbad ? u8bad : gbbad, 0);
	}
	return 0;
io:
	if (g.cd != (iconv_t)-1)
		iconv_close(g.cd);
	return set_fail(r, CSV_ERR_IO, 0, errno);
}

static int detect(struct csv_reader *r)
{
	struct u8check u = {0};
	long total = 0;
	int bom = 0, valid = 1;
	for (;;) {
		long n = read_full(r->fd, r->raw, CHUNK);
		if (n < 0)
			return set_fail(r, CSV_ERR_IO, 0, errno);
		if (n == 0)
			break;
		if (total == 0 && n >= 2 &&
		    ((r->raw[0] == '\xFF' && r->raw[1] == '\xFE') ||
		     (r->raw[0] == '\xFE' && r->raw[1] == '\xFF')))
			return set_fail(r, CSV_ERR_UTF16, 1, 0);
		if (total == 0 && n >= 3 && !memcmp(r->raw, "\xEF\xBB\xBF", 3))
			bom = 1;
		total += n;
		if (total > r->limit)      /* it grew since it was measured */
			return set_fail(r, CSV_ERR_CHANGED, 0, 0);
		if (u8_scan(&u, (unsigned char *)r->raw, (size_t)n) < (size_t)n) {
			valid = 0;
			break;
		}
	}
	if (valid && u.need == 0) {
		r->enc = bom ? ENC_UTF8_BOM : ENC_UTF8;
		r->total = total;
		return 0;
	}
	return detect_lines(r, bom);
}

/* ---- 3. pass 2: decoded chunks -------------------------------------- */

/* Fill dec with the next decoded chunk: 1 data, 0 end of file, -1 failure. */
static int refill(struct csv_reader *r)
{
	r->dpos = r->dlen = 0;
	if (r->enc != ENC_GB18030) {
		long n = read_full(r->fd, r->dec, CHUNK);
		if (n < 0)
			return set_fail(r, CSV_ERR_IO, 0, errno);
		r->nread += n;
		r->dlen = (size_t)n;
	} else {
		for (;;) {
			if (r->rpos < r->rend && !r->need_more) {
				char *in = r->raw + r->rpos, *out = r->dec;
				size_t left = r->rend - r->rpos, outleft = 2 * CHUNK;
				size_t rc = iconv(r->cd, &in, &left, &out, &outleft);
				int e = rc == (size_t)-1 ? errno : 0;
				r->rpos = r->rend - left;
				r->dlen = (size_t)(out - r->dec);
				if (e == EINVAL)
					r->need_more = 1;
				if (r->dlen)
					break;
				if (e && e != EINVAL)   /* EILSEQ: it was GB18030 in pass 1 */
					return set_fail(r, CSV_ERR_CHANGED, r->line, 0);
			}
			/* keep the unconverted tail (a split sequence), read more */
			size_t keep = r->rend - r->rpos;
			memmove(r->raw, r->raw + r->rpos, keep);
			r->rpos = 0;
			r->rend = keep;
			r->need_more = 0;
			long n = read_full(r->fd, r->raw + keep, CHUNK - keep);
			if (n < 0)
				return set_fail(r, CSV_ERR_IO, 0, errno);
			r->nread += n;
			r->rend += (size_t)n;
			if (n == 0) {
				if (keep)
					return set_fail(r, CSV_ERR_CHANGED, r->line, 0);
				break;
			}
		}
	}
	if (r->nread > r->total || (r->dlen == 0 && (r->nread != r->total || r->u.need)))
		return set_fail(r, CSV_ERR_CHANGED, r->line, 0);
	if (r->dlen == 0)
		return 0;
	if (u8_scan(&r->u, (unsigned char *)r->dec, r->dlen) < r->dlen)
		return set_fail(r, CSV_ERR_CHANGED, r->line, 0);
	if (!r->started) {
		r->started = 1;
		if (r->dlen >= 3 && !memcmp(r->dec, "\xEF\xBB\xBF", 3))
			r->dpos = 3;
	}
	return 1;
}

/* ---- 3. pass 2: the record state machine ---------------------------- */

enum { SP_UNQ = 1, SP_Q = 2 };
static const unsigned char special[256] = {
	[','] = SP_UNQ, ['"'] = SP_Q, ['\r'] = SP_UNQ | SP_Q, ['\n'] = SP_UNQ | SP_Q,
};

static void field_begin(struct csv_reader *r)
{
	if (!r->rec_started) {
		r->rec_started = 1;
		r->rec_line = r->line;
	}
	r->field_start = r->buf.len;
	r->field_line = r->line;
	r->multiline = 0;
}

static int append(struct csv_reader *r, const char *s, size_t n)
{
	if (r->buf.len + n - r->field_start > (size_t)CSV_MAX_FIELD) {
		r->fail.quoted = r->multiline;
		return set_fail(r, CSV_ERR_TOOLONG, r->field_line, 0);
	}
	if (r->buf.len + n > (size_t)CSV_MAX_RECORD)
		return set_fail(r, CSV_ERR_TOOLONG, r->rec_line, 0);
	sb_add(&r->buf, s, n);
	return 0;
}

static int field_end(struct csv_reader *r)
{
	if (r->nf == CSV_MAX_FIELDS)
		return set_fail(r, CSV_ERR_TOOMANY, r->rec_line, 0);
	if (r->buf.len + 1 > (size_t)CSV_MAX_RECORD)
		return set_fail(r, CSV_ERR_TOOLONG, r->rec_line, 0);
	sb_add(&r->buf, "", 1);         /* the NUL that ends the field */
	if (r->nf == r->cap) {
		r->cap = r->cap ? 2 * r->cap : 32;
		r->offs = xrealloc(r->offs, (size_t)r->cap * sizeof *r->offs);
		r->fields = xrealloc(r->fields, (size_t)r->cap * sizeof *r->fields);
	}
	r->offs[r->nf++] = r->field_start;
	return 0;
}

/* Parse dec[dpos..dlen): 1 a record is complete, 0 chunk used up, -1 failure. */
static int parse(struct csv_reader *r)
{
	const unsigned char *p = (unsigned char *)r->dec + r->dpos;
	const unsigned char *end = (unsigned char *)r->dec + r->dlen;
	int rc = 0;

	while (p < end && rc == 0) {
		unsigned c = *p;
		if (r->skip_lf) {
			r->skip_lf = 0;
			if (c == '\n') {
				p++;
				continue;
			}
		}
		if (r->state == P_UNQ || r->state == P_Q) {
			unsigned mask = r->state == P_UNQ ? SP_UNQ : SP_Q;
			const unsigned char *q = p;
			while (q < end && !(special[*q] & mask))
				q++;
			if (q > p && append(r, (const char *)p, (size_t)(q - p)) < 0)
				return -1;
			p = q;
			if (p == end)
				break;
			c = *p;
		}
		p++;
		switch (r->state) {
		case P_START:
			if (c == '\r' || c == '\n') {
				r->skip_lf = c == '\r';
				if (r->rec_started) {   /* "a,<EOL>": one more empty field */
					field_begin(r);
					rc = field_end(r) < 0 ? -1 : 1;
				}
				r->line++;
				break;
			}
			field_begin(r);
			if (c == '"') {
				r->state = P_Q;
			} else if (c == ',') {
				if (field_end(r) < 0)
					return -1;
			} else {
				r->state = P_UNQ;
				p--;            /* the scan above takes it */
			}
			break;
		case P_Q:
			if (c == '"') {
				r->state = P_QQ;
				break;
			}
			/* a line break inside quotes: one LF whatever its form */
			if (append(r, "\n", 1) < 0)
				return -1;
			r->skip_lf = c == '\r';
			r->multiline = 1;
			r->line++;
			break;
		case P_QQ:
			if (c == '"') {
				if (append(r, "\"", 1) < 0)
					return -1;
				r->state = P_Q;
				break;
			}
			if (c != ',' && c != '\r' && c != '\n') {
				r->state = P_UNQ;       /* "ab"c -> abc, as Excel does */
				p--;
				break;
			}
			/* the closing quote ended the field */
			/* fall through */
		case P_UNQ:
			r->state = P_START;
			if (field_end(r) < 0)
				return -1;
			if (c != ',') {
				r->skip_lf = c == '\r';
				r->line++;
				rc = 1;
			}
			break;
		}
	}
	r->dpos = (size_t)(p - (const unsigned char *)r->dec);
	return rc;
}

/* ---- the API ---------------------------------------------------------- */

struct csv_reader *csv_open(const char *path, struct csv_fail *fail)
{
	struct csv_fail dummy;
	if (!fail)
		fail = &dummy;
	memset(fail, 0, sizeof *fail);
	struct infile in;
	if (infile_open(&in, path, CSV_MAX_FILE) != 0) {
		fail->code = in.why == INFILE_NOT_REGULAR ? CSV_ERR_NOT_REGULAR
		           : in.why == INFILE_TOO_BIG ? CSV_ERR_TOO_BIG : CSV_ERR_IO;
		fail->errnum = fail->code == CSV_ERR_IO ? in.errnum : 0;
		return NULL;
	}
	return csv_open_fd(in.fd, in.size, fail);
}

struct csv_reader *csv_open_fd(int fd, long long size, struct csv_fail *fail)
{
	struct csv_fail dummy;
	if (!fail)
		fail = &dummy;
	memset(fail, 0, sizeof *fail);

	struct csv_reader *r = xcalloc(1, sizeof *r);
	r->fd = fd;
	r->limit = size;
	r->cd = (iconv_t)-1;
	r->raw = xmalloc(CHUNK);
	r->dec = xmalloc(2 * CHUNK);
	r->line = 1;
	if (detect(r) < 0)
		goto fail;
	if (r->enc == ENC_GB18030) {
		r->cd = iconv_open("UTF-8", "GB18030");
		if (r->cd == (iconv_t)-1) {
			set_fail(r, CSV_ERR_IO, 0, errno);
			goto fail;
		}
	}
	if (lseek(fd, 0, SEEK_SET) < 0) {
		set_fail(r, CSV_ERR_IO, 0, errno);
		goto fail;
	}
	return r;
fail:
	*fail = r->fail;
	csv_close(&r);
	return NULL;
}

int csv_next(struct csv_reader *r, struct csv_record *rec, struct csv_fail *fail)
{
	int rc = 0;
	if (r->fail.code)
		goto failed;
	if (r->done)
		return 0;
	sb_reset(&r->buf);
	r->nf = 0;
	r->rec_started = 0;
	for (;;) {
		if (r->dpos == r->dlen) {
			rc = refill(r);
			if (rc < 0)
				goto failed;
			if (rc == 0)
				break;
		}
		rc = parse(r);
		if (rc < 0)
			goto failed;
		if (rc > 0)
			goto record;
	}
	/* end of file */
	r->done = 1;
	if (r->state == P_Q) {
		set_fail(r, CSV_ERR_UNTERMINATED, r->field_line, 0);
		goto failed;
	}
	if (!r->rec_started)
		return 0;
	if (r->state == P_START)
		field_begin(r);         /* "a,<EOF>": the empty last field */
	r->state = P_START;
	if (field_end(r) < 0)
		goto failed;
record:
	for (int i = 0; i < r->nf; i++)
		r->fields[i] = r->buf.s + r->offs[i];
	rec->line = r->rec_line;
	rec->nfields = r->nf;
	rec->fields = r->fields;
	return 1;
failed:
	if (fail)
		*fail = r->fail;
	return -1;
}

const struct csv_fail *csv_failure(const struct csv_reader *r)
{
	return &r->fail;
}

const char *csv_encoding(const struct csv_reader *r)
{
	switch (r->enc) {
	case ENC_UTF8_BOM:
		return "UTF-8 (BOM)";
	case ENC_GB18030:
		return "GB18030";
	case ENC_UTF8:
		break;
	}
	return "UTF-8";
}

long csv_bytes_read(const struct csv_reader *r)
{
	return r->nread;
}

long csv_total_bytes(const struct csv_reader *r)
{
	return r->total;
}

struct csv_reader *csv_reopen(struct csv_reader **rp, struct csv_fail *fail)
{
	struct csv_reader *r = *rp;
	int fd = r->fd >= 0 ? dup(r->fd) : -1;
	long long size = r->limit;
	csv_close(rp);
	if (fd >= 0 && lseek(fd, 0, SEEK_SET) == 0)
		return csv_open_fd(fd, size, fail);
	*fail = (struct csv_fail){.code = CSV_ERR_IO, .errnum = errno};
	if (fd >= 0)
		close(fd);
	return NULL;
}

void csv_close(struct csv_reader **rp)
{
	struct csv_reader *r = *rp;
	if (!r)
		return;
	if (r->fd >= 0)
		close(r->fd);
	if (r->cd != (iconv_t)-1)
		iconv_close(r->cd);
	free(r->raw);
	free(r->dec);
	sb_free(&r->buf);
	free(r->offs);
	free(r->fields);
	free(r);
	*rp = NULL;
}

const char *csv_strerror(enum csv_error code)
{
	switch (code) {
	case CSV_OK:
		return "no error";
	case CSV_ERR_IO:
		return "cannot read the file";
	case CSV_ERR_UTF16:
		return "UTF-16 text; save it as CSV (UTF-8 or GBK)";
	case CSV_ERR_ENCODING:
		return "bytes that are neither UTF-8 nor GB18030";
	case CSV_ERR_UNTERMINATED:
		return "quoted field never closed";
	case CSV_ERR_TOOLONG:
		return "field over 1 MB or record over 16 MB";
	case CSV_ERR_TOOMANY:
		return "more than 16384 fields";
	case CSV_ERR_CHANGED:
		return "the file changed while it was read";
	case CSV_ERR_NOT_REGULAR:
		return "not a regular file";
	case CSV_ERR_TOO_BIG:
		return "file over 512 MB";
	}
	return "unknown error";
}

char *csv_describe(const struct csv_fail *fail, char *buf, size_t len)
{
	if (!len)
		return buf;
	if (fail->code == CSV_ERR_IO)
		snprintf(buf, len, "%s: %s", csv_strerror(fail->code),
		         strerror(fail->errnum));
	else if (fail->line > 0)
		snprintf(buf, len, "line %ld: %s%s", fail->line, csv_strerror(fail->code),
		         fail->quoted ? " (a quote opened on this line may be unclosed)" : "");
	else
		snprintf(buf, len, "%s", csv_strerror(fail->code));
	return buf;
}

/* ---- formula neutralisation (csv.h) ---------------------------------- */

/* LF too: the reader turns a CR inside quotes into one, so "'\r…" comes
 * back as "'\n…" and must still lose its mark. */
static int formula_start(char c)
{
	return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' || c == '\n';
}

/* One or more ' followed by a formula character. */
static int guarded(const char *s)
{
	if (*s != '\'')
		return 0;
	while (*s == '\'')
		s++;
	return formula_start(*s);
}

int csv_needs_guard(const char *s)
{
	return s && (formula_start(*s) || guarded(s));
}

void csv_write_cell(FILE *f, const char *s)
{
	if (!csv_needs_guard(s)) {
		csv_write_field(f, s);
		return;
	}
	char *g = xasprintf("'%s", s);
	csv_write_field(f, g);
	free(g);
}

char *csv_unguard(char *s)
{
	if (guarded(s))
		memmove(s, s + 1, strlen(s));
	return s;
}

void csv_write_field(FILE *f, const char *s)
{
	if (!s)
		return;
	size_t n = strlen(s);
	int quote = strpbrk(s, ",\"\r\n") ||
	            (n && (s[0] == ' ' || s[0] == '\t' || s[n - 1] == ' ' || s[n - 1] == '\t'));
	if (!quote) {
		fwrite(s, 1, n, f);
		return;
	}
	putc('"', f);
	for (; *s; s++) {
		if (*s == '"')
			putc('"', f);
		putc(*s, f);
	}
	putc('"', f);
}
