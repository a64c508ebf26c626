// From map to plan to session: the safety questions, the plan, a full guided session with
// re-rating, the stop messages, the profile changing the plan, the sharp-pain stop, and a
// reload in the middle of a session. axe runs on every screen on the way.
import { test, expect } from './fixtures';
import { answerScreen, audit, docWith, nav, seed, shownSteps, stored, targetsBigEnough } from './plan_helpers';

test('first run: safety questions, map, plan, a full guided session, re-rating, saved', async ({ map, page }) => {
  await seed(page, null);
  await map.open();
  await nav(page, 'Plan');
  await audit(page, 'safety questions');
  await answerScreen(page);
  await expect(page.getByRole('heading', { name: "Let's start with your map" })).toBeVisible();
  const screen = (await stored(page)).screen;
  expect(screen.yes).toEqual([]);
  expect(screen.date).toMatch(/^\d{4}-\d\d-\d\d$/);
  await page.getByRole('button', { name: 'Go to the body map' }).tap();
  for (const [side, word] of [['right', 'strong'], ['left', 'mild']] as const) {
    await map.tapRegion('Front of thigh', side);
    await map.setSeverity(word);
    await map.closeEditor();
  }
  await nav(page, 'Plan');
  await expect(page.getByRole('heading', { name: 'Your plan' })).toBeVisible();
  const steps = await shownSteps(page);
  expect(steps.map((s) => `${s.region}/${s.side}`)).toEqual(['quadriceps/right', 'quadriceps/left']);
  await page.locator('details.why summary').first().tap();
  await expect(page.locator('details.why').first()).toContainText('Sources');
  await audit(page, 'plan');
  await targetsBigEnough(page, 'plan');

  await page.getByRole('button', { name: 'Start guided session' }).tap();
  await expect(page.getByText('Step 1 of 2')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Front of thigh, your right' })).toBeVisible();
  await audit(page, 'session step (ready)');
  await targetsBigEnough(page, 'session step');
  await page.getByRole('button', { name: 'Start', exact: true }).tap();
  await expect(page.locator('.pacer-text')).toHaveText(/^(Breathe in|Hold|Breathe out) · \d$/);
  await audit(page, 'session step (running)');
  // The step's time runs out on its own (sped up) and the next one is ready.
  await expect(page.getByText('Step 2 of 2')).toBeVisible({ timeout: 15_000 });
  await page.getByRole('button', { name: 'Start', exact: true }).tap();
  await expect(page.getByRole('heading', { name: 'Well done' })).toBeVisible({ timeout: 15_000 });
  await audit(page, 're-rating');
  await targetsBigEnough(page, 're-rating');
  await page.getByRole('group', { name: 'Now: Front of thigh, your right' }).getByRole('button', { name: /^1 mild$/ }).tap();
  await page.getByRole('button', { name: 'Save session' }).tap();
  // The end screen: what was done, before and now, and the way on.
  await expect(page.getByRole('heading', { name: 'Session done' })).toBeFocused();
  await expect(page.getByRole('status').filter({ hasText: 'Session saved' })).toBeVisible();
  await expect(page.locator('.before-now li[data-region="quadriceps"][data-side="right"]')).toContainText(/3 strong.*1 mild/);
  await audit(page, 'end screen');

  const doc = await stored(page);
  expect(doc.running).toBeUndefined();
  expect(doc.sessions).toHaveLength(1);
  const s = doc.sessions[0];
  expect(s.finished_at).toBeTruthy();
  expect(s.steps.map((x: any) => [x.at.region, x.at.side, x.outcome])).toEqual([
    ['quadriceps', 'right', 'done'], ['quadriceps', 'left', 'done']]);
  expect(s.steps[0].done_s).toBe(s.steps[0].planned_s);
  expect(s.ratings[0]).toEqual({ at: { region: 'quadriceps', side: 'right' }, before: 3, after: 1 });
  // The new rating is on the map and the plan follows it.
  expect(doc.map.marks.find((m: any) => m.region === 'quadriceps' && m.side === 'right').severity).toBe(1);
});

test('an emergency answer shows only message E, an urgent one only message U', async ({ map, page }) => {
  await seed(page, docWith([['quadriceps', 'right', 3]], { screen: undefined }));
  await map.open();
  await nav(page, 'Plan');
  await page.locator('.question').first().getByRole('button', { name: 'Yes', exact: true }).tap();
  const stop = page.locator('.stop');
  await expect(stop).toHaveAttribute('data-message', 'stop_emergency');
  await expect(stop).toContainText('emergency');
  await expect(page.locator('li.plan-step')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Start guided session' })).toHaveCount(0);
  await audit(page, 'emergency stop');
  expect((await stored(page)).screen.yes).toEqual(['RF1']);

  await page.getByRole('button', { name: 'Answer the safety questions again' }).tap();
  // RF7 is in the third short step: the first two are answered no.
  for (let step = 1; step <= 2; step++) {
    await expect(page.getByText(`Step ${step} of 5`, { exact: true })).toBeVisible();
    const qs = page.locator('.question');
    for (let i = 0; i < await qs.count(); i++) await qs.nth(i).getByRole('button', { name: 'No', exact: true }).tap();
    await page.getByRole('button', { name: 'Next', exact: true }).tap();
  }
  await page.locator('.question[aria-labelledby="q-RF7"]').getByRole('button', { name: 'Yes', exact: true }).tap();
  await expect(page.locator('.stop')).toHaveAttribute('data-message', 'stop_urgent');
  await expect(page.locator('li.plan-step')).toHaveCount(0);
  await audit(page, 'urgent stop');
});

test('an amber answer lets the plan through under a banner', async ({ map, page }) => {
  await seed(page, docWith([['quadriceps', 'right', 3]], { screen: undefined }));
  await map.open();
  await nav(page, 'Plan');
  await answerScreen(page, ['A2']);
  await expect(page.locator('.banner.amber')).toContainText('first episode of back pain after 50');
  await expect(page.locator('li.plan-step')).toHaveCount(1);
  await audit(page, 'plan with amber banner');
});

test('the questions come back after a week and after "new or changed symptoms"', async ({ map, page }) => {
  await seed(page, docWith([['calf', 'left', 2]], { screen: { date: '2000-01-01', yes: [] } }));
  // The seed helper moves the date to today; put it back to a week ago.
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('aged')) {
      const raw = JSON.parse(localStorage.getItem('fasciamap.doc')!);
      const d = new Date(Date.now() - 8 * 86400e3);
      raw.data.screen.date = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
      localStorage.setItem('fasciamap.doc', JSON.stringify(raw));
      sessionStorage.setItem('aged', '1');
    }
  });
  await map.open();
  await nav(page, 'Plan');
  await answerScreen(page);
  await expect(page.locator('li.plan-step')).toHaveCount(1);
  await page.getByRole('button', { name: 'I have new or changed symptoms' }).tap();
  await expect(page.getByRole('heading', { name: 'A few safety questions first' })).toBeVisible();
});

test('a condition in the profile changes the plan as the engine says', async ({ map, page }) => {
  await seed(page, docWith([['between_shoulder_blades', 'left', 2], ['quadriceps', 'left', 2]],
    { profile: { thoracic_roller: true } }));
  await map.open();
  await nav(page, 'Plan');
  await expect(page.locator('li.plan-step[data-region="thoracic_spine"]')).toHaveCount(1);
  await nav(page, 'More');
  await audit(page, 'more');
  await page.getByRole('button', { name: /About you/ }).tap();
  await audit(page, 'profile');
  await targetsBigEnough(page, 'profile');
  await page.getByRole('button', { name: /Osteoporosis or thin bones/ }).tap();
  await expect(page.getByRole('button', { name: /Osteoporosis or thin bones/ })).toHaveAttribute('aria-pressed', 'true');
  await nav(page, 'Plan');
  await expect(page.locator('li.plan-step[data-region="thoracic_spine"]')).toHaveCount(0);
  await expect(page.locator('[data-message="osteoporosis_caution"]')).toBeVisible();
  await expect(page.locator('[data-message="thoracic_roller_excluded"]')).toBeVisible();
  // Every tool the steps use is a soft one now.
  for (const s of await shownSteps(page)) expect(['soft_roller', 'tennis_ball', 'hands']).toContain(s.tool);
  expect((await stored(page)).profile.conditions).toEqual([{ id: 'osteoporosis' }]);
  await nav(page, 'More');
  await page.getByRole('button', { name: /How this works/ }).tap();
  await audit(page, 'how this works');
});

test('"sharp pain" stops the step and leaves that side out until it is cleared', async ({ map, page }) => {
  await seed(page, docWith([['quadriceps', 'right', 3], ['quadriceps', 'left', 1]]));
  await map.open();
  await nav(page, 'Plan');
  await page.getByRole('button', { name: 'Start guided session' }).tap();
  await page.getByRole('button', { name: 'Start', exact: true }).tap();
  await page.getByRole('button', { name: 'Sharp pain or tingling: stop' }).tap();
  // The calm screen first; nothing moves on until a choice is made.
  await expect(page.getByRole('heading', { name: /You stopped/ })).toBeFocused();
  await page.getByRole('button', { name: 'Go on with the next step' }).tap();
  await expect(page.getByText('Step 2 of 2')).toBeVisible();
  await page.getByRole('button', { name: 'End the session here' }).tap();
  // Nothing to re-rate (the only step worked was stopped): the end screen comes at once.
  await expect(page.getByRole('heading', { name: 'Session done' })).toBeVisible();
  await expect(page.locator('.done-list li[data-outcome="stoppedpain"]')).toContainText('Front of thigh, your right');
  await nav(page, 'Plan');
  const doc = await stored(page);
  expect(doc.paused).toEqual([{ region: 'quadriceps', side: 'right' }]);
  expect(doc.sessions[0].steps[0].outcome).toBe('stopped_pain');
  // The lighter left side alone would add to the imbalance, so it waits with its tighter side.
  await expect(page.locator('.leave-list li[data-region="quadriceps"][data-side="left"]')).toContainText('tighter side');
  expect(await shownSteps(page)).toEqual([]);
  const left = page.locator('.leave-list li[data-region="quadriceps"][data-side="right"]');
  await expect(left).toContainText('sharp pain or tingling');
  await left.getByRole('button', { name: 'It feels fine again' }).tap();
  expect((await shownSteps(page)).map((s) => `${s.region}/${s.side}`)).toEqual(['quadriceps/right', 'quadriceps/left']);
  expect((await stored(page)).paused).toBeUndefined();
});

test('a reload in the middle of a session loses nothing already confirmed', async ({ map, page }) => {
  await seed(page, docWith([['quadriceps', 'right', 3], ['quadriceps', 'left', 1], ['calf', 'left', 2]]));
  await map.open();
  await nav(page, 'Plan');
  await expect(page.locator('li.plan-step')).toHaveCount(3);
  const planned = await shownSteps(page);
  await page.getByRole('button', { name: 'Start guided session' }).tap();
  await page.getByRole('button', { name: 'Done with this one' }).tap();
  await page.getByRole('button', { name: 'Skip' }).tap();
  await expect(page.getByText(`Step 3 of ${planned.length}`)).toBeVisible();
  await page.getByRole('button', { name: 'Start', exact: true }).tap();
  await page.reload();
  // The session screen comes back on the same step, paused, with both confirmed steps kept.
  await expect(page.getByText(`Step 3 of ${planned.length}`)).toBeVisible();
  await expect(page.getByRole('button', { name: /^(Start|Resume)$/ })).toBeVisible();
  const run = (await stored(page)).running;
  expect(run.record.steps.map((s: any) => s.outcome)).toEqual(['done', 'skipped']);
  expect(run.index).toBe(2);
  await page.getByRole('button', { name: 'Back' }).tap();
  await expect(page.getByText(`Step 2 of ${planned.length}`)).toBeVisible();
});

test('"check these next" opens the map editor on that area', async ({ map, page }) => {
  await seed(page, docWith([['quadriceps', 'right', 2]], { map: { marks: [{ region: 'quadriceps', side: 'right', severity: 2 }], symptoms: ['low_back_pain'] } }));
  await map.open();
  await nav(page, 'Plan');
  const first = page.locator('.check-list button').first();
  const name = (await first.locator('strong').textContent())!;
  await first.tap();
  await expect(map.editor).toBeVisible();
  await expect(map.editor.getByRole('heading', { level: 2 })).toHaveText(name);
  await map.setSeverity('mild');
  await map.closeEditor();
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Map' })).toHaveAttribute('aria-current', 'page');
});

test('a session keeps the screen awake and, when asked, vibrates at step changes', async ({ map, page }) => {
  await page.addInitScript(() => {
    const log: string[] = ((window as any).__deviceLog = []);
    Object.defineProperty(navigator, 'wakeLock', {
      configurable: true,
      value: { request: (type: string) => { log.push(`lock:${type}`); return Promise.resolve({ release: () => { log.push('release'); return Promise.resolve(); } }); } },
    });
    Object.defineProperty(navigator, 'vibrate', { configurable: true, value: (ms: number) => { log.push(`vibrate:${ms}`); return true; } });
  });
  await seed(page, docWith([['calf', 'left', 2], ['calf', 'right', 1]]));
  await map.open();
  await nav(page, 'Plan');
  await page.getByRole('button', { name: 'Start guided session' }).tap();
  const log = () => page.evaluate(() => (window as any).__deviceLog as string[]);
  await expect.poll(log).toContain('lock:screen');
  // Off by default: no vibration at the first step change.
  await page.getByRole('button', { name: 'Done with this one' }).tap();
  expect((await log()).some((l) => l.startsWith('vibrate'))).toBe(false);
  // The switch is in view, never folded away.
  await page.getByRole('checkbox', { name: 'Vibrate too' }).check();
  expect((await stored(page)).profile.cues.vibrate).toBe(true);
  const buzzes = async () => (await log()).filter((l) => l === 'vibrate:180').length;
  const before = await buzzes();
  await page.getByRole('button', { name: 'Back' }).tap();
  await expect.poll(buzzes).toBe(before + 1);
  // Leaving the session screen lets the screen sleep again.
  await nav(page, 'Map');
  await expect.poll(log).toContain('release');
});

test('the breathing guide animates, and stands still with reduced motion (the words still change)', async ({ map, page }) => {
  await seed(page, docWith([['calf', 'left', 2]]), 1);
  await map.open();
  await nav(page, 'Plan');
  await page.getByRole('button', { name: 'Start guided session' }).tap();
  await page.getByRole('button', { name: 'Start', exact: true }).tap();
  const anim = () => page.locator('.pacer-dot').evaluate((e) => getComputedStyle(e).animationName);
  expect(await anim()).toBe('breathe');
  await page.getByRole('button', { name: 'Pause' }).tap();
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.getByRole('button', { name: 'Resume' }).tap();
  expect(await anim()).toBe('none');
  await expect(page.locator('.pacer-text')).toHaveText(/^Breathe in · 4$/);
  await expect(page.locator('.pacer-text')).toHaveText(/^Breathe in · 3$/);
});
