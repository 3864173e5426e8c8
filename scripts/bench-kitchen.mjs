#!/usr/bin/env node
// The kitchen board under load (issue 14's benchmark): with N open orders and P kitchen pages
// connected (Debian's Chromium, the real `forno serve`), how big is the WebSocket message that
// one new order causes (it must not grow with the number of open orders), and how long from the
// API's 201 to the ticket on screen, measured in the browser (p50/p99 over M orders × P pages).
//
//   cargo build --bin forno && (cd ui && npm run build) && node scripts/bench-kitchen.mjs
//   OPEN=200 PAGES=10 ORDERS=50 node scripts/bench-kitchen.mjs
//
// The baseline, from the same run: the same message with no other order open.

import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const require = createRequire(join(ROOT, 'ui', 'package.json'));
const { chromium } = require('@playwright/test');

const OPEN = Number(process.env.OPEN ?? 200);
const PAGES = Number(process.env.PAGES ?? 10);
const ORDERS = Number(process.env.ORDERS ?? 50);
const BASELINE_ORDERS = Number(process.env.BASELINE_ORDERS ?? 10);
const BIN = process.env.FORNO_BIN ?? join(ROOT, 'target', 'debug', 'forno');

function startServer(dataDir) {
  const child = spawn(BIN, ['serve', '--data-dir', dataDir, '--listen', '127.0.0.1:0'], {
    env: { ...process.env, FORNO_DEMO_ALWAYS_OPEN: '1', FORNO_ORDERS_PER_MINUTE: '100000', RUST_LOG: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const pins = new Map();
  return new Promise((ready, fail) => {
    let out = '';
    let url = null;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => {
      out += chunk;
      for (const line of out.split('\n')) {
        const pin = /^\s+(owner|manager|cashier|kitchen)\s+(\S+)\s+(\d{4,8})$/.exec(line);
        if (pin) pins.set(pin[1], { name: pin[2], pin: pin[3] });
        const serving = /Forno is serving on (http:\/\/\S+)/.exec(line);
        if (serving) url = serving[1].replace(/\/$/, '');
      }
      if (url && pins.has('owner') && pins.has('kitchen')) ready({ child, url, pins });
    });
    child.once('exit', (code) => fail(new Error(`forno exited (${code}):\n${out}`)));
  });
}

async function api(url, method, path, body, token) {
  const response = await fetch(`${url}/api/v1${path}`, {
    method,
    headers: {
      'Content-Type': 'application/json',
      'Idempotency-Key': randomUUID(),
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? null : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return JSON.parse(text);
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const dataDir = mkdtempSync(join(tmpdir(), 'forno-bench-kitchen-'));
const { child, url, pins } = await startServer(dataDir);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_BIN ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  const menu = await api(url, 'GET', '/menu');
  const item = menu.categories.find((c) => c.halves_allowed).items.find((i) => !i.sold_out);
  const order = (customer) =>
    api(url, 'POST', '/orders', {
      lines: [{ item_id: item.id, size: item.sizes[0].code, quantity: 1 }],
      fulfilment: { type: 'pickup' },
      requested_time: null,
      contact: { name: customer, phone: '0612345678' },
    });

  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const kitchen = pins.get('kitchen');
  await context.request.post(`${url}/api/v1/auth/login`, { data: { name: kitchen.name, pin: kitchen.pin } });
  const pages = [];
  /** Sizes of the `order.placed` frames the first page received, in order. */
  const placedFrames = [];
  for (let i = 0; i < PAGES; i += 1) {
    const page = await context.newPage();
    if (i === 0) {
      page.on('websocket', (ws) => {
        ws.on('framereceived', ({ payload }) => {
          const text = typeof payload === 'string' ? payload : payload.toString('utf8');
          if (text.includes('"order.placed"')) placedFrames.push(Buffer.byteLength(text));
        });
      });
    }
    await page.goto(`${url}/kitchen`);
    await page.getByRole('button', { name: 'Start' }).click();
    await page.waitForSelector('[data-testid="connection-state"][data-state="live"]');
    await page.evaluate(() => {
      const seen = {};
      window.__fornoSeen = seen;
      new MutationObserver(() => {
        for (const el of document.querySelectorAll('[data-testid="ticket"]')) {
          const n = el.getAttribute('data-number');
          if (n && !(n in seen)) seen[n] = Date.now();
        }
      }).observe(document.body, { childList: true, subtree: true });
    });
    pages.push(page);
  }

  const waitSeen = async (number) => {
    for (const page of pages) {
      await page.waitForFunction((n) => n in window.__fornoSeen, number, { timeout: 30_000, polling: 20 });
    }
  };

  /** 201 → tile for `count` new orders on every page, sorted. */
  const timeOrders = async (count, label) => {
    const latencies = [];
    for (let i = 0; i < count; i += 1) {
      const placed = await order(`${label} ${i}`);
      const answered = Date.now();
      await waitSeen(placed.number);
      for (const page of pages) {
        const seenAt = await page.evaluate((n) => window.__fornoSeen[n], placed.number);
        latencies.push(seenAt - answered);
      }
    }
    return latencies.sort((a, b) => a - b);
  };

  // Baseline: the same with (almost) nothing else open.
  const baseline = await order('Baseline');
  await waitSeen(baseline.number);
  const baselineBytes = placedFrames.at(-1);
  const baselineLatencies = await timeOrders(BASELINE_ORDERS, 'Baseline timed');

  // Every order so far is still open (placed): top up to OPEN.
  for (let i = 1 + BASELINE_ORDERS; i < OPEN; i += 1) await order(`Open ${i}`);
  const loaded = await order(`Open ${OPEN}`);
  await waitSeen(loaded.number);
  const loadedBytes = placedFrames.at(-1);

  const latencies = await timeOrders(ORDERS, 'Timed');
  const tickets = await pages[0].locator('[data-testid="ticket"]').count();
  console.log(`kitchen bench: ${PAGES} kitchen pages, ${OPEN} open orders (${tickets} tiles on page 1 at the end)`);
  console.log(`  order.placed message: ${loadedBytes} bytes with ${OPEN} open; baseline ${baselineBytes} bytes with 1 open`);
  console.log(
    `  201 → tile on screen over ${ORDERS} orders × ${PAGES} pages: p50 ${percentile(latencies, 50)} ms, p99 ${percentile(latencies, 99)} ms, max ${latencies.at(-1)} ms`,
  );
  console.log(
    `  baseline, ${BASELINE_ORDERS} orders × ${PAGES} pages with ≤${BASELINE_ORDERS + 1} open: p50 ${percentile(baselineLatencies, 50)} ms, p99 ${percentile(baselineLatencies, 99)} ms`,
  );
} finally {
  await browser.close();
  child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
}
