#!/usr/bin/env bash
# Import benchmark (issue: 100,000 rows under 10 s; 1,000,000 rows under 300 MB of memory), compared
# in the same run with ogr2ogr loading the same CSV into PostGIS. The command's report gives the time at
# which the places were committed (and served) and the time of the distance coverage computed after it.
#   scripts/bench/import.sh [ROWS_SMALL=100000] [ROWS_LARGE=1000000]
# Runs on its own cluster (.pgdata/bench, default PostgreSQL settings: fsync on, as a real server),
# each measure on a new database; the small size is measured three times and the median reported.
# Prints a Markdown table.
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
source "$(dirname "$0")/common.sh"

small=${1:-100000}
large=${2:-1000000}
apt_install gdal-bin time
bench_start
export DOTNET_gcServer=0

fresh_db() { # fresh_db NAME -> connection string
  "$PG_BIN/dropdb" -h 127.0.0.1 -p "$port" -U postgres --if-exists "$1"
  "$PG_BIN/createdb" -h 127.0.0.1 -p "$port" -U postgres "$1"
  echo "Host=127.0.0.1;Port=$port;Database=$1;Username=postgres"
}

# measure NAME ROWS : imports the generated file into a new database already migrated and loaded
# with the reference data (a first one-row import does that), then times the real import.
measure() {
  local rows=$1 file cs seed
  file=$(bench_generate "$rows")
  cs=$(fresh_db "bench_$rows")
  seed="$work/one.csv"
  head -2 "$file" > "$seed"
  ConnectionStrings__OpenFabriques="$cs" dotnet "$dll" import --format openfabriques "$seed" >/dev/null 2>&1
  ConnectionStrings__OpenFabriques="$cs" /usr/bin/time -f "%e %M" -o "$work/time-$rows" \
    dotnet "$dll" import --format openfabriques "$file" >"$work/report-$rows" 2>/dev/null
  read -r seconds kb < "$work/time-$rows"
  grep -q "ajoutés" "$work/report-$rows" || { cat "$work/report-$rows" >&2; die "the import of $rows rows failed"; }
  # The report says when the places were committed, then how long the distance coverage took (French decimals).
  local places distances
  places=$(sed -n 's/.*enregistré en \([0-9,]*\) s.*/\1/p' "$work/report-$rows" | tr , .)
  distances=$(sed -n 's/.*distances aux lieux recalculées.* en \([0-9,]*\) s.*/\1/p' "$work/report-$rows" | tr , .)
  echo "$seconds $((kb / 1024)) ${places:-?} ${distances:-?}"
}

ogr() { # ogr ROWS -> seconds
  local rows=$1 file
  file=$(bench_generate "$rows")
  fresh_db "ogr_$rows" >/dev/null
  "$PG_BIN/psql" -h 127.0.0.1 -p "$port" -U postgres -d "ogr_$rows" -qc "CREATE EXTENSION postgis"
  /usr/bin/time -f "%e %M" -o "$work/ogr-$rows" ogr2ogr -f PostgreSQL \
    "PG:host=127.0.0.1 port=$port dbname=ogr_$rows user=postgres" "$file" \
    -oo X_POSSIBLE_NAMES=longitude -oo Y_POSSIBLE_NAMES=latitude -oo KEEP_GEOM_COLUMNS=NO -oo AUTODETECT_TYPE=NO \
    -a_srs EPSG:4326 -nln lieux_ogr -lco GEOMETRY_NAME=geom -lco SPATIAL_INDEX=GIST --config PG_USE_COPY YES
  read -r seconds _ < "$work/ogr-$rows"
  echo "$seconds"
}

median3() { # median3 CMD... : runs CMD three times, prints the line whose first field is the median
  { "$@"; "$@"; "$@"; } | sort -n | sed -n 2p
}
read -r s_small m_small p_small d_small < <(median3 measure "$small")
o_small=$(median3 ogr "$small")
read -r s_large m_large p_large d_large < <(measure "$large")
o_large=$(ogr "$large")

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
cat <<TABLE
Import benchmark — $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(date -u +%Y-%m-%d)

| rows | import command (s) | of which: load until the commit of the places (s) | then distance coverage (s) | peak memory (MB) | ogr2ogr (s) | ratio load / ogr2ogr |
|---:|---:|---:|---:|---:|---:|---:|
| $small | $s_small | $p_small | $d_small | $m_small | $o_small | $(ratio "$p_small" "$o_small") |
| $large | $s_large | $p_large | $d_large | $m_large | $o_large | $(ratio "$p_large" "$o_large") |
TABLE
pg_cluster_stop bench
