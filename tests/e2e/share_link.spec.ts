// Share links end to end: a map made in one browser opens in a fresh one with the same map
// and plan; saving asks first and never replaces the person's own data; every kind of bad
// link gives a clear message and changes nothing.
import { test, expect, MapPage, RETURNING_PROFILE, storeReturningProfile } from './fixtures';
import type { Browser, Page } from '@playwright/test';

const KEY = 'fasciamap.doc';

async function makeMap(map: MapPage) {
  await map.open();
  await map.tapRegion('Front of thigh', 'right');
  await map.setSeverity('strong');
  await map.closeEditor();
  await map.tapRegion('Front of thigh', 'left');
  await map.setSeverity('mild');
  await map.closeEditor();
  await map.showView('Back');
  await map.tapRegion('Calf', 'left');
  await map.setSeverity('moderate');
  await map.setKind('Sore');
  await map.closeEditor();
  await map.page.getByRole('button', { name: /^Low back pain/ }).tap();
}

async function shareLink(page: Page): Promise<string> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'More' }).tap();
  await page.getByRole('button', { name: /^Share my map/ }).tap();
  const url = await page.locator('#share-link').inputValue();
  expect(url).toMatch(/#b1\.[A-Za-z0-9_-]+$/);
  return url;
}

/** What the read-only view says is marked, and the plan it computed. */
async function sharedContent(page: Page) {
  await expect(page.getByRole('heading', { name: 'A shared body map' })).toBeVisible();
  return {
    marks: await page.locator('.shared ul.marks li').allTextContents(),
    // The words of each step, without its position drawing's caption.
    steps: await page.locator('.shared-plan ol.steps li').evaluateAll((items) => items.map((li) => {
      const copy = li.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('.pose-wrap').forEach((d) => d.remove());
      return copy.textContent || '';
    })),
    symptoms: await page.locator('.shared h3:has-text("Also ticked") + ul li').allTextContents(),
  };
}

async function freshPage(browser: Browser, baseURL: string, returning = false) {
  const context = await browser.newContext({
    baseURL, viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, serviceWorkers: 'block',
  });
  // A stranger's browser holds nothing; `returning`: someone who has used FasciaMap before
  // (the welcome passed), as the fixtures' pages are.
  if (returning) await context.addInitScript(storeReturningProfile, RETURNING_PROFILE);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  return { context, page, errors };
}

test('a map shared from one browser opens in a fresh one with the same map and plan', async ({ map, page, browser, baseURL }) => {
  await makeMap(map);
  // What the sender's own map says, in the words the shared view uses for someone else's map
  // ("your left" on one's own map is "their left" on a shared one).
  const labels = () => page.evaluate(() =>
    [...document.querySelectorAll('svg.figure g[role="button"]')]
      .map((g) => g.getAttribute('aria-label')!.replace(/, your (left|right):/, ', their $1:'))
      .filter((l) => !l.endsWith('not marked')));
  const own = [...(await labels())];
  await map.showView('Front');
  own.push(...(await labels()));
  const url = await shareLink(page);
  expect(url.length).toBeLessThan(120);

  // The sender opening the link sees the plan computed from the link…
  const senderView = await (async () => {
    const p2 = await page.context().newPage();
    await p2.goto(url);
    const c = await sharedContent(p2);
    await p2.close();
    return c;
  })();

  // …and a stranger in a fresh browser sees exactly the same.
  const { context, page: other, errors } = await freshPage(browser, baseURL!);
  await other.goto(url);
  const got = await sharedContent(other);
  expect([...got.marks].sort()).toEqual([...new Set(own)].sort());
  expect(got.marks).toHaveLength(3);
  expect(got.symptoms).toEqual(['Low back pain or stiffness']);
  expect(got.steps.length).toBeGreaterThan(0);
  expect(got).toEqual(senderView);
  // The figure shows the marks read-only: nothing on it can be tapped.
  await expect(other.locator('svg.figure.readonly')).toBeVisible();
  await expect(other.locator('svg.figure.readonly [role="button"]')).toHaveCount(0);
  await other.getByRole('button', { name: 'Back', exact: true }).tap();
  await expect(other.locator('svg.figure.readonly .region.sev-2')).toHaveCount(1);
  // Looking stored nothing.
  expect(await other.evaluate((k) => { window.dispatchEvent(new Event('pagehide')); return localStorage.getItem(k); }, KEY)).toBeNull();
  expect(errors).toEqual([]);
  await context.close();
});

test('saving a shared map asks first, keeps the own map, and removes the link from the address bar', async ({ map, page, browser, baseURL }) => {
  await makeMap(map);
  const url = await shareLink(page);

  const { context, page: other, errors } = await freshPage(browser, baseURL!, true);
  const theirs = new MapPage(other);
  await theirs.open();
  await theirs.tapRegion('Chest', 'left');
  await theirs.setSeverity('moderate');
  await theirs.closeEditor();
  await expect.poll(() => other.evaluate((k) => { window.dispatchEvent(new Event('pagehide')); return localStorage.getItem(k); }, KEY)).not.toBeNull();
  const before = JSON.parse((await other.evaluate((k) => { window.dispatchEvent(new Event('pagehide')); return localStorage.getItem(k); }, KEY))!);

  await other.goto(url);
  await expect(other.getByRole('heading', { name: 'A shared body map' })).toBeVisible();
  // Cancel: nothing saved, link still there.
  await other.getByRole('button', { name: 'Save to my history' }).tap();
  const dialog = other.getByRole('alertdialog', { name: 'Save this map to your history?' });
  await expect(dialog).toContainText('Your own map stays exactly as it is');
  await dialog.getByRole('button', { name: 'Cancel' }).tap();
  await expect(dialog).toBeHidden();
  expect(JSON.parse((await other.evaluate((k) => { window.dispatchEvent(new Event('pagehide')); return localStorage.getItem(k); }, KEY))!).data).toEqual(before.data);
  expect(new URL(other.url()).hash).toMatch(/^#b1\./);

  // Confirm: saved as a separate entry.
  await other.getByRole('button', { name: 'Save to my history' }).tap();
  await dialog.getByRole('button', { name: 'Save' }).tap();
  await expect(other.getByRole('status').filter({ hasText: 'Saved to your history' }).first()).toBeVisible();
  expect(new URL(other.url()).hash).toBe('');
  const after = JSON.parse((await other.evaluate((k) => { window.dispatchEvent(new Event('pagehide')); return localStorage.getItem(k); }, KEY))!);
  expect(after.data.map).toEqual(before.data.map);
  expect(after.data.imported).toHaveLength(1);
  expect(after.data.imported[0].shared.map.marks).toHaveLength(3);
  expect(after.data.imported[0].shared.map.symptoms).toEqual(['low_back_pain']);
  // ... and as a new check-in at the end of the history; earlier ones are untouched.
  expect(after.data.checkins).toHaveLength(before.data.checkins.length + 1);
  expect(after.data.checkins.slice(0, -1)).toEqual(before.data.checkins);
  expect(after.data.checkins.at(-1).map.m).toHaveLength(3);

  // The person's own map is what shows after going back and after a reload.
  await other.getByRole('button', { name: 'Go to my map' }).tap();
  await expect(theirs.region('Chest', 'left')).toHaveAttribute('aria-label', /moderate/);
  await other.reload();
  await expect(other.getByRole('heading', { name: 'A shared body map' })).toHaveCount(0);
  await expect(theirs.region('Chest', 'left')).toHaveAttribute('aria-label', /moderate/);

  // Opening the same link again and saving again adds nothing.
  await other.goto(url);
  await other.getByRole('button', { name: 'Save to my history' }).tap();
  await other.getByRole('alertdialog').getByRole('button', { name: 'Save' }).tap();
  await expect(other.getByText('This map is already in your history.').first()).toBeVisible();
  await other.getByRole('button', { name: 'Go to my map' }).tap();

  // The saved map is listed on the share screen and opens read-only.
  await other.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'More' }).tap();
  await other.getByRole('button', { name: /^Share my map/ }).tap();
  await other.getByRole('heading', { name: 'Maps saved from links' }).scrollIntoViewIfNeeded();
  await other.locator('.saved-list button').first().tap();
  await expect(other.getByRole('heading', { name: 'A map saved from a link' })).toBeVisible();
  await expect(other.locator('.shared ul.marks li')).toHaveCount(3);
  await expect(other.getByRole('button', { name: 'Save to my history' })).toHaveCount(0);
  expect(errors).toEqual([]);
  await context.close();
});

test('closing a shared map without saving removes the link and stores nothing', async ({ map, page }) => {
  await makeMap(map);
  const url = await shareLink(page);
  const stored = await page.evaluate((k) => { window.dispatchEvent(new Event('pagehide')); return localStorage.getItem(k); }, KEY);
  await page.goto(url);
  await expect(page.getByRole('heading', { name: 'A shared body map' })).toBeVisible();
  await page.getByRole('button', { name: 'Close' }).tap();
  expect(new URL(page.url()).hash).toBe('');
  // Back on the person's own map, as it was.
  await expect(page.getByRole('button', { name: 'Body map' })).toHaveAttribute('aria-pressed', 'true');
  await map.showView('Front');
  await expect(map.region('Front of thigh', 'right')).toHaveAttribute('aria-label', /strong/);
  expect(await page.evaluate((k) => { window.dispatchEvent(new Event('pagehide')); return localStorage.getItem(k); }, KEY)).toBe(stored);
});

test.describe('bad links give a clear message and change nothing', () => {
  const good = 'b1.AQFdJgABHwnDySpE'; // one mark, made by this version
  const cases: [string, string, RegExp][] = [
    ['malformed', '#b1.<script>alert(1)</script>', /characters a FasciaMap link never has/],
    ['truncated', `#${good.slice(0, 12)}`, /looks incomplete/],
    ['oversized', `#b1.${'A'.repeat(5000)}`, /much longer than any FasciaMap link/],
    ['tampered', `#${good.slice(0, -1)}${good.endsWith('A') ? 'B' : 'A'}`, /damaged or was changed/],
    ['wrong version', '#b2.AQFdJgABHwnDySpE', /made by a newer version of FasciaMap/],
    ['not base64', '#b1.%%%', /characters a FasciaMap link never has/],
  ];
  for (const [name, fragment, message] of cases) {
    test(name, async ({ map, page }) => {
      await map.open();
      await map.tapRegion('Front of thigh', 'right');
      await map.setSeverity('moderate');
      await map.closeEditor();
      await expect.poll(() => page.evaluate((k) => { window.dispatchEvent(new Event('pagehide')); return localStorage.getItem(k); }, KEY)).not.toBeNull();
      const before = await page.evaluate(() => JSON.stringify({ ...localStorage }));

      await page.goto(`./${fragment}`);
      await page.reload();
      await expect(page.getByRole('heading', { name: "This link can't be opened" })).toBeVisible();
      await expect(page.getByRole('alert')).toHaveText(message);
      // Shown as text, never as markup.
      expect(await page.locator('.shared script, .shared img').count()).toBe(0);
      expect(await page.evaluate(() => JSON.stringify({ ...localStorage }))).toBe(before);

      await page.getByRole('button', { name: 'Go to my map' }).tap();
      expect(new URL(page.url()).hash).toBe('');
      await expect(map.region('Front of thigh', 'right')).toHaveAttribute('aria-label', /moderate/);
      expect(await page.evaluate(() => JSON.stringify({ ...localStorage }))).toBe(before);
    });
  }
});

test('the good link used by the bad-link cases is valid', async ({ map, page }) => {
  await map.open();
  await page.goto('./#b1.AQFdJgABHwnDySpE');
  await page.reload();
  await expect(page.getByRole('heading', { name: 'A shared body map' })).toBeVisible();
});

test('a link pasted into an open app opens it; an in-page anchor does not', async ({ map, page }) => {
  await map.open();
  await page.evaluate(() => { location.hash = '#main'; });
  await expect(page.getByRole('heading', { name: 'Body map' })).toHaveCount(1);
  await page.evaluate(() => { location.hash = '#b1.AQFdJgABHwnDySpE'; });
  await expect(page.getByRole('heading', { name: 'A shared body map' })).toBeVisible();
});

test('the share screen, the QR code, the shared view and a bad link pass axe in light and dark', async ({ map, page }) => {
  const AxeBuilder = (await import('@axe-core/playwright')).default;
  const audit = async (what: string) => {
    const result = await new AxeBuilder({ page }).analyze();
    const summary = result.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.nodes[0]?.target}`);
    expect(summary, `axe violations on ${what}`).toEqual([]);
  };
  await makeMap(map);
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('./');
    const url = await shareLink(page);
    await page.getByRole('button', { name: 'Show QR code' }).tap();
    await audit(`share screen (${scheme})`);
    await page.goto(url);
    await expect(page.getByRole('heading', { name: 'A shared body map' })).toBeVisible();
    await audit(`shared view (${scheme})`);
    await page.getByRole('button', { name: 'Save to my history' }).tap();
    await audit(`save confirmation (${scheme})`);
    await page.getByRole('alertdialog').getByRole('button', { name: 'Cancel' }).tap();
    await page.goto('./#b2.AAAA');
    await page.reload();
    await expect(page.getByRole('heading', { name: "This link can't be opened" })).toBeVisible();
    await audit(`bad link (${scheme})`);
  }
});

test('the golden link of format 1 opens with its conditions, flare and sides', async ({ map, page }) => {
  // Pinned in src/domain/link.rs: calf left strong, calf right mild and sore, breastbone fine,
  // low back pain in a flare-up, osteoporosis, a replaced right knee, surgery on the breastbone.
  await map.open();
  await page.goto('./#b1.AQddJgEDCwI-DD4VAwAABAkFEAtcHVzk');
  await page.reload();
  await expect(page.getByRole('heading', { name: 'A shared body map' })).toBeVisible();
  await expect(page.getByText('Map of 21 November 2026. 2 areas marked, 1 checked and fine. Strongest: 3 of 3. Left and right differ in 1 place.')).toBeVisible();
  await expect(page.locator('.shared ul.marks li')).toHaveText([
    'Breastbone: fine (0 of 3), tight',
    'Calf, their left: strong (3 of 3), tight, the tighter side',
    'Calf, their right: mild (1 of 3), sore',
  ]);
  await expect(page.locator('.shared h3:has-text("Also ticked") + ul li')).toHaveText([
    'Low back pain or stiffness', 'Low back in a flare-up right now',
  ]);
  await expect(page.locator('.shared h3:has-text("Health conditions shared") + ul li')).toHaveText([
    'Osteoporosis or thin bones', 'Replaced joint: knee, their right', 'Earlier operation: breastbone',
  ]);
});
