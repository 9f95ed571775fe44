#!/usr/bin/env bash
# Resident portal budget (issues: the first view of / transfers under 300 KB compressed, map tiles excluded, and
# is ready within 1.5 s, with the national default and with 1,000,000 places, the bytes within 20 % of each other;
# the map's data for a pan or zoom answers under 50 ms at the 95th percentile with 1,000,000 places;
# /api/lieux/proches under 20 ms at the 95th percentile with 100,000 places).
#   scripts/bench/portal.sh
# First view: Chromium (playwright-core from the npm registry, installed under .bench/) opens / on a new
# profile five times after one uncounted visit that warms the server; median of the bytes on the wire
# and of the time to data-map-ready. Pans and zooms: 2,000 requests of /api/carte/grappes for random views of
# metropolitan France (zoom 6 to 14, a 1280 × 800 screen with the quarter-view margin the map asks for) over one
# keep-alive connection (curl), after 200 warm-up requests. Nearest places: 2,000 requests at random points of
# metropolitan France, after 200 warm-up requests. Percentiles of curl's time_total. Prints a Markdown table.
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
source "$(dirname "$0")/common.sh"

apt_install chromium curl
command -v npm >/dev/null || apt_install nodejs npm
bench_start
[ -d "$work/node_modules/playwright-core" ] || (cd "$work" && npm install --silent --no-save playwright-core@1.64.1 >/dev/null)

first_view() { # first_view DB [default sources] -> "KB READY_MS"
  local pid http out
  read -r pid http < <(bench_serve "$1" "${2:-}")
  curl -s -o /dev/null "http://127.0.0.1:$http/" # the app's own warm-up (JIT), not the browser's cache
  cp "$ROOT/scripts/bench/first-view.mjs" "$work/" # resolves playwright-core from .bench/node_modules
  out=$(node "$work/first-view.mjs" "http://127.0.0.1:$http/" 5)
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "$out" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["kilobytes"], d["readyMs"])'
}

# The national default, loaded by the portal itself into an empty database (as scripts/start.sh does).
national=bench_portal_national
if ! psql_b -d "$national" -qtAc "SELECT count(*) FROM lieux" 2>/dev/null | grep -qv '^0$'; then
  "$PG_BIN/dropdb" -h 127.0.0.1 -p "$port" -U postgres --if-exists "$national"
  "$PG_BIN/createdb" -h 127.0.0.1 -p "$port" -U postgres "$national"
fi
read -r kb_national ready_national < <(first_view "$national" "*")
places_national=$(psql_b -d "$national" -qtAc "SELECT count(*) FROM lieux")
bench_load 1000000 bench_1000000
read -r kb_million ready_million < <(first_view bench_1000000)

read -r pid http < <(bench_serve bench_1000000)
vues() { python3 -c "
import math, random; random.seed($1)
def y(lat): return (1 - math.log(math.tan(math.radians(lat)) + 1 / math.cos(math.radians(lat))) / math.pi) / 2
def lat(v): return math.degrees(math.atan(math.sinh(math.pi * (1 - 2 * v))))
for _ in range($2):
    z = random.randint(6, 14); lon = random.uniform(-4.5, 7.9); la = random.uniform(42.5, 50.9)
    monde = 256 * 2 ** z; dx = 1280 * 1.5 / 2 / monde; dy = 800 * 1.5 / 2 / monde
    x = (lon + 180) / 360; v = y(la)
    w, e = (x - dx) * 360 - 180, (x + dx) * 360 - 180
    print('url = \"http://127.0.0.1:$http/api/carte/grappes?zoom=%d&bbox=%.4f,%.4f,%.4f,%.4f\"\noutput = \"/dev/null\"' % (z, w, lat(v + dy), e, lat(v - dy)))
"; }
vues 1 200 | curl -s -K - >/dev/null
vues 2 2000 | curl -s -K - -w "%{http_code} %{time_total} %{size_download}\n" > "$work/vues.txt"
kill "$pid"; wait "$pid" 2>/dev/null || true
grep -qv '^200 ' "$work/vues.txt" && die "some map requests failed"
read -r v50 v95 v99 < <(awk '{print $2 * 1000}' "$work/vues.txt" | sort -n | awk '{a[NR]=$1} END {printf "%.1f %.1f %.1f\n", a[int(NR*0.5)], a[int(NR*0.95)], a[int(NR*0.99)]}')
vkb=$(awk '{s += $3} END {printf "%.1f", s / NR / 1024}' "$work/vues.txt")

bench_load 100000 bench_portal_100000
read -r pid http < <(bench_serve bench_portal_100000)
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
| first view of / with the national default ($places_national places): bytes on the wire (compressed, no tiles), median of 5 | $kb_national KB | 300 KB |
| first view of / with the national default: time to map ready, median of 5 | $ready_national ms | 1,500 ms |
| first view of / with 1,000,000 places: bytes on the wire, median of 5 | $kb_million KB | 300 KB, within 20 % of the national default's |
| first view of / with 1,000,000 places: time to map ready, median of 5 | $ready_million ms | 1,500 ms |
| /api/carte/grappes with 1,000,000 places, 2,000 random views (zoom 6–14): p50 / p95 / p99, mean size | $v50 / $v95 / $v99 ms, $vkb KB | p95 50 ms |
| /api/lieux/proches with 100,000 places, 2,000 requests: p50 / p95 / p99 | $p50 / $p95 / $p99 ms | p95 20 ms |
TABLE
pg_cluster_stop bench
