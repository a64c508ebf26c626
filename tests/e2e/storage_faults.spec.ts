// Storage that is damaged, blocked or full never crashes the page, never loses the raw text,
// and is explained in a banner.
import { test, expect, MapPage } from './fixtures';

test('damaged saved data is kept aside, the page opens and says so', async ({ map, page }) => {
  const damaged = '{"fmt":"fasciamap","v":1,"rev":3,"data":{"map":{"marks":[{"region":"calf","side":"le';
  await page.addInitScript((raw) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('fasciamap.doc', raw);
      sessionStorage.setItem('seeded', '1');
    }
  }, damaged);
  await map.open();
  await expect(page.getByRole('alert')).toContainText('Saved data could not be read');
  const kept = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('fasciamap.quarantine.'))
    .map((k) => localStorage.getItem(k)));
  expect(kept).toEqual([damaged]);
  // The person can download the untouched copy.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download the copy' }).tap(),
  ]);
  const path = await download.path();
  expect(require('node:fs').readFileSync(path, 'utf8')).toBe(damaged);
  // The app still works and saves new marks.
  await map.tapRegion('Front of thigh', 'right');
  await map.setSeverity('moderate');
  await map.closeEditor();
  await page.reload();
  await expect(map.region('Front of thigh', 'right')).toHaveAttribute('aria-label', /moderate/);
  const stillKept = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('fasciamap.quarantine.')).length);
  expect(stillKept).toBe(1);
});

test('a foreign or newer document is never overwritten', async ({ map, page }) => {
  const newer = JSON.stringify({ fmt: 'fasciamap', v: 99, rev: 5, data: { future: true } });
  await page.addInitScript((raw) => { if (!sessionStorage.getItem('s')) { localStorage.setItem('fasciamap.doc', raw); sessionStorage.setItem('s', '1'); } }, newer);
  await map.open();
  await expect(page.getByRole('alert')).toContainText('newer version');
  await map.tapRegion('Front of thigh', 'right');
  await map.setSeverity('moderate');
  await map.closeEditor();
  expect(await page.evaluate(() => localStorage.getItem('fasciamap.doc'))).toBe(newer);
});

test('blocked storage: the map still works in memory and the banner says nothing is saved', async ({ map, page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('Access is denied', 'SecurityError'); } });
  });
  await map.open();
  await expect(page.getByRole('alert')).toContainText('Not saving');
  await map.tapRegion('Front of thigh', 'right');
  await map.setSeverity('strong');
  await map.closeEditor();
  await expect(map.region('Front of thigh', 'right')).toHaveAttribute('aria-label', /strong/);
});

test('full storage: the change stays on screen and the banner says it was not saved', async ({ map, page }) => {
  await page.addInitScript(() => {
    const orig = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k: string, v: string) {
      if ((window as any).__full) throw new DOMException('quota', 'QuotaExceededError');
      return orig.call(this, k, v);
    };
  });
  await map.open();
  await map.tapRegion('Front of thigh', 'right');
  await map.setSeverity('mild');
  // Saves are debounced: wait for this one to be written before storage fills up.
  await expect.poll(() => page.evaluate(() => JSON.parse(localStorage.getItem('fasciamap.doc') || '{}').data?.map?.marks?.length ?? 0)).toBe(1);
  await page.evaluate(() => { (window as any).__full = true; });
  await map.setSeverity('strong');
  await expect(page.getByRole('alert')).toContainText('storage is full');
  await map.closeEditor();
  await expect(map.region('Front of thigh', 'right')).toHaveAttribute('aria-label', /strong/);
  // What was saved before is still there, untouched.
  const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('fasciamap.doc')!));
  expect(saved.data.map.marks[0].severity).toBe(1);
});

test('two tabs: an edit in one shows up in the other and both survive', async ({ map, page, context }) => {
  await map.open();
  await map.tapRegion('Front of thigh', 'right');
  await map.setSeverity('moderate');
  await map.closeEditor();
  const other = await context.newPage();
  await other.goto('./');
  await other.locator('svg.figure g[aria-label^="Front of thigh, your left:"]').tap();
  await new MapPage(other).pickIfAsked('Front of thigh, your left');
  await other.getByRole('dialog').getByRole('button', { name: /^3 strong$/ }).tap();
  await other.getByRole('dialog').getByRole('button', { name: 'Done' }).tap();
  // The first tab follows the write of the second (storage event), then edits again.
  await expect(map.region('Front of thigh', 'left')).toHaveAttribute('aria-label', /strong/);
  await map.region('Calf', 'left').or(map.region('Shin muscle', 'left')).first().tap();
  await map.pickIfAsked();
  await map.setSeverity('mild');
  await map.closeEditor();
  await other.reload();
  await expect(other.locator('svg.figure g[aria-label^="Front of thigh, your right:"]')).toHaveAttribute('aria-label', /moderate/);
  await expect(other.locator('svg.figure g[aria-label^="Front of thigh, your left:"]')).toHaveAttribute('aria-label', /strong/);
});
