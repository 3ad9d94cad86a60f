/*
 * arena.c — bump allocator; see arena.h.
 *
 * Blocks form a singly linked list, newest first. An allocation larger than
 * the block size gets a block of its own, so huge tokens never fail.
 */
#include "util/arena.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Under AddressSanitizer the unused part of every block is poisoned, and a
 * reset poisons the block it keeps: a pointer kept across a reset (state that
 * outlives the arena it was allocated in) is then a use-after-poison report
 * instead of silently reading reused memory. Each allocation is unpoisoned to
 * its exact size, so overruns into the alignment padding are caught too. */
#if defined(__SANITIZE_ADDRESS__)
#define DYAD_ARENA_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define DYAD_ARENA_ASAN 1
#endif
#endif
#ifdef DYAD_ARENA_ASAN
#include <sanitizer/asan_interface.h>
#define POISON(p, n)   ASAN_POISON_MEMORY_REGION((p), (n))
#define UNPOISON(p, n) ASAN_UNPOISON_MEMORY_REGION((p), (n))
#else
#define POISON(p, n)   ((void)(p), (void)(n))
#define UNPOISON(p, n) ((void)(p), (void)(n))
#endif

struct dyad_arena_block {
    dyad_arena_block *next;
    size_t used, cap;
    _Alignas(16) unsigned char data[];
};

void dyad_arena_init(dyad_arena *a, size_t block_size)
{
    a->head = NULL;
    a->block_size = block_size ? block_size : 64 * 1024;
    a->total = 0;
}

static dyad_arena_block *new_block(size_t cap)
{
    dyad_arena_block *b = malloc(sizeof *b + cap);
    if (!b) return NULL;
    b->next = NULL;
    b->used = 0;
    b->cap = cap;
    POISON(b->data, cap);
    return b;
}

void *dyad_arena_alloc(dyad_arena *a, size_t n)
{
    size_t need = (n + 15) & ~(size_t)15;
    if (need < n) return NULL;                       /* overflow */
    dyad_arena_block *b = a->head;
    if (!b || b->cap - b->used < need) {
        size_t cap = need > a->block_size ? need : a->block_size;
        dyad_arena_block *nb = new_block(cap);
        if (!nb) return NULL;
        nb->next = b;
        a->head = b = nb;
    }
    void *p = b->data + b->used;
    UNPOISON(p, n);
    b->used += need;
    a->total += need;
    return p;
}

void *dyad_arena_calloc(dyad_arena *a, size_t count, size_t size)
{
    if (size && count > SIZE_MAX / size) return NULL;
    void *p = dyad_arena_alloc(a, count * size);
    if (p) memset(p, 0, count * size);
    return p;
}

char *dyad_arena_strndup(dyad_arena *a, const char *s, size_t n)
{
    char *p = dyad_arena_alloc(a, n + 1);
    if (!p) return NULL;
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *dyad_arena_strdup(dyad_arena *a, const char *s)
{
    return dyad_arena_strndup(a, s, strlen(s));
}

char *dyad_arena_printf(dyad_arena *a, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0) return NULL;
    char *p = dyad_arena_alloc(a, (size_t)n + 1);
    if (!p) return NULL;
    va_start(ap, fmt);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return p;
}

/* Keep the oldest block (the last in the list): it is the steady-state one. */
void dyad_arena_reset(dyad_arena *a)
{
    dyad_arena_block *b = a->head;
    while (b && b->next) {
        dyad_arena_block *next = b->next;
        free(b);
        b = next;
    }
    if (b) { b->used = 0; POISON(b->data, b->cap); }
    a->head = b;
    a->total = 0;
}

void dyad_arena_free(dyad_arena *a)
{
    dyad_arena_block *b = a->head;
    while (b) {
        dyad_arena_block *next = b->next;
        free(b);
        b = next;
    }
    a->head = NULL;
    a->total = 0;
}
