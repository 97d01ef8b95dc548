#!/usr/bin/env bash
# Assembles the npm package precis-wasm and packs it:
#   npm/ (package.json, index.js, the typings, README.md)
#   + www/pkg/ (wasm-bindgen's --target web output of the release build, with wasm-opt)
#   + www/analyser.js, worker.js (the worker bridge), widget.js, widget.css (the element)
# into dist/npm/, then `npm pack` writes dist/precis-wasm-<version>.tgz (the version is the
# crate's, from Cargo.toml) and this prints what the tarball holds.
#   scripts/package.sh [--no-build]      --no-build: use www/pkg as it is
set -euo pipefail
cd "$(dirname "$0")/.."

build=1
[ "${1:-}" = --no-build ] && build=0
[ "$build" = 1 ] && ./scripts/build.sh --no-setup --if-stale >&2

version=$(awk -F'"' '/^version = / { print $2; exit }' Cargo.toml)
out=dist/npm
rm -rf "$out"
mkdir -p "$out/pkg"
cp npm/index.js npm/index.d.ts npm/widget.d.ts npm/README.md "$out/"
cp www/analyser.js www/worker.js www/widget.js www/widget.css "$out/"
cp www/pkg/precis.js www/pkg/precis.d.ts www/pkg/precis_bg.wasm www/pkg/precis_bg.wasm.d.ts "$out/pkg/"
VERSION="$version" node -e '
  const fs = require("fs");
  const file = process.argv[1];
  const pkg = JSON.parse(fs.readFileSync("npm/package.json", "utf8"));
  pkg.version = process.env.VERSION;
  fs.writeFileSync(file, JSON.stringify(pkg, null, 2) + "\n");
  for (const f of pkg.files) if (!fs.existsSync(require("path").join("dist/npm", f))) {
    console.error("package: " + f + " is listed in files but missing"); process.exit(1);
  }' "$out/package.json"

rm -f "dist/precis-wasm-$version.tgz"
tarball=$(cd "$out" && npm pack --ignore-scripts --silent --pack-destination ..)
echo "package: dist/$tarball ($(stat -c %s "dist/$tarball") bytes)" >&2
tar -tzvf "dist/$tarball" | awk '{ printf "  %9s  %s\n", $3, $6 }' >&2
echo "dist/$tarball"
