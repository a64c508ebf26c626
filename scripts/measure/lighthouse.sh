#!/usr/bin/env bash
# Lighthouse (mobile, simulated slow 4G and CPU) on the release build served with brotli, in
# Debian's Chromium. Prints performance, accessibility and best-practices scores, LCP and the
# total transfer. Lighthouse is installed on first use into .tools/lighthouse (npm registry).
# Usage: scripts/measure/lighthouse.sh [--no-build] [--base /fasciamap/]
set -euo pipefail
cd "$(dirname "$0")/../.."
LH_VERSION=13.5.0
PORT="${PORT:-8212}"
build=1; base="/"
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) build=0 ;;
    --base) base="$2"; shift ;;
  esac
  shift
done
if [ "$build" = 1 ]; then
  scripts/setup.sh >/dev/null
  . scripts/build/env.sh
  trunk build --release >/dev/null 2>&1
fi
lh=.tools/lighthouse/node_modules/.bin/lighthouse
if [ ! -x "$lh" ] || [ "$("$lh" --version)" != "$LH_VERSION" ]; then
  mkdir -p .tools/lighthouse
  [ -f .tools/lighthouse/package.json ] || echo '{"private":true}' > .tools/lighthouse/package.json
  (cd .tools/lighthouse && npm install --no-audit --no-fund --loglevel=error "lighthouse@$LH_VERSION")
fi
out=$(mktemp -d)
node scripts/static-server.mjs --dir dist --port "$PORT" --base "$base" --compress >"$out/server.log" &
server=$!
trap 'kill $server 2>/dev/null' EXIT
# The server compresses every file before it listens (as a static host does ahead of time).
for _ in $(seq 1 300); do grep -q "served at" "$out/server.log" 2>/dev/null && break; sleep 0.1; done
CHROME_PATH=/usr/bin/chromium "$lh" "http://127.0.0.1:$PORT$base" \
  --quiet --output=json --output-path="$out/report.json" \
  --only-categories=performance,accessibility,best-practices \
  --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --no-first-run --disable-sync"
node -e '
const r = require(process.argv[1]);
const s = (k) => Math.round(r.categories[k].score * 100);
const a = r.audits;
console.log(`Lighthouse ${r.lighthouseVersion} (${r.configSettings.formFactor}) on ${r.finalDisplayedUrl}`);
console.log(`performance     ${s("performance")}`);
console.log(`accessibility   ${s("accessibility")}`);
console.log(`best practices  ${s("best-practices")}`);
console.log(`LCP             ${a["largest-contentful-paint"].displayValue}`);
console.log(`FCP             ${a["first-contentful-paint"].displayValue}`);
console.log(`TBT             ${a["total-blocking-time"].displayValue}`);
console.log(`CLS             ${a["cumulative-layout-shift"].displayValue}`);
console.log(`total transfer  ${(a["total-byte-weight"].numericValue / 1024).toFixed(1)} KiB`);
for (const cat of ["performance", "accessibility", "best-practices"])
  for (const ref of r.categories[cat].auditRefs) {
    const au = a[ref.id];
    if (ref.weight > 0 && au.score !== null && au.score < 1) console.log(`  ${cat}: ${au.id} ${au.score} ${au.displayValue || ""}`);
  }
' "$out/report.json"
echo "full report: $out/report.json"
