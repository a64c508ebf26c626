// Measures the first load in real headless Chromium: serves dist/ with brotli, opens the app on
// a phone-sized screen with an empty cache, and adds up the bytes that crossed the network
//   - requested before the body map is on screen and can be tapped (the first-load budget), and
//   - requested after that, until the browser is idle (the rest of storage, the second
//     stylesheet, and the lazily loaded parts it fetches ahead of need).
// Usage: node scripts/measure/first-load.mjs [--dir dist] [--port 8190]
import { join } from 'node:path';
import { arg, chromium, phone, root, serve } from './lib.mjs';

const dir = arg('--dir', join(root, 'dist'));
const port = Number(arg('--port', '8190'));
const server = await serve(dir, port, true);
const browser = await chromium();
try {
  const context = await phone(browser);
  const page = await context.newPage();
  // The moment the body map is drawn and tappable, noted by the page itself.
  await page.addInitScript(() => {
    new MutationObserver((_, obs) => {
      if (document.querySelector('svg.figure g[role=button]')) {
        window.__mapAt = performance.now();
        obs.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  const t0 = Date.now();
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.locator('svg.figure g[role=button]').first().waitFor();
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(1500);
  // Resource Timing: what each request cost over the network (headers included) and when it
  // started. The first load is everything requested before the map was drawn; what the app asks
  // for after that (the rest of storage, the second stylesheet, parts fetched when idle) is later.
  const { mapAt, entries } = await page.evaluate(() => ({
    mapAt: window.__mapAt,
    entries: [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
      .map((e) => ({ url: e.name, start: e.startTime, bytes: e.transferSize })),
  }));
  const sum = (list) => list.reduce((n, r) => n + r.bytes, 0);
  const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
  const first = entries.filter((r) => r.start <= mapAt);
  const later = entries.filter((r) => r.start > mapAt);
  for (const r of entries) {
    console.log(`${r.start <= mapAt ? 'first' : 'later'}  ${kib(r.bytes).padStart(10)}  ${new URL(r.url).pathname}`);
  }
  console.log(`map drawn ${mapAt.toFixed(0)} ms after navigation started (local server, no throttling; ${Date.now() - t0} ms for the whole run)`);
  console.log(`first load (requested before the map was drawn): ${kib(sum(first))} over the network, brotli (budget 100, aim 70)`);
  console.log(`requested after it (storage, styles, idle prefetch): ${kib(sum(later))}`);
} finally {
  await browser.close();
  server.kill();
}
