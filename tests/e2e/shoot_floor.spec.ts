// Phone screenshots of the guided session for someone on the floor (#13): a step with the
// sound question, the calm screen after a sharp-pain stop, the re-rating, the end screen and the
// programme's today, light and dark, at 390x844, and at 320 px wide with 150 % and 200 % text,
// for a person to look at. Runs only on demand:
// `SHOOT_DIR=/tmp/floor-shots npx playwright test shoot_floor`. Also fails when a page scrolls
// sideways.
import { test, expect, textAt } from './fixtures';
import { docWith, seed } from './plan_helpers';
import { localDay } from './seed';

const out = process.env.SHOOT_DIR;

for (const [width, font] of [[390, 100], [320, 150], [320, 200]] as const) {
  for (const scheme of ['light', 'dark'] as const) {
    test(`session shots ${width} px, ${font} % text, ${scheme}`, async ({ map, page }) => {
      test.skip(!out, 'screenshots only on demand (SHOOT_DIR)');
      await page.setViewportSize({ width, height: 844 });
      await page.emulateMedia({ colorScheme: scheme });
      await textAt(page, font);
      await seed(page, docWith([['quadriceps', 'right', 3], ['quadriceps', 'left', 1], ['calf', 'left', 2]], {
        programme: { start: localDay(-3) },
        profile: { tools: ['tennis_ball', 'soft_roller'] },
      }));
      await map.open();
      const shot = async (what: string) => {
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, `${what} scrolls sideways`).toBeLessThanOrEqual(0);
        await page.waitForTimeout(150);
        await page.screenshot({ path: `${out}/${what}-${width}-${font}-${scheme}.png` });
        await page.screenshot({ path: `${out}/${what}-${width}-${font}-${scheme}-full.png`, fullPage: true });
      };
      const nav = (name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name, exact: true }).dispatchEvent('click');
      await nav('Progress');
      await page.getByRole('group', { name: 'Show' }).getByRole('button', { name: '28 days', exact: true }).tap();
      await page.locator('.card.today').scrollIntoViewIfNeeded();
      await shot('1-programme-today');
      await page.getByRole('button', { name: "Start today's session" }).tap();
      await expect(page.getByText('Step 1 of 3')).toBeVisible();
      await shot('2-step-sound-question');
      await page.getByRole('button', { name: 'Start', exact: true }).tap();
      await page.getByRole('button', { name: 'Sharp pain or tingling: stop' }).tap();
      await expect(page.locator('section.pain-stop')).toBeVisible();
      await page.evaluate(() => window.scrollTo(0, 0));
      await shot('3-pain-stop');
      await page.getByRole('button', { name: 'Go on with the next step' }).tap();
      // At 200 % the bottom bar is taller than the room main leaves for it (reflow, #13), so
      // the last buttons are clicked without a hit test here.
      await page.getByRole('button', { name: 'Done with this one' }).dispatchEvent('click');
      await expect(page.getByText('Step 3 of 3')).toBeVisible();
      await page.getByRole('button', { name: 'Done with this one' }).dispatchEvent('click');
      await expect(page.getByRole('heading', { name: 'Well done' })).toBeVisible();
      await page.locator('.after-buttons button').first().tap();
      await shot('4-rerate');
      await page.getByRole('button', { name: 'Save session' }).dispatchEvent('click');
      await expect(page.getByRole('heading', { name: 'Session done' })).toBeVisible();
      await page.evaluate(() => window.scrollTo(0, 0));
      await shot('5-end');
    });
  }
}
