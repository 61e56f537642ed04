#!/usr/bin/env bash
# Measures the community-affairs figures on this machine, in one run:
#   1. GET /healthz requests per second (the baseline of the same run),
#   2. certificates verified per second (GET /api/v1/verify/{number}: registry read, Ed25519 check, verdict),
#   3. certificates issued per second (POST .../review with decision approve as the demo community worker: the
#      register read, the community's number counter, the canonical content, the Ed25519 signature, the registry
#      row, the timeline step and the audit entry in one transaction). No PDF yet: the PDF step is not built.
#
# Usage: Benchmarks/communityaffairs/measure.sh [-d DURATION] [-c CONNECTIONS] [-n REQUESTS] [BINARY]
#   BINARY defaults to .build/release/citizen-cloud (build it with: swift build -c release --product citizen-cloud);
#   a debug build works too and is much slower (say which one a figure comes from).
# Starts its own demo server (SQLite) on a free loopback port in a temporary folder and stops it on exit.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

duration=10s
connections=16
requests=300
while getopts ":d:c:n:h" opt; do
    case "$opt" in
        d) duration=$OPTARG ;;
        c) connections=$OPTARG ;;
        n) requests=$OPTARG ;;
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
bench_setup communityaffairs-bench
db=(--database "sqlite://$work/bench.sqlite" --key-file "$work/keys/personal-data.key" --log-level error)
bench_serve --demo --demo-scale 0.0005 "${db[@]}"
for _ in $(seq 1 600); do curl -sf "$base/healthz" >/dev/null && break; sleep 0.5; done

echo "== GET /healthz"
wrk -t 2 -c "$connections" -d "$duration" "$base/healthz" | grep -E 'Requests/sec|Non-2xx|Socket errors' || true
number=$(python3 Benchmarks/communityaffairs/issue.py "$base" number)
echo "== GET /api/v1/verify/$number"
wrk -t 2 -c "$connections" -d "$duration" "$base/api/v1/verify/$number" | grep -E 'Requests/sec|Non-2xx|Socket errors' || true
echo "== certificates issued (approve with signing), $requests requests, $connections at once"
python3 Benchmarks/communityaffairs/issue.py "$base" issue "$requests" "$connections"
