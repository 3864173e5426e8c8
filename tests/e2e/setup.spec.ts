// The first start of a real shop, as its owner lives it: the counter opens on the setup wizard,
// the owner fills in every step (and gets told, at the right field, what to fix), finishes, and
// sees where customers order and how to pair the kitchen screen. The kitchen screen pairs by
// its QR code, the owner changes the settings later and unpairs the screen again.

import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { decodeQr } from './support/qr';
import { Shop } from './support/shop';

const SCREENSHOTS = join(__dirname, 'screenshots');
const COUNTER = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

let shop: Shop;

test.beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  shop = await Shop.start({ FORNO_FIRST_RUN: 'setup' });
});

test.afterAll(async () => {
  await shop.stop('SIGKILL');
  rmSync(shop.dataDir, { recursive: true, force: true });
});

async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** What a phone's camera reads from the QR code on screen. */
async function scan(code: Locator): Promise<string | null> {
  return decodeQr(await code.screenshot());
}

/** The LAN address a QR code holds, pointed at the test server (the LAN IP may be unreachable). */
function onTestServer(url: string): string {
  const reachable = new URL(url);
  reachable.host = new URL(shop.url).host;
  return reachable.toString();
}

/** An input the page says is wrong, and the message it is described by. */
async function expectFieldError(page: Page, input: Locator, message: RegExp): Promise<void> {
  await expect(input).toHaveAttribute('aria-invalid', 'true');
  const describedBy = (await input.getAttribute('aria-describedby')) ?? '';
  const errorId = describedBy.split(' ').find((id) => id.endsWith('-error'));
  expect(errorId, `aria-describedby of the input: "${describedBy}"`).toBeTruthy();
  await expect(page.locator(`[id="${errorId ?? ''}"]`)).toHaveText(message);
}

async function next(page: Page, expectedStep: string): Promise<void> {
  await page.getByRole('button', { name: 'Volgende' }).click();
  await expect(page.getByTestId('step-title')).toHaveText(expectedStep);
}

async function openKitchen(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: PHONE });
  return context.newPage();
}

test('the owner sets up the shop, pairs the kitchen screen and changes the settings later', async ({ browser }) => {
  // While the shop is not set up, the kitchen screen waits at its login form and says why.
  const kitchen = await openKitchen(browser);
  await kitchen.goto(`${shop.url}/staff?view=kitchen`);
  await expect(kitchen.getByRole('heading', { name: 'Inloggen' })).toBeVisible();
  await expect(kitchen.getByTestId('login-info')).toContainText('wordt nog ingesteld aan de kassa');
  await screenshot(kitchen, 'setup-0-kitchen-waits');

  // The counter opens the staff page and lands on the wizard.
  const owner = await browser.newPage({ viewport: COUNTER });
  await owner.goto(`${shop.url}/staff`);
  await expect(owner).toHaveURL(/\/setup$/);
  await expect(owner.getByRole('heading', { name: 'Welkom bij Forno' })).toBeVisible();
  await expect(owner.getByTestId('step-count')).toHaveText('Stap 1 van 4');
  await expect(owner.getByTestId('step-title')).toHaveText('Uw zaak');
  await expect(owner.getByRole('button', { name: 'Vorige' })).toHaveCount(0);

  // 1. Uw zaak, with a VAT number the server will refuse.
  await owner.getByLabel('Naam van de zaak').fill('Pizzeria Bella');
  await owner.getByLabel('Adres').fill('Kerkstraat 12, 1017 GC Amsterdam');
  await owner.getByLabel('Telefoonnummer').fill('020 123 4567');
  await owner.getByLabel('Btw-nummer (mag leeg blijven)').fill('NL1234');
  await screenshot(owner, 'setup-1-profile');

  // 2. Openingstijden: open on Monday for lunch and dinner, Sunday until midnight.
  await next(owner, 'Openingstijden');
  await expect(owner.getByTestId('step-count')).toHaveText('Stap 2 van 4');
  const monday = owner.getByTestId('day-mon');
  await expect(monday).toContainText('Gesloten');
  await owner.getByLabel('Open op maandag').check();
  await owner.getByLabel('van (maandag)').fill('11:30');
  await owner.getByLabel('tot (maandag)').fill('14:00');
  await owner.getByRole('button', { name: 'Tijdvak toevoegen op maandag' }).click();
  await owner.getByLabel('van (maandag, tijdvak 2)').fill('17:00');
  await owner.getByLabel('tot (maandag, tijdvak 2)').fill('22:00');
  await owner.getByLabel('tot (zondag)').fill('24:00');
  // A time the page cannot read is caught before going on.
  await owner.getByLabel('van (zaterdag)').fill('vier uur');
  await owner.getByRole('button', { name: 'Volgende' }).click();
  await expectFieldError(owner, owner.getByLabel('van (zaterdag)'), /“vier uur” is geen tijd/);
  await expect(owner.getByLabel('van (zaterdag)')).toBeFocused();
  await screenshot(owner, 'setup-2-hours-error');
  await owner.getByLabel('van (zaterdag)').fill('16:00');
  await expect(owner.getByLabel('van (zaterdag)')).not.toHaveAttribute('aria-invalid', 'true');
  await screenshot(owner, 'setup-2-hours');

  // 3. Afhalen en bezorgen: delivery in one zone, amounts with a Dutch comma.
  await next(owner, 'Afhalen en bezorgen');
  await owner.getByLabel('Bezorgen').check();
  const zone = owner.getByTestId('zone-0');
  await zone.getByLabel('Naam').fill('Centrum');
  await zone.getByLabel('Postcodes').fill('1011-1018, 1020');
  await zone.getByLabel('Bezorgkosten (€)').fill('2,50');
  await zone.getByLabel('Minimumbedrag (€)').fill('15,00');
  await zone.getByLabel('Extra minuten').fill('10');
  await owner.getByLabel('Bereidingstijd (minuten)').fill('25');
  await screenshot(owner, 'setup-3-sales');

  // 4. Eigenaar: the PIN typed differently twice is caught on the page.
  await next(owner, 'Eigenaar');
  await expect(owner.getByTestId('step-count')).toHaveText('Stap 4 van 4');
  await owner.getByLabel('Uw naam').fill('Anna');
  await owner.getByLabel('Pincode', { exact: true }).fill('2580');
  await owner.getByLabel('Pincode nog een keer').fill('2581');
  await owner.getByRole('button', { name: 'Zaak instellen' }).click();
  const pinAgain = owner.getByLabel('Pincode nog een keer');
  await expectFieldError(owner, pinAgain, /niet gelijk/);
  await expect(pinAgain).toBeFocused();
  await screenshot(owner, 'setup-4-owner-pin-mismatch');

  // The server refuses the VAT number: the wizard goes back to step 1 and says so at the field.
  await pinAgain.fill('2580');
  await owner.getByRole('button', { name: 'Zaak instellen' }).click();
  await expect(owner.getByTestId('step-title')).toHaveText('Uw zaak');
  const vat = owner.getByLabel('Btw-nummer (mag leeg blijven)');
  await expectFieldError(owner, vat, /“NL1234” is geen btw-nummer.*NL123456789B01/);
  await expect(vat).toBeFocused();
  await screenshot(owner, 'setup-1-profile-vat-error');
  await vat.fill('NL123456789B01');
  await expect(vat).not.toHaveAttribute('aria-invalid', 'true');

  // Everything else was kept: on through the steps and finish.
  await next(owner, 'Openingstijden');
  await expect(owner.getByLabel('van (maandag, tijdvak 2)')).toHaveValue('17:00');
  await next(owner, 'Afhalen en bezorgen');
  await expect(owner.getByTestId('zone-0').getByLabel('Bezorgkosten (€)')).toHaveValue('2,50');
  await next(owner, 'Eigenaar');
  await owner.getByRole('button', { name: 'Zaak instellen' }).click();

  // 5. Klaar: the ordering page and the kitchen pairing, each as a QR code that reads back.
  const done = owner.getByTestId('setup-done');
  await expect(done.getByRole('heading', { name: 'Klaar: Pizzeria Bella is ingesteld' })).toBeVisible();
  const status = await shop.call<{ needs_setup: boolean; ordering_url: string }>('GET', '/setup');
  expect(status.needs_setup).toBe(false);
  await expect(done.getByTestId('ordering-qr')).toContainText('Klanten op uw wifi bestellen via…');
  await expect(done.getByTestId('ordering-qr-url')).toHaveText(status.ordering_url);
  expect(await scan(done.getByTestId('ordering-qr-image'))).toBe(status.ordering_url);

  const pairUrl = done.getByTestId('pairing-qr-url');
  await expect(pairUrl).toHaveText(/\/pair\/[A-Z0-9]+$/);
  const firstCode = await done.getByTestId('pairing-code').innerText();
  expect(await pairUrl.innerText()).toMatch(new RegExp(`/pair/${firstCode}$`));
  await expect(done.getByTestId('pairing-validity')).toHaveText(/^Geldig tot \d\d:\d\d/);
  await screenshot(owner, 'setup-5-done');
  // A new code replaces the first one.
  await done.getByRole('button', { name: 'Nieuwe code' }).click();
  await expect(done.getByTestId('pairing-code')).not.toHaveText(firstCode);
  const code = await done.getByTestId('pairing-code').innerText();
  await expect(pairUrl).toHaveText(new RegExp(`/pair/${code}$`));
  const shownPairUrl = await pairUrl.innerText();
  expect(await scan(done.getByTestId('pairing-qr-image'))).toBe(shownPairUrl);

  // The kitchen screen opens a wrong code first: it is told what to do.
  await kitchen.goto(`${shop.url}/pair/WRONG234`);
  await expect(kitchen.getByRole('heading', { name: 'Dit scherm koppelen' })).toBeVisible();
  await kitchen.getByRole('button', { name: 'Koppelen' }).click();
  await expectFieldError(kitchen, kitchen.getByLabel('Koppelcode'), /werkt niet \(meer\)/);
  await expect(kitchen.getByTestId('pair-detail')).toContainText('koppelcode is niet geldig');
  await screenshot(kitchen, 'pair-wrong-code-phone');

  // Then the one the QR code holds: it pairs, and opens the kitchen view as that device.
  await kitchen.goto(onTestServer(shownPairUrl));
  await expect(kitchen.getByLabel('Koppelcode')).toHaveValue(code);
  await expect(kitchen.getByLabel('Naam van dit scherm')).toHaveValue('Keuken');
  await screenshot(kitchen, 'pair-phone');
  await kitchen.getByLabel('Naam van dit scherm').fill('Keuken 1');
  await kitchen.getByRole('button', { name: 'Koppelen' }).click();
  await expect(kitchen).toHaveURL(/\/kitchen$/);
  await expect(kitchen.getByTestId('kitchen-who')).toHaveText('Keuken 1 (keuken)');
  await expect(kitchen.getByTestId('connection-state')).toHaveAttribute('data-state', 'live', { timeout: 10_000 });
  await expect(kitchen.getByRole('link', { name: 'Instellingen' })).toHaveCount(0);
  // A paired screen is no person: it stays paired until the owner unpairs it.
  await expect(kitchen.getByRole('button', { name: 'Uitloggen' })).toHaveCount(0);
  await screenshot(kitchen, 'pair-done-kitchen-view');

  // The owner goes to the counter (logged in by the wizard) and on to the settings.
  await done.getByRole('link', { name: 'Naar de kassa' }).click();
  await expect(owner).toHaveURL(/\/staff$/);
  await expect(owner.locator('.topbar__who')).toHaveText('Anna (eigenaar)');
  await screenshot(owner, 'staff-owner-board');
  await owner.getByRole('link', { name: 'Instellingen' }).click();
  await expect(owner).toHaveURL(/\/settings$/);
  await expect(owner.getByLabel('Naam van de zaak')).toHaveValue('Pizzeria Bella');
  await expect(owner.getByLabel('Btw-nummer (mag leeg blijven)')).toHaveValue('NL123456789B01');
  await expect(owner.getByLabel('tot (zondag)')).toHaveValue('24:00');
  await expect(owner.getByTestId('zone-0').getByLabel('Minimumbedrag (€)')).toHaveValue('15,00');

  // A postcode the server refuses is shown at the postcodes of that zone.
  const postcodes = owner.getByTestId('zone-0').getByLabel('Postcodes');
  await postcodes.fill('1011-1018, 10x1');
  await owner.getByRole('button', { name: 'Opslaan' }).click();
  await expectFieldError(owner, postcodes, /“10x1” is geen postcode/);
  await expect(owner.getByTestId('save-outcome')).toContainText('Niet opgeslagen');
  await postcodes.fill('1011-1018, 1020');

  // A printer command pasted into the name (ESC @ resets a ticket printer) is refused, and the
  // server's own words say why, at the name.
  const shopName = owner.getByLabel('Naam van de zaak');
  await shopName.fill('Pizzeria Bella\u001b@');
  await owner.getByRole('button', { name: 'Opslaan' }).click();
  await expectFieldError(owner, shopName, /onzichtbaar teken of stuurteken in \(U\+001B/);
  await screenshot(owner, 'settings-control-character');

  // The name and the prep time change and stay changed.
  await owner.getByLabel('Naam van de zaak').fill('Pizzeria Bella Napoli');
  await owner.getByLabel('Bereidingstijd (minuten)').fill('30');
  await owner.getByRole('button', { name: 'Opslaan' }).click();
  await expect(owner.getByTestId('save-outcome')).toHaveText(/Opgeslagen om \d\d:\d\d\./);
  // What the counter screen shows (not the full page): "Opslaan" stays in reach at the bottom.
  await owner.screenshot({ path: join(SCREENSHOTS, 'settings-saved-screen.png') });
  const saved = await shop.call<{ name: string; prep_time_minutes: number; paused: boolean }>('GET', '/shop');
  expect(saved).toMatchObject({ name: 'Pizzeria Bella Napoli', prep_time_minutes: 30, paused: false });
  await owner.reload();
  await expect(owner.getByLabel('Naam van de zaak')).toHaveValue('Pizzeria Bella Napoli');
  await expect(owner.getByLabel('Bereidingstijd (minuten)')).toHaveValue('30');

  // The desktop app's own kitchen window pairs by a link with ?name=, without asking.
  const devices = owner.getByTestId('devices');
  await devices.getByRole('button', { name: 'Koppelcode maken' }).click();
  const secondCode = await devices.getByTestId('pairing-code').innerText();
  const desktopKitchen = await openKitchen(browser);
  await desktopKitchen.goto(`${shop.url}/pair/${secondCode}?name=Keuken%20kassa`);
  await expect(desktopKitchen).toHaveURL(/\/kitchen$/);
  await expect(desktopKitchen.getByTestId('kitchen-who')).toHaveText('Keuken kassa (keuken)');

  // Both screens are listed; the first one is unpaired, after a second "yes".
  await devices.getByRole('button', { name: 'Lijst vernieuwen' }).click();
  await expect(devices.getByRole('listitem')).toHaveCount(2);
  const keuken1 = devices.getByRole('listitem').filter({ hasText: 'Keuken 1' });
  await expect(keuken1).toContainText('Keukenscherm · gekoppeld op');
  await screenshot(owner, 'settings');
  await keuken1.getByRole('button', { name: 'Keuken 1 ontkoppelen' }).click();
  await expect(keuken1.getByRole('button', { name: 'Ja, ontkoppelen' })).toBeFocused();
  await screenshot(owner, 'settings-unpair-confirm');
  await keuken1.getByRole('button', { name: 'Ja, ontkoppelen' }).click();
  await expect(devices.getByRole('status').filter({ hasText: 'is ontkoppeld' })).toBeVisible();
  await expect(devices.getByRole('listitem')).toHaveCount(1);
  await expect(devices.getByRole('listitem')).toContainText('Keuken kassa');

  // The unpaired screen's token no longer works: it is back at the login form.
  await kitchen.reload();
  await expect(kitchen.getByRole('heading', { name: 'Inloggen' })).toBeVisible();
  await expect(kitchen.getByTestId('login-info')).toHaveCount(0);
});
