#!/usr/bin/env bash
# Seed throughput against the ceiling: `citizen-cloud seed --scale S` on SQLite versus the sqlite3 command-line
# tool importing the very same rows from CSV into the same schema (same journal mode and sync setting).
#
# usage: Benchmarks/seed/compare-sqlite3.sh [SCALE]        (default 0.05 ≈ 1 million residents)
# needs: the release build (swift build -c release --product citizen-cloud) and the sqlite3 tool.
set -euo pipefail
cd "$(dirname "$0")/../.."
scale=${1:-0.05}
bin=.build/release/citizen-cloud
[ -x "$bin" ] || { echo "build first: swift build -c release --product citizen-cloud" >&2; exit 1; }
command -v sqlite3 >/dev/null || { echo "needs the sqlite3 tool (apt-get install sqlite3)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
now() { date +%s.%N; }

# 1. Our seed, as a whole process: migrations, divisions, communities, generation, encryption, inserts.
start=$(now)
"$bin" seed --scale "$scale" --database "sqlite://$work/seed.sqlite" --key-file "$work/k.key" --log-level error \
    >"$work/seed.out"
ours=$(echo "$(now) - $start" | bc -l)
cat "$work/seed.out"
households=$(sqlite3 "$work/seed.sqlite" "SELECT COUNT(*) FROM households")
residents=$(sqlite3 "$work/seed.sqlite" "SELECT COUNT(*) FROM residents")
rows=$((households + residents))

# 2. The same rows as CSV (encrypted columns as hex text, the closest CSV can carry).
sqlite3 -csv "$work/seed.sqlite" "SELECT id, community_code, address, size FROM households" >"$work/households.csv"
sqlite3 -csv "$work/seed.sqlite" "SELECT id, household_id, community_code, name, gender, birth_date, relation,
    id_number_hash, hex(id_number_enc), phone_hash, hex(phone_enc), synthetic FROM residents" >"$work/residents.csv"
sqlite3 "$work/seed.sqlite" ".schema households" ".schema residents" >"$work/schema.sql"

# 3. The ceiling: sqlite3 imports them into an empty database with the same tables and indexes.
sqlite3 "$work/base.sqlite" "PRAGMA journal_mode = WAL;" >/dev/null
start=$(now)
sqlite3 "$work/base.sqlite" "PRAGMA synchronous = NORMAL;" ".read $work/schema.sql" ".mode csv" \
    ".import $work/households.csv households" ".import $work/residents.csv residents"
baseline=$(echo "$(now) - $start" | bc -l)
check=$(sqlite3 "$work/base.sqlite" "SELECT (SELECT COUNT(*) FROM households) + (SELECT COUNT(*) FROM residents)")
[ "$check" = "$rows" ] || { echo "sqlite3 imported $check rows, expected $rows" >&2; exit 1; }

printf '\nrows: %d (%d households, %d residents)\n' "$rows" "$households" "$residents"
printf '%-34s %8.2f s %10.0f rows/s\n' "citizen-cloud seed --scale $scale" "$ours" "$(echo "$rows / $ours" | bc -l)"
printf '%-34s %8.2f s %10.0f rows/s\n' "sqlite3 .import (ceiling)" "$baseline" "$(echo "$rows / $baseline" | bc -l)"
printf 'ratio (ours / ceiling, rows per second): %.2f\n' "$(echo "$baseline / $ours" | bc -l)"
