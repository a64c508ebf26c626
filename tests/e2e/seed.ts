// A stored document for the programme and backup specs: the 42-day history fixture moved so that
// it ends yesterday (its 28-day programme is then running and today has no session yet), with
// health conditions added to the profile, stored the way the app stores it.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { RETURNING_PROFILE } from './fixtures';

/** CRC-32 (IEEE) of a string's UTF-8 bytes, as the envelope's `crc` (persistence/store.rs). */
export function crc32(text: string): number {
  let c = ~0;
  for (const b of Buffer.from(text, 'utf8')) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return ~c >>> 0;
}

const DAY_MS = 86_400_000;

/** The health conditions put into the seeded profile. */
export const CONDITIONS = [
  { id: 'osteoporosis' },
  { id: 'joint_replacement', joint: 'hip', side: 'left' },
  { id: 'blood_pressure' },
];

/**
 * The history fixture, every date moved by whole days so that its last entry is yesterday, with
 * `change` applied to its data; as stored (`fasciamap` envelope, check value computed again).
 */
export function storedDoc(change: (data: any) => void = () => {}): string {
  const env = JSON.parse(fs.readFileSync(path.join(__dirname, 'fixtures', 'history-42.json'), 'utf8'));
  const last = Math.max(...env.data.checkins.map((c: any) => Date.parse(c.at)), ...env.data.sessions.map((s: any) => Date.parse(s.t)));
  const shift = Math.floor((Date.now() - DAY_MS) / DAY_MS) * DAY_MS - Math.floor(last / DAY_MS) * DAY_MS;
  const text = JSON.stringify(env.data, (_k, v) => {
    if (typeof v !== 'string') return v;
    if (/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/.test(v)) return new Date(Date.parse(v) + shift).toISOString();
    if (/^\d{4}-\d\d-\d\d$/.test(v)) return new Date(Date.parse(`${v}T00:00:00Z`) + shift).toISOString().slice(0, 10);
    return v;
  });
  const data = JSON.parse(text);
  data.profile = { ...RETURNING_PROFILE, conditions: CONDITIONS, cues: { sound: false, vibrate: false }, sensitivity: 'normal', thoracic_roller: false };
  change(data);
  const json = JSON.stringify(data);
  return `{"fmt":"fasciamap","v":${env.v},"exported_at":"${new Date().toISOString()}","crc":${crc32(json)},"data":${json}}`;
}

/** Stores `raw` before the app starts, once per tab (a reload keeps what the app saved). */
export async function seed(page: Page, raw: string) {
  await page.addInitScript((r) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('fasciamap.doc', r);
      sessionStorage.setItem('seeded', '1');
    }
  }, raw);
}

/** Opens the progress screen, and one of its parts. */
export async function openProgress(page: Page, part?: 'History' | 'Trends' | '28 days' | 'Backup') {
  await page.getByRole('button', { name: 'Progress', exact: true }).tap();
  if (part) await page.getByRole('group', { name: 'Show' }).getByRole('button', { name: part, exact: true }).tap();
}

/** The stored document's data. */
export const storedData = (page: Page) => page.evaluate(() => JSON.parse(localStorage.getItem('fasciamap.doc')!).data);

/** A local day as `YYYY-MM-DD`, `offset` days from today. */
export function localDay(offset = 0): string {
  const d = new Date();
  d.setDate(d.getDate() + offset);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
