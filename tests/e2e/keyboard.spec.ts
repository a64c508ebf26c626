// Keyboard only: reach a region, open it, rate it, close with Escape and land back on it.
import { test, expect } from './fixtures';

test('a region can be reached, rated and closed with the keyboard alone', async ({ map, page }) => {
  await map.open();
  const target = map.region('Front of thigh', 'left');
  await target.focus();
  await expect(target).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(map.editor).toBeVisible();
  await expect(page.locator('#editor-title')).toBeFocused();
  // Tab to "2 moderate" and press Space.
  const moderate = map.editor.getByRole('button', { name: /^2 moderate$/ });
  for (let i = 0; i < 8 && !(await moderate.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(moderate).toBeFocused();
  await page.keyboard.press('Space');
  await expect(moderate).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('status')).toHaveText(/Front of thigh, your left: moderate \(2 of 3\)/);
  await page.keyboard.press('Escape');
  await expect(map.editor).toBeHidden();
  await expect(target).toBeFocused();
  await expect(target).toHaveAttribute('aria-label', /moderate \(2 of 3\)/);

  // Escape right after Enter, before focus has moved into the sheet (here: both keys in one go,
  // the Escape still on the area), closes it too.
  await target.evaluate((el) => {
    el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
  });
  await expect(map.editor).toBeHidden();
  await expect(target).toBeFocused();
  // And the sheet does not come back once the focus move that was on its way has run.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 50)))));
  await expect(map.editor).toBeHidden();
  await expect(target).toBeFocused();
});

test('every tappable shape is in the tab order with a name', async ({ map, page }) => {
  await map.open();
  const shapes = page.locator('svg.figure g[role="button"]');
  const labels = await shapes.evaluateAll((els) => els.map((e) => [e.getAttribute('tabindex'), e.getAttribute('aria-label')]));
  for (const [tab, label] of labels) {
    expect(tab).toBe('0');
    expect(label).toMatch(/^[A-Z].+: not marked$/);
  }
});
