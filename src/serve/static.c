/*
 * static.c — serving the dashboard's files from the web directory.
 *
 * A URL path maps to a file under web_dir only if every segment is made of
 * [A-Za-z0-9._-], no segment starts with a dot (so no "..", no hidden
 * files), and the path is short; "/" and directories serve index.html.
 * The resolved real path must still lie inside web_dir (symlinks cannot
 * lead out).
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "serve/serve.h"

static int segment_ok(const char *s, size_t n)
{
    if (n == 0 || s[0] == '.') return 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '.' || c == '_' || c == '-'))
            return 0;
    }
    return 1;
}

int dyad_static_path(const char *web_dir, const char *url, char *out, size_t outlen)
{
    if (!url || url[0] != '/' || strlen(url) > 200) return 404;
    char rel[256] = "";
    const char *p = url + 1;
    while (*p) {
        const char *slash = strchr(p, '/');
        size_t n = slash ? (size_t)(slash - p) : strlen(p);
        if (n == 0 && slash) return 404;            /* "//" */
        if (n && !segment_ok(p, n)) return 403;
        strncat(rel, p, n);
        if (slash) strcat(rel, "/");
        p = slash ? slash + 1 : p + n;
    }
    char path[PATH_MAX];
    size_t rl = strlen(rel);
    snprintf(path, sizeof path, "%s/%s%s", web_dir, rel, (rl == 0 || rel[rl - 1] == '/') ? "index.html" : "");
    struct stat st;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
        if (strlen(path) + 12 >= sizeof path) return 404;
        strcat(path, "/index.html");
    }
    char real[PATH_MAX], root[PATH_MAX];
    if (!realpath(path, real) || !realpath(web_dir, root)) return 404;
    size_t n = strlen(root);
    if (strncmp(real, root, n) != 0 || (real[n] != '/' && real[n] != '\0')) return 403;
    if (stat(real, &st) != 0 || !S_ISREG(st.st_mode)) return 404;
    if (strlen(real) >= outlen) return 404;
    strcpy(out, real);
    return 0;
}

const char *dyad_static_type(const char *path)
{
    static const struct { const char *ext, *type; } types[] = {
        { ".html", "text/html; charset=utf-8" },  { ".js", "text/javascript; charset=utf-8" },
        { ".css", "text/css; charset=utf-8" },    { ".json", "application/json" },
        { ".svg", "image/svg+xml" },              { ".png", "image/png" },
        { ".ico", "image/x-icon" },               { ".txt", "text/plain; charset=utf-8" },
        { ".LICENSE", "text/plain; charset=utf-8" },
    };
    const char *dot = strrchr(path, '.');
    for (size_t i = 0; dot && i < sizeof types / sizeof types[0]; i++)
        if (!strcmp(dot, types[i].ext)) return types[i].type;
    return "application/octet-stream";
}
