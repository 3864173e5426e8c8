// The owner's live board (issue 14, A1–A3, R4): today's orders live, new ones highlighted until
// seen, cards dragged between status columns (or moved with the keyboard) with the change checked
// through the API, a confirmation before cancelling, undo, counters; the list view's filters,
// search and paging find the right orders.

import { expect, test, type Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { expectAccessible } from './support/axe';
import { Shop } from './support/shop';

const DOCS_SHOTS = join(__dirname, '..', '..', 'docs', 'screenshots');
const LIVE_MS = 1_000;

interface Menu {
  categories: { halves_allowed: boolean; items: { id: number; sold_out: boolean; sizes: { code: string }[] }[] }[];
}

let shop: Shop;

/** The value, or a failure naming what was missing (instead of a non-null assertion). */
function must<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`missing: ${what}`);
  return value;
}

test.beforeAll(async () => {
  mkdirSync(DOCS_SHOTS, { recursive: true });
  // Many orders from one address in a minute: more than a customer may place.
  shop = await Shop.start({ FORNO_ORDERS_PER_MINUTE: '10000' });
  await shop.logInApi('owner');
});

test.afterAll(async () => {
  await shop.stop('SIGKILL');
  rmSync(shop.dataDir, { recursive: true, force: true });
});

interface Placed {
  id: number;
  number: string;
}

async function place(name: string, phone: string): Promise<Placed> {
  const menu = await shop.call<Menu>('GET', '/menu');
  const item = must(must(menu.categories.find((c) => c.halves_allowed), 'pizzas').items.find((i) => !i.sold_out), 'a pizza');
  const response = await fetch(`${shop.url}/api/v1/orders`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() },
    body: JSON.stringify({
      lines: [{ item_id: item.id, size: must(item.sizes[0], 'a size').code, quantity: 1 }],
      fulfilment: { type: 'pickup' },
      requested_time: null,
      contact: { name, phone },
    }),
  });
  const text = await response.text();
  expect(response.status, text).toBe(201);
  const number = (JSON.parse(text) as { number: string }).number;
  return { id: await shop.orderId(number), number };
}

async function status(order: Placed): Promise<string> {
  return (await shop.call<{ status: string }>('GET', `/orders/${order.id}`)).status;
}

async function openAdmin(page: Page): Promise<void> {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(`${shop.url}/admin`);
  const { name, pin } = shop.login('owner');
  await page.getByLabel('Naam').fill(name);
  await page.getByLabel('Pincode').fill(pin);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'live', { timeout: 10_000 });
}

const card = (page: Page, number: string) => page.locator(`[data-testid="admin-card"][data-number="${number}"]`);
const column = (page: Page, status: string) => page.getByTestId(`column-${status}`);

test('the owner drags, moves by keyboard, undoes and cancels on the live board', async ({ page }) => {
  await openAdmin(page);
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Instellingen' })).toHaveAttribute('href', '/settings');

  const first = await place('Anna de Boer', '0611111111');
  const second = await place('Bram Visser', '0622222222');
  // Live, and new until someone has seen it.
  await expect(card(page, first.number)).toBeVisible({ timeout: LIVE_MS });
  await expect(card(page, first.number)).toHaveClass(/admin-card--new/);
  await expect(column(page, 'placed').getByTestId('column-count')).toHaveText('2');
  await card(page, first.number).getByRole('button', { name: `Bestelling ${first.number} gezien` }).click();
  await expect(card(page, first.number)).not.toHaveClass(/admin-card--new/);

  await shop.changeStatus(first.id, 'accepted');
  await shop.changeStatus(first.id, 'preparing');
  await expect(column(page, 'preparing').locator(`[data-number="${first.number}"]`)).toBeVisible({ timeout: LIVE_MS });

  // Dragged from preparing to ready: the API says ready.
  await card(page, first.number).dragTo(column(page, 'ready'), { sourcePosition: { x: 8, y: 8 } });
  await expect(column(page, 'ready').locator(`[data-number="${first.number}"]`)).toBeVisible();
  expect(await status(first)).toBe('ready');
  await expect(column(page, 'ready').getByTestId('column-count')).toHaveText('1');
  await page.screenshot({ path: join(DOCS_SHOTS, 'admin-board-1366x768.png'), animations: 'disabled' });

  // Undo moves it back.
  await page.getByTestId('undo').click();
  await expect(column(page, 'preparing').locator(`[data-number="${first.number}"]`)).toBeVisible();
  expect(await status(first)).toBe('preparing');

  // The keyboard alternative: pick the status on the card and move.
  const select = card(page, first.number).getByTestId('move-select');
  await select.focus();
  await select.selectOption('ready');
  await card(page, first.number).getByTestId('move').press('Enter');
  await expect(column(page, 'ready').locator(`[data-number="${first.number}"]`)).toBeVisible();
  expect(await status(first)).toBe('ready');

  // Cancelling asks first; "no" keeps it, "yes" with a reason cancels it.
  await card(page, second.number).dragTo(column(page, 'cancelled'), { sourcePosition: { x: 8, y: 8 } });
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(`Bestelling ${second.number} annuleren?`);
  await expectAccessible(page, 'the cancel dialog');
  await dialog.getByRole('button', { name: 'Nee, laten staan' }).click();
  expect(await status(second)).toBe('placed');
  await card(page, second.number).dragTo(column(page, 'cancelled'), { sourcePosition: { x: 8, y: 8 } });
  await dialog.getByLabel('Reden (komt in het logboek)').fill('klant belde af');
  await dialog.getByRole('button', { name: 'Ja, annuleren' }).click();
  await expect(column(page, 'cancelled').locator(`[data-number="${second.number}"]`)).toBeVisible();
  expect(await status(second)).toBe('cancelled');
  await expectAccessible(page, 'the admin board');
});

test('the list finds orders by filters and search, page by page', async ({ page }) => {
  const named = await place('Çelik Yılmaz', '0633333333');
  const many: Placed[] = [];
  for (let i = 0; i < 21; i += 1) many.push(await place(`Klant ${i}`, `06444444${String(i).padStart(2, '0')}`));
  await shop.changeStatus(named.id, 'accepted');

  await openAdmin(page);
  await page.getByRole('navigation').getByRole('link', { name: 'Lijst' }).click();
  await expect(page).toHaveURL(/view=list/);
  await expect(page.getByTestId('list-row')).toHaveCount(20);
  const total = await page.getByTestId('list-total').innerText();
  expect(total).toMatch(/^1–20 van \d+$/);
  await page.getByTestId('next-page').click();
  await expect(page.getByTestId('list-total')).toContainText('21–');

  // Search by name (any alphabet's case), by phone, by number.
  await page.getByTestId('filter-q').fill('çelik');
  await page.getByTestId('filter-apply').click();
  await expect(page.getByTestId('list-row')).toHaveCount(1);
  await expect(page.getByTestId('list-row')).toHaveAttribute('data-number', named.number);
  await page.getByTestId('filter-q').fill('06444444 07');
  await page.getByTestId('filter-apply').click();
  await expect(page.getByTestId('list-row')).toHaveAttribute('data-number', must(many[7], 'order 8').number);

  // Status and fulfilment filters, and the date range.
  await page.getByTestId('filter-q').fill('');
  await page.getByTestId('filter-status').selectOption('accepted');
  await page.getByTestId('filter-apply').click();
  await expect(page.getByTestId('list-row')).toHaveCount(1);
  await expect(page.getByTestId('list-row')).toHaveAttribute('data-number', named.number);
  await page.getByTestId('filter-status').selectOption('');
  await page.getByTestId('filter-fulfilment').selectOption('delivery');
  await page.getByTestId('filter-apply').click();
  await expect(page.getByTestId('list-total')).toHaveText('Geen bestellingen gevonden.');
  await page.getByTestId('filter-fulfilment').selectOption('pickup');
  await page.getByTestId('filter-from').fill('2020-01-01');
  await page.getByTestId('filter-to').fill('2020-01-31');
  await page.getByTestId('filter-apply').click();
  await expect(page.getByTestId('list-total')).toHaveText('Geen bestellingen gevonden.');
  await page.getByTestId('filter-from').fill('');
  await page.getByTestId('filter-to').fill('');
  await page.getByTestId('filter-apply').click();
  await expect(page.getByTestId('list-row')).toHaveCount(20);
  await page.screenshot({ path: join(DOCS_SHOTS, 'admin-list-1366x768.png'), animations: 'disabled' });
  await expectAccessible(page, 'the admin list');
});
