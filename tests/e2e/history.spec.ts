// History, trends, the 28-day programme and backups in real Chromium, with faults injected:
// bad stored data of many kinds, storage that throws, two tabs, export → clear → import, and
// foreign files. Every test also fails on any page error or request to another origin.
import AxeBuilder from '@axe-core/playwright';
import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';
import { crc32 } from './seed';


/**
 * The fixture (42 days of generated history, ending on the day it was made) moved in time so
 * that it ends yesterday: the specs then behave the same on any day they run. Every date and
 * time inside is shifted by whole days and the check value is computed again.
 */
function rebased(raw: string): string {
  const env = JSON.parse(raw);
  const dayMs = 86_400_000;
  const last = Math.max(...env.data.checkins.map((c: any) => Date.parse(c.at)), ...env.data.sessions.map((s: any) => Date.parse(s.t)));
  const shift = Math.floor((Date.now() - dayMs) / dayMs) * dayMs - Math.floor(last / dayMs) * dayMs;
  const moveTime = (iso: string) => new Date(Date.parse(iso) + shift).toISOString();
  const moveDay = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + shift).toISOString().slice(0, 10);
  const data = JSON.stringify(env.data, (_k, v) => {
    if (typeof v !== 'string') return v;
    if (/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/.test(v)) return moveTime(v);
    if (/^\d{4}-\d\d-\d\d$/.test(v)) return moveDay(v);
    return v;
  });
  return `{"fmt":"${env.fmt}","v":${env.v},"exported_at":"${new Date().toISOString()}","crc":${crc32(data)},"data":${data}}`;
}

const BACKUP = rebased(fs.readFileSync(path.join(__dirname, 'fixtures', 'history-42.json'), 'utf8').trim());
/** The same data as the app stores it (same envelope and check value, storage tag). */
const STORED = BACKUP.replace('"fmt":"fasciamap-export"', '"fmt":"fasciamap"');

async function seed(page: Page, raw: string) {
  await page.addInitScript((r) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('fasciamap.doc', r);
      sessionStorage.setItem('seeded', '1');
    }
  }, raw);
}

async function openProgress(page: Page, part?: 'History' | 'Trends' | '28 days' | 'Backup') {
  await page.getByRole('button', { name: 'Progress', exact: true }).tap();
  if (part) await page.getByRole('group', { name: 'Show' }).getByRole('button', { name: part, exact: true }).tap();
}

const storedData = (page: Page) => page.evaluate(() => JSON.parse(localStorage.getItem('fasciamap.doc')!).data);

test('a change of the map is a dated check-in; delete and undo it', async ({ map, page }) => {
  await map.open();
  await map.tapRegion('Front of thigh', 'right');
  await map.setSeverity('strong');
  await map.setKind('Sore');
  await map.closeEditor();
  await expect(page.getByText(/Kept in your history as today's check-in of \d\d:\d\d/)).toBeVisible();
  await openProgress(page);
  const entry = page.locator('li.entry.checkin');
  await expect(entry).toHaveCount(1, { timeout: 5000 });
  await expect(entry).toContainText('1 area marked. Strongest: 3 of 3.');
  await entry.getByRole('button', { name: /^Open the map check-in/ }).tap();
  await expect(entry.getByRole('img', { name: /front$/ })).toBeVisible();
  await expect(entry.getByRole('listitem').filter({ hasText: 'Front of thigh, your right: strong (3 of 3), sore' })).toBeVisible();
  await entry.getByRole('button', { name: /^Delete the map check-in/ }).tap();
  await expect(page.locator('li.entry')).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Deleted: Map check-in' })).toBeVisible();
  await page.getByRole('button', { name: 'Undo' }).tap();
  await expect(page.locator('li.entry.checkin')).toHaveCount(1);
  await page.waitForTimeout(500); // debounce
  await page.reload();
  await openProgress(page);
  await expect(page.locator('li.entry.checkin')).toHaveCount(1);
});

test('bad stored data of many kinds: the app always opens, keeps the raw text and says so', async ({ page }) => {
  const valid = STORED;
  const dataAt = valid.indexOf('"data":');
  const bad: string[] = [];
  for (const cut of [1, 10, 50, 100, dataAt + 10, Math.floor(valid.length / 2), valid.length - 1]) bad.push(valid.slice(0, cut));
  bad.push(valid.replace('"severity":2', '"severity":3')); // changed behind the app's back: check value
  bad.push(valid.replace(/"crc":\d+/, '"crc":1'));
  bad.push(valid.replace('"m":["', '"m":["nope.l2","'));
  bad.push(valid.replace('"k":[[', '"k":[[1,'));
  bad.push('[]', '42', '"text"', 'null', '{}', '{"fmt":"other"}', '{"fmt":"fasciamap"}', '{"fmt":"fasciamap","v":"2","data":{}}');
  bad.push('{"fmt":"fasciamap","v":2,"data":{"checkins":{}}}', '{"fmt":"fasciamap","v":2,"data":{"map":{"marks":[{"region":"calf","side":"mid","severity":1}]}}}');
  bad.push('\u0000\uFFFF<script>alert(1)</script>', '['.repeat(5000), '{"fmt":"fasciamap","v":1,"data":{"map":{"marks":[{"region":"calf","side":"left","severity":9}]},"map_updated":"x"}}');
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  for (const raw of bad) {
    await page.goto('./');
    await expect(page.getByRole('heading', { name: 'FasciaMap', exact: true })).toBeVisible();
    await expect(page.locator('main')).toHaveAttribute('aria-busy', 'false');
    await page.evaluate((r) => { localStorage.clear(); localStorage.setItem('fasciamap.doc', r); }, raw);
    await page.reload();
    await expect(page.getByRole('heading', { name: 'FasciaMap', exact: true })).toBeVisible();
    await expect(page.locator('main')).toHaveAttribute('aria-busy', 'false');
    await expect(page.getByRole('alert').first()).toContainText('Saved data could not be read');
    const kept = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('fasciamap.quarantine.')).map((k) => localStorage.getItem(k)));
    expect(kept, `raw text kept for input ${JSON.stringify(raw.slice(0, 40))}`).toEqual([raw]);
  }
  expect(errors).toEqual([]);
  console.log(`bad stored inputs tried: ${bad.length}, all opened, all raw texts kept`);
});

test('storage that throws on write: banner, the app keeps working, nothing is lost from the page', async ({ map, page }) => {
  await seed(page, STORED);
  await page.addInitScript(() => {
    const orig = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k: string, v: string) {
      if ((window as any).__fail) throw new DOMException('quota', (window as any).__fail);
      return orig.call(this, k, v);
    };
  });
  await map.open();
  const before = await page.evaluate(() => localStorage.getItem('fasciamap.doc'));
  let faults = 0;
  for (const kind of ['QuotaExceededError', 'SecurityError']) {
    await page.evaluate((k) => { (window as any).__fail = k; }, kind);
    await map.tapRegion('Front of thigh', 'right');
    await map.setSeverity(kind === 'SecurityError' ? 'mild' : 'strong');
    await map.closeEditor();
    faults++;
    await expect(page.getByRole('alert')).toContainText(kind === 'SecurityError' ? 'Not saving' : 'Storage is full');
    await openProgress(page, 'History');
    await expect(page.locator('li.entry.checkin').first()).toContainText('Map check-in');
    await openProgress(page, '28 days');
    await expect(page.getByText(/Streak: \d+ days?/)).toBeVisible();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Map' }).tap();
  }
  // Nothing stored changed while writes failed.
  expect(await page.evaluate(() => localStorage.getItem('fasciamap.doc'))).toBe(before);
  // The person's latest change is still on screen and is saved once storage works again.
  await expect(map.region('Front of thigh', 'right')).toHaveAttribute('aria-label', /mild/);
  await page.evaluate(() => { (window as any).__fail = undefined; });
  await map.region('Calf', 'left').or(map.region('Shin muscle', 'left')).first().tap();
  await map.pickIfAsked();
  await map.setSeverity('moderate');
  await map.closeEditor();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.waitForTimeout(500);
  const data = await storedData(page);
  expect(data.map.marks.find((m: any) => m.region === 'quadriceps' && m.side === 'right').severity).toBe(1);
  expect(data.checkins.length).toBe(43);
  console.log(`write faults injected: ${faults}, nothing lost`);
});

test('two tabs deleting and editing in turn: both changes survive', async ({ map, page, context }) => {
  await seed(page, STORED);
  await map.open();
  const other = await context.newPage();
  await other.goto('./');
  await openProgress(other, 'History');
  const firstEntries = await other.locator('li.entry').count();
  // Tab 2 deletes the newest session; tab 1 (following the storage event) then adds a mark.
  const deleteNewest = other.getByRole('button', { name: /^Delete the session of/ }).first();
  const deletedLabel = await deleteNewest.getAttribute('aria-label');
  await deleteNewest.tap();
  await expect(other.locator('li.entry')).toHaveCount(firstEntries - 1);
  await page.waitForTimeout(600);
  await map.tapRegion('Front of thigh', 'right');
  await map.setSeverity('fine');
  await map.closeEditor();
  // Tab 1 says when its check-in was kept; tab 2 shows that check-in on top without a reload,
  // and the session it deleted stays deleted.
  const note = (await page.locator('.checkin-note').textContent()) || '';
  const clock = note.match(/\d{2}:\d{2}/)?.[0];
  expect(clock, note).toBeTruthy();
  await expect(other.locator('li.entry').first()).toContainText('Map check-in');
  await expect(other.locator('li.entry').first()).toContainText(clock!);
  await expect(other.getByRole('button', { name: deletedLabel! })).toHaveCount(0);
  await page.waitForTimeout(600);
  const data = await storedData(page);
  expect(data.sessions.length).toBe(41);
  expect(data.checkins.length).toBe(43);
  await openProgress(page, 'History');
  await expect(page.locator('li.entry').first()).toContainText(clock!);
  await expect(page.getByRole('button', { name: deletedLabel! })).toHaveCount(0);
});

test('export, clear everything, import: identical data; importing again adds nothing', async ({ map, page }) => {
  await seed(page, STORED);
  await map.open();
  await openProgress(page, 'Backup');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download a backup file' }).tap(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^fasciamap-backup-\d{4}-\d\d-\d\d\.json$/);
  const file = await download.path();
  await page.waitForTimeout(500);
  const before = await storedData(page);
  expect(before.last_export).toBeTruthy();
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await openProgress(page, 'History');
  await expect(page.locator('li.entry')).toHaveCount(0);
  await openProgress(page, 'Backup');
  await page.locator('input[type=file]').setInputFiles(file);
  await expect(page.getByText(/holds 42 check-ins and 42 sessions/)).toBeVisible();
  await page.getByText('Replace what is here').tap();
  await page.getByRole('button', { name: 'Replace everything' }).tap();
  await expect(page.locator('p.ok')).toContainText('Replaced your data');
  await page.waitForTimeout(500);
  expect(await storedData(page)).toEqual(before);
  // The same file again, merged: nothing new, nothing doubled.
  await page.locator('input[type=file]').setInputFiles(file);
  await expect(page.getByText('All of them are already on this device.')).toBeVisible();
  await page.getByRole('button', { name: 'Add them' }).tap();
  await page.waitForTimeout(500);
  expect(await storedData(page)).toEqual(before);
});

test('foreign and damaged files: a message naming the problem, and no change', async ({ map, page }) => {
  await seed(page, STORED);
  await map.open();
  await page.waitForTimeout(300);
  const before = await page.evaluate(() => localStorage.getItem('fasciamap.doc'));
  await openProgress(page, 'Backup');
  const files: [string, string | Buffer, RegExp][] = [
    ['photo.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0]), /not readable as JSON/],
    ['notes.json', '{"title":"shopping","items":["milk"]}', /no FasciaMap marker/],
    ['drawing.json', '{"fmt":"excalidraw","v":2,"data":{}}', /it says it is “excalidraw”/],
    ['future.json', '{"fmt":"fasciamap-export","v":9,"data":{}}', /newer version of FasciaMap \(format 9\)/],
    ['cut.json', BACKUP.slice(0, 5000), /not readable as JSON/],
    ['edited.json', BACKUP.replace('"severity":1', '"severity":3'), /check value does not match/],
    ['empty.json', '', /The file is empty/],
    ['bad-shape.json', '{"fmt":"fasciamap-export","v":2,"data":{"sessions":[{"id":1}]}}', /This backup is damaged/],
  ];
  for (const [name, body, message] of files) {
    await page.locator('input[type=file]').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.isBuffer(body) ? body : Buffer.from(body) });
    const alert = page.getByRole('alert').filter({ hasText: name });
    await expect(alert).toContainText(message);
    await expect(alert).toContainText('Nothing was changed, and nothing already saved was lost.');
    await expect(page.getByRole('heading', { name: 'Check before importing' })).toHaveCount(0);
  }
  expect(await page.evaluate(() => localStorage.getItem('fasciamap.doc'))).toBe(before);
  console.log(`foreign or damaged files tried: ${files.length}, stored data unchanged`);
});

test('trends and programme show the history as charts, a calendar and a summary', async ({ map, page }) => {
  await seed(page, STORED);
  await map.open();
  await openProgress(page, 'Trends');
  await page.getByRole('group', { name: 'Period' }).getByRole('button', { name: 'All' }).tap();
  const total = page.getByRole('img', { name: 'Total tension per day' });
  await expect(total).toBeVisible();
  await expect(page.locator('#chart-total-desc')).toContainText('42 days with a check-in');
  await expect(page.locator('figure.chart path.line.s-total')).toHaveCount(1);
  await page.getByLabel('Area').selectOption({ label: 'Back of thigh' });
  await expect(page.getByRole('img', { name: 'Back of thigh: left and right' })).toBeVisible();
  await expect(page.getByRole('img', { name: /^First map, .*front$/ })).toBeVisible();
  await openProgress(page, '28 days');
  await expect(page.getByRole('list', { name: 'The 28 days' }).getByRole('listitem')).toHaveCount(28);
  await expect(page.getByRole('heading', { name: "Today's suggested session" })).toBeVisible();
});

test('no axe violations on history, trends, programme and backup, light and dark', async ({ map, page }) => {
  await seed(page, STORED);
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await map.open();
    for (const part of ['History', 'Trends', '28 days', 'Backup'] as const) {
      await openProgress(page, part);
      if (part === 'History') await page.getByRole('button', { name: /^Open the map check-in/ }).first().tap();
      if (part === 'Backup') {
        await page.locator('input[type=file]').setInputFiles({ name: 'b.json', mimeType: 'application/json', buffer: Buffer.from(BACKUP) });
        await expect(page.getByRole('heading', { name: 'Check before importing' })).toBeVisible();
      }
      const result = await new AxeBuilder({ page }).analyze();
      const summary = result.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.nodes[0]?.target}`);
      expect(summary, `axe violations on ${part} (${scheme})`).toEqual([]);
    }
  }
});
