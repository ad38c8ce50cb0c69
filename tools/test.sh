#!/usr/bin/env bash
# Run the tests with the services they use: a throwaway PostgreSQL server on a free loopback port, stopped after.
# (PostgreSQL refuses to run as root, so as root the server runs as the postgres user.) Arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -n "$pgbin" ] && [ -z "${PLANEX_TEST_PG:-}" ]; then
  dir=$(mktemp -d /tmp/planex-pg.XXXXXX)
  as_pg() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$1"; else sh -c "$1"; fi; }
  [ "$(id -u)" = 0 ] && chown postgres "$dir"
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  as_pg "$pgbin/initdb -D $dir/data -A trust -U postgres" >/dev/null
  as_pg "$pgbin/pg_ctl -D $dir/data -l $dir/log -w -o '-p $port -k $dir -c listen_addresses=127.0.0.1' start" >/dev/null
  trap 'as_pg "$pgbin/pg_ctl -D $dir/data -m immediate stop" >/dev/null 2>&1 || true; rm -rf "$dir"' EXIT
  export PLANEX_TEST_PG="postgresql://postgres@127.0.0.1:$port/postgres"
fi
.venv/bin/pytest -q "$@"
