/*
 * actor_split.h — breaking a CAMEO actor code ("AZEMIL", "IGOUNO",
 * "PSEREBHMS") into the parts GDELT and Phoenix publish separately:
 * country, known group, ethnic, religions and up to three types/roles.
 * Internal to src/io.
 */
#ifndef DYAD_IO_ACTOR_SPLIT_H
#define DYAD_IO_ACTOR_SPLIT_H

typedef struct dyad_actor_parts {
    char country[4], group[4], ethnic[4], religion[2][4], type[3][4];
    char other[64];     /* segments that fit none of the above, concatenated */
} dyad_actor_parts;

/* Fill p from code (NULL or "" gives all-empty parts). */
void dyad_actor_split(const char *code, dyad_actor_parts *p);

#endif
