// The summary for a clinician (issue #15): a six-week history opened from "More"; the maps,
// the left/right table, the plan, the answers, the sessions and the note are there; it prints
// to one or two pages on A4 and on US Letter; in greyscale print every severity still reads as
// a number and a word; the print button calls the browser's print, and where the installed
// app cannot print the page says how instead; it reads at 390 px and at 320 px with 150 % text.
// (axe on this page, light and dark, screen and print: a11y.spec.ts.)
import fs from 'node:fs';
import { test, expect } from './fixtures';
import { expectedAverages, openSummary, seedSummary, SESSION_DAYS } from './summary_seed';
import type { Page } from '@playwright/test';

/** Page objects in a PDF: `/Type /Page` (never `/Pages`, the tree above them). */
function pageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) || []).length;
}

async function open(page: Page) {
  await page.goto('./');
  await expect(page.locator('main')).toHaveAttribute('aria-busy', 'false');
  await openSummary(page);
}

test('the summary shows the maps, the left/right table, the plan, the answers, the sessions and the note', async ({ page }) => {
  await seedSummary(page);
  await open(page);
  const summary = page.locator('section.clinician');
  await expect(summary.getByText('Name:')).toBeVisible();
  await expect(summary.getByText(/^Period: \d+ \w+ \d{4} to \d+ \w+ \d{4} \(6 weeks\)$/)).toBeVisible();

  // First and latest check-in, front and back, drawn small side by side.
  for (const when of ['First check-in', 'Latest check-in']) {
    for (const side of ['front', 'back']) {
      await expect(summary.getByRole('img', { name: new RegExp(`^${when}: .*, ${side}$`) })).toBeVisible();
    }
  }

  // The table: first → latest and the change, in numbers and words.
  const table = summary.getByRole('table');
  const row = (name: string) => table.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });
  await expect(row('Back of thigh').getByRole('cell').nth(0)).toHaveText(/3 strong.*1 mild.*better by 2/);
  await expect(row('Back of thigh').getByRole('cell').nth(1)).toHaveText(/2 moderate.*2 moderate.*no change/);
  await expect(row('Calf').getByRole('cell').nth(1)).toHaveText(/1 mild.*2 moderate.*worse by 1/);
  await expect(row('Low-back muscles').getByRole('cell').nth(0)).toHaveText(/2 moderate, sore.*2 moderate, sore/);
  await expect(row('Top of shoulder').getByRole('cell').nth(0)).toHaveText(/not marked.*2 moderate.*newly marked/);
  await expect(table.getByRole('row')).toHaveCount(1 + 7);

  // The engine's plan for the document now, one line a step, with the first sentence of why.
  const steps = summary.locator('ol.clin-plan > li');
  expect(await steps.count()).toBeGreaterThan(0);
  await expect(steps.first()).toContainText(/, your (left|right)/);
  await expect(steps.first().locator('.clin-how')).toHaveText(/^(On the floor|Standing at a wall|Sitting on a firm chair|Sitting down|Standing|On a firm bed), .+, \d+\s(s|min)/); // times never break: no-break spaces
  const why = (await steps.first().locator('.clin-why').textContent()) || '';
  expect(why.trim()).toMatch(/^[A-Z].*[.?!]$/);
  expect(why.trim().slice(0, -1)).not.toMatch(/[.?!] /); // one sentence
  await expect(summary.getByText(/^Left out after a sharp-pain stop, until it feels fine again: Calf, your right\.$/)).toBeVisible();

  // Conditions and safety answers as given.
  await expect(summary.getByText('Replaced joint: hip, your left; Blood-pressure problems', { exact: false })).toBeVisible();
  await expect(summary.getByText(/yes to one, no to the other 16/)).toBeVisible();
  await expect(summary.getByText(/^Yes: Does pain run down one leg/)).toBeVisible();
  await expect(summary.getByText(/^Tools at home: /)).toBeVisible();

  // Sessions, ratings before and after, the sharp-pain stop.
  const avg = expectedAverages();
  await expect(summary.getByText(`${SESSION_DAYS.length} guided sessions, `, { exact: false })).toBeVisible();
  await expect(summary.getByText(`averaged over ${avg.n} ratings: before ${avg.before}, after ${avg.after}.`, { exact: false })).toBeVisible();
  await expect(summary.locator('ul.clin-stops > li')).toHaveCount(1);
  await expect(summary.locator('ul.clin-stops > li')).toHaveText(/^\d+ \w+ \d{4}: Calf, your right \(after 35\ss\)$/);

  await expect(summary.getByRole('note').filter({ hasText: 'Self-reported, not a diagnosis.' })).toBeVisible();
  // No internal ids or keys anywhere on the page.
  const text = (await summary.textContent()) || '';
  expect(text).not.toMatch(/\b(c\d{4}x|s\d{4}x|RF\d|A\d\b|hip_flexor|low_back|joint_replacement|tennis_ball)/);

  // The period switch: the last six weeks hold the same history.
  await page.getByRole('group', { name: 'Period' }).getByRole('button', { name: '6 weeks' }).tap();
  await expect(summary.getByRole('img', { name: /^First check-in: .*, front$/ })).toBeVisible();
});

test('prints to one or two pages on A4 and on US Letter, without the app around it', async ({ page }, info) => {
  await seedSummary(page);
  await open(page);
  await page.emulateMedia({ media: 'print' });
  for (const hidden of [page.getByRole('navigation', { name: 'Main' }), page.getByRole('button', { name: 'Print or save as PDF' }), page.getByRole('group', { name: 'Period' })]) {
    await expect(hidden).toBeHidden();
  }
  // The app's header leaves the paper (it keeps its heading for screen readers only).
  const header = await page.locator('.app-header').boundingBox();
  expect(header!.width * header!.height).toBeLessThanOrEqual(1);
  await expect(page.getByRole('table')).toBeVisible();
  const counts: Record<string, number> = {};
  for (const format of ['A4', 'Letter'] as const) {
    const pdf = await page.pdf({ format, printBackground: true });
    fs.writeFileSync(info.outputPath(`summary-${format}.pdf`), pdf);
    counts[format] = pageCount(pdf);
    expect(counts[format], `${format} pages`).toBeGreaterThanOrEqual(1);
    expect(counts[format], `${format} pages`).toBeLessThanOrEqual(2);
  }
  console.log(`clinician summary: A4 ${counts.A4} page(s), Letter ${counts.Letter} page(s)`);
});

test('in greyscale print every severity still reads as a number and a word', async ({ page }, info) => {
  await seedSummary(page);
  await open(page);
  await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
  // (Through the CSSOM: the page's CSP rightly refuses an inline <style>.)
  await page.evaluate(() => { document.documentElement.style.filter = 'grayscale(1)'; });
  const cells = page.locator('table.clin-table tbody td');
  const n = await cells.count();
  expect(n).toBeGreaterThan(8);
  for (let i = 0; i < n; i++) {
    const sevs = await cells.nth(i).locator('.clin-sev').allInnerTexts();
    for (const s of sevs) expect(s.replace(/\s+/g, ' ').trim()).toMatch(/^(\d (fine|mild|moderate|strong)(, sore)?|not marked)$/);
  }
  // Ink on paper: the text is black on white in print, even with a dark phone theme.
  const colours = await page.locator('table.clin-table').evaluate((t) => [getComputedStyle(t).color, getComputedStyle(document.body).backgroundColor]);
  expect(colours).toEqual(['rgb(0, 0, 0)', 'rgb(255, 255, 255)']);
  // Every marked spot on the drawings carries its number.
  const badges = await page.locator('.clin-maps .badge text').allTextContents();
  expect(badges.length).toBeGreaterThan(20);
  for (const b of badges) expect(b).toMatch(/^[123✓]$/);
  await page.screenshot({ path: info.outputPath('summary-print-grey.png'), fullPage: true });
});

test('the print button opens the print dialog; an app on the home screen of an iPhone says how instead', async ({ page, context }) => {
  await seedSummary(page);
  await page.addInitScript(() => { (window as any).__printed = 0; window.print = () => { (window as any).__printed++; }; });
  await open(page);
  await page.getByRole('button', { name: 'Print or save as PDF' }).tap();
  expect(await page.evaluate(() => (window as any).__printed)).toBe(1);

  const ios = await context.newPage();
  await ios.addInitScript(() => Object.defineProperty(Navigator.prototype, 'standalone', { get: () => true }));
  await seedSummary(ios);
  await open(ios);
  await expect(ios.getByRole('button', { name: 'Print or save as PDF' })).toHaveCount(0);
  await expect(ios.getByRole('note').filter({ hasText: 'This phone cannot print from inside the app.' })).toContainText('Share → Print');
});

test('reads well at 390 px and at 320 px with 150 % text, light and dark', async ({ page }, info) => {
  await seedSummary(page);
  for (const [width, font] of [[390, 100], [320, 150]] as const) {
    for (const scheme of ['light', 'dark'] as const) {
      await page.setViewportSize({ width, height: 844 });
      await page.emulateMedia({ colorScheme: scheme, media: 'screen' });
      await open(page);
      await page.evaluate((f) => { document.documentElement.style.fontSize = `${f}%`; }, font);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `horizontal overflow at ${width} px, ${font} %, ${scheme}`).toBeLessThanOrEqual(0);
      await page.screenshot({ path: info.outputPath(`summary-${width}-${font}-${scheme}.png`), fullPage: true });
      // The table keeps its rows and cells however it is laid out.
      await expect(page.getByRole('table').getByRole('row')).toHaveCount(8);
      await expect(page.getByRole('table').getByRole('rowheader', { name: 'Calf' })).toBeVisible();
    }
  }
});
