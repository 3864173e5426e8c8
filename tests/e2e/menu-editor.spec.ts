// The owner's menu editor (issue 12, A6) in Chromium against the real server: a new category and
// an item with two sizes, an extra priced per size and a photo; it shows on the menu API and on an
// open ordering page without a reload; sold out, reordered (dragged, and with the buttons),
// archived; an order placed before still shows its line. Bad input is shown at its field.

import { expect, test, type Page } from '@playwright/test';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { expectAccessible } from './support/axe';
import { Shop } from './support/shop';

const DOCS = join(__dirname, '..', '..', 'docs', 'screenshots');

interface MenuItem {
  id: number;
  name: string;
  sold_out: boolean;
  sizes: { code: string; price_cents: number }[];
  extras: { id: number; prices: Record<string, number> }[];
  photo: { small: string; medium: string; large: string } | null;
}
interface Menu {
  categories: { id: number; name: string; items: MenuItem[] }[];
}

let shop: Shop;

test.beforeAll(async () => {
  mkdirSync(DOCS, { recursive: true });
  shop = await Shop.start();
  await shop.logInApi('owner');
});

test.afterAll(async () => {
  await shop.stop('SIGKILL');
  rmSync(shop.dataDir, { recursive: true, force: true });
});

async function menu(): Promise<Menu> {
  return shop.call<Menu>('GET', '/menu');
}

async function item(name: string): Promise<MenuItem | undefined> {
  return (await menu()).categories.flatMap((c) => c.items).find((i) => i.name === name);
}

async function logIn(page: Page): Promise<void> {
  await page.goto(`${shop.url}/menu-editor`);
  const { name, pin } = shop.login('owner');
  await page.getByLabel('Naam').fill(name);
  await page.getByLabel('Pincode').fill(pin);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Menukaart' })).toBeVisible();
}

test('the owner builds an item that customers see at once, then sells it out, moves and archives it', async ({ browser }) => {
  const customer = await browser.newPage({ viewport: { width: 412, height: 915 } });
  await customer.goto(shop.url);
  await expect(customer.getByRole('heading', { level: 1, name: 'Pizzeria Da Marco' })).toBeVisible();

  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await logIn(page);

  // A category.
  const newCategory = page.getByRole('form', { name: 'Nieuwe categorie' });
  await newCategory.getByLabel('Naam (Nederlands)').fill('Lunch');
  await newCategory.getByLabel('Naam (Engels, mag leeg)').fill('Lunch');
  await newCategory.getByRole('button', { name: 'Categorie toevoegen' }).click();
  await expect(page.getByRole('heading', { name: 'Producten in Lunch' })).toBeVisible();

  // An item with two sizes. A price of 0 and a size without a price are refused at their input.
  await page.getByRole('button', { name: 'Nieuw product' }).click();
  const form = page.getByTestId('item-form');
  await form.getByLabel('Naam (Nederlands)').fill('Focaccia');
  await form.getByLabel('Naam (Engels, mag leeg)').fill('Focaccia');
  await form.getByLabel('Code 1').fill('klein');
  await form.getByLabel('Naam 1', { exact: true }).fill('Klein');
  await form.getByLabel('Prijs van Klein in euro').fill('0');
  await form.getByRole('button', { name: 'Maat toevoegen' }).click();
  await form.getByLabel('Code 2').fill('groot');
  await form.getByLabel('Naam 2', { exact: true }).fill('Groot');
  await form.getByLabel('Prijs van Groot in euro').fill('9,50');
  await form.getByRole('button', { name: 'Product toevoegen' }).click();
  await expect(page.locator('#item-sizes-0-price_cents-error')).toContainText('€ 0,01');
  await expect(page.locator('#item-sizes-0-price_cents')).toHaveAttribute('aria-invalid', 'true');
  await form.getByLabel('Prijs van Klein in euro').fill('6,50');
  await form.getByLabel('Prijs van Groot in euro').fill('');
  await form.getByRole('button', { name: 'Product toevoegen' }).click();
  await expect(page.locator('#item-sizes-1-price_cents-error')).toContainText('prijs');
  expect(await item('Focaccia')).toBeUndefined();
  await form.getByLabel('Prijs van Groot in euro').fill('9,50');

  // An extra, new, with its own price per size.
  await form.getByLabel('Nieuwe extra').fill('Truffelolie');
  await form.getByLabel('Prijs (€)', { exact: true }).last().fill('2,00');
  await form.getByRole('button', { name: 'Extra toevoegen' }).click();
  await expect(form.getByRole('checkbox', { name: 'Truffelolie' })).toBeChecked();
  await form.getByLabel('Prijs van Truffelolie bij Klein in euro').fill('1,50');
  await form.getByLabel('Prijs van Truffelolie bij Groot in euro').fill('2,50');
  await form.getByLabel('Nieuw ingrediënt').fill('Rozemarijn');
  await form.getByRole('button', { name: 'Toevoegen', exact: true }).click();
  await form.getByRole('checkbox', { name: 'Gluten' }).check();
  await form.getByRole('button', { name: 'Product toevoegen' }).click();
  await expect(page.getByRole('status')).toContainText('Focaccia is opgeslagen');

  // On the menu API, and on the open ordering page without a reload.
  const created = await item('Focaccia');
  expect(created?.sizes.map((s) => [s.code, s.price_cents])).toEqual([['klein', 650], ['groot', 950]]);
  expect(created?.extras[0]?.prices).toEqual({ klein: 150, groot: 250 });
  await expect(customer.getByTestId(`item-${String(created?.id)}`)).toContainText('Focaccia', { timeout: 10_000 });

  // A photo: a text file is refused at the photo input; a real image is kept and shown.
  const photoInput = form.locator('#item-photo');
  await photoInput.setInputFiles({ name: 'menu.txt', mimeType: 'text/plain', buffer: Buffer.from('geen foto') });
  await expect(page.locator('#item-photo-error')).toContainText('geen foto');
  const photo = await customer.screenshot({ clip: { x: 0, y: 0, width: 400, height: 300 } });
  await photoInput.setInputFiles({ name: 'focaccia.png', mimeType: 'image/png', buffer: photo });
  await expect(page.getByRole('status')).toContainText('De foto is opgeslagen');
  await expect(form.getByRole('img', { name: 'Foto van Focaccia' })).toBeVisible();
  const withPhoto = await item('Focaccia');
  expect(withPhoto?.photo?.small).toMatch(/\/api\/v1\/menu\/photos\/\d+\/small\.jpg$/);
  const customerPhoto = customer.getByTestId(`item-${String(created?.id)}`).locator('img');
  await expect(customerPhoto).toHaveAttribute('src', withPhoto?.photo?.small ?? '', { timeout: 10_000 });

  // The wrong photo after all: taken away, gone from the customer's page too; then put back.
  await form.getByRole('button', { name: 'Foto weghalen' }).click();
  await expect(page.getByRole('status')).toContainText('De foto is weggehaald');
  await expect(form.getByText('Nog geen foto.')).toBeVisible();
  await expect(customerPhoto).toHaveCount(0, { timeout: 10_000 });
  expect((await item('Focaccia'))?.photo).toBeNull();
  await photoInput.setInputFiles({ name: 'focaccia.png', mimeType: 'image/png', buffer: photo });
  await expect(page.getByRole('status')).toContainText('De foto is opgeslagen');
  const photoAgain = await item('Focaccia');
  await expect(customerPhoto).toHaveAttribute('src', photoAgain?.photo?.small ?? '', { timeout: 10_000 });

  // A customer orders it before it sells out.
  const order = await shop.call<{ number: string }>(
    'POST',
    '/orders',
    {
      channel: 'counter',
      lines: [{ item_id: created?.id, size: 'groot', extras: [created?.extras[0]?.id], quantity: 1 }],
      fulfilment: { type: 'pickup' },
      requested_time: null,
    },
  );

  // A second item, to reorder: dragged above the first, then moved back with the buttons.
  await page.getByRole('button', { name: 'Nieuw product' }).click();
  await form.getByLabel('Naam (Nederlands)').fill('Panzanella');
  await form.getByLabel('Prijs van Normaal in euro').fill('5,50');
  await form.getByRole('button', { name: 'Product toevoegen' }).click();
  await expect(page.getByRole('status')).toContainText('Panzanella is opgeslagen');
  const bruschetta = await item('Panzanella');
  const rows = page.getByTestId('item').locator(':scope > li');
  await expect(rows).toHaveCount(2);
  await page
    .getByRole('img', { name: 'Panzanella slepen' })
    .dragTo(page.getByTestId(`item-${String(created?.id)}`));
  await expect(page.getByRole('status')).toContainText('De volgorde is opgeslagen');
  await expect(rows.first()).toContainText('Panzanella');
  const lunch = async () => (await menu()).categories.find((c) => c.name === 'Lunch')?.items.map((i) => i.id);
  expect(await lunch()).toEqual([bruschetta?.id, created?.id]);
  await page.getByRole('button', { name: 'Focaccia omhoog' }).click();
  await expect(rows.first()).toContainText('Focaccia');
  expect(await lunch()).toEqual([created?.id, bruschetta?.id]);

  await expectAccessible(page, 'the menu editor');
  await page.getByRole('button', { name: 'Focaccia bewerken' }).click();
  await expect(form.getByRole('img', { name: 'Foto van Focaccia' })).toBeVisible();
  await page.evaluate(() => { window.scrollTo(0, 0); });
  await page.screenshot({ path: join(DOCS, 'menu-editor-1366x768.png') });

  // Sold out: the ordering page says so at once.
  // The box shows what the server has: checked once the change is saved.
  const soldOut = page.getByRole('checkbox', { name: 'Focaccia uitverkocht' });
  await soldOut.click();
  await expect(soldOut).toBeChecked();
  await expect(customer.getByTestId(`item-${String(created?.id)}`)).toContainText('Uitverkocht', { timeout: 10_000 });

  // Archived: off the menu and the ordering page, listed as archived; the order keeps its line.
  await page.getByRole('button', { name: 'Focaccia archiveren' }).click();
  await expect(page.getByTestId('archived')).toContainText('Focaccia');
  await expect(customer.getByTestId(`item-${String(created?.id)}`)).toBeHidden({ timeout: 10_000 });
  expect(await item('Focaccia')).toBeUndefined();
  const id = await shop.orderId(order.number);
  const old = await shop.call<{ lines: { item_name: string; size: string; extras: string[]; total_cents: number }[] }>(
    'GET',
    `/orders/${String(id)}`,
  );
  expect(old.lines[0]).toMatchObject({ item_name: 'Focaccia', size: 'groot', extras: ['Truffelolie'], total_cents: 1200 });
  await expectAccessible(page, 'the menu editor after archiving');
});
