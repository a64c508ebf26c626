// A tap on the map is answered before the rest of storage has arrived (issue #16): the editor
// sheet opens with only its own part in, the rating shows on the map at once, and it is held
// until the whole document is in, then applied to it and saved. Nothing saved before is lost
// or overwritten by the half-read map of the first paint.
import { test, expect, MapPage } from './fixtures';
import { seedSummary } from './summary_seed';

test('the first tap opens the editor while storage is still on its way, and the rating is kept', async ({ page }) => {
  const map = new MapPage(page);
  await seedSummary(page);
  // Hold back the storage part until the rating has been given.
  let release!: () => void;
  const released = new Promise<void>((r) => { release = r; });
  let held = 0;
  await page.route(/\/split_store-[^/]*\.wasm$/, async (route) => {
    held += 1;
    await released;
    await route.continue();
  });
  await page.goto('./');
  const thigh = map.region('Front of thigh', 'left');
  await expect(thigh).toBeVisible();
  await expect(page.locator('main')).toHaveAttribute('aria-busy', 'true');
  await expect.poll(() => held).toBeGreaterThan(0);

  // The seeded map says 1 (mild) for the left front of the thigh; make it 3.
  await expect(thigh).toHaveAttribute('aria-label', /^Front of thigh, your left: mild \(1 of 3\)/);
  await thigh.tap();
  await expect(map.editor).toBeVisible();
  // A finger tap that also touched a neighbour is asked about first.
  await map.pickIfAsked('Front of thigh, your left');
  await map.setSeverity('strong');
  await expect(thigh).toHaveAttribute('aria-label', /^Front of thigh, your left: strong \(3 of 3\)/);
  await map.closeEditor();
  // Storage is still held back: nothing has been written yet.
  await expect(page.locator('main')).toHaveAttribute('aria-busy', 'true');
  const stored = async () => {
    const raw = await page.evaluate(() => localStorage.getItem('fasciamap.doc'));
    const data = JSON.parse(raw || '{}').data || {};
    const mark = (data.map?.marks || []).find((m: any) => m.region === 'quadriceps' && m.side === 'left');
    return [mark?.severity, (data.checkins || []).length >= 12, (data.sessions || []).length, data.profile?.tools?.length];
  };
  expect(await stored()).toEqual([1, true, 10, 2]);

  release();
  await expect(page.locator('main')).toHaveAttribute('aria-busy', 'false');
  await expect(thigh).toHaveAttribute('aria-label', /^Front of thigh, your left: strong \(3 of 3\)/);
  // Saved with the rest of the document: the rating, and the history that was there.
  await expect.poll(stored).toEqual([3, true, 10, 2]);

  await page.reload();
  await expect(page.locator('main')).toHaveAttribute('aria-busy', 'false');
  await expect(thigh).toHaveAttribute('aria-label', /^Front of thigh, your left: strong \(3 of 3\)/);
});
