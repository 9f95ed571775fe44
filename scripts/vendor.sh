#!/usr/bin/env bash
# Refreshes the vendored front-end libraries listed in libman.json (name@version, files, destination)
# from the npm registry. The files are committed: building and running the portal needs no npm.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
node -e '
const m = require(process.argv[1]);
for (const l of m.libraries) for (const f of l.files) console.log([l.library, f, l.destination].join("\t"));
' "$root/libman.json" | while IFS=$'\t' read -r lib file dest; do
  dir="$work/${lib//[@\/]/_}"
  if [ ! -d "$dir" ]; then
    mkdir -p "$dir"
    (cd "$work" && npm pack --silent "$lib" >"$dir.tgz.name" 2>/dev/null)
    tar xzf "$work/$(cat "$dir.tgz.name")" -C "$dir"
  fi
  mkdir -p "$root/$dest$(dirname "$file")"
  cp "$dir/package/$file" "$root/$dest$file"
  echo "$lib $file -> $dest$file"
done
