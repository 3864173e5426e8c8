// The ordering page's budget, measured: its JavaScript (gzipped, ≤ 60 KB) and the time until a
// customer can use the menu on a weak phone: Chromium with the CPU slowed 4× and a slow-4G
// network (CDP), cold cache, target < 1.5 s. The size is held to its budget (it does not depend
// on the machine); the load time is a measurement, printed next to its baseline from the same
// run (the server's smallest answer, /healthz, under the same throttling), never a timed gate:
// these machines are shared and noisy.

import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Shop } from './support/shop';

const DIST = join(resolve(__dirname, '..', '..'), 'ui', 'dist');
const JS_BUDGET_BYTES = 60 * 1024;
const LOAD_BUDGET_MS = 1_500;

/** Lighthouse's mobile "Slow 4G": 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up. */
const SLOW_4G = { latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };
/** Chrome DevTools' "Slow 4G" preset (the old "Fast 3G"), harsher: reported, not held to the budget. */
const DEVTOOLS_SLOW_4G = { latency: 562.5, downloadThroughput: (1.44 * 1024 * 1024 * 0.9) / 8, uploadThroughput: (675 * 1024) / 8 };

let shop: Shop;

test.beforeAll(async () => {
  shop = await Shop.start();
});

test.afterAll(async () => {
  await shop.stop('SIGKILL');
});

test('the ordering page’s JavaScript is at most 60 KB gzipped', () => {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1] ?? '');
  expect(files.length).toBeGreaterThan(0);
  const sizes = files.map((file) => ({ file, gzip: gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length }));
  const total = sizes.reduce((sum, s) => sum + s.gzip, 0);
  console.log(`order page JS: ${(total / 1024).toFixed(1)} KB gzipped (${sizes.map((s) => `${s.file} ${(s.gzip / 1024).toFixed(1)} KB`).join(', ')})`);
  expect(total).toBeLessThanOrEqual(JS_BUDGET_BYTES);
});

test('load to interactive on a slow phone on slow 4G, measured against a baseline', async ({ browser }) => {
  // The floor any page pays on this network and CPU: a cold navigation to the smallest answer.
  const baseline = async (): Promise<number> => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', { offline: false, ...SLOW_4G });
    await page.goto(`${shop.url}/healthz`, { waitUntil: 'load' });
    const ms = await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.loadEventEnd ?? -1);
    await context.close();
    return Math.round(ms);
  };
  const measure = async (network: typeof SLOW_4G): Promise<number> => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'nl-NL' });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', { offline: false, ...network });
    await page.goto(`${shop.url}/`, { waitUntil: 'commit' });
    await page.locator('.item__add').first().waitFor();
    // From the start of the navigation to the moment the menu was shown and its buttons worked.
    const ms = await page.evaluate(() => performance.getEntriesByName('forno:menu-ready')[0]?.startTime ?? -1);
    await context.close();
    return Math.round(ms);
  };
  const runs: number[] = [];
  for (let i = 0; i < 5; i += 1) runs.push(await measure(SLOW_4G));
  const harsher = await measure(DEVTOOLS_SLOW_4G);
  const floor = await baseline();
  const sorted = [...runs].sort((a, b) => a - b);
  const best = sorted[0] ?? -1;
  const median = sorted[2] ?? -1;
  console.log(
    `load to interactive, CPU ×4 + slow 4G (150 ms, 1.6 Mbit/s): ${runs.join(', ')} ms; best ${best} ms, median ${median} ms; DevTools "Slow 4G" (562 ms, 1.3 Mbit/s): ${harsher} ms; baseline (cold /healthz, same throttling): ${floor} ms; target ${LOAD_BUDGET_MS} ms; machine load ${loadavg().map((l) => l.toFixed(1)).join(' ')}`,
  );
  // A measurement, not a gate: the menu must have become usable at all, the figures go in the
  // report (other work on the machine only adds time; the fastest run is the page's own cost).
  expect(best).toBeGreaterThan(0);
  expect(floor).toBeGreaterThan(0);
});
