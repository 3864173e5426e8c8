// The customers' ordering page (`/`), as a customer uses it on a phone and on a laptop: choose
// pizzas (a size with extras, a half-and-half), a drink, edit the cart, check out for delivery,
// see the confirmation, follow the order live. And every way it can go wrong is said in words
// with nothing ordered: a postcode outside the zones, an order below the zone's minimum, the
// shop paused, an item sold out between adding it and ordering. Real server, real Chromium.

import { expect, test, type Browser, type Page } from '@playwright/test';
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expectAccessible } from './support/axe';
import { Shop } from './support/shop';

const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1280, height: 800 };
const DOCS = join(resolve(__dirname, '..', '..'), 'docs', 'screenshots');
const ALL_STATUSES = 'placed,accepted,preparing,ready,out_for_delivery,completed,cancelled,rejected';

interface MenuItem {
  id: number;
  names: { nl: string; en: string };
  sizes: { code: string }[];
  extras: { id: number; names: { nl: string } }[];
}

let shop: Shop;
let items: MenuItem[];

test.beforeAll(async () => {
  mkdirSync(DOCS, { recursive: true });
  shop = await Shop.start();
  await shop.logInApi('manager');
  const menu = await shop.call<{ categories: { items: MenuItem[] }[] }>('GET', '/menu');
  items = menu.categories.flatMap((c) => c.items);
});

test.afterAll(async () => {
  await shop.stop('SIGKILL');
  rmSync(shop.dataDir, { recursive: true, force: true });
});

const item = (name: string): MenuItem => {
  const found = items.find((i) => i.names.nl === name);
  if (!found) throw new Error(`no ${name} on the demo menu`);
  return found;
};

async function orderCount(): Promise<number> {
  const page = await shop.call<{ orders: unknown[] }>('GET', `/orders?status=${ALL_STATUSES}&limit=500`);
  return page.orders.length;
}

async function openPage(browser: Browser, viewport = PHONE, locale = 'nl-NL'): Promise<Page> {
  const context = await browser.newContext({ viewport, locale });
  const page = await context.newPage();
  await page.goto(`${shop.url}/`);
  await expect(page.getByRole('heading', { level: 1, name: 'Pizzeria Da Marco' })).toBeVisible();
  return page;
}

/** Opens an item's dialog from its "+" button. */
async function choose(page: Page, name: string, lang: 'nl' | 'en' = 'nl') {
  await page.getByRole('button', { name: lang === 'nl' ? `${name} kiezen` : `Choose ${name}` }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  return dialog;
}

/** The dialog's button once the server has priced the line. */
async function addFromDialog(page: Page): Promise<string> {
  const save = page.getByTestId('dialog-save');
  await expect(save).toBeEnabled();
  const text = (await save.textContent()) ?? '';
  await save.click();
  await expect(page.getByRole('dialog')).toBeHidden();
  return text;
}

const euro = (cents: number) => `€ ${(cents / 100).toFixed(2).replace('.', ',')}`;

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(DOCS, `${name}.png`), fullPage: false });
}

test('a phone orders pizzas and a drink for delivery, and follows the order live', async ({ browser }) => {
  const page = await openPage(browser);
  await expect(page.getByTestId('shop-phone')).toHaveText('020 123 4567');
  await expectAccessible(page, 'the menu');
  await shot(page, 'order-menu');

  // A Margherita 35 cm with extra cheese: the price on the button is the server's quote.
  const margherita = item('Margherita');
  let dialog = await choose(page, 'Margherita');
  await dialog.getByLabel('35 cm').check();
  await dialog.getByRole('checkbox', { name: /Extra kaas/ }).check();
  await dialog.getByRole('checkbox', { name: /zonder Basilicum/ }).check();
  const quoted = await shop.call<{ subtotal_cents: number }>('POST', '/quote/lines', {
    lines: [{ item_id: margherita.id, size: '35', extras: [margherita.extras.find((x) => x.names.nl === 'Extra kaas')?.id], removed_ingredients: [], quantity: 1 }],
  });
  await expect(page.getByTestId('dialog-save')).toHaveText(`In mandje · ${euro(quoted.subtotal_cents)}`);
  await expectAccessible(page, 'the item dialog');
  await dialog.evaluate((d) => {
    d.scrollTop = 0;
  });
  await shot(page, 'order-dialog');
  await addFromDialog(page);

  // A half-and-half: half Salami, half Funghi.
  dialog = await choose(page, 'Salami');
  await dialog.getByLabel('Half-half').selectOption({ label: '½ Salami / ½ Funghi' });
  await addFromDialog(page);

  // A drink, then one more of it and one less again; a garlic bread added and removed.
  await choose(page, 'Coca-Cola 33cl');
  await addFromDialog(page);
  await choose(page, 'Knoflookbrood');
  await addFromDialog(page);
  const lines = page.getByTestId('cart-line');
  await expect(lines).toHaveCount(4);
  await page.getByRole('button', { name: 'Eén meer: Coca-Cola 33cl' }).click();
  await expect(lines.filter({ hasText: '2× Coca-Cola 33cl' })).toHaveCount(1);
  await page.getByRole('button', { name: 'Knoflookbrood verwijderen' }).click();
  await expect(lines).toHaveCount(3);

  // The cart survives a reload.
  await page.reload();
  await expect(lines).toHaveCount(3);
  await expect(lines.nth(1)).toContainText('½ Salami / ½ Funghi');
  await expect(page.getByTestId('cart-total')).not.toBeEmpty();
  await page.getByRole('heading', { name: 'Je bestelling' }).scrollIntoViewIfNeeded();
  // The bar that leads to the cart goes once the cart is in view.
  await expect(page.getByTestId('cart-bar')).toBeHidden();
  await shot(page, 'order-cart');

  // Checkout: delivery to a postcode in the Centrum zone, checked while typing.
  await page.getByRole('button', { name: 'Afrekenen' }).click();
  await page.getByRole('radio', { name: 'Bezorgen' }).check();
  await page.getByLabel('Straat').fill('Kerkstraat');
  await page.getByLabel('Huisnummer').fill('12a');
  await page.getByLabel('Postcode').fill('1017 GM');
  await expect(page.getByTestId('zone-hint')).toContainText('We bezorgen in Centrum');
  await page.getByLabel('Woonplaats').fill('Amsterdam');
  await page.getByLabel('Naam').fill('Anna Jansen');
  await page.getByLabel('Telefoonnummer').fill('06 12345678');
  await expect(page.getByTestId('checkout-totals')).toContainText('Bezorgkosten');
  await expectAccessible(page, 'the checkout');
  await shot(page, 'order-checkout');

  // A double click on "Order" makes one order.
  const before = await orderCount();
  await page.getByTestId('place-order').dblclick();
  await expect(page.getByRole('heading', { name: 'Bedankt voor je bestelling!' })).toBeVisible();
  const number = ((await page.getByTestId('order-number').textContent()) ?? '').replace('Bestelnummer ', '');
  await page.waitForTimeout(500);
  expect(await orderCount()).toBe(before + 1);
  await expect(page.getByText(/rond \d\d:\d\d te bezorgen/)).toBeVisible();
  await expectAccessible(page, 'the confirmation');

  // The tracking link; a status change made through the staff API shows without a reload.
  await page.getByTestId('tracking-link').click();
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'live', { timeout: 10_000 });
  await page.evaluate(() => {
    (window as unknown as { notReloaded: boolean }).notReloaded = true;
  });
  await expect(page.getByTestId('shop-phone')).toHaveText('020 123 4567');
  await shop.changeStatus(await shop.orderId(number), 'accepted');
  await expect(page.getByTestId('order-status')).toHaveAttribute('data-status', 'accepted', { timeout: 5_000 });
  expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  await expectAccessible(page, 'the tracking page');
  await shot(page, 'order-tracking');

  // Order again: the page remembers this browser's order and puts it back, repriced by the
  // server; a line sold out since then is flagged and keeps the order from going through.
  const cola = item('Coca-Cola 33cl');
  await shop.call('POST', `/menu/items/${cola.id}/sold-out`, { sold_out: true });
  await page.goto(`${shop.url}/`);
  await page.getByRole('button', { name: `Bestelling ${number} opnieuw in je mandje` }).click();
  await expect(lines).toHaveCount(3);
  await expect(lines.filter({ hasText: 'Coca-Cola' }).getByTestId('line-problem')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Afrekenen' })).toBeDisabled();
  await shop.call('POST', `/menu/items/${cola.id}/sold-out`, { sold_out: false });
  await page.getByRole('button', { name: 'Coca-Cola 33cl verwijderen' }).click();
  await expect(page.getByTestId('cart-total')).not.toBeEmpty();
  await expect(page.getByRole('button', { name: 'Afrekenen' })).toBeEnabled();
  await page.context().close();
});

test('errors are said in words next to what they are about, and nothing is ordered', async ({ browser }) => {
  const page = await openPage(browser);
  await choose(page, 'Margherita');
  await page.getByRole('dialog').getByLabel('25 cm').check();
  await addFromDialog(page);
  await page.getByRole('button', { name: 'Afrekenen' }).click();
  // One friendly suggestion when the cart has no drink or dessert.
  await expect(page.getByTestId('suggestion')).toContainText('Coca-Cola 33cl erbij');
  const before = await orderCount();

  // Outside every zone: said while typing, and at the field when ordering.
  await page.getByRole('radio', { name: 'Bezorgen' }).check();
  await page.getByLabel('Straat').fill('Dorpsweg');
  await page.getByLabel('Huisnummer').fill('1');
  await page.getByLabel('Postcode').fill('9999 ZZ');
  await page.getByLabel('Woonplaats').fill('Ergens');
  await page.getByLabel('Naam').fill('Piet');
  await page.getByLabel('Telefoonnummer').fill('0612345678');
  await expect(page.getByTestId('zone-hint')).toHaveText('Sorry, in 9999 ZZ bezorgen we niet. Afhalen kan wel.');
  await page.getByTestId('place-order').click();
  await expect(page.getByTestId('error-postcode')).toContainText('bezorgen we niet');

  // Below the minimum of West en Oost (€ 25): said at the order's totals.
  await page.getByLabel('Postcode').fill('1051 AB');
  await expect(page.getByTestId('zone-hint')).toContainText('West en Oost');
  await expect(page.getByTestId('error-summary')).toContainText('kan vanaf € 25,00');
  await page.getByTestId('place-order').click();
  await expect(page.getByTestId('error-summary')).toContainText('kan vanaf € 25,00');

  // Sold out between adding and ordering: the line says so.
  await page.getByRole('radio', { name: 'Afhalen' }).check();
  const margherita = item('Margherita');
  await shop.call('POST', `/menu/items/${margherita.id}/sold-out`, { sold_out: true });
  await page.getByTestId('place-order').click();
  await expect(page.getByTestId('line-problem').first()).toContainText('Margherita');
  await shop.call('POST', `/menu/items/${margherita.id}/sold-out`, { sold_out: false });

  // Paused while the customer is at the checkout: the open page hears it at once (the menu
  // feed's shop.updated), says so in words and no longer offers to order. (The server's own
  // refusal of an order placed anyway is in tests/api.)
  await shop.call('POST', '/settings/pause', { paused: true });
  await expect(page.getByTestId('checkout-paused')).toContainText('geen online bestellingen');
  await expect(page.getByTestId('place-order')).toBeDisabled();
  await page.goto(`${shop.url}/`);
  await expect(page.getByTestId('paused')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Afrekenen' })).toBeDisabled();
  await shop.call('POST', '/settings/pause', { paused: false });

  expect(await orderCount()).toBe(before);
  await page.context().close();
});

test('the same flow in English on a laptop', async ({ browser }) => {
  const page = await openPage(browser, LAPTOP, 'en-GB');
  await expect(page.getByRole('link', { name: 'Pizzas' })).toBeVisible();
  await expect(page.getByLabel('Search the menu')).toBeVisible();
  await page.getByLabel('Search the menu').fill('funghi');
  await expect(page.getByTestId(`item-${item('Margherita').id}`)).toBeHidden();
  await page.getByLabel('Search the menu').fill('');
  // The allergen filter: without milk, no Margherita.
  await page.getByText('Filter by allergens').click();
  await page.getByRole('checkbox', { name: 'Without milk' }).check();
  await expect(page.getByTestId(`item-${item('Margherita').id}`)).toBeHidden();
  await page.getByRole('checkbox', { name: 'Without milk' }).uncheck();

  const dialog = await choose(page, 'Margherita', 'en');
  await dialog.getByLabel('30 cm').check();
  await dialog.getByRole('checkbox', { name: /Extra cheese/ }).check();
  await expect(page.getByTestId('dialog-save')).toHaveText(/Add to order · €\d+\.\d\d/);
  await expectAccessible(page, 'the item dialog in English');
  await addFromDialog(page);
  await choose(page, 'Coca-Cola 33cl', 'en');
  await addFromDialog(page);
  await page.getByRole('button', { name: 'Checkout' }).click();
  await expect(page.getByRole('radio', { name: 'Pickup' })).toBeChecked();
  await page.getByLabel('Name').fill('Emma Smith');
  await page.getByLabel('Phone number').fill('+31 6 12345678');
  await expect(page.getByText('Pay when you pick it up, cash or card.')).toBeVisible();
  await expectAccessible(page, 'the checkout in English');
  await page.getByTestId('place-order').click();
  await expect(page.getByRole('heading', { name: 'Thank you for your order!' })).toBeVisible();
  await expect(page.getByText(/ready for pickup around \d\d:\d\d/)).toBeVisible();
  await page.getByTestId('tracking-link').click();
  await expect(page.getByTestId('order-status')).toHaveAttribute('data-status', 'placed');
  await page.context().close();
});

test('an item sold out at the counter reaches an open page when it regains focus', async ({ browser }) => {
  const page = await openPage(browser);
  const tonno = item('Tonno');
  await expect(page.getByTestId(`item-${tonno.id}`)).not.toContainText('Uitverkocht');
  await page.evaluate(() => {
    (window as unknown as { notReloaded: boolean }).notReloaded = true;
  });
  await shop.call('POST', `/menu/items/${tonno.id}/sold-out`, { sold_out: true });
  // The customer comes back to the tab (the page refreshes on focus; there is no public menu stream).
  await page.evaluate(() => window.dispatchEvent(new Event('focus')));
  await expect(page.getByTestId(`item-${tonno.id}`)).toContainText('Uitverkocht');
  await expect(page.getByRole('button', { name: 'Tonno kiezen' })).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  await shop.call('POST', `/menu/items/${tonno.id}/sold-out`, { sold_out: false });
  await page.context().close();
});

test('closed now but open tomorrow: the page offers a time slot (pre-order) and the order is for it', async ({ browser }) => {
  const settings = await shop.call<Record<string, unknown>>('GET', '/settings');
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
  await shop.call('PUT', '/settings', { ...settings, exceptions: [{ date: today, closed: true, hours: [] }] });
  try {
    const page = await openPage(browser);
    await expect(page.getByTestId('shop-hours')).toContainText('Nu gesloten');
    await choose(page, 'Margherita');
    await addFromDialog(page);
    await page.getByRole('button', { name: 'Afrekenen' }).click();
    await expect(page.getByText('We zijn nu gesloten, maar je kunt al bestellen voor een tijd')).toBeVisible();
    const time = page.getByLabel('Tijd');
    await expect(time.locator('option', { hasText: 'Zo snel mogelijk' })).toHaveCount(0);
    const slot = await time.inputValue();
    expect(slot).not.toBe('');
    await page.getByLabel('Naam').fill('Vroege Vogel');
    await page.getByLabel('Telefoonnummer').fill('0612345678');
    await page.getByTestId('place-order').click();
    await expect(page.getByRole('heading', { name: 'Bedankt voor je bestelling!' })).toBeVisible();
    const number = ((await page.getByTestId('order-number').textContent()) ?? '').replace('Bestelnummer ', '');
    const order = await shop.call<{ requested_time: string | null }>('GET', `/orders/${String(await shop.orderId(number))}`);
    expect(order.requested_time && new Date(order.requested_time).getTime()).toBe(new Date(slot).getTime());
    await page.context().close();
  } finally {
    await shop.call('PUT', '/settings', settings);
  }
});
