#!/usr/bin/env bash
# Merging benchmark (issue: importing 100,000 synthetic places of which half duplicate — moved by up to 50 m, names
# varied — 100,000 already stored ones: under 20 s, memory flat, precision and recall of the matching ≥ 0.98 against
# the generator's truth).
#   scripts/bench/fusion.sh [ROWS=100000]
# Stores ROWS generated places (seed 2026), then imports, timed, a second file of another source: one duplicate of
# every other stored place (scripts/bench/doublons.py) and as many places of their own (seed 7). Measures the whole
# command (time, peak memory) and the time to the commit of the places, then counts, from the database, the
# duplicates joined to their original (true positives), the records joined to any other place (false positives)
# and the duplicates left apart (false negatives). Prints a Markdown table.
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
source "$(dirname "$0")/common.sh"

rows=${1:-100000}
apt_install time python3
bench_start
export DOTNET_gcServer=0

base=$(bench_generate "$rows")
nouvelles="$work/synthetique-$rows-graine7.csv"
[ -s "$nouvelles" ] || dotnet "$dll" generate --count "$rows" --seed 7 --out "$nouvelles" >&2
second="$work/doublons-$rows.csv"
python3 "$(dirname "$0")/doublons.py" "$base" "$nouvelles" "$second"

db="bench_fusion_$rows"
"$PG_BIN/dropdb" -h 127.0.0.1 -p "$port" -U postgres --if-exists "$db"
"$PG_BIN/createdb" -h 127.0.0.1 -p "$port" -U postgres "$db"
cs="Host=127.0.0.1;Port=$port;Database=$db;Username=postgres"
ConnectionStrings__OpenFabriques="$cs" dotnet "$dll" import --format openfabriques "$base" >/dev/null 2>&1
psql_b -d "$db" -qc "VACUUM ANALYZE"
ConnectionStrings__OpenFabriques="$cs" /usr/bin/time -f "%e %M" -o "$work/fusion-time" \
  dotnet "$dll" import --format openfabriques "$second" >"$work/fusion-report" 2>/dev/null
read -r seconds kb < "$work/fusion-time"
grep -q "ajoutés" "$work/fusion-report" || { cat "$work/fusion-report" >&2; die "the import failed"; }
commit=$(sed -n 's/.*enregistré en \([0-9,]*\) s.*/\1/p' "$work/fusion-report" | tr , .)

read -r duplicates tp fp < <(psql_b -d "$db" -qtA -F ' ' -c "
  SELECT count(*) FILTER (WHERE b.source_id LIKE 'dup-%'),
         count(*) FILTER (WHERE b.source_id LIKE 'dup-%' AND a.lieu_id = b.lieu_id),
         count(*) FILTER (WHERE EXISTS (SELECT 1 FROM fiches o WHERE o.lieu_id = b.lieu_id AND o.id <> b.id)
                            AND (a.id IS NULL OR a.lieu_id <> b.lieu_id))
  FROM fiches b
  LEFT JOIN fiches a ON a.source = 'synthetique' AND 'dup-' || a.source_id = b.source_id
  WHERE b.source = 'synthetique-b'")
places=$(psql_b -d "$db" -qtAc "SELECT count(*) FROM lieux")
precision=$(awk -v tp="$tp" -v fp="$fp" 'BEGIN { printf "%.4f", tp / (tp + fp) }')
recall=$(awk -v tp="$tp" -v d="$duplicates" 'BEGIN { printf "%.4f", tp / d }')
cat <<TABLE
Merging benchmark — $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(date -u +%Y-%m-%d)

| stored | imported (of which duplicates) | import command (s) | until the commit (s) | peak memory (MB) | places after | true matches | false matches | precision | recall |
|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|
| $rows | $rows ($duplicates) | $seconds | $commit | $((kb / 1024)) | $places | $tp | $fp | $precision | $recall |
TABLE
pg_cluster_stop bench
