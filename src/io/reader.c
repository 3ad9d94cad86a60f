/*
 * reader.c — the article stream: walks paths (files, directories, stdin),
 * opens each through the decompressing source, and hands out one article at
 * a time from JSON Lines or plain-text files.
 *
 * Directories are expanded lazily with an explicit stack, entries sorted by
 * name so the order (and thus the output) is the same on every machine.
 * Inside directories only article-looking files are read (.jsonl, .ndjson,
 * .json, .jl, .txt, .text or no extension, optionally .gz/.zst) and hidden
 * entries are skipped; files named on the command line are always read. Every
 * directory's (dev, inode) is remembered, so a symlink loop (or a second
 * link to a directory already read) is reported once and not followed.
 *
 * Memory stays bounded: JSON Lines are read one line at a time (a line over
 * max_line is skipped without being stored), a text file is read whole but
 * only up to max_text bytes.
 */
#include "io/io.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "io/parse.h"
#include "io/source.h"

enum { FMT_AUTO, FMT_JSONL, FMT_TEXT };

typedef struct pending {
    char *path;     /* as given or built from the directory walk; "-" = stdin */
    char *idbase;   /* default article id for a text file without ID: */
    int top;        /* named by the caller (not found in a directory walk) */
} pending;

typedef struct dirid { dev_t dev; ino_t ino; } dirid;

struct dyad_reader {
    char *default_date;
    int forced;                 /* FMT_* from opts->format */
    size_t max_line, max_text;
    pending *stack;
    size_t nstack, capstack;
    dirid *seen;
    size_t nseen, capseen;
    /* the open file */
    int open;
    pending cur;
    const char *display;        /* name in messages */
    int fmt;
    int text_done;              /* the text file's article was handed out */
    dyad_source *src;
    dyad_lines lines;
    dyad_buf line, text;
    json_t *doc;
    char idbuf[32];
    dyad_buf err;
    long nread, nskipped;
};

static int push(dyad_reader *r, const char *path, const char *idbase, int top)
{
    if (r->nstack == r->capstack) {
        size_t cap = r->capstack ? r->capstack * 2 : 16;
        pending *p = realloc(r->stack, cap * sizeof *p);
        if (!p) return -1;
        r->stack = p;
        r->capstack = cap;
    }
    pending *p = &r->stack[r->nstack];
    p->path = strdup(path);
    p->idbase = strdup(idbase);
    p->top = top;
    if (!p->path || !p->idbase) { free(p->path); free(p->idbase); return -1; }
    r->nstack++;
    return 0;
}

/* "dir/2022/a.txt.gz" -> extension index helpers. */
static const char *ext_of(const char *name)
{
    const char *slash = strrchr(name, '/');
    const char *base = slash ? slash + 1 : name;
    const char *dot = strrchr(base, '.');
    return dot && dot != base ? dot : NULL;
}

/* Copy of name without a compression extension and then without one more
 * extension (the id base): "a.txt.gz" -> "a". */
static char *strip_exts(const char *name)
{
    char *s = strdup(name);
    if (!s) return NULL;
    char *e = (char *)ext_of(s);
    if (e && (!strcmp(e, ".gz") || !strcmp(e, ".zst") || !strcmp(e, ".zstd"))) {
        *e = '\0';
        e = (char *)ext_of(s);
    }
    if (e) *e = '\0';
    return s;
}

/* Format from the name (after any compression extension); FMT_AUTO if unknown. */
static int fmt_from_name(const char *name)
{
    char *s = strdup(name);
    if (!s) return FMT_AUTO;
    char *e = (char *)ext_of(s);
    if (e && (!strcmp(e, ".gz") || !strcmp(e, ".zst") || !strcmp(e, ".zstd"))) {
        *e = '\0';
        e = (char *)ext_of(s);
    }
    int f = FMT_AUTO;
    if (e) {
        if (!strcmp(e, ".jsonl") || !strcmp(e, ".ndjson") || !strcmp(e, ".json") || !strcmp(e, ".jl"))
            f = FMT_JSONL;
        else if (!strcmp(e, ".txt") || !strcmp(e, ".text"))
            f = FMT_TEXT;
    }
    free(s);
    return f;
}

/* Inside a directory walk: is this file an article file? Known article
 * extensions, or no extension at all, either possibly compressed. */
static int wanted_in_dir(const char *name)
{
    if (fmt_from_name(name) != FMT_AUTO) return 1;
    char *s = strdup(name);
    if (!s) return 0;
    char *e = (char *)ext_of(s);
    if (e && (!strcmp(e, ".gz") || !strcmp(e, ".zst") || !strcmp(e, ".zstd"))) *e = '\0';
    int ok = ext_of(s) == NULL;
    free(s);
    return ok;
}

dyad_reader *dyad_reader_open(const char *const *paths, int npaths, const dyad_read_opts *o)
{
    dyad_reader *r = calloc(1, sizeof *r);
    if (!r) return NULL;
    dyad_buf_init(&r->line);
    dyad_buf_init(&r->text);
    dyad_buf_init(&r->err);
    r->max_line = o && o->max_line ? o->max_line : DYAD_MAX_LINE;
    r->max_text = o && o->max_text ? o->max_text : DYAD_MAX_TEXT;
    if (o && o->default_date && !(r->default_date = strdup(o->default_date))) goto oom;
    if (o && o->format && !strcmp(o->format, "jsonl")) r->forced = FMT_JSONL;
    else if (o && o->format && !strcmp(o->format, "text")) r->forced = FMT_TEXT;
    if (npaths == 0) {
        if (push(r, "-", "stdin", 1)) goto oom;
    }
    for (int i = npaths - 1; i >= 0; i--) {
        const char *p = paths[i];
        char *id = strcmp(p, "-") ? strip_exts(strrchr(p, '/') ? strrchr(p, '/') + 1 : p) : strdup("stdin");
        int bad = !id || push(r, p, *id ? id : p, 1);
        free(id);
        if (bad) goto oom;
    }
    return r;
oom:
    dyad_reader_close(r);
    return NULL;
}

static void close_file(dyad_reader *r)
{
    if (!r->open) return;
    json_decref(r->doc);
    r->doc = NULL;
    dyad_lines_free(&r->lines);
    dyad_source_close(r->src);
    r->src = NULL;
    free(r->cur.path);
    free(r->cur.idbase);
    r->cur.path = r->cur.idbase = NULL;
    r->open = 0;
    r->text_done = 0;
}

void dyad_reader_close(dyad_reader *r)
{
    if (!r) return;
    close_file(r);
    for (size_t i = 0; i < r->nstack; i++) {
        free(r->stack[i].path);
        free(r->stack[i].idbase);
    }
    free(r->stack);
    free(r->seen);
    free(r->default_date);
    dyad_buf_free(&r->line);
    dyad_buf_free(&r->text);
    dyad_buf_free(&r->err);
    free(r);
}

const char *dyad_reader_error(const dyad_reader *r) { return r->err.data ? r->err.data : ""; }

void dyad_reader_counts(const dyad_reader *r, long *read, long *skipped)
{
    if (read) *read = r->nread;
    if (skipped) *skipped = r->nskipped;
}

/* Record an error for the current item and count it as skipped. */
static int failf(dyad_reader *r, int status, const char *where, long line, const char *fmt, const char *arg)
{
    dyad_buf_clear(&r->err);
    dyad_buf_puts(&r->err, where);
    if (line > 0) dyad_buf_printf(&r->err, ":%ld", line);
    dyad_buf_puts(&r->err, ": ");
    dyad_buf_printf(&r->err, fmt, arg);
    r->nskipped++;
    return status;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Push a directory's entries (sorted; pushed in reverse so they pop in order). */
static int expand_dir(dyad_reader *r, const pending *p, const struct stat *st)
{
    for (size_t i = 0; i < r->nseen; i++)
        if (r->seen[i].dev == st->st_dev && r->seen[i].ino == st->st_ino)
            return failf(r, DYAD_EIO, p->path, 0, "%s",
                         "directory already read (symlink loop or second link), skipped");
    if (r->nseen == r->capseen) {
        size_t cap = r->capseen ? r->capseen * 2 : 16;
        dirid *d = realloc(r->seen, cap * sizeof *d);
        if (!d) return failf(r, DYAD_ENOMEM, p->path, 0, "%s", "out of memory");
        r->seen = d;
        r->capseen = cap;
    }
    r->seen[r->nseen++] = (dirid){ st->st_dev, st->st_ino };

    DIR *d = opendir(p->path);
    if (!d) return failf(r, DYAD_EIO, p->path, 0, "%s", strerror(errno));
    char **names = NULL;
    size_t n = 0, cap = 0;
    int status = DYAD_OK;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.') continue;      /* ., .. and hidden files */
        if (n == cap) {
            cap = cap ? cap * 2 : 32;
            char **nn = realloc(names, cap * sizeof *nn);
            if (!nn) { status = DYAD_ENOMEM; break; }
            names = nn;
        }
        if (!(names[n] = strdup(e->d_name))) { status = DYAD_ENOMEM; break; }
        n++;
    }
    closedir(d);
    if (names) qsort(names, n, sizeof *names, cmp_str);
    dyad_buf child, id;
    dyad_buf_init(&child);
    dyad_buf_init(&id);
    for (size_t i = n; i-- > 0 && status == DYAD_OK;) {
        dyad_buf_clear(&child);
        dyad_buf_puts(&child, p->path);
        if (child.len && child.data[child.len - 1] != '/') dyad_buf_putc(&child, '/');
        dyad_buf_puts(&child, names[i]);
        struct stat cst;
        int is_dir = stat(child.data, &cst) == 0 && S_ISDIR(cst.st_mode);
        /* broken links and unreadable entries are kept: opening them reports why */
        if (!is_dir && !wanted_in_dir(names[i])) continue;
        /* ids of files found in a directory: the path below the top directory */
        dyad_buf_clear(&id);
        if (!p->top) {
            dyad_buf_puts(&id, p->idbase);
            dyad_buf_putc(&id, '/');
        }
        char *stem = is_dir ? strdup(names[i]) : strip_exts(names[i]);
        if (!stem) { status = DYAD_ENOMEM; break; }
        dyad_buf_puts(&id, stem);
        free(stem);
        if (child.oom || id.oom || push(r, child.data, id.data, 0)) status = DYAD_ENOMEM;
    }
    dyad_buf_free(&child);
    dyad_buf_free(&id);
    for (size_t i = 0; i < n; i++) free(names[i]);
    free(names);
    if (status) return failf(r, status, p->path, 0, "%s", "out of memory");
    return DYAD_OK;
}

/* Open the file p (taking ownership of its strings). */
static int open_file(dyad_reader *r, pending *p)
{
    int fd = 0;
    if (strcmp(p->path, "-")) {
        fd = open(p->path, O_RDONLY | O_CLOEXEC);
        if (fd < 0) {
            int st = failf(r, DYAD_EIO, p->path, 0, "%s", strerror(errno));
            free(p->path);
            free(p->idbase);
            return st;
        }
    }
    r->cur = *p;
    r->display = fd == 0 ? "<stdin>" : p->path;
    r->src = dyad_source_open(fd);
    if (!r->src) {
        if (fd > 0) close(fd);
        free(p->path);
        free(p->idbase);
        r->cur.path = r->cur.idbase = NULL;
        return failf(r, DYAD_ENOMEM, r->display, 0, "%s", "out of memory");
    }
    r->open = 1;
    dyad_lines_init(&r->lines, r->src, r->max_line);
    r->fmt = r->forced ? r->forced : (fd == 0 ? FMT_AUTO : fmt_from_name(p->path));
    return DYAD_OK;
}

/* Look at the first decompressed bytes: reject binary files, and settle
 * FMT_AUTO by content ('{' first: JSON Lines). */
static int sniff(dyad_reader *r)
{
    dyad_lines *l = &r->lines;
    char msg[256];
    if (!l->chunk && !(l->chunk = malloc(64 * 1024))) return failf(r, DYAD_ENOMEM, r->display, 0, "%s", "out of memory");
    l->cap = 64 * 1024;
    long n = dyad_source_read(r->src, l->chunk, l->cap, msg, sizeof msg);
    if (n < 0) return failf(r, DYAD_EIO, r->display, 0, "%s", msg);
    if (n == 0) l->eof = 1;
    l->pos = 0;
    l->len = (size_t)(n > 0 ? n : 0);
    const char *nul = memchr(l->chunk, '\0', l->len);
    if (nul) {
        snprintf(msg, sizeof msg, "binary file (NUL byte at offset %zu), skipped", (size_t)(nul - l->chunk));
        return failf(r, DYAD_EPARSE, r->display, 0, "%s", msg);
    }
    if (r->fmt == FMT_AUTO) {
        size_t i = 0;
        if (l->len >= 3 && !memcmp(l->chunk, "\xEF\xBB\xBF", 3)) i = 3;
        while (i < l->len && (l->chunk[i] == ' ' || l->chunk[i] == '\t' || l->chunk[i] == '\r' || l->chunk[i] == '\n')) i++;
        r->fmt = i < l->len && l->chunk[i] == '{' ? FMT_JSONL : FMT_TEXT;
    }
    return DYAD_OK;
}

static int is_blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n') return 0;
    return 1;
}

/* Next record of an open JSON Lines file: 1, 0 at its end, or an error. */
static int next_jsonl(dyad_reader *r, dyad_article *a)
{
    char msg[256];
    for (;;) {
        json_decref(r->doc);
        r->doc = NULL;
        int rc = dyad_lines_next(&r->lines, &r->line, msg, sizeof msg);
        if (rc == 0) return 0;
        if (rc < 0) return failf(r, rc, r->display, r->lines.lineno, "%s", msg);
        const char *s = r->line.data;
        size_t n = r->line.len;
        if (r->lines.lineno == 1 && n >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3)) { s += 3; n -= 3; }
        if (is_blank(s, n)) continue;
        dyad_buf e;
        dyad_buf_init(&e);
        rc = dyad_parse_jsonl(s, n, &r->doc, a, r->idbuf, sizeof r->idbuf, &e);
        if (rc) {
            rc = failf(r, rc, r->display, r->lines.lineno, "%s", e.data ? e.data : "error");
            dyad_buf_free(&e);
            return rc;
        }
        dyad_buf_free(&e);
        a->file = r->display;
        a->line = r->lines.lineno;
        return 1;
    }
}

/* Read the rest of the open file into r->text, up to max_text bytes. */
static int slurp(dyad_reader *r)
{
    dyad_lines *l = &r->lines;
    char msg[256];
    dyad_buf_clear(&r->text);
    for (;;) {
        if (l->pos < l->len) {
            size_t k = l->len - l->pos;
            if (r->text.len + k > r->max_text) {
                snprintf(msg, sizeof msg, "text larger than %zu bytes, skipped", r->max_text);
                return failf(r, DYAD_ELIMIT, r->display, 0, "%s", msg);
            }
            dyad_buf_add(&r->text, l->chunk + l->pos, k);
            l->pos = l->len;
        }
        if (l->eof) break;
        long n = dyad_source_read(r->src, l->chunk, l->cap, msg, sizeof msg);
        if (n < 0) return failf(r, DYAD_EIO, r->display, 0, "%s", msg);
        if (n == 0) l->eof = 1;
        l->pos = 0;
        l->len = (size_t)(n > 0 ? n : 0);
    }
    if (r->text.oom) return failf(r, DYAD_ENOMEM, r->display, 0, "%s", "out of memory");
    if (!r->text.data) dyad_buf_add(&r->text, "", 0);
    if (memchr(r->text.data, '\0', r->text.len)) {
        snprintf(msg, sizeof msg, "binary file (NUL byte at offset %zu), skipped",
                 (size_t)((char *)memchr(r->text.data, '\0', r->text.len) - r->text.data));
        return failf(r, DYAD_EPARSE, r->display, 0, "%s", msg);
    }
    return DYAD_OK;
}

/* The whole open text file as one article: 1, 0 if it is empty, or an error. */
static int next_text(dyad_reader *r, dyad_article *a)
{
    int rc = slurp(r);
    if (rc) return rc;
    dyad_buf e;
    dyad_buf_init(&e);
    long line = 0;
    rc = dyad_parse_text(r->text.data, r->text.len, r->default_date, r->cur.idbase, a, &line, &e);
    if (rc < 0) {
        rc = failf(r, rc, r->display, line, "%s", e.data ? e.data : "error");
        dyad_buf_free(&e);
        return rc;
    }
    dyad_buf_free(&e);
    if (rc == 1) return 0;
    a->file = r->display;
    a->line = 0;
    return 1;
}

int dyad_reader_next(dyad_reader *r, dyad_article *a)
{
    memset(a, 0, sizeof *a);
    for (;;) {
        if (r->open && r->text_done) close_file(r);
        if (r->open && r->fmt == FMT_JSONL) {
            int rc = next_jsonl(r, a);
            if (rc == 1) { r->nread++; return 1; }
            if (rc == 0 || r->lines.failed) close_file(r);   /* end, or the stream is unusable */
            if (rc < 0) return rc;
            continue;
        }
        if (r->open) {
            int rc = next_text(r, a);
            r->text_done = 1;               /* the article stays valid until the next call */
            if (rc == 1) { r->nread++; return 1; }
            if (rc < 0) return rc;
            continue;
        }
        if (r->nstack == 0) return 0;
        pending p = r->stack[--r->nstack];
        if (strcmp(p.path, "-")) {
            struct stat st;
            if (stat(p.path, &st) != 0) {
                int rc = failf(r, DYAD_EIO, p.path, 0, "%s", strerror(errno));
                free(p.path);
                free(p.idbase);
                return rc;
            }
            if (S_ISDIR(st.st_mode)) {
                int rc = expand_dir(r, &p, &st);
                free(p.path);
                free(p.idbase);
                if (rc) return rc;
                continue;
            }
        }
        int rc = open_file(r, &p);
        if (rc) return rc;
        rc = sniff(r);
        if (rc) { close_file(r); return rc; }
    }
}
