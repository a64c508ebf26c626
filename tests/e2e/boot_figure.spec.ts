// The map on screen before the app's code (issue #16): index.html draws the map screen with the
// body's outline for a returning person, and the welcome for a first visit; the app then takes
// its place without anything moving, and a tap made while the code is on its way (on the
// outline, or on a button of the welcome) is answered once it is there.
import { test, expect, textAt } from './fixtures';
import type { Page, Route } from '@playwright/test';

/** Holds the app's wasm back until `release()` is called. */
async function holdWasm(page: Page) {
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  await page.route(/_bg-?[0-9a-f]*\.wasm$|_bg\.wasm$/, async (route: Route) => {
    await held;
    await route.continue();
  });
  return release;
}

/** A phone of `width`×`height` in `scheme` with text at `font` %, the app's wasm held back. */
async function heldPhone(page: Page, width: number, height: number, font: number, scheme: 'light' | 'dark') {
  await page.setViewportSize({ width, height });
  await page.emulateMedia({ colorScheme: scheme });
  await textAt(page, font);
  return holdWasm(page);
}

const box = (page: Page, sel: string) =>
  page.evaluate((s) => {
    const r = document.querySelector(s)!.getBoundingClientRect();
    return { x: Math.round(r.x), y: Math.round(r.y), w: Math.round(r.width), h: Math.round(r.height) };
  }, sel);

for (const [width, height, font, scheme] of [[390, 844, 100, 'light'], [320, 640, 150, 'dark']] as const) {
  test(`the outline is drawn before the code and the app takes its place without a move, ${width} px, ${font} %, ${scheme}`, async ({ map, page }) => {
    const release = await heldPhone(page, width, height, font, scheme);
    await page.goto('./');
    // The page itself, before any of the app's code: the outline of the body and the map screen.
    await expect(page.locator('#boot svg.figure path.silhouette')).toBeVisible();
    await expect(page.locator('#boot .boot-loading')).toBeHidden();
    const before = {
      figure: await box(page, '#boot svg.figure'),
      header: await box(page, '#boot .app-header'),
      nav: await box(page, '#boot .app-nav'),
    };
    release();
    await expect(page.locator('main')).toHaveAttribute('aria-busy', 'false');
    await expect(page.locator('#boot')).toHaveCount(0);
    const after = {
      figure: await box(page, 'main svg.figure'),
      header: await box(page, 'header.app-header'),
      nav: await box(page, 'nav.app-nav'),
    };
    expect(after).toEqual(before);
  });
}

test('a tap on the outline before the code arrives is shown at once and answered by the app', async ({ map, page }) => {
  // Where the right front of thigh is drawn once the app is up.
  await map.open();
  const r = await map.region('Front of thigh', 'right').boundingBox();
  const at = { x: r!.x + r!.width / 2, y: r!.y + r!.height / 2 };

  const release = await holdWasm(page);
  await page.goto('./');
  await expect(page.locator('#boot svg.figure')).toBeVisible();
  const figure = await box(page, '#boot svg.figure');
  await page.touchscreen.tap(at.x, at.y);
  // Answered at once by the page: a dot where the finger was; nothing moves.
  const dot = page.locator('#boot circle.boot-tap');
  await expect(dot).toHaveCount(1);
  const d = await dot.boundingBox();
  expect(Math.abs(d!.x + d!.width / 2 - at.x)).toBeLessThan(2);
  expect(Math.abs(d!.y + d!.height / 2 - at.y)).toBeLessThan(2);
  expect(await box(page, '#boot svg.figure')).toEqual(figure);
  release();
  // Then by the app: the sheet of the area that was tapped.
  await expect(map.editor).toBeVisible();
  await expect(map.editor.getByRole('heading', { name: 'Front of thigh, your right' })).toBeVisible();
  await map.setSeverity('mild');
  await map.closeEditor();
  await expect(map.region('Front of thigh', 'right')).toHaveAttribute('aria-label', /mild/);
});

test.describe('a first visit', () => {
  test.use({ firstVisit: true });
  const words = (page: Page, sel: string) =>
    page.locator(sel).evaluate((el) => (el as HTMLElement).innerText.replace(/\s+/g, ' ').trim());

  for (const [width, height, font, scheme] of [[390, 844, 100, 'light'], [320, 640, 150, 'dark']] as const) {
    test(`the welcome is there before the code, word for word the app's, and stays in place, ${width} px, ${font} %, ${scheme}`, async ({ page }) => {
      const release = await heldPhone(page, width, height, font, scheme);
      await page.goto('./');
      await expect(page.locator('#boot .boot-welcome h2')).toHaveText('Welcome to FasciaMap');
      await expect(page.locator('#boot .boot-loading')).toBeHidden();
      await expect(page.locator('#boot svg.figure')).toBeHidden();
      const before = {
        text: await words(page, '#boot section.welcome'),
        heading: await box(page, '#boot section.welcome h2'),
        list: await box(page, '#boot .welcome-points'),
        start: await box(page, '#boot [data-boot="start"]'),
      };
      release();
      await expect(page.locator('#boot')).toHaveCount(0);
      await expect(page.getByRole('heading', { name: 'Welcome to FasciaMap' })).toBeVisible();
      const after = {
        text: await words(page, 'main section.welcome'),
        heading: await box(page, 'main section.welcome h2'),
        list: await box(page, 'main .welcome-points'),
        start: await box(page, 'main .welcome-actions .primary'),
      };
      expect(after).toEqual(before);
    });
  }

  test('the welcome stays on screen until the app\'s own is there: no "Loading…" in between', async ({ page }) => {
    // The app's code is in, the welcome's part is held back.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    await page.route(/\/split_map_extras-[^/]*\.wasm$/, async (route: Route) => {
      await held;
      await route.continue();
    });
    await page.goto('./');
    await expect(page.locator('main#main')).toHaveCount(1);
    await page.waitForTimeout(300);
    await expect(page.locator('#boot .boot-welcome h2')).toBeVisible();
    await expect(page.locator('main#main')).toBeHidden();
    await expect(page.locator('.loading:visible')).toHaveCount(0);
    release();
    await expect(page.locator('#boot')).toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'Welcome to FasciaMap' })).toBeVisible();
  });

  test('"Get started" tapped before the code arrives says to wait, then goes on', async ({ page }) => {
    const release = await holdWasm(page);
    await page.goto('./');
    await page.locator('#boot').getByRole('button', { name: 'Get started' }).tap();
    await expect(page.locator('#boot').getByRole('status')).toHaveText(/still loading/);
    release();
    await expect(page.getByRole('heading', { name: 'What brings you here?' })).toBeVisible();
  });

  test('"Skip to the body map" tapped before the code arrives opens the map', async ({ page }) => {
    const release = await holdWasm(page);
    await page.goto('./');
    await page.locator('#boot').getByRole('button', { name: 'Skip to the body map' }).tap();
    release();
    await expect(page.locator('main svg.figure g[role=button]').first()).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Welcome to FasciaMap' })).toHaveCount(0);
  });
});

test('a shared link opens on a loading line, not on the person\'s own map', async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto('./#m=1');
  await expect(page.locator('#boot .boot-loading')).toBeVisible();
  release();
});

test('if the app never arrives, the loading page says what to do after 20 s', async ({ page }) => {
  await page.clock.install();
  await holdWasm(page);
  await page.goto('./');
  await expect(page.locator('#boot svg.figure')).toBeVisible();
  await expect(page.getByRole('alert')).toBeHidden();
  await page.clock.runFor(21_000);
  await expect(page.getByRole('alert')).toHaveText(/taking a long time to start.*reload the page/);
});
