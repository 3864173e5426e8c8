// Preact bindings for the live library: a page starts its feed with `useFeed` (start, retry,
// the state to show meanwhile), and re-renders with `useLive` when the connection state or the
// orders change; everything unsubscribes and stops when the component unmounts.

import { useEffect, useRef, useState } from 'preact/hooks';
import type { ConnectionState } from './connection-state';
import { FEED_RETRY_MS, FeedStart, type FeedState, type Stoppable } from './feed-start';
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

export interface UseFeedOptions<F extends Stoppable> {
  /** Starts the feed; called again after a failed try, never twice at once. */
  start: () => Promise<F>;
  /** Errors not worth another try (a 404 tracking link, an ended session). */
  isFinal?: (error: unknown) => boolean;
  retryMs?: number;
}

/**
 * Starts a page's feed when the component mounts (again when `key` changes), tries again every
 * few seconds while the server cannot be reached, and stops the feed when the component goes.
 * Returns what the page shows meanwhile (FeedState); once `running`, `useLive(feed)` follows it.
 * The latest `start` and `isFinal` are used, so callers may pass fresh closures every render.
 */
export function useFeed<F extends Stoppable>(
  options: UseFeedOptions<F>,
  key: readonly unknown[] = [],
): FeedState<F> {
  const latest = useRef(options);
  latest.current = options;
  const [state, setState] = useState<FeedState<F>>({ kind: 'starting' });
  useEffect(() => {
    const run = new FeedStart<F>({
      start: () => latest.current.start(),
      isFinal: (error) => latest.current.isFinal?.(error) ?? false,
      retryMs: latest.current.retryMs ?? FEED_RETRY_MS,
    });
    setState(run.state);
    const unsubscribe = run.subscribe(setState);
    run.begin();
    return () => {
      unsubscribe();
      run.stop();
    };
    // The feed restarts when the caller's key changes, not when its closures do.
  }, key);
  return state;
}
