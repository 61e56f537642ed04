# Sourced by the benchmark scripts: a scratch folder and a free loopback port, a server started on that port, and
# both cleaned up when the script exits.
#   bench_setup NAME   sets $work (a new temporary folder), $port, $base and the EXIT trap
#   bench_serve ARGS   starts "$binary" serve --port "$port" ARGS in the background (log in $work/server.log),
#                      sets $server_pid and waits until /healthz answers

bench_setup() {
    work=$(mktemp -d "${TMPDIR:-/tmp}/$1.XXXXXX")
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
    base="http://127.0.0.1:$port"
    server_pid=""
    trap bench_cleanup EXIT
}

bench_cleanup() {
    if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}

bench_serve() {
    "$binary" serve --port "$port" "$@" >"$work/server.log" 2>&1 &
    server_pid=$!
    for _ in $(seq 1 100); do curl -sf "$base/healthz" >/dev/null && break; sleep 0.1; done
}
