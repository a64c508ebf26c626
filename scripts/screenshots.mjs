// Takes the phone screenshots the web app manifest offers in Android's richer install dialog
// (public/screenshots/*.jpg, 390x844 at 2x) from the real app, seeded with a sample map (the
// V01 vignette) and, for the progress screen, three weeks of sample use made by
// `cargo run --example history_seed`.
// The JPEGs are committed; run this again after a visible change:
//   scripts/serve.sh &   (or any server of dist/ on port 8080)
//   node scripts/screenshots.mjs [http://127.0.0.1:8080/]
import { chromium } from '../tests/e2e/node_modules/playwright-core/index.mjs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';

const base = process.argv[2] || 'http://127.0.0.1:8080/';
const out = fileURLToPath(new URL('../public/screenshots/', import.meta.url));
const fixtures = JSON.parse(await readFile(new URL('../tests/e2e/fixtures/vignettes.json', import.meta.url), 'utf8'));
const doc = fixtures.v01.doc;
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--no-first-run', '--disable-sync'],
});
// The stored envelope for a document: the backup's data text is kept byte for byte, so its
// CRC-32 still holds.
const backup = execFileSync('cargo', ['run', '--quiet', '--example', 'history_seed', '--', '21'],
  { cwd: fileURLToPath(new URL('..', import.meta.url)), encoding: 'utf8' });
const crc = JSON.parse(backup).crc;
const dataText = backup.slice(backup.indexOf('"data":') + 7, backup.lastIndexOf('}'));
const history = `{"fmt":"fasciamap","v":2,"rev":1,"saved_at":"","crc":${crc},"data":${dataText}}`;
const v01 = JSON.stringify({ fmt: 'fasciamap', v: 1, rev: 1, saved_at: '', data: doc });

for (const [name, open, stored] of [['map', 'map', v01], ['plan', 'session', v01], ['progress', 'progress', history]]) {
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, hasTouch: true, isMobile: true });
  await ctx.addInitScript(([stored]) => {
    if (sessionStorage.getItem('seeded')) return;
    const d = new Date();
    const today = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    localStorage.setItem('fasciamap.doc', stored.replace('"date":"2000-01-01"', `"date":"${today}"`));
    sessionStorage.setItem('seeded', '1');
  }, [stored]);
  const page = await ctx.newPage();
  await page.goto(`${base}?open=${open}`);
  await page.getByRole('heading', { name: 'FasciaMap' }).waitFor();
  await page.locator('main[aria-busy="false"]').waitFor();
  if (name === 'progress') {
    await page.getByRole('button', { name: 'Trends' }).tap().catch(() => {});
  }
  await page.waitForTimeout(800);
  await page.screenshot({ path: `${out}${name}.jpg`, type: 'jpeg', quality: 82 });
  console.log(`screenshots/${name}.jpg`);
  await ctx.close();
}
await browser.close();
