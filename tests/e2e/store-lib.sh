# store-lib.sh — shared by the store's TAP scripts (tests/e2e/store-*); sourced, not run.
#
#   t_ok COND-EXIT-STATUS "description"     one TAP line
#   pg_setup                                sets PG_BASE (a server URI) or PG_SKIP (why not):
#                                           $DYAD_PG_URI if set, else a throw-away cluster of
#                                           our own (scripts/pg-test-cluster, stopped on exit)
#   pg_newdb NAME                           a fresh database NAME on that server; prints its URI
#   dump DB                                 a canonical dump of a store (all rows of all tables,
#                                           in key order, without wall-clock timestamps)
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
DYAD=${DYAD:-$root/bin/dyad}
n=0
t_ok() {   # t_ok STATUS DESCRIPTION
  n=$((n + 1))
  if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fi
}
t_skip() { n=$((n + 1)); echo "ok $n - $1 # SKIP $2"; }

PG_BASE= PG_SKIP= PG_OWN_DIR=
pg_setup() {
  if [ -n "${DYAD_PG_URI:-}" ]; then PG_BASE=$DYAD_PG_URI; return; fi
  if ! ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1; then
    PG_SKIP="PostgreSQL is not installed"; return
  fi
  PG_OWN_DIR=/tmp/dyad-pg-e2e-$$
  local uri
  uri=$(DYAD_PG_DIR=$PG_OWN_DIR DYAD_PG_PORT=$((30000 + $$ % 20000)) bash -c \
        "source '$root/scripts/pg-test-cluster' start >/dev/null 2>&1; echo \"\$DYAD_PG_URI\"")
  if [ -z "$uri" ]; then PG_SKIP="could not start a PostgreSQL test cluster"; return; fi
  PG_BASE=$uri
  trap 'DYAD_PG_DIR=$PG_OWN_DIR "$root/scripts/pg-test-cluster" stop' EXIT
}

pg_newdb() {   # a fresh database named $1 on the server of PG_BASE
  local admin=${PG_BASE%/*}/postgres
  psql -q "$admin" -c "DROP DATABASE IF EXISTS $1" -c "CREATE DATABASE $1" >/dev/null 2>&1 || return 1
  echo "${PG_BASE%/*}/$1"
}

pg_dropdb() { psql -q "${PG_BASE%/*}/postgres" -c "DROP DATABASE IF EXISTS $1" >/dev/null 2>&1; }

dump_sql="SELECT id, date, url, source, title, media, hash FROM articles ORDER BY id;
SELECT id, event_key, date, date_from, date_precision, source, source_name, target, target_name,
  code, root, quad, goldstein, plover, fatalities, fatalities_min, fatalities_max, injured,
  loc_name, loc_country, loc_lat, loc_lon, loc_kind, negated, text, rule, article_id, sentence,
  num_mentions, num_sources, num_articles, source_url FROM events ORDER BY id;
SELECT id, event_id, article_id, sentence, date, date_from, source, target, code, fatalities,
  loc_name, text FROM mentions ORDER BY id;
SELECT key, value FROM meta ORDER BY key;"

dump() {
  case "$1" in
    postgres*) psql -q -A -t -F '|' "$1" -c "$dump_sql" ;;
    *) sqlite3 -separator '|' "$1" "$dump_sql" ;;
  esac
}
