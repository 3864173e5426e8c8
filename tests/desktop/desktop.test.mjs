// Black-box tests of the desktop app (issue 5): run with `bash tests/desktop/run.sh`.
// Screenshots land in $FORNO_SCREENSHOTS (default target/desktop-screenshots) for a person to look at.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import {
  ROOT, SCREEN, startDesktop, startApp, freshDataDir, freePort, waitFor, waitHealthy,
  placeWebOrder, trackingStatus, walBytes, staffPins, health, startWebDriver,
} from './harness.mjs';

const shots = process.env.FORNO_SCREENSHOTS ?? join(ROOT, 'target/desktop-screenshots');
mkdirSync(shots, { recursive: true });

let desktop;
before(async () => { desktop = await startDesktop(Number(process.env.FORNO_TEST_DISPLAY ?? 97)); });
after(() => desktop?.stop());

test('the app serves the shop, alerts on a web order, shows the kitchen on the second monitor and stops cleanly', async () => {
  const dataDir = freshDataDir('main');
  const port = await freePort();
  const app = startApp(desktop, { dataDir, port });
  try {
    await waitHealthy(port);
    await app.waitForOutput(`Forno is serving on http://127.0.0.1:${port}`);
    await app.waitForOutput('open_online_orders=0');

    // The counter window on the first monitor, the kitchen window fullscreen on the second.
    const counter = await waitFor('the counter window', () => desktop.windows('^Forno$')[0]);
    const kitchen = await waitFor('the kitchen window', () => desktop.windows('Keuken')[0])
      .catch((err) => { throw new Error(`${err.message}; app output:\n${app.output}`); });
    const c = desktop.geometry(counter);
    const k = desktop.geometry(kitchen);
    assert.ok(c.X < SCREEN.width, `counter window should be on monitor 1, is at x=${c.X}`);
    assert.ok(k.X >= SCREEN.width, `kitchen window should be on monitor 2, is at x=${k.X}`);
    assert.equal(k.WIDTH, SCREEN.width, 'kitchen window should fill monitor 2');

    // The kitchen window pairs itself as a kitchen screen and goes live without a login; the
    // cashier logs in at the counter. (The first page load can take a moment: log in again
    // until the page is live.)
    const pins = staffPins(app.output);
    const liveStaffPages = async () => (await health(port)).ws_connections.staff;
    await app.waitForOutput(/path="\/api\/v1\/devices\/pair" status=201/);
    await waitFor('the kitchen window live on the staff stream', async () => (await liveStaffPages()) >= 1);
    await waitFor('Sofia\'s counter page live on the staff stream', async () => {
      if ((await liveStaffPages()) >= 2) return true;
      desktop.logInAtCounter(counter, 'Sofia', pins.Sofia);
      return waitFor('the login', async () => (await liveStaffPages()) >= 2, { timeoutMs: 3_000 }).catch(() => false);
    }, { timeoutMs: 30_000 });

    const placed = await placeWebOrder(port);
    assert.equal(placed.status, 201, `web order not accepted: ${placed.body}`);
    await app.waitForOutput('open_online_orders=1', 10_000);
    await app.waitForOutput('New online order', 10_000);
    // A desktop notification with the OS's "new message" sound, naming the order.
    const notification = await waitFor('the desktop notification', () => {
      const sent = desktop.notifications();
      return sent.includes('New online order') && sent;
    }, { timeoutMs: 10_000 });
    assert.match(notification, /Order #001 \(pickup\) is waiting to be accepted/);
    assert.match(notification, /sound-name[\s\S]*message-new-instant/);
    // Let both pages show the order before the picture is taken.
    await new Promise((r) => setTimeout(r, 2000));
    desktop.screenshot(join(shots, 'counter-and-kitchen.png'));

    const stopped = await app.stop('SIGTERM');
    assert.equal(stopped.code, 0, `app should exit 0 on SIGTERM; output:\n${app.output}`);
    assert.match(app.output, /shop closed cleanly/);
    assert.equal(walBytes(dataDir), 0, 'the WAL should be checkpointed into the database');
    assert.match(readFileSync(join(dataDir, 'logs/forno-desktop.log'), 'utf8'), /shop closed cleanly/,
      'the log file in the data dir has the run');

    // Restarted: the order is still there, and the kitchen window comes back where it was.
    const again = startApp(desktop, { dataDir, port });
    try {
      await waitHealthy(port);
      assert.equal(await trackingStatus(port, placed.token), 200, 'the order should survive a restart');
      const back = await waitFor('the kitchen window after restart', () => desktop.windows('Keuken')[0]);
      assert.ok(desktop.geometry(back).X >= SCREEN.width, 'kitchen window should come back on monitor 2');
    } finally {
      await again.stop('SIGTERM');
    }
  } finally {
    if (app.child.exitCode === null) await app.stop('SIGKILL');
  }
});

test('every acknowledged order survives kill -9 while orders come in', async () => {
  const dataDir = freshDataDir('kill9');
  const port = await freePort();
  const app = startApp(desktop, { dataDir, port });
  await waitHealthy(port);

  const acknowledged = [];
  let refused = 0;
  const writers = Array.from({ length: 4 }, async () => {
    for (let i = 0; i < 500; i += 1) {
      try {
        const placed = await placeWebOrder(port);
        if (placed.status === 201) acknowledged.push(placed.token);
      } catch { refused += 1; return; } // the connection died with the app
    }
  });
  await waitFor('some acknowledged orders', () => acknowledged.length >= 100, { timeoutMs: 30_000 });
  app.child.kill('SIGKILL');
  await Promise.all(writers);
  await app.exited;

  const again = startApp(desktop, { dataDir, port });
  try {
    await waitHealthy(port);
    const missing = [];
    for (const token of acknowledged) {
      if ((await trackingStatus(port, token)) !== 200) missing.push(token);
    }
    assert.deepEqual(missing, [], `${missing.length} of ${acknowledged.length} acknowledged orders lost`);
    console.log(`# kill -9: ${acknowledged.length} acknowledged orders, all present after restart`);
  } finally {
    await again.stop('SIGTERM');
  }
});

test('a second launch does not start a second shop', async () => {
  const dataDir = freshDataDir('single');
  const port = await freePort();
  const first = startApp(desktop, { dataDir, port });
  try {
    await waitHealthy(port);
    const second = startApp(desktop, { dataDir, port });
    const { code } = await Promise.race([
      second.exited,
      new Promise((_, reject) => setTimeout(() => reject(new Error('second instance kept running')), 15_000)),
    ]);
    assert.equal(code, 0);
    assert.doesNotMatch(second.output, /Forno is serving/);
    await waitHealthy(port, 2_000);
  } finally {
    await first.stop('SIGTERM');
  }
});

test('a taken port ends in a dialog that says what to do', async () => {
  const blocker = createServer();
  await new Promise((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  const { port } = blocker.address();
  const app = startApp(desktop, { dataDir: freshDataDir('port'), port });
  try {
    await app.waitForOutput(`Another program already uses 127.0.0.1:${port}`, 30_000);
    await waitFor('the "Forno cannot start" dialog', () => desktop.windows('Forno cannot start')[0]);
    desktop.screenshot(join(shots, 'port-taken-dialog.png'));
  } finally {
    await app.stop('SIGKILL');
    blocker.close();
  }
});

test('the counter page can toggle the kitchen window, and may call nothing else', async () => {
  // A first start makes the demo shop and prints its PINs (tauri-driver does not show the output).
  const dataDir = freshDataDir('ipc');
  const port = await freePort();
  const first = startApp(desktop, { dataDir, port });
  await waitHealthy(port);
  await first.waitForOutput(/^ {2}\w+ +Sofia +\d{4}$/m);
  const pins = staffPins(first.output);
  await first.stop('SIGTERM');

  const session = await startWebDriver(desktop, {
    FORNO_DATA_DIR: dataDir, FORNO_LISTEN: `127.0.0.1:${port}`, FORNO_FIRST_RUN: 'demo', FORNO_DEMO_ALWAYS_OPEN: '1',
  }, await freePort());
  try {
    await waitHealthy(port);
    await waitFor('the counter page', async () => (await session.url()).endsWith('/counter'));
    const status = await session.run("return await window.__TAURI__.core.invoke('shell_status')");
    assert.deepEqual(status, { ok: { lan_url: `http://127.0.0.1:${port}/`, kitchen_window_open: true } });

    assert.deepEqual(await session.run("return await window.__TAURI__.core.invoke('toggle_kitchen_window')"), { ok: false });
    await waitFor('the kitchen window to close', () => desktop.windows('Keuken').length === 0);
    assert.deepEqual(await session.run("return await window.__TAURI__.core.invoke('toggle_kitchen_window')"), { ok: true });
    await waitFor('the kitchen window to open', () => desktop.windows('Keuken').length > 0);

    // The served pages get only the shell's own commands, not e.g. native dialogs or files.
    const denied = await session.run("return await window.__TAURI__.core.invoke('plugin:dialog|message', { message: 'x' })");
    assert.match(denied.err ?? '', /not allowed/);

    // The cashier logs in; the counter page has a button for the kitchen window, which says
    // what it will do, does it, and follows the tray's toggling too.
    const loggedIn = await session.run(`const res = await fetch('/api/v1/auth/login', { method: 'POST',
      headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Sofia', pin: '${pins.Sofia}' }) });
      location.reload(); return res.status;`);
    assert.deepEqual(loggedIn, { ok: 200 });
    const buttonText = async () => (await session.run(
      "return document.querySelector('[data-testid=kitchen-window-toggle]')?.textContent ?? null")).ok;
    const click = () => session.run("document.querySelector('[data-testid=kitchen-window-toggle]').click(); return true");
    await waitFor('the kitchen window button', async () => (await buttonText()) === 'Keukenscherm sluiten');
    await click();
    await waitFor('the kitchen window to close', () => desktop.windows('Keuken').length === 0);
    await waitFor('the button to offer opening it', async () => (await buttonText()) === 'Keukenscherm openen');
    await click();
    await waitFor('the kitchen window to open', () => desktop.windows('Keuken').length > 0);
    await session.run("await window.__TAURI__.core.invoke('toggle_kitchen_window'); return true"); // as the tray does
    await waitFor('the button to follow', async () => (await buttonText()) === 'Keukenscherm openen', { timeoutMs: 10_000 });
  } finally {
    await session.stop();
  }
});

test('a first start opens the setup wizard in the counter window', async () => {
  const port = await freePort();
  const session = await startWebDriver(desktop, {
    FORNO_DATA_DIR: freshDataDir('first-run'), FORNO_LISTEN: `127.0.0.1:${port}`, FORNO_FIRST_RUN: 'setup',
  }, await freePort());
  try {
    await waitHealthy(port);
    await waitFor('the counter window on the setup wizard', async () => (await session.url()).endsWith('/setup'));
    const heading = () => session.run("return document.querySelector('h1')?.textContent ?? null");
    await waitFor('the wizard\'s first step', async () => (await heading()).ok === 'Welkom bij Forno');
    const setup = await (await fetch(`http://127.0.0.1:${port}/api/v1/setup`)).json();
    assert.equal(setup.needs_setup, true);
    await new Promise((r) => setTimeout(r, 1000)); // the page draws before the picture
    desktop.screenshot(join(shots, 'first-run-setup.png'));
  } finally {
    await session.stop();
  }
});
