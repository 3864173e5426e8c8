// Black-box tests of the desktop app's tray menu, the dialogs it opens, and a monitor plugged in
// or out while the app runs. Run with `bash tests/desktop/run.sh` (both test files).
// The test display has no panel: tray-host.py plays one on the session bus (see startTrayHost).
// Screenshots land in $FORNO_SCREENSHOTS (default target/desktop-screenshots) for a person to look at.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ROOT, SCREEN, startDesktop, startTrayHost, startApp, appProcesses, freshDataDir, freePort, waitFor,
  waitHealthy, placeWebOrder, trackingStatus, walBytes, staffPins, baseUrl,
} from './harness.mjs';

const shots = process.env.FORNO_SCREENSHOTS ?? join(ROOT, 'target/desktop-screenshots');
mkdirSync(shots, { recursive: true });

let desktop;
let tray;
before(async () => {
  desktop = await startDesktop(Number(process.env.FORNO_TEST_DISPLAY ?? 97));
  // Before any app: an app looks for the tray's watcher when it creates its icon.
  tray = await startTrayHost(desktop);
});
after(() => { tray?.stop(); return desktop?.stop(); });

/// Starts the app and waits until its tray icon is registered and says the server runs.
async function startWithTray(name) {
  const dataDir = freshDataDir(name);
  const port = await freePort();
  const registered = tray.registered().length;
  const app = startApp(desktop, { dataDir, port });
  await waitHealthy(port);
  await waitFor('the app\'s tray icon', () => tray.registered().length > registered, { timeoutMs: 10_000 });
  await waitForTray('Server: running');
  return app;
}

/// Waits until the tray menu has a line (what a person sees when they open it again).
function waitForTray(label, timeoutMs = 10_000) {
  return waitFor(`"${label}" in the tray menu`, async () => (await tray.labels()).includes(label), { timeoutMs, everyMs: 200 });
}

/// Waits for a native dialog by its title (a regular expression for xdotool) and returns its id.
function waitForDialog(title, timeoutMs = 10_000) {
  return waitFor(`the "${title}" dialog`, () => desktop.windows(title)[0], { timeoutMs });
}

/// GTK dialogs focus their first button (labels are skipped), so Return presses the first one
/// added: OK or the custom OK label ("Close Forno", "Restore"). Escape is Cancel.
function answer(dialog, key) {
  desktop.keys(dialog, key);
}

const settle = () => new Promise((r) => setTimeout(r, 1500));

async function stopEverywhere(app) {
  if (app.child.exitCode === null) await app.stop('SIGKILL');
  for (const pid of appProcesses(app.dataDir)) {
    try { process.kill(pid, 'SIGKILL'); } catch { /* already gone */ }
  }
}

test('the tray shows the server, its address and the open online orders, and its actions work', async () => {
  const app = await startWithTray('tray');
  try {
    const labels = await tray.labels();
    assert.deepEqual(labels.slice(0, 3), ['Server: running', `Address: http://127.0.0.1:${app.port}/`, 'Open online orders: 0']);
    assert.deepEqual(labels.slice(3), ['Show counter', 'Kitchen window on/off', 'Back up now', 'Restore from a backup…', 'Reset the owner\'s PIN…', 'Quit Forno']);
    const menu = await tray.menu();
    assert.ok(menu.filter((e) => e.label.startsWith('Server') || e.label.startsWith('Open online')).every((e) => !e.enabled),
      'the status lines are not clickable');

    const placed = await placeWebOrder(app.port);
    assert.equal(placed.status, 201, `web order not accepted: ${placed.body}`);
    await waitForTray('Open online orders: 1');

    // The kitchen window (fullscreen on monitor 2 at start) goes off and on again.
    await waitFor('the kitchen window', () => desktop.windows('Keuken')[0]);
    await tray.click('Kitchen window on/off');
    await waitFor('the kitchen window to close', () => desktop.windows('Keuken').length === 0);
    await tray.click('Kitchen window on/off');
    const kitchen = await waitFor('the kitchen window to open again', () => desktop.windows('Keuken')[0]);
    await waitFor('the kitchen window on monitor 2', () => desktop.geometry(kitchen).X >= SCREEN.width);

    // "Show counter" gives the counter window the keyboard back from the kitchen window, and
    // brings it back when it was hidden (unmapped: minimised, without a window manager).
    const counter = await waitFor('the counter window', () => desktop.windows('^Forno$')[0]);
    desktop.xdotool('windowfocus', '--sync', kitchen);
    await tray.click('Show counter');
    await waitFor('the counter window to have the keyboard', () => desktop.focusedWindow() === counter);
    desktop.xdotool('windowunmap', '--sync', counter);
    assert.equal(desktop.windows('^Forno$').length, 0);
    await tray.click('Show counter');
    await waitFor('the counter window to show again', () => desktop.windows('^Forno$').includes(counter));

    await tray.click('Back up now');
    const backups = join(app.dataDir, 'backups');
    const file = await waitFor('the backup file', () => existsSync(backups)
      && readdirSync(backups).find((f) => /^forno-manual-\d+\.sqlite$/.test(f)));
    const made = await waitForDialog('^Backup made$');
    desktop.screenshot(join(shots, 'tray-backup-made.png'));
    answer(made, 'Return');
    await waitFor('the "Backup made" dialog to close', () => desktop.windows('^Backup made$').length === 0);
    assert.ok(file);

    await tray.click('Quit Forno');
    const confirm = await waitForDialog('^Close Forno\\?$');
    desktop.screenshot(join(shots, 'tray-quit-confirm.png'));
    answer(confirm, 'Escape');
    await waitFor('the "Close Forno?" dialog to close', () => desktop.windows('^Close Forno\\?$').length === 0);
    await new Promise((r) => setTimeout(r, 1000));
    assert.equal(app.child.exitCode, null, '"Keep running" keeps the app running');

    await tray.click('Quit Forno');
    answer(await waitForDialog('^Close Forno\\?$'), 'Return');
    const stopped = await app.exited;
    assert.equal(stopped.code, 0, `app should exit 0 after "Close Forno"; output:\n${app.output}`);
    assert.match(app.output, /shop closed cleanly/);
    assert.equal(walBytes(app.dataDir), 0, 'the WAL should be checkpointed into the database');
  } finally {
    await stopEverywhere(app);
  }
});

test('the app makes the daily backup, and a daily backup that fails raises a dialog', async () => {
  // The schedule is forno-app's (the same as `forno serve`'s); the app only shows a failure.
  const app = await startWithTray('daily-backup');
  try {
    const backups = join(app.dataDir, 'backups');
    await waitFor('the daily backup', () => existsSync(backups)
      && readdirSync(backups).some((f) => /^forno-daily-\d{4}-\d{2}-\d{2}\.sqlite$/.test(f)));
  } finally {
    await stopEverywhere(app);
  }

  // A "backups" that is a file, not a folder: no backup can be made there.
  const dataDir = freshDataDir('daily-backup-fails');
  writeFileSync(join(dataDir, 'backups'), 'not a folder');
  const failing = startApp(desktop, { dataDir, port: await freePort() });
  try {
    await waitHealthy(failing.port);
    const dialog = await waitForDialog('^Forno backup failed$', 20_000);
    desktop.screenshot(join(shots, 'daily-backup-failed.png'));
    answer(dialog, 'Return');
    await waitFor('the "Forno backup failed" dialog to close',
      () => desktop.windows('^Forno backup failed$').length === 0);
    assert.match(failing.output, /daily backup failed/);
  } finally {
    await stopEverywhere(failing);
  }
});

/// "Restore from a backup…" up to its confirmation: the GTK file chooser, where a person types
/// the path (ctrl+L opens the location field) and presses Return.
async function chooseBackup(file, screenshot) {
  await tray.click('Restore from a backup…');
  const chooser = await waitForDialog('^Choose the backup to restore$');
  desktop.keys(chooser, 'ctrl+l');
  desktop.type(chooser, file);
  if (screenshot) desktop.screenshot(join(shots, screenshot));
  desktop.keys(chooser, 'Return');
  await waitFor('the file chooser to close', () => desktop.windows('^Choose the backup to restore$').length === 0);
  return waitForDialog('^Restore a backup\\?$');
}

test('restoring a backup through the tray\'s dialogs brings back the shop as it was then', async () => {
  const app = await startWithTray('restore');
  try {
    const before = await placeWebOrder(app.port);
    assert.equal(before.status, 201);
    await tray.click('Back up now');
    answer(await waitForDialog('^Backup made$'), 'Return');
    const backups = join(app.dataDir, 'backups');
    const backup = join(backups, readdirSync(backups).find((f) => f.startsWith('forno-manual-')));
    const after = await placeWebOrder(app.port);
    assert.equal(after.status, 201);
    await waitForTray('Open online orders: 2');

    // Cancelled in the file chooser, then at the confirmation: nothing changes.
    await tray.click('Restore from a backup…');
    answer(await waitForDialog('^Choose the backup to restore$'), 'Escape');
    await waitFor('the file chooser to close', () => desktop.windows('^Choose the backup to restore$').length === 0);
    const confirm = await chooseBackup(backup, 'restore-file-chooser.png');
    desktop.screenshot(join(shots, 'restore-confirm.png'));
    answer(confirm, 'Escape');
    await waitFor('the confirmation to close', () => desktop.windows('^Restore a backup\\?$').length === 0);
    await new Promise((r) => setTimeout(r, 1000));
    assert.equal(app.child.exitCode, null, 'Cancel keeps the app running');
    assert.equal(await trackingStatus(app.port, before.token), 200);
    assert.equal(await trackingStatus(app.port, after.token), 200, 'Cancel keeps the later order');
    assert.ok(!readdirSync(backups).some((f) => f.startsWith('forno-before-restore-')), 'Cancel restores nothing');

    // Confirmed: the app backs up the current data, restores, and restarts itself.
    const registered = tray.registered().length;
    answer(await chooseBackup(backup), 'Return');
    await waitFor('the app to stop for the restart', () => app.child.exitCode !== null, { timeoutMs: 15_000 })
      .catch((err) => { throw new Error(`${err.message}; app output:\n${app.output}`); });
    await waitFor('the restarted app\'s tray icon', () => tray.registered().length > registered, { timeoutMs: 30_000 })
      .catch((err) => { throw new Error(`${err.message}; app output:\n${app.output}`); });
    await waitHealthy(app.port);
    await waitForTray('Open online orders: 1');
    assert.equal(await trackingStatus(app.port, before.token), 200, 'the order from before the backup is there');
    assert.equal(await trackingStatus(app.port, after.token), 404, 'the order placed after the backup is gone');
    assert.ok(readdirSync(backups).some((f) => f.startsWith('forno-before-restore-')), 'the data from before the restore is kept');
    assert.equal(appProcesses(app.dataDir).length, 1, 'one app runs after the restart');

    await tray.click('Quit Forno');
    answer(await waitForDialog('^Close Forno\\?$'), 'Return');
    await waitFor('the restarted app to quit', () => appProcesses(app.dataDir).length === 0);
    assert.equal(walBytes(app.dataDir), 0);
  } finally {
    await stopEverywhere(app);
  }
});

test('the owner who forgot the PIN gets a new one from the tray, behind a confirmation, audited', async () => {
  const app = await startWithTray('owner-pin');
  try {
    await app.waitForOutput('Marco', 10_000);
    const pins = staffPins(app.output);
    const login = (name, pin) => fetch(`${baseUrl(app.port)}/api/v1/auth/login`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name, pin }),
    });
    assert.equal((await login('Marco', pins.Marco)).status, 200, 'the printed PIN works at first');

    // Cancel at the confirmation: nothing changes.
    await tray.click('Reset the owner\'s PIN…');
    const confirm = await waitForDialog('^Reset the owner\'s PIN\\?$');
    desktop.screenshot(join(shots, 'tray-owner-pin-confirm.png'));
    answer(confirm, 'Escape');
    await waitFor('the confirmation to close', () => desktop.windows('^Reset the owner\'s PIN\\?$').length === 0);
    await settle();
    assert.equal((await login('Marco', pins.Marco)).status, 200, 'Cancel keeps the PIN');

    // Confirmed: a new PIN, shown once; the old one stops working; the reset is audited.
    await tray.click('Reset the owner\'s PIN…');
    answer(await waitForDialog('^Reset the owner\'s PIN\\?$'), 'Return');
    const shown = await waitForDialog('^New owner PIN$');
    desktop.screenshot(join(shots, 'tray-owner-pin-new.png'));
    await app.waitForOutput('owner PIN reset from the tray', 10_000);
    assert.equal((await login('Marco', pins.Marco)).status, 401, 'the forgotten PIN no longer works');
    answer(shown, 'Return');
    const manager = await (await login('Giulia', pins.Giulia)).json();
    const audit = await (await fetch(`${baseUrl(app.port)}/api/v1/audit?action=staff.pin_reset`, {
      headers: { Authorization: `Bearer ${manager.token}` },
    })).json();
    assert.equal(audit.entries.length, 1, JSON.stringify(audit));
    assert.equal(audit.entries[0].detail.staff, 'Marco');
    assert.equal(audit.entries[0].detail.by, 'the desktop app\'s tray');
  } finally {
    await stopEverywhere(app);
  }
});

test('the kitchen window follows a monitor plugged in or out while the app runs', async () => {
  await desktop.plugSecondMonitor(false);
  const app = await startWithTray('hotplug');
  const kitchenAt = (where, check) => waitFor(`the kitchen window ${where}`, () => {
    const id = desktop.windows('Keuken')[0];
    return id && check(desktop.geometry(id)) && id;
  }, { timeoutMs: 15_000 }).catch((err) => {
    const id = desktop.windows('Keuken')[0];
    throw new Error(`${err.message}; it is at ${id ? JSON.stringify(desktop.geometry(id)) : 'nowhere'}; app output:\n${app.output}`);
  });
  const fullscreenOnMonitor2 = (k) => k.X === SCREEN.width && k.Y === 0 && k.WIDTH === SCREEN.width && k.HEIGHT === SCREEN.height;
  try {
    await app.waitForOutput('kitchen_window=false');
    assert.equal(desktop.windows('Keuken').length, 0, 'one monitor at start: no kitchen window');

    await desktop.plugSecondMonitor(true);
    await kitchenAt('fullscreen on the new monitor', fullscreenOnMonitor2);
    await settle(); // the page repaints at its new size before the picture
    desktop.screenshot(join(shots, 'hotplug-kitchen-on-monitor-2.png'));

    await desktop.plugSecondMonitor(false);
    const back = await kitchenAt('back as a normal window on monitor 1',
      (k) => k.X >= 0 && k.X + k.WIDTH <= SCREEN.width && k.WIDTH < SCREEN.width && k.HEIGHT < SCREEN.height);
    await settle(); // the page repaints at its new size before the picture
    desktop.screenshot(join(shots, 'hotplug-kitchen-back-on-monitor-1.png'));

    await desktop.plugSecondMonitor(true);
    assert.equal(await kitchenAt('fullscreen on the monitor again', fullscreenOnMonitor2), back, 'the same window moves');

    // Closed on purpose, it stays closed when the monitor comes back.
    await tray.click('Kitchen window on/off');
    await waitFor('the kitchen window to close', () => desktop.windows('Keuken').length === 0);
    // The app looks every 2 s: it must see the monitor gone before it comes back.
    const changesSeen = (n) => waitFor(`the app to see monitor change ${n}`, () => (app.output.match(/monitors changed/g) ?? []).length >= n);
    await changesSeen(3);
    await desktop.plugSecondMonitor(false);
    await changesSeen(4);
    await desktop.plugSecondMonitor(true);
    await changesSeen(5);
    await new Promise((r) => setTimeout(r, 1000));
    assert.equal(desktop.windows('Keuken').length, 0, 'a kitchen window closed on purpose stays closed');
  } finally {
    await desktop.plugSecondMonitor(true);
    await stopEverywhere(app);
  }
});
