// Reminders without a server (issue #15): the 28-day programme's calendar file, downloaded
// through the screen and read back with a standard iCalendar parser (ical.js), and the line that
// says today's session is still to do.
import AxeBuilder from '@axe-core/playwright';
import fs from 'node:fs';
import ICAL from 'ical.js';
import { test, expect } from './fixtures';
import { CONDITIONS, localDay, openProgress, seed, storedData, storedDoc } from './seed';
import type { Page } from '@playwright/test';

/** The status line under the reminder button. */
const reminderNote = (page: Page) => page.locator('.reminders [role=status]');

const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

/** Every region's plain name, as the map's drawings label them (front and back). */
async function regionNames(page: Page, map: { showView(w: 'Front' | 'Back'): Promise<void> }): Promise<string[]> {
  const names = new Set<string>();
  for (const view of ['Front', 'Back'] as const) {
    await map.showView(view);
    const labels = await page.locator('svg.figure g[role="button"]').evaluateAll((gs) => gs.map((g) => g.getAttribute('aria-label') || ''));
    expect(labels.length, `regions on the ${view} view`).toBeGreaterThan(5);
    for (const l of labels) names.add(l.split(/[,:]/)[0].trim().toLowerCase());
  }
  await map.showView('Front');
  return [...names];
}

test.describe('with a 24-hour clock (en-GB)', () => {
  test.use({ locale: 'en-GB' });

  test('the reminder file parses as iCalendar: one event with an alarm a day left, at the picked time, nothing about health', async ({ map, page }) => {
    await seed(page, storedDoc());
    await map.open();
    const regions = await regionNames(page, map);
    const data = await storedData(page);
    expect(data.profile.conditions).toEqual(CONDITIONS);
    expect(data.map.marks.length).toBeGreaterThan(0);
    const today = localDay();
    const start = data.programme.start as string;
    const left = dayNumber(start) + 28 - Math.max(dayNumber(today), dayNumber(start));
    expect(left).toBeGreaterThan(1);
    expect(left).toBeLessThan(28);

    await openProgress(page, '28 days');
    const time = page.getByLabel('Remind me each day at');
    await expect(time).toHaveValue('18:00');
    await expect(page.getByText("Your phone's calendar sends the reminders, not FasciaMap.")).toBeVisible();
    await expect(page.getByText('no health details')).toBeVisible();
    await time.fill('07:30');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Add reminders to my calendar' }).tap(),
    ]);
    expect(download.suggestedFilename()).toBe('fasciamap-reminders.ics');
    await expect(reminderNote(page)).toContainText(`${left} daily reminders at 7:30,`);
    const text = fs.readFileSync((await download.path())!, 'utf8');

    const cal = new ICAL.Component(ICAL.parse(text));
    expect(cal.name).toBe('vcalendar');
    const events = cal.getAllSubcomponents('vevent');
    expect(events.length).toBe(left);
    const uids = new Set<string>();
    events.forEach((ev, i) => {
      expect(ev.getAllSubcomponents('valarm').length, `alarm of event ${i}`).toBe(1);
      expect(ev.getFirstSubcomponent('valarm')!.getFirstPropertyValue('action')).toBe('DISPLAY');
      const dt = ev.getFirstPropertyValue('dtstart') as ICAL.Time;
      expect([dt.hour, dt.minute, dt.isDate]).toEqual([7, 30, false]);
      const day = `${dt.year}-${String(dt.month).padStart(2, '0')}-${String(dt.day).padStart(2, '0')}`;
      expect(day, `day of event ${i}`).toBe(localDay(i));
      expect(ev.getFirstPropertyValue('summary')).toBe('FasciaMap session');
      uids.add(String(ev.getFirstPropertyValue('uid')));
    });
    expect(uids.size).toBe(left);

    // Nothing about the person's body or health anywhere in the file (unfolded, any case).
    const whole = text.replace(/\r\n[ \t]/g, '').toLowerCase();
    const words = [...regions, 'thigh', 'hip', 'back', 'calf', 'pain', 'sore', 'tight', 'osteoporosis', 'bone', 'replace', 'joint',
      'blood', 'pressure', 'surgery', 'flare', 'strong', 'mild', 'symptom', 'condition', 'health'];
    for (const w of words) expect(whole, `the file names “${w}”`).not.toContain(w);
    console.log(`reminder file: ${events.length} events, ${text.length} bytes, ${words.length} words checked absent`);
  });
});

test('the confirmation writes the time as the phone does (en-US: 7:05 PM)', async ({ map, page }) => {
  await seed(page, storedDoc());
  await map.open();
  await openProgress(page, '28 days');
  await page.getByLabel('Remind me each day at').fill('19:05');
  await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Add reminders to my calendar' }).tap()]);
  await expect(reminderNote(page)).toContainText(/daily reminders at 7:05\sPM/);
});

test('an empty time is asked for again, not guessed', async ({ map, page }) => {
  await seed(page, storedDoc());
  await map.open();
  await openProgress(page, '28 days');
  let downloads = 0;
  page.on('download', () => downloads++);
  await page.getByLabel('Remind me each day at').fill('');
  await page.getByRole('button', { name: 'Add reminders to my calendar' }).tap();
  await expect(reminderNote(page)).toContainText('Please pick a time first');
  expect(downloads).toBe(0);
});

test('reminders are offered only while a programme runs; otherwise the view says how to start', async ({ map, page }) => {
  await seed(page, storedDoc((d) => delete d.programme));
  await map.open();
  await openProgress(page, '28 days');
  await expect(page.getByText('add a daily reminder to your phone')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add reminders to my calendar' })).toHaveCount(0);
  await expect(page.locator('.due-today')).toHaveCount(0);
  await page.getByRole('button', { name: 'Start the 28 days today' }).tap();
  await expect(page.getByRole('button', { name: 'Add reminders to my calendar' })).toBeVisible();
  await expect(page.getByText('one short event a day for the 28 days left')).toBeVisible();

});

test('once the 28 days are over, neither reminders nor the due line', async ({ map, page }) => {
  await seed(page, storedDoc((d) => { d.programme = { start: '2020-01-01' }; }));
  await map.open();
  await openProgress(page, '28 days');
  await expect(page.getByRole('heading', { name: /Your 28 days are done/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add reminders to my calendar' })).toHaveCount(0);
  await expect(page.locator('.due-today')).toHaveCount(0);
});

test("today's session is due: said plainly on the progress screen, with the way to the plan", async ({ map, page }) => {
  await seed(page, storedDoc());
  await map.open();
  const data = await storedData(page);
  const day = dayNumber(localDay()) - dayNumber(data.programme.start) + 1;
  await openProgress(page);
  const due = page.getByRole('note').filter({ hasText: "today's session is still to do" });
  await expect(due).toContainText(`Day ${day} of 28: today's session is still to do.`);
  // The 28-day part says it in its own words, once.
  await openProgress(page, '28 days');
  await expect(due).toHaveCount(0);
  await expect(page.getByText("Today's session is still to do.")).toBeVisible();
  await openProgress(page, 'History');
  await due.getByRole('button', { name: "Go to today's plan" }).tap();
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Plan' })).toHaveAttribute('aria-current', 'page');
});

test('no axe violations on the reminders and the due line, light and dark', async ({ map, page }) => {
  await seed(page, storedDoc());
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await map.open();
    await openProgress(page, '28 days');
    await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Add reminders to my calendar' }).tap()]);
    await expect(reminderNote(page)).toContainText('Calendar file saved');
    const result = await new AxeBuilder({ page }).analyze();
    const summary = result.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.nodes[0]?.target}`);
    expect(summary, `axe violations (${scheme})`).toEqual([]);
  }
});
