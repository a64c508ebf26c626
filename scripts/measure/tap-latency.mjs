// Measures how fast a tap repaints, on a phone-sized screen with the CPU slowed 4× (Chrome
// DevTools throttling), in real headless Chromium against the release build in dist/.
//
// It taps regions of the body map (opening the editor sheet), a severity in the sheet, and
// "Done", ten times over, and reads the browser's own Event Timing entries: for each tap, the
// time from the input to the next frame painted after the app's handlers ran. Budget: 50 ms.
// Taps come 600 ms apart, as a person's do, so each one meets an idle page (the save that
// follows a change runs 300 ms after it).
// Usage: node scripts/measure/tap-latency.mjs [--dir dist] [--port 8191] [--rate 4]
import { join } from 'node:path';
import { arg, chromium, phone, root, serve } from './lib.mjs';

const dir = arg('--dir', join(root, 'dist'));
const port = Number(arg('--port', '8191'));
const rate = Number(arg('--rate', '4'));
const server = await serve(dir, port);
const browser = await chromium();
try {
  const context = await phone(browser);
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__taps = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.interactionId) window.__taps.push({ name: e.name, id: e.interactionId, ms: e.duration });
      }
    }).observe({ type: 'event', durationThreshold: 16, buffered: true });
  });
  await page.goto(`http://127.0.0.1:${port}/`);
  const regions = page.locator('svg.figure g[role=button]');
  await regions.first().waitFor();
  await page.waitForLoadState('networkidle'); // the lazily loaded parts are in
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });

  const names = ['Front of thigh, your right', 'Front of thigh, your left', 'Shin', 'Front of hip, your right', 'Belly'];
  const sheet = page.getByRole('dialog');
  let taps = 0;
  for (let round = 0; round < 2; round++) {
    for (const n of names) {
      const shape = page.locator(`svg.figure g[role=button][aria-label^="${n}"]`).first();
      if (!(await shape.count())) continue;
      await shape.tap();
      await sheet.waitFor();
      await page.waitForTimeout(600);
      await sheet.getByRole('button', { name: /^2 / }).tap();
      await page.waitForTimeout(600);
      await sheet.getByRole('button', { name: 'Done' }).tap();
      await sheet.waitFor({ state: 'hidden' });
      await page.waitForTimeout(600);
      taps += 3;
    }
  }
  await page.waitForTimeout(500);
  const entries = await page.evaluate(() => window.__taps);
  // One interaction (pointerdown/up/click) counts once, by its slowest event.
  const byId = new Map();
  for (const e of entries) byId.set(e.id, Math.max(byId.get(e.id) || 0, e.ms));
  const times = [...byId.values()].sort((a, b) => a - b);
  const q = (p) => times.length ? times[Math.min(times.length - 1, Math.floor(p * times.length))] : 0;
  console.log(`CPU slowed ${rate}x, ${taps} taps; interactions slower than 16 ms reported by the browser: ${times.length}`);
  if (times.length) {
    console.log(`tap to next paint: median ${q(0.5).toFixed(0)} ms, p90 ${q(0.9).toFixed(0)} ms, max ${times[times.length - 1].toFixed(0)} ms (budget 50 ms)`);
  } else {
    console.log('every tap repainted within 16 ms (budget 50 ms)');
  }
} finally {
  await browser.close();
  server.kill();
}
