// The map on screen before the app's code (issue #16): index.html draws the map screen with the
// front figure for a returning person, and the welcome for a first visit; the app then takes
// its place without anything moving. A tap on the figure while the code is on its way opens the
// loading page's own sheet at once, and what is chosen there is kept by the app; a tap on a
// button of the welcome is answered once the app is there.
import { test, expect, textAt } from './fixtures';
import type { Page, Route } from '@playwright/test';
import { seedSummary } from './summary_seed';

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

/** The stored mark of a region-side and how much history the document holds. */
const stored = (page: Page, region: string, side: string) =>
  page.evaluate(([region, side]) => {
    const data = JSON.parse(localStorage.getItem('fasciamap.doc') || '{}').data || {};
    const mark = (data.map?.marks || []).find((m: any) => m.region === region && m.side === side);
    return { severity: mark?.severity, kind: mark?.kind, checkins: (data.checkins || []).length, sessions: (data.sessions || []).length };
  }, [region, side]);

/** The middle of a loading-page area (`quadriceps-left`), scrolled into view. */
async function bootArea(page: Page, area: string) {
  const shape = page.locator(`#boot [data-a="${area}"] path.shape`);
  await shape.scrollIntoViewIfNeeded();
  const r = (await shape.boundingBox())!;
  return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
}

test('a tap on the map before the code arrives opens a sheet at once, and the app keeps what was chosen', async ({ map, page }) => {
  // Six weeks of history; the left front of the thigh is stored as mild (1), tight.
  await seedSummary(page);
  const release = await holdWasm(page);
  await page.goto('./');
  await expect(page.locator('#boot svg.figure')).toBeVisible();
  const at = await bootArea(page, 'quadriceps-left');
  await page.touchscreen.tap(at.x, at.y);
  // Answered by the page itself: the area's own sheet, with the rating scale of the app's.
  const sheet = page.getByRole('dialog', { name: 'Front of thigh, your left' });
  await expect(sheet).toBeVisible();
  await expect(sheet.locator('.caution')).toBeHidden();
  await expect(sheet.getByRole('button', { name: /^\d \w+$/ })).toHaveText(['0fine', '1mild', '2moderate', '3strong']);
  await sheet.getByRole('button', { name: '3 strong' }).tap();
  await sheet.getByRole('button', { name: 'Sore', exact: true }).tap();
  await expect(sheet.getByRole('button', { name: '3 strong' })).toHaveAttribute('aria-pressed', 'true');
  await expect(sheet.getByRole('button', { name: 'Sore', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(sheet.getByRole('button', { name: '1 mild' })).toHaveAttribute('aria-pressed', 'false');
  // The area shows the chosen severity, and is above the sheet, where the person can see it.
  const area = page.locator('#boot [data-a="quadriceps-left"]');
  await expect(area).toHaveClass(/sev-3/);
  await expect(area.locator('path.hatch')).toHaveCount(1);
  const [areaBox, sheetBox] = [await area.boundingBox(), await sheet.boundingBox()];
  expect(areaBox!.y + areaBox!.height).toBeLessThanOrEqual(sheetBox!.y);
  // Nothing is written before the app has read the whole document.
  expect(await stored(page, 'quadriceps', 'left')).toEqual({ severity: 1, kind: 'tight', checkins: 12, sessions: 10 });

  // The app's code arrives, all but its editor's.
  let releaseEditor!: () => void;
  const editorHeld = new Promise<void>((r) => (releaseEditor = r));
  await page.route(/\/split_editor-[^/]*\.wasm$/, async (route: Route) => {
    await editorHeld;
    await route.continue();
  });
  release();
  // The app starts behind the loading page, which stays, with its colours, and goes on
  // answering, until the editor takes its sheet over.
  await expect(page.locator('#main')).toBeAttached();
  await expect(page.locator('#boot')).toBeVisible();
  await expect(sheet).toBeVisible();
  await expect(area).toHaveClass(/sev-3/);
  const right = await bootArea(page, 'quadriceps-right');
  await page.touchscreen.tap(right.x, right.y);
  const rightSheet = page.getByRole('dialog', { name: 'Front of thigh, your right' });
  await expect(rightSheet).toBeVisible();
  await rightSheet.getByRole('button', { name: '2 moderate' }).tap();
  releaseEditor();
  // The app's editor takes the sheet's place, on the same area, with what was chosen.
  await expect(page.locator('#editor-title')).toHaveText('Front of thigh, your right');
  await expect(page.getByRole('dialog')).toHaveCount(1);
  await expect(page.locator('#boot-sheet')).toHaveCount(0);
  await expect(page.locator('#boot')).toHaveCount(0);
  await expect(map.editor.getByRole('button', { name: '2 moderate' })).toHaveAttribute('aria-pressed', 'true');
  await expect(map.region('Front of thigh', 'right')).toHaveAttribute('aria-label', /^Front of thigh, your right: moderate \(2 of 3\)/);
  await expect(map.region('Front of thigh', 'left')).toHaveAttribute('aria-label', /^Front of thigh, your left: strong \(3 of 3\), sore/);
  // Saved into the whole document: the ratings, and the history that was there.
  await expect.poll(() => stored(page, 'quadriceps', 'left')).toEqual({ severity: 3, kind: 'sore', checkins: 13, sessions: 10 });
  expect((await stored(page, 'quadriceps', 'right')).severity).toBe(2);
  await map.closeEditor();
  await page.reload();
  await expect(page.locator('main')).toHaveAttribute('aria-busy', 'false');
  await expect(map.region('Front of thigh', 'left')).toHaveAttribute('aria-label', /strong \(3 of 3\)/);
  await expect(map.region('Front of thigh', 'right')).toHaveAttribute('aria-label', /moderate \(2 of 3\)/);
});

test('the loading page\'s sheet says where not to press, closes with Done or Escape, and its ratings still count', async ({ map, page }) => {
  await map.open();
  const release = await holdWasm(page);
  await page.goto('./');
  await expect(page.locator('#boot svg.figure')).toBeVisible();
  // The right forearm, tapped a few pixels beside its outer edge, where no area is, as a finger
  // may: the area under the fingertip opens.
  let at = await bootArea(page, 'forearm_front-right');
  const beside = await page.evaluate(({ x, y }) => {
    const on = (x: number) => document.elementFromPoint(x, y)?.closest('#boot [data-a]')?.getAttribute('data-a');
    let bx = x;
    while (on(bx) === 'forearm_front-right') bx -= 1;
    for (let i = 0; i < 6; i++) if (on(bx - i)) return null;
    return { x: bx - 5, y };
  }, at);
  expect(beside, 'a spot beside the forearm with no area under it').not.toBeNull();
  await page.touchscreen.tap(beside!.x, beside!.y);
  const arm = page.getByRole('dialog', { name: 'Inner forearm, your right' });
  await expect(arm).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(arm).toBeHidden();
  // A kneecap: its safety line, a rating, then Done.
  at = await bootArea(page, 'kneecap-right');
  await page.touchscreen.tap(at.x, at.y);
  const knee = page.getByRole('dialog', { name: 'Kneecap, your right' });
  await expect(knee).toBeVisible();
  await expect(knee.locator('.caution')).toHaveText('Joint: never press.');
  await knee.getByRole('button', { name: '1 mild' }).tap();
  await knee.getByRole('button', { name: 'Done' }).tap();
  await expect(knee).toBeHidden();
  release();
  await expect(page.locator('#main')).toHaveAttribute('aria-busy', 'false');
  await expect(page.locator('#boot')).toHaveCount(0);
  // No sheet open when the app came: none opens; the rating given is on the map.
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(map.region('Kneecap', 'right')).toHaveAttribute('aria-label', /mild \(1 of 3\)/);
  await expect(page.locator('#boot-sheet')).toHaveCount(0);
});

test('until the editor\'s code is in, a tap on the app\'s map opens the loading page\'s sheet', async ({ map, page }) => {
  await map.open();
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  await page.route(/\/split_editor-[^/]*\.wasm$/, async (route: Route) => {
    await held;
    await route.continue();
  });
  await page.goto('./');
  // The app's map is there (no tap on the loading page: it gave way at once).
  const thigh = map.region('Front of thigh', 'right');
  await expect(thigh).toBeVisible();
  await expect(page.locator('#boot')).toHaveCount(0);
  const r = (await thigh.boundingBox())!;
  await page.touchscreen.tap(r.x + r.width / 2, r.y + r.height / 2);
  const sheet = page.getByRole('dialog', { name: 'Front of thigh, your right' });
  await expect(sheet).toBeVisible();
  await sheet.getByRole('button', { name: '1 mild' }).tap();
  release();
  await expect(page.locator('#editor-title')).toHaveText('Front of thigh, your right');
  await expect(page.locator('#boot-sheet')).toHaveCount(0);
  await expect(map.editor.getByRole('button', { name: '1 mild' })).toHaveAttribute('aria-pressed', 'true');
  await expect(thigh).toHaveAttribute('aria-label', /mild \(1 of 3\)/);
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
