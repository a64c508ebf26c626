// Measures how fast a tap repaints, on a phone-sized screen with the CPU slowed 4× (Chrome
// DevTools throttling), in real headless Chromium against the release build in dist/.
//
// It taps regions of the body map (opening the editor sheet, or first the "Which one did you
// mean?" chooser when a finger tap touched a neighbour), a severity in the sheet, and "Done",
// four rounds of five areas, and reads the browser's own Event Timing entries: for each tap, the
// time from the input to the next frame painted after the app's handlers ran. It prints, for
// each kind of tap and for all of them, the median and the slowest, and the p90 and p98 of all
// (the browser reports only taps slower than 16 ms; the others count as 16). Budget: 50 ms at
// p98.
// Taps come 600 ms apart, as a person's do, so each one meets an idle page (the save that
// follows a change runs 300 ms after it).
// Usage: node scripts/measure/tap-latency.mjs [--dir dist] [--port 8191] [--rate 4] [--hold 80] [--all]
// (--all also prints every reported tap in order: which event, on what, how long.)
import { join } from 'node:path';
import { arg, chromium, phone, root, serve } from './lib.mjs';

const dir = arg('--dir', join(root, 'dist'));
const port = Number(arg('--port', '8191'));
const rate = Number(arg('--rate', '4'));
const hold = Number(arg('--hold', '80'));
const server = await serve(dir, port);
const browser = await chromium();
try {
  const context = await phone(browser);
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__taps = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.interactionId) {
          const t = e.target;
          const what = t ? (t.getAttribute?.('aria-label') || t.textContent || t.tagName).trim().slice(0, 28) : '';
          window.__taps.push({ name: e.name, id: e.interactionId, ms: e.duration, what });
        }
      }
    }).observe({ type: 'event', durationThreshold: 16, buffered: true });
  });
  await page.goto(`http://127.0.0.1:${port}/`);
  const regions = page.locator('svg.figure g[role=button]');
  await regions.first().waitFor();
  await page.waitForLoadState('networkidle'); // the lazily loaded parts are in
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });

  // A tap where a finger would land: the middle of the element, found (and scrolled into view)
  // first, then a pause, so the page is idle when the tap comes (Playwright's own locator.tap()
  // checks the element inside the page right before tapping, work a person's tap never meets).
  // The finger rests `--hold` ms before it lifts (a person's tap lasts about 80–120 ms;
  // `--hold 0` lifts at once, as Playwright's taps do).
  // Each tap's time: its interaction's slowest event (pointerdown, pointerup or click), read
  // from the entries that came in after it; 16 ms when the browser reported none (it reports
  // only interactions slower than 16 ms).
  const tapped = []; // [what, ms]
  const tapOn = async (loc, what) => {
    await loc.scrollIntoViewIfNeeded();
    const b = await loc.boundingBox();
    await page.waitForTimeout(150);
    const before = await page.evaluate(() => window.__taps.length);
    const at = { x: b.x + b.width / 2, y: b.y + b.height / 2 };
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [at] });
    if (hold > 0) await page.waitForTimeout(hold);
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    return async () => {
      const mine = await page.evaluate((n) => window.__taps.slice(n), before);
      tapped.push([what, Math.max(16, ...mine.map((e) => e.ms))]);
    };
  };
  const names = ['Front of thigh, your right', 'Front of thigh, your left', 'Shin', 'Front of hip, your right', 'Belly'];
  const sheet = page.getByRole('dialog');
  for (let round = 0; round < 4; round++) {
    for (const n of names) {
      const shape = page.locator(`svg.figure g[role=button][aria-label^="${n}"]`).first();
      if (!(await shape.count())) continue;
      let done = await tapOn(shape, round === 0 && tapped.length === 0 ? 'first opening' : 'open the sheet');
      await sheet.waitFor();
      await page.waitForTimeout(600);
      await done();
      // A finger tap that also touched a neighbour asks which area was meant: one more tap.
      const pick = sheet.locator('.pick-option').first();
      if (await pick.count()) {
        done = await tapOn(pick, 'pick the area');
        await page.waitForTimeout(600);
        await done();
      }
      done = await tapOn(sheet.getByRole('button', { name: /^2 / }), 'rate it');
      await page.waitForTimeout(600);
      await done();
      done = await tapOn(sheet.getByRole('button', { name: 'Done' }), 'close (Done)');
      await sheet.waitFor({ state: 'hidden' });
      await page.waitForTimeout(600);
      await done();
    }
  }
  const all = (await page.evaluate(() => window.__taps));
  if (process.argv.includes('--all')) {
    for (const e of all) console.log(`  #${e.id} ${e.name.padEnd(12)} ${String(Math.round(e.ms)).padStart(4)} ms  ${e.what}`);
  }
  const quantile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
  const fmt = (v) => (v <= 16 ? '≤16' : v.toFixed(0));
  const times = tapped.map(([, ms]) => ms).sort((a, b) => a - b);
  console.log(`CPU slowed ${rate}x, ${times.length} taps (the finger down ${hold} ms)`);
  for (const what of [...new Set(tapped.map(([w]) => w))]) {
    const mine = tapped.filter(([w]) => w === what).map(([, ms]) => ms).sort((a, b) => a - b);
    console.log(`  ${what.padEnd(16)} ${String(mine.length).padStart(3)} taps: median ${fmt(quantile(mine, 0.5))} ms, slowest ${fmt(mine[mine.length - 1])} ms`);
  }
  console.log(`tap to next paint: median ${fmt(quantile(times, 0.5))} ms, p90 ${fmt(quantile(times, 0.9))} ms, p98 ${fmt(quantile(times, 0.98))} ms, max ${fmt(times[times.length - 1])} ms (budget 50 ms at p98)`);
} finally {
  await browser.close();
  server.kill();
}
