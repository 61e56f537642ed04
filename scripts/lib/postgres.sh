# shellcheck shell=bash
# Sourced by scripts/test: provides a throwaway PostgreSQL server for the tests.
#
#   start_test_postgres   if CITIZEN_CLOUD_TEST_POSTGRES_URL is set, use it as is. Otherwise install PostgreSQL
#                         (Debian package `postgresql`) if needed, initdb a temp cluster, start it on a free
#                         127.0.0.1 port, create role `citizen` (password `citizen`, superuser: the cluster is
#                         throwaway) and database `citizen_test`, and export
#                           CITIZEN_CLOUD_TEST_POSTGRES_URL=postgres://citizen:citizen@127.0.0.1:PORT/citizen_test
#                         An EXIT/INT/TERM trap stops the server and removes the temp dir.
#   stop_test_postgres    stop it now (the trap calls this; safe to call twice).
#
# PostgreSQL refuses to run as root: as root the cluster belongs to the `postgres` system user (created by the
# package; created here if missing); as any other user it belongs to that user. Clusters left behind by a run that
# was killed (SIGKILL, no trap) are stopped and removed on the next start.

CITIZEN_PG_DIR=""
CITIZEN_PG_BIN=""
CITIZEN_PG_USER=""

_citizen_pg_log() { echo "==> postgres: $*" >&2; }

# Runs a command as the cluster owner, from the cluster dir (the caller's cwd may be unreadable to that user).
_citizen_pg_as_owner() {
    local dir=${CITIZEN_PG_DIR:-/}
    if [ "$(id -u)" -eq 0 ]; then
        (cd "$dir" && runuser -u "$CITIZEN_PG_USER" -- "$@")
    else
        (cd "$dir" && "$@")
    fi
}

_citizen_pg_find_bin() {
    local dir
    # shellcheck disable=SC2012
    dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
    if [ -n "$dir" ] && [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then
        echo "$dir"
        return 0
    fi
    if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
        dirname "$(command -v initdb)"
        return 0
    fi
    return 1
}

_citizen_pg_free_port() {
    if command -v python3 >/dev/null 2>&1; then
        python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
        return 0
    fi
    local port
    for port in $(seq 55432 55632); do
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return 0
        fi
    done
    return 1
}

# Stops and removes clusters whose owning script is gone.
_citizen_pg_reap_stale() {
    local dir owner pid
    for dir in "${TMPDIR:-/tmp}"/citizen-pg.*; do
        [ -d "$dir" ] || continue
        owner=$(cat "$dir/owner.pid" 2>/dev/null || echo "")
        if [ -n "$owner" ] && kill -0 "$owner" 2>/dev/null; then
            continue # its script is still running (maybe a parallel run): leave it alone
        fi
        _citizen_pg_log "removing stale test cluster $dir"
        pid=$(head -n 1 "$dir/data/postmaster.pid" 2>/dev/null || echo "")
        if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
            kill -QUIT "$pid" 2>/dev/null || true # immediate shutdown
            for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
            kill -KILL "$pid" 2>/dev/null || true
        fi
        rm -rf "$dir"
    done
}

stop_test_postgres() {
    [ -n "$CITIZEN_PG_DIR" ] || return 0
    local dir=$CITIZEN_PG_DIR pid
    if [ -f "$dir/data/postmaster.pid" ]; then
        pid=$(head -n 1 "$dir/data/postmaster.pid" 2>/dev/null || echo "")
        _citizen_pg_as_owner "$CITIZEN_PG_BIN/pg_ctl" -D "$dir/data" -m immediate -w -t 20 stop >/dev/null 2>&1 || true
        if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
            kill -KILL "$pid" 2>/dev/null || true
        fi
    fi
    rm -rf "$dir"
    CITIZEN_PG_DIR=""
    unset CITIZEN_CLOUD_TEST_POSTGRES_URL
}

_citizen_pg_install_trap() {
    local previous
    previous=$(trap -p EXIT | sed -E "s/^trap -- '(.*)' EXIT$/\1/")
    # Keep the caller's EXIT trap, and give it the original exit status in $?.
    # shellcheck disable=SC2064,SC2154
    trap "_citizen_pg_status=\$?; set +e; stop_test_postgres; (exit \$_citizen_pg_status); ${previous:-:}" EXIT
    trap 'stop_test_postgres; exit 130' INT
    trap 'stop_test_postgres; exit 143' TERM
    trap 'stop_test_postgres; exit 129' HUP
}

start_test_postgres() {
    if [ -n "${CITIZEN_CLOUD_TEST_POSTGRES_URL:-}" ]; then
        _citizen_pg_log "using CITIZEN_CLOUD_TEST_POSTGRES_URL from the environment"
        export CITIZEN_CLOUD_TEST_POSTGRES_URL
        return 0
    fi

    if ! CITIZEN_PG_BIN=$(_citizen_pg_find_bin); then
        _citizen_pg_log "PostgreSQL server not found: installing Debian package postgresql"
        if declare -F ensure_packages >/dev/null; then
            ensure_packages postgresql
        else
            DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
            DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
        fi
        CITIZEN_PG_BIN=$(_citizen_pg_find_bin) || {
            echo "error: PostgreSQL installed but initdb/pg_ctl not found" >&2
            return 1
        }
    fi

    if [ "$(id -u)" -eq 0 ]; then
        CITIZEN_PG_USER=postgres
        if ! id -u postgres >/dev/null 2>&1; then
            useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
        fi
    else
        CITIZEN_PG_USER=$(id -un)
    fi

    _citizen_pg_reap_stale

    CITIZEN_PG_DIR=$(mktemp -d "${TMPDIR:-/tmp}/citizen-pg.XXXXXX")
    echo "$$" >"$CITIZEN_PG_DIR/owner.pid"
    _citizen_pg_install_trap
    if [ "$(id -u)" -eq 0 ]; then
        chown -R "$CITIZEN_PG_USER" "$CITIZEN_PG_DIR"
    fi
    chmod 700 "$CITIZEN_PG_DIR"

    local dir=$CITIZEN_PG_DIR
    if ! _citizen_pg_as_owner "$CITIZEN_PG_BIN/initdb" -D "$dir/data" -U postgres -E UTF8 --no-locale \
        --auth-local=trust --auth-host=scram-sha-256 >"$dir/initdb.log" 2>&1; then
        echo "error: initdb failed:" >&2
        cat "$dir/initdb.log" >&2
        return 1
    fi

    local port="" attempt started=0
    for attempt in 1 2 3 4 5; do
        port=$(_citizen_pg_free_port)
        if _citizen_pg_as_owner "$CITIZEN_PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
            -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=500" \
            start >/dev/null 2>&1; then
            started=1
            break
        fi
        _citizen_pg_log "start on port $port failed (attempt $attempt), retrying"
        _citizen_pg_as_owner "$CITIZEN_PG_BIN/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
    done
    if [ "$started" -ne 1 ]; then
        echo "error: PostgreSQL did not start; server log:" >&2
        tail -n 40 "$dir/server.log" >&2 || true
        return 1
    fi

    if ! _citizen_pg_as_owner "$CITIZEN_PG_BIN/psql" -v ON_ERROR_STOP=1 -q -h "$dir" -p "$port" -U postgres \
        -d postgres >"$dir/setup.log" 2>&1 <<'SQL'; then
CREATE ROLE citizen LOGIN SUPERUSER PASSWORD 'citizen';
CREATE DATABASE citizen_test OWNER citizen;
SQL
        echo "error: creating role/database failed:" >&2
        cat "$dir/setup.log" >&2
        return 1
    fi

    export CITIZEN_CLOUD_TEST_POSTGRES_URL="postgres://citizen:citizen@127.0.0.1:$port/citizen_test"
    if ! PGCONNECT_TIMEOUT=10 _citizen_pg_as_owner "$CITIZEN_PG_BIN/psql" "$CITIZEN_CLOUD_TEST_POSTGRES_URL" \
        -tAc 'select 1' >/dev/null 2>&1; then
        echo "error: cannot connect to $CITIZEN_CLOUD_TEST_POSTGRES_URL" >&2
        return 1
    fi
    _citizen_pg_log "PostgreSQL $("$CITIZEN_PG_BIN/postgres" -V | awk '{print $3}') on 127.0.0.1:$port ($dir)"
}
