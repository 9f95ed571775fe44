#!/usr/bin/env bash
# Export benchmark (issue: full GeoJSON and CSV export of 100,000 and 1,000,000 places, first byte
# under 200 ms, memory of the app flat under 250 MB, at least as fast as ogr2ogr exporting to GeoJSON).
#   scripts/bench/export.sh [ROWS...]   (default: 100000 1000000)
# Loads generated places into databases of the bench cluster (.pgdata/bench) when they are not there yet,
# serves the portal on a free local port, downloads each export with curl, reads the app's peak
# resident memory (VmHWM), and times ogr2ogr writing the same places to GeoJSON. Prints a Markdown table.
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
source "$(dirname "$0")/common.sh"

sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(100000 1000000)
apt_install gdal-bin curl
bench_start

# ogr2ogr gets the same content as /exports/lieux.geojson: every column, services and labels as lists.
same_content="SELECT l.id, l.source, l.source_id, l.nom, l.adresse, l.code_postal, l.code_insee, l.commune, l.departement,
  coalesce(sv.slugs, '{}') AS services, coalesce(sv.sources, '{}') AS services_source, l.labels, l.typologie, l.site_web,
  l.telephone, l.horaires, l.description, l.date_maj, l.geom
FROM lieux l LEFT JOIN LATERAL (SELECT array_agg(ls.service_slug ORDER BY s.ordre) AS slugs,
  array_agg(ls.libelle_source ORDER BY s.ordre) AS sources FROM lieux_services ls JOIN services s ON s.slug = ls.service_slug
  WHERE ls.lieu_id = l.id) sv ON true ORDER BY l.id"
rows_table=""
for rows in "${sizes[@]}"; do
  db="bench_export_$rows"
  bench_load "$rows" "$db"
  read -r app http < <(bench_serve "$db")
  curl -s -o /dev/null "http://127.0.0.1:$http/exports/lieux.csv?departement=12" # warm-up
  rss_before=$(awk '/VmRSS/ {print int($2/1024)}' "/proc/$app/status")
  for file in lieux.geojson lieux.csv; do
    read -r first total size < <(curl -s -o /dev/null -w "%{time_starttransfer} %{time_total} %{size_download}\n" "http://127.0.0.1:$http/exports/$file")
    peak=$(awk '/VmHWM/ {print int($2/1024)}' "/proc/$app/status")
    rows_table+="| $rows | /exports/$file | $(awk -v t="$first" 'BEGIN{printf "%.0f", t*1000}') | $(printf '%.2f' "$total") | $((size / 1048576)) | $rss_before | $peak |"$'\n'
    [ "$file" = lieux.geojson ] && geo_total=$total
  done
  kill "$app"; wait "$app" 2>/dev/null || true
  start=$(date +%s%N)
  ogr2ogr -f GeoJSON "$work/ogr-$rows.geojson" "PG:host=127.0.0.1 port=$port dbname=$db user=postgres" \
    -sql "$same_content" -lco RFC7946=YES
  ogr=$(awk -v a="$start" -v b="$(date +%s%N)" 'BEGIN { printf "%.2f", (b - a) / 1e9 }')
  ogr_size=$(( $(stat -c %s "$work/ogr-$rows.geojson") / 1048576 ))
  rm -f "$work/ogr-$rows.geojson"
  rows_table+="| $rows | ogr2ogr → GeoJSON, same content | | $(printf '%.2f' "$ogr") | $ogr_size | | |"$'\n'
  echo "$rows: GeoJSON export ${geo_total}s, ogr2ogr ${ogr}s" >&2
done
cat <<TABLE
Export benchmark — $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(date -u +%Y-%m-%d)

| places | download | first byte (ms) | total (s) | size (MB) | app memory before (MB) | app peak memory (MB) |
|---:|---|---:|---:|---:|---:|---:|
${rows_table}
TABLE
pg_cluster_stop bench
