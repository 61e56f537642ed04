#!/usr/bin/env bash
# Issue figure: `GET /api/v1/divisions/{code}` throughput as a share of `/healthz` throughput, measured in one run
# with wrk against the release build, on SQLite and on PostgreSQL (a throw-away server unless
# CITIZEN_CLOUD_TEST_POSTGRES_URL names one). Also lists a listing page of the API for context.
#
# usage: Benchmarks/http/divisions.sh [wrk-compare options, e.g. -d 20s -c 64]
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source=scripts/lib/postgres.sh
source scripts/lib/postgres.sh
bin=.build/release/citizen-cloud
[ -x "$bin" ] || { echo "build first: swift build -c release --product citizen-cloud" >&2; exit 1; }
work=$(mktemp -d)
pid=
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

run_against() {
    local label=$1 url=$2
    shift 2
    local port
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
    "$bin" serve --demo --port "$port" --database "$url" --key-file "$work/k.key" --log-level error &
    pid=$!
    until curl -fs "http://127.0.0.1:$port/readyz" >/dev/null 2>&1; do sleep 0.2; done
    echo "== $label"
    Benchmarks/http/wrk-compare.sh "$@" "http://127.0.0.1:$port" /healthz /api/v1/divisions/510104003 \
        '/api/v1/divisions?parent=510104'
    kill -TERM "$pid"
    wait "$pid" || true
    pid=
}

run_against "SQLite (WAL)" "sqlite://$work/bench.sqlite" "$@"
start_test_postgres
run_against "PostgreSQL" "$CITIZEN_CLOUD_TEST_POSTGRES_URL" "$@"
