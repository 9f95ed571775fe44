# Shared by the benchmark scripts (sourced after ../lib.sh): the bench cluster, generated data, a portal.
# shellcheck shell=bash

bench_start() { # builds the portal and starts the bench cluster (.pgdata/bench); sets dll, port, work
  ensure_dotnet
  ensure_postgis
  build_portal
  dll="$ROOT/src/Web/bin/Release/net10.0/OpenFabriques.Web.dll"
  port=$(PG_ANY_PORT=1 pg_cluster_start bench 55440)
  work="$ROOT/.bench"
  mkdir -p "$work"
}

psql_b() { "$PG_BIN/psql" -h 127.0.0.1 -p "$port" -U postgres "$@"; }

bench_generate() { # bench_generate ROWS -> the path of ROWS generated places (made once, seed 2026)
  local file="$work/synthetique-$1.csv"
  [ -s "$file" ] || DOTNET_gcServer=0 dotnet "$dll" generate --count "$1" --seed 2026 --out "$file" >&2
  echo "$file"
}

bench_load() { # bench_load ROWS DB : database DB holding ROWS generated places (kept between runs)
  local rows=$1 db=$2 file
  if psql_b -d "$db" -qtAc "SELECT count(*) FROM lieux" 2>/dev/null | grep -qx "$rows"; then return; fi
  file=$(bench_generate "$rows")
  "$PG_BIN/dropdb" -h 127.0.0.1 -p "$port" -U postgres --if-exists "$db"
  "$PG_BIN/createdb" -h 127.0.0.1 -p "$port" -U postgres "$db"
  ConnectionStrings__OpenFabriques="Host=127.0.0.1;Port=$port;Database=$db;Username=postgres" DOTNET_gcServer=0 \
    dotnet "$dll" import --format openfabriques "$file" >/dev/null 2>&1
  psql_b -d "$db" -qc "VACUUM ANALYZE"
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

bench_serve() { # bench_serve DB [SOURCES] -> "PID PORT" of a portal on DB, without map tiles, once it answers
  # With SOURCES (e.g. "*"), an empty DB gets those registered sources loaded, as scripts/start.sh does; the
  # portal is ready once its places are there.
  local http pid
  http=$(free_port)
  ConnectionStrings__OpenFabriques="Host=127.0.0.1;Port=$port;Database=$1;Username=postgres" \
    OpenFabriques__DefaultSources="${2:-}" OpenFabriques__TileUrl="" Logging__LogLevel__Default=Warning \
    dotnet "$dll" --urls "http://127.0.0.1:$http" --contentRoot "$ROOT/src/Web" >"$work/portal-$1.log" 2>&1 &
  pid=$!
  for _ in $(seq 150); do curl -sf "http://127.0.0.1:$http/healthz" >/dev/null && break; sleep 0.2; done
  if [ -n "${2:-}" ]; then # every source loaded and the distances computed: the start-up's work is over
    for _ in $(seq 900); do
      [ "$(psql_b -d "$1" -qtAc "SELECT EXISTS (SELECT 1 FROM lieux) AND NOT EXISTS (SELECT 1 FROM imports WHERE finished_at IS NULL)
        AND EXISTS (SELECT 1 FROM distances_calcul k WHERE k.import_id = (SELECT max(id) FROM imports))" 2>/dev/null)" = t ] && break
      sleep 1
    done
    sleep 5
  fi
  echo "$pid $http"
}
