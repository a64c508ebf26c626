// Browser tests in Debian's headless Chromium (never a downloaded browser), on a phone-sized
// touch screen, against the release build in dist/ (or $E2E_DIST, e.g. a copy taken while the
// next build runs) served by scripts/static-server.mjs.
import { defineConfig } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT || 8181);

export default defineConfig({
  testDir: '.',
  testMatch: /.*\.spec\.ts$/,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  reporter: [['list']],
  outputDir: './test-results',
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    viewport: { width: 390, height: 844 },
    hasTouch: true,
    isMobile: true,
    deviceScaleFactor: 1,
    serviceWorkers: 'block',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
        '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic',
      ],
    },
  },
  webServer: {
    command: `node ../../scripts/static-server.mjs --dir ${process.env.E2E_DIST || '../../dist'} --port ${PORT}`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 20_000,
  },
});
