// Preact bindings for the live library: components re-render when the connection state or the
// orders change, and unsubscribe when they unmount.

import { useEffect, useState } from 'preact/hooks';
import type { ConnectionState } from './connection-state';
import type { LiveClient } from './live-client';
import type { OrderStore, StoredOrder } from './order-store';

export function useConnectionState(client: LiveClient): ConnectionState {
  const [state, setState] = useState(client.connectionState);
  useEffect(() => {
    setState(client.connectionState);
    return client.subscribe(setState);
  }, [client]);
  return state;
}

/** Re-renders on every change of the store; returns the orders, oldest first. */
export function useOrders<O extends StoredOrder>(store: OrderStore<O>): O[] {
  const [, setVersion] = useState(store.changeCount);
  useEffect(() => {
    setVersion(store.changeCount);
    return store.subscribe(() => {
      setVersion(store.changeCount);
    });
  }, [store]);
  return store.orders();
}

export interface Live<O extends StoredOrder> {
  connection: ConnectionState;
  orders: O[];
}

/** Both at once, for a page built on a feed (`startStaffFeed`, `startTrackingFeed`). */
export function useLive<O extends StoredOrder>(feed: {
  client: LiveClient;
  store: OrderStore<O>;
}): Live<O> {
  return { connection: useConnectionState(feed.client), orders: useOrders(feed.store) };
}
