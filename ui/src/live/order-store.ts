// OrderStore: the orders a screen shows, kept current from REST loads, snapshots and events.
//
// The rules that make it safe to feed from several sources at once (a REST load racing the
// socket, a poll overlapping a reconnect replay):
// - an event with a seq at or below the last applied one is ignored, so replays are harmless;
// - an order is only replaced by a version that is at least as new (`updated_at`, or the length
//   of its status history on the customer view, which has no `updated_at`), so a late event
//   can never take an order back in time;
// - a snapshot replaces everything, seq included: it is the server's full state at its seq.
//
// Orders that arrive while the screen is running (`order.placed` live, or first seen in a
// later snapshot) are marked "new" until someone acknowledges them on this screen, or until
// anyone moves them past `placed` (then someone has clearly seen them).

import { orderInEvent, ordersInSnapshot, type LiveEvent, type Snapshot } from './protocol';

/** The fields the store reasons about; the rest of the order is carried along untouched. */
export interface StoredOrder {
  status: string;
  placed_at?: string;
  updated_at?: string;
  status_history?: unknown[];
}

export type OrderKey = string | number;

export interface OrderStoreOptions<O extends StoredOrder> {
  /** How to tell orders apart: `id` on the staff stream, `number` for the one tracked order. */
  keyOf: (order: O) => OrderKey;
  /** Checks that an object from the wire is an order; anything else is skipped. */
  isOrder: (value: unknown) => value is O;
}

/** True when `incoming` is not older than `current`. */
export function isAtLeastAsNew(incoming: StoredOrder, current: StoredOrder): boolean {
  if (incoming.updated_at && current.updated_at) {
    const a = Date.parse(incoming.updated_at);
    const b = Date.parse(current.updated_at);
    if (!Number.isNaN(a) && !Number.isNaN(b)) return a >= b;
  }
  if (incoming.status_history && current.status_history) {
    return incoming.status_history.length >= current.status_history.length;
  }
  return true;
}

export class OrderStore<O extends StoredOrder> {
  private readonly byKey = new Map<OrderKey, O>();
  private readonly fresh = new Set<OrderKey>();
  private readonly listeners = new Set<() => void>();
  private seq: number | null = null;
  private loaded = false;
  private version = 0;

  constructor(private readonly options: OrderStoreOptions<O>) {}

  /** The seq of the last applied event or snapshot; `null` before any. */
  get lastSeq(): number | null {
    return this.seq;
  }

  /** Bumped on every change; lets a UI tell cheaply whether to re-render. */
  get changeCount(): number {
    return this.version;
  }

  /** All orders, oldest first (the order the counter works through them). */
  orders(): O[] {
    return [...this.byKey.values()].sort(byPlacedAt);
  }

  get(key: OrderKey): O | undefined {
    return this.byKey.get(key);
  }

  /** Arrived while the screen was open and not yet acknowledged. */
  isNew(key: OrderKey): boolean {
    return this.fresh.has(key);
  }

  acknowledge(key: OrderKey): void {
    if (this.fresh.delete(key)) this.changed();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * The first load of the screen (REST), with the log position it is at. Nothing is "new":
   * these orders were there before the screen opened.
   */
  load(orders: unknown[], seq: number | null): void {
    this.replace(orders, seq, false);
  }

  /**
   * A snapshot from the server: the whole state at `snapshot.seq`. Taken even when its seq is
   * below ours: then the server's log started over (a restored backup), and it is the truth.
   */
  applySnapshot(snapshot: Snapshot): void {
    this.replace(ordersInSnapshot(snapshot.data), snapshot.seq, this.loaded);
  }

  /**
   * Upserts one order read over REST outside the event stream (a refresh, or the answer to a
   * status change), under the same "never older" rule as events.
   */
  upsert(value: unknown): void {
    if (this.upsertOne(value)) this.changed();
  }

  /** Applies one event; returns whether it was new. */
  applyEvent(event: LiveEvent): boolean {
    if (this.seq !== null && event.seq <= this.seq) return false;
    this.seq = event.seq;
    const order = orderInEvent(event);
    if (order !== null && this.options.isOrder(order)) {
      const key = this.options.keyOf(order);
      const known = this.byKey.has(key);
      this.upsertOne(order);
      if (event.type === 'order.placed' && !known) this.fresh.add(key);
    }
    this.changed();
    return true;
  }

  private replace(orders: unknown[], seq: number | null, markUnseen: boolean): void {
    const previous = new Set(this.byKey.keys());
    this.byKey.clear();
    for (const value of orders) {
      if (!this.options.isOrder(value)) continue;
      const key = this.options.keyOf(value);
      this.byKey.set(key, value);
      if (markUnseen && !previous.has(key) && value.status === 'placed') this.fresh.add(key);
      if (value.status !== 'placed') this.fresh.delete(key);
    }
    for (const key of [...this.fresh]) if (!this.byKey.has(key)) this.fresh.delete(key);
    if (seq !== null) this.seq = seq;
    this.loaded = true;
    this.changed();
  }

  private upsertOne(value: unknown): boolean {
    if (!this.options.isOrder(value)) return false;
    const key = this.options.keyOf(value);
    const current = this.byKey.get(key);
    if (current && !isAtLeastAsNew(value, current)) return false;
    this.byKey.set(key, value);
    if (value.status !== 'placed') this.fresh.delete(key);
    return true;
  }

  private changed(): void {
    this.version += 1;
    for (const listener of [...this.listeners]) listener();
  }
}

function byPlacedAt(a: StoredOrder, b: StoredOrder): number {
  return (a.placed_at ?? '').localeCompare(b.placed_at ?? '');
}
