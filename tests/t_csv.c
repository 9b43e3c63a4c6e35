/* t_csv.c — tests for the CSV reader (src/csv.c): the committed fixtures in
 * tests/data/csv/ (see make-fixtures.sh there), files generated in /tmp for
 * chunk boundaries, limits and files that change while read, a write/read
 * round trip, and a randomized smoke run that checks invariants and a naive
 * splitter as oracle.  Run from the repository root. */
#include "qingdan/csv.h"
#include "qingdan/util.h"
#include "tt.h"

#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <stdint.h>
#include <sys/resource.h>
#include <sys/stat.h>

#define FIX "tests/data/csv/"

/* ---- helpers ---------------------------------------------------------- */

/* Every record as "LINE:f1|f2|...\n", then "EOF" or "ERR <code> <line>". */
static char *dump_reader(struct csv_reader *r)
{
	struct strbuf b = {0};
	struct csv_record rec;
	struct csv_fail f;
	int rc;
	while ((rc = csv_next(r, &rec, &f)) == 1) {
		sb_printf(&b, "%ld:", rec.line);
		for (int i = 0; i < rec.nfields; i++)
			sb_printf(&b, "%s%s", i ? "|" : "", rec.fields[i]);
		sb_putc(&b, '\n');
	}
	if (rc == 0)
		sb_puts(&b, "EOF");
	else
		sb_printf(&b, "ERR %d %ld", (int)f.code, f.line);
	return sb_take(&b);
}

/* dump_reader for a path; "OPEN <code> <line>" when it does not open. */
static char *dump(const char *path)
{
	struct csv_fail f;
	struct csv_reader *r = csv_open(path, &f);
	if (!r)
		return xasprintf("OPEN %d %ld", (int)f.code, f.line);
	char *s = dump_reader(r);
	csv_close(&r);
	CHECK(r == NULL);
	return s;
}

static char *tmp_path(const char *name)
{
	return xasprintf("/tmp/t_csv_%ld_%s", (long)getpid(), name);
}

static void write_file(const char *path, const char *data, size_t n)
{
	FILE *f = fopen(path, "wb");
	if (!f || fwrite(data, 1, n, f) != n || fclose(f) != 0)
		die("cannot write %s", path);
}

static char *to_gb18030(const char *s, size_t n, size_t *outn)
{
	iconv_t cd = iconv_open("GB18030", "UTF-8");
	if (cd == (iconv_t)-1)
		die("iconv_open");
	size_t cap = 2 * n + 16, left = n, outleft = cap;
	char *out = xmalloc(cap), *in = xstrndup(s, n), *ip = in, *op = out;
	/* xstrndup stops at NUL; the callers never pass one */
	if (iconv(cd, &ip, &left, &op, &outleft) == (size_t)-1)
		die("iconv: %s", strerror(errno));
	iconv_close(cd);
	free(in);
	*outn = cap - outleft;
	return out;
}

/* Print where two long strings first differ (CHECK_STR would print MBs). */
static void check_same(const char *what, const char *got, const char *want)
{
	size_t i = 0;
	while (got[i] && got[i] == want[i])
		i++;
	if (!got[i] && !want[i])
		return;
	size_t from = i > 60 ? i - 60 : 0;
	fprintf(stderr, "  %s: differs at byte %zu\n    got  [%.120s]\n    want [%.120s]\n",
	        what, i, got + from, want + from);
	tt_fail_flag = 1;
}

static uint64_t rng_state = 88172645463325252ULL;
static uint32_t rnd(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return (uint32_t)(rng_state >> 32);
}

/* ---- the fixtures ----------------------------------------------------- */

TEST(utf8_plain)
{
	struct csv_reader *r = csv_open(FIX "utf8_plain.csv", NULL);
	CHECK(r != NULL);
	if (!r)
		return;
	CHECK_STR(csv_encoding(r), "UTF-8");
	CHECK_INT(csv_total_bytes(r), 256);
	char *s = dump_reader(r);
	CHECK_STR(s, "1:组织|类别|责任内容|责任人|完成时限\n"
	             "2:党组|政治建设|坚持把学习贯彻习近平新时代中国特色社会主义思想作为首要政治任务|张三|2022-03-31\n"
	             "3:机关党委|组织建设|落实“三会一课”制度|李四|2022/6/30\n"
	             "EOF");
	CHECK_INT(csv_bytes_read(r), 256);
	free(s);
	csv_close(&r);
}

TEST(utf8_bom_crlf)
{
	struct csv_reader *r = csv_open(FIX "utf8_bom_crlf.csv", NULL);
	CHECK(r != NULL);
	if (!r)
		return;
	CHECK_STR(csv_encoding(r), "UTF-8 (BOM)");
	struct csv_record rec;
	CHECK_INT(csv_next(r, &rec, NULL), 1);
	CHECK_STR(rec.fields[0], "组织");   /* the mark is gone */
	CHECK_INT(rec.nfields, 4);
	CHECK_STR(rec.fields[3], "责任人");  /* no CR left on the last field */
	csv_close(&r);
	char *s = dump(FIX "utf8_bom_crlf.csv");
	CHECK_STR(s, "1:组织|类别|责任内容|责任人\n2:党组|政治建设|学习——贯彻|张三\n"
	             "3:第一党支部|纪律建设|开展警示教育|王芳\nEOF");
	free(s);
}

TEST(gbk_crlf)
{
	struct csv_reader *r = csv_open(FIX "gbk_crlf.csv", NULL);
	CHECK(r != NULL);
	if (!r)
		return;
	CHECK_STR(csv_encoding(r), "GB18030");
	char *s = dump_reader(r);
	CHECK_STR(s, "1:组织|类别|责任内容|工作措施|完成标准|责任人|牵头领导|完成时限|状态\n"
	             "2:党组|政治建设|深入学习贯彻党的二十大精神|开展专题学习研讨|全年不少于12次|张三|王书记|2022年12月31日|进行中\n"
	             "3:机关党委|组织建设|落实“三会一课”制度|每季度上一次党课|记录完整|李四|赵主任|2022.3.31|已完成\n"
	             "EOF");
	CHECK_INT(csv_bytes_read(r), csv_total_bytes(r));
	CHECK_INT(csv_total_bytes(r), 271);
	free(s);
	csv_close(&r);
}

TEST(quoted)
{
	char *s = dump(FIX "quoted.csv");
	CHECK_STR(s, "1:组织|责任内容|备注\n"
	             "2:党组|学习,贯彻,落实|他说\"好\"\n"
	             "3:机关党委|第一行\n第二行\n第三行|x\n"
	             "6:第一党支部|单行|\n"
	             "7:a\"b|c|x\ny\n"
	             "9:last|a\nb|z\n"
	             "EOF");
	free(s);
}

TEST(unterminated_names_opening_line)
{
	struct csv_reader *r = csv_open(FIX "unterminated.csv", NULL);
	CHECK(r != NULL);
	if (!r)
		return;
	struct csv_record rec;
	struct csv_fail f;
	CHECK_INT(csv_next(r, &rec, &f), 1);
	CHECK_INT(csv_next(r, &rec, &f), 1);
	CHECK_INT(rec.line, 2);
	CHECK_INT(csv_next(r, &rec, &f), -1);
	CHECK_INT(f.code, CSV_ERR_UNTERMINATED);
	CHECK_INT(f.line, 3);
	char buf[128];
	CHECK_STR(csv_describe(&f, buf, sizeof buf), "line 3: quoted field never closed");
	/* sticky */
	memset(&f, 0, sizeof f);
	CHECK_INT(csv_next(r, &rec, &f), -1);
	CHECK_INT(f.code, CSV_ERR_UNTERMINATED);
	CHECK_INT(csv_failure(r)->line, 3);
	csv_close(&r);
}

TEST(encoding_errors_name_the_line)
{
	char *s = dump(FIX "invalid_bytes.csv");
	CHECK_STR(s, "OPEN 3 3");           /* CSV_ERR_ENCODING, line 3 */
	free(s);
	s = dump(FIX "invalid_gbk.csv");
	CHECK_STR(s, "OPEN 3 4");
	free(s);
	s = dump(FIX "bom_gbk.csv");        /* the mark promises UTF-8 */
	CHECK_STR(s, "OPEN 3 1");
	free(s);
	s = dump(FIX "utf16le.csv");
	CHECK_STR(s, "OPEN 2 1");           /* CSV_ERR_UTF16 */
	free(s);
	struct csv_fail f = { .code = CSV_ERR_ENCODING, .line = 3 };
	char buf[128];
	CHECK_STR(csv_describe(&f, buf, sizeof buf), "line 3: bytes that are neither UTF-8 nor GB18030");
}

TEST(empty_file)
{
	struct csv_reader *r = csv_open(FIX "empty.csv", NULL);
	CHECK(r != NULL);
	if (!r)
		return;
	struct csv_record rec;
	CHECK_STR(csv_encoding(r), "UTF-8");
	CHECK_INT(csv_next(r, &rec, NULL), 0);
	CHECK_INT(csv_next(r, &rec, NULL), 0);
	CHECK_INT(csv_total_bytes(r), 0);
	csv_close(&r);
	csv_close(&r);                      /* NULL-safe */
}

TEST(blank_lines_skipped)
{
	char *s = dump(FIX "blank_lines.csv");
	CHECK_STR(s, "3:a|b\n6:|\n7:  \n8:c|d\nEOF");
	free(s);
}

TEST(no_trailing_newline_lone_cr_stray_quotes)
{
	char *s = dump(FIX "no_trailing_newline.csv");
	CHECK_STR(s, "1:a|b\n2:1|2\n3:3|x\nEOF");
	free(s);
	s = dump(FIX "lone_cr.csv");
	CHECK_STR(s, "1:a|b\n2:c|d\n3:e|f\nEOF");
	free(s);
	s = dump(FIX "stray_quote.csv");
	CHECK_STR(s, "1:name|note\n2:张\"三|5\"寸屏\n3:abc|x\nEOF");
	free(s);
}

/* ---- generated files -------------------------------------------------- */

static char *dump_bytes(const char *name, const char *data, size_t n)
{
	char *path = tmp_path(name);
	write_file(path, data, n);
	char *s = dump(path);
	unlink(path);
	free(path);
	return s;
}

TEST(small_cases)
{
	/* C() keeps the true length, NULs included */
#define C(in, want) { in, want, sizeof(in) - 1 }
	static const struct { const char *in, *want; size_t len; } cases[] = {
		C("a,", "1:a|\nEOF"),
		C("a,\n", "1:a|\nEOF"),
		C(",", "1:|\nEOF"),
		C("\"\"", "1:\nEOF"),
		C("\"\"\n\n", "1:\nEOF"),
		C("\"a\"\"\"", "1:a\"\nEOF"),
		C("\"a\r\n", "ERR 4 1"),
		C("x\n\"", "1:x\nERR 4 2"),
		C("\r\n\r\n\"\r\n\r\n", "ERR 4 3"),
		C("\"a\"b\"c\",d", "1:ab\"c\"|d\nEOF"),
		C(" \"a\" ,b", "1: \"a\" |b\nEOF"),
		C("\"a\r\r\nb\"\rc", "1:a\n\nb\n4:c\nEOF"),
		C("a\r", "1:a\nEOF"),
		C("\n", "EOF"),
		C("\xEF\xBB\xBF", "EOF"),
		C("\xEF\xBB\xBF\r\n", "EOF"),
		C("\xEF\xBB", "1:锘\nEOF"),               /* half a mark: valid GBK */
		C("a\0b", "OPEN 3 1"),                  /* NUL is valid in neither */
		C("\xE4", "OPEN 3 1"),                  /* cut short in both */
		C("\xC0\xAF", "1:蜡\nEOF"),              /* overlong UTF-8, but GBK */
		C("\xED\xA0\x80", "OPEN 3 1"),          /* surrogate; lone 80 not GB18030 */
		C("\x81\x30\x81\x30,x", "1:\xC2\x80|x\nEOF"),  /* four-byte GB18030 */
		C("\x84\x31\x95\x33\xD6\xD0", "1:中\nEOF"),   /* GB18030's own mark: dropped */
		C("\xFE\xFF\x00" "a", "OPEN 2 1"),       /* UTF-16BE mark */
	};
#undef C
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		const char *in = cases[i].in;
		size_t n = cases[i].len;
		char *s = dump_bytes("small.csv", in, n);
		if (strcmp(s, cases[i].want)) {
			fprintf(stderr, "  case %zu: got [%s] want [%s]\n", i, s, cases[i].want);
			tt_fail_flag = 1;
		}
		free(s);
	}
}

TEST(io_errors)
{
	struct csv_fail f;
	CHECK(csv_open("/nonexistent/x.csv", &f) == NULL);
	CHECK_INT(f.code, CSV_ERR_IO);
	CHECK_INT(f.errnum, ENOENT);
	char buf[128];
	CHECK_CONTAINS(csv_describe(&f, buf, sizeof buf), "cannot read the file: ");
	/* through infile.h: anything but a regular file is refused unread */
	CHECK(csv_open("tests/data/csv", &f) == NULL);
	CHECK_INT(f.code, CSV_ERR_NOT_REGULAR);
	CHECK_CONTAINS(csv_describe(&f, buf, sizeof buf), "not a regular file");
	CHECK(csv_open("/dev/zero", &f) == NULL);
	CHECK_INT(f.code, CSV_ERR_NOT_REGULAR);
	char *fifo = tmp_path("fifo");
	CHECK(mkfifo(fifo, 0600) == 0);
	CHECK(csv_open(fifo, &f) == NULL);  /* refused, not a hang */
	CHECK_INT(f.code, CSV_ERR_NOT_REGULAR);
	unlink(fifo);
	free(fifo);
}

/* A sparse file one byte over the cap is refused before a byte is read. */
TEST(over_the_cap_refused_unread)
{
	char *path = tmp_path("huge.csv");
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	CHECK(fd >= 0 && ftruncate(fd, CSV_MAX_FILE + 1) == 0);
	close(fd);
	struct csv_fail f;
	CHECK(csv_open(path, &f) == NULL);
	CHECK_INT(f.code, CSV_ERR_TOO_BIG);
	unlink(path);
	free(path);
}

/* csv_open_fd reads no further than the size it was given: a file that
 * grew after it was measured is CHANGED, not read on. */
TEST(grown_past_its_size)
{
	char *path = tmp_path("grown.csv");
	write_file(path, "a,b\nc,d\n", 8);
	int fd = open(path, O_RDONLY);
	struct csv_fail f;
	CHECK(csv_open_fd(fd, 4, &f) == NULL);     /* measured at 4 bytes */
	CHECK_INT(f.code, CSV_ERR_CHANGED);
	fd = open(path, O_RDONLY);
	struct csv_reader *r = csv_open_fd(fd, 8, &f);
	CHECK(r != NULL);
	char *d = dump_reader(r);
	CHECK_STR(d, "1:a|b\n2:c|d\nEOF");
	free(d);
	csv_close(&r);
	unlink(path);
	free(path);
}

/* "-" reads standard input (spooled): here a pipe. */
TEST(stdin_through_a_pipe)
{
	int p[2];
	CHECK(pipe(p) == 0);
	const char data[] = "组织,责任内容\r\n党组,学习\r\n";
	CHECK_INT(write(p[1], data, sizeof data - 1), (long)sizeof data - 1);
	close(p[1]);
	CHECK(dup2(p[0], 0) == 0);
	close(p[0]);
	char *d = dump("-");
	CHECK_STR(d, "1:组织|责任内容\n2:党组|学习\nEOF");
	free(d);
}

/* Formula prefixes: written with a ', read back exactly. */
TEST(formula_cells_neutralised_and_restored)
{
	static const struct { const char *in, *out; int guard; } cases[] = {
		{ "=1+1", "'=1+1", 1 }, { "-5项", "'-5项", 1 }, { "@某人", "'@某人", 1 },
		{ "+86", "'+86", 1 }, { "\tx", "'\tx", 1 }, { "\nx", "\"'\nx\"", 1 },
		{ "'\ny", "\"''\ny\"", 1 },
		{ "'=1", "''=1", 1 }, { "''-2", "'''-2", 1 },
		{ "'abc", "'abc", 0 }, { "'", "'", 0 }, { "a=b", "a=b", 0 },
		{ "中文", "中文", 0 }, { "=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"", 1 },
	};
	char *path = tmp_path("guard.csv");
	FILE *f = fopen(path, "w");
	CHECK(f != NULL);
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		FILE *one = tmpfile();
		csv_write_cell(one, cases[i].in);
		char got[64] = "";
		long n = ftell(one);
		rewind(one);
		CHECK(n >= 0 && n < (long)sizeof got);
		CHECK_INT(fread(got, 1, (size_t)n, one), n);
		CHECK_STR(got, cases[i].out);
		fclose(one);
		CHECK_INT(csv_needs_guard(cases[i].in), cases[i].guard);
		CHECK(csv_needs_guard("\rx"));   /* a CR too (read back as LF) */
		csv_write_cell(f, cases[i].in);
		fputs("\r\n", f);
	}
	fclose(f);
	struct csv_reader *r = csv_open(path, NULL);
	CHECK(r != NULL);
	struct csv_record rec;
	for (size_t i = 0; r && i < ARRAY_SIZE(cases); i++) {
		CHECK_INT(csv_next(r, &rec, NULL), 1);
		CHECK_STR(csv_unguard(rec.fields[0]), cases[i].in);
	}
	csv_close(&r);
	/* what a person typed with Excel's text mark loses exactly one ' */
	char typed[] = "'@张三", plain[] = "'张三";
	CHECK_STR(csv_unguard(typed), "@张三");
	CHECK_STR(csv_unguard(plain), "'张三");
	unlink(path);
	free(path);
}

/* Random fields from a pool with 1-, 2-, 3- and 4-byte UTF-8 and every
 * character of GB18030's 1-, 2- and 4-byte forms, plus the CSV specials;
 * written with csv_write_field.  *want gets the dump the reader must give. */
static char *gen_csv(int nrec, int maxlen, size_t *len, char **want)
{
	static const char *const pool[] = {
		"a", "Z", "0", " ", ",", "\"", "\n", "中", "党", "é", "€", "·", "“", "”",
		"—", "\xF0\xA0\x80\x80" /* U+20000 */, "\xC3\xBF" /* U+00FF */,
		"\xF0\x9F\x98\x80" /* U+1F600 */, "组织", "责任内容",
	};
	struct strbuf exp = {0}, field = {0};
	long line = 1;
	FILE *f = tmpfile();
	if (!f)
		die("tmpfile");
	for (int i = 0; i < nrec; i++) {
		int nf = 1 + (int)(rnd() % 6);
		sb_printf(&exp, "%ld:", line);
		for (int j = 0; j < nf; j++) {
			sb_reset(&field);
			int len1 = (int)(rnd() % (unsigned)maxlen);
			for (int k = 0; k < len1; k++)
				sb_puts(&field, pool[rnd() % ARRAY_SIZE(pool)]);
			if (nf == 1 && field.len == 0)
				sb_puts(&field, "x");   /* one empty field is a blank line */
			if (j)
				putc(',', f);
			csv_write_field(f, field.s);
			sb_printf(&exp, "%s%s", j ? "|" : "", field.s);
			for (size_t k = 0; k < field.len; k++)
				line += field.s[k] == '\n';
		}
		fputs(i % 3 ? "\r\n" : "\n", f);
		sb_putc(&exp, '\n');
		line++;
	}
	sb_puts(&exp, "EOF");
	long n = ftell(f);
	rewind(f);
	char *data = xmalloc((size_t)n + 1);
	if (fread(data, 1, (size_t)n, f) != (size_t)n)
		die("fread");
	data[n] = '\0';
	fclose(f);
	sb_free(&field);
	*len = (size_t)n;
	*want = sb_take(&exp);
	return data;
}

TEST(roundtrip_utf8_and_gb18030_across_chunks)
{
	size_t n, gn;
	char *want;
	rng_state = 12345;
	char *data = gen_csv(20000, 30, &n, &want);   /* ~1.7 MB, 25+ read chunks */
	CHECK(n > 1000000);
	char *s = dump_bytes("rt_utf8.csv", data, n);
	check_same("utf8", s, want);
	free(s);

	char *gb = to_gb18030(data, n, &gn);
	/* the read buffer is 64 KiB: make sure chunk edges split 2- and 4-byte
	 * characters (GB18030: a second byte 0x30..0x39 means four bytes) */
	int split2 = 0, split4 = 0;
	for (size_t i = 0, w; i < gn; i += w) {
		unsigned char c = (unsigned char)gb[i];
		w = c < 0x80 ? 1 : (i + 1 < gn && gb[i + 1] >= 0x30 && gb[i + 1] <= 0x39) ? 4 : 2;
		if (i / 65536 != (i + w - 1) / 65536) {
			split2 += w == 2;
			split4 += w == 4;
		}
	}
	fprintf(stderr, "  %zu bytes GB18030; chunk edges split %d two-byte and %d four-byte characters\n",
	        gn, split2, split4);
	CHECK(split2 > 0 && split4 > 0);
	s = dump_bytes("rt_gb.csv", gb, gn);
	check_same("gb18030", s, want);
	free(s);
	free(gb);
	free(data);
	free(want);
}

/* Exact placements at the first 64 KiB boundary (the reader's read size):
 * a 2-byte GB character, a 4-byte one at each inner offset, a 3-byte UTF-8
 * one at each, then a CRLF and a doubled quote. */
TEST(exact_chunk_boundaries)
{
	static const struct { const char *piece, *want; int pre; } cases[] = {
		{ "\xD6\xD0", "中", 1 },
		{ "\x81\x30\x81\x30", "\xC2\x80", 1 },
		{ "\x81\x30\x81\x30", "\xC2\x80", 2 },
		{ "\x81\x30\x81\x30", "\xC2\x80", 3 },
		{ "\xE4\xB8\xAD", "中", 1 },
		{ "\xE4\xB8\xAD", "中", 2 },
	};
	for (size_t c = 0; c < ARRAY_SIZE(cases); c++) {
		/* "h\n", then x...x<piece>\r\n with piece at 65536 - pre, then "t\n" */
		size_t plen = strlen(cases[c].piece), at = 65536 - (size_t)cases[c].pre;
		char *buf = xmalloc(at + plen + 4);
		memcpy(buf, "h\n", 2);
		memset(buf + 2, 'x', at - 2);
		memcpy(buf + at, cases[c].piece, plen);
		memcpy(buf + at + plen, "\r\nt\n", 4);
		char *s = dump_bytes("edge.csv", buf, at + plen + 4);
		struct strbuf want = {0};
		sb_puts(&want, "1:h\n2:");
		sb_add(&want, buf + 2, at - 2);
		sb_printf(&want, "%s\n3:t\nEOF", cases[c].want);
		check_same("edge", s, want.s);
		free(s);
		sb_free(&want);
		free(buf);
	}

	/* CR at 65535, LF at 65536: one line end, not two (outside and inside quotes) */
	for (int quoted = 0; quoted < 2; quoted++) {
		char *buf = xmalloc(65536 + 16);
		memset(buf, 'y', 65535);
		buf[0] = quoted ? '"' : 'y';
		buf[65535] = '\r';
		memcpy(buf + 65536, quoted ? "\nz\"\nw\n" : "\nw\n", quoted ? 6 : 3);
		char *s = dump_bytes("crlf.csv", buf, 65536 + (quoted ? 6 : 3));
		CHECK_CONTAINS(s, quoted ? "y\nz\n3:w\nEOF" : "y\n2:w\nEOF");
		free(s);
		free(buf);
	}

	/* a doubled quote split by the boundary: "..." + "" at 65535/65536 */
	char *buf = xmalloc(65536 + 16);
	buf[0] = '"';
	memset(buf + 1, 'q', 65534);
	memcpy(buf + 65535, "\"\"x\"\n", 5);
	char *s = dump_bytes("dq.csv", buf, 65540);
	CHECK_CONTAINS(s, "qq\"x\nEOF");
	free(s);
	free(buf);
}

TEST(error_lines_beyond_first_chunk)
{
	struct strbuf b = {0};
	for (int i = 1; i <= 30000; i++) {
		if (i == 23456)
			sb_puts(&b, "bad,\xFF\xFF\r\n");
		else
			sb_printf(&b, "%d,第%d行,责任内容\r\n", i, i);
	}
	char *s = dump_bytes("late_utf8.csv", b.s, b.len);
	CHECK_STR(s, "OPEN 3 23456");
	free(s);
	/* the same lines in GBK */
	struct strbuf g = {0};
	for (int i = 1; i <= 30000; i++) {
		size_t gn;
		char *line = xasprintf("%d,第%d行,责任内容\r\n", i, i);
		char *gb = to_gb18030(line, strlen(line), &gn);
		if (i == 23456)
			sb_add(&g, "bad,\xFF\xFF\r\n", 9);
		else
			sb_add(&g, gb, gn);
		free(gb);
		free(line);
	}
	s = dump_bytes("late_gb.csv", g.s, g.len);
	CHECK_STR(s, "OPEN 3 23456");
	free(s);
	/* and a quote opened far in, never closed */
	sb_reset(&g);
	for (int i = 1; i <= 30000; i++)
		sb_printf(&g, i == 29000 ? "%d,\"open\n" : "%d,x\n", i);
	s = dump_bytes("late_quote.csv", g.s, g.len);
	CHECK_CONTAINS(s, "28999:28999|x\nERR 4 29000");
	free(s);
	sb_free(&g);
	sb_free(&b);
}

TEST(limits)
{
	size_t big = (size_t)CSV_MAX_FIELD;
	char *buf = xmalloc(big + 64);
	/* exactly the limit is fine */
	memcpy(buf, "a\n", 2);
	memset(buf + 2, 'x', big);
	memcpy(buf + 2 + big, ",b\n", 3);
	char *s = dump_bytes("max.csv", buf, big + 5);
	CHECK_INT(strlen(s), strlen("1:a\n2:") + big + strlen("|b\nEOF"));
	free(s);
	/* one byte more is an error naming the field's line */
	memset(buf + 2, 'x', big + 1);
	memcpy(buf + 3 + big, ",b\n", 3);
	s = dump_bytes("over.csv", buf, big + 6);
	CHECK_STR(s, "1:a\nERR 5 2");
	free(s);
	/* an unclosed quote swallowing many lines: TOOLONG at the quote, flagged */
	struct strbuf b = {0};
	sb_puts(&b, "h\n1,\"open\n");
	while (b.len < big + 100)
		sb_puts(&b, "some text that goes on and on\n");
	char *path = tmp_path("swallow.csv");
	write_file(path, b.s, b.len);
	struct csv_reader *r = csv_open(path, NULL);
	unlink(path);
	free(path);
	CHECK(r != NULL);
	if (!r)
		return;
	struct csv_record rec;
	struct csv_fail f;
	CHECK_INT(csv_next(r, &rec, &f), 1);
	CHECK_INT(csv_next(r, &rec, &f), -1);
	CHECK_INT(f.code, CSV_ERR_TOOLONG);
	CHECK_INT(f.line, 2);
	CHECK(f.quoted);
	char msg[160];
	CHECK_CONTAINS(csv_describe(&f, msg, sizeof msg), "line 2: field over 1 MB");
	CHECK_CONTAINS(msg, "may be unclosed");
	csv_close(&r);
	/* fields per record: line 2 has the limit, line 3 one more */
	sb_reset(&b);
	sb_puts(&b, "h\n");
	for (int i = 1; i < CSV_MAX_FIELDS; i++)
		sb_putc(&b, ',');
	sb_puts(&b, "\n");
	for (int i = 0; i < CSV_MAX_FIELDS; i++)
		sb_putc(&b, ',');
	sb_puts(&b, "\n");
	path = tmp_path("fields.csv");
	write_file(path, b.s, b.len);
	r = csv_open(path, NULL);
	unlink(path);
	free(path);
	CHECK(r != NULL);
	if (!r)
		return;
	CHECK_INT(csv_next(r, &rec, &f), 1);
	CHECK_INT(csv_next(r, &rec, &f), 1);
	CHECK_INT(rec.nfields, CSV_MAX_FIELDS);
	CHECK_INT(csv_next(r, &rec, &f), -1);
	CHECK_INT(f.code, CSV_ERR_TOOMANY);
	CHECK_INT(f.line, 3);
	csv_close(&r);
	/* a record over 16 MB made of fields under 1 MB */
	sb_reset(&b);
	for (int i = 0; i < 17; i++) {
		for (size_t k = 0; k < big - 10; k++)
			sb_putc(&b, 'r');
		sb_putc(&b, ',');
	}
	sb_putc(&b, '\n');
	s = dump_bytes("record.csv", b.s, b.len);
	CHECK_STR(s, "ERR 5 1");
	free(s);
	sb_free(&b);
	free(buf);
}

/* Rewrite the file between csv_open (pass 1) and csv_next (pass 2). */
static int changed_case(const char *before, const char *after, size_t alen)
{
	char *path = tmp_path("changed.csv");
	write_file(path, before, strlen(before));
	struct csv_reader *r = csv_open(path, NULL);
	int fd = open(path, O_WRONLY | O_TRUNC);   /* same inode */
	if (!r || fd < 0 || write(fd, after, alen) != (ssize_t)alen)
		die("changed_case");
	close(fd);
	struct csv_record rec;
	struct csv_fail f = {0};
	int rc;
	while ((rc = csv_next(r, &rec, &f)) == 1)
		;
	csv_close(&r);
	unlink(path);
	free(path);
	return rc < 0 ? (int)f.code : 0;
}

TEST(file_changed_while_read)
{
#define CHANGED(before, after) changed_case(before, after, sizeof(after) - 1)
	CHECK_INT(CHANGED("a,b\n", "a,\xFF\n"), CSV_ERR_CHANGED);      /* bad bytes */
	CHECK_INT(CHANGED("a,b\n", "a,b\nc,d\n"), CSV_ERR_CHANGED);   /* longer */
	CHECK_INT(CHANGED("a,b\nc,d\n", "a,b\n"), CSV_ERR_CHANGED);   /* shorter */
	CHECK_INT(CHANGED("a,b\n", "a,\0\n"), CSV_ERR_CHANGED);        /* a NUL */
	CHECK_INT(CHANGED("\xD6\xD0,b\n", "\xD6\xFF,b\n"), CSV_ERR_CHANGED);
	CHECK_INT(CHANGED("\xD6\xD0,b\n", "\xD6\xD0,\x81\n"), CSV_ERR_CHANGED);
	CHECK_INT(CHANGED("\xD6\xD0,b\n", "\xD6\xD0,\0\n"), CSV_ERR_CHANGED);
	CHECK_INT(CHANGED("\xD6\xD0,b\n", "\xD6\xD0,b\x81"), CSV_ERR_CHANGED);  /* cut short */
	CHECK_INT(CHANGED("a,b\n", "c,d\n"), 0);   /* same size and still valid: not noticed */
#undef CHANGED
}

TEST(writer_quotes_when_needed)
{
	static const struct { const char *in, *out; } cases[] = {
		{ "plain", "plain" }, { "", "" }, { "中文", "中文" },
		{ "a,b", "\"a,b\"" }, { "say \"hi\"", "\"say \"\"hi\"\"\"" },
		{ "l1\nl2", "\"l1\nl2\"" }, { "cr\r", "\"cr\r\"" },
		{ " lead", "\" lead\"" }, { "trail ", "\"trail \"" }, { "\ttab", "\"\ttab\"" },
		{ "in side", "in side" }, { "'=1+1", "'=1+1" },
	};
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		FILE *f = tmpfile();
		CHECK(f != NULL);
		csv_write_field(f, cases[i].in);
		char got[64] = "";
		long n = ftell(f);
		rewind(f);
		CHECK(n >= 0 && n < (long)sizeof got);
		CHECK_INT(fread(got, 1, (size_t)n, f), n);
		CHECK_STR(got, cases[i].out);
		fclose(f);
	}
	FILE *f = tmpfile();
	csv_write_field(f, NULL);
	CHECK_INT(ftell(f), 0);
	fclose(f);
}

/* Memory must not grow with the file. */
TEST(memory_is_flat)
{
	char *path = tmp_path("big.csv");
	FILE *f = fopen(path, "w");
	CHECK(f != NULL);
	for (int i = 0; i < 200000; i++)
		fprintf(f, "%d,党组,政治建设,坚持把学习贯彻党的理论作为首要政治任务第%d项,张三,2022-03-31,\"备注,含逗号\"\r\n", i, i);
	fclose(f);
	struct rusage ru0, ru1;
	getrusage(RUSAGE_SELF, &ru0);
	struct csv_reader *r = csv_open(path, NULL);
	unlink(path);                       /* the open descriptor keeps it */
	free(path);
	CHECK(r != NULL);
	if (!r)
		return;
	struct csv_record rec;
	long n = 0, last = 0;
	while (csv_next(r, &rec, NULL) == 1) {
		n++;
		last = rec.line;
	}
	CHECK_INT(n, 200000);
	CHECK_INT(last, 200000);
	CHECK_INT(csv_bytes_read(r), csv_total_bytes(r));
	CHECK(csv_total_bytes(r) > 20000000);
	csv_close(&r);
	getrusage(RUSAGE_SELF, &ru1);
	fprintf(stderr, "  read %ld rows; max RSS grew %ld KiB\n", n, ru1.ru_maxrss - ru0.ru_maxrss);
	CHECK(ru1.ru_maxrss - ru0.ru_maxrss < 8 * 1024);
}

/* ---- randomized smoke ------------------------------------------------- */

static int valid_utf8(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		int n = *p < 0x80 ? 0 : *p >= 0xC2 && *p <= 0xDF ? 1 : *p >= 0xE0 && *p <= 0xEF ? 2
		        : *p >= 0xF0 && *p <= 0xF4 ? 3 : -1;
		if (n < 0)
			return 0;
		p++;
		for (int i = 0; i < n; i++, p++)
			if ((*p & 0xC0) != 0x80)
				return 0;
	}
	return 1;
}

/* The oracle for quote-free valid UTF-8: split lines, drop empty ones,
 * split on commas. */
static char *naive_split(const char *s, size_t n)
{
	struct strbuf b = {0};
	long line = 1;
	size_t i = 0;
	if (n >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3))
		i = 3;
	while (i < n) {
		size_t j = i;
		while (j < n && s[j] != '\r' && s[j] != '\n')
			j++;
		if (j > i) {
			sb_printf(&b, "%ld:", line);
			for (size_t k = i; k < j; k++)
				sb_putc(&b, s[k] == ',' ? '|' : s[k]);
			sb_putc(&b, '\n');
		}
		if (j < n && s[j] == '\r' && j + 1 < n && s[j + 1] == '\n')
			j++;
		i = j + 1;
		line++;
	}
	sb_puts(&b, "EOF");
	return sb_take(&b);
}

static const char *const fixtures[] = {
	"utf8_plain.csv", "utf8_bom_crlf.csv", "gbk_crlf.csv", "quoted.csv",
	"unterminated.csv", "invalid_bytes.csv", "blank_lines.csv", "stray_quote.csv",
};

TEST(random_smoke)
{
	static const char *const tok[] = {
		",", "\"", "\r", "\n", "\r\n", "a", "b", " ", "中", "\xD6\xD0", "\xFF",
		"\xEF\xBB\xBF", "\x81\x30\x81\x30", "\xE4", "\x81", "\"\"", "|",
	};
	char *path = tmp_path("smoke.csv");
	char *fix[ARRAY_SIZE(fixtures)];
	size_t fixn[ARRAY_SIZE(fixtures)];
	for (size_t i = 0; i < ARRAY_SIZE(fixtures); i++) {
		char *fp = xasprintf(FIX "%s", fixtures[i]);
		FILE *f = fopen(fp, "rb");
		CHECK(f != NULL);
		fix[i] = xmalloc(4096);
		fixn[i] = fread(fix[i], 1, 4096, f);
		fclose(f);
		free(fp);
	}
	rng_state = 0x9E3779B97F4A7C15ULL;
	int opened = 0, records = 0, oracle = 0;
	struct strbuf in = {0};
	int iters = tt_rounds(2000);
	for (int iter = 0; iter < iters; iter++) {
		sb_reset(&in);
		if (iter % 2) {
			size_t k = rnd() % ARRAY_SIZE(fixtures);
			sb_add(&in, fix[k], fixn[k]);
			for (int m = (int)(rnd() % 6); m > 0 && in.len; m--) {
				size_t at = rnd() % in.len;
				switch (rnd() % 3) {
				case 0: in.s[at] = (char)rnd(); break;
				case 1: memmove(in.s + at, in.s + at + 1, in.len - at - 1); in.len--; break;
				default: { const char *t = tok[rnd() % ARRAY_SIZE(tok)];
					struct strbuf t2 = {0};
					sb_add(&t2, in.s, at); sb_puts(&t2, t); sb_add(&t2, in.s + at, in.len - at);
					sb_free(&in); in = t2; }
				}
			}
		} else {
			int nt = (int)(rnd() % 80);
			for (int t = 0; t < nt; t++)
				sb_puts(&in, tok[rnd() % (iter % 4 ? ARRAY_SIZE(tok) : 9)]);
		}
		write_file(path, in.len ? in.s : "", in.len);
		long nlines = 1;
		for (size_t i = 0; i < in.len; i++)
			nlines += in.s[i] == '\n' || (in.s[i] == '\r' && (i + 1 == in.len || in.s[i + 1] != '\n'));

		struct csv_fail f;
		struct csv_reader *r = csv_open(path, &f);
		if (!r) {
			CHECK(f.code == CSV_ERR_ENCODING || f.code == CSV_ERR_UTF16);
			CHECK(f.line >= 1 && f.line <= nlines);
			continue;
		}
		opened++;
		struct csv_record rec;
		long prev = 0;
		int rc, count = 0;
		while ((rc = csv_next(r, &rec, &f)) == 1 && count < 100000) {
			count++;
			CHECK(rec.nfields >= 1);
			CHECK(rec.line > prev && rec.line <= nlines);
			prev = rec.line;
			for (int i = 0; i < rec.nfields; i++)
				CHECK(rec.fields[i] && valid_utf8(rec.fields[i]));
		}
		records += count;
		CHECK(rc == 0 || (rc == -1 && f.code == CSV_ERR_UNTERMINATED && f.line >= 1 && f.line <= nlines));
		CHECK(rc != 1);
		int u8 = !strcmp(csv_encoding(r), "UTF-8") || !strcmp(csv_encoding(r), "UTF-8 (BOM)");
		csv_close(&r);
		if (u8 && !memchr(in.s ? in.s : "", '"', in.len)) {
			char *got = dump(path), *want = naive_split(in.s ? in.s : "", in.len);
			check_same("oracle", got, want);
			oracle++;
			free(got);
			free(want);
		}
	}
	fprintf(stderr, "  %d inputs: %d opened, %d records, %d checked against the oracle\n",
	        iters, opened, records, oracle);
	CHECK(opened > iters / 4 && oracle > iters / 20);
	for (size_t i = 0; i < ARRAY_SIZE(fixtures); i++)
		free(fix[i]);
	sb_free(&in);
	unlink(path);
	free(path);
}

int main(void)
{
	RUN(utf8_plain);
	RUN(utf8_bom_crlf);
	RUN(gbk_crlf);
	RUN(quoted);
	RUN(unterminated_names_opening_line);
	RUN(encoding_errors_name_the_line);
	RUN(empty_file);
	RUN(blank_lines_skipped);
	RUN(no_trailing_newline_lone_cr_stray_quotes);
	RUN(small_cases);
	RUN(io_errors);
	RUN(roundtrip_utf8_and_gb18030_across_chunks);
	RUN(exact_chunk_boundaries);
	RUN(error_lines_beyond_first_chunk);
	RUN(limits);
	RUN(file_changed_while_read);
	RUN(writer_quotes_when_needed);
	RUN(memory_is_flat);
	RUN(random_smoke);
	RUN(over_the_cap_refused_unread);
	RUN(grown_past_its_size);
	RUN(stdin_through_a_pipe);
	RUN(formula_cells_neutralised_and_restored);
	return TT_END();
}
