/*
 * datadir.c — where dyad finds its data when no --data is given.
 *
 * Order: $DYAD_DATA; then, relative to the running binary, an installed
 * ../share/dyad (make install), then the source tree's data/ (bin/dyad and
 * build/bin/dyad). The answer is computed on each call (no global state).
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dyad.h"

static int is_dir(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* The result is kept in a thread-local buffer: valid until the next call in this thread. */
const char *dyad_default_data_dir(void)
{
    static _Thread_local char path[PATH_MAX];
    const char *env = getenv("DYAD_DATA");
    if (env && *env) return env;

    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash) *slash = '\0';                     /* exe = directory of the binary */
        static const char *const rel[] = { "/../share/dyad", "/../data", "/../../data" };
        for (size_t i = 0; i < sizeof rel / sizeof rel[0]; i++) {
            snprintf(path, sizeof path, "%s%s", exe, rel[i]);
            if (is_dir(path)) {
                char *real = realpath(path, NULL);
                if (real) {
                    snprintf(path, sizeof path, "%s", real);
                    free(real);
                }
                return path;
            }
        }
    }
    return "data";
}
