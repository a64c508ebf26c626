// Every screen reflows (issue #13; WCAG 1.4.4 Resize text, 1.4.10 Reflow, 2.4.11 Focus not
// obscured): on a 390×844 phone, and at 320 px wide with the browser's text at 150 % and 200 %,
// each screen reachable from the bottom bar and More has no sideways scrolling, no button whose
// words are cut off or that sticks out of the screen, its main button fully on screen once
// scrolled to (not under the bottom bar), and the bottom bar whole. With SHOTS=1 it also saves
// screenshots (light and dark) under /tmp/fingermap-shots/ to look at.
import { test, expect } from './fixtures';
import { seed, docWith, nav } from './plan_helpers';
import type { Page, Locator } from '@playwright/test';

const SHOTS = !!process.env.SHOTS;
const SHOT_DIR = '/tmp/fingermap-shots';

const SIZES = [
  { name: '390px', width: 390, height: 844, text: 1 },
  { name: '320px-150pct', width: 320, height: 640, text: 1.5 },
  { name: '320px-200pct', width: 320, height: 640, text: 2 },
];

const MARKS: [string, string, number][] = [
  ['calf', 'left', 3], ['calf', 'right', 1], ['hamstrings', 'left', 2], ['hamstrings', 'right', 2],
  ['quadriceps', 'right', 2], ['glute_max', 'left', 1],
];

/** Larger text the way a browser setting gives it: the root font grows, everything in rem follows. */
async function textSize(page: Page, factor: number) {
  await page.addInitScript((f) => {
    const apply = () => { document.documentElement.style.fontSize = `${112.5 * f}%`; };
    if (document.documentElement) apply();
    document.addEventListener('DOMContentLoaded', apply);
  }, factor);
}

/** Fails with a list of what overflows or is cut off on the screen now shown. */
async function checkReflow(page: Page, what: string, primary: Locator | null) {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  // The phone's width, not window.innerWidth: a mobile browser widens its layout viewport to
  // fit a page that overflows, which would hide the overflow from the page itself.
  const width = page.viewportSize()!.width;
  const page_ = await page.evaluate((width) => ({
    scroll: document.documentElement.scrollWidth,
    body: document.body.scrollWidth,
    inner: width,
  }), width);
  expect(page_.scroll, `${what}: page wider than the screen`).toBeLessThanOrEqual(page_.inner);
  expect(page_.body, `${what}: body wider than the screen`).toBeLessThanOrEqual(page_.inner);

  // No visible button sticks out sideways or has its words cut off inside it.
  const bad = await page.evaluate((innerWidth) => {
    const out: string[] = [];
    for (const el of Array.from(document.querySelectorAll('button, a, summary, input, select, label'))) {
      const r = el.getBoundingClientRect();
      const cs = getComputedStyle(el);
      if (r.width === 0 || r.height === 0 || cs.visibility === 'hidden') continue;
      if (el.closest('.sr-only, .skip')) continue;
      const name = (el.textContent || el.getAttribute('aria-label') || el.tagName).trim().replace(/\s+/g, ' ').slice(0, 40);
      if (r.left < -1 || r.right > innerWidth + 1) out.push(`${name}: sticks out (${Math.round(r.left)}…${Math.round(r.right)})`);
      const h = el as HTMLElement;
      if (el.tagName === 'BUTTON' && h.scrollWidth > h.clientWidth + 1) out.push(`${name}: words cut off (${h.scrollWidth} > ${h.clientWidth})`);
    }
    return out;
  }, width);
  expect(bad, `${what}: controls cut off`).toEqual([]);

  // The bottom bar: on screen, whole, every label inside its button.
  const navBox = await page.evaluate((w) => {
    const n = document.querySelector('nav.app-nav') as HTMLElement | null;
    if (!n) return null;
    const r = n.getBoundingClientRect();
    const cut = Array.from(n.querySelectorAll('.nav-item')).filter((b) => (b as HTMLElement).scrollWidth > (b as HTMLElement).clientWidth + 1
      || b.getBoundingClientRect().right > w + 1).map((b) => b.textContent);
    return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, h: window.innerHeight, w, cut };
  }, width);
  if (navBox) {
    expect(navBox.left, `${what}: bottom bar`).toBeGreaterThanOrEqual(0);
    expect(navBox.right, `${what}: bottom bar`).toBeLessThanOrEqual(navBox.w);
    expect(navBox.bottom, `${what}: bottom bar below the screen`).toBeLessThanOrEqual(navBox.h + 1);
    expect(navBox.cut, `${what}: bottom bar labels cut off`).toEqual([]);
    // It must leave most of the screen to the content.
    expect(navBox.bottom - navBox.top, `${what}: bottom bar height`).toBeLessThan(navBox.h * 0.25);
  }

  if (primary) {
    await primary.scrollIntoViewIfNeeded();
    const r = await primary.boundingBox();
    expect(r, `${what}: main button`).not.toBeNull();
    const vw = page.viewportSize()!;
    expect(r!.x, `${what}: main button left edge`).toBeGreaterThanOrEqual(0);
    expect(r!.x + r!.width, `${what}: main button right edge`).toBeLessThanOrEqual(vw.width + 0.5);
    // Not behind the bottom bar or the header once scrolled to (a dialog sits above both).
    const covered = await primary.evaluate((el) => {
      const r = el.getBoundingClientRect();
      const x = Math.min(Math.max(r.left + r.width / 2, 1), window.innerWidth - 1);
      const ys = [r.top + 2, r.top + r.height / 2, r.bottom - 2];
      return ys.filter((y) => { const hit = document.elementFromPoint(x, y); return !hit || !(el === hit || el.contains(hit)); }).length;
    });
    expect(covered, `${what}: main button covered by something`).toBe(0);
  }
}

async function shoot(page: Page, name: string) {
  if (!SHOTS) return;
  await page.evaluate(() => window.scrollTo(0, 0));
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: `${SHOT_DIR}/${name}-${scheme}.png` });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/** The screen's main button: the first visible `.primary` in the page's main part, if any. */
function mainButton(page: Page) {
  return page.locator('main .primary:visible').first();
}

async function moreItem(page: Page, name: RegExp) {
  await nav(page, 'More');
  await page.locator('.more-item').filter({ hasText: name }).first().tap();
}

for (const size of SIZES) {
  test.describe(`reflow at ${size.name}`, () => {
    test.use({ viewport: { width: size.width, height: size.height } });

    test(`every screen fits at ${size.name}`, async ({ map, page }) => {
      test.setTimeout(90_000);
      await seed(page, docWith(MARKS));
      await textSize(page, size.text);
      await map.open();
      const tag = (s: string) => `${size.name}-${s}`;

      // The map, with the "See my plan" button above the drawing.
      await expect(page.getByRole('button', { name: 'See my plan' })).toBeVisible();
      await checkReflow(page, 'map', page.getByRole('button', { name: 'See my plan' }));
      // The switches keep every word inside their buttons (checked above); the view switch works.
      await shoot(page, tag('map'));

      // The editor sheet, opened from the drawing: its Done button reachable, the area above it.
      await page.getByRole('group', { name: 'Which side of the body' }).getByRole('button', { name: 'Back' }).tap();
      await map.region('Calf', 'left').focus();
      await page.keyboard.press('Enter');
      await expect(map.editor).toBeVisible();
      await checkReflow(page, 'editor', map.editor.getByRole('button', { name: 'Done' }));
      await shoot(page, tag('editor'));
      await map.editor.getByRole('button', { name: 'Done' }).tap();
      await expect(map.editor).toBeHidden();

      // The list.
      await page.getByRole('button', { name: 'List', exact: true }).tap();
      await expect(page.getByRole('heading', { name: 'All areas, left and right' })).toBeVisible();
      await checkReflow(page, 'list', map.cell('Calf', 'left'));
      await shoot(page, tag('list'));

      // The plan, then the guided session from it.
      await nav(page, 'Plan');
      await expect(mainButton(page)).toBeVisible();
      await checkReflow(page, 'plan', mainButton(page));
      await shoot(page, tag('plan'));
      const start = page.getByRole('button', { name: 'Start guided session' });
      if (await start.count()) {
        await start.tap();
        await expect(page.locator('main .session, main section').first()).toBeVisible();
        await checkReflow(page, 'session', page.locator('main button:visible').first());
        await shoot(page, tag('session'));
      }

      await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Progress' }).tap();
      await expect(page.locator('main h2').first()).toBeVisible();
      await checkReflow(page, 'progress', null);
      await shoot(page, tag('progress'));

      await nav(page, 'More');
      await expect(page.getByRole('heading', { name: 'More' })).toBeVisible();
      await checkReflow(page, 'more', page.locator('.more-item').first());
      await shoot(page, tag('more'));

      for (const [name, re] of [['profile', /About you/], ['safety', /Safety questions/], ['about', /How this works/],
        ['share', /Share my map/], ['summary', /Summary for my clinician/]] as [string, RegExp][]) {
        await moreItem(page, re);
        await expect(page.locator('main h2').first()).toBeVisible();
        const primary = (await mainButton(page).count()) ? mainButton(page) : null;
        await checkReflow(page, name, primary);
        await shoot(page, tag(name));
      }
    });
  });
}

test('the editor sheet closes when another screen is chosen, and the tapped area stays above it', async ({ map, page }) => {
  await map.open();
  await page.getByRole('group', { name: 'Zoom' }).getByRole('button', { name: 'Legs' }).tap();
  // The lowest area of the legs view: the sheet would cover it without the scroll.
  const foot = map.region('Top of foot', 'left');
  await foot.focus();
  await page.keyboard.press('Enter');
  await expect(map.editor).toBeVisible();
  await expect.poll(async () => {
    const area = await foot.boundingBox();
    const sheet = await map.editor.boundingBox();
    return area && sheet ? Math.round(sheet.y - (area.y + area.height)) : -999;
  }, { message: 'the tapped area sits above the sheet' }).toBeGreaterThanOrEqual(0);

  // With the keyboard the bottom bar can still be reached behind the sheet: choosing Plan there
  // closes the sheet, and it does not come back over the map.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Plan' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Plan' })).toHaveAttribute('aria-current', 'page');
  await expect(map.editor).toBeHidden();
  await nav(page, 'Map');
  await expect(page.locator('svg.figure')).toBeVisible();
  await expect(map.editor).toBeHidden();
});
