// Order shapes as the pages check them coming off the wire.

import type { FulfilmentType, Order, OrderCommon, OrderStatus, TrackedOrder } from './types';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** The customer view: what every order view has. */
export function isTrackedOrder(value: unknown): value is TrackedOrder {
  return (
    isRecord(value) &&
    typeof value.number === 'string' &&
    typeof value.status === 'string' &&
    Array.isArray(value.lines)
  );
}

/** The staff view: the customer view plus an id and a channel. */
export function isOrder(value: unknown): value is Order {
  return isRecord(value) && typeof value.id === 'number' && isTrackedOrder(value);
}

/** Statuses in which an order still needs work; `GET /orders?status=` takes them as a list. */
export const OPEN_STATUSES: readonly OrderStatus[] = [
  'placed',
  'accepted',
  'preparing',
  'ready',
  'out_for_delivery',
];

export function isOpen(status: OrderStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

/** Pickup or delivery, from either view of an order. */
export function fulfilmentType(order: OrderCommon): FulfilmentType {
  return typeof order.fulfilment === 'string' ? order.fulfilment : order.fulfilment.type;
}
