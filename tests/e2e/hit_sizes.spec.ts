// How big is each drawn area for a finger? (issue #13, WCAG 2.5.8)
//
// For every region-side on both drawings this spec measures, on a 390×844 phone:
// - its *direct* size on each zoom (whole body, upper body, legs): the side of the largest square
//   of points where the browser's own hit testing (document.elementFromPoint) lands on that area,
//   sampled every 2 px over the drawing;
// - its *effective* size on the view where a person marks it (the zoom where its direct size is
//   largest, or another zoom where it is bigger for a finger when it is under 24 px there): the side of the largest square (44, 32 or 24 px), centred on its direct square, in
//   which a finger tap at its centre, the middles of its edges and its corners either opens that
//   area's editor or offers it in the "Which one did you mean?" chooser. The taps are the app's own click handling with a touch click at those
//   coordinates, so the chooser's reach is measured, not assumed.
// It fails when any effective size is under 24 px and prints the smallest sizes.
import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';

type Zoom = 'Whole' | 'Upper' | 'Legs';
const ZOOMS: Zoom[] = ['Whole', 'Upper', 'Legs'];
const VIEWS = ['Front', 'Back'] as const;

async function show(page: Page, view: 'Front' | 'Back', zoom: Zoom) {
  await page.getByRole('group', { name: 'Which side of the body' }).getByRole('button', { name: view }).click();
  await page.getByRole('group', { name: 'Zoom' }).getByRole('button', { name: zoom }).click();
  await expect(page.locator('svg.figure g[role="button"]').first()).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, 0));
  // Two frames: the new viewBox is laid out before anything is measured.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

type Direct = Record<string, { label: string; side: number; cx: number; cy: number }>;

/** Direct sizes of every area on the drawing now shown, from elementFromPoint over a 2 px grid. */
function measureDirect(page: Page): Promise<Direct> {
  return page.evaluate(() => {
    const STEP = 2;
    const svg = document.querySelector('svg.figure') as SVGSVGElement;
    const box = svg.getBoundingClientRect();
    const top = Math.max(box.top, 0);
    const bottom = Math.min(box.bottom, window.innerHeight);
    const cols = Math.floor(box.width / STEP);
    const rows = Math.floor((bottom - top) / STEP);
    // Best square ending at each cell, per area (dynamic programming over the grid).
    const best: Record<string, { label: string; side: number; cx: number; cy: number }> = {};
    const hitAt: (string | null)[] = new Array(cols).fill(null);
    let lastRow: (string | null)[] = new Array(cols).fill(null);
    let lastRun = new Int16Array(cols);
    for (let r = 0; r < rows; r++) {
      const y = top + r * STEP + STEP / 2;
      const run = new Int16Array(cols);
      for (let c = 0; c < cols; c++) {
        const x = box.left + c * STEP + STEP / 2;
        const el = document.elementFromPoint(x, y);
        const g = el ? el.closest('svg.figure g[role="button"]') : null;
        const id = g ? g.id : null;
        hitAt[c] = id;
        if (!id) continue;
        const up = lastRow[c] === id ? lastRun[c] : 0;
        const left = c > 0 && hitAt[c - 1] === id ? run[c - 1] : 0;
        const diag = c > 0 && r > 0 && lastRow[c - 1] === id ? lastRun[c - 1] : 0;
        run[c] = 1 + Math.min(up, left, diag);
        const side = run[c] * STEP;
        if (!best[id] || side > best[id].side) {
          const label = (g!.getAttribute('aria-label') || id).split(':')[0];
          best[id] = { label, side, cx: x - (side - STEP) / 2, cy: y - (side - STEP) / 2 };
        }
      }
      lastRow = hitAt.slice();
      lastRun = run;
    }
    for (const g of Array.from(document.querySelectorAll('svg.figure g[role="button"]'))) {
      if (!best[g.id]) best[g.id] = { label: (g.getAttribute('aria-label') || g.id).split(':')[0], side: 0, cx: NaN, cy: NaN };
    }
    return best;
  });
}

/**
 * Effective size of area `id` on the drawing now shown: the largest of `sizes` for which a touch
 * click at each of 3×3 points of the square of that side centred on (cx, cy) opens or offers it.
 */
function measureEffective(page: Page, id: string, label: string, cx: number, cy: number, sizes: number[]): Promise<number> {
  return page.evaluate(async ({ id, label, cx, cy, sizes }) => {
    // After a paint and the task queued behind it (the editor focuses and scrolls then).
    const settle = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 0))));
    const offered = async (x: number, y: number) => {
      const el = document.elementFromPoint(x, y);
      // A point off the drawing (under the bottom bar, the switches or the labels) is a miss:
      // a tap there does something else.
      if (!el || !el.closest('svg.figure')) return false;
      el.dispatchEvent(new PointerEvent('click', {
        bubbles: true, cancelable: true, composed: true, clientX: x, clientY: y,
        pointerType: 'touch', isPrimary: true, detail: 1, view: window,
      } as PointerEventInit));
      await settle();
      const dialog = document.querySelector('[role="dialog"]');
      let ok = false;
      if (dialog) {
        const title = dialog.querySelector('#editor-title')?.textContent?.trim();
        const options = Array.from(dialog.querySelectorAll('.pick-option')).map((b) => b.getAttribute('data-for'));
        ok = title === label || options.includes(id);
        dialog.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
        await settle();
      }
      // Opening scrolls the tapped area above the sheet and closing focuses it again: back to
      // where the direct sizes were measured.
      window.scrollTo(0, 0);
      await settle();
      return ok;
    };
    for (const s of sizes) {
      let all = true;
      // The centre, the middles of the edges and the corners of the square.
      for (let i = 0; i < 3 && all; i++) {
        for (let j = 0; j < 3 && all; j++) {
          if (!(await offered(cx - s / 2 + (s * i) / 2, cy - s / 2 + (s * j) / 2))) all = false;
        }
      }
      if (all) return s;
    }
    return 0;
  }, { id, label, cx, cy, sizes });
}

test('every drawn area is at least 24 px for a finger on the view where it is marked', async ({ map, page }) => {
  test.setTimeout(1_200_000);
  await map.open();
  // The editor's code arrives after the first paint: open it once so every tap below finds it.
  await map.region('Front of thigh', 'left').focus();
  await page.keyboard.press('Enter');
  await expect(map.editor).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(map.editor).toBeHidden();
  const direct: Record<string, Record<Zoom, Direct[string] | undefined>> = {};
  const report: string[] = [];
  for (const view of VIEWS) {
    for (const zoom of ZOOMS) {
      await show(page, view, zoom);
      const sizes = await measureDirect(page);
      const all = Object.entries(sizes);
      const shown = all.filter(([, s]) => s.side > 0);
      const under24 = shown.filter(([, s]) => s.side < 24).length;
      const under44 = shown.filter(([, s]) => s.side < 44).length;
      const smallest = shown.reduce((m, [, d]) => Math.min(m, d.side), Infinity);
      report.push(`${view} ${zoom}: ${shown.length} areas shown, direct size under 44 px: ${under44}, under 24 px: ${under24}, smallest ${smallest} px`);
      for (const [id, s] of all) {
        direct[id] ??= { Whole: undefined, Upper: undefined, Legs: undefined };
        // An area cut off by the zoom's edge is measured only where it is whole enough to tap.
        direct[id][zoom] = s;
      }
    }
  }
  // Where each area is marked: the zoom where it is biggest.
  const rows: { id: string; label: string; zoom: Zoom; direct: number; effective: number }[] = [];
  for (const view of VIEWS) {
    const prefix = view === 'Front' ? 'r-f-' : 'r-b-';
    const ids = Object.keys(direct).filter((id) => id.startsWith(prefix));
    for (const zoom of ZOOMS) {
      const mine = ids.filter((id) => {
        const best = ZOOMS.reduce((a, z) => ((direct[id][z]?.side ?? -1) > (direct[id][a]?.side ?? -1) ? z : a), 'Whole' as Zoom);
        return best === zoom;
      });
      if (!mine.length) continue;
      await show(page, view, zoom);
      for (const id of mine) {
        const d = direct[id][zoom]!;
        const effective = d.side > 0 ? await measureEffective(page, id, d.label, d.cx, d.cy, [44, 32, 24]) : 0;
        rows.push({ id, label: d.label, zoom, direct: d.side, effective: Math.max(effective, d.side) });
      }
    }
  }
  // An area under 24 px there (say one cut by the zoom's edge, like the low back at the top of
  // the legs view) is marked where a finger does reach it: its other zooms are measured too and
  // the best one counts, named in the report.
  for (const view of VIEWS) {
    for (const zoom of ZOOMS) {
      const retry = rows.filter((r) => r.effective < 24 && r.id.startsWith(view === 'Front' ? 'r-f-' : 'r-b-')
        && r.zoom !== zoom && (direct[r.id][zoom]?.side ?? 0) > 0);
      if (!retry.length) continue;
      await show(page, view, zoom);
      for (const r of retry) {
        const d = direct[r.id][zoom]!;
        const effective = Math.max(await measureEffective(page, r.id, d.label, d.cx, d.cy, [44, 32, 24]), d.side);
        if (effective > r.effective) Object.assign(r, { zoom, direct: d.side, effective });
      }
    }
  }
  rows.sort((a, b) => a.effective - b.effective || a.direct - b.direct);
  report.push(`Marking view: ${rows.length} areas; effective under 44 px: ${rows.filter((r) => r.effective < 44).length}, under 24 px: ${rows.filter((r) => r.effective < 24).length}`);
  for (const view of VIEWS) {
    for (const zoom of ZOOMS) {
      const here = rows.filter((r) => r.zoom === zoom && r.id.startsWith(view === 'Front' ? 'r-f-' : 'r-b-'));
      if (!here.length) continue;
      const min = (k: 'direct' | 'effective') => Math.min(...here.map((r) => r[k]));
      report.push(`${view} ${zoom}, ${here.length} areas marked here: smallest direct ${min('direct')} px, effective ${min('effective')} px`);
    }
  }
  report.push('Smallest (effective / direct, on the view where each is marked):');
  for (const r of rows.slice(0, 12)) report.push(`  ${r.effective} / ${r.direct} px  ${r.label} (${r.zoom})`);
  console.log(report.join('\n'));
  expect(rows.length).toBeGreaterThanOrEqual(159);
  expect(rows.filter((r) => r.effective < 24).map((r) => `${r.label} (${r.zoom}): ${r.effective} px`)).toEqual([]);
});

/** A point inside the shape of `id` (its direct hit area), as near its box's centre as can be. */
function pointOn(page: Page, id: string) {
  return page.evaluate((id) => {
    const g = document.getElementById(id)!;
    const r = g.getBoundingClientRect();
    let best: { x: number; y: number; d: number } | null = null;
    for (let y = r.top; y <= r.bottom; y += 1) {
      for (let x = r.left; x <= r.right; x += 1) {
        const el = document.elementFromPoint(x, y);
        if (el?.closest('g[role="button"]') !== g) continue;
        const d = Math.hypot(x - (r.left + r.width / 2), y - (r.top + r.height / 2));
        if (!best || d < best.d) best = { x, y, d };
      }
    }
    return best;
  }, id);
}

test('a finger tap that touches several areas asks which one was meant; a mouse or the keyboard opens it at once', async ({ map, page }) => {
  await map.open();
  // The chooser comes with the editor's code, mounted just after the map (before that, a tap
  // opens the area under the finger's centre).
  await expect(page.locator('html')).toHaveAttribute('data-sheet', 'ready');
  const shin = map.region('Shin bone', 'left');
  const id = (await shin.getAttribute('id'))!;
  const p = await pointOn(page, id);
  expect(p, 'the shin bone can be hit at all').not.toBeNull();

  // A real touch on the thin shin bone (8 px wide on the whole-body view).
  await page.touchscreen.tap(p!.x, p!.y);
  await expect(map.editor.getByRole('heading', { name: 'Which one did you mean?' })).toBeVisible();
  await expect(page.locator('#editor-title')).toBeFocused();
  const options = map.editor.locator('.pick-option');
  const n = await options.count();
  expect(n).toBeGreaterThanOrEqual(2);
  expect(n).toBeLessThanOrEqual(4);
  for (let i = 0; i < n; i++) {
    const box = (await options.nth(i).boundingBox())!;
    expect(box.height, 'a big button').toBeGreaterThanOrEqual(44);
  }
  // The area tapped is offered first, by its full name.
  await expect(options.first()).toHaveText(/^Shin bone, your left/);
  await options.first().tap();
  await expect(map.editor.getByRole('heading', { name: 'Shin bone, your left' })).toBeVisible();
  await map.setSeverity('mild');
  await map.closeEditor();
  await expect(shin).toHaveAttribute('aria-label', /mild \(1 of 3\)/);

  // Closing the sheet scrolled the figure back to where it was: the same spot is under the finger.
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
  // The chooser says what is marked already, and Escape closes it without changing anything.
  await page.touchscreen.tap(p!.x, p!.y);
  await expect(options.filter({ hasText: 'Shin bone, your left' })).toContainText('now 1 mild');
  await expect(page.locator('#editor-title')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(map.editor).toBeHidden();
  await expect(shin).toHaveAttribute('aria-label', /mild \(1 of 3\)/);

  // A mouse is precise: its click opens the area it is on.
  await page.mouse.click(p!.x, p!.y);
  await expect(map.editor.getByRole('heading', { name: 'Shin bone, your left' })).toBeVisible();
  await map.closeEditor();

  // The keyboard never gets the chooser either.
  await shin.focus();
  await page.keyboard.press('Enter');
  await expect(map.editor.getByRole('heading', { name: 'Shin bone, your left' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(shin).toBeFocused();

  // In the middle of a big area on the legs view a tap opens it directly.
  await page.getByRole('group', { name: 'Zoom' }).getByRole('button', { name: 'Legs' }).tap();
  const thigh = map.region('Front of thigh', 'right');
  const q = await page.evaluate(() => {
    const g = document.querySelector('svg.figure g[aria-label^="Front of thigh, your right"]')!;
    const r = g.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  });
  await page.touchscreen.tap(q.x, q.y);
  await expect(map.editor.getByRole('heading', { name: 'Front of thigh, your right' })).toBeVisible();
  await map.setSeverity('moderate');
  await map.closeEditor();
  await expect(thigh).toHaveAttribute('aria-label', /moderate \(2 of 3\)/);
});
