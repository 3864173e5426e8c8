// The one live client library of Forno's browser pages (see live-client.ts for the why).
export { reconnectDelay, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff';
export type { ConnectionState } from './connection-state';
export {
  LiveClient,
  socketUrl,
  type LiveClientOptions,
  type LiveHandlers,
  type OpenSocket,
  type PollResult,
  type WebSocketLike,
} from './live-client';
export { OrderStore, isAtLeastAsNew, type OrderKey, type StoredOrder } from './order-store';
export type { LiveEvent, Snapshot } from './protocol';
export { startStaffFeed, type StaffFeed } from './staff-feed';
export { startTrackingFeed, type TrackingFeed } from './tracking-feed';
export { FeedStart, FEED_RETRY_MS, type FeedState, type FeedStartOptions } from './feed-start';
