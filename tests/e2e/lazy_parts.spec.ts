// The list, the editor sheet and the symptoms come as a lazily loaded part of the app. Losing
// the connection before that part arrives must give a plain message and a retry, never a crash.
import { test, expect, MapPage } from './fixtures';

test('a lazy part that cannot be fetched shows a retry, and works once the network is back', async ({ page, foreignRequests }) => {
  // Console errors about the refused download are expected here; uncaught errors are not.
  const crashes: string[] = [];
  page.on('pageerror', (e) => crashes.push(e.message));
  const map = new MapPage(page);
  let blocked = true;
  let refused = 0;
  await page.route(/\/(split_|chunk-)[^/]*\.wasm$/, (route) => {
    if (blocked) {
      refused += 1;
      return route.abort('internetdisconnected');
    }
    return route.continue();
  });
  await page.goto('./');
  // The map itself is in the first download and can be tapped.
  await expect(map.region('Front of thigh', 'right')).toBeVisible();
  // Storage opens with the first lazily loaded part: until then the app says it is busy.
  await expect(page.locator('main')).toHaveAttribute('aria-busy', 'true');

  await page.getByRole('button', { name: 'List' }).tap();
  const alert = page.getByRole('alert').filter({ hasText: 'could not be loaded' });
  await expect(alert).toBeVisible();
  expect(refused).toBeGreaterThan(0);

  blocked = false;
  await alert.getByRole('button', { name: 'Try again' }).tap();
  await expect(page.getByRole('table')).toBeVisible();
  await expect(alert).toHaveCount(0);
  await expect(page.locator('main')).toHaveAttribute('aria-busy', 'false');

  // The editor sheet comes from the same part and now opens at once from the list.
  await page.getByRole('button', { name: /Front of thigh, your right/ }).first().tap();
  await expect(page.getByRole('dialog')).toBeVisible();
  expect(crashes).toEqual([]);
  void foreignRequests;
});

test('the lazy parts are fetched once the map is idle, before anyone needs them', async ({ map, page }) => {
  const fetched: string[] = [];
  page.on('requestfinished', (r) => {
    if (/(split_|chunk-).*\.wasm$/.test(r.url())) fetched.push(r.url());
  });
  await map.open();
  await expect.poll(() => fetched.length, { timeout: 10_000 }).toBeGreaterThan(0);
  await page.waitForLoadState('networkidle');
  // Opening the editor then needs no further download.
  const before = fetched.length;
  await map.tapRegion('Front of thigh', 'right');
  await expect(page.getByRole('dialog')).toBeVisible();
  expect(fetched.length).toBe(before);
});

test('the saved map is drawn at once, before the rest of the app arrives; nothing changes until it has', async ({ map, page }) => {
  await map.open();
  await map.tapRegion('Front of thigh', 'right');
  await map.setSeverity('strong');
  await map.closeEditor();
  await page.evaluate(() => window.dispatchEvent(new Event('pagehide')));
  const saved = await page.evaluate(() => localStorage.getItem('fasciamap.doc'));

  // Reload with every lazily loaded part held back: only the first download runs.
  const held: Array<() => void> = [];
  await page.route(/\/(split_|chunk-)[^/]*\.wasm$/, (route) => new Promise<void>((done) => {
    held.push(() => { route.continue().then(done, done); });
  }));
  await page.reload();
  await expect(map.region('Front of thigh', 'right')).toHaveAttribute('aria-label', /strong \(3 of 3\)/);
  await expect(page.locator('main')).toHaveAttribute('aria-busy', 'true');
  // A tap is answered by the loading page's sheet until the editor is in; nothing can be
  // changed or written before the whole document is in.
  await map.region('Front of thigh', 'right').tap();
  await expect(page.getByRole('dialog', { name: 'Front of thigh, your right' })).toBeVisible();
  await expect(page.locator('#boot-sheet')).toBeVisible();
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => localStorage.getItem('fasciamap.doc'))).toBe(saved);

  // Let the parts through: storage opens, the editor that was asked for appears with the value.
  await page.unroute(/\/(split_|chunk-)[^/]*\.wasm$/);
  held.splice(0).forEach((go) => go());
  await expect(page.locator('main')).toHaveAttribute('aria-busy', 'false');
  await expect(page.locator('#editor-sheet')).toBeVisible();
  await expect(page.locator('#boot-sheet')).toHaveCount(0);
  await expect(map.editor.getByRole('button', { name: /^3 strong$/ })).toHaveAttribute('aria-pressed', 'true');
});
