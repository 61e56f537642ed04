#!/usr/bin/env bash
# Measures the society context's figures on this machine, in one run (SQLite, demo city), against the baseline of
# the same run:
#   1. GET /healthz requests per second (wrk),
#   2. sign-ups per second for one popular activity under a flood: VOLUNTEERS residents registered and opted in
#      beforehand all sign up at once for one shift of CAPACITY places (flood.py; checks capacity and arrival order),
#   3. the statistics page and API over VOLUNTEERS_BULK volunteers and HOURS hour records bulk-loaded into the
#      database (volume.py): latency percentiles from wrk, p99 reported.
#
# Usage: Benchmarks/society/measure.sh [-d DURATION] [-c CONNECTIONS] [-n VOLUNTEERS] [-p CAPACITY]
#                                      [-V VOLUNTEERS_BULK] [-H HOURS] [BINARY]
#   Defaults: -d 10s -c 32 -n 400 -p 100 -V 160000 -H 2000000; BINARY defaults to .build/release/citizen-cloud
#   (build it with: swift build -c release --product citizen-cloud); a debug binary works and is slower.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

duration=10s
connections=32
volunteers=400
capacity=100
bulk=160000
hours=2000000
while getopts ":d:c:n:p:V:H:h" opt; do
    case "$opt" in
        d) duration=$OPTARG ;;
        c) connections=$OPTARG ;;
        n) volunteers=$OPTARG ;;
        p) capacity=$OPTARG ;;
        V) bulk=$OPTARG ;;
        H) hours=$OPTARG ;;
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
bench_setup society-bench
db=(--database "sqlite://$work/bench.sqlite" --key-file "$work/keys/personal-data.key" --log-level error)
# Registrations come from many addresses (X-Forwarded-For), as they would through the city's proxies.
bench_serve --demo --demo-scale 0.0005 --trust-forwarded-for "${db[@]}"
for _ in $(seq 1 600); do curl -sf "$base/healthz" >/dev/null && break; sleep 0.5; done

run() {
    local label=$1
    shift
    echo "== $label"
    wrk -t 2 -c "$connections" -d "$duration" --latency "$@" | grep -E 'Requests/sec|Non-2xx|Socket errors|^ +(50|90|99)%' || true
}

run "GET /healthz" "$base/healthz"
echo "== sign-up flood: $volunteers volunteers, one shift of $capacity places, $connections connections"
python3 Benchmarks/society/flood.py "$base" "$volunteers" "$capacity" "$connections"
run "GET /healthz (again, after the flood)" "$base/healthz"
echo "== bulk load: $bulk volunteers, $hours hour records"
python3 Benchmarks/society/volume.py "$work/bench.sqlite" "$bulk" "$hours"
curl -s "$base/api/v1/society/statistics" | python3 -c 'import json,sys; d=json.load(sys.stdin)["division"]; print("city totals:", d)'
run "GET /society/statistics (the city)" "$base/society/statistics"
run "GET /society/statistics?division=510104 (a district)" "$base/society/statistics?division=510104"
run "GET /api/v1/society/statistics?division=510104003 (a street)" "$base/api/v1/society/statistics?division=510104003"
