// The counter (issue 9) as a cashier uses it on a Friday night, at 1366×768: PIN pad login,
// a walk-in order paid cash with change, a split between cash and card, a phone delivery for a
// returning customer, web orders that ring and are accepted or rejected, a discount that needs
// the manager's PIN; and the taps for "1 large Margherita + 1 cola, paid cash exact".

import { expect, test, type Page } from '@playwright/test';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { expectAccessible } from './support/axe';
import { Shop } from './support/shop';

const SCREENSHOTS = join(__dirname, '..', '..', 'docs', 'screenshots');
const WIDE = { width: 1366, height: 768 };

let shop: Shop;

interface Order {
  id: number;
  number: string;
  status: string;
  channel: string;
  total_cents: number;
  open_cents: number;
  payment_state: string;
  tracking_token: string;
  payments: { method: string; amount_cents: number; tendered_cents: number | null; change_cents: number | null }[];
  lines: { item_name: string; size: string; quantity: number }[];
  fulfilment: { type: string; address: { street: string; postcode: string } | null };
  contact: { name: string; phone: string } | null;
}

interface Tracked {
  status: string;
  estimated_ready_at: string;
  customer_message: string | null;
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

/** The newest orders as staff see them. */
async function latestOrder(): Promise<Order> {
  const page = await shop.call<{ orders: Order[] }>('GET', '/orders?limit=1');
  const order = page.orders[0];
  if (!order) throw new Error('no orders');
  return order;
}

/** Opens the counter and logs the cashier in with the tiles and the PIN pad. */
async function logIn(page: Page): Promise<void> {
  await page.goto(`${shop.url}/counter`);
  const { name, pin } = shop.login('cashier');
  await expect(page.getByTestId('login-tiles')).toBeVisible();
  await expectAccessible(page, 'the counter login tiles');
  await page.getByTestId('login-tiles').getByRole('button', { name }).click();
  for (const digit of pin) await page.getByRole('button', { name: digit, exact: true }).click();
  await expect(page.getByTestId('pin-dots')).toContainText('●'.repeat(pin.length));
  await page.getByRole('button', { name: 'OK', exact: true }).click();
  await expect(page.getByTestId('cashier')).toHaveText(name);
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'live', { timeout: 10_000 });
}

const tab = (page: Page, name: string) => page.getByRole('tab', { name });
const item = (page: Page, name: string) => page.locator('.item-tile__main', { hasText: name });

test('a cashier takes a walk-in order of three items and pays cash with €50', async ({ page }) => {
  await page.setViewportSize(WIDE);
  await logIn(page);
  await tab(page, "Pizza's").click();
  await item(page, 'Margherita').click();
  await page.getByRole('button', { name: 'Salami 35 cm toevoegen' }).click();
  await tab(page, 'Frisdranken').click();
  await item(page, 'Coca-Cola').click();
  await expect(page.getByTestId('cart-line')).toHaveCount(3);
  await expect(page.getByTestId('cart-total')).toBeVisible();
  await tab(page, "Pizza's").click();
  await page.screenshot({ path: join(SCREENSHOTS, 'counter-1366x768.png') });
  await expectAccessible(page, 'the register with a cart');

  await page.getByTestId('pay').click();
  await expect(page.getByTestId('pay-dialog')).toBeVisible();
  await expectAccessible(page, 'the payment dialog');
  const placed = await latestOrder();
  expect(placed.lines.map((l) => [l.item_name, l.size])).toEqual([
    ['Margherita', '30'],
    ['Salami', '35'],
    ['Coca-Cola 33cl', 'regular'],
  ]);
  await expect(page.getByTestId('pay-total')).toHaveText(euro(placed.total_cents));
  await page.getByTestId('cash-50').click();
  await expect(page.getByTestId('change')).toContainText(euro(5000 - placed.total_cents));
  await expect(page.getByTestId('paid')).toBeVisible();
  await page.screenshot({ path: join(SCREENSHOTS, 'counter-paid-change.png') });
  // No printer in this shop: the drawer button says so in the server's words, never "open".
  await page.getByTestId('drawer').first().click();
  await expect(page.getByTestId('drawer-note').first()).toContainText('Er is geen printer ingesteld die de kassalade opent');

  const paid = await shop.call<Order>('GET', `/orders/${placed.id}`);
  expect(paid.payment_state).toBe('paid');
  expect(paid.status).toBe('accepted'); // paid: it went to the kitchen
  expect(paid.payments).toEqual([
    expect.objectContaining({ method: 'cash', amount_cents: placed.total_cents, tendered_cents: 5000, change_cents: 5000 - placed.total_cents }),
  ]);
  await page.getByTestId('pay-done').click();
  await expect(page.getByTestId('cart-line')).toHaveCount(0);
});

test('another order is split between cash and card', async ({ page }) => {
  await page.setViewportSize(WIDE);
  await logIn(page);
  await item(page, 'Margherita').click();
  await item(page, 'Margherita').click();
  await expect(page.getByTestId('cart-line')).toHaveText([/2×/]);
  await page.getByTestId('pay').click();
  await page.getByTestId('pay-amount').fill('10');
  await page.getByTestId('cash-exact').click();
  await expect(page.getByTestId('payments')).toContainText(euro(1000));
  const order = await latestOrder();
  await expect(page.getByTestId('pay-open')).toHaveText(euro(order.total_cents - 1000));
  await page.getByTestId('card-paid').click();
  await expect(page.getByTestId('paid')).toBeVisible();
  const paid = await shop.call<Order>('GET', `/orders/${order.id}`);
  expect(paid.payment_state).toBe('paid');
  expect(paid.payments.map((p) => [p.method, p.amount_cents])).toEqual([
    ['cash', 1000],
    ['card', order.total_cents - 1000],
  ]);
});

test('a phone delivery for a customer who ordered before pre-fills the address', async ({ page }) => {
  // Ordered before, on the web, to Dorpsstraat 12 in the Centrum zone.
  const menu = await shop.call<{ categories: { items: { id: number; name: string }[] }[] }>('GET', '/menu');
  const margherita = menu.categories.flatMap((c) => c.items).find((i) => i.name === 'Margherita');
  const earlier = await shop.call<{ tracking_token: string }>(
    'POST',
    '/orders',
    {
      lines: [{ item_id: margherita?.id, size: '35', quantity: 2 }],
      fulfilment: { type: 'delivery', address: { street: 'Dorpsstraat', house_number: '12', postcode: '1012 AB', city: 'Amsterdam' } },
      requested_time: null,
      contact: { name: 'Fatima Bakker', phone: '06 8765 4321' },
      channel: 'web',
    },
  );
  const before = await latestOrder();
  expect(before.tracking_token).toBe(earlier.tracking_token);
  await shop.changeStatus(before.id, 'accepted');

  await page.setViewportSize(WIDE);
  await logIn(page);
  await page.getByRole('button', { name: 'Telefoon · bezorgen' }).click();
  await page.getByTestId('caller-phone').fill('0687654321');
  await page.getByRole('button', { name: 'Zoeken' }).click();
  await expect(page.getByTestId('caller-found')).toContainText('Fatima Bakker');
  await expect(page.getByTestId('caller-name')).toHaveValue('Fatima Bakker');
  await expect(page.getByTestId('address-street')).toHaveValue('Dorpsstraat');
  await expect(page.getByTestId('address-postcode')).toHaveValue('1012 AB');
  await page.getByRole('button', { name: 'Margherita 35 cm toevoegen' }).click();
  await page.getByRole('button', { name: 'Margherita 35 cm toevoegen' }).click();
  await expect(page.getByTestId('cart-totals')).toContainText('Bezorgkosten');
  await page.getByTestId('send').click();
  await expect(page.getByTestId('counter-note')).toContainText('staat in de keuken');
  const phoned = await latestOrder();
  expect(phoned.channel).toBe('phone');
  expect(phoned.status).toBe('accepted');
  expect(phoned.payment_state).toBe('unpaid');
  expect(phoned.fulfilment.address?.street).toBe('Dorpsstraat');
  expect(phoned.contact?.name).toBe('Fatima Bakker');
});

test('web orders ring on the counter; one is accepted with 20 minutes, one rejected with a reason', async ({ page }) => {
  await page.setViewportSize(WIDE);
  await logIn(page);
  await expect(page.getByTestId('incoming-badge')).toHaveCount(0);

  const first = await shop.placeWebOrder('Noor Visser');
  const card = page.locator(`[data-testid="incoming-order"][data-number="${first.order_number}"]`);
  await expect(card).toBeVisible({ timeout: 5_000 });
  await expect(page.getByTestId('incoming-badge')).toHaveText('1 nieuw');
  await expect(page.getByTestId('incoming')).not.toHaveAttribute('data-rings', '0');
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.screenshot({ path: join(SCREENSHOTS, 'counter-1024x768-incoming.png') });
  await expectAccessible(page, 'the counter with an incoming order at 1024×768');
  await page.setViewportSize(WIDE);

  const clicked = Date.now();
  await card.getByTestId('accept-20').click();
  await expect(card).toHaveCount(0);
  const accepted = await shop.call<Tracked>('GET', `/orders/track/${first.tracking_token}`);
  expect(accepted.status).toBe('accepted');
  const promised = Date.parse(accepted.estimated_ready_at) - clicked;
  expect(promised).toBeGreaterThan(19 * 60_000);
  expect(promised).toBeLessThan(21 * 60_000);

  const second = await shop.placeWebOrder('Daan de Boer');
  const other = page.locator(`[data-testid="incoming-order"][data-number="${second.order_number}"]`);
  await expect(other).toBeVisible({ timeout: 5_000 });
  await other.getByTestId('reject').click();
  await other.getByRole('button', { name: 'Te druk' }).click();
  await other.getByTestId('confirm-reject').click();
  await expect(other).toHaveCount(0);
  const rejected = await shop.call<Tracked>('GET', `/orders/track/${second.tracking_token}`);
  expect(rejected.status).toBe('rejected');
  expect(rejected.customer_message).toBe('Te druk');
  // The customer's tracking page says it in the shop's words.
  await page.goto(`${shop.url}/track/${second.tracking_token}`);
  await expect(page.getByTestId('order-status')).toHaveAttribute('data-status', 'rejected');
  await expect(page.getByTestId('shop-message')).toContainText('Te druk');
});

test('a discount by the cashier needs the manager PIN, and is then priced and audited', async ({ page }) => {
  await page.setViewportSize(WIDE);
  await logIn(page);
  await item(page, 'Margherita').click();
  await page.getByTestId('pay').click();
  await expect(page.getByTestId('pay-dialog')).toBeVisible();
  const order = await latestOrder();
  await page.getByTestId('discount').click();
  await page.getByTestId('discount-value').fill('10');
  await page.getByTestId('discount-reason').fill('vaste klant');
  await page.getByTestId('discount-give').click();
  await expect(page.getByTestId('discount-problem')).toContainText('manager');
  expect((await shop.call<Order>('GET', `/orders/${order.id}`)).total_cents).toBe(order.total_cents);

  const manager = shop.login('manager');
  await page.getByTestId('approval-name').fill(manager.name);
  await page.getByTestId('approval-pin').fill(manager.pin);
  await page.getByTestId('discount-give').click();
  const off = Math.round(order.total_cents / 10);
  await expect(page.getByTestId('pay-total')).toHaveText(euro(order.total_cents - off));
  await expect(page.getByTestId('discounts')).toContainText('vaste klant');

  const audit = await shop.auditEntries();
  const entry = audit.find((e) => e.action === 'order.discounted' && e.order_id === order.id);
  expect(entry?.detail).toMatchObject({
    given_by: shop.login('cashier').name,
    approved_by: manager.name,
    amount_cents: off,
  });
  await page.getByTestId('cash-exact').click();
  await expect(page.getByTestId('paid')).toBeVisible();
});

test('1 large Margherita + 1 cola, paid cash exact, takes 5 taps', async ({ page }) => {
  await page.setViewportSize(WIDE);
  await logIn(page);
  let taps = 0;
  const tap = async (target: ReturnType<Page['getByRole']>) => {
    await target.click();
    taps += 1;
  };
  await tap(page.getByRole('button', { name: 'Margherita 35 cm toevoegen' }));
  await tap(tab(page, 'Frisdranken'));
  await tap(page.getByRole('button', { name: /Coca-Cola/ }).first());
  await expect(page.getByTestId('cart-total')).toBeVisible();
  await tap(page.getByTestId('pay'));
  await tap(page.getByTestId('cash-exact'));
  await expect(page.getByTestId('paid')).toBeVisible();
  const order = await latestOrder();
  expect(order.lines.map((l) => [l.item_name, l.size, l.quantity])).toEqual([
    ['Margherita', '35', 1],
    ['Coca-Cola 33cl', 'regular', 1],
  ]);
  expect(order.payment_state).toBe('paid');
  expect(taps).toBeLessThanOrEqual(5);
  console.log(`taps for 1 large Margherita + 1 cola, paid cash exact: ${taps}`);
});

test('an answer lost on the way back does not make a second order when the cashier taps again', async ({ page }) => {
  await page.setViewportSize(WIDE);
  await logIn(page);
  const before = (await shop.call<{ total: number }>('GET', '/orders?limit=1')).total;
  // The first POST /orders reaches the server (the order is placed), but its answer is lost.
  let posts = 0;
  const keys: string[] = [];
  await page.route('**/api/v1/orders', async (route) => {
    if (route.request().method() !== 'POST') return route.continue();
    posts += 1;
    keys.push(route.request().headers()['idempotency-key'] ?? '');
    if (posts === 1) {
      await route.fetch();
      return route.abort('connectionreset');
    }
    return route.continue();
  });
  await page.getByRole('button', { name: 'Margherita 35 cm toevoegen' }).click();
  await expect(page.getByTestId('cart-total')).toBeVisible();
  await page.getByTestId('pay').click();
  await expect(page.getByTestId('pay')).toBeEnabled();
  await page.getByTestId('pay').click();
  await page.getByTestId('cash-exact').click();
  await expect(page.getByTestId('paid')).toBeVisible();
  expect(posts).toBe(2);
  expect(keys[0]).toMatch(/^[0-9a-f]{32}$/);
  expect(keys[1]).toBe(keys[0]);
  const after = await shop.call<{ total: number }>('GET', '/orders?limit=1');
  expect(after.total).toBe(before + 1);
  expect((await latestOrder()).payment_state).toBe('paid');
});
