// Renders the app icons (public/icons/*.png) from their SVG sources with headless Chromium.
// The PNGs are committed; run this again only after changing an SVG:
//   node scripts/icons.mjs
import { chromium } from '../tests/e2e/node_modules/playwright-core/index.mjs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('../public/icons/', import.meta.url));
const jobs = [
  ['icon.svg', 'icon-192.png', 192, true],
  ['icon.svg', 'icon-512.png', 512, true],
  ['icon-maskable.svg', 'icon-maskable-512.png', 512, false],
  ['icon-maskable.svg', 'apple-touch-icon.png', 180, false],
  ['icon.svg', 'favicon-32.png', 32, true],
];
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
for (const [src, out, size, transparent] of jobs) {
  const svg = await readFile(dir + src, 'utf8');
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(
    `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`,
  );
  await page.screenshot({ path: dir + out, omitBackground: transparent });
  await page.close();
  console.log(`${out} ${size}x${size}`);
}
await browser.close();
