// The customer's feed: one order, followed by its tracking token.
//
// The page renders from a REST load first (fast on a weak phone connection), then connects
// live-only. The welcome tells the head the stream starts after; anything that changed between
// the REST load and that moment was not sent, so the order is loaded once more then. The store's
// "never older" rule makes the two sources safe to mix.

import { requestJson } from '../api/http';
import { isTrackedOrder } from '../api/orders';
import type { TrackedOrder } from '../api/types';
import { LiveClient } from './live-client';
import { OrderStore } from './order-store';

export interface TrackingFeed {
  client: LiveClient;
  store: OrderStore<TrackedOrder>;
  stop(): void;
}

export function createTrackingStore(): OrderStore<TrackedOrder> {
  // The stream carries one order; its number tells it apart well enough.
  return new OrderStore<TrackedOrder>({ keyOf: (order) => order.number, isOrder: isTrackedOrder });
}

export function fetchTrackedOrder(token: string): Promise<unknown> {
  return requestJson<unknown>(`/api/v1/orders/track/${encodeURIComponent(token)}`);
}

/** Loads the order (throws ApiError 404 for an unknown token) and starts following it. */
export async function startTrackingFeed(token: string): Promise<TrackingFeed> {
  const store = createTrackingStore();
  store.load([await fetchTrackedOrder(token)], null);

  const refresh = async () => {
    try {
      store.upsert(await fetchTrackedOrder(token));
    } catch {
      // The live stream and the next poll will bring the order up to date.
    }
  };

  const client = new LiveClient({
    url: `/api/v1/ws/track/${encodeURIComponent(token)}`,
    after: null,
    handlers: {
      event: (event) => {
        store.applyEvent(event);
      },
      snapshot: (snapshot) => {
        store.applySnapshot(snapshot);
      },
      welcome: (_head, resumedFrom) => {
        if (resumedFrom === null) void refresh();
      },
    },
    poll: async () => ({
      snapshot: { seq: null, data: { order: await fetchTrackedOrder(token) } },
    }),
  });
  client.start();
  return {
    client,
    store,
    stop: () => {
      client.stop();
    },
  };
}
