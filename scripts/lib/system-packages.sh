# shellcheck shell=bash
# Sourced by scripts/run and scripts/test.
#
#   ensure_packages PKG...   install the Debian packages that `dpkg -s` reports missing (apt-get update once,
#                            non-interactive; uses sudo when not root). Prints what it installs.
#   ensure_swift             put /opt/swift/usr/bin on PATH if `swift` is not already there.
#
# Packages the project uses: libsqlite3-dev zlib1g-dev (build), postgresql (tests),
# chromium chromium-driver (browser tests), wrk (benchmarks only).

_citizen_apt_updated=${_citizen_apt_updated:-0}

_citizen_as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        echo "error: need root (or sudo) to run: $*" >&2
        return 1
    fi
}

ensure_packages() {
    local missing=() pkg
    for pkg in "$@"; do
        if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
            missing+=("$pkg")
        fi
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    if ! command -v apt-get >/dev/null 2>&1; then
        echo "error: missing packages (${missing[*]}) and no apt-get: install them by hand" >&2
        return 1
    fi
    echo "==> Installing Debian packages: ${missing[*]}"
    if [ "$_citizen_apt_updated" -eq 0 ]; then
        _citizen_as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
        _citizen_apt_updated=1
    fi
    _citizen_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
        -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold "${missing[@]}" >/dev/null
    echo "==> Installed: ${missing[*]}"
}

ensure_swift() {
    if ! command -v swift >/dev/null 2>&1; then
        if [ -x /opt/swift/usr/bin/swift ]; then
            export PATH="/opt/swift/usr/bin:$PATH"
        else
            echo "error: swift not found on PATH or at /opt/swift/usr/bin/swift; install a Swift 6 toolchain" >&2
            return 1
        fi
    fi
}
