#!/usr/bin/env bash
# Measures the identity figures of issue 3 on this machine, as ratios where they are ratios:
#   1. authenticated GET /api/v1/me (ES256 token check + one account read + decryption) against GET /healthz,
#   2. client-credentials grants per second at POST /oauth/token, and refresh-token rotations per second at
#      POST /api/v1/auth/refresh (chained: each of 4 connections uses the token the previous answer returned),
#   3. password sign-ins per second at the configured bcrypt cost, and /healthz latency while they run.
#
# Usage: Benchmarks/identity/measure.sh [-d DURATION] [-c CONNECTIONS] [BINARY]
#   BINARY defaults to .build/release/citizen-cloud (build it with: swift build -c release --product citizen-cloud).
# Starts its own server on a free loopback port with a temporary SQLite database and stops it on exit.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

duration=10s
connections=32
while getopts ":d:c:h" opt; do
    case "$opt" in
        d) duration=$OPTARG ;;
        c) connections=$OPTARG ;;
        h) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) echo "error: unknown option" >&2; exit 2 ;;
    esac
done
shift $((OPTIND - 1))
binary=${1:-.build/release/citizen-cloud}
[ -x "$binary" ] || { echo "error: $binary not found; build with swift build -c release --product citizen-cloud" >&2; exit 1; }
command -v wrk >/dev/null || { echo "error: wrk is not installed" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/identity-bench.XXXXXX")
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
base="http://127.0.0.1:$port"
db=(--database "sqlite://$work/bench.sqlite" --key-file "$work/keys/personal-data.key" --log-level error)
server_pid=""
cleanup() {
    if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

"$binary" migrate "${db[@]}" >/dev/null
client=$("$binary" clients create --name bench --scope api "${db[@]}")
client_id=$(echo "$client" | sed -n 's/^client_id: //p')
client_secret=$(echo "$client" | sed -n 's/^client_secret (shown once): //p')
"$binary" serve --port "$port" "${db[@]}" >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 100); do curl -sf "$base/healthz" >/dev/null && break; sleep 0.1; done

id_number=$(python3 -c "
b = '51010419900101123'; w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
print(b + '10X98765432'[sum(int(c) * x for c, x in zip(b, w)) % 11])")
password='Bench-password-2018'
curl -sf -X POST "$base/api/v1/residents" -H 'Content-Type: application/json' \
    -d "{\"name\":\"测试\",\"idNumber\":\"$id_number\",\"phone\":\"13800138000\",\"password\":\"$password\"}" >/dev/null
token=$(curl -sf -X POST "$base/api/v1/auth/login" -H 'Content-Type: application/json' \
    -d "{\"username\":\"13800138000\",\"password\":\"$password\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])')

echo "== 1. authenticated read against /healthz"
Benchmarks/http/wrk-compare.sh -d "$duration" -c "$connections" "$base" /healthz "/api/v1/me|Authorization: Bearer $token"

rate() { awk '/^Requests\/sec:/ { print $2 }'; }
echo
echo "== 2. client-credentials grants"
WRK_BODY="grant_type=client_credentials&scope=api" WRK_TYPE="application/x-www-form-urlencoded" \
    WRK_AUTH="Basic $(printf '%s:%s' "$client_id" "$client_secret" | base64 -w0)" \
    wrk -t2 -c"$connections" -d"$duration" -s Benchmarks/identity/post.lua "$base/oauth/token" >"$work/cc.txt"
echo "client_credentials grants/s: $(rate <"$work/cc.txt")"
refresh_tokens=""
for _ in 1 2 3 4; do
    refresh=$(curl -sf -X POST "$base/api/v1/auth/login" -H 'Content-Type: application/json' \
        -d "{\"username\":\"13800138000\",\"password\":\"$password\"}" |
        python3 -c 'import json,sys; print(json.load(sys.stdin)["refreshToken"])')
    refresh_tokens="$refresh_tokens${refresh_tokens:+,}$refresh"
done
WRK_TOKENS="$refresh_tokens" wrk -t4 -c4 -d"$duration" -s Benchmarks/identity/refresh.lua "$base/" >"$work/refresh.txt"
echo "refresh rotations/s (4 chained connections): $(rate <"$work/refresh.txt")"
grep -q "Non-2xx" "$work/refresh.txt" && echo "warning: some refreshes failed: $(grep Non-2xx "$work/refresh.txt")"

echo
echo "== 3. password sign-ins (bcrypt off the event loops) and /healthz meanwhile"
WRK_BODY="{\"username\":\"13800138000\",\"password\":\"$password\"}" WRK_TYPE="application/json" WRK_AUTH="" \
    wrk -t1 -c8 -d"$duration" -s Benchmarks/identity/post.lua "$base/api/v1/auth/login" >"$work/login.txt" &
login_pid=$!
sleep 1
wrk -t1 -c4 -d5s --latency "$base/healthz" >"$work/health-under-load.txt"
wait "$login_pid"
echo "sign-ins/s: $(rate <"$work/login.txt")"
echo "/healthz during sign-ins: $(rate <"$work/health-under-load.txt") req/s, latency p50 $(awk '/^ +50%/ { print $2 }' "$work/health-under-load.txt"), p99 $(awk '/^ +99%/ { print $2 }' "$work/health-under-load.txt")"
grep -q "Non-2xx" "$work/login.txt" && echo "warning: some sign-ins failed: $(grep Non-2xx "$work/login.txt")"
exit 0
