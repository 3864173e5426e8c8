import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

// One HTML entry per screen. The server embeds `dist/` and maps its routes onto these files:
// `/` → index.html (the customers' ordering page, src/order), `/staff` → staff.html, `/counter` → counter.html, `/track/{token}` → track.html, `/setup` → setup.html,
// `/settings` → settings.html, `/printers` → printers.html, `/pair/{code}` → pair.html, `/kitchen` → kitchen.html, `/admin` → admin.html,
// `/menu-editor` → menu-editor.html, `/assets/*` as-is.
const root = import.meta.dirname;

export default defineConfig({
  base: '/',
  oxc: {
    // Preact's automatic JSX runtime, without a framework plugin: one less moving part.
    jsx: { runtime: 'automatic', importSource: 'preact' },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2020',
    rolldownOptions: {
      input: {
        index: resolve(root, 'index.html'),
        staff: resolve(root, 'staff.html'),
        counter: resolve(root, 'counter.html'),
        track: resolve(root, 'track.html'),
        setup: resolve(root, 'setup.html'),
        settings: resolve(root, 'settings.html'),
        pair: resolve(root, 'pair.html'),
        kitchen: resolve(root, 'kitchen.html'),
        admin: resolve(root, 'admin.html'),
        printers: resolve(root, 'printers.html'),
        'menu-editor': resolve(root, 'menu-editor.html'),
      },
    },
  },
  server: {
    // `npm run dev` against a running `forno serve` (FORNO_URL, e.g. http://127.0.0.1:8080).
    proxy: {
      '/api': { target: process.env.FORNO_URL ?? 'http://127.0.0.1:8080', ws: true },
    },
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
