// Phone screenshots of "Check my legs" (#14): the way in on the map, a group step with both
// sides chosen, front against back and the end, light and dark, at 390x844 and at 320 px wide
// with 150 % and 200 % text, for a person to look at. Runs only on demand:
// `SHOOT_DIR=/tmp/walk-shots npx playwright test shoot_leg_check`. Also fails when a page
// scrolls sideways.
import { test, expect, textAt } from './fixtures';

const out = process.env.SHOOT_DIR;

for (const [width, font] of [[390, 100], [320, 150], [320, 200]] as const) {
  for (const scheme of ['light', 'dark'] as const) {
    test(`leg check shots ${width} px, ${font} % text, ${scheme}`, async ({ map, page }) => {
      test.skip(!out, 'screenshots only on demand (SHOOT_DIR)');
      await page.setViewportSize({ width, height: 844 });
      await page.emulateMedia({ colorScheme: scheme });
      await textAt(page, font);
      await map.open();
      // The map screen itself (header tabs, bottom bar) is wider than 320 px at 150 % text
      // before this feature too; only the walk's own screens are held to the phone's width.
      const shot = async (what: string, strict = true) => {
        // Against the phone's width: a page too wide for a phone is zoomed out, not scrolled.
        const overflow = await page.evaluate((w) => document.documentElement.scrollWidth - w, width);
        if (strict) expect(overflow, `${what} scrolls sideways`).toBeLessThanOrEqual(0);
        await page.waitForTimeout(150);
        await page.screenshot({ path: `${out}/${what}-${width}-${font}-${scheme}.png` });
        await page.screenshot({ path: `${out}/${what}-${width}-${font}-${scheme}-full.png`, fullPage: true });
      };
      await page.getByRole('button', { name: 'Low back pain or stiffness' }).tap();
      await page.getByRole('button', { name: 'Check my legs, left against right' }).scrollIntoViewIfNeeded();
      await shot('1-map', false);
      await page.getByRole('button', { name: 'Check my legs, left against right' }).tap();
      await expect(page.getByText('Step 1 of 6')).toBeVisible();
      await shot('2-front');
      await page.getByRole('button', { name: 'Skip this step' }).tap();
      await page.getByRole('button', { name: 'Skip this step' }).tap();
      await expect(page.getByText('Step 3 of 6')).toBeVisible();
      await page.getByRole('group', { name: 'How did your left side feel?' }).getByRole('button', { name: /^1 mild$/ }).tap();
      await page.getByRole('group', { name: 'How did your right side feel?' }).getByRole('button', { name: /^3 strong$/ }).tap();
      await shot('3-outer');
      await page.getByRole('button', { name: 'Next', exact: true }).tap();
      await page.getByRole('button', { name: 'Skip this step' }).tap();
      await expect(page.getByText('Step 5 of 6')).toBeVisible();
      await shot('4-calves');
      await page.getByRole('button', { name: 'Skip this step' }).tap();
      await shot('5-front-back');
      await page.getByRole('button', { name: 'The front of my legs' }).tap();
      await expect(page.getByRole('heading', { name: 'Your legs are checked' })).toBeVisible();
      await shot('6-end');
    });
  }
}
