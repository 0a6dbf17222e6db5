#!/usr/bin/env bash
# Make sure PostgreSQL's server programs (initdb, pg_ctl) exist, for the tests that start a
# throwaway server. Installs Debian's postgresql package only when they are missing and we
# are root; otherwise prints a one-line hint. Never starts a server.
set -euo pipefail

have_binaries() {
    if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
        return 0
    fi
    local dir
    for dir in /usr/lib/postgresql/*/bin; do
        if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then
            return 0
        fi
    done
    return 1
}

if have_binaries; then
    exit 0
fi

if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "PostgreSQL server programs not found; installing Debian's postgresql package"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends postgresql >/dev/null
    if have_binaries; then
        exit 0
    fi
    echo "installed postgresql but initdb/pg_ctl are still missing" >&2
    exit 1
fi

echo "PostgreSQL server programs (initdb, pg_ctl) not found: install them (Debian: sudo apt-get install postgresql) or the PostgreSQL tests are skipped"
