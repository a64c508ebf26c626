// The app's own install details (#15): manifest shortcuts that open the right screen, and phone
// screenshots for Android's richer install dialog, all served relative to the app.
import { test, expect } from './fixtures';

test('the manifest offers shortcuts and phone screenshots, served next to the app', async ({ page, map }) => {
  await map.open();
  const manifest = await page.evaluate(async () => {
    const href = document.querySelector('link[rel=manifest]')!.getAttribute('href')!;
    return (await fetch(href)).json();
  });
  expect(manifest.shortcuts.map((s: any) => s.url)).toEqual(['./?open=map', './?open=session', './?open=progress']);
  for (const s of manifest.shortcuts) {
    expect(s.name.length).toBeGreaterThan(3);
    expect(s.icons[0].src).toBe('icons/icon-192.png');
  }
  expect(manifest.screenshots).toHaveLength(3);
  for (const shot of manifest.screenshots) {
    expect(shot.form_factor).toBe('narrow');
    const size = await page.evaluate(async (src) => {
      const img = new Image();
      img.src = src;
      await img.decode();
      return `${img.naturalWidth}x${img.naturalHeight}`;
    }, shot.src);
    expect(size).toBe(shot.sizes);
  }
});

// A first visit to the plan asks the safety questions before any step.
for (const [open, heading] of [['session', 'A few safety questions first'], ['progress', 'Your progress']] as const) {
  test(`the "${open}" shortcut opens its screen and leaves a clean address`, async ({ page }) => {
    await page.goto(`./?open=${open}`);
    await expect(page.getByRole('heading', { name: heading })).toBeVisible();
    expect(new URL(page.url()).search).toBe('');
  });
}

test('an unknown shortcut opens the map as usual', async ({ page }) => {
  await page.goto('./?open=elsewhere');
  await expect(page.getByRole('heading', { name: 'FasciaMap', exact: true })).toBeVisible();
  await expect(page.locator('svg.figure').first()).toBeVisible();
});
