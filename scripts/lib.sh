# Shared helpers of the scripts (sourced, not run).
# shellcheck shell=bash

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

APT_UPDATED=
# apt_install PACKAGE... : installs the Debian packages that are not installed yet.
apt_install() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  command -v apt-get >/dev/null || die "missing packages ${missing[*]} and no apt-get to install them"
  say "Installing ${missing[*]}"
  if [ -z "$APT_UPDATED" ]; then as_root apt-get update -qq; APT_UPDATED=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

ensure_dotnet() {
  command -v dotnet >/dev/null || die "the .NET SDK 10 is needed (dotnet not found on PATH)"
}

ensure_postgis() {
  apt_install postgresql-15 postgresql-15-postgis-3
  [ -x "$PG_BIN/initdb" ] || die "PostgreSQL 15 binaries not found in $PG_BIN"
}

# pg_cluster_start NAME PORT [extra postgres options] : creates (once) and starts a private cluster
# whose data lives in $ROOT/.pgdata/NAME (or under /var/lib/openfabriques when the postgres user
# cannot reach the checkout), listening on 127.0.0.1 only, local trust authentication.
# Prints the port it listens on: PORT, or, with PG_ANY_PORT=1 and PORT taken, the next free one.
pg_cluster_start() {
  local name=$1 port=$2 opts=${3:-} data
  data=$(pg_data_dir "$name")
  as_root mkdir -p "$data"
  as_root chown postgres:postgres "$data"
  as_root chmod 700 "$data"
  if [ ! -f "$data/PG_VERSION" ]; then
    say "Creating the PostgreSQL cluster in $data"
    as_root runuser -u postgres -- "$PG_BIN/initdb" -D "$data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  if as_root runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    sed -n 4p "$data/postmaster.pid"
    return 0
  fi
  # A postmaster.pid left by a killed server would block the start.
  as_root rm -f "$data/postmaster.pid"
  while port_in_use "$port"; do
    [ "${PG_ANY_PORT:-}" = 1 ] || die "port $port is used by another program; choose another with OPENFABRIQUES_PG_PORT"
    port=$((port + 1))
  done
  as_root runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 start \
    -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories=/tmp $opts" >/dev/null \
    || { tail -20 "$data/server.log" >&2; die "PostgreSQL did not start (log: $data/server.log)"; }
  echo "$port"
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

pg_cluster_stop() {
  local data
  data=$(pg_data_dir "$1")
  [ -f "$data/PG_VERSION" ] || return 0
  as_root runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$data" -m fast -w stop >/dev/null 2>&1 || true
}

pg_data_dir() {
  if as_root runuser -u postgres -- test -x "$ROOT"; then
    echo "$ROOT/.pgdata/$1"
  else
    echo "/var/lib/openfabriques/$(echo "$ROOT" | md5sum | cut -c1-12)/$1"
  fi
}

# pg_ensure_database PORT NAME : creates the database if it does not exist.
pg_ensure_database() {
  local port=$1 db=$2
  if ! "$PG_BIN/psql" -h 127.0.0.1 -p "$port" -U postgres -d "$db" -qtAc 'SELECT 1' >/dev/null 2>&1; then
    "$PG_BIN/createdb" -h 127.0.0.1 -p "$port" -U postgres "$db"
  fi
}

# Builds the portal (Release); prints the compiler's output only when the build fails.
build_portal() {
  local out
  out=$(dotnet build "$ROOT/src/Web/OpenFabriques.Web.csproj" -c Release -nologo -v quiet 2>&1) || { echo "$out" >&2; die "the build failed"; }
}
