// Drives the real desktop app the way the shop does: a display (two monitors side by side), a session bus, the built binary with its own data dir and port, and HTTP from outside.
// Everything runs on this machine (loopback only).

import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { randomUUID } from 'node:crypto';

export const ROOT = new URL('../..', import.meta.url).pathname;
export const APP = process.env.FORNO_DESKTOP_BIN ?? join(ROOT, 'target/release/forno-desktop');
export const TAURI_DRIVER = process.env.TAURI_DRIVER_BIN
  ?? join(process.env.CARGO_TARGET_DIR ?? join(ROOT, 'target'), 'tools/bin/tauri-driver');
export const SCREEN = { width: 1920, height: 1080 };

const XORG_CONF = `
Section "ServerFlags"
  Option "AutoAddDevices" "false"
  Option "AutoAddGPU" "false"
EndSection
Section "Device"
  Identifier "dummy"
  Driver "dummy"
  VideoRam 256000
EndSection
Section "Monitor"
  Identifier "monitor"
  HorizSync 5.0-1000.0
  VertRefresh 5.0-200.0
  Modeline "1920x1080" 148.50 1920 2008 2052 2200 1080 1084 1089 1125 +hsync +vsync
EndSection
Section "Screen"
  Identifier "screen"
  Device "dummy"
  Monitor "monitor"
  DefaultDepth 24
  SubSection "Display"
    Depth 24
    Virtual 3840 1080
    Modes "1920x1080"
  EndSubSection
EndSection
`;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export async function waitFor(what, check, { timeoutMs = 30_000, everyMs = 50 } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(everyMs);
  }
}

export function freshDataDir(name) {
  return mkdtempSync(join(tmpdir(), `forno-desktop-${name}-`));
}

export async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/// An X server with two 1920x1080 monitors side by side, and a session D-Bus. Xvfb cannot make
/// two RandR monitors, so this is Xorg with the dummy video driver (what GTK sees as two screens).
export async function startDesktop(display) {
  if (existsSync(`/tmp/.X11-unix/X${display}`)) {
    throw new Error(`display :${display} is taken by another X server; choose a free one with FORNO_TEST_DISPLAY`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'forno-xorg-'));
  writeFileSync(join(dir, 'xorg.conf'), XORG_CONF);
  const xorg = spawn('Xorg', [`:${display}`, '-config', join(dir, 'xorg.conf'), '-noreset', '-nolisten', 'tcp',
    '-logfile', join(dir, 'xorg.log')], { stdio: 'ignore' });
  await waitFor('the X server', () => existsSync(`/tmp/.X11-unix/X${display}`), { timeoutMs: 15_000 });
  const x = { env: { ...process.env, DISPLAY: `:${display}` } };
  await waitFor('the X server to answer', () => { try { execFileSync('xrandr', ['--listmonitors'], x); return true; } catch { return false; } });
  execFileSync('xrandr', ['--addmode', 'DUMMY1', '1920x1080'], x);
  execFileSync('xrandr', ['--output', 'DUMMY1', '--mode', '1920x1080', '--right-of', 'DUMMY0'], x);
  // GTK reads the server's cached RandR state; a full query (`xrandr -q`) refreshes it, or the
  // first app would see one monitor.
  await waitFor('the second monitor', () => execFileSync('xrandr', ['-q'], x).toString().includes('DUMMY1 connected 1920x1080+1920+0'));
  const bus = execFileSync('dbus-daemon', ['--session', '--fork', '--print-address=1', '--print-pid=1'],
    { encoding: 'utf8' }).trim().split('\n');
  const env = { DISPLAY: `:${display}`, DBUS_SESSION_BUS_ADDRESS: bus[0] };
  // Records desktop notifications sent on the bus (there is no notification daemon here; the
  // calls themselves show what a person would see and hear).
  const monitor = spawn('dbus-monitor', ['--session', "interface='org.freedesktop.Notifications',member='Notify'"],
    { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'ignore'] });
  let notifications = '';
  monitor.stdout.on('data', (chunk) => { notifications += chunk.toString(); });
  return {
    env,
    notifications: () => notifications,
    screenshot(file) {
      execFileSync('import', ['-display', env.DISPLAY, '-window', 'root', file]);
      return file;
    },
    windows(name) {
      try {
        return execFileSync('xdotool', ['search', '--onlyvisible', '--name', name],
          { env: { ...process.env, ...env }, encoding: 'utf8' }).trim().split('\n').filter(Boolean);
      } catch { return []; }
    },
    /// Logs in at the counter page (`/counter`) from the keyboard, as a desk without touch
    /// does: the name field has the focus, Enter opens the PIN pad, which takes typed digits.
    logInAtCounter(windowId, name, pin) {
      const run = (...args) => execFileSync('xdotool', args, { env: { ...process.env, ...env } });
      run('windowfocus', '--sync', windowId);
      run('key', 'ctrl+a');
      run('type', '--delay', '20', name);
      run('key', 'Return');
      run('sleep', '0.5');
      run('type', '--delay', '20', pin);
      run('key', 'Return');
    },
    /// (A time limit: `windowfocus --sync` waits for ever on a window that cannot take the focus.)
    xdotool(...args) {
      return execFileSync('xdotool', args, { env: { ...process.env, ...env }, encoding: 'utf8', timeout: 10_000 }).trim();
    },
    /// The top-level window with the keyboard focus.
    focusedWindow() {
      return this.xdotool('getwindowfocus');
    },
    /// Gives a window the keyboard focus and presses keys in it (xdotool key names).
    keys(windowId, ...keys) {
      this.xdotool('windowfocus', '--sync', windowId);
      this.xdotool('key', '--clearmodifiers', ...keys);
    },
    type(windowId, text) {
      this.xdotool('windowfocus', '--sync', windowId);
      this.xdotool('type', '--delay', '10', text);
    },
    /// Plugs the second monitor in or out, as the cable would. Xorg's dummy driver keeps the
    /// output; RandR switches it on or off, and `xrandr -q` makes the server tell the clients.
    plugSecondMonitor(plugged) {
      const x = { env: { ...process.env, ...env }, encoding: 'utf8' };
      execFileSync('xrandr', ['--output', 'DUMMY1', ...(plugged ? ['--mode', '1920x1080', '--right-of', 'DUMMY0'] : ['--off'])], x);
      return waitFor(`the second monitor ${plugged ? 'plugged in' : 'unplugged'}`,
        () => execFileSync('xrandr', ['-q'], x).includes('DUMMY1 connected 1920x1080+1920+0') === plugged);
    },
    geometry(id) {
      const out = execFileSync('xdotool', ['getwindowgeometry', '--shell', id],
        { env: { ...process.env, ...env }, encoding: 'utf8' });
      return Object.fromEntries(out.trim().split('\n').map((l) => l.split('=')).map(([k, v]) => [k, Number(v)]));
    },
    /// Resolves once the X server is gone (and its display number free for the next test file).
    stop() {
      const gone = xorg.exitCode !== null ? Promise.resolve() : new Promise((resolve) => xorg.once('exit', resolve));
      monitor.kill('SIGTERM');
      xorg.kill('SIGTERM');
      // The bus and what it started for this display (the accessibility bus), nothing else.
      for (const pid of processesOnBus(bus[0])) {
        try { process.kill(pid, 'SIGTERM'); } catch { /* already gone */ }
      }
      try { process.kill(Number(bus[1]), 'SIGTERM'); } catch { /* already gone */ }
      return gone;
    },
  };
}

/** Processes started with this session bus in their environment (read from /proc). */
function processesOnBus(address) {
  return processesWith(`DBUS_SESSION_BUS_ADDRESS=${address}`);
}

/** Processes with `variable=value` in their environment (read from /proc). */
function processesWith(setting) {
  const pids = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const environ = readFileSync(`/proc/${entry}/environ`, 'utf8').split('\0');
      if (environ.includes(setting)) pids.push(Number(entry));
    } catch { /* gone or not ours */ }
  }
  return pids;
}

/// The app processes on this data dir: after a restart (restoring a backup) the running app is
/// no longer the child the test started.
export function appProcesses(dataDir) {
  return processesWith(`FORNO_DATA_DIR=${dataDir}`)
    .filter((pid) => { try { return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'forno-desktop'; } catch { return false; } });
}

/// A tray host on the desktop's session bus (tray-host.py): owns the StatusNotifierWatcher, so the
/// app's tray icon registers with it, and reads and clicks the icon's menu over D-Bus the way a
/// panel does. Start it before the app: an app looks for a watcher when it creates its icon.
export async function startTrayHost(desktop) {
  const host = spawn('/usr/bin/python3', [join(ROOT, 'tests/desktop/tray-host.py')], {
    env: { ...process.env, ...desktop.env }, stdio: ['pipe', 'pipe', 'inherit'],
  });
  const waiting = new Map();
  const registered = [];
  let ready;
  const isReady = new Promise((resolve, reject) => {
    ready = resolve;
    host.on('exit', (code) => reject(new Error(`the tray host exited (${code}) before it was ready`)));
  });
  createInterface({ input: host.stdout }).on('line', (line) => {
    const message = JSON.parse(line);
    if (message.event === 'ready') ready();
    else if (message.event === 'registered') registered.push(message.item);
    else waiting.get(message.n)?.(message);
  });
  let n = 0;
  const ask = (request) => new Promise((resolve, reject) => {
    n += 1;
    waiting.set(n, (reply) => (reply.err ? reject(new Error(`tray host: ${reply.err}`)) : resolve(reply.ok)));
    host.stdin.write(`${JSON.stringify({ n, ...request })}\n`);
  });
  await isReady;
  const tray = {
    /// Every item that registered so far (a restarted app registers a new one).
    registered: () => [...registered],
    items: () => ask({ cmd: 'items' }),
    /// The menu's entries as a panel shows them: [{ id, label, enabled, visible, type }].
    menu: () => ask({ cmd: 'menu' }),
    async labels() { return (await tray.menu()).filter((e) => e.type !== 'separator').map((e) => e.label); },
    /// Clicks the entry with this label (a string or a RegExp).
    async click(label) {
      const entries = await tray.menu();
      const entry = entries.find((e) => (typeof label === 'string' ? e.label === label : label.test(e.label)));
      if (!entry) throw new Error(`no tray menu entry ${label}; the menu has ${entries.map((e) => e.label).join(' | ')}`);
      if (!entry.enabled) throw new Error(`tray menu entry "${entry.label}" is disabled`);
      return ask({ cmd: 'click', id: entry.id });
    },
    stop() { host.kill('SIGTERM'); },
  };
  return tray;
}

/// Starts the built app; collects its output so tests can wait for log lines.
export function startApp(desktop, { dataDir, port, env = {} }) {
  const child = spawn(APP, [], {
    env: {
      ...process.env, ...desktop.env,
      FORNO_DATA_DIR: dataDir, FORNO_LISTEN: `127.0.0.1:${port}`,
      // The demo shop (staff with printed PINs), open around the clock; a test of the first-run
      // setup passes FORNO_FIRST_RUN: 'setup', the app's own default.
      FORNO_FIRST_RUN: 'demo', FORNO_DEMO_ALWAYS_OPEN: '1',
      // Every test order comes from 127.0.0.1; the per-client limit is for the internet.
      FORNO_ORDERS_PER_MINUTE: '100000',
      RUST_LOG: 'info', NO_AT_BRIDGE: '1', ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const app = { child, port, dataDir, output: '', startedAt: performance.now() };
  const collect = (chunk) => { app.output += chunk.toString(); };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  app.exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  app.waitForOutput = (text, timeoutMs) => waitFor(`"${text}" in the app's output`,
    () => (typeof text === 'string' ? app.output.includes(text) : text.test(app.output)), { timeoutMs });
  app.stop = async (signal = 'SIGTERM') => { child.kill(signal); return app.exited; };
  return app;
}

export const baseUrl = (port) => `http://127.0.0.1:${port}`;

/// The staff PINs the demo shop prints on its first start: { Marco: '4821', ... }.
export function staffPins(output) {
  return Object.fromEntries([...output.matchAll(/^ {2}\w+ +(\w+) +(\d{4})$/gm)].map((m) => [m[1], m[2]]));
}

export async function health(port) {
  return (await fetch(`${baseUrl(port)}/healthz`)).json();
}

export async function healthy(port) {
  try {
    const res = await fetch(`${baseUrl(port)}/healthz`);
    return res.ok;
  } catch { return false; }
}

export async function waitHealthy(port, timeoutMs = 30_000) {
  await waitFor(`/healthz on port ${port}`, () => healthy(port), { timeoutMs, everyMs: 20 });
}

let cachedOrder;
/// A valid pickup order built from the shop's own menu (first item, first size).
export async function webOrderBody(port) {
  if (!cachedOrder) {
    const menu = await (await fetch(`${baseUrl(port)}/api/v1/menu`)).json();
    const item = menu.categories.flatMap((c) => c.items).find((i) => !i.sold_out);
    cachedOrder = {
      lines: [{ item_id: item.id, size: item.sizes[0].code, quantity: 1 }],
      fulfilment: { type: 'pickup' },
      requested_time: null,
      contact: { name: 'Jan de Vries', phone: '0612345678' },
    };
  }
  return cachedOrder;
}

/// Places a web order; returns the tracking token on 201, null on anything else.
export async function placeWebOrder(port) {
  const res = await fetch(`${baseUrl(port)}/api/v1/orders`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
    body: JSON.stringify(await webOrderBody(port)),
  });
  if (res.status !== 201) return { status: res.status, body: await res.text() };
  const order = await res.json();
  return { status: 201, token: order.tracking_token };
}

export async function trackingStatus(port, token) {
  const res = await fetch(`${baseUrl(port)}/api/v1/orders/track/${token}`);
  return res.status;
}

/// The WAL must be merged back into the database after a clean stop: absent or empty.
export function walBytes(dataDir) {
  return readdirSync(dataDir).filter((f) => f.endsWith('-wal'))
    .reduce((sum, f) => sum + statSync(join(dataDir, f)).size, 0);
}

/// A WebDriver session on the app's main window through tauri-driver, which starts the app
/// itself (with `env`). `run(js)` runs async JavaScript in the page and returns { ok } or { err }.
export async function startWebDriver(desktop, env, port) {
  const driver = spawn(TAURI_DRIVER, ['--port', String(port)], {
    env: { ...process.env, ...desktop.env, NO_AT_BRIDGE: '1', ...env }, stdio: 'ignore',
  });
  const call = async (method, path, body) => (await fetch(`http://127.0.0.1:${port}${path}`, {
    method, headers: { 'content-type': 'application/json' }, body: body && JSON.stringify(body),
  })).json();
  await waitFor('tauri-driver', async () => {
    try { return (await fetch(`http://127.0.0.1:${port}/status`)).ok; } catch { return false; }
  });
  const session = await call('POST', '/session', {
    capabilities: { alwaysMatch: { browserName: 'wry', 'tauri:options': { application: APP } } },
  });
  const id = session.value.sessionId;
  if (!id) throw new Error(`no WebDriver session: ${JSON.stringify(session.value)}`);
  return {
    url: async () => (await call('GET', `/session/${id}/url`)).value,
    run: async (js) => (await call('POST', `/session/${id}/execute/async`, {
      script: `const done = arguments[arguments.length - 1];
        (async () => { ${js} })().then((ok) => done({ ok }), (err) => done({ err: String(err) }));`,
      args: [],
    })).value,
    async stop() {
      await call('DELETE', `/session/${id}`).catch(() => {});
      driver.kill('SIGTERM');
    },
  };
}
