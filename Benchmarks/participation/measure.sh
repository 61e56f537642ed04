#!/usr/bin/env bash
# Measures the participation figures on this machine, on SQLite and (with --postgres) PostgreSQL, each in one run:
#   GET /healthz per second (the baseline of the same run)
#   secret ballots per second: blind the token, POST …/votes/{id}/tokens signed in (blind signature), unblind,
#   POST …/votes/{id}/ballots without credentials; every voter once, CONNECTIONS at a time
#   the time to tally a vote of TALLY stored ballots (GET /api/v1/participation/votes/{id} of the closed vote)
#   the latency of casting while that tally runs back to back
#
# Usage: Benchmarks/participation/measure.sh [-v VOTERS] [-c CONNECTIONS] [-t TALLY] [--postgres URL] [BINARY]
#   BINARY defaults to .build/release/citizen-cloud (swift build -c release --product citizen-cloud).
# `citizen-cloud bench ballots` prepares the data (voters, votes, the stored ballots), starts the server in its own
# process on a free loopback port and drives it over HTTP; use an empty PostgreSQL database or schema.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

voters=10000
connections=32
tally=1000000
postgres=""
while [ $# -gt 0 ]; do
    case "$1" in
        -v) voters=$2; shift 2 ;;
        -c) connections=$2; shift 2 ;;
        -t) tally=$2; shift 2 ;;
        --postgres) postgres=$2; shift 2 ;;
        -h) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) break ;;
    esac
done
binary=${1:-.build/release/citizen-cloud}
[ -x "$binary" ] || { echo "error: $binary not found; build with swift build -c release --product citizen-cloud" >&2; exit 1; }

source Benchmarks/lib/server.sh
bench_setup participation-bench
args=(--voters "$voters" --connections "$connections" --tally-ballots "$tally"
    --key-file "$work/keys/personal-data.key" --log-level critical)

"$binary" bench ballots "${args[@]}" --port "$port" --database "sqlite://$work/bench.sqlite"
if [ -n "$postgres" ]; then
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
    "$binary" bench ballots "${args[@]}" --port "$port" --database "$postgres"
fi
