#!/usr/bin/env bash
# Freeze a database made by an older release, for the upgrade test (upgrade.test.ts).
#
#   bash packages/server/src/db/upgrade-fixtures/make-fixture.sh <commit-or-tag> <postgres-url> [name]
#
# Checks the release out into a temporary folder (git archive, node_modules linked from this checkout, its own
# @jixiao packages), starts ITS server once against a new database on the given PostgreSQL server with the demo
# and a first administrator (so the database holds what that release's migrations, demo loader and start-up
# tasks wrote), stops it, and writes `<name>.sql.gz`: pg_dump --inserts of schemas public and drizzle (the
# migration bookkeeping), no owners or grants, without psql's \restrict lines — a script PGlite and
# PostgreSQL both run. Run at each release:
# the previous release's fixture stays, the new one is added, and the upgrade test opens every *.sql.gz here.
set -euo pipefail
REF=${1:?commit or tag of the older release}
PGURL=${2:?postgres://user@host:port/postgres of a server to build on}
NAME=${3:-release-$(git rev-parse --short "$REF")}
ROOT=$(git rev-parse --show-toplevel)
OUT="$ROOT/packages/server/src/db/upgrade-fixtures/$NAME.sql.gz"
TMP=$(mktemp -d)
DB="jixiao_fixture_$$"
cleanup() {
  [ -n "${PID:-}" ] && kill "$PID" 2>/dev/null || true
  psql "$PGURL" -qc "drop database if exists $DB with (force)" >/dev/null 2>&1 || true
  rm -rf "$TMP"
}
trap cleanup EXIT

git -C "$ROOT" archive "$REF" | tar -x -C "$TMP"
mkdir "$TMP/node_modules" "$TMP/node_modules/@jixiao"
for e in "$ROOT"/node_modules/* "$ROOT"/node_modules/.bin; do
  n=$(basename "$e")
  [ "$n" = "@jixiao" ] || ln -s "$e" "$TMP/node_modules/$n"
done
for p in core server cli web; do
  ln -s "$TMP/packages/$p" "$TMP/node_modules/@jixiao/$p"
  [ -d "$ROOT/packages/$p/node_modules" ] && ln -s "$ROOT/packages/$p/node_modules" "$TMP/packages/$p/node_modules"
done

psql "$PGURL" -qc "create database $DB" >/dev/null
DBURL="${PGURL%/*}/$DB"
PORT=$((42000 + RANDOM % 5000))
(cd "$TMP" && DATABASE_URL="$DBURL" JIXIAO_DEMO=1 PORT=$PORT HOST=127.0.0.1 \
  JIXIAO_ADMIN_PASSWORD='Fixture-Haizhu-2023!' node --import tsx packages/server/src/main.ts >"$TMP/server.log" 2>&1) &
PID=$!
for _ in $(seq 1 600); do
  grep -q "listening on" "$TMP/server.log" 2>/dev/null && break
  kill -0 "$PID" 2>/dev/null || { cat "$TMP/server.log"; exit 1; }
  sleep 0.5
done
grep -q "listening on" "$TMP/server.log" || { cat "$TMP/server.log"; exit 1; }
kill "$PID"
wait "$PID" 2>/dev/null || true
PID=""

pg_dump --inserts --rows-per-insert=200 --no-owner --no-privileges --schema=public --schema=drizzle \
  "$DBURL" | grep -v '^\\\(un\)\?restrict ' | gzip -9 >"$OUT"
echo "wrote $OUT ($(du -h "$OUT" | cut -f1)); release $(git -C "$ROOT" rev-parse --short "$REF")"
