/*
 * arena.h — a bump allocator for per-article memory.
 *
 * Everything made while coding one article (tokens, chunks, events, strings)
 * is allocated here and released at once with dyad_arena_reset(). Blocks are
 * chained; a reset keeps the first block so steady-state coding does not call
 * malloc at all.
 */
#ifndef DYAD_ARENA_H
#define DYAD_ARENA_H

#include <stddef.h>

typedef struct dyad_arena_block dyad_arena_block;
typedef struct dyad_arena {
    dyad_arena_block *head;   /* current block (newest) */
    size_t block_size;        /* default size of new blocks */
    size_t total;             /* bytes handed out since the last reset */
} dyad_arena;

void  dyad_arena_init(dyad_arena *a, size_t block_size);
void *dyad_arena_alloc(dyad_arena *a, size_t n);          /* 16-byte aligned; NULL on OOM */
void *dyad_arena_calloc(dyad_arena *a, size_t count, size_t size);
char *dyad_arena_strndup(dyad_arena *a, const char *s, size_t n);
char *dyad_arena_strdup(dyad_arena *a, const char *s);
char *dyad_arena_printf(dyad_arena *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void  dyad_arena_reset(dyad_arena *a);                     /* free all but the first block */
void  dyad_arena_free(dyad_arena *a);

#endif
