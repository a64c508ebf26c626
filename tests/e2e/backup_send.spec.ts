// To a new phone without a server (issue #15): "Send my backup" hands the backup file to the
// phone's share sheet where the browser can share files, and downloads it where it cannot.
// `navigator.share` and `navigator.canShare` are stubbed before the app starts.
import AxeBuilder from '@axe-core/playwright';
import fs from 'node:fs';
import { test, expect } from './fixtures';
import { openProgress, seed, storedData, storedDoc } from './seed';
import type { Page } from '@playwright/test';

type Stub = {
  /** What `canShare` says: always yes, no, only for text files, or not there at all. */
  can: 'yes' | 'no' | 'text-only' | 'missing';
  /** How `share` ends: taken, closed by the person (AbortError), or refused. */
  share: 'ok' | 'AbortError' | 'NotAllowedError';
};

/** Replaces the Web Share API before the app starts; every call is kept in `window.__shares`. */
async function stubShare(page: Page, stub: Stub) {
  await page.addInitScript((s: Stub) => {
    const w = window as any;
    w.__shares = [];
    const proto = Navigator.prototype as any;
    delete proto.canShare;
    delete proto.share;
    if (s.can !== 'missing') {
      Object.defineProperty(proto, 'canShare', {
        configurable: true,
        value: (data: any) => {
          const files: File[] = data?.files || [];
          if (s.can === 'no') return false;
          if (s.can === 'text-only') return files.every((f) => f.type === 'text/plain');
          return true;
        },
      });
    }
    Object.defineProperty(proto, 'share', {
      configurable: true,
      value: async (data: any) => {
        const files: File[] = data?.files || [];
        w.__shares.push({
          keys: Object.keys(data || {}),
          files: await Promise.all(files.map(async (f) => ({ name: f.name, type: f.type, isFile: f instanceof File, text: await f.text() }))),
        });
        if (s.share !== 'ok') throw new DOMException('stubbed', s.share);
      },
    });
  }, stub);
}

const shares = (page: Page) => page.evaluate(() => (window as any).__shares as { keys: string[]; files: { name: string; type: string; isFile: boolean; text: string }[] }[]);

async function openBackup(page: Page, map: { open(): Promise<void> }) {
  await seed(page, storedDoc());
  await map.open();
  await openProgress(page, 'Backup');
  // Let the first save settle, so the stored document is the one the file is made from.
  await page.waitForTimeout(400);
}

const sendButton = (page: Page) => page.getByRole('button', { name: 'Send my backup' });
/** The line under the button (a status region) that says what became of the file. */
const sentNote = (page: Page) => page.locator('.sent-note[role=status]');

test('where files can be shared, exactly one backup file goes to the share sheet, and it imports', async ({ map, page }) => {
  await stubShare(page, { can: 'yes', share: 'ok' });
  await openBackup(page, map);
  await expect(page.getByText('Progress, then Backup, then “Choose a backup file”')).toBeVisible();
  let downloads = 0;
  page.on('download', () => downloads++);
  await sendButton(page).tap();
  await expect(sentNote(page)).toContainText('Backup handed over');
  const calls = await shares(page);
  expect(calls.length).toBe(1);
  expect(calls[0].keys).toEqual(['files']);
  expect(calls[0].files.length).toBe(1);
  const [file] = calls[0].files;
  expect(file.isFile).toBe(true);
  expect(file.name).toMatch(/^fasciamap-backup-\d{4}-\d\d-\d\d\.json$/);
  expect(file.type).toBe('application/json');
  const backup = JSON.parse(file.text);
  expect(backup.fmt).toBe('fasciamap-export');
  await page.waitForTimeout(500);
  const stored = await storedData(page);
  expect(stored.last_export).toBeTruthy();
  expect(backup.data).toEqual(stored);
  expect(downloads).toBe(0);
  // The app itself reads the file as a backup of exactly what is here.
  await page.locator('input[type=file]').setInputFiles({ name: file.name, mimeType: file.type, buffer: Buffer.from(file.text) });
  await expect(page.getByText(/holds 42 check-ins and 42 sessions/)).toBeVisible();
  await expect(page.getByText('All of them are already on this device.')).toBeVisible();
});

test('where only text files can be shared (Chromium refuses .json), the same backup goes as a .txt file', async ({ map, page }) => {
  await stubShare(page, { can: 'text-only', share: 'ok' });
  await openBackup(page, map);
  await sendButton(page).tap();
  await expect(sentNote(page)).toContainText('Backup handed over');
  const calls = await shares(page);
  expect(calls.length).toBe(1);
  expect(calls[0].files.map((f) => [f.name.replace(/\d/g, '0'), f.type])).toEqual([['fasciamap-backup-0000-00-00.txt', 'text/plain']]);
  expect(JSON.parse(calls[0].files[0].text).fmt).toBe('fasciamap-export');
  await page.locator('input[type=file]').setInputFiles({ name: calls[0].files[0].name, mimeType: 'text/plain', buffer: Buffer.from(calls[0].files[0].text) });
  await expect(page.getByText('All of them are already on this device.')).toBeVisible();
});

for (const can of ['missing', 'no'] as const) {
  test(`where canShare is ${can === 'no' ? 'saying no' : 'missing'}, the backup is downloaded instead`, async ({ map, page }) => {
    await stubShare(page, { can, share: 'ok' });
    await openBackup(page, map);
    const [download] = await Promise.all([page.waitForEvent('download'), sendButton(page).tap()]);
    expect(download.suggestedFilename()).toMatch(/^fasciamap-backup-\d{4}-\d\d-\d\d\.json$/);
    const backup = JSON.parse(fs.readFileSync((await download.path())!, 'utf8'));
    expect(backup.fmt).toBe('fasciamap-export');
    expect(await shares(page)).toEqual([]);
    await expect(sentNote(page)).toContainText('saved to your downloads');
  });
}

test('a closed share sheet (AbortError) is not an error and changes nothing', async ({ map, page }) => {
  await stubShare(page, { can: 'yes', share: 'AbortError' });
  await openBackup(page, map);
  const before = await storedData(page);
  let downloads = 0;
  page.on('download', () => downloads++);
  await sendButton(page).tap();
  await expect.poll(async () => (await shares(page)).length).toBe(1);
  await page.waitForTimeout(600);
  await expect(page.locator('.error')).toHaveCount(0);
  await expect(page.locator('.import-error')).toHaveText('');
  await expect(sentNote(page)).toHaveText('');
  expect(downloads).toBe(0);
  // No backup was made, so the export reminder still counts from the one before.
  expect((await storedData(page)).last_export).toEqual(before.last_export);
});

test('a share the browser refuses falls back to the download', async ({ map, page }) => {
  await stubShare(page, { can: 'yes', share: 'NotAllowedError' });
  await openBackup(page, map);
  const [download] = await Promise.all([page.waitForEvent('download'), sendButton(page).tap()]);
  expect(download.suggestedFilename()).toMatch(/\.json$/);
  await expect(sentNote(page)).toContainText('saved to your downloads');
});

test('no axe violations on the backup section after sending, light and dark', async ({ map, page }) => {
  await stubShare(page, { can: 'yes', share: 'ok' });
  await seed(page, storedDoc());
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await map.open();
    await openProgress(page, 'Backup');
    await sendButton(page).tap();
    await expect(sentNote(page)).toContainText('Backup handed over');
    const result = await new AxeBuilder({ page }).analyze();
    const summary = result.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.nodes[0]?.target}`);
    expect(summary, `axe violations (${scheme})`).toEqual([]);
  }
});
