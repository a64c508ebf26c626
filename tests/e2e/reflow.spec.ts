// Every screen reflows (issue #13; WCAG 1.4.4 Resize text, 1.4.10 Reflow, 2.4.11 Focus not
// obscured): on a 390×844 phone, and at 320×640 with the text at 150 % and 200 %, each screen
// reachable from the bottom bar and from More (the plan with "Why?" open, the guided session, the
// sharp-pain stop, the end screen, the progress parts, More's screens, and a first visit's welcome
// and first-plan questions) has no sideways scrolling, no button whose words are cut off or that
// sticks out of the screen, its main button fully on screen once scrolled to (not under the
// sticky header or the bottom bar), the bottom bar whole and under a quarter of the screen, and
// axe finds nothing in light and dark. During a guided session the bottom bar never covers the
// session's buttons. Tabbing through a screen never leaves the focused element hidden behind the
// sticky bars. With SHOTS=1 it also saves screenshots (light and dark) under /tmp/reflow-shots/.
import fs from 'node:fs';
import { test, expect, textAt } from './fixtures';
import { seed, docWith, nav, auditBoth } from './plan_helpers';
import { localDay, seed as seedRaw, storedDoc, crc32 } from './seed';
import type { Page, Locator } from '@playwright/test';

const SHOTS = !!process.env.SHOTS;
const SHOT_DIR = '/tmp/reflow-shots';
if (SHOTS) fs.mkdirSync(SHOT_DIR, { recursive: true });

const SIZES = [
  { name: '390px', width: 390, height: 844, text: 1 },
  { name: '320px-150pct', width: 320, height: 640, text: 1.5 },
  { name: '320px-200pct', width: 320, height: 640, text: 2 },
];

const MARKS: [string, string, number][] = [
  ['calf', 'left', 3], ['calf', 'right', 1], ['hamstrings', 'left', 2], ['hamstrings', 'right', 2],
  ['quadriceps', 'right', 2], ['glute_max', 'left', 1],
];


/** The 42-day history (its 28 days running), with the safety questions answered today. */
function historyDoc() {
  return storedDoc((d) => { d.screen = { date: localDay(), yes: [] }; });
}

async function settle(page: Page) {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/** The sticky header's bottom and the bottom bar's top (the screen's height without a bar). */
async function bars(page: Page) {
  return page.evaluate(() => {
    const h = document.querySelector('header.app-header') as HTMLElement | null;
    const n = document.querySelector('nav.app-nav') as HTMLElement | null;
    const hr = h?.getBoundingClientRect();
    const nr = n && getComputedStyle(n).display !== 'none' && getComputedStyle(n).position === 'fixed' ? n.getBoundingClientRect() : null;
    return { top: hr && getComputedStyle(h!).position === 'sticky' ? Math.max(0, hr.bottom) : 0, bottom: nr ? nr.top : window.innerHeight };
  });
}

/** Fails with a list of what overflows or is cut off on the screen now shown. */
async function checkReflow(page: Page, what: string, primary: Locator | null) {
  await settle(page);
  // The phone's width, not window.innerWidth: a mobile browser widens its layout viewport to
  // fit a page that overflows, which would hide the overflow from the page itself.
  const width = page.viewportSize()!.width;
  const sizes = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, body: document.body.scrollWidth }));
  if (sizes.scroll > width || sizes.body > width) {
    // Name the innermost elements that reach past the right edge, to say what to fix.
    const wide = await page.evaluate((w) => Array.from(document.querySelectorAll('body *'))
      .filter((e) => e.getBoundingClientRect().right > w + 1 && !Array.from(e.children).some((c) => c.getBoundingClientRect().right > w + 1))
      .slice(0, 6).map((e) => `${e.tagName.toLowerCase()}.${(e.getAttribute('class') || '').replace(/ /g, '.')} "${(e.textContent || '').trim().slice(0, 30)}" → ${Math.round(e.getBoundingClientRect().right)}`), width);
    expect(wide, `${what}: page wider than the screen (${sizes.scroll} px)`).toEqual([]);
  }
  expect(sizes.scroll, `${what}: page wider than the screen`).toBeLessThanOrEqual(width);
  expect(sizes.body, `${what}: body wider than the screen`).toBeLessThanOrEqual(width);

  // No visible control sticks out sideways, and no button has its words cut off inside it.
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
      // No word of a control broken over two lines ("Sta / rt").
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let t = walker.nextNode(); t; t = walker.nextNode()) {
        if (t.parentElement?.closest('.sr-only')) continue;
        const text = t.textContent || '';
        // (A break after a hyphen or a slash is a normal line break, not a broken word.)
        for (const m of text.matchAll(/[^\s\-\u2010\u2013\u2014/]+/g)) {
          const range = document.createRange();
          range.setStart(t, m.index!);
          range.setEnd(t, m.index! + m[0].length);
          const lines = new Set(Array.from(range.getClientRects()).filter((q) => q.width > 0).map((q) => Math.round(q.top)));
          if (lines.size > 1) out.push(`${name}: word "${m[0]}" broken over lines`);
        }
      }
    }
    return out;
  }, width);
  expect(bad, `${what}: controls cut off`).toEqual([]);

  // The bottom bar (when shown): on screen, whole, every label inside its button, and small.
  const navBox = await page.evaluate((w) => {
    const n = document.querySelector('nav.app-nav') as HTMLElement | null;
    if (!n || getComputedStyle(n).display === 'none' || getComputedStyle(n).position !== 'fixed') return null;
    const r = n.getBoundingClientRect();
    const cut = Array.from(n.querySelectorAll('.nav-item')).filter((b) => (b as HTMLElement).scrollWidth > (b as HTMLElement).clientWidth + 1
      || (b as HTMLElement).scrollHeight > (b as HTMLElement).clientHeight + 1
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

  if (primary) await reachable(page, what, primary);
}

/** Once scrolled to, the button is fully on screen, between the sticky bars, and nothing covers it. */
async function reachable(page: Page, what: string, button: Locator) {
  await button.scrollIntoViewIfNeeded();
  await settle(page);
  const r = await button.boundingBox();
  expect(r, `${what}: main button`).not.toBeNull();
  const vw = page.viewportSize()!;
  expect(r!.x, `${what}: main button left edge`).toBeGreaterThanOrEqual(0);
  expect(r!.x + r!.width, `${what}: main button right edge`).toBeLessThanOrEqual(vw.width + 0.5);
  const b = await bars(page);
  expect(r!.y, `${what}: main button below the header`).toBeGreaterThanOrEqual(b.top - 1);
  expect(r!.y + r!.height, `${what}: main button above the bottom bar`).toBeLessThanOrEqual(b.bottom + 1);
  // Not behind anything else either (a dialog sits above both).
  const covered = await button.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const x = Math.min(Math.max(r.left + r.width / 2, 1), window.innerWidth - 1);
    const ys = [r.top + 2, r.top + r.height / 2, r.bottom - 2];
    return ys.filter((y) => { const hit = document.elementFromPoint(x, y); return !hit || !(el === hit || el.contains(hit)); }).length;
  });
  expect(covered, `${what}: main button covered by something`).toBe(0);
}

async function shoot(page: Page, name: string) {
  if (!SHOTS) return;
  await page.evaluate(() => window.scrollTo(0, 0));
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: `${SHOT_DIR}/${name}-${scheme}.png`, fullPage: true });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/** Every check of a screen: reflow, the main button, axe in light and dark, screenshots. */
async function screen(page: Page, tag: string, what: string, primary: Locator | null) {
  await shoot(page, `${tag}-${what.replace(/\W+/g, '_')}`);
  await checkReflow(page, what, primary);
  await auditBoth(page, what);
}

/**
 * Tabs through the screen from its top with the keyboard: the focused element is never fully
 * hidden behind the sticky header or the bottom bar (WCAG 2.4.11), nor off the screen sideways.
 */
async function tabThrough(page: Page, what: string, max = 40) {
  await page.evaluate(() => { window.scrollTo(0, 0); (document.activeElement as HTMLElement | null)?.blur(); });
  const hidden: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    await settle(page);
    const f = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const r = el.getBoundingClientRect();
      const h = document.querySelector('header.app-header') as HTMLElement | null;
      const n = document.querySelector('nav.app-nav') as HTMLElement | null;
      const top = h && getComputedStyle(h).position === 'sticky' ? h.getBoundingClientRect().bottom : 0;
      const inBar = !!(n && n.contains(el));
      const bottom = n && !inBar && getComputedStyle(n).display !== 'none' && getComputedStyle(n).position === 'fixed' ? n.getBoundingClientRect().top : window.innerHeight;
      const inHeader = !!(h && h.contains(el));
      const name = (el.textContent || el.getAttribute('aria-label') || el.tagName).trim().replace(/\s+/g, ' ').slice(0, 40);
      const skip = el.closest('.skip');
      const hiddenNow = !skip && !inHeader && !inBar && (r.bottom <= top + 1 || r.top >= bottom - 1 || r.right <= 0 || r.left >= window.innerWidth);
      return { name, hiddenNow, inBar };
    });
    if (!f) break;
    if (f.hiddenNow) hidden.push(f.name);
    if (f.inBar) break; // through the screen and on to the bottom bar
  }
  expect(hidden, `${what}: focused element hidden behind the sticky bars`).toEqual([]);
}

/** The screen's main button: the first visible `.primary` in the page's main part, if any. */
function mainButton(page: Page) {
  return page.locator('main .primary:visible').first();
}

/**
 * A bottom-bar button chosen from the map without a hit test: at large text the map's drawing
 * can reach under the bar (the map screen is the finger-map work's part of #13).
 */
async function fromMap(page: Page, name: 'Plan' | 'Progress' | 'More') {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name, exact: true }).dispatchEvent('click');
}

async function moreItem(page: Page, name: RegExp) {
  await nav(page, 'More');
  await page.locator('.more-item').filter({ hasText: name }).first().tap();
}

for (const size of SIZES) {
  test.describe(`reflow at ${size.name}`, () => {
    test.use({ viewport: { width: size.width, height: size.height } });
    const tag = size.name;

    test(`the map and the list fit at ${size.name}`, async ({ map, page }) => {
      await seed(page, docWith(MARKS));
      await textAt(page, size.text * 100);
      await map.open();
      await screen(page, tag, 'map', null);
      await page.getByRole('button', { name: 'List', exact: true }).tap();
      await expect(page.getByRole('heading', { name: 'All areas, left and right' })).toBeVisible();
      await screen(page, tag, 'list', map.cell('Calf', 'left'));
    });

    test(`the plan, a guided session, a sharp-pain stop and the end screen fit at ${size.name}`, async ({ map, page }) => {
      test.setTimeout(150_000);
      // Steps at their real speed: the running step is still running while it is checked.
      await seed(page, docWith(MARKS), 1);
      await textAt(page, size.text * 100);
      await map.open();

      await fromMap(page, 'Plan');
      const start = page.getByRole('button', { name: 'Start guided session' });
      await expect(start).toBeVisible();
      // Every "Why?" open: the reasons, the chain drawing and the sources reflow too.
      for (const why of await page.locator('details.why > summary').all()) await why.tap();
      await screen(page, tag, 'plan', start);
      await tabThrough(page, 'plan');

      await start.tap();
      await expect(page.locator('#session-title')).toBeFocused();
      // The session's buttons are never under the bottom bar: a person on the floor reaches
      // each of them (scrolling at most).
      const controls = ['Start', 'Skip', 'Sharp pain or tingling: stop', 'Done with this one'];
      await screen(page, tag, 'session step', page.getByRole('button', { name: 'Start', exact: true }));
      for (const name of controls) await reachable(page, `session: ${name}`, page.getByRole('button', { name, exact: name !== 'Sharp pain or tingling: stop' }));
      await tabThrough(page, 'session step');
      await page.getByRole('button', { name: 'Start', exact: true }).tap();
      for (const name of ['Pause', 'Sharp pain or tingling: stop', 'Done with this one']) {
        await reachable(page, `running session: ${name}`, page.getByRole('button', { name, exact: name === 'Pause' }));
      }
      await checkReflow(page, 'running session', page.getByRole('button', { name: 'Pause', exact: true }));

      await page.getByRole('button', { name: 'Sharp pain or tingling: stop' }).tap();
      await expect(page.getByRole('heading', { name: 'You stopped. That was the right thing to do.' })).toBeFocused();
      const goOn = page.getByRole('button', { name: 'Go on with the next step' });
      await screen(page, tag, 'sharp-pain stop', goOn);
      await reachable(page, 'sharp-pain stop: End the session', page.getByRole('button', { name: 'End the session', exact: true }));
      await tabThrough(page, 'sharp-pain stop');
      await page.getByRole('button', { name: 'End the session', exact: true }).tap();

      // Re-rating, if asked, then the end screen.
      const save = page.getByRole('button', { name: 'Save session' });
      const end = page.getByRole('heading', { name: 'Session done' });
      await expect(save.or(end)).toBeVisible();
      if (await save.isVisible()) {
        await screen(page, tag, 'how it feels now', save);
        await save.tap();
      }
      await expect(end).toBeVisible();
      await screen(page, tag, 'end screen', page.getByRole('button', { name: 'Back to the map' }));
      await tabThrough(page, 'end screen');
    });

    test(`progress: history, trends, the 28 days and backups fit at ${size.name}`, async ({ map, page }) => {
      test.setTimeout(120_000);
      await seedRaw(page, historyDoc());
      await textAt(page, size.text * 100);
      await map.open();
      await fromMap(page, 'Progress');
      await expect(page.locator('main h2').first()).toBeVisible();
      await screen(page, tag, 'progress', null);
      for (const part of ['History', 'Trends', '28 days', 'Backup'] as const) {
        await page.getByRole('group', { name: 'Show' }).getByRole('button', { name: part, exact: true }).tap();
        await settle(page);
        const primary = (await mainButton(page).count()) ? mainButton(page) : null;
        await screen(page, tag, `progress ${part}`, primary);
        if (part === '28 days') {
          // Every day of the calendar inside the screen.
          const days = await page.locator('.cal-day').evaluateAll((els) => els.filter((e) => {
            const r = e.getBoundingClientRect();
            return r.left < 0 || r.right > window.innerWidth;
          }).length);
          expect(days, '28 days: calendar days off the screen').toBe(0);
          await tabThrough(page, 'progress 28 days');
        }
      }
    });

    test(`More and each of its screens fit at ${size.name}`, async ({ map, page }) => {
      test.setTimeout(150_000);
      await seedRaw(page, historyDoc());
      await textAt(page, size.text * 100);
      await map.open();
      await fromMap(page, 'More');
      await expect(page.getByRole('heading', { name: 'More' })).toBeVisible();
      await screen(page, tag, 'more', page.locator('.more-item').first());
      await tabThrough(page, 'more');

      for (const [name, re] of [['about you', /About you/], ['safety questions', /Safety questions/], ['how this works', /How this works/],
        ['share', /Share my map/], ['clinician summary', /Summary for my clinician/]] as [string, RegExp][]) {
        await moreItem(page, re);
        await expect(page.locator('main h2').first()).toBeVisible();
        await settle(page);
        const primary = (await mainButton(page).count()) ? mainButton(page) : null;
        await screen(page, tag, name, primary);
        await tabThrough(page, name);
      }
    });

    test.describe('a first visit', () => {
      test.use({ firstVisit: true });

      test(`the welcome and the first-plan questions fit at ${size.name}`, async ({ map, page }) => {
        test.setTimeout(120_000);
        await textAt(page, size.text * 100);
        await page.goto('./');
        await expect(page.getByRole('heading', { name: 'Welcome to FasciaMap' })).toBeVisible();
        // The loading page shows the same welcome first; checked here is the app's.
        await expect(page.locator('#boot')).toHaveCount(0);
        await screen(page, tag, 'welcome', page.getByRole('button', { name: 'Get started' }));
        await page.getByRole('button', { name: 'Get started' }).tap();
        await expect(page.getByRole('heading', { name: 'What brings you here?' })).toBeFocused();
        await screen(page, tag, 'what brings you here', page.getByRole('button', { name: 'Show my body map' }));
        void map;

        // A first plan: the welcome passed and a few marks, the tools and the floor not asked yet.
        const data = { profile: { welcomed: true }, map: { marks: MARKS.map(([region, side, severity]) => ({ region, side, severity })) } };
        const json = JSON.stringify(data);
        await page.evaluate((raw) => { localStorage.setItem('fasciamap.doc', raw); }, `{"fmt":"fasciamap","v":2,"rev":1,"saved_at":"","crc":${crc32(json)},"data":${json}}`);
        await page.reload();
        await expect(page.locator('main')).toHaveAttribute('aria-busy', 'false');
        await fromMap(page, 'Plan');
        await expect(page.getByRole('heading', { name: 'Before your first plan' })).toBeVisible();
        await screen(page, tag, 'first-plan questions', page.getByRole('button', { name: 'Next: safety questions' }));
        await tabThrough(page, 'first-plan questions', 60);
      });
    });
  });
}
