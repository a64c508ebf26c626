// Helpers for the plan and session specs: seeding a stored document, answering the safety
// questions, reading what was saved, and an axe audit.
import AxeBuilder from '@axe-core/playwright';
import { expect, Page } from '@playwright/test';
import { RETURNING_PROFILE } from './fixtures';

/** Step times run this many times faster (honoured on localhost only; see src/device.rs). */
export const SPEED = 60;

/** Seeds `doc` (the envelope's data) once per test, with the screen answered today, and speeds up steps. */
export async function seed(page: Page, doc: object | null, speed = SPEED) {
  await page.addInitScript(([doc, speed, profile]) => {
    (window as any).__fasciamapTestSpeed = speed;
    if (doc && !sessionStorage.getItem('seeded')) {
      const d = new Date();
      const today = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
      const data = JSON.parse(JSON.stringify(doc));
      if (data.screen) data.screen.date = today;
      // A returning person: the welcome passed, floor and tools answered (unless the doc says).
      data.profile = { ...profile, ...(data.profile || {}) };
      localStorage.setItem('fasciamap.doc', JSON.stringify({ fmt: 'fasciamap', v: 1, rev: 1, saved_at: '', data }));
      sessionStorage.setItem('seeded', '1');
    }
  }, [doc, speed, RETURNING_PROFILE] as const);
}

/** A document with the screen answered (all no) and these marks: [region, side, severity]. */
export function docWith(marks: [string, string, number][], extra: object = {}) {
  return {
    map: { marks: marks.map(([region, side, severity]) => ({ region, side, severity })) },
    screen: { date: 'today', yes: [] },
    ...extra,
  };
}

export function nav(page: Page, name: 'Map' | 'Plan' | 'More') {
  return page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name }).tap();
}

/**
 * Answers every safety question no, except the keys in `yes` (amber only), step by step
 * ("Step 1 of 5" … "Step 5 of 5"), and saves. Returns how many questions were asked.
 */
export async function answerScreen(page: Page, yes: string[] = []) {
  await expect(page.getByRole('heading', { name: 'A few safety questions first' })).toBeVisible();
  let asked = 0;
  for (let step = 1; step <= 5; step++) {
    await expect(page.getByText(`Step ${step} of 5`, { exact: true })).toBeVisible();
    const groups = page.locator('.question');
    const n = await groups.count();
    for (let i = 0; i < n; i++) {
      const q = groups.nth(i);
      const key = (await q.getAttribute('aria-labelledby'))!.slice(2);
      await q.getByRole('button', { name: yes.includes(key) ? 'Yes' : 'No', exact: true }).tap();
    }
    asked += n;
    await page.getByRole('button', { name: step < 5 ? 'Next' : 'Save my answers', exact: true }).tap();
  }
  expect(asked).toBe(17);
  return asked;
}

/**
 * The stored document's data, after flushing the pending save (saves wait 300 ms; `pagehide`
 * writes at once). Sessions are kept compactly (`src/domain/history.rs`, `stored_sessions`);
 * they are expanded here to the `SessionRecord` shape the specs read.
 */
export async function stored(page: Page): Promise<any> {
  return page.evaluate(() => {
    window.dispatchEvent(new Event('pagehide'));
    const data = JSON.parse(localStorage.getItem('fasciamap.doc') || '{}').data;
    const side: Record<string, string> = { l: 'left', r: 'right', m: 'mid' };
    const outcome: Record<string, string> = { d: 'done', s: 'skipped', p: 'stopped_pain' };
    const at = (t: string) => ({ region: t.split('.')[0], side: side[t.split('.')[1]] });
    if (data && Array.isArray(data.sessions)) {
      data.sessions = data.sessions.map((r: any) => ({
        id: r.id,
        started_at: r.t,
        finished_at: r.e ?? null,
        steps: (r.k || []).map(([a, technique, planned_s, done_s, o]: any[]) =>
          ({ at: at(a), technique, planned_s, done_s, outcome: outcome[o] })),
        ratings: (r.r || []).map(([a, before, after]: any[]) => ({ at: at(a), before, after })),
      }));
    }
    return data;
  });
}

/** The steps shown on the plan screen, in order. */
export async function shownSteps(page: Page) {
  return page.locator('li.plan-step').evaluateAll((els) => els.map((e) => ({
    region: e.getAttribute('data-region'), side: e.getAttribute('data-side'), tool: e.getAttribute('data-tool'),
    position: e.getAttribute('data-position'), seconds: Number(e.getAttribute('data-seconds')),
  })));
}

export async function audit(page: Page, what: string) {
  const result = await new AxeBuilder({ page }).analyze();
  const summary = result.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.nodes[0]?.target}`);
  expect(summary, `axe violations on ${what}`).toEqual([]);
}

/** axe in light and in dark, then back to light. */
export async function auditBoth(page: Page, what: string) {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await audit(page, `${what} (${scheme})`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/** Every visible button is at least 44 × 44 px. */
export async function targetsBigEnough(page: Page, what: string) {
  const small = await page.locator('button:visible, summary:visible, select:visible').evaluateAll((els) => els
    .map((e) => { const r = e.getBoundingClientRect(); return { t: (e.textContent || e.getAttribute('aria-label') || '').trim().slice(0, 30), w: r.width, h: r.height }; })
    .filter((r) => r.w < 44 || r.h < 44));
  expect(small, `small touch targets on ${what}`).toEqual([]);
}
