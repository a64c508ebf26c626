// Measures the first load in real headless Chromium: serves dist/ with brotli, opens the app on
// a phone-sized screen with an empty cache, and adds up the bytes that crossed the network
//   - until the body map is on screen and can be tapped (the first-load budget), and
//   - in total once the browser is idle (the lazily loaded parts it fetches ahead of need).
// Usage: node scripts/first-load.mjs [--dir dist] [--port 8190]
import { join } from 'node:path';
import { arg, chromium, phone, root, serve } from './lib/measure.mjs';

const dir = arg('--dir', join(root, 'dist'));
const port = Number(arg('--port', '8190'));
const server = await serve(dir, port, true);
const browser = await chromium();
try {
  const context = await phone(browser);
  const page = await context.newPage();
  const seen = [];
  page.on('requestfinished', async (req) => {
    const sizes = await req.sizes().catch(() => null);
    if (sizes) seen.push({ url: req.url(), at: Date.now(), bytes: sizes.responseBodySize + sizes.responseHeadersSize });
  });
  const t0 = Date.now();
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.locator('svg.figure g[role=button]').first().waitFor();
  const ready = Date.now();
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(1500);
  const sum = (list) => list.reduce((n, r) => n + r.bytes, 0);
  const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
  const first = seen.filter((r) => r.at <= ready);
  const later = seen.filter((r) => r.at > ready);
  for (const r of seen) {
    console.log(`${r.at <= ready ? 'first' : 'later'}  ${kib(r.bytes).padStart(10)}  ${new URL(r.url).pathname}`);
  }
  console.log(`map usable after ${ready - t0} ms (local server, no throttling)`);
  console.log(`first load (until the map can be tapped): ${kib(sum(first))} over the network, brotli (budget 100, aim 70)`);
  console.log(`fetched ahead of need once idle:          ${kib(sum(later))}`);
} finally {
  await browser.close();
  server.kill();
}
