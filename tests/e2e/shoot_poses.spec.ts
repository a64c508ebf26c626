// Phone screenshots of the position drawings (issue #14) on plan steps and the session screen,
// light and dark, at 390x844 and at 320 px wide with a 150 % base font, for a person to look
// at: would someone who has never used a roller know how to lie down? Runs only on demand:
// `SHOOT_DIR=/tmp/poses-shots npx playwright test shoot_poses`. Also fails when a page scrolls
// sideways.
import { test, expect, textAt } from './fixtures';
import { docWith, seed } from './plan_helpers';

const out = process.env.SHOOT_DIR;

/** Two people: one who may use the floor, one who may not (chair, wall and bed variants). */
const people = {
  floor: docWith([
    ['quadriceps', 'right', 3], ['hamstrings', 'left', 2], ['outer_thigh', 'right', 2], ['calf', 'left', 2],
    ['adductors', 'right', 2], ['shin_muscle', 'left', 1], ['lats', 'right', 2], ['hip_flexor', 'left', 1],
    ['glute_max', 'right', 2], ['between_shoulder_blades', 'left', 2], ['suboccipital', 'right', 1], ['sole', 'left', 1],
  ], { profile: { sensitivity: 'low' } }),
  chair: docWith([
    ['quadriceps', 'right', 3], ['hamstrings', 'left', 2], ['outer_thigh', 'right', 2], ['calf', 'left', 2],
    ['adductors', 'right', 2], ['shin_muscle', 'left', 1], ['lats', 'right', 2], ['chest', 'left', 1],
    ['glute_max', 'right', 2], ['upper_trapezius', 'left', 2], ['sole', 'right', 1], ['forearm_front', 'left', 1],
  ], { profile: { floor_ok: false, sensitivity: 'low' } }),
};

for (const [who, doc] of Object.entries(people)) {
  for (const [width, font] of [[390, 100], [320, 150]] as const) {
    for (const scheme of ['light', 'dark'] as const) {
      test(`pose shots: ${who}, ${width} px, ${font} % text, ${scheme}`, async ({ map, page }) => {
        test.skip(!out, 'screenshots only on demand (SHOOT_DIR)');
        await page.setViewportSize({ width, height: 844 });
        await page.emulateMedia({ colorScheme: scheme });
        await textAt(page, font);
        await seed(page, doc);
        await map.open();
        // At 150 % the figure may cover the bottom bar (#13): click it without a hit test.
        await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Plan' }).dispatchEvent('click');
        const steps = page.locator('li.plan-step');
        await expect(steps.first().locator('svg.pose-figure')).toBeVisible();
        const n = await steps.count();
        expect(n).toBeGreaterThanOrEqual(6);
        for (let i = 0; i < n; i++) {
          const step = steps.nth(i);
          await step.scrollIntoViewIfNeeded();
          await expect(step.locator('svg.pose-figure')).toBeVisible();
          const region = await step.getAttribute('data-region');
          await step.screenshot({ path: `${out}/${who}-${String(i + 1).padStart(2, '0')}-${region}-${width}-${font}-${scheme}.png` });
        }
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, 'the plan scrolls sideways').toBeLessThanOrEqual(0);
        await page.getByRole('button', { name: 'Start guided session' }).dispatchEvent('click');
        await expect(page.locator('.session-screen .pose-wrap.large svg')).toBeVisible();
        await page.screenshot({ path: `${out}/${who}-session-${width}-${font}-${scheme}.png`, fullPage: true });
        const overflow2 = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow2, 'the session scrolls sideways').toBeLessThanOrEqual(0);
      });
    }
  }
}
