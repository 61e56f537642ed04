#!/usr/bin/env bash
# Measures the billing figures of issue 5 on this machine, as ratios to GET /healthz in the same run:
#   bookings per second (POST /api/v1/slots/{id}/bookings, every request a new booking by a signed-in resident)
#   payments per second (POST /api/v1/bills/{id}/payments with a fresh Idempotency-Key, every request a new bill;
#   the built-in simulated provider confirms each one in the background through its signed callback meanwhile)
#   "my affairs" reads (GET /api/v1/me/affairs, first page of 20, each request another resident's, after the
#   bookings and payments above: applications, appointments, bills and payments merged by last activity)
#
# Usage: Benchmarks/billing/measure.sh [-d DURATION] [-c CONNECTIONS] [-r RESIDENTS] [--postgres URL] [BINARY]
#   BINARY defaults to .build/release/citizen-cloud (swift build -c release --product citizen-cloud).
# Starts its own server on a free loopback port with a temporary SQLite database (or the given PostgreSQL
# database: use an empty one, e.g. postgres://…/db?schema=bench) and stops it on exit.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

duration=10s
connections=32
residents=100
database=""
while [ $# -gt 0 ]; do
    case "$1" in
        -d) duration=$2; shift 2 ;;
        -c) connections=$2; shift 2 ;;
        -r) residents=$2; shift 2 ;;
        --postgres) database=$2; shift 2 ;;
        -h) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) break ;;
    esac
done
binary=${1:-.build/release/citizen-cloud}
[ -x "$binary" ] || { echo "error: $binary not found; build with swift build -c release --product citizen-cloud" >&2; exit 1; }
command -v wrk >/dev/null || { echo "error: wrk is not installed (apt-get install wrk)" >&2; exit 1; }

source Benchmarks/lib/server.sh
bench_setup billing-bench
db=(--database "${database:-sqlite://$work/bench.sqlite}" --key-file "$work/keys/personal-data.key" --log-level error)

# Enough bills that no run of $duration runs out (each payment uses one); enough slots for every booking.
"$binary" billing bench-fixture --residents "$residents" --bills 200 --slots 400 "${db[@]}" >"$work/fixture.json"
# Bookings are for the catalog's appointment services: the server checks each slot's service against it.
"$binary" import catalog data/service-catalog.json "${db[@]}" >/dev/null
bench_serve "${db[@]}"

python3 - "$work/fixture.json" "$base" "$work" <<'PY'
import json, sys, urllib.request
fixture = json.load(open(sys.argv[1])); base = sys.argv[2]; work = sys.argv[3]
tokens = []
for resident in fixture["residents"]:
    body = json.dumps({"username": resident["phone"], "password": fixture["password"]}).encode()
    request = urllib.request.Request(base + "/api/v1/auth/login", body, {"Content-Type": "application/json"})
    tokens.append(json.load(urllib.request.urlopen(request))["accessToken"])
with open(work + "/book.txt", "w") as out:
    # Slot-major order: consecutive requests hit different residents of the same slot, as a rush on one time would.
    for slot in fixture["slots"]:
        for token in tokens:
            out.write(f"{token} {slot}\n")
with open(work + "/affairs.txt", "w") as out:
    for token in tokens:
        out.write(f"{token}\n")
with open(work + "/pay.txt", "w") as out:
    for b in range(len(fixture["residents"][0]["bills"])):
        for token, resident in zip(tokens, fixture["residents"]):
            out.write(f"{token} {resident['bills'][b]} {resident['amounts'][b]}\n")
PY

threads=2
rate() { awk '/^Requests\/sec:/ { print $2 }' "$1"; }
ok() { awk '/^succeeded/ { print $2, $4 }' "$1"; }
seconds=$(python3 -c "import re,sys; d='$duration'; m=re.match(r'(\d+)([smh]?)', d); print(int(m[1]) * {'': 1, 's': 1, 'm': 60, 'h': 3600}[m[2]])")

wrk -t$threads -c"$connections" -d2s "$base/healthz" >/dev/null
wrk -t$threads -c"$connections" -d"$duration" --latency "$base/healthz" >"$work/healthz.txt"
WRK_MODE=book WRK_DATA="$work/book.txt" WRK_THREADS=$threads \
    wrk -t$threads -c"$connections" -d"$duration" -s Benchmarks/billing/work.lua "$base" >"$work/book.out"
WRK_MODE=pay WRK_DATA="$work/pay.txt" WRK_THREADS=$threads \
    wrk -t$threads -c"$connections" -d"$duration" -s Benchmarks/billing/work.lua "$base" >"$work/pay.out"
WRK_MODE=affairs WRK_DATA="$work/affairs.txt" WRK_THREADS=$threads \
    wrk -t$threads -c"$connections" -d"$duration" --latency -s Benchmarks/billing/work.lua "$base" >"$work/affairs.out"
sleep 2
healthz=$(rate "$work/healthz.txt")
affairs=$(rate "$work/affairs.out")
p99() { awk '$1 == "99%" { print $2 }' "$1"; }
read -r affairs_ok affairs_failed <<<"$(ok "$work/affairs.out")"
read -r booked book_failed <<<"$(ok "$work/book.out")"
read -r paid pay_failed <<<"$(ok "$work/pay.out")"
echo "database: ${database:-SQLite (temporary file)}, $connections connections, $duration per run, $residents residents"
awk -v h="$healthz" -v a="$affairs" -v af="$affairs_failed" -v hp="$(p99 "$work/healthz.txt")" \
    -v ap="$(p99 "$work/affairs.out")" -v b="$booked" -v bf="$book_failed" -v p="$paid" -v pf="$pay_failed" -v s="$seconds" 'BEGIN {
    printf "GET /healthz          %9.0f req/s   p99 %s\n", h, hp
    printf "bookings              %9.0f /s   ratio %.3f   (%d refused)\n", b / s, b / s / h, bf
    printf "payments              %9.0f /s   ratio %.3f   (%d refused)\n", p / s, p / s / h, pf
    printf "GET /api/v1/me/affairs %8.0f req/s ratio %.3f   p99 %s   (%d failed)\n", a, a / h, ap, af
}'
# The simulator confirms the last payments a moment after the run: reconcile once they have drained.
waited=0
until "$binary" billing reconcile "${db[@]}" >"$work/reconcile.txt" || [ "$waited" -ge 90 ]; do
    sleep 1
    waited=$((waited + 1))
done
tail -3 "$work/reconcile.txt"
echo "reconciled ${waited} s after the run"
