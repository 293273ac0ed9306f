#!/usr/bin/env bash
# npm test: install what the suite needs (as root, from Debian), start a throwaway PostgreSQL on
# loopback, type-check, run every test on PGlite and PostgreSQL, stop what it started, and print
# a plain "N passed, N failed" line.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
mkdir -p .tmp

# 1. System packages (Chromium + CJK fonts for browser tests, PostgreSQL, LibreOffice for PDF, nginx for the
#    deployment test, tesseract with simplified Chinese for scanned reports).
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
fc-list 2>/dev/null | grep -q "Noto Sans CJK" || need+=(fonts-noto-cjk)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-writer-nogui)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
fc-list 2>/dev/null | grep -q "AR PL UKai" || need+=(fonts-arphic-ukai)
fc-list 2>/dev/null | grep -qi "Liberation Serif" || need+=(fonts-liberation2)
[ -x /usr/sbin/nginx ] || command -v nginx >/dev/null 2>&1 || need+=(nginx-light)
command -v tesseract >/dev/null 2>&1 || need+=(tesseract-ocr)
ls /usr/share/tesseract-ocr/*/tessdata/chi_sim.traineddata >/dev/null 2>&1 || need+=(tesseract-ocr-chi-sim)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = "0" ]; then
    echo "== installing: ${need[*]}"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >.tmp/apt.log 2>&1 \
      || { echo "apt-get install failed (see .tmp/apt.log)"; tail -20 .tmp/apt.log; }
  else
    echo "== missing system packages (run as root to install): ${need[*]}"
  fi
fi

# 2. A throwaway PostgreSQL on 127.0.0.1 (initdb + pg_ctl, no systemd), stopped on exit.
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
PGTMP=""
PGPID=""
cleanup() {
  if [ -n "$PGPID" ]; then
    kill -INT "$PGPID" 2>/dev/null
    for _ in $(seq 1 100); do kill -0 "$PGPID" 2>/dev/null || break; sleep 0.1; done
  fi
  [ -n "$PGTMP" ] && rm -rf "$PGTMP"
}
trap cleanup EXIT
if [ -n "$PGBIN" ] && [ -z "${JIXIAO_TEST_PG_URL:-}" ]; then
  PGTMP=$(mktemp -d /tmp/jixiao-pg.XXXXXX)
  PGPORT=${JIXIAO_TEST_PG_PORT:-$((54000 + RANDOM % 1000))}
  mkdir -p "$PGTMP/data" "$PGTMP/run"
  RUNAS=()
  if [ "$(id -u)" = "0" ]; then
    chown -R postgres:postgres "$PGTMP"
    RUNAS=(runuser -u postgres --)
  fi
  if "${RUNAS[@]}" "$PGBIN/initdb" -D "$PGTMP/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$PGTMP/run/initdb.log" 2>&1 \
    && "${RUNAS[@]}" "$PGBIN/pg_ctl" -D "$PGTMP/data" -l "$PGTMP/run/server.log" -w -t 30 \
      -o "-p $PGPORT -k $PGTMP/run -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null; then
    PGPID=$(head -1 "$PGTMP/data/postmaster.pid")
    export JIXIAO_TEST_PG_URL="postgres://postgres@127.0.0.1:$PGPORT/postgres"
    echo "== PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PGPORT"
  else
    echo "== could not start PostgreSQL; integration tests run on PGlite only"
    cat "$PGTMP/run/"*.log 2>/dev/null | tail -20
  fi
fi

# 3. Static checks: formatting (Prettier), lint with type information (ESLint), types of every package; then
#    build the web app the browser tests open. Each failure counts as one failed check in the closing line.
STATIC_FAILED=0
echo "== format (prettier --check)"
npx prettier --check . --log-level warn || STATIC_FAILED=$((STATIC_FAILED + 1))
# Lint, the type checks and the web build are independent: run them side by side (about 5 minutes of CPU,
# half of it in wall time on two cores), each into its own log, and show a log only when its step failed.
echo "== lint (eslint), typecheck (one tsconfig per package) and web build, in parallel"
static_step() {
  local name=$1
  shift
  if "$@" >".tmp/static-$name.log" 2>&1; then
    echo "   $name: ok"
  else
    echo "   $name: FAILED"
    cat ".tmp/static-$name.log"
    return 1
  fi
}
static_step eslint npx eslint . --quiet &
P_LINT=$!
static_step tsc-a bash -c 'npx tsc -p packages/core && npx tsc -p packages/server && npx tsc -p packages/web' &
P_TSC_A=$!
static_step tsc-b bash -c 'npx tsc -p packages/cli && npx tsc -p tsconfig.json' &
P_TSC_B=$!
static_step vite-build npx vite build packages/web --logLevel warn &
P_VITE=$!
wait $P_LINT || STATIC_FAILED=$((STATIC_FAILED + 1))
wait $P_TSC_A || STATIC_FAILED=$((STATIC_FAILED + 1))
wait $P_TSC_B || STATIC_FAILED=$((STATIC_FAILED + 1))
wait $P_VITE || true

# 4. The suite.
echo "== vitest"
TZ=UTC npx vitest run --reporter=default --reporter=json --outputFile.json=.tmp/vitest.json
RC=$?

# 5. The plain closing line CI reads.
if [ -f .tmp/vitest.json ]; then
  node -e '
    const r = JSON.parse(require("fs").readFileSync(".tmp/vitest.json", "utf8"));
    // A test file that fails to load has no failed test of its own: count it as one failure.
    const brokenFiles = r.testResults.filter((f) => f.status === "failed" && !f.assertionResults.some((t) => t.status === "failed")).length;
    const failed = r.numFailedTests + brokenFiles + Number(process.argv[1]);
    console.log(`${r.numPassedTests} passed, ${failed} failed`);
  ' "$STATIC_FAILED"
else
  echo "0 passed, $((STATIC_FAILED + 1)) failed"
fi
[ $STATIC_FAILED -ne 0 ] && exit 1
exit $RC
