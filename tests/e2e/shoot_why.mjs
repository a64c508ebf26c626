// Phone screenshots of a plan step's "Why?" (the deciding rules first, sources by title and
// kind), light and dark, at 390x844 and at 320 px wide with a 150 % base font:
// `node shoot_why.mjs [port] [outdir] [vignette] [region] [side]` against a running static server.
import { chromium } from 'playwright-core';
import fs from 'node:fs';

const [port = '8211', out = '/tmp/why-shots', name = 'v23', region = 'glute_max', side = 'right'] = process.argv.slice(2);
fs.mkdirSync(out, { recursive: true });
const fixtures = JSON.parse(fs.readFileSync(new URL('./fixtures/vignettes.json', import.meta.url)));
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--no-first-run', '--disable-sync'],
});
for (const [width, font] of [[390, 100], [320, 150]]) {
  for (const dark of [false, true]) {
    const ctx = await browser.newContext({ viewport: { width, height: 844 }, deviceScaleFactor: 2, hasTouch: true, isMobile: true, colorScheme: dark ? 'dark' : 'light' });
    const p = await ctx.newPage();
    await p.addInitScript(([doc, font]) => {
      const d = new Date();
      const today = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
      const data = JSON.parse(JSON.stringify(doc));
      if (data.screen) data.screen.date = today;
      localStorage.setItem('fasciamap.doc', JSON.stringify({ fmt: 'fasciamap', v: 1, rev: 1, saved_at: '', data }));
      document.addEventListener('DOMContentLoaded', () => { document.documentElement.style.fontSize = `${font}%`; });
    }, [fixtures[name].doc, font]);
    await p.goto(`http://127.0.0.1:${port}/`);
    await p.getByRole('heading', { name: 'FasciaMap' }).waitFor();
    await p.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Plan' }).dispatchEvent('click'); // at 150 % the figure still covers the bar (#13)
    const step = p.locator(`li.plan-step[data-region="${region}"][data-side="${side}"]`);
    await step.getByText('Why?').tap();
    await step.scrollIntoViewIfNeeded();
    const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    const file = `${out}/${name}-${region}-${width}-${font}-${dark ? 'dark' : 'light'}.png`;
    await step.screenshot({ path: file });
    console.log(file, `horizontal overflow ${overflow}px`);
    await ctx.close();
  }
}
await browser.close();
