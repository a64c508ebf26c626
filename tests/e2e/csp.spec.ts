// Content-Security-Policy and privacy of the release build: the policy is in the page, allows
// only the app's own scripts and wasm (the inline loader by its hash, never 'unsafe-inline'),
// actually blocks injected inline code, and using every screen reports no violation.
import { test, expect } from './fixtures';
import { test as plain } from '@playwright/test';
import { watchCsp } from './fixtures';

test('the page carries a strict policy and no-referrer', async ({ map, page }) => {
  await map.open();
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("default-src 'none'");
  // Trunk's loader and the loading page's tap keeper (index.html), each by its hash.
  expect(csp).toMatch(/script-src 'self' 'wasm-unsafe-eval'( 'sha256-[A-Za-z0-9+/]+=*'){2}(;|$)/);
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).not.toContain("'unsafe-eval'");
  expect(csp).toContain("connect-src 'self'");
  expect(csp).toContain("object-src 'none'");
  await expect(page.locator('meta[name="referrer"]')).toHaveAttribute('content', 'no-referrer');
  // The policy comes before any script.
  const order = await page.evaluate(() => {
    const all = [...document.head.children];
    return all.findIndex((e) => e.matches('meta[http-equiv]')) < all.findIndex((e) => e.tagName === 'SCRIPT');
  });
  expect(order).toBe(true);
});

test('every screen works with no violation and no foreign request', async ({ map, page }) => {
  await map.open();
  await map.tapRegion('Front of thigh', 'right');
  await map.setSeverity('moderate');
  await map.closeEditor();
  await page.getByRole('button', { name: 'List' }).tap();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'More' }).tap();
  await page.getByRole('button', { name: /^Share my map/ }).tap();
  await page.getByRole('button', { name: 'Show QR code' }).tap();
  await expect(page.getByRole('img', { name: 'QR code of the share link' })).toBeVisible();
  const url = await page.locator('#share-link').inputValue();
  await page.goto(url);
  await expect(page.getByRole('heading', { name: 'A shared body map' })).toBeVisible();
  await page.getByRole('button', { name: 'Back', exact: true }).tap();
  await page.getByRole('button', { name: 'Close' }).tap();
  // The fixtures fail the test on any violation or request to another origin.
});

plain('the policy really blocks injected inline script', async ({ page, baseURL }) => {
  await page.addInitScript(watchCsp);
  const violations: string[] = [];
  page.on('console', (m) => { if (m.text().startsWith('CSP violation')) violations.push(m.text()); });
  await page.goto(baseURL!);
  await expect(page.getByRole('heading', { name: 'FasciaMap', exact: true })).toBeVisible();
  await expect(page.locator('main')).toHaveAttribute('aria-busy', 'false');
  const ran = await page.evaluate(async () => {
    (window as any).__injected = false;
    const s = document.createElement('script');
    s.textContent = 'window.__injected = true';
    document.body.appendChild(s);
    const img = document.createElement('img');
    img.src = 'https://example.com/pixel.png';
    document.body.appendChild(img);
    await new Promise((r) => setTimeout(r, 300));
    return (window as any).__injected;
  });
  expect(ran).toBe(false);
  await expect.poll(() => violations.length).toBeGreaterThanOrEqual(2);
  expect(violations.join('\n')).toContain('script-src');
  expect(violations.join('\n')).toContain('img-src');
});
