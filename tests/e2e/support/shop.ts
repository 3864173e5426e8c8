// One helper to start the real shop server for a browser test, in the spirit of Zero To
// Production's spawn_app(): a fresh data dir and a free port per test, and one method per
// endpoint the test needs. No fakes: this is the `forno` binary the shop runs.

import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// __dirname, not import.meta: Playwright compiles the tests in tests/e2e to CommonJS.
const REPO_ROOT = resolve(__dirname, '..', '..', '..');
const SERVING = /Forno is serving on (http:\/\/\S+)/;
const PIN_LINE = /^\s+(owner|manager|cashier|kitchen)\s+(\S+)\s+(\d{4,8})$/;

export type Role = 'owner' | 'manager' | 'cashier' | 'kitchen';

export interface StaffLogin {
  role: Role;
  name: string;
  pin: string;
}

export interface PlacedOrder {
  order_number: string;
  tracking_token: string;
  tracking_url: string;
  status: string;
}

export function fornoBinary(): string {
  return process.env.FORNO_BIN ?? join(REPO_ROOT, 'target', 'debug', 'forno');
}

/** One entry of the audit log, as `GET /audit` lists it. */
export interface AuditEntry {
  action: string;
  order_id: number | null;
  staff_name: string | null;
  detail: Record<string, unknown>;
}

/** A running `forno serve`, restartable on the same port and data dir. */
export class Shop {
  readonly staff = new Map<Role, StaffLogin>();
  private process: ChildProcess | null = null;
  private output = '';
  private baseUrl = '';
  private bearer: string | null = null;

  private constructor(
    readonly dataDir: string,
    private readonly env: Record<string, string>,
  ) {}

  /**
   * A fresh shop. `env` adds to the server's environment, also on restarts: with
   * `{ FORNO_FIRST_RUN: 'setup' }` the shop waits for its setup wizard and has no staff yet.
   */
  static async start(env: Record<string, string> = {}): Promise<Shop> {
    const shop = new Shop(mkdtempSync(join(tmpdir(), 'forno-e2e-')), env);
    await shop.launch('127.0.0.1:0');
    if (env.FORNO_FIRST_RUN === 'setup') return shop;
    // The first start of the demo prints the staff PINs; they may come just after "serving".
    for (let waited = 0; shop.staff.size === 0 && waited < 5_000; waited += 50) await sleep(50);
    return shop;
  }

  get url(): string {
    return this.baseUrl;
  }

  /** Everything the server printed, for failure messages. */
  get log(): string {
    return this.output;
  }

  /** Stops the server the way the shop's power or a crash would. */
  async stop(signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM'): Promise<void> {
    const child = this.process;
    this.process = null;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise<void>((done) => {
      child.once('exit', () => {
        done();
      });
    });
    child.kill(signal);
    await exited;
  }

  /** Starts the server again on the same port and data dir, as after a restart of the PC. */
  async restart(): Promise<void> {
    const { host } = new URL(this.baseUrl);
    // The old socket may linger a moment; try for a few seconds.
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.launch(host);
        return;
      } catch (error) {
        if (attempt >= 10) throw error;
        await sleep(300);
      }
    }
  }

  private launch(listen: string): Promise<void> {
    const child = spawn(fornoBinary(), ['serve', '--data-dir', this.dataDir, '--listen', listen], {
      env: {
        ...process.env,
        FORNO_DEMO_ALWAYS_OPEN: '1',
        RUST_LOG: process.env.RUST_LOG ?? 'info',
        ...this.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.process = child;
    return new Promise((ready, fail) => {
      const timeout = setTimeout(() => {
        fail(new Error(`forno did not say it was serving within 30 s. Output:\n${this.output}`));
      }, 30_000);
      let pending = '';
      child.stdout.setEncoding('utf8');
      child.stdout.on('data', (chunk: string) => {
        this.output += chunk;
        pending += chunk;
        const lines = pending.split('\n');
        pending = lines.pop() ?? '';
        for (const line of lines) {
          const pin = PIN_LINE.exec(line);
          if (pin) {
            const [, role, name, code] = pin as unknown as [string, Role, string, string];
            this.staff.set(role, { role, name, pin: code });
          }
          const serving = SERVING.exec(line);
          if (serving?.[1]) {
            clearTimeout(timeout);
            this.baseUrl = serving[1].replace(/\/$/, '');
            ready();
          }
        }
      });
      child.stderr.setEncoding('utf8');
      child.stderr.on('data', (chunk: string) => {
        this.output += chunk;
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timeout);
        fail(new Error(`forno exited (${code ?? signal}) before serving. Output:\n${this.output}`));
      });
      child.once('error', (error) => {
        clearTimeout(timeout);
        fail(
          new Error(
            `could not start ${fornoBinary()}: ${error.message}. Build it with \`cargo build -p forno\` (and the UI with \`npm run build\` in ui/), or point FORNO_BIN at a forno binary.`,
          ),
        );
      });
    });
  }

  login(role: Role): StaffLogin {
    const login = this.staff.get(role);
    if (!login) throw new Error(`forno printed no PIN for the ${role}. Output:\n${this.output}`);
    return login;
  }

  // --- the API, one method per endpoint the tests use ---------------------------------------

  async call<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
    const response = await fetch(`${this.baseUrl}/api/v1${path}`, {
      method,
      headers: {
        Accept: 'application/json',
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...(this.bearer ? { Authorization: `Bearer ${this.bearer}` } : {}),
        ...headers,
      },
      body: body === undefined ? null : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  /** `GET /audit`: the newest entries (up to 200), newest first. */
  async auditEntries(): Promise<AuditEntry[]> {
    return (await this.call<{ entries: AuditEntry[] }>('GET', '/audit?limit=200')).entries;
  }

  /** Logs the API helper in (bearer token) as the given role. */
  async logInApi(role: Role): Promise<void> {
    const { name, pin } = this.login(role);
    const answer = await this.call<{ token: string }>('POST', '/auth/login', { name, pin });
    this.bearer = answer.token;
  }

  /** A pickup web order, as soon as possible, of the first size of the first item on the menu. */
  async placeWebOrder(customer = 'Jan de Vries'): Promise<PlacedOrder> {
    const menu = await this.call<{
      categories: { items: { id: number; sold_out: boolean; sizes: { code: string }[] }[] }[];
    }>('GET', '/menu');
    const item = menu.categories.flatMap((category) => category.items).find((it) => !it.sold_out);
    const size = item?.sizes[0];
    if (!item || !size) throw new Error('the demo menu has no item with a size');
    const previousBearer = this.bearer;
    this.bearer = null; // a customer has no staff session
    try {
      const placed = await this.call<PlacedOrder & { number?: string }>(
        'POST',
        '/orders',
        {
          lines: [{ item_id: item.id, size: size.code, quantity: 1 }],
          fulfilment: { type: 'pickup' },
          requested_time: null,
          contact: { name: customer, phone: '0612345678' },
        },
        { 'Idempotency-Key': randomUUID() },
      );
      // docs/api.md names it `order_number`; the first server build sent `number`.
      return { ...placed, order_number: placed.order_number || placed.number || '' };
    } finally {
      this.bearer = previousBearer;
    }
  }

  /** The staff id of an order, found by its number. */
  async orderId(number: string): Promise<number> {
    const page = await this.call<{ orders: { id: number; number: string }[] }>(
      'GET',
      '/orders?status=placed,accepted,preparing,ready,out_for_delivery&limit=50',
    );
    const order = page.orders.find((candidate) => candidate.number === number);
    if (!order) throw new Error(`no order ${number} in GET /orders`);
    return order.id;
  }

  async changeStatus(id: number, status: string): Promise<void> {
    await this.call('POST', `/orders/${id}/status`, { status });
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}
