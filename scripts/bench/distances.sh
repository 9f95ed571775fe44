#!/usr/bin/env bash
# Distance coverage benchmark (issue: after an import that changes ten places, under 1 s; a full computation
# ≤ 10 s per 100,000 places and ≤ 60 s for 1,000,000).
#   scripts/bench/distances.sh [ROWS_SMALL=100000] [ROWS_LARGE=1000000]
# For each size, on a database holding that many generated places: the full computation (`distances --complet`),
# then the import of ten of those places moved by about 1 km, then of ten new places, each followed by the amended
# computation the import runs. Times are those the commands report. Prints a Markdown table.
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
source "$(dirname "$0")/common.sh"

small=${1:-100000}
large=${2:-1000000}
apt_install python3
bench_start
export DOTNET_gcServer=0

seconds() { sed -n "s/.*$1.* en \([0-9,]*\) s.*/\1/p" | tr , . | tail -1; }

measure() { # measure ROWS -> "full moved added answers_moved answers_added"
  local rows=$1 db="bench_$1" file cs full moved added
  bench_load "$rows" "$db"
  file=$(bench_generate "$rows")
  cs="Host=127.0.0.1;Port=$port;Database=$db;Username=postgres"
  full=$(ConnectionStrings__OpenFabriques="$cs" dotnet "$dll" distances --complet | seconds "distances recalculées pour")
  # Ten stored places moved by about 1 km north-east (the same ids), then ten places of their own (new ids).
  python3 - "$file" "$work/dix-deplaces.csv" "$work/dix-nouveaux.csv" <<'PY'
import csv, sys
src, moved, added = sys.argv[1:4]
with open(src, newline='', encoding='utf-8') as f:
    r = csv.DictReader(f)
    rows = [row for _, row in zip(range(10), r)]
    fields = r.fieldnames
for path, shift, suffix in ((moved, 0.01, ''), (added, -0.02, '-nouveau')):
    with open(path, 'w', newline='', encoding='utf-8') as f:
        w = csv.DictWriter(f, fieldnames=fields, lineterminator='\r\n')
        w.writeheader()
        for row in rows:
            row = dict(row)
            row['id'] = ''
            row['source_id'] += suffix
            row['longitude'] = repr(float(row['longitude']) + shift)
            row['latitude'] = repr(float(row['latitude']) + shift)
            w.writerow(row)
PY
  local report
  report=$(ConnectionStrings__OpenFabriques="$cs" dotnet "$dll" import --format openfabriques "$work/dix-deplaces.csv")
  moved=$(seconds "distances aux lieux recalculées autour" <<<"$report")
  local answers_moved; answers_moved=$(sed -n 's/.*(\([0-9  ]*\) réponses.*/\1/p' <<<"$report" | tr -d '  ')
  report=$(ConnectionStrings__OpenFabriques="$cs" dotnet "$dll" import --format openfabriques "$work/dix-nouveaux.csv")
  added=$(seconds "distances aux lieux recalculées autour" <<<"$report")
  local answers_added; answers_added=$(sed -n 's/.*(\([0-9  ]*\) réponses.*/\1/p' <<<"$report" | tr -d '  ')
  # The database now holds ten places more than the file: the next run loads it again.
  echo "${full:-?} ${moved:-?} ${added:-?} ${answers_moved:-?} ${answers_added:-?}"
}

read -r f_small m_small a_small rm_small ra_small < <(measure "$small")
read -r f_large m_large a_large rm_large ra_large < <(measure "$large")
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.0f", a / b; else print "?" }'; }
cat <<TABLE
Distance coverage benchmark — $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(date -u +%Y-%m-%d)

| places | full computation (s) | 10 places moved: amended (s) | answers reviewed | 10 places added: amended (s) | answers reviewed | full / amended |
|---:|---:|---:|---:|---:|---:|---:|
| $small | $f_small | $m_small | $rm_small | $a_small | $ra_small | $(ratio "$f_small" "$m_small") |
| $large | $f_large | $m_large | $rm_large | $a_large | $ra_large | $(ratio "$f_large" "$m_large") |
TABLE
pg_cluster_stop bench
