#!/usr/bin/env bash
# Refreshes static/vendor/ and tests/browser/vendor/ from the npm registry (versions pinned in package.json).
# The copied files are committed, so running the site needs neither npm nor the network.
set -euo pipefail
cd "$(dirname "$0")/.."

npm install --no-save --no-audit --no-fund --ignore-scripts >/dev/null
rm -rf static/vendor/leaflet
mkdir -p static/vendor/leaflet
cp node_modules/leaflet/dist/leaflet.js node_modules/leaflet/dist/leaflet.css static/vendor/leaflet/
# Leaflet does not ship the source map it names; the dangling reference would break collectstatic.
sed -i '/sourceMappingURL/d' static/vendor/leaflet/leaflet.js
cp -r node_modules/leaflet/dist/images static/vendor/leaflet/
cp node_modules/leaflet/LICENSE static/vendor/leaflet/LICENSE
echo "leaflet $(node -p "require('./node_modules/leaflet/package.json').version")" > static/vendor/leaflet/VERSION

rm -rf tests/browser/vendor/axe-core
mkdir -p tests/browser/vendor/axe-core
cp node_modules/axe-core/axe.min.js node_modules/axe-core/LICENSE node_modules/axe-core/LICENSE-3RD-PARTY.txt \
    tests/browser/vendor/axe-core/
echo "axe-core $(node -p "require('./node_modules/axe-core/package.json').version")" > tests/browser/vendor/axe-core/VERSION
