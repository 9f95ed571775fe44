#!/usr/bin/env bash
# Resident portal budget (issue: with 5,000 places the first view of / transfers under 300 KB compressed,
# map tiles excluded, and is ready within 1.5 s; /api/lieux/proches answers under 20 ms at the 95th
# percentile with 100,000 places).
#   scripts/bench/portal.sh
# First view: Chromium (playwright-core from the npm registry, installed under .bench/) opens / on a new
# profile five times after one uncounted visit that warms the server; median of the bytes on the wire
# and of the time to data-map-ready. Nearest places:
# 2,000 requests at random points of metropolitan France over one keep-alive connection (curl), after
# 200 warm-up requests; percentiles of curl's time_total. Prints a Markdown table.
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
source "$(dirname "$0")/common.sh"

apt_install chromium curl
command -v npm >/dev/null || apt_install nodejs npm
bench_start
[ -d "$work/node_modules/playwright-core" ] || (cd "$work" && npm install --silent --no-save playwright-core@1.64.1 >/dev/null)

bench_load 5000 bench_portal_5000
read -r pid http < <(bench_serve bench_portal_5000)
curl -s -o /dev/null "http://127.0.0.1:$http/" # the app's own warm-up (JIT), not the browser's cache
cp "$ROOT/scripts/bench/first-view.mjs" "$work/" # resolves playwright-core from .bench/node_modules
first=$(node "$work/first-view.mjs" "http://127.0.0.1:$http/" 5)
kill "$pid"; wait "$pid" 2>/dev/null || true
ready=$(echo "$first" | python3 -c 'import json,sys; print(json.load(sys.stdin)["readyMs"])')
kb=$(echo "$first" | python3 -c 'import json,sys; print(json.load(sys.stdin)["kilobytes"])')

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
| first view of / with 5,000 places: bytes on the wire (compressed, no tiles), median of 5 | $kb KB | 300 KB |
| first view of / with 5,000 places: time to map ready, median of 5 | $ready ms | 1,500 ms |
| /api/lieux/proches with 100,000 places, 2,000 requests: p50 / p95 / p99 | $p50 / $p95 / $p99 ms | p95 20 ms |
TABLE
pg_cluster_stop bench
