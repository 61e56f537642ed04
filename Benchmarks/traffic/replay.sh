#!/usr/bin/env bash
# Replays a day of city traffic (issue 5: 2.1M daily active residents) against one node, faster than real time,
# and reports the error rate and latencies (p50/p99/max) per kind of request and in all.
#
# Usage: Benchmarks/traffic/replay.sh [--from HH:MM] [--to HH:MM] [--speed N] [--daily-active N]
#                                     [--residents N] [--postgres URL] [BINARY]
#   Defaults: the whole day (00:00–24:00, 2.4 hours at 10×); --from 10:00 --to 11:00 is the busiest hour (6 min).
#   BINARY defaults to .build/release/citizen-cloud (swift build -c release --product citizen-cloud); the load
#   comes from the same binary's `bench traffic`, on the same machine.
# Starts its own server on a free loopback port with a temporary SQLite database (or the given empty PostgreSQL
# database), with the shipped catalog and `billing bench-fixture` residents (sized so that nobody runs out of bills
# to pay or slots to book), and stops it on exit. Also prints the server's CPU time during the replay.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

from=00:00
to=24:00
speed=10
daily=2100000
residents=1000
database=""
while [ $# -gt 0 ]; do
    case "$1" in
        --from) from=$2; shift 2 ;;
        --to) to=$2; shift 2 ;;
        --speed) speed=$2; shift 2 ;;
        --daily-active) daily=$2; shift 2 ;;
        --residents) residents=$2; shift 2 ;;
        --postgres) database=$2; shift 2 ;;
        -h) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) break ;;
    esac
done
binary=${1:-.build/release/citizen-cloud}
[ -x "$binary" ] || { echo "error: $binary not found; build with swift build -c release --product citizen-cloud" >&2; exit 1; }

source Benchmarks/lib/server.sh
bench_setup traffic
db=(--database "${database:-sqlite://$work/traffic.sqlite}" --key-file "$work/keys/personal-data.key" --log-level error)
window=(--from "$from" --to "$to" --speed "$speed" --daily-active "$daily")

# Bills and slots per resident: what the window pays and books, spread over the residents, with a margin.
read -r bills slots < <("$binary" bench traffic --plan "${window[@]}" | python3 -c "
import json, math, sys; p = json.load(sys.stdin); r = $residents
print(math.ceil(p['pay'] / r * 1.5) + 3, math.ceil(p['book'] / r * 1.5) + 3)")
echo "== fixture: $residents residents, $bills bills each, $slots slots (every resident may book each once)"
"$binary" billing bench-fixture --residents "$residents" --bills "$bills" --slots "$slots" "${db[@]}" >"$work/fixture.json"
"$binary" import catalog data/service-catalog.json "${db[@]}" >/dev/null
bench_serve "${db[@]}"

cpu() { awk '{ print $14 + $15 }' "/proc/$server_pid/stat"; }
ticks=$(getconf CLK_TCK)
before=$(cpu)
started=$(date +%s.%N)
/usr/bin/time -f "load generator: %U s user, %S s system, %M KB peak" "$binary" bench traffic --url "$base" --fixture "$work/fixture.json" "${window[@]}"
ended=$(date +%s.%N)
after=$(cpu)
python3 -c "
cpu = ($after - $before) / $ticks; wall = $ended - $started
print(f'server CPU during setup and replay: {cpu:.0f} s in {wall:.0f} s of wall time ({cpu / wall:.2f} cores of $(nproc))')"
if grep -q '"level":"error"' "$work/server.log"; then
    echo "server errors (first 5):"; grep '"level":"error"' "$work/server.log" | head -5
fi
