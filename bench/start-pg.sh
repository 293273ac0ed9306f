#!/usr/bin/env bash
# Start a throwaway PostgreSQL on 127.0.0.1 for `npm run bench` (the initdb + pg_ctl approach of scripts/test.sh).
# Prints one line "URL PID DIR"; stop it with: kill -INT PID (then remove DIR). Exits 1 when PostgreSQL is absent.
set -euo pipefail
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$PGBIN" ] && [ -x "$PGBIN/initdb" ] || { echo "no PostgreSQL binaries (apt-get install postgresql)" >&2; exit 1; }
DIR=$(mktemp -d /tmp/jixiao-bench-pg.XXXXXX)
PORT=${JIXIAO_BENCH_PG_PORT:-$((55000 + RANDOM % 1000))}
mkdir -p "$DIR/data" "$DIR/run"
RUNAS=()
if [ "$(id -u)" = "0" ]; then
  chown -R postgres:postgres "$DIR"
  RUNAS=(runuser -u postgres --)
fi
"${RUNAS[@]}" "$PGBIN/initdb" -D "$DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$DIR/run/initdb.log" 2>&1
"${RUNAS[@]}" "$PGBIN/pg_ctl" -D "$DIR/data" -l "$DIR/run/server.log" -w -t 30 \
  -o "-p $PORT -k $DIR/run -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null
echo "postgres://postgres@127.0.0.1:$PORT/postgres $(head -1 "$DIR/data/postmaster.pid") $DIR"
