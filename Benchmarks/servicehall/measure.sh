#!/usr/bin/env bash
# Measures the service hall's figures (issue 5) on this machine, in one run against the release build:
#   1. catalog search (Chinese, pinyin initials, English, a filter, hot services) throughput and p99 latency,
#      each as a ratio of GET /healthz measured in the same run,
#   2. applications submitted per second (POST /api/v1/services/{id}/applications: token check, form validation,
#      one write transaction with the application, its first timeline step and the usage counters).
#
# Usage: Benchmarks/servicehall/measure.sh [-d DURATION] [-c CONNECTIONS] [-p] [BINARY]
#   -p  run against PostgreSQL too (a throw-away server unless CITIZEN_CLOUD_TEST_POSTGRES_URL names one)
#   BINARY defaults to .build/release/citizen-cloud (build it with: swift build -c release --product citizen-cloud).
# Starts its own server on a free loopback port with a temporary database and stops it on exit.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

duration=10s
connections=32
postgres=no
while getopts ":d:c:ph" opt; do
    case "$opt" in
        d) duration=$OPTARG ;;
        c) connections=$OPTARG ;;
        p) postgres=yes ;;
        h) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) echo "error: unknown option" >&2; exit 2 ;;
    esac
done
shift $((OPTIND - 1))
binary=${1:-.build/release/citizen-cloud}
[ -x "$binary" ] || { echo "error: $binary not found; build with swift build -c release --product citizen-cloud" >&2; exit 1; }
command -v wrk >/dev/null || { echo "error: wrk is not installed (apt-get install -y wrk)" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/servicehall-bench.XXXXXX")
server_pid=""
cleanup() {
    if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

measure() {
    local label=$1 url=$2
    local port base db
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
    base="http://127.0.0.1:$port"
    db=(--database "$url" --key-file "$work/keys/personal-data.key" --log-level error)
    "$binary" migrate "${db[@]}" >/dev/null
    "$binary" import catalog data/service-catalog.json "${db[@]}"
    "$binary" serve --port "$port" "${db[@]}" >"$work/server.log" 2>&1 &
    server_pid=$!
    for _ in $(seq 1 100); do curl -sf "$base/healthz" >/dev/null && break; sleep 0.1; done

    local id_number password token
    id_number=$(python3 -c "
b = '51010419900101123'; w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
print(b + '10X98765432'[sum(int(c) * x for c, x in zip(b, w)) % 11])")
    password='Bench-password-2018'
    curl -sf -X POST "$base/api/v1/residents" -H 'Content-Type: application/json' \
        -d "{\"name\":\"测试\",\"idNumber\":\"$id_number\",\"phone\":\"13800138000\",\"password\":\"$password\"}" >/dev/null
    token=$(curl -sf -X POST "$base/api/v1/auth/login" -H 'Content-Type: application/json' \
        -d "{\"username\":\"13800138000\",\"password\":\"$password\"}" |
        python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])')

    echo "== $label: 1. catalog search against /healthz"
    Benchmarks/http/wrk-compare.sh -d "$duration" -c "$connections" "$base" /healthz \
        '/api/v1/services?q=%E5%8C%BB%E4%BF%9D' '/api/v1/services?q=ybcx' '/api/v1/services?q=driving%20licence' \
        '/api/v1/services?theme=housing&available=true' /api/v1/services/hot

    echo "== $label: 2. applications submitted per second (residence permit, one new Idempotency-Key each)"
    local result
    result=$(WRK_PATH=/api/v1/services/residence-permit/applications WRK_AUTH="Bearer $token" WRK_RUN="$label" \
        WRK_BODY='{"form":{"address":"成都市锦江区春熙路 1 号","since":"2024-03-01","basis":"work","phone":"13800138000","consent":true}}' \
        wrk -t 2 -c "$connections" -d "$duration" --latency -s Benchmarks/servicehall/apply.lua "$base")
    echo "$result" | grep -E 'Requests/sec|Non-2xx|Socket errors|^ +(50|99)%' || true
    local stored
    stored=$(curl -sf "$base/api/v1/open/platform-figures" |
        python3 -c 'import json,sys; print(json.load(sys.stdin)["cumulativeServiceUses"])')
    echo "applications stored (service uses counted): $stored"

    kill -TERM "$server_pid"
    wait "$server_pid" 2>/dev/null || true
    server_pid=""
}

measure "SQLite" "sqlite://$work/bench.sqlite"
if [ "$postgres" = yes ]; then
    # shellcheck source=scripts/lib/postgres.sh
    source scripts/lib/postgres.sh
    start_test_postgres
    measure "PostgreSQL" "$CITIZEN_CLOUD_TEST_POSTGRES_URL"
fi
