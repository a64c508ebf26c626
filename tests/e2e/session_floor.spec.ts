// A session for someone on the floor (#13), at 390×844 and at 320 px wide with a 150 % base
// font: the soft sound at the end of each step is on and said so (asked once, changeable in
// view), a sharp-pain stop shows a calm screen and waits, no banner moves the controls during a
// session, the end screen says what was done and what comes next, an empty session is not
// saved, and the 28-day programme's "today" is the Plan screen's plan and starts it. Every
// screen on the way: no horizontal overflow, axe clean in light and dark.
import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';
import { auditBoth, docWith, seed, shownSteps, stored, SPEED } from './plan_helpers';
import { localDay, seed as seedRaw, storedDoc } from './seed';

const SIZES = [[390, 100], [320, 150]] as const;

/** Phone size and base font, and a stand-in for the Web Audio API that records each tone. */
async function setup(page: Page, width: number, font: number) {
  await page.setViewportSize({ width, height: 844 });
  await page.addInitScript((f) => {
    document.addEventListener('DOMContentLoaded', () => { document.documentElement.style.fontSize = `${f}%`; });
    const log: string[] = ((window as any).__sound = []);
    class Param { value = 0; setValueAtTime() { return this; } linearRampToValueAtTime() { return this; } }
    class Node { connect(n: unknown) { return n; } }
    class Osc extends Node { type = 'sine'; frequency = new Param(); start() { log.push('tone'); } stop() {} }
    class Gain extends Node { gain = new Param(); }
    class Ctx {
      currentTime = 0; destination = new Node(); state = 'suspended';
      constructor() { log.push('context'); }
      resume() { this.state = 'running'; log.push('resume'); return Promise.resolve(); }
      createOscillator() { return new Osc(); }
      createGain() { return new Gain(); }
    }
    (window as any).AudioContext = Ctx;
  }, font);
}

const tones = (page: Page) => page.evaluate(() => ((window as any).__sound as string[]).filter((l) => l === 'tone').length);

/** The bottom bar's buttons, clicked without a hit test (at 150 % the map may overlap it; #13, fingermap). */
async function go(page: Page, name: 'Map' | 'Plan' | 'Progress') {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name, exact: true }).dispatchEvent('click');
}

async function noOverflow(page: Page, what: string) {
  const [scroll, inner] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  expect(scroll, `horizontal overflow on ${what}`).toBeLessThanOrEqual(inner);
}

const announced = (page: Page) => page.locator('[role="status"][aria-live="polite"]');

for (const [width, font] of SIZES) {
  const at = `${width} px, ${font} % text`;

  test(`the first session asks about the sound with yes chosen, says so, and sounds at each step's end (${at})`, async ({ map, page }) => {
    await setup(page, width, font);
    await seed(page, docWith([['quadriceps', 'right', 3], ['quadriceps', 'left', 1]]));
    await map.open();
    // The browser offers installing: the end of this first session offers it too.
    await page.evaluate(() => {
      const ev = new Event('beforeinstallprompt', { cancelable: true });
      (ev as any).prompt = () => { (window as any).__prompted = true; return Promise.resolve(); };
      window.dispatchEvent(ev);
    });
    await go(page, 'Plan');
    await page.getByRole('button', { name: 'Start guided session' }).tap();
    await expect(page.getByRole('heading', { name: 'Front of thigh, your right' })).toBeFocused();
    const ask = page.getByRole('group', { name: 'A soft sound tells you when to move on. Keep it on?' });
    await expect(ask).toBeVisible();
    await expect(ask.getByRole('radio', { name: 'Yes, keep the sound' })).toBeChecked();
    await expect(ask.getByRole('radio', { name: 'No sound' })).not.toBeChecked();
    await expect(announced(page)).toContainText('A soft sound will tell you when each step ends');
    await noOverflow(page, 'session step with the sound question');
    await auditBoth(page, 'session step with the sound question');

    // Start keeps the preselected answer, prepares the sound in the tap, and the tone comes
    // when the step's time is up (steps run SPEED times faster here).
    await page.getByRole('button', { name: 'Start', exact: true }).tap();
    await expect(page.getByText('Step 2 of 2')).toBeVisible({ timeout: 15_000 });
    await expect.poll(() => tones(page)).toBe(1);
    expect((await stored(page)).profile.cues).toEqual({ sound: true, vibrate: false, asked: true });
    // Asked once: from the next step on it is a switch, in view and changeable at any time;
    // a no is kept and said.
    await expect(ask).toHaveCount(0);
    const sound = page.getByRole('switch', { name: 'Soft sound when a step ends' });
    await expect(sound).toBeChecked();
    await sound.uncheck();
    await expect(announced(page)).toHaveText('Sound off.');
    expect((await stored(page)).profile.cues).toEqual({ sound: false, vibrate: false, asked: true });
    await page.getByRole('button', { name: 'Start', exact: true }).tap();
    await expect(page.getByRole('heading', { name: 'Well done' })).toBeVisible({ timeout: 15_000 });
    expect(await tones(page), 'no tone once turned off').toBe(1);
    await page.getByRole('button', { name: 'Save session' }).tap();
    await expect(page.getByRole('heading', { name: 'Session done' })).toBeFocused();
    // The first kept session: the install offer, where the person sees it.
    const offer = page.getByRole('region', { name: 'Keep FasciaMap on your home screen' });
    await expect(offer).toBeVisible();
    await offer.getByRole('button', { name: 'Install' }).tap();
    expect(await page.evaluate(() => (window as any).__prompted)).toBe(true);
    await noOverflow(page, 'end screen');
  });

  test(`a sharp-pain stop shows a calm screen that waits, and both its buttons work (${at})`, async ({ map, page }) => {
    await setup(page, width, font);
    await seed(page, docWith([['quadriceps', 'right', 3], ['quadriceps', 'left', 1], ['calf', 'left', 2]]));
    await map.open();
    await go(page, 'Plan');
    await page.getByRole('button', { name: 'Start guided session' }).tap();
    await page.getByRole('button', { name: 'Start', exact: true }).tap();
    await page.getByRole('button', { name: 'Sharp pain or tingling: stop' }).tap();
    const calm = page.getByRole('heading', { name: 'You stopped. That was the right thing to do.' });
    await expect(calm).toBeFocused();
    const screen = page.locator('section.pain-stop');
    await expect(screen).toContainText('Front of thigh, your right');
    await expect(screen).toContainText('The timer is stopped');
    await expect(screen).toContainText('Stop pressing');
    await expect(screen).toContainText('Come off it slowly');
    await expect(screen).toContainText('left out of your plan until it feels fine');
    await expect(screen).toContainText('see your doctor or a physiotherapist');
    await expect(screen).toContainText('Call your emergency number now');
    await expect(announced(page)).toContainText('nothing moves on until you choose');
    // Four seconds here are four minutes of session time: longer than any step. Nothing moved.
    await page.waitForTimeout(4_000);
    await expect(calm).toBeVisible();
    await expect(page.getByText(/^Step \d of 3$/)).toHaveCount(0);
    let run = (await stored(page)).running;
    expect(run.halted).toEqual({ region: 'quadriceps', side: 'right' });
    expect(run.index).toBe(1);
    expect(run.since ?? null).toBeNull();
    expect(run.record.steps.map((s: any) => s.outcome)).toEqual(['stopped_pain']);
    expect((await stored(page)).paused).toEqual([{ region: 'quadriceps', side: 'right' }]);
    await noOverflow(page, 'sharp-pain stop');
    await auditBoth(page, 'sharp-pain stop');

    // "Go on": the next step, ready, its clock not running until Start.
    await page.getByRole('button', { name: 'Go on with the next step' }).tap();
    await expect(page.getByText('Step 2 of 3')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Start', exact: true })).toBeVisible();
    const clock = await page.getByRole('timer').textContent();
    await page.waitForTimeout(1_500);
    await expect(page.getByRole('timer')).toHaveText(clock!);
    await expect(page.getByText('Step 2 of 3')).toBeVisible();

    // A second stop, then "End the session": nothing was worked to the end, so there is
    // nothing to re-rate and the end screen comes at once, with both stops kept.
    await page.getByRole('button', { name: 'Start', exact: true }).tap();
    await page.getByRole('button', { name: 'Sharp pain or tingling: stop' }).tap();
    await expect(calm).toBeFocused();
    await page.getByRole('button', { name: 'End the session' }).tap();
    await expect(page.getByRole('heading', { name: 'Session done' })).toBeFocused();
    await expect(page.locator('.done-list li[data-outcome="stoppedpain"]')).toHaveCount(2);
    await expect(page.locator('.session-end')).toContainText('Left out of your plan until it feels fine');
    const doc = await stored(page);
    expect(doc.running).toBeUndefined();
    expect(doc.sessions).toHaveLength(1);
    expect(doc.sessions[0].steps.map((s: any) => s.outcome)).toEqual(['stopped_pain', 'stopped_pain']);
    expect(doc.paused).toHaveLength(2);
  });

  test(`no banner appears during a session, even with a backup overdue; it shows after (${at})`, async ({ map, page }) => {
    await setup(page, width, font);
    await page.addInitScript((s) => { (window as any).__fasciamapTestSpeed = s; }, SPEED);
    await seedRaw(page, storedDoc((d) => {
      d.last_export = new Date(Date.now() - 30 * 86_400_000).toISOString();
      d.screen = { date: localDay(), yes: [] };
    }));
    await map.open();
    const reminder = page.getByRole('complementary', { name: 'Backup reminder' });
    await expect(reminder).toBeVisible();
    await go(page, 'Plan');
    await page.getByRole('button', { name: 'Start guided session' }).tap();
    await expect(page.getByText(/^Step 1 of \d+$/)).toBeVisible();
    await expect(reminder).toHaveCount(0);
    const start = page.getByRole('button', { name: 'Start', exact: true });
    const y = (await start.boundingBox())!.y;
    await page.waitForTimeout(2_000);
    await expect(reminder).toHaveCount(0);
    expect((await start.boundingBox())!.y, 'the controls did not move').toBe(y);
    await expect(page.locator('.banner, .reminder')).toHaveCount(0);
    await noOverflow(page, 'session step');
    // Ended with nothing done: the end screen, still without the banner.
    await page.getByRole('button', { name: 'End the session here' }).tap();
    await expect(page.getByRole('heading', { name: 'Session ended' })).toBeFocused();
    await expect(reminder).toHaveCount(0);
    // After the session, the reminder is back.
    await page.getByRole('button', { name: 'Back to the map' }).tap();
    await expect(reminder).toBeVisible();
  });

  test(`storage filling up mid-session is said below the controls, never above them (${at})`, async ({ map, page }) => {
    await setup(page, width, font);
    await seed(page, docWith([['quadriceps', 'right', 3], ['quadriceps', 'left', 1], ['calf', 'left', 2]]));
    await page.addInitScript(() => {
      const orig = Storage.prototype.setItem;
      Storage.prototype.setItem = function (k: string, v: string) {
        if ((window as any).__full) throw new DOMException('quota', 'QuotaExceededError');
        return orig.call(this, k, v);
      };
    });
    await map.open();
    await go(page, 'Plan');
    await page.getByRole('button', { name: 'Start guided session' }).tap();
    await page.getByRole('button', { name: 'Done with this one' }).tap();
    await expect(page.getByText('Step 2 of 3')).toBeVisible();
    await expect.poll(async () => (await stored(page)).running?.index).toBe(1);
    const controls = page.locator('.session-controls');
    const y = (await controls.boundingBox())!.y;
    await page.evaluate(() => { (window as any).__full = true; });
    await page.getByRole('button', { name: 'Start', exact: true }).tap();
    const note = page.locator('.saving-note');
    await expect(note).toContainText('storage is full');
    await expect(note).toHaveAttribute('role', 'alert');
    await expect(page.locator('.banner')).toHaveCount(0);
    expect((await controls.boundingBox())!.y, 'the controls did not move').toBe(y);
    // The note is under the controls, not above them.
    expect((await note.boundingBox())!.y).toBeGreaterThan(y);
    await noOverflow(page, 'session step with the storage note');
  });

  test(`the end screen says what was done and what comes next (${at})`, async ({ map, page }) => {
    await setup(page, width, font);
    await page.addInitScript((s) => { (window as any).__fasciamapTestSpeed = s; }, SPEED);
    await seedRaw(page, storedDoc((d) => {
      d.screen = { date: localDay(), yes: [] };
      d.last_export = new Date().toISOString();
    }));
    await map.open();
    const sessionsBefore = (await stored(page)).sessions.length;
    await go(page, 'Plan');
    await expect(page.locator('li.plan-step').first()).toBeVisible();
    const planned = await shownSteps(page);
    expect(planned.length).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Start guided session' }).tap();
    const firstName = await page.locator('#session-title').textContent();
    for (let i = 0; i < planned.length; i++) {
      await expect(page.getByText(`Step ${i + 1} of ${planned.length}`)).toBeVisible();
      await page.getByRole('button', { name: 'Done with this one' }).tap();
    }
    await expect(page.getByRole('heading', { name: 'Well done' })).toBeFocused();
    await noOverflow(page, 're-rating');
    await page.getByRole('group', { name: `Now: ${firstName}` }).getByRole('button', { name: /^0 / }).tap();
    await page.getByRole('button', { name: 'Save session' }).tap();

    const end = page.locator('section.session-end');
    await expect(page.getByRole('heading', { name: 'Session done' })).toBeFocused();
    await expect(end.getByRole('status')).toHaveText('Session saved.');
    await expect(end).toContainText(new RegExp(`You worked ${planned.length} steps? on \\d+ areas?, for `));
    await expect(end.locator('.done-list:not(.before-now) li')).toHaveCount(planned.length);
    await expect(end.locator('.done-list:not(.before-now) li').first()).toContainText(firstName!);
    await expect(end.locator('.before-now li')).toHaveCount(1);
    await expect(end.locator('.before-now li')).toContainText(/→.*0 /);
    const next = end.getByRole('heading', { name: 'What comes next' }).locator('..');
    // The programme started 19 days before today's session: tomorrow is day 20.
    const day = (await stored(page)).programme.start;
    const n = Math.round((Date.parse(localDay()) - Date.parse(day)) / 86_400_000) + 2;
    await expect(next).toContainText(`Next session: tomorrow, `);
    await expect(next).toContainText(`day ${n} of your 28 days`);
    await expect(next).toContainText('check your map again');
    await expect(next).toContainText('see a physiotherapist or your doctor');
    // Not the first session: no install offer.
    await expect(page.getByRole('region', { name: 'Keep FasciaMap on your home screen' })).toHaveCount(0);
    for (const name of ['Back to the map', 'See my progress']) {
      const box = (await page.getByRole('button', { name }).boundingBox())!;
      expect(box.height, `${name} is a big button`).toBeGreaterThanOrEqual(56);
    }
    await noOverflow(page, 'end screen');
    await auditBoth(page, 'end screen');
    expect((await stored(page)).sessions).toHaveLength(sessionsBefore + 1);
    await page.getByRole('button', { name: 'See my progress' }).tap();
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Progress', exact: true })).toHaveAttribute('aria-current', 'page');
  });

  test(`a session with nothing done is not saved (${at})`, async ({ map, page }) => {
    await setup(page, width, font);
    await seed(page, docWith([['quadriceps', 'right', 3], ['quadriceps', 'left', 1]]));
    await map.open();
    await go(page, 'Plan');
    // Ended at once.
    await page.getByRole('button', { name: 'Start guided session' }).tap();
    await page.getByRole('button', { name: 'End the session here' }).tap();
    const ended = page.getByRole('heading', { name: 'Session ended' });
    await expect(ended).toBeFocused();
    await expect(page.locator('.session-end')).toContainText('nothing was added to your history');
    await noOverflow(page, 'empty end screen');
    await auditBoth(page, 'empty end screen');
    let doc = await stored(page);
    expect(doc.running).toBeUndefined();
    expect(doc.sessions ?? []).toEqual([]);
    // Every step skipped untouched.
    await page.getByRole('button', { name: 'Go to your plan' }).tap();
    await page.getByRole('button', { name: 'Start guided session' }).tap();
    await page.getByRole('button', { name: 'Skip' }).tap();
    await expect(page.getByText('Step 2 of 2')).toBeVisible();
    await page.getByRole('button', { name: 'Skip' }).tap();
    await expect(ended).toBeFocused();
    doc = await stored(page);
    expect(doc.running).toBeUndefined();
    expect(doc.sessions ?? []).toEqual([]);
    await go(page, 'Progress');
    await expect(page.getByRole('heading', { name: /progress/i }).first()).toBeVisible();
    await expect(page.locator('li.entry.session')).toHaveCount(0);
  });

  test(`the programme's today is the Plan screen's plan, and starts it (${at})`, async ({ map, page }) => {
    await setup(page, width, font);
    // Only a tennis ball and no getting down to the floor: the plan sits or stands with the ball.
    await seed(page, docWith([['quadriceps', 'right', 3], ['quadriceps', 'left', 1], ['calf', 'left', 2]], {
      profile: { tools: ['tennis_ball'], floor_ok: false },
      programme: { start: localDay() },
    }));
    await map.open();
    await go(page, 'Plan');
    await expect(page.locator('li.plan-step').first()).toBeVisible();
    const planned = await shownSteps(page);
    expect(planned.length).toBeGreaterThan(1);
    for (const s of planned) expect(s.position).not.toBe('floor');
    await go(page, 'Progress');
    await page.getByRole('group', { name: 'Show' }).getByRole('button', { name: '28 days', exact: true }).tap();
    const today = page.locator('.card.today');
    await expect(today.getByRole('heading', { name: "Today's suggested session" })).toBeVisible();
    const listed = await today.locator('ol.today-steps li').evaluateAll((els) => els.map((e) => ({
      region: e.getAttribute('data-region'), side: e.getAttribute('data-side'), tool: e.getAttribute('data-tool'),
      position: e.getAttribute('data-position'), seconds: Number(e.getAttribute('data-seconds')),
    })));
    expect(listed).toEqual(planned);
    await expect(today).not.toContainText(/foam roller|on the floor/i);
    await noOverflow(page, "programme's today");
    await page.getByRole('button', { name: "Start today's session" }).tap();
    await expect(page.getByText(`Step 1 of ${planned.length}`)).toBeVisible();
    await expect(page.locator('#session-title')).toBeFocused();
    const run = (await stored(page)).running;
    expect(run.steps.map((s: any) => ({ region: s.at.region, side: s.at.side, tool: s.tool, position: s.position, seconds: s.seconds })))
      .toEqual(planned);
    // While it runs, the programme leads back to it instead of starting another.
    await go(page, 'Progress');
    await page.getByRole('group', { name: 'Show' }).getByRole('button', { name: '28 days', exact: true }).tap();
    await page.getByRole('button', { name: 'Back to your session' }).tap();
    await expect(page.getByText(`Step 1 of ${planned.length}`)).toBeVisible();
  });
}

test("the programme's today asks the safety questions first when they are due", async ({ map, page }) => {
  await seed(page, docWith([['calf', 'left', 2]], { screen: undefined, programme: { start: localDay() } }));
  await map.open();
  await go(page, 'Progress');
  await page.getByRole('group', { name: 'Show' }).getByRole('button', { name: '28 days', exact: true }).tap();
  await expect(page.getByRole('button', { name: "Start today's session" })).toHaveCount(0);
  await page.getByRole('button', { name: 'Answer the safety questions' }).tap();
  await expect(page.getByRole('heading', { name: 'A few safety questions first' })).toBeVisible();
});
