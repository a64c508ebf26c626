// The drawing of every step's position (issue #14): on the plan with a text alternative that
// names the position and the side, never a closed position for a person whose knee, bones or
// floor closed it, large on the session screen, and visible in the dark theme.
import { test, expect } from './fixtures';
import { docWith, nav, seed } from './plan_helpers';
import type { Page } from '@playwright/test';

/** The drawings on the plan, in step order: accessible name and pose. */
async function drawings(page: Page) {
  const steps = page.locator('li.plan-step');
  await expect(steps.first().locator('svg.pose-figure')).toBeVisible();
  const n = await steps.count();
  const out: { region: string; side: string; label: string; pose: string }[] = [];
  for (let i = 0; i < n; i++) {
    const step = steps.nth(i);
    const img = step.getByRole('img');
    await expect(img).toBeVisible();
    out.push({
      region: (await step.getAttribute('data-region'))!,
      side: (await step.getAttribute('data-side'))!,
      label: (await img.getAttribute('aria-label'))!,
      pose: (await step.locator('.pose-wrap').getAttribute('data-pose'))!,
    });
  }
  return out;
}

test('a plan step shows a drawing of its position that says the position and the side', async ({ map, page }) => {
  await seed(page, docWith([['quadriceps', 'right', 3], ['quadriceps', 'left', 1]]));
  await map.open();
  await nav(page, 'Plan');
  await expect(page.getByRole('heading', { name: 'Your plan' })).toBeVisible();
  const shown = await drawings(page);
  expect(shown.map((d) => `${d.region}/${d.side}`)).toEqual(['quadriceps/right', 'quadriceps/left']);
  const [right, left] = shown;
  expect(right.pose).toBe('FaceDownForearms');
  expect(right.label).toMatch(/^Lying face down on the floor, on your forearms, a soft foam roller under the front of your right thigh; roll slowly from .+ to .+\.$/);
  expect(right.label).not.toMatch(/\bleft\b/);
  expect(left.label).toContain('front of your left thigh');
  expect(left.label).not.toMatch(/\bright\b/);
  // The side is also written in the drawing, and the left one is the right one mirrored.
  const first = page.locator('li.plan-step').first();
  await expect(first.locator('.pose-side')).toHaveText('Right side');
  await expect(page.locator('li.plan-step').nth(1).locator('.pose-side')).toHaveText('Left side');
  await expect(page.locator('li.plan-step').nth(1).locator('svg.pose-figure > g')).toHaveAttribute('transform', /matrix\(-1/);
  // Readable on a phone: 120 px tall, wider than tall, inside the step card.
  const box = (await first.locator('svg.pose-figure').boundingBox())!;
  expect(Math.round(box.height)).toBe(120);
  expect(box.width).toBeGreaterThan(150);
  const card = (await first.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(card.x + card.width);
  // The worked area, the tool and the arrow are drawn.
  for (const part of ['.pf-area', '.pf-tool', '.pf-arrow']) await expect(first.locator(part).first()).toBeAttached();
});

test('a person with a replaced knee, osteoporosis and no floor sees no floor, kneeling or face-down drawing', async ({ map, page }) => {
  const marks: [string, string, number][] = [
    ['quadriceps', 'right', 2], ['quadriceps', 'left', 2], ['shin_muscle', 'right', 2], ['hamstrings', 'left', 2],
    ['calf', 'right', 2], ['adductors', 'left', 2], ['outer_thigh', 'right', 2], ['chest', 'left', 2],
    ['sole', 'right', 2], ['between_shoulder_blades', 'right', 2],
  ];
  await seed(page, docWith(marks, {
    profile: {
      conditions: [{ id: 'osteoporosis' }, { id: 'joint_replacement', joint: 'knee', side: 'left' }],
      floor_ok: false,
    },
  }));
  await map.open();
  await nav(page, 'Plan');
  await expect(page.getByRole('heading', { name: 'Your plan' })).toBeVisible();
  const shown = await drawings(page);
  expect(shown.length).toBeGreaterThanOrEqual(4);
  const closedPoses = ['AllFours', 'FaceDownForearms', 'FaceDownKneeOut', 'FaceDownHeadOnHands', 'SideLyingForearm',
    'SideLyingArmOverhead', 'LegsOutHandsBehind', 'LegsOut', 'SittingAnkleOnKnee', 'BackOnFloor', 'BackAnkleOnKnee',
    'BackHandsBehindHead', 'LeaningForward', 'FootOnKnee', 'LegsOutOnBed'];
  for (const d of shown) {
    expect(closedPoses, `${d.region}/${d.side}: ${d.label}`).not.toContain(d.pose);
    expect(d.label, d.region).not.toMatch(/on the floor|face down|kneel|all fours|on your side|leaning forward|other knee|legs out straight/i);
    const other = d.side === 'left' ? 'right' : 'left';
    expect(d.label).toMatch(new RegExp(`\\b${d.side}\\b`));
    expect(d.label).not.toMatch(new RegExp(`\\b${other}\\b`));
  }
});

test('the session screen shows the current step large', async ({ map, page }) => {
  await seed(page, docWith([['calf', 'left', 2]], { profile: { floor_ok: false } }));
  await map.open();
  await nav(page, 'Plan');
  await page.getByRole('button', { name: 'Start guided session' }).tap();
  await expect(page.getByText('Step 1 of 1')).toBeVisible();
  const img = page.locator('.session-screen .pose-wrap.large').getByRole('img');
  await expect(img).toBeVisible();
  await expect(img).toHaveAttribute('aria-label', /^Sitting upright on a chair, the left leg resting on a footstool, a tennis ball under your left calf; roll slowly/);
  const box = (await img.boundingBox())!;
  expect(box.width).toBeGreaterThan(300);
  expect(box.height).toBeGreaterThan(200);
  // It stays while the step runs, next to the countdown.
  await page.getByRole('button', { name: 'Start', exact: true }).tap();
  await expect(img).toBeVisible();
});

for (const scheme of ['light', 'dark'] as const) {
  test(`the drawing follows the ${scheme} theme and stands out from the page`, async ({ map, page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await seed(page, docWith([['hamstrings', 'right', 2]]));
    await map.open();
    await nav(page, 'Plan');
    const svg = page.locator('li.plan-step svg.pose-figure').first();
    await expect(svg).toBeVisible();
    const colours = await svg.evaluate((el) => {
      const css = (sel: string, prop: string) => getComputedStyle(el.querySelector(sel)!).getPropertyValue(prop);
      return {
        page: getComputedStyle(el.closest('li')!).backgroundColor,
        edge: css('.pf-edge', 'stroke'),
        ground: css('.pf-ground', 'stroke'),
        tool: css('.pf-tool', 'stroke'),
        area: css('.pf-area', 'stroke'),
        arrow: css('.pf-arrow', 'stroke'),
      };
    });
    const lum = (c: string) => {
      const [r, g, b] = c.match(/\d+(\.\d+)?/g)!.slice(0, 3).map(Number);
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    for (const [k, v] of Object.entries(colours)) {
      if (k === 'page') continue;
      expect(v, k).not.toBe(colours.page);
      expect(Math.abs(lum(v) - lum(colours.page)), `${k} ${v} on ${colours.page}`).toBeGreaterThan(40);
    }
    // The page is dark in the dark theme, and the outlines are light there.
    if (scheme === 'dark') expect(lum(colours.page)).toBeLessThan(80);
    else expect(lum(colours.page)).toBeGreaterThan(200);
  });
}

test('the shared read-only plan shows the drawings too, in words about the person who shared it', async ({ map, page }) => {
  // The golden link of src/domain/persistence/link.rs: calves, osteoporosis, a replaced right knee.
  await map.open();
  await page.goto('./#b1.AQddJgEDCwI-DD4VAwAABAkFEAtcHVzk');
  await page.reload();
  await expect(page.getByRole('heading', { name: 'A shared body map' })).toBeVisible();
  const steps = page.locator('.shared-plan ol.steps li');
  await expect(steps.first().getByRole('img')).toBeVisible();
  const n = await steps.count();
  expect(n).toBeGreaterThan(0);
  for (let i = 0; i < n; i++) {
    const label = (await steps.nth(i).getByRole('img').getAttribute('aria-label'))!;
    expect(label).toMatch(/\btheir (left|right) calf\b/);
    // Like every word of the shared view, it speaks of the person who shared the map.
    expect(label).not.toMatch(/\b(you|your|yourself)\b/i);
    // Osteoporosis closes the rounded back of sitting with the legs out or leaning forward.
    expect(label).not.toMatch(/legs out straight|leaning forward|face down/);
  }
});
