// FasciaMap against a vanilla body-map page, side by side, in one run (issue #16's benchmark).
//
// The reference is scripts/measure/reference/template.html with FasciaMap's own front figure
// pasted in (taken from a live render of the build), a sheet that opens on a tap and
// localStorage: one file, no framework, no service worker. Both are served by
// scripts/static-server.mjs with brotli and loaded in headless Chromium on a 390×844 touch phone
// (for a returning person: scripts/measure/lib.mjs stores the welcome as passed) with slow 4G
// (150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up) and the CPU slowed 4×, the
// two pages taking turns, `--rounds` times (default 7), each cold (a new browser context).
//
// For each load the page notes, in its own clock (ms after navigation started):
//   visible   the first frame with the figure laid out (and not before first contentful paint);
//   answers   the first frame with the editor sheet open after a tap on the front of the right
//             thigh. The script taps there every 50 ms from the moment the navigation commits,
//             as an impatient person would, so a tap that the page keeps and answers late counts
//             as late;
//   bytes     what crossed the network (transfer size) for requests started before "answers".
// A repeat visit does the same in a context that has loaded the page once and waited for its
// service worker (FasciaMap) or its HTTP cache (the reference, which has no service worker).
// It prints every round and the medians, and the ratio of the medians.
// Usage: node scripts/measure/side-by-side.mjs [--dir dist] [--rounds 7] [--port 8196] [--rate 4]
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { arg, chromium, phone, root, serve } from './lib.mjs';

const dir = arg('--dir', join(root, 'dist'));
const rounds = Number(arg('--rounds', '7'));
const port = Number(arg('--port', '8196'));
const rate = Number(arg('--rate', '4'));
const NET = { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 };
const TARGET = 'svg.figure g[role=button][aria-label^="Front of thigh, your right"]';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// Notes "visible" and "answers" in the page's own clock, each at the next animation frame after
// the DOM shows it (the frame that paints it).
const NOTE = () => {
  const m = (window.__m = {});
  const at = (key) => {
    if (m[key] !== undefined || m[`_${key}`]) return;
    m[`_${key}`] = true;
    requestAnimationFrame(() => { m[key] = performance.now(); });
  };
  const check = () => {
    const svg = document.querySelector('svg.figure');
    if (svg && svg.getBoundingClientRect().height > 100) at('visible');
    const sheet = document.querySelector('[role=dialog]');
    if (sheet && !sheet.hidden && sheet.getBoundingClientRect().height > 0) at('answers');
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['hidden', 'class', 'style', 'open'] });
};

const server = await serve(dir, port, true);
const browser = await chromium();
let refServer;
const newPhone = (sw) => phone(browser, { serviceWorkers: sw ? 'allow' : 'block' });

try {
  const app = `http://127.0.0.1:${port}/`;
  // The reference page, with the figure exactly as FasciaMap draws it.
  {
    const ctx = await newPhone(false);
    const page = await ctx.newPage();
    await page.goto(app);
    await page.locator(TARGET).first().waitFor();
    const figure = await page.locator('svg.figure').first().evaluate((svg) => svg.outerHTML);
    const refDir = mkdtempSync(join(tmpdir(), 'fasciamap-reference-'));
    const template = readFileSync(join(root, 'scripts/measure/reference/template.html'), 'utf8');
    writeFileSync(join(refDir, 'index.html'), template.replace('%%FIGURE%%', () => figure));
    await ctx.close();
    refServer = await serve(refDir, port + 1, true);
  }
  const ref = `http://127.0.0.1:${port + 1}/`;

  /** Where a person taps on this page: the middle of the right thigh, found on a warm load. */
  async function target(url) {
    const ctx = await newPhone(false);
    const page = await ctx.newPage();
    await page.goto(url);
    const box = await page.locator(TARGET).first().boundingBox();
    await ctx.close();
    if (!box) throw new Error(`no ${TARGET} on ${url}`);
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  }

  async function throttle(ctx, page) {
    const cdp = await ctx.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', NET);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  }

  /** One load of `url`, tapping at `at` until the sheet opens; `repeat` loads it once first. */
  async function load(url, at, repeat) {
    const ctx = await newPhone(repeat);
    try {
      if (repeat) {
        const first = await ctx.newPage();
        await first.goto(url);
        await first.locator(TARGET).first().waitFor();
        if (url === app) {
          await first.waitForFunction(async () => {
            const reg = await navigator.serviceWorker.getRegistration();
            return reg?.active?.state === 'activated' && !!navigator.serviceWorker.controller;
          }, null, { timeout: 30_000 });
          await first.waitForLoadState('networkidle');
        }
        await first.close();
      }
      const page = await ctx.newPage();
      await page.addInitScript(NOTE);
      await throttle(ctx, page);
      const started = Date.now();
      await page.goto(url, { waitUntil: 'commit' });
      for (;;) {
        const done = await page.evaluate(() => window.__m?.answers !== undefined).catch(() => false);
        if (done) break;
        if (Date.now() - started > 60_000) throw new Error(`${url}: no answer to a tap within 60 s`);
        await page.touchscreen.tap(at.x, at.y).catch(() => {});
        await sleep(50);
      }
      return await page.evaluate(() => {
        const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0;
        const { visible, answers } = window.__m;
        const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
        const bytes = entries.filter((e) => e.startTime <= answers).reduce((n, e) => n + (e.transferSize || 0), 0);
        return { visible: Math.max(visible, fcp), answers, bytes };
      });
    } finally {
      await ctx.close();
    }
  }

  const pages = { FasciaMap: { url: app }, reference: { url: ref } };
  for (const p of Object.values(pages)) {
    p.at = await target(p.url);
    p.cold = [];
    p.repeat = [];
  }
  console.log(`slow 4G (150 ms RTT, 1.6 Mbit/s down), CPU slowed ${rate}x, 390x844 touch, ${rounds} rounds interleaved`);
  for (let r = 1; r <= rounds; r++) {
    for (const [name, p] of Object.entries(pages)) {
      const cold = await load(p.url, p.at, false);
      const repeat = await load(p.url, p.at, true);
      p.cold.push(cold);
      p.repeat.push(repeat);
      console.log(`round ${r} ${name.padEnd(9)} cold: visible ${cold.visible.toFixed(0)} ms, answers ${cold.answers.toFixed(0)} ms, ${(cold.bytes / 1024).toFixed(1)} KiB; repeat: visible ${repeat.visible.toFixed(0)} ms, answers ${repeat.answers.toFixed(0)} ms`);
    }
  }
  const median = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  };
  const row = (label, f, unit = 's') => {
    const [a, b] = [median(f(pages.FasciaMap)), median(f(pages.reference))];
    const fmt = (v) => (unit === 's' ? `${(v / 1000).toFixed(2)} s` : `${(v / 1024).toFixed(1)} KiB`);
    console.log(`| ${label} | ${fmt(a)} | ${fmt(b)} | ${(a / b).toFixed(1)}× |`);
  };
  console.log('\nmedians:\n| | FasciaMap | vanilla reference | ratio |\n|---|---|---|---|');
  row('map visible, cold', (p) => p.cold.map((x) => x.visible));
  row('map answers a tap, cold', (p) => p.cold.map((x) => x.answers));
  row('gap between the two, cold', (p) => p.cold.map((x) => x.answers - x.visible));
  row('bytes before it answers, cold', (p) => p.cold.map((x) => x.bytes), 'KiB');
  row('map visible, repeat visit', (p) => p.repeat.map((x) => x.visible));
  row('map answers a tap, repeat visit', (p) => p.repeat.map((x) => x.answers));
} finally {
  await browser.close();
  server.kill();
  refServer?.kill();
}
