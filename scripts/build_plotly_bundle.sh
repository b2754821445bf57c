#!/usr/bin/env bash
# Build ui/assets/vendor/plotly-playground-<version>.min.js: Plotly.js with only the trace types the playground draws.
#
# Why: the full Plotly.js (4.8 MB, inside the plotly Python package) takes ~1.8 s to load and evaluate in chromium on
# a 2-core box, on every first paint of a page with a chart; this bundle (1.4 MB) takes ~0.5 s (bench/NOTES.md).
# The version is the one plotly.py ships (`plotly.offline.get_plotlyjs_version()`), so the figures plotly.py writes
# are drawn by the Plotly.js they were written for; ui/charts.py uses the full bundle when the versions differ.
#
# Needs node ≥ 20 and npm (the npm registry). Usage: scripts/build_plotly_bundle.sh
# Traces: the ones the pages draw (tests/test_charts.py; the page fuzzer reports a figure with any other type, which
# ui/charts.py then draws with st.plotly_chart). No WebGL (scattergl): it adds ~0.26 MB and queues in the GPU process.
set -euo pipefail
TRACES=(bar heatmap contour image)  # scatter is in Plotly's core
here="$(cd "$(dirname "$0")/.." && pwd)"
version="$(python -c 'from plotly.offline import get_plotlyjs_version; print(get_plotlyjs_version())')"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
npm pack --silent "plotly.js@$version" >/dev/null
tar xzf "plotly.js-$version.tgz"
cd package
npm install --omit=dev --ignore-scripts --no-audit --no-fund --silent
esbuild_version="$(node -p "require('./package.json').devDependencies.esbuild")"
npm install --no-save --ignore-scripts --no-audit --no-fund --silent "esbuild@$esbuild_version" \
  esbuild-plugin-environment esbuild-plugin-glsl esbuild-plugin-inline-css stream-browserify
{
  echo "'use strict';"
  echo "var Plotly = require('./core');"
  echo "Plotly.register(["
  for trace in "${TRACES[@]}"; do echo "    require('./$trace'),"; done
  echo "]);"
  echo "module.exports = Plotly;"
} > lib/index-playground.js
out="$here/ui/assets/vendor/plotly-playground-$version.min.js"
# The same esbuild settings as plotly.js's own build (esbuild-config.js), minified.
node -e "
const esbuild = require('esbuild');
const { environmentPlugin } = require('esbuild-plugin-environment');
const { glsl } = require('esbuild-plugin-glsl');
const InlineCSSPlugin = require('esbuild-plugin-inline-css');
esbuild.build({
  entryPoints: ['./lib/index-playground.js'], outfile: process.argv[1], format: 'iife', globalName: 'Plotly',
  bundle: true, minify: true, target: 'es2016', logLevel: 'warning',
  plugins: [InlineCSSPlugin(), glsl({ minify: true }), environmentPlugin({ NODE_DEBUG: false })],
  alias: { regl: '@plotly/regl', stream: 'stream-browserify' },
  define: { global: 'window', 'define.amd': 'false' },
  banner: { js: '/*! plotly.js v$version (MIT, Plotly Technologies Inc.), partial bundle: scatter ${TRACES[*]}; built by scripts/build_plotly_bundle.sh */' },
}).catch(() => process.exit(1));
" "$out"
cp LICENSE "$here/ui/assets/vendor/PLOTLY-LICENSE"
echo "wrote $out ($(wc -c < "$out") bytes)"
