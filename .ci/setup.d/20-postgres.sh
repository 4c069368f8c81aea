#!/usr/bin/env bash
# PostgreSQL for the store contract tests: a throw-away cluster on 127.0.0.1:5432 owned by the
# postgres user, trust auth on loopback only, and a `newskb_test` database. Exports nothing: the
# tests read NEWSKB_TEST_PG or default to postgresql://postgres@127.0.0.1:5432/newskb_test and
# skip, saying why, when no server answers. A failure here warns and leaves the tests to skip.
set -uo pipefail
PORT="${NEWSKB_PG_PORT:-5432}"
DATA="${NEWSKB_PG_DATA:-/var/tmp/newskb-pg}"
LOG="$DATA.log"
# Shared buffers: a quarter of the machine's memory, at least 128MB (PostgreSQL's default) and at
# most 2GB: the 1M-article search bench reads ~1.2 GB of search vectors and index, which at the
# default 128MB come from the OS cache (search CPU p50/p99 31/82 ms there, 21/61-62 ms at 2GB,
# load ~1; README, PostgreSQL settings). NEWSKB_PG_SHARED_BUFFERS (e.g. 512MB) overrides.
mem_kb="$(awk '/^MemTotal:/ {print $2}' /proc/meminfo 2>/dev/null)"
sb_mb=$(( ${mem_kb:-524288} / 4096 ))
[ "$sb_mb" -gt 2048 ] && sb_mb=2048
[ "$sb_mb" -lt 128 ] && sb_mb=128
SHARED_BUFFERS="${NEWSKB_PG_SHARED_BUFFERS:-${sb_mb}MB}"

as_pg() { if [ "$(id -un)" = postgres ]; then "$@"; else runuser -u postgres -- "$@"; fi; }
ready() { as_pg psql -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -Atqc 'select 1' >/dev/null 2>&1; }
warn() { echo "20-postgres: $*; PostgreSQL tests will be skipped" >&2; exit 0; }

bindir() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

if ! ready; then
  if [ -z "$(bindir)" ]; then
    command -v apt-get >/dev/null || warn "no PostgreSQL and no apt-get"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null && apt-get install -y -qq postgresql >/dev/null \
      || warn "apt-get install postgresql failed"
  fi
  BIN="$(bindir)"
  [ -n "$BIN" ] || warn "PostgreSQL binaries not found"
  id postgres >/dev/null 2>&1 || warn "no postgres user"
  if [ ! -s "$DATA/PG_VERSION" ]; then
    mkdir -p "$DATA" && chown postgres "$DATA" && chmod 700 "$DATA"
    as_pg "$BIN/initdb" -D "$DATA" -U postgres -A trust -E UTF8 --no-locale >/dev/null \
      || warn "initdb failed"
  fi
  touch "$LOG" && chown postgres "$LOG"
  opts="-c listen_addresses=127.0.0.1 -p $PORT -k /tmp -c fsync=off -c synchronous_commit=off"
  # A machine that cannot map that much shared memory still gets a server, at the default size.
  as_pg "$BIN/pg_ctl" -D "$DATA" -l "$LOG" -w -t 60 start -o "$opts -c shared_buffers=$SHARED_BUFFERS" \
    >/dev/null \
    || as_pg "$BIN/pg_ctl" -D "$DATA" -l "$LOG" -w -t 60 start -o "$opts" >/dev/null \
    || { tail -n 20 "$LOG" >&2; warn "could not start the server"; }
  ready || warn "server started but 127.0.0.1:$PORT does not accept postgres"
fi
if [ "$(as_pg psql -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -Atqc \
    "select 1 from pg_database where datname = 'newskb_test'")" != 1 ]; then
  as_pg psql -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -qc 'create database newskb_test' \
    || warn "could not create newskb_test"
fi
echo "20-postgres: postgresql://postgres@127.0.0.1:$PORT/newskb_test ready (shared_buffers" \
  "$(as_pg psql -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -Atqc 'show shared_buffers'))"
