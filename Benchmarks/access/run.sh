#!/usr/bin/env bash
# Runs the access benchmarks: our release binary vs scipy vs pandana on the same synthetic inputs.
#
#   Benchmarks/access/run.sh [SIZES...]        default sizes: 200k 2m
#   SKIP_PANDANA=1 Benchmarks/access/run.sh    skip pandana (its contraction-hierarchy build takes minutes)
#   PANDANA_TIMEOUT=3600                       seconds before a pandana run is abandoned (default 3600)
#
# For every size: generates the data into Benchmarks/access/.data/SIZE (if missing), builds
# `citizen-cloud` in release mode, runs each tool under /usr/bin/time -v, checks that our result.csv equals
# scipy's (same rows, distances within 0.01 m) and pandana's, and prints wall time, peak RSS and ratios.
# Also runs the what-if benchmark (single-facility add/remove, median/p99 ms) on the largest size.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
DATA="$HERE/.data"
MAX=1200
SIZES=("${@:-200k 2m}")
read -r -a SIZES <<< "${SIZES[*]}"
PANDANA_TIMEOUT="${PANDANA_TIMEOUT:-3600}"

(cd "$ROOT" && swift build -c release --product citizen-cloud 2>&1 | tail -1)
BIN="$ROOT/.build/release/citizen-cloud"

# measure NAME LOG -- CMD...: runs CMD under /usr/bin/time -v; prints "NAME wall_s rss_mb"
measure() {
    local name="$1" log="$2"; shift 3
    local status=0
    /usr/bin/time -v "$@" > "$log" 2>&1 || status=$?
    local wall rss
    wall=$(grep "Elapsed (wall clock)" "$log" | awk '{print $NF}' | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
    rss=$(grep "Maximum resident set size" "$log" | awk '{printf "%.0f", $NF/1024}')
    echo "$name $wall $rss $status"
}

for size in "${SIZES[@]}"; do
    case "$size" in
        200k) nodes=200000 ;;
        2m) nodes=2000000 ;;
        *) nodes="$size" ;;
    esac
    dir="$DATA/$size"
    if [[ ! -f "$dir/facilities.csv" ]]; then
        python3 "$HERE/generate.py" --nodes "$nodes" --out "$dir"
    fi
    echo "== $size: $(($(wc -l < "$dir/nodes.csv") - 1)) nodes, $(($(wc -l < "$dir/edges.csv") - 1)) edge rows, $(($(wc -l < "$dir/facilities.csv") - 1)) facilities, max $MAX m"
    args=("$dir/nodes.csv" "$dir/edges.csv" "$dir/facilities.csv" "$MAX")
    read -r _ ours_wall ours_rss ours_status < <(measure ours "$dir/ours.log" -- "$BIN" access nearest --nodes "$dir/nodes.csv" \
        --edges "$dir/edges.csv" --facilities "$dir/facilities.csv" --max-meters "$MAX" --out "$dir/result-ours.csv" --verbose)
    grep "access nearest:" "$dir/ours.log" || true
    read -r _ scipy_wall scipy_rss scipy_status < <(measure scipy "$dir/scipy.log" -- python3 "$HERE/scipy_nearest.py" "${args[@]}" "$dir/result-scipy.csv")
    printf "%-8s wall %8.2f s   peak RSS %6d MB   (exit %s)\n" ours "$ours_wall" "$ours_rss" "$ours_status"
    printf "%-8s wall %8.2f s   peak RSS %6d MB   (exit %s)\n" scipy "$scipy_wall" "$scipy_rss" "$scipy_status"
    python3 "$HERE/compare.py" "$dir/result-ours.csv" "$dir/result-scipy.csv" "$MAX" 0.01 --order || echo "!! scipy comparison failed"
    awk -v a="$scipy_wall" -v b="$ours_wall" -v c="$scipy_rss" -v d="$ours_rss" \
        'BEGIN { printf "ratio scipy/ours: time %.1fx, peak RSS %.2fx\n", a/b, c/d }'
    if [[ "${SKIP_PANDANA:-0}" != "1" ]]; then
        read -r _ pd_wall pd_rss pd_status < <(measure pandana "$dir/pandana.log" -- timeout "$PANDANA_TIMEOUT" python3 "$HERE/pandana_nearest.py" "${args[@]}" "$dir/result-pandana.csv")
        printf "%-8s wall %8.2f s   peak RSS %6d MB   (exit %s)\n" pandana "$pd_wall" "$pd_rss" "$pd_status"
        grep "pandana phases" "$dir/pandana.log" || true
        if [[ "$pd_status" == "0" ]]; then
            python3 "$HERE/compare.py" "$dir/result-ours.csv" "$dir/result-pandana.csv" "$MAX" 0.01 || echo "!! pandana comparison failed"
            awk -v a="$pd_wall" -v b="$ours_wall" 'BEGIN { printf "ratio pandana(whole script)/ours: time %.0fx\n", a/b }'
            phases=$(grep "pandana phases" "$dir/pandana.log" | sed -E 's/.*build ([0-9.]+)s precompute ([0-9.]+)s queries ([0-9.]+)s.*/\1 \2 \3/')
            read -r pb pp pq <<< "$phases"
            awk -v b="$pb" -v p="$pp" -v q="$pq" -v o="$ours_wall" \
                'BEGIN { printf "ratio pandana(build+precompute+queries %.1f s)/ours(whole process): %.0fx\n", b+p+q, (b+p+q)/o }'
        else
            echo "pandana did not finish (exit $pd_status; 124 = timeout after ${PANDANA_TIMEOUT}s)"
        fi
    fi
done

last="${SIZES[${#SIZES[@]}-1]}"
echo "== what-if on $last"
"$BIN" access whatif-bench --nodes "$DATA/$last/nodes.csv" --edges "$DATA/$last/edges.csv" \
    --facilities "$DATA/$last/facilities.csv" --max-meters "$MAX" --trials 500
