// Prints the desktop app's figures next to their baselines from the same run:
//   cold start to /healthz   app vs headless `forno serve`
//   idle memory (PSS)        app + its WebKit processes vs an empty Tauri 2 window
// Used by measure.sh, which builds the binaries and starts nothing else.

import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ROOT, APP, startDesktop, startApp, freshDataDir, freePort, waitHealthy,
} from './harness.mjs';

const FORNO = process.env.FORNO_BIN ?? join(ROOT, 'target/release/forno');
const EMPTY = process.env.EMPTY_TAURI_BIN;
const RUNS = Number(process.env.RUNS ?? 3);
const SETTLE_MS = Number(process.env.SETTLE_MS ?? 10_000);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function descendants(root) {
  const parents = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(Number(entry), ppid);
    } catch { /* gone */ }
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i += 1) {
    for (const [pid, ppid] of parents) if (ppid === tree[i]) tree.push(pid);
  }
  return tree;
}

/** Sum of PSS (KiB) over a process and all its descendants (WebKitWebProcess, WebKitNetworkProcess). */
function pssKiB(root) {
  let total = 0;
  const processes = [];
  for (const pid of descendants(root)) {
    try {
      const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
      const kib = Number(/^Pss:\s+(\d+) kB/m.exec(rollup)[1]);
      const name = readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
      processes.push(`${name} ${Math.round(kib / 1024)}`);
      total += kib;
    } catch { /* gone */ }
  }
  return { total, processes };
}

async function timeToHealthy(start, port) {
  const t0 = performance.now();
  const child = start();
  await waitHealthy(port, 60_000);
  const ms = performance.now() - t0;
  return { child, ms };
}

async function stop(child) {
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

const desktop = await startDesktop(Number(process.env.FORNO_TEST_DISPLAY ?? 96));
const mib = (kib) => (kib / 1024).toFixed(0);
try {
  const serve = [];
  const app = [];
  for (let i = 0; i < RUNS; i += 1) {
    {
      const port = await freePort();
      const { child, ms } = await timeToHealthy(() => spawn(FORNO, ['serve', '--data-dir', freshDataDir('serve'),
        '--listen', `127.0.0.1:${port}`], { stdio: 'ignore', env: { ...process.env, FORNO_DEMO_ALWAYS_OPEN: '1', FORNO_ORDERS_PER_MINUTE: '100000' } }), port);
      serve.push(ms);
      await stop(child);
    }
    {
      const port = await freePort();
      const { child, ms } = await timeToHealthy(() => startApp(desktop, { dataDir: freshDataDir('app'), port }).child, port);
      app.push(ms);
      await stop(child);
    }
  }
  console.log(`cold start to /healthz (fresh data dir, median of ${RUNS}): app ${median(app).toFixed(0)} ms, ` +
    `baseline forno serve ${median(serve).toFixed(0)} ms   [app ${app.map((x) => x.toFixed(0)).join(', ')}; serve ${serve.map((x) => x.toFixed(0)).join(', ')}]`);

  // Idle memory, settled: the counter window alone (the kitchen window remembered as closed),
  // comparable to the empty window; then counter and kitchen windows on two monitors.
  async function idleApp(kitchenWindow) {
    const port = await freePort();
    const dataDir = freshDataDir('idle');
    if (!kitchenWindow) writeFileSync(join(dataDir, 'kitchen-window.json'), JSON.stringify({ open: false, monitor: null, fullscreen: false, x: 0, y: 0, width: 0, height: 0 }));
    const running = startApp(desktop, { dataDir, port });
    await waitHealthy(port, 60_000);
    await sleep(SETTLE_MS);
    const pss = pssKiB(running.child.pid);
    await stop(running.child);
    return pss;
  }
  const counterOnly = await idleApp(false);
  const appPss = await idleApp(true);

  // The baseline twice: as Tauri makes it, and drawn on the CPU like the app's web views
  // (webview.rs), so the app's own cost can be told apart from that setting's saving.
  async function idleEmpty(env) {
    const empty = spawn(EMPTY, [], { stdio: 'ignore', env: { ...process.env, ...desktop.env, ...env } });
    await sleep(SETTLE_MS);
    const pss = pssKiB(empty.pid);
    await stop(empty);
    return pss;
  }
  const shown = (pss) => `${mib(pss.total)} MiB   [${pss.processes.join(', ')}]`;
  const ratio = (pss, base) => (pss.total / base.total).toFixed(2);
  console.log(`idle memory, PSS of the app and its child processes, counter window only: ${shown(counterOnly)}`);
  console.log(`idle memory, PSS of the app and its child processes, counter + kitchen windows: ${shown(appPss)}`);
  if (EMPTY) {
    const empty = await idleEmpty({});
    const emptyOnCpu = await idleEmpty({ WEBKIT_DISABLE_COMPOSITING_MODE: '1' });
    console.log(`idle memory baseline, empty Tauri 2 window: ${shown(empty)}; counter window only is ${ratio(counterOnly, empty)}x, target <= 1.3x`);
    console.log(`idle memory baseline, empty Tauri 2 window drawn on the CPU: ${shown(emptyOnCpu)}; counter window only is ${ratio(counterOnly, emptyOnCpu)}x`);
  } else {
    console.log('idle memory baseline: not measured (set EMPTY_TAURI_BIN)');
  }
} finally {
  desktop.stop();
}
