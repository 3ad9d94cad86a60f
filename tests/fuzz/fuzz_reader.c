/*
 * fuzz_reader.c — libFuzzer target for the article reader: arbitrary bytes
 * (plain, gzip or zstd by their magic) are read as JSON Lines, as text and
 * auto-detected, with a small line limit so the limit paths are hit too.
 *
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -Iinclude -Isrc \
 *         tests/fuzz/fuzz_reader.c build/san/libdyad.a \
 *         $(pkg-config --libs zlib libzstd jansson libutf8proc) -o build/fuzz_reader
 *   build/fuzz_reader -max_total_time=60
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/mman.h>
#include <unistd.h>

#include "io/io.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const formats[] = { "jsonl", "text", "auto" };
    for (int f = 0; f < 3; f++) {
        int fd = memfd_create("fuzz", 0);
        if (fd < 0) return 0;
        if (size && write(fd, data, size) != (ssize_t)size) { close(fd); return 0; }
        lseek(fd, 0, SEEK_SET);
        char path[64];
        snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
        const char *paths[1] = { path };
        dyad_read_opts o = { .format = formats[f], .default_date = "2022-11-01",
                             .max_line = 256, .max_text = 4096 };
        dyad_reader *r = dyad_reader_open(paths, 1, &o);
        if (r) {
            dyad_article a;
            int rc, guard = 0;
            while ((rc = dyad_reader_next(r, &a)) != 0 && guard++ < 100000) {
                if (rc > 0 && (!a.id || !a.date || !a.text || !dyad_date_valid(a.date)))
                    __builtin_trap();
            }
            dyad_reader_close(r);
        }
        close(fd);
    }
    return 0;
}
