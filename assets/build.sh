#!/usr/bin/env bash
# Rebuilds assets/vendor/ from the npm packages pinned in package-lock.json.
# Only needed to update them: the bundled files are committed, and the Rust
# build includes them as they are (no Node needed to build unkg).
set -euo pipefail
cd "$(dirname "$0")"
npm ci --no-audit --no-fund
npx esbuild editor-entry.js --bundle --minify --format=iife --legal-comments=none --outfile=vendor/codemirror.js
cp node_modules/cytoscape/dist/cytoscape.min.js vendor/cytoscape.min.js
# The licences of what was bundled, for the README and for redistribution.
{
  for p in codemirror @codemirror/view @codemirror/state @codemirror/language @codemirror/legacy-modes \
           @codemirror/commands @codemirror/search @codemirror/autocomplete @codemirror/lint \
           @lezer/common @lezer/highlight @lezer/lr crelt style-mod w3c-keyname @marijn/find-cluster-break cytoscape; do
    [ -f "node_modules/$p/package.json" ] || continue
    node -e "const p=require('./node_modules/$p/package.json');console.log(p.name+' '+p.version+' '+p.license)"
  done
} > vendor/LICENSES.txt
for p in codemirror cytoscape; do
  echo "---- $p" >> vendor/LICENSES.txt
  cat "node_modules/$p/LICENSE"* >> vendor/LICENSES.txt
done
echo "vendor/: $(ls vendor | tr '\n' ' ')"
