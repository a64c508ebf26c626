// Phone screenshots of the progress screen's "today's session is due" line, the 28-day
// programme's reminders and the backup's "Send my backup", light and dark, at 390x844 and at
// 320 px wide with a 150 % base font, for a person to look at. Runs only on demand:
// `SHOOT_DIR=/tmp/progress-shots npx playwright test shoot_progress`. Also fails when a page
// scrolls sideways.
import { test, expect } from './fixtures';
import { seed, storedDoc } from './seed';

const out = process.env.SHOOT_DIR;

for (const [width, font] of [[390, 100], [320, 150]] as const) {
  for (const scheme of ['light', 'dark'] as const) {
    test(`progress shots ${width} px, ${font} % text, ${scheme}`, async ({ map, page }) => {
      test.skip(!out, 'screenshots only on demand (SHOOT_DIR)');
      await page.setViewportSize({ width, height: 844 });
      await page.emulateMedia({ colorScheme: scheme });
      await page.addInitScript((f) => {
        document.addEventListener('DOMContentLoaded', () => { document.documentElement.style.fontSize = `${f}%`; });
        // A share sheet that takes the file, as on a phone.
        Object.defineProperty(Navigator.prototype, 'canShare', { configurable: true, value: () => true });
        Object.defineProperty(Navigator.prototype, 'share', { configurable: true, value: async () => {} });
      }, font);
      await seed(page, storedDoc());
      await map.open();
      const name = (what: string) => `${out}/${what}-${width}-${font}-${scheme}.png`;
      const noSideways = async (what: string) => {
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, `${what} scrolls sideways`).toBeLessThanOrEqual(0);
      };
      // At 150 % the figure may cover the bottom bar (#13): click it without a hit test.
      await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Progress' }).dispatchEvent('click');
      await expect(page.locator('.due-today')).toBeVisible();
      await page.screenshot({ path: name('1-due') });
      await noSideways('progress');

      /** A phone screen's worth, starting at `top` (scrolled just under the sticky header). */
      const shot = async (what: string, top: import('@playwright/test').Locator) => {
        await top.evaluate((el) => {
          const header = document.querySelector('header');
          const y = el.getBoundingClientRect().top + window.scrollY - (header?.getBoundingClientRect().height || 0) - 8;
          window.scrollTo(0, Math.max(0, y));
        });
        await page.waitForTimeout(100);
        await page.screenshot({ path: name(what) });
      };
      await page.getByRole('group', { name: 'Show' }).getByRole('button', { name: '28 days' }).tap();
      const card = page.locator('.card.reminders');
      await shot('2-reminders', card);
      await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: 'Add reminders to my calendar' }).tap()]);
      await expect(card.getByRole('status')).toContainText('Calendar file saved');
      await shot('3-reminders-saved', card.getByLabel('Remind me each day at'));
      await noSideways('28 days');

      await page.getByRole('group', { name: 'Show' }).getByRole('button', { name: 'Backup' }).tap();
      await shot('4-backup', page.getByRole('heading', { name: 'Back up your history' }));
      await page.getByRole('button', { name: 'Send my backup' }).tap();
      await expect(page.locator('.sent-note')).toContainText('Backup handed over');
      await shot('5-move', page.getByRole('heading', { name: 'Moving to a new phone' }));
      await shot('6-sent', page.getByRole('button', { name: 'Send my backup' }));
      await noSideways('backup');
    });
  }
}
