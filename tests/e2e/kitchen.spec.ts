// The kitchen board (issue 14), as cooks use it: orders appear within a second with every detail
// of their lines, bump to the server's next status and leave when ready, lines done on one screen
// show on another, recall brings bumps back, a bump bar's keys do the same, the all-day strip
// counts, stations and the pass follow the expo rule, and a screen that is cut off says so and
// comes back with exactly the right tickets.

import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { expectAccessible } from './support/axe';
import { Shop, type Role } from './support/shop';

const DOCS_SHOTS = join(__dirname, '..', '..', 'docs', 'screenshots');
const LIVE_MS = 1_000;
const CATCH_UP_MS = 20_000;

interface MenuItem {
  id: number;
  name: string;
  category_id: number;
  sold_out: boolean;
  sizes: { code: string; name: string }[];
  extras: { id: number; name: string }[];
  ingredients: { id: number; name: string }[];
}
interface Menu {
  categories: { id: number; name: string; halves_allowed: boolean; items: MenuItem[] }[];
}
interface Order {
  id: number;
  number: string;
  status: string;
  tracking_token: string;
}

let shop: Shop;
let menu: Menu;

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
  menu = await shop.call<Menu>('GET', '/menu');
});

test.afterAll(async () => {
  await shop.stop('SIGKILL');
  rmSync(shop.dataDir, { recursive: true, force: true });
});

const pizzas = () => must(menu.categories.find((c) => c.halves_allowed), 'pizza category').items.filter((i) => !i.sold_out);
const pizza = (index: number) => must(pizzas()[index], `pizza ${index}`);
const drink = () => must(must(menu.categories.find((c) => !c.halves_allowed && c.name.includes('dranken')), 'drinks').items[0], 'a drink');

/** A customer's order over the public API; answers with the 201's order. */
async function placeOrder(lines: unknown[], customer = 'Jan de Vries'): Promise<Order> {
  const response = await fetch(`${shop.url}/api/v1/orders`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() },
    body: JSON.stringify({
      lines,
      fulfilment: { type: 'pickup' },
      requested_time: null,
      contact: { name: customer, phone: '0612345678' },
    }),
  });
  expect(response.status, await response.clone().text()).toBe(201);
  const placed = (await response.json()) as { number: string; tracking_token: string };
  const id = await shop.orderId(placed.number);
  return { id, number: placed.number, status: 'placed', tracking_token: placed.tracking_token };
}

/** One pizza of its middle size: the simplest ticket. */
function pizzaLine(index = 0, quantity = 1): unknown {
  const item = pizza(index);
  return { item_id: item.id, size: must(item.sizes[1] ?? item.sizes[0], 'a size').code, quantity };
}

async function toPreparing(order: Order): Promise<void> {
  await shop.changeStatus(order.id, 'accepted');
  await shop.changeStatus(order.id, 'preparing');
}

async function openKitchen(browser: Browser | BrowserContext, role: Role = 'kitchen', size = { width: 1366, height: 768 }): Promise<Page> {
  const page = 'newContext' in browser ? await (await browser.newContext({ viewport: size })).newPage() : await browser.newPage();
  if (!('newContext' in browser)) await page.setViewportSize(size);
  await page.goto(`${shop.url}/kitchen`);
  const { name, pin } = shop.login(role);
  await page.getByLabel('Naam').fill(name);
  await page.getByLabel('Pincode').fill(pin);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page.getByTestId('sound-on')).toContainText('Geluid staat aan');
  await expect(connection(page)).toHaveAttribute('data-state', 'live', { timeout: 10_000 });
  return page;
}

const connection = (page: Page) => page.getByTestId('connection-state');
const ticket = (page: Page, number: string) => page.locator(`[data-testid="ticket"][data-number="${number}"]`);
const ticketNumbers = async (page: Page): Promise<string[]> =>
  (await page.getByTestId('ticket').evaluateAll((els) => els.map((el) => el.getAttribute('data-number') ?? ''))).sort();
const allDayCount = (page: Page, dish: string) => page.locator(`[data-testid="all-day"] li[data-dish="${dish}"]`);

async function track(order: Order): Promise<string> {
  const tracked = await shop.call<{ status: string }>('GET', `/orders/track/${order.tracking_token}`);
  return tracked.status;
}

/** The orders the kitchen still works on, as the API says. */
async function kitchenNumbers(): Promise<string[]> {
  const page = await shop.call<{ orders: { number: string }[] }>('GET', '/orders?status=placed,accepted,preparing&limit=500');
  return page.orders.map((o) => o.number).sort();
}

async function closeAll(): Promise<void> {
  // Orders left by an earlier test do not belong on the next one's board.
  const page = await shop.call<{ orders: { id: number }[] }>('GET', '/orders?status=placed,accepted,preparing,ready&limit=500');
  for (const order of page.orders) {
    await shop.call('POST', `/orders/${order.id}/status`, { status: 'cancelled', reason: 'opruimen na test' });
  }
}

test('a ticket appears within a second, bumps to ready, lines done show on a second screen, recall and keys', async ({ browser }) => {
  const first = await openKitchen(browser, 'kitchen', { width: 1920, height: 1080 });
  const second = await openKitchen(browser);
  await expectAccessible(first, 'the kitchen board');

  const [first_, other] = [pizza(0), pizza(1)];
  const size = must(first_.sizes[1] ?? first_.sizes[0], 'a size');
  const extra = must(first_.extras[0], 'an extra');
  const ingredient = must(first_.ingredients[0], 'an ingredient');
  const order = await placeOrder([
    {
      item_id: first_.id,
      size: size.code,
      quantity: 2,
      extras: [extra.id],
      removed_ingredients: [ingredient.id],
      note: 'goed doorbakken',
    },
    { item_id: first_.id, size: size.code, quantity: 1, second_half: { item_id: other.id } },
    { item_id: drink().id, quantity: 3 },
  ]);
  // Within a second of the 201, with every detail of its lines.
  const tile = ticket(first, order.number);
  await expect(tile).toBeVisible({ timeout: LIVE_MS });
  await expect(ticket(second, order.number)).toBeVisible({ timeout: LIVE_MS });
  const lines = tile.getByTestId('ticket-line');
  await expect(lines).toHaveCount(3);
  await expect(lines.nth(0)).toContainText('2×');
  await expect(lines.nth(0)).toContainText(`${first_.name} ${size.name}`);
  await expect(lines.nth(0)).toContainText(`+ ${extra.name}`);
  await expect(lines.nth(0)).toContainText(`− ${ingredient.name}`);
  await expect(lines.nth(0).locator('.tline__note')).toHaveText('Let op: goed doorbakken');
  await expect(lines.nth(1)).toContainText(`½ ${first_.name}`);
  await expect(lines.nth(1)).toContainText(`½ ${other.name}`);
  await expect(lines.nth(2).locator('.tline__qty')).toHaveText('3×');
  await expect(lines.nth(2).locator('.tline__name')).toHaveText(drink().name);
  await expect(tile.getByTestId('ticket-timer')).toHaveText(/nog \d+ min · (op tijd|bijna)/);
  // The kitchen may not accept: it waits for the counter.
  await expect(tile.getByTestId('bump')).toHaveCount(0);
  await expect(tile).toContainText('Wacht op de kassa');

  // The all-day strip counts what is open.
  const dish = `${first_.name} ${size.name}`;
  await expect(allDayCount(first, dish)).toHaveAttribute('data-count', '2');
  const more = await placeOrder([pizzaLine(0, 4)]);
  await expect(allDayCount(first, dish)).toHaveAttribute('data-count', '6', { timeout: LIVE_MS });

  // Accepted at the counter; the kitchen bumps it to preparing, then to ready: it leaves.
  await shop.changeStatus(order.id, 'accepted');
  await expect(tile.getByTestId('bump')).toHaveText('In de oven', { timeout: LIVE_MS });
  await first.screenshot({ path: join(DOCS_SHOTS, 'kitchen-1920x1080.png'), animations: 'disabled' });
  await tile.getByTestId('bump').click();
  await expect(tile).toHaveAttribute('data-status', 'preparing');

  // A line done on the first screen shows as done on the second.
  await lines.nth(0).getByRole('button').click();
  await expect(lines.nth(0)).toHaveAttribute('data-done', 'true');
  const mirrored = ticket(second, order.number).getByTestId('ticket-line').nth(0);
  await expect(mirrored).toHaveAttribute('data-done', 'true', { timeout: LIVE_MS });
  await expect(mirrored).toContainText('✓ klaar');
  await expect(allDayCount(second, dish)).toHaveAttribute('data-count', '4');

  await tile.getByTestId('bump').click();
  await expect(tile).toBeHidden({ timeout: LIVE_MS });
  await expect(ticket(second, order.number)).toBeHidden({ timeout: LIVE_MS });
  expect(await track(order)).toBe('ready');

  // Recall brings it back, on both screens.
  await first.getByTestId('recall').click();
  await expect(tile).toBeVisible({ timeout: LIVE_MS });
  await expect(tile).toHaveAttribute('data-status', 'preparing');
  await expect(ticket(second, order.number)).toBeVisible({ timeout: LIVE_MS });
  expect(await track(order)).toBe('preparing');

  // The bump bar: key 1 bumps the first ticket in due order, 0 recalls it.
  await toPreparing(more);
  const firstNumber = must(await first.getByTestId('ticket').first().getAttribute('data-number'), 'first ticket');
  const firstId = must([order, more].find((o) => o.number === firstNumber), 'the first order');
  await first.keyboard.press('1');
  await expect(ticket(first, firstNumber)).toBeHidden({ timeout: LIVE_MS });
  expect(await track(firstId)).toBe('ready');
  await first.keyboard.press('0');
  await expect(ticket(first, firstNumber)).toBeVisible({ timeout: LIVE_MS });
  expect(await track(firstId)).toBe('preparing');
  // Arrows select, Enter bumps the selected one: the second ticket this time.
  const secondNumber = must(await first.getByTestId('ticket').nth(1).getAttribute('data-number'), 'second ticket');
  await first.keyboard.press('ArrowRight');
  await expect(first.getByTestId('ticket').nth(1)).toHaveClass(/ticket--selected/);
  await first.keyboard.press('Enter');
  await expect(ticket(first, secondNumber)).toBeHidden({ timeout: LIVE_MS });
  await expect(ticket(second, secondNumber)).toBeHidden({ timeout: LIVE_MS });
  // After a bump to ready the all-day strip counts only what is left (line 1 of the first
  // order is done already: only the second order's 4 were open).
  if (secondNumber === more.number) await expect(allDayCount(first, dish)).toHaveCount(0);
  else await expect(allDayCount(first, dish)).toHaveAttribute('data-count', '4');
  await first.keyboard.press('r');
  await expect(ticket(first, secondNumber)).toBeVisible({ timeout: LIVE_MS });
  await expect(allDayCount(first, dish)).toHaveAttribute('data-count', '4');
  await second.screenshot({ path: join(DOCS_SHOTS, 'kitchen-1366x768.png'), animations: 'disabled' });
  await expectAccessible(second, 'the kitchen board at 1366×768');
  await closeAll();
  await first.context().close();
  await second.context().close();
});

test('with two stations each screen shows its lines, and the pass bumps only when both finished', async ({ browser }) => {
  const pizzaCategory = must(menu.categories.find((c) => c.halves_allowed), 'pizza category').id;
  const others = menu.categories.filter((c) => c.id !== pizzaCategory).map((c) => c.id);
  await shop.call('PUT', '/kitchen/stations', {
    stations: [
      { code: 'oven', name: 'Oven', category_ids: [pizzaCategory] },
      { code: 'koud', name: 'Koud', category_ids: others },
    ],
  });
  const oven = await openKitchen(browser);
  const cold = await openKitchen(browser);
  const pass = await openKitchen(browser);
  await oven.getByTestId('station-picker').selectOption('oven');
  await cold.getByTestId('station-picker').selectOption('koud');
  await pass.getByTestId('station-picker').selectOption('expo');

  const order = await placeOrder([pizzaLine(0, 1), { item_id: drink().id, quantity: 2 }]);
  await toPreparing(order);
  // Each station sees only its own lines; the number and due time always.
  await expect(ticket(oven, order.number).getByTestId('ticket-line')).toHaveCount(1, { timeout: LIVE_MS });
  await expect(ticket(oven, order.number)).toContainText(pizza(0).name);
  await expect(ticket(cold, order.number).getByTestId('ticket-line')).toHaveText([new RegExp(drink().name)]);
  await expect(ticket(cold, order.number)).toContainText(/Klaar om \d\d:\d\d/);
  const passTile = ticket(pass, order.number);
  await expect(passTile.locator('[data-station="oven"]')).toHaveAttribute('data-done', 'false');
  await expect(passTile.locator('[data-station="koud"]')).toHaveAttribute('data-done', 'false');

  // The pass cannot send it out before both stations finished: the server says why.
  await passTile.getByTestId('bump').click();
  await expect(pass.getByTestId('kitchen-message')).toContainText('nog niet klaar');
  expect(await track(order)).toBe('preparing');

  // A station's bump marks its lines done; its recall key brings them back, then bump again.
  await ticket(oven, order.number).getByTestId('bump').click();
  await expect(ticket(oven, order.number)).toBeHidden({ timeout: LIVE_MS });
  await oven.keyboard.press('r');
  await expect(ticket(oven, order.number)).toBeVisible({ timeout: LIVE_MS });
  await expect(ticket(oven, order.number).getByTestId('ticket-line')).toHaveAttribute('data-done', 'false');
  await oven.keyboard.press('1');
  await expect(ticket(oven, order.number)).toBeHidden({ timeout: LIVE_MS });
  await expect(passTile.locator('[data-station="oven"]')).toHaveAttribute('data-done', 'true', { timeout: LIVE_MS });
  await expect(passTile).not.toContainText('Klaar voor de pas');
  await passTile.getByTestId('bump').click();
  await expect(pass.getByTestId('kitchen-message')).toContainText('Koud is nog bezig');

  await ticket(cold, order.number).getByTestId('bump').click();
  await expect(passTile.locator('[data-station="koud"]')).toHaveAttribute('data-done', 'true', { timeout: LIVE_MS });
  await expect(passTile).toContainText('Klaar voor de pas');
  await pass.screenshot({ path: join(DOCS_SHOTS, 'kitchen-expo-1366x768.png'), animations: 'disabled' });
  await expectAccessible(pass, 'the pass');
  await passTile.getByTestId('bump').click();
  await expect(passTile).toBeHidden({ timeout: LIVE_MS });
  expect(await track(order)).toBe('ready');

  await shop.call('PUT', '/kitchen/stations', { stations: [] });
  for (const page of [oven, cold, pass]) await page.context().close();
  await closeAll();
});

test('two kitchen screens cut off (server stopped, then only the socket blocked) come back with exactly the right tickets', async ({ browser }) => {
  let blocked = false;
  const contexts: BrowserContext[] = [];
  const pages: Page[] = [];
  const sockets: { close: () => Promise<void> }[] = [];
  for (let i = 0; i < 2; i += 1) {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    await context.routeWebSocket(/\/api\/v1\/ws/, (socket) => {
      if (blocked) {
        void socket.close({ code: 1006 });
        return;
      }
      socket.connectToServer();
      sockets.push({ close: () => socket.close({ code: 1006 }) });
    });
    contexts.push(context);
    pages.push(await openKitchen(context));
  }
  const third = await placeOrder([pizzaLine(1, 1)], 'Derde');
  await shop.changeStatus(third.id, 'accepted');
  for (const page of pages) await expect(ticket(page, third.number)).toBeVisible({ timeout: LIVE_MS });

  // The server stops: both screens show the banner after a few seconds.
  await shop.stop('SIGKILL');
  for (const page of pages) await expect(page.getByTestId('offline-banner')).toBeVisible({ timeout: 10_000 });
  await must(pages[0], 'page 1').screenshot({ path: join(DOCS_SHOTS, 'kitchen-offline-1366x768.png'), animations: 'disabled' });
  await shop.restart();
  await shop.logInApi('owner');
  const a = await placeOrder([pizzaLine(0, 1)], 'Een');
  const b = await placeOrder([pizzaLine(0, 2)], 'Twee');
  await shop.changeStatus(third.id, 'preparing');
  await shop.changeStatus(third.id, 'ready');
  const expected = await kitchenNumbers();
  expect(expected).toEqual(expect.arrayContaining([a.number, b.number]));
  expect(expected).not.toContain(third.number);
  for (const page of pages) {
    await expect(connection(page)).toHaveAttribute('data-state', 'live', { timeout: CATCH_UP_MS });
    await expect.poll(() => ticketNumbers(page), { timeout: CATCH_UP_MS }).toEqual(expected);
    await expect(page.getByTestId('offline-banner')).toBeHidden();
  }

  // Now only the socket is blocked (a proxy, a Wi-Fi hiccup): the banner, then polling catches up.
  blocked = true;
  for (const socket of sockets.splice(0)) await socket.close();
  for (const page of pages) await expect(page.getByTestId('offline-banner')).toBeVisible({ timeout: 10_000 });
  const c = await placeOrder([pizzaLine(0, 1)], 'Drie');
  const d = await placeOrder([pizzaLine(1, 1)], 'Vier');
  await shop.changeStatus(a.id, 'accepted');
  await shop.call('POST', `/orders/${b.id}/status`, { status: 'cancelled', reason: 'klant belde af' });
  blocked = false;
  const expectedAfter = await kitchenNumbers();
  expect(expectedAfter).toEqual(expect.arrayContaining([a.number, c.number, d.number]));
  expect(expectedAfter).not.toContain(b.number);
  for (const page of pages) {
    await expect.poll(() => ticketNumbers(page), { timeout: CATCH_UP_MS }).toEqual(expectedAfter);
    await expect(connection(page)).toHaveAttribute('data-state', 'live', { timeout: CATCH_UP_MS });
    await expect(ticket(page, a.number)).toHaveAttribute('data-status', 'accepted');
  }
  for (const context of contexts) await context.close();
  await closeAll();
});

test('a kitchen screen offers no admin actions, and the API refuses them', async ({ browser }) => {
  const page = await openKitchen(browser);
  const order = await placeOrder([pizzaLine(0, 1)]);
  await expect(ticket(page, order.number)).toBeVisible({ timeout: LIVE_MS });
  for (const name of [/Annuleren/i, /Instellingen/i, /Afwijzen/i, /Uitloggen/i]) {
    await expect(page.getByRole('button', { name })).toHaveCount(0);
    await expect(page.getByRole('link', { name })).toHaveCount(0);
  }
  const { name, pin } = shop.login('kitchen');
  const login = await fetch(`${shop.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name, pin }),
  });
  const { token } = (await login.json()) as { token: string };
  const asKitchen = (method: string, path: string, body?: unknown) =>
    fetch(`${shop.url}/api/v1${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: body === undefined ? null : JSON.stringify(body),
    });
  expect((await asKitchen('POST', `/orders/${order.id}/status`, { status: 'cancelled', reason: 'x' })).status).toBe(403);
  expect((await asKitchen('POST', `/orders/${order.id}/status`, { status: 'accepted' })).status).toBe(403);
  expect((await asKitchen('PUT', '/kitchen/stations', { stations: [] })).status).toBe(403);
  expect((await asKitchen('PUT', '/settings', {})).status).toBe(403);
  expect((await asKitchen('GET', '/outbox')).status).toBe(403);
  await page.context().close();
  await closeAll();
});

test('the owner maps categories to stations in the settings', async ({ browser }) => {
  const page = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
  await page.goto(`${shop.url}/staff`);
  const { name, pin } = shop.login('owner');
  await page.getByLabel('Naam').fill(name);
  await page.getByLabel('Pincode').fill(pin);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(connection(page)).toHaveAttribute('data-state', 'live', { timeout: 10_000 });
  await page.goto(`${shop.url}/settings`);
  const section = page.getByTestId('stations');
  await expect(section).toContainText('Geen stations');
  await section.getByRole('button', { name: 'Station toevoegen' }).click();
  const station = section.getByTestId('station-edit');
  await station.getByLabel('Naam').fill('Oven');
  await station.getByLabel('Code (kleine letters, zoals oven)').fill('Oven!');
  const pizzaCategory = must(
    menu.categories.find((c) => c.halves_allowed),
    'pizza category',
  );
  await station.getByRole('checkbox', { name: pizzaCategory.name }).check();
  await section.getByRole('button', { name: 'Stations bewaren' }).click();
  await expect(section.getByTestId('stations-note')).toContainText('stationcode');
  await station.getByLabel('Code (kleine letters, zoals oven)').fill('oven');
  await section.getByRole('button', { name: 'Stations bewaren' }).click();
  await expect(section.getByTestId('stations-note')).toHaveText('De stations zijn opgeslagen.');
  const saved = await shop.call<{ stations: { code: string; category_ids: number[] }[] }>('GET', '/kitchen/stations');
  expect(saved.stations).toEqual([{ code: 'oven', name: 'Oven', category_ids: [pizzaCategory.id] }]);
  await expectAccessible(page, 'the stations in the settings');
  await shop.call('PUT', '/kitchen/stations', { stations: [] });
  await page.context().close();
});
