// The rest of the counter (issue 9) as a cashier meets it: the screen locks itself when left
// alone, the −5/+5 prep-time buttons, a desk without touch (type to search, Enter to pay), a web
// order left waiting gets louder, a line voided after the kitchen has it (refused without the
// manager's PIN, struck through on the counter and the kitchen board), and a discount on the cart
// given with the order in one go.

import { expect, test, type Page } from '@playwright/test';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { expectAccessible } from './support/axe';
import { Shop } from './support/shop';

const SCREENSHOTS = join(__dirname, '..', '..', 'docs', 'screenshots');
const WIDE = { width: 1366, height: 768 };
const SMALL = { width: 1024, height: 768 };

let shop: Shop;

interface Order {
  id: number;
  number: string;
  status: string;
  total_cents: number;
  subtotal_cents: number;
  open_cents: number;
  payment_state: string;
  lines: { item_name: string; total_cents: number }[];
  voids: { line: number; reason: string; staff_name: string | null; approved_by: string | null }[];
  discounts: { amount_cents: number; reason: string; staff_name: string | null; approved_by: string | null }[];
}

test.beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  shop = await Shop.start();
  await shop.logInApi('manager');
});

test.afterAll(async () => {
  await shop.stop('SIGKILL');
  rmSync(shop.dataDir, { recursive: true, force: true });
});

const euro = (cents: number) =>
  new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' }).format(cents / 100).replace(/\u00a0/g, ' ');

async function latestOrder(): Promise<Order> {
  const page = await shop.call<{ orders: Order[] }>('GET', '/orders?limit=1');
  const order = page.orders[0];
  if (!order) throw new Error('no orders');
  return order;
}

async function orderCount(): Promise<number> {
  return (await shop.call<{ total: number }>('GET', '/orders?limit=1')).total;
}

/** Opens the counter and logs the cashier in with the tiles and the PIN pad. */
async function logIn(page: Page): Promise<void> {
  await page.goto(`${shop.url}/counter`);
  const { name, pin } = shop.login('cashier');
  await page.getByTestId('login-tiles').getByRole('button', { name }).click();
  for (const digit of pin) await page.getByRole('button', { name: digit, exact: true }).click();
  await page.getByRole('button', { name: 'OK', exact: true }).click();
  await expect(page.getByTestId('cashier')).toHaveText(name);
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'live', { timeout: 10_000 });
}

const item = (page: Page, name: string) => page.locator('.item-tile__main', { hasText: name });
const tab = (page: Page, name: string) => page.getByRole('tab', { name });

test('the counter locks itself after the idle time chosen for it, and not while in use', async ({ page }) => {
  // The counter's idle time, set short: six seconds.
  await page.addInitScript(() => {
    window.localStorage.setItem('forno.counter.lockMinutes', '0.1');
  });
  await page.setViewportSize(WIDE);
  await logIn(page);
  // In use: a key every few seconds keeps it open past the idle time.
  for (let i = 0; i < 3; i += 1) {
    await page.waitForTimeout(3_000);
    await page.keyboard.press('Shift');
  }
  await expect(page.getByTestId('cashier')).toBeVisible();
  // Left alone: back to the login tiles, and the session is over.
  await expect(page.getByTestId('login-tiles')).toBeVisible({ timeout: 12_000 });
  const me = await page.evaluate(async () => (await fetch('/api/v1/auth/me')).status);
  expect(me).toBe(401);
});

test('the −5 and +5 buttons change the prep time the shop promises', async ({ page }) => {
  await page.setViewportSize(WIDE);
  await logIn(page);
  const before = (await shop.call<{ prep_time_minutes: number }>('GET', '/shop')).prep_time_minutes;
  await expect(page.getByTestId('prep-time')).toContainText(`${before} min`);
  await page.getByRole('button', { name: '+5 min' }).click();
  await expect(page.getByTestId('prep-time')).toContainText(`${before + 5} min`);
  expect((await shop.call<{ prep_time_minutes: number }>('GET', '/shop')).prep_time_minutes).toBe(before + 5);
  await page.getByRole('button', { name: '−5 min' }).click();
  await expect(page.getByTestId('prep-time')).toContainText(`${before} min`);
  expect((await shop.call<{ prep_time_minutes: number }>('GET', '/shop')).prep_time_minutes).toBe(before);
});

test('a desk without touch: typing searches, Enter adds, Enter pays, Enter takes it exact', async ({ page }) => {
  await page.setViewportSize(WIDE);
  await logIn(page);
  const before = await orderCount();
  await page.keyboard.type('marg');
  await expect(page.locator('#item-search')).toHaveValue('marg');
  await expect(item(page, 'Margherita')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
  await expect(page.getByTestId('cart-total')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('pay-dialog')).toBeVisible();
  await expect(page.getByTestId('cash-exact')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('paid')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('pay-dialog')).toHaveCount(0);
  expect(await orderCount()).toBe(before + 1);
  const order = await latestOrder();
  expect(order.lines.map((l) => l.item_name)).toEqual(['Margherita']);
  expect(order.payment_state).toBe('paid');
});

test('a web order left unaccepted rings again, faster, and is highlighted', async ({ page }) => {
  // The counter's clock four minutes ahead: a web order placed now has waited past the three
  // minutes after which it gets louder.
  await page.clock.install({ time: new Date(Date.now() + 4 * 60_000) });
  await page.setViewportSize(WIDE);
  await logIn(page);
  const placed = await shop.placeWebOrder('Sem Jansen');
  const card = page.locator(`[data-testid="incoming-order"][data-number="${placed.order_number}"]`);
  await expect(card).toBeVisible({ timeout: 5_000 });
  const panel = page.getByTestId('incoming');
  await expect(panel).toHaveAttribute('data-louder', 'true');
  await expect(card).toHaveClass(/incoming-card--late/);
  const first = Number(await panel.getAttribute('data-rings'));
  expect(first).toBeGreaterThanOrEqual(1);
  // It repeats every few seconds while it waits.
  await expect
    .poll(async () => Number(await panel.getAttribute('data-rings')), { timeout: 15_000 })
    .toBeGreaterThan(first);
  await card.getByTestId('accept-20').click();
  await expect(card).toHaveCount(0);
});

test('a line voided after sending: refused without the manager PIN, then struck through everywhere', async ({ page, context }) => {
  await page.setViewportSize(SMALL);
  await logIn(page);
  await item(page, 'Margherita').click();
  await tab(page, 'Frisdranken').click();
  await item(page, 'Coca-Cola').click();
  await expect(page.getByTestId('cart-total')).toBeVisible();
  await page.getByTestId('send').click();
  await expect(page.getByTestId('counter-note')).toContainText('staat in de keuken');
  const sent = await latestOrder();
  expect(sent.status).toBe('accepted');
  const cola = sent.lines[1];
  if (!cola) throw new Error('no cola line');

  await page.getByTestId('open-orders-button').click();
  await page.getByTestId(`open-order-${sent.number.replace(/^#/, '')}`).click();
  await expect(page.getByTestId('order-view')).toBeVisible();
  await page.getByTestId('void-line-1').click();
  await page.getByTestId('void-reason').fill('cola was op');
  // Without the manager: the server refuses (403) and nothing changes.
  const refused = page.waitForResponse((r) => r.url().endsWith(`/orders/${sent.id}/voids`));
  await page.getByTestId('void-give').click();
  expect((await refused).status()).toBe(403);
  await expect(page.getByTestId('void-problem')).toContainText('manager');
  expect((await shop.call<Order>('GET', `/orders/${sent.id}`)).voids).toEqual([]);

  const manager = shop.login('manager');
  await page.getByTestId('approval-name').fill(manager.name);
  await page.getByTestId('approval-pin').fill(manager.pin);
  await page.getByTestId('void-give').click();
  const line = page.getByTestId('order-line').nth(1);
  await expect(line).toHaveAttribute('data-voided', 'true');
  await expect(line.locator('s').first()).toBeVisible();
  await expect(line).toContainText('cola was op');
  await expect(page.getByTestId('order-total')).toHaveText(euro(sent.total_cents - cola.total_cents));
  await expectAccessible(page, 'the order view with a voided line');
  await page.screenshot({ path: join(SCREENSHOTS, 'counter-1024x768-void.png') });

  const voided = await shop.call<Order>('GET', `/orders/${sent.id}`);
  expect(voided.total_cents).toBe(sent.total_cents - cola.total_cents);
  expect(voided.voids).toEqual([
    expect.objectContaining({ line: 1, reason: 'cola was op', staff_name: shop.login('cashier').name, approved_by: manager.name }),
  ]);
  const audit = await shop.auditEntries();
  expect(audit.find((e) => e.action === 'order.line_voided' && e.order_id === sent.id)?.detail).toMatchObject({
    voided_by: shop.login('cashier').name,
    approved_by: manager.name,
  });

  // The kitchen board shows it struck through, and has nothing left to make of it.
  const kitchen = await context.newPage();
  await kitchen.setViewportSize(WIDE);
  await kitchen.goto(`${shop.url}/kitchen`);
  const ticket = kitchen.locator(`[data-testid="ticket"][data-number="${sent.number}"]`);
  await expect(ticket).toBeVisible({ timeout: 10_000 });
  await expect(ticket.locator('[data-testid="ticket-line"][data-voided="true"]')).toHaveCount(1);
  await expect(ticket.locator('[data-testid="ticket-line"][data-voided="true"]')).toContainText('geschrapt');
  await kitchen.close();
});

test('a discount on the cart is priced by the quote and given with the order, approved by the manager', async ({ page }) => {
  await page.setViewportSize(WIDE);
  await logIn(page);
  await item(page, 'Margherita').click();
  await expect(page.getByTestId('cart-total')).toBeVisible();
  const full = await page.getByTestId('cart-total').innerText();

  // Without the manager's PIN: priced on the cart, but the order is refused and not placed.
  await page.getByTestId('cart-discount').click();
  await page.getByTestId('discount-value').fill('10');
  await page.getByTestId('discount-reason').fill('vaste klant');
  await page.getByTestId('discount-give').click();
  await expect(page.getByTestId('cart-discount-amount')).toBeVisible();
  const before = await orderCount();
  await page.getByTestId('pay').click();
  await expect(page.getByTestId('counter-note')).toContainText('kortingen geven');
  await expect(page.getByTestId('pay-dialog')).toHaveCount(0);
  expect(await orderCount()).toBe(before);

  // With it: one order, with the discount, at the quoted total.
  await page.getByRole('button', { name: 'Korting weghalen' }).click();
  await expect(page.getByTestId('cart-total')).toHaveText(full);
  await page.getByTestId('cart-discount').click();
  await page.getByTestId('discount-value').fill('10');
  await page.getByTestId('discount-reason').fill('vaste klant');
  const manager = shop.login('manager');
  await page.getByTestId('approval-name').fill(manager.name);
  await page.getByTestId('approval-pin').fill(manager.pin);
  await page.getByTestId('discount-give').click();
  await expect(page.getByTestId('cart-discount-amount')).toBeVisible();
  const quoted = await page.getByTestId('cart-total').innerText();
  await expectAccessible(page, 'the cart with a discount');
  await page.getByTestId('pay').click();
  await expect(page.getByTestId('pay-total')).toHaveText(quoted);
  await page.getByTestId('cash-exact').click();
  await expect(page.getByTestId('paid')).toBeVisible();
  expect(await orderCount()).toBe(before + 1);
  const order = await latestOrder();
  expect(order.discounts).toEqual([
    expect.objectContaining({ reason: 'vaste klant', staff_name: shop.login('cashier').name, approved_by: manager.name }),
  ]);
  expect(order.total_cents).toBe(order.subtotal_cents - (order.discounts[0]?.amount_cents ?? 0));
  expect(euro(order.total_cents)).toBe(quoted);
});

test('on /staff a cashier cancels an order the kitchen has only with the manager PIN', async ({ page }) => {
  await page.setViewportSize(WIDE);
  await logIn(page);
  await item(page, 'Margherita').click();
  await expect(page.getByTestId('cart-total')).toBeVisible();
  await page.getByTestId('send').click();
  await expect(page.getByTestId('counter-note')).toContainText('staat in de keuken');
  const sent = await latestOrder();

  await page.goto(`${shop.url}/staff`);
  const row = page.getByTestId(`order-row-${sent.number.replace(/^#/, '')}`);
  await row.getByTestId('cancel-order').click();
  await page.getByTestId('cancel-reason').fill('klant belde af');
  await expect(page.getByTestId('approval')).toHaveCount(0);
  const refused = page.waitForResponse((r) => r.url().endsWith(`/orders/${sent.id}/status`));
  await page.getByTestId('cancel-confirm').click();
  expect((await refused).status()).toBe(403);
  await expect(page.getByTestId('cancel-problem')).toContainText('manager');
  expect((await shop.call<Order>('GET', `/orders/${sent.id}`)).status).toBe('accepted');
  await expectAccessible(page, 'the staff list asking for the manager PIN');

  const manager = shop.login('manager');
  await page.getByTestId('approval-name').fill(manager.name);
  await page.getByTestId('approval-pin').fill(manager.pin);
  await page.getByTestId('cancel-confirm').click();
  await expect(row).toHaveCount(0);
  expect((await shop.call<Order>('GET', `/orders/${sent.id}`)).status).toBe('cancelled');
  const audit = await shop.auditEntries();
  expect(audit.find((e) => e.action === 'order.cancelled' && e.order_id === sent.id)?.detail).toMatchObject({
    after_sent: true,
    approved_by: manager.name,
  });
});
