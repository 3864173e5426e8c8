// The staff screens' feed: every open order of the shop, kept live.
//
// Start-up order matters to be gap-free: 1) learn the log head, 2) load the open orders over
// REST (they contain at least everything up to that head), 3) connect and resume after the head.
// Events that raced the REST load are replayed and applied idempotently by the store.

import { ApiError, requestJson } from '../api/http';
import { isOrder, OPEN_STATUSES } from '../api/orders';
import type { EventPage, Order } from '../api/types';
import { LiveClient, type PollResult } from './live-client';
import { OrderStore } from './order-store';
import { parseEvent, type LiveEvent } from './protocol';

const EVENTS_PAGE = 500;
const ORDERS_PAGE = 50;

export interface StaffFeed {
  client: LiveClient;
  store: OrderStore<Order>;
  /** Also hears every event (printer trouble, ...); returns how to stop listening. */
  listen(listener: (event: LiveEvent) => void): () => void;
  stop(): void;
}

export interface StaffFeedOptions {
  /** A paired device's token, for screens without a cookie session. */
  token?: string;
  /** Called when the server no longer accepts the session (polling got a 401). */
  onSessionEnded?: () => void;
}

export function createStaffStore(): OrderStore<Order> {
  return new OrderStore<Order>({ keyOf: (order) => order.id, isOrder });
}

/** The current head of the event log. */
async function fetchHeadSeq(): Promise<number> {
  // limit=1 rather than 0: the cheapest page every server accepts; we only read head_seq.
  const page = await requestJson<EventPage>('/api/v1/events?after=0&limit=1');
  return page.head_seq;
}

/** Every open order, all pages of them. */
export async function fetchOpenOrders(): Promise<unknown[]> {
  const orders: unknown[] = [];
  for (let offset = 0; ; offset += ORDERS_PAGE) {
    const page = await requestJson<{ orders: unknown[]; total: number }>(
      `/api/v1/orders?status=${OPEN_STATUSES.join(',')}&limit=${ORDERS_PAGE}&offset=${offset}`,
    );
    orders.push(...page.orders);
    if (page.orders.length < ORDERS_PAGE || orders.length >= page.total) return orders;
  }
}

/**
 * One poll of `GET /events`: the events after `after`, or, when the log no longer holds them
 * all, a fresh REST load presented as a snapshot at the head it was taken after.
 */
export async function pollStaffEvents(after: number | null): Promise<PollResult> {
  const events: LiveEvent[] = [];
  let cursor = after;
  while (cursor !== null) {
    let page: EventPage;
    try {
      page = await requestJson<EventPage>(`/api/v1/events?after=${cursor}&limit=${EVENTS_PAGE}`);
    } catch (error) {
      // 410 Gone: the server says the events we need are past its retention horizon.
      if (error instanceof ApiError && error.status === 410) break;
      throw error;
    }
    const lost = page.head_seq > cursor && page.oldest_seq > cursor + 1;
    if (lost) break;
    const parsed = page.events.map(parseEvent).filter((event) => event !== null);
    events.push(...parsed);
    const last = parsed.at(-1)?.seq ?? cursor;
    if (parsed.length < EVENTS_PAGE || last >= page.head_seq) return { events };
    cursor = last;
  }
  const head = await fetchHeadSeq();
  return { snapshot: { seq: head, data: { orders: await fetchOpenOrders() } } };
}

export async function startStaffFeed(options: StaffFeedOptions = {}): Promise<StaffFeed> {
  const store = createStaffStore();
  const listeners = new Set<(event: LiveEvent) => void>();
  const head = await fetchHeadSeq();
  store.load(await fetchOpenOrders(), head);

  const client = new LiveClient({
    url: '/api/v1/ws',
    ...(options.token ? { token: options.token } : {}),
    after: head,
    handlers: {
      event: (event) => {
        store.applyEvent(event);
        for (const listener of listeners) listener(event);
      },
      snapshot: (snapshot) => {
        store.applySnapshot(snapshot);
      },
      unauthorized: () => options.onSessionEnded?.(),
    },
    poll: async (after) => {
      try {
        return await pollStaffEvents(after);
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) options.onSessionEnded?.();
        throw error;
      }
    },
  });
  client.start();
  return {
    client,
    store,
    listen: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stop: () => {
      client.stop();
    },
  };
}
