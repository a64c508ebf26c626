// axe-core finds no violations on any screen of the map (front, back, editor open, list) and on the
// summary for a clinician.
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures';
import { openSummary, seedSummary } from './summary_seed';

async function audit(page: import('@playwright/test').Page, what: string) {
  const result = await new AxeBuilder({ page }).analyze();
  const summary = result.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.nodes[0]?.target}`);
  expect(summary, `axe violations on ${what}`).toEqual([]);
}

test('no axe violations on the map, the editor and the list, in light and dark', async ({ map, page }) => {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await map.open();
    await audit(page, `front view (${scheme})`);
    await map.region('Calf', 'left').or(map.region('Front of thigh', 'left')).first().tap();
    await map.pickIfAsked();
    await map.setSeverity('strong');
    await audit(page, `editor (${scheme})`);
    await map.closeEditor();
    await map.showView('Back');
    await audit(page, `back view (${scheme})`);
    await page.getByRole('button', { name: 'List' }).tap();
    await audit(page, `list view (${scheme})`);
    await page.evaluate(() => localStorage.clear());
  }
});

test('no axe violations on the summary for a clinician, in light and dark, on screen and in print', async ({ page }) => {
  await seedSummary(page);
  await page.goto('./');
  await expect(page.locator('main')).toHaveAttribute('aria-busy', 'false');
  await openSummary(page);
  for (const scheme of ['light', 'dark'] as const) {
    for (const media of ['screen', 'print'] as const) {
      await page.emulateMedia({ colorScheme: scheme, media });
      await audit(page, `clinician summary (${scheme}, ${media})`);
    }
  }
});

test('no axe violations on the loading page\'s map and its sheet, before the app\'s code, in light and dark', async ({ map, page }) => {
  await map.open();
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  await page.route(/_bg-?[0-9a-f]*\.wasm$/, async (route) => {
    await held;
    await route.continue();
  });
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('./');
    await expect(page.locator('#boot svg.figure')).toBeVisible();
    await audit(page, `loading page's map (${scheme})`);
    const shape = page.locator('#boot [data-a="kneecap-left"] path.shape');
    const r = (await shape.boundingBox())!;
    await page.touchscreen.tap(r.x + r.width / 2, r.y + r.height / 2);
    const sheet = page.getByRole('dialog', { name: 'Kneecap, your left' });
    await expect(sheet).toBeVisible();
    await sheet.getByRole('button', { name: '2 moderate' }).tap();
    await audit(page, `loading page's sheet (${scheme})`);
  }
  release();
});
