// The owner's back office, staff and audit log (issue 12, A7, S1, S3): the owner adds a cashier
// on the staff page, the cashier logs in; the owner resets the cashier's PIN and stops the
// account, and the cashier's open session stops working at once. Bad input is said at its field
// and changes nothing. The audit page shows each of those actions and filters them by who, what
// and day. Screenshots of both pages at 1366×768 go to docs/screenshots.

import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { expectAccessible } from './support/axe';
import { Shop, type Role } from './support/shop';

const DOCS_SHOTS = join(__dirname, '..', '..', 'docs', 'screenshots');

let shop: Shop;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  mkdirSync(DOCS_SHOTS, { recursive: true });
  shop = await Shop.start();
  await shop.logInApi('owner');
});

test.afterAll(async () => {
  await shop.stop('SIGKILL');
  rmSync(shop.dataDir, { recursive: true, force: true });
});

async function logIn(page: Page, path: string, name: string, pin: string): Promise<void> {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(`${shop.url}${path}`);
  await page.getByLabel('Naam').fill(name);
  await page.getByLabel('Pincode').fill(pin);
  await page.getByRole('button', { name: 'Inloggen' }).click();
}

async function openStaffPage(browser: Browser, role: Role): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const { name, pin } = shop.login(role);
  await logIn(page, '/admin?view=staff', name, pin);
  await expect(page.getByRole('heading', { name: 'Personeel', level: 1 })).toBeVisible();
  await expect(page.getByTestId('staff-row').first()).toBeVisible();
  return { context, page };
}

const row = (page: Page, name: string) => page.locator(`[data-testid="staff-row"][data-name="${name}"]`);

/** What the server answers this browser's session (its cookie) on a staff endpoint. */
async function sessionStatus(page: Page, path = '/auth/me'): Promise<number> {
  return (await page.request.get(`${shop.url}/api/v1${path}`)).status();
}

test('the owner adds a cashier who logs in, resets their PIN, and stops them: their session ends at once', async ({ browser }) => {
  const { page: owner } = await openStaffPage(browser, 'owner');
  await expectAccessible(owner, 'the staff page');
  const before = await shop.call<unknown[]>('GET', '/staff');

  // A name someone has (Sofia, the demo cashier) and a weak PIN: each said at its field.
  await owner.getByTestId('add-name').fill(shop.login('cashier').name.toLowerCase());
  await owner.getByTestId('add-pin').fill('4826');
  await owner.getByTestId('add-submit').click();
  await expect(owner.getByTestId('error-name')).toContainText('al iemand met deze naam');
  await expect(owner.getByTestId('add-name')).toHaveAttribute('aria-invalid', 'true');
  await owner.getByTestId('add-name').fill('Noor');
  await owner.getByTestId('add-pin').fill('1234');
  await owner.getByTestId('add-submit').click();
  await expect(owner.getByTestId('error-pin')).toContainText('1234');
  await expectAccessible(owner, 'the staff page with errors at their fields');
  expect(await shop.call<unknown[]>('GET', '/staff')).toEqual(before);

  // Now right: Noor, cashier, 4826.
  await owner.getByTestId('add-pin').fill('4826');
  await owner.getByTestId('add-role').selectOption('cashier');
  await owner.getByTestId('add-submit').click();
  await expect(owner.getByTestId('staff-note')).toContainText('Noor is toegevoegd');
  await expect(row(owner, 'Noor')).toContainText('kassa');
  await expect(row(owner, 'Noor').getByTestId('staff-state')).toHaveText('Actief');
  await owner.evaluate(() => {
    window.scrollTo(0, 0);
  });
  await owner.screenshot({ path: join(DOCS_SHOTS, 'admin-staff-1366x768.png') });

  // Noor logs in at the staff screen in her own browser.
  const noorContext = await browser.newContext();
  const noor = await noorContext.newPage();
  await logIn(noor, '/staff', 'Noor', '4826');
  await expect.poll(() => sessionStatus(noor)).toBe(200);

  // The owner resets Noor's PIN: a weak one is refused in the dialog, then 7391.
  await owner.getByRole('button', { name: 'Pincode herstellen: Noor' }).click();
  const dialog = owner.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByTestId('reset-pin').fill('1111');
  await dialog.getByTestId('reset-save').click();
  await expect(dialog.getByTestId('error-pin')).toBeVisible();
  await expectAccessible(owner, 'the PIN reset dialog');
  await owner.screenshot({ path: join(DOCS_SHOTS, 'admin-staff-reset-pin-1366x768.png') });
  await dialog.getByTestId('reset-pin').fill('7391');
  await dialog.getByTestId('reset-save').click();
  await expect(owner.getByTestId('staff-note')).toContainText('Noor heeft een nieuwe pincode');
  // Her session ended with the reset; the new PIN works.
  expect(await sessionStatus(noor)).toBe(401);
  await logIn(noor, '/staff', 'Noor', '7391');
  await expect.poll(() => sessionStatus(noor, '/orders')).toBe(200);

  // The owner stops Noor's account (behind a confirmation): her open session stops at once.
  await owner.getByRole('button', { name: 'Stoppen: Noor' }).click();
  await expectAccessible(owner, 'the stop confirmation');
  await owner.getByRole('dialog').getByTestId('stop-confirm').click();
  await expect(owner.getByTestId('staff-note')).toContainText('Het account van Noor is gestopt');
  await expect(row(owner, 'Noor').getByTestId('staff-state')).toHaveText('Gestopt');
  expect(await sessionStatus(noor, '/orders')).toBe(401);
  const again = await noor.request.post(`${shop.url}/api/v1/auth/login`, { data: { name: 'Noor', pin: '7391' } });
  expect(again.status()).toBe(401);

  // The last owner cannot stop themselves: said in the dialog, nothing changed.
  const ownerName = shop.login('owner').name;
  await owner.getByRole('button', { name: `Stoppen: ${ownerName}` }).click();
  await owner.getByRole('dialog').getByTestId('stop-confirm').click();
  await expect(owner.getByRole('dialog').getByTestId('problem')).toContainText('laatste eigenaar');
  await owner.keyboard.press('Escape');
  await expect(owner.getByRole('dialog')).toHaveCount(0);
  await expect(row(owner, ownerName).getByTestId('staff-state')).toHaveText('Actief');
  expect(await sessionStatus(owner)).toBe(200);

  // A manager may reset a cashier's PIN but not the owner's: the server says so in the dialog.
  const { page: manager } = await openStaffPage(browser, 'manager');
  await manager.getByRole('button', { name: `Pincode herstellen: ${ownerName}` }).click();
  await manager.getByRole('dialog').getByTestId('reset-pin').fill('4826');
  await manager.getByRole('dialog').getByTestId('reset-save').click();
  await expect(manager.getByRole('dialog').getByTestId('problem')).toContainText('kassa- en keukenmedewerkers');
  await expect(manager.getByRole('button', { name: 'Toevoegen' })).toHaveCount(0);
  await noorContext.close();
});

test('the audit page shows each action after it happened and filters by who, what and day', async ({ browser }) => {
  // A rejected web order and a payment, next to the staff actions of the test above.
  const placed = await shop.placeWebOrder('Anna Jansen');
  const orderId = await shop.orderId(placed.order_number);
  await shop.call('POST', `/orders/${orderId}/status`, { status: 'rejected', reason: 'oven stuk' });

  const context = await browser.newContext();
  const page = await context.newPage();
  const owner = shop.login('owner');
  await logIn(page, '/admin?view=audit', owner.name, owner.pin);
  await expect(page.getByRole('heading', { name: 'Auditlog', level: 1 })).toBeVisible();
  const rows = page.getByTestId('audit-row');
  for (const action of ['staff.added', 'staff.pin_reset', 'staff.deactivated', 'staff.logged_in', 'order.rejected']) {
    await expect(page.locator(`[data-testid="audit-row"][data-action="${action}"]`).first()).toBeVisible();
  }
  await expect(page.locator('[data-testid="audit-row"][data-action="order.rejected"]').first()).toContainText('oven stuk');
  await expectAccessible(page, 'the audit page');
  await page.screenshot({ path: join(DOCS_SHOTS, 'admin-audit-1366x768.png') });

  // What: only PIN resets.
  await page.getByTestId('audit-what').selectOption('staff.pin_reset');
  await page.getByTestId('audit-apply').click();
  await expect(rows.first()).toHaveAttribute('data-action', 'staff.pin_reset');
  for (const action of await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-action')))) {
    expect(action).toBe('staff.pin_reset');
  }
  await expect(rows.first()).toContainText('Noor');

  // Who: only what Noor did (her two logins).
  await page.getByTestId('audit-what').selectOption('');
  await page.getByTestId('audit-who').selectOption({ label: 'Noor' });
  await page.getByTestId('audit-apply').click();
  await expect(page.getByTestId('audit-count')).toHaveText('2 regels');
  for (const who of await rows.evaluateAll((els) => els.map((e) => e.children[1]?.textContent))) {
    expect(who).toBe('Noor');
  }

  // Day: nothing happened from tomorrow on; a range ending before the start is said.
  const tomorrow = new Date(Date.now() + 36 * 3600 * 1000).toISOString().slice(0, 10);
  await page.getByTestId('audit-who').selectOption('');
  await page.getByTestId('audit-from').fill(tomorrow);
  await page.getByTestId('audit-apply').click();
  await expect(page.getByTestId('audit-count')).toHaveText('Geen regels gevonden.');
  await page.getByTestId('audit-to').fill('2026-01-01');
  await page.getByTestId('audit-apply').click();
  await expect(page.getByRole('alert')).toContainText('einddatum');
  await expect(page.getByTestId('audit-to')).toHaveAttribute('aria-invalid', 'true');

  // English: the same page in the shop's other language.
  await page.goto(`${shop.url}/admin?view=audit&lang=en`);
  await expect(page.getByRole('heading', { name: 'Audit log', level: 1 })).toBeVisible();
  await expect(page.locator('[data-testid="audit-row"][data-action="order.rejected"]').first()).toContainText('Order rejected');
  await context.close();
});
