// A six-week history for the clinician summary specs: 12 map check-ins and 10 guided sessions
// (one stopped for sharp pain), a profile with two conditions and the tools owned, and the
// safety questions answered today with one amber yes. Built here rather than read from a
// fixture so that every date falls in the last six weeks on whatever day the tests run; stored
// the way the app stores it (persistence/store.rs: envelope, schema 2, CRC-32 of the data;
// check-ins and sessions in their compact forms, records/history.rs).
import type { Page } from '@playwright/test';
import { crc32 } from './seed';


const DAY_MS = 86_400_000;

/** [region, side letter, first severity, latest severity, sore]: the areas tracked. */
const TRACKED: [string, 'l' | 'r' | 'm', number, number, boolean][] = [
  ['hip_flexor', 'l', 2, 1, false],
  ['hip_flexor', 'r', 3, 2, false],
  ['quadriceps', 'l', 1, 1, false],
  ['quadriceps', 'r', 3, 1, false],
  ['low_back_muscles', 'l', 2, 2, true],
  ['low_back_muscles', 'r', 2, 1, true],
  ['glute_med', 'l', 1, 0, false],
  ['glute_med', 'r', 2, 1, false],
  ['hamstrings', 'l', 3, 1, false],
  ['hamstrings', 'r', 2, 2, false],
  ['calf', 'l', 2, 1, false],
  ['calf', 'r', 1, 2, false],
];

/** Marked only from the fifth check-in on ("newly marked" in the table). */
const LATER: [string, 'l' | 'r' | 'm', number][] = [['upper_trapezius', 'l', 2], ['upper_trapezius', 'r', 1]];

/** Days before today of the check-ins and sessions, oldest first. */
export const CHECKIN_DAYS = [41, 38, 35, 31, 28, 24, 21, 17, 14, 10, 7, 3];
export const SESSION_DAYS = [40, 37, 33, 30, 26, 23, 19, 16, 12, 9];
/** The session (index into SESSION_DAYS) stopped for sharp pain, on the right calf. */
export const PAIN_SESSION = 6;

const SIDE: Record<string, string> = { l: 'left', r: 'right', m: 'mid' };

/** The severity of a tracked area at check-in `i` of `n`: a straight line from first to latest. */
function sevAt(first: number, latest: number, i: number, n: number) {
  return Math.round(first + ((latest - first) * i) / (n - 1));
}

function isoDaysAgo(days: number, hour: number) {
  const now = new Date();
  const d = new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate(), hour, 0, 0) - days * DAY_MS);
  return d.toISOString();
}

function localDate(days: number) {
  const d = new Date(Date.now() - days * DAY_MS);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The check-in maps, oldest first, as `region.<side><severity>[s]` strings. */
function checkinMarks(i: number): string[] {
  const n = CHECKIN_DAYS.length;
  const marks = TRACKED.map(([r, s, a, b, sore]) => `${r}.${s}${sevAt(a, b, i, n)}${sore ? 's' : ''}`);
  if (i >= 4) marks.push(...LATER.map(([r, s, v]) => `${r}.${s}${v}`));
  return marks;
}

/** The ratings of each session: [region.side, before, after]. */
function sessionRatings(k: number): [string, number, number | null][] {
  const areas: [string, number, number][] = [
    ['hip_flexor.r', 3, 2], ['quadriceps.r', 3, 2], ['hamstrings.l', 2, 1], ['calf.l', 2, 1],
  ];
  // Later sessions start lower; one rating is not re-rated.
  return areas.map(([a, before, after], j) => [a, Math.max(0, before - (k >= 5 ? 1 : 0)), k === 3 && j === 3 ? null : Math.max(0, after - (k >= 5 ? 1 : 0))]);
}

/** The expected averages of the "before" and "after" ratings (only re-rated areas count). */
export function expectedAverages() {
  let before = 0, after = 0, n = 0;
  SESSION_DAYS.forEach((_d, k) => {
    for (const [, b, a] of sessionRatings(k)) {
      if (a === null) continue;
      before += b; after += a; n++;
    }
  });
  return { before: (before / n).toFixed(1), after: (after / n).toFixed(1), n };
}

/** The document's data. */
export function summaryData() {
  const n = CHECKIN_DAYS.length;
  const checkins = CHECKIN_DAYS.map((days, i) => ({
    id: `c${String(i).padStart(4, '0')}x${1000 + i}`,
    at: isoDaysAgo(days, 8),
    map: { m: checkinMarks(i), s: ['low_back_pain'] },
  }));
  const sessions = SESSION_DAYS.map((days, k) => {
    const t = isoDaysAgo(days, 18);
    const e = new Date(Date.parse(t) + 9 * 60_000).toISOString();
    const steps: any[] = [
      ['hip_flexor.r', 'tennis_ball', 90, 90, 'd'],
      ['quadriceps.r', 'soft_roller', 90, 90, 'd'],
      ['hamstrings.l', 'soft_roller', 90, 90, 'd'],
      ['calf.l', 'soft_roller', 60, 60, 'd'],
    ];
    if (k === PAIN_SESSION) steps.push(['calf.r', 'tennis_ball', 60, 35, 'p']);
    return { id: `s${String(k).padStart(4, '0')}x${2000 + k}`, t, e, k: steps, r: sessionRatings(k) };
  });
  const marks = TRACKED.map(([region, s, , latest, sore]) => ({ region, side: SIDE[s], severity: latest, kind: sore ? 'sore' : 'tight' }))
    .concat(LATER.map(([region, s, v]) => ({ region, side: SIDE[s], severity: v, kind: 'tight' })));
  return {
    map: { marks, symptoms: ['low_back_pain'], acute_flare: false },
    map_updated: checkins[n - 1].at,
    checkins,
    sessions,
    profile: {
      conditions: [{ id: 'joint_replacement', joint: 'hip', side: 'left' }, { id: 'blood_pressure' }],
      sensitivity: 'normal',
      floor_ok: true,
      tools: ['tennis_ball', 'soft_roller'],
      thoracic_roller: false,
      cues: { sound: false, vibrate: false },
    },
    screen: { date: localDate(0), yes: ['A5'] },
    paused: [{ region: 'calf', side: 'right' }],
  };
}

/** The document as the app stores it. */
export function summaryStored(): string {
  const json = JSON.stringify(summaryData());
  return `{"fmt":"fasciamap","v":2,"rev":1,"saved_at":"${new Date().toISOString()}","crc":${crc32(json)},"data":${json}}`;
}

/** Stores the six-week history before the app starts, once per tab. */
export async function seedSummary(page: Page) {
  await page.addInitScript((raw) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('fasciamap.doc', raw);
      sessionStorage.setItem('seeded', '1');
    }
  }, summaryStored());
}

/** Opens the summary from "More". */
export async function openSummary(page: Page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'More' }).tap();
  await page.getByRole('button', { name: /^Summary for my clinician/ }).tap();
  await page.getByRole('heading', { name: 'Summary for my clinician', level: 2 }).waitFor();
}
