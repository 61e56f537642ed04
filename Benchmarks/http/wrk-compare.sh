#!/usr/bin/env bash
# Compares the throughput and latency of several paths of a running CitizenCloud server with wrk.
#
# Usage:
#   Benchmarks/http/wrk-compare.sh [options] BASE_URL PATH[|Header: value[|Header: value...]]...
#
#   BASE_URL   the running server, e.g. http://127.0.0.1:8080 (loopback only: 127.0.0.0/8, localhost, [::1])
#   PATH       a path to load, optionally followed by request headers separated by '|', e.g.
#                '/healthz'
#                '/api/v1/territory/districts|Authorization: Bearer abc123'
#                '/api/v1/x|Authorization: Bearer abc|Accept: application/json'
#              The first path is the baseline (normally /healthz): every row shows its req/s as a ratio of it.
#
# Options (defaults in brackets):
#   -t THREADS       wrk threads [2]
#   -c CONNECTIONS   open connections [32]
#   -d DURATION      measured run per path, wrk syntax (10s, 1m) [10s]
#   -w DURATION      warm-up run per path before measuring, 0 to skip [2s]
#   -H 'Name: value' header sent with every path (repeatable)
#   -o DIR           keep each path's raw wrk output in DIR
#
# Example:
#   scripts/run &   # then, once it listens:
#   Benchmarks/http/wrk-compare.sh http://127.0.0.1:8080 /healthz / '/api/v1/me|Authorization: Bearer demo-token'
#
# Output: one row per path with req/s, ratio to the baseline, latency p50/p99 (ms), non-2xx/3xx responses and
# socket errors. Rows with non-2xx responses or errors are flagged: their numbers measure errors, not the page.
# Installs the Debian package wrk if it is missing.
set -euo pipefail

threads=2
connections=32
duration=10s
warmup=2s
out_dir=""
common_headers=()

usage() {
    sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'
    exit "${1:-0}"
}

while getopts ":t:c:d:w:H:o:h" opt; do
    case "$opt" in
        t) threads=$OPTARG ;;
        c) connections=$OPTARG ;;
        d) duration=$OPTARG ;;
        w) warmup=$OPTARG ;;
        H) common_headers+=("$OPTARG") ;;
        o) out_dir=$OPTARG ;;
        h) usage 0 ;;
        :) echo "error: -$OPTARG needs a value" >&2; usage 2 ;;
        *) echo "error: unknown option -$OPTARG" >&2; usage 2 ;;
    esac
done
shift $((OPTIND - 1))
[ $# -ge 2 ] || { echo "error: need BASE_URL and at least one PATH" >&2; usage 2; }

base_url=${1%/}
shift

# Load is sent only to this machine.
host=$(echo "$base_url" | sed -E 's#^[a-zA-Z]+://##; s#/.*$##; s#^([^@]*@)?##')
case "$host" in
    127.* | localhost | localhost:* | "[::1]" | "[::1]:"*) ;;
    *) echo "error: BASE_URL host '$host' is not loopback; wrk-compare only loads 127.0.0.0/8, localhost or [::1]" >&2; exit 2 ;;
esac

if ! command -v wrk >/dev/null 2>&1; then
    # shellcheck source=scripts/lib/system-packages.sh
    source "$(dirname "${BASH_SOURCE[0]}")/../../scripts/lib/system-packages.sh"
    ensure_packages wrk
fi

work_dir=$(mktemp -d "${TMPDIR:-/tmp}/wrk-compare.XXXXXX")
trap 'rm -rf "$work_dir"' EXIT
if [ -n "$out_dir" ]; then mkdir -p "$out_dir"; fi

# Parses wrk --latency output into: rps p50_ms p99_ms non2xx errors requests
parse_wrk() {
    awk '
        function ms(v,   n) {
            n = v + 0
            if (v ~ /us$/) return n / 1000
            if (v ~ /ms$/) return n
            if (v ~ /m$/) return n * 60000
            if (v ~ /s$/) return n * 1000
            return n
        }
        /^[ \t]+50%/ { p50 = ms($2) }
        /^[ \t]+99%/ { p99 = ms($2) }
        /requests in/ { requests = $1 }
        /^Requests\/sec:/ { rps = $2 }
        /Non-2xx or 3xx responses:/ { non2xx = $NF }
        /Socket errors:/ {
            gsub(/,/, "")
            errors = $4 + $6 + $8 + $10
        }
        END {
            if (rps == "") exit 1
            printf "%s %.3f %.3f %d %d %d\n", rps, p50, p99, non2xx, errors, requests
        }
    '
}

echo "wrk-compare: $base_url, wrk -t$threads -c$connections -d$duration --latency (warm-up $warmup per path)"
rows=()
index=0
for spec in "$@"; do
    index=$((index + 1))
    IFS='|' read -r -a parts <<<"$spec"
    path=${parts[0]}
    [[ "$path" == /* ]] || path="/$path"
    header_args=()
    for header in "${common_headers[@]+"${common_headers[@]}"}" "${parts[@]:1}"; do
        [ -n "$header" ] && header_args+=(-H "$header")
    done
    url="$base_url$path"
    if [ "$warmup" != "0" ] && [ "$warmup" != "0s" ]; then
        wrk -t"$threads" -c"$connections" -d"$warmup" "${header_args[@]+"${header_args[@]}"}" "$url" >/dev/null 2>&1 || true
    fi
    raw="$work_dir/$index.txt"
    echo "  measuring $path ..." >&2
    if ! wrk -t"$threads" -c"$connections" -d"$duration" --latency "${header_args[@]+"${header_args[@]}"}" "$url" >"$raw" 2>&1; then
        echo "error: wrk failed for $url:" >&2
        cat "$raw" >&2
        exit 1
    fi
    if [ -n "$out_dir" ]; then cp "$raw" "$out_dir/$index-$(echo "$path" | tr -c 'A-Za-z0-9._-' '_').txt"; fi
    if ! parsed=$(parse_wrk <"$raw"); then
        echo "error: could not parse wrk output for $url:" >&2
        cat "$raw" >&2
        exit 1
    fi
    rows+=("$path|$parsed")
done

echo
printf '%-44s %12s %8s %9s %9s %9s %7s\n' "path" "req/s" "ratio" "p50 ms" "p99 ms" "non-2xx" "errors"
printf '%-44s %12s %8s %9s %9s %9s %7s\n' "----" "-----" "-----" "------" "------" "-------" "------"
baseline=""
flagged=0
for row in "${rows[@]}"; do
    path=${row%%|*}
    read -r rps p50 p99 non2xx errors _requests <<<"${row#*|}"
    [ -n "$baseline" ] || baseline=$rps
    ratio=$(awk -v a="$rps" -v b="$baseline" 'BEGIN { if (b > 0) printf "%.3f", a / b; else print "n/a" }')
    mark=""
    if [ "$non2xx" -gt 0 ] || [ "$errors" -gt 0 ]; then mark=" !"; flagged=1; fi
    printf '%-44s %12.1f %8s %9.2f %9.2f %9d %7d%s\n' "$path" "$rps" "$ratio" "$p50" "$p99" "$non2xx" "$errors" "$mark"
done
if [ "$flagged" -eq 1 ]; then
    echo
    echo "! = non-2xx/3xx responses or socket errors: that row measures failures (check the path and its headers)."
fi
