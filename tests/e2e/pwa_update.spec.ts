// Updates: a second version of the build makes a new service worker, which installs and
// waits. The app offers it ("a new version is ready") and never reloads by itself; the
// person's choice applies it, and all their data is still there afterwards.
import { test, expect, MapPage } from './fixtures';
import { Server, copyOfDist, ROOT } from './server';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';

test.use({ serviceWorkers: 'allow' });

async function controlled(page: Page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 20_000 });
}

/** Makes "version 2" of a build in place: a visible change to the page (hashed files keep
 *  their subresource-integrity hashes valid), then the same post-build step as a real build
 *  (CSP hash, new precache version and sw.js). */
function buildSecondVersion(dir: string) {
  const index = join(dir, 'index.html');
  const html = readFileSync(index, 'utf8');
  writeFileSync(index, html.replace('<title>', '<meta name=fasciamap-build content=two><title>'));
  execFileSync('node', [join(ROOT, 'scripts/build/post-build.mjs'), '--dir', dir, '--release']);
}

const buildMark = (page: Page) =>
  page.evaluate(() => document.querySelector('meta[name=fasciamap-build]')?.getAttribute('content') ?? '');

test('a new version is offered, never forced, and applying it keeps all data', async ({ map, page }) => {
  const build = copyOfDist();
  const server = await Server.start(build.dir);
  try {
    await page.goto(server.url);
    await controlled(page);
    const m = new MapPage(page);
    await m.tapRegion('Front of thigh', 'right');
    await m.setSeverity('strong');
    await m.closeEditor();
    await page.getByRole('button', { name: /^Low back pain/ }).tap();
    await expect.poll(() => page.evaluate(() => localStorage.getItem('fasciamap.doc'))).toContain('low_back_pain');
    const before = await page.evaluate(() => JSON.parse(localStorage.getItem('fasciamap.doc')!).data);
    const oldCaches = await page.evaluate(() => caches.keys());

    buildSecondVersion(build.dir);
    await page.reload();
    // Still version one (served from the cache) until the person chooses.
    expect(await buildMark(page)).toBe('');
    const banner = page.getByRole('status').filter({ hasText: 'A new version of FasciaMap is ready' });
    await expect(banner).toBeVisible({ timeout: 20_000 });

    // Nothing reloads by itself: a marker on the page survives, edits go on.
    await page.evaluate(() => { (window as any).__sameDocument = true; });
    await m.tapRegion('Front of thigh', 'left');
    await m.setSeverity('mild');
    await m.closeEditor();
    await page.waitForTimeout(2000);
    expect(await page.evaluate(() => (window as any).__sameDocument)).toBe(true);

    // "Later" hides the banner without updating.
    await banner.getByRole('button', { name: 'Later' }).tap();
    await expect(banner).toHaveCount(0);
    await page.reload();
    await expect(banner).toBeVisible();

    const dataBefore = await page.evaluate(() => JSON.parse(localStorage.getItem('fasciamap.doc')!).data);
    expect(dataBefore.map.marks).toHaveLength(2);
    await Promise.all([
      page.waitForEvent('load'),
      banner.getByRole('button', { name: 'Update now' }).tap(),
    ]);
    await expect(page.getByRole('heading', { name: 'FasciaMap', exact: true })).toBeVisible();
    await expect(page.locator('main')).toHaveAttribute('aria-busy', 'false');
    // Version two runs now, the old cache is gone, and nothing was lost.
    await expect.poll(() => buildMark(page)).toBe('two');
    const newCaches = await page.evaluate(() => caches.keys());
    expect(newCaches).toHaveLength(1);
    expect(newCaches[0]).not.toBe(oldCaches[0]);
    expect(await page.evaluate(() => JSON.parse(localStorage.getItem('fasciamap.doc')!).data)).toEqual(dataBefore);
    expect(dataBefore.map.symptoms).toEqual(before.map.symptoms);
    await expect(m.region('Front of thigh', 'right')).toHaveAttribute('aria-label', /strong/);
    await expect(m.region('Front of thigh', 'left')).toHaveAttribute('aria-label', /mild/);
    await expect(page.getByText('A new version of FasciaMap is ready')).toHaveCount(0);
  } finally {
    await server.stop();
    build.remove();
  }
});
