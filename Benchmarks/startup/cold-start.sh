#!/usr/bin/env bash
# Cold start of `serve` on an existing database: time from exec to the first 200 from /healthz, five runs.
#
# usage: Benchmarks/startup/cold-start.sh [DATABASE_URL]    (default: a fresh SQLite demo database)
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=.build/release/citizen-cloud
[ -x "$bin" ] || { echo "build first: swift build -c release --product citizen-cloud" >&2; exit 1; }
work=$(mktemp -d)
trap 'kill $pid 2>/dev/null || true; rm -rf "$work"' EXIT
pid=
url=${1:-sqlite://$work/demo.sqlite}
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
# Prepare the database once (migrations, divisions, demo city), outside the measurement.
"$bin" serve --demo --port "$port" --database "$url" --key-file "$work/k.key" --log-level error &
pid=$!
until curl -fs "http://127.0.0.1:$port/healthz" >/dev/null; do sleep 0.1; done
kill -TERM $pid; wait $pid || true
times=()
for run in 1 2 3 4 5; do
    start=$(date +%s%N)
    "$bin" serve --port "$port" --database "$url" --key-file "$work/k.key" --log-level error &
    pid=$!
    until curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; do sleep 0.005; done
    elapsed=$(( ($(date +%s%N) - start) / 1000000 ))
    times+=("$elapsed")
    kill -TERM $pid; wait $pid || true
    echo "run $run: ${elapsed} ms to first /healthz"
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
echo "median cold start: ${sorted[2]} ms ($url)"
