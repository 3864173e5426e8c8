// Messages to customers as the owner sets them up and the counter sees them: the mail server in
// /settings (a wrong port named at its field, the test mail reaching a real SMTP sink, in Dutch
// and in English), and on /staff an order's messages, a refused address shown as failed with the
// reason, and "send again" once the address is accepted.

import { expect, test, type Page } from '@playwright/test';
import { mkdirSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { expectAccessible } from './support/axe';
import { Shop } from './support/shop';

const DOCS = join(__dirname, '..', '..', 'docs', 'screenshots');

interface Mail {
  from: string;
  to: string[];
  data: string;
}

/** A small SMTP server: takes every mail, except to the addresses it is told to refuse. */
class SmtpSink {
  mails: Mail[] = [];
  refused = new Set<string>();
  port = 0;
  private server: Server;

  private constructor(server: Server) {
    this.server = server;
  }

  static async start(): Promise<SmtpSink> {
    const sink = new SmtpSink(createServer());
    sink.server.on('connection', (socket: Socket) => {
      let buffer = '';
      let inData = false;
      let mail: Mail = { from: '', to: [], data: '' };
      const say = (line: string) => socket.write(`${line}\r\n`);
      say('220 sink.test ESMTP');
      socket.on('data', (chunk: Buffer) => {
        buffer += chunk.toString('utf8');
        let end = buffer.indexOf('\r\n');
        while (end >= 0) {
          const line = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          end = buffer.indexOf('\r\n');
          if (inData) {
            if (line === '.') {
              inData = false;
              sink.mails.push(mail);
              mail = { from: '', to: [], data: '' };
              say('250 2.0.0 Ok: queued');
            } else {
              mail.data += `${line.startsWith('.') ? line.slice(1) : line}\r\n`;
            }
            continue;
          }
          const upper = line.toUpperCase();
          const address = (line.match(/<([^>]*)>/)?.[1] ?? '').toLowerCase();
          if (upper.startsWith('EHLO')) say('250-sink.test\r\n250 8BITMIME');
          else if (upper.startsWith('HELO')) say('250 sink.test');
          else if (upper.startsWith('MAIL FROM')) {
            mail.from = address;
            say('250 2.1.0 Ok');
          } else if (upper.startsWith('RCPT TO')) {
            if (sink.refused.has(address)) say(`550 5.1.1 <${address}>: Recipient address rejected: User unknown`);
            else {
              mail.to.push(address);
              say('250 2.1.5 Ok');
            }
          } else if (upper === 'DATA') {
            inData = true;
            say('354 End data with <CR><LF>.<CR><LF>');
          } else if (upper === 'QUIT') {
            say('221 Bye');
            socket.end();
          } else say('250 Ok');
        }
      });
      socket.on('error', () => undefined);
    });
    await new Promise<void>((resolve) => sink.server.listen(0, '127.0.0.1', resolve));
    const address = sink.server.address();
    sink.port = typeof address === 'object' && address ? address.port : 0;
    return sink;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => { resolve(); }));
  }
}

let shop: Shop;
let sink: SmtpSink;

test.beforeAll(async () => {
  mkdirSync(DOCS, { recursive: true });
  sink = await SmtpSink.start();
  shop = await Shop.start({
    FORNO_DEMO_ALWAYS_OPEN: '1',
    FORNO_PUBLIC_URL: 'https://bestel.bella.test',
    FORNO_MESSAGE_RETRY_SECONDS: '1',
  });
  await shop.logInApi('owner');
});

test.afterAll(async () => {
  await shop.stop('SIGKILL');
  await sink.stop();
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

test('the owner sets up the mail server, is told a wrong port at the field, and sends a test mail', async ({ browser }) => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await logIn(page, 'owner');
  await page.goto(`${shop.url}/settings`);
  const section = page.getByTestId('notifications');
  await expect(section.getByRole('heading', { name: 'Berichten aan klanten' })).toBeVisible();
  await expect(section.getByRole('button', { name: 'Testmail versturen' })).toBeDisabled();

  await section.getByLabel('E-mail versturen').check();
  await section.getByLabel('Mailserver (SMTP)').fill('127.0.0.1');
  await section.getByLabel('Poort').fill('0');
  await section.getByLabel('Beveiliging').selectOption('none');
  await section.getByLabel('Afzender', { exact: true }).fill('Pizzeria Da Marco <bestel@damarco.test>');
  await section.getByRole('button', { name: 'Berichten bewaren' }).click();
  const portError = section.getByTestId('notify-field-error');
  await expect(portError).toContainText('Poort 0 bestaat niet');
  await expect(section.getByLabel('Poort')).toHaveAttribute('aria-invalid', 'true');
  await expect(section.getByLabel('Poort')).toBeFocused();

  await section.getByLabel('Poort').fill(String(sink.port));
  await section.getByLabel('Wachtwoord').fill('geheim-wachtwoord');
  await section.getByLabel('Geaccepteerd (met de verwachte tijd)').check();
  await section.getByRole('button', { name: 'Berichten bewaren' }).click();
  await expect(section.getByTestId('notify-note')).toContainText('opgeslagen');
  await expect(section.getByLabel('Wachtwoord')).toHaveValue('');
  await expect(section.getByText('Er is een wachtwoord opgeslagen')).toBeVisible();

  await section.getByLabel('Stuur een testmail naar').fill('eigenaar@damarco.test');
  await section.getByRole('button', { name: 'Testmail versturen' }).click();
  await expect(section.getByTestId('test-mail-result')).toContainText('De testmail is verstuurd', { timeout: 15_000 });
  expect(sink.mails.at(-1)?.to).toEqual(['eigenaar@damarco.test']);
  expect(sink.mails.at(-1)?.data).toContain('Subject: Testmail van');
  await expectAccessible(page, 'the settings page with the notifications section');
  await section.screenshot({ path: join(DOCS, 'settings-notifications.png') });

  // In English: the words, the server's answer and the mail itself.
  await page.getByTestId('language-switch').getByRole('button', { name: 'English' }).click();
  await expect(section.getByRole('heading', { name: 'Messages to customers' })).toBeVisible();
  await section.getByRole('button', { name: 'Send a test mail' }).click();
  await expect(section.getByTestId('test-mail-result')).toContainText('The test mail was sent', { timeout: 15_000 });
  expect(sink.mails.at(-1)?.data).toContain('Subject: Test mail from');
  await section.getByLabel('Port').fill('70000');
  await section.getByRole('button', { name: 'Store the message settings' }).click();
  await expect(section.getByTestId('notify-field-error')).toContainText('Port 70000 does not exist');
  await expectAccessible(page, 'the notifications section in English');
  await page.getByTestId('language-switch').getByRole('button', { name: 'Nederlands' }).click();
});

test("an order's messages show at the counter: a refused address fails with the reason, and is sent again", async ({ browser }) => {
  sink.refused.add('typo@example.test');
  const menu = await shop.call<{ categories: { items: { id: number; sold_out: boolean; sizes: { code: string }[] }[] }[] }>('GET', '/menu');
  const item = menu.categories.flatMap((c) => c.items).find((i) => !i.sold_out && i.sizes.length > 0);
  if (!item) throw new Error('no item');
  const placed = await fetch(`${shop.url}/api/v1/orders`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Accept-Language': 'nl' },
    body: JSON.stringify({
      lines: [{ item_id: item.id, size: item.sizes[0]?.code, quantity: 1 }],
      fulfilment: { type: 'pickup' },
      requested_time: null,
      contact: { name: 'Eva Jansen', phone: '0612345678', email: 'typo@example.test' },
    }),
  }).then((r) => r.json() as Promise<{ number: string }>);

  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await logIn(page, 'cashier');
  const row = page.getByTestId(`order-row-${placed.number.replace(/^#/, '')}`);
  await row.getByRole('button', { name: `Berichten aan de klant van ${placed.number}` }).click();
  const message = page.getByTestId('message').first();
  await expect(message).toHaveAttribute('data-state', 'failed', { timeout: 15_000 });
  await expect(message).toContainText('E-mail · Bevestiging');
  await expect(message).toContainText('Mislukt');
  await expect(message).toContainText('550');
  await expectAccessible(page, 'the staff list with an order whose mail failed');
  await page.screenshot({ path: join(DOCS, 'staff-order-messages.png') });

  // The address is fixed at the provider's side: send again, and it goes out.
  sink.refused.delete('typo@example.test');
  const before = sink.mails.length;
  await message.getByRole('button', { name: 'Bevestiging opnieuw versturen naar typo@example.test' }).click();
  await expect(message).toHaveAttribute('data-state', 'sent', { timeout: 15_000 });
  await expect(message).toContainText('Verstuurd');
  expect(sink.mails.length).toBe(before + 1);
  expect(sink.mails.at(-1)?.to).toEqual(['typo@example.test']);
});
