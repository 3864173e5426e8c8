// Accessibility as axe-core sees it (the same engine as the browsers' audits), run inside the
// page under test. The bar: no serious or critical violation on any page.

import { expect, type Page } from '@playwright/test';
import { join, resolve } from 'node:path';

// __dirname, not import.meta: Playwright compiles the tests in tests/e2e to CommonJS.
const AXE = join(resolve(__dirname, '..', '..', '..'), 'ui', 'node_modules', 'axe-core', 'axe.min.js');

interface AxeViolation {
  id: string;
  impact: 'minor' | 'moderate' | 'serious' | 'critical' | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/** Fails with what is wrong and where when the page has a serious or critical violation. */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document) => Promise<{ violations: unknown[] }> } }).axe;
    return (await axe.run(document)).violations;
  }) as AxeViolation[];
  const bad = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact ?? ''} ${v.id}: ${v.help} at ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
  expect(bad, `axe on ${what}`).toEqual([]);
}
