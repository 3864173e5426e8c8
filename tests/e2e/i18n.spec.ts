// Dutch first, English available, on every page: the language follows the browser, the NL/EN
// switch changes the page at once, and the choice is remembered across reloads and pages of the
// shop. Requests say the page's language (Accept-Language) so the server can answer in it.

import { expect, test, type Browser, type Page } from '@playwright/test';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { expectAccessible } from './support/axe';
import { Shop, type PlacedOrder } from './support/shop';

const SCREENSHOTS = join(__dirname, 'screenshots');
const COUNTER = { width: 1280, height: 720 };
const PHONE = { width: 390, height: 844 };

let shop: Shop;
let order: PlacedOrder;

test.beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  shop = await Shop.start();
  order = await shop.placeWebOrder('Jan de Vries');
});

test.afterAll(async () => {
  await shop.stop('SIGKILL');
  rmSync(shop.dataDir, { recursive: true, force: true });
});

const switchTo = (page: Page, language: 'Nederlands' | 'English') =>
  page.getByTestId('language-switch').getByRole('button', { name: language }).click();

const htmlLang = (page: Page) => page.locator('html').getAttribute('lang');

async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** A browser whose languages are `locale` (and nothing chosen yet). */
async function browserIn(browser: Browser, locale: string, viewport = COUNTER): Promise<Page> {
  const context = await browser.newContext({ locale, viewport });
  return context.newPage();
}

test('the switch turns a page English at once, and it stays English on reload and on other pages', async ({ browser }) => {
  const page = await browserIn(browser, 'nl-NL');
  await page.goto(`${shop.url}/staff`);
  await expect(page.getByRole('heading', { name: 'Inloggen' })).toBeVisible();
  expect(await htmlLang(page)).toBe('nl');
  await expect(page.getByRole('button', { name: 'Nederlands' })).toHaveAttribute('aria-pressed', 'true');
  await expectAccessible(page, 'the login page in Dutch');

  await switchTo(page, 'English');
  await expect(page.getByRole('heading', { name: 'Log in' })).toBeVisible();
  await expect(page.getByLabel('PIN')).toBeVisible();
  await expect(page.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');
  expect(await htmlLang(page)).toBe('en');
  await expect(page).toHaveTitle('Orders · Forno');

  // A wrong PIN: the page's own words are English, and the request asked for English.
  const { name, pin } = shop.login('cashier');
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('PIN').fill('0000');
  const [login] = await Promise.all([
    page.waitForRequest((r) => r.url().endsWith('/api/v1/auth/login')),
    page.getByRole('button', { name: 'Log in' }).click(),
  ]);
  expect(await login.headerValue('accept-language')).toBe('en');
  await expect(page.getByRole('alert')).toHaveText('Name or PIN is not right. Please try again.');

  // The choice survives a reload.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Log in' })).toBeVisible();
  expect(await htmlLang(page)).toBe('en');

  // Logged in, the board speaks English too: headings, statuses, money the English way.
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('PIN').fill(pin);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByTestId('connection-state')).toHaveText(/Live/, { timeout: 10_000 });
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Open orders');
  const row = page.getByTestId(`order-row-${order.order_number.replace(/^#/, '')}`);
  await expect(row.getByTestId('order-status')).toHaveText('Placed');
  await expect(row).toContainText('Web · Pickup');
  await expect(row.locator('.money')).toHaveText(/^€\d+\.\d\d$/);
  await expect(row.getByRole('button', { name: `Accept: order ${order.order_number}` })).toBeVisible();
  await expectAccessible(page, 'the order board in English');
  await screenshot(page, 'i18n-staff-board-en');

  // The customer's page in the same browser: already English, without asking again.
  const track = await page.context().newPage();
  await track.setViewportSize(PHONE);
  await track.goto(`${shop.url}/track/${order.tracking_token}`);
  await expect(track.getByRole('heading', { level: 1 })).toHaveText(`Order ${order.order_number}`);
  await expect(track.getByTestId('order-status')).toContainText('Status: Placed');
  await expectAccessible(track, 'the tracking page in English');
  await screenshot(track, 'i18n-track-en');

  // Back to Dutch on the tracking page: the board in the other tab follows, and so does a reload.
  await switchTo(track, 'Nederlands');
  await expect(track.getByRole('heading', { level: 1 })).toHaveText(`Bestelling ${order.order_number}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Openstaande bestellingen');
  await track.reload();
  await expect(track.getByRole('heading', { level: 1 })).toHaveText(`Bestelling ${order.order_number}`);
  await expect(track.getByTestId('order-status')).toContainText('Status: Geplaatst');
  await page.context().close();
});

test('a browser that asks for English gets English; one that asks for neither gets Dutch', async ({ browser }) => {
  const english = await browserIn(browser, 'en-GB', PHONE);
  await english.goto(`${shop.url}/track/${order.tracking_token}`);
  await expect(english.getByRole('heading', { level: 1 })).toHaveText(`Order ${order.order_number}`);
  expect(await htmlLang(english)).toBe('en');
  await english.context().close();

  const german = await browserIn(browser, 'de-DE', PHONE);
  await german.goto(`${shop.url}/track/${order.tracking_token}`);
  await expect(german.getByRole('heading', { level: 1 })).toHaveText(`Bestelling ${order.order_number}`);
  // A link that names the language wins over the browser, and is remembered.
  await german.goto(`${shop.url}/?lang=en`);
  await expect(german.getByLabel('Search the menu')).toBeVisible();
  await expectAccessible(german, 'the ordering page in English');
  await german.goto(`${shop.url}/track/${order.tracking_token}`);
  await expect(german.getByRole('heading', { level: 1 })).toHaveText(`Order ${order.order_number}`);
  await german.context().close();
});

test('the owner’s pages switch too: settings in English, with the server’s answers', async ({ browser }) => {
  const page = await browserIn(browser, 'nl-NL');
  await page.goto(`${shop.url}/staff`);
  const owner = shop.login('owner');
  await page.getByLabel('Naam').fill(owner.name);
  await page.getByLabel('Pincode').fill(owner.pin);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.getByRole('link', { name: 'Instellingen' }).click();
  await expect(page.getByLabel('Naam van de zaak')).toBeVisible();

  await switchTo(page, 'English');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Settings');
  await expect(page.getByLabel('Name of the shop')).toBeVisible();
  await expect(page.getByLabel('from (Tuesday)')).toBeVisible();
  // A time the page cannot read: the message is English, and follows a switch back to Dutch.
  await page.getByLabel('from (Tuesday)').fill('four');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('save-outcome')).toHaveText(/Not saved: one field still needs a change/);
  await expect(page.getByTestId('day-tue-0-open-error')).toHaveText(/“four” is not a time/);
  await expectAccessible(page, 'the settings page in English');
  await screenshot(page, 'i18n-settings-en');
  await switchTo(page, 'Nederlands');
  await expect(page.getByTestId('day-tue-0-open-error')).toHaveText(/“four” is geen tijd/);
  await expect(page.getByTestId('save-outcome')).toHaveText(/Niet opgeslagen: één veld/);
  await page.context().close();
});
