#!/usr/bin/env bash
# Resident portal budget (issue: with 5,000 places the first view of / transfers under 300 KB compressed,
# map tiles excluded, and is ready within 1.5 s; /api/lieux/proches answers under 20 ms at the 95th
# percentile with 100,000 places).
#   scripts/bench/portal.sh
# First view: Chromium (playwright-core from the npm registry, installed under .bench/) opens / on a new
# profile five times; median of the bytes on the wire and of the time to data-map-ready. Nearest places:
# 2,000 requests at random points of metropolitan France over one keep-alive connection (curl), after
# 200 warm-up requests; percentiles of curl's time_total. Prints a Markdown table.
set -euo pipefail
source "$(dirname "$0")/../lib.sh"

ensure_dotnet
ensure_postgis
apt_install chromium curl
command -v npm >/dev/null || apt_install nodejs npm
build_portal
dll="$ROOT/src/Web/bin/Release/net10.0/OpenFabriques.Web.dll"
port=$(PG_ANY_PORT=1 pg_cluster_start bench 55440)
work="$ROOT/.bench"
mkdir -p "$work"
[ -d "$work/node_modules/playwright-core" ] || (cd "$work" && npm install --silent --no-save playwright-core@1.64.1 >/dev/null)
psql_b() { "$PG_BIN/psql" -h 127.0.0.1 -p "$port" -U postgres "$@"; }

load() { # load ROWS : database bench_portal_ROWS with ROWS generated places
  local rows=$1 db="bench_portal_$1" file="$work/synthetique-$1.csv"
  if psql_b -d "$db" -qtAc "SELECT count(*) FROM lieux" 2>/dev/null | grep -qx "$rows"; then return; fi
  [ -s "$file" ] || DOTNET_gcServer=0 dotnet "$dll" generate --count "$rows" --seed 2026 --out "$file" >&2
  "$PG_BIN/dropdb" -h 127.0.0.1 -p "$port" -U postgres --if-exists "$db"
  "$PG_BIN/createdb" -h 127.0.0.1 -p "$port" -U postgres "$db"
  ConnectionStrings__OpenFabriques="Host=127.0.0.1;Port=$port;Database=$db;Username=postgres" DOTNET_gcServer=0 \
    dotnet "$dll" import --format openfabriques "$file" >/dev/null 2>&1
  psql_b -d "$db" -qc "VACUUM ANALYZE"
}

serve() { # serve ROWS -> prints "PID PORT" of a portal on that database, without map tiles
  local http
  http=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  ConnectionStrings__OpenFabriques="Host=127.0.0.1;Port=$port;Database=bench_portal_$1;Username=postgres" \
    OpenFabriques__DefaultDataset="" OpenFabriques__TileUrl="" Logging__LogLevel__Default=Warning \
    dotnet "$dll" --urls "http://127.0.0.1:$http" --contentRoot "$ROOT/src/Web" >"$work/portal-$1.log" 2>&1 &
  local pid=$!
  for _ in $(seq 150); do curl -sf "http://127.0.0.1:$http/healthz" >/dev/null && break; sleep 0.2; done
  echo "$pid $http"
}

load 5000
read -r pid http < <(serve 5000)
curl -s -o /dev/null "http://127.0.0.1:$http/" # the app's own warm-up (JIT), not the browser's cache
cp "$ROOT/scripts/bench/first-view.mjs" "$work/" # resolves playwright-core from .bench/node_modules
first=$(node "$work/first-view.mjs" "http://127.0.0.1:$http/" 5)
kill "$pid"; wait "$pid" 2>/dev/null || true
ready=$(echo "$first" | python3 -c 'import json,sys; print(json.load(sys.stdin)["readyMs"])')
kb=$(echo "$first" | python3 -c 'import json,sys; print(json.load(sys.stdin)["kilobytes"])')

load 100000
read -r pid http < <(serve 100000)
urls() { python3 -c "
import random; random.seed($1)
for _ in range($2): print('url = \"http://127.0.0.1:$http/api/lieux/proches?lat=%.5f&lon=%.5f&limit=10\"\noutput = \"/dev/null\"' % (random.uniform(42.5, 50.9), random.uniform(-4.5, 7.9)))
"; }
urls 1 200 | curl -s -K - >/dev/null
urls 2 2000 | curl -s -K - -w "%{http_code} %{time_total}\n" > "$work/proches.txt"
kill "$pid"; wait "$pid" 2>/dev/null || true
grep -qv '^200 ' "$work/proches.txt" && die "some nearest-places requests failed"
read -r p50 p95 p99 < <(awk '{print $2 * 1000}' "$work/proches.txt" | sort -n | awk '{a[NR]=$1} END {printf "%.1f %.1f %.1f\n", a[int(NR*0.5)], a[int(NR*0.95)], a[int(NR*0.99)]}')

cat <<TABLE
Resident portal benchmark — $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(date -u +%Y-%m-%d)

| measure | value | budget |
|---|---:|---:|
| first view of / with 5,000 places: bytes on the wire (compressed, no tiles), median of 5 | $kb KB | 300 KB |
| first view of / with 5,000 places: time to map ready, median of 5 | $ready ms | 1,500 ms |
| /api/lieux/proches with 100,000 places, 2,000 requests: p50 / p95 / p99 | $p50 / $p95 / $p99 ms | p95 20 ms |
TABLE
pg_cluster_stop bench
