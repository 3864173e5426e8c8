import { describe, expect, it } from 'vitest';
import { OrderStore, isAtLeastAsNew } from './order-store';
import type { LiveEvent } from './protocol';

interface TestOrder {
  id: number;
  number: string;
  status: string;
  placed_at: string;
  updated_at: string;
}

function isTestOrder(value: unknown): value is TestOrder {
  return typeof value === 'object' && value !== null && 'id' in value && 'status' in value;
}

function newStore() {
  return new OrderStore<TestOrder>({ keyOf: (order) => order.id, isOrder: isTestOrder });
}

const at = (minute: number) => `2026-11-25T17:${String(minute).padStart(2, '0')}:00Z`;

/** An order as the server would send it: placed at minute `id`, last changed at `changedAt`. */
function anOrder(id: number, status: string, changedAt = id): TestOrder {
  return {
    id,
    number: `#${String(id).padStart(3, '0')}`,
    status,
    placed_at: at(id),
    updated_at: at(changedAt),
  };
}

function orderEvent(seq: number, type: string, order: TestOrder): LiveEvent {
  return { seq, type, at: order.updated_at, data: { order } };
}

describe('OrderStore', () => {
  it('applies an event once, however often it is replayed', () => {
    const store = newStore();
    store.load([], 10);
    const placed = orderEvent(11, 'order.placed', anOrder(1, 'placed'));

    expect(store.applyEvent(placed)).toBe(true);
    expect(store.applyEvent(placed)).toBe(false);
    expect(store.orders()).toHaveLength(1);
    expect(store.lastSeq).toBe(11);
  });

  it('ignores events at or below the seq of the loaded state', () => {
    const store = newStore();
    store.load([anOrder(1, 'accepted', 5)], 20);

    store.applyEvent(orderEvent(20, 'order.status_changed', anOrder(1, 'placed', 1)));

    expect(store.get(1)?.status).toBe('accepted');
  });

  it('follows an order through its statuses in seq order', () => {
    const store = newStore();
    store.load([], 0);
    store.applyEvent(orderEvent(1, 'order.placed', anOrder(1, 'placed', 1)));
    store.applyEvent(orderEvent(2, 'order.status_changed', anOrder(1, 'accepted', 2)));
    store.applyEvent(orderEvent(3, 'order.status_changed', anOrder(1, 'preparing', 3)));

    expect(store.get(1)?.status).toBe('preparing');
  });

  it('never takes an order back to an older version', () => {
    // A REST load raced the socket: it already holds the newer state the replay leads up to.
    const store = newStore();
    store.load([anOrder(1, 'ready', 30)], 5);

    store.applyEvent(orderEvent(6, 'order.status_changed', anOrder(1, 'preparing', 20)));

    expect(store.get(1)?.status).toBe('ready');
    expect(store.lastSeq).toBe(6);
  });

  it('keeps orders sorted oldest first', () => {
    const store = newStore();
    store.load([anOrder(3, 'placed'), anOrder(1, 'placed'), anOrder(2, 'placed')], 0);

    expect(store.orders().map((order) => order.id)).toEqual([1, 2, 3]);
  });

  it('marks orders placed while the screen is open as new until acknowledged', () => {
    const store = newStore();
    store.load([anOrder(1, 'placed')], 0);
    store.applyEvent(orderEvent(1, 'order.placed', anOrder(2, 'placed')));

    expect(store.isNew(1)).toBe(false);
    expect(store.isNew(2)).toBe(true);
    store.acknowledge(2);
    expect(store.isNew(2)).toBe(false);
  });

  it('stops calling an order new once anyone moves it on', () => {
    const store = newStore();
    store.load([], 0);
    store.applyEvent(orderEvent(1, 'order.placed', anOrder(1, 'placed')));

    store.applyEvent(orderEvent(2, 'order.status_changed', anOrder(1, 'accepted', 5)));

    expect(store.isNew(1)).toBe(false);
  });

  it('does not mark an order new when its placement is replayed after a REST load', () => {
    const store = newStore();
    store.load([anOrder(1, 'placed')], 0);

    store.applyEvent(orderEvent(1, 'order.placed', anOrder(1, 'placed')));

    expect(store.isNew(1)).toBe(false);
  });

  it('replaces everything with a snapshot and resumes from its seq', () => {
    const store = newStore();
    store.load([anOrder(1, 'placed'), anOrder(2, 'placed')], 3);

    store.applySnapshot({ seq: 50, data: { orders: [anOrder(2, 'ready', 40), anOrder(9, 'placed')] } });

    expect(store.orders().map((order) => [order.id, order.status])).toEqual([
      [2, 'ready'],
      [9, 'placed'],
    ]);
    expect(store.lastSeq).toBe(50);
    expect(store.isNew(9)).toBe(true);
    expect(store.applyEvent(orderEvent(50, 'order.placed', anOrder(10, 'placed')))).toBe(false);
    expect(store.applyEvent(orderEvent(51, 'order.placed', anOrder(10, 'placed')))).toBe(true);
  });

  it('follows a snapshot back to a lower seq when the log of the server started over', () => {
    const store = newStore();
    store.load([anOrder(1, 'ready')], 60);

    store.applySnapshot({ seq: 5, data: { orders: [] } });
    store.applyEvent(orderEvent(6, 'order.placed', anOrder(2, 'placed')));

    expect(store.orders().map((order) => order.id)).toEqual([2]);
    expect(store.lastSeq).toBe(6);
  });

  it('reads the single order of a customer snapshot', () => {
    const store = newStore();
    store.applySnapshot({ seq: 7, data: { order: anOrder(4, 'accepted') } });

    expect(store.get(4)?.status).toBe('accepted');
  });

  it('advances its seq on events that carry no order', () => {
    const store = newStore();
    store.load([], 1);

    store.applyEvent({ seq: 2, type: 'shop.updated', at: '', data: {} });

    expect(store.lastSeq).toBe(2);
  });

  it('tells subscribers about changes and stops when they unsubscribe', () => {
    const store = newStore();
    let calls = 0;
    const unsubscribe = store.subscribe(() => (calls += 1));
    store.load([], 0);
    unsubscribe();
    store.applyEvent(orderEvent(1, 'order.placed', anOrder(1, 'placed')));

    expect(calls).toBe(1);
  });
});

describe('isAtLeastAsNew', () => {
  it('compares updated_at when both orders have it', () => {
    expect(isAtLeastAsNew(anOrder(1, 'x', 2), anOrder(1, 'y', 1))).toBe(true);
    expect(isAtLeastAsNew(anOrder(1, 'x', 1), anOrder(1, 'y', 2))).toBe(false);
  });

  it('falls back to the length of the status history (the customer view)', () => {
    const placed = { status: 'placed', status_history: [1] };
    const accepted = { status: 'accepted', status_history: [1, 2] };
    expect(isAtLeastAsNew(accepted, placed)).toBe(true);
    expect(isAtLeastAsNew(placed, accepted)).toBe(false);
  });
});
