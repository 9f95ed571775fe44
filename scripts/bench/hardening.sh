#!/usr/bin/env bash
# Hostile and slow clients (issue: no 5xx on any input; 200 slow clients on exports leave /api/lieux
# answering 200 in under 1 s).
#   scripts/bench/hardening.sh [REQUESTS=10000]
# For the default dataset and for 50,000 generated places, each in its own portal with its default limits:
# scripts/bench/fuzz.mjs sends REQUESTS hostile requests (4 at a time) and counts the statuses; then
# scripts/bench/slow-clients.py opens 200 connections that ask for exports and read nothing while
# /api/lieux is asked every 100 ms for 60 s; then scripts/bench/overload.py asks unfiltered /api/lieux 20 times a
# second for 30 s and /healthz once a second. Prints a Markdown table; exits non-zero if the fuzzing failed.
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
source "$(dirname "$0")/common.sh"

requests=${1:-10000}
apt_install curl python3
command -v node >/dev/null || apt_install nodejs
bench_start

default_db() { # the portal's own start-up loads the reference data and the default dataset into an empty database
  if ! psql_b -d bench_defaut -qtAc "SELECT count(*) FROM lieux" 2>/dev/null | grep -qv '^0$'; then
    "$PG_BIN/dropdb" -h 127.0.0.1 -p "$port" -U postgres --if-exists bench_defaut
    "$PG_BIN/createdb" -h 127.0.0.1 -p "$port" -U postgres bench_defaut
  fi
}

rows=()
status=0
for dataset in defaut 50000; do
  if [ "$dataset" = defaut ]; then
    default_db
    db=bench_defaut
    http=$(free_port)
    ConnectionStrings__OpenFabriques="Host=127.0.0.1;Port=$port;Database=$db;Username=postgres" OpenFabriques__TileUrl="" \
      Logging__LogLevel__Default=Warning dotnet "$dll" --urls "http://127.0.0.1:$http" --contentRoot "$ROOT/src/Web" >"$work/portal-$db.log" 2>&1 &
    pid=$!
    for _ in $(seq 600); do curl -s "http://127.0.0.1:$http/api/lieux?limit=1" | grep -q '"total":[1-9]' && break; sleep 0.2; done
  else
    db=bench_hardening_50000
    bench_load 50000 "$db"
    read -r pid http < <(bench_serve "$db")
  fi
  places=$(psql_b -d "$db" -qtAc "SELECT count(*) FROM lieux")
  fuzz=$(node "$ROOT/scripts/bench/fuzz.mjs" "http://127.0.0.1:$http" "$requests" 2026 4) || status=1
  busy="$PG_BIN/psql -h 127.0.0.1 -p $port -U postgres -d $db -qtAc \"SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND state <> 'idle' AND pid <> pg_backend_pid()\""
  slow=$(python3 "$ROOT/scripts/bench/slow-clients.py" 127.0.0.1 "$http" 200 60 "$busy")
  over=$(python3 "$ROOT/scripts/bench/overload.py" "http://127.0.0.1:$http" "/api/lieux" 20 30)
  kill "$pid"; wait "$pid" 2>/dev/null || true
  rows+=("$(python3 - "$places" "$fuzz" "$slow" "$over" <<'PY'
import json, sys
places, fuzz, slow, over = int(sys.argv[1]), json.loads(sys.argv[2]), json.loads(sys.argv[3]), json.loads(sys.argv[4])
st = fuzz["statuses"]
five = sum(v for k, v in st.items() if k.isdigit() and int(k) >= 500)
statuses = ", ".join(f"{k}: {v}" for k, v in sorted(st.items()))
api = slow["api_ms"]
ok = slow["api_statuses"].get("200", 0)
outcome = ", ".join(f"{k}: {v}" for k, v in sorted(slow["slow_clients_first_answer"].items()))
o = over["statuses"]
health = ", ".join(f"{k}: {v}" for k, v in sorted(over["healthz"].items()))
print(f"| {places:,} | {fuzz['requests']:,} | {statuses} | {fuzz['kestrel400']} | {five} | {fuzz['failed']} | "
      f"{ok}/{slow['api_requests']} | {api['p50']} / {api['p95']} / {api['max']} | {outcome} | {slow['database_busy']} / {slow['server_connections_open']} | "
      f"{', '.join(f'{k}: {v}' for k, v in sorted(o.items()))}; p50 {over['ok_ms']['p50']} ms, max {over['max_ms']} ms | {health} |")
PY
)")
done
pg_cluster_stop bench

cat <<TABLE
Hardening benchmark — $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(date -u +%Y-%m-%d)

| places | hostile requests | statuses | of which Kestrel's own 400 (NUL in the path) | 5xx | failures | /api/lieux 200 during 200 slow clients | /api/lieux p50 / p95 / max (ms) | slow clients' first answer | after 60 s: database connections busy / client connections open | 20 req/s on /api/lieux for 30 s | /healthz meanwhile |
|---:|---:|---|---:|---:|---:|---:|---:|---|---:|---|---|
$(printf '%s\n' "${rows[@]}")
TABLE
exit $status
