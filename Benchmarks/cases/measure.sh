#!/usr/bin/env bash
# Measures the cases context's figures on this machine, in one run against the release build:
#   1. GET /healthz requests per second (the baseline of the same run),
#   2. cases submitted per second through the API (POST /api/v1/cases as the demo resident: validation, routing
#      by rule, deadline on the holiday calendar, one transaction with the case, its history row and the notice),
#   3. cases submitted per second through Open311 (POST /open311/v2/requests.json, form-encoded, with an API key),
#   4. the whole city's statistics over CASES cases (default 1,000,000; synthetic ones are added): the figures read
#      from the running sums against a count over every case, then the page's p50/p99 under load against /healthz.
#
# Usage: Benchmarks/cases/measure.sh [-d DURATION] [-c CONNECTIONS] [-n CASES] [BINARY]
#   BINARY defaults to .build/release/citizen-cloud (build it with: swift build -c release --product citizen-cloud).
# Starts its own demo server (SQLite) on a free loopback port in a temporary folder and stops it on exit.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

duration=10s
connections=32
cases=1000000
while getopts ":d:c:n:h" opt; do
    case "$opt" in
        d) duration=$OPTARG ;;
        c) connections=$OPTARG ;;
        n) cases=$OPTARG ;;
        h) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) echo "error: unknown option" >&2; exit 2 ;;
    esac
done
shift $((OPTIND - 1))
binary=${1:-.build/release/citizen-cloud}
[ -x "$binary" ] || { echo "error: $binary not found; build with swift build -c release --product citizen-cloud" >&2; exit 1; }
command -v wrk >/dev/null || { echo "error: wrk is not installed (apt-get install -y wrk)" >&2; exit 1; }

# shellcheck source=Benchmarks/lib/server.sh
source Benchmarks/lib/server.sh
bench_setup cases-bench
db=(--database "sqlite://$work/bench.sqlite" --key-file "$work/keys/personal-data.key" --log-level error)
bench_serve --demo --demo-scale 0.0005 "${db[@]}"
# Seeding the demo city takes a while before the server listens.
for _ in $(seq 1 600); do curl -sf "$base/healthz" >/dev/null && break; sleep 0.5; done
key=$("$binary" cases api-key create --name bench "${db[@]}" | sed -n 's/^api_key (shown once): //p')
token=$(curl -sf -X POST "$base/api/v1/auth/login" -H 'Content-Type: application/json' \
    -d '{"username":"13800138000","password":"Chengdu-Demo-2018"}' |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])')

run() {
    local label=$1
    shift
    echo "== $label"
    wrk -t 2 -c "${conns:-$connections}" -d "$duration" --latency "$@" | grep -E 'Requests/sec|Non-2xx|Socket errors|^ +(50|99)%' || true
}

run "GET /healthz" "$base/healthz"
WRK_METHOD=POST WRK_TYPE=application/json WRK_AUTH="Bearer $token" \
    WRK_BODY='{"category":"street-light","description":"基准测试：路灯不亮","lat":30.65,"lon":104.07,"communityCode":"510104003001"}' \
    run "POST /api/v1/cases" -s Benchmarks/cases/post.lua "$base/api/v1/cases"
WRK_METHOD=POST WRK_TYPE=application/x-www-form-urlencoded \
    WRK_BODY="api_key=$key&service_code=noise&lat=30.65&long=104.07&address_id=510104003001&description=bench+noise+report" \
    run "POST /open311/v2/requests.json" -s Benchmarks/cases/post.lua "$base/open311/v2/requests.json"

# The statistics over a city-sized history: stop the server, add synthetic cases up to $cases, time the city's
# figures from the running sums against a count over every case, then serve the page again and load it.
kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""
echo "== statistics over $cases cases (citizen-cloud bench case-statistics)"
"$binary" bench case-statistics --cases "$cases" "${db[@]}"
bench_serve "${db[@]}"
for _ in $(seq 1 600); do curl -sf "$base/healthz" >/dev/null && break; sleep 0.5; done
run "GET /healthz (after the load)" "$base/healthz"
# Four readers at a time: the latency of a page, not of a queue of 32.
conns=4 run "GET /open/cases/statistics (whole city, $cases cases, 4 connections)" "$base/open/cases/statistics"
conns=4 run "GET /api/v1/open/cases/statistics?groupBy=department (4 connections)" \
    "$base/api/v1/open/cases/statistics?groupBy=department"
