/*
 * sqlite.c — the SQLite backend of the store (the default).
 *
 * A thin driver (driver.h) over the sqlite3 API: WAL journal, a busy
 * timeout so readers and one writer can share the file, statements
 * prepared once and bound by position, the file memory-mapped (up to 1 GiB)
 * so reads need no copies. The schema lives here; it matches
 * postgres.c column for column. Full text is an FTS5 external-content
 * index over mentions.text kept in step by triggers.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>

#include "store/driver.h"

#define EXEC_CACHE 8

struct st_db {
    sqlite3 *h;
    int writable;
    /* exec() of the same short statements (BEGIN, SAVEPOINT, RELEASE, ...)
     * runs once per article: keep them prepared instead of parsing each time */
    struct { char *sql; sqlite3_stmt *st; } cache[EXEC_CACHE];
};

struct st_stmt {
    st_db *db;
    sqlite3_stmt *st;
};

static const char schema[] =
    "BEGIN IMMEDIATE;\n"
    "CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);\n"
    "CREATE TABLE IF NOT EXISTS articles(\n"
    "  id TEXT PRIMARY KEY, date TEXT NOT NULL, url TEXT, source TEXT, title TEXT,\n"
    "  media TEXT NOT NULL, hash TEXT NOT NULL, added TEXT NOT NULL);\n"
    "CREATE TABLE IF NOT EXISTS events(\n"
    "  id INTEGER PRIMARY KEY, event_key TEXT NOT NULL, date TEXT NOT NULL, date_from TEXT,\n"
    "  date_precision TEXT, source TEXT NOT NULL, source_name TEXT, target TEXT NOT NULL,\n"
    "  target_name TEXT, code TEXT NOT NULL, root TEXT NOT NULL, quad INTEGER, goldstein REAL,\n"
    "  plover TEXT, fatalities INTEGER, fatalities_min INTEGER, fatalities_max INTEGER,\n"
    "  injured INTEGER, loc_name TEXT, loc_country TEXT, loc_lat REAL, loc_lon REAL, loc_kind TEXT,\n"
    "  negated INTEGER NOT NULL, text TEXT, rule TEXT, article_id TEXT, sentence INTEGER,\n"
    "  num_mentions INTEGER NOT NULL, num_sources INTEGER NOT NULL, num_articles INTEGER NOT NULL,\n"
    "  source_url TEXT, date_added TEXT);\n"
    "CREATE TABLE IF NOT EXISTS mentions(\n"
    "  id INTEGER PRIMARY KEY, event_id INTEGER NOT NULL, article_id TEXT NOT NULL,\n"
    "  sentence INTEGER, date TEXT NOT NULL, date_from TEXT, date_precision TEXT,\n"
    "  source TEXT NOT NULL, source_name TEXT, target TEXT NOT NULL, target_name TEXT,\n"
    "  code TEXT NOT NULL, root TEXT NOT NULL, quad INTEGER, goldstein REAL, plover TEXT,\n"
    "  fatalities INTEGER, injured INTEGER, loc_name TEXT, loc_country TEXT, loc_lat REAL,\n"
    "  loc_lon REAL, loc_kind TEXT, negated INTEGER NOT NULL, text TEXT, rule TEXT,\n"
    "  s_start INTEGER, s_end INTEGER, t_start INTEGER, t_end INTEGER, v_start INTEGER, v_end INTEGER);\n"
    "CREATE INDEX IF NOT EXISTS events_date ON events(date, id);\n"
    "CREATE INDEX IF NOT EXISTS events_group ON events(source, target, root, date);\n"
    "CREATE INDEX IF NOT EXISTS events_target ON events(target, date);\n"
    "CREATE INDEX IF NOT EXISTS events_code ON events(code, date);\n"
    "CREATE INDEX IF NOT EXISTS events_root ON events(root, date);\n"
    "CREATE INDEX IF NOT EXISTS events_quad ON events(quad, date);\n"
    "CREATE INDEX IF NOT EXISTS events_place_date ON events(lower(loc_name), date);\n"
    /* Country indexes cover what series, dyads and country totals read
     * (quad, goldstein, num_mentions, fatalities), so those aggregate from
     * the index alone; their first columns keep date order for event pages
     * and the store's grouping. Older databases' narrower versions go. */
    "DROP INDEX IF EXISTS events_countries;\n"
    "DROP INDEX IF EXISTS events_source_country;\n"
    "DROP INDEX IF EXISTS events_target_country;\n"
    "CREATE INDEX IF NOT EXISTS events_countries_cov ON events(substr(source, 1, 3), substr(target, 1, 3), date,\n"
    "  quad, goldstein, num_mentions, fatalities);\n"
    "CREATE INDEX IF NOT EXISTS events_source_country_cov ON events(substr(source, 1, 3), date,\n"
    "  quad, goldstein, num_mentions, fatalities);\n"
    "CREATE INDEX IF NOT EXISTS events_target_country_cov ON events(substr(target, 1, 3), date,\n"
    "  quad, goldstein, num_mentions, fatalities);\n"
    "CREATE INDEX IF NOT EXISTS events_source_name ON events(source, source_name);\n"
    "CREATE INDEX IF NOT EXISTS events_target_name ON events(target, target_name);\n"
    "CREATE INDEX IF NOT EXISTS events_place_country ON events(loc_country, date);\n"
    "CREATE INDEX IF NOT EXISTS events_mentions ON events(num_mentions, date, id);\n"
    "CREATE INDEX IF NOT EXISTS mentions_event ON mentions(event_id, id);\n"
    "CREATE INDEX IF NOT EXISTS mentions_article ON mentions(article_id);\n"
    "CREATE VIRTUAL TABLE IF NOT EXISTS mentions_fts USING fts5(text, content='mentions',\n"
    "  content_rowid='id', tokenize='unicode61 remove_diacritics 0');\n"
    "CREATE TRIGGER IF NOT EXISTS mentions_ai AFTER INSERT ON mentions BEGIN\n"
    "  INSERT INTO mentions_fts(rowid, text) VALUES (new.id, new.text); END;\n"
    "CREATE TRIGGER IF NOT EXISTS mentions_ad AFTER DELETE ON mentions BEGIN\n"
    "  INSERT INTO mentions_fts(mentions_fts, rowid, text) VALUES ('delete', old.id, old.text); END;\n"
    "COMMIT;\n";

/* Opening: another process may be creating the same database at this moment. Switching a
 * new file to WAL and creating the schema then meet "database is locked" without the busy
 * handler's wait (a read snapshot cannot be upgraded), so these statements are retried for
 * up to 10 s, and the schema is created in one BEGIN IMMEDIATE transaction (which does wait). */
static int exec_retry(sqlite3 *h, const char *sql, char **msg)
{
    int rc = SQLITE_BUSY;
    for (int tries = 0; tries < 200; tries++) {
        sqlite3_free(*msg);
        *msg = NULL;
        rc = sqlite3_exec(h, sql, NULL, NULL, msg);
        if ((rc & 0xff) != SQLITE_BUSY && (rc & 0xff) != SQLITE_LOCKED) break;
        sqlite3_exec(h, "ROLLBACK", NULL, NULL, NULL);   /* (no-op outside a transaction) */
        sqlite3_sleep(50);
    }
    return rc;
}

static st_db *sq_open(const char *path, int flags, char *err, size_t errlen)
{
    st_db *db = calloc(1, sizeof *db);
    if (!db) { snprintf(err, errlen, "out of memory"); return NULL; }
    int oflags = (flags & DYAD_STORE_READONLY) ? SQLITE_OPEN_READONLY
               : (flags & DYAD_STORE_NOCREATE) ? SQLITE_OPEN_READWRITE
               : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    if (sqlite3_open_v2(path, &db->h, oflags | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
        snprintf(err, errlen, "%s: %s", path, db->h ? sqlite3_errmsg(db->h) : "cannot open");
        sqlite3_close(db->h);
        free(db);
        return NULL;
    }
    sqlite3_busy_timeout(db->h, 10000);
    db->writable = !(flags & DYAD_STORE_READONLY);
    char *msg = NULL;
    const char *setup = (flags & DYAD_STORE_READONLY)
        ? "PRAGMA query_only=1; PRAGMA cache_size=-65536; PRAGMA mmap_size=1073741824;"
        : "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-65536;"
          "PRAGMA foreign_keys=OFF; PRAGMA mmap_size=1073741824;";
    int rc = exec_retry(db->h, setup, &msg);
    if (rc == SQLITE_OK && !(flags & (DYAD_STORE_READONLY | DYAD_STORE_NOCREATE)))
        rc = exec_retry(db->h, schema, &msg);
    if (rc != SQLITE_OK) {
        snprintf(err, errlen, "%s: %s", path, msg ? msg : sqlite3_errmsg(db->h));
        sqlite3_free(msg);
        sqlite3_close(db->h);
        free(db);
        return NULL;
    }
    return db;
}

static void sq_close(st_db *db)
{
    if (!db) return;
    for (int i = 0; i < EXEC_CACHE; i++) {
        sqlite3_finalize(db->cache[i].st);
        free(db->cache[i].sql);
    }
    /* Keep the planner's statistics current after writing (cheap: it only
     * analyzes what changed enough, and only a sample of each index). */
    if (db->writable) sqlite3_exec(db->h, "PRAGMA analysis_limit=1000; PRAGMA optimize;", NULL, NULL, NULL);
    sqlite3_close(db->h);
    free(db);
}

static const char *sq_errmsg(st_db *db) { return sqlite3_errmsg(db->h); }

static int sq_exec(st_db *db, const char *sql)
{
    if (strchr(sql, ';'))                       /* several statements: no caching */
        return sqlite3_exec(db->h, sql, NULL, NULL, NULL) == SQLITE_OK ? 0 : -1;
    int i;
    for (i = 0; i < EXEC_CACHE && db->cache[i].sql; i++)
        if (!strcmp(db->cache[i].sql, sql)) break;
    if (i == EXEC_CACHE || !db->cache[i].sql) {
        if (i == EXEC_CACHE) return sqlite3_exec(db->h, sql, NULL, NULL, NULL) == SQLITE_OK ? 0 : -1;
        if (sqlite3_prepare_v3(db->h, sql, -1, SQLITE_PREPARE_PERSISTENT, &db->cache[i].st, NULL) != SQLITE_OK)
            return -1;
        if (!(db->cache[i].sql = strdup(sql))) {
            sqlite3_finalize(db->cache[i].st);
            db->cache[i].st = NULL;
            return -1;
        }
    }
    sqlite3_stmt *st = db->cache[i].st;
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    return rc == SQLITE_DONE || rc == SQLITE_ROW ? 0 : -1;
}

static st_stmt *sq_prepare(st_db *db, const char *sql)
{
    st_stmt *s = calloc(1, sizeof *s);
    if (!s) return NULL;
    s->db = db;
    if (sqlite3_prepare_v3(db->h, sql, -1, SQLITE_PREPARE_PERSISTENT, &s->st, NULL) != SQLITE_OK) {
        free(s);
        return NULL;
    }
    return s;
}

static int sq_bind_text(st_stmt *s, int i, const char *v)
{
    int rc = v ? sqlite3_bind_text(s->st, i, v, -1, SQLITE_TRANSIENT) : sqlite3_bind_null(s->st, i);
    return rc == SQLITE_OK ? 0 : -1;
}

static int sq_bind_int(st_stmt *s, int i, long long v)
{
    return sqlite3_bind_int64(s->st, i, v) == SQLITE_OK ? 0 : -1;
}

static int sq_bind_double(st_stmt *s, int i, double v)
{
    return sqlite3_bind_double(s->st, i, v) == SQLITE_OK ? 0 : -1;
}

static int sq_step(st_stmt *s)
{
    int rc = sqlite3_step(s->st);
    if (rc == SQLITE_ROW) return 1;
    if (rc == SQLITE_DONE) return 0;
    return -1;
}

static int sq_is_null(st_stmt *s, int c) { return sqlite3_column_type(s->st, c) == SQLITE_NULL; }

static const char *sq_text(st_stmt *s, int c)
{
    const unsigned char *t = sqlite3_column_text(s->st, c);
    return t ? (const char *)t : "";
}

static long long sq_int64(st_stmt *s, int c) { return sqlite3_column_int64(s->st, c); }
static double sq_dbl(st_stmt *s, int c) { return sqlite3_column_double(s->st, c); }

static void sq_reset(st_stmt *s)
{
    sqlite3_reset(s->st);
    sqlite3_clear_bindings(s->st);
}

static void sq_finalize(st_stmt *s)
{
    if (!s) return;
    sqlite3_finalize(s->st);
    free(s);
}

static void sq_fts_cond(dyad_buf *sql, int param)
{
    dyad_buf_printf(sql, "id IN (SELECT event_id FROM mentions WHERE id IN "
                         "(SELECT rowid FROM mentions_fts WHERE mentions_fts MATCH ?%d))", param);
}

/* Words become an AND of quoted FTS5 strings, so no user text is ever
 * parsed as FTS5 query syntax. */
static void sq_fts_param(const char *words, dyad_buf *out)
{
    const char *p = words;
    while (*p) {
        while (*p && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '"')) p++;
        if (!*p) break;
        const char *w = p;
        while (*p && *p != ' ' && *p != '\t' && *p != '\n' && *p != '"') p++;
        if (out->len) dyad_buf_putc(out, ' ');
        dyad_buf_putc(out, '"');
        dyad_buf_add(out, w, (size_t)(p - w));
        dyad_buf_putc(out, '"');
    }
    if (!out->len) dyad_buf_puts(out, "\"\"");
}

const st_driver dyad_st_sqlite = {
    .name = "sqlite",
    .open = sq_open, .close = sq_close, .errmsg = sq_errmsg, .exec = sq_exec,
    .begin_sql = "BEGIN IMMEDIATE",
    .prepare = sq_prepare, .bind_text = sq_bind_text, .bind_int = sq_bind_int,
    .bind_double = sq_bind_double, .step = sq_step, .is_null = sq_is_null, .text = sq_text,
    .int64 = sq_int64, .dbl = sq_dbl, .reset = sq_reset, .finalize = sq_finalize,
    .fts_cond = sq_fts_cond, .fts_param = sq_fts_param, .copy_mentions = NULL,
};
