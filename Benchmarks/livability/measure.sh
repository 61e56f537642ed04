#!/usr/bin/env bash
# Measures the life-circle figures on this machine, as ratios to GET /healthz in the same run:
#   1. seeding the demo city (population, then network, dwellings and facilities), as the seed command reports,
#   2. coverage and ranking reads (city, district, community), a community's facilities and its map page (one
#      community: drawn once, then served from the page cache),
#   3. POST /api/v1/scenarios with one proposed facility (an incremental what-if on a copy of the distances),
#   4. community map pages, uncached: every community with streets × (all kinds + each of the eight), shuffled,
#      each wrk thread walking its own share without repeating a path (rotate.lua reports "wrapped: no"), so
#      every request draws its map (the page cache keeps 500 maps and starts over when full).
#
# Usage: Benchmarks/livability/measure.sh [-d DURATION] [-c CONNECTIONS] [-s SCALE] [BINARY]
#   BINARY defaults to .build/release/citizen-cloud (build it with: swift build -c release --product citizen-cloud).
#   SCALE is the demo scale [0.002, what serve --demo uses].
# Starts its own server on a free loopback port with a temporary SQLite database and stops it on exit.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

duration=10s
connections=32
scale=0.002
while getopts ":d:c:s:h" opt; do
    case "$opt" in
        d) duration=$OPTARG ;;
        c) connections=$OPTARG ;;
        s) scale=$OPTARG ;;
        h) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) echo "error: unknown option" >&2; exit 2 ;;
    esac
done
shift $((OPTIND - 1))
binary=${1:-.build/release/citizen-cloud}
[ -x "$binary" ] || { echo "error: $binary not found; build with swift build -c release --product citizen-cloud" >&2; exit 1; }
command -v wrk >/dev/null || { echo "error: wrk is not installed (apt-get install -y wrk)" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/livability-bench.XXXXXX")
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
base="http://127.0.0.1:$port"
db=(--database "sqlite://$work/bench.sqlite" --key-file "$work/keys/personal-data.key" --log-level error)
server_pid=""
cleanup() {
    if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

echo "== 1. seeding the demo city at scale $scale"
"$binary" seed --scale "$scale" "${db[@]}"

"$binary" serve --port "$port" "${db[@]}" >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 300); do curl -sf "$base/healthz" >/dev/null && break; sleep 0.1; done
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }
started=$(date +%s.%N)
curl -sf "$base/api/v1/divisions/510100/coverage" >"$work/city.json"
echo "first coverage read (builds the index from the tables): $(python3 -c "print(round($(date +%s.%N) - $started, 2))") s"
echo "city: $(json '"%d households, all eight kinds %.1f%%" % (d["households"], 100 * d["shareAll"])' <"$work/city.json")"
street=$(curl -sf "$base/api/v1/divisions?parent=510104&limit=1" | json 'd["items"][0]["code"]')
community=$(curl -sf "$base/api/v1/divisions?parent=$street&limit=1" | json 'd["items"][0]["code"]')
position=$(curl -sf "$base/api/v1/communities/$community/facilities?limit=1" | json '"%s,%s" % (d["items"][0]["lon"], d["items"][0]["lat"])')
lon=${position%,*}
lat=${position#*,}

echo
echo "== 2. reads against /healthz"
Benchmarks/http/wrk-compare.sh -d "$duration" -c "$connections" "$base" /healthz \
    /api/v1/divisions/510100/coverage /api/v1/divisions/510104/ranking "/api/v1/divisions/$community/coverage" \
    "/api/v1/communities/$community/facilities" "/communities/$community/map"

echo
echo "== 3. what-if scenarios against /healthz (same run)"
rate() { awk '/^Requests\/sec:/ { print $2 }'; }
p50() { awk '/^ +50%/ { print $2 }'; }
p99() { awk '/^ +99%/ { print $2 }'; }
wrk -t2 -c"$connections" -d"$duration" --latency "$base/healthz" >"$work/health.txt"
WRK_BODY="{\"add\":[{\"category\":\"reading_room\",\"lon\":$lon,\"lat\":$lat}]}" WRK_TYPE="application/json" WRK_AUTH="" \
    wrk -t2 -c"$connections" -d"$duration" --latency -s Benchmarks/identity/post.lua "$base/api/v1/scenarios" >"$work/scenario.txt"
health=$(rate <"$work/health.txt")
scenario=$(rate <"$work/scenario.txt")
echo "/healthz:               $health req/s, p50 $(p50 <"$work/health.txt"), p99 $(p99 <"$work/health.txt")"
echo "POST /api/v1/scenarios: $scenario req/s, p50 $(p50 <"$work/scenario.txt"), p99 $(p99 <"$work/scenario.txt")"
echo "ratio (scenario / healthz throughput): $(python3 -c "print(round($scenario / $health, 3))")"
grep -q "Non-2xx" "$work/scenario.txt" && echo "warning: some scenarios failed: $(grep Non-2xx "$work/scenario.txt")"

echo
echo "== 4. community map pages, uncached, against /healthz (same run)"
python3 - "$work/bench.sqlite" "$work/maps.txt" <<'PY'
import random, sqlite3, sys
codes = [r[0] for r in sqlite3.connect(sys.argv[1]).execute(
    "SELECT DISTINCT division_code FROM livability_nodes WHERE length(division_code) = 12 ORDER BY 1")]
kinds = ["", "school", "clinic", "elderly_care", "grocery", "dining", "reading_room", "sport", "community_service"]
paths = [f"/communities/{c}/map" + (f"?category={k}" if k else "") for c in codes for k in kinds]
random.Random(20181225).shuffle(paths)
open(sys.argv[2], "w").write("\n".join(paths) + "\n")
print(f"{len(paths)} map paths ({len(codes)} communities x {len(kinds)})")
PY
wrk -t2 -c"$connections" -d"$duration" --latency "$base/healthz" >"$work/health-maps.txt"
WRK_PATHS="$work/maps.txt" WRK_THREADS=2 \
    wrk -t2 -c"$connections" -d"$duration" --latency -s Benchmarks/livability/rotate.lua "$base/" >"$work/maps-run.txt"
health=$(rate <"$work/health-maps.txt")
maps=$(rate <"$work/maps-run.txt")
echo "/healthz:                   $health req/s, p50 $(p50 <"$work/health-maps.txt"), p99 $(p99 <"$work/health-maps.txt")"
echo "map pages (every one drawn): $maps req/s, p50 $(p50 <"$work/maps-run.txt"), p99 $(p99 <"$work/maps-run.txt")"
echo "ratio (map / healthz throughput): $(python3 -c "print(round($maps / $health, 3))")"
grep "^rotation:" "$work/maps-run.txt"
grep -q "wrapped: yes" "$work/maps-run.txt" && echo "warning: a thread went through its share: some maps were repeats"
grep -q "Non-2xx" "$work/maps-run.txt" && echo "warning: some map pages failed: $(grep Non-2xx "$work/maps-run.txt")"
exit 0
