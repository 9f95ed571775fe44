#!/usr/bin/env bash
# Runs every test: installs what they need (PostGIS, Debian's Chromium), starts a private test
# cluster (port 55433 or the next free one), runs `dotnet test` on the solution.
# Exits non-zero on any failure.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

ensure_dotnet
ensure_postgis
apt_install chromium fonts-dejavu-core gdal-bin
command -v node >/dev/null || apt_install nodejs # the fuzz test runs scripts/bench/fuzz.mjs

# Any free port from 55433 on will do for the tests.
port=$(PG_ANY_PORT=1 pg_cluster_start test "${OPENFABRIQUES_TEST_PG_PORT:-55433}" \
  "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200")
export OPENFABRIQUES_TEST_PG="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
export OPENFABRIQUES_CHROMIUM=${OPENFABRIQUES_CHROMIUM:-/usr/bin/chromium}

say "Running the tests"
dotnet test "$ROOT/OpenFabriques.sln" -c Release --nologo "$@"
