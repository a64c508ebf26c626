// A first visit walked as a person would (#13), at 390x844 and at 320 px wide with a 150 % base
// font: the welcome, "What brings you here?" (low back pain), the map opening on the legs, a few
// spots marked, the plan asking first for the tools at home and the floor (answered "no floor"),
// then the safety questions in short steps (Next and Save with one unanswered move focus to it
// and say so), then the plan, with no floor step and only the tools the person has, and the
// session started. On each screen: nothing scrolls sideways, the primary button can be seen
// (not under the bottom bar), and axe finds nothing in light and dark.
// Also: a returning person goes straight to the map, the welcome is not shown again after a
// reload, a shared link and a launch shortcut open on a first visit, and an emergency yes in the
// first step stops at once with a readable red heading in dark mode.
// Screenshots of every screen go to $SHOOT_DIR when it is set.
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { audit, docWith, nav, seed, shownSteps, stored } from './plan_helpers';

const shots = process.env.SHOOT_DIR;

test.use({ firstVisit: true });

/** Sets the text size before the app starts (150 % = a large phone setting). */
async function bigText(page: Page, percent: number) {
  await page.addInitScript((f) => {
    document.addEventListener('DOMContentLoaded', () => { document.documentElement.style.fontSize = `${f}%`; });
  }, percent);
}

/** The checks every screen of the walk passes. */
async function checkScreen(page: Page, what: string, primary: Locator | null, tag: string, axe = true) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${what} scrolls sideways`).toBeLessThanOrEqual(0);
  if (shots) {
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: `${shots}/${tag}-${scheme}.png` });
    }
  }
  if (primary) {
    // Brought into view as a person scrolls to it: fully visible, not under the sticky header
    // or the bottom bar (which the welcome does not show).
    await primary.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    const box = await primary.boundingBox();
    const bar = page.getByRole('navigation', { name: 'Main' });
    const barTop = (await bar.count()) ? await bar.evaluate((n) => n.getBoundingClientRect().top) : page.viewportSize()!.height;
    const headerBottom = await page.locator('header.app-header').evaluate((h) => h.getBoundingClientRect().bottom);
    expect(box, `${what}: primary button laid out`).not.toBeNull();
    expect(box!.y, `${what}: primary button below the header`).toBeGreaterThanOrEqual(headerBottom - 1);
    expect(box!.y + box!.height, `${what}: primary button above the bottom bar`).toBeLessThanOrEqual(barTop + 1);
    expect(box!.width, `${what}: primary button not squeezed`).toBeGreaterThanOrEqual(44);
  }
  for (const scheme of ['light', 'dark'] as const) {
    if (!axe) break;
    await page.emulateMedia({ colorScheme: scheme });
    await audit(page, `${what} (${scheme})`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/** The id of the element that has focus. */
const focused = (page: Page) => page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName || '');

for (const [width, font] of [[390, 100], [320, 150]] as const) {
  test(`a first visit from the welcome to a started session, ${width} px, ${font} % text`, async ({ map, page }) => {
    test.setTimeout(180_000);
    await page.setViewportSize({ width, height: 844 });
    if (font !== 100) await bigText(page, font);
    const size = `${width}-${font}`;
    await page.goto('./');

    // 1. The welcome: what the app does, not a diagnosis, nothing leaves the phone.
    await expect(page.getByRole('heading', { name: 'Welcome to FasciaMap', level: 2 })).toBeVisible();
    // The loading page shows the same welcome first; checked here is the app's, once it is there.
    await expect(page.locator('#boot')).toHaveCount(0);
    const welcome = page.locator('section.welcome');
    await expect(welcome).toContainText('instead of only rubbing the spot that hurts');
    await expect(welcome).toContainText('not a diagnosis');
    await expect(welcome).toContainText('See a doctor');
    await expect(welcome).toContainText('stays on this phone');
    if (font === 100) {
      // On a phone with the usual text size the whole welcome fits, button included.
      const box = await page.getByRole('button', { name: 'Get started' }).boundingBox();
      expect(box!.y + box!.height, 'Get started visible without scrolling').toBeLessThanOrEqual(844);
    }
    await expect(page.getByRole('button', { name: 'Skip to the body map' })).toBeVisible();
    await checkScreen(page, 'welcome', page.getByRole('button', { name: 'Get started' }), `1-welcome-${size}`);
    await page.getByRole('button', { name: 'Get started' }).tap();

    // 2. What brings you here? Low back pain, not flaring.
    await expect(page.getByRole('heading', { name: 'What brings you here?' })).toBeFocused();
    const choices = page.getByRole('group', { name: 'Choose all that fit' });
    for (const label of ['Low back pain or stiffness', 'Stiff hips', 'Tense neck and shoulders (stress)', 'Just stiffness or tension']) {
      await expect(choices.getByRole('button', { name: label })).toBeVisible();
    }
    await choices.getByRole('button', { name: 'Low back pain or stiffness' }).tap();
    await expect(choices.getByRole('button', { name: 'Low back pain or stiffness' })).toHaveAttribute('aria-pressed', 'true');
    await expect(choices.getByRole('button', { name: /flaring up right now/ })).toHaveAttribute('aria-pressed', 'false');
    await expect(page.getByText('the map opens on your legs')).toBeVisible();
    await checkScreen(page, 'what brings you here', page.getByRole('button', { name: 'Show my body map' }), `2-symptoms-${size}`);
    await page.getByRole('button', { name: 'Show my body map' }).tap();

    // 3. The map opens on the legs, saying why.
    await expect(page.getByRole('group', { name: 'Zoom' }).getByRole('button', { name: 'Legs' })).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByRole('group', { name: 'Which side of the body' }).getByRole('button', { name: 'Front' })).toHaveAttribute('aria-pressed', 'true');
    await expect(page.locator('.map-screen .hint').first()).toContainText('checks the legs first');
    await expect(map.region('Front of thigh', 'right')).toBeVisible();
    await expect(page.locator('main')).toHaveAttribute('aria-busy', 'false');
    // The map opens at its top with focus on it: the hint starts below the header, which takes
    // two rows with large text (focus alone once scrolled the hint half under it).
    await expect(page.locator('main')).toBeFocused();
    const headerBottom = await page.locator('header.app-header').evaluate((h) => h.getBoundingClientRect().bottom);
    const hintTop = await page.locator('.map-screen .hint').first().evaluate((h) => h.getBoundingClientRect().top);
    expect(hintTop, 'the hint starts below the header').toBeGreaterThanOrEqual(headerBottom - 1);
    await checkScreen(page, 'map on the legs', null, `3-map-${size}`);
    // The welcome is kept as passed, with the symptom.
    const afterWelcome = await stored(page);
    expect(afterWelcome.profile.welcomed).toBe(true);
    expect(afterWelcome.map.symptoms).toEqual(['low_back_pain']);

    // 4. A few spots on both thighs (the sheet's buttons are reached without a hit test where
    // large text lets the figure run under the bottom bar: that is the map's own issue).
    for (const [name, side, word] of [['Front of thigh', 'right', 'strong'], ['Front of thigh', 'left', 'mild'], ['Inner thigh', 'right', 'moderate']] as const) {
      await map.region(name, side).dispatchEvent('click');
      await expect(map.editor).toBeVisible();
      await map.editor.getByRole('button', { name: new RegExp(`^\\d ${word}$`) }).dispatchEvent('click');
      await map.editor.getByRole('button', { name: 'Done' }).dispatchEvent('click');
      await expect(map.editor).toBeHidden();
    }

    // 5. The plan asks first what changes every step: the tools at home and the floor.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Plan' }).dispatchEvent('click');
    await expect(page.getByRole('heading', { name: 'Before your first plan' })).toBeVisible();
    const next = page.getByRole('button', { name: 'Next: safety questions' });
    await checkScreen(page, 'tools and floor', next, `4-tools-${size}`);
    // Pressed with nothing answered: focus goes to the tools and says so.
    await next.tap();
    await expect(page.locator('#first-tools')).toBeFocused();
    await expect(page.locator('#first-tools .missing-note')).toHaveText('Please answer this one');
    await expect(page.locator('#first-tools')).toHaveAttribute('aria-describedby', 'first-tools-missing');
    const tools = page.getByRole('group', { name: 'Which of these do you have at home?' });
    // A picture of each tool beside its plain name.
    await expect(tools.locator('svg.tool-picture')).toHaveCount(7);
    await tools.getByRole('button', { name: 'Tennis ball' }).tap();
    await tools.getByRole('button', { name: 'Soft foam roller' }).tap();
    await expect(page.locator('#first-tools .missing-note')).toHaveCount(0);
    await expect(tools.getByRole('button', { name: 'Tennis ball' })).toHaveAttribute('aria-pressed', 'true');
    // The floor is still unanswered.
    await next.tap();
    await expect(page.locator('#first-floor')).toBeFocused();
    await expect(page.locator('#first-floor .missing-note')).toHaveText('Please answer this one');
    await checkScreen(page, 'tools and floor, one unanswered', next, `5-floor-missing-${size}`);
    await page.getByRole('group', { name: 'Can you get down to the floor and up again without help?' }).getByRole('button', { name: 'No', exact: true }).tap();
    await next.tap();

    // 6. The safety questions in short steps.
    await expect(page.getByRole('heading', { name: 'A few safety questions first' })).toBeFocused();
    await expect(page.getByText('Step 1 of 5', { exact: true })).toBeVisible();
    expect(await page.locator('.question').count()).toBeLessThanOrEqual(5);
    await checkScreen(page, 'safety questions step 1', page.getByRole('button', { name: 'Next', exact: true }), `6-safety-${size}`);
    const questions = page.locator('.question');
    // Two of three answered, then Next: the third is focused and marked.
    await questions.nth(0).getByRole('button', { name: 'No', exact: true }).tap();
    await questions.nth(1).getByRole('button', { name: 'No', exact: true }).tap();
    await page.getByRole('button', { name: 'Next', exact: true }).tap();
    const third = questions.nth(2);
    await expect(third).toBeFocused();
    await expect(third.locator('.missing-note')).toHaveText('Please answer this one');
    await expect(page.getByText('Step 1 of 5', { exact: true })).toBeVisible();
    await checkScreen(page, 'safety questions, one unanswered', page.getByRole('button', { name: 'Next', exact: true }), `7-safety-missing-${size}`);
    await third.getByRole('button', { name: 'No', exact: true }).tap();
    await expect(third.locator('.missing-note')).toHaveCount(0);
    await page.getByRole('button', { name: 'Next', exact: true }).tap();
    // Steps 2 to 4: all no.
    for (let step = 2; step <= 4; step++) {
      await expect(page.getByText(`Step ${step} of 5`, { exact: true })).toBeVisible();
      await expect(page.locator('#safety-step')).toBeFocused();
      const n = await questions.count();
      for (let i = 0; i < n; i++) await questions.nth(i).getByRole('button', { name: 'No', exact: true }).tap();
      await page.getByRole('button', { name: 'Next', exact: true }).tap();
    }
    // Step 5: Save with the last one missing.
    await expect(page.getByText('Step 5 of 5', { exact: true })).toBeVisible();
    const save = page.getByRole('button', { name: 'Save my answers' });
    await expect(save).toBeEnabled();
    const n5 = await questions.count();
    for (let i = 0; i < n5 - 1; i++) await questions.nth(i).getByRole('button', { name: 'No', exact: true }).tap();
    await save.tap();
    await expect(questions.nth(n5 - 1)).toBeFocused();
    await expect(questions.nth(n5 - 1).locator('.missing-note')).toHaveText('Please answer this one');
    await checkScreen(page, 'safety questions, save with one missing', save, `8-safety-save-${size}`);
    await questions.nth(n5 - 1).getByRole('button', { name: 'No', exact: true }).tap();
    await save.tap();

    // 7. The plan: focus on its heading, no floor step, only the tools the person has.
    await expect(page.getByRole('heading', { name: 'Your plan' })).toBeFocused();
    const steps = await shownSteps(page);
    expect(steps.length).toBeGreaterThan(0);
    expect(steps.filter((s) => s.position === 'floor'), 'no floor step for "no floor"').toEqual([]);
    for (const s of steps) expect(['tennis_ball', 'soft_roller', 'hands']).toContain(s.tool);
    await expect(page.getByRole('button', { name: 'Change your tools, floor or health answers' })).toBeVisible();
    const start = page.getByRole('button', { name: 'Start guided session' });
    await checkScreen(page, 'plan', start, `9-plan-${size}`);
    const doc = await stored(page);
    expect(doc.profile.floor_ok).toBe(false);
    expect([...doc.profile.tools].sort()).toEqual(['soft_roller', 'tennis_ball']);
    expect(doc.screen.yes).toEqual([]);

    // 8. The session starts.
    await start.tap();
    await expect(page.getByText(`Step 1 of ${steps.length}`)).toBeVisible();
  });
}

test('the answers can be changed later: the plan links to About you, which shows them', async ({ map, page }) => {
  await seed(page, docWith([['quadriceps', 'right', 3], ['quadriceps', 'left', 1]], { profile: { welcomed: true, floor_ok: false, tools: ['tennis_ball'] } }));
  await map.open();
  await nav(page, 'Plan');
  await page.getByRole('button', { name: 'Change your tools, floor or health answers' }).tap();
  await expect(page.getByRole('heading', { name: 'About you' })).toBeVisible();
  const floor = page.getByRole('group', { name: 'Can you get down to the floor and up again without help?' });
  await expect(floor.getByRole('button', { name: 'No', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('button', { name: /Tennis ball/i })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('button', { name: 'Answer the safety questions again' })).toBeVisible();
  await floor.getByRole('button', { name: 'Yes', exact: true }).tap();
  expect((await stored(page)).profile.floor_ok).toBe(true);
  await audit(page, 'about you');
});

test('a returning person goes straight to the map; the welcome is shown once', async ({ map, page }) => {
  // Something saved (a marked map, nothing else, as an older version stored it, without the
  // welcome flag): straight to the map.
  await page.addInitScript(() => {
    if (sessionStorage.getItem('seeded')) return;
    const data = { map: { marks: [{ region: 'calf', side: 'left', severity: 2 }] } };
    localStorage.setItem('fasciamap.doc', JSON.stringify({ fmt: 'fasciamap', v: 1, rev: 1, saved_at: '', data }));
    sessionStorage.setItem('seeded', '1');
  });
  await page.goto('./');
  await expect(page.locator('main')).toHaveAttribute('aria-busy', 'false');
  await expect(map.region('Calf', 'left').or(map.region('Front of thigh', 'left')).first()).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Welcome to FasciaMap' })).toHaveCount(0);
  expect((await stored(page)).profile?.welcomed, 'not marked: it was never shown').toBeUndefined();
});

test('skipping the welcome keeps it away after a reload', async ({ map, page }) => {
  await page.goto('./');
  await page.getByRole('button', { name: 'Skip to the body map' }).tap();
  await expect(map.region('Front of thigh', 'right')).toBeVisible();
  await expect(page.getByRole('group', { name: 'Zoom' }).getByRole('button', { name: 'Whole' })).toHaveAttribute('aria-pressed', 'true');
  expect((await stored(page)).profile.welcomed).toBe(true);
  await page.reload();
  await expect(page.locator('main')).toHaveAttribute('aria-busy', 'false');
  await expect(map.region('Front of thigh', 'right')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Welcome to FasciaMap' })).toHaveCount(0);
});

test('a shared link and a launch shortcut open what they ask for on a first visit', async ({ page }) => {
  await page.goto('./#b1.AQFdJgABHwnDySpE');
  await expect(page.getByRole('heading', { name: 'A shared body map' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Welcome to FasciaMap' })).toHaveCount(0);
  await page.evaluate(() => { localStorage.clear(); sessionStorage.clear(); });
  await page.goto('./?open=progress');
  await expect(page.locator('main')).toHaveAttribute('aria-busy', 'false');
  await expect(page.getByRole('heading', { name: 'Welcome to FasciaMap' })).toHaveCount(0);
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Progress' })).toHaveAttribute('aria-current', 'page');
});

test('an emergency yes in the first step stops at once; the red heading reads in dark mode', async ({ map, page }) => {
  await seed(page, { map: { marks: [{ region: 'quadriceps', side: 'right', severity: 3 }] }, profile: { welcomed: true, floor_ok: true, tools: [] } });
  await map.open();
  await nav(page, 'Plan');
  await expect(page.getByText('Step 1 of 5', { exact: true })).toBeVisible();
  await page.locator('.question').first().getByRole('button', { name: 'Yes', exact: true }).tap();
  await expect(page.getByRole('heading', { name: 'Please get help now' })).toBeFocused();
  await expect(page.locator('li.plan-step')).toHaveCount(0);
  expect((await stored(page)).screen.yes).toEqual(['RF1']);
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await audit(page, `stop screen (${scheme})`);
  }
  const ratio = await page.getByRole('heading', { name: 'Please get help now' }).evaluate((h) => {
    const rgb = (c: string) => (c.match(/\d+(\.\d+)?/g) || []).slice(0, 3).map(Number);
    const lum = (c: string) => {
      const [r, g, b] = rgb(c).map((v) => { const s = v / 255; return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4; });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const fg = lum(getComputedStyle(h).color);
    const bg = lum(getComputedStyle(h.closest('.stop')!).backgroundColor);
    return (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
  });
  expect(ratio, 'dark-mode stop heading contrast').toBeGreaterThanOrEqual(4.5);
});
