// Installed and offline: the service worker of the release build activates, and with the
// network cut for real (server stopped and the browser offline) a reload still gives a fully
// working app: the map, the list, the plan with its safety questions, a guided session,
// history, sharing (link and QR), opening a shared link, saving it.
// Run from the root and from a subpath, as a static host would serve it.
import { test, expect, MapPage } from './fixtures';
import { Server, DIST } from './server';
import type { Page } from '@playwright/test';
import { answerScreen, nav } from './plan_helpers';

test.use({ serviceWorkers: 'allow' });

/** Waits until a service worker controls the page. */
async function controlled(page: Page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 20_000 });
}

for (const base of ['/', '/fasciamap/']) {
  test(`works offline after the first visit (served from ${base})`, async ({ map, page, context }) => {
    const server = await Server.start(DIST, base);
    try {
      await page.goto(server.url);
      await expect(page.getByRole('heading', { name: 'FasciaMap', exact: true })).toBeVisible();
      await expect(page.locator('main')).toHaveAttribute('aria-busy', 'false');
      await controlled(page);
      const info = await page.evaluate(async () => {
        const reg = await navigator.serviceWorker.ready;
        return { scope: reg!.scope, script: reg!.active!.scriptURL, caches: await caches.keys() };
      });
      expect(info.scope).toBe(server.url);
      expect(info.script).toBe(`${server.url}sw.js`);
      expect(info.caches).toHaveLength(1);
      expect(info.caches[0]).toMatch(/^fasciamap-[0-9a-f]{16}$/);
      // The manifest and icons are reachable relative to the app, wherever it is served.
      const manifest = await page.evaluate(async () => {
        const href = document.querySelector('link[rel=manifest]')!.getAttribute('href')!;
        return (await fetch(href)).json();
      });
      expect(manifest).toMatchObject({ start_url: './', scope: './', display: 'standalone' });

      const m = new MapPage(page);
      await m.tapRegion('Front of thigh', 'right');
      await m.setSeverity('strong');
      await m.closeEditor();

      // Cut the network for real.
      await server.stop();
      await context.setOffline(true);

      await page.reload();
      await expect(page.getByRole('heading', { name: 'FasciaMap', exact: true })).toBeVisible();
      await expect(page.locator('main')).toHaveAttribute('aria-busy', 'false');
      await expect(m.region('Front of thigh', 'right')).toHaveAttribute('aria-label', /strong/);
      // Editing still works and is kept.
      await m.tapRegion('Front of thigh', 'left');
      await m.setSeverity('mild');
      await m.closeEditor();
      // The list view.
      await page.getByRole('button', { name: 'List' }).tap();
      await expect(m.cell('Front of thigh', 'left')).toContainText('mild');
      // Sharing: the link and its QR code are made on the device.
      await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'More' }).tap();
      await page.getByRole('button', { name: /^Share my map/ }).tap();
      const url = await page.locator('#share-link').inputValue();
      expect(url.startsWith(`${server.url}#b1.`)).toBe(true);
      await page.getByRole('button', { name: 'Show QR code' }).tap();
      await expect(page.getByRole('img', { name: 'QR code of the share link' })).toBeVisible();
      // Opening a shared link offline: the navigation is answered from the cache.
      await page.goto(url);
      await expect(page.getByRole('heading', { name: 'A shared body map' })).toBeVisible();
      await expect(page.locator('.shared-plan ol.steps li').first()).toBeVisible();
      await page.getByRole('button', { name: 'Save to my history' }).tap();
      await page.getByRole('alertdialog').getByRole('button', { name: 'Save' }).tap();
      await expect(page.getByText('Saved to your history').first()).toBeVisible();
      // A reload offline still has everything.
      await page.reload();
      await expect(m.region('Front of thigh', 'left')).toHaveAttribute('aria-label', /mild/);
      const doc = JSON.parse((await page.evaluate(() => localStorage.getItem('fasciamap.doc')))!);
      expect(doc.data.imported).toHaveLength(1);
      // The plan (after the safety questions), a guided session and the history, all offline:
      // every lazily loaded part came from the service worker's cache.
      await nav(page, 'Plan');
      await answerScreen(page);
      await expect(page.locator('li.plan-step').first()).toBeVisible();
      await page.getByRole('button', { name: 'Start guided session' }).tap();
      await page.getByRole('button', { name: 'Start', exact: true }).tap();
      await expect(page.getByText(/Step 1 of \d+/)).toBeVisible();
      await expect(page.getByRole('button', { name: 'Sharp pain or tingling: stop' })).toBeVisible();
      await page.getByRole('button', { name: 'End the session here' }).tap();
      await expect(page.getByRole('heading', { name: 'Well done' })).toBeVisible();
      await page.getByRole('button', { name: 'Save session' }).tap();
      await page.getByRole('button', { name: 'Progress', exact: true }).tap();
      await expect(page.locator('li.entry.session').first()).toBeVisible();
      await expect(page.locator('li.entry.checkin').first()).toBeVisible();
      // No update prompt without a new version.
      await expect(page.getByText('A new version of FasciaMap is ready')).toHaveCount(0);
    } finally {
      await context.setOffline(false);
      await server.stop();
    }
  });
}
