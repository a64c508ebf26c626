// "Check my legs" (issue #14): the guided left/right walk through the method's leg groups, from
// an empty map to the plan it produced. Every answer is on the map at once; a reload resumes
// the walk on the step it stopped at; a skipped group leaves no marks; the plan starts on the
// tighter side.
import { test, expect } from './fixtures';
import { Page } from '@playwright/test';
import { answerScreen, audit, shownSteps, stored, targetsBigEnough } from './plan_helpers';

const WORDS = ['fine', 'mild', 'moderate', 'strong'];

/** Chooses how the left and the right side felt (0–3), then "Next". */
async function answer(page: Page, left: number, right: number) {
  for (const [side, n] of [['left', left], ['right', right]] as const) {
    await page.getByRole('group', { name: `How did your ${side} side feel?` })
      .getByRole('button', { name: new RegExp(`^${n} ${WORDS[n]}$`) }).tap();
  }
  await page.getByRole('button', { name: 'Next', exact: true }).tap();
}

/** The step showing: its progress line and its heading (which has the focus). */
async function onStep(page: Page, n: number, title: string) {
  await expect(page.getByText(`Step ${n} of 6`, { exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: title })).toBeFocused();
}

const marksOf = (data: any) => Object.fromEntries(
  (data.map?.marks ?? []).map((m: any) => [`${m.region}.${m.side}`, m.severity]));

test('from an empty map, the walk puts its answers on the map, resumes after a reload and ends on the plan, tighter side first', async ({ map, page }) => {
  await map.open();
  await expect(page.getByText('Tap where you feel tight or sore.', { exact: false }).filter({ visible: true })).toBeVisible();
  await page.getByRole('button', { name: 'Check my legs, left against right' }).tap();

  await onStep(page, 1, 'Front of the thigh and hip');
  await expect(page.getByRole('img', { name: /front of the thigh and hip, on both legs, seen from the front/ })).toBeVisible();
  await audit(page, 'the first step of the walk');
  await targetsBigEnough(page, 'the first step of the walk');
  // Next without both sides chosen asks for them; nothing is written.
  await page.getByRole('button', { name: 'Next', exact: true }).tap();
  await expect(page.getByRole('alert')).toHaveText('Choose one number for each side, or skip this step.');
  await expect(page.getByText('Step 1 of 6', { exact: true })).toBeVisible();
  await answer(page, 0, 0);

  await onStep(page, 2, 'Inner thigh');
  // Written as the person goes: 0 is "checked and fine", on every region of the group.
  expect(marksOf(await stored(page))).toEqual({
    'quadriceps.left': 0, 'quadriceps.right': 0, 'hip_flexor.left': 0, 'hip_flexor.right': 0,
  });
  await page.getByRole('button', { name: 'Skip this step' }).tap();

  await onStep(page, 3, 'Outer thigh');
  await expect(page.getByText('Press and hold, do not roll; stay above the knee.')).toBeVisible();
  await answer(page, 1, 3);
  await onStep(page, 4, 'Back of the thigh');
  let data = await stored(page);
  expect(data.leg_check.at).toBe(3);
  expect(marksOf(data)).toMatchObject({ 'outer_thigh.left': 1, 'outer_thigh.right': 3 });

  // A reload in the middle: back on the map, which offers to continue where it stopped.
  await page.reload();
  await expect(page.locator('main')).toHaveAttribute('aria-busy', 'false');
  await expect(map.region('Outer thigh', 'right')).toHaveAttribute('aria-label', /strong \(3 of 3\)/);
  await expect(map.region('Front of thigh', 'left')).toHaveAttribute('aria-label', /fine \(0 of 3\)/);
  await page.getByRole('button', { name: 'Continue checking my legs (step 4 of 6)' }).tap();
  await onStep(page, 4, 'Back of the thigh');
  await expect(page.getByRole('img', { name: /seen from the back/ })).toBeVisible();
  await answer(page, 0, 0);
  await onStep(page, 5, 'Calves');
  await expect(page.getByText(/If a calf is swollen, warm, red or throbbing, do not press it/)).toBeVisible();
  // Back, and the earlier answer is still chosen; answering again replaces it.
  await page.getByRole('button', { name: 'Back', exact: true }).tap();
  await onStep(page, 4, 'Back of the thigh');
  await expect(page.getByRole('group', { name: 'How did your left side feel?' })
    .getByRole('button', { name: /^0 fine$/ })).toHaveAttribute('aria-pressed', 'true');
  await answer(page, 0, 0);
  await answer(page, 0, 0);

  await onStep(page, 6, 'Front or back?');
  await page.getByRole('button', { name: 'About the same' }).tap();
  await expect(page.getByRole('heading', { name: 'Your legs are checked' })).toBeFocused();
  await expect(page.locator('.lc-summary li')).toHaveText([
    'Your right outer thigh was tighter than the left.',
    'The front and back of your legs felt about the same.',
  ]);
  await audit(page, 'the end of the walk');

  data = await stored(page);
  const marks = marksOf(data);
  expect(marks).toEqual({
    'quadriceps.left': 0, 'quadriceps.right': 0, 'hip_flexor.left': 0, 'hip_flexor.right': 0,
    'outer_thigh.left': 1, 'outer_thigh.right': 3, 'hamstrings.left': 0, 'hamstrings.right': 0,
    'calf.left': 0, 'calf.right': 0,
  });
  // The skipped inner thigh has no marks.
  expect(Object.keys(marks).some((k) => k.startsWith('adductors'))).toBe(false);
  // One sitting, one check-in.
  expect(data.checkins).toHaveLength(1);

  await page.getByRole('button', { name: 'Open my plan' }).tap();
  await answerScreen(page);
  await expect(page.getByRole('heading', { name: 'Your plan' })).toBeVisible();
  const steps = await shownSteps(page);
  expect(steps[0]).toMatchObject({ region: 'outer_thigh', side: 'right' });
  expect(steps.every((s) => s.region === 'outer_thigh')).toBe(true);
});

test('the walk never names a no-pressure area, and Back is not offered on the first step', async ({ map, page }) => {
  await map.open();
  await page.getByRole('button', { name: 'Check my legs, left against right' }).tap();
  await onStep(page, 1, 'Front of the thigh and hip');
  await expect(page.getByRole('button', { name: 'Back', exact: true })).toHaveCount(0);
  for (let n = 1; n <= 5; n++) {
    const text = await page.locator('section.leg-check').innerText();
    // Never tells anyone to press the knee, the groin, the spine or the low back.
    expect(text).not.toMatch(/press (on |into )?(the |your )?(knee|groin|spine|low back|lower back)/i);
    await page.getByRole('button', { name: 'Skip this step' }).tap();
  }
  await page.getByRole('button', { name: 'Skip this step' }).tap();
  await expect(page.getByRole('heading', { name: 'Your legs are checked' })).toBeVisible();
  await expect(page.getByText('You skipped every step, so nothing was added to your map.')).toBeVisible();
  expect(marksOf(await stored(page))).toEqual({});
  // A finished walk: the map offers a new one.
  await page.getByRole('button', { name: 'Back to the map' }).tap();
  await page.getByRole('button', { name: 'Check my legs, left against right' }).tap();
  await onStep(page, 1, 'Front of the thigh and hip');
});

test('with low back pain ticked, the map says why the legs come first', async ({ map, page }) => {
  await map.open();
  await page.getByRole('button', { name: 'Low back pain or stiffness' }).tap();
  await expect(page.getByText('For low back pain this method looks at the legs first.')).toBeVisible();
});

test('every step fits a 320 px phone with 200 % text, with big buttons', async ({ map, page }) => {
  await page.setViewportSize({ width: 320, height: 844 });
  await page.addInitScript(() => {
    document.addEventListener('DOMContentLoaded', () => { document.documentElement.style.fontSize = '200%'; });
  });
  await map.open();
  await page.getByRole('button', { name: 'Check my legs, left against right' }).tap();
  const fits = async (what: string) => {
    // Against the phone's width: a page too wide for a phone is zoomed out, not scrolled.
    const over = await page.evaluate(() => document.documentElement.scrollWidth - 320);
    expect(over, `${what} is wider than the phone`).toBeLessThanOrEqual(0);
    await targetsBigEnough(page, what);
  };
  for (let n = 1; n <= 5; n++) {
    await expect(page.getByText(`Step ${n} of 6`, { exact: true })).toBeVisible();
    await fits(`step ${n}`);
    await answer(page, n % 4, (n + 1) % 4);
  }
  await fits('front or back');
  await page.getByRole('button', { name: 'The back of my legs' }).tap();
  await expect(page.getByRole('heading', { name: 'Your legs are checked' })).toBeVisible();
  await fits('the end');
});

test.describe('on a first visit', () => {
  test.use({ firstVisit: true });

  test('choosing low back pain in the welcome offers to check the legs straight away', async ({ page }) => {
    await page.goto('./');
    await expect(page.locator('#boot')).toHaveCount(0);
    await page.getByRole('button', { name: 'Get started' }).tap();
    await expect(page.getByRole('button', { name: 'Check my legs, left against right' })).toHaveCount(0);
    await page.getByRole('button', { name: 'Low back pain or stiffness' }).tap();
    await page.getByRole('button', { name: 'Check my legs, left against right' }).tap();
    await onStep(page, 1, 'Front of the thigh and hip');
    // The welcome is passed: a reload opens the map, which offers to continue.
    await answer(page, 1, 1);
    await page.reload();
    await expect(page.getByRole('button', { name: 'Continue checking my legs (step 2 of 6)' })).toBeVisible();
    expect((await stored(page)).profile.welcomed).toBe(true);
  });
});

test('the walk passes axe in dark mode too', async ({ map, page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await map.open();
  await page.getByRole('button', { name: 'Check my legs, left against right' }).tap();
  await onStep(page, 1, 'Front of the thigh and hip');
  await page.getByRole('group', { name: 'How did your left side feel?' }).getByRole('button', { name: /^3 strong$/ }).tap();
  await audit(page, 'a step of the walk, dark');
  for (let n = 1; n <= 6; n++) await page.getByRole('button', { name: 'Skip this step' }).tap();
  await expect(page.getByRole('heading', { name: 'Your legs are checked' })).toBeVisible();
  await audit(page, 'the end of the walk, dark');
});
