// Printers as the owner sets them up and the counter sees them: add a network printer on the
// printers page, print a test page (the bytes reach a printer emulator), and a printer out of
// paper shows on /staff for everyone until the roll is in. Then the print rules (what prints
// where) edited on the page and obeyed, a waiting ticket moved to another printer, and the
// kitchen slip that follows it there when the order is cancelled.

import { expect, test, type Page } from '@playwright/test';
import { mkdirSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { expectAccessible } from './support/axe';
import { Shop } from './support/shop';

const DOCS = join(__dirname, '..', '..', 'docs', 'screenshots');

/** A network receipt printer: records what it gets, answers DLE EOT as told. */
class Printer {
  received = Buffer.alloc(0);
  paperOut = false;
  private server: Server;
  port = 0;

  private constructor(server: Server) {
    this.server = server;
  }

  static async start(): Promise<Printer> {
    const printer = new Printer(createServer());
    printer.server.on('connection', (socket: Socket) => {
      let statusPhase = true;
      socket.on('data', (chunk: Buffer) => {
        let data = chunk;
        while (statusPhase && data.length >= 3 && data[0] === 0x10 && data[1] === 0x04) {
          const n = data[2];
          const answer = printer.paperOut ? (n === 1 ? 0x1a : n === 2 ? 0x32 : 0x72) : 0x12;
          socket.write(Buffer.from([answer]));
          data = data.subarray(3);
        }
        if (data.length > 0) {
          statusPhase = false;
          printer.received = Buffer.concat([printer.received, data]);
        }
      });
      socket.on('error', () => undefined);
    });
    await new Promise<void>((resolve) => printer.server.listen(0, '127.0.0.1', resolve));
    const address = printer.server.address();
    printer.port = typeof address === 'object' && address ? address.port : 0;
    return printer;
  }

  /** The printed text, read as PC858 (€ is 0xD5). */
  text(): string {
    return Array.from(this.received)
      .map((b) => (b === 0xd5 ? '€' : b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : b === 0x0a ? '\n' : ''))
      .join('');
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => { resolve(); }));
  }
}

let shop: Shop;
let printer: Printer;

test.beforeAll(async () => {
  mkdirSync(DOCS, { recursive: true });
  printer = await Printer.start();
  shop = await Shop.start();
  await shop.logInApi('cashier');
});

test.afterAll(async () => {
  await shop.stop('SIGKILL');
  await printer.stop();
  rmSync(shop.dataDir, { recursive: true, force: true });
});

async function logIn(page: Page, role: 'owner' | 'cashier'): Promise<void> {
  await page.goto(`${shop.url}/staff`);
  const { name, pin } = shop.login(role);
  await page.getByLabel('Naam').fill(name);
  await page.getByLabel('Pincode').fill(pin);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'live', { timeout: 10_000 });
}

test('the owner adds a network printer, prints a test page, and a paper-out shows at the counter', async ({ browser }) => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await logIn(page, 'owner');
  await page.getByRole('link', { name: 'Printers' }).click();
  await expect(page.getByRole('heading', { name: 'Printers', level: 1 })).toBeVisible();
  await expect(page.getByText('Er is nog geen printer')).toBeVisible();

  // A wrong address is refused with the reason at the field.
  await page.getByLabel('Naam', { exact: true }).fill('Keuken');
  await page.getByLabel('Adres').fill('192.168.1.50:99999');
  await page.getByRole('button', { name: 'Toevoegen' }).click();
  await expect(page.locator('#printer-address-error')).toContainText('poortnummer');

  await page.getByLabel('Adres').fill(`127.0.0.1:${printer.port}`);
  await page.getByRole('button', { name: 'Toevoegen' }).click();
  await expect(page.getByRole('status')).toContainText('Keuken is opgeslagen');
  const row = page.locator('[data-testid^="printer-"]').first();
  await expect(row).toContainText('Epson TM-T20III');

  await page.getByRole('button', { name: 'Testpagina printen op Keuken' }).click();
  await expect.poll(() => printer.text(), { timeout: 10_000 }).toContain('TESTPAGINA');
  expect(printer.text()).toContain('€ 12,50');
  await expect(page.locator('[data-testid^="job-"]').first()).toContainText('geprint', { timeout: 10_000 });
  await expect(row.getByTestId('printer-state')).toContainText('klaar');
  await expectAccessible(page, 'the printers page');
  await page.screenshot({ path: join(DOCS, 'printers.png'), fullPage: true });

  // Out of paper: a counter order waits, and /staff says so.
  printer.paperOut = true;
  const menu = await shop.call<{ categories: { items: { id: number; sold_out: boolean; sizes: { code: string }[] }[] }[] }>('GET', '/menu');
  const item = menu.categories.flatMap((c) => c.items).find((i) => !i.sold_out && i.sizes.length > 0);
  if (!item) throw new Error('no item');
  // Placed, then sent to the kitchen: the ticket prints when it is sent.
  const placed = await shop.call<{ id: number }>('POST', '/orders', {
    channel: 'counter',
    lines: [{ item_id: item.id, size: item.sizes[0]?.code, quantity: 1 }],
    fulfilment: { type: 'pickup' },
    requested_time: null,
  });
  await shop.changeStatus(placed.id, 'accepted');
  const counter = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await logIn(counter, 'cashier');
  const alert = counter.getByTestId('printer-alert');
  await expect(alert).toContainText('Keuken: papier op.', { timeout: 15_000 });
  await expectAccessible(counter, 'the counter with a printer problem');
  await counter.screenshot({ path: join(DOCS, 'staff-printer-paper-out.png') });

  // The cashier's register and the kitchen board say it too.
  const register = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await register.goto(`${shop.url}/counter`);
  const cashier = shop.login('cashier');
  await register.getByTestId('login-tiles').getByRole('button', { name: cashier.name }).click();
  for (const digit of cashier.pin) await register.getByRole('button', { name: digit, exact: true }).click();
  await register.getByRole('button', { name: 'OK', exact: true }).click();
  await expect(register.getByTestId('printer-alert')).toContainText('Keuken: papier op.', { timeout: 15_000 });
  const kitchen = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await kitchen.goto(`${shop.url}/kitchen`);
  const cook = shop.login('kitchen');
  await kitchen.getByLabel('Naam').fill(cook.name);
  await kitchen.getByLabel('Pincode').fill(cook.pin);
  await kitchen.getByRole('button', { name: 'Inloggen' }).click();
  await kitchen.getByRole('button', { name: 'Start' }).click();
  await expect(kitchen.getByTestId('printer-alert')).toContainText('Keuken: papier op.', { timeout: 15_000 });
  await expectAccessible(kitchen, 'the kitchen board with a printer problem');

  // The roll is in: the ticket prints and the alert goes away by itself.
  printer.paperOut = false;
  await expect(alert).toBeHidden({ timeout: 15_000 });
  await expect(register.getByTestId('printer-alert')).toBeHidden({ timeout: 15_000 });
  await expect(kitchen.getByTestId('printer-alert')).toBeHidden({ timeout: 15_000 });
  await expect.poll(() => printer.text(), { timeout: 10_000 }).toContain('AFHALEN');
});

test('the owner sets what prints where, and moves a waiting ticket to another printer', async ({ browser }) => {
  // A second printer that cannot be reached (nothing listens on port 9): its tickets wait.
  await shop.logInApi('owner');
  await shop.call('POST', '/printers', {
    name: 'Bar',
    profile: 'epson-tm-t88',
    connection: 'tcp',
    address: '127.0.0.1:9',
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await logIn(page, 'owner');
  await page.goto(`${shop.url}/printers`);
  const rules = page.getByTestId('print-rules');
  await expect(rules.getByTestId('rule-3')).toBeVisible();
  // The defaults for a one-printer shop: four rules on the first printer.
  await expect(rules.getByRole('group', { name: 'Regel 2' }).getByLabel('Wanneer')).toHaveValue('counter_order_sent');
  await expect(rules.getByRole('group', { name: 'Regel 2' }).getByLabel('Printer')).toHaveValue('');

  // A new rule that repeats rule 1 is refused at its field, in Dutch, and nothing is saved.
  await rules.getByRole('button', { name: 'Regel toevoegen' }).click();
  await rules.getByRole('button', { name: 'Regels opslaan' }).click();
  const twice = rules.locator('#rule-4-trigger-error');
  await expect(twice).toContainText('Deze regel staat er al (regel 1)');
  await expect(rules.getByRole('group', { name: 'Regel 5' }).getByLabel('Wanneer')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page, 'the print rules with a refused rule');
  expect((await shop.call<{ rules: unknown[] }>('GET', '/print-rules')).rules).toHaveLength(4);
  await rules.getByRole('button', { name: 'Regel 5 weghalen' }).click();

  // Counter orders' kitchen tickets go to the bar printer from now on.
  await rules.getByRole('group', { name: 'Regel 2' }).getByLabel('Printer').selectOption({ label: 'Bar' });
  await rules.getByRole('button', { name: 'Regels opslaan' }).click();
  await expect(page.getByRole('status')).toContainText('De regels zijn opgeslagen.');
  const saved = await shop.call<{ rules: { trigger: string; printer_id: number | null }[] }>('GET', '/print-rules');
  const bar = (await shop.call<{ id: number; name: string }[]>('GET', '/printers')).find((p) => p.name === 'Bar');
  expect(saved.rules.find((r) => r.trigger === 'counter_order_sent')?.printer_id).toBe(bar?.id);

  // A counter order sent to the kitchen: its ticket waits for the bar printer.
  const menu = await shop.call<{ categories: { items: { id: number; sold_out: boolean; sizes: { code: string }[] }[] }[] }>('GET', '/menu');
  const item = menu.categories.flatMap((c) => c.items).find((i) => !i.sold_out && i.sizes.length > 0);
  if (!item) throw new Error('no item');
  const order = await shop.call<{ id: number; number: string }>('POST', '/orders', {
    channel: 'counter',
    lines: [{ item_id: item.id, size: item.sizes[0]?.code, quantity: 1 }],
    fulfilment: { type: 'pickup' },
    requested_time: null,
  });
  await shop.changeStatus(order.id, 'accepted');
  const jobs = await shop.call<{ jobs: { id: number; printer_name: string; order_id: number | null }[] }>(
    'GET',
    `/print-jobs?order_id=${order.id}`,
  );
  const job = jobs.jobs[0];
  if (!job) throw new Error('no print job for the sent order');
  expect(job.printer_name).toBe('Bar');
  const row = page.getByTestId(`job-${job.id}`);
  await expect(row).toContainText('Bar');
  await expect(row.getByTestId('job-state')).toContainText('wacht', { timeout: 10_000 });

  // In English too, then moved to the kitchen printer, where it prints.
  await page.getByTestId('language-switch').getByRole('button', { name: /EN/ }).click();
  await expect(page.getByRole('heading', { name: 'What prints where' })).toBeVisible();
  // What was just done is said again in the language now shown.
  await expect(page.getByRole('status')).toContainText('The rules were saved.');
  await expect(row.getByLabel(`Printer for job ${job.id}`)).toHaveValue(/\d+/);
  await expectAccessible(page, 'the printers page in English with a waiting ticket');
  await page.screenshot({ path: join(DOCS, 'printers-rules-move.png'), fullPage: true });
  const before = printer.text().split(order.number).length;
  await row.getByLabel(`Printer for job ${job.id}`).selectOption({ label: 'To printer: Keuken' });
  await row.getByRole('button', { name: `Move job ${job.id}` }).click();
  await expect(page.getByRole('status')).toContainText('Moved to Keuken.');
  await expect.poll(() => printer.text().split(order.number).length, { timeout: 10_000 }).toBeGreaterThan(before);
  await expect(row.getByTestId('job-state')).toContainText('printed', { timeout: 10_000 });
  await expect(row).toContainText('Keuken');
  await page.getByTestId('language-switch').getByRole('button', { name: /NL/ }).click();

  // Cancelled once its ticket printed: a GEANNULEERD slip follows the ticket to Keuken, where it
  // was moved, and the list names it.
  await shop.call('POST', `/orders/${order.id}/status`, { status: 'cancelled', reason: 'klant belde af' });
  await expect.poll(() => printer.text(), { timeout: 10_000 }).toContain('GEANNULEERD');
  expect(printer.text()).toContain('Reden: klant belde af');
  const slip = page.locator('[data-testid^="job-"]', { hasText: 'Keukenbon: bestelling geannuleerd' });
  await expect(slip).toContainText('Keuken');
  await expect(slip.getByTestId('job-state')).toContainText('geprint', { timeout: 10_000 });
});
