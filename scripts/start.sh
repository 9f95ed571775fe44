#!/usr/bin/env bash
# Starts the portal on http://127.0.0.1:5080 (OPENFABRIQUES_URL to change it).
# By default it creates or reuses a private PostGIS cluster inside the checkout (port 55432, or
# OPENFABRIQUES_PG_PORT); with ConnectionStrings__OpenFabriques set, it uses that server and creates nothing.
# The portal applies its migrations and loads the reference data and the default dataset into an empty database.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

URL=${OPENFABRIQUES_URL:-http://127.0.0.1:5080}
ensure_dotnet
if [ -z "${ConnectionStrings__OpenFabriques:-}" ]; then
  ensure_postgis
  port=$(pg_cluster_start portal "${OPENFABRIQUES_PG_PORT:-55432}")
  pg_ensure_database "$port" openfabriques
  export ConnectionStrings__OpenFabriques="Host=127.0.0.1;Port=$port;Database=openfabriques;Username=postgres"
fi

# Absolute links (OGC, receipts, embed snippets) name the address served, whatever Host header a client sends.
export OpenFabriques__PublicUrl=${OpenFabriques__PublicUrl:-$URL}

say "Building"
build_portal
say "OpenFabriques: $URL"
cd "$ROOT/src/Web"
exec dotnet run -c Release --no-build --no-launch-profile --project OpenFabriques.Web.csproj -- --urls "$URL"
