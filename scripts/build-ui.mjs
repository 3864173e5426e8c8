#!/usr/bin/env node
// Builds the shop's pages into ui/dist, which every release binary and installer embeds
// (crates/forno-server/build.rs refuses a release build without them). One way to do it for
// everyone: `make ui`, Tauri's beforeBuildCommand (src-tauri/tauri.conf.json) and the release
// workflow. Node, not a shell script, so it runs the same on the Windows and macOS runners.
//
// Installs ui/'s packages first when they are missing or older than package-lock.json (a clean
// clone, a changed lockfile); otherwise only builds.

import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ui = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'ui');
const windows = process.platform === 'win32';

function npm(...args) {
  console.log(`build-ui: npm ${args.join(' ')} (in ${ui})`);
  const result = spawnSync(windows ? 'npm.cmd' : 'npm', args, {
    cwd: ui,
    stdio: 'inherit',
    // npm is a .cmd file on Windows, which Node only starts through a shell.
    shell: windows,
    // No browser downloads: the browser tests use the system's Chromium.
    env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' },
  });
  if (result.status !== 0) {
    console.error(
      `build-ui: \`npm ${args.join(' ')}\` failed (${result.error?.message ?? `exit code ${result.status}`}). ` +
        'The pages are not built; fix the error above (is Node.js 20 or newer installed?) and run it again.',
    );
    process.exit(result.status || 1);
  }
}

/** npm writes node_modules/.package-lock.json on every install: older than the lockfile = stale. */
function packagesInstalled() {
  const installed = join(ui, 'node_modules', '.package-lock.json');
  if (!existsSync(installed)) return false;
  return statSync(installed).mtimeMs >= statSync(join(ui, 'package-lock.json')).mtimeMs;
}

if (!packagesInstalled()) npm('ci', '--no-audit', '--no-fund');
npm('run', 'build');
if (!existsSync(join(ui, 'dist', 'index.html'))) {
  console.error('build-ui: the build finished but ui/dist/index.html is missing; check ui/vite.config.ts.');
  process.exit(1);
}
