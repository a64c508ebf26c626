// The plan the app shows for each public vignette equals the engine's plan for the same case.
// fixtures/vignettes.json holds, per case, the document the app stores for it and the
// engine's plan; `cargo test --test vignette_fixtures` keeps it in step with the engine.
import { test, expect } from './fixtures';
import { nav, seed, shownSteps } from './plan_helpers';
// eslint-disable-next-line @typescript-eslint/no-var-requires
const fixtures = JSON.parse(require('node:fs').readFileSync(require('node:path').join(__dirname, 'fixtures', 'vignettes.json'), 'utf8'));

for (const [name, fx] of Object.entries(fixtures as Record<string, any>)) {
  test(`vignette ${name}: the plan on screen is the engine's plan`, async ({ map, page }) => {
    await seed(page, fx.doc);
    await map.open();
    await nav(page, 'Plan');
    await expect(page.getByRole('heading', { name: 'Your plan' })).toBeVisible();
    if (fx.status !== 'plan') {
      await expect(page.locator('.stop')).toHaveAttribute('data-message', fx.messages[0]);
      await expect(page.locator('li.plan-step')).toHaveCount(0);
      return;
    }
    expect(await shownSteps(page)).toEqual(fx.steps);
    const avoided = await page.locator('.leave-list li').evaluateAll((els) => els.map((e) => ({
      region: e.getAttribute('data-region'), side: e.getAttribute('data-side') })));
    expect(avoided).toEqual(fx.avoid);
    const shownMessages = await page.locator('[data-message]').evaluateAll((els) => els.map((e) => e.getAttribute('data-message')));
    expect([...shownMessages].sort()).toEqual([...fx.messages].sort());
  });
}

test('"why?" shows the chain path with its anatomy grade, and the sources by title and kind (V13)', async ({ map, page }) => {
  await seed(page, fixtures.v13.doc);
  await map.open();
  await nav(page, 'Plan');
  const calf = page.locator('li.plan-step[data-region="calf"][data-side="left"]');
  await calf.getByText('Why?').tap();
  await expect(calf.locator('details.why .why-chain p')).toHaveText(
    'Anatomy studies find these areas connected: sole of foot (left) → calf, along the Superficial Back Line (a link confirmed in several anatomy studies).');
  // The same path drawn: the sole and the calf of the left side, numbered in order, joined.
  const drawing = calf.locator('details.why .why-chain').getByRole('img', { name: 'Where the link runs: Sole of foot, your left, then Calf, your left' });
  await expect(drawing).toBeVisible();
  await expect(drawing.locator('.chain-num')).toHaveText(['1', '2']);
  await expect(drawing.locator('.chain-end')).toHaveCount(1);
  const box = await drawing.boundingBox();
  expect(box!.height).toBeGreaterThanOrEqual(120);
  await expect(calf.locator('details.why .sources')).toContainText('Anatomy Trains: Myofascial Meridians for Manual and Movement Therapists — book');
  await expect(calf.locator('details.why .sources')).not.toContainText(/Seed|SECONDARY|Lower-quality/);
});

test('"why?" puts the rules that decided a step first: a protected hip moves the buttock to a wall (v23)', async ({ map, page }) => {
  await seed(page, fixtures.v23.doc);
  await map.open();
  await nav(page, 'Plan');
  const glute = page.locator('li.plan-step[data-region="glute_max"][data-side="right"]');
  await expect(glute).toHaveAttribute('data-position', 'wall');
  await expect(glute.locator('.step-why')).toContainText('To protect your left hip, this is done standing at a wall.');
  await glute.getByText('Why?').tap();
  const decided = glute.locator('details.why > .why-rules').first();
  await expect(decided).toContainText('Replaced joint');
  await expect(glute.locator('details.why .sources')).not.toContainText(/Seed|SECONDARY|Lower-quality/);
});
