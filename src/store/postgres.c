/*
 * postgres.c — the PostgreSQL backend of the store (libpq).
 *
 * The same driver (driver.h) as sqlite.c: SQL written with "?N" is rewritten
 * to "$N"; parameters travel as text and the server infers their types.
 * A statement runs with PQexecParams the first time and is prepared on the
 * server (PQprepare) when it is run a second time, so the hot insert/lookup
 * statements of ingest are parsed once while one-off queries cost a single
 * round trip. Rows come back in one PGresult; query.c pages big results.
 * Text columns use COLLATE "C" so comparisons and ordering are bytewise like
 * SQLite's. Full text: a stored tsvector ('simple' configuration: lower-cased
 * words, no stemming, like FTS5's unicode61) with a GIN index. Mentions are
 * bulk-loaded with COPY.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libpq-fe.h>

#include "store/driver.h"

#define MAXPARAMS 64

struct st_db {
    PGconn *c;
    int nstmt;              /* names for server-side prepared statements */
    char err[1024];
};

struct st_stmt {
    st_db *db;
    char *sql;              /* with $N placeholders */
    char name[24];          /* "" until prepared on the server */
    int runs;
    int nparams;
    char *params[MAXPARAMS];
    PGresult *res;
    int row, nrows;
};

#define T "TEXT COLLATE \"C\""
static const char schema[] =
    "SET client_min_messages = warning;\n"
    "CREATE TABLE IF NOT EXISTS meta(key " T " PRIMARY KEY, value TEXT NOT NULL);\n"
    "CREATE TABLE IF NOT EXISTS articles(\n"
    "  id " T " PRIMARY KEY, date " T " NOT NULL, url " T ", source " T ", title " T ",\n"
    "  media " T " NOT NULL, hash " T " NOT NULL, added " T " NOT NULL);\n"
    "CREATE TABLE IF NOT EXISTS events(\n"
    "  id BIGINT PRIMARY KEY, event_key " T " NOT NULL, date " T " NOT NULL, date_from " T ",\n"
    "  date_precision " T ", source " T " NOT NULL, source_name " T ", target " T " NOT NULL,\n"
    "  target_name " T ", code " T " NOT NULL, root " T " NOT NULL, quad INTEGER,\n"
    "  goldstein DOUBLE PRECISION, plover " T ", fatalities INTEGER, fatalities_min INTEGER,\n"
    "  fatalities_max INTEGER, injured INTEGER, loc_name " T ", loc_country " T ",\n"
    "  loc_lat DOUBLE PRECISION, loc_lon DOUBLE PRECISION, loc_kind " T ",\n"
    "  negated INTEGER NOT NULL, text " T ", rule " T ", article_id " T ", sentence INTEGER,\n"
    "  num_mentions INTEGER NOT NULL, num_sources INTEGER NOT NULL, num_articles INTEGER NOT NULL,\n"
    "  source_url " T ", date_added " T ");\n"
    "CREATE TABLE IF NOT EXISTS mentions(\n"
    "  id BIGINT PRIMARY KEY, event_id BIGINT NOT NULL, article_id " T " NOT NULL,\n"
    "  sentence INTEGER, date " T " NOT NULL, date_from " T ", date_precision " T ",\n"
    "  source " T " NOT NULL, source_name " T ", target " T " NOT NULL, target_name " T ",\n"
    "  code " T " NOT NULL, root " T " NOT NULL, quad INTEGER, goldstein DOUBLE PRECISION,\n"
    "  plover " T ", fatalities INTEGER, injured INTEGER, loc_name " T ", loc_country " T ",\n"
    "  loc_lat DOUBLE PRECISION, loc_lon DOUBLE PRECISION, loc_kind " T ", negated INTEGER NOT NULL,\n"
    "  text " T ", rule " T ", s_start INTEGER, s_end INTEGER, t_start INTEGER, t_end INTEGER,\n"
    "  v_start INTEGER, v_end INTEGER,\n"
    "  tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', coalesce(text, ''))) STORED);\n"
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
    "CREATE INDEX IF NOT EXISTS mentions_tsv ON mentions USING gin(tsv);\n";
#undef T

static void set_err(st_db *db, const char *msg)
{
    snprintf(db->err, sizeof db->err, "%s", msg && *msg ? msg : PQerrorMessage(db->c));
    size_t n = strlen(db->err);
    while (n && (db->err[n - 1] == '\n' || db->err[n - 1] == ' ')) db->err[--n] = '\0';
}

static int result_ok(st_db *db, PGresult *r)
{
    ExecStatusType st = PQresultStatus(r);
    if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK) return 1;
    set_err(db, PQresultErrorMessage(r));
    return 0;
}

static int pg_exec(st_db *db, const char *sql)
{
    PGresult *r = PQexec(db->c, sql);
    int ok = r && result_ok(db, r);
    if (!r) set_err(db, NULL);
    PQclear(r);
    return ok ? 0 : -1;
}

static st_db *pg_open(const char *uri, int flags, char *err, size_t errlen)
{
    st_db *db = calloc(1, sizeof *db);
    if (!db) { snprintf(err, errlen, "out of memory"); return NULL; }
    db->c = PQconnectdb(uri);
    if (!db->c || PQstatus(db->c) != CONNECTION_OK) {
        snprintf(err, errlen, "%s", db->c ? PQerrorMessage(db->c) : "cannot connect");
        size_t n = strlen(err);
        while (n && err[n - 1] == '\n') err[--n] = '\0';
        PQfinish(db->c);
        free(db);
        return NULL;
    }
    int rc = pg_exec(db, "SET client_min_messages = warning; SET extra_float_digits = 3");
    if (rc == 0 && (flags & DYAD_STORE_READONLY))
        rc = pg_exec(db, "SET default_transaction_read_only = on");
    if (rc == 0 && !(flags & (DYAD_STORE_READONLY | DYAD_STORE_NOCREATE))) {
        /* Two ingests creating the schema at once would race on CREATE ... IF NOT EXISTS. */
        rc = pg_exec(db, "BEGIN; SELECT pg_advisory_xact_lock(715827883)");
        if (rc == 0) rc = pg_exec(db, schema);
        if (rc == 0) rc = pg_exec(db, "COMMIT");
        else pg_exec(db, "ROLLBACK");
    }
    if (rc != 0) {
        snprintf(err, errlen, "%s", db->err);
        PQfinish(db->c);
        free(db);
        return NULL;
    }
    return db;
}

static void pg_close(st_db *db)
{
    if (!db) return;
    PQfinish(db->c);
    free(db);
}

static const char *pg_errmsg(st_db *db) { return db->err; }

/* "?N" -> "$N". The store's SQL has no '?' inside string literals. */
static char *rewrite(const char *sql)
{
    char *out = malloc(strlen(sql) + 1);
    if (!out) return NULL;
    char *o = out;
    for (const char *p = sql; *p; p++) *o++ = (*p == '?' && p[1] >= '0' && p[1] <= '9') ? '$' : *p;
    *o = '\0';
    return out;
}

static st_stmt *pg_prepare(st_db *db, const char *sql)
{
    st_stmt *s = calloc(1, sizeof *s);
    if (!s || !(s->sql = rewrite(sql))) { free(s); set_err(db, "out of memory"); return NULL; }
    s->db = db;
    return s;
}

static int set_param(st_stmt *s, int i, const char *v)
{
    if (i < 1 || i > MAXPARAMS) return -1;
    free(s->params[i - 1]);
    s->params[i - 1] = NULL;
    if (v && !(s->params[i - 1] = strdup(v))) return -1;
    if (i > s->nparams) s->nparams = i;
    return 0;
}

static int pg_bind_text(st_stmt *s, int i, const char *v) { return set_param(s, i, v); }

static int pg_bind_int(st_stmt *s, int i, long long v)
{
    char buf[32];
    snprintf(buf, sizeof buf, "%lld", v);
    return set_param(s, i, buf);
}

static int pg_bind_double(st_stmt *s, int i, double v)
{
    char buf[40];
    snprintf(buf, sizeof buf, "%.17g", v);
    return set_param(s, i, buf);
}

static int run(st_stmt *s)
{
    st_db *db = s->db;
    const char *const *params = (const char *const *)s->params;
    if (s->runs++ == 0) {
        s->res = PQexecParams(db->c, s->sql, s->nparams, NULL, params, NULL, NULL, 0);
    } else {
        if (!s->name[0]) {
            snprintf(s->name, sizeof s->name, "dyad_%d", ++db->nstmt);
            PGresult *r = PQprepare(db->c, s->name, s->sql, s->nparams, NULL);
            int ok = r && result_ok(db, r);
            if (!r) set_err(db, NULL);
            PQclear(r);
            if (!ok) { s->name[0] = '\0'; return -1; }
        }
        s->res = PQexecPrepared(db->c, s->name, s->nparams, params, NULL, NULL, 0);
    }
    if (!s->res) { set_err(db, NULL); return -1; }
    if (!result_ok(db, s->res)) return -1;
    s->nrows = PQresultStatus(s->res) == PGRES_TUPLES_OK ? PQntuples(s->res) : 0;
    s->row = -1;
    return 0;
}

static int pg_step(st_stmt *s)
{
    if (!s->res && run(s) != 0) return -1;
    if (PQresultStatus(s->res) != PGRES_TUPLES_OK && PQresultStatus(s->res) != PGRES_COMMAND_OK) return -1;
    if (++s->row < s->nrows) return 1;
    s->row = s->nrows;
    return 0;
}

static int pg_is_null(st_stmt *s, int c) { return PQgetisnull(s->res, s->row, c); }
static const char *pg_text(st_stmt *s, int c) { return PQgetvalue(s->res, s->row, c); }
static long long pgd_int64(st_stmt *s, int c) { return strtoll(PQgetvalue(s->res, s->row, c), NULL, 10); }
static double pgd_dbl(st_stmt *s, int c) { return strtod(PQgetvalue(s->res, s->row, c), NULL); }

static void pg_reset(st_stmt *s)
{
    PQclear(s->res);
    s->res = NULL;
    for (int i = 0; i < s->nparams; i++) { free(s->params[i]); s->params[i] = NULL; }
    s->nparams = 0;
}

static void pg_finalize(st_stmt *s)
{
    if (!s) return;
    pg_reset(s);
    if (s->name[0] && PQstatus(s->db->c) == CONNECTION_OK) {
        char sql[64];
        snprintf(sql, sizeof sql, "DEALLOCATE %s", s->name);
        PQclear(PQexec(s->db->c, sql));
    }
    free(s->sql);
    free(s);
}

static void pg_fts_cond(dyad_buf *sql, int param)
{
    dyad_buf_printf(sql, "id IN (SELECT event_id FROM mentions WHERE tsv @@ "
                         "plainto_tsquery('simple', CAST(?%d AS TEXT)))", param);
}

static void pg_fts_param(const char *words, dyad_buf *out) { dyad_buf_puts(out, words); }

static int pg_copy_mentions(st_db *db, const char *rows, size_t len)
{
    PGresult *r = PQexec(db->c, "COPY mentions(id, event_id, article_id, sentence, " ST_MENTION_FIELDS
                                ", s_start, s_end, t_start, t_end, v_start, v_end) FROM STDIN");
    if (!r || PQresultStatus(r) != PGRES_COPY_IN) {
        if (r) result_ok(db, r); else set_err(db, NULL);
        PQclear(r);
        return -1;
    }
    PQclear(r);
    int ok = PQputCopyData(db->c, rows, (int)len) == 1;
    if (PQputCopyEnd(db->c, ok ? NULL : "dyad: copy aborted") != 1) ok = 0;
    while ((r = PQgetResult(db->c)) != NULL) {
        if (!result_ok(db, r)) ok = 0;
        PQclear(r);
    }
    if (!ok && !db->err[0]) set_err(db, NULL);
    return ok ? 0 : -1;
}

const st_driver dyad_st_postgres = {
    .name = "postgresql",
    .open = pg_open, .close = pg_close, .errmsg = pg_errmsg, .exec = pg_exec,
    .begin_sql = "BEGIN; SELECT pg_advisory_xact_lock(715827884)",
    .analyze_sql = "ANALYZE articles, events, mentions",
    .prepare = pg_prepare, .bind_text = pg_bind_text, .bind_int = pg_bind_int,
    .bind_double = pg_bind_double, .step = pg_step, .is_null = pg_is_null, .text = pg_text,
    .int64 = pgd_int64, .dbl = pgd_dbl, .reset = pg_reset, .finalize = pg_finalize,
    .fts_cond = pg_fts_cond, .fts_param = pg_fts_param, .copy_mentions = pg_copy_mentions,
};
