import { defineConfig } from '@playwright/test';

// Browser tests drive Debian's Chromium (`apt-get install chromium`); Playwright's own browser
// downloads cannot work on our machines. The tests start the real `forno` binary themselves
// (FORNO_BIN, or target/debug/forno: run `cargo build -p forno` first).
export default defineConfig({
  testDir: '../tests/e2e',
  outputDir: 'test-results',
  timeout: 120_000,
  // Each spec file starts its own server on a free port with its own data dir, so files run
  // side by side: two at a time on our two-core machines (tests within a file stay in order).
  workers: Number(process.env.E2E_WORKERS ?? 2),
  fullyParallel: false,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    headless: true,
    launchOptions: {
      executablePath: process.env.CHROMIUM_BIN ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
    trace: 'retain-on-failure',
  },
});
