// Screenshots of the plan, safety, profile and session screens at phone size, for a person to
// look at: `node shoot.mjs [port] [outdir]` against a running static server.
import { chromium } from 'playwright-core';
import fs from 'node:fs';

const port = process.argv[2] || '8211';
const out = process.argv[3] || '/tmp/plan-shots';
fs.mkdirSync(out, { recursive: true });
const base = `http://127.0.0.1:${port}/`;
const fixtures = JSON.parse(fs.readFileSync(new URL('./fixtures/vignettes.json', import.meta.url)));

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--no-first-run', '--disable-sync'],
});
const errors = [];
async function page(doc, dark = false) {
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, hasTouch: true, isMobile: true, colorScheme: dark ? 'dark' : 'light' });
  const p = await ctx.newPage();
  p.on('pageerror', (e) => errors.push(e.message));
  p.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await p.addInitScript(([doc]) => {
    window.__fasciamapTestSpeed = 20;
    if (doc && !sessionStorage.getItem('seeded')) {
      const d = new Date();
      const today = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
      if (doc.screen) doc.screen.date = today;
      localStorage.setItem('fasciamap.doc', JSON.stringify({ fmt: 'fasciamap', v: 1, rev: 1, saved_at: '', data: doc }));
      sessionStorage.setItem('seeded', '1');
    }
  }, [doc]);
  await p.goto(base);
  await p.getByRole('heading', { name: 'FasciaMap' }).waitFor();
  return p;
}
const nav = (p, name) => p.getByRole('navigation', { name: 'Main' }).getByRole('button', { name }).tap();

let p = await page(null);
await nav(p, 'Plan');
await p.screenshot({ path: `${out}/01-safety.png`, fullPage: false });
await p.screenshot({ path: `${out}/01-safety-full.png`, fullPage: true });

for (const [name, dark] of [['v01', false], ['v13', false], ['v08', false], ['v06', true]]) {
  p = await page(fixtures[name].doc, dark);
  await nav(p, 'Plan');
  await p.waitForTimeout(200);
  await p.screenshot({ path: `${out}/02-plan-${name}.png` });
  await p.screenshot({ path: `${out}/02-plan-${name}-full.png`, fullPage: true });
}
p = await page(fixtures.v01.doc);
await nav(p, 'Plan');
await p.locator('details.why summary').first().tap();
await p.locator('details.why').first().screenshot({ path: `${out}/03-why.png` });
await p.getByRole('button', { name: 'Start guided session' }).tap();
await p.screenshot({ path: `${out}/04-session-ready.png` });
await p.getByRole('button', { name: 'Start', exact: true }).tap();
await p.waitForTimeout(1500);
await p.screenshot({ path: `${out}/05-session-running.png` });
await p.screenshot({ path: `${out}/05-session-running-full.png`, fullPage: true });
await p.getByRole('button', { name: 'End the session here' }).tap();
await p.screenshot({ path: `${out}/06-rerate.png`, fullPage: true });
await nav(p, 'More');
await p.screenshot({ path: `${out}/07-more.png` });
await p.getByRole('button', { name: /About you/ }).tap();
await p.screenshot({ path: `${out}/08-profile.png`, fullPage: true });
await nav(p, 'More');
await p.getByRole('button', { name: /How this works/ }).tap();
await p.screenshot({ path: `${out}/09-about.png`, fullPage: true });
p = await page({ map: { marks: [] }, screen: { date: 'x', yes: [] } });
await nav(p, 'Plan');
await p.screenshot({ path: `${out}/10-plan-empty.png` });
// Lower parts of long screens, as the person scrolls to them.
{
  const q = await page(fixtures.v14.doc);
  await nav(q, 'Plan');
  for (const id of ['leave-title', 'check-title', 'notes-title']) {
    await q.locator(`#${id}`).scrollIntoViewIfNeeded();
    await q.evaluate((id) => document.getElementById(id).scrollIntoView({ block: 'start' }), id);
    await q.evaluate(() => window.scrollBy(0, -70));
    await q.screenshot({ path: `${out}/11-plan-v14-${id}.png` });
  }
  await nav(q, 'More');
  await q.getByRole('button', { name: /Safety questions/ }).tap();
  await q.getByRole('button', { name: 'Save my answers' }).scrollIntoViewIfNeeded();
  await q.screenshot({ path: `${out}/12-safety-bottom.png` });
}
await browser.close();
console.log(errors.length ? 'ERRORS:\n' + errors.join('\n') : 'no page errors');
